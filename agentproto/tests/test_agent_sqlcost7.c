/* libmoatagent: the column pass keeps whether a group's '(' follows NOT
 * (sqlcost7, ma_sql_col.c's MA_COL_GRPMEMO), and reads back over at most
 * one space inline where no comment can end (MA_COL_BACKFAST): every byte
 * of generated text must be read back to where ma_col_back_slow reads it
 * (and *whole as it says). The places of one check that
 * look for a negated group around their comparison (ma_col_not_group)
 * often meet the same '(' and take its answer from the memo. Every
 * search of generated statements, in the order the check makes them and
 * in a scrambled one, must answer as without the memo, and the check's
 * verdict and rule must be the same both ways. ma_sql_col.c is compiled
 * here (MA_COL_GRPMEMO and MA_COL_BACKFAST switched at run time);
 * libmoatagent's copy is not linked. */
static int grpmemo = 1;   /* MA_COL_GRPMEMO: 0, read the bytes every time */
static unsigned grp_took; /* answers taken from the memo */
static int backfast = 1;  /* MA_COL_BACKFAST: 0, ma_col_back_slow every time */
#define MA_COL_GRPMEMO        grpmemo
#define MA_COL_BACKFAST       backfast
#define MA_COL_GRPMEMO_TOOK() (grp_took++)
#include "../lib/ma_sql_col.c"

#include "agent_sql_test.h"

#include <stdint.h>

static uint32_t rnd(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

/* What may stand before a group's '(' (negations in several spellings,
 * with comments and lines between, and words that only look like one),
 * and what goes inside and after it. */
static const char *const before[] = {
    "NOT ",    "not",     "Not /* c */ ", "NOT\n-- x\n", "!",    "! /**/ ", "WHERE ",
    "knot ",   "`not` ",  "\"not\" ",     "[not] ",      "AND ", "OR NOT ", "x ",
    "NOT#c\n", "nOt\t\t", "NOT /* ( */ ", "= ",          "IN ",  "",        "NOTE ",
};
static const char *const inside[] = {
    "id <> id",  "a = 1 AND id <> id", "id = id",          "b OR (a AND id <> id)",
    "id < id",   "'(' <> id",          "id <> id) OR (id", "x",
    "id <> id;", "/* ) */ id <> id",   "id != id",         "price <> price",
    "(id)",      "\"id\" <> \"id\"",   "id <> -- )\nid",
};
static const char *const after[] = {")", "", ") OR ", "))", ") AND (", " OR "};

/* A statement of 1-12 groups of the pieces above after a WHERE, a
 * group's inside now and then written 2-9 times (joined by AND or OR:
 * many places in one group). */
static size_t gen(uint64_t *s, char *out, size_t cap)
{
	size_t o = (size_t)snprintf(out, cap, "SELECT a FROM t WHERE ");
	int groups = 1 + (int)(rnd(s) % 12);

	for (int g = 0; g < groups && o + 1200 < cap; g++) {
		const char *in = inside[rnd(s) % (sizeof inside / sizeof inside[0])];
		int reps = rnd(s) % 3 == 0 ? 2 + (int)(rnd(s) % 8) : 1;
		o += (size_t)snprintf(out + o, cap - o, "%s(%s",
		                      before[rnd(s) % (sizeof before / sizeof before[0])], in);
		for (int r = 1; r < reps; r++)
			o += (size_t)snprintf(out + o, cap - o, "%s%s",
			                      rnd(s) & 1 ? " AND " : " OR ", in);
		o += (size_t)snprintf(out + o, cap - o, "%s",
		                      after[rnd(s) % (sizeof after / sizeof after[0])]);
	}
	return o;
}

/* Every search ma_col_not_group makes at every byte of generated
 * statements, with one memo for the statement as the check keeps it,
 * answers as the search without a memo. */
static void every_group_search_answers_as_without_the_memo(void **state)
{
	static const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES,
	                               MOAT_SQL_MYSQL_NBE};
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	char sql[4096];
	unsigned searches = 0, yes = 0, took0 = grp_took;

	(void)state;
	for (int k = 0; k < 1500; k++) {
		const size_t len = gen(&seed, sql, sizeof sql);
		const int dialect = dialects[k % 4];
		struct ma_col_memo memo;
		const struct ma_col_cx with = {dialect, &memo}, without = {dialect, NULL};
		memset(&memo, 0, sizeof memo);
		for (size_t i = 0; i <= len; i++) {
			/* in order (the check's places), and now and then a byte
			 * before (another input's place) */
			size_t q = (k & 1) && rnd(&seed) % 4 == 0 ? rnd(&seed) % (len + 1) : i;
			int m, w;
			grpmemo = 1;
			m = ma_col_not_group(&with, sql, q);
			w = ma_col_not_group(&without, sql, q);
			if (m != w)
				fail_msg("%s at %zu (dialect %d): %d with the memo, %d without",
				         sql, q, dialect, m, w);
			searches++;
			yes += (unsigned)w;
		}
	}
	/* both answers, and a fifth of the searches or more answered from
	 * the memo */
	assert_true(yes > searches / 10);
	assert_true(yes < searches - searches / 10);
	print_message("%u searches, %u negated, %u answers taken\n", searches, yes,
	              grp_took - took0);
	assert_true(grp_took - took0 > searches / 5);
}

/* The check through the scan, with the memo and without: the same
 * verdict and rule, at every place of inputs that occur many times. */
