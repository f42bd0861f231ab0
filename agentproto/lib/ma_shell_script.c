/*
 * ma_shell_script.c — the script readers of the argv check
 * (ma_shell_argv.c): where a sed script or an awk program, as the
 * program would read it, runs a command, reads or writes a file or loads
 * code (an input that brings one of those places fires there:
 * cmd.program; the readers only say where they are); whether an input
 * changes the tokens of code given as an option's value (python -c,
 * perl -e, ruby -e, node -e, php -r: one lexer for the five languages'
 * strings, comments and regular expressions), which of that code's
 * strings it hands to a shell (os.system('...'), perl's system "...":
 * the argv check judges them as command lines) or the command of vim's
 * Ex command line.
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
 * or write a file (e, r, R, w, W; s///e, s///w) at offset from or
 * after it in pos (the first cap of them: *npos; argv65: the caller asks
 * again from past the last when pos is full); 0 when sed would refuse it
 * (nothing runs). */
int ma_sh_sed_parse(const char *s, size_t n, size_t from, size_t *pos, int cap, int *npos)
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
				if (*npos < cap && i - 1 >= from)
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
					if ((s[i] == 'e' || s[i] == 'w') && *npos < cap &&
					    i >= from)
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
 * parentheses and braces close, with in pos (the first cap at offset
 * from or after it: *npos; the caller asks again when pos is full) the
 * offsets of what runs a command, writes a file or loads code: system
 * before '(', a '|' (not "||": print | "cmd", "cmd" | getline, |&), the
 * '>' of a print or printf outside its parentheses, the '@' of @load or
 * @include. A '/' starts a regular expression where no operand is before
 * it (else it divides). */
int ma_sh_awk_scan(const char *p, size_t n, size_t from, size_t *pos, int cap, int *npos)
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
				if (*npos < cap && s >= from)
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
				if (*npos < cap && i - 1 >= from)
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

/* ---- code given as an option's value (python -c, perl -e ...) ---- */

/* What a token of ma_sh_code_judge's lexer is. */
enum { MA_SH_TK_WORD = 1, MA_SH_TK_PUNCT, MA_SH_TK_STR, MA_SH_TK_COMMENT };

/* One token: its kind, and for a string or a regular expression whether
 * it interpolates code (perl's "@{[...]}", ruby's "#{...}", php's
 * "${...}", javascript's `${...}`, python's f"{...}") or runs a shell
 * command (perl's, ruby's and php's backticks, perl's qx). */
struct ma_sh_tok {
	size_t start, end;
	int kind, interp, cmd;
};

static int ma_sh_code_word(char c, int lang)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || (unsigned char)c >= 0x80 || (c == '$' && lang != MA_SH_LANG_PY);
}

/* 1 when s[w, p) is a decimal number up to its exponent's 'e' and s[p]
 * is the exponent's sign (1e-5, 1.5E+10: one token in the five
 * languages; 0x1e-5 is a subtraction). */
static int ma_sh_code_exp_sign(const char *s, size_t n, size_t w, size_t p)
{
	if (p + 1 >= n || (s[p] != '-' && s[p] != '+') || s[p + 1] < '0' || s[p + 1] > '9' ||
	    p < w + 2 || (s[p - 1] != 'e' && s[p - 1] != 'E'))
		return 0;
	for (size_t k = w; k + 1 < p; k++)
		if (!((s[k] >= '0' && s[k] <= '9') || (k > w && (s[k] == '.' || s[k] == '_'))))
			return 0;
	return s[w] >= '0' && s[w] <= '9';
}

/* Past a quoted part from *i (after its opening delimiter o, closed by c;
 * a bracket pair nests): 1 and *i after the closing delimiter, 0 when it
 * does not close. triple: python's ''' or """. */
