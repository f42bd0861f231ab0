/*
 * http_auth.c — who is calling, and may they call this route.
 *
 * A bearer token (Authorization: Bearer ...) wins over cookies and never
 * needs CSRF. Without one, the moat_session cookie is looked up by its
 * SHA-256; every state-changing method then needs X-CSRF-Token equal to
 * the session's CSRF token, HMAC-SHA256(cookie, "moat-csrf") in base64url,
 * which the server can recompute and so never stores. MHD worker threads.
 */
#include "http.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth_cache.h"
#include "crypto.h"
#include "err.h"
#include "timefmt.h"
#include "token.h"
#include "utf8.h"

const char *http_role_name(int role)
{
	return role == ROLE_ADMIN ? "admin" : role == ROLE_EDITOR ? "editor" : "viewer";
}

int http_role_parse(const char *s)
{
	if (!strcmp(s, "admin"))
		return ROLE_ADMIN;
	if (!strcmp(s, "editor"))
		return ROLE_EDITOR;
	if (!strcmp(s, "viewer"))
		return ROLE_VIEWER;
	return ROLE_NONE;
}

void http_auth_csrf(const char *cookie, char out[44])
{
	unsigned char mac[CRYPTO_SHA256_LEN];
	static const char label[] = "moat-csrf";

	crypto_hmac_sha256(cookie, strlen(cookie), label, sizeof label - 1, mac);
	crypto_b64url(mac, sizeof mac, out);
}

static void auth_actor_fill(struct http_req *r)
{
	struct actor *a = &r->actor;
	struct principal *w = &r->who;

	a->ip = r->ip;
	a->request_id = r->request_id;
	a->user_id = w->user.id;
	if (w->kind == PRINCIPAL_TOKEN) {
		a->type = ACTOR_TOKEN;
		a->token_id = w->token.id;
		if (w->user.id)
			utf8_copy(a->label, sizeof a->label, w->user.email, NULL);
		else
			utf8_fmt(a->label, sizeof a->label, "token:%s", w->token.name);
	} else if (w->kind == PRINCIPAL_SESSION) {
		a->type = ACTOR_USER;
		utf8_copy(a->label, sizeof a->label, w->user.email, NULL);
	} else {
		a->type = ACTOR_SYSTEM;
		snprintf(a->label, sizeof a->label, "anonymous");
	}
}

/* 0 ok, MOAT_EAUTH when credentials are bad, MOAT_EINVALID malformed. */
static int auth_bearer(struct http_req *r, const char *hdr)
{
	char hash[CRYPTO_SHA256_HEX];
	const char *tok;
	int64_t now = timefmt_now();
	uint64_t epoch;
	int kind, rc;

	if (strncasecmp(hdr, "Bearer ", 7) != 0)
		return MOAT_EINVALID;
	tok = hdr + 7;
	while (*tok == ' ')
		tok++;
	kind = token_parse(tok);
	if (kind < 0)
		return MOAT_EAUTH;
	if (auth_cache_get(tok, now, &r->who.token, &r->who.user)) {
		r->who.kind = PRINCIPAL_TOKEN;
		r->who.role = kind != TOKEN_ADMIN ? ROLE_NONE
		              : r->who.user.id    ? http_role_parse(r->who.user.role)
		                                  : ROLE_ADMIN;
		return MOAT_OK;
	}
	epoch = auth_epoch(); /* read before the lookup: a change after it invalidates */
	crypto_sha256_hex(tok, strlen(tok), hash);
	rc = store_token_lookup(r->st, hash, now, &r->who.token);
	if (rc)
		return rc;
	if (r->who.token.kind != kind)
		return MOAT_EAUTH;
	r->who.kind = PRINCIPAL_TOKEN;
	if (kind == TOKEN_ADMIN) {
		if (r->who.token.user_id) {
			rc = store_user_get(r->st, r->who.token.user_id, &r->who.user);
			if (rc == MOAT_ENOTFOUND || (!rc && r->who.user.disabled))
				return MOAT_EAUTH;
			if (rc)
				return rc;
			r->who.role = http_role_parse(r->who.user.role);
		} else {
			r->who.role = ROLE_ADMIN; /* operator token made with the CLI */
		}
	} else if (r->who.token.project_archived) {
		return MOAT_EAUTH;
	}
	r->who.user.password_hash[0] = '\0';
	auth_cache_put(tok, epoch, now, &r->who.token, &r->who.user);
	return MOAT_OK;
}

