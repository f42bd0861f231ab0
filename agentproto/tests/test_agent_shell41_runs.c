/* shell41 (session 34), from review26d: options and subcommands that run a
 * shell line or code, where the check read a sibling form only. The input
 * sits inside the line each runs; the controls are the sibling forms that
 * already blocked. Every spelling: long and short, `=` attached, the value
 * in the next element, valued options before the code option; argv arrays
 * and command lines alike.
 *
 *   tar --info-script / --new-volume-script (-F's long names);
 *   zip -T -TT LINE (argv); fish --command=, --init-command(=);
 *   git rebase -x, difftool -x / --extcmd, grep -O / --open-files-in-pager,
 *   bisect run PROG..., submodule foreach LINE;
 *   make --eval / -E (a recipe); cmake -E env VAR=1 sh -c LINE;
 *   node/python/ruby/perl/php valued options before -e/-c;
 *   screen -X screen PROG... / -X exec PROG....
 * Twins: the same programs with the input as data.
 */
#include "agent_shell_test.h"

#define IN  "notes; uname -a"
#define LN  "echo notes; uname -a"
#define IN2 "$(id -un)"

static int check_all(const char *input, const char *const *const *all, size_t n, int want)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (argv_verdict(input, all[i]) != want) {
			print_message("%s: %s %s %s\n", want == MOAT_BLOCK ? "allowed" : "blocked",
			              all[i][0], all[i][1], all[i][2] ? all[i][2] : "");
			bad++;
		}
	return bad;
}

