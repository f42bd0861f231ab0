/* Unit tests for the state several moatd on one database share (issue
 * 13): the login throttle's windows (store_login.c), the live feed's
 * one-time tickets (store_ticket.c) and the once-only background jobs
 * (store_job_try). Each runs on SQLite, then on PostgreSQL (MOAT_TEST_PG,
 * scripts/pgtest.sh); the sharing is checked through two connections
 * (two stores) on one database, as two instances would have. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crypto.h"
#include "err.h"
#include "store.h"
#include "unit_db.h"

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *a, *b;  /* two connections: two instances */
	struct actor actor;
	int64_t user[2], session[2];
};

static int setup_on(struct fixture *f, void **state)
{
	struct store_user u;
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->a), MOAT_OK);
	assert_int_equal(store_migrate(f->a, msg, sizeof msg), MOAT_OK);
	assert_int_equal(store_open(f->t.target, &f->b), MOAT_OK);
	f->actor.type = ACTOR_SYSTEM;
	snprintf(f->actor.label, sizeof f->actor.label, "system");
	for (int i = 0; i < 2; i++) {
		char email[64], hash[CRYPTO_SHA256_HEX];
		snprintf(email, sizeof email, "user%d@example.com", i);
		assert_int_equal(
		    store_user_create(f->a, &f->actor, email, "U", "$argon2id$x", "viewer", &u),
		    MOAT_OK);
		f->user[i] = u.id;
		crypto_sha256_hex(email, strlen(email), hash);
		assert_int_equal(store_session_create(f->a, u.id, hash, 1000, 1000 + 86400,
		                                      "192.0.2.1", "test", &f->session[i]),
		                 MOAT_OK);
	}
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

	store_close(f->a);
	store_close(f->b);
	unit_fixture_free(f);
	return 0;
}

/* ---- the login throttle ---- */

static int take1(struct store *st, const char *key, int limit, int window_s, int64_t now)
{
	struct store_login_want w = {key, limit, window_s};

	return store_login_take(st, &w, 1, now);
}

/* ratelimit.c's semantics, kept: a fixed window from the first attempt,
 * the wait until its end, an attempt given back, a key cleared. */
static void login_attempts_block_after_the_limit_until_the_window_ends(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(take1(f->a, "ip:1", 3, 60, 1000), 0);
	assert_int_equal(take1(f->a, "ip:1", 3, 60, 1001), 0);
	assert_int_equal(take1(f->a, "ip:1", 3, 60, 1002), 0);
	assert_int_equal(take1(f->a, "ip:1", 3, 60, 1010), 50);
	assert_int_equal(take1(f->a, "ip:2", 3, 60, 1010), 0);
	assert_int_equal(take1(f->a, "ip:1", 3, 60, 1060), 0); /* a new window */
	assert_int_equal(store_login_release(f->a, "ip:1", 1061), MOAT_OK);
	assert_int_equal(take1(f->a, "ip:1", 1, 60, 1062), 0); /* given back: 1 of 1 */
	assert_int_equal(take1(f->a, "ip:1", 1, 60, 1062), 58);
	assert_int_equal(take1(f->a, "acct:a", 1, 60, 1000), 0);
	assert_int_equal(store_login_clear(f->a, "acct:a", 1000), MOAT_OK);
	assert_int_equal(take1(f->a, "acct:a", 1, 60, 1000), 0);
}

/* A key stays counted until the last second of its own window, whatever
 * else comes and goes (and is deleted as it expires) meanwhile. */
static void a_key_stays_counted_for_its_whole_window(void **state)
{
	struct fixture *f = *state;
	char key[32];

	for (int i = 0; i < 5; i++)
		assert_int_equal(take1(f->a, "acct:admin@localhost", 5, 900, 1000), 0);
	for (int64_t t = 1000; t < 1900; t += 60) {
		/* churn: short windows for 50 other keys, expiring as we go */
		for (int i = 0; i < 50; i++) {
			snprintf(key, sizeof key, "ip:%d", i);
			assert_int_equal(take1(f->a, key, 1000, 30, t), 0);
		}
		assert_int_equal(take1(f->a, "acct:admin@localhost", 5, 900, t), (int)(1900 - t));
	}
	assert_int_equal(take1(f->a, "acct:admin@localhost", 5, 900, 1899), 1);
	assert_int_equal(take1(f->a, "acct:admin@localhost", 5, 900, 1900), 0);
}

