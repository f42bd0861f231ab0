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

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "event.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- ids and the free-text index (schema 006) ---- */

/* Reads the one row of sql: its first column into *a, its second (if b)
 * into *b. No row is corruption: the statements below always give one. */
static int se_row(struct store *st, const char *sql, int64_t *a, int64_t *b)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc == DB_ROW) {
		*a = db_column_int64(s, 0);
		if (b)
			*b = db_column_int64(s, 1);
		rc = MOAT_OK;
	} else if (rc == DB_DONE) {
		rc = MOAT_EDB; /* fts_state's row is inserted by the migration */
	}
	db_reset(s);
	return rc;
}

int store_event_next_id(struct store *st, int64_t *id)
{
	static const char sql[] =
	    "SELECT CASE WHEN m > f THEN m ELSE f END + 1 FROM"
	    " (SELECT coalesce((SELECT max(id) FROM events), 0) AS m,"
	    " coalesce((SELECT indexed_to FROM fts_state WHERE id = 1), 0) AS f) x";

	return se_row(st, sql, id, NULL);
}

int store_event_reserve_ids(struct store *st, int64_t n, int64_t *first)
{
	static const char sql[] = "SELECT moat_event_ids(?1)";

	if (st->engine != DB_POSTGRES)
		return MOAT_OK; /* the one writer's own rule (ingest.c) */
	if (n < 1)
		n = 1;
	{
		struct db_stmt *s = db_prepare(st->conn, sql);
		int rc;
		if (!s)
			return MOAT_EDB;
		db_bind_int64(s, 1, n);
		rc = db_step(s);
		if (rc == DB_ROW) {
			*first = db_column_int64(s, 0);
			rc = MOAT_OK;
		} else if (rc == DB_DONE) {
			rc = MOAT_EDB;
		}
		db_reset(s);
		return rc;
	}
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
	                           " (SELECT id FROM events WHERE id > ?1 ORDER BY id LIMIT ?2) x";
	static const char add[] = "INSERT INTO events_fts(rowid, payload, operation)"
	                          " SELECT id, payload, operation FROM events"
	                          " WHERE id > ?1 AND id <= ?2 ORDER BY id";
	static const char move[] =
	    "UPDATE fts_state SET indexed_to = ?1 WHERE id = 1 AND indexed_to < ?1";
	int64_t from = 0, to = 0, count = 0;
	struct db_stmt *s;
	/* PostgreSQL's GIN index follows every commit: only the mark moves,
	 * and needs no write lock (several writers move it up only) */
	int rc = st->engine == DB_POSTGRES ? store_tx_begin_events(st) : store_begin(st);

	*n = 0;
	if (rc)
		return rc;
	s = db_prepare(st->conn, mark);
	rc = s ? db_step(s) : MOAT_EDB;
	if (rc == DB_ROW) {
		from = db_column_int64(s, 0);
		s = db_prepare(st->conn, upto);
		if (s) {
			db_bind_int64(s, 1, from);
			db_bind_int64(s, 2, limit);
		}
		rc = s ? db_step(s) : MOAT_EDB;
	} else if (rc == DB_DONE) {
		rc = MOAT_EDB;
	}
	if (rc == DB_ROW) {
		count = db_column_int64(s, 0);
		to = count ? db_column_int64(s, 1) : from;
		rc = DB_DONE;
	}
	if (rc == DB_DONE && count > 0 && st->engine == DB_SQLITE) {
		s = db_prepare(st->conn, add);
		if (s) {
			db_bind_int64(s, 1, from);
			db_bind_int64(s, 2, to);
		}
		rc = s ? db_step(s) : MOAT_EDB;
	}
	if (rc == DB_DONE && count > 0) {
		s = db_prepare(st->conn, move);
		if (s)
			db_bind_int64(s, 1, to);
		rc = s ? db_step(s) : MOAT_EDB;
	}
	if (rc != DB_DONE) {
		store_rollback(st);
		return rc < 0 ? rc : MOAT_EDB;
	}
	rc = store_commit(st);
	if (!rc) {
		*n = count;
		*indexed_to = to;
	}
	return rc;
}

/* ---- partitions (PostgreSQL) ---- */

/* The first ms of the UTC month of ts, and of the month after. */
static void se_month(int64_t ts, int64_t *lo, int64_t *hi)
{
	time_t t = (time_t)(ts / 1000 - (ts % 1000 < 0));
	struct tm tm;

	gmtime_r(&t, &tm);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	*lo = (int64_t)timegm(&tm) * 1000;
	tm.tm_mon++;
	*hi = (int64_t)timegm(&tm) * 1000;
}

/* Makes sure the month of ts has its partition: once per month and
 * connection (st->months remembers), in a statement of its own. */
