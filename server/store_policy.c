/*
 * store_policy.c — immutable policy versions per environment. A version
 * is never changed: every accepted change, and every rollback, is a new
 * row with the next number. Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "policy.h"
#include "timefmt.h"
#include "xalloc.h"

#define POLICY_COLS                                                                                \
	"id, environment_id, version, sha256, author, message, COALESCE(rollback_of, 0), "         \
	"created_at"

static void policy_row(struct db_stmt *s, struct store_policy *p)
{
	p->id = db_column_int64(s, 0);
	p->environment_id = db_column_int64(s, 1);
	p->version = db_column_int64(s, 2);
	store_text(s, 3, p->sha256, sizeof p->sha256);
	store_text(s, 4, p->author, sizeof p->author);
	store_text(s, 5, p->message, sizeof p->message);
	p->rollback_of = db_column_int64(s, 6);
	p->created_at = db_column_int64(s, 7);
	p->document = NULL;
}

void store_policy_cleanup(struct store_policy *p)
{
	if (!p)
		return;
	free(p->document);
	p->document = NULL;
}

static int policy_one(struct store *st, const char *sql, int64_t env_id, int64_t version,
                      struct store_policy *out)
{
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, env_id);
	if (version > 0)
		db_bind_int64(s, 2, version);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc;
	policy_row(s, out);
	out->document = xstrdup(db_column_text(s, 8));
	return MOAT_OK;
}

int store_policy_current(struct store *st, int64_t env_id, struct store_policy *out)
{
	static const char sql[] = "SELECT " POLICY_COLS ", document FROM policy_versions"
	                          " WHERE environment_id = ? ORDER BY version DESC LIMIT 1";
	return policy_one(st, sql, env_id, 0, out);
}

int store_policy_get(struct store *st, int64_t env_id, int64_t version, struct store_policy *out)
{
	static const char sql[] = "SELECT " POLICY_COLS ", document FROM policy_versions"
	                          " WHERE environment_id = ? AND version = ?";
	if (version <= 0)
		return MOAT_ENOTFOUND;
	return policy_one(st, sql, env_id, version, out);
}

int store_policy_list(struct store *st, int64_t env_id, int64_t before, int limit,
                      struct store_policy **out, size_t *n)
{
	static const char sql[] = "SELECT " POLICY_COLS " FROM policy_versions"
	                          " WHERE environment_id = ? AND (?2 = 0 OR version < ?2)"
	                          " ORDER BY version DESC LIMIT ?3";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_policy *arr;
	size_t cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, env_id);
	db_bind_int64(s, 2, before);
	db_bind_int64(s, 3, limit);
	arr = xcalloc((size_t)limit + 1, sizeof *arr);
	while ((rc = db_step(s)) == DB_ROW)
		policy_row(s, &arr[cnt++]);
	if (rc != DB_DONE) {
		free(arr);
		return rc;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

void store_policy_list_free(struct store_policy *arr, size_t n)
{
	for (size_t i = 0; arr && i < n; i++)
		store_policy_cleanup(&arr[i]);
	free(arr);
}

/* Inserts a version row; the caller holds the transaction. */
static int policy_insert(struct store *st, int64_t env_id, int64_t version, const char *document,
                         const char *sha256, const char *author, const char *message,
                         int64_t rollback_of)
{
	static const char sql[] =
	    "INSERT INTO policy_versions(environment_id, version, document, sha256, author,"
	    " message, rollback_of, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *s = db_prepare(st->conn, sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, env_id);
	db_bind_int64(s, 2, version);
	db_bind_text(s, 3, document);
	db_bind_text(s, 4, sha256);
	db_bind_text(s, 5, author);
	db_bind_text(s, 6, message ? message : "");
	if (rollback_of > 0)
		db_bind_int64(s, 7, rollback_of);
	else
		db_bind_null(s, 7);
	db_bind_int64(s, 8, timefmt_now());
	return db_step(s);
}

int store_policy_insert_default(struct store *st, int64_t env_id, const char *author)
{
	char sha[CRYPTO_SHA256_HEX];
	json_t *d = policy_default();
	char *text = policy_canonical(d, sha);
	int rc = policy_insert(st, env_id, 1, text, sha, author, "safe default", 0);

	free(text);
	json_decref(d);
	return rc;
}

