/* review26 (session 33) on main 5aa6f92: the lead's one-byte SQL inputs
 * (08b0370: '-', '*', '/' judged through ma_scan's .one table) stop at
 * max_occ (64) places, so an input `-` after 64 bytes '-' of the statement
 * is never looked at. The attacker writes those itself in another field
 * the application quotes correctly: a note of 70 words joined by '-', then
 * amount `-` makes `credit-` + `-` a comment that cuts the WHERE.
 * 17 UUIDs in an IN list (68 '-') before the place do the same without
 * the attacker. Run here (python3 sqlite3): UPDATE acct SET note =
 * '<70 words>', credit = credit-- WHERE owner = 'ana' rewrote every
 * owner's row. The control: the same with a short note blocks. And '*'
 * after 79 '*' in a quoted value ('2/' + '*' opening a comment) passes
 * too.
 */
#include "agent_test.h"

#include <stdio.h>

static int check(const char *note, const char *amount, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/pay"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "note", note, strlen(note)), 0);
	assert_int_equal(
	    moat_request_add_input(r, MOAT_INPUT_FORM, "amount", amount, strlen(amount)), 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static void a_one_byte_input_after_many_of_its_byte_is_judged(void **state)
{
	char note[512], sql[1024];
	size_t n = 0;
	int bad = 0;

	(void)state;
	for (int i = 0; i < 70; i++)
		n += (size_t)snprintf(note + n, sizeof note - n, "%sab", i ? "-" : "");
	/* the control: a short note */
	snprintf(sql, sizeof sql,
	         "UPDATE acct SET note = '%s', credit = credit-- WHERE owner = 'ana'", "ab-cd");
	assert_int_equal(check("ab-cd", "-", sql), MOAT_BLOCK);
	snprintf(sql, sizeof sql,
	         "UPDATE acct SET note = '%s', credit = credit-- WHERE owner = 'ana'", note);
	if (check(note, "-", sql) != MOAT_BLOCK) {
		print_message("allowed: '-' after a note of 69 '-'\n");
		bad++;
	}
	n = 0;
	for (int i = 0; i < 80; i++)
		n += (size_t)snprintf(note + n, sizeof note - n, "%sab", i ? "*" : "");
	snprintf(sql, sizeof sql,
	         "SELECT id FROM acct WHERE note = '%s' AND credit > 2/* AND owner = 'ana'", note);
	if (check(note, "*", sql) != MOAT_BLOCK) {
		print_message("allowed: '*' after a note of 79 '*'\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void app_written_dashes_before_the_place(void **state)
{
	char sql[2048];
	size_t n;
	int bad = 0;

	(void)state;
	n = (size_t)snprintf(sql, sizeof sql, "UPDATE acct SET flag = 1 WHERE id IN (");
	for (int i = 0; i < 17; i++)
		n += (size_t)snprintf(sql + n, sizeof sql - n,
		                      "%s'6f1c2a%02d-7d3e-4b1a-9c2d-0e5f6a7b8c9d'", i ? ", " : "",
		                      i);
	snprintf(sql + n, sizeof sql - n,
	         "); UPDATE acct SET credit = credit-- WHERE owner = 'ana'");
	if (check("paid", "-", sql) != MOAT_BLOCK) {
		print_message("allowed: '-' after 17 UUIDs\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_input_after_many_of_its_byte_is_judged),
	    cmocka_unit_test(app_written_dashes_before_the_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
