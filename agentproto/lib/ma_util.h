/*
 * ma_util.h — the small helpers of ma_util.c's kind that hot paths want
 * inline: ma_hex_val, the one hex-digit value every %-decoder uses
 * (ma_request.c's ma_url_decode and ma_html_decode, ma_url.c's host
 * decoder and IPv4/IPv6 parsers, ma_prompt.c's hex runs, the shop's form
 * decoder), and ma_load8, the eight-bytes-at-a-time scans' load (the
 * event JSON's plain runs, the SQL lexer's, the path check's). Header-only,
 * no state, no allocation: any thread.
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

#endif
