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
	return at_rnd(&rnd_state, n);
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
			int rtl = 0;
			for (size_t k = 0; k < ml; k++) {
				uint32_t mr = ma_idna_rows[ma_idna_row(map[k])];
				rtl |= ref_rtl(map[k]);
				/* the label check trusts them: valid, no joiner */
				if (map[k] != '.' && (((mr >> 3) & 7) != MA_IDNA_VALID ||
				                      map[k] == 0x200C || map[k] == 0x200D))
					fail_msg("U+%04X: maps to U+%04X, status %u", cp, map[k],
					         (mr >> 3) & 7);
			}
			if (!!(r & MA_IDNA_ROW_RTL) != rtl)
				fail_msg("U+%04X: RTL flag %u, its mapping's %d", cp, r & 2, rtl);
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
		} else if (r & 7) {
			fail_msg("U+%04X: flags on status %u", cp, st);
		}
		if (!!(r & MA_IDNA_ROW_ZW) !=
		    (st == MA_IDNA_VALID && (cp == 0x200C || cp == 0x200D)))
			fail_msg("U+%04X: ZW flag %u", cp, r & 4);
		/* ma_idna_map reads no row for ASCII: valid, A-Z mapped to
		 * a-z, no flag, nothing to decompose */
		if (cp < 0x80 &&
		    ((r & 7) != 0 || ext != 0 ||
		     (cp >= 'A' && cp <= 'Z' ? st != MA_IDNA_MAPPED || ml != 1 || map[0] != cp + 32
		                             : st != MA_IDNA_VALID)))
			fail_msg("U+%04X: the ASCII row is not what ma_idna_map assumes", cp);
	}
	assert_true(n_unflagged > 1000);
}

/* The bidi and mark index (ma_idna_bmblk, ma_idna_bmpat) against the
 * runs it stands for, for every code point; and no mark below U+0300
 * (ma_idna_is_mark does not look there). */
static void bidi_and_mark_index_agrees_with_the_runs(void **state)
{
	(void)state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		unsigned
		    bidi =
		        ma_idna_bidi[ma_idna_run(ma_idna_bidi, MA_NELEM(ma_idna_bidi), cp, 5)] & 31,
		    mark =
		        ma_idna_mark[ma_idna_run(ma_idna_mark, MA_NELEM(ma_idna_mark), cp, 1)] & 1;
		if ((unsigned)ma_idna_bidi_class(cp) != bidi || ma_idna_is_mark(cp) != (int)mark)
			fail_msg("U+%04X: index bidi %d mark %d, runs %u %u", cp,
			         ma_idna_bidi_class(cp), ma_idna_is_mark(cp), bidi, mark);
		if (cp < 0x300 && mark)
			fail_msg("U+%04X: a mark below U+0300", cp);
	}
}

/* The composite of a + b as ma_nfc_pair found it before its hash: a
 * binary search of ma_idna_comp. */
