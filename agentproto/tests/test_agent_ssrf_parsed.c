/* A URL the application parsed before the check (ma_ssrf_parsed_host).
 * review25 (session 33), round f on main 20a87f3: ssrf, the twin of
 * review25e (path). An input chooses the host only where its text (as
 * given or decoded) covers it in the URL checked; an application that
 * parses the URL it was sent and checks (and fetches) the parsed one --
 * Node's `const u = new URL(req.query.url); fetch(u.href)`, the WHATWG
 * serialisation -- checks a URL that no longer holds the input when the
 * attacker wrote the host as the parser rewrites it: upper case
 * (`HTTP://LOCALHOST:8080/admin` is `http://localhost:8080/admin`), an
 * IPv4 number in hex, short or octal form (`0xA9FEA9FE`, `127.1`,
 * `0177.0.0.1` are `169.254.169.254`, `127.0.0.1`), a trailing dot, an
 * IPv6 address written long. The URL checked is then written as an
 * application writes its own, and no input is in it: allowed (6 of 6).
 * The same URLs checked as sent block. Run here: node 20's new
 * URL("http://0x7F000001:18765/secret").href is
 * http://127.0.0.1:18765/secret and fetch() reached a local server (404).
 * Twin: a public URL normalised the same way stays allowed.
 */
#include "agent_test.h"

static int loopback_resolver(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)host;
	(void)out;
	(void)max;
	(void)arg;
	return 0; /* names do not resolve here: literals only */
}

static int check(const char *input, const char *url)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/preview"};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	moat_request_set_resolver(r, loopback_resolver, NULL);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "url", input, strlen(input)),
	                 0);
	v = moat_check_url(r, url, strlen(url), &t);
	moat_request_end(r);
	return v;
}

static void a_url_the_application_parsed_first_fires(void **state)
{
	/* what was sent, and new URL(sent).href */
	static const char *const c[][2] = {
	    {"HTTP://LOCALHOST:8080/admin", "http://localhost:8080/admin"},
	    {"http://0xA9FEA9FE/latest/meta-data/", "http://169.254.169.254/latest/meta-data/"},
	    {"http://127.1:6379/", "http://127.0.0.1:6379/"},
	    {"http://0177.0.0.1/admin", "http://127.0.0.1/admin"},
	    {"http://169.254.169.254./latest/", "http://169.254.169.254/latest/"},
	    {"http://[0:0:0:0:0:ffff:7f00:1]/", "http://[::ffff:7f00:1]/"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		assert_int_equal(check(c[i][0], c[i][0]), MOAT_BLOCK); /* as sent: blocks */
		if (check(c[i][0], c[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s checked as %s\n", c[i][0], c[i][1]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void a_public_url_parsed_first_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(
	    check("HTTPS://93.184.215.14/Index.html", "https://93.184.215.14/Index.html"),
	    MOAT_ALLOW);
	assert_int_equal(check("http://8.8.8.8./x", "http://8.8.8.8/x"), MOAT_ALLOW);
}

/* A host alone, the application building the URL and parsing it: the
 * input chose the host however it was written; a number or a word that
 * is not the host as parsed stays the application's. */
static void a_host_the_application_parsed_fires(void **state)
{
	(void)state;
	assert_int_equal(check("0x7f000001", "http://127.0.0.1/status"), MOAT_BLOCK);
	assert_int_equal(check("2852039166", "http://169.254.169.254/latest/meta-data/"),
	                 MOAT_BLOCK);
	assert_int_equal(check("\xef\xbd\x8c\xef\xbd\x8f\xef\xbd\x83\xef\xbd\x81\xef\xbd\x8c"
	                       "host",
	                       "http://localhost/admin"),
	                 MOAT_BLOCK);
	assert_int_equal(check("42", "http://127.0.0.1:42/health"), MOAT_ALLOW);
	assert_int_equal(check("status report", "http://127.0.0.1/status"), MOAT_ALLOW);
	assert_int_equal(check("https://example.com/x", "http://127.0.0.1/fetch"), MOAT_ALLOW);
}

/* The input whose text is in the URL is named before one that only has
 * its host as parsed: a Host header naming the same address (the shop's
 * e2e: every ssrf event named "127.0.0.1:46221", the Host header, not
 * the url parameter the attacker wrote). */
static void the_input_that_wrote_the_url_is_named(void **state)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"monitor\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/preview"};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	const char *host = "127.0.0.1:8080", *url = "http://2130706433:8080/latest/meta-data/";
	const struct moat_event *ev;

	(void)state;
	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	moat_request_set_resolver(r, loopback_resolver, NULL);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_HEADER, "host", host, strlen(host)),
	                 0);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "url", url, strlen(url)), 0);
	assert_int_equal(moat_check_url(r, url, strlen(url), &t), MOAT_ALLOW);
	ev = moat_request_event(r);
	assert_non_null(ev);
	assert_string_equal(ev->payload, url);
	moat_request_end(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_input_that_wrote_the_url_is_named),
	    cmocka_unit_test(a_host_the_application_parsed_fires),
	    cmocka_unit_test(a_url_the_application_parsed_first_fires),
	    cmocka_unit_test(a_public_url_parsed_first_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
