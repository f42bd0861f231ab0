/* review26 (session 33) on main 5aa6f92: shell38's wrapper table
 * (ma_shell_wrap.c). Argvs whose wrapper is in the table but whose
 * options the table reads wrong, so the command found is not the one
 * run and `sh -c LINE` after it is never judged:
 *   nix --extra-experimental-features 'nix-command flakes' develop -c
 *     CMD -- nix's global options before the subcommand (the form
 *     nix's own install notes and most CI files use before flakes are
 *     on by default): the valued option's value is read as a word that
 *     is not "develop" and the entry gives up;
 *   distrobox enter --name BOX -- CMD / -n BOX -- CMD (distrobox's
 *     documented form): the table counts one operand (the container)
 *     due after "--" although --name gave it, so the command is read
 *     one element late ("-c");
 *   setarch -R CMD (util-linux >= 2.33: the architecture is optional;
 *     `setarch -R` is how ASLR is turned off for one program): the
 *     first element after the options is taken as the architecture;
 *   ip -all netns exec CMD (ip-netns(8): -all runs it in every
 *     namespace, no NAME): same, one element late.
 * Run here: `setarch -R sh -c 'echo x; id -un'` printed x and root.
 * Twins: each wrapper with the input as its program's data.
 */
#include "agent_test.h"

static int check(const char *const *argv, const char *input)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/build"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "target", input, strlen(input)),
	                 0);
	v = moat_check_argv(r, argv, -1);
	moat_request_end(r);
	return v;
}

#define IN "docs && uname -a"
#define LN "make docs && uname -a"

static void a_line_behind_a_wrapper_with_unread_options_is_judged(void **state)
{
	static const char *const a1[] = {"nix",
	                                 "--extra-experimental-features",
	                                 "nix-command flakes",
	                                 "develop",
	                                 "-c",
	                                 "bash",
	                                 "-c",
	                                 LN,
	                                 NULL};
	static const char *const a2[] = {"nix",       "--option", "sandbox", "false", "develop",
	                                 "--command", "sh",       "-c",      LN,      NULL};
	static const char *const a3[] = {"distrobox", "enter", "--name", "builder", "--",
	                                 "sh",        "-c",    LN,       NULL};
	static const char *const a4[] = {"distrobox", "enter", "-n", "builder", "--",
	                                 "bash",      "-c",    LN,   NULL};
	static const char *const a5[] = {"setarch", "-R", "sh", "-c", LN, NULL};
	static const char *const a6[] = {
	    "/usr/bin/setarch", "--addr-no-randomize", "bash", "-c", LN, NULL};
	static const char *const a7[] = {"ip", "-all", "netns", "exec", "sh", "-c", LN, NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7};
	int bad = 0;

	(void)state;
	/* the controls: the forms the table reads */
	static const char *const c1[] = {"nix", "develop", "-c", "bash", "-c", LN, NULL};
	static const char *const c2[] = {"setarch", "x86_64", "-R", "sh", "-c", LN, NULL};
	assert_int_equal(check(c1, IN), MOAT_BLOCK);
	assert_int_equal(check(c2, IN), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (check(all[i], IN) != MOAT_BLOCK) {
			print_message("allowed: %s %s %s ...\n", all[i][0], all[i][1], all[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void the_input_as_the_program_s_data_stays_allowed(void **state)
{
	static const char *const t1[] = {"nix",
	                                 "--extra-experimental-features",
	                                 "nix-command flakes",
	                                 "develop",
	                                 "-c",
	                                 "make",
	                                 "docs",
	                                 NULL};
	static const char *const t2[] = {"distrobox", "enter", "--name", "builder",
	                                 "--",        "make",  "docs",   NULL};
	static const char *const t3[] = {"setarch", "-R", "./bench", "docs", NULL};

	(void)state;
	assert_int_equal(check(t1, "docs"), MOAT_ALLOW);
	assert_int_equal(check(t2, "docs"), MOAT_ALLOW);
	assert_int_equal(check(t3, "docs"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_behind_a_wrapper_with_unread_options_is_judged),
	    cmocka_unit_test(the_input_as_the_program_s_data_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
