/*
 * test_shop_http.c — the shop's request-body parsing (examples/shop/http.c):
 * the UTF-8 check every form field and name passes, and the
 * application/x-www-form-urlencoded splitter with its caps. Garbage is a
 * 400, never a crash, and nothing leaks (http_completed frees it all).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

/* A request holding body (len bytes) as http_handle buffers it. */
static struct shop_req *th_req(const char *body, size_t len)
{
	struct shop_req *r = calloc(1, sizeof *r);

	assert_non_null(r);
	r->body = malloc(len + 1);
	assert_non_null(r->body);
	memcpy(r->body, body, len);
	r->body[len] = '\0';
	r->body_len = len;
	return r;
}

static void th_free(struct shop_req *r)
{
	void *cls = r;

	http_completed(NULL, NULL, &cls, MHD_REQUEST_TERMINATED_COMPLETED_OK);
	assert_null(cls);
}

static unsigned th_parse(const char *body, struct shop_req **out)
{
	*out = th_req(body, strlen(body));
	return http_parse_form(*out);
}

static void utf8_accepts_text_and_refuses_what_is_not(void **state)
{
	static const struct {
		const char *s;
		size_t len;
		int ok;
	} cases[] = {
	    {"", 0, 1},
	    {"plain ascii", 11, 1},
	    {"\xc3\xa9t\xc3\xa9", 5, 1}, /* été */
	    {"\xe2\x82\xac", 3, 1},      /* euro sign */
	    {"\xf0\x9f\x94\x92", 4, 1},  /* a 4-byte character */
	    {"\xf4\x8f\xbf\xbf", 4, 1},  /* U+10FFFF, the last one */
	    {"a\0b", 3, 0},              /* NUL */
	    {"\xc0\xaf", 2, 0},          /* overlong '/' */
	    {"\xe0\x80\xaf", 3, 0},      /* overlong, 3 bytes */
	    {"\xed\xa0\x80", 3, 0},      /* a surrogate */
	    {"\xf4\x90\x80\x80", 4, 0},  /* past U+10FFFF */
	    {"\xe2\x82", 2, 0},          /* cut off */
	    {"\xe2\x82\xac", 2, 0},      /* cut off by the length */
	    {"\x80", 1, 0},              /* a lone continuation */
	    {"\xc3\x28", 2, 0},          /* a bad continuation */
	    {"\xff", 1, 0},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (http_utf8_ok(cases[i].s, cases[i].len) != cases[i].ok)
			fail_msg("case %zu: expected %d", i, cases[i].ok);
}

static void a_form_body_is_split_and_decoded(void **state)
{
	struct shop_req *r;
	size_t len = 0;

	(void)state;
	assert_int_equal(th_parse("url=http%3A%2F%2F127.0.0.1%2F&author=Me+You&text=%3Cb%3E"
	                          "&empty=&bare&a%2Bb=1%2b1",
	                          &r),
	                 0);
	assert_int_equal(r->nfields, 6);
	assert_string_equal(http_form(r, "url", &len), "http://127.0.0.1/");
	assert_int_equal(len, 17);
	assert_string_equal(http_form(r, "author", NULL), "Me You");
	assert_string_equal(http_form(r, "text", NULL), "<b>");
	assert_string_equal(http_form(r, "empty", &len), "");
	assert_int_equal(len, 0);
	assert_string_equal(http_form(r, "bare", NULL), "");
	assert_string_equal(http_form(r, "a+b", NULL), "1+1");
	assert_null(http_form(r, "missing", NULL));
	th_free(r);
}

static void the_first_of_repeated_fields_wins_and_empty_pairs_are_skipped(void **state)
{
	struct shop_req *r;

	(void)state;
	assert_int_equal(th_parse("&&a=1&&a=2&", &r), 0);
	assert_int_equal(r->nfields, 2);
	assert_string_equal(http_form(r, "a", NULL), "1");
	th_free(r);
	assert_int_equal(th_parse("", &r), 0);
	assert_int_equal(r->nfields, 0);
	th_free(r);
}

static void malformed_percent_escapes_stay_as_they_are(void **state)
{
	struct shop_req *r;

	(void)state;
	assert_int_equal(th_parse("a=%zz&b=%4&c=%&d=100%25&e=%41%4", &r), 0);
	assert_string_equal(http_form(r, "a", NULL), "%zz");
	assert_string_equal(http_form(r, "b", NULL), "%4");
	assert_string_equal(http_form(r, "c", NULL), "%");
	assert_string_equal(http_form(r, "d", NULL), "100%");
	assert_string_equal(http_form(r, "e", NULL), "A%4");
	th_free(r);
}

static void nul_bytes_and_bad_utf8_are_refused(void **state)
{
	static const char *const bad[] = {
	    "a=%00",    "a=x%00y",  "%00=1",       "a=%ff",
	    "a=%c0%af", "a=%e2%82", "%ed%a0%80=1", "ok=1&a=%80",
	};
	struct shop_req *r;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (th_parse(bad[i], &r) != 400)
			fail_msg("%s: not refused", bad[i]);
		th_free(r);
	}
	/* a raw NUL byte in the body too */
	r = th_req("a=x\0y", 5);
	assert_int_equal(http_parse_form(r), 400);
	th_free(r);
	assert_int_equal(th_parse("a=%e2%82%ac", &r), 0);
	assert_string_equal(http_form(r, "a", NULL), "\xe2\x82\xac");
	th_free(r);
}

static void more_fields_than_the_cap_is_a_400(void **state)
{
	char body[SHOP_FIELDS_MAX * 8 + 16];
	size_t n = 0;
	struct shop_req *r;

	(void)state;
	for (int i = 0; i < SHOP_FIELDS_MAX; i++)
		n += (size_t)snprintf(body + n, sizeof body - n, "f%d=%d&", i, i);
	assert_int_equal(th_parse(body, &r), 0);
	assert_int_equal(r->nfields, SHOP_FIELDS_MAX);
	assert_string_equal(http_form(r, "f63", NULL), "63");
	th_free(r);
	snprintf(body + n, sizeof body - n, "one=more");
	assert_int_equal(th_parse(body, &r), 400);
	th_free(r);
}

static void a_body_of_the_largest_size_parses(void **state)
{
	char *body = malloc(SHOP_BODY_MAX + 1);
	struct shop_req *r;
	size_t len = 0;

	(void)state;
	assert_non_null(body);
	memcpy(body, "big=", 4);
	memset(body + 4, 'B', SHOP_BODY_MAX - 4);
	for (size_t i = 4; i + 3 <= SHOP_BODY_MAX; i += 3)
		memcpy(body + i, "%41", 3);
	body[SHOP_BODY_MAX] = '\0';
	r = th_req(body, SHOP_BODY_MAX);
	assert_int_equal(http_parse_form(r), 0);
	assert_non_null(http_form(r, "big", &len));
	assert_int_equal(len, (SHOP_BODY_MAX - 4) / 3 + (SHOP_BODY_MAX - 4) % 3);
	assert_int_equal(http_form(r, "big", NULL)[0], 'A');
	th_free(r);
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(utf8_accepts_text_and_refuses_what_is_not),
	    cmocka_unit_test(a_form_body_is_split_and_decoded),
	    cmocka_unit_test(the_first_of_repeated_fields_wins_and_empty_pairs_are_skipped),
	    cmocka_unit_test(malformed_percent_escapes_stay_as_they_are),
	    cmocka_unit_test(nul_bytes_and_bad_utf8_are_refused),
	    cmocka_unit_test(more_fields_than_the_cap_is_a_400),
	    cmocka_unit_test(a_body_of_the_largest_size_parses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
