/*
 * ma_sql_col.c — the sql_injection check's column pass (sqli.column,
 * session 21; its own file since session 22): an input that writes again
 * the column or expression the statement compares at the input's place.
 * Called by ma_sql.c (ma_sql_col_judge, ma_sql_col_plain); pure, no
 * allocation, any thread.
 *
 * Columns where a value goes (session 21, review12; session 22). Where
 * the statement's author put a value after a column -- a comparison (id
 * = _, t.id >= _), LIKE, GLOB, REGEXP, BETWEEN, IN _, IN (_) -- an input
 * that is an expression of that same column makes the condition compare
 * the row with itself: id = id, (id), +id, users.id, coalesce(id,1),
 * 1 - 1 + id, "id" (SQLite, PostgreSQL), `id` (MySQL, SQLite), [id]
 * (SQLite), and in SQLite rowid, oid, _rowid_ (the integer primary
 * key's other names): every row (sqlite3 3.40). The compared operand may
 * be an expression the statement writes (session 22): a JSON path
 * (data->>'id', data->'a'->>'b', PostgreSQL's #>> and ::int), a call
 * (lower(name)), each written again by the input (data->>'id' =
 * data->>'id': every row); the statement's comments beside the operator
 * are whitespace. The input must be the whole operand: only whitespace
 * or comments between the place's token and it, the statement's token
 * after it ends the operand (not '.', '(', an operator: SET n = n + 1 is
 * the statement's own arithmetic), and its tokens are operands,
 * arithmetic, parentheses, qualified names, casts and calls (anything
 * else is the other rules' to judge); every column it names is the one
 * compared there (or SQLite's rowid). Another column (id = price)
 * selects the rows where the two agree, data-dependent, and a word such
 * as Name where a number goes is as likely a user's text: not judged.
 * Names where the application puts names (ORDER BY, a select list, an
 * INSERT's columns, a call's arguments) are no value's place; LIMIT
 * takes no column; an UPDATE's SET n = _ assigns (n = n changes nothing).
 *
 * Which operator decides (session 22, ma_col_decide): the input is read
 * as a*x + c of the column x where it is one (+ - * by numbers, signs,
 * parentheses, COLLATE, BINARY, coalesce's first argument), and x OP
 * a*x + c holds
 *   - for every row after = <=> LIKE GLOB REGEXP IN BETWEEN <= >= when it
 *     is x itself (id = id); for none after <> != < > (id <> id, id < id:
 *     no row, nothing leaks, and it passes);
 *   - for every row but at most one after <> != when it is not x (id <>
 *     id + 1, id <> -id), for one row at most after = when it is not x
 *     (id = -id: id 0; id = id + 1: none), which passes;
 *   - after < <= > >= for every positive value (ids, prices, counts: the
 *     values such columns hold) when (1 - a)*x - c keeps its sign there:
 *     id < id + 1, id > -id, id <= 2 * id fire, id < -id passes;
 *   - in MySQL, which compares a text column with a number as numbers
 *     (its text is 0), also when c is 0 after = <=> <= >= IN: name =
 *     -name is 0 = -0 there, every row (the manual's type conversion).
 * Any other expression of the column (~id, id % 2, id / 2, id || 1,
 * round(id), CAST(price AS int), PostgreSQL's ::int and #) is a value the
 * judge cannot tell: it fires after every operator (sql10, review14: id
 * <> ~id returns every row). A text column through arithmetic (v.num):
 * in SQLite a number beside text, which sorts above it (name > name + 1,
 * name <> name * 1: every row of letters); in MySQL 0 OP c decides too.
 * IS NOT and IS [NOT] DISTINCT FROM are comparisons (ma_col_is_op), and
 * PostgreSQL's op ANY / ALL (ARRAY[...]) compares each element (ANY: one
 * holding for every row is enough; ALL: each must, and a value bounds
 * it but after <>), written by the input or the statement (ma_col_quant).
 *
 * Session 23 (sql11): the operand in parentheses of its own ((id) = _)
 * is its inside, PostgreSQL's subscript (a[1] = _) part of it; comments
 * and lines are read back up to 4 KB. abs() and the bitwise operators
 * are values the judge cannot tell (sql12, review15: abs(x) and SQLite's
 * and MySQL's x | 0 are x only for integers >= 0, and balance <>
 * abs(balance) returns the negative balances), but for PostgreSQL's
 * identities, which hold for every value its operators take (x | 0, x &
 * -1, x << 0, x >> 0, x # 0, x ^ 1 are x, x ^ 0 is 1: ma_col_bits); ^
 * binds tighter than * (SQLite has none), & | << >> # || looser than + -.
 * Also (sql12): a unary plus before the operand ((+id) = _), NOT before
 * it (the operator's negation), BETWEEN with both ends in the input (x
 * >= v AND x <= u), and fail-closed where the reading cannot follow (an
 * operand in more than MA_COL_NEST parentheses, an input deeper than
 * MA_COL_DEPTH): the input naming the column fires. What it assumes:
 * whatever column makes the input return every row on a table the place
 * may hold -- positive values after < <= > >=, a numeric column where
 * the input stands bare (name = name * 1 fires: every row of a number
 * column, the rows whose text is a number of a SQLite text column),
 * and, in SQLite and MySQL, a text column too. A subquery's select list
 * is a names place (its names range over its own rows), and another
 * column (id = price) is written as an application's own comparison of
 * two columns is, beside a request that names the second (sort=price):
 * neither is judged.
 *
 * Session 24 (sql13): a group the statement negates (NOT (id <> _), NOT
 * (a = 1 AND id <> _): ma_col_not_group) is read both ways, firing where
 * the comparison or its negation would; in MySQL an operand after ! or
 * a bare NOT (HIGH_NOT_PRECEDENCE's (NOT id), which the check cannot rule
 * out) fires on any input of the column (c->opq); NOT and MySQL's !
 * written by the input are values the judge cannot tell; BETWEEN's upper
 * end alone is a place (x <= _, NOT BETWEEN x > _: ma_col_between_and);
 * MA_COL_NEST and MA_COL_DEPTH 8 -> 12.
 */
#include "ma_sql_col.h"
#include "ma_sql_lex.h"
#include "ma_sql_lit.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* What every reading of one place carries: the dialect, and the memo of
 * the comments' openings (may be NULL). */
struct ma_col_cx {
	int dialect;
	struct ma_col_memo *memo;
};

/* 1 when c may continue a name (letters, digits, '_', '$', bytes of
 * UTF-8 beyond ASCII) */
static const unsigned char col_name_bytes[256] = {['$'] = 1,         ['0' ... '9'] = 1,
                                                  ['A' ... 'Z'] = 1, ['_'] = 1,
                                                  ['a' ... 'z'] = 1, [0x80 ... 0xff] = 1};
static inline int col_name_byte(char c)
{
	return col_name_bytes[(unsigned char)c];
}

/* 1 when the n bytes at w are the word lw (lowercase), ASCII letters
 * without case (inline: no strncasecmp call per word read, sqlcost4) */
static inline __attribute__((always_inline)) int col_word(const char *w, size_t n, const char *lw)
{
	if (strlen(lw) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)w[i];
		if ((c - 'A' < 26u ? c | 0x20u : c) != (unsigned char)lw[i])
			return 0;
	}
	return 1;
}

static inline __attribute__((always_inline)) int
col_tok_word(const char *sql, const struct ma_sql_tok *t, const char *lw)
{
	return t->type == MA_SQL_T_WORD && col_word(sql + t->start, t->end - t->start, lw);
}

static int col_op_is(const char *sql, const struct ma_sql_tok *t, const char *op)
{
	const size_t n = strlen(op);

	return t->type == MA_SQL_T_OP && t->end - t->start == n &&
	       memcmp(sql + t->start, op, n) == 0;
}

static const struct ma_sql_tok *col_next_sig(const struct ma_sql_tok *w, int n, int i)
{
	for (i++; i < n; i++)
		if (w[i].type != MA_SQL_T_COMMENT)
			return &w[i];
	return NULL;
}

/* The name that ends at the byte end (whitespace before end passed): a
 * word, or a quoted name ("x", `x`, [x]) whose inside is [*s, *e): 1, or
 * 0 when none ends there. */
static int ma_col_name_before(const char *sql, size_t end, size_t *s, size_t *e)
{
	size_t p = end;

	while (p > 0 && (sql[p - 1] == ' ' || sql[p - 1] == '\t' || sql[p - 1] == '\n' ||
	                 sql[p - 1] == '\r'))
		p--;
	if (p == 0)
		return 0;
	if (sql[p - 1] == '"' || sql[p - 1] == '`' || sql[p - 1] == ']') {
		const char q = sql[p - 1] == ']' ? '[' : sql[p - 1];
		*e = --p;
		while (p > 0 && sql[p - 1] != q)
			p--;
		if (p == 0)
			return 0;
		*s = p;
		return *e > *s;
	}
	*e = p;
	while (p > 0 && col_name_byte(sql[p - 1]))
		p--;
	*s = p;
	return *e > *s;
}

/* 1 when the name [s, e) (from ma_col_name_before) is an unquoted word
 * that is the word kw (lowercase). */
static inline __attribute__((always_inline)) int ma_col_word_is(const char *sql, size_t s, size_t e,
                                                                const char *kw)
{
	return s > 0 && sql[s - 1] != '"' && sql[s - 1] != '`' && sql[s - 1] != '[' &&
	       col_word(sql + s, e - s, kw);
}

static inline int ma_col_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

#ifndef MA_COL_BACKFAST /* (test_agent_sqlcost7.c switches it at run time) */
#define MA_COL_BACKFAST 1
#endif

/* bytes a comment or a line is read back at most (a statement of 4 KB:
 * session 23; 512 before), and a string or a parenthesis */
#define MA_COL_REACH 4096
#define MA_COL_ATOM  512

/* Where a line comment starts in the line that ends at p (-- and, in
 * MySQL, #; outside quotes and block comments, the line read from its
 * start), or (size_t)-1: none, or a line longer than MA_COL_REACH. */
