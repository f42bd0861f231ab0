/* A source address handed over as a list (ma_ip_each).
 * review25 (session 33), round h on main 20a87f3 (lower; depends on the
 * integration): source_ip. 1789e81 reads RFC 7239's `for=` and quotes,
 * but a Forwarded element carries more pairs than for= -- the header's
 * value is `for=203.0.113.7;proto=https;by=10.0.0.2` -- and an
 * X-Forwarded-For header handed over as it came is a list, the client's
 * claim first and each proxy's hop after it: "198.51.100.1, 203.0.113.7"
 * (a denied client whose proxy appended its real address after a value
 * the client sent). Each is "no address" (unknown): a denied client
 * (203.0.113.0/24) begins with MOAT_ALLOW, and the client picks the
 * garbage that makes it so ("unknown, 203.0.113.7"). Denied when any
 * element read as an address is denied would fail closed; the twins (a
 * list of allowed addresses) stay allowed.
 */
#include "agent_test.h"

static int begin(const char *ip)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"203.0.113.0/"
	    "24\"}]}}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/", .source_ip = ip};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	v = moat_request_begin(NULL, &ri, &r);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void a_denied_client_in_a_forwarded_list_is_denied(void **state)
{
	static const char *const forms[] = {
	    "for=203.0.113.7;proto=https;by=10.0.0.2", "proto=https;for=\"203.0.113.7:51234\"",
	    "198.51.100.1, 203.0.113.7", "unknown, 203.0.113.7", "203.0.113.7, 10.0.0.1"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (begin(forms[i]) != MOAT_BLOCK) {
			print_message("allowed: %s\n", forms[i]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void an_allowed_list_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(begin("198.51.100.1, 10.0.0.1"), MOAT_ALLOW);
	assert_int_equal(begin("for=198.51.100.1;proto=https"), MOAT_ALLOW);
}

/* An exclusion for trusted sources (the office's 10.0.0.0/8 scanner)
 * matches a list only when every address of it is inside: a client that
 * writes a trusted address before its own is judged. */
static int sql_with_source(const char *ip)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},\"exclusions\":[{"
	    "\"interceptor\":\"sql_injection\",\"endpoint\":\"*\",\"source\":\"10.0.0.0/8\","
	    "\"on_match\":\"ignore\"}]}",
	    1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/q", .source_ip = ip};
	struct moat_request *r = NULL;
	const char *in = "1 OR 1=1";
	const char *sql = "SELECT * FROM t WHERE id = 1 OR 1=1";
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "id", in, strlen(in)), 0);
	v = moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql));
	moat_request_end(r);
	return v;
}

static void a_trusted_source_exclusion_needs_every_address(void **state)
{
	(void)state;
	assert_int_equal(sql_with_source("10.1.2.3"), MOAT_ALLOW);
	assert_int_equal(sql_with_source("10.1.2.3, 10.0.0.9"), MOAT_ALLOW);
	assert_int_equal(sql_with_source("for=10.1.2.3;proto=https, for=\"10.0.0.9:443\""),
	                 MOAT_ALLOW);
	assert_int_equal(sql_with_source("10.1.2.3, 198.51.100.20"), MOAT_BLOCK);
	assert_int_equal(sql_with_source("for=10.1.2.3, for=198.51.100.20"), MOAT_BLOCK);
	assert_int_equal(sql_with_source("10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5"),
	                 MOAT_BLOCK); /* past four addresses: not matched */
	assert_int_equal(sql_with_source("garbage, more garbage"), MOAT_BLOCK);
	assert_int_equal(sql_with_source("10.0.0.1, for=unknown"), MOAT_BLOCK);
	assert_int_equal(sql_with_source("for=\"_hidden\", 10.0.0.1"), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_trusted_source_exclusion_needs_every_address),
	    cmocka_unit_test(a_denied_client_in_a_forwarded_list_is_denied),
	    cmocka_unit_test(an_allowed_list_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
