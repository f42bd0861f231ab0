/*
 * ma_conn.c — the connection thread: one libwebsockets client context with
 * at most one connection to moatd at a time, and the timers around it.
 *
 * Threads: ma_conn_start/ma_conn_join run on the control thread; every
 * other function here runs on the connection thread, which owns struct
 * ma_conn, the struct lws and the in-flight batches. Other threads reach it
 * only through lws_cancel_service() (ma_agent_wake), which lands in
 * LWS_CALLBACK_EVENT_WAIT_CANCELLED.
 *
 * libwebsockets 4.1.6 rules followed here: lws_write only in
 * CLIENT_WRITEABLE, once per callback, with LWS_PRE headroom; fragments
 * reassembled under a cap (MA_MAX_RX, 4 MiB: a large policy may exceed
 * the 1 MiB the server takes from agents; else close 1009);
 * lws_service's timeout is ignored, so every delay is an lws_sul timer:
 * sul_connect (the reconnect backoff) and sul_tick (every flush_ms, at
 * most 1 s: flush partial batches, heartbeat pings, connect and dead-peer
 * timeouts, the stop deadline).
 *
 * Events: batches are cut from the queue only when fewer than 8 are
 * unacknowledged and, when the server gives credits (welcome, acks), only
 * up to the events they leave (a smaller batch when fewer are left); each
 * keeps its place in `inflight` (in order) until its ack. After a
 * reconnect every unacknowledged batch is sent again, in order and with a
 * new seq, before any new one. lws masks client frames in place, so every
 * write goes from a copy: a batch is never modified by sending it.
 */
#include "ma_int.h"

#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MA_SUBPROTOCOL "moat.agent.v1"
#define MA_TX_MAX      8192 /* hello, applied */
#define MA_APPLIED_MAX 4

struct ma_applied {
	int64_t version;
	int ok;
	char error[256];
};

struct ma_conn {
	struct moat_agent *a;
	struct lws_context *ctx;
	struct lws *wsi; /* set through ci.pwsi; NULL when none */
	int live;        /* a connection (attempt) exists; cleared by ma_conn_lost */
	int welcomed;
	int heartbeat_s;
	int attempts;
	int close_code;       /* from the peer's close frame (0: none) */
	char last_error[160]; /* the server's last `error` message, quoted */
	int64_t started_us, last_rx_us, last_ping_us;
	int want_hello, want_ping, want_close;
	struct ma_applied applied[MA_APPLIED_MAX];
	int napplied;
	struct ma_buf rx;
	int rx_binary;
	struct ma_buf tx;
	unsigned char *stage; /* LWS_PRE + MA_TX_MAX */
	struct ma_batch *inflight[MA_MAX_INFLIGHT];
	int ninflight;
	int batch_nomem; /* the last batch could not be allocated (retry at the tick) */
	int64_t credits; /* the server's: events unacknowledged at most (0: none said) */
	int64_t next_seq;
	struct ma_backoff bo;
	lws_sorted_usec_list_t sul_connect, sul_tick;
	int stopping;
	int64_t stop_deadline_us;
	int exit_loop;
	int destroying;
};

static struct ma_conn *ma_conn_of(struct lws *wsi)
{
	struct moat_agent *a = lws_context_user(lws_get_context(wsi));

	return a ? a->conn : NULL;
}

static void ma_conn_writable(struct ma_conn *c)
{
	if (c->wsi && c->live)
		lws_callback_on_writable(c->wsi);
}

/* Drops the current connection from the service thread (timeouts). */
static void ma_conn_kill(struct ma_conn *c, const char *why)
{
	ma_log(&c->a->log, MOAT_LOG_WARN, "msg=\"dropping connection\" reason=\"%s\"", why);
	if (c->wsi)
		lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
}

/* ---- reconnecting ---- */

static void ma_conn_connect(lws_sorted_usec_list_t *sul);

/* Close codes after which the agent must not hammer the server. */
static int ma_close_wants_max(int code)
{
	switch (code) {
	case 1002: /* we broke the protocol */
	case 1003:
	case 1009: /* our message was too big */
	case 4400: /* malformed or out of order */
	case 4401: /* bad or revoked token */
	case 4404: /* unknown environment */
	case 4409: /* another agent took our agent_id */
		return 1;
	default:
		return 0;
	}
}

