/*
 * Unit tests for the event rollups (schema/005_event_rollups.sql, kept by
 * store_event.c) and the statistics that read them (store_event_query.c):
 * the rollup tables always equal a GROUP BY of the events that exist —
 * after the writer's inserts and duplicates, after retention purges that
 * cut through buckets, after the migration's backfill — and a stats call
 * over any range, partial minutes and hours at its edges included, equals
 * counting its events one by one (done here with plain SQL on a second
 * connection, independent of the code under test).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "err.h"
#include "event.h"
#include "event_query.h"
#include "ingest.h"
#include "policy.h"
#include "schema.h"
#include "store.h"
#include "unit_db.h"

#define T0     1795680000000LL /* 2026-11-26T08:00:00Z, a whole hour */
#define HOUR   3600000LL
#define MINUTE 60000LL

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *st;
	sqlite3 *db; /* SQLite's, for the references of the read side */
	struct actor a;
	struct store_project p;
	struct store_env prod, staging;
	uint64_t rng;
};

static uint64_t rnd(struct fixture *f)
{
	uint64_t z = (f->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int setup_on(struct fixture *f, void **state)
{
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	if (!f->t.pg[0]) {
		assert_int_equal(sqlite3_open(f->t.target, &f->db), SQLITE_OK);
		sqlite3_busy_timeout(f->db, 5000);
	}
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	f->rng = 42;
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), 0);
	assert_int_equal(store_env_create(f->st, &f->a, &f->p, "staging", &f->staging), 0);
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &f->prod), 0);
	store_idle(f->st); /* no snapshot held open across the writer's commits */
	*state = f;
	return 0;
}

static int setup(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 0), state);
}

/* PostgreSQL: the write-side tests run there too and check the rollups
 * against the events (check_rollups, one SQL text for both engines);
 * check_ranges is left out there: its references (ref_stats, the groups'
 * in_net) are computed on SQLite's own connection and are not yet written
 * for PostgreSQL (test_event_query compares the reads on both). */
static int setup_pg(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 1), state);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	if (f->db)
		sqlite3_close(f->db);
	store_close(f->st);
	unit_fixture_free(f);
	return 0;
}

/* ---- batches ---- */

static const char *const sevs[] = {"low", "medium", "high", "critical"};

static char *batch_str(struct event_batch *b, const char *s)
{
	char *copy = strdup(s);

	if (b->nstrings == b->capstrings) {
		b->capstrings = b->capstrings ? b->capstrings * 2 : 64;
		b->strings = realloc(b->strings, b->capstrings * sizeof *b->strings);
	}
	b->strings[b->nstrings++] = copy;
	return copy;
}

static void batch_init(struct event_batch *b, size_t cap)
{
	memset(b, 0, sizeof *b);
	b->ev = calloc(cap, sizeof *b->ev);
}

/* Appends event number uid at ts; k picks every other field, skewed so
 * that the top lists have clear leaders, ties and a tail past ten. */
static void batch_add(struct event_batch *b, int uid, int64_t ts, uint64_t k)
{
	struct event *e = &b->ev[b->n++];
	char t[64];
	unsigned v;

	memset(e, 0, sizeof *e);
	snprintf(t, sizeof t, "00000000-0000-4000-8000-%012d", uid);
	e->uid = batch_str(b, t);
	e->ts_ms = ts;
	e->interceptor = policy_interceptor_names[k % POLICY_INTERCEPTORS];
	e->action = (k >> 8) % 3 ? "blocked" : "logged";
	e->severity = sevs[(k >> 12) % 4];
	v = (unsigned)((k >> 16) % 1000);
	if ((k >> 28) % 13) {
		snprintf(t, sizeof t, "198.51.100.%u", v * v / 20000); /* 0..49, skewed */
		e->source_ip = batch_str(b, t);
	}
	if ((k >> 32) % 11) {
		snprintf(t, sizeof t, "/api/e%u", (unsigned)((k >> 36) % 97 % 15));
		e->endpoint = batch_str(b, t);
	}
	if ((k >> 44) % 17) {
		snprintf(t, sizeof t, "rule.%u", (unsigned)((k >> 48) % 12));
		e->rule = batch_str(b, t);
	}
	e->method = "POST";
	e->payload = "x";
	e->payload_len = 1;
}

/* Stores b as the writer does (insert each, then the rollups of those
 * inserted, one transaction) with received_at; frees b. */
static void store_batch(struct fixture *f, int64_t env_id, struct event_batch *b,
                        int64_t received_ms)
{
	unsigned char *ins = calloc(b->n + 1, 1);
	int64_t next_id = 0;

	assert_int_equal(store_event_prepare(f->st, b, T0), 0); /* PostgreSQL's months */
	assert_int_equal(store_tx_begin(f->st), 0);
	assert_int_equal(store_event_next_id(f->st, &next_id), 0);
	for (size_t i = 0; i < b->n; i++) {
		int one;
		assert_int_equal(store_event_insert(f->st, f->p.id, env_id, "agent", &b->ev[i],
		                                    received_ms, &next_id, &one),
		                 0);
		ins[i] = (unsigned char)one;
	}
	assert_int_equal(store_event_rollup_add(f->st, f->p.id, env_id, b, ins), 0);
	assert_int_equal(store_tx_commit(f->st), 0);
	store_idle(f->st);
	free(ins);
	event_batch_free(b);
}

/* n events at random times in [from, from + span) into env. */
static void store_random(struct fixture *f, int64_t env_id, int first_uid, int n, int64_t from,
                         int64_t span, int64_t received_ms)
{
	struct event_batch b;

	batch_init(&b, (size_t)n);
	for (int i = 0; i < n; i++)
		batch_add(&b, first_uid + i, from + (int64_t)(rnd(f) % (uint64_t)span), rnd(f));
	store_batch(f, env_id, &b, received_ms);
}

