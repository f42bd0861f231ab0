/*
 * ma_path.c — the path_traversal check: does a user input make the path
 * it was put into leave the directory the application meant?
 *
 * The path is read the ways the layers under an application may read it:
 * as given, percent-decoded once, twice and three times (%2e, %252e,
 * %%32%65, %u002e), with the overlong UTF-8 forms of ASCII (C0 AE, E0 80
 * AE) and the full-width and look-alike dot and slashes taken for what
 * lenient decoders make of them, '/' and '\' both as separators, and a NUL
 * byte ending it (what C's open() sees). In each reading the dot segments
 * and duplicate separators are resolved lexically, and the check fires
 * when the part the application wrote (the path up to the input) is inside
 * the allowed base and the whole path is not:
 *   - with a base: the normalised path must be the base or below it;
 *   - without one (or when the path is relative to something else than
 *     the base): the input must stay below the directory it was put in,
 *     and an input that starts the path must not make it absolute.
 * An input that starts the path with a URL scheme or a PHP stream wrapper
 * (php://filter, file://, data:) fires too, and so does a NUL byte that an
 * input brings. With MOAT_PATH_RESOLVE and a base, symbolic links in the
 * part of the path that exists are resolved (realpath) as well.
 *
 * Cost, linear in the path: the normaliser reads maps of the separators
 * and dots 64 bytes at a time, finds from them the runs that start in the
 * block and which of them are "." and "..", and only counts a block that
 * cannot take the depth below the segments whose places are needed
 * (depth += names - ".."); other blocks are walked run by run. Once no
 * place is needed, the blocks without a dot that follow such a block are
 * counted sixteen bytes at a time without maps (SSE2: the bytes that
 * start a run, summed). The path
 * and the application's part are normalised in one pass (their common
 * segments once). When the application's part holds no '%', no byte
 * >= 0xC0 and no NUL (the usual case, tested 128 bytes at a time), no
 * reading changes it: it is resolved once from the path itself (and
 * compared with the base once), and each reading decodes and resolves
 * only what follows it, keeping the places of as many segments as the
 * base has (all 256 without a base); a reading without an escape that
 * decodes ends the rounds (the next ones would be the same). There the
 * normaliser stops counting once the depth is so far above the base's
 * (or the places kept, or the application's directory) that the rest of
 * the path, in its longest reading, cannot bring it back (ma_path_fold's
 * floor): a deep directory is counted up to there only, and an input
 * under it not at all. Otherwise both are decoded in every reading, as
 * written above.
 *
 * A reading's decoding is two passes that each write into the other
 * buffer (never in place): the %-escapes (escapes one after the other in
 * a loop of their own, a two-digit escape by two table reads; %C0 or %C1
 * and an escaped continuation byte, the overlong form of an ASCII byte,
 * decoded there at once), then, from the first byte >= 0xC0 only, the
 * Unicode forms; the bytes between two escapes or two forms are stored
 * sixteen at a time (ma_path_unescape's loop, ma_path_run) and the write
 * goes on from the next '%' or lead byte. An input is judged only
 * when it holds a byte that may move the path (ma_path_may_move: sixteen
 * at a time).
 *
 * Where the CPU has SSE2 (every x86-64) the maps and the scans for bytes
 * that a reading may change take sixteen bytes at a time; elsewhere eight
 * or one (the same answers: the unit tests hold both to byte-at-a-time
 * references, the eight-byte words through the texts' last blocks;
 * test_agent_path_scan.c and its _swar build the scans).
 *
 * Pure unless MOAT_PATH_RESOLVE (system calls); the buffers live on the
 * caller's stack (about 14 KB, and MOAT_PATH_RESOLVE's three PATH_MAX
 * buffers: GCC makes one frame of about 24 KB); nothing is allocated
 * unless a check fires. Any thread.
 */
#include "ma_int.h"
#include "ma_path.h"
#include "ma_util.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
/* SSE2 where the CPU has it (every x86-64) unless MA_PATH_SWAR (the unit
 * tests build both) */
#if defined(__SSE2__) && !defined(MA_PATH_SWAR)
#define MA_PATH_SSE2 1
#include <emmintrin.h>
#endif

/* 1 for the separators '/' and '\\' */
static const unsigned char ma_path_seps[256] = {['/'] = 1, ['\\'] = 1};

static int ma_path_sep(char c)
{
	return c == '/' || c == '\\';
}

/* A hex digit's value + 1, 0 for any other byte. */
static const unsigned char ma_path_hexv[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,  ['7'] = 8,
    ['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16};

/* A hex digit's value (hi: times 16), 0x100 for any other byte: the two
 * digits of an escape or'ed give its byte, or more than 0xFF. */
#define MA_PATH_HEXV(c)                                                                            \
	((c) >= '0' && (c) <= '9'   ? (c) - '0'                                                    \
	 : (c) >= 'a' && (c) <= 'f' ? (c) - 'a' + 10                                               \
	 : (c) >= 'A' && (c) <= 'F' ? (c) - 'A' + 10                                               \
	                            : 0x100)
#define MA_PATH_HEX2(c, s) (MA_PATH_HEXV(c) > 15 ? 0x100 : MA_PATH_HEXV(c) << (s))
#define MA_PATH_HEX8(c, s)                                                                         \
	MA_PATH_HEX2(c, s), MA_PATH_HEX2((c) + 1, s), MA_PATH_HEX2((c) + 2, s),                    \
	    MA_PATH_HEX2((c) + 3, s), MA_PATH_HEX2((c) + 4, s), MA_PATH_HEX2((c) + 5, s),          \
	    MA_PATH_HEX2((c) + 6, s), MA_PATH_HEX2((c) + 7, s)
#define MA_PATH_HEX32(c, s)                                                                        \
	MA_PATH_HEX8(c, s), MA_PATH_HEX8((c) + 8, s), MA_PATH_HEX8((c) + 16, s),                   \
	    MA_PATH_HEX8((c) + 24, s)
#define MA_PATH_HEX256(s)                                                                          \
	MA_PATH_HEX32(0, s), MA_PATH_HEX32(32, s), MA_PATH_HEX32(64, s), MA_PATH_HEX32(96, s),     \
	    MA_PATH_HEX32(128, s), MA_PATH_HEX32(160, s), MA_PATH_HEX32(192, s),                   \
	    MA_PATH_HEX32(224, s)
static const uint16_t ma_path_hexhi[256] = {MA_PATH_HEX256(4)};
static const uint16_t ma_path_hexlo[256] = {MA_PATH_HEX256(0)};

static int ma_path_hex(unsigned char c)
{
	return (int)ma_path_hexv[c] - 1;
}

/* p's 8 bytes at i as a word whose low byte is p[i] (so that the lowest
 * flagged byte of a mask below is the first in the text). */
static uint64_t ma_path_word(const char *p, size_t i)
{
	return ma_load8(p + i);
}

/* The first of p's bytes in [i, n) that is >= 0xC0 (may start a Unicode
 * form), or n: eight bytes at a time, a byte with its two top bits set. */
static size_t ma_path_next_lead(const char *p, size_t i, size_t n)
{
#if defined(MA_PATH_SSE2)
	const __m128i top = _mm_set1_epi8((char)0xC0);
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned m =
		    (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, top), top));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		uint64_t x = ma_path_word(p, i), m = x & (x << 1) & 0x8080808080808080ull;
		if (m)
			return i + (size_t)__builtin_ctzll(m) / 8;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] >= 0xC0)
			return i;
	return n;
}