/* The connection (or the attempt) is over: forget it, schedule the next. */
static void ma_conn_lost(struct ma_conn *c, const char *why)
{
	struct moat_agent *a = c->a;
	int delay, code = c->close_code;
	char q[300];

	if (!c->live)
		return;
	c->live = 0;
	c->wsi = NULL;
	c->welcomed = 0;
	c->credits = 0; /* the next welcome says */
	c->want_hello = c->want_ping = c->want_close = 0;
	c->napplied = 0;
	ma_buf_reset(&c->rx);
	for (int i = 0; i < c->ninflight; i++)
		c->inflight[i]->seq = 0; /* to be sent again on the next connection */
	MA_ATOMIC_SET(&a->ctr.connected, 0);
	MA_ATOMIC_SET(&a->ctr.last_close_code, code ? code : 1006);
	if (c->stopping || c->destroying) {
		c->exit_loop = 1;
		return;
	}
	delay = ma_close_wants_max(code) ? ma_backoff_max(&c->bo) : ma_backoff_next(&c->bo);
	/* a refusal is an error (someone must fix a token, an environment or
	 * the agent); a server restart is routine; anything else a warning */
	ma_log(&a->log,
	       ma_close_wants_max(code)       ? MOAT_LOG_ERROR
	       : code == 1000 || code == 1001 ? MOAT_LOG_INFO
	                                      : MOAT_LOG_WARN,
	       "msg=disconnected reason=%s close=%d server_error=%s retry_ms=%d",
	       ma_quote(q, sizeof q, why), code, c->last_error[0] ? c->last_error : "-", delay);
	lws_sul_schedule(c->ctx, 0, &c->sul_connect, ma_conn_connect, (lws_usec_t)delay * 1000);
}

static void ma_conn_connect(lws_sorted_usec_list_t *sul)
{
	struct ma_conn *c = lws_container_of(sul, struct ma_conn, sul_connect);
	struct moat_agent *a = c->a;
	struct lws_client_connect_info ci;
	char hosthdr[300];

	if (c->stopping || c->live)
		return;
	if (c->attempts++ > 0)
		MA_ATOMIC_ADD(&a->ctr.reconnects, 1);
	if (strchr(a->u.host, ':'))
		snprintf(hosthdr, sizeof hosthdr, "[%s]", a->u.host);
	else
		snprintf(hosthdr, sizeof hosthdr, "%s", a->u.host);
	if (a->u.port != (a->u.tls ? 443 : 80)) {
		size_t n = strlen(hosthdr);
		snprintf(hosthdr + n, sizeof hosthdr - n, ":%d", a->u.port);
	}
	memset(&ci, 0, sizeof ci);
	ci.context = c->ctx;
	ci.address = a->u.host;
	ci.port = a->u.port;
	ci.ssl_connection = a->u.tls ? LCCSCF_USE_SSL : 0; /* verification on: no ALLOW_* flag */
	ci.path = a->u.path;
	ci.host = hosthdr;
	ci.protocol = MA_SUBPROTOCOL;
	ci.local_protocol_name = MA_SUBPROTOCOL;
	ci.ietf_version_or_minus_one = -1;
	ci.pwsi = &c->wsi;
	c->live = 1;
	c->close_code = 0;
	c->last_error[0] = '\0';
	c->welcomed = 0;
	c->started_us = ma_mono_us();
	ma_log(&a->log, MOAT_LOG_DEBUG, "msg=connecting url=%s attempt=%d", a->url, c->attempts);
	if (!lws_client_connect_via_info(&ci))
		ma_conn_lost(c, "connect failed");
}

/* ---- stopping ---- */

static int ma_conn_idle(struct ma_conn *c)
{
	return c->ninflight == 0 && ma_queue_count(&c->a->queue) == 0;
}

static void ma_conn_begin_stop(struct ma_conn *c)
{
	c->stopping = 1;
	c->stop_deadline_us = ma_mono_us() + (int64_t)c->a->stop_timeout_ms * 1000;
	lws_sul_cancel(&c->sul_connect);
	if (!c->live) {
		c->exit_loop = 1;
		return;
	}
	if (!c->welcomed) {
		ma_conn_kill(c, "stopping before welcome");
		return;
	}
	if (ma_conn_idle(c))
		c->want_close = 1;
	ma_conn_writable(c);
}

/* ---- the tick ---- */