/* ---- the references ---- */

/* The first column of sql's first row, on a connection of its own: sql
 * is often built in a buffer, and db.h caches statements by the address
 * of their text. */
static int64_t sql_count(struct fixture *f, const char *sql)
{
	struct db *db = NULL;
	struct db_stmt *s;
	char msg[200];
	int64_t n = -1;

	assert_int_equal(db_open(f->t.target, &db, msg, sizeof msg), MOAT_OK);
	s = db_prepare(db, sql);
	if (!s) {
		fprintf(stderr, "%s: %s\n", sql, db_errmsg(db));
		fail();
	}
	if (db_step(s) == DB_ROW)
		n = db_column_int64(s, 0);
	db_idle(db);
	db_close(db);
	return n;
}

/* Every rollup table equals the GROUP BY of the events, row for row. */
static void check_rollups(struct fixture *f)
{
	/* one text for both engines: buckets and flags with CASE */
#define FLOOR(w) "(ts - CASE WHEN ts < 0 THEN " #w " - 1 ELSE 0 END) / " #w
	static const char *const pairs[][2] = {
	    {"SELECT project_id, environment_id, minute, interceptor, action, severity, n"
	     " FROM event_counts",
	     "SELECT project_id, environment_id, " FLOOR(
	         60000) ", interceptor, action, severity,"
	                " count(*) FROM events GROUP BY 1, 2, 3, 4, 5, 6"},
	    {"SELECT project_id, environment_id, hour, interceptor, action, severity, n"
	     " FROM event_counts_hour",
	     "SELECT project_id, environment_id, " FLOOR(
	         3600000) ", interceptor, action, severity,"
	                  " count(*) FROM events GROUP BY 1, 2, 3, 4, 5, 6"},
	    {"SELECT project_id, environment_id, hour, kind, value, n FROM event_top",
	     "SELECT project_id, environment_id, " FLOOR(
	         3600000) ", 'endpoint', endpoint, count(*)"
	                  " FROM events WHERE endpoint IS NOT NULL GROUP BY 1, 2, 3, 5 UNION ALL"
	                  " SELECT project_id, environment_id, " FLOOR(
	                      3600000) ", 'source', source_ip, count(*)"
	                               " FROM events WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3, "
	                               "5 UNION ALL"
	                               " SELECT project_id, environment_id, " FLOOR(
	                                   3600000) ", 'rule', rule, count(*)"
	                                            " FROM events WHERE rule IS NOT NULL GROUP BY "
	                                            "1, 2, 3, 5"},
	    /* schema 009: with the least and greatest ts of each row */
	    {"SELECT project_id, environment_id, hour, interceptor, has_endpoint, endpoint, action,"
	     " n, first_ts, last_ts FROM event_groups_hour",
	     "SELECT project_id, environment_id, " FLOOR(
	         3600000) ", interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
	                  " coalesce(endpoint, ''), action, count(*), min(ts), max(ts) FROM events"
	                  " GROUP BY 1, 2, 3, 4, 5, 6, 7"},
	    /* schema 010: the same by source address too */
	    {"SELECT project_id, environment_id, hour, interceptor, has_endpoint, endpoint,"
	     " has_source, source_ip, action, n, first_ts, last_ts FROM event_sources_hour",
	     "SELECT project_id, environment_id, " FLOOR(
	         3600000) ", interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
	                  " coalesce(endpoint, ''), CASE WHEN source_ip IS NOT NULL THEN 1 ELSE 0 "
	                  "END,"
	                  " coalesce(source_ip, ''),"
	                  " action, count(*), min(ts), max(ts) FROM events"
	                  " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"},
	    /* schema 010: 009's per minute */
	    {"SELECT project_id, environment_id, minute, interceptor, has_endpoint, endpoint,"
	     " action, n, first_ts, last_ts FROM event_groups_minute",
	     "SELECT project_id, environment_id, " FLOOR(
	         60000) ", interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END,"
	                " coalesce(endpoint, ''), action, count(*), min(ts), max(ts) FROM events"
	                " GROUP BY 1, 2, 3, 4, 5, 6, 7"},
	};
#undef FLOOR
	char sql[2048];

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		for (int dir = 0; dir < 2; dir++) {
			int64_t n;
			snprintf(sql, sizeof sql,
			         "SELECT count(*) FROM (SELECT * FROM (%s) a EXCEPT SELECT * FROM "
			         "(%s) b) c",
			         pairs[i][dir], pairs[i][!dir]);
			n = sql_count(f, sql);
			if (n != 0) {
				fprintf(stderr,
				        "rollup %zu differs from the events (%s): %lld rows\n", i,
				        dir ? "missing" : "extra", (long long)n);
				fail();
			}
		}
	assert_int_equal(sql_count(f, "SELECT (SELECT count(*) FROM event_counts WHERE n <= 0) +"
	                              " (SELECT count(*) FROM event_counts_hour WHERE n <= 0) +"
	                              " (SELECT count(*) FROM event_top WHERE n <= 0) +"
	                              " (SELECT count(*) FROM event_groups_hour WHERE n <= 0) +"
	                              " (SELECT count(*) FROM event_sources_hour WHERE n <= 0) +"
	                              " (SELECT count(*) FROM event_groups_minute WHERE n <= 0)"),
	                 0);
}

#define REF_KEYS 256

struct ref_tally {
	char key[REF_KEYS][64];
	int64_t n[REF_KEYS];
	int len;
};

static void ref_add(struct ref_tally *t, const unsigned char *key)
{
	int i;

	if (!key)
		return;
	for (i = 0; i < t->len; i++)
		if (!strcmp(t->key[i], (const char *)key))
			break;
	if (i == t->len) {
		assert_true(t->len < REF_KEYS);
		snprintf(t->key[t->len++], 64, "%s", (const char *)key);
	}
	t->n[i]++;
}

