/*
 * api_audit.c — the audit log for admins: filters by actor, action,
 * project and time, newest first, keyset pagination with an opaque cursor.
 */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "timefmt.h"

#define AUDIT_DEFAULT_LIMIT 100
#define AUDIT_MAX_LIMIT     500

static void audit_cursor_encode(int64_t id, char out[64])
{
	char raw[32];

	snprintf(raw, sizeof raw, "a:%lld", (long long)id);
	crypto_b64url(raw, strlen(raw), out);
}

static int audit_cursor_decode(const char *c, int64_t *id)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char raw[48];
	size_t n = strlen(c), o = 0;
	uint32_t acc = 0;
	int bits = 0;
	char *end = NULL;
	long long v;

	if (n == 0 || n > 40)
		return MOAT_EINVALID;
	for (size_t i = 0; i < n; i++) {
		const char *p = strchr(t, c[i]);
		if (!p || !c[i])
			return MOAT_EINVALID;
		acc = (acc << 6) | (uint32_t)(p - t);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			raw[o++] = (unsigned char)(acc >> bits);
		}
	}
	raw[o] = '\0';
	if (o < 3 || raw[0] != 'a' || raw[1] != ':')
		return MOAT_EINVALID;
	v = strtoll((const char *)raw + 2, &end, 10);
	if (*end || v <= 0)
		return MOAT_EINVALID;
	*id = v;
	return MOAT_OK;
}

/* Reads an optional query parameter; replies 400 and returns -1 if bad. */
static int audit_q(struct http_req *r, const char *name, char *out, size_t cap, int *present)
{
	int rc = http_query(r, name, out, cap);

	*present = rc == MOAT_OK;
	if (rc == MOAT_EINVALID) {
		char d[96];
		snprintf(d, sizeof d, "query parameter %s is not valid", name);
		http_problem(r, 400, "bad_request", d, NULL);
		return -1;
	}
	return 0;
}

void api_audit_list(struct http_req *r)
{
	char actor[320], action[64], project[48], since[48], until[48], limit[16], cursor[64];
	struct store_audit_filter f = {0};
	struct store_audit_entry *arr = NULL;
	int has_actor, has_action, has_project, has_since, has_until, has_limit, has_cursor, rc;
	size_t n = 0;
	json_t *list, *next;

	if (audit_q(r, "actor", actor, sizeof actor, &has_actor) ||
	    audit_q(r, "action", action, sizeof action, &has_action) ||
	    audit_q(r, "project", project, sizeof project, &has_project) ||
	    audit_q(r, "since", since, sizeof since, &has_since) ||
	    audit_q(r, "until", until, sizeof until, &has_until) ||
	    audit_q(r, "limit", limit, sizeof limit, &has_limit) ||
	    audit_q(r, "cursor", cursor, sizeof cursor, &has_cursor))
		return;
	f.actor = has_actor ? actor : NULL;
	f.action = has_action ? action : NULL;
	f.project = has_project ? project : NULL;
	f.limit = AUDIT_DEFAULT_LIMIT;
	if (has_since && timefmt_parse(since, &f.since) != MOAT_OK) {
		http_problem(r, 400, "bad_request", "since must be an RFC 3339 time", NULL);
		return;
	}
	if (has_until && timefmt_parse(until, &f.until) != MOAT_OK) {
		http_problem(r, 400, "bad_request", "until must be an RFC 3339 time", NULL);
		return;
	}
	if (has_limit) {
		char *end = NULL;
		long v = strtol(limit, &end, 10);
		if (!limit[0] || *end || v < 1 || v > AUDIT_MAX_LIMIT) {
			http_problem(r, 400, "bad_request", "limit must be 1 to 500", NULL);
			return;
		}
		f.limit = (int)v;
	}
	if (has_cursor && audit_cursor_decode(cursor, &f.before_id) != MOAT_OK) {
		http_problem(r, 400, "bad_request", "cursor is not valid", NULL);
		return;
	}
	rc = store_audit_list(r->st, &f, &arr, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	list = json_array();
	for (size_t i = 0; i < n; i++) {
		struct store_audit_entry *e = &arr[i];
		json_t *details = json_loads(e->details, 0, NULL);
		http_json_append(r, list,
		                 json_pack("{s:I, s:o, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o}",
		                           "id", (json_int_t)e->id, "ts", api_time(e->ts),
		                           "actor_type", e->actor_type, "actor", e->actor, "action",
		                           e->action, "target", e->target, "project",
		                           e->project[0] ? json_string(e->project) : json_null(),
		                           "ip", e->ip, "request_id", e->request_id, "details",
		                           details ? details : json_object()));
	}
	next = json_null();
	if (n == (size_t)f.limit && n > 0) {
		char c[64];
		audit_cursor_encode(arr[n - 1].id, c);
		next = json_string(c);
	}
	store_audit_free(arr, n);
	http_reply_json(r, 200, json_pack("{s:o, s:o}", "entries", list, "next_cursor", next));
}
