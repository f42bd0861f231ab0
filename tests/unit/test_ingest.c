/*
 * Unit tests for the writer thread (ingest.c) on a real temporary
 * database: what it tells the batches' completions and its subscribers,
 * in which order, and that no callback of it runs while its lock is held
 * (each callback records ingest_lock_held() on the writer thread; the test
 * thread asserts afterwards, cmocka's asserts being for the test thread).
 * Each runs on SQLite, then on PostgreSQL (MOAT_TEST_PG, scripts/pgtest.sh;
 * issue 13), but one: see main().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "err.h"
#include "event.h"
#include "ingest.h"
#include "schema.h"
#include "store.h"
#include "timefmt.h"
#include "unit_db.h"

#define WAIT_MS 30000 /* for anything that should happen at once */

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *st;
	struct db *db; /* a plain second connection: counts, and the write lock */
	struct actor a;
	struct store_project p;
	struct store_env prod;
};

static time_t batch_t0; /* the time of every batch_make of a test */

static int setup_on(struct fixture *f, void **state)
{
	char msg[256];

	batch_t0 = 0;
	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	assert_int_equal(db_open(f->t.target, &f->db, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), 0);
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &f->prod), 0);
	store_idle(f->st);
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

	db_close(f->db);
	store_close(f->st);
	unit_fixture_free(f);
	return 0;
}

static int64_t db_count(struct db *db, const char *sql)
{
	struct db_stmt *s = db_prepare(db, sql);
	int64_t n = -1;

	assert_non_null(s);
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_idle(db);
	return n;
}

static int64_t sql_count(struct fixture *f, const char *sql)
{
	return db_count(f->db, sql);
}

/* sql_count for a text built in a buffer (db.h caches statements by the
 * address of their text): on a connection of its own. */
static int64_t sql_count_built(struct fixture *f, const char *sql)
{
	struct db *db = NULL;
	char msg[200];
	int64_t n;

	assert_int_equal(db_open(f->t.target, &db, msg, sizeof msg), MOAT_OK);
	n = db_count(db, sql);
	db_close(db);
	return n;
}

/* The database refuses the writer's writes from now on (until
 * writes_again): SQLite's BEGIN IMMEDIATE; on PostgreSQL, whose writer
 * takes no lock for events alone, the shared write lock (agent state)
 * and the events table locked. 0 or a moat_err. */
static int writes_refused(struct db *db)
{
	if (db_engine(db) == DB_SQLITE)
		return db_begin(db);
	return db_exec(db,
	               "BEGIN; SELECT pg_advisory_xact_lock(1836019828);"
	               " LOCK TABLE events IN ACCESS EXCLUSIVE MODE",
	               NULL, 0);
}

static void writes_again(struct db *db)
{
	db_rollback(db);
}

/* A batch of n valid events with uids first .. first + n - 1, at time t
 * (seconds). */
static void batch_make_at(struct event_batch *b, int first, int n, time_t t)
{
	json_t *arr = json_array();
	char uid[40], ts[TIMEFMT_LEN], err[120];

	timefmt_rfc3339(t, ts);
	for (int i = 0; i < n; i++) {
		snprintf(uid, sizeof uid, "00000000-0000-4000-8000-%012d", first + i);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "id", uid,
		                                     "ts", ts, "interceptor", "sql_injection",
		                                     "action", "blocked", "severity", "high",
		                                     "payload", "x' OR 1=1"));
	}
	assert_int_equal(event_batch_parse(arr, timefmt_now() * 1000, b, err, sizeof err), MOAT_OK);
	assert_int_equal(b->n, (size_t)n);
	json_decref(arr);
}

static void batch_make(struct event_batch *b, int first, int n)
{
	if (!batch_t0)
		batch_t0 = timefmt_now();
	batch_make_at(b, first, n, batch_t0);
}

/* ---- a one-shot flag the writer sets and the test thread waits on ---- */

struct flag {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int set;
	int rc;
	int lock_held;      /* ingest_lock_held() in the callback */
	struct db *lock_db; /* when set: writes_refused on it in the callback */
};

static void flag_init(struct flag *g)
{
	memset(g, 0, sizeof *g);
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->cond, NULL);
}

static void flag_raise(struct flag *g, int rc)
{
	pthread_mutex_lock(&g->lock);
	g->rc = rc;
	g->lock_held |= ingest_lock_held();
	g->set = 1;
	pthread_cond_signal(&g->cond);
	pthread_mutex_unlock(&g->lock);
}

