/*
 * store_token.c — API tokens (agent, ci, admin). Only SHA-256(token) is
 * stored; a listing shows the display prefix. last_used_at is refreshed
 * at most once a minute so that authentication stays a read.
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <string.h>

#include "auth_cache.h"
#include "err.h"
#include "timefmt.h"
#include "token.h"
#include "xalloc.h"

#define TOKEN_COLS                                                                                 \
	"t.id, t.kind, t.name, t.prefix, COALESCE(t.project_id, 0), COALESCE(p.slug, ''),"         \
	" COALESCE(t.user_id, 0), t.created_by, t.created_at, COALESCE(t.expires_at, 0),"          \
	" COALESCE(t.last_used_at, 0), COALESCE(t.revoked_at, 0), p.archived_at IS NOT NULL"

static void token_row(sqlite3_stmt *s, struct store_token *t)
{
	char kind[8];

	t->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, kind, sizeof kind);
	t->kind = token_kind_from_name(kind);
	store_col_text(s, 2, t->name, sizeof t->name);
	store_col_text(s, 3, t->prefix, sizeof t->prefix);
	t->project_id = sqlite3_column_int64(s, 4);
	store_col_text(s, 5, t->project_slug, sizeof t->project_slug);
	t->user_id = sqlite3_column_int64(s, 6);
	store_col_text(s, 7, t->created_by, sizeof t->created_by);
	t->created_at = sqlite3_column_int64(s, 8);
	t->expires_at = sqlite3_column_int64(s, 9);
	t->last_used_at = sqlite3_column_int64(s, 10);
	t->revoked_at = sqlite3_column_int64(s, 11);
	t->project_archived = sqlite3_column_int(s, 12);
}

static int token_get(struct store *st, int64_t id, struct store_token *out)
{
	static const char sql[] = "SELECT " TOKEN_COLS " FROM tokens t"
	                          " LEFT JOIN projects p ON p.id = t.project_id WHERE t.id = ?";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE)
		return MOAT_ENOTFOUND;
	if (rc != SQLITE_ROW)
		return store_err(st, rc);
	token_row(s, out);
	return MOAT_OK;
}

int store_token_create(struct store *st, const struct actor *a, int kind, const char *name,
                       const char *prefix, const char *token_hash, int64_t project_id,
                       int64_t user_id, int64_t expires_at, struct store_token *out)
{
	static const char sql[] =
	    "INSERT INTO tokens(kind, name, prefix, token_hash, project_id, user_id,"
	    " created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct store_project p;
	sqlite3_stmt *s;
	int64_t id;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	p.slug[0] = '\0';
	if (project_id) {
		rc = store_project_get_id(st, project_id, &p);
		if (!rc && p.archived_at)
			rc = MOAT_EARCHIVED;
		if (rc)
			goto fail;
	}
	s = store_stmt(st, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	sqlite3_bind_text(s, 1, token_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, token_hash, -1, SQLITE_TRANSIENT);
	if (project_id)
		sqlite3_bind_int64(s, 5, project_id);
	else
		sqlite3_bind_null(s, 5);
	if (user_id)
		sqlite3_bind_int64(s, 6, user_id);
	else
		sqlite3_bind_null(s, 6);
	sqlite3_bind_text(s, 7, a->label[0] ? a->label : "system", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 8, timefmt_now());
	if (expires_at)
		sqlite3_bind_int64(s, 9, expires_at);
	else
		sqlite3_bind_null(s, 9);
	rc = store_err(st, sqlite3_step(s));
	if (rc)
		goto fail;
	id = sqlite3_last_insert_rowid(st->db);
	rc = store_audit_json(st, a, "token.create", name, project_id ? p.slug : NULL,
	                      json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "kind",
	                                token_kind_name(kind), "prefix", prefix));
	if (rc)
		goto fail;
	rc = store_commit(st);
	if (rc)
		return rc;
	return token_get(st, id, out);
fail:
	store_rollback(st);
	return rc;
}

int store_token_list(struct store *st, int64_t project_id, int64_t user_id,
                     struct store_token **out, size_t *n)
{
	static const char sql[] = "SELECT " TOKEN_COLS " FROM tokens t"
	                          " LEFT JOIN projects p ON p.id = t.project_id WHERE"
	                          " (?1 > 0 AND t.project_id = ?1) OR (?1 = 0 AND t.kind = 'admin'"
	                          " AND t.user_id IS ?2) ORDER BY t.id";
	sqlite3_stmt *s = store_stmt(st, sql);
	struct store_token *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 1, project_id);
	if (user_id)
		sqlite3_bind_int64(s, 2, user_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		token_row(s, &arr[cnt++]);
	}
	if (rc != SQLITE_DONE) {
		free(arr);
		return store_err(st, rc);
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_token_revoke(struct store *st, const struct actor *a, int64_t id, int64_t project_id,
                       int64_t user_id)
{
	static const char sql[] = "UPDATE tokens SET revoked_at = ? WHERE id = ?"
	                          " AND revoked_at IS NULL";
	struct store_token t;
	sqlite3_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = token_get(st, id, &t);
	if (rc)
		goto fail;
	if (project_id ? t.project_id != project_id
	               : (t.kind != TOKEN_ADMIN || t.user_id != user_id)) {
		rc = MOAT_ENOTFOUND;
		goto fail;
	}
	s = store_stmt(st, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, timefmt_now());
	sqlite3_bind_int64(s, 2, id);
	rc = store_err(st, sqlite3_step(s));
	if (!rc)
		rc = store_audit_json(
		    st, a, "token.revoke", t.name, t.project_slug[0] ? t.project_slug : NULL,
		    json_pack("{s:I, s:s}", "id", (json_int_t)id, "prefix", t.prefix));
	if (rc)
		goto fail;
	rc = store_commit(st);
	auth_epoch_bump(); /* after the commit: no cached credential outlives it */
	return rc;