static int se_partition(struct store *st, int64_t ts)
{
	static const char sql[] = "SELECT moat_events_partition(?1)";
	int64_t lo, hi;
	struct db_stmt *s;
	int rc;

	se_month(ts, &lo, &hi);
	for (int i = 0; i < st->nmonths; i++)
		if (st->months[i] == lo)
			return MOAT_OK;
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, lo);
	rc = db_step(s);
	db_reset(s);
	if (rc < 0)
		return rc;
	if (st->nmonths == STORE_MONTHS) /* forget the oldest */
		memmove(st->months, st->months + 1, (STORE_MONTHS - 1) * sizeof st->months[0]);
	else
		st->nmonths++;
	st->months[st->nmonths - 1] = lo;
	return MOAT_OK;
}

int store_event_prepare(struct store *st, const struct event_batch *b, int64_t now_ms)
{
	int64_t lo, hi, t = now_ms;
	int rc = MOAT_OK;

	if (st->engine != DB_POSTGRES)
		return MOAT_OK;
	assert(!st->in_txn); /* DDL in the writer's transaction would lock out the readers */
	for (int k = 0; k < 3 && !rc; k++) { /* this month and the next two */
		rc = se_partition(st, t);
		se_month(t, &lo, &hi);
		t = hi;
	}
	for (size_t i = 0; b && i < b->n && !rc; i++)
		rc = se_partition(st, b->ev[i].ts_ms);
	return rc;
}

/* ---- inserting ---- */

/* Text PostgreSQL would refuse (SQLSTATE 22021) and so fail the whole
 * group with: invalid UTF-8. NUL cannot be in a C string; jansson refuses
 * \u0000 and invalid UTF-8 in what arrives, so this holds by construction
 * and is checked here on both engines alike (an event that fails it is
 * MOAT_EINVALID: its job is refused, never retried). */
static int se_text_ok(const struct event *e)
{
	const char *t[] = {e->uid,      e->interceptor, e->action,  e->severity,  e->source_ip,
	                   e->method,   e->endpoint,    e->payload, e->operation, e->file,
	                   e->function, e->rule,        e->details};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const unsigned char *p = (const unsigned char *)t[i];
		if (!p)
			continue;
		while (*p && *p < 0x80) /* ASCII, most of it: no decoding */
			p++;
		if (*p && !utf8_valid((const char *)p, strlen((const char *)p)))
			return 0;
	}
	return 1;
}

int store_event_insert(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                       const struct event *e, int64_t received_ms, int64_t *next_id, int *inserted)
{
	static const char sql[] =
	    "INSERT INTO events(project_id, environment_id, event_uid, agent_id, ts, received_at,"
	    " interceptor, action, severity, confidence, source_ip, method, endpoint, payload,"
	    " payload_len, payload_truncated, operation, operation_len, operation_truncated, file,"
	    " line, function, rule, details, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
	struct db_stmt *s;
	int rc;

	*inserted = 0;
	if (!se_text_ok(e))
		return MOAT_EINVALID;
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 25, *next_id);
	db_bind_int64(s, 1, project_id);
	db_bind_int64(s, 2, env_id);
	db_bind_text_ref(s, 3, e->uid);
	db_bind_text_ref(s, 4, agent_id ? agent_id : "");
	db_bind_int64(s, 5, e->ts_ms);
	db_bind_int64(s, 6, received_ms);
	db_bind_text_ref(s, 7, e->interceptor);
	db_bind_text_ref(s, 8, e->action);
	db_bind_text_ref(s, 9, e->severity);
	if (e->has_confidence)
		db_bind_double(s, 10, e->confidence);
	db_bind_text_ref(s, 11, e->source_ip);
	db_bind_text_ref(s, 12, e->method);
	db_bind_text_ref(s, 13, e->endpoint);
	db_bind_text_ref(s, 14, e->payload);
	db_bind_int64(s, 15, e->payload_len);
	db_bind_int64(s, 16, e->payload_truncated);
	db_bind_text_ref(s, 17, e->operation);
	db_bind_int64(s, 18, e->operation_len);
	db_bind_int64(s, 19, e->operation_truncated);
	db_bind_text_ref(s, 20, e->file);
	if (e->has_line)
		db_bind_int64(s, 21, e->line);
	db_bind_text_ref(s, 22, e->function);
	db_bind_text_ref(s, 23, e->rule);
	db_bind_text_ref(s, 24, e->details);
	rc = db_step(s);
	if (rc != DB_DONE) {
		db_reset(s);
		return rc < 0 ? rc : MOAT_EDB;
	}
	*inserted = db_changes(s) > 0;
	if (*inserted)
		(*next_id)++;
	db_reset(s);
	return MOAT_OK;
}

/* A PostgreSQL array literal under construction ({"a",NULL,3}). */
struct se_arr {
	char *p;
	size_t len, cap;
};

