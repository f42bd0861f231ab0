/*
 * ingest.h — the writer thread: the one thread that writes threat events
 * and agent state. It knows the store and the event model, nothing else:
 * not WebSockets, not HTTP.
 *
 * Producers on any thread append jobs to a queue; the writer takes
 * everything waiting, applies it in one BEGIN IMMEDIATE transaction (group
 * commit, a SAVEPOINT per job: a job failing on its own error leaves
 * nothing of itself and is skipped) and only then reports each committed event
 * batch: first to the batch's own completion (ingest_done_fn: the
 * WebSocket ack path and the REST answer alike), then to every subscriber
 * registered at start (ingest_subscribe: the live feed, the notifier's
 * wake-up). A subscriber that must write in the same transaction as the
 * events (ingest_subscribe_tx: the notifier's outbox) is called inside it,
 * in the batch's savepoint, before the commit. After a commit that
 * changed agent state (hello, applied, offline), the agent-state
 * subscribers (ingest_subscribe_agents: the live feed's notes) hear of
 * every change of it at once.
 * A commit that fails is retried; a job is never dropped once queued.
 *
 * Threads and locks: the queue is guarded by the writer's lock, taken
 * last (no other lock is ever taken while it is held). Completions,
 * subscribers and text-index callbacks all run on the writer thread with
 * no lock of this module held, so they may take their own locks (the
 * hub's, libmicrohttpd's) and may call ingest_backlog() and the like.
 *
 * Bounds (each on /metrics): event batches, 100,000 queued events
 * (ingest_events_async answers MOAT_EBUSY: REST answers 503, a WebSocket
 * connection keeps its batch and stops reading); agent-state jobs,
 * INGEST_MAX_STATE_JOBS (past half of it a "seen" refresh is coalesced
 * away: it carries only a time that the next one refreshes; past it hello
 * and applied are refused and the connection closed, to come back later;
 * offline is always queued, one per hello taken).
 */
#ifndef MOAT_INGEST_H
#define MOAT_INGEST_H

#include <stdint.h>

#include "buf.h"
#include "event.h"

struct store;

#define INGEST_MAX_QUEUED_EVENTS 100000
#define INGEST_MAX_STATE_JOBS    20000 /* hello, applied, offline, seen jobs queued */
#define INGEST_MAX_SUBSCRIBERS   4

/* Starts the writer with its own connection to db_path.
 * retention_days > 0: events older than that are purged in small batches;
 * agent_prune_days > 0: agents offline that long leave the inventory. */
int ingest_start(const char *db_path, int retention_days, int agent_prune_days);
/* Commits everything queued, then stops and joins the writer; searches
 * still waiting for the free-text index are called back. */
void ingest_stop(void);

struct ingest_agent {
	int64_t project_id;
	int64_t env_id;
	int64_t token_id;
	char agent_id[132];
	char hostname[260];
	char runtime[68];
	char agent_version[68];
	char remote[64];
	int64_t policy_version; /* what the agent said it enforces */
};

/* An agent said hello (upsert, online). Copies a. MOAT_EBUSY when
 * INGEST_MAX_STATE_JOBS state jobs wait (nothing queued: refuse the
 * connection, the agent comes back later). */
int ingest_agent_hello(const struct ingest_agent *a);
/* The agent applied (ok) or refused a policy version. MOAT_EBUSY as
 * for hello (the agent reports its version again in its next hello). */
int ingest_agent_applied(int64_t project_id, const char *agent_id, int64_t version, int ok,
                         const char *error);
/* The agent's connection closed. Always queued: one per connection
 * that said hello, so bounded by the hellos taken. */
void ingest_agent_offline(int64_t project_id, const char *agent_id);
/* Refreshes last_seen_at of an online agent. Coalesced away (counted)
 * when half of INGEST_MAX_STATE_JOBS state jobs wait: the next refresh
 * carries a later time anyway. */
void ingest_agent_seen(int64_t project_id, const char *agent_id);

/* The result of a stored batch. */
struct ingest_result {
	int64_t accepted;
	int64_t duplicates;
};

/* A committed event batch, as the writer reports it to the batch's
 * completion and to the subscribers. Everything is borrowed for the
 * duration of the call only (the writer frees it afterwards). */
struct ingest_commit {
	int64_t project_id, env_id;
	const char *env;      /* the environment's name */
	const char *agent_id; /* "" when the caller gave none */
	const struct event_batch *batch;
	const unsigned char *inserted; /* per event of batch: 1 stored now, 0 a duplicate */
	struct ingest_result res;
	int64_t received_ms; /* the events' received_at */
	/* the row id of the first event stored now: the k-th event of the
	 * batch flagged in inserted (counting from 0) has row id first_id + k */
	int64_t first_id;
};

/* A batch's completion, called exactly once on the writer thread with no
 * ingest lock held: rc MOAT_OK with c after the commit; MOAT_EIO with c
 * NULL when the batch had a deadline and was not committed by then (the
 * database refuses writes; the batch stays queued and is still stored
 * once it takes them); or another error with c NULL when the batch failed
 * on its own (its project is gone) and nothing of it was stored. It must be quick (it delays every
 * other batch's completion) and must not wait for the writer. */
