/* Unit tests for utf8.c: validity, counts and character-boundary cuts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "utf8.h"

static void valid_utf8_is_told_from_every_kind_of_invalid(void **state)
{
	static const char *const good[] = {"",
	                                   "plain",
	                                   "caf\xc3\xa9",
	                                   "\xe2\x80\xa8",
	                                   "\xf0\x9f\x98\x80",
	                                   "\xef\xbf\xbf",
	                                   "\xf4\x8f\xbf\xbf",
	                                   "\xed\x9f\xbf"};
	static const char *const bad[] = {
	    "caf\xe9",              /* Latin-1 */
	    "\xc3",                 /* lone lead */
	    "\x80",                 /* lone continuation */
	    "\xc0\xaf",             /* overlong '/' */
	    "\xc1\xbf",             /* overlong */
	    "\xe0\x80\xaf",         /* overlong, 3 bytes */
	    "\xf0\x80\x80\xaf",     /* overlong, 4 bytes */
	    "\xed\xa0\x80",         /* surrogate U+D800 */
	    "\xed\xbf\xbf",         /* surrogate U+DFFF */
	    "\xf4\x90\x80\x80",     /* above U+10FFFF */
	    "\xf5\x80\x80\x80",     /* F5 lead */
	    "\xff",                 /* never in UTF-8 */
	    "\xe2\x82",             /* cut 3-byte */
	    "\xf0\x9f\x98",         /* cut 4-byte */
	    "\xe2\x28\xa1",         /* bad continuation */
	    "a\xf8\x88\x80\x80\x80" /* 5-byte form */
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(utf8_valid(good[i], strlen(good[i])));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
}

static void characters_are_counted_not_bytes(void **state)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"; /* a é € 😀 */

	(void)state;
	assert_int_equal(utf8_chars(s, strlen(s)), 4);
	assert_int_equal(utf8_chars("", 0), 0);
}

/* Every cut of a string mixing 1- to 4-byte characters is a valid prefix
 * no longer than the limit, and the longest such prefix. */
static void a_cut_at_any_limit_ends_on_a_character_boundary(void **state)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z\xc3\xa9";
	static const size_t bounds[] = {0, 1, 3, 6, 10, 11, 13}; /* character ends */
	size_t len = strlen(s);

	(void)state;
	for (size_t max = 0; max <= len + 2; max++) {
		size_t n = utf8_cut(s, len, max), want = 0;
		for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++)
			if (bounds[i] <= max)
				want = bounds[i];
		assert_int_equal(n, want);
		assert_true(utf8_valid(s, n));
	}
}

static void a_copy_into_a_small_buffer_cuts_whole_characters(void **state)
{
	char out[8];
	int cut = -1;

	(void)state;
	/* 7 bytes fit: "ab" + 2 x é = 6, the third é would end at byte 8 */
	assert_int_equal(utf8_copy(out, sizeof out, "ab\xc3\xa9\xc3\xa9\xc3\xa9", &cut), 6);
	assert_string_equal(out, "ab\xc3\xa9\xc3\xa9");
	assert_int_equal(cut, 1);
	assert_int_equal(utf8_copy(out, sizeof out, "short", &cut), 5);
	assert_int_equal(cut, 0);
	assert_int_equal(utf8_copy(out, 1, "x", NULL), 0);
	assert_string_equal(out, "");
}

static void a_formatted_string_that_does_not_fit_is_cut_on_a_character(void **state)
{
	char out[6];
	char big[300], email[400];
	size_t n;
	const char *smiles = "\xf0\x9f\x98\x80\xf0\x9f\x98\x80";

	(void)state;
	/* "acct:" + 😀: 5 bytes fit, the 4-byte character does not */
	assert_int_equal(utf8_fmt(out, sizeof out, "acct:%s", smiles), 5);
	assert_string_equal(out, "acct:");
	assert_int_equal(utf8_fmt(out, sizeof out, "%s", "ab\xc3\xa9\xc3\xa9"), 4);
	assert_string_equal(out, "ab\xc3\xa9");
	assert_int_equal(utf8_fmt(out, sizeof out, "a%sb", "\xc3\xa9\xc3\xa9"), 5);
	assert_string_equal(out, "a\xc3\xa9\xc3\xa9");
	assert_int_equal(utf8_fmt(out, sizeof out, "%d", 42), 2);
	/* the case: a@b + 74 x U+1F600 behind "acct:" in 300 bytes */
	memcpy(email, "a@b", 3);
	for (int i = 0; i < 74; i++)
		memcpy(email + 3 + 4 * i, "\xf0\x9f\x98\x80", 4);
	email[3 + 4 * 74] = '\0';
	n = utf8_fmt(big, sizeof big, "acct:%s", email);
	assert_true(utf8_valid(big, n));
	assert_int_equal(n, 8 + 4 * 72);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(valid_utf8_is_told_from_every_kind_of_invalid),
	    cmocka_unit_test(characters_are_counted_not_bytes),
	    cmocka_unit_test(a_cut_at_any_limit_ends_on_a_character_boundary),
	    cmocka_unit_test(a_copy_into_a_small_buffer_cuts_whole_characters),
	    cmocka_unit_test(a_formatted_string_that_does_not_fit_is_cut_on_a_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