static void se_put(struct se_arr *a, const char *s, size_t n)
{
	if (a->len + n + 2 > a->cap) {
		a->cap = (a->len + n + 2) * 2;
		a->p = xrealloc(a->p, a->cap);
	}
	memcpy(a->p + a->len, s, n);
	a->len += n;
	a->p[a->len] = '\0';
}

static void se_sep(struct se_arr *a)
{
	se_put(a, a->len ? "," : "{", 1);
}

static void se_text(struct se_arr *a, const char *v)
{
	se_sep(a);
	if (!v) {
		se_put(a, "NULL", 4);
		return;
	}
	se_put(a, "\"", 1);
	for (const char *q = v; *q;) {
		size_t run = strcspn(q, "\"\\");
		se_put(a, q, run);
		q += run;
		if (*q) {
			char esc[2] = {'\\', *q++};
			se_put(a, esc, 2);
		}
	}
	se_put(a, "\"", 1);
}

static void se_int(struct se_arr *a, int has, int64_t v)
{
	char num[32];

	se_sep(a);
	if (!has) {
		se_put(a, "NULL", 4);
		return;
	}
	snprintf(num, sizeof num, "%lld", (long long)v);
	se_put(a, num, strlen(num));
}

static void se_double(struct se_arr *a, int has, double v)
{
	char num[40];

	se_sep(a);
	if (!has) {
		se_put(a, "NULL", 4);
		return;
	}
	snprintf(num, sizeof num, "%.17g", v);
	se_put(a, num, strlen(num));
}

#define SE_COLS 20 /* the arrays of the PostgreSQL insert */

/* The PostgreSQL insert of many events, one statement: the per-event
 * columns as arrays (parameters ?6 on), the rest the same for all, ?5 the
 * first id. The first row of each uid (d) goes into event_ids, whose key
 * (project_id, event_uid) is the dedup key; only the rows it took (new)
 * go into events, numbered ?5, ?5 + 1 ... in batch order, so the ids of
 * the events stored are consecutive. It returns their positions in the
 * batch (1-based), in order. */
static const char se_many[] =
    "WITH u AS (SELECT * FROM unnest(CAST(?6 AS TEXT[]),"
    " CAST(?7 AS BIGINT[]), CAST(?8 AS TEXT[]), CAST(?9 AS TEXT[]), CAST(?10 AS TEXT[]),"
    " CAST(?11 AS DOUBLE PRECISION[]), CAST(?12 AS TEXT[]), CAST(?13 AS TEXT[]),"
    " CAST(?14 AS TEXT[]), CAST(?15 AS TEXT[]), CAST(?16 AS BIGINT[]), CAST(?17 AS BIGINT[]),"
    " CAST(?18 AS TEXT[]), CAST(?19 AS BIGINT[]), CAST(?20 AS BIGINT[]), CAST(?21 AS TEXT[]),"
    " CAST(?22 AS BIGINT[]), CAST(?23 AS TEXT[]), CAST(?24 AS TEXT[]), CAST(?25 AS TEXT[]))"
    " WITH ORDINALITY AS u(uid, ts, interceptor, action, severity, confidence, source_ip,"
    " method, endpoint, payload, payload_len, payload_truncated, operation, operation_len,"
    " operation_truncated, file, line, function, rule, details, ord)),"
    " d AS (SELECT DISTINCT ON (uid) * FROM u ORDER BY uid, ord),"
    " new AS (INSERT INTO event_ids(project_id, event_uid, ts) SELECT ?1, uid, ts FROM d"
    " ORDER BY uid ON CONFLICT DO NOTHING RETURNING event_uid),"
    " x AS (SELECT d.*, row_number() OVER (ORDER BY d.ord) AS rn FROM d"
    " JOIN new ON new.event_uid = d.uid),"
    " ins AS (INSERT INTO events(project_id, environment_id, agent_id, received_at, id,"
    " event_uid, ts, interceptor, action, severity, confidence, source_ip, method, endpoint,"
    " payload, payload_len, payload_truncated, operation, operation_len, operation_truncated,"
    " file, line, function, rule, details)"
    " SELECT ?1, ?2, ?3, ?4, ?5 + rn - 1, uid, ts, interceptor, action, severity, confidence,"
    " source_ip, method, endpoint, payload, payload_len, payload_truncated, operation,"
    " operation_len, operation_truncated, file, line, function, rule, details FROM x)"
    " SELECT ord FROM x ORDER BY ord";

/* PostgreSQL: the whole batch in one statement (se_many). Exactly-once
 * comes from event_ids' key, not from a lock: a second writer inserting
 * the same uid waits for the first's commit, then skips it. The events
 * stored get *next_id, *next_id + 1 ... in batch order. */