static int ma_sh_code_quoted(const char *s, size_t n, size_t *i, char o, char c, int triple)
{
	int depth = 0;

	while (*i < n) {
		char x = s[*i];
		if (x == '\\') {
			*i += 2;
			continue;
		}
		if (o != c && x == o)
			depth++;
		else if (x == c) {
			if (triple) {
				if (*i + 2 < n && s[*i + 1] == c && s[*i + 2] == c) {
					*i += 3;
					return 1;
				}
			} else if (depth-- == 0) {
				(*i)++;
				return 1;
			}
		}
		(*i)++;
	}
	return 0;
}

static char ma_sh_code_closer(char o)
{
	switch (o) {
	case '(':
		return ')';
	case '[':
		return ']';
	case '{':
		return '}';
	case '<':
		return '>';
	default:
		return o;
	}
}

/* perl's quote-like operators (q qq qw qx m qr s y tr): how many quoted
 * parts follow the name w (wl bytes), 0 when it is none; *interp and
 * *cmd as for a string. */
static int ma_sh_perl_quote_like(const char *w, size_t wl, int *interp, int *cmd)
{
	*interp = 1;
	*cmd = 0;
	if ((wl == 1 && (*w == 'q')) || (wl == 2 && !memcmp(w, "qw", 2))) {
		*interp = 0;
		return 1;
	}
	if (wl == 2 && !memcmp(w, "qx", 2)) {
		*cmd = 1;
		return 1;
	}
	if ((wl == 2 && (!memcmp(w, "qq", 2) || !memcmp(w, "qr", 2))) || (wl == 1 && *w == 'm'))
		return 1;
	if ((wl == 1 && (*w == 's' || *w == 'y')) || (wl == 2 && !memcmp(w, "tr", 2))) {
		*interp = *w == 's';
		return 2;
	}
	return 0;
}

/* A word after which a '/' starts a regular expression, not a division
 * (perl, ruby, javascript: split /,/ ...; if /x/). */
static int ma_sh_code_regex_after(const char *w, size_t wl)
{
	static const char *const kw[] = {"and",    "or",   "not",   "if",   "unless", "while",
	                                 "until",  "when", "split", "grep", "map",    "return",
	                                 "typeof", "case", "in",    "of",   "print",  NULL};

	for (int k = 0; kw[k]; k++)
		if (strlen(kw[k]) == wl && !memcmp(kw[k], w, wl))
			return 1;
	return 0;
}

/* Past a regular expression's flags from *p: 0 when a letter is none
 * of the language's (perl's msixpodualngcer and tr's, ruby's imxounse,
 * javascript's dgimsuyv): the code does not compile. */
static int ma_sh_code_flags(const char *s, size_t n, size_t *p, int lang)
{
	const char *ok = lang == MA_SH_LANG_PERL   ? "msixpodualngcer"
	                 : lang == MA_SH_LANG_RUBY ? "imxounse"
	                                           : "dgimsuyv";

	for (; *p < n && ((s[*p] >= 'a' && s[*p] <= 'z') || (s[*p] >= 'A' && s[*p] <= 'Z')); (*p)++)
		if (!strchr(ok, s[*p]))
			return 0;
	return 1;
}

/* The code lexer's state between tokens: whether the token before was
 * an operand (a '/' after it divides), and a here-document whose body
 * comes at the next line (hd_end 0: none): its body is a string token of
 * its own, [hd_at, hd_end), met where the lexer reaches the line. */
struct ma_sh_cst {
	int operand;
	size_t hd_at, hd_end;
	int hd_interp, hd_cmd;
};

/* A here-document (perl's and ruby's <<EOF, <<"EOF", <<'EOF', ruby's
 * <<~EOF and <<-EOF, php's <<<EOF) or a ruby percent literal (%q() %Q()
 * %w() %i() %x() %r{} %()) starting at *p, where an operand is due: 1
 * with *t a string (interp and cmd set) and *p after it, or *p SIZE_MAX
 * when it does not close; 0 when none starts there. A here-document's
 * token is its marker; its body, from the next line to its terminator's
 * line, is kept in cs for the lexer to give as a string when it gets
 * there (the code after the marker on its line is lexed as code). */
