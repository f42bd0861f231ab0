/*
 * ws_load — WebSocket ingestion load for moatd: N agents in one process
 * (one libwebsockets 4.1.6 context, one thread, N client connections to
 * /v1/agent with subprotocol moat.agent.v1 and a bearer agent token). Each
 * says hello, then streams `events` batches of valid events (unique random
 * UUIDs, ts = now; gen.h) keeping up to --inflight batches unacknowledged,
 * as the protocol allows (8).
 *
 *   ws_load --host 127.0.0.1 --port PORT --token moat_agt_... [--env production]
 *           [--agents 100] [--batch 500] [--inflight 8] [--seconds 15]
 *           [--warmup 2] [--rate EVENTS_PER_S] [--id-prefix bench-]
 *
 * --rate paces the total event rate (a token bucket shared by the agents,
 * handed out round robin in whole batches); without it every agent sends
 * whenever it has fewer than --inflight batches unacknowledged.
 *
 * Credits (agentproto/PROTOCOL.md): when the server's welcome and acks say
 * "credits", an agent keeps at most that many events unacknowledged,
 * sending a smaller batch (the template cut after k events) when fewer are
 * left; credits=1 in the output says the server gave them. Against a
 * server that gives none it behaves as before.
 *
 * Phases: connect (every agent welcomed, at most 30 s) -> warm-up (sending,
 * not counted) -> measurement (--seconds) -> drain (no new batches; at most
 * 120 s for the outstanding acks). Counted: events accepted in acks received
 * during the measurement, divided by its length (events_per_s); ack latency
 * (lws_write of the batch -> its ack read) of every batch sent during the
 * measurement. Under saturation moatd commits in large groups, so acks
 * come in bursts seconds apart and a window rate is coarse; run_events_per_s
 * is exact: every event acknowledged in the whole run (warm-up and drain
 * included, so the queue ends empty) over the time from the first batch
 * sent to the last ack received.
 * Prints on stdout one line of key=value pairs:
 *   ws agents=.. batch=.. seconds=.. events=.. events_per_s=.. batches=..
 *      p50_ms=.. p99_ms=.. max_ms=.. duplicates=.. rejected=.. drops=..
 *      unacked=.. client_cpu_pct=.. gen_cpu_pct=.. rate_target=..
 *      run_seconds=.. run_events=.. run_events_per_s=..
 * client_cpu_pct is this process's CPU (user + system) over the measurement
 * as a percentage of one core, gen_cpu_pct the part spent building batches:
 * if either nears 100 the client, not moatd, is the limit.
 *
 * Exit status: 0 when the run happened (whatever the numbers), 2 when it
 * could not (bad arguments, no agent connected).
 */
#define _GNU_SOURCE
#include <libwebsockets.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"

#define WL_MAX_INFLIGHT 64
#define WL_TICK_US      1000
#define WL_CONNECT_NS   30000000000LL
#define WL_DRAIN_NS     120000000000LL
#define WL_RETRY_NS     1000000000LL
#define WL_RX_MAX       (1u << 20)

enum { A_IDLE = 0, A_CONNECTING, A_OPEN, A_READY, A_DEAD };
enum { P_CONNECT = 0, P_WARMUP, P_MEASURE, P_DRAIN, P_DONE };

struct wl_flight {
	int64_t seq;
	int64_t sent_ns;
	int events;
};

/* One agent: lws's per-connection user data (owned by main, not lws). */
struct wl_agent {
	struct lws *wsi;
	uint32_t index;
	uint8_t state;
	uint8_t want_hello;
	int inflight;
	int64_t credits; /* paced: events granted and not yet sent */
	int64_t window; /* the server's credits: events it may have unacknowledged (0: none said) */
	int64_t unacked_ev; /* events sent and not yet acknowledged */
	int64_t next_seq;
	int64_t retry_at_ns;
	struct wl_flight fl[WL_MAX_INFLIGHT];
	char *rx;
	uint32_t rx_len;
};

struct wl_opts {
	const char *host, *token, *env, *id_prefix;
	int port, agents, batch, inflight;
	double seconds, warmup, rate;
};

