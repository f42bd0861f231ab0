/* review25 (session 33) on h-shell39 34979e1 (variables that run code, a
 * file written then run).
 *
 * dd021c6 blocks 26 of my 30 fresh variable lines (BASH_ENV, ENV,
 * LD_PRELOAD, LD_AUDIT, GCONV_PATH, NODE_OPTIONS, PERL5OPT, PERL5DB,
 * RUBYOPT, JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, PYTHONPATH, PROMPT_COMMAND,
 * PS4, PAGER, MANPAGER, EDITOR, VISUAL, LESSOPEN, PHPRC, SUDO_ASKPASS,
 * SSH_ASKPASS, export and env forms, env BASH_FUNC_ls%%) and 13 of 19
 * fresh "file written then run" lines. Still allowed:
 *
 * 1. git's variables that name a program git runs through the shell --
 *    GIT_EXTERNAL_DIFF, GIT_EDITOR, GIT_SEQUENCE_EDITOR -- and the
 *    variables that give a program options: GNU tar's TAR_OPTIONS
 *    (`--to-command=PROG` runs PROG for every member), npm's
 *    npm_config_script_shell (the shell npm runs every script with).
 *    Run here: GIT_EXTERNAL_DIFF='/bin/sh -c "id -un" #' git diff,
 *    GIT_EDITOR='sh -c "id -un >&2" --' git commit and
 *    TAR_OPTIONS=--to-command=SCRIPT tar xf A.tar each printed root.
 * 2. a file written then run another way: `eval \`cat F\`` (the
 *    backtick twin of $(cat F), which blocks), run after cp or mv, under
 *    watch, written by dd of=F; and a file the system runs later: a
 *    shell's startup file (`>> ~/.bashrc`, `>> ~/.profile`) or a cron
 *    file (`> /etc/cron.d/job`; `| crontab -` blocks).
 */
#include "agent_test.h"

static int line(const char *fmt, const char *input)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/jobs"};
	struct moat_request *r = NULL;
	const char *at = strstr(fmt, "%s");
	char cmd[512];
	int v;

	assert_non_null(p);
	assert_non_null(at);
	snprintf(cmd, sizeof cmd, "%.*s%s%s", (int)(at - fmt), fmt, input, at + 2);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_JSON, "v", input, strlen(input)), 0);
	v = moat_check_shell(r, cmd, strlen(cmd));
	moat_request_end(r);
	return v;
}

static int count_allowed(const char *const (*c)[2], size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (line(c[i][0], c[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s | %s\n", c[i][0], c[i][1]);
			bad++;
		}
	return bad;
}

static void a_variable_that_names_a_program_fires(void **state)
{
	static const char *const c[][2] = {
	    {"GIT_EXTERNAL_DIFF='%s' git diff", "/tmp/uploads/evil.sh"},
	    {"GIT_EDITOR='%s' git commit", "sh -c id"},
	    {"GIT_SEQUENCE_EDITOR='%s' git rebase -i HEAD~2", "sh -c id"},
	    {"TAR_OPTIONS='%s' tar xf upload.tar", "--to-command=id"},
	    {"npm_config_script_shell='%s' npm run build", "/tmp/uploads/evil.sh"},
	};

	(void)state;
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0]), 0);
}

static void a_file_written_then_run_another_way_fires(void **state)
{
	static const char *const c[][2] = {
	    {"echo '%s' > /tmp/j; eval `cat /tmp/j`", "x; id"},
	    {"echo '%s' > /tmp/j; cp /tmp/j /tmp/k; sh /tmp/k", "x; id"},
	    {"echo '%s' > /tmp/j; mv /tmp/j /tmp/k.sh; bash /tmp/k.sh", "x; id"},
	    {"echo '%s' > /tmp/j.sh; watch -n1 sh /tmp/j.sh", "x; id"},
	    {"echo '%s' | dd of=/tmp/j.sh; sh /tmp/j.sh", "x; id"},
	    {"echo '%s' >> ~/.bashrc", "x; id"},
	    {"echo '%s' >> /home/app/.profile", "x; id"},
	    {"echo '* * * * * %s' > /etc/cron.d/job", "x; id"},
	};

	(void)state;
	assert_int_equal(count_allowed(c, sizeof c / sizeof c[0]), 0);
}

static void data_written_to_a_file_stays_allowed(void **state)
{
	(void)state;
	assert_int_equal(line("echo '%s' >> /srv/app/notes.txt", "x; id"), MOAT_ALLOW);
	assert_int_equal(line("GIT_AUTHOR_NAME='%s' git commit -m fix", "Jane Doe"), MOAT_ALLOW);
	assert_int_equal(line("echo '%s' > /tmp/j.txt; cp /tmp/j.txt /srv/out/", "x; id"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_variable_that_names_a_program_fires),
	    cmocka_unit_test(a_file_written_then_run_another_way_fires),
	    cmocka_unit_test(data_written_to_a_file_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
