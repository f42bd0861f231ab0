/*
 * agent_xss_test.h — what the xss tests share (test_agent_xss.c,
 * test_agent_review17_html15.c, test_agent_html16.c,
 * test_agent_review18_html16.c, test_agent_xss17.c,
 * test_agent_review21_xss17.c): a policy with xss in block mode, parsed
 * once per group (pol), the group's setup and teardown for it, xss_page()
 * and xss_pages_give().
 */
#ifndef AGENT_XSS_TEST_H
#define AGENT_XSS_TEST_H

#include "agent_test.h"

#define XSS_BLOCK "{\"interceptors\":{\"xss\":{\"mode\":\"block\"}}}"

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse(XSS_BLOCK, 1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

/* moat_check_html for head + input + tail, input the request's one. */
static inline int xss_page(const char *head, const char *input, const char *tail)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/page", .policy = pol};
	struct moat_request *r = NULL;
	char html[2048];
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	snprintf(html, sizeof html, "%s%s%s", head, input, tail);
	v = moat_check_html(r, html, strlen(html));
	moat_request_end(r);
	return v;
}

/* Fails unless every page (head, input, tail) of pages[0, n) gives want
 * (MOAT_BLOCK or MOAT_ALLOW); prints those that do not. */
static inline void xss_pages_give(const char *const (*pages)[3], size_t n, int want)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (xss_page(pages[i][0], pages[i][1], pages[i][2]) != want) {
			print_message("%s: %s|%s|%s\n", want == MOAT_BLOCK ? "allowed" : "blocked",
			              pages[i][0], pages[i][1], pages[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu pages %s", bad, n, want == MOAT_BLOCK ? "allowed" : "blocked");
}

#endif