static struct {
	struct wl_opts o;
	struct lws_context *ctx;
	lws_sorted_usec_list_t sul;
	struct wl_agent *agents;
	char bearer[256];
	char hosthdr[300];
	/* the batch: {"type":"events","events":TEMPLATE,"seq":N} */
	char *tmpl;
	size_t tmpl_len, *uuid_off, *ts_off;
	size_t *cut;       /* cut[k]: the template's length up to the end of its k-th event */
	int credited;      /* the server said credits */
	unsigned char *tx; /* LWS_PRE + message */
	size_t tx_cap;
	uint64_t rng;
	int phase;
	int ready, connecting;
	long drops, failures;
	int64_t t_phase, t_start, t_end, t_last_tick;
	double credit; /* paced: events allowed and not yet granted */
	uint32_t rr;
	/* results */
	long long accepted, duplicates, rejected, batches;
	long long run_accepted; /* every ack, warm-up and drain included */
	int64_t first_send_ns, last_ack_ns;
	int64_t *lat;
	size_t nlat, caplat;
	struct rusage ru_start, ru_end;
	int64_t gen_ns;
	int exit_code;
} G;

static volatile sig_atomic_t wl_signalled;

static int64_t wl_thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void wl_lat_add(int64_t ns)
{
	if (G.nlat == G.caplat) {
		G.caplat = G.caplat ? G.caplat * 2 : 4096;
		G.lat = realloc(G.lat, G.caplat * sizeof *G.lat);
		if (!G.lat) {
			fprintf(stderr, "ws_load: out of memory\n");
			exit(2);
		}
	}
	G.lat[G.nlat++] = ns;
}

static int wl_can_send(const struct wl_agent *ag)
{
	if (ag->state != A_READY || (G.phase != P_WARMUP && G.phase != P_MEASURE))
		return 0;
	if (ag->inflight >= G.o.inflight)
		return 0;
	if (ag->window > 0 && ag->unacked_ev >= ag->window)
		return 0; /* the server's credits are used up: wait for an ack */
	return G.o.rate > 0 ? ag->credits > 0 : 1;
}

/* Events in the next batch: --batch, fewer when the server's credits or
 * (paced) the events granted are fewer. */
static int wl_batch_size(const struct wl_agent *ag)
{
	int64_t k = G.o.batch;

	if (ag->window > 0 && ag->window - ag->unacked_ev < k)
		k = ag->window - ag->unacked_ev;
	if (G.o.rate > 0 && ag->credits < k)
		k = ag->credits;
	return k < 1 ? 1 : (int)k;
}

/* ---- connections ---- */

static void wl_connect(struct wl_agent *ag)
{
	struct lws_client_connect_info ci;

	memset(&ci, 0, sizeof ci);
	ci.context = G.ctx;
	ci.address = G.o.host;
	ci.port = G.o.port;
	ci.path = "/v1/agent";
	ci.host = G.hosthdr;
	ci.protocol = "moat.agent.v1";
	ci.local_protocol_name = "moat.agent.v1";
	ci.ietf_version_or_minus_one = -1;
	ci.userdata = ag;
	ci.pwsi = &ag->wsi;
	ag->state = A_CONNECTING;
	G.connecting++;
	if (!lws_client_connect_via_info(&ci) && ag->state == A_CONNECTING) {
		ag->state = A_DEAD;
		ag->retry_at_ns = gen_mono_ns() + WL_RETRY_NS;
		G.connecting--;
		G.failures++;
	}
}

static void wl_lost(struct wl_agent *ag, const char *why)
{
	if (ag->state == A_CONNECTING || ag->state == A_OPEN)
		G.connecting--;
	if (ag->state == A_READY) {
		G.ready--;
		G.drops++;
	} else if (ag->state != A_DEAD) {
		G.failures++;
	}
	if (G.phase != P_DONE && G.drops + G.failures <= 10)
		fprintf(stderr, "ws_load: agent %u: %s\n", ag->index, why);
	ag->state = A_DEAD;
	ag->wsi = NULL;
	ag->inflight = 0; /* lost with the connection: a benchmark does not resend */
	ag->credits = 0;
	ag->window = 0;
	ag->unacked_ev = 0;
	ag->retry_at_ns = gen_mono_ns() + WL_RETRY_NS;
	free(ag->rx);
	ag->rx = NULL;
	ag->rx_len = 0;
}

