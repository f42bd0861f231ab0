/*
 * store_event_groups.c — attacks, grouped: the events matching a search's
 * filters folded into groups of the same interceptor and endpoint (and,
 * on request, source address), each with its count, blocked and logged,
 * first and last seen and a trend over the range. One sqlmap run is
 * thousands of events and one group.
 *
 * The events come from store_event_scan (store_event_query.c), on the
 * search's own plan: every filter of the list applies, and a 24-hour
 * range reads the range's rows of one index (events_ts holds interceptor,
 * action, endpoint and source_ip, so it never touches the rows). The
 * groups are an open-addressing hash table, bounded at STORE_GROUPS_MAX
 * distinct groups. Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "policy.h"
#include "xalloc.h"

struct eg_slot {
	uint64_t hash; /* 0 = free */
	struct store_event_group g;
	size_t ep_len, src_len;
	int ic; /* index in policy_interceptor_names, or POLICY_INTERCEPTORS */
};

struct eg_ctx {
	struct eg_slot *slots;
	size_t cap, n;
	int by_source, full;
	int64_t since, width;
};

static uint64_t eg_hash_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static uint64_t eg_hash(int ic, const char *ep, size_t ep_len, const char *src, size_t src_len)
{
	uint64_t h = 1469598103934665603ull;

	h = (h ^ (uint64_t)(ic + 1)) * 1099511628211ull;
	h = (h ^ (ep ? 2u : 1u)) * 1099511628211ull;
	h = eg_hash_bytes(h, ep ? ep : "", ep_len);
	h = (h ^ (src ? 2u : 1u)) * 1099511628211ull;
	h = eg_hash_bytes(h, src ? src : "", src_len);
	return h ? h : 1;
}

static int eg_same_str(const char *a, size_t al, const char *b, size_t bl)
{
	if (!a || !b)
		return !a && !b;
	return al == bl && !memcmp(a, b, al);
}

static void eg_grow(struct eg_ctx *c)
{
	size_t cap = c->cap ? c->cap * 2 : 256;
	struct eg_slot *slots = xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < c->cap; i++) {
		size_t k;
		if (!c->slots[i].hash)
			continue;
		k = c->slots[i].hash & (cap - 1);
		while (slots[k].hash)
			k = (k + 1) & (cap - 1);
		slots[k] = c->slots[i];
	}
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
}

static int eg_interceptor(const char *name)
{
	for (int i = 0; name && i < POLICY_INTERCEPTORS; i++)
		if (!strcmp(name, policy_interceptor_names[i]))
			return i;
	return POLICY_INTERCEPTORS;
}

/* Counts one event into its group (a new group past STORE_GROUPS_MAX is
 * not made: c->full). */
static void eg_add(void *arg, const struct store_event_scan_row *r)
{
	struct eg_ctx *c = arg;
	const char *src = c->by_source ? r->source_ip : NULL;
	size_t src_len = src ? r->source_len : 0;
	int ic = eg_interceptor(r->interceptor);
	uint64_t h;
	size_t k;
	struct eg_slot *e;
	int64_t b;

	if ((c->n + 1) * 2 > c->cap && c->n < STORE_GROUPS_MAX)
		eg_grow(c);
	h = eg_hash(ic, r->endpoint, r->endpoint_len, src, src_len);
	k = h & (c->cap - 1);
	for (;; k = (k + 1) & (c->cap - 1)) {
		e = &c->slots[k];
		if (!e->hash)
			break;
		if (e->hash == h && e->ic == ic &&
		    eg_same_str(e->g.endpoint, e->ep_len, r->endpoint, r->endpoint_len) &&
		    eg_same_str(e->g.source_ip, e->src_len, src, src_len))
			break;
	}
	if (!e->hash) {
		if (c->n >= STORE_GROUPS_MAX) {
			c->full = 1;
			return;
		}
		e->hash = h;
		e->ic = ic;
		e->g.interceptor = ic < POLICY_INTERCEPTORS ? policy_interceptor_names[ic] : "";
		e->g.endpoint = r->endpoint ? xstrndup(r->endpoint, r->endpoint_len) : NULL;
		e->ep_len = r->endpoint_len;
		e->g.source_ip = src ? xstrndup(src, src_len) : NULL;
		e->src_len = src_len;
		e->g.first_ts = e->g.last_ts = r->ts;
		c->n++;
	}
	e->g.count++;
	if (r->action && r->action[0] == 'b')
		e->g.blocked++;
	if (r->ts < e->g.first_ts)
		e->g.first_ts = r->ts;
	if (r->ts > e->g.last_ts)
		e->g.last_ts = r->ts;
	b = (r->ts - c->since) / c->width;
	if (b >= 0 && b < STORE_GROUPS_TREND)
		e->g.trend[b]++;
}

