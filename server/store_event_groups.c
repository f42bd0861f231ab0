/*
 * store_event_groups.c — attacks, grouped: the events matching a search's
 * filters folded into groups of the same interceptor and endpoint (and,
 * on request, source address), each with its count, blocked and logged,
 * first and last seen and a trend over the range. One sqlmap run is
 * thousands of events and one group.
 *
 * Two sources, as the statistics have:
 *
 *   the whole hours of a range   a rollup the writer keeps: without
 *   of 24 hours or more, when    by=source_ip and address filters,
 *   no filter but environment,   event_groups_hour (schema 009); with
 *   interceptor, action,         either, event_sources_hour (010), which
 *   endpoint (or a prefix) and   also holds the address (one address is
 *   source address (or a         matched in SQL, a network by its text
 *   network) is set              range, then exactly, as the scan does)
 *   the rest (the partial hours  store_event_scan (store_event_query.c),
 *   at the edges, or all of a    on the search's own plan: every filter of
 *   range no rollup can          the list applies (events_ts holds
 *   answer)                      interceptor, action, endpoint and
 *                                source_ip: no row is read)
 *
 * so a 24-hour call reads about 24 x the groups' rollup rows plus the
 * events of one hour (by source: 24 x the hour's distinct groups and
 * addresses, never more rows than events). The groups are an
 * open-addressing hash table, bounded at STORE_GROUPS_MAX distinct
 * groups. Thread: the caller's connection's thread.
 */
#include "store_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event_query.h"
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
	int rollup; /* some of it came from a rollup */
	int64_t start, width;
};

#define EG_HOUR   3600000
#define EG_MINUTE 60000

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

/* Counts n events (blocked of them), ts in [first, last), into their
 * group, trend bucket at bucket_ts (a new group past STORE_GROUPS_MAX is
 * not made: c->full). */
