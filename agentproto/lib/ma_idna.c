/*
 * ma_idna.c — domain to ASCII for URL hosts: the part of UTS #46 that
 * turns characters into ASCII (what an attacker uses to spell an address
 * or a name: fullwidth letters, digits and dots, ideographic full stops,
 * circled and mathematical letters and digits, superscripts, ignored code
 * points), lowercase for Latin-1, Greek and Cyrillic, the code points that
 * make a host fail (controls, bidi, noncharacters), and Punycode (RFC
 * 3492) for the labels that stay non-ASCII. No NFC, no bidi or joiner
 * rules, no length checks.
 *
 * Threads: pure functions; no allocation, no global state.
 */
#include "ma_int.h"

#include <string.h>

static int ma_idna_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ma_utf8_next(const unsigned char *s, size_t n, size_t *i, uint32_t *cp)
{
	unsigned char c = s[*i];
	int len;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		(*i)++;
		return 0;
	}
	if ((c & 0xE0) == 0xC0) {
		len = 2;
		v = c & 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3;
		v = c & 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4;
		v = c & 0x07;
	} else {
		return -1;
	}
	if (*i + (size_t)len > n)
		return -1;
	for (int k = 1; k < len; k++) {
		if ((s[*i + (size_t)k] & 0xC0) != 0x80)
			return -1;
		v = (v << 6) | (s[*i + (size_t)k] & 0x3F);
	}
	if ((len == 2 && v < 0x80) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000) ||
	    v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return -1;
	*i += (size_t)len;
	*cp = v;
	return 0;
}

/* The UTS #46 mapping of one code point, for the characters that turn
 * into ASCII (what an attacker uses to spell an address or a name):
 * returns the ASCII string (static or in buf), "" for an ignored code
 * point, or NULL to keep cp as it is. */
static const char *ma_idna_map(uint32_t cp, char buf[4])
{
	static const char *const circled[] = {"10", "11", "12", "13", "14", "15",
	                                      "16", "17", "18", "19", "20"};
	buf[1] = '\0';
	if (cp >= 0xFF01 && cp <= 0xFF5E) { /* fullwidth ASCII */
		buf[0] = (char)ma_idna_lower((int)(cp - 0xFF01 + 0x21));
		return buf;
	}
	if (cp == 0x3002 || cp == 0xFF61) /* ideographic full stops */
		return ".";
	if (cp >= 0x24B6 && cp <= 0x24CF) { /* circled capitals */
		buf[0] = (char)('a' + (cp - 0x24B6));
		return buf;
	}
	if (cp >= 0x24D0 && cp <= 0x24E9) {
		buf[0] = (char)('a' + (cp - 0x24D0));
		return buf;
	}
	if (cp == 0x24EA)
		return "0";
	if (cp >= 0x2460 && cp <= 0x2468) { /* circled digits */
		buf[0] = (char)('1' + (cp - 0x2460));
		return buf;
	}
	if (cp >= 0x2469 && cp <= 0x2473)
		return circled[cp - 0x2469];
	if (cp >= 0x1D400 && cp <= 0x1D6A3) { /* mathematical alphanumerics */
		uint32_t k = (cp - 0x1D400) % 52;
		buf[0] = (char)(k < 26 ? 'a' + k : 'a' + (k - 26));
		return buf;
	}
	if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
		buf[0] = (char)('0' + (cp - 0x1D7CE) % 10);
		return buf;
	}
	if (cp == 0xB9)
		return "1";
	if (cp == 0xB2)
		return "2";
	if (cp == 0xB3)
		return "3";
	if (cp == 0x2070 || cp == 0x2080)
		return "0";
	if (cp >= 0x2074 && cp <= 0x2079) {
		buf[0] = (char)('4' + (cp - 0x2074));
		return buf;
	}
	if (cp >= 0x2081 && cp <= 0x2089) {
		buf[0] = (char)('1' + (cp - 0x2081));
		return buf;
	}
	if (cp == 0xAD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x34F ||
	    (cp >= 0x180B && cp <= 0x180E) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0x206A && cp <= 0x206F))
		return ""; /* ignored */
	if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A))
		return " ";
	return NULL;
}

/* Code points UTS #46 refuses that a client could be shown to hide a
 * host behind: C1 controls, bidirectional and tag controls,
 * noncharacters, the replacement character, a few symbols. */
static int ma_idna_disallowed(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x1680 || cp == 0x06DD || cp == 0x2025 ||
	       cp == 0x2A74 || cp == 0x0378 || cp == 0x05BE || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || (cp >= 0x2FF0 && cp <= 0x2FFF) ||
	       (cp >= 0xFFF9 && cp <= 0xFFFD) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
	       (cp & 0xFFFE) == 0xFFFE || (cp >= 0xE0000 && cp <= 0xE007F) ||
	       (cp >= 0xD800 && cp <= 0xDFFF);
}

