/*
 * ingest.c — the writer thread and its job queue; see ingest.h.
 *
 * The queue is a singly linked FIFO under one mutex (ingest_lock) with a
 * condition the writer sleeps on (at most a second, so maintenance —
 * retention purge, agent pruning — runs even when idle). The writer owns
 * its SQLite connection and every statement on it.
 *
 * Threads: producers (the WebSocket service thread, HTTP workers) append
 * under ingest_lock; the writer thread does everything else. ingest_lock
 * is the last lock in the order: nothing else is locked while it is held,
 * and no callback (a batch's completion, a subscriber, a text waiter) is
 * called under it: the writer detaches what is due under the lock and
 * calls it after letting go (ingest_expire, ingest_text_call,
 * ingest_complete, ingest_agents_tell: the agent-state subscribers, once
 * per commit that changed agents). This file includes no ws_*.h or http*.h (make lint
 * checks it): it knows the store and the event model only.
 */
#include "ingest.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "store.h"
#include "timefmt.h"
#include "xalloc.h"

enum job_kind { JOB_HELLO = 1, JOB_APPLIED, JOB_OFFLINE, JOB_SEEN, JOB_EVENTS };

struct job {
	struct job *next;
	int kind;
	int64_t at; /* wall clock when it happened */
	struct ingest_agent agent;
	int64_t version;
	int ok;
	char error[256];
	/* JOB_EVENTS */
	struct event_batch batch;
	ingest_done_fn done; /* the completion: called once, by the writer */
	void *done_arg;
	int64_t deadline_us; /* monotonic, 0 none: done(MOAT_EIO) if not committed by then */
	int answered;        /* done was called (at the deadline) */
	int failed;          /* the job's own error in the last attempt: skipped */
	struct ingest_result res;
	unsigned char *inserted; /* per event: stored now (not a duplicate) */
	int64_t first_id;        /* row id of the first event stored now */
	int64_t received_ms;     /* the events' received_at */
	char env[48];
};

static pthread_mutex_t ingest_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ingest_cond = PTHREAD_COND_INITIALIZER;
/* the free-text index (schema 006), under ingest_lock: the highest event
 * id committed, the index's mark, how many events are above it, and the
 * searches waiting for it */
struct text_waiter {
	struct text_waiter *next;
	int64_t target;      /* the index must reach this id */
	int64_t deadline_us; /* monotonic: or this time pass */
	void (*cb)(void *arg);
	void *arg;
};
static int64_t ingest_committed_id, ingest_indexed_to, ingest_text_lag;
static struct text_waiter *ingest_text_waiting;
static struct job *ingest_head, *ingest_tail;
static __thread int ingest_lock_mine; /* this thread holds ingest_lock */

static void ingest_lock_take(void)
{
	pthread_mutex_lock(&ingest_lock);
	ingest_lock_mine = 1;
}

static void ingest_lock_give(void)
{
	ingest_lock_mine = 0;
	pthread_mutex_unlock(&ingest_lock);
}

int ingest_lock_held(void)
{
	return ingest_lock_mine;
}
static int64_t ingest_depth, ingest_queued_events;
static int64_t ingest_state_jobs; /* hello, applied, offline, seen queued */
/* subscribers: written on the main thread before the writer starts */
static struct {
	ingest_commit_fn fn;
	void *arg;
} ingest_subs[INGEST_MAX_SUBSCRIBERS];
static int ingest_nsubs;
/* subscribers inside the transaction, likewise */
static struct {
	ingest_tx_fn fn;
	void *arg;
} ingest_tx_subs[INGEST_MAX_SUBSCRIBERS];
static int ingest_ntx_subs;
/* agent-state subscribers, likewise */
static struct {
	ingest_agents_fn fn;
	void *arg;
} ingest_agent_subs[INGEST_MAX_SUBSCRIBERS];
static int ingest_nagent_subs;
static int ingest_stopping, ingest_running;
static pthread_t ingest_thread;
static struct store *ingest_store;
static int ingest_retention_days, ingest_prune_days;
static int64_t ingest_last_prune;
static int ingest_purge_more;         /* the last purge filled its chunk (writer only) */
static struct job *ingest_inhand;     /* the jobs being committed (writer only) */
static int64_t ingest_next_expiry_us; /* the earliest deadline worth a look (writer only) */

