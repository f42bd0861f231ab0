/*
 * ma_shell_script.c — the script readers of the argv check
 * (ma_shell_argv.c): where a sed script or an awk program, as the
 * program would read it, runs a command, reads or writes a file or loads
 * code. An input that brings one of those places fires there
 * (cmd.program); the readers only say where they are.
 *
 * Pure: reads the script given, writes the offsets into the caller's
 * array, allocates nothing. Any thread.
 */
#include "ma_shell.h"

#include <stddef.h>
#include <string.h>

/* Past a sed regular expression (re: a delimiter inside a bracket
 * expression, s/[/]/x/, is a character of it) or replacement ending at
 * delimiter d, from *i: 1, *i after the delimiter; 0 when it is not
 * closed. */
static int ma_sh_sed_delim(const char *s, size_t n, size_t *i, char d, int re)
{
	for (; *i < n; (*i)++) {
		if (re && s[*i] == '[') {
			size_t j = *i + 1;
			if (j < n && s[j] == '^')
				j++;
			if (j < n && s[j] == ']')
				j++;
			while (j < n && s[j] != ']' && s[j] != '\n') {
				if (s[j] == '[' && j + 1 < n && strchr(":.=", s[j + 1])) {
					const char *e = memchr(s + j + 2, ']', n - j - 2);
					if (e && e[-1] == s[j + 1])
						j = (size_t)(e - s);
				}
				j++;
			}
			if (j < n && s[j] == ']')
				*i = j;
			continue;
		}
		if (s[*i] == '\\')
			(*i)++;
		else if (s[*i] == d) {
			(*i)++;
			return 1;
		} else if (s[*i] == '\n')
			return 0;
	}
	return 0;
}

static void ma_sh_sed_digits(const char *s, size_t n, size_t *i)
{
	while (*i < n && s[*i] >= '0' && s[*i] <= '9')
		(*i)++;
}

static void ma_sh_sed_blanks(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
		(*i)++;
}

/* To the end of the line from *i (a's text with its backslashes, a file
 * name, e's command). */
static void ma_sh_sed_eol(const char *s, size_t n, size_t *i, int esc)
{
	while (*i < n && s[*i] != '\n')
		*i += esc && s[*i] == '\\' ? 2 : 1;
	if (*i > n)
		*i = n;
}

/* One address at *i (a line number, first~step, $, /re/ or \cREc with I
 * and M; the second of a range also +N and ~N): 1 read, 0 none, -1 an
 * error. */
static int ma_sh_sed_addr(const char *s, size_t n, size_t *i, int second)
{
	if (*i >= n)
		return second ? -1 : 0;
	if (s[*i] >= '0' && s[*i] <= '9') {
		ma_sh_sed_digits(s, n, i);
		if (*i < n && s[*i] == '~') {
			(*i)++;
			ma_sh_sed_digits(s, n, i);
		}
		return 1;
	}
	if (s[*i] == '$') {
		(*i)++;
		return 1;
	}
	if (s[*i] == '/' || s[*i] == '\\') {
		char d = '/';
		if (s[*i] == '\\') {
			if (++*i >= n || s[*i] == '\n')
				return -1;
			d = s[*i];
		}
		(*i)++;
		if (!ma_sh_sed_delim(s, n, i, d, 1))
			return -1;
		while (*i < n && (s[*i] == 'I' || s[*i] == 'M'))
			(*i)++;
		return 1;
	}
	if (second && (s[*i] == '+' || s[*i] == '~')) {
		(*i)++;
		ma_sh_sed_digits(s, n, i);
		return 1;
	}
	return second ? -1 : 0;
}

/* GNU sed's script s (n bytes; sed(1), "sed scripts"): 1 when it parses,
 * with the offsets of the commands and s flags that run a command or read
 * or write a file (e, r, R, w, W; s///e, s///w) in pos (at most cap:
 * *npos); 0 when sed would refuse it (nothing runs). */
