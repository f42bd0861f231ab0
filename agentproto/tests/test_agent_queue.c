/* libmoatagent: the bounded event queue — bounds in events and bytes,
 * overflow counted and returned (never silent), batches within 500 events
 * and 1 MiB, order kept, concurrent reporters. */
#include "agent_test.h"

#include <pthread.h>

static struct moat_agent *agent_with_queue(size_t max_events, size_t max_bytes, int batch)
{
	struct moat_agent_config cfg = {
	    .url = "ws://127.0.0.1:9",
	    .token = "moat_agt_test",
	    .environment = "production",
	    .agent_id = "unit-queue",
	    .queue_max_events = max_events,
	    .queue_max_bytes = max_bytes,
	    .batch_max_events = batch,
	};
	char err[128];
	struct moat_agent *a = moat_agent_new(&cfg, err, sizeof err);

	if (!a)
		fail_msg("moat_agent_new: %s", err);
	return a;
}

static struct moat_event sample(void)
{
	struct moat_event ev = {
	    .interceptor = "xss",
	    .action = "logged",
	    .severity = "low",
	    .confidence = -1,
	};
	return ev;
}

static char *dup_text(const char *s)
{
	return ma_strdup(s);
}

static void a_full_queue_refuses_and_counts_every_refusal(void **state)
{
	struct moat_agent *a = agent_with_queue(10, 0, 0);
	struct moat_event ev = sample();
	struct moat_agent_stats st;
	char id[37];

	(void)state;
	for (int i = 0; i < 10; i++)
		assert_int_equal(moat_agent_report(a, &ev, id), 0);
	assert_true(ma_uuid_valid(id));
	for (int i = 0; i < 5; i++)
		assert_int_equal(moat_agent_report(a, &ev, NULL), MOAT_AGENT_EFULL);
	moat_agent_stats(a, &st);
	assert_int_equal(st.queued, 10);
	assert_int_equal(st.dropped_full, 5);
	assert_int_equal(st.pending, 10);
	assert_int_equal(st.invalid, 0);
	assert_int_equal(st.sent, 0);
	assert_int_equal(st.connected, 0);
	assert_int_equal(st.policy_version, 0);
	ev.severity = "bad";
	assert_int_equal(moat_agent_report(a, &ev, NULL), MOAT_AGENT_EINVAL);
	moat_agent_stats(a, &st);
	assert_int_equal(st.invalid, 1);
	assert_int_equal(st.dropped_full, 5);
	assert_string_equal(moat_agent_strerror(MOAT_AGENT_EFULL), "event queue full");
	moat_agent_free(a); /* frees the queued events (ASan checks) */
}

