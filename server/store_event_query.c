/*
 * store_event_query.c — reading events: search with keyset pagination,
 * one event by its uid; and triage (status changes, one or in bulk,
 * audited). Statistics are in store_event_stats.c. Thread: the caller's connection's
 * thread (HTTP workers; the export callback on its worker).
 *
 * Plans. SQLite picks one plan per prepared statement, so a filter written
 * as "(?N IS NULL OR col = ?N)" can never use an index. Each search is
 * therefore one of a few fixed statements: a "driver" that walks one
 * index (named with INDEXED BY, so statistics never change the plan) in
 * keyset order, plus every filter as such a residual term. The driver is
 * chosen from the filters that are set, most selective first:
 *
 *   q (FTS5)        events_fts, then the rows by id, sorted (bounded sort),
 *                   when a capped count says few rows match; otherwise q
 *                   is checked in C, a round of candidates at a time (below)
 *   agent           events_agent    (project, agent_id, ts, id)
 *   source_ip       events_source   (project, source_ip, ts, id)
 *   endpoint        events_endpoint (project, endpoint, ts, id)
 *   status <> new   events_triaged  (partial: triaged rows only)
 *   network, prefix events_source / events_endpoint as a range and a
 *                   sort, when a capped count says the range is small
 *   interceptor     events_interceptor
 *   environment     events_env
 *   otherwise       events_ts, which also covers the residual columns
 *
 * An equality driver with (ts DESC, id DESC) after it reads exactly the
 * matching rows, newest first, and stops at the page size.
 *
 * A network (CIDR) filter is checked in C: source_ip is canonical text,
 * so SQL can only pre-filter by a text range (event_query_addr_parse);
 * the loop then reads on past the rows the check drops.
 *
 * Free text that matches many events is checked in C too. As an SQL
 * residual it was one FTS5 lookup per row, which visits every segment of
 * the index: about 110 us a row at a million events, 35 ms for a page of a
 * word in one event out of seven. Instead the driver's ids come in rounds
 * of EQ_TEXT_BATCH, and one FTS5 query per cluster of close ids
 * ("MATCH q AND rowid BETWEEN lo AND hi", which seeks each segment once)
 * says which of them match; only those rows are then read whole.
 *
 * PostgreSQL (issue 13) runs the same drivers, each statement a db_sql
 * pair whose PostgreSQL text is the SQLite one without INDEXED BY (the
 * planner picks the driver's index from the driver term and the ORDER BY
 * it serves; docs/ARCHITECTURE.md has the plans). Free text is the GIN
 * index events_text: q drives through it when the same capped count says
 * few events match; otherwise it is one more residual term, the event's
 * words computed as the index computes them, so no round of ids is
 * needed. The filter's q is FTS5's form (event_query_fts: each term a
 * quoted string, quotes doubled), which websearch_to_tsquery('simple', q)
 * reads as the same thing: every term must be there, each a phrase of its
 * words (api/openapi.yaml says where the two engines' words differ).
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event_query.h"
#include "policy.h"
#include "xalloc.h"

#define EQ_RANGE_PROBE 5000 /* a range this small is sorted, not scanned */
#define EQ_CIDR_BATCH  256  /* rows read per round when C drops some */
#define EQ_TEXT_BATCH  256  /* candidate ids per round when C checks q */
#define EQ_TEXT_GAP    4096 /* ids further apart than this: separate FTS queries */

/* ---- the search statements ---- */

#define EQ_COLS                                                                                    \
	"e.id, e.event_uid, e.ts, e.received_at, e.environment_id,"                                \
	" (SELECT name FROM environments WHERE id = e.environment_id), e.interceptor, e.action,"   \
	" e.severity, e.status, e.confidence, e.payload_len, e.payload_truncated,"                 \
	" e.operation_len, e.operation_truncated, e.line, e.agent_id, e.source_ip, e.method,"      \
	" e.endpoint, e.payload, e.operation, e.file, e.function, e.rule, e.details"
#define EQ_COL_SOURCE 17
#define EQ_COL_TEXT   16 /* first of the ten heap strings, in struct order */
#define EQ_IDS        "e.id, e.ts, e.source_ip"
/* what store_event_scan hands on (the same order as struct store_event_scan_row) */
#define EQ_SCAN "e.id, e.ts, e.source_ip, e.interceptor, e.action, e.endpoint"

/* ?1 project  ?2 environment id  ?3 interceptor  ?4 action  ?5 severity
 * ?6 status  ?7 agent  ?8 source_ip  ?9 ?10 source text range  ?11 endpoint
 * ?12 endpoint prefix  ?13 fts  ?14 since  ?15 ?16 keyset upper bound
 * ?17 status_not  ?18 limit  ?19 end of the endpoint prefix range
 *
 * The residual filters form one opaque CASE term: as a dozen separate AND
 * terms they lower the planner's row estimate so far that it would rather
 * sort than read the driver index in order. */
#define EQ_WHERE                                                                                   \
	" AND CASE WHEN (?2 IS NULL OR e.environment_id = ?2)"                                     \
	" AND (?3 IS NULL OR e.interceptor = ?3) AND (?4 IS NULL OR e.action = ?4)"                \
	" AND (?5 IS NULL OR e.severity = ?5) AND (?6 IS NULL OR e.status = ?6)"                   \
	" AND (?7 IS NULL OR e.agent_id = ?7) AND (?8 IS NULL OR e.source_ip = ?8)"                \
	" AND (?9 IS NULL OR (e.source_ip >= ?9 AND e.source_ip < ?10))"                           \
	" AND (?11 IS NULL OR e.endpoint = ?11)"                                                   \
	" AND (?12 IS NULL OR substr(e.endpoint, 1, length(?12)) = ?12)"                           \
	" AND (?17 IS NULL OR e.status <> ?17) THEN 1 ELSE 0 END"                                  \
	" AND e.ts >= ?14 AND (e.ts, e.id) < (?15, ?16)"                                           \
	" ORDER BY e.ts DESC, e.id DESC LIMIT ?18"

