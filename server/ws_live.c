/*
 * ws_live.c — the live event feed for the dashboard; see ws_live.h.
 *
 * Tickets live in the database (store_ticket.c, schema 012: issued on
 * HTTP threads, redeemed on the service thread, each through its own
 * connection), so that a ticket issued through one moatd opens a feed on
 * any other of the database; only their SHA-256 is kept, they work once
 * and expire after 30 s. A user holds at most WS_LIVE_TICKETS_PER_USER of
 * them unused; one user's tickets never push out another's. Redeeming is
 * one indexed DELETE on the service thread's connection (on SQLite it
 * waits for the write lock like any write: at most a group commit).
 * Connections are lws per-session data on the service thread, each with a
 * bounded queue like the agents'.
 *
 * A feed lives as long as the login session that asked for its ticket:
 * the upgrade is refused for a session that has ended, and the sweep
 * (ws_live_sweep, every 500 ms) closes a feed with 4401 once its session
 * is revoked (logout, password change), past its end or idle limit, its
 * user disabled, or its user's role below LIVE_MIN_ROLE. The database is
 * asked (the service thread's own connection), so a logout through
 * another instance counts too.
 *
 * New events come from the writer: ws_live_committed is its subscriber
 * (writer thread, no writer lock held). When someone watches, it
 * serialises each newly stored event once into a shared message and posts
 * the batch's messages as one hub closure; the service thread sends each
 * to the connections whose filters accept it. What waits for the service
 * thread is bounded (LIVE_PENDING_BYTES): past it the feed skips events,
 * counts them (moat_live_events_dropped_total) and tells every watching
 * client {"type":"dropped","events":N} before the next event it sends.
 * Nothing is lost from storage: the feed is a view.
 *
 * Besides events the feed carries two notes, so that a dashboard can keep
 * agents and rollout current without polling: {"type":"agents",...} after
 * the writer committed agent-state changes (ws_live_agents_committed, its
 * agent-state subscriber: one message per project and commit, however
 * many agents a commit changed, so a fleet reconnecting is a handful of
 * messages, not thousands) and {"type":"policy",...} after an HTTP thread
 * committed a new policy version (ws_live_policy_published). Both are
 * sent after the commit, so a dashboard that reads the API when it gets
 * one sees the change. They go to every feed of the project subscribed
 * with "notes": true (the filters select events only), through the hub, under
 * the same byte bound as events (past it they are skipped and counted).
 */
#include "ws_live.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth_cache.h"
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
#include "xalloc.h"

#define LIVE_QMAX       256
#define LIVE_QBYTES     (2u << 20)
#define LIVE_FILTER_MAX 8
/* live messages posted to the service thread and not yet sent on */
#define LIVE_PENDING_BYTES (16u << 20)

/* the messages of the feed's error codes (PROTOCOL.md, live.json) */
#define LIVE_BAD_MESSAGE                                                                           \
	"send one subscribe message (notes, if present, a boolean) as a JSON text frame of at "    \
	"most 4096 bytes"
#define LIVE_BAD_FILTERS                                                                           \
	"filters is an object whose environment, interceptor, action and severity are each a "     \
	"string or a list of up to 8 strings of at most 39 bytes"

static char live_origin[3][300];
static int live_watching;              /* atomic: subscribed connections */
static int64_t live_idle_s = 720 * 60; /* --session-idle-minutes, set before start */
static uint64_t live_epoch;            /* service thread: auth epoch of the last full check */
static int64_t live_pending;           /* atomic: bytes posted, not yet handed on */
static uint64_t live_dropped;          /* atomic: events skipped at the bound (total) */
static uint64_t live_gap;              /* atomic: skipped, not yet told to the clients */
static uint64_t live_notes_dropped;    /* atomic: agents/policy notes skipped at the bound */

enum live_state { LIVE_NEW = 0, LIVE_READY, LIVE_CLOSING };

struct live_filter {
	int n;
	char v[LIVE_FILTER_MAX][40];
};

struct live_conn {
	struct live_conn *prev, *next;
	struct lws *wsi;
	int linked; /* in the list: set on ESTABLISHED (a refused upgrade never is) */
	int state;
	int64_t project_id, user_id, session_id;
	int64_t ends_at; /* when the session ends unless it is used (then: ask again) */
	struct live_filter env, interceptor, action, severity;
	int notes; /* asked for agent and policy notes ("notes": true) */
	struct ws_sendq q;
	struct ws_msg *slots[LIVE_QMAX];
	int close_code;
	char close_reason[64];
};

