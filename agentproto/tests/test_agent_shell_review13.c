/* review13 (session 21): findings on h-shell17's command_injection forms.
 * Each line of the blocks ran `touch` in place of id (bash 5.2.15; dash
 * and busybox sh where the comment says) and is allowed on h-shell17
 * 3c7fb7b; each was checked with the input as the request's one input.
 * shell18 keeps here the findings it fixed (the others stay in review13's
 * patch) and their benign twins. */
#include "agent_shell_test.h"

/* A pipe into a shell that is not the pipeline's second command, or a
 * shell reading a script from /dev/stdin, or a here-document given
 * through a redirection the form did not expect (0<<, << before the
 * command's name), or the line grouped by { } / ( ): each ran touch in
 * bash, dash and busybox sh (|& in bash). The rest of review13's list
 * (<<<, <( ), $( ) around the echo) stays in its patch. */
static void lines_reaching_a_shell_by_other_pipes_and_redirections(void **state)
{
	static const char *const lines[][3] = {
	    {"echo 'ls ", "x; id", "' | tee /dev/null | sh"},
	    {"echo 'ls ", "x; id", "' | sed s/a/b/ | sh"},
	    {"cat <<EOF | tee f | bash\nls ", "x; id", "\nEOF\n"},
	    {"echo 'ls ", "x; id", "' |& sh"},
	    {"echo 'ls ", "x; id", "' | bash /dev/stdin"},
	    {"echo 'ls ", "x; id", "' | sh /dev/stdin"},
	    {"echo 'ls ", "x; id", "' | s\\h"},
	    {"{ echo 'ls ", "x; id", "'; } | sh"},
	    {"(echo 'ls ", "x; id", "') | sh"},
	    {"sh 0<<EOF\nls ", "x; id", "\nEOF\n"},
	    {"<<EOF sh\nls ", "x; id", "\nEOF\n"},
	    /* shell18's own: more filters, a path, a quoted name */
	    {"printf '%s\\n' 'cd ", "/tmp; id", "' | grep -v '^#' | cat | /bin/bash"},
	    {"echo 'ls ", "x; id", "' | tr a b | b'a'sh -s"},
	    {"cat <<'EOF' |& sort | dash\nls ", "x; id", "\nEOF\n"},
	    {"x=1; <<EOF bash\nls ", "x; id", "\nEOF\n"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* BASH_ENV is expanded (command substitution included) by every
 * non-interactive bash before it runs: BASH_ENV='$(touch p)' bash -c true
 * ran touch (bash 5.2.15) -- PS4's family, which h-shell17 reads. */
static void bash_env_is_expanded_as_ps4_is(void **state)
{
	static const char *const lines[][3] = {
	    {"BASH_ENV='", "$(id)", "' bash -c ls"},
	    {"export BASH_ENV='", "$(id)", "'; bash ./run.sh"},
	    {"env BASH_ENV='", "`id`", "' bash run.sh"},
	    {"declare -x BASH_ENV='", "$(id)", "'; ./run.sh"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* Options that run a program, added unquoted, of commands the new list
 * does not name: zip -TT (ran touch), git's --upload-pack (git ls-remote
 * ran it), sort's --compress-program (ran it), ssh's -oProxyCommand as the
 * input's first word (ran it; x -oProxyCommand=id fires), wget's
 * --use-askpass. */
static void options_that_run_a_program_of_other_commands(void **state)
{
	static const char *const lines[][3] = {
	    {"zip a.zip ", "x -T -TT id", ""},
	    {"zip a.zip ", "x -T --unzip-command id", ""},
	    {"git ls-remote ", "--upload-pack=id x", ""},
	    {"git clone ", "--upload-pack=id x", " dir"},
	    {"sort -S1 ", "--compress-program=id x", ""},
	    {"ssh ", "-oProxyCommand=id x", " uptime"},
	    {"wget ", "--use-askpass=id http://x", ""},
	    {"git fetch ", "--upload-pack=id origin", ""},
	    {"ssh ", "-o ProxyCommand=id x", " uptime"},
	    {"zip -r a.zip ", "d --unzip-command=id -T", ""},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

/* The benign twins: the same commands given plain words, options that run
 * nothing, an option word that is the value of the option before it, and
 * a BASH_ENV that names a file or stays in the shell. */
static void their_benign_twins_stay_allowed(void **state)
{
	static const char *const lines[][3] = {
	    {"zip a.zip ", "x -T", ""},
	    {"zip a.zip ", "report.txt notes.txt", ""},
	    {"git ls-remote ", "origin", ""},
	    {"git clone ", "--depth=1 https://example.org/r.git", " dir"},
	    {"sort -S1 ", "-r x", ""},
	    {"sort -t ", "-k", " x"},
	    {"find . -name ", "-exec", ""},
	    {"ssh ", "-p2222 host", " uptime"},
	    {"wget ", "-q http://x", ""},
	    /* shell39 (review24n): a file the input names for BASH_ENV is
	     * sourced by bash -c: blocks now (test_agent_shell39) */
	    {"BASH_ENV='", "$(id)", "'; bash -c ls"},
	    {"ENV='", "$(id)", "' sh -c ls"},
	    {"echo 'BASH_ENV=", "$(id)", "' > notes.txt"},
	    {"echo 'ls ", "x; id", "' | tee f | wc -l"},
	    {"echo 'ls ", "x; id", "' | sh script.sh"},
	    {"echo 'ls ", "x; id", "'; ls | sh script.sh"},
	    {"{ echo 'ls ", "x; id", "'; } > notes.txt"},
	    {"cat <<EOF | tee f | less\nls ", "x; id", "\nEOF\n"},
	    {"<<EOF cat\nls ", "x; id", "\nEOF\n"},
	    {"sh ./run.sh 0<<EOF\nls ", "x; id", "\nEOF\n"},
	    {"echo 'ls ", "x; id", "' | ssh-keygen -y | sort"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (verdict(lines[i][0], lines[i][1], lines[i][2]) != MOAT_ALLOW)
			fail_msg("blocked: %s%s%s", lines[i][0], lines[i][1], lines[i][2]);
}

/* An option word the input adds that holds a NUL, at the line's very end
 * (the line in a buffer of its own length): cmd.option's name copy read
 * 47 bytes from the word's start, past the line (ASan: heap-buffer-
 * overflow; found by scripts/fuzz_diff.sh shell, session 21). The word
 * has no '=' and is no option that runs a program: allowed. */
static void an_option_word_with_a_nul_at_the_lines_end_is_read_within_it(void **state)
{
	static const char line[] = "find . -name x -ex\0y";
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/x", .policy = pol};
	struct moat_request *r = NULL;
	size_t n = sizeof line - 1;
	char *buf = malloc(n);

	(void)state;
	assert_non_null(buf);
	memcpy(buf, line, n);
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "x -ex", 5), 0);
	assert_int_equal(moat_check_shell(r, buf, n), MOAT_ALLOW);
	moat_request_end(r);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_option_word_with_a_nul_at_the_lines_end_is_read_within_it),
	    cmocka_unit_test(lines_reaching_a_shell_by_other_pipes_and_redirections),
	    cmocka_unit_test(bash_env_is_expanded_as_ps4_is),
	    cmocka_unit_test(options_that_run_a_program_of_other_commands),
	    cmocka_unit_test(their_benign_twins_stay_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
