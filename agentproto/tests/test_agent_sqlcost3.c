/* libmoatagent: the sql_injection check's cost bound taken before a
 * window's loop (sqlcost3, ma_sql.c's MA_SQL_PRECOUNT): a later window
 * whose tokens that are not plain pass MA_SQL_JUDGE_MAX fails closed
 * before its loop, not at the token that passes it. The check's answers
 * and its kept count (ma_sql_reuse's np, which decides every later place
 * of the check) must be those of the loop: every place of generated
 * statements is judged through the scan with the count taken first and
 * with the loop alone (MA_SQL_PRECOUNT 0), in one check after another
 * (the count is the check's own: kept across its places, reset between
 * checks). ma_sql.c is compiled here with a small bound (40 tokens), so
 * that the bound is met within a few windows; libmoatagent's copy is not
 * linked. */
#include <stdint.h>

static int precount = 1;        /* MA_SQL_PRECOUNT: 0, the loop alone */
static unsigned precount_asked; /* windows whose count was taken */
#define MA_SQL_JUDGE_MAX 40u
#define MA_SQL_PRECOUNT  (precount_asked++, precount)
#include "../lib/ma_sql.c"

#include "agent_sql_test.h"

/* the scan's state (about 40 KB: static, as in the request's scratch) */
static struct ma_sql_scan scan;

static void scan_begin(int dialect, const char *sql, size_t len)
{
	scan.dialect = dialect;
	scan.sql = sql;
	scan.len = len;
	scan.cache.filled = 0;
	scan.memo.form = 0;
	memset(&scan.memo.dec, 0, sizeof scan.memo.dec);
	scan.memo.dec.found = 1;
}

/* What one place gave: fired, its rule, the check's count after it, and
 * the states kept under the serial of the last window (its own, where it
 * judged one). */
struct place {
	int fired;
	const char *rule;
	unsigned np;
	int kept;
};

/* The states the scan keeps under the last window's serial. */
static int kept_last(void)
{
	int kept = 0;

	for (int k = 0; k < MA_SQL_JSLOTS; k++)
		kept += scan.reuse.serial && scan.reuse.key[k] >> 32 == scan.reuse.serial;
	return kept;
}

/* Every place (up to 64, in order) of each of the inputs x[0..nx) in sql,
 * in one check, through the scan (precount as set): into out (cap), the
 * number of places returned. Places after one that fired are judged too,
 * so that what the check keeps after a fire is compared as well. */
static int scan_all(int dialect, const char *sql, const char *const *x, int nx, struct place *out,
                    int cap)
{
	size_t len = strlen(sql);
	int k = 0;

	scan_begin(dialect, sql, len);
	for (int i = 0; i < nx; i++) {
		size_t xn = strlen(x[i]);
		int seen = 0;
		if (xn < 2 || xn > len)
			continue;
		ma_sql_scan_form(&scan, x[i], xn);
		for (size_t from = 0; from + xn <= len && seen < 64 && k < cap;) {
			const char *at = memmem(sql + from, len - from, x[i], xn);
			struct ma_scan_hit hit;
			size_t a;
			if (!at)
				break;
			a = (size_t)(at - sql);
			seen++;
			from = a + 1;
			memset(&hit, 0, sizeof hit);
			out[k].fired = ma_sql_scan_analyse(&scan, a, a + xn, &hit);
			out[k].rule = out[k].fired ? hit.rule : NULL;
			out[k].np = scan.reuse.np;
			out[k].kept = kept_last();
			k++;
		}
	}
	return k;
}

/* A window that passes the bound at place i (its count was under it
 * before): the place fired sqli.too_complex and the count is past it. */
static int passes_here(const struct place *p, int i)
{
	return p[i].fired && strcmp(p[i].rule, "sqli.too_complex") == 0 &&
	       p[i].np == MA_SQL_JUDGE_MAX + 1 && (i == 0 || p[i - 1].np <= MA_SQL_JUDGE_MAX);
}

/* how many windows the loop alone stopped in after keeping states (where
 * the count taken first keeps none: below) */
static int loop_kept;

/* One check both ways; fails on any difference, and where the count is
 * taken first, on a window that passed the bound after keeping states
 * (it was judged: the count missed tokens). Returns the number of
 * places; *too_complex counts the places that failed closed. */
