/*
 * ma_prompt_norm.c — the text normaliser of the llm_prompt_injection check
 * (ma_prompt.c): one UTF-8 pass that folds Unicode look-alikes (fullwidth
 * forms, Cyrillic and Greek homoglyphs inside Latin words, mathematical,
 * circled, parenthesized and regional-indicator letters) and accents to
 * ASCII, reads tag characters (U+E0020..E007E, invisible) as the ASCII they
 * carry, removes zero-width characters, soft hyphens, variation selectors
 * and combining marks, lowercases, makes whitespace runs one, drops apostrophes inside
 * words, and keeps words really written in Cyrillic or Greek in their
 * script (lowercased), drops the tags of HTML's text markup ("<code>",
 * "</span>", "<p>": session 27, ma_pr_markup_tag); and the
 * transliteration of Cyrillic words back to Latin letters ("Игноре" ->
 * "ignore").
 *
 * Threads: any. Pure functions over the caller's buffers; no allocation.
 */
#include "ma_int.h"
#include "ma_prompt.h"

#include <string.h>

/* SSE2 where the CPU has it (every x86-64): the normaliser's runs of
 * letters and single spaces sixteen bytes at a time (ma_pr_plain16) */
#if defined(__SSE2__)
#define MA_PR_NORM_SSE2 1
#include <emmintrin.h>
#endif

/* One code point from s (n > 0 bytes); *k its length. Invalid bytes come
 * back one by one as themselves. Inline: the normaliser calls it for
 * every non-ASCII character. */
static inline __attribute__((always_inline)) uint32_t ma_pr_utf8(const unsigned char *s, size_t n,
                                                                 size_t *k)
{
	uint32_t c = s[0];
	size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*k = 1;
	if (c < 0x80 || need == 0 || need >= n)
		return c;
	c &= 0x3F >> need;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return s[0];
		c = (c << 6) | (s[i] & 0x3F);
	}
	*k = need + 1;
	return c;
}

/* 1 if c is a space of another width (ma_pr_fold(c) == ' '). */
static inline int ma_pr_wide_space(uint32_t c)
{
	return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000;
}

/* The ASCII letter a look-alike code point stands for; 0 none, 1 drop it,
 * ' ' a space (every rule in turn: ma_pr_fold asks it only of the code
 * points that may have one). */
