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

static int ma_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int ma_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int ma_is_hex(unsigned char c)
{
	return ma_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A byte that may start an identifier (UTF-8 letters included). */
static int ma_is_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int ma_is_ident(const struct ma_sql_lexer *lx, unsigned char c)
{
	return ma_is_ident_start(c) || ma_is_digit(c) ||
	       (c == '$' && lx->dialect != MOAT_SQL_SQLITE);
}

static unsigned char ma_at(const struct ma_sql_lexer *lx, size_t i)
{
	return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* The end of a quoted run that starts at i (the opening quote q), with
 * doubled quotes as escapes and, if bs, backslash escapes. *unterminated
 * is set when it runs to the end of the statement. */
static size_t ma_quoted_end(const struct ma_sql_lexer *lx, size_t i, char q, int bs,
                            int *unterminated)
{
	for (i++; i < lx->len; i++) {
		char c = lx->s[i];
		if (bs && c == '\\') {
			i++;
			continue;
		}
		if (c == q) {
			if (i + 1 < lx->len && lx->s[i + 1] == q) {
				i++;
				continue;
			}
			*unterminated = 0;
			return i + 1;
		}
	}
	*unterminated = 1;
	return lx->len;
}

/* PostgreSQL $tag$ at i: the length of the opening delimiter, or 0. */
static size_t ma_dollar_tag(const struct ma_sql_lexer *lx, size_t i)
{
	size_t j = i + 1;

	if (ma_at(lx, j) == '$')
		return 2;
	if (!ma_is_ident_start(ma_at(lx, j)))
		return 0;
	while (j < lx->len && (ma_is_ident_start(ma_at(lx, j)) || ma_is_digit(ma_at(lx, j))))
		j++;
	return ma_at(lx, j) == '$' ? j + 1 - i : 0;
}

/* A block comment starting at i ("/ *"): its end. PostgreSQL nests them. */
static size_t ma_block_comment_end(const struct ma_sql_lexer *lx, size_t i, int *unterminated)
{
	int depth = 1;

	for (i += 2; i < lx->len; i++) {
		if (lx->s[i] == '*' && ma_at(lx, i + 1) == '/') {
			i++;
			if (--depth == 0) {
				*unterminated = 0;
				return i + 1;
			}
		} else if (lx->dialect == MOAT_SQL_POSTGRES && lx->s[i] == '/' &&
		           ma_at(lx, i + 1) == '*') {
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

	if (ma_at(lx, i) == '0' && (ma_at(lx, i + 1) == 'x' || ma_at(lx, i + 1) == 'X') &&
	    ma_is_hex(ma_at(lx, i + 2))) {
		for (j = i + 2; ma_is_hex(ma_at(lx, j)); j++)
			;
		return j;
	}
	if (ma_at(lx, i) == '0' && (ma_at(lx, i + 1) == 'b' || ma_at(lx, i + 1) == 'B') &&
	    (ma_at(lx, i + 2) == '0' || ma_at(lx, i + 2) == '1')) {
		for (j = i + 2; ma_at(lx, j) == '0' || ma_at(lx, j) == '1'; j++)
			;
		return j;
	}
	while (ma_is_digit(ma_at(lx, j)) ||
	       (ma_at(lx, j) == '_' && lx->dialect == MOAT_SQL_POSTGRES &&
	        ma_is_digit(ma_at(lx, j + 1))))
		j++;
	if (ma_at(lx, j) == '.') {
		j++;
		while (ma_is_digit(ma_at(lx, j)))
			j++;
	}
	if ((ma_at(lx, j) == 'e' || ma_at(lx, j) == 'E') &&
	    (ma_is_digit(ma_at(lx, j + 1)) ||
	     ((ma_at(lx, j + 1) == '+' || ma_at(lx, j + 1) == '-') &&
	      ma_is_digit(ma_at(lx, j + 2))))) {
		j += 2;
		while (ma_is_digit(ma_at(lx, j)))
			j++;
	}
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

static int ma_tok(struct ma_sql_tok *t, size_t start, size_t end, int type, int flags)
{
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->type = (uint8_t)type;
	t->flags = (uint8_t)flags;
	return 1;
}

/* A string with a one-letter prefix or MySQL's _charset introducer at i,
 * whose quote is at q: the token, with backslashes for E'' (PostgreSQL)
 * and for every MySQL string. */
static int ma_prefixed_string(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i, size_t q,
                              int bs)
{
	int un = 0;
	size_t end = ma_quoted_end(lx, q, '\'', bs, &un);

	lx->pos = end;
	return ma_tok(t, i, end, MA_SQL_T_STRING, un ? MA_SQL_F_UNTERMINATED : 0);
}

/* A word at i (identifier or keyword), or a prefixed string. */
static int ma_word(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	size_t j = i + 1;
	int my = lx->dialect == MOAT_SQL_MYSQL, pg = lx->dialect == MOAT_SQL_POSTGRES;
	unsigned char c = (unsigned char)lx->s[i], n = ma_at(lx, i + 1);

	if (n == '\'') {
		if (c == 'e' || c == 'E')
			if (pg)
				return ma_prefixed_string(lx, t, i, i + 1, 1);
		if (c == 'n' || c == 'N' || c == 'x' || c == 'X' || c == 'b' || c == 'B')
			return ma_prefixed_string(lx, t, i, i + 1, my);
	}
	if ((c == 'u' || c == 'U') && n == '&' && ma_at(lx, i + 2) == '\'' && pg)
		return ma_prefixed_string(lx, t, i, i + 2, 0);
	while (j < lx->len && ma_is_ident(lx, (unsigned char)lx->s[j]))
		j++;
	if (my && c == '_' && ma_at(lx, j) == '\'' && j > i + 1)
		return ma_prefixed_string(lx, t, i, j, 1); /* _utf8'...' */
	lx->pos = j;
	return ma_tok(t, i, j, MA_SQL_T_WORD, 0);
}

/* ?, ?1, :name, @name, @@name, @'x', $1, $name at i; 0 if it is none. */
static int ma_param(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t i)
{
	char c = lx->s[i];
	size_t j = i + 1;
	int flags = 0;

	if (c == '?') {
		while (ma_is_digit(ma_at(lx, j)))
			j++;
	} else if (c == ':') {
		if (lx->dialect != MOAT_SQL_SQLITE || !ma_is_ident_start(ma_at(lx, j)))
			return 0;
		while (ma_is_ident(lx, ma_at(lx, j)))
			j++;
	} else if (c == '$') {
		if (ma_is_digit(ma_at(lx, j))) {
			while (ma_is_digit(ma_at(lx, j)))
				j++;
		} else if (lx->dialect == MOAT_SQL_SQLITE && ma_is_ident_start(ma_at(lx, j))) {
			while (ma_is_ident(lx, ma_at(lx, j)))
				j++;
		} else {
			return 0;
		}
	} else if (c == '@') {
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
			if (!ma_is_ident(lx, ma_at(lx, j)))
				return 0;
			while (ma_is_ident(lx, ma_at(lx, j)) || ma_at(lx, j) == '.')
				j++;
		}
	} else {
		return 0;
	}
	lx->pos = j;
	return ma_tok(t, i, j, MA_SQL_T_PARAM, flags);
}

int ma_sql_lex_next(struct ma_sql_lexer *lx, struct ma_sql_tok *t)
{
	size_t i = lx->pos, end;
	int un = 0, my = lx->dialect == MOAT_SQL_MYSQL, pg = lx->dialect == MOAT_SQL_POSTGRES;
	unsigned char c, n;

	while (i < lx->len && ma_is_space((unsigned char)lx->s[i]))
		i++;
	if (i >= lx->len) {
		lx->pos = lx->len;
		return 0;
	}
	c = (unsigned char)lx->s[i];
	n = ma_at(lx, i + 1);
	/* comments */
	if (c == '-' && n == '-' && (!my || i + 2 >= lx->len || ma_at(lx, i + 2) <= ' ')) {
		lx->pos = ma_line_end(lx, i);
		return ma_tok(t, i, lx->pos, MA_SQL_T_COMMENT, 0);
	}
	if (c == '#' && my) {
		lx->pos = ma_line_end(lx, i);
		return ma_tok(t, i, lx->pos, MA_SQL_T_COMMENT, 0);
	}
	if (c == '/' && n == '*') {
		size_t bang = ma_at(lx, i + 2) == 'M' ? i + 3 : i + 2;
		if (my && ma_at(lx, bang) == '!') {
			/* / *!50000 ... * / (MariaDB's / *M!100000 too): the
			 * content is SQL in MySQL */
			end = bang + 1;
			while (end < bang + 7 && ma_is_digit(ma_at(lx, end)))
				end++;
			lx->in_exec = 1;
			lx->pos = end;
			return ma_tok(t, i, end, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
		}
		lx->pos = ma_block_comment_end(lx, i, &un);
		return ma_tok(t, i, lx->pos, MA_SQL_T_COMMENT, un ? MA_SQL_F_UNTERMINATED : 0);
	}
	if (c == '*' && n == '/' && lx->in_exec) {
		lx->in_exec = 0;
		lx->pos = i + 2;
		return ma_tok(t, i, i + 2, MA_SQL_T_COMMENT, MA_SQL_F_EXEC);
	}
	/* strings and quoted identifiers */
	if (c == '\'') {
		lx->pos = ma_quoted_end(lx, i, '\'', my, &un);
		return ma_tok(t, i, lx->pos, MA_SQL_T_STRING, un ? MA_SQL_F_UNTERMINATED : 0);
	}
	if (c == '"') {
		lx->pos = ma_quoted_end(lx, i, '"', my, &un);
		return ma_tok(t, i, lx->pos, my ? MA_SQL_T_STRING : MA_SQL_T_QIDENT,
		              un ? MA_SQL_F_UNTERMINATED : 0);
	}
	if (c == '`' && !pg) {
		lx->pos = ma_quoted_end(lx, i, '`', 0, &un);
		return ma_tok(t, i, lx->pos, MA_SQL_T_QIDENT, un ? MA_SQL_F_UNTERMINATED : 0);
	}
	if (c == '[' && lx->dialect == MOAT_SQL_SQLITE) {
		const char *close = memchr(lx->s + i, ']', lx->len - i);
		lx->pos = close ? (size_t)(close - lx->s) + 1 : lx->len;
		return ma_tok(t, i, lx->pos, MA_SQL_T_QIDENT, close ? 0 : MA_SQL_F_UNTERMINATED);
	}
	if (c == '$' && pg && !ma_is_digit(n)) {
		size_t tag = ma_dollar_tag(lx, i);
		if (tag) {
			const char *p = lx->s + i + tag, *stop = lx->s + lx->len;
			const char *hit = NULL;
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
			lx->pos = hit ? (size_t)(hit - lx->s) + tag : lx->len;
			return ma_tok(t, i, lx->pos, MA_SQL_T_STRING,
			              hit ? 0 : MA_SQL_F_UNTERMINATED);
		}
	}
	/* numbers, words, parameters */
	if (ma_is_digit(c) || (c == '.' && ma_is_digit(n))) {
		size_t j;
		end = ma_number_end(lx, i);
		/* MySQL: digits followed by letters are one identifier (1abc, 31girls) */
		for (j = i; j < end && ma_is_digit(ma_at(lx, j)); j++)
			;
		if (my && j == end && end < lx->len && ma_is_ident(lx, ma_at(lx, end))) {
			while (end < lx->len && ma_is_ident(lx, ma_at(lx, end)))
				end++;
			lx->pos = end;
			return ma_tok(t, i, end, MA_SQL_T_WORD, 0);
		}
		lx->pos = end;
		return ma_tok(t, i, lx->pos, MA_SQL_T_NUMBER, 0);
	}
	if (ma_is_ident_start(c))
		return ma_word(lx, t, i);
	if ((c == '?' || c == ':' || c == '$' || c == '@') && ma_param(lx, t, i))
		return 1;
	/* MySQL: \N outside a string is NULL (a word the keyword table maps) */
	if (my && c == '\\' && n == 'N' && !ma_is_ident(lx, ma_at(lx, i + 2))) {
		lx->pos = i + 2;
		return ma_tok(t, i, i + 2, MA_SQL_T_WORD, 0);
	}
	/* punctuation and operators */
	lx->pos = i + 1;
	switch (c) {
	case '(':
		return ma_tok(t, i, i + 1, MA_SQL_T_LPAREN, 0);
	case ')':
		return ma_tok(t, i, i + 1, MA_SQL_T_RPAREN, 0);
	case ',':
		return ma_tok(t, i, i + 1, MA_SQL_T_COMMA, 0);
	case ';':
		return ma_tok(t, i, i + 1, MA_SQL_T_SEMI, 0);
	case '.':
		return ma_tok(t, i, i + 1, MA_SQL_T_DOT, 0);
	case '=':
	case '<':
	case '>':
	case '!':
	case '|':
	case '&':
	case '+':
	case '-':
	case '*':
	case '/':
	case '%':
	case '^':
	case '~':
	case ':':
	case '#':
	case '@':
		lx->pos = i + ma_op_len(lx, i);
		return ma_tok(t, i, lx->pos, MA_SQL_T_OP, 0);
	default:
		return ma_tok(t, i, i + 1, MA_SQL_T_OTHER, 0);
	}
}
