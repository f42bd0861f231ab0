/* review26 (session 33) on main 5aa6f92: misc10's opening of the text
 * inside an input.
 *
 * 1. The JSON opening asks for strict JSON as jansson reads it, but the
 *    application's own parser is JSON.parse or Python's json.loads, both
 *    more lenient: a number past a double (1e999, Infinity to both), an
 *    integer past 64 bits (18446744073709551616: a bignum in Python, a
 *    double in JavaScript), a lone surrogate escape ("\ud800": both
 *    accept it) and, for Python, NaN / Infinity. One such member anywhere
 *    in the object and jansson rejects the whole text: the value is not
 *    opened and the member that reaches the SQL is never an input. Run
 *    here: json.loads and JSON.parse both return the name member of each
 *    of the four texts below.
 * 2. The query-string opening asks for name=value pairs joined by '&';
 *    every parser an application uses (URLSearchParams, parse_qs,
 *    PHP's parse_str, Rack) also takes an empty pair ("a=1&&b=2", a
 *    trailing '&'), a name without '=' ("page&name=...") and a name of
 *    any bytes ("utm:src=", "a+b=": parse_qs reads both). A trailing
 *    '&' or one such pair is enough to keep the value closed. Run here: parse_qs and
 *    URLSearchParams return name = "x' OR 1=1-- " for each.
 * Twins: the same texts in strict form block (already on main); a value
 * that is no JSON and no query string stays allowed.
 */
#include "agent_test.h"

static int check(int kind, const char *name, const char *value, const char *sql)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/reports"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, kind, name, value, strlen(value)), 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static const char *const sql =
    "SELECT id, title FROM reports WHERE owner = 'ana' AND tag = 'q' OR 'z'='z' -- '";

static void json_that_javascript_and_python_read_is_opened(void **state)
{
	static const char *const texts[] = {
	    "{\"limit\":1e999,\"tag\":\"q' OR 'z'='z' -- \"}",
	    "{\"after\":18446744073709551616,\"tag\":\"q' OR 'z'='z' -- \"}",
	    "{\"note\":\"\\ud800\",\"tag\":\"q' OR 'z'='z' -- \"}",
	    "{\"ratio\":NaN,\"tag\":\"q' OR 'z'='z' -- \"}",
	    "[{\"tag\":\"q' OR 'z'='z' -- \"},{\"max\":Infinity}]",
	};
	int bad = 0;

	(void)state;
	/* the control: strict JSON is opened */
	assert_int_equal(
	    check(MOAT_INPUT_QUERY, "filter", "{\"limit\":10,\"tag\":\"q' OR 'z'='z' -- \"}", sql),
	    MOAT_BLOCK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (check(MOAT_INPUT_QUERY, "filter", texts[i], sql) != MOAT_BLOCK) {
			print_message("not opened: %s\n", texts[i]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_query_string_with_an_empty_pair_is_opened(void **state)
{
	static const char *const texts[] = {
	    "tag=q' OR 'z'='z' -- &",
	    "sort=asc&&tag=q' OR 'z'='z' -- ",
	    "verbose&tag=q%27%20OR%20%27z%27%3D%27z%27%20--%20",
	    "&tag=q'+OR+'z'='z'+--+&page=3",
	    "utm:src=mail&tag=q' OR 'z'='z' -- ",
	    "a+b=1&tag=q' OR 'z'='z' -- ",
	};
	int bad = 0;

	(void)state;
	assert_int_equal(check(MOAT_INPUT_QUERY, "state", "tag=q' OR 'z'='z' -- &page=3", sql),
	                 MOAT_BLOCK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (check(MOAT_INPUT_QUERY, "state", texts[i], sql) != MOAT_BLOCK) {
			print_message("not opened: %s\n", texts[i]);
			bad++;
		}
	/* twins: texts of the same shape that are no injection */
	assert_int_equal(check(MOAT_INPUT_QUERY, "state", "tag=quarterly&&page=3",
	                       "SELECT id FROM reports WHERE tag = 'quarterly' LIMIT 3"),
	                 MOAT_ALLOW);
	assert_int_equal(check(MOAT_INPUT_QUERY, "filter", "{\"limit\":1e999,\"tag\":\"O'Hara\"}",
	                       "SELECT id FROM reports WHERE tag = 'O''Hara'"),
	                 MOAT_ALLOW);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(json_that_javascript_and_python_read_is_opened),
	    cmocka_unit_test(a_query_string_with_an_empty_pair_is_opened),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
