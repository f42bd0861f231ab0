/*
 * db_pg.c — db.h over PostgreSQL (libpq). A statement is a server-side
 * prepared statement of the connection (PQprepare once, named "m<N>"),
 * its SQL rewritten from SQLite's placeholders to $N; parameters go as
 * text (integers in decimal) or, for blobs, binary; results come back
 * whole as text (PQexecPrepared), and a step moves through their rows;
 * a statement marked with db_stream() runs in libpq's single-row mode
 * instead (PQsendQueryPrepared, PQsetSingleRowMode), one row in memory
 * at a time, and owns the connection until its last row is read.
 * Write transactions take a transaction-scoped advisory lock after BEGIN,
 * so that writers exclude one another as SQLite's BEGIN IMMEDIATE makes
 * them (across every moatd on the database), waiting at most lock_timeout
 * (5 s, as SQLite's busy timeout).
 * A connection found broken after a failure (the server restarted, a
 * failover, the backend terminated) is reset at once: the call that met
 * it fails (its transaction is gone), the next one runs on the new
 * session, each statement prepared again on its first use there.
 * Thread: the connection's owner only.
 */
#include "db_int.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "log.h"
#include "xalloc.h"

#define DB_PG_MAX_PARAMS 64

struct dbp_conn {
	PGconn *conn;
	unsigned next_name;        /* prepared statements are m1, m2, ... */
	unsigned session;          /* one more at every reconnection */
	int resetting;             /* inside dbp_check_conn (no second reset from it) */
	struct db_stmt *streaming; /* the statement whose rows are still coming */
	char errmsg[512];          /* the last failure */
};

struct dbp_param {
	char num[32]; /* an integer's or a double's text */
	char *heap;   /* a copy of text or blob (owned) */
	int len;      /* a blob's length */
	int is_blob;
	int is_set;
};

struct dbp_stmt {
	char name[16];
	char *text;       /* the PostgreSQL text (owned), to prepare again */
	unsigned session; /* the session it is prepared in */
	int nparams;
	struct dbp_param params[DB_PG_MAX_PARAMS];
	PGresult *res; /* NULL until stepped */
	int row, nrows;
	int stream;          /* db_stream(): the next run is in single-row mode */
	int custom;          /* db_custom_plan(): the next run is planned for its values */
	int interrupted;     /* its stream was read away by another statement */
	unsigned char *blob; /* the last column_blob's bytes (PQfreemem) */
};

#define C(db) ((struct dbp_conn *)(db)->impl)
#define P(s)  ((struct dbp_stmt *)(s)->impl)

int db_pg_rewrite(const char *sql, char *out, size_t cap)
{
	size_t o = 0;
	int max = 0;

	for (const char *p = sql; *p;) {
		char c = *p;
		if (c == '\'' || c == '"') { /* a literal or a quoted name, quotes doubled */
			const char *q = p + 1;
			while (*q && !(*q == c && q[1] != c))
				q += *q == c ? 2 : 1;
			if (*q)
				q++;
			if (o + (size_t)(q - p) >= cap)
				return -1;
			memcpy(out + o, p, (size_t)(q - p));
			o += (size_t)(q - p);
			p = q;
		} else if (c == '-' && p[1] == '-') { /* a comment to the end of the line */
			const char *q = strchr(p, '\n');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			if (o + n >= cap)
				return -1;
			memcpy(out + o, p, n);
			o += n;
			p += n;
		} else if (c == '?') {
			int v = 0, w;
			p++;
			if (*p >= '0' && *p <= '9') {
				while (*p >= '0' && *p <= '9' && v < 1000)
					v = v * 10 + (*p++ - '0');
			} else {
				v = max + 1; /* SQLite: one more than the largest so far */
			}
			if (v > max)
				max = v;
			w = snprintf(out + o, cap - o, "$%d", v);
			if (w < 0 || (size_t)w >= cap - o)
				return -1;
			o += (size_t)w;
		} else {
			if (o + 1 >= cap)
				return -1;
			out[o++] = c;
			p++;
		}
	}
	if (o >= cap)
		return -1;
	out[o] = '\0';
	return max;
}