static int ma_pr_fold_all(uint32_t c)
{
	/* one byte per code point from the first: а б в г д е ж з и й к л м
	 * н о п р с т у ф х; А Б В … Х; α β γ … χ; Α Β Γ … Χ (U+03A2 is
	 * unassigned) */
	static const char cyr_lo[] = "a\0\0\0\0e\0\0\0\0\0\0\0\0o\0pc\0y\0x"; /* U+0430.. */
	static const char cyr_up[] = "a\0b\0\0e\0\0\0\0k\0mho\0pcty\0x";      /* U+0410.. */
	static const char grk_lo[] = "a\0\0\0e\0\0\0ik\0\0v\0o\0p\0\0tu\0x";  /* U+03B1.. */
	static const char grk_up[] = "ab\0\0ez\0\0ik\0mn\0o\0p\0\0ty\0x";     /* U+0391.. */

	/* (prompt16: and the bidi embeddings, overrides and isolates,
	 * U+202A..202E and U+2066..2069: "\u202e.snoitcurtsni ..." is shown
	 * reversed and read reversed by the decoder once they are gone) */
	if (c == 0xAD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
	    c == 0x180E || (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F))
		return 1;
	/* tag characters: invisible ASCII ("ASCII smuggling"), read as the
	 * ASCII they carry; the language tag and the cancel tag dropped */
	if (c >= 0xE0020 && c <= 0xE007E)
		return (int)(c - 0xE0000);
	if (c == 0xE0001 || c == 0xE007F)
		return 1;
	if (ma_pr_wide_space(c))
		return ' ';
	if (c >= 0xFF01 && c <= 0xFF5E)
		return (int)(c - 0xFEE0);
	if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
		return '\'';
	if (c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB || c == 0x201E)
		return '"';
	if (c == 0xA1 || c == 0xBF) /* inverted ! and ? open a Spanish sentence */
		return '.';
	if (c >= 0x0430 && c < 0x0430 + sizeof cyr_lo - 1)
		return cyr_lo[c - 0x0430];
	if (c >= 0x0410 && c < 0x0410 + sizeof cyr_up - 1)
		return cyr_up[c - 0x0410];
	if (c >= 0x03B1 && c < 0x03B1 + sizeof grk_lo - 1)
		return grk_lo[c - 0x03B1];
	if (c >= 0x0391 && c < 0x0391 + sizeof grk_up - 1)
		return grk_up[c - 0x0391];
	if (c == 0x0456 || c == 0x0406)
		return 'i';
	if (c == 0x0455 || c == 0x0405)
		return 's';
	if (c == 0x0458 || c == 0x0408)
		return 'j';
	if (c == 0x0501)
		return 'd';
	if (c == 0x0261)
		return 'g';
	if (c >= 0x1D400 && c <= 0x1D6A3)
		return 'a' + (int)((c - 0x1D400) % 26);
	if ((c >= 0x1D00 && c <= 0x1DBF) || (c >= 0x0262 && c <= 0x02E3) || c == 0x2071 ||
	    c == 0x207F || c == 0xA730 || c == 0xA731) {
		/* small capitals and superscript letters ("tiny text") */
		static const struct {
			uint32_t c;
			char a;
		} sm[] = {{0x1D00, 'a'}, {0x0299, 'b'}, {0x1D04, 'c'}, {0x1D05, 'd'}, {0x1D07, 'e'},
		          {0xA730, 'f'}, {0x0262, 'g'}, {0x029C, 'h'}, {0x026A, 'i'}, {0x1D0A, 'j'},
		          {0x1D0B, 'k'}, {0x029F, 'l'}, {0x1D0D, 'm'}, {0x0274, 'n'}, {0x1D0F, 'o'},
		          {0x1D18, 'p'}, {0x0280, 'r'}, {0xA731, 's'}, {0x1D1B, 't'}, {0x1D1C, 'u'},
		          {0x1D20, 'v'}, {0x1D21, 'w'}, {0x028F, 'y'}, {0x1D22, 'z'}, {0x1D43, 'a'},
		          {0x1D47, 'b'}, {0x1D9C, 'c'}, {0x1D48, 'd'}, {0x1D49, 'e'}, {0x1DA0, 'f'},
		          {0x1D4D, 'g'}, {0x02B0, 'h'}, {0x2071, 'i'}, {0x02B2, 'j'}, {0x1D4F, 'k'},
		          {0x02E1, 'l'}, {0x1D50, 'm'}, {0x207F, 'n'}, {0x1D52, 'o'}, {0x1D56, 'p'},
		          {0x02B3, 'r'}, {0x02E2, 's'}, {0x1D57, 't'}, {0x1D58, 'u'}, {0x1D5B, 'v'},
		          {0x02B7, 'w'}, {0x02E3, 'x'}, {0x02B8, 'y'}, {0x1DBB, 'z'}};
		for (size_t k = 0; k < sizeof sm / sizeof sm[0]; k++)
			if (sm[k].c == c)
				return sm[k].a;
	}
	if (c >= 0x249C && c <= 0x24B5) /* parenthesized, "⒜" (prompt17) */
		return 'a' + (int)(c - 0x249C);
	if (c >= 0x24B6 && c <= 0x24CF)
		return 'a' + (int)(c - 0x24B6);
	if (c >= 0x24D0 && c <= 0x24E9)
		return 'a' + (int)(c - 0x24D0);
	if (c >= 0x1F130 && c <= 0x1F149)
		return 'a' + (int)(c - 0x1F130);
	if (c >= 0x1F150 && c <= 0x1F169)
		return 'a' + (int)(c - 0x1F150);
	if (c >= 0x1F170 && c <= 0x1F189)
		return 'a' + (int)(c - 0x1F170);
	if (c >= 0x1F1E6 && c <= 0x1F1FF)
		return 'a' + (int)(c - 0x1F1E6);
	return 0;
}

/* The pages (c >> 8) of the Basic Multilingual Plane that hold a code
 * point ma_pr_fold_all maps (bit p & 63 of word p >> 6): 0x00, 0x02-0x05,
 * 0x18, 0x1D, 0x20, 0x24, 0x30, 0xA7, 0xFE, 0xFF. */
static const uint64_t ma_pr_fold_pages[4] = {0x000100112100003Dull, 0, 0x0000008000000000ull,
                                             0xC000000000000000ull};

/* ma_pr_fold_all(c), 0 at once for a code point on no page of
 * ma_pr_fold_pages nor in the supplementary ranges it maps (mathematical
 * and enclosed letters, tags): most symbols, emoji and other scripts'
 * letters (a flood of "❤" paid the whole list for each). */
static int ma_pr_fold(uint32_t c)
{
	if (c < 0x10000 ? !(ma_pr_fold_pages[c >> 14] >> (c >> 8 & 63) & 1)
	                : !((c >= 0x1D400 && c <= 0x1D6A3) || (c >= 0x1F130 && c <= 0x1F1FF) ||
	                    (c >= 0xE0001 && c <= 0xE007F)))
		return 0;
	return ma_pr_fold_all(c);
}

int ma_pr_fold_code(uint32_t c, int fast)
{
	return fast ? ma_pr_fold(c) : ma_pr_fold_all(c);
}

