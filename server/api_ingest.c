/*
 * api_ingest.c — POST /api/v1/agent/events: event batches from agents
 * that cannot hold a WebSocket (serverless functions). Same batch shape,
 * same validation and deduplication as the WebSocket; the answer comes
 * only after the commit. A full ingest queue is 503 with Retry-After.
 */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "ingest.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

#define INGEST_WAIT_MS 30000

/* A REST batch between the handler and its answer. */
struct ingest_wait {
	struct http_req *r;
	json_t *rejected; /* the answer's "rejected" */
	int rc;
	struct ingest_result res;
};

static void ingest_wait_free(void *arg)
{
	struct ingest_wait *w = arg;

	json_decref(w->rejected);
	free(w);
}

/* The writer committed the batch (or its deadline passed): wake the
 * request. Writer thread; w and r are not touched after http_resume. */
static void ingest_done(void *arg, int rc, const struct ingest_commit *c)
{
	struct ingest_wait *w = arg;

	w->rc = rc;
	if (c)
		w->res = c->res;
	http_resume(w->r);
}

/* The resumed request's answer (a worker thread). */
static void ingest_reply(struct http_req *r)
{
	struct ingest_wait *w = r->wait_arg;

	if (w->rc == MOAT_EBUSY) {
		http_header_next(r, "Retry-After", "1");
		http_problem(r, 503, "unavailable", "the ingest queue is full; retry shortly",
		             NULL);
	} else if (w->rc && w->rc != MOAT_EIO) {
		/* skipped by the writer on its own error (its project is gone):
		 * nothing of it was stored */
		http_problem_err(r, w->rc, "the batch could not be stored");
	} else if (w->rc) {
		http_header_next(r, "Retry-After", "1");
		http_problem(r, 503, "unavailable",
		             "the batch is queued but not yet committed; send it again (it is "
		             "deduplicated)",
		             NULL);
	} else {
		http_reply_json(r, 200,
		                json_pack("{s:I, s:I, s:O}", "accepted",
		                          (json_int_t)w->res.accepted, "duplicates",
		                          (json_int_t)w->res.duplicates, "rejected", w->rejected));
	}
	ingest_wait_free(w);
}

void api_agent_events(struct http_req *r)
{
	static const char *const allowed[] = {"seq", "events", "environment", "agent_id", NULL};
	const char *envname, *agent_id;
	char agent[EVENT_AGENT_ID_MAX + 1] = ""; /* copied: the body is freed early */
	struct event_batch b;
	struct ingest_wait *w;
	struct store_env e;
	json_t *body, *seq, *rej, *aid;
	char err[120];
	struct jv v;
	int rc;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "environment", 0, 1, 40, 1, &envname);
	/* the hello's rule (event_agent_id_ok), so both paths take the same ids */
	aid = json_object_get(body, "agent_id");
	agent_id = json_is_string(aid) ? json_string_value(aid) : NULL;
	if (aid && (!agent_id || !event_agent_id_ok(agent_id)))
		jv_error(&v, "$.agent_id", "must be 1 to 128 of A-Za-z0-9._:-");
	seq = json_object_get(body, "seq");
	if (seq && (!json_is_integer(seq) || json_integer_value(seq) < 0))
		jv_error(&v, "$.seq", "must be a whole number >= 0");
	if (!json_object_get(body, "events"))
		jv_error(&v, "$.events", "is required");
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	if (agent_id)
		utf8_copy(agent, sizeof agent, agent_id, NULL); /* ASCII, fits */
	rc = store_env_get(r->st, r->who.token.project_id, envname ? envname : "production", &e);
	if (rc) {
		json_decref(body);
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such environment" : NULL);
		return;
	}
	if (event_batch_parse(json_object_get(body, "events"), timefmt_now() * 1000, &b, err,
	                      sizeof err) != MOAT_OK) {
		json_t *errs = json_array();
		json_array_append_new(errs,
		                      json_pack("{s:s, s:s}", "path", "$.events", "message", err));
		json_decref(body);
		http_problem(r, 422, "validation_failed", err, errs);
		return;
	}
	json_decref(body);
	ingest_count_rejected(&b);
	rej = json_array();
	for (size_t i = 0; i < b.nrejected; i++)
		json_array_append_new(rej, json_pack("{s:i, s:s}", "index", b.rejected[i].index,
		                                     "reason", b.rejected[i].reason));
	/* the worker thread serves its other connections while the writer
	 * commits: the request is suspended, and answered when resumed */
	store_idle(r->st);
	w = xcalloc(1, sizeof *w);
	w->r = r;
	w->rejected = rej;
	http_suspend(r, ingest_reply, w, ingest_wait_free);
	rc = ingest_events_async(r->who.token.project_id, e.id, e.name, agent, &b, INGEST_WAIT_MS,
	                         ingest_done, w);
	if (rc) { /* nothing queued: answer at once */
		w->rc = rc;
		http_resume(r);
	}
	event_batch_free(&b);
}