/* Bit j set when byte j of x (ma_path_word's order) is c1 or c2: a byte
 * of x ^ c1 or of x ^ c2 that is zero (exactly: its seven low bits plus
 * 0x7F do not carry and its top bit is clear), its flag moved to bit j by
 * the multiply. */
static uint64_t ma_path_flags(uint64_t x, unsigned char c1, unsigned char c2)
{
	const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F7F7F7F7F7F7F7Full;
	uint64_t a = x ^ (ones * c1), b = x ^ (ones * c2);
	uint64_t f = ~((((a & low7) + low7) | a) & (((b & low7) + low7) | b)) & ~low7;
	return ((f >> 7) * 0x0102040810204080ull) >> 56;
}

/* ma_path_flags for one byte value c. */
static uint64_t ma_path_flags1(uint64_t x, unsigned char c)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
	uint64_t a = x ^ (0x0101010101010101ull * c);
	uint64_t f = ~(((a & low7) + low7) | a) & ~low7;
	return ((f >> 7) * 0x0102040810204080ull) >> 56;
}

/* The separators and the dots of p's first n bytes or 64: bit k of *sep
 * set when p[k] is '/' or '\\' or k >= n (the text ends there as at a
 * separator), bit k of *dot when p[k] is '.'. Sixteen bytes at a time by
 * SSE2 where there is one, then eight (the words then read the last
 * bytes of the texts' blocks, which the tests cover as they do the
 * rest). */
static void ma_path_maps(const char *p, size_t n, uint64_t *sep, uint64_t *dot)
{
	size_t lim = n < 64 ? n : 64, j = 0;
	uint64_t s = 0, d = 0;

#if defined(MA_PATH_SSE2)
	/* sixteen bytes at a time where the CPU has SSE2 (every x86-64) */
	const __m128i sl = _mm_set1_epi8('/'), bs = _mm_set1_epi8('\\'), dt = _mm_set1_epi8('.');
	if (n >= 64) { /* a whole block: the four loads written out (GCC -O2 kept a loop) */
#define MA_PATH_MAP16(J)                                                                           \
	do {                                                                                       \
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + (J)));             \
		__m128i eq = _mm_or_si128(_mm_cmpeq_epi8(x, sl), _mm_cmpeq_epi8(x, bs));           \
		s |= (uint64_t)(unsigned)_mm_movemask_epi8(eq) << (J);                             \
		d |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, dt)) << (J);          \
	} while (0)
		MA_PATH_MAP16(0);
		MA_PATH_MAP16(16);
		MA_PATH_MAP16(32);
		MA_PATH_MAP16(48);
#undef MA_PATH_MAP16
		*sep = s;
		*dot = d;
		return;
	}
	for (; j + 16 <= lim; j += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
		__m128i eq = _mm_or_si128(_mm_cmpeq_epi8(x, sl), _mm_cmpeq_epi8(x, bs));
		s |= (uint64_t)(unsigned)_mm_movemask_epi8(eq) << j;
		d |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, dt)) << j;
	}
#endif
	for (; j + 8 <= lim; j += 8) {
		uint64_t x = ma_path_word(p, j);
		s |= ma_path_flags(x, '/', '\\') << j;
		d |= ma_path_flags1(x, '.') << j;
	}
	if (j < lim) { /* never read past the text; 0 is none of them */
		char t[8] = {0};
		uint64_t x;
		memcpy(t, p + j, lim - j);
		x = ma_path_word(t, 0);
		s |= ma_path_flags(x, '/', '\\') << j;
		d |= ma_path_flags1(x, '.') << j;
	}
	*sep = n < 64 ? s | (~0ull << n) : s;
	*dot = d;
}

/* Copies s[i, n) to out from *w up to the first byte >= 0xC0 (one that
 * may start a Unicode form). Returns that byte's place (n when there is
 * none) and moves *w on as far. Sixteen bytes at a time where the CPU has
 * SSE2: stored whole (out must hold *w + n - i bytes and more: it does
 * when *w <= i and out holds n), then the place of the first lead. */
static inline size_t ma_path_run(const char *s, size_t i, size_t n, char *out, size_t *w)
{
	size_t o = *w;
#if defined(MA_PATH_SSE2)
	const __m128i c = _mm_set1_epi8((char)0xC0);
	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c), c));
		_mm_storeu_si128((__m128i *)(void *)(out + o), x);
		if (m) {
			unsigned k = (unsigned)__builtin_ctz(m);
			*w = o + k;
			return i + k;
		}
		i += 16;
		o += 16;
	}
#endif
	while (i < n && (unsigned char)s[i] < 0xC0)
		out[o++] = s[i++];
	*w = o;
	return i;
}

/* The Unicode forms of s[0, n) written to out (not s), lead the first byte
 * >= 0xC0 (only such a byte starts one, and all before it are copied as
 * they are): returns the new length. Sixteen bytes at a time where the CPU
 * has SSE2: stored whole, then the write goes on from the first lead. */
static size_t ma_path_unicode(const char *s, size_t n, char *out, size_t lead)
{
	size_t i = lead, w = lead;

	memcpy(out, s, lead);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		unsigned char c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
		if (c < 0xC0) {
			out[w++] = (char)c;
			i++;
		} else if ((c == 0xC0 || c == 0xC1) && (c1 & 0xC0) == 0x80) {
			out[w++] = (char)(((c & 1) << 6) | (c1 & 0x3F));
			i += 2;
		} else if (c == 0xE0 && (c1 & 0xE0) == 0x80 && (c2 & 0xC0) == 0x80 &&
		           ((c1 & 0x3F) >> 1) == 0) { /* E0 80/81 xx: overlong ASCII */
			out[w++] = (char)(((c1 & 0x3F) << 6) | (c2 & 0x3F));
			i += 3;
		} else if (c == 0xF0 && c1 == 0x80 && c2 == 0x80 && i + 3 < n &&
		           ((unsigned char)s[i + 3] & 0xC0) == 0x80) {
			out[w++] = (char)(s[i + 3] & 0x3F);
			i += 4;
		} else if (c == 0xEF && c1 == 0xBC && (c2 == 0x8E || c2 == 0x8F || c2 == 0xBC)) {
			out[w++] = c2 == 0x8E   ? '.'
			           : c2 == 0x8F ? '/'
			                        : '\\'; /* U+FF0E FF0F FF3C */
			i += 3;
		} else if (c == 0xE2 && c1 == 0x88 && (c2 == 0x95 || c2 == 0x96)) {
			out[w++] = c2 == 0x95 ? '/' : '\\'; /* U+2215 U+2216 */
			i += 3;
		} else {
			out[w++] = (char)c;
			i++;
		}
		/* the bytes up to the next lead byte */
		i = ma_path_run(s, i, n, out, &w);
	}
	return w;
}