static struct live_conn *live_head;
static int live_count;

size_t ws_live_session_size(void)
{
	return sizeof(struct live_conn);
}
int ws_live_count(void)
{
	return live_count;
}
int ws_live_watchers(void)
{
	return __atomic_load_n(&live_watching, __ATOMIC_RELAXED);
}

void ws_live_set_session_idle(int64_t seconds)
{
	live_idle_s = seconds;
}

int ws_live_ticket_issue(struct store *st, int64_t user_id, int64_t session_id, int64_t project_id,
                         char out[44], int *retry_after)
{
	char hash[CRYPTO_SHA256_HEX];
	int rc;

	*retry_after = 0;
	token_session_generate(out);
	crypto_sha256_hex(out, strlen(out), hash);
	rc = store_ticket_issue(st, hash, user_id, session_id, project_id, timefmt_now(),
	                        WS_LIVE_TICKET_TTL_S, WS_LIVE_TICKETS_PER_USER, retry_after);
	if (rc == 0)
		return 0;
	memset(out, 0, 44);
	return rc > 0 ? WS_LIVE_TICKET_CAP : rc;
}

/* Service thread: redeems a ticket (through the service thread's own
 * connection): 0 and the ids, or -1 (unknown, used, expired, or the
 * database did not answer). */
static int live_ticket_take(const char *ticket, int64_t *user_id, int64_t *project_id,
                            int64_t *session_id)
{
	struct store *st = store_thread();
	char hash[CRYPTO_SHA256_HEX];
	int rc;

	if (!st)
		return -1;
	crypto_sha256_hex(ticket, strlen(ticket), hash);
	rc = store_ticket_take(st, hash, timefmt_now(), user_id, project_id, session_id);
	store_idle(st);
	return rc == MOAT_OK ? 0 : -1;
}

/* ---- the session behind a feed ---- */

/* The role a feed needs: viewer, since every role may read every project. */
#define LIVE_MIN_ROLE 1

static int live_role_rank(const char *role)
{
	return !strcmp(role, "admin")    ? 3
	       : !strcmp(role, "editor") ? 2
	       : !strcmp(role, "viewer") ? 1
	                                 : 0;
}

/* Service thread: may session_id still watch? 1 yes (its user's id in
 * *user_id, the time it ends unless used again in *ends_at), 0 no (ended,
 * or the role is too low), -1 the database did not answer. */
static int live_session_ok(int64_t session_id, int64_t now, int64_t *user_id, int64_t *ends_at)
{
	struct store *st = store_thread();
	struct store_session ses;
	struct store_user u;
	int rc;

	if (!st)
		return -1;
	rc = store_session_alive(st, session_id, now, live_idle_s, &ses, &u);
	store_idle(st);
	if (rc == MOAT_EAUTH)
		return 0;
	if (rc)
		return -1;
	*user_id = u.id;
	*ends_at = ses.last_seen_at + live_idle_s + 1;
	if (ses.expires_at < *ends_at)
		*ends_at = ses.expires_at;
	return live_role_rank(u.role) >= LIVE_MIN_ROLE;
}

void ws_live_set_origin(const char *public_url, int http_port)
{
	memset(live_origin, 0, sizeof live_origin);
	if (public_url && *public_url) {
		/* scheme://host[:port] — everything before the first '/' after "//" */
		const char *p = strstr(public_url, "//");
		size_t n = p ? (size_t)(strchr(p + 2, '/') ? strchr(p + 2, '/') - public_url
		                                           : (long)strlen(public_url))
		             : 0;
		if (n > 0 && n < sizeof live_origin[0])
			memcpy(live_origin[0], public_url, n);
	}
	snprintf(live_origin[1], sizeof live_origin[1], "http://127.0.0.1:%d", http_port);
	snprintf(live_origin[2], sizeof live_origin[2], "http://localhost:%d", http_port);
}

