/*
 * ma_idna.c — domain to ASCII for URL hosts, as WHATWG's URL standard
 * runs it (beStrict=false): an ASCII host is lowercased and nothing more;
 * any other goes through UTS #46 ToASCII with UseSTD3ASCIIRules=false,
 * Transitional_Processing=false, CheckHyphens=false, CheckBidi=true,
 * CheckJoiners=true, VerifyDnsLength=false: the IDNA mapping table
 * (mapped, ignored, disallowed code points), NFC, Punycode labels
 * decoded and checked, the validity criteria (NFC, a leading combining
 * mark, statuses, RFC 5892's CONTEXTJ rules for ZWJ and ZWNJ, RFC 5893's
 * Bidi Rule), then RFC 3492 Punycode for every label that is not ASCII.
 * Any error is a failure, as in a WHATWG client.
 *
 * The tables (ma_idna_tab.h) are generated at build time by
 * scripts/gen_idna_tab.py from Debian's python3-idna (the mapping table)
 * and unicode-data (the properties); that file says which versions.
 *
 * Cost (a host is up to MA_URL_HOST_MAX bytes, and the check runs before
 * any lookup): one pass maps the code points (ASCII without a lookup, any
 * other a row through a two-level index; a run of the same ignored
 * sequence passed over at once) and notes the runs that NFC may change
 * (UAX #15's quick check: a code point NFC_Quick_Check Yes and of class 0
 * is NFC already, and NFC of a string is that of its pieces split before
 * one); NFC runs on those runs alone, compositions found through a hash;
 * a label is checked whole only where NFC touched it or it came from
 * Punycode, any other where its rows cannot answer (a leading mark,
 * ZWNJ and ZWJ); the right-to-left labels are known from the rows; the
 * Punycode encoder sorts the label's code points (radix, by as many bits
 * as their range needs) instead of walking the label once per distinct
 * one, and writes as the labels are checked; bidi classes and marks come
 * from a two-level index too.
 *
 * Threads: pure functions; no allocation, no global state (the tables are
 * constant).
 */
#include "ma_int.h"

#include <string.h>

#include "ma_idna_tab.h"

/* MA_IDNA_NEWER: disallowed here, ignored by a table derived from
 * NFKC_Casefold alone (MA_URL_IDNA_NEWER) */
/* A row's flags (scripts/gen_idna_tab.py): NFC may change the code point
 * (or its mapping), a code point of bidi class R, AL or AN (or a mapping
 * that holds one), ZWNJ or ZWJ. */
#define MA_IDNA_ROW_NFC 1u
#define MA_IDNA_ROW_RTL 2u
#define MA_IDNA_ROW_ZW  4u /* ZWNJ, ZWJ */
/* ma_idna_rowmap: the pool offset of a row's mapping in bits 0-16; above,
 * how many code points longer the full canonical decomposition of the
 * code point (valid) or of its mapping (mapped) is. */
enum { MA_IDNA_VALID, MA_IDNA_MAPPED, MA_IDNA_IGNORED, MA_IDNA_DISALLOWED, MA_IDNA_NEWER };
/* The generator's order (scripts/gen_idna_tab.py, BIDI and JOIN). */
enum {
	MA_BIDI_L,
	MA_BIDI_R,
	MA_BIDI_AL,
	MA_BIDI_AN,
	MA_BIDI_EN,
	MA_BIDI_ES,
	MA_BIDI_CS,
	MA_BIDI_ET,
	MA_BIDI_ON,
	MA_BIDI_BN,
	MA_BIDI_NSM
};
enum { MA_JOIN_U, MA_JOIN_L, MA_JOIN_D, MA_JOIN_R, MA_JOIN_T, MA_JOIN_C };

#define MA_NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MA_HANGUL_S 0xAC00u
#define MA_HANGUL_L 0x1100u
#define MA_HANGUL_V 0x1161u
#define MA_HANGUL_T 0x11A7u
#define MA_HANGUL_N 11172u

static int ma_idna_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* One UTF-8 sequence at s[*i] (n bytes in all): 0 with *cp and *i past
 * it, or -1 (a stray or missing continuation byte, an overlong form, a
 * surrogate, past U+10FFFF), *i and *cp unchanged. */
static int ma_utf8_next(const unsigned char *s, size_t n, size_t *i, uint32_t *cp)
{
	size_t p = *i;
	uint32_t c = s[p], v;

	if (c < 0x80) {
		*cp = c;
		*i = p + 1;
		return 0;
	}
	if (p + 2 > n || (s[p + 1] & 0xC0) != 0x80)
		return -1; /* every longer form has a continuation byte next */
	if (c >= 0xC2 && c < 0xE0) {
		*cp = (c & 0x1F) << 6 | (s[p + 1] & 0x3Fu);
		*i = p + 2;
		return 0;
	}
	if (c >= 0xE0 && c < 0xF0) {
		if (p + 3 > n || (s[p + 1] & 0xC0) != 0x80 || (s[p + 2] & 0xC0) != 0x80)
			return -1;
		v = (c & 0x0F) << 12 | (s[p + 1] & 0x3Fu) << 6 | (s[p + 2] & 0x3Fu);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return -1;
		*cp = v;
		*i = p + 3;
		return 0;
	}
	if (c >= 0xF0 && c < 0xF5) {
		if (p + 4 > n || (s[p + 1] & 0xC0) != 0x80 || (s[p + 2] & 0xC0) != 0x80 ||
		    (s[p + 3] & 0xC0) != 0x80)
			return -1;
		v = (c & 0x07) << 18 | (s[p + 1] & 0x3Fu) << 12 | (s[p + 2] & 0x3Fu) << 6 |
		    (s[p + 3] & 0x3Fu);
		if (v < 0x10000 || v > 0x10FFFF)
			return -1;
		*cp = v;
		*i = p + 4;
		return 0;
	}
	return -1; /* a continuation byte, C0, C1, F5..FF */
}