static int both_ways(int dialect, const char *sql, const char *const *x, int nx, int *too_complex)
{
	static struct place with[256], without[256];
	int n1, n0;

	precount = 1;
	n1 = scan_all(dialect, sql, x, nx, with, 256);
	precount = 0;
	n0 = scan_all(dialect, sql, x, nx, without, 256);
	precount = 1;
	assert_int_equal(n1, n0);
	for (int i = 0; i < n1; i++) {
		if (with[i].fired != without[i].fired || with[i].np != without[i].np ||
		    (with[i].fired && strcmp(with[i].rule, without[i].rule) != 0)) {
			fprintf(stderr, "statement: [%s]\n", sql);
			for (int k = 0; k < nx; k++)
				fprintf(stderr, "input %d: [%s]\n", k, x[k]);
			fail_msg("dialect %d, place %d of %d: counted first %d (%s, np %u), the "
			         "loop alone %d (%s, np %u)",
			         dialect, i, n1, with[i].fired, with[i].fired ? with[i].rule : "-",
			         with[i].np, without[i].fired,
			         without[i].fired ? without[i].rule : "-", without[i].np);
		}
		if (passes_here(with, i) && with[i].kept) {
			fprintf(stderr, "statement: [%s]\n", sql);
			fail_msg("dialect %d, place %d: a window judged up to the bound (%d states "
			         "kept)",
			         dialect, i, with[i].kept);
		}
		loop_kept += passes_here(without, i) && without[i].kept > 0;
		*too_complex += with[i].fired && strcmp(with[i].rule, "sqli.too_complex") == 0;
	}
	return n1;
}

/* Generated statements: a unit of names, keywords, literals, operators,
 * parentheses and comments repeated, and inputs of one to four units
 * (they occur at many overlapping places); both answers, failing closed
 * or not, occur, and the count is taken first at many windows. */
static void the_count_taken_first_answers_as_the_loop(void **state)
{
	static const char *const pool[] = {"id", "OR",   "AND", "x",      "1",   "'a'",    "=",
	                                   "<>", "(",    ")",   ",",      "+",   "/**/",   "-- c\n",
	                                   ";",  "name", "NOT", "SELECT", "2.5", "IS NULL"};
	const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};
	uint64_t seed = 0x243f6a8885a308d3ULL;
	int places = 0, closed = 0, open_fired = 0;
	unsigned asked0 = precount_asked;

	loop_kept = 0;
	(void)state;
	for (int round = 0; round < 2000; round++) {
		static char sql[4096], unit[128], in1[512], in2[512];
		const char *x[2];
		size_t o, ul = 0;
		int nu = 1 + (int)at_rnd(&seed, 6), reps = 8 + (int)at_rnd(&seed, 60);
		int m1 = 1 + (int)at_rnd(&seed, 10), m2 = 1 + (int)at_rnd(&seed, 3);
		int tc = 0, n;

		for (int k = 0; k < nu; k++)
			ul += (size_t)snprintf(unit + ul, sizeof unit - ul, "%s ",
			                       pool[at_rnd(&seed, sizeof pool / sizeof pool[0])]);
		o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
		if (at_rnd(&seed, 2))
			o += (size_t)snprintf(sql + o, sizeof sql - o, "(");
		for (int k = 0; k < reps && o + ul + 16 < sizeof sql; k++)
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s", unit);
		snprintf(sql + o, sizeof sql - o, "b = 1");
		for (int k = 0, o1 = 0, o2 = 0; k < m1 || k < m2; k++) {
			if (k < m1)
				o1 += snprintf(in1 + o1, sizeof in1 - (size_t)o1, "%s", unit);
			if (k < m2)
				o2 += snprintf(in2 + o2, sizeof in2 - (size_t)o2, "%s", unit);
		}
		in1[strlen(in1) - 1] = '\0'; /* (no trailing space: it spans) */
		x[0] = in1;
		x[1] = in2;
		n = both_ways(dialects[round % 3], sql, x, 1 + round % 2, &tc);
		places += n;
		closed += tc > 0;
		open_fired += tc == 0 && n > 0;
	}
	assert_true(places > 20000);
	assert_true(closed > 100);     /* checks that failed closed */
	assert_true(open_fired > 100); /* and checks that did not */
	assert_true(precount_asked - asked0 > 1000);
	assert_true(loop_kept > 100); /* (what the count taken first spares) */
}

/* The window that passes the bound is not judged: it keeps no state of
 * its own (with the loop, the states it passes before the token that
 * passes the bound are kept under its serial). ") = id OR " over the
 * statement with an input of many units (session 24's rep-input). */
