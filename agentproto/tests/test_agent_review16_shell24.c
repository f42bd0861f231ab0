/* review16 (session 24): findings on h-shell24's option values (sed's
 * script, from shell23's merge). Each line of the blocks ran `touch` in
 * bash 5.2.15 with GNU sed 4.9 (the file notes.txt holding "a line"; the
 * command in place of `touch /tmp/p` wrote its file) and is allowed on
 * h-shell24 9b2190e; each is checked with the input as the request's one
 * input. */
#include "agent_shell_test.h"

/* ma_sh_sed_runs skips a label to the end of its line, but GNU sed ends
 * the label of `:`, `b`, `t`, `T` at `;` (the classic ':a;N;$!ba'): the
 * `e` after `:a;` runs its command. `sed 's/a/b/;:a;e touch /tmp/p;#/'
 * notes.txt` wrote /tmp/p. */
static void an_e_command_after_a_label_blocks(void **state)
{
	static const char *const lines[][3] = {
	    /* the input closes the s command, sets a label, then e */
	    {"sed 's/a/", "b/;:a;e touch /tmp/p;#", "/' notes.txt"},
	    {"sed -n 's/a/", "b/;:a;e touch /tmp/p;#", "/p' notes.txt"},
	    /* the input is the whole script (operand, -e) */
	    {"sed -n '", ":a;e touch /tmp/p;id", "' notes.txt"},
	    {"sed -e '", ":x;e touch /tmp/p;id", "' notes.txt"},
	    /* t without a substitution before it does not branch: e runs */
	    {"sed -n '", "t;e touch /tmp/p;id", "' notes.txt"},
	};
	/* shell25 (session 24, the lead's decision): the whole script is
	 * the user's by the application's design, read as sh -c 'INPUT'
	 * is: an e command with no operator passes; its operator twins
	 * above (`;id` added) block */
	static const char *const passes[][3] = {
	    {"sed -n '", ":a;e touch /tmp/p", "' notes.txt"},
	    {"sed -e '", ":x;e touch /tmp/p", "' notes.txt"},
	    {"sed -n '", "t;e touch /tmp/p", "' notes.txt"},
	};

	(void)state;
	judge(lines, sizeof lines / sizeof lines[0], passes, sizeof passes / sizeof passes[0]);
}

/* ma_sh_option_value's walk back to `sed` takes a long option starting
 * with f (--follow-symlinks) for --file, and stops at an option's value
 * (-l 80) as at a file operand: the script operand after them is not
 * read. Both ran the s command's e flag (the pattern space "touch
 * /tmp/p line" as a command) and wrote /tmp/p; with no option before the
 * script the same input fires. */
static void the_script_after_follow_symlinks_or_a_line_length_blocks(void **state)
{
	static const char *const lines[][3] = {
	    {"sed --follow-symlinks 's/a/", "touch \\/tmp\\/p/e;#", "/' notes.txt"},
	    {"sed -i --follow-symlinks 's/a/", "touch \\/tmp\\/p/e;#", "/' notes.txt"},
	    {"sed -l 80 's/a/", "touch \\/tmp\\/p/e;#", "/' notes.txt"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* A false positive: ma_sh_value_fires judges a sed script by
 * ma_sh_sed_runs over the whole script, so a w (or e) the application
 * wrote fires for any input in the script, here a version number or a
 * search word in the s command or the address (main 9ffc48e allows each;
 * GNU sed's manual writes `sed -n '/regexp/w out.txt'`). The input adds
 * no command, flag or file name: it should pass as `sed 's/VERSION/` +
 * `1.2.3` + `/' config.h` does. */
static void an_input_beside_the_applications_own_w_passes(void **state)
{
	static const char *const lines[][3] = {
	    {"sed -i 's/VERSION/", "1.2.3", "/w changes.log' config.h"},
	    {"sed -n '/", "disk full", "/w errors.txt' app.log"},
	    {"sed -n '/", "1.2.3", "/w /tmp/matches.txt' /var/log/app.log"},
	};

	(void)state;
	all_pass(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_e_command_after_a_label_blocks),
	    cmocka_unit_test(the_script_after_follow_symlinks_or_a_line_length_blocks),
	    cmocka_unit_test(an_input_beside_the_applications_own_w_passes),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