static void ma_conn_tick(lws_sorted_usec_list_t *sul)
{
	struct ma_conn *c = lws_container_of(sul, struct ma_conn, sul_tick);
	struct moat_agent *a = c->a;
	int64_t now = ma_mono_us();
	int tick_ms = a->flush_ms < 1000 ? a->flush_ms : 1000;

	if (c->stopping) {
		if (!c->live || (now >= c->stop_deadline_us && (c->want_close || !c->welcomed))) {
			c->exit_loop = 1;
			return;
		}
		/* idle: close now; out of time: close anyway, with 250 ms for it */
		if (c->welcomed && !c->want_close &&
		    (ma_conn_idle(c) || now >= c->stop_deadline_us)) {
			c->want_close = 1;
			c->stop_deadline_us = now + 250000;
			ma_conn_writable(c);
		}
	}
	if (c->live && !c->welcomed &&
	    now - c->started_us > (int64_t)a->connect_timeout_ms * 1000) {
		c->started_us = now; /* kill once */
		ma_conn_kill(c, "no welcome within connect_timeout_ms");
	}
	if (c->live && c->welcomed) {
		int64_t hb = (int64_t)c->heartbeat_s * 1000000;
		if (now - c->last_rx_us > 3 * hb) {
			c->last_rx_us = now; /* kill once */
			ma_conn_kill(c, "no traffic for 3 heartbeats");
		} else {
			if (now - c->last_ping_us >= hb) {
				c->want_ping = 1;
				c->last_ping_us = now;
			}
			c->batch_nomem = 0;
			if (c->want_ping || ma_queue_count(&a->queue) > 0)
				ma_conn_writable(c);
		}
	}
	lws_sul_schedule(c->ctx, 0, &c->sul_tick, ma_conn_tick, (lws_usec_t)tick_ms * 1000);
}

/* ---- receiving ---- */

static void ma_conn_applied(struct ma_conn *c, int64_t version, int ok, const char *error)
{
	struct ma_applied *ap;

	if (c->napplied == MA_APPLIED_MAX) { /* keep the newest */
		memmove(&c->applied[0], &c->applied[1],
		        sizeof c->applied[0] * (MA_APPLIED_MAX - 1));
		c->napplied--;
	}
	ap = &c->applied[c->napplied++];
	ap->version = version;
	ap->ok = ok;
	snprintf(ap->error, sizeof ap->error, "%s", error ? error : "");
	ma_conn_writable(c);
}

static void ma_conn_on_policy(struct ma_conn *c, const struct ma_msg *m)
{
	struct moat_agent *a = c->a;
	int64_t held = ma_agent_policy_version(a);
	struct moat_policy *p;
	char reason[256], q[300];

	if (m->version <= held) {
		ma_log(&a->log, MOAT_LOG_DEBUG, "msg=\"policy not newer\" version=%lld held=%lld",
		       (long long)m->version, (long long)held);
		return;
	}
	p = ma_policy_new(m->version, m->sha256, m->document, reason, sizeof reason);
	if (!p) {
		MA_ATOMIC_ADD(&a->ctr.policy_errors, 1);
		ma_log(&a->log, MOAT_LOG_ERROR,
		       "msg=\"policy refused, keeping the previous one\" version=%lld reason=%s",
		       (long long)m->version, ma_quote(q, sizeof q, reason));
		ma_conn_applied(c, m->version, 0, reason);
		return;
	}
	ma_agent_set_policy(a, p);
	ma_log(&a->log, MOAT_LOG_INFO, "msg=\"policy taken\" version=%lld sha256=%s",
	       (long long)m->version, moat_policy_sha256(p));
	ma_conn_applied(c, m->version, 1, NULL);
}