/* counters for /metrics (relaxed atomics) */
static uint64_t m_accepted, m_duplicates, m_commits, m_commit_us_sum;
static uint64_t m_seen_coalesced, m_state_refused, m_events_refused;
static const double m_buckets_ms[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
#define M_NB (int)(sizeof m_buckets_ms / sizeof m_buckets_ms[0])
static uint64_t m_commit_hist[M_NB + 1];
#define M_REASONS            16
#define INGEST_COMMIT_EVENTS 4000 /* events per group commit, at most about */
/* jobs per group commit, at most: each is a savepoint, three round trips
 * on PostgreSQL, and a queue of 20,000 agent-state jobs in one
 * transaction took minutes there */
#define INGEST_COMMIT_JOBS 1000
/* The free-text index: events per transaction when the writer is idle
 * (small, so that a batch arriving meanwhile waits little), when a search
 * waits, and how far it may fall behind under sustained load before it is
 * indexed ahead of new batches (back-pressure on ingestion). */
#define INGEST_TEXT_CHUNK   256
#define INGEST_TEXT_WANTED  8000
#define INGEST_TEXT_LAG_MAX 20000
/* events deleted per retention transaction: about as long as a batch */
#define INGEST_PURGE_CHUNK 500
static const char *const m_reason_names[M_REASONS] = {
    "id",        "ts",      "interceptor", "action",  "severity",  "confidence",
    "source_ip", "method",  "endpoint",    "payload", "operation", "location",
    "rule",      "details", "object",      "other"};
static uint64_t m_rejected[M_REASONS];

/* Appends j. A state job is refused (MOAT_EBUSY, j freed) when
 * state_max of them wait already (0: no bound). */
static int ingest_push(struct job *j, int64_t state_max)
{
	j->next = NULL;
	j->at = timefmt_now();
	ingest_lock_take();
	if (j->kind != JOB_EVENTS && state_max && ingest_state_jobs >= state_max) {
		ingest_lock_give();
		free(j);
		return MOAT_EBUSY;
	}
	if (j->kind != JOB_EVENTS)
		ingest_state_jobs++;
	if (ingest_tail)
		ingest_tail->next = j;
	else
		ingest_head = j;
	ingest_tail = j;
	ingest_depth++;
	if (j->kind == JOB_EVENTS)
		ingest_queued_events += (int64_t)j->batch.n;
	pthread_cond_signal(&ingest_cond);
	ingest_lock_give();
	return MOAT_OK;
}

static int ingest_push_state(struct job *j)
{
	int rc = ingest_push(j, INGEST_MAX_STATE_JOBS);

	if (rc)
		__atomic_fetch_add(&m_state_refused, 1, __ATOMIC_RELAXED);
	return rc;
}

int ingest_agent_hello(const struct ingest_agent *a)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->kind = JOB_HELLO;
	j->agent = *a;
	return ingest_push_state(j);
}

static struct job *ingest_agent_job(int kind, int64_t project_id, const char *agent_id)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->kind = kind;
	j->agent.project_id = project_id;
	snprintf(j->agent.agent_id, sizeof j->agent.agent_id, "%s", agent_id);
	return j;
}

int ingest_agent_applied(int64_t project_id, const char *agent_id, int64_t version, int ok,
                         const char *error)
{
	struct job *j = ingest_agent_job(JOB_APPLIED, project_id, agent_id);

	j->version = version;
	j->ok = ok;
	snprintf(j->error, sizeof j->error, "%s", error ? error : "");
	return ingest_push_state(j);
}

void ingest_agent_offline(int64_t project_id, const char *agent_id)
{
	ingest_push(ingest_agent_job(JOB_OFFLINE, project_id, agent_id), 0);
}

void ingest_agent_seen(int64_t project_id, const char *agent_id)
{
	if (ingest_push(ingest_agent_job(JOB_SEEN, project_id, agent_id),
	                INGEST_MAX_STATE_JOBS / 2) != MOAT_OK)
		__atomic_fetch_add(&m_seen_coalesced, 1, __ATOMIC_RELAXED);
}

static struct job *ingest_events_job(int64_t project_id, int64_t env_id, const char *env,
                                     const char *agent_id, struct event_batch *b)
{
	struct job *j = ingest_agent_job(JOB_EVENTS, project_id, agent_id);

	j->agent.env_id = env_id;
	snprintf(j->env, sizeof j->env, "%s", env ? env : "");
	j->inserted = xcalloc(b->n ? b->n : 1, 1);
	j->batch = *b;
	memset(b, 0, sizeof *b);
	return j;
}

int ingest_events_async(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                        struct event_batch *b, int timeout_ms, ingest_done_fn done, void *arg)
{
	struct job *j;

	ingest_lock_take();
	if (ingest_queued_events + (int64_t)b->n > INGEST_MAX_QUEUED_EVENTS && b->n > 0) {
		ingest_lock_give();
		__atomic_fetch_add(&m_events_refused, 1, __ATOMIC_RELAXED);
		return MOAT_EBUSY;
	}
	ingest_lock_give();
	j = ingest_events_job(project_id, env_id, env, agent_id, b);
	j->done = done;
	j->done_arg = arg;
	if (timeout_ms > 0)
		j->deadline_us = timefmt_mono_us() + (int64_t)timeout_ms * 1000;
	ingest_push(j, 0);
	return MOAT_OK;
}

/* The blocking forms (ingest_events_wait, ingest_text_wait) on top of the
 * callbacks: the caller sleeps on a condition until the writer calls back. */
struct sync {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int done, rc;
	struct ingest_result res;
};

static void sync_init(struct sync *y)
{
	memset(y, 0, sizeof *y);
	pthread_mutex_init(&y->lock, NULL);
	pthread_cond_init(&y->cond, NULL);
}

