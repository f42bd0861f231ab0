/* misc9 (session 32): where a host holds U+1E9E and both spellings are
 * public (U+00DF under UTS #46 15.1, "ss" under 15.0: Node 20 and curl
 * 7.88 with libidn2 2.3.3), moat_url_curl_resolve's pin names the host
 * curl looks up. On this machine `curl -v http://a<U+1E9E>b.invalid/`
 * says "Could not resolve host: assb.invalid" (raw or %E1%BA%9E), and
 * `curl -v http://a<U+00DF>b.invalid/` "xn--ab-gia.invalid". Pinned to
 * the other name, curl resolves its own itself (the rebinding window the
 * pin closes). Both spellings are still judged. Verdicts on main fb8d351
 * in comments. */
#include "agent_test.h"

/* names under "in.test" and the U+00DF spelling of "maße.x.test"
 * resolve inside, the rest outside */
static int resolver(const char *host, struct moat_addr *out, int max, void *arg)
{
	size_t n = strlen(host);
	int in = (n > 8 && !strcmp(host + n - 8, ".in.test")) ||
	         !strcmp(host, "xn--mae-6ka.x.test") || !strcmp(host, "masse.z.test");

	(void)arg;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof *out);
	out->family = 4;
	out->ip[0] = in ? 10 : 203;
	out->ip[1] = in ? 1 : 0;
	out->ip[2] = in ? 2 : 113;
	out->ip[3] = (unsigned char)n; /* tells the names apart */
	return 1;
}

/* The verdict on url (an input), its target's host in host and the pin. */
static int check(const char *url, char *host, size_t hcap, char *pin, size_t pcap)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/hook", .policy = p};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, resolver, NULL);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "callback", url, strlen(url)),
	                 0);
	v = moat_check_url(r, url, strlen(url), &t);
	snprintf(host, hcap, "%s", t.host);
	pin[0] = '\0';
	if (v == MOAT_ALLOW)
		assert_int_equal(moat_url_curl_resolve(&t, pin, pcap), 0);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void the_pin_names_the_ss_spelling_curl_looks_up(void **state)
{
	char h[256], pin[512];

	(void)state;
	/* fb8d351: host and pin xn--strae-oqa.out.test */
	assert_int_equal(check("https://stra\xe1\xba\x9e"
	                       "e.out.test/karte",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(h, "strasse.out.test");
	assert_string_equal(pin, "strasse.out.test:443:203.0.113.16");
	/* percent-encoded, upper case, a port */
	assert_int_equal(check("http://GRO%E1%BA%9E.out.test:8080/", h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(h, "gross.out.test");
	assert_string_equal(pin, "gross.out.test:8080:203.0.113.14");
	/* twin: U+00DF itself is xn-- for curl too (IDNA 2008, non-transitional) */
	assert_int_equal(check("http://stra\xc3\x9f"
	                       "e.out.test/",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(h, "xn--strae-oqa.out.test");
	/* twin: plain ASCII */
	assert_int_equal(check("http://strasse.out.test/", h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(h, "strasse.out.test");
}

static void both_spellings_are_still_judged(void **state)
{
	char h[256], pin[512];

	(void)state;
	/* the "ss" name inside (blocked on fb8d351 too) */
	assert_int_equal(check("http://ma\xe1\xba\x9e"
	                       "e.in.test/admin",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_BLOCK);
	/* the U+00DF name inside, the "ss" one public: a browser goes inside
	 * (blocked on fb8d351 too) */
	assert_int_equal(check("http://ma\xe1\xba\x9e"
	                       "e.x.test/",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_BLOCK);
	/* twin: both public (masse.x.test) */
	assert_int_equal(check("http://ma\xe1\xba\x9e"
	                       "e.y.test/",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(pin, "masse.y.test:80:203.0.113.12");
	/* no scheme (curl guesses http, WHATWG fails): the "ss" name inside
	 * (fb8d351: allowed, judged as xn--mae-6ka.z.test only) */
	assert_int_equal(check("ma\xe1\xba\x9e"
	                       "e.z.test/admin",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_BLOCK);
	/* twin: both public; the pin names curl's "ss" (fb8d351: the xn--) */
	assert_int_equal(check("stra\xe1\xba\x9e"
	                       "e.out.test/karte",
	                       h, sizeof h, pin, sizeof pin),
	                 MOAT_ALLOW);
	assert_string_equal(pin, "strasse.out.test:80:203.0.113.16");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_pin_names_the_ss_spelling_curl_looks_up),
	    cmocka_unit_test(both_spellings_are_still_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
