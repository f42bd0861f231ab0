/* review18, second round (session 26): findings on h-shell29 at 6decaaa
 * (after 9d377d3 narrowed the option word at a value's start to ssh's
 * -o with a deny-listed keyword). Each line ran `touch` (a file of ours)
 * as root here: rsync 3.5.0 (Debian 12's, unpacked) splitting -e with
 * its quotes, OpenSSH 9.2p1 running the ProxyCommand with sh -c. The
 * input is the request's one input. */
#include "agent_shell_test.h"

/* ssh reads its options with getopt: -o may end a cluster of flags
 * (-4o, -vo, -Co), and its keyword is read as strdelim reads it, so a
 * quote inside it is dropped (review17, shell26: Proxy"Command"). At a
 * value's word start 9d377d3 takes "-o" only and the keyword up to the
 * first quote; `ssh -4oProxyCommand=...` as the line's own ssh blocks. */
static void sshs_o_in_a_cluster_or_with_a_quoted_keyword_fires_in_rsync_e(void **state)
{
	static const char *const lines[][3] = {
	    {"rsync -a -e 'ssh ", "-4oProxyCommand=\"touch /tmp/PWNED-x\"", "' a.txt web01:/tmp/"},
	    {"rsync -a -e 'ssh ", "-vo ProxyCommand=\"touch /tmp/PWNED-x\"", "' a.txt web01:/tmp/"},
	    {"rsync -a -e 'ssh ", "-CoProxyCommand=\"touch /tmp/PWNED-x\"", "' a.txt web01:/tmp/"},
	    {"rsync -a -e 'ssh ", "-oProxy\"Command\"=\"touch /tmp/PWNED-x\"",
	     "' a.txt web01:/tmp/"},
	};

	(void)state;
	all_block(lines, sizeof lines / sizeof lines[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sshs_o_in_a_cluster_or_with_a_quoted_keyword_fires_in_rsync_e),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
