/*
 * ma_sql_lit.c — the value of a comparison an input writes between its
 * own literals where a number goes (session 20).
 *
 * SELECT id FROM t WHERE id = INPUT AND price >= 0, INPUT = 'a' <> 1:
 * SQLite and MySQL group it (id = 'a') <> 1, and (id = 'a') is 0 for
 * every row 'a' does not name, so the condition is 0 <> 1, true for every
 * row, whatever the table holds: the input's literals alone fix it.
 * Here that value is computed as each engine computes it (checked on
 * SQLite 3.40.1, MariaDB 10.11 and PostgreSQL 15, RESULTS "sqlnosql7"):
 *   - the grouping: SQLite puts = == <> != IS IN LIKE GLOB BETWEEN on
 *     one level (left to right) under < > <= >=; MySQL puts its
 *     comparisons and IS NULL on one level, IS TRUE/FALSE/UNKNOWN under
 *     them, and LIKE, IN, BETWEEN, REGEXP above them (id = ('a' LIKE
 *     '%') is id = 1: one row); PostgreSQL refuses a comparison after a
 *     comparison and puts IS [NOT] NULL / TRUE / FALSE / DISTINCT FROM
 *     under them (id = NULL IS NULL is every row there too);
 *   - the row's value v of the statement's comparison: 0 after = (the
 *     rows the input's first literal does not name), 1 after <> and !=,
 *     both after < > <= >=, NULL when that literal is NULL;
 *   - the comparison of v with the input's next literal: SQLite orders a
 *     number before any text and never converts either (0 <> 'b'), MySQL
 *     reads a text as its leading number ('b' is 0), LIKE and GLOB match
 *     v's text ('0'), three-valued logic throughout.
 * A comparison by symbol (= <> < ...) also fires where it holds between
 * the input's own literals as written ('x'='x', 'b' > 'a': a tautology
 * it writes, session 19's rule, in every dialect). In MySQL, where any
 * text is a number, "key"="value" after id = is (id = 'key') = 'value',
 * 0 = 0 (every row): the engine's value alone fires there since session
 * 22 (before, configuration prose was kept apart by asking the literals
 * as written to agree too).
 *
 * Pure, no allocation, any thread.
 */
#include "ma_sql_lit.h"
#include "ma_sql_lex.h"

#include <string.h>
#include <strings.h>

/* a value of the input's own making */
enum { LV_NONE = 0, LV_SOME, LV_NULL, LV_NUM, LV_TEXT };
struct lit_val {
	int kind;      /* LV_*: LV_SOME is a value not NULL, otherwise unknown */
	int exact;     /* LV_TEXT: s[0..n) is its text as written */
	int boolean;   /* TRUE or FALSE written as such */
	double num;    /* LV_NUM */
	const char *s; /* LV_TEXT's text; LV_NUM's digits as written */
	size_t n;
	int open; /* '(' before it that the input does not close after it */
};

/* three-valued truth, and a value the rules here cannot tell */
enum { TV_F = 0, TV_T = 1, TV_N = 2, TV_U = 3 };

enum {
	OP_NONE = 0,
	OP_EQ,     /* = == */
	OP_NE,     /* <> != */
	OP_LT,     /* < */
	OP_GT,     /* > */
	OP_LE,     /* <= */
	OP_GE,     /* >= */
	OP_NSEQ,   /* <=> (MySQL) */
	OP_IS,     /* IS value (SQLite): NULL-safe = */
	OP_ISDF,   /* IS DISTINCT FROM value: NULL-safe <> */
	OP_ISNULL, /* IS NULL, ISNULL (NOT: IS NOT NULL, NOTNULL, SQLite's NOT NULL) */
	OP_ISTRUE,
	OP_ISFALSE,
	OP_ISUNK,
	OP_LIKE,
	OP_GLOB,
	OP_BETWEEN,
	OP_IN,
	OP_OTHER, /* REGEXP, MATCH, ILIKE, SIMILAR TO, SOUNDS LIKE */
};

#define LIT_IN_MAX 8 /* the values of an IN list looked at */

struct lit_rd {
	int dialect;
	const char *sql;
	const struct ma_sql_tok *w;
	int n, i; /* i: the current significant token */
	size_t b;
	int nest; /* rd_value's depth (a sign or a CAST in a value) */
};

#define LIT_NEST_MAX 4 /* values inside values read (-(-'a'), CAST(CAST(...))) */

static const struct ma_sql_tok *rd_cur(const struct lit_rd *r)
{
	return r->i < r->n && r->w[r->i].end <= r->b ? &r->w[r->i] : NULL;
}

static void rd_adv(struct lit_rd *r)
{
	for (r->i++; r->i < r->n && r->w[r->i].type == MA_SQL_T_COMMENT; r->i++)
		;
}

