/*
 * ratelimit.c — a fixed-size table of attempt windows; see ratelimit.h.
 *
 * A key is stored as the first 16 bytes of HMAC-SHA256(secret, key), the
 * secret drawn from crypto_random() on first use; its first 8 bytes pick
 * the home slot, and a key may sit in any of the RATELIMIT_PROBE slots
 * from there. A slot is free when empty or when its window has ended: a
 * live window is never overwritten, so a full probe run refuses the new
 * key (the caller answers 503) rather than forget another key's count.
 * Memory stays bounded (4096 slots) whatever an attacker sends.
 */
#include "ratelimit.h"

#include <pthread.h>
#include <string.h>

#include "crypto.h"
#include "err.h"

#define RL_ID 16

struct rl_slot {
	unsigned char id[RL_ID];
	int64_t window_end; /* 0: empty */
	int count;
};

static struct rl_slot rl_table[RATELIMIT_SLOTS];
static unsigned char rl_secret[32];
static int rl_keyed;
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds rl_lock. */
static void rl_id(const char *key, unsigned char id[RL_ID], uint64_t *home)
{
	unsigned char mac[CRYPTO_SHA256_LEN];

	if (!rl_keyed) {
		crypto_random(rl_secret, sizeof rl_secret);
		rl_keyed = 1;
	}
	crypto_hmac_sha256(rl_secret, sizeof rl_secret, key, strlen(key), mac);
	memcpy(id, mac, RL_ID);
	*home = 0;
	for (int i = 0; i < 8; i++)
		*home = (*home << 8) | mac[i];
}

static int rl_live(const struct rl_slot *s, int64_t now)
{
	return s->window_end > now;
}

/* Finds key's live slot, or (create) a free one, set up with a fresh
 * window. NULL when absent (!create) or when the probe run is all live.
 * Caller holds rl_lock. */
static struct rl_slot *rl_find(const char *key, int window_s, int64_t now, int create)
{
	unsigned char id[RL_ID];
	struct rl_slot *free_slot = NULL;
	uint64_t home;

	rl_id(key, id, &home);
	for (int i = 0; i < RATELIMIT_PROBE; i++) {
		struct rl_slot *s = &rl_table[(home + (uint64_t)i) % RATELIMIT_SLOTS];
		if (!rl_live(s, now)) {
			if (!free_slot)
				free_slot = s;
			continue;
		}
		if (memcmp(s->id, id, RL_ID) == 0)
			return s;
	}
	if (!create || !free_slot)
		return NULL;
	memcpy(free_slot->id, id, RL_ID);
	free_slot->window_end = now + window_s;
	free_slot->count = 0;
	return free_slot;
}

int ratelimit_take(const struct ratelimit_want *w, int n, int64_t now)
{
	struct rl_slot *slot[4];
	int rc = 0, found = 0;

	if (n < 1 || n > 4)
		return MOAT_EINVALID;
	pthread_mutex_lock(&rl_lock);
	for (; found < n && rc == 0; found++) {
		struct rl_slot *s = rl_find(w[found].key, w[found].window_s, now, 1);
		slot[found] = s;
		if (!s)
			rc = MOAT_EBUSY;
		else if (s->count >= w[found].limit)
			rc = (int)(s->window_end - now);
	}
	for (int i = 0; i < found; i++) {
		if (!slot[i])
			continue;
		if (rc == 0)
			slot[i]->count++;
		else if (slot[i]->count == 0)
			slot[i]->window_end = 0; /* made for nothing: free again */
	}
	pthread_mutex_unlock(&rl_lock);
	return rc;
}

void ratelimit_release(const char *key, int64_t now)
{
	struct rl_slot *s;

	pthread_mutex_lock(&rl_lock);
	s = rl_find(key, 0, now, 0);
	if (s && s->count > 0)
		s->count--;
	pthread_mutex_unlock(&rl_lock);
}

void ratelimit_clear(const char *key, int64_t now)
{
	struct rl_slot *s;

	pthread_mutex_lock(&rl_lock);
	s = rl_find(key, 0, now, 0);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&rl_lock);
}

void ratelimit_reset(const unsigned char *hash_key)
{
	pthread_mutex_lock(&rl_lock);
	memset(rl_table, 0, sizeof rl_table);
	if (hash_key) {
		memcpy(rl_secret, hash_key, sizeof rl_secret);
		rl_keyed = 1;
	} else {
		rl_keyed = 0;
	}
	pthread_mutex_unlock(&rl_lock);
}
