/*
 * store_agent.c — the agent inventory. Writes come from the writer thread
 * (ingest.c) inside its group transaction; reads from HTTP threads. On
 * db.h: SQLite and PostgreSQL (issue 13).
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "timefmt.h"
#include "xalloc.h"

int store_agent_hello(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                      const char *hostname, const char *runtime, const char *agent_version,
                      const char *remote, int64_t token_id, int64_t policy_version, int64_t now)
{
	/* PostgreSQL: which instance holds the socket (several moatd) */
	static const struct db_sql sql = {
	    .sqlite = "INSERT INTO agents(project_id, environment_id, agent_id, hostname, runtime,"
	              " agent_version, remote_addr, token_id, first_seen_at, last_seen_at, online,"
	              " policy_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 1, ?10)"
	              " ON CONFLICT(project_id, agent_id) DO UPDATE SET environment_id = ?2,"
	              " hostname = ?4, runtime = ?5, agent_version = ?6, remote_addr = ?7,"
	              " token_id = ?8, last_seen_at = ?9, online = 1, policy_version = ?10",
	    .postgres =
	        "INSERT INTO agents(project_id, environment_id, agent_id, hostname, runtime,"
	        " agent_version, remote_addr, token_id, first_seen_at, last_seen_at, online,"
	        " policy_version, instance_id)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, 1, ?10, ?11)"
	        " ON CONFLICT(project_id, agent_id) DO UPDATE SET environment_id = ?2,"
	        " hostname = ?4, runtime = ?5, agent_version = ?6, remote_addr = ?7,"
	        " token_id = ?8, last_seen_at = ?9, online = 1, policy_version = ?10,"
	        " instance_id = ?11",
	};
	struct db_stmt *s = db_prepare2(st->conn, &sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_int64(s, 2, env_id);
	db_bind_text(s, 3, agent_id);
	db_bind_text(s, 4, hostname);
	db_bind_text(s, 5, runtime);
	db_bind_text(s, 6, agent_version);
	db_bind_text(s, 7, remote);
	db_bind_int64(s, 8, token_id);
	db_bind_int64(s, 9, now);
	db_bind_int64(s, 10, policy_version);
	if (st->engine == DB_POSTGRES)
		db_bind_text(s, 11, store_instance());
	return db_step(s);
}

int store_agent_applied(struct store *st, int64_t project_id, const char *agent_id, int64_t version,
                        int ok, const char *error, int64_t now)
{
	static const char sql_ok[] =
	    "UPDATE agents SET policy_version = ?3, policy_applied_at = ?4, policy_error = NULL,"
	    " last_seen_at = ?4 WHERE project_id = ?1 AND agent_id = ?2";
	static const char sql_err[] = "UPDATE agents SET policy_error = ?3, last_seen_at = ?4"
	                              " WHERE project_id = ?1 AND agent_id = ?2";
	struct db_stmt *s = db_prepare(st->conn, ok ? sql_ok : sql_err);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, agent_id);
	if (ok) {
		db_bind_int64(s, 3, version);
	} else {
		char msg[300];
		snprintf(msg, sizeof msg, "version %lld: %s", (long long)version,
		         error && *error ? error : "refused");
		db_bind_text(s, 3, msg);
	}
	db_bind_int64(s, 4, now);
	return db_step(s);
}

/* The offline and last-seen writes: on PostgreSQL only while the row
 * names this instance (the agent may hold a socket on another one by
 * now, whose hello committed first). */
static int agent_set(struct store *st, const struct db_sql *sql, int64_t project_id,
                     const char *agent_id, int64_t now)
{
	struct db_stmt *s = db_prepare2(st->conn, sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, agent_id);
	db_bind_int64(s, 3, now);
	if (st->engine == DB_POSTGRES)
		db_bind_text(s, 4, store_instance());
	return db_step(s);
}

int store_agent_offline(struct store *st, int64_t project_id, const char *agent_id, int64_t now)
{
	static const struct db_sql sql = {
	    .sqlite = "UPDATE agents SET online = 0, last_seen_at = ?3"
	              " WHERE project_id = ?1 AND agent_id = ?2",
	    .postgres = "UPDATE agents SET online = 0, last_seen_at = ?3"
	                " WHERE project_id = ?1 AND agent_id = ?2"
	                " AND instance_id IS NOT DISTINCT FROM ?4",
	};
	return agent_set(st, &sql, project_id, agent_id, now);
}

int store_agent_seen(struct store *st, int64_t project_id, const char *agent_id, int64_t now)
{
	static const struct db_sql sql = {
	    .sqlite = "UPDATE agents SET last_seen_at = ?3"
	              " WHERE project_id = ?1 AND agent_id = ?2 AND online = 1",
	    /* the instance that holds the socket says it is there: online
	     * again if survivors took this instance for dead meanwhile (a
	     * seen is queued only for a connection past hello, before its
	     * offline, and the writer keeps their order); without an
	     * instance (no cluster) an offline agent stays offline, as on
	     * SQLite */
	    .postgres = "UPDATE agents SET last_seen_at = ?3, online = 1"
	                " WHERE project_id = ?1 AND agent_id = ?2"
	                " AND instance_id IS NOT DISTINCT FROM ?4"
	                " AND (online = 1 OR CAST(?4 AS TEXT) IS NOT NULL)",
	};
	return agent_set(st, &sql, project_id, agent_id, now);
}

