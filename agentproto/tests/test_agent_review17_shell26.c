/* review17 (session 25): findings on h-shell26, lines of our own. Each
 * block ran `touch` (a file of ours) as root here: bash 5.2.15, OpenSSH
 * 9.2p1 (ssh and scp -o, before any connection), util-linux su and
 * runuser of Debian 12. The input is the request's one input. */
#include "agent_shell_test.h"

/* ssh_config's keyword as ssh 9.2p1 reads it (readconf.c, strdelim): a
 * '"' inside the keyword is dropped and the keyword runs to the matching
 * '"', so Proxy"Command", P"roxyCommand" and ProxyComm"and" are
 * ProxyCommand (each ran touch), while ma_sh_ssh_key_read stops at the
 * first '"' ("Proxy": a plain setting). Now the one reading of both
 * checks (b3999b5): the line check and the argv check both allow them. */
static void an_ssh_keyword_with_a_quote_inside_is_read_as_ssh_reads_it(void **state)
{
	static const char *const lines[][3] = {
	    {"ssh -o '", "Proxy\"Command\" touch /tmp/PWNED-x", "' web01 uptime"},
	    {"ssh -o '", "P\"roxyCommand\" touch /tmp/PWNED-x", "' web01 uptime"},
	    {"ssh -o '", "ProxyComm\"and\" touch /tmp/PWNED-x", "' web01 uptime"},
	    {"scp -o '", "Proxy\"Command\"=touch /tmp/PWNED-x", "' a.txt web01:b.txt"},
	    {"ssh -o '", "Proxy\"Command\" id; touch /tmp/PWNED-x", "' web01 uptime"},
	};
	static const char *const values[] = {
	    "Proxy\"Command\" touch /tmp/PWNED-x",
	    "P\"roxyCommand\" touch /tmp/PWNED-x",
	    "Proxy\"Command\"=touch /tmp/PWNED-x",
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		const char *ssh[] = {"ssh", "-o", values[i], "web01", "uptime", NULL};
		const char *scp[] = {"scp", "-o", values[i], "a.txt", "web01:b.txt", NULL};
		const char *const *argvs[] = {ssh, scp};
		for (int k = 0; k < 2; k++) {
			struct moat_request_info ri = {
			    .method = "GET", .endpoint = "/tools/x", .policy = pol};
			struct moat_request *r = NULL;
			assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
			assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", values[i],
			                                        strlen(values[i])),
			                 0);
			if (moat_check_argv(r, argvs[k], -1) != MOAT_BLOCK) {
				print_message("allowed: argv %s -o %s\n", argvs[k][0], values[i]);
				bad++;
			}
			moat_request_end(r);
		}
	}
	all_block(lines, sizeof lines / sizeof lines[0]);
	if (bad)
		fail_msg("%d argv allowed", bad);
}

/* su's and runuser's shell reads its script from standard input when it
 * has no -c line nor script operand (93a9c22 reads the here-string so);
 * a pipe is that standard input as well (`echo '...' | bash` and `... |
 * sudo -u root bash` block): each ran touch here. The -c cat and run.sh
 * twins make the pipe data and must pass. */
static void su_and_runuser_shell_reading_a_pipe_is_the_script(void **state)
{
	static const char *const blocks[][3] = {
	    {"echo '", "id; touch /tmp/PWNED-x", "' | su root"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | su - root"},
	    {"printf '%s\\n' '", "id; touch /tmp/PWNED-x", "' | su root -- -x"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | runuser -u root -- bash"},
	};
	static const char *const passes[][3] = {
	    {"echo '", "id; touch /tmp/PWNED-x", "' | su root -- -c cat"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | su root -- run.sh"},
	    {"echo '", "id; touch /tmp/PWNED-x", "' | runuser -u root -- cat"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* The argv check and the line check are to read one list (b3999b5), but
 * an input that writes the keyword or key (or its name's part: shell25's
 * "plain letters that complete a listed key") fires in the line check
 * only: `ssh -o 'ProxyCommand=...'` with the input ProxyCommand or
 * Command, `git -c 'core.fsmonitor=...'` with fsmonitor, `git -c
 * 'core.pager=...'` with pager block as lines and pass as argv. */
static void an_input_that_writes_the_keyword_fires_in_argv_as_in_the_line(void **state)
{
	static const struct {
		const char *input, *argv[6];
	} cases[] = {
	    {"ProxyCommand", {"ssh", "-o", "ProxyCommand=touch /tmp/PWNED-x", "web01", NULL}},
	    {"Command", {"ssh", "-o", "ProxyCommand=touch /tmp/PWNED-x", "web01", NULL}},
	    {"ProxyCommand",
	     {"scp", "-o", "ProxyCommand=touch /tmp/PWNED-x", "a.txt", "web01:b", NULL}},
	    {"fsmonitor", {"git", "-c", "core.fsmonitor=touch /tmp/PWNED-x", "status", NULL}},
	    {"pager", {"git", "-c", "core.pager=touch /tmp/PWNED-x", "log", NULL}},
	};
	static const char *const lines[][3] = {
	    {"ssh -o '", "ProxyCommand", "=touch /tmp/PWNED-x' web01"},
	    {"ssh -o 'Proxy", "Command", "=touch /tmp/PWNED-x' web01"},
	    {"git -c 'core.", "fsmonitor", "=touch /tmp/PWNED-x' status"},
	};
	int bad = 0;

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct moat_request_info ri = {
		    .method = "GET", .endpoint = "/tools/x", .policy = pol};
		struct moat_request *r = NULL;
		assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
		assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", cases[i].input,
		                                        strlen(cases[i].input)),
		                 0);
		if (moat_check_argv(r, cases[i].argv, -1) != MOAT_BLOCK) {
			print_message("allowed: argv %s %s %s, input %s\n", cases[i].argv[0],
			              cases[i].argv[1], cases[i].argv[2], cases[i].input);
			bad++;
		}
		moat_request_end(r);
	}
	if (bad)
		fail_msg("%d argv allowed", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_ssh_keyword_with_a_quote_inside_is_read_as_ssh_reads_it),
	    cmocka_unit_test(su_and_runuser_shell_reading_a_pipe_is_the_script),
	    cmocka_unit_test(an_input_that_writes_the_keyword_fires_in_argv_as_in_the_line),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
