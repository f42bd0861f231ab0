/*
 * ws_agent.c — the agent protocol v1 on the WebSocket service thread.
 *
 * Each connection's struct ws_conn is lws's per-session data. A connection
 * authenticates (bearer header at the upgrade, or the hello's token),
 * says hello, gets welcome and, when its version differs, the current
 * policy; afterwards it gets every new version of its environment as the
 * hub publishes it. Sends go through a bounded per-connection queue of
 * shared messages written one per WRITEABLE; a peer that stops reading
 * overflows it and is cut off, so nobody else waits for it.
 *
 * Threads: the service thread, except where a function says "any
 * thread" (ws_agent_publish_policy, ws_agent_token_revoked: they post a
 * closure through the hub) or "writer thread" (conn_batch_done: a batch's
 * completion, which builds the ack and posts it). Database reads use the
 * service thread's own connection (store_thread); writes go to the writer
 * (ingest.h), which this file includes and which never includes this one.
 * The service thread owns every struct ws_conn, the registry and the
 * per-environment cache of the latest policy message.
 *
 * Back-pressure: a connection with WS_MAX_INFLIGHT batches unacknowledged
 * is not read; a batch the writer's full queue refuses is kept by its
 * connection (one at most: the connection stops reading) and handed over
 * when the queue is below half (conn_maybe_resume, from the acks and the
 * sweep). Nothing read is dropped; nothing is acknowledged before its
 * commit.
 *
 * Credits (PROTOCOL.md, "Credits"): welcome and every ack say how many
 * events the agent may have unacknowledged, sized so that all busy agents
 * together have about WS_CREDIT_MS of the writer's measured rate
 * (ingest_rate) in flight: an agent that honours them waits in its own
 * memory, knowing why, instead of behind 8 batches in the writer's queue.
 * The limits above stay for agents that do not.
 */
#include "ws_agent.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "event.h"
#include "ingest.h"
#include "json_out.h"
#include "log.h"
#include "store.h"
#include "timefmt.h"
#include "token.h"
#include "ws_mask.h"
#include "utf8.h"
#include "xalloc.h"

#define WS_QMAX         64
#define WS_QBYTES       (4u << 20)
#define WS_HELLO_MS     5000
#define WS_BUCKETS      16384
#define WS_MAX_INFLIGHT 8
/* credits: in flight across busy agents, in ms of the writer's rate */
#define WS_CREDIT_MS      250   /* 500 measured a p99 ack over 1 s on a busy machine */
#define WS_CREDIT_MIN     20    /* events, per connection */
#define WS_CREDIT_MAX     4000  /* = WS_MAX_INFLIGHT batches of 500 */
#define WS_CREDIT_RATE0   10000 /* events/s, until the writer measured its own */
#define WS_CREDIT_BUSY_MS 2000  /* an agent that sent a batch this recently is busy */

enum conn_state { CONN_HELLO = 0, CONN_READY, CONN_CLOSING };

struct ws_conn {
	struct ws_conn *prev, *next; /* registry list */
	struct ws_conn *hnext;       /* id hash chain */
	struct ws_conn *ahnext;      /* (project, agent_id) hash chain, once ready */
	int in_agent_hash;
	int64_t last_rx_ms; /* liveness: anything received, pongs too */
	int64_t last_ping_ms;
	int want_ping;
	struct lws *wsi;
	uint64_t id;
	int state;
	int registered;
	int64_t opened_ms;
	int64_t token_id; /* 0 until authenticated */
	int64_t project_id;
	int64_t env_id;
	char project[48];
	char env[48];
	char agent_id[132];
	char remote[64];
	int64_t sent_version;
	int64_t last_seq;      /* the last events seq: each must be higher */
	int64_t last_batch_ms; /* when it last sent a batch (credits: busy agents) */
	int busy;              /* counted in credit_busy */
	int inflight;          /* event batches queued and not yet acknowledged */
	int rx_paused;         /* reading stopped for back-pressure */
	int has_parked;        /* a batch the writer's full queue refused, kept here */
	int64_t parked_seq;
	struct event_batch parked;
	struct buf rx;
	struct ws_sendq q;
	struct ws_msg *slots[WS_QMAX];
	int close_code;
	char close_reason[96];
};

static struct ws_conn *reg_head;
static struct ws_conn *reg_by_id[WS_BUCKETS];
static struct ws_conn *reg_by_agent[WS_BUCKETS];
static int reg_count;
static int paused_count; /* connections not read for back-pressure */
static int credit_busy;  /* atomic: agents that sent a batch within WS_CREDIT_BUSY_MS */
static int ws_heartbeat_s = WS_HEARTBEAT_S; /* set before the service thread starts */

void ws_agent_set_heartbeat(int seconds)
{
	ws_heartbeat_s = seconds;
}
static uint64_t conn_next_id;
static int64_t sweep_last_revoke_check;

/* service thread only: env_id -> latest policy message */
struct agent_env {
	int64_t env_id;
	int64_t version;
	struct ws_msg *msg;
};
static struct agent_env *agent_envs;
static size_t agent_nenv, agent_capenv;
static int64_t sweep_last_seen;