/* After a rollback: none of the channels was made or changed. */
static void policy_channels_undone(struct store_policy_channel *chans, size_t n)
{
	for (size_t i = 0; i < n; i++)
		chans[i].created = chans[i].updated = 0;
}

int store_policy_put(struct store *st, const struct actor *a, const struct store_project *p,
                     const struct store_env *env, const char *document, const char *sha256,
                     const char *message, int64_t if_match, int64_t rollback_of,
                     struct store_status_change *ev, struct store_policy_channel *chans,
                     size_t nchans, struct store_policy *out, int *changed)
{
	struct store_policy cur;
	int chans_changed = 0;
	int rc;

	*changed = 0;
	memset(&cur, 0, sizeof cur);
	rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_policy_current(st, env->id, &cur);
	if (rc == MOAT_ENOTFOUND) {
		cur.version = 0;
		rc = MOAT_OK;
	}
	if (rc)
		goto fail;
	if (if_match >= 0 && if_match != cur.version) {
		rc = MOAT_ESTALE;
		goto fail;
	}
	if (ev) {
		rc = store_event_set_status_in(st, a, p, ev->uid, ev->status, ev->reason,
		                               &ev->changed);
		if (rc)
			goto fail;
	}
	for (size_t i = 0; i < nchans; i++) {
		rc = store_channel_upsert_in(st, a, p, env, chans[i].kind, chans[i].url,
		                             chans[i].secret, &chans[i].id, &chans[i].created,
		                             &chans[i].updated);
		if (rc)
			goto fail;
		chans_changed |= chans[i].created || chans[i].updated;
	}
	if (cur.version > 0 && !strcmp(cur.sha256, sha256)) {
		/* no version to write; the status change and the channels, if
		 * any, commit alone */
		if ((ev && ev->changed) || chans_changed)
			rc = store_commit(st);
		else
			store_rollback(st);
		if (rc) {
			store_policy_cleanup(&cur);
			if (ev)
				ev->changed = 0;
			policy_channels_undone(chans, nchans);
			return rc;
		}
		*out = cur;
		return MOAT_OK;
	}
	rc = policy_insert(st, env->id, cur.version + 1, document, sha256,
	                   a->label[0] ? a->label : "system", message, rollback_of);
	if (rc)
		goto fail;
	{
		char target[160];
		json_t *d = json_pack("{s:I, s:s}", "version", (json_int_t)(cur.version + 1),
		                      "sha256", sha256);
		snprintf(target, sizeof target, "%s/%s", p->slug, env->name);
		if (message && *message)
			json_object_set_new(d, "message", json_string(message));
		if (rollback_of > 0)
			json_object_set_new(d, "rollback_of", json_integer(rollback_of));
		rc = store_audit_json(st, a, rollback_of > 0 ? "policy.rollback" : "policy.update",
		                      target, p->slug, d);
	}
	/* every other instance hears of it when (and only if) this commits */
	if (!rc)
		rc = store_cluster_policy_tx(st, p->id, env->id, cur.version + 1);
	if (rc)
		goto fail;
	rc = store_commit(st);
	store_policy_cleanup(&cur);
	if (rc) {
		if (ev)
			ev->changed = 0;
		policy_channels_undone(chans, nchans);
		return rc;
	}
	*changed = 1;
	/* the version written here, not whatever is current by now */
	return store_policy_get(st, env->id, cur.version + 1, out);
fail:
	store_rollback(st);
	store_policy_cleanup(&cur);
	if (ev)
		ev->changed = 0;
	policy_channels_undone(chans, nchans);
	return rc;
}

int store_policy_backfill(struct store *st)
{
	static const char sql[] =
	    "SELECT e.id FROM environments e WHERE NOT EXISTS"
	    " (SELECT 1 FROM policy_versions v WHERE v.environment_id = e.id)";
	int64_t ids[256];
	int n, rc;

	do {
		struct db_stmt *s = db_prepare(st->conn, sql);
		n = 0;
		if (!s)
			return MOAT_EDB;
		while (n < 256 && db_step(s) == DB_ROW)
			ids[n++] = db_column_int64(s, 0);
		if (n == 0)
			break;
		rc = store_begin(st);
		for (int i = 0; !rc && i < n; i++)
			rc = store_policy_insert_default(st, ids[i], "system");
		if (rc) {
			store_rollback(st);
			return rc;
		}
		rc = store_commit(st);
		if (rc)
			return rc;
	} while (n == 256);
	return MOAT_OK;
}