/* 1 when raised within ms. */
static int flag_wait(struct flag *g, int ms)
{
	struct timespec until;
	int set;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&g->lock);
	while (!g->set && pthread_cond_timedwait(&g->cond, &g->lock, &until) == 0)
		;
	set = g->set;
	pthread_mutex_unlock(&g->lock);
	return set;
}

static void done_flag(void *arg, int rc, const struct ingest_commit *c)
{
	struct flag *g = arg;

	(void)c;
	if (g->lock_db && rc == MOAT_OK) /* the database refuses writes from now on */
		rc = writes_refused(g->lock_db) == MOAT_OK ? rc : -1000;
	flag_raise(g, rc);
}

static void text_flag(void *arg)
{
	flag_raise(arg, 0);
}

/* ---- a subscriber that records what it is told ---- */

struct seen {
	pthread_mutex_t lock;
	int n;           /* commits told */
	int lock_held;   /* ingest_lock_held() in any call */
	int before_done; /* told before the batch's completion ran */
	int64_t accepted, duplicates;
	int64_t first_uid[64]; /* per commit: the number in its first event's uid */
	int64_t inserted;      /* events flagged newly stored */
};

static void seen_commit(void *arg, const struct ingest_commit *c)
{
	struct seen *s = arg;

	pthread_mutex_lock(&s->lock);
	s->lock_held |= ingest_lock_held();
	if (s->n < 64)
		s->first_uid[s->n] = c->batch->n ? atoll(c->batch->ev[0].uid + 24) : -1;
	s->n++;
	s->accepted += c->res.accepted;
	s->duplicates += c->res.duplicates;
	for (size_t i = 0; i < c->batch->n; i++)
		s->inserted += c->inserted[i];
	pthread_mutex_unlock(&s->lock);
}

/* the batch's completion: records that the subscribers had not run yet */
struct order {
	struct seen *s;
	struct flag g;
};

static void done_order(void *arg, int rc, const struct ingest_commit *c)
{
	struct order *o = arg;
	int n;

	pthread_mutex_lock(&o->s->lock);
	n = o->s->n;
	pthread_mutex_unlock(&o->s->lock);
	(void)c;
	if (n != o->g.rc) /* o->g.rc: how many commits came before this one */
		o->s->before_done = 1;
	flag_raise(&o->g, rc);
}

/* ---- tests ---- */

/* Two subscribers registered before the writer starts are each told of
 * every committed batch, in commit order, after the batch's own
 * completion and with no writer lock held; duplicates are reported as
 * such (not flagged inserted). */
static void every_subscriber_is_told_of_every_commit_in_order(void **state)
{
	struct fixture *f = *state;
	struct seen a, b;
	struct order o[20];

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	pthread_mutex_init(&a.lock, NULL);
	pthread_mutex_init(&b.lock, NULL);
	assert_int_equal(ingest_subscribe(seen_commit, &a), MOAT_OK);
	assert_int_equal(ingest_subscribe(seen_commit, &b), MOAT_OK);
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	for (int i = 0; i < 20; i++) {
		struct event_batch batch;
		/* batch i: uids 10i .. 10i+9, the odd ones resend the even one's */
		batch_make(&batch, (i & ~1) * 10, 10);
		o[i].s = &a;
		flag_init(&o[i].g);
		o[i].g.rc = i;
		assert_int_equal(ingest_events_async(f->p.id, f->prod.id, "production", "a1",
		                                     &batch, 0, done_order, &o[i]),
		                 MOAT_OK);
		event_batch_free(&batch);
	}
	for (int i = 0; i < 20; i++) {
		assert_true(flag_wait(&o[i].g, WAIT_MS));
		assert_int_equal(o[i].g.rc, MOAT_OK);
	}
	ingest_stop();
	ingest_unsubscribe_all();
	for (struct seen *s = &a; s; s = s == &a ? &b : NULL) {
		assert_int_equal(s->n, 20);
		assert_int_equal(s->lock_held, 0);
		assert_int_equal(s->before_done, 0);
		assert_int_equal(s->accepted, 100);
		assert_int_equal(s->duplicates, 100);
		assert_int_equal(s->inserted, 100);
		for (int i = 0; i < 20; i++)
			assert_int_equal(s->first_uid[i], (i & ~1) * 10);
	}
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 100);
}

/* A REST batch whose deadline passes while the database refuses writes is
 * answered (MOAT_EIO), from the writer's retry loop, with no writer lock
 * held; once the database takes writes again it is stored all the same. */
