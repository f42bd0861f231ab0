/*
 * json_out.h — the one JSON output path: a jansson value, or pieces
 * written straight (the streaming writer below), into a struct buf,
 * compact. Every JSON the server sends (responses, problem documents,
 * WebSocket messages, exports) is written here.
 *
 * Strings are checked and escaped in one place: text that is not UTF-8 is
 * an error (MOAT_EINVALID), never bytes passed on; quotes, backslashes and
 * control characters are escaped, "</" is written "<\/" (a response can
 * never close a script element) and U+2028/U+2029 as \u2028/\u2029 (they
 * end a line in JavaScript). Errors are the buffer's, and sticky (buf.h):
 * after one, every later call fails, so the last call's result (or
 * buf_error) says whether the whole document was written. Any thread.
 */
#ifndef MOAT_JSON_OUT_H
#define MOAT_JSON_OUT_H

#include <jansson.h>

#include "buf.h"

/* Appends v to b. MOAT_ETOOBIG when b's maximum is reached, MOAT_EINVALID
 * for a string that is not UTF-8. */
int json_out(struct buf *b, const json_t *v);

/* Writing JSON straight into a buffer, for hot responses that should not
 * build a json_t first. Each call appends one piece; the caller writes the
 * braces and commas (json_out_key adds a comma unless *first). Errors are
 * sticky in the buffer: the return of the last call (or buf_error) is
 * enough. */
int json_out_str(struct buf *b, const char *s);
int json_out_int(struct buf *b, long long v);
/* "key": with a leading comma unless *first (then clears *first). */
int json_out_key(struct buf *b, const char *key, int *first);
/* "key":"value" (or "key":null when v is NULL), comma-led like json_out_key. */
int json_out_key_str(struct buf *b, const char *key, const char *v, int *first);
/* RFC 3339 string for t, or null for 0. */
int json_out_time(struct buf *b, long long t);
/* Appends JSON text the server wrote earlier (stored details) as it is,
 * with the escapes above: "</" and U+2028/2029 (which in JSON text occur
 * only inside strings); MOAT_EINVALID if it is not UTF-8. */
int json_out_raw(struct buf *b, const char *json_text);

/* v as a NUL-terminated string of at most max bytes (malloc'd, the caller
 * frees), or NULL when v is NULL or cannot be written (see json_out). */
char *json_out_text(const json_t *v, size_t max);

#endif
