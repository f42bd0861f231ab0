/* review27 (session 34) on main a020085: the ssrf check's parsed-host
 * pass (ma_ssrf_parsed_host, review25f: an input that, parsed as a WHATWG
 * client parses it, chose the checked URL's host) never looks at a
 * header (since the shop's e2e: the Host header was named before the url
 * parameter). But a header is where the host-header family comes from:
 * an application that builds a URL from X-Forwarded-Host (or Forwarded's
 * host=) -- `new URL("http://" + req.headers["x-forwarded-host"] +
 * "/internal/status")`, password-reset links, callbacks -- checks the
 * parsed URL, whose host WHATWG writes in lower case and in dotted
 * decimal. `LOCALHOST:8080`, `0x7f000001:8080`, `127.1:6379`,
 * `[0:0:0:0:0:ffff:7f00:1]` as X-Forwarded-Host: 4 of 4 allowed; the same
 * values as a query parameter block, and the header written as the URL
 * writes it (`127.0.0.1:8080`) blocks. Run here: node 20
 * `new URL("http://" + "0x7f000001:18765" + "/secret").href` is
 * http://127.0.0.1:18765/secret, and fetch() of it read a local listener
 * (127.0.0.1 only). Twin: a
 * public host in the header, its URL parsed, allowed.
 * Fix direction: headers in a last pass, after every other input (the
 * e2e's attribution kept: a url parameter that explains the host is
 * named first).
 */
#include "agent_test.h"

static int check(int kind, const char *name, const char *value, const char *url)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/password/reset"};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, kind, name, value, strlen(value)), 0);
	v = moat_check_url(r, url, strlen(url), &t);
	moat_request_end(r);
	return v;
}

static const struct {
	const char *value, *url;
} hosts[] = {
    {"LOCALHOST:8080", "http://localhost:8080/internal/status"},
    {"0x7f000001:8080", "http://127.0.0.1:8080/internal/status"},
    {"127.1:6379", "http://127.0.0.1:6379/internal/status"},
    {"[0:0:0:0:0:ffff:7f00:1]", "http://[::ffff:7f00:1]/internal/status"},
};

static void a_forwarded_host_the_application_parsed_fires(void **state)
{
	int bad = 0;

	(void)state;
	/* the controls: as written in the URL, and as a query parameter */
	assert_int_equal(check(MOAT_INPUT_HEADER, "X-Forwarded-Host", "127.0.0.1:8080",
	                       "http://127.0.0.1:8080/internal/status"),
	                 MOAT_BLOCK);
	for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
		assert_int_equal(check(MOAT_INPUT_QUERY, "host", hosts[i].value, hosts[i].url),
		                 MOAT_BLOCK);
		if (check(MOAT_INPUT_HEADER, "X-Forwarded-Host", hosts[i].value, hosts[i].url) !=
		    MOAT_BLOCK) {
			print_message("allowed: X-Forwarded-Host: %s\n", hosts[i].value);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void a_public_forwarded_host_stays_allowed(void **state)
{
	(void)state;
	assert_int_equal(check(MOAT_INPUT_HEADER, "X-Forwarded-Host", "Shop.Example.COM",
	                       "http://shop.example.com/internal/status"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_forwarded_host_the_application_parsed_fires),
	    cmocka_unit_test(a_public_forwarded_host_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