/* The ten largest, more first, then the smaller key. */
static void ref_top(struct ref_tally *t, struct store_stats_top *top, int *n)
{
	*n = 0;
	while (*n < STORE_STATS_TOP) {
		int best = -1;
		for (int i = 0; i < t->len; i++)
			if (t->n[i] > 0 &&
			    (best < 0 || t->n[i] > t->n[best] ||
			     (t->n[i] == t->n[best] && strcmp(t->key[i], t->key[best]) < 0)))
				best = i;
		if (best < 0)
			break;
		top[*n].key = strdup(t->key[best]);
		top[(*n)++].count = t->n[best];
		t->n[best] = 0;
	}
}

/* What store_event_stats should say, counted event by event. */
static void ref_stats(struct fixture *f, const char *env, int64_t since, int64_t until,
                      int64_t bucket, struct store_event_stats *out)
{
	const int width = STORE_STATS_INTERCEPTORS + 2;
	static struct ref_tally tops[3]; /* rules, sources, endpoints */
	sqlite3_stmt *s = NULL;
	int64_t env_id = -1;

	memset(out, 0, sizeof *out);
	memset(tops, 0, sizeof tops);
	out->first_bucket = (since - (since < 0) * (bucket - 1)) / bucket * bucket;
	out->nbuckets = (int)((until - out->first_bucket + bucket - 1) / bucket);
	out->buckets = calloc((size_t)out->nbuckets * (size_t)width, sizeof *out->buckets);
	if (env)
		env_id = !strcmp(env, "production") ? f->prod.id
		         : !strcmp(env, "staging")  ? f->staging.id
		                                    : 0;
	assert_int_equal(
	    sqlite3_prepare_v2(f->db,
	                       "SELECT ts, interceptor, action, severity, rule, source_ip, endpoint"
	                       " FROM events WHERE project_id = ?1 AND ts >= ?2 AND ts < ?3"
	                       " AND (?4 < 0 OR environment_id = ?4)",
	                       -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(s, 1, f->p.id);
	sqlite3_bind_int64(s, 2, since);
	sqlite3_bind_int64(s, 3, until);
	sqlite3_bind_int64(s, 4, env_id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int64_t *row = &out->buckets[(sqlite3_column_int64(s, 0) - out->first_bucket) /
		                             bucket * width];
		const char *ic = (const char *)sqlite3_column_text(s, 1);
		const char *sev = (const char *)sqlite3_column_text(s, 3);
		out->total++;
		row[width - 1]++;
		for (int i = 0; i < STORE_STATS_INTERCEPTORS; i++)
			if (!strcmp(ic, policy_interceptor_names[i])) {
				out->by_interceptor[i]++;
				row[i]++;
			}
		if (!strcmp((const char *)sqlite3_column_text(s, 2), "blocked")) {
			out->blocked++;
			row[width - 2]++;
		} else {
			out->logged++;
		}
		for (int i = 0; i < STORE_STATS_SEVERITIES; i++)
			out->by_severity[i] += !strcmp(sev, sevs[i]);
		for (int k = 0; k < 3; k++)
			ref_add(&tops[k], sqlite3_column_text(s, 4 + k));
	}
	sqlite3_finalize(s);
	ref_top(&tops[0], out->rules, &out->nrules);
	ref_top(&tops[1], out->sources, &out->nsources);
	ref_top(&tops[2], out->endpoints, &out->nendpoints);
}

static void check_tops(const char *what, const struct store_stats_top *got, int ngot,
                       const struct store_stats_top *want, int nwant)
{
	int ok = ngot == nwant;

	for (int i = 0; ok && i < ngot; i++)
		ok = got[i].count == want[i].count && !strcmp(got[i].key, want[i].key);
	if (!ok) {
		fprintf(stderr, "top %s differs:\n", what);
		for (int i = 0; i < ngot || i < nwant; i++)
			fprintf(
			    stderr, "  got %s %lld, want %s %lld\n", i < ngot ? got[i].key : "-",
			    i < ngot ? (long long)got[i].count : 0LL, i < nwant ? want[i].key : "-",
			    i < nwant ? (long long)want[i].count : 0LL);
		fail();
	}
}

/* store_event_stats over [since, until) equals the reference, field for
 * field. Returns the total. */
static int64_t check_stats(struct fixture *f, const char *env, int64_t since, int64_t until,
                           int64_t bucket)
{
	const int width = STORE_STATS_INTERCEPTORS + 2;
	struct store_event_stats got, want;
	int64_t total;

	assert_int_equal(store_event_stats(f->st, f->p.id, env, since, until, bucket, &got), 0);
	store_idle(f->st);
	ref_stats(f, env, since, until, bucket, &want);
	if (got.total != want.total || got.blocked != want.blocked || got.logged != want.logged ||
	    memcmp(got.by_interceptor, want.by_interceptor, sizeof got.by_interceptor) ||
	    memcmp(got.by_severity, want.by_severity, sizeof got.by_severity)) {
		fprintf(stderr,
		        "stats differ for [%lld, %lld) bucket %lld env %s: total %lld/%lld blocked "
		        "%lld/%lld\n",
		        (long long)since, (long long)until, (long long)bucket, env ? env : "-",
		        (long long)got.total, (long long)want.total, (long long)got.blocked,
		        (long long)want.blocked);
		fail();
	}
	assert_int_equal(got.first_bucket, want.first_bucket);
	assert_int_equal(got.nbuckets, want.nbuckets);
	for (int b = 0; b < got.nbuckets * width; b++)
		if (got.buckets[b] != want.buckets[b]) {
			fprintf(stderr, "[%lld, %lld) bucket %d column %d: %lld, want %lld\n",
			        (long long)since, (long long)until, b / width, b % width,
			        (long long)got.buckets[b], (long long)want.buckets[b]);
			fail();
		}
	check_tops("rules", got.rules, got.nrules, want.rules, want.nrules);
	check_tops("sources", got.sources, got.nsources, want.sources, want.nsources);
	check_tops("endpoints", got.endpoints, got.nendpoints, want.endpoints, want.nendpoints);
	total = got.total;
	store_event_stats_cleanup(&got);
	store_event_stats_cleanup(&want);
	return total;
}

/* A spread of ranges over [from, from + span): whole hours, edges inside
 * minutes and hours, a single millisecond, the default 24 hours. */
static void check_ranges(struct fixture *f, int64_t from, int64_t span, int random_ranges)
{
	static const char *const envs[] = {NULL, "production", "staging", "nowhere"};
	static const int64_t lens[] = {
	    1, 59999, 61000, 59 * MINUTE, 61 * MINUTE + 7, 3 * HOUR, 24 * HOUR, 26 * HOUR + 12345};

	assert_true(check_stats(f, NULL, from, from + span, HOUR) > 0);
	check_stats(f, NULL, from, from + span, 86400000);
	check_stats(f, NULL, from + 1, from + span - 1, HOUR);
	check_stats(f, "staging", from + 90500, from + 3 * HOUR, MINUTE);
	check_stats(f, NULL, from - HOUR, from + 2 * HOUR + 1, MINUTE);
	for (int i = 0; i < random_ranges; i++) {
		int64_t len = lens[rnd(f) % (sizeof lens / sizeof lens[0])];
		int64_t since = from - HOUR + (int64_t)(rnd(f) % (uint64_t)(span + HOUR));
		int64_t bucket = len <= 30 * HOUR && rnd(f) % 2 ? MINUTE
		                 : rnd(f) % 2                   ? HOUR
		                                                : 86400000;
		if (rnd(f) % 4 == 0)
			since -= since % MINUTE; /* an edge on a minute, not on an hour */
		check_stats(f, envs[rnd(f) % 4], since, since + len, bucket);
	}
}

/* ---- tests ---- */

/* Hands b to the running writer and waits for the commit. */
static void writer_store(struct fixture *f, const struct store_env *env, struct event_batch *b,
                         int64_t accepted, int64_t duplicates)
{
	struct ingest_result res;

	assert_int_equal(ingest_events_wait(f->p.id, env->id, env->name, "agent-1", b, 10000, &res),
	                 MOAT_OK);
	assert_int_equal(res.accepted, accepted);
	assert_int_equal(res.duplicates, duplicates);
	event_batch_free(b);
}

static void the_writer_adds_the_events_it_inserts_and_never_a_duplicate(void **state)
{
	struct fixture *f = *state;
	struct event_batch b;

	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	int64_t ts[400];

	/* an event sent again carries its ts (PostgreSQL's key holds it:
	 * docs/ARCHITECTURE.md, "Two engines") */
	for (int i = 0; i < 400; i++)
		ts[i] = T0 + (int64_t)(rnd(f) % (uint64_t)(5 * HOUR));
	/* 300 new events, 20 of them sent twice in the same batch */
	batch_init(&b, 320);
	for (int i = 0; i < 300; i++)
		batch_add(&b, i, ts[i], rnd(f));
	for (int i = 0; i < 20; i++)
		batch_add(&b, i * 7, ts[i * 7], rnd(f));
	writer_store(f, &f->prod, &b, 300, 20);
	/* staging: 100 new, 50 already stored (a uid is unique per project) */
	batch_init(&b, 150);
	for (int i = 0; i < 150; i++)
		batch_add(&b, 250 + i, ts[250 + i], rnd(f));
	writer_store(f, &f->staging, &b, 100, 50);
	/* a resend of a whole batch changes nothing */
	batch_init(&b, 100);
	for (int i = 0; i < 100; i++)
		batch_add(&b, i, ts[i], rnd(f));
	writer_store(f, &f->prod, &b, 0, 100);
	ingest_stop();
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 400);
	assert_int_equal(sql_count(f, "SELECT sum(n) FROM event_counts"), 400);
	check_rollups(f);
	if (!f->t.pg[0])
		check_ranges(f, T0, 5 * HOUR, 100);
}

static void a_purge_subtracts_exactly_the_events_it_deletes(void **state)
{
	struct fixture *f = *state;
	int64_t n, left = 1200;
	int rounds = 0;

	/* received in six batches a second apart; ts unrelated to received_at,
	 * so the purge cuts through every bucket */
	for (int i = 0; i < 6; i++)
		store_random(f, i % 2 ? f->staging.id : f->prod.id, i * 200, 200, T0, 30 * HOUR,
		             T0 + 40 * HOUR + i * 1000);
	check_rollups(f);
	do {
		assert_int_equal(store_event_purge(f->st, T0 + 40 * HOUR + 2500, 97, &n), 0);
		store_idle(f->st);
		left -= n;
		assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), left);
		check_rollups(f);
		if (rounds++ % 3 == 0 && !f->t.pg[0])
			check_ranges(f, T0, 30 * HOUR, 20);
	} while (n > 0);
	assert_int_equal(left, 600);
	if (!f->t.pg[0])
		check_ranges(f, T0, 30 * HOUR, 100);
	/* everything: the rollups empty out */
	assert_int_equal(store_event_purge(f->st, T0 + 50 * HOUR, 100000, &n), 0);
	store_idle(f->st);
	assert_int_equal(n, 600);
	assert_int_equal(sql_count(f, "SELECT (SELECT count(*) FROM event_counts) +"
	                              " (SELECT count(*) FROM event_counts_hour) +"
	                              " (SELECT count(*) FROM event_top) +"
	                              " (SELECT count(*) FROM event_groups_hour) +"
	                              " (SELECT count(*) FROM event_sources_hour) +"
	                              " (SELECT count(*) FROM event_groups_minute)"),
	                 0);
	if (!f->t.pg[0])
		assert_int_equal(check_stats(f, NULL, T0, T0 + 30 * HOUR, HOUR), 0);
}

