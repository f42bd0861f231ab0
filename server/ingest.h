/*
 * ingest.h — the writer thread: the one thread that writes agent state
 * and (from the events issue on) threat events.
 *
 * Producers on any thread append jobs to a queue; the writer takes
 * everything waiting, applies it in one BEGIN IMMEDIATE transaction (group
 * commit) and only then runs each job's completion (an ack to the hub, a
 * condition an HTTP thread waits on). A commit that fails is retried; a
 * job is never dropped once queued.
 */
#ifndef MOAT_INGEST_H
#define MOAT_INGEST_H

#include <stdint.h>

/* Starts the writer with its own connection to db_path. */
int ingest_start(const char *db_path);
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

/* Queue depth (jobs waiting), for /metrics. */
int64_t ingest_queue_depth(void);

#endif