static int ma_sh_code_special(const char *s, size_t n, size_t *p, int lang, int operand,
                              struct ma_sh_tok *t, struct ma_sh_cst *cs)
{
	size_t q = *p;
	/* after an operand only as ruby and perl read "puts %q(x)", "print
	 * <<EOF": a blank before, none after (x % (y), a << b divide, shift) */
	int spaced = q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t');

	if (operand && !spaced)
		return 0;

	if (lang == MA_SH_LANG_RUBY && s[q] == '%' && q + 2 < n) {
		char k = s[q + 1], o;
		if (strchr("qQwWiIxrs", k) && !ma_sh_code_word(s[q + 2], lang) && s[q + 2] != ' ' &&
		    s[q + 2] != '=')
			q += 2;
		else if (!operand && strchr("([{<|!/^", k)) {
			q += 1;
			k = 0;
		} else
			return 0;
		o = s[q++];
		if (!ma_sh_code_quoted(s, n, &q, o, ma_sh_code_closer(o), 0)) {
			*p = SIZE_MAX;
			return 1;
		}
		if (k == 'r' && !ma_sh_code_flags(s, n, &q, lang)) {
			*p = SIZE_MAX;
			return 1;
		}
		t->kind = MA_SH_TK_STR;
		t->interp = !k || strchr("QWIxr", k) != NULL;
		t->cmd = k == 'x';
		*p = q;
		return 1;
	}
	if ((lang == MA_SH_LANG_PERL || lang == MA_SH_LANG_RUBY || lang == MA_SH_LANG_PHP) &&
	    q + 2 < n && s[q] == '<' && s[q + 1] == '<' && !cs->hd_end) {
		size_t id, idl, e;
		char quote = 0;
		q += 2;
		if (operand && (s[q] == ' ' || s[q] == '='))
			return 0;
		if (lang == MA_SH_LANG_PHP) {
			if (s[q] != '<')
				return 0;
			q++;
		} else if (lang == MA_SH_LANG_RUBY && (s[q] == '~' || s[q] == '-'))
			q++;
		if (q < n && (s[q] == '"' || s[q] == '\'' || s[q] == '`'))
			quote = s[q++];
		id = q;
		while (q < n && (ma_sh_code_word(s[q], MA_SH_LANG_PY)))
			q++;
		idl = q - id;
		if (!idl || (s[id] >= '0' && s[id] <= '9'))
			return 0;
		if (quote && (q >= n || s[q++] != quote))
			return 0;
		/* the body: from the next line to a line that is the identifier */
		e = q;
		for (;;) {
			const char *nl = memchr(s + e, '\n', n - e);
			size_t b;
			if (!nl) {
				*p = SIZE_MAX;
				return 1;
			}
			b = (size_t)(nl - s) + 1;
			while (b < n && (s[b] == ' ' || s[b] == '\t') && lang != MA_SH_LANG_PERL)
				b++;
			if (b + idl <= n && !memcmp(s + b, s + id, idl) &&
			    (b + idl == n || strchr("\n\r;,)", s[b + idl]))) {
				const char *end = memchr(s + b, '\n', n - b);
				const char *body = memchr(s + q, '\n', n - q);
				cs->hd_at = (size_t)(body - s) + 1;
				cs->hd_end = end ? (size_t)(end - s) : n;
				break;
			}
			e = b;
		}
		t->kind = MA_SH_TK_STR;
		t->interp = 0;
		t->cmd = 0;
		cs->hd_interp = quote != '\'';
		cs->hd_cmd = quote == '`';
		*p = q;
		return 1;
	}
	return 0;
}

/* The next token of code s (n bytes) in language lang from *i (blanks
 * skipped): 1 and *t; 0 at the end; -1 when a string, a regular
 * expression or a comment does not close (the code cannot compile).
 * *operand: the token before was an operand (a '/' after it divides). */
static int ma_sh_code_next(const char *s, size_t n, size_t *i, int lang, struct ma_sh_cst *cs,
                           struct ma_sh_tok *t)
{
	size_t p = *i;
	int *operand = &cs->operand;
	char c;