size_t ws_agent_session_size(void)
{
	return sizeof(struct ws_conn);
}
int ws_agent_count(void)
{
	return reg_count;
}

static int64_t now_ms(void)
{
	return timefmt_mono_us() / 1000;
}

/* ---- registry ---- */

static void reg_add(struct ws_conn *c)
{
	unsigned b = (unsigned)(c->id % WS_BUCKETS);

	c->next = reg_head;
	c->prev = NULL;
	if (reg_head)
		reg_head->prev = c;
	reg_head = c;
	c->hnext = reg_by_id[b];
	reg_by_id[b] = c;
	c->registered = 1;
	reg_count++;
}

static void reg_remove(struct ws_conn *c)
{
	unsigned b = (unsigned)(c->id % WS_BUCKETS);
	struct ws_conn **pp = &reg_by_id[b];

	if (!c->registered)
		return;
	if (c->prev)
		c->prev->next = c->next;
	else
		reg_head = c->next;
	if (c->next)
		c->next->prev = c->prev;
	while (*pp && *pp != c)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = c->hnext;
	c->registered = 0;
	reg_count--;
}

static struct ws_conn *reg_find(uint64_t id)
{
	for (struct ws_conn *c = reg_by_id[id % WS_BUCKETS]; c; c = c->hnext)
		if (c->id == id)
			return c;
	return NULL;
}

static unsigned agent_bucket(int64_t project_id, const char *agent_id)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)project_id;

	for (const char *p = agent_id; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ull;
	}
	return (unsigned)(h % WS_BUCKETS);
}

static void agent_hash_add(struct ws_conn *c)
{
	unsigned b = agent_bucket(c->project_id, c->agent_id);

	c->ahnext = reg_by_agent[b];
	reg_by_agent[b] = c;
	c->in_agent_hash = 1;
}

static void agent_hash_remove(struct ws_conn *c)
{
	struct ws_conn **pp;

	if (!c->in_agent_hash)
		return;
	pp = &reg_by_agent[agent_bucket(c->project_id, c->agent_id)];
	while (*pp && *pp != c)
		pp = &(*pp)->ahnext;
	if (*pp)
		*pp = c->ahnext;
	c->in_agent_hash = 0;
}

/* The first ready connection of (project_id, agent_id) other than not. */
static struct ws_conn *agent_find(int64_t project_id, const char *agent_id,
                                  const struct ws_conn * not )
{
	for (struct ws_conn *o = reg_by_agent[agent_bucket(project_id, agent_id)]; o; o = o->ahnext)
		if (o != not &&o->state == CONN_READY && o->project_id == project_id &&
		    !strcmp(o->agent_id, agent_id))
			return o;
	return NULL;
}

/* ---- sending ---- */

/* Queues m (a reference is taken). Overflow cuts the connection off. */
static void conn_send(struct ws_conn *c, struct ws_msg *m)
{
	if (c->state == CONN_CLOSING)
		return;
	if (ws_sendq_push(&c->q, m)) {
		LOG(LOG_WARN, "msg=\"agent too slow; send queue overflow\" conn=%llu agent=%s",
		    (unsigned long long)c->id, c->agent_id);
		c->state = CONN_CLOSING;
		c->close_code = 4429;
		/* it is not reading, so a close frame would never be read either */
		lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
		return;
	}
	lws_callback_on_writable(c->wsi);
}

static void conn_send_text(struct ws_conn *c, const char *text)
{
	struct ws_msg *m = ws_msg_new(text, strlen(text));

	conn_send(c, m);
	ws_msg_unref(m);
}

/* Sends an error message, then closes with code once the queue is out. */
static void conn_fail(struct ws_conn *c, int code, const char *errcode, const char *message)
{
	json_t *e;
	char *text;

	if (c->state == CONN_CLOSING)
		return;
	e = json_pack("{s:s, s:s, s:s}", "type", "error", "code", errcode, "message", message);
	text = json_out_text(e, WS_MAX_MESSAGE);
	json_decref(e);
	conn_send_text(c,
	               text ? text : "{\"type\":\"error\",\"code\":\"internal\",\"message\":\"\"}");
	free(text);
	c->state = CONN_CLOSING;
	c->close_code = code;
	snprintf(c->close_reason, sizeof c->close_reason, "%s", errcode);
	lws_callback_on_writable(c->wsi);
	if (code != 1001)
		LOG(LOG_INFO,
		    "msg=\"agent connection refused\" conn=%llu code=%d reason=%s agent=%s",
		    (unsigned long long)c->id, code, errcode, c->agent_id[0] ? c->agent_id : "-");
}

/* ---- authentication ---- */

/* Checks an agent token. 0 with the token in *t, or a close code. */
static int conn_token(const char *secret, struct store_token *t)
{
	char hash[CRYPTO_SHA256_HEX];
	struct store *st = store_thread();
	int rc;

	if (!st)
		return 1011;
	if (token_parse(secret) != TOKEN_AGENT)
		return 4401;
	crypto_sha256_hex(secret, strlen(secret), hash);
	rc = store_token_lookup(st, hash, timefmt_now(), t);
	store_idle(st);
	if (rc == MOAT_EBUSY || rc == MOAT_EDB)
		return 1011;
	if (rc || t->kind != TOKEN_AGENT || t->project_archived)
		return 4401;
	return 0;
}

