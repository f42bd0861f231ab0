/*
 * event_query.c — see event_query.h. Pure functions; any thread.
 */
#include "event_query.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "timefmt.h"

const char *const event_query_statuses[] = {"new", "acknowledged", "false_positive", "resolved",
                                            NULL};
const char *const event_query_actions[] = {"blocked", "logged", NULL};
const char *const event_query_severities[] = {"low", "medium", "high", "critical", NULL};

static const char eq_b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const char *event_query_pick(const char *s, const char *const *set)
{
	for (int i = 0; s && set[i]; i++)
		if (!strcmp(s, set[i]))
			return set[i];
	return NULL;
}

/* ---- cursor ---- */

void event_query_cursor_encode(int64_t ts, int64_t id, char out[EVENT_QUERY_CURSOR_MAX])
{
	char raw[48];
	size_t n = (size_t)snprintf(raw, sizeof raw, "%lld:%lld", (long long)ts, (long long)id);
	size_t o = 0;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)raw[i] << 16;
		size_t left = n - i;
		if (left > 1)
			v |= (unsigned char)raw[i + 1] << 8;
		if (left > 2)
			v |= (unsigned char)raw[i + 2];
		out[o++] = eq_b64[(v >> 18) & 63];
		out[o++] = eq_b64[(v >> 12) & 63];
		if (left > 1)
			out[o++] = eq_b64[(v >> 6) & 63];
		if (left > 2)
			out[o++] = eq_b64[v & 63];
	}
	out[o] = '\0';
}

static int eq_b64_val(char c)
{
	const char *p = c ? strchr(eq_b64, c) : NULL;

	return p ? (int)(p - eq_b64) : -1;
}

