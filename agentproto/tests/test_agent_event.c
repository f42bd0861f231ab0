/* libmoatagent: events — the validator against events.json, the encoder
 * (ids, timestamps, cuts, UTF-8 repair, refusals), UUIDs, RFC 3339. */
#include "agent_test.h"

#include <math.h>

static json_t *encode_ok(const struct moat_event *ev, int64_t now)
{
	char *out = NULL, reason[200] = "", id[MA_UUID_LEN];
	size_t len = 0;
	json_t *j;
	int rc = ma_event_encode(ev, now, &out, &len, id, reason, sizeof reason);

	if (rc)
		fail_msg("refused: %s", reason);
	assert_int_equal(strlen(out), len);
	j = json_loads(out, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "id")), id);
	/* whatever the encoder makes, the server-side rules accept */
	assert_int_equal(ma_event_check(j, now, reason, sizeof reason), 0);
	free(out);
	return j;
}

static int encode_refused(const struct moat_event *ev, const char *field)
{
	char *out = NULL, reason[200] = "", id[MA_UUID_LEN];
	size_t len;
	int rc = ma_event_encode(ev, ma_now_ms(), &out, &len, id, reason, sizeof reason);

	assert_null(out);
	if (strncmp(reason, field, strlen(field)) != 0)
		fail_msg("reason \"%s\" does not start with \"%s\"", reason, field);
	return rc;
}

static struct moat_event minimal(void)
{
	struct moat_event ev = {
	    .interceptor = "sql_injection",
	    .action = "blocked",
	    .severity = "high",
	    .confidence = -1,
	};
	return ev;
}

static void the_library_validator_agrees_with_every_event_vector(void **state)
{
	json_t *v = at_load_vectors("events.json"), *c;
	int64_t now = ma_now_ms();
	size_t i, valid = 0, invalid = 0;

	(void)state;
	json_array_foreach(json_object_get(v, "events"), i, c)
	{
		const char *name = json_string_value(json_object_get(c, "name"));
		json_t *ev = json_deep_copy(json_object_get(c, "event"));
		char reason[200] = "";
		int rc;
		at_substitute(ev, now);
		rc = ma_event_check(ev, now, reason, sizeof reason);
		if (json_is_true(json_object_get(c, "valid"))) {
			if (rc)
				fail_msg("%s: refused: %s", name, reason);
			valid++;
		} else {
			const char *field = json_string_value(json_object_get(c, "field"));
			if (!rc)
				fail_msg("%s: accepted", name);
			if (strncmp(reason, field, strlen(field)) != 0)
				fail_msg("%s: reason \"%s\" does not start with \"%s\"", name,
				         reason, field);
			invalid++;
		}
		json_decref(ev);
	}
	assert_true(valid >= 5 && invalid >= 15);
	json_decref(v);
}

static void a_minimal_event_gets_a_uuid_and_the_time(void **state)
{
	struct moat_event ev = minimal();
	int64_t now = 1796083200123LL; /* 2026-12-01T00:00:00.123Z */
	json_t *j;

	(void)state;
	j = encode_ok(&ev, now);
	assert_true(ma_uuid_valid(json_string_value(json_object_get(j, "id"))));
	assert_string_equal(json_string_value(json_object_get(j, "ts")),
	                    "2026-12-01T00:00:00.123Z");
	assert_null(json_object_get(j, "confidence"));
	assert_null(json_object_get(j, "location"));
	assert_null(json_object_get(j, "details"));
	assert_int_equal(json_object_size(j), 5);
	json_decref(j);
}

static void every_field_is_encoded_as_the_protocol_names_it(void **state)
{
	struct moat_event ev = {
	    .id = "0b6f7a3c-4d0e-4c1a-9d53-2a1f1f6c7e42",
	    .ts_ms = 1796083200000LL,
	    .interceptor = "llm_prompt_injection",
	    .action = "logged",
	    .severity = "critical",
	    .confidence = 0.5,
	    .source_ip = "2001:db8::7",
	    .method = "POST",
	    .endpoint = "/chat",
	    .payload = "ignore previous instructions",
	    .operation = "prompt",
	    .file = "app/chat.py",
	    .line = 7,
	    .function = "ask",
	    .rule = "llm.override",
	    .details_json = "{\"model\":\"x\",\"n\":[1,2]}",
	};
	json_t *j, *loc;

	(void)state;
	j = encode_ok(&ev, 1796083200000LL + 1000);
	assert_string_equal(json_string_value(json_object_get(j, "id")), ev.id);
	assert_string_equal(json_string_value(json_object_get(j, "ts")),
	                    "2026-12-01T00:00:00.000Z");
	assert_true(fabs(json_real_value(json_object_get(j, "confidence")) - 0.5) < 1e-9);
	assert_string_equal(json_string_value(json_object_get(j, "source_ip")), "2001:db8::7");
	loc = json_object_get(j, "location");
	assert_string_equal(json_string_value(json_object_get(loc, "file")), "app/chat.py");
	assert_int_equal(json_integer_value(json_object_get(loc, "line")), 7);
	assert_string_equal(json_string_value(json_object_get(loc, "function")), "ask");
	assert_int_equal(json_array_size(json_object_get(json_object_get(j, "details"), "n")), 2);
	json_decref(j);
}

