/*
 * store_project.c — projects and their environments. A project is born
 * with a "production" environment; an archived project is read-only.
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <string.h>

#include "auth_cache.h"
#include "err.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

#define PROJECT_COLS "id, slug, name, COALESCE(archived_at, 0), created_at"

static void project_row(struct db_stmt *s, struct store_project *p)
{
	p->id = db_column_int64(s, 0);
	store_text(s, 1, p->slug, sizeof p->slug);
	store_text(s, 2, p->name, sizeof p->name);
	p->archived_at = db_column_int64(s, 3);
	p->created_at = db_column_int64(s, 4);
}

static int project_one(struct store *st, const char *sql, const char *slug, int64_t id,
                       struct store_project *out)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	if (slug)
		db_bind_text(s, 1, slug);
	else
		db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	project_row(s, out);
	return MOAT_OK;
}

int store_project_get(struct store *st, const char *slug, struct store_project *out)
{
	static const char sql[] = "SELECT " PROJECT_COLS " FROM projects WHERE slug = ?";
	return project_one(st, sql, slug, 0, out);
}

int store_project_get_id(struct store *st, int64_t id, struct store_project *out)
{
	static const char sql[] = "SELECT " PROJECT_COLS " FROM projects WHERE id = ?";
	return project_one(st, sql, NULL, id, out);
}

static int env_insert(struct store *st, int64_t project_id, const char *name, int64_t now,
                      int64_t *id)
{
	static const char sql[] =
	    "INSERT INTO environments(project_id, name, created_at) VALUES (?, ?, ?)"
	    " RETURNING id";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int64_t env_id;
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, name);
	db_bind_int64(s, 3, now);
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	env_id = db_column_int64(s, 0);
	db_reset(s);
	if (id)
		*id = env_id;
	/* every environment starts from the safe default policy */
	return store_policy_insert_default(st, env_id, "system");
}

int store_project_create(struct store *st, const struct actor *a, const char *slug,
                         const char *name, struct store_project *out)
{
	static const char sql[] =
	    "INSERT INTO projects(slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)"
	    " RETURNING id";
	int64_t now = timefmt_now(), id;
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_text(s, 1, slug);
	db_bind_text(s, 2, name);
	db_bind_int64(s, 3, now);
	db_bind_int64(s, 4, now);
	rc = db_step(s);
	if (rc != DB_ROW) {
		rc = rc < 0 ? rc : MOAT_EDB;
		goto fail;
	}
	id = db_column_int64(s, 0);
	db_reset(s);
	rc = env_insert(st, id, "production", now, NULL);
	if (!rc)
		rc = store_audit_json(st, a, "project.create", slug, slug,
		                      json_pack("{s:s}", "name", name));
	if (rc)
		goto fail;
	rc = store_commit(st);
	if (rc)
		return rc;
	return store_project_get_id(st, id, out);
fail:
	store_rollback(st);
	return rc;
}

int store_project_list(struct store *st, int include_archived, struct store_project **out,
                       size_t *n)
{
	static const char sql[] = "SELECT " PROJECT_COLS " FROM projects"
	                          " WHERE ?1 = 1 OR archived_at IS NULL ORDER BY slug";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_project *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, include_archived);
	while ((rc = db_step(s)) == DB_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		project_row(s, &arr[cnt++]);
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_project_update(struct store *st, const struct actor *a, const char *slug,
                         const char *name, int archived, struct store_project *out)
{
	static const char sql[] =
	    "UPDATE projects SET name = COALESCE(?1, name),"
	    " archived_at = CASE WHEN ?2 < 0 THEN archived_at WHEN ?2 = 0 THEN NULL"
	    "  ELSE COALESCE(archived_at, ?3) END, updated_at = ?3 WHERE id = ?4";
	struct store_project p;
	json_t *details;
	struct db_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_project_get(st, slug, &p);
	if (rc)
		goto fail;
	if (p.archived_at && archived != 0) {
		rc = MOAT_EARCHIVED;
		goto fail;
	}
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_text(s, 1, name);
	db_bind_int64(s, 2, archived);
	db_bind_int64(s, 3, timefmt_now());
	db_bind_int64(s, 4, p.id);
	rc = db_step(s);
	if (rc)
		goto fail;
	details = json_object();
	if (name)
		json_object_set_new(details, "name", json_string(name));
	if (archived >= 0)
		json_object_set_new(details, "archived", json_boolean(archived));
	rc = store_audit_json(st, a, "project.update", slug, slug, details);
	if (!rc) /* the other instances' token caches (cluster.c) */
		rc = store_cluster_auth_tx(st);
	if (rc)
		goto fail;
	rc = store_commit(st);
	auth_epoch_bump(); /* after the commit: no cached credential outlives it */
	if (rc)
		return rc;
	return store_project_get_id(st, p.id, out);
fail:
	store_rollback(st);
	return rc;
}

int store_env_list(struct store *st, int64_t project_id, struct store_env **out, size_t *n)
{
	static const char sql[] = "SELECT id, project_id, name, created_at FROM environments"
	                          " WHERE project_id = ? ORDER BY name";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_env *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_env *e;
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		e = &arr[cnt++];
		e->id = db_column_int64(s, 0);
		e->project_id = db_column_int64(s, 1);
		store_text(s, 2, e->name, sizeof e->name);
		e->created_at = db_column_int64(s, 3);
	}
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_env_get(struct store *st, int64_t project_id, const char *name, struct store_env *out)
{
	static const char sql[] = "SELECT id, project_id, name, created_at FROM environments"
	                          " WHERE project_id = ? AND name = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	db_bind_text(s, 2, name);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	out->id = db_column_int64(s, 0);
	out->project_id = db_column_int64(s, 1);
	store_text(s, 2, out->name, sizeof out->name);
	out->created_at = db_column_int64(s, 3);
	return MOAT_OK;
}

int store_env_create(struct store *st, const struct actor *a, const struct store_project *p,
                     const char *name, struct store_env *out)
{
	int64_t now = timefmt_now(), id = 0;
	int rc;

	if (p->archived_at)
		return MOAT_EARCHIVED;
	rc = store_begin(st);
	if (rc)
		return rc;
	rc = env_insert(st, p->id, name, now, &id);
	if (!rc)
		rc = store_audit_json(st, a, "environment.create", name, p->slug, NULL);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	if (rc)
		return rc;
	out->id = id;
	out->project_id = p->id;
	utf8_copy(out->name, sizeof out->name, name, NULL);
	out->created_at = now;
	return MOAT_OK;
}
