/* Unit tests for the notifier's pure parts (notify_msg.c, notify_retry.c):
 * signatures, Slack escaping, messages, digests, backoff and outcomes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "notify.h"
#include "notify_msg.h"
#include "notify_retry.h"
#include "store.h"
#include "utf8.h"

static void the_hmac_matches_rfc_4231_test_case_2(void **state)
{
	unsigned char mac[CRYPTO_SHA256_LEN];
	char hex[65];

	(void)state;
	crypto_hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, mac);
	crypto_hex(mac, sizeof mac, hex);
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c7"
	                         "5a003f089d2739839dec58b964ec3843");
}

/* the expected value comes from Python's hmac module:
 * hmac.new(b'whsec_test', b'1700000000.{"delivery_id":"d1"}', sha256) */
static void the_signature_is_the_hmac_of_t_dot_body_with_its_time(void **state)
{
	char sig[NOTIFY_SIGNATURE_MAX];
	const char *body = "{\"delivery_id\":\"d1\"}";

	(void)state;
	notify_sign("whsec_test", 1700000000, body, strlen(body), sig);
	assert_string_equal(sig, "t=1700000000,v1=2c2b20e490e1d73fa03d0d2a8f77b238"
	                         "b39c5c04d593acf6d8839adea40f8107");
	/* another time signs another message */
	notify_sign("whsec_test", 1700000001, body, strlen(body), sig);
	assert_null(strstr(sig, "2c2b20e490e1d73f"));
}

static void slack_text_escapes_mentions_links_and_code_spans(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(
	    notify_slack_text(&b, "<!channel> <https://evil.example|click> a&b `x`\nnext", 1000, 0),
	    MOAT_OK);
	assert_string_equal(b.data, "&lt;!channel&gt; &lt;https://evil.example|click&gt; a&amp;b "
	                            "\xcb\x8bx\xcb\x8b next");
	buf_reset(&b);
	/* in a code block, line breaks stay, the rest is escaped the same */
	assert_int_equal(notify_slack_text(&b, "a\n```<b>", 1000, NOTIFY_TEXT_CODE), MOAT_OK);
	assert_string_equal(b.data, "a\n\xcb\x8b\xcb\x8b\xcb\x8b&lt;b&gt;");
	buf_cleanup(&b);
}

static void slack_text_is_shortened_on_a_character_boundary(void **state)
{
	struct buf b;
	/* "é" is two bytes: a limit of 3 bytes cannot take the second one */
	const char *s = "\xc3\xa9\xc3\xa9\xc3\xa9";

	(void)state;
	buf_init(&b, 4096);
	notify_slack_text(&b, s, 3, 0);
	assert_string_equal(b.data, "\xc3\xa9\xe2\x80\xa6");
	assert_true(utf8_valid(b.data, b.len));
	buf_reset(&b);
	notify_slack_text(&b, s, 6, 0); /* fits: no ellipsis */
	assert_string_equal(b.data, s);
	buf_cleanup(&b);
}

/* Every string in v (recursively) into out, one after the other. */
static void all_strings(const json_t *v, struct buf *out)
{
	const char *k;
	json_t *x;
	size_t i;

	if (json_is_string(v)) {
		buf_append_str(out, json_string_value(v));
		buf_append_str(out, "\n");
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) all_strings(x, out);
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, x) all_strings(x, out);
	}
}

static void hostile_event(struct store_event_row *e, char *payload)
{
	memset(e, 0, sizeof *e);
	snprintf(e->uid, sizeof e->uid, "%s", "0b9f5c3e-1f00-4c1a-9d7e-1234567890ab");
	snprintf(e->environment, sizeof e->environment, "%s", "production");
	snprintf(e->interceptor, sizeof e->interceptor, "%s", "sql");
	snprintf(e->action, sizeof e->action, "%s", "blocked");
	snprintf(e->severity, sizeof e->severity, "%s", "high");
	snprintf(e->status, sizeof e->status, "%s", "new");
	e->payload = payload;
	e->endpoint = (char *)"/login?<@U123>&x=`y`";
	e->method = (char *)"POST";
	e->source_ip = (char *)"203.0.113.9";
	e->file = (char *)"app/<!here>.py";
	e->line = 42;
	e->has_line = 1;
	e->function = (char *)"login";
	e->agent_id = (char *)"a1";
}

