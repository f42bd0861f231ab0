/* review22 (session 30): findings on h-shell34 at 5b23f3b (GNU
 * parallel's template, tmux/ansible in argv, sed's value words). Each
 * block below was allowed at 5b23f3b (and on main 1cd37e7); the parallel,
 * sem, tmux and sed ones were run here (GNU parallel 20221122, tmux 3.3a,
 * GNU sed 4.9, dash): each ran its `touch`/`id`. Lines of our own.
 * shell34 kept every finding but two, argued in bench/RESULTS.md
 * "### shell34": sed's e command in a script the input writes whole
 * (seds_e_command_as_a_value_word_fires: shell25's decision, the same
 * script inside the application's quotes passes on main) and ansible's
 * command module given sh -c by an input that writes its whole
 * argument (session 24's decision: a value split without a shell that
 * the input writes whole picks the program); their lines are left out
 * below. */
#include "agent_shell_test.h"

/* parallel joins its command words with blanks and hands the template to
 * a shell: a separator the input escapes (x\;) or quotes ('x; id') in an
 * unquoted template word is a separator there (both ran touch here);
 * sem (parallel --semaphore) and env_parallel / parset take the same
 * template. */
static void a_separator_reaching_parallels_template_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"parallel echo ", "x\\; id", " ::: a b"},
	    {"parallel echo ", "'x; id'", " ::: a b"},
	    {"parallel -j4 gzip ", "-9\\; id", " ::: *.log"},
	    {"sem 'make ", "all; id", "'"},
	    {"sem --id build 'make ", "all; id", "'; sem --wait"},
	    {"env_parallel 'echo ", "x; id", "' ::: a"},
	    {"parset out 'echo ", "x; id", "' ::: a"},
	};
	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* parallel's {= perl expression =} replacement string runs Perl in
 * parallel itself: qx() / system() there run a program with no shell
 * separator in the template (ran touch here). */
static void a_perl_replacement_string_in_parallels_template_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"parallel 'echo ", "{= $_=qx(id) =}", "' ::: a"},
	    {"parallel 'convert {} ", "{=system(\"id\")=}", ".png' ::: *.jpg"},
	    {"parallel echo ", "{=qx{id}=}", " ::: a"},
	};
	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* parallel's --ssh value and an -S sshlogin are command lines parallel
 * runs through a shell (both ran touch here with no host reachable). */
static void parallels_ssh_command_from_the_input_fires(void **state)
{
	static const char *const lines[][3] = {
	    {"parallel --ssh '", "id; ssh", "' -S web1 uptime ::: a"},
	    {"parallel -S '", "id; ssh web1", "' uptime ::: a"},
	};
	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* ansible: --args=VALUE is --args VALUE to argparse (the spaced form
 * fires); win_shell runs its argument with PowerShell; the command
 * module given `sh -c '...'` runs a shell the input named; and every
 * module's arguments are templated by Jinja2 on the controller, so a
 * lookup('pipe', ...) runs a command whatever the module. */
static void ansible_arguments_that_reach_a_shell_fire(void **state)
{
	static const char *const lines[][3] = {
	    {"ansible web -m shell --args='", "uptime; id", "'"},
	    {"ansible web -m win_shell -a '", "Get-Date; whoami", "'"},
	    {"ansible web -m ansible.windows.win_shell -a '", "Get-Date; whoami", "'"},
	    {"ansible web -m command -a \"", "echo {{ lookup('pipe', 'id') }}", "\""},
	    {"ansible localhost -m debug -a \"", "msg={{ lookup('pipe', 'id') }}", "\""},
	};
	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* argv arrays: sem's template, parallel's {= =} and --ssh, tmux's
 * if-shell (its condition is a shell command; its commands are tmux
 * commands, run-shell among them) and set-hook's run-shell (each ran
 * touch here, tmux 3.3a), ansible's win_shell and a Jinja2 lookup. */
static void argv_runners_that_reach_a_shell_fire(void **state)
{
	static const struct {
		const char *in;
		const char *argv[12];
	} rows[] = {
	    {"make all; id", {"sem", "make all; id", NULL}},
	    {"{= $_=qx(id) =}", {"parallel", "echo", "{= $_=qx(id) =}", ":::", "a", NULL}},
	    {"id; ssh", {"parallel", "--ssh", "id; ssh", "-S", "web1", "uptime", ":::", "a", NULL}},
	    {"test -f x; id", {"tmux", "if-shell", "test -f x; id", "list-keys", NULL}},
	    {"run-shell 'x; id'", {"tmux", "if-shell", "true", "run-shell 'x; id'", NULL}},
	    {"run-shell 'x; id'",
	     {"tmux", "set-hook", "-g", "session-created", "run-shell 'x; id'", NULL}},
	    {"Get-Date; whoami",
	     {"ansible", "web", "-m", "win_shell", "-a", "Get-Date; whoami", NULL}},
	    {"msg={{ lookup('pipe', 'id') }}",
	     {"ansible", "localhost", "-m", "debug", "-a", "msg={{ lookup('pipe', 'id') }}", NULL}},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (argv_verdict(rows[i].in, rows[i].argv) != MOAT_BLOCK) {
			print_message("allowed: %s ... %s\n", rows[i].argv[0], rows[i].in);
			bad++;
		}
	if (bad)
		fail_msg("%d of %zu argv arrays allowed", bad, sizeof rows / sizeof rows[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_separator_reaching_parallels_template_fires),
	    cmocka_unit_test(a_perl_replacement_string_in_parallels_template_fires),
	    cmocka_unit_test(parallels_ssh_command_from_the_input_fires),
	    cmocka_unit_test(ansible_arguments_that_reach_a_shell_fire),
	    cmocka_unit_test(argv_runners_that_reach_a_shell_fire),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
