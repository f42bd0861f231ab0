/* libmoatagent: the path check's scans (ma_path.c, sixteen bytes at a
 * time with SSE2 here) against byte loops: the test of the application's
 * part (ma_path_plain: no '%', NUL or byte >= 0xC0, 128 bytes to a test),
 * the test for an escape that decodes (ma_path_has_escape) and the decoder
 * (ma_path_decode: its runs between escapes sixteen bytes at a time), on
 * every length 0..300 with each byte that matters at every place, and on
 * random texts drawn from those bytes. ma_path.c is compiled here (its functions
 * are static), so libmoatagent's copy is not linked;
 * test_agent_path_scan_swar.c builds it with MA_PATH_SWAR. */
#include "../lib/ma_path.c"

#include "agent_path_ref.h"
#include "agent_test.h"

static int ref_plain(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == '%' || p[i] == 0 || p[i] >= 0xC0)
			return 0;
	return 1;
}

static int ref_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int ref_has_escape(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '%')
			continue;
		if (i + 2 < n && ref_hex(p[i + 1]) && ref_hex(p[i + 2]))
			return 1;
		if (i + 5 < n && (p[i + 1] == 'u' || p[i + 1] == 'U') && ref_hex(p[i + 2]) &&
		    ref_hex(p[i + 3]) && ref_hex(p[i + 4]) && ref_hex(p[i + 5]))
			return 1;
	}
	return 0;
}

static void same_decode(const unsigned char *b, size_t n)
{
	char d[1024];
	unsigned char r[1024];

	for (int pct = 0; pct < 2; pct++) {
		size_t l = ref_path_decode(b, n, r, pct);
		if (ma_path_decode((const char *)b, n, d, pct) != l || memcmp(d, r, l) != 0)
			fail_msg("decode: %zu bytes, pct %d", n, pct);
	}
}

static void same(const unsigned char *b, size_t n)
{
	if (ma_path_plain((const char *)b, n) != ref_plain(b, n))
		fail_msg("plain: %zu bytes, %d", n, ref_plain(b, n));
	if (ma_path_has_escape((const char *)b, n) != ref_has_escape(b, n))
		fail_msg("has_escape: %zu bytes, %d", n, ref_has_escape(b, n));
}

/* the bytes the scans look at and their neighbours */
static const unsigned char specials[] = {'%',  0,    0xC0, 0xBF, 0xFF, 0xC1, 0x01, 0x40,
                                         0x3F, 0x24, 0x26, 0x80, 0x7F, 'u',  'U',  'f',
                                         'F',  'g',  '0',  '9',  'a',  '/',  '.'};
#define NSPECIALS (sizeof specials / sizeof specials[0])

static void each_byte_at_each_place_alike(void **state)
{
	static unsigned char b[320];

	(void)state;
	for (size_t n = 0; n <= 300; n++) {
		memset(b, 'd', n);
		same(b, n);
		for (size_t k = 0; k < n; k++)
			for (size_t s = 0; s < NSPECIALS; s++) {
				b[k] = specials[s];
				same(b, n);
				/* an escape that starts there, whole or cut by the end */
				if (specials[s] == '%' && k + 2 < n) {
					b[k + 1] = 'a';
					b[k + 2] = '0';
					same(b, n);
					b[k + 1] = 'u';
					same(b, n);
					b[k + 1] = b[k + 2] = 'd';
				}
				b[k] = 'd';
			}
	}
}

/* an escape, an overlong form (escaped or not) or a '%' that is none, at
 * every place of every length, among letters and among escapes */
static void escapes_at_each_place_decode_alike(void **state)
{
	static const char *const pieces[] = {"%2e", "%2F",    "%c0%af", "%C1%9c",   "%c0%2f",
	                                     "%",   "%u002e", "%zz",    "\xc0\xae", "%c0"};
	static unsigned char b[400];

	(void)state;
	for (size_t n = 0; n <= 120; n++)
		for (size_t k = 0; k < n; k++)
			for (size_t pi = 0; pi < sizeof pieces / sizeof pieces[0]; pi++)
				for (int fill = 0; fill < 2; fill++) {
					size_t l = strlen(pieces[pi]), m = 0;
					for (; m < k;
					     m++) /* letters, or escapes one after the other */
						b[m] = fill ? (unsigned char)"%2e"[m % 3] : 'd';
					memcpy(b + m, pieces[pi], l);
					m += l;
					for (; m < n + l; m++)
						b[m] = fill ? (unsigned char)"%41"[(m - k - l) % 3]
						            : 'e';
					same_decode(b, m);
				}
}

static void every_byte_value_alike(void **state)
{
	unsigned char b[200];

	(void)state;
	for (unsigned v = 0; v < 256; v++)
		for (size_t n = 1; n <= sizeof b; n += 13) {
			memset(b, 'x', n);
			b[n - 1] = (unsigned char)v;
			same(b, n);
			b[n - 1] = 'x';
			b[n / 2] = (unsigned char)v;
			same(b, n);
		}
}

static uint64_t rnd_state = 0x2545F4914F6CDD1Dull;

static unsigned rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

static void random_texts_alike(void **state)
{
	static unsigned char b[600];

	(void)state;
	for (int t = 0; t < 100000; t++) {
		size_t n = rnd(sizeof b);
		unsigned rare = 1 + rnd(400); /* one special byte in about rare */
		for (size_t i = 0; i < n; i++)
			b[i] = rnd(rare) == 0 ? specials[rnd(NSPECIALS)]
			                      : (unsigned char)('a' + rnd(26));
		same(b, n);
		if (t % 4 == 0)
			same_decode(b, n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(each_byte_at_each_place_alike),
	    cmocka_unit_test(escapes_at_each_place_decode_alike),
	    cmocka_unit_test(every_byte_value_alike),
	    cmocka_unit_test(random_texts_alike),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
