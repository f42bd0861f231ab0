/* shell26 (session 25). Each block ran `touch /tmp/PWNED-x` (shell26-
 * PWNED in the scratch runs) as root in bash 5.2.15 (util-linux su of
 * Debian 12, root's shell /bin/bash); each pass ran nothing the input
 * brought. The input is the request's one input. */
#include "agent_shell_test.h"

/* su's and runuser's words after the user are the user's shell's
 * arguments (util-linux su(1): "Additional arguments may be provided
 * after the username, in which case they are supplied to the user's
 * login shell"): read as a shell's own words are (sh, bash ...). Options
 * alone (-s, -x, -e, -l, -i, --norc, -O extglob, +x, "-") leave the
 * shell reading its script from standard input: a here-string or
 * here-document is the script (`su root -- -x <<< '...'` ran it). A -c
 * line or a script operand makes standard input data (su root -- run.sh,
 * su root -- -c cat). Every block was allowed on main 3433d08. */
static void su_words_after_the_user_are_the_shells_arguments(void **state)
{
	static const char *const blocks[][3] = {
	    {"su root -- -s <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -x <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su - root -- -e <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- - <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- --norc <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -O extglob <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- +x <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su -s /bin/sh root -- -i <<EOF\necho ", "a; touch /tmp/PWNED-x", "\nEOF"},
	    {"su root -- -s run.sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"runuser root -- -e <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	};
	static const char *const passes[][3] = {
	    {"su root -- run.sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root run.sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -c cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -x run.sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -O extglob run.sh <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -e -c 'tr a-z A-Z' <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"su root -- -s <<< '", "hello world", "'"},
	    {"runuser -u root -- cat <<< 'echo ", "a; touch /tmp/PWNED-x", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* eval is a shell builtin: it joins its arguments and runs them only as
 * the command's name (after assignments, a reserved word that opens a
 * command: { ! if then do ..., or builtin, command, time). A program's
 * own subcommand named eval (playwright-cli eval "el => el.id",
 * npm run eval -- ..., a tool's eval) takes its argument as data: bash
 * runs the program, not eval (devshell2, the packages' Markdown). */
static void eval_reads_its_arguments_again_only_as_the_commands_name(void **state)
{
	static const char *const blocks[][3] = {
	    {"eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"eval echo '", "a; touch /tmp/PWNED-x", "'"},
	    {"{ eval 'echo ", "a; touch /tmp/PWNED-x", "'; }"},
	    {"if true; then eval 'echo ", "a; touch /tmp/PWNED-x", "'; fi"},
	    {"! eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"x=1 eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"time eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"command eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"builtin eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"cd /srv && eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"eval '", "score > /tmp/PWNED-x", "'"},
	};
	static const char *const passes[][3] = {
	    {"playwright-cli eval '", "el => el.textContent", "' e5"},
	    {"mytool --raw eval '", "el => el.value", "' e7"},
	    {"npm run eval -- '", "score > 0.5", "'"},
	    {"mytool eval '", "score > 0.5", "' --report"},
	    {"cd /srv && mytool eval '", "a > b", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(su_words_after_the_user_are_the_shells_arguments),
	    cmocka_unit_test(eval_reads_its_arguments_again_only_as_the_commands_name),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
