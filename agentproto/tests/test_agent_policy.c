/* libmoatagent: policy snapshots — the sha256 check against the canonical
 * vectors, parsing, modes, denylists with expiry, exclusions, and
 * reference counting while other threads read. */
#include "agent_test.h"

#include <pthread.h>
#include <time.h>

/* 2026-12-01T00:00:00Z */
#define DEC_1_2026 1796083200

static struct moat_policy *policy_from(const char *doc_text, char *reason, size_t rlen)
{
	json_error_t err;
	json_t *doc = json_loads(doc_text, 0, &err);
	char sha[65];
	char *canon;
	struct moat_policy *p;

	assert_non_null(doc);
	canon = ma_policy_canonical(doc, sha);
	free(canon);
	p = ma_policy_new(7, sha, doc, reason, rlen);
	json_decref(doc);
	return p;
}

static const char *full_doc =
    "{\"interceptors\":{"
    "\"sql_injection\":{\"mode\":\"block\",\"notify\":true},"
    "\"nosql_injection\":{\"mode\":\"block\",\"notify\":false},"
    "\"xss\":{\"mode\":\"block\",\"notify\":false},"
    "\"ssrf\":{\"mode\":\"block\",\"notify\":false,\"allow_hosts\":[\"api.internal\",\"Metadata."
    "Example\"]},"
    "\"path_traversal\":{\"mode\":\"monitor\",\"notify\":false},"
    "\"command_injection\":{\"mode\":\"off\",\"notify\":false},"
    "\"llm_prompt_injection\":{\"mode\":\"monitor\",\"notify\":false,\"threshold\":0.8}},"
    "\"denylist\":{\"ips\":[{\"value\":\"203.0.113.0/24\"},"
    "{\"value\":\"198.51.100.7\",\"until\":\"2026-12-01T00:00:00Z\"},"
    "{\"value\":\"2001:db8::/32\"},{\"value\":\"::ffff:192.0.2.0/120\"},"
    "{\"value\":\"2001:db8:ffff::1\",\"until\":\"2026-12-01T01:00:00+01:00\"}],"
    "\"users\":[{\"value\":\"user-4711\"},{\"value\":\"user-9\",\"until\":\"2026-12-01T00:00:00Z\"}"
    "]},"
    "\"exclusions\":["
    "{\"interceptor\":\"xss\",\"endpoint\":\"/cms/*\",\"parameter\":\"body.html\",\"on_match\":"
    "\"ignore\"},"
    "{\"interceptor\":\"xss\",\"endpoint\":\"/admin/*/preview\",\"on_match\":\"monitor\"},"
    "{\"interceptor\":\"sql_injection\",\"endpoint\":\"*\",\"source\":\"10.0.0.0/8\","
    "\"on_match\":\"monitor\"},"
    "{\"interceptor\":\"nosql_injection\",\"endpoint\":\"/api/*\",\"source\":\"fd00::/8\","
    "\"on_match\":\"ignore\"},"
    "{\"interceptor\":\"path_traversal\",\"endpoint\":\"/files/*\",\"on_match\":\"monitor\"},"
    "{\"interceptor\":\"xss\",\"endpoint\":\"/both\",\"on_match\":\"monitor\"},"
    "{\"interceptor\":\"xss\",\"endpoint\":\"/both\",\"on_match\":\"ignore\"}]}";

static void every_canonical_vector_hashes_to_its_sha256(void **state)
{
	json_t *v = at_load_vectors("canonical.json"), *c;
	size_t i;

	(void)state;
	assert_string_equal(json_string_value(json_object_get(v, "flags")),
	                    "JSON_COMPACT|JSON_SORT_KEYS|JSON_REAL_PRECISION(15)");
	assert_true(json_array_size(json_object_get(v, "documents")) >= 4);
	json_array_foreach(json_object_get(v, "documents"), i, c)
	{
		char sha[65], reason[256];
		char *text = ma_policy_canonical(json_object_get(c, "document"), sha);
		assert_string_equal(text, json_string_value(json_object_get(c, "canonical")));
		assert_string_equal(sha, json_string_value(json_object_get(c, "sha256")));
		free(text);
		if (json_is_true(json_object_get(c, "policy"))) {
			struct moat_policy *p =
			    ma_policy_new(3, json_string_value(json_object_get(c, "sha256")),
			                  json_object_get(c, "document"), reason, sizeof reason);
			if (!p)
				fail_msg("%s: %s", json_string_value(json_object_get(c, "name")),
				         reason);
			assert_string_equal(moat_policy_sha256(p), sha);
			assert_string_equal(moat_policy_json(p),
			                    json_string_value(json_object_get(c, "canonical")));
			moat_policy_release(p);
		}
	}
	json_decref(v);
}

