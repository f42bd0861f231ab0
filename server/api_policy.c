/*
 * api_policy.c — policy as code: read, push (with If-Match and dry run),
 * versions, rollback; and the serverless agents' policy read. A committed
 * change is handed to the WebSocket hub (ws_agent_publish_policy), which
 * pushes it to every connected agent of that environment.
 * api_policy_commit() is the one path by which a version is written: the
 * PUT, a rollback and a false positive's exclusion (api_events_triage.c).
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "netaddr.h"
#include "policy.h"
#include "timefmt.h"
#include "utf8.h"
#include "ws_agent.h"
#include "ws_live.h"

#define POLICY_BODY_MAX (1u << 20)
/* The pushed message wraps the document in ~150 bytes: keep it under the
 * protocol's 1 MiB message limit. */
#define POLICY_PUSH_MAX ((1u << 20) - 1024)
/* A version's message (X-Moat-Message, "message" in a PUT or a rollback):
 * refused above this, never cut. */
#define POLICY_MESSAGE_MAX 1000

/* The one check of a version message s found at path (a JSON path or
 * "header X-Moat-Message"): UTF-8 of at most POLICY_MESSAGE_MAX bytes. */
static void policy_message_check(struct jv *v, const char *path, const char *s)
{
	if (strlen(s) > POLICY_MESSAGE_MAX)
		jv_error(v, path, "must be at most 1000 bytes");
}

/* The message into out (POLICY_MESSAGE_MAX + 1 bytes), control characters
 * as spaces. */
static void policy_message_copy(char *out, const char *s)
{
	utf8_copy(out, POLICY_MESSAGE_MAX + 1, s, NULL);
	for (char *c = out; *c; c++)
		if ((unsigned char)*c < 0x20)
			*c = ' ';
}

/* Loads {slug} and {env}; replies 404 and returns -1 when either is unknown. */
static int policy_target(struct http_req *r, struct store_project *p, struct store_env *e)
{
	int rc;

	if (api_project_load(r, p))
		return -1;
	rc = store_env_get(r->st, p->id, r->params[1], e);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such environment" : NULL);
		return -1;
	}
	return 0;
}

static void policy_etag(struct http_req *r, int64_t version)
{
	char etag[32];

	snprintf(etag, sizeof etag, "\"%lld\"", (long long)version);
	http_header_next(r, "ETag", etag);
}

/* Parses an If-Match / If-None-Match value: "3", "\"3\"", W/"3". -1 for
 * "*", -2 when it is not a version. */
static int64_t policy_match_value(const char *h)
{
	char *end = NULL;
	long long v;

	while (*h == ' ')
		h++;
	if (!strcmp(h, "*"))
		return -1;
	if (!strncmp(h, "W/", 2))
		h += 2;
	if (*h == '"')
		h++;
	v = strtoll(h, &end, 10);
	if (end == h || v < 0 || (*end && strcmp(end, "\"")))
		return -2;
	return v;
}

/* 1 when an If-None-Match value (one tag, a list, or "*") names version. */
static int policy_none_match(const char *h, int64_t version)
{
	char tag[32];

	while (*h) {
		size_t n;
		while (*h == ' ' || *h == ',')
			h++;
		n = strcspn(h, ",");
		if (n > 0 && n < sizeof tag) {
			memcpy(tag, h, n);
			tag[n] = '\0';
			while (n > 0 && tag[n - 1] == ' ')
				tag[--n] = '\0';
			if (!strcmp(tag, "*") || policy_match_value(tag) == version)
				return 1;
		}
		h += n;
	}
	return 0;
}

static json_t *policy_meta_json(const struct store_policy *v)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o}", "version", (json_int_t)v->version,
	                 "sha256", v->sha256, "author", v->author, "message", v->message,
	                 "rollback_of", v->rollback_of ? json_integer(v->rollback_of) : json_null(),
	                 "created_at", api_time(v->created_at));
}

/* Replies with the bare document of v (ETag = version), or 304. */
static void policy_reply_document(struct http_req *r, const struct store_policy *v)
{
	const char *inm = http_header(r, MHD_HTTP_HEADER_IF_NONE_MATCH);
	char sv[24];

	policy_etag(r, v->version);
	snprintf(sv, sizeof sv, "%lld", (long long)v->version);
	http_header_next(r, "X-Moat-Policy-Version", sv);
	http_header_next(r, "X-Moat-Policy-Sha256", v->sha256);
	if (inm && policy_none_match(inm, v->version)) {
		http_reply(r, 304, NULL, "", 0);
		return;
	}
	http_reply(r, 200, "application/json", v->document, strlen(v->document));
}

