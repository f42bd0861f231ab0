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

static void token_row(struct db_stmt *s, struct store_token *t)
{
	char kind[8];

	t->id = db_column_int64(s, 0);
	store_text(s, 1, kind, sizeof kind);
	t->kind = token_kind_from_name(kind);
	store_text(s, 2, t->name, sizeof t->name);
	store_text(s, 3, t->prefix, sizeof t->prefix);
	t->project_id = db_column_int64(s, 4);
	store_text(s, 5, t->project_slug, sizeof t->project_slug);
	t->user_id = db_column_int64(s, 6);
	store_text(s, 7, t->created_by, sizeof t->created_by);
	t->created_at = db_column_int64(s, 8);
	t->expires_at = db_column_int64(s, 9);
	t->last_used_at = db_column_int64(s, 10);
	t->revoked_at = db_column_int64(s, 11);
	t->project_archived = (int)db_column_int64(s, 12);
}

static int token_get(struct store *st, int64_t id, struct store_token *out)
{
	static const char sql[] = "SELECT " TOKEN_COLS " FROM tokens t"
	                          " LEFT JOIN projects p ON p.id = t.project_id WHERE t.id = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	token_row(s, out);
	return MOAT_OK;
}

int store_token_create(struct store *st, const struct actor *a, int kind, const char *name,
                       const char *prefix, const char *token_hash, int64_t project_id,
                       int64_t user_id, int64_t expires_at, struct store_token *out)
{
	static const char sql[] =
	    "INSERT INTO tokens(kind, name, prefix, token_hash, project_id, user_id,"
	    " created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id";
	struct store_project p;
	struct db_stmt *s;
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
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_text(s, 1, token_kind_name(kind));
	db_bind_text(s, 2, name);
	db_bind_text(s, 3, prefix);
	db_bind_text(s, 4, token_hash);
	if (project_id)
		db_bind_int64(s, 5, project_id);
	else
		db_bind_null(s, 5);
	if (user_id)
		db_bind_int64(s, 6, user_id);
	else
		db_bind_null(s, 6);
	db_bind_text(s, 7, a->label[0] ? a->label : "system");
	db_bind_int64(s, 8, timefmt_now());
	if (expires_at)
		db_bind_int64(s, 9, expires_at);
	else
		db_bind_null(s, 9);
	rc = db_step(s);
	if (rc != DB_ROW) {
		rc = rc < 0 ? rc : MOAT_EDB;
		goto fail;
	}
	id = db_column_int64(s, 0);
	db_reset(s);
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
	                          " AND t.user_id IS NOT DISTINCT FROM ?2) ORDER BY t.id";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_token *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	if (user_id)
		db_bind_int64(s, 2, user_id);
	while ((rc = db_step(s)) == DB_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		token_row(s, &arr[cnt++]);
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
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
	struct db_stmt *s;
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
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_int64(s, 1, timefmt_now());
	db_bind_int64(s, 2, id);
	rc = db_step(s);
	if (!rc)
		rc = store_audit_json(
		    st, a, "token.revoke", t.name, t.project_slug[0] ? t.project_slug : NULL,
		    json_pack("{s:I, s:s}", "id", (json_int_t)id, "prefix", t.prefix));
	if (!rc) /* the other instances' token caches (cluster.c) */
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

int store_token_lookup(struct store *st, const char *token_hash, int64_t now,
                       struct store_token *out)
{
	static const char sql[] = "SELECT " TOKEN_COLS " FROM tokens t"
	                          " LEFT JOIN projects p ON p.id = t.project_id"
	                          " WHERE t.token_hash = ?";
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
	token_row(s, out);
	db_reset(s);
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
	struct db_stmt *s;
	int rc;

	*n = 0;
	if (!st)
		return MOAT_EDB;
	s = db_prepare(st->conn, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, since);
	db_bind_int64(s, 2, now);
	db_bind_int64(s, 3, max);
	db_bind_int64(s, 4, after_id);
	while ((rc = db_step(s)) == DB_ROW && *n < max)
		ids[(*n)++] = db_column_int64(s, 0);
	store_idle(st);
	return rc == DB_DONE || rc == DB_ROW ? MOAT_OK : rc;
}
