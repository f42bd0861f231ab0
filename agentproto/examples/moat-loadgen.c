/*
 * moat-loadgen — N simulated agents in one process, for the fan-out
 * benchmark (bench/fanout): one libwebsockets context, one thread, N
 * client connections, each with its own agent_id and a ~100-byte state
 * (struct lg_agent, handed to lws as the connection's user data).
 *
 *   moat-loadgen --url ws://127.0.0.1:8081/v1/agent --token moat_agt_... --env production
 *                --agents 1000 [--id-prefix lg-] [--hello-version V]
 *                [--connect-window 256] [--connect-timeout S]
 *                [--wait-version V --out results.tsv] [--timeout S]
 *                [--version-timeout S] [--out FILE] [--verify] [--no-applied]
 *                [--events N]
 *
 * Two ways to use it:
 *
 * 1. Interactive (what bench/fanout/run.sh does). stdout:
 *      connected N                      all N agents have their welcome
 *      version V received_by K p50_us P p99_us Q max_us M
 *    stdin, one command per line:
 *      go <ns> [V]   <ns>: CLOCK_MONOTONIC nanoseconds (same clock, same host)
 *                    at which the change was made, e.g. when the PUT
 *                    returned; V: the version to time (default: the next
 *                    one after the newest already timed or held).
 *      quit          (or end of input) exit once pending versions are reported
 *    A version is reported when every connected agent has it, or
 *    --version-timeout after its go (then K < N). Latencies are arrival
 *    minus <ns>, in microseconds, and may be negative: the server can push
 *    before the HTTP response is out. With --out FILE every arrival is also
 *    written as "version<TAB>agent_index<TAB>arrival_ns<TAB>latency_ns".
 *    A script: start loadgen, wait for "connected N", PUT the policy, read
 *    CLOCK_MONOTONIC (e.g. python time.monotonic_ns()) when the response
 *    is in, write "go <ns> <version from the PUT response>", read the line.
 *
 * 2. --wait-version V --out FILE: waits until every agent holds version V
 *    or newer (or --timeout), writes "agent_index<TAB>arrival_ns" (header
 *    line first; arrival_ns is CLOCK_MONOTONIC, -1 if it never came) and
 *    exits 0 if all got it, 1 if not.
 *
 * Agents answer each policy with `applied` (unless --no-applied), like
 * real agents. By default a policy is only scanned for its version (the
 * loadgen must not be the bottleneck it measures); --verify makes each
 * agent check the SHA-256 and parse the document as libmoatagent does.
 * A dropped agent reconnects after 1 s. SIGINT/SIGTERM exit.
 *
 * --events N: each agent also reports N threat events after its welcome,
 * in batches of at most LG_EVENT_BATCH, the next only after the previous
 * one's ack (within the server's starting credits). They vary the
 * interceptor, action, severity, endpoint and source address by number, so
 * a dashboard has something to chart; stdout says "events acked N" once
 * every agent's events are acknowledged. For tests and demonstrations,
 * not measurements.
 *
 * Threads: main runs lws; a reader thread turns stdin lines into commands
 * (mutex + lws_cancel_service, the one cross-thread lws call).
 */
#include <libwebsockets.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ma_int.h"

#define LG_MAX_TRACK   64
#define LG_RETRY_NS    1000000000LL
#define LG_TICK_US     50000
#define LG_EVENT_BATCH 20 /* = the server's starting credits (welcome) */

enum { LG_IDLE = 0, LG_CONNECTING, LG_OPEN, LG_READY, LG_DEAD };

struct lg_agent {
	struct lws *wsi;
	int64_t version;         /* held */
	int64_t version_ns;      /* when it arrived */
	int64_t applied_version; /* to send, 0: none */
	int64_t retry_at_ns;
	char *rx; /* only while a fragmented message is in progress */
	uint32_t rx_len;
	uint32_t index;
	uint32_t events_left; /* --events: still to send */
	int64_t events_seq;   /* the last batch's seq */
	uint8_t batch_out;    /* a batch sent and not yet acknowledged */
	uint8_t state;
	uint8_t want_hello;
	uint8_t rx_binary;
};