#define EQ_SQL(cols, from, driver) "SELECT " cols " FROM " from " WHERE " driver EQ_WHERE

#define EQ_FTS_FROM "events_fts f CROSS JOIN events e ON e.id = f.rowid"
#define EQ_FTS_DRV  "f.events_fts MATCH ?13 AND e.project_id = ?1"
#define EQ_IX(name) "events e INDEXED BY " name

/* PostgreSQL: the words of an event as the GIN index events_text has them
 * (schema/postgres/014_text_words.sql: the same expression, or the index
 * is not used): the text with every run of ASCII punctuation turned into
 * a space, so that a path, URL, e-mail address or tag is several words as
 * in FTS5. The user's terms (FTS5's form: each a quoted string, inner
 * quotes doubled) go through the same class but for the double quote: a
 * doubled one becomes a space first, and the quotes left are each term's
 * own, so that a term stays one phrase. */
#define EQ_PG_WORDS                                                                                \
	"to_tsvector('simple', regexp_replace(coalesce(e.payload, '') || ' ' ||"                   \
	" coalesce(e.operation, ''), '[!-/:-@[-`{-~]+', ' ', 'g'))"
#define EQ_PG_TSQ_OF(p)                                                                            \
	"websearch_to_tsquery('simple', regexp_replace(replace(" p ", '\"\"', ' '),"               \
	" '[!#-/:-@[-`{-~]+', ' ', 'g'))"
#define EQ_PG_TSQ EQ_PG_TSQ_OF("?13")
/* the residual terms as one opaque CASE, as above; text: the free-text
 * term when it does not drive. Every parameter appears in every text
 * (PostgreSQL must tell each one's type): ?19, the end of the prefix
 * range, also bounds the prefix term, which it cannot change. */
#define EQ_WHERE_PG(text)                                                                          \
	" AND CASE WHEN (CAST(?2 AS BIGINT) IS NULL OR e.environment_id = ?2)"                     \
	" AND (CAST(?3 AS TEXT) IS NULL OR e.interceptor = ?3) AND (CAST(?4 AS TEXT) IS NULL OR "  \
	"e.action = ?4)"                                                                           \
	" AND (CAST(?5 AS TEXT) IS NULL OR e.severity = ?5) AND (CAST(?6 AS TEXT) IS NULL OR "     \
	"e.status = ?6)"                                                                           \
	" AND (CAST(?7 AS TEXT) IS NULL OR e.agent_id = ?7) AND (CAST(?8 AS TEXT) IS NULL OR "     \
	"e.source_ip = ?8)"                                                                        \
	" AND (CAST(?9 AS TEXT) IS NULL OR (e.source_ip >= ?9 AND e.source_ip < ?10))"             \
	" AND (CAST(?11 AS TEXT) IS NULL OR e.endpoint = ?11)"                                     \
	" AND (CAST(?12 AS TEXT) IS NULL OR (substr(e.endpoint, 1, length(?12)) = ?12"             \
	" AND (CAST(?19 AS TEXT) IS NULL OR e.endpoint < ?19)))"                                   \
	" AND (CAST(?17 AS TEXT) IS NULL OR e.status <> ?17)" text " THEN TRUE ELSE FALSE END"     \
	" AND e.ts >= ?14 AND (e.ts, e.id) < (?15, ?16)"                                           \
	" ORDER BY e.ts DESC, e.id DESC LIMIT ?18"
#define EQ_PG_TEXT          " AND (CAST(?13 AS TEXT) IS NULL OR " EQ_PG_WORDS " @@ " EQ_PG_TSQ ")"
#define EQ_PG(cols, driver) "SELECT " cols " FROM events e WHERE " driver EQ_WHERE_PG(EQ_PG_TEXT)
#define EQ_PG_FTS(cols)                                                                            \
	"SELECT " cols " FROM events e WHERE e.project_id = ?1 AND " EQ_PG_WORDS                   \
	" @@ " EQ_PG_TSQ EQ_WHERE_PG("")
/* the drivers' terms */
#define EQ_D_TS    "e.project_id = ?1"
#define EQ_D_AGENT "e.project_id = ?1 AND e.agent_id = ?7"
#define EQ_D_SRC   "e.project_id = ?1 AND e.source_ip = ?8"
#define EQ_D_EP    "e.project_id = ?1 AND e.endpoint = ?11"
#define EQ_D_TRI   "e.project_id = ?1 AND e.status = ?6 AND e.status <> 'new'"
#define EQ_D_NET   "e.project_id = ?1 AND e.source_ip >= ?9 AND e.source_ip < ?10"
#define EQ_D_PRE   "e.project_id = ?1 AND e.endpoint >= ?12 AND e.endpoint < ?19"
#define EQ_D_IC    "e.project_id = ?1 AND e.interceptor = ?3"
#define EQ_D_ENV   "e.project_id = ?1 AND e.environment_id = ?2"

