/* review27 (session 34) on h-shellfp3 3984cb9: a search path whose every
 * element the input writes lies in "root's trees" (/usr, /bin, /sbin,
 * /lib*, /opt, /snap) now passes. But /opt is where applications live,
 * uploads and all (/opt/APP/uploads, /opt/APP/public/uploads,
 * /opt/APP/storage), and nginx's default web root is /usr/share/nginx/html;
 * and the /usr/tmp exclusion is a byte comparison that `/usr//tmp` and
 * `/usr/./tmp` pass. `env LD_LIBRARY_PATH=/opt/app/uploads report`,
 * PYTHONPATH, PERL5LIB likewise: main a020085 blocks all six, 3984cb9
 * allows them -- a REGRESSION (fails on 3984cb9, passes on main). Run here:
 * PYTHONPATH=DIR/opt/app/uploads python3 -c 'import json' ran the
 * uploaded json.py. Twins (pass on 3984cb9): the system's own library
 * directories.
 */
#include "agent_shell_test.h"

static int env_prog(const char *assign, const char *input, const char *prog)
{
	const char *argv[] = {"env", assign, prog, "--quiet", NULL};

	return argv_verdict(input, argv);
}

static void an_uploads_directory_under_opt_in_a_search_path_fires(void **state)
{
	static const char *const c[][2] = {
	    {"LD_LIBRARY_PATH=/opt/app/uploads", "/opt/app/uploads"},
	    {"PYTHONPATH=/opt/app/public/uploads", "/opt/app/public/uploads"},
	    {"PERL5LIB=/opt/app/storage/tmp", "/opt/app/storage/tmp"},
	    {"LD_LIBRARY_PATH=/usr//tmp", "/usr//tmp"},
	    {"LD_LIBRARY_PATH=/usr/./tmp", "/usr/./tmp"},
	    {"LD_LIBRARY_PATH=/usr/share/nginx/html/uploads", "/usr/share/nginx/html/uploads"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (env_prog(c[i][0], c[i][1], "report") != MOAT_BLOCK) {
			print_message("allowed: %s\n", c[i][0]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void the_systems_library_directories_stay_allowed(void **state)
{
	(void)state;
	assert_int_equal(env_prog("LD_LIBRARY_PATH=/usr/local/lib", "/usr/local/lib", "guile"),
	                 MOAT_ALLOW);
	assert_int_equal(env_prog("PYTHONPATH=/usr/lib/python3/dist-packages",
	                          "/usr/lib/python3/dist-packages", "python3"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_uploads_directory_under_opt_in_a_search_path_fires),
	    cmocka_unit_test(the_systems_library_directories_stay_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
