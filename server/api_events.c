/*
 * api_events.c — threat events as the dashboard and CI read them: search
 * with keyset pagination, one event, a streamed export (CSV or NDJSON),
 * statistics over a time range, and triage (status changes one by one or
 * in bulk by filter; a false positive can add a policy exclusion, pushed
 * live like any policy change).
 *
 * Handlers run on MHD workers. The export's content callback runs later
 * on the same worker, outside any handler: it owns its state (a copy of
 * the filters and one page of rows), reads through store_thread() one
 * page at a time and leaves the connection idle between pages, so memory
 * stays at one page however long the export is.
 */
#include "api.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "event.h"
#include "event_query.h"
#include "ingest.h"
#include "json_out.h"
#include "log.h"
#include "policy.h"
#include "ws_hub.h"
#include "xalloc.h"

#define EV_LIMIT_DEFAULT 50
#define EV_LIMIT_MAX     500
#define EV_PAGE_OUT_MAX  (64u << 20) /* a page of 500 events, worst case */
#define EV_EXPORT_PAGE   256         /* rows read per export round */
#define EV_EXPORT_ROW    (4u << 20)  /* one rendered row, worst case far less */
#define EV_TRIAGE_MAX    10000       /* events changed per bulk call */
#define EV_TEXT_WAIT_MS  2000        /* for the free-text index, at most */
#define EV_REASON_MAX    500
#define EV_ENDPOINT_MAX  2048
#define EV_STATS_DEFAULT (24LL * 3600 * 1000)

/* ---- filters ---- */

/* A filter and the storage its strings point into. Lives on the heap or
 * the stack of one thread; never copied (f points into it). */
struct ev_filter {
	struct store_event_filter f;
	struct event_cidr cidr;
	char environment[64], agent[132], ip[64];
	char endpoint[EV_ENDPOINT_MAX + 1];
	char fts[EVENT_QUERY_FTS_MAX];
};

static const char *const ev_filter_names[] = {"environment", "interceptor", "action", "endpoint",
                                              "severity",    "status",      "agent",  "source_ip",
                                              "since",       "until",       "q",      NULL};

static int ev_copy(char *dst, size_t cap, const char *v, size_t min)
{
	size_t n = strlen(v);

	if (n < min || n >= cap || !event_query_text_ok(v))
		return -1;
	memcpy(dst, v, n + 1);
	return 0;
}