/* The %-escapes of in[0, n) written to out (not in), the first '%' at f:
 * returns the new length. Sixteen bytes at a time where the CPU has SSE2:
 * stored whole, then the write goes on from the first '%'. */
static size_t ma_path_unescape(const char *in, size_t n, char *out, size_t f)
{
	const unsigned char *q = (const unsigned char *)in + f,
	                    *end = (const unsigned char *)in + n;
	char *w = out + f;

	memcpy(out, in, f);
	while (q < end) {
		/* *q is '%': escapes one after the other, while a byte follows the
		 * escape (two table reads: the escape's byte, or more than 0xFF) */
		if (q + 3 < end) {
			const unsigned char *qe = end - 3;
			do {
				unsigned c = ma_path_hexhi[q[1]] | ma_path_hexlo[q[2]];
				if (c > 0xFF)
					break;
				if (c - 0xC0 < 2 && q + 6 < end && q[3] == '%') {
					/* %C0 or %C1 and an escape of a continuation byte
					 * (80-BF): the overlong form of an ASCII byte, which
					 * the Unicode pass would decode whatever comes
					 * before or after it (no form takes a lead byte or
					 * an ASCII one as its second byte): decoded here */
					unsigned c1 = ma_path_hexhi[q[4]] | ma_path_hexlo[q[5]];
					if ((c1 & 0x1C0) == 0x80) {
						*w++ = (char)((c & 1) << 6 | (c1 & 0x3F));
						q += 6;
						continue;
					}
				}
				*w++ = (char)c;
				q += 3;
			} while (*q == '%' && q < qe); /* q <= end - 1 */
			if (q >= end)
				break;
			if (*q != '%')
				goto run;
		}
		/* *q is still '%': the escape that ends the text, %uXXXX, a '%' alone */
		size_t left = (size_t)(end - q);
		unsigned h1 = left > 2 ? ma_path_hexv[q[1]] : 0, h2 = h1 ? ma_path_hexv[q[2]] : 0;
		if (h2) {
			*w++ = (char)(h1 * 16 + h2 - 17); /* (h1 - 1) * 16 + h2 - 1 */
			q += 3;
		} else if (left > 5 && (q[1] == 'u' || q[1] == 'U') && ma_path_hexv[q[2]] &&
		           ma_path_hexv[q[3]] && ma_path_hexv[q[4]] && ma_path_hexv[q[5]]) {
			unsigned long v = 0;
			for (int k = 2; k < 6; k++)
				v = v * 16 + (unsigned long)ma_path_hex(q[k]);
			/* %uXXXX takes 6 bytes and gives at most 3 */
			w += ma_utf8_write((uint32_t)v, w);
			q += 6;
		} else {
			*w++ = '%';
			q++;
		}
		/* the bytes up to the next '%' (none: escapes one after the other) */
		if (q < end && *q == '%')
			continue;
	run:
		/* sixteen bytes at a time where the CPU has SSE2: stored whole (out
		 * holds them: w is no further than q), then the write goes on from
		 * the first '%' */
#if defined(MA_PATH_SSE2)
		for (const __m128i pc = _mm_set1_epi8('%'); q + 16 <= end; q += 16, w += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, pc));
			_mm_storeu_si128((__m128i *)(void *)w, x);
			if (m) {
				unsigned k = (unsigned)__builtin_ctz(m);
				q += k;
				w += k;
				goto next;
			}
		}
#endif
		while (q < end && *q != '%')
			*w++ = (char)*q++;
#if defined(MA_PATH_SSE2)
	next:;
#endif
	}
	return (size_t)(w - out);
}

/* 1 when s (n bytes) holds an escape that ma_path_unescape decodes:
 * %XX or %uXXXX. */
static int ma_path_has_escape(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memchr(p, '%', (size_t)(e - p))) != NULL) {
		size_t left = (size_t)(e - p);
		if (left > 2 && ma_path_hexv[(unsigned char)p[1]] &&
		    ma_path_hexv[(unsigned char)p[2]])
			return 1;
		if (left > 5 && (p[1] == 'u' || p[1] == 'U') && ma_path_hexv[(unsigned char)p[2]] &&
		    ma_path_hexv[(unsigned char)p[3]] && ma_path_hexv[(unsigned char)p[4]] &&
		    ma_path_hexv[(unsigned char)p[5]])
			return 1;
		p++;
	}
	return 0;
}

/* ma_path_decode with tmp (n bytes, neither in nor out) to work in. */
static size_t ma_path_decode_tmp(const char *in, size_t n, char *out, char *tmp, int pct)
{
	const char *pc = pct ? memchr(in, '%', n) : NULL, *s = in;
	size_t len = n, lead;

	if (pc) {
		len = ma_path_unescape(in, n, tmp, (size_t)(pc - in));
		s = tmp;
	}
	lead = ma_path_next_lead(s, 0, len);
	if (lead == len) { /* no Unicode form */
		if (s != out)
			memcpy(out, s, len);
		return len;
	}
	if (s == out) { /* in place: from tmp */
		memcpy(tmp, s, len);
		s = tmp;
	}
	return ma_path_unicode(s, len, out, lead);
}

size_t ma_path_decode(const char *in, size_t n, char *out, int pct)
{
	char tmp[MA_PATH_MAX];

	return ma_path_decode_tmp(in, n < MA_PATH_MAX ? n : MA_PATH_MAX, out, tmp, pct);
}

/* The bits set in x. */
static int ma_path_popcount(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ull;
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (int)((x * 0x0101010101010101ull) >> 56);
}

/* The whole 64-byte blocks of p[0, n) that hold no dot, from the first
 * up to the first that holds one: their runs (the segments that start in
 * them; *prev: the byte before p is a separator, then the last counted
 * byte is) added to *names. Returns the bytes counted, a multiple of 64.
 * Sixteen bytes at a time with SSE2: a run starts at a byte that is no
 * separator after one that is (the separator bytes shifted one place),
 * summed bytewise and once a block; without SSE2 it counts nothing (the
 * caller's block loop does). */
