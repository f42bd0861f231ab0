/*
 * notify.c — the notifier thread: claims due deliveries from the outbox,
 * runs them as concurrent libcurl transfers, records their outcomes,
 * sends test messages, looks for operator alerts; see notify.h.
 *
 * The loop: claim what is due (store_notify_claim: channels with
 * NOTIFY_PER_CHANNEL transfers in flight are left out, so a receiver that
 * hangs holds its own slots and nothing else), start the transfers, let
 * curl_multi_poll wait for sockets, the next due time (at most a second)
 * or a wake-up (curl_multi_wakeup from notify_wake), finish what
 * completed. Each pass claims at most the free slots: bounded work per
 * wake-up. A claim is a lease (timeout + NOTIFY_LEASE_MARGIN_MS): if
 * moatd dies mid-transfer, the delivery is due again after the lease,
 * so the receiver may see a delivery id twice only when it had not
 * answered.
 *
 * Owns: the multi handle and every transfer (notifier thread), its SQLite
 * connection, the random generator of the backoff. notify_lock guards the
 * test queue, the running flag and the multi handle's pointer for
 * curl_multi_wakeup; it is the last lock taken.
 */
#include "notify.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crypto.h"
#include "err.h"
#include "log.h"
#include "notify_int.h"
#include "notify_retry.h"
#include "notify_test.h"
#include "store.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

struct notify_config notify_cfg;

/* A test send: shared by its caller and the notifier; the last of the
 * two to let go frees it (refs under notify_lock). */
struct notify_test {
	struct notify_test *next;
	int refs;
	struct store_channel c; /* a copy */
	char uuid[40];
	char secret[STORE_CHANNEL_SECRET_MAX]; /* wiped when freed */
	int done, rc;
	struct notify_test_result res;
	int64_t started_ms;
	pthread_cond_t cond;
};

static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static CURLM *notify_multi; /* under notify_lock for the wake-up */
static int notify_running, notify_stopping;
static struct notify_test *notify_tests_head; /* waiting for the thread */
static int notify_tests_n;                    /* queued or in flight */
static pthread_t notify_thread;

/* notifier thread only */
static struct store *notify_st;
static struct notify_rng notify_rng;
static struct notify_xfer *notify_inflight[NOTIFY_MAX_INFLIGHT];
static int notify_ninflight;
/* the last claim found deliveries due but none it could take (their
 * channels have their limit in flight): wait for a transfer to end or a
 * wake-up instead of claiming again at once */
static int notify_starved;

/* counters (relaxed atomics) */
static uint64_t m_delivered, m_retried, m_dead, m_refused, m_tests, m_tests_busy, m_claimed;
static uint64_t m_claims_empty; /* claims that found due deliveries but took none */
static int64_t m_backlog, m_inflight;

int64_t notify_now_ms(void)
{
	return timefmt_now_ms();
}

int notify_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? MOAT_OK : MOAT_EIO;
}

void notify_wake(void)
{
	pthread_mutex_lock(&notify_lock);
	if (notify_multi)
		curl_multi_wakeup(notify_multi);
	pthread_mutex_unlock(&notify_lock);
}

/* ---- test sends ---- */

static void notify_test_release(struct notify_test *t)
{
	int last;

	pthread_mutex_lock(&notify_lock);
	last = --t->refs == 0;
	pthread_mutex_unlock(&notify_lock);
	if (last) {
		crypto_wipe(t->secret, sizeof t->secret);
		pthread_cond_destroy(&t->cond);
		free(t);
	}
}

/* Notifier thread: the outcome of t, to its caller. */
static void notify_test_finish(struct notify_test *t, int rc)
{
	pthread_mutex_lock(&notify_lock);
	t->rc = rc;
	t->done = 1;
	notify_tests_n--;
	pthread_cond_signal(&t->cond);
	pthread_mutex_unlock(&notify_lock);
	notify_test_release(t);
}

