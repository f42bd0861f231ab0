/*
 * ma_request.c — the request context: what a check needs to know about
 * the inbound request it runs for (method, endpoint, source, user), the
 * user's inputs with the decoded forms in which they may reach an
 * operation, the policy snapshot taken at begin, and the event of the last
 * check that fired.
 *
 * Threads: a struct moat_request belongs to one request and is used by
 * one thread at a time; it reads its own policy reference (immutable) and
 * nothing global, so any number of requests run at once. Everything a
 * check needs is prepared when an input is added (decodings, parameter
 * names), so checks allocate only when they fire (ma_request_fire).
 */
#include "ma_int.h"
#include "ma_util.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* SSE2 where the CPU has it (every x86-64) unless MA_REQUEST_SWAR (the
 * unit tests build both) */
#if defined(__SSE2__) && !defined(MA_REQUEST_SWAR)
#define MA_REQUEST_SSE2 1
#include <emmintrin.h>
#endif

struct moat_request {
	struct moat_agent *agent; /* borrowed; NULL: events are only kept here */
	const struct moat_policy *policy;
	char *method, *endpoint, *source_ip, *user_id;
	char *source_list; /* source_ip as given when it lists several addresses */
	int denied;
	struct ma_input *in;
	size_t nin, capin;
	/* the last event that fired, and the one block its operation and
	 * details_json point into */
	int has_event;
	struct moat_event ev;
	char *ev_buf;
	unsigned findings;
	moat_resolver_fn resolve; /* NULL: getaddrinfo (ma_ssrf.c) */
	void *resolve_arg;
	/* the endpoint as exclusions match it (ma_endpoint_normal): endpoint
	 * itself when it needs no resolving */
	char *endpoint_norm;
	/* the text inside an input being opened (ma_add_inner): the kind and
	 * the name its values take (NULL: a body's, MOAT_INPUT_JSON and the
	 * path alone), and how many inputs deep the opening is */
	int jkind;
	const char *jprefix;
	unsigned inner;
	unsigned ninner; /* inputs added from inside inputs (MA_INNER_MAX) */
	/* Not zeroed at begin (everything above is): the first inputs, and
	 * the arena the request's small strings come from (ma_request_alloc)
	 * -- an ordinary request makes no allocation but the request itself. */
	struct ma_input in_inline[MA_REQUEST_INPUTS];
	size_t arena_used;
	char arena[MA_REQUEST_ARENA];
	/* the running check's working state (ma_request_scratch) */
	_Alignas(max_align_t) unsigned char scratch[MA_REQUEST_SCRATCH];
};

/* n bytes that live as long as r: from its arena while that lasts, else
 * from the heap (NULL: no memory). ma_request_free gives them back. */
static char *ma_request_alloc(struct moat_request *r, size_t n)
{
	char *p;

	if (n <= sizeof r->arena - r->arena_used) {
		p = r->arena + r->arena_used;
		r->arena_used += n;
		return p;
	}
	return ma_malloc(n);
}

static void ma_request_free(struct moat_request *r, char *p)
{
	uintptr_t a = (uintptr_t)r->arena, q = (uintptr_t)p;

	if (q < a || q >= a + sizeof r->arena)
		free(p);
}

static char *ma_dup_opt(struct moat_request *r, const char *s, int *nomem)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = ma_request_alloc(r, n);
	if (!d)
		*nomem = 1;
	else
		memcpy(d, s, n);
	return d;
}

/* ma_ip_each's callback: the last address into ctx, the elements
 * counted. */
struct ma_ip_lasts {
	struct ma_cidr last;
	int n, elements;
};

static int ma_ip_last(void *ctx, const struct ma_cidr *ip)
{
	struct ma_ip_lasts *f = ctx;

	f->elements++;
	if (ip) {
		f->last = *ip;
		f->n++;
	}
	return 0;
}

int moat_request_begin(struct moat_agent *a, const struct moat_request_info *info,
                       struct moat_request **out)
{
	struct moat_request *r;
	int nomem = 0;

	*out = NULL;
	r = ma_malloc(sizeof *r);
	if (!r)
		return MOAT_AGENT_ENOMEM;
	memset(r, 0, offsetof(struct moat_request, in_inline));
	r->arena_used = 0;
	r->in = r->in_inline;
	r->capin = MA_REQUEST_INPUTS;
	r->agent = a;
	if (info && info->policy)
		r->policy = moat_policy_retain(info->policy);
	else if (a)
		r->policy = moat_agent_policy(a);
	if (info) {
		r->method = ma_dup_opt(r, info->method, &nomem);
		r->endpoint = ma_dup_opt(r, info->endpoint, &nomem);
		r->endpoint_norm = r->endpoint;
		if (r->endpoint && ma_endpoint_needs_normal(r->endpoint)) {
			/* exclusions match the path the application routes, resolved
			 * once here (ma_policy.c, review24m) */
			r->endpoint_norm = ma_request_alloc(r, strlen(r->endpoint) + 1);
			if (r->endpoint_norm)
				ma_endpoint_normal(r->endpoint, r->endpoint_norm);
			else
				nomem = 1;
		}
		struct ma_ip_lasts f = {.n = 0};
		char ip[64];
		/* a port, brackets, a zone or spaces around the address are
		 * taken off; what is no address is unknown (NULL): denylists
		 * and exclusions by CIDR do not match it, and events go
		 * without it rather than being refused (review24). A list
		 * (X-Forwarded-For, Forwarded; review25h): events carry its
		 * last address (the nearest proxy's hop, not the client's
		 * claim), the denylist denies any, an exclusion by source
		 * needs all (source_list keeps it whole) */
		(void)ma_ip_each(info->source_ip, ma_ip_last, &f);
		if (f.n > 0 &&
		    inet_ntop(f.last.family == 4 ? AF_INET : AF_INET6, f.last.addr, ip, sizeof ip))
			r->source_ip = ma_dup_opt(r, ip, &nomem);
		if (f.elements > 1)
			r->source_list = ma_dup_opt(r, info->source_ip, &nomem);
		r->user_id = ma_dup_opt(r, info->user_id, &nomem);
	}
	if (nomem) {
		moat_request_end(r);
		return MOAT_AGENT_ENOMEM;
	}
	*out = r;
	if (moat_policy_ip_denied(r->policy, r->source_list ? r->source_list : r->source_ip, 0) ||
	    moat_policy_user_denied(r->policy, r->user_id, 0))
		r->denied = 1;
	return r->denied ? MOAT_BLOCK : MOAT_ALLOW;
}

void moat_request_end(struct moat_request *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nin; i++) {
		ma_request_free(r, r->in[i].mem); /* the parameter's name too */
		ma_request_free(r, r->in[i].mem2);
		ma_request_free(r, r->in[i].mem3);
		ma_request_free(r, r->in[i].mem4);
		ma_request_free(r, r->in[i].mem5);
	}
	if (r->in != r->in_inline)
		free(r->in);
	ma_request_free(r, r->method);
	ma_request_free(r, r->endpoint);
	if (r->endpoint_norm != r->endpoint)
		ma_request_free(r, r->endpoint_norm);
	ma_request_free(r, r->source_ip);
	ma_request_free(r, r->source_list);
	ma_request_free(r, r->user_id);
	free(r->ev_buf);
	moat_policy_release(r->policy);
	free(r);
}

/* ---- decodings ---- */

/* 0x10 | the value of each hex digit, 0 for any other byte: one load a
 * digit, and two digits are both valid when their entries' and has 0x10 */
static const unsigned char ma_hex_tab[256] = {
    ['0'] = 0x10, ['1'] = 0x11, ['2'] = 0x12, ['3'] = 0x13, ['4'] = 0x14, ['5'] = 0x15,
    ['6'] = 0x16, ['7'] = 0x17, ['8'] = 0x18, ['9'] = 0x19, ['a'] = 0x1A, ['b'] = 0x1B,
    ['c'] = 0x1C, ['d'] = 0x1D, ['e'] = 0x1E, ['f'] = 0x1F, ['A'] = 0x1A, ['B'] = 0x1B,
    ['C'] = 0x1C, ['D'] = 0x1D, ['E'] = 0x1E, ['F'] = 0x1F};

#if defined(MA_REQUEST_SSE2)
#define MA_DECODE_RUN 16
#else
#define MA_DECODE_RUN 8
/* Bit 7 of each byte of the result set where the byte of w is '%' or '+'
 * (bytes after the first such byte may be set wrongly, before it never:
 * the lowest set bit marks the first, w's first byte in the low bits). */
static uint64_t ma_swar_pct_plus(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t a = w ^ (ones * '%'), b = w ^ (ones * '+');

	return ((a - ones) & ~a & high) | ((b - ones) & ~b & high);
}
#endif

/* The MA_DECODE_RUN bytes at in stored whole at out; the number of them
 * before the first '%' or '+' (MA_DECODE_RUN: none). */
static inline size_t ma_decode_run(const char *in, char *out)
{
#if defined(MA_REQUEST_SSE2)
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)in);
	unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('%')), _mm_cmpeq_epi8(x, _mm_set1_epi8('+'))));

	_mm_storeu_si128((__m128i *)(void *)out, x);
	return m ? (size_t)__builtin_ctz(m) : MA_DECODE_RUN;
#else
	uint64_t w, m;

	memcpy(&w, in, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	m = ma_swar_pct_plus(__builtin_bswap64(w));
#else
	m = ma_swar_pct_plus(w);
#endif
	memcpy(out, &w, 8);
	return m ? (size_t)__builtin_ctzll(m) / 8 : MA_DECODE_RUN;
#endif
}

/* The four hex digits at p as a number, or -1. */
static inline long ma_hex4(const char *p)
{
	unsigned a = ma_hex_tab[(unsigned char)p[0]], b = ma_hex_tab[(unsigned char)p[1]];
	unsigned c = ma_hex_tab[(unsigned char)p[2]], d = ma_hex_tab[(unsigned char)p[3]];

	if (!(a & b & c & d & 0x10))
		return -1;
	return (long)(((a & 15) << 12) | ((b & 15) << 8) | ((c & 15) << 4) | (d & 15));
}

/* IIS's %uXXXX at in[i] (i + 5 < len): the code point as UTF-8 at d (*w
 * bytes, at most 4), a surrogate pair written as two escapes as one
 * character; returns the bytes of in it took (6 or 12), 0 when it is
 * no such escape (a lone surrogate is none). */
static size_t ma_url_unescape_u(const char *in, size_t len, size_t i, char *d, size_t *w)
{
	long c = ma_hex4(in + i + 2);
	size_t took = 6;

	if (c < 0 || (c >= 0xDC00 && c < 0xE000))
		return 0;
	if (c >= 0xD800 && c < 0xDC00) {
		long lo;
		if (i + 11 >= len || in[i + 6] != '%' || (in[i + 7] | 0x20) != 'u')
			return 0;
		lo = ma_hex4(in + i + 8);
		if (lo < 0xDC00 || lo >= 0xE000)
			return 0;
		c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
		took = 12;
	}
	*w = ma_utf8_write((uint32_t)c, d); /* %u0027 is one byte */
	return took;
}

/* The byte in[i] (i < len) and what follows it decoded at d: %XX, IIS's
 * %uXXXX (as UTF-8), '+' as a space when plus says so, any other byte as
 * it is. Returns the bytes of in it took (1, 3, 6 or 12) | the bytes
 * written (never more) << 4. */
static inline size_t ma_url_unescape(const char *in, size_t len, size_t i, char *d, int plus)
{
	char c = in[i];

	if (c == '%') {
		if (i + 2 < len) {
			unsigned hi = ma_hex_tab[(unsigned char)in[i + 1]];
			unsigned lo = ma_hex_tab[(unsigned char)in[i + 2]];
			if (hi & lo & 0x10) {
				*d = (char)(((hi & 15) << 4) | (lo & 15));
				return 3 | 1 << 4;
			}
		}
		if (i + 5 < len && (in[i + 1] == 'u' || in[i + 1] == 'U')) {
			size_t w, took = ma_url_unescape_u(in, len, i, d, &w);
			if (took)
				return took | w << 4;
		}
	} else if (c == '+' && plus) {
		c = ' ';
	}
	*d = c;
	return 1 | 1 << 4;
}

/* ma_url_decode, with '+' as a space (plus) or kept */
static inline size_t ma_url_decode_as(const char *in, size_t len, char *out, int plus)
{
	size_t o = 0, i = 0;

	/* the bytes before the next '%' or '+' are copied as they are,
	 * MA_DECODE_RUN at a time: stored whole, the output moving on by
	 * those before it (o <= i, so o + MA_DECODE_RUN <= len); then the
	 * escape, and the next run from the byte after it */
	while (i + MA_DECODE_RUN <= len) {
		size_t k = ma_decode_run(in + i, out + o);
		i += k;
		o += k;
		if (k < MA_DECODE_RUN) {
			size_t t = ma_url_unescape(in, len, i, out + o, plus);
			i += t & 15;
			o += t >> 4;
		}
	}
	while (i < len) {
		size_t t = ma_url_unescape(in, len, i, out + o, plus);
		i += t & 15;
		o += t >> 4;
	}
	/* overlong UTF-8 for ASCII (C0 A7 is '\''): what lenient decoders make
	 * of it (looked at only when there is a C0 or C1) */
	if (memchr(out, 0xC0, o) || memchr(out, 0xC1, o)) {
		size_t w = 0;
		for (size_t k = 0; k < o; k++) {
			unsigned char c = (unsigned char)out[k];
			if ((c == 0xC0 || c == 0xC1) && k + 1 < o &&
			    ((unsigned char)out[k + 1] & 0xC0) == 0x80) {
				out[w++] =
				    (char)(((c & 1) << 6) | ((unsigned char)out[k + 1] & 0x3F));
				k++;
			} else {
				out[w++] = (char)c;
			}
		}
		o = w;
	}
	return o;
}

size_t ma_url_decode(const char *in, size_t len, char *out)
{
	return ma_url_decode_as(in, len, out, 1);
}

size_t ma_url_decode_keep_plus(const char *in, size_t len, char *out)
{
	return ma_url_decode_as(in, len, out, 0);
}

