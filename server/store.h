/*
 * store.h — the storage interface. All SQL lives behind it (store*.c).
 *
 * A struct store is one database connection (SQLite, or PostgreSQL through
 * db.h for the modules ported so far: docs/ARCHITECTURE.md, "Two
 * engines") plus its prepared statements; it belongs to exactly one
 * thread and is never shared. HTTP handler threads
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

#include <jansson.h>

#include "password.h"

struct store;
struct sqlite3_stmt;
struct json_t;

/* ---- connections ------------------------------------------------------ */

/* synchronous=FULL instead of NORMAL on every connection opened later:
 * an fsync at every commit, for power-loss durability. Call before any
 * thread starts. */
void store_set_sync_full(int on);

/* Does target name a PostgreSQL database (a postgres:// or postgresql://
 * URL) rather than a SQLite file? */
int store_target_is_postgres(const char *target);
/* Opens a connection: a SQLite file (WAL, synchronous=NORMAL,
 * foreign_keys, busy_timeout), or PostgreSQL for a postgres:// URL
 * (issue 13; only the modules docs/ARCHITECTURE.md lists as ported work
 * there: the others fail with MOAT_EDB and a log line). Does not
 * migrate. *out is the caller's: store_close() it. */
int store_open(const char *path, struct store **out);
void store_close(struct store *st);
/* Applies pending migrations in one transaction each. MOAT_ESCHEMA when the
 * database is newer than this binary (msg says which version). */
int store_migrate(struct store *st, char *msg, size_t msglen);
/* Highest applied migration version (0 when none). */
int store_schema_version(struct store *st, int *out);
/* Latest migration version this binary knows. */
int store_schema_latest(void);
/* Online backup of the whole database into dest (a new file). SQLite
 * only: MOAT_EINVALID on PostgreSQL, msg pointing to pg_dump. */
int store_backup(struct store *st, const char *dest, char *msg, size_t msglen);

/* Resets every statement used since the last call and ends the read
 * transaction of store_read_begin(). Server threads call it at the end of
 * each request. */
void store_idle(struct store *st);
/* Opens a read transaction (deferred BEGIN) so that every read of the
 * request shares one snapshot and one set of locks; a write ends it first.
 * Closed by store_idle(). */
int store_read_begin(struct store *st);

/* Per-thread connection for server threads: set the path once before any
 * thread starts, then store_thread() opens this thread's connection on first
 * use (NULL if it cannot). store_threads_close() closes them all after the
 * threads have stopped. */
void store_thread_setup(const char *path);
struct store *store_thread(void);
void store_threads_close(void);

/* WAL checkpoints off the committing threads (store_checkpoint.c): a
 * thread with its own connection to path copies the log into the database
 * whenever a commit leaves it over 1,000 pages, so that a commit (an ack)
 * does not wait for a checkpoint; only a commit that leaves the log over
 * 64 MiB (a writer that never pauses) checkpoints inline, which bounds it.
 * Without the thread, connections checkpoint inline as SQLite does by
 * default. Start after migrating, stop after the other threads. */
int store_checkpointer_start(const char *path);
void store_checkpointer_stop(void);
struct buf;
/* Appends the checkpointer's counters to b (Prometheus text). */
int store_checkpoint_metrics(struct buf *b);

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
/* Is session id still live at now, by the same rules as
 * store_session_lookup (not revoked, not past expires_at, seen within
 * idle_s, user enabled)? MOAT_OK with it in *ses and its user in *u,
 * MOAT_EAUTH when it
 * has ended (or never was), or a database error. A read: touches nothing. */
int store_session_alive(struct store *st, int64_t id, int64_t now, int64_t idle_s,
                        struct store_session *ses, struct store_user *u);

/* ---- the login throttle (store_login.c) ------------------------------- */

/* Login attempts are counted per key (a client address "ip:…" or an
 * account "acct:…") in fixed windows kept in the database (schema 012),
 * so that every moatd on it counts into the same windows. An attempt is
 * reserved before it is judged, check and count in one step, so parallel
 * attempts (on any instance) cannot all pass the check before any of them
 * is counted. A window is never dropped while it runs; ended ones are
 * deleted by later attempts (a few per attempt), so the table holds the
 * live windows and little else. */
struct store_login_want {
	const char *key;
	int limit;    /* attempts per window */
	int window_s; /* the window, from the key's first attempt */
};

/* Reserves one attempt for every key of w[0..n-1] (n <= 4), all or none,
 * at time now (seconds). 0 when each key was counted once more; > 0, the
 * seconds until the first refused key (in w's order) may try again, when
 * a key is at its limit (nothing counted); or a negative moat_err. */
int store_login_take(struct store *st, const struct store_login_want *w, int n, int64_t now);
/* Gives back one attempt of key in its current window (an attempt that
 * turned out not to count, e.g. a successful login from an address). */
int store_login_release(struct store *st, const char *key, int64_t now);
/* Forgets key's window (after a successful login to the account). */
int store_login_clear(struct store *st, const char *key, int64_t now);
/* Rows in the table, live or not (tests). */
int store_login_rows(struct store *st, int64_t *n);

/* ---- live-feed tickets (store_ticket.c) ------------------------------- */

/* One-time tickets for the live feed, kept as their SHA-256 hex (schema
 * 011), so that a ticket issued through one moatd is redeemed through
 * any, once. */