/* Byte order, none (NULL) first. */
static int eg_cmp_str(const char *a, size_t al, const char *b, size_t bl)
{
	int r;

	if (!a || !b)
		return (a != NULL) - (b != NULL);
	r = memcmp(a, b, al < bl ? al : bl);
	return r ? r : (al > bl) - (al < bl);
}

static int eg_cmp(const void *pa, const void *pb)
{
	const struct eg_slot *a = *(const struct eg_slot *const *)pa;
	const struct eg_slot *b = *(const struct eg_slot *const *)pb;
	int r;

	if (a->g.last_ts != b->g.last_ts)
		return a->g.last_ts < b->g.last_ts ? 1 : -1;
	r = strcmp(a->g.interceptor, b->g.interceptor);
	if (!r)
		r = eg_cmp_str(a->g.endpoint, a->ep_len, b->g.endpoint, b->ep_len);
	if (!r)
		r = eg_cmp_str(a->g.source_ip, a->src_len, b->g.source_ip, b->src_len);
	return r;
}

void store_event_groups_free(struct store_event_group *g, size_t n)
{
	for (size_t i = 0; g && i < n; i++) {
		free(g[i].endpoint);
		free(g[i].source_ip);
	}
	free(g);
}

int store_event_groups(struct store *st, const struct store_event_filter *f, int by_source,
                       int limit, struct store_event_group **out, size_t *n, int64_t *total,
                       int *complete)
{
	struct eg_ctx c;
	struct eg_slot **order;
	size_t m = 0;
	int rc;

	*out = NULL;
	*n = 0;
	*total = 0;
	*complete = 1;
	if (!f->since_ms || !f->until_ms || f->until_ms <= f->since_ms || limit < 0)
		return MOAT_EINVALID;
	memset(&c, 0, sizeof c);
	c.by_source = by_source;
	c.since = f->since_ms;
	c.width = (f->until_ms - f->since_ms + STORE_GROUPS_TREND - 1) / STORE_GROUPS_TREND;
	eg_grow(&c);
	rc = store_event_scan(st, f, eg_add, &c);
	order = xcalloc(c.n + 1, sizeof *order);
	for (size_t i = 0; i < c.cap; i++)
		if (c.slots[i].hash)
			order[m++] = &c.slots[i];
	if (!rc) {
		qsort(order, m, sizeof *order, eg_cmp);
		*out = xcalloc((size_t)limit + 1, sizeof **out);
		for (size_t i = 0; i < m; i++) {
			if (i < (size_t)limit) {
				(*out)[i] = order[i]->g; /* the strings move */
				continue;
			}
			free(order[i]->g.endpoint);
			free(order[i]->g.source_ip);
		}
		*n = m < (size_t)limit ? m : (size_t)limit;
		*total = (int64_t)m;
		*complete = !c.full;
	} else {
		for (size_t i = 0; i < m; i++) {
			free(order[i]->g.endpoint);
			free(order[i]->g.source_ip);
		}
	}
	free(order);
	free(c.slots);
	return rc;
}
