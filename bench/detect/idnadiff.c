/*
 * idnadiff.c — libmoatagent's domain to ASCII (ma_idna.c) beside ICU's
 * UTS #46 (uidna_openUTS46 with the URL standard's options:
 * nontransitional, CheckBidi, CheckJoiners; ICU's hyphen, empty-label and
 * length errors ignored, as WHATWG's beStrict=false does) on random
 * non-ASCII domains: letters, digits, dots, combining marks, Hebrew and
 * Arabic letters and digits, joiners after viramas and between joining
 * letters, Hangul jamo, fullwidth and compatibility forms, ignored and
 * disallowed code points, random code points, and random xn-- labels.
 * Prints every disagreement (up to 40) and the count; a measurement, not
 * a test: ICU is not a dependency of the project (libicu-dev, Debian's
 * ICU 72, UTS #46 15.0), built only by `make build/bench-idnadiff`.
 *
 *   build/bench-idnadiff [COUNT [SEED]]
 *
 * Inputs whose answer differs between the table versions are left out:
 * characters assigned in Unicode 15.0 (ICU has them, the 14.0 table here
 * does not) and the code points 15.1's NFKC_Casefold rule maps (ICU 72
 * disallows them, or maps U+1E9E to "ss").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/utf8.h>

#include "ma_int.h"

static const uint32_t pool[] = {
    'a',     'b',    'x',    'n',     '-',     '-',    '.',    '1',    '0',    'A',    'Z',
    0xDF,    0x3C2,  0xE9,   0xFC,    0xC5,    0x301,  0x300,  0x323,  0x307,  0x338,  '=',
    0x5D0,   0x5D1,  0x627,  0x628,   0x64A,   0x660,  0x661,  0x6F0,  0x64E,  0x200C, 0x200D,
    0x94D,   0x915,  0x937,  0x93E,   0x1100,  0x1161, 0x11A8, 0xAC00, 0xFF21, 0xFF41, 0xFF0E,
    0x3002,  0xAD,   0xFB01, 0x2665,  0x1F4A9, 0x2488, 0x3164, 0x115F, 0x200E, 0x202E, 0xFFFD,
    0x1D400, 0x24B6, 0xE31,  0xE01,   0xEB1,   0x1B44, 0x1BAA, 0xF71,  0xF72,  0xA8C4, 0x30FB,
    0x375,   0x5F3,  0x345,  0x1D165, 0x1D16D, 0x958,
};

/* 1 for a code point whose answer depends on the table's version. */
static int versioned(uint32_t c)
{
	UVersionInfo v;

	if (c == 0x4C0 || (c >= 0x10A0 && c <= 0x10C5) || c == 0x2132 || c == 0x2183 ||
	    c == 0x1E9E || c == 0x2F868 || c == 0x2F874 || c == 0x2F91F || c == 0x2F95F ||
	    c == 0x2F9BF)
		return 1;
	u_charAge((UChar32)c, v);
	return v[0] >= 15;
}

static size_t put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 63));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 63));
		o[2] = (char)(0x80 | (c & 63));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | ((c >> 12) & 63));
	o[2] = (char)(0x80 | ((c >> 6) & 63));
	o[3] = (char)(0x80 | (c & 63));
	return 4;
}

/* 1 when ICU's Unicode form of an ASCII name holds a versioned code point. */
static int icu_versioned(const UIDNA *idna, const char *ascii, int32_t n)
{
	char u8[1024];
	UIDNAInfo info = UIDNA_INFO_INITIALIZER;
	UErrorCode e = U_ZERO_ERROR;
	int32_t ul = uidna_nameToUnicodeUTF8(idna, ascii, n, u8, sizeof u8, &info, &e);

	for (int32_t q = 0; U_SUCCESS(e) && q < ul;) {
		UChar32 c;
		U8_NEXT(u8, q, ul, c);
		if (c >= 0 && versioned((uint32_t)c))
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	const uint32_t ignore = UIDNA_ERROR_HYPHEN_3_4 | UIDNA_ERROR_LEADING_HYPHEN |
	                        UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_EMPTY_LABEL |
	                        UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG;
	UErrorCode e = U_ZERO_ERROR;
	UIDNA *idna = uidna_openUTS46(
	    UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &e);
	long count = argc > 1 ? strtol(argv[1], NULL, 10) : 200000, compared = 0, diffs = 0;
	unsigned seed = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 1;

	if (U_FAILURE(e)) {
		fprintf(stderr, "idnadiff: uidna_openUTS46: %s\n", u_errorName(e));
		return 1;
	}
	srand(seed);
	for (long it = 0; it < count; it++) {
		char in[256], out[MA_URL_HOST_MAX], iout[1024];
		size_t l = 0, ol = 0;
		int len = 1 + rand() % 25, nonascii = 0, skip = 0, rc, iok;
		UIDNAInfo info = UIDNA_INFO_INITIALIZER;
		int32_t il;

		if (rand() % 2) {
			int m = 1 + rand() % 9;
			memcpy(in, "xn--", 4);
			l = 4;
			for (int q = 0; q < m; q++)
				in[l++] = alnum[rand() % 37];
			in[l++] = '.';
		}
		for (int k = 0; k < len; k++) {
			uint32_t c = rand() % 3 == 0
			                 ? (uint32_t)(0xA0 + rand() % 0x2F000)
			                 : pool[(size_t)rand() % (sizeof pool / sizeof *pool)];
			if (c >= 0xD800 && c <= 0xDFFF)
				c = 'q';
			skip |= versioned(c);
			nonascii |= c >= 0x80;
			l += put_utf8(in + l, c);
		}
		if (!nonascii || skip)
			continue;
		in[l] = '\0';
		rc = ma_idna_to_ascii((const unsigned char *)in, l, out, sizeof out, &ol);
		e = U_ZERO_ERROR;
		il = uidna_nameToASCII_UTF8(idna, in, (int32_t)l, iout, (int32_t)sizeof iout - 1,
		                            &info, &e);
		iok = U_SUCCESS(e) && !(info.errors & ~ignore);
		if (iok)
			iout[il] = '\0';
		if (iok && rc != 0 && icu_versioned(idna, iout, il))
			continue;
		compared++;
		if ((rc == 0) != iok || (iok && strcmp(out, iout))) {
			if (++diffs <= 40)
				printf("differs: %s  moat=%s  icu=%s (errors %#x)\n", in,
				       rc ? "FAIL" : out, iok ? iout : "FAIL",
				       (unsigned)info.errors);
		}
	}
	printf("idnadiff: seed %u, %ld domains compared, %ld differ (ICU %s)\n", seed, compared,
	       diffs, U_ICU_VERSION);
	uidna_close(idna);
	return 0;
}