size_t ma_html_decode(const char *in, size_t len, char *out)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
	    /* the eight legacy names (also without ';'), then every other
	     * HTML5 name of an ASCII character (an application that decodes
	     * with a full table turns javascript&colon; into javascript:) */
	    {"lt", '<'},           {"gt", '>'},       {"amp", '&'},    {"quot", '"'},
	    {"LT", '<'},           {"GT", '>'},       {"AMP", '&'},    {"QUOT", '"'},
	    {"apos", '\''},        {"nbsp", ' '},     {"semi", ';'},   {"comma", ','},
	    {"lpar", '('},         {"rpar", ')'},     {"num", '#'},    {"equals", '='},
	    {"sol", '/'},          {"ast", '*'},      {"dash", '-'},   {"colon", ':'},
	    {"Tab", '\t'},         {"NewLine", '\n'}, {"excl", '!'},   {"dollar", '$'},
	    {"percnt", '%'},       {"midast", '*'},   {"plus", '+'},   {"period", '.'},
	    {"quest", '?'},        {"commat", '@'},   {"lsqb", '['},   {"lbrack", '['},
	    {"bsol", '\\'},        {"rsqb", ']'},     {"rbrack", ']'}, {"Hat", '^'},
	    {"lowbar", '_'},       {"UnderBar", '_'}, {"grave", '`'},  {"DiacriticalGrave", '`'},
	    {"lcub", '{'},         {"lbrace", '{'},   {"verbar", '|'}, {"vert", '|'},
	    {"VerticalLine", '|'}, {"rcub", '}'},     {"rbrace", '}'}};
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		size_t j = i + 1;
		unsigned long v = 0;
		int ok = 0;
		if (in[i] != '&') {
			out[o++] = in[i];
			continue;
		}
		if (j < len && in[j] == '#') {
			j++;
			if (j < len && (in[j] == 'x' || in[j] == 'X')) {
				j++;
				while (j < len && ma_hex_val(in[j]) >= 0 && v < 0x110000) {
					v = v * 16 + (unsigned long)ma_hex_val(in[j]);
					j++;
					ok = 1;
				}
			} else {
				while (j < len && in[j] >= '0' && in[j] <= '9' && v < 0x110000) {
					v = v * 10 + (unsigned long)(in[j] - '0');
					j++;
					ok = 1;
				}
			}
			if (ok && v < 0x80) {
				out[o++] = (char)v;
				i = (j < len && in[j] == ';') ? j : j - 1;
				continue;
			}
			/* past ASCII as UTF-8 (Python's html.unescape, PHP's
			 * html_entity_decode: `&#65287;` is U+FF07, a quote after
			 * NFKC), never longer than the reference (`&#160` is 5
			 * bytes, 2 of UTF-8); 0x80-0x9F (HTML5 reads them as
			 * Windows-1252) and surrogates stay text */
			if (ok && v >= 0xA0 && v < 0x110000 && (v < 0xD800 || v >= 0xE000)) {
				o += ma_utf8_write((uint32_t)v, out + o);
				i = (j < len && in[j] == ';') ? j : j - 1;
				continue;
			}
		} else {
			for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
				size_t nl = strlen(named[k].name);
				int semi;
				if (j + nl > len || memcmp(in + j, named[k].name, nl) != 0)
					continue;
				/* the first eight also without ';' (HTML5's legacy
				 * names: Python's html.unescape makes `&ltimg` `<img`) */
				semi = j + nl < len && in[j + nl] == ';';
				if (semi || k < 8) {
					out[o++] = named[k].c;
					i = semi ? j + nl : j + nl - 1;
					ok = 1;
					break;
				}
			}
			if (ok)
				continue;
		}
		out[o++] = in[i];
	}
	return o;
}

/* ---- inputs ---- */

static const char *ma_kind_name(int kind)
{
	switch (kind) {
	case MOAT_INPUT_QUERY:
		return "query";
	case MOAT_INPUT_FORM:
		return "form";
	case MOAT_INPUT_JSON:
		return "json";
	case MOAT_INPUT_HEADER:
		return "header";
	case MOAT_INPUT_COOKIE:
		return "cookie";
	case MOAT_INPUT_PATH:
		return "path";
	default:
		return "other";
	}
}

static int ma_form_seen(const struct ma_input *in, const char *p, size_t n)
{
	for (int i = 0; i < in->nforms; i++)
		if (in->form_len[i] == n && memcmp(in->form[i], p, n) == 0)
			return 1;
	return 0;
}

/* A C application pastes a value with %s, so what reaches its operation
 * ends at the value's first NUL (a query's %00): each form with a NUL
 * inside gets its part before the NUL as one more form (sharing the
 * form's bytes, which a NUL ends there). raw_nul: the raw form holds a
 * NUL (its scan saw one: no strlen of a raw form without). */
static void ma_add_cstr_forms(struct ma_input *in, int raw_nul)
{
	static const char *const from[] = {
	    "raw",       "url",       "url2",         "rawurl",        "rawurl2",
	    "html",      "url_html",  "html_url",     "nfkc",          "url_nfkc",
	    "html_nfkc", "url2_nfkc", "rawurl_nfkc",  "url_html_nfkc", "fffd",
	    "latin1",    "url_fffd",  "rawurl2_nfkc", "html_url_nfkc"};
	static const char *const to[] = {"cstr",
	                                 "url_cstr",
	                                 "url2_cstr",
	                                 "rawurl_cstr",
	                                 "rawurl2_cstr",
	                                 "html_cstr",
	                                 "url_html_cstr",
	                                 "html_url_cstr",
	                                 "nfkc_cstr",
	                                 "url_nfkc_cstr",
	                                 "html_nfkc_cstr",
	                                 "url2_nfkc_cstr",
	                                 "rawurl_nfkc_cstr",
	                                 "url_html_nfkc_cstr",
	                                 "fffd_cstr",
	                                 "latin1_cstr",
	                                 "url_fffd_cstr",
	                                 "rawurl2_nfkc_cstr",
	                                 "html_url_nfkc_cstr"};
	int n = in->nforms;

	for (int i = raw_nul ? 0 : 1; i < n && in->nforms < MA_INPUT_DECODED; i++) {
		size_t z = strlen(in->form[i]);
		const char *name = "cstr";
		if (z == 0 || z == in->form_len[i] || ma_form_seen(in, in->form[i], z))
			continue;
		for (size_t k = 0; k < sizeof from / sizeof from[0]; k++)
			if (strcmp(in->form_name[i], from[k]) == 0)
				name = to[k];
		in->form[in->nforms] = in->form[i];
		in->form_len[in->nforms] = z;
		in->form_name[in->nforms] = name;
		in->nforms++;
	}
}

/* What a scan of a value tells: only [A-Za-z0-9_] (plain), which of '%'
 * or '+', '&', NUL and a byte past ASCII it holds, and whether it may
 * hold white space a split collapses (MA_V_WS: a byte under 0x20, two
 * spaces in a row or a byte past ASCII; ma_collapse_wanted decides). */
enum { MA_V_PLAIN = 1, MA_V_URL = 2, MA_V_AMP = 4, MA_V_NUL = 8, MA_V_HIGH = 16, MA_V_WS = 32 };

/* 1 for the ASCII white space a framework's trim drops (Python's
 * str.strip, JavaScript's and Java's trim, PHP's trim, Django's form
 * fields): space, \t, \n, \v, \f, \r. */
static int ma_trim_space(unsigned char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* 1 for the three-byte UTF-8 white space at p that a trim or split
 * drops: U+1680, U+180E, U+2000..U+200A, U+2028, U+2029, U+202F,
 * U+205F, U+3000, U+FEFF. */
static int ma_space3(const unsigned char *p)
{
	switch (p[0]) {
	case 0xe1:
		return (p[1] == 0x9a && p[2] == 0x80) || (p[1] == 0xa0 && p[2] == 0x8e);
	case 0xe2:
		return (p[1] == 0x80 && p[2] >= 0x80 &&
		        (p[2] <= 0x8a || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf)) ||
		       (p[1] == 0x81 && p[2] == 0x9f);
	case 0xe3:
		return p[1] == 0x80 && p[2] == 0x80;
	case 0xef:
		return p[1] == 0xbb && p[2] == 0xbf;
	default:
		return 0;
	}
}

/* 1 for a byte up to 0x20 that is white space to ctl's reader: ctl 1,
 * a trim (Java's String.trim() drops every byte up to 0x20, PHP's trim()
 * NUL and \v too); ctl 0, a split (space, \t..\r, and \x1c..\x1f,
 * which Python's str.split() and str.strip() take as white space). */
static int ma_space1(unsigned char c, int ctl)
{
	return ctl || c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1c;
}

/* The length of the white space character that begins p's n (> 0)
 * bytes (0: none), the union of what the applications' trims drop:
 * Python's str.strip() (\x1c..\x1f, U+0085, U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), JavaScript's
 * trim() (U+FEFF too), Java's trim() (every byte up to 0x20), PHP's
 * (NUL). ctl: as ma_space1. */
static size_t ma_space_head(const unsigned char *p, size_t n, int ctl)
{
	if (p[0] <= 0x20)
		return ma_space1(p[0], ctl);
	if (p[0] < 0xc2 || n < 2)
		return 0;
	if (p[0] == 0xc2)
		return p[1] == 0x85 || p[1] == 0xa0 ? 2 : 0;
	return n >= 3 && ma_space3(p) ? 3 : 0;
}

/* The same for the character that ends p's n (> 0) bytes. */
static size_t ma_space_tail(const unsigned char *p, size_t n, int ctl)
{
	unsigned char c = p[n - 1];

	if (c <= 0x20)
		return ma_space1(c, ctl);
	if (c < 0x80 || n < 2)
		return 0;
	if (p[n - 2] == 0xc2 && (c == 0x85 || c == 0xa0))
		return 2;
	return n >= 3 && ma_space3(p + n - 3) ? 3 : 0;
}

/* Nearly every framework trims a form field, so an attacker pads the
 * payload with white space and no other form is in the operation: each
 * form with white space at an end gets itself without it as one more
 * form, a slice of the form's bytes (no NUL after it: every reader of a
 * form reads form_len bytes). One form serves every trim: the pad is the
 * attacker's choice, and what an application's trim leaves holds the
 * slice that the union of the trims leaves (ma_space_head). The raw
 * form's first, then the decoded ones' while there is room: the trimmed
 * and collapsed forms have MA_INPUT_LATE - MA_INPUT_DECODED places of
 * their own, so a table that the decoded forms fill still has them. */
/* The bounds [*a, *z) of f's n bytes without white space at their ends
 * (ma_space_head / ma_space_tail, controls too): what every framework's
 * trim leaves. */
static void ma_trim_bounds(const unsigned char *f, size_t n, size_t *a, size_t *z)
{
	size_t k;

	*a = 0;
	*z = n;
	while (*a < *z && (k = ma_space_head(f + *a, *z - *a, 1)) != 0)
		*a += k;
	while (*z > *a && (k = ma_space_tail(f + *a, *z - *a, 1)) != 0)
		*z -= k;
}

static void ma_add_trim_forms(struct ma_input *in)
{
	int n = in->nforms;

	if (in->plain)
		return;
	for (int i = 0; i < n && in->nforms < MA_INPUT_LATE; i++) {
		const unsigned char *f = (const unsigned char *)in->form[i];
		size_t a, z;
		ma_trim_bounds(f, in->form_len[i], &a, &z);
		if (z == a || z - a == in->form_len[i] ||
		    ma_form_seen(in, (const char *)f + a, z - a))
			continue;
		in->form[in->nforms] = (const char *)f + a;
		in->form_len[in->nforms] = z - a;
		in->form_name[in->nforms] = i == 0 ? "trim" : "decoded_trim";
		in->nforms++;
	}
}

/* Whether f's n bytes hold white space that a split collapses inside
 * them: two spaces in a row, or a byte under 0x20 (a tab, a line break,
 * \x1c..\x1f; others too, cheaply), or (high: f may hold a byte past
 * ASCII) a Unicode space. 16 bytes a step with SSE2, where a Unicode
 * space's first two bytes (C2 85, C2 A0, E1 9A, E1 A0, E2 80, E2 81,
 * E3 80, EF BB) mark the places to look at: Japanese or Cyrillic text
 * has few of them. */
static int ma_collapse_wanted(const unsigned char *f, size_t n, int high)
{
	size_t i = 0;

#if defined(MA_REQUEST_SSE2)
	const __m128i sp = _mm_set1_epi8(' '), c1f = _mm_set1_epi8(0x1f);

	for (; i + 17 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(f + i));
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(f + i + 1));
		__m128i d = _mm_and_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(y, sp));
		__m128i c = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x);
		int m;
		if (_mm_movemask_epi8(_mm_or_si128(d, c)))
			return 1;
		if (!high || !_mm_movemask_epi8(x))
			continue;
#define MA_EQ(v, b) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(b)))
		m = _mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(
		        _mm_and_si128(MA_EQ(x, 0xc2), _mm_or_si128(MA_EQ(y, 0x85), MA_EQ(y, 0xa0))),
		        _mm_and_si128(MA_EQ(x, 0xe1),
		                      _mm_or_si128(MA_EQ(y, 0x9a), MA_EQ(y, 0xa0)))),
		    _mm_or_si128(
		        _mm_and_si128(MA_EQ(x, 0xe2), _mm_or_si128(MA_EQ(y, 0x80), MA_EQ(y, 0x81))),
		        _mm_or_si128(_mm_and_si128(MA_EQ(x, 0xe3), MA_EQ(y, 0x80)),
		                     _mm_and_si128(MA_EQ(x, 0xef), MA_EQ(y, 0xbb))))));
#undef MA_EQ
		for (; m; m &= m - 1)
			if (ma_space_head(f + i + __builtin_ctz((unsigned)m),
			                  n - i - __builtin_ctz((unsigned)m), 0))
				return 1;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = f[i];
		if (c < 0x20 || (c == ' ' && i + 1 < n && f[i + 1] == ' '))
			return 1;
		if (high && c >= 0xc2 && ma_space_head(f + i, n - i, 0))
			return 1;
	}
	return 0;
}

/* Some applications collapse white space inside a value (Rails' squish,
 * Python's " ".join(s.split())), so an attacker writes tabs or runs of
 * spaces where the payload has one space: `x'\tOR\t1=1--` reaches SQL as
 * `x' OR 1=1--`. The raw form and the URL-decoded one (u: its index, -1
 * none) get themselves with every run of white space (ma_space_head,
 * ctl 0) one space and none at the ends, when they hold a run or white
 * space other than a space (ma_collapse_wanted), in a block of their own
 * (mem4, at most the two forms' bytes). scan: ma_value_scan's answer
 * (the raw form is looked at only where it says MA_V_WS). */
static int ma_add_collapse_forms(struct moat_request *r, struct ma_input *in, int u, unsigned scan)
{
	int which[2] = {0, u};
	size_t need = 0;
	char *d;

	if (in->plain)
		return 0;
	/* (the value's scan found no control byte, no two spaces in a row
	 * and no byte past ASCII: no raw form to collapse) */
	if (!(scan & MA_V_WS) || !ma_collapse_wanted((const unsigned char *)in->form[0],
	                                             in->form_len[0], (scan & MA_V_HIGH) != 0))
		which[0] = -1;
	if (u >= 0 && !ma_collapse_wanted((const unsigned char *)in->form[u], in->form_len[u], 1))
		which[1] = -1;
	for (int w = 0; w < 2; w++)
		need += which[w] >= 0 ? in->form_len[which[w]] + 1 : 0;
	if (!need)
		return 0;
	d = ma_request_alloc(r, need);
	if (!d)
		return MOAT_AGENT_ENOMEM;
	in->mem4 = d;
	for (int w = 0; w < 2 && in->nforms < MA_INPUT_LATE; w++) {
		const unsigned char *f;
		size_t n, o = 0, k;
		if (which[w] < 0)
			continue;
		f = (const unsigned char *)in->form[which[w]];
		n = in->form_len[which[w]];
		for (size_t i = 0; i < n;) {
			if ((k = ma_space_head(f + i, n - i, 0)) == 0) {
				d[o++] = (char)f[i++];
				continue;
			}
			while (i < n && (k = ma_space_head(f + i, n - i, 0)) != 0)
				i += k;
			if (o && i < n)
				d[o++] = ' ';
		}
		d[o] = '\0';
		if (o && !ma_form_seen(in, d, o)) {
			in->form[in->nforms] = d;
			in->form_len[in->nforms] = o;
			in->form_name[in->nforms] = w == 0 ? "collapse" : "url_collapse";
			in->nforms++;
		}
		d += o + 1;
	}
	return 0;
}

