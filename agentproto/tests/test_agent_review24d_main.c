/* review24 (session 32), round d on main fb8d351: ssrf.too_long (a URL
 * whose authority is longer than the parser's 4 KB, judged closed) names
 * the first input of 8 bytes or more found anywhere in the URL; when that
 * input is a decoy in a parameter an exclusion ignores or monitors
 * (`ref=https://`, sent first), the check returns MOAT_ALLOW -- the URL
 * built from the real parameter, `https://<5,000 a>@169.254.169.254/...`,
 * is fetched (without the decoy: blocked, ssrf.too_long). review23b's
 * decoy, in the one ssrf path that does not go on to the next input.
 */
#include "agent_test.h"

#define SSRF_POLICY(om)                                                                            \
	"{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}},\"exclusions\":[{\"interceptor\":"      \
	"\"ssrf\",\"parameter\":\"query.ref\",\"on_match\":\"" om "\"}]}"

static char url[8192];

static int check(const char *policy, const char *decoy)
{
	const struct moat_policy *p = moat_policy_parse(policy, 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/fetch"};
	struct moat_request *r = NULL;
	struct moat_url_target t;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	if (decoy)
		assert_int_equal(
		    moat_request_add_input(r, MOAT_INPUT_QUERY, "ref", decoy, strlen(decoy)), 0);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "url", url, strlen(url)), 0);
	v = moat_check_url(r, url, strlen(url), &t);
	moat_request_end(r);
	return v;
}

static void a_decoy_does_not_open_a_url_too_long_to_read(void **state)
{
	static const char *const decoys[] = {"https://", "https://aaaaaaaa",
	                                     "169.254.169.254/latest"};
	static const char *const pols[] = {SSRF_POLICY("ignore"), SSRF_POLICY("monitor")};
	size_t n;

	(void)state;
	n = (size_t)snprintf(url, sizeof url, "https://");
	memset(url + n, 'a', 5000);
	snprintf(url + n + 5000, sizeof url - n - 5000,
	         "@169.254.169.254/latest/meta-data/iam/security-credentials/");
	for (size_t p = 0; p < 2; p++) {
		assert_int_equal(check(pols[p], NULL), MOAT_BLOCK);
		for (size_t d = 0; d < sizeof decoys / sizeof decoys[0]; d++)
			if (check(pols[p], decoys[d]) != MOAT_BLOCK)
				fail_msg("allowed with the decoy %s (%s)", decoys[d],
				         p ? "monitor" : "ignore");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_decoy_does_not_open_a_url_too_long_to_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