static uint32_t ref_pair(uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = MA_NELEM(ma_idna_comp);

	if (a >= MA_HANGUL_L && a < MA_HANGUL_L + 19 && b >= MA_HANGUL_V && b < MA_HANGUL_V + 21)
		return MA_HANGUL_S + ((a - MA_HANGUL_L) * 21 + (b - MA_HANGUL_V)) * 28;
	if (a >= MA_HANGUL_S && a < MA_HANGUL_S + MA_HANGUL_N && (a - MA_HANGUL_S) % 28 == 0 &&
	    b > MA_HANGUL_T && b < MA_HANGUL_T + 28)
		return a + (b - MA_HANGUL_T);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const uint32_t *e = ma_idna_comp[mid];
		if (e[0] == a && e[1] == b)
			return e[2];
		if (e[0] < a || (e[0] == a && e[1] < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* ma_nfc_pair (a hash) finds what a search finds: for every first and
 * second code point of the table crossed (most pairs are not in it),
 * Hangul jamo and syllables, and random pairs. */
static void the_composition_hash_finds_what_a_search_finds(void **state)
{
	static uint32_t first[1024], second[1024];
	size_t nf = 0, ns = 0;

	(void)state;
	for (size_t k = 0; k < MA_NELEM(ma_idna_comp); k++) {
		if (nf == 0 || first[nf - 1] != ma_idna_comp[k][0])
			first[nf++] = ma_idna_comp[k][0];
		second[ns++] = ma_idna_comp[k][1];
	}
	for (size_t i = 0; i < nf; i++)
		for (size_t j = 0; j < ns; j += 1 + (j % 3))
			if (ma_nfc_pair(first[i], second[j]) != ref_pair(first[i], second[j]))
				fail_msg("U+%04X U+%04X: %04X, the search %04X", first[i],
				         second[j], ma_nfc_pair(first[i], second[j]),
				         ref_pair(first[i], second[j]));
	for (uint32_t a = 0x1100; a < 0x1200; a++)
		for (uint32_t b = 0x1100; b < 0x1200; b++)
			assert_int_equal(ma_nfc_pair(a, b), ref_pair(a, b));
	for (uint32_t a = 0xAC00; a < 0xAC00 + 300; a++)
		for (uint32_t b = 0x1100; b < 0x1200; b++)
			assert_int_equal(ma_nfc_pair(a, b), ref_pair(a, b));
	for (int t = 0; t < 200000; t++) {
		uint32_t a = rnd(0x30000), b = t % 2 ? rnd(0x30000) : second[rnd((uint32_t)ns)];
		assert_int_equal(ma_nfc_pair(a, b), ref_pair(a, b));
	}
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

/* NFC as ma_idna.c wrote it before session 14: the whole decomposition
 * first, then canonical ordering, then composition. */
static int ref_nfc(const uint32_t *in, size_t n, uint32_t *out, size_t cap, size_t *olen)
{
	uint8_t cc[MA_URL_HOST_MAX];
	size_t d = 0, o = 0, starter = (size_t)-1;
	unsigned last = 0;

	if (cap > MA_URL_HOST_MAX)
		cap = MA_URL_HOST_MAX; /* the callers' buffers: never more */
	/* decomposition, and the class of each code point: read with the
	 * index entry that says it does not decompose (most do not) */
	for (size_t i = 0; i < n; i++) {
		uint32_t c = in[i], e = ma_idna_nfc_info(c);
		size_t from = d;
		if ((e & 0xFFF00u) == 0 && (c < MA_HANGUL_S || c >= MA_HANGUL_S + MA_HANGUL_N)) {
			if (d == cap)
				return MA_URL_TOO_LONG;
			cc[d] = (uint8_t)(e & 0xFF);
			out[d++] = c;
			continue;
		}
		if (ma_nfd_push(c, out, &d, cap))
			return MA_URL_TOO_LONG;
		for (size_t k = from; k < d; k++)
			cc[k] = (uint8_t)ma_idna_ccc(out[k]);
	}
	/* canonical ordering: a stable sort of each run of non-starters */
	for (size_t i = 1; i < d; i++) {
		uint32_t c = out[i];
		uint8_t k = cc[i];
		size_t j = i;
		if (k == 0)
			continue;
		while (j > 0 && cc[j - 1] > k) {
			out[j] = out[j - 1];
			cc[j] = cc[j - 1];
			j--;
		}
		out[j] = c;
		cc[j] = k;
	}
	/* composition, in place: o <= i always */
	for (size_t i = 0; i < d; i++) {
		uint32_t c = out[i];
		unsigned k = cc[i];
		if (starter != (size_t)-1 && (o - 1 == starter || (last != 0 && last < k))) {
			uint32_t p = ref_pair(out[starter], c);
			if (p) {
				out[starter] = p;
				continue;
			}
		}
		if (k == 0)
			starter = o;
		last = k;
		out[o++] = c;
	}
	*olen = o;
	return 0;
}

/* ma_nfc (one pass) against ref_nfc on random strings of starters,
 * marks of several classes, decomposable letters, Hangul syllables and
 * jamo, with random room: the same result and output. */
static void nfc_in_one_pass_is_the_three_passes(void **state)
{
	static const uint32_t pool[] = {
	    'a',    'e',    'A',    0xE9,    0xC5,    0x1E0A,  0x1EC7, 0x301,  0x300,  0x323,
	    0x302,  0x307,  0x31B,  0x338,   0x345,   0x3B1,   0x1F00, 0x1F82, 0x915,  0x93C,
	    0x94D,  0x958,  0xB47,  0xB3E,   0xB57,   0xCC6,   0xCD5,  0xCC2,  0x1100, 0x1161,
	    0x11A8, 0xAC00, 0xAC01, 0x1D15E, 0x1D165, 0x1D16E, 0x5B0,  0x5B8,  0x5D0,  0x2126,
	    0x212B, 0xF73,  0xF71,  0xF72,   0xF80,   0x309A,  0x304B, 0x3099, 0x30AB, 0x2ADC};
	uint32_t in[MA_URL_HOST_MAX], o1[MA_URL_HOST_MAX], o2[MA_URL_HOST_MAX];

	(void)state;
	for (int t = 0; t < 50000; t++) {
		size_t n = t % 10 ? 1 + rnd(40) : 1 + rnd(MA_URL_HOST_MAX), l1 = 0, l2 = 0;
		size_t cap = rnd(3) == 0 ? 1 + rnd(MA_URL_HOST_MAX) : MA_URL_HOST_MAX;
		int r1, r2;
		for (size_t i = 0; i < n; i++)
			in[i] = rnd(8) ? pool[rnd(MA_NELEM(pool))] : 0x300 + rnd(0x70);
		r1 = ma_nfc(in, n, o1, cap, &l1);
		r2 = ref_nfc(in, n, o2, cap, &l2);
		if (r1 != r2 || (r1 == 0 && (l1 != l2 || memcmp(o1, o2, l1 * sizeof *o1))))
			fail_msg("string %d (%zu code points, room %zu, U+%04X first): %d %zu, "
			         "expected %d %zu",
			         t, n, cap, in[0], r1, l1, r2, l2);
	}
}

/* Domain to ASCII as ma_idna.c wrote it before its fused pass (session
 * 14): every code point mapped through its row, NFC of the whole domain
 * when a row says it may change anything, every label checked whole by
 * ma_idna_valid, the processed labels kept, then the Bidi Rule and RFC
 * 3492's walk (ref_punycode) label by label. */
static int ref_to_ascii(const unsigned char *s, size_t n, char *out, size_t cap, size_t *olen)
{
	uint32_t mapped[MA_URL_HOST_MAX], cps[MA_URL_HOST_MAX], lab[MA_URL_HOST_MAX];
	size_t nm = 0, nc = 0, o = 0, i = 0, st, dext = 0;
	uint32_t flags = 0;
	int ascii = 1, bidi = 0, newer = 0, rc;

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
	/* UTS #46 processing, steps 1 and 2: map, then NFC */
	while (i < n) {
		uint32_t cp, r;
		size_t row, at = i;
		if (ma_utf8_next(s, n, &i, &cp))
			return -1;
		row = ma_idna_row(cp); /* cp <= U+10FFFF */
		r = ma_idna_rows[row];
		/* the statuses by how often they come: valid, ignored
		 * (soft hyphens, joiners), mapped, the rest */
		if (((r >> 3) & 7) == MA_IDNA_VALID) {
			if (nm + 1 > MA_NELEM(mapped))
				return MA_URL_TOO_LONG;
			mapped[nm++] = cp;
			flags |= r;
			dext += ma_idna_rowmap[row] >> 17;
		} else if (((r >> 3) & 7) == MA_IDNA_IGNORED) {
			/* and the same sequence again at once (a run of soft
			 * hyphens): 2 to 4 bytes, no ASCII is ignored */
			if (i < n && s[i] == s[at]) {
				size_t sl = i - at;
				while (i + sl <= n && s[i] == s[at] && s[i + 1] == s[at + 1] &&
				       (sl < 3 || s[i + 2] == s[at + 2]) &&
				       (sl < 4 || s[i + 3] == s[at + 3]))
					i += sl;
			}
		} else if (((r >> 3) & 7) == MA_IDNA_MAPPED) {
			size_t ml = (r >> 6) & 31;
			flags |= r;
			if (nm + ml > MA_NELEM(mapped))
				return MA_URL_TOO_LONG;
			memcpy(mapped + nm, ma_idna_pool + (ma_idna_rowmap[row] & 0x1FFFF),
			       ml * sizeof *mapped);
			nm += ml;
			dext += ma_idna_rowmap[row] >> 17;
		} else if (((r >> 3) & 7) == MA_IDNA_NEWER) {
			newer = 1;
		} else {
			return -1; /* disallowed */
		}
	}
	if (flags & MA_IDNA_ROW_NFC) {
		rc = ref_nfc(mapped, nm, cps, MA_NELEM(cps), &nc);
		if (rc)
			return rc;
	} else { /* every code point NFC_Quick_Check Yes, class 0: NFC already */
		/* but ma_nfc's decomposition (nm + dext code points, the
		 * rows say) may not fit: the same MA_URL_TOO_LONG as when it
		 * runs. Past the buffer it fails; at exactly its size a
		 * Hangul syllable near the end may fail it too (ma_nfd_push
		 * wants room for three), so that case decomposes. */
		if (nm + dext > MA_NELEM(cps))
			return MA_URL_TOO_LONG;
		if (nm + dext == MA_NELEM(cps)) {
			size_t d = 0;
			for (size_t k = 0; k < nm; k++)
				if (ma_nfd_push(mapped[k], cps, &d, MA_NELEM(cps)))
					return MA_URL_TOO_LONG;
		}
		memcpy(cps, mapped, nm * sizeof *cps);
		nc = nm;
	}
	/* steps 3 and 4, label by label: Punycode decoded, labels checked;
	 * the processed labels are kept in mapped (no longer than cps) */
	nm = 0;
	st = 0;
	for (size_t k = 0; k <= nc; k++) {
		const uint32_t *l = cps + st;
		size_t ln = k - st, dl;
		int puny = 0;
		if (k < nc && cps[k] != '.')
			continue;
		if (ln >= 4 && l[0] == 'x' && l[1] == 'n' && l[2] == '-' && l[3] == '-') {
			/* an ACE label: ASCII Punycode that is not empty and not
			 * all basic (UTS #46 15.1's rules, which ICU follows) */
			for (size_t q = 4; q < ln; q++)
				if (l[q] >= 0x80)
					return -1;
			rc = ma_punydecode(l + 4, ln - 4, lab, MA_NELEM(lab), &dl);
			if (rc)
				return rc;
			if (dl == 0)
				return -1;
			for (size_t q = 0; q < dl && lab[q] < 0x80; q++)
				if (q + 1 == dl)
					return -1;
			l = lab;
			ln = dl;
			puny = 1;
		}
		if (ln > 0) { /* and a label of R, AL or AN code points sets bidi */
			rc = ma_idna_valid(l, ln, puny, &bidi);
			if (rc)
				return rc;
		}
		if (nm + ln + 1 > MA_NELEM(mapped))
			return MA_URL_TOO_LONG;
		memcpy(mapped + nm, l, ln * sizeof *l);
		nm += ln;
		mapped[nm++] = '.';
		st = k + 1;
	}
	/* the Bidi Rule on every label of a domain with an RTL label, then
	 * ToASCII: Punycode for the labels that are not ASCII */
	st = 0;
	for (size_t k = 0; k < nm; k++) {
		const uint32_t *l = mapped + st;
		size_t ln = k - st;
		int nonascii = 0;
		if (mapped[k] != '.')
			continue;
		if (bidi && !ma_idna_bidi_ok(l, ln))
			newer = 1; /* WHATWG fails; a laxer client fetches it */
		for (size_t q = 0; q < ln; q++)
			if (l[q] >= 0x80)
				nonascii = 1;
		if (nonascii) {
			size_t w;
			if (o + 5 >= cap)
				return MA_URL_TOO_LONG;
			memcpy(out + o, "xn--", 4);
			o += 4;
			w = ref_punycode(l, ln, out + o, cap - o);
			if (!w)
				return MA_URL_TOO_LONG;
			o += w;
		} else {
			for (size_t q = 0; q < ln; q++) {
				if (o + 1 >= cap)
					return MA_URL_TOO_LONG;
				out[o++] = (char)l[q];
			}
		}
		if (k + 1 < nm) {
			if (o + 1 >= cap)
				return MA_URL_TOO_LONG;
			out[o++] = '.';
		}
		st = k + 1;
	}
	out[o] = '\0';
	*olen = o;
	return newer ? MA_URL_IDNA_NEWER : 0;
}

/* A code point for a random domain: from a pool of the cases the steps
 * tell apart (ASCII and its capitals, dots and their look-alikes, marks
 * that compose and reorder, joiners after viramas and between joining
 * letters, right-to-left letters and digits, Hangul, mapped, ignored and
 * disallowed ones), from one of a few, a combining mark, an ideograph,
 * Hangul, Arabic, or any. */
static uint32_t rnd_domain_cp(int mode, const uint32_t *few)
{
	static const uint32_t pool[] = {
	    'a',     'b',     'x',    'n',    '-',    '.',     '1',     'A',     'Z',    'e',
	    0xDF,    0x3C2,   0xE9,   0xFC,   0xC5,   0x301,   0x300,   0x323,   0x307,  0x338,
	    0x302,   0x31B,   0x5D0,  0x5D1,  0x627,  0x628,   0x64A,   0x660,   0x661,  0x6F0,
	    0x64E,   0x200C,  0x200D, 0x94D,  0x915,  0x93E,   0x93C,   0x1100,  0x1161, 0x11A8,
	    0xAC00,  0xAC01,  0xFF21, 0xFF41, 0xFF0E, 0x3002,  0xAD,    0xFB01,  0x2488, 0x200E,
	    0x1D400, 0x24B6,  0xE31,  0x1B44, 0xA8C4, 0x375,   0x1D165, 0x958,   0x212B, 0x2126,
	    0x1E9E,  0xFB1D,  0xFB50, 0xFDFA, 0x180E, 0x206A,  0x4E00,  0x20000, 0xB47,  0xB3E,
	    0xF73,   0xE0100, 0x1E9B, 0x1D6,  0x345,  0x10FFFD};
	uint32_t c;

	switch (mode) {
	case 0:
		return pool[rnd(MA_NELEM(pool))];
	case 1:
		return few[rnd(6)];
	case 2:
		return 0x300 + rnd(0x70);
	case 3:
		return 0x4E00 + rnd(0x5000);
	case 4:
		return 0xAC00 + rnd(MA_HANGUL_N);
	case 5:
		return 0x600 + rnd(0x100);
	case 6:
		c = 0x80 + rnd(0x30000 - 0x80);
		return c >= 0xD800 && c < 0xE000 ? 'q' : c;
	default:
		return 'a' + rnd(26);
	}
}

static size_t put_utf8(unsigned char *b, size_t o, uint32_t cp)
{
	if (cp < 0x80) {
		b[o++] = (unsigned char)cp;
	} else if (cp < 0x800) {
		b[o++] = (unsigned char)(0xC0 | cp >> 6);
		b[o++] = (unsigned char)(0x80 | (cp & 63));
	} else if (cp < 0x10000) {
		b[o++] = (unsigned char)(0xE0 | cp >> 12);
		b[o++] = (unsigned char)(0x80 | ((cp >> 6) & 63));
		b[o++] = (unsigned char)(0x80 | (cp & 63));
	} else {
		b[o++] = (unsigned char)(0xF0 | cp >> 18);
		b[o++] = (unsigned char)(0x80 | ((cp >> 12) & 63));
		b[o++] = (unsigned char)(0x80 | ((cp >> 6) & 63));
		b[o++] = (unsigned char)(0x80 | (cp & 63));
	}
	return o;
}

/* ma_idna_to_ascii (one pass mapping, NFC of the runs that need it,
 * labels checked where their rows cannot answer, Punycode as it goes)
 * against ref_to_ascii on random domains: short and up to past
 * MA_URL_HOST_MAX bytes, with runs of one code point, ACE labels (some
 * broken) and random room; the same result, and the same output when it
 * succeeds. */
static void domain_to_ascii_is_the_plain_algorithms_on_random_domains(void **state)
{
	static unsigned char b[1400];
	char o1[MA_URL_HOST_MAX + 1], o2[MA_URL_HOST_MAX + 1];
	int ok = 0;

	(void)state;
	for (int t = 0; t < 30000; t++) {
		size_t n = 0, lim = rnd(4) ? 1 + rnd(80) : 300 + rnd(300), l1 = 0, l2 = 0, cap;
		uint32_t few[6], modes = 1 + rnd(255);
		int r1, r2;
		if (rnd(2))
			modes &= 0xBE; /* no pool, no random code point: more pass */
		if (modes == 0)
			modes = 0x80;
		for (int k = 0; k < 6; k++)
			few[k] = rnd_domain_cp((int)rnd(7), few);
		while (n + 4 < lim && n + 4 < sizeof b) {
			uint32_t mode, c;
			do
				mode = rnd(8);
			while (!(modes >> mode & 1));
			c = rnd_domain_cp((int)mode, few);
			if (rnd(40) == 0) { /* an ACE label, sometimes broken */
				unsigned char lb[160];
				char ace[MA_URL_HOST_MAX];
				size_t ln = 0, al = 0;
				for (int k = 1 + (int)rnd(30); k > 0; k--)
					ln = put_utf8(lb, ln, rnd_domain_cp((int)rnd(8), few));
				if (ref_to_ascii(lb, ln, ace, sizeof ace, &al) == 0 &&
				    n + al + 1 < sizeof b) {
					if (rnd(5) == 0 && al > 5)
						ace[4 + rnd((uint32_t)al - 4)] = "a9-.Z"[rnd(5)];
					memcpy(b + n, ace, al);
					n += al;
					continue;
				}
			}
			for (int k = rnd(30) == 0 ? (int)rnd(100) : 1; k > 0 && n + 4 < sizeof b;
			     k--)
				n = put_utf8(b, n, c);
			if (rnd(12) == 0)
				b[n++] = '.';
		}
		cap = rnd(4) == 0 ? 1 + rnd(MA_URL_HOST_MAX) : MA_URL_HOST_MAX;
		r1 = ma_idna_to_ascii(b, n, o1, cap, &l1);
		r2 = ref_to_ascii(b, n, o2, cap, &l2);
		if (r1 != r2 ||
		    ((r1 == 0 || r1 == MA_URL_IDNA_NEWER) && (l1 != l2 || memcmp(o1, o2, l1 + 1))))
			fail_msg("domain %d (%zu bytes, room %zu): %d %.*s, expected %d %.*s", t, n,
			         cap, r1, r1 ? 0 : (int)l1, o1, r2, r2 ? 0 : (int)l2, o2);
		ok += r1 == 0;
	}
	assert_true(ok > 3000); /* enough of them pass to compare the output */
}

/* ma_idna_map reads three-byte UTF-8 itself: every lead byte E0..EF with
 * every pair of following bytes (continuation or not, overlong,
 * surrogates), whole and cut short, after a letter, gives what the plain
 * algorithm (ma_utf8_next) gives. */
static void every_three_byte_sequence_reads_as_utf8_next_reads_it(void **state)
{
	char o1[MA_URL_HOST_MAX], o2[MA_URL_HOST_MAX];
	static const unsigned char other[] = {0x00, 0x41, 0x7F, 0xC0, 0xE0, 0xF0, 0xFF};

	(void)state;
	for (unsigned lead = 0xE0; lead <= 0xEF; lead++)
		for (unsigned b1 = 0; b1 < 0x40 + MA_NELEM(other); b1++)
			for (unsigned b2 = 0; b2 < 0x40 + MA_NELEM(other); b2++) {
				unsigned char in[5] = {
				    'a', (unsigned char)lead,
				    (unsigned char)(b1 < 0x40 ? 0x80 + b1 : other[b1 - 0x40]),
				    (unsigned char)(b2 < 0x40 ? 0x80 + b2 : other[b2 - 0x40]), 'b'};
				for (size_t n = 2; n <= 5; n++) {
					size_t l1 = 0, l2 = 0;
					int r1 = ma_idna_to_ascii(in, n, o1, sizeof o1, &l1),
					    r2 = ref_to_ascii(in, n, o2, sizeof o2, &l2);
					if (r1 != r2 || ((r1 == 0 || r1 == MA_URL_IDNA_NEWER) &&
					                 (l1 != l2 || memcmp(o1, o2, l1 + 1))))
						fail_msg(
						    "%02X %02X %02X (%zu bytes): %d, expected %d",
						    in[1], in[2], in[3], n, r1, r2);
				}
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(punycode_is_rfc3492s_on_random_labels),
	    cmocka_unit_test(row_flags_agree_with_the_properties),
	    cmocka_unit_test(nfc_leaves_strings_of_unflagged_code_points_alone),
	    cmocka_unit_test(a_host_whose_decomposition_does_not_fit_is_too_long),
	    cmocka_unit_test(nfc_index_agrees_with_the_tables),
	    cmocka_unit_test(bidi_and_mark_index_agrees_with_the_runs),
	    cmocka_unit_test(the_composition_hash_finds_what_a_search_finds),
	    cmocka_unit_test(nfc_in_one_pass_is_the_three_passes),
	    cmocka_unit_test(domain_to_ascii_is_the_plain_algorithms_on_random_domains),
	    cmocka_unit_test(every_three_byte_sequence_reads_as_utf8_next_reads_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
