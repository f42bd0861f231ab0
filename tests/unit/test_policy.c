/* Unit tests for policy.c: validation paths, both forms, canonical hash, diff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "policy.h"

static json_t *load(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, JSON_REJECT_DUPLICATES, &e);

	if (!j)
		fail_msg("bad test JSON: %s", e.text);
	return j;
}

static int has_error(json_t *errors, const char *path)
{
	size_t i;
	json_t *e;

	json_array_foreach(errors, i, e)
	{
		if (!strcmp(json_string_value(json_object_get(e, "path")), path))
			return 1;
	}
	return 0;
}

static const char *mode_of(json_t *doc, const char *name)
{
	return json_string_value(
	    json_object_get(json_object_get(json_object_get(doc, "interceptors"), name), "mode"));
}

static void the_default_has_every_interceptor_in_monitor_mode(void **state)
{
	json_t *d = policy_default();

	(void)state;
	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		assert_string_equal(mode_of(d, policy_interceptor_names[i]), "monitor");
	assert_int_equal(json_array_size(json_object_get(d, "exclusions")), 0);
	json_decref(d);
}

static void a_full_document_normalises_with_defaults_filled_in(void **state)
{
	json_t *in =
	    load("{\"interceptors\":{\"sql_injection\":{\"mode\":\"block\",\"notify\":true},"
	         "\"ssrf\":{\"mode\":\"block\",\"allow_hosts\":[\"api.internal\"]},"
	         "\"llm_prompt_injection\":{\"mode\":\"monitor\",\"threshold\":0.5}},"
	         "\"denylist\":{\"ips\":[{\"value\":\"203.0.113.7/24\"},"
	         "{\"value\":\"198.51.100.7\",\"until\":\"2026-12-01T01:00:00+01:00\"}],"
	         "\"users\":[{\"value\":\"user-4711\"}]},"
	         "\"exclusions\":[{\"interceptor\":\"xss\",\"endpoint\":\"/cms/*\","
	         "\"parameter\":\"body.html\",\"reason\":\"rich text\"}]}");
	json_t *errors = json_array();
	json_t *doc = policy_normalize(in, errors);
	json_t *ips;

	(void)state;
	assert_non_null(doc);
	assert_int_equal(json_array_size(errors), 0);
	assert_string_equal(mode_of(doc, "sql_injection"), "block");
	assert_string_equal(mode_of(doc, "xss"), "monitor"); /* not named: safe default */
	ips = json_object_get(json_object_get(doc, "denylist"), "ips");
	assert_string_equal(json_string_value(json_object_get(json_array_get(ips, 0), "value")),
	                    "203.0.113.0/24");
	assert_string_equal(json_string_value(json_object_get(json_array_get(ips, 1), "until")),
	                    "2026-12-01T00:00:00Z");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(doc, "exclusions"), 0), "on_match")),
	                    "ignore");
	json_decref(doc);
	json_decref(errors);
	json_decref(in);
}

static void every_problem_is_reported_with_its_path(void **state)
{
	json_t *in = load(
	    "{\"interceptors\":{\"sqli\":{\"mode\":\"block\"},"
	    "\"xss\":{\"mode\":\"loud\"},\"ssrf\":{\"mode\":\"block\",\"allow_hosts\":\"x\"},"
	    "\"llm_prompt_injection\":{\"mode\":\"monitor\",\"threshold\":1.5}},"
	    "\"denylist\":{\"ips\":[{\"value\":\"300.1.1.1\"},{\"value\":\"10.0.0.0/33\"},"
	    "{\"value\":\"10.0.0.1\",\"until\":\"tomorrow\"}]},"
	    "\"exclusions\":[{\"interceptor\":\"xss\",\"endpoint\":\"cms\",\"on_match\":\"drop\"}],"
	    "\"extra\":1}");
	json_t *errors = json_array();

	(void)state;
	assert_null(policy_normalize(in, errors));
	assert_true(has_error(errors, "$.interceptors.sqli"));
	assert_true(has_error(errors, "$.interceptors.xss.mode"));
	assert_true(has_error(errors, "$.interceptors.ssrf.allow_hosts"));
	assert_true(has_error(errors, "$.interceptors.llm_prompt_injection.threshold"));
	assert_true(has_error(errors, "$.denylist.ips[0].value"));
	assert_true(has_error(errors, "$.denylist.ips[1].value"));
	assert_true(has_error(errors, "$.denylist.ips[2].until"));
	assert_true(has_error(errors, "$.exclusions[0].endpoint"));
	assert_true(has_error(errors, "$.exclusions[0].on_match"));
	assert_true(has_error(errors, "$.extra"));
	assert_int_equal(json_array_size(errors), 10);
	json_decref(errors);
	json_decref(in);
}

