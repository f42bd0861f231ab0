/*
 * api_channels.c — notification channels of a project (Slack incoming
 * webhooks and signed generic webhooks): create, list, read, change,
 * delete, their delivery log, and a test message.
 *
 * A webhook's signing secret is generated here and returned once, in the
 * 201; afterwards a channel shows its URL and secret only masked
 * (api_channel_url_mask). Neither is ever logged. A URL is accepted only
 * when netaddr_url_check passes (plainly private targets refused unless
 * --allow-private-webhooks).
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "netaddr.h"
#include "notify_test.h"
#include "policy.h"
#include "timefmt.h"
#include "utf8.h"

#define CHANNEL_NAME_MAX        100 /* characters */
#define CHANNEL_LIST_MAX        500
#define CHANNEL_DELIVERIES_MAX  200
#define CHANNEL_DELIVERIES_DEF  50
#define CHANNEL_TEST_TIMEOUT_MS 10000
#define CHANNEL_THROTTLE_MAX    86400
#define CHANNEL_STALL_MAX       604800

void api_channel_url_mask(const char *url, char *out, size_t cap)
{
	struct netaddr_url u;
	const char *path, *v6;
	char why[8], port[8] = "";
	size_t n;

	if (netaddr_url_parse(url, &u, why, sizeof why)) {
		snprintf(out, cap, "…");
		return;
	}
	path = strstr(url, "://") + 3;
	path += strcspn(path, "/?#");
	n = strlen(path);
	if (u.port != (u.https ? 443 : 80))
		snprintf(port, sizeof port, ":%d", u.port);
	v6 = strchr(u.host, ':') ? "[" : "";
	/* the host says where it goes; the path of a Slack or webhook URL is
	 * the credential, so at most its last four characters show */
	snprintf(out, cap, "%s://%s%s%s%s/…%s", u.https ? "https" : "http", v6, u.host,
	         *v6 ? "]" : "", port, n >= 16 ? path + n - 4 : "");
}

void api_channel_secret_new(char out[STORE_CHANNEL_SECRET_MAX])
{
	unsigned char raw[32];
	char b64[48];

	crypto_random(raw, sizeof raw);
	crypto_b64url(raw, sizeof raw, b64);
	crypto_wipe(raw, sizeof raw);
	snprintf(out, STORE_CHANNEL_SECRET_MAX, "whsec_%s", b64);
	crypto_wipe(b64, sizeof b64);
}

static json_t *names_json(unsigned mask, const char *const *names, int count)
{
	json_t *a = json_array();

	for (int i = 0; i < count && names[i]; i++)
		if (mask & (1u << i))
			json_array_append_new(a, json_string(names[i]));
	return a;
}

json_t *api_channel_json(const struct store_channel *c)
{
	char url[320];
	json_t *o, *envs = json_array();

	api_channel_url_mask(c->url, url, sizeof url);
	for (int i = 0; i < c->nenvironments; i++)
		json_array_append_new(envs, json_string(c->environments[i]));
	o = json_pack(
	    "{s:I, s:s, s:s, s:s, s:b, s:o, s:s, s:o, s:o,"
	    " s:{s:b, s:b, s:b, s:b}, s:I, s:I, s:s, s:s, s:o, s:o}",
	    "id", (json_int_t)c->id, "kind", c->kind, "name", c->name, "url", url, "enabled",
	    c->enabled, "interceptors",
	    names_json(c->interceptors, policy_interceptor_names, POLICY_INTERCEPTORS),
	    "min_severity", store_channel_severities[c->min_severity], "actions",
	    names_json(c->actions, store_channel_actions, 2), "environments", envs, "notify_on",
	    "threats", c->on_threats, "policy_failed", c->on_policy_failed, "rollout_stalled",
	    c->on_rollout_stalled, "environment_offline", c->on_env_offline,
	    "rollout_stall_seconds", (json_int_t)c->rollout_stall_seconds, "throttle_seconds",
	    (json_int_t)c->throttle_seconds, "source", c->source, "created_by", c->created_by,
	    "created_at", api_time(c->created_at), "updated_at", api_time(c->updated_at));
	if (o && !strcmp(c->kind, "webhook"))
		json_object_set_new(o, "secret", json_string("whsec_…"));
	return o;
}

