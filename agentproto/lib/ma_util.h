/*
 * ma_util.h — the small helpers of ma_util.c's kind that hot paths want
 * inline: ma_hex_val, the one hex-digit value every %-decoder uses
 * (ma_request.c's ma_url_decode and ma_html_decode, ma_url.c's host
 * decoder and IPv4/IPv6 parsers, ma_prompt.c's hex runs, the shop's form
 * decoder), ma_load8, the eight-bytes-at-a-time scans' load (the event
 * JSON's plain runs, the SQL lexer's, the path check's), and ma_utf8_read,
 * the one UTF-8 sequence reader of the request's forms and the events'
 * text (ma_request_nfkc.c's NFKC, validity and U+FFFD walks, ma_event.c's
 * ma_utf8_seq and text, ma_request.c's JSON quoting), and ma_utf8_write,
 * the one encoder of the request's decoders and forms and the path check.
 * Header-only, no
 * state, no allocation: any thread.
 */
#ifndef MA_UTIL_H
#define MA_UTIL_H

#include <stdint.h>
#include <string.h>

/* The value of the hex digit c (0-9, a-f, A-F) as 0..15, or -1 for any
 * other value, a byte of a plain char above 0x7f (negative) included. */
static inline int ma_hex_val(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The eight bytes at p as a number with the first byte in its lowest
 * bits, whatever the machine's byte order (what SWAR masks read: the
 * lowest flagged byte is the first in the text). */
static inline uint64_t ma_load8(const void *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* The UTF-8 sequence at p, n >= 1 bytes there: its length (1 for ASCII,
 * a NUL included; 2 to 4), or 0 when no valid sequence starts at p: a
 * continuation byte, C0, C1 (overlongs of ASCII) or F5-FF first; a byte
 * that should continue it and does not; an overlong (E0 then 80-9F, F0
 * then 80-8F); a surrogate (ED then A0-BF); past U+10FFFF (F4 then
 * 90-BF); cut by the end (n). Unicode's table 3-7, byte by byte. cp, when
 * not NULL, gets the code point: a walk that only validates passes NULL
 * and, inlined, builds none. Each byte is read only after the one before
 * it continued the sequence: text a NUL ends may pass n = 4 (a NUL is no
 * continuation byte). */
static inline __attribute__((always_inline)) size_t ma_utf8_read(const unsigned char *p, size_t n,
                                                                 uint32_t *cp)
{
	unsigned c = p[0];

	if (c < 0x80) {
		if (cp)
			*cp = c;
		return 1;
	}
	if (c - 0xC2u <= 0xDF - 0xC2) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return 0;
		if (cp)
			*cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
		return 2;
	}
	if (c - 0xE0u <= 0xEF - 0xE0) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))
			return 0;
		if (cp)
			*cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
		return 3;
	}
	if (c - 0xF0u <= 0xF4 - 0xF0) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80 || (c == 0xF0 && p[1] < 0x90) ||
		    (c == 0xF4 && p[1] >= 0x90))
			return 0;
		if (cp)
			*cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
			      (p[3] & 0x3Fu);
		return 4;
	}
	return 0;
}

/* The length of s's first n bytes cut to at most max, at the start of a
 * UTF-8 character (s[result] is not a continuation byte when the cut
 * happens): event text and JSON paths are cut only at characters. */
static inline size_t ma_utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--; /* s[n], the first byte left out, starts a character */
	return n;
}

/* Writes the code point cp (below 0x110000; a caller that must refuse
 * surrogates does so before) as UTF-8 at out, which has room for 4
 * bytes (3 when cp < 0x10000, 2 when cp < 0x800): returns its length, 1
 * to 4. The library's one encoder: the request's decoders (ma_request.c's
 * %u escapes and HTML references, ma_request_json.c's \u escapes), the
 * Latin-1 form of a value that is not UTF-8 (ma_request_nfkc.c) and the
 * path check's %u escapes. */
static inline size_t ma_utf8_write(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#endif
