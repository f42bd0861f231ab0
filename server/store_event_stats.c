/*
 * store_event_stats.c — statistics over a time range of a project's
 * events: counts per time bucket and interceptor, blocked vs logged, by
 * severity, and the top endpoints, source addresses and rules. Whole
 * hours (or minutes, for minute buckets) come from the rollup tables the
 * writer keeps in the same transaction as the events (schema/005); the
 * partial hours at the edges of the range are counted from the events,
 * so the answer is exact to the millisecond. Thread: the caller's
 * connection's thread.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event_query.h"
#include "policy.h"
#include "xalloc.h"

void store_event_stats_cleanup(struct store_event_stats *s)
{
	struct store_stats_top *lists[] = {s->endpoints, s->sources, s->rules};

	free(s->buckets);
	s->buckets = NULL;
	for (int l = 0; l < 3; l++)
		for (int i = 0; i < STORE_STATS_TOP; i++) {
			free(lists[l][i].key);
			lists[l][i].key = NULL;
		}
}

/* Counts of distinct strings (the top-N lists): an open-addressing hash
 * over an arena. Past EQ_TALLY_MAX distinct keys, new keys are no longer
 * added (existing ones still count): memory stays bounded whatever the
 * range holds, and the top ten stay exact unless a key first seen after
 * that point would have made it. */
#define EQ_TALLY_MAX 1000000

struct eq_slot {
	uint64_t hash;
	size_t off, len;
	int64_t count; /* 0 = free */
};

struct eq_tally {
	struct eq_slot *slots;
	size_t cap, n;
	char *arena;
	size_t alen, acap;
};

