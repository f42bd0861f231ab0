/*
 * api_users.c — user administration (admin only): create, list, get,
 * change name/role, disable. Passwords are hashed with Argon2id here and
 * never leave the store again.
 */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "password.h"
#include "timefmt.h"

json_t *api_user_json(const struct store_user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:b, s:o, s:o}", "id", (json_int_t)u->id, "email",
	                 u->email, "name", u->name, "role", u->role, "disabled", u->disabled,
	                 "created_at", api_time(u->created_at), "last_login_at",
	                 api_time(u->last_login_at));
}

/* Parses params[0] as a positive id or replies 404. */
static int users_id(struct http_req *r, int64_t *id)
{
	char *end = NULL;
	long long v = strtoll(r->params[0], &end, 10);

	if (!r->params[0][0] || *end || v <= 0) {
		http_problem(r, 404, "not_found", "no such user", NULL);
		return -1;
	}
	*id = v;
	return 0;
}

static int users_email_ok(const char *e)
{
	const char *at = strchr(e, '@');

	return at && at != e && at[1] && !strchr(at + 1, '@') && !strpbrk(e, " \t\"<>()[],;:\\");
}

static void users_role_check(struct jv *v, const char *role)
{
	if (role && http_role_parse(role) == ROLE_NONE)
		jv_error(v, "$.role", "must be admin, editor or viewer");
}

void api_users_list(struct http_req *r)
{
	struct store_user *arr = NULL;
	json_t *list;
	size_t n = 0;
	int rc = store_user_list(r->st, &arr, &n);

	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++)
		http_json_append(r, list, api_user_json(&arr[i]));
	free(arr);
	http_reply_json(r, 200, json_pack("{s:o}", "users", list));
}

void api_users_create(struct http_req *r)
{
	static const char *const allowed[] = {"email", "name", "password", "role", NULL};
	const char *email, *name, *pw, *role;
	char hash[PASSWORD_ENCODED_MAX];
	struct store_user u;
	json_t *body;
	struct jv v;
	int rc;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "email", 1, 3, 254, 1, &email);
	jv_string(&v, "name", 0, 0, 200, 1, &name);
	jv_string(&v, "password", 1, PASSWORD_MIN_LEN, PASSWORD_MAX_LEN, 0, &pw);
	jv_string(&v, "role", 1, 1, 16, 1, &role);
	if (email && !users_email_ok(email))
		jv_error(&v, "$.email", "must be an e-mail address");
	users_role_check(&v, role);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = password_hash(pw, hash);
	if (!rc)
		rc = store_user_create(r->st, &r->actor, email, name, hash, role, &u);
	json_decref(body);
	if (rc == MOAT_ECONFLICT) {
		http_problem(r, 409, "conflict", "a user with that e-mail exists", NULL);
		return;
	}
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	http_reply_json(r, 201, api_user_json(&u));
}

void api_users_get(struct http_req *r)
{
	struct store_user u;
	int64_t id;
	int rc;

	if (users_id(r, &id))
		return;
	rc = store_user_get(r->st, id, &u);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such user" : NULL);
		return;
	}
	http_reply_json(r, 200, api_user_json(&u));
}

void api_users_update(struct http_req *r)
{
	static const char *const allowed[] = {"name", "role", "disabled", NULL};
	const char *name, *role;
	struct store_user u;
	int disabled, rc;
	json_t *body;
	int64_t id;
	struct jv v;

	if (users_id(r, &id))
		return;
	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "name", 0, 0, 200, 1, &name);
	jv_string(&v, "role", 0, 1, 16, 1, &role);
	jv_bool(&v, "disabled", 0, &disabled);
	users_role_check(&v, role);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_user_update(r->st, &r->actor, id, name, role, disabled, &u);
	json_decref(body);
	if (rc) {
		http_problem_err(r, rc,
		                 rc == MOAT_ENOTFOUND    ? "no such user"
		                 : rc == MOAT_ELASTADMIN ? "at least one enabled admin must remain"
		                                         : NULL);
		return;
	}
	http_reply_json(r, 200, api_user_json(&u));
}
