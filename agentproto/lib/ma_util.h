/*
 * ma_util.h — the small helpers of ma_util.c's kind that hot paths want
 * inline: ma_hex_val, the one hex-digit value every %-decoder uses
 * (ma_request.c's ma_url_decode and ma_html_decode, ma_url.c's host
 * decoder and IPv4/IPv6 parsers, the shop's form decoder). Header-only,
 * no state, no allocation: any thread.
 */
#ifndef MA_UTIL_H
#define MA_UTIL_H

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

#endif