static void eg_fold(struct eg_ctx *c, const char *interceptor, const char *ep, size_t ep_len,
                    const char *src, size_t src_len, int64_t n, int64_t blocked, int64_t first,
                    int64_t last, int64_t bucket_ts)
{
	int ic = eg_interceptor(interceptor);
	uint64_t h;
	size_t k;
	struct eg_slot *e;
	int64_t b;

	if ((c->n + 1) * 2 > c->cap && c->n < STORE_GROUPS_MAX)
		eg_grow(c);
	h = eg_hash(ic, ep, ep_len, src, src_len);
	k = h & (c->cap - 1);
	for (;; k = (k + 1) & (c->cap - 1)) {
		e = &c->slots[k];
		if (!e->hash)
			break;
		if (e->hash == h && e->ic == ic &&
		    eg_same_str(e->g.endpoint, e->ep_len, ep, ep_len) &&
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
		e->g.endpoint = ep ? xstrndup(ep, ep_len) : NULL;
		e->ep_len = ep_len;
		e->g.source_ip = src ? xstrndup(src, src_len) : NULL;
		e->src_len = src_len;
		e->g.first_ts = first;
		e->g.last_ts = last;
		c->n++;
	}
	e->g.count += n;
	e->g.blocked += blocked;
	if (first < e->g.first_ts)
		e->g.first_ts = first;
	if (last > e->g.last_ts)
		e->g.last_ts = last;
	b = (bucket_ts - c->start) / c->width;
	if (b >= 0 && b < STORE_GROUPS_TREND)
		e->g.trend[b] += n;
}

/* One event from store_event_scan. */
static void eg_add(void *arg, const struct store_event_scan_row *r)
{
	struct eg_ctx *c = arg;
	const char *src = c->by_source ? r->source_ip : NULL;

	eg_fold(c, r->interceptor, r->endpoint, r->endpoint_len, src, src ? r->source_len : 0, 1,
	        r->action && r->action[0] == 'b', r->ts, r->ts, r->ts);
}

/* Which rollup answers the whole hours of a call, if any. */
enum eg_source { EG_EVENTS, EG_GROUPS, EG_SOURCES };

/* t: the time column; yes: what makes a 0/1 column a condition (SQLite
 * takes the bare integer, PostgreSQL a comparison); I(n), T(n): parameter
 * n where IS NULL alone tests it (PostgreSQL must be told its type) */
#define EG_ROLLUP_WHERE_(t, yes, I, T)                                                             \
	" WHERE project_id = ?1 AND environment_id IN"                                             \
	" (SELECT id FROM environments WHERE project_id = ?1 AND (" I(                             \
	    "2") " IS NULL OR id = ?2))"                                                           \
	         " AND " t " >= ?3 AND " t " < ?4 AND (" T(                                        \
	             "5") " IS NULL OR interceptor = ?5)"                                          \
	                  " AND (" T("6") " IS NULL OR action = ?6) AND (" T(                      \
	                      "7") " IS NULL OR (has_endpoint" yes                                 \
	                           " AND endpoint = ?7)) AND (" T(                                 \
	                               "8") " IS NULL OR (has_endpoint" yes                        \
	                                    " AND substr(endpoint, 1, length(?8)) = ?8))"
#define EG_P(n)               "?" n
#define EG_PI(n)              "CAST(?" n " AS BIGINT)"
#define EG_PT(n)              "CAST(?" n " AS TEXT)"
#define EG_ROLLUP_WHERE(t)    EG_ROLLUP_WHERE_(t, "", EG_P, EG_P)
#define EG_ROLLUP_WHERE_PG(t) EG_ROLLUP_WHERE_(t, " = 1", EG_PI, EG_PT)
#define EG_SRC_WHERE(yes, T)                                                                       \
	" AND (" T("9") " IS NULL OR (has_source" yes " AND source_ip = ?9))"                      \
	                " AND (" T("10") " IS NULL OR (has_source" yes                             \
	                                 " AND source_ip >= ?10 AND source_ip < ?11))"

/* The whole buckets [lo, hi) (ms, multiples of unit) from
 * event_groups_hour or (unit EG_MINUTE) event_groups_minute, or from
 * event_sources_hour (which the address filters also narrow: one address,
 * or a network's text range, then the network itself, as the scan does). */
static int eg_rollup(struct store *st, struct eg_ctx *c, const struct store_event_filter *f,
                     enum eg_source from, int64_t unit, int64_t env_id, int64_t lo, int64_t hi)
{
#define EG_COLS_H "SELECT interceptor, has_endpoint, endpoint, action, n, first_ts, last_ts, hour"
#define EG_COLS_M "SELECT interceptor, has_endpoint, endpoint, action, n, first_ts, last_ts, minute"
#define EG_COLS_S                                                                                  \
	"SELECT interceptor, has_endpoint, endpoint, action, n, first_ts, last_ts, hour,"          \
	" has_source, source_ip FROM event_sources_hour"
	static const struct db_sql sql = {
	    EG_COLS_H " FROM event_groups_hour" EG_ROLLUP_WHERE("hour"),
	    EG_COLS_H " FROM event_groups_hour" EG_ROLLUP_WHERE_PG("hour")};
	static const struct db_sql sql_min = {
	    EG_COLS_M " FROM event_groups_minute" EG_ROLLUP_WHERE("minute"),
	    EG_COLS_M " FROM event_groups_minute" EG_ROLLUP_WHERE_PG("minute")};
	static const struct db_sql sql_src = {
	    EG_COLS_S EG_ROLLUP_WHERE("hour") EG_SRC_WHERE("", EG_P),
	    EG_COLS_S EG_ROLLUP_WHERE_PG("hour") EG_SRC_WHERE(" = 1", EG_PT)};
	struct db_stmt *s = db_prepare2(st->conn, from == EG_SOURCES ? &sql_src
	                                          : unit == EG_HOUR  ? &sql
	                                                             : &sql_min);
	int rc;

	assert(from != EG_SOURCES || unit == EG_HOUR);
	assert(lo % unit == 0 && hi % unit == 0);
	if (!s)
		return MOAT_EDB;
	c->rollup = 1;
	db_bind_int64(s, 1, f->project_id);
	if (env_id)
		db_bind_int64(s, 2, env_id);
	db_bind_int64(s, 3, lo / unit);
	db_bind_int64(s, 4, hi / unit);
	db_bind_text(s, 5, f->interceptor);
	db_bind_text(s, 6, f->action);
	db_bind_text(s, 7, f->endpoint);
	db_bind_text(s, 8, f->endpoint_prefix);
	if (from == EG_SOURCES) {
		db_bind_text(s, 9, f->source_ip);
		if (f->cidr && f->cidr->lo[0]) {
			db_bind_text(s, 10, f->cidr->lo);
			db_bind_text(s, 11, f->cidr->hi);
		}
	}
	db_stream(s); /* by source: as many rows as events, at worst */
	while ((rc = db_step(s)) == DB_ROW) {
		int has_ep = db_column_int64(s, 1) != 0;
		const char *act = db_column_text(s, 3);
		const char *src = NULL;
		size_t src_len = 0;
		int64_t n = db_column_int64(s, 4);
		if (from == EG_SOURCES && db_column_int64(s, 8)) {
			src = db_column_text(s, 9);
			src_len = db_column_bytes(s, 9);
		}
		if (f->cidr && !event_query_cidr_match(f->cidr, src))
			continue;
		if (!c->by_source) {
			src = NULL;
			src_len = 0;
		}
		eg_fold(c, db_column_text(s, 0), has_ep ? db_column_text(s, 2) : NULL,
		        has_ep ? db_column_bytes(s, 2) : 0, src, src_len, n,
		        act && act[0] == 'b' ? n : 0, db_column_int64(s, 5), db_column_int64(s, 6),
		        db_column_int64(s, 7) * unit);
	}
	db_reset(s);
	return rc == DB_DONE ? MOAT_OK : rc;
}
#undef EG_ROLLUP_WHERE
#undef EG_ROLLUP_WHERE_PG
#undef EG_ROLLUP_WHERE_
#undef EG_SRC_WHERE
#undef EG_P
#undef EG_PI
#undef EG_PT

/* The events of [lo, hi) (ms) matching f. */
static int eg_scan(struct store *st, struct eg_ctx *c, const struct store_event_filter *f,
                   int64_t lo, int64_t hi)
{
	/* no filter but the range (the dashboard's default): the columns the
	 * table needs straight from events_ts, without the search's residual
	 * filter term, which costs about as much per row as the rest */
	static const struct db_sql sql = {
	    "SELECT ts, source_ip, interceptor, action, endpoint FROM events INDEXED BY events_ts"
	    " WHERE project_id = ?1 AND ts >= ?2 AND ts < ?3",
	    "SELECT ts, source_ip, interceptor, action, endpoint FROM events"
	    " WHERE project_id = ?1 AND ts >= ?2 AND ts < ?3"};
	struct store_event_filter g = *f;
	struct store_event_scan_row r = {0};
	struct db_stmt *s;
	int rc;

	if (lo >= hi)
		return MOAT_OK;
	g.since_ms = lo;
	g.until_ms = hi;
	if (f->environment || f->interceptor || f->action || f->severity || f->status ||
	    f->agent_id || f->source_ip || f->cidr || f->endpoint || f->endpoint_prefix || f->fts ||
	    f->has_cursor || f->status_not)
		return store_event_scan(st, &g, eg_add, c);
	s = db_prepare2(st->conn, &sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, f->project_id);
	db_bind_int64(s, 2, lo);
	db_bind_int64(s, 3, hi);
	db_stream(s); /* a range under a day, of any number of events */
	while ((rc = db_step(s)) == DB_ROW) {
		r.ts = db_column_int64(s, 0);
		r.source_ip = db_column_text(s, 1);
		r.source_len = db_column_bytes(s, 1);
		r.interceptor = db_column_text(s, 2);
		r.action = db_column_text(s, 3);
		r.endpoint = db_column_text(s, 4);
		r.endpoint_len = db_column_bytes(s, 4);
		eg_add(c, &r);
	}
	db_reset(s);
	return rc == DB_DONE ? MOAT_OK : rc;
}

/* floor(x / u) * u, for negative x too. */
static int64_t eg_floor(int64_t x, int64_t u)
{
	return (x / u - (x % u < 0)) * u;
}

/* The events of [lo, hi) matching f, the whole buckets of unit (an hour,
 * then a minute) from a rollup where one has them and they fit in the
 * trend's buckets, what is left at the edges from the next finer unit,
 * and in the end from the events. */
static int eg_range(struct store *st, struct eg_ctx *c, const struct store_event_filter *f,
                    enum eg_source from, int64_t unit, int64_t env_id, int64_t lo, int64_t hi)
{
	int64_t finer = unit == EG_HOUR ? EG_MINUTE : 0, a, b;
	int rc;

	if (lo >= hi)
		return MOAT_OK;
	if (from == EG_EVENTS || unit == 0)
		return eg_scan(st, c, f, lo, hi);
	if (c->width % unit || (from == EG_SOURCES && unit != EG_HOUR))
		return eg_range(st, c, f, from, finer, env_id, lo, hi);
	a = -eg_floor(-lo, unit);
	b = eg_floor(hi, unit);
	if (a >= b)
		return eg_range(st, c, f, from, finer, env_id, lo, hi);
	rc = eg_range(st, c, f, from, finer, env_id, lo, a);
	if (!rc)
		rc = eg_range(st, c, f, from, finer, env_id, b, hi);
	if (!rc)
		rc = eg_rollup(st, c, f, from, unit, env_id, a, b);
	return rc;
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

void store_event_groups_cleanup(struct store_event_groups *out)
{
	for (size_t i = 0; out->groups && i < out->n; i++) {
		free(out->groups[i].endpoint);
		free(out->groups[i].source_ip);
	}
	free(out->groups);
	out->groups = NULL;
	out->n = 0;
}

/* Which rollups can answer? They hold interceptor, endpoint, action and
 * environment (and event_sources_hour the address); any other filter
 * needs the events. */
static enum eg_source eg_rollup_fits(const struct store_event_filter *f, int by_source)
{
	if (f->severity || f->status || f->agent_id || f->fts || f->has_cursor || f->status_not)
		return EG_EVENTS;
	return by_source || f->source_ip || f->cidr ? EG_SOURCES : EG_GROUPS;
}

int store_event_groups(struct store *st, const struct store_event_filter *f, int by_source,
                       int limit, struct store_event_groups *out)
{
	struct eg_ctx c;
	struct eg_slot **order;
	int64_t range, env_id = 0;
	enum eg_source from;
	size_t m = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->complete = 1;
	if (!f->since_ms || !f->until_ms || f->until_ms <= f->since_ms || limit < 0)
		return MOAT_EINVALID;
	memset(&c, 0, sizeof c);
	c.by_source = by_source;
	range = f->until_ms - f->since_ms;
	c.width = (range + 24 - 1) / 24;
	c.width = range >= 24 * EG_HOUR ? (c.width + EG_HOUR - 1) / EG_HOUR * EG_HOUR
	                                : (c.width + EG_MINUTE - 1) / EG_MINUTE * EG_MINUTE;
	c.start = f->since_ms / c.width * c.width; /* since_ms > 0 */
	out->trend_start = c.start;
	out->trend_ms = c.width;
	out->trend_n = (int)((f->until_ms - c.start + c.width - 1) / c.width);
	eg_grow(&c);
	from = eg_rollup_fits(f, by_source);
	if (from != EG_EVENTS && f->environment) {
		struct store_env env;
		rc = store_env_get(st, f->project_id, f->environment, &env);
		if (rc == MOAT_ENOTFOUND)
			from = EG_EVENTS; /* no such environment: the scan finds nothing */
		else if (rc)
			goto done;
		else
			env_id = env.id;
	}
	rc = eg_range(st, &c, f, from, EG_HOUR, env_id, f->since_ms, f->until_ms);
	out->rollup = c.rollup;
done:
	order = xcalloc(c.n + 1, sizeof *order);
	for (size_t i = 0; i < c.cap; i++)
		if (c.slots[i].hash)
			order[m++] = &c.slots[i];
	if (!rc) {
		qsort(order, m, sizeof *order, eg_cmp);
		out->groups = xcalloc((size_t)limit + 1, sizeof *out->groups);
		out->n = m < (size_t)limit ? m : (size_t)limit;
		out->total = (int64_t)m;
		out->complete = !c.full;
	}
	for (size_t i = 0; i < m; i++) {
		if (!rc && i < out->n) {
			out->groups[i] = order[i]->g; /* the strings move */
			continue;
		}
		free(order[i]->g.endpoint);
		free(order[i]->g.source_ip);
	}
	free(order);
	free(c.slots);
	return rc;
}
