/*
 * ws_agent.h — the agent protocol (moat.agent.v1, agentproto/PROTOCOL.md)
 * on the WebSocket service thread: one struct ws_conn per connection, the
 * registry of connections, and what the hub asks of them. Every function
 * here runs on the service thread only.
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

/* Queues msg to every ready connection of env_id behind version. */
void ws_agent_push_policy(int64_t env_id, int64_t version, struct ws_msg *msg);
/* Closes (4401) every connection of token_id. */
void ws_agent_close_token(int64_t token_id);
/* Queues msg to connection conn_id if it still exists. */
void ws_agent_deliver(uint64_t conn_id, struct ws_msg *msg);
/* Periodic work: hello timeouts, revoked and expired tokens, last seen. */
void ws_agent_sweep(struct lws_context *ctx);
/* Asks every connection to close with code (shutdown: 1001). */
void ws_agent_close_all(int code);
int ws_agent_count(void);

#endif
