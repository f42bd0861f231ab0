/* libmoatagent: the column pass's byte and word tests (ma_sql_col.c,
 * sqlcost4): col_name_byte (a table) answers what the comparisons it
 * replaced answer for every byte, and col_word (an inline comparison)
 * what strlen + strncasecmp answered, for every keyword the pass asks
 * about against words of each length in three cases and with each byte
 * changed to the bytes around letters. ma_sql_col.c is compiled here
 * (its functions are static), so libmoatagent's copy is not linked. */
#include "../lib/ma_sql_col.c"

#include <strings.h>

#include "agent_test.h"

static int old_name_byte(char c)
{
	const unsigned char u = (unsigned char)c;
	return ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || (u >= '0' && u <= '9') || u == '_' ||
	       u == '$' || u >= 0x80;
}

static int old_word(const char *w, size_t n, const char *lw)
{
	return strlen(lw) == n && strncasecmp(w, lw, n) == 0;
}

static void every_byte_continues_a_name_as_before(void **state)
{
	int yes = 0;

	(void)state;
	for (int c = 0; c < 256; c++) {
		if (col_name_byte((char)c) != old_name_byte((char)c))
			fail_msg("byte 0x%02x: %d, not %d", c, col_name_byte((char)c),
			         old_name_byte((char)c));
		yes += old_name_byte((char)c);
	}
	assert_int_equal(yes, 10 + 26 + 26 + 2 + 128);
}

static void every_word_compares_as_strncasecmp_did(void **state)
{
	static const char *const kws[] = {
	    "end",   "case",      "between",  "symmetric", "asymmetric", "date",
	    "time",  "timestamp", "interval", "in",        "and",        "like",
	    "ilike", "rlike",     "regexp",   "glob",      "collate",    "as",
	    "null",  "true",      "false",    "left",      "right",      "replace",
	    "if",    "x",         "is",       "not",       "from"};
	static const unsigned char bytes[] = {'a', 'z', 'A', 'Z', 'e', 'E', 'i',  'I',  '@',  '[',
	                                      '`', '{', '0', '_', 0,   ' ', 0x80, 0xc1, 0xe9, 0xff};
	char w[16];
	size_t same = 0;

	(void)state;
	for (size_t k = 0; k < sizeof kws / sizeof kws[0]; k++) {
		size_t n = strlen(kws[k]);
		for (int c = 0; c < 3; c++) {
			for (size_t i = 0; i < n; i++) {
				char x = kws[k][i];
				w[i] = c == 0 || (c == 2 && i % 2) ? x : (char)(x - 32);
			}
			assert_true(col_word(w, n, kws[k]));
			for (size_t m = 0; m <= n + 1 && m < sizeof w; m++)
				assert_int_equal(col_word(w, m, kws[k]), old_word(w, m, kws[k]));
			for (size_t i = 0; i < n; i++) {
				char keep = w[i];
				for (size_t j = 0; j < sizeof bytes; j++) {
					w[i] = (char)bytes[j];
					assert_int_equal(col_word(w, n, kws[k]),
					                 old_word(w, n, kws[k]));
					same += old_word(w, n, kws[k]);
				}
				w[i] = keep;
			}
		}
	}
	assert_true(same > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_byte_continues_a_name_as_before),
	    cmocka_unit_test(every_word_compares_as_strncasecmp_did),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