/* ---- hello ---- */

/* A string field of at most max bytes without control bytes; "" if absent
 * and optional. Returns NULL when invalid. */
static const char *hello_str(json_t *o, const char *key, size_t max, int required)
{
	json_t *v = json_object_get(o, key);
	const char *s;

	if (!v)
		return required ? NULL : "";
	if (!json_is_string(v))
		return NULL;
	s = json_string_value(v);
	if (strlen(s) > max)
		return NULL;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return NULL;
	return s;
}

/* ---- the latest policy message per environment ---- */

/* The protocol's policy message for a version (document: canonical JSON). */
static struct ws_msg *policy_msg(int64_t version, const char *sha256, const char *document)
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

static struct agent_env *policy_env_find(int64_t env_id)
{
	for (size_t i = 0; i < agent_nenv; i++)
		if (agent_envs[i].env_id == env_id)
			return &agent_envs[i];
	return NULL;
}

/* The latest policy message of env_id this process has seen (a new
 * reference) or NULL; and the version it carries. */
static struct ws_msg *policy_cached(int64_t env_id, int64_t *version)
{
	struct agent_env *e = policy_env_find(env_id);

	if (!e)
		return NULL;
	ws_msg_ref(e->msg);
	*version = e->version;
	return e->msg;
}

/* Remembers msg (a new reference is taken) as env_id's latest if newer. */
static void policy_cache(int64_t env_id, int64_t version, struct ws_msg *msg)
{
	struct agent_env *e = policy_env_find(env_id);

	if (e && e->version >= version)
		return;
	if (!e) {
		if (agent_nenv == agent_capenv) {
			agent_capenv = agent_capenv ? agent_capenv * 2 : 16;
			agent_envs = xrealloc(agent_envs, agent_capenv * sizeof *agent_envs);
		}
		e = &agent_envs[agent_nenv++];
		e->env_id = env_id;
		e->msg = NULL;
	}
	ws_msg_ref(msg);
	ws_msg_unref(e->msg);
	e->msg = msg;
	e->version = version;
}

/* Sends the current policy of the environment unless have == current. */
static void conn_send_current_policy(struct ws_conn *c, int64_t have)
{
	struct ws_msg *m;
	int64_t version = 0;

	m = policy_cached(c->env_id, &version);
	if (!m) {
		struct store *st = store_thread();
		struct store_policy p;
		if (!st || store_policy_current(st, c->env_id, &p) != MOAT_OK) {
			if (st)
				store_idle(st);
			return;
		}
		store_idle(st);
		m = policy_msg(p.version, p.sha256, p.document);
		version = p.version;
		store_policy_cleanup(&p);
		policy_cache(c->env_id, version, m);
	}
	if (version == have) {
		/* the agent has it: a later push of the same version (another
		 * instance's NOTIFY heard late, the periodic check) sends nothing */
		if (have > c->sent_version)
			c->sent_version = have;
	} else if (version > c->sent_version) {
		conn_send(c, m);
		c->sent_version = version;
	}
	ws_msg_unref(m);
}

/* Any thread: the credits (events) a connection gets now: WS_CREDIT_MS of
 * the writer's measured rate shared by the busy agents, less in the
 * proportion the writer's queue holds more than that (agents that ignore
 * credits, a slow commit), within [WS_CREDIT_MIN, WS_CREDIT_MAX]. */
static int64_t conn_credits(void)
{
	int64_t rate = ingest_rate(), busy = __atomic_load_n(&credit_busy, __ATOMIC_RELAXED);
	int64_t target, backlog, w;

	if (rate <= 0)
		rate = WS_CREDIT_RATE0;
	target = rate * WS_CREDIT_MS / 1000;
	w = target / (busy > 0 ? busy : 1);
	backlog = ingest_backlog();
	if (backlog > target)
		w = w * target / backlog;
	return w < WS_CREDIT_MIN ? WS_CREDIT_MIN : w > WS_CREDIT_MAX ? WS_CREDIT_MAX : w;
}

/* Service thread: c sent a batch, or (now = 0) is going. */
static void conn_busy(struct ws_conn *c, int64_t now)
{
	if (now && !c->busy) {
		c->busy = 1;
		__atomic_add_fetch(&credit_busy, 1, __ATOMIC_RELAXED);
	} else if (!now && c->busy) {
		c->busy = 0;
		__atomic_sub_fetch(&credit_busy, 1, __ATOMIC_RELAXED);
	}
	if (now)
		c->last_batch_ms = now;
}