static void a_deadline_answer_runs_with_no_writer_lock_held(void **state)
{
	struct fixture *f = *state;
	struct event_batch b;
	struct flag g;

	flag_init(&g);
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(writes_refused(f->db), MOAT_OK);
	batch_make(&b, 1, 10);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b, 200, done_flag, &g),
	    MOAT_OK);
	assert_true(flag_wait(&g, WAIT_MS));
	assert_int_equal(g.rc, MOAT_EIO);
	assert_int_equal(g.lock_held, 0);
	writes_again(f->db);
	ingest_stop();
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 10);
}

/* A search waiting for the free-text index is called back by its deadline
 * even while the database refuses writes and the writer is retrying a
 * commit (else it would keep its HTTP request suspended past the shutdown
 * drain), and the callback runs with no writer lock held. */
static void a_text_wait_ends_at_its_deadline_while_the_database_refuses_writes(void **state)
{
	struct fixture *f = *state;
	struct event_batch b;
	struct flag first, second, text;

	flag_init(&first);
	flag_init(&second);
	flag_init(&text);
	first.lock_db = f->db; /* committed, not yet indexed: then the lock */
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	batch_make(&b, 1, 10);
	assert_int_equal(ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b, 60000,
	                                     done_flag, &first),
	                 MOAT_OK);
	assert_true(flag_wait(&first, WAIT_MS));
	assert_int_equal(first.rc, MOAT_OK);
	assert_false(ingest_text_fresh());
	/* a batch the writer cannot commit, then a search */
	batch_make(&b, 100, 10);
	assert_int_equal(ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b, 60000,
	                                     done_flag, &second),
	                 MOAT_OK);
	assert_int_equal(ingest_text_wait_async(300, text_flag, &text), 1);
	/* by its deadline, give or take a busy wait's step: not after the
	 * writer's next 5 s attempt */
	assert_true(flag_wait(&text, 3000));
	assert_int_equal(text.lock_held, 0);
	assert_false(second.set); /* still not committed */
	writes_again(f->db);
	assert_true(flag_wait(&second, WAIT_MS));
	assert_int_equal(second.rc, MOAT_OK);
	ingest_stop();
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 20);
}

/* A job that fails after its first insert (here a trigger refuses the
 * batch's second event, as a constraint would) leaves nothing of itself:
 * its earlier inserts are rolled back with it (a SAVEPOINT per job), so a
 * rollup still equals its events, and the jobs beside it in the same
 * group commit are stored. Its completion is told the error. */
static void a_job_that_fails_midway_leaves_nothing_of_itself(void **state)
{
	struct fixture *f = *state;
	struct event_batch good1, bad, good2;
	struct flag g1, gb, g2;

	flag_init(&g1);
	flag_init(&gb);
	flag_init(&g2);
	static const struct db_sql refuse = {
	    "CREATE TRIGGER refuse_one BEFORE INSERT ON events"
	    " WHEN NEW.event_uid = '00000000-0000-4000-8000-000000000101'"
	    " BEGIN SELECT RAISE(ABORT, 'refused'); END",
	    "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	    " IF NEW.event_uid = '00000000-0000-4000-8000-000000000101' THEN"
	    " RAISE EXCEPTION 'refused' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$;"
	    " CREATE TRIGGER refuse_one BEFORE INSERT ON events FOR EACH ROW"
	    " EXECUTE FUNCTION refuse_one()"};

	assert_int_equal(db_exec(f->db, db_text(f->db, &refuse), NULL, 0), MOAT_OK);
	batch_make(&good1, 1, 5);
	batch_make(&bad, 100, 5); /* 100 is stored, then 101 fails */
	batch_make(&good2, 200, 5);
	/* queued before the writer starts: one group commit takes all three */
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(writes_refused(f->db), MOAT_OK);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &good1, 0, done_flag, &g1),
	    MOAT_OK);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &bad, 0, done_flag, &gb),
	    MOAT_OK);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &good2, 0, done_flag, &g2),
	    MOAT_OK);
	writes_again(f->db);
	assert_true(flag_wait(&g1, WAIT_MS));
	assert_true(flag_wait(&gb, WAIT_MS));
	assert_true(flag_wait(&g2, WAIT_MS));
	ingest_stop();
	assert_int_equal(g1.rc, MOAT_OK);
	assert_int_equal(g2.rc, MOAT_OK);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 10);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events WHERE event_uid LIKE '%00010_'"),
	                 0);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts"), 10);
	assert_int_not_equal(gb.rc, MOAT_OK);
}

