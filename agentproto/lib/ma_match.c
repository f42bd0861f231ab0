/*
 * ma_match.c — the pure matching helpers behind policy decisions: IPv4 and
 * IPv6 addresses and CIDRs (IPv4-mapped IPv6 folds to IPv4), endpoint
 * globs, RFC 3339 times. No state, any thread.
 */
#include "ma_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const uint8_t ma_v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

static void ma_cidr_clear_host_bits(struct ma_cidr *c)
{
	int nbytes = c->family == 4 ? 4 : 16;

	for (int i = 0; i < nbytes; i++) {
		int keep = c->bits - i * 8;
		if (keep <= 0)
			c->addr[i] = 0;
		else if (keep < 8)
			c->addr[i] &= (uint8_t)(0xff << (8 - keep));
	}
}

static int ma_addr_parse(const char *host, struct ma_cidr *out)
{
	memset(out, 0, sizeof *out);
	if (strchr(host, ':')) {
		if (inet_pton(AF_INET6, host, out->addr) != 1)
			return -1;
		out->family = 6;
		out->bits = 128;
		return 0;
	}
	if (inet_pton(AF_INET, host, out->addr) != 1)
		return -1;
	out->family = 4;
	out->bits = 32;
	return 0;
}

/* ::ffff:a.b.c.d/n (n >= 96) is the IPv4 network a.b.c.d/(n-96). */
static void ma_fold_v4mapped(struct ma_cidr *c)
{
	if (c->family != 6 || c->bits < 96 || memcmp(c->addr, ma_v4mapped, 12) != 0)
		return;
	memmove(c->addr, c->addr + 12, 4);
	memset(c->addr + 4, 0, 12);
	c->family = 4;
	c->bits -= 96;
}

int ma_cidr_parse(const char *s, struct ma_cidr *out)
{
	char host[64];
	const char *slash;
	size_t hl;
	int bits = -1;

	if (!s)
		return -1;
	slash = strchr(s, '/');
	hl = slash ? (size_t)(slash - s) : strlen(s);
	if (hl == 0 || hl >= sizeof host)
		return -1;
	memcpy(host, s, hl);
	host[hl] = '\0';
	if (slash) {
		const char *d = slash + 1;
		if (!*d || strlen(d) > 3)
			return -1;
		bits = 0;
		for (; *d; d++) {
			if (*d < '0' || *d > '9')
				return -1;
			bits = bits * 10 + (*d - '0');
		}
	}
	if (ma_addr_parse(host, out))
		return -1;
	if (bits >= 0) {
		if (bits > out->bits)
			return -1;
		out->bits = bits;
	}
	ma_fold_v4mapped(out);
	ma_cidr_clear_host_bits(out);
	return 0;
}

int ma_ip_parse(const char *s, struct ma_cidr *out)
{
	if (!s || strchr(s, '/') || strlen(s) >= 64)
		return -1;
	if (ma_addr_parse(s, out))
		return -1;
	ma_fold_v4mapped(out);
	return 0;
}

