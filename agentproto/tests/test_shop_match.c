/*
 * test_shop_match.c — the shop's Mongo-style matcher (examples/shop/match.c)
 * against MongoDB's documented query semantics for the subset it claims,
 * and against malformed filters: each answers 1, 0 or -1 with a reason,
 * never a crash or a hang.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shop.h"

static const char *const tm_doc_text =
    "{\"user\": \"alice\", \"password\": \"wonderland-2026\", \"role\": \"customer\","
    " \"age\": 30, \"score\": 2.5, \"active\": true, \"nick\": null,"
    " \"address\": {\"city\": \"Graz\", \"zip\": \"8010\"},"
    " \"tags\": [\"brass\", \"copper\"], \"sizes\": [3, 7]}";

/* match_doc() of the test document against filter (JSON text); the
 * error text in err when given. */
static int tm_run(const char *filter_text, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *doc = json_loads(tm_doc_text, 0, &jerr), *filter;
	char spare[200];
	int rc;

	assert_non_null(doc);
	filter = json_loads(filter_text, 0, &jerr);
	if (!filter)
		fail_msg("bad test filter %s: %s", filter_text, jerr.text);
	if (!err) {
		err = spare;
		errlen = sizeof spare;
	}
	err[0] = '\0';
	rc = match_doc(doc, filter, err, errlen);
	if (rc < 0 && !err[0])
		fail_msg("%s: -1 without a reason", filter_text);
	json_decref(filter);
	json_decref(doc);
	return rc;
}

#define tm_yes(f) assert_int_equal(tm_run(f, NULL, 0), 1)
#define tm_no(f)  assert_int_equal(tm_run(f, NULL, 0), 0)
#define tm_err(f) assert_int_equal(tm_run(f, NULL, 0), -1)

static void field_equality_and_dotted_paths_match_like_mongo(void **state)
{
	(void)state;
	tm_yes("{}");
	tm_yes("{\"user\": \"alice\"}");
	tm_no("{\"user\": \"Alice\"}");
	tm_yes("{\"user\": \"alice\", \"role\": \"customer\"}");
	tm_no("{\"user\": \"alice\", \"role\": \"admin\"}");
	tm_yes("{\"address.city\": \"Graz\"}");
	tm_no("{\"address.city\": \"Wien\"}");
	tm_no("{\"address.street\": \"x\"}");
	tm_no("{\"user.first\": \"alice\"}"); /* a path through a string is missing */
	tm_yes("{\"address\": {\"city\": \"Graz\", \"zip\": \"8010\"}}");
	tm_no("{\"address\": {\"city\": \"Graz\"}}"); /* a document matches whole */
	tm_no("{\"\": \"alice\"}");                   /* an empty name is no field */
	tm_no("{\"address.\": \"Graz\"}");
}

static void numbers_compare_by_value_whatever_their_json_type(void **state)
{
	(void)state;
	tm_yes("{\"age\": 30.0}");
	tm_yes("{\"age\": {\"$eq\": 30.0}}");
	tm_no("{\"age\": {\"$ne\": 30.0}}");
	tm_yes("{\"age\": {\"$in\": [1, 30.0]}}");
	tm_yes("{\"score\": {\"$gt\": 2, \"$lt\": 3}}");
	tm_yes("{\"age\": {\"$gte\": 30, \"$lte\": 30}}");
	tm_no("{\"age\": {\"$gt\": 30}}");
}

static void comparisons_never_cross_types(void **state)
{
	(void)state;
	/* Mongo's type bracketing: $gt/$lt only within numbers or strings */
	tm_no("{\"age\": {\"$gt\": \"1\"}}");
	tm_no("{\"age\": {\"$lt\": \"99\"}}");
	tm_no("{\"user\": {\"$gt\": 0}}");
	tm_yes("{\"user\": {\"$gt\": \"\"}}");
	tm_yes("{\"user\": {\"$gte\": \"alice\", \"$lt\": \"alicf\"}}");
	tm_no("{\"age\": \"30\"}");
	tm_no("{\"active\": 1}");
	tm_no("{\"missing\": {\"$gt\": 0}}");
	tm_no("{\"missing\": {\"$lte\": \"z\"}}");
}