static void sync_signal(struct sync *y, int rc, const struct ingest_result *res)
{
	pthread_mutex_lock(&y->lock);
	y->rc = rc;
	if (res)
		y->res = *res;
	y->done = 1;
	pthread_cond_signal(&y->cond);
	pthread_mutex_unlock(&y->lock);
}

/* Waits for the callback (when waiting is 1), then frees y's primitives. */
static void sync_wait_done(struct sync *y, int waiting)
{
	pthread_mutex_lock(&y->lock);
	while (waiting && !y->done)
		pthread_cond_wait(&y->cond, &y->lock);
	pthread_mutex_unlock(&y->lock);
	pthread_mutex_destroy(&y->lock);
	pthread_cond_destroy(&y->cond);
}

static void ingest_events_sync_done(void *arg, int rc, const struct ingest_commit *c)
{
	sync_signal(arg, rc, c ? &c->res : NULL);
}

int ingest_events_wait(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                       struct event_batch *b, int timeout_ms, struct ingest_result *out)
{
	struct sync y;
	int rc;

	sync_init(&y);
	rc = ingest_events_async(project_id, env_id, env, agent_id, b, timeout_ms,
	                         ingest_events_sync_done, &y);
	/* the writer always answers: at the commit, or at the deadline */
	sync_wait_done(&y, rc == MOAT_OK);
	if (!rc) {
		rc = y.rc;
		*out = y.res;
	}
	return rc;
}

int ingest_subscribe(ingest_commit_fn fn, void *arg)
{
	if (ingest_nsubs == INGEST_MAX_SUBSCRIBERS)
		return MOAT_ETOOBIG;
	ingest_subs[ingest_nsubs].fn = fn;
	ingest_subs[ingest_nsubs].arg = arg;
	ingest_nsubs++;
	return MOAT_OK;
}

int ingest_subscribe_tx(ingest_tx_fn fn, void *arg)
{
	if (ingest_ntx_subs == INGEST_MAX_SUBSCRIBERS)
		return MOAT_ETOOBIG;
	ingest_tx_subs[ingest_ntx_subs].fn = fn;
	ingest_tx_subs[ingest_ntx_subs].arg = arg;
	ingest_ntx_subs++;
	return MOAT_OK;
}

int ingest_subscribe_agents(ingest_agents_fn fn, void *arg)
{
	if (ingest_nagent_subs == INGEST_MAX_SUBSCRIBERS)
		return MOAT_ETOOBIG;
	ingest_agent_subs[ingest_nagent_subs].fn = fn;
	ingest_agent_subs[ingest_nagent_subs].arg = arg;
	ingest_nagent_subs++;
	return MOAT_OK;
}

void ingest_unsubscribe_all(void)
{
	ingest_nsubs = 0;
	ingest_ntx_subs = 0;
	ingest_nagent_subs = 0;
}

/* ---- the measured rate ---- */

#define RATE_SAMPLE_US 500000 /* busy time per sample */

static int64_t ingest_rate_eps;           /* atomic: events per busy second */
static int64_t rate_busy_us, rate_events; /* writer thread: the sample so far */

/* Writer thread: events committed in an iteration that kept it busy_us. */
static void ingest_rate_note(int64_t events, int64_t busy_us)
{
	int64_t sample, old;

	rate_events += events;
	rate_busy_us += busy_us;
	if (rate_busy_us < RATE_SAMPLE_US)
		return;
	sample = rate_events * 1000000 / rate_busy_us;
	old = __atomic_load_n(&ingest_rate_eps, __ATOMIC_RELAXED);
	/* a moving average: a slow second (a checkpoint) moves it a little */
	__atomic_store_n(&ingest_rate_eps, old ? (old * 3 + sample) / 4 : sample, __ATOMIC_RELAXED);
	rate_events = rate_busy_us = 0;
}

int64_t ingest_rate(void)
{
	return __atomic_load_n(&ingest_rate_eps, __ATOMIC_RELAXED);
}

int64_t ingest_backlog(void)
{
	int64_t n;

	ingest_lock_take();
	n = ingest_queued_events;
	ingest_lock_give();
	return n;
}

/* ---- metrics ---- */

void ingest_count_rejected(const struct event_batch *b)
{
	for (size_t i = 0; i < b->nrejected; i++) {
		const char *r = b->rejected[i].reason;
		int k = M_REASONS - 1;
		for (int n = 0; n < M_REASONS - 1; n++) {
			size_t l = strlen(m_reason_names[n]);
			if (!strncmp(r, m_reason_names[n], l) && (r[l] == ':' || r[l] == '.'))
				k = n;
		}
		if (!strncmp(r, "event:", 6))
			k = 14; /* not an object */
		__atomic_fetch_add(&m_rejected[k], 1, __ATOMIC_RELAXED);
	}
}

