/* review24 (session 32), round m on main fb8d351: policy. An exclusion's
 * endpoint glob is matched on the endpoint as given, with its dot
 * segments, ";" parameters and percent-escapes: an exclusion that turns
 * the checks off for "/public/(star)" also matches "/public/../admin/users",
 * "/public/..;/admin/users" (Tomcat/Spring drop ";..." and route it to
 * /admin/users while getRequestURI() keeps it raw), "/public/%2e%2e/admin/
 * users", "/public/./../admin/users" -- moat_policy_decide answers
 * MOAT_MODE_OFF for requests the application serves from /admin/users
 * (the bare "/admin/users": MOAT_MODE_BLOCK). The client writes these
 * paths (curl --path-as-is); the library could match the glob on the path
 * with dot segments resolved and ";" parameters dropped, or refuse an
 * exclusion's match on a path holding a dot segment.
 */
#include "agent_test.h"

static void an_endpoint_glob_is_matched_on_the_resolved_path(void **state)
{
	static const char *const eps[] = {
	    "/public/../admin/users",   "/public/..;/admin/users", "/public/%2e%2e/admin/users",
	    "/public/./../admin/users", "/public//../admin/users",
	};
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},\"exclusions\":[{"
	    "\"interceptor\":\"sql_injection\",\"endpoint\":\"/public/"
	    "*\",\"on_match\":\"ignore\"}]}",
	    1, NULL, 0);
	int bad = 0;

	(void)state;
	assert_non_null(p);
	assert_int_equal(
	    moat_policy_decide(p, "sql_injection", "/public/search", "query.q", NULL, 0),
	    MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/admin/users", "query.q", NULL, 0),
	                 MOAT_MODE_BLOCK);
	for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++)
		if (moat_policy_decide(p, "sql_injection", eps[i], "query.q", NULL, 0) !=
		    MOAT_MODE_BLOCK) {
			print_message("excluded: %s\n", eps[i]);
			bad++;
		}
	moat_policy_release(p);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_endpoint_glob_is_matched_on_the_resolved_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