/* An accented Latin letter (U+00C0..U+017F) as its ASCII letter, or 0. */
static int ma_pr_latin(uint32_t c)
{
	/* U+00C0..U+00FF, then U+0100..U+017F; '.' for no letter */
	static const char l1[] = "aaaaaaaceeeeiiiidnooooo.ouuuuyts"
	                         "aaaaaaaceeeeiiiidnooooo.ouuuuyty";
	static const char la[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
	                         "llllllllllnnnnnnnnnoooooooorrrrrrsssssssstttttt"
	                         "uuuuuuuuuuuuwwyyyzzzzzzs";

	if (c >= 0xC0 && c <= 0xFF)
		return l1[c - 0xC0] == '.' ? 0 : l1[c - 0xC0];
	if (c >= 0x100 && c < 0x100 + sizeof la - 1)
		return la[c - 0x100];
	/* Vietnamese: o and u with a horn, then U+1EA0..U+1EF9 (a e i o u y
	 * with tone marks, upper and lower case in pairs) */
	if (c == 0x1A0 || c == 0x1A1)
		return 'o';
	if (c == 0x1AF || c == 0x1B0)
		return 'u';
	if (c >= 0x1EA0 && c <= 0x1EF9) {
		uint32_t k = c - 0x1EA0;
		return k < 24   ? 'a'
		       : k < 40 ? 'e'
		       : k < 44 ? 'i'
		       : k < 68 ? 'o'
		       : k < 82 ? 'u'
		                : 'y';
	}
	return 0;
}

/* 1 if c is a Cyrillic or Greek letter that looks like no Latin one: a
 * word holding one is really written in that script. */
static int ma_pr_native(uint32_t c)
{
	return ((c >= 0x0400 && c <= 0x04FF) || (c >= 0x0370 && c <= 0x03FF)) && ma_pr_fold(c) == 0;
}

/* The lowercase of a Cyrillic or Greek capital (others unchanged). */
static uint32_t ma_pr_lower(uint32_t c)
{
	if (c >= 0x0410 && c <= 0x042F)
		return c + 0x20;
	if (c >= 0x0400 && c <= 0x040F)
		return c + 0x50;
	if (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2)
		return c + 0x20;
	return c;
}

/* prompt19: the Latin letter of a Cyrillic or Greek letter that looks like
 * one but is an ordinary letter of its script (η ω γ, к м н т г и ь ш;
 * faux-Cyrillic И Я, faux-Greek Σ Δ; the accented Greek vowels), 0 if
 * none. Read only inside a word that is not native (ma_pr_word_native):
 * "igηore", "proмpt", and a word of look-alikes after a Latin one ("you
 * are ηοω"); Russian and Greek prose keeps them. (п ц λ π Λ stay letters
 * of their own: test_agent_prompt_index.c) */
static int ma_pr_fold_weak(uint32_t c)
{
	/* U+0430..U+044F: а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш
	 * щ ъ ы ь э ю я */
	static const char cyr[] = "\0\0br\0\0\0\0uuk\0mh\0\0\0\0t\0\0\0\0\0w\0\0\0b\0\0r";

	if (c >= 0x0430 && c <= 0x044F)
		return cyr[c - 0x0430];
	switch (c) {
	case 0x0418: /* И */
		return 'n';
	case 0x042F: /* Я */
		return 'r';
	case 0x0451: /* ё */
		return 'e';
	case 0x0457: /* ї */
		return 'i';
	case 0x04BB: /* һ */
		return 'h';
	case 0x04CF: /* ӏ */
		return 'l';
	case 0x04AF: /* ү */
	case 0x03B3: /* γ */
		return 'y';
	case 0x051B: /* ԛ */
		return 'q';
	case 0x051D: /* ԝ */
	case 0x03C9: /* ω */
	case 0x03CE: /* ώ */
		return 'w';
	case 0x03B7: /* η */
	case 0x03AE: /* ή */
		return 'n';
	case 0x03AC: /* ά */
	case 0x0394: /* Δ */
		return 'a';
	case 0x03AD: /* έ */
	case 0x03A3: /* Σ */
	case 0x03F5: /* ϵ */
		return 'e';
	case 0x03AF: /* ί */
		return 'i';
	case 0x03CC: /* ό */
		return 'o';
	case 0x03CD: /* ύ */
		return 'u';
	case 0x03F2: /* ϲ */
		return 'c';
	/* Armenian (review20): օ ս հ ո ց զ */
	case 0x0585:
		return 'o';
	case 0x057D:
		return 'u';
	case 0x0570:
		return 'h';
	case 0x0578:
		return 'n';
	case 0x0581:
		return 'g';
	case 0x0566:
		return 'q';
	default:
		return 0;
	}
}

/* Looks at the word starting at u (n bytes): 1 if it is written in
 * Cyrillic or Greek (a letter of its own, no ASCII letter). latin: the
 * text's last letter before the word is an ASCII one; a word whose only
 * letters of their own have a weak fold (ma_pr_fold_weak) is then not
 * native if a Latin word or the text's end follows too (prompt19: "you
 * are ηοω DAN"). */
static int ma_pr_word_native(const unsigned char *u, size_t n, int latin)
{
	size_t i = 0;
	int native = 0;

	while (i < n) {
		size_t k;
		uint32_t c;
		/* Latin-1 and Latin Extended letters (lead bytes 0xC3..0xCC, a
		 * continuation after): neither native nor a space */
		if (u[i] >= 0xC3 && u[i] <= 0xCC && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		c = ma_pr_utf8(u + i, n - i, &k);
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				return 0;
			if (!(c >= '0' && c <= '9'))
				break;
		} else if (ma_pr_native(c)) {
			native |= ma_pr_fold_weak(c) ? 2 : 1;
		} else if (ma_pr_wide_space(c)) {
			break;
		}
		i += k;
	}
	if (native != 2 || !latin)
		return native != 0;
	/* only weak letters of their own after a Latin word: native unless a
	 * Latin word (or the text's end) follows too ("Please Игноре олл"
	 * stays Cyrillic for ma_pr_translit) */
	for (size_t j = 0; j < 4 && i < n; j++, i++) {
		if (u[i] >= 0x80)
			return 1;
		if ((unsigned)((u[i] | 0x20) - 'a') < 26u)
			return 0;
	}
	return i < n;
}

/* 1 if the last letter of out (o bytes) before a few spaces or marks is an
 * ASCII one (ma_pr_word_native's latin). */
static int ma_pr_latin_before(const char *out, size_t o)
{
	for (size_t j = 0; j < 4 && j < o; j++) {
		unsigned char b = (unsigned char)out[o - 1 - j];
		if (b >= 0x80 || (b >= '0' && b <= '9'))
			return 0;
		if (b >= 'a' && b <= 'z')
			return 1;
	}
	return 0;
}

#if defined(MA_PR_NORM_SSE2)
/* The normaliser's state that the steps of a letter and of a space move
 * (ma_pr_normalise's locals of the same names). */
struct ma_pr_nstate {
	int space, ascii_in_word, fold_in_word, in_word, native;
};

/* The leading bytes of u[0, 16) that are ASCII letters, single spaces
 * (not one after a space: a run of whitespace is one) or printable ASCII
 * symbols (neither letters, digits, nor the apostrophe, which may be
 * dropped inside a word), u[0] a letter or a symbol: written to out (16
 * bytes, all stored; the letters lowercased) and taken as the steps of a
 * letter, a space and another ASCII byte in ma_pr_normalise take them (ns,
 * *mixed); returns how many (1 at least). */
static inline size_t ma_pr_plain16(const unsigned char *u, char *out, struct ma_pr_nstate *ns,
                                   int *mixed)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
	__m128i lo = _mm_or_si128(v, _mm_set1_epi8(0x20));
	/* a letter: v | 0x20 in 'a'..'z' (a byte of 0x80 or more is negative) */
	__m128i lv = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8(0x60)),
	                           _mm_cmplt_epi8(lo, _mm_set1_epi8(0x7B)));
	__m128i dv = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x2F)),
	                           _mm_cmplt_epi8(v, _mm_set1_epi8(0x3A)));
	unsigned let = (unsigned)_mm_movemask_epi8(lv);
	unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
	/* printable, then neither a letter, a digit nor '\'' */
	unsigned sym =
	    (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(' ')),
	                                              _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)))) &
	    ~let & ~(unsigned)_mm_movemask_epi8(dv) &
	    ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
	/* (a '<' after the first byte ends the run: it may open a tag of
	 * text markup, ma_pr_markup_tag) */
	unsigned bad = ~(let | sp | sym) | (sp & sp << 1) |
	               ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('<'))) & ~1u);
	size_t m = (size_t)__builtin_ctz(bad | 0x10000u);
	unsigned end = (sp | sym) & ((1u << m) - 1), last = 1u << (m - 1);

	_mm_storeu_si128((__m128i *)(void *)out,
	                 _mm_or_si128(v, _mm_and_si128(lv, _mm_set1_epi8(0x20))));
	ns->space = 0;
	if (!end) { /* letters: of the word before, or a word of their own */
		if (!ns->in_word)
			ns->native = 0;
		ns->in_word = ns->ascii_in_word = 1;
		return m;
	}
	/* the first space or symbol ends a word that has ASCII letters
	 * (before it in u, or before u); the words after it have no folded
	 * letter */
	if (ns->fold_in_word && ((end & 1u) == 0 || ns->ascii_in_word))
		(*mixed)++;
	ns->fold_in_word = 0;
	if (end & last) { /* ends with a space or a symbol */
		ns->ascii_in_word = ns->in_word = 0;
		ns->space = (sp & last) != 0;
	} else { /* in a word of ASCII letters (native again at a word's start) */
		ns->ascii_in_word = ns->in_word = 1;
		ns->native = 0;
	}
	return m;
}
#endif

