/* shell31 (session 27): GIT_CONFIG_PARAMETERS read by one parser for
 * the line check and the argv check, as git 2.39.5's
 * parse_config_env_list reads it: pairs 'key=value' or 'key'='value'
 * (or 'key'= alone) between blanks, a quote inside written '\'' (or
 * '\!'), anything else ends the list (git dies: "bogus format"). Each
 * line below ran here as root (bench/RESULTS.md "shell31"):
 * GIT_CONFIG_PARAMETERS="'user.name=O'\''Brien' 'alias.t=!touch F'" git t
 * touched F; 'alias.t=!echo '\''x; touch F'\''' echoed the words and
 * touched nothing. */
#include "agent_shell_test.h"

/* The line check: a '\'' in an earlier pair (a name with an apostrophe)
 * no longer turns the list's quotes inside out (the pair after it read
 * as outside any quotes: fail closed, a false positive), and a value
 * that quotes the input for the shell git hands it to ('\''...'\'') is
 * read at its place in that line. */
static void line_reads_git_quote_escapes(void **state)
{
	static const char *const blocks[][3] = {
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=O'\\''Brien' 'core.sshCommand=ssh -i ", "k; id",
	     "'\" git fetch"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=O'\\''Brien' 'core.pager=less -", "R; id",
	     "'\" git log"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name'='O'\\''Brien' 'core.", "sshCommand",
	     "'='ssh -v'\" git fetch"},
	    {"GIT_CONFIG_PARAMETERS=\"'core.sshCommand=ssh -o '\\''User=", "x'; id; '",
	     "'\\'''\" git fetch"},
	    /* outside the quoted parts: the list's own syntax (fail closed) */
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=a' ", "x=y", " 'core.pager=less'\" git log"},
	};
	static const char *const passes[][3] = {
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=O'\\''Brien' 'core.pager=less -p ", "foo.bar",
	     "'\" git log"},
	    {"GIT_CONFIG_PARAMETERS=\"'core.sshCommand=ssh -o '\\''User=", "x; id",
	     "'\\'''\" git fetch"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name=O'\\''", "Brien Smith", "'\" git commit -m x"},
	    {"GIT_CONFIG_PARAMETERS=\"'user.name'='O'\\''", "Brien Smith", "'\" git commit -m x"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

/* The argv check read the list only up to its first '\'': the pairs
 * after it were never judged (env GIT_CONFIG_PARAMETERS="'user.name=
 * O'\''Brien' 'core.sshCommand=ssh -i k; id'" git fetch was allowed). */
static void argv_reads_pairs_after_a_quote_escape(void **state)
{
	static const char *const a1[] = {
	    "env", "GIT_CONFIG_PARAMETERS='user.name=O'\\''Brien' 'core.sshCommand=ssh -i k; id'",
	    "git", "fetch", NULL};
	static const char *const a2[] = {
	    "env", "GIT_CONFIG_PARAMETERS='user.name'='O'\\''Brien' 'core.pager'='less; id'", "git",
	    "log", NULL};
	static const char *const p1[] = {
	    "env", "GIT_CONFIG_PARAMETERS='user.name=O'\\''Brien' 'core.pager=less -p foo.bar'", "git",
	    "log", NULL};
	static const char *const p2[] = {"env", "GIT_CONFIG_PARAMETERS='user.name=O'\\''Brien Smith'",
	                                 "git", "commit", NULL};

	(void)state;
	assert_int_equal(argv_verdict("k; id", a1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("less; id", a2), MOAT_BLOCK);
	assert_int_equal(argv_verdict("foo.bar", p1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("Brien Smith", p2), MOAT_ALLOW);
}

/* One parser: the same list and input judged alike as the line
 * GIT_CONFIG_PARAMETERS="LIST" git fetch and the argv env
 * GIT_CONFIG_PARAMETERS=LIST git fetch (none of these lists holds a
 * byte double quotes change). */
static void line_and_argv_agree_on_the_list(void **state)
{
	static const struct {
		const char *list, *input;
		int want;
	} t[] = {
	    {"'core.sshCommand=ssh -i k; id'", "k; id", MOAT_BLOCK},
	    {"'core.sshCommand'='ssh -i k; id'", "k; id", MOAT_BLOCK},
	    {"'user.name=a' 'core.pager=less -R; id'", "R; id", MOAT_BLOCK},
	    {"'user.name=O'\\''x' 'core.pager=less -R; id'", "R; id", MOAT_BLOCK},
	    {"'user.name'='O'\\''x' 'core.sshCommand'='ssh -i k; id'", "k; id", MOAT_BLOCK},
	    {"'core.pager'= 'core.sshCommand=ssh -i k; id'", "k; id", MOAT_BLOCK},
	    {"'user.name=Ann Lee'", "Ann Lee", MOAT_ALLOW},
	    {"'user.name'='Ann Lee' 'core.pager=less'", "Ann Lee", MOAT_ALLOW},
	    {"'user.name=O'\\''x' 'core.pager=less -p foo.bar'", "foo.bar", MOAT_ALLOW},
	    {"'user.email'= 'user.name'='Ann Lee'", "Ann Lee", MOAT_ALLOW},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char head[512], env[512];
		const char *p = strstr(t[i].list, t[i].input);
		const char *av[] = {"env", env, "git", "fetch", NULL};
		int lv, avv;
		assert_non_null(p);
		snprintf(head, sizeof head, "GIT_CONFIG_PARAMETERS=\"%.*s", (int)(p - t[i].list),
		         t[i].list);
		snprintf(env, sizeof env, "GIT_CONFIG_PARAMETERS=%s", t[i].list);
		{
			char tail[512];
			snprintf(tail, sizeof tail, "%s\" git fetch", p + strlen(t[i].input));
			lv = verdict(head, t[i].input, tail);
		}
		avv = argv_verdict(t[i].input, av);
		if (lv != t[i].want || avv != t[i].want) {
			print_message("%s (input %s): line %d argv %d, want %d\n", t[i].list,
			              t[i].input, lv, avv, t[i].want);
			bad++;
		}
	}
	if (bad)
		fail_msg("%d lists judged wrong", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(line_reads_git_quote_escapes),
	    cmocka_unit_test(argv_reads_pairs_after_a_quote_escape),
	    cmocka_unit_test(line_and_argv_agree_on_the_list),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
