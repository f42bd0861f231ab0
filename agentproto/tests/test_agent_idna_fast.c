/* libmoatagent: domain to ASCII's fast paths (ma_idna.c) against the
 * plain algorithms they stand for: the Punycode encoder (sorted code
 * points and a bitmap of positions) against RFC 3492's walk over the label
 * per code point, on random labels up to MA_URL_HOST_MAX code points and
 * random room; the rows' flags (scripts/gen_idna_tab.py) against the
 * properties ma_idna.c reads elsewhere: "NFC may change it" clear only
 * where NFC leaves the code point (or its mapping) alone, "R, AL or AN"
 * exactly where the bidi table says so, for every code point; and NFC of
 * random strings of unflagged code points is the string itself (what the
 * skip of NFC relies on); the NFC index against the tables it stands
 * for. ma_idna.c is compiled here (its functions are
 * static), so libmoatagent's copy is not linked. */
#include "../lib/ma_idna.c"

#include "agent_test.h"

/* RFC 3492 section 6.3, as ma_idna.c wrote it before: the label walked
 * once per code point value. */
static size_t ref_punycode(const uint32_t *cp, size_t n, char *out, size_t cap)
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

static uint64_t rnd_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)(rnd_state >> 11) % n;
}

/* A code point of one of the label's kinds: ASCII, one of a few (many
 * repeats), any above U+007F. */
static uint32_t rnd_cp(int kind, const uint32_t *few)
{
	switch (kind) {
	case 0:
		return rnd(0x80);
	case 1:
		return few[rnd(4)];
	default:
		return 0x80 + rnd(0x110000 - 0x80);
	}
}

static void punycode_is_rfc3492s_on_random_labels(void **state)
{
	static uint32_t cp[MA_URL_HOST_MAX];
	char o1[MA_URL_HOST_MAX + 1], o2[MA_URL_HOST_MAX + 1];

	(void)state;
	for (int t = 0; t < 1500; t++) {
		size_t n = t < 1200 ? rnd(80) : rnd(MA_URL_HOST_MAX + 1);
		size_t cap = rnd(4) == 0 ? 1 + rnd(MA_URL_HOST_MAX) : sizeof o1;
		int mix = (int)rnd(8);
		uint32_t few[4];
		for (int k = 0; k < 4; k++)
			few[k] = 0x80 + rnd(k < 2 ? 0x400 : 0x110000 - 0x80);
		for (size_t i = 0; i < n; i++)
			cp[i] = rnd_cp(mix & (1 << rnd(3)) ? (int)rnd(3) : 2, few);
		memset(o1, 'X', sizeof o1);
		memset(o2, 'X', sizeof o2);
		size_t l1 = ma_punycode(cp, n, o1, cap), l2 = ref_punycode(cp, n, o2, cap);
		if (l1 != l2 || memcmp(o1, o2, l1))
			fail_msg(
			    "label %d (%zu code points, room %zu): %zu %.*s, expected %zu %.*s", t,
			    n, cap, l1, (int)l1, o1, l2, (int)l2, o2);
	}
}

static int ref_rtl(uint32_t cp)
{
	int c = ma_idna_bidi_class(cp);

	return c == MA_BIDI_R || c == MA_BIDI_AL || c == MA_BIDI_AN;
}

/* NFC leaves s (n code points) as it is. */
static int nfc_same(const uint32_t *s, size_t n)
{
	uint32_t out[MA_URL_HOST_MAX];
	size_t on = 0;

	return ma_nfc(s, n, out, MA_NELEM(out), &on) == 0 && on == n &&
	       memcmp(out, s, n * sizeof *s) == 0;
}

#define MA_IDNA_NFD_TEST 16 /* room for one code point's decomposition */

static uint32_t unflagged[0x110000 / 4];
static size_t n_unflagged;