static void stats_are_exact_for_ranges_that_cut_minutes_and_hours(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter q = {.project_id = f->p.id};
	char plan[4000];

	for (int i = 0; i < 8; i++)
		store_random(f, i % 3 ? f->prod.id : f->staging.id, i * 400, 400, T0 - 7 * MINUTE,
		             40 * HOUR, T0);
	check_rollups(f);
	check_ranges(f, T0, 40 * HOUR, 400);
	/* the rollups are read by primary key, one range per environment */
	assert_int_equal(store_event_plan(f->st, &q, 1, plan, sizeof plan), 0);
	assert_non_null(strstr(plan, "COVERING INDEX events_ts"));
	assert_non_null(
	    strstr(plan, "SEARCH event_counts USING PRIMARY KEY (project_id=? AND environment_id=? "
	                 "AND minute>? AND minute<?)"));
	assert_non_null(strstr(plan, "SEARCH event_counts_hour USING PRIMARY KEY (project_id=? AND "
	                             "environment_id=? AND hour>? AND hour<?)"));
	assert_non_null(strstr(plan, "SEARCH event_top USING PRIMARY KEY (project_id=? AND "
	                             "environment_id=? AND hour>? AND hour<?)"));
	assert_null(strstr(plan, "TEMP B-TREE"));
}

