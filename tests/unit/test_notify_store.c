/* Unit tests for the notifier's queries (store_notify.c): one slow channel
 * never holds the queue, a claim is a lease, several notifiers never claim
 * one delivery twice, the operator alerts' scans. Each runs on SQLite,
 * then on PostgreSQL (MOAT_TEST_PG, scripts/pgtest.sh; issue 13), where
 * two more check that the claim runs on row locks beside the writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "unit_db.h"

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
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

static int setup_on(struct fixture *f, void **state)
{
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
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

static int setup(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 0), state);
}

static int setup_pg(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 1), state);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	unit_fixture_free(f);
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

/* The operator alerts' scans read the agent inventory the same on both
 * engines: an agent that refused a policy, an environment whose every
 * agent is offline (with the last time one was seen, in RFC 3339 UTC), a
 * version not applied by the online agents yet; each occurrence is told
 * once per channel, and finished deliveries are purged. */
static void operator_alerts_are_scanned_told_once_and_purged(void **state)
{
	struct fixture *f = *state;
	struct store_notify_alert *al = NULL;
	struct store_env prod, stg;
	struct store_delivery_new d = {.channel_id = f->ch[0], .kind = "alert", .body = "{}"};
	int64_t now = 1700000000, id1 = 0, id2 = 0, purged = -1;
	size_t n = 0;
	int fresh = -1;

	assert_int_equal(store_env_get(f->st, f->p.id, "production", &prod), MOAT_OK);
	assert_int_equal(store_env_create(f->st, &f->a, &f->p, "staging", &stg), MOAT_OK);
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_agent_hello(f->st, f->p.id, prod.id, "web-1", "host-a", "python",
	                                   "1.0", "10.0.0.1", 0, 0, now),
	                 MOAT_OK);
	assert_int_equal(store_agent_hello(f->st, f->p.id, stg.id, "stg-1", "host-s", "go", "1.0",
	                                   "10.0.0.2", 0, 1, now),
	                 MOAT_OK);
	assert_int_equal(store_agent_applied(f->st, f->p.id, "web-1", 1, 0, "bad rule", now + 1),
	                 MOAT_OK);
	assert_int_equal(store_agent_offline(f->st, f->p.id, "stg-1", now + 2), MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);

	assert_int_equal(store_notify_scan_policy_failed(f->st, &al, &n), MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(al[0].env_id, prod.id);
	assert_string_equal(al[0].env, "production");
	assert_non_null(
	    strstr(al[0].key, ":76657273696F6E20313A2062616420")); /* "version 1: bad " */
	assert_string_equal(
	    al[0].message, "Agent web-1 on host-a could not apply the policy: version 1: bad rule");
	assert_int_equal(al[0].since, now + 1);
	free(al);

	/* staging's one agent went offline at now + 2: not before the grace */
	assert_int_equal(store_notify_scan_env_offline(f->st, now + 60, 60, &al, &n), MOAT_OK);
	assert_int_equal(n, 0);
	free(al);
	assert_int_equal(store_notify_scan_env_offline(f->st, now + 62, 60, &al, &n), MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(al[0].project_id, f->p.id);
	assert_string_equal(al[0].env, "staging");
	assert_string_equal(al[0].message, "Every agent of staging is offline (1 known, the last "
	                                   "seen at 2023-11-14T22:13:22Z)");
	assert_int_equal(al[0].since, now + 2);
	free(al);

	/* web-1 (online) runs version 0 of production, whose latest is 1 */
	assert_int_equal(store_notify_scan_rollouts(f->st, &al, &n), MOAT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(al[0].env, "production");
	assert_string_equal(
	    al[0].message,
	    "Policy version 1 of production is not applied by 1 online agent(s) yet");
	free(al);

	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_notify_alert_once_in(f->st, f->ch[0], "k1", now, &fresh), MOAT_OK);
	assert_int_equal(fresh, 1);
	assert_int_equal(store_notify_alert_once_in(f->st, f->ch[0], "k1", now, &fresh), MOAT_OK);
	assert_int_equal(fresh, 0);
	assert_int_equal(store_notify_alert_once_in(f->st, f->ch[1], "k1", now, &fresh), MOAT_OK);
	assert_int_equal(fresh, 1);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);

	/* a delivery for no channel (deleted meanwhile) is a conflict;
	 * finished ones are purged */
	d.channel_id = 999;
	assert_int_equal(store_delivery_add(f->st, &d, NULL, NULL), MOAT_ECONFLICT);
	d.channel_id = f->ch[0];
	d.now_ms = 1000;
	assert_int_equal(store_delivery_add(f->st, &d, &id1, NULL), MOAT_OK);
	assert_int_equal(store_delivery_add(f->st, &d, &id2, NULL), MOAT_OK);
	assert_true(id2 > id1);
	add(f, f->ch[0], 1, 1000); /* pending: kept */
	assert_int_equal(store_delivery_mark_delivered(f->st, id1, 200, 1500), MOAT_OK);
	assert_int_equal(store_delivery_mark_dead(f->st, id2, 0, "gone"), MOAT_OK);
	assert_int_equal(store_delivery_mark_dead(f->st, 12345, 0, "x"), MOAT_ENOTFOUND);
	assert_int_equal(store_notify_purge(f->st, 1000, 10, &purged), MOAT_OK);
	assert_int_equal(purged, 0); /* not older than 1000 */
	assert_int_equal(store_notify_purge(f->st, 2000, 10, &purged), MOAT_OK);
	assert_int_equal(purged, 2);
	assert_int_equal(store_delivery_backlog(f->st, &purged), MOAT_OK);
	assert_int_equal(purged, 1);
}