/* ---- messages ---- */

/* The integer after "key": in msg, or -1. */
static long long wl_int(const char *msg, size_t len, const char *key)
{
	char pat[48];
	const char *p;
	int n = snprintf(pat, sizeof pat, "\"%s\":", key);

	p = memmem(msg, len, pat, (size_t)n);
	if (!p)
		return -1;
	return strtoll(p + n, NULL, 10);
}

static void wl_ack(struct wl_agent *ag, const char *msg, size_t len, int64_t now)
{
	long long seq = wl_int(msg, len, "seq"), acc = wl_int(msg, len, "accepted"),
	          dup = wl_int(msg, len, "duplicates");
	const char *rej = memmem(msg, len, "\"rejected\":[", 12);
	int i;

	for (i = 0; i < ag->inflight; i++)
		if (ag->fl[i].seq == seq)
			break;
	if (i == ag->inflight) {
		fprintf(stderr, "ws_load: agent %u: ack for unknown seq %lld\n", ag->index, seq);
		return;
	}
	if (rej && rej[12] != ']') {
		G.rejected++;
		if (G.rejected <= 3)
			fprintf(stderr, "ws_load: agent %u: rejected events: %.*s\n", ag->index,
			        (int)(len < 400 ? len : 400), msg);
	}
	{
		long long cr = wl_int(msg, len, "credits");
		if (cr > 0) {
			ag->window = cr;
			G.credited = 1;
		}
	}
	G.run_accepted += acc > 0 ? acc : 0;
	G.last_ack_ns = now;
	if (now >= G.t_start && G.t_start && (!G.t_end || now <= G.t_end)) {
		G.accepted += acc > 0 ? acc : 0;
		G.duplicates += dup > 0 ? dup : 0;
		G.batches++;
	}
	if (G.t_start && ag->fl[i].sent_ns >= G.t_start &&
	    (!G.t_end || ag->fl[i].sent_ns < G.t_end))
		wl_lat_add(now - ag->fl[i].sent_ns);
	ag->unacked_ev -= ag->fl[i].events;
	ag->fl[i] = ag->fl[--ag->inflight];
	if (wl_can_send(ag))
		lws_callback_on_writable(ag->wsi);
}

static void wl_message(struct wl_agent *ag, const char *msg, size_t len)
{
	int64_t now = gen_mono_ns();

	if (memmem(msg, len, "\"type\":\"ack\"", 12)) {
		wl_ack(ag, msg, len, now);
	} else if (memmem(msg, len, "\"type\":\"welcome\"", 16)) {
		long long cr = wl_int(msg, len, "credits");
		if (cr > 0) {
			ag->window = cr;
			G.credited = 1;
		}
		if (ag->state == A_OPEN) {
			ag->state = A_READY;
			G.connecting--;
			G.ready++;
			if (wl_can_send(ag))
				lws_callback_on_writable(ag->wsi);
		}
	} else if (memmem(msg, len, "\"type\":\"error\"", 14)) {
		if (G.drops + G.failures < 10)
			fprintf(stderr, "ws_load: agent %u: server error %.*s\n", ag->index,
			        (int)(len < 300 ? len : 300), msg);
	}
	/* policy: not needed by a load generator */
}

static int wl_receive(struct lws *wsi, struct wl_agent *ag, const char *in, size_t len)
{
	int first = lws_is_first_fragment(wsi);
	int last = lws_is_final_fragment(wsi) && lws_remaining_packet_payload(wsi) == 0;

	if (first && last) {
		wl_message(ag, in, len);
		return 0;
	}
	if (first) {
		free(ag->rx);
		ag->rx = NULL;
		ag->rx_len = 0;
	}
	if ((size_t)ag->rx_len + len > WL_RX_MAX)
		return -1;
	ag->rx = realloc(ag->rx, ag->rx_len + len + 1);
	if (!ag->rx)
		return -1;
	memcpy(ag->rx + ag->rx_len, in, len);
	ag->rx_len += (uint32_t)len;
	if (last) {
		wl_message(ag, ag->rx, ag->rx_len);
		free(ag->rx);
		ag->rx = NULL;
		ag->rx_len = 0;
	}
	return 0;
}