static void null_matches_a_missing_field_and_ne_matches_what_eq_does_not(void **state)
{
	(void)state;
	tm_yes("{\"nick\": null}");
	tm_yes("{\"missing\": null}");
	tm_yes("{\"missing\": {\"$eq\": null}}");
	tm_no("{\"user\": null}");
	tm_yes("{\"missing\": {\"$ne\": \"x\"}}");
	tm_no("{\"missing\": {\"$ne\": null}}");
	tm_yes("{\"user\": {\"$ne\": null}}");
	tm_yes("{\"password\": {\"$ne\": \"\"}}"); /* the classic login bypass */
	tm_yes("{\"missing\": {\"$nin\": [1, 2]}}");
	tm_no("{\"missing\": {\"$in\": [1, 2]}}");
	tm_yes("{\"missing\": {\"$in\": [1, null]}}");
}

static void exists_takes_any_truthy_value(void **state)
{
	(void)state;
	tm_yes("{\"user\": {\"$exists\": true}}");
	tm_yes("{\"user\": {\"$exists\": 1}}");
	tm_no("{\"user\": {\"$exists\": false}}");
	tm_no("{\"user\": {\"$exists\": 0}}");
	tm_yes("{\"missing\": {\"$exists\": false}}");
	tm_yes("{\"missing\": {\"$exists\": 0}}");
	tm_no("{\"missing\": {\"$exists\": true}}");
	tm_yes("{\"nick\": {\"$exists\": true}}"); /* null is a value */
}

static void arrays_match_when_any_element_does(void **state)
{
	(void)state;
	tm_yes("{\"tags\": \"copper\"}");
	tm_no("{\"tags\": \"silver\"}");
	tm_yes("{\"tags\": [\"brass\", \"copper\"]}");
	tm_no("{\"tags\": [\"copper\", \"brass\"]}"); /* a whole array in order */
	tm_yes("{\"tags\": {\"$in\": [\"silver\", \"copper\"]}}");
	tm_no("{\"tags\": {\"$in\": [\"silver\", \"gold\"]}}");
	tm_no("{\"tags\": {\"$nin\": [\"silver\", \"copper\"]}}");
	tm_yes("{\"tags\": {\"$nin\": [\"silver\", \"gold\"]}}");
	tm_no("{\"tags\": {\"$ne\": \"brass\"}}");
	tm_yes("{\"sizes\": {\"$gt\": 5}}");
	tm_no("{\"sizes\": {\"$gt\": 7}}");
	tm_yes("{\"tags\": {\"$regex\": \"^cop\"}}");
	tm_yes("{\"tags.1\": \"copper\"}"); /* an array index in a dotted path */
	tm_no("{\"tags.2\": \"copper\"}");
	tm_err("{\"user\": {\"$in\": \"alice\"}}");
	tm_err("{\"user\": {\"$nin\": {\"a\": 1}}}");
}

static void regex_options_are_the_documented_ones(void **state)
{
	(void)state;
	tm_yes("{\"user\": {\"$regex\": \"^al\"}}");
	tm_no("{\"user\": {\"$regex\": \"^AL\"}}");
	tm_yes("{\"user\": {\"$regex\": \"^AL\", \"$options\": \"i\"}}");
	tm_yes("{\"user\": {\"$options\": \"i\", \"$regex\": \"^AL\"}}");
	tm_no("{\"age\": {\"$regex\": \"3\"}}"); /* only strings match a regex */
	tm_no("{\"missing\": {\"$regex\": \".*\"}}");
	tm_yes("{\"user\": {\"$not\": {\"$regex\": \"^adm\"}}}");
	tm_err("{\"user\": {\"$regex\": \"^al\", \"$options\": \"q\"}}");
	tm_err("{\"user\": {\"$regex\": \"^al\", \"$options\": 1}}");
	tm_err("{\"user\": {\"$options\": \"i\"}}");
	tm_err("{\"user\": {\"$regex\": 5}}");
	tm_err("{\"user\": {\"$regex\": \"(\"}}");
	tm_err("{\"user\": {\"$regex\": \"a{2,1}\"}}");
}