static void conn_hello(struct ws_conn *c, json_t *msg)
{
	const char *agent_id = hello_str(msg, "agent_id", 128, 1);
	const char *hostname = hello_str(msg, "hostname", 255, 0);
	const char *runtime = hello_str(msg, "runtime", 64, 0);
	const char *aver = hello_str(msg, "agent_version", 64, 0);
	const char *envname = hello_str(msg, "environment", 40, 1);
	const char *tok = hello_str(msg, "token", 64, 0);
	json_t *proto = json_object_get(msg, "protocol"),
	       *pv = json_object_get(msg, "policy_version");
	struct store_token t;
	struct store_env e;
	struct ingest_agent ia;
	struct store *st;
	int64_t have = 0;
	char welcome[512];
	int rc;

	if (!json_is_integer(proto) || json_integer_value(proto) != 1) {
		conn_fail(c, 4400, "unsupported_protocol", "this server speaks protocol 1");
		return;
	}
	if (!agent_id || !event_agent_id_ok(agent_id) || !hostname || !runtime || !aver ||
	    !envname || !tok || (pv && (!json_is_integer(pv) || json_integer_value(pv) < 0))) {
		conn_fail(c, 4400, "bad_message",
		          "hello needs protocol, agent_id (1-128 of A-Za-z0-9._:-), environment "
		          "(<= 40 bytes); hostname <= 255 bytes, runtime, agent_version and token "
		          "<= 64 bytes, policy_version >= 0");
		return;
	}
	if (pv)
		have = json_integer_value(pv);
	if (!c->token_id) {
		if (!tok[0]) {
			conn_fail(c, 4401, "unauthenticated",
			          "send Authorization: Bearer <agent token> or a token in hello");
			return;
		}
		rc = conn_token(tok, &t);
		if (rc) {
			conn_fail(c, rc, rc == 4401 ? "unauthenticated" : "unavailable",
			          rc == 4401 ? "the token is not a valid agent token"
			                     : "the server is busy; retry");
			return;
		}
		c->token_id = t.id;
		c->project_id = t.project_id;
		snprintf(c->project, sizeof c->project, "%s", t.project_slug);
	}
	st = store_thread();
	rc = st ? store_env_get(st, c->project_id, envname, &e) : MOAT_EDB;
	if (st)
		store_idle(st);
	if (rc) {
		conn_fail(c, rc == MOAT_ENOTFOUND ? 4404 : 1011,
		          rc == MOAT_ENOTFOUND ? "unknown_environment" : "unavailable",
		          rc == MOAT_ENOTFOUND ? "no such environment in this project"
		                               : "the server is busy; retry");
		return;
	}
	memset(&ia, 0, sizeof ia);
	ia.project_id = c->project_id;
	ia.env_id = e.id;
	ia.token_id = c->token_id;
	snprintf(ia.agent_id, sizeof ia.agent_id, "%s", agent_id);
	snprintf(ia.hostname, sizeof ia.hostname, "%s", hostname);
	snprintf(ia.runtime, sizeof ia.runtime, "%s", runtime);
	snprintf(ia.agent_version, sizeof ia.agent_version, "%s", aver);
	snprintf(ia.remote, sizeof ia.remote, "%s", c->remote);
	ia.policy_version = have;
	if (ingest_agent_hello(&ia) != MOAT_OK) {
		/* the writer's queue of agent state is full: come back later */
		conn_fail(c, 1011, "unavailable", "the server is busy; retry");
		return;
	}
	/* one live connection per agent_id and project: the newest wins */
	for (struct ws_conn *o; (o = agent_find(c->project_id, agent_id, c)) != NULL;) {
		conn_fail(o, 4409, "replaced", "a newer connection with this agent_id took over");
		agent_hash_remove(o);
	}
	c->env_id = e.id;
	snprintf(c->env, sizeof c->env, "%s", e.name);
	snprintf(c->agent_id, sizeof c->agent_id, "%s", agent_id);
	c->state = CONN_READY;
	agent_hash_add(c);
	{
		json_t *w =
		    json_pack("{s:s, s:s, s:s, s:s, s:i, s:{s:i, s:i}, s:I}", "type", "welcome",
		              "agent_id", c->agent_id, "project", c->project, "environment", c->env,
		              "heartbeat_s", ws_heartbeat_s, "limits", "max_message_bytes",
		              (int)WS_MAX_MESSAGE, "max_batch_events", 500, "credits",
		              (json_int_t)WS_CREDIT_MIN); /* a start: the acks say more */
		char *text = json_out_text(w, sizeof welcome - 1);
		snprintf(welcome, sizeof welcome, "%s", text ? text : "");
		free(text);
		json_decref(w);
	}
	conn_send_text(c, welcome);
	conn_send_current_policy(c, have);
	LOG(LOG_INFO, "msg=\"agent connected\" conn=%llu agent=%s project=%s environment=%s ip=%s",
	    (unsigned long long)c->id, c->agent_id, c->project, c->env, c->remote);
}

static void conn_applied(struct ws_conn *c, json_t *msg)
{
	json_t *v = json_object_get(msg, "version"), *ok = json_object_get(msg, "ok");
	const char *err = hello_str(msg, "error", 240, 0);

	if (!json_is_integer(v) || json_integer_value(v) < 1 || !json_is_boolean(ok) || !err) {
		conn_fail(c, 4400, "bad_message",
		          "applied needs version (>= 1), ok (boolean) and an optional error");
		return;
	}
	if (ingest_agent_applied(c->project_id, c->agent_id, json_integer_value(v),
	                         json_is_true(ok), err) != MOAT_OK)
		/* the writer's queue of agent state is full; the next hello
		 * reports the version the agent enforces */
		conn_fail(c, 1011, "unavailable", "the server is busy; retry");
}

