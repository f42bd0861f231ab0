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
 * _charset''), numbers (1, 1.5, .5, 1e-3, 0x1F, 0b1, PostgreSQL's 0o17, digit
 * separators 1_000 in PostgreSQL and SQLite), parameters and
 * variables (?, :name, @name, @@name), MySQL's \N (NULL).
 *
 * How it stays cheap (the sql_injection check lexes a 4 KB statement at
 * least once per check): one loop (ma_sql_lex_run) lexes many tokens with
 * the statement, the position and the token being written in registers;
 * a table gives each byte what a token that starts with it is (ma_first:
 * whitespace, a word, a number, a one-byte token with its type, or the
 * rule to look further), so the common tokens -- one-byte punctuation,
 * words that no quote follows, digits that nothing numeric follows,
 * '...' strings, operators -- are lexed in the loop, and the rest
 * (prefixed strings, numeric forms, comments, "", parameters, dollar
 * quotes) out of line (ma_lex_slow), which keeps the loop's registers
 * free. Runs of identifier bytes and digits are read eight to one test of
 * the length (a table read and a test a byte); the bodies of strings,
 * quoted names and PostgreSQL's nested comments sixteen bytes at a time
 * with SSE2 (eight with SWAR elsewhere) to the next quote or escape;
 * other comments with memchr.
 *
 * Pure: the lexer borrows the statement, allocates nothing and keeps its
 * whole state in struct ma_sql_lexer. Any thread.
 */
#include "ma_sql_lex.h"
#include "ma_util.h"

#include <string.h>
/* SSE2 (every x86-64) reads literals' bodies sixteen bytes at a time;
 * elsewhere, or with MA_SQL_LEX_SWAR (the unit tests build both), eight
 * at a time in a 64-bit register. */
#if defined(__SSE2__) && !defined(MA_SQL_LEX_SWAR)
#define MA_SQL_LEX_SSE2 1
#include <emmintrin.h>
#endif

void ma_sql_lex_init(struct ma_sql_lexer *lx, int dialect, const char *s, size_t len)
{
	lx->s = s;
	lx->len = len;
	lx->pos = 0;
	lx->dialect = dialect;
	lx->in_exec = 0;
}

#define SP 1   /* whitespace: space \t \n \v \f \r */
#define ID 2   /* may start an identifier: letters, _, bytes >= 0x80 (UTF-8) */
#define DG 4   /* digit */
#define DL 8   /* '$': inside an identifier except in SQLite */
#define HX 16  /* hex digit */
#define OC 32  /* may be the second byte of an operator: = < > @ ~ * | & */
#define MO 64  /* after - / or *, makes more than a one-byte operator: - > * / */
#define QA 128 /* after a word, may make it a prefixed string: ' & */

/* clang-format off */
static const unsigned char ma_cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, SP, SP, SP, SP, SP, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	SP, 0, 0, 0, DL, 0, OC|QA, QA, 0, 0, OC|MO, 0, 0, MO, 0, MO,
	DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, DG|HX, 0, 0, OC, OC, OC|MO, 0,
	OC, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, 0, 0, 0, ID,
	0, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID|HX, ID, ID, ID, ID, ID, ID, ID, ID, ID,
	ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, ID, 0, OC, 0, OC, 0,
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

/* What a token that starts with a byte is, in every dialect (the cases of
 * ma_sql_lex_run tell the dialects apart): F_SPACE is no token; F_ONE
 * and a token type, a token of that one byte in every dialect. */
