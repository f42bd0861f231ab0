/* review17, second round (session 25): findings on h-shell26 after
 * 57eb393 closed the first three (test_agent_review17_shell26.c). Each
 * block ran `touch` (a file of ours) as root here: bash 5.2.15, git
 * 2.39.5. The input is the request's one input. */
#include "agent_shell_test.h"

/* shell26 kept the two tests of this round it closed (the eval
 * regressions of 4af983c); the other two, pre-existing on main 3433d08
 * and left at the deadline, are in bench/RESULTS.md's shell26 section:
 * git keys set through the environment (GIT_SSH_COMMAND,
 * GIT_CONFIG_COUNT/KEY_n/VALUE_n) and su/runuser fed by `< <(...)` or
 * `| nohup su root`. */

/* 4af983c: eval counts only as its command's name (ma_sh_rp_names), but
 * the places a command's name stands are more than it lists: the first
 * command of a case branch (after the pattern's ')'), of a function's
 * body (f() { ...; }, function g { ...; }) and coproc's command. Each
 * ran touch here and blocks on main 3433d08; `{ eval`, `then eval`,
 * `! eval`, `x=1 eval` block on the branch. */
static void eval_as_the_name_of_a_case_branch_or_function_body_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"case \"$1\" in start) eval 'echo ", "a; touch /tmp/PWNED-x", "' ;; esac"},
	    {"case x in (x) eval 'echo ", "a; touch /tmp/PWNED-x", "';; esac"},
	    {"case \"$1\" in stop) true ;; start) eval 'echo ", "a; touch /tmp/PWNED-x",
	     "' ;; esac"},
	    {"case x in x|y) eval 'echo ", "a; touch /tmp/PWNED-x", "';; esac"},
	    {"f() { eval 'echo ", "a; touch /tmp/PWNED-x", "'; }; f"},
	    {"f () { eval 'echo ", "a; touch /tmp/PWNED-x", "'; }"},
	    {"function g { eval 'echo ", "a; touch /tmp/PWNED-x", "'; }; g"},
	    {"coproc eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* A redirection may stand before a command's name
 * (`>/dev/null eval '...'`, POSIX 2.9.1: redirections anywhere in a
 * simple command); 4af983c reads such a word as a name that is not eval,
 * so the eval after it is not read again. Each ran touch here and blocks
 * on main 3433d08 (`2>/dev/null eval` and `2>&1 eval` block on the
 * branch). */
static void eval_after_a_redirection_fires(void **state)
{
	static const char *const lines[][3] = {
	    {">/dev/null eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"</dev/null eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"&>/dev/null eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"LANG=C >/dev/null eval 'echo ", "a; touch /tmp/PWNED-x", "'"},
	    {"if [ 1 ]; then >/dev/null eval 'echo ", "a; touch /tmp/PWNED-x", "'; fi"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(eval_as_the_name_of_a_case_branch_or_function_body_fires),
	    cmocka_unit_test(eval_after_a_redirection_fires),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
