/*
 * notify_retry.h — when a delivery is tried again: exponential backoff
 * with jitter from a seedable generator, the receiver's Retry-After, and
 * what an attempt's outcome means (delivered, try again, give up). Pure
 * functions; a struct notify_rng belongs to one thread.
 */
#ifndef MOAT_NOTIFY_RETRY_H
#define MOAT_NOTIFY_RETRY_H

#include <stddef.h>
#include <stdint.h>

#define NOTIFY_BACKOFF_BASE_MS   1000   /* the first retry, about */
#define NOTIFY_BACKOFF_CAP_MS    300000 /* retries are never further apart (5 min) */
#define NOTIFY_RETRY_AFTER_MAX_S 3600   /* a longer Retry-After is cut to this */

/* A small deterministic generator (splitmix64): seeded from the system's
 * randomness in moatd, from a fixed seed in tests. */
struct notify_rng {
	uint64_t s;
};

void notify_rng_seed(struct notify_rng *r, uint64_t seed);
/* Uniform in [0, bound) (bound > 0). */
uint64_t notify_rng_below(struct notify_rng *r, uint64_t bound);

/* The delay before retry number `attempt` (1 = the first retry):
 * d = min(cap, base * 2^(attempt-1)), then a uniformly random delay in
 * [d/2, d] (equal jitter: receivers that failed together do not come back
 * together, and the first retry comes within about a second). */
int64_t notify_backoff_ms(struct notify_rng *r, int attempt, int64_t base_ms, int64_t cap_ms);

/* Parses a Retry-After header value: delta-seconds or an HTTP-date
 * (relative to now_s). 0 and *ms set (0 when the date is past, at most
 * NOTIFY_RETRY_AFTER_MAX_S seconds); MOAT_EINVALID when it is neither. */
int notify_retry_after_ms(const char *value, int64_t now_s, int64_t *ms);

enum notify_outcome {
	NOTIFY_DELIVERED = 1, /* 2xx */
	NOTIFY_RETRY,         /* no answer, 408, 425, 429, 5xx: try again */
	NOTIFY_REFUSED,       /* any other answer, a refused target: dead now */
};

/* What an attempt means: transport_error 0 when the receiver answered
 * with status; else the attempt did not get an answer (timeout,
 * connection refused: try again), unless refused_target (the address is
 * private, a bad URL: no retry can help). */
int notify_outcome(int transport_error, long status, int refused_target);

#endif