static void the_compact_form_is_normalised_with_either_spelling(void **state)
{
	json_t *a =
	    load("{\"Interceptors\":[\"SqlInjection\",\"XSS\",\"CommandInjection\",\"SSRF\","
	         "\"LLMPromptInjection\"],\"ThreatAction\":\"BlockAndAlert\"}");
	json_t *b =
	    load("{\"Interceptors\":[\"sql\",\"nosql\",\"path-traversal\","
	         "\"command-injection\",\"llm-prompt-injection\"],\"ThreatAction\":\"LogOnly\"}");
	json_t *errors = json_array();
	json_t *da = policy_normalize(a, errors), *db = policy_normalize(b, errors);
	json_t *sqli;

	(void)state;
	assert_int_equal(json_array_size(errors), 0);
	assert_string_equal(mode_of(da, "sql_injection"), "block");
	sqli = json_object_get(json_object_get(da, "interceptors"), "sql_injection");
	assert_true(json_is_true(json_object_get(sqli, "notify")));
	assert_string_equal(mode_of(da, "nosql_injection"), "off"); /* not listed */
	assert_string_equal(mode_of(da, "llm_prompt_injection"), "block");
	assert_string_equal(mode_of(db, "nosql_injection"), "monitor");
	assert_string_equal(mode_of(db, "path_traversal"), "monitor");
	assert_string_equal(mode_of(db, "xss"), "off");
	json_decref(da);
	json_decref(db);
	json_decref(a);
	json_decref(b);
	json_decref(errors);
}

static void a_bad_compact_document_names_its_problems(void **state)
{
	json_t *in = load("{\"Interceptors\":[\"sql\",\"telepathy\"],\"ThreatAction\":\"Nuke\"}");
	json_t *errors = json_array();

	(void)state;
	assert_null(policy_normalize(in, errors));
	assert_true(has_error(errors, "$.Interceptors[1]"));
	assert_true(has_error(errors, "$.ThreatAction"));
	json_decref(errors);
	json_decref(in);
}

static void the_appsettings_wrapper_and_the_init_form_normalise_as_the_compact_form(void **state)
{
	json_t *compact =
	    load("{\"Interceptors\":[\"sql\",\"xss\"],\"ThreatAction\":\"BlockAndAlert\"}");
	json_t *wrapped = load(
	    "{\"Logging\":{\"LogLevel\":{\"Default\":\"Information\"}},\"bytehide\":{\"MONITOR\":"
	    "{\"ProjectToken\":\"secret-token\",\"Interceptors\":[\"sql\",\"xss\"],"
	    "\"ThreatAction\":\"BlockAndAlert\",\"Notifications\":{\"Slack\":"
	    "\"https://hooks.slack.com/services/a\",\"Webhook\":\"\"}}}}");
	json_t *init = load("{\"interceptors\":[\"sql\",\"xss\"],"
	                    "\"onThreat\":{\"action\":\"block\",\"notify\":true}}");
	json_t *errors = json_array();
	json_t *dc = policy_normalize(compact, errors), *dw = policy_normalize(wrapped, errors),
	       *di = policy_normalize(init, errors), *n;
	char *tc, *tw, *ti;

	(void)state;
	assert_int_equal(json_array_size(errors), 0);
	tc = policy_canonical(dc, NULL);
	tw = policy_canonical(dw, NULL);
	ti = policy_canonical(di, NULL);
	assert_string_equal(tc, tw);
	assert_string_equal(tc, ti);
	assert_null(strstr(tw, "secret-token")); /* never part of the document */
	assert_null(strstr(tw, "hooks.slack.com"));
	/* the channels it names: an empty URL names none */
	n = policy_notifications(wrapped);
	assert_non_null(n);
	assert_string_equal(json_string_value(json_object_get(n, "slack")),
	                    "https://hooks.slack.com/services/a");
	assert_null(json_object_get(n, "webhook"));
	assert_string_equal(json_string_value(json_object_get(n, "path")),
	                    "$.ByteHide.Monitor.Notifications");
	assert_null(policy_notifications(compact));
	json_decref(n);
	free(tc);
	free(tw);
	free(ti);
	json_decref(dc);
	json_decref(dw);
	json_decref(di);
	json_decref(compact);
	json_decref(wrapped);
	json_decref(init);
	json_decref(errors);
}

static void problems_inside_the_wrapper_are_reported_at_their_path(void **state)
{
	json_t *in = load("{\"ByteHide\":{\"Monitor\":{\"Interceptors\":[\"sql\",\"telepathy\"],"
	                  "\"Colour\":1,\"Notifications\":{\"Teams\":\"x\",\"Slack\":5}}}}");
	json_t *bad = load("{\"ByteHide\":{\"Other\":{}}}");
	json_t *errors = json_array();

	(void)state;
	assert_null(policy_normalize(in, errors));
	assert_true(has_error(errors, "$.ByteHide.Monitor.Interceptors[1]"));
	assert_true(has_error(errors, "$.ByteHide.Monitor.Colour"));
	assert_true(has_error(errors, "$.ByteHide.Monitor.Notifications.Teams"));
	assert_true(has_error(errors, "$.ByteHide.Monitor.Notifications.Slack"));
	assert_null(policy_normalize(bad, errors));
	assert_true(has_error(errors, "$.ByteHide.Monitor"));
	json_decref(errors);
	json_decref(in);
	json_decref(bad);
}