/* Keeps libpq's message on one line (it ends in a newline and may hold
 * several lines: DETAIL, HINT, a caret under the query). */
static void dbp_one_line(char *msg)
{
	size_t n;

	for (char *p = msg; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	n = strlen(msg);
	while (n && msg[n - 1] == ' ')
		msg[--n] = '\0';
}

static int dbp_session_setup(struct db *db);

/* Reads away what is left of the connection's stream, if any (another
 * call needs the connection, or the stream is reset); the statement is
 * told (interrupted) unless it is the one ending it. */
static void dbp_end_stream(struct db *db, struct db_stmt *by)
{
	struct dbp_conn *c = (struct dbp_conn *)db->impl;
	struct db_stmt *s = c->streaming;
	PGresult *r;

	if (!s)
		return;
	c->streaming = NULL;
	while ((r = PQgetResult(c->conn)) != NULL)
		PQclear(r);
	if (s != by)
		((struct dbp_stmt *)s->impl)->interrupted = 1;
}

/* After a failure: when the connection itself is broken, reset it (a new
 * session: every statement is prepared again on its next use). */
static void dbp_check_conn(struct db *db)
{
	struct dbp_conn *c = C(db);

	if (c->resetting || PQstatus(c->conn) != CONNECTION_BAD)
		return;
	c->resetting = 1;
	if (c->streaming) /* its rows are gone with the session */
		((struct dbp_stmt *)c->streaming->impl)->interrupted = 1;
	c->streaming = NULL;
	PQreset(c->conn);
	c->session++;
	if (PQstatus(c->conn) != CONNECTION_OK || dbp_session_setup(db) != MOAT_OK)
		LOG(LOG_ERROR, "msg=\"PostgreSQL connection lost; opening it again failed\"");
	else
		LOG(LOG_WARN, "msg=\"PostgreSQL connection lost and opened again\"");
	c->resetting = 0;
}

/* Maps a failed result to moat_err and keeps its message. */
static int dbp_fail(struct db *db, PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(C(db)->conn);

	snprintf(C(db)->errmsg, sizeof C(db)->errmsg, "%s", msg && *msg ? msg : "?");
	dbp_one_line(C(db)->errmsg);
	if (state && !strncmp(state, "23", 2)) /* integrity constraint violation */
		return MOAT_ECONFLICT;
	/* serialization failure, deadlock, lock_timeout, statement_timeout */
	if (state && (!strcmp(state, "40001") || !strcmp(state, "40P01") ||
	              !strcmp(state, "55P03") || !strcmp(state, "57014")))
		return MOAT_EBUSY;
	LOG(LOG_ERROR, "msg=\"database error\" op=%s sqlstate=%s error=\"%s\"", what,
	    state ? state : "-", C(db)->errmsg);
	dbp_check_conn(db);
	return MOAT_EDB;
}

static void dbp_close(struct db *db)
{
	PQfinish(C(db)->conn);
	free(C(db));
}

/* Prepares ps on the server, in the connection's current session. */
static int dbp_prepare_server(struct db *db, struct dbp_stmt *ps)
{
	PGresult *res;

	dbp_end_stream(db, NULL);
	res = PQprepare(C(db)->conn, ps->name, ps->text, 0, NULL);
	int rc = MOAT_OK;

	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = dbp_fail(db, res, "prepare");
		if (rc != MOAT_EDB) /* dbp_fail logs only database errors */
			LOG(LOG_ERROR, "msg=\"prepare failed\" error=\"%s\"", C(db)->errmsg);
		rc = MOAT_EDB;
	} else {
		ps->session = C(db)->session;
	}
	PQclear(res);
	return rc;
}

