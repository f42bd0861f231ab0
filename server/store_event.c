/*
 * store_event.c — writing threat events: insert with deduplication on the
 * agent's event id, the rollups the statistics and the groups read
 * (schemas 005, 009, 010), and the
 * retention purge. Only the writer thread calls these. Thread: the
 * writer's connection.
 *
 * Rollups. Every row of event_counts (per minute), event_counts_hour,
 * event_top, event_groups_hour, event_sources_hour (per hour) and
 * event_groups_minute is the count of the events that exist (the last
 * three also their least and greatest ts): the writer
 * adds the events a job inserted in the same transaction, the purge
 * subtracts the events it deletes in the same transaction. Both aggregate
 * in memory first (sort, then one upsert per distinct key), so a batch of
 * 500 events costs one statement per key it touches, not per event.
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "xalloc.h"

/* ---- ids and the free-text index (schema 006) ---- */

/* Reads the one row of sql: its first column into *a, its second (if b)
 * into *b. No row is corruption: the statements below always give one. */
static int se_row(struct store *st, const char *sql, int64_t *a, int64_t *b)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(s, 0);
		if (b)
			*b = sqlite3_column_int64(s, 1);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CORRUPT; /* fts_state's row is inserted by the migration */
	}
	rc = store_err(st, rc);
	sqlite3_reset(s);
	return rc;
}

int store_event_next_id(struct store *st, int64_t *id)
{
	static const char sql[] =
	    "SELECT max(coalesce((SELECT max(id) FROM events), 0),"
	    " coalesce((SELECT indexed_to FROM fts_state WHERE id = 1), 0)) + 1";

	return se_row(st, sql, id, NULL);
}

int store_event_text_state(struct store *st, int64_t *indexed_to, int64_t *lag)
{
	static const char sql[] =
	    "SELECT f.indexed_to, (SELECT count(*) FROM events WHERE id > f.indexed_to)"
	    " FROM fts_state f WHERE f.id = 1";

	*indexed_to = *lag = 0;
	return se_row(st, sql, indexed_to, lag);
}

int store_event_index_text(struct store *st, int limit, int64_t *n, int64_t *indexed_to)
{
	static const char mark[] = "SELECT indexed_to FROM fts_state WHERE id = 1";
	static const char upto[] = "SELECT count(*), max(id) FROM"
	                           " (SELECT id FROM events WHERE id > ?1 ORDER BY id LIMIT ?2)";
	static const char add[] = "INSERT INTO events_fts(rowid, payload, operation)"
	                          " SELECT id, payload, operation FROM events"
	                          " WHERE id > ?1 AND id <= ?2 ORDER BY id";
	static const char move[] = "UPDATE fts_state SET indexed_to = ?1 WHERE id = 1";
	int64_t from = 0, to = 0, count = 0;
	sqlite3_stmt *s;
	int rc = store_begin(st);

	*n = 0;
	if (rc)
		return rc;
	s = store_stmt(st, mark);
	rc = s ? sqlite3_step(s) : SQLITE_ERROR;
	if (rc == SQLITE_ROW) {
		from = sqlite3_column_int64(s, 0);
		s = store_stmt(st, upto);
		if (s) {
			sqlite3_bind_int64(s, 1, from);
			sqlite3_bind_int(s, 2, limit);
		}
		rc = s ? sqlite3_step(s) : SQLITE_ERROR;
	}
	if (rc == SQLITE_ROW) {
		count = sqlite3_column_int64(s, 0);
		to = count ? sqlite3_column_int64(s, 1) : from;
		rc = SQLITE_DONE;
	}
	if (rc == SQLITE_DONE && count > 0) {
		s = store_stmt(st, add);
		if (s) {
			sqlite3_bind_int64(s, 1, from);
			sqlite3_bind_int64(s, 2, to);
		}
		rc = s ? sqlite3_step(s) : SQLITE_ERROR;
		if (rc == SQLITE_DONE) {
			s = store_stmt(st, move);
			if (s)
				sqlite3_bind_int64(s, 1, to);
			rc = s ? sqlite3_step(s) : SQLITE_ERROR;
		}
	}
	rc = store_err(st, rc == SQLITE_DONE ? SQLITE_OK : rc);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	if (!rc) {
		*n = count;
		*indexed_to = to;
	}
	return rc;
}