static uint64_t eq_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void eq_tally_grow(struct eq_tally *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	struct eq_slot *slots = xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < t->cap; i++) {
		size_t k;
		if (!t->slots[i].count)
			continue;
		k = t->slots[i].hash & (cap - 1);
		while (slots[k].count)
			k = (k + 1) & (cap - 1);
		slots[k] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

static void eq_tally_add(struct eq_tally *t, const char *s, size_t len, int64_t n)
{
	uint64_t h;
	size_t k;

	if (!s)
		return;
	if ((t->n + 1) * 2 > t->cap && t->n < EQ_TALLY_MAX)
		eq_tally_grow(t);
	h = eq_hash(s, len);
	k = h & (t->cap - 1);
	while (t->slots[k].count) {
		struct eq_slot *e = &t->slots[k];
		if (e->hash == h && e->len == len && !memcmp(t->arena + e->off, s, len)) {
			e->count += n;
			return;
		}
		k = (k + 1) & (t->cap - 1);
	}
	if (t->n >= EQ_TALLY_MAX)
		return;
	if (t->alen + len > t->acap) {
		t->acap = (t->alen + len) * 2;
		t->arena = xrealloc(t->arena, t->acap);
	}
	memcpy(t->arena + t->alen, s, len);
	t->slots[k] = (struct eq_slot){h, t->alen, len, n};
	t->alen += len;
	t->n++;
}

/* Is slot a ranked before top entry b (more, then smaller key)? */
static int eq_before(const struct eq_tally *t, const struct eq_slot *a,
                     const struct store_stats_top *b)
{
	size_t bl;
	int c;

	if (a->count != b->count)
		return a->count > b->count;
	bl = strlen(b->key);
	c = memcmp(t->arena + a->off, b->key, a->len < bl ? a->len : bl);
	return c < 0 || (c == 0 && a->len < bl);
}

/* The STORE_STATS_TOP largest counts into top (keys are heap copies). */
static void eq_tally_top(struct eq_tally *t, struct store_stats_top *top, int *n)
{
	*n = 0;
	for (size_t i = 0; i < t->cap; i++) {
		const struct eq_slot *e = &t->slots[i];
		int at;
		if (!e->count)
			continue;
		at = *n;
		while (at > 0 && eq_before(t, e, &top[at - 1]))
			at--;
		if (at >= STORE_STATS_TOP)
			continue;
		if (*n == STORE_STATS_TOP)
			free(top[--(*n)].key);
		memmove(&top[at + 1], &top[at], (size_t)(*n - at) * sizeof *top);
		top[at].key = xstrndup(t->arena + e->off, e->len);
		top[at].count = e->count;
		(*n)++;
	}
	free(t->slots);
	free(t->arena);
	memset(t, 0, sizeof *t);
}

static int eq_interceptor_index(const char *name, size_t len)
{
	for (int i = 0; name && i < STORE_STATS_INTERCEPTORS; i++)
		if (strlen(policy_interceptor_names[i]) == len &&
		    !memcmp(name, policy_interceptor_names[i], len))
			return i;
	return -1;
}

static int eq_severity_index(const char *s)
{
	switch (s ? s[0] : 0) {
	case 'l':
		return 0;
	case 'm':
		return 1;
	case 'h':
		return 2;
	case 'c':
		return 3;
	default:
		return -1;
	}
}

/*
 * The statistics of [since, until) come from three places:
 *
 *   the whole hours inside it   the rollups (schema 005): counts from
 *                               event_counts_hour when a bucket is a
 *                               whole number of hours, else from
 *                               event_counts (minutes); the top lists
 *                               from event_top
 *   the partial hours at its    the events themselves, read from
 *   edges (at most two)         events_ts alone (it holds every column)
 *
 * So the result is exact to the millisecond for any range, and the cost is
 * the rollup rows of the whole hours plus the events of at most two hours
 * (for a range of whole hours' length, such as the default 24 hours,
 * exactly one hour: the two edges add up to one). A bucket that is not a
 * whole number of minutes (not reachable from the API) reads the events
 * for the whole range.
 *
 * The rollups are read per environment of the project (the key starts
 * with it): environments are never deleted, so every event's environment
 * is there.
 */
#define EQ_MINUTE_MS 60000
#define EQ_HOUR_MS   3600000

#define EQ_STATS_COLS                                                                              \
	"SELECT e.ts, e.interceptor, e.action, e.severity, e.rule, e.source_ip, e.endpoint"
#define EQ_STATS_WHERE                                                                             \
	" WHERE e.project_id = ?1 AND e.ts >= ?2 AND e.ts < ?3 AND (?4 IS NULL OR "                \
	"e.environment_id = ?4)"
#define EQ_STATS_WHERE_PG                                                                          \
	" WHERE e.project_id = ?1 AND e.ts >= ?2 AND e.ts < ?3"                                    \
	" AND (CAST(?4 AS BIGINT) IS NULL OR e.environment_id = ?4)"
/* PostgreSQL: without the hint (events_ts holds every column there too),
 * and ?4's type said (PostgreSQL cannot tell it from IS NULL) */
static const struct db_sql eq_stats_rows = {EQ_STATS_COLS
                                            " FROM events e INDEXED BY events_ts" EQ_STATS_WHERE,
                                            EQ_STATS_COLS " FROM events e" EQ_STATS_WHERE_PG};
static const char eq_stats_rows_explain[] =
    "EXPLAIN " EQ_STATS_COLS " FROM events e" EQ_STATS_WHERE_PG;

/* ?1 project  ?2 environment id (NULL = all)  ?3 ?4 [first, end) bucket */
#define EQ_ROLLUP_(cols, table, t, env)                                                            \
	"SELECT " cols " FROM " table " WHERE project_id = ?1 AND environment_id IN"               \
	" (SELECT id FROM environments WHERE project_id = ?1 AND (" env " IS NULL OR id = ?2))"    \
	" AND " t " >= ?3 AND " t " < ?4"
/* both engines' texts (PostgreSQL needs ?2's type said) */
#define EQ_ROLLUP(cols, table, t)                                                                  \
	{                                                                                          \
		EQ_ROLLUP_(cols, table, t, "?2"), EQ_ROLLUP_(cols, table, t, "CAST(?2 AS BIGINT)") \
	}

static const struct db_sql eq_stats_minutes =
    EQ_ROLLUP("minute, interceptor, action, severity, n", "event_counts", "minute");
static const struct db_sql eq_stats_hours =
    EQ_ROLLUP("hour, interceptor, action, severity, n", "event_counts_hour", "hour");
static const struct db_sql eq_stats_tops = EQ_ROLLUP("kind, value, n", "event_top", "hour");

/* One stats call in progress. */
struct eq_stats {
	struct store_event_stats *out;
	int64_t project_id, env_id; /* env_id 0 = every environment */
	int64_t first, bucket_ms;
	struct eq_tally top[3]; /* endpoints, sources, rules */
};

/* floor(x / w) and ceil(x / w) for w > 0 (C divides towards zero). */
static int64_t eq_floor(int64_t x, int64_t w)
{
	return x / w - (x % w < 0);
}

static int64_t eq_ceil(int64_t x, int64_t w)
{
	return x / w + (x % w > 0);
}

/* Counts n events at ts (inside the range) with these columns. */
static void eq_stats_count(struct eq_stats *c, int64_t ts, struct db_stmt *s, int col, int64_t n)
{
	const int width = STORE_STATS_INTERCEPTORS + 2;
	struct store_event_stats *out = c->out;
	int64_t *row = &out->buckets[(ts - c->first) / c->bucket_ms * width];
	const char *act = db_column_text(s, col + 1);
	int i = eq_interceptor_index(db_column_text(s, col), db_column_bytes(s, col));
	int sev = eq_severity_index(db_column_text(s, col + 2));

	out->total += n;
	row[width - 1] += n;
	if (i >= 0) {
		out->by_interceptor[i] += n;
		row[i] += n;
	}
	if (act && act[0] == 'b') {
		out->blocked += n;
		row[width - 2] += n;
	} else {
		out->logged += n;
	}
	if (sev >= 0)
		out->by_severity[sev] += n;
}

static void eq_stats_tally(struct eq_tally *t, struct db_stmt *s, int col, int64_t n)
{
	eq_tally_add(t, db_column_text(s, col), db_column_bytes(s, col), n);
}

/* Ends a statement's loop: MOAT_OK after DB_DONE. */
static int eq_stats_done(struct db_stmt *s, int rc)
{
	db_reset(s);
	return rc == DB_DONE ? MOAT_OK : rc;
}

/* Everything from the events in [lo, hi). */
static int eq_stats_events(struct store *st, struct eq_stats *c, int64_t lo, int64_t hi)
{
	struct db_stmt *s;
	int rc;

	if (lo >= hi)
		return MOAT_OK;
	s = db_prepare2(st->conn, &eq_stats_rows);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, c->project_id);
	db_bind_int64(s, 2, lo);
	db_bind_int64(s, 3, hi);
	if (c->env_id)
		db_bind_int64(s, 4, c->env_id);
	db_stream(s); /* up to two hours of events: any number */
	while ((rc = db_step(s)) == DB_ROW) {
		eq_stats_count(c, db_column_int64(s, 0), s, 1, 1);
		eq_stats_tally(&c->top[2], s, 4, 1);
		eq_stats_tally(&c->top[1], s, 5, 1);
		eq_stats_tally(&c->top[0], s, 6, 1);
	}
	return eq_stats_done(s, rc);
}

