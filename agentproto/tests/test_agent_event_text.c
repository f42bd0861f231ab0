/* libmoatagent: an event's text fields made valid UTF-8 and cut
 * (ma_event.c's ma_text, which copies the runs of valid characters
 * between bad bytes at once) against the character-by-character
 * reference it replaced, on random texts of ASCII, control bytes, valid
 * two- to four-byte characters and bad bytes (stray continuation bytes,
 * C0/C1, F5..FF, cut sequences, overlong forms, surrogates), with random
 * character and byte limits; and out of memory at every allocation.
 * ma_event.c is compiled here (ma_text is static), so libmoatagent's
 * copy is not linked. */
#include "../lib/ma_event.c"

#include "agent_test.h"

/* ma_text as it was: one ma_buf_append per character. */
static json_t *ref_text(const char *s, size_t max_chars, size_t max_bytes, int *nomem)
{
	const unsigned char *p = (const unsigned char *)s;
	struct ma_buf b;
	size_t chars = 0;
	json_t *out;

	if (!s || !*s)
		return NULL;
	ma_buf_init(&b, max_bytes);
	while (*p && chars < max_chars) {
		size_t n = ma_utf8_seq(p);
		int rc = n ? ma_buf_append(&b, p, n) : ma_buf_append(&b, "\xEF\xBF\xBD", 3);
		if (rc == MOAT_AGENT_ENOMEM) {
			ma_buf_cleanup(&b);
			*nomem = 1;
			return NULL;
		}
		if (rc)
			break;
		p += n ? n : 1;
		chars++;
	}
	out = json_stringn(b.data ? b.data : "", b.len);
	ma_buf_cleanup(&b);
	if (!out)
		*nomem = 1;
	return out;
}

static uint64_t rnd_state = 0x2545F4914F6CDD1Dull;

static uint32_t rnd(uint32_t n)
{
	return at_rnd(&rnd_state, n);
}

/* Appends one piece of text at t[*n] (at most 4 bytes; never a NUL). */
static void put_piece(unsigned char *t, size_t *n)
{
	static const unsigned char bad[][4] = {
	    {0x80},
	    {0xBF},
	    {0xC0, 0xAF},
	    {0xC1, 0x81},
	    {0xF5, 0x80, 0x80, 0x80},
	    {0xFF},
	    {0xE2, 0x82},             /* cut short */
	    {0xF0, 0x9F, 0x98},       /* cut short */
	    {0xE0, 0x80, 0xAF},       /* overlong */
	    {0xED, 0xA0, 0x80},       /* surrogate */
	    {0xF4, 0x90, 0x80, 0x80}, /* past U+10FFFF */
	    {0xC3},                   /* a lead byte alone */
	};
	static const unsigned char good[][4] = {
	    {0xC3, 0xA9},
	    {0xDF, 0xBF},
	    {0xE2, 0x82, 0xAC},
	    {0xEF, 0xBF, 0xBD},
	    {0xE0, 0xA0, 0x80},
	    {0xF0, 0x9F, 0x98, 0x80},
	    {0xF4, 0x8F, 0xBF, 0xBF},
	};
	uint32_t k = rnd(10);

	if (k < 5) { /* ASCII */
		t[(*n)++] = (unsigned char)(0x20 + rnd(0x5F));
	} else if (k == 5) { /* a control byte */
		uint32_t c = rnd(33);
		t[(*n)++] = (unsigned char)(c == 32 ? 0x7F : 1 + c % 31);
	} else if (k < 8) {
		const unsigned char *g = good[rnd(sizeof good / sizeof good[0])];
		for (int i = 0; i < 4 && g[i]; i++)
			t[(*n)++] = g[i];
	} else {
		const unsigned char *g = bad[rnd(sizeof bad / sizeof bad[0])];
		for (int i = 0; i < 4 && g[i]; i++)
			t[(*n)++] = g[i];
	}
}

static void same(const char *s, size_t mc, size_t mb, const char *what)
{
	int nm1 = 0, nm2 = 0;
	json_t *a = ma_text(s, mc, mb, &nm1), *b = ref_text(s, mc, mb, &nm2);

	if (nm1 != nm2 || !a != !b ||
	    (a && (json_string_length(a) != json_string_length(b) ||
	           memcmp(json_string_value(a), json_string_value(b), json_string_length(a)))))
		fail_msg("%s, limits %zu chars %zu bytes: %zu bytes, expected %zu", what, mc, mb,
		         a ? json_string_length(a) : 0, b ? json_string_length(b) : 0);
	json_decref(a);
	json_decref(b);
}

static void text_is_the_references_on_random_texts(void **state)
{
	static unsigned char t[4 * 600 + 1];

	(void)state;
	for (int k = 0; k < 20000; k++) {
		size_t n = 0, pieces = rnd(k < 15000 ? 40 : 600);
		size_t mc = rnd(4) == 0 ? (size_t)-1 : rnd(64),
		       mb = rnd(4) == 0 ? 4 * 600 : rnd(96);
		char what[32];
		if (rnd(8) == 0) /* the field limits */
			mc = mb = rnd(2) ? 16 : 128;
		for (size_t i = 0; i < pieces; i++)
			put_piece(t, &n);
		t[n] = '\0';
		snprintf(what, sizeof what, "text %d (%zu bytes)", k, n);
		same((const char *)t, mc, mb, what);
	}
	same(NULL, 10, 10, "NULL");
	same("", 10, 10, "empty");
	same("\xff", 10, 2, "a bad byte whose U+FFFD does not fit");
	same("ab\xe2\x82\xac", 10, 4, "a character cut by the byte limit");
}

static void text_out_of_memory_is_nomem_never_cut(void **state)
{
	static const char s[] = "caf\xc3\xa9 \xff and more \x01 text \xe2\x82\xac";
	static char big[3000];

	(void)state;
	memset(big, 'a', sizeof big - 1);
	big[700] = '\xfe';
	for (long f = 1; f <= 4; f++) {
		int nm = 0;
		json_t *j;
		ma_alloc_fail_at(f);
		j = ma_text(f % 2 ? s : big, 4096, 4096, &nm);
		if (ma_alloc_failed()) {
			assert_null(j);
			assert_int_equal(nm, 1);
		} else {
			assert_non_null(j);
			assert_int_equal(nm, 0);
		}
		ma_alloc_fail_at(0);
		json_decref(j);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(text_is_the_references_on_random_texts),
	    cmocka_unit_test(text_out_of_memory_is_nomem_never_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