/* ---- inserting ---- */

int store_event_insert(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                       const struct event *e, int64_t received_ms, int64_t *next_id, int *inserted)
{
	static const char sql[] =
	    "INSERT INTO events(project_id, environment_id, event_uid, agent_id, ts, received_at,"
	    " interceptor, action, severity, confidence, source_ip, method, endpoint, payload,"
	    " payload_len, payload_truncated, operation, operation_len, operation_truncated, file,"
	    " line, function, rule, details, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(project_id, event_uid) DO NOTHING";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	*inserted = 0;
	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 25, *next_id);
	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, env_id);
	sqlite3_bind_text(s, 3, e->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, agent_id ? agent_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, e->ts_ms);
	sqlite3_bind_int64(s, 6, received_ms);
	sqlite3_bind_text(s, 7, e->interceptor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, e->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, e->severity, -1, SQLITE_STATIC);
	if (e->has_confidence)
		sqlite3_bind_double(s, 10, e->confidence);
	sqlite3_bind_text(s, 11, e->source_ip, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, e->method, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, e->endpoint, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 14, e->payload, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 15, e->payload_len);
	sqlite3_bind_int(s, 16, e->payload_truncated);
	sqlite3_bind_text(s, 17, e->operation, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 18, e->operation_len);
	sqlite3_bind_int(s, 19, e->operation_truncated);
	sqlite3_bind_text(s, 20, e->file, -1, SQLITE_STATIC);
	if (e->has_line)
		sqlite3_bind_int64(s, 21, e->line);
	sqlite3_bind_text(s, 22, e->function, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 23, e->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 24, e->details, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		rc = store_err(st, rc);
		sqlite3_reset(s);
		return rc;
	}
	*inserted = sqlite3_changes(st->db) > 0;
	if (*inserted)
		(*next_id)++;
	sqlite3_reset(s);
	return MOAT_OK;
}

/* ---- rollups ---- */

#define RU_MINUTE 60000
#define RU_HOUR   3600000
#define RU_KINDS  3

static const char *const ru_kind_names[RU_KINDS] = {"endpoint", "source", "rule"};

/* One event's share of the rollups. The strings are borrowed. */
struct ru_ev {
	int64_t project_id, env_id, minute, hour, ts;
	const char *cols[3];        /* interceptor, action, severity */
	const char *vals[RU_KINDS]; /* endpoint, source_ip, rule; NULL = none */
	const char *group[3];       /* interceptor, endpoint, action (schema 009) */
	const char *source[4];      /* interceptor, endpoint, source_ip, action (010) */
};

/* floor(ts / width): the schema's buckets (C and SQL divide towards 0). */
static int64_t ru_floor(int64_t ts, int64_t width)
{
	return ts / width - (ts % width < 0);
}

static void ru_fill(struct ru_ev *r, int64_t project_id, int64_t env_id, int64_t ts,
                    const char *interceptor, const char *action, const char *severity,
                    const char *endpoint, const char *source_ip, const char *rule)
{
	r->project_id = project_id;
	r->env_id = env_id;
	r->minute = ru_floor(ts, RU_MINUTE);
	r->hour = ru_floor(ts, RU_HOUR);
	r->ts = ts;
	r->group[0] = interceptor;
	r->group[1] = endpoint;
	r->group[2] = action;
	r->source[0] = interceptor;
	r->source[1] = endpoint;
	r->source[2] = source_ip;
	r->source[3] = action;
	r->cols[0] = interceptor;
	r->cols[1] = action;
	r->cols[2] = severity;
	r->vals[0] = endpoint;
	r->vals[1] = source_ip;
	r->vals[2] = rule;
}

