/*
 * ma_prompt_dec.c — more encodings for the "encoded" family of the
 * llm_prompt_injection check (ma_prompt.c decodes base64, hex, binary,
 * Morse and percent-encoded runs, rot13 / Caesar shifts, reversed text and
 * split payloads; ma_prompt_norm.c folds tag characters, look-alike and
 * enclosed letters). The encodings that public red-team guides list
 * beside those, each decoded here and scored again by the caller exactly
 * as a base64 run is (ma_pr_decode_runs, ma_pr_score_text):
 *
 *   escapes     runs of HTML character references ("&#105;", "&#x69;"),
 *               backslash escapes ("\u0069", "\x69", "\151", "\u{69}",
 *               "\x{69}", Ruby's "\u{49 67 6e}") and
 *               quoted-printable ("=69"), four escapes at least, with the
 *               plain bytes between them
 *   numbers     character codes written as a list of numbers, decimal,
 *               octal or 0x hex ("73 103 110 ...", "0x49, 0x67, ..."),
 *               eight at least
 *   base32      runs of 20 or more of A-Z and 2-7 ('=' padding), or 40
 *               or more of a-z and 2-7 with two digits and a letter past f,
 *               or 24 or more in both cases with a digit in every 16
 *   ascii85     Adobe's framed runs ("<~" ... "~>"), twenty bytes at least
 *   Braille     Unicode Braille patterns (U+2800..U+28FF, grade 1 letters,
 *               the number and capital signs), eight letters at least;
 *               the blank cell U+2800 a space, two (a word's gap) when
 *               the cells stand one space apart
 *   upside-down letters turned over ("ɐ ǝ ɹ ʇ ..."), read back to front
 *               and as they stand, four at least on a line
 *   Atbash      a sentence whose words, letters mirrored (a<->z), are
 *               common words (the Caesar check's sentences: no word known)
 *   NATO        ICAO spelling ("India Golf November ..."), six words at
 *               least in a row, read as their first letters (code words
 *               joined by '-', '.', '_' or '/' when one of those joins
 *               most of them)
 *   pig latin   five words of seven ending in "ay", each put back
 *   dense runs  (prompt20) 32 printable bytes or more without a
 *               space, read as base58 (Bitcoin's alphabet), ascii85
 *               without its frame, base85 (RFC 1924) or base64 written
 *               back to front or rot13'd; kept when nine tenths of what
 *               it decodes to is printable (tokens, hashes, keys and
 *               binary data decode to no text)
 *
 * Any decoded run whose characters stand one space apart, words a wider
 * gap apart ("i g n o r e   a l l", Braille cells spaced, or base64 of
 * it), is read as words (ma_pr_dec_unspace; ma_prompt.c calls it on
 * every run); with no wider gap, ma_prompt.c glues the run's one-letter
 * words as it does plain text's (ma_pr_glued: an override verb and an
 * instruction noun inside them). ma_pr_dec_named tells ma_prompt.c's Caesar and Atbash
 * checks that the text names a cipher in clear.
 *
 * Cost: escapes and upside-down letters are found by a byte the text
 * must hold (memchr of '&', '\\', '=', 0xC9 and '~' (ascii85), once a
 * window); number
 * lists, base32 and Braille by probing one byte in twenty (each counts
 * from 20 bytes), NATO one word in six; Atbash is tried only in the
 * sentences the Caesar check already walks (no word known); dense runs
 * by one byte in 16, each run's first 16 decoded bytes tried before the
 * rest. Text without
 * them pays those scans alone (promptcost: about 2 % of the dev attacks'
 * mean instructions, 1 % of their p99).
 *
 * Threads: any. Pure functions over the caller's buffers; no allocation.
 */
#include "ma_int.h"
#include "ma_prompt.h"
#include "ma_util.h"