static const char eq_ts_full[] = EQ_SQL(EQ_COLS, EQ_IX("events_ts"), "e.project_id = ?1");
static const char eq_ts_ids[] = EQ_SQL(EQ_IDS, EQ_IX("events_ts"), "e.project_id = ?1");
static const char eq_ts_scan[] = EQ_SQL(EQ_SCAN, EQ_IX("events_ts"), "e.project_id = ?1");
static const char eq_fts_full[] = EQ_SQL(EQ_COLS, EQ_FTS_FROM, EQ_FTS_DRV);
static const char eq_fts_ids[] = EQ_SQL(EQ_IDS, EQ_FTS_FROM, EQ_FTS_DRV);
static const char eq_fts_scan[] = EQ_SQL(EQ_SCAN, EQ_FTS_FROM, EQ_FTS_DRV);
static const char eq_agent_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_agent"), "e.project_id = ?1 AND e.agent_id = ?7");
static const char eq_agent_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_agent"), "e.project_id = ?1 AND e.agent_id = ?7");
static const char eq_agent_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_agent"), "e.project_id = ?1 AND e.agent_id = ?7");
static const char eq_src_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_source"), "e.project_id = ?1 AND e.source_ip = ?8");
static const char eq_src_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_source"), "e.project_id = ?1 AND e.source_ip = ?8");
static const char eq_src_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_source"), "e.project_id = ?1 AND e.source_ip = ?8");
static const char eq_ep_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_endpoint"), "e.project_id = ?1 AND e.endpoint = ?11");
static const char eq_ep_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_endpoint"), "e.project_id = ?1 AND e.endpoint = ?11");
static const char eq_ep_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_endpoint"), "e.project_id = ?1 AND e.endpoint = ?11");
static const char eq_tri_full[] = EQ_SQL(
    EQ_COLS, EQ_IX("events_triaged"), "e.project_id = ?1 AND e.status = ?6 AND e.status <> 'new'");
static const char eq_tri_ids[] = EQ_SQL(
    EQ_IDS, EQ_IX("events_triaged"), "e.project_id = ?1 AND e.status = ?6 AND e.status <> 'new'");
static const char eq_tri_scan[] = EQ_SQL(
    EQ_SCAN, EQ_IX("events_triaged"), "e.project_id = ?1 AND e.status = ?6 AND e.status <> 'new'");
static const char eq_net_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_source"),
           "e.project_id = ?1 AND e.source_ip >= ?9 AND e.source_ip < ?10");
static const char eq_net_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_source"),
           "e.project_id = ?1 AND e.source_ip >= ?9 AND e.source_ip < ?10");
static const char eq_net_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_source"),
           "e.project_id = ?1 AND e.source_ip >= ?9 AND e.source_ip < ?10");
static const char eq_pre_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_endpoint"),
           "e.project_id = ?1 AND e.endpoint >= ?12 AND e.endpoint < ?19");
static const char eq_pre_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_endpoint"),
           "e.project_id = ?1 AND e.endpoint >= ?12 AND e.endpoint < ?19");
static const char eq_pre_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_endpoint"),
           "e.project_id = ?1 AND e.endpoint >= ?12 AND e.endpoint < ?19");
static const char eq_ic_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_interceptor"), "e.project_id = ?1 AND e.interceptor = ?3");
static const char eq_ic_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_interceptor"), "e.project_id = ?1 AND e.interceptor = ?3");
static const char eq_ic_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_interceptor"), "e.project_id = ?1 AND e.interceptor = ?3");
static const char eq_env_full[] =
    EQ_SQL(EQ_COLS, EQ_IX("events_env"), "e.project_id = ?1 AND e.environment_id = ?2");
static const char eq_env_ids[] =
    EQ_SQL(EQ_IDS, EQ_IX("events_env"), "e.project_id = ?1 AND e.environment_id = ?2");
static const char eq_env_scan[] =
    EQ_SQL(EQ_SCAN, EQ_IX("events_env"), "e.project_id = ?1 AND e.environment_id = ?2");

/* The PostgreSQL texts: a driver's three statements and the EXPLAIN of
 * its full one (store_event_plan). */
#define EQ_PG3(name, drv)                                                                          \
	static const char eq_pg_##name##_full[] = EQ_PG(EQ_COLS, drv);                             \
	static const char eq_pg_##name##_ids[] = EQ_PG(EQ_IDS, drv);                               \
	static const char eq_pg_##name##_scan[] = EQ_PG(EQ_SCAN, drv);                             \
	static const char eq_pg_##name##_explain[] = "EXPLAIN " EQ_PG(EQ_COLS, drv);
EQ_PG3(ts, EQ_D_TS)
EQ_PG3(agent, EQ_D_AGENT)
EQ_PG3(src, EQ_D_SRC)
EQ_PG3(ep, EQ_D_EP)
EQ_PG3(tri, EQ_D_TRI)
EQ_PG3(net, EQ_D_NET)
EQ_PG3(pre, EQ_D_PRE)
EQ_PG3(ic, EQ_D_IC)
EQ_PG3(env, EQ_D_ENV)
static const char eq_pg_fts_full[] = EQ_PG_FTS(EQ_COLS);
static const char eq_pg_fts_ids[] = EQ_PG_FTS(EQ_IDS);
static const char eq_pg_fts_scan[] = EQ_PG_FTS(EQ_SCAN);
static const char eq_pg_fts_explain[] = "EXPLAIN " EQ_PG_FTS(EQ_COLS);

enum eq_plan { EQ_TS, EQ_FTS, EQ_AGENT, EQ_SRC, EQ_EP, EQ_TRI, EQ_NET, EQ_PRE, EQ_IC, EQ_ENV };

