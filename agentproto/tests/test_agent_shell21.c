/* shell21 (session 23): session 22's open findings on command_injection
 * (common25.md), each proved with a real shell first: `touch /tmp/PWNED-x`
 * in place of id (also where the tail repeats the input), run by
 * bash 5.2.15 -c (and dash 0.5.12 -c where the block says) in a scratch
 * directory; each block was allowed (findings 1-3) and each pass blocked
 * (findings 4-5) on main 8d2c2e2. The input is the request's one input. */
#include "agent_shell_test.h"

/* Finding 1: an input that is one whole word, unquoted or the whole of
 * a quoted one, is an option of its program when it starts with a dash:
 * the value of one that runs a program (git --upload-pack, -u; tar
 * --use-compress-program; ssh -oProxyCommand) or a wgetrc command other
 * than a plain setting glued to wget's -e (-euse_askpass=PROG,
 * -eoutput_document=F; as "-e use_askpass=PROG" as two words fires).
 * The input brings the value: an option alone (-m, -ne) takes the
 * application's next word, and a one-dash cluster whose value is a word
 * (-number_of_commits: git's -u mber_of_commits) is more likely text.
 * After the application's "--" it is an operand. Each block ran touch
 * (wget: its askpass program, or wrote the file) in bash 5.2.15 and
 * dash 0.5.12 with a local repository and no network; the twins ran
 * nothing. */
