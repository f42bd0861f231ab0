/*
 * ratelimit.h — failure counters for login throttling, per key (client
 * address or account), in fixed windows. In-memory and per process: a
 * restart forgets them. One mutex; any thread.
 */
#ifndef MOAT_RATELIMIT_H
#define MOAT_RATELIMIT_H

#include <stdint.h>

/* Returns 0 when key may try again, else the seconds until it may. */
int ratelimit_blocked(const char *key, int limit, int window_s, int64_t now);
/* Counts one failure for key. */
void ratelimit_fail(const char *key, int window_s, int64_t now);
/* Forgets key (after a success). */
void ratelimit_clear(const char *key);

#endif