static struct db_stmt *eq_stats_rollup(struct store *st, const struct eq_stats *c,
                                       const struct db_sql *sql, int64_t first, int64_t end)
{
	struct db_stmt *s = db_prepare2(st->conn, sql);

	if (!s)
		return NULL;
	db_bind_int64(s, 1, c->project_id);
	if (c->env_id)
		db_bind_int64(s, 2, c->env_id);
	db_bind_int64(s, 3, first);
	db_bind_int64(s, 4, end);
	return s;
}

/* Everything from the rollups for the whole hours [lo, hi) (ms). */
static int eq_stats_rollups(struct store *st, struct eq_stats *c, int64_t lo, int64_t hi)
{
	int64_t unit = c->bucket_ms % EQ_HOUR_MS ? EQ_MINUTE_MS : EQ_HOUR_MS;
	struct db_stmt *s = eq_stats_rollup(
	    st, c, unit == EQ_HOUR_MS ? &eq_stats_hours : &eq_stats_minutes, lo / unit, hi / unit);
	int rc;

	if (!s)
		return MOAT_EDB;
	while ((rc = db_step(s)) == DB_ROW)
		eq_stats_count(c, db_column_int64(s, 0) * unit, s, 1, db_column_int64(s, 4));
	rc = eq_stats_done(s, rc);
	if (rc)
		return rc;
	s = eq_stats_rollup(st, c, &eq_stats_tops, lo / EQ_HOUR_MS, hi / EQ_HOUR_MS);
	if (!s)
		return MOAT_EDB;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *kind = db_column_text(s, 0);
		int k = !kind            ? -1
		        : kind[0] == 'e' ? 0
		        : kind[0] == 's' ? 1
		        : kind[0] == 'r' ? 2
		                         : -1;
		if (k >= 0)
			eq_stats_tally(&c->top[k], s, 1, db_column_int64(s, 2));
	}
	return eq_stats_done(s, rc);
}