static int live_origin_ok(struct lws *wsi)
{
	char origin[300];
	int n = lws_hdr_copy(wsi, origin, sizeof origin, WSI_TOKEN_ORIGIN);

	if (n <= 0)
		return 0; /* the feed is the dashboard's, and a browser always sends Origin */
	for (int i = 0; i < 3; i++)
		if (live_origin[i][0] && !strcmp(origin, live_origin[i]))
			return 1;
	return 0;
}

/* ---- state ---- */

/* The one place a connection's state changes after ESTABLISHED (which
 * starts it at LIVE_NEW): it keeps live_watching equal to the number of
 * connections in LIVE_READY, which the writer's subscriber reads to skip
 * serialising events for nobody. */
static void live_set_state(struct live_conn *c, int state)
{
	if (c->state == state)
		return;
	if (c->state == LIVE_READY)
		__atomic_sub_fetch(&live_watching, 1, __ATOMIC_RELAXED);
	else if (state == LIVE_READY)
		__atomic_add_fetch(&live_watching, 1, __ATOMIC_RELAXED);
	c->state = state;
}

/* ---- sending ---- */

static void live_send(struct live_conn *c, struct ws_msg *m)
{
	if (c->state == LIVE_CLOSING)
		return;
	if (ws_sendq_push(&c->q, m)) {
		/* a dashboard that cannot keep up reconnects and reloads */
		live_set_state(c, LIVE_CLOSING);
		lws_set_timeout(c->wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC);
		return;
	}
	lws_callback_on_writable(c->wsi);
}

static void live_send_text(struct live_conn *c, const char *text)
{
	struct ws_msg *m = ws_msg_new(text, strlen(text));

	live_send(c, m);
	ws_msg_unref(m);
}

/* Sends {"type":"error","code","message"} and closes with close_code (the
 * close reason is the code). code and message are constants of this file
 * and need no JSON escaping. */
static void live_fail(struct live_conn *c, int close_code, const char *reason, const char *message)
{
	char text[400];

	if (c->state == LIVE_CLOSING)
		return;
	snprintf(text, sizeof text, "{\"type\":\"error\",\"code\":\"%s\",\"message\":\"%s\"}",
	         reason, message);
	live_send_text(c, text);
	live_set_state(c, LIVE_CLOSING);
	c->close_code = close_code;
	snprintf(c->close_reason, sizeof c->close_reason, "%s", reason);
	lws_callback_on_writable(c->wsi);
}

/* May c go on? 1 yes, 0 its session ended (c is closed now with 4401),
 * -1 the database did not answer. */
static int live_check(struct live_conn *c, int64_t now)
{
	int rc = live_session_ok(c->session_id, now, &c->user_id, &c->ends_at);

	if (rc == 0) {
		LOG(LOG_INFO,
		    "msg=\"live feed closed: its session ended\" project_id=%lld user_id=%lld",
		    (long long)c->project_id, (long long)c->user_id);
		live_fail(c, 4401, "session_ended",
		          "the login session of this feed ended; log in again");
	}
	return rc;
}

/* Checks every open feed, noting the auth epoch first: a session ended
 * after that read bumps it again. */
static void live_check_all(int64_t now)
{
	live_epoch = auth_epoch();
	for (struct live_conn *c = live_head; c; c = c->next)
		if (c->state != LIVE_CLOSING)
			live_check(c, now);
}

/* ---- filters ---- */

static int live_filter_set(struct live_filter *f, json_t *v)
{
	size_t i;
	json_t *x;

	f->n = 0;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		if (json_string_length(v) >= sizeof f->v[0])
			return -1;
		snprintf(f->v[f->n++], sizeof f->v[0], "%s", json_string_value(v));
		return 0;
	}
	if (!json_is_array(v) || json_array_size(v) > LIVE_FILTER_MAX)
		return -1;
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x) || json_string_length(x) >= sizeof f->v[0])
			return -1;
		snprintf(f->v[f->n++], sizeof f->v[0], "%s", json_string_value(x));
	}
	return 0;
}

static int live_filter_ok(const struct live_filter *f, const char *v)
{
	if (f->n == 0)
		return 1;
	for (int i = 0; i < f->n; i++)
		if (v && !strcmp(f->v[i], v))
			return 1;
	return 0;
}

