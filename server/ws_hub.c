/*
 * ws_hub.c — the queue of closures from other threads to the WebSocket
 * service thread, shared messages and send queues. See ws_hub.h for the
 * thread and lock rules.
 */
#include "ws_hub.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "xalloc.h"

struct hub_item {
	struct hub_item *next;
	ws_hub_fn fn;
	void *arg;
};

static pthread_mutex_t hub_lock = PTHREAD_MUTEX_INITIALIZER;
static struct hub_item *hub_head, *hub_tail;
static int64_t hub_len;       /* items queued (under hub_lock) */
static int hub_closed;        /* under hub_lock: posts are released at once */
static uint64_t hub_released; /* closures released unrun (atomic) */
/* the context to wake: written under the write side of hub_wake, read
 * under its read side around lws_cancel_service */
static pthread_rwlock_t hub_wake = PTHREAD_RWLOCK_INITIALIZER;
static struct lws_context *hub_ctx;

struct ws_msg *ws_msg_new(const char *text, size_t len)
{
	struct ws_msg *m = xmalloc(sizeof *m + LWS_PRE + len + 1);

	m->refs = 1;
	m->len = len;
	m->payload = m->data + LWS_PRE;
	memcpy(m->payload, text, len);
	m->payload[len] = '\0';
	return m;
}

void ws_msg_ref(struct ws_msg *m)
{
	__atomic_add_fetch(&m->refs, 1, __ATOMIC_RELAXED);
}

void ws_msg_unref(struct ws_msg *m)
{
	if (m && __atomic_sub_fetch(&m->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free(m);
}

/* ---- send queues ---- */

void ws_sendq_init(struct ws_sendq *q, struct ws_msg **slots, unsigned cap, size_t max_bytes)
{
	q->slots = slots;
	q->cap = cap;
	q->head = q->len = 0;
	q->bytes = 0;
	q->max_bytes = max_bytes;
}

int ws_sendq_push(struct ws_sendq *q, struct ws_msg *m)
{
	if (q->len == q->cap || q->bytes + m->len > q->max_bytes)
		return -1;
	ws_msg_ref(m);
	q->slots[(q->head + q->len) % q->cap] = m;
	q->len++;
	q->bytes += m->len;
	return 0;
}

static struct ws_msg *ws_sendq_pop(struct ws_sendq *q)
{
	struct ws_msg *m;

	if (!q->len)
		return NULL;
	m = q->slots[q->head];
	q->head = (q->head + 1) % q->cap;
	q->len--;
	q->bytes -= m->len;
	return m;
}

int ws_sendq_write(struct ws_sendq *q, struct lws *wsi)
{
	struct ws_msg *m = ws_sendq_pop(q);
	int n;

	if (!m)
		return 0;
	n = lws_write(wsi, m->payload, m->len, LWS_WRITE_TEXT);
	ws_msg_unref(m);
	return n < 0 ? -1 : 1;
}

void ws_sendq_clear(struct ws_sendq *q)
{
	struct ws_msg *m;

	while ((m = ws_sendq_pop(q)))
		ws_msg_unref(m);
}

void ws_hub_open(struct lws_context *ctx)
{
	pthread_rwlock_wrlock(&hub_wake);
	hub_ctx = ctx;
	pthread_rwlock_unlock(&hub_wake);
	pthread_mutex_lock(&hub_lock);
	hub_closed = 0;
	pthread_mutex_unlock(&hub_lock);
}

/* Releases a detached list of items unrun. */
static void hub_release(struct hub_item *it)
{
	while (it) {
		struct hub_item *next = it->next;
		it->fn(it->arg, 0);
		__atomic_fetch_add(&hub_released, 1, __ATOMIC_RELAXED);
		free(it);
		it = next;
	}
}

int ws_hub_post(ws_hub_fn fn, void *arg)
{
	struct hub_item *it = xmalloc(sizeof *it);

	it->next = NULL;
	it->fn = fn;
	it->arg = arg;
	pthread_mutex_lock(&hub_lock);
	if (hub_closed) {
		pthread_mutex_unlock(&hub_lock);
		hub_release(it);
		return -1;
	}
	if (hub_tail)
		hub_tail->next = it;
	else
		hub_head = it;
	hub_tail = it;
	hub_len++;
	pthread_mutex_unlock(&hub_lock);
	/* the wake lock keeps ws_hub_close from destroying the context while
	 * this wakes it (lws_cancel_service is the one lws call any thread
	 * may make) */
	pthread_rwlock_rdlock(&hub_wake);
	if (hub_ctx)
		lws_cancel_service(hub_ctx);
	pthread_rwlock_unlock(&hub_wake);
	return 0;
}

void ws_hub_drain(void)
{
	struct hub_item *it;

	pthread_mutex_lock(&hub_lock);
	it = hub_head;
	hub_head = hub_tail = NULL;
	hub_len = 0;
	pthread_mutex_unlock(&hub_lock);
	while (it) {
		struct hub_item *next = it->next;
		it->fn(it->arg, 1);
		free(it);
		it = next;
	}
}

void ws_hub_close(void)
{
	struct hub_item *it;

	pthread_rwlock_wrlock(&hub_wake);
	hub_ctx = NULL;
	pthread_rwlock_unlock(&hub_wake);
	pthread_mutex_lock(&hub_lock);
	hub_closed = 1;
	it = hub_head;
	hub_head = hub_tail = NULL;
	hub_len = 0;
	pthread_mutex_unlock(&hub_lock);
	hub_release(it);
}

int ws_hub_metrics(struct buf *b)
{
	int64_t len;

	pthread_mutex_lock(&hub_lock);
	len = hub_len;
	pthread_mutex_unlock(&hub_lock);
	return buf_printf(b,
	                  "# HELP moat_ws_hub_queue_items Closures waiting for the WebSocket"
	                  " service thread.\n"
	                  "# TYPE moat_ws_hub_queue_items gauge\nmoat_ws_hub_queue_items %lld\n"
	                  "# HELP moat_ws_hub_released_total Closures released unrun at shutdown"
	                  " (posted after the service thread stopped).\n"
	                  "# TYPE moat_ws_hub_released_total counter\n"
	                  "moat_ws_hub_released_total %llu\n",
	                  (long long)len,
	                  (unsigned long long)__atomic_load_n(&hub_released, __ATOMIC_RELAXED)) ==
	               MOAT_OK
	           ? MOAT_OK
	           : MOAT_ETOOBIG;
}