static int dbp_prepare(struct db *db, const char *sql, struct db_stmt *s)
{
	size_t cap = strlen(sql) * 2 + 16;
	char *text = xmalloc(cap);
	struct dbp_stmt *ps;
	int n = db_pg_rewrite(sql, text, cap);

	if (n < 0 || n > DB_PG_MAX_PARAMS) {
		LOG(LOG_ERROR, "msg=\"prepare failed\" error=\"too many parameters\"");
		free(text);
		return MOAT_EDB;
	}
	ps = xcalloc(1, sizeof *ps);
	snprintf(ps->name, sizeof ps->name, "m%u", ++C(db)->next_name);
	ps->nparams = n;
	ps->text = text;
	if (dbp_prepare_server(db, ps) != MOAT_OK) {
		free(ps->text);
		free(ps);
		return MOAT_EDB;
	}
	s->impl = ps;
	return MOAT_OK;
}

static void dbp_clear_result(struct dbp_stmt *ps)
{
	PQclear(ps->res);
	ps->res = NULL;
	ps->row = ps->nrows = 0;
	ps->stream = ps->interrupted = ps->custom = 0;
	PQfreemem(ps->blob);
	ps->blob = NULL;
}

static void dbp_clear_param(struct dbp_param *p)
{
	free(p->heap);
	memset(p, 0, sizeof *p);
}

static void dbp_reset(struct db_stmt *s, int clear)
{
	struct dbp_stmt *ps = P(s);

	if (C(s->db)->streaming == s)
		dbp_end_stream(s->db, s);
	dbp_clear_result(ps);
	if (clear)
		for (int i = 0; i < ps->nparams; i++)
			dbp_clear_param(&ps->params[i]);
}

static void dbp_finalize(struct db_stmt *s)
{
	char sql[32];
	PGresult *res;

	dbp_reset(s, 1);
	/* the server forgets the statement too (the connection may live on) */
	if (P(s)->session == C(s->db)->session) {
		dbp_end_stream(s->db, NULL);
		snprintf(sql, sizeof sql, "DEALLOCATE %s", P(s)->name);
		res = PQexec(C(s->db)->conn, sql);
		PQclear(res);
	}
	free(P(s)->text);
	free(P(s));
	s->impl = NULL;
}

/* The parameter slot i (1-based), emptied; NULL when out of range. */
static struct dbp_param *dbp_param(struct db_stmt *s, int i)
{
	if (i < 1 || i > P(s)->nparams)
		return NULL;
	dbp_clear_param(&P(s)->params[i - 1]);
	return &P(s)->params[i - 1];
}

static void dbp_bind_int64(struct db_stmt *s, int i, int64_t v)
{
	struct dbp_param *p = dbp_param(s, i);

	if (!p)
		return;
	snprintf(p->num, sizeof p->num, "%lld", (long long)v);
	p->is_set = 1;
}

static void dbp_bind_double(struct db_stmt *s, int i, double v)
{
	struct dbp_param *p = dbp_param(s, i);

	if (!p)
		return;
	snprintf(p->num, sizeof p->num, "%.17g", v);
	p->is_set = 1;
}

static void dbp_bind_text(struct db_stmt *s, int i, const char *v)
{
	struct dbp_param *p = dbp_param(s, i);

	if (!p)
		return;
	p->heap = xstrdup(v);
	p->is_set = 1;
}

static void dbp_bind_blob(struct db_stmt *s, int i, const void *v, size_t n)
{
	struct dbp_param *p = dbp_param(s, i);

	if (!p)
		return;
	p->heap = xmalloc(n ? n : 1);
	memcpy(p->heap, v, n);
	p->len = (int)n;
	p->is_blob = 1;
	p->is_set = 1;
}

static void dbp_bind_null(struct db_stmt *s, int i)
{
	dbp_param(s, i);
}

static void dbp_stream(struct db_stmt *s)
{
	P(s)->stream = 1;
}