int store_event_stats(struct store *st, int64_t project_id, const char *environment,
                      int64_t since_ms, int64_t until_ms, int64_t bucket_ms,
                      struct store_event_stats *out)
{
	const int width = STORE_STATS_INTERCEPTORS + 2;
	struct eq_stats c;
	int64_t lo, hi, nb;
	int rc;

	memset(out, 0, sizeof *out);
	if (bucket_ms <= 0 || until_ms <= since_ms)
		return MOAT_EINVALID;
	memset(&c, 0, sizeof c);
	c.out = out;
	c.project_id = project_id;
	c.bucket_ms = bucket_ms;
	c.first = eq_floor(since_ms, bucket_ms) * bucket_ms;
	nb = (until_ms - c.first + bucket_ms - 1) / bucket_ms;
	if (nb > STORE_STATS_BUCKETS_MAX)
		return MOAT_EINVALID;
	out->first_bucket = c.first;
	out->nbuckets = (int)nb;
	out->buckets = xcalloc((size_t)nb * (size_t)width, sizeof *out->buckets);
	if (environment) {
		struct store_env env;
		rc = store_env_get(st, project_id, environment, &env);
		if (rc == MOAT_ENOTFOUND)
			return MOAT_OK; /* no such environment: nothing counted */
		if (rc)
			return rc;
		c.env_id = env.id;
	}
	/* the whole hours [lo, hi); none when the range holds no whole hour */
	lo = eq_ceil(since_ms, EQ_HOUR_MS) * EQ_HOUR_MS;
	hi = eq_floor(until_ms, EQ_HOUR_MS) * EQ_HOUR_MS;
	if (lo >= hi || bucket_ms % EQ_MINUTE_MS)
		lo = hi = until_ms;
	rc = eq_stats_events(st, &c, since_ms, lo);
	if (!rc)
		rc = eq_stats_events(st, &c, hi, until_ms);
	if (!rc && lo < hi)
		rc = eq_stats_rollups(st, &c, lo, hi);
	eq_tally_top(&c.top[2], out->rules, &out->nrules);
	eq_tally_top(&c.top[1], out->sources, &out->nsources);
	eq_tally_top(&c.top[0], out->endpoints, &out->nendpoints);
	return rc;
}

void store_event_stats_plan(struct store *st, char *out, size_t cap, size_t *o)
{
	if (st->engine == DB_POSTGRES) {
		/* the events' part, for a range of an hour */
		struct db_stmt *s = db_prepare(st->conn, eq_stats_rows_explain);
		if (!s)
			return;
		db_bind_int64(s, 1, 1);
		db_bind_int64(s, 2, 0);
		db_bind_int64(s, 3, EQ_HOUR_MS);
		store_explain_pg(s, out, cap, o);
		return;
	}
	store_explain(st, eq_stats_rows.sqlite, out, cap, o);
	store_explain(st, eq_stats_minutes.sqlite, out, cap, o);
	store_explain(st, eq_stats_hours.sqlite, out, cap, o);
	store_explain(st, eq_stats_tops.sqlite, out, cap, o);
}