#include <pthread.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Code point c as UTF-8 into d (4 bytes of room); its length. */
static size_t ma_pr_dec_put(uint32_t c, char *d)
{
	if (c < 0x80) {
		d[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		d[0] = (char)(0xC0 | (c >> 6));
		d[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		d[0] = (char)(0xE0 | (c >> 12));
		d[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		d[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | (c >> 18));
	d[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	d[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The number of base b (8, 10 or 16) at s[i, n), at most max digits:
 * its value in *v (0x10FFFF + 1 when larger), its digit count returned. */
static size_t ma_pr_dec_num(const char *s, size_t i, size_t n, int b, size_t max, uint32_t *v)
{
	size_t k = 0;

	*v = 0;
	while (i + k < n && k < max) {
		int c = (unsigned char)s[i + k], x;
		x = b == 16 ? ma_hex_val(c) : (c >= '0' && c < '0' + b) ? c - '0' : -1;
		if (x < 0)
			break;
		*v = *v > 0x10FFFF ? *v : *v * (uint32_t)b + (uint32_t)x;
		k++;
	}
	if (*v > 0x10FFFF)
		*v = 0x110000;
	return k;
}

/* The escape of kind t ('&', '\\' or '=') at s[i] (s[i] == t): its code
 * point in *c and its length, 0 when none starts there. */
static size_t ma_pr_dec_esc(const char *s, size_t i, size_t n, char t, uint32_t *c)
{
	size_t k;

	if (i + 2 >= n)
		return 0;
	if (t == '&') {
		/* "&#105;", "&#x69;" (the ';' may be left out) */
		int hx = s[i + 1] == '#' && (s[i + 2] == 'x' || s[i + 2] == 'X');
		if (s[i + 1] != '#')
			return 0;
		k = ma_pr_dec_num(s, i + 2 + hx, n, hx ? 16 : 10, 7, c);
		if (!k)
			return 0;
		k += 2 + (size_t)hx;
		return k + (i + k < n && s[i + k] == ';');
	}
	if (t == '=') {
		/* quoted-printable: '=' and two upper-case hex digits */
		unsigned char a = (unsigned char)s[i + 1], b = (unsigned char)s[i + 2];
		if (ma_hex_val(a) < 0 || ma_hex_val(b) < 0 || (a >= 'a' && a <= 'f') ||
		    (b >= 'a' && b <= 'f'))
			return 0;
		*c = (uint32_t)(ma_hex_val(a) * 16 + ma_hex_val(b));
		return 3;
	}
	/* "\u0069" (four hex digits), "\x69" (two), "\151" (three octal);
	 * braced, "\u{69}" (JavaScript, Rust, Swift) and "\x{69}" (Perl,
	 * PCRE), one to six hex digits */
	if ((s[i + 1] == 'u' || s[i + 1] == 'x') && s[i + 2] == '{') {
		uint32_t v;
		size_t q;
		k = ma_pr_dec_num(s, i + 3, n, 16, 6, c);
		if (!k || i + 3 + k >= n)
			return 0;
		if (s[i + 3 + k] == '}')
			return k + 4;
		/* Ruby's "\u{49 67 6e}": several code points one space or more
		 * apart in one brace, the whole brace its length
		 * (ma_pr_dec_brace reads them) */
		for (q = i + 3 + k; s[i + 1] == 'u' && q < n;) {
			size_t m;
			if (s[q] == '}')
				return q + 1 - i;
			if (s[q] != ' ' && s[q] != '\t')
				break;
			while (q < n && (s[q] == ' ' || s[q] == '\t'))
				q++;
			if (q < n && s[q] == '}')
				continue;
			m = ma_pr_dec_num(s, q, n, 16, 6, &v);
			if (!m)
				break;
			q += m;
		}
		return 0;
	}
	if (s[i + 1] == 'u')
		return ma_pr_dec_num(s, i + 2, n, 16, 4, c) == 4 ? 6 : 0;
	if (s[i + 1] == 'x')
		return ma_pr_dec_num(s, i + 2, n, 16, 2, c) == 2 ? 4 : 0;
	return s[i + 1] >= '0' && s[i + 1] <= '3' && ma_pr_dec_num(s, i + 1, n, 8, 3, c) == 3 ? 4
	                                                                                      : 0;
}

/* A named character reference at s[i] (s[i] == '&'), its length (0:
 * none) and what it stands for in *c (session 31, promptenc: "&nbsp;"
 * and "&amp;" between "&#73;&#x67;..." ended the run's words): the
 * spaces, the marks of ASCII, the invisible ones (*c 0: nothing), and a
 * letter with an accent ("&eacute;": the letter, as the normaliser folds
 * it). The ';' is needed. */
static size_t ma_pr_dec_named_ref(const char *s, size_t i, size_t n, uint32_t *c)
{
	static const struct {
		const char *name;
		char c;
	} refs[] = {{"nbsp", ' '},  {"ensp", ' '},     {"emsp", ' '},  {"thinsp", ' '},
	            {"Tab", '\t'},  {"NewLine", '\n'}, {"amp", '&'},   {"lt", '<'},
	            {"gt", '>'},    {"quot", '"'},     {"apos", '\''}, {"period", '.'},
	            {"comma", ','}, {"colon", ':'},    {"semi", ';'},  {"excl", '!'},
	            {"quest", '?'}, {"lpar", '('},     {"rpar", ')'},  {"hyphen", '-'},
	            {"dash", '-'},  {"sol", '/'},      {"num", '#'},   {"shy", 0},
	            {"zwnj", 0},    {"zwj", 0}};
	static const char *const accents[] = {"grave", "acute", "circ",  "uml",
	                                      "tilde", "ring",  "cedil", "slash"};
	size_t k = i + 1, l;

	while (k < n && k - i <= 8 && ((unsigned char)s[k] | 0x20u) - 'a' < 26u)
		k++;
	l = k - i - 1;
	if (l < 2 || k >= n || s[k] != ';')
		return 0;
	for (size_t q = 0; q < sizeof refs / sizeof refs[0]; q++)
		if (strlen(refs[q].name) == l && memcmp(refs[q].name, s + i + 1, l) == 0) {
			*c = (unsigned char)refs[q].c;
			return l + 2;
		}
	for (size_t q = 0; q < sizeof accents / sizeof accents[0]; q++)
		if (strlen(accents[q]) == l - 1 && memcmp(accents[q], s + i + 2, l - 1) == 0) {
			*c = (unsigned char)s[i + 1];
			return l + 2;
		}
	return 0;
}

/* The code points of a brace s[a, e) ("49 67 6e" of Ruby's "\u{49 67
 * 6e}") into d (cap bytes) from *dl on, each an escape (*esc, *hid as
 * ma_pr_dec_escrun counts them); 0 for a brace of one code point (read
 * as any escape), 1 otherwise. The brace was checked by ma_pr_dec_esc. */
static int ma_pr_dec_brace(const char *s, size_t a, size_t e, char *d, size_t *dl, size_t cap,
                           size_t *esc, int *hid)
{
	size_t q = a;
	uint32_t c;

	while (q < e && ma_hex_val((unsigned char)s[q]) >= 0)
		q++;
	if (q == e)
		return 0;
	for (q = a; q < e && *dl + 4 < cap;) {
		size_t m;
		if (s[q] == ' ' || s[q] == '\t') {
			q++;
			continue;
		}
		m = ma_pr_dec_num(s, q, e, 16, 6, &c);
		if (!m)
			break;
		q += m;
		if (c < 0x110000 && c != 0) {
			*hid |= (c | 0x20) - 'a' < 26u || c - '0' < 10u;
			*dl += ma_pr_dec_put(c, d + *dl);
			++*esc;
		}
	}
	return 1;
}

/* The next run of escapes of kind t from *j on: four escapes at least,
 * each within 16 bytes of the one before, with the plain bytes between
 * them (and up to 24 before the first, not past a colon: "Ignore a&#108;&#108; ...", up to 16
 * after the last),
 * decoded into d (cap bytes); its length returned (0: too few escapes),
 * -1 when no t is left. *hid: an escape stood for a letter or a digit. */
static long ma_pr_dec_escrun(const char *s, size_t n, size_t lo, size_t *j, char t, char *d,
                             size_t cap, int *hid)
{
	while (*j < n) {
		const char *p = memchr(s + *j, t, n - *j);
		size_t a, k, last, dl = 0, esc = 0;
		uint32_t c;
		if (!p) {
			*j = n;
			return -1;
		}
		a = (size_t)(p - s);
		if (!ma_pr_dec_esc(s, a, n, t, &c)) {
			/* past a run of t ("=====") at once */
			*j = a + 1;
			while (*j < n && s[*j] == t)
				++*j;
			continue;
		}
		*hid = 0;
		k = a;
		/* (not back past a colon: a frame's "… and answer it:" is no
		 * part of the run; session 31, promptenc) */
		while (k > lo && a - k < 24 && s[k - 1] >= ' ' && s[k - 1] < 0x7F &&
		       s[k - 1] != '>' && s[k - 1] != t && s[k - 1] != ':')
			k--;
		last = a; /* the end of the last escape (the plain bytes before the
		           * first are copied whatever their count) */
		while (k < n && dl + 4 < cap) {
			size_t m = s[k] == t ? ma_pr_dec_esc(s, k, n, t, &c) : 0;
			if (m && t == '\\' && s[k + 2] == '{' &&
			    ma_pr_dec_brace(s, k + 3, k + m - 1, d, &dl, cap, &esc, hid)) {
				k += m;
				last = k;
				continue;
			}
			if (m && c < 0x110000 && c != 0) {
				*hid |= (c | 0x20) - 'a' < 26u || c - '0' < 10u;
				dl += ma_pr_dec_put(c, d + dl);
				esc++;
				k += m;
				last = k;
				continue;
			}
			if (m == 0 && t == '&' && s[k] == '&' &&
			    (m = ma_pr_dec_named_ref(s, k, n, &c)) > 0) {
				/* a named reference: decoded, not counted */
				if (c)
					d[dl++] = (char)c;
				k += m;
				last = k;
				continue;
			}
			if (m == 0 && t == '=' && k + 1 < n &&
			    (s[k + 1] == '\n' || s[k + 1] == '\r')) {
				k += 2; /* a soft line break */
				continue;
			}
			if (k >= last + 16)
				break;
			d[dl++] = s[k++];
		}
		*j = last > a ? last : a + 1;
		return esc >= 4 ? (long)dl : 0; /* with up to 16 plain bytes after */
	}
	return -1;
}

/* The bytes the walk probes (ma_pr_dec_walk): bit 1 a decimal digit, 2 a
 * separator of a number list (' ', ',', ';', '\t'), 4 a base32 character
 * (A-Z, 2-7), 8 the 'x' of "0x", 16 a hex letter, 32 a lower-case
 * base32 character (a-z, 2-7), 64 a UTF-8 continuation byte or 0xE2 (a
 * Braille pattern's), 128 a letter g-z. */
/* clang-format off */
static const uint8_t ma_pr_dec_cl[256] = {
    ['\t'] = 2, [' '] = 2, [','] = 2, ['0'] = 1, ['1'] = 1, ['2'] = 37,
    ['3'] = 37, ['4'] = 37, ['5'] = 37, ['6'] = 37, ['7'] = 37, ['8'] = 1, ['9'] = 1, [';'] = 2,
    ['A'] = 20, ['B'] = 20, ['C'] = 20, ['D'] = 20, ['E'] = 20, ['F'] = 20,
    ['G'] = 4, ['H'] = 4, ['I'] = 4, ['J'] = 4, ['K'] = 4, ['L'] = 4, ['M'] = 4, ['N'] = 4,
    ['O'] = 4, ['P'] = 4, ['Q'] = 4, ['R'] = 4, ['S'] = 4, ['T'] = 4, ['U'] = 4, ['V'] = 4,
    ['W'] = 4, ['X'] = 12, ['Y'] = 4, ['Z'] = 4, ['a'] = 48, ['b'] = 48, ['c'] = 48,
    ['d'] = 48, ['e'] = 48, ['f'] = 48, ['g' ... 'w'] = 160, ['x'] = 168, ['y'] = 160, ['z'] = 160,
    [0x80 ... 0xBF] = 64, [0xE2] = 64};
/* clang-format on */
#define ma_pr_dec_cls(c) (ma_pr_dec_cl[(unsigned char)(c)])

/* The list of numbers that starts at s[a] (a digit), read in base b (10:
 * decimal and "0x" hex; 8: octal): numbers one to three separators
 * apart, all "0x" hex or all plain, each an ASCII code (a printable byte
 * or a newline), decoded into d (cap bytes) up to the first that is none.
 * Returns how many (the list counts from eight), *e the end of the last
 * code, *sp 1 when a code is a space; *stop where the list stopped (past
 * a number that is no code: the next list starts after it). */
static size_t ma_pr_dec_list1(const char *s, size_t a, size_t n, int b, size_t *e, char *d,
                              size_t cap, int *sp, size_t *stop)
{
	size_t k = a, dl = 0;
	int hex = k + 1 < n && s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X');

	*e = a;
	*sp = 0;
	*stop = a + 1;
	while (k < n && dl < cap) {
		uint32_t v;
		size_t m;
		if (hex) {
			if (!(k + 2 < n && s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X')))
				break;
			m = ma_pr_dec_num(s, k + 2, n, 16, 6, &v);
			if (!m)
				break;
			m += 2;
		} else {
			m = ma_pr_dec_num(s, k, n, b, 7, &v);
			if (!m)
				break;
		}
		*stop = k + m;
		/* the number must end the token, and be a character's code */
		if (k + m < n && (ma_pr_dec_cls((unsigned char)s[k + m]) & 2) == 0 &&
		    s[k + m] != '.' && s[k + m] != ']' && s[k + m] != ')' && s[k + m] != '\n')
			break;
		if (!((v >= 32 && v < 127) || v == 10))
			break;
		d[dl++] = (char)v;
		*sp |= v == ' ';
		k += m;
		*e = k;
		/* one to three separators to the next number */
		m = 0;
		while (k < n && m < 3 && (ma_pr_dec_cls((unsigned char)s[k]) & 2)) {
			k++;
			m++;
		}
		if (!m)
			break;
	}
	return dl;
}

/* ma_pr_dec_list1 as decimal (or "0x" hex), or as octal when decimal
 * gives no list with a space and octal gives one; 0 when neither gives
 * eight codes. *stop: where the next list may start. */
static size_t ma_pr_dec_list(const char *s, size_t a, size_t n, size_t *e, char *d, size_t cap,
                             size_t *stop)
{
	int sp, osp;
	size_t dl = ma_pr_dec_list1(s, a, n, 10, e, d, cap, &sp, stop), e8, ol, st8;

	if (dl >= 8 && sp)
		return dl;
	ol = ma_pr_dec_list1(s, a, n, 8, &e8, d, cap, &osp, &st8);
	if (ol >= 8 && osp) {
		*e = e8;
		*stop = st8;
		return ol;
	}
	return dl >= 8 ? ma_pr_dec_list1(s, a, n, 10, e, d, cap, &sp, stop) : 0;
}

/* 1 if the run s[a, e) of A-Z, a-z and 2-7 is read as base32: one case
 * (the classes' AND: bit 4 every byte upper case or a digit, 32 lower
 * case or a digit), in lower case 40 bytes at least (25 decoded), two
 * digits and a letter past f (their OR: 128); in both cases (evasion12:
 * a decoder that folds case reads it, "jfTw433Smuqg...") 24 bytes at
 * least and a digit in every 16 (base32 of text has one in five;
 * camelCase names have none, base64 runs hold 0, 1, 8, 9, '+' or '/'
 * that end the run, and what decodes to no text is dropped by the
 * caller's ma_pr_texty). */
static int ma_pr_dec_b32ok(const char *s, size_t a, size_t e)
{
	uint8_t all = 0xFF, any = 0;
	size_t dig = 0, up = 0;

	for (size_t k = a; k < e; k++) {
		uint8_t x = ma_pr_dec_cls(s[k]);
		all &= x;
		any |= x;
		dig += x & 1;
		up += (x & 36) == 4;
	}
	return (all & 4) || ((all & 32) && e - a >= 40 && dig >= 2 && (any & 128)) ||
	       (up && !(all & 4) && e - a >= 24 && dig * 16 >= e - a);
}

/* The base32 run s[a, e) (A-Z or a-z, and 2-7; '=' after) decoded into d. */
static size_t ma_pr_dec_b32(const char *s, size_t a, size_t e, char *d, size_t cap)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t dl = 0;

	for (size_t k = a; k < e && dl < cap; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == '=')
			break;
		acc = (acc << 5) | (uint32_t)(c >= 'a'   ? c - 'a'
		                              : c >= 'A' ? c - 'A'
		                                         : c - '2' + 26);
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			d[dl++] = (char)((acc >> bits) & 0xFF);
		}
	}
	return dl;
}

/* The next run of Braille patterns (lead byte 0xE2, then 0xA0..0xA3) from
 * *j on, read as grade 1 letters; its length (0: fewer than eight
 * letters), -1 when none is left. */
static long ma_pr_dec_braille(const char *s, size_t n, size_t *j, char *d, size_t cap)
{
	/* a cell's six dots (bit 0 dot 1 .. bit 5 dot 6) to a letter or a
	 * punctuation mark; 0 none. '#' the number sign, '^' the capital one */
	static const char cell[64] = {
	    ' ', 'a', ',', 'b', '\'', 'k', ';', 'l', 0, 'c', 'i', 'f', 0,   'm', 's', 'p',
	    0,   'e', ':', 'h', 0,    'o', '!', 'r', 0, 'd', 'j', 'g', 0,   'n', 't', 'q',
	    '^', 0,   0,   0,   '-',  'u', '?', 'v', 0, 0,   0,   0,   '#', 'x', 0,   0,
	    0,   0,   '.', 0,   0,    'z', 0,   0,   0, 0,   'w', 0,   '#', 'y', 0,   0};
	while (*j + 2 < n) {
		const char *p = memchr(s + *j, 0xE2, n - 2 - *j);
		size_t k, dl = 0, letters = 0;
		int num = 0, blank = 0, spaced = 0;
		if (!p) {
			*j = n;
			return -1;
		}
		k = (size_t)(p - s);
		if (((unsigned char)s[k + 1] & 0xFC) != 0xA0) {
			*j = k + 1;
			continue;
		}
		while (k < n && dl < cap) {
			unsigned char c = (unsigned char)s[k];
			if (c == 0xE2 && k + 2 < n && ((unsigned char)s[k + 1] & 0xFC) == 0xA0 &&
			    ((unsigned char)s[k + 2] & 0xC0) == 0x80) {
				char x = cell[(((unsigned char)s[k + 1] & 3) << 6 |
				               ((unsigned char)s[k + 2] & 0x3F)) &
				              63];
				k += 3;
				if (x == '#') {
					num = 1;
				} else if (x == '^') {
				} else if (x && num && x >= 'a' && x <= 'j') {
					d[dl++] = x == 'j' ? '0' : (char)('1' + (x - 'a'));
				} else if (x == ' ' && dl + 1 < cap) {
					/* the blank cell: a space and a mark, made a
					 * second space (a word's gap) when the cells are
					 * one space apart, else dropped (below) */
					num = 0;
					blank = 1;
					d[dl++] = ' ';
					d[dl++] = 1;
				} else if (x && x != ' ') {
					letters += x >= 'a' && x <= 'z';
					d[dl++] = x;
				}
			} else if (c == ' ' || c == '\n' || c == '.' || c == ',' || c == '!' ||
			           c == '?') {
				num = 0;
				spaced |= c == ' ' && dl && d[dl - 1] != ' ' && k + 1 < n &&
				          (unsigned char)s[k + 1] == 0xE2;
				d[dl++] = (char)c;
				k++;
			} else {
				break;
			}
		}
		*j = k;
		if (blank) {
			size_t o = 0;
			for (size_t i = 0; i < dl; i++)
				if (d[i] != 1 || spaced)
					d[o++] = d[i] == 1 ? ' ' : d[i];
			dl = o;
		}
		return letters >= 8 ? (long)dl : 0;
	}
	*j = n;
	return -1;
}

/* A letter turned upside down (or a mark turned over) as the ASCII it
 * stands for; 0 none. */
static char ma_pr_dec_flip(uint32_t c)
{
	static const struct {
		uint16_t c;
		char a;
	} f[] = {{0x0250, 'a'}, {0x0254, 'c'}, {0x01DD, 'e'}, {0x0259, 'e'}, {0x025F, 'f'},
	         {0x0183, 'g'}, {0x0265, 'h'}, {0x1D09, 'i'}, {0x0131, 'i'}, {0x027E, 'j'},
	         {0x029E, 'k'}, {0x026F, 'm'}, {0x0279, 'r'}, {0x0287, 't'}, {0x028C, 'v'},
	         {0x028D, 'w'}, {0x028E, 'y'}, {0x0501, 'p'}, {0x2200, 'a'}, {0x0186, 'c'},
	         {0x018E, 'e'}, {0x2132, 'f'}, {0x2141, 'g'}, {0x02E5, 'l'}, {0x0500, 'p'},
	         {0x1D1A, 'r'}, {0x22A5, 't'}, {0x2229, 'u'}, {0x039B, 'v'}, {0x2144, 'y'},
	         {0x00A1, '!'}, {0x00BF, '?'}, {0x02D9, '.'}};
	for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
		if (f[k].c == c)
			return f[k].a;
	return 0;
}

/* The next line from *j on that holds four letters turned upside down
 * (one of them 0xC9-led: ɐ ɔ ɥ ɯ ɹ ...), read back to front (pass 0: the
 * usual "flip" of a text) and as it stands (pass 1), into d; its length
 * (0: too few), -1 when none is left. */
static long ma_pr_dec_updown(const char *s, size_t n, size_t *j, int *pass, size_t *ls, char *d,
                             size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*j < n) {
		size_t a, e, k, dl = 0, flips = 0;
		if (*pass == 0) {
			const char *p = memchr(s + *j, 0xC9, n - *j);
			if (!p) {
				*j = n;
				return -1;
			}
			a = (size_t)(p - s);
			while (a > *j && s[a - 1] != '\n' && (size_t)(p - s) - a < 512)
				a--;
			*ls = a;
		}
		a = *ls;
		e = a;
		while (e < n && s[e] != '\n' && e - a < cap - 8)
			e++;
		/* the line's code points, turned back, into d */
		for (k = a; k < e && dl + 4 < cap;) {
			size_t m = 1, i;
			uint32_t c = u[k];
			char x;
			if (c >= 0xC0) {
				size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
				if (k + need >= e) /* cut by the line's end */
					break;
				c &= 0x3Fu >> need;
				for (i = 1; i <= need && (u[k + i] & 0xC0) == 0x80; i++)
					c = (c << 6) | (u[k + i] & 0x3Fu);
				m = i;
			}
			x = c >= 0x80 ? ma_pr_dec_flip(c) : 0;
			flips += x != 0;
			if (!x && c < 0x80) {
				/* ASCII letters that turn into each other */
				x = (char)c;
				x = x == 'b'   ? 'q'
				    : x == 'q' ? 'b'
				    : x == 'd' ? 'p'
				    : x == 'p' ? 'd'
				    : x == 'n' ? 'u'
				    : x == 'u' ? 'n'
				               : x;
			}
			if (x)
				d[dl++] = x;
			else
				dl += ma_pr_dec_put(c, d + dl);
			k += m;
		}
		if (*pass == 0 && flips >= 4) {
			/* back to front: reverse the bytes (d is ASCII where it
			 * counts; a multi-byte character is put back in order) */
			for (size_t x = 0, y = dl; x + 1 < y; x++, y--) {
				char t = d[x];
				d[x] = d[y - 1];
				d[y - 1] = t;
			}
			for (size_t x = 0; x < dl; x++) {
				size_t q = x;
				if (((unsigned char)d[x] & 0xC0) != 0x80)
					continue;
				while (q < dl && ((unsigned char)d[q] & 0xC0) == 0x80)
					q++;
				if (q < dl) { /* d[x, q] is a character written backwards */
					for (size_t l = x, r = q; l < r; l++, r--) {
						char t = d[l];
						d[l] = d[r];
						d[r] = t;
					}
				}
				x = q;
			}
			*pass = 1;
			return (long)dl;
		}
		*pass = 0;
		*j = e > *j ? e + (e < n) : *j + 1;
		if (flips >= 4)
			return (long)dl;
	}
	return -1;
}

/* The next ascii85 run framed as Adobe's ("<~" ... "~>", PostScript,
 * PDF, Python's a85encode(adobe=True)) from *j on, decoded into d: five
 * bytes '!'..'u' four bytes, 'z' four zeros, white space skipped, a last
 * group of two to four bytes one byte fewer; its length (0: fewer than
 * twenty bytes in it, or a byte of no ascii85), -1 when none is left. */
static long ma_pr_dec_a85(const char *s, size_t n, size_t *j, char *d, size_t cap)
{
	while (*j + 1 < n) {
		const char *p = memchr(s + *j, '<', n - 1 - *j);
		size_t k, dl = 0, g = 0, in = 0;
		uint64_t v = 0;
		if (!p) {
			*j = n;
			return -1;
		}
		k = (size_t)(p - s) + 1;
		*j = k;
		if (s[k] != '~')
			continue;
		for (k++; k < n && dl + 4 < cap; k++) {
			unsigned char c = (unsigned char)s[k];
			if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
				continue;
			if (c == 'z' && g == 0) {
				memset(d + dl, 0, 4);
				dl += 4;
				in++;
				continue;
			}
			if (c < '!' || c > 'u')
				break;
			v = v * 85 + (c - '!');
			in++;
			if (++g == 5) {
				if (v > 0xFFFFFFFFu)
					break;
				for (int b = 3; b >= 0; b--)
					d[dl++] = (char)(v >> (8 * b));
				v = 0;
				g = 0;
			}
		}
		*j = k;
		if (in < 20 || k + 1 >= n || s[k] != '~' || s[k + 1] != '>')
			return 0;
		if (g >= 2) { /* the last group, padded with 'u' */
			for (size_t x = g; x < 5; x++)
				v = v * 85 + 84;
			for (size_t b = 0; b + 1 < g && v <= 0xFFFFFFFFu; b++)
				d[dl++] = (char)(v >> (8 * (3 - b)));
		}
		*j = k + 2;
		return (long)dl;
	}
	*j = n;
	return -1;
}

/* ---- dense runs: base58, ascii85 unframed, base85, turned base64 ---- */

/* Bits of a byte of a dense run (0x21..0x7E): 1 base58 (Bitcoin's
 * alphabet), 2 ascii85 ('!'..'u', 'z'), 4 base85 (RFC 1924: Python's
 * b85encode, git), 8 base64 (both alphabets, '='), 16 not a letter or a
 * digit, 32 upper case, 64 lower case, 128 a digit. */
static const uint8_t ma_pr_dd_cl[128] = {
    0,   0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,  0,  0,  0,  0,  0,  0,  0,  0,  0,   0,   0,   0,   22,  18,  22,  22,  22,
    22,  18, 22, 22, 22, 30, 18, 30, 18, 26, 142, 143, 143, 143, 143, 143, 143, 143, 143,
    143, 18, 22, 22, 30, 22, 22, 22, 47, 47, 47,  47,  47,  47,  47,  47,  46,  47,  47,
    47,  47, 47, 46, 47, 47, 47, 47, 47, 47, 47,  47,  47,  47,  47,  18,  18,  18,  22,
    30,  22, 79, 79, 79, 79, 79, 79, 79, 79, 79,  79,  79,  78,  79,  79,  79,  79,  79,
    79,  79, 79, 79, 77, 77, 77, 77, 79, 20, 20,  20,  20,  0,
};
/* A byte's value in RFC 1924's base85 and in base58 (0 past them). */
static const uint8_t ma_pr_dd_v85[128] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  62, 0,  63, 64, 65, 66, 0,  67, 68, 69, 70,
    0,  71, 0,  0,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  0,  72, 73, 74, 75, 76, 77, 10,
    11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
    33, 34, 35, 0,  0,  0,  78, 79, 80, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48,
    49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 81, 82, 83, 84, 0,
};
static const uint8_t ma_pr_dd_v58[128] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  1,  2,  3,  4,  5,  6,  7,  8,  0,  0,  0,  0,  0,  0,  0,  9,
    10, 11, 12, 13, 14, 15, 16, 0,  17, 18, 19, 20, 21, 0,  22, 23, 24, 25, 26, 27, 28, 29,
    30, 31, 32, 0,  0,  0,  0,  0,  0,  33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 0,  44,
    45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0,  0,  0,  0,  0,
};
static inline uint8_t ma_pr_dd_cls(unsigned char c)
{
	return c < 128 ? ma_pr_dd_cl[c] : 0;
}

/* 1 if nine in ten of d's n bytes (16 at least) are printable ASCII or
 * white space: a text, or an encoding of one, not a number's or a file's
 * bytes (ma_prompt.h). */
int ma_pr_printable(const char *d, size_t n)
{
	size_t ok = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)d[i];
		ok += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r';
	}
	return n >= 16 && ok * 10 >= n * 9;
}

/* The base64 run s[a, e) read back to front (turn 1) or with its letters
 * put through rot13 (turn 2), decoded into d (cap bytes); stops at '='
 * or after max bytes. */
static size_t ma_pr_dd_b64(const char *s, size_t a, size_t e, int turn, char *d, size_t cap,
                           size_t max)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t dl = 0;

	for (size_t k = 0; k < e - a && dl < cap && dl < max; k++) {
		unsigned char c = (unsigned char)(turn == 1 ? s[e - 1 - k] : s[a + k]);
		int v;
		if (turn == 2 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			c = (unsigned char)((c | 0x20) <= 'm' ? c + 13 : c - 13);
		if (c == '=') {
			if (k == 0 || turn != 1)
				break;
			continue; /* "==" before the run read back (its end) */
		}
		v = c >= 'A' && c <= 'Z'   ? c - 'A'
		    : c >= 'a' && c <= 'z' ? c - 'a' + 26
		    : c >= '0' && c <= '9' ? c - '0' + 52
		    : c == '+' || c == '-' ? 62
		                           : 63;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			d[dl++] = (char)((acc >> bits) & 0xFF);
		}
	}
	return dl;
}

