/*
 * store.c — connections (SQLite, or PostgreSQL through db.h), the SQLite
 * statement cache, transactions, migrations and online backup.
 *
 * A struct store belongs to one thread. Server threads reach theirs through
 * store_thread(): a thread-local pointer opened on first use and recorded
 * in a registry (guarded by a mutex) so store_threads_close() can close
 * every connection after the threads have stopped.
 */
#include "store_int.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "schema.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

#define STORE_BUSY_MS 5000

static void store_exec_pragma(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		LOG(LOG_WARN, "msg=\"pragma failed\" sql=\"%s\" error=\"%s\"", sql,
		    msg ? msg : "?");
		sqlite3_free(msg);
	}
}

/* Process-wide SQLite settings, before the first connection: no global
 * memory-statistics mutex (every connection is single-threaded anyway). */
static pthread_once_t store_once = PTHREAD_ONCE_INIT;
static int store_sync_full; /* set once at start, before any thread */

void store_set_sync_full(int on)
{
	store_sync_full = on;
}

static void store_global_init(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_initialize();
}

int store_target_is_postgres(const char *target)
{
	return db_engine_of(target) == DB_POSTGRES;
}

int store_open(const char *path, struct store **out)
{
	struct store *st;
	struct db *conn = NULL;
	sqlite3 *db;
	char msg[300];

	pthread_once(&store_once, store_global_init);
	if (db_open(path, &conn, msg, sizeof msg) != MOAT_OK) {
		/* a URL may carry a password: name the engine, not the target */
		if (db_engine_of(path) == DB_POSTGRES)
			LOG(LOG_ERROR, "msg=\"cannot connect to PostgreSQL\" error=\"%s\"", msg);
		else
			LOG(LOG_ERROR, "msg=\"cannot open database\" path=\"%s\" error=\"%s\"",
			    path, msg);
		return MOAT_EDB;
	}
	st = xcalloc(1, sizeof *st);
	st->conn = conn;
	st->engine = db_engine(conn);
	*out = st;
	db = db_sqlite(conn);
	if (!db)
		return MOAT_OK;
	st->db = db;
	store_exec_pragma(db, "PRAGMA journal_mode=WAL");
	store_exec_pragma(db, store_sync_full ? "PRAGMA synchronous=FULL"
	                                      : "PRAGMA synchronous=NORMAL");
	store_exec_pragma(db, "PRAGMA foreign_keys=ON");
	store_exec_pragma(db, "PRAGMA temp_store=MEMORY");
	/* the log is cut back to this size whenever it starts over */
	store_exec_pragma(db, "PRAGMA journal_size_limit=67108864");
	sqlite3_wal_hook(db, store_wal_hook, NULL);
	return MOAT_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < STORE_STMT_SLOTS; i++)
		sqlite3_finalize(st->slots[i].stmt);
	db_close(st->conn); /* closes st->db */
	free(st);
}

/* Resets every statement handed out since the last call. */
static void store_reset_active(struct store *st)
{
	for (int i = 0; i < st->nactive; i++) {
		sqlite3_reset(st->active[i]->stmt);
		st->active[i]->active = 0;
	}
	st->nactive = 0;
	db_idle(st->conn);
}

void store_idle(struct store *st)
{
	store_reset_active(st);
	if (st->read_txn && !st->in_txn) {
		st->read_txn = 0;
		db_commit(st->conn);
	}
	if (!st->in_txn && (st->touch_token_id || st->touch_session_id)) {
		static const char tok[] = "UPDATE tokens SET last_used_at = ? WHERE id = ?";
		static const char ses[] = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
		int64_t ids[2] = {st->touch_token_id, st->touch_session_id};
		const char *sqls[2] = {tok, ses};
		st->touch_token_id = st->touch_session_id = 0;
		for (int i = 0; i < 2; i++) {
			struct db_stmt *s;
			if (!ids[i])
				continue;
			s = db_prepare(st->conn, sqls[i]);
			if (!s)
				continue;
			db_bind_int64(s, 1, st->touch_now);
			db_bind_int64(s, 2, ids[i]);
			db_step(s); /* best effort: a busy database only delays it */
			db_reset(s);
		}
	}
	store_reset_active(st); /* the COMMIT and the updates above */
}

