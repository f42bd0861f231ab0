/*
 * store_ticket.c — the live feed's one-time tickets in the database
 * (schema 012), so that a ticket issued through one moatd is redeemed
 * through any, once (issue 13); see store.h ("live-feed tickets"). Only
 * the SHA-256 hex of a ticket is stored, as for every other secret.
 *
 * Issuing counts the user's unused tickets and adds one in a write
 * transaction (the write lock: two instances cannot both see room for
 * the last one), deleting a few expired tickets of anyone first, so the
 * table holds at most the cap per user of live tickets and a little
 * more. Redeeming is one DELETE … RETURNING in a transaction on row
 * locks (db_begin_rows): of two connections redeeming one ticket at
 * once, the second finds it gone.
 *
 * Threads: HTTP workers issue, the WebSocket service thread redeems,
 * each on its own connection.
 */
#include "store_int.h"

#include "err.h"

int store_ticket_issue(struct store *st, const char *hash, int64_t user_id, int64_t session_id,
                       int64_t project_id, int64_t now, int ttl_s, int per_user, int *retry_after)
{
	static const char gc[] = "DELETE FROM live_tickets WHERE hash IN (SELECT hash"
	                         " FROM live_tickets WHERE expires_at <= ?1"
	                         " ORDER BY expires_at LIMIT 16)";
	static const char held[] = "SELECT COUNT(*), COALESCE(MIN(expires_at), 0) FROM live_tickets"
	                           " WHERE user_id = ?1 AND expires_at > ?2";
	static const char ins[] = "INSERT INTO live_tickets(hash, user_id, session_id, project_id,"
	                          " expires_at) VALUES (?, ?, ?, ?, ?)";
	struct db_stmt *s;
	int rc;

	*retry_after = 0;
	rc = store_begin_q(st, gc, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, now);
	rc = db_step(s);
	if (rc)
		goto fail;
	s = db_prepare(st->conn, held);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_int64(s, 1, user_id);
	db_bind_int64(s, 2, now);
	rc = db_step(s);
	if (rc != DB_ROW) {
		rc = rc < 0 ? rc : MOAT_EDB;
		goto fail;
	}
	if (db_column_int64(s, 0) >= per_user) {
		int64_t wait = db_column_int64(s, 1) - now;
		store_rollback(st);
		*retry_after = wait < 1 ? 1 : (int)wait;
		return *retry_after;
	}
	db_reset(s);
	s = db_prepare(st->conn, ins);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_text(s, 1, hash);
	db_bind_int64(s, 2, user_id);
	db_bind_int64(s, 3, session_id);
	db_bind_int64(s, 4, project_id);
	db_bind_int64(s, 5, now + ttl_s);
	rc = db_step(s);
	if (rc)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc < 0 ? rc : MOAT_EDB;
}

int store_ticket_take(struct store *st, const char *hash, int64_t now, int64_t *user_id,
                      int64_t *project_id, int64_t *session_id)
{
	static const char sql[] = "DELETE FROM live_tickets WHERE hash = ?1 AND expires_at > ?2"
	                          " RETURNING user_id, project_id, session_id";
	struct db_stmt *s;
	int rc;

	rc = store_begin_rows(st);
	if (rc)
		return rc;
	s = db_prepare(st->conn, sql);
	if (!s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	db_bind_text(s, 1, hash);
	db_bind_int64(s, 2, now);
	rc = db_step(s);
	if (rc == DB_ROW) {
		*user_id = db_column_int64(s, 0);
		*project_id = db_column_int64(s, 1);
		*session_id = db_column_int64(s, 2);
		db_reset(s);
		return store_commit(st);
	}
	store_rollback(st);
	return rc == DB_DONE ? MOAT_ENOTFOUND : rc;
}
