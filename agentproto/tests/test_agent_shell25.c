/* shell25 (session 24). Each block ran `touch /tmp/PWNED-x` in bash
 * 5.2.15 -c (GNU sed 4.9, sudo, su and runuser of Debian 12 as root, a
 * scratch directory whose f.txt holds "a line" and run.sh exists); each
 * pass ran nothing the input brought. The input is the request's one
 * input. */
#include "agent_shell_test.h"

/* The lead's decision: a whole sed script the user picks is read as sh
 * -c 'INPUT' is. It fires for what writes a file (w, W, an s command's
 * w flag: sh -c's redirection) and for an e command or an s command's e
 * flag whose command line holds an operator or a substitution (; | &&
 * > ` $( and a second line: \n in the replacement; an unescaped & in
 * the replacement is the match, no operator); a plain e command or e
 * flag passes as sh -c 'date' does. The passes fired on main 00ee4d5. */
static void a_whole_sed_script_is_read_as_sh_c_reads_it(void **state)
{
	static const char *const blocks[][3] = {
	    {"sed -e '", "s/.*/touch \\/tmp\\/PWNED-x|cat/e", "' f.txt"},
	    {"sed -e '", "s/.*/id\\ntouch \\/tmp\\/PWNED-x/e", "' f.txt"},
	    {"sed '", "s/.*/echo $(touch \\/tmp\\/PWNED-x)/e", "' f.txt"},
	    {"sed '", "s/.*/id \\&\\& touch \\/tmp\\/PWNED-x/e", "' f.txt"},
	    {"sed -n '", "1e id > /tmp/PWNED-x", "' f.txt"},
	    {"sed -e '", "1e echo `touch /tmp/PWNED-x`", "' f.txt"},
	    {"sed '", "s/a/b/w /tmp/PWNED-x", "' f.txt"},
	    {"sed -n '", "/a/W /tmp/PWNED-x", "' f.txt"},
	};
	static const char *const passes[][3] = {
	    {"sed '", "s/a/b/;1e date", "' f.txt"},
	    {"sed -n '", "s/.*/echo &/ep", "' f.txt"},
	    {"sed -e '", "/^a/!d;s/ /_/g", "' f.txt"},
	    {"sed '", "1e date", "' f.txt"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review16's misses on main: a here-string or here-document read by a
 * shell that a wrapper starts where the shell's own words show no -s:
 * sudo -s / -i / --shell (the user's shell reads standard input with no
 * command, or runs $SHELL -c 'COMMAND': bash with no operand reads it),
 * su and runuser with no -c (the user's shell reads it; runuser -u runs
 * its command with no shell), env -S's string split into words before
 * the words after it. The input adds an operator to the line the shell
 * reads. The passes: the wrapped command reads the here-string as data
 * (cat, tr, sort, tee, bash run.sh, su -c cat). Every block was allowed
 * on main 00ee4d5. */
static void a_wrapped_shell_that_reads_stdin_blocks(void **state)
{
	static const char *const blocks[][3] = {
	    {"sudo -s <<< 'echo ", "a; touch /tmp/PWNED-x", "' bash"},
	    {"sudo -s <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su -s /bin/bash root <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"env -S 'bash -s' <<< 'echo ", "a; touch /tmp/PWNED-x", "' run.sh"},
	    {"sudo -s <<EOF bash\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"sudo -u root -s <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su - root -s /bin/sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo bash <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root <<EOF\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"nice -n 5 sudo -i <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo --shell <<< 'echo ", "a; touch /tmp/PWNED-x", "' bash"},
	    {"runuser -u root <<< 'echo ", "a; touch /tmp/PWNED-x", "' -- bash"},
	    {"env -S'bash -s' <<< 'echo ", "a; touch /tmp/PWNED-x", "' run.sh"},
	    {"env -S 'sh -s' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -E env -S 'sh -s' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	};
	static const char *const passes[][3] = {
	    {"sudo -s bash <<< 'echo ", "a; touch /tmp/PWNED-x", "' run.sh"},
	    {"sudo cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -s cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su -s /bin/bash root -c 'cat' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"env -S 'cat -n' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"env -S 'bash' <<< 'echo ", "a; touch /tmp/PWNED-x", "' run.sh"},
	    {"sudo -s wc -l <<< '", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -s <<< '", "hello world", "' bash"},
	    {"sudo -s <<EOF cat\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"sudo -s <<EOF bash run.sh\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"su root -c cat <<EOF\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"su root --command=cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -s <<< 'echo ", "a; touch /tmp/PWNED-x", "' tr a-z A-Z"},
	    {"env -S 'sort -r' <<< '", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -u www tee out.txt <<< '", "a; touch /tmp/PWNED-x", "'"},
	    {"runuser -u root -- cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"env -S 'bash run.sh' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"sudo -i -u root wc -l <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* An input of letters, digits and '_' alone was never judged by the line
 * check (ma_sh_skip_input): one that makes an ssh -o keyword or a git -c
 * key of shell24's deny-lists with the application's bytes passed
 * (shell24's finding). It is judged now when the word it lies in, right
 * after -o or -c, names a listed key; plain keys and a word elsewhere
 * stay skipped. OpenSSH 9.2p1 ran ProxyCommand with the host
 * h.invalid, git 2.39.5 core.fsmonitor in a scratch repository. */
static void a_plain_input_that_makes_a_listed_key_blocks(void **state)
{
	static const char *const blocks[][3] = {
	    {"ssh -o 'Proxy", "Command", "=touch /tmp/PWNED-x' h.invalid true"},
	    {"ssh -o '", "ProxyCommand", "=touch /tmp/PWNED-x' h.invalid true"},
	    {"ssh -o ", "ProxyCommand", "='touch /tmp/PWNED-x' h.invalid true"},
	    {"ssh -o", "ProxyCommand", "='touch /tmp/PWNED-x' h.invalid true"},
	    {"ssh -o 'Proxy", "Command", " touch /tmp/PWNED-x' h.invalid true"},
	    {"git -c core.", "fsmonitor", "='touch /tmp/PWNED-x' status"},
	};
	static const char *const passes[][3] = {
	    {"ssh -o 'Connect", "Timeout", "=5' h.invalid true"},
	    {"ssh -o 'ServerAlive", "Interval", "=30' h.invalid true"},
	    {"ssh -o ProxyCommand='nc %h %p' ", "bastion", ""},
	    {"git -c user.", "name", "=bob status"},
	    {"echo Proxy", "Command", ""},
	    {"ls -o ", "Command", ""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_whole_sed_script_is_read_as_sh_c_reads_it),
	    cmocka_unit_test(a_wrapped_shell_that_reads_stdin_blocks),
	    cmocka_unit_test(a_plain_input_that_makes_a_listed_key_blocks),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