/* Whether one of p's n bytes is past ASCII: 64 bytes a step with SSE2
 * (four loads or'ed, one movemask), else eight in a register. */
static int ma_has_high(const unsigned char *p, size_t n)
{
	size_t i = 0;

#if defined(MA_REQUEST_SSE2)
	for (; i + 64 <= n; i += 64) {
		const __m128i *q = (const __m128i *)(const void *)(p + i);
		__m128i x =
		    _mm_or_si128(_mm_or_si128(_mm_loadu_si128(q), _mm_loadu_si128(q + 1)),
		                 _mm_or_si128(_mm_loadu_si128(q + 2), _mm_loadu_si128(q + 3)));
		if (_mm_movemask_epi8(x))
			return 1;
	}
#endif
	for (; i + 8 <= n; i += 8)
		if (ma_load8(p + i) & 0x8080808080808080ull)
			return 1;
	for (; i < n; i++)
		if (p[i] & 0x80)
			return 1;
	return 0;
}

/* Which of NUL and a byte past ASCII p's n bytes hold, p[0] being one */
static unsigned ma_nul_high_from(const unsigned char *p, size_t n)
{
	return (ma_has_high(p, n) ? MA_V_HIGH : 0) | (memchr(p, '\0', n) ? MA_V_NUL : 0);
}

/* Which of NUL and a byte past ASCII p's n bytes hold (MA_V_NUL,
 * MA_V_HIGH), and MA_V_WS where they may hold white space to collapse
 * (formsfix2's test, folded in here: misc11): one pass, as all three
 * are found where a byte is not in 0x20..0x7f or a space follows a
 * space (64 bytes a step with SSE2, eight in a register else): the pair
 * test is `a | b == 0x20`, exact where both bytes are 0x20 or more (a
 * byte under that stops the pass anyway). From the first place that
 * holds one on, ma_nul_high_from tells NUL and a byte past ASCII apart,
 * and MA_V_WS is set for ma_collapse_wanted to decide; ASCII text with
 * no control byte and no two spaces in a row pays nothing more. */
static unsigned ma_nul_high(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull,
	               c20 = 0x2020202020202020ull;
	size_t i = 0;

#if defined(MA_REQUEST_SSE2)
	const __m128i c1f = _mm_set1_epi8(0x1f), sp = _mm_set1_epi8(' ');

	for (; i + 65 <= n; i += 64) {
		const __m128i *q = (const __m128i *)(const void *)(p + i);
		const __m128i *q1 = (const __m128i *)(const void *)(p + i + 1);
		__m128i x0 = _mm_loadu_si128(q), x1 = _mm_loadu_si128(q + 1);
		__m128i x2 = _mm_loadu_si128(q + 2), x3 = _mm_loadu_si128(q + 3);
		/* 0x20..0x7f (a signed compare) */
		__m128i ok =
		    _mm_and_si128(_mm_and_si128(_mm_cmpgt_epi8(x0, c1f), _mm_cmpgt_epi8(x1, c1f)),
		                  _mm_and_si128(_mm_cmpgt_epi8(x2, c1f), _mm_cmpgt_epi8(x3, c1f)));
		/* a space and a space after it */
		__m128i dd = _mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(x0, _mm_loadu_si128(q1)), sp),
		                 _mm_cmpeq_epi8(_mm_or_si128(x1, _mm_loadu_si128(q1 + 1)), sp)),
		    _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(x2, _mm_loadu_si128(q1 + 2)), sp),
		                 _mm_cmpeq_epi8(_mm_or_si128(x3, _mm_loadu_si128(q1 + 3)), sp)));
		if (_mm_movemask_epi8(_mm_andnot_si128(dd, ok)) != 0xFFFF)
			break;
	}
	if (i + 65 <= n)
		return ma_nul_high_from(p + i, n - i) | MA_V_WS;
#endif
	/* a byte under 0x20 (NUL too) sets its high bit in w - c20 and not
	 * in w; a pair of spaces makes a byte 0x20 of w | (w one byte on),
	 * found as a zero byte of that ^ c20 */
	for (; i + 9 <= n; i += 8) {
		uint64_t w = ma_load8(p + i), t = (w | ma_load8(p + i + 1)) ^ c20;
		if (((((w - c20) & ~w) | w) & high) || ((t - ones) & ~t & high))
			break;
	}
	while (i < n && (unsigned)(p[i] - 0x20) < 0x60 &&
	       !(p[i] == ' ' && i + 1 < n && p[i + 1] == ' '))
		i++;
	if (i == n)
		return 0;
	return ma_nul_high_from(p + i, n - i) | MA_V_WS;
}

static unsigned ma_value_scan(const char *value, size_t len, int terminated)
{
	const unsigned char *p = (const unsigned char *)value;
	size_t i = 0, n;
	unsigned f = 0;

	/* word bytes one at a time, up to the first other one (most values
	 * that are not plain have one early) */
	while (i < len &&
	       ((unsigned)((p[i] | 32) - 'a') < 26 || (unsigned)(p[i] - '0') < 10 || p[i] == '_'))
		i++;
	if (i == len)
		return MA_V_PLAIN;
	f = ma_nul_high(p + i, len - i);
	/* a value with its NUL at len: one strcspn says that none of '%',
	 * '+', '&', NUL is before it (the usual answer); else memchr each */
	if (terminated) {
		i += strcspn(value + i, "%+&");
		if (i == len)
			return f;
	}
	n = len - i;
	if (memchr(p + i, '%', n) || memchr(p + i, '+', n))
		f |= MA_V_URL;
	if (memchr(p + i, '&', n))
		f |= MA_V_AMP;
	return f;
}

/* The URL-decoded forms of in's raw value (len bytes), written from
 * next on (room for four of len + 1 bytes): decoded once and twice with
 * '+' as a space (url, url2: a form or query decoder), and with '+' kept
 * (rawurl, rawurl2: decodeURIComponent, Python's unquote, PHP's
 * rawurldecode), each chain as long as a decoding changes something, the
 * second only where it differs from the first: `x%27%20or%201=1--+`
 * reaches SQLite as `x' or 1=1--+`, its `--` comment cutting the tail.
 * at: the four forms' indices (url, url2, rawurl, rawurl2; -1: none).
 * Returns where the next form may go. */
static char *ma_add_url_forms(struct ma_input *in, size_t len, char *next, int at[4])
{
	static const char *const names[2][2] = {{"url", "url2"}, {"rawurl", "rawurl2"}};

	for (int plus = 1; plus >= 0; plus--) {
		const char *src = in->form[0];
		size_t srclen = len;
		for (int k = 0; k < 2; k++) {
			char *d = next;
			size_t dl;
			/* nothing that this decoding changes */
			if (!memchr(src, '%', srclen) && (!plus || !memchr(src, '+', srclen)))
				break;
			if (!plus && !memchr(src, '+', srclen)) {
				/* no '+' to keep: the first chain's decoding of
				 * src, which it holds (or found the same as a form
				 * before it): the raw form's is "url"; past it
				 * nothing new */
				int u = k == 0 ? at[0] : -1;
				if (u < 0)
					break;
				src = in->form[u];
				srclen = in->form_len[u];
				continue;
			}
			dl = plus ? ma_url_decode(src, srclen, d)
			          : ma_url_decode_keep_plus(src, srclen, d);
			d[dl] = '\0';
			src = d;
			srclen = dl;
			if (ma_form_seen(in, d, dl)) {
				if (plus)
					break;
				/* keeping '+' gave a form the first chain has (there
				 * was no '+' to keep): go on from that form, d's room
				 * being the next decoding's */
				for (int f = 0; f < in->nforms; f++)
					if (in->form_len[f] == dl &&
					    memcmp(in->form[f], d, dl) == 0)
						src = in->form[f];
				continue;
			}
			at[2 * !plus + k] = in->nforms;
			in->form[in->nforms] = d;
			in->form_len[in->nforms] = dl;
			in->form_name[in->nforms] = names[!plus][k];
			in->nforms++;
			next += len + 1;
		}
	}
	return next;
}

/* in's form k as form name, d (dl bytes, a NUL after them), when it is
 * no form in has yet; returns whether it was added. */
static int ma_form_add(struct ma_input *in, const char *d, size_t dl, const char *name)
{
	if (in->nforms >= MA_INPUT_DECODED || ma_form_seen(in, d, dl))
		return 0;
	in->form[in->nforms] = d;
	in->form_len[in->nforms] = dl;
	in->form_name[in->nforms] = name;
	in->nforms++;
	return 1;
}

/* Whether the HTML decoding of f (n bytes) may hold a byte past ASCII:
 * f does (high: known already), or a numeric reference or a named one
 * (`&nbsp;` is U+00A0, a space after NFKC) may make one. */
static int ma_html_may_high(const unsigned char *f, size_t n, int high)
{
	const unsigned char *a = memchr(f, '&', n), *end = f + n;

	if (high)
		return 1;
	for (; a && a + 1 < end; a = memchr(a + 1, '&', (size_t)(end - a - 1)))
		if (a[1] == '#' || (unsigned)((a[1] | 32) - 'a') < 26)
			return 1;
	return 0;
}

/* The forms two decoders in a row make, and the NFKC forms, in a block
 * of their own (in->mem2) made only when one of them is there to make:
 * html of url (a URL router, then an HTML unescape: `%26%2339%3B` ->
 * `'`), url of html (`&#37;27` -> `'`), and NFKC (ma_request_nfkc.c) of
 * raw, url, html, url2, rawurl, url_html, rawurl2 and html_url where
 * they hold a character whose NFKC form is ASCII (`x%uFF07`, `&#65287;`,
 * `%25EF%25BC%2587`, `%26%2365287%3B`, `&#37;EF&#37;BC&#37;87` are `＇`:
 * the last two a router or an HTML unescape, the other decoder, and an
 * NFKC-normalising framework in a row), and where raw or url is not UTF-8
 * its bad bytes as U+FFFD (fffd, url_fffd) and raw as Latin-1 (latin1:
 * `\xe9' OR 1=1--` in a body is `\uFFFD' OR 1=1--` to Node and Go, `é'
 * OR 1=1--` to Spring). url_at: the URL forms' indices
 * (ma_add_url_forms), h the html form's (-1: none). len is the raw form's length; no form is longer
 * but the NFKC ones (MA_NFKC_ROOM) and those of bad UTF-8. An ASCII value without
 * '%', '+' or '&' never gets here. Returns 0 or MOAT_AGENT_ENOMEM. */
static int ma_add_late_forms(struct moat_request *r, struct ma_input *in, size_t len, unsigned scan,
                             const int url_at[4], int h)
{
	static const char *const nfkc_name[] = {"nfkc",         "url_nfkc",     "html_nfkc",
	                                        "url2_nfkc",    "rawurl_nfkc",  "url_html_nfkc",
	                                        "rawurl2_nfkc", "html_url_nfkc"};
	/* url_html, html_url: made here, their NFKC looked at after; rawurl2
	 * last, so that the forms before it keep their order */
	enum { UH = 5, R2 = 6, HU = 7, NSRC = 8 };
	int u = url_at[0];
	int src[NSRC] = {
	    (scan & MA_V_HIGH) ? 0 : -1, u, h, url_at[1], url_at[2], -1, url_at[3], -1};
	size_t first[NSRC], need = 0;
	int bad[2] = {0, 0}; /* raw, url: past ASCII and not UTF-8 */
	int url_html = u >= 0 && memchr(in->form[u], '&', in->form_len[u]) != NULL;
	int html_url = h >= 0 && (memchr(in->form[h], '%', in->form_len[h]) != NULL ||
	                          memchr(in->form[h], '+', in->form_len[h]) != NULL);
	int uh_room = 0, url_high = 0;
	char *next;

	/* html of url and url of html are no longer than len; an NFKC form
	 * of a decoded form no longer than MA_NFKC_ROOM(len) */
	need += url_html ? len + 1 : 0;
	need += html_url ? len + 1 + MA_NFKC_ROOM(len) + 1 : 0; /* and its NFKC */
	for (int k = 0; k < UH; k++) {
		const unsigned char *f;
		first[k] = 0;
		if (src[k] < 0)
			continue;
		f = (const unsigned char *)in->form[src[k]];
		/* a decoded form is past ASCII only where its raw is, or an
		 * escape made it so (rawurl's escapes are url's) */
		if (k > 0 && !(scan & MA_V_HIGH) &&
		    (k == 4 ? !url_high : !ma_has_high(f, in->form_len[src[k]]))) {
			src[k] = -1;
			continue;
		}
		url_high |= k == 1; /* past ASCII (or may be) */
		first[k] = k < 2 ? ma_nfkc_scan(in->form[src[k]], in->form_len[src[k]], &bad[k])
		                 : ma_nfkc_first(in->form[src[k]], in->form_len[src[k]]);
		if (first[k] == in->form_len[src[k]])
			src[k] = -1;
		else
			need += MA_NFKC_ROOM(len) + 1;
	}
	/* rawurl2's (rare: a '+' and an escape escaped) where it is past ASCII */
	if (src[R2] >= 0) {
		const char *f = in->form[src[R2]];
		size_t fl = in->form_len[src[R2]];
		first[R2] = ma_has_high((const unsigned char *)f, fl) ? ma_nfkc_first(f, fl) : fl;
		if (first[R2] == fl)
			src[R2] = -1;
		else
			need += MA_NFKC_ROOM(len) + 1;
	}
	/* url_html's NFKC form: room where its decoding may be past ASCII */
	if (url_html &&
	    ma_html_may_high((const unsigned char *)in->form[u], in->form_len[u], url_high)) {
		uh_room = 1;
		need += MA_NFKC_ROOM(len) + 1;
	}
	need += bad[0] ? 5 * len + 2 : 0; /* fffd and latin1 */
	need += bad[1] ? 3 * len + 1 : 0;
	if (need == 0)
		return 0;
	next = ma_request_alloc(r, need);
	if (!next)
		return MOAT_AGENT_ENOMEM;
	in->mem2 = next;
	if (url_html) {
		size_t dl = ma_html_decode(in->form[u], in->form_len[u], next);
		next[dl] = '\0';
		if (ma_form_add(in, next, dl, "url_html")) {
			src[UH] = in->nforms - 1;
			next += len + 1;
		}
	}
	if (html_url) {
		size_t dl = ma_url_decode(in->form[h], in->form_len[h], next);
		next[dl] = '\0';
		if (ma_form_add(in, next, dl, "html_url")) {
			src[HU] = in->nforms - 1;
			next += len + 1;
		}
	}
	/* url_html's and html_url's NFKC forms where they are past ASCII
	 * (html_url: `&#37;EF&#37;BC&#37;87` is `%EF%BC%87`, then `＇`) */
	for (int k = UH; k < NSRC; k += HU - UH) {
		const char *f;
		size_t fl;
		first[k] = 0;
		if (src[k] < 0)
			continue;
		f = in->form[src[k]];
		fl = in->form_len[src[k]];
		if ((k == UH && !uh_room) || !ma_has_high((const unsigned char *)f, fl))
			src[k] = -1;
		else
			first[k] = ma_nfkc_first(f, fl);
		if (src[k] >= 0 && first[k] == fl)
			src[k] = -1;
	}
	for (int k = 0; k < NSRC; k++) {
		size_t dl;
		if (src[k] < 0)
			continue;
		dl = ma_nfkc_ascii(in->form[src[k]], in->form_len[src[k]], first[k], next);
		next[dl] = '\0';
		if (ma_form_add(in, next, dl, nfkc_name[k]))
			next += MA_NFKC_ROOM(len) + 1;
	}
	for (int k = 0; k < 2; k++) {
		size_t dl;
		if (!bad[k])
			continue;
		dl = ma_utf8_fffd(in->form[k ? u : 0], in->form_len[k ? u : 0], next);
		next[dl] = '\0';
		if (dl && ma_form_add(in, next, dl, k ? "url_fffd" : "fffd"))
			next += 3 * len + 1;
		if (k == 0) {
			dl = ma_latin1_utf8(in->form[0], len, next);
			next[dl] = '\0';
			if (ma_form_add(in, next, dl, "latin1"))
				next += 2 * len + 1;
		}
	}
	return 0;
}