#define EQ_PAIRS(sq, pg)                                                                           \
	{                                                                                          \
		{eq_##sq##_full, eq_pg_##pg##_full}, {eq_##sq##_ids, eq_pg_##pg##_ids},            \
		{                                                                                  \
			eq_##sq##_scan, eq_pg_##pg##_scan                                          \
		}                                                                                  \
	}

/* [plan][0 full rows, 1 ids, 2 scan columns] */
static const struct db_sql eq_plans[][3] = {
    [EQ_TS] = EQ_PAIRS(ts, ts),          [EQ_FTS] = EQ_PAIRS(fts, fts),
    [EQ_AGENT] = EQ_PAIRS(agent, agent), [EQ_SRC] = EQ_PAIRS(src, src),
    [EQ_EP] = EQ_PAIRS(ep, ep),          [EQ_TRI] = EQ_PAIRS(tri, tri),
    [EQ_NET] = EQ_PAIRS(net, net),       [EQ_PRE] = EQ_PAIRS(pre, pre),
    [EQ_IC] = EQ_PAIRS(ic, ic),          [EQ_ENV] = EQ_PAIRS(env, env),
};

static const char *const eq_pg_explain[] = {
    [EQ_TS] = eq_pg_ts_explain,   [EQ_FTS] = eq_pg_fts_explain, [EQ_AGENT] = eq_pg_agent_explain,
    [EQ_SRC] = eq_pg_src_explain, [EQ_EP] = eq_pg_ep_explain,   [EQ_TRI] = eq_pg_tri_explain,
    [EQ_NET] = eq_pg_net_explain, [EQ_PRE] = eq_pg_pre_explain, [EQ_IC] = eq_pg_ic_explain,
    [EQ_ENV] = eq_pg_env_explain,
};

/* What a search needs besides the filter: the environment's id and the
 * end of the endpoint prefix range. */
struct eq_ctx {
	const struct store_event_filter *f;
	int64_t env_id;
	int fts_drives; /* the fts filter drives (?13), else C checks it */
	int text_sql;   /* ?13 is bound: it drives, or (PostgreSQL) a residual term */
	int pg;         /* on PostgreSQL */
	char prefix_end[2100];
	int has_prefix_end;
};

/* Counts up to EQ_RANGE_PROBE rows in an index range: small means the
 * range is the better driver. */
static int eq_range_small(struct store *st, const struct db_sql *sql, int64_t project_id,
                          const char *lo, const char *hi, int *small)
{
	struct db_stmt *s = db_prepare2(st->conn, sql);
	int rc;

	*small = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, lo);
	db_bind_text(s, 3, hi);
	db_bind_int64(s, 4, EQ_RANGE_PROBE);
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*small = db_column_int64(s, 0) < EQ_RANGE_PROBE;
	db_reset(s);
	return MOAT_OK;
}

static int eq_pick(struct store *st, struct eq_ctx *c, int *plan)
{
	static const struct db_sql probe_src = {
	    "SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_source"
	    " WHERE project_id = ?1 AND source_ip >= ?2 AND source_ip < ?3 LIMIT ?4)",
	    "SELECT count(*) FROM (SELECT 1 FROM events"
	    " WHERE project_id = ?1 AND source_ip >= ?2 AND source_ip < ?3 LIMIT ?4) AS r"};
	static const struct db_sql probe_ep = {
	    "SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_endpoint"
	    " WHERE project_id = ?1 AND endpoint >= ?2 AND endpoint < ?3 LIMIT ?4)",
	    "SELECT count(*) FROM (SELECT 1 FROM events"
	    " WHERE project_id = ?1 AND endpoint >= ?2 AND endpoint < ?3 LIMIT ?4) AS r"};
	static const struct db_sql probe_fts = {
	    "SELECT count(*) FROM (SELECT 1 FROM events_fts"
	    " WHERE events_fts MATCH ?1 LIMIT ?2)",
	    "SELECT count(*) FROM (SELECT 1 FROM events e WHERE " EQ_PG_WORDS
	    " @@ " EQ_PG_TSQ_OF("?1") " LIMIT ?2) AS r"};
	const struct store_event_filter *f = c->f;
	int small, rc;

	c->fts_drives = 0;
	c->pg = st->engine == DB_POSTGRES;
	if (f->fts) {
		struct db_stmt *s = db_prepare2(st->conn, &probe_fts);
		if (!s)
			return MOAT_EDB;
		db_custom_plan(s); /* PostgreSQL: GIN, for these words */
		db_bind_text(s, 1, f->fts);
		db_bind_int64(s, 2, EQ_RANGE_PROBE);
		rc = db_step(s);
		if (rc != DB_ROW)
			return rc < 0 ? rc : MOAT_EDB;
		c->fts_drives = db_column_int64(s, 0) < EQ_RANGE_PROBE;
		db_reset(s);
	}
	c->text_sql = f->fts && (c->fts_drives || c->pg);
	if (c->fts_drives)
		*plan = EQ_FTS;
	else if (f->agent_id)
		*plan = EQ_AGENT;
	else if (f->source_ip)
		*plan = EQ_SRC;
	else if (f->endpoint)
		*plan = EQ_EP;
	else if (f->status && strcmp(f->status, "new"))
		*plan = EQ_TRI;
	else
		*plan = -1;
	if (*plan >= 0)
		return MOAT_OK;
	if (f->cidr && f->cidr->lo[0]) {
		rc =
		    eq_range_small(st, &probe_src, f->project_id, f->cidr->lo, f->cidr->hi, &small);
		if (rc)
			return rc;
		if (small) {
			*plan = EQ_NET;
			return MOAT_OK;
		}
	}
	if (f->endpoint_prefix && c->has_prefix_end) {
		rc = eq_range_small(st, &probe_ep, f->project_id, f->endpoint_prefix, c->prefix_end,
		                    &small);
		if (rc)
			return rc;
		if (small) {
			*plan = EQ_PRE;
			return MOAT_OK;
		}
	}
	*plan = f->interceptor ? EQ_IC : c->env_id ? EQ_ENV : EQ_TS;
	return MOAT_OK;
}

