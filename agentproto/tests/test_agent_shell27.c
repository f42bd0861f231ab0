/* shell27 (session 25): the command_injection misses review17 found on
 * main (review17.md, h-shell26's second round and "Seen on main"). Each
 * block ran `touch` (a file of ours) as root in review17's proofs: bash
 * 5.2.15, git 2.39.5, util-linux su/runuser of Debian 12. The input is
 * the request's one input; the benign twins beside them pass. */
#include "agent_shell_test.h"

/* git(1) ENVIRONMENT: GIT_SSH_COMMAND, GIT_SSH, GIT_PAGER, GIT_EDITOR,
 * GIT_SEQUENCE_EDITOR, GIT_EXTERNAL_DIFF, GIT_PROXY_COMMAND, GIT_ASKPASS
 * name a program git runs (through sh -c for the command ones), and
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n set any key as -c does
 * (git-config(1)): a whole value the user picks is sh -c INPUT, also
 * after env and after an export earlier on the line. */
static void git_program_variables_in_the_environment_fire(void **state)
{
	static const char *const blocks[][3] = {
	    {"GIT_SSH_COMMAND='", "id; touch /tmp/PWNED-x", "' git fetch origin"},
	    {"env GIT_SSH_COMMAND='", "id; touch /tmp/PWNED-x",
	     "' git ls-remote ssh://web01/r.git"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.sshCommand GIT_CONFIG_VALUE_0='",
	     "id; touch /tmp/PWNED-x", "' git fetch origin"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0='",
	     "id; touch /tmp/PWNED-x", "' git log"},
	    {"GIT_SSH='", "/tmp/x; touch /tmp/PWNED-x", "' git fetch origin"},
	    {"GIT_PAGER='", "id; touch /tmp/PWNED-x", "' git log"},
	    {"GIT_EDITOR='", "id; touch /tmp/PWNED-x", "' git commit"},
	    {"GIT_EXTERNAL_DIFF='", "id; touch /tmp/PWNED-x", "' git diff"},
	    {"GIT_PROXY_COMMAND='", "id; touch /tmp/PWNED-x", "' git fetch git://h/r"},
	    {"GIT_ASKPASS='", "id; touch /tmp/PWNED-x", "' git push"},
	    {"export GIT_SSH_COMMAND='", "id; touch /tmp/PWNED-x", "'; git fetch origin"},
	    {"export GIT_PAGER='", "id; touch /tmp/PWNED-x", "' && git log -1"},
	    {"env -u HOME GIT_PAGER='", "id; touch /tmp/PWNED-x", "' git log"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=", "core.pager",
	     " GIT_CONFIG_VALUE_0='touch /tmp/PWNED-x' git log"},
	    {"GIT_CONFIG_COUNT=2 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0=x "
	     "GIT_CONFIG_KEY_1=core.editor GIT_CONFIG_VALUE_1='",
	     "vim; touch /tmp/PWNED-x", "' git commit"},
	};
	static const char *const passes[][3] = {
	    {"GIT_SSH_COMMAND='ssh -i ", "~/.ssh/deploy", "' git fetch"},
	    {"GIT_SSH_COMMAND='ssh -i ", "/home/ci/.ssh/id_ed25519", "' git fetch origin"},
	    {"GIT_AUTHOR_NAME='", "Jane Doe; the tester", "' git commit -m x"},
	    {"GIT_DIR='", "/srv/repos/app.git", "' git log"},
	    {"GIT_SSL_NO_VERIFY=", "1", " git fetch"},
	    {"GIT_PAGER=", "less", " git log"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0='", "Jane; Doe",
	     "' git commit"},
	    {"GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=", "user.name",
	     " GIT_CONFIG_VALUE_0='Jane; Doe' git commit"},
	    {"echo GIT_PAGER='", "id; touch /tmp/PWNED-x", "'"},
	    {"git commit -m '", "fix: id; touch is quoted", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* su/runuser's shell reading its standard input by a process
 * substitution or through nohup (a pass-through wrapper), and bash fed
 * by a pipe from a subshell group or from cat's here-string: each ran
 * touch. The -c cat twins and a script operand make it data. */
static void shell_stdin_by_a_process_substitution_nohup_or_group_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"su root < <(echo '", "id; touch /tmp/PWNED-x", "')"},
	    {"su - root < <(printf '%s\\n' '", "id; touch /tmp/PWNED-x", "')"},
	    {"runuser -u root -- bash < <(echo '", "id; touch /tmp/PWNED-x", "')"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | nohup su root"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | (bash)"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | { bash; }"},
	    {"cat <<< '", "id; touch /tmp/PWNED-x", "' | bash"},
	    {"cat <<< '", "id; touch /tmp/PWNED-x", "' | su root"},
	};
	static const char *const passes[][3] = {
	    {"su root -- -c cat < <(echo '", "id; touch /tmp/PWNED-x", "')"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | nohup su root -- -c cat"},
	    {"echo \"", "bob", "\" | bash run.sh"},
	    {"echo \"", "bob", "\" | (bash run.sh)"},
	    {"cat <<< '", "hello world", "' | wc -w"},
	    {"cat <<< '", "id; touch /tmp/PWNED-x", "' | wc -c"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | (cat)"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(git_program_variables_in_the_environment_fire),
	    cmocka_unit_test(shell_stdin_by_a_process_substitution_nohup_or_group_fires),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
