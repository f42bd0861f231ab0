/*
 * raw_sqlite — the raw SQLite insert rate that moatd's ingestion is
 * compared with: a plain C loop inserting the rows moatd would store (the
 * same columns, the same generator as the load tools, see gen.h) with the
 * same pragmas and the same INSERT ... ON CONFLICT DO NOTHING statement,
 * prepared once, in transactions of --tx rows (default 1,000).
 *
 *   raw_sqlite --db PATH --schema-dir schema [--sync normal|full]
 *              [--seconds S] [--rows N] [--tx N] [--seed N] [--pragma P]...
 *       a fresh database: schema/NNN_*.sql applied in order with sqlite3_exec,
 *       one project and one environment inserted; rows for S seconds (or N
 *       rows, whichever comes first)
 *   raw_sqlite --db PATH --project SLUG --rows N [--spread-days D] ...
 *       a database moatd made: rows for that project's "production"
 *       environment, ts rising evenly over the last D days, oldest first (the
 *       query benchmark's load)
 *
 * Each stored row is also added to the free-text index (events_fts) in the
 * same transaction, as moatd did before schema 006 made its writer do it
 * after the commit: the baseline does all the work of a stored event, in
 * one thread, with SQLite's own inline checkpoints. At the end fts_state
 * records that every row is indexed.
 *
 * --after-sql FILE runs the SQL in FILE in one transaction after the load,
 * untimed: run.sh uses it to recompute the statistics rollups (schema 005)
 * from the events, which moatd's writer keeps up to date as it inserts.
 *
 * --pragma "cache_size=-65536" (repeatable, at most 8) adds a pragma after
 * moatd's four, to see what a setting would change; the baseline has none.
 *
 * Prints one line on stdout:
 *   raw rows=N seconds=S rows_per_s=R sync=normal|full tx=N
 * Single-threaded; exits 2 on any error.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define RAW_MAX_SCHEMA 64

struct raw_opts {
	const char *db, *schema_dir, *project, *sync, *after_sql;
	const char *pragma[8]; /* extra pragmas, for experiments (moatd sets none) */
	int npragma;
	double seconds;
	long long rows, tx, seed;
	double spread_days;
};

static _Noreturn void raw_die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "raw_sqlite: %s: %s\n", what, db ? sqlite3_errmsg(db) : "error");
	exit(2);
}

static void raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "raw_sqlite: %.80s: %s\n", sql, msg ? msg : "?");
		exit(2);
	}
}

static int raw_cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *raw_read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		exit(2);
	}
	text = malloc((size_t)n + 1);
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	text[n] = '\0';
	fclose(f);
	return text;
}

/* Applies DIR/NNN_*.sql in name order, each in one transaction. */
static void raw_schema(sqlite3 *db, const char *dir)
{
	char *names[RAW_MAX_SCHEMA];
	int n = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d) {
		perror(dir);
		exit(2);
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 4 && !strcmp(de->d_name + l - 4, ".sql") && n < RAW_MAX_SCHEMA)
			names[n++] = strdup(de->d_name);
	}
	closedir(d);
	if (n == 0) {
		fprintf(stderr, "raw_sqlite: no .sql files in %s\n", dir);
		exit(2);
	}
	qsort(names, (size_t)n, sizeof *names, raw_cmp_str);
	for (int i = 0; i < n; i++) {
		char path[4096];
		char *sql;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		sql = raw_read_file(path);
		raw_exec(db, "BEGIN");
		raw_exec(db, sql);
		raw_exec(db, "COMMIT");
		free(sql);
		free(names[i]);
	}
}

static sqlite3_int64 raw_query_id(sqlite3 *db, const char *sql, const char *arg1,
                                  sqlite3_int64 arg2)
{
	sqlite3_stmt *s;
	sqlite3_int64 id = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		raw_die(db, "prepare");
	if (arg1)
		sqlite3_bind_text(s, 1, arg1, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 1, arg2);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return id;
}

static int raw_num(const char *s, long long *out)
{
	char *end = NULL;

	if (!s || !*s)
		return -1;
	*out = strtoll(s, &end, 10);
	return *end ? -1 : 0;
}

