/* libmoatagent: a later window takes the window before's kept state
 * across tokens that are not plain (sqlcost5, ma_sql.c's MA_SQL_NPJOIN
 * and ma_sql_np_span). What the check answers at every place, and what it
 * keeps for the places after (the count of tokens not plain, the kept
 * states and their keys, the last window's end, its last token not plain
 * and its state after it), must be those of the loop that judges each
 * token (MA_SQL_NPJOIN 0): every place of generated statements is judged
 * through the scan both ways, in one check after another. ma_sql.c is
 * compiled here; libmoatagent's copy is not linked. */
#include <stdint.h>

static int npjoin = 1;         /* MA_SQL_NPJOIN: 0, the loop alone */
static unsigned npjoin_took;   /* states taken across tokens not plain */
static unsigned npjoin_period; /* of which a window's own, 16 tokens before */
#define MA_SQL_NPJOIN              npjoin
#define MA_SQL_NPJOIN_TOOK(period) (npjoin_took++, npjoin_period += (period))
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

#include "agent_sql_scan_test.h"

/* One check both ways; fails on any difference. */
static int both_ways(int dialect, const char *sql, const char *const *x, int nx, int *too_complex)
{
	return both_ways_by(&npjoin, "states", dialect, sql, x, nx, too_complex);
}

/* Generated statements: a unit of names, keywords, literals, operators,
 * parentheses, comments and the tokens whose step reads further (SELECT,
 * UNION, ';', NULL after NOT, INTO OUTFILE, calls, '{', MySQL's 1e words
 * and --words) repeated, and inputs of one to twelve units (they occur at
 * many overlapping places, their windows long enough for states to be
 * taken). */
static void the_states_taken_answer_as_the_loop(void **state)
{
	static const char *const pool[] = {
	    "id",      "OR",        "AND",       "x",      "1",      "'a'",      "=",
	    "<>",      "(",         ")",         ",",      "+",      "/**/",     "-- c\n",
	    ";",       "name",      "NOT",       "SELECT", "2.5",    "IS NULL",  "NULL",
	    "UNION",   "FROM",      "sleep(",    "{",      "INTO",   "OUTFILE",  "1e",
	    "--x",     "@@version", "CASE WHEN", "THEN",   "END",    "ORDER BY", "IN",
	    "LIKE",    "# h\n",     "$1",        "\"q\"",  "EXCEPT", "ALL",      "TRUE",
	    "BETWEEN", "?",         "version()", "WHERE"};
	const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	uint64_t seed = 0x13198a2e03707344ULL;
	int places = 0, closed = 0, fired = 0;
	unsigned took0 = npjoin_took;

	(void)state;
	for (int round = 0; round < 3000; round++) {
		static char sql[4096], unit[400], in1[1024], in2[1024];
		const char *x[2];
		size_t o, ul = 0;
		/* short units, or long ones (a rule's look-ahead past a unit:
		 * FROM after SELECT only in the next one) */
		int nu = round % 3 ? 1 << at_rnd(&seed, 4) : 18 + (int)at_rnd(&seed, 20);
		int reps = 16 + (int)at_rnd(&seed, 120);
		int m1 = 1 + (int)at_rnd(&seed, 20), m2 = 1 + (int)at_rnd(&seed, 12);
		int tc = 0, n;

		for (int k = 0; k < nu; k++) {
			/* (mostly the cheap tokens: long runs the fast path takes) */
			int r = (int)at_rnd(&seed, 4)
			            ? (int)at_rnd(&seed, 13)
			            : (int)at_rnd(&seed, sizeof pool / sizeof pool[0]);
			if (ul + 16 > sizeof unit)
				break;
			ul += (size_t)snprintf(unit + ul, sizeof unit - ul, "%s ", pool[r]);
		}
		o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
		if (at_rnd(&seed, 2))
			o += (size_t)snprintf(sql + o, sizeof sql - o, "(");
		for (int k = 0; k < reps && o + ul + 16 < sizeof sql; k++) {
			/* (now and then a unit with a token of its own: the
			 * statement repeats where the input's places are, not
			 * everywhere) */
			size_t u0 = o;
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", unit);
			if (round % 2 && at_rnd(&seed, 6) == 0) {
				const char *w = pool[at_rnd(&seed, sizeof pool / sizeof pool[0])];
				size_t at = u0 + at_rnd(&seed, (uint32_t)ul), wl = strlen(w);
				if (at + wl < o)
					memcpy(sql + at, w, wl);
			}
		}
		snprintf(sql + o, sizeof sql - o, "b = 1");
		in1[0] = in2[0] = '\0';
		for (int k = 0, o1 = 0, o2 = 0; k < m1 || k < m2; k++) {
			if (k < m1 && (size_t)o1 + ul < sizeof in1)
				o1 += snprintf(in1 + o1, sizeof in1 - (size_t)o1, "%s", unit);
			if (k < m2 && (size_t)o2 + ul < sizeof in2)
				o2 += snprintf(in2 + o2, sizeof in2 - (size_t)o2, "%s", unit);
		}
		if (in1[0])
			in1[strlen(in1) - 1] = '\0'; /* (no trailing space: it spans) */
		x[0] = in1;
		x[1] = in2;
		n = both_ways(dialects[round % 3], sql, x, 1 + round % 2, &tc);
		places += n;
		closed += tc > 0;
		fired += tc == 0 && n > 0;
	}
	assert_true(places > 20000);
	assert_true(closed > 50); /* checks that failed closed */
	assert_true(fired > 50);  /* and checks that did not */
	assert_true(npjoin_took - took0 > 5000);
	assert_true(npjoin_period > 500); /* (a window's own, 16 tokens back) */
}