/* A gauge or counter from ingest_metrics (-1 when absent). */
static int64_t metric(const char *name)
{
	struct buf b;
	const char *p;
	int64_t v = -1;

	buf_init(&b, 1u << 20);
	assert_int_equal(ingest_metrics(&b), MOAT_OK);
	p = b.data ? strstr(b.data, name) : NULL;
	while (p && (p > b.data && p[-1] != '\n'))
		p = strstr(p + 1, name);
	if (p)
		v = atoll(p + strlen(name));
	buf_cleanup(&b);
	return v;
}

/* While the writer cannot commit, "seen" refreshes (one per agent per
 * minute) stop queueing at half the agent-state bound: they carry only a
 * time that the next one refreshes (coalesced, counted). */
static void seen_refreshes_stop_queueing_at_half_the_state_bound(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(writes_refused(f->db), MOAT_OK);
	for (int i = 0; i < 15000; i++)
		ingest_agent_seen(f->p.id, "agent-1");
	assert_true(metric("moat_ingest_queue_jobs ") <= 10000);
	assert_true(metric("moat_ingest_refused_total{job=\"seen\"} ") >= 5000);
	writes_again(f->db);
	ingest_stop();
}

/* At the agent-state bound, hello and applied are refused (MOAT_EBUSY:
 * the connection is closed with 1011 and the agent comes back; its next
 * hello carries the version it enforces); offline, one per hello taken,
 * is always queued. */
static void hello_and_applied_are_refused_at_the_state_bound(void **state)
{
	struct fixture *f = *state;
	struct ingest_agent a;
	int64_t before;
	int refused = 0;

	memset(&a, 0, sizeof a);
	a.project_id = f->p.id;
	a.env_id = f->prod.id;
	snprintf(a.agent_id, sizeof a.agent_id, "agent-1");
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(writes_refused(f->db), MOAT_OK);
	before = metric("moat_ingest_refused_total{job=\"state\"} ");
	for (int i = 0; i < INGEST_MAX_STATE_JOBS + 10; i++)
		refused += ingest_agent_hello(&a) == MOAT_EBUSY;
	assert_int_equal(refused, 10);
	assert_int_equal(ingest_agent_applied(f->p.id, "agent-1", 1, 1, NULL), MOAT_EBUSY);
	ingest_agent_offline(f->p.id, "agent-1"); /* queued all the same */
	assert_int_equal(metric("moat_ingest_queue_state_jobs "), INGEST_MAX_STATE_JOBS + 1);
	assert_int_equal(metric("moat_ingest_refused_total{job=\"state\"} ") - before, 11);
	writes_again(f->db);
	ingest_stop();
	assert_int_equal(sql_count(f, "SELECT count(*) FROM agents"), 1);
}

/* ---- the agent-state subscribers ---- */

struct agentsub {
	pthread_mutex_t lock;
	int calls, lock_held, n;
	int kind[16];
	char agent[16][16];
	int64_t version[16];
	int ok[16];
	int64_t committed; /* agent-2 rows another connection saw in the call */
	const char *path;
};

static void agents_seen(void *arg, const struct ingest_agent_change *ch, size_t n)
{
	struct agentsub *a = arg;
	struct db *db = NULL;
	char msg[200];

	pthread_mutex_lock(&a->lock);
	a->calls++;
	a->lock_held |= ingest_lock_held();
	for (size_t i = 0; i < n && a->n < 16; i++, a->n++) {
		a->kind[a->n] = ch[i].kind;
		snprintf(a->agent[a->n], sizeof a->agent[0], "%s", ch[i].agent_id);
		a->version[a->n] = ch[i].version;
		a->ok[a->n] = ch[i].ok;
	}
	if (db_open(a->path, &db, msg, sizeof msg) == MOAT_OK) {
		struct db_stmt *s =
		    db_prepare(db, "SELECT count(*) FROM agents WHERE agent_id = 'agent-2'");
		if (s && db_step(s) == DB_ROW)
			a->committed = db_column_int64(s, 0);
		db_idle(db);
	}
	db_close(db);
	pthread_mutex_unlock(&a->lock);
}

/* The agent-state subscriber hears, after the commit and with no writer
 * lock held, every hello, applied and offline in order; not the last-seen
 * refreshes, nor a job that failed on its own (an unknown project). */
