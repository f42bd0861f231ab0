/*
 * ws_live.h — the dashboard's live feed (/v1/live, subprotocol
 * moat.live.v1) and its one-time tickets.
 *
 * A logged-in user asks POST /api/v1/live/ticket (an HTTP thread:
 * ws_live_ticket_issue) for a ticket bound to one project; the browser
 * opens the WebSocket with ?ticket=…, the service thread consumes the
 * ticket (ws_live_callback) and from then on sends every new event of the
 * project that matches the subscription's filters, as the writer commits
 * them: ws_live_committed, the writer's subscriber, posts them through the
 * hub to the service thread.
 */
#ifndef MOAT_WS_LIVE_H
#define MOAT_WS_LIVE_H

#include <libwebsockets.h>
#include <stdint.h>

#include "ws_hub.h"

struct buf;
struct ingest_commit;

#define WS_LIVE_PROTOCOL         "moat.live.v1"
#define WS_LIVE_TICKET_TTL_S     30
#define WS_LIVE_TICKETS_PER_USER 16 /* unused tickets one user may hold */

#define WS_LIVE_TICKET_CAP 1 /* the user holds WS_LIVE_TICKETS_PER_USER unused */

struct store;

/* An HTTP thread, through its connection st: makes a one-time ticket
 * (out: 44 bytes) for user_id, signed in with session_id, to watch
 * project_id; valid for WS_LIVE_TICKET_TTL_S seconds, and only while that
 * session lives. Stored in the database (its SHA-256), so any moatd of
 * the database redeems it. 0; WS_LIVE_TICKET_CAP with the seconds until
 * a ticket of the user expires in *retry_after (>= 1); or a negative
 * moat_err. No valid ticket is ever replaced. */
int ws_live_ticket_issue(struct store *st, int64_t user_id, int64_t session_id, int64_t project_id,
                         char out[44], int *retry_after);

/* Main thread, before start: --session-idle-minutes in seconds. */
void ws_live_set_session_idle(int64_t seconds);

/* Origins a browser may open the feed from (main thread, before start):
 * the public URL's origin, or http://127.0.0.1:PORT and
 * http://localhost:PORT of the HTTP listener. */
void ws_live_set_origin(const char *public_url, int http_port);

/* Any thread: is anyone watching? (cheap; the writer skips serialising
 * events for the feed when nobody is). */
int ws_live_watchers(void);

/* The writer's subscriber (register with ingest_subscribe before the
 * writer starts): writer thread, no writer lock held. */
void ws_live_committed(void *arg, const struct ingest_commit *c);

/* Agents listed in one {"type":"agents"} note; the rest are counted in
 * its "more". */
#define WS_LIVE_AGENT_CHANGES 32

struct ingest_agent_change;

/* The writer's agent-state subscriber (ingest_subscribe_agents, before
 * the writer starts): writer thread, no writer lock held. Posts one
 * {"type":"agents","changes":[…],"more":N} note per project to its
 * feeds. */
void ws_live_agents_committed(void *arg, const struct ingest_agent_change *ch, size_t n);

/* Any thread, after the commit of a new policy version of env (a
 * project's environment name): posts {"type":"policy","environment",
 * "version"} to the project's feeds. */
void ws_live_policy_published(int64_t project_id, const char *env, int64_t version);

/* Any thread: the feed's gauges and counters (Prometheus text). */
int ws_live_metrics(struct buf *b);

/* Service thread only. */
int ws_live_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                     size_t len);
size_t ws_live_session_size(void);
void ws_live_close_all(int code);
/* Closes (4401, session_ended) every feed whose session ended or whose
 * user may no longer watch (from the 500 ms sweep). */
void ws_live_sweep(void);
int ws_live_count(void);

#endif