static size_t ma_path_count_names(const char *p, size_t n, uint64_t *prev, int *names)
{
	size_t b = 0;
#if defined(MA_PATH_SSE2)
	const __m128i sl = _mm_set1_epi8('/'), bs = _mm_set1_epi8('\\'), dt = _mm_set1_epi8('.'),
	              zero = _mm_setzero_si128();
	__m128i last = *prev ? _mm_set1_epi8((char)0xFF) : zero, sum = zero;

	for (; b + 64 <= n; b += 64) {
		__m128i acc = zero, dots = zero, s0 = last;
#define MA_PATH_COUNT16(J)                                                                         \
	do {                                                                                       \
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + b + (J)));         \
		__m128i s = _mm_or_si128(_mm_cmpeq_epi8(x, sl), _mm_cmpeq_epi8(x, bs));            \
		__m128i before = _mm_or_si128(_mm_slli_si128(s, 1), _mm_srli_si128(s0, 15));       \
		dots = _mm_or_si128(dots, _mm_cmpeq_epi8(x, dt));                                  \
		acc = _mm_sub_epi8(acc, _mm_andnot_si128(s, before));                              \
		s0 = s;                                                                            \
	} while (0)
		MA_PATH_COUNT16(0);
		MA_PATH_COUNT16(16);
		MA_PATH_COUNT16(32);
		MA_PATH_COUNT16(48);
#undef MA_PATH_COUNT16
		if (_mm_movemask_epi8(dots))
			break; /* this block is the caller's */
		sum = _mm_add_epi64(sum, _mm_sad_epu8(acc, zero));
		last = s0;
	}
	if (b) {
		uint64_t h[2];
		_mm_storeu_si128((__m128i *)(void *)h, sum);
		*names += (int)(h[0] + h[1]);
		*prev = (uint64_t)((unsigned)_mm_movemask_epi8(last) >> 15);
	}
#else
	(void)p;
	(void)n;
	(void)prev;
	(void)names;
#endif
	return b;
}

/* The most ".." runs that m bytes of a path can hold: each takes two
 * bytes and a separator between it and the next, 3k - 1 bytes for k of
 * them (and one more for a text that is folded in two pieces). */
static int64_t ma_path_climbs(size_t m)
{
	return (int64_t)((m + 2) / 3);
}

/* Resolves the segments of p in [i, n) into o, which holds those before
 * i: the maximal runs without a separator, one after the other (so p[i - 1]
 * must be a separator, or i the start of the segments). Sixty-four bytes
 * at a time: from the maps of their separators and dots, the runs that
 * start in the block, and among them the "." and ".." ones. A block that
 * cannot take the depth below keep (its ".." fewer than the depth above
 * keep) is only counted: depth += names - "..". Otherwise its runs are
 * resolved one by one and their places kept. The counts are always exact;
 * the places are exact for the first min(keep, MA_PATH_SEGS) segments
 * (those past keep may be stale).
 *
 * With a floor low (>= keep; MA_PATH_NOFLOOR: none) the fold stops at the
 * first block where the depth is more than two above low + the ".."
 * that the bytes left (n - b, and more: the bytes later folds of this
 * path add) can hold: no text after it can take the depth to low, nor
 * make up or above_root move. The depth is then not the exact count but
 * is on the same side of every depth >= low as the count (what
 * ma_path_inside compares), and the places of the first keep segments
 * are final. */
#define MA_PATH_NOFLOOR (1 << 30)
static void ma_path_fold(const char *p, size_t i, size_t n, struct ma_path_norm *o, int keep,
                         int low, size_t more)
{
	int depth = o->depth, up = o->up, above = o->above_root;
	const int rel = o->kind == MA_PATH_RELATIVE;
	uint64_t prev = 1; /* the byte before the block is a separator (or the start) */
	int pend = -1;     /* a kept name that goes on past its block: its place */
	size_t pstart = 0; /* and its start */

	for (size_t b = i; b < n; b += 64) {
		size_t left = n - b;
		uint64_t sep, dot, starts, s1, s2, d1, one, two, names;
		int pops;

		if ((int64_t)depth - low - 2 > ma_path_climbs(left + more))
			break; /* the rest cannot take the depth to low */
		ma_path_maps(p + b, left, &sep, &dot);
		if (pend >= 0 && sep) { /* the name's end */
			o->seg[pend][1] = (uint16_t)(b + (size_t)__builtin_ctzll(sep) - pstart);
			pend = -1;
		}
		starts = ~sep & ((sep << 1) | prev);
		prev = sep >> 63;
		if (!starts)
			continue;
		if (!dot && depth >= keep) { /* names only, none kept */
			depth += ma_path_popcount(starts);
			/* and the blocks after it that hold no dot either (with a
			 * floor, 512 bytes at a time: the depth may get far enough
			 * above it before the end) */
			if (pend < 0 && left >= 128) {
				size_t c = ma_path_count_names(
				    p + b + 64,
				    low == MA_PATH_NOFLOOR || left < 640 ? left - 64 : 512, &prev,
				    &depth);
				b += c;
			}
			continue;
		}
		/* the next block's first two bytes, for runs that start at 62, 63 */
		s1 = sep >> 1;
		s2 = sep >> 2;
		d1 = dot >> 1;
		if (left >= 64) {
			uint64_t e1 = left == 64 || ma_path_seps[(unsigned char)p[b + 64]],
			         e2 = left <= 65 || ma_path_seps[(unsigned char)p[b + 65]];
			s1 |= e1 << 63;
			s2 |= e1 << 62 | e2 << 63;
			d1 |= (uint64_t)(left > 64 && p[b + 64] == '.') << 63;
		} /* else the bits from left up are separators already */
		one = starts & dot & s1;
		two = starts & dot & d1 & s2;
		names = starts & ~(one | two);
		pops = two ? ma_path_popcount(two) : 0;
		if (depth - pops >= keep) {
			/* no ".." here takes the depth to keep: counts only */
			depth += ma_path_popcount(names) - pops;
			continue;
		}
		starts &= ~one;
		while (starts) {
			unsigned k = (unsigned)__builtin_ctzll(starts);
			uint64_t bit = starts & -starts;
			starts ^= bit;
			if (two & bit) {
				if (depth > 0)
					depth--;
				else if (rel)
					up++;
				else
					above++;
				continue;
			}
			if (depth < MA_PATH_SEGS) {
				uint64_t after = sep >> k;
				o->seg[depth][0] = (uint16_t)(b + k);
				if (after) {
					o->seg[depth][1] = (uint16_t)__builtin_ctzll(after);
				} else {
					pend = depth;
					pstart = b + k;
				}
			}
			depth++;
		}
	}
	if (pend >= 0) /* the last name ends with the text (or past the stop) */
		o->seg[pend][1] = (uint16_t)(n - pstart);
	o->depth = depth;
	o->up = up;
	o->above_root = above;
}

/* The kind and drive of p's first n bytes (no NUL among them) into o, its
 * counts zero; returns where its segments start. */