static void the_migration_backfills_the_rollups_of_events_stored_before_it(void **state)
{
	struct fixture *f = *state;
	struct event_batch b;
	char msg[256];

	/* a database of schema 4: no rollup tables, events stored without, no
	 * notification tables; the
	 * free-text index kept by triggers (schema 006 undone) */
	assert_int_equal(
	    sqlite3_exec(
	        f->db,
	        "DROP TABLE live_tickets; DROP TABLE login_attempts;" /* schema 012 */
	        " DROP TABLE auth_epoch; DROP TABLE instances; DROP INDEX agents_instance;"
	        " ALTER TABLE agents DROP COLUMN instance_id;"                    /* 011 */
	        " DROP TABLE event_sources_hour; DROP TABLE event_groups_minute;" /* 010 */
	        " DROP TABLE event_groups_hour;"                                  /* schema 009 */
	        " DROP TABLE notify_alerts;"                                      /* schema 008 */
	        " DROP TABLE deliveries; DROP TABLE channels;"                    /* schema 007 */
	        " DROP TABLE event_counts; DROP TABLE event_counts_hour;"
	        " DROP TABLE event_top; DROP TRIGGER events_fts_delete; DROP TABLE fts_state;"
	        " CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
	        "  INSERT INTO events_fts(rowid, payload, operation)"
	        "   VALUES (new.id, new.payload, new.operation); END;"
	        " CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
	        "  INSERT INTO events_fts(events_fts, rowid, payload, operation)"
	        "   VALUES ('delete', old.id, old.payload, old.operation); END;"
	        " DELETE FROM schema_migrations WHERE version >= 5",
	        NULL, NULL, NULL),
	    SQLITE_OK);
	batch_init(&b, 1500);
	for (int i = 0; i < 1500; i++)
		batch_add(&b, i, T0 + (int64_t)(rnd(f) % (uint64_t)(30 * HOUR)), rnd(f));
	assert_int_equal(store_tx_begin(f->st), 0);
	for (size_t i = 0; i < b.n; i++) {
		int one;
		int64_t id = (int64_t)i + 1; /* schema 4 has no fts_state to ask */
		assert_int_equal(store_event_insert(f->st, f->p.id,
		                                    i % 4 ? f->prod.id : f->staging.id, "agent",
		                                    &b.ev[i], T0, &id, &one),
		                 0);
	}
	assert_int_equal(store_tx_commit(f->st), 0);
	event_batch_free(&b);
	store_idle(f->st);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	assert_int_equal(sql_count(f, "SELECT max(version) FROM schema_migrations"),
	                 schema_migrations[schema_migration_count - 1].version);
	/* 006 took over what the trigger indexed: all of it, nothing to do */
	assert_int_equal(sql_count(f, "SELECT indexed_to FROM fts_state"), 1500);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'x'"),
	                 1500);
	check_rollups(f);
	check_ranges(f, T0, 30 * HOUR, 100);
}

/* ---- attacks, grouped (schemas 009 and 010) ---- */

/* in_net(ip) on the reference connection: ip lies in the test's network. */
static void sql_in_net(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const struct event_cidr *c = sqlite3_user_data(cx);

	(void)argc;
	sqlite3_result_int(cx, event_query_cidr_match(c, (const char *)sqlite3_value_text(v[0])));
}

static int ref_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static char *ref_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? strdup((const char *)t) : NULL;
}

/* The store's order: newest activity first, then the key (none first). */
static int ref_group_cmp(const void *x, const void *y)
{
	const struct store_event_group *a = x, *b = y;
	int r;

	if (a->last_ts != b->last_ts)
		return a->last_ts < b->last_ts ? 1 : -1;
	r = strcmp(a->interceptor, b->interceptor);
	if (!r)
		r = ref_strcmp(a->endpoint, b->endpoint);
	if (!r)
		r = ref_strcmp(a->source_ip, b->source_ip);
	return r;
}

/* What store_event_groups should answer for q over the events, counted
 * with plain SQL on the second connection: every group (*n), in order. */
