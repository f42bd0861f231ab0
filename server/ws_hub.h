/*
 * ws_hub.h — how other threads reach the WebSocket service thread:
 * closures on a queue, shared refcounted messages, and the bounded
 * per-connection send queue.
 *
 * Producers (HTTP handlers, the writer's completions and subscribers)
 * call ws_hub_post(fn, arg): it appends to a mutex-guarded queue and wakes
 * the service thread with lws_cancel_service(). The service thread drains
 * the queue on LWS_CALLBACK_EVENT_WAIT_CANCELLED (ws_hub_drain) and runs
 * each fn(arg, 1); it is the only thread that touches a connection. The
 * hub knows nothing of what the closures do (ws_agent.c and ws_live.c
 * make them), so it includes no other ws_*.h.
 *
 * Locks: hub_lock guards the queue and is held for no call at all; the
 * wake lock (a rwlock) is held for reading around lws_cancel_service and
 * for writing by ws_hub_close, so a wake never touches a destroyed
 * context. Neither is held while a closure runs. Order: ingest_lock is
 * never held here (the writer calls ws_hub_post with no lock held).
 *
 * Bound: the queue holds acks (one per batch the writer committed, so
 * bounded by its queue and by 8 unacknowledged batches per connection),
 * policy pushes and revocations (one per HTTP request that commits one)
 * and live-feed batches (bounded in bytes by ws_live.c, which drops and
 * counts past it). Its length is on /metrics (moat_ws_hub_queue_items).
 * After ws_hub_close every closure still queued, and every later post, is
 * released at once (fn(arg, 0)) and counted (moat_ws_hub_released_total):
 * nothing leaks, and nothing it carried was acknowledged (an ack not sent
 * is an ack the agent waits for, and resends its batch after reconnecting;
 * storage deduplicates).
 */
#ifndef MOAT_WS_HUB_H
#define MOAT_WS_HUB_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct lws;
struct lws_context;

/* A message serialised once and shared (refcounted) by every connection
 * that sends it. data has LWS_PRE bytes of headroom before the payload. */
struct ws_msg {
	int refs; /* atomic */
	size_t len;
	unsigned char *payload; /* = data + LWS_PRE */
	unsigned char data[];
};

struct ws_msg *ws_msg_new(const char *text, size_t len);
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

/* A closure for the service thread: fn(arg, 1) runs there; fn(arg, 0)
 * only releases arg (the hub is closed: shutdown). Called exactly once. */
typedef void (*ws_hub_fn)(void *arg, int run);

/* Main thread: after the context is created / after the service thread
 * is joined and before the context is destroyed (releases what is left;
 * later posts are released at once). */
void ws_hub_open(struct lws_context *ctx);
void ws_hub_close(void);

/* Any thread, no lock of the caller's held that fn takes: queues fn(arg)
 * and wakes the service thread. 0, or -1 when the hub is closed (fn(arg,
 * 0) has run already). */
int ws_hub_post(ws_hub_fn fn, void *arg);

/* Service thread only: runs what is queued (on EVENT_WAIT_CANCELLED). */
void ws_hub_drain(void);

/* Appends the hub's gauges and counters to b (Prometheus text). */
int ws_hub_metrics(struct buf *b);

#endif