static int raw_parse(int argc, char **argv, struct raw_opts *o)
{
	memset(o, 0, sizeof *o);
	o->sync = "normal";
	o->seconds = 10;
	o->tx = 1000;
	o->seed = 42;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--db"))
			o->db = v;
		else if (!strcmp(k, "--schema-dir"))
			o->schema_dir = v;
		else if (!strcmp(k, "--project"))
			o->project = v;
		else if (!strcmp(k, "--after-sql"))
			o->after_sql = v;
		else if (!strcmp(k, "--sync") && (!strcmp(v, "normal") || !strcmp(v, "full")))
			o->sync = v;
		else if (!strcmp(k, "--pragma") && o->npragma < 8)
			o->pragma[o->npragma++] = v;
		else if (!strcmp(k, "--seconds"))
			o->seconds = strtod(v, NULL);
		else if (!strcmp(k, "--spread-days"))
			o->spread_days = strtod(v, NULL);
		else if (!strcmp(k, "--rows") && !raw_num(v, &o->rows) && o->rows >= 0)
			;
		else if (!strcmp(k, "--tx") && !raw_num(v, &o->tx) && o->tx >= 1)
			;
		else if (!strcmp(k, "--seed") && !raw_num(v, &o->seed))
			;
		else
			return -1;
	}
	if (argc % 2 == 0 || !o->db || (!o->schema_dir == !o->project))
		return -1;
	if (o->project && o->rows <= 0)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	static const char insert_sql[] =
	    "INSERT INTO events(project_id, environment_id, event_uid, agent_id, ts, received_at,"
	    " interceptor, action, severity, confidence, source_ip, method, endpoint, payload,"
	    " payload_len, payload_truncated, operation, operation_len, operation_truncated, file,"
	    " line, function, rule, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(project_id, event_uid) DO NOTHING";
	struct raw_opts o;
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL, *fts = NULL, *begin = NULL, *commit = NULL;
	sqlite3_int64 project_id, env_id;
	uint64_t rng;
	long long done = 0, inserted = 0, next_report = 1000000;
	int64_t t0, t1, deadline, spread_ms;
	char agents[100][24];

	if (raw_parse(argc, argv, &o)) {
		fprintf(
		    stderr,
		    "usage: raw_sqlite --db PATH (--schema-dir DIR | --project SLUG --rows N)\n"
		    "         [--sync normal|full] [--seconds S] [--rows N] [--tx N]\n"
		    "         [--spread-days D] [--seed N] [--pragma P]... [--after-sql FILE]\n");
		return 2;
	}
	rng = (uint64_t)o.seed * 0x2545f4914f6cdd1dULL + 1;
	spread_ms = (int64_t)(o.spread_days * 86400.0 * 1000.0);
	for (int i = 0; i < 100; i++)
		snprintf(agents[i], sizeof agents[i], "bench-%03d", i);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* as moatd */
	if (sqlite3_open_v2(o.db, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK)
		raw_die(db, o.db);
	sqlite3_busy_timeout(db, 5000);
	raw_exec(db, "PRAGMA journal_mode=WAL");
	raw_exec(db,
	         !strcmp(o.sync, "full") ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
	raw_exec(db, "PRAGMA foreign_keys=ON");
	raw_exec(db, "PRAGMA temp_store=MEMORY");
	for (int i = 0; i < o.npragma; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "PRAGMA %s", o.pragma[i]);
		raw_exec(db, sql);
	}
	if (o.schema_dir) {
		int64_t now = gen_now_ms() / 1000;
		char sql[512];
		raw_schema(db, o.schema_dir);
		snprintf(sql, sizeof sql,
		         "INSERT INTO projects(slug, name, created_at, updated_at)"
		         " VALUES ('bench', 'Bench', %lld, %lld);"
		         "INSERT INTO environments(project_id, name, created_at)"
		         " VALUES (last_insert_rowid(), 'production', %lld);",
		         (long long)now, (long long)now, (long long)now);
		raw_exec(db, sql);
		project_id = raw_query_id(db, "SELECT id FROM projects WHERE slug = ?", "bench", 0);
	} else {
		project_id =
		    raw_query_id(db, "SELECT id FROM projects WHERE slug = ?", o.project, 0);
	}
	env_id = raw_query_id(db,
	                      "SELECT id FROM environments WHERE project_id = ? AND name = "
	                      "'production'",
	                      NULL, project_id);
	if (!project_id || !env_id) {
		fprintf(stderr, "raw_sqlite: no project %s with a production environment\n",
		        o.project ? o.project : "bench");
		return 2;
	}
	if (sqlite3_prepare_v2(db, insert_sql, -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
	                       "INSERT INTO events_fts(rowid, payload, operation) VALUES (?, ?, ?)",
	                       -1, &fts, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL) != SQLITE_OK)
		raw_die(db, "prepare");

	t0 = gen_mono_ns();
	deadline = o.project ? INT64_MAX : t0 + (int64_t)(o.seconds * 1e9);
	for (;;) {
		int64_t now_ms = gen_now_ms();
		if (sqlite3_step(begin) != SQLITE_DONE)
			raw_die(db, "BEGIN IMMEDIATE");
		sqlite3_reset(begin);
		for (long long k = 0; k < o.tx && (o.rows == 0 || done < o.rows); k++, done++) {
			struct gen_event e;
			char uid[GEN_UUID_LEN];
			int64_t ts = now_ms;
			gen_event((uint64_t)done, &e);
			gen_uuid(&rng, uid);
			if (spread_ms > 0) /* oldest first, as they would have arrived */
				ts -= spread_ms -
				      (int64_t)((double)spread_ms * (double)done / (double)o.rows) +
				      (int64_t)(gen_rand(&rng) % 1000);
			sqlite3_bind_int64(ins, 1, project_id);
			sqlite3_bind_int64(ins, 2, env_id);
			sqlite3_bind_text(ins, 3, uid, GEN_UUID_LEN, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 4, agents[done % 100], -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 5, ts);
			sqlite3_bind_int64(ins, 6, spread_ms > 0 ? ts : now_ms);
			sqlite3_bind_text(ins, 7, e.interceptor, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 8, e.action, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 9, e.severity, -1, SQLITE_STATIC);
			sqlite3_bind_double(ins, 10, e.confidence);
			sqlite3_bind_text(ins, 11, e.source_ip, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 12, e.method, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 13, e.endpoint, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 14, e.payload, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 15, (sqlite3_int64)strlen(e.payload));
			sqlite3_bind_int(ins, 16, 0);
			sqlite3_bind_text(ins, 17, e.operation, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 18, (sqlite3_int64)strlen(e.operation));
			sqlite3_bind_int(ins, 19, 0);
			sqlite3_bind_text(ins, 20, e.file, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 21, e.line);
			sqlite3_bind_text(ins, 22, e.function, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 23, e.rule, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 24, e.details, -1, SQLITE_STATIC);
			if (sqlite3_step(ins) != SQLITE_DONE)
				raw_die(db, "INSERT");
			if (sqlite3_changes(db) > 0) {
				inserted++;
				sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
				sqlite3_bind_text(fts, 2, e.payload, -1, SQLITE_STATIC);
				sqlite3_bind_text(fts, 3, e.operation, -1, SQLITE_STATIC);
				if (sqlite3_step(fts) != SQLITE_DONE)
					raw_die(db, "INSERT INTO events_fts");
				sqlite3_reset(fts);
			}
			sqlite3_reset(ins);
		}
		if (sqlite3_step(commit) != SQLITE_DONE)
			raw_die(db, "COMMIT");
		sqlite3_reset(commit);
		if (o.project && done >= next_report) {
			fprintf(stderr, "raw_sqlite: %lld rows\n", done);
			next_report += 1000000;
		}
		if ((o.rows && done >= o.rows) || gen_mono_ns() >= deadline)
			break;
	}
	t1 = gen_mono_ns();
	sqlite3_finalize(ins);
	sqlite3_finalize(fts);
	raw_exec(db, "UPDATE fts_state SET indexed_to = (SELECT coalesce(max(id), 0) FROM events)");
	sqlite3_finalize(begin);
	sqlite3_finalize(commit);
	if (o.after_sql) {
		int64_t a0 = gen_mono_ns();
		char *sql = raw_read_file(o.after_sql);
		raw_exec(db, "BEGIN IMMEDIATE");
		raw_exec(db, sql);
		raw_exec(db, "COMMIT");
		free(sql);
		fprintf(stderr, "raw_sqlite: %s applied in %.1f s (not counted)\n", o.after_sql,
		        (double)(gen_mono_ns() - a0) / 1e9);
	}
	if (sqlite3_close(db) != SQLITE_OK)
		raw_die(NULL, "close");
	if (inserted != done) {
		fprintf(stderr, "raw_sqlite: %lld of %lld rows inserted (UUID collision?)\n",
		        inserted, done);
		return 2;
	}
	printf("raw rows=%lld seconds=%.3f rows_per_s=%.0f sync=%s tx=%lld\n", done,
	       (double)(t1 - t0) / 1e9, (double)done / ((double)(t1 - t0) / 1e9), o.sync, o.tx);
	return 0;
}
