/* review18 (session 26): findings on h-shell29 (e68e902), lines of our
 * own. Each "block" line ran `touch` (a file of ours) as root here: bash
 * 5.2.15, GNU tar 1.34, rsync 3.5.0 (Debian 12's, unpacked), OpenSSH
 * 9.2p1, git 2.39.5; each "pass" line is a real command line that main
 * 5ac2300 allows. The input is the request's one input. */
#include "agent_shell_test.h"

/* argv: moat_check_argv with the request's one input. */
/* ma_sh_cmd_value_judge (e68e902): an input that starts an option word
 * right after the application's blank in rsync -e / tar -I and brings a
 * blank, '=' or '/' fires. Meant for -oProxyCommand=CMD, it takes every
 * option that has a value: an ssh port, a connect timeout, an identity
 * file, a compressor's level or window. Each passes on main 5ac2300. */
static void an_option_with_its_value_in_a_command_value_is_data(void **state)
{
	static const char *const ssh_p[] = {"rsync", "-a",          "-e", "ssh -p 2222",
	                                    "src/",  "web01:/srv/", NULL};
	static const char *const ssh_o[] = {"rsync", "-a",          "-e", "ssh -o ConnectTimeout=5",
	                                    "src/",  "web01:/srv/", NULL};
	static const char *const ssh_i[] = {
	    "rsync", "-a", "-e", "ssh -i /home/u/.ssh/deploy_key", "src/", "web01:/srv/", NULL};
	static const char *const zstd[] = {"tar", "-I", "zstd --long=27", "-cf", "a.tar",
	                                   "d",   NULL};
	static const char *const lines[][3] = {
	    {"rsync -a -e 'ssh ", "-p 2222", "' src/ web01:/srv/"},
	    {"rsync -a -e 'ssh ", "-o ConnectTimeout=5", "' src/ web01:/srv/"},
	    {"tar -I 'zstd ", "--long=27", "' -cf a.tar d"},
	};
	int bad = 0;

	(void)state;
	bad += argv_verdict("-p 2222", ssh_p) != MOAT_ALLOW;
	bad += argv_verdict("-o ConnectTimeout=5", ssh_o) != MOAT_ALLOW;
	bad += argv_verdict("-i /home/u/.ssh/deploy_key", ssh_i) != MOAT_ALLOW;
	bad += argv_verdict("--long=27", zstd) != MOAT_ALLOW;
	if (bad)
		print_message("%d of 4 argv blocked\n", bad);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_ALLOW) {
			print_message("blocked: %s%s%s\n", lines[i][0], lines[i][1], lines[i][2]);
			bad++;
		}
	if (bad)
		fail_msg("%d of 7 blocked", bad);
}

/* rsync reads its remote shell from RSYNC_RSH as from -e/--rsh (rsync(1):
 * the same splitting), and runs RSYNC_CONNECT_PROG through a shell; the
 * branch reads -e/--rsh only. Each ran touch here (`rsync -e` with the
 * same value blocks on the branch). */
