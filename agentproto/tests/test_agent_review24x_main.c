/* review24 (session 32), round x on main 0281991: b2126c3 makes a JSON
 * body's member names inputs (review24-main's names test passes, strict
 * and lenient bodies, 40 levels deep too). A query or form parameter's
 * name is still only a label: PHP, Rails and qs read `sort[COLUMN]=asc`
 * as a map whose key the application pastes (ORDER BY COLUMN) --
 * moat_request_add_input(QUERY, "sort[name; DROP TABLE users; --]",
 * "asc") and SQL `... ORDER BY name; DROP TABLE users; -- asc` is
 * allowed; `filter[role='admin' OR 1=1 --]=1` the same. Twin: an
 * ordinary bracketed name (sort[created_at]) stays allowed.
 */
#include "agent_test.h"

static int check(const char *name, const char *value, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/users"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, name, value, strlen(value)),
	                 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static void a_bracketed_parameter_name_the_application_uses_is_judged(void **state)
{
	int bad = 0;

	(void)state;
	if (check("sort[name; DROP TABLE users; --]", "asc",
	          "SELECT * FROM users ORDER BY name; DROP TABLE users; -- asc") != MOAT_BLOCK) {
		print_message("allowed: sort[name; DROP TABLE users; --]=asc\n");
		bad++;
	}
	if (check("filter[role='admin' OR 1=1 --]", "1",
	          "SELECT * FROM users WHERE role='admin' OR 1=1 -- = 1") != MOAT_BLOCK) {
		print_message("allowed: filter[role='admin' OR 1=1 --]=1\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void an_ordinary_bracketed_name_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(
	    check("sort[created_at]", "desc", "SELECT * FROM users ORDER BY created_at desc"),
	    MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_bracketed_parameter_name_the_application_uses_is_judged),
	    cmocka_unit_test(an_ordinary_bracketed_name_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