/* A batch between the service thread and its ack: made when it is
 * queued, filled by the writer's completion, run (or released) by the
 * hub. */
struct agent_ack {
	uint64_t conn_id;
	int64_t seq;
	struct ws_msg *msg;
};

static void conn_deliver(uint64_t conn_id, struct ws_msg *msg);

/* The hub closure: the ack to its connection (service thread), or only
 * freed (the hub is closed). */
static void conn_ack_run(void *arg, int run)
{
	struct agent_ack *k = arg;

	if (run)
		conn_deliver(k->conn_id, k->msg);
	ws_msg_unref(k->msg);
	free(k);
}

/* The ack of batch seq into b; with_reasons = 0 writes "" for each
 * rejection's reason (the fallback when one cannot be written). The last
 * call's result is the message's (buf errors are sticky). */
static int conn_ack_write(struct buf *b, int64_t seq, const struct ingest_commit *cm,
                          int with_reasons)
{
	buf_printf(b,
	           "{\"type\":\"ack\",\"seq\":%lld,\"accepted\":%lld,\"duplicates\":%lld,"
	           "\"credits\":%lld,\"rejected\":[",
	           (long long)seq, (long long)cm->res.accepted, (long long)cm->res.duplicates,
	           (long long)conn_credits());
	for (size_t i = 0; i < cm->batch->nrejected; i++) {
		int first = 1;
		buf_append_str(b, i ? ",{" : "{");
		json_out_key(b, "index", &first);
		json_out_int(b, cm->batch->rejected[i].index);
		json_out_key_str(b, "reason", with_reasons ? cm->batch->rejected[i].reason : "",
		                 &first);
		buf_append(b, "}", 1);
	}
	return buf_append_str(b, "]}");
}

/* A batch's completion (writer thread, no writer lock held): the ack
 * message, built here and posted to the service thread. A WebSocket batch
 * has no deadline, so rc is always MOAT_OK. */
static void conn_batch_done(void *arg, int rc, const struct ingest_commit *cm)
{
	struct agent_ack *k = arg;
	struct buf b;

	if (rc != MOAT_OK || !cm) {
		free(k);
		return;
	}
	buf_init(&b, 1u << 20);
	if (conn_ack_write(&b, k->seq, cm, 1) != MOAT_OK) { /* sticky: whole or failed */
		LOG(LOG_ERROR, "msg=\"could not encode an ack's reasons\" seq=%lld",
		    (long long)k->seq);
		buf_reset(&b);
		conn_ack_write(&b, k->seq, cm, 0);
	}
	k->msg = ws_msg_new(b.data, b.len);
	buf_cleanup(&b);
	ws_hub_post(conn_ack_run, k);
}

/* Hands a batch to the writer (takes b's contents on success). MOAT_EBUSY
 * when its queue is full: b is left as it was. */
static int conn_submit(struct ws_conn *c, int64_t seq, struct event_batch *b)
{
	struct agent_ack *k = xcalloc(1, sizeof *k);
	int rc;

	k->conn_id = c->id;
	k->seq = seq;
	rc = ingest_events_async(c->project_id, c->env_id, c->env, c->agent_id, b, 0,
	                         conn_batch_done, k);
	if (rc) {
		free(k);
		return rc;
	}
	c->inflight++;
	return MOAT_OK;
}

static void conn_pause(struct ws_conn *c)
{
	if (!c->rx_paused) {
		c->rx_paused = 1;
		paused_count++;
		lws_rx_flow_control(c->wsi, 0);
	}
}

static void conn_events(struct ws_conn *c, json_t *msg)
{
	json_t *seq = json_object_get(msg, "seq");
	struct event_batch b;
	char err[120];

	if (!json_is_integer(seq) || json_integer_value(seq) < 1) {
		conn_fail(c, 4400, "bad_message", "events needs a seq (a positive integer)");
		return;
	}
	if (json_integer_value(seq) <= c->last_seq) {
		/* a stale seq: the agent lost track of what it sent; its
		 * unacknowledged batches come again after it reconnects */
		char m[120];
		snprintf(m, sizeof m, "seq must increase on a connection: %lld after %lld",
		         (long long)json_integer_value(seq), (long long)c->last_seq);
		conn_fail(c, 4400, "bad_message", m);
		return;
	}
	c->last_seq = json_integer_value(seq);
	conn_busy(c, now_ms());
	if (event_batch_parse(json_object_get(msg, "events"), timefmt_now() * 1000, &b, err,
	                      sizeof err) != MOAT_OK) {
		conn_fail(c, 4400, "bad_message", err);
		return;
	}
	ingest_count_rejected(&b);
	if (c->has_parked) {
		/* a frame lws had buffered before reading stopped: one batch is
		 * kept at most, so this connection is told to come back (the
		 * agent resends what was not acknowledged; storage deduplicates) */
		event_batch_free(&b);
		conn_fail(c, 1011, "unavailable", "the server is busy; retry");
		return;
	}
	if (conn_submit(c, json_integer_value(seq), &b) != MOAT_OK) {
		/* the writer's queue is full: the batch waits here, and the
		 * socket is not read, until there is room (conn_maybe_resume) */
		c->parked = b;
		c->parked_seq = json_integer_value(seq);
		c->has_parked = 1;
		conn_pause(c);
		return;
	}
	event_batch_free(&b);
	/* back-pressure: with WS_MAX_INFLIGHT batches unacknowledged, or the
	 * writer's queue nearly full, stop reading this socket until acks go
	 * out (conn_maybe_resume) */
	if (c->inflight >= WS_MAX_INFLIGHT ||
	    ingest_backlog() > INGEST_MAX_QUEUED_EVENTS - EVENT_MAX_BATCH)
		conn_pause(c);
}