static void rsyncs_remote_shell_from_the_environment_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"RSYNC_RSH='ssh -o \"ProxyCommand=", "$(touch /tmp/PWNED-x)",
	     "\"' rsync a.txt web01:/tmp/"},
	    {"export RSYNC_RSH='ssh -o \"ProxyCommand=", "$(touch /tmp/PWNED-x)",
	     "\"'; rsync a.txt web01:/tmp/"},
	    {"RSYNC_RSH='ssh ", "-oProxyCommand=\"touch /tmp/PWNED-x\"",
	     "' rsync a.txt web01:/tmp/"},
	    {"RSYNC_RSH=\"sh -c '", "x; touch /tmp/PWNED-x", "'\" rsync a.txt web01:/tmp/"},
	    {"env RSYNC_RSH=\"sh -c '", "x; touch /tmp/PWNED-x", "'\" rsync a.txt web01:/tmp/"},
	    {"RSYNC_CONNECT_PROG='", "x; touch /tmp/PWNED-x", "' rsync rsync://web01/mod/"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* GNU tar takes any unambiguous abbreviation of a long option (argp):
 * --checkpoint-act=exec=, --to-com=, --use-compress-prog= ran touch
 * here as the full names do (which block). */
static void abbreviated_tar_options_that_run_a_shell_fire(void **state)
{
	static const char *const lines[][3] = {
	    {"tar -cf /dev/null --checkpoint=1 --checkpoint-act='exec=", "x; touch /tmp/PWNED-x",
	     "' a.txt"},
	    {"tar -xf a.tar --to-com='", "x; touch /tmp/PWNED-x", "'"},
	    {"tar -cf /dev/null --use-compress-prog='", "x; touch /tmp/PWNED-x", "' a.txt"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* git's keys by GIT_CONFIG_PARAMETERS: letters that complete a listed key
 * fire for GIT_CONFIG_KEY_n (e68e902) but not there; and the argv check
 * reads neither the pairs nor GIT_CONFIG_PARAMETERS (GIT_SSH_COMMAND=...
 * blocks there). Each ran touch here. */
static void git_config_parameters_and_pairs_in_argv_fire(void **state)
{
	static const char *const lines[][3] = {
	    {"GIT_CONFIG_PARAMETERS=\"'core.", "sshCommand",
	     "'='touch /tmp/PWNED-x;'\" git ls-remote ssh://web01/r.git"},
	    {"env GIT_CONFIG_PARAMETERS=\"'core.", "sshCommand",
	     "=touch /tmp/PWNED-x;'\" git ls-remote ssh://web01/r.git"},
	};
	static const char *const pair[] = {"env",
	                                   "GIT_CONFIG_COUNT=1",
	                                   "GIT_CONFIG_KEY_0=core.sshCommand",
	                                   "GIT_CONFIG_VALUE_0=x; touch /tmp/PWNED-x",
	                                   "git",
	                                   "ls-remote",
	                                   "ssh://web01/r.git",
	                                   NULL};
	static const char *const params[] = {
	    "env",
	    "GIT_CONFIG_PARAMETERS='core.sshCommand'='x; touch /tmp/PWNED-x'",
	    "git",
	    "ls-remote",
	    "ssh://web01/r.git",
	    NULL};
	static const char *const letters[] = {"env",
	                                      "GIT_CONFIG_COUNT=1",
	                                      "GIT_CONFIG_KEY_0=core.sshCommand",
	                                      "GIT_CONFIG_VALUE_0=touch /tmp/PWNED-x;",
	                                      "git",
	                                      "ls-remote",
	                                      "ssh://web01/r.git",
	                                      NULL};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", lines[i][0], lines[i][1], lines[i][2]);
			bad++;
		}
	if (argv_verdict("x; touch /tmp/PWNED-x", pair) != MOAT_BLOCK) {
		print_message("allowed: argv GIT_CONFIG_VALUE_0\n");
		bad++;
	}
	if (argv_verdict("x; touch /tmp/PWNED-x", params) != MOAT_BLOCK) {
		print_message("allowed: argv GIT_CONFIG_PARAMETERS\n");
		bad++;
	}
	if (argv_verdict("sshCommand", letters) != MOAT_BLOCK) {
		print_message("allowed: argv GIT_CONFIG_KEY_0=core. + sshCommand\n");
		bad++;
	}
	if (bad)
		fail_msg("%d of 5 allowed", bad);
}

/* GNU tar reads options from TAR_OPTIONS before its command line (tar(1),
 * quotes honoured): --to-command, --use-compress-program and
 * --checkpoint-action=exec= given there run the same shell line as on
 * the command line (which blocks). Each ran touch here. (NEW, 20:37) */
static void tar_options_from_the_environment_fire(void **state)
{
	static const char *const lines[][3] = {
	    {"TAR_OPTIONS=\"--to-command='", "x; touch /tmp/PWNED-x", "'\" tar -xf a.tar"},
	    {"TAR_OPTIONS=\"--use-compress-program='", "x; touch /tmp/PWNED-x",
	     "'\" tar -cf /dev/null a.txt"},
	    {"export TAR_OPTIONS=\"--to-command='", "x; touch /tmp/PWNED-x", "'\"; tar -xf a.tar"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_option_with_its_value_in_a_command_value_is_data),
	    cmocka_unit_test(rsyncs_remote_shell_from_the_environment_fires),
	    cmocka_unit_test(abbreviated_tar_options_that_run_a_shell_fire),
	    cmocka_unit_test(git_config_parameters_and_pairs_in_argv_fire),
	    cmocka_unit_test(tar_options_from_the_environment_fire),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
