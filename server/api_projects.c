/*
 * api_projects.c — projects (create, list, get, rename, archive) and their
 * environments. Slugs are the stable keys used in every URL.
 */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "json_out.h"

int api_slug_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 40)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && c != '-')
			return 0;
		if (c == '-' && (i == 0 || i == n - 1 || s[i + 1] == '-'))
			return 0;
	}
	return 1;
}

static json_t *env_json(const struct store_env *e)
{
	return json_pack("{s:s, s:o}", "name", e->name, "created_at", api_time(e->created_at));
}

/* Writes the project (with its environments) into b, without a json_t:
 * GET /projects/{slug} is the hottest read of the CI API. */
static int project_write(struct http_req *r, struct buf *b, const struct store_project *p)
{
	struct store_env *envs = NULL;
	size_t n = 0;
	int first = 1, rc = 0;

	if (store_env_list(r->st, p->id, &envs, &n) != MOAT_OK)
		n = 0;
	rc |= buf_append(b, "{", 1);
	rc |= json_out_key(b, "slug", &first) | json_out_str(b, p->slug);
	rc |= json_out_key(b, "name", &first) | json_out_str(b, p->name);
	rc |= json_out_key(b, "archived", &first) |
	      buf_append_str(b, p->archived_at ? "true" : "false");
	rc |= json_out_key(b, "archived_at", &first) | json_out_time(b, p->archived_at);
	rc |= json_out_key(b, "created_at", &first) | json_out_time(b, p->created_at);
	rc |= json_out_key(b, "environments", &first) | buf_append(b, "[", 1);
	for (size_t i = 0; i < n; i++) {
		int f2 = 1;
		rc |= buf_append(b, i ? ",{" : "{", i ? 2 : 1);
		rc |= json_out_key(b, "name", &f2) | json_out_str(b, envs[i].name);
		rc |= json_out_key(b, "created_at", &f2) | json_out_time(b, envs[i].created_at);
		rc |= buf_append(b, "}", 1);
	}
	rc |= buf_append(b, "]}", 2);
	free(envs);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

static void project_reply(struct http_req *r, int status, const struct store_project *p)
{
	struct buf b;

	buf_init(&b, 1u << 20);
	if (project_write(r, &b, p) != MOAT_OK) {
		buf_cleanup(&b);
		http_problem(r, 500, "internal", "internal error", NULL);
		return;
	}
	http_reply(r, status, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

int api_project_load(struct http_req *r, struct store_project *p)
{
	int rc = store_project_get(r->st, r->params[0], p);

	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such project" : NULL);
		return -1;
	}
	return 0;
}

void api_projects_list(struct http_req *r)
{
	struct store_project *arr = NULL;
	char q[8];
	int all = 0, rc;
	size_t n = 0;
	struct buf b;

	rc = http_query(r, "archived", q, sizeof q);
	if (rc == MOAT_OK) {
		if (!strcmp(q, "true"))
			all = 1;
		else if (strcmp(q, "false")) {
			http_problem(r, 400, "bad_request", "archived must be true or false", NULL);
			return;
		}
	} else if (rc == MOAT_EINVALID) {
		http_problem(r, 400, "bad_request", "archived must be true or false", NULL);
		return;
	}
	rc = store_project_list(r->st, all, &arr, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	buf_init(&b, 64u << 20);
	rc = buf_append_str(&b, "{\"projects\":[");
	for (size_t i = 0; i < n && !rc; i++) {
		if (i)
			rc = buf_append(&b, ",", 1);
		if (!rc)
			rc = project_write(r, &b, &arr[i]);
	}
	if (!rc)
		rc = buf_append_str(&b, "]}");
	free(arr);
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

void api_projects_create(struct http_req *r)
{
	static const char *const allowed[] = {"slug", "name", NULL};
	const char *slug, *name;
	struct store_project p;
	json_t *body;
	struct jv v;
	int rc;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "slug", 1, 1, 64, 1, &slug);
	jv_string(&v, "name", 1, 1, 200, 1, &name);
	if (slug && !api_slug_valid(slug))
		jv_error(&v, "$.slug",
		         "must be 2-40 characters of a-z, 0-9 and '-', starting and ending with a "
		         "letter or digit, without '--'");
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_project_create(r->st, &r->actor, slug, name, &p);
	json_decref(body);
	if (rc == MOAT_ECONFLICT) {
		http_problem(r, 409, "conflict", "a project with that slug exists", NULL);
		return;
	}
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	project_reply(r, 201, &p);
}

void api_projects_get(struct http_req *r)
{
	struct store_project p;

	if (api_project_load(r, &p))
		return;
	project_reply(r, 200, &p);
}

void api_projects_update(struct http_req *r)
{
	static const char *const allowed[] = {"name", "archived", NULL};
	struct store_project p;
	const char *name;
	int archived, rc;
	json_t *body;
	struct jv v;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "name", 0, 1, 200, 1, &name);
	jv_bool(&v, "archived", 0, &archived);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_project_update(r->st, &r->actor, r->params[0], name, archived, &p);
	json_decref(body);
	if (rc) {
		http_problem_err(r, rc,
		                 rc == MOAT_ENOTFOUND   ? "no such project"
		                 : rc == MOAT_EARCHIVED ? "the project is archived; send "
		                                          "{\"archived\": false} to restore it"
		                                        : NULL);
		return;
	}
	project_reply(r, 200, &p);
}

void api_envs_list(struct http_req *r)
{
	struct store_env *envs = NULL;
	struct store_project p;
	size_t n = 0;
	json_t *list;
	int rc;

	if (api_project_load(r, &p))
		return;
	rc = store_env_list(r->st, p.id, &envs, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, env_json(&envs[i]));
	free(envs);
	http_reply_json(r, 200, json_pack("{s:o}", "environments", list));
}

void api_envs_create(struct http_req *r)
{
	static const char *const allowed[] = {"name", NULL};
	struct store_project p;
	struct store_env e;
	const char *name;
	json_t *body;
	struct jv v;
	int rc;

	if (api_project_load(r, &p))
		return;
	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "name", 1, 1, 64, 1, &name);
	if (name && !api_slug_valid(name))
		jv_error(&v, "$.name",
		         "must be 2-40 characters of a-z, 0-9 and '-', starting and ending with a "
		         "letter or digit, without '--'");
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_env_create(r->st, &r->actor, &p, name, &e);
	json_decref(body);
	if (rc == MOAT_ECONFLICT) {
		http_problem(r, 409, "conflict", "that environment exists", NULL);
		return;
	}
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	http_reply_json(r, 201, env_json(&e));
}