/* 1 when t is the word lw (lowercase), without case */
static int is_word(const char *sql, const struct ma_sql_tok *t, const char *lw)
{
	const size_t n = strlen(lw);

	return t && t->type == MA_SQL_T_WORD && t->end - t->start == n &&
	       strncasecmp(sql + t->start, lw, n) == 0;
}

static int rd_word(struct lit_rd *r, const char *lw)
{
	if (!is_word(r->sql, rd_cur(r), lw))
		return 0;
	rd_adv(r);
	return 1;
}

static int rd_type(struct lit_rd *r, int type)
{
	const struct ma_sql_tok *t = rd_cur(r);

	if (!t || t->type != type)
		return 0;
	rd_adv(r);
	return 1;
}

/* The comparison symbol t is (OP_EQ ... OP_NSEQ), OP_NONE when none. */
static int op_symbol(const char *sql, const struct ma_sql_tok *t)
{
	const char *o;

	if (!t || t->type != MA_SQL_T_OP)
		return OP_NONE;
	o = sql + t->start;
	switch (t->end - t->start) {
	case 1:
		return o[0] == '=' ? OP_EQ : o[0] == '<' ? OP_LT : o[0] == '>' ? OP_GT : OP_NONE;
	case 2:
		if (o[1] == '=')
			return o[0] == '='   ? OP_EQ
			       : o[0] == '!' ? OP_NE
			       : o[0] == '<' ? OP_LE
			       : o[0] == '>' ? OP_GE
			                     : OP_NONE;
		return o[0] == '<' && o[1] == '>' ? OP_NE : OP_NONE;
	case 3:
		return !memcmp(o, "<=>", 3) ? OP_NSEQ : OP_NONE;
	default:
		return OP_NONE;
	}
}

int ma_sql_lit_decimal(const char *s, size_t n, int under, double *v)
{
	size_t i = 0;
	double x = 0, scale = 1;
	int digits = 0, ex = 0, exneg = 0;

	for (; i < n && ((s[i] >= '0' && s[i] <= '9') || (under && s[i] == '_')); i++)
		if (s[i] != '_') {
			x = x * 10 + (s[i] - '0');
			digits++;
		}
	if (i < n && s[i] == '.')
		for (i++; i < n && ((s[i] >= '0' && s[i] <= '9') || (under && s[i] == '_')); i++)
			if (s[i] != '_') {
				scale /= 10;
				x += (s[i] - '0') * scale;
				digits++;
			}
	if (!digits)
		return 0;
	if (i < n && (s[i] | 0x20) == 'e') {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			exneg = s[i++] == '-';
		if (i >= n)
			return 0;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			if (ex < 400)
				ex = ex * 10 + (s[i] - '0');
	}
	if (i != n)
		return 0;
	for (; ex > 0; ex--)
		x = exneg ? x / 10 : x * 10;
	*v = x;
	return 1;
}

/* A number as written (digits, a point, an exponent; SQLite's and
 * PostgreSQL's '_' between digits; 0x hexadecimal): 1 and *v, 0 when it
 * is another form. */
static int parse_num(const char *s, size_t n, double *v)
{
	size_t i;
	double x = 0;

	if (n > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
		for (i = 2; i < n; i++) {
			const char c = (char)(s[i] | 0x20);
			if (s[i] == '_')
				continue;
			if (s[i] >= '0' && s[i] <= '9')
				x = x * 16 + (s[i] - '0');
			else if (c >= 'a' && c <= 'f')
				x = x * 16 + (c - 'a' + 10);
			else
				return 0;
		}
		*v = x;
		return 1;
	}
	return ma_sql_lit_decimal(s, n, 1, v);
}

/* MySQL's number of a text: its leading number (spaces, a sign, digits,
 * a point, an exponent), 0 when it has none. */
static double text_num(const char *s, size_t n)
{
	size_t i = 0, e;
	int neg = 0;
	double v = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	e = i;
	while (e < n && ((s[e] >= '0' && s[e] <= '9') || s[e] == '.'))
		e++;
	if (e < n && (s[e] | 0x20) == 'e') { /* with its exponent when one follows */
		size_t f = e + 1;
		if (f < n && (s[f] == '+' || s[f] == '-'))
			f++;
		if (f < n && s[f] >= '0' && s[f] <= '9') {
			while (f < n && s[f] >= '0' && s[f] <= '9')
				f++;
			e = f;
		}
	}
	while (e > i && !parse_num(s + i, e - i, &v))
		e--;
	return neg ? -v : v;
}

/* One literal at the reader: a string (and strings joined by SQLite's
 * and PostgreSQL's ||), a number, NULL, TRUE, FALSE, a sign before one,
 * SQLite's double-quoted text (a name that is no column reads as a
 * string there), CAST(literal AS type), inside any '(' (closed in the
 * input or not). 0 when the tokens are no such thing. */
