/* shellfp (session 24): false-positive families of command_injection on
 * benign shell lines, each with its attack twin. Every line was run by
 * bash 5.2.15 -c in a scratch directory holding run.sh (echo script-ran),
 * `touch PWNED-x` as the input: each pass ran only run.sh, each block ran
 * touch. The input is the request's one input. */
#include "agent_shell_test.h"

/* A wrapper's own -s (sudo -s: run the command through the user's
 * shell) is not the shell's -s (read the script from standard input):
 * `sudo -s bash <<< '...' run.sh` runs run.sh and the here-string is its
 * data, as `bash <<< '...' run.sh` (session 22). A -s after the shell's
 * name, or a shell with no script operand, keeps the here-string the
 * script. A wrapper the check does not know (su -s takes the shell's
 * name as its value) keeps any -s before the here-string read as the
 * shell's. */
static void a_wrappers_own_s_option_is_not_the_shells(void **state)
{
	static const char *const blocks[][3] = {
	    {"sudo -s bash -s <<< '", "touch PWNED-b; echo x", "' run.sh"},
	    {"sudo bash -s <<< '", "touch PWNED-c; echo x", "' run.sh"},
	    {"sudo -s bash <<< '", "touch PWNED-d; echo x", "'"},
	    {"sudo -s -u root bash -s <<< '", "touch PWNED-h; echo x", "' run.sh"},
	    {"su -s /bin/bash <<< '", "touch PWNED-i; echo x", "' root"},
	};
	static const char *const passes[][3] = {
	    {"sudo -s bash <<< '", "touch PWNED-a; echo x", "' run.sh"},
	    {"sudo -E -s bash <<< '", "touch PWNED-e; echo x", "' run.sh"},
	    {"sudo -s -u root bash <<< '", "touch PWNED-f; echo x", "' run.sh"},
	    {"sudo -su root bash <<< '", "touch PWNED-g; echo x", "' run.sh"},
	    {"timeout -s KILL 5 bash <<< '", "touch PWNED-k; echo x", "' run.sh"},
	    {"nice -n 5 sudo -s bash <<< '", "touch PWNED-l; echo x", "' run.sh"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* eval of a literal $x (session 22: x='...'; eval 'echo "$x"' expands
 * it once, as data) reads the value again only when the word names a
 * command that does (eval, a shell, source, trap, read ...): as words,
 * not bytes: "sh" in show, shasum or push, "read" in readlink, "-c" in
 * --color name nothing. The passes ran git show, readlink, ls, git push,
 * shasum on the value (bash 5.2.15, in a git repository); each block ran
 * touch. */
static void a_word_that_reads_a_line_again_is_a_word_not_bytes(void **state)
{
	static const char *const blocks[][3] = {
	    {"x='", "touch PWNED-f; echo x", "'; eval 'bash -c \"$x\"'"},
	    {"x='", "touch PWNED-g; echo x", "'; eval '/bin/sh -c \"$x\"'"},
	    {"x='", "touch PWNED-i; echo x", "'; eval 'eval \"$x\"'"},
	    {"x='", "touch PWNED-j; echo x", "'; eval 'source /dev/stdin <<< \"$x\"'"},
	    {"x='", "touch PWNED-k; echo x", "'; eval 'dash -c \"$x\"'"},
	    {"x='", "touch PWNED-l; echo x", "'; eval 'echo \"$x\" | sh'"},
	    {"x='", "touch PWNED-n; echo x", "'; eval 'ssh host \"$x\"'"},
	    {"x='", "touch PWNED-o; echo x", "'; eval 'zsh -c \"$x\"'"},
	    /* review16: a shell's name with a suffix (not installed here:
	     * Debian's bash-static, ksh93 read a here-string as bash does) */
	    {"x='", "touch PWNED-p; echo x", "'; eval '/bin/bash-static <<< \"$x\"'"},
	    {"x='", "touch PWNED-q; echo x", "'; eval 'ksh93 <<< \"$x\"'"},
	    {"x='", "touch PWNED-r; echo x", "'; eval 'bash <<< \"$x\"'"},
	};
	static const char *const passes[][3] = {
	    {"x='", "touch PWNED-a; echo x", "'; eval 'git show \"$x\"'"},
	    {"x='", "touch PWNED-b; echo x", "'; eval 'readlink -f \"$x\"'"},
	    {"x='", "touch PWNED-c; echo x", "'; eval 'ls --color=never \"$x\"'"},
	    {"x='", "touch PWNED-d; echo x", "'; eval 'git push --dry-run \"$x\"'"},
	    {"x='", "touch PWNED-e; echo x", "'; eval 'shasum \"$x\"'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_wrappers_own_s_option_is_not_the_shells),
	    cmocka_unit_test(a_word_that_reads_a_line_again_is_a_word_not_bytes),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