/* NULL sorts first. */
static int ru_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Orders by (project, environment, t, strings...). */
static int ru_cmp(const struct ru_ev *a, const struct ru_ev *b, int64_t ta, int64_t tb,
                  const char *const *sa, const char *const *sb, int ns)
{
	if (a->project_id != b->project_id)
		return a->project_id < b->project_id ? -1 : 1;
	if (a->env_id != b->env_id)
		return a->env_id < b->env_id ? -1 : 1;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	for (int i = 0; i < ns; i++) {
		int c = ru_strcmp(sa[i], sb[i]);
		if (c)
			return c;
	}
	return 0;
}

static int ru_cmp_minute(const void *x, const void *y)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->minute, b->minute, a->cols, b->cols, 3);
}

static int ru_cmp_hour(const void *x, const void *y)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->hour, b->hour, a->cols, b->cols, 3);
}

static int ru_cmp_group(const void *x, const void *y)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->hour, b->hour, a->group, b->group, 3);
}

static int ru_cmp_group_minute(const void *x, const void *y)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->minute, b->minute, a->group, b->group, 3);
}

static int ru_cmp_source(const void *x, const void *y)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->hour, b->hour, a->source, b->source, 4);
}

static int ru_cmp_top(const void *x, const void *y, int k)
{
	const struct ru_ev *a = x, *b = y;

	return ru_cmp(a, b, a->hour, b->hour, &a->vals[k], &b->vals[k], 1);
}

static int ru_cmp_top0(const void *x, const void *y)
{
	return ru_cmp_top(x, y, 0);
}

static int ru_cmp_top1(const void *x, const void *y)
{
	return ru_cmp_top(x, y, 1);
}

static int ru_cmp_top2(const void *x, const void *y)
{
	return ru_cmp_top(x, y, 2);
}

/* Adds delta to one rollup row: up (an upsert) binds ?1 project, ?2
 * environment, ?3 time, texts from ?4, delta after them; zap (the same
 * key, "AND n <= 0") runs after a subtraction and drops the row at zero. */
static int ru_put(struct store *st, const char *up, const char *zap, const struct ru_ev *r,
                  int64_t t, const char *const *texts, int ntexts, int64_t delta)
{
	for (int pass = 0; pass < (delta < 0 ? 2 : 1); pass++) {
		sqlite3_stmt *s = store_stmt(st, pass ? zap : up);
		int rc;
		if (!s)
			return MOAT_EDB;
		sqlite3_bind_int64(s, 1, r->project_id);
		sqlite3_bind_int64(s, 2, r->env_id);
		sqlite3_bind_int64(s, 3, t);
		for (int i = 0; i < ntexts; i++)
			sqlite3_bind_text(s, 4 + i, texts[i], -1, SQLITE_STATIC);
		if (!pass)
			sqlite3_bind_int64(s, 4 + ntexts, delta);
		rc = sqlite3_step(s);
		rc = rc == SQLITE_DONE ? MOAT_OK : store_err(st, rc);
		sqlite3_reset(s);
		if (rc)
			return rc;
	}
	return MOAT_OK;
}

/* The rollups of "attacks, grouped": per hour by interceptor, endpoint and
 * action (009), the same by source address too (010), and per minute
 * (010), each row with the least and greatest ts of its events. */
enum ru_group { RU_GROUPS_HOUR, RU_SOURCES_HOUR, RU_GROUPS_MINUTE };

/* The least (f "min") or greatest ("max") ts of the events of one rollup
 * row: project ?1, environment ?2, bucket ?3 (of w ms), interceptor ?4,
 * action ?7 and the rest of the row's key, read through the index idx
 * that narrows them most. */
#define RU_EDGE(f, w, idx, key)                                                                    \
	"(SELECT " f "(ts) FROM events INDEXED BY " idx " WHERE project_id = ?1 AND " key          \
	" AND ts >= ?3 * " w " AND ts < (?3 + 1) * " w                                             \
	" AND environment_id = ?2 AND interceptor = ?4 AND action = ?7)"