static int rd_value(struct lit_rd *r, struct lit_val *v);

static int rd_cast(struct lit_rd *r, struct lit_val *v)
{
	struct lit_val in;
	const struct ma_sql_tok *t;
	int text = 0, num = 0, words = 0;

	if (!rd_type(r, MA_SQL_T_LPAREN) || !rd_value(r, &in) || !rd_word(r, "as"))
		return 0;
	/* the type: words, a (n[, m]) after them */
	while ((t = rd_cur(r)) != NULL && t->type == MA_SQL_T_WORD && words < 3) {
		static const char *const tx[] = {"text", "char",  "varchar", "character",
		                                 "clob", "nchar", "string",  NULL};
		static const char *const nm[] = {"int",   "integer", "signed",  "unsigned",
		                                 "real",  "numeric", "decimal", "double",
		                                 "float", "bigint",  NULL};
		for (int k = 0; tx[k]; k++)
			text |= is_word(r->sql, t, tx[k]);
		for (int k = 0; nm[k]; k++)
			num |= is_word(r->sql, t, nm[k]);
		words++;
		rd_adv(r);
	}
	if (!words)
		return 0;
	if (rd_type(r, MA_SQL_T_LPAREN)) {
		while ((t = rd_cur(r)) != NULL &&
		       (t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_COMMA))
			rd_adv(r);
		if (!rd_type(r, MA_SQL_T_RPAREN))
			return 0;
	}
	if (!rd_type(r, MA_SQL_T_RPAREN))
		return 0;
	memset(v, 0, sizeof *v);
	if (in.kind == LV_NULL || in.kind == LV_SOME) {
		v->kind = in.kind;
	} else if (text && !num) {
		*v = in;
		if (in.kind == LV_NUM) { /* its digits as written */
			v->kind = LV_TEXT;
			v->exact = in.s != NULL;
		}
	} else if (num && !text) {
		v->kind = LV_NUM;
		v->num = in.kind == LV_NUM ? in.num : in.exact ? text_num(in.s, in.n) : 0;
		if (in.kind == LV_TEXT && !in.exact)
			v->kind = LV_SOME;
	} else {
		v->kind = LV_SOME;
	}
	return 1;
}

static int rd_value_in(struct lit_rd *r, struct lit_val *v);

static int rd_value(struct lit_rd *r, struct lit_val *v)
{
	int ok;

	if (r->nest >= LIT_NEST_MAX)
		return 0; /* (the stack a check may take is bounded) */
	r->nest++;
	ok = rd_value_in(r, v);
	r->nest--;
	return ok;
}

static int rd_value_in(struct lit_rd *r, struct lit_val *v)
{
	const struct ma_sql_tok *t = rd_cur(r);
	int opened = 0;

	memset(v, 0, sizeof *v);
	while (t && t->type == MA_SQL_T_LPAREN && opened < 3) {
		opened++;
		rd_adv(r);
		t = rd_cur(r);
	}
	if (!t)
		return 0;
	if (t->type == MA_SQL_T_STRING) {
		size_t s = t->start, e = t->end;
		if (t->flags & MA_SQL_F_UNTERMINATED)
			return 0;
		while (s < e && r->sql[s] != '\'' && r->sql[s] != '"')
			s++;
		if (e - s >= 2 && (s == t->start || !((r->sql[t->start] | 0x20) == 'x' ||
		                                      (r->sql[t->start] | 0x20) == 'b'))) {
			v->kind = LV_TEXT;
			v->exact = 1;
			v->s = r->sql + s + 1;
			v->n = e - s - 2;
		} else {
			v->kind = LV_SOME; /* a blob, bits, $tag$ text */
		}
		rd_adv(r);
		/* 'a'||'b' (SQLite, PostgreSQL): a text, not compared by its bytes */
		while (!MA_SQL_MY(r->dialect) && (t = rd_cur(r)) != NULL &&
		       t->type == MA_SQL_T_OP && t->end - t->start == 2 &&
		       !memcmp(r->sql + t->start, "||", 2)) {
			rd_adv(r);
			t = rd_cur(r);
			if (!t || t->type != MA_SQL_T_STRING || (t->flags & MA_SQL_F_UNTERMINATED))
				return 0;
			rd_adv(r);
			if (v->kind == LV_TEXT)
				v->exact = 0;
		}
	} else if (t->type == MA_SQL_T_NUMBER) {
		v->kind =
		    parse_num(r->sql + t->start, t->end - t->start, &v->num) ? LV_NUM : LV_SOME;
		v->s = r->sql + t->start;
		v->n = t->end - t->start;
		rd_adv(r);
	} else if (t->type == MA_SQL_T_QIDENT && r->dialect == MOAT_SQL_SQLITE &&
	           r->sql[t->start] == '"' && !(t->flags & MA_SQL_F_UNTERMINATED) &&
	           t->end - t->start >= 2) {
		v->kind = LV_TEXT;
		v->exact = 1;
		v->s = r->sql + t->start + 1;
		v->n = t->end - t->start - 2;
		rd_adv(r);
	} else if (is_word(r->sql, t, "null")) {
		v->kind = LV_NULL;
		rd_adv(r);
	} else if (is_word(r->sql, t, "true") || is_word(r->sql, t, "false")) {
		v->kind = LV_NUM;
		v->boolean = 1;
		v->num = is_word(r->sql, t, "true");
		rd_adv(r);
	} else if (is_word(r->sql, t, "cast")) {
		rd_adv(r);
		if (!rd_cast(r, v))
			return 0;
	} else if (t->type == MA_SQL_T_OP && t->end - t->start == 1 &&
	           (r->sql[t->start] == '-' || r->sql[t->start] == '+')) {
		const int neg = r->sql[t->start] == '-';
		rd_adv(r);
		if (!rd_value(r, v) || v->kind == LV_NONE)
			return 0;
		if (v->kind == LV_NUM && !v->boolean) {
			v->num = neg ? -v->num : v->num;
			v->s = NULL;
		} else if (v->kind != LV_NULL) {
			v->kind = LV_SOME;
		}
	} else {
		return 0;
	}
	/* its closing parentheses, those the input writes */
	while (opened > 0 && rd_type(r, MA_SQL_T_RPAREN))
		opened--;
	v->open = opened;
	return 1;
}

