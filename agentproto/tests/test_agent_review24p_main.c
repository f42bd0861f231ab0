/* review24 (session 32), round p on main fb8d351: a command line that
 * writes the input into a file and then runs that file. The check reads
 * the input where it lands -- inside quotes, or a here-document's body:
 * text -- but the same line then hands the file to a shell, so the text
 * runs as commands. A pipe into a shell is judged (`echo '...' | sh`,
 * `| bash -s`, `| at now`, `| ssh host`, `eval "$(echo ...)"`: blocked);
 * the file is not:
 *
 *   echo 'x; id' > /tmp/j.sh && sh /tmp/j.sh           (run here: root)
 *   printf '%s\n' 'x; id' > /tmp/j.sh; bash /tmp/j.sh
 *   echo 'x; id' > /tmp/j; . /tmp/j
 *   echo 'x; id' | tee /tmp/j.sh; chmod +x /tmp/j.sh; /tmp/j.sh
 *   cat <<'EOF' > /tmp/j.sh <newline> x; id <newline> EOF <newline> sh /tmp/j.sh
 *   echo 'x; id' | crontab -                             (a cron job)
 *   ... > /tmp/j; bash < /tmp/j   ... ; sh -s < /tmp/j
 *   ... > /tmp/j; sh -c "$(cat /tmp/j)"   ... ; eval "$(cat /tmp/j)"
 *   (a variable is followed: cmd='x; id'; eval "$cmd" blocks)
 *
 * all allowed. Twins: the same text written to a file that is only read
 * (cat, grep, mail) stays allowed.
 */
#include "agent_shell_test.h"

static void a_file_written_then_run_is_judged(void **state)
{
	static const char *const lines[][3] = {
	    {"echo '", "x; id", "' > /tmp/j.sh && sh /tmp/j.sh"},
	    {"printf '%s\\n' '", "x; id", "' > /tmp/j.sh; bash /tmp/j.sh"},
	    {"echo '", "x; id", "' > /tmp/j; . /tmp/j"},
	    {"echo '", "x; id", "' | tee /tmp/j.sh; chmod +x /tmp/j.sh; /tmp/j.sh"},
	    {"cat <<'EOF' > /tmp/j.sh\n", "x; id", "\nEOF\nsh /tmp/j.sh"},
	    {"echo '", "x; id", "' | crontab -"},
	    {"echo '", "x; id", "' > /tmp/j; bash < /tmp/j"},
	    {"echo '", "x; id", "' > /tmp/j; sh -s < /tmp/j"},
	    {"echo '", "x; id", "' > /tmp/j; sh -c \"$(cat /tmp/j)\""},
	    {"echo '", "x; id", "' > /tmp/j; eval \"$(cat /tmp/j)\""},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

static void a_file_written_then_read_is_allowed(void **state)
{
	static const char *const lines[][3] = {
	    {"echo '", "x; id", "' > /tmp/j.txt && cat /tmp/j.txt"},
	    {"printf '%s\\n' '", "x; id", "' > /tmp/j.txt; grep -c id /tmp/j.txt"},
	    {"cat <<'EOF' > /tmp/note.txt\n", "Lunch; then meeting",
	     "\nEOF\nmail -s note a@b.c < /tmp/note.txt"},
	};

	(void)state;
	all_pass(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_file_written_then_run_is_judged),
	    cmocka_unit_test(a_file_written_then_read_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
