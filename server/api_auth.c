/*
 * api_auth.c — login, logout, me, password change.
 *
 * Login is throttled per client address and per account: each attempt is
 * counted before the password is checked (store_login_take: windows in
 * the database, shared by every moatd on it), and a success gives it
 * back, so only failures stay counted. Login spends the same
 * Argon2 time on unknown accounts as on known ones, and answers every
 * failure with the same 401. The session cookie is 256
 * random bits, stored as SHA-256, HttpOnly, SameSite=Strict, Secure when
 * the client came over https.
 */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "log.h"
#include "password.h"
#include "timefmt.h"
#include "token.h"
#include "utf8.h"

#define LOGIN_IP_WINDOW      300
#define LOGIN_ACCOUNT_WINDOW 900

json_t *api_time(int64_t t)
{
	char buf[TIMEFMT_LEN];

	if (!t)
		return json_null();
	timefmt_rfc3339(t, buf);
	return json_string(buf);
}

static void auth_throttled(struct http_req *r, int wait)
{
	char s[16];

	snprintf(s, sizeof s, "%d", wait);
	http_header_next(r, "Retry-After", s);
	http_problem(r, 429, "rate_limited", "too many failed logins; try again later", NULL);
}

void api_auth_login(struct http_req *r)
{
	static const char *const allowed[] = {"email", "password", NULL};
	char ipkey[96], acctkey[1100], cookie[44], hash[CRYPTO_SHA256_HEX], hdr[200], csrf[44];
	const char *email, *pw;
	struct store_login_want want[2];
	struct store_user u;
	int64_t now = timefmt_now(), sid = 0;
	int wait, rc, ok;
	json_t *body;
	struct jv v;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "email", 1, 1, 254, 1, &email);
	/* any length is accepted here: an overlong password is just wrong */
	jv_string(&v, "password", 1, 0, HTTP_BODY_MAX_DEFAULT, 0, &pw);
	/* stored with the session: text that enters is UTF-8, headers too */
	jv_header(&v, r, MHD_HTTP_HEADER_USER_AGENT, 0);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	snprintf(ipkey, sizeof ipkey, "ip:%s", r->ip);
	utf8_fmt(acctkey, sizeof acctkey, "acct:%s", email);
	for (char *p = acctkey; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	/* the attempt is counted here, before Argon2, in the same step as the
	 * check: parallel attempts cannot all pass the check first */
	want[0] = (struct store_login_want){ipkey, r->cfg->login_ip_limit, LOGIN_IP_WINDOW};
	want[1] =
	    (struct store_login_want){acctkey, r->cfg->login_account_limit, LOGIN_ACCOUNT_WINDOW};
	wait = store_login_take(r->st, want, 2, now);
	if (wait) {
		json_decref(body);
		if (wait < 0) {
			/* not counted, so not judged either: refuse rather than
			 * check a password unthrottled */
			http_problem_err(r, wait, NULL);
			return;
		}
		auth_throttled(r, wait);
		return;
	}
	rc = store_user_get_by_email(r->st, email, &u);
	if (rc && rc != MOAT_ENOTFOUND) {
		/* not judged: the attempt does not count */
		store_login_release(r->st, ipkey, now);
		store_login_release(r->st, acctkey, now);
		json_decref(body);
		http_problem_err(r, rc, NULL);
		return;
	}
	if (rc == MOAT_ENOTFOUND || strlen(pw) > PASSWORD_MAX_LEN) {
		password_dummy_verify("");
		ok = 0;
	} else {
		ok = password_verify(u.password_hash, pw) && !u.disabled;
	}
	json_decref(body);
	if (!ok) {
		char q[300];
		LOG(LOG_WARN, "msg=\"login failed\" req=%s ip=%s account=%s", r->request_id, r->ip,
		    log_quote(q, sizeof q, acctkey + 5));
		/* the attempted address is attacker text: stored as data, never the password */
		utf8_copy(r->actor.label, sizeof r->actor.label, acctkey + 5, NULL);
		store_audit_login_failed(r->st, &r->actor);
		http_problem(r, 401, "invalid_credentials", "wrong e-mail or password", NULL);
		return;
	}
	/* a success is no failure: the address gets its attempt back, the
	 * account starts afresh */
	store_login_release(r->st, ipkey, now);
	store_login_clear(r->st, acctkey, now);
	token_session_generate(cookie);
	crypto_sha256_hex(cookie, strlen(cookie), hash);
	rc = store_session_create(r->st, u.id, hash, now,
	                          now + (int64_t)r->cfg->session_max_hours * 3600, r->ip,
	                          http_header(r, MHD_HTTP_HEADER_USER_AGENT), &sid);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	r->actor.type = ACTOR_USER;
	r->actor.user_id = u.id;
	utf8_copy(r->actor.label, sizeof r->actor.label, u.email, NULL);
	store_user_login_ok(r->st, &r->actor, u.id);
	u.last_login_at = now;
	snprintf(hdr, sizeof hdr,
	         "moat_session=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s", cookie,
	         r->cfg->session_max_hours * 3600, r->secure ? "; Secure" : "");
	http_header_next(r, MHD_HTTP_HEADER_SET_COOKIE, hdr);
	http_auth_csrf(cookie, csrf);
	http_reply_json(r, 200,
	                json_pack("{s:o, s:s}", "user", api_user_json(&u), "csrf_token", csrf));
}

