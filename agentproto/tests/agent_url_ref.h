/* libmoatagent tests: ma_url_decode's rules read byte by byte (%XX, and
 * IIS's %uXXXX as UTF-8, a surrogate pair as one character; '+' as a
 * space or kept; then the C0/C1 overlong forms of ASCII),
 * the reference of test_agent_request.c and test_agent_request_json.c
 * (which also builds without SSE2). */
#ifndef AGENT_URL_REF_H
#define AGENT_URL_REF_H

#include <stddef.h>

static inline int ref_url_hex(unsigned char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* The four hex digits at p as a number, or -1. */
static inline long ref_url_hex4(const unsigned char *p)
{
	long v = 0;

	for (int k = 0; k < 4; k++) {
		if (ref_url_hex(p[k]) < 0)
			return -1;
		v = v * 16 + ref_url_hex(p[k]);
	}
	return v;
}

/* c as UTF-8 at out; returns its length. */
static inline size_t ref_utf8(unsigned long c, unsigned char *out)
{
	if (c < 0x80) {
		out[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (unsigned char)(0xC0 | (c >> 6));
		out[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (c >> 12));
		out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (c >> 18));
	out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

/* out holds len bytes; returns the decoded length ('+' a space when plus,
 * else kept). */
static inline size_t ref_url_decode_as(const unsigned char *in, size_t len, unsigned char *out,
                                       int plus)
{
	size_t o = 0, w = 0;

	for (size_t i = 0; i < len; i++) {
		if (in[i] == '%' && i + 2 < len && ref_url_hex(in[i + 1]) >= 0 &&
		    ref_url_hex(in[i + 2]) >= 0) {
			out[o++] =
			    (unsigned char)(ref_url_hex(in[i + 1]) * 16 + ref_url_hex(in[i + 2]));
			i += 2;
		} else if (in[i] == '%' && i + 5 < len && (in[i + 1] | 0x20) == 'u' &&
		           ref_url_hex4(in + i + 2) >= 0 &&
		           (ref_url_hex4(in + i + 2) < 0xD800 ||
		            ref_url_hex4(in + i + 2) >= 0xE000)) {
			o += ref_utf8((unsigned long)ref_url_hex4(in + i + 2), out + o);
			i += 5;
		} else if (in[i] == '%' && i + 11 < len && (in[i + 1] | 0x20) == 'u' &&
		           ref_url_hex4(in + i + 2) >= 0xD800 &&
		           ref_url_hex4(in + i + 2) < 0xDC00 && in[i + 6] == '%' &&
		           (in[i + 7] | 0x20) == 'u' && ref_url_hex4(in + i + 8) >= 0xDC00 &&
		           ref_url_hex4(in + i + 8) < 0xE000) {
			o += ref_utf8(
			    0x10000 + (((unsigned long)ref_url_hex4(in + i + 2) - 0xD800) << 10) +
			        ((unsigned long)ref_url_hex4(in + i + 8) - 0xDC00),
			    out + o);
			i += 11;
		} else {
			out[o++] = in[i] == '+' && plus ? ' ' : in[i];
		}
	}
	for (size_t k = 0; k < o; k++) {
		if ((out[k] == 0xC0 || out[k] == 0xC1) && k + 1 < o &&
		    (out[k + 1] & 0xC0) == 0x80) {
			out[w++] = (unsigned char)(((out[k] & 1) << 6) | (out[k + 1] & 0x3F));
			k++;
		} else {
			out[w++] = out[k];
		}
	}
	return w;
}

static inline size_t ref_url_decode(const unsigned char *in, size_t len, unsigned char *out)
{
	return ref_url_decode_as(in, len, out, 1);
}

#endif