/* Sets filter name to value. 0, or -1 with why (a static sentence). */
static int ev_filter_set(struct ev_filter *x, const char *name, const char *v, const char **why)
{
	struct store_event_filter *f = &x->f;

	if (!strcmp(name, "environment")) {
		*why = "must be an environment name";
		if (ev_copy(x->environment, sizeof x->environment, v, 1))
			return -1;
		f->environment = x->environment;
	} else if (!strcmp(name, "interceptor")) {
		*why = "must name an interceptor (sql_injection, nosql_injection, xss, ssrf, "
		       "path_traversal, command_injection, llm_prompt_injection)";
		f->interceptor = NULL;
		for (int i = 0; i < POLICY_INTERCEPTORS; i++)
			if (!strcmp(v, policy_interceptor_names[i]))
				f->interceptor = policy_interceptor_names[i];
		if (!f->interceptor)
			return -1;
	} else if (!strcmp(name, "action")) {
		*why = "must be blocked or logged";
		f->action = event_query_pick(v, event_query_actions);
		if (!f->action)
			return -1;
	} else if (!strcmp(name, "severity")) {
		*why = "must be low, medium, high or critical";
		f->severity = event_query_pick(v, event_query_severities);
		if (!f->severity)
			return -1;
	} else if (!strcmp(name, "status")) {
		*why = "must be new, acknowledged, false_positive or resolved";
		f->status = event_query_pick(v, event_query_statuses);
		if (!f->status)
			return -1;
	} else if (!strcmp(name, "agent")) {
		*why = "must be an agent_id (1-128 characters)";
		if (ev_copy(x->agent, sizeof x->agent, v, 1) || strlen(v) > 128)
			return -1;
		f->agent_id = x->agent;
	} else if (!strcmp(name, "source_ip")) {
		*why = "must be an IPv4 or IPv6 address, or a network in CIDR form";
		if (event_query_addr_parse(v, &x->cidr, x->ip))
			return -1;
		f->source_ip = x->ip[0] ? x->ip : NULL;
		f->cidr = x->ip[0] ? NULL : &x->cidr;
	} else if (!strcmp(name, "endpoint")) {
		size_t n = strlen(v);
		*why = "must be an endpoint (at most 2048 characters), or a prefix ending in '*'";
		if (ev_copy(x->endpoint, sizeof x->endpoint, v, 1))
			return -1;
		if (x->endpoint[n - 1] == '*') {
			x->endpoint[n - 1] = '\0';
			f->endpoint_prefix = x->endpoint;
			f->endpoint = NULL;
		} else {
			f->endpoint = x->endpoint;
			f->endpoint_prefix = NULL;
		}
	} else if (!strcmp(name, "since") || !strcmp(name, "until")) {
		int64_t ms;
		*why = "must be an RFC 3339 time, e.g. 2026-11-26T10:15:03Z";
		if (event_ts_parse(v, &ms) || ms <= 0)
			return -1;
		if (name[0] == 's')
			f->since_ms = ms;
		else
			f->until_ms = ms;
	} else if (!strcmp(name, "q")) {
		int terms;
		*why = "must be text of at most 512 bytes and 32 words";
		if (!event_query_text_ok(v))
			return -1;
		terms = event_query_fts(v, x->fts, sizeof x->fts);
		if (terms < 0)
			return -1;
		f->fts = terms > 0 ? x->fts : NULL;
	} else {
		*why = "is not a filter";
		return -1;
	}
	return 0;
}

/* A filter with free text reads the free-text index, which follows the
 * commit (schema 006): the request waits until the index has every event
 * acknowledged before it, suspended (holding no worker thread), then its
 * handler runs again from the start in a fresh snapshot. Past
 * EV_TEXT_WAIT_MS the search goes on with what is indexed (the lag is on
 * /metrics). Returns 1 when the request was suspended: the handler returns
 * at once. */
static void ev_text_ready(void *arg)
{
	http_resume(arg);
}

static int ev_text_wait(struct http_req *r, const struct store_event_filter *f)
{
	if (!f->fts || ingest_text_fresh())
		return 0;
	if (r->waited) {
		LOG(LOG_WARN, "msg=\"free-text index behind; searching what it has\" waited_ms=%d",
		    EV_TEXT_WAIT_MS);
		return 0;
	}
	http_suspend(r, r->route->handler, NULL, NULL);
	if (!ingest_text_wait_async(EV_TEXT_WAIT_MS, ev_text_ready, r))
		http_resume(r); /* caught up meanwhile */
	return 1;
}

/* Reads every filter from the query string. 0; -1 after a 400; 1 when the
 * request was suspended for the free-text index (ev_text_wait). */
static int ev_filter_query(struct http_req *r, struct ev_filter *x, int64_t project_id)
{
	char v[1024], detail[200];

	memset(x, 0, sizeof *x);
	x->f.project_id = project_id;
	for (int i = 0; ev_filter_names[i]; i++) {
		const char *why = "is not valid";
		int rc = http_query(r, ev_filter_names[i], v, sizeof v);
		if (rc == MOAT_ENOTFOUND)
			continue;
		if (rc == MOAT_OK && ev_filter_set(x, ev_filter_names[i], v, &why) == 0)
			continue;
		snprintf(detail, sizeof detail, "%s %s", ev_filter_names[i], why);
		http_problem(r, 400, "bad_request", detail, NULL);
		return -1;
	}
	if (x->f.since_ms && x->f.until_ms && x->f.since_ms >= x->f.until_ms) {
		http_problem(r, 400, "bad_request", "since must be before until", NULL);
		return -1;
	}
	return ev_text_wait(r, &x->f);
}

