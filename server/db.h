/*
 * db.h — one connection to SQLite or PostgreSQL behind one small statement
 * API, so that store*.c is written once for both engines (issue 13). Only
 * store*.c includes it: SQL stays behind store.h.
 *
 * SQL is written once in SQLite's placeholder syntax (?NNN, or ? numbered
 * in order) and portable SQL wherever both engines agree (RETURNING,
 * IS NOT DISTINCT FROM, ON CONFLICT, CASE, COALESCE); the PostgreSQL side
 * rewrites the placeholders to $NNN when it prepares a statement. Where
 * the dialects differ, a statement is a struct db_sql pair and the
 * connection picks its engine's text (docs/ARCHITECTURE.md, "Two engines").
 *
 * A struct db belongs to one thread, as its store does. Statements are
 * prepared once per connection and cached by the address of their SQL
 * text (a static literal, or a static struct db_sql): db_prepare() hands
 * back the same statement, reset, on every later call. The connection owns
 * them; db_idle() resets every statement handed out since the last call
 * (a stepped SQLite statement holds a read snapshot open).
 *
 * Errors are moat_err: a unique, foreign-key or check violation is
 * MOAT_ECONFLICT; a lock not had within the busy timeout (SQLite) or a
 * serialization failure or deadlock (PostgreSQL) is MOAT_EBUSY; anything
 * else MOAT_EDB, logged once with the engine's message.
 */
#ifndef MOAT_DB_H
#define MOAT_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

enum db_engine { DB_SQLITE = 1, DB_POSTGRES = 2 };

/* db_step's results besides the negative moat_err codes. */
enum { DB_DONE = 0, DB_ROW = 1 };

struct db;
struct db_stmt;
struct sqlite3;

/* A statement whose text differs between the engines. Declare it static
 * (its address is the cache key). */
struct db_sql {
	const char *sqlite;
	const char *postgres;
};

/* This connection's text of q. */
const char *db_text(const struct db *db, const struct db_sql *q);

/* Which engine target names: DB_POSTGRES for a postgres:// or
 * postgresql:// URL (libpq's connection URI), DB_SQLITE for anything else
 * (a file path). */
int db_engine_of(const char *target);

/* Opens a connection. SQLite: WAL, foreign keys, busy timeout (the store
 * sets the rest). PostgreSQL: libpq with the URL as given; client
 * encoding UTF8, UTC. MOAT_EDB with the reason in msg when it cannot.
 * *out is the caller's: db_close() it. */
int db_open(const char *target, struct db **out, char *msg, size_t msglen);
/* Finalizes every statement and closes. NULL is fine. */
void db_close(struct db *db);
int db_engine(const struct db *db);
/* The SQLite handle of a SQLite connection, NULL on PostgreSQL: for the
 * store code that is not yet written against this API (issue 13's
 * phase 2 ports it), and for SQLite-only features (backup, WAL hooks). */
struct sqlite3 *db_sqlite(struct db *db);
/* A SQLite result code as a moat_err (busy, conflict, database error;
 * the last logged with h's message): this API's own mapping, shared with
 * the store code that still calls sqlite3 directly. */
int db_sqlite_err(struct sqlite3 *h, int rc);

/* The cached statement for the literal sql (or this engine's text of q),
 * reset, its bindings cleared. NULL (logged) when it does not prepare. */
struct db_stmt *db_prepare(struct db *db, const char *sql);
struct db_stmt *db_prepare2(struct db *db, const struct db_sql *q);

/* Parameters are numbered from 1. Text and blobs are copied; a double
 * goes to PostgreSQL as %.17g text, which reads back exactly. A parameter
 * never bound is NULL. db_bind_text(s, i, NULL) binds NULL. */
void db_bind_int64(struct db_stmt *s, int i, int64_t v);
void db_bind_double(struct db_stmt *s, int i, double v);
void db_bind_text(struct db_stmt *s, int i, const char *v);
void db_bind_blob(struct db_stmt *s, int i, const void *p, size_t n);
void db_bind_null(struct db_stmt *s, int i);
/* db_bind_text without the copy where the engine can do without one
 * (SQLite): v must stay as it is until the statement is stepped to its
 * end or reset. For hot inserts (the events). */
