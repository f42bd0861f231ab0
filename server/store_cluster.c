/*
 * store_cluster.c — what several moatd on one PostgreSQL database share
 * beyond the tables of the other stores (issue 13, "Many instances";
 * docs/ARCHITECTURE.md, "The cluster module"): the NOTIFYs a commit sends
 * in its own transaction, the listener's connection calls, the reads of
 * the periodic repair, the instances' heartbeat rows and the reaping of
 * dead instances' agents.
 *
 * On SQLite (one instance) the two calls made inside other stores'
 * transactions (store_cluster_policy_tx, store_cluster_auth_tx) return at
 * once, so a SQLite commit costs what it did; the rest is called by the
 * cluster thread only, which runs on PostgreSQL only.
 *
 * Thread: the caller's connection's thread. The instance id is set by
 * main before any thread starts and read-only afterwards.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "timefmt.h"

static char cluster_instance[STORE_INSTANCE_MAX];

void store_set_instance(const char *id)
{
	snprintf(cluster_instance, sizeof cluster_instance, "%s", id ? id : "");
}

const char *store_instance(void)
{
	return cluster_instance[0] ? cluster_instance : NULL;
}

static int cluster_is_pg(struct store *st)
{
	return st->engine == DB_POSTGRES;
}

/* SELECT pg_notify(channel, payload) in the caller's transaction: sent
 * when it commits, never when it rolls back. */
static int cluster_notify(struct store *st, const char *payload)
{
	static const char sql[] = "SELECT pg_notify('" STORE_CLUSTER_CHANNEL "', ?1)";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_text(s, 1, payload);
	rc = db_step(s);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE ? MOAT_OK : rc;
}

int store_cluster_policy_tx(struct store *st, int64_t project_id, int64_t env_id, int64_t version)
{
	char payload[192];

	if (!cluster_is_pg(st))
		return MOAT_OK;
	/* the committing instance last, so that its own listener does not
	 * hand the version on a second time (cluster.c) */
	snprintf(payload, sizeof payload, "policy %lld %lld %lld%s%s", (long long)project_id,
	         (long long)env_id, (long long)version, store_instance() ? " " : "",
	         store_instance() ? store_instance() : "");
	return cluster_notify(st, payload);
}

int store_cluster_auth_tx(struct store *st)
{
	/* one statement: the epoch moves and its NOTIFY goes with the commit */
	static const char sql[] =
	    "WITH e AS (UPDATE auth_epoch SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch)"
	    " SELECT pg_notify('" STORE_CLUSTER_CHANNEL "', 'auth ' || e.epoch) FROM e";
	struct db_stmt *s;
	int rc;

	if (!cluster_is_pg(st))
		return MOAT_OK;
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE ? MOAT_OK : rc;
}

int store_cluster_listen(struct store *st)
{
	return db_pg_listen(st->conn, STORE_CLUSTER_CHANNEL);
}

unsigned store_cluster_session(struct store *st)
{
	return db_pg_session(st->conn);
}

int store_cluster_socket(struct store *st)
{
	return db_pg_socket(st->conn);
}

int store_cluster_notifies(struct store *st, void (*fn)(void *arg, const char *payload), void *arg)
{
	return db_pg_notifies(st->conn, STORE_CLUSTER_CHANNEL, fn, arg);
}

/* One integer from a statement without parameters. */
static int cluster_int(struct store *st, const char *sql, int64_t *out)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*out = 0;
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc == DB_ROW)
		*out = db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW ? MOAT_OK : rc == DB_DONE ? MOAT_ENOTFOUND : rc;
}

int store_cluster_auth_epoch(struct store *st, int64_t *out)
{
	static const char sql[] = "SELECT epoch FROM auth_epoch WHERE id = 1";
	return cluster_int(st, sql, out);
}

int store_cluster_policy_mark(struct store *st, int64_t *out)
{
	static const char sql[] = "SELECT COALESCE(max(id), 0) FROM policy_versions";
	return cluster_int(st, sql, out);
}

