/*
 * api_live.c — POST /api/v1/live/ticket: a one-time, 30-second ticket for
 * the dashboard's live event feed (ws://…/v1/live?ticket=…, subprotocol
 * moat.live.v1). Only a logged-in user may ask (a browser cannot set an
 * Authorization header on a WebSocket, and the cookie must not be the
 * credential of a cross-site socket), for a project they can read.
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
	int rc;

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
	ws_live_ticket_issue(r->who.user.id, p.id, ticket);
	snprintf(url, sizeof url, "/v1/live?ticket=%s", ticket);
	http_reply_json(r, 201,
	                json_pack("{s:s, s:s, s:i, s:s, s:s}", "ticket", ticket, "project", p.slug,
	                          "expires_in", WS_LIVE_TICKET_TTL_S, "protocol", WS_LIVE_PROTOCOL,
	                          "url", url));
}