	while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r' ||
	                 s[p] == '\f' || s[p] == '\v'))
		p++;
	if (cs->hd_end && p >= cs->hd_at) { /* a here-document's body */
		t->start = cs->hd_at;
		t->end = cs->hd_end;
		t->kind = MA_SH_TK_STR;
		t->interp = cs->hd_interp;
		t->cmd = cs->hd_cmd;
		*i = cs->hd_end;
		cs->hd_end = 0;
		*operand = 1;
		return 1;
	}
	if (p >= n)
		return 0;
	c = s[p];
	t->start = p;
	t->interp = 0;
	t->cmd = 0;
	if ((c == '#' && lang != MA_SH_LANG_JS) ||
	    (c == '/' && p + 1 < n && s[p + 1] == '/' &&
	     (lang == MA_SH_LANG_JS || lang == MA_SH_LANG_PHP))) {
		while (p < n && s[p] != '\n')
			p++;
		t->kind = MA_SH_TK_COMMENT;
	} else if (c == '/' && p + 1 < n && s[p + 1] == '*' &&
	           (lang == MA_SH_LANG_JS || lang == MA_SH_LANG_PHP)) {
		const char *e = p + 2 <= n ? memmem(s + p + 2, n - p - 2, "*/", 2) : NULL;
		if (!e)
			return -1;
		p = (size_t)(e - s) + 2;
		t->kind = MA_SH_TK_COMMENT;
	} else if (c == '\'' || c == '"' || c == '`') {
		int triple = lang == MA_SH_LANG_PY && p + 2 < n && s[p + 1] == c && s[p + 2] == c;
		p += triple ? 3 : 1;
		if (!ma_sh_code_quoted(s, n, &p, c, c, triple))
			return -1;
		t->kind = MA_SH_TK_STR;
		/* javascript's "..." and '...' are text: only `...` interpolates
		 * (review24: console.log("${user.name}") prints it as is) */
		t->interp =
		    c == '`' || (c == '"' && lang != MA_SH_LANG_PY && lang != MA_SH_LANG_JS);
		t->cmd = c == '`' && lang != MA_SH_LANG_JS && lang != MA_SH_LANG_PY;
		*operand = 1;
	} else if (c == '/' && !*operand && lang != MA_SH_LANG_PY && lang != MA_SH_LANG_PHP) {
		p++;
		if (!ma_sh_code_quoted(s, n, &p, '/', '/', 0))
			return -1;
		if (!ma_sh_code_flags(s, n, &p, lang))
			return -1; /* perl: Unknown regexp modifier "/t" (/path/to/) */
		t->kind = MA_SH_TK_STR;
		t->interp = lang != MA_SH_LANG_JS;
		*operand = 1;
	} else if (ma_sh_code_word(c, lang) ||
	           ((c == '@' || c == '%') && lang == MA_SH_LANG_PERL && p + 1 < n &&
	            ma_sh_code_word(s[p + 1], lang)) ||
	           (c == '@' && lang == MA_SH_LANG_RUBY)) {
		size_t w = p;
		int parts, interp, cmd;
		p++;
		while (p < n &&
		       (ma_sh_code_word(s[p], lang) || (s[p] == '.' && c >= '0' && c <= '9') ||
		        ma_sh_code_exp_sign(s, n, w, p)))
			p++;
		t->kind = MA_SH_TK_WORD;
		parts = lang == MA_SH_LANG_PERL ? ma_sh_perl_quote_like(s + w, p - w, &interp, &cmd)
		                                : 0;
		if (parts && p < n && s[p] != ' ' && s[p] != '=' && s[p] != ',' && s[p] != ';' &&
		    s[p] != ')' && !ma_sh_code_word(s[p], lang)) {
			char o = s[p], cl = ma_sh_code_closer(o);
			p++;
			if (!ma_sh_code_quoted(s, n, &p, o, cl, 0))
				return -1;
			if (parts == 2) {
				if (o != cl) { /* s{a}{b}: the second part has its own pair */
					while (p < n && (s[p] == ' ' || s[p] == '\n'))
						p++;
					if (p >= n)
						return -1;
					o = s[p++];
					cl = ma_sh_code_closer(o);
				}
				if (!ma_sh_code_quoted(s, n, &p, o, cl, 0))
					return -1;
			}
			if (!ma_sh_code_flags(s, n, &p, lang))
				return -1;
			t->kind = MA_SH_TK_STR;
			t->interp = interp;
			t->cmd = cmd;
		} else if (lang == MA_SH_LANG_PY && p < n && (s[p] == '\'' || s[p] == '"') &&
		           p - w <= 3) { /* a string's prefix: f'..', rb"..", u'..' */
			char q = s[p];
			int triple = p + 2 < n && s[p + 1] == q && s[p + 2] == q;
			int f = memchr(s + w, 'f', p - w) || memchr(s + w, 'F', p - w);
			p += triple ? 3 : 1;
			if (!ma_sh_code_quoted(s, n, &p, q, q, triple))
				return -1;
			t->kind = MA_SH_TK_STR;
			t->interp = f;
		}
		*operand = t->kind == MA_SH_TK_STR || !ma_sh_code_regex_after(s + w, p - w);
	} else if (ma_sh_code_special(s, n, &p, lang, *operand, t, cs)) {
		if (p == SIZE_MAX)
			return -1; /* a here-document or %() that does not close */
		*operand = 1;
	} else {
		p++;
		t->kind = MA_SH_TK_PUNCT;
		*operand = c == ')' || c == ']' || c == '}';
	}
	t->end = p;
	*i = p;
	return 1;
}

