/* Unit tests for the small modules: timefmt, buf, config, crypto (the
 * login throttle, once ratelimit.c, is in test_shared_state.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "config.h"
#include "crypto.h"
#include "err.h"
#include "log.h"
#include "timefmt.h"
#include "ws_hub.h"

static void rfc3339_times_round_trip_and_offsets_apply(void **state)
{
	char out[TIMEFMT_LEN];
	int64_t t;

	(void)state;
	assert_int_equal(timefmt_parse("2026-12-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 1796083200);
	timefmt_rfc3339(t, out);
	assert_string_equal(out, "2026-12-01T00:00:00Z");
	assert_int_equal(timefmt_parse("2026-12-01T02:00:00+02:00", &t), 0);
	assert_int_equal(t, 1796083200);
	assert_int_equal(timefmt_parse("2026-12-01T00:00:00.123Z", &t), 0);
	assert_int_equal(t, 1796083200);
}

static void rfc3339_formatting_agrees_with_gmtime_everywhere(void **state)
{
	char ours[TIMEFMT_LEN], libc[64];

	(void)state;
	for (int64_t t = 0; t < 253402300799LL; t += 86400 * 37 + 3671) {
		time_t tt = (time_t)t;
		struct tm tm;
		gmtime_r(&tt, &tm);
		strftime(libc, sizeof libc, "%Y-%m-%dT%H:%M:%SZ", &tm);
		timefmt_rfc3339(t, ours);
		assert_string_equal(ours, libc);
	}
	timefmt_rfc3339(951782400, ours); /* 2000-02-29, a leap day */
	assert_string_equal(ours, "2000-02-29T00:00:00Z");
}