/* An array of names from names (count of them) into *mask; problems go to v. */
static void parse_names(struct jv *v, json_t *arr, const char *key, const char *const *names,
                        int count, unsigned *mask)
{
	char path[64];
	size_t i;
	json_t *e;

	*mask = 0;
	snprintf(path, sizeof path, "$.%s", key);
	if (!json_is_array(arr)) {
		jv_error(v, path, "must be an array of names");
		return;
	}
	json_array_foreach(arr, i, e)
	{
		int k = -1;
		for (int j = 0; j < count && names[j] && json_is_string(e); j++)
			if (!strcmp(names[j], json_string_value(e)))
				k = j;
		if (k < 0) {
			char msg[200], p[80];
			size_t o = 0;
			snprintf(p, sizeof p, "$.%s[%zu]", key, i);
			o = (size_t)snprintf(msg, sizeof msg, "must be one of");
			for (int j = 0; j < count && names[j] && o < sizeof msg; j++)
				o += (size_t)snprintf(msg + o, sizeof msg - o, "%s %s",
				                      j ? "," : "", names[j]);
			jv_error(v, p, msg);
			continue;
		}
		*mask |= 1u << k;
	}
}

static void parse_int(struct jv *v, json_t *body, const char *key, int64_t min, int64_t max,
                      int64_t *out)
{
	json_t *x = json_object_get(body, key);
	char path[64], msg[96];

	if (!x)
		return;
	if (!json_is_integer(x) || json_integer_value(x) < min || json_integer_value(x) > max) {
		snprintf(path, sizeof path, "$.%s", key);
		snprintf(msg, sizeof msg, "must be an integer from %lld to %lld", (long long)min,
		         (long long)max);
		jv_error(v, path, msg);
		return;
	}
	*out = json_integer_value(x);
}

/* Reads the fields present in body over c (create: c holds the defaults;
 * update: the current channel) and collects the names of the fields set
 * into changed. Replies 422 and returns -1 on problems. */
