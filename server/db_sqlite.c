/*
 * db_sqlite.c — db.h over SQLite: each call is the sqlite3 call it names,
 * so the SQLite path costs what it did before the API existed (a
 * statement is the sqlite3_stmt; transaction control is cached prepared
 * statements). The store applies its pragmas and hooks to the handle
 * (db_sqlite()). Thread: the connection's owner only.
 */
#include "db_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "log.h"

#define DB_SQLITE_BUSY_MS 5000

#define H(db) ((sqlite3 *)(db)->impl)
#define S(s)  ((sqlite3_stmt *)(s)->impl)

int db_sqlite_err(struct sqlite3 *h, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return MOAT_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return MOAT_EBUSY;
	case SQLITE_CONSTRAINT:
		return MOAT_ECONFLICT;
	default:
		LOG(LOG_ERROR, "msg=\"database error\" code=%d error=\"%s\"", rc,
		    sqlite3_errmsg(h));
		return MOAT_EDB;
	}
}

static int dbs_err(struct db *db, int rc)
{
	return db_sqlite_err(H(db), rc);
}

static void dbs_close(struct db *db)
{
	sqlite3_close(H(db));
}

static int dbs_prepare(struct db *db, const char *sql, struct db_stmt *s)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(H(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		LOG(LOG_ERROR, "msg=\"prepare failed\" error=\"%s\"", sqlite3_errmsg(H(db)));
		return MOAT_EDB;
	}
	s->impl = st;
	s->sq = st; /* db.h's inline accessors call SQLite with it */
	return MOAT_OK;
}

static void dbs_finalize(struct db_stmt *s)
{
	sqlite3_finalize(S(s));
}

static void dbs_reset(struct db_stmt *s, int clear)
{
	sqlite3_reset(S(s));
	if (clear)
		sqlite3_clear_bindings(S(s));
}

static void dbs_bind_int64(struct db_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(S(s), i, v);
}

static void dbs_bind_double(struct db_stmt *s, int i, double v)
{
	sqlite3_bind_double(S(s), i, v);
}

static void dbs_bind_text(struct db_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(S(s), i, v, -1, SQLITE_TRANSIENT);
}

static void dbs_bind_text_ref(struct db_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(S(s), i, v, -1, SQLITE_STATIC);
}

static void dbs_bind_blob(struct db_stmt *s, int i, const void *p, size_t n)
{
	sqlite3_bind_blob64(S(s), i, p, n, SQLITE_TRANSIENT);
}

static void dbs_bind_null(struct db_stmt *s, int i)
{
	sqlite3_bind_null(S(s), i);
}

static int dbs_step(struct db_stmt *s)
{
	int rc = sqlite3_step(S(s));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return dbs_err(s->db, rc);
}

static int64_t dbs_changes(struct db_stmt *s)
{
	return sqlite3_changes64(H(s->db));
}

static int dbs_is_null(struct db_stmt *s, int i)
{
	return sqlite3_column_type(S(s), i) == SQLITE_NULL;
}

static int64_t dbs_col_int64(struct db_stmt *s, int i)
{
	return sqlite3_column_int64(S(s), i);
}

static double dbs_col_double(struct db_stmt *s, int i)
{
	return sqlite3_column_double(S(s), i);
}

static const char *dbs_col_text(struct db_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(S(s), i);
}

static size_t dbs_col_bytes(struct db_stmt *s, int i)
{
	return (size_t)sqlite3_column_bytes(S(s), i);
}

static const void *dbs_col_blob(struct db_stmt *s, int i, size_t *n)
{
	const void *p = sqlite3_column_blob(S(s), i);

	*n = (size_t)sqlite3_column_bytes(S(s), i);
	return p;
}

static int dbs_exec(struct db *db, const char *script, char *msg, size_t msglen)
{
	char *err = NULL;
	int rc = sqlite3_exec(H(db), script, NULL, NULL, &err);

	if (rc != SQLITE_OK) {
		snprintf(msg, msglen, "%s", err ? err : sqlite3_errstr(rc));
		sqlite3_free(err);
		if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
			return MOAT_EBUSY;
		return (rc & 0xff) == SQLITE_CONSTRAINT ? MOAT_ECONFLICT : MOAT_EDB;
	}
	return MOAT_OK;
}

/* Steps the cached transaction-control statement sql once. */
static int dbs_control(struct db *db, const char *sql)
{
	struct db_stmt *s = db_prepare(db, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = sqlite3_step(S(s));
	sqlite3_reset(S(s));
	return dbs_err(db, rc);
}

static const char dbs_sql_begin[] = "BEGIN IMMEDIATE";
static const char dbs_sql_begin_read[] = "BEGIN"; /* deferred: one snapshot */
static const char dbs_sql_commit[] = "COMMIT";
static const char dbs_sql_rollback[] = "ROLLBACK";

static int dbs_begin(struct db *db)
{
	return dbs_control(db, dbs_sql_begin);
}

static int dbs_begin_read(struct db *db)
{
	return dbs_control(db, dbs_sql_begin_read);
}

static int dbs_commit(struct db *db)
{
	return dbs_control(db, dbs_sql_commit);
}

static void dbs_rollback(struct db *db)
{
	dbs_control(db, dbs_sql_rollback);
}

static int dbs_in_txn(struct db *db)
{
	return !sqlite3_get_autocommit(H(db));
}

static const char *dbs_errmsg(struct db *db)
{
	return sqlite3_errmsg(H(db));
}

static const struct db_ops dbs_ops = {
    .engine = DB_SQLITE,
    .close = dbs_close,
    .prepare = dbs_prepare,
    .finalize = dbs_finalize,
    .reset = dbs_reset,
    .bind_int64 = dbs_bind_int64,
    .bind_double = dbs_bind_double,
    .bind_text = dbs_bind_text,
    .bind_text_ref = dbs_bind_text_ref,
    .bind_blob = dbs_bind_blob,
    .bind_null = dbs_bind_null,
    .step = dbs_step,
    .changes = dbs_changes,
    .is_null = dbs_is_null,
    .col_int64 = dbs_col_int64,
    .col_double = dbs_col_double,
    .col_text = dbs_col_text,
    .col_bytes = dbs_col_bytes,
    .col_blob = dbs_col_blob,
    .exec = dbs_exec,
    .begin = dbs_begin,
    .begin_read = dbs_begin_read,
    .begin_rows = dbs_begin,
    .commit = dbs_commit,
    .rollback = dbs_rollback,
    .in_txn = dbs_in_txn,
    .errmsg = dbs_errmsg,
};

int db_sqlite_open(struct db *db, const char *path, char *msg, size_t msglen)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(
	    path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		snprintf(msg, msglen, "%s", h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		sqlite3_close(h);
		return MOAT_EDB;
	}
	sqlite3_busy_timeout(h, DB_SQLITE_BUSY_MS);
	sqlite3_extended_result_codes(h, 1);
	db->ops = &dbs_ops;
	db->impl = h;
	return MOAT_OK;
}
