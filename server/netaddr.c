/*
 * netaddr.c — address classification for notification targets; see
 * netaddr.h. No state; any thread.
 */
#include "netaddr.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* a (host order) within net/bits */
static int v4_in(uint32_t a, uint32_t net, int bits)
{
	uint32_t mask = bits ? 0xffffffffu << (32 - bits) : 0;
	return (a & mask) == (net & mask);
}

static int v4_private(uint32_t a)
{
	static const struct {
		uint32_t net;
		int bits;
	} nets[] = {
	    {0x00000000u, 8},  /* 0.0.0.0/8 "this network" (connects locally) */
	    {0x0a000000u, 8},  /* 10/8 */
	    {0x64400000u, 10}, /* 100.64/10 shared (carrier NAT) */
	    {0x7f000000u, 8},  /* 127/8 loopback */
	    {0xa9fe0000u, 16}, /* 169.254/16 link-local, cloud metadata */
	    {0xac100000u, 12}, /* 172.16/12 */
	    {0xc0000000u, 24}, /* 192.0.0/24 IETF protocol assignments */
	    {0xc0a80000u, 16}, /* 192.168/16 */
	    {0xc6120000u, 15}, /* 198.18/15 benchmarking */
	    {0xe0000000u, 3},  /* 224/4 multicast, 240/4 reserved, broadcast */
	};

	for (size_t i = 0; i < sizeof nets / sizeof nets[0]; i++)
		if (v4_in(a, nets[i].net, nets[i].bits))
			return 1;
	return 0;
}

static uint32_t v4_at(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static int v6_private(const unsigned char *b)
{
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	static const unsigned char zero[12] = {0};
	static const unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

	/* forms that carry an IPv4 address: judged by that address (::, ::1
	 * fall in ::/96 and are 0.0.0.0/8 there) */
	if (!memcmp(b, mapped, 12) || !memcmp(b, zero, 12) || !memcmp(b, nat64, 12))
		return v4_private(v4_at(b + 12));
	if ((b[0] & 0xfe) == 0xfc) /* fc00::/7 unique-local */
		return 1;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) /* fe80::/10 link-local */
		return 1;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) /* fec0::/10 old site-local */
		return 1;
	if (b[0] == 0xff) /* multicast */
		return 1;
	return 0;
}

int netaddr_is_private(const struct sockaddr *sa)
{
	if (!sa)
		return 1;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return v4_private(ntohl(in->sin_addr.s_addr));
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		return v6_private(in6->sin6_addr.s6_addr);
	}
	return 1;
}

int netaddr_literal_private(const char *host)
{
	struct in_addr a4;
	struct in6_addr a6;
	char h[256];
	size_t n = strlen(host);

	if (n >= sizeof h)
		return -1;
	memcpy(h, host, n + 1);
	if (n && h[n - 1] == '.') /* "127.0.0.1." resolves as the literal */
		h[n - 1] = '\0';
	/* inet_aton takes every IPv4 spelling the resolver does */
	if (inet_aton(h, &a4))
		return v4_private(ntohl(a4.s_addr));
	if (inet_pton(AF_INET6, h, &a6) == 1)
		return v6_private(a6.s6_addr);
	if (strchr(h, '%')) /* a scoped IPv6 literal (fe80::1%eth0) */
		return 1;
	return -1;
}

int netaddr_name_private(const char *host)
{
	size_t n = strlen(host);

	if (n && host[n - 1] == '.')
		n--;
	if (n == 9 && !strncasecmp(host, "localhost", 9))
		return 1;
	return n > 10 && !strncasecmp(host + n - 10, ".localhost", 10);
}

int netaddr_url_parse(const char *url, struct netaddr_url *out, char *why, size_t cap)
{
	const char *p, *end, *h, *hend, *colon;
	size_t hl;

	memset(out, 0, sizeof *out);
	for (p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f) {
			snprintf(why, cap, "must not contain spaces or control characters");
			return -1;
		}
	if (!strncasecmp(url, "https://", 8)) {
		out->https = 1;
		p = url + 8;
	} else if (!strncasecmp(url, "http://", 7)) {
		p = url + 7;
	} else {
		snprintf(why, cap, "must be an http:// or https:// URL");
		return -1;
	}
	end = p + strcspn(p, "/?#");
	if (memchr(p, '@', (size_t)(end - p)) || memchr(p, '\\', (size_t)(end - p))) {
		snprintf(why, cap, "must not carry user information");
		return -1;
	}
	if (*p == '[') {
		h = p + 1;
		hend = memchr(h, ']', (size_t)(end - h));
		if (!hend) {
			snprintf(why, cap, "has an unterminated IPv6 address");
			return -1;
		}
		colon = hend + 1 < end ? hend + 1 : NULL;
		if (colon && *colon != ':') {
			snprintf(why, cap, "has a malformed host");
			return -1;
		}
	} else {
		h = p;
		colon = memchr(p, ':', (size_t)(end - p));
		hend = colon ? colon : end;
	}
	hl = (size_t)(hend - h);
	if (hl == 0 || hl >= sizeof out->host) {
		snprintf(why, cap, "must name a host");
		return -1;
	}
	for (size_t i = 0; i < hl; i++)
		out->host[i] = (char)tolower((unsigned char)h[i]);
	out->host[hl] = '\0';
	out->port = out->https ? 443 : 80;
	if (colon) {
		long port = 0;
		const char *d = colon + 1;

		if (d == end) {
			snprintf(why, cap, "has an empty port");
			return -1;
		}
		for (; d < end; d++) {
			if (!isdigit((unsigned char)*d) || port > 65535) {
				snprintf(why, cap, "has an invalid port");
				return -1;
			}
			port = port * 10 + (*d - '0');
		}
		if (port < 1 || port > 65535) {
			snprintf(why, cap, "has an invalid port");
			return -1;
		}
		out->port = (int)port;
	}
	return 0;
}

int netaddr_url_check(const char *url, int allow_private, char *why, size_t cap)
{
	struct netaddr_url u;

	if (netaddr_url_parse(url, &u, why, cap))
		return -1;
	if (allow_private)
		return 0;
	if (netaddr_literal_private(u.host) == 1 || netaddr_name_private(u.host)) {
		snprintf(why, cap,
		         "targets a private, loopback or link-local address"
		         " (start moatd with --allow-private-webhooks to allow it)");
		return -1;
	}
	return 0;
}
