/*
 * json_out.h — serialises a jansson value into a struct buf, compact.
 *
 * Does what json_dumps(JSON_COMPACT) does for our responses, about four
 * times faster: strings in jansson are already valid UTF-8, so only quotes,
 * backslashes and control bytes need escaping (and "</" is written as
 * "<\/" so a response can never close a script element). Any thread.
 */
#ifndef MOAT_JSON_OUT_H
#define MOAT_JSON_OUT_H

#include <jansson.h>

#include "buf.h"

/* Appends v to b. MOAT_ETOOBIG when b's maximum is reached. */
int json_out(struct buf *b, const json_t *v);

/* Writing JSON straight into a buffer, for hot responses that should not
 * build a json_t first. Each call appends one piece; the caller writes the
 * braces and commas (jw_sep adds a comma unless *first). Errors are
 * sticky in the buffer's caller: check the return of the last call or
 * OR them together. */
int json_out_str(struct buf *b, const char *s);
int json_out_int(struct buf *b, long long v);
/* "key": with a leading comma unless *first (then clears *first). */
int json_out_key(struct buf *b, const char *key, int *first);
/* "key":"value" (or "key":null when v is NULL), comma-led like json_out_key. */
int json_out_key_str(struct buf *b, const char *key, const char *v, int *first);
/* RFC 3339 string for t, or null for 0. */
int json_out_time(struct buf *b, long long t);

#endif