static int se_insert_batch_pg(struct store *st, int64_t project_id, int64_t env_id,
                              const char *agent_id, const struct event_batch *b,
                              int64_t received_ms, int64_t *next_id, unsigned char *inserted)
{
	struct se_arr a[SE_COLS];
	struct db_stmt *s;
	int64_t stored = 0;
	int rc;

	if (b->n == 0)
		return MOAT_OK;
	memset(a, 0, sizeof a);
	for (size_t k = 0; k < b->n; k++) {
		const struct event *e = &b->ev[k];
		se_text(&a[0], e->uid);
		se_int(&a[1], 1, e->ts_ms);
		se_text(&a[2], e->interceptor);
		se_text(&a[3], e->action);
		se_text(&a[4], e->severity);
		se_double(&a[5], e->has_confidence, e->confidence);
		se_text(&a[6], e->source_ip);
		se_text(&a[7], e->method);
		se_text(&a[8], e->endpoint);
		se_text(&a[9], e->payload);
		se_int(&a[10], 1, e->payload_len);
		se_int(&a[11], 1, e->payload_truncated);
		se_text(&a[12], e->operation);
		se_int(&a[13], 1, e->operation_len);
		se_int(&a[14], 1, e->operation_truncated);
		se_text(&a[15], e->file);
		se_int(&a[16], e->has_line, e->line);
		se_text(&a[17], e->function);
		se_text(&a[18], e->rule);
		se_text(&a[19], e->details);
	}
	s = db_prepare(st->conn, se_many);
	if (!s) {
		rc = MOAT_EDB;
		goto out;
	}
	db_bind_int64(s, 1, project_id);
	db_bind_int64(s, 2, env_id);
	db_bind_text(s, 3, agent_id ? agent_id : "");
	db_bind_int64(s, 4, received_ms);
	db_bind_int64(s, 5, *next_id);
	for (int c = 0; c < SE_COLS; c++) {
		se_put(&a[c], "}", 1);
		db_bind_text(s, 6 + c, a[c].p);
	}
	while ((rc = db_step(s)) == DB_ROW) {
		int64_t k = db_column_int64(s, 0) - 1;
		if (k >= 0 && (size_t)k < b->n && !inserted[k]) {
			inserted[k] = 1;
			stored++;
		}
	}
	db_reset(s);
	if (rc == DB_DONE)
		*next_id += stored;
out:
	for (int c = 0; c < SE_COLS; c++)
		free(a[c].p);
	return rc == DB_DONE ? MOAT_OK : rc < 0 ? rc : MOAT_EDB;
}

