/*
 * store_user.c — users and their sessions. Sessions are found by the
 * SHA-256 of their cookie; the cookie itself is never stored.
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <string.h>

#include "auth_cache.h"
#include "err.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

#define USER_COLS                                                                                  \
	"id, email, name, role, disabled, created_at, COALESCE(last_login_at, 0), password_hash"

static void user_row(struct db_stmt *s, int off, struct store_user *u)
{
	u->id = db_column_int64(s, off + 0);
	store_text(s, off + 1, u->email, sizeof u->email);
	store_text(s, off + 2, u->name, sizeof u->name);
	store_text(s, off + 3, u->role, sizeof u->role);
	u->disabled = (int)db_column_int64(s, off + 4);
	u->created_at = db_column_int64(s, off + 5);
	u->last_login_at = db_column_int64(s, off + 6);
	store_text(s, off + 7, u->password_hash, sizeof u->password_hash);
}

int store_user_count(struct store *st, int64_t *out)
{
	static const char sql[] = "SELECT COUNT(*) FROM users";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*out = db_column_int64(s, 0);
	return MOAT_OK;
}

static int user_get_where(struct store *st, const char *sql, int64_t id, const char *email,
                          struct store_user *out)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	if (email)
		db_bind_text(s, 1, email);
	else
		db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	user_row(s, 0, out);
	return MOAT_OK;
}

int store_user_get(struct store *st, int64_t id, struct store_user *out)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users WHERE id = ?";
	return user_get_where(st, sql, id, NULL, out);
}

int store_user_get_by_email(struct store *st, const char *email, struct store_user *out)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users WHERE email = ?";
	return user_get_where(st, sql, 0, email, out);
}

int store_user_create(struct store *st, const struct actor *a, const char *email, const char *name,
                      const char *password_hash, const char *role, struct store_user *out)
{
	static const char sql[] =
	    "INSERT INTO users(email, name, password_hash, role, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
	int64_t now = timefmt_now(), id;
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_text(s, 1, email);
	db_bind_text(s, 2, name ? name : "");
	db_bind_text(s, 3, password_hash);
	db_bind_text(s, 4, role);
	db_bind_int64(s, 5, now);
	db_bind_int64(s, 6, now);
	rc = db_step(s);
	if (rc != DB_ROW) {
		rc = rc < 0 ? rc : MOAT_EDB;
		goto fail;
	}
	id = db_column_int64(s, 0);
	db_reset(s);
	rc = store_audit_json(st, a, "user.create", email, NULL,
	                      json_pack("{s:I, s:s}", "id", (json_int_t)id, "role", role));
	if (rc)
		goto fail;
	rc = store_commit(st);
	if (rc)
		return rc;
	return store_user_get(st, id, out);
fail:
	store_rollback(st);
	return rc;
}

int store_user_list(struct store *st, struct store_user **out, size_t *n)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users ORDER BY id";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_user *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	while ((rc = db_step(s)) == DB_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		user_row(s, 0, &arr[cnt]);
		arr[cnt].password_hash[0] = '\0';
		cnt++;
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

static int user_enabled_admins(struct store *st, int64_t *out)
{
	static const char sql[] =
	    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*out = db_column_int64(s, 0);
	return MOAT_OK;
}

static int user_revoke_sessions(struct store *st, int64_t user_id, int64_t keep)
{
	static const char sql[] = "UPDATE sessions SET revoked_at = ? WHERE user_id = ?"
	                          " AND id <> ? AND revoked_at IS NULL";
	struct db_stmt *s = db_prepare(st->conn, sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, timefmt_now());
	db_bind_int64(s, 2, user_id);
	db_bind_int64(s, 3, keep);
	return db_step(s);
}

int store_user_update(struct store *st, const struct actor *a, int64_t id, const char *name,
                      const char *role, int disabled, struct store_user *out)
{
	static const char sql[] =
	    "UPDATE users SET name = COALESCE(?1, name), role = COALESCE(?2, role),"
	    " disabled = CASE WHEN ?3 < 0 THEN disabled ELSE ?3 END, updated_at = ?4"
	    " WHERE id = ?5";
	struct store_user before;
	int64_t admins = 0;
	json_t *details;
	struct db_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_user_get(st, id, &before);
	if (rc)
		goto fail;
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_text(s, 1, name);
	db_bind_text(s, 2, role);
	db_bind_int64(s, 3, disabled);
	db_bind_int64(s, 4, timefmt_now());
	db_bind_int64(s, 5, id);
	rc = db_step(s);
	if (rc)
		goto fail;
	rc = user_enabled_admins(st, &admins);
	if (rc)
		goto fail;
	if (admins == 0) {
		rc = MOAT_ELASTADMIN;
		goto fail;
	}
	if (disabled == 1 && !before.disabled) {
		rc = user_revoke_sessions(st, id, 0);
		if (rc)
			goto fail;
	}
	details = json_pack("{s:I}", "id", (json_int_t)id);
	if (name)
		json_object_set_new(details, "name", json_string(name));
	if (role)
		json_object_set_new(details, "role", json_string(role));
	if (disabled >= 0)
		json_object_set_new(details, "disabled", json_boolean(disabled));
	rc = store_audit_json(st, a, "user.update", before.email, NULL, details);
	if (!rc) /* the other instances' token caches (cluster.c) */
		rc = store_cluster_auth_tx(st);
	if (rc)
		goto fail;
	rc = store_commit(st);
	auth_epoch_bump(); /* after the commit: no cached credential outlives it */
	if (rc)
		return rc;
	return store_user_get(st, id, out);
fail:
	store_rollback(st);
	return rc;
}