static size_t ma_path_head(const char *p, size_t n, struct ma_path_norm *o)
{
	o->kind = MA_PATH_RELATIVE;
	o->drive = 0;
	o->up = o->above_root = o->depth = 0;
	if (n >= 2 && ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) &&
	    p[1] == ':') {
		o->kind = MA_PATH_DRIVE;
		o->drive = (char)(p[0] & ~0x20);
		return 2;
	}
	if (n && ma_path_sep(p[0]))
		o->kind = MA_PATH_ROOTED;
	return 0;
}

void ma_path_normalise_keep(const char *p, size_t n, int keep, struct ma_path_norm *o)
{
	const char *z = memchr(p, '\0', n);
	size_t i;

	if (z)
		n = (size_t)(z - p);
	i = ma_path_head(p, n, o);
	o->nul = z != NULL;
	ma_path_fold(p, i, n, o, keep, MA_PATH_NOFLOOR, 0);
}

void ma_path_normalise(const char *p, size_t n, struct ma_path_norm *o)
{
	ma_path_normalise_keep(p, n, MA_PATH_SEGS, o);
}

/* The bytes of a struct ma_path_norm that hold its first depth segments,
 * keep at most. */
static size_t ma_path_norm_size(const struct ma_path_norm *n, int keep)
{
	int k = n->depth < keep ? n->depth : keep;
	return offsetof(struct ma_path_norm, seg) + (size_t)k * sizeof n->seg[0];
}

void ma_path_normalise2(const char *p, size_t n, size_t k, struct ma_path_norm *full,
                        struct ma_path_norm *pre)
{
	const char *z = memchr(p, '\0', n);
	size_t nf = z ? (size_t)(z - p) : n, np = k < nf ? k : nf, i, cut;

	if (np < 2) { /* the two may differ in kind: each on its own */
		ma_path_normalise(p, n, full);
		ma_path_normalise(p, k, pre);
		return;
	}
	/* the same kind and start (decided by the first two bytes), and the
	 * same segments up to the last separator before np */
	i = ma_path_head(p, nf, full);
	full->nul = z != NULL;
	cut = np;
	while (cut > i && !ma_path_seps[(unsigned char)p[cut - 1]])
		cut--;
	ma_path_fold(p, i, cut, full, MA_PATH_SEGS, MA_PATH_NOFLOOR, 0);
	memcpy(pre, full, ma_path_norm_size(full, MA_PATH_SEGS));
	pre->nul = nf < k;
	/* then each its own tail: the prefix's is one segment at most */
	ma_path_fold(p, cut, np, pre, MA_PATH_SEGS, MA_PATH_NOFLOOR, 0);
	ma_path_fold(p, cut, nf, full, MA_PATH_SEGS, MA_PATH_NOFLOOR, 0);
}

int ma_path_inside(const struct ma_path_norm *base, const char *btext,
                   const struct ma_path_norm *path, const char *ptext)
{
	if (base->kind != path->kind || path->up != base->up || path->depth < base->depth)
		return 0;
	if (base->kind == MA_PATH_DRIVE && base->drive != path->drive)
		return 0;
	for (int i = 0; i < base->depth && i < MA_PATH_SEGS; i++)
		if (base->seg[i][1] != path->seg[i][1] ||
		    memcmp(btext + base->seg[i][0], ptext + path->seg[i][0], base->seg[i][1]) != 0)
			return 0;
	return 1;
}

/* A URL scheme or stream wrapper at the start of s: "php://", "file:",
 * "data:" ... (two letters at least: C: is a drive). */
static int ma_path_scheme(const char *s, size_t n)
{
	static const char *const wrappers[] = {
	    "php:",  "file:", "data:", "expect:", "phar:",     "zip:", "glob:",
	    "zlib:", "rar:",  "ogg:",  "ssh2.",   "compress.", NULL};
	size_t i = 0;

	for (int k = 0; wrappers[k]; k++) {
		size_t l = strlen(wrappers[k]);
		if (n >= l && strncasecmp(s, wrappers[k], l) == 0)
			return 1;
	}
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	                 (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
	                            s[i] == '.'))))
		i++;
	return i >= 2 && i + 2 < n && s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}

/* The directory the application wrote: P without a segment the input
 * continues (the text before the input does not end with a separator, and
 * the input, whose first byte in this reading is first, does not begin
 * with one: "/srv/app/uploads" + "/../secret" leaves uploads, review24,
 * and so does "%2f..%2fsecret" once decoded, while its raw reading,
 * "uploads%2f..", continues the name). */
static void ma_path_prefix_dir(struct ma_path_norm *pn, const char *pre, size_t n, char first)
{
	if (n && !ma_path_sep(pre[n - 1]) && !ma_path_sep(first) && pn->depth > 0) {
		size_t s = 0;
		/* the last segment is partial only if it is the text's tail */
		if (pn->depth <= MA_PATH_SEGS)
			s = pn->seg[pn->depth - 1][0] + pn->seg[pn->depth - 1][1];
		if (s == n || pn->depth > MA_PATH_SEGS)
			pn->depth--;
	}
}

#define MA_PATH_ROUNDS 4 /* as given, then decoded once, twice, three times */

static void ma_path_set(struct ma_path_hit *hit, const char *rule, const char *sev, double c)
{
	hit->fired = 1;
	hit->rule = rule;
	hit->sev = sev;
	hit->confidence = c;
}

/* With a base and MOAT_PATH_RESOLVE: 1 when the existing part of the path,
 * symbolic links resolved, is outside the resolved base. */
static int ma_path_symlink_escape(const char *path, size_t len, const char *base)
{
	char p[PATH_MAX], rb[PATH_MAX], rp[PATH_MAX];
	size_t n = len < sizeof p - 1 ? len : sizeof p - 1, bl;

	if (memchr(path, '\0', len) || !realpath(base, rb))
		return 0;
	memcpy(p, path, n);
	p[n] = '\0';
	/* the longest prefix that exists */
	while (n > 0) {
		if (realpath(p, rp))
			break;
		while (n > 0 && p[n - 1] != '/')
			n--;
		while (n > 1 && p[n - 1] == '/')
			n--;
		p[n] = '\0';
	}
	if (n == 0)
		return 0;
	bl = strlen(rb);
	if (bl == 1)
		return 0; /* the base is / */
	return !(strncmp(rp, rb, bl) == 0 && (rp[bl] == '\0' || rp[bl] == '/'));
}

/* One reading r of the path: fn the whole path's (made from full), pn the
 * directory the application wrote (from ptext). 1 when it fired. */
static int ma_path_judge(int r, size_t a, const char *base, const struct ma_path_norm *bn,
                         const struct ma_path_norm *fn, const char *full,
                         const struct ma_path_norm *pn, const char *ptext, int checked,
                         struct ma_path_hit *hit)
{
	const struct ma_path_norm *anchor;
	const char *atext;

