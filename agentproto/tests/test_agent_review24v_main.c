/* review24 (session 32), round v on main 0281991 (the lead's fixes of
 * review24f and review24g). Each test fails on 0281991.
 *
 * 1. NEW false positive (path, 0281991): an input that begins with an
 *    escaped separator and then names a file inside the base,
 *    "/srv/app/uploads" + "%2fphoto.jpg" (decoded: uploads/photo.jpg),
 *    "%2Fphotos%2F2024%2Fcat.png", "%5cphoto.jpg", "%252fphoto.jpg", is
 *    path.traversal now (allowed on fb8d351): the reading that does not
 *    decode it treats it as leaving the base, where 0281991 no longer lets
 *    it continue the application's last name.
 * 2. Still allowed (lower): the look-alike separators the check otherwise
 *    takes as ASCII (README: U+FF0F, U+2215) at the same place --
 *    "/srv/app/uploads" + "\uFF0F../secret" and "\u2215../secret" (a
 *    filesystem or framework that NFKC-normalises the name opens
 *    /srv/app/secret).
 * 3. source_ip (bb47335 reads ports, brackets, zones, spaces): the forms
 *    of RFC 7239's Forwarded header still leave a denied client
 *    undenied: "\"[2001:db8::1]:443\"" (its quoted IPv6 form), "for=
 *    203.0.113.7", and "203.0.113.7\n" (a header line's end).
 */
#include "agent_test.h"

static int path_check(const char *input)
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
	v = moat_check_path(r, path, strlen(path), "/srv/app/uploads", 0);
	moat_request_end(r);
	return v;
}

static void an_escaped_separator_then_a_name_inside_is_allowed(void **state)
{
	static const char *const benign[] = {"%2fphoto.jpg", "%2Fphotos%2F2024%2Fcat.png",
	                                     "%5cphoto.jpg", "%252fphoto.jpg"};
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof benign / sizeof benign[0]; i++)
		if (path_check(benign[i]) != MOAT_ALLOW) {
			print_message("blocked: /srv/app/uploads + %s\n", benign[i]);
			bad++;
		}
	assert_int_equal(bad, 0);
}

static void a_look_alike_separator_then_dots_fires(void **state)
{
	int bad = 0;

	(void)state;
	if (path_check("\xef\xbc\x8f../secret") != MOAT_BLOCK) {
		print_message("allowed: uploads + U+FF0F ../secret\n");
		bad++;
	}
	if (path_check("\xe2\x88\x95../secret") != MOAT_BLOCK) {
		print_message("allowed: uploads + U+2215 ../secret\n");
		bad++;
	}
	assert_int_equal(bad, 0);
}

static void a_forwarded_headers_forms_are_denied(void **state)
{
	static const char *const forms[] = {"\"[2001:db8::1]:443\"", "for=203.0.113.7",
	                                    "203.0.113.7\n"};
	const struct moat_policy *p = moat_policy_parse(
	    "{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"203.0.113.0/24\"},"
	    "{\"value\":\"2001:db8::/32\"}],\"users\":[]}}",
	    1, NULL, 0);
	int bad = 0;

	(void)state;
	assert_non_null(p);
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct moat_request_info ri = {
		    .method = "GET", .endpoint = "/x", .source_ip = forms[i]};
		struct moat_request *r = NULL;
		ri.policy = p;
		if (moat_request_begin(NULL, &ri, &r) != MOAT_BLOCK) {
			print_message("not denied: [%s]\n", forms[i]);
			bad++;
		}
		moat_request_end(r);
	}
	moat_policy_release(p);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_escaped_separator_then_a_name_inside_is_allowed),
	    cmocka_unit_test(a_look_alike_separator_then_dots_fires),
	    cmocka_unit_test(a_forwarded_headers_forms_are_denied),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