static void a_slack_event_message_carries_no_live_slack_markup_from_the_attacker(void **state)
{
	struct notify_where w = {"shop", "https://moat.example.com/"};
	struct store_event_row e;
	char payload[4000];
	struct buf b, s;
	json_t *doc;

	(void)state;
	/* a payload full of Slack control sequences, longer than is shown */
	for (int i = 0; i < 60; i++)
		memcpy(payload + 16 * i, "<!channel>```*b*", 16);
	payload[960] = 0;
	hostile_event(&e, payload);
	buf_init(&b, 1 << 20);
	buf_init(&s, 1 << 20);
	assert_int_equal(notify_slack_event(&b, &w, &e), MOAT_OK);
	doc = json_loads(b.data, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(doc);
	assert_true(json_is_array(json_object_get(doc, "blocks")));
	all_strings(doc, &s);
	/* the only "<" is our own link to the dashboard */
	assert_non_null(strstr(s.data, "<https://moat.example.com/#/projects/shop/events/"
	                               "0b9f5c3e-1f00-4c1a-9d7e-1234567890ab|"));
	{
		const char *p = strchr(s.data, '<');
		assert_non_null(p);
		assert_null(strchr(p + 1, '<'));
	}
	assert_null(strstr(s.data, "```*b*"));
	assert_non_null(strstr(s.data, "&lt;!channel&gt;"));
	assert_non_null(strstr(s.data, "&lt;@U123&gt;&amp;x="));
	assert_non_null(strstr(s.data, "app/&lt;!here&gt;.py:42 in login"));
	/* the payload was shortened (500 bytes shown of 960) */
	assert_true(strlen(payload) > NOTIFY_PAYLOAD_SHOWN);
	assert_non_null(strstr(s.data, "\xe2\x80\xa6```"));
	json_decref(doc);
	buf_cleanup(&b);
	buf_cleanup(&s);
}

static void a_slack_event_message_shows_the_operation_escaped_and_cut(void **state)
{
	struct notify_where w = {"shop", ""};
	struct store_event_row e;
	char op[2000];
	struct buf b, s;
	json_t *doc;

	(void)state;
	hostile_event(&e, (char *)"<script>x</script>");
	/* no operation: no section for it */
	buf_init(&b, 1 << 20);
	assert_int_equal(notify_slack_event(&b, &w, &e), MOAT_OK);
	assert_null(strstr(b.data, "Operation"));
	buf_cleanup(&b);
	/* the exact operation, longer than is shown, with the attacker's markup */
	snprintf(op, sizeof op, "<p><script>x</script> <!channel> `%0*d</p>", 900, 7);
	e.operation = op;
	buf_init(&b, 1 << 20);
	buf_init(&s, 1 << 20);
	assert_int_equal(notify_slack_event(&b, &w, &e), MOAT_OK);
	doc = json_loads(b.data, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(doc);
	all_strings(doc, &s);
	assert_non_null(strstr(s.data, "*Operation*\n```&lt;p&gt;&lt;script&gt;x&lt;/script&gt; "
	                               "&lt;!channel&gt; \xcb\x8b"
	                               "0000"));
	assert_null(strstr(s.data, "<!channel>"));
	assert_null(strstr(s.data, "</p>"));
	assert_non_null(strstr(s.data, "0000\xe2\x80\xa6```"));
	json_decref(doc);
	buf_cleanup(&b);
	buf_cleanup(&s);
}

static void a_webhook_body_has_the_delivery_id_and_the_events(void **state)
{
	struct notify_where w = {"shop", ""};
	struct store_event_row e;
	struct buf b;
	json_t *doc, *alert = json_pack("{s:s}", "kind", "policy_failed");

	(void)state;
	hostile_event(&e, (char *)"' OR 1=1 --");
	buf_init(&b, 1 << 20);
	assert_int_equal(
	    notify_webhook_body(&b, &w, "d-1", "event", &e, 1, NULL, alert, 1700000000), MOAT_OK);
	doc = json_loads(b.data, JSON_REJECT_DUPLICATES, NULL);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(doc, "delivery_id")), "d-1");
	assert_string_equal(json_string_value(json_object_get(doc, "type")), "event");
	assert_string_equal(json_string_value(json_object_get(doc, "project")), "shop");
	assert_string_equal(json_string_value(json_object_get(doc, "sent_at")),
	                    "2023-11-14T22:13:20Z");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(doc, "events"), 0), "id")),
	                    e.uid);
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(json_object_get(doc, "events"), 0), "payload")),
	                    "' OR 1=1 --");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(doc, "alert"), "kind")),
	    "policy_failed");
	json_decref(doc);
	json_decref(alert);
	buf_cleanup(&b);
}

