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
	struct db_stmt *s = db_prepare(st->conn, sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, timefmt_now());
	db_bind_text(s, 2, actor_type_name(a->type));
	db_bind_text(s, 3, a->label[0] ? a->label : "system");
	db_bind_text(s, 4, action);
	db_bind_text(s, 5, target ? target : "");
	db_bind_text(s, 6, project);
	db_bind_text(s, 7, a->ip ? a->ip : "");
	db_bind_text(s, 8, a->request_id ? a->request_id : "");
	db_bind_text(s, 9, details_json ? details_json : "{}");
	return db_step(s);
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
	    " WHERE (CAST(?1 AS TEXT) IS NULL OR actor = ?1)"
	    " AND (CAST(?2 AS TEXT) IS NULL OR action = ?2)"
	    " AND (CAST(?3 AS TEXT) IS NULL OR project = ?3) AND (?4 = 0 OR ts >= ?4)"
	    " AND (?5 = 0 OR ts <= ?5) AND (?6 = 0 OR id < ?6)"
	    " ORDER BY id DESC LIMIT ?7";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_audit_entry *arr;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_text(s, 1, f->actor);
	db_bind_text(s, 2, f->action);
	db_bind_text(s, 3, f->project);
	db_bind_int64(s, 4, f->since);
	db_bind_int64(s, 5, f->until);
	db_bind_int64(s, 6, f->before_id);
	db_bind_int64(s, 7, f->limit);
	arr = xcalloc((size_t)f->limit + 1, sizeof *arr);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_audit_entry *e = &arr[cnt++];
		e->id = db_column_int64(s, 0);
		e->ts = db_column_int64(s, 1);
		store_text(s, 2, e->actor_type, sizeof e->actor_type);
		store_text(s, 3, e->actor, sizeof e->actor);
		store_text(s, 4, e->action, sizeof e->action);
		store_text(s, 5, e->target, sizeof e->target);
		store_text(s, 6, e->project, sizeof e->project);
		store_text(s, 7, e->ip, sizeof e->ip);
		store_text(s, 8, e->request_id, sizeof e->request_id);
		e->details = xstrdup(db_column_text(s, 9));
	}
	if (rc != DB_DONE) {
		store_audit_free(arr, cnt);
		return rc;
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
