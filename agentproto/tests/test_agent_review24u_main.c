/* review24 (session 32), round u on main fb8d351: argv programs that run a
 * shell line from their arguments, not followed:
 *
 * 1. npx -c LINE and npm exec -c LINE run LINE with the shell (npm's
 *    script shell): {"npx", "-c", "echo " + INPUT} with "x; id" allowed
 *    (the same after sh -c blocks). Run here: npx -c 'echo x; id -un'
 *    printed root.
 * 2. make VAR=VALUE: the recipe lines that use the variable are run by
 *    /bin/sh after expansion, so a value the user sets is code there --
 *    {"make", "-f", MAKEFILE, "VERSION=" + INPUT, "all"} with "1.0; id"
 *    allowed. Run here: a Makefile whose recipe is `echo building
 *    $(VERSION)`, make 'VERSION=1.0; id -un' printed root.
 * Twins: a plain version ("1.0.3") and a plain word after npx -c echo stay
 * allowed.
 */
#include "agent_shell_test.h"

static void a_line_run_by_npx_or_npm_exec_is_judged(void **state)
{
	static const char *const a[] = {"npx", "-c", "echo x; id", NULL};
	static const char *const b[] = {"npm", "exec", "-c", "echo x; id", NULL};
	int bad = 0;

	(void)state;
	if (argv_verdict("x; id", a) != MOAT_BLOCK) {
		print_message("allowed: npx -c 'echo x; id'\n");
		bad++;
	}
	if (argv_verdict("x; id", b) != MOAT_BLOCK) {
		print_message("allowed: npm exec -c 'echo x; id'\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void a_make_variable_with_shell_syntax_is_judged(void **state)
{
	static const char *const a[] = {"make", "-f", "/srv/build/Makefile", "VERSION=1.0; id",
	                                "all",  NULL};
	static const char *const b[] = {"make", "VERSION=1.0`id`", "all", NULL};
	int bad = 0;

	(void)state;
	if (argv_verdict("1.0; id", a) != MOAT_BLOCK) {
		print_message("allowed: make VERSION='1.0; id'\n");
		bad++;
	}
	if (argv_verdict("1.0`id`", b) != MOAT_BLOCK) {
		print_message("allowed: make VERSION=1.0`id`\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void plain_values_are_allowed(void **state)
{
	static const char *const a[] = {"make",          "-f",  "/srv/build/Makefile",
	                                "VERSION=1.0.3", "all", NULL};
	static const char *const b[] = {"npx", "-c", "echo hello", NULL};

	(void)state;
	assert_int_equal(argv_verdict("1.0.3", a), MOAT_ALLOW);
	assert_int_equal(argv_verdict("hello", b), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_run_by_npx_or_npm_exec_is_judged),
	    cmocka_unit_test(a_make_variable_with_shell_syntax_is_judged),
	    cmocka_unit_test(plain_values_are_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
