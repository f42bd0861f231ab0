/* shell40 (session 34): the argv check's wrapper table and the programs
 * a container runs, in wordings of our own (review26b, review26c item 2,
 * review26d's entrypoint finding).
 *
 *   Wrapper entries: global options with values before a subcommand
 *   (nix --store URL develop, nix --option K V shell), an operand an
 *   option gives (distrobox enter --name BOX --, ip -all netns exec),
 *   an operand that is there only when it comes first (setarch [ARCH]).
 *   A wrapper's own option that sets a variable of the program it runs
 *   (systemd-run --setenv=, -p Environment=, systemd-nspawn -E, bwrap
 *   --setenv N V, firejail --env=, flatpak-spawn --env=, docker/podman
 *   run --env=, -eN=V, sudo N=V): the value judged as env's NAME=VALUE.
 *   docker/podman run --entrypoint PROG IMAGE ARGS: PROG runs ARGS (a
 *   shell's -c line is judged; another program's arguments are data).
 * Twins: the same shapes with the input as data.
 */
#include "agent_shell_test.h"

#define IN "report; id -un"
#define LN "echo report; id -un"
#define SO "/srv/uploads/hook.so"

static int argvs_block(const char *input, const char *const *const *all, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (argv_verdict(input, all[i]) != MOAT_BLOCK) {
			print_message("allowed: %s %s %s\n", all[i][0], all[i][1], all[i][2]);
			bad++;
		}
	return bad;
}

static int argvs_allow(const char *input, const char *const *const *all, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (argv_verdict(input, all[i]) != MOAT_ALLOW) {
			print_message("blocked: %s %s %s\n", all[i][0], all[i][1], all[i][2]);
			bad++;
		}
	return bad;
}

static void wrapper_entries_find_the_command_they_run(void **state)
{
	static const char *const a1[] = {"nix", "--store", "/srv/nix", "develop", "--command",
	                                 "sh",  "-c",      LN,         NULL};
	static const char *const a2[] = {"nix",   "--option",   "substitute", "false",
	                                 "shell", "nixpkgs#jq", "-c",         "bash",
	                                 "-c",    LN,           NULL};
	static const char *const a3[] = {
	    "nix",    "--max-jobs", "4",    "--extra-experimental-features",
	    "flakes", "develop",    ".#ci", "-c",
	    "dash",   "-c",         LN,     NULL};
	static const char *const a4[] = {"nix", "--arg", "ci", "true", "develop",
	                                 "-c",  "sh",    "-c", LN,     NULL};
	static const char *const a5[] = {"distrobox", "enter", "--name=dev", "--",
	                                 "zsh",       "-c",    LN,           NULL};
	static const char *const a6[] = {"distrobox", "enter", "-n", "fedora", "--additional-flags",
	                                 "--env X=1", "--",    "sh", "-c",     LN,
	                                 NULL};
	static const char *const a7[] = {"setarch", "--3gb", "-R", "sh", "-c", LN, NULL};
	static const char *const a8[] = {"setarch", "-L", "/bin/bash", "-c", LN, NULL};
	static const char *const a9[] = {"ip", "-a", "netns", "exec", "bash", "-c", LN, NULL};
	static const char *const a10[] = {"ip", "--all", "netns", "exec", "sh", "-c", LN, NULL};
	static const char *const a11[] = {
	    "nix", "--override-input", "nixpkgs", "github:x/y", "develop", "-c", "sh", "-c", LN,
	    NULL};
	static const char *const a12[] = {
	    "nix", "develop", "--override-input", "nixpkgs", "github:x/y", "-c", "sh", "-c",
	    LN,    NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12};

	(void)state;
	assert_int_equal(argvs_block(IN, all, sizeof all / sizeof all[0]), 0);
}