	if (base && (bn->kind == fn->kind || (a == 0 && fn->kind != MA_PATH_RELATIVE))) {
		if (a > 0 && !checked && !ma_path_inside(bn, base, pn, ptext))
			return 0; /* the application's own part is outside: not the input */
		anchor = bn;
		atext = base;
	} else {
		anchor = pn;
		atext = ptext;
	}
	if (ma_path_inside(anchor, atext, fn, full) &&
	    !(fn->above_root && fn->kind != MA_PATH_RELATIVE && a > 0))
		return 0;
	if (a == 0 && fn->kind != MA_PATH_RELATIVE)
		ma_path_set(hit, "path.absolute", "high", 0.85);
	else if (r == 0)
		ma_path_set(hit, "path.traversal", "high", 0.95);
	else
		ma_path_set(hit, "path.encoded_traversal", "high", 0.95);
	return 1;
}

/* 1 when p's n bytes hold no '%', no NUL and no byte >= 0xC0: no
 * reading of the path changes them. */
static int ma_path_plain(const char *p, size_t n)
{
	size_t i = 0;
#if defined(MA_PATH_SSE2)
	const __m128i pct = _mm_set1_epi8('%'), zero = _mm_setzero_si128(),
	              top = _mm_set1_epi8((char)0xC0);
	/* 0x00 and 0xC0-0xFF are the bytes that, plus 0x40, are 0x40 or less:
	 * the least of them kept, and the '%' found, 128 bytes to a test */
	const __m128i k40 = _mm_set1_epi8(0x40);
	for (; i + 128 <= n; i += 128) {
		__m128i hit = zero, least = _mm_set1_epi8((char)0xFF);
#define MA_PATH_PLAIN16(J)                                                                         \
	do {                                                                                       \
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i + (J)));         \
		least = _mm_min_epu8(least, _mm_add_epi8(x, k40));                                 \
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, pct));                                   \
	} while (0)
		MA_PATH_PLAIN16(0);
		MA_PATH_PLAIN16(16);
		MA_PATH_PLAIN16(32);
		MA_PATH_PLAIN16(48);
		MA_PATH_PLAIN16(64);
		MA_PATH_PLAIN16(80);
		MA_PATH_PLAIN16(96);
		MA_PATH_PLAIN16(112);
#undef MA_PATH_PLAIN16
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(least, k40), least));
		if (_mm_movemask_epi8(hit))
			return 0;
	}
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i hit =
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, pct), _mm_cmpeq_epi8(x, zero)),
		                 _mm_cmpeq_epi8(_mm_and_si128(x, top), top));
		if (_mm_movemask_epi8(hit))
			return 0;
	}
#endif
	return !memchr(p + i, '%', n - i) && !memchr(p + i, '\0', n - i) &&
	       ma_path_next_lead(p, i, n) == n;
}

/* ma_path_analyse's readings when the application's part path[0, a)
 * (a >= 2) holds no '%', no byte >= 0xC0 and no NUL: no reading changes
 * it, so it is resolved once, and each reading decodes and resolves only
 * what follows it (no escape can start before a). The same verdict as
 * the general loop, in one pass over the input's part per reading.
 * Returns 1 when a NUL came after a. */
static int ma_path_readings_plain(const char *path, size_t len, size_t a, const char *base,
                                  const struct ma_path_norm *bn, char *full, char *tmp,
                                  struct ma_path_hit *hit)
{
	struct ma_path_norm sh, fn, pn;
	size_t fl, i, cut;
	int nul = 0, keep = MA_PATH_SEGS, anchored = 0, low = MA_PATH_SEGS, cont, wdepth;

	size_t e;
	int kk;

	fl = a + ma_path_decode_tmp(path + a, len - a, full + a, tmp, 0);
	/* the segments up to the part's last separator, shared by every
	 * reading of the whole path and by the application's directory (read
	 * from path: full holds the readings) */
	i = ma_path_head(path, a, &sh);
	sh.nul = 0;
	if (base && bn->kind == sh.kind) { /* every reading is judged against the base: */
		anchored = 1;
		keep = bn->depth < MA_PATH_SEGS ? bn->depth : MA_PATH_SEGS; /* its places only */
		low = bn->depth;
	}
	cut = a;
	while (cut > i && !ma_path_seps[(unsigned char)path[cut - 1]])
		cut--;
	/* far enough above the base's depth (or the places kept), the rest of
	 * the prefix and the input's longest reading (decoding only shrinks
	 * it) cannot come back to it: the depth only needs to stay on its
	 * side of the base's, or (without one) the readings are compared with
	 * the application's directory, which has the same start */
	ma_path_fold(path, i, cut, &sh, keep, low, len - cut);
	/* full gets of the part what the readings read: the places kept
	 * (what ma_path_inside compares) and the part's last run */
	kk = sh.depth < keep ? sh.depth : keep;
	e = kk > 0 ? (size_t)sh.seg[kk - 1][0] + sh.seg[kk - 1][1] : 0;
	memcpy(full, path, e);
	memcpy(full + cut, path + cut, a - cut);
	memcpy(&pn, &sh, ma_path_norm_size(&sh, keep));
	ma_path_fold(full, cut, a, &pn, keep, MA_PATH_NOFLOOR, 0);
	/* ma_path_prefix_dir, from the text (pn's places past keep may be
	 * stale): the part's last run is its last segment when it is a name */
	cont = !ma_path_seps[(unsigned char)path[a - 1]] && pn.depth > 0 &&
	       (pn.depth > MA_PATH_SEGS ||
	        (a > cut &&
	         !(path[cut] == '.' && (a - cut == 1 || (a - cut == 2 && path[cut + 1] == '.')))));
	wdepth = pn.depth;
	for (int r = 0; r < MA_PATH_ROUNDS; r++) {
		const char *z;
		int judged, rlow = low;
		if (r > 0) {
			size_t nl;
			/* no escape that decodes: nothing changes (the Unicode forms
			 * of the last reading are decoded already, and decoding them
			 * again changes nothing) */
			if (!ma_path_has_escape(full + a, fl - a))
				break;
			nl = a + ma_path_decode_tmp(full + a, fl - a, full + a, tmp, 1);
			if (nl == fl)
				break; /* nothing decoded (it only shrinks): the readings left are
				          this one */
			fl = nl;
		}
		z = memchr(full + a, '\0', fl - a);
		nul |= z != NULL;
		/* the part's last name is the input's to continue unless this
		 * reading of the input begins with a separator */
		pn.depth = wdepth - (cont && !(fl > a && ma_path_seps[(unsigned char)full[a]]));
		/* judged against the base, the part is compared with it: outside,
		 * this reading does not fire (the NUL is still looked for) */
		judged = !anchored || ma_path_inside(bn, base, &pn, full);
		if (!judged)
			continue;
		if (!anchored && pn.depth > rlow)
			rlow = pn.depth; /* each reading's depth is compared with the directory's */
		memcpy(&fn, &sh, ma_path_norm_size(&sh, keep));
		fn.nul = z != NULL;
		ma_path_fold(full, cut, z ? (size_t)(z - full) : fl, &fn, keep, rlow, 0);
		if (ma_path_judge(r, a, base, bn, &fn, full, &pn, full, 1, hit))
			return 0;
	}
	return nul;
}

