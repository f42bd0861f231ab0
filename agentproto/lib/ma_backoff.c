/*
 * ma_backoff.c — when to reconnect: 500 ms doubling to 30 s, each delay
 * jittered by +-20 % so that a thousand agents cut off together do not
 * come back together. Reset after a welcome. The state belongs to the
 * connection thread; the jitter comes from a xorshift seeded from the
 * kernel (it needs to be spread, not secret).
 */
#include "ma_int.h"

static uint64_t ma_backoff_rand(struct ma_backoff *b)
{
	uint64_t x = b->rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	b->rng = x;
	return x;
}

/* base +- 20 %, uniformly. */
static int ma_backoff_jitter(struct ma_backoff *b, int base)
{
	uint64_t r = ma_backoff_rand(b) % 4001; /* 0..4000 -> -20.00 %..+20.00 % */

	return (int)((int64_t)base * (8000 + (int64_t)r) / 10000);
}

void ma_backoff_init(struct ma_backoff *b, uint64_t seed)
{
	b->attempt = 0;
	b->rng = seed ? seed : 0x9E3779B97F4A7C15ULL;
}

int ma_backoff_next(struct ma_backoff *b)
{
	int base = MA_BACKOFF_MIN_MS;

	for (int i = 0; i < b->attempt && base < MA_BACKOFF_MAX_MS; i++)
		base *= 2;
	if (base > MA_BACKOFF_MAX_MS)
		base = MA_BACKOFF_MAX_MS;
	if (b->attempt < 64)
		b->attempt++;
	return ma_backoff_jitter(b, base);
}

int ma_backoff_max(struct ma_backoff *b)
{
	if (b->attempt < 64)
		b->attempt++;
	return ma_backoff_jitter(b, MA_BACKOFF_MAX_MS);
}

void ma_backoff_reset(struct ma_backoff *b)
{
	b->attempt = 0;
}