void api_auth_logout(struct http_req *r)
{
	int rc = store_session_revoke(r->st, &r->actor, r->who.session_id);
	char hdr[160];

	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	snprintf(hdr, sizeof hdr, "moat_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s",
	         r->secure ? "; Secure" : "");
	http_header_next(r, MHD_HTTP_HEADER_SET_COOKIE, hdr);
	http_reply_empty(r, 204);
}

void api_auth_me(struct http_req *r)
{
	json_t *me = json_object();

	/* one shape (MeResponse): user only when the caller is one (an
	 * operator token made with the CLI without --user belongs to nobody);
	 * role, the caller's effective role, always */
	if (r->who.user.id)
		json_object_set_new(me, "user", api_user_json(&r->who.user));
	json_object_set_new(me, "role", json_string(http_role_name(r->who.role)));
	json_object_set_new(me, "auth",
	                    json_string(r->who.kind == PRINCIPAL_SESSION ? "session" : "token"));
	if (r->who.kind == PRINCIPAL_SESSION)
		json_object_set_new(me, "csrf_token", json_string(r->who.csrf));
	else
		json_object_set_new(me, "token",
		                    json_pack("{s:I, s:s, s:s}", "id", (json_int_t)r->who.token.id,
		                              "name", r->who.token.name, "kind",
		                              token_kind_name(r->who.token.kind)));
	http_reply_json(r, 200, me);
}

void api_auth_password(struct http_req *r)
{
	static const char *const allowed[] = {"current_password", "new_password", NULL};
	char hashbuf[PASSWORD_ENCODED_MAX];
	const char *cur, *nw;
	struct store_user u;
	json_t *body;
	struct jv v;
	int rc;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "current_password", 1, 1, PASSWORD_MAX_LEN, 0, &cur);
	jv_string(&v, "new_password", 1, PASSWORD_MIN_LEN, PASSWORD_MAX_LEN, 0, &nw);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_user_get(r->st, r->who.user.id, &u);
	if (rc || !password_verify(u.password_hash, cur)) {
		json_t *errs = json_array();
		json_decref(body);
		json_array_append_new(errs, json_pack("{s:s, s:s}", "path", "$.current_password",
		                                      "message", "does not match"));
		http_problem(r, 422, "validation_failed", "the current password is wrong", errs);
		return;
	}
	rc = password_hash(nw, hashbuf);
	json_decref(body);
	if (!rc)
		rc = store_user_set_password(r->st, &r->actor, u.id, hashbuf, r->who.session_id);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	http_reply_empty(r, 204);
}