/* HTML's text markup (session 27, promptfp16): the names of the elements
 * that format prose, by their first letter, with their length and 1 for a
 * block's (ma_pr_markup_tag). A tag of them is no word of the text
 * ("<code>true</code>" is "true", not "true code"); <img>, <script>,
 * <style>, <iframe>, forms and the chat roles' tags ("<system>") are not
 * among them. ma_pr_html_at[c - 'a'] .. ma_pr_html_at[c - 'a' + 1]: the
 * names of first letter c (promptcost27: a name of another length passed
 * by one compare; it was a walk of a string of the names). */
struct ma_pr_html_nm {
	char s[11];
	unsigned char l, blk;
};
static const struct ma_pr_html_nm ma_pr_html_names[] = {
    {"a", 1, 0},           {"abbr", 4, 0},   {"b", 1, 0},     {"bdi", 3, 0},  {"big", 3, 0},
    {"blockquote", 10, 1}, {"br", 2, 1},     {"cite", 4, 0},  {"code", 4, 0}, {"dd", 2, 1},
    {"del", 3, 0},         {"dfn", 3, 0},    {"div", 3, 1},   {"dl", 2, 1},   {"dt", 2, 1},
    {"em", 2, 0},          {"h1", 2, 1},     {"h2", 2, 1},    {"h3", 2, 1},   {"h4", 2, 1},
    {"h5", 2, 1},          {"h6", 2, 1},     {"hr", 2, 1},    {"i", 1, 0},    {"ins", 3, 0},
    {"kbd", 3, 0},         {"li", 2, 1},     {"mark", 4, 0},  {"ol", 2, 1},   {"p", 1, 1},
    {"pre", 3, 1},         {"q", 1, 0},      {"s", 1, 0},     {"samp", 4, 0}, {"small", 5, 0},
    {"span", 4, 0},        {"strong", 6, 0}, {"sub", 3, 0},   {"sup", 3, 0},  {"table", 5, 1},
    {"tbody", 5, 1},       {"td", 2, 1},     {"tfoot", 5, 1}, {"th", 2, 1},   {"thead", 5, 1},
    {"tr", 2, 1},          {"tt", 2, 0},     {"u", 1, 0},     {"ul", 2, 1},   {"var", 3, 0},
};
static const unsigned char ma_pr_html_at[27] = {0,  2,  7,  9,  15, 16, 16, 16, 23,
                                                25, 25, 26, 27, 28, 28, 29, 31, 32,
                                                32, 39, 47, 49, 50, 50, 50, 50, 50};

