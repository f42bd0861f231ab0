/* review28 (session 34) on main 1972152: shell41's options that run a
 * line, in the spellings the programs' own parsers accept.
 *
 * 1. Abbreviated long options. git's parse-options, GNU make's
 *    getopt_long and zip take any unique prefix of a long option (the
 *    library holds the rule for tar, curl and wget only): `git rebase
 *    --exe LINE`, `--exe=LINE`, `--ex=LINE` (also after -i and `-C DIR`),
 *    `git grep --open=LINE` / `--open-files=LINE`, `make --ev=...$(shell
 *    LINE)`, `zip -T --unzip-c=LINE` -- 9 of 9 allowed (the whole names
 *    block). Run here (git 2.39, GNU make 4.3, zip 3.0): each ran `id -un`
 *    (printed root). Not a finding: difftool (keeps unknown options: git
 *    refuses `--extc`) and filter-branch (a shell script: exact names).
 *    The same prefixes of git's oldest argument injection: `git clone
 *    --upload-p=CMD` / `--upl=CMD`, `git fetch --upload=CMD`, `git
 *    ls-remote --upl=CMD`, `git push --receive=CMD` -- 5 of 5 allowed
 *    (`--upload-pack=`: blocked). Run here: each ran `id -un` against a
 *    local repository (printed root). (`push --rec=` is ambiguous: git
 *    refuses it; `archive --remote --exe=` is passed on, not run.)
 *    psql too (getopt_long): `psql --com=SQL`, `--com SQL`, `--comma=SQL`
 *    -- 3 of 3 allowed (`--command=`, `-c`: blocked). Run here: psql 15
 *    took `--com=` (it went on to connect; `--comx=` is refused).
 * 2. node: `-pe CODE` (node's own alias of --print --eval, the common
 *    one-liner) and `--experimental-default-type module -e CODE` (a valued
 *    option of node 20 the table does not hold, so -e is read as its
 *    operand): allowed. Run here (node 20): both ran execSync('id -un').
 */
#include "agent_shell_test.h"

#define LN "echo notes; uname -a"
#define JS "require('child_process').execSync('id')"
#define SQ "SELECT 1; DROP TABLE users"
#define UP "sh -c 'id > /tmp/p'"
#define JM "import('child_process').then(m => m.execSync('id'))"

static int count(const char *input, const char *const *const *all, size_t n, int want)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (argv_verdict(input, all[i]) != want) {
			print_message("%s: %s %s %s %s\n",
			              want == MOAT_BLOCK ? "allowed" : "blocked", all[i][0],
			              all[i][1], all[i][2] ? all[i][2] : "",
			              all[i][2] && all[i][3] ? all[i][3] : "");
			bad++;
		}
	return bad;
}

