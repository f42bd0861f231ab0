/*
 * ma_ssrf.c — the ssrf check: where a URL goes (ma_url.c parses it as a
 * WHATWG client does), the addresses its host resolves to, whether any
 * of them is internal (loopback, private, shared, link-local with the
 * cloud metadata address, unique-local, unspecified (0.0.0.0, ::), other
 * non-global ranges), whether a user input reached the URL's scheme or authority,
 * and the connect helpers that use exactly the checked addresses. Where
 * a C client built on libcurl reads the URL otherwise (a backslash before
 * '@', an IPv6 zone id, a NUL byte), the host it reaches is judged too.
 *
 * Threads: any, one request at a time (as every check); the resolver is
 * the request's. Nothing is allocated unless the check fires, apart from
 * what getaddrinfo does for names.
 */
#include "ma_int.h"
#include "ma_util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *ma_ssrf_v4(const uint8_t *a)
{
	/* 0.0.0.0 is this host (Linux: "local 0.0.0.0 dev lo"); the rest of
	 * 0.0.0.0/8 is routed like any unicast address since Linux 5.3 (via
	 * the default gateway) or refused: not internal. A number typed as a
	 * host ("1/26/11" -> 0.0.0.1) lands there. */
	if (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0)
		return "ssrf.unspecified";
	if (a[0] == 127)
		return "ssrf.loopback";
	if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xF0) == 16) || (a[0] == 192 && a[1] == 168))
		return "ssrf.private";
	if (a[0] == 100 && (a[1] & 0xC0) == 64)
		return "ssrf.shared"; /* 100.64/10, carrier-grade NAT (and Alibaba's metadata) */
	if (a[0] == 169 && a[1] == 254)
		return a[2] == 169 && a[3] == 254 ? "ssrf.metadata" : "ssrf.link_local";
	/* 192.0.0/24 (Oracle's metadata), benchmarking 198.18/15 (fake-IP
	 * proxies answer there). The documentation ranges (RFC 5737:
	 * 192.0.2/24, 198.51.100/24, 203.0.113/24) are not: nothing answers
	 * there, and manuals and test data are full of them. */
	if ((a[0] == 192 && a[1] == 0 && a[2] == 0) || (a[0] == 198 && (a[1] & 0xFE) == 18))
		return "ssrf.reserved";
	if (a[0] >= 224)
		return "ssrf.reserved"; /* multicast, 240/4, broadcast */
	return NULL;
}

const char *ma_ssrf_classify(int family, const uint8_t *ip)
{
	static const uint8_t zero[16];

	if (family == 4)
		return ma_ssrf_v4(ip);
	/* ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): the IPv4 inside */
	if (memcmp(ip, zero, 10) == 0 && ip[10] == 0xFF && ip[11] == 0xFF)
		return ma_ssrf_v4(ip + 12);
	if (memcmp(ip, zero, 12) == 0) {
		if (memcmp(ip + 12, zero, 3) == 0 && ip[15] <= 1)
			return ip[15] ? "ssrf.loopback" : "ssrf.unspecified";
		return ma_ssrf_v4(ip + 12);
	}
	/* 64:ff9b::/96 NAT64 and 2002::/16 6to4 carry an IPv4 address */
	if (ip[0] == 0 && ip[1] == 0x64 && ip[2] == 0xff && ip[3] == 0x9b) {
		if (memcmp(ip + 4, zero, 8) == 0)
			return ma_ssrf_v4(ip + 12);
		if (ip[4] == 0 && ip[5] == 1)
			return "ssrf.private"; /* 64:ff9b:1::/48, local-use NAT64 */
	}
	if (ip[0] == 0x20 && ip[1] == 0x02)
		return ma_ssrf_v4(ip + 2);
	if ((ip[0] & 0xFE) == 0xFC) {
		static const uint8_t ec2[16] = {0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0,
		                                0,    0, 0,    0,    0, 0, 2, 0x54};
		return memcmp(ip, ec2, 16) == 0 ? "ssrf.metadata" : "ssrf.unique_local";
	}
	if (ip[0] == 0xFE && (ip[1] & 0xC0) == 0x80)
		return "ssrf.link_local";
	if (ip[0] == 0xFE && (ip[1] & 0xC0) == 0xC0)
		return "ssrf.private"; /* fec0::/10, the old site-local */
	if (ip[0] == 0xFF)
		return "ssrf.reserved"; /* multicast */
	if (ip[0] == 0x01 && ip[1] == 0 && memcmp(ip + 2, zero, 6) == 0)
		return "ssrf.reserved"; /* 100::/64 discard */
	if (ip[0] == 0x20 && ip[1] == 0x01 && ip[2] == 0 && ip[3] == 0) {
		/* 2001::/32 Teredo: the client's IPv4 address, inverted, ends it
		 * (a Teredo host sends to that address directly). A NAT's
		 * unicast address: one in 224/3 (multicast, 240/4, broadcast;
		 * [2001::1] carries 255.255.255.254) is no Teredo peer. */
		const uint8_t v4[4] = {(uint8_t)~ip[12], (uint8_t)~ip[13], (uint8_t)~ip[14],
		                       (uint8_t)~ip[15]};
		return v4[0] >= 224 ? NULL : ma_ssrf_v4(v4);
	}
	/* 2001:db8::/32, documentation (RFC 3849): as RFC 5737's, public */
	return NULL;
}