#define RU_KEY(t)                                                                                  \
	" WHERE project_id = ?1 AND environment_id = ?2 AND " t " = ?3 AND interceptor = ?4"       \
	" AND has_endpoint = ?5 AND endpoint = ?6 AND action = ?7"
#define RU_SOURCE_KEY RU_KEY("hour") " AND has_source = ?11 AND source_ip = ?13"
#define RU_UP(table, t, cols, vals)                                                                \
	"INSERT INTO " table "(project_id, environment_id, " t ", interceptor, has_endpoint,"      \
	" endpoint, action, n, first_ts, last_ts" cols ")"                                         \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10" vals ") ON CONFLICT DO UPDATE SET"      \
	" n = n + excluded.n, first_ts = min(first_ts, excluded.first_ts),"                        \
	" last_ts = max(last_ts, excluded.last_ts)"
/* Sets first_ts and last_ts of the row of table that where selects from
 * the events it counts. */
#define RU_FIX(table, w, idx, key, where)                                                          \
	"UPDATE " table                                                                            \
	" SET first_ts = " RU_EDGE("min", w, idx, key) ","                                         \
	                                               " last_ts = " RU_EDGE("max", w, idx, key)   \
	                                                   where
#define RU_FIXES(table, t, w)                                                                      \
	RU_FIX(table, w, "events_endpoint", "endpoint = ?6", RU_KEY(t)),                           \
	    RU_FIX(table, w, "events_endpoint", "endpoint IS NULL", RU_KEY(t))

/* Per rollup: the upsert; the delete at zero; the fixes of first_ts and
 * last_ts for a row with an endpoint and for one without. */
static const char *const ru_group_sql[3][4] = {
    [RU_GROUPS_HOUR] = {RU_UP("event_groups_hour", "hour", "", ""),
                        "DELETE FROM event_groups_hour" RU_KEY("hour") " AND n <= 0",
                        RU_FIXES("event_groups_hour", "hour", "3600000")},
    [RU_SOURCES_HOUR] = {RU_UP("event_sources_hour", "hour", ", has_source, source_ip",
                               ", ?11, ?13"),
                         "DELETE FROM event_sources_hour" RU_SOURCE_KEY " AND n <= 0",
                         RU_FIX("event_sources_hour", "3600000", "events_source",
                                "source_ip IS ?12 AND endpoint IS ?14", RU_SOURCE_KEY),
                         RU_FIX("event_sources_hour", "3600000", "events_source",
                                "source_ip IS ?12 AND endpoint IS ?14", RU_SOURCE_KEY)},
    [RU_GROUPS_MINUTE] = {RU_UP("event_groups_minute", "minute", "", ""),
                          "DELETE FROM event_groups_minute" RU_KEY("minute") " AND n <= 0",
                          RU_FIXES("event_groups_minute", "minute", "60000")},
};
#undef RU_FIXES
#undef RU_FIX
#undef RU_UP
#undef RU_SOURCE_KEY
#undef RU_KEY
#undef RU_EDGE

/* Adds the events ev[0..n) (one key of the rollup g) times sign to their
 * row. A subtraction drops the row at zero and otherwise recomputes its
 * first_ts and last_ts from the events left (the deleted ones may have
 * been them): through events_endpoint (the row's endpoint and bucket), or
 * events_source (its address). */
static int ru_put_group(struct store *st, const struct ru_ev *ev, size_t n, int sign,
                        enum ru_group g)
{
	const struct ru_ev *r = &ev[0];
	const char *const *sql = ru_group_sql[g];
	const char *steps[3] = {sql[0], NULL, NULL};
	const char *source = r->source[2];
	int64_t lo = r->ts, hi = r->ts;