enum {
	F_SPACE = 1,
	F_WORD,
	F_DIGIT,
	F_OP, /* = < > ! | & + % ^ ~: an operator of one to three bytes */
	F_MINUS,
	F_HASH,
	F_SLASH,
	F_STAR,
	F_SQUOTE,
	F_DQUOTE,
	F_BACKTICK,
	F_BRACKET,
	F_DOLLAR,
	F_DOT,
	F_PARAM, /* ? : @ */
	F_BACKSLASH,
	F_ONE = 32,
	F_OTHER = F_ONE | MA_SQL_T_OTHER, /* a byte no rule accepts */
	F_LPAREN = F_ONE | MA_SQL_T_LPAREN,
	F_RPAREN = F_ONE | MA_SQL_T_RPAREN,
	F_COMMA = F_ONE | MA_SQL_T_COMMA,
	F_SEMI = F_ONE | MA_SQL_T_SEMI,
};
_Static_assert((int)MA_SQL_T_OTHER < (int)F_ONE && (int)MA_SQL_T_SEMI < (int)F_ONE,
               "a token type fits below F_ONE");

/* ma_first[c]: F_* for a token starting with c (filled from ma_cls and
 * the punctuation below at compile time). */
#define W4(x)  x, x, x, x
#define W16(x) W4(x), W4(x), W4(x), W4(x)
#define WD     F_WORD
/* clang-format off */
static const unsigned char ma_first[256] = {
	W4(F_OTHER), W4(F_OTHER), F_OTHER, F_SPACE, F_SPACE, F_SPACE, F_SPACE, F_SPACE, F_OTHER, F_OTHER,
	W16(F_OTHER),
	/*  ! " # $ % & ' ( ) * + , - . / */
	F_SPACE, F_OP, F_DQUOTE, F_HASH, F_DOLLAR, F_OP, F_OP, F_SQUOTE,
	F_LPAREN, F_RPAREN, F_STAR, F_OP, F_COMMA, F_MINUS, F_DOT, F_SLASH,
	/* 0-9 : ; < = > ? */
	W4(F_DIGIT), W4(F_DIGIT), F_DIGIT, F_DIGIT, F_PARAM, F_SEMI, F_OP, F_OP, F_OP, F_PARAM,
	/* @ A-O */
	F_PARAM, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD,
	/* P-Z [ \ ] ^ _ */
	WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, F_BRACKET, F_BACKSLASH, F_OTHER, F_OP, WD,
	/* ` a-o */
	F_BACKTICK, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD,
	/* p-z { | } ~ DEL */
	WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, F_OTHER, F_OP, F_OTHER, F_OP, F_OTHER,
	/* 0x80-0xff: UTF-8 bytes are identifier bytes */
	W16(WD), W16(WD), W16(WD), W16(WD), W16(WD), W16(WD), W16(WD), W16(WD),
};
/* clang-format on */
#undef W4
#undef W16
#undef WD

/* The classes a byte inside an identifier has in a dialect. */
static unsigned ma_ident_mask(int dialect)
{
	return dialect == MOAT_SQL_SQLITE ? ID | DG : ID | DG | DL;
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
static size_t ma_run(const unsigned char *s, size_t len, size_t i, unsigned cls)
{
	while (i < len && (ma_cls[s[i]] & cls))
		i++;
	return i;
}

/* The same for runs that may be long (identifiers, digits, whitespace):
 * eight bytes to one test of the length, a table read and a test each. */
static inline __attribute__((always_inline)) size_t ma_run8(const unsigned char *s, size_t len,
                                                            size_t i, unsigned cls)
{
	while (i + 8 <= len) {
		const unsigned char *p = s + i;
		if (!(ma_cls[p[0]] & cls))
			return i;
		if (!(ma_cls[p[1]] & cls))
			return i + 1;
		if (!(ma_cls[p[2]] & cls))
			return i + 2;
		if (!(ma_cls[p[3]] & cls))
			return i + 3;
		if (!(ma_cls[p[4]] & cls))
			return i + 4;
		if (!(ma_cls[p[5]] & cls))
			return i + 5;
		if (!(ma_cls[p[6]] & cls))
			return i + 6;
		if (!(ma_cls[p[7]] & cls))
			return i + 7;
		i += 8;
	}
	return ma_run(s, len, i, cls);
}

#ifndef MA_SQL_LEX_SSE2
/* Eight bytes at a time (SWAR: SIMD within a register): the bit 7 of
 * each byte of the result is set where the byte of w is zero (bytes after
 * the first zero byte may be set wrongly, before it never), so the lowest
 * set bit marks the first zero byte. */
#define MA_ONES  0x0101010101010101ULL
#define MA_HIGHS 0x8080808080808080ULL
static uint64_t ma_swar_zero(uint64_t w)
{
	return (w - MA_ONES) & ~w & MA_HIGHS;
}

/* ma_load8 (ma_util.h) puts the first byte in the lowest bits: the order
 * ma_swar_zero's borrows need (they run from the low bits up). */
#endif

/* The first byte at or after i that is a or b (or len, or i when i >=
 * len): sixteen bytes at a time with SSE2 (the last sixteen of the
 * statement once for the rest, the bytes before i masked off), else eight
 * (SWAR) and then one at a time. a == b looks for one byte. */
static inline __attribute__((always_inline)) size_t ma_find2(const char *s, size_t len, size_t i,
                                                             unsigned char a, unsigned char b)
{
#ifdef MA_SQL_LEX_SSE2
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);

	while (i + 16 <= len) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)));
		if (m)
			return i + (unsigned)__builtin_ctz(m);
		i += 16;
	}
	if (i < len && len >= 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)));
		m >>= i - (len - 16); /* bit 0: the byte at i */
		return m ? i + (unsigned)__builtin_ctz(m) : len;
	}