static void the_byte_bound_refuses_too(void **state)
{
	struct ma_queue q;
	size_t count;

	(void)state;
	ma_queue_init(&q, 100, 10);
	assert_int_equal(ma_queue_push(&q, dup_text("12345"), 5, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(ma_queue_push(&q, dup_text("12345"), 5, &count), 0);
	{
		char *x = dup_text("1");
		assert_int_equal(ma_queue_push(&q, x, 1, &count), MOAT_AGENT_EFULL);
		assert_int_equal(count, 2);
		free(x); /* not taken on failure */
	}
	assert_int_equal(ma_queue_cleanup(&q), 2);
}

static void batches_hold_at_most_batch_max_events_in_order(void **state)
{
	struct ma_queue q;
	struct ma_batch *b;
	int next = 0, sizes[3] = {500, 500, 200};

	(void)state;
	ma_queue_init(&q, 2000, 1 << 30);
	for (int i = 0; i < 1200; i++) {
		char buf[32];
		int n = snprintf(buf, sizeof buf, "{\"n\":%d}", i);
		assert_int_equal(ma_queue_push(&q, dup_text(buf), (size_t)n, NULL), 0);
	}
	for (int k = 0; k < 3; k++) {
		size_t len;
		char *msg;
		json_t *j, *evs, *e;
		size_t i;
		b = ma_batch_take(&q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL);
		assert_non_null(b);
		assert_int_equal(b->events, sizes[k]);
		msg = ma_batch_message(b, 41 + k, &len);
		j = json_loadb(msg, len, JSON_REJECT_DUPLICATES, NULL);
		assert_non_null(j);
		assert_string_equal(json_string_value(json_object_get(j, "type")), "events");
		assert_int_equal(json_integer_value(json_object_get(j, "seq")), 41 + k);
		evs = json_object_get(j, "events");
		assert_int_equal(json_array_size(evs), sizes[k]);
		json_array_foreach(evs, i, e)
		{
			assert_int_equal(json_integer_value(json_object_get(e, "n")), next);
			next++;
		}
		/* a message can be re-made with another seq (a resend) */
		msg = ma_batch_message(b, 1000000007, &len);
		json_decref(j);
		j = json_loadb(msg, len, 0, NULL);
		assert_int_equal(json_integer_value(json_object_get(j, "seq")), 1000000007);
		assert_int_equal(json_array_size(json_object_get(j, "events")), sizes[k]);
		json_decref(j);
		ma_batch_free(b);
	}
	assert_null(ma_batch_take(&q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL));
	assert_int_equal(ma_queue_cleanup(&q), 0);
}

static void batches_stay_within_one_mebibyte(void **state)
{
	struct ma_queue q;
	size_t ev_len = 300 * 1024, total = 0;
	struct ma_batch *b;

	(void)state;
	ma_queue_init(&q, 100, 1 << 30);
	for (int i = 0; i < 10; i++) {
		char *ev = ma_malloc(ev_len + 1);
		memset(ev, ' ', ev_len); /* JSON whitespace: valid padding */
		ev[0] = '{';
		ev[ev_len - 1] = '}';
		ev[ev_len] = '\0';
		assert_int_equal(ma_queue_push(&q, ev, ev_len, NULL), 0);
	}
	for (b = ma_batch_take(&q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL); b;
	     b = ma_batch_take(&q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL)) {
		size_t len;
		char *msg = ma_batch_message(b, 99999999999LL, &len);
		json_t *j = json_loadb(msg, len, 0, NULL);
		assert_true(len <= MA_MAX_MESSAGE);
		assert_int_equal(b->events, 3); /* 3 x 300 KiB fit, 4 do not */
		assert_non_null(j);
		total += b->events;
		json_decref(j);
		ma_batch_free(b);
		if (total == 9)
			break;
	}
	b = ma_batch_take(&q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL);
	assert_int_equal(b->events, 1);
	ma_batch_free(b);
	assert_int_equal(ma_queue_cleanup(&q), 0);
}

struct pusher {
	struct moat_agent *a;
	int ok, full;
};

static void *push_many(void *arg)
{
	struct pusher *p = arg;
	struct moat_event ev = sample();

	for (int i = 0; i < 5000; i++) {
		int rc = moat_agent_report(p->a, &ev, NULL);
		if (rc == 0)
			p->ok++;
		else if (rc == MOAT_AGENT_EFULL)
			p->full++;
	}
	return NULL;
}

static void concurrent_reporters_lose_nothing_uncounted(void **state)
{
	struct moat_agent *a = agent_with_queue(12000, 0, 0);
	struct pusher p[4];
	pthread_t t[4];
	struct moat_agent_stats st;
	int ok = 0, full = 0;
	size_t ids = 0;
	struct ma_batch *b;

	(void)state;
	for (int i = 0; i < 4; i++) {
		p[i] = (struct pusher){.a = a};
		assert_int_equal(pthread_create(&t[i], NULL, push_many, &p[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		ok += p[i].ok;
		full += p[i].full;
	}
	assert_int_equal(ok, 12000);
	assert_int_equal(full, 8000);
	moat_agent_stats(a, &st);
	assert_int_equal(st.queued, 12000);
	assert_int_equal(st.dropped_full, 8000);
	/* every queued event is a distinct, valid event */
	for (b = ma_batch_take(&a->queue, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL); b;
	     b = ma_batch_take(&a->queue, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, NULL)) {
		size_t len;
		char *msg = ma_batch_message(b, 1, &len);
		json_t *j = json_loadb(msg, len, 0, NULL);
		assert_non_null(j);
		ids += json_array_size(json_object_get(j, "events"));
		json_decref(j);
		ma_batch_free(b);
	}
	assert_int_equal(ids, 12000);
	moat_agent_free(a);
}

/* 41 bytes; 256 bytes in 128 characters; 65 bytes in 33 characters; 255
 * bytes */
#define E41   "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
#define E2x8  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
#define E2x64 E2x8 E2x8 E2x8 E2x8 E2x8 E2x8 E2x8 E2x8
#define H256  E2x64 E2x64
#define H255  E2x64 E2x8 E2x8 E2x8 E2x8 E2x8 E2x8 E2x8 "hhhhhhhhhhhhhhh"
#define R65   E2x8 E2x8 E2x8 E2x8 "a"

static void bad_configurations_are_refused_with_a_reason(void **state)
{
	static const struct {
		struct moat_agent_config cfg;
		const char *why;
	} bad[] = {
	    {{.url = "http://x", .token = "t", .environment = "e", .agent_id = "a"}, "url"},
	    {{.url = "ws://", .token = "t", .environment = "e", .agent_id = "a"}, "url"},
	    {{.url = "ws://x:0", .token = "t", .environment = "e", .agent_id = "a"}, "url"},
	    {{.url = "ws://x:65536", .token = "t", .environment = "e", .agent_id = "a"}, "url"},
	    {{.url = "ws://x", .token = "", .environment = "e", .agent_id = "a"}, "token"},
	    {{.url = "ws://x", .token = "a\nb", .environment = "e", .agent_id = "a"}, "token"},
	    {{.url = "ws://x", .token = "t", .environment = NULL, .agent_id = "a"}, "environment"},
	    /* the protocol's limits are bytes (PROTOCOL.md, Limits): an
	     * environment over 40 bytes or a hostname over 255 bytes would be
	     * closed with 4400 on every hello, however few characters */
	    {{.url = "ws://x", .token = "t", .environment = E41, .agent_id = "a"}, "environment"},
	    {{.url = "ws://x", .token = "t", .environment = "e", .agent_id = "a", .hostname = H256},
	     "hostname"},
	    {{.url = "ws://x", .token = "t", .environment = "e", .agent_id = "a", .runtime = R65},
	     "runtime"},
	    {{.url = "ws://x", .token = "t", .environment = "e", .agent_id = "a b"}, "agent_id"},
	    {{.url = "ws://x", .token = "t", .environment = "e", .agent_id = ""}, "agent_id"},
	    {{.url = "ws://x",
	      .token = "t",
	      .environment = "e",
	      .agent_id = "a",
	      .batch_max_events = 501},
	     "batch_max_events"},
	    {{.url = "ws://x",
	      .token = "t",
	      .environment = "e",
	      .agent_id = "a",
	      .ca_file = "/x.pem"},
	     "ca_file"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char err[128] = "";
		struct moat_agent *a = moat_agent_new(&bad[i].cfg, err, sizeof err);
		if (a)
			fail_msg("case %zu accepted", i);
		if (strncmp(err, bad[i].why, strlen(bad[i].why)) != 0)
			fail_msg("case %zu: \"%s\" does not start with %s", i, err, bad[i].why);
	}
	assert_null(moat_agent_new(NULL, NULL, 0));
	moat_agent_free(NULL);
	{
		/* at the limits: 40 bytes of environment, 255 of hostname */
		struct moat_agent_config ok = {.url = "ws://x",
		                               .token = "t",
		                               .environment = E41 + 1,
		                               .agent_id = "a",
		                               .hostname = H255};
		char err[128] = "";
		struct moat_agent *a = moat_agent_new(&ok, err, sizeof err);
		if (!a)
			fail_msg("limits refused: %s", err);
		moat_agent_free(a);
	}
}

static void stop_and_free_without_start_are_harmless(void **state)
{
	struct moat_agent *a = agent_with_queue(0, 0, 0);
	struct moat_event ev = sample();

	(void)state;
	assert_int_equal(moat_agent_report(a, &ev, NULL), 0);
	moat_agent_stop(a);
	moat_agent_stop(a);
	moat_agent_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_full_queue_refuses_and_counts_every_refusal),
	    cmocka_unit_test(the_byte_bound_refuses_too),
	    cmocka_unit_test(batches_hold_at_most_batch_max_events_in_order),
	    cmocka_unit_test(batches_stay_within_one_mebibyte),
	    cmocka_unit_test(concurrent_reporters_lose_nothing_uncounted),
	    cmocka_unit_test(bad_configurations_are_refused_with_a_reason),
	    cmocka_unit_test(stop_and_free_without_start_are_harmless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