int ma_ip_normal(const char *s, char *out, size_t cap)
{
	char host[64];
	const char *a, *b, *c;
	struct ma_cidr ip;

	if (!s)
		return -1;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	b = s + strlen(s);
	while (b > s && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r' || b[-1] == '\n'))
		b--;
	if (b - s > 4 && strncasecmp(s, "for=", 4) == 0)
		s += 4; /* RFC 7239's Forwarded: for=... */
	if (b - s >= 2 && *s == '"' && b[-1] == '"') {
		s++; /* for="[2001:db8::1]:443" */
		b--;
	}
	a = s;
	if (*a == '[') { /* [v6] or [v6]:port */
		const char *e = memchr(a, ']', (size_t)(b - a));
		if (!e || (e + 1 < b && e[1] != ':'))
			return -1;
		for (c = e + 2; c < b; c++)
			if (*c < '0' || *c > '9')
				return -1;
		a++;
		b = e;
	} else if ((c = memchr(a, ':', (size_t)(b - a))) &&
	           !memchr(c + 1, ':', (size_t)(b - c - 1)) && memchr(a, '.', (size_t)(c - a))) {
		for (const char *d = c + 1; d < b; d++) /* a.b.c.d:port */
			if (*d < '0' || *d > '9')
				return -1;
		b = c;
	}
	if ((c = memchr(a, '%', (size_t)(b - a))) && memchr(a, ':', (size_t)(c - a)))
		b = c; /* v6%zone */
	if (b <= a || (size_t)(b - a) >= sizeof host)
		return -1;
	memcpy(host, a, (size_t)(b - a));
	host[b - a] = '\0';
	if (ma_ip_parse(host, &ip))
		return -1;
	return inet_ntop(ip.family == 4 ? AF_INET : AF_INET6, ip.addr, out, (socklen_t)cap) ? 0
	                                                                                    : -1;
}

int ma_ip_each(const char *s, int (*fn)(void *ctx, const struct ma_cidr *ip), void *ctx)
{
	int n = 0;

	if (!s)
		return 0;
	while (*s) {
		const char *e = strchr(s, ','), *a = s, *b;
		char piece[128];
		struct ma_cidr ip;

		if (!e)
			e = s + strlen(s);
		b = e;
		/* a Forwarded element's pairs: its for= (none: no address) */
		if (memchr(a, ';', (size_t)(b - a)) || memchr(a, '=', (size_t)(b - a))) {
			const char *q = a, *f = NULL;
			while (q < b && !f) {
				const char *t = memchr(q, ';', (size_t)(b - q)), *w = q;
				if (!t)
					t = b;
				while (w < t && (*w == ' ' || *w == '\t'))
					w++;
				if (t - w > 4 && strncasecmp(w, "for=", 4) == 0) {
					f = w;
					b = t;
				}
				q = t + (t < b);
			}
			a = f ? f : b;
		}
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		if (b > a) {
			int ok = (size_t)(b - a) < sizeof piece;
			if (ok) {
				memcpy(piece, a, (size_t)(b - a));
				piece[b - a] = '\0';
				ok = !ma_ip_read(piece, &ip);
			}
			n += ok;
			if (fn && fn(ctx, ok ? &ip : NULL))
				return n;
		}
		s = *e ? e + 1 : e;
	}
	return n;
}

int ma_ip_read(const char *s, struct ma_cidr *out)
{
	char n[64];

	if (!ma_ip_parse(s, out))
		return 0;
	return ma_ip_normal(s, n, sizeof n) ? -1 : ma_ip_parse(n, out);
}

int ma_cidr_contains(const struct ma_cidr *net, const struct ma_cidr *ip)
{
	int full, rest;

	if (net->family != ip->family)
		return 0;
	full = net->bits / 8;
	rest = net->bits % 8;
	if (memcmp(net->addr, ip->addr, (size_t)full) != 0)
		return 0;
	if (rest) {
		uint8_t mask = (uint8_t)(0xff << (8 - rest));
		if ((net->addr[full] & mask) != (ip->addr[full] & mask))
			return 0;
	}
	return 1;
}

/* ---- endpoints ---- */

/* The dots a path segment s[0..n) stands for: 1 for ".", 2 for "..", each
 * dot written plainly or as %2e/%2E, and a ";" parameter after them
 * ignored (Tomcat and Spring route "..;" as ".."); 0 for any other
 * segment. */
static int ma_dot_segment(const char *s, size_t n)
{
	size_t i = 0;
	int dots = 0;

	while (i < n && dots < 3) {
		if (s[i] == '.')
			i++;
		else if (i + 2 < n && s[i] == '%' && s[i + 1] == '2' && (s[i + 2] | 32) == 'e')
			i += 3;
		else
			break;
		dots++;
	}
	return dots && dots < 3 && (i == n || s[i] == ';') ? dots : 0;
}

int ma_endpoint_needs_normal(const char *ep)
{
	for (const char *p = ep; *p && *p != '?' && *p != '#'; p++)
		if ((*p == '/' && (p[1] == '/' || p[1] == '.' || p[1] == '%')) || *p == ';' ||
		    *p == '\\')
			return 1;
	return 0;
}

/* The path part of ep (before '?' or '#') with '\\' read as '/' (IIS, ASP.NET
 * on Windows), each segment's ";" parameters dropped (Tomcat, Jetty,
 * Spring route /admin/users;x=.css as /admin/users), its empty segments
 * merged (nginx's merge_slashes, most routers) and its dot segments removed
 * as RFC 3986 5.2.4 removes them; the rest after the path kept. Never longer
 * than ep: out needs strlen(ep) + 1 bytes. Returns out's length. */
size_t ma_endpoint_normal(const char *ep, char *out)
{
	const char *end = ep + strcspn(ep, "?#"), *p = ep;
	size_t o = 0;
	int slash_end = 0;

	if (*p == '/' || *p == '\\')
		out[o++] = '/';
	while (p < end) {
		const char *q;
		int dots;
		size_t sl;
		if (*p == '/' || *p == '\\') {
			p++;
			continue;
		}
		q = p;
		while (q < end && *q != '/' && *q != '\\')
			q++;
		for (sl = 0; p + sl < q && p[sl] != ';'; sl++)
			;
		dots = ma_dot_segment(p, sl);
		if (dots == 2) {
			/* back over the last segment written (not the root) */
			if (o > 0 && out[o - 1] == '/' && o > 1)
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (dots == 0) {
			if (o > 0 && out[o - 1] != '/')
				out[o++] = '/';
			memcpy(out + o, p, sl);
			o += sl;
		}
		slash_end = dots != 0 || q < end;
		p = q;
	}
	if (slash_end && (o == 0 || out[o - 1] != '/'))
		out[o++] = '/';
	memcpy(out + o, end, strlen(end) + 1);
	return o + strlen(end);
}

int ma_glob_match(const char *glob, const char *s)
{
	const char *star = NULL, *resume = NULL;

	while (*s) {
		if (*glob == '*') {
			star = glob++;
			resume = s;
		} else if (*glob == *s) {
			glob++;
			s++;
		} else if (star) {
			glob = star + 1;
			s = ++resume;
		} else {
			return 0;
		}
	}
	while (*glob == '*')
		glob++;
	return *glob == '\0';
}

/* ---- RFC 3339 ---- */

static int ma_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static int64_t ma_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int ma_rfc3339_parse(const char *s, int64_t *out_ms)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, mo, d, h, mi, sec, ms = 0, off = 0;
	const char *p;
	int64_t days;

	if (!s || strlen(s) < 20)
		return -1;
	if (ma_digits(s, 4, &y) || s[4] != '-' || ma_digits(s + 5, 2, &mo) || s[7] != '-' ||
	    ma_digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != 't') || ma_digits(s + 11, 2, &h) ||
	    s[13] != ':' || ma_digits(s + 14, 2, &mi) || s[16] != ':' || ma_digits(s + 17, 2, &sec))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || sec > 60)
		return -1;
	if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	if (sec == 60)
		sec = 59; /* a leap second reads as the second before it */
	p = s + 19;
	if (*p == '.') {
		int n = 0;
		p++;
		while (*p >= '0' && *p <= '9') {
			if (n < 3)
				ms = ms * 10 + (*p - '0');
			n++;
			p++;
		}
		if (n == 0)
			return -1;
		for (; n < 3; n++)
			ms *= 10;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int oh, om;
		if (ma_digits(p + 1, 2, &oh) || p[3] != ':' || ma_digits(p + 4, 2, &om) ||
		    oh > 23 || om > 59)
			return -1;
		off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
		p += 6;
	} else {
		return -1;
	}
	if (*p)
		return -1;
	days = ma_days_from_civil(y, mo, d);
	*out_ms = ((days * 86400 + h * 3600 + mi * 60 + sec) - (int64_t)off * 60) * 1000 + ms;
	return 0;
}

static char *ma_put(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

void ma_rfc3339_format(int64_t ms, char out[25])
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	int frac = (int)(ms - (int64_t)t * 1000);
	struct tm tm;
	char *p = out;

	gmtime_r(&t, &tm);
	p = ma_put(p, (tm.tm_year + 1900) % 10000, 4);
	*p++ = '-';
	p = ma_put(p, tm.tm_mon + 1, 2);
	*p++ = '-';
	p = ma_put(p, tm.tm_mday, 2);
	*p++ = 'T';
	p = ma_put(p, tm.tm_hour, 2);
	*p++ = ':';
	p = ma_put(p, tm.tm_min, 2);
	*p++ = ':';
	p = ma_put(p, tm.tm_sec, 2);
	*p++ = '.';
	p = ma_put(p, frac, 3);
	*p++ = 'Z';
	*p = '\0';
}

size_t ma_utf8_chars(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}