static int channel_parse(struct http_req *r, const struct store_project *p, json_t *body,
                         int create, struct store_channel *c, json_t *changed)
{
	static const char *const allowed_c[] = {"kind",
	                                        "name",
	                                        "url",
	                                        "enabled",
	                                        "interceptors",
	                                        "min_severity",
	                                        "actions",
	                                        "environments",
	                                        "notify_on",
	                                        "rollout_stall_seconds",
	                                        "throttle_seconds",
	                                        NULL};
	static const char *const allowed_notify[] = {"threats", "policy_failed", "rollout_stalled",
	                                             "environment_offline", NULL};
	const char *kind = NULL, *name = NULL, *url = NULL, *sev = NULL;
	json_t *x;
	struct jv v;
	int enabled;

	jv_init(&v, body);
	jv_only(&v, create ? allowed_c : allowed_c + 1);
	if (create)
		jv_string(&v, "kind", 1, 1, 16, 1, &kind);
	jv_string(&v, "name", create, 1, CHANNEL_NAME_MAX, 1, &name);
	jv_string(&v, "url", create, 1, STORE_CHANNEL_URL_MAX, 1, &url);
	jv_bool(&v, "enabled", 0, &enabled);
	jv_string(&v, "min_severity", 0, 1, 16, 1, &sev);
	if (kind) {
		if (strcmp(kind, "slack") && strcmp(kind, "webhook"))
			jv_error(&v, "$.kind", "must be slack or webhook");
		else
			snprintf(c->kind, sizeof c->kind, "%s", kind);
	}
	if (name) {
		if (!strncmp(name, "policy:", 7) && (create || strcmp(name, c->name)))
			jv_error(&v, "$.name",
			         "names starting with \"policy:\" are kept by policies");
		utf8_copy(c->name, sizeof c->name, name, NULL);
		json_array_append_new(changed, json_string("name"));
	}
	if (url) {
		char why[200];
		if (strlen(url) > STORE_CHANNEL_URL_MAX)
			jv_error(&v, "$.url", "must be at most 2048 bytes");
		else if (netaddr_url_check(url, r->cfg->allow_private_webhooks, why, sizeof why))
			jv_error(&v, "$.url", why);
		else
			snprintf(c->url, sizeof c->url, "%s", url);
		json_array_append_new(changed, json_string("url"));
	}
	if (enabled >= 0) {
		c->enabled = enabled;
		json_array_append_new(changed, json_string("enabled"));
	}
	if ((x = json_object_get(body, "interceptors"))) {
		parse_names(&v, x, "interceptors", policy_interceptor_names, POLICY_INTERCEPTORS,
		            &c->interceptors);
		json_array_append_new(changed, json_string("interceptors"));
	}
	if ((x = json_object_get(body, "actions"))) {
		parse_names(&v, x, "actions", store_channel_actions, 2, &c->actions);
		json_array_append_new(changed, json_string("actions"));
	}
	if (sev) {
		int k = -1;
		for (int i = 0; store_channel_severities[i]; i++)
			if (!strcmp(store_channel_severities[i], sev))
				k = i;
		if (k < 0)
			jv_error(&v, "$.min_severity", "must be low, medium, high or critical");
		else
			c->min_severity = k;
		json_array_append_new(changed, json_string("min_severity"));
	}
	if ((x = json_object_get(body, "environments"))) {
		size_t i;
		json_t *e;

		c->nenvironments = 0;
		if (!json_is_array(x) || json_array_size(x) > STORE_CHANNEL_ENVS)
			jv_error(&v, "$.environments", "must be an array of at most 16 names");
		else
			json_array_foreach(x, i, e)
			{
				struct store_env env;
				char path[48];
				snprintf(path, sizeof path, "$.environments[%zu]", i);
				if (!json_is_string(e) ||
				    store_env_get(r->st, p->id, json_string_value(e), &env) !=
				        MOAT_OK) {
					jv_error(&v, path, "no such environment in the project");
					continue;
				}
				snprintf(c->environments[c->nenvironments++],
				         sizeof c->environments[0], "%s", env.name);
			}
		json_array_append_new(changed, json_string("environments"));
	}
	if ((x = json_object_get(body, "notify_on"))) {
		int *slot[] = {&c->on_threats, &c->on_policy_failed, &c->on_rollout_stalled,
		               &c->on_env_offline};
		const char *k;
		json_t *e;

		if (!json_is_object(x))
			jv_error(&v, "$.notify_on", "must be an object");
		else
			json_object_foreach(x, k, e)
			{
				char path[96];
				int i = 0;

				while (allowed_notify[i] && strcmp(allowed_notify[i], k))
					i++;
				snprintf(path, sizeof path, "$.notify_on.%s", k);
				if (!allowed_notify[i])
					jv_error(&v, path, "unknown field");
				else if (!json_is_boolean(e))
					jv_error(&v, path, "must be true or false");
				else
					*slot[i] = json_is_true(e);
			}
		json_array_append_new(changed, json_string("notify_on"));
	}
	if (json_object_get(body, "rollout_stall_seconds")) {
		parse_int(&v, body, "rollout_stall_seconds", 1, CHANNEL_STALL_MAX,
		          &c->rollout_stall_seconds);
		json_array_append_new(changed, json_string("rollout_stall_seconds"));
	}
	if (json_object_get(body, "throttle_seconds")) {
		parse_int(&v, body, "throttle_seconds", 0, CHANNEL_THROTTLE_MAX,
		          &c->throttle_seconds);
		json_array_append_new(changed, json_string("throttle_seconds"));
	}
	return jv_finish(&v, r);
}

/* Loads the project of the path and the channel {id}; replies on failure. */
static int channel_load(struct http_req *r, struct store_project *p, struct store_channel *c)
{
	char *end = NULL;
	long long id;
	int rc;

	if (api_project_load(r, p))
		return -1;
	id = strtoll(r->params[1], &end, 10);
	if (*end || id <= 0) {
		http_problem(r, 404, "not_found", "no such channel", NULL);
		return -1;
	}
	rc = store_channel_get(r->st, p->id, id, c);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such channel" : NULL);
		return -1;
	}
	return 0;
}

void api_channels_list(struct http_req *r)
{
	struct store_channel *arr = NULL;
	struct store_project p;
	json_t *list;
	size_t n = 0;
	int rc;

	if (api_project_load(r, &p))
		return;
	rc = store_channel_list(r->st, p.id, &arr, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, api_channel_json(&arr[i]));
	free(arr);
	http_reply_json(r, 200, json_pack("{s:o}", "channels", list));
}