static size_t ma_col_line_comment(const struct ma_col_cx *cx, const char *sql, size_t p)
{
	const int dialect = cx->dialect;
	const size_t lo = p > MA_COL_REACH ? p - MA_COL_REACH : 0;
	const char *nl = memrchr(sql + lo, '\n', p - lo);
	size_t s, q;
	char quote = 0;

	if (!nl && lo > 0)
		return (size_t)-1;
	s = nl ? (size_t)(nl - sql) + 1 : 0;
	if (!memchr(sql + s, '-', p - s) && !(MA_SQL_MY(dialect) && memchr(sql + s, '#', p - s)))
		return (size_t)-1; /* (no comment can start there) */
	for (q = s; q < p; q++) {
		const char c = sql[q];
		if (quote) {
			if (c == quote)
				quote = 0;
			else if (c == '\\' && MA_SQL_MY(dialect) && dialect != MOAT_SQL_MYSQL_NBE)
				q++;
		} else if (c == '\'' || c == '"' || c == '`') {
			quote = c;
		} else if (c == '/' && q + 1 < p && sql[q + 1] == '*') {
			for (q += 2; q + 1 < p && !(sql[q] == '*' && sql[q + 1] == '/'); q++)
				;
			q++;
		} else if ((c == '-' && q + 1 < p && sql[q + 1] == '-' &&
		            (!MA_SQL_MY(dialect) || q + 2 >= p || ma_col_ws(sql[q + 2]) ||
		             (unsigned char)sql[q + 2] < 0x20)) ||
		           (c == '#' && MA_SQL_MY(dialect))) {
			return q;
		}
	}
	return (size_t)-1;
}

/* The last f in [lo, hi) where a slash is followed by a star (f + 1 <=
 * hi: read), or NULL. */
static const char *ma_col_open_scan(const char *sql, size_t lo, size_t hi)
{
	const char *f;

	while (hi > lo && (f = memrchr(sql + lo, '/', hi - lo)) != NULL) {
		if (f[1] == '*')
			return f;
		hi = (size_t)(f - sql);
	}
	return NULL;
}

/* ma_col_open_scan through the memo (may be NULL): the stretch it knows
 * holds none is not read again, and what this search reads without
 * finding one is added to it (the places of one check search back from
 * further and further on: each byte read once; a stretch apart from the
 * known one replaces it). */
static const char *ma_col_open_last(struct ma_col_memo *m, const char *sql, size_t lo, size_t hi)
{
	const char *f;

	if (!m)
		return ma_col_open_scan(sql, lo, hi);
	if (m->sql != sql || m->lo > hi || m->hi < lo) {
		f = ma_col_open_scan(sql, lo, hi);
		m->sql = sql;
		m->lo = f ? (size_t)(f - sql) + 1 : lo;
		m->hi = hi;
		return f;
	}
	/* [m->lo, m->hi) meets [lo, hi): the part above it, then below */
	if (m->hi < hi) {
		f = ma_col_open_scan(sql, m->hi > lo ? m->hi : lo, hi);
		if (f)
			return f;
		m->hi = hi;
	}
	if (lo < m->lo) {
		f = ma_col_open_scan(sql, lo, m->lo);
		m->lo = f ? (size_t)(f - sql) + 1 : lo;
		return f;
	}
	return NULL;
}

/* p moved back over whitespace and the comments that end there (a block
 * comment; a line comment when a line feed was passed). *whole (may be
 * NULL) 1 when it stopped before the 16 comments it passes at most: the
 * same call at the byte it returns then returns that byte. */
static __attribute__((noinline)) size_t ma_col_back_slow(const struct ma_col_cx *cx,
                                                         const char *sql, size_t p, int *whole)
{
	if (whole)
		*whole = 1;
	for (int k = 0; k < 16; k++) {
		int nl = 0;
		while (p > 0 && ma_col_ws(sql[p - 1])) {
			nl |= sql[p - 1] == '\n';
			p--;
		}
		if (nl) {
			const size_t q = ma_col_line_comment(cx, sql, p);
			if (q != (size_t)-1) {
				p = q;
				continue;
			}
		}
		if (p >= 4 && sql[p - 1] == '/' && sql[p - 2] == '*') {
			/* its opening: the last slash and star before, within reach */
			const size_t lo = p - 2 > MA_COL_REACH ? p - 2 - MA_COL_REACH : 0;
			const char *f = ma_col_open_last(cx->memo, sql, lo, p - 3);
			if (!f)
				return p;
			p = (size_t)(f - sql);
			continue;
		}
		return p;
	}
	if (whole)
		*whole = 0; /* (16 passed: there may be more) */
	return p;
}

/* ma_col_back_slow where no comment can end at p: the byte before p (or
 * the one before a single space there) neither whitespace nor the slash
 * of a comment's end, read inline (most calls: a word or an operator
 * right before p, or one space after it; sqlcost7). */
static inline __attribute__((always_inline)) size_t
ma_col_back_at(const struct ma_col_cx *cx, const char *sql, size_t p, int *whole)
{
	size_t q = p > 0 && sql[p - 1] == ' ' ? p - 1 : p;

	if (MA_COL_BACKFAST && (q == p || q > 0) &&
	    (q == 0 || (!ma_col_ws(sql[q - 1]) && sql[q - 1] != '/'))) {
		if (whole)
			*whole = 1;
		return q;
	}
	return ma_col_back_slow(cx, sql, p, whole);
}

static size_t ma_col_back(const struct ma_col_cx *cx, const char *sql, size_t p)
{
	return ma_col_back_at(cx, sql, p, NULL);
}

/* 1 when [from, to) holds only whitespace and whole comments. */
static int ma_col_blank(const struct ma_col_cx *cx, const char *sql, size_t from, size_t to)
{
	const int dialect = cx->dialect;
	size_t i = from;

	while (i < to) {
		if (ma_col_ws(sql[i])) {
			i++;
		} else if (sql[i] == '/' && i + 1 < to && sql[i + 1] == '*') {
			for (i += 2; i + 1 < to && !(sql[i] == '*' && sql[i + 1] == '/'); i++)
				;
			if (i + 1 >= to)
				return 0;
			i += 2;
		} else if ((sql[i] == '-' && i + 1 < to && sql[i + 1] == '-') ||
		           (sql[i] == '#' && MA_SQL_MY(dialect))) {
			while (i < to && sql[i] != '\n')
				i++;
			if (i >= to)
				return 0;
		} else {
			return 0;
		}
	}
	return 1;
}

/* The statement's operator at a value's place after a column. */
enum {
	CP_NONE = 0,
	CP_EQ,   /* = == */
	CP_NSEQ, /* <=> */
	CP_NE,   /* <> != NOT LIKE ... */
	CP_LT,   /* < (and NOT BETWEEN: x < _ or above its end) */
	CP_GT,
	CP_LE,
	CP_GE,    /* >= (and BETWEEN _ AND its end) */
	CP_MATCH, /* LIKE ILIKE RLIKE REGEXP GLOB */
	CP_IN,
	CP_NIN,
};

/* The operand compared at a place and how (ma_col_left). */
struct ma_col {
	size_t ls, le; /* its bytes: a name, data->>'id', lower(name) ... */
	size_t cs, ce; /* a column's name (inside its quotes): the operand's
	                * own when simple, else the first the operand names */
	int simple;    /* 1: a name, qualified or not ([cs, ce) its last) */
	int op;        /* CP_* */
	int list;      /* 1: after IN ( (the input's commas are the list's) */
	int quant;     /* after op ANY ( / ALL ( (PostgreSQL): CQ_* */
	int btw;       /* 1: BETWEEN's first end (the input may hold both) */
	int deep;      /* 1: parentheses deeper than the reading follows: the
	                * column is their first name, judged fail-closed */
	int opq;       /* 1: MySQL's !x (or NOT x with HIGH_NOT_PRECEDENCE) is
	                * what is compared: fire on any input of x */
	size_t at;     /* where the comparison starts (NOT before it passed) */
};
enum { CQ_NONE = 0, CQ_ANY, CQ_ALL };

/* the operator NOT makes of each */
static const int ma_col_neg_of[] = {
    [CP_NONE] = CP_NONE, [CP_EQ] = CP_NE,  [CP_NSEQ] = CP_NE, [CP_NE] = CP_EQ,
    [CP_LT] = CP_GE,     [CP_GT] = CP_LE,  [CP_LE] = CP_GT,   [CP_GE] = CP_LT,
    [CP_MATCH] = CP_NE,  [CP_IN] = CP_NIN, [CP_NIN] = CP_IN,
};

/* 1 when [lo, hi) of sql holds a '(': through the memo (may be NULL),
 * which knows the last '(' of the stretch it read; a search that starts
 * in it and ends at or after its end reads only the bytes after it (the
 * places of one check read back from further and further on: col-parens'
 * `) = id OR ` x400 read 512 bytes at each place, now the ~10 new ones,
 * sqlcost9); any other search reads [lo, hi) and the memo keeps it. */
#ifndef MA_COL_PARMEMO /* (test_agent_sqlcost9.c switches it at run time) */
#define MA_COL_PARMEMO 1
#endif
static int ma_col_paren_in(struct ma_col_memo *m, const char *sql, size_t lo, size_t hi)
{
	const char *f;

	if (!MA_COL_PARMEMO || !m)
		return hi > lo && memchr(sql + lo, '(', hi - lo) != NULL;
	if (m->par_sql == sql && m->par_lo <= lo && lo <= m->par_hi && m->par_hi <= hi) {
		f = hi > m->par_hi ? memrchr(sql + m->par_hi, '(', hi - m->par_hi) : NULL;
		if (f)
			m->par_last = (size_t)(f - sql);
		m->par_hi = hi;
	} else {
		f = hi > lo ? memrchr(sql + lo, '(', hi - lo) : NULL;
		m->par_sql = sql;
		m->par_lo = lo;
		m->par_hi = hi;
		m->par_last = f ? (size_t)(f - sql) : (size_t)-1;
	}
	return m->par_last != (size_t)-1 && m->par_last >= lo;
}

/* The atom of an operand that ends at p (whitespace and comments passed
 * before p): its start, its kind (1 a name, its inside [*ns, *ne); 2 a
 * string or number; 3 a parenthesis or a call; 4 PostgreSQL's subscript
 * [..], bound to what is before it), 0 when none. */