	if (sign < 0) {
		steps[1] = sql[1];
		steps[2] = r->group[1] ? sql[2] : sql[3];
	}
	for (size_t i = 1; i < n; i++) {
		lo = ev[i].ts < lo ? ev[i].ts : lo;
		hi = ev[i].ts > hi ? ev[i].ts : hi;
	}
	for (int k = 0; k < 3 && steps[k]; k++) {
		sqlite3_stmt *s = store_stmt(st, steps[k]);
		int rc;
		if (!s)
			return MOAT_EDB;
		sqlite3_bind_int64(s, 1, r->project_id);
		sqlite3_bind_int64(s, 2, r->env_id);
		sqlite3_bind_int64(s, 3, g == RU_GROUPS_MINUTE ? r->minute : r->hour);
		sqlite3_bind_text(s, 4, r->group[0], -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, r->group[1] != NULL);
		sqlite3_bind_text(s, 6, r->group[1] ? r->group[1] : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, r->group[2], -1, SQLITE_STATIC);
		if (k == 0) {
			sqlite3_bind_int64(s, 8, sign * (int64_t)n);
			sqlite3_bind_int64(s, 9, lo);
			sqlite3_bind_int64(s, 10, hi);
		}
		if (g == RU_SOURCES_HOUR) {
			sqlite3_bind_int(s, 11, source != NULL);
			if (k == 2) {
				store_bind_text(s, 12, source);
				store_bind_text(s, 14, r->group[1]);
			}
			sqlite3_bind_text(s, 13, source ? source : "", -1, SQLITE_STATIC);
		}
		rc = sqlite3_step(s);
		rc = rc == SQLITE_DONE ? MOAT_OK : store_err(st, rc);
		sqlite3_reset(s);
		if (rc)
			return rc;
	}
	return MOAT_OK;
}

#define RU_COUNTS_UP(table, t)                                                                     \
	"INSERT INTO " table "(project_id, environment_id, " t                                     \
	", interceptor, action, severity, n)"                                                      \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET n = n + excluded.n"
#define RU_COUNTS_ZAP(table, t)                                                                    \
	"DELETE FROM " table " WHERE project_id = ?1 AND environment_id = ?2 AND " t " = ?3"       \
	" AND interceptor = ?4 AND action = ?5 AND severity = ?6 AND n <= 0"

/* Adds sign times every event of ev (sorted here) to the rollups. */
static int ru_apply(struct store *st, struct ru_ev *ev, size_t n, int sign)
{
	static const char up_min[] = RU_COUNTS_UP("event_counts", "minute");
	static const char zap_min[] = RU_COUNTS_ZAP("event_counts", "minute");
	static const char up_hour[] = RU_COUNTS_UP("event_counts_hour", "hour");
	static const char zap_hour[] = RU_COUNTS_ZAP("event_counts_hour", "hour");
	static const char up_top[] =
	    "INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET n = n + excluded.n";
	static const char zap_top[] =
	    "DELETE FROM event_top WHERE project_id = ?1 AND environment_id = ?2 AND hour = ?3"
	    " AND kind = ?4 AND value = ?5 AND n <= 0";
	/* minute, hour, the top lists, then the group rollups in ru_group order */
	int (*const cmp[5 + RU_KINDS])(const void *, const void *) = {
	    ru_cmp_minute, ru_cmp_hour,  ru_cmp_top0,   ru_cmp_top1,
	    ru_cmp_top2,   ru_cmp_group, ru_cmp_source, ru_cmp_group_minute};
	int rc = MOAT_OK;

	if (n == 0)
		return MOAT_OK;
	for (int pass = 0; pass < 5 + RU_KINDS && !rc; pass++) {
		qsort(ev, n, sizeof *ev, cmp[pass]);
		for (size_t i = 0, j; i < n && !rc; i = j) {
			const struct ru_ev *r = &ev[i];
			const char *top[2];
			int64_t delta;
			for (j = i + 1; j < n && cmp[pass](r, &ev[j]) == 0; j++)
				;
			delta = sign * (int64_t)(j - i);
			if (pass >= 2 + RU_KINDS)
				rc = ru_put_group(st, r, j - i, sign,
				                  (enum ru_group)(pass - 2 - RU_KINDS));
			else if (pass == 0)
				rc = ru_put(st, up_min, zap_min, r, r->minute, r->cols, 3, delta);
			else if (pass == 1)
				rc = ru_put(st, up_hour, zap_hour, r, r->hour, r->cols, 3, delta);
			else if (r->vals[pass - 2]) {
				top[0] = ru_kind_names[pass - 2];
				top[1] = r->vals[pass - 2];
				rc = ru_put(st, up_top, zap_top, r, r->hour, top, 2, delta);
			}
		}
	}
	return rc;
}

