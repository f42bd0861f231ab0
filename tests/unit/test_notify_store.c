/* Unit tests for the notifier's claim (store_notify.c): one slow channel
 * never holds the queue, and a claim is a lease. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "unit_db.h"

struct fixture {
	char path[64];
	struct store *st;
	struct actor a;
	struct store_project p;
	int64_t ch[2];
};

static int64_t make_channel(struct fixture *f, const char *name)
{
	struct store_channel c, out;

	memset(&c, 0, sizeof c);
	snprintf(c.kind, sizeof c.kind, "webhook");
	snprintf(c.name, sizeof c.name, "%s", name);
	snprintf(c.url, sizeof c.url, "https://hooks.example.com/%s", name);
	c.enabled = 1;
	c.on_threats = 1;
	c.throttle_seconds = 60;
	c.rollout_stall_seconds = 600;
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "whsec_x", &out), MOAT_OK);
	return out.id;
}

static void add(struct fixture *f, int64_t ch, int n, int64_t due)
{
	for (int i = 0; i < n; i++) {
		struct store_delivery_new d = {.channel_id = ch,
		                               .kind = "alert",
		                               .body = "{}",
		                               .next_attempt_at = due,
		                               .now_ms = due};
		assert_int_equal(store_delivery_add(f->st, &d, NULL, NULL), MOAT_OK);
	}
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char msg[256];

	unit_db_path(f->path, sizeof f->path);
	assert_int_equal(store_open(f->path, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), MOAT_OK);
	f->ch[0] = make_channel(f, "slow");
	f->ch[1] = make_channel(f, "fast");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	unit_db_remove(f->path);
	free(f);
	return 0;
}

static int count_of(const struct store_delivery_job *j, size_t n, int64_t ch)
{
	int k = 0;

	for (size_t i = 0; i < n; i++)
		k += j[i].d.channel_id == ch;
	return k;
}

/* The slow channel's 100 deliveries are due first; a claim still takes
 * at most per_channel of them and reaches the fast channel's, and while
 * the slow one has its limit in flight its deliveries are left out. */
static void a_channel_at_its_limit_in_flight_does_not_hold_the_others(void **state)
{
	struct fixture *f = *state;
	struct store_delivery_job *j = NULL;
	size_t n = 0;
	int64_t busy[1];
	int busy_n[1];

	add(f, f->ch[0], 100, 1000);
	add(f, f->ch[1], 3, 2000);
	assert_int_equal(store_notify_claim(f->st, 5000, 15000, 64, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(count_of(j, n, f->ch[0]), 4);
	assert_int_equal(count_of(j, n, f->ch[1]), 3);
	assert_string_equal(j[0].secret, "whsec_x");
	for (size_t i = 0; i < n; i++)
		assert_int_equal(j[i].d.attempts, 1);
	store_delivery_jobs_free(j, n);
	/* the slow channel's four hang; more for the fast one arrive */
	add(f, f->ch[1], 2, 3000);
	busy[0] = f->ch[0];
	busy_n[0] = 4;
	assert_int_equal(store_notify_claim(f->st, 5000, 15000, 64, busy, busy_n, 1, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(count_of(j, n, f->ch[0]), 0);
	assert_int_equal(count_of(j, n, f->ch[1]), 2);
	store_delivery_jobs_free(j, n);
	/* one of the slow channel's slots frees: one more, not four */
	busy_n[0] = 3;
	assert_int_equal(store_notify_claim(f->st, 5000, 15000, 64, busy, busy_n, 1, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(j[0].d.channel_id, f->ch[0]);
	store_delivery_jobs_free(j, n);
}

/* A claimed delivery is not claimed again within its lease (moatd sending
 * it), and is once the lease ran out (moatd died while sending it). */
static void a_claim_is_a_lease(void **state)
{
	struct fixture *f = *state;
	struct store_delivery_job *j = NULL;
	size_t n = 0;

	add(f, f->ch[1], 1, 1000);
	assert_int_equal(store_notify_claim(f->st, 1000, 15000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	store_delivery_jobs_free(j, n);
	assert_int_equal(store_notify_claim(f->st, 15999, 15000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 0);
	free(j);
	assert_int_equal(store_notify_claim(f->st, 16000, 15000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(j[0].d.attempts, 2);
	store_delivery_jobs_free(j, n);
}

/* A digest collects until the notifier takes it. */
static void a_digest_collects_until_its_first_attempt(void **state)
{
	struct fixture *f = *state;
	struct store_delivery_new d = {.channel_id = f->ch[1],
	                               .kind = "digest",
	                               .body = "{}",
	                               .event_id = 0,
	                               .next_attempt_at = 9000,
	                               .now_ms = 1000};
	struct store_delivery_job *j = NULL;
	size_t n = 0;
	int64_t id = 0;
	char *body = NULL;

	assert_int_equal(store_delivery_add(f->st, &d, &id, NULL), MOAT_OK);
	assert_int_equal(store_notify_digest_open_in(f->st, id, &body), MOAT_OK);
	assert_string_equal(body, "{}");
	free(body);
	assert_int_equal(store_notify_digest_update_in(f->st, id, 7, 3, "{\"count\":3}"), MOAT_OK);
	assert_int_equal(store_notify_claim(f->st, 9000, 15000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(j[0].d.event_count, 3);
	assert_string_equal(j[0].d.body, "{\"count\":3}");
	store_delivery_jobs_free(j, n);
	assert_int_equal(store_notify_digest_open_in(f->st, id, &body), MOAT_ENOTFOUND);
	assert_int_equal(store_notify_digest_update_in(f->st, id, 8, 1, "{}"), MOAT_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        a_channel_at_its_limit_in_flight_does_not_hold_the_others, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_claim_is_a_lease, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_digest_collects_until_its_first_attempt, setup,
	                                    teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