static void agent_state_subscribers_hear_each_committed_change_in_order(void **state)
{
	struct fixture *f = *state;
	struct ingest_agent h1, h2, bad;
	struct agentsub a;
	static const int kinds[] = {INGEST_AGENT_CONNECTED, INGEST_AGENT_APPLIED,
	                            INGEST_AGENT_CONNECTED, INGEST_AGENT_DISCONNECTED};
	static const char *const agents[] = {"agent-1", "agent-1", "agent-2", "agent-1"};
	static const int64_t versions[] = {3, 1, 0};

	memset(&a, 0, sizeof a);
	pthread_mutex_init(&a.lock, NULL);
	a.path = f->t.target;
	memset(&h1, 0, sizeof h1);
	h1.project_id = f->p.id;
	h1.env_id = f->prod.id;
	h1.policy_version = 3;
	snprintf(h1.agent_id, sizeof h1.agent_id, "agent-1");
	h2 = h1;
	h2.policy_version = 0;
	snprintf(h2.agent_id, sizeof h2.agent_id, "agent-2");
	bad = h1;
	bad.project_id = 9999;
	assert_int_equal(ingest_subscribe_agents(agents_seen, &a), MOAT_OK);
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	/* held back, so that most of them share a commit */
	assert_int_equal(writes_refused(f->db), MOAT_OK);
	assert_int_equal(ingest_agent_hello(&h1), MOAT_OK);
	ingest_agent_seen(f->p.id, "agent-1");
	assert_int_equal(ingest_agent_applied(f->p.id, "agent-1", 1, 1, NULL), MOAT_OK);
	assert_int_equal(ingest_agent_hello(&bad), MOAT_OK);
	assert_int_equal(ingest_agent_hello(&h2), MOAT_OK);
	ingest_agent_offline(f->p.id, "agent-1");
	writes_again(f->db);
	ingest_stop();
	ingest_unsubscribe_all();
	assert_int_equal(a.lock_held, 0);
	assert_true(a.calls >= 1 && a.calls <= 2);
	assert_int_equal(a.n, 4);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(a.kind[i], kinds[i]);
		assert_string_equal(a.agent[i], agents[i]);
		if (i < 3)
			assert_int_equal(a.version[i], versions[i]);
	}
	assert_int_equal(a.ok[1], 1);
	assert_int_equal(a.committed, 1); /* the rows were there to read */
}

/* ---- a subscriber inside the transaction ---- */

struct txsub {
	int calls;
	int fail;         /* answer this error instead of writing */
	int64_t first_id; /* of the last call */
	int64_t stored;   /* events flagged stored, over all calls */
};

/* Writes one audit row per stored event (target: its row id) through the
 * writer's own connection, inside its transaction. */
static int tx_note(void *arg, struct store *st, const struct ingest_commit *c)
{
	struct txsub *t = arg;
	int64_t id;
	char target[32];
	struct actor a = {.type = ACTOR_SYSTEM};

	t->calls++;
	if (t->fail)
		return t->fail;
	assert_true(ingest_lock_held() == 0);
	t->first_id = c->first_id;
	id = c->first_id;
	for (size_t i = 0; i < c->batch->n; i++) {
		if (!c->inserted[i])
			continue;
		t->stored++;
		snprintf(target, sizeof target, "%lld", (long long)id++);
		snprintf(a.label, sizeof a.label, "writer");
		if (store_audit_add(st, &a, "test.note", target, NULL, NULL) != MOAT_OK)
			return MOAT_EDB;
	}
	return MOAT_OK;
}

/* What a subscriber inside the transaction writes commits with the events
 * (the outbox of notifications): it is told the row ids of the events
 * stored now (duplicates skipped), and when it fails, the batch fails with
 * it and nothing of the batch is stored. */
static void a_transaction_subscriber_writes_in_the_commit_of_the_events(void **state)
{
	struct fixture *f = *state;
	struct event_batch b1, b2, b3;
	struct flag g1, g2, g3;
	struct txsub t = {0};

	assert_int_equal(ingest_subscribe_tx(tx_note, &t), MOAT_OK);
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	flag_init(&g1);
	flag_init(&g2);
	flag_init(&g3);
	batch_make(&b1, 1, 5);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b1, 0, done_flag, &g1),
	    MOAT_OK);
	assert_true(flag_wait(&g1, WAIT_MS));
	batch_make(&b2, 4, 4); /* 4 and 5 again: two stored now */
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b2, 0, done_flag, &g2),
	    MOAT_OK);
	assert_true(flag_wait(&g2, WAIT_MS));
	t.fail = MOAT_EINVALID;
	batch_make(&b3, 50, 3);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &b3, 0, done_flag, &g3),
	    MOAT_OK);
	assert_true(flag_wait(&g3, WAIT_MS));
	ingest_stop();
	ingest_unsubscribe_all();
	assert_int_equal(g1.rc, MOAT_OK);
	assert_int_equal(g2.rc, MOAT_OK);
	assert_int_equal(g3.rc, MOAT_EINVALID);
	assert_int_equal(t.stored, 7);
	/* every note names a stored event, every stored event has its note */
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 7);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM audit_log n JOIN events e ON e.id ="
	                              " CAST(n.target AS INTEGER) WHERE n.action = 'test.note'"),
	                 7);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events WHERE event_uid LIKE '%00005_'"),
	                 0);
}

