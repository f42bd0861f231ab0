/* libmoatagent: the event details' JSON strings (ma_request.c's
 * ma_json_quote: runs of bytes that need no escape found sixteen bytes at
 * a time with SSE2 here) against the byte-at-a-time loop it replaced, on
 * every length 0..80 with each byte that matters at every place (UTF-8
 * sequences whole, cut by the end of the string, invalid), and on random
 * strings drawn from those bytes. ma_request.c is compiled here (its
 * functions are static), so libmoatagent's copy is not linked;
 * test_agent_request_json_swar.c builds it with MA_REQUEST_SWAR (eight
 * bytes at a time in a register). */
#include "../lib/ma_request.c"

#include "agent_test.h"
#include "agent_url_ref.h"

/* The loop before: s up to its NUL, escaped as json_dumps with
 * JSON_ENSURE_ASCII would, invalid UTF-8 as U+FFFD. */
static size_t ref_quote(char *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	out[o++] = '"';
	while (*p) {
		size_t k;
		unsigned long c;
		if (*p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') {
			out[o++] = (char)*p++;
			continue;
		}
		k = ma_utf8_seq(p);
		c = *p;
		if (k == 1 && (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' ||
		               c == '\r' || c == '\t')) {
			out[o++] = '\\';
			out[o++] = c == '\b'   ? 'b'
			           : c == '\f' ? 'f'
			           : c == '\n' ? 'n'
			           : c == '\r' ? 'r'
			           : c == '\t' ? 't'
			                       : (char)c;
			p++;
			continue;
		}
		if (k == 0) {
			c = 0xFFFD;
			k = 1;
		} else if (k == 2) {
			c = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
		} else if (k == 3) {
			c = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
		} else if (k == 4) {
			c = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
			    (p[3] & 0x3Fu);
		}
		p += k;
		if (c >= 0x10000) {
			unsigned long v = c - 0x10000, hi = 0xD800 | (v >> 10);
			out[o++] = '\\';
			out[o++] = 'u';
			for (int i = 0; i < 4; i++)
				out[o++] = hex[(hi >> (12 - 4 * i)) & 15];
			c = 0xDC00 | (v & 0x3FF);
		}
		out[o++] = '\\';
		out[o++] = 'u';
		for (int i = 0; i < 4; i++)
			out[o++] = hex[(c >> (12 - 4 * i)) & 15];
	}
	out[o++] = '"';
	return o;
}

static size_t ref_run(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\')
		i++;
	return i;
}

#define MAXN 300

/* s[0..n) with its NUL at n (none inside): quoted alike, within the
 * bound, and the run at each start alike. */