static int ma_col_atom_back(const struct ma_col_cx *cx, const char *sql, size_t p, size_t *s,
                            size_t *ns, size_t *ne)
{
	const int dialect = cx->dialect;
	size_t q;
	int depth = 0;

	if (p == 0)
		return 0;
	if (sql[p - 1] == '\'') { /* a string: '' inside it read as one quote */
		for (q = p - 1; q > 0; q--)
			if (sql[q - 1] == '\'') {
				if (q >= 2 && sql[q - 2] == '\'') {
					q--;
					continue;
				}
				break;
			}
		if (q == 0 || p - q > MA_COL_ATOM)
			return 0;
		*s = q - 1;
		return 2;
	}
	if (sql[p - 1] >= '0' && sql[p - 1] <= '9') {
		for (q = p; q > 0 && col_name_byte(sql[q - 1]); q--)
			;
		if (sql[q] >= '0' && sql[q] <= '9') { /* (a name may hold digits) */
			*s = q;
			return 2;
		}
	}
	if (sql[p - 1] == ')' || (sql[p - 1] == ']' && dialect == MOAT_SQL_POSTGRES)) {
		const char cl = sql[p - 1], op = cl == ')' ? '(' : '[';
		/* the loop below looks for op at sql[q - 1] with p - q <=
		 * MA_COL_ATOM only: with none there it cannot end with one
		 * (sqlcost: `) = id OR ` x400 read 512 bytes at each place) */
		const size_t lo = p - 1 > MA_COL_ATOM ? p - 1 - MA_COL_ATOM : 0;
		if (op == '(' ? !ma_col_paren_in(cx->memo, sql, lo, p - 1)
		              : !memchr(sql + lo, op, p - 1 - lo))
			return 0;
		for (q = p; q > 0 && p - q <= MA_COL_ATOM; q--) {
			const char c = sql[q - 1];
			if (c == cl) {
				depth++;
			} else if (c == op && --depth == 0) {
				*s = q - 1;
				return cl == ')' ? 3 : 4;
			} else if (c == '\'') { /* a string inside: to its quote */
				for (q--; q > 0 && sql[q - 1] != '\''; q--)
					;
				if (q == 0)
					return 0;
			}
		}
		return 0;
	}
	if (!ma_col_name_before(sql, p, ns, ne))
		return 0;
	*s = *ns > 0 && (sql[*ns - 1] == '"' || sql[*ns - 1] == '`' || sql[*ns - 1] == '[')
	         ? *ns - 1
	         : *ns;
	return 1;
}

/* The length of the operator that binds a path or a type to what is
 * before it and ends at p: ->> -> #>> #> (JSON), :: (a cast), '.'; 0. */
static size_t ma_col_chain_op(const struct ma_col_cx *cx, const char *sql, size_t p)
{
	const int dialect = cx->dialect;
	if (p >= 1 && sql[p - 1] == '.')
		return 1;
	if (p >= 2 && sql[p - 1] == ':' && sql[p - 2] == ':' && dialect == MOAT_SQL_POSTGRES)
		return 2;
	if (p >= 2 && sql[p - 1] == '>') {
		const size_t k = p >= 3 && sql[p - 2] == '>' ? 1 : 0;
		if (p >= 2 + k && (sql[p - 2 - k] == '-' ||
		                   (sql[p - 2 - k] == '#' && dialect == MOAT_SQL_POSTGRES)))
			return 2 + k;
	}
	return 0;
}

/* The word that ends at p when it is the unquoted word kw: 1 and *ws
 * its start. */
static int ma_col_kw_at(const char *sql, size_t p, const char *kw, size_t *ws)
{
	size_t s, e;

	if (!ma_col_name_before(sql, p, &s, &e) || e != p || !ma_col_word_is(sql, s, e, kw))
		return 0;
	*ws = s;
	return 1;
}

/* The word before byte p (whitespace and comments passed) when it is the
 * unquoted word kw: 1 and *ws its start. */
static int ma_col_kw_before(const struct ma_col_cx *cx, const char *sql, size_t p, const char *kw,
                            size_t *ws)
{
	return ma_col_kw_at(sql, ma_col_back(cx, sql, p), kw, ws);
}

/* IS, IS NOT, IS [NOT] DISTINCT FROM ending at p: the operator (IS and
 * IS NOT DISTINCT FROM are <=>, the others <>) and *q where the words
 * start, or CP_NONE. */
static int ma_col_is_op(const struct ma_col_cx *cx, const char *sql, size_t p, size_t *q,
                        int backed)
{
	size_t w, e;

	/* (passed back once for the three words, not at all where the
	 * caller did (backed: ma_col_back_at's whole): sqlcost, a comment's
	 * end at every place looks for its opening) */
	if (!backed)
		p = ma_col_back(cx, sql, p);
	/* (the word before p read once for the three: sqlcost2) */
	if (!ma_col_name_before(sql, p, &w, &e) || e != p)
		return CP_NONE;
	if (ma_col_word_is(sql, w, e, "is")) {
		*q = w;
		return CP_NSEQ;
	}
	if (ma_col_word_is(sql, w, e, "not") && ma_col_kw_before(cx, sql, w, "is", q))
		return CP_NE;
	if (!ma_col_word_is(sql, w, e, "from") || !ma_col_kw_before(cx, sql, w, "distinct", &w))
		return CP_NONE;
	if (ma_col_kw_before(cx, sql, w, "is", q))
		return CP_NE;
	if (ma_col_kw_before(cx, sql, w, "not", &w) && ma_col_kw_before(cx, sql, w, "is", q))
		return CP_NSEQ;
	return CP_NONE;
}

/* PostgreSQL's op ANY (ARRAY[ / ALL (ARRAY[ (and SOME) ending at p: the
 * quantifier and *q after the operator's bytes, or CQ_NONE. */
static int ma_col_quant(const struct ma_col_cx *cx, const char *sql, size_t p, size_t *q)
{
	const int dialect = cx->dialect;
	size_t w;
	int k;

	if (dialect != MOAT_SQL_POSTGRES || p == 0 || sql[p - 1] != '[' ||
	    !ma_col_kw_before(cx, sql, p - 1, "array", &w))
		return CQ_NONE;
	w = ma_col_back(cx, sql, w);
	if (w == 0 || sql[w - 1] != '(')
		return CQ_NONE;
	w--;
	k = ma_col_kw_before(cx, sql, w, "all", &w) ? CQ_ALL
	    : ma_col_kw_before(cx, sql, w, "any", &w) || ma_col_kw_before(cx, sql, w, "some", &w)
	        ? CQ_ANY
	        : CQ_NONE;
	if (k == CQ_NONE)
		return CQ_NONE;
	w = ma_col_back(cx, sql, w);
	if (w == 0 || (sql[w - 1] != '=' && sql[w - 1] != '<' && sql[w - 1] != '>'))
		return CQ_NONE;
	*q = w;
	return k;
}

/* The AND that starts at ws when it is BETWEEN's (session 24: id
 * BETWEEN 0 AND _, the input the upper end): the lower end read back,
 * operands (names, numbers, strings, parentheses, calls) joined by
 * arithmetic, '.' or ::, a sign before the first, and [A]SYMMETRIC: 1
 * and *q where BETWEEN starts, or 0 (a keyword, two operands in a row:
 * WHERE a = 1 AND _ is no BETWEEN's). */
/* The CASE that the END starting at e closes (nested CASE ... END
 * counted; strings passed), within MA_COL_ATOM bytes: 1 and *cs its
 * start, or 0. */
static int ma_col_case_back(const struct ma_col_cx *cx, const char *sql, size_t e, size_t *cs)
{
	const size_t lo = e > MA_COL_ATOM ? e - MA_COL_ATOM : 0;
	size_t p = e, s, ns, ne;
	int depth = 1;

	while (p > lo) {
		p = ma_col_back(cx, sql, p);
		if (p <= lo)
			return 0;
		if (sql[p - 1] == '\'') {
			if (ma_col_atom_back(cx, sql, p, &s, &ns, &ne) != 2)
				return 0;
			p = s;
		} else if (col_name_byte(sql[p - 1])) {
			if (!ma_col_name_before(sql, p, &ns, &ne))
				return 0;
			if (col_word(sql + ns, ne - ns, "end"))
				depth++;
			else if (col_word(sql + ns, ne - ns, "case") && --depth == 0) {
				*cs = ns;
				return 1;
			}
			p = ns;
		} else {
			p--;
		}
	}
	return 0;
}

static int ma_col_between_and(const struct ma_col_cx *cx, const char *sql, size_t ws, size_t *q)
{
	size_t p = ma_col_back(cx, sql, ws), s, ns, ne;
	int need = 1, sign = 0;

	for (int k = 0; k < 12; k++) {
		int kind = ma_col_atom_back(cx, sql, p, &s, &ns, &ne);
		if (!kind)
			return 0;
		if (kind == 1 && s == ns) {
			const char *wd = sql + ns;
			const size_t wl = ne - ns;
			if (col_word(wd, wl, "between") && (!need || sign)) {
				*q = s;
				return 1;
			}
			if ((col_word(wd, wl, "symmetric") || col_word(wd, wl, "asymmetric")) &&
			    (!need || sign)) {
				p = ma_col_back(cx, sql, s);
				need = 0;
				sign = 0;
				continue;
			}
			if (need && col_word(wd, wl, "end") && ma_col_case_back(cx, sql, s, &s))
				kind = 3; /* CASE ... END: one operand (review16) */
			else if (ma_sql_keyword(wd, wl))
				return 0;
		}
		if (!need)
			return 0; /* (two operands in a row) */
		p = ma_col_back(cx, sql, s);
		if ((kind == 2 && sql[s] == '\'') || kind == 3) {
			/* a typed literal (date '2020-01-01', interval '1 day'), a
			 * call's name */
			if (ma_col_name_before(sql, p, &ns, &ne) && ne == p && ns > 0 &&
			    sql[ns - 1] != '"' && sql[ns - 1] != '`' && sql[ns - 1] != '[' &&
			    (kind == 3 ? !ma_sql_keyword(sql + ns, ne - ns)
			               : col_word(sql + ns, ne - ns, "date") ||
			                     col_word(sql + ns, ne - ns, "time") ||
			                     col_word(sql + ns, ne - ns, "timestamp") ||
			                     col_word(sql + ns, ne - ns, "interval")))
				p = ma_col_back(cx, sql, ns);
		}
		if (p > 0 && (sql[p - 1] == '+' || sql[p - 1] == '-')) {
			p = ma_col_back(cx, sql, p - 1);
			sign = 1; /* (BETWEEN -5: or a sum) */
		} else if (p > 0 && memchr("*/%|&.", sql[p - 1], 6)) {
			p = ma_col_back(cx, sql, p - 1);
			sign = 0;
		} else if (ma_col_chain_op(cx, sql, p) > 1) {
			p = ma_col_back(cx, sql, p - ma_col_chain_op(cx, sql, p));
			sign = 0;
		} else {
			need = 0;
			sign = 0;
		}
	}
	return 0;
}