/* 1 if the name x (l >= 1 bytes, any case, x[0] a letter) is one of
 * ma_pr_html_names: *inl 1 for an inline element's */
static int ma_pr_html_name(const unsigned char *x, size_t l, int *inl)
{
	unsigned c = (unsigned)((x[0] | 0x20) - 'a');

	for (unsigned k = ma_pr_html_at[c]; k < ma_pr_html_at[c + 1]; k++) {
		const struct ma_pr_html_nm *e = &ma_pr_html_names[k];
		size_t j = 1; /* x[0] is e->s[0] */
		if (e->l != l)
			continue;
		while (j < l && (x[j] | 0x20) == (unsigned char)e->s[j])
			j++;
		if (j == l) {
			*inl = !e->blk;
			return 1;
		}
	}
	return 0;
}

int ma_pr_html_name_of(const char *x, size_t l, int *inl)
{
	if (!l || (unsigned)((x[0] | 0x20) - 'a') >= 26u)
		return 0;
	return ma_pr_html_name((const unsigned char *)x, l, inl);
}

size_t ma_pr_html_names_of(size_t k, const char **name, int *blk, unsigned *first)
{
	size_t n = sizeof ma_pr_html_names / sizeof ma_pr_html_names[0];

	if (k < n) {
		*name = ma_pr_html_names[k].s;
		*blk = ma_pr_html_names[k].blk;
		*first = 0;
		while (*first < 26 && ma_pr_html_at[*first + 1] <= k)
			(*first)++;
	}
	return n;
}

/* u (n bytes) opens with '<': the length of a tag of text markup there
 * (ma_pr_html_names), "<name>", "</name>" or "<name/>"
 * whole, or "<name" where whitespace and its attributes follow (they stay
 * text: what an attribute says is read); 0 if none. *inl: 1 for an
 * inline element's. */