static void check(const unsigned char *s, size_t n)
{
	char got[6 * MAXN + 16], want[6 * MAXN + 16];
	size_t gl, wl;

	gl = ma_json_quote(got, (const char *)s, n);
	wl = ref_quote(want, (const char *)s);
	assert_true(gl <= 6 * n + 2);
	if (gl != wl || memcmp(got, want, wl) != 0) {
		fprintf(stderr, "differs at length %zu:", n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %02x", s[i]);
		fprintf(stderr, "\n");
		fail();
	}
	for (size_t i = 0; i <= n; i++)
		assert_int_equal(ma_json_plain_run(s + i, n - i), ref_run(s + i, n - i));
}

/* one byte or one UTF-8 sequence (valid, cut, overlong, surrogate) */
static const char *const specials[] = {"\"",
                                       "\\",
                                       "\x01",
                                       "\x1f",
                                       "\b",
                                       "\f",
                                       "\n",
                                       "\r",
                                       "\t",
                                       "\x7f",
                                       " ",
                                       "~",
                                       "\x80",
                                       "\xbf",
                                       "\xc0\xaf",
                                       "\xc1\xbf",
                                       "\xc2\xad",
                                       "\xc3\xa9",
                                       "\xdf\xbf",
                                       "\xc3",
                                       "\xe2\x82\xac",
                                       "\xe2\x82",
                                       "\xe0\x80\xaf",
                                       "\xed\xa0\x80",
                                       "\xef\xbc\x8e",
                                       "\xef\xbf\xbf",
                                       "\xf0\x9f\x98\x80",
                                       "\xf0\x9f\x98",
                                       "\xf4\x8f\xbf\xbf",
                                       "\xf4\x90\x80\x80",
                                       "\xf5",
                                       "\xff"};
#define NSPECIALS (sizeof specials / sizeof specials[0])

static void each_special_at_each_place_alike(void **state)
{
	unsigned char s[MAXN + 1];

	(void)state;
	for (size_t n = 0; n <= 80; n++) {
		memset(s, 'a', n);
		s[n] = '\0';
		check(s, n);
		for (size_t k = 0; k < NSPECIALS; k++) {
			size_t sl = strlen(specials[k]);
			for (size_t at = 0; at + 1 <= n; at++) {
				/* the sequence at 'at', cut by the string's end if it
				 * goes past it */
				size_t m = at + sl <= n ? sl : n - at;
				memset(s, 'a', n);
				memcpy(s + at, specials[k], m);
				s[n] = '\0';
				check(s, n);
			}
		}
	}
}

static void every_byte_value_alike(void **state)
{
	unsigned char s[MAXN + 1];

	(void)state;
	for (unsigned b = 1; b < 256; b++)
		for (size_t n = 1; n <= 40; n++) {
			memset(s, b, n);
			s[n] = '\0';
			check(s, n);
			memset(s, 'x', n);
			s[n - 1] = (unsigned char)b;
			check(s, n);
		}
}

static void random_strings_alike(void **state)
{
	unsigned char s[MAXN + 1];
	uint64_t x = 0x9E3779B97F4A7C15ull;

	(void)state;
	for (int t = 0; t < 60000; t++) {
		size_t n, i = 0;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		n = (size_t)(x % MAXN);
		while (i < n) {
			size_t sl, m;
			const char *sp;
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			switch (x % 4) {
			case 0: /* a run of plain text */
				m = (size_t)(x >> 8) % 40;
				for (size_t j = 0; j < m && i < n; j++)
					s[i++] =
					    (unsigned char)(0x20 + (x >> (16 + j % 32)) % 0x5F);
				break;
			case 1: /* any byte but NUL */
				s[i++] = (unsigned char)(1 + (x >> 8) % 255);
				break;
			default:
				sp = specials[(x >> 8) % NSPECIALS];
				sl = strlen(sp);
				for (size_t j = 0; j < sl && i < n; j++)
					s[i++] = (unsigned char)sp[j];
			}
		}
		s[n] = '\0';
		check(s, n);
	}
}

/* The names ma_details_write copies without a look: printable ASCII
 * without '"' or '\\'. */
static void the_library_names_need_no_escape(void **state)
{
	static const char *const names[] = {"parameter", "input_kind",  "decoding",     "mode",
	                                    "raw",       "url",         "url2",         "rawurl",
	                                    "rawurl2",   "html",        "cstr",         "url_cstr",
	                                    "url2_cstr", "rawurl_cstr", "rawurl2_cstr", "html_cstr",
	                                    "monitor",   "block",       "off"};

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_int_equal(
		    ma_json_plain_run((const unsigned char *)names[i], strlen(names[i])),
		    strlen(names[i]));
	for (int k = MOAT_INPUT_QUERY - 1; k <= MOAT_INPUT_OTHER + 1; k++) {
		const char *n = ma_kind_name(k);
		assert_int_equal(ma_json_plain_run((const unsigned char *)n, strlen(n)), strlen(n));
	}
	for (int m = MOAT_MODE_OFF; m <= MOAT_MODE_BLOCK; m++) {
		const char *n = moat_mode_name(m);
		assert_int_equal(ma_json_plain_run((const unsigned char *)n, strlen(n)), strlen(n));
	}
}

/* ma_find (the occurrence search: memchr, then v's first two and last
 * two bytes sixteen places at a time, then the compares, memmem past its
 * budget) finds every place v occurs, in order, as a memcmp at each
 * place does: texts of copies and near-copies of v from a small
 * alphabet, so that v's first and last bytes agree at most places. */
static void the_search_finds_every_place(void **state)
{
	static char text[4200], v[300];
	uint64_t x = 0x2545F4914F6CDD1Dull;

	(void)state;
	for (int t = 0; t < 3000; t++) {
		size_t vl, len = 0, from = 0;
		struct ma_finder fi;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		vl = 2 + (size_t)(x % (t % 3 == 0 ? sizeof v - 2 : 24));
		for (size_t i = 0; i < vl; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v[i] = "ab./%"[x % (t % 2 ? 2 : 5)];
		}
		while (len + vl + 8 < sizeof text) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			if (x % 3 == 0) {
				text[len++] = "ab./%"[(x >> 8) % 5];
			} else {
				memcpy(text + len, v, vl);
				if (x % 3 == 1) /* a near-copy */
					text[len + (x >> 16) % vl] = "ab./%"[(x >> 8) % 5];
				len += vl;
			}
		}
		ma_finder_init(&fi, text, len, v, vl);
		for (size_t i = 0; i + vl <= len; i++) {
			const char *at;
			if (memcmp(text + i, v, vl) != 0)
				continue;
			at = ma_find(&fi, from);
			assert_non_null(at);
			assert_int_equal((size_t)(at - text), i);
			from = i + 1;
		}
		assert_null(ma_find(&fi, from));
	}
}