/* how deep the operand's own parentheses are read ((((id))) = _) */
#define MA_COL_NEST 12

/* p moved back over the unary pluses that end there (whitespace and
 * comments passed): '+' after '(' or at the start. */
static size_t ma_col_plus_back(const struct ma_col_cx *cx, const char *sql, size_t p)
{
	for (int k = 0; k < 8 && p > 0 && sql[p - 1] == '+'; k++) {
		const size_t q = ma_col_back(cx, sql, p - 1);
		if (q > 0 && sql[q - 1] != '(' && sql[q - 1] != '+')
			break;
		p = q;
	}
	return p;
}

/* Parentheses deeper than MA_COL_NEST ([from, to) their inside): the
 * first name inside them, after '(' '+' and whitespace, is the column
 * (c's cs, ce; c->deep), when it is no keyword: 1, or 0. */
static int ma_col_deep(const char *sql, size_t from, size_t to, struct ma_col *c)
{
	size_t i = from, e;

	while (i < to && (ma_col_ws(sql[i]) || sql[i] == '(' || sql[i] == '+'))
		i++;
	if (i < to && (sql[i] == '"' || sql[i] == '`' || sql[i] == '[')) {
		const char q = sql[i] == '[' ? ']' : sql[i];
		const char *f = memchr(sql + i + 1, q, to - i - 1);
		if (!f || f == sql + i + 1)
			return 0;
		c->cs = i + 1;
		c->ce = (size_t)(f - sql);
	} else {
		for (e = i; e < to && col_name_byte(sql[e]); e++)
			;
		if (e == i || (sql[i] >= '0' && sql[i] <= '9') || ma_sql_keyword(sql + i, e - i))
			return 0;
		c->cs = i;
		c->ce = e;
	}
	c->simple = 1;
	c->deep = 1;
	return 1;
}

/* The operand that ends at p (whitespace and comments passed before p):
 * atoms joined by '.', ->, ->>, #>, #>>, ::, PostgreSQL's subscripts;
 * one in parentheses of its own ((id), ( (t.id) ): session 23) is its
 * inside. Fills c's ls, le, cs, ce and simple, *start the operand's
 * first byte (its '(' when one was read through); 1 when a column or an
 * expression of one ends at p, 0 (a literal, nothing). */
static int ma_col_operand(const struct ma_col_cx *cx, const char *sql, size_t p, struct ma_col *c,
                          int depth, size_t *start)
{
	size_t s = 0, ns, ne, q;
	int kind, name = 0;

	c->le = p;
	c->simple = 1;
	for (int k = 0;; k++) {
		size_t op;
		kind = k < 8 ? ma_col_atom_back(cx, sql, p, &s, &ns, &ne) : 0;
		if (!kind)
			return 0;
		if (kind == 1) {
			if (!name) { /* the last name: the column, when simple */
				c->cs = ns;
				c->ce = ne;
			}
			name = 1;
		} else {
			c->simple = 0;
		}
		if (kind == 3) { /* a call's name before its '(' */
			q = ma_col_back(cx, sql, s);
			if (ma_col_name_before(sql, q, &ns, &ne) && ne == q &&
			    (!ma_sql_keyword(sql + ns, ne - ns) ||
			     (ns > 0 && (sql[ns - 1] == '"' || sql[ns - 1] == '`')))) {
				if (!name) {
					c->cs = ns;
					c->ce = ne;
				}
				s = ns;
				name = 1;
			} else if (k == 0 && depth < MA_COL_NEST && !ma_col_chain_op(cx, sql, q)) {
				/* (id) = _, (+id) = _: the inside, when it is the whole
				 * of it (a unary plus, a no-op, before it) */
				struct ma_col in = *c;
				size_t is;
				if (ma_col_operand(cx, sql, ma_col_back(cx, sql, p - 1), &in,
				                   depth + 1, &is) &&
				    ma_col_plus_back(cx, sql, ma_col_back(cx, sql, is)) == s + 1) {
					*c = in;
					*start = s;
					return 1;
				}
			} else if (k == 0 && !ma_col_chain_op(cx, sql, q) &&
			           ma_col_deep(sql, s + 1, p - 1, c)) {
				c->ls = s;
				c->le = p;
				*start = s;
				return 1;
			}
		}
		q = ma_col_back(cx, sql, s);
		if (kind == 4) { /* a[1]: the subscript binds to what is before it */
			if (q == 0)
				return 0;
			p = q;
			continue;
		}
		op = ma_col_chain_op(cx, sql, q);
		if (!op) {
			if (kind == 2)
				return 0; /* a literal compared: no column */
			break;
		}
		if (op > 1 || kind != 1)
			c->simple = 0;
		p = ma_col_back(cx, sql, q - op);
	}
	c->ls = s;
	*start = s;
	return name || !c->simple;
}

/* The operand compared at the place before byte a and the operator
 * (struct ma_col), read back from the statement's bytes (whitespace
 * and comments between): a comparison, LIKE, ILIKE, RLIKE, REGEXP,
 * GLOB, BETWEEN, IN (NOT before them), IN (, the statement's own
 * parentheses around the value (id = (_)). 1, or 0 when no column or
 * expression of one is compared there (a literal, an arithmetic's last
 * operand: a + id = _). The caller checks the tokens. */
static int ma_col_left_read(const struct ma_col_cx *cx, const char *sql, size_t a, struct ma_col *c)
{
	const int dialect = cx->dialect;
	int whole, in_paren = 0, kw, neg = 0, kind;
	size_t p = ma_col_back_at(cx, sql, a, &whole), p0 = p, ws, we, s, q;

	memset(c, 0, sizeof *c);
	if (p == 0)
		return 0;
	if ((kind = ma_col_quant(cx, sql, p, &q)) != CQ_NONE) {
		c->quant = kind;
		c->list = 1;
		p = q;
	} else if (sql[p - 1] == '(') {
		/* the statement's own parentheses around the value: id = (_),
		 * id = ( (_) ) read as id = _ */
		q = p - 1;
		for (int k = 0; k < 8; k++) {
			q = ma_col_back(cx, sql, q);
			if (q == 0 || sql[q - 1] != '(')
				break;
			q--;
		}
		if (q > 0 && (sql[q - 1] == '=' || sql[q - 1] == '<' || sql[q - 1] == '>'))
			p = q;
	}
	if (sql[p - 1] == '=' || sql[p - 1] == '<' || sql[p - 1] == '>') {
		char o[3];
		size_t n = 0;
		q = p;
		while (q > 0 && p - q < 3 &&
		       (sql[q - 1] == '=' || sql[q - 1] == '<' || sql[q - 1] == '>' ||
		        sql[q - 1] == '!'))
			q--;
		if (q > 0 && (sql[q - 1] == '-' || sql[q - 1] == '#' || sql[q - 1] == ':' ||
		              sql[q - 1] == '=' || sql[q - 1] == '<' || sql[q - 1] == '>'))
			return 0; /* (->>, #>, := ...) */
		for (size_t k = q; k < p; k++)
			o[n++] = sql[k];
		if (n == 1)
			c->op = o[0] == '='   ? CP_EQ
			        : o[0] == '<' ? CP_LT
			        : o[0] == '>' ? CP_GT
			                      : CP_NONE;
		else if (n == 2 && o[1] == '=')
			c->op = o[0] == '='   ? CP_EQ
			        : o[0] == '!' ? CP_NE
			        : o[0] == '<' ? CP_LE
			        : o[0] == '>' ? CP_GE
			                      : CP_NONE;
		else if (n == 2)
			c->op = o[0] == '<' && o[1] == '>' ? CP_NE : CP_NONE;
		else
			c->op = o[0] == '<' && o[1] == '=' && o[2] == '>' ? CP_NSEQ : CP_NONE;
		if (c->op == CP_NONE)
			return 0;
		p = q;
	} else if ((kind = ma_col_is_op(cx, sql, p, &q, whole && p == p0)) != CP_NONE) {
		c->op = kind;
		p = q;
	} else {
		if (sql[p - 1] == '(') {
			in_paren = 1;
			p = ma_col_back(cx, sql, p - 1);
		}
		if (!ma_col_name_before(sql, p, &ws, &we))
			return 0;
		kw =
		    ws > 0 && (sql[ws - 1] == '"' || sql[ws - 1] == '`' || sql[ws - 1] == '[')   ? 0
		    : col_word(sql + ws, we - ws, "in")                                          ? 1
		    : col_word(sql + ws, we - ws, "between")                                     ? 2
		    : col_word(sql + ws, we - ws, "and") && ma_col_between_and(cx, sql, ws, &ws) ? 4
		    : col_word(sql + ws, we - ws, "like") || col_word(sql + ws, we - ws, "ilike") ||
		            col_word(sql + ws, we - ws, "rlike") ||
		            col_word(sql + ws, we - ws, "regexp") ||
		            col_word(sql + ws, we - ws, "glob")
		        ? 3
		        : 0;
		if (!(kw == 1 || (!in_paren && kw > 1)))
			return 0;
		p = ma_col_back(cx, sql, ws);
		if (ma_col_name_before(sql, p, &ws, &we) && ma_col_word_is(sql, ws, we, "not")) {
			neg = 1;
			p = ws;
		}
		/* BETWEEN's upper end alone: x <= _ (NOT BETWEEN: x > _) */
		c->op = kw == 1   ? (neg ? CP_NIN : CP_IN)
		        : kw == 2 ? (neg ? CP_LT : CP_GE)
		        : kw == 4 ? (neg ? CP_GT : CP_LE)
		        : neg     ? CP_NE
		                  : CP_MATCH;
		c->list = in_paren;
		c->btw = kw == 2;
	}
	/* the operand: atoms joined by '.', ->, ->>, #>, #>>, ::, subscripts */
	p = ma_col_back(cx, sql, p);
	if (!ma_col_operand(cx, sql, p, c, 0, &s))
		return 0;
	/* a + id = _: id is the last operand of the statement's arithmetic;
	 * +id = _ after '(', a keyword or at the start: a unary plus, a no-op */
	q = ma_col_back(cx, sql, s);
	while (q > 0 && sql[q - 1] == '+') {
		size_t w0, w1, r = ma_col_back(cx, sql, q - 1);
		if (r == 0 || sql[r - 1] == '(' ||
		    (ma_col_name_before(sql, r, &w0, &w1) && w1 == r &&
		     (ma_col_word_is(sql, w0, w1, "where") || ma_col_word_is(sql, w0, w1, "and") ||
		      ma_col_word_is(sql, w0, w1, "or") || ma_col_word_is(sql, w0, w1, "not") ||
		      ma_col_word_is(sql, w0, w1, "on") || ma_col_word_is(sql, w0, w1, "having") ||
		      ma_col_word_is(sql, w0, w1, "when"))))
			q = r;
		else
			break;
	}
	/* MySQL's !id <> _: ! binds tighter than a comparison, (!id) <> _
	 * (1 for 0, else 0): what is compared is a value of id */
	while (MA_SQL_MY(dialect) && q > 0 && sql[q - 1] == '!') {
		c->opq = 1;
		q = ma_col_back(cx, sql, q - 1);
	}
	if (q > 0 && memchr("+-*/%^~&|", sql[q - 1], 9)) /* (not strchr: a NUL) */
		return 0;
	/* NOT id <> _: NOT binds looser than the comparison in the three
	 * dialects (MySQL's HIGH_NOT_PRECEDENCE mode aside): the operator's
	 * negation (not after a quantifier: left as it was) */
	for (int k = 0; k < 4 && !c->quant && ma_col_kw_before(cx, sql, q, "not", &ws); k++) {
		c->op = ma_col_neg_of[c->op];
		c->opq |= MA_SQL_MY(dialect); /* (HIGH_NOT_PRECEDENCE: (NOT id) <> _) */
		q = ws;
	}
	c->at = q;
	return 1;
}