static void abbreviated_long_options_that_run_a_line_are_judged(void **state)
{
	static const char *const a1[] = {"git", "rebase", "--exe", LN, "main", NULL};
	static const char *const a2[] = {"git", "rebase", "--exe=" LN, "main", NULL};
	static const char *const a3[] = {"git", "rebase", "--ex=" LN, "origin/main", NULL};
	static const char *const a4[] = {"git", "rebase", "-i", "--exe=" LN, "main", NULL};
	static const char *const a5[] = {"git",       "-C",   "/srv/repo", "rebase",
	                                 "--exe=" LN, "main", NULL};
	static const char *const a6[] = {"git", "grep", "--open=" LN, "TODO", NULL};
	static const char *const a7[] = {"git", "grep", "--open-files=" LN, "-e", "fixme", NULL};
	static const char *const a8[] = {"make", "--ev=X:=$(shell " LN ")", "all", NULL};
	static const char *const a9[] = {"zip", "-T", "--unzip-c=" LN, "/srv/b.zip", "data", NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7, a8, a9};
	static const char *const c1[] = {"git", "rebase", "--exec", LN, "main", NULL};
	static const char *const c2[] = {"make", "--eval=X:=$(shell " LN ")", "all", NULL};
	static const char *const c3[] = {"zip",        "-T",   "--unzip-command=" LN,
	                                 "/srv/b.zip", "data", NULL};

	(void)state;
	/* the controls: the whole names block */
	assert_int_equal(argv_verdict(LN, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict(LN, c2), MOAT_BLOCK);
	assert_int_equal(argv_verdict(LN, c3), MOAT_BLOCK);
	assert_int_equal(count(LN, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void psql_command_abbreviated_is_judged(void **state)
{
	/* psql reads its options with getopt_long: --com is --command */
	static const char *const a1[] = {"psql", "--com=" SQ, "shop", NULL};
	static const char *const a2[] = {"psql", "-X", "--com", SQ, "shop", NULL};
	static const char *const a3[] = {"psql", "--comma=" SQ, "-d", "shop", NULL};
	static const char *const *const all[] = {a1, a2, a3};
	static const char *const c1[] = {"psql", "--command=" SQ, "shop", NULL};
	/* the twin: a fixed command, the input the output file's name */
	static const char *const t1[] = {
	    "psql", "--com=SELECT count(*) FROM t", "-d", "shop", "-o", "cats && dogs", NULL};

	(void)state;
	assert_int_equal(argv_verdict(SQ, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("cats && dogs", t1), MOAT_ALLOW);
	assert_int_equal(count(SQ, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void node_print_eval_and_a_valued_option_before_e_are_judged(void **state)
{
	static const char *const a1[] = {"node", "-pe", JS, NULL};
	static const char *const a2[] = {"node", "--experimental-default-type", "module", "-e", JM,
	                                 NULL};
	static const char *const a3[] = {"node", "--no-warnings", "-pe", JS, NULL};
	static const char *const *const all[] = {a1, a2, a3};
	static const char *const c1[] = {"node", "-p", JS, NULL};
	static const char *const c2[] = {"node", "--input-type", "module", "-e", JM, NULL};

	(void)state;
	assert_int_equal(argv_verdict(JS, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict(JM, c2), MOAT_BLOCK);
	assert_int_equal(count(JS, all, 1, MOAT_BLOCK) + count(JM, all + 1, 1, MOAT_BLOCK) +
	                     count(JS, all + 2, 1, MOAT_BLOCK),
	                 0);
}

static void abbreviated_upload_and_receive_pack_are_judged(void **state)
{
	/* the oldest git argument injection, in parse-options' prefixes */
	static const char *const a1[] = {"git",    "clone", "--upload-p=" UP, "https://h.example/r",
	                                 "/srv/w", NULL};
	static const char *const a2[] = {"git", "clone", "--upl=" UP, "https://h.example/r", NULL};
	static const char *const a3[] = {"git", "fetch", "--upload=" UP, "origin", NULL};
	static const char *const a4[] = {"git", "ls-remote", "--upl=" UP, "origin", NULL};
	static const char *const a5[] = {"git", "push", "--receive=" UP, "origin", "main", NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5};
	static const char *const c1[] = {"git", "clone", "--upload-pack=" UP, "https://h.example/r",
	                                 NULL};

	(void)state;
	assert_int_equal(argv_verdict(UP, c1), MOAT_BLOCK);
	assert_int_equal(count(UP, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void the_same_spellings_with_the_input_as_data_stay_allowed(void **state)
{
	static const char *const t1[] = {"git", "grep", "--open=less", "cats && dogs", NULL};
	static const char *const t2[] = {"git",       "rebase",       "--exe",
	                                 "make test", "cats && dogs", NULL};
	static const char *const t3[] = {"zip",        "-T",           "--unzip-c=unzip",
	                                 "/srv/b.zip", "cats && dogs", NULL};
	static const char *const t4[] = {"node", "-pe", "process.argv[1]", "cats && dogs", NULL};
	static const char *const t5[] = {
	    "node", "--experimental-default-type", "module", "app.js", "cats && dogs", NULL};
	static const char *const t6[] = {
	    "git", "clone", "--upl=git-upload-pack", "https://h.example/r", "cats && dogs", NULL};
	static const char *const *const all[] = {t1, t2, t3, t4, t5, t6};

	(void)state;
	assert_int_equal(count("cats && dogs", all, sizeof all / sizeof all[0], MOAT_ALLOW), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(abbreviated_long_options_that_run_a_line_are_judged),
	    cmocka_unit_test(psql_command_abbreviated_is_judged),
	    cmocka_unit_test(node_print_eval_and_a_valued_option_before_e_are_judged),
	    cmocka_unit_test(abbreviated_upload_and_receive_pack_are_judged),
	    cmocka_unit_test(the_same_spellings_with_the_input_as_data_stay_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