int store_event_insert_batch(struct store *st, int64_t project_id, int64_t env_id,
                             const char *agent_id, const struct event_batch *b, int64_t received_ms,
                             int64_t *next_id, unsigned char *inserted)
{
	memset(inserted, 0, b->n ? b->n : 1);
	if (st->engine == DB_POSTGRES) {
		for (size_t i = 0; i < b->n; i++)
			if (!se_text_ok(&b->ev[i]))
				return MOAT_EINVALID;
		return se_insert_batch_pg(st, project_id, env_id, agent_id, b, received_ms, next_id,
		                          inserted);
	}
	for (size_t i = 0; i < b->n; i++) {
		int ins = 0;
		int rc = store_event_insert(st, project_id, env_id, agent_id, &b->ev[i],
		                            received_ms, next_id, &ins);
		if (rc)
			return rc;
		inserted[i] = (unsigned char)ins;
	}
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
		struct db_stmt *s = db_prepare(st->conn, pass ? zap : up);
		int rc;
		if (!s)
			return MOAT_EDB;
		db_bind_int64(s, 1, r->project_id);
		db_bind_int64(s, 2, r->env_id);
		db_bind_int64(s, 3, t);
		for (int i = 0; i < ntexts; i++)
			db_bind_text(s, 4 + i, texts[i]);
		if (!pass)
			db_bind_int64(s, 4 + ntexts, delta);
		rc = db_step(s);
		rc = rc == DB_DONE ? MOAT_OK : rc < 0 ? rc : MOAT_EDB;
		db_reset(s);
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
 * that narrows them most (SQLite's INDEXED BY; PostgreSQL's planner picks
 * it itself). */
#define RU_EDGE(f, w, hint, key)                                                                   \
	"(SELECT " f "(ts) FROM events" hint " WHERE project_id = ?1 AND " key                     \
	" AND ts >= ?3 * " w " AND ts < (?3 + 1) * " w                                             \
	" AND environment_id = ?2 AND interceptor = ?4 AND action = ?7)"
#define RU_KEY(t)                                                                                  \
	" WHERE project_id = ?1 AND environment_id = ?2 AND " t " = ?3 AND interceptor = ?4"       \
	" AND has_endpoint = ?5 AND endpoint = ?6 AND action = ?7"
#define RU_SOURCE_KEY RU_KEY("hour") " AND has_source = ?8 AND source_ip = ?9"
/* The upsert: the conflict target is the table's primary key (PostgreSQL
 * wants it named); min and max of two values as CASE (SQLite's scalar
 * min/max are PostgreSQL's LEAST/GREATEST). n = n + excluded.n is one
 * atomic update of the row, so writers on several moatd add without
 * losing a count. */
#define RU_UP(table, t, cols, src, key)                                                            \
	"INSERT INTO " table "(project_id, environment_id, " t ", interceptor, has_endpoint,"      \
	" endpoint, action, n, first_ts, last_ts" cols ")" src " ON CONFLICT(project_id,"          \
	" environment_id, " t ", interceptor, has_endpoint, endpoint, action" key ")"              \
	" DO UPDATE SET n = " table ".n + excluded.n, first_ts = CASE WHEN excluded.first_ts <"    \
	" " table ".first_ts THEN excluded.first_ts ELSE " table ".first_ts END, last_ts ="        \
	" CASE WHEN excluded.last_ts > " table ".last_ts THEN excluded.last_ts ELSE " table        \
	".last_ts END"
/* Sets first_ts and last_ts of the row of table that where selects from
 * the events it counts. */
#define RU_FIX(table, w, hint, key, where)                                                         \
	"UPDATE " table                                                                            \
	" SET first_ts = " RU_EDGE("min", w, hint, key) ","                                        \
	                                                " last_ts = " RU_EDGE("max", w, hint, key) \
	                                                    where
#define RU_FIX2(table, w, idx, key, where)                                                         \
	{                                                                                          \
		RU_FIX(table, w, " INDEXED BY " idx, key, where), RU_FIX(table, w, "", key, where) \
	}
#define RU_SRC_EDGE "source_ip IS NOT DISTINCT FROM ?10 AND endpoint IS NOT DISTINCT FROM ?11"

/* Per rollup: the upsert; the delete at zero. */
#define RU_VALUES " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
static const char *const ru_group_sql[3][2] = {
    [RU_GROUPS_HOUR] = {RU_UP("event_groups_hour", "hour", "", RU_VALUES ")", ""),
                        "DELETE FROM event_groups_hour" RU_KEY("hour") " AND n <= 0"},
    [RU_SOURCES_HOUR] = {RU_UP("event_sources_hour", "hour", ", has_source, source_ip",
                               RU_VALUES ", ?11, ?12)", ", has_source, source_ip"),
                         "DELETE FROM event_sources_hour" RU_SOURCE_KEY " AND n <= 0"},
    [RU_GROUPS_MINUTE] = {RU_UP("event_groups_minute", "minute", "", RU_VALUES ")", ""),
                          "DELETE FROM event_groups_minute" RU_KEY("minute") " AND n <= 0"},
};
/* PostgreSQL's additions, one statement per rollup for a whole batch: the
 * same upserts from arrays of distinct keys (ru_apply_pg). */
#define RU_B(i) "CAST(?" #i " AS BIGINT[])"
#define RU_T(i) "CAST(?" #i " AS TEXT[])"
#define RU_GROUP_ARRAYS                                                                            \
	RU_B(1)                                                                                    \
	", " RU_B(2) ", " RU_B(3) ", " RU_T(4) ", " RU_B(5) ", " RU_T(6) ", " RU_T(7) ", " RU_B(   \
	    8) ", " RU_B(9) ", " RU_B(10)
static const char *const ru_group_many[3] = {
    [RU_GROUPS_HOUR] =
        RU_UP("event_groups_hour", "hour", "", " SELECT * FROM unnest(" RU_GROUP_ARRAYS ")", ""),
    [RU_SOURCES_HOUR] =
        RU_UP("event_sources_hour", "hour", ", has_source, source_ip",
              " SELECT * FROM unnest(" RU_GROUP_ARRAYS ", " RU_B(11) ", " RU_T(12) ")",
              ", has_source, source_ip"),
    [RU_GROUPS_MINUTE] = RU_UP("event_groups_minute", "minute", "",
                               " SELECT * FROM unnest(" RU_GROUP_ARRAYS ")", ""),
};
#undef RU_GROUP_ARRAYS
#undef RU_VALUES
/* Per rollup: the fixes of first_ts and last_ts for a row with an
 * endpoint and for one without (on SQLite through the index named). */
static const struct db_sql ru_group_fix[3][2] = {
    [RU_GROUPS_HOUR] = {RU_FIX2("event_groups_hour", "3600000", "events_endpoint", "endpoint = ?6",
                                RU_KEY("hour")),
                        RU_FIX2("event_groups_hour", "3600000", "events_endpoint",
                                "endpoint IS NULL", RU_KEY("hour"))},
    [RU_SOURCES_HOUR] = {RU_FIX2("event_sources_hour", "3600000", "events_source", RU_SRC_EDGE,
                                 RU_SOURCE_KEY),
                         RU_FIX2("event_sources_hour", "3600000", "events_source", RU_SRC_EDGE,
                                 RU_SOURCE_KEY)},
    [RU_GROUPS_MINUTE] = {RU_FIX2("event_groups_minute", "60000", "events_endpoint",
                                  "endpoint = ?6", RU_KEY("minute")),
                          RU_FIX2("event_groups_minute", "60000", "events_endpoint",
                                  "endpoint IS NULL", RU_KEY("minute"))},
};
#undef RU_SRC_EDGE
#undef RU_FIX2
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
	const char *steps[3] = {ru_group_sql[g][0], NULL, NULL};
	const char *source = r->source[2];
	int64_t lo = r->ts, hi = r->ts;

	if (sign < 0) {
		steps[1] = ru_group_sql[g][1];
		steps[2] = db_text(st->conn, &ru_group_fix[g][r->group[1] ? 0 : 1]);
	}
	for (size_t i = 1; i < n; i++) {
		lo = ev[i].ts < lo ? ev[i].ts : lo;
		hi = ev[i].ts > hi ? ev[i].ts : hi;
	}
	for (int k = 0; k < 3 && steps[k]; k++) {
		struct db_stmt *s = db_prepare(st->conn, steps[k]);
		int rc;
		if (!s)
			return MOAT_EDB;
		db_bind_int64(s, 1, r->project_id);
		db_bind_int64(s, 2, r->env_id);
		db_bind_int64(s, 3, g == RU_GROUPS_MINUTE ? r->minute : r->hour);
		db_bind_text(s, 4, r->group[0]);
		db_bind_int64(s, 5, r->group[1] != NULL);
		db_bind_text(s, 6, r->group[1] ? r->group[1] : "");
		db_bind_text(s, 7, r->group[2]);
		if (k == 0) {
			db_bind_int64(s, 8, sign * (int64_t)n);
			db_bind_int64(s, 9, lo);
			db_bind_int64(s, 10, hi);
		}
		/* the source address: ?11 and ?12 in the upsert, after its
		 * count and edges; ?8 and ?9 in the others, ?10 and ?11 the
		 * address and endpoint (or NULL) that the fix looks for (every
		 * number up to the highest used: PostgreSQL types each) */
		if (g == RU_SOURCES_HOUR) {
			int at = k == 0 ? 11 : 8;
			db_bind_int64(s, at, source != NULL);
			db_bind_text(s, at + 1, source ? source : "");
			if (k == 2) {
				db_bind_text(s, 10, source);
				db_bind_text(s, 11, r->group[1]);
			}
		}
		rc = db_step(s);
		rc = rc == DB_DONE ? MOAT_OK : rc < 0 ? rc : MOAT_EDB;
		db_reset(s);
		if (rc)
			return rc;
	}
	return MOAT_OK;
}

