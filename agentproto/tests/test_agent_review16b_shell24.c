/* review16, second round (session 24): findings on h-shell24 after
 * 22f2551 closed the first three (test_agent_review16_shell24.c). Each
 * line of the blocks ran `touch` in bash 5.2.15 with GNU sed 4.9 (nt.txt
 * holding "a line"; the command in place of `touch /tmp/p` wrote its
 * file) and is allowed on h-shell24 22f2551; each is checked with the
 * input as the request's one input. */
#include "agent_shell_test.h"

/* ma_sh_option_value unquotes the word with a backslash always taken as
 * an escape, but in single quotes (and before most bytes in double
 * quotes) the backslash stays: sed then reads `/x\/y/` (an address with
 * an escaped slash) and `\%a%` (an address with its own delimiter) where
 * the check reads `/x/` + a y command and a `%` command, and the `e`
 * after them is never seen. */
static void a_backslash_the_shell_keeps_in_the_script_blocks(void **state)
{
	static const char *const lines[][3] = {
	    {"sed -n '", "/x\\/y/!e touch /tmp/p;id", "' nt.txt"},
	    {"sed 's/a/", "b/;/x\\/y/!e touch /tmp/p;#", "/' nt.txt"},
	    {"sed -n '", "\\%a%e touch /tmp/p;id", "' nt.txt"},
	    {"sed -n \"", "\\%a%e touch /tmp/p;id", "\" nt.txt"},
	};
	/* shell25 (session 24, the lead's decision): the whole script is
	 * the user's by the application's design, read as sh -c 'INPUT'
	 * is: an e command with no operator passes; its operator twins
	 * above (`;id` added) block */
	static const char *const passes[][3] = {
	    {"sed -n '", "/x\\/y/!e touch /tmp/p", "' nt.txt"},
	    {"sed -n '", "\\%a%e touch /tmp/p", "' nt.txt"},
	    {"sed -n \"", "\\%a%e touch /tmp/p", "\" nt.txt"},
	};

	(void)state;
	judge(lines, sizeof lines / sizeof lines[0], passes, sizeof passes / sizeof passes[0]);
}

/* GNU getopt_long takes any unambiguous prefix of a long option: --expr,
 * --exp=, --e are --expression (sed 4.9 ran each script); the check
 * knows the whole name only (`sed --expression '` + the same input
 * blocks). */
static void an_abbreviated_expression_option_blocks(void **state)
{
	static const char *const lines[][3] = {
	    {"sed --expr '", "1e touch /tmp/p;id", "' nt.txt"},
	    {"sed --exp='", "1e touch /tmp/p;id", "' nt.txt"},
	    {"sed --e '", "1e touch /tmp/p;id", "' nt.txt"},
	};
	/* shell25 (session 24, the lead's decision): the whole script, as
	 * sh -c 'INPUT' (above) */
	static const char *const passes[][3] = {
	    {"sed --expr '", "1e touch /tmp/p", "' nt.txt"},
	    {"sed --exp='", "1e touch /tmp/p", "' nt.txt"},
	    {"sed --e '", "1e touch /tmp/p", "' nt.txt"},
	};

	(void)state;
	judge(lines, sizeof lines / sizeof lines[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_backslash_the_shell_keeps_in_the_script_blocks),
	    cmocka_unit_test(an_abbreviated_expression_option_blocks),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
