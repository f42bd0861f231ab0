/*
 * api_policy_impact.c — the "impact" member of a policy dry run: what the
 * pushed document would have done to the environment's events of the
 * last impact_days days (store_event_impact), as JSON with, for every
 * figure, the events search that selects those events. Handler threads.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "event.h"
#include "event_query.h"
#include "policy.h"
#include "timefmt.h"

#define IMPACT_DAY_MS (86400LL * 1000)

static const char *const impact_kind_names[STORE_IMPACT_KINDS] = {"would_block", "would_log_only",
                                                                  "silenced", "denied"};

int api_policy_impact_days(struct http_req *r, int *days)
{
	char v[16];
	char *end = NULL;
	long d;
	int rc = http_query(r, "impact_days", v, sizeof v);

	*days = API_POLICY_IMPACT_DAYS;
	if (rc == MOAT_ENOTFOUND)
		return 0;
	if (rc == MOAT_OK) {
		d = strtol(v, &end, 10);
		if (end != v && !*end && v[0] != '+' && v[0] != '-' && d >= 0 &&
		    d <= API_POLICY_IMPACT_DAYS_MAX) {
			*days = (int)d;
			return 0;
		}
	}
	http_problem(r, 422, "validation_failed", "impact_days must be an integer from 0 to 30",
	             json_pack("[{s:s, s:s}]", "path", "query impact_days", "message",
	                       "must be an integer from 0 (no impact) to 30"));
	return -1;
}

/* Appends "&name=value" (value percent-encoded) to b. */
static void impact_param(struct buf *b, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";

	buf_printf(b, "%s%s=", b->len && strchr(b->data, '?') ? "&" : "?", name);
	for (const unsigned char *c = (const unsigned char *)value; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("-._~/:", *c))
			buf_append(b, (const char *)c, 1);
		else
			buf_printf(b, "%%%c%c", hex[*c >> 4], hex[*c & 15]);
	}
}

/* The events search that holds the events of one figure: those of the
 * environment, interceptor and range, with the action it changes, the
 * one denylist net when there is one, and an endpoint. New reference. */
static json_t *impact_link(const struct store_project *p, const struct store_env *e, int ic,
                           int kind, const char *net, const char *endpoint, const char *since,
                           const char *until)
{
	struct buf b;
	json_t *s;

	buf_init(&b, 8192);
	buf_printf(&b, "/api/v1/projects/%s/events", p->slug);
	impact_param(&b, "environment", e->name);
	impact_param(&b, "interceptor", policy_interceptor_names[ic]);
	if (kind == STORE_IMPACT_BLOCK)
		impact_param(&b, "action", "logged");
	else if (kind == STORE_IMPACT_LOG_ONLY)
		impact_param(&b, "action", "blocked");
	if (kind == STORE_IMPACT_DENIED && net)
		impact_param(&b, "source_ip", net);
	if (endpoint)
		impact_param(&b, "endpoint", endpoint);
	impact_param(&b, "since", since);
	impact_param(&b, "until", until);
	s = b.err ? json_null() : json_stringn(b.data, b.len);
	buf_cleanup(&b);
	return s;
}

/* The one denylist net in force of doc, or NULL when it has none or
 * several (the link of "denied" then names none). */
static const char *impact_one_net(const json_t *doc, int64_t now_ms)
{
	const json_t *ips = json_object_get(json_object_get(doc, "denylist"), "ips"), *x;
	const char *one = NULL;
	size_t i;
	int n = 0;

	json_array_foreach(ips, i, x)
	{
		const char *u = json_string_value(json_object_get(x, "until"));
		int64_t until;
		if (u && (event_ts_parse(u, &until) || until <= now_ms))
			continue;
		one = json_string_value(json_object_get(x, "value"));
		n++;
	}
	return n == 1 ? one : NULL;
}