/* Builds the next batch of k events in G.tx (after LWS_PRE); returns its
 * length. */
static size_t wl_build(struct wl_agent *ag, int k)
{
	static const char head[] = "{\"type\":\"events\",\"events\":";
	char *p = (char *)G.tx + LWS_PRE;
	int64_t c0 = wl_thread_cpu_ns();
	size_t n = sizeof head - 1;
	int t;

	memcpy(p, head, n);
	memcpy(p + n, G.tmpl, G.cut[k]);
	gen_patch(p + n, (size_t)k, G.uuid_off, G.ts_off, &G.rng, gen_now_ms());
	n += G.cut[k];
	if (k < G.o.batch)
		p[n++] = ']';
	t = snprintf(p + n, 64, ",\"seq\":%lld}", (long long)ag->next_seq);
	n += (size_t)t;
	if (G.phase == P_MEASURE)
		G.gen_ns += wl_thread_cpu_ns() - c0;
	return n;
}

static int wl_writeable(struct lws *wsi, struct wl_agent *ag)
{
	char *p = (char *)G.tx + LWS_PRE;
	size_t n;
	int k;

	if (ag->want_hello) {
		ag->want_hello = 0;
		n = (size_t)snprintf(p, 1024,
		                     "{\"type\":\"hello\",\"protocol\":1,\"agent_id\":\"%s%04u\","
		                     "\"hostname\":\"bench-host-%04u\",\"runtime\":\"c\","
		                     "\"agent_version\":\"ws_load 1\",\"environment\":\"%s\","
		                     "\"policy_version\":0}",
		                     G.o.id_prefix, ag->index, ag->index, G.o.env);
		if (lws_write(wsi, (unsigned char *)p, n, LWS_WRITE_TEXT) < (int)n)
			return -1;
		return 0;
	}
	if (!wl_can_send(ag))
		return 0;
	k = wl_batch_size(ag);
	n = wl_build(ag, k);
	ag->fl[ag->inflight].events = k;
	ag->unacked_ev += k;
	ag->fl[ag->inflight].seq = ag->next_seq++;
	ag->fl[ag->inflight].sent_ns = gen_mono_ns();
	if (!G.first_send_ns)
		G.first_send_ns = ag->fl[ag->inflight].sent_ns;
	ag->inflight++;
	if (G.o.rate > 0)
		ag->credits -= k;
	if (lws_write(wsi, (unsigned char *)p, n, LWS_WRITE_TEXT) < (int)n)
		return -1;
	if (wl_can_send(ag))
		lws_callback_on_writable(wsi);
	return 0;
}

static int wl_callback(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                       size_t len)
{
	struct wl_agent *ag = user;

	switch (reason) {
	case LWS_CALLBACK_CLIENT_APPEND_HANDSHAKE_HEADER: {
		unsigned char **pp = in, *end = *pp + len;
		if (lws_add_http_header_by_token(wsi, WSI_TOKEN_HTTP_AUTHORIZATION,
		                                 (unsigned char *)G.bearer, (int)strlen(G.bearer),
		                                 pp, end))
			return -1;
		return 0;
	}
	case LWS_CALLBACK_CLIENT_ESTABLISHED:
		if (!ag)
			return -1;
		ag->wsi = wsi;
		ag->state = A_OPEN;
		ag->want_hello = 1;
		lws_callback_on_writable(wsi);
		return 0;
	case LWS_CALLBACK_CLIENT_RECEIVE:
		return ag ? wl_receive(wsi, ag, in, len) : 0;
	case LWS_CALLBACK_CLIENT_WRITEABLE:
		return ag ? wl_writeable(wsi, ag) : 0;
	case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
		if (ag && len >= 2 && G.phase != P_DONE && G.drops + G.failures < 10) {
			const unsigned char *b = in;
			fprintf(stderr, "ws_load: agent %u: server closed with %d\n", ag->index,
			        (b[0] << 8) | b[1]);
		}
		return 0;
	case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
		if (ag && ag->state != A_DEAD)
			wl_lost(ag, in ? (const char *)in : "connection error");
		return 0;
	case LWS_CALLBACK_CLIENT_CLOSED:
		if (ag && ag->state != A_DEAD)
			wl_lost(ag, "closed");
		return 0;
	default:
		return 0;
	}
}

