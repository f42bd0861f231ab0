/* libmoatagent tests: ma_url_decode's rules read byte by byte (%XX and
 * %u00XX escapes, '+' as a space or kept, then the C0/C1 overlong forms
 * of ASCII),
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
		           in[i + 2] == '0' && in[i + 3] == '0' && ref_url_hex(in[i + 4]) >= 0 &&
		           ref_url_hex(in[i + 5]) >= 0) {
			out[o++] =
			    (unsigned char)(ref_url_hex(in[i + 4]) * 16 + ref_url_hex(in[i + 5]));
			i += 5;
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
