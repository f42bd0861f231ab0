/*
 * api_events_triage.c — triage of events: status changes one by one or in
 * bulk by filter; a false positive can add a policy exclusion (as narrow
 * as the event: its parameter when it names one), committed with the
 * status change through api_policy_commit() (all or nothing) and
 * pushed live like any policy change. Handlers run on MHD workers.
 */
#include "api_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "policy.h"
#include "utf8.h"
#include "xalloc.h"

#define EV_TRIAGE_MAX 10000 /* events changed per bulk call */
#define EV_REASON_MAX 500

/* 1 when the policy exclusion item already covers the one ev_exclude
 * would add: the same interceptor and endpoint, "ignore", no source, and
 * no parameter (the whole endpoint) or param itself. */
static int ev_covered_by(const json_t *item, const struct store_event_row *e, const char *param)
{
	const char *ic = json_string_value(json_object_get(item, "interceptor"));
	const char *ep = json_string_value(json_object_get(item, "endpoint"));
	const char *om = json_string_value(json_object_get(item, "on_match"));
	const json_t *pm = json_object_get(item, "parameter");

	if (!ic || !ep || !om || strcmp(ic, e->interceptor) || strcmp(ep, e->endpoint) ||
	    strcmp(om, "ignore") || json_object_get(item, "source"))
		return 0;
	if (!pm)
		return 1;
	return param && json_is_string(pm) && !strcmp(json_string_value(pm), param);
}

/* Sets e's status and adds {"interceptor","endpoint"[,"parameter"],
 * "on_match":"ignore","reason"} for e to the current policy of e's
 * environment as a new version, in one transaction through
 * api_policy_commit(), which also pushes it: both or neither. param is
 * the event's parameter (NULL: none, the exclusion covers the whole
 * endpoint). No version is made when an exclusion that covers it is
 * there (ev_covered_by). reason (may be NULL) is the status change's,
 * and the exclusion's when given. On success *changed tells whether the
 * status changed and *out is {"environment","version","sha256","changed",
 * "exclusion"} (the exclusion added, or the one already covering it);
 * otherwise the reply has been sent and -1 returned. */
static int ev_exclude(struct http_req *r, const struct store_project *p,
                      const struct store_event_row *e, const char *param, const char *status,
                      const char *reason, int *changed, json_t **out)
{
	struct store_env env;
	char why[600], message[120];
	const char *xreason = reason;
	int rc;

	rc = store_env_get(r->st, p->id, e->environment, &env);
	if (rc) {
		http_problem_err(r, rc,
		                 rc == MOAT_ENOTFOUND ? "the event's environment is gone" : NULL);
		return -1;
	}
	if (!xreason) {
		snprintf(why, sizeof why, "false positive (event %s)", e->uid);
		xreason = why;
	}
	snprintf(message, sizeof message, "exclusion for false positive %s", e->uid);
	/* read, add, write with If-Match; a concurrent push makes us retry */
	for (int attempt = 0; attempt < 5; attempt++) {
		struct store_status_change ev = {e->uid, status, reason, 0};
		struct api_policy_change c = {NULL, message, 0, 0, &ev, NULL};
		struct store_policy cur, next;
		json_t *list, *item, *excl = NULL;
		int pchanged = 0;
		size_t i;

		rc = store_policy_current(r->st, env.id, &cur);
		if (rc) {
			http_problem_err(r, rc, NULL);
			return -1;
		}
		c.doc = json_loads(cur.document, 0, NULL);
		c.if_match = cur.version;
		list = json_object_get(c.doc, "exclusions");
		json_array_foreach(list, i, item)
		{
			if (ev_covered_by(item, e, param)) {
				excl = json_incref(item);
				break;
			}
		}
		if (!excl && !json_is_array(list)) {
			list = json_array();
			json_object_set_new(c.doc, "exclusions", list);
		}
		if (!excl) {
			excl = json_pack("{s:s, s:s, s:s, s:s}", "interceptor", e->interceptor,
			                 "endpoint", e->endpoint, "on_match", "ignore", "reason",
			                 xreason);
			if (param)
				json_object_set_new(excl, "parameter", json_string(param));
			json_array_append(list, excl);
		}
		/* an existing exclusion leaves the document as it is: no version,
		 * but the status still commits against that version (If-Match) */
		rc = api_policy_commit(r, p, &env, &c, &next, &pchanged);
		json_decref(c.doc);
		store_policy_cleanup(&cur);
		if (rc) {
			json_decref(excl);
			if (rc == MOAT_ESTALE)
				continue;
			return -1;
		}
		*changed = ev.changed;
		*out = json_pack("{s:s, s:I, s:s, s:b, s:o}", "environment", env.name, "version",
		                 (json_int_t)next.version, "sha256", next.sha256, "changed",
		                 pchanged, "exclusion", excl);
		store_policy_cleanup(&next);
		return 0;
	}
	http_problem_err(r, MOAT_EBUSY, NULL);
	return -1;
}