static const struct lws_protocols wl_protocols[] = {
    {"moat.agent.v1", wl_callback, 0, 65536, 0, NULL, 0},
    {NULL, NULL, 0, 0, 0, NULL, 0},
};

/* ---- the tick: connecting, pacing, phases ---- */

static void wl_pace(int64_t now)
{
	double dt = (double)(now - G.t_last_tick) / 1e9, cap;

	G.credit += G.o.rate * dt;
	/* a backlog of at most 100 ms (or one batch): a server that cannot keep
	 * up does not get a burst afterwards */
	cap = G.o.rate * 0.1 > G.o.batch ? G.o.rate * 0.1 : G.o.batch;
	if (G.credit > cap)
		G.credit = cap;
	while (G.credit >= G.o.batch) {
		struct wl_agent *ag = NULL;
		for (int k = 0; k < G.o.agents; k++) {
			struct wl_agent *a = &G.agents[(G.rr + (uint32_t)k) % (uint32_t)G.o.agents];
			if (a->state == A_READY && a->credits == 0 && a->inflight < G.o.inflight) {
				ag = a;
				G.rr = (G.rr + (uint32_t)k + 1) % (uint32_t)G.o.agents;
				break;
			}
		}
		if (!ag)
			break;
		ag->credits += G.o.batch;
		G.credit -= G.o.batch;
		lws_callback_on_writable(ag->wsi);
	}
}

static long wl_unacked(void)
{
	long n = 0;

	for (int i = 0; i < G.o.agents; i++)
		n += G.agents[i].inflight;
	return n;
}

static void wl_tick(lws_sorted_usec_list_t *sul)
{
	int64_t now = gen_mono_ns();

	(void)sul;
	if (wl_signalled) {
		G.phase = P_DONE;
		G.exit_code = 2;
		return;
	}
	if (G.phase != P_DRAIN) {
		for (int i = 0; i < G.o.agents; i++) {
			struct wl_agent *ag = &G.agents[i];
			if (ag->state == A_IDLE || (ag->state == A_DEAD && now >= ag->retry_at_ns))
				wl_connect(ag);
		}
	}
	switch (G.phase) {
	case P_CONNECT:
		if (G.ready == G.o.agents || now - G.t_phase > WL_CONNECT_NS) {
			if (G.ready == 0) {
				fprintf(stderr, "ws_load: no agent connected\n");
				G.exit_code = 2;
				G.phase = P_DONE;
				return;
			}
			if (G.ready < G.o.agents)
				fprintf(stderr, "ws_load: only %d of %d agents connected\n",
				        G.ready, G.o.agents);
			G.phase = P_WARMUP;
			G.t_phase = now;
			G.t_last_tick = now;
			for (int i = 0; i < G.o.agents; i++)
				if (G.agents[i].state == A_READY)
					lws_callback_on_writable(G.agents[i].wsi);
		}
		break;
	case P_WARMUP:
		if (now - G.t_phase >= (int64_t)(G.o.warmup * 1e9)) {
			G.phase = P_MEASURE;
			G.t_phase = G.t_start = now;
			getrusage(RUSAGE_SELF, &G.ru_start);
		}
		break;
	case P_MEASURE:
		if (now - G.t_start >= (int64_t)(G.o.seconds * 1e9)) {
			G.phase = P_DRAIN;
			G.t_phase = G.t_end = now;
			getrusage(RUSAGE_SELF, &G.ru_end);
		}
		break;
	case P_DRAIN:
		if (wl_unacked() == 0 || now - G.t_phase > WL_DRAIN_NS) {
			G.phase = P_DONE;
			return;
		}
		break;
	default:
		return;
	}
	if (G.o.rate > 0 && (G.phase == P_WARMUP || G.phase == P_MEASURE))
		wl_pace(now);
	G.t_last_tick = now;
	lws_sul_schedule(G.ctx, 0, &G.sul, wl_tick, WL_TICK_US);
}

/* ---- results ---- */

static int wl_cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static double wl_rank_ms(double q)
{
	size_t i;

	if (!G.nlat)
		return -1;
	i = (size_t)(q * (double)(G.nlat - 1) + 0.5);
	return (double)G.lat[i] / 1e6;
}