struct lg_track {
	int64_t version;
	int64_t *arrival; /* per agent, -1: not yet */
	uint32_t received;
	int has_go, reported;
	int64_t go_ns, deadline_ns;
};

struct lg_opts {
	const char *url, *token, *env, *id_prefix, *out;
	long agents, connect_window;
	long long hello_version, wait_version;
	long timeout_s, version_timeout_s, connect_timeout_s;
	int verify, no_applied;
	long events;
};

struct lg {
	struct lg_opts o;
	struct ma_url u;
	char hosthdr[300], bearer[600];
	struct lws_context *ctx;
	struct lg_agent *agents;
	long connecting, ready, drops, failures;
	long long events_acked;
	int events_printed;
	int printed_connected;
	int64_t start_ns, connected_ns;
	int64_t base_version; /* newest held when "connected" was printed */
	struct lg_track tracks[LG_MAX_TRACK];
	int ntracks;
	int64_t last_timed;
	FILE *out;
	int quit_requested, done, exit_code;
	lws_sorted_usec_list_t sul_tick;
	/* stdin commands: the reader thread appends, the lws thread takes */
	pthread_mutex_t cmd_lock;
	char cmd[16][128];
	int ncmd, stdin_eof;
	int ctx_gone; /* under cmd_lock: the reader must not wake a destroyed context */
};

static struct lg G;
static volatile sig_atomic_t lg_signalled;

static int64_t lg_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- a tiny scanner for top-level members (no full parse per message) ---- */

static const char *lg_skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static const char *lg_skip_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

static const char *lg_skip_value(const char *p, const char *end)
{
	int depth = 0;

	if (p < end && *p == '"')
		return lg_skip_string(p, end);
	while (p < end) {
		if (*p == '"') {
			p = lg_skip_string(p, end);
			if (!p)
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			if (depth == 0)
				return p;
			if (--depth == 0)
				return p + 1;
		} else if (*p == ',' && depth == 0) {
			return p;
		}
		p++;
	}
	return NULL;
}

/* The value of top-level member key (a plain key), or NULL. */
static const char *lg_member(const char *s, size_t len, const char *key)
{
	const char *p = s, *end = s + len;
	size_t kl = strlen(key);

	p = lg_skip_ws(p, end);
	if (p >= end || *p != '{')
		return NULL;
	p++;
	for (;;) {
		const char *k, *kend;
		p = lg_skip_ws(p, end);
		if (p >= end || *p != '"')
			return NULL;
		k = p + 1;
		kend = lg_skip_string(p, end);
		if (!kend)
			return NULL;
		p = lg_skip_ws(kend, end);
		if (p >= end || *p != ':')
			return NULL;
		p = lg_skip_ws(p + 1, end);
		if ((size_t)(kend - 1 - k) == kl && !memcmp(k, key, kl))
			return p;
		p = lg_skip_value(p, end);
		if (!p)
			return NULL;
		p = lg_skip_ws(p, end);
		if (p >= end || *p != ',')
			return NULL;
		p++;
	}
}

/* ---- version tracking ---- */

static struct lg_track *lg_track_get(int64_t version, int create)
{
	struct lg_track *t;

	for (int i = 0; i < G.ntracks; i++)
		if (G.tracks[i].version == version)
			return &G.tracks[i];
	if (!create || G.ntracks == LG_MAX_TRACK)
		return NULL;
	t = &G.tracks[G.ntracks++];
	memset(t, 0, sizeof *t);
	t->version = version;
	t->arrival = ma_malloc(sizeof *t->arrival * (size_t)G.o.agents);
	for (long i = 0; i < G.o.agents; i++) {
		struct lg_agent *ag = &G.agents[i];
		t->arrival[i] = ag->version >= version ? ag->version_ns : -1;
		if (t->arrival[i] >= 0)
			t->received++;
	}
	return t;
}

static void lg_on_version(struct lg_agent *ag, int64_t version, int64_t now)
{
	if (version <= ag->version)
		return;
	ag->version = version;
	ag->version_ns = now;
	lg_track_get(version, 1);
	for (int i = 0; i < G.ntracks; i++) {
		struct lg_track *t = &G.tracks[i];
		if (t->version <= version && t->arrival[ag->index] < 0) {
			t->arrival[ag->index] = now;
			t->received++;
		}
	}
}

