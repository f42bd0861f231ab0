/*
 * ma_url.c — the host of a URL as a WHATWG URL client (browsers, Node's
 * URL, ada, servo) parses it: scheme, a base for relative references,
 * tabs and newlines dropped, backslashes as slashes in special schemes,
 * userinfo up to the last '@', the port, percent-decoding of the host,
 * the WHATWG IPv4 parser (1 to 4 parts, decimal, octal, hex), the IPv6
 * parser (compression, embedded IPv4), and domain-to-ASCII (ma_idna.c). The
 * SSRF check (ma_ssrf.c) uses the result; so do the fuzz target and the
 * benchmark's url-parsing agreement.
 *
 * Threads: pure functions over caller-owned memory; no allocation, no
 * global state.
 */
#include "ma_int.h"
#include "ma_util.h"

#include <assert.h>
#include <string.h>

#define MA_URL_WORK 4096 /* the URL up to the end of its authority */

static int ma_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int ma_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int ma_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ma_special_port(const char *scheme)
{
	static const struct {
		const char *s;
		int port;
	} t[] = {{"http", 80}, {"https", 443}, {"ws", 80}, {"wss", 443}, {"ftp", 21}, {"file", 0}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(scheme, t[i].s))
			return t[i].port;
	return -1;
}

/* ---- IPv4 (WHATWG "IPv4 parser") ---- */

/* One part: 0x.. hex, 0.. octal, else decimal. 0 with *v, or -1. Values
 * saturate at 2^40 (anything that large fails later). */
static int ma_ipv4_number(const char *s, size_t n, uint64_t *v, int *odd)
{
	int radix = 10;

	if (n == 0)
		return -1;
	if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		radix = 16;
		s += 2;
		n -= 2;
		*odd = 1;
	} else if (n >= 2 && s[0] == '0') {
		radix = 8;
		s++;
		n--;
		*odd = 1;
	}
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		int d = radix == 16 ? ma_hex_val((unsigned char)s[i])
		                    : (ma_is_digit(s[i]) ? s[i] - '0' : -1);
		if (d < 0 || d >= radix)
			return -1;
		if (*v < ((uint64_t)1 << 40))
			*v = *v * (uint64_t)radix + (uint64_t)d;
	}
	return 0;
}

/* 1 if the host's last label is a number (WHATWG "ends in a number"). */
static int ma_ends_in_number(const char *h, size_t n)
{
	const char *dot;
	size_t end = n, start;
	uint64_t v;
	int odd = 0, digits = 1;

	if (end && h[end - 1] == '.') {
		if (end == 1)
			return 0;
		end--;
	}
	dot = memrchr(h, '.', end);
	start = dot ? (size_t)(dot - h) + 1 : 0;
	if (start == end || !ma_is_digit(h[start]))
		return 0; /* no number starts otherwise (ma_ipv4_number) */
	for (size_t i = start; i < end; i++)
		if (!ma_is_digit(h[i]))
			digits = 0;
	if (digits)
		return 1;
	return ma_ipv4_number(h + start, end - start, &v, &odd) == 0;
}

/* 0 with the address in out[4], or -1 (failure). *odd: not 4 decimal parts. */
static int ma_ipv4_parse(const char *h, size_t n, uint8_t out[4], int *odd)
{
	uint64_t part[4], addr;
	size_t np = 0, i = 0;

	if (n && h[n - 1] == '.')
		n--; /* a trailing dot: validation error only */
	*odd = 0;
	while (i <= n) {
		size_t j = i;
		while (j < n && h[j] != '.')
			j++;
		if (np == 4)
			return -1;
		if (ma_ipv4_number(h + i, j - i, &part[np], odd))
			return -1;
		np++;
		i = j + 1;
	}
	if (np != 4)
		*odd = 1;
	for (size_t k = 0; k + 1 < np; k++)
		if (part[k] > 255)
			return -1;
	if (part[np - 1] >= ((uint64_t)1 << (8 * (5 - np))))
		return -1;
	addr = part[np - 1];
	for (size_t k = 0; k + 1 < np; k++)
		addr += part[k] << (8 * (3 - k));
	for (int k = 0; k < 4; k++)
		out[k] = (uint8_t)(addr >> (8 * (3 - k)));
	return 0;
}

/* ---- IPv6 (WHATWG "IPv6 parser") ---- */