static struct store_event_group *ref_groups(struct fixture *f, const struct store_event_filter *q,
                                            int by_source, int64_t start, int64_t width, size_t *n)
{
#define REF_WHERE                                                                                  \
	" FROM events WHERE project_id = ?1 AND ts >= ?2 AND ts < ?3"                              \
	" AND (?4 IS NULL OR environment_id = ?4) AND (?5 IS NULL OR interceptor = ?5)"            \
	" AND (?6 IS NULL OR action = ?6) AND (?7 IS NULL OR endpoint = ?7)"                       \
	" AND (?8 IS NULL OR substr(endpoint, 1, length(?8)) = ?8)"                                \
	" AND (?9 IS NULL OR source_ip = ?9) AND (NOT ?10 OR in_net(source_ip))"                   \
	" AND (?14 IS NULL OR severity = ?14)"
	static const char *const sql[2] = {
	    "SELECT interceptor, endpoint, CASE WHEN ?11 THEN source_ip END, count(*),"
	    " sum(action = 'blocked'), min(ts), max(ts)" REF_WHERE
	    " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
	    "SELECT interceptor, endpoint, CASE WHEN ?11 THEN source_ip END, (ts - ?12) / ?13,"
	    " count(*)" REF_WHERE " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"};
#undef REF_WHERE
	struct store_event_group *g = NULL;
	size_t cap = 0, k = 0;

	*n = 0;
	assert_int_equal(sqlite3_create_function(f->db, "in_net", 1, SQLITE_UTF8, (void *)q->cidr,
	                                         sql_in_net, NULL, NULL),
	                 SQLITE_OK);
	for (int pass = 0; pass < 2; pass++) {
		sqlite3_stmt *s = NULL;
		assert_int_equal(sqlite3_prepare_v2(f->db, sql[pass], -1, &s, NULL), SQLITE_OK);
		sqlite3_bind_int64(s, 1, f->p.id);
		sqlite3_bind_int64(s, 2, q->since_ms);
		sqlite3_bind_int64(s, 3, q->until_ms);
		if (q->environment)
			sqlite3_bind_int64(s, 4,
			                   !strcmp(q->environment, "production") ? f->prod.id
			                   : !strcmp(q->environment, "staging")  ? f->staging.id
			                                                         : -1);
		sqlite3_bind_text(s, 5, q->interceptor, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, q->action, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, q->endpoint, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 8, q->endpoint_prefix, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 9, q->source_ip, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 10, q->cidr != NULL);
		sqlite3_bind_int(s, 11, by_source);
		sqlite3_bind_text(s, 14, q->severity, -1, SQLITE_STATIC);
		if (pass) {
			sqlite3_bind_int64(s, 12, start);
			sqlite3_bind_int64(s, 13, width);
		}
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *ic = (const char *)sqlite3_column_text(s, 0);
			const char *ep = (const char *)sqlite3_column_text(s, 1);
			const char *src = (const char *)sqlite3_column_text(s, 2);
			if (!pass) {
				struct store_event_group *e;
				if (*n == cap) {
					cap = cap ? cap * 2 : 64;
					g = realloc(g, cap * sizeof *g);
				}
				e = &g[(*n)++];
				memset(e, 0, sizeof *e);
				for (int i = 0; i < POLICY_INTERCEPTORS; i++)
					if (!strcmp(ic, policy_interceptor_names[i]))
						e->interceptor = policy_interceptor_names[i];
				assert_non_null(e->interceptor);
				e->endpoint = ref_dup(s, 1);
				e->source_ip = ref_dup(s, 2);
				e->count = sqlite3_column_int64(s, 3);
				e->blocked = sqlite3_column_int64(s, 4);
				e->first_ts = sqlite3_column_int64(s, 5);
				e->last_ts = sqlite3_column_int64(s, 6);
				continue;
			}
			/* both passes in key order: walk to the row's group */
			while (k < *n &&
			       (strcmp(g[k].interceptor, ic) || ref_strcmp(g[k].endpoint, ep) ||
			        ref_strcmp(g[k].source_ip, src)))
				k++;
			assert_true(k < *n);
			assert_true(sqlite3_column_int64(s, 3) < STORE_GROUPS_TREND);
			g[k].trend[sqlite3_column_int64(s, 3)] = sqlite3_column_int64(s, 4);
		}
		sqlite3_finalize(s);
	}
	if (*n)
		qsort(g, *n, sizeof *g, ref_group_cmp);
	return g;
}

/* store_event_groups(q) equals the reference, group for group, in order;
 * returns whether its whole hours came from a rollup. */
