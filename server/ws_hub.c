/*
 * ws_hub.c — the queue from other threads to the WebSocket service thread,
 * shared messages, and the per-environment cache of the latest policy
 * message. See ws_hub.h for the thread rules.
 */
#include "ws_hub.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "ws_agent.h"
#include "ws_live.h"
#include "xalloc.h"

enum hub_kind { HUB_POLICY = 1, HUB_REVOKED, HUB_ACK, HUB_LIVE };

struct hub_item {
	struct hub_item *next;
	int kind;
	int64_t env_id, version, token_id;
	uint64_t conn_id;
	struct ws_msg *msg;
	char env[48], interceptor[24], action[12], severity[12];
};

static pthread_mutex_t hub_lock = PTHREAD_MUTEX_INITIALIZER;
static struct hub_item *hub_head, *hub_tail;
static struct lws_context *hub_ctx;

/* service thread only: env_id -> latest policy message */
struct hub_env {
	int64_t env_id;
	int64_t version;
	struct ws_msg *msg;
};
static struct hub_env *hub_envs;
static size_t hub_nenv, hub_capenv;

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

void ws_hub_init(struct lws_context *ctx)
{
	hub_ctx = ctx;
}

static void hub_post(struct hub_item *it)
{
	struct lws_context *ctx;

	it->next = NULL;
	pthread_mutex_lock(&hub_lock);
	if (hub_tail)
		hub_tail->next = it;
	else
		hub_head = it;
	hub_tail = it;
	ctx = hub_ctx;
	pthread_mutex_unlock(&hub_lock);
	if (ctx)
		lws_cancel_service(ctx);
}

struct ws_msg *ws_msg_policy(int64_t version, const char *sha256, const char *document)
{
	size_t cap = strlen(document) + 160;
	char *text = xmalloc(cap);
	int n = snprintf(text, cap,
	                 "{\"type\":\"policy\",\"version\":%lld,\"sha256\":\"%s\",\"document\":%s}",
	                 (long long)version, sha256, document);
	struct ws_msg *m = ws_msg_new(text, (size_t)n);

	free(text);
	return m;
}

void ws_hub_publish_policy(int64_t project_id, int64_t env_id, int64_t version, const char *sha256,
                           const char *document)
{
	struct hub_item *it = xcalloc(1, sizeof *it);

	(void)project_id;
	it->kind = HUB_POLICY;
	it->env_id = env_id;
	it->version = version;
	it->msg = ws_msg_policy(version, sha256, document); /* serialised once, shared by all */
	hub_post(it);
}

void ws_hub_token_revoked(int64_t token_id)
{
	struct hub_item *it = xcalloc(1, sizeof *it);

	it->kind = HUB_REVOKED;
	it->token_id = token_id;
	hub_post(it);
}

void ws_hub_post_ack(uint64_t conn_id, const char *text)
{
	struct hub_item *it = xcalloc(1, sizeof *it);

	it->kind = HUB_ACK;
	it->conn_id = conn_id;
	it->msg = ws_msg_new(text, strlen(text));
	hub_post(it);
}

void ws_hub_post_live(int64_t project_id, const char *env, const char *interceptor,
                      const char *action, const char *severity, struct ws_msg *msg)
{
	struct hub_item *it = xcalloc(1, sizeof *it);

	it->kind = HUB_LIVE;
	it->env_id = project_id;
	snprintf(it->env, sizeof it->env, "%s", env ? env : "");
	snprintf(it->interceptor, sizeof it->interceptor, "%s", interceptor);
	snprintf(it->action, sizeof it->action, "%s", action);
	snprintf(it->severity, sizeof it->severity, "%s", severity);
	it->msg = msg;
	hub_post(it);
}

static struct hub_env *hub_env_find(int64_t env_id)
{
	for (size_t i = 0; i < hub_nenv; i++)
		if (hub_envs[i].env_id == env_id)
			return &hub_envs[i];
	return NULL;
}

struct ws_msg *ws_hub_policy_for(int64_t env_id, int64_t *version)
{
	struct hub_env *e = hub_env_find(env_id);

	if (!e)
		return NULL;
	ws_msg_ref(e->msg);
	*version = e->version;
	return e->msg;
}

void ws_hub_policy_cache(int64_t env_id, int64_t version, struct ws_msg *msg)
{
	struct hub_env *e = hub_env_find(env_id);

	if (e && e->version >= version)
		return;
	if (!e) {
		if (hub_nenv == hub_capenv) {
			hub_capenv = hub_capenv ? hub_capenv * 2 : 16;
			hub_envs = xrealloc(hub_envs, hub_capenv * sizeof *hub_envs);
		}
		e = &hub_envs[hub_nenv++];
		e->env_id = env_id;
		e->msg = NULL;
	}
	ws_msg_ref(msg);
	ws_msg_unref(e->msg);
	e->msg = msg;
	e->version = version;
}

void ws_hub_drain(void)
{
	struct hub_item *it;

	pthread_mutex_lock(&hub_lock);
	it = hub_head;
	hub_head = hub_tail = NULL;
	pthread_mutex_unlock(&hub_lock);
	while (it) {
		struct hub_item *next = it->next;
		switch (it->kind) {
		case HUB_POLICY:
			ws_hub_policy_cache(it->env_id, it->version, it->msg);
			ws_agent_push_policy(it->env_id, it->version, it->msg);
			break;
		case HUB_REVOKED:
			ws_agent_close_token(it->token_id);
			break;
		case HUB_ACK:
			ws_agent_deliver(it->conn_id, it->msg);
			break;
		case HUB_LIVE:
			ws_live_publish(it->env_id, it->env, it->interceptor, it->action,
			                it->severity, it->msg);
			break;
		}
		ws_msg_unref(it->msg);
		free(it);
		it = next;
	}
}

void ws_hub_shutdown(void)
{
	pthread_mutex_lock(&hub_lock);
	hub_ctx = NULL;
	pthread_mutex_unlock(&hub_lock);
	ws_hub_drain(); /* frees whatever is left */
	for (size_t i = 0; i < hub_nenv; i++)
		ws_msg_unref(hub_envs[i].msg);
	free(hub_envs);
	hub_envs = NULL;
	hub_nenv = hub_capenv = 0;
}