/* Several notifiers (several moatd) claim from one database at once:
 * each delivery is claimed by one of them, never by two. */
#define RACE_THREADS    3
#define RACE_DELIVERIES 60

struct racer {
	const char *target;
	int64_t got[RACE_DELIVERIES];
	int n;
};

static void *race_claim(void *arg)
{
	struct racer *r = arg;
	struct store *st = NULL;

	assert_int_equal(store_open(r->target, &st), MOAT_OK);
	for (int round = 0; round < 200 && r->n < RACE_DELIVERIES; round++) {
		struct store_delivery_job *j = NULL;
		size_t n = 0;
		int rc = store_notify_claim(st, 5000, 60000, 2, NULL, NULL, 0, 64, &j, &n);

		assert_true(rc == MOAT_OK || rc == MOAT_EBUSY);
		for (size_t i = 0; i < n && r->n < RACE_DELIVERIES; i++)
			r->got[r->n++] = j[i].d.id;
		store_delivery_jobs_free(j, n);
		if (!rc && !n)
			break; /* nothing due is left */
	}
	store_close(st);
	return NULL;
}

static void several_notifiers_never_claim_one_delivery_twice(void **state)
{
	struct fixture *f = *state;
	struct racer r[RACE_THREADS];
	pthread_t t[RACE_THREADS];
	char seen[RACE_DELIVERIES * 4] = {0};
	int total = 0;

	add(f, f->ch[0], RACE_DELIVERIES / 2, 1000);
	add(f, f->ch[1], RACE_DELIVERIES / 2, 1000);
	memset(r, 0, sizeof r);
	for (int i = 0; i < RACE_THREADS; i++) {
		r[i].target = f->t.target;
		assert_int_equal(pthread_create(&t[i], NULL, race_claim, &r[i]), 0);
	}
	for (int i = 0; i < RACE_THREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < RACE_THREADS; i++) {
		for (int k = 0; k < r[i].n; k++) {
			int64_t id = r[i].got[k];
			assert_true(id > 0 && id < (int64_t)sizeof seen);
			assert_int_equal(seen[id], 0); /* claimed twice */
			seen[id] = 1;
		}
		total += r[i].n;
	}
	assert_int_equal(total, RACE_DELIVERIES);
}

/* PostgreSQL: the claim relies on row locks (FOR UPDATE OF d SKIP
 * LOCKED), not on the write lock, so a notifier claims beside a writer
 * that holds the write lock (the ingest writer's group commit, another
 * instance's API write) instead of waiting for it. */
static void a_claim_does_not_wait_for_the_write_lock(void **state)
{
	struct fixture *f = *state;
	struct store_delivery_job *j = NULL;
	struct store *w = NULL;
	size_t n = 0;

	add(f, f->ch[0], 2, 1000);
	assert_int_equal(store_open(f->t.url, &w), MOAT_OK);
	assert_int_equal(store_tx_begin(w), MOAT_OK); /* holds the write lock */
	assert_int_equal(store_notify_claim(f->st, 5000, 60000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 2);
	store_delivery_jobs_free(j, n);
	store_tx_rollback(w);
	store_close(w);
}

/* PostgreSQL: a digest the writer is folding events into (its
 * transaction read it) is not claimed until the writer commits: the
 * claim skips the locked row, and the writer's update does not find the
 * digest gone under it (which would fail its batch). */
static void a_digest_the_writer_is_folding_into_is_claimed_after_its_commit(void **state)
{
	struct fixture *f = *state;
	struct store_delivery_new d = {.channel_id = f->ch[1],
	                               .kind = "digest",
	                               .body = "{}",
	                               .next_attempt_at = 1000,
	                               .now_ms = 1000};
	struct store_delivery_job *j = NULL;
	struct store *w = NULL;
	int64_t id = 0;
	char *body = NULL;
	size_t n = 0;

	assert_int_equal(store_delivery_add(f->st, &d, &id, NULL), MOAT_OK);
	assert_int_equal(store_open(f->t.url, &w), MOAT_OK);
	assert_int_equal(store_tx_begin(w), MOAT_OK);
	assert_int_equal(store_notify_digest_open_in(w, id, &body), MOAT_OK);
	free(body);
	assert_int_equal(store_notify_claim(f->st, 5000, 60000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 0); /* the writer has it */
	store_delivery_jobs_free(j, n);
	assert_int_equal(store_notify_digest_update_in(w, id, 9, 2, "{\"count\":2}"), MOAT_OK);
	assert_int_equal(store_tx_commit(w), MOAT_OK);
	assert_int_equal(store_notify_claim(f->st, 5000, 60000, 8, NULL, NULL, 0, 4, &j, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(j[0].d.body, "{\"count\":2}");
	store_delivery_jobs_free(j, n);
	store_close(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        a_channel_at_its_limit_in_flight_does_not_hold_the_others, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_claim_is_a_lease, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_digest_collects_until_its_first_attempt, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(operator_alerts_are_scanned_told_once_and_purged, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(several_notifiers_never_claim_one_delivery_twice, setup,
	                                    teardown),
	};
	const struct CMUnitTest tests_pg[] = {
	    cmocka_unit_test_setup_teardown(
	        a_channel_at_its_limit_in_flight_does_not_hold_the_others, setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_claim_is_a_lease, setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_digest_collects_until_its_first_attempt, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(operator_alerts_are_scanned_told_once_and_purged,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(several_notifiers_never_claim_one_delivery_twice,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_claim_does_not_wait_for_the_write_lock, setup_pg,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        a_digest_the_writer_is_folding_into_is_claimed_after_its_commit, setup_pg,
	        teardown),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);

	return failed + cmocka_run_group_tests_name("postgres", tests_pg, NULL, NULL);
}