#define RU_COUNTS_UP_FROM(table, t, src)                                                           \
	"INSERT INTO " table "(project_id, environment_id, " t                                     \
	", interceptor, action, severity, n)" src " ON CONFLICT(project_id, environment_id, " t    \
	", interceptor, action, severity) DO UPDATE SET n = " table ".n + excluded.n"
#define RU_COUNTS_UP(table, t) RU_COUNTS_UP_FROM(table, t, " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
#define RU_COUNTS_MANY(table, t)                                                                   \
	RU_COUNTS_UP_FROM(table, t,                                                                \
	                  " SELECT * FROM unnest(" RU_B(1) ", " RU_B(2) ", " RU_B(3) ", " RU_T(    \
	                      4) ", " RU_T(5) ", " RU_T(6) ", " RU_B(7) ")")
#define RU_TOP_UP_FROM(src)                                                                        \
	"INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)" src              \
	" ON CONFLICT(project_id, environment_id, hour, kind, value)"                              \
	" DO UPDATE SET n = event_top.n + excluded.n"

/* The passes of ru_apply: the minute and hour counts, the three top
 * lists, then the group rollups in ru_group order; each sorts the events
 * by its own key first. */
#define RU_PASSES (5 + RU_KINDS)
static int (*const ru_pass_cmp[RU_PASSES])(const void *, const void *) = {
    ru_cmp_minute, ru_cmp_hour,  ru_cmp_top0,   ru_cmp_top1,
    ru_cmp_top2,   ru_cmp_group, ru_cmp_source, ru_cmp_group_minute};

/* The arrays of one pass's statement (ru_apply_pg), at most 12. */
#define RU_ARRAYS 12