/* Stores ticket hash for user_id, signed in with session_id, to watch
 * project_id, valid from now for ttl_s seconds, unless the user already
 * holds per_user unused tickets. 0 when stored; > 0, the seconds until
 * the user's first unused ticket expires, when at the cap; or a negative
 * moat_err (MOAT_ECONFLICT when the session is gone). Deletes a few
 * expired tickets of anyone in the same transaction. */
int store_ticket_issue(struct store *st, const char *hash, int64_t user_id, int64_t session_id,
                       int64_t project_id, int64_t now, int ttl_s, int per_user, int *retry_after);
/* Redeems ticket hash at now: deletes it and returns its ids. MOAT_OK, or
 * MOAT_ENOTFOUND when it is unknown, used or expired. Of several
 * connections redeeming one ticket at once, one gets it. */
int store_ticket_take(struct store *st, const char *hash, int64_t now, int64_t *user_id,
                      int64_t *project_id, int64_t *session_id);

/* ---- once-only background work (store.c) ------------------------------ */

/* Work that one moatd of the database does for all of them; each job has
 * its own lock (db.h's db_job_trylock: an advisory lock on PostgreSQL). */
enum store_job {
	STORE_JOB_RETENTION = 1, /* the events' retention purge (ingest.c) */
	STORE_JOB_AGENT_PRUNE,   /* pruning agents offline for long (ingest.c) */
	STORE_JOB_DELIVERY_PURGE /* old delivered and dead deliveries (notify.c) */
};
/* Takes job's lock if no connection (of any moatd) holds it: 1 when this
 * connection holds it now (run one pass, then store_job_done), 0 when
 * another does (skip the pass), or a negative moat_err. Outside any
 * transaction; not twice without store_job_done between. */
int store_job_try(struct store *st, int job);
void store_job_done(struct store *st, int job);

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

/* Finds the environment name of project_id. */
int store_env_get(struct store *st, int64_t project_id, const char *name, struct store_env *out);

/* ---- policy versions ---------------------------------------------------- */

struct store_policy {
	int64_t id;
	int64_t environment_id;
	int64_t version;
	char sha256[65];
	char *document; /* canonical JSON, heap: store_policy_cleanup() */
	char author[1100];
	char message[1100];
	int64_t rollback_of; /* 0 = none */
	int64_t created_at;
};

void store_policy_cleanup(struct store_policy *p);
/* The newest version of an environment. */
int store_policy_current(struct store *st, int64_t env_id, struct store_policy *out);
int store_policy_get(struct store *st, int64_t env_id, int64_t version, struct store_policy *out);
/* Versions newest first, below before (0 = from the newest), without
 * documents (document stays NULL). */
int store_policy_list(struct store *st, int64_t env_id, int64_t before, int limit,
                      struct store_policy **out, size_t *n);
void store_policy_list_free(struct store_policy *arr, size_t n);
/* A status change of one event of the policy's project that commits with
 * a policy version (a false positive and its exclusion): both or neither.
 * changed is set as store_event_set_status() sets it. */
struct store_status_change {
	const char *uid, *status, *reason; /* reason may be NULL */
	int changed;
};
/* Stores document (canonical text with its sha256) as the next version,
 * unless it equals the current one (*changed = 0, out = current).
 * if_match >= 0 must equal the current version (MOAT_ESTALE otherwise).
 * Audits policy.update or policy.rollback (rollback_of > 0). With ev, the
 * event's status change (store_event_set_status) is made in the same
 * transaction, also when the document is unchanged; MOAT_ENOTFOUND when
 * the event is not there, and then nothing is written. */
/* A channel a policy's "Notifications" keeps (config as code): kind
 * "slack" or "webhook" and its url; secret is the signing secret a webhook
 * channel gets if it is created now. id, created and updated are set as
 * store_channel_upsert_in() sets them. */
struct store_policy_channel {
	const char *kind, *url, *secret;
	int64_t id;
	int created, updated;
};
/* With chans (n of them), their channels are created or updated
 * (store_channel_upsert_in) in the same transaction, also when the
 * document is unchanged: the version and its channels commit together or
 * not at all. */
int store_policy_put(struct store *st, const struct actor *a, const struct store_project *p,
                     const struct store_env *env, const char *document, const char *sha256,
                     const char *message, int64_t if_match, int64_t rollback_of,
                     struct store_status_change *ev, struct store_policy_channel *chans,
                     size_t nchans, struct store_policy *out, int *changed);
/* Gives every environment without a policy version the default as v1. */
int store_policy_backfill(struct store *st);

/* ---- agents ------------------------------------------------------------- */

/* Transactions for a caller that batches several writes (the writer). */
int store_tx_begin(struct store *st);
int store_tx_commit(struct store *st);
void store_tx_rollback(struct store *st);
/* The ingest writer's transaction. SQLite: store_tx_begin (BEGIN
 * IMMEDIATE: one writer at a time). PostgreSQL: a plain BEGIN, without
 * the shared write lock, so the writers of several moatd insert events
 * and add rollups at once (exactly-once from the events' unique key,
 * rollups by atomic upserts); store_tx_lock takes the lock when a job
 * does more (agent state, the notifier's outbox hook). */
int store_tx_begin_events(struct store *st);
/* In a transaction of store_tx_begin_events: takes the shared write lock
 * now if it is not held yet (PostgreSQL; nothing on SQLite, whose
 * transaction holds it from the start). MOAT_EBUSY after 5 s. */
int store_tx_lock(struct store *st);
/* A savepoint inside the caller's transaction (one job of the writer's
 * group commit): released when the job succeeded, rolled back to (and
 * released) when it failed, so a job leaves all of itself or nothing. */