int ma_sh_sed_parse(const char *s, size_t n, size_t *pos, int cap, int *npos)
{
	size_t i = 0;
	int depth = 0;

	*npos = 0;
	for (;;) {
		char c;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ';'))
			i++;
		if (i >= n)
			return depth == 0;
		if (s[i] == '#') {
			ma_sh_sed_eol(s, n, &i, 0);
			continue;
		}
		if (s[i] == '}') {
			if (--depth < 0)
				return 0;
			i++;
		} else {
			int a = ma_sh_sed_addr(s, n, &i, 0);
			if (a < 0)
				return 0;
			ma_sh_sed_blanks(s, n, &i);
			if (a && i < n && s[i] == ',') {
				i++;
				ma_sh_sed_blanks(s, n, &i);
				if (ma_sh_sed_addr(s, n, &i, 1) <= 0)
					return 0;
				ma_sh_sed_blanks(s, n, &i);
			}
			if (i < n && s[i] == '!') {
				i++;
				ma_sh_sed_blanks(s, n, &i);
			}
			if (i >= n)
				return 0;
			c = s[i++];
			switch (c) {
			case '{':
				depth++;
				continue;
			case '#':
				ma_sh_sed_eol(s, n, &i, 0);
				continue;
			case ':':
			case 'b':
			case 't':
			case 'T':
			case 'v':
				ma_sh_sed_blanks(s, n, &i);
				if (c == ':' && (i >= n || s[i] == ';' || s[i] == '\n'))
					return 0;
				while (i < n && s[i] != ';' && s[i] != '\n')
					i++;
				break;
			case 'a':
			case 'i':
			case 'c':
				ma_sh_sed_eol(s, n, &i, 1);
				break;
			case 'e':
			case 'r':
			case 'R':
			case 'w':
			case 'W':
				if (*npos < cap)
					pos[(*npos)++] = i - 1;
				ma_sh_sed_blanks(s, n, &i);
				if (c != 'e' && (i >= n || s[i] == '\n'))
					return 0; /* a file name is needed */
				ma_sh_sed_eol(s, n, &i, 0);
				break;
			case 's':
			case 'y':
				if (i >= n || s[i] == '\n' || s[i] == '\\')
					return 0;
				{
					char d = s[i++];
					if (!ma_sh_sed_delim(s, n, &i, d, c == 's') ||
					    !ma_sh_sed_delim(s, n, &i, d, 0))
						return 0;
				}
				while (c == 's' && i < n && s[i] &&
				       strchr("gpiImMe0123456789w", s[i])) {
					if ((s[i] == 'e' || s[i] == 'w') && *npos < cap)
						pos[(*npos)++] = i;
					if (s[i++] == 'w') {
						ma_sh_sed_blanks(s, n, &i);
						if (i >= n || s[i] == '\n')
							return 0;
						ma_sh_sed_eol(s, n, &i, 0);
					}
				}
				break;
			case 'l':
			case 'L':
			case 'q':
			case 'Q':
				ma_sh_sed_blanks(s, n, &i);
				ma_sh_sed_digits(s, n, &i);
				break;
			default:
				if (!c || !strchr("=dDgGhHnNpPxzF", c))
					return 0;
			}
		}
		ma_sh_sed_blanks(s, n, &i);
		if (i < n && s[i] != ';' && s[i] != '\n' && s[i] != '}' && s[i] != '#')
			return 0;
	}
}

/* Past an awk regular expression literal from *i (after its '/'): a '/'
 * in a bracket expression is a character of it. 1 and *i after the
 * closing '/'; 0 when it does not close on its line. */
static int ma_sh_awk_regex(const char *p, size_t n, size_t *i)
{
	while (*i < n && p[*i] != '/') {
		if (p[*i] == '\\')
			(*i)++;
		else if (p[*i] == '[') {
			size_t j = *i + 1;
			if (j < n && p[j] == '^')
				j++;
			if (j < n && p[j] == ']')
				j++;
			while (j < n && p[j] != ']' && p[j] != '\n')
				j++;
			if (j < n && p[j] == ']')
				*i = j;
		} else if (p[*i] == '\n')
			return 0;
		(*i)++;
	}
	if (*i >= n)
		return 0;
	(*i)++;
	return 1;
}