static void a_policy_survives_the_round_trip_through_a_message(void **state)
{
	/* The server sends the canonical text inside a message; the agent
	 * parses it and must reproduce the same bytes. */
	json_t *v = at_load_vectors("canonical.json"), *c;
	size_t i;

	(void)state;
	json_array_foreach(json_object_get(v, "documents"), i, c)
	{
		char msg[16384], reason[200];
		struct ma_msg m;
		struct moat_policy *p;
		int n = snprintf(
		    msg, sizeof msg,
		    "{\"type\":\"policy\",\"version\":9,\"sha256\":\"%s\",\"document\":%s}",
		    json_string_value(json_object_get(c, "sha256")),
		    json_string_value(json_object_get(c, "canonical")));
		assert_true(n > 0 && (size_t)n < sizeof msg);
		assert_int_equal(ma_proto_parse(msg, (size_t)n, &m, reason, sizeof reason), 0);
		assert_int_equal(m.type, MA_MSG_POLICY);
		assert_int_equal(m.version, 9);
		if (json_is_true(json_object_get(c, "policy"))) {
			p = ma_policy_new(m.version, m.sha256, m.document, reason, sizeof reason);
			assert_non_null(p);
			assert_int_equal(moat_policy_version(p), 9);
			moat_policy_release(p);
		}
		json_decref(m.root);
	}
	json_decref(v);
}

static void a_wrong_sha256_is_refused_with_the_computed_one(void **state)
{
	json_t *doc = json_loads("{\"interceptors\":{}}", 0, NULL);
	char reason[256];
	struct moat_policy *p;

	(void)state;
	p = ma_policy_new(2, "0000000000000000000000000000000000000000000000000000000000000000",
	                  doc, reason, sizeof reason);
	assert_null(p);
	assert_non_null(strstr(reason, "sha256 mismatch"));
	p = ma_policy_new(2, "abc", doc, reason, sizeof reason);
	assert_null(p);
	p = ma_policy_new(2, NULL, doc, reason, sizeof reason);
	assert_null(p);
	p = ma_policy_new(2, "x", NULL, reason, sizeof reason);
	assert_null(p);
	json_decref(doc);
}

static void modes_and_settings_come_from_the_document(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(full_doc, reason, sizeof reason);
	const char *const *hosts;
	size_t n;

	(void)state;
	assert_non_null(p);
	assert_int_equal(moat_policy_version(p), 7);
	assert_int_equal(strlen(moat_policy_sha256(p)), 64);
	assert_int_equal(moat_policy_mode(p, "sql_injection"), MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_mode(p, "path_traversal"), MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_mode(p, "command_injection"), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_mode(p, "no_such_interceptor"), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_mode(NULL, "xss"), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_notify(p, "sql_injection"), 1);
	assert_int_equal(moat_policy_notify(p, "xss"), 0);
	assert_true(moat_policy_threshold(p, "llm_prompt_injection") > 0.79 &&
	            moat_policy_threshold(p, "llm_prompt_injection") < 0.81);
	assert_true(moat_policy_threshold(p, "xss") < 0);
	hosts = moat_policy_allow_hosts(p, "ssrf", &n);
	assert_int_equal(n, 2);
	assert_string_equal(hosts[0], "api.internal");
	assert_null(moat_policy_allow_hosts(p, "xss", &n));
	assert_int_equal(n, 0);
	assert_true(moat_policy_host_allowed(p, "api.internal"));
	assert_true(moat_policy_host_allowed(p, "API.Internal."));
	assert_true(moat_policy_host_allowed(p, "metadata.example"));
	assert_false(moat_policy_host_allowed(p, "evil.api.internal"));
	assert_false(moat_policy_host_allowed(p, "api.internal.evil"));
	assert_false(moat_policy_host_allowed(p, ""));
	assert_string_equal(moat_mode_name(MOAT_MODE_BLOCK), "block");
	assert_string_equal(moat_mode_name(42), "off");
	moat_policy_release(p);
}

