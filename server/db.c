/*
 * db.c — the engine-independent half of db.h: opening by target, the
 * per-connection statement cache, the list of statements to reset, and
 * the calls passed on to the engine (db_sqlite.c, db_pg.c).
 * Thread: the connection's owner only.
 */
#include "db_int.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "log.h"
#include "xalloc.h"

int db_engine_of(const char *target)
{
	if (!strncmp(target, "postgres://", 11) || !strncmp(target, "postgresql://", 13))
		return DB_POSTGRES;
	return DB_SQLITE;
}

int db_open(const char *target, struct db **out, char *msg, size_t msglen)
{
	struct db *db = xcalloc(1, sizeof *db);
	int rc;

	msg[0] = '\0';
	if (db_engine_of(target) == DB_POSTGRES)
		rc = db_pg_open(db, target, msg, msglen);
	else
		rc = db_sqlite_open(db, target, msg, msglen);
	if (rc) {
		free(db);
		return rc;
	}
	*out = db;
	return MOAT_OK;
}

/* SQLite's job locks: the connection holding each job's, in this process
 * (db_job_trylock). A leaf lock: nothing else is taken under it. */
static pthread_mutex_t db_jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct db *db_jobs[DB_JOB_MAX + 1];

void db_close(struct db *db)
{
	if (!db)
		return;
	if (db->ops->engine == DB_SQLITE) {
		pthread_mutex_lock(&db_jobs_lock);
		for (int i = 0; i <= DB_JOB_MAX; i++)
			if (db_jobs[i] == db)
				db_jobs[i] = NULL;
		pthread_mutex_unlock(&db_jobs_lock);
	}
	for (int i = 0; i < DB_STMT_SLOTS; i++)
		if (db->slots[i].key)
			db->ops->finalize(&db->slots[i]);
	db->ops->close(db);
	free(db);
}

int db_engine(const struct db *db)
{
	return db->ops->engine;
}

struct sqlite3 *db_sqlite(struct db *db)
{
	return db->ops->engine == DB_SQLITE ? db->impl : NULL;
}

/* Lists s for the next db_idle() and returns it. A slot is listed once,
 * so at most DB_STMT_SLOTS are: the list cannot fill. */
static struct db_stmt *db_mark_active(struct db *db, struct db_stmt *s)
{
	if (!s->active) {
		assert(db->nactive < DB_STMT_SLOTS);
		s->active = 1;
		db->active[db->nactive++] = s;
	}
	return s;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
	size_t h = ((uintptr_t)sql >> 3) % DB_STMT_SLOTS;

	for (int probe = 0; probe < DB_STMT_SLOTS; probe++) {
		struct db_stmt *s = &db->slots[(h + (size_t)probe) % DB_STMT_SLOTS];
		if (s->key == sql) {
			db->ops->reset(s, 1);
			return db_mark_active(db, s);
		}
		if (!s->key) {
			s->db = db;
			if (db->ops->prepare(db, sql, s) != MOAT_OK)
				return NULL;
			s->key = sql;
			return db_mark_active(db, s);
		}
	}
	LOG(LOG_ERROR, "msg=\"statement cache full\"");
	return NULL;
}

const char *db_text(const struct db *db, const struct db_sql *q)
{
	return db->ops->engine == DB_POSTGRES ? q->postgres : q->sqlite;
}

struct db_stmt *db_prepare2(struct db *db, const struct db_sql *q)
{
	return db_prepare(db, db_text(db, q));
}

void db_bind_int64(struct db_stmt *s, int i, int64_t v)
{
	s->db->ops->bind_int64(s, i, v);
}

void db_bind_double(struct db_stmt *s, int i, double v)
{
	s->db->ops->bind_double(s, i, v);
}

void db_bind_text(struct db_stmt *s, int i, const char *v)
{
	if (v)
		s->db->ops->bind_text(s, i, v);
	else
		s->db->ops->bind_null(s, i);
}

void db_bind_blob(struct db_stmt *s, int i, const void *p, size_t n)
{
	s->db->ops->bind_blob(s, i, p, n);
}

void db_bind_text_ref(struct db_stmt *s, int i, const char *v)
{
	if (v)
		s->db->ops->bind_text_ref(s, i, v);
	else
		s->db->ops->bind_null(s, i);
}

void db_bind_null(struct db_stmt *s, int i)
{
	s->db->ops->bind_null(s, i);
}