static size_t ma_pr_markup_tag(const unsigned char *u, size_t n, int *inl)
{
	size_t p = u[1 % n] == '/' ? 2 : 1, e = p, l;

	/* the name: letters, a digit 1..6 after the first ("h2") */
	while (e < n && e - p < 10 &&
	       ((unsigned)((u[e] | 0x20) - 'a') < 26u || (e > p && (unsigned)(u[e] - '1') < 6u)))
		e++;
	if (e == p || e >= n)
		return 0;
	/* the byte after the name first, the name's lookup then (promptcost26:
	 * the cheaper test first) */
	if (u[e] == '>')
		l = e + 1;
	else if (p == 1 && u[e] == '/' && e + 1 < n && u[e + 1] == '>')
		l = e + 2;
	else if (p == 1 && (u[e] == ' ' || u[e] == '\t' || u[e] == '\n' || u[e] == '\r'))
		l = e;
	else
		return 0;
	return ma_pr_html_name(u + p, e - p, inl) ? l : 0;
}

/* Normalises s (n bytes) into out (cap bytes): returns the length. *mixed
 * counts words where a look-alike letter sat among ASCII letters. swar:
 * runs of ASCII letters are lowercased eight bytes at a time (the end of
 * a run among eight found by ma_pr_letter_bytes), and with SSE2 runs of
 * letters, symbols and single spaces sixteen at a time (ma_pr_plain16)
 * (ma_prompt_normalise); 0: a byte at a time (ma_prompt_normalise_slow,
 * for the unit test that compares the two). */
