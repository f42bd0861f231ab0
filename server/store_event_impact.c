/*
 * store_event_impact.c — what a policy document would have done to an
 * environment's recent events (the "impact" of a policy dry run): per
 * interceptor, the logged events it would block, the blocked ones it
 * would only log, those it would silence (interceptor off, or an ignore
 * exclusion) and those its denylist would refuse, with their most
 * frequent endpoints. Each event is judged as the agents decide
 * (moat_policy_decide in agentproto/lib/ma_policy.c) and compared with
 * what was done to it (its action).
 *
 * Cost: an event that no exclusion and no denylist net of the document
 * matches is judged by its interceptor's mode alone, so those are counted
 * from the rollups (schema 005: whole hours, then whole minutes at the
 * edges, then the events of the sub-minute edges). The events a
 * predicate (a denylist net, an exclusion) matches are read one by one
 * through events_source, events_endpoint or events_interceptor, at most
 * STORE_IMPACT_ROWS_MAX in all (past that, scaled: im_pred_rows); the top endpoints of a mode
 * change come from the newest STORE_IMPACT_SAMPLE events of the interceptor. Thread: the caller's
 * connection's thread.
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "event_query.h"
#include "policy.h"
#include "xalloc.h"

#define IM_MINUTE_MS 60000
#define IM_HOUR_MS   3600000

enum { IM_OFF, IM_MONITOR, IM_BLOCK };

/* One predicate: a denylist net (interceptor < 0) or an exclusion. */
struct im_pred {
	int interceptor; /* -1: a denylist net */
	const char *glob;
	int has_net, ignore, parameter, evaluated;
	struct event_cidr net;
	char canon[64];
};

struct im_tally {
	struct store_impact_endpoint *keys;
	int n, full;
};

struct im_ctx {
	struct store *st;
	struct store_impact *out;
	int64_t project_id, env_id, since, until;
	int mode[STORE_STATS_INTERCEPTORS];
	struct im_pred *pred;
	int npred;
	/* per interceptor and action (logged 0, blocked 1): events a
	 * predicate matched, counted one by one */
	int64_t cand[STORE_STATS_INTERCEPTORS][2];
	struct im_tally tally[STORE_STATS_INTERCEPTORS][STORE_IMPACT_KINDS];
};

static const char im_sql_hours[] =
    "SELECT interceptor, action, sum(n) FROM event_counts_hour WHERE project_id = ?1"
    " AND environment_id = ?2 AND hour >= ?3 AND hour < ?4 GROUP BY interceptor, action";
static const char im_sql_minutes[] =
    "SELECT interceptor, action, sum(n) FROM event_counts WHERE project_id = ?1"
    " AND environment_id = ?2 AND minute >= ?3 AND minute < ?4 GROUP BY interceptor, action";
/* Each statement that reads events is a pair: PostgreSQL's text is
 * SQLite's without INDEXED BY (the planner picks the same index from the
 * leading terms), and a parameter that a text does not use is named in a
 * term that is always true, so PostgreSQL can tell every one's type. */
#define IM_EVENTS(ix)                                                                              \
	"SELECT interceptor, action, count(*) FROM events" ix                                      \
	" WHERE project_id = ?1 AND environment_id = ?2 AND ts >= ?3 AND ts < ?4"                  \
	" GROUP BY interceptor, action"
static const struct db_sql im_sql_events = {IM_EVENTS(" INDEXED BY events_ts"), IM_EVENTS("")};
/* ?1 project ?2 environment ?3 ?4 [since, until) ?5 ?6 [lo, hi) ?7 limit ?8 interceptor */
#define IM_ROWS(ix, where)                                                                         \
	"SELECT interceptor, action, endpoint, source_ip FROM events" ix                           \
	" WHERE project_id = ?1 AND " where " AND ts >= ?3 AND ts < ?4 AND environment_id = ?2"
#define IM_PAIR(index, where, pg_unused, tail)                                                     \
	{                                                                                          \
		IM_ROWS(" INDEXED BY " index, where)                                               \
		tail, IM_ROWS("", where " AND " pg_unused) tail                                    \
	}