int store_read_begin(struct store *st)
{
	int rc;

	if (st->in_txn || st->read_txn || db_in_txn(st->conn))
		return MOAT_OK;
	rc = db_begin_read(st->conn); /* one snapshot for the whole request */
	if (rc)
		return rc;
	st->read_txn = 1;
	return MOAT_OK;
}

/* Lists slot's statement for the next store_idle() and returns it. A slot
 * is listed once, so at most STORE_STMT_SLOTS are: the list cannot fill
 * and a request's read snapshot is never ended behind its back. */
static sqlite3_stmt *store_mark_active(struct store *st, struct store_stmt_slot *slot)
{
	if (!slot->active) {
		assert(st->nactive < STORE_STMT_SLOTS);
		slot->active = 1;
		st->active[st->nactive++] = slot;
	}
	return slot->stmt;
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	size_t h = ((uintptr_t)sql >> 3) % STORE_STMT_SLOTS;

	if (!st->db) {
		/* store code that still speaks SQLite only (issue 13, phase 2) */
		LOG(LOG_ERROR, "msg=\"not built on PostgreSQL yet (issue 13)\" sql=\"%.60s\"", sql);
		return NULL;
	}
	for (int probe = 0; probe < STORE_STMT_SLOTS; probe++) {
		struct store_stmt_slot *slot = &st->slots[(h + (size_t)probe) % STORE_STMT_SLOTS];
		if (slot->sql == sql) {
			sqlite3_reset(slot->stmt);
			sqlite3_clear_bindings(slot->stmt);
			return store_mark_active(st, slot);
		}
		if (!slot->sql) {
			if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			                       &slot->stmt, NULL) != SQLITE_OK) {
				LOG(LOG_ERROR, "msg=\"prepare failed\" error=\"%s\"",
				    sqlite3_errmsg(st->db));
				return NULL;
			}
			slot->sql = sql;
			return store_mark_active(st, slot);
		}
	}
	LOG(LOG_ERROR, "msg=\"statement cache full\"");
	return NULL;
}

int store_err(struct store *st, int rc)
{
	return db_sqlite_err(st->db, rc);
}

int store_begin(struct store *st)
{
	int rc;

	store_idle(st);
	rc = db_begin(st->conn);
	if (rc)
		return rc;
	st->in_txn = 1;
	st->write_locked = 1;
	return MOAT_OK;
}

int store_begin_rows(struct store *st)
{
	int rc;

	store_idle(st);
	rc = db_begin_rows(st->conn);
	if (rc)
		return rc;
	st->in_txn = 1;
	return MOAT_OK;
}

int store_job_try(struct store *st, int job)
{
	assert(!st->in_txn);
	store_idle(st); /* ends the request's read transaction, if any */
	return db_job_trylock(st->conn, job);
}

void store_job_done(struct store *st, int job)
{
	store_idle(st);
	db_job_unlock(st->conn, job);
	store_idle(st);
}