static const char *const ma_prefixes[] = {"query",  "body", "body", "header",
                                          "cookie", "path", "input"};
static const unsigned char ma_prefix_len[] = {5, 4, 4, 6, 6, 4, 5};

/* The prefix of kind's parameter names ("query" in query.q), by index
 * into ma_prefixes. */
static size_t ma_prefix_index(int kind)
{
	switch (kind) {
	case MOAT_INPUT_QUERY:
		return 0;
	case MOAT_INPUT_FORM:
		return 1;
	case MOAT_INPUT_JSON:
		return 2;
	case MOAT_INPUT_HEADER:
		return 3;
	case MOAT_INPUT_COOKIE:
		return 4;
	case MOAT_INPUT_PATH:
		return 5;
	default:
		return 6;
	}
}

/* Copies s (n bytes) to d (s itself allowed) with its ASCII letters in
 * upper case (upper) or lower case, eight bytes a step: a byte below 0x80
 * from the case's 'a' (or 'A') to its 'z' gets 0x20 cleared (or set). */
static void ma_fold_copy(char *d, const char *s, size_t n, int upper)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	const unsigned char a = upper ? 'a' : 'A';
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, h, ge_a, gt_z, m;
		memcpy(&w, s + i, 8);
		h = w & ~high;
		ge_a = h + ones * (0x80 - a);
		gt_z = h + ones * (0x80 - a - 25 - 1);
		m = ((ge_a ^ gt_z) & ~w & high) >> 2; /* 0x20 where a letter of the case */
		w = upper ? w & ~m : w | m;
		memcpy(d + i, &w, 8);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		d[i] = (char)((unsigned)(c - a) < 26 ? c ^ 0x20 : c);
	}
}

/* Adds value as an input: copied into the request's memory, or borrowed
 * (the caller keeps value[0..len] -- its NUL too -- until the request
 * ends). Either way the block holds the parameter's name and the decoded
 * forms the value needs (none for one without '%', '+' or '&'). */
static int ma_add_input_one(struct moat_request *r, int kind, const char *name, const char *value,
                            size_t len, int borrow)
{
	struct ma_input *in;
	size_t plen, nl, kl, cap, room, pi;
	unsigned scan;
	char *p, *next;
	int url_at[4] = {-1, -1, -1, -1}, html_at = -1;

	if (!r)
		return 0;
	if (kind < MOAT_INPUT_QUERY || kind > MOAT_INPUT_OTHER || (!value && len))
		return MOAT_AGENT_EINVAL;
	if (!name)
		name = "";
	if (!value)
		value = ""; /* len is 0: a borrowed "" needs its NUL */
	if (r->nin == r->capin) {
		/* x1.5: a request of 20,000 inputs holds 3,640 unused places, not
		 * 12,768 (review26f's bound) */
		size_t ncap = r->capin + r->capin / 2;
		struct ma_input *grown;
		if (r->in == r->in_inline) {
			grown = ma_malloc(ncap * sizeof *grown);
			if (grown)
				memcpy(grown, r->in, r->nin * sizeof *grown);
		} else {
			grown = ma_realloc(r->in, ncap * sizeof *grown);
		}
		if (!grown)
			return MOAT_AGENT_ENOMEM;
		r->in = grown;
		r->capin = ncap;
	}
	pi = ma_prefix_index(kind);
	kl = ma_prefix_len[pi];
	nl = strlen(name);
	plen = kl + 1 + nl + 1;
	scan = ma_value_scan(value, len, borrow);
	/* decoded forms (none is longer than the value): url and url2, and
	 * rawurl and rawurl2 where they differ, when the value has '%' or
	 * '+'; html when it has '&' */
	room = scan & MA_V_PLAIN ? 0 : ((scan & MA_V_URL) ? 4 : 0) + ((scan & MA_V_AMP) ? 1 : 0);
	room += borrow ? 0 : 1;
	if (len > (((size_t)-1) / 4) - 4 - plen || len >= UINT32_MAX)
		return MOAT_AGENT_ENOMEM;
	cap = room * (len + 1);
	in = &r->in[r->nin];
	/* every field but the forms past nforms, which nothing reads */
	in->kind = kind;
	in->structured = 0;
	in->mem2 = NULL;
	in->mem3 = NULL;
	in->mem4 = NULL;
	in->mem5 = NULL;
	in->like_buf = NULL;
	in->like_cap = 0;
	in->outer = 0;
	in->outer_off = 0;
	in->outer_form = 0;
	/* one block: the value (copied), the decoded forms, the name */
	in->mem = ma_request_alloc(r, cap + plen);
	if (!in->mem)
		return MOAT_AGENT_ENOMEM;
	in->param = in->mem + cap;
	memcpy(in->param, ma_prefixes[pi], kl);
	in->param[kl] = '.';
	memcpy(in->param + kl + 1, name, nl + 1);
	if (kind == MOAT_INPUT_HEADER)
		ma_fold_copy(in->param + kl + 1, in->param + kl + 1, nl, 0);
	next = in->mem;
	if (borrow) {
		p = (char *)(uintptr_t)value; /* never written: forms are const */
	} else {
		p = next;
		if (len)
			memcpy(p, value, len);
		p[len] = '\0';
		next += len + 1;
	}
	in->form[0] = p;
	in->form_len[0] = len;
	in->form_name[0] = "raw";
	in->nforms = 1;
	in->plain = (scan & MA_V_PLAIN) != 0;
	if (!in->plain && (scan & MA_V_URL))
		next = ma_add_url_forms(in, len, next, url_at);
	if (!in->plain) {
		if (scan & MA_V_AMP) {
			char *d = next;
			size_t dl = ma_html_decode(value, len, d);
			d[dl] = '\0';
			if (!ma_form_seen(in, d, dl)) {
				html_at = in->nforms;
				in->form[in->nforms] = d;
				in->form_len[in->nforms] = dl;
				in->form_name[in->nforms] = "html";
				in->nforms++;
			}
		}
	}
	if (!in->plain && (scan & (MA_V_HIGH | MA_V_URL | MA_V_AMP))) {
		int rc = ma_add_late_forms(r, in, len, scan, url_at, html_at);
		if (rc) {
			ma_request_free(r, in->mem);
			return rc;
		}
	}
	ma_add_cstr_forms(in, (scan & MA_V_NUL) != 0);
	if (ma_add_collapse_forms(r, in, url_at[0], scan)) {
		ma_request_free(r, in->mem);
		ma_request_free(r, in->mem2);
		return MOAT_AGENT_ENOMEM;
	}
	ma_add_trim_forms(in); /* slices: after the strlen of the cstr forms */
	r->nin++;
	return 0;
}

/* ---- the text inside an input ----
 *
 * An application parses some inputs again: a GraphQL GET request's
 * variables={"id":"..."}, a form's payload= holding JSON (Slack, GitHub),
 * a JSON body field holding JSON (webhooks that wrap their event), an
 * OAuth state= or return parameter holding a query string. The values it
 * reads out of them are what reaches the sink, split differently from the
 * whole string, which never occurs in the operation (review24k). Such a
 * value is opened when the whole of it is a JSON object or array (strict
 * JSON; one nested deeper than MA_JSON_DEPTH is read by the lenient walk)
 * or a query string (name=value pairs joined by '&', ma_qs_shape): each
 * value inside is an input of the outer one's kind, named by the outer
 * name, '.', and its own ("query.variables.id",
 * "body.state.q"), so an exclusion of the outer parameter covers it. A
 * value inside is opened in its turn up to MA_INNER_DEPTH inputs deep;
 * text deeper is not opened (fail open: no application known to us parses
 * a third level, and each level's escapes double the attacker's bytes).
 * The shape test reads the value's ends, or its pairs: no allocation, no
 * copy where nothing is opened. */
#define MA_INNER_DEPTH 2
#define MA_INNER_NAME  768
/* Inputs a request takes from inside its inputs, at most (review26f: a
 * 369 KB form field of tiny pairs held 39.7 MB opened, each value an
 * input of its own): past them the values inside are not added (fail
 * open, as past MA_INNER_DEPTH; the outer inputs stay whole). */
#define MA_INNER_MAX 1024

/* 1 when s[0..n) is a query string: an optional '?', then name=value
 * pairs joined by '&' (a value holds no '&'); 2 when it is one of a
 * single pair whose value holds '=' other than a trailing run (base64's
 * padding). The first name does not begin with '-' (`--upload-pack=id;`
 * and `-euse_askpass=F` are options, not query strings) and holds no
 * white space (prose with '=' and '&' is none: a judge template's
 * "a = b & c", devprompt4; `@t=1` first is one, review27); the names
 * after it are any bytes but '&' and '=', as parse_qs, URLSearchParams
 * and PHP read them (`@t=1`, `sort by=date`, `=y`, a name in UTF-8:
 * review27c). Empty pairs and names without '=' are skipped, as every
 * parser skips them (review26). Parsers split a pair at its first '=': a
 * value may hold more, in a string of one pair too (`q=x' OR 1=1-- `,
 * review25b-misc10; misc10 kept those shut for `GALLERY=1=5`, whose
 * "1=5" cut out of it was judged where the whole is pasted: for this
 * shape such a place is now the whole's, ma_scan_covered). */
static int ma_qs_shape(const char *s, size_t n)
{
	size_t i = n && s[0] == '?';
	int pairs = 0, eq = 0, first = 1;

	if (i == n)
		return 0;
	while (i < n) {
		if (s[i] == '&') { /* an empty pair */
			i++;
			continue;
		}
		if (first) {
			if (s[i] == '-')
				return 0; /* an option */
			while (i < n && (unsigned char)s[i] > ' ' && s[i] != '=' && s[i] != '&')
				i++;
			if (i < n && s[i] != '=' && s[i] != '&')
				return 0; /* prose ("a = b & c") is no query string */
			first = 0;
		}
		while (i < n && s[i] != '=' && s[i] != '&')
			i++;
		if (i == n || s[i] == '&') { /* a name alone ("verbose&..."): no value */
			i += i < n;
			continue;
		}
		pairs++;
		for (i++; i < n && s[i] != '&'; i++)
			eq |= s[i] == '=' && i + 1 < n && s[i + 1] != '=' && s[i + 1] != '&';
		if (i < n)
			i++; /* ('&': a trailing one is an empty pair) */
	}
	return pairs == 0 ? 0 : pairs == 1 && eq ? 2 : 1;
}

/* 1 when s[0..n) begins with '{' or '[' and ends with its closer, white
 * space around allowed: JSON text worth parsing. */
static int ma_json_shape(const char *s, size_t n)
{
	size_t a = 0;

	while (a < n && ma_trim_space((unsigned char)s[a]))
		a++;
	while (n > a && ma_trim_space((unsigned char)s[n - 1]))
		n--;
	return n - a >= 2 && ((s[a] == '{' && s[n - 1] == '}') || (s[a] == '[' && s[n - 1] == ']'));
}

/* prefix '.' name into buf (MA_INNER_NAME bytes), cut at a character's
 * start when long: a label. */
static const char *ma_inner_name(char *buf, const char *prefix, const char *name, size_t nl)
{
	size_t pl = ma_utf8_cut(prefix, strlen(prefix), MA_INNER_NAME / 2);

	memcpy(buf, prefix, pl);
	buf[pl] = '.';
	nl = ma_utf8_cut(name, nl, MA_INNER_NAME - pl - 2);
	memcpy(buf + pl + 1, name, nl);
	buf[pl + 1 + nl] = '\0';
	return buf;
}

/* 0 when r, opening an input's inside, has taken MA_INNER_MAX values
 * from inside its inputs already (the next is not added); counts it. */
static int ma_inner_room(struct moat_request *r)
{
	return r->inner == 0 || r->ninner++ < MA_INNER_MAX;
}

static int ma_add_input(struct moat_request *r, int kind, const char *name, const char *value,
                        size_t len, int borrow);
static int ma_add_json_text(struct moat_request *r, const char *json, size_t len, int inner);

/* The values of the query string s[0..n) as inputs (kind, named under
 * prefix). Each value is a slice of s: its URL-decoded forms are made as
 * for any input. outer: 0, or 1 + the index of the input whose form
 * outer_form s is, when a value's places inside an occurrence of the
 * whole s are that input's (a string of one pair with '=' in its value,
 * ma_qs_shape's 2: the shape misc10 kept shut; the other shapes keep
 * every place of their values, as before). */
