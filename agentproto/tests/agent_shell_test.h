/* The command_injection test files' shared frame (review13's and
 * shell19's): a policy that blocks command_injection, set up once per
 * group, the verdict of moat_check_shell for head + input + tail with
 * input as the request's one input ("q"), and judge() over a table of
 * lines that block and lines that pass (shell19's, shell21's). */
#ifndef AGENT_SHELL_TEST_H
#define AGENT_SHELL_TEST_H

#include "agent_test.h"

#include <stdio.h>
#include <stdlib.h>

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse("{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}",
	                        1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

static int verdict(const char *head, const char *input, const char *tail)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/x", .policy = pol};
	struct moat_request *r = NULL;
	char cmd[4096];
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	snprintf(cmd, sizeof cmd, "%s%s%s", head, input, tail);
	v = moat_check_shell(r, cmd, (size_t)-1);
	moat_request_end(r);
	return v;
}

/* moat_check_argv for argv, input the request's one. */
static inline int argv_verdict(const char *input, const char *const *argv)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/x", .policy = pol};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	v = moat_check_argv(r, argv, -1);
	moat_request_end(r);
	return v;
}

/* moat_check_argv for {"env", "VAR=value", prog...}, value the request's
 * one input (review24n's, shell39's). */
static inline int env_argv(const char *var, const char *value, const char *const *prog)
{
	char assign[512];
	const char *argv[16];
	int n = 0;

	snprintf(assign, sizeof assign, "%s=%s", var, value);
	argv[n++] = "env";
	argv[n++] = assign;
	while (*prog && n < 15)
		argv[n++] = *prog++;
	argv[n] = NULL;
	return argv_verdict(value, argv);
}

/* Every line of blocks blocks, every line of passes is allowed. */
static inline void judge(const char *const blocks[][3], size_t nb, const char *const passes[][3],
                         size_t np)
{
	int bad = 0;

	for (size_t i = 0; i < nb; i++)
		if (verdict(blocks[i][0], blocks[i][1], blocks[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", blocks[i][0], blocks[i][1],
			              blocks[i][2]);
			bad++;
		}
	for (size_t i = 0; i < np; i++)
		if (verdict(passes[i][0], passes[i][1], passes[i][2]) != MOAT_ALLOW) {
			print_message("blocked: %s%s%s\n", passes[i][0], passes[i][1],
			              passes[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu lines judged wrong", bad, nb + np);
}

/* Every line (the application's text, the input, the rest) blocks /
 * passes: each wrong one printed, then one failure for the list (the
 * review tests). */
static inline void all_block(const char *const lines[][3], size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", lines[i][0], lines[i][1], lines[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu lines allowed", bad, n);
}

static inline void all_pass(const char *const lines[][3], size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_ALLOW) {
			print_message("blocked: %s%s%s\n", lines[i][0], lines[i][1], lines[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu lines blocked", bad, n);
}

#endif