/* The order of a and b as the dialect compares them: -1, 0, 1, TV_N
 * (one is NULL) or TV_U. SQLite (and PostgreSQL's literals) order a
 * number before any text and compare texts by their bytes; MySQL reads
 * a text as its number beside a number and compares texts without case. */
static int lit_cmp(int dialect, const struct lit_val *a, const struct lit_val *b)
{
	int c;

	if (a->kind == LV_NULL || b->kind == LV_NULL)
		return TV_N;
	if (a->kind == LV_SOME || b->kind == LV_SOME || a->kind == LV_NONE || b->kind == LV_NONE)
		return TV_U;
	if (a->kind == LV_NUM && b->kind == LV_NUM)
		return a->num < b->num ? -1 : a->num > b->num;
	if (a->kind != b->kind) {
		const struct lit_val *t = a->kind == LV_TEXT ? a : b;
		double x, y;
		if (!MA_SQL_MY(dialect))
			return a->kind == LV_NUM ? -1 : 1;
		if (!t->exact)
			return TV_U;
		x = a->kind == LV_NUM ? a->num : text_num(a->s, a->n);
		y = b->kind == LV_NUM ? b->num : text_num(b->s, b->n);
		return x < y ? -1 : x > y;
	}
	if (!a->exact || !b->exact)
		return TV_U;
	c = MA_SQL_MY(dialect) ? strncasecmp(a->s, b->s, a->n < b->n ? a->n : b->n)
	                       : memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
	if (c == 0)
		return a->n < b->n ? -1 : a->n > b->n;
	return c < 0 ? -1 : 1;
}

static int tv_not(int t)
{
	return t == TV_T ? TV_F : t == TV_F ? TV_T : t;
}

static int tv_and(int x, int y)
{
	if (x == TV_F || y == TV_F)
		return TV_F;
	if (x == TV_U || y == TV_U)
		return TV_U;
	return x == TV_N || y == TV_N ? TV_N : TV_T;
}

/* LIKE (ci: without case for ASCII; % and _) and GLOB (* and ?; a '['
 * class is TV_U) of the text x against the pattern p. */
static int lit_match(const char *x, size_t xn, const char *p, size_t pn, int glob)
{
	const char any = glob ? '*' : '%', one = glob ? '?' : '_';
	size_t i = 0, j = 0, star = (size_t)-1, mark = 0;

	if (glob && memchr(p, '[', pn))
		return TV_U;
	while (i < xn) {
		if (j < pn && p[j] == any) {
			star = j++;
			mark = i;
		} else if (j < pn &&
		           (p[j] == one ||
		            (glob
		                 ? p[j] == x[i]
		                 : (unsigned char)(p[j] |
		                                   (p[j] >= 'A' && p[j] <= 'Z' ? 0x20 : 0)) ==
		                       (unsigned char)(x[i] |
		                                       (x[i] >= 'A' && x[i] <= 'Z' ? 0x20 : 0))))) {
			i++;
			j++;
		} else if (star != (size_t)-1) {
			j = star + 1;
			i = ++mark;
		} else {
			return TV_F;
		}
	}
	while (j < pn && p[j] == any)
		j++;
	return j == pn ? TV_T : TV_F;
}