static const struct db_sql im_sql_source =
    IM_PAIR("events_source", "source_ip >= ?5 AND source_ip < ?6",
            "(CAST(?8 AS TEXT) IS NULL OR TRUE)", " LIMIT ?7");
/* every interceptor's events: the share of the predicate's among them is
 * what scales to event_top's count when the budget ends first */
static const struct db_sql im_sql_endpoint =
    IM_PAIR("events_endpoint", "endpoint >= ?5 AND endpoint < ?6",
            "(CAST(?8 AS TEXT) IS NULL OR TRUE)", " LIMIT ?7");
static const char im_sql_top[] =
    "SELECT value, n FROM event_top WHERE project_id = ?1 AND environment_id = ?2 AND hour = ?3"
    " AND kind = ?4 AND value >= ?5 AND value < ?6";
static const struct db_sql im_sql_interceptor =
    IM_PAIR("events_interceptor", "interceptor = ?8",
            "(CAST(?5 AS TEXT) IS NULL OR CAST(?6 AS TEXT) IS NULL OR TRUE)",
            " ORDER BY ts DESC, id DESC LIMIT ?7");

static int im_interceptor(const char *name)
{
	for (int i = 0; name && i < STORE_STATS_INTERCEPTORS; i++)
		if (!strcmp(name, policy_interceptor_names[i]))
			return i;
	return -1;
}

/* '*' matches any run of characters, '/' included (ma_glob_match). */
static int im_glob(const char *glob, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*glob == '*') {
			star = glob++;
			resume = s;
		} else if (*glob == *s) {
			glob++;
			s++;
		} else if (star) {
			glob = star + 1;
			s = ++resume;
		} else {
			return 0;
		}
	}
	while (*glob == '*')
		glob++;
	return *glob == '\0';
}

static int im_pred_matches(const struct im_pred *p, int ic, const char *endpoint, const char *ip)
{
	if (p->interceptor < 0)
		return event_query_cidr_match(&p->net, ip);
	if (p->interceptor != ic)
		return 0;
	if (strcmp(p->glob, "*") && (!endpoint || !im_glob(p->glob, endpoint)))
		return 0;
	return !p->has_net || event_query_cidr_match(&p->net, ip);
}

/* The kind of change the document makes to an event, or -1 for none
 * (moat_policy_decide, with the denylist first: it refuses the request
 * before any interceptor runs). */
static int im_judge(struct im_ctx *c, int ic, int blocked, const char *endpoint, const char *ip)
{
	int mode = c->mode[ic];

	for (int i = 0; i < c->npred && c->pred[i].interceptor < 0; i++)
		if (c->pred[i].evaluated && im_pred_matches(&c->pred[i], ic, endpoint, ip))
			return STORE_IMPACT_DENIED;
	if (mode == IM_OFF)
		return STORE_IMPACT_SILENCED;
	for (int i = 0; i < c->npred; i++) {
		const struct im_pred *p = &c->pred[i];
		if (p->interceptor < 0 || !im_pred_matches(p, ic, endpoint, ip))
			continue;
		if (p->parameter)
			c->out->parameter = 1;
		if (p->ignore)
			return STORE_IMPACT_SILENCED;
		if (mode == IM_BLOCK)
			mode = IM_MONITOR;
	}
	if (!blocked && mode == IM_BLOCK)
		return STORE_IMPACT_BLOCK;
	if (blocked && mode == IM_MONITOR)
		return STORE_IMPACT_LOG_ONLY;
	return -1;
}

static void im_tally_add(struct im_tally *t, const char *endpoint)
{
	if (!endpoint)
		return;
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->keys[i].endpoint, endpoint)) {
			t->keys[i].count++;
			return;
		}
	if (t->n >= STORE_IMPACT_KEYS_MAX) {
		t->full = 1;
		return;
	}
	if (!t->keys)
		t->keys = xcalloc(STORE_IMPACT_KEYS_MAX, sizeof *t->keys);
	t->keys[t->n].endpoint = xstrdup(endpoint);
	t->keys[t->n++].count = 1;
}

/* The STORE_IMPACT_TOP largest (more, then smaller endpoint) into k; the
 * tally is freed. */
