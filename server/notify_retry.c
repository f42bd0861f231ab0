/*
 * notify_retry.c — backoff, Retry-After and outcomes; see notify_retry.h.
 */
#include "notify_retry.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void notify_rng_seed(struct notify_rng *r, uint64_t seed)
{
	r->s = seed;
}

static uint64_t rng_next(struct notify_rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t notify_rng_below(struct notify_rng *r, uint64_t bound)
{
	/* rejection sampling: no modulo bias */
	uint64_t lim = UINT64_MAX - UINT64_MAX % bound, x;

	do
		x = rng_next(r);
	while (x >= lim);
	return x % bound;
}

int64_t notify_backoff_ms(struct notify_rng *r, int attempt, int64_t base_ms, int64_t cap_ms)
{
	int64_t d = base_ms;

	for (int i = 1; i < attempt && d < cap_ms; i++)
		d *= 2;
	if (d > cap_ms)
		d = cap_ms;
	return d / 2 + (int64_t)notify_rng_below(r, (uint64_t)(d - d / 2) + 1);
}

int notify_retry_after_ms(const char *value, int64_t now_s, int64_t *ms)
{
	int64_t s = 0;
	const char *p = value;

	if (!value)
		return MOAT_EINVALID;
	while (*p == ' ')
		p++;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9') {
			if (s < NOTIFY_RETRY_AFTER_MAX_S)
				s = s * 10 + (*p - '0');
			p++;
		}
		while (*p == ' ' || *p == '\r' || *p == '\n')
			p++;
		if (*p)
			return MOAT_EINVALID;
	} else {
		time_t t = curl_getdate(p, NULL);
		if (t == -1)
			return MOAT_EINVALID;
		s = (int64_t)t - now_s;
		if (s < 0)
			s = 0;
	}
	if (s > NOTIFY_RETRY_AFTER_MAX_S)
		s = NOTIFY_RETRY_AFTER_MAX_S;
	*ms = s * 1000;
	return MOAT_OK;
}

int notify_outcome(int transport_error, long status, int refused_target)
{
	if (refused_target)
		return NOTIFY_REFUSED;
	if (transport_error)
		return NOTIFY_RETRY;
	if (status >= 200 && status < 300)
		return NOTIFY_DELIVERED;
	if (status == 408 || status == 425 || status == 429 || status >= 500)
		return NOTIFY_RETRY;
	return NOTIFY_REFUSED;
}