typedef void (*ingest_done_fn)(void *arg, int rc, const struct ingest_commit *c);

/* Queues a validated batch (takes b's contents; b is left empty);
 * done(arg, ...) follows on the writer thread, possibly before this
 * returns. timeout_ms > 0: the deadline for MOAT_EIO; 0: none (the
 * completion waits for the commit however long it takes). MOAT_EBUSY when
 * the queue holds INGEST_MAX_QUEUED_EVENTS events: nothing queued, done is
 * never called, b is left as it was. One path for WebSocket and REST. */
int ingest_events_async(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                        struct event_batch *b, int timeout_ms, ingest_done_fn done, void *arg);
/* The same, blocking the calling thread until done (tests, tools). */
int ingest_events_wait(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                       struct event_batch *b, int timeout_ms, struct ingest_result *out);

/* A subscriber: told of every committed event batch, in commit order,
 * after the batch's own completion. Writer thread, no ingest lock held;
 * it turns the commit into its own work (copying what it needs) and
 * returns quickly. */
typedef void (*ingest_commit_fn)(void *arg, const struct ingest_commit *c);
/* Registers fn (main thread, before ingest_start; at most
 * INGEST_MAX_SUBSCRIBERS). MOAT_ETOOBIG when the table is full. */
int ingest_subscribe(ingest_commit_fn fn, void *arg);
/* What one commit did to an agent's state (ingest_subscribe_agents). */
enum ingest_agent_change_kind {
	INGEST_AGENT_CONNECTED = 1, /* a hello: online */
	INGEST_AGENT_APPLIED,       /* it applied (ok) or refused a version */
	INGEST_AGENT_DISCONNECTED   /* its connection closed: offline */
};
struct ingest_agent_change {
	int kind;
	int64_t project_id;
	const char *agent_id; /* borrowed for the call */
	int64_t version;      /* connected: what it enforces; applied: the version */
	int ok;               /* applied: 1 applied, 0 refused */
};
/* An agent-state subscriber: told once per commit that changed agents
 * (hello, applied, offline; not the last-seen refreshes), with every
 * change of that commit in order. Writer thread, no ingest lock held;
 * copies what it needs and returns quickly. */
typedef void (*ingest_agents_fn)(void *arg, const struct ingest_agent_change *ch, size_t n);
/* Registers fn (main thread, before ingest_start; at most
 * INGEST_MAX_SUBSCRIBERS). MOAT_ETOOBIG when the table is full. */
int ingest_subscribe_agents(ingest_agents_fn fn, void *arg);
/* A subscriber inside the writer's transaction: called for every event
 * batch after its events (and rollups) are written, on the writer's own
 * connection st, inside the batch's savepoint and before the commit, so
 * that what it writes commits with the events or not at all. It returns
 * MOAT_OK, or an error that fails the batch as the batch's own error would
 * (MOAT_EBUSY / MOAT_EDB: the whole transaction is retried; another: the
 * batch is skipped and its completion told). It may run more than once for
 * one batch (a retried commit): it writes, it does not count or notify
 * (that is the post-commit subscriber's part). No ingest lock is held; it
 * must not call back into ingest. */
typedef int (*ingest_tx_fn)(void *arg, struct store *st, const struct ingest_commit *c);
/* Registers fn (main thread, before ingest_start; at most
 * INGEST_MAX_SUBSCRIBERS). MOAT_ETOOBIG when the table is full. */
int ingest_subscribe_tx(ingest_tx_fn fn, void *arg);
/* Forgets every subscriber (main thread, writer stopped; tests). */
void ingest_unsubscribe_all(void);

/* The free-text index (schema 006) has every event committed so far (or
 * the writer is not running). */
int ingest_text_fresh(void);
/* For a search with free text, so that it finds what was acknowledged
 * before it: 0 when the index has every event committed so far (cb is not
 * called); else 1, and cb(arg) runs once on the writer thread, with no
 * ingest lock held, when the index has them, when timeout_ms has passed
 * (even while the database refuses writes), or when the writer stops.
 * The writer indexes at once while someone waits. cb must be quick. */
int ingest_text_wait_async(int timeout_ms, void (*cb)(void *arg), void *arg);
/* The same, blocking: MOAT_OK, or MOAT_EIO when the index is still
 * behind after timeout_ms. */
int ingest_text_wait(int timeout_ms);

/* Events queued for the writer now (any thread; a snapshot). */
int64_t ingest_backlog(void);

/* The writer's measured rate (any thread; a snapshot): events it commits
 * per second of its busy time (commits, the free-text index, retention),
 * a moving average over half-second samples of busy time; 0 until the
 * first sample. What WebSocket credits are sized by. */
int64_t ingest_rate(void);

/* Whether the calling thread holds the writer's lock (asserts, tests). */
int ingest_lock_held(void);

/* Appends the ingestion counters to b (Prometheus text). */
int ingest_metrics(struct buf *b);
/* Counts events rejected at validation (by reason), for /metrics. */
void ingest_count_rejected(const struct event_batch *b);

#endif
