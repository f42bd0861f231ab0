/* A path the application normalised before the check (ma_path_joined).
 * review25 (session 33), round e on main 20a87f3: path. The check fires
 * only where an input's text occurs in the path; the usual ways of joining
 * a name under a directory resolve the dot segments first -- Node's
 * path.join and path.resolve, Go's filepath.Join (it calls Clean),
 * Python's os.path.normpath / abspath, Java's Path.normalize -- so the
 * path the application opens, the one README says to check, no longer
 * holds the input: path.join("/srv/app/uploads", "../../../etc/passwd")
 * is "/etc/passwd", outside the base, and nothing fires (5 of 5 allowed,
 * with the base given). The base says where every path of this call must
 * stay: a path outside it while an input of the request holds a dot
 * segment is the traversal, whatever the input's text became.
 * Run here: node 20 fs.readFileSync(path.join(DIR + "/uploads",
 * "../secret")) and python3 open(os.path.normpath(os.path.join(...)))
 * read DIR/secret. Twins: normalised paths inside the base
 * ("a/../photo.jpg" is uploads/photo.jpg) and a plain name stay allowed.
 */
#include "agent_test.h"

static int check_in(const char *policy, const char *base, const char *input, const char *path)
{
	const struct moat_policy *p = moat_policy_parse(policy, 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/files"};
	struct moat_request *r = NULL;
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "name", input, strlen(input)),
	                 0);
	v = moat_check_path(r, path, strlen(path), base, 0);
	moat_request_end(r);
	return v;
}

#define BLOCK_ALL "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}"

static int check(const char *input, const char *path)
{
	return check_in(BLOCK_ALL, "/srv/app/uploads", input, path);
}

static void a_path_the_application_normalised_outside_the_base_fires(void **state)
{
	static const char *const c[][2] = {
	    {"../../../etc/passwd", "/etc/passwd"},
	    {"../secret", "/srv/app/secret"},
	    {"a/../../config/db.yml", "/srv/app/config/db.yml"},
	    {"../uploads_old/x", "/srv/app/uploads_old/x"},
	    {"..%2f..%2fetc%2fshadow", "/srv/etc/shadow"},
	};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (check(c[i][0], c[i][1]) != MOAT_BLOCK) {
			print_message("allowed: %s -> %s\n", c[i][0], c[i][1]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_normalised_path_inside_the_base_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(check("a/../photo.jpg", "/srv/app/uploads/photo.jpg"), MOAT_ALLOW);
	assert_int_equal(check("2024/./cat.png", "/srv/app/uploads/2024/cat.png"), MOAT_ALLOW);
	assert_int_equal(check("photo.jpg", "/srv/app/uploads/photo.jpg"), MOAT_ALLOW);
}

/* Other joins: Windows' backslashes under a drive, a climb written with
 * backslashes under a rooted base, a climb that names a single file. */
static void other_joins_outside_the_base_fire(void **state)
{
	(void)state;
	assert_int_equal(check_in(BLOCK_ALL, "C:\\app\\files", "..\\..\\Windows\\win.ini",
	                          "C:\\Windows\\win.ini"),
	                 MOAT_BLOCK);
	assert_int_equal(check("..\\..\\..\\root\\.ssh\\id_rsa", "/root/.ssh/id_rsa"), MOAT_BLOCK);
	assert_int_equal(check("../.env", "/srv/app/.env"), MOAT_BLOCK);
	assert_int_equal(check("../../", "/srv"), MOAT_BLOCK);
}

/* The application's own path outside the base is not an input's: an
 * input that climbs but names something else, or names the end without
 * climbing, leaves it alone; an input an exclusion turns off is not
 * judged. */
static void a_path_outside_no_input_names_is_allowed(void **state)
{
	(void)state;
	assert_int_equal(check("../index.html", "/srv/app/templates/page.html"), MOAT_ALLOW);
	assert_int_equal(check("passwd", "/etc/passwd"), MOAT_ALLOW);
	assert_int_equal(check("see ../notes for details", "/srv/app/notes"), MOAT_ALLOW);
	assert_int_equal(check_in("{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}},"
	                          "\"exclusions\":[{\"interceptor\":\"path_traversal\","
	                          "\"parameter\":\"query.name\"}]}",
	                          "/srv/app/uploads", "../secret", "/srv/app/secret"),
	                 MOAT_ALLOW);
}

/* In monitor mode a path the scan already logged is not reported twice
 * by the joined rule (the shop's e2e: one event per attack). */
static void a_logged_path_is_one_event(void **state)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"monitor\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/invoice"};
	struct moat_request *r = NULL;
	const char *in = "../../../../etc/passwd";
	const char *path = "/srv/app/invoices/../../../../etc/passwd";

	(void)state;
	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_QUERY, "file", in, strlen(in)), 0);
	assert_int_equal(moat_check_path(r, path, strlen(path), "/srv/app/invoices", 0),
	                 MOAT_ALLOW);
	assert_int_equal(moat_request_findings(r), 1);
	moat_request_end(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_logged_path_is_one_event),
	    cmocka_unit_test(other_joins_outside_the_base_fire),
	    cmocka_unit_test(a_path_outside_no_input_names_is_allowed),
	    cmocka_unit_test(a_path_the_application_normalised_outside_the_base_fires),
	    cmocka_unit_test(a_normalised_path_inside_the_base_is_allowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