/* The ascii85 (b85 0) or base85 (b85 1, RFC 1924's alphabet) run s[a, e)
 * decoded into d (cap bytes): five bytes four, ascii85's 'z' four zeros,
 * a last group of two to four one byte fewer; stops after max bytes.
 * 0 when a group overflows. */
static size_t ma_pr_dd_85(const char *s, size_t a, size_t e, int b85, char *d, size_t cap,
                          size_t max)
{
	uint64_t v = 0;
	size_t dl = 0, g = 0;

	for (size_t k = a; k < e && dl + 4 <= cap && dl < max; k++) {
		unsigned char c = (unsigned char)s[k];
		if (!b85 && c == 'z' && g == 0) {
			memset(d + dl, 0, 4);
			dl += 4;
			continue;
		}
		v = v * 85 + (uint64_t)(b85 ? ma_pr_dd_v85[c & 127] : c - '!');
		if (++g == 5) {
			if (v > 0xFFFFFFFFu)
				return 0;
			for (int b = 3; b >= 0; b--)
				d[dl++] = (char)(v >> (8 * b));
			v = 0;
			g = 0;
		}
	}
	if (g >= 2 && dl + 4 <= cap && dl < max) {
		for (size_t x = g; x < 5; x++)
			v = v * 85 + 84;
		for (size_t b = 0; b + 1 < g && v <= 0xFFFFFFFFu; b++)
			d[dl++] = (char)(v >> (8 * (3 - b)));
	}
	return dl;
}

