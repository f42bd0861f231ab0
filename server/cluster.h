/*
 * cluster.h — several moatd on one PostgreSQL database (issue 13, "Many
 * instances"): one thread per process with its own connection that
 * LISTENs for what other instances commit and hands it to this process's
 * own paths, checks every few seconds for what it may have missed, beats
 * its instance's heartbeat and marks the agents of dead instances offline.
 * docs/ARCHITECTURE.md, "The cluster module", has the payloads and why.
 *
 * Off on SQLite (one instance): main does not start it.
 *
 * Threads: cluster_start and cluster_stop on one thread (main); the hooks
 * run on the cluster thread, with no lock of this module held, and must
 * hand work on as every other producer does (ws_agent_publish_policy
 * posts to the hub; auth_epoch_bump is an atomic). cluster_stats from any
 * thread.
 */
#ifndef MOAT_CLUSTER_H
#define MOAT_CLUSTER_H

#include <stdint.h>

#include "store.h"

struct cluster_config {
	const char *db;                       /* the postgres:// URL (read by cluster_start only) */
	char instance_id[STORE_INSTANCE_MAX]; /* this process's, unique per start */
	char hostname[STORE_INSTANCE_MAX];    /* shown in the instances table */
	int repair_ms;                        /* the periodic check, heartbeat and reaping (5000) */
	int stale_s; /* an instance whose heartbeat is older is dead (60) */
	/* A policy version of env_id newer than the last this instance pushed
	 * (notified, or found by the check). st is the cluster thread's
	 * connection, to read the version with (store_idle'd afterwards). */
	void (*policy)(void *arg, struct store *st, int64_t project_id, int64_t env_id,
	               int64_t version);
	/* A credential was taken away on some instance (the database's auth
	 * epoch moved to epoch). */
	void (*auth)(void *arg, int64_t epoch);
	void *arg;
};

struct cluster_stats {
	uint64_t notifications;   /* payloads received on the channel */
	uint64_t policies;        /* policy hooks called */
	uint64_t policies_repair; /* of which found by the periodic check */
	uint64_t policies_own;    /* this instance's own commits heard: remembered, not handed on */
	uint64_t auths;           /* auth hooks called */
	uint64_t auths_repair;    /* of which found by the periodic check */
	uint64_t reconnects;      /* times the listener listened again */
	uint64_t reaped_instances, reaped_agents;
	uint64_t checks; /* periodic checks run */
	int listening;   /* 1 while the connection listens */
};

struct cluster;

/* Connects (store_open), LISTENs, reads where the database stands (the
 * highest policy version row, the auth epoch), writes the instance's
 * heartbeat row and marks offline the agents no instance holds, then
 * starts the thread: whatever commits after cluster_start returns reaches
 * the hooks. MOAT_EDB when the database cannot be reached, MOAT_EINVALID
 * on SQLite. *out is the caller's: cluster_stop() it. */
int cluster_start(const struct cluster_config *cfg, struct cluster **out);
/* Stops and joins the thread, deletes the instance's row, closes the
 * connection, frees c. NULL is fine. */
void cluster_stop(struct cluster *c);
/* Counters (any thread). */
void cluster_stats(struct cluster *c, struct cluster_stats *out);

/* The serving process's cluster, for /metrics (main: after cluster_start,
 * and NULL before cluster_stop). */
void cluster_metrics_set(struct cluster *c);
/* Appends the counters of that cluster to b (Prometheus text); nothing
 * when there is none (SQLite). Any thread. */
struct buf;
int cluster_metrics(struct buf *b);

/* Parses a payload ("policy P E V [INSTANCE]", "auth N"): 'p' or 'a'
 * with the numbers in v[] and, for a policy, the committing instance's id
 * in from (empty when the payload names none), or 0 for anything else
 * (ignored: a newer moatd's payload on the same channel). Pure; for tests
 * too. */
int cluster_parse(const char *payload, int64_t v[3], char *from, size_t fromcap);

#endif