static void live_subscribe(struct live_conn *c, const char *text, size_t len)
{
	json_t *m = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL), *f;
	const char *type = json_string_value(json_object_get(m, "type"));

	if (!m || !type || strcmp(type, "subscribe")) {
		json_decref(m);
		live_fail(c, 4400, "bad_message", LIVE_BAD_MESSAGE);
		return;
	}
	f = json_object_get(m, "notes");
	if (f && !json_is_boolean(f)) {
		json_decref(m);
		live_fail(c, 4400, "bad_message", LIVE_BAD_MESSAGE);
		return;
	}
	c->notes = json_is_true(f);
	f = json_object_get(m, "filters");
	if (f && !json_is_object(f)) {
		json_decref(m);
		live_fail(c, 4400, "bad_filters", LIVE_BAD_FILTERS);
		return;
	}
	if (live_filter_set(&c->env, json_object_get(f, "environment")) ||
	    live_filter_set(&c->interceptor, json_object_get(f, "interceptor")) ||
	    live_filter_set(&c->action, json_object_get(f, "action")) ||
	    live_filter_set(&c->severity, json_object_get(f, "severity"))) {
		json_decref(m);
		live_fail(c, 4400, "bad_filters", LIVE_BAD_FILTERS);
		return;
	}
	json_decref(m);
	live_set_state(c, LIVE_READY);
	live_send_text(c, "{\"type\":\"subscribed\"}");
}

/* ---- the lws callback ---- */

int ws_live_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                     size_t len)
{
	struct live_conn *c = user;

	switch (reason) {
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
		char uri[32], arg[80];
		const char *ticket;
		int64_t uid, pid, sid, suid = 0, ends;
		if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0 ||
		    strcmp(uri, "/v1/live") != 0 || !live_origin_ok(wsi))
			return 1;
		ticket = lws_get_urlarg_by_name(wsi, "ticket=", arg, sizeof arg);
		if (!ticket || live_ticket_take(ticket, &uid, &pid, &sid) != 0)
			return 1; /* refused before the upgrade: 403 */
		if (pid <= 0 || sid <= 0 || pid > 0x7fffffff || sid > 0x7fffffff)
			return 1;
		if (live_session_ok(sid, timefmt_now(), &suid, &ends) != 1 || suid != uid)
			return 1; /* the session ended since the ticket was issued */
		/* the session data is not there yet: both ids ride in the wsi's
		 * opaque pointer until ESTABLISHED */
		lws_set_opaque_user_data(wsi,
		                         (void *)(uintptr_t)((uint64_t)pid << 32 | (uint64_t)sid));
		return 0;
	}
	case LWS_CALLBACK_ESTABLISHED:
		memset(c, 0, sizeof *c);
		ws_sendq_init(&c->q, c->slots, LIVE_QMAX, LIVE_QBYTES);
		c->wsi = wsi;
		c->project_id = (int64_t)((uint64_t)(uintptr_t)lws_get_opaque_user_data(wsi) >> 32);
		c->session_id =
		    (int64_t)((uint64_t)(uintptr_t)lws_get_opaque_user_data(wsi) & 0xffffffffu);
		lws_set_opaque_user_data(wsi, NULL);
		/* checked at the upgrade; this fills user_id and ends_at */
		live_session_ok(c->session_id, timefmt_now(), &c->user_id, &c->ends_at);
		LOG(LOG_INFO, "msg=\"live feed opened\" project_id=%lld user_id=%lld",
		    (long long)c->project_id, (long long)c->user_id);
		c->next = live_head;
		if (live_head)
			live_head->prev = c;
		live_head = c;
		c->linked = 1;
		live_count++;
		return 0;
	case LWS_CALLBACK_RECEIVE:
		if (ws_mask_violated(lws_get_socket_fd(wsi))) {
			/* a frame without a mask (RFC 6455 §5.1) */
			lws_close_reason(wsi, LWS_CLOSE_STATUS_PROTOCOL_ERR,
			                 (unsigned char *)"unmasked frame", 14);
			return -1;
		}
		if (c->state == LIVE_CLOSING)
			return 0;
		if (lws_frame_is_binary(wsi) || !lws_is_final_fragment(wsi) || len > 4096) {
			live_fail(c, 4400, "bad_message", LIVE_BAD_MESSAGE);
			return 0;
		}
		live_subscribe(c, in, len);
		return 0;
	case LWS_CALLBACK_SERVER_WRITEABLE:
		switch (ws_sendq_write(&c->q, wsi)) {
		case -1:
			return -1;
		case 1:
			if (c->q.len || c->close_code)
				lws_callback_on_writable(wsi);
			return 0;
		}
		if (c->close_code) {
			lws_close_reason(wsi, (enum lws_close_status)c->close_code,
			                 (unsigned char *)c->close_reason, strlen(c->close_reason));
			return -1;
		}
		return 0;
	case LWS_CALLBACK_CLOSED:
		ws_mask_forget(lws_get_socket_fd(wsi));
		if (!c || !c->linked)
			return 0;
		live_set_state(c, LIVE_CLOSING);
		ws_sendq_clear(&c->q);
		if (c->prev)
			c->prev->next = c->next;
		else
			live_head = c->next;
		if (c->next)
			c->next->prev = c->prev;
		c->linked = 0;
		live_count--;
		return 0;
	default:
		break;
	}
	return 0;
}