static void ma_conn_on_ack(struct ma_conn *c, const struct ma_msg *m)
{
	struct moat_agent *a = c->a;
	struct ma_batch *b = NULL;
	int i;

	for (i = 0; i < c->ninflight; i++) {
		if (c->inflight[i]->seq != 0 && c->inflight[i]->seq == m->seq) {
			b = c->inflight[i];
			break;
		}
	}
	if (!b) {
		ma_log(&a->log, MOAT_LOG_WARN, "msg=\"ack for an unknown seq\" seq=%lld",
		       (long long)m->seq);
		return;
	}
	memmove(&c->inflight[i], &c->inflight[i + 1],
	        sizeof c->inflight[0] * (size_t)(c->ninflight - i - 1));
	c->ninflight--;
	MA_ATOMIC_ADD(&a->ctr.acked, (uint64_t)(m->accepted > 0 ? m->accepted : 0));
	MA_ATOMIC_ADD(&a->ctr.duplicates, (uint64_t)(m->duplicates > 0 ? m->duplicates : 0));
	MA_ATOMIC_ADD(&a->ctr.rejected, (uint64_t)m->nrejected);
	MA_ATOMIC_SUB(&a->ctr.pending, (uint64_t)b->events);
	if (m->credits > 0)
		c->credits = m->credits;
	if (m->nrejected > 0) {
		json_t *r = json_array_get(m->rejected, 0), *why = json_object_get(r, "reason");
		char q[300];
		ma_log(
		    &a->log, MOAT_LOG_WARN,
		    "msg=\"events rejected\" seq=%lld count=%lld first_index=%lld first_reason=%s",
		    (long long)m->seq, (long long)m->nrejected,
		    (long long)json_integer_value(json_object_get(r, "index")),
		    ma_quote(q, sizeof q, json_is_string(why) ? json_string_value(why) : ""));
	}
	ma_batch_free(b);
	if (c->stopping && ma_conn_idle(c))
		c->want_close = 1;
	ma_conn_writable(c); /* room for another batch */
}

static void ma_conn_on_message(struct ma_conn *c)
{
	struct moat_agent *a = c->a;
	struct ma_msg m;
	char reason[200], q[300], q2[300];

	if (ma_proto_parse(c->rx.data, c->rx.len, &m, reason, sizeof reason)) {
		ma_log(&a->log, MOAT_LOG_WARN, "msg=\"bad message from server\" reason=%s",
		       ma_quote(q, sizeof q, reason));
		return;
	}
	switch (m.type) {
	case MA_MSG_WELCOME:
		c->welcomed = 1;
		c->heartbeat_s = m.heartbeat_s;
		c->credits = m.credits;
		c->last_ping_us = ma_mono_us();
		ma_backoff_reset(&c->bo);
		MA_ATOMIC_SET(&a->ctr.connected, 1);
		ma_log(&a->log, MOAT_LOG_INFO, "msg=welcome heartbeat_s=%d unacked_batches=%d",
		       c->heartbeat_s, c->ninflight);
		if (c->stopping && ma_conn_idle(c))
			c->want_close = 1;
		ma_conn_writable(c);
		break;
	case MA_MSG_POLICY:
		ma_conn_on_policy(c, &m);
		break;
	case MA_MSG_ACK:
		ma_conn_on_ack(c, &m);
		break;
	case MA_MSG_ERROR: /* the close follows: logged with it */
		snprintf(q2, sizeof q2, "%s: %s", m.code, m.message);
		ma_quote(c->last_error, sizeof c->last_error, q2);
		ma_log(&a->log, MOAT_LOG_DEBUG, "msg=\"server error\" error=%s", c->last_error);
		break;
	default:
		ma_log(&a->log, MOAT_LOG_DEBUG, "msg=\"unknown message type ignored\" type=%s",
		       ma_quote(q, sizeof q, m.type_name));
		break;
	}
	json_decref(m.root);
}

/* 0, or -1 to close the connection (binary frame, or over the cap). */
static int ma_conn_receive(struct ma_conn *c, struct lws *wsi, const void *in, size_t len)
{
	int rc;

	if (lws_is_first_fragment(wsi)) {
		ma_buf_reset(&c->rx);
		c->rx_binary = lws_frame_is_binary(wsi);
	}
	if (c->rx_binary) {
		lws_close_reason(wsi, LWS_CLOSE_STATUS_UNACCEPTABLE_OPCODE, NULL, 0);
		return -1;
	}
	rc = ma_buf_append(&c->rx, in, len);
	if (rc == MOAT_AGENT_ENOMEM) {
		/* degrade: drop this connection; the next one starts afresh */
		ma_log(&c->a->log, MOAT_LOG_ERROR, "msg=\"out of memory reading a message\"");
		lws_close_reason(wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, NULL, 0);
		return -1;
	}
	if (rc) {
		ma_log(&c->a->log, MOAT_LOG_WARN, "msg=\"message from server over 4 MiB\"");
		lws_close_reason(wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, NULL, 0);
		return -1;
	}
	if (lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0) {
		ma_conn_on_message(c);
		ma_buf_reset(&c->rx);
	}
	return 0;
}

/* ---- writing: one lws_write per WRITEABLE ---- */