int ma_url_ipv6_parse(const char *s, size_t n, uint8_t out[16])
{
	uint16_t a[8] = {0};
	int piece = 0, compress = -1;
	size_t p = 0;

	if (p < n && s[p] == ':') {
		if (p + 1 >= n || s[p + 1] != ':')
			return -1;
		p += 2;
		compress = ++piece;
	}
	while (p < n) {
		unsigned v = 0, len = 0;
		if (piece == 8)
			return -1;
		if (s[p] == ':') {
			if (compress >= 0)
				return -1;
			p++;
			compress = ++piece;
			continue;
		}
		while (len < 4 && p < n && ma_hex_val((unsigned char)s[p]) >= 0) {
			v = v * 16 + (unsigned)ma_hex_val((unsigned char)s[p]);
			p++;
			len++;
		}
		if (p < n && s[p] == '.') {
			int seen = 0;
			if (len == 0)
				return -1;
			p -= len;
			if (piece > 6)
				return -1;
			while (p < n) {
				int v4 = -1;
				if (seen > 0) {
					if (s[p] == '.' && seen < 4)
						p++;
					else
						return -1;
				}
				if (p >= n || !ma_is_digit(s[p]))
					return -1;
				while (p < n && ma_is_digit(s[p])) {
					int d = s[p] - '0';
					if (v4 == -1)
						v4 = d;
					else if (v4 == 0)
						return -1;
					else
						v4 = v4 * 10 + d;
					if (v4 > 255)
						return -1;
					p++;
				}
				a[piece] = (uint16_t)(a[piece] * 0x100 + v4);
				seen++;
				if (seen == 2 || seen == 4)
					piece++;
			}
			if (seen != 4)
				return -1;
			break;
		} else if (p < n && s[p] == ':') {
			p++;
			if (p >= n)
				return -1;
		} else if (p < n) {
			return -1;
		}
		a[piece++] = (uint16_t)v;
	}
	if (compress >= 0) {
		int swaps = piece - compress;
		piece = 7;
		while (piece != 0 && swaps > 0) {
			uint16_t t = a[piece];
			a[piece] = a[compress + swaps - 1];
			a[compress + swaps - 1] = t;
			piece--;
			swaps--;
		}
	} else if (piece != 8) {
		return -1;
	}
	for (int i = 0; i < 8; i++) {
		out[2 * i] = (uint8_t)(a[i] >> 8);
		out[2 * i + 1] = (uint8_t)a[i];
	}
	return 0;
}

static size_t ma_ipv6_serialize(const uint8_t b[16], char *out)
{
	static const char hx[] = "0123456789abcdef";
	int best = -1, bestlen = 1, i = 0;
	size_t o = 0;

	while (i < 8) {
		int j = i;
		while (j < 8 && b[2 * j] == 0 && b[2 * j + 1] == 0)
			j++;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
		i = j > i ? j : i + 1;
	}
	out[o++] = '[';
	for (i = 0; i < 8; i++) {
		unsigned v = (unsigned)(b[2 * i] << 8 | b[2 * i + 1]);
		int started = 0;
		if (i == best) {
			out[o++] = ':';
			if (i == 0)
				out[o++] = ':';
			i += bestlen - 1;
			continue;
		}
		for (int sh = 12; sh >= 0; sh -= 4) {
			unsigned d = (v >> sh) & 15;
			if (d || started || sh == 0) {
				out[o++] = hx[d];
				started = 1;
			}
		}
		if (i < 7)
			out[o++] = ':';
	}
	out[o++] = ']';
	out[o] = '\0';
	return o;
}

/* 1 for the WHATWG forbidden domain code points: C0 controls, space, # %
 * / : < > ? @ [ \\ ] ^ | and DEL, one bit each. */
static int ma_forbidden_domain(unsigned char c)
{
	static const uint32_t bits[8] = {0xffffffff, 0xd4008029, 0x78000001, 0x90000000};

	return (int)(bits[c >> 5] >> (c & 31)) & 1;
}

/* 1 if any of s[0, n) is a forbidden domain code point: ma_forbidden_domain
 * as a byte table (the bytes from 0x80 up are not), read without a branch
 * per byte (a host of Punycode is hundreds of them). */
static int ma_forbidden_any(const char *s, size_t n)
{
	static const uint8_t tab[256] = {
	    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	    1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
	    0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1,
	};
	unsigned bad = 0;

	for (size_t i = 0; i < n; i++)
		bad |= tab[(unsigned char)s[i]];
	return bad != 0;
}