/* PostgreSQL's reading of a text as a boolean: 1, 0, -1 when it is none */
static int pg_bool(const struct lit_val *v)
{
	static const char *const t[] = {"t", "true", "y", "yes", "on", "1", NULL};
	static const char *const f[] = {"f", "false", "n", "no", "off", "0", NULL};
	const char *s = v->s;
	size_t n = v->n;

	if (v->kind == LV_NUM && v->boolean)
		return v->num != 0;
	if (v->kind != LV_TEXT || !v->exact)
		return -1;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (int k = 0; t[k]; k++) {
		if (strlen(t[k]) == n && !strncasecmp(s, t[k], n))
			return 1;
		if (strlen(f[k]) == n && !strncasecmp(s, f[k], n))
			return 0;
	}
	return -1;
}

/* x op rv (rv[0..nr): BETWEEN's two, IN's list), three-valued, as the
 * dialect evaluates it; x is a row's v (run) or the input's first literal
 * (written). */
static int lit_eval(int dialect, int op, const struct lit_val *x, const struct lit_val *rv, int nr)
{
	int c, t, any_null = 0;
	char buf[2];

	switch (op) {
	case OP_EQ:
	case OP_NE:
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE:
		c = lit_cmp(dialect, x, &rv[0]);
		if (c == TV_N || c == TV_U)
			return c;
		return op == OP_EQ   ? c == 0
		       : op == OP_NE ? c != 0
		       : op == OP_LT ? c < 0
		       : op == OP_GT ? c > 0
		       : op == OP_LE ? c <= 0
		                     : c >= 0;
	case OP_NSEQ:
	case OP_IS:
	case OP_ISDF:
		if (dialect == MOAT_SQL_POSTGRES) { /* a boolean beside a boolean or NULL */
			int xb = x->kind == LV_NULL ? 2 : pg_bool(x),
			    yb = rv[0].kind == LV_NULL ? 2 : pg_bool(&rv[0]);
			if (op != OP_ISDF || xb < 0 || yb < 0)
				return TV_U;
			return xb != yb;
		}
		if (x->kind == LV_NULL || rv[0].kind == LV_NULL)
			c = x->kind == rv[0].kind ? 0 : 1;
		else
			c = lit_cmp(dialect, x, &rv[0]);
		if (c == TV_U)
			return TV_U;
		return op == OP_ISDF ? c != 0 : c == 0;
	case OP_ISNULL:
		return x->kind == LV_NULL ? TV_T : x->kind == LV_NONE ? TV_U : TV_F;
	case OP_ISUNK:
		if (dialect == MOAT_SQL_SQLITE)
			return TV_U;
		return x->kind == LV_NULL ? TV_T : x->kind == LV_NONE ? TV_U : TV_F;
	case OP_ISTRUE:
	case OP_ISFALSE:
		if (x->kind == LV_NULL)
			return TV_F;
		if (x->kind == LV_NUM)
			t = x->num != 0;
		else if (x->kind == LV_TEXT && x->exact && dialect != MOAT_SQL_POSTGRES)
			t = text_num(x->s, x->n) != 0;
		else if (x->kind == LV_TEXT && dialect == MOAT_SQL_POSTGRES && pg_bool(x) >= 0)
			t = pg_bool(x);
		else
			return TV_U;
		return op == OP_ISTRUE ? t : !t;
	case OP_LIKE:
	case OP_GLOB:
		if (dialect != MOAT_SQL_SQLITE)
			return TV_U;
		if (x->kind == LV_NULL || rv[0].kind == LV_NULL)
			return TV_N;
		if (x->kind != LV_NUM || x->num != (double)(int)x->num || x->num < 0 ||
		    x->num > 9 ||
		    !((rv[0].kind == LV_TEXT && rv[0].exact) || (rv[0].kind == LV_NUM && rv[0].s)))
			return TV_U; /* (v is 0 or 1: its text is one digit) */
		buf[0] = (char)('0' + (int)x->num);
		buf[1] = 0;
		return lit_match(buf, 1, rv[0].s, rv[0].n, op == OP_GLOB);
	case OP_BETWEEN:
		return tv_and(lit_eval(dialect, OP_GE, x, &rv[0], 1),
		              lit_eval(dialect, OP_LE, x, &rv[1], 1));
	case OP_IN:
		for (int k = 0; k < nr; k++) {
			c = lit_eval(dialect, OP_EQ, x, &rv[k], 1);
			if (c == TV_T || c == TV_U)
				return c;
			any_null |= c == TV_N;
		}
		return any_null ? TV_N : TV_F;
	default:
		return TV_U;
	}
}

/* The operator at the reader (*neg: NOT written before or within it) and
 * its right-hand values (*nr of them, into rv). 0 when none is read. */
