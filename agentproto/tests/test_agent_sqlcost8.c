/* libmoatagent: the sql_injection check's bound on the column pass past
 * an input's 64th place (sqlcost8, session 30). Since bound64 a one-word
 * input is judged at every place where it may be the column compared
 * there (ma_sql_col_plain: the word again after the operator, x <> x);
 * each such place costs a column judgement (~3.5 K instructions), so a
 * 4 KB statement of `id <> id OR ` with the input "id" was ~1.3 M
 * instructions (sqlworst's col-not-group, p99 126 us). Past the 64th
 * place, more than MA_SQL_COLPAST_MAX such places fail closed
 * (sqli.too_complex), as the window bound does; a word that is not
 * compared with itself there costs nothing more and never counts. */
#include "agent_sql_test.h"

#include <stdio.h>
#include <string.h>

static const int dialects[] = {MOAT_SQL_SQLITE, MOAT_SQL_POSTGRES, MOAT_SQL_MYSQL};

/* unit with each '#' written as the number i, at sql + o (max bytes) */
static size_t put(char *sql, size_t o, size_t max, const char *unit, int i)
{
	for (const char *p = unit; *p; p++) {
		int w = *p == '#' ? snprintf(sql + o, max - o, "%d", i)
		                  : snprintf(sql + o, max - o, "%c", *p);
		assert_true(w > 0 && (size_t)w < max - o);
		o += (size_t)w;
	}
	return o;
}

/* head, then unit count times, then tail */
static void build(char *sql, size_t max, const char *head, const char *unit, int count,
                  const char *tail)
{
	size_t o = put(sql, 0, max, head, 0);

	for (int i = 0; i < count; i++)
		o = put(sql, o, max, unit, i);
	put(sql, o, max, tail, 0);
}

/* The same word compared with itself at hundreds of places (no place
 * fires alone: a contradiction, or a group that is not negated): judging
 * them all was the cost; the check fails closed. */
static void a_word_compared_with_itself_at_many_places_fails_closed(void **state)
{
	static const struct {
		const char *head, *unit, *input;
	} c[] = {
	    {"SELECT * FROM t WHERE (", "id <> id OR ", "id"},
	    {"DELETE FROM stock WHERE (", "qty < qty OR ", "qty"},
	    {"select 1 from Kunden where (", "Name != Name and ", "Name"},
	};
	static char sql[8192];
	char rule[64];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t d = 0; d < 3; d++) {
			build(sql, 4097, c[k].head, c[k].unit, 200, "0)");
			assert_int_equal(
			    check_sql_rule(dialects[d], sql, c[k].input, rule, sizeof rule),
			    MOAT_BLOCK);
			if (strcmp(rule, "sqli.too_complex") != 0)
				fail_msg("[%s] dialect %d: rule %s", c[k].unit, dialects[d], rule);
		}
}

/* Under the bound, the same statement is judged as before: 64 places and
 * a few more are allowed. */
static void a_few_self_comparisons_are_judged_as_before(void **state)
{
	static char sql[8192];

	(void)state;
	for (size_t d = 0; d < 3; d++) {
		build(sql, sizeof sql, "SELECT * FROM t WHERE (", "id <> id OR ", 40, "0)");
		assert_int_equal(check_sql_text(dialects[d], sql, "id"), MOAT_ALLOW);
	}
}

/* Benign twins: a word input at hundreds of places where it is not the
 * column compared with itself -- a column list, the left of each
 * comparison, a join's two sides of different tables, a value in quotes
 * -- stays allowed; so do bound64's -42 in an IN list and the date of a
 * bulk insert (test_agent_bound64.c). */
static void a_word_at_hundreds_of_other_places_stays_allowed(void **state)
{
	static const struct {
		const char *head, *unit, *tail, *input;
	} c[] = {
	    {"SELECT ", "name AS n#, ", "1 FROM users", "name"},
	    {"SELECT * FROM t WHERE ", "id = # OR ", "FALSE", "id"},
	    {"SELECT * FROM t0", " JOIN t# ON t#.id = t0.ref", "", "id"},
	    {"SELECT * FROM t WHERE ", "status = 'open' OR ", "FALSE", "open"},
	    {"UPDATE t SET ", "price = price + #, ", "n = 1", "price"},
	};
	static char sql[32768];

	(void)state;
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
		for (size_t d = 0; d < 3; d++) {
			build(sql, sizeof sql, c[k].head, c[k].unit, 300, c[k].tail);
			if (check_sql_text(dialects[d], sql, c[k].input) != MOAT_ALLOW)
				fail_msg("[%s] dialect %d: blocked", c[k].unit, dialects[d]);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_word_compared_with_itself_at_many_places_fails_closed),
	    cmocka_unit_test(a_few_self_comparisons_are_judged_as_before),
	    cmocka_unit_test(a_word_at_hundreds_of_other_places_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