/* ---- hosts ---- */

static size_t ma_pct_decode(const char *s, size_t n, unsigned char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && ma_hex_val((unsigned char)s[i + 1]) >= 0 &&
		    ma_hex_val((unsigned char)s[i + 2]) >= 0) {
			out[o++] = (unsigned char)(ma_hex_val((unsigned char)s[i + 1]) * 16 +
			                           ma_hex_val((unsigned char)s[i + 2]));
			i += 2;
		} else {
			out[o++] = (unsigned char)s[i];
		}
	}
	return o;
}

/* Domain to ASCII of the host d (dl bytes, percent-decoded) where
 * WHATWG's failed: without its ZERO WIDTH JOINERs and NON-JOINERs
 * (U+200D, U+200C), which RFC 5892's CONTEXTJ refuses outside scripts
 * that join, and which clients running UTS #46 transitional processing
 * or IDNA 2003 drop: libcurl with libidn2 falls back to transitional when
 * the non-transitional lookup fails ("lo<ZWJ>calhost" is localhost to
 * curl), as do Python's idna codec and older browsers. MA_URL_IDNA_NEWER
 * (another client's reading) with asc filled, or -1 when the host holds
 * no joiner or fails without them too. */
static int ma_host_joinerless(const unsigned char *d, size_t dl, char *asc, size_t cap, size_t *al)
{
	unsigned char w[MA_URL_HOST_MAX];
	size_t o = 0;
	int rc;

	for (size_t i = 0; i < dl; i++) {
		if (d[i] == 0xE2 && i + 2 < dl && d[i + 1] == 0x80 &&
		    (d[i + 2] == 0x8C || d[i + 2] == 0x8D)) {
			i += 2;
			continue;
		}
		w[o++] = d[i];
	}
	if (o == dl)
		return -1;
	rc = ma_idna_to_ascii(w, o, asc, cap, al);
	return rc == 0 || rc == MA_URL_IDNA_NEWER ? MA_URL_IDNA_NEWER : -1;
}

/* The WHATWG host parser: s (n bytes), special or opaque. 0 or -1. */
static int ma_host_parse(const char *s, size_t n, int special, struct ma_weburl *u)
{
	unsigned char dec[MA_URL_HOST_MAX];
	char asc[MA_URL_HOST_MAX];
	size_t dl, al;
	int newer;

	if (n && s[0] == '[') {
		if (s[n - 1] != ']' || ma_url_ipv6_parse(s + 1, n - 2, u->ip))
			return -1;
		u->host_type = MA_HOST_IPV6;
		ma_ipv6_serialize(u->ip, u->host);
		u->odd = n - 2 != strlen(u->host) - 2 || memcmp(s + 1, u->host + 1, n - 2) != 0;
		return 0;
	}
	if (!special) {
		size_t o = 0;
		static const char hx[] = "0123456789ABCDEF";
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c != '%' && ma_forbidden_domain(c) && c != 0x7F && c > 0x20)
				return -1;
			if (c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ')
				return -1;
			if (o + 4 >= sizeof u->host)
				return MA_URL_TOO_LONG;
			if (c < 0x20 || c > 0x7E) {
				u->host[o++] = '%';
				u->host[o++] = hx[c >> 4];
				u->host[o++] = hx[c & 15];
			} else {
				u->host[o++] = (char)c;
			}
		}
		u->host[o] = '\0';
		u->host_type = n ? MA_HOST_OPAQUE : MA_HOST_EMPTY;
		return 0;
	}
	if (n >= sizeof dec) {
		/* too long to read, unless no client reads it either: an ASCII
		 * byte that is forbidden in a domain stays forbidden after
		 * percent-decoding and IDNA (a sentence typed as a host) */
		for (size_t i = 0; i < n; i++)
			if (s[i] != '%' && ma_forbidden_domain((unsigned char)s[i]))
				return -1;
		return MA_URL_TOO_LONG;
	}
	if (memchr(s, '%', n)) {
		dl = ma_pct_decode(s, n, dec);
		newer = ma_idna_to_ascii(dec, dl, asc, sizeof asc, &al);
		if (newer == -1)
			newer = ma_host_joinerless(dec, dl, asc, sizeof asc, &al);
	} else { /* nothing to decode */
		dl = n;
		newer = ma_idna_to_ascii((const unsigned char *)s, n, asc, sizeof asc, &al);
		if (newer == -1)
			newer =
			    ma_host_joinerless((const unsigned char *)s, n, asc, sizeof asc, &al);
	}
	if (newer && newer != MA_URL_IDNA_NEWER)
		return newer;
	if (al == 0)
		return -1;
	if (ma_forbidden_any(asc, al))
		return -1;
	if (ma_ends_in_number(asc, al)) {
		int odd;
		if (ma_ipv4_parse(asc, al, u->ip, &odd))
			return -1;
		u->host_type = MA_HOST_IPV4;
		u->odd = odd || dl != n || al != n;
		memset(u->ip + 4, 0, 12);
		/* serialized dotted decimal */
		{
			char *p = u->host;
			for (int k = 0; k < 4; k++) {
				unsigned v = u->ip[k];
				if (v >= 100)
					*p++ = (char)('0' + v / 100);
				if (v >= 10)
					*p++ = (char)('0' + (v / 10) % 10);
				*p++ = (char)('0' + v % 10);
				if (k < 3)
					*p++ = '.';
			}
			*p = '\0';
		}
		return newer;
	}
	memcpy(u->host, asc, al + 1);
	u->host_type = MA_HOST_DOMAIN;
	return newer;
}

