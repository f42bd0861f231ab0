/*
 * rest_load — REST ingestion load for moatd: N keep-alive HTTP/1.1
 * connections (plain sockets, one thread, epoll) each posting batches of
 * valid events (gen.h; unique random UUIDs, ts = now) to
 * POST /api/v1/agent/events with a bearer agent token, one request at a
 * time per connection, for a fixed duration.
 *
 *   rest_load --port PORT --token moat_agt_... [--host 127.0.0.1]
 *             [--connections 16] [--batch 500] [--seconds 15] [--warmup 2]
 *
 * A 503 (queue full, or the commit not done within moatd's wait) is
 * counted and the connection waits 100 ms before its next batch; any
 * other status than 200 is counted as an error. Counted during the
 * measurement: events accepted (the "accepted" of each 200 received),
 * request latency (first byte written -> whole response read) of every
 * request sent in it. Prints one line of key=value pairs on stdout:
 *   rest connections=.. batch=.. seconds=.. events=.. events_per_s=..
 *        requests=.. p50_ms=.. p99_ms=.. max_ms=.. busy_503=.. errors=..
 *        reconnects=.. client_cpu_pct=..
 * Exit status: 0 when the run happened, 2 when it could not.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"

#define RL_RX_MAX   65536
#define RL_BUSY_NS  100000000LL
#define RL_DRAIN_NS 60000000000LL

enum { C_IDLE = 0, C_SENDING, C_READING, C_WAITING };

struct rl_conn {
	int fd;
	int index;
	int state;
	char *tx;
	size_t tx_len, tx_off;
	char rx[RL_RX_MAX];
	size_t rx_len;
	int64_t sent_ns, wait_until;
	long long seq;
};

static struct {
	const char *host, *token;
	int port, conns, batch;
	double seconds, warmup;
	struct sockaddr_in addr;
	int ep;
	struct rl_conn *c;
	char *tmpl;
	size_t tmpl_len, *uuid_off, *ts_off;
	uint64_t rng;
	int64_t t_start, t_end;
	long long accepted, requests, busy, errors, reconnects;
	int64_t *lat;
	size_t nlat, caplat;
} G;

static volatile sig_atomic_t rl_signalled;

static void rl_on_signal(int sig)
{
	(void)sig;
	rl_signalled = 1;
}

static void rl_lat_add(int64_t ns)
{
	if (G.nlat == G.caplat) {
		G.caplat = G.caplat ? G.caplat * 2 : 4096;
		G.lat = realloc(G.lat, G.caplat * sizeof *G.lat);
		if (!G.lat) {
			fprintf(stderr, "rest_load: out of memory\n");
			exit(2);
		}
	}
	G.lat[G.nlat++] = ns;
}

static int rl_open(struct rl_conn *c)
{
	struct epoll_event ev;
	int one = 1;

	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		return -1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(c->fd, (struct sockaddr *)&G.addr, sizeof G.addr) < 0 && errno != EINPROGRESS) {
		close(c->fd);
		c->fd = -1;
		return -1;
	}
	memset(&ev, 0, sizeof ev);
	ev.events = EPOLLIN | EPOLLOUT;
	ev.data.ptr = c;
	epoll_ctl(G.ep, EPOLL_CTL_ADD, c->fd, &ev);
	return 0;
}

static void rl_close(struct rl_conn *c)
{
	if (c->fd >= 0) {
		epoll_ctl(G.ep, EPOLL_CTL_DEL, c->fd, NULL);
		close(c->fd);
	}
	c->fd = -1;
}

static void rl_want(struct rl_conn *c, unsigned events)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof ev);
	ev.events = events;
	ev.data.ptr = c;
	epoll_ctl(G.ep, EPOLL_CTL_MOD, c->fd, &ev);
}

/* Builds the next request in c->tx and starts sending it. */
static void rl_start(struct rl_conn *c, int64_t now)
{
	static const char head[] = "{\"events\":";
	char tail[96], hdr[512];
	size_t body_len;
	int tl, hl;

	tl = snprintf(tail, sizeof tail, ",\"agent_id\":\"rest-%03d\",\"seq\":%lld}", c->index,
	              ++c->seq);
	body_len = sizeof head - 1 + G.tmpl_len + (size_t)tl;
	hl = snprintf(hdr, sizeof hdr,
	              "POST /api/v1/agent/events HTTP/1.1\r\nHost: %s:%d\r\n"
	              "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
	              "Content-Length: %zu\r\n\r\n",
	              G.host, G.port, G.token, body_len);
	c->tx_len = 0;
	memcpy(c->tx, hdr, (size_t)hl);
	c->tx_len += (size_t)hl;
	memcpy(c->tx + c->tx_len, head, sizeof head - 1);
	c->tx_len += sizeof head - 1;
	memcpy(c->tx + c->tx_len, G.tmpl, G.tmpl_len);
	gen_patch(c->tx + c->tx_len, (size_t)G.batch, G.uuid_off, G.ts_off, &G.rng, gen_now_ms());
	c->tx_len += G.tmpl_len;
	memcpy(c->tx + c->tx_len, tail, (size_t)tl);
	c->tx_len += (size_t)tl;
	c->tx_off = 0;
	c->rx_len = 0;
	c->sent_ns = now;
	c->state = C_SENDING;
	rl_want(c, EPOLLOUT);
}