static void the_canonical_hash_ignores_key_order_and_spacing(void **state)
{
	json_t *a = load("{\"interceptors\":{\"xss\":{\"notify\":false,\"mode\":\"block\"}}}");
	json_t *b = load("{ \"interceptors\" : { \"xss\" : { \"mode\" : \"block\" } } }");
	json_t *errors = json_array();
	json_t *na = policy_normalize(a, errors), *nb = policy_normalize(b, errors);
	char ha[CRYPTO_SHA256_HEX], hb[CRYPTO_SHA256_HEX];
	char *ta = policy_canonical(na, ha), *tb = policy_canonical(nb, hb);

	(void)state;
	assert_string_equal(ta, tb);
	assert_string_equal(ha, hb);
	assert_null(strchr(ta, ' '));
	free(ta);
	free(tb);
	json_decref(na);
	json_decref(nb);
	json_decref(a);
	json_decref(b);
	json_decref(errors);
}

static void the_diff_names_what_changed(void **state)
{
	json_t *old = policy_default(), *nw = policy_default(), *d;

	(void)state;
	json_object_set_new(json_object_get(json_object_get(nw, "interceptors"), "xss"), "mode",
	                    json_string("block"));
	json_array_append_new(json_object_get(json_object_get(nw, "denylist"), "users"),
	                      json_pack("{s:s}", "value", "u1"));
	d = policy_diff(old, nw);
	assert_int_equal(json_array_size(d), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(d, 0), "path")),
	                    "$.interceptors.xss.mode");
	assert_string_equal(json_string_value(json_object_get(json_array_get(d, 0), "old")),
	                    "monitor");
	assert_string_equal(json_string_value(json_object_get(json_array_get(d, 1), "path")),
	                    "$.denylist.users");
	json_decref(d);
	d = policy_diff(old, old);
	assert_int_equal(json_array_size(d), 0);
	json_decref(d);
	json_decref(old);
	json_decref(nw);
}

static void an_exclusion_parameter_is_1_to_256_characters_of_text(void **state)
{
	char s[260];

	(void)state;
	assert_int_equal(policy_parameter_ok("body.text"), 1);
	assert_int_equal(policy_parameter_ok("header.x-\xc3\xa9"), 1);
	assert_int_equal(policy_parameter_ok(""), 0);
	assert_int_equal(policy_parameter_ok("query.a\tb"), 0);
	assert_int_equal(policy_parameter_ok("cookie.\x7f"), 0);
	memset(s, 'p', 256);
	s[256] = '\0';
	assert_int_equal(policy_parameter_ok(s), 1);
	s[256] = 'p';
	s[257] = '\0';
	assert_int_equal(policy_parameter_ok(s), 0);
	/* characters, not bytes: 128 two-byte characters are 256 bytes */
	for (int i = 0; i < 129; i++) {
		s[2 * i] = '\xc3';
		s[2 * i + 1] = '\xa9';
	}
	s[256] = '\0';
	assert_int_equal(policy_parameter_ok(s), 1);
}

static void cidrs_are_normalised_to_their_network(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(policy_cidr_normalize("10.1.2.3/8", out), 0);
	assert_string_equal(out, "10.0.0.0/8");
	assert_int_equal(policy_cidr_normalize("198.51.100.7", out), 0);
	assert_string_equal(out, "198.51.100.7");
	assert_int_equal(policy_cidr_normalize("2001:db8::1/32", out), 0);
	assert_string_equal(out, "2001:db8::/32");
	assert_int_equal(policy_cidr_normalize("10.0.0.0/", out), MOAT_EINVALID);
	assert_int_equal(policy_cidr_normalize("10.0.0.0/-1", out), MOAT_EINVALID);
	assert_int_equal(policy_cidr_normalize("::1/129", out), MOAT_EINVALID);
	assert_int_equal(policy_cidr_normalize("' OR 1=1", out), MOAT_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_default_has_every_interceptor_in_monitor_mode),
	    cmocka_unit_test(a_full_document_normalises_with_defaults_filled_in),
	    cmocka_unit_test(every_problem_is_reported_with_its_path),
	    cmocka_unit_test(the_compact_form_is_normalised_with_either_spelling),
	    cmocka_unit_test(a_bad_compact_document_names_its_problems),
	    cmocka_unit_test(
	        the_appsettings_wrapper_and_the_init_form_normalise_as_the_compact_form),
	    cmocka_unit_test(problems_inside_the_wrapper_are_reported_at_their_path),
	    cmocka_unit_test(the_canonical_hash_ignores_key_order_and_spacing),
	    cmocka_unit_test(the_diff_names_what_changed),
	    cmocka_unit_test(an_exclusion_parameter_is_1_to_256_characters_of_text),
	    cmocka_unit_test(cidrs_are_normalised_to_their_network),
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