/* The index of the last run of t (sorted by t[k] >> shift, the first at
 * code point 0) that starts at or before cp. */
static size_t ma_idna_run(const uint32_t *t, size_t n, uint32_t cp, int shift)
{
	size_t lo = 0, hi = n;

	if (n < 2 || (t[1] >> shift) > cp)
		return 0; /* the first run (ASCII and more, in most tables) */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if ((t[mid] >> shift) <= cp)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The mapping table's row of cp (at most U+10FFFF): through the
 * generated index below MA_IDNA_BLK_LIMIT, by a binary search above. */
static inline size_t ma_idna_row(uint32_t cp)
{
	if (cp < MA_IDNA_BLK_LIMIT) {
		uint32_t e = ma_idna_blk[cp >> MA_IDNA_BLK_SHIFT];
		return (e >> 16) + ma_idna_blkoff[e & 0xFFFF][cp & ((1u << MA_IDNA_BLK_SHIFT) - 1)];
	}
	return ma_idna_run(ma_idna_rows, MA_NELEM(ma_idna_rows), cp, 11);
}

/* cp's entry in the generated NFC index: its combining class (bits
 * 0-7), the index of its canonical decomposition in ma_idna_decomp + 1
 * (bits 8-19, 0: none) and of its first composition as first code point
 * in ma_idna_comp + 1 (bits 20-31, 0: none). Nothing from
 * MA_IDNA_NFC_LIMIT up has any. */
static inline uint32_t ma_idna_nfc_info(uint32_t cp)
{
	if (cp >= MA_IDNA_NFC_LIMIT)
		return 0;
	return ma_idna_nfcpat[ma_idna_nfcblk[cp >> MA_IDNA_NFC_SHIFT]]
	                     [cp & ((1u << MA_IDNA_NFC_SHIFT) - 1)];
}

static unsigned ma_idna_ccc(uint32_t cp)
{
	return ma_idna_nfc_info(cp) & 0xFF;
}

/* cp's bidi class | 32 for a mark (general category M): through the
 * generated index below MA_IDNA_BM_LIMIT, by the runs above. */
static inline unsigned ma_idna_bm(uint32_t cp)
{
	if (cp < MA_IDNA_BM_LIMIT)
		return ma_idna_bmpat[ma_idna_bmblk[cp >> MA_IDNA_BM_SHIFT]]
		                    [cp & ((1u << MA_IDNA_BM_SHIFT) - 1)];
	return (ma_idna_bidi[ma_idna_run(ma_idna_bidi, MA_NELEM(ma_idna_bidi), cp, 5)] & 31) |
	       (ma_idna_mark[ma_idna_run(ma_idna_mark, MA_NELEM(ma_idna_mark), cp, 1)] & 1) << 5;
}

static int ma_idna_is_mark(uint32_t cp)
{
	return cp >= 0x300 && (ma_idna_bm(cp) & 32); /* no mark below (the generator checks) */
}

static int ma_idna_bidi_class(uint32_t cp)
{
	return (int)(ma_idna_bm(cp) & 31);
}

static int ma_idna_join_type(uint32_t cp)
{
	return (int)(ma_idna_join[ma_idna_run(ma_idna_join, MA_NELEM(ma_idna_join), cp, 3)] & 7);
}

/* Appends cp's full canonical decomposition to out. 0 or MA_URL_TOO_LONG. */
static int ma_nfd_push(uint32_t cp, uint32_t *out, size_t *o, size_t cap)
{
	uint32_t d;

	if (cp >= MA_HANGUL_S && cp < MA_HANGUL_S + MA_HANGUL_N) {
		uint32_t s = cp - MA_HANGUL_S, t = s % 28;
		if (*o + 3 > cap)
			return MA_URL_TOO_LONG;
		out[(*o)++] = MA_HANGUL_L + s / (21 * 28);
		out[(*o)++] = MA_HANGUL_V + (s % (21 * 28)) / 28;
		if (t)
			out[(*o)++] = MA_HANGUL_T + t;
		return 0;
	}
	d = (ma_idna_nfc_info(cp) >> 8) & 0xFFF;
	if (d) {
		const uint32_t *e = ma_idna_decomp[d - 1];
		int rc = ma_nfd_push(e[1], out, o, cap);
		if (rc == 0 && e[2])
			rc = ma_nfd_push(e[2], out, o, cap);
		return rc;
	}
	if (*o == cap)
		return MA_URL_TOO_LONG;
	out[(*o)++] = cp;
	return 0;
}

/* The primary composite of a + b, or 0: Hangul by arithmetic, the rest
 * through the generated hash of the compositions (linear probing up to
 * an empty slot, at most MA_IDNA_COMP_PROBES slots). */
static uint32_t ma_nfc_pair(uint32_t a, uint32_t b)
{
	uint32_t h;

	_Static_assert(MA_IDNA_COMP_MIN_SECOND <= MA_HANGUL_V, "jamo pairs pass the first test");
	if (b < MA_IDNA_COMP_MIN_SECOND)
		return 0; /* no composition has it second (the jamo are above) */
	if (b >= MA_HANGUL_V && b < MA_HANGUL_T + 28) {
		if (a >= MA_HANGUL_L && a < MA_HANGUL_L + 19 && b < MA_HANGUL_V + 21)
			return MA_HANGUL_S + ((a - MA_HANGUL_L) * 21 + (b - MA_HANGUL_V)) * 28;
		if (a >= MA_HANGUL_S && a < MA_HANGUL_S + MA_HANGUL_N &&
		    (a - MA_HANGUL_S) % 28 == 0 && b > MA_HANGUL_T)
			return a + (b - MA_HANGUL_T);
	}
	h = ((a * MA_IDNA_COMP_HA) ^ (b * MA_IDNA_COMP_HB)) >> (32 - MA_IDNA_COMP_HBITS);
	for (int p = 0; p < MA_IDNA_COMP_PROBES; p++) {
		uint32_t k = ma_idna_comphash[(h + (uint32_t)p) & ((1u << MA_IDNA_COMP_HBITS) - 1)];
		if (k == 0)
			return 0;
		if (ma_idna_comp[k - 1][0] == a && ma_idna_comp[k - 1][1] == b)
			return ma_idna_comp[k - 1][2];
	}
	return 0;
}

/* Canonical ordering and composition of the marks NFC's decomposition
 * has put after the last starter out[st] ((size_t)-1: none yet),
 * out[from, *o) with their classes in cc: a stable sort by class, then
 * each one composed with the starter where nothing between blocks it
 * (UAX #15), the others kept. */
static void ma_nfc_flush(uint32_t *out, uint8_t *cc, size_t st, size_t from, size_t *o)
{
	size_t n = *o - from, w = from;
	unsigned last = 0;

	if (n > 1) { /* by insertion: the marks after a letter are few */
		for (size_t i = from + 1; i < *o; i++) {
			uint32_t c = out[i];
			uint8_t k = cc[i];
			size_t j = i;
			for (; j > from && cc[j - 1] > k; j--) {
				out[j] = out[j - 1];
				cc[j] = cc[j - 1];
			}
			out[j] = c;
			cc[j] = k;
		}
	}
	if (st == (size_t)-1)
		return; /* no starter: nothing composes */
	for (size_t i = from; i < *o; i++) {
		uint32_t c = out[i], p;
		if (w == from || (last != 0 && last < cc[i])) {
			p = ma_nfc_pair(out[st], c);
			if (p) {
				out[st] = p;
				continue;
			}
		}
		last = cc[i];
		out[w] = c;
		cc[w++] = cc[i];
	}
	*o = w;
}

/* One code point x of class cl of NFC's decomposition, for ma_nfc: a
 * mark is gathered after the last starter out[*st] ((size_t)-1: none
 * yet); a starter first orders and composes the marks gathered (one
 * mark, the common case, composed here), then composes with the last
 * starter when nothing is left between them, or becomes the last. */
static inline void ma_nfc_put(uint32_t x, unsigned cl, uint32_t *out, uint8_t *cc, size_t *o,
                              size_t *st)
{
	uint32_t p;

	if (cl != 0) {
		out[*o] = x;
		cc[(*o)++] = (uint8_t)cl;
		return;
	}
	if (*o == *st + 2) { /* (size_t)-1 + 2: 1, a mark and no starter */
		p = *st != (size_t)-1 ? ma_nfc_pair(out[*st], out[*st + 1]) : 0;
		if (p) {
			out[*st] = p;
			*o = *st + 1;
		}
	} else if (*o > *st + 1) {
		ma_nfc_flush(out, cc, *st, *st + 1, o);
	}
	if (*st != (size_t)-1 && *o == *st + 1) {
		p = ma_nfc_pair(out[*st], x);
		if (p) {
			out[*st] = p;
			return;
		}
	}
	*st = *o;
	cc[*o] = 0;
	out[(*o)++] = x;
}

/* NFC of in (n code points) into out (cap, at most MA_URL_HOST_MAX) in
 * one pass: each code point decomposed (most do not), the marks after a
 * starter gathered, then ordered and composed with it when the next
 * starter comes (ma_nfc_put), the starter itself composed with the last
 * one when nothing is left between them. *olen its length. 0 or
 * MA_URL_TOO_LONG, as when the whole decomposition is written first: d
 * counts it (and ma_nfd_push is asked with the room it would have had),
 * the output is never longer. */
static int ma_nfc(const uint32_t *in, size_t n, uint32_t *out, size_t cap, size_t *olen)
{
	uint8_t cc[MA_URL_HOST_MAX];
	size_t d = 0, o = 0, st = (size_t)-1;

	if (cap > MA_URL_HOST_MAX)
		cap = MA_URL_HOST_MAX; /* the callers' buffers: never more */
	for (size_t i = 0; i < n; i++) {
		uint32_t c = in[i], e = ma_idna_nfc_info(c), dec[MA_IDNA_NFD_MAX + 3];
		size_t nd = 0, room;
		if ((e & 0xFFF00u) == 0 && (c < MA_HANGUL_S || c >= MA_HANGUL_S + MA_HANGUL_N)) {
			if (d == cap)
				return MA_URL_TOO_LONG;
			d++;
			ma_nfc_put(c, e & 0xFF, out, cc, &o, &st);
			continue;
		}
		room = cap - d < MA_NELEM(dec) ? cap - d : MA_NELEM(dec);
		if (ma_nfd_push(c, dec, &nd, room))
			return MA_URL_TOO_LONG;
		d += nd;
		for (size_t k = 0; k < nd; k++)
			ma_nfc_put(dec[k], ma_idna_ccc(dec[k]), out, cc, &o, &st);
	}
	if (o > st + 1)
		ma_nfc_flush(out, cc, st, st + 1, &o);
	*olen = o;
	return 0;
}

/* The positions below MA_URL_HOST_MAX whose code point the encoder has
 * passed (those below its m): a bit each, and how many are marked in the
 * words before each word, eight 16-bit counts in two 64-bit words (a
 * mark adds one to the counts above its word at once; a rank is one
 * count and one popcount). A position takes 9 bits of ma_punycode's
 * keys. */
_Static_assert(MA_URL_HOST_MAX <= 512 && MA_URL_HOST_MAX % 64 == 0, "positions in 9 bits");
#define MA_PUNY_WORDS (MA_URL_HOST_MAX / 64)
struct ma_puny_seen {
	uint64_t bit[MA_PUNY_WORDS];
	uint64_t before[2]; /* word w's count: before[w >> 2] >> 16 * (w & 3) */
};

/* 1 in each 16-bit count above word w's: what a mark in word w adds. */
static const uint64_t ma_puny_above[8][2] = {{0x0001000100010000ull, 0x0001000100010001ull},
                                             {0x0001000100000000ull, 0x0001000100010001ull},
                                             {0x0001000000000000ull, 0x0001000100010001ull},
                                             {0, 0x0001000100010001ull},
                                             {0, 0x0001000100010000ull},
                                             {0, 0x0001000100000000ull},
                                             {0, 0x0001000000000000ull},
                                             {0, 0}};

/* The number of set bits of w. */
static unsigned ma_popcount64(uint64_t w)
{
	w = w - ((w >> 1) & 0x5555555555555555ull);
	w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
	w = (w + (w >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (unsigned)((w * 0x0101010101010101ull) >> 56);
}

static void ma_puny_mark(struct ma_puny_seen *sn, size_t p)
{
	sn->bit[p >> 6] |= 1ull << (p & 63);
	sn->before[0] += ma_puny_above[p >> 6][0];
	sn->before[1] += ma_puny_above[p >> 6][1];
}

/* How many positions below p are marked. */
static uint32_t ma_puny_rank(const struct ma_puny_seen *sn, size_t p)
{
	size_t w = p >> 6;

	return (uint32_t)((sn->before[w >> 2] >> (16 * (w & 3))) & 0xFFFF) +
	       ma_popcount64(sn->bit[w] & ((1ull << (p & 63)) - 1));
}

/* Sorts key[0..n) by key >> 9 (the code point), stably (the keys come
 * in position order, so they end by code point, then position), tmp as
 * long: nothing when they are in order already, by insertion when they
 * are few, else an LSD radix sort of (code point - smallest) in as few
 * passes of at most 8 bits as its range needs. */
static void ma_puny_sort(uint32_t *key, uint32_t *tmp, size_t n)
{
	uint32_t lo = UINT32_MAX, hi = 0, cnt[256], *from = key, *to = tmp;
	int bits = 0, passes, dbits, sorted = 1;

	for (size_t i = 0; i < n; i++) {
		uint32_t v = key[i] >> 9;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
		if (i > 0 && key[i - 1] > key[i])
			sorted = 0;
	}
	if (sorted)
		return;
	if (n <= 24) {
		for (size_t i = 1; i < n; i++) {
			uint32_t v = key[i];
			size_t j = i;
			for (; j > 0 && key[j - 1] > v; j--)
				key[j] = key[j - 1];
			key[j] = v;
		}
		return;
	}
	while ((hi - lo) >> bits)
		bits++;
	passes = (bits + 7) / 8;
	dbits = (bits + passes - 1) / passes;
	for (int p = 0; p < passes; p++) {
		uint32_t sum = 0, mask = (1u << dbits) - 1, *t;
		int sh = p * dbits;
		memset(cnt, 0, (mask + 1) * sizeof *cnt);
		for (size_t i = 0; i < n; i++)
			cnt[(((from[i] >> 9) - lo) >> sh) & mask]++;
		for (uint32_t d = 0; d <= mask; d++) {
			uint32_t c = cnt[d];
			cnt[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			to[cnt[(((from[i] >> 9) - lo) >> sh) & mask]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != key)
		memcpy(key, from, n * sizeof *key);
}

/* One Punycode delta q as variable-length digits at out[*o] (cap). 0, or
 * -1 when it does not fit. A digit but the last divides q by 10 or more:
 * at most 11 for 32 bits, so with room for 12 the bytes are not counted. */
static int ma_puny_digits(uint32_t q, uint32_t bias, char *out, size_t *o, size_t cap)
{
	static const char digit[36] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t p = *o;
	int room = p + 12 < cap;

	for (int32_t kb = 36 - (int32_t)bias;; kb += 36) { /* k - bias */
		uint32_t t = kb < 1 ? 1 : (kb > 26 ? 26 : (uint32_t)kb);
		if (q < t)
			break;
		if (!room && p + 1 >= cap)
			return -1;
		out[p++] = digit[t + (q - t) % (36 - t)];
		q = (q - t) / (36 - t);
	}
	if (!room && p + 1 >= cap)
		return -1;
	out[p++] = digit[q];
	*o = p;
	return 0;
}

/* RFC 3492 Punycode of one label's code points (n at most
 * MA_URL_HOST_MAX) into out ("xn--" added by the caller). Returns the
 * length, or 0 when it does not fit.
 *
 * RFC 3492's encoder walks the whole label once per distinct code point
 * (quadratic: a label of 250 distinct ideographs took half a million
 * instructions). This one takes the code points in the order the encoder
 * emits them -- by value, then by position: the label's non-basic code
 * points sorted as value << 9 | position -- and finds the delta of each
 * as RFC 3492's walk counts it: the code points below the current value
 * passed between the last emission and this one, the difference of two
 * ranks in a bitmap of the positions whose code point is below it
 * (ma_puny_seen). The output is RFC 3492's, byte for byte; the cost is
 * the sort and, per code point, a rank, its digits and the bias. */
__attribute__((noinline)) static size_t ma_punycode(const uint32_t *cp, size_t n, char *out,
                                                    size_t cap)
{
	uint32_t key[MA_URL_HOST_MAX], tmp[MA_URL_HOST_MAX];
	struct ma_puny_seen sn;
	uint32_t m = 0x80, delta = 0, bias = 72, h = 0, b, seen = 0, last = 0;
	size_t o = 0, nk = 0, nw = (n + 63) / 64, group = 0;

	if (n > MA_URL_HOST_MAX)
		return 0;
	memset(&sn, 0, sizeof sn);
	for (size_t i = 0; i < n; i++) {
		if (cp[i] < 0x80) {
			if (o + 1 >= cap)
				return 0;
			out[o++] = (char)cp[i];
			sn.bit[i >> 6] |= 1ull << (i & 63);
		} else {
			key[nk++] = cp[i] << 9 | (uint32_t)i; /* cp <= 0x10FFFF: 30 bits */
		}
	}
	b = (uint32_t)o;
	for (size_t w = 0; w + 1 < nw; w++) {
		uint64_t c = ma_popcount64(sn.bit[w]);
		sn.before[0] += c * ma_puny_above[w][0];
		sn.before[1] += c * ma_puny_above[w][1];
	}
	h = b;
	if (b > 0) {
		if (o + 1 >= cap)
			return 0;
		out[o++] = '-';
	}
	ma_puny_sort(key, tmp, nk);
	for (size_t k = 0; k < nk; k++) {
		uint32_t mn = key[k] >> 9, r, dl, q = 0;
		size_t at = key[k] & 511;
		if (k == 0 || mn != m - 1) {
			/* a new value: the rest of the last one's walk (the code
			 * points below it past its last occurrence, one step),
			 * then the values between */
			if (k > 0) {
				delta += seen - last + 1;
				for (; group < k; group++) /* its positions passed */
					ma_puny_mark(&sn, key[group] & 511);
			}
			delta += (mn - m) * (h + 1);
			m = mn + 1;
			seen = h;
			last = 0;
		}
		r = seen ? ma_puny_rank(&sn, at) : 0; /* seen: how many are marked */
		delta += r - last;
		last = r;
		if (delta == 0) { /* the digit 'a', and the bias adapts to 0 */
			if (o + 1 >= cap)
				return 0;
			out[o++] = 'a';
			bias = 0;
		} else {
			if (ma_puny_digits(delta, bias, out, &o, cap))
				return 0;
			dl = h == b ? delta / 700 : delta / 2; /* adapt */
			dl += dl / (h + 1);
			while (dl > ((36 - 1) * 26) / 2) {
				dl /= 35;
				q += 36;
			}
			bias = q + (36 * dl) / (dl + 38);
		}
		delta = 0;
		h++;
	}
	return o;
}

static uint32_t ma_puny_adapt(uint32_t delta, uint32_t points, int first)
{
	uint32_t k = 0;

	delta = first ? delta / 700 : delta / 2;
	delta += delta / points;
	while (delta > ((36 - 1) * 26) / 2) {
		delta /= 35;
		k += 36;
	}
	return k + (36 * delta) / (delta + 38);
}

/* RFC 3492 decoding of in (n ASCII code points, after "xn--") into out
 * (cap). 0, -1 on bad Punycode (a non-basic code point, a bad digit, an
 * overflow, past U+10FFFF), or MA_URL_TOO_LONG. */
static int ma_punydecode(const uint32_t *in, size_t n, uint32_t *out, size_t cap, size_t *olen)
{
	uint32_t cp = 0x80, i = 0, bias = 72;
	size_t b = 0, o = 0, p;

	for (size_t k = 0; k < n; k++)
		if (in[k] == '-')
			b = k;
	if (b > cap)
		return MA_URL_TOO_LONG;
	for (size_t k = 0; k < b; k++) {
		if (in[k] >= 0x80)
			return -1;
		out[o++] = in[k];
	}
	p = b > 0 ? b + 1 : 0;
	while (p < n) {
		uint32_t oldi = i, w = 1;
		for (uint32_t k = 36;; k += 36) {
			uint32_t c, digit, t;
			if (p >= n)
				return -1;
			c = in[p++];
			if (c >= 'a' && c <= 'z')
				digit = c - 'a';
			else if (c >= 'A' && c <= 'Z')
				digit = c - 'A';
			else if (c >= '0' && c <= '9')
				digit = c - '0' + 26;
			else
				return -1;
			if (digit > (UINT32_MAX - i) / w)
				return -1;
			i += digit * w;
			t = k <= bias ? 1 : (k >= bias + 26 ? 26 : k - bias);
			if (digit < t)
				break;
			if (w > UINT32_MAX / (36 - t))
				return -1;
			w *= 36 - t;
		}
		bias = ma_puny_adapt(i - oldi, (uint32_t)o + 1, oldi == 0);
		if (i / ((uint32_t)o + 1) > 0x10FFFF - cp)
			return -1;
		cp += i / ((uint32_t)o + 1);
		i %= (uint32_t)o + 1;
		if (o == cap)
			return MA_URL_TOO_LONG;
		memmove(out + i + 1, out + i, (o - i) * sizeof *out);
		out[i] = cp;
		o++;
		i++;
	}
	*olen = o;
	return 0;
}

/* RFC 5892 appendix A.1 and A.2 (CONTEXTJ): a ZWNJ or ZWJ at l[k] is
 * allowed after a virama (combining class 9), and a ZWNJ between joining
 * letters, (L|D) T* ZWNJ T* (R|D). */
static int ma_idna_contextj(const uint32_t *l, size_t n, size_t k)
{
	int jt = MA_JOIN_T;
	size_t j;

	if (k > 0 && ma_idna_ccc(l[k - 1]) == 9)
		return 1;
	if (l[k] == 0x200D)
		return 0;
	for (j = k; j > 0; j--) {
		jt = ma_idna_join_type(l[j - 1]);
		if (jt != MA_JOIN_T)
			break;
	}
	if (j == 0 || (jt != MA_JOIN_L && jt != MA_JOIN_D))
		return 0;
	for (j = k + 1; j < n; j++) {
		jt = ma_idna_join_type(l[j]);
		if (jt != MA_JOIN_T)
			break;
	}
	return j < n && (jt == MA_JOIN_R || jt == MA_JOIN_D);
}

/* RFC 5893 section 2, the six conditions, on one label of a domain that
 * has a right-to-left label. 1 when it holds. */
static int ma_idna_bidi_ok(const uint32_t *l, size_t n)
{
	int first, last = -1, en = 0, an = 0, rtl;
	size_t e = n;

	if (n == 0)
		return 1;
	first = ma_idna_bidi_class(l[0]);
	if (first != MA_BIDI_L && first != MA_BIDI_R && first != MA_BIDI_AL)
		return 0;
	rtl = first != MA_BIDI_L;
	while (e > 0 && ma_idna_bidi_class(l[e - 1]) == MA_BIDI_NSM)
		e--;
	for (size_t k = 0; k < n; k++) {
		int c = ma_idna_bidi_class(l[k]);
		if (k < e)
			last = c;
		if (rtl) {
			if (c != MA_BIDI_R && c != MA_BIDI_AL && c != MA_BIDI_AN &&
			    c != MA_BIDI_EN && c != MA_BIDI_ES && c != MA_BIDI_CS &&
			    c != MA_BIDI_ET && c != MA_BIDI_ON && c != MA_BIDI_BN &&
			    c != MA_BIDI_NSM)
				return 0;
		} else if (c != MA_BIDI_L && c != MA_BIDI_EN && c != MA_BIDI_ES &&
		           c != MA_BIDI_CS && c != MA_BIDI_ET && c != MA_BIDI_ON &&
		           c != MA_BIDI_BN && c != MA_BIDI_NSM) {
			return 0;
		}
		en |= c == MA_BIDI_EN;
		an |= c == MA_BIDI_AN;
	}
	if (rtl)
		return (last == MA_BIDI_R || last == MA_BIDI_AL || last == MA_BIDI_EN ||
		        last == MA_BIDI_AN) &&
		       !(en && an);
	return last == MA_BIDI_L || last == MA_BIDI_EN;
}

/* UTS #46 section 4.1, the validity criteria WHATWG's parameters leave,
 * on one processed label; puny: it came from Punycode (and must be NFC).
 * 0 or -1 (MA_URL_TOO_LONG for an NFC check past the buffer). On 0, *rtl
 * is set when a code point of the label is R, AL or AN (its row says). */
static int ma_idna_valid(const uint32_t *l, size_t n, int puny, int *rtl)
{
	uint32_t flags = 0;

	if (n == 0)
		return 0;
	if (puny) {
		uint32_t nfc[MA_URL_HOST_MAX];
		size_t nn;
		int rc = ma_nfc(l, n, nfc, MA_NELEM(nfc), &nn);
		if (rc)
			return rc;
		if (nn != n || memcmp(nfc, l, n * sizeof *l))
			return -1;
	}
	if (ma_idna_is_mark(l[0]))
		return -1;
	for (size_t k = 0; k < n; k++) {
		uint32_t r;
		if (l[k] == '.' || l[k] > 0x10FFFF)
			return -1;
		r = ma_idna_rows[ma_idna_row(l[k])];
		if (((r >> 3) & 7) != MA_IDNA_VALID)
			return -1;
		flags |= r;
		if ((l[k] == 0x200C || l[k] == 0x200D) && !ma_idna_contextj(l, n, k))
			return -1;
	}
	if (flags & MA_IDNA_ROW_RTL)
		*rtl = 1;
	return 0;
}

/* UTS #46 processing, step 1, for ma_idna_to_ascii: the mapped code
 * points, and what the later steps need to know of them. */
struct ma_idna_mapped {
	uint32_t cp[MA_URL_HOST_MAX];
	size_t n;    /* code points in cp */
	size_t dext; /* how many longer their full canonical decomposition is */
	/* the runs NFC may change, [start, end) in cp (after
	 * ma_idna_nfc_runs, in its output): each from the last code point
	 * before it whose row has no NFC flag (a composition may start
	 * there) to the next such code point; adjacent ones merged */
	uint16_t run[MA_URL_HOST_MAX / 2 + 1][2];
	size_t nrun;
	uint32_t rtl; /* MA_IDNA_ROW_RTL: a code point outside the runs has it */
	int zw;       /* a ZWNJ or a ZWJ (CONTEXTJ) */
	int newer;    /* a code point MA_IDNA_NEWER (ignored by newer tables) */
};

/* Step 1 of s (n bytes): the mapping table, code point by code point
 * (ASCII without a lookup: valid, A-Z mapped to a-z, no flag, as the
 * table has it). 0, -1 (invalid UTF-8, a disallowed code point) or
 * MA_URL_TOO_LONG (past MA_URL_HOST_MAX code points), in the order the
 * code points come. */
static int ma_idna_map(const unsigned char *s, size_t n, struct ma_idna_mapped *m)
{
	size_t i = 0, nm = 0, safe = 0, nrun = 0, dext = 0;
	uint32_t flags = 0;
	int open = 0;

	m->newer = 0;
	while (i < n) {
		uint32_t c = s[i], r, st;
		size_t row, at = i, ml;
		if (c < 0x80) {
			if (nm == MA_URL_HOST_MAX)
				return MA_URL_TOO_LONG;
			if (open) {
				m->run[nrun - 1][1] = (uint16_t)nm;
				open = 0;
			}
			safe = nm;
			m->cp[nm++] = (uint32_t)ma_idna_lower((int)c);
			i++;
			continue;
		}
		if (c >= 0xE0 && c < 0xF0 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
		    (s[i + 2] & 0xC0) == 0x80) { /* 3 bytes, as ma_utf8_next reads them */
			c = (c & 0x0F) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return -1;
			i += 3;
		} else if (ma_utf8_next(s, n, &i, &c)) {
			return -1;
		}
		row = ma_idna_row(c); /* c <= U+10FFFF */
		r = ma_idna_rows[row];
		st = (r >> 3) & 7;
		if (st == MA_IDNA_VALID) {
			ml = 1;
		} else if (st == MA_IDNA_IGNORED) {
			/* and the same sequence again at once (a run of soft
			 * hyphens): 2 to 4 bytes, no ASCII is ignored */
			if (i < n && s[i] == s[at]) {
				size_t sl = i - at;
				while (i + sl <= n && s[i] == s[at] && s[i + 1] == s[at + 1] &&
				       (sl < 3 || s[i + 2] == s[at + 2]) &&
				       (sl < 4 || s[i + 3] == s[at + 3]))
					i += sl;
			}
			continue;
		} else if (st == MA_IDNA_MAPPED) {
			ml = (r >> 6) & 31;
		} else if (st == MA_IDNA_NEWER) {
			m->newer = 1;
			continue;
		} else {
			return -1; /* disallowed */
		}
		if (nm + ml > MA_URL_HOST_MAX)
			return MA_URL_TOO_LONG;
		if (st == MA_IDNA_VALID)
			m->cp[nm] = c;
		else
			memcpy(m->cp + nm, ma_idna_pool + (ma_idna_rowmap[row] & 0x1FFFF),
			       ml * sizeof *m->cp);
		dext += ma_idna_rowmap[row] >> 17;
		if (r & MA_IDNA_ROW_NFC) {
			if (!open && nrun > 0 && m->run[nrun - 1][1] == safe) {
				open = 1; /* the last run ended where this one starts */
			} else if (!open) {
				m->run[nrun][0] = (uint16_t)safe;
				nrun++;
				open = 1;
			}
		} else if (ml > 0) {
			if (open) {
				m->run[nrun - 1][1] = (uint16_t)nm;
				open = 0;
			}
			flags |= r; /* RTL, ZW (no mapping holds ZWNJ or ZWJ) */
			safe = nm + ml - 1;
		}
		nm += ml;
	}
	if (open)
		m->run[nrun - 1][1] = (uint16_t)nm;
	m->n = nm;
	m->nrun = nrun;
	m->dext = dext;
	m->rtl = flags & MA_IDNA_ROW_RTL;
	m->zw = (flags & MA_IDNA_ROW_ZW) != 0;
	return 0;
}

/* Step 2, NFC, of m's runs alone (the code points between them are NFC
 * already, and NFC of a string is that of its pieces split before a code
 * point of class 0 that NFC_Quick_Check says Yes to): cps gets the code
 * points, *nc how many; m->run becomes the runs' places in cps. 0 or
 * MA_URL_TOO_LONG when NFC of the whole would be (its decomposition past
 * MA_URL_HOST_MAX, or a Hangul syllable that ma_nfd_push has no room
 * for): m->dext says so without decomposing, but for a decomposition of
 * exactly MA_URL_HOST_MAX. */
static int ma_idna_nfc_runs(struct ma_idna_mapped *m, uint32_t *cps, size_t *nc)
{
	size_t o = 0, from = 0;

	if (m->n + m->dext > MA_URL_HOST_MAX)
		return MA_URL_TOO_LONG;
	if (m->n + m->dext == MA_URL_HOST_MAX) {
		size_t d = 0;
		for (size_t k = 0; k < m->n; k++)
			if (ma_nfd_push(m->cp[k], cps, &d, MA_URL_HOST_MAX))
				return MA_URL_TOO_LONG;
	}
	for (size_t k = 0; k < m->nrun; k++) {
		size_t a = m->run[k][0], b = m->run[k][1], w;
		memcpy(cps + o, m->cp + from, (a - from) * sizeof *cps);
		o += a - from;
		/* fits: o is at most the decomposed length before a */
		if (ma_nfc(m->cp + a, b - a, cps + o, MA_URL_HOST_MAX - o, &w))
			return MA_URL_TOO_LONG;
		m->run[k][0] = (uint16_t)o;
		m->run[k][1] = (uint16_t)(o + w);
		o += w;
		from = b;
	}
	memcpy(cps + o, m->cp + from, (m->n - from) * sizeof *cps);
	*nc = o + m->n - from;
	return 0;
}

/* An ACE label l (ln code points, "xn--" first) decoded into lab (*dl):
 * ASCII Punycode that is not empty and not all basic (UTS #46 15.1's
 * rules, which ICU follows). 0, -1 or MA_URL_TOO_LONG. */
static int ma_idna_ace(const uint32_t *l, size_t ln, uint32_t *lab, size_t *dl)
{
	int rc;

	for (size_t q = 4; q < ln; q++)
		if (l[q] >= 0x80)
			return -1;
	rc = ma_punydecode(l + 4, ln - 4, lab, MA_URL_HOST_MAX, dl);
	if (rc)
		return rc;
	if (*dl == 0)
		return -1;
	for (size_t q = 0; q < *dl && lab[q] < 0x80; q++)
		if (q + 1 == *dl)
			return -1;
	return 0;
}

static int ma_idna_is_ace(const uint32_t *l, size_t ln)
{
	return ln >= 4 && l[0] == 'x' && l[1] == 'n' && l[2] == '-' && l[3] == '-';
}

/* Appends one processed label to out at *o (ASCII as it is, else "xn--"
 * and its Punycode), then a '.' when sep. 0, or -1 when it does not fit
 * (with its NUL) in cap. */
static int ma_idna_put(const uint32_t *l, size_t ln, int nonascii, int sep, char *out, size_t *o,
                       size_t cap)
{
	if (nonascii) {
		size_t w;
		if (*o + 5 >= cap)
			return -1;
		memcpy(out + *o, "xn--", 4);
		*o += 4;
		w = ma_punycode(l, ln, out + *o, cap - *o);
		if (!w)
			return -1;
		*o += w;
	} else {
		if (*o + ln >= cap)
			return -1;
		for (size_t q = 0; q < ln; q++)
			out[(*o)++] = (char)l[q];
	}
	if (sep) {
		if (*o + 1 >= cap)
			return -1;
		out[(*o)++] = '.';
	}
	return 0;
}

/* Domain to ASCII of s (n bytes, percent-decoded) into out: step 1
 * (ma_idna_map), step 2 on the runs that need it (ma_idna_nfc_runs), then
 * label by label steps 3 and 4 (ACE labels decoded and checked; a label
 * that NFC touched checked whole; any other only where its code points'
 * rows cannot answer: a leading mark, CONTEXTJ) and Punycode written as
 * it goes; then the Bidi Rule when a label is right-to-left. The
 * failures are those of the plain order (every label checked before any
 * is written, each label's Bidi Rule before it is written): the first
 * label that does not fit in out is remembered, and MA_URL_TOO_LONG
 * returned for it after the labels' checks and the Bidi Rule of the
 * labels up to it. */
int ma_idna_to_ascii(const unsigned char *s, size_t n, char *out, size_t cap, size_t *olen)
{
	struct ma_idna_mapped m;
	uint32_t nfc[MA_URL_HOST_MAX], lab[MA_URL_HOST_MAX];
	const uint32_t *cps = m.cp;
	size_t nc, o = 0, st = 0, ri = 0, done = 0, nlab = 0, full = (size_t)-1;
	int ascii = 1, bidi, rc, lax = 0;

	for (size_t k = 0; k < n && ascii; k++)
		if (s[k] >= 0x80)
			ascii = 0;
	if (ascii) { /* WHATWG: an ASCII domain is lowercased, nothing more */
		if (n >= cap)
			return MA_URL_TOO_LONG;
		for (size_t k = 0; k < n; k++)
			out[k] = (char)ma_idna_lower(s[k]);
		out[n] = '\0';
		*olen = n;
		return 0;
	}
	rc = ma_idna_map(s, n, &m);
	if (rc)
		return rc;
	nc = m.n;
	if (m.nrun > 0 || m.n + m.dext >= MA_URL_HOST_MAX) {
		rc = ma_idna_nfc_runs(&m, nfc, &nc);
		if (rc)
			return rc;
		cps = nfc;
	}
	bidi = m.rtl != 0;
	for (;;) {
		const uint32_t *l = cps + st;
		size_t k = st, ln;
		uint32_t acc = 0;
		while (k < nc && cps[k] != '.')
			acc |= cps[k++];
		ln = k - st;
		while (ri < m.nrun && m.run[ri][1] <= st)
			ri++;
		if (ma_idna_is_ace(l, ln)) {
			rc = ma_idna_ace(l, ln, lab, &ln);
			if (rc == 0)
				rc = ma_idna_valid(lab, ln, 1, &bidi);
			if (rc)
				return rc;
			l = lab;
			acc = 0x80;
		} else if (ln > 0 && ri < m.nrun && m.run[ri][0] < k) {
			rc = ma_idna_valid(l, ln, 0, &bidi); /* NFC touched it */
			if (rc)
				return rc;
		} else if (ln > 0) {
			/* its code points are valid (a mapping holds only valid
			 * ones) and their rows said R, AL or AN already */
			if (ma_idna_is_mark(l[0]))
				return -1;
			for (size_t q = 0; m.zw && q < ln; q++)
				if ((l[q] | 1) == 0x200D && !ma_idna_contextj(l, ln, q))
					return -1;
		}
		/* the processed labels, each with its dot, in MA_URL_HOST_MAX */
		if (done + ln + 1 > MA_URL_HOST_MAX)
			return MA_URL_TOO_LONG;
		done += ln + 1;
		if (full == (size_t)-1 && ma_idna_put(l, ln, acc >= 0x80, k < nc, out, &o, cap))
			full = nlab;
		nlab++;
		if (k >= nc)
			break;
		st = k + 1;
	}
	/* the Bidi Rule on every label (up to the one that did not fit) of a
	 * domain with a right-to-left label: WHATWG fails where it does not
	 * hold, clients with older bidi data (Node 20, curl 7.88) fetch the
	 * host: MA_URL_IDNA_NEWER with out filled */
	st = 0;
	for (size_t j = 0; bidi && j < nlab && j <= full; j++) {
		const uint32_t *l = cps + st;
		size_t k = st, ln;
		while (k < nc && cps[k] != '.')
			k++;
		ln = k - st;
		if (ma_idna_is_ace(l, ln)) {
			(void)ma_idna_ace(l, ln, lab, &ln); /* as above: 0 */
			l = lab;
		}
		if (!ma_idna_bidi_ok(l, ln))
			lax = 1;
		st = k + 1;
	}
	if (full != (size_t)-1)
		return MA_URL_TOO_LONG;
	out[o] = '\0';
	*olen = o;
	return m.newer || lax ? MA_URL_IDNA_NEWER : 0;
}