void ma_path_analyse(const char *path, size_t len, size_t a, size_t b, const char *base, int flags,
                     struct ma_path_hit *hit)
{
	char full[MA_PATH_MAX], pre[MA_PATH_MAX];
	struct ma_path_norm fn, pn, bn;
	size_t fl, pl;
	const char *fsrc = path, *psrc = path;
	int nul = 0;

	memset(hit, 0, sizeof *hit);
	if (len > MA_PATH_MAX)
		len = MA_PATH_MAX;
	if (b > len)
		b = len;
	if (a >= b)
		return;
	if (base)
		ma_path_normalise(base, strnlen(base, MA_PATH_MAX), &bn);
	if (a == 0 && ma_path_scheme(path, len)) {
		ma_path_set(hit, "path.wrapper", "high", 0.9);
		return;
	}
	if (a >= 2 && ma_path_plain(path, a)) {
		nul = ma_path_readings_plain(path, len, a, base, &bn, full, pre, hit);
		if (hit->fired)
			return;
	} else {
		fl = len;
		pl = a;
		for (int r = 0; r < MA_PATH_ROUNDS; r++) {
			/* this reading of the path, of the application's part and of the input */
			if (r > 0 && !memchr(fsrc, '%', fl))
				break;
			size_t nfl = ma_path_decode(fsrc, fl, full, r > 0),
			       npl = ma_path_decode(psrc, pl, pre, r > 0);
			if (r > 0 && nfl == fl && npl == pl)
				break; /* nothing decoded (it only shrinks): the readings left are
				          this one */
			fl = nfl;
			pl = npl;
			fsrc = full;
			psrc = pre;
			/* a NUL after the application's part: the input brought it */
			if (pl <= fl && memchr(full + pl, '\0', fl - pl))
				nul = 1;
			if (pl <= fl && memcmp(pre, full, pl) == 0) {
				/* the application's part reads the same in the whole
				 * path (no escape across its end): one pass for the two */
				ma_path_normalise2(full, fl, pl, &fn, &pn);
			} else {
				ma_path_normalise(full, fl, &fn);
				ma_path_normalise(pre, pl, &pn);
			}
			ma_path_prefix_dir(&pn, pre, pl, pl < fl ? full[pl] : '\0');
			if (ma_path_judge(r, a, base, &bn, &fn, full, &pn, pre, 0, hit))
				return;
		}
	}
	if (nul) {
		ma_path_set(hit, "path.nul_byte", "medium", 0.9);
		return;
	}
	if (base && (flags & MOAT_PATH_RESOLVE) && ma_path_symlink_escape(path, len, base))
		ma_path_set(hit, "path.symlink", "high", 0.85);
}

/* 1 for the bytes that may move a path in some reading: separators,
 * '.', '%', ':', NUL and the lead bytes >= 0xC0 */
static const unsigned char ma_path_movers[256] = {
    [0] = 1,    ['.'] = 1,  ['/'] = 1,  ['\\'] = 1, ['%'] = 1,  [':'] = 1,  [0xC0] = 1, [0xC1] = 1,
    [0xC2] = 1, [0xC3] = 1, [0xC4] = 1, [0xC5] = 1, [0xC6] = 1, [0xC7] = 1, [0xC8] = 1, [0xC9] = 1,
    [0xCA] = 1, [0xCB] = 1, [0xCC] = 1, [0xCD] = 1, [0xCE] = 1, [0xCF] = 1, [0xD0] = 1, [0xD1] = 1,
    [0xD2] = 1, [0xD3] = 1, [0xD4] = 1, [0xD5] = 1, [0xD6] = 1, [0xD7] = 1, [0xD8] = 1, [0xD9] = 1,
    [0xDA] = 1, [0xDB] = 1, [0xDC] = 1, [0xDD] = 1, [0xDE] = 1, [0xDF] = 1, [0xE0] = 1, [0xE1] = 1,
    [0xE2] = 1, [0xE3] = 1, [0xE4] = 1, [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xE8] = 1, [0xE9] = 1,
    [0xEA] = 1, [0xEB] = 1, [0xEC] = 1, [0xED] = 1, [0xEE] = 1, [0xEF] = 1, [0xF0] = 1, [0xF1] = 1,
    [0xF2] = 1, [0xF3] = 1, [0xF4] = 1, [0xF5] = 1, [0xF6] = 1, [0xF7] = 1, [0xF8] = 1, [0xF9] = 1,
    [0xFA] = 1, [0xFB] = 1, [0xFC] = 1, [0xFD] = 1, [0xFE] = 1, [0xFF] = 1};

int ma_path_may_move(const char *v, size_t n)
{
	size_t i = 0;
#if defined(MA_PATH_SSE2)
	if (n >= 16) { /* sixteen at a time, the last sixteen overlapping the others */
		const __m128i k40 = _mm_set1_epi8(0x40), dt = _mm_set1_epi8('.'),
		              sl = _mm_set1_epi8('/'), bs = _mm_set1_epi8('\\'),
		              pc = _mm_set1_epi8('%'), co = _mm_set1_epi8(':');
		for (;; i += 16) {
			if (i + 16 > n)
				i = n - 16;
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(v + i));
			/* NUL and 0xC0-0xFF: plus 0x40, 0x40 or less */
			__m128i y = _mm_add_epi8(x, k40);
			__m128i hit =
			    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(y, k40), y),
			                              _mm_or_si128(_mm_cmpeq_epi8(x, dt),
			                                           _mm_cmpeq_epi8(x, sl))),
			                 _mm_or_si128(_mm_cmpeq_epi8(x, bs),
			                              _mm_or_si128(_mm_cmpeq_epi8(x, pc),
			                                           _mm_cmpeq_epi8(x, co))));
			if (_mm_movemask_epi8(hit))
				return 1;
			if (i + 16 == n)
				return 0;
		}
	}
#endif
	for (; i < n; i++)
		if (ma_path_movers[(unsigned char)v[i]])
			return 1;
	return 0;
}

/* What moat_check_path_at's callbacks share. */
struct ma_path_scan {
	const char *path, *base;
	size_t len;
	int flags;
};

static int ma_path_skip_input(void *ctx, const struct ma_input *in)
{
	const struct ma_path_scan *c = ctx;
	/* letters, digits and _ make no separator, dot or drive */
	return in->plain && !(c->flags & MOAT_PATH_RESOLVE);
}

static int ma_path_skip_form(void *ctx, const char *v, size_t vl)
{
	const struct ma_path_scan *c = ctx;
	return !(c->flags & MOAT_PATH_RESOLVE) && !ma_path_may_move(v, vl);
}