static int lg_cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int64_t lg_rank(const int64_t *v, size_t n, double q)
{
	size_t k = (size_t)(q * (double)n + 0.999999);

	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

static void lg_report(struct lg_track *t)
{
	int64_t *lat = ma_malloc(sizeof *lat * (size_t)G.o.agents);
	size_t n = 0;

	for (long i = 0; i < G.o.agents; i++) {
		if (t->arrival[i] < 0)
			continue;
		lat[n++] = t->arrival[i] - t->go_ns;
		if (G.out)
			fprintf(G.out, "%lld\t%ld\t%lld\t%lld\n", (long long)t->version, i,
			        (long long)t->arrival[i], (long long)(t->arrival[i] - t->go_ns));
	}
	qsort(lat, n, sizeof *lat, lg_cmp64);
	if (n)
		printf("version %lld received_by %zu p50_us %lld p99_us %lld max_us %lld\n",
		       (long long)t->version, n, (long long)(lg_rank(lat, n, 0.50) / 1000),
		       (long long)(lg_rank(lat, n, 0.99) / 1000), (long long)(lat[n - 1] / 1000));
	else
		printf("version %lld received_by 0 p50_us - p99_us - max_us -\n",
		       (long long)t->version);
	if (G.out)
		fflush(G.out);
	free(lat);
	t->reported = 1;
	if (t->version > G.last_timed)
		G.last_timed = t->version;
}

/* ---- connections ---- */

static void lg_connect(struct lg_agent *ag)
{
	struct lws_client_connect_info ci;

	memset(&ci, 0, sizeof ci);
	ci.context = G.ctx;
	ci.address = G.u.host;
	ci.port = G.u.port;
	ci.ssl_connection = G.u.tls ? LCCSCF_USE_SSL : 0;
	ci.path = G.u.path;
	ci.host = G.hosthdr;
	ci.protocol = "moat.agent.v1";
	ci.local_protocol_name = "moat.agent.v1";
	ci.ietf_version_or_minus_one = -1;
	ci.userdata = ag; /* the per-session user data: no allocation by lws */
	ci.pwsi = &ag->wsi;
	ag->state = LG_CONNECTING;
	G.connecting++;
	if (!lws_client_connect_via_info(&ci) && ag->state == LG_CONNECTING) {
		ag->state = LG_DEAD;
		ag->retry_at_ns = lg_now_ns() + LG_RETRY_NS;
		G.connecting--;
		G.failures++;
	}
}

static void lg_lost(struct lg_agent *ag, const char *why)
{
	if (G.done) { /* the context is being destroyed */
		ag->state = LG_DEAD;
		ag->wsi = NULL;
		return;
	}
	if (ag->state == LG_CONNECTING || ag->state == LG_OPEN)
		G.connecting--;
	if (ag->state == LG_READY) {
		G.ready--;
		G.drops++;
	} else if (ag->state != LG_DEAD) {
		G.failures++;
	}
	if (G.drops + G.failures <= 10)
		fprintf(stderr, "moat-loadgen: agent %u: %s\n", ag->index, why);
	ag->state = LG_DEAD;
	ag->wsi = NULL;
	ag->retry_at_ns = lg_now_ns() + LG_RETRY_NS;
	free(ag->rx);
	ag->rx = NULL;
	ag->rx_len = 0;
}

static void lg_message(struct lg_agent *ag, const char *msg, size_t len, int64_t now)
{
	const char *type = lg_member(msg, len, "type");

	if (!type)
		return;
	if (!strncmp(type, "\"welcome\"", 9)) {
		if (ag->state == LG_OPEN) {
			ag->state = LG_READY;
			G.connecting--;
			G.ready++;
			if (ag->events_left) {
				ag->batch_out =
				    0; /* a batch lost with a connection is not resent */
				lws_callback_on_writable(ag->wsi);
			}
		}
	} else if (!strncmp(type, "\"ack\"", 5)) {
		const char *a = lg_member(msg, len, "accepted"),
		           *d = lg_member(msg, len, "duplicates");
		ag->batch_out = 0;
		G.events_acked += (a ? strtoll(a, NULL, 10) : 0) + (d ? strtoll(d, NULL, 10) : 0);
		if (!G.events_printed && G.events_acked >= (long long)G.o.events * G.o.agents) {
			G.events_printed = 1;
			printf("events acked %lld\n", G.events_acked);
		}
		if (ag->events_left)
			lws_callback_on_writable(ag->wsi);
	} else if (!strncmp(type, "\"policy\"", 8)) {
		const char *v = lg_member(msg, len, "version");
		int64_t version = v ? strtoll(v, NULL, 10) : 0;
		int ok = 1;
		if (version <= 0)
			return;
		if (G.o.verify) {
			struct ma_msg m;
			struct moat_policy *p = NULL;
			char reason[200];
			if (ma_proto_parse(msg, len, &m, reason, sizeof reason) == 0) {
				p = ma_policy_new(m.version, m.sha256, m.document, reason,
				                  sizeof reason);
				json_decref(m.root);
			}
			if (!p) {
				fprintf(stderr, "moat-loadgen: agent %u: policy %lld refused: %s\n",
				        ag->index, (long long)version, reason);
				ok = 0;
			}
			moat_policy_release(p);
		}
		if (ok)
			lg_on_version(ag, version, now);
		if (!G.o.no_applied) {
			ag->applied_version = ok ? version : -version;
			lws_callback_on_writable(ag->wsi);
		}
	} else if (!strncmp(type, "\"error\"", 7)) {
		if (G.drops + G.failures < 10)
			fprintf(stderr, "moat-loadgen: agent %u: server error %.*s\n", ag->index,
			        (int)(len < 300 ? len : 300), msg);
	}
}

static int lg_receive(struct lws *wsi, struct lg_agent *ag, const char *in, size_t len)
{
	int64_t now = lg_now_ns();
	int first = lws_is_first_fragment(wsi);
	int last = lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0;

	if (first)
		ag->rx_binary = (uint8_t)lws_frame_is_binary(wsi);
	if (ag->rx_binary)
		return 0;    /* not part of the protocol: ignored */
	if (first && last) { /* the common case: no copy */
		lg_message(ag, in, len, now);
		return 0;
	}
	if (first) {
		free(ag->rx);
		ag->rx = NULL;
		ag->rx_len = 0;
	}
	if ((size_t)ag->rx_len + len > MA_MAX_RX)
		return -1;
	ag->rx = ma_realloc(ag->rx, ag->rx_len + len + 1);
	memcpy(ag->rx + ag->rx_len, in, len);
	ag->rx_len += (uint32_t)len;
	if (last) {
		lg_message(ag, ag->rx, ag->rx_len, now);
		free(ag->rx);
		ag->rx = NULL;
		ag->rx_len = 0;
	}
	return 0;
}

/* Writes the agent's next batch of --events into p (cap bytes): its length,
 * or -1. Each event's id is unique to this run (start time, agent, number). */
static int lg_events_batch(struct lg_agent *ag, char *p, size_t cap)
{
	static const char *const icp[] = {"sql_injection", "xss", "command_injection", "ssrf",
	                                  "path_traversal"};
	static const char *const sev[] = {"low", "medium", "high", "critical"};
	uint32_t k = ag->events_left < LG_EVENT_BATCH ? ag->events_left : LG_EVENT_BATCH;
	struct timespec ts;
	struct tm tm;
	char when[64];
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	         (int)(ts.tv_nsec / 1000000));
	n = (size_t)snprintf(p, cap, "{\"type\":\"events\",\"seq\":%lld,\"events\":[",
	                     (long long)(ag->events_seq + 1));
	for (uint32_t i = 0; i < k && n < cap; i++) {
		uint64_t num = (uint64_t)G.o.events - ag->events_left + i;
		n += (size_t)snprintf(
		    p + n, cap - n,
		    "%s{\"id\":\"%08x-%04x-4%03x-8%03x-%012llx\",\"ts\":\"%s\","
		    "\"interceptor\":\"%s\",\"action\":\"%s\",\"severity\":\"%s\","
		    "\"confidence\":0.9,\"source_ip\":\"198.51.100.%u\",\"method\":\"GET\","
		    "\"endpoint\":\"/loadgen/%u\",\"payload\":\"' OR %llu=%llu --\"}",
		    i ? "," : "", (unsigned)(G.start_ns & 0xffffffff),
		    (unsigned)(ag->index & 0xffff), (unsigned)((ag->index >> 16) & 0xfff),
		    (unsigned)(num >> 48 & 0xfff), (unsigned long long)(num & 0xffffffffffffULL),
		    when, icp[num % 5], num % 3 ? "blocked" : "logged", sev[num % 4],
		    (unsigned)(num % 7) + 1, (unsigned)(num % 4), (unsigned long long)num,
		    (unsigned long long)num);
	}
	if (n + 3 > cap)
		return -1;
	memcpy(p + n, "]}", 3);
	ag->events_left -= k;
	ag->events_seq++;
	ag->batch_out = 1;
	return (int)n + 2;
}