static int ma_conn_write_text(struct ma_conn *c, struct lws *wsi, const char *text, size_t len)
{
	if (len > MA_TX_MAX)
		return -1;
	memcpy(c->stage + LWS_PRE, text, len);
	return lws_write(wsi, c->stage + LWS_PRE, len, LWS_WRITE_TEXT) < (int)len ? -1 : 0;
}

int ma_credit_room(int64_t credits, int64_t unacked, int ninflight, int batch_max)
{
	if (ninflight >= MA_MAX_INFLIGHT)
		return 0;
	if (credits <= 0)
		return batch_max; /* an older server: only the 8 batches */
	if (unacked >= credits)
		return 0;
	return credits - unacked < batch_max ? (int)(credits - unacked) : batch_max;
}

static int ma_conn_room(const struct ma_conn *c)
{
	int64_t unacked = 0;

	for (int i = 0; i < c->ninflight; i++)
		unacked += c->inflight[i]->events;
	return ma_credit_room(c->credits, unacked, c->ninflight, c->a->batch_max_events);
}

/* The batch to send now: an unacknowledged one not yet sent on this
 * connection (after a reconnect: always resent), else a new one if fewer
 * than 8 are in flight and the credits leave room. */
static struct ma_batch *ma_conn_next_batch(struct ma_conn *c)
{
	struct moat_agent *a = c->a;
	struct ma_batch *b;
	int room;

	for (int i = 0; i < c->ninflight; i++)
		if (c->inflight[i]->seq == 0)
			return c->inflight[i];
	room = ma_conn_room(c);
	if (room <= 0)
		return NULL;
	b = ma_batch_take(&a->queue, MA_EVENTS_HEAD, room, MA_MAX_MESSAGE, &c->batch_nomem);
	if (c->batch_nomem)
		ma_log(&a->log, MOAT_LOG_ERROR,
		       "msg=\"out of memory for a batch; the events stay queued\"");
	if (b)
		c->inflight[c->ninflight++] = b;
	return b;
}

static int ma_conn_more_to_write(struct ma_conn *c)
{
	if (c->want_close || c->want_hello || c->napplied || c->want_ping)
		return 1;
	for (int i = 0; i < c->ninflight; i++)
		if (c->inflight[i]->seq == 0)
			return 1;
	/* after a batch could not be allocated, the next tick tries again
	 * (rather than spinning on WRITEABLE while memory is short) */
	return ma_conn_room(c) > 0 && !c->batch_nomem && ma_queue_count(&c->a->queue) > 0;
}

static int ma_conn_writeable(struct ma_conn *c, struct lws *wsi)
{
	struct moat_agent *a = c->a;
	struct ma_batch *b;
	int rc = 0;

	if (c->want_close) {
		c->close_code = LWS_CLOSE_STATUS_NORMAL;
		lws_close_reason(wsi, LWS_CLOSE_STATUS_NORMAL, (unsigned char *)"stopping", 8);
		return -1;
	}
	if (c->want_hello) {
		c->want_hello = 0;
		if (ma_proto_hello(&c->tx, a->agent_id, a->hostname, a->runtime, a->agent_version,
		                   a->environment, ma_agent_policy_version(a),
		                   a->token_in_hello ? a->token : NULL))
			return -1;
		rc = ma_conn_write_text(c, wsi, c->tx.data, c->tx.len);
	} else if (!c->welcomed) {
		return 0;
	} else if (c->napplied) {
		struct ma_applied ap = c->applied[0];
		memmove(&c->applied[0], &c->applied[1], sizeof ap * (size_t)(c->napplied - 1));
		c->napplied--;
		if (ma_proto_applied(&c->tx, ap.version, ap.ok, ap.ok ? NULL : ap.error))
			return -1;
		rc = ma_conn_write_text(c, wsi, c->tx.data, c->tx.len);
	} else if (c->want_ping) {
		c->want_ping = 0;
		rc = lws_write(wsi, c->stage + LWS_PRE, 0, LWS_WRITE_PING) < 0 ? -1 : 0;
	} else {
		b = ma_conn_next_batch(c);
		if (b) {
			/* lws masks client frames in place: send a copy, so the
			 * batch stays intact for a resend after a reconnect. lws
			 * keeps its own copy of anything the socket did not take. */
			size_t len;
			char *msg = ma_batch_message(b, ++c->next_seq, &len);
			unsigned char *out = ma_malloc(LWS_PRE + len);
			if (!out) {
				/* degrade: close; the batch is resent on the next
				 * connection (it stays in flight, unacknowledged) */
				ma_log(&a->log, MOAT_LOG_ERROR,
				       "msg=\"out of memory sending a batch\"");
				lws_close_reason(wsi, LWS_CLOSE_STATUS_UNEXPECTED_CONDITION, NULL,
				                 0);
				return -1;
			}
			memcpy(out + LWS_PRE, msg, len);
			rc = lws_write(wsi, out + LWS_PRE, len, LWS_WRITE_TEXT) < (int)len ? -1 : 0;
			free(out);
			if (rc)
				return -1;
			MA_ATOMIC_ADD(&a->ctr.sent, b->events);
		}
	}
	if (rc)
		return -1;
	if (ma_conn_more_to_write(c))
		lws_callback_on_writable(wsi);
	return 0;
}