/* Lowercase for the scripts a table this small can do. */
static uint32_t ma_cp_lower(uint32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	return cp;
}

/* RFC 3492 Punycode of one label's code points into out ("xn--" added by
 * the caller). Returns the length, or 0 when it does not fit. */
static size_t ma_punycode(const uint32_t *cp, size_t n, char *out, size_t cap)
{
	uint32_t m = 0x80, delta = 0, bias = 72, h, b = 0;
	size_t o = 0;

	for (size_t i = 0; i < n; i++)
		if (cp[i] < 0x80) {
			if (o + 1 >= cap)
				return 0;
			out[o++] = (char)cp[i];
			b++;
		}
	h = b;
	if (b > 0) {
		if (o + 1 >= cap)
			return 0;
		out[o++] = '-';
	}
	while (h < n) {
		uint32_t mn = 0xFFFFFFFF;
		for (size_t i = 0; i < n; i++)
			if (cp[i] >= m && cp[i] < mn)
				mn = cp[i];
		delta += (mn - m) * (h + 1);
		m = mn;
		for (size_t i = 0; i < n; i++) {
			if (cp[i] < m)
				delta++;
			if (cp[i] == m) {
				uint32_t q = delta;
				for (uint32_t k = 36;; k += 36) {
					uint32_t t = k <= bias ? 1
					                       : (k >= bias + 26 ? 26 : k - bias),
					         d;
					if (q < t)
						break;
					d = t + (q - t) % (36 - t);
					if (o + 1 >= cap)
						return 0;
					out[o++] = (char)(d < 26 ? 'a' + d : '0' + d - 26);
					q = (q - t) / (36 - t);
				}
				if (o + 1 >= cap)
					return 0;
				out[o++] = (char)(q < 26 ? 'a' + q : '0' + q - 26);
				/* adapt */
				{
					uint32_t dl = h == b ? delta / 700 : delta / 2, k = 0;
					dl += dl / (h + 1);
					while (dl > ((36 - 1) * 26) / 2) {
						dl /= 35;
						k += 36;
					}
					bias = k + (36 * dl) / (dl + 38);
				}
				delta = 0;
				h++;
			}
		}
		delta++;
		m++;
	}
	return o;
}

/* Domain to ASCII of s (n bytes, percent-decoded) into out. 0 or -1. */
int ma_idna_to_ascii(const unsigned char *s, size_t n, char *out, size_t cap, size_t *olen)
{
	uint32_t cps[MA_URL_HOST_MAX];
	size_t nc = 0, o = 0, i = 0, st;
	int ascii = 1;

	for (size_t k = 0; k < n; k++)
		if (s[k] >= 0x80)
			ascii = 0;
	while (i < n) {
		uint32_t cp;
		char buf[4];
		const char *m;
		if (ma_utf8_next(s, n, &i, &cp))
			return -1;
		if (!ascii && ma_idna_disallowed(cp))
			return -1;
		m = ascii ? NULL : ma_idna_map(cp, buf);
		if (m) {
			for (; *m; m++) {
				if (nc == MA_URL_HOST_MAX)
					return MA_URL_TOO_LONG;
				cps[nc++] = (uint32_t)(unsigned char)*m;
			}
			continue;
		}
		if (nc == MA_URL_HOST_MAX)
			return MA_URL_TOO_LONG;
		cps[nc++] = cp < 0x80 ? (uint32_t)ma_idna_lower((int)cp) : ma_cp_lower(cp);
	}
	st = 0;
	for (size_t k = 0; k <= nc; k++) {
		int nonascii = 0;
		if (k < nc && cps[k] != '.')
			continue;
		for (size_t q = st; q < k; q++)
			if (cps[q] >= 0x80)
				nonascii = 1;
		if (nonascii && k - st >= 4 && cps[st] == 'x' && cps[st + 1] == 'n' &&
		    cps[st + 2] == '-' && cps[st + 3] == '-')
			return -1; /* an ACE prefix on a label that is not ASCII */
		if (nonascii) {
			size_t w;
			if (o + 5 >= cap)
				return MA_URL_TOO_LONG;
			memcpy(out + o, "xn--", 4);
			o += 4;
			w = ma_punycode(cps + st, k - st, out + o, cap - o);
			if (!w)
				return MA_URL_TOO_LONG;
			o += w;
		} else {
			for (size_t q = st; q < k; q++) {
				if (o + 1 >= cap)
					return MA_URL_TOO_LONG;
				out[o++] = (char)cps[q];
			}
		}
		if (k < nc) {
			if (o + 1 >= cap)
				return MA_URL_TOO_LONG;
			out[o++] = '.';
		}
		st = k + 1;
	}
	out[o] = '\0';
	*olen = o;
	return 0;
}