#else
	uint64_t ma = MA_ONES * a, mb = MA_ONES * b;

	while (i + 8 <= len) {
		uint64_t w = ma_load8(s + i), m = ma_swar_zero(w ^ ma) | ma_swar_zero(w ^ mb);
		if (m)
			return i + (unsigned)__builtin_ctzll(m) / 8;
		i += 8;
	}
#endif
	while (i < len && (unsigned char)s[i] != a && (unsigned char)s[i] != b)
		i++;
	return i;
}

/* The end of a quoted run that starts at i (the opening quote q), with
 * doubled quotes as escapes and, if bs, backslash escapes. *unterminated
 * is set when it runs to the end of the statement. The bytes that are
 * neither q nor a backslash are passed many at a time (ma_find2). */
static inline __attribute__((always_inline)) size_t
ma_quoted_end_inline(const char *s, size_t len, size_t i, char q, int bs, int *unterminated)
{
	unsigned char esc = (unsigned char)(bs ? '\\' : q); /* q: no escape byte but the quote */

	i++;
	for (;;) {
		/* i: the first byte not looked at; the next q or esc */
		i = ma_find2(s, len, i, (unsigned char)q, esc);
		if (i >= len)
			break;
		if (s[i] == q) {
			if (i + 1 < len && s[i + 1] == q) {
				i += 2; /* a doubled quote */
				continue;
			}
			*unterminated = 0;
			return i + 1;
		}
		i += 2; /* a backslash and the byte it escapes */
	}
	*unterminated = 1;
	return len;
}

static size_t ma_quoted_end(const char *s, size_t len, size_t i, char q, int bs, int *unterminated)
{
	return ma_quoted_end_inline(s, len, i, q, bs, unterminated);
}

