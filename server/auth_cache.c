/*
 * auth_cache.c — see auth_cache.h. Thread-local open table of 64 slots.
 */
#include "auth_cache.h"

#include <string.h>

#include "crypto.h"
#include "token.h"

#define AC_SLOTS 64
#define AC_TTL   60

struct ac_entry {
	uint64_t hash;
	uint64_t epoch;
	int64_t cached_at;
	char token[TOKEN_MAX];
	struct store_token tok;
	struct store_user user;
};

static uint64_t ac_epoch = 1;
static _Thread_local struct ac_entry *ac_table;

void auth_epoch_bump(void)
{
	__atomic_add_fetch(&ac_epoch, 1, __ATOMIC_ACQ_REL);
}

uint64_t auth_epoch(void)
{
	return __atomic_load_n(&ac_epoch, __ATOMIC_ACQUIRE);
}

static uint64_t ac_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

int auth_cache_get(const char *token, int64_t now, struct store_token *t, struct store_user *u)
{
	uint64_t h = ac_hash(token);
	struct ac_entry *e;

	if (!ac_table || strlen(token) >= TOKEN_MAX)
		return 0;
	e = &ac_table[h % AC_SLOTS];
	if (e->hash != h || e->epoch != auth_epoch() || now - e->cached_at >= AC_TTL ||
	    now < e->cached_at || !crypto_ct_streq(e->token, token))
		return 0;
	if (e->tok.expires_at && now >= e->tok.expires_at)
		return 0;
	*t = e->tok;
	*u = e->user;
	return 1;
}

void auth_cache_put(const char *token, uint64_t epoch, int64_t now, const struct store_token *t,
                    const struct store_user *u)
{
	uint64_t h = ac_hash(token);
	struct ac_entry *e;
	size_t n = strlen(token);

	if (n >= TOKEN_MAX)
		return;
	if (!ac_table) {
		/* one small table per thread for the life of the thread */
		static _Thread_local struct ac_entry table[AC_SLOTS];
		ac_table = table;
	}
	e = &ac_table[h % AC_SLOTS];
	e->hash = h;
	e->epoch = epoch;
	e->cached_at = now;
	memcpy(e->token, token, n + 1);
	e->tok = *t;
	e->user = *u;
}
