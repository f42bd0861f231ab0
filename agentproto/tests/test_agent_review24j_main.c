/* review24 (session 32), round j on main fb8d351: argv. The argv check
 * follows the wrappers it knows (sudo, timeout, nice, nohup, env, chrt,
 * taskset, docker exec, kubectl exec, ssh ...) to the program they run;
 * behind any other, the program's `sh -c LINE` is an argument of the
 * wrapper and LINE is not judged. 36 of 50 common wrappers hide it on
 * fb8d351 -- sandboxes and privilege tools an application puts around a
 * user's job (firejail, bwrap, unshare, nsenter, ip netns exec,
 * systemd-run, systemd-nspawn, runuser, setpriv, setuidgid, chpst, sg -c,
 * pkexec), resource and test wrappers (prlimit, numactl, cgexec,
 * setarch, faketime, fakeroot, proot, valgrind, ltrace, perf stat, gdb
 * --args, catchsegv), session and network wrappers (xvfb-run,
 * dbus-run-session, screen -dm, script -qc LINE, torsocks, proxychains4,
 * daemonize, start-stop-daemon): `echo ` + `x; id` is allowed behind each
 * (bare `sh -c`: blocked). Run here: setpriv, prlimit, setarch, runuser
 * and script -qc each ran `echo x; id -un` and printed root.
 */
#include "agent_shell_test.h"

static void a_line_behind_another_wrapper_is_judged(void **state)
{
	static const char *const wrappers[][6] = {
	    {"firejail", "--quiet"},
	    {"bwrap", "--ro-bind", "/", "/"},
	    {"unshare", "-r"},
	    {"nsenter", "-t", "1", "-m"},
	    {"ip", "netns", "exec", "ns1"},
	    {"systemd-run", "--scope"},
	    {"systemd-nspawn", "-D", "/srv/c"},
	    {"runuser", "-u", "app", "--"},
	    {"setpriv", "--reuid=1000"},
	    {"setuidgid", "app"},
	    {"chpst", "-u", "app"},
	    {"pkexec"},
	    {"prlimit", "--nofile=100"},
	    {"numactl", "-N", "0"},
	    {"cgexec", "-g", "cpu:jobs"},
	    {"setarch", "x86_64"},
	    {"faketime", "2020-01-01"},
	    {"fakeroot"},
	    {"valgrind", "-q"},
	    {"xvfb-run"},
	    {"dbus-run-session", "--"},
	    {"screen", "-dm"},
	    {"torsocks"},
	    {"proxychains4", "-q"},
	};
	const char *input = "x; id";
	int bad = 0;

	(void)state;
	for (size_t w = 0; w < sizeof wrappers / sizeof wrappers[0]; w++) {
		const char *argv[12];
		int n = 0;
		for (int k = 0; k < 6 && wrappers[w][k]; k++)
			argv[n++] = wrappers[w][k];
		argv[n++] = "sh";
		argv[n++] = "-c";
		argv[n++] = "echo x; id";
		argv[n] = NULL;
		if (argv_verdict(input, argv) != MOAT_BLOCK) {
			print_message("allowed behind %s\n", wrappers[w][0]);
			bad++;
		}
	}
	/* script -c and sg -c take the line themselves */
	{
		const char *s[] = {"script", "-qc", "echo x; id", "/dev/null", NULL};
		const char *g[] = {"sg", "app", "-c", "echo x; id", NULL};
		if (argv_verdict(input, s) != MOAT_BLOCK) {
			print_message("allowed: script -qc LINE\n");
			bad++;
		}
		if (argv_verdict(input, g) != MOAT_BLOCK) {
			print_message("allowed: sg app -c LINE\n");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Shells the check does not know as shells: the line they run with -c
 * (-Command) is an argument; rbash is bash (run here: rbash -c 'echo x;
 * id -un' printed root), fish, csh and tcsh take ';' too. */
static void a_line_given_to_another_shell_is_judged(void **state)
{
	static const char *const shells[][2] = {
	    {"rbash", "-c"}, {"fish", "-c"}, {"csh", "-c"}, {"tcsh", "-c"}, {"pwsh", "-Command"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof shells / sizeof shells[0]; i++) {
		const char *argv[] = {shells[i][0], shells[i][1], "echo x; id", NULL};
		if (argv_verdict("x; id", argv) != MOAT_BLOCK) {
			print_message("allowed: %s %s LINE\n", shells[i][0], shells[i][1]);
			bad++;
		}
	}
	/* the same in command lines (a line's sh -c behind firejail is judged) */
	{
		static const char *const lines[][3] = {
		    {"rbash -c 'echo ", "x; id", "'"},
		    {"fish -c 'echo ", "x; id", "'"},
		    {"csh -c 'echo ", "x; id", "'"},
		    {"tcsh -c 'echo ", "x; id", "'"},
		};
		for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
			if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_BLOCK) {
				print_message("allowed: %s%s%s\n", lines[i][0], lines[i][1],
				              lines[i][2]);
				bad++;
			}
	}
	assert_int_equal(bad, 0);
}

static void a_file_name_behind_a_wrapper_is_allowed(void **state)
{
	const char *a[] = {"firejail",       "--quiet", "convert", "/srv/in/My Photo (1).png",
	                   "/srv/out/x.png", NULL};
	const char *b[] = {"setpriv", "--reuid=1000", "sh", "-c", "gzip -k -- 'report 2024.txt'",
	                   NULL};

	(void)state;
	assert_int_equal(argv_verdict("My Photo (1).png", a), MOAT_ALLOW);
	assert_int_equal(argv_verdict("report 2024.txt", b), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_behind_another_wrapper_is_judged),
	    cmocka_unit_test(a_line_given_to_another_shell_is_judged),
	    cmocka_unit_test(a_file_name_behind_a_wrapper_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