/* 1 when the name token t (a word, or a quoted name) is the column
 * [cs, ce) (without case) or, in SQLite, rowid, oid or _rowid_. */
static int ma_col_is(int dialect, const char *sql, const struct ma_sql_tok *t, size_t cs, size_t ce)
{
	size_t s = t->start, e = t->end;

	if (t->type == MA_SQL_T_QIDENT && e - s >= 2) {
		s++;
		e--;
	}
	return (e - s == ce - cs && strncasecmp(sql + s, sql + cs, e - s) == 0) ||
	       (dialect == MOAT_SQL_SQLITE && ma_sql_lit_rowid(sql + s, e - s));
}

/* 1 when the input's bytes [a, b) hold the column's name [cs, ce)
 * (without case) or, in SQLite, an 'o' (rowid, oid, _rowid_): what
 * ma_col_judge needs before it reads the input's tokens (1 KB of
 * operators holds neither). */
static int ma_col_named(const struct ma_col_cx *cx, const char *sql, size_t a, size_t b, size_t cs,
                        size_t ce)
{
	const int dialect = cx->dialect;
	const size_t n = ce - cs;
	const char lo = (char)tolower((unsigned char)sql[cs]),
	           up = (char)toupper((unsigned char)sql[cs]);
	const char *p = sql + a, *end;

	if (dialect == MOAT_SQL_SQLITE &&
	    (memchr(sql + a, 'o', b - a) || memchr(sql + a, 'O', b - a)))
		return 1;
	if (n == 0 || n > b - a)
		return 0;
	end = sql + b - n + 1;
	while (p < end) {
		const char *x = memchr(p, lo, (size_t)(end - p));
		const char *y = lo == up ? NULL : memchr(p, up, (size_t)(end - p));
		const char *c = !x ? y : !y ? x : x < y ? x : y;
		if (!c)
			return 0;
		if (strncasecmp(c, sql + cs, n) == 0)
			return 1;
		p = c + 1;
	}
	return 0;
}

/* The input read as an expression of the column x (ma_col_judge). */
#define MA_COL_TOKS  12 /* tokens of a compared expression (data->>'id') */
#define MA_COL_DEPTH 12 /* parentheses, signs and calls inside each other */
enum { CV_AFF = 0, CV_OPQ, CV_NULL };
struct ma_col_val {
	int kind; /* CV_AFF: a*x + c; CV_OPQ: another value; CV_NULL */
	int x;    /* it names the column */
	int num;  /* the column went through arithmetic (a number now) */
	double a, c;
};
struct ma_col_rd {
	int dialect;
	const char *sql;
	const struct ma_sql_tok *w;
	int n, i;
	size_t b;
	const struct ma_col *col;
	const struct ma_sql_tok *ct; /* the compared expression's tokens (not simple) */
	int cn;
	int depth, done, bad;
	int deep; /* parentheses, signs, calls deeper than MA_COL_DEPTH */
};

/* The input's next significant token (NULL at its end): its comments
 * are whitespace, its own comment that the statement's rest is in and a
 * ';' end it (done), a token that runs past it is bad. */
static const struct ma_sql_tok *ma_col_cur(struct ma_col_rd *r)
{
	while (r->i < r->n && !r->done && !r->bad) {
		const struct ma_sql_tok *t = &r->w[r->i];
		if (t->start >= r->b)
			return NULL;
		if (t->type == MA_SQL_T_COMMENT) {
			if (t->end > r->b)
				r->done = 1;
			else
				r->i++;
			continue;
		}
		if (t->type == MA_SQL_T_SEMI) {
			r->done = 1;
			return NULL;
		}
		if (t->end > r->b) {
			r->bad = 1;
			return NULL;
		}
		return t;
	}
	return NULL;
}

static void ma_col_adv(struct ma_col_rd *r)
{
	r->i++;
}

static int ma_col_take(struct ma_col_rd *r, int type)
{
	const struct ma_sql_tok *t = ma_col_cur(r);

	if (!t || t->type != type)
		return 0;
	ma_col_adv(r);
	return 1;
}

/* The reader's token when it is the one byte ch ('[', ']'): 1 and past it. */
static int ma_col_take_ch(struct ma_col_rd *r, char ch)
{
	const struct ma_sql_tok *t = ma_col_cur(r);

	if (!t || t->end - t->start != 1 || r->sql[t->start] != ch)
		return 0;
	ma_col_adv(r);
	return 1;
}

/* The token after the reader's (NULL: none in the input). */
static const struct ma_sql_tok *ma_col_peek(const struct ma_col_rd *r)
{
	const struct ma_sql_tok *t = col_next_sig(r->w, r->n, r->i);

	return t && t->end <= r->b ? t : NULL;
}

/* 1 when the tokens t and u read alike: a name and a quoted name by
 * their inside, without case; other words without case; the rest byte
 * for byte. */
static int ma_col_tok_eq(const char *sql, const struct ma_sql_tok *t, const struct ma_sql_tok *u)
{
	size_t ts = t->start, te = t->end, us = u->start, ue = u->end;
	const int tn = t->type == MA_SQL_T_WORD || t->type == MA_SQL_T_QIDENT,
	          un = u->type == MA_SQL_T_WORD || u->type == MA_SQL_T_QIDENT;

	if (tn != un || (!tn && t->type != u->type))
		return 0;
	if (!tn)
		return te - ts == ue - us && memcmp(sql + ts, sql + us, te - ts) == 0;
	if (t->type == MA_SQL_T_QIDENT && te - ts >= 2) {
		ts++;
		te--;
	}
	if (u->type == MA_SQL_T_QIDENT && ue - us >= 2) {
		us++;
		ue--;
	}
	return te - ts == ue - us && strncasecmp(sql + ts, sql + us, te - ts) == 0;
}

/* The compared operand at the reader, after its qualifiers (name .):
 * 1 and past it, or 0 and the reader unmoved. */
static int ma_col_match(struct ma_col_rd *r)
{
	const int save = r->i, done = r->done, bad = r->bad;
	const struct ma_sql_tok *t = ma_col_cur(r), *nx;

	while (t && (t->type == MA_SQL_T_WORD || t->type == MA_SQL_T_QIDENT) &&
	       (nx = ma_col_peek(r)) != NULL && nx->type == MA_SQL_T_DOT) {
		r->i = (int)(nx - r->w) + 1;
		t = ma_col_cur(r);
	}
	if (!t)
		goto no;
	if (r->cn == 0) {
		nx = ma_col_peek(r);
		if ((t->type != MA_SQL_T_WORD && t->type != MA_SQL_T_QIDENT) ||
		    (t->type == MA_SQL_T_WORD &&
		     ma_sql_keyword(r->sql + t->start, t->end - t->start)) ||
		    (nx && (nx->type == MA_SQL_T_LPAREN || nx->type == MA_SQL_T_DOT)) ||
		    !ma_col_is(r->dialect, r->sql, t, r->col->cs, r->col->ce))
			goto no;
		ma_col_adv(r);
		return 1;
	}
	for (int k = 0; k < r->cn; k++) {
		t = ma_col_cur(r);
		if (!t || !ma_col_tok_eq(r->sql, t, &r->ct[k]))
			goto no;
		ma_col_adv(r);
	}
	return 1;
no:
	r->i = save;
	r->done = done;
	r->bad = bad;
	return 0;
}

static int ma_col_expr(struct ma_col_rd *r, struct ma_col_val *v);

static void ma_col_opaque(struct ma_col_val *v, const struct ma_col_val *u)
{
	const int x = v->x | u->x;

	if (v->kind != CV_NULL)
		v->kind = u->kind == CV_NULL ? CV_NULL : CV_OPQ;
	v->x = x;
	v->num |= u->num;
}