/* Sends msg to every live connection of project_id whose filters accept
 * (env, interceptor, action, severity). */
static void live_publish(int64_t project_id, const char *env, const char *interceptor,
                         const char *action, const char *severity, struct ws_msg *msg)
{
	int64_t now = timefmt_now();

	/* a session ended in this process (logout, password, user change)
	 * bumped the auth epoch before its answer: no event committed after
	 * that reaches its feeds */
	if (auth_epoch() != live_epoch)
		live_check_all(now);
	for (struct live_conn *c = live_head; c; c = c->next) {
		if (c->state != LIVE_READY || c->project_id != project_id)
			continue;
		if (now >= c->ends_at && live_check(c, now) != 1)
			continue; /* expired (closed), or unknown: not sent */
		if (live_filter_ok(&c->env, env) && live_filter_ok(&c->interceptor, interceptor) &&
		    live_filter_ok(&c->action, action) && live_filter_ok(&c->severity, severity))
			live_send(c, msg);
	}
}

/* Sends a note (agents, policy) to every subscribed feed of project_id. */
static void live_note(int64_t project_id, struct ws_msg *msg)
{
	int64_t now = timefmt_now();

	if (auth_epoch() != live_epoch)
		live_check_all(now);
	for (struct live_conn *c = live_head; c; c = c->next) {
		if (c->state != LIVE_READY || !c->notes || c->project_id != project_id)
			continue;
		if (now >= c->ends_at && live_check(c, now) != 1)
			continue;
		live_send(c, msg);
	}
}

/* Notes for the service thread: one closure, one message per project. */
struct live_notes {
	size_t n;
	int64_t bytes;
	struct {
		int64_t project_id;
		struct ws_msg *msg;
	} note[];
};

static void live_notes_run(void *arg, int run)
{
	struct live_notes *ln = arg;

	for (size_t i = 0; i < ln->n; i++) {
		if (run)
			live_note(ln->note[i].project_id, ln->note[i].msg);
		ws_msg_unref(ln->note[i].msg);
	}
	__atomic_sub_fetch(&live_pending, ln->bytes, __ATOMIC_RELAXED);
	free(ln);
}

/* Any thread: is there room for notes under the bound? Counts a skipped one. */
static int live_notes_room(void)
{
	if (__atomic_load_n(&live_pending, __ATOMIC_RELAXED) <= (int64_t)LIVE_PENDING_BYTES)
		return 1;
	__atomic_fetch_add(&live_notes_dropped, 1, __ATOMIC_RELAXED);
	return 0;
}

static void live_notes_post(struct live_notes *ln)
{
	if (!ln->n) {
		free(ln);
		return;
	}
	__atomic_add_fetch(&live_pending, ln->bytes, __ATOMIC_RELAXED);
	ws_hub_post(live_notes_run, ln);
}

static int live_change_cmp(const void *a, const void *b)
{
	const struct ingest_agent_change *x = *(const struct ingest_agent_change *const *)a,
	                                 *y = *(const struct ingest_agent_change *const *)b;

	if (x->project_id != y->project_id)
		return x->project_id < y->project_id ? -1 : 1;
	return x < y ? -1 : x > y; /* commit order within a project */
}

