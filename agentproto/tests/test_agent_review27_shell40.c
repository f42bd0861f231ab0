/* review27 (session 34) on h-shell40 11dce9a: 22cc0e5 reads
 * `--entrypoint PROG` of docker/podman/compose as the one program the
 * container runs, then the elements after the image as PROG's arguments.
 * Two entrypoint spellings are not one program's name:
 *   - podman's JSON array (`--entrypoint '["/bin/sh","-c"]'`, podman-run(1):
 *     "--entrypoint "command" | '["command", "arg1", ...]'"): the array's
 *     words are the program and its first arguments, so the element after
 *     the image is the shell's line;
 *   - docker compose run's --entrypoint, which compose splits into words
 *     (shellwords: `--entrypoint "sh -c" web LINE`).
 * main a020085 blocked all six (cmd.argv0: the input as the container's
 * command); 11dce9a allows them: a REGRESSION (test 1; fails on 11dce9a,
 * passes on main). Not run (no podman or compose on this machine).
 * Test 2 (fails on 11dce9a and on main, lower): `docker create` /
 * `podman create --entrypoint sh IMAGE -c LINE` (the container runs it at
 * `docker start`): the create subcommand is not read as run is.
 * Test 3 (fails on 11dce9a): systemd-run `--property Environment=...` as
 * two elements (`-p Environment=` and `--property=Environment=` block).
 * Twins (pass on 11dce9a): the same spellings naming a program that is no
 * shell, the input its data.
 */
#include "agent_shell_test.h"

#define LN "echo report; id -un"

static int count_allowed(const char *input, const char *const *const *all, size_t n)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++)
		if (argv_verdict(input, all[i]) != MOAT_BLOCK) {
			print_message("allowed: %s %s %s %s\n", all[i][0], all[i][1], all[i][2],
			              all[i][3]);
			bad++;
		}
	return bad;
}

static void an_entrypoint_array_or_command_string_runs_the_line(void **state)
{
	static const char *const a1[] = {
	    "podman", "run", "--rm", "--entrypoint", "[\"/bin/sh\",\"-c\"]", "alpine", LN, NULL};
	static const char *const a2[] = {"podman", "run", "--rm", "--entrypoint=[\"sh\", \"-c\"]",
	                                 "alpine", LN,    NULL};
	static const char *const a3[] = {
	    "podman", "run", "--entrypoint", "[\"bash\",\"-lc\"]", "img", LN, NULL};
	static const char *const a4[] = {"docker", "compose", "run", "--rm", "--entrypoint",
	                                 "sh -c",  "web",     LN,    NULL};
	static const char *const a5[] = {
	    "docker-compose", "run", "--entrypoint", "/bin/bash -c", "web", LN, NULL};
	static const char *const a6[] = {"docker", "compose", "run", "--entrypoint=sh -c",
	                                 "web",    LN,        NULL};
	static const char *const *const all[] = {a1, a2, a3, a4, a5, a6};

	(void)state;
	assert_int_equal(count_allowed(LN, all, sizeof all / sizeof all[0]), 0);
}

static void a_created_container_s_entrypoint_line_is_judged(void **state)
{
	static const char *const a1[] = {"docker", "create", "--entrypoint", "sh", "alpine", "-c",
	                                 LN,       NULL};
	static const char *const a2[] = {
	    "podman", "create", "--name", "job", "--entrypoint=/bin/sh", "img", "-c", LN, NULL};
	static const char *const a3[] = {
	    "docker", "container", "create", "--entrypoint", "bash", "img", "-c", LN, NULL};
	static const char *const *const all[] = {a1, a2, a3};

	(void)state;
	assert_int_equal(count_allowed(LN, all, sizeof all / sizeof all[0]), 0);
}

/* d5ae754 reads systemd-run's -p Environment=, -pEnvironment= and
 * --property=Environment=, not the long option with its value in the next
 * element (systemd-run(1): "-p, --property=": both spellings) */
static void a_property_in_the_next_element_is_judged(void **state)
{
	static const char *const a1[] = {"systemd-run", "--property",
	                                 "Environment=LD_PRELOAD=/srv/uploads/hook.so", "ls", NULL};
	static const char *const a2[] = {
	    "systemd-run", "--user", "--property", "Environment=BASH_ENV=/srv/uploads/hook.so",
	    "bash",        "-c",     "ls",         NULL};
	static const char *const c1[] = {"systemd-run", "-p",
	                                 "Environment=LD_PRELOAD=/srv/uploads/hook.so", "ls", NULL};
	static const char *const t1[] = {"systemd-run", "--property",
	                                 "Environment=LANG=de_DE.UTF-8", "ls", NULL};

	(void)state;
	/* the control: the short spelling blocks on 11dce9a */
	assert_int_equal(argv_verdict("/srv/uploads/hook.so", c1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("de_DE.UTF-8", t1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("/srv/uploads/hook.so", a1), MOAT_BLOCK);
	assert_int_equal(argv_verdict("/srv/uploads/hook.so", a2), MOAT_BLOCK);
}

static void an_entrypoint_program_s_data_stays_allowed(void **state)
{
	static const char *const t1[] = {
	    "podman", "run",          "--rm", "--entrypoint", "[\"/usr/local/bin/search\"]",
	    "tools",  "cats && dogs", NULL};
	static const char *const t2[] = {"docker", "compose",      "run",
	                                 "--rm",   "--entrypoint", "search --fast",
	                                 "tools",  "cats && dogs", NULL};
	static const char *const t3[] = {"podman",
	                                 "run",
	                                 "--entrypoint",
	                                 "[\"/bin/sh\",\"-c\"]",
	                                 "alpine",
	                                 "grep -r -- \"$1\" /data",
	                                 "sh",
	                                 "cats && dogs",
	                                 NULL};

	(void)state;
	assert_int_equal(argv_verdict("cats && dogs", t1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("cats && dogs", t2), MOAT_ALLOW);
	assert_int_equal(argv_verdict("cats && dogs", t3), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_entrypoint_array_or_command_string_runs_the_line),
	    cmocka_unit_test(a_created_container_s_entrypoint_line_is_judged),
	    cmocka_unit_test(a_property_in_the_next_element_is_judged),
	    cmocka_unit_test(an_entrypoint_program_s_data_stays_allowed),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