/* Address and account are counted together or not at all: an attempt
 * refused for the account does not use up the address's allowance. */
static void attempts_are_taken_for_all_keys_or_none(void **state)
{
	struct fixture *f = *state;
	struct store_login_want w[2] = {{"ip:9", 3, 300}, {"acct:b", 1, 900}};

	assert_int_equal(store_login_take(f->a, w, 2, 1000), 0);
	assert_int_equal(store_login_take(f->a, w, 2, 1000), 900);
	assert_int_equal(store_login_take(f->a, w, 2, 1000), 900);
	assert_int_equal(take1(f->a, "ip:9", 3, 300, 1000), 0); /* 2 of 3 */
	assert_int_equal(take1(f->a, "ip:9", 3, 300, 1000), 0); /* 3 of 3 */
	assert_int_equal(take1(f->a, "ip:9", 3, 300, 1000), 300);
	/* the wait is the first refused key's, in the caller's order */
	w[1].limit = 5;
	assert_int_equal(store_login_take(f->a, w, 2, 1100), 200);
}

/* Two instances (two connections) count into one window: what one took
 * the other sees, gives back or clears. */
static void two_stores_share_one_login_limit(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(take1(f->a, "acct:c", 3, 900, 1000), 0);
	assert_int_equal(take1(f->b, "acct:c", 3, 900, 1001), 0);
	assert_int_equal(take1(f->a, "acct:c", 3, 900, 1002), 0);
	assert_int_equal(take1(f->b, "acct:c", 3, 900, 1003), 897);
	assert_int_equal(store_login_release(f->b, "acct:c", 1004), MOAT_OK);
	assert_int_equal(take1(f->a, "acct:c", 3, 900, 1005), 0);
	assert_int_equal(take1(f->a, "acct:c", 3, 900, 1005), 895);
	assert_int_equal(store_login_clear(f->a, "acct:c", 1006), MOAT_OK);
	assert_int_equal(take1(f->b, "acct:c", 3, 900, 1006), 0);
}

/* Windows that ended are deleted by later attempts: an attacker sending
 * a new address or account each time leaves at most the live windows
 * (and a few ended ones) behind, never all he ever sent. */
static void ended_windows_are_deleted_by_later_attempts(void **state)
{
	struct fixture *f = *state;
	char key[32];
	int64_t rows = -1;

	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "ip:10.0.0.%d", i);
		assert_int_equal(take1(f->a, key, 10, 300, 1000), 0);
	}
	assert_int_equal(store_login_rows(f->a, &rows), MOAT_OK);
	assert_int_equal(rows, 100);
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "ip:10.1.0.%d", i);
		assert_int_equal(take1(f->b, key, 10, 300, 2000), 0);
	}
	assert_int_equal(store_login_rows(f->a, &rows), MOAT_OK);
	assert_int_equal(rows, 20); /* the 100 ended windows are gone */
}

/* Attempts from several instances at once: exactly the limit passes. */
#define RACE_THREADS 4
#define RACE_TRIES   12

struct login_racer {
	const char *target;
	int passed;
};

static void *login_race(void *arg)
{
	struct login_racer *r = arg;
	struct store *st = NULL;

	assert_int_equal(store_open(r->target, &st), MOAT_OK);
	for (int i = 0; i < RACE_TRIES; i++) {
		struct store_login_want w[2] = {{"ip:203.0.113.5", 1000, 300},
		                                {"acct:race@example.com", 10, 900}};
		int rc = store_login_take(st, w, 2, 5000);
		assert_true(rc >= 0);
		r->passed += rc == 0;
	}
	store_close(st);
	return NULL;
}