static int check_groups(struct fixture *f, const struct store_event_filter *q, int by_source,
                        int limit)
{
	struct store_event_groups got;
	struct store_event_group *want;
	int64_t range = q->until_ms - q->since_ms, unit = range >= 24 * HOUR ? HOUR : MINUTE;
	int64_t width = ((range + 23) / 24 + unit - 1) / unit * unit;
	int64_t start = q->since_ms / width * width;
	size_t n;
	int rollup;

	assert_int_equal(store_event_groups(f->st, q, by_source, limit, &got), MOAT_OK);
	store_idle(f->st);
	want = ref_groups(f, q, by_source, start, width, &n);
	assert_int_equal(got.trend_start, start);
	assert_int_equal(got.trend_ms, width);
	assert_int_equal(got.total, (int64_t)n);
	assert_true(got.complete);
	assert_int_equal(got.n, n < (size_t)limit ? n : (size_t)limit);
	for (size_t i = 0; i < got.n; i++) {
		const struct store_event_group *a = &got.groups[i], *b = &want[i];
		if (strcmp(a->interceptor, b->interceptor) ||
		    ref_strcmp(a->endpoint, b->endpoint) ||
		    ref_strcmp(a->source_ip, b->source_ip) || a->count != b->count ||
		    a->blocked != b->blocked || a->first_ts != b->first_ts ||
		    a->last_ts != b->last_ts || memcmp(a->trend, b->trend, sizeof a->trend)) {
			fprintf(stderr,
			        "[%lld, %lld) by_source %d, group %zu: got %s %s %s n=%lld"
			        " blocked=%lld %lld..%lld, want %s %s %s n=%lld blocked=%lld"
			        " %lld..%lld (trend equal: %d)\n",
			        (long long)q->since_ms, (long long)q->until_ms, by_source, i,
			        a->interceptor, a->endpoint ? a->endpoint : "-",
			        a->source_ip ? a->source_ip : "-", (long long)a->count,
			        (long long)a->blocked, (long long)a->first_ts,
			        (long long)a->last_ts, b->interceptor,
			        b->endpoint ? b->endpoint : "-", b->source_ip ? b->source_ip : "-",
			        (long long)b->count, (long long)b->blocked, (long long)b->first_ts,
			        (long long)b->last_ts,
			        !memcmp(a->trend, b->trend, sizeof a->trend));
			fail();
		}
	}
	rollup = got.rollup;
	store_event_groups_cleanup(&got);
	for (size_t i = 0; i < n; i++) {
		free(want[i].endpoint);
		free(want[i].source_ip);
	}
	free(want);
	return rollup;
}

/* Random ranges (whole hours, edges inside hours and minutes, under 24
 * hours) and every combination of the filters a rollup can answer, by
 * source or not: each answer equals the events counted one by one, and
 * the rollups answer where they can (the minutes of any range without
 * source; the hours of a range of 24 hours or more by source). */
static void check_group_ranges(struct fixture *f, int64_t from, int64_t span, int rounds)
{
	static const char *const envs[] = {NULL, "production", "staging", "nowhere"};
	static const char *const actions[] = {NULL, "blocked", "logged"};
	static const char *const sources[] = {NULL, "198.51.100.2", "198.51.100.0/29",
	                                      "198.51.100.40/30", "2001:db8::/32"};
	static const int64_t lens[] = {61 * MINUTE + 7, 3 * HOUR,      3 * HOUR + 59999,
	                               24 * HOUR,       24 * HOUR + 1, 26 * HOUR + 12345,
	                               40 * HOUR};

	for (int i = 0; i < rounds; i++) {
		struct store_event_filter q = {.project_id = f->p.id};
		struct event_cidr net;
		char canon[64], ep[16];
		int64_t len = lens[rnd(f) % (sizeof lens / sizeof lens[0])];
		int64_t since = from - 2 * HOUR + (int64_t)(rnd(f) % (uint64_t)(span));
		int by_source = (int)(rnd(f) % 2), pick = (int)(rnd(f) % 8), rollup;
		const char *src;

		if (rnd(f) % 4 == 0)
			since -= since % HOUR; /* on an hour: no edge at the start */
		else if (rnd(f) % 3 == 0)
			since -= since % MINUTE; /* on a minute, not on an hour */
		q.since_ms = since;
		q.until_ms = since + len;
		q.environment = envs[rnd(f) % 4];
		q.action = actions[rnd(f) % 3];
		if (rnd(f) % 3 == 0)
			q.interceptor = policy_interceptor_names[rnd(f) % POLICY_INTERCEPTORS];
		snprintf(ep, sizeof ep, "/api/e%u", (unsigned)(rnd(f) % 16));
		if (pick == 1)
			q.endpoint = ep;
		else if (pick == 2)
			q.endpoint_prefix = "/api/e1"; /* e1 and e10..e14 */
		src = sources[rnd(f) % 5];
		if (src) {
			assert_int_equal(event_query_addr_parse(src, &net, canon), 0);
			if (canon[0])
				q.source_ip = canon;
			else
				q.cidr = &net;
		}
		if (rnd(f) % 8 == 0)
			q.severity = sevs[rnd(f) % 4]; /* in no rollup: the events alone */
		/* the same range without a filter (the dashboard's default) */
		struct store_event_filter all = {
		    .project_id = f->p.id, .since_ms = q.since_ms, .until_ms = q.until_ms};
		check_groups(f, &all, by_source, 100000);
		rollup = check_groups(f, &q, by_source, rnd(f) % 4 ? 100000 : 7);
		/* every range holds a whole minute, and from 24 hours on (trend
		 * buckets of whole hours, for the hourly rollups) a whole hour */
		assert_int_equal(rollup, (by_source || src ? len >= 24 * HOUR : 1) && !q.severity &&
		                             (!q.environment || strcmp(q.environment, "nowhere")));
	}
}

static void groups_from_the_rollups_equal_the_events_by_source_too(void **state)
{
	struct fixture *f = *state;
	struct store_event_filter q = {.project_id = f->p.id, .severity = "high"};
	int64_t n;

	for (int i = 0; i < 8; i++)
		store_random(f, i % 3 ? f->prod.id : f->staging.id, i * 400, 400, T0 - 7 * MINUTE,
		             40 * HOUR, T0 + i * 1000);
	check_rollups(f);
	check_group_ranges(f, T0, 40 * HOUR, 300);
	/* a filter no rollup holds: the events alone, as exact */
	q.since_ms = T0 + 1;
	q.until_ms = T0 + 30 * HOUR;
	assert_false(check_groups(f, &q, 1, 100000));
	assert_false(check_groups(f, &q, 0, 100000));
	/* retention: the purge cuts through every hour; the answers follow */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_event_purge(f->st, T0 + (2 * i + 1) * 1000 + 500, 1000, &n),
		                 0);
		store_idle(f->st);
		assert_true(n > 0);
		check_rollups(f);
		check_group_ranges(f, T0, 40 * HOUR, 60);
	}
}