static void ip_denylist_matches_v4_and_v6_cidrs_until_they_expire(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(full_doc, reason, sizeof reason);
	time_t before = DEC_1_2026 - 1, at = DEC_1_2026, after = DEC_1_2026 + 86400;

	(void)state;
	assert_non_null(p);
	assert_true(moat_policy_ip_denied(p, "203.0.113.9", before));
	assert_true(moat_policy_ip_denied(p, "203.0.113.255", after));
	assert_false(moat_policy_ip_denied(p, "203.0.114.1", before));
	/* a single address with an expiry: enforced before, not at or after */
	assert_true(moat_policy_ip_denied(p, "198.51.100.7", before));
	assert_false(moat_policy_ip_denied(p, "198.51.100.7", at));
	assert_false(moat_policy_ip_denied(p, "198.51.100.7", after));
	assert_false(moat_policy_ip_denied(p, "198.51.100.8", before));
	/* IPv6 CIDR; an offset in until (01:00+01:00 is 00:00Z) */
	assert_true(moat_policy_ip_denied(p, "2001:db8:1::5", after));
	assert_false(moat_policy_ip_denied(p, "2001:db9::1", before));
	assert_true(moat_policy_ip_denied(p, "2001:db8:ffff::1", after)); /* inside /32 too */
	/* an IPv4-mapped network folds to IPv4 and matches both spellings */
	assert_true(moat_policy_ip_denied(p, "192.0.2.77", before));
	assert_true(moat_policy_ip_denied(p, "::ffff:192.0.2.77", before));
	assert_true(moat_policy_ip_denied(p, "::ffff:203.0.113.9", before));
	assert_false(moat_policy_ip_denied(p, "192.0.3.1", before));
	/* garbage never matches */
	assert_false(moat_policy_ip_denied(p, "not an ip", before));
	assert_false(moat_policy_ip_denied(p, "203.0.113.0/24", before));
	assert_false(moat_policy_ip_denied(p, NULL, before));
	assert_false(moat_policy_ip_denied(NULL, "203.0.113.9", before));
	/* now = 0 means the current time: the /24 has no expiry */
	assert_true(moat_policy_ip_denied(p, "203.0.113.9", 0));
	moat_policy_release(p);
}

static void single_address_with_expiry_in_v6(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(
	    "{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"2001:db8::7\",\"until\":"
	    "\"2026-12-01T00:00:00.500Z\"}]}}",
	    reason, sizeof reason);

	(void)state;
	assert_non_null(p);
	assert_true(moat_policy_ip_denied(p, "2001:db8::7", DEC_1_2026 - 1));
	assert_true(moat_policy_ip_denied(p, "2001:0db8:0:0:0:0:0:7", DEC_1_2026 - 1));
	assert_false(moat_policy_ip_denied(p, "2001:db8::8", DEC_1_2026 - 1));
	assert_false(moat_policy_ip_denied(p, "2001:db8::7", DEC_1_2026 + 1));
	moat_policy_release(p);
}

static void user_denylist_is_exact_and_expires(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(full_doc, reason, sizeof reason);

	(void)state;
	assert_true(moat_policy_user_denied(p, "user-4711", DEC_1_2026 + 999999));
	assert_false(moat_policy_user_denied(p, "USER-4711", DEC_1_2026));
	assert_false(moat_policy_user_denied(p, "user-47", DEC_1_2026));
	assert_true(moat_policy_user_denied(p, "user-9", DEC_1_2026 - 1));
	assert_false(moat_policy_user_denied(p, "user-9", DEC_1_2026));
	assert_false(moat_policy_user_denied(p, NULL, DEC_1_2026));
	moat_policy_release(p);
}

/* The source address is read once per decision, when the first
 * exclusion that names a source is looked at, and that reading serves
 * every later one: several source exclusions for one interceptor, a
 * parameter-only one before them, v4 and v6, an address in none, no
 * address and one that is not an address. */