/* The places of a form past the 16 judged in full (bound64): a form
 * that makes no separator, dot or drive was not looked for at all
 * (ma_path_skip_form); a word with MOAT_PATH_RESOLVE is judged at every
 * place; any other form fails closed (path.too_many_places): each place
 * reads the path, and a form that may move it found 17 times in one path
 * is not an upload's name. */
static int ma_path_past(void *ctx, const char *v, size_t vl, size_t a, size_t b)
{
	const struct ma_path_scan *c = ctx;

	(void)a;
	(void)b;
	if ((c->flags & MOAT_PATH_RESOLVE) && !ma_path_may_move(v, vl))
		return MA_PAST_JUDGE;
	return MA_PAST_CLOSED;
}

static int ma_path_scan_analyse(void *ctx, size_t a, size_t b, struct ma_scan_hit *out)
{
	const struct ma_path_scan *c = ctx;
	struct ma_path_hit hit;

	ma_path_analyse(c->path, c->len, a, b, c->base, c->flags, &hit);
	if (!hit.fired)
		return 0;
	out->rule = hit.rule;
	out->sev = hit.sev;
	out->confidence = hit.confidence;
	return 1;
}

/* 1 when the k segments of f (from v) are the path fn's (from ptext) at
 * its segment p on, the last of them the start of the path's when
 * prefix (the application's suffix: name + ".yml"). */
static int ma_path_segs_at(const struct ma_path_norm *f, const char *v,
                           const struct ma_path_norm *fn, const char *ptext, int p, int prefix)
{
	int k = f->depth;

	for (int j = 0; j < k; j++) {
		const uint16_t *x = f->seg[j], *y = fn->seg[p + j];
		if (x[1] > y[1] || ((j + 1 < k || !prefix) && x[1] != y[1]) ||
		    memcmp(v + x[0], ptext + y[0], x[1]) != 0)
			return 0;
	}
	return 1;
}

/* 1 when a form v of an input names where the path fn (from ptext) went
 * after a join resolved it: it climbs ("../x", "a/../../x": up above
 * where it is put) and what it names after the climb ends the path
 * (the application may add a suffix to its last segment, or a file
 * under it: name + ".yml", dir + "/avatar.png"); or it is rooted
 * and not as normalised ("/etc//passwd", "/srv/app/uploads/../secret":
 * path.resolve and normpath take it whole) and the path starts with
 * what it names. */
static int ma_path_named_end(const char *v, size_t vl, const struct ma_path_norm *fn,
                             const char *ptext, struct ma_path_norm *f)
{
	int k;

	if (vl < 2)
		return 0;
	ma_path_normalise(v, vl, f);
	k = f->depth;
	if (f->kind == MA_PATH_RELATIVE && f->up > 0) {
		if (k > MA_PATH_SEGS || fn->depth > MA_PATH_SEGS)
			return 1; /* too deep to compare: fails closed */
		if (k == 0)
			return 1; /* climbs only ("../.."): the path is above the base */
		/* the path's end, or its directory with a file of the
		 * application's under it */
		return (k <= fn->depth && ma_path_segs_at(f, v, fn, ptext, fn->depth - k, 1)) ||
		       (k < fn->depth && ma_path_segs_at(f, v, fn, ptext, fn->depth - 1 - k, 0));
	}
	if (f->kind != MA_PATH_RELATIVE && f->kind == fn->kind && k > 0 && k <= fn->depth &&
	    k <= MA_PATH_SEGS && (f->kind != MA_PATH_DRIVE || f->drive == fn->drive) &&
	    ma_path_segs_at(f, v, fn, ptext, 0, 1))
		return 1;
	return 0;
}

/* A path the application normalised before the check (review25e, session
 * 33): Node's path.join and path.resolve, Go's filepath.Join, Python's
 * os.path.normpath, Java's Path.normalize resolve the dot segments, so
 * path.join("/srv/app/uploads", "../../../etc/passwd") is "/etc/passwd"
 * and holds no input to be found. With a base, a path outside it fires
 * when an input climbs, or is rooted, and names the path's end
 * (ma_path_named_end),
 * attributed to each such input until one blocks (an excluded one goes
 * on to the next). Only when the path is outside the base: no cost
 * otherwise. */
static int ma_path_joined(struct moat_request *r, const char *path, size_t len, const char *base,
                          const char *file, int line, const char *function)
{
	struct ma_path_norm bn, fn, f;
	struct ma_finding fd = {
	    .interceptor = "path_traversal",
	    .rule = "path.traversal",
	    .severity = "high",
	    .confidence = 0.9,
	    .operation = path,
	    .operation_len = len,
	    .extra_key = "base",
	    .extra_value = base,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	const struct ma_input *in;
	size_t nin;
	int v = -1;

	ma_path_normalise(base, strlen(base), &bn);
	ma_path_normalise(path, len, &fn);
	if (bn.kind != fn.kind || ma_path_inside(&bn, base, &fn, path))
		return MOAT_ALLOW;
	in = ma_request_inputs(r, &nin);
	for (size_t i = 0; i < nin && v < 0; i++)
		for (int k = 0; !in[i].plain && k < in[i].nforms; k++)
			if (ma_path_named_end(in[i].form[k], in[i].form_len[k], &fn, path, &f)) {
				fd.input = &in[i];
				fd.form = k;
				v = ma_request_fire(r, &fd); /* < 0: excluded, the next input */
				break;
			}
	return v < 0 ? MOAT_ALLOW : v;
}

int moat_check_path_at(struct moat_request *r, const char *path, size_t len, const char *base,
                       int flags, const char *file, int line, const char *function)
{
	struct ma_path_scan c;
	size_t nin;

	if (!r || !path)
		return MOAT_ALLOW;
	if (len == (size_t)-1)
		len = strlen(path);
	(void)ma_request_inputs(r, &nin);
	if (nin == 0 || ma_request_mode(r, "path_traversal", NULL) == MOAT_MODE_OFF)
		return MOAT_ALLOW;
	c.path = path;
	c.base = base;
	c.len = len;
	c.flags = flags;
	struct ma_scan s = {
	    .interceptor = "path_traversal",
	    .text = path,
	    .len = len,
	    .max_occ = 16, /* judged in full; past them .past */
	    .skip_input = ma_path_skip_input,
	    .skip_form = ma_path_skip_form,
	    .analyse = ma_path_scan_analyse,
	    .past = ma_path_past,
	    .past_rule = "path.too_many_places",
	    .ctx = &c,
	    .operation = path,
	    .operation_len = len,
	    .extra_key = base ? "base" : NULL,
	    .extra_value = base,
	    .file = file,
	    .line = line,
	    .function = function,
	};
	unsigned found = moat_request_findings(r);
	int v = ma_request_scan(r, &s);

	/* (only where the scan found nothing: an input it logged in monitor
	 * mode is not reported twice for the same path -- the shop's e2e) */
	if (v == MOAT_ALLOW && base && moat_request_findings(r) == found)
		v = ma_path_joined(r, path, len, base, file, line, function);
	return v;
}