static void attempts_from_several_instances_at_once_pass_exactly_the_limit(void **state)
{
	struct fixture *f = *state;
	struct login_racer r[RACE_THREADS];
	pthread_t t[RACE_THREADS];
	int passed = 0;

	memset(r, 0, sizeof r);
	for (int i = 0; i < RACE_THREADS; i++) {
		r[i].target = f->t.target;
		assert_int_equal(pthread_create(&t[i], NULL, login_race, &r[i]), 0);
	}
	for (int i = 0; i < RACE_THREADS; i++) {
		pthread_join(t[i], NULL);
		passed += r[i].passed;
	}
	assert_int_equal(passed, 10);
	/* the address counted the ten that passed, no more */
	assert_int_equal(take1(f->a, "ip:203.0.113.5", 11, 300, 5001), 0);
	assert_int_equal(take1(f->a, "ip:203.0.113.5", 11, 300, 5001), 299);
}

/* ---- live tickets ---- */

static void hash_of(const char *ticket, char out[CRYPTO_SHA256_HEX])
{
	crypto_sha256_hex(ticket, strlen(ticket), out);
}

static void a_ticket_issued_via_one_store_redeems_once_via_another(void **state)
{
	struct fixture *f = *state;
	char h[CRYPTO_SHA256_HEX];
	int64_t uid = 0, pid = 0, sid = 0;
	int retry = 0;

	hash_of("ticket-1", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1000, 30, 16, &retry), 0);
	assert_int_equal(store_ticket_take(f->b, h, 1010, &uid, &pid, &sid), MOAT_OK);
	assert_int_equal(uid, f->user[0]);
	assert_int_equal(pid, 7);
	assert_int_equal(sid, f->session[0]);
	/* single use, on every instance */
	assert_int_equal(store_ticket_take(f->a, h, 1011, &uid, &pid, &sid), MOAT_ENOTFOUND);
	assert_int_equal(store_ticket_take(f->b, h, 1011, &uid, &pid, &sid), MOAT_ENOTFOUND);
	/* what was never issued */
	hash_of("ticket-2", h);
	assert_int_equal(store_ticket_take(f->b, h, 1011, &uid, &pid, &sid), MOAT_ENOTFOUND);
}

static void a_ticket_works_only_before_it_expires(void **state)
{
	struct fixture *f = *state;
	char h[CRYPTO_SHA256_HEX];
	int64_t uid, pid, sid;
	int retry = 0;

	hash_of("ticket-3", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1000, 30, 16, &retry), 0);
	assert_int_equal(store_ticket_take(f->b, h, 1030, &uid, &pid, &sid), MOAT_ENOTFOUND);
	hash_of("ticket-4", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1000, 30, 16, &retry), 0);
	assert_int_equal(store_ticket_take(f->b, h, 1029, &uid, &pid, &sid), MOAT_OK);
}

/* A user holds at most per_user unused tickets, counted on every
 * instance; used and expired ones do not count, and another user's are
 * not his. */
static void a_user_holds_at_most_the_cap_of_unused_tickets_on_every_instance(void **state)
{
	struct fixture *f = *state;
	char t[32], h[CRYPTO_SHA256_HEX];
	int64_t uid, pid, sid;
	int retry = 0;

	for (int i = 0; i < 16; i++) {
		snprintf(t, sizeof t, "cap-%d", i);
		hash_of(t, h);
		assert_int_equal(store_ticket_issue(i % 2 ? f->a : f->b, h, f->user[0],
		                                    f->session[0], 7, 1000 + i, 30, 16, &retry),
		                 0);
	}
	hash_of("cap-16", h);
	/* the first expires at 1030: 10 s from 1020 */
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1020, 30, 16, &retry), 10);
	assert_int_equal(
	    store_ticket_issue(f->b, h, f->user[1], f->session[1], 7, 1020, 30, 16, &retry), 0);
	/* one used: room for one */
	hash_of("cap-3", h);
	assert_int_equal(store_ticket_take(f->b, h, 1021, &uid, &pid, &sid), MOAT_OK);
	hash_of("cap-17", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1021, 30, 16, &retry), 0);
	hash_of("cap-18", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1021, 30, 16, &retry), 9);
	/* once they expire, room again */
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1060, 30, 16, &retry), 0);
}

