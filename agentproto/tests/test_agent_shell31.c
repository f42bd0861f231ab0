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
	    "env", "GIT_CONFIG_PARAMETERS='user.name=O'\\''Brien' 'core.pager=less -p foo.bar'",
	    "git", "log", NULL};
	static const char *const p2[] = {
	    "env", "GIT_CONFIG_PARAMETERS='user.name=O'\\''Brien Smith'", "git", "commit", NULL};

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

/* The check of a line of n bytes reads those n bytes only (the line
 * need not end in a NUL: shell30's heap over-read in GIT_CONFIG_KEY_n's
 * reading): each family line below, cut at every length, with the input
 * its last bytes, is judged alike when the bytes after it are a NUL,
 * shell syntax, or none at all (an exact-size heap copy: the ASan agent
 * check sees a read past it). */
static int cut_verdict(const char *line, size_t n, size_t ia, size_t il, int how)
{
	static const char tail[] = "';id #\"$(id)`|&\n";
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/x", .policy = pol};
	struct moat_request *r = NULL;
	char *buf = malloc(n + sizeof tail);
	int v;

	assert_non_null(buf);
	memcpy(buf, line, n);
	if (how == 0)
		buf[n] = '\0';
	else if (how == 1)
		memcpy(buf + n, tail, sizeof tail);
	else {
		free(buf);
		buf = malloc(n);
		assert_non_null(buf);
		memcpy(buf, line, n);
	}
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", buf + ia, il), 0);
	v = moat_check_shell(r, buf, n);
	moat_request_end(r);
	free(buf);
	return v;
}

static void family_lines_read_within_their_length(void **state)
{
	static const char *const lines[] = {
	    "GIT_CONFIG_PARAMETERS=\"'user.name=O'\\''Brien' 'core.pager'='less -p x'\" git log",
	    "env GIT_CONFIG_PARAMETERS=\"'core.sshCommand=ssh -i k'\" git fetch",
	    "GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0='less -R' git log",
	    "GIT_CONFIG_VALUE_3=x GIT_CONFIG_KEY_3=core.pa",
	    "TAR_OPTIONS='--to-command=\"sh -c cat\"' tar xf a.tar",
	    "RSYNC_RSH='ssh -oProxyCommand=nc' rsync -e 'ssh -4o User=x' a b:",
	    "tar --to-c='cat >> x' --checkpoint-action=exec='echo' -I 'zstd -19' -xf a.tar",
	    "LESSOPEN='| lesspipe %s' EDITOR=\"vim -c 'set x'\" git -c core.pager='less' log",
	    "ssh -o 'ProxyCommand nc %h %p' host; man -P 'less -s' ls; zip -TT 'unzip -t' a.zip",
	    "sudo GIT_SSH_COMMAND='ssh -i key' git pull; doas -s",
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t len = strlen(lines[i]);
		for (size_t n = 2; n <= len; n++)
			for (size_t il = 1; il <= n && il <= 16; il *= 4) {
				size_t ia = n - il;
				int v0 = cut_verdict(lines[i], n, ia, il, 0);
				if (cut_verdict(lines[i], n, ia, il, 1) != v0 ||
				    cut_verdict(lines[i], n, ia, il, 2) != v0) {
					print_message(
					    "differs past its end: %.*s (input %zu bytes)\n",
					    (int)n, lines[i], il);
					bad++;
				}
			}
	}
	if (bad)
		fail_msg("%d cut lines judged by bytes past their length", bad);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(line_reads_git_quote_escapes),
	    cmocka_unit_test(argv_reads_pairs_after_a_quote_escape),
	    cmocka_unit_test(line_and_argv_agree_on_the_list),
	    cmocka_unit_test(family_lines_read_within_their_length),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