/* 1 when the bytes s[a, b) bring what makes string token t run code:
 * an interpolation's opener, or for a shell command a shell
 * metacharacter. */
static int ma_sh_code_brings(const char *s, size_t a, size_t b, const struct ma_sh_tok *t, int lang)
{
	for (size_t k = a; k < b; k++) {
		char c = s[k], d = k + 1 < b ? s[k + 1] : 0;
		if (t->cmd && strchr(";|&$`<>(){}\n'\"\\", c))
			return 1;
		if (lang == MA_SH_LANG_PERL && t->interp && c == '(' && d == '?' &&
		    ((k + 2 < b && s[k + 2] == '{') ||
		     (k + 3 < b && s[k + 2] == '?' && s[k + 3] == '{')))
			return 1; /* a regular expression's (?{ code }) */
		if (!t->interp)
			continue;
		if ((lang == MA_SH_LANG_PERL && (c == '@' || c == '$') && (d == '{' || d == '[')) ||
		    (lang == MA_SH_LANG_RUBY && c == '#' && d == '{') ||
		    (lang == MA_SH_LANG_PHP &&
		     ((c == '$' && d == '{') || (c == '{' && d == '$'))) ||
		    (lang == MA_SH_LANG_JS && c == '$' && d == '{') ||
		    (lang == MA_SH_LANG_PY && c == '{'))
			return 1;
	}
	return 0;
}

/* 1 when p (n bytes) holds what perl runs while it compiles, before a
 * syntax error further on stops it: a BEGIN block, or a "use Module"
 * (its import runs then). */
static int ma_sh_perl_compile_time(const char *p, size_t n)
{
	const char *u = p;

	if (memmem(p, n, "BEGIN", 5))
		return 1;
	for (;;) {
		u = memmem(u, n - (size_t)(u - p), "use", 3);
		if (!u || (size_t)(u - p) + 4 >= n)
			return 0;
		if ((u[3] == ' ' || u[3] == '\t') && u[4] >= 'A' && u[4] <= 'Z' &&
		    (u == p || !ma_sh_code_word(u[-1], MA_SH_LANG_PERL)))
			return 1;
		u += 3;
	}
}