static void tar_zip_and_fish_run_lines_in_every_spelling(void **state)
{
	static const char *const a1[] = {"tar",  "-cf", "/srv/b.tar", "--info-script=" LN,
	                                 "data", NULL};
	static const char *const a2[] = {"tar", "-cM",  "-f", "/srv/b.tar", "--new-volume-script",
	                                 LN,    "data", NULL};
	static const char *const a3[] = {
	    "tar", "-c", "--multi-volume", "--file=/srv/b.tar", "--info-script", LN, "data", NULL};
	static const char *const a4[] = {"tar", "-x", "-f", "/srv/b.tar", "--new-volume-script=" LN,
	                                 NULL};
	static const char *const a5[] = {"zip", "-T", "-TT", LN, "/srv/b.zip", "data", NULL};
	static const char *const a6[] = {"zip", "-r", "-T", "-TT=" LN, "/srv/b.zip", "data", NULL};
	static const char *const a7[] = {"zip", "-T", "--unzip-command", LN, "/srv/b.zip",
	                                 "d",   NULL};
	static const char *const a8[] = {"fish", "--command=" LN, NULL};
	static const char *const a9[] = {"fish", "--init-command=" LN, "-c", "true", NULL};
	static const char *const a10[] = {"fish", "--init-command", LN, NULL};
	static const char *const a11[] = {"fish", "-C", LN, NULL};
	static const char *const a12[] = {"fish", "--no-config", "-c", LN, NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12};
	static const char *const c1[] = {"tar", "-cf", "/srv/b.tar", "-F", LN, "data", NULL};
	static const char *const c2[] = {"fish", "--command", LN, NULL};

	(void)state;
	assert_int_equal(argv_verdict(IN, c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict(IN, c2), MOAT_BLOCK);
	assert_int_equal(check_all(IN, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void git_s_commands_that_run_lines_are_read(void **state)
{
	static const char *const a1[] = {"git", "rebase", "-x", LN, "main", NULL};
	static const char *const a2[] = {"git", "rebase", "-i", "-x" LN, "main", NULL};
	static const char *const a3[] = {"git", "rebase", "--exec=" LN, "main", NULL};
	static const char *const a4[] = {"git", "difftool", "-y", "--extcmd=" LN, NULL};
	static const char *const a5[] = {"git", "difftool", "-x", LN, "HEAD~1", NULL};
	static const char *const a6[] = {"git", "difftool", "--extcmd", LN, NULL};
	static const char *const a7[] = {"git", "grep", "-O" LN, "TODO", NULL};
	static const char *const a8[] = {"git", "grep", "--open-files-in-pager=" LN, "TODO", NULL};
	static const char *const a9[] = {"git", "bisect", "run", "sh", "-c", LN, NULL};
	static const char *const a10[] = {"git", "submodule", "foreach", LN, NULL};
	static const char *const a11[] = {"git", "submodule", "foreach", "--recursive", LN, NULL};
	static const char *const a12[] = {"git", "-C", "/srv/repo", "rebase",
	                                  "-x",  LN,   "main",      NULL};
	static const char *const a13[] = {"git", "submodule", "--quiet", "foreach", LN, NULL};
	static const char *const a14[] = {"git", "bisect", "run", "bash", "-c", LN, NULL};
	static const char *const a15[] = {"git", "submodule", "foreach", "sh", "-c", LN, NULL};
	static const char *const *const all[] = {a1, a2,  a3,  a4,  a5,  a6,  a7, a8,
	                                         a9, a10, a11, a12, a13, a14, a15};
	static const char *const c1[] = {"git", "rebase", "--exec", LN, "main", NULL};

	(void)state;
	assert_int_equal(argv_verdict(IN, c1), MOAT_BLOCK);
	assert_int_equal(check_all(IN, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void make_cmake_node_and_screen_run_lines(void **state)
{
	static const char *const a1[] = {"make", "-f", "/dev/null", "--eval=t:;" LN, "t", NULL};
	static const char *const a2[] = {"make", "-E", "t:;" LN, "t", NULL};
	static const char *const a3[] = {"make", "--eval", "all:\n\t" LN, "all", NULL};
	static const char *const a4[] = {"gmake", "-s", "-Eall: ; " LN, NULL};
	static const char *const a5[] = {"cmake", "-E", "env", "LC_ALL=C", "sh", "-c", LN, NULL};
	static const char *const a6[] = {"cmake", "-E", "env", "--unset=PATH",
	                                 "bash",  "-c", LN,    NULL};
	static const char *const a7[] = {
	    "node",
	    "--title",
	    "job",
	    "-e",
	    "require('child_process').execSync('echo notes; uname -a')",
	    NULL};
	static const char *const a8[] = {
	    "node",
	    "--max-old-space-size",
	    "512",
	    "-e",
	    "require('child_process').execSync('echo notes; uname -a')",
	    NULL};
	static const char *const a9[] = {
	    "python3", "-W", "ignore", "-c", "import os; os.system('echo notes; uname -a')", NULL};
	static const char *const a10[] = {
	    "ruby", "-I", "lib", "-e", "system('echo notes; uname -a')", NULL};
	static const char *const a11[] = {
	    "perl", "-I", "/srv/lib", "-e", "system('echo notes; uname -a')", NULL};
	static const char *const a12[] = {
	    "php", "-d", "memory_limit=1G", "-r", "system('echo notes; uname -a');", NULL};
	static const char *const a13[] = {"screen", "-S", "worker", "-X", "screen",
	                                  "sh",     "-c", LN,       NULL};
	static const char *const a14[] = {"screen", "-S", "worker", "-X", "exec",
	                                  "sh",     "-c", LN,       NULL};
	static const char *const a15[] = {"screen", "-dmS", "job", "sh", "-c", LN, NULL};
	static const char *const a16[] = {"screen", "-x",   "worker", "-X", "screen", "-t",
	                                  "w",      "bash", "-c",     LN,   NULL};
	/* review27's note: the same through -X eval */
	static const char *const a17[] = {
	    "screen", "-S", "worker", "-X", "eval", "screen sh -c '" LN "'", NULL};
	static const char *const a18[] = {
	    "screen", "-S", "worker", "-X", "eval", "select 1", "exec bash -c \"" LN "\"", NULL};
	static const char *const *const all[] = {a1,  a2,  a3,  a4,  a5,  a6,  a7,  a8,  a9,
	                                         a10, a11, a12, a13, a14, a15, a16, a17, a18};

	(void)state;
	assert_int_equal(check_all(IN, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
}

static void lines_behind_these_options_are_judged_in_lines(void **state)
{
	static const char *const blocks[][3] = {
	    {"tar -cf /srv/b.tar --info-script='echo ", IN, "' data"},
	    {"tar -cMf /srv/b.tar --new-volume-script 'echo ", IN, "' data"},
	    {"tar -x --file /srv/b.tar --info-script=\"echo ", IN2, "\""},
	    {"fish --command='echo ", IN, "'"},
	    {"fish --init-command='set -x A 1; echo ", IN, "' -c true"},
	    {"git rebase -x 'echo ", IN, "' main"},
	    {"git rebase --interactive --exec=\"echo ", IN2, "\" origin/main"},
	    {"git difftool --extcmd='echo ", IN, "' HEAD~2"},
	    {"git grep -O'echo ", IN, "' TODO"},
	    {"git submodule foreach 'echo ", IN, "'"},
	    {"make -f /dev/null --eval='t:;echo ", IN, "' t"},
	    {"make -E 'all: ; echo ", IN, "'"},
	    {"fish --comm='echo ", IN, "'"},
	    {"fish -i -C 'echo ", IN, "'"},
	    {"git -C /srv/repo rebase --root -x 'echo ", IN, "'"},
	    {"git send-email --to-cmd='echo ", IN, "' HEAD~1"},
	    {"git filter-branch --tree-filter 'echo ", IN, "' HEAD"},
	    {"zip -T -TT 'echo ", IN, "' /srv/b.zip data"},
	    {"make -sE 'all: ; echo ", IN, "'"},
	    {"screen -S w -X screen sh -c 'echo ", IN, "'"},
	};
	static const char *const passes[][3] = {
	    {"tar -cf /srv/b.tar --info-script=/usr/lib/backup/next-volume.sh ", "notes-2024", ""},
	    {"git rebase -x 'make test' ", "feature/login-form", ""},
	    {"git grep -n -O ", "less", " TODO"},
	    {"make -E 'all: ; @true' ", "notes-2024", ""},
	    {"screen -S ", "worker-7", " -X stuff 'ls\\n'"},
	    {"git send-email --to-cmd=/usr/local/bin/maintainers ", "notes-2024", ".patch"},
	    {"fish --init-command 'set -g fish_greeting' /srv/tasks.fish ", "notes-2024", ""},
	    {"zip -T -TT 'unzip -tqq' /srv/b.zip ", "notes-2024", ""},
	};

	(void)state;
	assert_int_equal(verdict("tar -cf /srv/b.tar -F 'echo ", IN, "' data"), MOAT_BLOCK);
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

static void the_input_as_data_stays_allowed(void **state)
{
	static const char *const t1[] = {
	    "tar", "-cf", "/srv/b.tar", "--info-script=/srv/next-vol.sh", "notes-2024", NULL};
	static const char *const t2[] = {"git", "rebase", "-x", "make test", "notes-2024", NULL};
	static const char *const t3[] = {"git", "grep", "-n", "notes-2024", NULL};
	static const char *const t4[] = {"make", "-E", "t:;@true", "notes-2024", NULL};
	static const char *const t5[] = {"git", "submodule", "foreach", "git pull", NULL};
	static const char *const t6[] = {"git",   "bisect",     "run", "make",
	                                 "check", "notes-2024", NULL};
	static const char *const t7[] = {"zip",  "-T", "-TT", "unzip -tqq", "/srv/notes-2024.zip",
	                                 "data", NULL};
	static const char *const t8[] = {"node", "--title", "notes-2024", "/srv/app.js", NULL};
	static const char *const t9[] = {"screen", "-S", "notes-2024", "-X", "quit", NULL};
	static const char *const t10[] = {"cmake", "-E",         "env", "LC_ALL=C",
	                                  "ls",    "notes-2024", NULL};
	static const char *const t11[] = {"python3",     "-W",         "ignore",
	                                  "/srv/job.py", "notes-2024", NULL};
	static const char *const t12[] = {"git", "difftool", "-x", "meld", "notes-2024", NULL};
	static const char *const *const all[] = {t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12};

	(void)state;
	assert_int_equal(check_all("notes-2024", all, sizeof all / sizeof all[0], MOAT_ALLOW), 0);
}

/* The input as a value of these options but only a word: a search term, a
 * branch, a title, a session name. */
static void words_beside_these_options_stay_allowed(void **state)
{
	static const char *const t1[] = {"git", "grep", "-e", "cats && dogs", NULL};
	static const char *const t2[] = {"node", "--title", "Ann & Bob's", "/srv/app.js", NULL};
	static const char *const t3[] = {"screen", "-S", "Ann & Bob's", "-X", "quit", NULL};
	static const char *const t4[] = {"git", "rebase", "-x", "make test", "cats && dogs", NULL};
	static const char *const *const all[] = {t1, t2, t3, t4};
	static const char *const *const all2[] = {t2, t3};

	(void)state;
	assert_int_equal(check_all("cats && dogs", all, 1, MOAT_ALLOW), 0);
	assert_int_equal(check_all("Ann & Bob's", all2, 2, MOAT_ALLOW), 0);
	assert_int_equal(argv_verdict("cats && dogs", t4), MOAT_ALLOW);
	(void)all;
}

/* The neighbours: other options of the same programs and their
 * neighbours that run a line (git's send-email and filter-branch, tar's
 * other commands, rsync -e, find -exec, ssh's ProxyCommand, LESSOPEN). */
static void the_neighbours_run_lines_too(void **state)
{
	static const char *const a1[] = {"git", "send-email", "--to-cmd=" LN, "HEAD~1", NULL};
	static const char *const a2[] = {"git", "send-email", "--sendmail-cmd",
	                                 LN,    "0001.patch", NULL};
	static const char *const a3[] = {"git", "filter-branch", "--tree-filter", LN, "HEAD", NULL};
	static const char *const a4[] = {"git", "filter-branch", "--msg-filter=" LN,
	                                 "--",  "--all",         NULL};
	static const char *const a5[] = {"tar", "-xf", "/srv/b.tar", "--to-command=" LN, NULL};
	static const char *const a6[] = {"tar", "-cf", "/srv/b.tar", "-I", LN, "data", NULL};
	static const char *const a7[] = {
	    "tar",  "-cf", "/srv/b.tar", "--checkpoint=1", "--checkpoint-action=exec=" LN,
	    "data", NULL};
	static const char *const a8[] = {"rsync", "-a",      "--rsync-path=" LN,
	                                 "src/",  "h:/dst/", NULL};
	static const char *const a9[] = {"find", ".",  "-name", "*.log", "-exec",
	                                 "sh",   "-c", LN,      ";",     NULL};
	static const char *const a10[] = {"ssh", "-o", "ProxyCommand=" LN, "host", NULL};
	static const char *const a11[] = {"zip",        "-T", "--unzip-command=" LN,
	                                  "/srv/b.zip", "d",  NULL};
	static const char *const a12[] = {"gmake", "--eval=all: ; " LN, NULL};
	static const char *const a13[] = {"cmake", "-E", "chdir", "/srv/build",
	                                  "sh",    "-c", LN,      NULL};
	static const char *const a14[] = {"cmake", "-E", "time", "bash", "-c", LN, NULL};
	static const char *const *const all[] = {a1, a2, a3,  a4,  a5,  a6,  a7,
	                                         a8, a9, a10, a11, a12, a13, a14};
	static const char *const t1[] = {"git",        "send-email", "--to=ann@example.org",
	                                 "notes-2024", "HEAD~1",     NULL};
	static const char *const t2[] = {"git",        "filter-branch", "--subdirectory-filter",
	                                 "notes-2024", "HEAD",          NULL};
	static const char *const t3[] = {"git", "grep", "-O", "notes-2024", NULL};
	static const char *const t4[] = {"fish", "--no-config", "/srv/tasks.fish", "notes-2024",
	                                 NULL};
	static const char *const t5[] = {"screen", "-S",         "w",   "-X", "screen",
	                                 "-t",     "notes-2024", "top", NULL};
	static const char *const t8[] = {
	    "screen", "-S", "w", "-X", "eval", "screen -t notes-2024 top", NULL};
	static const char *const t6[] = {"cmake", "-E",         "chdir", "/srv/build",
	                                 "ls",    "notes-2024", NULL};
	static const char *const t7[] = {"cmake", "-E", "echo", "notes-2024", NULL};
	static const char *const *const twins[] = {t1, t2, t3, t4, t5, t6, t7, t8};

	(void)state;
	assert_int_equal(check_all(IN, all, sizeof all / sizeof all[0], MOAT_BLOCK), 0);
	assert_int_equal(check_all("notes-2024", twins, sizeof twins / sizeof twins[0], MOAT_ALLOW),
	                 0);
	assert_int_equal(env_argv("LESSOPEN", "| echo notes; uname -a",
	                          (const char *const[]){"less", "/srv/x.log", NULL}),
	                 MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tar_zip_and_fish_run_lines_in_every_spelling),
	    cmocka_unit_test(git_s_commands_that_run_lines_are_read),
	    cmocka_unit_test(make_cmake_node_and_screen_run_lines),
	    cmocka_unit_test(lines_behind_these_options_are_judged_in_lines),
	    cmocka_unit_test(the_input_as_data_stays_allowed),
	    cmocka_unit_test(words_beside_these_options_stay_allowed),
	    cmocka_unit_test(the_neighbours_run_lines_too),
	};
	return cmocka_run_group_tests_name("shell41_runs", tests, group_setup, group_teardown);
}
