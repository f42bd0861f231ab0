/*
 * api_agents.c — the agent inventory of a project and its rollout status:
 * per environment, how many online agents run the latest policy version.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define AGENTS_DEFAULT_LIMIT 100
#define AGENTS_MAX_LIMIT     1000

static json_t *agent_json(const struct store_agent *a)
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:I, s:o}", "agent_id",
	                      a->agent_id, "environment", a->environment, "hostname", a->hostname,
	                      "runtime", a->runtime, "agent_version", a->agent_version,
	                      "remote_addr", a->remote_addr, "first_seen_at",
	                      api_time(a->first_seen_at), "last_seen_at", api_time(a->last_seen_at),
	                      "online", a->online, "policy_version", (json_int_t)a->policy_version,
	                      "policy_applied_at", api_time(a->policy_applied_at));
	json_object_set_new(o, "policy_error",
	                    a->policy_error[0] ? json_string(a->policy_error) : json_null());
	return o;
}

void api_agents_list(struct http_req *r)
{
	char env[48], online[8], q[132], cursor[24], limit[16];
	struct store_agent_filter f = {0};
	struct store_agent *arr = NULL;
	struct store_rollout *ro = NULL;
	struct store_project p;
	size_t n = 0, nro = 0;
	json_t *list, *rollout;
	int rc;

	if (api_project_load(r, &p))
		return;
	f.project_id = p.id;
	f.online = -1;
	f.limit = AGENTS_DEFAULT_LIMIT;
	rc = http_query(r, "environment", env, sizeof env);
	if (rc == MOAT_OK)
		f.environment = env;
	if (rc == MOAT_EINVALID)
		goto bad;
	rc = http_query(r, "online", online, sizeof online);
	if (rc == MOAT_OK && !strcmp(online, "true"))
		f.online = 1;
	else if (rc == MOAT_OK && !strcmp(online, "false"))
		f.online = 0;
	else if (rc != MOAT_ENOTFOUND)
		goto bad;
	rc = http_query(r, "q", q, sizeof q);
	if (rc == MOAT_OK)
		f.q = q;
	if (rc == MOAT_EINVALID)
		goto bad;
	rc = http_query(r, "cursor", cursor, sizeof cursor);
	if (rc == MOAT_OK) {
		char *end = NULL;
		f.after_id = strtoll(cursor, &end, 10);
		if (*end || f.after_id < 0)
			goto bad;
	} else if (rc == MOAT_EINVALID) {
		goto bad;
	}
	rc = http_query(r, "limit", limit, sizeof limit);
	if (rc == MOAT_OK) {
		char *end = NULL;
		long l = strtol(limit, &end, 10);
		if (*end || l < 1 || l > AGENTS_MAX_LIMIT)
			goto bad;
		f.limit = (int)l;
	} else if (rc == MOAT_EINVALID) {
		goto bad;
	}
	rc = store_agent_list(r->st, &f, &arr, &n);
	if (!rc)
		rc = store_agent_rollout(r->st, p.id, &ro, &nro);
	if (rc) {
		free(arr);
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, agent_json(&arr[i]));
	rollout = json_array();
	for (size_t i = 0; i < nro; i++)
		http_json_append(
		    r, rollout,
		    json_pack("{s:s, s:I, s:I, s:I, s:I}", "environment", ro[i].environment,
		              "latest_version", (json_int_t)ro[i].latest_version, "online",
		              (json_int_t)ro[i].online, "on_latest", (json_int_t)ro[i].on_latest,
		              "offline", (json_int_t)ro[i].offline));
	{
		json_t *next = json_null();
		if (n == (size_t)f.limit && n > 0) {
			char c[24];
			snprintf(c, sizeof c, "%lld", (long long)arr[n - 1].id);
			next = json_string(c);
		}
		http_reply_json(r, 200,
		                json_pack("{s:o, s:o, s:o}", "agents", list, "rollout", rollout,
		                          "next_cursor", next));
	}
	free(arr);
	free(ro);
	return;
bad:
	http_problem(r, 400, "bad_request",
	             "filters: environment, online=true|false, q, cursor, limit (1-1000)", NULL);
}

void api_agents_delete(struct http_req *r)
{
	struct store_project p;
	int rc;

	if (api_project_load(r, &p))
		return;
	rc = store_agent_delete(r->st, &r->actor, &p, r->params[1]);
	if (rc == MOAT_ECONFLICT) {
		http_problem(r, 409, "conflict",
		             "the agent is online; only offline agents can be deleted", NULL);
		return;
	}
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such agent" : NULL);
		return;
	}
	http_reply_empty(r, 204);
}
