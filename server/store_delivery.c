/*
 * store_delivery.c — the notification outbox and delivery log (schema
 * 007, table deliveries): rows written in the transaction of their cause,
 * claimed by the notifier with a lease, marked with each attempt's
 * outcome, and listed newest first for the API.
 *
 * A claim is the only read of the signing secret besides
 * store_channel_secret(); it stays in the job struct and is never logged.
 * On db.h: SQLite and PostgreSQL (issue 13).
 * Thread: the caller's connection's thread (the writer for *_in, the
 * notifier for claim and marks, HTTP workers for lists).
 */
#include "store_int.h"

#include <string.h>

#include "crypto.h"
#include "err.h"
#include "utf8.h"
#include "xalloc.h"

void store_delivery_cleanup(struct store_delivery *d)
{
	if (!d)
		return;
	free(d->body);
	d->body = NULL;
}

void store_deliveries_free(struct store_delivery *arr, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_delivery_cleanup(&arr[i]);
	free(arr);
}

void store_delivery_jobs_free(struct store_delivery_job *arr, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		store_delivery_cleanup(&arr[i].d);
		crypto_wipe(arr[i].secret, sizeof arr[i].secret);
	}
	free(arr);
}

void store_delivery_row(struct db_stmt *s, struct store_delivery *d)
{
	const char *body;

	memset(d, 0, sizeof *d);
	d->id = db_column_int64(s, 0);
	store_text(s, 1, d->uuid, sizeof d->uuid);
	d->channel_id = db_column_int64(s, 2);
	store_text(s, 3, d->kind, sizeof d->kind);
	store_text(s, 4, d->status, sizeof d->status);
	d->event_id = db_column_int64(s, 5);
	d->last_event_id = db_column_int64(s, 6);
	d->event_count = db_column_int64(s, 7);
	body = db_column_text(s, 8);
	d->body = body ? xstrdup(body) : NULL;
	d->attempts = db_column_int64(s, 9);
	d->next_attempt_at = db_column_int64(s, 10);
	d->response_code = (int)db_column_int64(s, 11);
	store_text(s, 12, d->last_error, sizeof d->last_error);
	d->created_at = db_column_int64(s, 13);
	d->delivered_at = db_column_int64(s, 14);
}

