/* review22 (session 30): a miss of the ssrf check on main 1cd37e7. An
 * input counts as choosing where a URL goes when it covers the whole
 * host or starts the URL and reaches into it; one that writes the end of
 * the host -- its registrable domain, the labels that decide where the
 * name resolves -- after the application's own first label does not:
 * "https://img." + a domain, "https://api.example.com" + ".attacker.tld"
 * (a base without its '/'), "https://cdn-" + "x.attacker.tld#" (the
 * '#' cuts the application's suffix). Any public wildcard DNS
 * (nip.io, sslip.io) or the attacker's own zone points such a name at
 * 127.0.0.1 or the metadata address. The twin: an input that fills a
 * label in the middle of the application's host ("https://" + "eu" +
 * ".cdn.example.com/"), which the application's own zone resolves. */
#include "agent_test.h"

/* *.nip.io names holding 127.0.0.1 are loopback, *.intranet private,
 * the rest public */
static int resolve(const char *host, struct moat_addr *out, int max, void *arg)
{
	(void)arg;
	memset(out, 0, (size_t)max * sizeof *out);
	out[0].family = 4;
	if (strstr(host, "127.0.0.1.nip.io"))
		memcpy(out[0].ip, "\x7f\x00\x00\x01", 4);
	else if (strlen(host) > 9 && !strcmp(host + strlen(host) - 9, ".intranet"))
		memcpy(out[0].ip, "\x0a\x00\x00\x05", 4);
	else
		memcpy(out[0].ip, "\x5d\xb8\xd7\x0e", 4);
	return 1;
}

static int url_verdict(const char *head, const char *input, const char *tail)
{
	char err[200], url[512];
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"ssrf\":{\"mode\":\"block\"}}}", 1, err, sizeof err);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/fetch", .policy = p};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_request_set_resolver(r, resolve, NULL);
	moat_request_add_input(r, MOAT_INPUT_QUERY, "site", input, strlen(input));
	snprintf(url, sizeof url, "%s%s%s", head, input, tail);
	v = moat_check_url(r, url, strlen(url), NULL);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void an_input_that_writes_the_end_of_the_host_chooses_where_it_goes(void **state)
{
	static const char *const blocks[][3] = {
	    {"https://img.", "127.0.0.1.nip.io", "/avatar.png"},
	    {"https://api.example.com", ".127.0.0.1.nip.io", "/v1/items"},
	    {"https://cdn-", "x.127.0.0.1.nip.io#", ".example.com/a.png"},
	    {"https://cdn-", "x.127.0.0.1.nip.io/", ".example.com/a.png"},
	    {"https://api.", "hr.intranet/", "example.com/v1"},
	};
	static const char *const passes[][3] = {
	    {"https://", "eu", ".cdn.example.com/a.png"},
	    {"https://img.", "example.org", "/avatar.png"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (url_verdict(blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", blocks[i][0], blocks[i][1],
			              blocks[i][2]);
			bad++;
		}
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (url_verdict(passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW) {
			print_message("blocked: %s%s%s\n", passes[i][0], passes[i][1],
			              passes[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d URLs judged wrong", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_that_writes_the_end_of_the_host_chooses_where_it_goes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
