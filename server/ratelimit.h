/*
 * ratelimit.h — attempt counters for login throttling, per key (client
 * address or account), in fixed windows. In-memory and per process: a
 * restart forgets them. One mutex; any thread.
 *
 * An attempt is reserved before it is judged (ratelimit_take, check and
 * count in one step under the lock), so parallel requests cannot all pass
 * the check before any of them is counted. The table is fixed-size and
 * hashed with a secret key (HMAC-SHA256, a random key per process): a
 * client cannot choose keys that share slots with another's. A counter is
 * never dropped while its window runs; when a key finds no free slot,
 * ratelimit_take refuses (MOAT_EBUSY) instead of evicting one.
 */
#ifndef MOAT_RATELIMIT_H
#define MOAT_RATELIMIT_H

#include <stdint.h>

/* Slots in the table; a key probes at most RATELIMIT_PROBE of them. */
#define RATELIMIT_SLOTS 4096
#define RATELIMIT_PROBE 8

/* One key to count: at most limit attempts per window of window_s s. */
struct ratelimit_want {
	const char *key;
	int limit;
	int window_s;
};

/* Reserves one attempt for every key of w[0..n-1], all or none, at time
 * now (seconds). Returns 0 when each key was counted once more; > 0, the
 * seconds until the first refused key may try again, when a key is at its
 * limit (nothing counted); MOAT_EBUSY when a key has no slot because the
 * table is full of live counters (nothing counted). */
int ratelimit_take(const struct ratelimit_want *w, int n, int64_t now);
/* Gives back one attempt of key taken in its current window (an attempt
 * that turned out not to count, e.g. a successful login from an address). */
void ratelimit_release(const char *key, int64_t now);
/* Forgets key's current window (after a successful login to the account). */
void ratelimit_clear(const char *key, int64_t now);
/* Empties the table and sets the hash key (32 bytes; NULL for a random
 * one). Tests only: the first use picks a random key by itself. */
void ratelimit_reset(const unsigned char *hash_key);

#endif