static int lg_writeable(struct lws *wsi, struct lg_agent *ag)
{
	static unsigned char buf[LWS_PRE + 16384]; /* the one lws thread */
	char *p = (char *)buf + LWS_PRE;
	int n;

	if (ag->want_hello) {
		struct ma_buf b;
		char id[160];
		ag->want_hello = 0;
		snprintf(id, sizeof id, "%s%07u", G.o.id_prefix, ag->index);
		ma_buf_init(&b, 1000);
		if (ma_proto_hello(&b, id, "loadgen", "loadgen", "moat-loadgen " MOATAGENT_VERSION,
		                   G.o.env, G.o.hello_version, NULL)) {
			ma_buf_cleanup(&b);
			return -1;
		}
		memcpy(p, b.data, b.len);
		n = (int)b.len;
		ma_buf_cleanup(&b);
	} else if (ag->applied_version) {
		int64_t v = ag->applied_version;
		ag->applied_version = 0;
		n = snprintf(p, 1000, "{\"type\":\"applied\",\"version\":%lld,\"ok\":%s}",
		             (long long)(v > 0 ? v : -v), v > 0 ? "true" : "false");
	} else if (ag->state == LG_READY && ag->events_left && !ag->batch_out) {
		n = lg_events_batch(ag, p, sizeof buf - LWS_PRE);
		if (n < 0)
			return -1;
	} else {
		return 0;
	}
	if (lws_write(wsi, (unsigned char *)p, (size_t)n, LWS_WRITE_TEXT) < n)
		return -1;
	/* one write per callback: ask again for what is still to send */
	if (ag->applied_version || (ag->state == LG_READY && ag->events_left && !ag->batch_out))
		lws_callback_on_writable(wsi);
	return 0;
}

