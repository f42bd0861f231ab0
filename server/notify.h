/*
 * notify.h — the notifier: the thread that delivers notifications (Slack,
 * signed webhooks) from the outbox, and the writer's hook that fills the
 * outbox in the commit that stores the events.
 *
 * The path of an event to a receiver: the writer's transaction calls
 * notify_outbox_tx (ingest_subscribe_tx), which matches the batch against
 * the project's channels and writes an event delivery (a quiet channel)
 * or folds it into the channel's digest (within its throttle window); the
 * post-commit subscriber notify_committed wakes the notifier, which
 * claims due deliveries (store_notify_claim: a lease, at most
 * NOTIFY_PER_CHANNEL in flight per channel, NOTIFY_MAX_INFLIGHT in all),
 * sends them with libcurl's multi interface (one thread, no transfer
 * waits for another) and records each outcome: delivered, failed (retried
 * with backoff, Retry-After honoured) or dead.
 *
 * Threads: notify_start/stop on main; notify_outbox_tx and
 * notify_committed on the writer; notify_wake, notify_test_send and
 * notify_metrics on any thread. The notifier thread owns libcurl (every
 * CURL handle, the multi handle) and its own SQLite connection.
 * curl_global_init runs in notify_global_init, on main, before any thread.
 *
 * Locks: notify_lock guards the wake flag, the test queue and the
 * counters; it is taken last (nothing else is locked under it) and no
 * library call runs under it except curl_multi_wakeup (thread-safe).
 */
#ifndef MOAT_NOTIFY_H
#define MOAT_NOTIFY_H

#include <limits.h>
#include <stdint.h>

#include "buf.h"

struct ingest_commit;
struct notify_test_result;
struct store;
struct store_channel;

#define NOTIFY_MAX_INFLIGHT    64   /* transfers at once, all channels */
#define NOTIFY_PER_CHANNEL     4    /* transfers at once for one channel */
#define NOTIFY_MAX_TESTS       16   /* test sends waiting or in flight; more: MOAT_EBUSY */
#define NOTIFY_LEASE_MARGIN_MS 5000 /* a claim's lease: the timeout plus this */
#define NOTIFY_STOP_GRACE_MS   5000 /* at a stop, transfers in flight get this long */
#define NOTIFY_PURGE_CHUNK     500  /* old deliveries deleted per alert scan, at most */

struct notify_config {
	char db[PATH_MAX];
	char public_url[512];
	int allow_private;   /* --allow-private-webhooks */
	int timeout_ms;      /* one attempt */
	int max_attempts;    /* then dead */
	uint64_t seed;       /* backoff jitter; 0 = random */
	int offline_grace_s; /* an environment all offline this long is reported */
	int alert_scan_ms;   /* how often operator alerts are looked for */
	int retention_days;  /* delivered and dead deliveries older are purged (0 = keep) */
};

/* curl_global_init: main thread, before any other thread starts. */
int notify_global_init(void);
/* Starts the notifier thread with its own connection to cfg->db (copied). */
int notify_start(const struct notify_config *cfg);
/* Stops and joins it: transfers in flight get NOTIFY_STOP_GRACE_MS (at
 * most the timeout) to be answered and recorded; the rest are abandoned
 * (their leases run out: the next start sends them again; a receiver may
 * see a delivery id twice only when it had not answered). */
void notify_stop(void);
/* Wakes the notifier (any thread): something may be due. */
void notify_wake(void);

/* The writer's hooks (registered by main before ingest_start). */
int notify_outbox_tx(void *arg, struct store *st, const struct ingest_commit *c);
void notify_committed(void *arg, const struct ingest_commit *c);

/* The test sender (notify_test.h's notify_test_fn, registered by main):
 * hands channel c (copied) to the notifier thread, which owns libcurl,
 * and waits at most timeout_ms + 1 s for the one attempt (the notifier's
 * own timeout bounds the transfer). MOAT_EBUSY when NOTIFY_MAX_TESTS are
 * under way or the notifier does not run; MOAT_EIO with out->error when
 * no outcome came in time. Any thread (an HTTP worker). */
int notify_test_send(const struct store_channel *c, const char *uuid, const char *secret,
                     int timeout_ms, struct notify_test_result *out);

/* Appends the notifier's counters to b (Prometheus text). */
int notify_metrics(struct buf *b);

/* The notifier's clock in ms: the wall clock plus the test clock's offset. */
int64_t notify_now_ms(void);

#endif
