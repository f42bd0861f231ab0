/* review27 (session 34), round b on h-shell40 f8111ef (which fixed
 * review27-shell40: an --entrypoint's words are read now).
 *
 * Test 1 (fails on f8111ef and on main a020085): the input inside the
 * entrypoint's words. compose splits its --entrypoint string into words
 * (shellwords), podman reads a JSON array: an application that builds
 * `--entrypoint "sh -c '" + LINE + "'"` or `'["sh","-c","' + LINE + '"]'`
 * has the container's shell run LINE, and nothing judges it (the words
 * are read for the program and its first arguments, not judged as an
 * argv of their own).
 * Test 2 (fails on f8111ef, passes on main: the rest of the regression,
 * lower): podman reads the entrypoint with Go's json.Unmarshal, which
 * takes white space around the array (` [ "sh" , "-c" ] `): read as one
 * program's name, the line after the image is data.
 * Twins (pass on f8111ef): a JSON array or a compose string that runs a
 * script file with the input as its argument.
 */
#include "agent_shell_test.h"

#define LN "echo report; id -un"

static void a_line_inside_the_entrypoint_s_words_is_judged(void **state)
{
	static const char *const a1[] = {"docker",       "compose",        "run", "--rm",
	                                 "--entrypoint", "sh -c '" LN "'", "web", NULL};
	static const char *const a2[] = {
	    "podman", "run", "--rm", "--entrypoint", "[\"sh\",\"-c\",\"" LN "\"]", "alpine", NULL};
	int bad = 0;

	(void)state;
	bad += argv_verdict(LN, a1) != MOAT_BLOCK;
	bad += argv_verdict(LN, a2) != MOAT_BLOCK;
	assert_int_equal(bad, 0);
}

static void a_json_entrypoint_with_white_space_runs_the_line(void **state)
{
	static const char *const a1[] = {
	    "podman", "run", "--entrypoint", " [ \"sh\" , \"-c\" ] ", "img", LN, NULL};

	(void)state;
	assert_int_equal(argv_verdict(LN, a1), MOAT_BLOCK);
}

static void a_script_entrypoint_s_argument_stays_data(void **state)
{
	static const char *const t1[] = {
	    "podman",       "run", "--entrypoint", "[\"/bin/sh\", \"/entry.sh\"]", "img",
	    "cats && dogs", NULL};
	static const char *const t2[] = {"docker",       "compose", "run",          "--entrypoint",
	                                 "sh /entry.sh", "web",     "cats && dogs", NULL};

	(void)state;
	assert_int_equal(argv_verdict("cats && dogs", t1), MOAT_ALLOW);
	assert_int_equal(argv_verdict("cats && dogs", t2), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_line_inside_the_entrypoint_s_words_is_judged),
	    cmocka_unit_test(a_json_entrypoint_with_white_space_runs_the_line),
	    cmocka_unit_test(a_script_entrypoint_s_argument_stays_data),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
