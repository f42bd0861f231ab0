/*
 * store_audit.c — the append-only audit log: who did what, when, from
 * where. Rows are written inside the transaction of the change they
 * describe, so a change and its audit row commit or vanish together.
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "timefmt.h"
#include "xalloc.h"

static const char *actor_type_name(int t)
{
	return t == ACTOR_USER ? "user" : t == ACTOR_TOKEN ? "token" : "system";
}

int store_audit_add(struct store *st, const struct actor *a, const char *action, const char *target,
                    const char *project, const char *details_json)
{
	static const char sql[] =
	    "INSERT INTO audit_log(ts, actor_type, actor, action, target, project, ip,"
	    " request_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *s = store_stmt(st, sql);

	if (!s)
		return MOAT_EDB;
	sqlite3_bind_int64(s, 1, timefmt_now());
	sqlite3_bind_text(s, 2, actor_type_name(a->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, a->label[0] ? a->label : "system", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, target ? target : "", -1, SQLITE_TRANSIENT);
	store_bind_text(s, 6, project);
	sqlite3_bind_text(s, 7, a->ip ? a->ip : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, a->request_id ? a->request_id : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 9, details_json ? details_json : "{}", -1, SQLITE_TRANSIENT);
	return store_err(st, sqlite3_step(s));
}

int store_audit_json(struct store *st, const struct actor *a, const char *action,
                     const char *target, const char *project, json_t *details)
{
	char *text = NULL;
	int rc;

	if (details) {
		text = json_dumps(details, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(details);
	}
	rc = store_audit_add(st, a, action, target, project, text);
	free(text);
	return rc;
}

int store_audit_login_failed(struct store *st, const struct actor *a)
{
	int rc = store_begin(st);

	if (rc)
		return rc;
	rc = store_audit_add(st, a, "auth.login_failed", a->label, NULL, NULL);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int store_audit_list(struct store *st, const struct store_audit_filter *f,
                     struct store_audit_entry **out, size_t *n)
{
	static const char sql[] =
	    "SELECT id, ts, actor_type, actor, action, target, COALESCE(project, ''), ip,"
	    " request_id, details FROM audit_log"
	    " WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR action = ?2)"
	    " AND (?3 IS NULL OR project = ?3) AND (?4 = 0 OR ts >= ?4)"
	    " AND (?5 = 0 OR ts <= ?5) AND (?6 = 0 OR id < ?6)"
	    " ORDER BY id DESC LIMIT ?7";
	sqlite3_stmt *s = store_stmt(st, sql);
	struct store_audit_entry *arr;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	store_bind_text(s, 1, f->actor);
	store_bind_text(s, 2, f->action);
	store_bind_text(s, 3, f->project);
	sqlite3_bind_int64(s, 4, f->since);
	sqlite3_bind_int64(s, 5, f->until);
	sqlite3_bind_int64(s, 6, f->before_id);
	sqlite3_bind_int(s, 7, f->limit);
	arr = xcalloc((size_t)f->limit + 1, sizeof *arr);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_audit_entry *e = &arr[cnt++];
		e->id = sqlite3_column_int64(s, 0);
		e->ts = sqlite3_column_int64(s, 1);
		store_col_text(s, 2, e->actor_type, sizeof e->actor_type);
		store_col_text(s, 3, e->actor, sizeof e->actor);
		store_col_text(s, 4, e->action, sizeof e->action);
		store_col_text(s, 5, e->target, sizeof e->target);
		store_col_text(s, 6, e->project, sizeof e->project);
		store_col_text(s, 7, e->ip, sizeof e->ip);
		store_col_text(s, 8, e->request_id, sizeof e->request_id);
		e->details = xstrdup((const char *)sqlite3_column_text(s, 9));
	}
	if (rc != SQLITE_DONE) {
		store_audit_free(arr, cnt);
		return store_err(st, rc);
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

void store_audit_free(struct store_audit_entry *e, size_t n)
{
	if (!e)
		return;
	for (size_t i = 0; i < n; i++)
		free(e[i].details);
	free(e);
}