/* ---- the writer's store calls from several connections (issue 13) ---- */

/* One writer's group commit, as ingest_commit makes it: partitions and an
 * id block first (PostgreSQL), then the events and their rollups in a
 * transaction without the shared write lock; retried while busy. *stored
 * gets the events it stored. */
static int writer_commit(struct store *st, const struct fixture *f, const struct event_batch *b,
                         int64_t *stored)
{
	unsigned char *ins = calloc(b->n, 1);
	int rc;

	do {
		int64_t first = 0, next;
		int64_t now_ms = (int64_t)timefmt_now() * 1000;
		rc = store_event_prepare(st, b, now_ms);
		if (!rc)
			rc = store_event_reserve_ids(st, (int64_t)b->n, &first);
		if (!rc)
			rc = store_tx_begin_events(st);
		if (!rc && first == 0) /* SQLite: the one writer's rule, inside */
			rc = store_event_next_id(st, &first);
		next = first;
		if (!rc)
			rc = store_event_insert_batch(st, f->p.id, f->prod.id, "a1", b, now_ms,
			                              &next, ins);
		if (!rc)
			rc = store_event_rollup_add(st, f->p.id, f->prod.id, b, ins);
		if (!rc)
			rc = store_tx_commit(st);
		else
			store_tx_rollback(st);
		store_idle(st);
		if (!rc) {
			int64_t flagged = 0;
			for (size_t i = 0; i < b->n; i++)
				flagged += ins[i];
			*stored = next - first;
			if (flagged != *stored) /* ids consecutive, one per event stored */
				rc = MOAT_EINVALID;
		}
	} while (rc == MOAT_EBUSY);
	free(ins);
	return rc; /* asserted by the test thread: cmocka's asserts are its own */
}

struct racer {
	const struct fixture *f;
	const struct event_batch *batches;
	int nbatches;
	pthread_barrier_t *start;
	int64_t stored;
	int rc;
};

static void *racer_main(void *arg)
{
	struct racer *r = arg;
	struct store *st = NULL;

	r->rc = store_open(r->f->t.target, &st);
	pthread_barrier_wait(r->start);
	for (int i = 0; !r->rc && i < r->nbatches; i++) {
		int64_t n = 0;
		r->rc = writer_commit(st, r->f, &r->batches[i], &n);
		r->stored += n;
	}
	store_close(st);
	return NULL;
}

/* Two connections (two moatd) store the same batches at the same time:
 * each event is stored once, the two are told so between them (what each
 * stored adds up to the events), and every rollup counts each event once.
 * On PostgreSQL the two run while a third connection holds the shared
 * write lock the whole time: the writer's transaction does not take it
 * (exactly-once comes from the unique key; a rollup row is one atomic
 * upsert). */
static void two_connections_storing_one_batch_at_once_store_it_once(void **state)
{
	enum { NB = 12, PER = 150 };
	struct fixture *f = *state;
	struct event_batch b[NB];
	struct racer r[2];
	pthread_t t[2];
	pthread_barrier_t start;
	int pg = db_engine(f->db) == DB_POSTGRES;

	for (int i = 0; i < NB; i++) /* batch i overlaps batch i - 1 by half */
		batch_make(&b[i], i * PER / 2, PER);
	if (pg)
		assert_int_equal(db_begin(f->db), MOAT_OK); /* the shared write lock */
	pthread_barrier_init(&start, NULL, 2);
	for (int k = 0; k < 2; k++) {
		r[k] = (struct racer){.f = f, .batches = b, .nbatches = NB, .start = &start};
		assert_int_equal(pthread_create(&t[k], NULL, racer_main, &r[k]), 0);
	}
	for (int k = 0; k < 2; k++) {
		pthread_join(t[k], NULL);
		assert_int_equal(r[k].rc, MOAT_OK);
	}
	pthread_barrier_destroy(&start);
	if (pg)
		db_rollback(f->db);
	const int64_t events = (NB + 1) * PER / 2;
	assert_int_equal(r[0].stored + r[1].stored, events);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), events);
	assert_int_equal(sql_count(f, "SELECT count(DISTINCT id) FROM events"), events);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts"), events);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts_hour"), events);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_groups_hour"), events);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_groups_minute"), events);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_sources_hour"), events);
	for (int i = 0; i < NB; i++)
		event_batch_free(&b[i]);
}