int store_cluster_policies_after(struct store *st, int64_t after_id, struct store_policy_head *out,
                                 int cap, int *n)
{
	static const char sql[] =
	    "SELECT v.id, e.project_id, v.environment_id, v.version FROM policy_versions v"
	    " JOIN environments e ON e.id = v.environment_id WHERE v.id > ?1"
	    " ORDER BY v.id LIMIT ?2";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc = DB_DONE;

	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, after_id);
	db_bind_int64(s, 2, cap);
	while (*n < cap && (rc = db_step(s)) == DB_ROW) {
		out[*n].id = db_column_int64(s, 0);
		out[*n].project_id = db_column_int64(s, 1);
		out[*n].env_id = db_column_int64(s, 2);
		out[*n].version = db_column_int64(s, 3);
		(*n)++;
	}
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE ? MOAT_OK : rc;
}

int store_cluster_heartbeat(struct store *st, const char *id, const char *hostname,
                            int64_t started_at, int64_t now, int *was_there)
{
	/* xmax = 0: the row was inserted, not updated (PostgreSQL's tell) */
	static const char sql[] =
	    "INSERT INTO instances(id, hostname, started_at, heartbeat_at)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET heartbeat_at = ?4"
	    " RETURNING (xmax::text <> '0')";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*was_there = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, hostname);
	db_bind_int64(s, 3, started_at);
	db_bind_int64(s, 4, now);
	rc = db_step(s);
	if (rc == DB_ROW)
		*was_there = (int)db_column_int64(s, 0);
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE ? MOAT_OK : rc;
}

int store_cluster_leave(struct store *st, const char *id)
{
	static const char sql[] = "DELETE FROM instances WHERE id = ?1";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_text(s, 1, id);
	rc = db_step(s);
	db_reset(s);
	return rc;
}

int store_cluster_orphans(struct store *st, int64_t *agents)
{
	/* agents no instance holds: online with no instance (written before
	 * 011, or by a moatd without the cluster module) */
	static const char sql[] =
	    "UPDATE agents SET online = 0 WHERE instance_id IS NULL AND online = 1";
	struct db_stmt *s;
	int rc;

	*agents = 0;
	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	rc = db_step(s);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	*agents = db_changes(s);
	return store_commit(st);
}

int store_cluster_reap(struct store *st, const char *self, int64_t stale_before, int64_t now,
                       int *instances, int64_t *agents)
{
	static const char sql_dead[] = "SELECT id FROM instances WHERE heartbeat_at < ?1"
	                               " AND id <> ?2 ORDER BY id LIMIT 64";
	static const char sql_off[] = "UPDATE agents SET online = 0, last_seen_at = ?2"
	                              " WHERE instance_id = ?1 AND online = 1";
	static const char sql_del[] = "DELETE FROM instances WHERE id = ?1 AND heartbeat_at < ?2";
	char dead[64][STORE_INSTANCE_MAX];
	struct db_stmt *s;
	int n = 0, rc = DB_DONE;

	*instances = 0;
	*agents = 0;
	/* the cheap look first, outside any transaction: nothing to do is
	 * one read of a handful of rows and no write lock */
	s = db_prepare(st->conn, sql_dead);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, stale_before);
	db_bind_text(s, 2, self);
	while (n < 64 && (rc = db_step(s)) == DB_ROW)
		store_text(s, 0, dead[n++], sizeof dead[0]);
	db_reset(s);
	if (rc < 0)
		return rc;
	if (n == 0)
		return MOAT_OK;
	rc = store_begin(st);
	if (rc)
		return rc;
	for (int i = 0; !rc && i < n; i++) {
		s = db_prepare(st->conn, sql_off);
		if (!s) {
			rc = MOAT_EDB;
			break;
		}
		db_bind_text(s, 1, dead[i]);
		db_bind_int64(s, 2, now);
		rc = db_step(s);
		if (rc)
			break;
		*agents += db_changes(s);
		s = db_prepare(st->conn, sql_del);
		if (!s) {
			rc = MOAT_EDB;
			break;
		}
		db_bind_text(s, 1, dead[i]);
		db_bind_int64(s, 2, stale_before); /* unless it came back meanwhile */
		rc = db_step(s);
		if (!rc)
			*instances += (int)db_changes(s);
	}
	if (rc) {
		store_rollback(st);
		*agents = 0;
		*instances = 0;
		return rc;
	}
	return store_commit(st);
}