static void im_tally_top(struct im_tally *t, struct store_impact_kind_out *k)
{
	for (int i = 0; i < t->n; i++) {
		struct store_impact_endpoint *e = &t->keys[i];
		int at = k->ntop;
		while (at > 0 && (e->count > k->top[at - 1].count ||
		                  (e->count == k->top[at - 1].count &&
		                   strcmp(e->endpoint, k->top[at - 1].endpoint) < 0)))
			at--;
		if (at >= STORE_IMPACT_TOP) {
			free(e->endpoint);
			continue;
		}
		if (k->ntop == STORE_IMPACT_TOP)
			free(k->top[--k->ntop].endpoint);
		memmove(&k->top[at + 1], &k->top[at], (size_t)(k->ntop - at) * sizeof *k->top);
		k->top[at] = *e;
		k->ntop++;
	}
	if (t->full)
		k->top_sampled = 1;
	free(t->keys);
	memset(t, 0, sizeof *t);
}

static int im_done(struct db_stmt *s, int rc)
{
	db_reset(s);
	return rc == DB_DONE ? MOAT_OK : rc;
}

/* Adds the counts per interceptor and action of sql over [lo, hi) (in its
 * own unit) to out->events. */
static int im_count(struct im_ctx *c, const char *sql, int64_t lo, int64_t hi)
{
	struct db_stmt *s;
	int rc;

	if (lo >= hi)
		return MOAT_OK;
	s = db_prepare(c->st->conn, sql);
	if (!s)
		return MOAT_EDB;
	db_bind_int64(s, 1, c->project_id);
	db_bind_int64(s, 2, c->env_id);
	db_bind_int64(s, 3, lo);
	db_bind_int64(s, 4, hi);
	while ((rc = db_step(s)) == DB_ROW) {
		int ic = im_interceptor(db_column_text(s, 0));
		const char *a = db_column_text(s, 1);
		if (ic >= 0 && a)
			c->out->events[ic][a[0] == 'b'] += db_column_int64(s, 2);
	}
	return im_done(s, rc);
}

static int64_t im_floor(int64_t x, int64_t w)
{
	return x / w - (x % w < 0);
}

static int64_t im_ceil(int64_t x, int64_t w)
{
	return x / w + (x % w > 0);
}

/* Every event of the range by interceptor and action: whole hours from
 * event_counts_hour, whole minutes at the edges from event_counts, the
 * rest (under a minute at each end) from the events. */
static int im_totals(struct im_ctx *c)
{
	int64_t hlo = im_ceil(c->since, IM_HOUR_MS) * IM_HOUR_MS;
	int64_t hhi = im_floor(c->until, IM_HOUR_MS) * IM_HOUR_MS;
	int64_t mlo = im_ceil(c->since, IM_MINUTE_MS) * IM_MINUTE_MS;
	int64_t mhi = im_floor(c->until, IM_MINUTE_MS) * IM_MINUTE_MS;

	const char *events = db_text(c->st->conn, &im_sql_events);
	int rc;

	if (mlo >= mhi)
		return im_count(c, events, c->since, c->until);
	if (hlo >= hhi)
		hlo = hhi = mhi;
	rc = im_count(c, events, c->since, mlo);
	if (!rc)
		rc = im_count(c, im_sql_minutes, mlo / IM_MINUTE_MS, hlo / IM_MINUTE_MS);
	if (!rc)
		rc = im_count(c, im_sql_hours, hlo / IM_HOUR_MS, hhi / IM_HOUR_MS);
	if (!rc)
		rc = im_count(c, im_sql_minutes, hhi / IM_MINUTE_MS, mhi / IM_MINUTE_MS);
	if (!rc)
		rc = im_count(c, events, mhi, c->until);
	return rc;
}

/* The denylist nets in force and the exclusions of interceptors that are
 * not off (an off interceptor silences all its events anyway), at most
 * STORE_IMPACT_PREDICATES; nets first. */