static void a_regex_that_would_take_seconds_to_compile_is_refused_at_once(void **state)
{
	static const char *const slow[] = {
	    "{\"user\": {\"$regex\": \"((a{1,100}){1,100}){1,100}\"}}",
	    "{\"user\": {\"$regex\": \"(.{0,255}){0,255}\"}}",
	    "{\"user\": {\"$regex\": \"^(a|aa)*\\\\1*\\\\1*$\"}}", /* a back-reference */
	    /* each "+" doubles its operand in glibc's tree (found by fuzz_shop) */
	    "{\"user\": {\"$regex\": \"a++++++++++++++++++++++++s\"}}",
	    "{\"user\": {\"$regex\": "
	    "\"((((((((((((((((((((a+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+\"}}",
	    "{\"user\": {\"$regex\": \"([a-z]{1,40}){1,40}\"}}",
	    /* stacked stars: 33 s of regcomp (found by fuzz_shop) */
	    "{\"user\": {\"$regex\": \"^n******************************^n*****************"
	    "*************2******************************2\"}}",
	    "{\"user\": {\"$regex\": \"a*?\"}}",
	    "{\"user\": {\"$regex\": \"a+{2}\"}}",
	    /* 21 quantifiers */
	    "{\"user\": {\"$regex\": \"a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*\"}}",
	};
	char err[200];
	struct timespec a, b;

	(void)state;
	for (size_t i = 0; i < sizeof slow / sizeof slow[0]; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		assert_int_equal(tm_run(slow[i], err, sizeof err), -1);
		clock_gettime(CLOCK_MONOTONIC, &b);
		assert_true((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 < 200);
		assert_non_null(strstr(err, "$regex"));
	}
	/* ordinary bounded repetitions still run */
	tm_yes("{\"password\": {\"$regex\": \"^[a-z]{3,12}-[0-9]{4}$\"}}");
	tm_yes("{\"user\": {\"$regex\": \"\\\\{?alice\"}}");
	tm_yes("{\"user\": {\"$regex\": \"^a+l+i+c+e+[x+]*(b+|c+|d+|e+)*$\"}}");
	tm_yes("{\"password\": {\"$regex\": \"^[]a-z[:digit:]-]{15}$\"}}");
	tm_yes("{\"user\": {\"$regex\": \"a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*(s*)*\"}}");
}

static void not_needs_an_operator_document(void **state)
{
	(void)state;
	tm_yes("{\"age\": {\"$not\": {\"$gt\": 40}}}");
	tm_no("{\"age\": {\"$not\": {\"$gt\": 20}}}");
	tm_yes("{\"missing\": {\"$not\": {\"$gt\": 20}}}");
	tm_err("{\"age\": {\"$not\": 30}}");
	tm_err("{\"age\": {\"$not\": {}}}");
	tm_err("{\"age\": {\"$not\": {\"a\": 1}}}");
}

static void logical_operators_need_non_empty_arrays_of_filters(void **state)
{
	(void)state;
	tm_yes("{\"$or\": [{\"user\": \"bob\"}, {\"age\": 30}]}");
	tm_no("{\"$or\": [{\"user\": \"bob\"}, {\"age\": 31}]}");
	tm_yes("{\"$and\": [{\"user\": \"alice\"}, {\"age\": 30}]}");
	tm_no("{\"$and\": [{\"user\": \"alice\"}, {\"age\": 31}]}");
	tm_yes("{\"$nor\": [{\"user\": \"bob\"}, {\"age\": 31}]}");
	tm_no("{\"$nor\": [{\"user\": \"bob\"}, {\"age\": 30}]}");
	tm_err("{\"$or\": []}");
	tm_err("{\"$or\": {\"user\": \"alice\"}}");
	tm_err("{\"$and\": [1]}");
	tm_err("{\"$and\": [{\"user\": \"alice\"}, \"x\"]}");
}

static void unknown_or_misplaced_operators_are_errors(void **state)
{
	char err[200];

	(void)state;
	assert_int_equal(tm_run("{\"user\": {\"$foo\": 1}}", err, sizeof err), -1);
	assert_non_null(strstr(err, "$foo"));
	tm_err("{\"$foo\": 1}");
	tm_err("{\"$eq\": \"alice\"}");
	tm_err("{\"user\": {\"$eq\": \"alice\", \"x\": 1}}");
	tm_err("{\"user\": {\"$eq\": \"bob\", \"x\": 1}}");
	/* an error whatever the document: nothing is cut short by a non-match */
	tm_err("{\"user\": \"bob\", \"password\": {\"$regex\": \"(\"}}");
	tm_err("{\"user\": \"bob\", \"$where\": \"(((\"}");
	tm_err("{\"age\": {\"$gt\": 100, \"$foo\": 1}}");
	tm_err("{\"$or\": [{\"user\": \"alice\"}, {\"$foo\": 1}]}");
	tm_err("{\"$and\": [{\"user\": \"bob\"}, {\"age\": {\"$in\": 1}}]}");
}

static void where_runs_its_javascript_subset_with_javascript_equality(void **state)
{
	(void)state;
	tm_yes("{\"$where\": \"this.user == 'alice'\"}");
	tm_yes("{\"$where\": \"return this.age > 18;\"}");
	tm_yes("{\"$where\": \"obj.address.city === \\\"Graz\\\"\"}");
	tm_no("{\"$where\": \"this.user == 'alice' && this.role == 'admin'\"}");
	tm_yes("{\"$where\": \"this.user == 'bob' || this.role == 'customer'\"}");
	tm_yes("{\"$where\": \"this.customer == 'x' || '1'=='1'\"}"); /* the break-out */
	tm_yes("{\"$where\": \"!(this.age < 18)\"}");
	tm_yes("{\"$where\": \"this.missing == null\"}");
	tm_no("{\"$where\": \"this.missing === null\"}");
	tm_yes("{\"$where\": \"'12' == 12\"}");
	tm_yes("{\"$where\": \"' 12 ' == 12\"}");
	tm_no("{\"$where\": \"'abc' == 0\"}");    /* Number('abc') is NaN */
	tm_no("{\"$where\": \"'12abc' == 12\"}"); /* so is Number('12abc') */
	tm_yes("{\"$where\": \"'' == 0\"}");
	tm_no("{\"$where\": \"this.age === '30'\"}");
	tm_yes("{\"$where\": \"this.age == '30'\"}");
	tm_no("{\"$where\": \"'abc' < 5\"}");
	tm_yes("{\"$where\": \"'abc' < 'abd'\"}");
	tm_yes("{\"$where\": \"true\"}");
	tm_no("{\"$where\": \"false\"}");
}

static void where_refuses_what_it_cannot_run(void **state)
{
	char err[200];

	(void)state;
	assert_int_equal(tm_run("{\"$where\": \"while(1){}\"}", err, sizeof err), -1);
	assert_non_null(strstr(err, "$where"));
	tm_err("{\"$where\": \"sleep(5000)\"}");
	tm_err("{\"$where\": \"this.user == 'alice\"}");
	tm_err("{\"$where\": \"this.user == 'al\\\\'ice'\"}");
	tm_err("{\"$where\": \"this. == 1\"}");
	tm_err("{\"$where\": \"(this.age > 1\"}");
	tm_err("{\"$where\": \"this.age > 1 extra\"}");
	tm_err("{\"$where\": \"\"}");
	tm_err("{\"$where\": 1}");
	tm_err("{\"$where\": {\"code\": \"true\"}}");
	tm_err("{\"user\": {\"$where\": \"true\"}}");
}

/* A string of n copies of a, then b, then n copies of c. */
static char *tm_repeat(const char *a, const char *b, const char *c, int n)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(n * (la + lc) + lb + 1), *p = s;

	assert_non_null(s);
	for (int i = 0; i < n; i++, p += la)
		memcpy(p, a, la);
	memcpy(p, b, lb);
	p += lb;
	for (int i = 0; i < n; i++, p += lc)
		memcpy(p, c, lc);
	*p = '\0';
	return s;
}

