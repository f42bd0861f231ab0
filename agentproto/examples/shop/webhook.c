/*
 * webhook.c — POST /webhook/ping (form: url): "ping your store's webhook".
 * The shop POSTs a small JSON ping to the URL the user typed and shows
 * what the target answered -- a server-side request forgery on purpose
 * (the fix is an allowlist of destinations). moat_check_url() judges the
 * URL with the request's inputs (cloud metadata at 169.254.169.254,
 * loopback in any notation, private ranges ...); the connection then goes
 * to exactly the addresses the check saw (moat_connect_checked), with a
 * bounded connect timeout, so that a metadata address that never answers
 * costs shop_cfg.connect_ms, not a hung thread.
 *
 * Threads: a pool thread (it blocks on the target for at most
 * connect_ms + 2 * io_ms).
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "shop.h"

#define WEBHOOK_ANSWER_MAX 4096

/* The path and query of url (what follows the authority), written into
 * buf with spaces and controls percent-encoded; "/" when there is none. */
static void webhook_target_path(const char *url, char *buf, size_t cap)
{
	const char *p = strstr(url, "://");
	size_t o = 0;

	p = p ? p + 3 : url;
	p += strcspn(p, "/?#");
	if (*p != '/' && *p != '?')
		p = "/";
	if (*p == '?')
		buf[o++] = '/';
	for (; *p && *p != '#' && o + 4 < cap; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= 0x20 || ch >= 0x7f)
			o += (size_t)snprintf(buf + o, cap - o, "%%%02X", ch);
		else
			buf[o++] = (char)ch;
	}
	buf[o] = '\0';
}

/* Sends the ping on fd and reads the answer (at most cap - 1 bytes) into
 * ans. The number of bytes read, or -1. */
static ssize_t webhook_exchange(int fd, const struct moat_url_target *t, const char *path,
                                char *ans, size_t cap)
{
	static const char ping[] = "{\"event\":\"ping\",\"shop\":\"Brass & Co.\"}";
	struct timeval tv = {.tv_sec = shop_cfg.io_ms / 1000,
	                     .tv_usec = (shop_cfg.io_ms % 1000) * 1000};
	char head[2048];
	size_t got = 0;
	int n;

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	n = snprintf(head, sizeof head,
	             "POST %s HTTP/1.0\r\nHost: %s:%d\r\nUser-Agent: brass-shop-webhook/1\r\n"
	             "Content-Type: application/json\r\nContent-Length: %zu\r\n"
	             "Connection: close\r\n\r\n%s",
	             path, t->host, t->port, sizeof ping - 1, ping);
	if (n < 0 || (size_t)n >= sizeof head)
		return -1;
	if (send(fd, head, (size_t)n, MSG_NOSIGNAL) != n)
		return -1;
	while (got + 1 < cap) {
		ssize_t k = recv(fd, ans + got, cap - 1 - got, 0);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	ans[got] = '\0';
	return (ssize_t)got;
}

enum MHD_Result webhook_ping(struct shop_req *r)
{
	size_t len;
	const char *url = http_form(r, "url", &len);
	struct moat_url_target t;
	char path[1024], ans[WEBHOOK_ANSWER_MAX];
	const char *body;
	ssize_t got;
	int fd, status = 0;

	if (!url || !*url)
		return http_error(r, 400, "give the webhook's url");
	/* the exact URL about to be fetched, with this request's inputs */
	if (moat_check_url(r->mr, url, len, &t) == MOAT_BLOCK)
		return http_blocked(r);
	if (t.naddr == 0)
		return http_error(r, 400, "the URL does not parse or its host does not resolve");
	if (strcmp(t.scheme, "http") != 0)
		return http_error(r, 400, "only http:// webhooks can be pinged");
	webhook_target_path(url, path, sizeof path);
	fd = moat_connect_checked(&t, shop_cfg.connect_ms);
	if (fd < 0)
		return http_json(
		    r, 502,
		    json_pack("{sb ss ss}", "ok", 0, "error", "could not connect", "host", t.host));
	got = webhook_exchange(fd, &t, path, ans, sizeof ans);
	close(fd);
	if (got < 0)
		return http_json(r, 502,
		                 json_pack("{sb ss ss}", "ok", 0, "error",
		                           "the webhook did not answer", "host", t.host));
	if (sscanf(ans, "HTTP/%*d.%*d %d", &status) != 1)
		status = 0;
	body = strstr(ans, "\r\n\r\n");
	body = body ? body + 4 : "";
	if (!http_utf8_ok(body, strlen(body)))
		body = "(not UTF-8 text)";
	/* what the target said, for the shop owner to debug their webhook */
	return http_json(r, 200,
	                 json_pack("{sb ss si s s%}", "ok", 1, "host", t.host, "status", status,
	                           "response", body, strlen(body)));
}