int store_tx_savepoint(struct store *st);
/* While st waits for a lock another connection holds (up to the busy
 * timeout of 5 s), hook(arg) is called after each of SQLite's sleeps (1 to
 * 100 ms) on the waiting thread
 * (the writer expires its waiters' deadlines meanwhile). hook must not use
 * st. NULL restores the plain timeout. */
void store_set_busy_hook(struct store *st, void (*hook)(void *arg), void *arg);
int store_tx_release(struct store *st);
void store_tx_rollback_to(struct store *st);

/* Writer-side updates; they run inside the caller's transaction. */
int store_agent_hello(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                      const char *hostname, const char *runtime, const char *agent_version,
                      const char *remote, int64_t token_id, int64_t policy_version, int64_t now);
int store_agent_applied(struct store *st, int64_t project_id, const char *agent_id, int64_t version,
                        int ok, const char *error, int64_t now);
int store_agent_offline(struct store *st, int64_t project_id, const char *agent_id, int64_t now);
int store_agent_seen(struct store *st, int64_t project_id, const char *agent_id, int64_t now);
/* At start: agents left online by a previous run are offline now. */
int store_agent_all_offline(struct store *st);

/* ---- several instances on PostgreSQL (store_cluster.c; issue 13) ------- */

/* The channel every moatd LISTENs on, and the NOTIFY payloads sent on it
 * (docs/ARCHITECTURE.md, "The cluster module"):
 *   "policy <project_id> <environment_id> <version>"  a committed version
 *   "auth <epoch>"  a credential taken away (auth_epoch's new value) */
#define STORE_CLUSTER_CHANNEL "moat_cluster"
#define STORE_INSTANCE_MAX    64

/* Main thread, before any thread starts: this process's instance id
 * (NULL: none, SQLite). On PostgreSQL each hello writes it into
 * agents.instance_id, and an agent's offline and last-seen writes touch
 * its row only while it names this instance (it may have moved to
 * another one meanwhile); with an instance set, a last-seen write also
 * sets it online (this instance holds the socket, whatever the survivors
 * concluded). */
void store_set_instance(const char *id);
/* The instance id, or NULL when none was set. */
const char *store_instance(void);

/* In the caller's write transaction, before its commit: NOTIFY a policy
 * version / an auth change (auth_epoch + 1). Sent when the transaction
 * commits, never when it rolls back. On SQLite: nothing, MOAT_OK. */
int store_cluster_policy_tx(struct store *st, int64_t project_id, int64_t env_id, int64_t version);
int store_cluster_auth_tx(struct store *st);

/* The listener's connection (PostgreSQL; MOAT_EINVALID on SQLite): LISTEN
 * on STORE_CLUSTER_CHANNEL in the current session; the session counter
 * (a reset after a failure starts a new session, which listens to
 * nothing); the socket to poll; and the notifications arrived, each
 * handed to fn(arg, payload) in commit order: their count, or MOAT_EDB
 * when the connection broke (db.h, db_pg_notifies). */
int store_cluster_listen(struct store *st);
unsigned store_cluster_session(struct store *st);
int store_cluster_socket(struct store *st);
int store_cluster_notifies(struct store *st, void (*fn)(void *arg, const char *payload), void *arg);

/* The repair's reads: the database's auth epoch; the highest policy
 * version row id (0 when none); and the version rows above after_id in id
 * order (at most cap, *n of them). Row ids follow commit order because
 * every version is inserted under the one write lock (db_begin). */
struct store_policy_head {
	int64_t id, project_id, env_id, version;
};
int store_cluster_auth_epoch(struct store *st, int64_t *out);
int store_cluster_policy_mark(struct store *st, int64_t *out);
int store_cluster_policies_after(struct store *st, int64_t after_id, struct store_policy_head *out,
                                 int cap, int *n);

/* Upserts this instance's row with heartbeat_at = now; *was_there is 0
 * when the row had to be inserted (the first beat, or the survivors took
 * this instance for dead and reaped it). */
int store_cluster_heartbeat(struct store *st, const char *id, const char *hostname,
                            int64_t started_at, int64_t now, int *was_there);
/* Deletes the instance's row (a clean stop; its agents went offline
 * through the writer). */
int store_cluster_leave(struct store *st, const char *id);
/* Marks offline the agents online with no instance (before 011). */
int store_cluster_orphans(struct store *st, int64_t *agents);
/* Instances other than self whose heartbeat is older than stale_before:
 * their online agents are marked offline (last_seen_at = now) and their
 * rows deleted, in one write transaction; only a read when there is
 * none. *instances and *agents: how many. */
int store_cluster_reap(struct store *st, const char *self, int64_t stale_before, int64_t now,
                       int *instances, int64_t *agents);

struct store_agent {
	int64_t id;
	char agent_id[132];
	char environment[48];
	char hostname[260];
	char runtime[68];
	char agent_version[68];
	char remote_addr[64];
	int64_t first_seen_at, last_seen_at;
	int online;
	int64_t policy_version;
	int64_t policy_applied_at;
	char policy_error[256];
};

struct store_agent_filter {
	int64_t project_id;
	const char *environment; /* NULL = all */
	int online;              /* -1 = all */
	const char *q;           /* prefix of agent_id or hostname, NULL = all */
	int64_t after_id;        /* cursor */
	int limit;
};

int store_agent_list(struct store *st, const struct store_agent_filter *f, struct store_agent **out,
                     size_t *n);
/* Per environment of project_id: online agents, and how many of them run
 * the environment's latest policy version. */