void api_policy_get(struct http_req *r)
{
	struct store_project p;
	struct store_env e;
	struct store_policy v;
	int rc;

	if (policy_target(r, &p, &e))
		return;
	rc = store_policy_current(r->st, e.id, &v);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	policy_reply_document(r, &v);
	store_policy_cleanup(&v);
}

/* Normalises doc_in into *doc and its canonical *text (the caller frees
 * both) with its sha256, refusing (422, as every policy write does) a
 * document with problems or one larger than an agent message can hold;
 * now > 0 also refuses denylist entries already past their until
 * (policy_normalize_at). 0, or -1 after the reply. */
static int policy_prepare(struct http_req *r, json_t *doc_in, int64_t now, json_t **doc,
                          char **text, char sha[CRYPTO_SHA256_HEX])
{
	json_t *errors = json_array();
	size_t n;

	*doc = policy_normalize_at(doc_in, now, errors);
	if (!*doc) {
		char d[64];
		snprintf(d, sizeof d, "%zu problem%s in the policy", json_array_size(errors),
		         json_array_size(errors) == 1 ? "" : "s");
		http_problem(r, 422, "validation_failed", d, errors);
		return -1;
	}
	json_decref(errors);
	*text = policy_canonical(*doc, sha);
	n = strlen(*text);
	if (n > POLICY_PUSH_MAX) {
		char d[160];
		json_t *errs = json_array();
		snprintf(d, sizeof d,
		         "the normalised policy is %zu bytes; an agent message holds at most %u", n,
		         POLICY_PUSH_MAX);
		json_array_append_new(errs, json_pack("{s:s, s:s}", "path", "$", "message", d));
		free(*text);
		json_decref(*doc);
		*text = NULL;
		*doc = NULL;
		http_problem(r, 422, "validation_failed", d, errs);
		return -1;
	}
	return 0;
}

/* The channels doc_in's "Notifications" names into ch (ch->n of them,
 * kind and url set), each URL held to the channel rules. 0, or -1 after
 * a 422 with the path of every refused URL. */
static int policy_channels_prepare(struct http_req *r, const json_t *doc_in,
                                   struct api_policy_channels *ch)
{
	static const char *const kinds[] = {"slack", "webhook"};
	static const char *const keys[] = {"Slack", "Webhook"};
	json_t *n = policy_notifications(doc_in), *errors = json_array();
	const char *base = n ? json_string_value(json_object_get(n, "path")) : NULL;

	memset(ch, 0, sizeof *ch);
	for (int i = 0; n && i < 2; i++) {
		const char *url = json_string_value(json_object_get(n, kinds[i]));
		char why[200], path[160];

		if (!url)
			continue;
		snprintf(path, sizeof path, "%s.%s", base, keys[i]);
		if (netaddr_url_check(url, r->cfg->allow_private_webhooks, why, sizeof why)) {
			json_array_append_new(
			    errors, json_pack("{s:s, s:s}", "path", path, "message", why));
			continue;
		}
		snprintf(ch->url[ch->n], sizeof ch->url[0], "%s", url);
		ch->c[ch->n].kind = kinds[i];
		ch->c[ch->n].url = ch->url[ch->n];
		ch->n++;
	}
	json_decref(n);
	if (json_array_size(errors)) {
		http_problem(r, 422, "validation_failed", "a notification URL is refused", errors);
		return -1;
	}
	json_decref(errors);
	return 0;
}

