/*
 * store_channel.c — notification channels (schema 007): their CRUD for the
 * API, the channels a policy's "Notifications" keeps (config as code), and
 * the notifier's throttle state. The outbox and delivery log are in
 * store_delivery.c.
 *
 * Filters are JSON arrays of names in the database (readable, stable when
 * the name lists grow) and masks in struct store_channel. The signing
 * secret is selected only by store_channel_secret() and the notifier's
 * claim; the audit log gets neither the secret nor the url.
 * On db.h: SQLite and PostgreSQL (issue 13).
 * Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <string.h>

#include "err.h"
#include "policy.h"
#include "timefmt.h"
#include "xalloc.h"

const char *const store_channel_actions[] = {"blocked", "logged", NULL};
const char *const store_channel_severities[] = {"low", "medium", "high", "critical", NULL};

static int name_index(const char *const *names, const char *v)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], v))
			return i;
	return -1;
}

/* A JSON array of names into a mask of their indexes in names (unknown
 * names are ignored: written by this file only). */
static unsigned names_mask(const char *text, const char *const *names)
{
	json_t *arr = json_loads(text ? text : "[]", 0, NULL);
	unsigned m = 0;
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v)
	{
		int k = json_is_string(v) ? name_index(names, json_string_value(v)) : -1;
		if (k >= 0)
			m |= 1u << k;
	}
	json_decref(arr);
	return m;
}

/* The inverse: a compact JSON array text of the names in mask (heap). */
static char *mask_names(unsigned m, const char *const *names)
{
	json_t *arr = json_array();
	char *text;

	for (int i = 0; names[i]; i++)
		if (m & (1u << i))
			json_array_append_new(arr, json_string(names[i]));
	text = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return text;
}

static char *envs_text(const struct store_channel *c)
{
	json_t *arr = json_array();
	char *text;

	for (int i = 0; i < c->nenvironments && i < STORE_CHANNEL_ENVS; i++)
		json_array_append_new(arr, json_string(c->environments[i]));
	text = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return text;
}

static const char *const *interceptor_names(void)
{
	static const char *names[POLICY_INTERCEPTORS + 1];

	/* a copy with the NULL terminator names_mask wants; same on every call */
	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		names[i] = policy_interceptor_names[i];
	names[POLICY_INTERCEPTORS] = NULL;
	return names;
}

/* Reads the row at column off (CHANNEL_COLS order) into c. */
static void channel_row(struct db_stmt *s, int off, struct store_channel *c)
{
	char sev[12];
	json_t *envs;
	size_t i;
	json_t *v;

	memset(c, 0, sizeof *c);
	c->id = db_column_int64(s, off + 0);
	c->project_id = db_column_int64(s, off + 1);
	store_text(s, off + 2, c->project, sizeof c->project);
	store_text(s, off + 3, c->kind, sizeof c->kind);
	store_text(s, off + 4, c->name, sizeof c->name);
	store_text(s, off + 5, c->url, sizeof c->url);
	c->enabled = (int)db_column_int64(s, off + 6);
	c->interceptors = names_mask((const char *)db_column_text(s, off + 7), interceptor_names());
	store_text(s, off + 8, sev, sizeof sev);
	c->min_severity = name_index(store_channel_severities, sev);
	if (c->min_severity < 0)
		c->min_severity = 0;
	c->actions = names_mask((const char *)db_column_text(s, off + 9), store_channel_actions);
	envs = json_loads((const char *)db_column_text(s, off + 10), 0, NULL);
	json_array_foreach(envs, i, v)
	{
		if (!json_is_string(v) || c->nenvironments >= STORE_CHANNEL_ENVS)
			continue;
		snprintf(c->environments[c->nenvironments++], sizeof c->environments[0], "%s",
		         json_string_value(v));
	}
	json_decref(envs);
	c->on_threats = (int)db_column_int64(s, off + 11);
	c->on_policy_failed = (int)db_column_int64(s, off + 12);
	c->on_rollout_stalled = (int)db_column_int64(s, off + 13);
	c->on_env_offline = (int)db_column_int64(s, off + 14);
	c->rollout_stall_seconds = db_column_int64(s, off + 15);
	c->throttle_seconds = db_column_int64(s, off + 16);
	store_text(s, off + 17, c->source, sizeof c->source);
	c->last_sent_at = db_column_int64(s, off + 18);
	c->window_ends_at = db_column_int64(s, off + 19);
	c->digest_id = db_column_int64(s, off + 20);
	store_text(s, off + 21, c->created_by, sizeof c->created_by);
	c->created_at = db_column_int64(s, off + 22);
	c->updated_at = db_column_int64(s, off + 23);
}