/* Adds the key of ev[0] with count n (its events ev[0..n), of the pass)
 * to the pass's arrays a. */
static void ru_many_add(struct se_arr *a, int pass, const struct ru_ev *ev, size_t n)
{
	const struct ru_ev *r = &ev[0];
	int64_t lo = r->ts, hi = r->ts;
	int k = 0;

	se_int(&a[k++], 1, r->project_id);
	se_int(&a[k++], 1, r->env_id);
	if (pass < 2) {
		se_int(&a[k++], 1, pass == 0 ? r->minute : r->hour);
		for (int i = 0; i < 3; i++)
			se_text(&a[k++], r->cols[i]);
		se_int(&a[k++], 1, (int64_t)n);
		return;
	}
	if (pass < 2 + RU_KINDS) {
		se_int(&a[k++], 1, r->hour);
		se_text(&a[k++], ru_kind_names[pass - 2]);
		se_text(&a[k++], r->vals[pass - 2]);
		se_int(&a[k++], 1, (int64_t)n);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		lo = ev[i].ts < lo ? ev[i].ts : lo;
		hi = ev[i].ts > hi ? ev[i].ts : hi;
	}
	se_int(&a[k++], 1, pass == 2 + RU_KINDS + RU_GROUPS_MINUTE ? r->minute : r->hour);
	se_text(&a[k++], r->group[0]);
	se_int(&a[k++], 1, r->group[1] != NULL);
	se_text(&a[k++], r->group[1] ? r->group[1] : "");
	se_text(&a[k++], r->group[2]);
	se_int(&a[k++], 1, (int64_t)n);
	se_int(&a[k++], 1, lo);
	se_int(&a[k++], 1, hi);
	if (pass == 2 + RU_KINDS + RU_SOURCES_HOUR) {
		se_int(&a[k++], 1, r->source[2] != NULL);
		se_text(&a[k++], r->source[2] ? r->source[2] : "");
	}
}

/* PostgreSQL, an addition (retention's subtractions take ru_apply's path
 * a key at a time: they drop rows at zero and fix their edges): one
 * statement per pass, its distinct keys as arrays, where each key was a
 * round trip to the server. The keys go in the pass's sorted order, so
 * two writers adding to the same rows lock them in the same order. */
static int ru_apply_pg(struct store *st, struct ru_ev *ev, size_t n)
{
	static const char counts_minute[] = RU_COUNTS_MANY("event_counts", "minute");
	static const char counts_hour[] = RU_COUNTS_MANY("event_counts_hour", "hour");
	static const char top[] = RU_TOP_UP_FROM(" SELECT * FROM unnest(" RU_B(1) ", " RU_B(
	    2) ", " RU_B(3) ", " RU_T(4) ", " RU_T(5) ", " RU_B(6) ")");
	struct se_arr a[RU_ARRAYS];
	int rc = MOAT_OK;

	memset(a, 0, sizeof a);
	for (int pass = 0; pass < RU_PASSES && !rc; pass++) {
		int group = pass - 2 - RU_KINDS; /* an enum ru_group from 0 */
		const char *text = pass == 0   ? counts_minute
		                   : pass == 1 ? counts_hour
		                   : group < 0 ? top
		                               : ru_group_many[group];
		int narr = pass < 2 ? 7 : group < 0 ? 6 : group == RU_SOURCES_HOUR ? 12 : 10;
		struct db_stmt *s;
		qsort(ev, n, sizeof *ev, ru_pass_cmp[pass]);
		for (int c = 0; c < RU_ARRAYS; c++)
			a[c].len = 0;
		for (size_t i = 0, j; i < n; i = j) {
			for (j = i + 1; j < n && ru_pass_cmp[pass](&ev[i], &ev[j]) == 0; j++)
				;
			if (pass >= 2 && pass < 2 + RU_KINDS && !ev[i].vals[pass - 2])
				continue; /* no endpoint (address, rule): not in that list */
			ru_many_add(a, pass, &ev[i], j - i);
		}
		if (a[0].len == 0)
			continue;
		s = db_prepare(st->conn, text);
		if (!s) {
			rc = MOAT_EDB;
			break;
		}
		for (int c = 0; c < narr; c++) {
			se_put(&a[c], "}", 1);
			db_bind_text(s, 1 + c, a[c].p);
		}
		rc = db_step(s);
		rc = rc == DB_DONE ? MOAT_OK : rc < 0 ? rc : MOAT_EDB;
		db_reset(s);
	}
	for (int c = 0; c < RU_ARRAYS; c++)
		free(a[c].p);
	return rc;
}
#undef RU_B
#undef RU_T
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
	static const char up_top[] = RU_TOP_UP_FROM(" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	static const char zap_top[] =
	    "DELETE FROM event_top WHERE project_id = ?1 AND environment_id = ?2 AND hour = ?3"
	    " AND kind = ?4 AND value = ?5 AND n <= 0";
	int (*const *cmp)(const void *, const void *) = ru_pass_cmp;
	int rc = MOAT_OK;

	if (n == 0)
		return MOAT_OK;
	if (sign > 0 && st->engine == DB_POSTGRES)
		return ru_apply_pg(st, ev, n);
	for (int pass = 0; pass < RU_PASSES && !rc; pass++) {
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

static const char *ru_keep(struct ru_doomed *d, struct db_stmt *s, int i)
{
	const char *t = db_column_text(s, i);
	char *copy;

	if (!t)
		return NULL;
	copy = xstrndup(t, db_column_bytes(s, i));
	d->strings[d->n * 6 + (size_t)(i - 3)] = copy;
	return copy;
}

static void ru_doomed_add(struct ru_doomed *d, struct db_stmt *s)
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
	ru_fill(&d->ev[d->n], db_column_int64(s, 0), db_column_int64(s, 1), db_column_int64(s, 2),
	        c[0], c[1], c[2], c[3], c[4], c[5]);
	d->n++;
}

static void ru_doomed_cleanup(struct ru_doomed *d)
{
	for (size_t i = 0; i < d->n * 6; i++)
		free(d->strings[i]);
	free(d->strings);
	free(d->ev);
}

/* PostgreSQL: the whole months that retention may drop (schema 013's
 * moat_events_drop_partitions, in the purge's transaction): those that
 * ended more than EVENT_PAST_MS and a day before the cutoff, so that no
 * event received at or after it can be in them (an event's ts is at most
 * 7 days before its arrival) and no event still to come can fall into
 * them; the function checks the first again against the rows. *n gets
 * the events dropped. */
static int se_drop_months(struct store *st, int64_t cutoff_ms, int64_t *n)
{
	static const char sql[] = "SELECT moat_events_drop_partitions(?1, ?2)";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, cutoff_ms);
	db_bind_int64(s, 2, EVENT_PAST_MS + 86400000LL);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*n = db_column_int64(s, 0);
		rc = MOAT_OK;
	} else if (rc == DB_DONE) {
		rc = MOAT_EDB;
	}
	db_reset(s);
	if (!rc && *n > 0)
		st->nmonths = 0; /* a month dropped is created again when asked */
	return rc;
}