/* limit < 0: no limit (SQLite's LIMIT -1, PostgreSQL's LIMIT NULL). */
static void eq_bind(struct db_stmt *s, const struct eq_ctx *c, int64_t hi_ts, int64_t hi_id,
                    int limit)
{
	const struct store_event_filter *f = c->f;

	db_bind_int64(s, 1, f->project_id);
	if (c->env_id)
		db_bind_int64(s, 2, c->env_id);
	db_bind_text(s, 3, f->interceptor);
	db_bind_text(s, 4, f->action);
	db_bind_text(s, 5, f->severity);
	db_bind_text(s, 6, f->status);
	db_bind_text(s, 7, f->agent_id);
	db_bind_text(s, 8, f->source_ip);
	if (f->cidr && f->cidr->lo[0]) {
		db_bind_text(s, 9, f->cidr->lo);
		db_bind_text(s, 10, f->cidr->hi);
	}
	db_bind_text(s, 11, f->endpoint);
	db_bind_text(s, 12, f->endpoint_prefix);
	if (c->text_sql)
		db_bind_text(s, 13, f->fts);
	db_bind_int64(s, 14, f->since_ms ? f->since_ms : INT64_MIN);
	db_bind_int64(s, 15, hi_ts);
	db_bind_int64(s, 16, hi_id);
	db_bind_text(s, 17, f->status_not);
	if (limit >= 0 || !c->pg)
		db_bind_int64(s, 18, limit);
	if (c->has_prefix_end)
		db_bind_text(s, 19, c->prefix_end);
}

static char *eq_dup(struct db_stmt *s, int i)
{
	const char *t = db_column_text(s, i);

	return t ? xstrndup(t, db_column_bytes(s, i)) : NULL;
}

static void eq_row(struct db_stmt *s, struct store_event_row *e)
{
	char **text[] = {&e->agent_id,  &e->source_ip, &e->method,   &e->endpoint, &e->payload,
	                 &e->operation, &e->file,      &e->function, &e->rule,     &e->details};

	memset(e, 0, sizeof *e);
	e->id = db_column_int64(s, 0);
	store_text(s, 1, e->uid, sizeof e->uid);
	e->ts = db_column_int64(s, 2);
	e->received_at = db_column_int64(s, 3);
	e->environment_id = db_column_int64(s, 4);
	store_text(s, 5, e->environment, sizeof e->environment);
	store_text(s, 6, e->interceptor, sizeof e->interceptor);
	store_text(s, 7, e->action, sizeof e->action);
	store_text(s, 8, e->severity, sizeof e->severity);
	store_text(s, 9, e->status, sizeof e->status);
	e->has_confidence = !db_column_is_null(s, 10);
	e->confidence = db_column_double(s, 10);
	e->payload_len = db_column_int64(s, 11);
	e->payload_truncated = (int)db_column_int64(s, 12);
	e->operation_len = db_column_int64(s, 13);
	e->operation_truncated = (int)db_column_int64(s, 14);
	e->has_line = !db_column_is_null(s, 15);
	e->line = db_column_int64(s, 15);
	for (int i = 0; i < (int)(sizeof text / sizeof text[0]); i++)
		*text[i] = eq_dup(s, EQ_COL_TEXT + i);
}

void store_event_row_cleanup(struct store_event_row *e)
{
	char **text[] = {&e->agent_id,  &e->source_ip, &e->method,   &e->endpoint, &e->payload,
	                 &e->operation, &e->file,      &e->function, &e->rule,     &e->details};

	for (int i = 0; i < (int)(sizeof text / sizeof text[0]); i++) {
		free(*text[i]);
		*text[i] = NULL;
	}
}

void store_event_rows_free(struct store_event_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		store_event_row_cleanup(&rows[i]);
	free(rows);
}

/* Where results go: full rows, or row ids only. */
struct eq_out {
	struct store_event_row *rows;
	int64_t *ids;
	size_t n;
};

static int eq_cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Which of the n ids (sorted here) match the FTS5 query fts: one rowid
 * range query per cluster of ids at most EQ_TEXT_GAP apart. The matching
 * ids go to m (sorted), *nm of them. SQLite only. */
static int eq_text_matches(struct store *st, const char *fts, int64_t *ids, size_t n, int64_t *m,
                           size_t *nm)
{
	static const char sql[] = "SELECT rowid FROM events_fts WHERE events_fts MATCH ?1"
	                          " AND rowid >= ?2 AND rowid <= ?3";
	int rc = DB_DONE;

	*nm = 0;
	qsort(ids, n, sizeof *ids, eq_cmp_id);
	for (size_t i = 0, j; i < n; i = j) {
		struct db_stmt *s = db_prepare(st->conn, sql);
		if (!s)
			return MOAT_EDB;
		for (j = i + 1; j < n && ids[j] - ids[j - 1] <= EQ_TEXT_GAP; j++)
			;
		db_bind_text(s, 1, fts);
		db_bind_int64(s, 2, ids[i]);
		db_bind_int64(s, 3, ids[j - 1]);
		while ((rc = db_step(s)) == DB_ROW) {
			int64_t id = db_column_int64(s, 0);
			if (bsearch(&id, ids + i, j - i, sizeof *ids, eq_cmp_id) &&
			    (*nm == 0 || m[*nm - 1] < id))
				m[(*nm)++] = id;
		}
		db_reset(s);
		if (rc != DB_DONE)
			return rc;
	}
	return MOAT_OK;
}

