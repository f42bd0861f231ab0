/* review24 (session 32), round f on main fb8d351: path. An input that
 * starts with the separator right after the base the application wrote
 * without one ("/srv/app/uploads" + "/../secret": a path parameter or
 * the rest of a URL path kept with its leading slash, req.params[0] of
 * "/files*", url.slice(6)) is read as if it continued the base's last
 * name (README: `"/srv/app/uploads" + "_old/x"` passes, the application's
 * part naming /srv/app) -- but it begins with a separator, so the
 * application's part names /srv/app/uploads itself, inside the base, and
 * the dot segments leave it: `/../secret`, `/../../../etc/passwd`,
 * `/x/../../secret`, `/%2e%2e/secret`, `/..` are all allowed, with the
 * base given with or without its slash (after "/srv/app/uploads/" the
 * same inputs fire). Run here: cat /tmp/rv24/srv/app/uploads/../secret
 * read the file outside the base. Twins: "/photo.jpg", "/2024/05/cat.png",
 * "/a/../b.png" stay allowed.
 */
#include "agent_test.h"

static int path_check(const char *base, const char *input)
{
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{\"path_traversal\":{\"mode\":\"block\"}}}", 1, NULL, 0);
	struct moat_request_info ri = {.method = "GET", .endpoint = "/files/x"};
	struct moat_request *r = NULL;
	char path[512];
	int v;

	assert_non_null(p);
	ri.policy = p;
	assert_int_equal(moat_request_begin(NULL, &ri, &r), MOAT_ALLOW);
	moat_policy_release(p);
	assert_int_equal(moat_request_add_input(r, MOAT_INPUT_PATH, "rest", input, strlen(input)),
	                 0);
	snprintf(path, sizeof path, "/srv/app/uploads%s", input);
	v = moat_check_path(r, path, strlen(path), base, 0);
	moat_request_end(r);
	return v;
}

static void a_traversal_that_starts_with_the_separator_fires(void **state)
{
	static const char *const attacks[] = {
	    "/../secret", "/../../../etc/passwd",           "/x/../../secret", "/%2e%2e/secret",
	    "/..",        "/../uploads_private/report.pdf",
	};
	static const char *const bases[] = {"/srv/app/uploads", "/srv/app/uploads/"};
	int bad = 0;

	(void)state;
	for (size_t b = 0; b < 2; b++)
		for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++)
			if (path_check(bases[b], attacks[i]) != MOAT_BLOCK) {
				print_message("allowed: /srv/app/uploads + %s (base %s)\n",
				              attacks[i], bases[b]);
				bad++;
			}
	assert_int_equal(bad, 0);
}

static void a_name_that_starts_with_the_separator_is_allowed(void **state)
{
	static const char *const benign[] = {"/photo.jpg", "/2024/05/cat.png", "/a/../b.png",
	                                     "/My Files/notes.txt"};

	(void)state;
	for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
		assert_int_equal(path_check("/srv/app/uploads", benign[i]), MOAT_ALLOW);
}

/* The lead's: an escaped separator first ("%2f", "%5c", twice escaped),
 * a backslash, and no base at all (the application's part is then the
 * anchor); a name that continues the application's ("_old/x") still
 * passes, as the README says. */
static void an_escaped_separator_first_fires_too(void **state)
{
	static const char *const attacks[] = {"%2f..%2fsecret", "%2F..%2F..%2Fetc%2Fpasswd",
	                                      "%252f..%252fsecret", "\\..\\secret"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		if (path_check("/srv/app/uploads", attacks[i]) != MOAT_BLOCK) {
			print_message("allowed: /srv/app/uploads + %s\n", attacks[i]);
			bad++;
		}
		if (path_check(NULL, attacks[i]) != MOAT_BLOCK) {
			print_message("allowed (no base): /srv/app/uploads + %s\n", attacks[i]);
			bad++;
		}
	}
	if (path_check(NULL, "/../secret") != MOAT_BLOCK) {
		print_message("allowed (no base): /srv/app/uploads + /../secret\n");
		bad++;
	}
	assert_int_equal(bad, 0);
	assert_int_equal(path_check("/srv/app", "_old/x.txt"), MOAT_ALLOW);
	assert_int_equal(path_check("/srv/app", "%20old/x.txt"), MOAT_ALLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_traversal_that_starts_with_the_separator_fires),
	    cmocka_unit_test(a_name_that_starts_with_the_separator_is_allowed),
	    cmocka_unit_test(an_escaped_separator_first_fires_too),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
