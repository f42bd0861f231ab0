/*
 * api_live.c — POST /api/v1/live/ticket: a one-time, 30-second ticket for
 * the dashboard's live event feed (ws://…/v1/live?ticket=…, subprotocol
 * moat.live.v1). Only a logged-in user may ask (a browser cannot set an
 * Authorization header on a WebSocket, and the cookie must not be the
 * credential of a cross-site socket), for a project they can read. A
 * user holds at most WS_LIVE_TICKETS_PER_USER unused tickets (429 beyond).
 * Tickets are kept in the database, so any moatd of it redeems one.
 */
#include "api.h"

#include <stdio.h>

#include "err.h"
#include "ws_live.h"

void api_live_ticket(struct http_req *r)
{
	static const char *const allowed[] = {"project", NULL};
	struct store_project p;
	const char *slug;
	char ticket[44], url[96];
	json_t *body;
	struct jv v;
	int rc, port, retry = 0;

	body = http_json_body(r);
	if (!body)
		return;
	jv_init(&v, body);
	jv_only(&v, allowed);
	jv_string(&v, "project", 1, 1, 64, 1, &slug);
	if (jv_finish(&v, r)) {
		json_decref(body);
		return;
	}
	rc = store_project_get(r->st, slug, &p);
	json_decref(body);
	if (rc) {
		http_problem_err(r, rc, rc == MOAT_ENOTFOUND ? "no such project" : NULL);
		return;
	}
	rc = ws_live_ticket_issue(r->st, r->who.user.id, r->who.session_id, p.id, ticket, &retry);
	if (rc == WS_LIVE_TICKET_CAP) {
		char s[16], msg[96];
		snprintf(s, sizeof s, "%d", retry);
		http_header_next(r, "Retry-After", s);
		snprintf(msg, sizeof msg,
		         "a user holds at most %d unused live tickets; use one or wait",
		         WS_LIVE_TICKETS_PER_USER);
		http_problem(r, 429, "rate_limited", msg, NULL);
		return;
	}
	if (rc) {
		http_problem_err(r, rc, NULL);
		return;
	}
	snprintf(url, sizeof url, "/v1/live?ticket=%s", ticket);
	port = http_live_port();
	/* port: the feed is on that port of the dashboard's host; null: on
	 * the dashboard's own origin (behind --public-url) */
	http_reply_json(r, 201,
	                json_pack("{s:s, s:s, s:i, s:s, s:s, s:o}", "ticket", ticket, "project",
	                          p.slug, "expires_in", WS_LIVE_TICKET_TTL_S, "protocol",
	                          WS_LIVE_PROTOCOL, "url", url, "port",
	                          port > 0 ? json_integer(port) : json_null()));
}
