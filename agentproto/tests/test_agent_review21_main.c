/* review21 (session 29): a miss on main 21a9f51 (not a branch's), found
 * while reading h-shellfp8's git -c changes: an input that writes a whole
 * git -c option of the deny-list (core.sshCommand, core.pager,
 * core.fsmonitor, alias.*=!) before the subcommand is allowed, where the
 * same input for ssh (-o ProxyCommand=id) fires and agentproto/README.md
 * says "git's -c name=value before the subcommand: an input that writes a
 * key of the line check's deny-list ... fires". git 2.39 runs each value
 * with sh -c (fetch's ssh, the log's pager, status's fsmonitor, the
 * alias). Lines of our own. */
#include "agent_shell_test.h"

static void an_input_that_adds_a_git_c_command_key_fires(void **state)
{
	static const char *const blocks[][3] = {
	    {"git ", "-c core.sshCommand=id", " fetch origin"},
	    {"git ", "-ccore.pager=id", " log"},
	    {"git ", "-c core.fsmonitor=id", " status"},
	    {"git ", "-c alias.x=!id", " x"},
	    {"git -c user.name=", "bot -c core.sshCommand=id", " fetch origin"},
	};
	static const char *const passes[][3] = {
	    {"git ", "-c color.ui=auto", " log"},
	    {"git -c user.name=", "bot", " commit -m x"},
	};
	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_that_adds_a_git_c_command_key_fires),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
