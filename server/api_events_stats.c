/*
 * api_events_stats.c — statistics of a project's events over a time
 * range: totals by action, severity and interceptor, time buckets and the
 * top endpoints, sources and rules. Handlers run on MHD workers.
 */
#include "api_events.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "json_out.h"
#include "policy.h"

#define EV_STATS_DEFAULT (24LL * 3600 * 1000)

static int64_t ev_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int ev_top_json(struct buf *b, const char *name, const char *key,
                       const struct store_stats_top *t, int n)
{
	int rc = json_out_str(b, name) | buf_append_str(b, ":[");

	for (int i = 0; i < n; i++) {
		int first = 1;
		rc |= buf_append_str(b, i ? ",{" : "{");
		rc |= json_out_key_str(b, key, t[i].key, &first);
		rc |= json_out_key(b, "count", &first) | json_out_int(b, t[i].count);
		rc |= buf_append(b, "}", 1);
	}
	return rc | buf_append(b, "]", 1);
}

static int ev_stats_json(struct buf *b, const struct store_event_stats *s, int64_t since,
                         int64_t until, const char *bucket, const char *env)
{
	const int width = STORE_STATS_INTERCEPTORS + 2;
	char t[EVENT_QUERY_TIME_LEN];
	int64_t bucket_ms = 0;
	int first = 1, rc = 0;

	bucket_ms = bucket[0] == 'm' ? 60000 : bucket[0] == 'h' ? 3600000 : 86400000;
	rc |= buf_append(b, "{", 1);
	event_query_time(since, t);
	rc |= json_out_key_str(b, "since", t, &first);
	event_query_time(until, t);
	rc |= json_out_key_str(b, "until", t, &first);
	rc |= json_out_key_str(b, "bucket", bucket, &first);
	rc |= json_out_key_str(b, "environment", env, &first);
	rc |= json_out_key(b, "total", &first) | json_out_int(b, s->total);
	rc |= json_out_key(b, "by_action", &first);
	rc |= buf_printf(b, "{\"blocked\":%lld,\"logged\":%lld}", (long long)s->blocked,
	                 (long long)s->logged);
	rc |= json_out_key(b, "by_severity", &first) | buf_append(b, "{", 1);
	for (int i = 0; i < STORE_STATS_SEVERITIES; i++)
		rc |= buf_printf(b, "%s\"%s\":%lld", i ? "," : "", event_query_severities[i],
		                 (long long)s->by_severity[i]);
	rc |= buf_append(b, "}", 1);
	rc |= json_out_key(b, "by_interceptor", &first) | buf_append(b, "{", 1);
	for (int i = 0; i < STORE_STATS_INTERCEPTORS; i++)
		rc |= buf_printf(b, "%s\"%s\":%lld", i ? "," : "", policy_interceptor_names[i],
		                 (long long)s->by_interceptor[i]);
	rc |= buf_append(b, "}", 1);
	rc |= json_out_key(b, "buckets", &first) | buf_append(b, "[", 1);
	for (int k = 0; k < s->nbuckets && !rc; k++) {
		const int64_t *c = &s->buckets[(size_t)k * width];
		int f2 = 1;
		event_query_time(s->first_bucket + k * bucket_ms, t);
		rc |= buf_append_str(b, k ? ",{" : "{");
		rc |= json_out_key_str(b, "start", t, &f2);
		rc |= json_out_key(b, "total", &f2) | json_out_int(b, c[width - 1]);
		rc |= json_out_key(b, "blocked", &f2) | json_out_int(b, c[width - 2]);
		rc |= json_out_key(b, "by_interceptor", &f2) | buf_append(b, "{", 1);
		for (int i = 0, f3 = 1; i < STORE_STATS_INTERCEPTORS; i++)
			if (c[i])
				rc |= json_out_key(b, policy_interceptor_names[i], &f3) |
				      json_out_int(b, c[i]);
		rc |= buf_append_str(b, "}}");
	}
	rc |= buf_append_str(b, "],");
	rc |= ev_top_json(b, "top_endpoints", "endpoint", s->endpoints, s->nendpoints);
	rc |= buf_append(b, ",", 1) |
	      ev_top_json(b, "top_sources", "source_ip", s->sources, s->nsources);
	rc |= buf_append(b, ",", 1) | ev_top_json(b, "top_rules", "rule", s->rules, s->nrules);
	return rc | buf_append(b, "}", 1);
}

void api_events_stats(struct http_req *r)
{
	static const char *const names[] = {"since", "until", "environment", NULL};
	struct store_event_stats s;
	struct store_project p;
	struct api_events_filter x;
	char bucket[16] = "hour", v[128];
	int64_t now = ev_now_ms(), since, until, width;
	struct buf b;
	int rc;

	if (api_project_load(r, &p))
		return;
	memset(&x, 0, sizeof x);
	for (int i = 0; names[i]; i++) {
		const char *why = "is not valid";
		char detail[160];
		rc = http_query(r, names[i], v, sizeof v);
		if (rc == MOAT_ENOTFOUND)
			continue;
		if (rc == MOAT_OK && api_events_filter_set(&x, names[i], v, &why) == 0)
			continue;
		snprintf(detail, sizeof detail, "%s %s", names[i], why);
		http_problem(r, 400, "bad_request", detail, NULL);
		return;
	}
	rc = http_query(r, "bucket", bucket, sizeof bucket);
	if ((rc && rc != MOAT_ENOTFOUND) ||
	    (strcmp(bucket, "minute") && strcmp(bucket, "hour") && strcmp(bucket, "day"))) {
		http_problem(r, 400, "bad_request", "bucket must be minute, hour or day", NULL);
		return;
	}
	width = bucket[0] == 'm' ? 60000 : bucket[0] == 'h' ? 3600000 : 86400000;
	until = x.f.until_ms ? x.f.until_ms : now;
	since = x.f.since_ms ? x.f.since_ms : until - EV_STATS_DEFAULT;
	if (since >= until) {
		http_problem(r, 400, "bad_request", "since must be before until", NULL);
		return;
	}
	rc = store_event_stats(r->st, p.id, x.f.environment, since, until, width, &s);
	if (rc) {
		store_event_stats_cleanup(&s);
		if (rc == MOAT_EINVALID)
			http_problem(r, 400, "bad_request",
			             "the range needs more than 2000 buckets: use a larger bucket",
			             NULL);
		else
			http_problem_err(r, rc, NULL);
		return;
	}
	buf_init(&b, API_EVENTS_OUT_MAX);
	rc = ev_stats_json(&b, &s, since, until, bucket, x.f.environment);
	store_event_stats_cleanup(&s);
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}
