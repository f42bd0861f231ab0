/*
 * utf8.h — the one place text is checked and cut (issue 8, item 3).
 *
 * The rule for all text that enters moatd: valid UTF-8 (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF) or refused; a
 * limit is counted with one function and a cut lands only on a character
 * boundary, so no stored or shown string ever ends in half a character.
 * Every byte-limited copy of text (snprintf into a fixed buffer, reading a
 * column into one, truncating a payload) goes through utf8_cut,
 * utf8_copy or utf8_fmt. Pure functions; any thread.
 */
#ifndef MOAT_UTF8_H
#define MOAT_UTF8_H

#include <stddef.h>

/* 1 when s[0..len) is valid UTF-8 (a NUL byte counts as valid: callers
 * that take C strings never see one). */
int utf8_valid(const char *s, size_t len);

/* The length (1-4) of the valid UTF-8 character that starts s[0..len), or
 * 0 when it is not one (or len is 0). */
size_t utf8_seq(const char *s, size_t len);

/* Number of characters in s[0..len) (valid UTF-8 assumed; each byte that
 * is not a continuation byte counts one). */
size_t utf8_chars(const char *s, size_t len);

/* The length of the longest prefix of s[0..len) of at most max bytes that
 * ends on a character boundary: len itself when len <= max. */
size_t utf8_cut(const char *s, size_t len, size_t max);

/* Copies the C string src into dst (cap bytes with the NUL, cap > 0), cut
 * on a character boundary when it does not fit. Returns the bytes copied
 * (without the NUL); *cut, when not NULL, says whether src was cut. */
size_t utf8_copy(char *dst, size_t cap, const char *src, int *cut);

/* snprintf into dst (cap > 0) that, when the result does not fit, cuts it
 * on a character boundary instead of mid-character. Returns the length
 * written (without the NUL). */
size_t utf8_fmt(char *dst, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