/* The event id is the dedup key (agentproto/PROTOCOL.md): the same uid
 * sent again with another ts (an agent that restamps a resent event) is a
 * duplicate on both engines, within a batch and across batches; the ids
 * of the events stored stay consecutive. */
static void the_same_uid_with_another_ts_is_a_duplicate_on_both_engines(void **state)
{
	struct fixture *f = *state;
	time_t t = timefmt_now();
	struct event_batch a, b, c;
	int64_t n = 0;

	batch_make_at(&a, 0, 10, t - 120);
	batch_make_at(&b, 5, 10, t - 60); /* 5 .. 9 again, another ts */
	batch_make_at(&c, 20, 4, t);
	c.ev[2].uid = c.ev[0].uid; /* within a batch: the first one stays */
	c.ev[0].ts_ms -= 1000;
	assert_int_equal(writer_commit(f->st, f, &a, &n), MOAT_OK);
	assert_int_equal(n, 10);
	assert_int_equal(writer_commit(f->st, f, &b, &n), MOAT_OK);
	assert_int_equal(n, 5);
	assert_int_equal(writer_commit(f->st, f, &c, &n), MOAT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 18);
	assert_int_equal(sql_count(f, "SELECT count(DISTINCT event_uid) FROM events"), 18);
	event_batch_free(&a);
	event_batch_free(&b);
	event_batch_free(&c);
}

/* Text PostgreSQL would refuse (invalid UTF-8 fails its statement with
 * SQLSTATE 22021, and the writer would retry that group for ever) is
 * refused alike on both engines: the job is MOAT_EINVALID, nothing of it
 * is stored, and the jobs beside it are. (NUL cannot reach the store: the
 * JSON parser refuses \u0000, 400 malformed_json, test_http_json.) */
static void an_event_whose_text_is_not_utf8_is_refused_on_both_engines(void **state)
{
	struct fixture *f = *state;
	struct event_batch good, bad;
	struct flag gg, gb;
	unsigned char ins[3];
	int64_t next = 1000;

	flag_init(&gg);
	flag_init(&gb);
	batch_make(&bad, 1, 3);
	bad.ev[1].payload = "caf\xc3"; /* cut inside a character */
	/* the store call itself */
	assert_int_equal(store_tx_begin_events(f->st), MOAT_OK);
	assert_int_equal(store_event_insert_batch(f->st, f->p.id, f->prod.id, "a1", &bad,
	                                          (int64_t)timefmt_now() * 1000, &next, ins),
	                 MOAT_EINVALID);
	store_tx_rollback(f->st);
	store_idle(f->st);
	/* and through the writer: refused once, not retried */
	batch_make(&good, 10, 3);
	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &bad, 0, done_flag, &gb),
	    MOAT_OK);
	assert_int_equal(
	    ingest_events_async(f->p.id, f->prod.id, "production", "a1", &good, 0, done_flag, &gg),
	    MOAT_OK);
	assert_true(flag_wait(&gb, WAIT_MS));
	assert_true(flag_wait(&gg, WAIT_MS));
	ingest_stop();
	assert_int_equal(gb.rc, MOAT_EINVALID);
	assert_int_equal(gg.rc, MOAT_OK);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 3);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts"), 3);
}

/* Retention: events received before the cutoff go, with their rollups, on
 * both engines; on PostgreSQL a month wholly past it is dropped as a
 * partition (its rollup rows with it) and the month at the boundary loses
 * rows. Afterwards every rollup still equals the events left. */