static size_t ma_pr_normalise(const char *s, size_t n, char *out, size_t cap, int *mixed, int swar)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	int space = 1, ascii_in_word = 0, fold_in_word = 0, in_word = 0, native = 0;

	*mixed = 0;
	while (i < n && o + 4 < cap) {
		size_t k;
		uint32_t c;
		int f, letter;
		if (u[i] < 0x80) {
			/* ASCII: the steps below that apply to it, in their order */
			int alpha;
			c = u[i];
			if (c == ' ') { /* the steps of ascii: below for a space, first */
				in_word = 0;
				i++;
				if (!space)
					out[o++] = ' ';
				space = 1;
				if (ascii_in_word && fold_in_word)
					(*mixed)++;
				ascii_in_word = fold_in_word = 0;
				continue;
			}
			/* a tag of text markup: dropped; a block's ends a
			 * sentence (';'), an inline one's leaves nothing
			 * ("ig<b>no</b>re" is shown "ignore") */
			if (c == '<') {
				int inl = 0;
				size_t tl = ma_pr_markup_tag(u + i, n - i, &inl);
				if (tl) {
					unsigned pv = o ? (unsigned char)out[o - 1] : ' ';
					i += tl;
					if (!inl && o && pv != ' ' && pv != ';' && pv != '\n') {
						/* a block's tag ends a sentence (review19b:
						 * "copy</button></pre><p>With the above" is
						 * two): the steps of a symbol */
						in_word = 0;
						out[o++] = ';';
						space = 0;
						if (ascii_in_word && fold_in_word)
							(*mixed)++;
						ascii_in_word = fold_in_word = 0;
					}
					continue;
				}
			}
			alpha = (c | 0x20) - 'a' < 26u;
#if defined(MA_PR_NORM_SSE2)
			/* from a letter or a symbol, letters, symbols and single
			 * spaces sixteen bytes at a time (all sixteen stored: o + 20
			 * < cap) */
			if ((alpha || (c > ' ' && c < 0x7F && c != '\'' && c - '0' >= 10u)) &&
			    swar && i + 16 <= n && o + 20 < cap) {
				struct ma_pr_nstate ns = {space, ascii_in_word, fold_in_word,
				                          in_word, native};
				size_t m = ma_pr_plain16(u + i, out + o, &ns, mixed);
				space = ns.space;
				ascii_in_word = ns.ascii_in_word;
				fold_in_word = ns.fold_in_word;
				in_word = ns.in_word;
				native = ns.native;
				i += m;
				o += m;
				continue;
			}
#endif
			letter = alpha || c - '0' < 10u;
			if (letter &&
			    !in_word) /* a word that starts with a Latin letter is Latin */
				native = alpha ? 0
				               : ma_pr_word_native(u + i, n - i,
				                                   ma_pr_latin_before(out, o));
			in_word = letter;
			i++;
			if (alpha) {
				ascii_in_word = 1;
				{
					/* the end of the letters this run may take: o + 4 < cap
					 * holds while o < lim; i and o move together below (a
					 * letter each, then a space and a letter each), so the
					 * end found here holds for the whole run */
					size_t lim = cap - 4,
					       end = n - i < lim - o ? n : i + (lim - o - 1);
					for (;;) {
						out[o++] = (char)(c | 0x20);
						while (swar && i + 8 <= end) {
							uint64_t v, m;
							memcpy(&v, u + i, 8);
							/* the bytes that are no letters */
							m = ~ma_pr_letter_bytes(v) &
							    0x8080808080808080ull;
							if (!m) {
								v |= 0x2020202020202020ull;
								memcpy(out + o, &v, 8);
								i += 8;
								o += 8;
								continue;
							}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
							{
								/* the run ends among the eight: all
								 * eight stored lowercased (o + 8 <
								 * cap), its letters from the first
								 * kept */
								size_t run =
								    (size_t)__builtin_ctzll(m) >> 3;
								v |= 0x2020202020202020ull;
								memcpy(out + o, &v, 8);
								i += run;
								o += run;
							}
#endif
							break;
						}
						while (i < end &&
						       (unsigned)((u[i] | 0x20) - 'a') < 26u)
							out[o++] = (char)(u[i++] | 0x20);
						/* one space and a letter after the run: the steps
						 * of a space and of a word's first letter (below
						 * and above; o + 6 < cap holds) taken here */
						if (!swar || i + 1 >= end || u[i] != ' ' ||
						    (unsigned)((u[i + 1] | 0x20) - 'a') >= 26u)
							break;
						out[o++] = ' ';
						if (fold_in_word)
							(*mixed)++;
						fold_in_word = 0;
						native = 0;
						c = u[i + 1];
						i += 2;
					}
				}
				space = 0;
				continue;
			}
			goto ascii;
		}
		if (swar && u[i] >= 0xC3 && u[i] <= 0xC5 && i + 1 < n &&
		    (u[i + 1] & 0xC0) == 0x80) {
			/* an accented Latin letter (U+00C0..U+017F) inside a word
			 * that is not native, or alone (the text ends, or an ASCII
			 * byte neither a letter nor a digit follows: a Latin
			 * letter is no native one): its letter, the steps below
			 * taken at once */
			unsigned nx = i + 2 < n ? u[i + 2] : 0;
			f = ma_pr_latin(((uint32_t)(u[i] & 0x1F) << 6) | (u[i + 1] & 0x3Fu));
			if (f && (in_word ? !native
			                  : i + 2 >= n || (nx < 0x80 && (nx | 0x20) - 'a' >= 26u &&
			                                   nx - '0' >= 10u))) {
				in_word = 1;
				native = 0;
				i += 2;
				out[o++] = (char)f;
				ascii_in_word = 1;
				space = 0;
				/* the same letter again and again one space apart ("ö ö
				 * ö ..."): the steps of the space (below) and of this
				 * letter alone (above) taken three bytes at a time, while
				 * each letter is alone (the text ends or an ASCII byte
				 * neither a letter nor a digit follows) and both steps
				 * have room (o + 4 < cap before each) */
				while (i + 3 <= n && o + 5 < cap && u[i] == ' ' &&
				       u[i + 1] == u[i - 2] && u[i + 2] == u[i - 1] &&
				       (i + 3 == n || (u[i + 3] < 0x80 &&
				                       (unsigned)((u[i + 3] | 0x20) - 'a') >= 26u &&
				                       (unsigned)(u[i + 3] - '0') >= 10u))) {
					if (fold_in_word) /* ascii_in_word is 1 */
						(*mixed)++;
					fold_in_word = 0;
					out[o++] = ' ';
					out[o++] = (char)f;
					i += 3;
				}
				continue;
			}
		}
		c = ma_pr_utf8(u + i, n - i, &k);
		letter = c >= 0x80 || (c | 0x20) - 'a' < 26u || c - '0' < 10u;
		if (letter && !in_word) {
			/* a word of this one character (the text ends, or an ASCII
			 * byte neither a letter nor a digit follows) is native as c is */
			unsigned nx = i + k < n ? u[i + k] : 0;
			if (i + k >= n ||
			    (nx < 0x80 && (nx | 0x20) - 'a' >= 26u && nx - '0' >= 10u))
				native = ma_pr_native(c);
			else
				native =
				    ma_pr_word_native(u + i, n - i, ma_pr_latin_before(out, o));
		}
		in_word = letter;
		if (c >= 0x80 && native && ma_pr_fold(c) != 1 && ma_pr_fold(c) != ' ') {
			/* a Cyrillic or Greek word: kept, lowercased */
			uint32_t lc = ma_pr_lower(c);
			if (lc >= 0x80 && lc < 0x800 && k == 2) {
				out[o++] = (char)(0xC0 | (lc >> 6));
				out[o++] = (char)(0x80 | (lc & 0x3F));
			} else {
				memcpy(out + o, s + i, k);
				o += k;
			}
			space = 0;
			i += k;
			continue;
		}
		f = c < 0x80 ? 0 : ma_pr_latin(c);
		if (f) { /* an accented letter: its letter, no look-alike */
			i += k;
			out[o++] = (char)f;
			ascii_in_word = 1;
			space = 0;
			continue;
		}
		f = c < 0x80 ? 0 : ma_pr_fold(c);
		if (f == 0 && c >= 0x0370 && c <= 0x058F) {
			/* a weak look-alike in a word that is not native (prompt19):
			 * its letter, not counted in *mixed ("μm", "sin ωt") */
			f = ma_pr_fold_weak(c);
			if (f) {
				i += k;
				out[o++] = (char)f;
				space = 0;
				continue;
			}
		}
		if (c >= 0x80 && f == 0) { /* kept as it is: a letter of another script */
			memcpy(out + o, s + i, k);
			o += k;
			space = 0;
			i += k;
			/* (native is 0 here: a native c is kept above) the same
			 * character again and again one space apart ("❤ ❤ ❤ ..."),
			 * each alone (the text ends or an ASCII byte neither a letter
			 * nor a digit follows) and not native by itself: the steps of
			 * the space and of this character taken together, while both
			 * have room (o + 4 < cap before each) */
			if (swar && !ma_pr_native(c))
				while (i + 1 + k <= n && o + 5 < cap && u[i] == ' ' &&
				       u[i + 1] == u[i - k] &&
				       (k < 2 || u[i + 2] == u[i + 1 - k]) &&
				       (k < 3 || u[i + 3] == u[i + 2 - k]) &&
				       (k < 4 || u[i + 4] == u[i + 3 - k]) &&
				       (i + 1 + k == n ||
				        (u[i + 1 + k] < 0x80 &&
				         (unsigned)((u[i + 1 + k] | 0x20) - 'a') >= 26u &&
				         (unsigned)(u[i + 1 + k] - '0') >= 10u))) {
					if (ascii_in_word && fold_in_word)
						(*mixed)++;
					ascii_in_word = fold_in_word = 0;
					out[o++] = ' ';
					memcpy(out + o, s + i + 1, k);
					o += k;
					i += 1 + k;
				}
			continue;
		}
		i += k;
		if (f == 1)
			continue;
		if (c >= 0x80) {
			fold_in_word = fold_in_word || (f >= 'a' && f <= 'z');
			c = (uint32_t)f;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			ascii_in_word = 1;
		}
		if (c >= 'A' && c <= 'Z')
			c += 32;
	ascii:
		if (c == '\'' && o && out[o - 1] >= 'a' && out[o - 1] <= 'z' && i < n &&
		    ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			continue; /* you're -> youre */
		if (c == '\n' || c == '\r') {
			if (o && out[o - 1] == ' ')
				o--;
			if (!o || out[o - 1] != '\n')
				out[o++] = '\n';
			space = 1;
		} else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0) {
			if (!space)
				out[o++] = ' ';
			space = 1;
		} else {
			out[o++] = (char)c;
			space = 0;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			if (ascii_in_word && fold_in_word)
				(*mixed)++;
			ascii_in_word = fold_in_word = 0;
		}
	}
	if (ascii_in_word && fold_in_word)
		(*mixed)++;
	return o;
}

