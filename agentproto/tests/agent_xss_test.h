/*
 * agent_xss_test.h — what the xss tests share (test_agent_xss.c,
 * test_agent_review17_html15.c): a policy with xss in block mode, parsed
 * once per group (pol), and the group's setup and teardown for it.
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

#endif