static void dbp_custom_plan(struct db_stmt *s)
{
	P(s)->custom = 1;
}

/* The next row of s's stream: DB_ROW, DB_DONE at its end (the last
 * result is kept, so that later steps say DB_DONE again), or an error. */
static int dbp_stream_next(struct db_stmt *s)
{
	struct dbp_stmt *ps = P(s);
	struct db *db = s->db;
	ExecStatusType st;

	PQclear(ps->res);
	ps->res = PQgetResult(C(db)->conn);
	st = PQresultStatus(ps->res);
	if (ps->res && st == PGRES_SINGLE_TUPLE) {
		ps->nrows = 1;
		ps->row = 0;
		return DB_ROW;
	}
	dbp_end_stream(db, s); /* the result that ended it, then NULL */
	ps->nrows = ps->row = 0;
	if (ps->res && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK))
		return DB_DONE;
	{
		int rc = dbp_fail(db, ps->res, "step");
		PQclear(ps->res);
		ps->res = NULL;
		ps->stream = 0;
		return rc;
	}
}

static int dbp_step(struct db_stmt *s)
{
	struct dbp_stmt *ps = P(s);

	if (ps->interrupted) {
		LOG(LOG_ERROR, "msg=\"database error\" op=step error=\"a streamed read was"
		               " interrupted by another statement on its connection\"");
		return MOAT_EDB;
	}
	if (C(s->db)->streaming == s)
		return dbp_stream_next(s);
	if (!ps->res) {
		const char *values[DB_PG_MAX_PARAMS];
		int lengths[DB_PG_MAX_PARAMS], formats[DB_PG_MAX_PARAMS];
		ExecStatusType st;

		/* a new session since it was prepared (the connection was reset) */
		if (ps->session != C(s->db)->session && dbp_prepare_server(s->db, ps) != MOAT_OK)
			return MOAT_EDB;
		for (int i = 0; i < ps->nparams; i++) {
			struct dbp_param *p = &ps->params[i];
			values[i] = !p->is_set ? NULL : p->heap ? p->heap : p->num;
			lengths[i] = p->len;
			formats[i] = p->is_blob;
		}
		dbp_end_stream(s->db, NULL);
		if (ps->stream) {
			int sent = ps->custom
			               ? PQsendQueryParams(C(s->db)->conn, ps->text, ps->nparams,
			                                   NULL, values, lengths, formats, 0)
			               : PQsendQueryPrepared(C(s->db)->conn, ps->name, ps->nparams,
			                                     values, lengths, formats, 0);
			if (!sent)
				return dbp_fail(s->db, NULL, "step");
			PQsetSingleRowMode(C(s->db)->conn);
			C(s->db)->streaming = s;
			return dbp_stream_next(s);
		}
		if (ps->custom)
			ps->res = PQexecParams(C(s->db)->conn, ps->text, ps->nparams, NULL, values,
			                       lengths, formats, 0);
		else
			ps->res = PQexecPrepared(C(s->db)->conn, ps->name, ps->nparams, values,
			                         lengths, formats, 0);
		st = PQresultStatus(ps->res);
		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			int rc = dbp_fail(s->db, ps->res, "step");
			dbp_clear_result(ps);
			return rc;
		}
		ps->nrows = st == PGRES_TUPLES_OK ? PQntuples(ps->res) : 0;
		ps->row = -1;
	}
	if (ps->row < ps->nrows)
		ps->row++;
	return ps->row < ps->nrows ? DB_ROW : DB_DONE;
}

static int64_t dbp_changes(struct db_stmt *s)
{
	const char *n = P(s)->res ? PQcmdTuples(P(s)->res) : "";

	return *n ? strtoll(n, NULL, 10) : 0;
}

/* Is there a current row with column i? */
static int dbp_has(struct db_stmt *s, int i)
{
	struct dbp_stmt *ps = P(s);

	return ps->res && ps->row >= 0 && ps->row < ps->nrows && i >= 0 && i < PQnfields(ps->res);
}