json_t *api_policy_impact(struct http_req *r, const struct store_project *p,
                          const struct store_env *e, const json_t *doc, int days)
{
	int64_t until_ms = timefmt_now_ms(), since_ms = until_ms - days * IMPACT_DAY_MS;
	char since[EVENT_QUERY_TIME_LEN], until[EVENT_QUERY_TIME_LEN];
	const char *net = impact_one_net(doc, until_ms);
	int64_t totals[STORE_IMPACT_KINDS] = {0};
	struct store_impact im;
	json_t *ics, *notes, *tot;
	int rc;

	rc = store_event_impact(r->st, p->id, e->id, doc, since_ms, until_ms, until_ms, &im);
	if (rc) {
		store_event_impact_cleanup(&im);
		http_problem_err(r, rc, NULL);
		return NULL;
	}
	event_query_time(since_ms, since);
	event_query_time(until_ms, until);
	ics = json_object();
	for (int ic = 0; ic < STORE_STATS_INTERCEPTORS; ic++) {
		const char *mode = json_string_value(
		    json_object_get(json_object_get(json_object_get(doc, "interceptors"),
		                                    policy_interceptor_names[ic]),
		                    "mode"));
		json_t *o = json_pack("{s:s, s:I, s:I}", "mode", mode ? mode : "monitor", "logged",
		                      (json_int_t)im.events[ic][0], "blocked",
		                      (json_int_t)im.events[ic][1]);
		for (int k = 0; k < STORE_IMPACT_KINDS; k++) {
			const struct store_impact_kind_out *ko = &im.k[ic][k];
			json_t *top = json_array();
			/* the search selects exactly these events when the figure
			 * is all the events it selects */
			int64_t sel = k == STORE_IMPACT_BLOCK ? im.events[ic][0]
			              : k == STORE_IMPACT_LOG_ONLY
			                  ? im.events[ic][1]
			                  : im.events[ic][0] + im.events[ic][1];
			int exact = k == STORE_IMPACT_DENIED ? net != NULL : ko->count == sel;

			for (int t = 0; t < ko->ntop; t++)
				json_array_append_new(
				    top,
				    json_pack("{s:s, s:I, s:o}", "endpoint", ko->top[t].endpoint,
				              "count", (json_int_t)ko->top[t].count, "events",
				              impact_link(p, e, ic, k, net, ko->top[t].endpoint,
				                          since, until)));
			totals[k] += ko->count;
			json_object_set_new(
			    o, impact_kind_names[k],
			    json_pack("{s:I, s:o, s:b, s:o, s:b}", "count", (json_int_t)ko->count,
			              "events", impact_link(p, e, ic, k, net, NULL, since, until),
			              "events_exact", exact && !im.capped && !im.skipped,
			              "top_endpoints", top, "top_endpoints_sampled",
			              ko->top_sampled));
		}
		json_object_set_new(ics, policy_interceptor_names[ic], o);
	}
	notes = json_array();
	if (im.capped)
		json_array_append_new(
		    notes, json_string("more events match the exclusions and the denylist than are "
		                       "read (10,000): what was read is scaled up to the number "
		                       "they match, an estimate"));
	if (im.skipped)
		json_array_append_new(notes,
		                      json_string("past 256 denylist nets and exclusions, the rest "
		                                  "are not counted"));
	if (im.parameter)
		json_array_append_new(
		    notes, json_string("an exclusion names a parameter, which events do "
		                       "not record: counted as if every parameter matched"));
	if (im.users)
		json_array_append_new(
		    notes, json_string("denylisted users are not counted (events are not "
		                       "indexed by user)"));
	tot = json_object();
	for (int k = 0; k < STORE_IMPACT_KINDS; k++)
		json_object_set_new(tot, impact_kind_names[k], json_integer(totals[k]));
	store_event_impact_cleanup(&im);
	return json_pack("{s:i, s:s, s:s, s:b, s:o, s:o, s:I, s:o}", "days", days, "since", since,
	                 "until", until, "approximate", json_array_size(notes) > 0, "notes", notes,
	                 "totals", tot, "events_read", (json_int_t)im.rows, "interceptors", ics);
}
