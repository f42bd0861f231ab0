/*
 * unit_db.h — temporary databases for the unit tests that need a real
 * one: SQLite files (test_store, test_event_query, test_event_rollup),
 * and PostgreSQL databases on the server of MOAT_TEST_PG (test_db,
 * test_store), which scripts/pgtest.sh starts and `make check` runs the
 * tests under; struct unit_target, for the store tests that run on both.
 */
#ifndef MOAT_UNIT_DB_H
#define MOAT_UNIT_DB_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A new empty file under /tmp for a database; its name into path. */
static inline void unit_db_path(char *path, size_t cap)
{
	int fd;

	snprintf(path, cap, "/tmp/moat-unit-XXXXXX"); /* the template mkstemp fills in */
	fd = mkstemp(path);
	if (fd < 0) {
		perror("mkstemp");
		abort();
	}
	close(fd);
}

/* Removes the database at path with its -wal and -shm files. */
static inline void unit_db_remove(const char *path)
{
	char p[160];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* The admin URL of the test server (MOAT_TEST_PG, ending in /postgres).
 * A test that needs PostgreSQL fails, not skips, without it. */
static inline const char *unit_pg_server(void)
{
	const char *url = getenv("MOAT_TEST_PG");

	if (!url || !*url) {
		fprintf(stderr, "unit: MOAT_TEST_PG is not set: run the test under "
		                "scripts/pgtest.sh (make check does)\n");
		abort();
	}
	return url;
}

/* Runs sql on the test server's postgres database; aborts when it fails. */
static inline void unit_pg_admin(const char *sql)
{
	PGconn *c = PQconnectdb(unit_pg_server());
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "unit: %s", PQerrorMessage(c));
		abort();
	}
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "unit: %s: %s", sql, PQerrorMessage(c));
		abort();
	}
	PQclear(r);
	PQfinish(c);
}

/* A new empty database on the test server; its URL into url, its name
 * into name (64 bytes). Its default collation is ICU's root locale, not
 * the cluster's C.UTF-8, as a production database's often is: a query
 * whose order depends on the database's locale shows it here. */
static inline void unit_pg_create(char *url, size_t cap, char *name)
{
	static int n;
	const char *server = unit_pg_server();
	const char *slash = strrchr(server, '/');
	char sql[160];

	snprintf(name, 64, "moat_unit_%d_%d", (int)getpid(), ++n);
	snprintf(sql, sizeof sql,
	         "CREATE DATABASE %s TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'und'",
	         name);
	unit_pg_admin(sql);
	snprintf(url, cap, "%.*s/%s", (int)(slash - server), server, name);
}

/* Drops the database name (closing what is still connected to it). */
static inline void unit_pg_drop(const char *name)
{
	char sql[128];

	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
	unit_pg_admin(sql);
}

/* Where a store test's database lives: a new SQLite file or a new
 * PostgreSQL database. It is the first member of such a test's fixture,
 * so that unit_fixture_new and unit_fixture_free make and remove both. */
struct unit_target {
	char path[64];         /* the SQLite file, when on it */
	char url[256], pg[64]; /* the PostgreSQL database's URL and name */
	const char *target;    /* path or url: what store_open takes */
};

/* A zeroed fixture of size bytes whose first member is a struct
 * unit_target, with a new empty database: PostgreSQL when pg, else a
 * SQLite file. */
static inline void *unit_fixture_new(size_t size, int pg)
{
	struct unit_target *t = calloc(1, size);

	if (!t)
		abort();
	if (pg) {
		unit_pg_create(t->url, sizeof t->url, t->pg);
		t->target = t->url;
	} else {
		unit_db_path(t->path, sizeof t->path);
		t->target = t->path;
	}
	return t;
}

/* Removes the fixture's database and frees it; every connection to the
 * database is closed first by the caller (PostgreSQL's are forced). */
static inline void unit_fixture_free(void *fixture)
{
	struct unit_target *t = fixture;

	if (t->pg[0])
		unit_pg_drop(t->pg);
	else
		unit_db_remove(t->path);
	free(t);
}

#endif