static int rd_op(struct lit_rd *r, int *neg, struct lit_val *rv, int *nr)
{
	const struct ma_sql_tok *t = rd_cur(r);
	int op = op_symbol(r->sql, t);

	*neg = 0;
	*nr = 0;
	if (op != OP_NONE) {
		rd_adv(r);
	} else if (rd_word(r, "is")) {
		*neg = rd_word(r, "not");
		if (rd_word(r, "null"))
			return OP_ISNULL;
		if (rd_word(r, "true"))
			return OP_ISTRUE;
		if (rd_word(r, "false"))
			return OP_ISFALSE;
		if (rd_word(r, "unknown"))
			return OP_ISUNK;
		op = OP_IS;
		if (rd_word(r, "distinct")) {
			if (!rd_word(r, "from"))
				return OP_NONE;
			op = OP_ISDF;
		}
	} else if (rd_word(r, "isnull")) {
		return OP_ISNULL;
	} else if (rd_word(r, "notnull")) {
		*neg = 1;
		return OP_ISNULL;
	} else {
		*neg = rd_word(r, "not");
		if (*neg && r->dialect == MOAT_SQL_SQLITE && rd_word(r, "null"))
			return OP_ISNULL;
		if (rd_word(r, "like"))
			op = OP_LIKE;
		else if (rd_word(r, "glob"))
			op = r->dialect == MOAT_SQL_SQLITE ? OP_GLOB : OP_OTHER;
		else if (rd_word(r, "between"))
			op = OP_BETWEEN;
		else if (rd_word(r, "in"))
			op = OP_IN;
		else if (rd_word(r, "regexp") || rd_word(r, "rlike") || rd_word(r, "match") ||
		         rd_word(r, "ilike") || rd_word(r, "similar") || rd_word(r, "sounds"))
			return OP_OTHER;
		else
			return OP_NONE;
	}
	if (op == OP_IN) {
		if (!rd_type(r, MA_SQL_T_LPAREN))
			return OP_NONE;
		do {
			if (*nr == LIT_IN_MAX || !rd_value(r, &rv[*nr]))
				return OP_NONE;
			(*nr)++;
		} while (rd_type(r, MA_SQL_T_COMMA));
		return rd_type(r, MA_SQL_T_RPAREN) ? op : OP_NONE;
	}
	if (!rd_value(r, &rv[0]))
		return OP_NONE;
	*nr = 1;
	if (op == OP_BETWEEN) {
		if (!rd_word(r, "and") || !rd_value(r, &rv[1]))
			return OP_NONE;
		*nr = 2;
	}
	if (op == OP_LIKE && is_word(r->sql, rd_cur(r), "escape"))
		return OP_OTHER;
	return op;
}

/* How tightly the dialect binds op (higher: tighter), beside a
 * comparison's own level 2. */
static int lit_level(int dialect, int op)
{
	switch (op) {
	case OP_LT:
	case OP_GT:
	case OP_LE:
	case OP_GE:
		return dialect == MOAT_SQL_SQLITE ? 3 : 2;
	case OP_EQ:
	case OP_NE:
	case OP_NSEQ:
		return 2;
	case OP_IS:
	case OP_ISDF:
	case OP_ISNULL:
		return dialect == MOAT_SQL_POSTGRES ? 1 : 2;
	case OP_ISTRUE:
	case OP_ISFALSE:
	case OP_ISUNK:
		return dialect == MOAT_SQL_SQLITE ? 2 : 1;
	default: /* LIKE GLOB BETWEEN IN ... */
		return dialect == MOAT_SQL_SQLITE ? 2 : 3;
	}
}

/* Further comparisons after the first (id = 'a' <> 1 = 0, session 21):
 * each applies to the value of all before it when it binds no tighter
 * than the one before (left to right), else the chain is unknown. */
#define LIT_LINKS 3
struct lit_chain {
	int n;
	int op[LIT_LINKS];
	struct lit_val rv[LIT_LINKS];
};

/* The truth t as the value the next comparison reads (1, 0, NULL) in
 * *v: 0 when unknown. */
static int tv_value(int dialect, int t, struct lit_val *v)
{
	memset(v, 0, sizeof *v);
	if (t == TV_U)
		return 0;
	v->kind = t == TV_N ? LV_NULL : LV_NUM;
	v->num = t == TV_T;
	v->boolean = dialect == MOAT_SQL_POSTGRES;
	return 1;
}

/* t (the value of a comparison of level lv) through the chain ch. */
static int lit_chain_eval(int dialect, int t, int lv, const struct lit_chain *ch)
{
	for (int k = 0; ch && k < ch->n; k++) {
		struct lit_val v;
		const int l = lit_level(dialect, ch->op[k]);
		if (l > lv || (l == lv && dialect == MOAT_SQL_POSTGRES) ||
		    !tv_value(dialect, t, &v))
			return TV_U;
		t = lit_eval(dialect, ch->op[k], &v, &ch->rv[k], 1);
		lv = l;
	}
	return t;
}

