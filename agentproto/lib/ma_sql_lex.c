/*
 * ma_sql_lex.c — the SQL tokenizer behind the sql_injection check: the
 * lexical rules of SQLite, PostgreSQL and MySQL, enough to know where each
 * token of a statement starts and ends as the database would see it.
 * Quotes and their escapes (doubled quotes everywhere; backslashes in
 * MySQL strings and PostgreSQL E'' strings), comments (-- and / * * /
 * everywhere, nested in PostgreSQL; # and the executable / *! * / in
 * MySQL, whose content is SQL, and MariaDB's / *M! form; SQLite and
 * MySQL do not nest, an unterminated / * runs to the end), PostgreSQL
 * dollar quoting ($tag$...$tag$) and parameters ($1), identifiers quoted with "", `` and [] as each
 * dialect has them, string prefixes (E'', N'', X'', B'', U&'', MySQL's
 * _charset''), numbers (1, 1.5, .5, 1e-3, 0x1F, 0b1), parameters and
 * variables (?, :name, @name, @@name), MySQL's \N (NULL).
 *
 * One table of byte classes (whitespace, identifier, digit, '$', hex)
 * drives the loops over runs of bytes, and the first byte of a token picks
 * its rule with one switch: a token costs a few instructions a byte and
 * some twenty of its own (the sql_injection check lexes a 4 KB statement
 * at least once per check).
 *
 * Pure: the lexer borrows the statement, allocates nothing and keeps its
 * whole state in struct ma_sql_lexer. Any thread.
 */
#include "ma_int.h"

#include <string.h>

void ma_sql_lex_init(struct ma_sql_lexer *lx, int dialect, const char *s, size_t len)
{
	lx->s = s;
	lx->len = len;
	lx->pos = 0;
	lx->dialect = dialect;
	lx->in_exec = 0;
}

#define SP 1  /* whitespace: space \t \n \v \f \r */
#define ID 2  /* may start an identifier: letters, _, bytes >= 0x80 (UTF-8) */
#define DG 4  /* digit */
#define DL 8  /* '$': inside an identifier except in SQLite */
#define HX 16 /* hex digit */

/* clang-format off */
static const unsigned char ma_cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, SP, SP, SP, SP, SP, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	SP, 0, 0, 0, DL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, 0, 0, 0, 0, 0, 0,
	0, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, 0, 0, 0, ID,
	0, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, 0, 0, 0, 0,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID,
};
/* clang-format on */

/* The classes a byte inside an identifier has in lx's dialect. */
static unsigned ma_ident_mask(const struct ma_sql_lexer *lx)
{
	return lx->dialect == MOAT_SQL_SQLITE ? ID | DG : ID | DG | DL;
}

static int ma_is(unsigned char c, unsigned cls)
{
	return (ma_cls[c] & cls) != 0;
}

