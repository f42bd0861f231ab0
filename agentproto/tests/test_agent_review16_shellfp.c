/* review16 (session 24): a finding on h-shellfp's fbc4b50 (eval of a
 * literal $x reads the value again only for whole words). Each line of
 * the blocks ran `touch` in bash 5.2.15 (as root here: su root; flock
 * and script from util-linux 2.38) with `touch /tmp/p; id` as the input,
 * blocks on main 9ffc48e and is allowed on h-shellfp 27c7da6; the input
 * is the request's one input. */
#include "agent_shell_test.h"

/* ma_sh_literal_dollar now takes "-c" only where no '-' is before it
 * ("--color" passes), so --command, the long form of su/flock/script's
 * -c, no longer counts as a line read again: the eval'd word hands the
 * value to a shell as a command line. The short forms still block. */
static void the_long_command_option_reads_the_value_again(void **state)
{
	static const char *const blocks[][3] = {
	    {"x='", "touch /tmp/p; id", "'; eval 'su root --command \"$x\"'"},
	    {"x='", "touch /tmp/p; id", "'; eval 'flock /tmp/lk --command \"$x\"'"},
	    {"x='", "touch /tmp/p; id", "'; eval 'script -q --command \"$x\" /dev/null'"},
	};
	static const char *const passes[][3] = {
	    /* the branch's own twin: eval of echo prints the value once */
	    {"x='", "touch /tmp/p; id", "'; eval 'echo \"$x\"'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_long_command_option_reads_the_value_again),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