static const char *live_change_name(int kind)
{
	return kind == INGEST_AGENT_CONNECTED ? "connected"
	       : kind == INGEST_AGENT_APPLIED ? "applied"
	                                      : "disconnected";
}

void ws_live_agents_committed(void *arg, const struct ingest_agent_change *ch, size_t n)
{
	const struct ingest_agent_change **by;
	struct live_notes *ln;
	struct buf b;
	size_t i = 0, projects = 0;

	(void)arg;
	if (ws_live_watchers() <= 0 || !n || !live_notes_room())
		return;
	by = xmalloc(n * sizeof *by);
	for (size_t k = 0; k < n; k++)
		by[k] = &ch[k];
	qsort(by, n, sizeof *by, live_change_cmp);
	for (size_t k = 0; k < n; k++)
		if (k == 0 || by[k]->project_id != by[k - 1]->project_id)
			projects++;
	ln = xcalloc(1, sizeof *ln + projects * sizeof ln->note[0]);
	buf_init(&b, 16u << 10);
	while (i < n) {
		int64_t pid = by[i]->project_id;
		size_t listed = 0, more = 0;
		int first = 1;

		buf_reset(&b);
		buf_append_str(&b, "{\"type\":\"agents\",\"changes\":[");
		for (; i < n && by[i]->project_id == pid; i++) {
			const struct ingest_agent_change *c = by[i];
			int f = 1;
			if (listed == WS_LIVE_AGENT_CHANGES) {
				more++;
				continue;
			}
			if (!first)
				buf_append(&b, ",", 1);
			first = 0;
			buf_append(&b, "{", 1);
			json_out_key_str(&b, "agent_id", c->agent_id, &f);
			json_out_key_str(&b, "change", live_change_name(c->kind), &f);
			if (c->kind != INGEST_AGENT_DISCONNECTED) {
				json_out_key(&b, "policy_version", &f);
				json_out_int(&b, c->version);
			}
			if (c->kind == INGEST_AGENT_APPLIED) {
				json_out_key(&b, "ok", &f);
				buf_append_str(&b, c->ok ? "true" : "false");
			}
			buf_append(&b, "}", 1);
			listed++;
		}
		buf_printf(&b, "],\"more\":%zu}", more);
		if (buf_error(&b)) { /* cannot happen at this size; skip the note */
			buf_cleanup(&b);
			buf_init(&b, 16u << 10);
			continue;
		}
		ln->note[ln->n].project_id = pid;
		ln->note[ln->n].msg = ws_msg_new(b.data, b.len);
		ln->bytes += (int64_t)b.len;
		ln->n++;
	}
	buf_cleanup(&b);
	free(by);
	live_notes_post(ln);
}

void ws_live_policy_published(int64_t project_id, const char *env, int64_t version)
{
	struct live_notes *ln;
	struct buf b;
	int f = 1;

	if (ws_live_watchers() <= 0 || !live_notes_room())
		return;
	buf_init(&b, 256);
	buf_append_str(&b, "{");
	json_out_key_str(&b, "type", "policy", &f);
	json_out_key_str(&b, "environment", env, &f);
	json_out_key(&b, "version", &f);
	json_out_int(&b, version);
	buf_append(&b, "}", 1);
	if (buf_error(&b)) {
		buf_cleanup(&b);
		return;
	}
	ln = xcalloc(1, sizeof *ln + sizeof ln->note[0]);
	ln->note[0].project_id = project_id;
	ln->note[0].msg = ws_msg_new(b.data, b.len);
	ln->bytes = (int64_t)b.len;
	ln->n = 1;
	buf_cleanup(&b);
	live_notes_post(ln);
}

/* ---- from the writer ---- */

/* A committed batch's live messages, one closure on the hub. */
struct live_batch {
	int64_t project_id;
	char env[48];
	size_t n;
	int64_t bytes;
	struct {
		const char *interceptor, *action, *severity; /* static strings */
		struct ws_msg *msg;
	} ev[];
};

/* Tells every watching client how many events the feed skipped. */
static void live_tell_gap(void)
{
	uint64_t n = __atomic_exchange_n(&live_gap, 0, __ATOMIC_RELAXED);
	char text[80];

	if (!n)
		return;
	snprintf(text, sizeof text, "{\"type\":\"dropped\",\"events\":%llu}",
	         (unsigned long long)n);
	for (struct live_conn *c = live_head; c; c = c->next)
		if (c->state == LIVE_READY)
			live_send_text(c, text);
}