int ma_sh_code_judge(int lang, const char *s, size_t n, size_t a, size_t b)
{
	struct ma_sh_tok t, first = {0, 0, 0, 0, 0};
	size_t i = 0;
	struct ma_sh_cst cs = {0, 0, 0, 0, 0};
	int count = 0, r;

	/* the tokens over [a, b), and whether the code lexes to its end */
	for (;;) {
		r = ma_sh_code_next(s, n, &i, lang, &cs, &t);
		if (r <= 0)
			break;
		if (t.end <= a || t.start >= b || count > 1)
			continue;
		if (count++ == 0)
			first = t;
		else if (first.kind == MA_SH_TK_PUNCT && first.end == first.start + 1 &&
		         (s[first.start] == '-' || s[first.start] == '+') &&
		         t.kind == MA_SH_TK_WORD && s[t.start] >= '0' && s[t.start] <= '9' &&
		         t.start == first.end)
			count = 1; /* a negative number */
	}
	if (r < 0 && (lang != MA_SH_LANG_PERL || !ma_sh_perl_compile_time(s + a, b - a)))
		return 0; /* it does not compile: nothing runs */
	if (count > 1)
		return 1;
	if (count == 1 && first.kind == MA_SH_TK_STR)
		return ma_sh_code_brings(s, a > first.start ? a : first.start,
		                         b < first.end ? b : first.end, &first, lang);
	return 0;
}

int ma_sh_ex_judge(const char *s, size_t n, size_t a, size_t b)
{
	(void)n;
	if (a == 0)
		return 1; /* the input names the command */
	for (size_t k = a; k < b; k++) {
		char c = s[k];
		if (c == '|' || c == '\n' || c == '\r' || c == '`')
			return 1;
		if (c == '!' && (k == a || s[k - 1] == ' ' || s[k - 1] == '\t'))
			return 1;
	}
	return 0;
}

/* ---- the strings code hands to a shell ---- */

/* The calls of each language that run their command string with sh -c:
 * always (python's os.system ...; node's exec when the code names
 * child_process; php's), with one argument (perl's and ruby's system,
 * exec ...: a list runs the program directly), or with a shell option
 * (python's subprocess.run(..., shell=True); node's spawn(..., {shell:
 * true})). */
enum { MA_SH_CALL_ALWAYS = 1, MA_SH_CALL_ONE, MA_SH_CALL_OPTION };

static int ma_sh_shell_call(int lang, const char *w, size_t wl)
{
	static const struct {
		int lang, how;
		const char *names;
	} calls[] = {
	    {MA_SH_LANG_PY, MA_SH_CALL_ALWAYS,
	     " system popen popen2 popen3 popen4 getoutput getstatusoutput "},
	    {MA_SH_LANG_PY, MA_SH_CALL_OPTION, " run call check_call check_output Popen "},
	    {MA_SH_LANG_PERL, MA_SH_CALL_ONE, " system exec readpipe "},
	    {MA_SH_LANG_RUBY, MA_SH_CALL_ONE,
	     " system exec spawn popen capture2 capture2e capture3 popen2 popen2e popen3 "},
	    {MA_SH_LANG_JS, MA_SH_CALL_ALWAYS, " exec execSync "},
	    {MA_SH_LANG_JS, MA_SH_CALL_OPTION, " spawn spawnSync execFile execFileSync "},
	    {MA_SH_LANG_PHP, MA_SH_CALL_ALWAYS,
	     " system exec shell_exec passthru popen proc_open "},
	};

	if (wl == 0 || wl > 20)
		return 0;
	for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++) {
		const char *p = calls[k].names + 1; /* (names start with a blank) */
		if (calls[k].lang != lang)
			continue;
		for (; *p; p++)
			if (p[-1] == ' ' && !strncmp(p, w, wl) && p[wl] == ' ')
				return calls[k].how;
	}
	return 0;
}

/* 1 when s[t) is the word w. */
static int ma_sh_tok_is(const char *s, const struct ma_sh_tok *t, const char *w)
{
	size_t wl = strlen(w);

	return t->end - t->start == wl && !memcmp(s + t->start, w, wl);
}

