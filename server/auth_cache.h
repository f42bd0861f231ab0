/*
 * auth_cache.h — a per-thread cache of recently verified API tokens, so a
 * busy client does not cost a SHA-256 and a database read per request.
 *
 * Correctness rests on one process-wide counter, the auth epoch: every
 * change that can take a credential away (token revoked, user disabled or
 * demoted, password changed, project archived) bumps it in the store, and
 * a cached entry is used only while its epoch is current. Expiry is
 * checked on every use; entries also age out after 60 s so last_used_at
 * keeps its one-minute resolution. Each thread has its own table: no lock.
 */
#ifndef MOAT_AUTH_CACHE_H
#define MOAT_AUTH_CACHE_H

#include <stdint.h>

#include "store.h"

/* Bumps the epoch: every cached credential is checked again. Any thread. */
void auth_epoch_bump(void);
uint64_t auth_epoch(void);

/* Finds token's cached row (and owner, when user->id > 0). 1 on a hit. */
int auth_cache_get(const char *token, int64_t now, struct store_token *t, struct store_user *u);
/* Remembers a verified token (epoch read before the database lookup). */
void auth_cache_put(const char *token, uint64_t epoch, int64_t now, const struct store_token *t,
                    const struct store_user *u);

#endif