static void events_the_server_would_reject_are_refused(void **state)
{
	struct moat_event ev;

	(void)state;
	ev = minimal();
	ev.interceptor = "sqli";
	assert_int_equal(encode_refused(&ev, "interceptor"), MOAT_AGENT_EINVAL);
	ev = minimal();
	ev.interceptor = NULL;
	encode_refused(&ev, "interceptor");
	ev = minimal();
	ev.action = "dropped";
	encode_refused(&ev, "action");
	ev = minimal();
	ev.severity = "urgent";
	encode_refused(&ev, "severity");
	ev = minimal();
	ev.confidence = 1.01;
	encode_refused(&ev, "confidence");
	ev = minimal();
	ev.confidence = NAN;
	encode_refused(&ev, "confidence");
	ev = minimal();
	ev.source_ip = "203.0.113.9, 10.0.0.1";
	encode_refused(&ev, "source_ip");
	ev = minimal();
	ev.id = "not-a-uuid";
	encode_refused(&ev, "id");
	ev = minimal();
	ev.details_json = "[1,2]";
	encode_refused(&ev, "details");
	ev = minimal();
	ev.details_json = "{\"a\":1,\"a\":2}";
	encode_refused(&ev, "details");
	ev = minimal();
	ev.ts_ms = ma_now_ms() - 8LL * 86400 * 1000;
	encode_refused(&ev, "ts");
}

static void details_over_4096_bytes_are_refused(void **state)
{
	struct moat_event ev = minimal();
	char details[5000];

	(void)state;
	memset(details, 'x', sizeof details);
	memcpy(details, "{\"k\":\"", 6);
	memcpy(details + 4088, "\"}", 3); /* 4090 bytes: fits */
	ev.details_json = details;
	json_decref(encode_ok(&ev, ma_now_ms()));
	memset(details + 6, 'x', 4100);
	memcpy(details + 4096, "\"}", 3); /* 4098 bytes */
	encode_refused(&ev, "details");
}

static void long_fields_are_cut_at_their_limits_without_splitting_characters(void **state)
{
	struct moat_event ev = minimal();
	char *big = malloc(100000), *ep = malloc(5000);
	json_t *j;
	const char *s;

	(void)state;
	/* 'é' is 2 bytes: 2,100 of them in endpoint -> 2,048 bytes (the
	 * protocol's limits are bytes), 1,024 characters */
	for (int i = 0; i < 2100; i++)
		memcpy(ep + 2 * i, "\xc3\xa9", 2);
	ep[4200] = '\0';
	memset(big, 'p', 99999);
	big[99999] = '\0';
	ev.endpoint = ep;
	ev.payload = big;
	ev.operation = big;
	ev.method = "PROPFINDPROPFINDPROPFIND";
	j = encode_ok(&ev, ma_now_ms());
	s = json_string_value(json_object_get(j, "endpoint"));
	assert_int_equal(ma_utf8_chars(s), 1024);
	assert_int_equal(strlen(s), 2048);
	assert_int_equal(strlen(json_string_value(json_object_get(j, "payload"))), MA_FIELD_CUT);
	assert_int_equal(strlen(json_string_value(json_object_get(j, "operation"))), MA_FIELD_CUT);
	assert_string_equal(json_string_value(json_object_get(j, "method")), "PROPFINDPROPFIND");
	json_decref(j);
	/* a 3-byte character straddling the payload cut is dropped whole */
	memset(big, 'a', MA_FIELD_CUT - 1);
	memcpy(big + MA_FIELD_CUT - 1, "\xe2\x82\xac", 3);
	big[MA_FIELD_CUT + 2] = '\0';
	ev = minimal();
	ev.payload = big;
	j = encode_ok(&ev, ma_now_ms());
	assert_int_equal(strlen(json_string_value(json_object_get(j, "payload"))),
	                 MA_FIELD_CUT - 1);
	json_decref(j);
	free(big);
	free(ep);
}