static int ma_add_qs_values(struct moat_request *r, int kind, const char *prefix, const char *s,
                            size_t n, size_t outer, int outer_form)
{
	char nbuf[MA_INNER_NAME];
	size_t i = n && s[0] == '?';

	while (i < n) {
		size_t a = i, e, end;
		while (i < n && s[i] != '&')
			i++;
		end = i++; /* the pair [a, end): empty, a name alone, or name=value */
		for (e = a; e < end && s[e] != '='; e++)
			;
		if (e + 1 < end) {
			size_t at = r->nin;
			int rc = ma_add_input(r, kind, ma_inner_name(nbuf, prefix, s + a, e - a),
			                      s + e + 1, end - e - 1, 0);
			if (rc)
				return rc;
			if (outer && r->nin > at) { /* (added: a slice of the form) */
				r->in[at].outer = outer;
				r->in[at].outer_form = outer_form;
				r->in[at].outer_off = e + 1;
			}
		}
	}
	return 0;
}

/* 1 when v[0..n) is JSON text worth parsing, 2 when a query string (3:
 * of one pair whose value holds '='), 0 when neither: its first byte
 * decides which shape may follow (most values: none, at one test). */
static int ma_inner_shape(const char *v, size_t n)
{
	unsigned char c0;
	int q;

	if (n < 2)
		return 0;
	c0 = (unsigned char)v[0];
	if (c0 == '{' || c0 == '[' || ma_trim_space(c0))
		return ma_json_shape(v, n);
	if (c0 == '-' || !memchr(v, '=', n))
		return 0;
	q = ma_qs_shape(v, n);
	return q ? 1 + q : 0;
}

/* Opens the value of input number idx when it is JSON text or a query
 * string (above): its raw form, or when that is escaped its first
 * URL-decoded one (a GraphQL client sends variables=%7B...%7D;
 * review25). */
static int ma_add_inner(struct moat_request *r, size_t idx)
{
	const struct ma_input *in = &r->in[idx];
	const char *prefix = in->param + ma_prefix_len[ma_prefix_index(in->kind)] + 1;
	const char *v = NULL, *jprefix = r->jprefix;
	size_t n = 0;
	int kind = in->kind, rc = 0, jkind = r->jkind, shape = 0, k;

	if (in->plain || in->structured || r->inner >= MA_INNER_DEPTH ||
	    kind == MOAT_INPUT_HEADER || kind == MOAT_INPUT_PATH)
		return 0;
	for (k = 0; k < in->nforms; k++) {
		const char *fn = in->form_name[k];
		if (k > 0 && strcmp(fn, "url") != 0 && strcmp(fn, "rawurl") != 0)
			continue;
		v = in->form[k];
		n = in->form_len[k];
		shape = ma_inner_shape(v, n);
		if (shape)
			break;
	}
	if (!shape)
		return 0;
	r->inner++;
	if (shape == 1) {
		r->jkind = kind;
		r->jprefix = prefix;
		rc = ma_add_json_text(r, v, n, 1);
		r->jkind = jkind;
		r->jprefix = jprefix;
	} else {
		rc = ma_add_qs_values(r, kind, prefix, v, n, shape == 3 ? idx + 1 : 0, k);
	}
	r->inner--;
	return rc;
}

/* Bytes of a parameter's name a name segment's input is named by past the
 * name's first '[' (a label: review27h). */
#define MA_SEG_LABEL 64
/* Segments of a name read one by one; the rest past them is one input
 * (qs reads a name 5 deep and keeps the rest as one key; PHP refuses a
 * name nested deeper than max_input_nesting_level, 64): a name's inputs
 * are at most MA_SEG_MAX + 1, their bytes at most a few times its own. */
#define MA_SEG_MAX 64

/* A query, form or cookie parameter's name read as PHP, Rails and qs read
 * it: `sort[COLUMN]=asc` is a map whose key the application may paste
 * (ORDER BY COLUMN, WHERE COLUMN = ...), as it may a JSON body's member
 * names (ma_json_add_name, review24x). Each bracketed segment of name that
 * is not one word of letters, digits and '_' is an input named by the
 * parameter's name cut (its part before the first '[' whole, MA_SEG_LABEL
 * bytes more at most, within MA_INNER_NAME: a label an exclusion of the
 * parameter still covers): `filter[status]`, `ids[]`, `page[size]` add
 * none. The segments count toward MA_INNER_MAX with the values inside
 * inputs: a name of n segments held n copies of itself, quadratic
 * (a 12 KB name 51 MB, 300 KB the OOM killer: review27h). */
static int ma_add_name_segments(struct moat_request *r, int kind, const char *name)
{
	const char *p = name ? strchr(name, '[') : NULL;
	char label[MA_INNER_NAME];
	size_t ll;

	if (!p ||
	    (kind != MOAT_INPUT_QUERY && kind != MOAT_INPUT_FORM && kind != MOAT_INPUT_COOKIE))
		return 0;
	ll = (size_t)(p - name) + MA_SEG_LABEL;
	ll = ma_utf8_cut(name, strlen(name), ll < MA_INNER_NAME - 1 ? ll : MA_INNER_NAME - 1);
	memcpy(label, name, ll);
	label[ll] = '\0';
	for (int segs = 0; p && *p == '['; segs++) {
		const char *a = p + 1, *q = strchr(a, ']');
		size_t i = 0, n;
		if (segs == MA_SEG_MAX) { /* the rest as one key, as qs reads it */
			a = p;
			q = p + strlen(p);
		} else if (!q)
			q = a + strlen(a); /* PHP keeps an unclosed segment */
		n = (size_t)(q - a);
		while (i < n && ((unsigned)((a[i] | 32) - 'a') < 26 ||
		                 (unsigned)(a[i] - '0') < 10 || a[i] == '_'))
			i++;
		if (i < n) {
			int rc;
			if (r->ninner >= MA_INNER_MAX)
				return 0; /* (past the bound: not added) */
			r->ninner++;
			rc = ma_add_input_one(r, kind, label, a, n, 0);
			if (rc)
				return rc;
		}
		p = *q ? q + 1 : NULL;
	}
	return 0;
}

/* The index of an ASCII punctuation byte other than a quote and LIKE's
 * wildcards among 32 places, or -1: the bytes an application may name
 * as LIKE's ESCAPE character. */
static int ma_like_esc_index(unsigned char c)
{
	if (c == '\'' || c == '"' || c == '`' || c == '%' || c == '_' || c == '\\')
		return -1;
	if (c >= 0x21 && c <= 0x2f)
		return c - 0x21;
	if (c >= 0x3a && c <= 0x40)
		return 15 + c - 0x3a;
	if (c >= 0x5b && c <= 0x60)
		return 22 + c - 0x5b;
	if (c >= 0x7b && c <= 0x7e)
		return 28 + c - 0x7b;
	return -1;
}

/* The quote-doubled form (details.decoding "doubled"): an application
 * that escapes a value by doubling its quotes (`s.replace("'", "''")`,
 * the standard escape, hand-rolled) before it pastes it into a '...'
 * string. Under MySQL's backslash escapes an input that puts a backslash
 * before its quote breaks out: `x\' OR 1=1#` reaches MySQL as
 * `'x\'' OR 1=1#'`, where `\'` is an escaped quote and the next one ends
 * the string (review27f); no other form occurs. The SQL check judges the
 * place as any other: under PostgreSQL and SQLite the doubled quote stays
 * inside the string (data, allowed), under MySQL the rest is code. Made
 * only for an input with a backslash right before a single quote (what
 * an odd run of them needs; `O'Brien` and `C:\path\it's` get none), in
 * the LIKE forms' block (such an input has them: a quote and a
 * backslash), so no byte more per input. Not made: doubled double quotes
 * (`"..."` strings, rarer), the decoded forms' doubles. Returns the
 * form's length, 0 when none is made. */
static size_t ma_doubled_len(const char *v, size_t n)
{
	const char *b = memchr(v, '\\', n);
	size_t q = 0;

	while (b && b + 1 < v + n && b[1] != '\'')
		b = memchr(b + 1, '\\', n - (size_t)(b + 1 - v));
	if (!b || b + 1 >= v + n)
		return 0;
	for (size_t i = 0; i < n; i++)
		q += v[i] == '\'';
	return n + q;
}

/* Writes v (n bytes) with each '\'' doubled to d (NUL-terminated). */
static void ma_doubled_copy(char *d, const char *v, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		d[o++] = v[i];
		if (v[i] == '\'')
			d[o++] = '\'';
	}
	d[o] = '\0';
}

/* The LIKE-escaped form (details.decoding "like"): an application that
 * escapes LIKE's wildcards but not quotes (`s.replace('_', '\\_')` before
 * `LIKE '%` + s + `%'`) puts a backslash before each '_', '%' and '\' of
 * the input, and the attacker decides that the escape splits the raw form:
 * `a_b' OR 1=1-- ` reaches SQL as `a\_b' OR 1=1-- ` (review24e). Made
 * only for an input holding a quote (', ", `) and a wildcard or a
 * backslash -- nothing to break out of otherwise -- so a value without a
 * quote costs three memchr, and "50% off_now" no form. Other ESCAPE
 * characters (jOOQ's '!', SQLAlchemy's autoescape '/', '^', '#', '~' in
 * manuals: review25's fifth misc10 test) are read from the statement by
 * the SQL check's scan (ma_scan_like_escapes): an input holding a quote
 * gets room for that form here (like_buf, twice its length), so the scan
 * allocates nothing. Both in one block of their own (mem3). */
static int ma_add_like_form(struct moat_request *r, struct ma_input *in)
{
	const char *v = in->form[0];
	size_t n = in->form_len[0], need = 0, spare, dq;
	int from[3], nf = 0, nforms = in->nforms, bs;
	char *d;

	in->like_buf = NULL;
	in->like_cap = 0;
	if (in->plain || in->structured || in->nforms >= MA_INPUT_LATE)
		return 0;
	if (!memchr(v, '\'', n) && !memchr(v, '"', n) && !memchr(v, '`', n))
		return 0;
	/* (a backslash is escaped too: x\' OR ..., review26e) */
	bs = memchr(v, '_', n) || memchr(v, '%', n) || memchr(v, '\\', n);
	/* the backslash escape of the raw form, and of its trimmed and
	 * collapsed forms: a framework trims (or squishes) the field before
	 * the application escapes it (review27b); they hold the raw form's
	 * quotes and wildcards */
	for (int k = 0; bs && k < nforms && nf < 3; k++) {
		if (k > 0 && strcmp(in->form_name[k], "trim") != 0 &&
		    strcmp(in->form_name[k], "collapse") != 0)
			continue;
		from[nf++] = k;
		need += 2 * (size_t)in->form_len[k] + 1;
	}
	/* the other escapes' form, at form[nforms] after the backslash's.
	 * Both sized for every byte escaped (2n + 1): counting the bytes
	 * escaped cost a pass of ~15 instructions a byte (+29 % on a 1 KB
	 * value of quotes and escapes), memchr a few a 32 bytes */
	spare = 2 * n + 1;         /* (its place: the table's last) */
	dq = ma_doubled_len(v, n); /* (the quote-doubled form's bytes, above) */
	d = ma_request_alloc(r, need + (dq ? dq + 1 : 0) + spare);
	if (!d)
		return MOAT_AGENT_ENOMEM;
	in->mem3 = d;
	for (int w = 0; w < nf && in->nforms < MA_INPUT_LATE; w++) {
		const char *f = in->form[from[w]];
		size_t fl = in->form_len[from[w]], o = 0;
		for (size_t i = 0; i < fl; i++) {
			if (f[i] == '_' || f[i] == '%' || f[i] == '\\')
				d[o++] = '\\';
			d[o++] = f[i];
		}
		d[o] = '\0';
		if (o != fl && !ma_form_seen(in, d, o)) {
			in->form[in->nforms] = d;
			in->form_len[in->nforms] = (uint32_t)o;
			in->form_name[in->nforms] = "like";
			in->nforms++;
		}
		d += 2 * fl + 1;
	}
	if (dq) {
		d = in->mem3 + need;
		ma_doubled_copy(d, v, n);
		if (in->nforms < MA_INPUT_LATE && !ma_form_seen(in, d, dq)) {
			in->form[in->nforms] = d;
			in->form_len[in->nforms] = (uint32_t)dq;
			in->form_name[in->nforms] = "doubled";
			in->nforms++;
		}
		need += dq + 1;
	}
	in->like_buf = in->mem3 + need;
	in->like_cap = spare;
	return 0;
}

/* Byte classes for ma_add_fold_forms: 1 an upper-case ASCII letter, 2 a
 * lower-case one, 4 a byte some check reads as syntax (quotes, < > ; |
 * & $ ( ) / \\ # { } *), 8 a quote. */
static const unsigned char ma_fold_class[256] = {
    ['A' ... 'Z'] = 1, ['a' ... 'z'] = 2, ['\''] = 12, ['"'] = 12, ['`'] = 12, ['<'] = 4, ['>'] = 4,
    [';'] = 4,         ['|'] = 4,         ['&'] = 4,   ['$'] = 4,  ['('] = 4,  [')'] = 4, ['/'] = 4,
    ['\\'] = 4,        ['#'] = 4,         ['{'] = 4,   ['}'] = 4,  ['*'] = 4,
};

static const char ma_form_lower[] = "lower", ma_form_upper[] = "upper";

/* 1 when form k of in is a case-folded one (ma_add_fold_forms) */
static int ma_form_folded(const struct ma_input *in, int k)
{
	return in->form_name[k] == ma_form_lower || in->form_name[k] == ma_form_upper;
}

/* The raw form case-folded (details.decoding "lower", "upper"): an
 * application that folds a value before it pastes it (an e-mail, a user
 * name, a tag through lower() or toLowerCase(); a voucher code through
 * upper()) pastes no other form once the attacker writes one letter of the
 * other case: `X' OR 1=1-- ` reaches SQL as `x' or 1=1-- ` (review27d).
 * The lower-case form is made for a value holding an upper-case ASCII
 * letter and a byte some check reads as syntax (ma_fold_class); the
 * upper-case form for one holding a lower-case letter and a quote (an
 * upper()ed value breaks out of SQL strings; upper-cased markup, paths
 * and code rarely work, and every URL would pay for it: review28 measured
 * x2.19 on a page of 20 URLs). Of the trimmed raw form when there is one
 * (`email.strip().lower()`, review28; its fold is inside the raw form's
 * fold, so an untrimmed paste is found too). Two places of their own
 * (MA_INPUT_LATE), a block of their own (mem5). Not made: for headers (no
 * application folds a header into an operation), a plain value, prose
 * without such a byte (an override in capitals folded by the
 * application), an unquoted payload without one (`1 OR 1=1` lower()ed),
 * Unicode's case mappings. */