static void an_input_that_is_one_whole_option_word_is_an_option(void **state)
{
	static const char *const blocks[][3] = {
	    {"git clone '", "--upload-pack=id; id; id; id; id; id; id; id; id; id;",
	     "' file:///tmp/s21/repo c1"},
	    {"wget ", "-euse_askpass=/tmp/s21/evil", " http://127.0.0.1:1/"},
	    {"wget '", "-euse_askpass=/tmp/s21/evil", "' http://127.0.0.1:1/"},
	    {"wget -q ", "-eoutput_document=/tmp/PWNED-x", " http://127.0.0.1:1/"},
	    {"wget \"", "--execute=use_askpass=/tmp/s21/evil", "\" http://127.0.0.1:1/"},
	    {"git clone '", "--upload-pack=id;", "' file:///tmp/s21/repo c1"},
	    {"git clone \"", "--upload-pack=id;", "\" file:///tmp/s21/repo c1"},
	    {"git clone ", "--upload-pack=touch\\ /tmp/PWNED-x\\;", " file:///tmp/s21/repo c1"},
	    {"git clone '", "-u id;", "' file:///tmp/s21/repo c1"},
	    {"ssh '", "-oProxyCommand=id", "' host"},
	    {"tar -cf /tmp/s21/a.tar '", "--use-compress-program=id;", "' run.sh"},
	};
	static const char *const passes[][3] = {
	    {"echo '{}' | python3 ", "-m", " json.tool"},
	    {"perl ", "-ne", " 'print if /x/' /dev/null"},
	    {"git -C /tmp/s21/repo log ", "-number_of_commits", " 2>/dev/null"},
	    {"wget ", "-erobots=off", " http://127.0.0.1:1/"},
	    {"wget -- ", "-euse_askpass=/tmp/s21/evil", " http://127.0.0.1:1/"},
	    {"wget '", "--tries=1", "' http://127.0.0.1:1/"},
	    {"git clone -- '", "--upload-pack=id;", "' file:///tmp/s21/repo c1"},
	    {"git clone '", "--depth=1", "' file:///tmp/s21/repo c1"},
	    {"git -C /tmp/s21/repo log --grep '", "--upload-pack=id;", "'"},
	    {"echo '", "--upload-pack=id;", "'"},
	    {"ssh '", "-oConnectTimeout=1", "' 127.0.0.1 -p 1 true"},
	    {"tar -cf /tmp/s21/a.tar '", "--owner=0", "' run.sh"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Finding 2: the input copied into a variable by mapfile/readarray (an
 * array: ${a[0]}, ${a[@]}, MAPFILE when no name is given), by read
 * with no name (REPLY), or by a
 * command substitution that prints it (x=$(printf %s '...'), x=`echo
 * '...'`, x="$(cat <<< '...')"), then the variable run by eval, sh -c
 * or bash -c: each block ran touch in bash 5.2.15; the twins (echo of
 * the value, another variable, printf %q's quoting, wc's count) ran
 * nothing. */
static void a_value_copied_by_mapfile_or_a_substitution_then_run(void **state)
{
	static const char *const blocks[][3] = {
	    {"read <<< '", "x; id", "'; eval \"$REPLY\""},
	    {"mapfile <<< '", "x; id", "'; eval \"${MAPFILE[0]}\""},
	    {"mapfile -t a <<< '", "x; id", "'; eval \"${a[0]}\""},
	    {"readarray -t a <<< '", "x; id", "'; eval \"${a[@]}\""},
	    {"mapfile -t <<< '", "x; id", "'; eval \"$MAPFILE\""},
	    {"mapfile -t -n 1 lines <<'E'\n", "x; id", "\nE\neval \"${lines[0]}\""},
	    {"x=$(printf %s '", "x; id", "'); eval \"$x\""},
	    {"x=`echo '", "x; id", "'`; sh -c \"$x\""},
	    {"x=\"$(printf '%s' '", "x; id", "')\"; eval \"$x\""},
	    {"cmd=$(cat <<< 'ls ", "x; id", "'); bash -c \"$cmd\""},
	};
	static const char *const passes[][3] = {
	    {"read <<< '", "x; id", "'; echo \"$REPLY\""},
	    {"mapfile <<< '", "x; id", "'; eval \"${#MAPFILE[@]}\""},
	    {"mapfile -t a <<< '", "x; id", "'; echo \"${a[0]}\""},
	    {"mapfile -t a <<< '", "x; id", "'; eval \"${b[0]}\""},
	    {"x=$(printf %s '", "x; id", "'); echo \"$x\""},
	    {"x=$(printf %q '", "x; id", "'); eval \"ls $x\""},
	    {"x=$(wc -c <<< '", "x; id", "'); eval \"$x\""},
	    {"x=$(printf %s '", "notes.txt", "'); eval \"ls $x\""},
	    {"x=`echo '", "x; id", "'`; sh -c 'echo \"$1\"' _ \"$x\""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Finding 3: a second word of several quoted parts in one line, after a
 * first that was joined and judged data: session 22 joined one word per
 * check. Each block ran touch in bash 5.2.15 and dash 0.5.12 (the first
 * word echoes the input, the second runs it). */
static void a_second_word_of_several_parts_is_read_joined(void **state)
{
	static const char *const blocks[][3] = {
	    {"sh -c 'echo '\"'", "x; id", "'\"; sh -c 'ls '\"x; id\""},
	    {"eval \"echo \"\"'", "x; id", "'\"; eval \"ls \"'x; id'"},
	    {"sh -c 'echo '\"'", "x; id", "'\"; sh -c 'cd /tmp && '\"ls x; id\""},
	};
	static const char *const passes[][3] = {
	    {"sh -c 'echo '\"'", "x; id", "'\"; sh -c 'echo '\"'x; id'\""},
	    {"eval \"echo \"\"'", "x; id", "'\"; eval \"echo \"\"'x; id'\""},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Finding 4 (false positives): a count or hash stage behind a program
 * that runs it (nice, command, env, timeout, stdbuf and their options)
 * prints a number as the bare stage does: sh runs "1". A filter behind
 * the same wrappers passes the text on, and a later pipe into a shell
 * still runs it. Blocks ran touch in bash 5.2.15 and dash 0.5.12; the
 * passes ran nothing. */
static void a_wrapper_before_a_count_stage_still_counts(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo 'ls ", "x; id", "' | nice sort | sh"},
	    {"echo 'ls ", "x; id", "' | timeout 5 cat | sh"},
	    {"echo 'ls ", "x; id", "' | env LC_ALL=C tr a a | sh"},
	    {"echo 'ls ", "x; id", "' | nice wc -l | sh; echo 'ls x; id' | sh"},
	};
	static const char *const passes[][3] = {
	    {"echo 'ls ", "x; id", "' | nice wc -l | sh"},
	    {"echo 'ls ", "x; id", "' | command wc -l | sh"},
	    {"echo 'ls ", "x; id", "' | env LC_ALL=C wc -l | sh"},
	    {"echo 'ls ", "x; id", "' | timeout 5 sha256sum | sh"},
	    {"echo 'ls ", "x; id", "' | nice -n 5 md5sum | bash"},
	    {"echo 'ls ", "x; id", "' | stdbuf -oL wc -c | sh"},
	    {"cat <<EOF | nice wc -l | sh\nls ", "x; id", "\nEOF\n"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* Finding 5 (false positives): bash <<< '...' run.sh runs run.sh, the
 * here-string (or here-document, or <(...) on standard input) only its
 * data; an operand after options (-x), after a redirection, and options
 * after the script (its arguments) alike; -c's script is the next word.
 * With -s (before or after the here-string) or no operand, bash runs
 * standard input. Each block ran touch in bash 5.2.15; the passes ran
 * nothing. */
static void a_shell_with_a_script_operand_reads_the_here_string_as_data(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash <<< 'ls ", "x; id", "' -s run.sh"},
	    {"bash -s <<< 'ls ", "x; id", "' run.sh"},
	    {"bash <<< 'ls ", "x; id", "' -x"},
	    {"bash <<< 'ls ", "x; id", "' 2>/dev/null"},
	    {"bash <<EOF -s run.sh\nls ", "x; id", "\nEOF\n"},
	};
	static const char *const passes[][3] = {
	    {"bash <<< 'ls ", "x; id", "' > out.txt run.sh -s"},
	    {"bash <<< 'ls ", "x; id", "' run.sh"},
	    {"bash <<< 'ls ", "x; id", "' ./run.sh arg"},
	    {"bash <<< 'ls ", "x; id", "' 2>/dev/null run.sh"},
	    {"bash <<< 'ls ", "x; id", "' -c 'ls'"},
	    {"bash < <(echo 'ls ", "x; id", "') run.sh"},
	    {"bash <<EOF run.sh\nls ", "x; id", "\nEOF\n"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review15 (session 23): the script operand that makes a here-string
 * data must be a file other than standard input, and a word that
 * expands to nothing is no operand. Each block ran touch (in place of
 * id) in bash 5.2.15 -c, and was blocked on main 8d2c2e2:
 *   bash <<< 'ls x; touch /tmp/p' /dev/stdin    (and /dev/fd/0,
 *   /proc/self/fd/0, after --): bash opens its standard input as the
 *   script; $EMPTY, $(true), `true`, {,}: expand to no word, bash reads
 *   stdin; -c 'source /dev/stdin': -c's line runs stdin; sudo and env
 *   before bash alike; ssh host <<< '...' bash: the remote bash reads
 *   the here-string (ssh(1): the remote command's stdin is ssh's). */
static void
a_script_operand_that_is_standard_input_or_nothing_keeps_the_here_string_a_script(void **state)
{
	static const char *const blocks[][3] = {
	    {"bash <<< 'ls ", "x; id", "' /dev/stdin"},
	    {"bash <<< 'ls ", "x; id", "' /dev/fd/0"},
	    {"bash <<< 'ls ", "x; id", "' -- /proc/self/fd/0"},
	    {"bash <<< 'ls ", "x; id", "' $SCRIPT"},
	    {"bash <<< 'ls ", "x; id", "' $(true)"},
	    {"bash <<< 'ls ", "x; id", "' `true`"},
	    {"bash <<< 'ls ", "x; id", "' {,}"},
	    {"bash <<< 'ls ", "x; id", "' -c 'source /dev/stdin'"},
	    {"sudo bash <<< 'ls ", "x; id", "' /dev/stdin"},
	    {"env bash <<< 'ls ", "x; id", "' /dev/stdin"},
	    {"ssh host <<< 'ls ", "x; id", "' bash"},
	    {"bash <<EOF /dev/stdin\nls ", "x; id", "\nEOF\n"},
	    {"bash <<EOF $SCRIPT\nls ", "x; id", "\nEOF\n"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], NULL, 0);
}

/* review15: copies the new readings miss. Each ran touch in bash 5.2.15
 * (allowed on main and on the branch): mapfile's clustered -td (its
 * value '' is no array name), the array's elements run in a loop, +=,
 * mapfile from a process substitution. */
static void more_copies_before_a_shell_reads_them_again(void **state)
{
	static const char *const blocks[][3] = {
	    {"mapfile -td '' a <<< 'ls ", "x; id", "'; eval \"${a[0]}\""},
	    {"mapfile -t a <<< 'ls ", "x; id", "'; for c in \"${a[@]}\"; do eval \"$c\"; done"},
	    {"x+=$(printf %s 'ls ", "x; id", "'); eval \"$x\""},
	    {"mapfile -t a < <(printf '%s\\n' 'ls ", "x; id", "'); eval \"${a[0]}\""},
	};
	/* eval of a literal $x (single quotes, or \$x): eval expands it once,
	 * no reparse; each ran nothing in bash 5.2.15 (the same with read -r
	 * x blocks on main: an older reading this one inherits) */
	static const char *const passes[][3] = {
	    {"x=$(printf %s 'ls ", "x; id", "'); eval 'echo \"$x\"'"},
	    {"x=$(printf %s 'ls ", "x; id", "'); eval \"echo \\\"\\$x\\\"\""},
	    {"mapfile -t a <<< 'ls ", "x; id", "'; eval 'printf \"%s\\n\" \"${a[@]}\"'"},
	    {"read <<< 'ls ", "x; id", "'; eval 'echo \"$REPLY\"'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* review15: the join buffer (2 KB for every word of the line) is full
 * after the first word when the input is over ~1 KB: the second word,
 * which runs the input, is not judged. Ran touch in bash 5.2.15 and dash
 * 0.5.12 (the tail of the input a comment). Five words in a row alike:
 * the fifth is not judged. */
static void a_second_multi_part_word_after_a_long_input_is_judged(void **state)
{
	static char input[1200], tail[1300];

	(void)state;
	memset(input, 'A', sizeof input - 1);
	memcpy(input, "x; id #", 7);
	snprintf(tail, sizeof tail, "'\"; sh -c 'ls '\"%s\"", input);
	if (verdict("sh -c 'echo '\"'", input, tail) != MOAT_BLOCK)
		fail_msg("allowed: sh -c 'echo '\"'<x; id #A...>'\"; sh -c 'ls '\"<x; id #A...>\"");
	if (verdict("sh -c 'echo '\"'", "x; id",
	            "'\"; sh -c 'echo '\"'x; id'\"; sh -c 'echo '\"'x; id'\"; "
	            "sh -c 'echo '\"'x; id'\"; sh -c 'ls '\"x; id\"") != MOAT_BLOCK)
		fail_msg("allowed: four echo words, then sh -c 'ls '\"x; id\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_input_that_is_one_whole_option_word_is_an_option),
	    cmocka_unit_test(a_value_copied_by_mapfile_or_a_substitution_then_run),
	    cmocka_unit_test(a_second_word_of_several_parts_is_read_joined),
	    cmocka_unit_test(a_wrapper_before_a_count_stage_still_counts),
	    cmocka_unit_test(a_shell_with_a_script_operand_reads_the_here_string_as_data),
	    cmocka_unit_test(
	        a_script_operand_that_is_standard_input_or_nothing_keeps_the_here_string_a_script),
	    cmocka_unit_test(more_copies_before_a_shell_reads_them_again),
	    cmocka_unit_test(a_second_multi_part_word_after_a_long_input_is_judged),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