/* The base58 run s[a, e) (Bitcoin's alphabet, 400 bytes at most: 74
 * words of the number) decoded into d (cap bytes), big-endian, a leading
 * '1' a zero byte. */
#define MA_PR_DD_B58MAX 400
static size_t ma_pr_dd_b58(const char *s, size_t a, size_t e, char *d, size_t cap)
{
	uint32_t w[MA_PR_DD_B58MAX * 6 / 32 + 2];
	size_t nw = 0, dl = 0, z = 0, nb;

	while (a + z < e && s[a + z] == '1')
		z++;
	for (size_t k = a; k < e; k++) {
		uint64_t carry = ma_pr_dd_v58[(unsigned char)s[k] & 127];
		for (size_t i = 0; i < nw; i++) {
			uint64_t x = (uint64_t)w[i] * 58 + carry;
			w[i] = (uint32_t)x;
			carry = x >> 32;
		}
		if (carry)
			w[nw++] = (uint32_t)carry;
	}
	nb = nw * 4;
	while (nb > 0 && !((w[(nb - 1) / 4] >> (8 * ((nb - 1) % 4))) & 0xFF))
		nb--;
	if (z + nb > cap)
		return 0;
	memset(d, 0, z);
	dl = z;
	for (size_t b = nb; b > 0; b--)
		d[dl++] = (char)(w[(b - 1) / 4] >> (8 * ((b - 1) % 4)));
	return dl;
}

/* The dense run s[a, e) (printable bytes, no space; all, any: the AND
 * and OR of its bytes' ma_pr_dd_cls) decoded as one of
 * the encodings above into d (cap bytes); its length, 0 when none reads
 * as text. Each is tried on its first 16 bytes first (nine in ten of
 * them printable: a random token, a hash, a key or a file's bytes fail
 * there), base58 (which cannot be read in part) only when the run is 24
 * to 400 bytes of its alphabet with both cases and a digit. */
static long ma_pr_dd_run(const char *s, size_t a, size_t e, uint8_t all, uint8_t any, char *d,
                         size_t cap)
{
	size_t dl;
	int up = (any & 32) != 0, low = (any & 64) != 0, dig = (any & 128) != 0;

	/* base64 turned: both cases (text's base64 has them), 24 bytes
	 * at least */
	if ((all & 8) && up && low && e - a >= 24) {
		for (int turn = 1; turn <= 2; turn++) {
			dl = ma_pr_dd_b64(s, a, e, turn, d, cap, 16);
			if (ma_pr_printable(d, dl)) {
				dl = ma_pr_dd_b64(s, a, e, turn, d, cap, cap);
				if (ma_pr_printable(d, dl))
					return (long)dl;
			}
		}
	}
	if ((all & 1) && up && low && dig && e - a >= 24 && e - a <= MA_PR_DD_B58MAX) {
		dl = ma_pr_dd_b58(s, a, e, d, cap);
		if (ma_pr_printable(d, dl))
			return (long)dl;
	}
	/* ascii85 and base85 of text hold symbols (base64's runs and
	 * words do not) */
	if (any & 16) {
		for (int b85 = 0; b85 <= 1; b85++) {
			if (!(all & (b85 ? 4 : 2)))
				continue;
			dl = ma_pr_dd_85(s, a, e, b85, d, cap, 16);
			if (ma_pr_printable(d, dl)) {
				dl = ma_pr_dd_85(s, a, e, b85, d, cap, cap);
				if (ma_pr_printable(d, dl))
					return (long)dl;
			}
		}
	}
	return 0;
}

/* 1 if the eight bytes v are all printable ASCII but the space
 * (0x21..0x7E): no high bit, and each from 0x21 on and not past 0x7E
 * (adding 0x5F carries into the high bit from 0x21 on, 0x01 from 0x7F
 * on; no carry crosses a byte below 0x80). */
static inline int ma_pr_dd_dense8(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ull, hi = 0x8080808080808080ull;

	return !(v & hi) && ((v + 0x5Fu * ones) & ~(v + 0x01u * ones) & hi) == hi;
}

/* 1 if the sixteen bytes x[0..15] are all 0x21..0x7E (ma_pr_dd_cls not
 * 0). With SSE2 (promptcost28) in one load, as signed bytes above 0x20
 * (0x80.. are negative) and below 0x7F; else as two ma_pr_dd_dense8. */
static inline int ma_pr_dd_dense16(const char *x)
{
#if defined(__SSE2__)
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)x);
	__m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)),
	                           _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));

	return _mm_movemask_epi8(ok) == 0xFFFF;
#else
	return ma_pr_dd_dense8(ma_load8(x)) && ma_pr_dd_dense8(ma_load8(x + 8));
#endif
}

/* 1 if the seventeen bytes x[0..16] are all 0x21..0x7E: the probe of
 * ma_pr_dec_dense. The last by its class first (a space there ends most
 * probes of prose). */
static inline int ma_pr_dd_dense17(const char *x)
{
	return ma_pr_dd_cls((unsigned char)x[16]) && ma_pr_dd_dense16(x);
}

/* 1 if the dense run s[a, e) (32 bytes at least, all 0x21..0x7E) may
 * read as one of ma_pr_dd_run's encodings: both an upper- and a
 * lower-case letter (base64 turned, base58), or a byte that is no letter
 * nor digit (ascii85, base85; and the only bytes ma_pr_dec_dense trims
 * off its ends). A run of neither (a long word, a number, a name in one
 * case) decodes to nothing there, trimmed or not: promptcost28 reads its
 * bytes eight at a time, not each one's class. */
static int ma_pr_dd_may(const char *s, size_t a, size_t e)
{
	uint64_t up = 0, low = 0;

	for (size_t k = a;; k += 8) {
		uint64_t v = ma_load8(s + (k + 8 <= e ? k : e - 8));
		uint64_t u = ma_pr_range8(v, 'A', 'Z'), l = ma_pr_range8(v, 'a', 'z');
		if ((u | l | ma_pr_range8(v, '0', '9')) != 0x8080808080808080ull)
			return 1;
		up |= u;
		low |= l;
		if (up && low)
			return 1;
		if (k + 8 >= e)
			return 0;
	}
}

/* The next dense run (32 bytes or more of 0x21..0x7E, white space or
 * the text's ends around it) from *j on, decoded into d by
 * ma_pr_dd_run: a run in quotes, brackets or ending a sentence is read
 * without them too. Its length (0: it decodes to no text), -1 when none
 * is left. Probes one byte in 16: a run of 32 holds a probe p and the
 * sixteen bytes after it (ma_pr_dd_dense17; a word of text is shorter).
 * *lo: where the last run ended, none starts before. Adobe's framed
 * ascii85 ("<~") is left to ma_pr_dec_a85. plain 1 (for the test that
 * compares the two): session 28's walk, each byte of the run classed
 * until no encoding reads it; plain 0 (promptcost28): the run's end found
 * eight bytes a step, and its bytes classed only when it is 32 long and
 * ma_pr_dd_may; the same runs, lengths and bytes in d. */
