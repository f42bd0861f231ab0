/* review24 (session 32), round b on h-shell37 d53b64e: round 1 fixed (the
 * JavaScript "${}" false positive; gdb call, konsole -e, tmux #() block).
 * Fresh wordings of the fixes: gdb output/set/p/print $_shell()/execl/
 * popen and tmux status-left / pane-border-format / "#{pane_id} #(id)"
 * all block now.
 *
 * 1. NEW false positives: gdb's expression commands read a cast or sizeof
 *    as a function call -- print (long)total, print sizeof(struct req),
 *    print (char)c block (cmd.option; allowed on main); none calls
 *    anything in the process. (print max_len * 2, arr[3].name, x/16xb buf
 *    stay allowed.)
 * 2. Still allowed, the family of xterm -e / konsole -e: mate-terminal -e,
 *    xfce4-terminal -e, terminator -e, lxterminal -e, tilix -e,
 *    qterminal -e, each running its -e line with a shell.
 */
#include "agent_shell_test.h"

static void a_cast_or_sizeof_in_gdb_print_is_allowed(void **state)
{
	static const char *const lines[][3] = {
	    {"gdb -batch -ex 'print ", "(long)total", "' ./a.out"},
	    {"gdb -batch -ex 'print ", "sizeof(struct req)", "' ./a.out"},
	    {"gdb -batch -ex 'print ", "(char)c", "' ./a.out"},
	    {"gdb -batch -ex 'print ", "(unsigned)flags & 0x4", "' ./a.out"},
	};

	(void)state;
	all_pass(lines, sizeof lines / sizeof lines[0]);
}

static void other_terminals_running_their_line_block(void **state)
{
	static const char *const lines[][3] = {
	    {"mate-terminal -e '", "make; id", "'"}, {"xfce4-terminal -e '", "tail x.log; id", "'"},
	    {"terminator -e '", "ls && id", "'"},    {"lxterminal -e '", "ls; id", "'"},
	    {"tilix -e '", "ls; id", "'"},           {"qterminal -e '", "ls; id", "'"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_cast_or_sizeof_in_gdb_print_is_allowed),
	    cmocka_unit_test(other_terminals_running_their_line_block),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
