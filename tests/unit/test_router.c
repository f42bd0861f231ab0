/* Unit tests for http_router.c, the path decoder and slug rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "err.h"
#include "http.h"

static void free_params(struct http_req *r)
{
	for (int i = 0; i < HTTP_MAX_PARAMS; i++) {
		free(r->params[i]);
		r->params[i] = NULL;
	}
}

static void a_literal_route_matches_its_method(void **state)
{
	struct http_req r;
	int allow, i;

	(void)state;
	memset(&r, 0, sizeof r);
	i = http_route_match(&r, HM_GET, "/api/v1/projects", &allow);
	assert_true(i >= 0);
	assert_string_equal(http_routes[i].pattern, "/api/v1/projects");
	assert_int_equal(http_routes[i].method, HM_GET);
	i = http_route_match(&r, HM_POST, "/api/v1/projects", &allow);
	assert_true(i >= 0);
	assert_int_equal(http_routes[i].method, HM_POST);
}

static void parameters_are_captured_and_decoded(void **state)
{
	struct http_req r;
	int allow, i;

	(void)state;
	memset(&r, 0, sizeof r);
	i = http_route_match(&r, HM_DELETE, "/api/v1/projects/shop%2Dweb/tokens/42", &allow);
	assert_true(i >= 0);
	assert_string_equal(http_routes[i].pattern, "/api/v1/projects/{slug}/tokens/{id}");
	assert_string_equal(r.params[0], "shop-web");
	assert_string_equal(r.params[1], "42");
	free_params(&r);
}

static void an_encoded_slash_stays_inside_its_segment(void **state)
{
	struct http_req r;
	int allow, i;

	(void)state;
	memset(&r, 0, sizeof r);
	i = http_route_match(&r, HM_GET, "/api/v1/projects/a%2Fb", &allow);
	assert_true(i >= 0);
	assert_string_equal(http_routes[i].pattern, "/api/v1/projects/{slug}");
	assert_string_equal(r.params[0], "a/b");
	free_params(&r);
}

static void a_known_path_with_a_wrong_method_reports_the_allowed_ones(void **state)
{
	struct http_req r;
	char allow_s[64];
	int allow;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(http_route_match(&r, HM_PUT, "/api/v1/projects", &allow), -1);
	assert_int_equal(allow, HM_GET | HM_POST);
	http_allow_string(allow, allow_s, sizeof allow_s);
	assert_string_equal(allow_s, "GET, HEAD, POST");
}

static void an_unknown_path_matches_nothing(void **state)
{
	struct http_req r;
	int allow;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/nope", &allow), -1);
	assert_int_equal(allow, 0);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projects/", &allow), -1);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projects/x/y/z/w", &allow), -1);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projectsX", &allow), -1);
}

static void a_nul_or_bad_escape_in_a_parameter_is_refused(void **state)
{
	struct http_req r;
	int allow;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projects/a%00b", &allow), -2);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projects/a%zz", &allow), -2);
	assert_int_equal(http_route_match(&r, HM_GET, "/api/v1/projects/a%4", &allow), -2);
}

static void percent_decoding_refuses_control_bytes_and_overflow(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(http_pct_decode("a%41b", 5, out, sizeof out), 3);
	assert_string_equal(out, "aAb");
	assert_int_equal(http_pct_decode("%0a", 3, out, sizeof out), MOAT_EINVALID);
	assert_int_equal(http_pct_decode("%7F", 3, out, sizeof out), MOAT_EINVALID);
	assert_int_equal(http_pct_decode("abcdefgh", 8, out, sizeof out), MOAT_EINVALID);
	assert_int_equal(http_pct_decode("%", 1, out, sizeof out), MOAT_EINVALID);
}

static void slugs_follow_the_rules(void **state)
{
	(void)state;
	assert_true(api_slug_valid("shop"));
	assert_true(api_slug_valid("a1"));
	assert_true(api_slug_valid("my-shop-2"));
	assert_true(api_slug_valid("abcdefghij0123456789abcdefghij0123456789")); /* 40 */
	assert_false(api_slug_valid("a"));
	assert_false(api_slug_valid("abcdefghij0123456789abcdefghij0123456789x"));
	assert_false(api_slug_valid("-shop"));
	assert_false(api_slug_valid("shop-"));
	assert_false(api_slug_valid("my--shop"));
	assert_false(api_slug_valid("Shop"));
	assert_false(api_slug_valid("shop_web"));
	assert_false(api_slug_valid("shop web"));
	assert_false(api_slug_valid("sh/op"));
	assert_false(api_slug_valid("shop'--"));
	assert_false(api_slug_valid(""));
}

static void every_route_has_a_handler_and_a_distinct_method_pattern(void **state)
{
	(void)state;
	for (int i = 0; i < http_route_count; i++) {
		assert_non_null(http_routes[i].handler);
		assert_true(http_routes[i].access != 0);
		for (int j = i + 1; j < http_route_count; j++)
			assert_false(http_routes[i].method == http_routes[j].method &&
			             strcmp(http_routes[i].pattern, http_routes[j].pattern) == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_literal_route_matches_its_method),
	    cmocka_unit_test(parameters_are_captured_and_decoded),
	    cmocka_unit_test(an_encoded_slash_stays_inside_its_segment),
	    cmocka_unit_test(a_known_path_with_a_wrong_method_reports_the_allowed_ones),
	    cmocka_unit_test(an_unknown_path_matches_nothing),
	    cmocka_unit_test(a_nul_or_bad_escape_in_a_parameter_is_refused),
	    cmocka_unit_test(percent_decoding_refuses_control_bytes_and_overflow),
	    cmocka_unit_test(slugs_follow_the_rules),
	    cmocka_unit_test(every_route_has_a_handler_and_a_distinct_method_pattern),
	};
	return cmocka_run_group_tests_name("router", tests, NULL, NULL);
}