static inline __attribute__((always_inline)) long ma_pr_dec_dense_at(const char *s, size_t n,
                                                                     size_t *j, size_t *lo, char *d,
                                                                     size_t cap, const int plain)
{
	while (*j < n) {
		size_t p = *j, a = p, e = p + 1;
		long dl;
		if (p + 17 > n) {
			*j = n;
			break;
		}
		if (plain ? !ma_pr_dd_cls((unsigned char)s[p + 16]) ||
		                !ma_pr_dd_dense8(ma_load8(s + p)) ||
		                !ma_pr_dd_dense8(ma_load8(s + p + 8))
		          : !ma_pr_dd_dense17(s + p)) {
			if (!plain) {
				/* the probes that fail, in a register; one whose
				 * last byte is not dense fails the probe after it
				 * too (that byte is its first) */
				while (p + 33 <= n) {
					if (!ma_pr_dd_cls((unsigned char)s[p + 32]))
						p += 32;
					else if (!ma_pr_dd_dense16(s + p + 16))
						p += 16;
					else
						break;
				}
			}
			/* (past the end: where the walk's last probe leaves
			 * it) */
			*j = p + 16 < n ? p + 16 : n;
			continue;
		}
		uint8_t all = 0xFF, any = 0, x;
		while (a > *lo && (x = ma_pr_dd_cls((unsigned char)s[a - 1])) != 0) {
			all &= x;
			any |= x;
			a--;
		}
		if (plain) {
			for (e = p; e < n && (x = ma_pr_dd_cls((unsigned char)s[e])) != 0; e++) {
				all &= x;
				any |= x;
				if (!(all & 15)) {
					/* no encoding reads it: to its end eight at a time */
					while (e + 8 <= n && ma_pr_dd_dense8(ma_load8(s + e)))
						e += 8;
					while (e < n && ma_pr_dd_cls((unsigned char)s[e]))
						e++;
					break;
				}
			}
		} else {
			/* its end first (s[p .. p + 16] are dense) */
			e = p + 17;
			while (e + 8 <= n && ma_pr_dd_dense8(ma_load8(s + e)))
				e += 8;
			while (e < n && ma_pr_dd_cls((unsigned char)s[e]))
				e++;
		}
		*lo = e;
		*j = e + 1 > p + 16 ? e + 1 : p + 16;
		if (e - a < 32 || (s[a] == '<' && s[a + 1] == '~'))
			continue;
		if (!plain) {
			if (!ma_pr_dd_may(s, a, e))
				continue;
			/* the classes as the walk above reads them */
			for (size_t k = p; k < e; k++) {
				x = ma_pr_dd_cls((unsigned char)s[k]);
				all &= x;
				any |= x;
				if (!(all & 15))
					break;
			}
		}
		dl = ma_pr_dd_run(s, a, e, all, any, d, cap);
		if (!dl) {
			/* a sentence's stop, a closing quote or bracket, an
			 * opening one */
			size_t a2 = a, e2 = e;
			uint8_t tb = 0xFF;
			if (strchr(".,;:!?", s[e2 - 1]))
				tb &= ma_pr_dd_cls((unsigned char)s[--e2]);
			if (strchr("\"')]}`", s[e2 - 1]))
				tb &= ma_pr_dd_cls((unsigned char)s[--e2]);
			if (strchr("\"'([{`", s[a2]))
				tb &= ma_pr_dd_cls((unsigned char)s[a2++]);
			if ((a2 != a || e2 != e) && e2 - a2 >= 32) {
				/* the encodings the bytes dropped ruled out are
				 * tried again (the rest of the run may not be of
				 * their alphabet: what it decodes to is then no
				 * text) */
				all |= (uint8_t)(~tb & 15);
				dl = ma_pr_dd_run(s, a2, e2, all, any, d, cap);
			}
		}
		if (dl)
			return dl;
	}
	return -1;
}

static long ma_pr_dec_dense(const char *s, size_t n, size_t *j, size_t *lo, char *d, size_t cap)
{
	return ma_pr_dec_dense_at(s, n, j, lo, d, cap, 0);
}

long ma_pr_dec_dense_next(const char *s, size_t n, size_t *j, size_t *lo, char *d, size_t cap,
                          int plain)
{
	return plain ? ma_pr_dec_dense_at(s, n, j, lo, d, cap, 1)
	             : ma_pr_dec_dense_at(s, n, j, lo, d, cap, 0);
}

/* The next encoded run through one of the bytes 19, 39, 59, ... from
 * st->j on (each counts from 20 bytes: eight codes of two digits one
 * separator apart, twenty base32 characters, eight Braille letters of
 * three bytes), decoded into d; its length (0: it decodes to nothing), -1
 * when none is left. A run is read once: st->lo (st->lo32, st->lob) is
 * where the last list (base32, Braille) run ended, none starts before. */
static long ma_pr_dec_walk(struct ma_pr_dec *st, const char *s, size_t n, char *d, size_t cap,
                           int *hid)
{
	int odd = 0;

	while (st->j < n) {
		size_t p = st->j, a, e, q, jj;
		uint8_t c = ma_pr_dec_cls(s[p]);
		long dl;
		st->j += 20;
		odd ^= 1;
		if (!c)
			continue;
		*hid = 1;
		/* a list of numbers: a digit, a separator before one, the 'x'
		 * of "0x", or a hex letter after a digit or an 'x' ("0x6e": an
		 * ASCII code has a digit first) */
		if ((c & 1) || ((c & 2) && p + 1 < n && (ma_pr_dec_cls(s[p + 1]) & 1)) ||
		    ((c & 24) && p > st->lo && (ma_pr_dec_cls(s[p - 1]) & (c & 8 ? 1 : 9)))) {
			/* back to the lists' start: digits, separators and "0x", not
			 * before the bytes read already */
			a = p;
			while (a > st->lo && (ma_pr_dec_cls(s[a - 1]) & 27))
				a--;
			/* the lists from there, each byte read once, to the one
			 * through p */
			while (a <= p && a < n) {
				size_t stop;
				if (!(ma_pr_dec_cls(s[a]) & 1) ||
				    (a > 0 && ma_pr_alnum((unsigned char)s[a - 1]))) {
					a++;
					continue;
				}
				dl = (long)ma_pr_dec_list(s, a, n, &e, d, cap, &stop);
				if (dl) {
					st->lo = e;
					st->j = e > st->j ? e : st->j;
					return dl;
				}
				a = stop > a ? stop : a + 1;
			}
			st->lo = a > st->lo ? a : st->lo;
		}
		/* base32: A-Z or a-z (one case), and 2-7, twenty at least, '='
		 * after; in lower case two digits at least and a letter past f
		 * (glued words and hex are lower-case runs too; mixed case,
		 * base64's runs and identifiers, is not read: ma_pr_dec_b32ok).
		 * A probe in the run read last is past (its end was scanned
		 * once); a lower-case letter is probed one probe in two (a
		 * lower-case run counts from 40: ordinary words are lower case,
		 * their scan is what text without base32 pays). */
		if ((c & 36) && p >= st->lo32 && (odd || (c & 36) != 32)) {
			a = p;
			e = p + 1;
			while (a > st->lo32 && (ma_pr_dec_cls(s[a - 1]) & 36))
				a--;
			while (e < n && (ma_pr_dec_cls(s[e]) & 36))
				e++;
			st->lo32 = e;
			if (e - a >= 20 && (a == 0 || !ma_pr_alnum((unsigned char)s[a - 1])) &&
			    (e == n || !ma_pr_alnum((unsigned char)s[e])) &&
			    ma_pr_dec_b32ok(s, a, e)) {
				dl = (long)ma_pr_dec_b32(s, a, e, d, cap);
				while (e < n && s[e] == '=')
					e++;
				st->lo32 = e;
				st->j = e > st->j ? e : st->j;
				return dl;
			}
		}
		/* Braille: a byte of a pattern (0xE2 0xA0..0xA3 0x80..0xBF), or
		 * a space before one; back to the run's start (patterns, spaces
		 * and the punctuation ma_pr_dec_braille keeps) */
		q = (c & 2) && p + 1 < n ? p + 1 : p;
		if (ma_pr_dec_cls(s[q]) & 64) {
			while (q > p - 2 && q > 0 && ((unsigned char)s[q] & 0xC0) == 0x80)
				q--;
			if (q + 2 < n && (unsigned char)s[q] == 0xE2 &&
			    ((unsigned char)s[q + 1] & 0xFC) == 0xA0) {
				a = q;
				while (a > st->lob) {
					if (a >= 3 + st->lob && (unsigned char)s[a - 3] == 0xE2 &&
					    ((unsigned char)s[a - 2] & 0xFC) == 0xA0)
						a -= 3;
					else if (s[a - 1] == ' ' || s[a - 1] == '\n' ||
					         s[a - 1] == '.' || s[a - 1] == ',' ||
					         s[a - 1] == '!' || s[a - 1] == '?')
						a--;
					else
						break;
				}
				jj = a;
				dl = ma_pr_dec_braille(s, n, &jj, d, cap);
				st->lob = jj;
				st->j = jj > st->j ? jj : st->j;
				if (dl >= 0)
					return dl;
			}
		}
	}
	return -1;
}

/* Letters one space apart inside a decoded run ("i g n o r e   a l l",
 * Braille cells, escapes or base64 of spaced letters): when eight characters at least stand
 * alone between single spaces, three of four words are one character,
 * and a wider gap (two spaces or more) parts the words, the single
 * spaces between lone characters are dropped and each wider gap made
 * one. d (dl bytes) is rewritten in place; its new length returned. */
long ma_pr_dec_unspace(char *d, long dl)
{
	size_t n = (size_t)dl, one = 0, words = 0, pairs = 0, wide = 0, o = 0;

	if (dl < 16)
		return dl;
	for (size_t k = 0; k < n;) {
		size_t e = k, g;
		while (e < n && d[e] != ' ')
			e++;
		if (e > k) {
			words++;
			one += e - k == 1;
		}
		for (g = e; g < n && d[g] == ' ';)
			g++;
		pairs += e - k == 1 && g == e + 1 && g + 1 <= n && (g + 1 == n || d[g + 1] == ' ');
		wide += g - e >= 2 && e > k && g < n;
		k = g > k ? g : k + 1;
	}
	if (pairs < 8 || !wide || one * 4 < words * 3)
		return dl;
	for (size_t k = 0, tok = 0; k < n; k++) {
		/* (o <= k: the bytes from k on are still the run's) */
		if (d[k] != ' ') {
			d[o++] = d[k];
			tok++;
			continue;
		}
		if (k + 1 < n && d[k + 1] == ' ') { /* a wide gap: one space */
			while (k + 1 < n && d[k + 1] == ' ')
				k++;
			d[o++] = ' ';
		} else if (!(tok == 1 && k + 1 < n && (k + 2 >= n || d[k + 2] == ' '))) {
			d[o++] = ' '; /* kept unless a lone character is on each side */
		}
		tok = 0;
	}
	return (long)o;
}

/* The letter a leet symbol stands for ("@" a, "$" s, "!" i, "+" t, "|"
 * l), 0 none. Digits are left to the split, which reads them as letters
 * in a word the lexicon does not know (ma_prompt.c). */