/* ma_find_head (v's first pl bytes at p: sixteen at once against the
 * finder's copy of them with SSE2 where the text holds sixteen bytes from
 * p, memcmp otherwise) agrees with memcmp at every place that starts with
 * v's first byte: v of 2 to 40 bytes from a two- or five-letter alphabet
 * in a text of copies and near-copies of it, the text in a buffer of its
 * own length (ASan sees a read past it). A head that left out a byte of
 * v's first sixteen, or read v's bytes past pl, fails here. */
static void the_head_compare_agrees_with_memcmp(void **state)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;

	(void)state;
	for (int t = 0; t < 3000; t++) {
		char v[40], *text;
		size_t vl, len, pl;
		struct ma_finder fi;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		vl = 2 + (size_t)(x % 39);
		pl = vl < MA_FIND_SHORT ? vl : MA_FIND_SHORT;
		len = vl + (size_t)((x >> 8) % 200);
		text = malloc(len);
		assert_non_null(text);
		for (size_t i = 0; i < vl; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v[i] = "ab+%1"[x % (t % 2 ? 2 : 5)];
		}
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			text[i] = x % 4 ? v[i % vl] : "ab+%1"[(x >> 8) % 5];
		}
		ma_finder_init(&fi, text, len, v, vl);
		for (size_t i = 0; i + pl <= len; i++) {
			if (text[i] != v[0])
				continue;
			assert_int_equal(ma_find_head(&fi, text + i, pl),
			                 memcmp(text + i, v, pl) == 0);
		}
		free(text);
	}
}

/* ma_url_decode (runs without '%' or '+' copied sixteen bytes at a time
 * with SSE2, eight in a register without; the escapes through a table of
 * hex digits) beside a byte-at-a-time reading of its rules on random
 * inputs of 0 to 120 bytes: plain runs of every length between escapes of
 * every kind (%XX in both cases, cut short, %u00XX, '+', C0/C1 overlong
 * forms), each in a buffer of its own length. */
static void the_url_decoding_agrees_with_a_byte_at_a_time_reading(void **state)
{
	static const char *const esc[] = {"%27",    "%2",   "%",      "%u0027",   "%U00aF", "%u00",
	                                  "%uFF27", "+",    "%C0%A7", "\xC0\xA7", "%gg",    "%Af",
	                                  "%0",     "%%41", "\xC1",   "%00"};
	uint64_t x = 0xD1B54A32D192ED03ull;

	(void)state;
	for (int t = 0; t < 20000; t++) {
		unsigned char buf[160], want[160], *in, *got;
		size_t n = 0, cap, wl, gl;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		cap = (size_t)(x % 121);
		while (n < cap) {
			size_t run;
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			run = (size_t)(x % 20);
			for (size_t i = 0; i < run && n < cap; i++)
				buf[n++] = (unsigned char)("abcXYZ09.-"[(x >> (8 + i)) % 10]);
			if (n < cap && x % 3) {
				const char *e = esc[(x >> 32) % (sizeof esc / sizeof esc[0])];
				for (; *e && n < cap; e++) /* (C0, A7, C1: raw bytes) */
					buf[n++] = (unsigned char)*e;
			}
		}
		in = malloc(n ? n : 1);
		got = malloc(n ? n : 1);
		assert_non_null(in);
		assert_non_null(got);
		memcpy(in, buf, n);
		wl = ref_url_decode(in, n, want);
		gl = ma_url_decode((const char *)in, n, (char *)got);
		assert_int_equal(gl, wl);
		assert_memory_equal(got, want, wl);
		free(in);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(each_special_at_each_place_alike),
	    cmocka_unit_test(every_byte_value_alike),
	    cmocka_unit_test(random_strings_alike),
	    cmocka_unit_test(the_library_names_need_no_escape),
	    cmocka_unit_test(the_search_finds_every_place),
	    cmocka_unit_test(the_head_compare_agrees_with_memcmp),
	    cmocka_unit_test(the_url_decoding_agrees_with_a_byte_at_a_time_reading),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
