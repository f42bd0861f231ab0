/* libmoatagent tests: the path decoder's reference (ma_path.h's
 * definition read byte by byte: %XX and %uXXXX escapes, then the Unicode
 * forms of '.', '/' and '\\' -- overlong UTF-8, fullwidth and the
 * division and set-minus slashes), shared by test_agent_path.c and
 * test_agent_path_scan.c. Inputs up to 8192 bytes. */
#ifndef AGENT_PATH_REF_H
#define AGENT_PATH_REF_H

#include <stddef.h>

static int ref_path_hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t ref_path_decode(const unsigned char *in, size_t n, unsigned char *out, int pct)
{
	unsigned char t[8192];
	size_t o = 0, w = 0;

	for (size_t i = 0; i < n; i++) {
		if (pct && in[i] == '%' && i + 2 < n && ref_path_hex(in[i + 1]) >= 0 &&
		    ref_path_hex(in[i + 2]) >= 0) {
			t[o++] =
			    (unsigned char)(ref_path_hex(in[i + 1]) * 16 + ref_path_hex(in[i + 2]));
			i += 2;
		} else if (pct && in[i] == '%' && i + 5 < n && (in[i + 1] | 0x20) == 'u' &&
		           ref_path_hex(in[i + 2]) >= 0 && ref_path_hex(in[i + 3]) >= 0 &&
		           ref_path_hex(in[i + 4]) >= 0 && ref_path_hex(in[i + 5]) >= 0) {
			unsigned v =
			    (unsigned)(ref_path_hex(in[i + 2]) << 12 |
			               ref_path_hex(in[i + 3]) << 8 | ref_path_hex(in[i + 4]) << 4 |
			               ref_path_hex(in[i + 5]));
			if (v < 0x80) {
				t[o++] = (unsigned char)v;
			} else if (v < 0x800) {
				t[o++] = (unsigned char)(0xC0 | v >> 6);
				t[o++] = (unsigned char)(0x80 | (v & 0x3F));
			} else {
				t[o++] = (unsigned char)(0xE0 | v >> 12);
				t[o++] = (unsigned char)(0x80 | ((v >> 6) & 0x3F));
				t[o++] = (unsigned char)(0x80 | (v & 0x3F));
			}
			i += 5;
		} else {
			t[o++] = in[i];
		}
	}
	for (size_t i = 0; i < o; i++) {
		unsigned c = t[i], c1 = i + 1 < o ? t[i + 1] : 0, c2 = i + 2 < o ? t[i + 2] : 0,
		         c3 = i + 3 < o ? t[i + 3] : 0;
		if ((c == 0xC0 || c == 0xC1) && (c1 & 0xC0) == 0x80) {
			out[w++] = (unsigned char)((c & 1) << 6 | (c1 & 0x3F));
			i += 1;
		} else if (c == 0xE0 && (c1 == 0x80 || c1 == 0x81) && (c2 & 0xC0) == 0x80) {
			out[w++] = (unsigned char)((c1 & 0x3F) << 6 | (c2 & 0x3F));
			i += 2;
		} else if (c == 0xF0 && c1 == 0x80 && c2 == 0x80 && (c3 & 0xC0) == 0x80) {
			out[w++] = (unsigned char)(c3 & 0x3F);
			i += 3;
		} else if (c == 0xEF && c1 == 0xBC && (c2 == 0x8E || c2 == 0x8F || c2 == 0xBC)) {
			out[w++] = c2 == 0x8E ? '.' : c2 == 0x8F ? '/' : '\\';
			i += 2;
		} else if (c == 0xE2 && c1 == 0x88 && (c2 == 0x95 || c2 == 0x96)) {
			out[w++] = c2 == 0x95 ? '/' : '\\';
			i += 2;
		} else {
			out[w++] = (unsigned char)c;
		}
	}
	return w;
}

#endif