/* ---- the protocol callback ---- */

static int ma_conn_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                            size_t len)
{
	struct ma_conn *c = ma_conn_of(wsi);
	char q[300];

	(void)user;
	if (!c)
		return 0;
	switch (reason) {
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		if (MA_ATOMIC_GET(&c->a->stop_req) && !c->stopping)
			ma_conn_begin_stop(c);
		else if (c->welcomed)
			ma_conn_writable(c);
		return 0;
	case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER: {
		unsigned char **p = in, *end = *p + len;
		char bearer[600];
		int n = snprintf(bearer, sizeof bearer, "Bearer %s", c->a->token);
		if (n < 0 || (size_t)n >= sizeof bearer ||
		    lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_AUTHORIZATION,
		                                 (unsigned char *)bearer, n, p, end))
			return -1;
		return 0;
	}
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		c->wsi = wsi;
		c->want_hello = 1;
		c->last_rx_us = ma_mono_us();
		ma_buf_reset(&c->rx);
		lws_callback_on_writable(wsi);
		return 0;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		c->last_rx_us = ma_mono_us();
		return ma_conn_receive(c, wsi, in, len);
	case LWS_CALLBACK_CLIENT_RECEIVE_PONG:
		c->last_rx_us = ma_mono_us();
		return 0;
	case LWS_CALLBACK_CLIENT_WRITEABLE:
		return ma_conn_writeable(c, wsi);
	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (len >= 2) {
			const unsigned char *b = in;
			char why[128];
			size_t wl = len - 2 < sizeof why - 1 ? len - 2 : sizeof why - 1;
			memcpy(why, b + 2, wl);
			why[wl] = '\0';
			c->close_code = (b[0] << 8) | b[1];
			ma_log(&c->a->log, MOAT_LOG_INFO,
			       "msg=\"server closed\" close=%d reason=%s", c->close_code,
			       ma_quote(q, sizeof q, why));
		}
		return 0;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR: {
		char why[200];
		int status = wsi ? (int)lws_http_client_http_response(wsi) : 0;
		snprintf(why, sizeof why, "%s", in ? (const char *)in : "connection error");
		/* a refused upgrade: 401/403/404 are not worth hammering */
		if (status == 401 || status == 403)
			c->close_code = 4401;
		else if (status == 404 || status == 400)
			c->close_code = 4404;
		ma_conn_lost(c, why);
		return 0;
	}
	case LWS_CALLBACK_CLIENT_CLOSED:
		ma_conn_lost(c, "closed");
		return 0;
	case LWS_CALLBACK_CLOSED_CLIENT_HTTP: /* lws's own timeout during the upgrade */
		ma_conn_lost(c, "closed before the upgrade completed");
		return 0;
	case LWS_CALLBACK_WSI_DESTROY:
		/* Whatever path closed it, never touch a freed wsi again. Our
		 * one client wsi is the only one destroyed while we run (lws
		 * may have cleared c->wsi through pwsi already). */
		if (c->live && (wsi == c->wsi || !c->wsi)) {
			ma_conn_lost(c, "connection destroyed");
			c->wsi = NULL;
		}
		return 0;
	default:
		return 0;
	}
}