static double wl_tv(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static void wl_report(void)
{
	double secs = G.t_end > G.t_start ? (double)(G.t_end - G.t_start) / 1e9 : 0;
	double run =
	    G.last_ack_ns > G.first_send_ns ? (double)(G.last_ack_ns - G.first_send_ns) / 1e9 : 0;
	double cpu = wl_tv(&G.ru_end.ru_utime) - wl_tv(&G.ru_start.ru_utime) +
	             wl_tv(&G.ru_end.ru_stime) - wl_tv(&G.ru_start.ru_stime);

	qsort(G.lat, G.nlat, sizeof *G.lat, wl_cmp64);
	printf("ws agents=%d batch=%d inflight=%d seconds=%.2f events=%lld events_per_s=%.0f "
	       "batches=%lld p50_ms=%.2f p99_ms=%.2f max_ms=%.2f duplicates=%lld rejected=%lld "
	       "drops=%ld unacked=%ld client_cpu_pct=%.0f gen_cpu_pct=%.0f rate_target=%.0f "
	       "run_seconds=%.2f run_events=%lld run_events_per_s=%.0f credits=%d\n",
	       G.o.agents, G.o.batch, G.o.inflight, secs, G.accepted,
	       secs > 0 ? (double)G.accepted / secs : 0, G.batches, wl_rank_ms(0.50),
	       wl_rank_ms(0.99), G.nlat ? (double)G.lat[G.nlat - 1] / 1e6 : -1.0, G.duplicates,
	       G.rejected, G.drops, wl_unacked(), secs > 0 ? 100.0 * cpu / secs : 0,
	       secs > 0 ? 100.0 * (double)G.gen_ns / 1e9 / secs : 0, G.o.rate, run, G.run_accepted,
	       run > 0 ? (double)G.run_accepted / run : 0, G.credited);
}

/* ---- setup ---- */

/* A whole number in [min, max], or min - 1 when s is not one. */
static long wl_num(const char *s, long min, long max)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);

	return (*s && !*end && v >= min && v <= max) ? v : min - 1;
}

static int wl_parse(int argc, char **argv, struct wl_opts *o)
{
	memset(o, 0, sizeof *o);
	o->host = "127.0.0.1";
	o->env = "production";
	o->id_prefix = "bench-";
	o->agents = 100;
	o->batch = 500;
	o->inflight = 8;
	o->seconds = 15;
	o->warmup = 2;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--host"))
			o->host = v;
		else if (!strcmp(k, "--port"))
			o->port = (int)wl_num(v, 1, 65535);
		else if (!strcmp(k, "--token"))
			o->token = v;
		else if (!strcmp(k, "--env"))
			o->env = v;
		else if (!strcmp(k, "--id-prefix") && strlen(v) <= 100)
			o->id_prefix = v;
		else if (!strcmp(k, "--agents"))
			o->agents = (int)wl_num(v, 1, 65535);
		else if (!strcmp(k, "--batch"))
			o->batch = (int)wl_num(v, 1, 65535);
		else if (!strcmp(k, "--inflight"))
			o->inflight = (int)wl_num(v, 1, 65535);
		else if (!strcmp(k, "--seconds"))
			o->seconds = strtod(v, NULL);
		else if (!strcmp(k, "--warmup"))
			o->warmup = strtod(v, NULL);
		else if (!strcmp(k, "--rate"))
			o->rate = strtod(v, NULL);
		else
			return -1;
	}
	if (argc % 2 == 0 || !o->token || o->port <= 0 || o->port > 65535 || o->agents < 1 ||
	    o->agents > 10000 || o->batch < 1 || o->batch > 500 || o->inflight < 1 ||
	    o->inflight > WL_MAX_INFLIGHT || o->seconds <= 0 || o->warmup < 0 || o->rate < 0)
		return -1;
	return 0;
}

static void wl_on_signal(int sig)
{
	(void)sig;
	wl_signalled = 1;
}