static void lg_take_commands(void);

static int lg_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                       size_t len)
{
	struct lg_agent *ag = user;

	switch (reason) {
	case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
		lg_take_commands();
		return 0;
	case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER: {
		unsigned char **p = in, *end = *p + len;
		if (lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_AUTHORIZATION,
		                                 (unsigned char *)G.bearer, (int)strlen(G.bearer),
		                                 p, end))
			return -1;
		return 0;
	}
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		if (!ag)
			return -1;
		ag->wsi = wsi;
		ag->state = LG_OPEN;
		ag->want_hello = 1;
		lws_callback_on_writable(wsi);
		return 0;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		return ag ? lg_receive(wsi, ag, in, len) : 0;
	case LWS_CALLBACK_CLIENT_WRITEABLE:
		return ag ? lg_writeable(wsi, ag) : 0;
	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (ag && len >= 2 && G.drops + G.failures < 10) {
			const unsigned char *b = in;
			fprintf(stderr, "moat-loadgen: agent %u: server closed with %d\n",
			        ag->index, (b[0] << 8) | b[1]);
		}
		return 0;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		if (ag && ag->state != LG_DEAD)
			lg_lost(ag, in ? (const char *)in : "connection error");
		return 0;
	case LWS_CALLBACK_CLIENT_CLOSED:
	case LWS_CALLBACK_CLOSED_CLIENT_HTTP:
	case LWS_CALLBACK_WSI_DESTROY: /* whichever comes: never keep a freed wsi */
		if (ag && ag->state != LG_DEAD && (!ag->wsi || ag->wsi == wsi))
			lg_lost(ag, "closed");
		return 0;
	default:
		return 0;
	}
}