int api_policy_commit(struct http_req *r, const struct store_project *p, const struct store_env *e,
                      const struct api_policy_change *c, struct store_policy *out, int *changed)
{
	char sha[CRYPTO_SHA256_HEX];
	json_t *doc;
	char *text;
	int rc;

	*changed = 0;
	/* a document the client wrote may not carry a denylist entry already
	 * past its until; a stored one (rollback, an exclusion added to the
	 * current document) keeps its expired entries */
	if (policy_prepare(r, c->doc, c->rollback_of || c->event ? 0 : timefmt_now(), &doc, &text,
	                   sha))
		return MOAT_EINVALID;
	json_decref(doc);
	if (c->channels && policy_channels_prepare(r, c->doc, c->channels)) {
		free(text);
		return MOAT_EINVALID;
	}
	if (p->archived_at) {
		free(text);
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		return MOAT_EARCHIVED;
	}
	if (c->channels && c->channels->n) {
		/* a webhook channel made by this commit signs with a new secret */
		api_channel_secret_new(c->channels->secret);
		for (size_t i = 0; i < c->channels->n; i++)
			c->channels->c[i].secret = c->channels->secret;
	}
	rc = store_policy_put(r->st, &r->actor, p, e, text, sha, c->message, c->if_match,
	                      c->rollback_of, c->event, c->channels ? c->channels->c : NULL,
	                      c->channels ? c->channels->n : 0, out, changed);
	free(text);
	if (rc == MOAT_ESTALE)
		return rc;
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND && c->event ? "no such event" : NULL);
		return rc;
	}
	if (*changed) {
		ws_agent_publish_policy(p->id, e->id, out->version, out->sha256, out->document);
		ws_live_policy_published(p->id, e->name, out->version);
	}
	return MOAT_OK;
}

/* Replies what a push would change (dry run). */
static void policy_dry_run(struct http_req *r, const struct store_project *p,
                           const struct store_env *e, json_t *doc_in, int impact_days)
{
	json_t *impact = NULL, *resp;
	char sha[CRYPTO_SHA256_HEX];
	struct api_policy_channels ch;
	struct store_policy cur;
	json_t *doc, *cur_doc, *diff;
	char *text;
	int rc;

	if (policy_prepare(r, doc_in, timefmt_now(), &doc, &text, sha))
		return;
	free(text);
	if (policy_channels_prepare(r, doc_in, &ch)) {
		json_decref(doc);
		return;
	}
	rc = store_policy_current(r->st, e->id, &cur);
	if (rc) {
		json_decref(doc);
		http_problem_err(r, rc, NULL);
		return;
	}
	cur_doc = json_loads(cur.document, 0, NULL);
	diff = policy_diff(cur_doc, doc);
	for (size_t i = 0; i < ch.n; i++) {
		char path[64], masked[320], old[STORE_CHANNEL_URL_MAX + 1], old_masked[320];
		int exists = 0;

		rc = store_channel_policy_peek(r->st, p, e, ch.c[i].kind, ch.c[i].url, &exists, old,
		                               sizeof old);
		if (rc) {
			json_decref(doc);
			json_decref(cur_doc);
			json_decref(diff);
			store_policy_cleanup(&cur);
			http_problem_err(r, rc, NULL);
			return;
		}
		snprintf(path, sizeof path, "$.notifications.%s", ch.c[i].kind);
		api_channel_url_mask(ch.c[i].url, masked, sizeof masked);
		if (exists == 0) {
			json_array_append_new(diff, json_pack("{s:s, s:s, s:s}", "path", path, "op",
			                                      "add", "new", masked));
		} else if (exists == 2) {
			api_channel_url_mask(old, old_masked, sizeof old_masked);
			json_array_append_new(diff, json_pack("{s:s, s:s, s:s, s:s}", "path", path,
			                                      "op", "change", "old", old_masked,
			                                      "new", masked));
		}
	}
	if (impact_days > 0) {
		impact = api_policy_impact(r, p, e, doc, impact_days);
		if (!impact) {
			json_decref(doc);
			json_decref(cur_doc);
			json_decref(diff);
			store_policy_cleanup(&cur);
			return;
		}
	}
	resp = json_pack("{s:b, s:b, s:I, s:s, s:o, s:o}", "dry_run", 1, "changed",
	                 strcmp(cur.sha256, sha) != 0, "current_version", (json_int_t)cur.version,
	                 "sha256", sha, "document", doc, "diff", diff);
	if (impact)
		json_object_set_new(resp, "impact", impact);
	http_reply_json(r, 200, resp);
	json_decref(cur_doc);
	store_policy_cleanup(&cur);
}

/* Commits doc_in (api_policy_commit) and replies with the version, or on
 * dry run replies what would change. */