struct store_rollout {
	char environment[48];
	int64_t latest_version;
	int64_t online;
	int64_t on_latest;
	int64_t offline;
};
int store_agent_rollout(struct store *st, int64_t project_id, struct store_rollout **out,
                        size_t *n);
/* Deletes an offline agent (ECONFLICT when online, ENOTFOUND). */
int store_agent_delete(struct store *st, const struct actor *a, const struct store_project *p,
                       const char *agent_id);
/* Deletes agents offline for longer than older_than_s; *n gets the count. */
int store_agent_prune(struct store *st, int64_t older_than_s, int64_t *n);

/* ---- events ------------------------------------------------------------- */

struct event;
struct event_batch;
/* The id the next event gets: above every stored event and above the
 * free-text index's mark (schema 006), so that ids only grow. Read it once
 * per transaction, inside it. */
int store_event_next_id(struct store *st, int64_t *id);
/* Stores e with id *next_id unless (project, uid) is already there
 * (*inserted = 0); when stored, *next_id moves on. Runs inside the
 * caller's (the writer's) transaction. The free-text index does not have
 * the event yet: store_event_index_text adds it. */
int store_event_insert(struct store *st, int64_t project_id, int64_t env_id, const char *agent_id,
                       const struct event *e, int64_t received_ms, int64_t *next_id, int *inserted);
/* Stores the events of b as store_event_insert does each, in the caller's
 * transaction: inserted[i] says whether b->ev[i] was stored (else it was
 * there already); the events stored get ids *next_id, *next_id + 1 ... in
 * the batch's order, and *next_id moves past them. SQLite: one insert per
 * event. PostgreSQL: one INSERT ... SELECT FROM unnest(arrays) ON
 * CONFLICT DO NOTHING for the batch (again without the duplicates when
 * some were skipped, so the ids stay consecutive). MOAT_EINVALID when an
 * event's text is not valid UTF-8 (nothing stored), else 0, MOAT_EBUSY or
 * MOAT_EDB. */
int store_event_insert_batch(struct store *st, int64_t project_id, int64_t env_id,
                             const char *agent_id, const struct event_batch *b, int64_t received_ms,
                             int64_t *next_id, unsigned char *inserted);
/* PostgreSQL, before the writer's transaction (never inside one): reserves
 * n consecutive event ids for it from the one sequence of every moatd
 * (schema 013) and puts the first into *first. SQLite: nothing (*first
 * stays: the one writer's own next id). */
int store_event_reserve_ids(struct store *st, int64_t n, int64_t *first);
/* PostgreSQL, before the writer's transaction (never inside one): makes
 * sure the monthly partitions exist for this month and the next two
 * (from now_ms) and for each month of b's events (b may be NULL), each
 * created once in a statement of its own and remembered per connection.
 * SQLite: nothing. */
int store_event_prepare(struct store *st, const struct event_batch *b, int64_t now_ms);
/* Adds the next events (at most limit, in id order) above the free-text
 * index's mark to events_fts and moves the mark past them, in one
 * transaction of its own. *n gets how many, *indexed_to the new mark
 * (unchanged when *n is 0). */
int store_event_index_text(struct store *st, int limit, int64_t *n, int64_t *indexed_to);
/* The free-text index's mark and how many events are above it. */
int store_event_text_state(struct store *st, int64_t *indexed_to, int64_t *lag);
/* Adds the events of b with inserted[i] set (the job's new events, not its
 * duplicates) to the rollups that store_event_stats reads: per minute and
 * hour counts by interceptor, action and severity, per hour counts of
 * endpoints, source addresses and rules. One upsert per distinct key. Runs
 * inside the caller's (the writer's) transaction, the one that inserted
 * them. Returns MOAT_OK, MOAT_EBUSY or MOAT_EDB (never a per-job error:
 * the events are in the transaction already, so a failure must roll the
 * whole group back). */
int store_event_rollup_add(struct store *st, int64_t project_id, int64_t env_id,
                           const struct event_batch *b, const unsigned char *inserted);
/* Deletes at most limit events received before cutoff_ms and subtracts
 * them from the rollups (own transaction); *n gets the count. PostgreSQL
 * first drops the monthly partitions wholly past the cutoff (with their
 * rollup rows; counted in *n too). Rollup rows
 * go when they reach zero, never by age: the purge goes by received_at,
 * the buckets by ts. */
int store_event_purge(struct store *st, int64_t cutoff_ms, int limit, int64_t *n);

/* ---- event search, statistics and triage (store_event_query.c) -------- */

struct event_cidr;

/* Which events: every set field must match (NULL / 0 = any). */
struct store_event_filter {
	int64_t project_id;
	const char *environment; /* name; an unknown name matches nothing */
	const char *interceptor, *action, *severity, *status;
	const char *agent_id;
	const char *source_ip;         /* one canonical address */
	const struct event_cidr *cidr; /* a network (event_query.h) */
	const char *endpoint;          /* exact */
	const char *endpoint_prefix;   /* starts with */
	const char *fts;               /* an FTS5 query from event_query_fts() */
	int64_t since_ms, until_ms;    /* ts in [since, until); 0 = open */
	int has_cursor;                /* only events after (older than) ... */
	int64_t after_ts, after_id;    /* ... this keyset position */
	const char *status_not;        /* status differs (bulk triage) */
};

/* One event as stored. The char pointers are heap strings or NULL (SQL
 * NULL): store_event_row_cleanup() frees them. */