/* getaddrinfo: the default resolver. */
static int ma_ssrf_getaddrinfo(const char *host, struct moat_addr *out, int max, void *arg)
{
	struct addrinfo hints, *res = NULL;
	int n = 0;

	(void)arg;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, NULL, &hints, &res) != 0)
		return -1;
	for (struct addrinfo *ai = res; ai && n < max; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET) {
			const struct sockaddr_in *sa = (const void *)ai->ai_addr;
			out[n].family = 4;
			memset(out[n].ip, 0, 16);
			memcpy(out[n].ip, &sa->sin_addr, 4);
			n++;
		} else if (ai->ai_family == AF_INET6) {
			const struct sockaddr_in6 *sa = (const void *)ai->ai_addr;
			out[n].family = 6;
			memcpy(out[n].ip, &sa->sin6_addr, 16);
			n++;
		}
	}
	freeaddrinfo(res);
	return n;
}

/* 1 if name is localhost or *.localhost (RFC 6761: always loopback,
 * without DNS), a trailing dot ignored. */
static int ma_ssrf_localhost(const char *h)
{
	size_t n = strlen(h);

	if (n && h[n - 1] == '.')
		n--;
	if (n == 9 && memcmp(h, "localhost", 9) == 0)
		return 1;
	return n > 10 && memcmp(h + n - 10, ".localhost", 10) == 0;
}

/* The first occurrence of v (vl >= 1 bytes) in s[0, n), as memmem finds
 * it, without memmem's cost on a needle past 256 bytes (tables built on
 * every call) where the first byte and a compare find it: a few tries,
 * then memmem on the rest. */
static const char *ma_ssrf_find(const char *s, size_t n, const char *v, size_t vl)
{
	size_t from = 0;

	for (int tries = 0; tries < 8; tries++) {
		const char *c;
		if (n - from < vl)
			return NULL;
		c = memchr(s + from, (unsigned char)v[0], n - from - vl + 1);
		if (!c)
			return NULL;
		if (memcmp(c, v, vl) == 0)
			return c;
		from = (size_t)(c - s) + 1;
	}
	return memmem(s + from, n - from, v, vl);
}

/* 0 when v (vl >= 1 bytes) cannot occur where ma_ssrf_reaches looks: an
 * occurrence that covers url[lead] (the first byte above 0x20: v's own
 * leading bytes up to 0x20 place it), or one that covers the whole host
 * (v holds the host's text). 1 when it may. */
static int ma_ssrf_may_reach(const char *url, size_t len, size_t lead, const struct ma_weburl *u,
                             const char *v, size_t vl)
{
	size_t sp = 0;

	if (lead >= len)
		return 1;
	while (sp < vl && (unsigned char)v[sp] <= 0x20)
		sp++;
	if (sp < vl && sp <= lead && lead - sp + vl <= len && !memcmp(url + lead - sp, v, vl))
		return 1;
	return u->host_end > u->host_start && u->host_end - u->host_start <= vl &&
	       ma_ssrf_find(v, vl, url + u->host_start, u->host_end - u->host_start);
}

/* Bytes of a label separator at s[i] (before end): '.', "%2e", and the
 * ideographic and fullwidth full stops that WHATWG maps to '.'; 0 if
 * none. */
static size_t ma_ssrf_dot(const char *s, size_t i, size_t end)
{
	const unsigned char *p = (const unsigned char *)s + i;

	if (p[0] == '.')
		return 1;
	if (end - i < 3)
		return 0;
	if (p[0] == '%' && p[1] == '2' && (p[2] == 'e' || p[2] == 'E'))
		return 3;
	if ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82) ||
	    (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8E) ||
	    (p[0] == 0xEF && p[1] == 0xBD && p[2] == 0xA1))
		return 3;
	return 0;
}

/* The host's last two labels in url's text (lab[0..1] and lab[2..3]:
 * start and end of each; the first is empty for a one-label name), a
 * trailing separator aside: the registrable domain as far as it can be
 * told without a public suffix list. 0 when there is none (no host in
 * the text, an address). */
static int ma_ssrf_last_labels(const char *url, const struct ma_weburl *u, size_t lab[4])
{
	size_t hs = u->host_start, he = u->host_end, i = hs, end = he;
	size_t s0 = hs, e0 = hs, s1 = hs; /* labels [s0, e0) and [s1, end) */

	if (he <= hs || (u->host_type != MA_HOST_DOMAIN && u->host_type != MA_HOST_OPAQUE))
		return 0;
	while (i < he) {
		size_t d = ma_ssrf_dot(url, i, he);
		if (!d) {
			i++;
			continue;
		}
		if (i + d == he) { /* "example.com." */
			end = i;
			break;
		}
		s0 = s1;
		e0 = i;
		s1 = i + d;
		i += d;
	}
	lab[0] = s0;
	lab[1] = e0;
	lab[2] = s1;
	lab[3] = end;
	return 1;
}

/* 1 if v (vl bytes) occurs in url covering a whole label of the host's
 * last two (lab, ma_ssrf_last_labels): it wrote the end of the host, the
 * part that decides where the name resolves ("https://img." + a domain,
 * "https://api.example.com" + ".attacker.tld", "https://cdn-" +
 * "x.attacker.tld#" + ".example.com/"). Looks only where such an
 * occurrence can start, at most 16 of them. */
