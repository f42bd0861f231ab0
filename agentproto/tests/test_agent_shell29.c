/* shell29 (session 26): values a program runs that the checks did not
 * read. Each block below ran `touch` here (bash 5.2.15, root; see
 * bench/RESULTS.md "shell29"): rsync -e 'ssh -oProxyCommand=...' (rsync
 * splits -e without a shell, ssh then runs ProxyCommand with sh -c),
 * tar's -I, --to-command and --checkpoint-action=exec= (tar 1.34 runs
 * each with /bin/sh -c), EDITOR/VISUAL/PAGER run by git with sh -c,
 * GIT_CONFIG_PARAMETERS and GIT_CONFIG_KEY_n (git 2.39.5), doas -s
 * reading its script from standard input. */
#include "agent_shell_test.h"

/* rsync -e/--rsh: its value is split into an argv (no shell), the
 * program ssh; an input that starts an option word of it after the
 * application's blank and brings the option's value (-oProxyCommand=CMD:
 * ssh runs CMD with sh -c; -o KEY=V; -F/path) adds that option. A word
 * the application's option takes, and a bare flag, pass. */
static void rsync_rsh_input_that_starts_an_option_word_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"rsync -e 'ssh ", "-oProxyCommand=touch /tmp/x", "' src/ web01:/srv/"},
	    {"rsync --rsh='ssh ", "-oProxyCommand=id", "' src/ web01:/srv/"},
	    {"rsync -av -e \"ssh -p 22 ", "-o ProxyCommand=id", "\" src/ web01:/srv/"},
	};
	static const char *const passes[][3] = {
	    {"rsync -e 'ssh -p ", "2222", "' src/ web01:/srv/"},
	    {"rsync -e 'ssh -i ", "/home/ci/.ssh/id_rsa", "' src/ web01:/srv/"},
	    {"rsync -e 'ssh -l ", "deploy-user", "' src/ web01:/srv/"},
	    {"rsync -e '", "ssh -p 2222", "' src/ web01:/srv/"},
	    {"rsync -e 'ssh ", "-v", "' src/ web01:/srv/"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* tar's -I, --to-command, --checkpoint-action=exec= (tar 1.34: /bin/sh
 * -c) and man's -P: an input inside the application's value is read at
 * its place in the line the shell runs (shell28's reading): quoted
 * there, its ; | ( ) are data; one that closes the quotes or stands
 * bare fires, as does one that picks the exec action. */
static void tar_and_man_values_read_as_the_line_their_shell_runs(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar --checkpoint=100 --checkpoint-action=exec='echo ", "x; id", "' -cf a.tar src"},
	    {"tar --checkpoint=100 '--checkpoint-action=exec=echo ", "x | sh", "' -cf a.tar src"},
	    {"tar --checkpoint=1 --checkpoint-action=exec='", "touch /tmp/x; id",
	     "' -cf a.tar src"},
	    {"tar --checkpoint=1 --checkpoint-action=", "exec=id", " -cf a.tar src"},
	    {"tar -I \"gzip -S '", "a'; id; '", "'\" -cf a.tgz src"},
	    {"tar -xf a.tar --to-command='grep -c \"", "a\" $(id) \"", "\"'"},
	    {"tar -I 'zstd -", "19; id", "' -cf a.tar.zst src"},
	    {"man -P \"less -p '", "x' ; id #", "'\" ls"},
	};
	static const char *const passes[][3] = {
	    {"tar -xf a.tar --to-command='grep -c \"", "a|b", "\"'"},
	    {"tar -I \"gzip -S '", ".a;b", "'\" -cf a.tgz src"},
	    {"tar --checkpoint=100 --checkpoint-action=exec='echo \"", "50% (a;b)",
	     "\"' -cf a.tar src"},
	    {"tar --checkpoint=100 --checkpoint-action=", "dot", " -cf a.tar src"},
	    {"man -P \"less -p '", "foo|bar", "'\" ls"},
	    {"tar -I 'zstd -", "19", "' -cf a.tar.zst src"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* EDITOR, VISUAL, PAGER, MANPAGER, LESSOPEN: a command line the programs
 * that read them hand to sh -c (git, crontab, less), set before a
 * command, after env, or exported; read as GIT_EDITOR and GIT_PAGER are
 * (shell28). */
static void editor_and_pager_variables_read_as_shell_lines(void **state)
{
	static const char *const blocks[][3] = {
	    {"EDITOR='vim ", "+1; id", "' crontab -e"},
	    {"VISUAL=\"nano ", "-w $(id)", "\" git commit"},
	    {"export PAGER='less -", "R | sh", "'; git log"},
	    {"env EDITOR='code ", "--wait; id", "' git commit"},
	    {"LESSOPEN='| lesspipe ", "%s; id", "' less f.gz"},
	    {"MANPAGER='less -", "R; id", "' man ls"},
	    {"EDITOR='", "true; touch /tmp/x", "' git commit --allow-empty"},
	};
	static const char *const passes[][3] = {
	    {"EDITOR='vim ", "+1", "' crontab -e"},
	    {"PAGER='less -", "R", "' git log"},
	    {"EDITOR=", "nano", " git commit"},
	    {"EDITOR='", "code --wait", "' git commit"},
	    {"PAGER=\"less -p '", "a;b", "'\" git log"},
	    {"LESSOPEN='| lesspipe ", "%s", "' less f.gz"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* GIT_CONFIG_KEY_n: letters alone that complete a listed key (core. +
 * pager) fire as they do after git -c (shell25); GIT_CONFIG_PARAMETERS
 * (git's own list of 'key=value' pairs, single-quoted) is read pair by
 * pair as git -c reads each. */
static void git_config_environment_read_as_git_c(void **state)
{
	static const char *const blocks[][3] = {
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.", "pager",
	     " GIT_CONFIG_VALUE_0=less git log"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.", "sshCommand",
	     " GIT_CONFIG_VALUE_0=ssh git fetch"},
	    {"GIT_CONFIG_PARAMETERS=\"'core.pager=less -", "R; id", "'\" git log"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=", "x' 'core.pager=id", "'\" git log"},
	    {"GIT_CONFIG_PARAMETERS=\"'", "core.sshCommand=id", "'\" git fetch"},
	};
	static const char *const passes[][3] = {
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=user.", "name",
	     " GIT_CONFIG_VALUE_0=x git commit"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=", "Jane Doe", "'\" git commit"},
	    {"GIT_CONFIG_PARAMETERS=\"'core.pager=less -", "R", "'\" git log"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* doas -s runs the user's shell; with no command it reads the script
 * from standard input, as sudo -s does. */
static void doas_s_reads_its_script_from_stdin(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo 'ls ", "x; id", "' | doas -s"},
	    {"doas -u www -s <<< 'ls ", "x; id", "'"},
	    {"doas -ns <<< 'ls ", "x; id", "'"},
	};
	static const char *const passes[][3] = {
	    {"echo 'ls ", "x; id", "' | doas ls"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* The argv check: env's NAME=VALUE before the program for the variables
 * above (GIT_SSH_COMMAND, GIT_PAGER, EDITOR, PAGER ...), read as the
 * line check reads them. */
static void argv_env_values_of_commands_read(void **state)
{
	static const char *const b1[] = {"env", "GIT_SSH_COMMAND=ssh -i k; id", "git", "fetch",
	                                 NULL};
	static const char *const b2[] = {"env", "PAGER=less -R | sh", "git", "log", NULL};
	static const char *const b3[] = {"/usr/bin/env", "EDITOR=vim +1 $(id)", "git", "commit",
	                                 NULL};
	static const char *const b4[] = {"rsync", "-e", "ssh -oProxyCommand=id", "a", "b:c", NULL};
	static const char *const p1[] = {"env", "GIT_PAGER=less -p foo.bar", "git", "log", NULL};
	static const char *const p2[] = {"env", "EDITOR=nano", "git", "commit", NULL};
	static const char *const p3[] = {"env", "GIT_SSH_COMMAND=ssh -i /keys/ci", "git", "fetch",
	                                 NULL};
	static const char *const p4[] = {"rsync", "-e", "ssh -p 2222", "a", "b:c", NULL};

	(void)state;
	assert_int_equal(argv_verdict("k; id", b1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("R | sh", b2), MOAT_BLOCK);
	assert_int_equal(argv_verdict("+1 $(id)", b3), MOAT_BLOCK);
	assert_int_equal(argv_verdict("-oProxyCommand=id", b4), MOAT_BLOCK);
	assert_int_equal(argv_verdict("foo.bar", p1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("nano", p2), MOAT_ALLOW);
	assert_int_equal(argv_verdict("/keys/ci", p3), MOAT_ALLOW);
	assert_int_equal(argv_verdict("2222", p4), MOAT_ALLOW);
}

/* shell30: tar's abbreviated long options (getopt_long's prefix rule),
 * TAR_OPTIONS read as tar's options, GIT_CONFIG_PARAMETERS's key letters
 * on the line and its pairs (and GIT_CONFIG_KEY_n's) in an env argv. */
static void tar_abbreviations_tar_options_and_git_pairs(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar -xf b.tar --new-vol='", "a; id", "'"},
	    {"tar -czf b.tgz --use='", "gzip; id", "' d"},
	    {"TAR_OPTIONS=\"--to-c='", "cat; id", "'\" tar -xf b.tar"},
	    {"export TAR_OPTIONS=\"-v --checkpoint-a='exec=", "id; id", "'\"; tar -cf x d"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name'='me' 'core.", "pager", "'='less; id'\" git log"},
	};
	static const char *const passes[][3] = {
	    {"tar -xf b.tar --to-c='grep -c \"", "a|b", "\"'"},
	    {"TAR_OPTIONS='--no-same-owner' tar -xf '", "my file.tar", "'"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name'='", "Ann Lee", "'\" git commit -m x"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.", "name", "'='Ann'\" git commit -m x"},
	};
	static const char *const b1[] = {
	    "env", "GIT_CONFIG_PARAMETERS='user.name'='me' 'core.pager'='less; id'", "git", "log",
	    NULL};
	static const char *const b2[] = {"tar", "-xf", "b.tar", "--to-c", "cat; id", NULL};
	static const char *const p1[] = {"env", "GIT_CONFIG_PARAMETERS='user.name'='Ann Lee'",
	                                 "git", "commit", NULL};
	static const char *const p2[] = {"env",
	                                 "GIT_CONFIG_COUNT=1",
	                                 "GIT_CONFIG_KEY_0=user.name",
	                                 "GIT_CONFIG_VALUE_0=Ann Lee",
	                                 "git",
	                                 "commit",
	                                 NULL};

	(void)state;
	all_block(blocks, sizeof blocks / sizeof blocks[0]);
	all_pass(passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("less; id", b1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("cat; id", b2), MOAT_BLOCK);
	assert_int_equal(argv_verdict("Ann Lee", p1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("Ann Lee", p2), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rsync_rsh_input_that_starts_an_option_word_fires),
	    cmocka_unit_test(tar_and_man_values_read_as_the_line_their_shell_runs),
	    cmocka_unit_test(editor_and_pager_variables_read_as_shell_lines),
	    cmocka_unit_test(git_config_environment_read_as_git_c),
	    cmocka_unit_test(doas_s_reads_its_script_from_stdin),
	    cmocka_unit_test(argv_env_values_of_commands_read),
	    cmocka_unit_test(tar_abbreviations_tar_options_and_git_pairs),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
