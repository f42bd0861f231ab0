/* review24 (session 32), round o on main fb8d351: argv. bash's options
 * that take a value before -c are not skipped as such, so the -c line
 * after them is not judged: {"bash", "-O", "extglob", "-c", LINE} (shopt
 * options, also +O and two of them), {"bash", "--rcfile", "/dev/null",
 * "-i", "-c", LINE}, {"bash", "--init-file", "/dev/null", "-c", LINE} --
 * `echo x; id` allowed (the same with -o pipefail, --login, --norc,
 * --posix: blocked; the same line in a command line: blocked). Run here:
 * each of the five printed root.
 */
#include "agent_shell_test.h"

static void a_line_after_bashs_valued_options_is_judged(void **state)
{
	static const char *const a[] = {"bash", "-O", "extglob", "-c", "echo x; id", NULL};
	static const char *const b[] = {"bash", "+O", "extglob", "-c", "echo x; id", NULL};
	static const char *const c[] = {"bash",     "-O", "globstar",   "-O",
	                                "nullglob", "-c", "echo x; id", NULL};
	static const char *const d[] = {"bash", "--rcfile",   "/dev/null", "-i",
	                                "-c",   "echo x; id", NULL};
	static const char *const e[] = {"bash", "--init-file", "/dev/null",
	                                "-c",   "echo x; id",  NULL};
	static const char *const *const all[] = {a, b, c, d, e};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (argv_verdict("x; id", all[i]) != MOAT_BLOCK) {
			print_message("allowed: bash %s %s ...\n", all[i][1], all[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_file_name_after_the_same_options_is_allowed(void **state)
{
	static const char *const a[] = {"bash", "-O", "extglob", "-c", "ls -- 'report 2024.txt'",
	                                NULL};

	(void)state;
	assert_int_equal(argv_verdict("report 2024.txt", a), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_after_bashs_valued_options_is_judged),
	    cmocka_unit_test(a_file_name_after_the_same_options_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
