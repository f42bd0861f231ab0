/*
 * api_tokens.c — project tokens (agent, ci) and personal tokens (admin
 * kind, acting with their owner's role). The secret is generated here,
 * returned once in the 201 response and stored only as SHA-256.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "timefmt.h"
#include "token.h"
#include "utf8.h"
#include "ws_agent.h"

/* A token's name: 1 to 100 characters, up to 4 bytes each. */
#define TOKEN_NAME_MAX 100

static json_t *token_json(const struct store_token *t)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:b}", "id",
	                 (json_int_t)t->id, "kind", token_kind_name(t->kind), "name", t->name,
	                 "prefix", t->prefix, "project",
	                 t->project_slug[0] ? json_string(t->project_slug) : json_null(),
	                 "created_at", api_time(t->created_at), "created_by", t->created_by,
	                 "expires_at", api_time(t->expires_at), "last_used_at",
	                 api_time(t->last_used_at), "revoked", t->revoked_at != 0);
}

static void tokens_reply_list(struct http_req *r, int64_t project_id, int64_t user_id)
{
	struct store_token *arr = NULL;
	json_t *list;
	size_t n = 0;
	int rc = store_token_list(r->st, project_id, user_id, &arr, &n);

	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, token_json(&arr[i]));
	free(arr);
	http_reply_json(r, 200, json_pack("{s:o}", "tokens", list));
}

/* Parses and validates the create body; kind_out is TOKEN_ADMIN when
 * personal. Replies and returns -1 on problems. */
static int tokens_parse(struct http_req *r, int personal, int *kind_out, char *name, size_t namelen,
                        int64_t *expires)
{
	static const char *const allowed_p[] = {"kind", "name", "expires_at", NULL};
	static const char *const allowed_u[] = {"name", "expires_at", NULL};
	const char *kind = NULL, *nm, *exp;
	json_t *body = http_json_body(r);
	struct jv v;

	if (!body)
		return -1;
	jv_init(&v, body);
	jv_only(&v, personal ? allowed_u : allowed_p);
	if (!personal)
		jv_string(&v, "kind", 1, 1, 16, 1, &kind);
	jv_string(&v, "name", 1, 1, TOKEN_NAME_MAX, 1, &nm);
	/* null, as absent, is a token that never expires (the schema's nullable) */
	if (json_is_null(json_object_get(body, "expires_at")))
		json_object_del(body, "expires_at");
	jv_string(&v, "expires_at", 0, 1, 40, 1, &exp);
	*kind_out = TOKEN_ADMIN;
	if (kind) {
		*kind_out = token_kind_from_name(kind);
		if (*kind_out != TOKEN_AGENT && *kind_out != TOKEN_CI)
			jv_error(&v, "$.kind", "must be agent or ci");
	}
	*expires = 0;
	if (exp && (timefmt_parse(exp, expires) != MOAT_OK || *expires <= timefmt_now()))
		jv_error(&v, "$.expires_at", "must be an RFC 3339 time in the future");
	if (nm)
		utf8_copy(name, namelen, nm, NULL); /* fits: namelen holds the maximum */
	json_decref(body);
	return jv_finish(&v, r);
}

static void tokens_create(struct http_req *r, int64_t project_id)
{
	char name[TOKEN_NAME_MAX * 4 + 1], secret[TOKEN_MAX], hash[CRYPTO_SHA256_HEX],
	    prefix[TOKEN_DISPLAY_PREFIX + 1];
	struct store_token t;
	int64_t expires;
	json_t *out;
	int kind, rc;

	if (tokens_parse(r, project_id == 0, &kind, name, sizeof name, &expires))
		return;
	token_generate(kind, secret);
	crypto_sha256_hex(secret, strlen(secret), hash);
	memcpy(prefix, secret, TOKEN_DISPLAY_PREFIX);
	prefix[TOKEN_DISPLAY_PREFIX] = '\0';
	rc = store_token_create(r->st, &r->actor, kind, name, prefix, hash, project_id,
	                        project_id ? 0 : r->who.user.id, expires, &t);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	out = token_json(&t);
	json_object_set_new(out, "token", json_string(secret));
	http_reply_json(r, 201, out);
}

static int tokens_id(struct http_req *r, int64_t *id)
{
	char *end = NULL;
	long long v = strtoll(r->params[r->params[1] ? 1 : 0], &end, 10);

	if (*end || v <= 0) {
		http_problem(r, 404, "not_found", "no such token", NULL);
		return -1;
	}
	*id = v;
	return 0;
}

static void tokens_revoke(struct http_req *r, int64_t project_id, int64_t user_id)
{
	int64_t id;
	int rc;

	if (tokens_id(r, &id))
		return;
	rc = store_token_revoke(r->st, &r->actor, id, project_id, user_id);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such token" : NULL);
		return;
	}
	ws_agent_token_revoked(id); /* its agents are cut off now, not at the next sweep */
	http_reply_empty(r, 204);
}

void api_tokens_list(struct http_req *r)
{
	struct store_project p;

	if (api_project_load(r, &p))
		return;
	tokens_reply_list(r, p.id, 0);
}

void api_tokens_create(struct http_req *r)
{
	struct store_project p;

	if (api_project_load(r, &p))
		return;
	if (p.archived_at) {
		http_problem_err(r, MOAT_EARCHIVED, "the project is archived");
		return;
	}
	tokens_create(r, p.id);
}

void api_tokens_revoke(struct http_req *r)
{
	struct store_project p;

	if (api_project_load(r, &p))
		return;
	tokens_revoke(r, p.id, 0);
}

void api_mytokens_list(struct http_req *r)
{
	tokens_reply_list(r, 0, r->who.user.id);
}

void api_mytokens_create(struct http_req *r)
{
	tokens_create(r, 0);
}

void api_mytokens_revoke(struct http_req *r)
{
	tokens_revoke(r, 0, r->who.user.id);
}