struct store_event_row {
	int64_t id; /* row id: the keyset's tie-breaker, never shown */
	char uid[40];
	int64_t ts, received_at; /* ms since the epoch */
	int64_t environment_id;
	char environment[48];
	char interceptor[32], action[16], severity[16], status[16];
	double confidence;
	int has_confidence;
	int64_t payload_len, operation_len, line;
	int payload_truncated, operation_truncated, has_line;
	char *agent_id, *source_ip, *method, *endpoint, *payload, *operation, *file, *function,
	    *rule, *details;
};

void store_event_row_cleanup(struct store_event_row *e);
void store_event_rows_free(struct store_event_row *rows, size_t n);

/* At most limit events matching f, newest first (ts, then row id, both
 * descending). *out is the caller's (store_event_rows_free). */
int store_event_search(struct store *st, const struct store_event_filter *f, int limit,
                       struct store_event_row **out, size_t *n);
/* The event uid of project_id; MOAT_ENOTFOUND. out: store_event_row_cleanup. */
int store_event_get(struct store *st, int64_t project_id, const char *uid,
                    struct store_event_row *out);

/* Sets the status of one event and audits event.status (with the previous
 * status and reason). *changed = 0 when it already had that status
 * (nothing written). MOAT_ENOTFOUND. */
int store_event_set_status(struct store *st, const struct actor *a, const struct store_project *p,
                           const char *uid, const char *status, const char *reason, int *changed);
/* Sets the status of at most max events matching f (that have another
 * status) in one transaction, audited once as event.status with the count
 * and filters_json (the filters as given, a JSON object). *more = 1 when
 * more events match. */
int store_event_triage(struct store *st, const struct actor *a, const struct store_project *p,
                       const struct store_event_filter *f, const char *status, const char *reason,
                       const char *filters_json, int max, int64_t *changed, int *more);

/* One event as store_event_scan hands it on: the strings are SQLite's (or
 * NULL) and live only during the call. */
struct store_event_scan_row {
	int64_t id, ts;
	const char *interceptor, *action;
	const char *endpoint, *source_ip;
	size_t endpoint_len, source_len;
};
typedef void (*store_event_scan_fn)(void *arg, const struct store_event_scan_row *r);

/* Calls fn for every event matching f (no cursor: the whole range), newest
 * first, on the search's plan (the same driver index as
 * store_event_search). 0 or an error (fn may have been called for some
 * events already). */
int store_event_scan(struct store *st, const struct store_event_filter *f, store_event_scan_fn fn,
                     void *arg);

#define STORE_GROUPS_TREND 25     /* trend buckets, at most */
#define STORE_GROUPS_MAX   100000 /* distinct groups counted, at most */

/* One group of events: same interceptor, endpoint and (by_source)
 * source address. endpoint and source_ip are heap strings or NULL (the
 * events had none). */
struct store_event_group {
	const char *interceptor; /* static (policy_interceptor_names) */
	char *endpoint, *source_ip;
	int64_t count, blocked, first_ts, last_ts;
	int64_t trend[STORE_GROUPS_TREND];
};

/* What store_event_groups answers. */
struct store_event_groups {
	struct store_event_group *groups; /* the first n in order (heap) */
	size_t n;
	int64_t total;                 /* groups in the range */
	int complete;                  /* 0: over STORE_GROUPS_MAX, some not counted */
	int64_t trend_start, trend_ms; /* bucket k: [start + k * ms, start + (k + 1) * ms) */
	int trend_n;                   /* buckets (24 or 25) */
	int rollup;                    /* the whole hours came from a rollup */
};

/* The groups of the events matching f (f->since_ms and f->until_ms must
 * be set): by interceptor + endpoint (+ source address when by_source),
 * ordered by last_ts descending, then interceptor, endpoint, source (byte
 * order, none first); the first limit of them. The trend's bucket is the
 * range / 24 rounded up to a whole minute (a whole hour for a range of 24
 * hours or more), aligned to multiples of itself since the epoch. With no
 * filter but environment, interceptor, action, endpoint and source
 * address, the whole hours of a range of 24 hours or more come from a
 * rollup (event_groups_hour, schema 009; by source or with an address
 * filter event_sources_hour, 010) and only the partial hours at its edges
 * from the events (out->rollup). out: store_event_groups_cleanup. */
int store_event_groups(struct store *st, const struct store_event_filter *f, int by_source,
                       int limit, struct store_event_groups *out);
void store_event_groups_cleanup(struct store_event_groups *out);

#define STORE_STATS_INTERCEPTORS 7 /* in policy_interceptor_names order */
#define STORE_STATS_SEVERITIES   4 /* low, medium, high, critical */
#define STORE_STATS_TOP          10
#define STORE_STATS_BUCKETS_MAX  2000

struct store_stats_top {
	char *key; /* heap */
	int64_t count;
};

/* Counts over [since_ms, until_ms) in buckets of bucket_ms (aligned to
 * multiples of it since the epoch). Exact to the millisecond: the whole
 * hours inside the range come from the rollups (store_event_rollup_add),
 * the partial hours at its edges from the events themselves. */
struct store_event_stats {
	int64_t first_bucket; /* start of bucket 0 (ms) */
	int nbuckets;
	/* per bucket: [b * (STORE_STATS_INTERCEPTORS + 2) + i] = interceptor
	 * i, then + 7 = blocked, + 8 = total. Heap. */
	int64_t *buckets;
	int64_t total, blocked, logged;
	int64_t by_interceptor[STORE_STATS_INTERCEPTORS];
	int64_t by_severity[STORE_STATS_SEVERITIES];
	struct store_stats_top endpoints[STORE_STATS_TOP], sources[STORE_STATS_TOP],
	    rules[STORE_STATS_TOP];
	int nendpoints, nsources, nrules;
};

