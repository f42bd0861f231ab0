/* shell28 (session 25): an input INSIDE an application's value that a
 * program hands to sh -c (git -c core.pager=, ssh -o ProxyCommand=,
 * GIT_PAGER, GIT_SSH_COMMAND, tar -I, --to-command, man -P). The value,
 * unquoted, is the line the program's shell runs; the input is judged at
 * its place in it: one that adds a separator, a substitution, a
 * redirection or a pipe to that line fires (sh -c "less -R; id"), one
 * that stays a plain word of it passes. Values run without a shell
 * (rsync -e, GIT_SSH) keep their reading. */
#include "agent_shell_test.h"

static void input_inside_a_value_sh_c_runs_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"git -c core.pager='less -", "R; id", "' log"},
	    {"git -c core.pager=\"less -", "S | sh", "\" log -1"},
	    {"git -c core.editor='vim ", "+1 $(id)", "' commit"},
	    {"git -c core.sshCommand='ssh -i ", "k && touch /tmp/PWNED-y", "' fetch origin"},
	    {"ssh -o 'ProxyCommand=nc -", "X; id", "' web01"},
	    {"ssh -o \"ProxyCommand=nc ", "%h 22 `id`", "\" web01"},
	    {"ssh -oLocalCommand='echo ", "up > /etc/cron.d/x", "' -oPermitLocalCommand=yes db2"},
	    {"GIT_PAGER='less -", "R; id", "' git log"},
	    {"GIT_SSH_COMMAND='ssh -i ", "k; id", "' git fetch"},
	    {"export GIT_EDITOR='nano ", "-w || id", "'; git commit"},
	    {"tar -I 'zstd -", "19; id", "' -cf a.tar.zst src"},
	    {"tar -xf a.tar --to-command='cat > ", "out; id", "'"},
	    {"man -P 'less -", "R; id", "' ls"},
	};
	static const char *const passes[][3] = {
	    {"git -c core.pager='less -", "R", "' log"},
	    {"git -c core.pager=\"less -", "FRX", "\" log -1"},
	    {"git -c core.sshCommand='ssh -i ", "/home/ci/.ssh/deploy_key", "' fetch origin"},
	    {"ssh -o 'ProxyCommand=nc -", "X", "' web01"},
	    {"ssh -o \"ProxyCommand=ssh -W %h:%p ", "bastion.example.com", "\" web01"},
	    {"GIT_PAGER='less -", "R", "' git log"},
	    {"GIT_SSH_COMMAND='ssh -i ", "~/.ssh/deploy_key", "' git fetch"},
	    {"GIT_SSH_COMMAND='ssh -i ", "/srv/keys/ci_ed25519", "' git fetch origin"},
	    {"tar -I 'zstd -", "19", "' -cf a.tar.zst src"},
	    {"tar -xf a.tar --to-command='cat > ", "out.txt", "'"},
	    {"man -P 'less -", "R", "' ls"},
	    {"git -c user.name='", "Jane; Doe", "' commit -m x"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* A value a program runs without a shell (rsync -e, GIT_SSH, scp -S):
 * its words are split, not read by sh -c; the input inside it keeps
 * the reading it had (an added option fires, a plain word passes). */
static void input_inside_a_value_run_without_a_shell_keeps_its_reading(void **state)
{
	static const char *const blocks[][3] = {
	    {"rsync -e 'ssh -p ", "22 -oProxyCommand=id", "' src/ web01:/srv/"},
	};
	static const char *const passes[][3] = {
	    {"rsync -e 'ssh -p ", "2222", "' src/ web01:/srv/"},
	    {"rsync -e 'ssh -i ", "/home/ci/.ssh/id_rsa", "' src/ web01:/srv/"},
	    {"GIT_SSH='/usr/local/bin/ssh-wrap ", "web01", "' git fetch origin"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(input_inside_a_value_sh_c_runs_fires),
	    cmocka_unit_test(input_inside_a_value_run_without_a_shell_keeps_its_reading),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
