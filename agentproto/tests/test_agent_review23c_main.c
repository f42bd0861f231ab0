/* review23 (session 31), round c on main ae71601 (for argv64: a bound in
 * ma_shell_argv.c that fails open and is no place loop): env -S
 * STRING's words and the elements after it are judged as one argv only
 * while they are at most 64 (ma_sh_env_split_check: "more than 64 words:
 * not judged"), so an application that runs
 *     env -S "sh -c 'echo INPUT' sh" FILE1 ... FILE61
 * (a script on the -S string, then a list of files the user picked) has
 * its script unjudged. Run here (coreutils 9.1):
 *     env -S "sh -c 'echo x; id -un' sh" f0.txt ... f69.txt
 * printed x, then root. Verdicts on ae71601 in the comments. */
#include "agent_test.h"

static int argv_check(const char *input, int nfiles)
{
	static char names[200][24];
	const char *argv[260];
	static char script[256];
	int n = 0, v;
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/zip", .policy = p};
	struct moat_request *r = NULL;

	assert_non_null(p);
	assert_true(nfiles < 200);
	snprintf(script, sizeof script, "sh -c 'echo %s' sh", input);
	argv[n++] = "env";
	argv[n++] = "-S";
	argv[n++] = script;
	for (int i = 0; i < nfiles; i++) {
		snprintf(names[i], sizeof names[i], "f%d.txt", i);
		argv[n++] = names[i];
	}
	argv[n] = NULL;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "label", input, strlen(input)),
	                 0);
	v = moat_check_argv(r, argv, n);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void an_env_split_script_before_many_arguments_is_judged(void **state)
{
	(void)state;
	/* 0 and 60 files after it: blocked on ae71601 */
	assert_int_equal(argv_check("x; id", 0), MOAT_BLOCK);
	assert_int_equal(argv_check("x; id", 60), MOAT_BLOCK);
	/* 61, 100, 190 files: allowed on ae71601 */
	assert_int_equal(argv_check("x; id", 61), MOAT_BLOCK);
	assert_int_equal(argv_check("x; id", 100), MOAT_BLOCK);
	assert_int_equal(argv_check("x; id", 190), MOAT_BLOCK);
	/* twin: a harmless label before 100 files (allowed on ae71601) */
	assert_int_equal(argv_check("holiday photos", 100), MOAT_ALLOW);
}

/* 2. Runners that join their arguments into one line for a shell
 * (watch, GNU parallel's template, ssh's remote command) are judged on
 * the line joined into a 4 KB buffer (ma_sh_join: "cut at 4 KB"): an
 * input longer than that is not in the cut line and is not judged at
 * all. Run here: argv {"parallel", "echo", 5,000 x's + ";touch F",
 * ":::", "a"} (python subprocess, no shell) made F; watch -n 1 echo
 * with the same element (procps-ng 4.0.2, under script(1)) made F. */
static int long_check(const char *const *head, int nh, int len)
{
	static char input[8192];
	const char *argv[16];
	int n = 0, v;
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/grep", .policy = p};
	struct moat_request *r = NULL;

	assert_true(len + 8 < (int)sizeof input);
	memset(input, 'x', (size_t)len);
	memcpy(input + len, ";id", 4);
	for (int i = 0; i < nh; i++)
		argv[n++] = head[i];
	argv[n++] = input;
	if (!strcmp(head[0], "parallel")) {
		argv[n++] = ":::";
		argv[n++] = "a";
	}
	argv[n] = NULL;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "q", input, strlen(input)), 0);
	v = moat_check_argv(r, argv, n);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void a_long_argument_of_a_joining_runner_is_judged(void **state)
{
	static const char *watch[] = {"watch", "-n", "1", "echo"};
	static const char *parallel[] = {"parallel", "echo"};
	static const char *ssh[] = {"ssh", "backup@db1", "echo"};
	static const char *sudo_watch[] = {"sudo", "watch", "echo"};
	int bad = 0;

	(void)state;
	/* 10 x's: each blocked on ae71601 */
	assert_int_equal(long_check(watch, 4, 10), MOAT_BLOCK);
	assert_int_equal(long_check(parallel, 2, 10), MOAT_BLOCK);
	assert_int_equal(long_check(ssh, 3, 10), MOAT_BLOCK);
	assert_int_equal(long_check(sudo_watch, 3, 10), MOAT_BLOCK);
	/* 5,000 x's: each allowed on ae71601 */
	bad += long_check(watch, 4, 5000) != MOAT_BLOCK;
	bad += long_check(parallel, 2, 5000) != MOAT_BLOCK;
	bad += long_check(ssh, 3, 5000) != MOAT_BLOCK;
	bad += long_check(sudo_watch, 3, 5000) != MOAT_BLOCK;
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_env_split_script_before_many_arguments_is_judged),
	    cmocka_unit_test(a_long_argument_of_a_joining_runner_is_judged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