/* Fills out (store_event_stats_cleanup) for project_id and environment
 * (NULL = all). MOAT_EINVALID when the range needs more than
 * STORE_STATS_BUCKETS_MAX buckets. */
int store_event_stats(struct store *st, int64_t project_id, const char *environment,
                      int64_t since_ms, int64_t until_ms, int64_t bucket_ms,
                      struct store_event_stats *out);
void store_event_stats_cleanup(struct store_event_stats *s);

/* What a policy document would have done to an environment's events of
 * [since_ms, until_ms) (store_event_impact.c): per interceptor (in
 * policy_interceptor_names order) and per kind, how many events it would
 * treat otherwise than they were treated, with the most frequent
 * endpoints among them. */
enum store_impact_kind {
	STORE_IMPACT_BLOCK,    /* logged, would now be blocked */
	STORE_IMPACT_LOG_ONLY, /* blocked, would now only be logged */
	STORE_IMPACT_SILENCED, /* interceptor off, or an ignore exclusion */
	STORE_IMPACT_DENIED,   /* the source address is in the denylist */
	STORE_IMPACT_KINDS
};
#define STORE_IMPACT_TOP 5
/* Work bounds: events read for the exclusions and the denylist, distinct
 * endpoints counted per kind, events sampled per interceptor for the top
 * endpoints of a mode change, and denylist nets / exclusions evaluated. */
#define STORE_IMPACT_ROWS_MAX   10000
#define STORE_IMPACT_KEYS_MAX   256
#define STORE_IMPACT_SAMPLE     1000
#define STORE_IMPACT_PREDICATES 256

struct store_impact_endpoint {
	char *endpoint; /* heap */
	int64_t count;
};

struct store_impact_kind_out {
	int64_t count;
	int ntop;
	struct store_impact_endpoint top[STORE_IMPACT_TOP];
	/* the top endpoints come from a sample of the events, not all */
	int top_sampled;
};

struct store_impact {
	/* per interceptor: its events in the range, logged [0] and blocked [1] */
	int64_t events[STORE_STATS_INTERCEPTORS][2];
	struct store_impact_kind_out k[STORE_STATS_INTERCEPTORS][STORE_IMPACT_KINDS];
	/* the reasons a figure is approximate (each 0 or 1) */
	int capped;    /* more events matched than STORE_IMPACT_ROWS_MAX */
	int skipped;   /* past STORE_IMPACT_PREDICATES, or a net with no range */
	int parameter; /* an exclusion names a parameter (events have none) */
	int users;     /* the denylist names users (not counted) */
	int64_t rows;  /* events read */
};

/* Fills out (store_event_impact_cleanup) for the normalised document doc
 * (policy_normalize) against env_id's events of [since_ms, until_ms);
 * now_ms decides which denylist entries are still in force. Counts of
 * events no exclusion and no denylist entry matches come from the
 * rollups (exact); the others are read event by event through the
 * endpoint, source and interceptor indexes, at most
 * STORE_IMPACT_ROWS_MAX of them (out->capped when there were more: what
 * was read is scaled up to event_top's count, an estimate). 0 or
 * MOAT_EDB. */
int store_event_impact(struct store *st, int64_t project_id, int64_t env_id, const json_t *doc,
                       int64_t since_ms, int64_t until_ms, int64_t now_ms,
                       struct store_impact *out);
void store_event_impact_cleanup(struct store_impact *out);

/* The query plans (EXPLAIN QUERY PLAN, one "|"-separated line per step)
 * that store_event_search(f) would run (stats = 0), or those of
 * store_event_stats (stats = 1), into out: for tests and benchmarks. */
int store_event_plan(struct store *st, const struct store_event_filter *f, int stats, char *out,
                     size_t cap);

/* ---- end of event search -------------------------------------------- */

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
/* Ids of agent tokens revoked, expired, or whose project was archived in
 * [since, now], in increasing order and above after_id: one page of at
 * most max into ids (*n of them). A page shorter than max is the last;
 * otherwise ask again with after_id = the last id returned (keyset). */
int store_tokens_revoked_since(struct store *st, int64_t since, int64_t now, int64_t after_id,
                               int64_t *ids, int max, int *n);
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

/* ---- notification channels and deliveries (store_channel.c) ----------- */

#define STORE_CHANNEL_URL_MAX    2048 /* bytes of a channel URL, NUL excluded */
#define STORE_CHANNEL_SECRET_MAX 80   /* a webhook signing secret, NUL included */
#define STORE_CHANNEL_ENVS       16   /* environments a filter may name */

/* One channel. url is the full target URL: only the notifier sends to it;
 * the API shows a masked form. The signing secret is not in this struct:
 * store_channel_secret() and the notifier's claim read it. Filters: a
 * zero mask or no environment means "every value". */
struct store_channel {
	int64_t id;
	int64_t project_id;
	char project[48];
	char kind[8]; /* "slack" | "webhook" */
	char name[404];
	char url[STORE_CHANNEL_URL_MAX + 1];
	int enabled;
	unsigned interceptors; /* bit i = policy_interceptor_names[i] */
	unsigned actions;      /* bit 0 blocked, bit 1 logged */
	int min_severity;      /* 0 low, 1 medium, 2 high, 3 critical */
	char environments[STORE_CHANNEL_ENVS][48];
	int nenvironments;
	int on_threats, on_policy_failed, on_rollout_stalled, on_env_offline;
	int64_t rollout_stall_seconds;
	int64_t throttle_seconds;
	char source[8]; /* "api" | "policy" (a policy's "Notifications") */
	/* the notifier's throttle state (ms since the epoch; 0 = none) */
	int64_t last_sent_at, window_ends_at, digest_id;
	char created_by[1100];
	int64_t created_at, updated_at; /* unix seconds */
};