/* The search when C checks q (SQLite): the driver's ids (with every other
 * filter) a round at a time, newest first, then the rows of those that
 * match. */
static int eq_run_text(struct store *st, const struct eq_ctx *c, int plan, int ids_only, int limit,
                       int64_t hi_ts, int64_t hi_id, struct eq_out *out)
{
	static const char by_id[] = "SELECT " EQ_COLS " FROM events e WHERE e.id = ?1";
	const struct store_event_filter *f = c->f;
	int64_t cand[EQ_TEXT_BATCH], sorted[EQ_TEXT_BATCH], match[EQ_TEXT_BATCH];

	for (;;) {
		struct db_stmt *s = db_prepare2(st->conn, &eq_plans[plan][1]);
		size_t nc = 0, nm = 0;
		int got = 0, rc;
		if (!s)
			return MOAT_EDB;
		eq_bind(s, c, hi_ts, hi_id, EQ_TEXT_BATCH);
		while ((rc = db_step(s)) == DB_ROW) {
			got++;
			hi_ts = db_column_int64(s, 1);
			hi_id = db_column_int64(s, 0);
			if (f->cidr && !event_query_cidr_match(f->cidr, db_column_text(s, 2)))
				continue;
			cand[nc++] = hi_id;
		}
		db_reset(s);
		if (rc != DB_DONE)
			return rc;
		memcpy(sorted, cand, nc * sizeof *cand);
		rc = eq_text_matches(st, f->fts, sorted, nc, match, &nm);
		if (rc)
			return rc;
		for (size_t k = 0; k < nc && out->n < (size_t)limit; k++) {
			if (!bsearch(&cand[k], match, nm, sizeof *match, eq_cmp_id))
				continue;
			if (ids_only) {
				out->ids[out->n++] = cand[k];
				continue;
			}
			s = db_prepare(st->conn, by_id);
			if (!s)
				return MOAT_EDB;
			db_bind_int64(s, 1, cand[k]);
			rc = db_step(s);
			if (rc == DB_ROW)
				eq_row(s, &out->rows[out->n++]);
			db_reset(s);
			if (rc != DB_ROW && rc != DB_DONE)
				return rc;
		}
		if (out->n == (size_t)limit || got < EQ_TEXT_BATCH)
			return MOAT_OK;
	}
}

/* Runs the search; at most limit results into out (allocated here for
 * limit entries). */
static int eq_run(struct store *st, const struct store_event_filter *f, int ids_only, int limit,
                  struct eq_out *out)
{
	struct eq_ctx c;
	int64_t hi_ts = INT64_MAX, hi_id = INT64_MAX;
	int plan, batch, rc;

	memset(&c, 0, sizeof c);
	c.f = f;
	out->n = 0;
	if (ids_only)
		out->ids = xcalloc((size_t)limit + 1, sizeof *out->ids);
	else
		out->rows = xcalloc((size_t)limit + 1, sizeof *out->rows);
	if (limit <= 0)
		return MOAT_OK;
	if (f->environment) {
		struct store_env env;
		rc = store_env_get(st, f->project_id, f->environment, &env);
		if (rc == MOAT_ENOTFOUND)
			return MOAT_OK; /* no such environment: no events */
		if (rc)
			return rc;
		c.env_id = env.id;
	}
	if (f->endpoint_prefix)
		c.has_prefix_end = event_query_prefix_end(f->endpoint_prefix, c.prefix_end,
		                                          sizeof c.prefix_end) == MOAT_OK;
	/* the upper bound: the lesser of the cursor and (until, -inf) */
	if (f->until_ms) {
		hi_ts = f->until_ms;
		hi_id = INT64_MIN;
	}
	if (f->has_cursor &&
	    (f->after_ts < hi_ts || (f->after_ts == hi_ts && f->after_id < hi_id))) {
		hi_ts = f->after_ts;
		hi_id = f->after_id;
	}
	rc = eq_pick(st, &c, &plan);
	if (rc)
		return rc;
	if (f->fts && !c.text_sql)
		return eq_run_text(st, &c, plan, ids_only, limit, hi_ts, hi_id, out);
	batch = f->cidr && limit < EQ_CIDR_BATCH ? EQ_CIDR_BATCH : limit;
	for (;;) {
		struct db_stmt *s = db_prepare2(st->conn, &eq_plans[plan][ids_only]);
		int got = 0, src = ids_only ? 2 : EQ_COL_SOURCE;
		if (!s)
			return MOAT_EDB;
		db_custom_plan(s); /* PostgreSQL: the plan of the driver's index */
		eq_bind(s, &c, hi_ts, hi_id, batch);
		while ((rc = db_step(s)) == DB_ROW) {
			got++;
			hi_ts = db_column_int64(s, 1 + (ids_only ? 0 : 1));
			hi_id = db_column_int64(s, 0);
			if (f->cidr && !event_query_cidr_match(f->cidr, db_column_text(s, src)))
				continue;
			if (ids_only)
				out->ids[out->n] = hi_id;
			else
				eq_row(s, &out->rows[out->n]);
			if (++out->n == (size_t)limit)
				break;
		}
		if (rc != DB_ROW && rc != DB_DONE)
			return rc;
		db_reset(s);
		if (out->n == (size_t)limit || got < batch)
			return MOAT_OK;
	}
}

