/* review23 (session 31), round e on main ae71601: the ssrf check's IDNA
 * against the clients that fetch. Differential here: "http://a" + one
 * code point + "b.example/" for 88,144 code points, the check's host
 * beside Node 20's WHATWG URL (and curl 7.88 with libidn2 2.3.3 for the
 * ones that differ):
 *  1. U+1E9E LATIN CAPITAL LETTER SHARP S: UTS #46 maps it to "ss";
 *     Node gives "assb.example" and curl resolves "assb.invalid", the
 *     check lowercases it to U+00DF and judges "xn--ab-gia.example" --
 *     another name, which the attacker points at a public address while
 *     "ss" points inside (curl, pinned under the check's spelling,
 *     resolves its own);
 *  2. 111 code points Node and curl take (U+061D, U+0870..U+088E,
 *     U+08B5, U+08C8, U+0CF3, U+0ECE, U+1E4D0.., emoji U+1FA75.. --
 *     Unicode 14.0 and 15.0) fail to parse here and are allowed without
 *     a lookup (naddr 0, no pin): curl 7.88 resolves
 *     "xn--ab-h8e.invalid" for U+0870. The README says only characters
 *     assigned after Unicode 15.0 fail.
 * Verdicts on ae71601 in the comments. */
#include "agent_test.h"

/* "ss..." and the Punycode of a\u0870b / a\u061Db are internal; the rest public */
static int resolver(const char *host, struct moat_addr *out, int max, void *arg)
{
	int internal = !strncmp(host, "assb.", 5) || !strncmp(host, "xn--ab-h8e.", 11) ||
	               !strncmp(host, "xn--ab-hsd.", 11);

	(void)arg;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof *out);
	out->family = 4;
	if (internal) {
		out->ip[0] = 169;
		out->ip[1] = 254;
		out->ip[2] = 169;
		out->ip[3] = 254;
	} else {
		out->ip[0] = 93;
		out->ip[1] = 184;
		out->ip[2] = 216;
		out->ip[3] = 34;
	}
	return 1;
}

static int url_check(const char *url)
{
	const struct moat_policy *p =
	    moat_policy_parse("{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/webhook", .policy = p};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, resolver, NULL);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "url", url, strlen(url)), 0);
	v = moat_check_url(r, url, strlen(url), &t);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void a_host_is_judged_under_the_clients_spelling(void **state)
{
	(void)state;
	/* twin: the name written plainly (blocked on ae71601) */
	assert_int_equal(url_check("http://assb.rebind.example/latest/meta-data/"), MOAT_BLOCK);
	/* U+1E9E: allowed on ae71601 (judged as xn--ab-gia.rebind.example) */
	assert_int_equal(url_check("http://a\xe1\xba\x9e"
	                           "b.rebind.example/latest/meta-data/"),
	                 MOAT_BLOCK);
}

static void a_host_of_unicode_14_or_15_is_judged(void **state)
{
	(void)state;
	/* U+0870 (Unicode 14.0): allowed on ae71601, naddr 0 */
	assert_int_equal(url_check("http://a\xe0\xa1\xb0"
	                           "b.rebind.example/latest/meta-data/"),
	                 MOAT_BLOCK);
	/* U+061D (Unicode 14.0): allowed on ae71601 */
	assert_int_equal(url_check("http://a\xd8\x9d"
	                           "b.rebind.example/latest/meta-data/"),
	                 MOAT_BLOCK);
	/* twin: a public IDN host (allowed on ae71601) */
	assert_int_equal(url_check("http://b\xc3\xbc"
	                           "cher.example/"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_host_is_judged_under_the_clients_spelling),
	    cmocka_unit_test(a_host_of_unicode_14_or_15_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