/* Action and severity names in mask-bit / index order (NULL-terminated). */
extern const char *const store_channel_actions[];
extern const char *const store_channel_severities[];

/* Creates channel c (its id, project_id and times are set here; kind,
 * name, url, filters and subscriptions come from c) with the webhook
 * signing secret (NULL for Slack), audited as channel.create (never with
 * the url or the secret). ECONFLICT when the project has a channel of
 * that name, EARCHIVED for an archived project. *out gets the stored row. */
int store_channel_create(struct store *st, const struct actor *a, const struct store_project *p,
                         const struct store_channel *c, const char *secret,
                         struct store_channel *out);
/* The channel id of project_id (project_id 0 = of any project). ENOTFOUND. */
int store_channel_get(struct store *st, int64_t project_id, int64_t id, struct store_channel *out);
/* The channels of project_id (0 = every project), by id. *out: free(). */
int store_channel_list(struct store *st, int64_t project_id, struct store_channel **out, size_t *n);
/* Changes channel id of p in one write transaction: reads the current
 * row, lets apply(c, arg) change c's kind-independent fields (name, url,
 * enabled, filters, subscriptions, throttle_seconds) and writes them, so
 * that two changes at once never lose one another's fields. apply returns
 * 0, or a negative code that rolls back and is returned as is. Audited
 * as channel.update with changed (a JSON array of the field names, which
 * apply may fill; stolen; NULL = []). ENOTFOUND, ECONFLICT (name taken).
 * *out gets the row. */
typedef int (*store_channel_apply_fn)(struct store_channel *c, void *arg);
int store_channel_update(struct store *st, const struct actor *a, const struct store_project *p,
                         int64_t id, store_channel_apply_fn apply, void *arg,
                         struct json_t *changed, struct store_channel *out);
/* Deletes channel id of p and its deliveries, audited as channel.delete. */
int store_channel_delete(struct store *st, const struct actor *a, const struct store_project *p,
                         int64_t id);
/* The signing secret of channel id into out (STORE_CHANNEL_SECRET_MAX;
 * "" for a Slack channel). For the notifier only: never shown, never
 * logged. ENOTFOUND. */
int store_channel_secret(struct store *st, int64_t id, char out[STORE_CHANNEL_SECRET_MAX]);

/* Config as code (a policy's "Notifications"): inside the caller's write
 * transaction (the one that stores the policy version), makes the channel
 * of kind for environment env of p, named "policy:<env>:<kind>" with
 * source "policy" and environments [env], point at url: created when
 * missing (a webhook gets secret, which the caller generated and shows
 * once; *created = 1), its url replaced when different (*updated = 1),
 * untouched otherwise. Audited (channel.create / channel.update, with
 * "source": "policy"). *id gets the channel id. */
int store_channel_upsert_in(struct store *st, const struct actor *a, const struct store_project *p,
                            const struct store_env *env, const char *kind, const char *url,
                            const char *secret, int64_t *id, int *created, int *updated);
/* Reads only: what store_channel_upsert_in would do (for a dry run):
 * *exists = 0 (it would create), 1 (same url: nothing), 2 (new url; the
 * current one into old_url, cap bytes, when not NULL). */
int store_channel_policy_peek(struct store *st, const struct store_project *p,
                              const struct store_env *env, const char *kind, const char *url,
                              int *exists, char *old_url, size_t cap);

/* The notifier's throttle state of channel id, inside the caller's
 * transaction (the writer's commit, or the notifier's own). */
int store_channel_set_throttle_in(struct store *st, int64_t id, int64_t last_sent_at,
                                  int64_t window_ends_at, int64_t digest_id);

/* One delivery (a row of the outbox / delivery log). Times in ms. */
struct store_delivery {
	int64_t id;
	char uuid[40]; /* the receiver's X-Moat-Delivery */
	int64_t channel_id;
	char kind[8];    /* event | digest | test | alert */
	char status[12]; /* pending | delivered | failed | dead */
	int64_t event_id, last_event_id, event_count;
	char *body; /* heap JSON text or NULL: store_delivery_cleanup() */
	int64_t attempts;
	int64_t next_attempt_at;
	int response_code; /* 0 = no answer */
	char last_error[512];
	int64_t created_at, delivered_at; /* delivered_at 0 = not yet */
};

void store_delivery_cleanup(struct store_delivery *d);
void store_deliveries_free(struct store_delivery *arr, size_t n);

/* What to enqueue: kind and the cause (event ids and/or body JSON text,
 * copied; NULL = none), due at next_attempt_at (ms). */
struct store_delivery_new {
	int64_t channel_id;
	const char *kind;
	int64_t event_id, last_event_id, event_count;
	const char *body;
	int64_t next_attempt_at;
	int64_t attempts; /* already made (a sender that claims it itself); usually 0 */
	int64_t now_ms;   /* created_at */
};

/* Adds one pending delivery with a fresh uuid INSIDE THE CALLER'S OPEN
 * WRITE TRANSACTION on st (the writer's commit that stores the events, or
 * a handler's): nothing is committed here. *id (may be NULL) gets its id,
 * uuid (may be NULL, 40 bytes) its delivery id. */