/* A type's name after AS or :: (words, then (n[, m]) or []). */
static int ma_col_type(struct ma_col_rd *r)
{
	const struct ma_sql_tok *t;
	int words = 0;

	while ((t = ma_col_cur(r)) != NULL && t->type == MA_SQL_T_WORD && words < 3) {
		ma_col_adv(r);
		words++;
	}
	if (!words)
		return 0;
	if ((t = ma_col_cur(r)) != NULL && t->type == MA_SQL_T_LPAREN) {
		ma_col_adv(r);
		while ((t = ma_col_cur(r)) != NULL &&
		       (t->type == MA_SQL_T_NUMBER || t->type == MA_SQL_T_COMMA))
			ma_col_adv(r);
		return ma_col_take(r, MA_SQL_T_RPAREN);
	}
	if ((t = ma_col_cur(r)) != NULL && t->type == MA_SQL_T_OTHER && r->sql[t->start] == '[') {
		ma_col_adv(r);
		t = ma_col_cur(r);
		return t && t->type == MA_SQL_T_OTHER && r->sql[t->start] == ']' &&
		       (ma_col_adv(r), 1);
	}
	return 1;
}

/* What follows an operand and keeps its value: COLLATE name, ::type. */
static int ma_col_postfix(struct ma_col_rd *r)
{
	const struct ma_sql_tok *t;

	while ((t = ma_col_cur(r)) != NULL) {
		if (col_tok_word(r->sql, t, "collate")) {
			ma_col_adv(r);
			t = ma_col_cur(r);
			if (!t || (t->type != MA_SQL_T_WORD && t->type != MA_SQL_T_QIDENT))
				return 0;
			ma_col_adv(r);
		} else if (r->dialect == MOAT_SQL_POSTGRES && col_op_is(r->sql, t, "::")) {
			ma_col_adv(r);
			if (!ma_col_type(r))
				return 0;
		} else {
			break;
		}
	}
	return !r->bad;
}

/* A call: its name at the reader, '(' next. CAST(e AS type) and
 * coalesce(e, ...) / ifnull / nvl are e (e naming the column); another
 * call a value of its arguments, abs() too (session 23, review15: abs(x)
 * is x for x >= 0 only, and balance <> abs(balance) returns the negative
 * balances). */
static int ma_col_call(struct ma_col_rd *r, const struct ma_sql_tok *t, struct ma_col_val *v)
{
	const size_t n = t->end - t->start;
	const char *s = r->sql + t->start;
	const int cast = n == 4 && !strncasecmp(s, "cast", 4),
	          first = (n == 8 && !strncasecmp(s, "coalesce", 8)) ||
	                  (n == 6 && !strncasecmp(s, "ifnull", 6)) ||
	                  (n == 3 && !strncasecmp(s, "nvl", 3));
	struct ma_col_val u;
	int k = 0;

	ma_col_adv(r);
	ma_col_adv(r); /* ( */
	memset(v, 0, sizeof *v);
	if (cast) {
		if (!ma_col_expr(r, v) || !(t = ma_col_cur(r)) || !col_tok_word(r->sql, t, "as"))
			return 0;
		ma_col_adv(r);
		if (v->kind == CV_AFF)
			v->kind = CV_OPQ; /* (price AS integer: not price) */
		return ma_col_type(r) && ma_col_take(r, MA_SQL_T_RPAREN);
	}
	if (ma_col_take(r, MA_SQL_T_RPAREN)) {
		v->kind = CV_OPQ;
		return 1;
	}
	do {
		if (!ma_col_expr(r, k ? &u : v))
			return 0;
		if (k)
			v->x |= u.x;
		k++;
	} while (ma_col_take(r, MA_SQL_T_COMMA));
	if (!ma_col_take(r, MA_SQL_T_RPAREN))
		return 0;
	if (!(first && v->kind == CV_AFF && v->x))
		v->kind = CV_OPQ;
	return 1;
}

static int ma_col_primary(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t = ma_col_cur(r), *nx;

	memset(v, 0, sizeof *v);
	if (!t)
		return 0;
	if (ma_col_match(r)) {
		v->kind = CV_AFF;
		v->a = 1;
		v->x = 1;
		return ma_col_postfix(r);
	}
	switch (t->type) {
	case MA_SQL_T_NUMBER:
		v->kind = ma_sql_lit_decimal(r->sql + t->start, t->end - t->start, 0, &v->c)
		              ? CV_AFF
		              : CV_OPQ;
		ma_col_adv(r);
		break;
	case MA_SQL_T_STRING:
		v->kind = CV_OPQ;
		ma_col_adv(r);
		break;
	case MA_SQL_T_LPAREN:
		ma_col_adv(r);
		if (!ma_col_expr(r, v) || !ma_col_take(r, MA_SQL_T_RPAREN))
			return 0;
		break;
	case MA_SQL_T_WORD:
		nx = ma_col_peek(r);
		if (col_tok_word(r->sql, t, "null")) {
			v->kind = CV_NULL;
			ma_col_adv(r);
		} else if (col_tok_word(r->sql, t, "true") || col_tok_word(r->sql, t, "false")) {
			v->c = col_tok_word(r->sql, t, "true");
			ma_col_adv(r);
		} else if (nx && nx->type == MA_SQL_T_LPAREN &&
		           (!ma_sql_keyword(r->sql + t->start, t->end - t->start) ||
		            col_tok_word(r->sql, t, "left") || col_tok_word(r->sql, t, "right") ||
		            col_tok_word(r->sql, t, "replace") || col_tok_word(r->sql, t, "if") ||
		            col_tok_word(r->sql, t, "mod") || col_tok_word(r->sql, t, "insert"))) {
			if (!ma_col_call(r, t, v))
				return 0;
		} else {
			return 0; /* another name, a keyword */
		}
		break;
	default:
		return 0;
	}
	return ma_col_postfix(r);
}

static int ma_col_unary(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t = ma_col_cur(r);
	int ok, neg = 0, opq = 0;

	if (t && r->depth >= MA_COL_DEPTH)
		r->deep = 1;
	if (!t || r->depth >= MA_COL_DEPTH)
		return 0;
	if (t->end - t->start == 1 &&
	    (r->sql[t->start] == '+' || r->sql[t->start] == '-' || r->sql[t->start] == '~' ||
	     (r->sql[t->start] == '!' && MA_SQL_MY(r->dialect)))) {
		neg = r->sql[t->start] == '-';
		opq = r->sql[t->start] == '~' || r->sql[t->start] == '!';
	} else if (col_tok_word(r->sql, t, "not")) {
		/* NOT id: SQLite's 0 or 1 (id <> NOT id: every row), PostgreSQL's
		 * boolean, MySQL's ! with HIGH_NOT_PRECEDENCE (session 24) */
		opq = 1;
	} else if (!(MA_SQL_MY(r->dialect) && col_tok_word(r->sql, t, "binary"))) {
		r->depth++;
		ok = ma_col_primary(r, v);
		r->depth--;
		return ok;
	}
	ma_col_adv(r);
	r->depth++;
	ok = ma_col_unary(r, v);
	r->depth--;
	if (ok && neg) {
		v->a = -v->a;
		v->c = -v->c;
		v->num = v->x;
	}
	if (ok && opq && v->kind == CV_AFF)
		v->kind = CV_OPQ;
	return ok;
}

/* 1 when v is the column itself (1*x + 0) */
static int ma_col_itself(const struct ma_col_val *v)
{
	return v->kind == CV_AFF && v->x && v->a == 1 && v->c == 0;
}

/* 1 when v is the number c, no column in it */
static int ma_col_const(const struct ma_col_val *v, double c)
{
	return v->kind == CV_AFF && !v->x && v->c == c;
}

/* v op u for a bitwise operator (| & << >>, PostgreSQL's #, MySQL's ^)
 * or PostgreSQL's power ^. An identity is kept only where it holds for
 * every value of every type the dialect lets the operator take (session
 * 23, review15): in PostgreSQL, whose | & << >> # take integers alone
 * (numeric, float, text, inet: no such operator) and bit strings (<< >>
 * by an integer), x | 0, 0 | x, x & -1, -1 & x, x << 0, x >> 0, x # 0
 * and 0 # x are x, x ^ 1 is x and x ^ 0 is 1 (NaN ^ 0 too); SQLite and
 * MySQL make an integer of any value first (-5.5 | 0 is -5 in SQLite,
 * 1.5 | 0 is 2 and -1 | 0 is 2^64 - 1 in MySQL, 'bob' | 0 is 0): none
 * there. Any other a value the judge cannot tell. */
static void ma_col_bits(int dialect, const char *op, size_t ol, struct ma_col_val *v,
                        const struct ma_col_val *u)
{
	const int shift = ol == 2, pow = op[0] == '^';
	const double idn = op[0] == '&' ? -1 : pow ? 1 : 0;

	if (dialect != MOAT_SQL_POSTGRES) {
		ma_col_opaque(v, u);
		return;
	}
	if (pow && ma_col_itself(v) && ma_col_const(u, 0)) {
		v->a = 0;
		v->c = 1;
		v->x = 0;
		v->num = 0;
		return;
	}
	if ((ma_col_itself(v) && ma_col_const(u, idn)) ||
	    (!shift && !pow && ma_col_const(v, idn) && ma_col_itself(u))) {
		memset(v, 0, sizeof *v);
		v->kind = CV_AFF;
		v->a = 1;
		v->x = 1;
		v->num = 1;
		return;
	}
	ma_col_opaque(v, u);
}

/* MySQL's ^ (XOR) and PostgreSQL's (a power) bind tighter than * and
 * after a sign (-id ^ 0 is (-id) ^ 0); SQLite has none: a syntax error,
 * nothing read. */
static int ma_col_factor(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t;
	struct ma_col_val u;

	if (!ma_col_unary(r, v))
		return 0;
	while ((t = ma_col_cur(r)) != NULL && col_op_is(r->sql, t, "^")) {
		if (r->dialect == MOAT_SQL_SQLITE)
			return 0;
		ma_col_adv(r);
		if (!ma_col_unary(r, &u))
			return 0;
		ma_col_bits(r->dialect, "^", 1, v, &u);
	}
	return !r->bad;
}