int ingest_metrics(struct buf *b)
{
	int64_t depth, queued, lag, state;
	uint64_t cum = 0;
	int rc = 0;

	ingest_lock_take();
	depth = ingest_depth;
	queued = ingest_queued_events;
	lag = ingest_text_lag;
	state = ingest_state_jobs;
	ingest_lock_give();
	rc |=
	    buf_printf(b,
	               "# HELP moat_events_accepted_total Events stored.\n"
	               "# TYPE moat_events_accepted_total counter\n"
	               "moat_events_accepted_total %llu\n"
	               "# HELP moat_events_duplicates_total Events already stored (same id).\n"
	               "# TYPE moat_events_duplicates_total counter\n"
	               "moat_events_duplicates_total %llu\n"
	               "# HELP moat_events_rejected_total Events refused at validation, by field.\n"
	               "# TYPE moat_events_rejected_total counter\n",
	               (unsigned long long)__atomic_load_n(&m_accepted, __ATOMIC_RELAXED),
	               (unsigned long long)__atomic_load_n(&m_duplicates, __ATOMIC_RELAXED));
	for (int i = 0; i < M_REASONS; i++)
		rc |= buf_printf(
		    b, "moat_events_rejected_total{reason=\"%s\"} %llu\n", m_reason_names[i],
		    (unsigned long long)__atomic_load_n(&m_rejected[i], __ATOMIC_RELAXED));
	rc |=
	    buf_printf(b,
	               "# HELP moat_ingest_queue_jobs Jobs waiting for the writer.\n"
	               "# TYPE moat_ingest_queue_jobs gauge\nmoat_ingest_queue_jobs %lld\n"
	               "# HELP moat_ingest_queue_events Events waiting for the writer.\n"
	               "# TYPE moat_ingest_queue_events gauge\nmoat_ingest_queue_events %lld\n"
	               "# HELP moat_ingest_queue_state_jobs Agent-state jobs (hello, applied,"
	               " offline, seen) waiting for the writer.\n"
	               "# TYPE moat_ingest_queue_state_jobs gauge\n"
	               "moat_ingest_queue_state_jobs %lld\n"
	               "# HELP moat_ingest_refused_total Work refused at a queue's bound: event"
	               " batches (REST 503, WebSocket kept by its connection), agent-state jobs"
	               " (the connection refused), seen refreshes (coalesced).\n"
	               "# TYPE moat_ingest_refused_total counter\n"
	               "moat_ingest_refused_total{job=\"events\"} %llu\n"
	               "moat_ingest_refused_total{job=\"state\"} %llu\n"
	               "moat_ingest_refused_total{job=\"seen\"} %llu\n"
	               "# HELP moat_ingest_text_index_lag_events Stored events not yet in the"
	               " free-text index.\n"
	               "# TYPE moat_ingest_text_index_lag_events gauge\n"
	               "moat_ingest_text_index_lag_events %lld\n"
	               "# HELP moat_ingest_commit_seconds Writer transaction (group commit) time.\n"
	               "# TYPE moat_ingest_commit_seconds histogram\n",
	               (long long)depth, (long long)queued, (long long)state,
	               (unsigned long long)__atomic_load_n(&m_events_refused, __ATOMIC_RELAXED),
	               (unsigned long long)__atomic_load_n(&m_state_refused, __ATOMIC_RELAXED),
	               (unsigned long long)__atomic_load_n(&m_seen_coalesced, __ATOMIC_RELAXED),
	               (long long)lag);
	for (int i = 0; i <= M_NB; i++) {
		cum += __atomic_load_n(&m_commit_hist[i], __ATOMIC_RELAXED);
		if (i < M_NB)
			rc |= buf_printf(b, "moat_ingest_commit_seconds_bucket{le=\"%g\"} %llu\n",
			                 m_buckets_ms[i] / 1000, (unsigned long long)cum);
		else
			rc |= buf_printf(b, "moat_ingest_commit_seconds_bucket{le=\"+Inf\"} %llu\n",
			                 (unsigned long long)cum);
	}
	rc |= buf_printf(
	    b, "moat_ingest_commit_seconds_sum %.6f\nmoat_ingest_commit_seconds_count %llu\n",
	    (double)__atomic_load_n(&m_commit_us_sum, __ATOMIC_RELAXED) / 1e6,
	    (unsigned long long)__atomic_load_n(&m_commits, __ATOMIC_RELAXED));
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* ---- the writer ---- */

/* What subscribers are told of event job j (borrowed from j). */
static void ingest_commit_of(const struct job *j, struct ingest_commit *c)
{
	c->project_id = j->agent.project_id;
	c->env_id = j->agent.env_id;
	c->env = j->env;
	c->agent_id = j->agent.agent_id;
	c->batch = &j->batch;
	c->inserted = j->inserted;
	c->res = j->res;
	c->received_ms = j->received_ms;
	c->first_id = j->first_id;
}

/* Does the group need the shared write lock (PostgreSQL; store_tx_lock)?
 * Its event inserts and rollups do not: exactly-once comes from the
 * events' unique key, and each rollup row is one atomic upsert. Agent
 * state (a count against the state bound, then a write) and the
 * transaction subscribers (the notifier's outbox hook reads a channel's
 * throttle window, then writes it) are read-then-write: a group with an
 * agent job, or with events while such a subscriber listens, takes the
 * lock before its first rollup or agent write. Set per group by
 * ingest_commit; the writer's own. */
static int ingest_group_lock;

/* Applies one job inside the writer's open transaction; *next_id is the
 * id of the next event stored. */
static int ingest_apply_job(struct job *j, int64_t now_ms, int64_t *next_id)
{
	const struct ingest_agent *a = &j->agent;
	int rc = j->kind != JOB_EVENTS && ingest_group_lock ? store_tx_lock(ingest_store) : 0;

	if (rc)
		return rc;
	switch (j->kind) {
	case JOB_HELLO:
		return store_agent_hello(ingest_store, a->project_id, a->env_id, a->agent_id,
		                         a->hostname, a->runtime, a->agent_version, a->remote,
		                         a->token_id, a->policy_version, j->at);
	case JOB_APPLIED:
		return store_agent_applied(ingest_store, a->project_id, a->agent_id, j->version,
		                           j->ok, j->error, j->at);
	case JOB_OFFLINE:
		return store_agent_offline(ingest_store, a->project_id, a->agent_id, j->at);
	case JOB_SEEN:
		return store_agent_seen(ingest_store, a->project_id, a->agent_id, j->at);
	case JOB_EVENTS:
		j->res.accepted = j->res.duplicates = 0;
		j->first_id = *next_id;
		j->received_ms = now_ms;
		rc = store_event_insert_batch(ingest_store, a->project_id, a->env_id, a->agent_id,
		                              &j->batch, now_ms, next_id, j->inserted);
		if (rc)
			return rc;
		for (size_t i = 0; i < j->batch.n; i++) {
			if (j->inserted[i])
				j->res.accepted++;
			else
				j->res.duplicates++;
		}
		if (ingest_group_lock)
			rc = store_tx_lock(ingest_store);
		if (!rc)
			rc = store_event_rollup_add(ingest_store, a->project_id, a->env_id,
			                            &j->batch, j->inserted);
		if (!rc && ingest_ntx_subs) {
			struct ingest_commit c;
			ingest_commit_of(j, &c);
			for (int i = 0; !rc && i < ingest_ntx_subs; i++)
				rc = ingest_tx_subs[i].fn(ingest_tx_subs[i].arg, ingest_store, &c);
		}
		return rc;
	}
	return MOAT_EINVALID;
}

/* ingest_apply_job under a savepoint: a job that fails leaves nothing of
 * itself in the transaction (not its first inserts without their
 * rollups), and *next_id is put back. */
static int ingest_apply(struct job *j, int64_t now_ms, int64_t *next_id)
{
	int64_t first = *next_id;
	int rc = store_tx_savepoint(ingest_store);

	j->failed = 0;
	if (rc)
		return rc;
	rc = ingest_apply_job(j, now_ms, next_id);
	if (!rc)
		rc = store_tx_release(ingest_store);
	if (rc) {
		store_tx_rollback_to(ingest_store);
		*next_id = first;
		j->failed = rc;
		j->res.accepted = j->res.duplicates = 0;
		if (j->kind == JOB_EVENTS)
			memset(j->inserted, 0, j->batch.n ? j->batch.n : 1);
	}
	return rc;
}

/* The searches waiting for the free-text index whose events are indexed,
 * whose deadline passed, or all of them when the writer stops: detached
 * from the list under ingest_lock, called by ingest_text_call after it is
 * let go. */
static struct text_waiter *ingest_text_fire(int all)
{
	int64_t now = timefmt_mono_us();
	struct text_waiter *due = NULL;

	for (struct text_waiter **pp = &ingest_text_waiting; *pp;) {
		struct text_waiter *w = *pp;
		if (all || ingest_indexed_to >= w->target || now >= w->deadline_us) {
			*pp = w->next;
			w->next = due;
			due = w;
		} else {
			pp = &w->next;
		}
	}
	return due;
}

/* Calls back (and frees) the waiters ingest_text_fire detached. */
static void ingest_text_call(struct text_waiter *due)
{
	assert(!ingest_lock_mine);
	while (due) {
		struct text_waiter *next = due->next;
		due->cb(due->arg);
		free(due);
		due = next;
	}
}

/* While the writer cannot commit: REST callers whose deadline passed (the
 * batch in hand and those queued behind it) are told so (MOAT_EIO): they
 * answer 503, the agent sends the batch again, deduplication keeps it
 * once. Their jobs stay: they are still committed when the database
 * allows. Searches waiting for the index past their deadline go on too.
 * The jobs are detached under the lock and called after it (only the
 * writer frees a job, so they stay valid). */
static void ingest_expire(struct job *batch)
{
	int64_t now = timefmt_mono_us();
	struct job *lists[2] = {batch, NULL};
	struct job **due = NULL;
	size_t n = 0, cap = 0;
	struct text_waiter *texts;

	ingest_lock_take();
	lists[1] = ingest_head;
	for (int l = 0; l < 2; l++)
		for (struct job *j = lists[l]; j; j = j->next)
			if (j->done && !j->answered && j->deadline_us && now >= j->deadline_us) {
				j->answered = 1;
				if (n == cap) {
					cap = cap ? 2 * cap : 16;
					due = xrealloc(due, cap * sizeof *due);
				}
				due[n++] = j;
			}
	texts = ingest_text_fire(0);
	ingest_lock_give();
	for (size_t i = 0; i < n; i++)
		due[i]->done(due[i]->done_arg, MOAT_EIO, NULL);
	free(due);
	ingest_text_call(texts);
}

/* The writer's busy hook: while its connection waits for a lock (another
 * connection writes, or the database refuses writes), deadlines still
 * pass: at most every 100 ms, the waiters past theirs are called back. */
static void ingest_busy(void *arg)
{
	int64_t now = timefmt_mono_us();

	(void)arg;
	if (now < ingest_next_expiry_us)
		return;
	ingest_next_expiry_us = now + 100000;
	ingest_expire(ingest_inhand);
}

/* Commits a batch of jobs; retries until the database takes them.
 * *last_id gets the id of the last event stored (0: none), *received_ms
 * the time stored as the events' received_at. */
static void ingest_commit(struct job *batch, int64_t *last_id, int64_t *received_ms)
{
	int attempt = 0;

	ingest_inhand = batch;
	for (;;) {
		int64_t t0 = timefmt_mono_us(), now_ms = (int64_t)timefmt_now() * 1000;
		/* SQLite: the writer is the only one inserting events, so the next
		 * id is the one after the last it stored (store_event_next_id at
		 * start): ids only grow, even after the newest events were
		 * deleted. PostgreSQL: a block reserved from the shared sequence */
		int64_t first_id = ingest_committed_id + 1, next_id, events = 0;
		int rc = MOAT_OK;
		ingest_group_lock = 0;
		for (struct job *j = batch; j; j = j->next) {
			if (j->kind != JOB_EVENTS) {
				ingest_group_lock = 1;
				continue;
			}
			events += (int64_t)j->batch.n;
			ingest_group_lock |= ingest_ntx_subs > 0;
			/* PostgreSQL: the months' partitions, outside the transaction */
			if (!rc)
				rc = store_event_prepare(ingest_store, &j->batch, now_ms);
		}
		/* PostgreSQL: ids from the sequence every moatd shares */
		if (!rc && events)
			rc = store_event_reserve_ids(ingest_store, events, &first_id);
		next_id = first_id;
		if (!rc)
			rc = store_tx_begin_events(ingest_store);
		for (struct job *j = batch; !rc && j; j = j->next) {
			int jrc = ingest_apply(j, now_ms, &next_id);
			/* a job that is wrong on its own (its project was deleted) is
			 * skipped, not allowed to block the ones behind it */
			if (jrc == MOAT_EBUSY || jrc == MOAT_EDB)
				rc = jrc;
		}
		if (!rc)
			rc = store_tx_commit(ingest_store);
		else
			store_tx_rollback(ingest_store);
		if (!rc) {
			int64_t us = timefmt_mono_us() - t0;
			*last_id = next_id > first_id ? next_id - 1 : 0;
			*received_ms = now_ms;
			int b = 0;
			while (b < M_NB && (double)us / 1000.0 > m_buckets_ms[b])
				b++;
			__atomic_fetch_add(&m_commit_hist[b], 1, __ATOMIC_RELAXED);
			__atomic_fetch_add(&m_commit_us_sum, (uint64_t)us, __ATOMIC_RELAXED);
			__atomic_fetch_add(&m_commits, 1, __ATOMIC_RELAXED);
			ingest_inhand = NULL;
			return;
		}
		attempt++;
		ingest_expire(batch);
		ingest_next_expiry_us = 0;
		LOG(attempt > 5 ? LOG_ERROR : LOG_WARN,
		    "msg=\"writer commit failed; retrying\" attempt=%d error=%d", attempt, rc);
		usleep(attempt < 10 ? 10000u * (unsigned)attempt : 100000u);
	}
}

/* After the commit, with no lock held: the batch's completion (the ack
 * or the REST answer), then every subscriber, in registration order. */
static void ingest_complete(struct job *j, int64_t received_ms)
{
	struct ingest_commit c;

	assert(!ingest_lock_mine);
	if (j->kind != JOB_EVENTS)
		return;
	if (j->failed) {
		/* skipped on its own error (its project was deleted, a
		 * constraint): nothing of it was stored, no subscriber hears */
		LOG(LOG_WARN, "msg=\"event batch skipped\" project_id=%lld events=%zu error=%d",
		    (long long)j->agent.project_id, j->batch.n, j->failed);
		if (j->done && !j->answered) {
			j->answered = 1;
			j->done(j->done_arg, j->failed, NULL);
		}
		return;
	}
	__atomic_fetch_add(&m_accepted, (uint64_t)j->res.accepted, __ATOMIC_RELAXED);
	__atomic_fetch_add(&m_duplicates, (uint64_t)j->res.duplicates, __ATOMIC_RELAXED);
	ingest_commit_of(j, &c);
	c.received_ms = received_ms;
	if (j->done && !j->answered) {
		j->answered = 1;
		j->done(j->done_arg, MOAT_OK, &c);
	}
	for (int i = 0; i < ingest_nsubs; i++)
		ingest_subs[i].fn(ingest_subs[i].arg, &c);
}

/* After the commit, with no lock held: tells the agent-state subscribers
 * what the commit's state jobs (at most `state` of them) changed. */
static void ingest_agents_tell(const struct job *batch, int64_t state)
{
	struct ingest_agent_change *ch;
	size_t n = 0;

	assert(!ingest_lock_mine);
	if (!ingest_nagent_subs || state <= 0)
		return;
	ch = xmalloc((size_t)state * sizeof *ch);
	for (const struct job *j = batch; j; j = j->next) {
		if (j->failed ||
		    (j->kind != JOB_HELLO && j->kind != JOB_APPLIED && j->kind != JOB_OFFLINE))
			continue;
		assert(n < (size_t)state);
		ch[n].kind = j->kind == JOB_HELLO     ? INGEST_AGENT_CONNECTED
		             : j->kind == JOB_APPLIED ? INGEST_AGENT_APPLIED
		                                      : INGEST_AGENT_DISCONNECTED;
		ch[n].project_id = j->agent.project_id;
		ch[n].agent_id = j->agent.agent_id;
		ch[n].version = j->kind == JOB_HELLO ? j->agent.policy_version : j->version;
		ch[n].ok = j->ok;
		n++;
	}
	for (int i = 0; n && i < ingest_nagent_subs; i++)
		ingest_agent_subs[i].fn(ingest_agent_subs[i].arg, ch, n);
	free(ch);
}

/* Indexes the next events for free-text search (own transaction) and wakes
 * the searches waiting for them. */
static void ingest_index_text(int64_t lag, int wanted)
{
	int64_t n = 0, to = 0;
	int limit = wanted ? INGEST_TEXT_WANTED : INGEST_TEXT_CHUNK;
	struct text_waiter *due;

	if (lag > INGEST_TEXT_LAG_MAX) /* keep up with sustained load */
		limit = (int)(lag - INGEST_TEXT_LAG_MAX < INGEST_COMMIT_EVENTS
		                  ? lag - INGEST_TEXT_LAG_MAX + INGEST_TEXT_CHUNK
		                  : 2 * INGEST_COMMIT_EVENTS);
	if (store_event_index_text(ingest_store, limit, &n, &to) != MOAT_OK) {
		usleep(10000); /* logged by the store; tried again next round */
		return;
	}
	store_idle(ingest_store);
	ingest_lock_take();
	if (n > 0) {
		ingest_indexed_to = to;
		ingest_text_lag = ingest_text_lag > n ? ingest_text_lag - n : 0;
	} else {
		/* nothing above the mark: what was counted was deleted since */
		ingest_text_lag = 0;
		if (ingest_indexed_to < ingest_committed_id)
			ingest_indexed_to = ingest_committed_id;
	}
	due = ingest_text_fire(0);
	ingest_lock_give();
	ingest_text_call(due);
}

int ingest_text_fresh(void)
{
	int fresh;

	ingest_lock_take();
	fresh = !ingest_running || ingest_indexed_to >= ingest_committed_id;
	ingest_lock_give();
	return fresh;
}

int ingest_text_wait_async(int timeout_ms, void (*cb)(void *arg), void *arg)
{
	struct text_waiter *w;

	ingest_lock_take();
	if (!ingest_running || ingest_indexed_to >= ingest_committed_id) {
		ingest_lock_give();
		return 0;
	}
	w = xcalloc(1, sizeof *w);
	w->target = ingest_committed_id;
	w->deadline_us = timefmt_mono_us() + (int64_t)timeout_ms * 1000;
	w->cb = cb;
	w->arg = arg;
	w->next = ingest_text_waiting;
	ingest_text_waiting = w;
	pthread_cond_signal(&ingest_cond); /* the writer indexes at once */
	ingest_lock_give();
	return 1;
}

static void ingest_text_sync_done(void *arg)
{
	sync_signal(arg, MOAT_OK, NULL);
}

int ingest_text_wait(int timeout_ms)
{
	struct sync y;

	sync_init(&y);
	sync_wait_done(&y, ingest_text_wait_async(timeout_ms, ingest_text_sync_done, &y));
	return ingest_text_fresh() ? MOAT_OK : MOAT_EIO;
}

/* Retention and pruning, a little at a time so ingestion never waits
 * behind a long delete: once a second, and again at once while the
 * writer is idle and the last purge found a whole chunk to delete. */
static void ingest_maintain(int64_t *last, int idle)
{
	int64_t now = timefmt_now(), n = 0;

	if (now - *last < 1 && !(idle && ingest_purge_more))
		return;
	*last = now;
	ingest_purge_more = 0;
	/* each pass is claimed (store_job_try): of several moatd on one
	 * database, one runs it at a time, the others skip it */
	if (ingest_retention_days > 0 && store_job_try(ingest_store, STORE_JOB_RETENTION) == 1) {
		int64_t cutoff_ms = (now - (int64_t)ingest_retention_days * 86400) * 1000;
		if (store_event_purge(ingest_store, cutoff_ms, INGEST_PURGE_CHUNK, &n) == MOAT_OK &&
		    n > 0) {
			ingest_purge_more = n >= INGEST_PURGE_CHUNK;
			LOG(LOG_DEBUG, "msg=\"retention purge\" events=%lld", (long long)n);
		}
		store_job_done(ingest_store, STORE_JOB_RETENTION);
	}
	if (ingest_prune_days > 0 && now - ingest_last_prune >= 60 &&
	    store_job_try(ingest_store, STORE_JOB_AGENT_PRUNE) == 1) {
		ingest_last_prune = now;
		if (store_agent_prune(ingest_store, (int64_t)ingest_prune_days * 86400, &n) ==
		        MOAT_OK &&
		    n > 0)
			LOG(LOG_INFO, "msg=\"pruned offline agents\" agents=%lld", (long long)n);
		store_job_done(ingest_store, STORE_JOB_AGENT_PRUNE);
	}
	store_idle(ingest_store);
}

static void *ingest_main(void *arg)
{
	int64_t last_maint = 0;

	(void)arg;
	for (;;) {
		struct job *batch;
		int64_t n = 0, events = 0, state = 0, last_id = 0, received_ms = 0, lag, t_busy;
		struct text_waiter *due = NULL;
		int idle, wanted;

		ingest_lock_take();
		while (!ingest_head && !ingest_stopping && !ingest_text_lag && !ingest_purge_more) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += 1;
			if (pthread_cond_timedwait(&ingest_cond, &ingest_lock, &until) != 0)
				break;
		}
		/* one transaction takes the waiting jobs up to about
		 * INGEST_COMMIT_EVENTS events: big enough to amortise the commit,
		 * small enough that the first batches are not acknowledged only
		 * after a huge backlog is written */
		batch = ingest_head;
		{
			struct job *last = NULL;
			for (struct job *j = batch; j; j = j->next) {
				if (last &&
				    (events >= INGEST_COMMIT_EVENTS || n >= INGEST_COMMIT_JOBS))
					break;
				n++;
				if (j->kind == JOB_EVENTS)
					events += (int64_t)j->batch.n;
				else
					state++;
				last = j;
			}
			if (last) {
				ingest_head = last->next;
				if (!ingest_head)
					ingest_tail = NULL;
				last->next = NULL;
			}
		}
		ingest_lock_give();
		if (!batch && ingest_stopping)
			break;
		t_busy = timefmt_mono_us();
		if (batch) {
			ingest_commit(batch, &last_id, &received_ms);
			store_idle(ingest_store);
		}
		ingest_lock_take();
		ingest_depth -= n;
		ingest_queued_events -= events;
		ingest_state_jobs -= state;
		if (last_id) {
			ingest_text_lag += last_id - ingest_committed_id;
			ingest_committed_id = last_id;
		}
		idle = ingest_head == NULL;
		wanted = ingest_text_waiting != NULL;
		if (wanted)
			due = ingest_text_fire(0); /* deadlines */
		lag = ingest_text_lag;
		ingest_lock_give();
		ingest_text_call(due);
		ingest_agents_tell(batch, state);
		while (batch) {
			struct job *next = batch->next;
			ingest_complete(batch, received_ms);
			event_batch_free(&batch->batch);
			free(batch->inserted);
			free(batch);
			batch = next;
		}
		/* the free-text index follows the acks: when nothing else waits,
		 * when a search waits for it, or when it is too far behind */
		if (lag > 0 && (idle || wanted || lag > INGEST_TEXT_LAG_MAX))
			ingest_index_text(lag, wanted);
		ingest_maintain(&last_maint, idle);
		if (n > 0 || lag > 0) /* an idle wake-up is not work */
			ingest_rate_note(events, timefmt_mono_us() - t_busy);
	}
	return NULL;
}