/* The condition as run: (column prev x) op rv for every row -- after =
 * (and <=>) the rows x does not name (v 0), after <> and != those (v 1),
 * after < > <= >= both; after LIKE or GLOB (prev OP_LIKE, OP_GLOB,
 * session 21) the rows x does not match (v 0) and, where x holds a
 * wildcard, those it does; x NULL makes v NULL (but after <=>); then the
 * chain ch. TV_T when it holds for them all; in SQLite, where op binds
 * tighter than prev (id = ('b' > 'a'), a value compared), TV_F. */
static int lit_run(int dialect, int prev, int op, int neg, const struct lit_val *x,
                   const struct lit_val *rv, int nr, const struct lit_chain *ch)
{
	const int pl = prev == OP_LIKE || prev == OP_GLOB
	                   ? lit_level(dialect, prev)
	                   : (dialect == MOAT_SQL_SQLITE && prev >= OP_LT && prev <= OP_GE ? 3 : 2);
	const int ol = lit_level(dialect, op);
	struct lit_val v = {.kind = LV_NUM};
	int lo, hi;

	if (ol > pl)
		return dialect == MOAT_SQL_SQLITE && !ch->n ? TV_F : TV_U;
	if (ol == pl && dialect == MOAT_SQL_POSTGRES)
		return TV_U; /* column prev (x op rv), or refused */
	if (x->kind == LV_NULL && prev != OP_NSEQ) {
		v.kind = LV_NULL;
		return lit_chain_eval(dialect,
		                      neg ? tv_not(lit_eval(dialect, op, &v, rv, nr))
		                          : lit_eval(dialect, op, &v, rv, nr),
		                      ol, ch);
	}
	lo = prev == OP_NE ? 1 : 0;
	hi = prev == OP_EQ || prev == OP_NSEQ ? 0 : 1;
	if (prev == OP_LIKE || prev == OP_GLOB) {
		if (x->kind != LV_TEXT || !x->exact)
			return TV_U;
		hi = 0;
		for (size_t k = 0; k < x->n && !hi; k++)
			hi = prev == OP_LIKE ? x->s[k] == '%' || x->s[k] == '_' || x->s[k] == '\\'
			                     : x->s[k] == '*' || x->s[k] == '?' || x->s[k] == '[';
	}
	if (dialect == MOAT_SQL_POSTGRES)
		v.boolean = 1;
	for (int k = lo; k <= hi; k++) {
		int t;
		v.num = k;
		t = lit_eval(dialect, op, &v, rv, nr);
		t = lit_chain_eval(dialect, neg ? tv_not(t) : t, ol, ch);
		if (t != TV_T)
			return t == TV_U ? TV_U : TV_F;
	}
	return TV_T;
}

/* 1 when the word before t (blanks between) is NOT. */
static int lit_after_not(const char *sql, const struct ma_sql_tok *t)
{
	size_t p = t->start;

	while (p > 0 && (sql[p - 1] == ' ' || sql[p - 1] == '\t' || sql[p - 1] == '\n' ||
	                 sql[p - 1] == '\r'))
		p--;
	return p >= 3 && !strncasecmp(sql + p - 3, "not", 3) &&
	       !(p > 3 && ((sql[p - 4] | 0x20) >= 'a' && (sql[p - 4] | 0x20) <= 'z'));
}

/* 1 when the token t, after a comparison's last literal, binds that
 * literal before the comparison does: an operator other than a
 * comparison (+ - * / % || & | << >>; MySQL's || and && are OR and AND),
 * COLLATE, ESCAPE. */
static int lit_takes_first(int dialect, const char *sql, const struct ma_sql_tok *t)
{
	if (t->type == MA_SQL_T_OP)
		return op_symbol(sql, t) == OP_NONE &&
		       !(MA_SQL_MY(dialect) && t->end - t->start == 2 &&
		         (!memcmp(sql + t->start, "||", 2) || !memcmp(sql + t->start, "&&", 2)));
	return is_word(sql, t, "collate") || is_word(sql, t, "escape");
}

/* The same of the statement's text from b (past the window's tokens):
 * its first bytes after blanks (a comment there: 0). */