/* rep-input's shape (sqlworst.c: ") = id OR " over 4 KB, an input of
 * 102 units at 64 places): the second window takes the first's states
 * across its names and keywords, and the check fails closed at the third
 * window with the count the loop has, as it does without them. */
static void rep_input_takes_states_and_fails_closed_as_before(void **state)
{
	static char sql[4096], in[1024];
	const char *x[1] = {in};
	static struct place out[2][160];
	size_t o = 0;
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
		unsigned took = npjoin_took;
		npjoin = way;
		n[way] = scan_all(MOAT_SQL_MYSQL, sql, x, 1, out[way], 160);
		assert_true(n[way] >= 3);
		assert_false(out[way][0].fired);
		assert_false(out[way][1].fired);
		assert_true(out[way][2].fired);
		assert_string_equal(out[way][2].rule, "sqli.too_complex");
		if (way)
			assert_true(npjoin_took - took >= 20); /* (~24 spans of 16) */
		else
			assert_int_equal(npjoin_took, took);
	}
	npjoin = 1;
	assert_int_equal(n[0], n[1]);
	for (int i = 0; i < n[0]; i++)
		assert_int_equal(out[0][i].np, out[1][i].np);
}

/* A window's own state 16 tokens back is taken only where its tokens
 * repeat: ") = id OR " with one unit in the middle changed (@@version:
 * sqli.function; a '(' the depth; AND for OR; a longer name), the input
 * the run of units around it (one place, one window judged whole), at
 * every offset of the changed unit from the states kept. */
static void a_changed_unit_is_judged(void **state)
{
	static const char *const other[] = {") = @@version OR ", "( = id OR ",       ") = id AND ",
	                                    ") = idx OR ",       ") = id OR id OR ", ") <> id OR ",
	                                    ") = id IS ",        ") = id IN "};
	static char sql[4096], in[1024];
	const char *x[1] = {in};
	int fn = 0;

	(void)state;
	for (size_t v = 0; v < sizeof other / sizeof other[0]; v++) {
		for (int before = 4; before < 24; before++) {
			size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT id FROM t WHERE ");
			size_t i0;
			int tc = 0, n;
			for (int k = 0; k < 30; k++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
			i0 = o;
			for (int k = 0; k < before; k++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", other[v]);
			for (int k = 0; k < 20; k++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
			snprintf(sql + o, sizeof sql - o, "1");
			snprintf(in, sizeof in, "%.*s", (int)(o - i0 - 1), sql + i0);
			for (int d = 0; d < 3; d++) {
				static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES,
				                               MOAT_SQL_MYSQL};
				static struct place out[4];
				n = both_ways(dialects[d], sql, x, 1, &tc);
				assert_true(n >= 1);
				npjoin = 1;
				scan_all(dialects[d], sql, x, 1, out, 4);
				fn += v == 0 && out[0].fired &&
				      strcmp(out[0].rule, "sqli.function") == 0;
			}
		}
	}
	assert_int_equal(fn, 20 * 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_states_taken_answer_as_the_loop),
	    cmocka_unit_test(rep_input_takes_states_and_fails_closed_as_before),
	    cmocka_unit_test(a_changed_unit_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