static void row_flags_agree_with_the_properties(void **state)
{
	(void)state;
	n_unflagged = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		size_t row = ma_idna_row(cp);
		uint32_t r = ma_idna_rows[row], st = (r >> 3) & 7;
		const uint32_t *map = ma_idna_pool + (ma_idna_rowmap[row] & 0x1FFFF);
		size_t ml = (r >> 6) & 31, ext = ma_idna_rowmap[row] >> 17, want = 0;
		uint32_t dec[MA_IDNA_NFD_TEST];
		if (st == MA_IDNA_VALID || st == MA_IDNA_MAPPED) {
			const uint32_t *src = st == MA_IDNA_VALID ? &cp : map;
			size_t sn = st == MA_IDNA_VALID ? 1 : ml;
			for (size_t k = 0; k < sn; k++) {
				size_t d = 0;
				assert_int_equal(ma_nfd_push(src[k], dec, &d, MA_NELEM(dec)), 0);
				want += d - 1;
			}
		}
		if (ext != want)
			fail_msg("U+%04X: decomposition %zu longer in the row, %zu by ma_nfd_push",
			         cp, ext, want);
		if (st == MA_IDNA_VALID) {
			if (!!(r & MA_IDNA_ROW_RTL) != ref_rtl(cp))
				fail_msg("U+%04X: RTL flag %u, bidi class %d", cp, r & 2,
				         ma_idna_bidi_class(cp));
			if (!(r & MA_IDNA_ROW_NFC)) {
				if (ma_idna_ccc(cp) != 0 || !nfc_same(&cp, 1))
					fail_msg("U+%04X: not flagged but NFC may change it", cp);
				if (n_unflagged < MA_NELEM(unflagged))
					unflagged[n_unflagged++] = cp;
			}
		} else if (st == MA_IDNA_MAPPED) {
			if (r & MA_IDNA_ROW_RTL)
				fail_msg("U+%04X: RTL flag on a mapped code point", cp);
			if (!(r & MA_IDNA_ROW_NFC)) {
				for (size_t k = 0; k < ml; k++)
					if (ma_idna_ccc(map[k]) != 0)
						fail_msg("U+%04X: mapping not flagged, U+%04X has "
						         "class %u",
						         cp, map[k], ma_idna_ccc(map[k]));
				if (!nfc_same(map, ml))
					fail_msg("U+%04X: mapping not flagged but NFC changes it",
					         cp);
			}
		} else if (r & 3) {
			fail_msg("U+%04X: flags on status %u", cp, st);
		}
	}
	assert_true(n_unflagged > 1000);
}

/* A host NFC would leave alone but whose decomposition does not fit in
 * MA_URL_HOST_MAX code points is too long, as when NFC ran (255 U+01D6,
 * three code points each decomposed; 2 bytes each as written); and one
 * whose decomposition is exactly MA_URL_HOST_MAX long with a Hangul
 * syllable of two at its end (ma_nfd_push wants room for three). */
static void a_host_whose_decomposition_does_not_fit_is_too_long(void **state)
{
	unsigned char in[512];
	char out[MA_URL_HOST_MAX];
	size_t n = 0, ol = 0;

	(void)state;
	while (n + 2 <= 510) {
		in[n++] = 0xC7;
		in[n++] = 0x96; /* U+01D6, valid (U+01D5 maps to it) */
	}
	assert_int_equal(ma_idna_to_ascii(in, n, out, sizeof out, &ol), MA_URL_TOO_LONG);
	n = 2 * 100; /* 300 code points decomposed: fits */
	assert_int_equal(ma_idna_to_ascii(in, n, out, sizeof out, &ol), 0);
	/* 170 x U+01D6 (510) + U+AC00 (2, at 510): 512 */
	n = 2 * 170;
	in[n++] = 0xEA;
	in[n++] = 0xB0;
	in[n++] = 0x80;
	assert_int_equal(ma_idna_to_ascii(in, n, out, sizeof out, &ol), MA_URL_TOO_LONG);
	/* 169 x U+01D6 (507) + U+AC00 (2) + 'a' 'b' 'c' (3): 512, the
	 * syllable at 507 has room */
	n = 2 * 169;
	memcpy(in + n,
	       "\xea\xb0\x80"
	       "abc",
	       6);
	n += 6;
	assert_int_equal(ma_idna_to_ascii(in, n, out, sizeof out, &ol), 0);
}