int main(int argc, char **argv)
{
	struct lws_context_creation_info info;
	struct rlimit rl;

	if (wl_parse(argc, argv, &G.o)) {
		fprintf(
		    stderr,
		    "usage: ws_load --port PORT --token TOKEN [--host H] [--env E] [--agents N]\n"
		    "         [--batch N] [--inflight N] [--seconds S] [--warmup S]\n"
		    "         [--rate EVENTS_PER_S] [--id-prefix P]\n");
		return 2;
	}
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < (rlim_t)G.o.agents + 64 &&
	    rl.rlim_max >= (rlim_t)G.o.agents + 64) {
		rl.rlim_cur = (rlim_t)G.o.agents + 64;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	snprintf(G.bearer, sizeof G.bearer, "Bearer %s", G.o.token);
	snprintf(G.hosthdr, sizeof G.hosthdr, "%s:%d", G.o.host, G.o.port);
	G.rng = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	G.uuid_off = calloc((size_t)G.o.batch, sizeof *G.uuid_off);
	G.ts_off = calloc((size_t)G.o.batch, sizeof *G.ts_off);
	G.tmpl = gen_template(0, (size_t)G.o.batch, &G.tmpl_len, G.uuid_off, G.ts_off);
	G.cut = calloc((size_t)G.o.batch + 1, sizeof *G.cut);
	if (G.tmpl && G.cut) {
		/* where each top-level event object ends (strings may hold braces) */
		int depth = 0, str = 0, esc = 0, k = 0;
		for (size_t i = 0; i < G.tmpl_len && k < G.o.batch; i++) {
			char ch = G.tmpl[i];
			if (str) {
				if (esc)
					esc = 0;
				else if (ch == '\\')
					esc = 1;
				else if (ch == '"')
					str = 0;
			} else if (ch == '"') {
				str = 1;
			} else if (ch == '{') {
				depth++;
			} else if (ch == '}' && --depth == 0) {
				G.cut[++k] = i + 1;
			}
		}
		G.cut[G.o.batch] = G.tmpl_len; /* the whole template, "]" included */
	}
	G.tx_cap = LWS_PRE + G.tmpl_len + 128;
	G.tx = malloc(G.tx_cap);
	G.agents = calloc((size_t)G.o.agents, sizeof *G.agents);
	if (!G.uuid_off || !G.ts_off || !G.tx || !G.agents || !G.cut) {
		fprintf(stderr, "ws_load: out of memory\n");
		return 2;
	}
	if (G.tmpl_len + 128 > (1u << 20)) {
		fprintf(stderr, "ws_load: a batch of %d events is %zu bytes, over 1 MiB\n",
		        G.o.batch, G.tmpl_len);
		return 2;
	}
	for (int i = 0; i < G.o.agents; i++) {
		G.agents[i].index = (uint32_t)i;
		G.agents[i].next_seq = 1;
	}
	fprintf(stderr, "ws_load: %d agents, batches of %d events (%zu bytes), %d in flight%s\n",
	        G.o.agents, G.o.batch, G.tmpl_len + 40, G.o.inflight,
	        G.o.rate > 0 ? ", paced" : "");
	signal(SIGINT, wl_on_signal);
	signal(SIGTERM, wl_on_signal);
	signal(SIGPIPE, SIG_IGN);
	lws_set_log_level(LLL_ERR, NULL);
	memset(&info, 0, sizeof info);
	info.port = CONTEXT_PORT_NO_LISTEN;
	info.protocols = wl_protocols;
	info.connect_timeout_secs = 20;
	info.timeout_secs = 20;
	G.ctx = lws_create_context(&info);
	if (!G.ctx) {
		fprintf(stderr, "ws_load: cannot create the lws context\n");
		return 2;
	}
	G.t_phase = gen_mono_ns();
	lws_sul_schedule(G.ctx, 0, &G.sul, wl_tick, 1);
	while (G.phase != P_DONE)
		if (lws_service(G.ctx, 0) < 0)
			break;
	if (G.exit_code == 0)
		wl_report();
	G.phase = P_DONE;
	lws_context_destroy(G.ctx);
	for (int i = 0; i < G.o.agents; i++)
		free(G.agents[i].rx);
	free(G.agents);
	free(G.tx);
	free(G.tmpl);
	free(G.cut);
	free(G.uuid_off);
	free(G.ts_off);
	free(G.lat);
	return G.exit_code;
}