static int ma_ssrf_writes_end(const char *url, size_t len, const size_t lab[4], const char *v,
                              size_t vl)
{
	int two = lab[1] > lab[0];
	size_t first_end = two ? lab[1] : lab[3], from, to;

	if (vl < (two ? lab[1] - lab[0] : lab[3] - lab[2]) && vl < lab[3] - lab[2])
		return 0; /* shorter than either label */
	from = first_end > vl ? first_end - vl : 0;
	to = lab[2] + vl < len ? lab[2] + vl : len;
	for (int seen = 0; from + vl <= to && seen < 16; seen++) {
		const char *at = ma_ssrf_find(url + from, to - from, v, vl);
		size_t a, e;
		if (!at)
			break;
		a = (size_t)(at - url);
		e = a + vl;
		if ((lab[1] > lab[0] && a <= lab[0] && e >= lab[1]) ||
		    (lab[3] > lab[2] && a <= lab[2] && e >= lab[3]))
			return 1;
		from = a + 1;
	}
	return 0;
}

/* 1 if some form of input in chose where url goes: it occurs in url
 * covering the whole host (http:// + host + /path), or it starts the URL
 * (the scheme and authority are the user's), or it writes a whole label
 * of a name's last two (ma_ssrf_writes_end: the application did not fix
 * the registrable domain). A piece of the host (a "5" in 10.0.0.5, a
 * label left of the last two, as "eu" in eu.cdn.example.com) is not
 * enough. Only the first 16 occurrences before the end of the authority
 * count. */
static int ma_ssrf_reaches(const struct ma_input *in, int *form, const char *url, size_t len,
                           const struct ma_weburl *u)
{
	size_t lead = 0, lab[4] = {0, 0, 0, 0};
	int named = ma_ssrf_last_labels(url, u, lab);

	while (lead < len && (unsigned char)url[lead] <= 0x20)
		lead++;
	for (int k = 0; k < in->nforms; k++) {
		const char *v = in->form[k];
		size_t vl = in->form_len[k], from = 0;
		int seen = 0;
		if (vl == 0 || vl > len)
			continue;
		if (named && ma_ssrf_writes_end(url, len, lab, v, vl)) {
			*form = k;
			return 1;
		}
		if (!ma_ssrf_may_reach(url, len, lead, u, v, vl))
			continue;
		while (from + vl <= len && seen++ < 16) {
			const char *at = ma_ssrf_find(url + from, len - from, v, vl);
			size_t a;
			if (!at)
				break;
			a = (size_t)(at - url);
			if (a >= u->authority_end)
				break;
			if ((a <= lead && a + vl > lead &&
			     (u->host_end > u->host_start ? a + vl > u->host_start
			                                  : a + vl >= u->authority_end)) ||
			    (u->host_end > u->host_start && a <= u->host_start &&
			     a + vl >= u->host_end)) {
				*form = k;
				return 1;
			}
			from = a + 1;
		}
	}
	return 0;
}

/* 1 if v (vl bytes), parsed as a WHATWG client parses it -- as a URL
 * when it holds a ':' (and as_url), else as the host of "http://" + it --
 * has host (serialized). */
static int ma_ssrf_host_is(const char *v, size_t vl, const char *host, int as_url)
{
	char tmp[MA_URL_HOST_MAX + 16];
	struct ma_weburl p;
	int rc;

	if (vl < 3 || vl > MA_URL_HOST_MAX)
		return 0;
	/* as a URL (a ':' in it), and as what follows "http://" (a host,
	 * "0x7f000001:6379" with its port) */
	for (int as = as_url && memchr(v, ':', vl) ? 0 : 1; as < 2; as++) {
		if (as == 0) {
			rc = ma_url_parse_web(v, vl, NULL, &p);
		} else {
			memcpy(tmp, "http://", 7);
			memcpy(tmp + 7, v, vl);
			rc = ma_url_parse_web(tmp, vl + 7, NULL, &p);
		}
		if ((rc == 0 || rc == MA_URL_IDNA_NEWER) && !strcmp(p.host, host))
			return 1;
	}
	return 0;
}

/* The headers an application reads to build its own URL behind a proxy
 * (Express' req.hostname, Django's get_host(), Rails' request.host with
 * X-Forwarded-Host; Forwarded's host=, RFC 7239): 1 for Forwarded, 2 for
 * the others, 0 for any other header (Host among them). name: the
 * input's parameter name after "header." (lower case). */
static int ma_ssrf_host_header(const char *name)
{
	static const char *const names[] = {"x-forwarded-host", "x-forwarded-server", "x-host",
	                                    "x-original-host"};

	if (!strcmp(name, "forwarded"))
		return 1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i]))
			return 2;
	return 0;
}

/* 1 if an element of the header value v (vl bytes; elements split at
 * ',': a proxy chain's list, whose first or last the application takes)
 * names host: the element trimmed, or for Forwarded (fwd) its host=
 * parameter, quotes taken off. */