/* ---- writing events ---- */

static const char ev_csv_header[] =
    "id,ts,received_at,environment,agent_id,interceptor,action,severity,confidence,source_ip,"
    "method,endpoint,payload,payload_length,payload_truncated,operation,operation_length,"
    "operation_truncated,file,line,function,rule,details,status\r\n";

static int ev_cell(struct buf *b, const char *s, int last)
{
	int rc = s ? event_query_csv_cell(b, s, strlen(s)) : 0;

	return rc | buf_append(b, last ? "\r\n" : ",", last ? 2 : 1);
}

static int ev_cell_int(struct buf *b, int has, long long v)
{
	char num[32] = "";

	if (has)
		snprintf(num, sizeof num, "%lld", v);
	return ev_cell(b, num, 0);
}

/* Writes e as one CSV record (the columns of ev_csv_header). */

static int ev_write_csv(struct buf *b, const struct store_event_row *e)
{
	char ts[EVENT_QUERY_TIME_LEN], rx[EVENT_QUERY_TIME_LEN], num[32] = "";
	int rc = 0;

	event_query_time(e->ts, ts);
	event_query_time(e->received_at, rx);
	if (e->has_confidence)
		snprintf(num, sizeof num, "%.15g", e->confidence);
	rc |= ev_cell(b, e->uid, 0) | ev_cell(b, ts, 0) | ev_cell(b, rx, 0);
	rc |= ev_cell(b, e->environment, 0) | ev_cell(b, e->agent_id, 0);
	rc |= ev_cell(b, e->interceptor, 0) | ev_cell(b, e->action, 0);
	rc |= ev_cell(b, e->severity, 0) | ev_cell(b, num, 0) | ev_cell(b, e->source_ip, 0);
	rc |= ev_cell(b, e->method, 0) | ev_cell(b, e->endpoint, 0) | ev_cell(b, e->payload, 0);
	rc |= ev_cell_int(b, 1, e->payload_len);
	rc |= ev_cell(b, e->payload_truncated ? "true" : "false", 0);
	rc |= ev_cell(b, e->operation, 0) | ev_cell_int(b, 1, e->operation_len);
	rc |= ev_cell(b, e->operation_truncated ? "true" : "false", 0);
	rc |= ev_cell(b, e->file, 0) | ev_cell_int(b, e->has_line, e->line);
	rc |= ev_cell(b, e->function, 0) | ev_cell(b, e->rule, 0);
	rc |= ev_cell(b, e->details ? e->details : "{}", 0) | ev_cell(b, e->status, 1);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* ---- list and get ---- */

static int ev_int_param(struct http_req *r, const char *name, long min, long max, long *out)
{
	char v[24];
	char *end = NULL;
	long l;
	int rc = http_query(r, name, v, sizeof v);

	if (rc == MOAT_ENOTFOUND)
		return 0;
	if (rc)
		return -1;
	l = strtol(v, &end, 10);
	if (end == v || *end || l < min || l > max)
		return -1;
	*out = l;
	return 0;
}

void api_events_list(struct http_req *r)
{
	struct store_event_row *rows = NULL;
	struct store_project p;
	struct ev_filter x;
	char cursor[EVENT_QUERY_CURSOR_MAX + 8];
	long limit = EV_LIMIT_DEFAULT;
	size_t n = 0;
	struct buf b;
	int rc;

	if (api_project_load(r, &p) || ev_filter_query(r, &x, p.id))
		return;
	if (ev_int_param(r, "limit", 1, EV_LIMIT_MAX, &limit)) {
		http_problem(r, 400, "bad_request", "limit must be 1-500", NULL);
		return;
	}
	rc = http_query(r, "cursor", cursor, sizeof cursor);
	if (rc == MOAT_OK && *cursor)
		rc = event_query_cursor_decode(cursor, &x.f.after_ts, &x.f.after_id);
	else if (rc == MOAT_OK)
		rc = MOAT_ENOTFOUND; /* cursor= is the first page */
	if (rc == MOAT_OK)
		x.f.has_cursor = 1;
	else if (rc != MOAT_ENOTFOUND) {
		http_problem(r, 400, "bad_request",
		             "cursor is not valid: pass next_cursor of the previous page", NULL);
		return;
	}
	rc = store_event_search(r->st, &x.f, (int)limit + 1, &rows, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	buf_init(&b, EV_PAGE_OUT_MAX);
	rc = buf_append_str(&b, "{\"events\":[");
	for (size_t i = 0; i < n && i < (size_t)limit && !rc; i++) {
		if (i)
			rc = buf_append(&b, ",", 1);
		rc |= event_row_json(&b, &rows[i]);
	}
	rc |= buf_append_str(&b, "],\"next_cursor\":");
	if (n > (size_t)limit) {
		event_query_cursor_encode(rows[limit - 1].ts, rows[limit - 1].id, cursor);
		rc |= json_out_str(&b, cursor);
	} else {
		rc |= buf_append(&b, "null", 4);
	}
	rc |= buf_append(&b, "}", 1);
	store_event_rows_free(rows, n);
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

/* The {id} parameter as a lower-case UUID; 0, or -1 after a 404. */
static int ev_uid(struct http_req *r, char out[40])
{
	const char *s = r->params[1];
	size_t n = strlen(s);

	for (size_t i = 0; i < n && n == 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			break;
		out[i] = (char)tolower((unsigned char)s[i]);
		if (i == 35) {
			out[36] = '\0';
			return 0;
		}
	}
	http_problem(r, 404, "not_found", "no such event", NULL);
	return -1;
}

/* Replies 200 with the event (wrapped in {"event":…,"policy":…} when
 * policy is not NULL; policy is stolen). */
static void ev_reply_one(struct http_req *r, const struct store_event_row *e, json_t *policy)
{
	struct buf b;
	int rc = 0;

	buf_init(&b, EV_PAGE_OUT_MAX);
	if (policy)
		rc |= buf_append_str(&b, "{\"event\":");
	rc |= event_row_json(&b, e);
	if (policy) {
		rc |= buf_append_str(&b, ",\"policy\":") | json_out(&b, policy);
		rc |= buf_append(&b, "}", 1);
		json_decref(policy);
	}
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

void api_events_get(struct http_req *r)
{
	struct store_project p;
	struct store_event_row e;
	char uid[40];
	int rc;

	if (api_project_load(r, &p) || ev_uid(r, uid))
		return;
	rc = store_event_get(r->st, p.id, uid, &e);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such event" : NULL);
		return;
	}
	ev_reply_one(r, &e, NULL);
	store_event_row_cleanup(&e);
}

/* ---- export ---- */

enum { EV_CSV = 1, EV_NDJSON = 2 };

/* The export's state: owned by the MHD response, used by its callback
 * on one worker thread, freed by ev_export_free. */
struct ev_export {
	struct ev_filter x;
	int format;
	int started, done;
	struct store_event_row *rows;
	size_t nrows, next;
	struct buf out; /* rendered bytes not yet handed to MHD */
	size_t off;
	char request_id[24];
};

static void ev_export_free(void *cls)
{
	struct ev_export *s = cls;

	store_event_rows_free(s->rows, s->nrows);
	buf_cleanup(&s->out);
	free(s);
}

/* Reads the next page of rows after the last one sent. 0 or an error. */
static int ev_export_page(struct ev_export *s)
{
	struct store *st = store_thread();
	int rc;

	if (s->nrows > 0) {
		s->x.f.has_cursor = 1;
		s->x.f.after_ts = s->rows[s->nrows - 1].ts;
		s->x.f.after_id = s->rows[s->nrows - 1].id;
	}
	store_event_rows_free(s->rows, s->nrows);
	s->rows = NULL;
	s->nrows = s->next = 0;
	if (!st)
		return MOAT_EDB;
	rc = store_event_search(st, &s->x.f, EV_EXPORT_PAGE, &s->rows, &s->nrows);
	store_idle(st); /* the connection serves other requests between pages */
	if (!rc && s->nrows < EV_EXPORT_PAGE)
		s->done = 1;
	return rc;
}

static ssize_t ev_export_read(void *cls, uint64_t pos, char *dst, size_t max)
{
	struct ev_export *s = cls;
	size_t n;
	int rc = 0;

	(void)pos;
	while (s->off == s->out.len) {
		buf_reset(&s->out);
		s->off = 0;
		if (!s->started) {
			s->started = 1;
			if (s->format == EV_CSV)
				rc = buf_append_str(&s->out, ev_csv_header);
		} else if (s->next < s->nrows) {
			const struct store_event_row *e = &s->rows[s->next++];
			if (s->format == EV_CSV) {
				rc = ev_write_csv(&s->out, e);
			} else {
				rc = event_row_json(&s->out, e);
				rc |= buf_append(&s->out, "\n", 1);
			}
		} else if (s->done) {
			return MHD_CONTENT_READER_END_OF_STREAM;
		} else {
			rc = ev_export_page(s);
		}
		if (rc) {
			LOG(LOG_ERROR, "msg=\"export failed\" req=%s error=%d", s->request_id, rc);
			return MHD_CONTENT_READER_END_WITH_ERROR;
		}
	}
	n = s->out.len - s->off;
	if (n > max)
		n = max;
	memcpy(dst, s->out.data + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

void api_events_export(struct http_req *r)
{
	struct store_project p;
	struct ev_export *s;
	char format[16] = "csv", disp[128];
	int rc;

	if (api_project_load(r, &p))
		return;
	rc = http_query(r, "format", format, sizeof format);
	if ((rc && rc != MOAT_ENOTFOUND) || (strcmp(format, "csv") && strcmp(format, "ndjson"))) {
		http_problem(r, 400, "bad_request", "format must be csv or ndjson", NULL);
		return;
	}
	s = xcalloc(1, sizeof *s);
	if (ev_filter_query(r, &s->x, p.id)) {
		free(s);
		return;
	}
	s->format = format[0] == 'c' ? EV_CSV : EV_NDJSON;
	buf_init(&s->out, EV_EXPORT_ROW);
	snprintf(s->request_id, sizeof s->request_id, "%s", r->request_id);
	snprintf(disp, sizeof disp, "attachment; filename=\"events-%s.%s\"", p.slug, format);
	http_header_next(r, "Content-Disposition", disp);
	http_reply_stream(r, 200,
	                  s->format == EV_CSV ? "text/csv; charset=utf-8" : "application/x-ndjson",
	                  MHD_SIZE_UNKNOWN, ev_export_read, s, ev_export_free);
}

/* ---- statistics ---- */

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
	struct ev_filter x;
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
		if (rc == MOAT_OK && ev_filter_set(&x, names[i], v, &why) == 0)
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
	buf_init(&b, EV_PAGE_OUT_MAX);
	rc = ev_stats_json(&b, &s, since, until, bucket, x.f.environment);
	store_event_stats_cleanup(&s);
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

/* ---- triage ---- */

/* Adds {"interceptor","endpoint","on_match":"ignore","reason"} for e to
 * the current policy of e's environment as a new version (none when an
 * exclusion of that interceptor and endpoint that ignores without
 * conditions is there), and pushes it. On success *out is
 * {"environment","version","sha256","changed"}; otherwise the reply has
 * been sent and -1 returned. */
static int ev_exclude(struct http_req *r, const struct store_project *p,
                      const struct store_event_row *e, const char *reason, json_t **out)
{
	struct store_env env;
	char why[600], message[120];
	int rc;

	rc = store_env_get(r->st, p->id, e->environment, &env);
	if (rc) {
		http_problem_err(r, rc,
		                 rc == MOAT_ENOTFOUND ? "the event's environment is gone" : NULL);
		return -1;
	}
	if (!reason) {
		snprintf(why, sizeof why, "false positive (event %s)", e->uid);
		reason = why;
	}
	snprintf(message, sizeof message, "exclusion for false positive %s", e->uid);
	/* read, add, write with If-Match; a concurrent push makes us retry */
	for (int attempt = 0; attempt < 5; attempt++) {
		struct store_policy cur, next;
		json_t *doc, *list, *item, *errors, *norm;
		char sha[CRYPTO_SHA256_HEX], *text;
		int changed = 0, exists = 0;
		size_t i;

		rc = store_policy_current(r->st, env.id, &cur);
		if (rc) {
			http_problem_err(r, rc, NULL);
			return -1;
		}
		doc = json_loads(cur.document, 0, NULL);
		list = json_object_get(doc, "exclusions");
		json_array_foreach(list, i, item)
		{
			const char *ic = json_string_value(json_object_get(item, "interceptor"));
			const char *ep = json_string_value(json_object_get(item, "endpoint"));
			const char *om = json_string_value(json_object_get(item, "on_match"));
			if (ic && ep && om && !strcmp(ic, e->interceptor) &&
			    !strcmp(ep, e->endpoint) && !strcmp(om, "ignore") &&
			    !json_object_get(item, "parameter") && !json_object_get(item, "source"))
				exists = 1;
		}
		if (exists) {
			*out =
			    json_pack("{s:s, s:I, s:s, s:b}", "environment", env.name, "version",
			              (json_int_t)cur.version, "sha256", cur.sha256, "changed", 0);
			json_decref(doc);
			store_policy_cleanup(&cur);
			return 0;
		}
		if (!json_is_array(list)) {
			list = json_array();
			json_object_set_new(doc, "exclusions", list);
		}
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s}", "interceptor",
		                                      e->interceptor, "endpoint", e->endpoint,
		                                      "on_match", "ignore", "reason", reason));
		errors = json_array();
		norm = policy_normalize(doc, errors);
		json_decref(doc);
		if (!norm) {
			store_policy_cleanup(&cur);
			http_problem(r, 422, "validation_failed",
			             "the exclusion does not fit in the environment's policy",
			             errors);
			return -1;
		}
		json_decref(errors);
		text = policy_canonical(norm, sha);
		json_decref(norm);
		rc = store_policy_put(r->st, &r->actor, p, &env, text, sha, message, cur.version, 0,
		                      &next, &changed);
		free(text);
		store_policy_cleanup(&cur);
		if (rc == MOAT_ESTALE)
			continue;
		if (rc) {
			http_problem_err(r, rc, NULL);
			return -1;
		}
		if (changed)
			ws_hub_publish_policy(p->id, env.id, next.version, next.sha256,
			                      next.document);
		*out =
		    json_pack("{s:s, s:I, s:s, s:b}", "environment", env.name, "version",
		              (json_int_t)next.version, "sha256", next.sha256, "changed", changed);
		store_policy_cleanup(&next);
		return 0;
	}
	http_problem_err(r, MOAT_EBUSY, NULL);
	return -1;
}

/* Why the event's endpoint cannot be an exclusion, or NULL when it can. */
static const char *ev_exclusion_unfit(const struct store_event_row *e)
{
	if (!e->endpoint || e->endpoint[0] != '/')
		return "the event has no endpoint starting with '/' to exclude";
	if (strlen(e->endpoint) > 512)
		return "the event's endpoint is longer than an exclusion may be (512)";
	if (strchr(e->endpoint, '*'))
		return "the event's endpoint holds '*', which an exclusion would read as a glob";
	return NULL;
}

void api_events_update(struct http_req *r)
{
	static const char *const allowed[] = {"status", "create_exclusion", "reason", NULL};
	const char *status, *reason, *unfit;
	struct store_project p;
	struct store_event_row e;
	json_t *body, *policy = NULL;
	int exclude, changed, rc;
	char uid[40];
	struct jv v;

	if (api_project_load(r, &p) || ev_uid(r, uid))
		return;
	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "status", 1, 1, 32, 1, &status);
	jv_bool(&v, "create_exclusion", 0, &exclude);
	jv_string(&v, "reason", 0, 1, EV_REASON_MAX, 1, &reason);
	if (status && !event_query_pick(status, event_query_statuses))
		jv_error(&v, "$.status", "must be new, acknowledged, false_positive or resolved");
	if (exclude == 1 && status && strcmp(status, "false_positive"))
		jv_error(&v, "$.create_exclusion", "only with status false_positive");
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	status = event_query_pick(status, event_query_statuses);
	if (p.archived_at) {
		json_decref(body);
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		return;
	}
	rc = store_event_get(r->st, p.id, uid, &e);
	if (rc) {
		json_decref(body);
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such event" : NULL);
		return;
	}
	unfit = exclude == 1 ? ev_exclusion_unfit(&e) : NULL;
	if (unfit) {
		json_t *errs = json_array();
		json_array_append_new(
		    errs, json_pack("{s:s, s:s}", "path", "$.create_exclusion", "message", unfit));
		http_problem(r, 422, "validation_failed", unfit, errs);
		goto out;
	}
	rc = store_event_set_status(r->st, &r->actor, &p, uid, status, reason, &changed);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such event" : NULL);
		goto out;
	}
	snprintf(e.status, sizeof e.status, "%s", status);
	if (exclude == 1 && ev_exclude(r, &p, &e, reason, &policy))
		goto out;
	ev_reply_one(r, &e, policy ? policy : json_null());
out:
	store_event_row_cleanup(&e);
	json_decref(body);
}