int notify_test_send(const struct store_channel *c, const char *uuid, const char *secret,
                     int timeout_ms, struct notify_test_result *out)
{
	struct notify_test *t = xcalloc(1, sizeof *t);
	struct timespec until;
	int rc,
	    wait_ms =
	        (timeout_ms < notify_cfg.timeout_ms ? timeout_ms : notify_cfg.timeout_ms) + 1000;

	memset(out, 0, sizeof *out);
	t->refs = 2;
	t->c = *c;
	snprintf(t->uuid, sizeof t->uuid, "%s", uuid);
	snprintf(t->secret, sizeof t->secret, "%s", secret ? secret : "");
	pthread_cond_init(&t->cond, NULL);
	pthread_mutex_lock(&notify_lock);
	if (!notify_running || notify_stopping || notify_tests_n >= NOTIFY_MAX_TESTS) {
		pthread_mutex_unlock(&notify_lock);
		__atomic_fetch_add(&m_tests_busy, 1, __ATOMIC_RELAXED);
		t->refs = 1;
		notify_test_release(t);
		return MOAT_EBUSY;
	}
	notify_tests_n++;
	t->next = notify_tests_head;
	notify_tests_head = t;
	curl_multi_wakeup(notify_multi);
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += wait_ms / 1000;
	until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	while (!t->done && pthread_cond_timedwait(&t->cond, &notify_lock, &until) == 0)
		;
	if (t->done) {
		rc = t->rc;
		*out = t->res;
	} else {
		rc = MOAT_EIO;
		snprintf(out->error, sizeof out->error, "timeout: no outcome within %d ms",
		         wait_ms);
	}
	pthread_mutex_unlock(&notify_lock);
	notify_test_release(t);
	return rc;
}

/* Starts the queued test sends (notifier thread). */
static void notify_start_tests(int64_t now_ms)
{
	struct notify_test *list;

	pthread_mutex_lock(&notify_lock);
	list = notify_tests_head;
	notify_tests_head = NULL;
	pthread_mutex_unlock(&notify_lock);
	while (list) {
		struct notify_test *t = list;
		struct notify_xfer *x = NULL;
		int rc;

		list = t->next;
		if (notify_ninflight == NOTIFY_MAX_INFLIGHT) {
			snprintf(t->res.error, sizeof t->res.error, "busy: %d deliveries in flight",
			         NOTIFY_MAX_INFLIGHT);
			notify_test_finish(t, MOAT_EBUSY);
			continue;
		}
		rc = notify_http_prepare_test(&t->c, t->secret, t->uuid, now_ms, &x);
		if (rc) {
			notify_test_finish(t, rc);
			continue;
		}
		t->started_ms = now_ms;
		x->test = t;
		notify_inflight[notify_ninflight++] = x;
		curl_multi_add_handle(notify_multi, x->h);
		__atomic_fetch_add(&m_tests, 1, __ATOMIC_RELAXED);
	}
}

/* ---- deliveries ---- */

/* Claims and starts what is due, within the free slots. */
static void notify_claim(int64_t now_ms)
{
	int64_t busy[NOTIFY_MAX_INFLIGHT];
	int busy_n[NOTIFY_MAX_INFLIGHT];
	size_t nbusy = 0, n = 0;
	struct store_delivery_job *jobs = NULL;
	int64_t due = 0;
	int free_slots = NOTIFY_MAX_INFLIGHT - notify_ninflight;

	notify_starved = 0;
	if (free_slots <= 0)
		return;
	/* a read first: the claim takes the write lock, so only when due */
	if (store_delivery_next_due(notify_st, &due) != MOAT_OK || !due || due > now_ms) {
		store_idle(notify_st);
		return;
	}
	store_idle(notify_st);
	for (int i = 0; i < notify_ninflight; i++) {
		int64_t ch = notify_inflight[i]->channel_id;
		size_t k = 0;
		if (!notify_inflight[i]->job)
			continue;
		while (k < nbusy && busy[k] != ch)
			k++;
		if (k == nbusy) {
			busy[nbusy] = ch;
			busy_n[nbusy++] = 0;
		}
		busy_n[k]++;
	}
	if (store_notify_claim(notify_st, now_ms, notify_cfg.timeout_ms + NOTIFY_LEASE_MARGIN_MS,
	                       free_slots, busy, busy_n, nbusy, NOTIFY_PER_CHANNEL, &jobs,
	                       &n) != MOAT_OK)
		return;
	__atomic_fetch_add(&m_claimed, (uint64_t)n, __ATOMIC_RELAXED);
	notify_starved = n == 0;
	if (!n)
		__atomic_fetch_add(&m_claims_empty, 1, __ATOMIC_RELAXED);
	for (size_t i = 0; i < n; i++) {
		struct store_delivery_job *j = xmalloc(sizeof *j);
		struct notify_xfer *x = NULL;
		int rc;

		*j = jobs[i];
		rc = notify_http_prepare(notify_st, j, now_ms, &x);
		if (rc) {
			/* its event is gone (retention), or it cannot be built */
			store_delivery_mark_dead(
			    notify_st, j->d.id, 0,
			    rc == MOAT_ENOTFOUND ? "gone: the event was deleted before it was sent"
			                         : "could not build the message");
			__atomic_fetch_add(&m_dead, 1, __ATOMIC_RELAXED);
			store_delivery_jobs_free(j, 1);
			continue;
		}
		x->job = j;
		notify_inflight[notify_ninflight++] = x;
		curl_multi_add_handle(notify_multi, x->h);
	}
	free(jobs); /* the bodies moved into the copies */
}