static const struct lws_protocols lg_protocols[] = {
    {"moat.agent.v1", lg_callback, 0, 0, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

/* ---- commands ---- */

static void lg_go(const char *args)
{
	long long ns = 0, v = 0;
	int n = sscanf(args, "%lld %lld", &ns, &v);
	struct lg_track *t;

	if (n < 1 || ns <= 0) {
		fprintf(stderr, "moat-loadgen: bad command: go %s\n", args);
		return;
	}
	if (n < 2) {
		v = G.last_timed > G.base_version ? G.last_timed + 1 : G.base_version + 1;
		for (int i = 0; i < G.ntracks; i++)
			if (G.tracks[i].has_go && G.tracks[i].version >= v)
				v = G.tracks[i].version + 1;
	}
	t = lg_track_get(v, 1);
	if (!t) {
		fprintf(stderr, "moat-loadgen: too many versions tracked\n");
		return;
	}
	t->has_go = 1;
	t->reported = 0;
	t->go_ns = ns;
	t->deadline_ns = lg_now_ns() + (int64_t)G.o.version_timeout_s * 1000000000LL;
}

static void lg_take_commands(void)
{
	char cmds[16][128];
	int n, eof;

	pthread_mutex_lock(&G.cmd_lock);
	n = G.ncmd;
	memcpy(cmds, G.cmd, sizeof cmds[0] * (size_t)n);
	G.ncmd = 0;
	eof = G.stdin_eof;
	pthread_mutex_unlock(&G.cmd_lock);
	for (int i = 0; i < n; i++) {
		if (!strncmp(cmds[i], "go ", 3))
			lg_go(cmds[i] + 3);
		else if (!strcmp(cmds[i], "quit"))
			G.quit_requested = 1;
		else if (cmds[i][0])
			fprintf(stderr, "moat-loadgen: unknown command: %s\n", cmds[i]);
	}
	if (eof)
		G.quit_requested = 1;
}

static void *lg_stdin_thread(void *arg)
{
	char line[128];

	(void)arg;
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\r\n")] = '\0';
		pthread_mutex_lock(&G.cmd_lock);
		if (G.ncmd < 16)
			snprintf(G.cmd[G.ncmd++], sizeof G.cmd[0], "%s", line);
		if (!G.ctx_gone)
			lws_cancel_service(G.ctx);
		pthread_mutex_unlock(&G.cmd_lock);
	}
	pthread_mutex_lock(&G.cmd_lock);
	G.stdin_eof = 1;
	if (!G.ctx_gone)
		lws_cancel_service(G.ctx);
	pthread_mutex_unlock(&G.cmd_lock);
	return NULL;
}

/* ---- the tick: connecting, reconnecting, reporting, deadlines ---- */

static void lg_write_wait_results(struct lg_track *t)
{
	FILE *f = fopen(G.o.out, "w");

	if (!f) {
		perror(G.o.out);
		G.exit_code = 2;
		return;
	}
	fprintf(f, "agent_index\tarrival_ns\n");
	for (long i = 0; i < G.o.agents; i++)
		fprintf(f, "%ld\t%lld\n", i, (long long)(t ? t->arrival[i] : -1));
	fclose(f);
}

/* Connected agents that do not have t's version yet. */
static long lg_missing(const struct lg_track *t)
{
	long n = 0;

	for (long i = 0; i < G.o.agents; i++)
		if (G.agents[i].state == LG_READY && t->arrival[i] < 0)
			n++;
	return n;
}

static void lg_tick(lws_sorted_usec_list_t *sul)
{
	int64_t now = lg_now_ns();
	int pending = 0;

	(void)sul;
	if (lg_signalled) {
		G.done = 1;
		return;
	}
	for (long i = 0; i < G.o.agents && G.connecting < G.o.connect_window; i++) {
		struct lg_agent *ag = &G.agents[i];
		if (ag->state == LG_IDLE || (ag->state == LG_DEAD && now >= ag->retry_at_ns))
			lg_connect(ag);
	}
	if (!G.printed_connected &&
	    (G.ready == G.o.agents ||
	     now - G.start_ns > (int64_t)G.o.connect_timeout_s * 1000000000LL)) {
		G.printed_connected = 1;
		G.connected_ns = now;
		for (long i = 0; i < G.o.agents; i++)
			if (G.agents[i].version > G.base_version)
				G.base_version = G.agents[i].version;
		if (G.ready < G.o.agents)
			fprintf(stderr, "moat-loadgen: only %ld of %ld agents connected\n", G.ready,
			        G.o.agents);
		printf("connected %ld\n", G.ready);
	}
	if (G.o.wait_version) {
		struct lg_track *t = lg_track_get(G.o.wait_version, 1);
		int all = t && (long)t->received >= G.o.agents;
		if (all || now - G.start_ns > (int64_t)G.o.timeout_s * 1000000000LL) {
			lg_write_wait_results(t);
			if (!all) {
				fprintf(stderr, "moat-loadgen: %u of %ld agents got version %lld\n",
				        t ? t->received : 0, G.o.agents, G.o.wait_version);
				G.exit_code = G.exit_code ? G.exit_code : 1;
			}
			G.done = 1;
			return;
		}
	}
	for (int i = 0; i < G.ntracks; i++) {
		struct lg_track *t = &G.tracks[i];
		if (!t->has_go || t->reported)
			continue;
		if ((t->received > 0 && lg_missing(t) == 0) || now >= t->deadline_ns)
			lg_report(t);
		else
			pending = 1;
	}
	if (G.quit_requested && !pending) {
		G.done = 1;
		return;
	}
	lws_sul_schedule(G.ctx, 0, &G.sul_tick, lg_tick, LG_TICK_US);
}

/* ---- setup ---- */

static void lg_usage(void)
{
	fprintf(stderr,
	        "usage: moat-loadgen --url URL --token TOKEN --env ENV --agents N\n"
	        "         [--id-prefix P] [--hello-version V] [--connect-window W]\n"
	        "         [--connect-timeout S] [--wait-version V --out FILE] [--timeout S]\n"
	        "         [--version-timeout S] [--out FILE] [--verify] [--no-applied]\n"
	        "         [--events N]\n");
}

static int lg_num(const char *s, long long min, long long max, long long *out)
{
	char *end = NULL;
	long long v;

	if (!s || !*s)
		return -1;
	v = strtoll(s, &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int lg_parse(int argc, char **argv, struct lg_opts *o)
{
	long long v;

	memset(o, 0, sizeof *o);
	o->id_prefix = "lg-";
	o->agents = 1;
	o->connect_window = 256;
	o->timeout_s = 120;
	o->version_timeout_s = 60;
	o->connect_timeout_s = 120;
	for (int i = 1; i < argc; i++) {
		const char *k = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(k, "--verify")) {
			o->verify = 1;
			continue;
		}
		if (!strcmp(k, "--no-applied")) {
			o->no_applied = 1;
			continue;
		}
		if (!val)
			return -1;
		i++;
		if (!strcmp(k, "--url"))
			o->url = val;
		else if (!strcmp(k, "--token"))
			o->token = val;
		else if (!strcmp(k, "--env"))
			o->env = val;
		else if (!strcmp(k, "--id-prefix") && strlen(val) <= 100)
			o->id_prefix = val;
		else if (!strcmp(k, "--out"))
			o->out = val;
		else if (!strcmp(k, "--agents") && !lg_num(val, 1, 1000000, &v))
			o->agents = (long)v;
		else if (!strcmp(k, "--events") && !lg_num(val, 0, 1000000, &v))
			o->events = (long)v;
		else if (!strcmp(k, "--connect-window") && !lg_num(val, 1, 100000, &v))
			o->connect_window = (long)v;
		else if (!strcmp(k, "--hello-version") && !lg_num(val, 0, INT64_MAX, &v))
			o->hello_version = v;
		else if (!strcmp(k, "--wait-version") && !lg_num(val, 1, INT64_MAX, &v))
			o->wait_version = v;
		else if (!strcmp(k, "--timeout") && !lg_num(val, 1, 86400, &v))
			o->timeout_s = (long)v;
		else if (!strcmp(k, "--version-timeout") && !lg_num(val, 1, 86400, &v))
			o->version_timeout_s = (long)v;
		else if (!strcmp(k, "--connect-timeout") && !lg_num(val, 1, 86400, &v))
			o->connect_timeout_s = (long)v;
		else
			return -1;
	}
	if (!o->url || !o->token || !o->env || (o->wait_version && !o->out))
		return -1;
	return 0;
}

/* Room for one socket per agent, plus lws's own and stdio. */
static int lg_raise_fd_limit(long agents)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)agents + 256;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return -1;
	if (rl.rlim_cur >= want)
		return 0;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want) {
		fprintf(stderr, "moat-loadgen: the fd limit is %llu; %ld agents need %llu\n",
		        (unsigned long long)rl.rlim_max, agents, (unsigned long long)want);
		return -1;
	}
	rl.rlim_cur = want;
	return setrlimit(RLIMIT_NOFILE, &rl);
}