void api_channels_create(struct http_req *r)
{
	char secret[STORE_CHANNEL_SECRET_MAX] = "";
	struct store_channel *c = calloc(1, sizeof *c), *out = calloc(1, sizeof *out);
	struct store_project p;
	json_t *body = NULL, *changed = json_array(), *o;
	int rc;

	if (!c || !out)
		abort();
	if (api_project_load(r, &p))
		goto done;
	if (p.archived_at) {
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		goto done;
	}
	body = http_json_body(r);
	if (!body)
		goto done;
	c->enabled = 1;
	c->on_threats = c->on_policy_failed = c->on_rollout_stalled = c->on_env_offline = 1;
	c->rollout_stall_seconds = 600;
	c->throttle_seconds = 60;
	if (channel_parse(r, &p, body, 1, c, changed))
		goto done;
	if (!strcmp(c->kind, "webhook"))
		api_channel_secret_new(secret);
	rc = store_channel_create(r->st, &r->actor, &p, c, secret, out);
	if (rc) {
		http_problem_err(
		    r, rc, rc == MOAT_ECONFLICT ? "the project has a channel of that name" : NULL);
		goto done;
	}
	o = api_channel_json(out);
	if (o && secret[0])
		json_object_set_new(o, "secret", json_string(secret)); /* this once */
	http_reply_json(r, 201, o);
done:
	crypto_wipe(secret, sizeof secret);
	json_decref(body);
	json_decref(changed);
	free(c);
	free(out);
}

void api_channels_get(struct http_req *r)
{
	struct store_channel *c = calloc(1, sizeof *c);
	struct store_project p;

	if (!c)
		abort();
	if (!channel_load(r, &p, c))
		http_reply_json(r, 200, api_channel_json(c));
	free(c);
}

/* The PATCH body applied to the current row, inside the store's
 * transaction (store_channel_update). */
struct channel_patch {
	struct http_req *r;
	const struct store_project *p;
	json_t *body, *changed;
	int replied;
};

static int channel_patch_apply(struct store_channel *c, void *arg)
{
	struct channel_patch *cp = arg;

	if (channel_parse(cp->r, cp->p, cp->body, 0, c, cp->changed)) {
		cp->replied = 1;
		return MOAT_EINVALID;
	}
	return MOAT_OK;
}

void api_channels_update(struct http_req *r)
{
	struct store_channel *c = calloc(1, sizeof *c), *out = calloc(1, sizeof *out);
	struct store_project p;
	struct channel_patch cp = {r, &p, NULL, NULL, 0};
	int rc;

	if (!c || !out)
		abort();
	if (channel_load(r, &p, c))
		goto done;
	if (p.archived_at) {
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		goto done;
	}
	cp.body = http_json_body(r);
	if (!cp.body)
		goto done;
	cp.changed = json_array();
	json_incref(cp.changed); /* the store steals one reference */
	rc = store_channel_update(r->st, &r->actor, &p, c->id, channel_patch_apply, &cp, cp.changed,
	                          out);
	if (rc && cp.replied)
		goto done;
	if (rc) {
		http_problem_err(r, rc,
		                 rc == MOAT_ECONFLICT   ? "the project has a channel of that name"
		                 : rc == MOAT_ENOTFOUND ? "no such channel"
		                                        : NULL);
		goto done;
	}
	http_reply_json(r, 200, api_channel_json(out));
done:
	json_decref(cp.body);
	json_decref(cp.changed);
	free(c);
	free(out);
}

void api_channels_delete(struct http_req *r)
{
	struct store_channel *c = calloc(1, sizeof *c);
	struct store_project p;
	int rc;

	if (!c)
		abort();
	if (channel_load(r, &p, c))
		goto done;
	rc = store_channel_delete(r->st, &r->actor, &p, c->id);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such channel" : NULL);
		goto done;
	}
	http_reply_empty(r, 204);
done:
	free(c);
}

static json_t *delivery_json(const struct store_delivery *d)
{
	char ts[TIMEFMT_MS_LEN];
	json_t *o;

	timefmt_rfc3339_ms(d->created_at, ts);
	o = json_pack("{s:s, s:s, s:s, s:I, s:o, s:o, s:I, s:s}", "id", d->uuid, "kind", d->kind,
	              "status", d->status, "attempts", (json_int_t)d->attempts, "response_code",
	              d->response_code ? json_integer(d->response_code) : json_null(), "last_error",
	              d->last_error[0] ? json_string(d->last_error) : json_null(), "event_count",
	              (json_int_t)d->event_count, "created_at", ts);
	if (!o)
		return NULL;
	if (d->delivered_at) {
		timefmt_rfc3339_ms(d->delivered_at, ts);
		json_object_set_new(o, "delivered_at", json_string(ts));
	} else {
		json_object_set_new(o, "delivered_at", json_null());
	}
	if (!strcmp(d->status, "pending") || !strcmp(d->status, "failed")) {
		timefmt_rfc3339_ms(d->next_attempt_at, ts);
		json_object_set_new(o, "next_attempt_at", json_string(ts));
	} else {
		json_object_set_new(o, "next_attempt_at", json_null());
	}
	return o;
}