static const struct lws_protocols ma_protocols[] = {
    {MA_SUBPROTOCOL, ma_conn_callback, 0, 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

/* ---- the thread ---- */

static void *ma_conn_thread(void *arg)
{
	struct moat_agent *a = arg;
	struct ma_conn *c = a->conn;
	struct lws_context *ctx = c->ctx;
	size_t left = 0;

	lws_sul_schedule(ctx, 0, &c->sul_connect, ma_conn_connect, 1);
	lws_sul_schedule(ctx, 0, &c->sul_tick, ma_conn_tick, (lws_usec_t)a->flush_ms * 1000);
	/* a stop requested before the thread ran */
	if (MA_ATOMIC_GET(&a->stop_req))
		ma_conn_begin_stop(c);
	while (!c->exit_loop)
		if (lws_service(ctx, 0) < 0)
			break;

	lws_sul_cancel(&c->sul_connect);
	lws_sul_cancel(&c->sul_tick);
	pthread_rwlock_wrlock(&a->wake_lock);
	a->ctx = NULL;
	pthread_rwlock_unlock(&a->wake_lock);
	c->destroying = 1;
	lws_context_destroy(ctx); /* may call ma_conn_callback: CLIENT_CLOSED */
	MA_ATOMIC_SET(&a->ctr.connected, 0);
	for (int i = 0; i < c->ninflight; i++) {
		left += c->inflight[i]->events;
		ma_batch_free(c->inflight[i]);
	}
	c->ninflight = 0;
	if (left)
		ma_log(&a->log, MOAT_LOG_WARN,
		       "msg=\"stopped with unacknowledged events\" events=%zu queued=%zu", left,
		       ma_queue_count(&a->queue));
	return NULL;
}

int ma_conn_start(struct moat_agent *a)
{
	struct lws_context_creation_info info;
	struct ma_conn *c;
	uint64_t seed;

	c = ma_calloc(1, sizeof *c);
	if (!c)
		return MOAT_AGENT_ENOMEM;
	c->a = a;
	c->heartbeat_s = 20;
	ma_buf_init(&c->rx, MA_MAX_RX);
	ma_buf_init(&c->tx, MA_TX_MAX);
	c->stage = ma_malloc(LWS_PRE + MA_TX_MAX);
	if (!c->stage) {
		free(c);
		return MOAT_AGENT_ENOMEM;
	}
	seed = a->backoff_seed;
	if (!seed && ma_random(&seed, sizeof seed))
		seed = (uint64_t)ma_mono_us() ^ (uint64_t)(uintptr_t)c; /* jitter only */
	ma_backoff_init(&c->bo, seed);

	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = ma_protocols;
	info.user = a;
	/* lws's own connect and upgrade timeouts are backstops: ours (the
	 * tick) fires first and covers connect + upgrade + welcome. */
	info.connect_timeout_secs = (unsigned)(a->connect_timeout_ms + 999) / 1000 + 5;
	info.timeout_secs = info.connect_timeout_secs;
	if (a->u.tls) {
		/* lws only logs an unreadable CA file and then fails every
		 * handshake: refuse to start instead */
		if (a->ca_file && access(a->ca_file, R_OK) != 0) {
			char q[300];
			ma_log(&a->log, MOAT_LOG_ERROR, "msg=\"cannot read ca_file\" ca_file=%s",
			       ma_quote(q, sizeof q, a->ca_file));
			goto fail;
		}
		info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
		info.client_ssl_ca_filepath = a->ca_file;
	}
	a->conn = c;
	c->ctx = lws_create_context(&info);
	if (!c->ctx) {
		ma_log(&a->log, MOAT_LOG_ERROR, "msg=\"cannot create the lws context\"");
		goto fail;
	}
	pthread_rwlock_wrlock(&a->wake_lock);
	a->ctx = c->ctx;
	pthread_rwlock_unlock(&a->wake_lock);
	if (pthread_create(&a->thread, NULL, ma_conn_thread, a) != 0) {
		pthread_rwlock_wrlock(&a->wake_lock);
		a->ctx = NULL;
		pthread_rwlock_unlock(&a->wake_lock);
		lws_context_destroy(c->ctx);
		goto fail;
	}
	return 0;
fail:
	a->conn = NULL;
	ma_buf_cleanup(&c->rx);
	ma_buf_cleanup(&c->tx);
	free(c->stage);
	free(c);
	return MOAT_AGENT_EIO;
}

void ma_conn_join(struct moat_agent *a)
{
	struct ma_conn *c = a->conn;

	pthread_join(a->thread, NULL);
	if (!c)
		return;
	a->conn = NULL;
	ma_buf_cleanup(&c->rx);
	ma_buf_cleanup(&c->tx);
	free(c->stage);
	free(c);
}
