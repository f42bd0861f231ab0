/* review26 (session 33) on main 5aa6f92: shell39's table of variables
 * that run code (ma_sh_env_code) and its use in an argv.
 *
 * 1. Missed (the table's own family, names it does not hold):
 *    CC / CXX (make runs $(CC) in its recipes: env CC='sh -c ...' make),
 *    NPM_CONFIG_SCRIPT_SHELL (npm reads npm_config_* without regard to
 *    case; the table holds the lower-case name only), KUBE_EDITOR,
 *    SUDO_EDITOR, SVN_EDITOR (the EDITOR of kubectl edit, sudoedit,
 *    svn commit: the table holds EDITOR, VISUAL, GIT_EDITOR).
 *    Run here: `env CC='sh -c "id -un; exit 0" #' make` printed root;
 *    `env NPM_CONFIG_SCRIPT_SHELL=/tmp/x.sh npm run build` ran x.sh.
 * 2. And the wrappers' own ways to set a variable (the wrapper table
 *    knows them only as options with a value): systemd-run
 *    --setenv=NAME=VALUE (-E NAME=VALUE blocks), bwrap --setenv NAME
 *    VALUE, firejail --env=NAME=VALUE.
 * 3. False positive: in an argv, the input's text found anywhere in the
 *    value of a PATH-like variable the application wrote fires, although
 *    the input is a whole element of its own: `env
 *    PATH=/usr/local/bin:/usr/bin ls -la /usr/local` with input
 *    "/usr/local", `env PYTHONPATH=/opt/lib/python3.11/site-packages
 *    python3 tool.py --version 3.11` with "3.11", `env
 *    LD_LIBRARY_PATH=/opt/en-US/lib report --lang en-US` with "en-US".
 *    The input chose none of the value.
 */
#include "agent_shell_test.h"

#define SO "/srv/uploads/u17/avatar.so"

static void code_variables_the_table_misses_are_judged(void **state)
{
	static const char *const a1[] = {
	    "env", "CC=sh -c 'id -un; exit 0' #", "make", "-C", "/srv/build", NULL};
	static const char *const a2[] = {
	    "env", "NPM_CONFIG_SCRIPT_SHELL=" SO, "npm", "run", "build", NULL};
	static const char *const a3[] = {
	    "env", "KUBE_EDITOR=sh -c 'id -un; exit 0' #", "kubectl", "edit", "deploy/web", NULL};
	static const char *const a4[] = {"env", "SUDO_EDITOR=sh -c 'id -un; exit 0' #", "sudoedit",
	                                 "/etc/motd", NULL};
	static const char *const a5[] = {"env", "SVN_EDITOR=sh -c 'id -un; exit 0' #", "svn",
	                                 "commit", NULL};
	int bad = 0;

	(void)state;
	/* the controls: names the table holds */
	static const char *const c1[] = {
	    "env", "npm_config_script_shell=" SO, "npm", "run", "build", NULL};
	static const char *const c2[] = {"env", "GIT_EDITOR=sh -c 'id -un; exit 0' #", "git",
	                                 "commit", NULL};
	assert_int_equal(argv_verdict(SO, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("sh -c 'id -un; exit 0' #", c2), MOAT_BLOCK);
	if (argv_verdict("sh -c 'id -un; exit 0' #", a1) != MOAT_BLOCK) {
		print_message("allowed: env CC=... make\n");
		bad++;
	}
	if (argv_verdict(SO, a2) != MOAT_BLOCK) {
		print_message("allowed: env NPM_CONFIG_SCRIPT_SHELL=... npm run\n");
		bad++;
	}
	if (argv_verdict("sh -c 'id -un; exit 0' #", a3) != MOAT_BLOCK) {
		print_message("allowed: env KUBE_EDITOR=... kubectl edit\n");
		bad++;
	}
	if (argv_verdict("sh -c 'id -un; exit 0' #", a4) != MOAT_BLOCK) {
		print_message("allowed: env SUDO_EDITOR=... sudoedit\n");
		bad++;
	}
	if (argv_verdict("sh -c 'id -un; exit 0' #", a5) != MOAT_BLOCK) {
		print_message("allowed: env SVN_EDITOR=... svn commit\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void a_wrapper_s_own_variable_option_is_judged(void **state)
{
	static const char *const a1[] = {
	    "systemd-run", "--setenv=LD_PRELOAD=" SO, "--wait", "convert", "in.png", "out.jpg",
	    NULL};
	static const char *const a2[] = {"bwrap",    "--ro-bind",  "/", "/",
	                                 "--setenv", "LD_PRELOAD", SO,  "convert",
	                                 "in.png",   "out.jpg",    NULL};
	static const char *const a3[] = {
	    "firejail", "--env=LD_PRELOAD=" SO, "convert", "in.png", "out.jpg", NULL};
	static const char *const *const all[] = {a1, a2, a3};
	int bad = 0;

	(void)state;
	/* the control: -E NAME=VALUE is read */
	static const char *const c1[] = {"systemd-run", "-E",     "LD_PRELOAD=" SO, "--wait",
	                                 "convert",     "in.png", "out.jpg",        NULL};
	assert_int_equal(argv_verdict(SO, c1), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (argv_verdict(SO, all[i]) != MOAT_BLOCK) {
			print_message("allowed: %s %s\n", all[i][0], all[i][1]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void an_input_of_its_own_element_is_not_the_path_s(void **state)
{
	static const char *const t1[] = {
	    "env", "PATH=/usr/local/bin:/usr/bin:/bin", "ls", "-la", "/usr/local", NULL};
	static const char *const t2[] = {
	    "env",       "PYTHONPATH=/opt/lib/python3.11/site-packages",
	    "python3",   "tool.py",
	    "--version", "3.11",
	    NULL};
	static const char *const t3[] = {
	    "env", "LD_LIBRARY_PATH=/opt/en-US/lib", "report", "--lang", "en-US", NULL};
	int bad = 0;

	(void)state;
	if (argv_verdict("/usr/local", t1) != MOAT_ALLOW) {
		print_message("blocked: ls /usr/local under env PATH=...\n");
		bad++;
	}
	if (argv_verdict("3.11", t2) != MOAT_ALLOW) {
		print_message("blocked: --version 3.11 under env PYTHONPATH=...\n");
		bad++;
	}
	if (argv_verdict("en-US", t3) != MOAT_ALLOW) {
		print_message("blocked: --lang en-US under env LD_LIBRARY_PATH=...\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(code_variables_the_table_misses_are_judged),
	    cmocka_unit_test(a_wrapper_s_own_variable_option_is_judged),
	    cmocka_unit_test(an_input_of_its_own_element_is_not_the_path_s),
	};
	return cmocka_run_group_tests_name("review26_shell39", tests, group_setup, group_teardown);
}