/* Two instances redeem the same tickets at once: each ticket opens one
 * feed, never two. */
#define TICKETS 16

struct ticket_racer {
	const char *target;
	int got[TICKETS];
};

static void *ticket_race(void *arg)
{
	struct ticket_racer *r = arg;
	struct store *st = NULL;

	assert_int_equal(store_open(r->target, &st), MOAT_OK);
	for (int i = 0; i < TICKETS; i++) {
		char t[32], h[CRYPTO_SHA256_HEX];
		int64_t uid, pid, sid;
		int rc;
		snprintf(t, sizeof t, "race-%d", i);
		hash_of(t, h);
		rc = store_ticket_take(st, h, 1001, &uid, &pid, &sid);
		assert_true(rc == MOAT_OK || rc == MOAT_ENOTFOUND);
		r->got[i] = rc == MOAT_OK;
	}
	store_close(st);
	return NULL;
}

static void instances_redeeming_one_ticket_at_once_open_one_feed(void **state)
{
	struct fixture *f = *state;
	struct ticket_racer r[RACE_THREADS];
	pthread_t th[RACE_THREADS];
	int retry;

	for (int i = 0; i < TICKETS; i++) {
		char t[32], h[CRYPTO_SHA256_HEX];
		snprintf(t, sizeof t, "race-%d", i);
		hash_of(t, h);
		assert_int_equal(store_ticket_issue(f->a, h, f->user[0], f->session[0], 7, 1000, 30,
		                                    TICKETS, &retry),
		                 0);
	}
	memset(r, 0, sizeof r);
	for (int i = 0; i < RACE_THREADS; i++) {
		r[i].target = f->t.target;
		assert_int_equal(pthread_create(&th[i], NULL, ticket_race, &r[i]), 0);
	}
	for (int i = 0; i < RACE_THREADS; i++)
		pthread_join(th[i], NULL);
	for (int k = 0; k < TICKETS; k++) {
		int n = 0;
		for (int i = 0; i < RACE_THREADS; i++)
			n += r[i].got[k];
		assert_int_equal(n, 1);
	}
}

/* A ticket ends with the session it was issued under. */
static void a_ticket_dies_with_its_session(void **state)
{
	struct fixture *f = *state;
	char h[CRYPTO_SHA256_HEX];
	int64_t uid, pid, sid;
	int retry;

	hash_of("ticket-5", h);
	assert_int_equal(
	    store_ticket_issue(f->a, h, f->user[1], f->session[1], 7, 1000, 30, 16, &retry), 0);
	/* a session gone from the table (swept a day after its end) */
	assert_int_equal(store_ticket_issue(f->a, "x", f->user[1], 999999, 7, 1000, 30, 16, &retry),
	                 MOAT_ECONFLICT);
	assert_int_equal(store_session_revoke(f->a, &f->actor, f->session[1]), MOAT_OK);
	/* revoked, not yet swept: the upgrade checks the session itself
	 * (ws_live.c); the ticket is still its one use */
	assert_int_equal(store_ticket_take(f->b, h, 1001, &uid, &pid, &sid), MOAT_OK);
	assert_int_equal(sid, f->session[1]);
}

/* ---- once-only background jobs ---- */