static int ma_ssrf_header_host(const char *v, size_t vl, int fwd, const char *host)
{
	size_t i = 0;

	while (i < vl) {
		size_t a = i, e;
		while (i < vl && v[i] != ',')
			i++;
		e = i++;
		if (fwd) { /* for=...;host=...;proto=... */
			size_t k = a;
			while (k + 5 <= e && strncasecmp(v + k, "host=", 5) != 0)
				k++;
			if (k + 5 > e ||
			    (k > a && v[k - 1] != ';' && v[k - 1] != ' ' && v[k - 1] != '\t'))
				continue;
			a = k + 5;
			for (k = a; k < e && v[k] != ';'; k++)
				;
			e = k;
		}
		while (a < e && (v[a] == ' ' || v[a] == '\t'))
			a++;
		while (e > a && (v[e - 1] == ' ' || v[e - 1] == '\t'))
			e--;
		if (e - a >= 2 && v[a] == '"' && v[e - 1] == '"')
			a++, e--;
		if (ma_ssrf_host_is(v + a, e - a, host, 0))
			return 1;
	}
	return 0;
}

/* 1 if a form of input in, parsed as a WHATWG client parses it (as a URL
 * when it holds a ':', else as the host of "http://" + it) has the host
 * (serialized) the URL checked goes to: an application that parses the
 * URL it was sent and checks the parsed one (Node's new URL(x).href,
 * review25f) checks a text without the input where the attacker wrote the
 * host as the parser rewrites it (HTTP://LOCALHOST, 0xA9FEA9FE, 127.1,
 * 0177.0.0.1, a trailing dot). Read only for a URL that goes inside.
 * headers 0: every input but the headers; 1: the headers an application
 * builds its own URL from (ma_ssrf_host_header: X-Forwarded-Host,
 * Forwarded's host=; `new URL("http://" + req.headers["x-forwarded-host"]
 * + "/internal/status")`, review27g), read in a pass of their own after
 * every other input's. Never the Host header: it names the application's
 * own host, which its own loopback fetches share (the shop's e2e); written
 * into the URL as it came, it reaches the URL and is found so. */
static int ma_ssrf_parsed_host(const struct ma_input *in, int *form, const char *host, int headers)
{
	int fwd = 0;

	if (!host[0] || (in->kind == MOAT_INPUT_HEADER) != headers)
		return 0;
	if (headers && !(fwd = ma_ssrf_host_header(in->param + 7)))
		return 0;
	for (int k = 0; k < in->nforms; k++) {
		if (headers ? ma_ssrf_header_host(in->form[k], in->form_len[k], fwd == 1, host)
		            : ma_ssrf_host_is(in->form[k], in->form_len[k], host, 1)) {
			*form = k;
			return 1;
		}
	}
	return 0;
}

/* 1 if host (as serialized: a name, a dotted IPv4, a bracketed IPv6) is
 * in ssrf.allow_hosts; an IPv6 address may be listed with or without its
 * brackets. */
static int ma_ssrf_allowed(const struct moat_policy *p, const char *host)
{
	char bare[MA_URL_HOST_MAX];
	size_t n = strlen(host);

	if (!host[0])
		return 0;
	if (moat_policy_host_allowed(p, host))
		return 1;
	if (host[0] == '[' && n > 2 && n - 2 < sizeof bare) {
		memcpy(bare, host + 1, n - 2);
		bare[n - 2] = '\0';
		return moat_policy_host_allowed(p, bare);
	}
	return 0;
}

/* s into out (cap bytes), cut to fit and terminated: snprintf's "%s"
 * without its cost on the path that fires. */