static int lit_takes_first_at(int dialect, const char *sql, size_t len, size_t b)
{
	const char *o = "+-*/%&|<>^~";

	while (b < len && (sql[b] == ' ' || sql[b] == '\t' || sql[b] == '\n' || sql[b] == '\r'))
		b++;
	if (b >= len)
		return 0;
	if (b + 1 < len &&
	    ((sql[b] == '-' && sql[b + 1] == '-') || (sql[b] == '/' && sql[b + 1] == '*')))
		return 0;
	if (b + 1 < len && MA_SQL_MY(dialect) &&
	    ((sql[b] == '|' && sql[b + 1] == '|') || (sql[b] == '&' && sql[b + 1] == '&')))
		return 0;
	if (sql[b] == '<' || sql[b] == '>') /* a comparison, unless << >> */
		return b + 1 < len && sql[b + 1] == sql[b];
	if (strchr(o, sql[b]))
		return 1;
	return (len - b >= 7 && !strncasecmp(sql + b, "collate", 7)) ||
	       (len - b >= 6 && !strncasecmp(sql + b, "escape", 6));
}

int ma_sql_lit_holds(int dialect, const char *sql, size_t len, const struct ma_sql_tok *w, int n,
                     int i, size_t b, const struct ma_sql_tok *prev, int *after)
{
	struct lit_rd r = {dialect, sql, w, n, i, b, 0};
	struct lit_val x, rv[LIT_IN_MAX];
	struct lit_chain ch = {0};
	const struct ma_sql_tok *t;
	int op, neg, nr, run = TV_U, lit, grouped;
	int pv = op_symbol(sql, prev);

	/* after the statement's own LIKE (GLOB in SQLite), not NOT LIKE: its
	 * value is the comparison the input's groups with (session 21) */
	if (pv == OP_NONE && dialect != MOAT_SQL_POSTGRES && !lit_after_not(sql, prev) &&
	    (is_word(sql, prev, "like") ||
	     (dialect == MOAT_SQL_SQLITE && is_word(sql, prev, "glob"))))
		pv = is_word(sql, prev, "like") ? OP_LIKE : OP_GLOB;
	if (i >= n || w[i].type == MA_SQL_T_COMMENT || !rd_value(&r, &x))
		return 0;
	/* more ')' after it (session 19: ('a')<>('b')): then, as when one of
	 * its '(' stays open, the comparison is not the statement's own */
	grouped = x.open > 0;
	while ((t = rd_cur(&r)) != NULL && t->type == MA_SQL_T_RPAREN) {
		grouped = 1;
		rd_adv(&r);
	}
	op = rd_op(&r, &neg, rv, &nr);
	/* a second comparison by symbol and its value (session 21) */
	while (op != OP_NONE && ch.n < LIT_LINKS && (t = rd_cur(&r)) != NULL &&
	       op_symbol(sql, t) != OP_NONE) {
		struct lit_rd r2 = r;
		ch.op[ch.n] = op_symbol(sql, t);
		rd_adv(&r2);
		if (!rd_value(&r2, &ch.rv[ch.n]))
			break;
		r = r2;
		ch.n++;
	}
	if (after)
		*after = r.i;
	if (op == OP_NONE || op == OP_OTHER ||
	    (MA_SQL_MY(dialect) && (op == OP_IS || op == OP_ISDF)))
		return 0; /* (MySQL has neither IS value nor IS DISTINCT FROM) */
	/* an operator after its last literal, in the input or the statement
	 * (id = 'a' = 0 + 1), takes that literal first: another value */
	if (r.i < n ? lit_takes_first(dialect, sql, &w[r.i])
	            : lit_takes_first_at(dialect, sql, len, b))
		grouped = 1;
	if (pv != OP_NONE && !grouped)
		run = lit_run(dialect, pv, op, neg, &x, rv, nr, &ch);
	/* as written, between its own literals: comparisons by symbol and (the
	 * MySQL reading's other half) IS */
	lit = op <= OP_ISUNK ? lit_eval(dialect, op, &x, rv, nr) : TV_U;
	if (neg)
		lit = tv_not(lit);
	lit = lit_chain_eval(dialect, lit, lit_level(dialect, op), &ch);
	/* MySQL: its answer decides where it is known (session 22: id =
	 * 'a'='b' is (id = 'a') = 'b', 0 = 0 for every row 'a' does not
	 * name, though 'a'='b' does not hold as written; before, the
	 * literals as written had to agree too), and a comparison by symbol
	 * that holds as written fires as in PostgreSQL */
	if (MA_SQL_MY(dialect))
		return run == TV_T || (op <= OP_NSEQ && lit == TV_T);
	/* SQLite: its answer decides where it is known ('x'='x' is 0 = 'x'
	 * there, no row; session 21) */
	if (dialect == MOAT_SQL_SQLITE && run != TV_U)
		return run == TV_T;
	return run == TV_T || (op <= OP_NSEQ && lit == TV_T);
}

int ma_sql_lit_rowid(const char *w, size_t n)
{
	return (n == 5 && !strncasecmp(w, "rowid", 5)) || (n == 3 && !strncasecmp(w, "oid", 3)) ||
	       (n == 7 && !strncasecmp(w, "_rowid_", 7));
}