static void wrapper_entries_keep_the_program_s_data(void **state)
{
	static const char *const t1[] = {"nix", "--store", "/srv/nix",       "develop",
	                                 "-c",  "make",    "report; id -un", NULL};
	static const char *const t2[] = {"distrobox", "enter", "--name",         "dev",  "--",
	                                 "grep",      "-r",    "report; id -un", "/srv", NULL};
	static const char *const t3[] = {"setarch", "-R", "./simulate", "report; id -un", NULL};
	static const char *const t4[] = {"setarch", "x86_64", "./simulate", "report; id -un", NULL};
	static const char *const t5[] = {"ip", "-all", "netns",          "exec", "ping",
	                                 "-c", "1",    "report; id -un", NULL};
	/* ip's other subcommands run nothing */
	static const char *const t6[] = {"ip", "-all", "netns", "delete", NULL};
	static const char *const *const all[] = {t1, t2, t3, t4, t5, t6};

	(void)state;
	assert_int_equal(argvs_allow(IN, all, sizeof all / sizeof all[0]), 0);
}

static void a_wrapper_s_variable_options_are_judged(void **state)
{
	static const char *const a1[] = {"systemd-run", "--user", "--setenv=LD_PRELOAD=" SO,
	                                 "thumbnailer", "a.png",  NULL};
	static const char *const a2[] = {"systemd-run", "-ELD_PRELOAD=" SO, "--wait", "thumbnailer",
	                                 NULL};
	static const char *const a3[] = {"systemd-run", "-p", "Environment=LD_PRELOAD=" SO,
	                                 "thumbnailer", NULL};
	static const char *const a4[] = {
	    "systemd-run", "--property=Environment=LANG=C LD_PRELOAD=" SO, "thumbnailer", NULL};
	static const char *const a5[] = {"systemd-nspawn",          "-D",          "/srv/root",
	                                 "--setenv=LD_PRELOAD=" SO, "thumbnailer", NULL};
	static const char *const a6[] = {"bwrap",    "--dev-bind", "/",           "/", "--setenv",
	                                 "LD_AUDIT", SO,           "thumbnailer", NULL};
	static const char *const a7[] = {"firejail", "--quiet", "--env=LD_PRELOAD=" SO,
	                                 "thumbnailer", NULL};
	static const char *const a8[] = {"flatpak-spawn", "--host", "--env=LD_PRELOAD=" SO,
	                                 "thumbnailer", NULL};
	static const char *const a9[] = {"docker", "run",         "--rm", "--env=LD_PRELOAD=" SO,
	                                 "img",    "thumbnailer", NULL};
	static const char *const a10[] = {"podman", "run",         "-eLD_PRELOAD=" SO,
	                                  "img",    "thumbnailer", NULL};
	static const char *const a11[] = {"sudo",           "-u",          "www",
	                                  "LD_PRELOAD=" SO, "thumbnailer", NULL};
	static const char *const a12[] = {
	    "machinectl", "shell", "--setenv=LD_PRELOAD=" SO, "box", "/usr/bin/thumbnailer", NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12};

	(void)state;
	assert_int_equal(argvs_block(SO, all, sizeof all / sizeof all[0]), 0);
}

static void a_wrapper_s_plain_variables_stay_allowed(void **state)
{
	/* the input in a variable no program runs or loads */
	static const char *const t1[] = {"systemd-run", "--setenv=REPORT_NAME=" SO, "thumbnailer",
	                                 NULL};
	static const char *const t2[] = {"bwrap", "--dev-bind", "/",           "/", "--setenv",
	                                 "TITLE", SO,           "thumbnailer", NULL};
	static const char *const t3[] = {"firejail", "--env=OUT=" SO, "thumbnailer", NULL};
	static const char *const t4[] = {"docker", "run",         "--env=OUT=" SO,
	                                 "img",    "thumbnailer", NULL};
	static const char *const t5[] = {"systemd-run", "-p", "Environment=OUT=" SO, "thumbnailer",
	                                 NULL};
	/* a code variable the application fixed; the input a plain argument */
	static const char *const t6[] = {"systemd-run", "--setenv=LD_LIBRARY_PATH=/opt/lib",
	                                 "thumbnailer", SO, NULL};
	static const char *const *const all[] = {t1, t2, t3, t4, t5, t6};

	(void)state;
	assert_int_equal(argvs_allow(SO, all, sizeof all / sizeof all[0]), 0);
}

