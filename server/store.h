/*
 * store.h — the storage interface. All SQL lives behind it (store*.c).
 *
 * A struct store is one SQLite connection plus its prepared statements; it
 * belongs to exactly one thread and is never shared. HTTP handler threads
 * get theirs from store_thread(), opened on first use. Every write runs in
 * a BEGIN IMMEDIATE transaction together with its audit row.
 *
 * Functions return MOAT_OK or a negative moat_err; results come back in
 * caller-provided structs. Arrays returned through out-parameters are
 * heap-allocated and freed by the caller with free().
 */
#ifndef MOAT_STORE_H
#define MOAT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "password.h"

struct store;
struct sqlite3_stmt;

/* ---- connections ------------------------------------------------------ */

/* Opens a connection (WAL, synchronous=NORMAL, foreign_keys, busy_timeout).
 * Does not migrate. *out is the caller's: store_close() it. */
int store_open(const char *path, struct store **out);
void store_close(struct store *st);
/* Applies pending migrations in one transaction each. MOAT_ESCHEMA when the
 * database is newer than this binary (msg says which version). */
int store_migrate(struct store *st, char *msg, size_t msglen);
/* Highest applied migration version (0 when none). */
int store_schema_version(struct store *st, int *out);
/* Latest migration version this binary knows. */
int store_schema_latest(void);
/* Online backup of the whole database into dest (a new file). */
int store_backup(struct store *st, const char *dest, char *msg, size_t msglen);

/* Resets every statement used since the last call, ending any read
 * snapshot. Server threads call it at the end of each request. */
void store_idle(struct store *st);

/* Per-thread connection for server threads: set the path once before any
 * thread starts, then store_thread() opens this thread's connection on first
 * use (NULL if it cannot). store_threads_close() closes them all after the
 * threads have stopped. */
void store_thread_setup(const char *path);
struct store *store_thread(void);
void store_threads_close(void);

/* ---- who is acting (for the audit log) ------------------------------- */

enum actor_type { ACTOR_SYSTEM = 0, ACTOR_USER, ACTOR_TOKEN };

struct actor {
	int type;
	int64_t user_id;  /* 0 when none */
	int64_t token_id; /* 0 when none */
	char label[1100]; /* user e-mail or "token:<name>" or "system" */
	const char *ip;
	const char *request_id;
};

/* ---- users ------------------------------------------------------------ */

struct store_user {
	int64_t id;
	char email[1024];
	char name[1024];
	char role[8];
	int disabled;
	int64_t created_at;
	int64_t last_login_at; /* 0 = never */
	char password_hash[PASSWORD_ENCODED_MAX];
};

int store_user_count(struct store *st, int64_t *out);
/* MOAT_ECONFLICT when the e-mail is taken. */
int store_user_create(struct store *st, const struct actor *a, const char *email, const char *name,
                      const char *password_hash, const char *role, struct store_user *out);
int store_user_get(struct store *st, int64_t id, struct store_user *out);
int store_user_get_by_email(struct store *st, const char *email, struct store_user *out);
int store_user_list(struct store *st, struct store_user **out, size_t *n);
/* name/role NULL = unchanged, disabled -1 = unchanged. MOAT_ELASTADMIN when
 * no enabled admin would remain. Disabling revokes the user's sessions. */
int store_user_update(struct store *st, const struct actor *a, int64_t id, const char *name,
                      const char *role, int disabled, struct store_user *out);
/* Sets a new password hash and revokes every session but keep_session. */
int store_user_set_password(struct store *st, const struct actor *a, int64_t id,
                            const char *password_hash, int64_t keep_session);
int store_user_login_ok(struct store *st, const struct actor *a, int64_t id);

/* ---- sessions --------------------------------------------------------- */

struct store_session {
	int64_t id;
	int64_t user_id;
	int64_t created_at;
	int64_t last_seen_at;
	int64_t expires_at;
};

int store_session_create(struct store *st, int64_t user_id, const char *token_hash, int64_t now,
                         int64_t expires_at, const char *ip, const char *ua, int64_t *id_out);
