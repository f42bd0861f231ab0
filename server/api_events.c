/*
 * api_events.c — threat events as the dashboard and CI read them: search
 * with keyset pagination and one event. The export, the statistics and
 * triage are in api_events_export.c, api_events_stats.c and
 * api_events_triage.c; the filters they share in api_events_filter.c.
 * Handlers run on MHD workers.
 */
#include "api_events.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "json_out.h"

#define EV_LIMIT_DEFAULT 50
#define EV_LIMIT_MAX     500

static int ev_int_param(struct http_req *r, const char *name, long min, long max, long *out)
{
	char v[24];
	char *end = NULL;
	long l;
	int rc = http_query(r, name, v, sizeof v);

	if (rc == MOAT_ENOTFOUND)
		return 0;
	if (rc)
		return -1;
	l = strtol(v, &end, 10);
	if (end == v || *end || l < min || l > max)
		return -1;
	*out = l;
	return 0;
}

void api_events_list(struct http_req *r)
{
	struct store_event_row *rows = NULL;
	struct store_project p;
	struct api_events_filter x;
	char cursor[EVENT_QUERY_CURSOR_MAX + 8];
	long limit = EV_LIMIT_DEFAULT;
	size_t n = 0;
	struct buf b;
	int rc;

	if (api_project_load(r, &p) || api_events_filter_query(r, &x, p.id))
		return;
	if (ev_int_param(r, "limit", 1, EV_LIMIT_MAX, &limit)) {
		http_problem(r, 400, "bad_request", "limit must be 1-500", NULL);
		return;
	}
	rc = http_query(r, "cursor", cursor, sizeof cursor);
	if (rc == MOAT_OK && *cursor)
		rc = event_query_cursor_decode(cursor, &x.f.after_ts, &x.f.after_id);
	else if (rc == MOAT_OK)
		rc = MOAT_ENOTFOUND; /* cursor= is the first page */
	if (rc == MOAT_OK)
		x.f.has_cursor = 1;
	else if (rc != MOAT_ENOTFOUND) {
		http_problem(r, 400, "bad_request",
		             "cursor is not valid: pass next_cursor of the previous page", NULL);
		return;
	}
	rc = store_event_search(r->st, &x.f, (int)limit + 1, &rows, &n);
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	buf_init(&b, API_EVENTS_OUT_MAX);
	rc = buf_append_str(&b, "{\"events\":[");
	for (size_t i = 0; i < n && i < (size_t)limit && !rc; i++) {
		if (i)
			rc = buf_append(&b, ",", 1);
		rc |= event_row_json(&b, &rows[i]);
	}
	rc |= buf_append_str(&b, "],\"next_cursor\":");
	if (n > (size_t)limit) {
		event_query_cursor_encode(rows[limit - 1].ts, rows[limit - 1].id, cursor);
		rc |= json_out_str(&b, cursor);
	} else {
		rc |= buf_append(&b, "null", 4);
	}
	rc |= buf_append(&b, "}", 1);
	store_event_rows_free(rows, n);
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

int api_events_uid(struct http_req *r, char out[40])
{
	const char *s = r->params[1];
	size_t n = strlen(s);

	for (size_t i = 0; i < n && n == 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			break;
		out[i] = (char)tolower((unsigned char)s[i]);
		if (i == 35) {
			out[36] = '\0';
			return 0;
		}
	}
	http_problem(r, 404, "not_found", "no such event", NULL);
	return -1;
}

void api_events_reply_one(struct http_req *r, const struct store_event_row *e, json_t *policy)
{
	struct buf b;
	int rc = 0;

	buf_init(&b, API_EVENTS_OUT_MAX);
	if (policy)
		rc |= buf_append_str(&b, "{\"event\":");
	rc |= event_row_json(&b, e);
	if (policy) {
		rc |= buf_append_str(&b, ",\"policy\":") | json_out(&b, policy);
		rc |= buf_append(&b, "}", 1);
		json_decref(policy);
	}
	if (rc)
		http_problem(r, 500, "internal", "internal error", NULL);
	else
		http_reply(r, 200, "application/json", b.data, b.len);
	buf_cleanup(&b);
}

void api_events_get(struct http_req *r)
{
	struct store_project p;
	struct store_event_row e;
	char uid[40];
	int rc;

	if (api_project_load(r, &p) || api_events_uid(r, uid))
		return;
	rc = store_event_get(r->st, p.id, uid, &e);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such event" : NULL);
		return;
	}
	api_events_reply_one(r, &e, NULL);
	store_event_row_cleanup(&e);
}
