/* review24 (session 32), round n on main fb8d351: environment variables
 * that make a program run code. The argv check judges the command-valued
 * variables it lists (GIT_SSH_COMMAND, PAGER, EDITOR, GIT_EXTERNAL_DIFF,
 * GIT_PROXY_COMMAND, GIT_ASKPASS: blocked); others whose value the program
 * runs or loads pass, in an argv (env VAR=INPUT prog) and in a line:
 *
 *   LESSOPEN='|id %s' less FILE      less runs the preprocessor (run here:
 *                                    it ran id and wrote root)
 *   BASH_ENV=/tmp/uploads/x.sh bash -c ...   bash sources the file first
 *                                    (run here: root)
 *   LD_PRELOAD=/tmp/uploads/x.so ls  the dynamic loader loads the library
 *   NODE_OPTIONS='--require /tmp/uploads/x.js' node app.js
 *   BROWSER='sh -c id' xdg-open URL, SSH_ASKPASS=/tmp/uploads/x.sh ssh ...
 *
 * all allowed. Twins: LESSCHARSET=utf-8, LANG=de_DE.UTF-8 stay allowed.
 */
#include "agent_shell_test.h"

static void a_variable_whose_value_a_program_runs_is_judged(void **state)
{
	static const char *const less[] = {"less", "/srv/x.txt", NULL};
	static const char *const bash[] = {"bash", "-c", "ls /srv", NULL};
	static const char *const ls[] = {"ls", "/srv", NULL};
	static const char *const node[] = {"node", "app.js", NULL};
	static const char *const xdg[] = {"xdg-open", "https://example.com/", NULL};
	static const char *const ssh[] = {"ssh", "backup@h.example", "true", NULL};
	static const struct {
		const char *var, *value;
		const char *const *prog;
	} cases[] = {
	    {"LESSOPEN", "|id %s", less},
	    {"BASH_ENV", "/tmp/uploads/x.sh", bash},
	    {"LD_PRELOAD", "/tmp/uploads/x.so", ls},
	    {"NODE_OPTIONS", "--require /tmp/uploads/x.js", node},
	    {"BROWSER", "sh -c id", xdg},
	    {"SSH_ASKPASS", "/tmp/uploads/x.sh", ssh},
	};
	static const char *const lines[][3] = {
	    {"LESSOPEN='", "|id %s", "' less /srv/x.txt"},
	    {"BASH_ENV=", "/tmp/uploads/x.sh", " bash -c ls"},
	    {"LD_PRELOAD=", "/tmp/uploads/x.so", " ls"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (env_argv(cases[i].var, cases[i].value, cases[i].prog) != MOAT_BLOCK) {
			print_message("allowed: env %s=%s %s\n", cases[i].var, cases[i].value,
			              cases[i].prog[0]);
			bad++;
		}
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_BLOCK) {
			print_message("allowed: %s%s%s\n", lines[i][0], lines[i][1], lines[i][2]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_harmless_variable_is_allowed(void **state)
{
	static const char *const less[] = {"less", "/srv/x.txt", NULL};
	static const char *const ls[] = {"ls", "/srv", NULL};

	(void)state;
	assert_int_equal(env_argv("LESSCHARSET", "utf-8", less), MOAT_ALLOW);
	assert_int_equal(env_argv("LANG", "de_DE.UTF-8", ls), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_variable_whose_value_a_program_runs_is_judged),
	    cmocka_unit_test(a_harmless_variable_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
