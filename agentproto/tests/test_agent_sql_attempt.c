/* libmoatagent: sql_injection's scan of an input's bytes (ma_sql.c's
 * ma_sql_bytes_sum: many bytes at a time, SSE2 here) against its byte
 * loop (ma_sql_bytes_sum_bytes), every answer (the attempt rule's pre-scan,
 * strict and not, and the number-place pass's), on every length 0..80
 * with each byte that matters at every place, alone, in pairs and after
 * letters, on bytes from 0x80 up, and on random inputs drawn from those
 * bytes (up to 1,100). ma_sql.c is compiled here (its functions are
 * static), so libmoatagent's copy is not linked;
 * test_agent_sql_attempt_swar.c builds it with MA_SQL_SWAR. */
#include "../lib/ma_sql.c"

#include "agent_test.h"

/* the attempt rule's question, as ma_sql_attempt asks it */
static int attempt_possible(const char *x, size_t n, int strict)
{
	return (ma_sql_bytes_sum(x, n) & (strict ? MA_SQL_B_SIGN : MA_SQL_B_LOOSE)) != 0;
}

static int attempt_possible_bytes(const char *x, size_t n, int strict)
{
	return (ma_sql_bytes_sum_bytes(x, n) & (strict ? MA_SQL_B_SIGN : MA_SQL_B_LOOSE)) != 0;
}

static void same(const unsigned char *b, size_t n)
{
	unsigned want = ma_sql_bytes_sum_bytes((const char *)b, n);
	unsigned got = ma_sql_bytes_sum((const char *)b, n);

	if (got != want) {
		char hex[3 * 96 + 1];
		size_t k;
		for (k = 0; k < n && k < 96; k++)
			snprintf(hex + 3 * k, 4, "%02x ", b[k]);
		hex[3 * k] = 0;
		fail_msg("%zu bytes [%s]: %#x, not %#x", n, hex, got, want);
	}
}

/* the bytes the scan looks at, their neighbours, and bytes from 0x80 up
 * (0xc1..0xda and 0xdf are letters and '_' with the high bit set) */
static const unsigned char specials[] = {
    ';',  '(',  '@',  '/',  '*',  '|',  '&',  '=',  '<',  '>',     '!',  '_',
    'a',  'z',  'A',  'Z',  '`',  '{',  '@',  '[',  '^',  ';' - 1, ':',  '\'',
    '"',  '%',  '0',  '9',  ' ',  0,    0x7f, 0x80, 0xc1, 0xda,    0xdf, 0xe1,
    0xfa, 0xff, 0xbc, 0xbd, 0xa8, 0xbb, 0xc0, 0xfc, 0xa6, 0xa1,    0x3b, 0x3f};
#define NSPECIALS (sizeof specials / sizeof specials[0])

static void each_byte_at_each_place_alike(void **state)
{
	unsigned char b[80];

	(void)state;
	for (size_t n = 0; n <= 80; n++) {
		for (int fill = 0; fill < 3; fill++) {
			static const unsigned char fills[] = {'1', '\'', 0x90};
			memset(b, fills[fill], sizeof b);
			same(b, n);
			/* one byte of each kind at every place */
			for (size_t i = 0; i < n; i++)
				for (size_t s = 0; s < NSPECIALS; s++) {
					memset(b, fills[fill], sizeof b);
					b[i] = specials[s];
					same(b, n);
					/* and a second right after it */
					for (size_t s2 = 0; i + 1 < n && s2 < NSPECIALS; s2++) {
						b[i + 1] = specials[s2];
						same(b, n);
					}
				}
		}
	}
}

static void every_byte_value_alike(void **state)
{
	unsigned char b[80];

	(void)state;
	for (size_t n = 1; n <= 34; n++)
		for (unsigned v = 0; v < 256; v++)
			for (size_t i = 0; i < n; i++) {
				/* v beside a letter, a '@', a '/', a '|' */
				static const unsigned char fills[] = {'x', '@', '/', '|', '*', '-'};
				for (size_t f = 0; f < sizeof fills; f++) {
					memset(b, ' ', sizeof b);
					if (i > 0)
						b[i - 1] = fills[f];
					b[i] = (unsigned char)v;
					if (i + 1 < n)
						b[i + 1] = fills[f];
					same(b, n);
				}
				/* v everywhere but a '=' at i (a comparison), with || */
				memset(b, (int)v, sizeof b);
				b[i] = '=';
				same(b, n);
			}
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static unsigned rnd(unsigned m)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % m);
}