/* ---- the URL ---- */

static int ma_special(const char *scheme)
{
	return ma_special_port(scheme) >= 0;
}

/* 0x80 in each byte of x (eight bytes of the URL as loaded, little
 * endian as ma_path.c's word scans) that is a tab or newline, 0 in the
 * others: exact, no carry crosses a byte. */
static uint64_t ma_url_dropped(uint64_t x)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
	uint64_t m = 0, t;

	t = x ^ (ones * '\t');
	m |= ~(((t & low7) + low7) | t | low7);
	t = x ^ (ones * '\n');
	m |= ~(((t & low7) + low7) | t | low7);
	t = x ^ (ones * '\r');
	m |= ~(((t & low7) + low7) | t | low7);
	return m;
}

/* in[a, b) without its tabs and newlines into out (MA_URL_WORK + 8
 * bytes: a word is stored whole before its dropped bytes are squeezed
 * out), at most MA_URL_WORK - 1 of them: the count. Eight bytes at a
 * time: each dropped byte moves the rest of its word down by one. */
static size_t ma_url_clean(const char *in, size_t a, size_t b, char *out)
{
	size_t i = a, n = 0;

	while (i + 8 <= b && n + 8 <= MA_URL_WORK - 1) {
		uint64_t x, m;
		size_t gone = 0;
		memcpy(&x, in + i, 8);
		m = ma_url_dropped(x);
		memcpy(out + n, &x, 8);
		for (; m; m &= m - 1, gone++) {
			unsigned j = (unsigned)__builtin_ctzll(m) / 8;
			uint64_t rest = j < 7 ? x >> (8 * (j + 1)) : 0;
			memcpy(out + n + j - gone, &rest, 8);
		}
		n += 8 - gone;
		i += 8;
	}
	for (; i < b && n < MA_URL_WORK - 1; i++)
		if (in[i] != '\t' && in[i] != '\n' && in[i] != '\r')
			out[n++] = in[i];
	return n;
}

/* The offset in in[i, b) right after the left-th byte kept by the
 * cleaning (left > 0), or b. Whole words while they keep fewer bytes
 * than are left to walk, then byte by byte (so the walk stops right
 * after that byte, as one byte at a time does). Apart from
 * ma_url_offset so that the clean URLs' path saves no registers for it. */
static __attribute__((noinline)) size_t ma_url_walk(const char *in, size_t b, size_t i, size_t left)
{
	while (i + 8 <= b) {
		uint64_t x;
		size_t kept;
		memcpy(&x, in + i, 8);
		/* ma_url_dropped sets bit 7 of a byte, nothing else: the
		 * sum of those bits by one multiplication (no popcnt
		 * instruction in the baseline x86-64, and libgcc's
		 * __popcountdi2 is a call) */
		kept =
		    8 - (size_t)(((ma_url_dropped(x) >> 7) * UINT64_C(0x0101010101010101)) >> 56);
		if (kept >= left)
			break;
		left -= kept;
		i += 8;
	}
	for (; i < b && left > 0; i++)
		if (in[i] != '\t' && in[i] != '\n' && in[i] != '\r')
			left--;
	return i;
}

/* The offset in in[a, b) of the k-th byte kept by the cleaning, walking
 * on from *at, the offset of the *kat-th (offsets asked in increasing k);
 * clean: no byte was dropped (the k-th byte is in[a + k]). */
