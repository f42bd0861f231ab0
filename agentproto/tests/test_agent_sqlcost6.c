/* libmoatagent: a window's span whose tokens repeat the span before takes
 * that span's ma_sql_np_span answer (sqlcost6, ma_sql.c's MA_SQL_NPMEMO):
 * each answer taken must be the one ma_sql_np_span gives there (the count
 * of tokens not plain, the last one's index, MySQL's lexdiff), and every
 * place of generated statements must be judged as without it (the answer,
 * the count, the kept states and keys, the last window's run). ma_sql.c is
 * compiled here; libmoatagent's copy is not linked. */
#include <stddef.h>
#include <stdint.h>

struct ma_sql_tok;
static int npmemo = 1;      /* MA_SQL_NPMEMO: 0, ma_sql_np_span every time */
static unsigned memo_took;  /* answers taken */
static unsigned memo_lex;   /* of which lexdiff set */
static unsigned memo_wrong; /* answers taken that ma_sql_np_span does not give */
static void memo_check(int dialect, const char *sql, size_t a, const struct ma_sql_tok *win, int i,
                       int wbase, int lastnp, int k, int last, int lex);
#define MA_SQL_NPMEMO npmemo
#define MA_SQL_NPMEMO_TOOK(dialect, sql, a, win, i, wbase, lastnp, k, last, lex)                   \
	memo_check(dialect, sql, a, win, i, wbase, lastnp, k, last, lex)
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

static void memo_check(int dialect, const char *sql, size_t a, const struct ma_sql_tok *win, int i,
                       int wbase, int lastnp, int k, int last, int lex)
{
	int last0 = lastnp, lex0 = 0;
	int k0 = ma_sql_np_span(dialect, sql, a, win, i, wbase, &last0, &lex0);

	memo_took++;
	memo_lex += lex != 0;
	if (k0 != k || (k0 >= 0 && (last0 != last || lex0 != lex)))
		memo_wrong++;
}

#include "agent_sql_scan_test.h"

/* One check both ways; fails on any difference. */
static int both_ways(int dialect, const char *sql, const char *const *x, int nx, int *too_complex)
{
	return both_ways_by(&npmemo, "answers", dialect, sql, x, nx, too_complex);
}

/* Generated statements: a unit of names, keywords and operators repeated
 * (MySQL's --words and 1e words among them: lexdiff), now and then a
 * unit changed, and inputs of one to twenty units, some starting inside a
 * word or after a '-' (a word one byte after the place). */
