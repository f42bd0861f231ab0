/*
 * store_login.c — the login throttle's windows in the database (schema
 * 012), shared by every moatd on it; see store.h ("the login throttle").
 * It replaced ratelimit.c's table in one process's memory (issue 13).
 *
 * A key is stored as the SHA-256 hex of its text, so an account name of
 * any length is a fixed-size key and no address or e-mail sits in the
 * table as it is. An attempt is one upsert per key in a transaction that
 * relies on row locks (db_begin_rows: no write lock on PostgreSQL, so a
 * login never waits behind the ingest writer's group commit there): the
 * upsert counts the attempt, or starts a new window when the key's ended,
 * and returns the count; a count over the limit rolls the whole
 * transaction back, so keys are counted all together or not at all. The
 * keys are upserted in the order of their hashes, so two attempts that
 * share keys lock them in one order and never deadlock.
 *
 * The table stays small: each attempt first deletes up to
 * LOGIN_EXPIRE_ROWS ended windows (on PostgreSQL those another attempt is
 * deleting are skipped, not waited for), more than the two rows an
 * attempt can add, so what is left is the windows still running: at
 * most two rows per attempt judged in the last window (15 minutes), and
 * every judged attempt costs Argon2 first.
 *
 * Thread: the caller's connection's (an HTTP worker's).
 */
#include "store_int.h"

#include <string.h>

#include "crypto.h"
#include "err.h"

#define LOGIN_KEYS_MAX    4
#define LOGIN_EXPIRE_ROWS 8

static int login_expire(struct store *st, int64_t now)
{
	static const struct db_sql sql = {
	    .sqlite = "DELETE FROM login_attempts WHERE key_hash IN (SELECT key_hash"
	              " FROM login_attempts WHERE window_end <= ?1 ORDER BY window_end LIMIT 8)",
	    .postgres = "DELETE FROM login_attempts WHERE key_hash IN (SELECT key_hash"
	                " FROM login_attempts WHERE window_end <= ?1 ORDER BY window_end LIMIT 8"
	                " FOR UPDATE SKIP LOCKED)"};
	struct db_stmt *s = db_prepare2(st->conn, &sql);

	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, now);
	return db_step(s);
}

int store_login_take(struct store *st, const struct store_login_want *w, int n, int64_t now)
{
	static const char up[] =
	    "INSERT INTO login_attempts(key_hash, window_end, count) VALUES (?1, ?3, 1)"
	    " ON CONFLICT (key_hash) DO UPDATE SET"
	    " count = CASE WHEN login_attempts.window_end <= ?2 THEN 1"
	    "  ELSE login_attempts.count + 1 END,"
	    " window_end = CASE WHEN login_attempts.window_end <= ?2 THEN ?3"
	    "  ELSE login_attempts.window_end END"
	    " RETURNING count, window_end";
	char hash[LOGIN_KEYS_MAX][CRYPTO_SHA256_HEX];
	int order[LOGIN_KEYS_MAX], wait[LOGIN_KEYS_MAX] = {0};
	int rc;

	if (n < 1 || n > LOGIN_KEYS_MAX)
		return MOAT_EINVALID;
	for (int i = 0; i < n; i++) {
		crypto_sha256_hex(w[i].key, strlen(w[i].key), hash[i]);
		order[i] = i;
	}
	for (int i = 1; i < n; i++) /* by hash: one lock order for everyone */
		for (int j = i; j > 0 && strcmp(hash[order[j - 1]], hash[order[j]]) > 0; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	rc = store_begin_rows(st);
	if (rc)
		return rc;
	rc = login_expire(st, now);
	for (int k = 0; !rc && k < n; k++) {
		int i = order[k];
		struct db_stmt *s = db_prepare(st->conn, up);
		if (!s) {
			rc = MOAT_EDB;
			break;
		}
		db_bind_text(s, 1, hash[i]);
		db_bind_int64(s, 2, now);
		db_bind_int64(s, 3, now + w[i].window_s);
		rc = db_step(s);
		if (rc == DB_ROW) {
			if (db_column_int64(s, 0) > w[i].limit)
				wait[i] = (int)(db_column_int64(s, 1) - now);
			rc = MOAT_OK;
		} else if (rc == DB_DONE) {
			rc = MOAT_EDB;
		}
		db_reset(s);
	}
	if (rc) {
		store_rollback(st);
		return rc;
	}
	for (int i = 0; i < n; i++)
		if (wait[i] > 0) {
			store_rollback(st); /* nothing counted */
			return wait[i];
		}
	return store_commit(st);
}

/* Runs sql (?1 the key's hash, ?2 now unless now < 0) in a transaction
 * of its own. */
static int login_one(struct store *st, const char *sql, const char *key, int64_t now)
{
	char hash[CRYPTO_SHA256_HEX];
	struct db_stmt *s;
	int rc;

	crypto_sha256_hex(key, strlen(key), hash);
	rc = store_begin_rows(st);
	if (rc)
		return rc;
	s = db_prepare(st->conn, sql);
	if (!s) {
		store_rollback(st);
		return MOAT_EDB;
	}
	db_bind_text(s, 1, hash);
	if (now >= 0)
		db_bind_int64(s, 2, now);
	rc = db_step(s);
	if (rc) {
		store_rollback(st);
		return rc < 0 ? rc : MOAT_EDB;
	}
	return store_commit(st);
}

int store_login_release(struct store *st, const char *key, int64_t now)
{
	static const char sql[] = "UPDATE login_attempts SET count = count - 1"
	                          " WHERE key_hash = ?1 AND window_end > ?2 AND count > 0";

	return login_one(st, sql, key, now);
}

int store_login_clear(struct store *st, const char *key, int64_t now)
{
	/* an ended window is as good as none: deleting it too is harmless */
	static const char sql[] = "DELETE FROM login_attempts WHERE key_hash = ?1";

	(void)now;
	return login_one(st, sql, key, -1);
}

int store_login_rows(struct store *st, int64_t *n)
{
	static const char sql[] = "SELECT COUNT(*) FROM login_attempts";
	struct db_stmt *s = db_prepare(st->conn, sql);
	int rc;

	if (!s)
		return MOAT_EDB;
	rc = db_step(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : MOAT_EDB;
	*n = db_column_int64(s, 0);
	db_reset(s);
	return MOAT_OK;
}