static inline char ma_pr_dec_leet1(char c)
{
	return c == '@'   ? 'a'
	       : c == '$' ? 's'
	       : c == '!' ? 'i'
	       : c == '+' ? 't'
	       : c == '|' ? 'l'
	                  : 0;
}

/* 1 if the leet symbol at s[p] has a letter beside it. */
static inline int ma_pr_dec_leet_at(const char *s, size_t n, size_t p)
{
	return (p > 0 && ((unsigned char)s[p - 1] | 0x20u) - 'a' < 26u) ||
	       (p + 1 < n && ((unsigned char)s[p + 1] | 0x20u) - 'a' < 26u);
}

static int ma_pr_dec_leetw(const char *s, size_t n, size_t p, size_t *a, size_t *e, size_t *c);

unsigned ma_pr_dec_leet_scan(const char *s, size_t n)
{
	static const char lead[3] = {'@', '$', '|'};
	size_t a, e, c, first = (size_t)-1;
	int leet = 0;

	/* two leet words (tokens that start apart), found through an '@', a
	 * '$' or a '|' ('!' and '+' alone are a text's marks and sums: read
	 * beside those, not looked for by themselves); a symbol with no
	 * letter beside it ("$12") is passed at once */
	for (int k = 0; k < 3 && leet < 2; k++) {
		const char *q = memchr(s, lead[k], n);
		while (q && leet < 2) {
			size_t p = (size_t)(q - s), nx = p + 1;
			if (ma_pr_dec_leet_at(s, n, p)) {
				if (ma_pr_dec_leetw(s, n, p, &a, &e, &c) && a != first) {
					leet++;
					first = a;
				}
				nx = e > p ? e : p + 1;
			}
			q = nx < n ? memchr(s + nx, lead[k], n - nx) : NULL;
		}
	}
	return leet >= 2 ? MA_PR_DEC_LEET : 0;
}

unsigned ma_pr_dec_scan(const char *s, size_t n)
{
	if (!n)
		return 0;
	return (memchr(s, '&', n) != NULL) | (memchr(s, '\\', n) != NULL) << 1 |
	       (memchr(s, '=', n) != NULL) << 2 | (memchr(s, 0xC9, n) != NULL) << 3 |
	       (memchr(s, '~', n) != NULL) << 4;
}

void ma_pr_dec_init_has(struct ma_pr_dec *st, unsigned has)
{
	memset(st, 0, sizeof *st);
	st->j = 19;
	/* escapes are found by their first byte (a few escapes between plain
	 * words, "i&#103;nore a&#108;l", leave the walk little to land on);
	 * upside-down letters by the lead byte most of them share
	 * (ma_pr_dec_scan) */
	st->has = has & 31;
}

void ma_pr_dec_init(struct ma_pr_dec *st, const char *s, size_t n)
{
	ma_pr_dec_init_has(st, ma_pr_dec_scan(s, n));
}

long ma_pr_dec_next(struct ma_pr_dec *st, const char *s, size_t n, char *d, size_t cap, int *hid)
{
	static const char esc[3] = {'&', '\\', '='};
	long dl;

	if (st->fam == 0) {
		dl = ma_pr_dec_walk(st, s, n, d, cap, hid);
		if (dl >= 0)
			return dl;
		st->fam = 1;
		st->j = st->lo = 0;
	}
	/* the escapes' runs (families 1..3), then upside-down letters (4),
	 * ascii85 (5), dense runs (6: base58, ascii85 unframed, base85,
	 * base64 turned; every text) */
	for (; st->fam <= 6; st->fam++, st->j = st->lo = 0) {
		if (st->fam == 6) {
			*hid = 1;
			if (!st->j)
				st->j = 15;
			return ma_pr_dec_dense(s, n, &st->j, &st->lo, d, cap);
		}
		if (!(st->has >> (st->fam - 1) & 1))
			continue;
		*hid = 1;
		dl = st->fam < 4
		         ? ma_pr_dec_escrun(s, n, st->j, &st->j, esc[st->fam - 1], d, cap, hid)
		     : st->fam == 4 ? ma_pr_dec_updown(s, n, &st->j, &st->pass, &st->lo, d, cap)
		                    : ma_pr_dec_a85(s, n, &st->j, d, cap);
		if (dl >= 0)
			return dl;
	}
	return -1;
}

/* ---- Atbash and NATO spelling, on the window's words ---- */

/* The common words an Atbash sentence is found by, mirrored (a<->z) and
 * packed as ma_pr_dec_pack does: "gsv" is "the", "blfi" "your" ... */
static uint32_t ma_pr_dec_pack(const char *x, size_t l)
{
	uint32_t v = 0;

	for (size_t k = 0; k < l; k++)
		v = v << 8 | (unsigned char)x[k];
	return v;
}

int ma_pr_dec_atbash(const struct ma_pr_words *w, int a, int b)
{
	/* the, and, you, your, is, are, to, of, that, this, all, say, what,
	 * with, for, it, in, not, me, now, tell, be, from, my, do: mirrored,
	 * packed (ma_pr_dec_pack) */
	static const uint32_t packed[] = {0x00677376 /* gsv */,
	                                  0x007A6D77 /* zmw */,
	                                  0x00626C66 /* blf */,
	                                  0x626C6669 /* blfi */,
	                                  0x00007268 /* rh */,
	                                  0x007A6976 /* ziv */,
	                                  0x0000676C /* gl */,
	                                  0x00006C75 /* lu */,
	                                  0x67737A67 /* gszg */,
	                                  0x67737268 /* gsrh */,
	                                  0x007A6F6F /* zoo */,
	                                  0x00687A62 /* hzb */,
	                                  0x64737A67 /* dszg */,
	                                  0x64726773 /* drgs */,
	                                  0x00756C69 /* uli */,
	                                  0x00007267 /* rg */,
	                                  0x0000726D /* rm */,
	                                  0x006D6C67 /* mlg */,
	                                  0x00006E76 /* nv */,
	                                  0x006D6C64 /* mld */,
	                                  0x67766F6F /* gvoo */,
	                                  0x00007976 /* yv */,
	                                  0x75696C6E /* uiln */,
	                                  0x00006E62 /* nb */,
	                                  0x0000776C /* wl */};
	/* by a length l: bit c & 31 for the first letters c of those of l bytes */
	static const uint32_t first[5] = {0, 0, 0x02845080u, 0x04202184u, 0x00200094u};
	int votes = 0, m = 0, left;

	for (int i = a; i < b && i < a + 24; i++)
		m++;
	left = m;
	for (int i = a; i < b && i < a + 24; i++) {
		const char *x = w->t + w->s[i];
		size_t l = w->l[i];
		left--;
		if (l >= 2 && l <= 4 && (first[l] >> ((unsigned char)x[0] & 31) & 1)) {
			uint32_t v = ma_pr_dec_pack(x, l);
			for (size_t q = 0; q < sizeof packed / sizeof packed[0]; q++)
				if (packed[q] == v) {
					votes++;
					break;
				}
		} else if (l >= 5 && l <= 32 && votes) {
			/* a longer word the lexicon knows, once a common one voted */
			char r[32];
			for (size_t k = 0; k < l; k++)
				r[k] =
				    x[k] >= 'a' && x[k] <= 'z' ? (char)('z' - (x[k] - 'a')) : x[k];
			votes += ma_pr_lex_classes(r, l) != 0;
		}
		/* stop once the answer cannot change */
		if (votes >= 3 && votes * 3 >= m)
			return 1;
		if (votes + left < 3 || (votes + left) * 3 < m)
			return 0;
	}
	return 0;
}

/* bit l: a word of l bytes may be the letter's (alfa, juliet, whisky) */
static const uint16_t ma_pr_dec_nlens[26] = {
    1 << 5 | 1 << 4, 1 << 5, 1 << 7, 1 << 5, 1 << 4,          1 << 7, 1 << 4, 1 << 5, 1 << 5,
    1 << 7 | 1 << 6, 1 << 4, 1 << 4, 1 << 4, 1 << 8,          1 << 5, 1 << 4, 1 << 6, 1 << 5,
    1 << 6,          1 << 5, 1 << 7, 1 << 6, 1 << 7 | 1 << 6, 1 << 4, 1 << 6, 1 << 4};

/* The letter the NATO / ICAO word x (l bytes, lowercase) spells, or 0. */
static inline char ma_pr_dec_nato1(const char *x, size_t l)
{
	static const char *const nato[26] = {
	    "alpha",  "bravo",   "charlie", "delta",  "echo",   "foxtrot", "golf",
	    "hotel",  "india",   "juliett", "kilo",   "lima",   "mike",    "november",
	    "oscar",  "papa",    "quebec",  "romeo",  "sierra", "tango",   "uniform",
	    "victor", "whiskey", "xray",    "yankee", "zulu"};
	unsigned c = (unsigned char)x[0] - 'a';
	const char *y;
	size_t yl;

	uint32_t v4, y4;

	if (c >= 26 || l > 8 || !(ma_pr_dec_nlens[c] >> l & 1))
		return 0;
	y = nato[c];
	/* the first four bytes first (l >= 4; "alfa" "alph", "whis" alike) */
	memcpy(&v4, x, 4);
	memcpy(&y4, y, 4);
	if (v4 != y4 && !(c == 0 && memcmp(x, "alfa", 4) == 0))
		return 0;
	yl = strlen(y);
	if ((yl == l && memcmp(y, x, l) == 0) || (c == 0 && l == 4 && memcmp(x, "alfa", 4) == 0) ||
	    (c == 9 && l == 6 && memcmp(x, "juliet", 6) == 0) ||
	    (c == 22 && l == 6 && memcmp(x, "whisky", 6) == 0))
		return (char)('a' + c);
	return 0;
}

/* prompt19: the code words of a NATO spelling written without a gap
 * ("indiagolfnovember", camelCase lowercased) in x (l bytes): how many
 * (two at least) when x is nothing but such a chain, 0 otherwise; their
 * letters written into out (l bytes of room) when out is not NULL. A
 * code word that may be longer ("juliett", "whiskey") is taken short
 * when the long reading leaves no code word after it. */