static void live_batch_run(void *arg, int run)
{
	struct live_batch *lb = arg;

	if (run)
		live_tell_gap();
	for (size_t i = 0; i < lb->n; i++) {
		if (run)
			live_publish(lb->project_id, lb->env, lb->ev[i].interceptor,
			             lb->ev[i].action, lb->ev[i].severity, lb->ev[i].msg);
		ws_msg_unref(lb->ev[i].msg);
	}
	__atomic_sub_fetch(&live_pending, lb->bytes, __ATOMIC_RELAXED);
	free(lb);
}

void ws_live_committed(void *arg, const struct ingest_commit *c)
{
	struct live_batch *lb;
	struct buf b;
	size_t n = 0;

	(void)arg;
	if (ws_live_watchers() <= 0 || c->res.accepted <= 0)
		return;
	if (__atomic_load_n(&live_pending, __ATOMIC_RELAXED) > (int64_t)LIVE_PENDING_BYTES) {
		__atomic_fetch_add(&live_dropped, (uint64_t)c->res.accepted, __ATOMIC_RELAXED);
		__atomic_fetch_add(&live_gap, (uint64_t)c->res.accepted, __ATOMIC_RELAXED);
		return;
	}
	lb = xmalloc(sizeof *lb + (size_t)c->res.accepted * sizeof lb->ev[0]);
	lb->project_id = c->project_id;
	snprintf(lb->env, sizeof lb->env, "%s", c->env);
	lb->bytes = 0;
	buf_init(&b, 64u << 10);
	for (size_t i = 0; i < c->batch->n && n < (size_t)c->res.accepted; i++) {
		const struct event *e = &c->batch->ev[i];
		if (!c->inserted[i])
			continue;
		buf_reset(&b);
		if (buf_append_str(&b, "{\"type\":\"event\",\"event\":") != MOAT_OK ||
		    event_write_json(&b, e, c->env, c->agent_id, c->received_ms) != MOAT_OK ||
		    buf_append(&b, "}", 1) != MOAT_OK) {
			buf_cleanup(&b); /* sticky: start over for the next event */
			buf_init(&b, 64u << 10);
			continue;
		}
		lb->ev[n].interceptor = e->interceptor;
		lb->ev[n].action = e->action;
		lb->ev[n].severity = e->severity;
		lb->ev[n].msg = ws_msg_new(b.data, b.len);
		lb->bytes += (int64_t)b.len;
		n++;
	}
	buf_cleanup(&b);
	lb->n = n;
	__atomic_add_fetch(&live_pending, lb->bytes, __ATOMIC_RELAXED);
	ws_hub_post(live_batch_run, lb);
}

int ws_live_metrics(struct buf *b)
{
	return buf_printf(b,
	                  "# HELP moat_live_watchers Live-feed connections subscribed now.\n"
	                  "# TYPE moat_live_watchers gauge\nmoat_live_watchers %d\n"
	                  "# HELP moat_live_events_dropped_total Events the live feed skipped"
	                  " because the service thread was behind (clients are told).\n"
	                  "# TYPE moat_live_events_dropped_total counter\n"
	                  "moat_live_events_dropped_total %llu\n"
	                  "# HELP moat_live_notes_dropped_total Agent and policy notes the live"
	                  " feed skipped because the service thread was behind.\n"
	                  "# TYPE moat_live_notes_dropped_total counter\n"
	                  "moat_live_notes_dropped_total %llu\n",
	                  ws_live_watchers(),
	                  (unsigned long long)__atomic_load_n(&live_dropped, __ATOMIC_RELAXED),
	                  (unsigned long long)__atomic_load_n(&live_notes_dropped,
	                                                      __ATOMIC_RELAXED)) == MOAT_OK
	           ? MOAT_OK
	           : MOAT_ETOOBIG;
}

void ws_live_close_all(int code)
{
	for (struct live_conn *c = live_head; c; c = c->next)
		live_fail(c, code, "going_away",
		          "the server is shutting down; reconnect with a new ticket");
}

void ws_live_sweep(void)
{
	live_check_all(timefmt_now());
}
