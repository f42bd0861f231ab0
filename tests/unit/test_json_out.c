/* Unit tests for json_out.c and buf.c, the one JSON output path (issue 8,
 * item 16): what it escapes (quotes, backslashes, control characters,
 * "</" so no response can close a script element, U+2028 and U+2029 that
 * end a JavaScript line), that text which is not UTF-8 is an error rather
 * than bytes passed on, and that errors are sticky: once an append failed,
 * every later one fails, so a closing "}" can never turn a cut document
 * into a success. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "json_out.h"

/* json_out_str(s) into a fresh buffer: the rc, and the text in out. */
static int str_out(const char *s, char *out, size_t cap)
{
	struct buf b;
	int rc;

	buf_init(&b, 1 << 16);
	rc = json_out_str(&b, s);
	snprintf(out, cap, "%s", b.data ? b.data : "");
	buf_cleanup(&b);
	return rc;
}

static void strings_escape_quotes_backslashes_and_control_characters(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(str_out("a\"b\\c", out, sizeof out), 0);
	assert_string_equal(out, "\"a\\\"b\\\\c\"");
	assert_int_equal(str_out("\n\r\t\b\f\x01\x1f", out, sizeof out), 0);
	assert_string_equal(out, "\"\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\"");
	assert_int_equal(str_out("del\x7f", out, sizeof out), 0);
	assert_string_equal(out, "\"del\x7f\""); /* valid JSON as it is */
}

static void a_script_end_tag_and_js_line_separators_are_escaped(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(str_out("</script><script>alert(1)</script>", out, sizeof out), 0);
	assert_string_equal(out, "\"<\\/script><script>alert(1)<\\/script>\"");
	assert_int_equal(str_out("a/b </ <x/", out, sizeof out), 0);
	assert_string_equal(out, "\"a/b <\\/ <x/\"");
	assert_int_equal(str_out("x\xe2\x80\xa8y\xe2\x80\xa9z", out, sizeof out), 0);
	assert_string_equal(out, "\"x\\u2028y\\u2029z\"");
	/* other characters pass as UTF-8 */
	assert_int_equal(str_out("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", out, sizeof out), 0);
	assert_string_equal(out, "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
}

static void text_that_is_not_utf8_is_an_error_not_output(void **state)
{
	static const char *const bad[] = {"caf\xe9",  "\xc3",     "a\xed\xa0\x80",
	                                  "\xc0\xaf", "\xff\xfe", "ok\xf0\x9f\x98"};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(str_out(bad[i], out, sizeof out), MOAT_EINVALID);
}

static void keys_are_escaped_like_values(void **state)
{
	json_t *o = json_pack("{s:i}", "</script>\xe2\x80\xa8\"", 1);
	struct buf b;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(json_out(&b, o), 0);
	assert_string_equal(b.data, "{\"<\\/script>\\u2028\\\"\":1}");
	buf_cleanup(&b);
	json_decref(o);
}

static void a_failed_append_makes_every_later_append_fail(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_append(&b, "12345", 5), 0);
	assert_int_equal(buf_append(&b, "6789", 4), MOAT_ETOOBIG);
	assert_int_equal(buf_error(&b), MOAT_ETOOBIG);
	/* sticky: a piece that would fit fails too, and nothing is added */
	assert_int_equal(buf_append(&b, "}", 1), MOAT_ETOOBIG);
	assert_int_equal(buf_printf(&b, "%d", 1), MOAT_ETOOBIG);
	assert_int_equal(b.len, 5);
	assert_string_equal(b.data, "12345");
	/* a reset starts a new document */
	buf_reset(&b);
	assert_int_equal(buf_error(&b), 0);
	assert_int_equal(buf_append(&b, "ok", 2), 0);
	buf_cleanup(&b);
}

/* The streaming writer: a value that does not fit, then the closing brace
 * (which would fit): the document must be an error, not "{...}". */
static void the_streaming_writer_cannot_close_a_cut_document(void **state)
{
	struct buf b;
	int first = 1, rc;

	(void)state;
	buf_init(&b, 40);
	rc = buf_append(&b, "{", 1);
	rc = json_out_key_str(&b, "a", "0123456789012345678901234567890123456789", &first);
	assert_int_equal(rc, MOAT_ETOOBIG);
	rc = buf_append(&b, "}", 1); /* only the last call is checked */
	assert_int_equal(rc, MOAT_ETOOBIG);
	assert_int_equal(buf_error(&b), MOAT_ETOOBIG);
	buf_cleanup(&b);
	/* an invalid string in the middle poisons the rest the same way */
	buf_init(&b, 4096);
	first = 1;
	buf_append(&b, "{", 1);
	json_out_key_str(&b, "a", "bad \xc3", &first);
	json_out_key_str(&b, "b", "fine", &first);
	assert_int_equal(buf_append(&b, "}", 1), MOAT_EINVALID);
	buf_cleanup(&b);
}

static void stored_json_text_is_copied_with_the_same_escapes(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(json_out_raw(&b, "{\"k\":\"</script>\xe2\x80\xa8\"}"), 0);
	assert_string_equal(b.data, "{\"k\":\"<\\/script>\\u2028\"}");
	buf_reset(&b);
	assert_int_equal(json_out_raw(&b, "{\"k\":\"\xc3\"}"), MOAT_EINVALID);
	buf_cleanup(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(strings_escape_quotes_backslashes_and_control_characters),
	    cmocka_unit_test(a_script_end_tag_and_js_line_separators_are_escaped),
	    cmocka_unit_test(text_that_is_not_utf8_is_an_error_not_output),
	    cmocka_unit_test(keys_are_escaped_like_values),
	    cmocka_unit_test(a_failed_append_makes_every_later_append_fail),
	    cmocka_unit_test(the_streaming_writer_cannot_close_a_cut_document),
	    cmocka_unit_test(stored_json_text_is_copied_with_the_same_escapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