int store_delivery_add_in(struct store *st, const struct store_delivery_new *d, int64_t *id,
                          char *uuid);
/* Same, in a transaction of its own (a test message, an alert). */
int store_delivery_add(struct store *st, const struct store_delivery_new *d, int64_t *id,
                       char *uuid);

/* A claimed delivery with what the notifier needs to send it. */
struct store_delivery_job {
	struct store_delivery d;
	struct store_channel c;
	char secret[STORE_CHANNEL_SECRET_MAX]; /* "" for Slack; never logged */
};

void store_delivery_jobs_free(struct store_delivery_job *arr, size_t n);
/* The earliest next_attempt_at of a delivery still to send (pending or
 * failed) into *at; 0 when there is none. For the notifier's sleep. */
int store_delivery_next_due(struct store *st, int64_t *at);
/* Outcome of an attempt (own transaction each; err may be NULL, copied
 * and cut at a character boundary to fit):
 *   delivered: status delivered, delivered_at = now_ms;
 *   failed:    status failed, retried at next_attempt_at;
 *   dead:      status dead, never retried. */
int store_delivery_mark_delivered(struct store *st, int64_t id, int response_code, int64_t now_ms);
int store_delivery_mark_failed(struct store *st, int64_t id, int response_code, const char *err,
                               int64_t next_attempt_at);
int store_delivery_mark_dead(struct store *st, int64_t id, int response_code, const char *err);
/* The delivery id of channel_id (with its body). ENOTFOUND. */
int store_delivery_get(struct store *st, int64_t channel_id, int64_t id,
                       struct store_delivery *out);
/* The deliveries of channel_id with id < before_id (0 = from the newest),
 * newest first, at most limit; *out: store_deliveries_free(). */
int store_delivery_list(struct store *st, int64_t channel_id, int64_t before_id, int limit,
                        struct store_delivery **out, size_t *n);
/* How many deliveries are pending or failed (still to send), for /metrics. */
int store_delivery_backlog(struct store *st, int64_t *n);

/* ---- the notifier's own queries (store_notify.c) ----------------------- */

/* The enabled channels of project_id that hear about threats, inside the
 * caller's transaction (the writer's commit). *out: free(). */
int store_notify_channels_in(struct store *st, int64_t project_id, struct store_channel **out,
                             size_t *n);
/* The body (heap, NULL when none: free()) of digest id while it still
 * collects (pending and never attempted); MOAT_ENOTFOUND once the
 * notifier took it (then a new digest starts). Caller's transaction. */
int store_notify_digest_open_in(struct store *st, int64_t id, char **body);
/* Folds more events into digest id (still collecting): last_event_id,
 * event_count += count, body replaced. Caller's transaction. */
int store_notify_digest_update_in(struct store *st, int64_t id, int64_t last_event_id,
                                  int64_t count, const char *body);
/* The notifier's claim: at most max deliveries due at now_ms (pending or
 * failed with next_attempt_at <= now_ms; disabled channels' wait), oldest
 * due first, in one transaction of its own: each gets attempts + 1 and
 * next_attempt_at = now_ms + lease_ms, so that a delivery whose outcome
 * is never recorded (moatd killed while sending) is due again after the
 * lease, and a second claim before then does not return it. A channel
 * listed in busy (nbusy ids, each with busy_n[i] deliveries in flight)
 * gets at most per_channel - busy_n[i] more, any other channel at most
 * per_channel, so that one slow receiver never holds the queue: the
 * deliveries of channels at their limit are not even read. *out:
 * store_delivery_jobs_free(). */
int store_notify_claim(struct store *st, int64_t now_ms, int64_t lease_ms, int max,
                       const int64_t *busy, const int *busy_n, size_t nbusy, int per_channel,
                       struct store_delivery_job **out, size_t *n);
/* Deletes at most limit delivered or dead deliveries created before
 * before_ms (the delivery log keeps what event retention keeps), in a
 * transaction of its own; *n gets how many. */
int store_notify_purge(struct store *st, int64_t before_ms, int limit, int64_t *n);
/* The project and uid of the event with row id id; MOAT_ENOTFOUND when
 * it is gone (retention). */
int store_notify_event_uid(struct store *st, int64_t id, int64_t *project_id, char uid[40]);
/* Inside the caller's transaction: records that channel_id was told of
 * occurrence key; *fresh = 1 when it had not been (send), 0 when it had. */
int store_notify_alert_once_in(struct store *st, int64_t channel_id, const char *key, int64_t now,
                               int *fresh);

/* Something operators must hear about, found by a scan. */
struct store_notify_alert {
	int64_t project_id, env_id;
	char env[48];
	char key[160];     /* the occurrence (see schema 008) */
	char message[600]; /* what happened, in a sentence */
	int64_t since;     /* when it began (unix seconds), for the rollout test */
};
/* Agents that reported a policy they could not apply (policy_error set).
 * *out: free(). */
int store_notify_scan_policy_failed(struct store *st, struct store_notify_alert **out, size_t *n);
/* Environments that had agents and whose agents have all been offline
 * since before now - grace_s. *out: free(). */
int store_notify_scan_env_offline(struct store *st, int64_t now, int64_t grace_s,
                                  struct store_notify_alert **out, size_t *n);
/* Environments whose current policy version, created at since, is not
 * yet applied by every online agent (the caller compares since with each
 * channel's rollout_stall_seconds). *out: free(). */
int store_notify_scan_rollouts(struct store *st, struct store_notify_alert **out, size_t *n);

#endif