static int ma_add_fold_forms(struct moat_request *r, struct ma_input *in)
{
	const unsigned char *v = (const unsigned char *)in->form[0];
	size_t n, a, z;
	unsigned cls = 0, want;
	char *d;

	if (in->plain || in->structured || in->kind == MOAT_INPUT_HEADER)
		return 0;
	ma_trim_bounds(v, in->form_len[0], &a, &z); /* (the trimmed value) */
	v += a;
	n = z - a;
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n && cls != 15; i++)
		cls |= ma_fold_class[v[i]];
	want = ((cls & 1) && (cls & 4) ? 1u : 0u) | ((cls & 2) && (cls & 8) ? 2u : 0u);
	if (!want)
		return 0;
	d = ma_request_alloc(r, (size_t)((want & 1) + (want >> 1)) * (n + 1));
	if (!d)
		return MOAT_AGENT_ENOMEM;
	in->mem5 = d;
	for (int w = 0; w < 2 && in->nforms < MA_INPUT_FORMS - 1; w++) {
		if (!(want & (1u << w)))
			continue;
		ma_fold_copy(d, (const char *)v, n, w); /* w 0: lower, 1: upper */
		d[n] = '\0';
		if (!ma_form_seen(in, d, n)) {
			in->form[in->nforms] = d;
			in->form_len[in->nforms] = (uint32_t)n;
			in->form_name[in->nforms] = w == 0 ? ma_form_lower : ma_form_upper;
			in->nforms++;
		}
		d += n + 1;
	}
	return 0;
}

/* An input, then its name's segments and the values inside it. */
static int ma_add_input(struct moat_request *r, int kind, const char *name, const char *value,
                        size_t len, int borrow)
{
	size_t idx;
	int rc;

	if (!r)
		return 0;
	if (!ma_inner_room(r))
		return 0; /* (past the bound: not added) */
	idx = r->nin;
	rc = ma_add_input_one(r, kind, name, value, len, borrow);
	if (!rc)
		rc = ma_add_like_form(r, &r->in[idx]);
	if (!rc)
		rc = ma_add_fold_forms(r, &r->in[idx]);
	if (!rc)
		rc = ma_add_name_segments(r, kind, name);
	if (!rc)
		rc = ma_add_inner(r, idx);
	return rc;
}

int moat_request_add_input(struct moat_request *r, int kind, const char *name, const char *value,
                           size_t len)
{
	return ma_add_input(r, kind, name, value, len, 0);
}

int moat_request_add_input_ref(struct moat_request *r, int kind, const char *name,
                               const char *value, size_t len)
{
	return ma_add_input(r, kind, name, value, len, 1);
}

/* A value of a JSON text named path: a body's (MOAT_INPUT_JSON, path), or
 * one inside an input (its kind, named under it: ma_add_inner).
 * structured: an object or array as compact text (the nosql check reads
 * these), never opened again. */
int ma_request_add_json_input(struct moat_request *r, const char *path, const char *v, size_t vl,
                              int structured)
{
	char nbuf[MA_INNER_NAME];
	int kind = r->jprefix ? r->jkind : MOAT_INPUT_JSON, rc;
	const char *name = r->jprefix ? ma_inner_name(nbuf, r->jprefix, path, strlen(path)) : path;

	if (!structured)
		return ma_add_input(r, kind, name, v, vl, 0);
	if (!ma_inner_room(r))
		return 0;
	rc = ma_add_input_one(r, kind, name, v, vl, 0);
	if (rc == 0)
		r->in[r->nin - 1].structured = 1;
	return rc;
}

/* Adds an object or array of a JSON body as one input: its compact text,
 * marked structured (where the application may have expected a plain
 * value: the nosql_injection check looks at these). */
int ma_request_add_structured(struct moat_request *r, const char *path, const char *text,
                              size_t len)
{
	return r ? ma_request_add_json_input(r, path, text, len, 1) : 0;
}

static int ma_add_json_struct(struct moat_request *r, json_t *v, const char *path)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	int rc;

	if (!text)
		return MOAT_AGENT_ENOMEM;
	rc = ma_request_add_structured(r, path, text, strlen(text));
	free(text);
	return rc;
}

/* Sets path (plen bytes of cap) to the member or element named by sep and
 * t (tl bytes): what does not fit is cut, at the start of a UTF-8
 * character, and a NUL ends the name. A long name still names its value:
 * the names are the attacker's when the application walks an object
 * ({"answers": {QUESTION: ANSWER}}), and a skipped value would be judged
 * by no check (review24). Returns the path's new length. */
size_t ma_json_path_set(char *path, size_t plen, size_t cap, const char *sep, const char *t,
                        size_t tl)
{
	size_t sl = strlen(sep), n;
	const char *nul = memchr(t, '\0', tl);

	if (nul)
		tl = (size_t)(nul - t);
	if (plen + sl >= cap) {
		path[plen] = '\0';
		return plen;
	}
	memcpy(path + plen, sep, sl);
	n = ma_utf8_cut(t, tl, cap - plen - sl - 1);
	memcpy(path + plen + sl, t, n);
	plen += sl + n;
	path[plen] = '\0';
	return plen;
}

/* Adds a member's name k (kl bytes) as an input named path (the
 * member's), unless it is one word of letters, digits and '_': such a
 * name stays one token in every sink, and ordinary bodies add no input
 * for their names. An application that pastes the names it was sent (a
 * column-to-value update, a sort object's keys) pastes the attacker's
 * text (review24). */
int ma_json_add_name(struct moat_request *r, const char *path, const char *k, size_t kl)
{
	size_t i = 0;

	while (i < kl &&
	       ((unsigned)((k[i] | 32) - 'a') < 26 || (unsigned)(k[i] - '0') < 10 || k[i] == '_'))
		i++;
	if (i == kl)
		return 0;
	return ma_request_add_json_input(r, path, k, kl, 0);
}

/* Walks a JSON value, adding its strings and numbers named by path: every
 * one of them (a cap on their number would let padding before a field
 * hide it from every check: review23; the cost is linear in the body the
 * application accepted, as for moat_request_add_input), and the names of
 * its members (ma_json_add_name). The body nests at most MA_JSON_DEPTH
 * levels (moat_request_add_json), so the recursion is bounded. */
static int ma_add_json_value(struct moat_request *r, json_t *v, char *path, size_t plen, size_t cap)
{
	char num[64];
	int rc = 0;

	if ((json_is_object(v) || json_is_array(v)) && plen > 0) {
		rc = ma_add_json_struct(r, v, path);
		if (rc)
			return rc;
	}
	if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach(v, k, x)
		{
			size_t n = ma_json_path_set(path, plen, cap, plen ? "." : "", k, strlen(k));
			rc = ma_json_add_name(r, path, k, strlen(k));
			if (!rc)
				rc = ma_add_json_value(r, x, path, n, cap);
			path[plen] = '\0';
			if (rc)
				return rc;
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
		{
			int n = snprintf(num, sizeof num, "[%zu]", i);
			size_t pl = ma_json_path_set(path, plen, cap, "", num, (size_t)n);
			rc = ma_add_json_value(r, x, path, pl, cap);
			path[plen] = '\0';
			if (rc)
				return rc;
		}
	} else if (json_is_string(v)) {
		return ma_request_add_json_input(r, path, json_string_value(v),
		                                 json_string_length(v), 0);
	} else if (json_is_integer(v)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
		return ma_request_add_json_input(r, path, num, strlen(num), 0);
	} else if (json_is_real(v)) {
		snprintf(num, sizeof num, "%.17g", json_real_value(v));
		return ma_request_add_json_input(r, path, num, strlen(num), 0);
	}
	return 0;
}

/* jansson parses, frees and prints JSON by recursion, about 320 bytes of
 * stack a level, up to 2048 levels, and the walk above recurses too: a
 * body nested deeper than MA_JSON_DEPTH would take more of the caller's
 * stack than any check (moatagent.h: threads). Such a body is read by the
 * lenient walk instead (ma_request_json.c), which is iterative and adds
 * every value however deep (review24: a rich-text document nests two
 * levels a block, and Node's or Python's parser reads thousands). Returns
 * 1 when json nests deeper than MA_JSON_DEPTH levels. */
#define MA_JSON_DEPTH 32
static int ma_json_too_deep(const char *json, size_t len)
{
	size_t depth = 0;
	int str = 0, esc = 0;

	for (size_t i = 0; i < len; i++) {
		char ch = json[i];
		if (str) {
			if (esc)
				esc = 0;
			else if (ch == '\\')
				esc = 1;
			else if (ch == '"')
				str = 0;
		} else if (ch == '"') {
			str = 1;
		} else if (ch == '[' || ch == '{') {
			if (++depth > MA_JSON_DEPTH)
				return 1;
		} else if ((ch == ']' || ch == '}') && depth > 0) {
			depth--;
		}
	}
	return 0;
}

/* The values of JSON text: a body (inner 0), or the text inside an input
 * (inner 1: ma_add_inner), whose values are added only when it is JSON. */
static int ma_add_json_text(struct moat_request *r, const char *json, size_t len, int inner)
{
	json_error_t err;
	json_t *v;
	char path[512] = "";
	int rc;

	if (ma_json_too_deep(json, len))
		return ma_request_json_lenient(r, json, len);
	v = json_loadb(json, len, JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &err);
	if (!v) {
		enum json_error_code code = json_error_code(&err);
		if (code == json_error_out_of_memory)
			return MOAT_AGENT_ENOMEM;
		/* refused, or a name repeated: read as lenient parsers read
		 * it (ma_request_json.c); a repeated name is still JSON. Inside
		 * an input too: JSON.parse and json.loads read 1e999, 2^64,
		 * "\ud800", NaN that jansson refuses, and a pad of them must not
		 * hide its neighbours (review26) */
		rc = ma_request_json_lenient(r, json, len);
		if (rc || inner)
			return rc == MOAT_AGENT_ENOMEM ? rc : 0;
		return code == json_error_duplicate_key ? 0 : MOAT_AGENT_EINVAL;
	}
	rc = ma_add_json_value(r, v, path, 0, sizeof path);
	json_decref(v);
	return rc;
}

int moat_request_add_json(struct moat_request *r, const char *json, size_t len)
{
	if (!r)
		return 0;
	if (!json)
		return MOAT_AGENT_EINVAL;
	return ma_add_json_text(r, json, len, 0);
}

size_t moat_request_input_count(const struct moat_request *r)
{
	return r ? r->nin : 0;
}

void moat_request_set_resolver(struct moat_request *r, moat_resolver_fn fn, void *arg)
{
	if (!r)
		return;
	r->resolve = fn;
	r->resolve_arg = arg;
}

const struct moat_policy *ma_request_policy(const struct moat_request *r)
{
	return r ? r->policy : NULL;
}

void ma_request_resolver(const struct moat_request *r, moat_resolver_fn *fn, void **arg)
{
	*fn = r ? r->resolve : NULL;
	*arg = r ? r->resolve_arg : NULL;
}

void *ma_request_scratch(struct moat_request *r)
{
	return r->scratch;
}

const struct ma_input *ma_request_inputs(const struct moat_request *r, size_t *n)
{
	*n = r ? r->nin : 0;
	return r ? r->in : NULL;
}

/* ---- decisions and events ---- */

int ma_request_mode(const struct moat_request *r, const char *interceptor, const char *param)
{
	if (!r)
		return MOAT_MODE_OFF;
	if (!r->policy)
		return MOAT_MODE_MONITOR; /* the server's safe default until a policy arrives */
	return ma_policy_decide_normal(r->policy, interceptor, r->endpoint, r->endpoint_norm, param,
	                               r->source_list ? r->source_list : r->source_ip);
}

double ma_request_threshold(const struct moat_request *r, const char *interceptor)
{
	return r && r->policy ? moat_policy_threshold(r->policy, interceptor) : -1;
}

/* ---- the event's details ---- */

static void ma_json_put(char *out, size_t *o, const char *s, size_t n)
{
	memcpy(out + *o, s, n);
	*o += n;
}

/* Bit 7 of each byte of the result set where the byte of w is one a JSON
 * string does not hold as it is: below 0x20, 0x80 or above, '"' or '\\'
 * (bytes after the first such byte may be set wrongly, before it never:
 * each borrow starts at a byte that is set). */
static uint64_t ma_swar_json_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

	return (w | ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & high;
}

/* How many of p's first n bytes, from the first on, a JSON string holds
 * as they are (printable ASCII but '"' and '\\', and DEL): sixteen at a
 * time with SSE2 when there are sixteen, else eight at a time in a
 * register, the last block read where it ends at n (overlapping the one
 * before: no byte past n is read), and a byte loop under eight. */
static size_t ma_json_plain_run(const unsigned char *p, size_t n)
{
	size_t i = 0;

#if defined(MA_REQUEST_SSE2)
	if (n >= 16) {
		const __m128i ctl = _mm_set1_epi8(0x20), q = _mm_set1_epi8('"'),
		              bs = _mm_set1_epi8('\\');
		for (;; i += 16) {
			size_t at = i + 16 <= n ? i : n - 16;
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + at));
			/* signed: below 0x20 is below 0x20 or 0x80 and above */
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmplt_epi8(x, ctl),
			    _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, bs))));
			m >>= i - at;
			if (m)
				return i + (size_t)__builtin_ctz(m);
			if (i + 16 >= n)
				return n;
		}
	}
#endif
	for (; i + 8 <= n; i += 8) {
		uint64_t m = ma_swar_json_special(ma_load8(p + i));
		if (m)
			return i + (size_t)__builtin_ctzll(m) / 8;
	}
	if (i < n && n >= 8) {
		uint64_t m = ma_swar_json_special(ma_load8(p + n - 8)) >> (8 * (i - (n - 8)));
		return m ? i + (size_t)__builtin_ctzll(m) / 8 : n;
	}
	while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\')
		i++;
	return i;
}

/* s (n bytes, a NUL after them) as a JSON string at out + *o, escaped as
 * jansson's json_dumps with JSON_ENSURE_ASCII escapes: \" \\ \b \f \n \r
 * \t, other controls and every non-ASCII character as \uXXXX (a
 * surrogate pair above U+FFFF). A byte that is not part of valid UTF-8
 * becomes U+FFFD (json_string would refuse the whole string). At most
 * 6 * n + 2 bytes. */
static size_t ma_json_quote(char *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t o = 0;

	ma_json_put(out, &o, "\"", 1);
	while (p < end) {
		size_t k, run;
		unsigned long c;
		uint32_t cp;
		char e[12];
		/* what needs no escape as it is, a run at a time */
		run = ma_json_plain_run(p, (size_t)(end - p));
		if (run) {
			ma_json_put(out, &o, (const char *)p, run);
			p += run;
			if (p == end)
				break;
		}
		k = ma_utf8_read(p, (size_t)(end - p), &cp);
		c = k ? cp : 0xFFFD; /* a bad byte: U+FFFD, one byte on */
		if (k == 1 && (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' ||
		               c == '\r' || c == '\t')) {
			e[0] = '\\';
			e[1] = c == '\b'   ? 'b'
			       : c == '\f' ? 'f'
			       : c == '\n' ? 'n'
			       : c == '\r' ? 'r'
			       : c == '\t' ? 't'
			                   : (char)c;
			ma_json_put(out, &o, e, 2);
			p++;
			continue;
		}
		if (k == 0)
			k = 1;
		p += k;
		if (c >= 0x10000) {
			unsigned long v = c - 0x10000, hi = 0xD800 | (v >> 10),
			              lo = 0xDC00 | (v & 0x3FF);
			e[0] = '\\';
			e[1] = 'u';
			for (int i = 0; i < 4; i++)
				e[2 + i] = hex[(hi >> (12 - 4 * i)) & 15];
			ma_json_put(out, &o, e, 6);
			c = lo;
		}
		e[0] = '\\';
		e[1] = 'u';
		for (int i = 0; i < 4; i++)
			e[2 + i] = hex[(c >> (12 - 4 * i)) & 15];
		ma_json_put(out, &o, e, 6);
	}
	ma_json_put(out, &o, "\"", 1);
	return o;
}

