/*
 * ws_agent.h — the agent protocol (moat.agent.v1, agentproto/PROTOCOL.md)
 * on the WebSocket service thread: one struct ws_conn per connection, the
 * registry of connections, and the per-environment cache of the latest
 * policy message. Every function here runs on the service thread only,
 * except those marked "any thread", which post a closure through the hub.
 */
#ifndef MOAT_WS_AGENT_H
#define MOAT_WS_AGENT_H

#include <libwebsockets.h>
#include <stdint.h>

#include "ws_hub.h"

#define WS_AGENT_PROTOCOL "moat.agent.v1"
#define WS_MAX_MESSAGE    (1u << 20)
#define WS_HEARTBEAT_S    20

struct ws_conn;

/* Liveness: ping after this many quiet seconds, drop after three times
 * that (main thread, before the service thread starts). */
void ws_agent_set_heartbeat(int seconds);

/* The lws protocol callback and the size of its per-session data. */
int ws_agent_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                      size_t len);
size_t ws_agent_session_size(void);

/* Any thread: a committed policy version, pushed to every agent of
 * env_id (the message is serialised once, here, and shared). */
void ws_agent_publish_policy(int64_t project_id, int64_t env_id, int64_t version,
                             const char *sha256, const char *document);
/* Any thread: closes (4401) every connection authenticated by token_id. */
void ws_agent_token_revoked(int64_t token_id);
/* Main thread, after the context is destroyed: frees the policy cache. */
void ws_agent_shutdown(void);
/* Periodic work: hello timeouts, revoked and expired tokens, last seen. */
void ws_agent_sweep(struct lws_context *ctx);
/* Asks every connection to close with code (shutdown: 1001). */
void ws_agent_close_all(int code);
int ws_agent_count(void);

#endif