/* Parses a decimal number of 1-18 digits (no sign) from [s, end). */
static int eq_number(const char *s, const char *end, int64_t *out)
{
	int64_t v = 0;

	if (end <= s || end - s > 18)
		return MOAT_EINVALID;
	if (*s == '0' && end - s > 1)
		return MOAT_EINVALID;
	for (const char *p = s; p < end; p++) {
		if (*p < '0' || *p > '9')
			return MOAT_EINVALID;
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return MOAT_OK;
}

int event_query_cursor_decode(const char *s, int64_t *ts, int64_t *id)
{
	char raw[48];
	size_t n = strlen(s), o = 0;
	const char *colon;

	if (n == 0 || n > 60 || n % 4 == 1)
		return MOAT_EINVALID;
	for (size_t i = 0; i < n; i += 4) {
		unsigned v = 0;
		size_t k, take = n - i < 4 ? n - i : 4;
		for (k = 0; k < take; k++) {
			int d = eq_b64_val(s[i + k]);
			if (d < 0)
				return MOAT_EINVALID;
			v |= (unsigned)d << (18 - 6 * k);
		}
		/* the unused low bits of a short group must be zero (canonical) */
		if ((take == 2 && (v & 0xffff)) || (take == 3 && (v & 0xff)))
			return MOAT_EINVALID;
		raw[o++] = (char)(v >> 16);
		if (take > 2)
			raw[o++] = (char)(v >> 8);
		if (take > 3)
			raw[o++] = (char)v;
	}
	raw[o] = '\0';
	if (strlen(raw) != o)
		return MOAT_EINVALID;
	colon = strchr(raw, ':');
	if (!colon || eq_number(raw, colon, ts) || eq_number(colon + 1, raw + o, id))
		return MOAT_EINVALID;
	return MOAT_OK;
}

/* ---- free text ---- */

static int eq_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int event_query_fts(const char *text, char *out, size_t cap)
{
	size_t o = 0;
	int terms = 0;

	if (strlen(text) > EVENT_QUERY_TEXT_MAX || cap == 0)
		return MOAT_EINVALID;
	for (const char *p = text; *p;) {
		while (eq_space(*p))
			p++;
		if (!*p)
			break;
		if (++terms > EVENT_QUERY_TERMS_MAX)
			return MOAT_EINVALID;
		if (o + 4 > cap)
			return MOAT_EINVALID;
		if (o)
			out[o++] = ' ';
		out[o++] = '"';
		for (; *p && !eq_space(*p); p++) {
			if (o + 3 > cap)
				return MOAT_EINVALID;
			if (*p == '"')
				out[o++] = '"';
			out[o++] = *p;
		}
		out[o++] = '"';
	}
	out[o] = '\0';
	return terms;
}

/* ---- addresses ---- */

int event_query_addr_parse(const char *s, struct event_cidr *c, char canon[64])
{
	char addr[64];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	int max;

	memset(c, 0, sizeof *c);
	canon[0] = '\0';
	if (alen == 0 || alen >= sizeof addr)
		return MOAT_EINVALID;
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	if (inet_pton(AF_INET, addr, c->net) == 1) {
		c->family = 4;
		max = 32;
	} else if (inet_pton(AF_INET6, addr, c->net) == 1) {
		c->family = 6;
		max = 128;
	} else {
		return MOAT_EINVALID;
	}
	c->bits = max;
	if (slash) {
		int64_t bits;
		if (eq_number(slash + 1, slash + 1 + strlen(slash + 1), &bits) || bits > max)
			return MOAT_EINVALID;
		c->bits = (int)bits;
	}
	for (int i = c->bits; i < max; i++)
		c->net[i / 8] &= (unsigned char)~(0x80u >> (i % 8));
	if (c->bits == max) {
		inet_ntop(c->family == 4 ? AF_INET : AF_INET6, c->net, canon, 64);
		return MOAT_OK;
	}
	/* Canonical text shares a prefix within the network: the whole octets
	 * of IPv4 ("10.1." for /16); for IPv6 the whole groups up to the first
	 * zero one ("2001:db8:" for /32): inet_ntop compresses only runs of
	 * zero groups, so a leading run of non-zero groups is always spelled
	 * out, in lower-case hex without leading zeros. */
	if (c->family == 4) {
		size_t o = 0;
		for (int k = 0; k < c->bits / 8; k++)
			o += (size_t)snprintf(c->lo + o, sizeof c->lo - o, "%u.", c->net[k]);
	} else {
		size_t o = 0;
		for (int k = 0; k < c->bits / 16; k++) {
			unsigned g = (unsigned)(c->net[2 * k] << 8 | c->net[2 * k + 1]);
			if (!g)
				break;
			o += (size_t)snprintf(c->lo + o, sizeof c->lo - o, "%x:", g);
		}
	}
	if (c->lo[0] && event_query_prefix_end(c->lo, c->hi, sizeof c->hi))
		c->lo[0] = '\0';
	return MOAT_OK;
}

int event_query_cidr_match(const struct event_cidr *c, const char *ip)
{
	unsigned char a[16];
	int full, rest;

	if (!ip || inet_pton(c->family == 4 ? AF_INET : AF_INET6, ip, a) != 1)
		return 0;
	full = c->bits / 8;
	rest = c->bits % 8;
	if (memcmp(a, c->net, (size_t)full))
		return 0;
	if (rest) {
		unsigned char m = (unsigned char)(0xffu << (8 - rest));
		if ((a[full] & m) != c->net[full])
			return 0;
	}
	return 1;
}

int event_query_prefix_end(const char *prefix, char *out, size_t cap)
{
	size_t n = strlen(prefix);

	while (n > 0 && (unsigned char)prefix[n - 1] == 0xff)
		n--;
	if (n == 0 || n >= cap)
		return MOAT_EINVALID;
	memcpy(out, prefix, n);
	out[n - 1] = (char)((unsigned char)out[n - 1] + 1);
	out[n] = '\0';
	return MOAT_OK;
}

/* ---- CSV ---- */

int event_query_csv_cell(struct buf *b, const char *s, size_t n)
{
	int formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = formula && s[0] == '\r';
	size_t start = 0;
	int rc = 0;

	for (size_t i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (quote)
		rc |= buf_append(b, "\"", 1);
	if (formula)
		rc |= buf_append(b, "'", 1);
	for (size_t i = 0; quote && i < n; i++) {
		if (s[i] != '"')
			continue;
		rc |= buf_append(b, s + start, i + 1 - start); /* through the quote */
		rc |= buf_append(b, "\"", 1);
		start = i + 1;
	}
	rc |= buf_append(b, s + start, n - start);
	if (quote)
		rc |= buf_append(b, "\"", 1);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* ---- text ---- */

void event_query_time(int64_t ms, char out[EVENT_QUERY_TIME_LEN])
{
	timefmt_rfc3339_ms(ms, out);
}

int event_query_text_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p;
		int len;
		unsigned cp;
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				return 0;
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		for (int k = 1; k <= len; k++) {
			if ((p[k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[k] & 0x3f);
		}
		if ((len == 2 && cp < 0x800) || (len == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += len + 1;
	}
	return 1;
}
