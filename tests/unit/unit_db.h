/*
 * unit_db.h — temporary SQLite files for the unit tests that need a real
 * database (test_store, test_event_query, test_event_rollup).
 */
#ifndef MOAT_UNIT_DB_H
#define MOAT_UNIT_DB_H

#include <stdio.h>
#include <stdlib.h>
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

#endif