/* '*' '/' '%' and MySQL's DIV and MOD */
static int ma_col_term(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t;
	struct ma_col_val u;

	if (!ma_col_factor(r, v))
		return 0;
	while ((t = ma_col_cur(r)) != NULL) {
		const int my = MA_SQL_MY(r->dialect);
		int mul = col_op_is(r->sql, t, "*"),
		    div = col_op_is(r->sql, t, "/") || (my && col_tok_word(r->sql, t, "div"));
		if (!mul && !div && !col_op_is(r->sql, t, "%") &&
		    !(my && col_tok_word(r->sql, t, "mod")))
			break;
		ma_col_adv(r);
		if (!ma_col_factor(r, &u))
			return 0;
		if (!mul && u.kind == CV_AFF && !u.x && u.c == 0) {
			v->kind = CV_NULL; /* x / 0, x % 0, x DIV 0, x MOD 0: NULL in SQLite
			                      and MySQL; an error in PostgreSQL */
		} else if (v->kind != CV_AFF || u.kind != CV_AFF || (!div && !mul)) {
			ma_col_opaque(v, &u);
		} else if (mul && (!v->x || !u.x)) {
			const struct ma_col_val *k = v->x ? &u : v, *e = v->x ? v : &u;
			const double f = k->c;
			v->a = e->a * f;
			v->c = e->c * f;
			v->x = e->x;
			v->num = e->x;
		} else { /* (id / 2: an integer division in SQLite and PostgreSQL) */
			ma_col_opaque(v, &u);
		}
	}
	return !r->bad;
}

/* '+' '-' */
static int ma_col_sum(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t;
	struct ma_col_val u;

	if (!ma_col_term(r, v))
		return 0;
	while ((t = ma_col_cur(r)) != NULL && t->type == MA_SQL_T_OP && t->end - t->start == 1 &&
	       (r->sql[t->start] == '+' || r->sql[t->start] == '-')) {
		const double sg = r->sql[t->start] == '-' ? -1 : 1;
		ma_col_adv(r);
		if (!ma_col_term(r, &u))
			return 0;
		if (v->kind == CV_AFF && u.kind == CV_AFF) {
			v->a += sg * u.a;
			v->c += sg * u.c;
			v->num = v->x | u.x;
			v->x |= u.x;
		} else {
			ma_col_opaque(v, &u);
		}
	}
	return !r->bad;
}

/* The operators that bind looser than + - in the three dialects: & | <<
 * >>, PostgreSQL's #, and || but in MySQL (SQLite's binds tighter; a
 * value the judge cannot tell either way), read left to right (MySQL
 * ranks | below & below << >>: the identities ma_col_bits keeps hold
 * either way). */
static int ma_col_expr(struct ma_col_rd *r, struct ma_col_val *v)
{
	const struct ma_sql_tok *t;
	struct ma_col_val u;

	if (!ma_col_sum(r, v))
		return 0;
	while ((t = ma_col_cur(r)) != NULL && t->type == MA_SQL_T_OP) {
		const char c0 = r->sql[t->start];
		const size_t ol = t->end - t->start;
		const int bit = (ol == 1 && (c0 == '&' || c0 == '|' ||
		                             (c0 == '#' && r->dialect == MOAT_SQL_POSTGRES))) ||
		                (ol == 2 && ((c0 == '<' && r->sql[t->start + 1] == '<') ||
		                             (c0 == '>' && r->sql[t->start + 1] == '>')));
		if (!bit && !(ol == 2 && c0 == '|' && r->sql[t->start + 1] == '|' &&
		              !MA_SQL_MY(r->dialect)))
			break;
		ma_col_adv(r);
		if (!ma_col_sum(r, &u))
			return 0;
		if (bit)
			ma_col_bits(r->dialect, r->sql + t->start, ol, v, &u);
		else
			ma_col_opaque(v, &u);
	}
	return !r->bad;
}

/* 1 when x op v holds for (nearly) every row (the comment above). */
static int ma_col_decide(int dialect, int op, const struct ma_col_val *v)
{
	int id, my0;
	double s;

	if (!v->x || v->kind == CV_NULL)
		return 0;
	if (v->kind == CV_OPQ)
		return 1; /* a value the judge cannot tell (~id, id % 2, abs(id)) */
	id = v->a == 1 && v->c == 0;
	s = 1 - v->a;
	/* a text column through arithmetic: in SQLite a number beside text
	 * (text is above it: name > name + 1, name <> name * 1 hold for a
	 * row of letters); in MySQL text read as 0 (0 OP c) */
	if (v->num && dialect == MOAT_SQL_SQLITE &&
	    (op == CP_NE || op == CP_NIN || op == CP_GT || op == CP_GE))
		return 1;
	if (v->num && MA_SQL_MY(dialect) && op != CP_MATCH &&
	    ((v->c > 0 && (op == CP_LT || op == CP_LE || op == CP_NE || op == CP_NIN)) ||
	     (v->c < 0 && (op == CP_GT || op == CP_GE || op == CP_NE || op == CP_NIN))))
		return 1;
	my0 = MA_SQL_MY(dialect) && v->c == 0;
	switch (op) {
	case CP_EQ:
	case CP_NSEQ:
	case CP_IN:
		return id || my0;
	case CP_MATCH:
		return id;
	case CP_NE:
	case CP_NIN:
		return !id;
	case CP_LT:
		return s <= 0 && v->c >= 0 && !id;
	case CP_LE:
		return (s <= 0 && v->c >= 0) || my0;
	case CP_GT:
		return s >= 0 && v->c <= 0 && !id;
	case CP_GE:
		return (s >= 0 && v->c <= 0) || my0;
	default:
		return 0;
	}
}

/* 1 when a name token of the input [w[i], b) is the column (col):
 * the fail-closed answer where the reading cannot follow (c->deep, an
 * input nested deeper than MA_COL_DEPTH). */
static int ma_col_names_in(const struct ma_col_cx *cx, const char *sql, size_t b,
                           const struct ma_sql_tok *w, int n, int i, const struct ma_col *col)
{
	for (; i < n && w[i].end <= b; i++)
		if ((w[i].type == MA_SQL_T_WORD || w[i].type == MA_SQL_T_QIDENT) &&
		    ma_col_is(cx->dialect, sql, &w[i], col->cs, col->ce))
			return 1;
	return 0;
}

/* 1 when the '(' at f is open at q: the bytes between read over
 * parentheses, strings and quoted names, a backslash escaping a quote in
 * MySQL's strings (but NO_BACKSLASH_ESCAPES) and PostgreSQL's E'',
 * comments (/ * * /, --, MySQL's #), SQLite's [name], PostgreSQL's $$
 * and $tag$ strings (review16; no ')' closes it; a ';' or a quote left
 * open: no). */
static int ma_col_open_at(const struct ma_col_cx *cx, const char *sql, size_t f, size_t q)
{
	const int dialect = cx->dialect;
	int depth = 0;

	for (size_t i = f + 1; i < q; i++) {
		const char c = sql[i];
		if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (--depth < 0)
				return 0;
		} else if (c == '\'' || c == '"' || c == '`') {
			const int esc =
			    (MA_SQL_MY(dialect) && dialect != MOAT_SQL_MYSQL_NBE && c != '`') ||
			    (dialect == MOAT_SQL_POSTGRES && c == '\'' && i > 0 &&
			     (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
			     (i < 2 || !col_name_byte(sql[i - 2])));
			for (i++; i < q && sql[i] != c; i++)
				if (esc && sql[i] == '\\')
					i++;
			if (i >= q)
				return 0;
		} else if (c == '/' && i + 1 < q && sql[i + 1] == '*') {
			const char *e = memmem(sql + i + 2, q - i - 2, "*/", 2);
			if (!e)
				return 1; /* (the place inside a comment: not read) */
			i = (size_t)(e - sql) + 1;
		} else if ((c == '-' && i + 1 < q && sql[i + 1] == '-') ||
		           (c == '#' && MA_SQL_MY(dialect))) {
			const char *e = memchr(sql + i, '\n', q - i);
			if (!e)
				return 1;
			i = (size_t)(e - sql);
		} else if (c == '[' && dialect == MOAT_SQL_SQLITE) {
			const char *e = memchr(sql + i, ']', q - i);
			if (!e)
				return 0;
			i = (size_t)(e - sql);
		} else if (c == '$' && dialect == MOAT_SQL_POSTGRES &&
		           (i == 0 || !col_name_byte(sql[i - 1]))) {
			/* a dollar-quoted string: $$...$$, $tag$...$tag$ (review16) */
			size_t t = i + 1;
			while (t < q && t - i <= 64 && col_name_byte(sql[t]) && sql[t] != '$')
				t++;
			if (t < q && sql[t] == '$' && !(sql[i + 1] >= '0' && sql[i + 1] <= '9')) {
				const char *e = memmem(sql + t + 1, q - t - 1, sql + i, t - i + 1);
				if (!e)
					return 0;
				i = (size_t)(e - sql) + (t - i);
			}
		} else if (c == ';') {
			return 0;
		}
	}
	return 1; /* (a '(' still open after it: a group inside, q in both) */
}

/* ma_col_left_read through the memo (may be NULL): a place whose one
 * word ma_sql_col_plain read is judged by ma_sql_col_judge at the same
 * byte, and the reading (a function of the bytes before a alone) is
 * kept for it, not made twice (sqlcost2: col-not-group). */
static int ma_col_left(const struct ma_col_cx *cx, const char *sql, size_t a, struct ma_col *c)
{
	struct ma_col_memo *m = cx->memo;
	int r;

	_Static_assert(sizeof(struct ma_col) <= sizeof m->left_col, "ma_col_memo's left_col");
	if (m && m->left_sql == sql && m->left_a == a && m->left_dialect == cx->dialect) {
		memcpy(c, m->left_col, sizeof *c);
		return m->left_r;
	}
	r = ma_col_left_read(cx, sql, a, c);
	if (m && r) { /* (0: the place is judged no further) */
		m->left_sql = sql;
		m->left_a = a;
		m->left_dialect = cx->dialect;
		m->left_r = r;
		memcpy(m->left_col, c, sizeof *c);
	}
	return r;
}