static void policy_apply(struct http_req *r, const struct store_project *p,
                         const struct store_env *e, json_t *doc_in, const char *message,
                         int64_t if_match, int64_t rollback_of, int dry_run, int impact_days)
{
	struct api_policy_channels ch;
	struct api_policy_change c = {doc_in, message, if_match, rollback_of, NULL, &ch};
	struct store_policy out;
	json_t *resp;
	int changed, rc;

	if (dry_run) {
		policy_dry_run(r, p, e, doc_in, impact_days);
		return;
	}
	rc = api_policy_commit(r, p, e, &c, &out, &changed);
	if (rc == MOAT_ESTALE) {
		http_problem(r, 412, "precondition_failed",
		             "If-Match does not name the current version; GET the policy and retry",
		             NULL);
		return;
	}
	if (rc)
		return;
	policy_etag(r, out.version);
	resp = json_pack("{s:I, s:s, s:b}", "version", (json_int_t)out.version, "sha256",
	                 out.sha256, "changed", changed);
	if (rollback_of > 0)
		json_object_set_new(resp, "rollback_of", json_integer(rollback_of));
	if (ch.n) {
		json_t *list = json_array();
		for (size_t i = 0; i < ch.n; i++) {
			char masked[320];
			json_t *o;

			api_channel_url_mask(ch.c[i].url, masked, sizeof masked);
			o = json_pack("{s:I, s:s, s:s, s:b, s:b}", "id", (json_int_t)ch.c[i].id,
			              "kind", ch.c[i].kind, "url", masked, "created",
			              ch.c[i].created, "updated", ch.c[i].updated);
			/* the secret of a webhook channel made now: this once */
			if (ch.c[i].created && !strcmp(ch.c[i].kind, "webhook"))
				json_object_set_new(o, "secret", json_string(ch.secret));
			http_json_append(r, list, o);
		}
		json_object_set_new(resp, "channels", list);
	}
	crypto_wipe(ch.secret, sizeof ch.secret);
	http_reply_json(r, 200, resp);
	store_policy_cleanup(&out);
}

static int policy_flag(struct http_req *r, const char *name, int *out)
{
	char v[8];
	int rc = http_query(r, name, v, sizeof v);

	*out = 0;
	if (rc == MOAT_ENOTFOUND)
		return 0;
	if (rc == MOAT_OK && (!strcmp(v, "true") || !strcmp(v, "1"))) {
		*out = 1;
		return 0;
	}
	if (rc == MOAT_OK && (!strcmp(v, "false") || !strcmp(v, "0")))
		return 0;
	http_problem(r, 400, "bad_request", "dry_run must be true or false", NULL);
	return -1;
}

void api_policy_put(struct http_req *r)
{
	const char *im = http_header(r, MHD_HTTP_HEADER_IF_MATCH);
	const char *hmsg;
	struct store_project p;
	struct store_env e;
	int64_t if_match = -1;
	char message[POLICY_MESSAGE_MAX + 1] = "";
	json_t *body, *m;
	struct jv v;
	int dry_run, impact_days = 0;

	if (policy_flag(r, "dry_run", &dry_run) || policy_target(r, &p, &e))
		return;
	if (dry_run && api_policy_impact_days(r, &impact_days))
		return;
	if (im) {
		if_match = policy_match_value(im);
		if (if_match == -2) {
			http_problem(r, 400, "bad_request", "If-Match must name a policy version",
			             NULL);
			return;
		}
	}
	body = http_json_body(r);
	if (!body)
		return;
	/* the message is checked before anything is stored: invalid UTF-8 or
	 * too long is a 422, never a cut (nothing commits) */
	jv_init(&v, body);
	hmsg = jv_header(&v, r, "X-Moat-Message", 0);
	if (hmsg)
		policy_message_check(&v, "header X-Moat-Message", hmsg);
	m = json_object_get(body, "message");
	if (m && !json_is_string(m))
		jv_error(&v, "$.message", "must be a string of at most 1000 bytes");
	else if (m)
		policy_message_check(&v, "$.message", json_string_value(m));
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	if (hmsg)
		policy_message_copy(message, hmsg);
	if (m) {
		policy_message_copy(message, json_string_value(m));
		json_object_del(body, "message");
	}
	policy_apply(r, &p, &e, body, message, if_match, 0, dry_run, impact_days);
	json_decref(body);
}

