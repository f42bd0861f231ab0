/* review23 (session 31) on h-argv64 22812ee: a benign request that now
 * blocks. GNU parallel's arguments after ::: are each an argument of
 * their own (quoted into the template, or a line of their own); past the
 * 64th, one that holds an input which is not a word fails closed
 * (cmd.too_many_places). The README names the price ("parallel gzip :::
 * ... 'my file.txt'"), but a user's folder name with a blank or brackets
 * in the paths of 65 files is an ordinary request, and judging every
 * argument is exact (one line check each, the work the first 64 get):
 * nothing forces the closed answer here. Verdicts on main ae71601 /
 * 22812ee in the comments. (argv64: words widened from 16 to 24 bytes,
 * -O1 warned that "echo f%03d" could be cut: -Wformat-truncation.) */
#include "agent_test.h"

static int gzip_files(const char *folder, int nfiles)
{
	static char paths[300][128];
	const char *argv[310];
	int n = 0, v;
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/archive", .policy = p};
	struct moat_request *r = NULL;

	assert_non_null(p);
	assert_true(nfiles < 300);
	argv[n++] = "parallel";
	argv[n++] = "gzip";
	argv[n++] = "-k";
	argv[n++] = ":::";
	for (int i = 0; i < nfiles; i++) {
		snprintf(paths[i], sizeof paths[i], "/srv/users/42/%s/img%03d.jpg", folder, i);
		argv[n++] = paths[i];
	}
	argv[n] = NULL;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(
	    moat_request_add_input(r, MOAT_INPUT_FORM, "folder", folder, strlen(folder)), 0);
	v = moat_check_argv(r, argv, n);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

/* parallel sh -c ::: "echo f000" ... (n of them), then the input "x; id"
 * (each argument is sh -c's script) */
static int script_after(int n)
{
	static char words[300][24];
	const char *argv[310];
	int k = 0, v;
	const char *input = "x; id";
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/run", .policy = p};
	struct moat_request *r = NULL;

	argv[k++] = "parallel";
	argv[k++] = "sh";
	argv[k++] = "-c";
	argv[k++] = ":::";
	for (int i = 0; i < n; i++) {
		snprintf(words[i], sizeof words[i], "echo f%03d", i);
		argv[k++] = words[i];
	}
	argv[k++] = input;
	argv[k] = NULL;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "job", input, strlen(input)),
	                 0);
	v = moat_check_argv(r, argv, k);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void a_folder_name_in_many_parallel_arguments_is_allowed(void **state)
{
	(void)state;
	/* 10 files: allowed on both */
	assert_int_equal(gzip_files("My Photos", 10), MOAT_ALLOW);
	/* 70 and 200 files: allowed on main, blocked on 22812ee */
	assert_int_equal(gzip_files("My Photos", 70), MOAT_ALLOW);
	assert_int_equal(gzip_files("Q3 report (final)", 70), MOAT_ALLOW);
	assert_int_equal(gzip_files("My Photos", 200), MOAT_ALLOW);
	/* guard: a script of its own past the 64th argument of parallel sh -c
	 * still blocks (blocked on 22812ee, allowed on main) */
	assert_int_equal(script_after(70), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_folder_name_in_many_parallel_arguments_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