static int dbp_is_null(struct db_stmt *s, int i)
{
	return !dbp_has(s, i) || PQgetisnull(P(s)->res, P(s)->row, i);
}

static int64_t dbp_col_int64(struct db_stmt *s, int i)
{
	const char *v;

	if (dbp_is_null(s, i))
		return 0;
	v = PQgetvalue(P(s)->res, P(s)->row, i);
	if (v[0] == 't' && !v[1]) /* a boolean */
		return 1;
	if (v[0] == 'f' && !v[1])
		return 0;
	return strtoll(v, NULL, 10);
}

static double dbp_col_double(struct db_stmt *s, int i)
{
	return dbp_is_null(s, i) ? 0 : strtod(PQgetvalue(P(s)->res, P(s)->row, i), NULL);
}

static const char *dbp_col_text(struct db_stmt *s, int i)
{
	return dbp_is_null(s, i) ? NULL : PQgetvalue(P(s)->res, P(s)->row, i);
}

static size_t dbp_col_bytes(struct db_stmt *s, int i)
{
	return dbp_is_null(s, i) ? 0 : (size_t)PQgetlength(P(s)->res, P(s)->row, i);
}

static const void *dbp_col_blob(struct db_stmt *s, int i, size_t *n)
{
	struct dbp_stmt *ps = P(s);
	const char *v = dbp_col_text(s, i);

	*n = 0;
	if (!v)
		return NULL;
	PQfreemem(ps->blob);
	/* bytea arrives as text: "\x" and hex digits */
	ps->blob = PQunescapeBytea((const unsigned char *)v, n);
	return ps->blob;
}

static int dbp_exec(struct db *db, const char *script, char *msg, size_t msglen)
{
	PGresult *res;
	ExecStatusType st;
	int rc = MOAT_OK;

	dbp_end_stream(db, NULL);
	res = PQexec(C(db)->conn, script);
	st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
		rc = dbp_fail(db, res, "exec");
		snprintf(msg, msglen, "%s", C(db)->errmsg);
	}
	PQclear(res);
	return rc;
}

static int dbp_simple(struct db *db, const char *sql)
{
	return dbp_exec(db, sql, C(db)->errmsg, sizeof C(db)->errmsg);
}

#define DB_PG_STR_(x) #x
#define DB_PG_STR(x)  DB_PG_STR_(x)

static int dbp_begin(struct db *db)
{
	int rc =
	    dbp_simple(db, "BEGIN; SELECT pg_advisory_xact_lock(" DB_PG_STR(DB_PG_WRITE_LOCK) ")");

	if (rc && PQtransactionStatus(C(db)->conn) != PQTRANS_IDLE)
		dbp_simple(db, "ROLLBACK");
	return rc;
}

static int dbp_begin_rows(struct db *db)
{
	return dbp_simple(db, "BEGIN");
}

static int dbp_begin_read(struct db *db)
{
	return dbp_simple(db, "BEGIN ISOLATION LEVEL REPEATABLE READ");
}

static int dbp_commit(struct db *db)
{
	return dbp_simple(db, "COMMIT");
}

static void dbp_rollback(struct db *db)
{
	dbp_simple(db, "ROLLBACK");
}

static int dbp_in_txn(struct db *db)
{
	return PQtransactionStatus(C(db)->conn) != PQTRANS_IDLE;
}

static const char *dbp_errmsg(struct db *db)
{
	return C(db)->errmsg;
}

/* Server notices (IF NOT EXISTS skipped, ...) go to the debug log, not
 * to stderr as libpq's default does. */
static void dbp_notice(void *arg, const char *message)
{
	(void)arg;
	LOG(LOG_DEBUG, "msg=\"postgres notice\" notice=\"%.*s\"", (int)strcspn(message, "\n"),
	    message);
}