fail:
	store_rollback(st);
	return rc;
}

int store_token_lookup(struct store *st, const char *token_hash, int64_t now,
                       struct store_token *out)
{
	static const char sql[] = "SELECT " TOKEN_COLS " FROM tokens t"
	                          " LEFT JOIN projects p ON p.id = t.project_id"
	                          " WHERE t.token_hash = ?";
	sqlite3_stmt *s = store_stmt(st, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	sqlite3_bind_text(s, 1, token_hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE)
		return MOAT_EAUTH;
	if (rc != SQLITE_ROW)
		return store_err(st, rc);
	token_row(s, out);
	sqlite3_reset(s);
	if (out->revoked_at || (out->expires_at && now >= out->expires_at))
		return MOAT_EAUTH;
	if (now - out->last_used_at >= 60) {
		st->touch_token_id = out->id; /* written by store_idle() */
		st->touch_now = now;
		out->last_used_at = now;
	}
	return MOAT_OK;
}

int store_tokens_revoked_since(struct store *st, int64_t since, int64_t now, int64_t after_id,
                               int64_t *ids, int max, int *n)
{
	static const char sql[] =
	    "SELECT t.id FROM tokens t LEFT JOIN projects p ON p.id = t.project_id"
	    " WHERE t.kind = 'agent' AND (t.revoked_at >= ?1"
	    " OR (t.expires_at > ?1 AND t.expires_at <= ?2) OR p.archived_at >= ?1) AND t.id > ?4 "
	    "ORDER BY t.id LIMIT ?3";
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	if (!st)
		return MOAT_EDB;
	s = store_stmt(st, sql);
	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int(s, 3, max);
	sqlite3_bind_int64(s, 4, after_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		ids[(*n)++] = sqlite3_column_int64(s, 0);
	store_idle(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? MOAT_OK : store_err(st, rc);
}