static int rl_measuring(int64_t t)
{
	return G.t_start && t >= G.t_start && (!G.t_end || t < G.t_end);
}

/* A whole response in c->rx? 1 done (status, body), 0 not yet, -1 bad. */
static int rl_response(struct rl_conn *c, int *status, const char **body, size_t *blen)
{
	char *end, *cl;
	size_t hlen, clen;

	c->rx[c->rx_len < RL_RX_MAX ? c->rx_len : RL_RX_MAX - 1] = '\0';
	end = memmem(c->rx, c->rx_len, "\r\n\r\n", 4);
	if (!end)
		return c->rx_len >= RL_RX_MAX - 1 ? -1 : 0;
	hlen = (size_t)(end - c->rx) + 4;
	if (sscanf(c->rx, "HTTP/1.%*d %d", status) != 1)
		return -1;
	cl = strcasestr(c->rx, "\r\ncontent-length:");
	if (!cl || cl > end)
		return -1; /* moatd always sends a length */
	clen = strtoul(cl + 17, NULL, 10);
	if (hlen + clen >= RL_RX_MAX)
		return -1;
	if (c->rx_len < hlen + clen)
		return 0;
	*body = c->rx + hlen;
	*blen = clen;
	return 1;
}

static void rl_done(struct rl_conn *c, int status, const char *body, size_t blen, int64_t now)
{
	int counted = rl_measuring(c->sent_ns);

	if (counted) {
		G.requests++;
		rl_lat_add(now - c->sent_ns);
	}
	if (status == 200) {
		const char *a = memmem(body, blen, "\"accepted\":", 11);
		if (a && rl_measuring(now))
			G.accepted += strtoll(a + 11, NULL, 10);
		c->state = C_IDLE;
	} else if (status == 503) {
		if (counted)
			G.busy++;
		c->state = C_WAITING;
		c->wait_until = now + RL_BUSY_NS;
	} else {
		G.errors++;
		if (G.errors <= 3)
			fprintf(stderr, "rest_load: status %d: %.*s\n", status,
			        (int)(blen < 300 ? blen : 300), body);
		c->state = C_WAITING;
		c->wait_until = now + RL_BUSY_NS;
	}
}

static void rl_io(struct rl_conn *c, unsigned events, int64_t now)
{
	if (c->state == C_SENDING && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
		ssize_t n = send(c->fd, c->tx + c->tx_off, c->tx_len - c->tx_off, MSG_NOSIGNAL);
		if (n < 0 && errno != EAGAIN) {
			c->state = C_IDLE; /* reconnect below, the batch is sent again */
			rl_close(c);
			return;
		}
		if (n > 0)
			c->tx_off += (size_t)n;
		if (c->tx_off == c->tx_len) {
			c->state = C_READING;
			rl_want(c, EPOLLIN);
		}
		return;
	}
	if (c->state == C_READING && (events & (EPOLLIN | EPOLLERR | EPOLLHUP))) {
		const char *body = NULL;
		size_t blen = 0;
		int status = 0, r;
		ssize_t n = recv(c->fd, c->rx + c->rx_len, RL_RX_MAX - 1 - c->rx_len, 0);
		if (n <= 0) {
			if (n < 0 && errno == EAGAIN)
				return;
			c->state = C_IDLE;
			rl_close(c);
			return;
		}
		c->rx_len += (size_t)n;
		r = rl_response(c, &status, &body, &blen);
		if (r < 0) {
			G.errors++;
			c->state = C_IDLE;
			rl_close(c);
		} else if (r > 0) {
			rl_done(c, status, body, blen, now);
			if (memmem(c->rx, (size_t)(body - c->rx), "onnection: close", 16))
				rl_close(c);
		}
	}
}

static int rl_cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static double rl_rank_ms(double q)
{
	if (!G.nlat)
		return -1;
	return (double)G.lat[(size_t)(q * (double)(G.nlat - 1) + 0.5)] / 1e6;
}

static long rl_num(const char *s, long min, long max)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);

	return (*s && !*end && v >= min && v <= max) ? v : min - 1;
}