static void the_check_answers_as_without_the_memo(void **state)
{
	static const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES};
	static const char *const inputs[] = {"id", "id <> id", "(id)", "price", "-id", "id OR 1"};
	uint64_t seed = 0x2545f4914f6cdd1dULL;
	char sql[4096], r1[64], r0[64];
	unsigned blocked = 0, took0 = grp_took;

	(void)state;
	for (int k = 0; k < 4000; k++) {
		const char *in = inputs[rnd(&seed) % (sizeof inputs / sizeof inputs[0])];
		const int dialect = dialects[k % 3];
		int v1, v0;
		gen(&seed, sql, sizeof sql);
		grpmemo = backfast = 1;
		v1 = check_sql_rule(dialect, sql, in, r1, sizeof r1);
		grpmemo = backfast = 0;
		v0 = check_sql_rule(dialect, sql, in, r0, sizeof r0);
		grpmemo = backfast = 1;
		if (v1 != v0 || strcmp(r1, r0) != 0)
			fail_msg("%s with %s (dialect %d): %d %s with the memo, %d %s without", sql,
			         in, dialect, v1, r1, v0, r0);
		blocked += v1 == MOAT_BLOCK;
	}
	assert_true(blocked > 100);
	print_message("%u blocked, %u answers taken\n", blocked, grp_took - took0);
	assert_true(grp_took - took0 > 200);
}

/* A group before many comparisons of the column with itself (id <> id:
 * no row; negated, every row), in several spellings and two dialects:
 * where NOT opens it, every place's negation is read (the group's answer
 * kept from the first) and the check blocks (sqli.column); where nothing
 * negates it, it passes -- up to the column pass's bound past the 64th
 * place (MA_SQL_COLPAST_MAX, sqlcost8): the 4 KB statement, ~170 such
 * places, then fails closed (sqli.too_complex), a shorter one passes. */
static void a_negated_group_fires_and_a_plain_one_passes(void **state)
{
	static const char *const heads[] = {"NOT (", "not/**/(",       "NOT\n-- why\n(",
	                                    "(",     "NOT x = 2 OR (", "knot = 1 AND ("};
	char sql[4096], rule[64];

	(void)state;
	for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
		for (int d = 0; d < 4; d++) {
			const int dialect = d % 2 ? MOAT_SQL_POSTGRES : MOAT_SQL_MYSQL;
			const size_t end = d < 2 ? sizeof sql : 1000; /* (~40 self-comparisons) */
			size_t o = (size_t)snprintf(sql, sizeof sql,
			                            "SELECT a FROM t WHERE x = 1 AND %s", heads[h]);
			while (o + 40 < end)
				o += (size_t)snprintf(sql + o, sizeof sql - o,
				                      "b = 2 AND id <> id AND ");
			snprintf(sql + o, sizeof sql - o, "c = 3)");
			const char *want = h < 3 ? "sqli.column" : d < 2 ? "sqli.too_complex" : "";
			if (check_sql_rule(dialect, sql, "id", rule, sizeof rule) !=
			        (*want ? MOAT_BLOCK : MOAT_ALLOW) ||
			    strcmp(rule, want) != 0)
				fail_msg("%s (dialect %d, %zu bytes): [%s]", heads[h], dialect, o,
				         rule);
		}
	}
}

/* ma_col_back_at (inline where it can answer) and ma_col_back_slow at
 * every byte of generated text of whitespace, comments, words, quotes
 * and operators: the same byte and the same *whole. */
static void every_byte_is_read_back_as_the_slow_reading_does(void **state)
{
	static const char *const bits[] = {
	    " ",   "  ",     "\t",   "\n", "\r\n", "\v",  "\f", "/*x*/", "/**/",   "*/",
	    "/",   "-- c\n", "#c\n", "--", "id",   "NOT", "(",  ")",     "'a'",    "\"q\"",
	    "`b`", "<>",     "=",    "1",  "/ ",   " /",  "*",  "x/",    "\n-- y", "#"};
	static const int dialects[] = {MOAT_SQL_MYSQL, MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES,
	                               MOAT_SQL_MYSQL_NBE};
	uint64_t seed = 0x6a09e667f3bcc908ULL;
	char sql[600];
	unsigned same = 0, reads = 0;

	(void)state;
	for (int k = 0; k < 4000; k++) {
		size_t o = 0;
		const int dialect = dialects[k % 4];
		const int parts = 1 + (int)(rnd(&seed) % 40);
		for (int j = 0; j < parts && o + 16 < sizeof sql; j++)
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s",
			                      bits[rnd(&seed) % (sizeof bits / sizeof bits[0])]);
		for (size_t p = 0; p <= o; p++) {
			struct ma_col_memo m1, m0;
			const struct ma_col_cx c1 = {dialect, k & 1 ? &m1 : NULL},
			                       c0 = {dialect, k & 1 ? &m0 : NULL};
			int w1 = -1, w0 = -1;
			size_t r1, r0;
			memset(&m1, 0, sizeof m1);
			memset(&m0, 0, sizeof m0);
			backfast = 1;
			r1 = ma_col_back_at(&c1, sql, p, &w1);
			r0 = ma_col_back_slow(&c0, sql, p, &w0);
			if (r1 != r0 || w1 != w0 || ma_col_back(&c1, sql, p) != r0)
				fail_msg("[%s] at %zu (dialect %d): %zu %d, not %zu %d", sql, p,
				         dialect, r1, w1, r0, w0);
			backfast = 0;
			same += ma_col_back_at(&c1, sql, p, NULL) == r0; /* (the switch off) */
			backfast = 1;
			reads++;
		}
	}
	assert_int_equal(same, reads);
	assert_true(reads > 50000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_group_search_answers_as_without_the_memo),
	    cmocka_unit_test(the_check_answers_as_without_the_memo),
	    cmocka_unit_test(a_negated_group_fires_and_a_plain_one_passes),
	    cmocka_unit_test(every_byte_is_read_back_as_the_slow_reading_does),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
