/*
 * store_event.c — writing threat events: insert with deduplication on the
 * agent's event id, and the retention purge. Only the writer thread calls
 * these. Thread: the writer's connection.
 */
#include "store_int.h"

#include "err.h"
#include "event.h"

int store_event_insert(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                       const struct event *e, int64_t received_ms, int *inserted)
{
	static const char sql[] =
	    "INSERT INTO events(project_id, environment_id, event_uid, agent_id, ts, received_at,"
	    " interceptor, action, severity, confidence, source_ip, method, endpoint, payload,"
	    " payload_len, payload_truncated, operation, operation_len, operation_truncated, file,"
	    " line, function, rule, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(project_id, event_uid) DO NOTHING";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	*inserted = 0;
	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 1, project_id);
	sqlite3_bind_int64(s, 2, env_id);
	sqlite3_bind_text(s, 3, e->uid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, agent_id ? agent_id : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, e->ts_ms);
	sqlite3_bind_int64(s, 6, received_ms);
	sqlite3_bind_text(s, 7, e->interceptor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, e->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 9, e->severity, -1, SQLITE_STATIC);
	if (e->has_confidence)
		sqlite3_bind_double(s, 10, e->confidence);
	sqlite3_bind_text(s, 11, e->source_ip, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, e->method, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 13, e->endpoint, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 14, e->payload, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 15, e->payload_len);
	sqlite3_bind_int(s, 16, e->payload_truncated);
	sqlite3_bind_text(s, 17, e->operation, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 18, e->operation_len);
	sqlite3_bind_int(s, 19, e->operation_truncated);
	sqlite3_bind_text(s, 20, e->file, -1, SQLITE_STATIC);
	if (e->has_line)
		sqlite3_bind_int64(s, 21, e->line);
	sqlite3_bind_text(s, 22, e->function, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 23, e->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 24, e->details, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		rc = store_err(st, rc);
		sqlite3_reset(s);
		return rc;
	}
	*inserted = sqlite3_changes(st->db) > 0;
	sqlite3_reset(s);
	return MOAT_OK;
}

int store_event_purge(struct store *st, int64_t cutoff_ms, int limit, int64_t *n)
{
	static const char sql[] = "DELETE FROM events WHERE id IN (SELECT id FROM events"
	                          " WHERE received_at < ? ORDER BY received_at LIMIT ?)";
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	rc = store_begin(st);
	if (rc)
		return rc;
	s = store_stmt(st, sql);
	if (!s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	sqlite3_bind_int64(s, 1, cutoff_ms);
	sqlite3_bind_int(s, 2, limit);
	rc = store_err(st, sqlite3_step(s));
	if (rc) {
		store_rollback(st);
		return rc;
	}
	*n = sqlite3_changes(st->db);
	return store_commit(st);
}