static void the_answers_taken_are_np_spans(void **state)
{
	static const char *const pool[] = {
	    "id",   "OR",      "AND", "x",       "1",     "'a'",  "=",         "<>",
	    "(",    ")",       ",",   "+",       "-",     "--x",  "--id",      "1e",
	    "2ea",  "name",    "NOT", "IS NULL", "NULL",  "IN",   "LIKE",      "@@version",
	    "END",  "SELECT",  ";",   "/**/",    "UNION", "FROM", "sleep(",    "{",
	    "TRUE", "BETWEEN", "$1",  "?",       "\"q\"", "INTO", "CASE WHEN", "THEN"};
	const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_SQLITE, MOAT_SQL_MYSQL, MOAT_SQL_POSTGRES};
	uint64_t seed = 0x243f6a8885a308d3ULL;
	int places = 0, closed = 0;
	unsigned took0 = memo_took;

	(void)state;
	for (int round = 0; round < 5000; round++) {
		static char sql[4096], unit[400], in1[1100], in2[1100];
		const char *x[2];
		size_t o, ul = 0;
		int nu = round % 3 ? 1 << at_rnd(&seed, 4) : 12 + (int)at_rnd(&seed, 26);
		int reps = 16 + (int)at_rnd(&seed, 140);
		int m1 = 1 + (int)at_rnd(&seed, 20), m2 = 1 + (int)at_rnd(&seed, 12);
		int skip = (int)at_rnd(&seed, 3); /* bytes of the unit before the input */
		int tc = 0;

		for (int k = 0; k < nu; k++) {
			int r = (int)at_rnd(&seed, 3)
			            ? (int)at_rnd(&seed, 17)
			            : (int)at_rnd(&seed, sizeof pool / sizeof pool[0]);
			if (ul + 16 > sizeof unit)
				break;
			ul += (size_t)snprintf(unit + ul, sizeof unit - ul, "%s ", pool[r]);
		}
		if ((size_t)skip >= ul)
			skip = 0;
		o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
		for (int k = 0; k < reps && o + ul + 16 < sizeof sql; k++) {
			size_t u0 = o;
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", unit);
			if (round % 2 && at_rnd(&seed, 8) == 0) {
				const char *w = pool[at_rnd(&seed, sizeof pool / sizeof pool[0])];
				size_t at = u0 + at_rnd(&seed, (uint32_t)ul), wl = strlen(w);
				if (at + wl < o)
					memcpy(sql + at, w, wl);
			}
		}
		snprintf(sql + o, sizeof sql - o, "b = 1");
		in1[0] = in2[0] = '\0';
		for (int k = 0, o1 = 0, o2 = 0; k < m1 || k < m2; k++) {
			const char *u = unit + (k == 0 ? skip : 0);
			if (k < m1 && (size_t)o1 + ul < sizeof in1 - 1)
				o1 += snprintf(in1 + o1, sizeof in1 - (size_t)o1, "%s", u);
			if (k < m2 && (size_t)o2 + ul < sizeof in2 - 1)
				o2 += snprintf(in2 + o2, sizeof in2 - (size_t)o2, "%s", unit);
		}
		if (in1[0])
			in1[strlen(in1) - 1] = '\0';
		x[0] = in1;
		x[1] = in2;
		places += both_ways(dialects[round % 4], sql, x, 1 + round % 2, &tc);
		closed += tc > 0;
	}
	assert_int_equal(memo_wrong, 0);
	assert_true(places > 15000);
	assert_true(closed > 20);
	assert_true(memo_took - took0 > 1500);
	assert_true(memo_lex > 400); /* (MySQL's --words and 1e words taken) */
}

/* rep-input's shape (sqlworst.c: ") = id OR " over 4 KB, an input of 102
 * units at 64 places): the first window's spans after its first two take
 * the answer, and the check fails closed at the third window as before. */
static void rep_input_takes_answers_and_fails_closed_as_before(void **state)
{
	static char sql[4096], in[1024];
	const char *x[1] = {in};
	static struct place out[2][160];
	size_t o;
	int n[2];

	(void)state;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT id, name FROM products WHERE ");
	while (o + 12 < sizeof sql - 2)
		o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
	snprintf(sql + o, sizeof sql - o, "1");
	for (size_t k = 0; k + 10 < sizeof in; k += 10)
		memcpy(in + k, ") = id OR ", 10);
	in[1020] = '\0';
	for (int way = 0; way < 2; way++) {
		unsigned took = memo_took, wrong = memo_wrong;
		npmemo = way;
		n[way] = scan_all(MOAT_SQL_MYSQL, sql, x, 1, out[way], 160);
		assert_true(n[way] >= 3);
		assert_false(out[way][0].fired);
		assert_true(out[way][2].fired);
		assert_string_equal(out[way][2].rule, "sqli.too_complex");
		assert_int_equal(memo_wrong, wrong);
		if (way)
			assert_true(memo_took - took >= 15);
		else
			assert_int_equal(memo_took, took);
	}
	npmemo = 1;
	assert_int_equal(n[0], n[1]);
	for (int i = 0; i < n[0]; i++)
		assert_int_equal(out[0][i].np, out[1][i].np);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_answers_taken_are_np_spans),
	    cmocka_unit_test(rep_input_takes_answers_and_fails_closed_as_before),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