int ingest_start(const char *db_path, int retention_days, int agent_prune_days)
{
	int64_t next_id = 0;
	int rc = store_open(db_path, &ingest_store);

	if (!rc) {
		store_set_busy_hook(ingest_store, ingest_busy, NULL);
		rc = store_event_text_state(ingest_store, &ingest_indexed_to, &ingest_text_lag);
	}
	if (!rc)
		rc = store_event_next_id(ingest_store, &next_id);
	store_idle(ingest_store);
	if (rc) {
		store_close(ingest_store);
		ingest_store = NULL;
		return rc;
	}
	ingest_committed_id = next_id - 1; /* before any other thread runs */
	ingest_retention_days = retention_days;
	ingest_prune_days = agent_prune_days;
	ingest_stopping = 0;
	if (pthread_create(&ingest_thread, NULL, ingest_main, NULL) != 0) {
		store_close(ingest_store);
		ingest_store = NULL;
		return MOAT_EIO;
	}
	ingest_lock_take();
	ingest_running = 1;
	ingest_lock_give();
	return MOAT_OK;
}

void ingest_stop(void)
{
	struct text_waiter *due;

	if (!ingest_running)
		return;
	ingest_lock_take();
	ingest_stopping = 1;
	pthread_cond_signal(&ingest_cond);
	ingest_lock_give();
	pthread_join(ingest_thread, NULL);
	ingest_lock_take();
	ingest_running = 0;
	due = ingest_text_fire(1); /* searches waiting go on */
	ingest_lock_give();
	ingest_text_call(due);
	store_close(ingest_store);
	ingest_store = NULL;
}
