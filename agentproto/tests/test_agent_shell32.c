/* shell32 (session 29): an input that supplies a whole run-a-command
 * option of a program, or the value word after the option's name given
 * apart, or the option's action word with shell quoting inside it. tar
 * 1.34's --checkpoint-action takes its value glued (=) or as the next
 * argument (getopt_long's required argument); the shell removes quotes
 * inside a word before tar reads it (e''xec=, "ex"ec=, ex\ec=). Lines of
 * our own; the passes pick an action that runs nothing. */
#include "agent_shell_test.h"

static void tars_exec_action_quoted_or_in_the_next_word_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar -cf a.tar --checkpoint=1 --checkpoint-action=", "e''xec=id", " d"},
	    {"tar -cf a.tar --checkpoint-action=", "\"ex\"ec=sh\\ run.sh", " d"},
	    {"tar -cf a.tar --checkpoint-action=", "ex\\ec=id", " d"},
	    {"tar -cf a.tar --checkpoint=1 --checkpoint-action", " exec=id", " d"},
	    {"tar -xf big.tar --checkpoint-action ", "exec=/tmp/x/run", ""},
	    {"tar -cf a.tar --checkpoint-act ", "'exec=touch /tmp/q'", " src"},
	};
	static const char *const passes[][3] = {
	    {"tar -cf a.tar --checkpoint=1 --checkpoint-action=", "d''ot", " d"},
	    {"tar -cf a.tar --checkpoint-action", " echo", " d"},
	    {"tar -xf big.tar --checkpoint-action ", "ttyout=%u", ""},
	    {"tar -cf a.tar --checkpoint-act ", "'sleep=1'", " src"},
	};
	const char *next[] = {"tar", "-cf", "a.tar", "--checkpoint-action", "exec=id", "d", NULL};
	const char *dot[] = {"tar", "-cf", "a.tar", "--checkpoint-action", "dot", "d", NULL};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("exec=id", next), MOAT_BLOCK);
	assert_int_equal(argv_verdict("dot", dot), MOAT_ALLOW);
}

/* git's -c written whole by the input (the option, its key and value),
 * beside review21's test: more keys of the deny-list and argv arrays;
 * the twins a plain setting or a pager of cat. */
static void a_whole_git_c_option_from_the_input_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"git ", "-c core.editor=id", " commit"},
	    {"git ", "-c 'core.pager=less; id'", " log"},
	    {"git ", "-c diff.external=/tmp/x/d", " diff"},
	    {"git --no-pager ", "-c CORE.SSHCOMMAND=id", " pull"},
	    {"git ", "-c core.sshCommand=id -c user.name=x", " fetch"},
	};
	static const char *const passes[][3] = {
	    {"git ", "-c user.name=Ann", " commit -m x"},
	    {"git ", "-c core.pager=cat", " log"},
	    {"git ", "-c pager.log=false", " log"},
	    {"git ", "-c core.autocrlf=input", " status"},
	};
	const char *ssh[] = {"git", "-c", "core.sshCommand=id", "fetch", NULL};
	const char *glued[] = {"git", "-ccore.pager=id", "log", NULL};
	const char *name[] = {"git", "-c", "user.name=Ann", "commit", NULL};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
	assert_int_equal(argv_verdict("core.sshCommand=id", ssh), MOAT_BLOCK);
	assert_int_equal(argv_verdict("-ccore.pager=id", glued), MOAT_BLOCK);
	assert_int_equal(argv_verdict("user.name=Ann", name), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tars_exec_action_quoted_or_in_the_next_word_fires),
	    cmocka_unit_test(a_whole_git_c_option_from_the_input_fires),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