void store_channel_row_at(struct db_stmt *s, int off, struct store_channel *c)
{
	channel_row(s, off, c);
}

int store_channel_get(struct store *st, int64_t project_id, int64_t id, struct store_channel *out)
{
	static const char sql[] = "SELECT " CHANNEL_COLS " FROM channels c"
	                          " JOIN projects p ON p.id = c.project_id"
	                          " WHERE c.id = ?1 AND (?2 = 0 OR c.project_id = ?2)";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, project_id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc; /* a negative moat_err */
	channel_row(s, 0, out);
	return MOAT_OK;
}

int store_channel_select(struct store *st, const char *sql, int64_t project_id,
                         struct store_channel **out, size_t *n)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_channel *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, project_id);
	while ((rc = db_step(s)) == DB_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		channel_row(s, 0, &arr[cnt++]);
	}
	db_reset(s);
	if (rc != DB_DONE) {
		free(arr);
		return rc; /* a negative moat_err */
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_channel_list(struct store *st, int64_t project_id, struct store_channel **out, size_t *n)
{
	static const char sql[] = "SELECT " CHANNEL_COLS " FROM channels c"
	                          " JOIN projects p ON p.id = c.project_id"
	                          " WHERE ?1 = 0 OR c.project_id = ?1 ORDER BY c.id";

	return store_channel_select(st, sql, project_id, out, n);
}

int store_channel_secret(struct store *st, int64_t id, char out[STORE_CHANNEL_SECRET_MAX])
{
	static const char sql[] = "SELECT COALESCE(secret, '') FROM channels WHERE id = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	out[0] = '\0';
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc; /* a negative moat_err */
	store_text(s, 0, out, STORE_CHANNEL_SECRET_MAX);
	db_reset(s);
	return MOAT_OK;
}

/* Binds c's writable fields at 1..14 in this order: name, url, enabled,
 * interceptors, min_severity, actions, environments, on_threats,
 * on_policy_failed, on_rollout_stalled, on_env_offline,
 * rollout_stall_seconds, throttle_seconds, now. */
static void channel_bind(struct db_stmt *s, const struct store_channel *c, int64_t now)
{
	int sev = c->min_severity >= 0 && c->min_severity < 4 ? c->min_severity : 0;
	char *t;

	db_bind_text(s, 1, c->name);
	db_bind_text(s, 2, c->url);
	db_bind_int64(s, 3, c->enabled ? 1 : 0);
	t = mask_names(c->interceptors, interceptor_names());
	db_bind_text(s, 4, t); /* copied */
	free(t);
	db_bind_text(s, 5, store_channel_severities[sev]);
	t = mask_names(c->actions, store_channel_actions);
	db_bind_text(s, 6, t);
	free(t);
	t = envs_text(c);
	db_bind_text(s, 7, t);
	free(t);
	db_bind_int64(s, 8, c->on_threats ? 1 : 0);
	db_bind_int64(s, 9, c->on_policy_failed ? 1 : 0);
	db_bind_int64(s, 10, c->on_rollout_stalled ? 1 : 0);
	db_bind_int64(s, 11, c->on_env_offline ? 1 : 0);
	db_bind_int64(s, 12, c->rollout_stall_seconds);
	db_bind_int64(s, 13, c->throttle_seconds);
	db_bind_int64(s, 14, now);
}

/* Inserts c for project_id (caller's transaction); *id gets its id. */
static int channel_insert(struct store *st, const struct actor *a, int64_t project_id,
                          const struct store_channel *c, const char *source, const char *secret,
                          int64_t *id)
{
#define CHANNEL_INSERT                                                                             \
	"INSERT INTO channels(name, url, enabled, interceptors, min_severity, actions,"            \
	" environments, on_threats, on_policy_failed, on_rollout_stalled, on_env_offline,"         \
	" rollout_stall_seconds, throttle_seconds, created_at, updated_at, project_id, kind,"      \
	" secret, source, created_by)"                                                             \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15, ?16,"     \
	" ?17, ?18, ?19)"
	static const struct db_sql sql = {.sqlite = CHANNEL_INSERT,
	                                  .postgres = CHANNEL_INSERT " RETURNING id"};
#undef CHANNEL_INSERT
	struct db_stmt *s = db_prepare2(st->conn, &sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	channel_bind(s, c, timefmt_now());
	db_bind_int64(s, 15, project_id);
	db_bind_text(s, 16, c->kind);
	db_bind_text(s, 17, secret && *secret ? secret : NULL);
	db_bind_text(s, 18, source);
	db_bind_text(s, 19, a->label[0] ? a->label : "system");
	rc = store_step_insert(st, s, id); /* ECONFLICT: the name is taken */
	db_reset(s);                       /* drops the secret's binding copy now */
	return rc;
}

static int channel_audit(struct store *st, const struct actor *a, const struct store_project *p,
                         const char *action, int64_t id, const char *kind, const char *name,
                         const char *source, json_t *changed)
{
	json_t *d =
	    json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "kind", kind, "source", source);

	if (changed)
		json_object_set_new(d, "changed", changed);
	return store_audit_json(st, a, action, name, p->slug, d);
}

