/* The variables whose value runs or loads code (ma_sh_env_code, shell39)
 * and their everyday values (the lead, session 33, after devshell's
 * "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LD_ASSUME_KERNEL=2.2.5 ./myprog",
 * "export CDPATH=/usr" became false positives): a PATH of the system's
 * own directories chooses no program, the loader's variables other than
 * LD_PRELOAD, LD_LIBRARY_PATH and LD_AUDIT load no code, nor does CDPATH;
 * a PATH with a writable, relative or empty element still fires.
 */
#include "agent_test.h"

static int check(const char *before, const char *input, const char *after)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/run"};
	struct moat_request *r = NULL;
	char line[512];
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "v", input, strlen(input)), 0);
	snprintf(line, sizeof line, "%s%s%s", before, input, after);
	v = moat_check_shell(r, line, strlen(line));
	moat_request_end(r);
	return v;
}

static void everyday_values_are_allowed(void **state)
{
	(void)state;
	assert_int_equal(check("PATH=", "/usr/local/bin:/usr/bin:/bin", " make all"), MOAT_ALLOW);
	assert_int_equal(check("export PATH=", "/opt/cuda/bin:$PATH", "; nvcc -V"), MOAT_ALLOW);
	assert_int_equal(check("LD_ASSUME_KERNEL=", "2.6.32", " ./legacy-app"), MOAT_ALLOW);
	assert_int_equal(check("LD_BIND_NOW=", "1", " ./server --port 80"), MOAT_ALLOW);
	assert_int_equal(check("export CDPATH=", "/srv/projects", ""), MOAT_ALLOW);
}

static void values_that_choose_code_fire(void **state)
{
	(void)state;
	assert_int_equal(check("PATH=", "/tmp/x:/usr/bin", " make all"), MOAT_BLOCK);
	assert_int_equal(check("PATH=", ":/usr/bin", " make all"), MOAT_BLOCK);
	assert_int_equal(check("PATH=", "bin:/usr/bin", " make all"), MOAT_BLOCK);
	assert_int_equal(check("PATH=", "/usr/../tmp:/usr/bin", " make all"), MOAT_BLOCK);
	assert_int_equal(check("LD_PRELOAD=", "/tmp/evil.so", " ls"), MOAT_BLOCK);
	assert_int_equal(check("LD_AUDIT=", "/tmp/a.so", " ls"), MOAT_BLOCK);
	assert_int_equal(check("DYLD_INSERT_LIBRARIES=", "/tmp/x.dylib", " ./app"), MOAT_BLOCK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(everyday_values_are_allowed),
	    cmocka_unit_test(values_that_choose_code_fire),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
