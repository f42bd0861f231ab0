/*
 * ratelimit.c — a fixed-size table of failure windows; see ratelimit.h.
 * Keys are hashed (FNV-1a 64) into 4096 slots with the key kept for exact
 * comparison; a full probe run evicts the oldest window, so memory stays
 * bounded whatever an attacker sends.
 */
#include "ratelimit.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define RL_SLOTS 4096
#define RL_PROBE 8
#define RL_KEY   160

struct rl_slot {
	char key[RL_KEY];
	int64_t window_start;
	int failures;
};

static struct rl_slot rl_table[RL_SLOTS];
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t rl_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

/* Finds key's slot, or (create) a free/oldest one. Caller holds rl_lock. */
static struct rl_slot *rl_find(const char *key, int create)
{
	uint64_t h = rl_hash(key);
	struct rl_slot *victim = NULL;

	for (int i = 0; i < RL_PROBE; i++) {
		struct rl_slot *s = &rl_table[(h + (uint64_t)i) % RL_SLOTS];
		if (s->key[0] && strncmp(s->key, key, RL_KEY - 1) == 0)
			return s;
		if (!victim || !s->key[0] ||
		    (victim->key[0] && s->window_start < victim->window_start))
			victim = s;
	}
	if (!create)
		return NULL;
	memset(victim, 0, sizeof *victim);
	snprintf(victim->key, RL_KEY, "%s", key);
	return victim;
}

int ratelimit_blocked(const char *key, int limit, int window_s, int64_t now)
{
	struct rl_slot *s;
	int wait = 0;

	pthread_mutex_lock(&rl_lock);
	s = rl_find(key, 0);
	if (s && now - s->window_start < window_s && s->failures >= limit)
		wait = (int)(s->window_start + window_s - now);
	pthread_mutex_unlock(&rl_lock);
	return wait > 0 ? wait : 0;
}

void ratelimit_fail(const char *key, int window_s, int64_t now)
{
	struct rl_slot *s;

	pthread_mutex_lock(&rl_lock);
	s = rl_find(key, 1);
	if (now - s->window_start >= window_s) {
		s->window_start = now;
		s->failures = 0;
	}
	s->failures++;
	pthread_mutex_unlock(&rl_lock);
}

void ratelimit_clear(const char *key)
{
	struct rl_slot *s;

	pthread_mutex_lock(&rl_lock);
	s = rl_find(key, 0);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&rl_lock);
}