static void retention_drops_old_months_whole_and_keeps_rollups_exact(void **state)
{
	struct fixture *f = *state;
	const int64_t day = 86400000, now = (int64_t)timefmt_now() * 1000;
	int64_t at[3] = {now - 100 * day, now - 31 * day, now - 2 * day}, n = 0, total = 0;
	struct event_batch b[3];
	char sql[200];

	for (int k = 0; k < 3; k++) {
		unsigned char ins[20];
		int64_t first = 0, next;
		batch_make(&b[k], k * 100, 20);
		for (int i = 0; i < 20; i++)
			b[k].ev[i].ts_ms = at[k] + i * 60000;
		assert_int_equal(store_event_prepare(f->st, &b[k], now), MOAT_OK);
		assert_int_equal(store_event_reserve_ids(f->st, 20, &first), MOAT_OK);
		assert_int_equal(store_tx_begin_events(f->st), MOAT_OK);
		if (first == 0)
			assert_int_equal(store_event_next_id(f->st, &first), MOAT_OK);
		next = first;
		/* received when they happened (+ a minute) */
		assert_int_equal(store_event_insert_batch(f->st, f->p.id, f->prod.id, "a1", &b[k],
		                                          at[k] + 20 * 60000, &next, ins),
		                 MOAT_OK);
		assert_int_equal(store_event_rollup_add(f->st, f->p.id, f->prod.id, &b[k], ins),
		                 MOAT_OK);
		assert_int_equal(store_tx_commit(f->st), MOAT_OK);
		store_idle(f->st);
	}
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 60);
	/* cutoff 30 days back: the first batch goes (on PostgreSQL its month
	 * whole, 100 days back), then the second in rows */
	do {
		assert_int_equal(store_event_purge(f->st, now - 30 * day, 7, &n), MOAT_OK);
		total += n;
	} while (n > 0);
	store_idle(f->st);
	assert_int_equal(total, 40);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts_hour"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_groups_hour"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_groups_minute"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_sources_hour"), 20);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_top"),
	                 0); /* no endpoint, source, rule */
	if (db_engine(f->db) == DB_POSTGRES) {
		time_t t = (time_t)(at[0] / 1000);
		struct tm tm;
		gmtime_r(&t, &tm);
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM pg_class WHERE relname = 'events_y%04dm%02d'",
		         tm.tm_year + 1900, tm.tm_mon + 1);
		assert_int_equal(sql_count_built(f, sql), 0);
		/* the month of the batch 31 days back is kept (rows deleted) */
		t = (time_t)(at[1] / 1000);
		gmtime_r(&t, &tm);
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM pg_class WHERE relname = 'events_y%04dm%02d'",
		         tm.tm_year + 1900, tm.tm_mon + 1);
		assert_int_equal(sql_count_built(f, sql), 1);
		/* the ids kept for dedup go with their events, dropped or purged */
		assert_int_equal(sql_count(f, "SELECT count(*) FROM event_ids"), 20);
	}
	for (int k = 0; k < 3; k++)
		event_batch_free(&b[k]);
}

int main(void)
{
#define BOTH(name, ...)                                                                            \
	cmocka_unit_test_setup_teardown(name, setup, teardown),                                    \
	    cmocka_unit_test_setup_teardown(name, setup_pg, teardown)
	const struct CMUnitTest tests[] = {
	    BOTH(every_subscriber_is_told_of_every_commit_in_order),
	    BOTH(a_deadline_answer_runs_with_no_writer_lock_held),
	    BOTH(seen_refreshes_stop_queueing_at_half_the_state_bound),
	    BOTH(agent_state_subscribers_hear_each_committed_change_in_order),
	    BOTH(hello_and_applied_are_refused_at_the_state_bound),
	    BOTH(a_job_that_fails_midway_leaves_nothing_of_itself),
	    BOTH(a_transaction_subscriber_writes_in_the_commit_of_the_events),
	    BOTH(two_connections_storing_one_batch_at_once_store_it_once),
	    BOTH(the_same_uid_with_another_ts_is_a_duplicate_on_both_engines),
	    BOTH(an_event_whose_text_is_not_utf8_is_refused_on_both_engines),
	    BOTH(retention_drops_old_months_whole_and_keeps_rollups_exact),
	    /* SQLite only: its busy handler calls the writer back while it
	     * waits for a lock, so a search's deadline passes on time; on
	     * PostgreSQL the wait is on the server, and the writer notices
	     * deadlines only when lock_timeout (5 s) ends it
	     * (docs/ARCHITECTURE.md, "What serve on PostgreSQL still needs") */
	    cmocka_unit_test_setup_teardown(
	        a_text_wait_ends_at_its_deadline_while_the_database_refuses_writes, setup,
	        teardown),
	};
#undef BOTH

	return cmocka_run_group_tests(tests, NULL, NULL);
}
