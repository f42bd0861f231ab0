/*
 * buf.h — the one bounded byte buffer (request bodies, WebSocket frames).
 *
 * Created with its maximum: buf_append() past it fails with MOAT_ETOOBIG
 * and leaves the buffer unchanged. The data is always NUL-terminated (one
 * spare byte), so text can be handed to parsers directly. A buf belongs to
 * the thread that uses it.
 */
#ifndef MOAT_BUF_H
#define MOAT_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated, NULL until the first append */
	size_t len;
	size_t cap; /* allocated bytes (excluding the NUL) */
	size_t max; /* hard limit on len */
};

void buf_init(struct buf *b, size_t max);
void buf_cleanup(struct buf *b);
/* Appends n bytes; MOAT_ETOOBIG if len + n > max (nothing appended). */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_append_str(struct buf *b, const char *s);
/* printf into the buffer; MOAT_ETOOBIG past max. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);

#endif