static void random_inputs_alike(void **state)
{
	unsigned char b[1100];

	(void)state;
	for (int r = 0; r < 100000; r++) {
		size_t n = rnd(8) == 0 ? rnd(1100) : rnd(81);
		/* few letters and signs, so that most inputs are scanned whole */
		unsigned sparse = 1 + rnd(64);
		for (size_t i = 0; i < n; i++)
			b[i] = rnd(sparse) == 0 ? specials[rnd(NSPECIALS)]
			       : rnd(2)         ? (unsigned char)"1'%\"- 0.,"[rnd(10)]
			                        : (unsigned char)rnd(256);
		same(b, n);
	}
}

/* Without a word, ';', @@ or / *, a '(' or '{' makes the attempt rule
 * fire only after || or && (a condition that compares or calls there):
 * an input of quotes, %-escapes and parentheses alone is not lexed in its
 * readings. */
static void a_parenthesis_counts_only_after_a_logical_operator(void **state)
{
	static const struct {
		const char *x;
		int loose, strict;
	} cases[] = {
	    {"1'%27\"%22(", 0, 0},  {"((((((((((((((((((((", 0, 0},
	    {"{d '1'}", 0, 0},      {"1\"||(1)||\"", 1, 0},
	    {"1\"&&(\"", 1, 0},     {"1\"||{d '1'}||\"", 1, 0},
	    {"1\"||1=1||\"", 1, 0}, {"1\"||1||\"", 0, 0},
	    {"1\";(\"", 1, 1},
	};
	char b[400];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].x);
		assert_int_equal(attempt_possible_bytes(cases[i].x, n, 0), cases[i].loose);
		assert_int_equal(attempt_possible_bytes(cases[i].x, n, 1), cases[i].strict);
		/* the same twenty times over: many windows */
		for (size_t k = 0; k < 20; k++)
			memcpy(b + k * n, cases[i].x, n);
		assert_int_equal(attempt_possible(b, 20 * n, 0), cases[i].loose);
		assert_int_equal(attempt_possible(b, 20 * n, 1), cases[i].strict);
	}
}

/* The number-place pass's question: a letter (or '_') or one of
 * = < > ! | (the first bytes of comparisons and of MySQL's ||); numbers
 * and arithmetic alone answer no, whatever their length. */
static void the_number_place_question_is_letters_and_comparisons(void **state)
{
	static const struct {
		const char *x;
		int num;
	} cases[] = {
	    {"2+2", 0},   {"-1", 0},      {"19.99", 0},     {"(1 + 2) * 3", 0}, {"1'%27\"%22(", 0},
	    {"1<>2", 1},  {"1 or id", 1}, {"7 || -5", 1},   {"1!", 1},          {"x", 1},
	    {"1_000", 1}, {"1e5", 1},     {"0 = 0 - 0", 1},
	};
	char b[400];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].x);
		assert_int_equal((ma_sql_bytes_sum_bytes(cases[i].x, n) & MA_SQL_B_NUM) != 0,
		                 cases[i].num);
		for (size_t k = 0; k < 20; k++)
			memcpy(b + k * n, cases[i].x, n);
		assert_int_equal((ma_sql_bytes_sum(b, 20 * n) & MA_SQL_B_NUM) != 0, cases[i].num);
	}
}

/* ma_sql_attempt does not decode an input whose only escapes are '+'
 * (no '%', no overlong C0 / C1 pair) when the pre-scan finds nothing in
 * it as written: a space, like '+', is in none of its signs, so the
 * decoding's answer is the input's. Random inputs of the bytes that
 * matter, '+' and spaces among them. */
static void a_decoding_of_pluses_only_changes_no_answer(void **state)
{
	unsigned char b[300];
	char d[300];

	(void)state;
	for (int round = 0; round < 100000; round++) {
		size_t n = rnd(8) == 0 ? rnd(300) : rnd(40), m;
		for (size_t i = 0; i < n; i++) {
			do
				b[i] = rnd(3) == 0   ? (unsigned char)"+ "[rnd(2)]
				       : rnd(2) == 0 ? specials[rnd(NSPECIALS)]
				                     : (unsigned char)rnd(256);
			while (b[i] == '%' || b[i] == 0xC0 || b[i] == 0xC1);
		}
		m = ma_url_decode((const char *)b, n, d);
		for (int strict = 0; strict <= 1; strict++)
			if (attempt_possible((const char *)b, n, strict) !=
			    attempt_possible(d, m, strict))
				fail_msg("round %d, %zu bytes, strict %d: the decoding answers "
				         "otherwise",
				         round, n, strict);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(each_byte_at_each_place_alike),
	    cmocka_unit_test(every_byte_value_alike),
	    cmocka_unit_test(random_inputs_alike),
	    cmocka_unit_test(a_parenthesis_counts_only_after_a_logical_operator),
	    cmocka_unit_test(the_number_place_question_is_letters_and_comparisons),
	    cmocka_unit_test(a_decoding_of_pluses_only_changes_no_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