static void ma_ssrf_copy(char *out, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (n >= cap)
		n = cap - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Fills t from the parsed URL: host, port, addresses. Returns the rule of
 * the first internal address (or file:), NULL if none. */
static const char *ma_ssrf_target(struct moat_request *r, const struct ma_weburl *u,
                                  struct moat_url_target *t)
{
	static const struct {
		const char *s;
		int port;
	} ports[] = {{"http", 80},   {"https", 443}, {"ws", 80},    {"wss", 443},  {"ftp", 21},
	             {"gopher", 70}, {"dict", 2628}, {"ldap", 389}, {"smtp", 25},  {"redis", 6379},
	             {"sftp", 22},   {"ssh", 22},    {"tftp", 69},  {"imap", 143}, {"telnet", 23}};
	const char *rule = NULL;
	struct ma_weburl ip;
	moat_resolver_fn fn;
	void *arg;
	int n;

	ma_ssrf_copy(t->scheme, sizeof t->scheme, u->scheme);
	ma_ssrf_copy(t->host, sizeof t->host, u->host);
	t->port = u->port > 0 ? u->port : 0;
	for (size_t i = 0; !t->port && i < sizeof ports / sizeof ports[0]; i++)
		if (!strcmp(u->scheme, ports[i].s))
			t->port = ports[i].port;
	if (!memcmp(u->scheme, "file", 5))
		return "ssrf.local_file"; /* the server's own files */
	ip = *u;
	if (u->host_type == MA_HOST_OPAQUE) {
		/* gopher://, dict:// ...: curl and getaddrinfo read the host as a
		 * special scheme would (0x7f.1, %-encoding) */
		char tmp[MA_URL_HOST_MAX + 16];
		int w = snprintf(tmp, sizeof tmp, "http://%s/", u->host);
		if (w > 0 && (size_t)w < sizeof tmp &&
		    ma_url_parse_web(tmp, (size_t)w, NULL, &ip) == 0)
			ma_ssrf_copy(t->host, sizeof t->host, ip.host);
		else
			ip = *u;
	}
	if (ip.host_type == MA_HOST_IPV4 || ip.host_type == MA_HOST_IPV6) {
		t->naddr = 1;
		t->addr[0].family = ip.host_type == MA_HOST_IPV4 ? 4 : 6;
		memcpy(t->addr[0].ip, ip.ip, 16);
		return ma_ssrf_classify(t->addr[0].family, t->addr[0].ip);
	}
	if (ip.host_type != MA_HOST_DOMAIN && ip.host_type != MA_HOST_OPAQUE)
		return NULL;
	if (ma_ssrf_localhost(ip.host)) {
		t->naddr = 2;
		memset(t->addr, 0, 2 * sizeof t->addr[0]);
		t->addr[0].family = 4;
		t->addr[0].ip[0] = 127;
		t->addr[0].ip[3] = 1;
		t->addr[1].family = 6;
		t->addr[1].ip[15] = 1;
		return "ssrf.loopback";
	}
	ma_request_resolver(r, &fn, &arg);
	n = (fn ? fn : ma_ssrf_getaddrinfo)(ip.host, t->addr, MOAT_URL_MAX_ADDRS, arg);
	t->naddr = n > 0 ? (n > MOAT_URL_MAX_ADDRS ? MOAT_URL_MAX_ADDRS : n) : 0;
	for (int i = 0; i < t->naddr && !rule; i++)
		rule = ma_ssrf_classify(t->addr[i].family == 4 ? 4 : 6, t->addr[i].ip);
	return rule;
}

#define MA_SSRF_C_MAX 4352 /* bytes of a URL read as a C client reads it */

/* The scheme libcurl guesses for a URL that has none (CURLOPT_URL, the
 * curl tool: "localhost:6379/", "127.0.0.1/admin", "mailto:a@127.0.0.1"
 * -- a scheme counts only when ":/" follows it), with "://": "ftp://"
 * for a host that starts "ftp." (also dict, ldap, imap, smtp, pop3),
 * else "http://". NULL when the URL has a scheme, or starts with '/' or
 * a blank (curl fetches nothing then). */
static const char *ma_ssrf_c_guess(const char *url, size_t n)
{
	static const char *const by_host[] = {"ftp", "dict", "ldap", "imap", "smtp", "pop3"};
	static char const *const full[] = {"ftp://",  "dict://", "ldap://",
	                                   "imap://", "smtp://", "pop3://"};
	size_t i = 0;

	if (n == 0 || url[0] == '/' || url[0] == '\\' || (unsigned char)url[0] <= 0x20)
		return NULL;
	if ((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z')) {
		for (i = 1; i < n && i < 40; i++) {
			char c = url[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
				break;
		}
		if (i + 1 < n && url[i] == ':' && url[i + 1] == '/')
			return NULL;
	}
	for (size_t k = 0; k < sizeof by_host / sizeof by_host[0]; k++) {
		size_t hl = strlen(by_host[k]);
		if (n > hl && url[hl] == '.' && !strncasecmp(url, by_host[k], hl))
			return full[k];
	}
	return "http://";
}

/* The URL as a C client built on libcurl reads it where a WHATWG client
 * reads it otherwise, written into out (cap bytes) so that the WHATWG
 * parser finds curl's host: the text before a NUL byte (a C string ends
 * there); in the authority after "//", which ends at '/', '?' or '#'
 * and not at a backslash, backslashes before its first '@' are userinfo
 * (http://good.example\@127.0.0.1/ goes to 127.0.0.1), written as '!';
 * an IPv6 zone id ([fe80::1%25eth0], [::1%lo]: WHATWG refuses it, curl
 * connects) dropped, *zlen bytes at *zat; a URL without a scheme after
 * the scheme curl guesses (ma_ssrf_c_guess), *pre bytes before the URL's
 * text. *odd: a NUL or a backslash, as no application writes its own
 * URL. Returns the length, 0 when curl reads the URL as WHATWG does (or
 * its authority does not fit). */
static size_t ma_ssrf_c_reading(const char *url, size_t len, char *out, size_t cap, size_t *zat,
                                size_t *zlen, int *odd, size_t *pre)
{
	const char *nul = memchr(url, 0, len);
	size_t n = nul ? (size_t)(nul - url) : len, p = 0, ss, as, ae, hs;
	const char *at;
	const char *guess = ma_ssrf_c_guess(url, n);
	int changed = nul != NULL || guess != NULL;

	*zat = *zlen = 0;
	*odd = nul != NULL;
	*pre = guess ? strlen(guess) : 0;
	if (n > cap - *pre)
		n = cap - *pre;
	memcpy(out, guess ? guess : "", *pre);
	memcpy(out + *pre, url, n);
	n += *pre;
	while (p < n && (unsigned char)out[p] <= 0x20)
		p++;
	ss = p;
	while (p < n && out[p] != ':' && out[p] != '/' && out[p] != '\\')
		p++;
	if (p == ss || p + 2 >= n || out[p] != ':' || out[p + 1] != '/' || out[p + 2] != '/')
		return changed && n < len ? n : 0;
	as = p + 3;
	for (ae = as; ae < n && out[ae] != '/' && out[ae] != '?' && out[ae] != '#'; ae++)
		;
	if (ae == n && n == cap && cap < len + *pre)
		return 0;
	at = memchr(out + as, '@', ae - as);
	for (size_t i = as; at && i < (size_t)(at - out); i++)
		if (out[i] == '\\') {
			out[i] = '!';
			changed = *odd = 1;
		}
	hs = at ? (size_t)(at - out) + 1 : as;
	if (hs < ae && out[hs] == '[') {
		const char *rb = memchr(out + hs, ']', ae - hs);
		const char *pct = rb ? memchr(out + hs, '%', (size_t)(rb - out) - hs) : NULL;
		if (pct) {
			*zat = (size_t)(pct - out);
			*zlen = (size_t)(rb - pct);
			memmove(out + *zat, rb, n - (size_t)(rb - out));
			n -= *zlen;
			changed = 1;
		}
	}
	return changed ? n : 0;
}

/* 1 when curl may read the URL otherwise than WHATWG: up to the end of
 * its authority (the first '/', '?' or '#' after "//"; the rest only
 * changes the path) it holds a NUL byte, a backslash, or '[' and '%'.
 * parsed: WHATWG parsed it as u, whose authority ends where curl's does
 * unless a backslash ends it. */
static int ma_ssrf_c_may_differ(const char *url, size_t len, int parsed, const struct ma_weburl *u)
{
	const char *q;
	size_t e = len;
	int pct = 0, br = 0;

	if (ma_ssrf_c_guess(url, len))
		return 1; /* no scheme: curl guesses one */
	if (parsed) {
		e = u->authority_end < len ? u->authority_end : len;
		if (e < len && url[e] == '\\')
			return 1;
		return memchr(url, '\0', e) || memchr(url, '\\', e) ||
		       (memchr(url, '%', e) && memchr(url, '[', e));
	}
	q = memchr(url, '/', len);
	if (q && (size_t)(q - url) + 1 < len && q[1] == '/')
		for (e = (size_t)(q - url) + 2;
		     e < len && url[e] != '/' && url[e] != '?' && url[e] != '#'; e++)
			;
	for (size_t i = 0; i < e; i++) {
		if (url[i] == '\0' || url[i] == '\\')
			return 1;
		pct |= url[i] == '%';
		br |= url[i] == '[';
	}
	return pct && br;
}

static const char *ma_ssrf_sharp_s(struct moat_request *r, const char *url, size_t len,
                                   struct ma_weburl *u, struct moat_url_target *t);

/* The rule of the host a C client built on libcurl reaches where it reads
 * the URL otherwise than WHATWG (ma_ssrf_c_reading), NULL if none or not
 * internal; then *u and *t are that reading's, u's offsets in url's text.
 * A curl reading that is not internal is *t's (NULL returned). */
static const char *ma_ssrf_c_target(struct moat_request *r, const char *url, size_t len, int parsed,
                                    struct ma_weburl *u, struct moat_url_target *t)
{
	char c[MA_SSRF_C_MAX];
	struct ma_weburl cu;
	struct moat_url_target ct;
	const char *rule;
	size_t cn, zat, zlen, pre;
	int odd, rc;

	if (!ma_ssrf_c_may_differ(url, len, parsed, u))
		return NULL;
	cn = ma_ssrf_c_reading(url, len, c, sizeof c, &zat, &zlen, &odd, &pre);
	if (!cn)
		return NULL;
	rc = ma_url_parse_web(c, cn, NULL, &cu);
	if (rc && rc != MA_URL_IDNA_NEWER)
		return NULL;
	memset(&ct, 0, sizeof ct);
	rule = ma_ssrf_target(r, &cu, &ct);
	if (!rule) /* curl's own reading of a U+1E9E: "ss" (misc9) */
		rule = ma_ssrf_sharp_s(r, c, cn, &cu, &ct);
	if (!rule) {
		/* curl's host is public too: the target is curl's reading, so
		 * that moat_url_curl_resolve's pin names the host and port
		 * curl connects to (pinned to another, curl resolves its own
		 * name itself: the rebinding window the pin closes; review23);
		 * moat_connect_checked is as safe with either checked set; a
		 * name that did not resolve leaves no address, and the helpers
		 * refuse to connect */
		ct.verdict = MOAT_ALLOW;
		*t = ct;
		return NULL;
	}
	if (zlen) {
		if (cu.host_end > zat)
			cu.host_end += zlen;
		if (cu.authority_end > zat)
			cu.authority_end += zlen;
	}
	if (pre) { /* offsets in url's text: the guessed scheme is not there */
		cu.host_start = cu.host_start > pre ? cu.host_start - pre : 0;
		cu.host_end = cu.host_end > pre ? cu.host_end - pre : 0;
		cu.authority_end = cu.authority_end > pre ? cu.authority_end - pre : 0;
	}
	cu.odd |= odd || rc == MA_URL_IDNA_NEWER;
	*u = cu;
	ct.verdict = MOAT_ALLOW;
	*t = ct;
	return rule;
}

/* The byte at url[i] of a host's text, raw or percent-encoded (*w its
 * width), -1 past end. */
static int ma_ssrf_host_byte(const char *url, size_t i, size_t end, size_t *w)
{
	int a, b;

	if (i >= end)
		return -1;
	*w = 1;
	if (url[i] != '%' || i + 2 >= end)
		return (unsigned char)url[i];
	a = ma_hex_val((unsigned char)url[i + 1]);
	b = ma_hex_val((unsigned char)url[i + 2]);
	if (a < 0 || b < 0)
		return '%';
	*w = 3;
	return a << 4 | b;
}

/* U+1E9E (capital sharp s): UTS #46 15.1 and later (WHATWG's tests, the
 * table here, current browsers) map it to U+00DF, 15.0 and earlier
 * (Node 20, libcurl with libidn2 2.3, Python's idna) to "ss": two names,
 * which an attacker may point apart (review23e). The WHATWG reading
 * public, the host's text is read again with each U+1E9E (raw or
 * percent-encoded) written "ss": the rule of that reading if it is
 * internal, *u (odd, offsets of url's text) and *t then its; NULL if the
 * host holds none or that reading is public too, and then *t is the "ss"
 * reading's: curl 7.88 here looks up "ss" (`curl -v` on a name that does
 * not resolve prints it), so moat_url_curl_resolve's pin names the host
 * curl connects to (pinned to the other, curl resolves its own itself:
 * the rebinding window the pin closes); moat_connect_checked is as safe
 * with either checked set. */
static const char *ma_ssrf_sharp_s(struct moat_request *r, const char *url, size_t len,
                                   struct ma_weburl *u, struct moat_url_target *t)
{
	char c[MA_SSRF_C_MAX];
	struct ma_weburl su;
	struct moat_url_target st;
	size_t hs = u->host_start, he = u->host_end, o, w1, w2, w3;
	const char *rule;
	int found = 0, rc;

	if (he <= hs || u->authority_end < he || u->authority_end > len ||
	    u->authority_end + 1 >= sizeof c ||
	    (!memchr(url + hs, 0xE1, he - hs) && !memchr(url + hs, '%', he - hs)))
		return NULL;
	memcpy(c, url, hs);
	o = hs;
	for (size_t i = hs; i < he;) {
		if (ma_ssrf_host_byte(url, i, he, &w1) == 0xE1 &&
		    ma_ssrf_host_byte(url, i + w1, he, &w2) == 0xBA &&
		    ma_ssrf_host_byte(url, i + w1 + w2, he, &w3) == 0x9E) {
			c[o++] = 's';
			c[o++] = 's';
			i += w1 + w2 + w3;
			found = 1;
			continue;
		}
		c[o++] = url[i++];
	}
	if (!found)
		return NULL;
	memcpy(c + o, url + he, u->authority_end - he);
	o += u->authority_end - he;
	c[o++] = '/';
	rc = ma_url_parse_web(c, o, NULL, &su);
	if (rc && rc != MA_URL_IDNA_NEWER)
		return NULL;
	memset(&st, 0, sizeof st);
	rule = ma_ssrf_target(r, &su, &st);
	st.verdict = MOAT_ALLOW;
	if (!rule) {
		*t = st;
		return NULL;
	}
	su.host_start = hs;
	su.host_end = he;
	su.authority_end = u->authority_end;
	su.odd = 1; /* a name two generations of clients read apart */
	*u = su;
	*t = st;
	return rule;
}

/* A URL whose authority or host is longer than the parser's buffers (4 KB,
 * MA_URL_HOST_MAX): a WHATWG client reads on (an IPv4 address after
 * thousands of leading zeros is still 127.0.0.1), so passing it as "no
 * client fetches it" would let it through unjudged. No application
 * writes such a URL for itself: it fires (ssrf.too_long), attributed to
 * each input that occurs in it until one blocks (one an exclusion turns
 * down or off does not end the check: review24's decoy), or to none when
 * no input occurs in it. */
static int ma_ssrf_too_long(struct moat_request *r, const char *url, size_t len,
                            struct moat_url_target *t, const char *file, int line,
                            const char *function)
{
	struct ma_finding fd = {
	    .interceptor = "ssrf",
	    .rule = "ssrf.too_long",
	    .severity = "high",
	    .confidence = 0.7,
	    .operation = url,
	    .operation_len = len,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	const struct ma_input *in;
	size_t nin;
	int v = -1, found = 0;

	if (!r || ma_request_mode(r, "ssrf", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	in = ma_request_inputs(r, &nin);
	for (size_t i = 0; i < nin && v < 0; i++)
		for (int k = 0; k < in[i].nforms; k++)
			if (in[i].form_len[k] >= 8 && in[i].form_len[k] <= len &&
			    ma_ssrf_find(url, len, in[i].form[k], in[i].form_len[k])) {
				fd.input = &in[i];
				fd.form = k;
				found = 1;
				v = ma_request_fire(r, &fd); /* < 0: excluded, the next input */
				break;
			}
	if (!found)
		v = ma_request_fire(r, &fd);
	if (v < 0)
		v = MOAT_ALLOW;
	t->verdict = v;
	return v;
}

int moat_check_url_at(struct moat_request *r, const char *url, size_t len,
                      struct moat_url_target *out, const char *file, int line, const char *function)
{
	struct moat_url_target local;
	struct moat_url_target *t = out ? out : &local;
	struct ma_weburl u;
	const struct ma_input *in;
	const char *rule;
	size_t nin;
	int rc, parsed;

	memset(t, 0, sizeof *t);
	t->verdict = MOAT_ALLOW;
	if (!url)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(url);
	rc = ma_url_parse_web(url, len, NULL, &u);
	if (rc == MA_URL_TOO_LONG)
		return ma_ssrf_too_long(r, url, len, t, file, line, function);
	if (rc == MA_URL_IDNA_NEWER)
		u.odd = 1; /* the host a client with a newer IDNA table fetches */
	/* where WHATWG fails (no such client fetches it) or goes to a public
	 * host, a C client built on libcurl may read another host */
	parsed = rc == 0 || rc == MA_URL_IDNA_NEWER;
	rule = parsed ? ma_ssrf_target(r, &u, t) : NULL;
	if (!rule && parsed)
		rule = ma_ssrf_sharp_s(r, url, len, &u, t);
	if (!rule)
		rule = ma_ssrf_c_target(r, url, len, parsed, &u, t);
	if (!rule || !r || ma_request_mode(r, "ssrf", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	if (ma_ssrf_allowed(ma_request_policy(r), t->host))
		return MOAT_ALLOW;
	in = ma_request_inputs(r, &nin);
	for (int pass = 0; pass < 4; pass++) {
		/* pass 0: a user input reached the scheme or authority; pass 1:
		 * none did, but one has the URL's host as a client parses it
		 * (ma_ssrf_parsed_host: after the inputs whose text is there, so
		 * a Host header that names the same host is not taken for the
		 * input that wrote the URL); pass 2: none of those, but a
		 * forwarding header (X-Forwarded-Host, Forwarded's host=) has it;
		 * pass 3: none did, but the address is written as no application
		 * writes its own (context-free) */
		for (size_t i = 0; i < (pass == 3 ? 1 : nin); i++) {
			struct ma_finding fd = {
			    .interceptor = "ssrf",
			    .rule = rule,
			    .severity = !strcmp(rule, "ssrf.metadata") ? "critical" : "high",
			    .confidence = pass == 3 ? 0.8
			                  : pass    ? 0.9
			                            : 0.95,
			    .operation = url,
			    .operation_len = len,
			    .extra_key = "host",
			    .extra_value = t->host,
			    .file = file,
			    .line = line,
			    .function = function,
			};
			int v;
			if (pass < 3) {
				if (pass == 0 ? !ma_ssrf_reaches(&in[i], &fd.form, url, len, &u)
				              : !ma_ssrf_parsed_host(&in[i], &fd.form, t->host,
				                                     pass == 2))
					continue;
				fd.input = &in[i];
			} else if (!u.odd) {
				break;
			}
			v = ma_request_fire(r, &fd);
			if (v >= 0) {
				t->verdict = v;
				return v;
			}
		}
	}
	return MOAT_ALLOW;
}

int moat_connect_checked(const struct moat_url_target *t, int timeout_ms)
{
	if (!t || t->verdict == MOAT_BLOCK || t->naddr <= 0 || t->port <= 0)
		return MOAT_AGENT_EINVAL;
	for (int i = 0; i < t->naddr && i < MOAT_URL_MAX_ADDRS; i++) {
		struct sockaddr_storage ss;
		socklen_t sl;
		int fd, rc;
		memset(&ss, 0, sizeof ss);
		if (t->addr[i].family == 4) {
			struct sockaddr_in *sa = (struct sockaddr_in *)&ss;
			sa->sin_family = AF_INET;
			sa->sin_port = htons((uint16_t)t->port);
			memcpy(&sa->sin_addr, t->addr[i].ip, 4);
			sl = sizeof *sa;
		} else {
			struct sockaddr_in6 *sa = (struct sockaddr_in6 *)&ss;
			sa->sin6_family = AF_INET6;
			sa->sin6_port = htons((uint16_t)t->port);
			memcpy(&sa->sin6_addr, t->addr[i].ip, 16);
			sl = sizeof *sa;
		}
		fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (fd < 0)
			continue;
		rc = connect(fd, (struct sockaddr *)&ss, sl);
		if (rc < 0 && errno == EINPROGRESS) {
			struct pollfd pf = {.fd = fd, .events = POLLOUT};
			int err = 0;
			socklen_t el = sizeof err;
			rc = poll(&pf, 1, timeout_ms > 0 ? timeout_ms : -1) == 1 &&
			             getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 &&
			             err == 0
			         ? 0
			         : -1;
		}
		if (rc == 0) {
			int fl = fcntl(fd, F_GETFL);
			if (fl >= 0)
				(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
			return fd;
		}
		close(fd);
	}
	return MOAT_AGENT_EIO;
}

int moat_url_curl_resolve(const struct moat_url_target *t, char *buf, size_t cap)
{
	size_t o;
	int w;
	const char *h;
	size_t hl;

	if (!t || !buf || t->verdict == MOAT_BLOCK || t->naddr <= 0 || t->port <= 0)
		return MOAT_AGENT_EINVAL;
	h = t->host;
	hl = strlen(h);
	w = snprintf(buf, cap, "%.*s:%d:", (int)hl, h, t->port);
	if (w < 0 || (size_t)w >= cap)
		return MOAT_AGENT_EINVAL;
	o = (size_t)w;
	for (int i = 0; i < t->naddr && i < MOAT_URL_MAX_ADDRS; i++) {
		char a[INET6_ADDRSTRLEN];
		if (!inet_ntop(t->addr[i].family == 4 ? AF_INET : AF_INET6, t->addr[i].ip, a,
		               sizeof a))
			return MOAT_AGENT_EINVAL;
		w = snprintf(buf + o, cap - o, t->addr[i].family == 4 ? "%s%s" : "%s[%s]",
		             i ? "," : "", a);
		if (w < 0 || (size_t)w >= cap - o)
			return MOAT_AGENT_EINVAL;
		o += (size_t)w;
	}
	return 0;
}