int store_channel_create(struct store *st, const struct actor *a, const struct store_project *p,
                         const struct store_channel *c, const char *secret,
                         struct store_channel *out)
{
	struct store_project cur;
	int64_t id = 0;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_project_get_id(st, p->id, &cur);
	if (!rc && cur.archived_at)
		rc = MOAT_EARCHIVED;
	if (!rc)
		rc = channel_insert(st, a, p->id, c, "api", secret, &id);
	if (!rc)
		rc = channel_audit(st, a, p, "channel.create", id, c->kind, c->name, "api", NULL);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	if (rc)
		return rc;
	return store_channel_get(st, p->id, id, out);
}

int store_channel_update(struct store *st, const struct actor *a, const struct store_project *p,
                         int64_t id, store_channel_apply_fn apply, void *arg, json_t *changed,
                         struct store_channel *out)
{
	static const char sql[] =
	    "UPDATE channels SET name = ?1, url = ?2, enabled = ?3, interceptors = ?4,"
	    " min_severity = ?5, actions = ?6, environments = ?7, on_threats = ?8,"
	    " on_policy_failed = ?9, on_rollout_stalled = ?10, on_env_offline = ?11,"
	    " rollout_stall_seconds = ?12, throttle_seconds = ?13, updated_at = ?14"
	    " WHERE id = ?15 AND project_id = ?16";
	struct store_channel *c = xcalloc(1, sizeof *c);
	char kind[8], source[8];
	struct db_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc) {
		json_decref(changed);
		free(c);
		return rc;
	}
	rc = store_channel_get(st, p->id, id, c);
	if (rc)
		goto fail;
	memcpy(kind, c->kind, sizeof kind);
	memcpy(source, c->source, sizeof source);
	rc = apply(c, arg);
	if (rc)
		goto fail;
	c->id = id;
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	channel_bind(s, c, timefmt_now());
	db_bind_int64(s, 15, id);
	db_bind_int64(s, 16, p->id);
	rc = db_step(s); /* ECONFLICT when the new name is taken */
	if (rc)
		goto fail;
	rc = channel_audit(st, a, p, "channel.update", id, kind, c->name, source,
	                   changed ? changed : json_array());
	changed = NULL;
	if (rc)
		goto fail;
	free(c);
	rc = store_commit(st);
	if (rc)
		return rc;
	return store_channel_get(st, p->id, id, out);
fail:
	json_decref(changed);
	store_rollback(st);
	free(c);
	return rc;
}

int store_channel_delete(struct store *st, const struct actor *a, const struct store_project *p,
                         int64_t id)
{
	static const char sql[] = "DELETE FROM channels WHERE id = ? AND project_id = ?";
	struct store_channel cur;
	struct db_stmt *s;
	int rc;

	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_channel_get(st, p->id, id, &cur);
	if (rc)
		goto fail;
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto fail;
	}
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, p->id);
	rc = db_step(s);
	if (!rc)
		rc = channel_audit(st, a, p, "channel.delete", id, cur.kind, cur.name, cur.source,
		                   NULL);
	if (rc)
		goto fail;
	return store_commit(st);
