/* review24 (session 32), round g on main fb8d351: the source address in
 * the forms proxies and frameworks hand over. The library parses
 * source_ip with inet_pton only, and fails open on anything else:
 *
 * 1. The denylist does not apply: a denied client whose address comes as
 *    "203.0.113.7:51234" (Azure App Service's X-Forwarded-For carries the
 *    port), " 203.0.113.7" (the last hop of "a, b" split at ','),
 *    "[2001:db8::1]" or "[2001:db8::1]:443" (a bracketed IPv6 peer, Go's
 *    RemoteAddr), "2001:db8::1%eth0" (a zone) begins its request with
 *    MOAT_ALLOW (the bare address: MOAT_BLOCK).
 * 2. Every event of such a request is lost: moat_agent_report refuses it
 *    ("source_ip must be an IPv4 or IPv6 address", stats.invalid), so a
 *    blocked injection from that client never reaches the server.
 * Either normalise the common forms (spaces, a port, brackets, a zone) or
 * drop the field from the event and fail closed on the denylist.
 */
#include "agent_test.h"

static const char *const forms[] = {
    "203.0.113.7:51234", " 203.0.113.7",      "203.0.113.7 ",
    "[2001:db8::1]",     "[2001:db8::1]:443", "2001:db8::1%eth0",
};

static void quiet(int level, const char *msg, void *arg)
{
	(void)level;
	(void)msg;
	(void)arg;
}

static int begin_from(struct moat_agent *a, const char *ip, struct moat_request **r)
{
	static const struct moat_policy *p;
	struct moat_request_info ri = {.method = "GET", .endpoint = "/search"};

	if (!p)
		p = moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},"
		                      "\"denylist\":{\"ips\":[{\"value\":\"203.0.113.0/24\"},"
		                      "{\"value\":\"2001:db8::/32\"}],\"users\":[]}}",
		                      1, NULL, 0);
	assert_non_null(p);
	ri.policy = p;
	ri.source_ip = ip;
	return moat_request_begin(a, &ri, r);
}

static void a_denied_client_in_a_proxys_form_is_denied(void **state)
{
	int bad = 0;

	(void)state;
	{
		struct moat_request *r = NULL;
		assert_int_equal(begin_from(NULL, "203.0.113.7", &r), MOAT_BLOCK);
		moat_request_end(r);
	}
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct moat_request *r = NULL;
		if (begin_from(NULL, forms[i], &r) != MOAT_BLOCK) {
			print_message("not denied: \"%s\"\n", forms[i]);
			bad++;
		}
		moat_request_end(r);
	}
	assert_int_equal(bad, 0);
}

static void the_event_of_a_request_from_such_a_client_is_queued(void **state)
{
	struct moat_agent_config cfg;
	struct moat_agent *a;
	int bad = 0;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.url = "ws://127.0.0.1:1/v1/agent";
	cfg.token = "moat_agt_test";
	cfg.environment = "production";
	cfg.agent_id = "review24g";
	cfg.log_fn = quiet;
	cfg.stop_timeout_ms = 100;
	a = moat_agent_new(&cfg, NULL, 0);
	assert_non_null(a);
	for (size_t i = 0; i <= sizeof forms / sizeof forms[0]; i++) {
		/* the last round: the bare address, whose event is queued */
		const char *ip = i < sizeof forms / sizeof forms[0] ? forms[i] : "203.0.113.7";
		struct moat_request *r = NULL;
		struct moat_agent_stats before, after;
		const char *q = "x' OR 1=1-- ";
		const char *sql = "SELECT * FROM users WHERE name = 'x' OR 1=1-- '";
		(void)begin_from(a, ip, &r); /* (a denied one is checked all the same) */
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", q, strlen(q)), 0);
		moat_agent_stats(a, &before);
		assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
		moat_agent_stats(a, &after);
		if (after.invalid != before.invalid || after.queued != before.queued + 1) {
			print_message("event refused for source \"%s\"\n", ip);
			bad++;
		}
		moat_request_end(r);
	}
	moat_agent_free(a);
	assert_int_equal(bad, 0);
}

/* The lead's: what is no address in any form is unknown -- the request
 * begins (no denylist matches), its event is queued without the field --
 * and the forms are read by moat_policy_ip_denied and CIDR exclusions. */
static void what_is_no_address_is_unknown(void **state)
{
	static const char *const junk[] = {"unknown", "[2001:db8::1", "203.0.113.7:http", "", "  "};
	/* "203.0.113.7, 10.0.0.1" was junk here; a list is read since
	 * review25h (test_agent_source_list.c) */
	const struct moat_policy *p;

	(void)state;
	for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
		struct moat_request *r = NULL;
		assert_int_equal(begin_from(NULL, junk[i], &r), MOAT_ALLOW);
		moat_request_end(r);
	}
	p = moat_policy_parse("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\"}},"
	                      "\"denylist\":{\"ips\":[{\"value\":\"2001:db8::/32\"}],"
	                      "\"users\":[]},\"exclusions\":[{\"interceptor\":\"sql_injection\","
	                      "\"source\":\"198.51.100.0/24\"}]}",
	                      1, NULL, 0);
	assert_non_null(p);
	assert_int_equal(moat_policy_ip_denied(p, "[2001:db8::5]:8443", 0), 1);
	assert_int_equal(moat_policy_ip_denied(p, "[2001:db9::5]:8443", 0), 0);
	assert_int_equal(
	    moat_policy_decide(p, "sql_injection", "/x", "q", " 198.51.100.9:4431 ", 0),
	    MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/x", "q", "198.51.101.9:4431", 0),
	                 MOAT_MODE_BLOCK);
	moat_policy_release(p);
}

static void an_event_with_a_long_parameter_name_is_queued(void **state)
{
	static char name[5001];
	struct moat_agent_config cfg;
	struct moat_agent *a;
	const size_t lens[] = {100, 5000};
	int bad = 0;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	cfg.url = "ws://127.0.0.1:1/v1/agent";
	cfg.token = "moat_agt_test";
	cfg.environment = "production";
	cfg.agent_id = "review24g";
	cfg.log_fn = quiet;
	cfg.stop_timeout_ms = 100;
	a = moat_agent_new(&cfg, NULL, 0);
	assert_non_null(a);
	for (size_t i = 0; i < 2; i++) {
		struct moat_request *r = NULL;
		struct moat_agent_stats before, after;
		const char *v = "x'); DROP TABLE access_log; --";
		char sql[256];
		memset(name, 'x', lens[i]);
		name[lens[i]] = '\0';
		(void)begin_from(a, "198.51.100.4", &r);
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_HEADER, name, v, strlen(v)),
		                 0);
		snprintf(sql, sizeof sql, "INSERT INTO access_log(h) VALUES ('%s')", v);
		moat_agent_stats(a, &before);
		assert_int_equal(moat_check_sql(r, MOAT_SQL_SQLITE, sql, strlen(sql)), MOAT_BLOCK);
		moat_agent_stats(a, &after);
		if (after.invalid != before.invalid || after.queued != before.queued + 1) {
			print_message("event refused for a header name of %zu bytes\n", lens[i]);
			bad++;
		}
		moat_request_end(r);
	}
	moat_agent_free(a);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_denied_client_in_a_proxys_form_is_denied),
	    cmocka_unit_test(the_event_of_a_request_from_such_a_client_is_queued),
	    cmocka_unit_test(what_is_no_address_is_unknown),
	    cmocka_unit_test(an_event_with_a_long_parameter_name_is_queued),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
