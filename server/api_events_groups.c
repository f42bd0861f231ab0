/*
 * api_events_groups.c — attacks, grouped: GET …/events/groups takes every
 * filter of the event list and answers the groups of interceptor +
 * endpoint (+ source address with by=source_ip), newest activity first,
 * each with the filters that select exactly its events (for the list, the
 * export and bulk triage). Handlers run on MHD workers.
 */
#include "api_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "xalloc.h"

#define EG_RANGE_DEFAULT (24LL * 3600 * 1000)
#define EG_LIMIT_DEFAULT 50
#define EG_LIMIT_MAX     500

static int64_t eg_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static json_t *eg_time(int64_t ms)
{
	char t[EVENT_QUERY_TIME_LEN];

	event_query_time(ms, t);
	return json_string(t);
}

/* The filters of the request (as given) with the range made explicit. */
static json_t *eg_request_filters(struct http_req *r, int64_t since, int64_t until)
{
	char v[API_EVENTS_ENDPOINT_MAX + 2];
	json_t *o = json_object();

	for (int i = 0; api_events_filter_names[i]; i++) {
		const char *name = api_events_filter_names[i];
		if (!strcmp(name, "since") || !strcmp(name, "until"))
			continue;
		if (http_query(r, name, v, sizeof v) == MOAT_OK)
			json_object_set_new(o, name, json_string(v));
	}
	json_object_set_new(o, "since", eg_time(since));
	json_object_set_new(o, "until", eg_time(until));
	return o;
}

/* The filters that select exactly the group's events, or null when the
 * filters cannot say it (no endpoint or source address, or an endpoint a
 * filter would read as a prefix or refuse). */
static json_t *eg_group_filters(const json_t *base, const struct store_event_group *g,
                                int by_source)
{
	size_t n = g->endpoint ? strlen(g->endpoint) : 0;
	json_t *o;

	if (!g->endpoint || n == 0 || n > API_EVENTS_ENDPOINT_MAX || g->endpoint[n - 1] == '*' ||
	    !event_query_text_ok(g->endpoint) || !g->interceptor[0])
		return json_null();
	if (by_source && !g->source_ip)
		return json_null();
	o = json_deep_copy(base);
	json_object_set_new(o, "interceptor", json_string(g->interceptor));
	json_object_set_new(o, "endpoint", json_string(g->endpoint));
	if (by_source)
		json_object_set_new(o, "source_ip", json_string(g->source_ip));
	return o;
}

static json_t *eg_json(const struct store_event_group *g, int by_source, const json_t *base,
                       int trend_n)
{
	json_t *o = json_object(), *trend = json_array();

	json_object_set_new(o, "interceptor", json_string(g->interceptor));
	json_object_set_new(o, "endpoint", g->endpoint ? json_string(g->endpoint) : json_null());
	if (by_source)
		json_object_set_new(o, "source_ip",
		                    g->source_ip ? json_string(g->source_ip) : json_null());
	json_object_set_new(o, "count", json_integer(g->count));
	json_object_set_new(o, "blocked", json_integer(g->blocked));
	json_object_set_new(o, "logged", json_integer(g->count - g->blocked));
	json_object_set_new(o, "first_seen", eg_time(g->first_ts));
	json_object_set_new(o, "last_seen", eg_time(g->last_ts));
	for (int k = 0; k < trend_n; k++)
		json_array_append_new(trend, json_integer(g->trend[k]));
	json_object_set_new(o, "trend", trend);
	json_object_set_new(o, "filters", eg_group_filters(base, g, by_source));
	return o;
}

void api_events_groups(struct http_req *r)
{
	struct store_event_groups res;
	struct store_project p;
	struct api_events_filter *x;
	char v[24], *end = NULL;
	long limit = EG_LIMIT_DEFAULT;
	int by_source = 0, rc;
	int64_t now = eg_now_ms();
	json_t *base, *list, *reply;

	memset(&res, 0, sizeof res);
	if (api_project_load(r, &p))
		return;
	x = xcalloc(1, sizeof *x);
	rc = api_events_filter_query(r, x, p.id);
	if (rc)
		goto out; /* replied, or suspended for the free-text index */
	rc = http_query(r, "by", v, sizeof v);
	if (rc == MOAT_OK && !strcmp(v, "source_ip"))
		by_source = 1;
	else if (rc != MOAT_ENOTFOUND) {
		http_problem(r, 400, "bad_request", "by must be source_ip", NULL);
		goto out;
	}
	rc = http_query(r, "limit", v, sizeof v);
	if (rc == MOAT_OK)
		limit = strtol(v, &end, 10);
	if ((rc != MOAT_OK && rc != MOAT_ENOTFOUND) ||
	    (rc == MOAT_OK && (end == v || *end || limit < 1 || limit > EG_LIMIT_MAX))) {
		http_problem(r, 400, "bad_request", "limit must be 1-500", NULL);
		goto out;
	}
	if (!x->f.until_ms)
		x->f.until_ms = now;
	if (!x->f.since_ms)
		x->f.since_ms = x->f.until_ms - EG_RANGE_DEFAULT;
	if (x->f.since_ms >= x->f.until_ms) {
		http_problem(r, 400, "bad_request", "since must be before until", NULL);
		goto out;
	}
	rc = store_event_groups(r->st, &x->f, by_source, (int)limit, &res);
	if (rc) {
		http_problem_err(r, rc, NULL);
		goto out;
	}
	base = eg_request_filters(r, x->f.since_ms, x->f.until_ms);
	list = json_array();
	for (size_t i = 0; i < res.n; i++)
		json_array_append_new(list, eg_json(&res.groups[i], by_source, base, res.trend_n));
	reply = json_pack("{s:o, s:o, s:[s,s], s:{s:o, s:I, s:i}, s:o, s:I, s:b, s:i}", "since",
	                  eg_time(x->f.since_ms), "until", eg_time(x->f.until_ms), "group_by",
	                  "interceptor", "endpoint", "trend", "start", eg_time(res.trend_start),
	                  "bucket_ms", (json_int_t)res.trend_ms, "buckets", res.trend_n, "groups",
	                  list, "total", (json_int_t)res.total, "complete", res.complete, "limit",
	                  (int)limit);
	if (by_source)
		json_array_append_new(json_object_get(reply, "group_by"), json_string("source_ip"));
	json_decref(base);
	http_reply_json(r, 200, reply);
out:
	store_event_groups_cleanup(&res);
	free(x);
}
