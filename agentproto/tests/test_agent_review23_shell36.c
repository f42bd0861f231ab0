/* review23 (session 31) on h-shell36 5fddedf: fresh wordings of its
 * families. 22 of 24 attack lines block (13 allowed on main), its
 * benign twins pass. Still allowed (main ae71601 and 5fddedf alike):
 *  - after the application's sed script, an input that adds a script
 *    FILE (-f FILE, --file=FILE: the argv table's sed -f, fired there as
 *    cmd.option_file) or a read of another file (-e 1r/etc/shadow: sed
 *    prints it into the output);
 *  - salt's cmd.exec_code with bash (the code is run by the named
 *    interpreter: a shell here).
 * Run here (GNU sed 4.9): sed -n 's/colour/color/p' -f upload.sed data.txt with
 * upload.sed holding "1e id -un" printed root; -e 1r/etc/hostname printed
 * the host name. Verdicts in the comments. */
#include "agent_test.h"

static int line_check(const char *head, const char *input, const char *tail)
{
	static char line[1024];
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"command_injection\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "POST", .endpoint = "/x", .policy = p};
	struct moat_request *r = NULL;
	int v;

	snprintf(line, sizeof line, "%s%s%s", head, input, tail);
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_FORM, "f", input, strlen(input)), 0);
	v = moat_check_shell(r, line, (size_t)-1);
	moat_request_end(r);
	moat_policy_release(p);
	return v;
}

static void sed_script_files_and_reads_added_after_the_applications_fire(void **state)
{
	(void)state;
	/* blocked on 5fddedf (allowed on main): the -e family */
	assert_int_equal(line_check("sed -n 's/colour/color/p' ", "-e 1eid /srv/data.txt", ""),
	                 MOAT_BLOCK);
	/* allowed on both */
	assert_int_equal(
	    line_check("sed -n 's/colour/color/p' ", "-f /tmp/upload.sed /srv/data.txt", ""),
	    MOAT_BLOCK);
	assert_int_equal(
	    line_check("sed -n 's/colour/color/p' ", "--file=/tmp/upload.sed /srv/data.txt", ""),
	    MOAT_BLOCK);
	assert_int_equal(
	    line_check("sed -n 's/colour/color/p' ", "-e 1r/etc/shadow /srv/data.txt", ""),
	    MOAT_BLOCK);
	/* twins: file names (allowed on both) */
	assert_int_equal(line_check("sed -n 's/colour/color/p' ", "/srv/reports/1eid.csv", ""),
	                 MOAT_ALLOW);
	assert_int_equal(line_check("sed -n 's/colour/color/p' ", "notes-f.txt", ""), MOAT_ALLOW);
}

static void salt_exec_code_with_a_shell_fires(void **state)
{
	(void)state;
	/* allowed on both */
	assert_int_equal(line_check("salt '*' cmd.exec_code bash '", "ls; id", "'"), MOAT_BLOCK);
	assert_int_equal(line_check("salt '*' cmd.exec_code sh '", "uptime && id", "'"),
	                 MOAT_BLOCK);
	/* blocked on both: cmd.shell */
	assert_int_equal(line_check("salt '*' cmd.shell '", "ls; id", "'"), MOAT_BLOCK);
	/* twin (allowed on both) */
	assert_int_equal(line_check("salt '*' cmd.exec_code bash '", "uptime", "'"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(sed_script_files_and_reads_added_after_the_applications_fire),
	    cmocka_unit_test(salt_exec_code_with_a_shell_fires),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