int store_begin_stmt(struct store *st, const char *sql, sqlite3_stmt **s)
{
	int rc = store_begin(st);

	if (rc)
		return rc;
	*s = store_stmt(st, sql);
	if (!*s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	return MOAT_OK;
}

int store_begin_q(struct store *st, const char *sql, struct db_stmt **s)
{
	int rc = store_begin(st);

	if (rc)
		return rc;
	*s = db_prepare(st->conn, sql);
	if (!*s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	return MOAT_OK;
}

int store_step_insert(struct store *st, struct db_stmt *s, int64_t *id)
{
	int rc = db_step(s);

	if (rc == DB_ROW) { /* PostgreSQL: RETURNING id */
		*id = db_column_int64(s, 0);
		db_reset(s);
		return MOAT_OK;
	}
	if (rc != DB_DONE)
		return rc;
	if (!st->db) /* PostgreSQL without RETURNING: a bug in the statement */
		return MOAT_EDB;
	*id = sqlite3_last_insert_rowid(st->db);
	return MOAT_OK;
}

void store_text(struct db_stmt *s, int i, char *out, size_t cap)
{
	const char *t = db_column_text(s, i);
	size_t n;

	if (!t) {
		out[0] = '\0';
		return;
	}
	n = utf8_cut(t, db_column_bytes(s, i), cap - 1);
	memcpy(out, t, n);
	out[n] = '\0';
}

int store_commit(struct store *st)
{
	int rc;

	store_idle(st);
	rc = db_commit(st->conn); /* rolls back when it fails */
	st->in_txn = 0;
	if (rc)
		return rc;
	return MOAT_OK;
}

void store_rollback(struct store *st)
{
	store_idle(st);
	db_rollback(st->conn);
	st->in_txn = 0;
}

int store_tx_begin(struct store *st)
{
	return store_begin(st);
}
int store_tx_begin_events(struct store *st)
{
	int rc;

	store_idle(st);
	rc = db_begin_rows(st->conn); /* SQLite: BEGIN IMMEDIATE, the lock */
	if (rc)
		return rc;
	st->in_txn = 1;
	st->write_locked = st->engine != DB_POSTGRES;
	return MOAT_OK;
}

int store_tx_lock(struct store *st)
{
	static const char sql[] = "SELECT pg_advisory_xact_lock(?1)";
	struct db_stmt *s;
	int rc;

	if (st->engine != DB_POSTGRES || st->write_locked)
		return MOAT_OK;
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, DB_PG_WRITE_LOCK);
	rc = db_step(s);
	db_reset(s);
	if (rc < 0)
		return rc;
	st->write_locked = 1;
	return MOAT_OK;
}

int store_tx_commit(struct store *st)
{
	return store_commit(st);
}
void store_tx_rollback(struct store *st)
{
	store_rollback(st);
}

/* The busy handler of a connection with a hook: sleeps as
 * sqlite3_busy_timeout does (1, 2, 5 ... 100 ms, up to STORE_BUSY_MS in
 * all), calling the hook after each sleep, so its owner can do what is due
 * meanwhile. */
static int store_busy_handler(void *arg, int count)
{
	static const int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
	const int n = (int)(sizeof delays / sizeof delays[0]);
	struct store *st = arg;
	int waited = 0, delay;

	for (int i = 0; i < count && i < n; i++)
		waited += delays[i];
	if (count >= n)
		waited += (count - n) * delays[n - 1];
	delay = count < n ? delays[count] : delays[n - 1];
	if (waited >= STORE_BUSY_MS)
		return 0;
	if (waited + delay > STORE_BUSY_MS)
		delay = STORE_BUSY_MS - waited;
	usleep((unsigned)delay * 1000u);
	st->busy_hook(st->busy_arg);
	return 1;
}

void store_set_busy_hook(struct store *st, void (*hook)(void *arg), void *arg)
{
	st->busy_hook = hook;
	st->busy_arg = arg;
	if (!st->db) /* PostgreSQL waits on the server (lock_timeout) */
		return;
	if (hook)
		sqlite3_busy_handler(st->db, store_busy_handler, st);
	else
		sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
}

int store_tx_savepoint(struct store *st)
{
	store_idle(st);
	return db_exec(st->conn, "SAVEPOINT job", NULL, 0);
}

int store_tx_release(struct store *st)
{
	store_idle(st);
	return db_exec(st->conn, "RELEASE job", NULL, 0);
}

void store_tx_rollback_to(struct store *st)
{
	store_idle(st);
	db_exec(st->conn, "ROLLBACK TO job", NULL, 0);
	db_exec(st->conn, "RELEASE job", NULL, 0);
}

void *store_grow(void *arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 8;
	return xrealloc(arr, *cap * size);
}

void store_col_text(sqlite3_stmt *s, int i, char *out, size_t cap)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n;

	if (!t) {
		out[0] = '\0';
		return;
	}
	n = utf8_cut((const char *)t, (size_t)sqlite3_column_bytes(s, i), cap - 1);
	memcpy(out, t, n);
	out[n] = '\0';
}

void store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* ---- migrations ---- */