void api_channels_deliveries(struct http_req *r)
{
	struct store_channel *c = calloc(1, sizeof *c);
	struct store_delivery *arr = NULL;
	struct store_project p;
	char limit[16], cursor[24];
	int64_t before = 0;
	long lim = CHANNEL_DELIVERIES_DEF;
	json_t *list, *next;
	size_t n = 0;
	int rc;

	if (!c)
		abort();
	if (channel_load(r, &p, c))
		goto done;
	rc = http_query(r, "limit", limit, sizeof limit);
	if (rc == MOAT_OK) {
		char *end = NULL;
		lim = strtol(limit, &end, 10);
		if (!limit[0] || *end || lim < 1 || lim > CHANNEL_DELIVERIES_MAX)
			rc = MOAT_EINVALID;
	}
	if (rc == MOAT_EINVALID) {
		http_problem(r, 400, "bad_request", "limit must be 1 to 200", NULL);
		goto done;
	}
	rc = http_query(r, "cursor", cursor, sizeof cursor);
	if (rc == MOAT_OK) {
		char *end = NULL;
		before = strtoll(cursor, &end, 10);
		if (!cursor[0] || *end || before <= 0)
			rc = MOAT_EINVALID;
	}
	if (rc == MOAT_EINVALID) {
		http_problem(r, 400, "bad_request", "cursor is not valid", NULL);
		goto done;
	}
	rc = store_delivery_list(r->st, c->id, before, (int)lim, &arr, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		goto done;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, delivery_json(&arr[i]));
	next = json_null();
	if (n == (size_t)lim && n > 0) {
		char cur[24];
		snprintf(cur, sizeof cur, "%lld", (long long)arr[n - 1].id);
		next = json_string(cur);
	}
	store_deliveries_free(arr, n);
	http_reply_json(r, 200, json_pack("{s:o, s:o}", "deliveries", list, "next_cursor", next));
done:
	free(c);
}

void api_channels_test(struct http_req *r)
{
	struct store_channel *c = calloc(1, sizeof *c);
	char secret[STORE_CHANNEL_SECRET_MAX] = "", uuid[40];
	struct store_delivery_new nd = {0};
	struct notify_test_result res;
	notify_test_fn send = notify_test_get();
	struct store_project p;
	int64_t id = 0, now;
	int rc;

	if (!c)
		abort();
	if (channel_load(r, &p, c))
		goto done;
	if (!send) {
		http_problem(r, 503, "unavailable", "notifications are not running", NULL);
		goto done;
	}
	rc = store_channel_secret(r->st, c->id, secret);
	/* the test is in the delivery log too, leased as a claim would be:
	 * the notifier thread sends it only if this handler never records
	 * its outcome (moatd stopped meanwhile) */
	now = timefmt_now() * 1000;
	nd.channel_id = c->id;
	nd.kind = "test";
	nd.next_attempt_at = now + CHANNEL_TEST_TIMEOUT_MS + 60000; /* sent here, leased */
	nd.attempts = 1;
	nd.now_ms = now;
	if (!rc)
		rc = store_delivery_add(r->st, &nd, &id, uuid);
	if (rc) {
		http_problem_err(r, rc, NULL);
		goto done;
	}
	memset(&res, 0, sizeof res);
	rc = send(c, uuid, secret, CHANNEL_TEST_TIMEOUT_MS, &res);
	if (rc) {
		store_delivery_mark_dead(r->st, id, 0, "the notifier could not send it");
		http_problem_err(r, rc, "the notifier could not send the test message");
		goto done;
	}
	if (res.status >= 200 && res.status < 300)
		rc = store_delivery_mark_delivered(r->st, id, res.status, timefmt_now() * 1000);
	else
		rc = store_delivery_mark_dead(r->st, id, res.status,
		                              res.error[0] ? res.error : "the receiver refused it");
	if (rc) {
		http_problem_err(r, rc, NULL);
		goto done;
	}
	http_reply_json(r, 200,
	                json_pack("{s:s, s:b, s:o, s:o, s:I}", "delivery_id", uuid, "delivered",
	                          res.status >= 200 && res.status < 300, "response_code",
	                          res.status ? json_integer(res.status) : json_null(), "error",
	                          res.error[0] ? json_string(res.error) : json_null(), "took_ms",
	                          (json_int_t)res.took_ms));
done:
	crypto_wipe(secret, sizeof secret);
	free(c);
}
