/* review23 (session 31) on main ae71601: moat_request_add_json added at
 * most 1,000 values and dropped the rest silently (returned 0): a 2 KB
 * body whose first field is an array of 1,000 zeros made every later
 * field no input, and SQL, NoSQL (and every other check) allowed its
 * injections. Now every value is an input. The reviewer's test. */
#include "agent_test.h"

/* 6. a JSON body past moat_request_add_json's 1,000 values */

/* body = {"pad":[0,0,... n zeros (then "," when lenient)], tail} */
static size_t padded(char *body, size_t cap, int n, int lenient, const char *tail)
{
	size_t o = (size_t)snprintf(body, cap, "{\"pad\":[");

	for (int i = 0; i < n; i++)
		o += (size_t)snprintf(body + o, cap - o, "%s0", i ? "," : "");
	o += (size_t)snprintf(body + o, cap - o, "%s],%s}", lenient ? "," : "", tail);
	assert_true(o < cap);
	return o;
}

static int after_padding(int n, int lenient, const char *tail, int sql, const char *op)
{
	static char body[16384];
	size_t bl = padded(body, sizeof body, n, lenient, tail);
	struct moat_request *r = NULL;
	int v;
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x"};
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"},"
	                      "\"nosql_injection\":{\"mode\":\"block\"}}}",
	                      1, NULL, 0);

	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	(void)moat_request_add_json(r, body, bl);
	v = sql ? moat_check_sql(r, MOAT_SQL_SQLITE, op, strlen(op))
	        : moat_check_nosql(r, op, strlen(op));
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void a_field_after_a_thousand_padding_values_is_judged(void **state)
{
	const char *sqltail = "\"q\":\"x' OR 1=1-- \"";
	const char *sql = "SELECT * FROM items WHERE name='x' OR 1=1-- '";
	const char *notail = "\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}";
	const char *doc = "{\"user\":\"admin\",\"pass\":{\"$ne\":\"\"}}";

	(void)state;
	/* 10 padding values: blocked on ae71601 */
	assert_int_equal(after_padding(10, 0, sqltail, 1, sql), MOAT_BLOCK);
	assert_int_equal(after_padding(10, 0, notail, 0, doc), MOAT_BLOCK);
	/* a 2 KB body, 1,000 zeros in one array first: every later field is
	 * no input (ae71601: allowed, add_json returns 0) */
	assert_int_equal(after_padding(1000, 0, sqltail, 1, sql), MOAT_BLOCK);
	assert_int_equal(after_padding(1000, 0, notail, 0, doc), MOAT_BLOCK);
	assert_int_equal(after_padding(3000, 0, sqltail, 1, sql), MOAT_BLOCK);
	/* the lenient reading (a trailing comma: not strict JSON) has the
	 * same budget (ae71601: allowed) */
	assert_int_equal(after_padding(1000, 1, sqltail, 1, sql), MOAT_BLOCK);
	/* twin: a harmless field after the padding (allowed on ae71601) */
	assert_int_equal(after_padding(1000, 0, "\"q\":\"red shoes\"", 1,
	                               "SELECT * FROM items WHERE name='red shoes'"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_field_after_a_thousand_padding_values_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