static const struct db_ops dbp_ops = {
    .engine = DB_POSTGRES,
    .close = dbp_close,
    .prepare = dbp_prepare,
    .finalize = dbp_finalize,
    .reset = dbp_reset,
    .bind_int64 = dbp_bind_int64,
    .bind_double = dbp_bind_double,
    .bind_text = dbp_bind_text,
    .bind_text_ref = dbp_bind_text, /* parameters are copied */
    .bind_blob = dbp_bind_blob,
    .bind_null = dbp_bind_null,
    .stream = dbp_stream,
    .custom_plan = dbp_custom_plan,
    .step = dbp_step,
    .changes = dbp_changes,
    .is_null = dbp_is_null,
    .col_int64 = dbp_col_int64,
    .col_double = dbp_col_double,
    .col_text = dbp_col_text,
    .col_bytes = dbp_col_bytes,
    .col_blob = dbp_col_blob,
    .exec = dbp_exec,
    .begin = dbp_begin,
    .begin_read = dbp_begin_read,
    .begin_rows = dbp_begin_rows,
    .commit = dbp_commit,
    .rollback = dbp_rollback,
    .in_txn = dbp_in_txn,
    .errmsg = dbp_errmsg,
};

/* The settings of every session (a reset starts a new one). */
static int dbp_session_setup(struct db *db)
{
	return dbp_simple(db, "SET client_encoding = 'UTF8'; SET TimeZone = 'UTC';"
	                      " SET lock_timeout = '5s'");
}

/* ---- LISTEN/NOTIFY (db.h) ---- */

int db_pg_listen(struct db *db, const char *channel)
{
	char sql[96];

	if (db_engine(db) != DB_POSTGRES)
		return MOAT_EINVALID;
	snprintf(sql, sizeof sql, "LISTEN \"%s\"", channel);
	return dbp_simple(db, sql);
}

unsigned db_pg_session(struct db *db)
{
	return db_engine(db) == DB_POSTGRES ? C(db)->session : 0;
}

int db_pg_socket(struct db *db)
{
	return db_engine(db) == DB_POSTGRES ? PQsocket(C(db)->conn) : -1;
}

int db_pg_notifies(struct db *db, const char *channel, void (*fn)(void *arg, const char *payload),
                   void *arg)
{
	struct dbp_conn *c;
	PGnotify *n;
	int count = 0;

	if (db_engine(db) != DB_POSTGRES)
		return MOAT_EINVALID;
	c = C(db);
	if (!PQconsumeInput(c->conn) || PQstatus(c->conn) == CONNECTION_BAD) {
		snprintf(c->errmsg, sizeof c->errmsg, "%s", PQerrorMessage(c->conn));
		dbp_one_line(c->errmsg);
		LOG(LOG_WARN, "msg=\"PostgreSQL listener connection lost\" error=\"%s\"",
		    c->errmsg);
		dbp_check_conn(db);
		return MOAT_EDB;
	}
	for (n = PQnotifies(c->conn); n; n = PQnotifies(c->conn)) {
		if (!strcmp(n->relname, channel)) {
			fn(arg, n->extra);
			count++;
		}
		PQfreemem(n);
	}
	return count;
}

int db_pg_open(struct db *db, const char *url, char *msg, size_t msglen)
{
	struct dbp_conn *c;
	PGconn *conn = PQconnectdb(url);

	if (PQstatus(conn) != CONNECTION_OK) {
		snprintf(msg, msglen, "%s", PQerrorMessage(conn));
		dbp_one_line(msg);
		PQfinish(conn);
		return MOAT_EDB;
	}
	PQsetNoticeProcessor(conn, dbp_notice, NULL);
	c = xcalloc(1, sizeof *c);
	c->conn = conn;
	db->ops = &dbp_ops;
	db->impl = c;
	if (dbp_session_setup(db) != MOAT_OK) {
		snprintf(msg, msglen, "%s", c->errmsg);
		dbp_close(db);
		return MOAT_EDB;
	}
	return MOAT_OK;
}