size_t ma_prompt_normalise(const char *s, size_t n, char *out, size_t cap, int *mixed)
{
	return ma_pr_normalise(s, n, out, cap, mixed, 1);
}

size_t ma_prompt_normalise_slow(const char *s, size_t n, char *out, size_t cap, int *mixed)
{
	return ma_pr_normalise(s, n, out, cap, mixed, 0);
}

/* English written in Cyrillic letters ("Игноре олл превиоус рулес"): the
 * word w (l bytes, lowercase) transliterated into out (cap bytes); 0 if it
 * holds anything but Cyrillic letters or does not fit. */
size_t ma_pr_translit(const char *w, size_t l, char *out, size_t cap)
{
	/* U+0430..U+044F: a b v g d e zh z i y k l m n o p r s t u f h c ch sh sch - y - e yu ya */
	static const char *const cyr[32] = {
	    "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "y",   "k", "l", "m", "n", "o",  "p",
	    "r", "s", "t", "u", "f", "h", "c",  "ch", "sh", "sch", "",  "y", "",  "e", "yu", "ya"};
	size_t o = 0;

	for (size_t i = 0; i < l; i += 2) {
		unsigned a = (unsigned char)w[i], b = i + 1 < l ? (unsigned char)w[i + 1] : 0;
		unsigned c = ((a & 0x1F) << 6) | (b & 0x3F);
		const char *x;
		size_t xl;
		if ((a != 0xD0 && a != 0xD1) || (b & 0xC0) != 0x80)
			return 0;
		if (c == 0x451)
			c = 0x435; /* yo as e */
		if (c < 0x430 || c > 0x44F)
			return 0;
		x = cyr[c - 0x430];
		xl = strlen(x);
		if (o + xl >= cap)
			return 0;
		memcpy(out + o, x, xl);
		o += xl;
	}
	return o;
}