static unsigned char ma_at(const struct ma_sql_lexer *lx, size_t i)
{
	return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* The first byte at or after i without any of the classes cls (or len). */
static size_t ma_run(const struct ma_sql_lexer *lx, size_t i, unsigned cls)
{
	const unsigned char *s = (const unsigned char *)lx->s;

	while (i < lx->len && (ma_cls[s[i]] & cls))
		i++;
	return i;
}

/* The end of a quoted run that starts at i (the opening quote q), with
 * doubled quotes as escapes and, if bs, backslash escapes. *unterminated
 * is set when it runs to the end of the statement. */
static size_t ma_quoted_end(const struct ma_sql_lexer *lx, size_t i, char q, int bs,
                            int *unterminated)
{
	const char *s = lx->s;
	size_t len = lx->len;

	for (i++; i < len; i++) {
		if (!bs) {
			const char *p = memchr(s + i, q, len - i);
			if (!p)
				break;
			i = (size_t)(p - s);
		} else {
			while (i < len && s[i] != q && s[i] != '\\')
				i++;
			if (i >= len)
				break;
			if (s[i] == '\\') {
				i++;
				continue;
			}
		}
		/* s[i] is q */
		if (i + 1 < len && s[i + 1] == q) {
			i++;
			continue;
		}
		*unterminated = 0;
		return i + 1;
	}
	*unterminated = 1;
	return len;
}

/* PostgreSQL $tag$ at i: the length of the opening delimiter, or 0. */
static size_t ma_dollar_tag(const struct ma_sql_lexer *lx, size_t i)
{
	size_t j = i + 1;

	if (ma_at(lx, j) == '$')
		return 2;
	if (!ma_is(ma_at(lx, j), ID))
		return 0;
	j = ma_run(lx, j, ID | DG);
	return ma_at(lx, j) == '$' ? j + 1 - i : 0;
}

/* A block comment starting at i ("/ *"): its end. PostgreSQL nests them. */
static size_t ma_block_comment_end(const struct ma_sql_lexer *lx, size_t i, int *unterminated)
{
	int depth = 1, pg = lx->dialect == MOAT_SQL_POSTGRES;
	const char *s = lx->s;

	for (i += 2; i < lx->len; i++) {
		if (!pg) { /* no nesting: the first * / ends it */
			const char *p = memchr(s + i, '*', lx->len - i);
			if (!p)
				break;
			i = (size_t)(p - s);
		}
		if (s[i] == '*' && ma_at(lx, i + 1) == '/') {
			i++;
			if (--depth == 0) {
				*unterminated = 0;
				return i + 1;
			}
		} else if (pg && s[i] == '/' && ma_at(lx, i + 1) == '*') {
			depth++;
			i++;
		}
	}
	*unterminated = 1;
	return lx->len;
}

static size_t ma_line_end(const struct ma_sql_lexer *lx, size_t i)
{
	const char *nl = memchr(lx->s + i, '\n', lx->len - i);

	return nl ? (size_t)(nl - lx->s) : lx->len;
}

/* A number at i: digits, fraction, exponent; 0x / 0b forms. */
static size_t ma_number_end(const struct ma_sql_lexer *lx, size_t i)
{
	size_t j = i;
	unsigned char n = ma_at(lx, i + 1);

	if (ma_at(lx, i) == '0' && (n == 'x' || n == 'X') && ma_is(ma_at(lx, i + 2), HX))
		return ma_run(lx, i + 2, HX);
	if (ma_at(lx, i) == '0' && (n == 'b' || n == 'B') &&
	    (ma_at(lx, i + 2) == '0' || ma_at(lx, i + 2) == '1')) {
		for (j = i + 2; ma_at(lx, j) == '0' || ma_at(lx, j) == '1'; j++)
			;
		return j;
	}
	for (;;) {
		j = ma_run(lx, j, DG);
		/* PostgreSQL: 1_000_000 */
		if (ma_at(lx, j) == '_' && lx->dialect == MOAT_SQL_POSTGRES &&
		    ma_is(ma_at(lx, j + 1), DG))
			j++;
		else
			break;
	}
	if (ma_at(lx, j) == '.')
		j = ma_run(lx, j + 1, DG);
	if ((ma_at(lx, j) == 'e' || ma_at(lx, j) == 'E') &&
	    (ma_is(ma_at(lx, j + 1), DG) ||
	     ((ma_at(lx, j + 1) == '+' || ma_at(lx, j + 1) == '-') && ma_is(ma_at(lx, j + 2), DG))))
		j = ma_run(lx, j + 2, DG);
	return j;
}

/* Operators: the longest of the multi-byte ones the dialects know, else
 * one byte (<=> ->> #>> !~*; <> != <= >= == || && << >> :: := -> @> <@ ~*
 * !~ #>), chosen by the first byte. */
static size_t ma_op_len(const struct ma_sql_lexer *lx, size_t i)
{
	unsigned char c = ma_at(lx, i), n = ma_at(lx, i + 1), n2 = ma_at(lx, i + 2);

	switch (c) {
	case '<':
		if (n == '=' && n2 == '>')
			return 3;
		return n == '>' || n == '=' || n == '<' || n == '@' ? 2 : 1;
	case '-':
		if (n == '>' && n2 == '>')
			return 3;
		return n == '>' ? 2 : 1;
	case '#':
		if (n == '>' && n2 == '>')
			return 3;
		return n == '>' ? 2 : 1;
	case '!':
		if (n == '~' && n2 == '*')
			return 3;
		return n == '=' || n == '~' ? 2 : 1;
	case '>':
		return n == '=' || n == '>' ? 2 : 1;
	case '=':
		return n == '=' ? 2 : 1;
	case '|':
		return n == '|' ? 2 : 1;
	case '&':
		return n == '&' ? 2 : 1;
	case ':':
		return n == ':' || n == '=' ? 2 : 1;
	case '@':
		return n == '>' ? 2 : 1;
	case '~':
		return n == '*' ? 2 : 1;
	default:
		return 1;
	}
}

/* Sets t to [start, end) and the lexer after it: 1. */
static int ma_tok(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t start, size_t end, int type,
                  int flags)
{
	lx->pos = end;
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->type = (uint8_t)type;
	t->flags = (uint8_t)flags;
	return 1;
}

/* A quoted run at i (quote q): a token of type, flagged when unterminated. */
static int ma_quoted(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i, size_t q, int bs,
                     int type)
{
	int un = 0;
	size_t end = ma_quoted_end(lx, q, lx->s[q], bs, &un);

	return ma_tok(lx, t, i, end, type, un ? MA_SQL_F_UNTERMINATED : 0);
}

/* A word at i (identifier or keyword), or a prefixed string: a one-letter
 * prefix or MySQL's _charset introducer, with backslashes for E''
 * (PostgreSQL) and for every MySQL string. */
static int ma_word(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	size_t j;
	int my = lx->dialect == MOAT_SQL_MYSQL, pg = lx->dialect == MOAT_SQL_POSTGRES;
	unsigned char c = (unsigned char)lx->s[i], n = ma_at(lx, i + 1);

	if (n == '\'') {
		if (c == 'e' || c == 'E')
			if (pg)
				return ma_quoted(lx, t, i, i + 1, 1, MA_SQL_T_STRING);
		if (c == 'n' || c == 'N' || c == 'x' || c == 'X' || c == 'b' || c == 'B')
			return ma_quoted(lx, t, i, i + 1, my, MA_SQL_T_STRING);
	}
	if ((c == 'u' || c == 'U') && n == '&' && ma_at(lx, i + 2) == '\'' && pg)
		return ma_quoted(lx, t, i, i + 2, 0, MA_SQL_T_STRING);
	j = ma_run(lx, i + 1, ma_ident_mask(lx));
	if (my && c == '_' && ma_at(lx, j) == '\'' && j > i + 1)
		return ma_quoted(lx, t, i, j, 1, MA_SQL_T_STRING); /* _utf8'...' */
	return ma_tok(lx, t, i, j, MA_SQL_T_WORD, 0);
}

/* A number at i (or . and a digit), or MySQL's identifier that starts
 * with digits (1abc, 31girls). */
static int ma_number(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	size_t end = ma_number_end(lx, i);

	if (lx->dialect == MOAT_SQL_MYSQL && ma_run(lx, i, DG) == end && end < lx->len &&
	    ma_is(ma_at(lx, end), ma_ident_mask(lx)))
		return ma_tok(lx, t, i, ma_run(lx, end, ma_ident_mask(lx)), MA_SQL_T_WORD, 0);
	return ma_tok(lx, t, i, end, MA_SQL_T_NUMBER, 0);
}

/* ?, ?1, :name, @name, @@name, @'x', $1, $name at i; 0 if it is none. */
static int ma_param(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	char c = lx->s[i];
	size_t j = i + 1;
	int flags = 0;
	unsigned idm = ma_ident_mask(lx);

	if (c == '?') {
		j = ma_run(lx, j, DG);
	} else if (c == ':') {
		if (lx->dialect != MOAT_SQL_SQLITE || !ma_is(ma_at(lx, j), ID))
			return 0;
		j = ma_run(lx, j, idm);
	} else if (c == '$') {
		if (ma_is(ma_at(lx, j), DG))
			j = ma_run(lx, j, DG);
		else if (lx->dialect == MOAT_SQL_SQLITE && ma_is(ma_at(lx, j), ID))
			j = ma_run(lx, j, idm);
		else
			return 0;
	} else {
		/* '@' */
		if (ma_at(lx, j) == '@') {
			flags = MA_SQL_F_SYSVAR;
			j++;
		}
		if (lx->dialect == MOAT_SQL_MYSQL &&
		    (ma_at(lx, j) == '\'' || ma_at(lx, j) == '"' || ma_at(lx, j) == '`')) {
			int un = 0;
			j = ma_quoted_end(lx, j, lx->s[j], 1, &un);
			if (un)
				flags |= MA_SQL_F_UNTERMINATED;
		} else {
			if (!ma_is(ma_at(lx, j), idm))
				return 0;
			while (ma_is(ma_at(lx, j), idm) || ma_at(lx, j) == '.')
				j++;
		}
	}
	return ma_tok(lx, t, i, j, MA_SQL_T_PARAM, flags);
}

/* PostgreSQL's $tag$...$tag$ at i: 1, or 0 when i holds no tag. */
static int ma_dollar_string(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	size_t tag = ma_dollar_tag(lx, i);
	const char *p, *stop = lx->s + lx->len, *hit = NULL;

	if (!tag)
		return 0;
	p = lx->s + i + tag;
	while (p + tag <= stop) {
		const char *d = memchr(p, '$', (size_t)(stop - p));
		if (!d || d + tag > stop)
			break;
		if (memcmp(d, lx->s + i, tag) == 0) {
			hit = d;
			break;
		}
		p = d + 1;
	}
	return ma_tok(lx, t, i, hit ? (size_t)(hit - lx->s) + tag : lx->len, MA_SQL_T_STRING,
	              hit ? 0 : MA_SQL_F_UNTERMINATED);
}

int ma_sql_lex_next(struct ma_sql_lexer *lx, struct ma_sql_tok *t)
{
	size_t i = ma_run(lx, lx->pos, SP), end;
	int un = 0, my = lx->dialect == MOAT_SQL_MYSQL, pg = lx->dialect == MOAT_SQL_POSTGRES;
	unsigned char c, n;

	if (i >= lx->len) {
		lx->pos = lx->len;
		return 0;
	}
	c = (unsigned char)lx->s[i];
	if (ma_cls[c] & ID)
		return ma_word(lx, t, i);
	if (ma_cls[c] & DG)
		return ma_number(lx, t, i);
	n = ma_at(lx, i + 1);
	switch (c) {
	/* comments */
	case '-':
		if (n == '-' && (!my || ma_at(lx, i + 2) <= ' '))
			return ma_tok(lx, t, i, ma_line_end(lx, i), MA_SQL_T_COMMENT, 0);
		break;
	case '#':
		if (my)
			return ma_tok(lx, t, i, ma_line_end(lx, i), MA_SQL_T_COMMENT, 0);
		break;
	case '/':
		if (n == '*') {
			size_t bang = ma_at(lx, i + 2) == 'M' ? i + 3 : i + 2;
			if (my && ma_at(lx, bang) == '!') {
				/* / *!50000 ... * / (MariaDB's / *M!100000 too): the
				 * content is SQL in MySQL */
				end = bang + 1;
				while (end < bang + 7 && ma_is(ma_at(lx, end), DG))
					end++;
				lx->in_exec = 1;
				return ma_tok(lx, t, i, end, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
			}
			end = ma_block_comment_end(lx, i, &un);
			return ma_tok(lx, t, i, end, MA_SQL_T_COMMENT,
			              un ? MA_SQL_F_UNTERMINATED : 0);
		}
		break;
	case '*':
		if (n == '/' && lx->in_exec) {
			lx->in_exec = 0;
			return ma_tok(lx, t, i, i + 2, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
		}
		break;
	/* strings and quoted identifiers */
	case '\'':
		return ma_quoted(lx, t, i, i, my, MA_SQL_T_STRING);
	case '"':
		return ma_quoted(lx, t, i, i, my, my ? MA_SQL_T_STRING : MA_SQL_T_QIDENT);
	case '`':
		if (!pg)
			return ma_quoted(lx, t, i, i, 0, MA_SQL_T_QIDENT);
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_OTHER, 0);
	case '[':
		if (lx->dialect == MOAT_SQL_SQLITE) {
			const char *close = memchr(lx->s + i, ']', lx->len - i);
			return ma_tok(lx, t, i, close ? (size_t)(close - lx->s) + 1 : lx->len,
			              MA_SQL_T_QIDENT, close ? 0 : MA_SQL_F_UNTERMINATED);
		}
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_OTHER, 0);
	case '$':
		if (pg && !ma_is(n, DG) && ma_dollar_string(lx, t, i))
			return 1;
		if (ma_param(lx, t, i))
			return 1;
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_OTHER, 0);
	/* numbers, parameters */
	case '.':
		if (ma_is(n, DG))
			return ma_number(lx, t, i);
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_DOT, 0);
	case '?':
	case ':':
	case '@':
		if (ma_param(lx, t, i))
			return 1;
		break;
	case '\\':
		/* MySQL: \N outside a string is NULL (a word the keyword table maps) */
		if (my && n == 'N' && !ma_is(ma_at(lx, i + 2), ma_ident_mask(lx)))
			return ma_tok(lx, t, i, i + 2, MA_SQL_T_WORD, 0);
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_OTHER, 0);
	/* punctuation */
	case '(':
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_LPAREN, 0);
	case ')':
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_RPAREN, 0);
	case ',':
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_COMMA, 0);
	case ';':
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_SEMI, 0);
	case '=':
	case '<':
	case '>':
	case '!':
	case '|':
	case '&':
	case '+':
	case '%':
	case '^':
	case '~':
		break;
	default:
		return ma_tok(lx, t, i, i + 1, MA_SQL_T_OTHER, 0);
	}
	/* operators (and '-', '#', '/', '*', ':', '@' that start nothing else) */
	return ma_tok(lx, t, i, i + ma_op_len(lx, i), MA_SQL_T_OP, 0);
}