static void invalid_utf8_from_an_attacker_is_repaired_not_refused(void **state)
{
	struct moat_event ev = minimal();
	json_t *j;

	(void)state;
	ev.payload = "a\xff"
	             "b\xc3"
	             "c\xed\xa0\x80"
	             "d"; /* stray, truncated, surrogate */
	ev.endpoint = "/x\x80y";
	j = encode_ok(&ev, ma_now_ms());
	assert_string_equal(json_string_value(json_object_get(j, "payload")),
	                    "a\xef\xbf\xbd"
	                    "b\xef\xbf\xbd"
	                    "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	                    "d");
	assert_string_equal(json_string_value(json_object_get(j, "endpoint")), "/x\xef\xbf\xbdy");
	json_decref(j);
}

static void empty_optional_strings_are_left_out(void **state)
{
	struct moat_event ev = minimal();
	json_t *j;

	(void)state;
	ev.method = "";
	ev.file = "";
	ev.rule = "";
	j = encode_ok(&ev, ma_now_ms());
	assert_null(json_object_get(j, "method"));
	assert_null(json_object_get(j, "location"));
	assert_null(json_object_get(j, "rule"));
	json_decref(j);
}

static void uuids_are_version_4_and_do_not_repeat(void **state)
{
	enum { N = 20000 };
	char(*ids)[MA_UUID_LEN] = malloc(sizeof *ids * N);

	(void)state;
	for (int i = 0; i < N; i++) {
		ma_uuid4(ids[i]);
		assert_true(ma_uuid_valid(ids[i]));
		assert_int_equal(ids[i][14], '4');
		assert_non_null(strchr("89ab", ids[i][19]));
	}
	qsort(ids, N, sizeof *ids, (int (*)(const void *, const void *))strcmp);
	for (int i = 1; i < N; i++)
		assert_string_not_equal(ids[i - 1], ids[i]);
	free(ids);
	assert_false(ma_uuid_valid("0b6f7a3c-4d0e-4c1a-9d53-2a1f1f6c7e4"));
	assert_false(ma_uuid_valid("0b6f7a3c-4d0e-4c1a-9d53_2a1f1f6c7e42"));
	assert_false(ma_uuid_valid("0b6f7a3c-4d0e-4c1a-9d53-2a1f1f6c7e4g"));
	assert_false(ma_uuid_valid(NULL));
}

static void rfc3339_parses_offsets_and_fractions(void **state)
{
	int64_t ms;
	char out[25];

	(void)state;
	assert_int_equal(ma_rfc3339_parse("2026-12-01T00:00:00Z", &ms), 0);
	assert_int_equal(ms, 1796083200000LL);
	assert_int_equal(ma_rfc3339_parse("2026-12-01T02:00:00+02:00", &ms), 0);
	assert_int_equal(ms, 1796083200000LL);
	assert_int_equal(ma_rfc3339_parse("2026-11-30T19:30:00.25-04:30", &ms), 0);
	assert_int_equal(ms, 1796083200250LL);
	assert_int_equal(ma_rfc3339_parse("2024-02-29t12:00:00.123456z", &ms), 0);
	assert_int_equal(ma_rfc3339_parse("1970-01-01T00:00:00Z", &ms), 0);
	assert_int_equal(ms, 0);
	assert_int_equal(ma_rfc3339_parse("2023-02-29T12:00:00Z", &ms), -1);
	assert_int_equal(ma_rfc3339_parse("2026-12-01 00:00:00Z", &ms), -1);
	assert_int_equal(ma_rfc3339_parse("2026-12-01T00:00:00", &ms), -1);
	assert_int_equal(ma_rfc3339_parse("2026-12-01T24:00:00Z", &ms), -1);
	assert_int_equal(ma_rfc3339_parse("2026-12-01T00:00:00.Z", &ms), -1);
	assert_int_equal(ma_rfc3339_parse("2026-12-01T00:00:00Zjunk", &ms), -1);
	assert_int_equal(ma_rfc3339_parse(NULL, &ms), -1);
	for (int64_t t = 0; t < 4102444800000LL; t += 86400000LL * 97 + 3600123) {
		ma_rfc3339_format(t, out);
		assert_int_equal(ma_rfc3339_parse(out, &ms), 0);
		assert_int_equal(ms, t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_library_validator_agrees_with_every_event_vector),
	    cmocka_unit_test(a_minimal_event_gets_a_uuid_and_the_time),
	    cmocka_unit_test(every_field_is_encoded_as_the_protocol_names_it),
	    cmocka_unit_test(events_the_server_would_reject_are_refused),
	    cmocka_unit_test(details_over_4096_bytes_are_refused),
	    cmocka_unit_test(long_fields_are_cut_at_their_limits_without_splitting_characters),
	    cmocka_unit_test(invalid_utf8_from_an_attacker_is_repaired_not_refused),
	    cmocka_unit_test(empty_optional_strings_are_left_out),
	    cmocka_unit_test(uuids_are_version_4_and_do_not_repeat),
	    cmocka_unit_test(rfc3339_parses_offsets_and_fractions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
