/*
 * ws_mask.c — finds client frames without a mask on the WebSocket port.
 *
 * RFC 6455 §5.1: a server must close the connection when a client sends
 * an unmasked frame (status 1002). libwebsockets 4.1.6 accepts them and
 * has no option to refuse them, and it tells its callbacks nothing about
 * the mask bit (a frame masked with the key 0 reads the same). So moatd
 * looks at the bytes as libwebsockets reads them: recv() is wrapped (the
 * executable's definition is the one libwebsockets calls), and for the
 * sockets the WebSocket port accepted (ws_mask_watch) a small parser walks
 * the stream: the HTTP upgrade request up to its blank line, then frame
 * headers, skipping payloads. An unmasked header marks the socket; the
 * agent and live-feed callbacks ask ws_mask_violated() before they use
 * what they received, and the sweep asks too (for control frames).
 *
 * Threads: watch/forget/violated and the parsing of a watched socket run
 * on the WebSocket service thread (the only thread that reads those
 * sockets). The wrapper runs on every thread that calls recv (libmicrohttpd
 * too); for a socket that is not watched it costs one relaxed atomic load.
 * A descriptor at or above WS_MASK_FDS is not checked. Plain ws:// only
 * (moatd's listener has no TLS; a TLS proxy in front masks nothing away).
 */
#include "ws_mask.h"

#include <dlfcn.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

#define WS_MASK_FDS 65536

enum mask_phase { PH_HTTP = 0, PH_HEADER, PH_PAYLOAD, PH_BAD };

struct mask_state {
	uint8_t phase;
	uint8_t crlf;  /* PH_HTTP: how much of "\r\n\r\n" was just seen */
	uint8_t n;     /* PH_HEADER: bytes of the header collected */
	uint8_t need;  /* PH_HEADER: its full length, once known (0: not yet) */
	uint8_t h[14]; /* the header so far */
	uint64_t left; /* PH_PAYLOAD: payload bytes still to skip */
};

static uint8_t mask_watched[WS_MASK_FDS]; /* atomic; written by the service thread */
static struct mask_state mask_st[WS_MASK_FDS];
static ssize_t (*mask_real_recv)(int, void *, size_t, int);

__attribute__((constructor)) static void mask_init(void)
{
	mask_real_recv = (ssize_t(*)(int, void *, size_t, int))dlsym(RTLD_NEXT, "recv");
}

/* A complete header in s->h: on to its payload, or to the next header. */
static void mask_header_done(struct mask_state *s)
{
	uint64_t len = s->h[1] & 0x7f;

	if (len == 126) {
		len = (uint64_t)s->h[2] << 8 | s->h[3];
	} else if (len == 127) {
		len = 0;
		for (int i = 2; i < 10; i++)
			len = len << 8 | s->h[i];
	}
	s->n = s->need = 0;
	s->left = len;
	s->phase = len ? PH_PAYLOAD : PH_HEADER;
}

static void mask_scan(struct mask_state *s, const unsigned char *p, size_t len)
{
	size_t i = 0;

	while (i < len && s->phase != PH_BAD) {
		switch (s->phase) {
		case PH_HTTP: {
			static const char end[] = "\r\n\r\n";
			unsigned char ch = p[i++];
			if (ch == (unsigned char)end[s->crlf])
				s->crlf++;
			else
				s->crlf = ch == '\r' ? 1 : 0;
			if (s->crlf == 4)
				s->phase = PH_HEADER;
			break;
		}
		case PH_HEADER:
			s->h[s->n++] = p[i++];
			if (s->n == 2) {
				unsigned l7 = s->h[1] & 0x7f;
				if (!(s->h[1] & 0x80)) {
					s->phase = PH_BAD; /* the client did not mask */
					break;
				}
				s->need = (uint8_t)(2 + (l7 == 126 ? 2 : l7 == 127 ? 8 : 0) + 4);
			}
			if (s->need && s->n == s->need)
				mask_header_done(s);
			break;
		case PH_PAYLOAD: {
			size_t take = len - i;
			if (take > s->left)
				take = (size_t)s->left;
			i += take;
			s->left -= take;
			if (!s->left)
				s->phase = PH_HEADER;
			break;
		}
		}
	}
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	ssize_t n = mask_real_recv(fd, buf, len, flags);

	if (n > 0 && fd >= 0 && fd < WS_MASK_FDS && !(flags & MSG_PEEK) &&
	    __atomic_load_n(&mask_watched[fd], __ATOMIC_RELAXED))
		mask_scan(&mask_st[fd], buf, (size_t)n);
	return n;
}

void ws_mask_watch(int fd)
{
	if (fd < 0 || fd >= WS_MASK_FDS)
		return;
	memset(&mask_st[fd], 0, sizeof mask_st[fd]);
	__atomic_store_n(&mask_watched[fd], 1, __ATOMIC_RELAXED);
}

void ws_mask_forget(int fd)
{
	if (fd >= 0 && fd < WS_MASK_FDS)
		__atomic_store_n(&mask_watched[fd], 0, __ATOMIC_RELAXED);
}

int ws_mask_violated(int fd)
{
	return fd >= 0 && fd < WS_MASK_FDS &&
	       __atomic_load_n(&mask_watched[fd], __ATOMIC_RELAXED) && mask_st[fd].phase == PH_BAD;
}
