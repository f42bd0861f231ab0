/* review25 (session 33), round b on h-shell38 ac9b54f (the fix of
 * review25-shell38, which passes there):
 *
 * 1. the same shell options as a command line: `bash -eo pipefail -c
 *    'echo x; id'` and `bash -euo pipefail -c "echo x; id"` are allowed in
 *    moat_check_shell (the argv blocks now; `ssh host bash -eo pipefail -c
 *    '...'` blocks);
 * 2. the -c flag inside the cluster, after the valued option: `bash -eoc
 *    pipefail 'echo x; id'` (bash takes pipefail for -o and the next
 *    operand as -c's line; run here: printed x and root) -- allowed;
 * 3. npm's alias `npm x -- sh -c LINE` (npm exec blocks) and `nix run
 *    nixpkgs#bash -- -c LINE` (the flake's program with the rest as its
 *    arguments) -- allowed.
 */
#include "agent_test.h"

static struct moat_request *begin(void)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/jobs"};
	struct moat_request *r = NULL;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "q", "x; id", 5), 0);
	return r;
}

static int line(const char *cmd)
{
	struct moat_request *r = begin();
	int v = moat_check_shell(r, cmd, strlen(cmd));

	moat_request_end(r);
	return v;
}

static int argv(const char *const *a)
{
	struct moat_request *r = begin();
	int v = moat_check_argv(r, a, -1);

	moat_request_end(r);
	return v;
}

static void grouped_options_in_a_command_line_are_read(void **state)
{
	(void)state;
	assert_int_equal(line("bash -eo pipefail -c 'echo x; id'"), MOAT_BLOCK);
	assert_int_equal(line("bash -euo pipefail -c \"echo x; id\""), MOAT_BLOCK);
	assert_int_equal(line("bash -e -o pipefail -c 'echo ok' && echo x; id"), MOAT_BLOCK);
}

static void the_c_flag_inside_the_cluster_and_two_runners_are_read(void **state)
{
	static const char *const a1[] = {"bash", "-eoc", "pipefail", "echo x; id", NULL};
	static const char *const a2[] = {"npm", "x", "--", "sh", "-c", "echo x; id", NULL};
	static const char *const a3[] = {"nix",        "run", "nixpkgs#bash", "--", "-c",
	                                 "echo x; id", NULL};
	int bad = 0;

	(void)state;
	if (argv(a1) != MOAT_BLOCK) {
		print_message("allowed: bash -eoc pipefail LINE\n");
		bad++;
	}
	if (argv(a2) != MOAT_BLOCK) {
		print_message("allowed: npm x -- sh -c LINE\n");
		bad++;
	}
	if (argv(a3) != MOAT_BLOCK) {
		print_message("allowed: nix run nixpkgs#bash -- -c LINE\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(grouped_options_in_a_command_line_are_read),
	    cmocka_unit_test(the_c_flag_inside_the_cluster_and_two_runners_are_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