static void im_compile(struct im_ctx *c, const json_t *doc, int64_t now_ms)
{
	const json_t *dl = json_object_get(doc, "denylist");
	const json_t *ex = json_object_get(doc, "exclusions"), *e;
	size_t n = json_array_size(json_object_get(dl, "ips")) + json_array_size(ex), i;

	for (int k = 0; k < STORE_STATS_INTERCEPTORS; k++) {
		const char *m = json_string_value(
		    json_object_get(json_object_get(json_object_get(doc, "interceptors"),
		                                    policy_interceptor_names[k]),
		                    "mode"));
		c->mode[k] = !m || !strcmp(m, "monitor") ? IM_MONITOR
		             : !strcmp(m, "block")       ? IM_BLOCK
		                                         : IM_OFF;
	}
	c->pred = xcalloc(n ? n : 1, sizeof *c->pred);
	json_array_foreach(json_object_get(dl, "users"), i, e)
	{
		int64_t until = 0;
		const char *u = json_string_value(json_object_get(e, "until"));
		if (!u || (event_ts_parse(u, &until) == 0 && until > now_ms))
			c->out->users = 1;
	}
	json_array_foreach(json_object_get(dl, "ips"), i, e)
	{
		struct im_pred *p = &c->pred[c->npred];
		int64_t until = 0;
		const char *u = json_string_value(json_object_get(e, "until"));
		const char *v = json_string_value(json_object_get(e, "value"));
		if (u && (event_ts_parse(u, &until) || until <= now_ms))
			continue; /* no longer enforced */
		if (c->npred >= STORE_IMPACT_PREDICATES || !v ||
		    event_query_addr_parse(v, &p->net, p->canon) ||
		    (!p->canon[0] && !p->net.lo[0])) {
			c->out->skipped = 1;
			continue;
		}
		p->interceptor = -1;
		c->npred++;
	}
	json_array_foreach(ex, i, e)
	{
		struct im_pred *p = &c->pred[c->npred];
		const char *src = json_string_value(json_object_get(e, "source"));
		int ic = im_interceptor(json_string_value(json_object_get(e, "interceptor")));
		if (ic < 0 || c->mode[ic] == IM_OFF)
			continue;
		if (c->npred >= STORE_IMPACT_PREDICATES) {
			c->out->skipped = 1;
			continue;
		}
		p->interceptor = ic;
		p->glob = json_string_value(json_object_get(e, "endpoint"));
		if (!p->glob)
			continue;
		p->ignore = !strcmp(json_string_value(json_object_get(e, "on_match")), "ignore");
		p->parameter = json_object_get(e, "parameter") != NULL;
		if (src) {
			if (event_query_addr_parse(src, &p->net, p->canon))
				continue;
			p->has_net = 1;
		}
		c->npred++;
	}
}

/* Binds the window and the budget; lo/hi (strings) when given. */
static struct db_stmt *im_rows_stmt(struct im_ctx *c, const struct db_sql *sql, const char *lo,
                                    const char *hi, int ic, int64_t limit)
{
	struct db_stmt *s = db_prepare2(c->st->conn, sql);

	if (!s)
		return NULL;
	db_bind_int64(s, 1, c->project_id);
	db_bind_int64(s, 2, c->env_id);
	db_bind_int64(s, 3, c->since);
	db_bind_int64(s, 4, c->until);
	if (lo) {
		db_bind_text(s, 5, lo);
		db_bind_text(s, 6, hi);
	}
	db_bind_int64(s, 7, limit);
	if (ic >= 0)
		db_bind_text(s, 8, policy_interceptor_names[ic]);
	return s;
}

/* 1 when an evaluated predicate before `before` matches the row. */
static int im_seen(const struct im_ctx *c, int before, int ic, const char *ep, const char *ip)
{
	for (int j = 0; j < before; j++)
		if (c->pred[j].evaluated && im_pred_matches(&c->pred[j], ic, ep, ip))
			return 1;
	return 0;
}

/* The events of [since, until) at values of kind ("endpoint" or
 * "source") in [lo, hi) that p matches, from event_top: one seek per
 * hour, the hours that hold since and until included whole (an estimate
 * for a predicate whose events were not all read). */