/* Records the outcome of a finished outbox delivery. */
static void notify_finish_delivery(struct notify_xfer *x, CURLcode code, int64_t now_ms)
{
	struct store_delivery_job *j = x->job;
	char err[400];
	long status;
	int64_t ra;
	int outcome = notify_http_result(x, code, &status, err, sizeof err, &ra);

	if (outcome == NOTIFY_DELIVERED) {
		/* a delivered mark that does not stick would send it again
		 * after the lease: try it while the database is only busy */
		for (int i = 0; i < 5; i++)
			if (store_delivery_mark_delivered(notify_st, j->d.id, (int)status,
			                                  now_ms) != MOAT_EBUSY)
				break;
		__atomic_fetch_add(&m_delivered, 1, __ATOMIC_RELAXED);
	} else if (outcome == NOTIFY_REFUSED) {
		store_delivery_mark_dead(notify_st, j->d.id, (int)status, err);
		__atomic_fetch_add(&m_refused, 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&m_dead, 1, __ATOMIC_RELAXED);
		LOG(LOG_WARN, "msg=\"notification refused\" channel_id=%lld delivery=%s status=%ld",
		    (long long)j->c.id, j->d.uuid, status);
	} else if (j->d.attempts >= notify_cfg.max_attempts) {
		char dead[512];
		utf8_fmt(dead, sizeof dead, "gave up after %lld attempts: %s",
		         (long long)j->d.attempts, err);
		store_delivery_mark_dead(notify_st, j->d.id, (int)status, dead);
		__atomic_fetch_add(&m_dead, 1, __ATOMIC_RELAXED);
		LOG(LOG_WARN, "msg=\"notification dead\" channel_id=%lld delivery=%s attempts=%lld",
		    (long long)j->c.id, j->d.uuid, (long long)j->d.attempts);
	} else {
		int64_t wait = notify_backoff_ms(&notify_rng, (int)j->d.attempts,
		                                 NOTIFY_BACKOFF_BASE_MS, NOTIFY_BACKOFF_CAP_MS);
		if (ra >= 0) {
			wait = ra;
			snprintf(err + strlen(err), sizeof err - strlen(err),
			         " (Retry-After: retried in %lld s)", (long long)(ra / 1000));
		}
		store_delivery_mark_failed(notify_st, j->d.id, (int)status, err, now_ms + wait);
		__atomic_fetch_add(&m_retried, 1, __ATOMIC_RELAXED);
	}
	store_idle(notify_st);
}

/* Tells a finished test send's caller (who records it in the log). */
static void notify_finish_test(struct notify_xfer *x, CURLcode code, int64_t now_ms)
{
	struct notify_test *t = x->test;
	int64_t ra;
	long status;
	char err[400];

	notify_http_result(x, code, &status, err, sizeof err, &ra);
	t->res.status = (int)status;
	t->res.took_ms = now_ms - t->started_ms;
	utf8_copy(t->res.error, sizeof t->res.error, err, NULL);
	notify_test_finish(t, MOAT_OK);
}

static void notify_reap(int64_t now_ms)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(notify_multi, &left)) != NULL) {
		struct notify_xfer *x = NULL;
		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
		CURLcode code = m->data.result;
		curl_multi_remove_handle(notify_multi, x->h);
		notify_starved = 0; /* a slot is free: claim again at once */
		for (int i = 0; i < notify_ninflight; i++)
			if (notify_inflight[i] == x) {
				notify_inflight[i] = notify_inflight[--notify_ninflight];
				break;
			}
		if (x->job) {
			notify_finish_delivery(x, code, now_ms);
			store_delivery_jobs_free(x->job, 1);
		} else {
			notify_finish_test(x, code, now_ms);
		}
		notify_xfer_free(x);
	}
}

/* How long to wait: until the next due delivery, at most 1 s. The
 * backlog gauge is counted at most once a second. */