void db_bind_text_ref(struct db_stmt *s, int i, const char *v);

/* The per-row calls below (step, columns) are inline: on SQLite each is
 * the sqlite3 call and a test, as cheap as calling SQLite directly (a
 * read of thousands of rows paid a few instructions per column through
 * the engine table, 1.4 % of the event reads: bench/RESULTS.md); on
 * PostgreSQL they call the engine. db_stmt_sqlite(s) is the first member
 * of struct db_stmt (db_int.h): the sqlite3_stmt, NULL on PostgreSQL. */
static inline sqlite3_stmt *db_stmt_sqlite(const struct db_stmt *s)
{
	return *(sqlite3_stmt *const *)(const void *)s;
}
/* The engine's calls behind the inline ones (not for direct use). */
int db_step_engine(struct db_stmt *s, int sqlite_rc);
int db_column_is_null_engine(struct db_stmt *s, int i);
int64_t db_column_int64_engine(struct db_stmt *s, int i);
double db_column_double_engine(struct db_stmt *s, int i);
const char *db_column_text_engine(struct db_stmt *s, int i);
size_t db_column_bytes_engine(struct db_stmt *s, int i);

/* Runs the statement (first call) or moves to its next row: DB_ROW with
 * a row to read, DB_DONE when there is none left, or a negative
 * moat_err. */
static inline int db_step(struct db_stmt *s)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	if (q) {
		int rc = sqlite3_step(q);
		if (rc == SQLITE_ROW)
			return DB_ROW;
		if (rc == SQLITE_DONE)
			return DB_DONE;
		return db_step_engine(s, rc);
	}
	return db_step_engine(s, 0);
}
/* Asks that the statement's next run hand its rows over one at a time,
 * for a read that may return many rows and is read to its end (a scan of
 * every event of a range): on PostgreSQL, libpq's single-row mode, so the
 * result is never held whole in memory; on SQLite nothing (a step always
 * reads one row). Call it after binding, before the first step. Until the
 * stream's last row is read (or it is reset), the connection is the
 * stream's: another statement run meanwhile first reads the rest of it
 * away, and the stream's next step then fails (MOAT_EDB, logged) rather
 * than end early in silence. A reset before the end reads the rest away
 * too (its cost grows with the rows left). */
void db_stream(struct db_stmt *s);

/* Asks that the statement's next run be planned for the values bound to
 * it: on PostgreSQL an unnamed statement, parsed and planned at each run
 * (what PostgreSQL does for a prepared statement's first five runs, after
 * which it may keep one generic plan for any values, and for the event
 * search's driver statements that plan ignores the driver's index); on
 * SQLite nothing. Call it after db_prepare, before the first step. */
void db_custom_plan(struct db_stmt *s);

/* Rows changed by the DML statement just stepped to DB_DONE. */
int64_t db_changes(struct db_stmt *s);

/* Columns of the current row, numbered from 0. NULL reads as 0, as NULL
 * text, as an empty blob. A boolean (PostgreSQL's t/f) reads as 1/0.
 * Text and blobs stay valid until the next step or reset. */
static inline int db_column_is_null(struct db_stmt *s, int i)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	return q ? sqlite3_column_type(q, i) == SQLITE_NULL : db_column_is_null_engine(s, i);
}
static inline int64_t db_column_int64(struct db_stmt *s, int i)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	return q ? sqlite3_column_int64(q, i) : db_column_int64_engine(s, i);
}
static inline double db_column_double(struct db_stmt *s, int i)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	return q ? sqlite3_column_double(q, i) : db_column_double_engine(s, i);
}
static inline const char *db_column_text(struct db_stmt *s, int i)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	return q ? (const char *)sqlite3_column_text(q, i) : db_column_text_engine(s, i);
}
/* Bytes of column i's text or blob. */
static inline size_t db_column_bytes(struct db_stmt *s, int i)
{
	sqlite3_stmt *q = db_stmt_sqlite(s);

	return q ? (size_t)sqlite3_column_bytes(q, i) : db_column_bytes_engine(s, i);
}
const void *db_column_blob(struct db_stmt *s, int i, size_t *n);