static int im_top_total(struct im_ctx *c, const struct im_pred *p, const char *kind, const char *lo,
                        const char *hi, int64_t *total)
{
	int64_t h0 = im_floor(c->since, IM_HOUR_MS), h1 = im_floor(c->until - 1, IM_HOUR_MS);
	int rc = DB_DONE;

	*total = 0;
	for (int64_t h = h0; h <= h1; h++) {
		struct db_stmt *s = db_prepare(c->st->conn, im_sql_top);
		if (!s)
			return MOAT_EDB;
		db_bind_int64(s, 1, c->project_id);
		db_bind_int64(s, 2, c->env_id);
		db_bind_int64(s, 3, h);
		db_bind_text(s, 4, kind);
		db_bind_text(s, 5, lo);
		db_bind_text(s, 6, hi);
		while ((rc = db_step(s)) == DB_ROW) {
			const char *v = db_column_text(s, 0);
			int ok = p->interceptor < 0 ? event_query_cidr_match(&p->net, v)
			                            : !strcmp(p->glob, "*") || im_glob(p->glob, v);
			if (ok)
				*total += db_column_int64(s, 1);
		}
		rc = im_done(s, rc);
		if (rc)
			return rc;
	}
	return MOAT_OK;
}

/* Reads the events predicate k matches (those an earlier predicate
 * matched were counted there) and judges each. Each predicate may read
 * an equal share of what is left of STORE_IMPACT_ROWS_MAX; when it had
 * more events, what it read is scaled up to the number of events it
 * matches (event_top for a net or an endpoint glob, the rollups for a
 * glob of "*"), so the figures are estimates (out->capped). */
static int im_pred_rows(struct im_ctx *c, int k)
{
	struct im_pred *p = &c->pred[k];
	int64_t budget = (STORE_IMPACT_ROWS_MAX - c->out->rows) / (c->npred - k), read = 0;
	int64_t cand[STORE_STATS_INTERCEPTORS][2] = {{0}};
	int64_t kinds[STORE_STATS_INTERCEPTORS][STORE_IMPACT_KINDS] = {{0}};
	const char *topkind = p->interceptor < 0 ? "source" : "endpoint";
	char lo[2100], hi[2100];
	int rc, capped = 0;
	double scale = 1;
	struct db_stmt *s;

	if (budget <= 0) {
		c->out->capped = 1;
		return MOAT_OK;
	}
	if (p->interceptor < 0 && p->canon[0]) {
		size_t n = strlen(p->canon);
		memcpy(lo, p->canon, n + 1);
		memcpy(hi, p->canon, n);
		hi[n] = '\x01'; /* [ip, ip "\x01"): exactly ip */
		hi[n + 1] = '\0';
		s = im_rows_stmt(c, &im_sql_source, lo, hi, -1, budget + 1);
	} else if (p->interceptor < 0) {
		memcpy(lo, p->net.lo, strlen(p->net.lo) + 1);
		memcpy(hi, p->net.hi, strlen(p->net.hi) + 1);
		s = im_rows_stmt(c, &im_sql_source, lo, hi, -1, budget + 1);
	} else if (p->glob[0] == '*') {
		s = im_rows_stmt(c, &im_sql_interceptor, NULL, NULL, p->interceptor, budget + 1);
	} else {
		size_t n = strcspn(p->glob, "*");
		if (n >= sizeof lo - 1)
			n = sizeof lo - 2;
		memcpy(lo, p->glob, n);
		lo[n] = '\0';
		if (!p->glob[n]) { /* no star: exactly the endpoint */
			memcpy(hi, lo, n);
			hi[n] = '\x01';
			hi[n + 1] = '\0';
		} else if (event_query_prefix_end(lo, hi, sizeof hi)) {
			c->out->skipped = 1;
			return MOAT_OK;
		}
		s = im_rows_stmt(c, &im_sql_endpoint, lo, hi, -1, budget + 1);
	}
	if (!s)
		return MOAT_EDB;
	p->evaluated = 1;
	while ((rc = db_step(s)) == DB_ROW) {
		int ic = im_interceptor(db_column_text(s, 0));
		const char *a = db_column_text(s, 1);
		const char *ep = db_column_text(s, 2);
		const char *ip = db_column_text(s, 3);
		int kind;

		if (++read > budget) {
			capped = 1;
			read--;
			break;
		}
		c->out->rows++;
		if (ic < 0 || !a || !im_pred_matches(p, ic, ep, ip) || im_seen(c, k, ic, ep, ip))
			continue;
		cand[ic][a[0] == 'b']++;
		kind = im_judge(c, ic, a[0] == 'b', ep, ip);
		if (kind >= 0) {
			kinds[ic][kind]++;
			im_tally_add(&c->tally[ic][kind], ep);
		}
	}
	if (rc == DB_ROW)
		db_reset(s);
	else if ((rc = im_done(s, rc)) != MOAT_OK)
		return rc;
	if (capped) {
		int64_t total = 0;
		c->out->capped = 1;
		if (p->interceptor >= 0 && p->glob[0] == '*')
			total =
			    c->out->events[p->interceptor][0] + c->out->events[p->interceptor][1];
		else if ((rc = im_top_total(c, p, topkind, lo, hi, &total)) != MOAT_OK)
			return rc;
		if (total > read && read > 0)
			scale = (double)total / (double)read;
	}
	for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++) {
		for (int a = 0; a < 2; a++)
			c->cand[ic][a] += (int64_t)(cand[ic][a] * scale + 0.5);
		for (int kind = 0; kind < STORE_IMPACT_KINDS; kind++)
			c->out->k[ic][kind].count += (int64_t)(kinds[ic][kind] * scale + 0.5);
	}
	return MOAT_OK;
}