void api_events_triage(struct http_req *r)
{
	static const char *const allowed[] = {"status", "filters", "reason", NULL};
	const char *status, *reason, *k;
	struct store_project p;
	struct ev_filter *x;
	json_t *body, *filters, *val;
	int64_t changed = 0;
	char *ftext = NULL;
	int more = 0, rc;
	struct jv v;

	if (api_project_load(r, &p))
		return;
	body = http_json_body(r);
	if (!body)
		return;
	x = xcalloc(1, sizeof *x);
	x->f.project_id = p.id;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "status", 1, 1, 32, 1, &status);
	jv_string(&v, "reason", 0, 1, EV_REASON_MAX, 1, &reason);
	if (status && !event_query_pick(status, event_query_statuses))
		jv_error(&v, "$.status", "must be new, acknowledged, false_positive or resolved");
	filters = json_object_get(body, "filters");
	if (filters && !json_is_object(filters))
		jv_error(&v, "$.filters", "must be an object of filters (as in the list's query)");
	json_object_foreach(json_is_object(filters) ? filters : NULL, k, val)
	{
		char path[96];
		const char *why = "must be a string";
		snprintf(path, sizeof path, "$.filters.%.60s", k);
		if (!event_query_pick(k, ev_filter_names))
			jv_error(&v, path, "is not a filter");
		else if (!json_is_string(val) || ev_filter_set(x, k, json_string_value(val), &why))
			jv_error(&v, path, why);
	}
	if (x->f.since_ms && x->f.until_ms && x->f.since_ms >= x->f.until_ms)
		jv_error(&v, "$.filters.since", "must be before until");
	if (jv_finish(&v, r))
		goto out;
	if (p.archived_at) {
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		goto out;
	}
	status = event_query_pick(status, event_query_statuses);
	if (ev_text_wait(r, &x->f))
		goto out; /* runs again once the index has caught up */
	ftext = filters ? json_dumps(filters, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	rc = store_event_triage(r->st, &r->actor, &p, &x->f, status, reason, ftext, EV_TRIAGE_MAX,
	                        &changed, &more);
	if (rc) {
		http_problem_err(r, rc, NULL);
		goto out;
	}
	http_reply_json(r, 200,
	                json_pack("{s:s, s:I, s:b, s:i}", "status", status, "updated",
	                          (json_int_t)changed, "more", more, "max", EV_TRIAGE_MAX));
out:
	free(ftext);
	free(x);
	json_decref(body);
}