int store_event_purge(struct store *st, int64_t cutoff_ms, int limit, int64_t *n)
{
	static const char sql[] =
	    "DELETE FROM events WHERE id IN (SELECT id FROM events"
	    " WHERE received_at < ?1 ORDER BY received_at LIMIT ?2)"
	    " RETURNING project_id, environment_id, ts, interceptor, action, severity, endpoint,"
	    " source_ip, rule";
	/* PostgreSQL: the dedup keys of the events purged go with them (015) */
	static const char sql_pg[] =
	    "WITH d AS (DELETE FROM events WHERE id IN (SELECT id FROM events"
	    " WHERE received_at < ?1 ORDER BY received_at LIMIT ?2)"
	    " RETURNING project_id, environment_id, ts, interceptor, action, severity, endpoint,"
	    " source_ip, rule, event_uid),"
	    " k AS (DELETE FROM event_ids e USING d WHERE e.project_id = d.project_id"
	    " AND e.event_uid = d.event_uid)"
	    " SELECT project_id, environment_id, ts, interceptor, action, severity, endpoint,"
	    " source_ip, rule FROM d";
	struct ru_doomed d = {NULL, NULL, 0, 0};
	struct db_stmt *s;
	int64_t dropped = 0;
	int rc;

	*n = 0;
	rc = store_begin(st);
	if (rc)
		return rc;
	if (st->engine == DB_POSTGRES)
		rc = se_drop_months(st, cutoff_ms, &dropped);
	s = rc ? NULL : db_prepare(st->conn, st->engine == DB_POSTGRES ? sql_pg : sql);
	if (!rc && !s)
		rc = MOAT_EDB;
	if (!rc) {
		db_bind_int64(s, 1, cutoff_ms);
		db_bind_int64(s, 2, limit);
		while ((rc = db_step(s)) == DB_ROW)
			ru_doomed_add(&d, s);
		rc = rc == DB_DONE ? MOAT_OK : rc < 0 ? rc : MOAT_EDB;
		db_reset(s);
	}
	if (!rc)
		rc = ru_apply(st, d.ev, d.n, -1);
	*n = (int64_t)d.n + dropped;
	ru_doomed_cleanup(&d);
	if (rc) {
		store_rollback(st);
		*n = 0;
		return rc;
	}
	rc = store_commit(st);
	if (rc)
		*n = 0;
	return rc;
}