static void an_entrypoint_runs_the_image_s_arguments(void **state)
{
	static const char *const a1[] = {
	    "docker", "run", "--rm", "--entrypoint", "/bin/bash", "debian:12", "-c", LN, NULL};
	static const char *const a2[] = {"podman", "run", "-i", "--entrypoint=sh",
	                                 "alpine", "-ec", LN,   NULL};
	static const char *const a3[] = {"docker", "container", "run",       "--entrypoint",
	                                 "dash",   "-v",        "/srv:/srv", "img",
	                                 "-c",     LN,          NULL};
	static const char *const a4[] = {"nerdctl",
	                                 "run",
	                                 "--entrypoint",
	                                 "python3",
	                                 "img",
	                                 "-c",
	                                 "import os; os.system('echo report; id -un')",
	                                 NULL};
	static const char *const *const all[] = {a1, a2, a3, a4};

	(void)state;
	assert_int_equal(argvs_block(IN, all, sizeof all / sizeof all[0]), 0);
}

static void an_entrypoint_program_s_arguments_are_data(void **state)
{
	static const char *const t1[] = {
	    "docker",          "run",     "--rm",          "--entrypoint",
	    "/opt/bin/lookup", "catalog", "tea && coffee", NULL};
	static const char *const t2[] = {"podman", "run",          "--entrypoint=grep", "logs",
	                                 "-r",     "Smith & Sons", "/var/log",          NULL};
	static const char *const t3[] = {"docker", "run",      "--entrypoint", "sh", "img",
	                                 "-c",     "ls /data", "Smith & Sons", NULL};

	(void)state;
	assert_int_equal(argv_verdict("tea && coffee", t1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("Smith & Sons", t2), MOAT_ALLOW);
	assert_int_equal(argv_verdict("Smith & Sons", t3), MOAT_ALLOW);
}

/* the entrypoint as words (podman's JSON array, compose's string) and
 * create's (review27-shell40) */
static void an_entrypoint_of_several_words(void **state)
{
	static const char *const a1[] = {
	    "podman", "create", "--entrypoint", "[ \"dash\", \"-ec\" ]", "img", LN, NULL};
	static const char *const a2[] = {
	    "docker", "compose", "run", "--entrypoint", "/usr/bin/env bash -c", "worker", LN, NULL};
	static const char *const t1[] = {
	    "podman", "run", "--entrypoint", "[\"/opt/bin/lookup\",\"--json\"]", "img", IN, NULL};
	static const char *const t2[] = {"docker",        "compose", "run", "--entrypoint",
	                                 "lookup --json", "worker",  IN,    NULL};
	static const char *const *const all[] = {a1, a2};
	static const char *const *const twins[] = {t1, t2};

	(void)state;
	assert_int_equal(argvs_block(IN, all, sizeof all / sizeof all[0]), 0);
	assert_int_equal(argvs_allow(IN, twins, sizeof twins / sizeof twins[0]), 0);
}

/* review26d's shapes in command lines: the container's shell runs the
 * line; the entrypoint program's argument is data */
static void an_entrypoint_in_a_command_line(void **state)
{
	static const char *const blocks[][3] = {
	    {"docker run --rm --entrypoint sh alpine -c 'echo ", IN, "'"},
	    {"podman run --entrypoint=/bin/bash img -c \"cat ", IN, "\""},
	    {"docker container run -i --entrypoint /bin/sh debian:12 -ec 'grep x ", IN, "'"},
	};
	static const char *const passes[][3] = {
	    {"docker run --rm --entrypoint /opt/bin/lookup catalog '", "tea && coffee", "'"},
	    {"podman run --entrypoint=grep logs -r '", "Smith & Sons", "' /var/log"},
	    {"docker run --entrypoint sh img -c 'ls /data' '", "Smith & Sons", "'"},
	};

	(void)state;
	judge(blocks, sizeof blocks / sizeof blocks[0], passes, sizeof passes / sizeof passes[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(wrapper_entries_find_the_command_they_run),
	    cmocka_unit_test(wrapper_entries_keep_the_program_s_data),
	    cmocka_unit_test(a_wrapper_s_variable_options_are_judged),
	    cmocka_unit_test(a_wrapper_s_plain_variables_stay_allowed),
	    cmocka_unit_test(an_entrypoint_runs_the_image_s_arguments),
	    cmocka_unit_test(an_entrypoint_program_s_arguments_are_data),
	    cmocka_unit_test(an_entrypoint_in_a_command_line),
	    cmocka_unit_test(an_entrypoint_of_several_words),
	};
	return cmocka_run_group_tests_name("shell40_entry", tests, group_setup, group_teardown);
}