static int notify_wait_ms(int64_t now_ms)
{
	static int64_t counted_at;
	int64_t due = 0, backlog = 0;

	if (store_delivery_next_due(notify_st, &due) != MOAT_OK)
		due = 0;
	if (now_ms - counted_at >= 1000) {
		counted_at = now_ms;
		if (store_delivery_backlog(notify_st, &backlog) == MOAT_OK)
			__atomic_store_n(&m_backlog, backlog, __ATOMIC_RELAXED);
	}
	store_idle(notify_st);
	if (!due || notify_ninflight == NOTIFY_MAX_INFLIGHT || notify_starved)
		return 1000; /* a transfer's end or a wake-up ends the wait sooner */
	if (due <= now_ms)
		return 0;
	return due - now_ms > 1000 ? 1000 : (int)(due - now_ms);
}

/* The delivery log keeps what event retention keeps: delivered and dead
 * deliveries older than --retention-days leave it, a chunk at a time, by
 * one moatd of the database at a time (STORE_JOB_DELIVERY_PURGE). */
static void notify_purge(int64_t now_ms)
{
	int64_t n = 0;

	if (notify_cfg.retention_days <= 0)
		return;
	/* one moatd of the database purges at a time; the others skip */
	if (store_job_try(notify_st, STORE_JOB_DELIVERY_PURGE) != 1)
		return;
	if (store_notify_purge(notify_st, now_ms - (int64_t)notify_cfg.retention_days * 86400000,
	                       NOTIFY_PURGE_CHUNK, &n) == MOAT_OK &&
	    n > 0)
		LOG(LOG_DEBUG, "msg=\"delivery log purged\" deliveries=%lld", (long long)n);
	store_job_done(notify_st, STORE_JOB_DELIVERY_PURGE);
}

static void *notify_main(void *arg)
{
	int64_t last_scan = 0;

	(void)arg;
	for (;;) {
		int64_t now_ms = notify_now_ms();
		int running = 0, stop, wait;

		pthread_mutex_lock(&notify_lock);
		stop = notify_stopping;
		pthread_mutex_unlock(&notify_lock);
		if (stop)
			break;
		if (now_ms - last_scan >= notify_cfg.alert_scan_ms) {
			last_scan = now_ms;
			if (notify_alert_scan(notify_st, now_ms) > 0)
				now_ms = notify_now_ms();
			notify_purge(now_ms);
		}
		notify_start_tests(now_ms);
		notify_claim(now_ms);
		__atomic_store_n(&m_inflight, notify_ninflight, __ATOMIC_RELAXED);
		curl_multi_perform(notify_multi, &running);
		notify_reap(notify_now_ms());
		wait = notify_wait_ms(notify_now_ms());
		if (wait > 0)
			curl_multi_poll(notify_multi, NULL, 0, wait, NULL);
		curl_multi_perform(notify_multi, &running);
		notify_reap(notify_now_ms());
	}
	/* stopping: what is in flight gets NOTIFY_STOP_GRACE_MS (at most the
	 * timeout) to be answered and recorded, so that an answer that
	 * arrives now is not sent again after the restart; nothing new starts */
	{
		int64_t grace = notify_cfg.timeout_ms < NOTIFY_STOP_GRACE_MS ? notify_cfg.timeout_ms
		                                                             : NOTIFY_STOP_GRACE_MS;
		int64_t until = notify_now_ms() + grace;
		int running = 0;
		while (notify_ninflight > 0 && notify_now_ms() < until) {
			curl_multi_perform(notify_multi, &running);
			notify_reap(notify_now_ms());
			if (notify_ninflight > 0)
				curl_multi_poll(notify_multi, NULL, 0, 100, NULL);
		}
	}
	/* the rest is abandoned: leases run out, the next start sends them */
	for (int i = 0; i < notify_ninflight; i++) {
		struct notify_xfer *x = notify_inflight[i];
		curl_multi_remove_handle(notify_multi, x->h);
		if (x->job)
			store_delivery_jobs_free(x->job, 1);
		else
			notify_test_finish(x->test, MOAT_EBUSY);
		notify_xfer_free(x);
	}
	notify_ninflight = 0;
	return NULL;
}

