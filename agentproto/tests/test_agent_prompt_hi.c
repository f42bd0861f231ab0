/* The prompt scorer's word classes and word lists past the 64th (session
 * 26, promptcap2): a class or list 64..127 is the word's high part, one
 * byte (ma_pr_words.x) indexing the pairs of high masks the lexicon can
 * give (ma_pr_khi, ma_pr_fhi). The library has no such class or list yet
 * (64 classes, 63 lists), so this test builds the lexicon itself
 * (ma_prompt_lex.c, included below, with two classes and three patterns
 * of its own appended: indexes 64 and 65) and registers word lists after
 * the library's (the build's hook) until its own gets bit 64. Each test fails when the high part is
 * dropped: a lookup's, the splitter's, the cache's, the phrase loop's start by a class or its match
 * of a later token, the two-part helpers. */
#define MA_PR_LEX_TEST_CLASSES {"ZZHI", "zorbel quuxif~"}, {"ZZHI2", "blargon"},
#define MA_PR_LEX_TEST_PATTERNS                                                                    \
	{PF_OVERRIDE, 0.5, "ZZHI * frobnicate|frobnicates"},                                       \
	    {PF_OVERRIDE, 0.5, "snorkel * ZZHI2"}, {PF_OVERRIDE, 0.5, "wuzzle ZZHI|blorp"},
static void register_lists(void);
#define MA_PR_LEX_TEST_LISTS register_lists
#include "../lib/ma_prompt_lex.c"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char pad_list[] = "zzpadword";
static const char hi_list[] = "wibblet|wobbl~";
static int hi_bit = -1;

/* after the library's lists (the build's hook): those left of 0..63 taken
 * (a list of one word, again and again), then ours: 64 or the next free */
static void register_lists(void)
{
	while (ma_pr_nlist < 64)
		if (ma_pr_lex_list(pad_list, sizeof pad_list - 1) < 0)
			return;
	hi_bit = ma_pr_lex_list(hi_list, sizeof hi_list - 1);
}

static int hi_class(const char *name)
{
	int c = ma_pr_lex_class(name);

	assert_true(c >= 64 && c < MA_PR_KBITS);
	return c;
}

/* a lookup of word s: no low class, and its class c (or list b) by the high
 * part alone; by each of the three lookups the splitter uses */
static void looks_up(const char *s, int c, int b)
{
	size_t l = strlen(s);
	uint64_t k, f, v = 0;
	uint8_t x = 0;

	k = ma_pr_lex_wordx(s, l, &f, &x);
	assert_int_equal(k, 0);
	assert_int_not_equal(x, 0);
	if (c >= 0)
		assert_true(ma_pr_khi[x] >> (c - 64) & 1);
	if (b >= 0)
		assert_true(ma_pr_fhi[x] >> (b - 64) & 1);
	if (l <= 8) {
		uint8_t y = 0;
		memcpy(&v, s, l);
		(void)ma_pr_lex_word8x(s, l, v, &f, &y);
		assert_int_equal(y, x);
	} else if (l <= 16) {
		char buf[32] = {0};
		uint8_t y = 0;
		memcpy(buf, s, l);
		(void)ma_pr_lex_word16x(buf, l, &f, &y);
		assert_int_equal(y, x);
	}
}

static void classes_and_lists_past_64_are_built(void **state)
{
	(void)state;
	assert_int_equal(ma_pr_lex_init(), 0);
	/* 64, or past it when the library's own lists reach the high part
	 * (session 32, promptdet: ma_pr_feat_build_late's three) */
	assert_true(hi_bit >= 64 && hi_bit < MA_PR_LBITS);
	/* the first tokens' list is registered first: its bit is low */
	assert_int_equal(ma_pr_startbit, 0);
	assert_int_equal(hi_class("ZZHI"), 64);
	assert_int_equal(hi_class("ZZHI2"), 65);
}

static void a_lookup_gives_the_high_part(void **state)
{
	int c = hi_class("ZZHI"), c2 = hi_class("ZZHI2");
	(void)state;

	looks_up("zorbel", c, -1);               /* a word of the class */
	looks_up("quuxif", c, -1);               /* its stem, itself */
	looks_up("quuxifying", c, -1);           /* by the stem (no string of the lexicon) */
	looks_up("quuxifyingeverything", c, -1); /* past sixteen bytes */
	looks_up("blargon", c2, -1);
	looks_up("wibblet", -1, hi_bit);  /* a word of the list */
	looks_up("wobbling", -1, hi_bit); /* by the list's stem */
	/* and not what it is not */
	{
		uint64_t f;
		uint8_t x = 9;
		(void)ma_pr_lex_wordx("zorbels", 7, &f, &x);
		assert_int_equal(x, 0);
		(void)ma_pr_lex_wordx("wibble", 6, &f, &x);
		assert_int_equal(x, 0);
	}
}