static size_t ma_pr_dec_nato_chain(const char *x, size_t l, char *out)
{
	size_t p = 0, k = 0;

	if (l < 8 || l > 255)
		return 0;
	while (p < l) {
		unsigned c = (unsigned char)x[p] - 'a';
		size_t m = 0;
		if (c >= 26)
			return 0;
		for (size_t len = 8; len >= 4 && !m; len--) {
			if (!(ma_pr_dec_nlens[c] >> len & 1) || p + len > l ||
			    !ma_pr_dec_nato1(x + p, len))
				continue;
			if (p + len < l && len >= 7) {
				/* the long reading must leave a code word after it */
				unsigned c2 = (unsigned char)x[p + len] - 'a';
				int next = 0;
				for (size_t l2 = 4; c2 < 26 && l2 <= 8 && !next; l2++)
					next = p + len + l2 <= l &&
					       (ma_pr_dec_nlens[c2] >> l2 & 1) &&
					       ma_pr_dec_nato1(x + p + len, l2);
				if (!next)
					continue;
			}
			m = len;
		}
		if (!m)
			return 0;
		if (out)
			out[k] = (char)('a' + c);
		k++;
		p += m;
	}
	return k >= 2 ? k : 0;
}

/* 1 if w holds glued NATO chains (ma_pr_dec_nato_chain) of six code words
 * in all, one of them four long at least (sixteen bytes: maxlen gates
 * it) */
static int ma_pr_dec_nato_glued_at(const struct ma_pr_words *w)
{
	size_t total = 0, longest = 0;

	if (w->maxlen < 16)
		return 0;
	for (int i = 0; i < w->n; i++) {
		size_t k;
		if (w->l[i] < 8)
			continue;
		k = ma_pr_dec_nato_chain(w->t + w->s[i], w->l[i], NULL);
		total += k;
		longest = k > longest ? k : longest;
	}
	return total >= 6 && longest >= 4;
}

/* 1 if w holds six NATO code words in a row, one word each */
static int ma_pr_dec_nato_spaced_at(const struct ma_pr_words *w)
{
	/* a run of six NATO words holds one of the words 5, 11, 17, ... */
	for (int i = 5; i < w->n; i += 6) {
		int a = i, e = i + 1;
		unsigned c0 = (unsigned char)w->t[w->s[i]] - 'a';
		if (w->l[i] > 8 || c0 >= 26 || !(ma_pr_dec_nlens[c0] >> w->l[i] & 1) ||
		    !ma_pr_dec_nato1(w->t + w->s[i], w->l[i]))
			continue;
		while (a > 0 && ma_pr_dec_nato1(w->t + w->s[a - 1], w->l[a - 1]))
			a--;
		while (e < w->n && ma_pr_dec_nato1(w->t + w->s[e], w->l[e]))
			e++;
		if (e - a >= 6)
			return 1;
		i = e - 1 > i ? e - 1 : i;
	}
	return 0;
}

static int ma_pr_dec_nato_at(const struct ma_pr_words *w)
{
	return ma_pr_dec_nato_spaced_at(w) || ma_pr_dec_nato_glued_at(w);
}

static size_t ma_pr_dec_nato(const struct ma_pr_words *w, char *b, size_t cap)
{
	static const char jb[5] = {' ', '-', '.', '_', '/'};
	size_t o = 0, prev = 0;
	int was = 0, joins[5] = {0, 0, 0, 0, 0};
	char join = ' ';

	/* the byte that joins the letters of a word: a space, or '-', '.',
	 * '_' or '/' when one of those joins code words
	 * ("India-Golf-November Alpha-Lima-Lima", "India_Golf Alpha_Lima":
	 * a space then parts the words); the one between most pairs */
	for (int i = 1; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		size_t q = (size_t)w->s[i - 1] + w->l[i - 1];
		const char *y = w->s[i] == q + 1 ? memchr(jb, w->t[q], sizeof jb) : NULL;
		if (y && ma_pr_dec_nato1(x, w->l[i]) &&
		    ma_pr_dec_nato1(w->t + w->s[i - 1], w->l[i - 1]))
			joins[y - jb]++;
	}
	for (int k = 1, best = joins[0]; k < 5; k++)
		if (joins[k] > best) {
			best = joins[k];
			join = jb[k];
		}
	for (int i = 0; i < w->n && o + 2 < cap; i++) {
		const char *x = w->t + w->s[i];
		size_t l = w->l[i];
		char c = ma_pr_dec_nato1(x, l);
		/* a space, unless one joining byte separates two NATO words */
		int gap = !(was && c && w->s[i] == prev + 1 && w->t[prev] == join);
		if (gap && o && b[o - 1] != ' ')
			b[o++] = ' ';
		if (c) {
			b[o++] = c;
		} else {
			size_t g;
			if (l > cap - 2 - o)
				break;
			/* a glued chain of code words: its letters (prompt19) */
			g = ma_pr_dec_nato_chain(x, l, b + o);
			if (!g) {
				memcpy(b + o, x, l);
				g = l;
			}
			o += g;
		}
		was = c != 0;
		prev = (size_t)w->s[i] + l;
	}
	return o;
}

/* ---- pig latin ---- */

/* 1 if word x (l bytes) is pig latin's: four bytes at least, "ay" last. */
static inline int ma_pr_dec_pigw(const char *x, size_t l)
{
	return l >= 4 && x[l - 2] == 'a' && x[l - 1] == 'y';
}

static int ma_pr_dec_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* 1 if w holds pig latin: seven words in a row at least five of which
 * end in "ay" ("Ignoreway allway eviouspray instructionsway"); one word
 * in four probed (a run of seven holds one). */
static int ma_pr_dec_pig_at(const struct ma_pr_words *w)
{
	for (int i = 3; i < w->n; i += 4) {
		int a, e, ay = 0;
		if (!ma_pr_dec_pigw(w->t + w->s[i], w->l[i]))
			continue;
		a = i > 6 ? i - 6 : 0;
		e = i + 7 < w->n ? i + 7 : w->n;
		/* a window of seven words through i with five "-ay" words */
		for (int k = a; k < e; k++) {
			ay += ma_pr_dec_pigw(w->t + w->s[k], w->l[k]);
			if (k - a >= 7)
				ay -= ma_pr_dec_pigw(w->t + w->s[k - 7], w->l[k - 7]);
			if (ay >= 5)
				return 1;
		}
	}
	return 0;
}

/* The pig latin word x (l bytes, "ay" last) back in English into r (l
 * bytes of room); its length. The readings, the first the lexicon knows
 * taken: "-way" ("-yay", "-hay") after a word that starts with a vowel
 * dropped ("allway" all), or "ay" dropped and the one to four
 * consonants before it put first ("eviouspray" previous, "ouryay" your);
 * none known: the first reading. */
static size_t ma_pr_dec_unpig(const char *x, size_t l, char *r)
{
	size_t best = 0, m = l - 2;
	int vw = ma_pr_dec_vowel(x[0]) && l >= 5 &&
	         (x[l - 3] == 'w' || x[l - 3] == 'y' || x[l - 3] == 'h');

	for (int pass = 0; pass < 2; pass++) {
		/* pass 0: "-way" first when the word ends so, pass 1 the other */
		int way = (pass == 0) == (vw && x[l - 3] == 'w');
		if (way) {
			if (!vw)
				continue;
			memcpy(r, x, l - 3);
			if (ma_pr_lex_classes(r, l - 3))
				return l - 3;
			if (!best)
				best = l - 3;
			continue;
		}
		for (size_t k = 1; k <= 4 && k < m && !ma_pr_dec_vowel(x[m - k]); k++) {
			memcpy(r, x + m - k, k);
			memcpy(r + k, x, m - k);
			if (ma_pr_lex_classes(r, m))
				return m;
			if (!best)
				best = m + 1000 * k; /* the first reading, its k */
		}
	}
	/* nothing known: the first reading again */
	if (best > 1000) {
		size_t k = best / 1000;
		memcpy(r, x + m - k, k);
		memcpy(r + k, x, m - k);
		return m;
	}
	if (best) {
		memcpy(r, x, best);
		return best;
	}
	memcpy(r, x, m);
	return m;
}

/* w's words, those of pig latin back in English, into b (cap bytes). */
static size_t ma_pr_dec_pig(const struct ma_pr_words *w, char *b, size_t cap)
{
	size_t o = 0;

	for (int i = 0; i < w->n && o + 2 < cap; i++) {
		const char *x = w->t + w->s[i];
		size_t l = w->l[i];
		if (l + 1 > cap - 2 - o)
			break;
		if (o)
			b[o++] = ' ';
		if (ma_pr_dec_pigw(x, l) && l <= 32) {
			o += ma_pr_dec_unpig(x, l, b + o);
		} else {
			memcpy(b + o, x, l);
			o += l;
		}
	}
	return o;
}

int ma_pr_dec_words_at(const struct ma_pr_words *w)
{
	return ma_pr_dec_nato_at(w) || ma_pr_dec_pig_at(w);
}

size_t ma_pr_dec_words(const struct ma_pr_words *w, char *b, size_t cap)
{
	return ma_pr_dec_nato_at(w) ? ma_pr_dec_nato(w, b, cap) : ma_pr_dec_pig(w, b, cap);
}

/* ---- a cipher named in clear ---- */

static uint64_t ma_pr_dec_enc, ma_pr_dec_decode, ma_pr_dec_instr, ma_pr_dec_det;
static pthread_once_t ma_pr_dec_once = PTHREAD_ONCE_INIT;

/* bit k of class name (0: none, or a class of the high part) */
static uint64_t ma_pr_dec_bit(const char *name)
{
	int k = ma_pr_lex_class(name);
	return k < 0 || k > 63 ? 0 : 1ull << k;
}

static void ma_pr_dec_bits(void)
{
	ma_pr_dec_enc = ma_pr_dec_bit("ENC");
	ma_pr_dec_decode = ma_pr_dec_bit("DECODE");
	ma_pr_dec_instr = ma_pr_dec_bit("INSTR");
	/* what opens an order's object (words in reverse order) */
	ma_pr_dec_det = ma_pr_dec_bit("THE") | ma_pr_dec_bit("MY");
}

int ma_pr_dec_named(const struct ma_pr_words *w)
{
	pthread_once(&ma_pr_dec_once, ma_pr_dec_bits);
	if (w->kall & ma_pr_dec_decode)
		return 1;
	if (!(w->kall & ma_pr_dec_enc))
		return 0;
	/* of the encodings' names, a cipher's (not base64, hex, binary ...) */
	for (int i = 0; i < w->n; i++) {
		const char *x = w->t + w->s[i];
		size_t l = w->l[i];
		if (!(w->k[i] & ma_pr_dec_enc))
			continue;
		if ((l == 3 && memcmp(x, "rot", 3) == 0) ||
		    (l == 5 && memcmp(x, "rot13", 5) == 0) ||
		    (l == 6 && (memcmp(x, "caesar", 6) == 0 || memcmp(x, "cipher", 6) == 0 ||
		                memcmp(x, "atbash", 6) == 0)) ||
		    (l == 10 && memcmp(x, "ciphertext", 10) == 0))
			return 1;
	}
	return 0;
}

/* ---- letters split apart in clear (prompt17) ---- */