/* Reads c again when its own acks and the writer's queue allow. */
static void conn_maybe_resume(struct ws_conn *c)
{
	if (c->has_parked && c->state != CONN_CLOSING) {
		if (ingest_backlog() > INGEST_MAX_QUEUED_EVENTS / 2 ||
		    conn_submit(c, c->parked_seq, &c->parked) != MOAT_OK)
			return;
		event_batch_free(&c->parked);
		c->has_parked = 0;
	}
	if (c->rx_paused && c->inflight < WS_MAX_INFLIGHT && c->state != CONN_CLOSING &&
	    ingest_backlog() <= INGEST_MAX_QUEUED_EVENTS / 2) {
		c->rx_paused = 0;
		paused_count--;
		lws_rx_flow_control(c->wsi, 1);
	}
}

static void conn_message(struct ws_conn *c, const char *text, size_t len)
{
	json_error_t jerr;
	json_t *msg = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	const char *type;

	if (!msg || !json_is_object(msg)) {
		json_decref(msg);
		conn_fail(c, 4400, "bad_message", "every message is one JSON object");
		return;
	}
	type = json_string_value(json_object_get(msg, "type"));
	if (!type) {
		conn_fail(c, 4400, "bad_message", "the message has no type");
	} else if (c->state == CONN_HELLO) {
		if (!strcmp(type, "hello"))
			conn_hello(c, msg);
		else
			conn_fail(c, 4400, "out_of_order", "the first message must be hello");
	} else if (!strcmp(type, "events")) {
		conn_events(c, msg);
	} else if (!strcmp(type, "applied")) {
		conn_applied(c, msg);
	} else if (!strcmp(type, "hello")) {
		conn_fail(c, 4400, "out_of_order", "hello was already sent");
	} else {
		char m[120];
		utf8_fmt(m, sizeof m, "unknown message type \"%.*s\"",
		         (int)utf8_cut(type, strlen(type), 64), type);
		conn_fail(c, 4400, "bad_message", m);
	}
	json_decref(msg);
}

/* ---- the lws callback ---- */

static void conn_open(struct ws_conn *c, struct lws *wsi)
{
	char auth[256];
	int n;

	memset(c, 0, sizeof *c);
	ws_sendq_init(&c->q, c->slots, WS_QMAX, WS_QBYTES);
	c->wsi = wsi;
	c->id = ++conn_next_id;
	c->opened_ms = now_ms();
	c->last_rx_ms = c->opened_ms;
	buf_init(&c->rx, WS_MAX_MESSAGE);
	lws_get_peer_simple(wsi, c->remote, sizeof c->remote);
	reg_add(c);
	n = lws_hdr_copy(wsi, auth, sizeof auth, WSI_TOKEN_HTTP_AUTHORIZATION);
	if (n > 0) {
		struct store_token t;
		const char *tok = auth;
		int rc = 4401;
		if (!strncasecmp(tok, "Bearer ", 7)) {
			tok += 7;
			while (*tok == ' ')
				tok++;
			rc = conn_token(tok, &t);
		}
		if (rc) {
			conn_fail(c, rc, rc == 4401 ? "unauthenticated" : "unavailable",
			          rc == 4401 ? "the token is not a valid agent token"
			                     : "the server is busy; retry");
			return;
		}
		c->token_id = t.id;
		c->project_id = t.project_id;
		snprintf(c->project, sizeof c->project, "%s", t.project_slug);
	}
}

/* Another ready connection of the same agent (it reconnected, or replaced
 * this one)? Then the agent is not offline. */
static int conn_has_twin(const struct ws_conn *c)
{
	return c->agent_id[0] && agent_find(c->project_id, c->agent_id, c) != NULL;
}

static void conn_closed(struct ws_conn *c)
{
	conn_busy(c, 0);
	if ((c->state == CONN_READY || (c->state == CONN_CLOSING && c->env_id)) &&
	    !conn_has_twin(c))
		ingest_agent_offline(c->project_id, c->agent_id);
	if (c->env_id)
		LOG(LOG_INFO, "msg=\"agent disconnected\" conn=%llu agent=%s project=%s",
		    (unsigned long long)c->id, c->agent_id, c->project);
	if (c->rx_paused) {
		c->rx_paused = 0;
		paused_count--;
	}
	if (c->has_parked) { /* never acknowledged: the agent sends it again */
		event_batch_free(&c->parked);
		c->has_parked = 0;
	}
	ws_sendq_clear(&c->q);
	buf_cleanup(&c->rx);
	agent_hash_remove(c);
	reg_remove(c);
}

