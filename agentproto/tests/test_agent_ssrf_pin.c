/* review23 (session 31) on main ae71601: the target that
 * moat_url_curl_resolve pins was not the host a libcurl client connects
 * to when the WHATWG and the libcurl readings differ but both are public
 * at check time (a backslash before '@', a URL without a scheme): curl
 * then resolved its own host itself, the DNS rebinding window the
 * helpers exist to close. Run here with curl 7.88.1: `curl --resolve
 * <the pin>:127.0.0.1 'http://pin-good.invalid\@pin-test.invalid:18080/'`
 * exited 6 (curl looked the name up itself), as did the scheme-less
 * `pin-test.invalid:18080/` (no pin at all: naddr 0). Now two readings
 * of two hosts fire (ssrf.ambiguous) and a scheme-less URL's target is
 * curl's reading. The reviewer's test. */
#include "agent_test.h"

static const struct moat_policy *pol(void)
{
	static const struct moat_policy *p;

	if (!p)
		p = moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"},"
		                      "\"nosql_injection\":{\"mode\":\"block\"}}}",
		                      1, NULL, 0);
	assert_non_null(p);
	return p;
}

static struct moat_request *begin(void)
{
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x", .policy = pol()};
	struct moat_request *r = NULL;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	return r;
}

/* ---- 1. ssrf: the pin names the host curl reaches ---- */

/* Every name is public when the check asks (a rebinding name answers
 * 127.0.0.1 later, to the client's own lookup). */
static int public_resolver(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)host;
	(void)arg;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof *out);
	out->family = 4;
	out->ip[0] = 93;
	out->ip[1] = 184;
	out->ip[2] = 216;
	out->ip[3] = 34;
	return 1;
}

/* The URL (the user's own, whole) checked; returns 1 when it is blocked
 * or its pin names curl_host (host:port: the place libcurl connects to),
 * so that curl given the pin makes no lookup of its own. */
static int pinned_to(const char *url, const char *curl_hostport)
{
	struct moat_request *r = begin();
	struct moat_url_target t;
	char pin[512];
	int v, ok;
	size_t hl = strlen(curl_hostport);

	moat_request_set_resolver(r, public_resolver, NULL);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "website", url, strlen(url)),
	                 0);
	v = moat_check_url(r, url, strlen(url), &t);
	moat_request_end(r);
	if (v == MOAT_BLOCK)
		return 1;
	ok = moat_url_curl_resolve(&t, pin, sizeof pin) == 0 && !strncmp(pin, curl_hostport, hl) &&
	     pin[hl] == ':';
	if (!ok)
		print_message("%s: allowed, pin %s (curl connects to %s)\n", url,
		              t.naddr ? pin : "(none)", curl_hostport);
	return ok;
}

static void the_pin_names_the_host_curl_connects_to(void **state)
{
	(void)state;
	/* twins: one reading, pinned right (pass on ae71601) */
	assert_true(pinned_to("http://rebind.example:8080/x", "rebind.example:8080"));
	assert_true(pinned_to("https://Rebind.Example/x", "rebind.example:443"));
	/* a backslash before '@': WHATWG goes to good.example (pinned),
	 * curl to rebind.example, which it resolves itself
	 * (ae71601: allowed, pin good.example:80:93.184.216.34) */
	assert_true(pinned_to("http://good.example\\@rebind.example:8080/", "rebind.example:8080"));
	assert_true(pinned_to("http://good.example:8080\\@rebind.example/", "rebind.example:80"));
	/* no scheme: curl guesses http:// (ae71601: allowed, naddr 0, no pin:
	 * the documented moat_url_curl_resolve() call fails and curl
	 * resolves the name itself) */
	assert_true(pinned_to("rebind.example:8080/x", "rebind.example:8080"));
	assert_true(pinned_to("rebind.example/admin", "rebind.example:80"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_pin_names_the_host_curl_connects_to),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
