/* review28 (session 34) on main 1972152: shell40's variable options of a
 * wrapper (d5ae754: `systemd-run -E VAR=`, `--setenv`, `-p Environment=`
 * judged by env's table) in the spellings getopt_long accepts.
 *
 * systemd-run reads its options with glibc's getopt_long, which takes any
 * unique prefix of a long option: `--sete=LD_PRELOAD=UPLOAD`,
 * `--prop=Environment=LD_PRELOAD=UPLOAD`, `--prop Environment=...` (and
 * `--prope`) load the uploaded library into the unit's program -- 4 of 4
 * allowed, while `--setenv=`, `-E`, `-p` block (and `--sete VAR=` as two
 * elements blocks, by another rule). Not run (no systemd here); the prefix
 * rule is getopt_long's (tar's, run by review18, is held by ma_sh_abbrev).
 */
#include "agent_shell_test.h"

#define UP "/srv/app/uploads/a1b2.so"

static void abbreviated_variable_options_of_systemd_run_are_judged(void **state)
{
	static const char *const a1[] = {"systemd-run", "--sete=LD_PRELOAD=" UP, "/usr/bin/report",
	                                 NULL};
	static const char *const a2[] = {"systemd-run", "--prop=Environment=LD_PRELOAD=" UP,
	                                 "/usr/bin/report", NULL};
	static const char *const a3[] = {"systemd-run", "--prop", "Environment=LD_PRELOAD=" UP,
	                                 "/usr/bin/report", NULL};
	static const char *const a4[] = {"systemd-run",     "--user",
	                                 "--prope",         "Environment=LD_PRELOAD=" UP,
	                                 "/usr/bin/report", NULL};
	static const char *const *const all[] = {a1, a2, a3, a4};
	static const char *const c1[] = {"systemd-run", "--setenv=LD_PRELOAD=" UP,
	                                 "/usr/bin/report", NULL};
	static const char *const c2[] = {"systemd-run", "--property=Environment=LD_PRELOAD=" UP,
	                                 "/usr/bin/report", NULL};
	int bad = 0;

	(void)state;
	assert_int_equal(argv_verdict(UP, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict(UP, c2), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (argv_verdict(UP, all[i]) != MOAT_BLOCK) {
			print_message("allowed: %s %s %s\n", all[i][0], all[i][1], all[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void abbreviated_options_with_a_plain_value_stay_allowed(void **state)
{
	/* twins: the input an ordinary value of the program */
	static const char *const t1[] = {"systemd-run", "--sete=LANG=C.UTF-8", "/usr/bin/report",
	                                 "cats && dogs", NULL};
	static const char *const t2[] = {"systemd-run", "--prop=MemoryMax=500M", "/usr/bin/report",
	                                 "cats && dogs", NULL};

	(void)state;
	assert_int_equal(argv_verdict("cats && dogs", t1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("cats && dogs", t2), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(abbreviated_variable_options_of_systemd_run_are_judged),
	    cmocka_unit_test(abbreviated_options_with_a_plain_value_stay_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