/* 1 when a group that holds the comparison starting at q may be negated:
 * a '(' after NOT (or MySQL's !) within MA_COL_REACH bytes before q that
 * is still open at q. NOT (a = 1 AND id <> id) is every row, NOT (b OR (a
 * AND id <> id)) the rows where b fails: both readings are taken there
 * (session 24; asked only where the negation alone would fire, so only
 * for an input that is an expression of the column). The '('s are found
 * with memrchr; fail-closed (1) past MA_COL_GROUPS of them or where the
 * NOT's '(' is more than MA_COL_ATOM bytes before q (review16: a long
 * value inside the group), so that no place reads more than that. */
#define MA_COL_GROUPS 16
#ifndef MA_COL_GRPMEMO /* (test_agent_sqlcost7.c switches it at run time) */
#define MA_COL_GRPMEMO 1
#endif
#ifndef MA_COL_GRPMEMO_TOOK /* (the test counts the answers taken) */
#define MA_COL_GRPMEMO_TOOK() ((void)0)
#endif

/* 1 when the '(' at p follows NOT or MySQL's ! (comments and whitespace
 * between): a function of the bytes before p. The places of one check
 * that ask (col-not-group: every `id <> id` of a 4 KB statement after
 * one `(`, sqlcost7) mostly ask of the same '(': its answer is kept in
 * the memo (may be NULL) for the next. */
static int ma_col_negates(const struct ma_col_cx *cx, const char *sql, size_t p)
{
	struct ma_col_memo *m = cx->memo;
	size_t b, ws;
	int r;

	if (MA_COL_GRPMEMO && m && m->grp_sql == sql && m->grp_p == p &&
	    m->grp_dialect == cx->dialect) {
		MA_COL_GRPMEMO_TOOK();
		return m->grp_not;
	}
	/* (ma_col_kw_before at p: ma_col_kw_at at b) */
	b = ma_col_back(cx, sql, p);
	r = ma_col_kw_at(sql, b, "not", &ws) ||
	    (MA_SQL_MY(cx->dialect) && b > 0 && sql[b - 1] == '!');
	if (m) {
		m->grp_sql = sql;
		m->grp_p = p;
		m->grp_dialect = cx->dialect;
		m->grp_not = r;
	}
	return r;
}

static int ma_col_not_group(const struct ma_col_cx *cx, const char *sql, size_t q)
{
	const size_t lo = q > MA_COL_REACH ? q - MA_COL_REACH : 0;
	size_t p = q;
	const char *f;

	for (int k = 0; p > lo && (f = memrchr(sql + lo, '(', p - lo)) != NULL; k++) {
		if (k == MA_COL_GROUPS)
			return 1;
		p = (size_t)(f - sql);
		if (ma_col_negates(cx, sql, p) &&
		    (q - p > MA_COL_ATOM || ma_col_open_at(cx, sql, p, q)))
			return 1;
	}
	return 0;
}

int ma_sql_col_judge(int dialect, const char *sql, size_t a, size_t b, const struct ma_sql_tok *w,
                     int n, int i, size_t prev_end, struct ma_col_memo *memo)
{
	const struct ma_col_cx cxv = {dialect, memo}, *cx = &cxv;
	struct ma_col col;
	struct ma_sql_tok ct[MA_COL_TOKS];
	struct ma_col_rd r;
	struct ma_col_val v, u;
	const struct ma_sql_tok *t;
	int list, quant, fire = 0, any = 0, named = 0, ops[2], qs[2], fires[2] = {0, 0},
	                 keeps[2] = {0, 0};

	if (w[i].start < a || prev_end > a || !ma_col_left(cx, sql, a, &col) ||
	    !ma_col_named(cx, sql, a, b, col.cs, col.ce) ||
	    (prev_end < a && !ma_col_blank(cx, sql, prev_end, a)))
		return 0;
	if (col.deep)
		return ma_col_names_in(cx, sql, b, w, n, i, &col);
	memset(&r, 0, sizeof r);
	if (!col.simple) {
		/* the compared expression's tokens, after its qualifiers; the
		 * first name it holds is what the input must name */
		struct ma_sql_lexer lx;
		ma_sql_lex_init(&lx, dialect, sql, col.le);
		lx.pos = col.ls;
		while (r.cn < MA_COL_TOKS && ma_sql_lex_next(&lx, &ct[r.cn]))
			if (ct[r.cn].type != MA_SQL_T_COMMENT)
				r.cn++;
		if (lx.pos < col.le || r.cn == 0 || ct[r.cn - 1].end != col.le)
			return 0;
		while (r.cn > 2 && (ct[0].type == MA_SQL_T_WORD || ct[0].type == MA_SQL_T_QIDENT) &&
		       ct[1].type == MA_SQL_T_DOT) {
			memmove(ct, ct + 2, (size_t)(r.cn - 2) * sizeof ct[0]);
			r.cn -= 2;
		}
	}
	r.dialect = dialect;
	r.sql = sql;
	r.w = w;
	r.n = n;
	r.i = i;
	r.b = b;
	r.col = &col;
	r.ct = ct;
	list = col.op == CP_IN || col.op == CP_NIN;
	quant = col.quant ? col.quant : col.op == CP_IN ? CQ_ANY : CQ_ALL;
	if (list && !col.list && !ma_col_take(&r, MA_SQL_T_LPAREN))
		list = 0; /* (IN id: a syntax error) */
	if (!list && !col.quant && (t = ma_col_cur(&r)) != NULL &&
	    (col_tok_word(sql, t, "any") || col_tok_word(sql, t, "some") ||
	     col_tok_word(sql, t, "all")) &&
	    dialect == MOAT_SQL_POSTGRES) {
		/* the input's own op ANY (ARRAY[...]) / ALL (...) */
		quant = col_tok_word(sql, t, "all") ? CQ_ALL : CQ_ANY;
		ma_col_adv(&r);
		if (!ma_col_take(&r, MA_SQL_T_LPAREN))
			return 0;
		if ((t = ma_col_cur(&r)) == NULL || !col_tok_word(sql, t, "array"))
			return 0;
		ma_col_adv(&r);
		if (!ma_col_take_ch(&r, '['))
			return 0;
		list = 2;
	} else if (col.quant) {
		list = 1;
	}
	/* the readings: the operator, and its negation where a group that
	 * holds it is negated (an ANY becomes an ALL: NOT (x = ANY(a)) is x <>
	 * ALL(a)) */
	ops[0] = col.op;
	ops[1] = ma_col_neg_of[col.op];
	qs[0] = quant;
	qs[1] = quant == CQ_ANY ? CQ_ALL : CQ_ANY;
	if (!list) {
		int has_u = 0;
		if (col.op == CP_IN || col.op == CP_NIN || !ma_col_expr(&r, &v))
			goto deep;
		if (col.btw && (t = ma_col_cur(&r)) != NULL && col_tok_word(sql, t, "and")) {
			ma_col_adv(&r);
			if (!ma_col_expr(&r, &u))
				goto deep;
			has_u = 1;
			named = u.x && u.kind != CV_NULL;
		}
		named |= v.x && v.kind != CV_NULL;
		for (int k = 0; k < 2; k++) {
			/* BETWEEN v AND u: x >= v and x <= u for every row; NOT
			 * BETWEEN (or NOT before it, CP_LT): x < v or x > u */
			const int f = ma_col_decide(dialect, ops[k], &v);
			fires[k] = !has_u            ? f
			           : ops[k] == CP_GE ? f && ma_col_decide(dialect, CP_LE, &u)
			                             : f || ma_col_decide(dialect, CP_GT, &u);
		}
	} else {
		/* ANY: one element's comparison holding for every row is
		 * enough; ALL: each element's must, and a value bounds it (id <
		 * ALL(ARRAY[id + 1, 0])) but after <> (at most one row) */
		do {
			if (!ma_col_expr(&r, &v))
				goto deep;
			any |= v.x;
			named |= v.x && v.kind != CV_NULL;
			for (int k = 0; k < 2; k++) {
				if (v.x && qs[k] == CQ_ANY)
					fires[k] |= ma_col_decide(dialect, ops[k], &v);
				else if (v.x)
					keeps[k] |= !ma_col_decide(dialect, ops[k], &v);
				else if (qs[k] == CQ_ALL && ops[k] != CP_NE && ops[k] != CP_NIN &&
				         v.kind != CV_NULL)
					keeps[k] = 1;
			}
		} while (ma_col_take(&r, MA_SQL_T_COMMA));
		for (int k = 0; k < 2; k++)
			fires[k] = qs[k] == CQ_ALL ? any && !keeps[k] : fires[k];
		if (list == 2 && !(ma_col_take_ch(&r, ']') && ma_col_take(&r, MA_SQL_T_RPAREN)))
			return 0;
		if (list == 1 && !col.list && !ma_col_take(&r, MA_SQL_T_RPAREN))
			return 0;
	}
	/* MySQL's (!x) compared: any value of x (ma_col_left's opq) */
	/* NOT (id <> _ ...): the comparison's negation too (session 24) */
	fire = fires[0] || (fires[1] && ma_col_not_group(cx, sql, col.at));
	fire |= col.opq && named;
	if (fire && ma_col_cur(&r) == NULL && !r.bad)
		return 1;
deep:
	return r.deep && ma_col_names_in(cx, sql, b, w, n, i, &col);
}

int ma_sql_col_plain(int dialect, const char *sql, size_t len, size_t a, size_t b,
                     struct ma_col_memo *memo)
{
	const struct ma_col_cx cxv = {dialect, memo}, *cx = &cxv;
	struct ma_col col;

	if ((a > 0 && col_name_byte(sql[a - 1])) || (b < len && col_name_byte(sql[b])))
		return 0;
	if (dialect == MOAT_SQL_SQLITE && ma_sql_lit_rowid(sql + a, b - a))
		return 1;
	return ma_col_left(cx, sql, a, &col) && col.simple && col.ce - col.cs == b - a &&
	       strncasecmp(sql + col.cs, sql + a, b - a) == 0;
}