int store_agent_all_offline(struct store *st)
{
	int rc = store_begin(st);

	if (rc)
		return rc;
	rc = db_exec(st->conn, "UPDATE agents SET online = 0 WHERE online = 1", NULL, 0);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

#define AGENT_COLS                                                                                 \
	"a.id, a.agent_id, e.name, a.hostname, a.runtime, a.agent_version, a.remote_addr,"         \
	" a.first_seen_at, a.last_seen_at, a.online, a.policy_version,"                            \
	" COALESCE(a.policy_applied_at, 0), COALESCE(a.policy_error, '')"

int store_agent_list(struct store *st, const struct store_agent_filter *f, struct store_agent **out,
                     size_t *n)
{
	static const char sql[] =
	    "SELECT " AGENT_COLS " FROM agents a JOIN environments e ON e.id = a.environment_id"
	    " WHERE a.project_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR e.name = ?2)"
	    " AND (?3 < 0 OR a.online = ?3)"
	    " AND (CAST(?4 AS TEXT) IS NULL"
	    "      OR substr(a.agent_id, 1, length(CAST(?4 AS TEXT))) = ?4"
	    "      OR substr(a.hostname, 1, length(CAST(?4 AS TEXT))) = ?4)"
	    " AND a.id > ?5 ORDER BY a.id LIMIT ?6";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_agent *arr;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, f->project_id);
	db_bind_text(s, 2, f->environment);
	db_bind_int64(s, 3, f->online);
	db_bind_text(s, 4, f->q);
	db_bind_int64(s, 5, f->after_id);
	db_bind_int64(s, 6, f->limit);
	arr = xcalloc((size_t)f->limit + 1, sizeof *arr);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_agent *a = &arr[cnt++];
		a->id = db_column_int64(s, 0);
		store_text(s, 1, a->agent_id, sizeof a->agent_id);
		store_text(s, 2, a->environment, sizeof a->environment);
		store_text(s, 3, a->hostname, sizeof a->hostname);
		store_text(s, 4, a->runtime, sizeof a->runtime);
		store_text(s, 5, a->agent_version, sizeof a->agent_version);
		store_text(s, 6, a->remote_addr, sizeof a->remote_addr);
		a->first_seen_at = db_column_int64(s, 7);
		a->last_seen_at = db_column_int64(s, 8);
		a->online = (int)db_column_int64(s, 9);
		a->policy_version = db_column_int64(s, 10);
		a->policy_applied_at = db_column_int64(s, 11);
		store_text(s, 12, a->policy_error, sizeof a->policy_error);
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_agent_rollout(struct store *st, int64_t project_id, struct store_rollout **out, size_t *n)
{
	static const char sql[] =
	    "SELECT e.name,"
	    " (SELECT MAX(version) FROM policy_versions v WHERE v.environment_id = e.id) AS latest,"
	    " (SELECT COUNT(*) FROM agents a WHERE a.environment_id = e.id AND a.online = 1),"
	    " (SELECT COUNT(*) FROM agents a WHERE a.environment_id = e.id AND a.online = 1"
	    "   AND a.policy_version = (SELECT MAX(version) FROM policy_versions v"
	    "                           WHERE v.environment_id = e.id)),"
	    " (SELECT COUNT(*) FROM agents a WHERE a.environment_id = e.id AND a.online = 0)"
	    " FROM environments e WHERE e.project_id = ? ORDER BY e.name";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_rollout *arr = NULL;
	size_t cnt = 0, cap = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_rollout *r;
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		r = &arr[cnt++];
		store_text(s, 0, r->environment, sizeof r->environment);
		r->latest_version = db_column_int64(s, 1);
		r->online = db_column_int64(s, 2);
		r->on_latest = db_column_int64(s, 3);
		r->offline = db_column_int64(s, 4);
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_agent_delete(struct store *st, const struct actor *a, const struct store_project *p,
                       const char *agent_id)
{
	static const char sql_get[] =
	    "SELECT online FROM agents WHERE project_id = ? AND agent_id = ?";
	static const char sql_del[] = "DELETE FROM agents WHERE project_id = ? AND agent_id = ?";
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql_get, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, p->id);
	db_bind_text(s, 2, agent_id);
	rc = db_step(s);
	if (rc == DB_DONE) {
		rc = MOAT_ENOTFOUND;
		goto fail;
	}
	if (rc != DB_ROW)
		goto fail; /* a negative moat_err */
	if ((int)db_column_int64(s, 0)) {
		rc = MOAT_ECONFLICT;
		goto fail;
	}
	s = db_prepare(st->conn, sql_del);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_int64(s, 1, p->id);
	db_bind_text(s, 2, agent_id);
	rc = db_step(s);
	if (!rc)
		rc = store_audit_json(st, a, "agent.delete", agent_id, p->slug, NULL);
	if (rc)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

int store_agent_prune(struct store *st, int64_t older_than_s, int64_t *n)
{
	static const char sql[] = "DELETE FROM agents WHERE online = 0 AND last_seen_at < ?";
	struct db_stmt *s;
	int rc;

	*n = 0;
	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, timefmt_now() - older_than_s);
	rc = db_step(s);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	*n = db_changes(s);
	return store_commit(st);
}