static int conn_writeable(struct ws_conn *c)
{
	if (c->want_ping && !c->close_code) {
		/* with a payload: lws 4.1 hands an empty pong to nobody */
		unsigned char ping[LWS_PRE + 4];
		memcpy(ping + LWS_PRE, "moat", 4);
		c->want_ping = 0;
		c->last_ping_ms = now_ms();
		if (lws_write(c->wsi, ping + LWS_PRE, 4, LWS_WRITE_PING) < 0)
			return -1;
		if (c->q.len)
			lws_callback_on_writable(c->wsi);
		return 0;
	}
	switch (ws_sendq_write(&c->q, c->wsi)) {
	case -1:
		return -1;
	case 1:
		if (c->q.len || c->close_code)
			lws_callback_on_writable(c->wsi);
		return 0;
	}
	if (c->close_code) {
		lws_close_reason(c->wsi, (enum lws_close_status)c->close_code,
		                 (unsigned char *)c->close_reason, strlen(c->close_reason));
		return -1;
	}
	return 0;
}

/* The client sent a frame without a mask (ws_mask.c): close with 1002
 * at once, nothing more it sent is used and nothing queued is sent. */
static int conn_unmasked(struct ws_conn *c)
{
	static const char reason[] = "unmasked frame";

	if (c->state != CONN_CLOSING || c->close_code != 1002)
		LOG(LOG_INFO,
		    "msg=\"agent connection refused\" conn=%llu code=1002 reason=unmasked",
		    (unsigned long long)c->id);
	c->state = CONN_CLOSING;
	c->close_code = 1002;
	snprintf(c->close_reason, sizeof c->close_reason, "%s", reason);
	ws_sendq_clear(&c->q);
	lws_close_reason(c->wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR, (unsigned char *)reason,
	                 sizeof reason - 1);
	return -1;
}

static int conn_receive(struct ws_conn *c, const char *in, size_t len)
{
	int final = lws_is_final_fragment(c->wsi) && !lws_remaining_packet_payload(c->wsi);

	if (ws_mask_violated(lws_get_socket_fd(c->wsi)))
		return conn_unmasked(c);
	c->last_rx_ms = now_ms();
	if (c->state == CONN_CLOSING)
		return 0; /* ignore whatever comes while we close */
	if (lws_frame_is_binary(c->wsi)) {
		conn_fail(c, 4400, "bad_message", "binary frames are not part of the protocol");
		return 0;
	}
	if (final && c->rx.len == 0) {
		conn_message(c, in, len); /* the common case: one frame, no copy */
		return 0;
	}
	if (buf_append(&c->rx, in, len) != MOAT_OK) {
		buf_cleanup(&c->rx);
		c->state = CONN_HELLO; /* let conn_fail run */
		conn_fail(c, 1009, "too_big", "a message is at most 1 MiB");
		return 0;
	}
	if (final) {
		conn_message(c, c->rx.data, c->rx.len);
		buf_cleanup(&c->rx);
		buf_init(&c->rx, WS_MAX_MESSAGE);
	}
	return 0;
}

int ws_agent_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                      size_t len)
{
	struct ws_conn *c = user;

	switch (reason) {
	case LWS_CALLBACK_FILTER_NETWORK_CONNECTION:
		/* protocol 0 hears of every accepted socket of the port */
		ws_mask_watch((int)(intptr_t)in);
		return 0;
	case LWS_CALLBACK_CLOSED_HTTP:
		ws_mask_forget(lws_get_socket_fd(wsi));
		break;
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
		char uri[64];
		if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0 ||
		    strcmp(uri, "/v1/agent") != 0)
			return 1; /* refuse the upgrade: unknown path */
		return 0;
	}
	case LWS_CALLBACK_ESTABLISHED:
		conn_open(c, wsi);
		return 0;
	case LWS_CALLBACK_RECEIVE:
		return conn_receive(c, in, len);
	case LWS_CALLBACK_RECEIVE_PONG:
		if (ws_mask_violated(lws_get_socket_fd(wsi)))
			return conn_unmasked(c);
		c->last_rx_ms = now_ms();
		return 0;
	case LWS_CALLBACK_SERVER_WRITEABLE:
		return conn_writeable(c);
	case LWS_CALLBACK_CLOSED:
		ws_mask_forget(lws_get_socket_fd(wsi));
		conn_closed(c);
		return 0;
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		/* reaches every protocol: the agent protocol drains the hub */
		ws_hub_drain();
		return 0;
	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

/* ---- what other threads ask, through the hub ---- */

/* Queues msg to every ready connection of env_id behind version. */
static void conn_push_policy(int64_t env_id, int64_t version, struct ws_msg *msg)
{
	int n = 0;

	for (struct ws_conn *c = reg_head; c; c = c->next) {
		if (c->state != CONN_READY || c->env_id != env_id || c->sent_version >= version)
			continue;
		c->sent_version = version;
		conn_send(c, msg);
		n++;
	}
	LOG(LOG_DEBUG, "msg=\"policy pushed\" environment_id=%lld version=%lld agents=%d",
	    (long long)env_id, (long long)version, n);
}