/* ---- the free-text index (schema 006) ---- */

static void fts_sound(struct fixture *f)
{
	char *msg = NULL;
	int rc = sqlite3_exec(f->db, "INSERT INTO events_fts(events_fts) VALUES('integrity-check')",
	                      NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fprintf(stderr, "integrity-check: %s\n", msg ? msg : "?");
	sqlite3_free(msg);
	assert_int_equal(rc, SQLITE_OK);
}

/* n events uid from.., payload "word<uid>" and "x", received at T0. */
static void store_words(struct fixture *f, int from, int n)
{
	struct event_batch b;

	batch_init(&b, (size_t)n);
	for (int i = 0; i < n; i++) {
		char w[32];
		batch_add(&b, from + i, T0 + i, rnd(f));
		snprintf(w, sizeof w, "word%d x", from + i);
		b.ev[i].payload = batch_str(&b, w);
	}
	store_batch(f, f->prod.id, &b, T0);
}

static int64_t fts_count(struct fixture *f, const char *match)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM events_fts WHERE events_fts MATCH '%s'",
	         match);
	return sql_count(f, sql);
}

/* Stored events reach the index after the commit, in id order and in
 * chunks; ids only grow, even once every event is deleted; deleting events
 * the index never had leaves it sound. */
static void the_text_index_follows_the_commit_and_ids_only_grow(void **state)
{
	struct fixture *f = *state;
	int64_t n = -1, mark = -1, lag = -1, next = 0;

	store_words(f, 0, 300);
	assert_int_equal(store_event_text_state(f->st, &mark, &lag), 0);
	assert_int_equal(mark, 0);
	assert_int_equal(lag, 300);
	assert_int_equal(fts_count(f, "x"), 0); /* stored, not yet searchable as text */

	assert_int_equal(store_event_index_text(f->st, 256, &n, &mark), 0);
	assert_int_equal(n, 256);
	assert_int_equal(mark, 256); /* ids 1..256: the oldest first */
	assert_int_equal(fts_count(f, "word255"), 1);
	assert_int_equal(fts_count(f, "word256"), 0);
	assert_int_equal(store_event_index_text(f->st, 256, &n, &mark), 0);
	assert_int_equal(n, 44);
	assert_int_equal(mark, 300);
	assert_int_equal(store_event_index_text(f->st, 256, &n, &mark), 0);
	assert_int_equal(n, 0);
	assert_int_equal(sql_count(f, "SELECT indexed_to FROM fts_state"), 300);
	assert_int_equal(fts_count(f, "x"), 300);
	fts_sound(f);

	/* 100 more, not indexed, then every event purged: the index loses
	 * the 300 it had and is not asked to forget the 100 it never had */
	store_words(f, 300, 100);
	assert_int_equal(store_event_purge(f->st, T0 + 1, 100000, &n), 0);
	assert_int_equal(n, 400);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM events"), 0);
	assert_int_equal(fts_count(f, "x"), 0);
	fts_sound(f);

	/* an empty table would hand out id 1 again: the next id stays above
	 * the mark, so the next events are indexed, not taken as indexed */
	assert_int_equal(store_tx_begin(f->st), 0);
	assert_int_equal(store_event_next_id(f->st, &next), 0);
	store_tx_rollback(f->st);
	assert_int_equal(next, 301);
	store_words(f, 1000, 10);
	assert_int_equal(sql_count(f, "SELECT min(id) FROM events"), 301);
	assert_int_equal(store_event_text_state(f->st, &mark, &lag), 0);
	assert_int_equal(lag, 10);
	assert_int_equal(store_event_index_text(f->st, 256, &n, &mark), 0);
	assert_int_equal(n, 10);
	assert_int_equal(mark, 310);
	assert_int_equal(fts_count(f, "word1009"), 1);
	assert_int_equal(fts_count(f, "x"), 10);
	fts_sound(f);
}

/* A search with free text waits for the index to have what was acked. */
static void a_text_wait_returns_once_every_acked_event_is_indexed(void **state)
{
	struct fixture *f = *state;
	struct event_batch b;

	assert_int_equal(ingest_start(f->t.target, 0, 0), MOAT_OK);
	assert_int_equal(ingest_text_wait(1000), MOAT_OK); /* nothing stored: at once */
	batch_init(&b, 3000);
	for (int i = 0; i < 3000; i++)
		batch_add(&b, i, T0 + i, rnd(f));
	writer_store(f, &f->prod, &b, 3000, 0);
	/* acked; the writer indexes 256 at a time when idle, so only the wait
	 * makes the next line true at once */
	assert_int_equal(ingest_text_wait(10000), MOAT_OK);
	assert_int_equal(fts_count(f, "x"), 3000);
	ingest_stop();
	assert_int_equal(ingest_text_wait(1000), MOAT_OK); /* not running: at once */
	fts_sound(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        the_writer_adds_the_events_it_inserts_and_never_a_duplicate, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_purge_subtracts_exactly_the_events_it_deletes, setup,
	                                    teardown),
	    /* the write side on PostgreSQL too (issue 13) */
	    cmocka_unit_test_setup_teardown(
	        the_writer_adds_the_events_it_inserts_and_never_a_duplicate, setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_purge_subtracts_exactly_the_events_it_deletes,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(stats_are_exact_for_ranges_that_cut_minutes_and_hours,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        the_migration_backfills_the_rollups_of_events_stored_before_it, setup, teardown),
	    cmocka_unit_test_setup_teardown(groups_from_the_rollups_equal_the_events_by_source_too,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(the_text_index_follows_the_commit_and_ids_only_grow,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_text_wait_returns_once_every_acked_event_is_indexed,
	                                    setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
