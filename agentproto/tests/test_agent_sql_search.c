/* libmoatagent: the searches of the sql_injection check's token cache
 * (ma_sql.c's ma_sql_gallop: the first token that starts at or after a
 * byte, or ends after it, searched outward from a hint) against a scan
 * of every token, on statements lexed in each dialect, from every hint,
 * for every byte; and its keyword search (ma_kw_id) against a
 * comparison with every name. ma_sql.c is compiled here (its functions are static),
 * so libmoatagent's copy is not linked. */
#include "../lib/ma_sql.c"

#include "agent_test.h"

/* The first i in [lo, n] where t[i] starts at or after x (by_start) or
 * ends after it, token by token. */
static int scan_cut(const struct ma_sql_tok *t, int lo, int n, size_t x, int by_start)
{
	for (int i = lo; i < n; i++)
		if (by_start ? t[i].start >= x : t[i].end > x)
			return i;
	return n;
}

static void the_search_from_any_hint_finds_the_first_token(void **state)
{
	static const char *const sqls[] = {
	    "SELECT * FROM t WHERE a = 'x' AND b = 1 + 1 + (2) OR c LIKE '%a%' -- c\n"
	    "AND d = \"q\" /* c */ ORDER BY 1",
	    "x'*'' AND b = 'x'*'' AND c = ---1;#\n(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-1",
	    "",
	    "1",
	    "  ",
	    "a  b   c"};
	static struct ma_sql_tok t[512];

	(void)state;
	for (size_t si = 0; si < sizeof sqls / sizeof sqls[0]; si++)
		for (int d = 1; d <= 3; d++) {
			struct ma_sql_lexer lx;
			size_t len = strlen(sqls[si]);
			int n;
			ma_sql_lex_init(&lx, d, sqls[si], len);
			n = (int)ma_sql_lex_run(&lx, t, sizeof t / sizeof t[0]);
			for (int lo = 0; lo <= n; lo++)
				for (int hint = lo; hint <= n; hint++)
					for (size_t x = 0; x <= len + 1; x++)
						for (int by = 0; by <= 1; by++) {
							int want = scan_cut(t, lo, n, x, by);
							int got =
							    ma_sql_gallop(t, lo, n, hint, x, by);
							if (got != want)
								fail_msg(
								    "\"%s\" (dialect %d), tokens "
								    "[%d, %d), hint %d, byte %zu, "
								    "%s: %d, not %d",
								    sqls[si], d, lo, n, hint, x,
								    by ? "start" : "end", got,
								    want);
						}
		}
}

/* The keyword a word is, by comparing it with every name (KW_NONE: none). */
static int scan_kw(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof ma_kws / sizeof ma_kws[0]; i++)
		if (ma_word_cmp(w, n, ma_kws[i].name) == 0)
			return ma_kws[i].id;
	return KW_NONE;
}

/* ma_kw_id (a binary search of the names, none for a word that does not
 * start with a letter) finds what a comparison with every name finds: for
 * every name in three cases, with each byte changed to each of the bytes
 * around letters, digits and '_', and for random words of those bytes. */
static void the_keyword_search_finds_what_a_scan_of_the_names_finds(void **state)
{
	static const unsigned char bytes[] = {
	    'a',  'z', 'A', 'Z',     'm',     'o',     'e',     '@',        '[',
	    '`',  '{', '0', '9',     '_',     '$',     0x80,    0xc1,       0xe1,
	    0xff, 0,   ' ', 'A' - 1, 'Z' + 1, 'a' - 1, 'z' + 1, 'a' ^ 0x80, 'z' ^ 0x80};
	uint64_t seed = 0x6a09e667f3bcc909ULL;
	char w[16];
	size_t named = 0;

	(void)state;
	for (size_t i = 0; i < sizeof ma_kws / sizeof ma_kws[0]; i++) {
		size_t n = strlen(ma_kws[i].name);
		assert_true(n < sizeof w);
		for (int c = 0; c < 3; c++) {
			for (size_t k = 0; k < n; k++) {
				char x = ma_kws[i].name[k];
				w[k] = c == 0 || (c == 2 && k % 2)
				           ? x
				           : (char)(x >= 'a' && x <= 'z' ? x - 32 : x);
			}
			assert_int_equal(ma_kw_id(w, n), ma_kws[i].id);
			named += ma_kws[i].id != KW_NONE;
			for (size_t k = 0; k < n; k++) {
				char keep = w[k];
				for (size_t j = 0; j < sizeof bytes; j++) {
					w[k] = (char)bytes[j];
					assert_int_equal(ma_kw_id(w, n), scan_kw(w, n));
				}
				w[k] = keep;
			}
		}
	}
	assert_true(named > 100);
	for (int round = 0; round < 200000; round++) {
		size_t n = at_rnd(&seed, 12);
		for (size_t k = 0; k < n; k++)
			w[k] = (char)bytes[at_rnd(&seed, sizeof bytes)];
		assert_int_equal(ma_kw_id(w, n), scan_kw(w, n));
	}
}

/* ma_kw_id's two-byte words (sqlcost4: a switch of ma_kws's two-letter
 * names, not the search) are what a comparison with every name finds,
 * for every pair of bytes; and the switch holds every two-letter name. */
static void every_two_byte_word_is_the_keyword_the_names_say(void **state)
{
	size_t two = 0, found = 0;
	char w[2];

	(void)state;
	for (unsigned x = 0; x < 65536; x++) {
		w[0] = (char)(x >> 8);
		w[1] = (char)x;
		if (ma_kw_id(w, 2) != scan_kw(w, 2))
			fail_msg("\"%c%c\" (0x%02x 0x%02x): %d, not %d", w[0], w[1], x >> 8,
			         x & 255, ma_kw_id(w, 2), scan_kw(w, 2));
		found += ma_kw_id(w, 2) != KW_NONE;
	}
	for (size_t i = 0; i < sizeof ma_kws / sizeof ma_kws[0]; i++)
		two += strlen(ma_kws[i].name) == 2;
	assert_true(two >= 8);
	assert_int_equal(found, two * 4); /* (each in four cases) */
}

/* ma_kw_first (sqlcost2: the names of each first letter, which ma_kw_id
 * searches) bounds exactly the names that start with that letter, and
 * ends where the names do. */
static void the_first_letter_bounds_hold_exactly_that_letters_names(void **state)
{
	const size_t n = sizeof ma_kws / sizeof ma_kws[0];

	(void)state;
	assert_int_equal(ma_kw_first[0], 0);
	assert_int_equal(ma_kw_first[26], n);
	for (size_t i = 0; i < n; i++) {
		const unsigned l = (unsigned char)ma_kws[i].name[0] - 'a';
		assert_true(l < 26);
		assert_true(ma_kw_first[l] <= i && i < ma_kw_first[l + 1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_search_from_any_hint_finds_the_first_token),
	    cmocka_unit_test(the_keyword_search_finds_what_a_scan_of_the_names_finds),
	    cmocka_unit_test(the_first_letter_bounds_hold_exactly_that_letters_names),
	    cmocka_unit_test(every_two_byte_word_is_the_keyword_the_names_say),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