/* Why the event cannot be an exclusion, or NULL when it can; then *param
 * is its parameter (details.parameter, as the agent named it: query.q,
 * body.text, header.x-name, cookie.id, ...) for the caller to free, or
 * NULL when it names none (a check with no input: the whole endpoint). */
static const char *ev_exclusion_unfit(const struct store_event_row *e, char **param)
{
	json_t *details, *pm;
	const char *why = NULL;

	*param = NULL;
	if (!e->endpoint || e->endpoint[0] != '/')
		return "the event has no endpoint starting with '/' to exclude";
	if (strlen(e->endpoint) > 512)
		return "the event's endpoint is longer than an exclusion may be (512)";
	if (strchr(e->endpoint, '*'))
		return "the event's endpoint holds '*', which an exclusion would read as a glob";
	details = e->details ? json_loads(e->details, 0, NULL) : NULL;
	pm = json_object_get(details, "parameter");
	if (pm && (!json_is_string(pm) || !policy_parameter_ok(json_string_value(pm))))
		why = "the event's parameter cannot be an exclusion's (1-256 characters of text)";
	else if (pm)
		*param = xstrdup(json_string_value(pm));
	json_decref(details);
	return why;
}

void api_events_update(struct http_req *r)
{
	static const char *const allowed[] = {"status", "create_exclusion", "reason", NULL};
	const char *status, *reason, *unfit;
	struct store_project p;
	struct store_event_row e;
	json_t *body, *policy = NULL;
	int exclude, changed, rc;
	char uid[40], *param = NULL;
	struct jv v;

	if (api_project_load(r, &p) || api_events_uid(r, uid))
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
	unfit = exclude == 1 ? ev_exclusion_unfit(&e, &param) : NULL;
	if (unfit) {
		json_t *errs = json_array();
		json_array_append_new(
		    errs, json_pack("{s:s, s:s}", "path", "$.create_exclusion", "message", unfit));
		http_problem(r, 422, "validation_failed", unfit, errs);
		goto out;
	}
	if (exclude == 1) {
		if (ev_exclude(r, &p, &e, param, status, reason, &changed, &policy))
			goto out;
	} else {
		rc = store_event_set_status(r->st, &r->actor, &p, uid, status, reason, &changed);
		if (rc) {
			http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such event" : NULL);
			goto out;
		}
	}
	snprintf(e.status, sizeof e.status, "%s", status);
	api_events_reply_one(r, &e, policy ? policy : json_null());
out:
	free(param);
	store_event_row_cleanup(&e);
	json_decref(body);
}

void api_events_triage(struct http_req *r)
{
	static const char *const allowed[] = {"status", "filters", "reason", "create_exclusion",
	                                      NULL};
	const char *status, *reason, *k;
	struct store_project p;
	struct api_events_filter *x;
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
	if (json_object_get(body, "create_exclusion"))
		jv_error(&v, "$.create_exclusion",
		         "exclusions are made one event at a time (PATCH the event), each as "
		         "narrow as that event's parameter");
	filters = json_object_get(body, "filters");
	if (filters && !json_is_object(filters))
		jv_error(&v, "$.filters", "must be an object of filters (as in the list's query)");
	json_object_foreach(json_is_object(filters) ? filters : NULL, k, val)
	{
		char path[96];
		const char *why = "must be a string";
		utf8_fmt(path, sizeof path, "$.filters.%.*s", (int)utf8_cut(k, strlen(k), 60), k);
		if (!event_query_pick(k, api_events_filter_names))
			jv_error(&v, path, "is not a filter");
		else if (!json_is_string(val) ||
		         api_events_filter_set(x, k, json_string_value(val), &why))
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
	if (api_events_text_wait(r, &x->f))
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