static void a_digest_counts_by_interceptor_and_caps_distinct_endpoints(void **state)
{
	json_t *d = json_object(), *d2 = json_object();
	char ep[32];
	struct notify_where w = {"shop", ""};
	struct buf b;

	(void)state;
	for (int i = 0; i < 1000; i++) {
		snprintf(ep, sizeof ep, "/p%d", i % 100);
		notify_digest_add(d, "prod", i % 3 ? "sql" : "xss", "blocked", "GET", ep,
		                  i % 2 ? "10.0.0.1" : "10.0.0.2", "u", 1000 + i);
	}
	assert_int_equal(json_integer_value(json_object_get(d, "count")), 1000);
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(d, "by_interceptor"), "sql")), 666);
	assert_int_equal(json_object_size(json_object_get(d, "endpoints")), NOTIFY_DIGEST_KEYS);
	/* 36 of the 100 endpoints did not fit: their 10 events each are "other" */
	assert_int_equal(json_integer_value(json_object_get(d, "other_endpoints")), 360);
	assert_int_equal(json_array_size(json_object_get(d, "sample")), NOTIFY_DIGEST_SAMPLES);
	assert_int_equal(json_integer_value(json_object_get(d, "first_ms")), 1000);
	assert_int_equal(json_integer_value(json_object_get(d, "last_ms")), 1999);
	notify_digest_add(d2, "prod", "sql", "logged", "GET", "/p1", "10.0.0.1", "v", 5000);
	notify_digest_merge(d2, d);
	assert_int_equal(json_integer_value(json_object_get(d2, "count")), 1001);
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(d2, "endpoints"), "/p1")), 11);
	assert_int_equal(json_integer_value(json_object_get(d2, "last_ms")), 5000);
	assert_int_equal(json_integer_value(json_object_get(d2, "first_ms")), 1000);
	buf_init(&b, 1 << 20);
	assert_int_equal(notify_slack_digest(&b, &w, d2), MOAT_OK);
	assert_non_null(strstr(b.data, "1001 threats in shop"));
	json_decref(d);
	json_decref(d2);
	buf_cleanup(&b);
}

static void backoff_grows_from_about_a_second_to_the_cap_and_is_seeded(void **state)
{
	struct notify_rng a, b;
	int64_t lo = INT64_MAX, hi = 0;

	(void)state;
	notify_rng_seed(&a, 42);
	notify_rng_seed(&b, 42);
	for (int i = 1; i <= 20; i++) {
		int64_t x = notify_backoff_ms(&a, i, 1000, 300000);
		assert_int_equal(x, notify_backoff_ms(&b, i, 1000, 300000));
		int64_t d = i < 20 && (1000LL << (i - 1)) < 300000 ? 1000LL << (i - 1) : 300000;
		assert_in_range(x, d / 2, d);
	}
	/* another seed, another schedule */
	notify_rng_seed(&a, 42);
	notify_rng_seed(&b, 43);
	{
		int differ = 0;
		for (int i = 1; i <= 8; i++)
			differ |= notify_backoff_ms(&a, i, 1000, 300000) !=
			          notify_backoff_ms(&b, i, 1000, 300000);
		assert_true(differ);
	}
	/* jitter spreads the first retry over its whole band [500, 1000] */
	notify_rng_seed(&a, 0);
	for (int i = 0; i < 2000; i++) {
		int64_t x = notify_backoff_ms(&a, 1, 1000, 300000);
		lo = x < lo ? x : lo;
		hi = x > hi ? x : hi;
	}
	assert_in_range(lo, 500, 520);
	assert_in_range(hi, 980, 1000);
}