/* PostgreSQL $tag$ at i: the length of the opening delimiter, or 0. */
static size_t ma_dollar_tag(const struct ma_sql_lexer *lx, size_t i)
{
	size_t j = i + 1;

	if (ma_at(lx, j) == '$')
		return 2;
	if (!ma_is(ma_at(lx, j), ID))
		return 0;
	j = ma_run((const unsigned char *)lx->s, lx->len, j, ID | DG);
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
		} else {
			i = ma_find2(s, lx->len, i, '*', '/');
			if (i >= lx->len)
				break;
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

/* The end of a line comment at i: the next '\n', or in PostgreSQL the next
 * '\n' or '\r' (its scanner's non_newline is [^\n\r]; SQLite and MySQL
 * end one at '\n' only). */
static size_t ma_line_end(const char *s, size_t len, size_t i, int cr)
{
	const char *nl = memchr(s + i, '\n', len - i);
	size_t end = nl ? (size_t)(nl - s) : len;
	const char *r = cr ? memchr(s + i, '\r', end - i) : NULL;

	return r ? (size_t)(r - s) : end;
}

/* Digits of a number from j, of the class mask (HX, DG) or, with mask 0,
 * '0' to top: with sep, one '_' between two digits too (PostgreSQL 16's
 * and SQLite 3.46's digit separators: 1_000, 0x_ff in PostgreSQL). */
static size_t ma_digits(const struct ma_sql_lexer *lx, size_t j, unsigned mask, unsigned char top,
                        int sep)
{
	for (;;) {
		unsigned char c;
		if (mask)
			j = ma_run((const unsigned char *)lx->s, lx->len, j, mask);
		else
			while ((c = ma_at(lx, j)) >= '0' && c <= top)
				j++;
		c = ma_at(lx, j + 1);
		if (sep && ma_at(lx, j) == '_' && (mask ? ma_is(c, mask) : c >= '0' && c <= top))
			j++;
		else
			return j;
	}
}

/* A number at i: digits, fraction, exponent; 0x / 0b forms, PostgreSQL's
 * 0o, digit separators where the dialect has them (ma_digits). */
static size_t ma_number_end(const struct ma_sql_lexer *lx, size_t i)
{
	int pg = lx->dialect == MOAT_SQL_POSTGRES, sep = !MA_SQL_MY(lx->dialect);
	size_t j = i;
	unsigned char n = ma_at(lx, i + 1) | 0x20, top = n == 'b' ? '1' : '7';
	size_t k = i + 2 + (pg && ma_at(lx, i + 2) == '_'); /* PostgreSQL: 0x_ff */

	if (ma_at(lx, i) == '0' && n == 'x' && ma_is(ma_at(lx, k), HX))
		return ma_digits(lx, k, HX, 0, sep);
	if (ma_at(lx, i) == '0' && (n == 'b' || (pg && n == 'o')) && ma_at(lx, k) >= '0' &&
	    ma_at(lx, k) <= top)
		return ma_digits(lx, k, 0, top, pg);
	j = ma_digits(lx, j, DG, 0, sep);
	if (ma_at(lx, j) == '.')
		j = ma_digits(lx, j + 1, DG, 0, sep && ma_is(ma_at(lx, j + 1), DG));
	if ((ma_at(lx, j) == 'e' || ma_at(lx, j) == 'E') &&
	    (ma_is(ma_at(lx, j + 1), DG) ||
	     ((ma_at(lx, j + 1) == '+' || ma_at(lx, j + 1) == '-') && ma_is(ma_at(lx, j + 2), DG))))
		j = ma_digits(lx, j + 2, DG, 0, sep);
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

/* What one rule below makes of the bytes at i: the token's end, type and
 * flags (ma_sql_lex_run writes it). */
struct ma_lexed {
	size_t end;
	int type, flags;
};

/* A quoted run at i whose quote is at q: a token of type, flagged when
 * unterminated. */
static void ma_quoted(const struct ma_sql_lexer *lx, size_t q, int bs, int type, struct ma_lexed *r)
{
	int un = 0;

	r->end = ma_quoted_end(lx->s, lx->len, q, lx->s[q], bs, &un);
	r->type = type;
	r->flags = un ? MA_SQL_F_UNTERMINATED : 0;
}

/* A word at i that ends at j before a quote or '&': a prefixed string
 * (a one-letter prefix or MySQL's _charset introducer, with backslashes
 * for E'' (PostgreSQL) and for every MySQL string), or the word. */
static void ma_word_quote(const struct ma_sql_lexer *lx, size_t i, size_t j, struct ma_lexed *r)
{
	int my = MA_SQL_MY(lx->dialect), pg = lx->dialect == MOAT_SQL_POSTGRES;
	int bs = lx->dialect == MOAT_SQL_MYSQL; /* (not with NO_BACKSLASH_ESCAPES) */
	unsigned char c = (unsigned char)lx->s[i], n = ma_at(lx, i + 1);

	if (n == '\'') {
		if ((c == 'e' || c == 'E') && pg) {
			ma_quoted(lx, i + 1, 1, MA_SQL_T_STRING, r);
			return;
		}
		if (c == 'n' || c == 'N' || c == 'x' || c == 'X' || c == 'b' || c == 'B') {
			ma_quoted(lx, i + 1, bs, MA_SQL_T_STRING, r);
			return;
		}
	}
	if ((c == 'u' || c == 'U') && n == '&' && ma_at(lx, i + 2) == '\'' && pg) {
		ma_quoted(lx, i + 2, 0, MA_SQL_T_STRING, r);
		return;
	}
	if (my && c == '_' && ma_at(lx, j) == '\'' && j > i + 1) {
		ma_quoted(lx, j, bs, MA_SQL_T_STRING, r); /* _utf8'...' */
		return;
	}
	r->end = j;
	r->type = MA_SQL_T_WORD;
	r->flags = 0;
}

/* A number at i (or . and a digit), or MySQL's identifier that starts
 * with digits (1abc, 31girls). */
static void ma_number(const struct ma_sql_lexer *lx, size_t i, struct ma_lexed *r)
{
	const unsigned char *s = (const unsigned char *)lx->s;
	size_t end = ma_number_end(lx, i);
	unsigned idm = ma_ident_mask(lx->dialect);

	r->flags = 0;
	if (MA_SQL_MY(lx->dialect) && ma_run(s, lx->len, i, DG) == end && end < lx->len &&
	    ma_is(s[end], idm)) {
		r->end = ma_run(s, lx->len, end, idm);
		r->type = MA_SQL_T_WORD;
		return;
	}
	r->end = end;
	r->type = MA_SQL_T_NUMBER;
}

/* ?, ?1, :name, @name, @@name, @'x', $1, $name at i: 1 (r set), or 0 if
 * it is none. */
static int ma_param(const struct ma_sql_lexer *lx, size_t i, struct ma_lexed *r)
{
	const unsigned char *s = (const unsigned char *)lx->s;
	char c = lx->s[i];
	size_t j = i + 1, len = lx->len;
	int flags = 0;
	unsigned idm = ma_ident_mask(lx->dialect);

	if (c == '?') {
		j = ma_run(s, len, j, DG);
	} else if (c == ':') {
		if (lx->dialect != MOAT_SQL_SQLITE || !ma_is(ma_at(lx, j), ID))
			return 0;
		j = ma_run(s, len, j, idm);
	} else if (c == '$') {
		if (ma_is(ma_at(lx, j), DG))
			j = ma_run(s, len, j, DG);
		else if (lx->dialect == MOAT_SQL_SQLITE && ma_is(ma_at(lx, j), ID))
			j = ma_run(s, len, j, idm);
		else
			return 0;
	} else {
		/* '@' */
		if (ma_at(lx, j) == '@') {
			flags = MA_SQL_F_SYSVAR;
			j++;
		}
		if (MA_SQL_MY(lx->dialect) &&
		    (ma_at(lx, j) == '\'' || ma_at(lx, j) == '"' || ma_at(lx, j) == '`')) {
			int un = 0;
			j = ma_quoted_end(lx->s, len, j, lx->s[j], lx->dialect == MOAT_SQL_MYSQL,
			                  &un);
			if (un)
				flags |= MA_SQL_F_UNTERMINATED;
		} else {
			if (!ma_is(ma_at(lx, j), idm))
				return 0;
			while (ma_is(ma_at(lx, j), idm) || ma_at(lx, j) == '.')
				j++;
		}
	}
	r->end = j;
	r->type = MA_SQL_T_PARAM;
	r->flags = flags;
	return 1;
}

/* PostgreSQL's $tag$...$tag$ at i: 1 (r set), or 0 when i holds no tag. */
static int ma_dollar_string(const struct ma_sql_lexer *lx, size_t i, struct ma_lexed *r)
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
	r->end = hit ? (size_t)(hit - lx->s) + tag : lx->len;
	r->type = MA_SQL_T_STRING;
	r->flags = hit ? 0 : MA_SQL_F_UNTERMINATED;
	return 1;
}

/* The token at i (not whitespace; a = ma_first of its byte) that is no
 * word, number or one-byte punctuation: r set. */
static void ma_lex_rule(struct ma_sql_lexer *lx, size_t i, unsigned a, struct ma_lexed *r)
{
	int un = 0, my = MA_SQL_MY(lx->dialect), pg = lx->dialect == MOAT_SQL_POSTGRES;
	int bs = lx->dialect == MOAT_SQL_MYSQL; /* (not with NO_BACKSLASH_ESCAPES) */
	unsigned char n = ma_at(lx, i + 1);

	r->flags = 0;
	switch (a) {
	/* comments */
	case F_MINUS:
		/* MySQL: "--" then a space or a control byte (DEL too) */
		if (n == '-' && (!my || ma_at(lx, i + 2) <= ' ' || ma_at(lx, i + 2) == 0x7f)) {
			r->end = ma_line_end(lx->s, lx->len, i, pg);
			r->type = MA_SQL_T_COMMENT;
			return;
		}
		break;
	case F_HASH:
		if (my) {
			r->end = ma_line_end(lx->s, lx->len, i, 0);
			r->type = MA_SQL_T_COMMENT;
			return;
		}
		break;
	case F_SLASH:
		if (n == '*') {
			size_t bang = ma_at(lx, i + 2) == 'M' ? i + 3 : i + 2;
			r->type = MA_SQL_T_COMMENT;
			if (my && ma_at(lx, bang) == '!') {
				/* / *!50000 ... * / (MariaDB's / *M!100000 too): the
				 * content is SQL in MySQL */
				size_t end = bang + 1;
				while (end < bang + 7 && ma_is(ma_at(lx, end), DG))
					end++;
				lx->in_exec = 1;
				r->end = end;
				r->flags = MA_SQL_F_EXEC;
				return;
			}
			r->end = ma_block_comment_end(lx, i, &un);
			r->flags = un ? MA_SQL_F_UNTERMINATED : 0;
			return;
		}
		break;
	case F_STAR:
		if (n == '/' && lx->in_exec) {
			lx->in_exec = 0;
			r->end = i + 2;
			r->type = MA_SQL_T_COMMENT;
			r->flags = MA_SQL_F_EXEC;
			return;
		}
		break;
	/* strings and quoted identifiers */
	case F_SQUOTE:
		ma_quoted(lx, i, bs, MA_SQL_T_STRING, r);
		return;
	case F_DQUOTE:
		ma_quoted(lx, i, bs, my ? MA_SQL_T_STRING : MA_SQL_T_QIDENT, r);
		return;
	case F_BACKTICK:
		if (!pg) {
			ma_quoted(lx, i, 0, MA_SQL_T_QIDENT, r);
			return;
		}
		r->end = i + 1;
		r->type = MA_SQL_T_OTHER;
		return;
	case F_BRACKET:
		if (lx->dialect == MOAT_SQL_SQLITE) {
			const char *close = memchr(lx->s + i, ']', lx->len - i);
			r->end = close ? (size_t)(close - lx->s) + 1 : lx->len;
			r->type = MA_SQL_T_QIDENT;
			r->flags = close ? 0 : MA_SQL_F_UNTERMINATED;
			return;
		}
		r->end = i + 1;
		r->type = MA_SQL_T_OTHER;
		return;
	case F_DOLLAR:
		if (pg && !ma_is(n, DG) && ma_dollar_string(lx, i, r))
			return;
		if (ma_param(lx, i, r))
			return;
		r->end = i + 1;
		r->type = MA_SQL_T_OTHER;
		return;
	/* numbers, parameters */
	case F_DOT:
		if (ma_is(n, DG)) {
			ma_number(lx, i, r);
			return;
		}
		r->end = i + 1;
		r->type = MA_SQL_T_DOT;
		return;
	case F_PARAM:
		if (ma_param(lx, i, r))
			return;
		break;
	case F_BACKSLASH:
		/* MySQL: \N outside a string is NULL (a word the keyword table
		 * maps), whatever follows: its lexer returns NULL_SYM at once,
		 * so \Nunion is NULL UNION (MariaDB; MySQL 8 dropped \N) */
		r->type = MA_SQL_T_OTHER;
		r->end = i + 1;
		if (my && n == 'N') {
			r->type = MA_SQL_T_WORD;
			r->end = i + 2;
		}
		return;
	default: /* F_OP */
		break;
	}
	/* operators (and '-', '#', '/', '*', ':', '@' that start nothing else) */
	r->end = i + ma_op_len(lx, i);
	r->type = MA_SQL_T_OP;
	r->flags = 0;
}

/* The token at i whose first byte's class is a, for every shape the
 * loop of ma_sql_lex_run leaves to it (out of line, so that the loop
 * keeps its few values in registers): its type and flags set in *tp,
 * its end returned. */
static __attribute__((noinline)) size_t ma_lex_slow(struct ma_sql_lexer *lx, size_t i, unsigned a,
                                                    struct ma_sql_tok *tp)
{
	const char *s = lx->s;
	size_t len = lx->len;
	int my = MA_SQL_MY(lx->dialect), bs = lx->dialect == MOAT_SQL_MYSQL, un = 0;
	struct ma_lexed r;

	switch (a) {
	case F_WORD: /* a word before a quote or '&' */
		ma_word_quote(
		    lx, i,
		    ma_run8((const unsigned char *)s, len, i + 1, ma_ident_mask(lx->dialect)), &r);
		break;
	case F_DIGIT: /* digits and then more of a number (or a MySQL name) */
		ma_number(lx, i, &r);
		break;
	case F_SQUOTE: /* backslashes escape in MySQL */
		r.end = bs ? ma_quoted_end_inline(s, len, i, '\'', 1, &un)
		           : ma_quoted_end_inline(s, len, i, '\'', 0, &un);
		r.type = MA_SQL_T_STRING;
		r.flags = un ? MA_SQL_F_UNTERMINATED : 0;
		break;
	case F_DQUOTE: /* a string in MySQL, a name elsewhere */
		r.end = bs ? ma_quoted_end_inline(s, len, i, '"', 1, &un)
		           : ma_quoted_end_inline(s, len, i, '"', 0, &un);
		r.type = my ? MA_SQL_T_STRING : MA_SQL_T_QIDENT;
		r.flags = un ? MA_SQL_F_UNTERMINATED : 0;
		break;
	default:
		ma_lex_rule(lx, i, a, &r);
		break;
	}
	tp->type = (uint8_t)r.type;
	tp->flags = (uint8_t)r.flags;
	return r.end;
}

/* The end of a run of whitespace at i (indentation, blank lines): eight
 * bytes to one length test, out of ma_sql_lex_run's loop. */
static __attribute__((noinline)) size_t ma_space_end(const unsigned char *s, size_t len, size_t i)
{
	return ma_run8(s, len, i, SP);
}

/* ma_sql_lex_run for the dialect's two flags, lite (SQLite) and bs (MySQL's
 * backslash escapes, not with NO_BACKSLASH_ESCAPES): inlined once for each
 * dialect, so that they are constants in
 * the loop (its tests fold, its registers stay free). */
static inline __attribute__((always_inline)) size_t
ma_lex_run_in(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t max, int lite, int bs)
{
	const unsigned char *s = (const unsigned char *)lx->s;
	size_t len = lx->len, i = lx->pos;
	struct ma_sql_tok *tp = t, *te = t + max;

	if (max == 0)
		return 0;
	while (i < len) {
		/* i: the first byte not lexed yet; the token at i goes to *tp */
		unsigned a = ma_first[s[i]];

		if (a == F_SPACE) { /* mostly one byte; longer runs out of line */
			i++;
			if (i < len && (a = ma_first[s[i]]) == F_SPACE) {
				i = ma_space_end(s, len, i + 1);
				if (i < len)
					a = ma_first[s[i]];
			}
			if (i >= len)
				break;
		}
		tp->start = (uint32_t)i;
		if (a & F_ONE) { /* ( ) , ; and bytes no rule accepts */
			tp->type = (uint8_t)(a & (F_ONE - 1));
			tp->flags = 0;
			i++;
		} else if (a == F_WORD) {
			/* (the mask a constant in each call: one test a byte) */
			size_t j = lite ? ma_run8(s, len, i + 1, ID | DG)
			                : ma_run8(s, len, i + 1, ID | DG | DL);
			if (j < len && (ma_cls[s[j]] & QA)) {
				i = ma_lex_slow(lx, i, a, tp); /* a prefixed string? */
			} else {
				tp->type = MA_SQL_T_WORD;
				tp->flags = 0;
				i = j;
			}
		} else if (a == F_DIGIT) {
			/* digits that nothing numeric (., e, x, _, MySQL's
			 * letters) follows: the number ends there */
			size_t j = ma_run8(s, len, i + 1, DG);
			if (j < len && (s[j] == '.' || (ma_cls[s[j]] & (ID | DL)))) {
				i = ma_lex_slow(lx, i, a, tp);
			} else {
				tp->type = MA_SQL_T_NUMBER;
				tp->flags = 0;
				i = j;
			}
		} else if (a == F_SQUOTE) { /* backslashes escape in MySQL */
			int un = 0;
			/* (the escape a constant in each call: the search's
			 * bytes are set up once, not at every string) */
			i = bs ? ma_quoted_end_inline(lx->s, len, i, '\'', 1, &un)
			       : ma_quoted_end_inline(lx->s, len, i, '\'', 0, &un);
			tp->type = MA_SQL_T_STRING;
			tp->flags = un ? MA_SQL_F_UNTERMINATED : 0;
		} else if (a == F_OP || ((a == F_MINUS || a == F_SLASH || a == F_STAR) &&
		                         (i + 1 >= len || !(ma_cls[s[i + 1]] & MO)))) {
			/* an operator, one byte unless a byte that continues
			 * one follows; - / * that nothing can continue (--, ->,
			 * / *, * /) */
			tp->type = MA_SQL_T_OP;
			tp->flags = 0;
			i = i + 1 < len && (ma_cls[s[i + 1]] & OC) ? i + ma_op_len(lx, i) : i + 1;
		} else {
			i = ma_lex_slow(lx, i, a, tp);
		}
		tp->end = (uint32_t)i;
		if (++tp == te)
			break;
	}
	lx->pos = i;
	return (size_t)(tp - t);
}

size_t ma_sql_lex_run(struct ma_sql_lexer *lx, struct ma_sql_tok *t, size_t max)
{
	switch (lx->dialect) {
	case MOAT_SQL_MYSQL:
		return ma_lex_run_in(lx, t, max, 0, 1);
	case MOAT_SQL_MYSQL_NBE:
		return ma_lex_run_in(lx, t, max, 0, 0);
	case MOAT_SQL_SQLITE:
		return ma_lex_run_in(lx, t, max, 1, 0);
	default:
		return ma_lex_run_in(lx, t, max, 0, 0);
	}
}

int ma_sql_lex_next(struct ma_sql_lexer *lx, struct ma_sql_tok *t)
{
	return ma_sql_lex_run(lx, t, 1) == 1;
}
