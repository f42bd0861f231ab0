/*
 * store_notify.c — the notifier's queries beside store_channel.c and
 * store_delivery.c: the channels the writer's outbox hook matches, the
 * digest a channel collects into, the claim that keeps one slow receiver
 * from holding the queue, and the scans for operator alerts (schema 008).
 *
 * On db.h: SQLite and PostgreSQL (issue 13); a db_sql pair where the
 * dialects differ (the claim's list of full channels, two alert scans).
 * Threads: the writer (the *_in calls, inside its group commit) and the
 * notifier thread (claim, scans), each on its own connection. The claim
 * takes row locks, not the write lock (on PostgreSQL: FOR UPDATE OF d
 * SKIP LOCKED), and a digest the writer reads is locked until its commit.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "utf8.h"
#include "xalloc.h"

int store_notify_channels_in(struct store *st, int64_t project_id, struct store_channel **out,
                             size_t *n)
{
	static const char sql[] = "SELECT " CHANNEL_COLS " FROM channels c"
	                          " JOIN projects p ON p.id = c.project_id"
	                          " WHERE c.project_id = ?1 AND c.enabled = 1 AND c.on_threats = 1"
	                          " ORDER BY c.id";

	return store_channel_select(st, sql, project_id, out, n);
}

int store_notify_digest_open_in(struct store *st, int64_t id, char **body)
{
	/* PostgreSQL: the row stays locked until the writer's commit, so the
	 * notifier's claim (on row locks, SKIP LOCKED) leaves it until the
	 * events folded into it are in; a claim already holding it makes
	 * this wait for its commit, then find the digest taken */
#define DIGEST_OPEN_SQL                                                                            \
	"SELECT body FROM deliveries WHERE id = ? AND kind = 'digest'"                             \
	" AND status = 'pending' AND attempts = 0"
	static const struct db_sql sql = {.sqlite = DIGEST_OPEN_SQL,
	                                  .postgres = DIGEST_OPEN_SQL " FOR UPDATE"};
#undef DIGEST_OPEN_SQL
	struct db_stmt *s = db_prepare2(st->conn, &sql);
	const char *t;
	int rc;

	*body = NULL;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE) {
		db_reset(s);
		return MOAT_ENOTFOUND;
	}
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	t = db_column_text(s, 0);
	*body = t ? xstrdup(t) : NULL;
	db_reset(s);
	return MOAT_OK;
}

int store_notify_digest_update_in(struct store *st, int64_t id, int64_t last_event_id,
                                  int64_t count, const char *body)
{
	static const char sql[] =
	    "UPDATE deliveries SET last_event_id = ?2, event_count = event_count + ?3,"
	    " event_id = COALESCE(event_id, ?2), body = ?4"
	    " WHERE id = ?1 AND status = 'pending' AND attempts = 0";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, last_event_id);
	db_bind_int64(s, 3, count);
	db_bind_text(s, 4, body);
	rc = db_step(s);
	if (rc)
		return rc;
	return db_changes(s) ? MOAT_OK : MOAT_ENOTFOUND;
}

/* Deliveries in flight for channel id per the caller's lists (0: none). */
static int claim_busy(const int64_t *busy, const int *busy_n, size_t nbusy, int64_t id)
{
	for (size_t i = 0; i < nbusy; i++)
		if (busy[i] == id)
			return busy_n[i];
	return 0;
}

int store_notify_claim(struct store *st, int64_t now_ms, int64_t lease_ms, int max,
                       const int64_t *busy, const int *busy_n, size_t nbusy, int per_channel,
                       struct store_delivery_job **out, size_t *n)
{
	/* the channels at their limit come as a JSON array of ids. The
	 * claim runs on row locks (store_begin_rows): on PostgreSQL the rows
	 * it selects are locked (FOR UPDATE OF d) and rows another claim or
	 * the writer holds are skipped (SKIP LOCKED), so claims on several
	 * moatd never take one delivery twice and wait for no writer; on
	 * SQLite BEGIN IMMEDIATE excludes every other writer
	 * (docs/ARCHITECTURE.md, "Two engines") */
	static const struct db_sql sql = {
	    .sqlite = "SELECT " DELIVERY_COLS ", COALESCE(c.secret, ''), " CHANNEL_COLS
	              " FROM deliveries d JOIN channels c ON c.id = d.channel_id"
	              " JOIN projects p ON p.id = c.project_id"
	              " WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= ?1"
	              " AND c.enabled = 1"
	              " AND d.channel_id NOT IN (SELECT value FROM json_each(?3))"
	              " ORDER BY d.next_attempt_at, d.id LIMIT ?2",
	    .postgres =
	        "SELECT " DELIVERY_COLS ", COALESCE(c.secret, ''), " CHANNEL_COLS
	        " FROM deliveries d JOIN channels c ON c.id = d.channel_id"
	        " JOIN projects p ON p.id = c.project_id"
	        " WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= ?1"
	        " AND c.enabled = 1"
	        " AND d.channel_id NOT IN"
	        "  (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(?3 AS JSON)))"
	        " ORDER BY d.next_attempt_at, d.id LIMIT ?2 FOR UPDATE OF d SKIP LOCKED"};
	static const char upd[] = "UPDATE deliveries SET attempts = attempts + 1,"
	                          " next_attempt_at = ? WHERE id = ?";
	struct store_delivery_job *arr = NULL;
	struct buf full;
	size_t cap = 0, cnt = 0;
	struct db_stmt *s;
	int rc;