int main(int argc, char **argv)
{
	struct rusage r0, r1;
	int64_t t0;
	int busy;

	G.host = "127.0.0.1";
	G.conns = 16;
	G.batch = 500;
	G.seconds = 15;
	G.warmup = 2;
	for (int i = 1; i + 1 < argc; i += 2) {
		const char *k = argv[i], *v = argv[i + 1];
		if (!strcmp(k, "--host"))
			G.host = v;
		else if (!strcmp(k, "--port"))
			G.port = (int)rl_num(v, 1, 65535);
		else if (!strcmp(k, "--token"))
			G.token = v;
		else if (!strcmp(k, "--connections"))
			G.conns = (int)rl_num(v, 1, 4096);
		else if (!strcmp(k, "--batch"))
			G.batch = (int)rl_num(v, 1, 500);
		else if (!strcmp(k, "--seconds"))
			G.seconds = strtod(v, NULL);
		else if (!strcmp(k, "--warmup"))
			G.warmup = strtod(v, NULL);
		else
			G.port = -1;
	}
	if (argc % 2 == 0 || !G.token || G.port <= 0 || G.conns < 1 || G.batch < 1 ||
	    G.seconds <= 0 || G.warmup < 0 || strlen(G.token) > 200 ||
	    inet_pton(AF_INET, G.host, &G.addr.sin_addr) != 1) {
		fprintf(stderr,
		        "usage: rest_load --port PORT --token TOKEN [--host IPV4]\n"
		        "         [--connections N] [--batch N] [--seconds S] [--warmup S]\n");
		return 2;
	}
	G.addr.sin_family = AF_INET;
	G.addr.sin_port = htons((uint16_t)G.port);
	signal(SIGINT, rl_on_signal);
	signal(SIGTERM, rl_on_signal);
	signal(SIGPIPE, SIG_IGN);
	G.rng = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ 0x5bd1e995u;
	G.uuid_off = calloc((size_t)G.batch, sizeof *G.uuid_off);
	G.ts_off = calloc((size_t)G.batch, sizeof *G.ts_off);
	G.tmpl = gen_template(0, (size_t)G.batch, &G.tmpl_len, G.uuid_off, G.ts_off);
	G.c = calloc((size_t)G.conns, sizeof *G.c);
	G.ep = epoll_create1(EPOLL_CLOEXEC);
	if (!G.uuid_off || !G.ts_off || !G.c || G.ep < 0) {
		fprintf(stderr, "rest_load: out of memory\n");
		return 2;
	}
	for (int i = 0; i < G.conns; i++) {
		G.c[i].index = i;
		G.c[i].fd = -1;
		G.c[i].tx = malloc(G.tmpl_len + 1024);
		if (!G.c[i].tx)
			return 2;
	}
	t0 = gen_mono_ns();
	for (;;) {
		struct epoll_event evs[256];
		int64_t now = gen_mono_ns();
		int n;
		if (rl_signalled)
			return 2;
		if (!G.t_start && now - t0 >= (int64_t)(G.warmup * 1e9)) {
			G.t_start = now;
			getrusage(RUSAGE_SELF, &r0);
		}
		if (G.t_start && !G.t_end && now - G.t_start >= (int64_t)(G.seconds * 1e9)) {
			G.t_end = now;
			getrusage(RUSAGE_SELF, &r1);
		}
		busy = 0;
		for (int i = 0; i < G.conns; i++) {
			struct rl_conn *c = &G.c[i];
			if (c->state == C_WAITING && now >= c->wait_until)
				c->state = C_IDLE;
			if (c->state == C_IDLE && !G.t_end) {
				if (c->fd < 0) {
					if (rl_open(c)) {
						fprintf(stderr, "rest_load: cannot connect\n");
						return 2;
					}
					if (G.t_start)
						G.reconnects++;
				}
				rl_start(c, now);
			}
			if (c->state == C_SENDING || c->state == C_READING)
				busy = 1;
		}
		if (G.t_end && (!busy || now - G.t_end > RL_DRAIN_NS))
			break;
		n = epoll_wait(G.ep, evs, 256, 5);
		now = gen_mono_ns();
		for (int i = 0; i < n; i++)
			rl_io(evs[i].data.ptr, evs[i].events, now);
	}
	qsort(G.lat, G.nlat, sizeof *G.lat, rl_cmp64);
	{
		double secs = (double)(G.t_end - G.t_start) / 1e9;
		double cpu = (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) +
		             (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6 +
		             (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) +
		             (double)(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
		printf(
		    "rest connections=%d batch=%d seconds=%.2f events=%lld events_per_s=%.0f "
		    "requests=%lld p50_ms=%.2f p99_ms=%.2f max_ms=%.2f busy_503=%lld errors=%lld "
		    "reconnects=%lld client_cpu_pct=%.0f\n",
		    G.conns, G.batch, secs, G.accepted, (double)G.accepted / secs, G.requests,
		    rl_rank_ms(0.50), rl_rank_ms(0.99),
		    G.nlat ? (double)G.lat[G.nlat - 1] / 1e6 : -1.0, G.busy, G.errors, G.reconnects,
		    100.0 * cpu / secs);
	}
	for (int i = 0; i < G.conns; i++) {
		rl_close(&G.c[i]);
		free(G.c[i].tx);
	}
	close(G.ep);
	free(G.c);
	free(G.tmpl);
	free(G.uuid_off);
	free(G.ts_off);
	free(G.lat);
	return 0;
}