void api_policy_versions(struct http_req *r)
{
	struct store_policy *arr = NULL;
	struct store_project p;
	struct store_env e;
	char lim[16], bef[24];
	int limit = 50, rc;
	int64_t before = 0;
	size_t n = 0;
	json_t *list;

	if (policy_target(r, &p, &e))
		return;
	if (http_query(r, "limit", lim, sizeof lim) == MOAT_OK) {
		char *end = NULL;
		long l = strtol(lim, &end, 10);
		limit = *end || l < 1 || l > 500 ? -1 : (int)l;
	}
	if (http_query(r, "before", bef, sizeof bef) == MOAT_OK) {
		char *end = NULL;
		before = strtoll(bef, &end, 10);
		if (*end || before < 1)
			limit = -1;
	}
	if (limit < 0) {
		http_problem(r, 400, "bad_request", "limit must be 1-500 and before a version",
		             NULL);
		return;
	}
	rc = store_policy_list(r->st, e.id, before, limit, &arr, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, policy_meta_json(&arr[i]));
	http_reply_json(r, 200,
	                json_pack("{s:o, s:o}", "versions", list, "next_before",
	                          n == (size_t)limit && n > 0 ? json_integer(arr[n - 1].version)
	                                                      : json_null()));
	store_policy_list_free(arr, n);
}

void api_policy_version(struct http_req *r)
{
	struct store_project p;
	struct store_env e;
	struct store_policy v;
	char *end = NULL;
	long long n;
	json_t *out;
	int rc;

	if (policy_target(r, &p, &e))
		return;
	n = strtoll(r->params[2], &end, 10);
	if (*end || n < 1) {
		http_problem(r, 404, "not_found", "no such version", NULL);
		return;
	}
	rc = store_policy_get(r->st, e.id, n, &v);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such version" : NULL);
		return;
	}
	out = policy_meta_json(&v);
	json_object_set_new(out, "document", json_loads(v.document, 0, NULL));
	store_policy_cleanup(&v);
	http_reply_json(r, 200, out);
}

void api_policy_rollback(struct http_req *r)
{
	static const char *const allowed[] = {"version", "message", NULL};
	struct store_project p;
	struct store_env e;
	struct store_policy old;
	const char *msg;
	char message[POLICY_MESSAGE_MAX + 1];
	json_t *body, *ver, *doc;
	struct jv v;
	int rc;

	if (policy_target(r, &p, &e))
		return;
	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "message", 0, 0, POLICY_MESSAGE_MAX, 1, &msg);
	if (msg)
		policy_message_check(&v, "$.message", msg);
	ver = json_object_get(body, "version");
	if (!json_is_integer(ver) || json_integer_value(ver) < 1)
		jv_error(&v, "$.version", "must be a version number (1 or more)");
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_policy_get(r->st, e.id, json_integer_value(ver), &old);
	if (rc) {
		json_t *errs = json_array();
		json_decref(body);
		json_array_append_new(errs, json_pack("{s:s, s:s}", "path", "$.version", "message",
		                                      "no such version"));
		http_problem(r, 422, "validation_failed", "no such version", errs);
		return;
	}
	policy_message_copy(message, msg ? msg : "");
	if (!message[0])
		snprintf(message, sizeof message, "rollback to version %lld",
		         (long long)old.version);
	doc = json_loads(old.document, 0, NULL);
	policy_apply(r, &p, &e, doc, message, -1, old.version, 0, 0);
	json_decref(doc);
	json_decref(body);
	store_policy_cleanup(&old);
}

void api_agent_policy(struct http_req *r)
{
	struct store_policy v;
	struct store_env e;
	char env[64];
	int rc;

	rc = http_query(r, "environment", env, sizeof env);
	if (rc == MOAT_ENOTFOUND)
		snprintf(env, sizeof env, "production");
	else if (rc) {
		http_problem(r, 400, "bad_request", "environment is not valid", NULL);
		return;
	}
	rc = store_env_get(r->st, r->who.token.project_id, env, &e);
	if (!rc)
		rc = store_policy_current(r->st, e.id, &v);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such environment" : NULL);
		return;
	}
	{
		const char *inm = http_header(r, MHD_HTTP_HEADER_IF_NONE_MATCH);
		policy_etag(r, v.version);
		if (inm && policy_none_match(inm, v.version)) {
			http_reply(r, 304, NULL, "", 0);
		} else {
			json_t *doc = json_loads(v.document, 0, NULL);
			http_reply_json(r, 200,
			                json_pack("{s:I, s:s, s:o}", "version",
			                          (json_int_t)v.version, "sha256", v.sha256,
			                          "document", doc));
		}
	}
	store_policy_cleanup(&v);
}
