/*
 * db_int.h — what db.c shares with its two engines (db_sqlite.c,
 * db_pg.c). Nothing else includes it.
 *
 * db.c owns the connection-independent part: the statement cache keyed by
 * the SQL text's address, the list of statements handed out since the
 * last db_idle(), and the dispatch through struct db_ops. An engine owns
 * its handle (db->impl) and each statement's prepared form (s->impl).
 */
#ifndef MOAT_DB_INT_H
#define MOAT_DB_INT_H

#include "db.h"

#define DB_STMT_SLOTS 512

struct db_stmt {
	/* first: the sqlite3_stmt on SQLite (the same as impl), NULL on
	 * PostgreSQL; db.h's inline accessors read it */
	void *sq;
	struct db *db;
	const char *key; /* the SQL text's address */
	int active;      /* listed in db->active */
	void *impl;      /* sqlite3_stmt *, or the PostgreSQL statement */
};

struct db_ops {
	int engine;
	void (*close)(struct db *db);
	/* prepares sql into s->impl; MOAT_EDB (logged) when it does not */
	int (*prepare)(struct db *db, const char *sql, struct db_stmt *s);
	void (*finalize)(struct db_stmt *s);
	void (*reset)(struct db_stmt *s, int clear); /* clear: bindings too */
	void (*bind_int64)(struct db_stmt *s, int i, int64_t v);
	void (*bind_double)(struct db_stmt *s, int i, double v);
	void (*bind_text)(struct db_stmt *s, int i, const char *v);
	void (*bind_text_ref)(struct db_stmt *s, int i, const char *v);
	void (*bind_blob)(struct db_stmt *s, int i, const void *p, size_t n);
	void (*bind_null)(struct db_stmt *s, int i);
	void (*stream)(struct db_stmt *s);      /* NULL: rows come one at a time anyway */
	void (*custom_plan)(struct db_stmt *s); /* NULL: no plan is kept for all values */
	int (*step)(struct db_stmt *s);
	int64_t (*changes)(struct db_stmt *s);
	int (*is_null)(struct db_stmt *s, int i);
	int64_t (*col_int64)(struct db_stmt *s, int i);
	double (*col_double)(struct db_stmt *s, int i);
	const char *(*col_text)(struct db_stmt *s, int i);
	size_t (*col_bytes)(struct db_stmt *s, int i);
	const void *(*col_blob)(struct db_stmt *s, int i, size_t *n);
	int (*exec)(struct db *db, const char *script, char *msg, size_t msglen);
	int (*begin)(struct db *db);
	int (*begin_read)(struct db *db);
	int (*begin_rows)(struct db *db);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	int (*in_txn)(struct db *db);
	const char *(*errmsg)(struct db *db);
};

struct db {
	const struct db_ops *ops;
	void *impl; /* sqlite3 *, or the PostgreSQL connection */
	struct db_stmt slots[DB_STMT_SLOTS];
	struct db_stmt *active[DB_STMT_SLOTS];
	int nactive;
};

/* The engines' openers: fill db->ops and db->impl, or MOAT_EDB with the
 * reason in msg. */
int db_sqlite_open(struct db *db, const char *path, char *msg, size_t msglen);
int db_pg_open(struct db *db, const char *url, char *msg, size_t msglen);

#endif