static void nfc_leaves_strings_of_unflagged_code_points_alone(void **state)
{
	uint32_t s[64];

	(void)state;
	if (n_unflagged == 0)
		row_flags_agree_with_the_properties(state);
	for (int t = 0; t < 20000; t++) {
		size_t n = 1 + rnd(MA_NELEM(s));
		uint32_t lo = rnd((uint32_t)n_unflagged), span = 1 + rnd(t % 2 ? 64 : 4096);
		for (size_t i = 0; i < n; i++) { /* neighbours, so that pairs of a script meet */
			size_t k = lo + rnd(span);
			s[i] = unflagged[k < n_unflagged ? k : n_unflagged - 1];
		}
		if (!nfc_same(s, n))
			fail_msg("string %d: NFC changes %zu unflagged code points from U+%04X", t,
			         n, s[0]);
	}
}

/* The NFC index (ma_idna_nfcblk, ma_idna_nfcpat) against the tables it
 * stands for, for every code point: the combining class as the class runs
 * say, the decomposition as a binary search of ma_idna_decomp finds it,
 * the first composition with cp first as one of ma_idna_comp finds it;
 * and ma_nfc_pair finds every composition, and none past the last second of
 * its first code point. */
static void nfc_index_agrees_with_the_tables(void **state)
{
	size_t nd = MA_NELEM(ma_idna_decomp), nc = MA_NELEM(ma_idna_comp), run = 0;

	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		uint32_t e = ma_idna_nfc_info(cp), d = 0, f = 0;
		unsigned ccc = ma_idna_ccc_tab[ma_idna_run(ma_idna_ccc_tab,
		                                           MA_NELEM(ma_idna_ccc_tab), cp, 8)] &
		               0xFF;
		size_t lo = 0, hi = nd;
		while (lo < hi) { /* the first decomposition of cp or above */
			size_t mid = lo + (hi - lo) / 2;
			if (ma_idna_decomp[mid][0] < cp)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nd && ma_idna_decomp[lo][0] == cp)
			d = (uint32_t)lo + 1;
		lo = 0;
		hi = nc;
		while (lo < hi) { /* the first composition with cp first or above */
			size_t mid = lo + (hi - lo) / 2;
			if (ma_idna_comp[mid][0] < cp)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < nc && ma_idna_comp[lo][0] == cp)
			f = (uint32_t)lo + 1;
		if ((e & 0xFF) != ccc || ((e >> 8) & 0xFFF) != d || e >> 20 != f)
			fail_msg("U+%04X: index class %u decomposition %u composition %u, tables "
			         "%u %u %u",
			         cp, e & 0xFF, (e >> 8) & 0xFFF, e >> 20, ccc, d, f);
	}
	for (size_t k = 0; k < nc; k++) {
		run = k > 0 && ma_idna_comp[k - 1][0] == ma_idna_comp[k][0] ? run + 1 : 1;
		assert_true(run <= MA_IDNA_COMP_MAX_RUN);
		assert_int_equal(ma_nfc_pair(ma_idna_comp[k][0], ma_idna_comp[k][1]),
		                 ma_idna_comp[k][2]);
		if (k + 1 == nc || ma_idna_comp[k + 1][0] != ma_idna_comp[k][0])
			assert_int_equal(/* past the run's last second */
			                 ma_nfc_pair(ma_idna_comp[k][0], ma_idna_comp[k][1] + 1),
			                 0);
	}
	assert_int_equal(ma_nfc_pair('e', 0x301), 0xE9);
	assert_int_equal(ma_nfc_pair(0xE9, 0x301), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(punycode_is_rfc3492s_on_random_labels),
	    cmocka_unit_test(row_flags_agree_with_the_properties),
	    cmocka_unit_test(nfc_leaves_strings_of_unflagged_code_points_alone),
	    cmocka_unit_test(a_host_whose_decomposition_does_not_fit_is_too_long),
	    cmocka_unit_test(nfc_index_agrees_with_the_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