static int auth_cookie(struct http_req *r, const char *cookie)
{
	char hash[CRYPTO_SHA256_HEX];
	struct store_session s;
	int rc;

	if (strlen(cookie) != 43)
		return MOAT_EAUTH;
	crypto_sha256_hex(cookie, strlen(cookie), hash);
	rc = store_session_lookup(r->st, hash, timefmt_now(),
	                          (int64_t)r->cfg->session_idle_minutes * 60, &s, &r->who.user);
	if (rc)
		return rc;
	r->who.session_id = s.id;
	r->who.kind = PRINCIPAL_SESSION;
	r->who.role = http_role_parse(r->who.user.role);
	http_auth_csrf(cookie, r->who.csrf);
	return MOAT_OK;
}

static int auth_allowed(struct http_req *r)
{
	int acc = r->route->access;
	struct principal *w = &r->who;

	if (w->kind == PRINCIPAL_TOKEN && w->token.kind == TOKEN_CI) {
		return (acc & ACC_CI) && r->params[0] &&
		       strcmp(r->params[0], w->token.project_slug) == 0;
	}
	if (w->kind == PRINCIPAL_TOKEN && w->token.kind == TOKEN_AGENT)
		return (acc & ACC_AGENT) != 0;
	if ((acc & ACC_SESSION_ONLY) && w->kind != PRINCIPAL_SESSION)
		return 0;
	if (w->role >= ROLE_ADMIN && (acc & ACC_ADMIN))
		return 1;
	if (w->role >= ROLE_EDITOR && (acc & ACC_EDITOR))
		return 1;
	if (w->role >= ROLE_VIEWER && (acc & ACC_VIEWER))
		return 1;
	return 0;
}

int http_auth_check(struct http_req *r)
{
	const char *authz = http_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
	const char *cookie = NULL;
	int rc = MOAT_EAUTH;

	memset(&r->who, 0, sizeof r->who);
	if (authz) {
		rc = auth_bearer(r, authz);
	} else {
		cookie = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "moat_session");
		if (cookie)
			rc = auth_cookie(r, cookie);
	}
	if (rc != MOAT_OK)
		memset(&r->who, 0, sizeof r->who);
	auth_actor_fill(r);
	if (r->route->access & ACC_PUBLIC)
		return 0;
	if (rc == MOAT_EBUSY || rc == MOAT_EDB) {
		http_problem_err(r, rc, NULL);
		return -1;
	}
	if (rc != MOAT_OK) {
		http_header_next(r, "WWW-Authenticate", "Bearer realm=\"moat\"");
		http_problem(r, 401, "unauthenticated",
		             authz    ? "the token is malformed, unknown, expired or revoked"
		             : cookie ? "the session has expired or was revoked"
		                      : "log in or send Authorization: Bearer <token>",
		             NULL);
		return -1;
	}
	if (!auth_allowed(r)) {
		http_problem(r, 403, "forbidden", "your role or token may not call this route",
		             NULL);
		return -1;
	}
	if (r->who.kind == PRINCIPAL_SESSION && r->method != HM_GET && r->method != HM_HEAD &&
	    !(r->route->access & ACC_NO_CSRF)) {
		const char *h = http_header(r, "X-CSRF-Token");
		if (!h || !crypto_ct_streq(h, r->who.csrf)) {
			http_problem(r, 403, "csrf_failed",
			             "send the csrf_token from login in the X-CSRF-Token header",
			             NULL);
			return -1;
		}
	}
	return 0;
}
