/* idna9 (session 31): the ssrf check judges the names clients of either
 * IDNA generation fetch. U+1E9E is U+00DF under UTS #46 15.1 (this table,
 * current browsers) but "ss" under 15.0 (Node 20, libidn2 2.3); characters
 * new in Unicode 15.0 are valid (Node 20, curl); a label that fails only
 * the Bidi Rule is fetched by clients with older bidi data. The Punycode
 * below is Node 20's. */
#include "agent_test.h"

/* the names under "in." resolve inside, the rest outside */
static const char *const inside[] = {
    "masse.in.test",        "xn--xy-h2h.in.test", "xn--q-qq5s.in.test",
    "xn--kz-iw71a.in.test", "xn--ab-hsd.in.test",
};

static int resolver(const char *host, struct moat_addr *out, int max, void *arg)
{
	int in = 0;

	(void)arg;
	for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++)
		in |= !strcmp(host, inside[i]);
	if (max < 1)
		return 0;
	memset(out, 0, sizeof *out);
	out->family = 4;
	out->ip[0] = in ? 10 : 198;
	out->ip[1] = in ? 0 : 51;
	out->ip[2] = in ? 0 : 100;
	out->ip[3] = 7;
	return 1;
}

static int check(const char *url, int as_input)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/fetch", .policy = p};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, resolver, NULL);
	if (as_input)
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, "target", url, strlen(url)), 0);
	v = moat_check_url(r, url, strlen(url), NULL);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void capital_sharp_s_is_judged_as_ss_too(void **state)
{
	(void)state;
	/* raw, percent-encoded (either case), in a user's input or not */
	assert_int_equal(check("https://ma\xe1\xba\x9e"
	                       "e.in.test/admin",
	                       1),
	                 MOAT_BLOCK);
	assert_int_equal(check("http://MA%E1%BA%9EE.in.test:8080/x", 1), MOAT_BLOCK);
	assert_int_equal(check("http://ma%e1%ba%9ee.in.test/", 0), MOAT_BLOCK);
	/* twins: the same shape whose names are public both ways */
	assert_int_equal(check("https://stra\xe1\xba\x9e"
	                       "e.out.test/karte",
	                       1),
	                 MOAT_ALLOW);
	assert_int_equal(check("http://gro%E1%BA%9E.out.test/", 1), MOAT_ALLOW);
	/* a lone %E1 or a half sequence is no sharp s */
	assert_int_equal(check("http://ma%E1%BAe.in.test/", 1), MOAT_ALLOW);
}

static void unicode_15_characters_map_as_clients_do(void **state)
{
	char out[MA_URL_HOST_MAX];
	size_t ol;

	(void)state;
	/* U+0CF3 (Kannada, 15.0): valid, as in UTS #46 15.0 */
	assert_int_equal(
	    ma_idna_to_ascii((const unsigned char *)"x\xe0\xb3\xb3y", 5, out, sizeof out, &ol), 0);
	assert_string_equal(out, "xn--xy-h2h");
	/* a 15.0 emoji, a Nag Mundari letter (15.0) */
	assert_int_equal(check("http://q\xf0\x9f\xa9\xb5.in.test/", 1), MOAT_BLOCK);
	assert_int_equal(check("http://k\xf0\x9e\x93\x90z.in.test/", 1), MOAT_BLOCK);
	assert_int_equal(check("http://x\xe0\xb3\xb3y.in.test/", 1), MOAT_BLOCK);
	/* twin: public */
	assert_int_equal(check("http://x\xe0\xb3\xb3y.out.test/", 1), MOAT_ALLOW);
	/* a control or private-use code point still fails */
	assert_int_not_equal(
	    ma_idna_to_ascii((const unsigned char *)"a\xee\x80\x80", 4, out, sizeof out, &ol), 0);
}

static void a_label_failing_only_the_bidi_rule_is_judged(void **state)
{
	char out[MA_URL_HOST_MAX];
	size_t ol;

	(void)state;
	/* WHATWG fails it (an AL code point in a left-to-right label); the
	 * host a laxer client reads comes with its own code */
	assert_int_equal(ma_idna_to_ascii((const unsigned char *)"a\xd8\x9d"
	                                                         "b",
	                                  4, out, sizeof out, &ol),
	                 MA_URL_IDNA_NEWER);
	assert_string_equal(out, "xn--ab-hsd");
	assert_int_equal(check("http://a\xd8\x9d"
	                       "b.in.test/",
	                       0),
	                 MOAT_BLOCK);
	/* twin: public */
	assert_int_equal(check("http://a\xd8\x9d"
	                       "b.out.test/",
	                       1),
	                 MOAT_ALLOW);
	/* a right-to-left label that keeps the rule: plain 0 */
	assert_int_equal(
	    ma_idna_to_ascii((const unsigned char *)"\xd7\x90\xd7\x91", 4, out, sizeof out, &ol),
	    0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(capital_sharp_s_is_judged_as_ss_too),
	    cmocka_unit_test(unicode_15_characters_map_as_clients_do),
	    cmocka_unit_test(a_label_failing_only_the_bidi_rule_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
