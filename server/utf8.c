/*
 * utf8.c — UTF-8 validity, character counts and character-boundary cuts;
 * see utf8.h. Pure functions; any thread.
 */
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

size_t utf8_seq(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = len ? p[0] : 0;
	unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	size_t n;

	if (len == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return 0; /* continuation byte, C0/C1 overlong lead, F5..FF */
	}
	if (len < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

int utf8_valid(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t n = utf8_seq(s + i, len - i);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	/* s[max] is the first byte left out: while it continues a character,
	 * that character is left out whole */
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

size_t utf8_copy(char *dst, size_t cap, const char *src, int *cut)
{
	size_t len = strlen(src), n = utf8_cut(src, len, cap - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
	if (cut)
		*cut = n < len;
	return n;
}

/* The length of s[0..n) without a last character that is incomplete
 * (its lead byte is there, some of its continuation bytes are not). */
static size_t utf8_drop_partial(const char *s, size_t n)
{
	size_t i = n, back = 0, need;
	unsigned char lead;

	while (i > 0 && back < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return n;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	return need > 1 && back + 1 < need ? i - 1 : n;
}

size_t utf8_fmt(char *dst, size_t cap, const char *fmt, ...)
{
	va_list ap;
	int full;
	size_t n;

	va_start(ap, fmt);
	full = vsnprintf(dst, cap, fmt, ap);
	va_end(ap);
	if (full < 0) {
		dst[0] = '\0';
		return 0;
	}
	if ((size_t)full < cap)
		return (size_t)full;
	/* dst holds the first cap - 1 bytes and the byte after them is gone:
	 * judge the end by the last lead byte */
	n = utf8_drop_partial(dst, cap - 1);
	dst[n] = '\0';
	return n;
}
