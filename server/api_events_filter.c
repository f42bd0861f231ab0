/*
 * api_events_filter.c — the filters of an event search, as the list, the
 * export, the statistics and bulk triage read them: from the query string
 * or from a JSON object, each checked with a sentence saying why it is
 * refused; and the wait for the free-text index that a filter with free
 * text needs. Any MHD worker thread; no shared state.
 */
#include "api_events.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "ingest.h"
#include "log.h"
#include "policy.h"

#define EV_TEXT_WAIT_MS 2000 /* for the free-text index, at most */

const char *const api_events_filter_names[] = {"environment", "interceptor", "action", "endpoint",
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

int api_events_filter_set(struct api_events_filter *x, const char *name, const char *v,
                          const char **why)
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
		*why = "must be an endpoint (at most 2048 bytes), or a prefix ending in '*'";
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

int api_events_text_wait(struct http_req *r, const struct store_event_filter *f)
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
 * request was suspended for the free-text index (api_events_text_wait). */
int api_events_filter_query(struct http_req *r, struct api_events_filter *x, int64_t project_id)
{
	/* room for an endpoint one byte over its limit, so that it gets its
	 * own reason */
	char v[API_EVENTS_ENDPOINT_MAX + 2], detail[200];

	memset(x, 0, sizeof *x);
	x->f.project_id = project_id;
	for (int i = 0; api_events_filter_names[i]; i++) {
		const char *why = "is not valid";
		int rc = http_query(r, api_events_filter_names[i], v, sizeof v);
		if (rc == MOAT_ENOTFOUND)
			continue;
		if (rc == MOAT_OK &&
		    api_events_filter_set(x, api_events_filter_names[i], v, &why) == 0)
			continue;
		snprintf(detail, sizeof detail, "%s %s", api_events_filter_names[i], why);
		http_problem(r, 400, "bad_request", detail, NULL);
		return -1;
	}
	if (x->f.since_ms && x->f.until_ms && x->f.since_ms >= x->f.until_ms) {
		http_problem(r, 400, "bad_request", "since must be before until", NULL);
		return -1;
	}
	return api_events_text_wait(r, &x->f);
}
