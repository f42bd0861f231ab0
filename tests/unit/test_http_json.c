/* Unit tests for http_json.c's validator: every problem, with its path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "http.h"

static json_t *load(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, JSON_REJECT_DUPLICATES, &e);

	assert_non_null(j);
	return j;
}

static const char *err_path(struct jv *v, size_t i)
{
	return json_string_value(json_object_get(json_array_get(v->errors, i), "path"));
}

static const char *err_msg(struct jv *v, size_t i)
{
	return json_string_value(json_object_get(json_array_get(v->errors, i), "message"));
}

static void unknown_fields_are_each_reported_with_their_path(void **state)
{
	static const char *const allowed[] = {"slug", "name", NULL};
	json_t *j = load("{\"slug\":\"a\",\"bogus\":1,\"we ird\":2}");
	struct jv v;

	(void)state;
	jv_init(&v, j);
	jv_only(&v, allowed);
	assert_int_equal(v.count, 2);
	assert_string_equal(err_path(&v, 0), "$.bogus");
	assert_string_equal(err_path(&v, 1), "$[\"we ird\"]");
	assert_string_equal(err_msg(&v, 0), "unknown field");
	json_decref(v.errors);
	json_decref(j);
}

static void strings_are_checked_for_presence_type_length_and_control_bytes(void **state)
{
	json_t *j =
	    load("{\"a\":1,\"b\":\"\",\"c\":\"x\\ny\",\"d\":\"ok\",\"e\":\"\\u00e9\\u00e9\"}");
	const char *out;
	struct jv v;

	(void)state;
	jv_init(&v, j);
	jv_string(&v, "a", 1, 1, 10, 1, &out);
	assert_null(out);
	jv_string(&v, "b", 1, 1, 10, 1, &out);
	jv_string(&v, "c", 1, 1, 10, 1, &out);
	jv_string(&v, "missing", 1, 1, 10, 1, &out);
	jv_string(&v, "optional", 0, 1, 10, 1, &out);
	assert_int_equal(v.count, 4);
	assert_string_equal(err_path(&v, 0), "$.a");
	assert_string_equal(err_msg(&v, 0), "must be a string");
	assert_string_equal(err_path(&v, 1), "$.b");
	assert_string_equal(err_msg(&v, 1), "must be 1 to 10 characters long");
	assert_string_equal(err_msg(&v, 2), "must not contain control characters");
	assert_string_equal(err_path(&v, 3), "$.missing");
	assert_string_equal(err_msg(&v, 3), "is required");
	jv_string(&v, "d", 1, 1, 10, 1, &out);
	assert_string_equal(out, "ok");
	/* length counts characters, not bytes */
	jv_string(&v, "e", 1, 2, 2, 1, &out);
	assert_non_null(out);
	assert_int_equal(v.count, 4);
	json_decref(v.errors);
	json_decref(j);
}

static void booleans_must_be_true_or_false(void **state)
{
	json_t *j = load("{\"x\":true,\"y\":\"true\",\"z\":0}");
	struct jv v;
	int b;

	(void)state;
	jv_init(&v, j);
	jv_bool(&v, "x", 1, &b);
	assert_int_equal(b, 1);
	jv_bool(&v, "y", 1, &b);
	assert_int_equal(b, -1);
	jv_bool(&v, "z", 0, &b);
	jv_bool(&v, "absent", 0, &b);
	assert_int_equal(b, -1);
	assert_int_equal(v.count, 2);
	assert_string_equal(err_path(&v, 0), "$.y");
	assert_string_equal(err_msg(&v, 1), "must be true or false");
	json_decref(v.errors);
	json_decref(j);
}

static void thousands_of_problems_are_counted_but_only_fifty_listed(void **state)
{
	static const char *const allowed[] = {NULL};
	json_t *j = json_object();
	struct jv v;
	char k[16];

	(void)state;
	for (int i = 0; i < 10000; i++) {
		snprintf(k, sizeof k, "f%d", i);
		json_object_set_new(j, k, json_integer(i));
	}
	jv_init(&v, j);
	jv_only(&v, allowed);
	assert_int_equal(v.count, 10000);
	assert_int_equal(json_array_size(v.errors), 50);
	json_decref(v.errors);
	json_decref(j);
}

static void duplicate_keys_and_deep_nesting_do_not_parse(void **state)
{
	json_error_t e;
	char deep[6000];

	(void)state;
	assert_null(json_loads("{\"a\":1,\"a\":2}", JSON_REJECT_DUPLICATES, &e));
	memset(deep, '[', 5000);
	deep[5000] = '\0';
	assert_null(json_loads(deep, JSON_REJECT_DUPLICATES, &e));
	assert_null(json_loads("{\"a\":\"\\u0000\"}", JSON_REJECT_DUPLICATES, &e));
	assert_null(json_loadb("{\"a\":\"\xff\"}", 10, JSON_REJECT_DUPLICATES, &e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(unknown_fields_are_each_reported_with_their_path),
	    cmocka_unit_test(strings_are_checked_for_presence_type_length_and_control_bytes),
	    cmocka_unit_test(booleans_must_be_true_or_false),
	    cmocka_unit_test(thousands_of_problems_are_counted_but_only_fifty_listed),
	    cmocka_unit_test(duplicate_keys_and_deep_nesting_do_not_parse),
	};
	return cmocka_run_group_tests_name("http_json", tests, NULL, NULL);
}