static void a_parameter_exclusion_covers_what_the_parameter_holds(void **state)
{
	static const char doc[] =
	    "{\"interceptors\":{\"nosql_injection\":{\"mode\":\"block\"}},\"exclusions\":["
	    "{\"interceptor\":\"nosql_injection\",\"endpoint\":\"*\",\"parameter\":"
	    "\"body.note\",\"on_match\":\"ignore\"}]}";
	static const char *const covered[] = {"body.note", "body.note.$ne", "body.note[0]",
	                                      "body.note.a.b"};
	static const char *const not_covered[] = {"body.notes", "body.not",    "body",
	                                          "query.note", "body.note_x", NULL};
	char reason[256];
	struct moat_policy *p = policy_from(doc, reason, sizeof reason);

	(void)state;
	assert_non_null(p);
	for (size_t i = 0; i < sizeof covered / sizeof covered[0]; i++)
		assert_int_equal(
		    moat_policy_decide(p, "nosql_injection", "/x", covered[i], NULL, 0),
		    MOAT_MODE_OFF);
	for (size_t i = 0; i < sizeof not_covered / sizeof not_covered[0]; i++)
		assert_int_equal(
		    moat_policy_decide(p, "nosql_injection", "/x", not_covered[i], NULL, 0),
		    MOAT_MODE_BLOCK);
	moat_policy_release(p);
}

static void every_source_exclusion_sees_the_same_address(void **state)
{
	static const char doc[] =
	    "{\"interceptors\":{\"xss\":{\"mode\":\"block\"}},\"exclusions\":["
	    "{\"interceptor\":\"xss\",\"endpoint\":\"*\",\"parameter\":\"p\",\"on_match\":"
	    "\"monitor\"},"
	    "{\"interceptor\":\"xss\",\"endpoint\":\"/a/*\",\"source\":\"10.0.0.0/8\","
	    "\"on_match\":\"monitor\"},"
	    "{\"interceptor\":\"xss\",\"endpoint\":\"*\",\"source\":\"192.168.0.0/16\","
	    "\"on_match\":\"monitor\"},"
	    "{\"interceptor\":\"xss\",\"endpoint\":\"*\",\"source\":\"fd00::/8\","
	    "\"on_match\":\"ignore\"}]}";
	char reason[256];
	struct moat_policy *p = policy_from(doc, reason, sizeof reason);

	(void)state;
	assert_non_null(p);
	/* the first source exclusion's endpoint does not match: the next ones read the address */
	assert_int_equal(moat_policy_decide(p, "xss", "/b", NULL, "192.168.1.2", 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/b", NULL, "fd00::1", 0), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", NULL, "10.9.9.9", 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", NULL, "fd00::1", 0), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", NULL, "11.0.0.1", 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", NULL, NULL, 0), MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", NULL, "not-an-ip", 0),
	                 MOAT_MODE_BLOCK);
	/* the parameter exclusion matches without a source; the address still counts after it */
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", "p", "not-an-ip", 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/a/1", "p", "fd00::2", 0), MOAT_MODE_OFF);
	moat_policy_release(p);
}

static void exclusions_ignore_or_downgrade_by_endpoint_parameter_and_source(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(full_doc, reason, sizeof reason);

	(void)state;
	/* ignore: needs the endpoint glob and the parameter */
	assert_int_equal(moat_policy_decide(p, "xss", "/cms/pages/1", "body.html", NULL, 0),
	                 MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "xss", "/cms/", "body.html", NULL, 0),
	                 MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "xss", "/cms/pages/1", "body.title", NULL, 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "xss", "/cms/pages/1", NULL, NULL, 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "xss", "/cmsx", "body.html", NULL, 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "xss", "/api/cms/1", "body.html", NULL, 0),
	                 MOAT_MODE_BLOCK);
	/* a different interceptor is not excluded */
	assert_int_equal(
	    moat_policy_decide(p, "sql_injection", "/cms/pages/1", "body.html", "1.2.3.4", 0),
	    MOAT_MODE_BLOCK);
	/* monitor: block becomes monitor; a glob with a star in the middle */
	assert_int_equal(moat_policy_decide(p, "xss", "/admin/42/preview", "q", NULL, 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/admin/a/b/preview", "q", NULL, 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/admin/42/preview/x", "q", NULL, 0),
	                 MOAT_MODE_BLOCK);
	/* a monitor exclusion on a monitor interceptor changes nothing */
	assert_int_equal(moat_policy_decide(p, "path_traversal", "/files/a", NULL, NULL, 0),
	                 MOAT_MODE_MONITOR);
	/* source CIDRs, v4 and v6; endpoint "*" matches anything, even unknown */
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/x", NULL, "10.1.2.3", 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "sql_injection", NULL, NULL, "10.1.2.3", 0),
	                 MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/x", NULL, "11.1.2.3", 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/x", NULL, NULL, 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "sql_injection", "/x", NULL, "bogus", 0),
	                 MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_decide(p, "nosql_injection", "/api/v1", NULL, "fd12::1", 0),
	                 MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "nosql_injection", "/api/v1", NULL, "fe80::1", 0),
	                 MOAT_MODE_BLOCK);
	/* ignore wins over monitor whatever their order */
	assert_int_equal(moat_policy_decide(p, "xss", "/both", NULL, NULL, 0), MOAT_MODE_OFF);
	/* an off interceptor stays off; an unknown one is off */
	assert_int_equal(moat_policy_decide(p, "command_injection", "/x", NULL, NULL, 0),
	                 MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(p, "nope", "/x", NULL, NULL, 0), MOAT_MODE_OFF);
	assert_int_equal(moat_policy_decide(NULL, "xss", "/x", NULL, NULL, 0), MOAT_MODE_OFF);
	moat_policy_release(p);
}