static void malformed_times_are_refused(void **state)
{
	int64_t t;

	(void)state;
	assert_int_equal(timefmt_parse("2026-02-30T00:00:00Z", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("2026-12-01 00:00:00Z", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("2026-12-01T00:00:00", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("2026-13-01T00:00:00Z", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("2026-12-01T00:00:00Zjunk", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("1' OR '1'='1", &t), MOAT_EINVALID);
	assert_int_equal(timefmt_parse("", &t), MOAT_EINVALID);
}

static void a_buffer_refuses_appends_past_its_maximum(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_append(&b, "12345", 5), 0);
	assert_int_equal(buf_append(&b, "6789", 4), MOAT_ETOOBIG);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.data, "12345");
	/* errors are sticky (test_json_out.c): start a new content to go on */
	buf_reset(&b);
	assert_int_equal(buf_append(&b, "12345678", 8), 0);
	assert_string_equal(b.data, "12345678");
	assert_int_equal(buf_printf(&b, "%d", 1), MOAT_ETOOBIG);
	buf_cleanup(&b);
	buf_init(&b, 4096);
	assert_int_equal(buf_printf(&b, "%0600d", 7), 0);
	assert_int_equal(b.len, 600);
	buf_cleanup(&b);
}

static void configuration_reads_defaults_environment_then_flags(void **state)
{
	char *argv[] = {"serve", "--listen", "127.0.0.1:0", "--trust-proxy", "--http-threads=3"};
	char err[256];
	struct config c;
	int help;

	(void)state;
	setenv("MOAT_DB", "/tmp/from-env.db", 1);
	setenv("MOAT_LISTEN", "127.0.0.1:9999", 1);
	assert_int_equal(config_parse(&c, 5, argv, &help, err, sizeof err), 0);
	assert_string_equal(c.db, "/tmp/from-env.db");
	assert_string_equal(c.listen, "127.0.0.1:0");
	assert_string_equal(c.agent_listen, "127.0.0.1:8081");
	assert_int_equal(c.trust_proxy, 1);
	assert_int_equal(c.http_threads, 3);
	assert_int_equal(c.session_idle_minutes, 720);
	assert_int_equal(c.request_timeout_s, 30);
	assert_int_equal(c.max_conns_per_ip, 128);
	unsetenv("MOAT_DB");
	unsetenv("MOAT_LISTEN");
}

static void bad_configuration_is_refused_with_a_message(void **state)
{
	char *bad1[] = {"serve", "--http-threads", "9999"};
	char *bad2[] = {"serve", "--nope"};
	char *bad3[] = {"serve", "--listen", "nohostport"};
	char *bad4[] = {"serve", "--log-level", "loud"};
	char *bad5[] = {"serve", "--request-timeout", "0"};
	char *bad6[] = {"serve", "--max-connections-per-ip", "4097"};
	char err[256];
	struct config c;
	int help;

	(void)state;
	assert_int_equal(config_parse(&c, 3, bad1, &help, err, sizeof err), MOAT_EINVALID);
	assert_non_null(strstr(err, "--http-threads"));
	assert_int_equal(config_parse(&c, 2, bad2, &help, err, sizeof err), MOAT_EINVALID);
	assert_non_null(strstr(err, "unknown option"));
	assert_int_equal(config_parse(&c, 3, bad3, &help, err, sizeof err), MOAT_EINVALID);
	assert_int_equal(config_parse(&c, 3, bad4, &help, err, sizeof err), MOAT_EINVALID);
	assert_int_equal(config_parse(&c, 3, bad5, &help, err, sizeof err), MOAT_EINVALID);
	assert_non_null(strstr(err, "--request-timeout"));
	assert_int_equal(config_parse(&c, 3, bad6, &help, err, sizeof err), MOAT_EINVALID);
	assert_non_null(strstr(err, "--max-connections-per-ip"));
}

static void log_values_are_quoted_and_control_bytes_escaped(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(log_quote(out, sizeof out, "a\"b\nc"), "\"a\\\"b\\x0ac\"");
	log_quote(out, 16, "0123456789abcdefghij");
	assert_non_null(strstr(out, "..."));
	assert_true(strlen(out) < 16);
}

/* Every log line must be valid UTF-8 (and plain ASCII is): bytes >= 0x80
 * from the network, valid UTF-8 or not, are escaped like control bytes,
 * and a cut never splits an escape. */
static void log_values_escape_bytes_above_ascii(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(log_quote(out, sizeof out, "caf\xc3\xa9\xff\x80\x7f"),
	                    "\"caf\\xc3\\xa9\\xff\\x80\\x7f\"");
	for (size_t cap = 8; cap < 24; cap++) {
		log_quote(out, cap, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
		assert_true(strlen(out) < cap);
		for (const char *p = out; *p; p++)
			assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
		assert_non_null(strstr(out, "..."));
		/* the text before "..." is whole escapes: a multiple of 4 bytes */
		assert_int_equal((strstr(out, "...") - out - 1) % 4, 0);
	}
	assert_string_equal(log_word(out, sizeof out, "GET"), "GET");
	assert_string_equal(log_word(out, sizeof out, "G\xc3\xa9T"), "\"G\\xc3\\xa9T\"");
	assert_string_equal(log_word(out, sizeof out, "a b"), "\"a b\"");
	assert_string_equal(log_word(out, sizeof out, ""), "\"\"");
}

static void crypto_primitives_match_known_vectors(void **state)
{
	char hex[CRYPTO_SHA256_HEX], b64[8];

	(void)state;
	crypto_sha256_hex("abc", 3, hex);
	assert_string_equal(hex,
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	crypto_b64url("\xfb\xff", 2, b64);
	assert_string_equal(b64, "-_8");
	assert_true(crypto_ct_streq("same", "same"));
	assert_false(crypto_ct_streq("same", "sane"));
	assert_false(crypto_ct_streq("same", "same!"));
}

/* The per-connection send queue: bounded in messages and in bytes, a ring
 * that wraps, each queued message holding one reference. */
static void a_send_queue_is_bounded_wraps_and_holds_references(void **state)
{
	struct ws_msg *slots[4], *small = ws_msg_new("0123456789", 10);
	struct ws_msg *big = ws_msg_new("0123456789012345678901234567890", 31);
	struct ws_sendq q;

	(void)state;
	ws_sendq_init(&q, slots, 4, 40);
	assert_int_equal(ws_sendq_push(&q, small), 0);
	assert_int_equal(ws_sendq_push(&q, small), 0);
	assert_int_equal(ws_sendq_push(&q, small), 0);
	assert_int_equal(small->refs, 4);
	assert_int_equal(ws_sendq_push(&q, big), -1); /* 30 + 31 bytes > 40 */
	assert_int_equal(big->refs, 1);
	assert_int_equal(ws_sendq_push(&q, small), 0);
	assert_int_equal(ws_sendq_push(&q, small), -1); /* 4 messages: full */
	assert_int_equal((int)q.len, 4);
	assert_int_equal((int)q.bytes, 40);
	ws_sendq_clear(&q);
	assert_int_equal((int)q.len, 0);
	assert_int_equal((int)q.bytes, 0);
	assert_int_equal(small->refs, 1);
	/* around the ring: the head has moved, slots are reused in order */
	for (int i = 0; i < 10; i++) {
		assert_int_equal(ws_sendq_push(&q, small), 0);
		assert_int_equal(ws_sendq_push(&q, small), 0);
		ws_sendq_clear(&q);
	}
	assert_int_equal(ws_sendq_push(&q, big), 0);
	assert_int_equal(big->refs, 2);
	ws_sendq_clear(&q);
	assert_int_equal(small->refs, 1);
	assert_int_equal(big->refs, 1);
	ws_msg_unref(small);
	ws_msg_unref(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(rfc3339_times_round_trip_and_offsets_apply),
	    cmocka_unit_test(rfc3339_formatting_agrees_with_gmtime_everywhere),
	    cmocka_unit_test(malformed_times_are_refused),
	    cmocka_unit_test(a_buffer_refuses_appends_past_its_maximum),
	    cmocka_unit_test(configuration_reads_defaults_environment_then_flags),
	    cmocka_unit_test(bad_configuration_is_refused_with_a_message),
	    cmocka_unit_test(log_values_are_quoted_and_control_bytes_escaped),
	    cmocka_unit_test(log_values_escape_bytes_above_ascii),
	    cmocka_unit_test(crypto_primitives_match_known_vectors),
	    cmocka_unit_test(a_send_queue_is_bounded_wraps_and_holds_references),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