fail:
	store_rollback(st);
	return rc;
}

/* The policy-kept channel of (p, env, kind): its name into name. */
static void policy_channel_name(const struct store_env *env, const char *kind, char *name,
                                size_t cap)
{
	snprintf(name, cap, "policy:%s:%s", env->name, kind);
}

static int policy_channel_find(struct store *st, const struct store_project *p,
                               const struct store_env *env, const char *kind,
                               struct store_channel *out)
{
	static const char sql[] = "SELECT id FROM channels WHERE project_id = ? AND name = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	char name[160];
	int64_t id;
	int rc;

	if (!s)
		return MOAT_EDB;
	policy_channel_name(env, kind, name, sizeof name);
	db_bind_int64(s, 1, p->id);
	db_bind_text(s, 2, name);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc; /* a negative moat_err */
	id = db_column_int64(s, 0);
	db_reset(s);
	return store_channel_get(st, p->id, id, out);
}

int store_channel_policy_peek(struct store *st, const struct store_project *p,
                              const struct store_env *env, const char *kind, const char *url,
                              int *exists, char *old_url, size_t cap)
{
	struct store_channel *cur = xcalloc(1, sizeof(struct store_channel));
	int rc = policy_channel_find(st, p, env, kind, cur);

	*exists = 0;
	if (rc == MOAT_ENOTFOUND)
		rc = MOAT_OK;
	else if (!rc)
		*exists = strcmp(cur->url, url) ? 2 : 1;
	if (*exists == 2 && old_url)
		snprintf(old_url, cap, "%s", cur->url);
	free(cur);
	return rc;
}

int store_channel_upsert_in(struct store *st, const struct actor *a, const struct store_project *p,
                            const struct store_env *env, const char *kind, const char *url,
                            const char *secret, int64_t *id, int *created, int *updated)
{
	static const char sql[] = "UPDATE channels SET url = ?, updated_at = ? WHERE id = ?";
	struct store_channel *c = xcalloc(1, sizeof(struct store_channel));
	struct db_stmt *s;
	int rc;

	*created = *updated = 0;
	*id = 0;
	rc = policy_channel_find(st, p, env, kind, c);
	if (rc == MOAT_ENOTFOUND) {
		memset(c, 0, sizeof *c);
		snprintf(c->kind, sizeof c->kind, "%s", kind);
		policy_channel_name(env, kind, c->name, sizeof c->name);
		snprintf(c->url, sizeof c->url, "%s", url);
		snprintf(c->environments[0], sizeof c->environments[0], "%s", env->name);
		c->nenvironments = 1;
		c->enabled = 1;
		c->on_threats = c->on_policy_failed = c->on_rollout_stalled = c->on_env_offline = 1;
		c->rollout_stall_seconds = 600;
		c->throttle_seconds = 60;
		rc = channel_insert(st, a, p->id, c, "policy", secret, id);
		if (!rc)
			rc = channel_audit(st, a, p, "channel.create", *id, kind, c->name, "policy",
			                   NULL);
		if (!rc)
			*created = 1;
		goto out;
	}
	if (rc)
		goto out;
	*id = c->id;
	if (!strcmp(c->url, url))
		goto out;
	s = db_prepare(st->conn, sql);
	if (!s) {
		rc = MOAT_EDB;
		goto out;
	}
	db_bind_text(s, 1, url);
	db_bind_int64(s, 2, timefmt_now());
	db_bind_int64(s, 3, c->id);
	rc = db_step(s);
	if (!rc)
		rc = channel_audit(st, a, p, "channel.update", c->id, kind, c->name, "policy",
		                   json_pack("[s]", "url"));
	if (!rc)
		*updated = 1;
out:
	free(c);
	return rc;
}

int store_channel_set_throttle_in(struct store *st, int64_t id, int64_t last_sent_at,
                                  int64_t window_ends_at, int64_t digest_id)
{
	static const char sql[] = "UPDATE channels SET last_sent_at = ?, window_ends_at = ?,"
	                          " digest_id = ? WHERE id = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, last_sent_at);
	db_bind_int64(s, 2, window_ends_at);
	if (digest_id)
		db_bind_int64(s, 3, digest_id);
	else
		db_bind_null(s, 3);
	db_bind_int64(s, 4, id);
	return db_step(s);
}
