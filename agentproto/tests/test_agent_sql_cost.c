/* libmoatagent: the sql_injection check's bound on the windows it judges
 * per check (sqlcost, session 24). An input that spans tokens is judged
 * in a window of its tokens at every place it occurs (up to 64 per form);
 * windows of names and keywords are not shared between places, so a 1 KB
 * input of them repeated at 64 places of a 4 KB statement was ~6.8 M
 * instructions. Past MA_SQL_JUDGE_MAX such tokens judged in one check,
 * a further place with a window to judge (or a later window that passes
 * it while judged) fails closed: sqli.too_complex
 * (a block). The first place's window is always judged whole; inputs
 * inside one token (a string, a number, one name) and windows of
 * literals and punctuation only (an ORM's IN list) never count. */
#include "agent_sql_test.h"

#include <stdio.h>
#include <string.h>

#define SQLITE MOAT_SQL_SQLITE
#define PG     MOAT_SQL_POSTGRES
#define MYSQL  MOAT_SQL_MYSQL

static const int dialects[] = {SQLITE, PG, MYSQL};

/* unit repeated to n bytes into dst (n < cap) */
static void fill(char *dst, size_t cap, const char *unit, size_t n)
{
	size_t u = strlen(unit);

	assert_true(n < cap);
	for (size_t i = 0; i < n; i++)
		dst[i] = unit[i % u];
	dst[n] = '\0';
}

/* head, then unit while the statement stays under max bytes, then tail */
static void repeat(char *sql, size_t max, const char *head, const char *unit, const char *tail)
{
	size_t o = (size_t)snprintf(sql, max, "%s", head), u = strlen(unit);

	while (o + u + strlen(tail) + 1 < max) {
		memcpy(sql + o, unit, u);
		o += u;
	}
	snprintf(sql + o, max - o, "%s", tail);
}

/* sqlworst's rep-input: a 1 KB input of `) = id OR ` that occurs at 64
 * places of a 4 KB statement made of it. No place alone fires (the
 * statement closes parentheses it never opened); judging them all was
 * the cost: the check fails closed. */
static void a_long_input_of_words_at_many_places_fails_closed(void **state)
{
	static const char *const units[] = {") = id OR ", "a */ id OR ", "x AND y OR ",
	                                    "name, price, "};
	static char sql[4097], input[1025];
	char rule[64];

	(void)state;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		for (size_t d = 0; d < 3; d++) {
			repeat(sql, sizeof sql, "SELECT id, name FROM products WHERE ", units[u],
			       "1");
			fill(input, sizeof input, units[u], 1024);
			assert_int_equal(check_sql_rule(dialects[d], sql, input, rule, sizeof rule),
			                 MOAT_BLOCK);
			if (strcmp(rule, "sqli.too_complex") != 0)
				fail_msg("unit [%s] dialect %d: rule %s", units[u], dialects[d],
				         rule);
		}
}

/* The same input at one place, and a shorter one at 64 places, are
 * judged as before the cap: the cap is about repetition of long windows. */
static void one_place_or_short_windows_are_judged_as_before(void **state)
{
	static char sql[8192], input[1025];
	char rule[64];

	(void)state;
	fill(input, sizeof input, ") = id OR ", 1024);
	for (size_t d = 0; d < 3; d++) {
		snprintf(sql, sizeof sql, "SELECT id, name FROM products WHERE %s1", input);
		assert_int_equal(check_sql_rule(dialects[d], sql, input, rule, sizeof rule),
		                 MOAT_ALLOW);
		assert_int_equal(each_place_alone(dialects[d], sql, input), MOAT_ALLOW);
	}
	/* two words at 64 places: 128 names judged */
	for (size_t d = 0; d < 3; d++) {
		repeat(sql, 4097, "SELECT id FROM t WHERE ", "name = lower(x) OR ", "0");
		assert_int_equal(check_sql_rule(dialects[d], sql, "lower(x)", rule, sizeof rule),
		                 MOAT_ALLOW);
	}
}

/* An ORM's IN (...) list with the request's input at every place: one
 * token ("1", 'abc'), or literals and punctuation only ("-1", "1, 2"):
 * no name or keyword is judged, the cap never counts them. */
static void orm_in_lists_with_a_repeated_input_pass(void **state)
{
	static const char *const inputs[] = {"1", "-1", "1, 2", "42.5", "abc", "0x1F", "-1.5e3"};
	static char sql[8192];
	char rule[64];

	(void)state;
	for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++)
		for (size_t d = 0; d < 3; d++) {
			size_t o = (size_t)snprintf(sql, sizeof sql,
			                            "SELECT * FROM orders WHERE customer_id IN (");
			int quote = strcmp(inputs[k], "abc") == 0;
			for (int i = 0; i < 200; i++)
				o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s%s%s",
				                      i ? ", " : "", quote ? "'" : "", inputs[k],
				                      quote ? "'" : "");
			snprintf(sql + o, sizeof sql - o, ") AND status = 'open' ORDER BY id");
			if (check_sql_rule(dialects[d], sql, inputs[k], rule, sizeof rule) !=
			    MOAT_ALLOW)
				fail_msg("input [%s] dialect %d: %s", inputs[k], dialects[d], rule);
		}
}

/* An attack at its first place keeps its own rule (the cap is looked at
 * only before a later window); a tautology after 1 KB of `) = id OR `,
 * repeated, blocks (main allowed it: the statement closes parentheses it
 * never opened, so no place alone fires; now the cap fails closed). */
static void attacks_still_block(void **state)
{
	static char sql[8192], input[1100];
	char rule[64];

	(void)state;
	for (size_t d = 0; d < 3; d++) {
		assert_int_equal(check_sql_rule(dialects[d],
		                                "SELECT * FROM t WHERE id = 1 OR 1=1 -- x",
		                                "1 OR 1=1 --", rule, sizeof rule),
		                 MOAT_BLOCK);
		assert_string_not_equal(rule, "sqli.too_complex");
		/* the 1 KB of `) = id OR ` then a tautology, at many places */
		fill(input, sizeof input, ") = id OR ", 1000);
		memcpy(input + 1000, "1 = 1 OR ", sizeof "1 = 1 OR ");
		repeat(sql, 4097, "SELECT id FROM products WHERE ", input, "1");
		assert_int_equal(check_sql_rule(dialects[d], sql, input, rule, sizeof rule),
		                 MOAT_BLOCK);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_long_input_of_words_at_many_places_fails_closed),
	    cmocka_unit_test(one_place_or_short_windows_are_judged_as_before),
	    cmocka_unit_test(orm_in_lists_with_a_repeated_input_pass),
	    cmocka_unit_test(attacks_still_block),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