static void one_connection_at_a_time_holds_a_job(void **state)
{
	struct fixture *f = *state;
	struct store *c = NULL;

	assert_int_equal(store_job_try(f->a, STORE_JOB_RETENTION), 1);
	assert_int_equal(store_job_try(f->b, STORE_JOB_RETENTION), 0);
	/* another job is another lock */
	assert_int_equal(store_job_try(f->b, STORE_JOB_AGENT_PRUNE), 1);
	store_job_done(f->a, STORE_JOB_RETENTION);
	assert_int_equal(store_job_try(f->b, STORE_JOB_RETENTION), 1);
	assert_int_equal(store_job_try(f->a, STORE_JOB_RETENTION), 0);
	assert_int_equal(store_job_try(f->a, STORE_JOB_AGENT_PRUNE), 0);
	/* a holder that goes away (an instance that dies) lets go */
	assert_int_equal(store_open(f->t.target, &c), MOAT_OK);
	assert_int_equal(store_job_try(c, STORE_JOB_RETENTION), 0);
	store_close(f->b);
	assert_int_equal(store_open(f->t.target, &f->b), MOAT_OK);
	assert_int_equal(store_job_try(c, STORE_JOB_RETENTION), 1);
	assert_int_equal(store_job_try(f->a, STORE_JOB_AGENT_PRUNE), 1);
	store_close(c);
}

/* Several instances run a job's pass as often as they like: never two
 * passes at once. */
static int job_running, job_overlaps, job_runs;

struct job_racer {
	const char *target;
};

static void *job_race(void *arg)
{
	struct job_racer *r = arg;
	struct store *st = NULL;

	assert_int_equal(store_open(r->target, &st), MOAT_OK);
	for (int i = 0; i < 40; i++) {
		int got = store_job_try(st, STORE_JOB_DELIVERY_PURGE);
		assert_true(got == 0 || got == 1);
		if (got) {
			if (__atomic_add_fetch(&job_running, 1, __ATOMIC_SEQ_CST) != 1)
				__atomic_add_fetch(&job_overlaps, 1, __ATOMIC_SEQ_CST);
			__atomic_add_fetch(&job_runs, 1, __ATOMIC_SEQ_CST);
			usleep(500); /* the pass */
			__atomic_sub_fetch(&job_running, 1, __ATOMIC_SEQ_CST);
			store_job_done(st, STORE_JOB_DELIVERY_PURGE);
		}
		usleep(100);
	}
	store_close(st);
	return NULL;
}

static void two_claimers_of_a_background_job_never_run_it_at_once(void **state)
{
	struct fixture *f = *state;
	struct job_racer r = {f->t.target};
	pthread_t t[RACE_THREADS];

	job_running = job_overlaps = job_runs = 0;
	for (int i = 0; i < RACE_THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, job_race, &r), 0);
	for (int i = 0; i < RACE_THREADS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(job_overlaps, 0);
	assert_true(job_runs > 0);
}

#define BOTH(fn)    cmocka_unit_test_setup_teardown(fn, setup, teardown)
#define BOTH_PG(fn) cmocka_unit_test_setup_teardown(fn, setup_pg, teardown)
#define ALL(X)                                                                                     \
	X(login_attempts_block_after_the_limit_until_the_window_ends),                             \
	    X(a_key_stays_counted_for_its_whole_window),                                           \
	    X(attempts_are_taken_for_all_keys_or_none), X(two_stores_share_one_login_limit),       \
	    X(ended_windows_are_deleted_by_later_attempts),                                        \
	    X(attempts_from_several_instances_at_once_pass_exactly_the_limit),                     \
	    X(a_ticket_issued_via_one_store_redeems_once_via_another),                             \
	    X(a_ticket_works_only_before_it_expires),                                              \
	    X(a_user_holds_at_most_the_cap_of_unused_tickets_on_every_instance),                   \
	    X(instances_redeeming_one_ticket_at_once_open_one_feed),                               \
	    X(a_ticket_dies_with_its_session), X(one_connection_at_a_time_holds_a_job),            \
	    X(two_claimers_of_a_background_job_never_run_it_at_once)

int main(void)
{
	const struct CMUnitTest tests[] = {ALL(BOTH)};
	const struct CMUnitTest tests_pg[] = {ALL(BOTH_PG)};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);

	return failed + cmocka_run_group_tests_name("postgres", tests_pg, NULL, NULL);
}