/* The members of an event's details, keys and values with their lengths
 * (taken once: for the allocation's bound, then for the writing), and
 * which of them are the library's own names (bit i for s[i]: the keys,
 * the input kinds, decodings and modes, printable ASCII without '"' or
 * '\\', test_agent_request_json.c checks them), copied without a look. */
struct ma_details {
	const char *s[10];
	size_t n[10];
	unsigned own;
	int k;
};

/* A value that is not the library's own (a parameter's name, a base path,
 * a host: the client's or the application's, of any length) is cut at
 * MA_DETAIL_CUT bytes, at a UTF-8 character's start: the details stay
 * under the 4,096 bytes an event may hold (two such values escaped, six
 * bytes a byte at most, and the names), so a long name does not get the
 * event refused (review24: a 5,000-byte header name lost the event of a
 * blocked injection in its value). */
#define MA_DETAIL_CUT 256

/* key and value, own_key and own_value: 1 for one of the library's names */
static void ma_details_add(struct ma_details *d, const char *key, int own_key, const char *value,
                           int own_value)
{
	size_t n;

	if (!value)
		return;
	n = own_value ? strlen(value)
	              : ma_utf8_cut(value, strnlen(value, MA_DETAIL_CUT + 1), MA_DETAIL_CUT);
	d->own |= (unsigned)own_key << d->k | (unsigned)own_value << (d->k + 1);
	d->s[d->k] = key;
	d->n[d->k++] = strlen(key);
	d->s[d->k] = value;
	d->n[d->k++] = n;
}

/* The event's details for fd: parameter, input_kind, decoding, the
 * check's own key, mode. Returns at most how many bytes
 * ma_details_write writes (6 for each byte of a string, the most an
 * escape takes, and the punctuation). */
static size_t ma_details_collect(struct ma_details *d, const struct ma_finding *fd, int mode)
{
	size_t bound = 2;

	d->k = 0;
	d->own = 0;
	if (fd->input) {
		ma_details_add(d, "parameter", 1, fd->input->param, 0);
		ma_details_add(d, "input_kind", 1, ma_kind_name(fd->input->kind), 1);
		ma_details_add(d, "decoding", 1, fd->input->form_name[fd->form], 1);
	}
	if (fd->extra_key)
		ma_details_add(d, fd->extra_key, 0, fd->extra_value, 0);
	ma_details_add(d, "mode", 1, moat_mode_name(mode), 1);
	for (int i = 0; i < d->k; i += 2)
		bound += 6 + 6 * d->n[i] + 6 * d->n[i + 1];
	return bound;
}

/* The details_json of d written at out, its length returned (no
 * terminator): the object and the bytes that
 * json_dumps(JSON_COMPACT | JSON_ENSURE_ASCII) gave, with one allocation
 * for the whole event instead of a dozen. */
static size_t ma_details_write(char *out, const struct ma_details *d)
{
	size_t o = 0;

	ma_json_put(out, &o, "{", 1);
	for (int i = 0; i < d->k; i++) {
		if (i)
			ma_json_put(out, &o, i & 1 ? ":" : ",", 1);
		if (d->own >> i & 1) {
			out[o] = '"';
			memcpy(out + o + 1, d->s[i], d->n[i]);
			out[o + 1 + d->n[i]] = '"';
			o += d->n[i] + 2;
		} else {
			o += ma_json_quote(out + o, d->s[i], d->n[i]);
		}
	}
	ma_json_put(out, &o, "}", 1);
	return o;
}

int ma_request_fire(struct moat_request *r, const struct ma_finding *fd)
{
	int mode = ma_request_mode(r, fd->interceptor, fd->input ? fd->input->param : NULL);
	struct ma_details d;
	size_t dl, ol;
	char *buf, *op = NULL, *dj = NULL;

	if (mode == MOAT_MODE_OFF)
		return -1;
	r->findings++;
	/* one block: the operation, NUL, the details, NUL (the operation may
	 * hold NULs: its length is fd's); the details' room is their bound */
	ol = fd->operation ? fd->operation_len : 0;
	dl = ma_details_collect(&d, fd, mode);
	buf = ma_malloc(ol + 1 + dl + 1);
	if (buf) {
		if (ol)
			memcpy(buf, fd->operation, ol);
		buf[ol] = '\0';
		op = fd->operation ? buf : NULL;
		dj = buf + ol + 1;
		dl = ma_details_write(dj, &d);
		dj[dl] = '\0';
	}
	free(r->ev_buf); /* after the copy: fd may point into the last event */
	r->ev_buf = buf;
	memset(&r->ev, 0, sizeof r->ev);
	r->ev.interceptor = fd->interceptor;
	r->ev.action = mode == MOAT_MODE_BLOCK ? "blocked" : "logged";
	r->ev.severity = fd->severity;
	r->ev.confidence = fd->confidence;
	r->ev.source_ip = r->source_ip;
	r->ev.method = r->method;
	r->ev.endpoint = r->endpoint;
	r->ev.payload = fd->input ? fd->input->form[0] : NULL;
	r->ev.operation = op;
	r->ev.file = fd->file;
	r->ev.line = fd->line;
	r->ev.function = fd->function;
	r->ev.rule = fd->rule;
	r->ev.details_json = dj;
	r->has_event = 1;
	/* Queued when there is an agent; a refusal (full queue, no memory) is
	 * counted by the agent and does not change the verdict. */
	if (r->agent)
		(void)moat_agent_report(r->agent, &r->ev, NULL);
	if (mode == MOAT_MODE_BLOCK)
		return MOAT_BLOCK;
	/* monitored by an exclusion of this parameter while the interceptor
	 * blocks: logged, and the check goes on to the other inputs */
	if (fd->input && ma_request_mode(r, fd->interceptor, NULL) == MOAT_MODE_BLOCK)
		return MA_FIRE_LOGGED;
	return MOAT_ALLOW;
}

/* The places one form v of an input occurs in a text, in order, for the
 * scan: memchr of v's first byte, memcmp of its first MA_FIND_SHORT bytes
 * (a longer v: after a look at its last byte) and then of the whole of it
 * -- no setup per call, and the first place
 * found is usually the occurrence (most inputs are nowhere in the
 * operation and end at a memchr or two). The bytes compared at places
 * that were not occurrences are counted for the whole form; past a
 * budget linear in the text (a text built of near-copies of v) the rest
 * is looked for with memmem, linear per call: the search of a form never
 * costs more than a few passes over the text, whatever v and the text.
 * memmem is not taken when the places left are too few for it to pay:
 * its set-up alone reads v several times (tens of thousands of
 * instructions for a 1 KB v), while comparing v at every place left
 * costs at most places * vl bytes, a few instructions per 32 bytes; so
 * while those bytes stay within four budgets the comparing goes on (the
 * bytes compared in vain stay below five budgets and v: still linear). */
#define MA_FIND_SHORT 16

struct ma_finder {
	const char *text, *v;
	size_t len, vl;
	size_t waste, budget; /* bytes compared in vain so far, and at most */
	/* the last occurrence found (+ 1; 0: none yet) and per: 0, or the
	 * distance from the one before it when at most vl / 2 (ma_find_next) */
	size_t last, per;
#if defined(MA_REQUEST_SSE2)
	__m128i a0, a1, b0, b1; /* v's first two and last two bytes, 16 times */
	__m128i head;           /* v's first MA_FIND_SHORT bytes (fewer: zeros after) */
	unsigned hmask;         /* a bit for each of them (ma_find_head) */
#endif
};

/* vl >= 2 */
static void ma_finder_init(struct ma_finder *f, const char *text, size_t len, const char *v,
                           size_t vl)
{
	f->text = text;
	f->len = len;
	f->v = v;
	f->vl = vl;
	f->waste = 0;
	f->budget = len + 1024;
	f->last = 0;
	f->per = 0;
#if defined(MA_REQUEST_SSE2)
	/* (vl >= 2; a one-byte form, the scan's .one, takes memchr and only
	 * needs these set) */
	f->a0 = _mm_set1_epi8(v[0]);
	f->a1 = _mm_set1_epi8(v[vl > 1]);
	f->b0 = _mm_set1_epi8(v[vl > 1 ? vl - 2 : 0]);
	f->b1 = _mm_set1_epi8(v[vl - 1]);
	{
		char h[MA_FIND_SHORT] = {0};
		size_t pl = vl < MA_FIND_SHORT ? vl : MA_FIND_SHORT;
		memcpy(h, v, pl);
		f->head = _mm_loadu_si128((const __m128i *)(const void *)h);
		f->hmask = (1u << pl) - 1;
	}
#endif
}

/* After a place that was not an occurrence, where v's first byte is
 * common in the text: the next place from *pp (before end, where v may
 * start) that has v's first two bytes and its last two (v of vl >= 2
 * bytes: they overlap when vl < 4), sixteen places at a time with SSE2,
 * four times at most. Two bytes at each end, not one: in a text of
 * near-copies of v (an input's raw form around its decoded one) a byte
 * at each end agrees at about every copy. 1 when it found one (*pp is
 * there); 0 when there is none in the places it looked at (*pp is past
 * them: memchr goes on from there). */
static int ma_find_pairs(const struct ma_finder *f, const char **pp, const char *end)
{
#if defined(MA_REQUEST_SSE2)
	const __m128i a0 = f->a0, a1 = f->a1, b0 = f->b0, b1 = f->b1;
	const char *p = *pp;
	size_t vl = f->vl;

	/* p + 16 <= end: the last bytes read, p + 16 and p + 15 + vl - 1,
	 * are in the text (vl >= 2) */
	for (int k = 0; k < 4 && p + 16 <= end; k++, p += 16) {
		__m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i y1 = _mm_loadu_si128((const __m128i *)(const void *)(p + vl - 1));
		__m128i m0 = _mm_and_si128(_mm_cmpeq_epi8(x0, a0), _mm_cmpeq_epi8(y1, b1));
		__m128i x1, y0;
		unsigned m;
		/* the outer pair first: where it agrees nowhere (most texts)
		 * the inner pair is not read */
		if (!_mm_movemask_epi8(m0))
			continue;
		x1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
		y0 = _mm_loadu_si128((const __m128i *)(const void *)(p + vl - 2));
		m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    m0, _mm_and_si128(_mm_cmpeq_epi8(x1, a1), _mm_cmpeq_epi8(y0, b0))));
		if (m) {
			*pp = p + __builtin_ctz(m);
			return 1;
		}
	}
	*pp = p;
#else
	(void)f;
	(void)pp;
	(void)end;
#endif
	return 0;
}

/* 1 when p's first pl bytes are v's (pl <= MA_FIND_SHORT, both hold
 * them, p's first byte is v's): with SSE2, where the text holds sixteen
 * bytes from p, all at once against f->head (no call; a short v is whole
 * there); otherwise memcmp. */
static int ma_find_head(const struct ma_finder *f, const char *p, size_t pl)
{
#if defined(MA_REQUEST_SSE2)
	if (p + 16 <= f->text + f->len) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, f->head));
		return (m & f->hmask) == f->hmask;
	}
#endif
	return memcmp(p + 1, f->v + 1, pl - 1) == 0;
}

/* The first place at or after from where v occurs, or NULL. */
static const char *ma_find(struct ma_finder *f, size_t from)
{
	const char *p = f->text + from, *end, *v = f->v;
	size_t vl = f->vl, pl = vl < MA_FIND_SHORT ? vl : MA_FIND_SHORT;

	if (vl == 0 || vl > f->len || from > f->len - vl)
		return vl == 0 && from <= f->len ? p : NULL;
	end = f->text + f->len - vl + 1; /* the last place v can start, + 1 */
	while (p < end) {
		p = memchr(p, (unsigned char)v[0], (size_t)(end - p));
		if (!p)
			return NULL;
	place:
		if (f->waste > f->budget && (size_t)(end - p) > f->budget / vl * 4)
			return memmem(p, f->len - (size_t)(p - f->text), v, vl);
		/* its last byte first (a periodic v, ";|&;|&...", agrees with a
		 * copy of itself shifted by a few bytes at its start, no longer at
		 * its end); one byte, no call, not counted as waste (once per
		 * place: linear) */
		if (p[vl - 1] == v[vl - 1]) {
			if (ma_find_head(f, p, pl)) {
				if (pl == vl || memcmp(p + pl, v + pl, vl - pl) == 0)
					return p;
				f->waste += vl;
			}
			f->waste += pl;
		}
		/* not here: v's first byte is found in the text, and may be
		 * common there (a call of memchr per place would cost more than
		 * looking at the next places sixteen at a time for both bytes) */
		p++;
		if (ma_find_pairs(f, &p, end))
			goto place;
	}
	return NULL;
}

/* ma_find, for a caller that takes the places in order. Where the last two
 * occurrences q - per and q overlap by half of v or more (a periodic v at
 * overlapping places: per is a period of v, for v occurs at both), the
 * place after q is q + per when the per bytes of the text after q's are
 * v's last per bytes -- its other bytes are q's, shifted by a period --
 * and there is none between q and q + per (one there, at q + e, would
 * make e a period of v too and, as per + e <= vl, so would gcd(per, e)
 * (Fine and Wilf): v would occur at q - per + gcd(per, e), between the
 * last two occurrences). Otherwise, and from any other place, ma_find;
 * and always for a v of MA_FIND_SHORT bytes or fewer (ma_find compares
 * those at once). */
static const char *ma_find_next(struct ma_finder *f, size_t from)
{
	const char *at;
	int step = f->vl > MA_FIND_SHORT;

	if (step && f->per && from == f->last) {
		size_t q = f->last - 1, n = q + f->per; /* n: the next place */
		if (n + f->vl <= f->len &&
		    memcmp(f->text + q + f->vl, f->v + f->vl - f->per, f->per) == 0) {
			f->last = n + 1;
			return f->text + n;
		}
		from = n + 1;
	}
	at = ma_find(f, from); /* (one call: inlined) */
	if (step && at) {
		size_t p = (size_t)(at - f->text);
		f->per = f->last && p - (f->last - 1) <= f->vl / 2 ? p - (f->last - 1) : 0;
		f->last = p + 1;
	}
	return at;
}