static void the_window_past_the_bound_keeps_no_state(void **state)
{
	static char sql[4096], in[1024];
	const char *x[1] = {in};
	static struct place out[128];
	size_t o = 0;
	int n, last = -1;

	(void)state;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
	while (o + 16 < sizeof sql - 8)
		o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
	snprintf(sql + o, sizeof sql - o, "id");
	/* (12 units: 24 names and keywords, under the bound in the first
	 * window, past it in the second) */
	for (size_t k = 0; k < 120; k += 10)
		memcpy(in + k, ") = id OR ", 10);
	in[119] = '\0';
	for (int way = 1; way >= 0; way--) {
		int kept = 0;
		precount = way;
		n = scan_all(MOAT_SQL_MYSQL, sql, x, 1, out, 128);
		for (int i = 0; i < n && last < 0; i++)
			if (out[i].fired)
				last = i;
		assert_true(last > 0);
		assert_string_equal(out[last].rule, "sqli.too_complex");
		assert_int_equal(out[last].np, MA_SQL_JUDGE_MAX + 1);
		/* (the window that failed closed took the last serial) */
		for (int k = 0; k < MA_SQL_JSLOTS; k++)
			kept += scan.reuse.key[k] >> 32 == scan.reuse.serial;
		if (way)
			assert_int_equal(kept, 0);
		else
			assert_true(kept > 0); /* (the loop alone: what this test tells apart) */
		last = -1;
	}
	precount = 1;
}

/* The count is the check's own: a check after one that failed closed
 * judges its windows again (the same statement and input, then a short
 * one in the same scan state), and answers as the loop does. */
static void the_count_is_not_kept_across_checks(void **state)
{
	static char sql[4096], in[512];
	const char *x[1] = {in};
	static struct place out[128];
	const char *small = "SELECT a FROM t WHERE b = 1 OR 1 = 1 AND c = 1 OR 1 = 1";
	const char *y[1] = {"1 OR 1 = 1"};
	size_t o;
	int n, tc = 0;

	(void)state;
	o = (size_t)snprintf(sql, sizeof sql, "SELECT a FROM t WHERE ");
	while (o + 16 < sizeof sql - 8)
		o += (size_t)snprintf(sql + o, sizeof sql - o, ") = id OR ");
	snprintf(sql + o, sizeof sql - o, "id");
	for (size_t k = 0; k < 120; k += 10)
		memcpy(in + k, ") = id OR ", 10);
	in[119] = '\0';
	n = both_ways(MOAT_SQL_MYSQL, sql, x, 1, &tc);
	assert_true(n > 2 && tc > 0);
	/* the next check starts from nothing: its first place is judged,
	 * and fires what it is (OR 1 = 1), not the bound */
	n = scan_all(MOAT_SQL_MYSQL, small, y, 1, out, 128);
	assert_true(n >= 1);
	assert_true(out[0].fired);
	assert_string_equal(out[0].rule, "sqli.boolean");
	assert_true(out[0].np <= MA_SQL_JUDGE_MAX);
}

/* The count reads every token of the window, its first and its last:
 * a first input of 20 names (its window judged whole: 20), then one of
 * 21 names and keywords that starts and ends with a name, exactly one
 * past the bound: it fails closed before its loop (no state kept), as
 * the loop fails at its last token. */
static void the_count_reads_every_token_of_the_window(void **state)
{
	static char sql[2048], list[512], run[512];
	static struct place out[16];
	const char *x[2] = {list, run};
	size_t o = 0, r = 0;
	int n, tc = 0;

	(void)state;
	for (int k = 1; k <= 20; k++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%sn%02d", k > 1 ? ", " : "", k);
	for (int k = 0; k < 7; k++)
		r += (size_t)snprintf(run + r, sizeof run - r, "%sid OR x", k ? " = " : "");
	snprintf(sql, sizeof sql, "SELECT a FROM t WHERE b IN (%s) AND c = 1 OR %s = 1", list, run);
	for (int way = 1; way >= 0; way--) {
		precount = way;
		n = scan_all(MOAT_SQL_MYSQL, sql, x, 2, out, 16);
		assert_int_equal(n, 2);
		assert_int_equal(out[0].np, 20);
		assert_true(out[1].fired);
		assert_string_equal(out[1].rule, "sqli.too_complex");
		assert_int_equal(out[1].np, MA_SQL_JUDGE_MAX + 1);
		if (way)
			assert_int_equal(out[1].kept, 0);
		else
			assert_true(out[1].kept > 0);
	}
	precount = 1;
	assert_int_equal(both_ways(MOAT_SQL_MYSQL, sql, x, 2, &tc), 2);
	assert_int_equal(tc, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_count_taken_first_answers_as_the_loop),
	    cmocka_unit_test(the_window_past_the_bound_keeps_no_state),
	    cmocka_unit_test(the_count_is_not_kept_across_checks),
	    cmocka_unit_test(the_count_reads_every_token_of_the_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