static void deep_nesting_is_an_error_not_a_stack_overflow(void **state)
{
	/* {outer, repeated before, innermost, repeated after} */
	static const char *const deep[][4] = {
	    {"", "{\"$and\": [", "{\"user\": \"alice\"}", "]}"},
	    {"", "{\"$or\": [{\"$nor\": [", "{\"user\": \"bob\"}", "]}]}"},
	    {"age", "{\"$not\": ", "{\"$gt\": 1}", "}"},
	};
	static const char *const where_deep[][3] = {
	    {"(", "true", ")"},
	    {"!", "true", ""},
	    {"!(", "true", ")"},
	};
	char err[200];

	(void)state;
	for (size_t i = 0; i < sizeof deep / sizeof deep[0]; i++) {
		char *f = tm_repeat(deep[i][1], deep[i][2], deep[i][3], 400), *outer = NULL;
		if (*deep[i][0])
			assert_true(asprintf(&outer, "{\"%s\": %s}", deep[i][0], f) > 0);
		assert_int_equal(tm_run(outer ? outer : f, err, sizeof err), -1);
		assert_non_null(strstr(err, "deep"));
		free(outer);
		free(f);
	}
	for (size_t i = 0; i < sizeof where_deep / sizeof where_deep[0]; i++) {
		char *code =
		    tm_repeat(where_deep[i][0], where_deep[i][1], where_deep[i][2], 100000);
		json_t *doc = json_object(), *filter = json_pack("{ss}", "$where", code);
		assert_int_equal(match_doc(doc, filter, err, sizeof err), -1);
		assert_non_null(strstr(err, "deep"));
		json_decref(filter);
		json_decref(doc);
		free(code);
	}
	/* just under the bound still runs */
	{
		char *f = tm_repeat("{\"$and\": [", "{\"user\": \"alice\"}", "]}", 10);
		tm_yes(f);
		free(f);
	}
}