/* Ends the statement early (it stays cached for the next db_prepare). */
void db_reset(struct db_stmt *s);
/* Resets every statement handed out since the last call. */
void db_idle(struct db *db);

/* Runs a script of statements without parameters (migrations). On
 * failure MOAT_EDB (or ECONFLICT, EBUSY) with the engine's message in
 * msg (may be NULL). */
int db_exec(struct db *db, const char *script, char *msg, size_t msglen);

/* Transactions. db_begin opens a write transaction that excludes every
 * other writer of the database until it ends, on both engines: SQLite's
 * BEGIN IMMEDIATE; on PostgreSQL BEGIN and a transaction-scoped advisory
 * lock (DB_PG_WRITE_LOCK), which several moatd on one database share.
 * MOAT_EBUSY when it cannot be had within the busy timeout (5 s).
 * db_begin_read opens a read transaction with one snapshot for every
 * statement in it (SQLite's deferred BEGIN; REPEATABLE READ READ ONLY).
 * db_commit rolls back when it fails. */
int db_begin(struct db *db);
int db_begin_read(struct db *db);
/* A write transaction that relies on row locks instead of the write lock,
 * for work whose every statement is safe beside other writers by itself
 * (an upsert, a DELETE … RETURNING of one row, a claim with FOR UPDATE
 * SKIP LOCKED): on PostgreSQL a plain BEGIN (READ COMMITTED, no
 * DB_PG_WRITE_LOCK), so it runs beside the other writers of every moatd;
 * on SQLite BEGIN IMMEDIATE, as db_begin (SQLite has one writer anyway). */
int db_begin_rows(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* Is a transaction open (either kind)? */
int db_in_txn(struct db *db);
/* The engine's message for the last failure (static "" when none). */
const char *db_errmsg(struct db *db);

/* The advisory lock key of every PostgreSQL write transaction (an
 * arbitrary constant: "moat" in ASCII). */
#define DB_PG_WRITE_LOCK 1836019828 /* 0x6d6f6174 */

/* LISTEN/NOTIFY, PostgreSQL only (the cluster module through
 * store_cluster.c; MOAT_EINVALID on SQLite). db_pg_listen runs LISTEN on
 * channel (a plain identifier) in the connection's current session.
 * db_pg_session counts the connection's sessions: a reset after a failure
 * (db_pg.c) starts a new one, which listens to nothing, so a caller that
 * listens compares it with the session it listened in. db_pg_socket is
 * the connection's socket (-1 when it has none), to poll for input.
 * db_pg_notifies reads what arrived (PQconsumeInput) and calls fn(arg,
 * payload) for each notification on channel, in the order they were
 * committed; it returns how many, or MOAT_EDB when the connection broke
 * (it is then reset: listen again). Outside a transaction only. */
int db_pg_listen(struct db *db, const char *channel);
unsigned db_pg_session(struct db *db);
int db_pg_socket(struct db *db);
int db_pg_notifies(struct db *db, const char *channel, void (*fn)(void *arg, const char *payload),
                   void *arg);

/* Once-only background work among every moatd on the database (issue
 * 13): tries to take the lock of job (1..DB_JOB_MAX) without waiting. 1
 * when this connection holds it now, 0 when another connection holds it,
 * or a negative moat_err. Held until db_job_unlock or the connection's
 * end (a moatd that dies lets go with its session). PostgreSQL: a
 * session-level advisory lock, pg_try_advisory_lock(DB_PG_WRITE_LOCK,
 * job) (two int4 keys: a space apart from the write lock's one bigint
 * key). SQLite (one moatd per file): a table of holders in this process,
 * under a mutex, so two connections of one process exclude each other
 * too. Not to be taken inside a transaction. */
#define DB_JOB_MAX 16
int db_job_trylock(struct db *db, int job);
void db_job_unlock(struct db *db, int job);

/* For tests: the PostgreSQL text of sql (placeholders ?NNN and ? turned
 * into $NNN outside quotes and comments) into out (cap bytes). Returns
 * the highest parameter number, or -1 when it does not fit. */
int db_pg_rewrite(const char *sql, char *out, size_t cap);

#endif