/* The migrations of st's engine: schema/NNN_name.sql for SQLite,
 * schema/postgres/NNN_name.sql for PostgreSQL; scripts/embed_schema.sh
 * refuses to build unless both have the same numbers and names. */
static const struct schema_migration *store_migrations(const struct store *st, int *n)
{
	if (st->engine == DB_POSTGRES) {
		*n = schema_pg_migration_count;
		return schema_pg_migrations;
	}
	*n = schema_migration_count;
	return schema_migrations;
}

int store_schema_latest(void)
{
	int v = 0;

	for (int i = 0; i < schema_migration_count; i++)
		if (schema_migrations[i].version > v)
			v = schema_migrations[i].version;
	return v;
}

static const struct db_sql store_sql_migrations_table = {
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT COLLATE \"C\" NOT NULL,"
    " applied_at BIGINT NOT NULL)"};

static const struct db_sql store_sql_has_migrations = {
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
    "SELECT count(*) FROM pg_catalog.pg_tables"
    " WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"};

/* Creates schema_migrations when missing, under the write lock (several
 * moatd may start at once on one PostgreSQL database). */
static int store_ensure_migrations_table(struct store *st, char *msg, size_t msglen)
{
	struct db_stmt *s = db_prepare2(st->conn, &store_sql_has_migrations);
	int present, rc;

	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	present = rc == DB_ROW && db_column_int64(s, 0) > 0;
	db_reset(s);
	if (rc < 0)
		return rc;
	if (present)
		return MOAT_OK;
	rc = store_begin(st);
	if (rc) {
		snprintf(msg, msglen, "cannot lock the database: %s", err_str(rc));
		return rc;
	}
	rc = db_exec(st->conn, db_text(st->conn, &store_sql_migrations_table), msg, msglen);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int store_schema_version(struct store *st, int *out)
{
	static const char sql[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
	struct db_stmt *s;
	int rc;

	*out = 0;
	s = db_prepare2(st->conn, &store_sql_has_migrations);
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	rc = db_column_int64(s, 0) > 0;
	db_reset(s);
	if (!rc)
		return MOAT_OK; /* no table yet: nothing applied */
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*out = (int)db_column_int64(s, 0);
	db_reset(s);
	return MOAT_OK;
}

/* Applies m inside the write transaction the caller opened, and records
 * it. */
static int store_apply(struct store *st, const struct schema_migration *m, char *msg, size_t msglen)
{
	static const char rec[] =
	    "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)";
	char err[400];
	struct db_stmt *s;
	int rc = db_exec(st->conn, m->sql, err, sizeof err);

	if (rc) {
		snprintf(msg, msglen, "migration %s failed: %s", m->name, err);
		return rc;
	}
	s = db_prepare(st->conn, rec);
	rc = s ? MOAT_OK : MOAT_EDB;
	if (s) {
		db_bind_int64(s, 1, m->version);
		db_bind_text(s, 2, m->name);
		db_bind_int64(s, 3, timefmt_now());
		rc = db_step(s);
		db_reset(s);
	}
	if (rc)
		snprintf(msg, msglen, "cannot record migration %s", m->name);
	return rc;
}

/* The refusal of a database newer than this binary. */
static int store_too_new(int current, int latest, char *msg, size_t msglen)
{
	snprintf(msg, msglen,
	         "database schema version %d is newer than this moatd (knows up to %d); "
	         "upgrade moatd or restore a matching backup",
	         current, latest);
	return MOAT_ESCHEMA;
}

int store_migrate(struct store *st, char *msg, size_t msglen)
{
	int current = 0, latest = store_schema_latest(), n, rc;
	const struct schema_migration *list = store_migrations(st, &n);

	msg[0] = '\0';
	rc = store_ensure_migrations_table(st, msg, msglen);
	if (!rc)
		rc = store_schema_version(st, &current);
	if (rc)
		return rc;
	if (current > latest)
		return store_too_new(current, latest, msg, msglen);
	for (int i = 0; i < n; i++) {
		const struct schema_migration *m = &list[i];

		if (m->version <= current)
			continue;
		rc = store_begin(st);
		if (rc) {
			snprintf(msg, msglen, "cannot lock the database for migration %s", m->name);
			return rc;
		}
		/* again under the write lock: another moatd may have migrated */
		rc = store_schema_version(st, &current);
		if (!rc && current > latest)
			rc = store_too_new(current, latest, msg, msglen);
		if (!rc && m->version > current)
			rc = store_apply(st, m, msg, msglen);
		if (rc) {
			store_rollback(st);
			return rc;
		}
		rc = store_commit(st);
		if (rc) {
			snprintf(msg, msglen, "cannot commit migration %s", m->name);
			return rc;
		}
		if (m->version > current)
			LOG(LOG_INFO, "msg=\"migration applied\" version=%d name=%s", m->version,
			    m->name);
	}
	return MOAT_OK;
}

int store_backup(struct store *st, const char *dest, char *msg, size_t msglen)
{
	sqlite3 *out = NULL;
	sqlite3_backup *b;
	int rc;

	msg[0] = '\0';
	if (!st->db) {
		snprintf(msg, msglen,
		         "moatd backup copies SQLite databases; back PostgreSQL up"
		         " with pg_dump (docs/ARCHITECTURE.md, \"Two engines\")");
		return MOAT_EINVALID;
	}
	rc = sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		snprintf(msg, msglen, "cannot open %s: %s", dest, sqlite3_errstr(rc));
		sqlite3_close(out);
		return MOAT_EIO;
	}
	b = sqlite3_backup_init(out, "main", st->db, "main");
	if (!b) {
		snprintf(msg, msglen, "cannot start backup: %s", sqlite3_errmsg(out));
		sqlite3_close(out);
		return MOAT_EDB;
	}
	/* copy in steps so a serving moatd's writers are never held up long */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(msg, msglen, "backup failed: %s", sqlite3_errstr(rc));
		sqlite3_close(out);
		return MOAT_EDB;
	}
	rc = sqlite3_close(out);
	return rc == SQLITE_OK ? MOAT_OK : MOAT_EIO;
}