static void huge_arrays_run_to_an_answer(void **state)
{
	json_t *doc = json_pack("{ss si}", "user", "alice", "age", 30);
	json_t *in = json_array(), *ors = json_array(), *filter;
	char err[200];

	(void)state;
	for (int i = 0; i < 100000; i++)
		json_array_append_new(in, json_integer(1000 + i));
	for (int i = 0; i < 20000; i++)
		json_array_append_new(ors, json_pack("{si}", "age", 1000 + i));
	filter = json_pack("{s{sO}}", "age", "$in", in);
	assert_int_equal(match_doc(doc, filter, err, sizeof err), 0);
	json_decref(filter);
	json_array_append_new(in, json_integer(30));
	filter = json_pack("{s{sO}}", "age", "$in", in);
	assert_int_equal(match_doc(doc, filter, err, sizeof err), 1);
	json_decref(filter);
	filter = json_pack("{sO}", "$or", ors);
	assert_int_equal(match_doc(doc, filter, err, sizeof err), 0);
	json_decref(filter);
	json_decref(in);
	json_decref(ors);
	json_decref(doc);
}

static void non_object_filters_and_tiny_error_buffers_are_safe(void **state)
{
	json_t *doc = json_object(), *f = json_string("x");
	char err[4] = "";

	(void)state;
	assert_int_equal(match_doc(doc, f, err, sizeof err), -1);
	assert_int_equal(strlen(err), 3);
	json_decref(f);
	f = json_array();
	assert_int_equal(match_doc(doc, f, err, 1), -1);
	assert_int_equal(err[0], '\0');
	json_decref(f);
	json_decref(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(field_equality_and_dotted_paths_match_like_mongo),
	    cmocka_unit_test(numbers_compare_by_value_whatever_their_json_type),
	    cmocka_unit_test(comparisons_never_cross_types),
	    cmocka_unit_test(null_matches_a_missing_field_and_ne_matches_what_eq_does_not),
	    cmocka_unit_test(exists_takes_any_truthy_value),
	    cmocka_unit_test(arrays_match_when_any_element_does),
	    cmocka_unit_test(regex_options_are_the_documented_ones),
	    cmocka_unit_test(a_regex_that_would_take_seconds_to_compile_is_refused_at_once),
	    cmocka_unit_test(not_needs_an_operator_document),
	    cmocka_unit_test(logical_operators_need_non_empty_arrays_of_filters),
	    cmocka_unit_test(unknown_or_misplaced_operators_are_errors),
	    cmocka_unit_test(where_runs_its_javascript_subset_with_javascript_equality),
	    cmocka_unit_test(where_refuses_what_it_cannot_run),
	    cmocka_unit_test(deep_nesting_is_an_error_not_a_stack_overflow),
	    cmocka_unit_test(huge_arrays_run_to_an_answer),
	    cmocka_unit_test(non_object_filters_and_tiny_error_buffers_are_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