/* ---- every matching event, for aggregates (store_event_groups.c) ---- */

static char *eq_scan_dup(struct db_stmt *s, int i, size_t *len)
{
	*len = db_column_bytes(s, i);
	return eq_dup(s, i);
}

static void eq_scan_read(struct db_stmt *s, struct store_event_scan_row *r)
{
	r->id = db_column_int64(s, 0);
	r->ts = db_column_int64(s, 1);
	r->source_ip = db_column_text(s, 2);
	r->source_len = db_column_bytes(s, 2);
	r->interceptor = db_column_text(s, 3);
	r->action = db_column_text(s, 4);
	r->endpoint = db_column_text(s, 5);
	r->endpoint_len = db_column_bytes(s, 5);
}

/* The scan when C checks q (SQLite): a round of EQ_TEXT_BATCH rows is
 * copied, the FTS5 index says which match, and those are handed on. */
static int eq_scan_text(struct store *st, const struct eq_ctx *c, int plan, int64_t hi_ts,
                        int64_t hi_id, store_event_scan_fn fn, void *arg)
{
	const struct store_event_filter *f = c->f;
	struct store_event_scan_row rows[EQ_TEXT_BATCH];
	char *heap[EQ_TEXT_BATCH][4];
	int64_t ids[EQ_TEXT_BATCH], match[EQ_TEXT_BATCH];

	for (;;) {
		struct db_stmt *s = db_prepare2(st->conn, &eq_plans[plan][2]);
		size_t nc = 0, nm = 0, dummy;
		int got = 0, rc;
		if (!s)
			return MOAT_EDB;
		eq_bind(s, c, hi_ts, hi_id, EQ_TEXT_BATCH);
		while ((rc = db_step(s)) == DB_ROW) {
			struct store_event_scan_row *r = &rows[nc];
			got++;
			hi_ts = db_column_int64(s, 1);
			hi_id = db_column_int64(s, 0);
			if (f->cidr && !event_query_cidr_match(f->cidr, db_column_text(s, 2)))
				continue;
			r->id = hi_id;
			r->ts = hi_ts;
			r->source_ip = heap[nc][0] = eq_scan_dup(s, 2, &r->source_len);
			r->interceptor = heap[nc][1] = eq_scan_dup(s, 3, &dummy);
			r->action = heap[nc][2] = eq_scan_dup(s, 4, &dummy);
			r->endpoint = heap[nc][3] = eq_scan_dup(s, 5, &r->endpoint_len);
			ids[nc++] = hi_id;
		}
		db_reset(s);
		if (rc == DB_DONE)
			rc = eq_text_matches(st, f->fts, ids, nc, match, &nm);
		for (size_t k = 0; k < nc; k++) {
			if (!rc && bsearch(&rows[k].id, match, nm, sizeof *match, eq_cmp_id))
				fn(arg, &rows[k]);
			for (int j = 0; j < 4; j++)
				free(heap[k][j]);
		}
		if (rc || got < EQ_TEXT_BATCH)
			return rc;
	}
}

int store_event_scan(struct store *st, const struct store_event_filter *f, store_event_scan_fn fn,
                     void *arg)
{
	struct eq_ctx c;
	int64_t hi_ts = INT64_MAX, hi_id = INT64_MAX;
	int plan, rc;

	memset(&c, 0, sizeof c);
	c.f = f;
	if (f->environment) {
		struct store_env env;
		rc = store_env_get(st, f->project_id, f->environment, &env);
		if (rc == MOAT_ENOTFOUND)
			return MOAT_OK; /* no such environment: no events */
		if (rc)
			return rc;
		c.env_id = env.id;
	}
	if (f->endpoint_prefix)
		c.has_prefix_end = event_query_prefix_end(f->endpoint_prefix, c.prefix_end,
		                                          sizeof c.prefix_end) == MOAT_OK;
	if (f->until_ms) {
		hi_ts = f->until_ms;
		hi_id = INT64_MIN;
	}
	rc = eq_pick(st, &c, &plan);
	if (rc)
		return rc;
	if (f->fts && !c.text_sql)
		return eq_scan_text(st, &c, plan, hi_ts, hi_id, fn, arg);
	{
		/* one pass, no LIMIT: the driver in keyset order, streamed (the
		 * range may hold millions of events) */
		struct db_stmt *s = db_prepare2(st->conn, &eq_plans[plan][2]);
		struct store_event_scan_row r;
		if (!s)
			return MOAT_EDB;
		db_custom_plan(s); /* PostgreSQL: the plan of the driver's index */
		eq_bind(s, &c, hi_ts, hi_id, -1);
		db_stream(s);
		while ((rc = db_step(s)) == DB_ROW) {
			eq_scan_read(s, &r);
			if (f->cidr && !event_query_cidr_match(f->cidr, r.source_ip))
				continue;
			fn(arg, &r);
		}
		db_reset(s);
		return rc == DB_DONE ? MOAT_OK : rc;
	}
}

int store_event_search(struct store *st, const struct store_event_filter *f, int limit,
                       struct store_event_row **out, size_t *n)
{
	struct eq_out o = {NULL, NULL, 0};
	int rc = eq_run(st, f, 0, limit, &o);