static void retry_after_takes_seconds_or_a_date_and_is_capped(void **state)
{
	int64_t ms = -1;

	(void)state;
	assert_int_equal(notify_retry_after_ms("2", 0, &ms), MOAT_OK);
	assert_int_equal(ms, 2000);
	assert_int_equal(notify_retry_after_ms(" 120 ", 0, &ms), MOAT_OK);
	assert_int_equal(ms, 120000);
	assert_int_equal(notify_retry_after_ms("99999999999999999999", 0, &ms), MOAT_OK);
	assert_int_equal(ms, NOTIFY_RETRY_AFTER_MAX_S * 1000LL);
	/* Wed, 21 Oct 2015 07:28:00 GMT = 1445412480 */
	assert_int_equal(notify_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470, &ms),
	                 MOAT_OK);
	assert_int_equal(ms, 10000);
	assert_int_equal(notify_retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490, &ms),
	                 MOAT_OK);
	assert_int_equal(ms, 0);
	assert_int_equal(notify_retry_after_ms("soon", 0, &ms), MOAT_EINVALID);
	assert_int_equal(notify_retry_after_ms("5s", 0, &ms), MOAT_EINVALID);
	assert_int_equal(notify_retry_after_ms(NULL, 0, &ms), MOAT_EINVALID);
}

static void outcomes_retry_what_may_succeed_later_and_nothing_else(void **state)
{
	(void)state;
	assert_int_equal(notify_outcome(0, 200, 0), NOTIFY_DELIVERED);
	assert_int_equal(notify_outcome(0, 204, 0), NOTIFY_DELIVERED);
	assert_int_equal(notify_outcome(0, 500, 0), NOTIFY_RETRY);
	assert_int_equal(notify_outcome(0, 503, 0), NOTIFY_RETRY);
	assert_int_equal(notify_outcome(0, 429, 0), NOTIFY_RETRY);
	assert_int_equal(notify_outcome(0, 408, 0), NOTIFY_RETRY);
	assert_int_equal(notify_outcome(28, 0, 0), NOTIFY_RETRY); /* timeout */
	assert_int_equal(notify_outcome(0, 404, 0), NOTIFY_REFUSED);
	assert_int_equal(notify_outcome(0, 301, 0), NOTIFY_REFUSED); /* redirects not followed */
	assert_int_equal(notify_outcome(7, 0, 1), NOTIFY_REFUSED);   /* private target */
}

static int64_t real_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The outbox's due times and the notifier's clock: read across a second
 * boundary, it stays between the real clock read before and after (it
 * once mixed time(2)'s coarse seconds with gettimeofday's, and jumped a
 * second ahead or behind around each boundary: deliveries waited up to a
 * second for a clock that had run ahead). */
static void the_notifiers_clock_never_jumps_at_a_second_boundary(void **state)
{
	int64_t start = real_ms(), bad = 0, n = 0;

	(void)state;
	while (real_ms() - start < 1100) {
		int64_t before = real_ms(), now = notify_now_ms(), after = real_ms();
		if (now < before || now > after)
			bad++;
		n++;
	}
	assert_true(n > 1000);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_hmac_matches_rfc_4231_test_case_2),
	    cmocka_unit_test(the_signature_is_the_hmac_of_t_dot_body_with_its_time),
	    cmocka_unit_test(slack_text_escapes_mentions_links_and_code_spans),
	    cmocka_unit_test(slack_text_is_shortened_on_a_character_boundary),
	    cmocka_unit_test(a_slack_event_message_carries_no_live_slack_markup_from_the_attacker),
	    cmocka_unit_test(a_slack_event_message_shows_the_operation_escaped_and_cut),
	    cmocka_unit_test(a_webhook_body_has_the_delivery_id_and_the_events),
	    cmocka_unit_test(a_digest_counts_by_interceptor_and_caps_distinct_endpoints),
	    cmocka_unit_test(backoff_grows_from_about_a_second_to_the_cap_and_is_seeded),
	    cmocka_unit_test(retry_after_takes_seconds_or_a_date_and_is_capped),
	    cmocka_unit_test(outcomes_retry_what_may_succeed_later_and_nothing_else),
	    cmocka_unit_test(the_notifiers_clock_never_jumps_at_a_second_boundary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