static void lg_on_signal(int sig)
{
	(void)sig;
	lg_signalled = 1;
}

int main(int argc, char **argv)
{
	struct lws_context_creation_info info;
	pthread_t reader;
	int n;

	if (lg_parse(argc, argv, &G.o) || ma_url_parse(G.o.url, &G.u)) {
		lg_usage();
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (lg_raise_fd_limit(G.o.agents))
		return 2;
	n = snprintf(G.bearer, sizeof G.bearer, "Bearer %s", G.o.token);
	if (n < 0 || (size_t)n >= sizeof G.bearer)
		return 2;
	if (strchr(G.u.host, ':'))
		snprintf(G.hosthdr, sizeof G.hosthdr, "[%s]:%d", G.u.host, G.u.port);
	else
		snprintf(G.hosthdr, sizeof G.hosthdr, "%s:%d", G.u.host, G.u.port);
	if (G.o.out && !G.o.wait_version) {
		G.out = fopen(G.o.out, "w");
		if (!G.out) {
			perror(G.o.out);
			return 2;
		}
		fprintf(G.out, "version\tagent_index\tarrival_ns\tlatency_ns\n");
	}
	G.agents = ma_calloc((size_t)G.o.agents, sizeof *G.agents);
	for (long i = 0; i < G.o.agents; i++) {
		G.agents[i].index = (uint32_t)i;
		G.agents[i].version = (int64_t)G.o.hello_version;
		G.agents[i].events_left = (uint32_t)G.o.events;
	}
	pthread_mutex_init(&G.cmd_lock, NULL);
	signal(SIGINT, lg_on_signal);
	signal(SIGTERM, lg_on_signal);
	signal(SIGPIPE, SIG_IGN);
	lws_set_log_level(LLL_ERR, NULL);

	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = lg_protocols;
	info.connect_timeout_secs = 20;
	info.timeout_secs = 20;
	if (G.u.tls)
		info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
	G.ctx = lws_create_context(&info);
	if (!G.ctx) {
		fprintf(stderr, "moat-loadgen: cannot create the lws context\n");
		return 2;
	}
	G.start_ns = lg_now_ns();
	if (!G.o.wait_version)
		pthread_create(&reader, NULL, lg_stdin_thread, NULL);
	lws_sul_schedule(G.ctx, 0, &G.sul_tick, lg_tick, 1);
	while (!G.done)
		if (lws_service(G.ctx, 0) < 0)
			break;
	G.done = 1;
	pthread_mutex_lock(&G.cmd_lock);
	G.ctx_gone = 1;
	pthread_mutex_unlock(&G.cmd_lock);
	lws_context_destroy(G.ctx);
	if (G.out)
		fclose(G.out);
	if (G.drops || G.failures)
		fprintf(stderr, "moat-loadgen: %ld drops, %ld failed connects\n", G.drops,
		        G.failures);
	fflush(stdout);
	/* the stdin reader may still block in fgets: leave without joining it */
	_exit(G.exit_code);
}
