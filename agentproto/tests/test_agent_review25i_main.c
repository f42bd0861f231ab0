/* review25 (session 33), round i on main 08b0370 (the lead's fix of
 * review25d's sql half: one-byte '-', '*', '/' judged, "one-byte forms
 * stop at max_occ places"). A one-byte form is a byte the application's
 * own text holds too, and the scan stops at its 64th place: the place
 * the input is at is never judged when the statement holds 64 of the
 * byte before it. Sixteen UUIDs in an IN list (an ORM's `id IN (...)` of
 * a cart's or a page's ids -- the attacker sends them, or the application
 * writes them) hold 64 '-': then `... total < credit-` + `-` + ` AND
 * user_id = 5` is allowed again (with 12 UUIDs before it: blocked). The
 * same bound holds for '/' and '*' (dates written 2024/01/31, paths; not
 * tested here). Twins: the same
 * statements with a digit as the input stay allowed.
 */
#include "agent_test.h"

static int check(int uuids, const char *input, const char *tail)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/orders"};
	struct moat_request *r = NULL;
	char sql[4096];
	size_t o = 0;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "d", input, strlen(input)), 0);
	o += (size_t)snprintf(sql + o, sizeof sql - o, "SELECT * FROM orders WHERE id IN (0");
	for (int k = 0; k < uuids; k++)
		o += (size_t)snprintf(sql + o, sizeof sql - o,
		                      ", '%08d-4b1c-4f2e-9a3d-5c6e7f8a9b0c'", k);
	o += (size_t)snprintf(sql + o, sizeof sql - o, ") OR total < credit-%s%s", input, tail);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, o);
	moat_request_end(r);
	return v;
}

static void a_one_byte_comment_after_many_of_its_byte_fires(void **state)
{
	int bad = 0;

	(void)state;
	assert_int_equal(check(12, "-", " AND user_id = 5"), MOAT_BLOCK); /* (before 64) */
	for (int n = 16; n <= 24; n += 4)
		if (check(n, "-", " AND user_id = 5") != MOAT_BLOCK) {
			print_message("allowed after %d uuids (%d dashes)\n", n, 4 * n);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_digit_after_many_dashes_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(20, "5", " AND user_id = 5"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_one_byte_comment_after_many_of_its_byte_fires),
	    cmocka_unit_test(a_digit_after_many_dashes_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