int notify_start(const struct notify_config *cfg)
{
	uint64_t seed = cfg->seed;
	int rc;

	notify_cfg = *cfg;
	if (notify_cfg.alert_scan_ms <= 0)
		notify_cfg.alert_scan_ms = 2000;
	if (!seed)
		crypto_random(&seed, sizeof seed);
	notify_rng_seed(&notify_rng, seed);
	rc = store_open(cfg->db, &notify_st);
	if (rc)
		return rc;
	pthread_mutex_lock(&notify_lock);
	notify_multi = curl_multi_init();
	notify_stopping = 0;
	pthread_mutex_unlock(&notify_lock);
	if (!notify_multi || pthread_create(&notify_thread, NULL, notify_main, NULL) != 0) {
		store_close(notify_st);
		notify_st = NULL;
		return MOAT_EIO;
	}
	pthread_mutex_lock(&notify_lock);
	notify_running = 1;
	pthread_mutex_unlock(&notify_lock);
	LOG(LOG_INFO,
	    "msg=\"notifier started\" allow_private_webhooks=%d timeout_ms=%d max_attempts=%d "
	    "public_url_set=%d",
	    cfg->allow_private, cfg->timeout_ms, cfg->max_attempts, cfg->public_url[0] != 0);
	return MOAT_OK;
}

void notify_stop(void)
{
	struct notify_test *list;

	pthread_mutex_lock(&notify_lock);
	if (!notify_running) {
		pthread_mutex_unlock(&notify_lock);
		return;
	}
	notify_stopping = 1;
	curl_multi_wakeup(notify_multi);
	pthread_mutex_unlock(&notify_lock);
	pthread_join(notify_thread, NULL);
	pthread_mutex_lock(&notify_lock);
	notify_running = 0;
	list = notify_tests_head;
	notify_tests_head = NULL;
	pthread_mutex_unlock(&notify_lock);
	while (list) {
		struct notify_test *t = list;
		list = t->next;
		notify_test_finish(t, MOAT_EBUSY);
	}
	pthread_mutex_lock(&notify_lock);
	curl_multi_cleanup(notify_multi);
	notify_multi = NULL;
	pthread_mutex_unlock(&notify_lock);
	store_close(notify_st);
	notify_st = NULL;
}

int notify_metrics(struct buf *b)
{
	int rc = buf_printf(
	    b,
	    "# HELP moat_notify_deliveries_total Notification attempts by outcome: delivered,"
	    " retried (failed, due again after backoff or Retry-After), dead (gave up or refused),"
	    " refused (a private target, a permanent answer; also counted dead).\n"
	    "# TYPE moat_notify_deliveries_total counter\n"
	    "moat_notify_deliveries_total{outcome=\"delivered\"} %llu\n"
	    "moat_notify_deliveries_total{outcome=\"retried\"} %llu\n"
	    "moat_notify_deliveries_total{outcome=\"dead\"} %llu\n"
	    "moat_notify_deliveries_total{outcome=\"refused\"} %llu\n"
	    "# HELP moat_notify_claimed_total Deliveries the notifier took from the outbox.\n"
	    "# TYPE moat_notify_claimed_total counter\nmoat_notify_claimed_total %llu\n"
	    "# HELP moat_notify_claims_empty_total Claims that found deliveries due but took none"
	    " (their channels had their limit in flight).\n"
	    "# TYPE moat_notify_claims_empty_total counter\nmoat_notify_claims_empty_total %llu\n"
	    "# HELP moat_notify_queue_deliveries Deliveries still to send (pending or failed).\n"
	    "# TYPE moat_notify_queue_deliveries gauge\nmoat_notify_queue_deliveries %lld\n"
	    "# HELP moat_notify_inflight Transfers in flight (at most %d, %d per channel).\n"
	    "# TYPE moat_notify_inflight gauge\nmoat_notify_inflight %lld\n"
	    "# HELP moat_notify_tests_total Test messages sent, and refused at the bound of %d.\n"
	    "# TYPE moat_notify_tests_total counter\n"
	    "moat_notify_tests_total{result=\"sent\"} %llu\n"
	    "moat_notify_tests_total{result=\"busy\"} %llu\n",
	    (unsigned long long)__atomic_load_n(&m_delivered, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_retried, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_dead, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_refused, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_claimed, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_claims_empty, __ATOMIC_RELAXED),
	    (long long)__atomic_load_n(&m_backlog, __ATOMIC_RELAXED), NOTIFY_MAX_INFLIGHT,
	    NOTIFY_PER_CHANNEL, (long long)__atomic_load_n(&m_inflight, __ATOMIC_RELAXED),
	    NOTIFY_MAX_TESTS, (unsigned long long)__atomic_load_n(&m_tests, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_tests_busy, __ATOMIC_RELAXED));

	return rc ? MOAT_ETOOBIG : notify_outbox_metrics(b);
}