	*out = NULL;
	*n = 0;
	if (max <= 0)
		return MOAT_OK;
	/* the channels at their limit, as a JSON array for json_each */
	buf_init(&full, 64 + nbusy * 24);
	buf_append_str(&full, "[");
	for (size_t i = 0; i < nbusy; i++)
		if (busy_n[i] >= per_channel)
			buf_printf(&full, "%s%lld", full.len > 1 ? "," : "", (long long)busy[i]);
	buf_append_str(&full, "]");
	rc = store_begin_rows(st);
	if (rc) {
		buf_cleanup(&full);
		return rc;
	}
	s = db_prepare2(st->conn, &sql);
	if (!s) {
		store_rollback(st);
		buf_cleanup(&full);
		return MOAT_EDB;
	}
	db_bind_int64(s, 1, now_ms);
	db_bind_int64(s, 2, max * per_channel);
	db_bind_text(s, 3, full.data); /* buf keeps data NUL-terminated */
	while ((rc = db_step(s)) == DB_ROW && cnt < (size_t)max) {
		struct store_delivery_job *j;
		int64_t ch = db_column_int64(s, 2);
		int taken = claim_busy(busy, busy_n, nbusy, ch);

		for (size_t i = 0; i < cnt; i++)
			taken += arr[i].d.channel_id == ch;
		if (taken >= per_channel)
			continue;
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		j = &arr[cnt++];
		store_delivery_row(s, &j->d);
		store_text(s, DELIVERY_NCOLS, j->secret, sizeof j->secret);
		store_channel_row_at(s, DELIVERY_NCOLS + 1, &j->c);
	}
	db_reset(s);
	buf_cleanup(&full);
	rc = rc == DB_DONE || rc == DB_ROW ? MOAT_OK : rc;
	for (size_t i = 0; !rc && i < cnt; i++) {
		struct db_stmt *u = db_prepare(st->conn, upd);

		if (!u) {
			rc = MOAT_EDB;
			break;
		}
		arr[i].d.attempts++;
		arr[i].d.next_attempt_at = now_ms + lease_ms;
		db_bind_int64(u, 1, now_ms + lease_ms);
		db_bind_int64(u, 2, arr[i].d.id);
		rc = db_step(u);
	}
	if (!rc)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (rc) {
		store_delivery_jobs_free(arr, cnt);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_notify_alert_once_in(struct store *st, int64_t channel_id, const char *key, int64_t now,
                               int *fresh)
{
	static const char sql[] = "INSERT INTO notify_alerts(channel_id, key, at) VALUES (?, ?, ?) "
	                          "ON CONFLICT DO NOTHING";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*fresh = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, channel_id);
	db_bind_text(s, 2, key);
	db_bind_int64(s, 3, now);
	rc = db_step(s);
	if (!rc)
		*fresh = db_changes(s) > 0;
	return rc;
}

/* Runs an alert scan (this engine's text sql): columns project_id,
 * env_id, env name, key, message, since; a1 bound to ?1 when nparams >= 1
 * (nothing else is bound). */
static int alert_scan(struct store *st, const char *sql, int nparams, int64_t a1,
                      struct store_notify_alert **out, size_t *n)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_notify_alert *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	if (nparams >= 1)
		db_bind_int64(s, 1, a1);
	while ((rc = db_step(s)) == DB_ROW && cnt < 1000) {
		struct store_notify_alert *a;
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		a = &arr[cnt++];
		memset(a, 0, sizeof *a);
		a->project_id = db_column_int64(s, 0);
		a->env_id = db_column_int64(s, 1);
		store_text(s, 2, a->env, sizeof a->env);
		store_text(s, 3, a->key, sizeof a->key);
		store_text(s, 4, a->message, sizeof a->message);
		a->since = db_column_int64(s, 5);
	}
	db_reset(s);
	if (rc != DB_DONE && rc != DB_ROW) {
		free(arr);
		return rc; /* a negative moat_err */
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_notify_scan_policy_failed(struct store *st, struct store_notify_alert **out, size_t *n)
{
	/* one occurrence per agent and error text (the text names the
	 * version): its hex (upper case on both engines) keeps the key short
	 * enough and exact */
#define POLICY_FAILED_SQL(HEX)                                                                     \
	"SELECT a.project_id, a.environment_id, e.name,"                                           \
	" 'policy_failed:' || a.id || ':' || substr(" HEX ", 1, 100),"                             \
	" 'Agent ' || a.agent_id || ' on ' || a.hostname || ' could not apply the policy: '"       \
	" || a.policy_error, a.last_seen_at"                                                       \
	" FROM agents a JOIN environments e ON e.id = a.environment_id"                            \
	" WHERE a.policy_error IS NOT NULL ORDER BY a.id"
	static const struct db_sql sql = {
	    .sqlite = POLICY_FAILED_SQL("hex(a.policy_error)"),
	    .postgres =
	        POLICY_FAILED_SQL("upper(encode(convert_to(a.policy_error, 'UTF8'), 'hex'))")};
#undef POLICY_FAILED_SQL

	return alert_scan(st, db_text(st->conn, &sql), 0, 0, out, n);
}

int store_notify_scan_env_offline(struct store *st, int64_t now, int64_t grace_s,
                                  struct store_notify_alert **out, size_t *n)
{
	/* the time in the message as RFC 3339 UTC on both engines (the
	 * PostgreSQL session's time zone is UTC) */
#define ENV_OFFLINE_SQL(TIME)                                                                      \
	"SELECT e.project_id, e.id, e.name, 'env_offline:' || e.id || ':' || max(a.last_seen_at)," \
	" 'Every agent of ' || e.name || ' is offline (' || count(*) || ' known, the last seen "   \
	"at '"                                                                                     \
	" || " TIME " || ')', max(a.last_seen_at)"                                                 \
	" FROM agents a JOIN environments e ON e.id = a.environment_id"                            \
	" GROUP BY e.id HAVING max(a.online) = 0 AND max(a.last_seen_at) <= ?1"
	static const struct db_sql sql = {
	    .sqlite =
	        ENV_OFFLINE_SQL("strftime('%Y-%m-%dT%H:%M:%SZ', max(a.last_seen_at), 'unixepoch')"),
	    .postgres = ENV_OFFLINE_SQL("to_char(to_timestamp(max(a.last_seen_at)) AT TIME ZONE "
	                                "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")};
#undef ENV_OFFLINE_SQL

	return alert_scan(st, db_text(st->conn, &sql), 1, now - grace_s, out, n);
}

int store_notify_scan_rollouts(struct store *st, struct store_notify_alert **out, size_t *n)
{
	/* grouped by v.id too: PostgreSQL takes v's columns as functionally
	 * dependent on its key only (one version per environment here) */
	static const char sql[] =
	    "SELECT e.project_id, e.id, e.name, 'rollout_stalled:' || e.id || ':' || v.version,"
	    " 'Policy version ' || v.version || ' of ' || e.name || ' is not applied by '"
	    " || count(*) || ' online agent(s) yet', v.created_at"
	    " FROM environments e"
	    " JOIN policy_versions v ON v.environment_id = e.id AND v.version ="
	    "  (SELECT max(version) FROM policy_versions WHERE environment_id = e.id)"
	    " JOIN agents a ON a.environment_id = e.id AND a.online = 1"
	    "  AND a.policy_version <> v.version"
	    " GROUP BY e.id, v.id";

	return alert_scan(st, sql, 0, 0, out, n);
}

int store_notify_event_uid(struct store *st, int64_t id, int64_t *project_id, char uid[40])
{
	static const char sql[] = "SELECT project_id, event_uid FROM events WHERE id = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	uid[0] = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE) {
		db_reset(s);
		return MOAT_ENOTFOUND;
	}
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*project_id = db_column_int64(s, 0);
	store_text(s, 1, uid, 40);
	db_reset(s);
	return MOAT_OK;
}

int store_notify_purge(struct store *st, int64_t before_ms, int limit, int64_t *n)
{
	static const char sql[] =
	    "DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries"
	    " WHERE status IN ('delivered', 'dead') AND created_at < ?1 ORDER BY id LIMIT ?2)";
	struct db_stmt *s;
	int rc;

	*n = 0;
	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, before_ms);
	db_bind_int64(s, 2, limit);
	rc = db_step(s);
	if (!rc)
		*n = db_changes(s);
	if (!rc)
		rc = store_commit(st);
	else
		store_rollback(st);
	return rc;
}