void db_stream(struct db_stmt *s)
{
	if (s->db->ops->stream)
		s->db->ops->stream(s);
}

void db_custom_plan(struct db_stmt *s)
{
	if (s->db->ops->custom_plan)
		s->db->ops->custom_plan(s);
}

int db_step_engine(struct db_stmt *s, int sqlite_rc)
{
	if (s->sq) /* a SQLite step that failed: its code as a moat_err */
		return db_sqlite_err(db_sqlite(s->db), sqlite_rc);
	return s->db->ops->step(s);
}

int64_t db_changes(struct db_stmt *s)
{
	return s->db->ops->changes(s);
}

int db_column_is_null_engine(struct db_stmt *s, int i)
{
	return s->db->ops->is_null(s, i);
}

int64_t db_column_int64_engine(struct db_stmt *s, int i)
{
	return s->db->ops->col_int64(s, i);
}

double db_column_double_engine(struct db_stmt *s, int i)
{
	return s->db->ops->col_double(s, i);
}

const char *db_column_text_engine(struct db_stmt *s, int i)
{
	return s->db->ops->col_text(s, i);
}

size_t db_column_bytes_engine(struct db_stmt *s, int i)
{
	return s->db->ops->col_bytes(s, i);
}

const void *db_column_blob(struct db_stmt *s, int i, size_t *n)
{
	return s->db->ops->col_blob(s, i, n);
}

void db_reset(struct db_stmt *s)
{
	s->db->ops->reset(s, 0);
}

void db_idle(struct db *db)
{
	for (int i = 0; i < db->nactive; i++) {
		db->ops->reset(db->active[i], 0);
		db->active[i]->active = 0;
	}
	db->nactive = 0;
}

int db_exec(struct db *db, const char *script, char *msg, size_t msglen)
{
	char dummy[1];

	if (!msg) {
		msg = dummy;
		msglen = sizeof dummy;
	}
	msg[0] = '\0';
	return db->ops->exec(db, script, msg, msglen);
}

int db_begin(struct db *db)
{
	return db->ops->begin(db);
}

int db_begin_read(struct db *db)
{
	return db->ops->begin_read(db);
}

int db_begin_rows(struct db *db)
{
	return db->ops->begin_rows(db);
}

int db_job_trylock(struct db *db, int job)
{
	static const char sql[] = "SELECT pg_try_advisory_lock(?1, ?2)";
	struct db_stmt *s;
	int rc, got = 0;

	assert(job >= 1 && job <= DB_JOB_MAX);
	if (db->ops->engine == DB_SQLITE) {
		pthread_mutex_lock(&db_jobs_lock);
		if (!db_jobs[job] || db_jobs[job] == db) {
			db_jobs[job] = db;
			got = 1;
		}
		pthread_mutex_unlock(&db_jobs_lock);
		return got;
	}
	s = db_prepare(db, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, DB_PG_WRITE_LOCK);
	db_bind_int64(s, 2, job);
	rc = db_step(s);
	if (rc == DB_ROW)
		got = db_column_int64(s, 0) ? 1 : 0;
	db_reset(s);
	return rc == DB_ROW ? got : rc < 0 ? rc : MOAT_EDB;
}

void db_job_unlock(struct db *db, int job)
{
	static const char sql[] = "SELECT pg_advisory_unlock(?1, ?2)";
	struct db_stmt *s;

	assert(job >= 1 && job <= DB_JOB_MAX);
	if (db->ops->engine == DB_SQLITE) {
		pthread_mutex_lock(&db_jobs_lock);
		if (db_jobs[job] == db)
			db_jobs[job] = NULL;
		pthread_mutex_unlock(&db_jobs_lock);
		return;
	}
	s = db_prepare(db, sql);
	if (!s)
		return;
	db_bind_int64(s, 1, DB_PG_WRITE_LOCK);
	db_bind_int64(s, 2, job);
	db_step(s); /* false (logged by the server) when the session was reset */
	db_reset(s);
}

int db_commit(struct db *db)
{
	int rc = db->ops->commit(db);

	if (rc)
		db_rollback(db);
	return rc;
}

void db_rollback(struct db *db)
{
	if (db->ops->in_txn(db))
		db->ops->rollback(db);
}

int db_in_txn(struct db *db)
{
	return db->ops->in_txn(db);
}

const char *db_errmsg(struct db *db)
{
	return db->ops->errmsg(db);
}