/* The newest STORE_IMPACT_SAMPLE events of interceptor ic that no
 * predicate matched: the endpoints of its mode change. */
static int im_sample(struct im_ctx *c, int ic)
{
	struct db_stmt *s =
	    im_rows_stmt(c, &im_sql_interceptor, NULL, NULL, ic, STORE_IMPACT_SAMPLE);
	int64_t read = 0;
	int rc;

	if (!s)
		return MOAT_EDB;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *a = db_column_text(s, 1);
		const char *ep = db_column_text(s, 2);
		const char *ip = db_column_text(s, 3);
		int kind;

		read++;
		if (!a || im_seen(c, c->npred, ic, ep, ip))
			continue;
		kind = im_judge(c, ic, a[0] == 'b', ep, ip);
		if (kind >= 0)
			im_tally_add(&c->tally[ic][kind], ep);
	}
	if (read >= STORE_IMPACT_SAMPLE)
		for (int k = 0; k < STORE_IMPACT_KINDS; k++)
			c->out->k[ic][k].top_sampled = 1;
	return im_done(s, rc);
}

int store_event_impact(struct store *st, int64_t project_id, int64_t env_id, const json_t *doc,
                       int64_t since_ms, int64_t until_ms, int64_t now_ms, struct store_impact *out)
{
	struct im_ctx c;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.st = st;
	c.out = out;
	c.project_id = project_id;
	c.env_id = env_id;
	c.since = since_ms;
	c.until = until_ms;
	im_compile(&c, doc, now_ms);
	rc = im_totals(&c);
	for (int k = 0; !rc && k < c.npred; k++)
		rc = im_pred_rows(&c, k);
	/* the events no predicate matched: their interceptor's mode decides */
	for (int ic = 0; !rc && ic < STORE_STATS_INTERCEPTORS; ic++) {
		int64_t l = out->events[ic][0] - c.cand[ic][0],
		        b = out->events[ic][1] - c.cand[ic][1];
		int64_t add = 0;
		int kind = -1;

		l = l < 0 ? 0 : l;
		b = b < 0 ? 0 : b;
		if (c.mode[ic] == IM_OFF) {
			kind = STORE_IMPACT_SILENCED;
			add = l + b;
		} else if (c.mode[ic] == IM_BLOCK) {
			kind = STORE_IMPACT_BLOCK;
			add = l;
		} else {
			kind = STORE_IMPACT_LOG_ONLY;
			add = b;
		}
		out->k[ic][kind].count += add;
		if (add > 0)
			rc = im_sample(&c, ic);
	}
	for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++)
		for (int k = 0; k < STORE_IMPACT_KINDS; k++)
			im_tally_top(&c.tally[ic][k], &out->k[ic][k]);
	free(c.pred);
	return rc;
}

void store_event_impact_cleanup(struct store_impact *out)
{
	for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++)
		for (int k = 0; k < STORE_IMPACT_KINDS; k++)
			for (int i = 0; i < out->k[ic][k].ntop; i++) {
				free(out->k[ic][k].top[i].endpoint);
				out->k[ic][k].top[i].endpoint = NULL;
			}
}