static size_t ma_url_offset(const char *in, size_t b, size_t *at, size_t *kat, size_t k, int clean)
{
	size_t i = *at, left = k - *kat;

	assert(k >= *kat);
	if (clean)
		i = *at + left;
	else if (left > 0)
		i = ma_url_walk(in, b, i, left);
	*at = i;
	*kat = k;
	while (i < b && (in[i] == '\t' || in[i] == '\n' || in[i] == '\r'))
		i++;
	return i;
}

/* The offset in s[0, n) of the first byte that is in stop (a few
 * characters), or n. */
static size_t ma_url_span(const char *s, size_t n, const char *stop)
{
	size_t e = n;

	for (; *stop; stop++) {
		const char *c = memchr(s, *stop, e);
		if (c)
			e = (size_t)(c - s);
	}
	return e;
}

int ma_url_parse_web(const char *in, size_t len, const struct ma_weburl *base, struct ma_weburl *u)
{
	char buf[MA_URL_WORK + 8]; /* + 8: ma_url_clean stores whole words */
	const char *w = buf, *last;
	size_t n = 0, a = 0, b = len, p = 0, auth, end, at, hs, he;
	int special, bs, newer = 0, clean;

	memset(u, 0, sizeof *u);
	u->port = -1;
	/* leading and trailing C0 controls and spaces; tabs and newlines anywhere */
	while (a < b && (unsigned char)in[a] <= 0x20)
		a++;
	while (b > a && (unsigned char)in[b - 1] <= 0x20)
		b--;
	/* the text without them, at most MA_URL_WORK - 1 bytes: the caller's
	 * own when they hold no tab or newline (the usual case), else a copy */
	n = b - a < MA_URL_WORK - 1 ? b - a : MA_URL_WORK - 1;
	clean = !memchr(in + a, '\t', n) && !memchr(in + a, '\n', n) && !memchr(in + a, '\r', n);
	if (clean) {
		w = in + a;
	} else {
		n = ma_url_clean(in, a, b, buf);
	}
	/* scheme */
	if (n && ma_is_alpha((unsigned char)w[0])) {
		size_t k = 1;
		while (k < n && (ma_is_alpha((unsigned char)w[k]) || ma_is_digit(w[k]) ||
		                 w[k] == '+' || w[k] == '-' || w[k] == '.'))
			k++;
		if (k < n && w[k] == ':' && k < sizeof u->scheme) {
			for (size_t i = 0; i < k; i++)
				u->scheme[i] = (char)ma_lower((unsigned char)w[i]);
			u->scheme[k] = '\0';
			p = k + 1;
		}
	}
	if (!u->scheme[0]) {
		/* no scheme: relative to base */
		if (!base || !base->ok)
			return -1;
		if (base->opaque_path && !(n && w[0] == '#'))
			return -1;
		memcpy(u->scheme, base->scheme, sizeof u->scheme);
		special = ma_special(u->scheme);
		if (base->opaque_path || !(n >= 2 && (w[0] == '/' || (special && w[0] == '\\')) &&
		                           (w[1] == '/' || (special && w[1] == '\\')))) {
			memcpy(u->host, base->host, sizeof u->host);
			u->host_type = base->host_type;
			memcpy(u->ip, base->ip, 16);
			u->port = base->port;
			u->opaque_path = base->opaque_path;
			u->ok = 1;
			return 0;
		}
		p = 2;
		if (!memcmp(u->scheme, "file", 5))
			goto file_host;
		while (special && p < n && (w[p] == '/' || w[p] == '\\'))
			p++;
		goto authority;
	}
	special = ma_special(u->scheme);
	bs = special;
	/* scheme is char[32]: "file" and its NUL compared inline, with no
	 * strcmp whose cost follows where the linker put the literal */
	if (!memcmp(u->scheme, "file", 5)) {
		/* file: host only after two slashes; otherwise the base's, or none */
		if (p + 1 < n && (w[p] == '/' || w[p] == '\\') &&
		    (w[p + 1] == '/' || w[p + 1] == '\\')) {
			p += 2;
			goto file_host;
		}
		if (base && base->ok && !memcmp(base->scheme, "file", 5)) {
			memcpy(u->host, base->host, sizeof u->host);
			u->host_type = base->host_type;
		} else {
			u->host_type = MA_HOST_EMPTY;
		}
		{ /* the scheme ends the authority there: file:/etc/passwd */
			size_t walked = a, kept = 0;
			u->authority_end = ma_url_offset(in, b, &walked, &kept, p, clean);
		}
		u->ok = 1;
		return 0;
	}
	if (special) {
		if (base && base->ok && !strcmp(base->scheme, u->scheme) &&
		    !(p + 1 < n && (w[p] == '/' || w[p] == '\\') &&
		      (w[p + 1] == '/' || w[p + 1] == '\\'))) {
			memcpy(u->host, base->host, sizeof u->host);
			u->host_type = base->host_type;
			memcpy(u->ip, base->ip, 16);
			u->port = base->port;
			u->ok = 1;
			return 0;
		}
		while (p < n && (w[p] == '/' || w[p] == '\\'))
			p++;
	} else {
		if (!(p + 1 < n && w[p] == '/' && w[p + 1] == '/')) {
			u->host_type = MA_HOST_NONE;
			u->opaque_path = !(p < n && w[p] == '/');
			u->ok = 1;
			return 0;
		}
		p += 2;
	}
	(void)bs;
authority:
	special = ma_special(u->scheme);
	auth = p;
	end = p + ma_url_span(w + p, n - p, special ? "/?#\\" : "/?#");
	if (end == n && n == MA_URL_WORK - 1)
		return MA_URL_TOO_LONG; /* the authority does not end within the work buffer */
	at = auth;
	last = memrchr(w + auth, '@', end - auth);
	if (last) {
		at = (size_t)(last - w) + 1;
		u->userinfo = 1;
	}
	if (u->userinfo && at == end)
		return -1; /* credentials without a host */
	hs = at;
	{
		int inb = 0;
		size_t i;
		he = end;
		if (!memchr(w + hs, '[', end - hs)) { /* no bracket: the first ':' */
			he = hs + ma_url_span(w + hs, end - hs, ":");
		} else {
			for (i = hs; i < end; i++) {
				if (w[i] == '[')
					inb = 1;
				else if (w[i] == ']')
					inb = 0;
				else if (w[i] == ':' && !inb) {
					he = i;
					break;
				}
			}
		}
		if (he < end) {
			long port = 0;
			int digits = 0;
			for (i = he + 1; i < end; i++) {
				if (!ma_is_digit(w[i]))
					return -1;
				if (port <= 65535)
					port = port * 10 + (w[i] - '0');
				digits = 1;
			}
			if (port > 65535)
				return -1;
			if (digits)
				u->port = (int)port;
		}
	}
	if (he == hs) {
		if (special)
			return -1;
		if (he < end)
			return -1; /* a port without a host */
		u->host_type = MA_HOST_EMPTY;
	} else {
		newer = ma_host_parse(w + hs, he - hs, special, u);
		if (newer && newer != MA_URL_IDNA_NEWER)
			return newer;
	}
	if (u->port == ma_special_port(u->scheme))
		u->port = -1;
	u->authority_end = end;
	u->host_start = hs;
	u->host_end = he;
	goto done;
file_host:
	end = p + ma_url_span(w + p, n - p, "/\\?#");
	if (end == n && n == MA_URL_WORK - 1)
		return MA_URL_TOO_LONG;
	if (end - p == 2 && ma_is_alpha((unsigned char)w[p]) &&
	    (w[p + 1] == ':' || w[p + 1] == '|')) {
		u->host_type = MA_HOST_EMPTY; /* a Windows drive letter: path */
	} else if (end == p) {
		u->host_type = MA_HOST_EMPTY;
	} else {
		newer = ma_host_parse(w + p, end - p, 1, u);
		if (newer && newer != MA_URL_IDNA_NEWER)
			return newer;
		u->host_start = p;
		u->host_end = end;
		if (!strcmp(u->host, "localhost")) {
			u->host[0] = '\0';
			u->host_type = MA_HOST_EMPTY;
		}
	}
	u->authority_end = end;
done:
	/* the offsets in the caller's text (tabs and newlines were dropped),
	 * in increasing order: host_start <= host_end <= authority_end */
	{
		size_t walked = a, kept = 0;
		u->host_start = ma_url_offset(in, b, &walked, &kept, u->host_start, clean);
		u->host_end = ma_url_offset(in, b, &walked, &kept, u->host_end, clean);
		u->authority_end = ma_url_offset(in, b, &walked, &kept, u->authority_end, clean);
	}
	u->ok = 1;
	return newer;
}
