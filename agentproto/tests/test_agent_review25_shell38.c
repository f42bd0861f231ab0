/* review25 (session 33) on h-shell38 4e6c408 (wrappers, other shells):
 * 1764f7b/1548e43 make 74 of my 81 fresh wrapper argvs block (main: 26),
 * and 23 argvs where the wrapper's program takes the input as data stay
 * allowed. Still allowed: runners the argv check knows as programs of
 * their own, whose subcommand runs a program or a line --
 *   nix develop -c / --command PROG ... (nix 2.4+),
 *   pnpm exec PROG ..., pnpm dlx PROG ..., yarn exec PROG ... (run a
 *   package's binary, as npx does),
 *   npx PROG ... (npx runs PROG: `npx node -e CODE`),
 *   doppler run --command LINE (its LINE runs in a shell; --command is
 *   read as an option with a value),
 *   scl enable COLLECTION LINE (Red Hat's Software Collections: LINE
 *   runs in bash),
 *   flatpak run --command=sh APP -c LINE.
 * The line `echo x; id` (input `x; id`) in each. Twins: each runner with
 * the input as a program's data stays allowed.
 *
 * And (main too; 24o's family, which 1764f7b closed for -O and --rcfile):
 * a shell's grouped short options where the last takes a value before
 * -c -- `bash -eo pipefail -c LINE`, the form Docker's and hadolint's
 * (DL4006) recommended SHELL takes, `bash -euo pipefail`, `-euxo`,
 * `bash -eO extglob`, `zsh -eo pipefail` -- read the value as -c's
 * operand and the line is never judged: 6 of 6 allowed in an argv (the
 * same options ungrouped, `sh -eu -o pipefail -c`, block). Run here:
 * bash -eo pipefail -c 'echo x; id -un' printed root.
 */
#include "agent_test.h"

static int check(const char *const *argv, const char *input)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/jobs"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "q", input, strlen(input)), 0);
	v = moat_check_argv(r, argv, -1);
	moat_request_end(r);
	return v;
}

#define L "echo x; id"

static void a_line_behind_a_package_runner_is_judged(void **state)
{
	static const char *const a1[] = {"nix", "develop", "-c", "sh", "-c", L, NULL};
	static const char *const a2[] = {"nix", "develop", "--command", "bash", "-c", L, NULL};
	static const char *const a3[] = {"pnpm", "exec", "sh", "-c", L, NULL};
	static const char *const a4[] = {"pnpm", "dlx", "sh", "-c", L, NULL};
	static const char *const a5[] = {"yarn", "exec", "sh", "-c", L, NULL};
	static const char *const a6[] = {"npx", "node", "-e",
	                                 "require('child_process').execSync('echo x; id')", NULL};
	static const char *const a7[] = {"doppler", "run", "--command", L, NULL};
	static const char *const a8[] = {"scl", "enable", "devtoolset-12", L, NULL};
	static const char *const a9[] = {"flatpak", "run", "--command=sh", "org.example.App", "-c",
	                                 L,         NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7, a8, a9};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (check(all[i], "x; id") != MOAT_BLOCK) {
			print_message("allowed: %s %s ...\n", all[i][0], all[i][1]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_line_after_grouped_options_with_a_value_is_judged(void **state)
{
	static const char *const a1[] = {"bash", "-eo", "pipefail", "-c", L, NULL};
	static const char *const a2[] = {"bash", "-euo", "pipefail", "-c", L, NULL};
	static const char *const a3[] = {"/bin/bash", "-euxo", "pipefail", "-c", L, NULL};
	static const char *const a4[] = {"bash", "-eO", "extglob", "-c", L, NULL};
	static const char *const a5[] = {"zsh", "-eo", "pipefail", "-c", L, NULL};
	static const char *const a6[] = {"sudo",     "-u", "app", "bash", "-eo",
	                                 "pipefail", "-c", L,     NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6};
	static const char *const twin[] = {"bash", "-eo", "pipefail", "-c", "grep -c x; id", NULL};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (check(all[i], "x; id") != MOAT_BLOCK) {
			print_message("allowed: %s %s %s -c ...\n", all[i][0], all[i][1],
			              all[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
	/* the input as the line's data: allowed */
	assert_int_equal(check(twin, "x"), MOAT_ALLOW);
}

static void a_runners_program_data_stays_allowed(void **state)
{
	static const char *const a1[] = {"nix", "develop", "-c",  "grep",
	                                 "-r",  "x; id",   "src", NULL};
	static const char *const a2[] = {"pnpm", "exec", "jest", "-t", "x; id", NULL};
	static const char *const a3[] = {"yarn", "exec", "eslint", "--rule", "x; id", NULL};
	static const char *const a4[] = {"doppler", "run",   "--", "./deploy",
	                                 "--note",  "x; id", NULL};
	static const char *const a5[] = {"scl", "enable", "devtoolset-12", "--", "make", NULL};

	(void)state;
	assert_int_equal(check(a1, "x; id"), MOAT_ALLOW);
	assert_int_equal(check(a2, "x; id"), MOAT_ALLOW);
	assert_int_equal(check(a3, "x; id"), MOAT_ALLOW);
	assert_int_equal(check(a4, "x; id"), MOAT_ALLOW);
	assert_int_equal(check(a5, "devtoolset-12"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_behind_a_package_runner_is_judged),
	    cmocka_unit_test(a_line_after_grouped_options_with_a_value_is_judged),
	    cmocka_unit_test(a_runners_program_data_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
