/* The prompt scorer's table build names its failure (ma_pr_lex_error),
 * which the library's build-time check (prompt_lexcheck.c) prints before
 * failing the build: a word-list word longer than 255 bytes used to make
 * ma_pr_lex_init return -1 with no word of why, and the scorer score by
 * its other features only. The build runs once a process, from the
 * library's constructor: the list is registered by a constructor of a
 * higher priority (run before it), and this file holds one test. */
#include "ma_prompt.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static char long_list[300];
static int long_bit;

/* "ok|" and a word of 256 bytes, registered before the build */
__attribute__((constructor(101))) static void register_long_list(void)
{
	memcpy(long_list, "ok|", 3);
	memset(long_list + 3, 'q', 256);
	long_bit = ma_pr_lex_list(long_list, 3 + 256);
}

/* the list is refused, and the build, by name */
static void a_word_over_255_bytes_fails_the_build_by_name(void **state)
{
	const char *why;
	(void)state;

	assert_int_equal(long_bit, -1);
	assert_int_equal(ma_pr_lex_init(), -1);
	why = ma_pr_lex_error();
	assert_non_null(why);
	assert_non_null(strstr(why, "longer than 255 bytes"));
	assert_non_null(strstr(why, "\"qqqq")); /* the word at fault */
	assert_null(strstr(why, "ok|"));        /* not the list's start */
	assert_false(ma_pr_lex_ready());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_word_over_255_bytes_fails_the_build_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