static void the_split_keeps_the_high_part(void **state)
{
	char t[] = "please quuxify the wibblet, zorbel zorbel and wobbling now";
	struct ma_pr_words *w = calloc(1, sizeof *w);
	int c = hi_class("ZZHI");
	(void)state;

	assert_non_null(w);
	ma_pr_split_words(t, strlen(t), w);
	assert_int_equal(w->n, 9);
	assert_true(ma_pr_wk_has(w, 1, c)); /* quuxify */
	assert_false(ma_pr_wk_has(w, 2, c));
	assert_true(ma_pr_wf_has(w, 3, hi_bit));  /* wibblet */
	assert_true(ma_pr_wk_has(w, 4, c));       /* zorbel */
	assert_true(ma_pr_wk_has(w, 5, c));       /* zorbel again: the splitter's cache */
	assert_true(ma_pr_wf_has(w, 7, hi_bit));  /* wobbling */
	assert_false(ma_pr_wf_has(w, 8, hi_bit)); /* now */
	assert_false(ma_pr_wk_has(w, 7, c));
	/* the slow splitter (the reference of the unit tests) the same */
	{
		char t2[] = "please quuxify the wibblet, zorbel zorbel and wobbling now";
		struct ma_pr_words *w2 = calloc(1, sizeof *w2);
		assert_non_null(w2);
		ma_pr_split_slow(t2, strlen(t2), w2);
		assert_int_equal(w2->n, w->n);
		for (int i = 0; i < w->n; i++)
			assert_int_equal(w2->x[i], w->x[i]);
		free(w2);
	}
	free(w);
}

static int seen_of(const char *text, const char *pattern)
{
	unsigned char seen[MA_PR_PATS];
	char t[256];
	int k = ma_pr_lex_pattern_find(pattern);

	assert_true(k >= 0);
	assert_true(strlen(text) < sizeof t);
	memcpy(t, text, strlen(text) + 1);
	ma_pr_phrases_seen(t, strlen(t), seen);
	return seen[k];
}

/* a pattern that starts with a class past 64, one whose later token is
 * one, one whose later token has one beside a word */
static void patterns_match_by_the_high_classes(void **state)
{
	(void)state;
	assert_true(seen_of("you should zorbel the frobnicate", "ZZHI * frobnicate"));
	assert_true(seen_of("quuxifying it frobnicates", "ZZHI * frobnicate"));
	assert_false(seen_of("you should zorbel. the frobnicate", "ZZHI * frobnicate"));
	assert_false(seen_of("you should see the frobnicate", "ZZHI * frobnicate"));
	assert_true(seen_of("snorkel the big blargon", "snorkel * ZZHI2"));
	assert_false(seen_of("snorkel the big zorbel", "snorkel * ZZHI2"));
	assert_true(seen_of("wuzzle zorbel", "wuzzle ZZHI|blorp"));
	assert_true(seen_of("wuzzle blorp", "wuzzle ZZHI|blorp"));
	assert_false(seen_of("wuzzle blargon", "wuzzle ZZHI|blorp"));
}

/* the pairs the build adds for the splitter: a joined word's lists alone,
 * and every pair a lookup gives is in the table */
static void the_pair_table_has_what_the_splitter_makes(void **state)
{
	uint64_t f;
	uint8_t x = 0;
	(void)state;

	(void)ma_pr_lex_wordx("wibblet", 7, &f, &x);
	assert_int_not_equal(x, 0);
	assert_int_equal(ma_pr_khi[x], 0);
	assert_int_equal(ma_pr_lex_hipair(0, ma_pr_fhi[x]), x);
	(void)ma_pr_lex_wordx("zorbel", 6, &f, &x);
	assert_int_equal(ma_pr_lex_hipair(ma_pr_khi[x], ma_pr_fhi[x]), x);
	assert_int_equal(ma_pr_lex_hipair(0, 0), 0);
	/* a pair with a high class has MA_PR_XK, one without not */
	(void)ma_pr_lex_wordx("zorbel", 6, &f, &x);
	assert_true(x & MA_PR_XK);
	(void)ma_pr_lex_wordx("wibblet", 7, &f, &x);
	assert_false(x & MA_PR_XK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(classes_and_lists_past_64_are_built),
	    cmocka_unit_test(a_lookup_gives_the_high_part),
	    cmocka_unit_test(the_split_keeps_the_high_part),
	    cmocka_unit_test(patterns_match_by_the_high_classes),
	    cmocka_unit_test(the_pair_table_has_what_the_splitter_makes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