/* Closes (4401) every connection of token_id. */
static void conn_close_token(int64_t token_id)
{
	for (struct ws_conn *c = reg_head; c; c = c->next)
		if (c->token_id == token_id && c->state != CONN_CLOSING)
			conn_fail(c, 4401, "revoked", "the token was revoked or expired");
}

/* Queues msg (an ack) to connection conn_id if it still exists. */
static void conn_deliver(uint64_t conn_id, struct ws_msg *msg)
{
	struct ws_conn *c = reg_find(conn_id);

	if (!c)
		return; /* gone: the agent resends after reconnecting, deduplicated */
	conn_send(c, msg);
	if (c->inflight > 0)
		c->inflight--;
	conn_maybe_resume(c);
}

struct agent_policy_post {
	int64_t env_id, version;
	struct ws_msg *msg;
};

static void policy_post_run(void *arg, int run)
{
	struct agent_policy_post *p = arg;

	if (run) {
		policy_cache(p->env_id, p->version, p->msg);
		conn_push_policy(p->env_id, p->version, p->msg);
	}
	ws_msg_unref(p->msg);
	free(p);
}

void ws_agent_publish_policy(int64_t project_id, int64_t env_id, int64_t version,
                             const char *sha256, const char *document)
{
	struct agent_policy_post *p = xcalloc(1, sizeof *p);

	(void)project_id;
	p->env_id = env_id;
	p->version = version;
	p->msg = policy_msg(version, sha256, document); /* serialised once, shared by all */
	ws_hub_post(policy_post_run, p);
}

static void revoked_run(void *arg, int run)
{
	if (run)
		conn_close_token(*(int64_t *)arg);
	free(arg);
}

void ws_agent_token_revoked(int64_t token_id)
{
	int64_t *id = xmalloc(sizeof *id);

	*id = token_id;
	ws_hub_post(revoked_run, id);
}

void ws_agent_shutdown(void)
{
	for (size_t i = 0; i < agent_nenv; i++)
		ws_msg_unref(agent_envs[i].msg);
	free(agent_envs);
	agent_envs = NULL;
	agent_nenv = agent_capenv = 0;
}

void ws_agent_close_all(int code)
{
	for (struct ws_conn *c = reg_head; c; c = c->next)
		conn_fail(c, code, "going_away", "the server is shutting down; reconnect");
}

/* Tokens revoked, or expired, since the last check (this process or not),
 * every one of them: pages of 256 ids in id order (keyset), and the clock
 * moves on only once all pages were read. */
static void sweep_revocations(int64_t now)
{
	int64_t ids[256], after = 0;
	int n = 0;

	if (!reg_head)
		return;
	do {
		if (store_tokens_revoked_since(store_thread(), sweep_last_revoke_check - 2, now,
		                               after, ids, 256, &n) != MOAT_OK)
			return; /* the next sweep asks again from the same time */
		for (int i = 0; i < n; i++)
			conn_close_token(ids[i]);
		if (n > 0)
			after = ids[n - 1];
	} while (n == 256);
	sweep_last_revoke_check = now;
}

void ws_agent_sweep(struct lws_context *ctx)
{
	int64_t ms = now_ms(), now = timefmt_now();

	(void)ctx;
	for (struct ws_conn *c = reg_head; c; c = c->next) {
		int64_t quiet = ms - c->last_rx_ms;
		if (c->busy && ms - c->last_batch_ms >= WS_CREDIT_BUSY_MS)
			conn_busy(c, 0); /* quiet for a while: no longer shares the credits */
		if (c->close_code != 1002 && ws_mask_violated(lws_get_socket_fd(c->wsi))) {
			/* an unmasked control frame (a ping) reaches no callback:
			 * the close goes out on WRITEABLE (the queue is empty) */
			conn_unmasked(c);
			lws_callback_on_writable(c->wsi);
		} else if (c->state == CONN_HELLO && ms - c->opened_ms > WS_HELLO_MS) {
			conn_fail(c, 4408, "hello_timeout", "no hello within 5 seconds");
		} else if (c->state == CONN_READY && quiet > 3 * (int64_t)ws_heartbeat_s * 1000) {
			/* silent for three heartbeats, pings unanswered: it is gone */
			c->state = CONN_CLOSING;
			lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
		} else if (c->state == CONN_READY && quiet > (int64_t)ws_heartbeat_s * 1000 &&
		           ms - c->last_ping_ms > (int64_t)ws_heartbeat_s * 1000 && !c->want_ping) {
			c->want_ping = 1;
			lws_callback_on_writable(c->wsi);
		}
	}
	if (paused_count > 0)
		for (struct ws_conn *c = reg_head; c; c = c->next)
			conn_maybe_resume(c);
	if (!sweep_last_revoke_check)
		sweep_last_revoke_check = now;
	sweep_revocations(now);
	if (now - sweep_last_seen >= 60) {
		if (sweep_last_seen)
			for (struct ws_conn *c = reg_head; c; c = c->next)
				if (c->state == CONN_READY)
					ingest_agent_seen(c->project_id, c->agent_id);
		sweep_last_seen = now;
	}
}