/* After a call's command string (from *i, inside its parentheses when
 * paren): how = MA_SH_CALL_ONE: 1 when no other argument follows (a ','
 * next: a list, no shell); MA_SH_CALL_OPTION: 1 when a "shell" set to
 * True (python) or true or a string (node) comes before the call's ')'. */
static int ma_sh_shell_args(const char *s, size_t n, size_t i, int lang, int how, int paren,
                            struct ma_sh_cst cs)
{
	struct ma_sh_tok t, p1 = {0, 0, 0, 0, 0}, p2 = {0, 0, 0, 0, 0};
	int depth = 0;

	if (how == MA_SH_CALL_ONE) {
		if (ma_sh_code_next(s, n, &i, lang, &cs, &t) <= 0)
			return 1;
		return !(t.kind == MA_SH_TK_PUNCT && s[t.start] == ',');
	}
	if (!paren)
		return 0;
	while (ma_sh_code_next(s, n, &i, lang, &cs, &t) > 0) {
		if (t.kind == MA_SH_TK_COMMENT)
			continue;
		if (t.kind == MA_SH_TK_PUNCT && strchr("([{", s[t.start]))
			depth++;
		else if (t.kind == MA_SH_TK_PUNCT && strchr(")]}", s[t.start]) && depth-- == 0)
			return 0;
		if (p2.kind == MA_SH_TK_WORD && ma_sh_tok_is(s, &p2, "shell") &&
		    p1.kind == MA_SH_TK_PUNCT &&
		    s[p1.start] == (lang == MA_SH_LANG_PY ? '=' : ':') && p1.end == p1.start + 1 &&
		    (ma_sh_tok_is(s, &t, lang == MA_SH_LANG_PY ? "True" : "true") ||
		     (lang == MA_SH_LANG_JS && t.kind == MA_SH_TK_STR)))
			return 1;
		p2 = p1;
		p1 = t;
	}
	return 0;
}

int ma_sh_code_shell_strings(int lang, const char *s, size_t n,
                             int (*each)(void *arg, size_t at, size_t len), void *arg)
{
	struct ma_sh_tok t, p1 = {0, 0, 0, 0, 0}, p2 = {0, 0, 0, 0, 0};
	size_t i = 0;
	struct ma_sh_cst cs = {0, 0, 0, 0, 0};
	int stop;

	if (lang == MA_SH_LANG_JS && !memmem(s, n, "child_process", 13))
		return 0;
	while (ma_sh_code_next(s, n, &i, lang, &cs, &t) > 0) {
		const struct ma_sh_tok *w = NULL;
		int paren = 0, how;
		if (t.kind == MA_SH_TK_COMMENT)
			continue;
		if (t.kind == MA_SH_TK_STR &&
		    s[t.start] != '<') { /* (not a here-document's marker) */
			if (p1.kind == MA_SH_TK_PUNCT && s[p1.start] == '(' &&
			    p2.kind == MA_SH_TK_WORD) {
				w = &p2;
				paren = 1;
			} else if (p1.kind == MA_SH_TK_WORD &&
			           (lang == MA_SH_LANG_PERL || lang == MA_SH_LANG_RUBY))
				w = &p1; /* system "ls x" */
		}
		how = w ? ma_sh_shell_call(lang, s + w->start, w->end - w->start) : 0;
		if (how &&
		    (how == MA_SH_CALL_ALWAYS || ma_sh_shell_args(s, n, i, lang, how, paren, cs))) {
			/* the string's content: past a prefix (f, rb, qq) and its
			 * quotes (python's three) */
			size_t a = t.start, b = t.end, q = 1;
			while (a < b &&
			       ((s[a] >= 'a' && s[a] <= 'z') || (s[a] >= 'A' && s[a] <= 'Z')))
				a++;
			if (lang == MA_SH_LANG_PY && b - a >= 6 && s[a + 1] == s[a] &&
			    s[a + 2] == s[a])
				q = 3;
			if (b - a >= 2 * q && (stop = each(arg, a + q, b - a - 2 * q)) != 0)
				return stop;
		}
		p2 = p1;
		p1 = t;
	}
	return 0;
}