static void bad_documents_are_refused_with_a_path(void **state)
{
	static const struct {
		const char *doc;
		const char *reason;
	} bad[] = {
	    {"{}", "interceptors: must be an object"},
	    {"{\"interceptors\":[]}", "interceptors: must be an object"},
	    {"{\"interceptors\":{\"xss\":{\"mode\":\"loud\"}}}", "interceptors.xss.mode"},
	    {"{\"interceptors\":{\"xss\":{}}}", "interceptors.xss.mode"},
	    {"{\"interceptors\":{\"xss\":{\"mode\":\"off\",\"notify\":1}}}",
	     "interceptors.xss.notify"},
	    {"{\"interceptors\":{\"llm_prompt_injection\":{\"mode\":\"off\",\"threshold\":2}}}",
	     "interceptors.llm_prompt_injection.threshold"},
	    {"{\"interceptors\":{\"ssrf\":{\"mode\":\"off\",\"allow_hosts\":[1]}}}",
	     "interceptors.ssrf.allow_hosts"},
	    {"{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"300.1.1.1\"}]}}",
	     "denylist.ips[0]"},
	    {"{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"10.0.0.0/33\"}]}}",
	     "denylist.ips[0]"},
	    {"{\"interceptors\":{},\"denylist\":{\"ips\":[{\"value\":\"10.0.0.1\",\"until\":"
	     "\"tomorrow\"}]}}",
	     "denylist.ips[0]"},
	    {"{\"interceptors\":{},\"denylist\":{\"users\":[{\"value\":5}]}}", "denylist.users[0]"},
	    {"{\"interceptors\":{},\"denylist\":[]}", "denylist"},
	    {"{\"interceptors\":{},\"exclusions\":{}}", "exclusions"},
	    {"{\"interceptors\":{},\"exclusions\":[{\"endpoint\":\"/x\"}]}", "exclusions[0]"},
	    {"{\"interceptors\":{},\"exclusions\":[{\"interceptor\":\"xss\",\"on_match\":\"drop\"}]"
	     "}",
	     "exclusions[0]"},
	    {"{\"interceptors\":{},\"exclusions\":[{\"interceptor\":\"xss\",\"source\":\"x\"}]}",
	     "exclusions[0]"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char reason[256] = "";
		struct moat_policy *p = policy_from(bad[i].doc, reason, sizeof reason);
		if (p)
			fail_msg("accepted: %s", bad[i].doc);
		if (strncmp(reason, bad[i].reason, strlen(bad[i].reason)) != 0)
			fail_msg("%s: reason \"%s\", wanted it to start with \"%s\"", bad[i].doc,
			         reason, bad[i].reason);
	}
}

static void unknown_fields_are_ignored_for_forward_compatibility(void **state)
{
	char reason[256];
	struct moat_policy *p = policy_from(
	    "{\"interceptors\":{\"xss\":{\"mode\":\"block\",\"future\":1},\"new_thing\":{\"mode\":"
	    "\"monitor\"}},\"rollout\":{\"percent\":5}}",
	    reason, sizeof reason);

	(void)state;
	assert_non_null(p);
	assert_int_equal(moat_policy_mode(p, "xss"), MOAT_MODE_BLOCK);
	assert_int_equal(moat_policy_mode(p, "new_thing"), MOAT_MODE_MONITOR);
	assert_int_equal(moat_policy_decide(p, "xss", "/", NULL, NULL, 0), MOAT_MODE_BLOCK);
	moat_policy_release(p);
}

/* ---- snapshots across threads ---- */

struct reader_arg {
	struct moat_agent *a;
	int stop;
	long reads;
	long wrong; /* cmocka asserts only on the test's own thread */
};

static void *reader(void *arg)
{
	struct reader_arg *r = arg;

	while (!__atomic_load_n(&r->stop, __ATOMIC_ACQUIRE)) {
		const struct moat_policy *p = moat_agent_policy(r->a);
		if (p) {
			/* a snapshot is immutable: its content matches its version */
			int64_t v = moat_policy_version(p);
			int want = v % 2 ? MOAT_MODE_BLOCK : MOAT_MODE_MONITOR;
			if (moat_policy_mode(p, "xss") != want ||
			    strlen(moat_policy_sha256(p)) != 64)
				__atomic_add_fetch(&r->wrong, 1, __ATOMIC_RELAXED);
			if (v % 3 == 0) {
				/* hold one across the next swaps */
				const struct moat_policy *again = moat_policy_retain(p);
				moat_policy_release(p);
				p = again;
			}
			moat_policy_release(p);
			__atomic_add_fetch(&r->reads, 1, __ATOMIC_RELAXED);
		}
	}
	return NULL;
}

static void on_policy_cb(const struct moat_policy *p, void *arg)
{
	int64_t *last = arg;

	assert_true(moat_policy_version(p) > *last);
	*last = moat_policy_version(p);
}

static struct moat_agent *offline_agent(void)
{
	struct moat_agent_config cfg = {
	    .url = "ws://127.0.0.1:9/v1/agent",
	    .token = "moat_agt_test",
	    .environment = "production",
	    .agent_id = "unit-1",
	};
	char err[128];
	struct moat_agent *a = moat_agent_new(&cfg, err, sizeof err);

	assert_non_null(a);
	return a;
}

static void snapshots_stay_valid_while_new_ones_are_swapped_in(void **state)
{
	struct moat_agent *a = offline_agent();
	struct reader_arg r = {.a = a};
	pthread_t t[4];
	int64_t last = 0;
	const struct moat_policy *held;

	(void)state;
	assert_null(moat_agent_policy(a));
	moat_agent_on_policy(a, on_policy_cb, &last);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, reader, &r), 0);
	for (int v = 1; v <= 2000; v++) {
		char doc[128], reason[128], sha[65];
		json_t *d;
		struct moat_policy *p;
		snprintf(doc, sizeof doc, "{\"interceptors\":{\"xss\":{\"mode\":\"%s\"}}}",
		         v % 2 ? "block" : "monitor");
		d = json_loads(doc, 0, NULL);
		free(ma_policy_canonical(d, sha));
		p = ma_policy_new(v, sha, d, reason, sizeof reason);
		json_decref(d);
		assert_non_null(p);
		ma_agent_set_policy(a, p);
	}
	__atomic_store_n(&r.stop, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(r.wrong, 0);
	assert_true(r.reads > 0);
	assert_int_equal(last, 2000);
	held = moat_agent_policy(a);
	assert_int_equal(moat_policy_version(held), 2000);
	/* a held snapshot outlives the agent */
	moat_agent_free(a);
	assert_int_equal(moat_policy_mode(held, "xss"), MOAT_MODE_MONITOR);
	moat_policy_release(held);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_canonical_vector_hashes_to_its_sha256),
	    cmocka_unit_test(a_policy_survives_the_round_trip_through_a_message),
	    cmocka_unit_test(a_wrong_sha256_is_refused_with_the_computed_one),
	    cmocka_unit_test(modes_and_settings_come_from_the_document),
	    cmocka_unit_test(ip_denylist_matches_v4_and_v6_cidrs_until_they_expire),
	    cmocka_unit_test(single_address_with_expiry_in_v6),
	    cmocka_unit_test(user_denylist_is_exact_and_expires),
	    cmocka_unit_test(exclusions_ignore_or_downgrade_by_endpoint_parameter_and_source),
	    cmocka_unit_test(every_source_exclusion_sees_the_same_address),
	    cmocka_unit_test(a_parameter_exclusion_covers_what_the_parameter_holds),
	    cmocka_unit_test(bad_documents_are_refused_with_a_path),
	    cmocka_unit_test(unknown_fields_are_ignored_for_forward_compatibility),
	    cmocka_unit_test(snapshots_stay_valid_while_new_ones_are_swapped_in),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
