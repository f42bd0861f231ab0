/*
 * ingest.h — the writer thread: the one thread that writes threat events
 * and agent state.
 *
 * Producers on any thread append jobs to a queue; the writer takes
 * everything waiting, applies it in one BEGIN IMMEDIATE transaction (group
 * commit) and only then completes each job: an event batch from a
 * WebSocket gets its ack through the hub, one from REST wakes the HTTP
 * thread waiting for it. A commit that fails is retried; a job is never
 * dropped once queued. The queue is bounded in events: REST callers are
 * told to come back later (503), WebSocket connections stop being read
 * (the caller's job), so nothing is lost and memory stays bounded.
 */
#ifndef MOAT_INGEST_H
#define MOAT_INGEST_H

#include <stdint.h>

#include "buf.h"
#include "event.h"

#define INGEST_MAX_QUEUED_EVENTS 100000

/* Starts the writer with its own connection to db_path.
 * retention_days > 0: events older than that are purged in small batches;
 * agent_prune_days > 0: agents offline that long leave the inventory. */
int ingest_start(const char *db_path, int retention_days, int agent_prune_days);
/* Commits everything queued, then stops and joins the writer. */
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

/* An agent said hello (upsert, online). Copies a. */
void ingest_agent_hello(const struct ingest_agent *a);
/* The agent applied (ok) or refused a policy version. */
void ingest_agent_applied(int64_t project_id, const char *agent_id, int64_t version, int ok,
                          const char *error);
/* The agent's connection closed. */
void ingest_agent_offline(int64_t project_id, const char *agent_id);
/* Refreshes last_seen_at of an online agent. */
void ingest_agent_seen(int64_t project_id, const char *agent_id);

/* The result of a stored batch. */
struct ingest_result {
	int64_t accepted;
	int64_t duplicates;
};

/* Queues a validated WebSocket batch (takes b's contents; b is left
 * empty). When it is committed, the ack for seq goes to conn_id through
 * the hub. Never refuses: the caller bounds what it reads. */
void ingest_events_ws(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                      uint64_t conn_id, int64_t seq, struct event_batch *b);
/* Called once by the writer for a batch queued by ingest_events_async:
 * rc MOAT_OK with res after the commit, or MOAT_EIO with res NULL when the
 * batch was not committed by its deadline (the database refuses writes;
 * the batch is still stored once it takes them). Runs on the writer
 * thread: it must be quick and must not call back into ingest. */
typedef void (*ingest_done_fn)(void *arg, int rc, const struct ingest_result *res);
/* Queues a batch for a REST caller that does not block (takes b's
 * contents; b is left empty); done(arg, ...) follows on the writer
 * thread, possibly before this returns. MOAT_EBUSY when the queue is
 * full: nothing queued, done is never called, b is left as it was. */
int ingest_events_async(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                        struct event_batch *b, int timeout_ms, ingest_done_fn done, void *arg);
/* The same, blocking the calling thread until done (tests, tools). */
int ingest_events_wait(int64_t project_id, int64_t env_id, const char *env, const char *agent_id,
                       struct event_batch *b, int timeout_ms, struct ingest_result *out);

/* The free-text index (schema 006) has every event committed so far (or
 * the writer is not running). */
int ingest_text_fresh(void);
/* For a search with free text, so that it finds what was acknowledged
 * before it: 0 when the index has every event committed so far (cb is not
 * called); else 1, and cb(arg) runs once on the writer thread when the
 * index has them, when timeout_ms has passed, or when the writer stops.
 * The writer indexes at once while someone waits. cb must be quick and
 * must not call back into ingest. */
int ingest_text_wait_async(int timeout_ms, void (*cb)(void *arg), void *arg);
/* The same, blocking: MOAT_OK, or MOAT_EIO when the index is still
 * behind after timeout_ms. */
int ingest_text_wait(int timeout_ms);

/* Events queued for the writer now (any thread; a snapshot). */
int64_t ingest_backlog(void);

/* Appends the ingestion counters to b (Prometheus text). */
int ingest_metrics(struct buf *b);
/* Counts events rejected at validation (by reason), for /metrics. */
void ingest_count_rejected(const struct event_batch *b);

#endif