/* Finds a live session (not revoked, not past expires_at, seen within
 * idle_s) of an enabled user; refreshes last_seen_at at most once a minute.
 * MOAT_EAUTH when there is none. */
int store_session_lookup(struct store *st, const char *token_hash, int64_t now, int64_t idle_s,
                         struct store_session *s, struct store_user *u);
int store_session_revoke(struct store *st, const struct actor *a, int64_t id);

/* ---- projects and environments ---------------------------------------- */

struct store_project {
	int64_t id;
	char slug[48];
	char name[1024];
	int64_t archived_at; /* 0 = active */
	int64_t created_at;
};

struct store_env {
	int64_t id;
	int64_t project_id;
	char name[48];
	int64_t created_at;
};

/* Creates the project and its "production" environment. ECONFLICT if the
 * slug is taken. */
int store_project_create(struct store *st, const struct actor *a, const char *slug,
                         const char *name, struct store_project *out);
int store_project_get(struct store *st, const char *slug, struct store_project *out);
int store_project_get_id(struct store *st, int64_t id, struct store_project *out);
int store_project_list(struct store *st, int include_archived, struct store_project **out,
                       size_t *n);
/* name NULL = unchanged; archived -1 = unchanged, 0 = restore, 1 = archive. */
int store_project_update(struct store *st, const struct actor *a, const char *slug,
                         const char *name, int archived, struct store_project *out);
int store_env_list(struct store *st, int64_t project_id, struct store_env **out, size_t *n);
int store_env_create(struct store *st, const struct actor *a, const struct store_project *p,
                     const char *name, struct store_env *out);

/* ---- tokens ----------------------------------------------------------- */

struct store_token {
	int64_t id;
	int kind; /* enum token_kind */
	char name[512];
	char prefix[24];
	int64_t project_id; /* 0 for admin tokens */
	char project_slug[48];
	int64_t user_id; /* owner of an admin token, 0 = none */
	char created_by[1100];
	int64_t created_at;
	int64_t expires_at;   /* 0 = never */
	int64_t last_used_at; /* 0 = never */
	int64_t revoked_at;   /* 0 = live */
	int project_archived;
};

int store_token_create(struct store *st, const struct actor *a, int kind, const char *name,
                       const char *prefix, const char *token_hash, int64_t project_id,
                       int64_t user_id, int64_t expires_at, struct store_token *out);
/* Lists a project's tokens (project_id > 0) or a user's admin tokens. */
int store_token_list(struct store *st, int64_t project_id, int64_t user_id,
                     struct store_token **out, size_t *n);
/* Revokes token id if it belongs to project_id (or user_id when
 * project_id is 0). ENOTFOUND otherwise. */
int store_token_revoke(struct store *st, const struct actor *a, int64_t id, int64_t project_id,
                       int64_t user_id);
/* Finds a live token (not revoked, not expired) by hash; refreshes
 * last_used_at at most once a minute. MOAT_EAUTH when there is none. */
int store_token_lookup(struct store *st, const char *token_hash, int64_t now,
                       struct store_token *out);

/* ---- audit log -------------------------------------------------------- */

struct store_audit_filter {
	const char *actor;
	const char *action;
	const char *project;
	int64_t since, until; /* 0 = open */
	int64_t before_id;    /* cursor: entries with id < before_id; 0 = newest */
	int limit;
};

struct store_audit_entry {
	int64_t id;
	int64_t ts;
	char actor_type[8];
	char actor[1100];
	char action[64];
	char target[1100];
	char project[48]; /* "" = none */
	char ip[64];
	char request_id[40];
	char *details; /* JSON text, heap: freed by store_audit_free() */
};

/* Writes one audit row (inside the caller's transaction when one is open). */
int store_audit_add(struct store *st, const struct actor *a, const char *action, const char *target,
                    const char *project, const char *details_json);
/* Records a failed login for a->label (the attempted account). */
int store_audit_login_failed(struct store *st, const struct actor *a);
int store_audit_list(struct store *st, const struct store_audit_filter *f,
                     struct store_audit_entry **out, size_t *n);
void store_audit_free(struct store_audit_entry *e, size_t n);

#endif