/* An input the application cuts to a length before it pastes it (a
 * VARCHAR(255)'s name[:255], a preview's slice(0, 100), substr($t, 0, 64),
 * an LLM application fitting a document to its context) occurs as a
 * prefix only, and the attacker pads the payload's end past the cut so
 * that no form of the input occurs whole (review25g). So when no form of
 * an input is found whole, each of its forms of more than MA_CUT_K bytes
 * is looked for by its first MA_CUT_K bytes; where they occur, the match
 * is extended as far as the text agrees with the form, and the matched
 * prefix [a, a + m) is judged as the input's place, a form of m bytes
 * (the match stops at the text's end or where the application's bytes
 * differ from the form's: the cut). The next place is looked for after
 * the match (the extensions stay linear in the text). MA_CUT_K bytes:
 * shorter prefixes would be found in ordinary texts by chance; a prefix
 * cut shorter than that is not looked for. What this costs: a long input
 * whose first MA_CUT_K bytes or more the application quotes (and never
 * the whole) is judged on what it quotes. */
#define MA_CUT_K     32
#define MA_SCAN_NONE (-100) /* (no ma_request_fire answer) */

/* Fires hit for the form k of in (ma_request_fire's verdict). */
static int ma_scan_fire(struct moat_request *r, const struct ma_scan *s, const struct ma_input *in,
                        int k, const struct ma_scan_hit *hit)
{
	struct ma_finding fd = {
	    .interceptor = s->interceptor,
	    .rule = hit->rule,
	    .severity = hit->sev,
	    .confidence = hit->confidence,
	    .input = in,
	    .form = k,
	    .operation = s->operation,
	    .operation_len = s->operation_len,
	    .extra_key = s->extra_key,
	    .extra_value = s->extra_value,
	    .file = s->file,
	    .line = s->line,
	    .function = s->function,
	};
	return ma_request_fire(r, &fd);
}

/* One place [a, a + vl) of the form v (seen: the places judged in full
 * so far): 1 when it fires (*hit set), 0 when it does not (the next
 * place), -1 when no further place of the form is looked at (past
 * max_occ with no past callback, a one-byte form, or MA_PAST_STOP). */
static int ma_scan_place(const struct ma_scan *s, int *seen, const char *v, size_t vl, size_t a,
                         struct ma_scan_hit *hit)
{
	if (*seen < s->max_occ) {
		(*seen)++;
	} else if (!s->past || vl == 1) {
		return -1;
	} else {
		int p = s->past(s->ctx, v, vl, a, a + vl);
		if (p == MA_PAST_STOP)
			return -1;
		if (p == MA_PAST_SKIP)
			return 0;
		if (p == MA_PAST_CLOSED) {
			hit->rule = s->past_rule;
			hit->sev = "high";
			hit->confidence = 0.8;
			return 1;
		}
	}
	return s->analyse(s->ctx, a, a + vl, hit) ? 1 : 0;
}

/* The places of v's prefixes of MA_CUT_K bytes or more that end at a cut
 * (above): each told to skip_form and begin_form as a form of m bytes,
 * then judged as the whole form's places are (max_occ, then past). The
 * verdict of a finding (ma_request_fire's), or MA_SCAN_NONE when none fired. */
static int ma_scan_cut(struct moat_request *r, const struct ma_scan *s, const struct ma_input *in,
                       int k)
{
	const char *v = in->form[k];
	size_t vl = in->form_len[k], from = 0;
	struct ma_finder fi;
	int seen = 0, j;

	ma_finder_init(&fi, s->text, s->len, v, MA_CUT_K);
	while (from + MA_CUT_K <= s->len) {
		const char *at = ma_find_next(&fi, from);
		struct ma_scan_hit hit;
		size_t a, m = MA_CUT_K;
		if (!at)
			break;
		a = (size_t)(at - s->text);
		while (m < vl && a + m < s->len && s->text[a + m] == v[m])
			m++;
		from = a + m;
		if (m == vl) /* (whole: judged as the form's place) */
			continue;
		if (s->skip_form && s->skip_form(s->ctx, v, m))
			continue;
		if (s->begin_form)
			s->begin_form(s->ctx, v, m);
		j = ma_scan_place(s, &seen, v, m, a, &hit);
		if (j < 0)
			break;
		if (j)
			return ma_scan_fire(r, s, in, k, &hit);
	}
	return MA_SCAN_NONE;
}

/* 1 when the place a of in's raw form lies inside an occurrence in the
 * text of the whole form of the input it was cut out of (in->outer: a
 * query string's value pasted with the rest of the string, `GALLERY=1=5`
 * whole in a number's place): the place is that input's, judged as its
 * own, not as a piece the application wrote the rest around. */
static int ma_scan_covered(const struct ma_input *all, const struct ma_input *in,
                           const struct ma_scan *s, size_t a)
{
	const struct ma_input *o = &all[in->outer - 1];
	const char *f = o->form[in->outer_form];
	size_t fl = o->form_len[in->outer_form], off = in->outer_off;

	return a >= off && fl <= s->len - (a - off) && memcmp(s->text + a - off, f, fl) == 0;
}

/* The places of form k of input i (all: the request's inputs): the
 * verdict of a finding that is not excluded (ma_request_fire), MA_FIRE_LOGGED
 * when one was logged (the next input), MA_SCAN_NONE else (the next
 * form: none fired, or one excluded for this parameter). *found: set
 * when the form occurs. */
static int ma_scan_form(struct moat_request *r, const struct ma_scan *s, const struct ma_input *all,
                        size_t i, int k, uint32_t *found)
{
	const struct ma_input *in = &all[i];
	const char *v = in->form[k];
	size_t vl = in->form_len[k], from = 0;
	struct ma_finder fi;
	int seen = 0, covers = k == 0 && in->outer;

	if ((vl < 2 && !(vl == 1 && s->one && s->one[(unsigned char)v[0]])) || vl > s->len)
		return MA_SCAN_NONE;
	if (s->unfolded && ma_form_folded(in, k))
		return MA_SCAN_NONE;
	if (s->skip_form && s->skip_form(s->ctx, v, vl))
		return MA_SCAN_NONE;
	ma_finder_init(&fi, s->text, s->len, v, vl); /* (one byte: memchr below) */
	if (s->begin_form)
		s->begin_form(s->ctx, v, vl);
	while (from + vl <= s->len && (seen < s->max_occ || s->past)) {
		const char *at =
		    vl > 1 ? ma_find_next(&fi, from) : memchr(s->text + from, v[0], s->len - from);
		struct ma_scan_hit hit;
		size_t a;
		int j, verdict;
		if (!at)
			break;
		*found |= (uint32_t)1 << k;
		a = (size_t)(at - s->text);
		from = a + 1;
		if (covers && ma_scan_covered(all, in, s, a))
			continue; /* (the outer input's place, not counted) */
		if (vl == 1 && s->one_place) {
			if (!s->one_place(s->ctx, a))
				continue; /* (not counted: every place it takes is
				             judged) */
			j = s->analyse(s->ctx, a, a + vl, &hit) ? 1 : 0;
		} else {
			j = ma_scan_place(s, &seen, v, vl, a, &hit);
		}
		if (j < 0)
			break;
		if (!j)
			continue;
		verdict = ma_scan_fire(r, s, in, k, &hit);
		if (verdict >= 0 || verdict == MA_FIRE_LOGGED)
			return verdict;
		break; /* excluded for this parameter: the next form */
	}
	return MA_SCAN_NONE;
}

#define MA_LIKE_ESCAPES 4 /* (ma_scan_like_escapes) */

/* 1 when p's 5 bytes are "scape" in any case */
static int ma_is_scape(const char *p)
{
	return (p[0] | 32) == 's' && (p[1] | 32) == 'c' && (p[2] | 32) == 'a' &&
	       (p[3] | 32) == 'p' && (p[4] | 32) == 'e';
}

/* The first "scape" (any case) of t[from..n), or NULL: one pass, 16
 * bytes a step with SSE2 for an 's' with an 'e' four bytes on. */
static const char *ma_find_scape(const char *t, size_t n, size_t from)
{
	size_t i = from;

#if defined(MA_REQUEST_SSE2)
	const __m128i lo = _mm_set1_epi8(0x20), s = _mm_set1_epi8('s'), e = _mm_set1_epi8('e');

	for (; i + 20 <= n; i += 16) {
		__m128i x =
		    _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(t + i)), lo);
		__m128i y =
		    _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(t + i + 4)), lo);
		unsigned m = (unsigned)_mm_movemask_epi8(
		    _mm_and_si128(_mm_cmpeq_epi8(x, s), _mm_cmpeq_epi8(y, e)));
		for (; m; m &= m - 1)
			if (ma_is_scape(t + i + __builtin_ctz(m)))
				return t + i + __builtin_ctz(m);
	}
#endif
	for (; i + 5 <= n; i++)
		if (ma_is_scape(t + i))
			return t + i;
	return NULL;
}

/* The LIKE ESCAPE characters the text names other than '\\' (`ESCAPE
 * '!'`, `escape "/"`: a word ESCAPE in any case, then a one-byte
 * string), at most MA_LIKE_ESCAPES distinct, into esc; returns how many.
 * One pass for "scape" (ma_find_scape: sqlworst's quotes +5.5 % with
 * the request's finder run twice, "SCAPE" and "scape"). */
static int ma_scan_like_escapes(const char *t, size_t n, unsigned char *esc)
{
	const char *p;
	size_t from = 1;
	int ne = 0;

	while (ne < MA_LIKE_ESCAPES && (p = ma_find_scape(t, n, from)) != NULL) {
		size_t i = (size_t)(p - t), j;
		unsigned char c;
		int d;
		from = i + 5;
		if ((t[i - 1] | 32) != 'e' ||
		    (i > 1 && ((unsigned)((t[i - 2] | 32) - 'a') < 26 || t[i - 2] == '_')))
			continue;
		for (j = i + 5; j < n && ma_trim_space((unsigned char)t[j]); j++)
			;
		if (j + 3 > n || (t[j] != '\'' && t[j] != '"') || t[j + 2] != t[j])
			continue;
		c = (unsigned char)t[j + 1];
		if (ma_like_esc_index(c) < 0)
			continue; /* ('\\': the like form's) */
		for (d = 0; d < ne && esc[d] != c; d++)
			;
		if (d == ne)
			esc[ne++] = c;
	}
	return ne;
}

/* in's raw form as an application escaping LIKE with e pastes it, into
 * in->like_buf at form[nforms] (not counted in nforms: a scan's form);
 * 0 when it is no other form (nothing to escape, or already a form). */
static int ma_like_escape_form(struct ma_input *in, unsigned char e)
{
	const char *v = in->form[0];
	size_t n = in->form_len[0], o = 0;
	char *d = in->like_buf;
	int changed = 0;

	if (in->nforms >= MA_INPUT_FORMS)
		return 0;

	for (size_t i = 0; i < n; i++) {
		if (v[i] == '%' || v[i] == '_' || (unsigned char)v[i] == e) {
			if (o + 2 >= in->like_cap)
				return 0;
			d[o++] = (char)e;
			changed = 1;
		} else if (o + 1 >= in->like_cap) {
			return 0;
		}
		d[o++] = v[i];
	}
	d[o] = '\0';
	if (!changed || ma_form_seen(in, d, o))
		return 0;
	in->form[in->nforms] = d;
	in->form_len[in->nforms] = o;
	in->form_name[in->nforms] = "like_escape";
	return 1;
}

/* 1 when a form of in that found (bit j: form j occurs whole in the
 * text) says the application pasted in uncut, so form k's cut need not be
 * looked for: form k itself, or a form found of MA_CUT_K bytes or more
 * that is not a part of form k. A cstr form (cut at a NUL) is the raw
 * form's first bytes and occurs wherever the raw form's prefix does:
 * `zq%00` + a payload the application cuts (review27), its trim
 * (`  zq%00`) a part of it, and a short one any two bytes of the
 * operation's own text (`i%64%00`: "id" in `SELECT id`, review28). */
_Static_assert(MA_INPUT_FORMS <= 32, "ma_request_scan's found: a bit per form");
static int ma_found_uncut(const struct ma_input *in, uint32_t found, int k)
{
	for (int j = 0; found; j++, found >>= 1)
		if ((found & 1) && (j == k || (in->form_len[j] >= MA_CUT_K &&
		                               (in->form_len[j] >= in->form_len[k] ||
		                                !memmem(in->form[k], in->form_len[k], in->form[j],
		                                        in->form_len[j])))))
			return 1;
	return 0;
}

int ma_request_scan(struct moat_request *r, const struct ma_scan *s)
{
	const struct ma_input *in;
	size_t nin;
	unsigned char esc[MA_LIKE_ESCAPES];
	int nesc = -1; /* (not read yet) */

	in = ma_request_inputs(r, &nin);
	for (size_t i = 0; i < nin; i++) {
		uint32_t found = 0; /* bit k: form k occurs whole */
		int verdict;
		if (s->skip_input && s->skip_input(s->ctx, &in[i]))
			continue;
		for (int k = 0; k < in[i].nforms; k++) {
			verdict = ma_scan_form(r, s, in, i, k, &found);
			if (verdict >= 0)
				return verdict;
			if (verdict == MA_FIRE_LOGGED)
				goto next_input; /* logged once: the other inputs */
		}
		/* the LIKE forms of the ESCAPE characters the statement names */
		if (s->like_escape && in[i].like_buf) {
			if (nesc < 0)
				nesc = ma_scan_like_escapes(s->text, s->len, esc);
			for (int e = 0; e < nesc; e++) {
				if (!ma_like_escape_form(&r->in[i], esc[e]))
					continue;
				verdict = ma_scan_form(r, s, in, i, in[i].nforms, &found);
				if (verdict >= 0)
					return verdict;
				if (verdict == MA_FIRE_LOGGED)
					goto next_input;
			}
		}
		/* no form found whole: the application may have cut it (above).
		 * (A form found whole is not looked for by its prefix: an input
		 * shown whole where it is inert and cut where it is not passes;
		 * misc11 measured the search, +74 % on sqlworst's quotes, +107 %
		 * quotes-num, +48 % tails-walk: bench/RESULTS.md. A form found
		 * that is a part of another does not count: ma_found_uncut) */
		for (int k = 0; s->len >= MA_CUT_K && k < in[i].nforms; k++) {
			if (in[i].form_len[k] <= MA_CUT_K ||
			    (found && ma_found_uncut(&in[i], found, k)) ||
			    (s->unfolded && ma_form_folded(&in[i], k)))
				continue;
			verdict = ma_scan_cut(r, s, &in[i], k);
			if (verdict == MA_SCAN_NONE)
				continue;
			if (verdict >= 0)
				return verdict;
			if (verdict == MA_FIRE_LOGGED)
				goto next_input;
		}
	next_input:;
	}
	return MOAT_ALLOW;
}

const struct moat_event *moat_request_event(const struct moat_request *r)
{
	return r && r->has_event ? &r->ev : NULL;
}

unsigned moat_request_findings(const struct moat_request *r)
{
	return r ? r->findings : 0;
}