int store_user_set_password(struct store *st, const struct actor *a, int64_t id,
                            const char *password_hash, int64_t keep_session)
{
	static const char sql[] = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
	struct store_user u;
	struct db_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_user_get(st, id, &u);
	if (rc)
		goto fail;
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_text(s, 1, password_hash);
	db_bind_int64(s, 2, timefmt_now());
	db_bind_int64(s, 3, id);
	rc = db_step(s);
	if (!rc)
		rc = user_revoke_sessions(st, id, keep_session);
	if (!rc)
		rc = store_audit_json(st, a, "user.password", u.email, NULL, NULL);
	if (!rc)
		rc = store_cluster_auth_tx(st);
	if (rc)
		goto fail;
	rc = store_commit(st);
	auth_epoch_bump(); /* after the commit: no cached credential outlives it */
	return rc;
fail:
	store_rollback(st);
	return rc;
}

int store_user_login_ok(struct store *st, const struct actor *a, int64_t id)
{
	static const char sql[] = "UPDATE users SET last_login_at = ? WHERE id = ?";
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, timefmt_now());
	db_bind_int64(s, 2, id);
	rc = db_step(s);
	if (!rc)
		rc = store_audit_json(st, a, "auth.login", a->label, NULL, NULL);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int store_session_create(struct store *st, int64_t user_id, const char *token_hash, int64_t now,
                         int64_t expires_at, const char *ip, const char *ua, int64_t *id_out)
{
	static const char sql[] =
	    "INSERT INTO sessions(token_hash, user_id, created_at, last_seen_at, expires_at,"
	    " ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
	static const char sql_gc[] = "DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?";
	struct db_stmt *s;
	char agent[201];
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	/* sweep dead sessions now and then, in the same short transaction */
	s = db_prepare(st->conn, sql_gc);
	if (s) {
		db_bind_int64(s, 1, now - 86400);
		db_bind_int64(s, 2, now - 86400);
		db_step(s);
	}
	s = db_prepare(st->conn, sql);
	if (!s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	db_bind_text(s, 1, token_hash);
	db_bind_int64(s, 2, user_id);
	db_bind_int64(s, 3, now);
	db_bind_int64(s, 4, now);
	db_bind_int64(s, 5, expires_at);
	db_bind_text(s, 6, ip ? ip : "");
	/* the first 200 bytes, cut on a character boundary */
	ua = ua ? ua : "";
	utf8_copy(agent, sizeof agent, ua, NULL);
	db_bind_text(s, 7, agent);
	rc = db_step(s);
	if (rc != DB_ROW) {
		store_rollback(st);
		return rc < 0 ? rc : MOAT_EDB;
	}
	*id_out = db_column_int64(s, 0);
	db_reset(s);
	return store_commit(st);
}

#define SESSION_SELECT                                                                             \
	"SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at,"                      \
	" u.id, u.email, u.name, u.role, u.disabled, u.created_at,"                                \
	" COALESCE(u.last_login_at, 0), ''"                                                        \
	" FROM sessions s JOIN users u ON u.id = s.user_id"

static void session_row(struct db_stmt *s, struct store_session *ses, struct store_user *u)
{
	ses->id = db_column_int64(s, 0);
	ses->user_id = db_column_int64(s, 1);
	ses->created_at = db_column_int64(s, 2);
	ses->last_seen_at = db_column_int64(s, 3);
	ses->expires_at = db_column_int64(s, 4);
	user_row(s, 5, u);
}

/* The one rule for a session that has not been revoked: its user is
 * enabled, it is not past its end, and it was used within idle_s. */
static int session_live(const struct store_session *ses, const struct store_user *u, int64_t now,
                        int64_t idle_s)
{
	return !u->disabled && now < ses->expires_at && now - ses->last_seen_at <= idle_s;
}

int store_session_lookup(struct store *st, const char *token_hash, int64_t now, int64_t idle_s,
                         struct store_session *ses, struct store_user *u)
{
	static const char sql[] = SESSION_SELECT " WHERE s.token_hash = ? AND s.revoked_at IS NULL";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_text(s, 1, token_hash);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_EAUTH;
	if (rc != DB_ROW)
		return rc;
	session_row(s, ses, u);
	db_reset(s);
	if (!session_live(ses, u, now, idle_s))
		return MOAT_EAUTH;
	if (now - ses->last_seen_at >= 60) {
		st->touch_session_id = ses->id; /* written by store_idle() */
		st->touch_now = now;
	}
	return MOAT_OK;
}

int store_session_revoke(struct store *st, const struct actor *a, int64_t id)
{
	static const char sql[] = "UPDATE sessions SET revoked_at = ? WHERE id = ?";
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, timefmt_now());
	db_bind_int64(s, 2, id);
	rc = db_step(s);
	if (!rc)
		rc = store_audit_json(st, a, "auth.logout", a->label, NULL, NULL);
	if (!rc)
		rc = store_cluster_auth_tx(st);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	auth_epoch_bump(); /* after the commit: live feeds of the session check it now */
	return rc;
}

int store_session_alive(struct store *st, int64_t id, int64_t now, int64_t idle_s,
                        struct store_session *ses, struct store_user *u)
{
	static const char sql[] = SESSION_SELECT " WHERE s.id = ? AND s.revoked_at IS NULL";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE) {
		db_reset(s);
		return MOAT_EAUTH;
	}
	if (rc != DB_ROW)
		return rc;
	session_row(s, ses, u);
	db_reset(s);
	return session_live(ses, u, now, idle_s) ? MOAT_OK : MOAT_EAUTH;
}