/* awk's program p (n bytes; POSIX awk's lexical conventions, gawk's
 * @load and @include): 1 when its strings, regular expressions,
 * parentheses and braces close, with in pos (at most cap: *npos) the
 * offsets of what runs a command, writes a file or loads code: system
 * before '(', a '|' (not "||": print | "cmd", "cmd" | getline, |&), the
 * '>' of a print or printf outside its parentheses, the '@' of @load or
 * @include. A '/' starts a regular expression where no operand is before
 * it (else it divides). */
int ma_sh_awk_scan(const char *p, size_t n, size_t *pos, int cap, int *npos)
{
	size_t i = 0;
	int paren = 0, brace = 0, operand = 0, print = 0, pparen = 0;

	*npos = 0;
	while (i < n) {
		char c = p[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			i++;
		} else if (c == '\\' && i + 1 < n && p[i + 1] == '\n') {
			i += 2;
		} else if (c == '\n' || c == ';') {
			print = operand = 0;
			i++;
		} else if (c == '#') {
			while (i < n && p[i] != '\n')
				i++;
		} else if (c == '"') {
			for (i++; i < n && p[i] != '"'; i++) {
				if (p[i] == '\\')
					i++;
				else if (p[i] == '\n')
					return 0;
			}
			if (i >= n)
				return 0;
			i++;
			operand = 1;
		} else if (c == '/' && !operand) {
			i++;
			if (!ma_sh_awk_regex(p, n, &i))
				return 0;
			operand = 1;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		           c == '@') {
			size_t s = i++, j;
			while (i < n &&
			       ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
			        (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
				i++;
			for (j = i; j < n && (p[j] == ' ' || p[j] == '\t'); j++)
				;
			operand = 1;
			if ((i - s == 6 && !memcmp(p + s, "system", 6) && j < n && p[j] == '(') ||
			    (i - s == 5 && !memcmp(p + s, "@load", 5)) ||
			    (i - s == 8 && !memcmp(p + s, "@include", 8))) {
				if (*npos < cap)
					pos[(*npos)++] = s;
			} else if ((i - s == 5 && !memcmp(p + s, "print", 5)) ||
			           (i - s == 6 && !memcmp(p + s, "printf", 6))) {
				print = 1;
				pparen = paren;
				operand = 0;
			} else if ((i - s == 6 && !memcmp(p + s, "return", 6)) ||
			           (i - s == 7 && !memcmp(p + s, "getline", 7)) ||
			           (i - s == 2 && !memcmp(p + s, "in", 2))) {
				operand = 0;
			}
		} else if ((c >= '0' && c <= '9') || c == '.') {
			while (i < n &&
			       ((p[i] >= '0' && p[i] <= '9') || p[i] == '.' || p[i] == 'e' ||
			        p[i] == 'E' || p[i] == 'x' || p[i] == 'X' ||
			        (p[i] >= 'a' && p[i] <= 'f') || (p[i] >= 'A' && p[i] <= 'F')))
				i++;
			operand = 1;
		} else {
			i++;
			operand = 0;
			if (c == '(' || c == '[') {
				paren++;
			} else if (c == ')' || c == ']') {
				if (--paren < 0)
					return 0;
				operand = 1;
			} else if (c == '{') {
				brace++;
				print = 0;
			} else if (c == '}') {
				if (--brace < 0)
					return 0;
				print = 0;
			} else if (c == '|' && i < n && p[i] == '|') {
				i++;
			} else if (c == '|' || (c == '>' && print && paren == pparen)) {
				if (*npos < cap)
					pos[(*npos)++] = i - 1;
				if (i < n && (p[i] == '>' || p[i] == '&'))
					i++;
			} else if ((c == '+' || c == '-') && i < n && p[i] == c) {
				i++; /* ++ and -- keep what is before them */
				operand = 1;
			}
		}
	}
	return paren == 0 && brace == 0;
}