/* A random (version 4) UUID into out (37 bytes). */
static void delivery_uuid(char *out)
{
	unsigned char b[16];
	char hex[33];

	crypto_random(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	crypto_hex(b, sizeof b, hex);
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

int store_delivery_add_in(struct store *st, const struct store_delivery_new *d, int64_t *id,
                          char *uuid)
{
#define DELIVERY_INSERT                                                                            \
	"INSERT INTO deliveries(uuid, channel_id, kind, event_id, last_event_id, event_count,"     \
	" body, next_attempt_at, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	static const struct db_sql sql = {.sqlite = DELIVERY_INSERT,
	                                  .postgres = DELIVERY_INSERT " RETURNING id"};
#undef DELIVERY_INSERT
	struct db_stmt *s = db_prepare2(st->conn, &sql);
	int64_t new_id = 0;
	char u[40];
	int rc;

	if (!s)
		return MOAT_EDB;
	delivery_uuid(u);
	db_bind_text(s, 1, u);
	db_bind_int64(s, 2, d->channel_id);
	db_bind_text(s, 3, d->kind);
	if (d->event_id)
		db_bind_int64(s, 4, d->event_id);
	if (d->last_event_id)
		db_bind_int64(s, 5, d->last_event_id);
	db_bind_int64(s, 6, d->event_count);
	db_bind_text(s, 7, d->body);
	db_bind_int64(s, 8, d->next_attempt_at);
	db_bind_int64(s, 9, d->now_ms);
	db_bind_int64(s, 10, d->attempts);
	rc = store_step_insert(st, s, &new_id);
	if (rc) /* ECONFLICT: no such channel (deleted meanwhile) */
		return rc;
	if (id)
		*id = new_id;
	if (uuid)
		memcpy(uuid, u, 37);
	return MOAT_OK;
}

int store_delivery_add(struct store *st, const struct store_delivery_new *d, int64_t *id,
                       char *uuid)
{
	int rc = store_begin(st);

	if (rc)
		return rc;
	rc = store_delivery_add_in(st, d, id, uuid);
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int store_delivery_next_due(struct store *st, int64_t *at)
{
	static const char sql[] = "SELECT MIN(next_attempt_at) FROM deliveries"
	                          " WHERE status IN ('pending', 'failed')";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*at = 0;
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*at = db_column_int64(s, 0);
	db_reset(s);
	return MOAT_OK;
}

/* Sets the outcome of delivery id in a transaction of its own. */
static int delivery_mark(struct store *st, int64_t id, const char *status, int response_code,
                         const char *err, int64_t next_attempt_at, int64_t delivered_at)
{
	static const char sql[] =
	    "UPDATE deliveries SET status = ?2, response_code = ?3, last_error = ?4,"
	    " next_attempt_at = COALESCE(?5, next_attempt_at), delivered_at = ?6 WHERE id = ?1";
	char msg[512];
	struct db_stmt *s;
	int rc;

	rc = store_begin_q(st, sql, &s);
	if (rc)
		return rc;
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, status);
	if (response_code)
		db_bind_int64(s, 3, response_code);
	if (err) {
		size_t len = utf8_cut(err, strlen(err), sizeof msg - 1);
		memcpy(msg, err, len);
		msg[len] = '\0';
		db_bind_text(s, 4, msg);
	}
	if (next_attempt_at)
		db_bind_int64(s, 5, next_attempt_at);
	if (delivered_at)
		db_bind_int64(s, 6, delivered_at);
	rc = db_step(s);
	if (!rc && !db_changes(s))
		rc = MOAT_ENOTFOUND;
	if (rc) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

int store_delivery_mark_delivered(struct store *st, int64_t id, int response_code, int64_t now_ms)
{
	return delivery_mark(st, id, "delivered", response_code, NULL, 0, now_ms);
}

int store_delivery_mark_failed(struct store *st, int64_t id, int response_code, const char *err,
                               int64_t next_attempt_at)
{
	return delivery_mark(st, id, "failed", response_code, err, next_attempt_at, 0);
}

int store_delivery_mark_dead(struct store *st, int64_t id, int response_code, const char *err)
{
	return delivery_mark(st, id, "dead", response_code, err, 0, 0);
}

int store_delivery_get(struct store *st, int64_t channel_id, int64_t id, struct store_delivery *out)
{
	static const char sql[] =
	    "SELECT " DELIVERY_COLS " FROM deliveries d WHERE d.id = ? AND d.channel_id = ?";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, channel_id);
	rc = db_step(s);
	if (rc == DB_DONE)
		return MOAT_ENOTFOUND;
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	store_delivery_row(s, out);
	db_reset(s);
	return MOAT_OK;
}

int store_delivery_list(struct store *st, int64_t channel_id, int64_t before_id, int limit,
                        struct store_delivery **out, size_t *n)
{
	static const char sql[] = "SELECT " DELIVERY_COLS " FROM deliveries d"
	                          " WHERE d.channel_id = ?1 AND (?2 = 0 OR d.id < ?2)"
	                          " ORDER BY d.id DESC LIMIT ?3";
	struct db_stmt *s = db_prepare(st->conn, sql);
	struct store_delivery *arr = NULL;
	size_t cap = 0, cnt = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, channel_id);
	db_bind_int64(s, 2, before_id);
	db_bind_int64(s, 3, limit);
	while ((rc = db_step(s)) == DB_ROW) {
		arr = store_grow(arr, &cap, cnt, sizeof *arr);
		store_delivery_row(s, &arr[cnt++]);
	}
	if (rc != DB_DONE) {
		store_deliveries_free(arr, cnt);
		return rc < 0 ? rc : MOAT_EDB;
	}
	*out = arr;
	*n = cnt;
	return MOAT_OK;
}

int store_delivery_backlog(struct store *st, int64_t *n)
{
	static const char sql[] =
	    "SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'failed')";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	*n = 0;
	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*n = db_column_int64(s, 0);
	db_reset(s);
	return MOAT_OK;
}