int store_event_rollup_add(struct store *st, int64_t project_id, int64_t env_id,
                           const struct event_batch *b, const unsigned char *inserted)
{
	struct ru_ev *ev = xcalloc(b->n ? b->n : 1, sizeof *ev);
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < b->n; i++) {
		const struct event *e = &b->ev[i];
		if (!inserted[i])
			continue;
		ru_fill(&ev[n++], project_id, env_id, e->ts_ms, e->interceptor, e->action,
		        e->severity, e->endpoint, e->source_ip, e->rule);
	}
	rc = ru_apply(st, ev, n, 1);
	free(ev);
	/* never "skip this job": its events are in the transaction already,
	 * so a failure must roll back the whole group */
	return rc && rc != MOAT_EBUSY ? MOAT_EDB : rc;
}

/* ---- retention ---- */

/* The columns of a deleted event that the rollups need, copied. */
struct ru_doomed {
	struct ru_ev *ev;
	char **strings;
	size_t n, cap;
};

static const char *ru_keep(struct ru_doomed *d, sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	char *copy;

	if (!t)
		return NULL;
	copy = xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i));
	d->strings[d->n * 6 + (size_t)(i - 3)] = copy;
	return copy;
}

static void ru_doomed_add(struct ru_doomed *d, sqlite3_stmt *s)
{
	const char *c[6];

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->ev = xrealloc(d->ev, d->cap * sizeof *d->ev);
		d->strings = xrealloc(d->strings, d->cap * 6 * sizeof *d->strings);
	}
	memset(&d->strings[d->n * 6], 0, 6 * sizeof *d->strings);
	for (int i = 0; i < 6; i++)
		c[i] = ru_keep(d, s, 3 + i);
	ru_fill(&d->ev[d->n], sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
	        sqlite3_column_int64(s, 2), c[0], c[1], c[2], c[3], c[4], c[5]);
	d->n++;
}

static void ru_doomed_cleanup(struct ru_doomed *d)
{
	for (size_t i = 0; i < d->n * 6; i++)
		free(d->strings[i]);
	free(d->strings);
	free(d->ev);
}

int store_event_purge(struct store *st, int64_t cutoff_ms, int limit, int64_t *n)
{
	static const char sql[] =
	    "DELETE FROM events WHERE id IN (SELECT id FROM events"
	    " WHERE received_at < ? ORDER BY received_at LIMIT ?)"
	    " RETURNING project_id, environment_id, ts, interceptor, action, severity, endpoint,"
	    " source_ip, rule";
	struct ru_doomed d = {NULL, NULL, 0, 0};
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	rc = store_begin_stmt(st, sql, &s);
	if (rc)
		return rc;
	sqlite3_bind_int64(s, 1, cutoff_ms);
	sqlite3_bind_int(s, 2, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ru_doomed_add(&d, s);
	rc = store_err(st, rc);
	sqlite3_reset(s);
	if (!rc)
		rc = ru_apply(st, d.ev, d.n, -1);
	*n = (int64_t)d.n;
	ru_doomed_cleanup(&d);
	if (rc) {
		store_rollback(st);
		*n = 0;
		return rc;
	}
	return store_commit(st);
}
