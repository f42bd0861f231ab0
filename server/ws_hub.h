/*
 * ws_hub.h — how other threads reach the WebSocket service thread, and
 * the service thread's registry of agent connections.
 *
 * Producers (HTTP handlers, the ingest writer) call ws_hub_publish_*() and
 * ws_hub_post_*(): these only append to a mutex-guarded queue and call
 * lws_cancel_service(). The service thread drains the queue on
 * LWS_CALLBACK_EVENT_WAIT_CANCELLED (ws_hub_drain) and is the only thread
 * that touches a connection. No lws call is made while the queue lock is
 * held.
 */
#ifndef MOAT_WS_HUB_H
#define MOAT_WS_HUB_H

#include <stddef.h>
#include <stdint.h>

struct lws;
struct lws_context;
struct ws_conn;

/* A message serialised once and shared (refcounted) by every connection
 * that sends it. data has LWS_PRE bytes of headroom before the payload. */
struct ws_msg {
	int refs; /* atomic */
	size_t len;
	unsigned char *payload; /* = data + LWS_PRE */
	unsigned char data[];
};

struct ws_msg *ws_msg_new(const char *text, size_t len);
/* The protocol's policy message for a version (document: canonical JSON). */
struct ws_msg *ws_msg_policy(int64_t version, const char *sha256, const char *document);
void ws_msg_ref(struct ws_msg *m);
void ws_msg_unref(struct ws_msg *m);

/* A connection's bounded queue of messages to send (service thread only):
 * a ring over slots[cap] that the owner provides, at most max_bytes of
 * payload. A reader too slow for it is cut off by its owner. */
struct ws_sendq {
	struct ws_msg **slots;
	unsigned cap, head, len;
	size_t bytes, max_bytes;
};

void ws_sendq_init(struct ws_sendq *q, struct ws_msg **slots, unsigned cap, size_t max_bytes);
/* Queues m (takes a reference): 0, or -1 when it would overflow (nothing
 * queued). */
int ws_sendq_push(struct ws_sendq *q, struct ws_msg *m);
/* On SERVER_WRITEABLE: writes the oldest message as one text frame.
 * 1 written, 0 nothing queued, -1 the write failed (close). */
int ws_sendq_write(struct ws_sendq *q, struct lws *wsi);
/* Drops every queued message. */
void ws_sendq_clear(struct ws_sendq *q);

/* Main thread, before and after the service thread runs. */
void ws_hub_init(struct lws_context *ctx);
void ws_hub_shutdown(void);

/* ---- any thread ---- */

/* A committed policy version: pushed to every agent of env_id. */
void ws_hub_publish_policy(int64_t project_id, int64_t env_id, int64_t version, const char *sha256,
                           const char *document);
/* Closes (4401) every connection authenticated by token_id. */
void ws_hub_token_revoked(int64_t token_id);
/* An events batch of connection conn_id is durable: send its ack (text
 * is the ack message, copied). */
void ws_hub_post_ack(uint64_t conn_id, const char *text);

/* A new event (msg is taken over) for the live feed of project_id. */
void ws_hub_post_live(int64_t project_id, const char *env, const char *interceptor,
                      const char *action, const char *severity, struct ws_msg *msg);

/* ---- service thread only ---- */

/* Drains the queue (on EVENT_WAIT_CANCELLED). */
void ws_hub_drain(void);
/* The latest policy message of env_id this process has seen (a new
 * reference) or NULL; and the version it carries. */
struct ws_msg *ws_hub_policy_for(int64_t env_id, int64_t *version);
/* Remembers msg (a new reference is taken) as env_id's latest if newer. */
void ws_hub_policy_cache(int64_t env_id, int64_t version, struct ws_msg *msg);

#endif