	if (rc) {
		store_event_rows_free(o.rows, o.n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	*out = o.rows;
	*n = o.n;
	return MOAT_OK;
}

int store_event_get(struct store *st, int64_t project_id, const char *uid,
                    struct store_event_row *out)
{
	static const char sql[] =
	    "SELECT " EQ_COLS " FROM events e WHERE e.project_id = ?1 AND e.event_uid = ?2";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, uid);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	eq_row(s, out);
	db_reset(s);
	return MOAT_OK;
}

/* ---- triage ---- */

static int eq_update(struct store *st, int64_t id, const char *status, int *changed)
{
	static const char sql[] = "UPDATE events SET status = ?2 WHERE id = ?1 AND status <> ?2";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*changed = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, status);
	rc = db_step(s);
	if (rc != DB_DONE)
		return rc < 0 ? rc : MOAT_EDB;
	*changed = db_changes(s) > 0;
	db_reset(s);
	return MOAT_OK;
}

int store_event_set_status_in(struct store *st, const struct actor *a,
                              const struct store_project *p, const char *uid, const char *status,
                              const char *reason, int *changed)
{
	static const char sql[] =
	    "SELECT id, status FROM events WHERE project_id = ? AND event_uid = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	char previous[16];
	int64_t id;
	int rc;

	*changed = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, p->id);
	db_bind_text(s, 2, uid);
	rc = db_step(s);
	if (rc != DB_ROW) {
		db_reset(s);
		return rc == DB_DONE ? MOAT_ENOTFOUND : rc;
	}
	id = db_column_int64(s, 0);
	store_text(s, 1, previous, sizeof previous);
	db_reset(s);
	rc = eq_update(st, id, status, changed);
	if (rc || !*changed)
		return rc; /* nothing written, nothing to audit */
	{
		json_t *d = json_pack("{s:s, s:s}", "status", status, "previous", previous);
		if (reason)
			json_object_set_new(d, "reason", json_string(reason));
		rc = store_audit_json(st, a, "event.status", uid, p->slug, d);
	}
	return rc;
}

int store_event_set_status(struct store *st, const struct actor *a, const struct store_project *p,
                           const char *uid, const char *status, const char *reason, int *changed)
{
	int rc;

	*changed = 0;
	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_event_set_status_in(st, a, p, uid, status, reason, changed);
	if (rc || !*changed) {
		store_rollback(st);
		if (rc)
			*changed = 0;
		return rc;
	}
	return store_commit(st);
}

int store_event_triage(struct store *st, const struct actor *a, const struct store_project *p,
                       const struct store_event_filter *f, const char *status, const char *reason,
                       const char *filters_json, int max, int64_t *changed, int *more)
{
	struct store_event_filter g = *f;
	struct eq_out o = {NULL, NULL, 0};
	size_t n;
	int rc;

	*changed = 0;
	*more = 0;
	/* the matching ids first, outside the write lock (a search can take
	 * long; the ingest writer must not wait for it) */
	g.status_not = status;
	rc = eq_run(st, &g, 1, max + 1, &o);
	if (rc)
		goto out;
	n = o.n;
	if (n > (size_t)max) {
		*more = 1;
		n = (size_t)max;
	}
	rc = store_begin(st);
	if (rc)
		goto out;
	for (size_t i = 0; i < n && !rc; i++) {
		int one;
		rc = eq_update(st, o.ids[i], status, &one);
		*changed += one;
	}
	if (!rc && *changed > 0) {
		json_t *d = json_pack(
		    "{s:s, s:I, s:o}", "status", status, "count", (json_int_t)*changed, "filters",
		    filters_json ? json_loads(filters_json, 0, NULL) : json_object());
		if (reason)
			json_object_set_new(d, "reason", json_string(reason));
		rc = store_audit_json(st, a, "event.status", "events", p->slug, d);
	}
	if (rc) {
		store_rollback(st);
		*changed = 0;
		goto out;
	}
	rc = store_commit(st);
	if (rc)
		*changed = 0;
out:
	free(o.ids);
	return rc;
}

/* ---- plans (tests and benchmarks) ---- */

void store_explain_pg(struct db_stmt *s, char *out, size_t cap, size_t *o)
{
	int rc;

	while ((rc = db_step(s)) == DB_ROW && *o < cap) {
		int w = snprintf(out + *o, cap - *o, "%s%s", *o ? "|" : "", db_column_text(s, 0));
		if (w > 0)
			*o += (size_t)w;
	}
	db_reset(s);
}

int store_event_plan(struct store *st, const struct store_event_filter *f, int stats, char *out,
                     size_t cap)
{
	struct eq_ctx c;
	size_t o = 0;
	int plan, rc;

	out[0] = '\0';
	if (stats) {
		store_event_stats_plan(st, out, cap, &o);
		return MOAT_OK;
	}
	memset(&c, 0, sizeof c);
	c.f = f;
	c.env_id = f->environment ? 1 : 0;
	if (f->endpoint_prefix)
		c.has_prefix_end = event_query_prefix_end(f->endpoint_prefix, c.prefix_end,
		                                          sizeof c.prefix_end) == MOAT_OK;
	rc = eq_pick(st, &c, &plan);
	if (rc)
		return rc;
	if (c.pg) {
		/* PostgreSQL's plan for these very parameters (a first page) */
		struct db_stmt *s = db_prepare(st->conn, eq_pg_explain[plan]);
		if (!s)
			return MOAT_EDB;
		eq_bind(s, &c, INT64_MAX, INT64_MAX, 50);
		store_explain_pg(s, out, cap, &o);
		return MOAT_OK;
	}
	store_explain(st, eq_plans[plan][0].sqlite, out, cap, &o);
	return MOAT_OK;
}
