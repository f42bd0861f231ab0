/* libmoatagent: the SQL tokenizer (ma_sql_lex.c) beside a reference
 * written here, one byte at a time, from the dialects' lexical rules
 * (SQLite, PostgreSQL, MySQL): the same tokens, field by field, on
 * thousands of random statements built from fragments that exercise each
 * rule (quotes and their escapes, comments, dollar quoting, backticks and
 * brackets, numeric forms, parameters, operators, long runs), lexed many
 * tokens at a time and one at a time. The lexer reads runs of bytes many
 * at a time; the reference never does, so a difference is the lexer's. */
#include "agent_test.h"

#include <ctype.h>
#include "ma_sql_lex.h"

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

/* ---- the reference: every rule byte by byte ---- */

struct ref {
	const unsigned char *s;
	size_t len, pos;
	int d, in_exec;
};

static unsigned ref_at(const struct ref *r, size_t i)
{
	return i < r->len ? r->s[i] : 0;
}

static int ref_space(unsigned c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int ref_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int ref_hex(unsigned c)
{
	return ref_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* may start an identifier: a letter, _, a byte of UTF-8 */
static int ref_idstart(unsigned c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c >= 0x80;
}

/* inside an identifier: digits too, and $ except in SQLite */
static int ref_idbyte(const struct ref *r, unsigned c)
{
	return ref_idstart(c) || ref_digit(c) || (c == '$' && r->d != SQLITE);
}

static size_t ref_ident_end(const struct ref *r, size_t j)
{
	while (j < r->len && ref_idbyte(r, r->s[j]))
		j++;
	return j;
}

static size_t ref_digits_end(const struct ref *r, size_t j)
{
	while (j < r->len && ref_digit(r->s[j]))
		j++;
	return j;
}

/* A quoted run whose opening quote is at q: doubled quotes escape it, a
 * backslash escapes the next byte when bs. */
static size_t ref_quoted(const struct ref *r, size_t q, int bs, int *un)
{
	unsigned quote = r->s[q];

	for (size_t j = q + 1; j < r->len; j++) {
		if (bs && r->s[j] == '\\') {
			j++;
			continue;
		}
		if (r->s[j] == quote) {
			if (ref_at(r, j + 1) == quote) {
				j++;
				continue;
			}
			*un = 0;
			return j + 1;
		}
	}
	*un = 1;
	return r->len;
}

/* Is c a digit of base (2, 8, 10, 16)? */
static int ref_base_digit(unsigned c, int base)
{
	return base == 16 ? ref_hex(c) : c >= '0' && c < '0' + (unsigned)base;
}

/* Digits of base from j; with sep, one '_' between two digits too. */
static size_t ref_digits_sep(const struct ref *r, size_t j, int base, int sep)
{
	while (j < r->len) {
		if (ref_base_digit(r->s[j], base))
			j++;
		else if (sep && r->s[j] == '_' && j > 0 && ref_base_digit(r->s[j - 1], base) &&
		         ref_base_digit(ref_at(r, j + 1), base))
			j++;
		else
			break;
	}
	return j;
}

static size_t ref_number_end(const struct ref *r, size_t i)
{
	size_t j = i;
	int pg = r->d == PG, sep = r->d != MYSQL;
	unsigned x = ref_at(r, i + 1) | 0x20;
	size_t k = i + 2;

	if (ref_at(r, i) == '0' && (x == 'x' || x == 'b' || (pg && x == 'o'))) {
		int base = x == 'x' ? 16 : x == 'b' ? 2 : 8;
		if (pg && ref_at(r, k) == '_' && ref_base_digit(ref_at(r, k + 1), base))
			k++;
		if (ref_base_digit(ref_at(r, k), base)) {
			/* (binary and octal: separators in PostgreSQL only) */
			j = k + 1;
			while (j < r->len) {
				if (ref_base_digit(r->s[j], base))
					j++;
				else if ((base == 16 ? sep : pg) && r->s[j] == '_' &&
				         ref_base_digit(ref_at(r, j + 1), base))
					j++;
				else
					break;
			}
			return j;
		}
	}
	j = ref_digits_sep(r, j, 10, sep);
	if (ref_at(r, j) == '.')
		j = ref_digits_sep(r, j + 1, 10, sep);
	if ((ref_at(r, j) | 0x20) == 'e' &&
	    (ref_digit(ref_at(r, j + 1)) ||
	     ((ref_at(r, j + 1) == '+' || ref_at(r, j + 1) == '-') && ref_digit(ref_at(r, j + 2)))))
		j = ref_digits_sep(r, j + 2, 10, sep);
	return j;
}

static size_t ref_op_len(const struct ref *r, size_t i)
{
	unsigned c = ref_at(r, i), n = ref_at(r, i + 1), n2 = ref_at(r, i + 2);

	if ((c == '<' && n == '=' && n2 == '>') || (c == '-' && n == '>' && n2 == '>') ||
	    (c == '#' && n == '>' && n2 == '>') || (c == '!' && n == '~' && n2 == '*'))
		return 3;
	if ((c == '<' && (n == '>' || n == '=' || n == '<' || n == '@')) ||
	    ((c == '-' || c == '#' || c == '@') && n == '>') ||
	    (c == '!' && (n == '=' || n == '~')) || (c == '>' && (n == '=' || n == '>')) ||
	    (c == '=' && n == '=') || (c == '|' && n == '|') || (c == '&' && n == '&') ||
	    (c == ':' && (n == ':' || n == '=')) || (c == '~' && n == '*'))
		return 2;
	return 1;
}

/* ?, ?N, :name (SQLite), $N, $name (SQLite), @name, @@name, MySQL's
 * @'x' @"x" @`x`: the end, or 0. */
static size_t ref_param(const struct ref *r, size_t i, int *flags)
{
	unsigned c = r->s[i];
	size_t j = i + 1;

	*flags = 0;
	if (c == '?')
		return ref_digits_end(r, j);
	if (c == ':')
		return r->d == SQLITE && ref_idstart(ref_at(r, j)) ? ref_ident_end(r, j) : 0;
	if (c == '$') {
		if (ref_digit(ref_at(r, j)))
			return ref_digits_end(r, j);
		if (r->d == SQLITE && ref_idstart(ref_at(r, j)))
			return ref_ident_end(r, j);
		return 0;
	}
	/* @ */
	if (ref_at(r, j) == '@') {
		*flags = MA_SQL_F_SYSVAR;
		j++;
	}
	if (r->d == MYSQL && (ref_at(r, j) == '\'' || ref_at(r, j) == '"' || ref_at(r, j) == '`')) {
		int un;
		j = ref_quoted(r, j, 1, &un);
		if (un)
			*flags |= MA_SQL_F_UNTERMINATED;
		return j;
	}
	if (j >= r->len || !ref_idbyte(r, r->s[j]))
		return 0;
	while (j < r->len && (ref_idbyte(r, r->s[j]) || r->s[j] == '.'))
		j++;
	return j;
}

static void ref_set(struct ma_sql_tok *t, size_t end, int type, int flags)
{
	t->end = (uint32_t)end;
	t->type = (uint8_t)type;
	t->flags = (uint8_t)flags;
}

/* A quoted run at q (ref_quoted) as a token of type. */
static void ref_str(const struct ref *r, struct ma_sql_tok *t, size_t q, int bs, int type)
{
	int un;
	size_t end = ref_quoted(r, q, bs, &un);

	ref_set(t, end, type, un ? MA_SQL_F_UNTERMINATED : 0);
}

/* The next token: 1, or 0 at the end. */
static int ref_next(struct ref *r, struct ma_sql_tok *t)
{
	size_t i = r->pos, len = r->len;
	unsigned c, n;
	int my = r->d == MYSQL, pg = r->d == PG, fl;

	while (i < len && ref_space(r->s[i]))
		i++;
	if (i >= len) {
		r->pos = len;
		return 0;
	}
	c = r->s[i];
	n = ref_at(r, i + 1);
	t->start = (uint32_t)i;
	if (ref_idstart(c)) {
		size_t j = ref_ident_end(r, i + 1);
		if (n == '\'' && pg && (c | 0x20) == 'e')
			ref_str(r, t, i + 1, 1, MA_SQL_T_STRING);
		else if (n == '\'' && ((c | 0x20) == 'n' || (c | 0x20) == 'x' || (c | 0x20) == 'b'))
			ref_str(r, t, i + 1, my, MA_SQL_T_STRING);
		else if (pg && (c | 0x20) == 'u' && n == '&' && ref_at(r, i + 2) == '\'')
			ref_str(r, t, i + 2, 0, MA_SQL_T_STRING);
		else if (my && c == '_' && j > i + 1 && ref_at(r, j) == '\'')
			ref_str(r, t, j, 1, MA_SQL_T_STRING);
		else
			ref_set(t, j, MA_SQL_T_WORD, 0);
	} else if (ref_digit(c) || (c == '.' && ref_digit(n))) {
		size_t end = ref_number_end(r, i);
		if (my && ref_digits_end(r, i) == end && end < len && ref_idbyte(r, r->s[end]))
			ref_set(t, ref_ident_end(r, end), MA_SQL_T_WORD, 0);
		else
			ref_set(t, end, MA_SQL_T_NUMBER, 0);
	} else if (c == '(') {
		ref_set(t, i + 1, MA_SQL_T_LPAREN, 0);
	} else if (c == ')') {
		ref_set(t, i + 1, MA_SQL_T_RPAREN, 0);
	} else if (c == ',') {
		ref_set(t, i + 1, MA_SQL_T_COMMA, 0);
	} else if (c == ';') {
		ref_set(t, i + 1, MA_SQL_T_SEMI, 0);
	} else if (c == '.') {
		ref_set(t, i + 1, MA_SQL_T_DOT, 0);
	} else if ((c == '-' && n == '-' &&
	            (!my || ref_at(r, i + 2) <= ' ' || ref_at(r, i + 2) == 0x7f)) ||
	           (c == '#' && my)) {
		size_t j = i; /* PostgreSQL's "--" ends at '\r' too */
		while (j < len && r->s[j] != '\n' && !(pg && c == '-' && r->s[j] == '\r'))
			j++;
		ref_set(t, j, MA_SQL_T_COMMENT, 0);
	} else if (c == '/' && n == '*') {
		size_t bang = ref_at(r, i + 2) == 'M' ? i + 3 : i + 2, j;
		if (my && ref_at(r, bang) == '!') {
			for (j = bang + 1; j < bang + 7 && ref_digit(ref_at(r, j)); j++)
				;
			r->in_exec = 1;
			ref_set(t, j, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
		} else {
			int depth = 1;
			size_t end = len;
			fl = MA_SQL_F_UNTERMINATED;
			for (j = i + 2; j + 1 < len; j++) {
				if (r->s[j] == '*' && r->s[j + 1] == '/') {
					j++;
					if (--depth == 0) {
						end = j + 1;
						fl = 0;
						break;
					}
				} else if (pg && r->s[j] == '/' && r->s[j + 1] == '*') {
					depth++;
					j++;
				}
			}
			ref_set(t, end, MA_SQL_T_COMMENT, fl);
		}
	} else if (c == '*' && n == '/' && r->in_exec) {
		r->in_exec = 0;
		ref_set(t, i + 2, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
	} else if (c == '\'') {
		ref_str(r, t, i, my, MA_SQL_T_STRING);
	} else if (c == '"') {
		ref_str(r, t, i, my, my ? MA_SQL_T_STRING : MA_SQL_T_QIDENT);
	} else if (c == '`' && !pg) {
		ref_str(r, t, i, 0, MA_SQL_T_QIDENT);
	} else if (c == '[' && r->d == SQLITE) {
		size_t j = i;
		while (j < len && r->s[j] != ']')
			j++;
		if (j < len)
			ref_set(t, j + 1, MA_SQL_T_QIDENT, 0);
		else
			ref_set(t, len, MA_SQL_T_QIDENT, MA_SQL_F_UNTERMINATED);
	} else if (c == '\\') {
		if (my && n == 'N')
			ref_set(t, i + 2, MA_SQL_T_WORD, 0);
		else
			ref_set(t, i + 1, MA_SQL_T_OTHER, 0);
	} else {
		size_t end = 0, tag = 0;
		if (c == '$' && pg && !ref_digit(n)) {
			/* $$ or $tag$ (a tag: a letter or _, then letters, _, digits) */
			if (n == '$') {
				tag = 2;
			} else if (ref_idstart(n)) {
				size_t j = i + 1;
				while (j < len && (ref_idstart(r->s[j]) || ref_digit(r->s[j])))
					j++;
				if (ref_at(r, j) == '$')
					tag = j + 1 - i;
			}
		}
		if (tag) {
			end = len;
			fl = MA_SQL_F_UNTERMINATED;
			for (size_t j = i + tag; j + tag <= len; j++) {
				if (memcmp(r->s + j, r->s + i, tag) == 0) {
					end = j + tag;
					fl = 0;
					break;
				}
			}
			ref_set(t, end, MA_SQL_T_STRING, fl);
		} else if ((c == '?' || c == ':' || c == '$' || c == '@') &&
		           (end = ref_param(r, i, &fl)) != 0) {
			ref_set(t, end, MA_SQL_T_PARAM, fl);
		} else if (c == '$' || c == '`' || c == '[' || c == ']' || c == '{' || c == '}' ||
		           c < '\t' || (c > '\r' && c < ' ') || c == 0x7f) {
			ref_set(t, i + 1, MA_SQL_T_OTHER, 0);
		} else {
			ref_set(t, i + ref_op_len(r, i), MA_SQL_T_OP, 0);
		}
	}
	r->pos = t->end;
	return 1;
}

/* ---- random statements ---- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* Fragments that exercise the rules (each dialect reads them its way). */
static const char *const frags[] = {
    " ",        "  ",
    "\t",       "\n",
    "\r\n",     "\v",
    "\r",       "\x7f",
    "\\Nx",     "\\N1",
    "0o7",      "0O_1",
    "0x_1f",    "1_0",
    "_1",       "0b1_0",
    "1.0_5",    "1e1_0",
    "\f",       "SELECT",
    "select",   "a",
    "x",        "E",
    "e",        "N",
    "n",        "X",
    "b",        "B",
    "U",        "u",
    "_utf8",    "_",
    "_x",       "abc_1",
    "a$b",      "$",
    "$$",       "$a$",
    "$b$",      "$tag$",
    "$1",       "$12",
    "$x",       "'",
    "''",       "\"",
    "\"\"",     "`",
    "``",       "[",
    "]",        "\\",
    "\\\\",     "\\'",
    "\\\"",     "\\N",
    "N'",       "&",
    "&'",       "U&'",
    "E'",       "x'41'",
    "b'01'",    "0x1F",
    "0X",       "0x",
    "0b",       "0b101",
    "0B1",      "1",
    "0",        "12345",
    "1.5",      ".5",
    "1.",       "1e5",
    "1E+5",     "1e-",
    "1e",       "1_000",
    "1__0",     "_0",
    "9abc",     "--",
    "-- ",      "--x",
    "-",        "->",
    "->>",      "#",
    "# x",      "#>",
    "#>>",      "/*",
    "*/",       "/",
    "*",        "/*!",
    "/*!50000", "/*M!100000",
    "/*!1",     "/**/",
    "/*/",      "(",
    ")",        ",",
    ";",        ".",
    "?",        "?1",
    ":",        "::",
    ":=",       ":name",
    "@",        "@@",
    "@x",       "@@v.w",
    "@'",       "@\"",
    "@`",       "<",
    "<=",       "<=>",
    "<>",       "<<",
    "<@",       ">",
    ">=",       ">>",
    "=",        "==",
    "!",        "!=",
    "!~",       "!~*",
    "~",        "~*",
    "|",        "||",
    "&&",       "+",
    "%",        "^",
    "{",        "}",
    "\x01",     "\x7f",
    "\x80",     "\xc3\xa9",
    "\xff",     "\0",
    "it's",     "O''Neil",
    " OR 1=1",  "UNION SELECT",
    "AND",      "WHERE",
    "1'",
};

/* Appends a random statement of up to cap bytes to buf: its length. */
static size_t random_statement(char *buf, size_t cap)
{
	size_t o = 0, want = 1 + rnd(rnd(8) == 0 ? (uint32_t)cap : 96);

	while (o < want) {
		const char *f;
		size_t n, reps = 1;
		uint32_t k = rnd(20);
		char run[64];
		if (k == 0) {
			/* a long run of one class of byte: identifier, digits,
			 * whitespace, or a body of a literal */
			static const char *const fill[] = {"abcdefghXYZ_9$\xc3\xa9", "0123456789",
			                                   " \t\n", "x y%'\"\\*/-#$", "*/*/"};
			const char *src = fill[rnd(5)];
			size_t sl = strlen(src);
			n = 1 + rnd(sizeof run);
			for (size_t j = 0; j < n; j++)
				run[j] = rnd(12) ? src[rnd((uint32_t)sl)] : src[0];
			f = run;
		} else {
			f = frags[rnd(sizeof frags / sizeof frags[0])];
			/* "\0" is the one fragment whose byte is NUL */
			n = f[0] ? strlen(f) : 1;
			if (k == 1)
				reps = 1 + rnd(24);
		}
		for (size_t r = 0; r < reps && o + n <= cap; r++) {
			memcpy(buf + o, f, n);
			o += n;
		}
		if (o + n > cap)
			break;
	}
	return o;
}

/* "type/flags:start-end" of each token, for a message. */
static void show(const char *what, const struct ma_sql_tok *t)
{
	fprintf(stderr, "%s: type %d flags %d [%u, %u)\n", what, t->type, t->flags, t->start,
	        t->end);
}

/* Lexes s with the lexer (many tokens at a time, max at a call, and one
 * at a time) and with the reference: the same tokens, lexers left alike. */
static void compare(int d, const char *s, size_t len, size_t max)
{
	struct ma_sql_lexer a, b;
	struct ref r = {(const unsigned char *)s, len, 0, d, 0};
	struct ma_sql_tok many[64], one, want;
	size_t got;

	assert_true(max >= 1 && max <= 64);
	ma_sql_lex_init(&a, d, s, len);
	ma_sql_lex_init(&b, d, s, len);
	do {
		got = ma_sql_lex_run(&a, many, max);
		assert_true(got <= max);
		for (size_t k = 0; k < got; k++) {
			int more = ref_next(&r, &want), more1 = ma_sql_lex_next(&b, &one);
			if (!more || !more1 || many[k].start != want.start ||
			    many[k].end != want.end || many[k].type != want.type ||
			    many[k].flags != want.flags || one.start != want.start ||
			    one.end != want.end || one.type != want.type ||
			    one.flags != want.flags) {
				fprintf(stderr, "dialect %d, %zu bytes: \"", d, len);
				for (size_t j = 0; j < len; j++)
					fprintf(stderr,
					        isprint((unsigned char)s[j]) ? "%c" : "\\x%02x",
					        (unsigned char)s[j]);
				fprintf(stderr, "\"\n");
				show("lexer (run)", &many[k]);
				show("lexer (one)", &one);
				if (more)
					show("reference", &want);
				fail_msg("token %zu differs (reference has it: %d)", k, more);
			}
		}
		if (got == max) {
			assert_int_equal(a.pos, r.pos);
			assert_int_equal(a.in_exec, r.in_exec);
			assert_int_equal(b.pos, r.pos);
		}
	} while (got == max);
	assert_false(ref_next(&r, &want)); /* the reference ends there too */
	assert_false(ma_sql_lex_next(&b, &one));
	assert_int_equal(a.pos, len);
}

/* Thousands of random statements in each dialect, lexed in runs of a
 * random count: the lexer's tokens are the reference's. */
static void random_statements_lex_as_the_reference_does(void **state)
{
	static char buf[5000];

	(void)state;
	rng_state = 0x9e3779b97f4a7c15ULL;
	for (int k = 0; k < 6000; k++) {
		size_t len = random_statement(buf, sizeof buf);
		for (int d = 1; d <= 3; d++)
			compare(d, buf, len, 1 + rnd(64));
	}
}

/* Every statement of up to three bytes from a set of bytes that start or
 * end each rule, and each fragment alone and twice, cut at every length:
 * the ends of the statement in the middle of every rule. */
static void short_statements_and_cut_fragments_lex_as_the_reference_does(void **state)
{
	static const char bytes[] = " '\"`[]\\$-/*#!@:?.0e1x_a&<>=N\n";
	char s[256];
	size_t nb = sizeof bytes - 1;

	(void)state;
	for (size_t x = 0; x < nb; x++)
		for (size_t y = 0; y <= nb; y++)
			for (size_t z = 0; z <= nb; z++) {
				size_t len = 1;
				s[0] = bytes[x];
				if (y < nb)
					s[len++] = bytes[y];
				if (z < nb)
					s[len++] = bytes[z];
				for (int d = 1; d <= 3; d++)
					compare(d, s, len, 64);
			}
	for (size_t f = 0; f < sizeof frags / sizeof frags[0]; f++) {
		size_t n = frags[f][0] ? strlen(frags[f]) : 1;
		memcpy(s, frags[f], n);
		memcpy(s + n, frags[f], n);
		memcpy(s + 2 * n, "x'1' ", 5);
		for (size_t len = 0; len <= 2 * n + 5; len++)
			for (int d = 1; d <= 3; d++)
				compare(d, s, len, 1 + len % 7);
	}
}

/* Literals, comments and runs of every length from 0 to 80 (the lexer
 * reads 8 and 16 bytes at a time) with their end at every offset, and
 * the statement cut inside them. */
static void literals_and_runs_of_every_length_lex_as_the_reference_does(void **state)
{
	static const char *const shapes[][2] = {
	    {"'", "'"},     {"\"", "\""},       {"`", "`"},   {"[", "]"},      {"E'", "'"},
	    {"$q$", "$q$"}, {"$$", "$$"},       {"/*", "*/"}, {"-- ", "\n"},   {"# ", "\n"},
	    {"", " "},      {"1", " "},         {"x", "'"},   {"_utf8'", "'"}, {"0x", "g"},
	    {" ", "a"},     {"/* /*", "*/ */"}, {"@'", "'"},
	};
	static const char *const bodies[] = {"a", "0", " ",  "'",    "\\",  "\"", "`",  "$",
	                                     "*", "/", "\n", "\xc3", "\\'", "''", "*/", "/*"};
	char s[256];

	(void)state;
	for (size_t sh = 0; sh < sizeof shapes / sizeof shapes[0]; sh++)
		for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++)
			for (size_t n = 0; n <= 80; n++) {
				size_t o = 0, ol = strlen(shapes[sh][0]),
				       cl = strlen(shapes[sh][1]);
				memcpy(s, shapes[sh][0], ol);
				o = ol;
				for (size_t j = 0; j < n; j++)
					s[o++] = (j == n - 1 || j % 13 == 7)
					             ? bodies[b][j % strlen(bodies[b])]
					             : 'a' + (char)(j % 26);
				memcpy(s + o, shapes[sh][1], cl);
				o += cl;
				memcpy(s + o, " z 1", 4);
				o += 4;
				for (int d = 1; d <= 3; d++) {
					compare(d, s, o, 64);
					compare(d, s, ol + n, 64); /* cut before its end */
				}
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(random_statements_lex_as_the_reference_does),
	    cmocka_unit_test(short_statements_and_cut_fragments_lex_as_the_reference_does),
	    cmocka_unit_test(literals_and_runs_of_every_length_lex_as_the_reference_does),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