/* The bytes of the UTF-8 character at s[i] (1 for a stray byte). */
static size_t ma_pr_dec_clen(const char *s, size_t i, size_t n)
{
	unsigned char c = (unsigned char)s[i];
	size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

	if (i + k > n)
		return 1;
	for (size_t x = 1; x < k; x++)
		if (((unsigned char)s[i + x] & 0xC0) != 0x80)
			return 1;
	return k;
}

/* 1 if c joins the letters of a word split apart ("i.g.n.o.r.e",
 * "i-g-n-o-r-e", "i_g_n_o_r_e", "i*g*n*o*r*e", "i|g|n", "i~g~n", "i/g/n"). */
static inline int ma_pr_dec_join(char c)
{
	return c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '~' || c == '/';
}

static inline int ma_pr_dec_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t ma_pr_dec_respace(const char *s, size_t n, char *b, size_t cap, size_t *glued)
{
	size_t i = 0, o = 0, gap = 2, g = 0;
	int lone = 0; /* the token before was one character */

	while (i < n && o + 8 < cap) {
		size_t e = i, k, chars = 0, joins = 0, i0;
		char j = 0;
		int single;
		if (ma_pr_dec_ws(s[i])) {
			/* a gap: its width (a newline counts as wide) */
			size_t a = i;
			while (i < n && ma_pr_dec_ws(s[i]))
				i++;
			gap = i - a;
			if (memchr(s + a, '\n', i - a))
				gap = 2;
			continue;
		}
		while (e < n && !ma_pr_dec_ws(s[e]))
			e++;
		/* (session 31, promptenc: a token that opens with its join,
		 * ".a.l.l.e.", every character of a text joined, its spaces
		 * too: read from the byte after it; copied whole if it is no
		 * such token) */
		i0 = i;
		if (e - i >= 4 && ma_pr_dec_join(s[i]) && !ma_pr_dec_join(s[i + 1]) &&
		    s[i + 2] == s[i])
			i++;
		/* the token s[i, e): characters one joining byte apart? */
		for (k = i; k < e;) {
			size_t m = ma_pr_dec_clen(s, k, e);
			if (ma_pr_dec_join(s[k]) && m == 1)
				break;
			chars++;
			k += m;
			if (k >= e)
				break;
			if (j && k + 1 == e &&
			    (s[k] == '?' || s[k] == '!' || s[k] == ',' || s[k] == ':' ||
			     s[k] == ';' || s[k] == '.')) {
				k = e; /* "p.r.o.m.p.t?": the sentence's mark after */
				break;
			}
			if (!ma_pr_dec_join(s[k]) || (j && s[k] != j)) {
				chars = 0;
				break;
			}
			j = s[k];
			joins++;
			k++;
		}
		single = chars == 1 && joins == 0 && k >= e;
		/* the gap before: kept, unless one space parts two lone
		 * characters (then glued) */
		if (o) {
			if (single && lone && gap == 1)
				g++;
			else
				b[o++] = ' ';
		}
		if (chars >= 2 && joins + 1 >= chars && k >= e - 1) {
			/* "w.h.a.t", "p.r.o.m.p.t.?", "U.S.A.": the characters
			 * without their joins */
			for (k = i; k < e && o + 4 < cap;) {
				size_t m = ma_pr_dec_clen(s, k, e);
				/* (the last join too where the text's spaces are
				 * joined: ". ." after it, or one before it) */
				if (m == 1 && s[k] == j &&
				    (k + 1 < e || i0 < i || (e + 1 < n && s[e + 1] == j))) {
					k++;
					continue;
				}
				memcpy(b + o, s + k, m);
				o += m;
				k += m;
			}
			g += joins;
		} else {
			size_t m = e - i0 < cap - 8 - o ? e - i0 : cap - 8 - o;
			memcpy(b + o, s + i0, m);
			o += m;
		}
		lone = single;
		i = e;
	}
	*glued = g;
	return o;
}

/* ---- leetspeak written with symbols (prompt17) ---- */

/* The token [*a, *e) of s (n bytes) around byte p: 1 if it reads as a
 * leet word, its letters, digits and leet symbols alone (before the
 * sentence's marks after it), a symbol, a letter, and two letters or
 * digits at least ("$100" and "C+" are no words); *c the core's end. */
static int ma_pr_dec_leetw(const char *s, size_t n, size_t p, size_t *a, size_t *e, size_t *c)
{
	size_t i = p, k, letters = 0, alnum = 0, sym = 0;

	while (i > 0 && !ma_pr_dec_ws(s[i - 1]))
		i--;
	k = p;
	while (k < n && !ma_pr_dec_ws(s[k]))
		k++;
	*a = i;
	*e = k;
	while (k > i && (s[k - 1] == '.' || s[k - 1] == ',' || s[k - 1] == ';' || s[k - 1] == ':' ||
	                 s[k - 1] == '?' || s[k - 1] == '!'))
		k--;
	*c = k;
	for (; i < k; i++) {
		unsigned x = (unsigned char)s[i];
		int al = (x | 0x20u) - 'a' < 26u, dg = x - '0' < 10u;
		letters += al;
		alnum += al || dg;
		sym += ma_pr_dec_leet1((char)x) != 0;
		if (!(al || dg || ma_pr_dec_leet1((char)x)))
			return 0;
	}
	return sym && letters && alnum >= 2;
}

size_t ma_pr_dec_leet(const char *s, size_t n, char *b, size_t cap, size_t *mapped)
{
	size_t a, e, c, t = 0, o = 0, i = 0;

	*mapped = 0;
	t = 0;
	while (i < n && o + 1 < cap) {
		if (ma_pr_dec_ws(s[i])) {
			b[o++] = s[i++];
			continue;
		}
		if (ma_pr_dec_leetw(s, n, i, &a, &e, &c)) {
			for (; i < c && o + 1 < cap; i++) {
				char l = ma_pr_dec_leet1(s[i]);
				b[o++] = l ? l : s[i];
			}
			t++;
		}
		while (i < e && o + 1 < cap)
			b[o++] = s[i++];
	}
	*mapped = t;
	return o;
}

/* ---- words in reverse order (prompt19) ---- */

/* 1 if word i of w is an order's verb that is no noun as well: an
 * override's (IGN) or one of the verbs that ask for the hidden text
 * ("list", "output", "display", "show" end many a sentence as nouns: "in
 * the list") */
static int ma_pr_dec_order_verb(const struct ma_pr_words *w, int i, const struct ma_pr_kbits *kb)
{
	static const char *const v[] = {"reveal", "tell", "print", "disclose", "repeat",
	                                "recite", "say",  "leak",  "divulge"};
	const char *x = w->t + w->s[i];
	size_t l = w->l[i];

	if (w->k[i] & kb->ign)
		return 1;
	if (!(w->k[i] & (kb->say | kb->show)))
		return 0;
	for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
		if (strlen(v[k]) == l && memcmp(v[k], x, l) == 0)
			return 1;
	return 0;
}

/* ma_pr_dec_revorder_at; plain: word by word to each sentence's last
 * word (the unit test's reference), else eight words a step while none
 * of the eight after a word starts a sentence (session 30, promptcost29:
 * the walk was a test of every word) */
static inline __attribute__((always_inline)) unsigned
ma_pr_dec_revorder_as(const struct ma_pr_words *w, const struct ma_pr_kbits *kb, const int plain)
{
	uint64_t verb = kb->ign | kb->say | kb->show, what;
	unsigned from = 0, to = 0;
	int a = 0;

	pthread_once(&ma_pr_dec_once, ma_pr_dec_bits);
	what = ma_pr_dec_instr | kb->your | kb->secret | kb->pw;
	if (!(w->kall & verb) || !(w->kall & what))
		return 0;
	for (int i = 0; i < w->n; i++) {
		const char *x;
		size_t l;
		int e;
		/* (words i + 1 .. i + 8 all of w: brk's bytes past w->n are
		 * another text's) */
		while (!plain && i + 9 <= w->n && !ma_pr_has1(ma_load8(w->brk + i + 1)))
			i += 8;
		if (i + 1 < w->n && w->brk[i + 1] != 1)
			continue;
		e = i; /* the sentence's verb */
		/* (a "please" or "now" after the verb: the verb is the word
		 * before it, review20) */
		if (i - a >= 3 && !(w->k[i] & verb) &&
		    ((w->l[i] == 6 && memcmp(w->t + w->s[i], "please", 6) == 0) ||
		     (w->l[i] == 3 && memcmp(w->t + w->s[i], "now", 3) == 0)))
			e = i - 1;
		/* the sentence a..e: an order's verb last, not first, and the
		 * word before it one that opens its object in the forward
		 * reading ("the", "all", "your", "me"; not "will not echo",
		 * "had to ignore", "we display", "above display"), what orders
		 * are about before it */
		x = w->t + w->s[e - (e > a)];
		l = w->l[e - (e > a)];
		if (e - a >= 2 && e - a < 16 && ma_pr_dec_order_verb(w, e, kb) &&
		    !(w->k[a] & verb) &&
		    ((w->k[e - 1] & (ma_pr_dec_det | kb->your)) ||
		     (l == 2 && (memcmp(x, "me", 2) == 0 || memcmp(x, "us", 2) == 0 ||
		                 memcmp(x, "an", 2) == 0)) ||
		     (l == 3 && (memcmp(x, "all", 3) == 0 || memcmp(x, "any", 3) == 0)) ||
		     (l == 1 && x[0] == 'a')))
			for (int j = a; j < e - 1; j++)
				if (w->k[j] & what) {
					if (!to)
						from = w->s[a];
					to = (unsigned)w->s[i] + w->l[i];
					break;
				}
		a = i + 1;
	}
	return to ? from << 16 | to : 0;
}

unsigned ma_pr_dec_revorder_at(const struct ma_pr_words *w, const struct ma_pr_kbits *kb)
{
	return ma_pr_dec_revorder_as(w, kb, 0);
}

unsigned ma_pr_dec_revorder_plain(const struct ma_pr_words *w, const struct ma_pr_kbits *kb)
{
	return ma_pr_dec_revorder_as(w, kb, 1);
}

size_t ma_pr_dec_revorder(const char *t, size_t n, char *b)
{
	size_t k = 0;

	for (size_t j = 0; j < n; j++)
		b[j] = t[n - 1 - j];
	/* each word (a run of letters, digits and UTF-8 bytes) turned back;
	 * a mark stays a token of its own, so that the period after the last
	 * word of a sentence written backwards now opens it */
	while (k < n) {
		size_t e = k;
		while (e < n && ((unsigned char)b[e] >= 0x80 || (unsigned)(b[e] - 'a') < 26u ||
		                 (unsigned)(b[e] - '0') < 10u))
			e++;
		for (size_t x = k, y = e; x + 1 < y; x++, y--) {
			char c = b[x];
			b[x] = b[y - 1];
			b[y - 1] = c;
		}
		k = e + 1;
	}
	return n;
}