/* ---- per-thread connections ---- */

#define STORE_MAX_THREADS 256

static char *store_path;
static pthread_mutex_t store_reg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store *store_reg[STORE_MAX_THREADS];
static int store_reg_n;
static _Thread_local struct store *store_tls;

void store_thread_setup(const char *path)
{
	free(store_path);
	store_path = xstrdup(path);
}

struct store *store_thread(void)
{
	struct store *st = NULL;

	if (store_tls)
		return store_tls;
	if (!store_path || store_open(store_path, &st) != MOAT_OK)
		return NULL;
	pthread_mutex_lock(&store_reg_lock);
	if (store_reg_n == STORE_MAX_THREADS) {
		pthread_mutex_unlock(&store_reg_lock);
		store_close(st);
		LOG(LOG_ERROR, "msg=\"too many database connections\"");
		return NULL;
	}
	store_reg[store_reg_n++] = st;
	pthread_mutex_unlock(&store_reg_lock);
	store_tls = st;
	return st;
}

void store_threads_close(void)
{
	pthread_mutex_lock(&store_reg_lock);
	for (int i = 0; i < store_reg_n; i++)
		store_close(store_reg[i]);
	store_reg_n = 0;
	pthread_mutex_unlock(&store_reg_lock);
	store_tls = NULL;
	free(store_path);
	store_path = NULL;
}

/* ---- query plans, for tests and benchmarks ---- */

void store_explain(struct store *st, const char *sql, char *out, size_t cap, size_t *o)
{
	char *text;
	sqlite3_stmt *s = NULL;

	if (!st->db)
		return;
	text = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(st->db, text, -1, &s, NULL) == SQLITE_OK)
		while (sqlite3_step(s) == SQLITE_ROW && *o < cap) {
			int w = snprintf(out + *o, cap - *o, "%s%s", *o ? "|" : "",
			                 (const char *)sqlite3_column_text(s, 3));
			if (w > 0)
				*o += (size_t)w;
		}
	sqlite3_finalize(s);
	sqlite3_free(text);
}
