/*
 * store_int.h — internals shared by store*.c only. Nothing outside the
 * store includes this file: SQL stays behind store.h.
 */
#ifndef MOAT_STORE_INT_H
#define MOAT_STORE_INT_H

#include <sqlite3.h>

#include "db.h"
#include "store.h"

#define STORE_STMT_SLOTS 256
#define STORE_MONTHS     16

struct store_stmt_slot {
	const char *sql; /* the literal's address is the key */
	sqlite3_stmt *stmt;
	int active; /* listed in store.active */
};

struct store {
	/* the connection (either engine); db is its SQLite handle, NULL on
	 * PostgreSQL, for the store code not yet written against db.h */
	struct db *conn;
	sqlite3 *db;
	int engine; /* DB_SQLITE or DB_POSTGRES */
	int in_txn;
	int read_txn; /* a deferred BEGIN spans the current request's reads */
	/* last-used refreshes noticed during reads, written by store_idle()
	 * after the read transaction so that no request holds the write lock */
	int64_t touch_token_id, touch_session_id, touch_now;
	struct store_stmt_slot slots[STORE_STMT_SLOTS];
	/* statements handed out since the last store_idle(): a stepped but
	 * unreset statement holds a read snapshot open, so they are all reset
	 * before a write transaction and at the end of each request. Each
	 * slot is listed at most once, so the list never fills. */
	struct store_stmt_slot *active[STORE_STMT_SLOTS];
	int nactive;
	/* PostgreSQL: the months (first ms) whose event partition this
	 * connection saw exist (store_event_prepare), oldest first */
	int64_t months[STORE_MONTHS];
	int nmonths;
	/* the write transaction holds the shared write lock (PostgreSQL) */
	int write_locked;
	/* store_set_busy_hook: called while waiting for a lock */
	void (*busy_hook)(void *arg);
	void *busy_arg;
};

/* Returns the connection's prepared statement for the SQL literal sql,
 * reset and with bindings cleared; NULL (logged) if it does not prepare.
 * The statement stays owned by the store. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. begin returns MOAT_EBUSY when the
 * write lock cannot be had within busy_timeout. */
int store_begin(struct store *st);
/* A write transaction on row locks (db_begin_rows: no write lock on
 * PostgreSQL), for statements that are safe beside other writers. */
int store_begin_rows(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);
/* store_begin, then the statement for sql into *s; when it does not
 * prepare, the transaction is rolled back and MOAT_EDB returned. */
int store_begin_stmt(struct store *st, const char *sql, sqlite3_stmt **s);

/* The WAL hook of every connection (store_checkpoint.c): wakes the
 * checkpointer, or checkpoints inline when it does not run. */
int store_wal_hook(void *arg, sqlite3 *db, const char *name, int pages);

/* Maps a sqlite result code to moat_err (logs unexpected ones). */
int store_err(struct store *st, int rc);

/* Grows arr (elements of size bytes, *cap of them) so that index n fits;
 * returns the (possibly moved) array. For lists read row by row. */
void *store_grow(void *arr, size_t *cap, size_t n, size_t size);

/* store_begin, then the connection's db.h statement for sql into *s (the
 * ported modules' store_begin_stmt); rolled back and MOAT_EDB when it
 * does not prepare. */
int store_begin_q(struct store *st, const char *sql, struct db_stmt **s);
/* Steps s, an INSERT whose PostgreSQL text ends in RETURNING id and
 * whose SQLite text has no RETURNING (a db_sql pair: SQLite's RETURNING
 * fills an ephemeral table, about 30,000 instructions more per row,
 * bench/instr/notify_store.sh), and puts the new row's id into *id:
 * RETURNING's column, or SQLite's last rowid of the connection. 0 or a
 * negative moat_err (ECONFLICT for a constraint). */
int store_step_insert(struct store *st, struct db_stmt *s, int64_t *id);
/* Copies column i of a db.h statement as text into out (cap bytes, cut on
 * a character boundary when longer, "" for NULL). */
void store_text(struct db_stmt *s, int i, char *out, size_t cap);

/* Copies column i as text into out (cap bytes, cut on a character boundary
 * when longer, "" for NULL). */
void store_col_text(sqlite3_stmt *s, int i, char *out, size_t cap);
/* Binds s as text (NULL binds SQL NULL). */
void store_bind_text(sqlite3_stmt *s, int i, const char *v);

/* The columns of a channel row (store_channel.c) over "channels c JOIN
 * projects p", and the reader of CHANNEL_NCOLS of them from column off
 * (the notifier's claim joins them to its deliveries). */
#define CHANNEL_COLS                                                                               \
	"c.id, c.project_id, p.slug, c.kind, c.name, c.url, c.enabled, c.interceptors,"            \
	" c.min_severity, c.actions, c.environments, c.on_threats, c.on_policy_failed,"            \
	" c.on_rollout_stalled, c.on_env_offline, c.rollout_stall_seconds, c.throttle_seconds,"    \
	" c.source, c.last_sent_at, c.window_ends_at, COALESCE(c.digest_id, 0), c.created_by,"     \
	" c.created_at, c.updated_at"
#define CHANNEL_NCOLS 24
void store_channel_row_at(struct db_stmt *s, int off, struct store_channel *c);
/* Runs sql (selecting CHANNEL_COLS, ?1 bound to project_id) and reads every
 * row into *out (free()); the one loop of the channel lists. */
int store_channel_select(struct store *st, const char *sql, int64_t project_id,
                         struct store_channel **out, size_t *n);

/* The columns of a delivery row over "deliveries d" and their reader
 * (store_delivery.c; the notifier's claim in store_notify.c too). */
#define DELIVERY_COLS                                                                              \
	"d.id, d.uuid, d.channel_id, d.kind, d.status, COALESCE(d.event_id, 0),"                   \
	" COALESCE(d.last_event_id, 0), d.event_count, d.body, d.attempts, d.next_attempt_at,"     \
	" COALESCE(d.response_code, 0), COALESCE(d.last_error, ''), d.created_at,"                 \
	" COALESCE(d.delivered_at, 0)"
#define DELIVERY_NCOLS 15
void store_delivery_row(struct db_stmt *s, struct store_delivery *d);

#endif

#include <jansson.h>
/* Writes version 1 = the safe default for env_id (caller's transaction). */
int store_policy_insert_default(struct store *st, int64_t env_id, const char *author);

/* store_event_set_status() inside the caller's write transaction (which
 * the caller commits or rolls back; nothing is written when *changed is 0). */
int store_event_set_status_in(struct store *st, const struct actor *a,
                              const struct store_project *p, const char *uid, const char *status,
                              const char *reason, int *changed);

/* Appends the EXPLAIN QUERY PLAN details of sql to out ("|"-separated). */
void store_explain(struct store *st, const char *sql, char *out, size_t cap, size_t *o);
/* PostgreSQL: appends the rows of s, a bound EXPLAIN, to out
 * ("|"-separated; store_event_query.c). */
void store_explain_pg(struct db_stmt *s, char *out, size_t cap, size_t *o);
/* The plans of the statistics statements (store_event_stats.c). */
void store_event_stats_plan(struct store *st, char *out, size_t cap, size_t *o);

/* store_audit_add with details as a json object (stolen; NULL = {}). */
int store_audit_json(struct store *st, const struct actor *a, const char *action,
                     const char *target, const char *project, json_t *details);
