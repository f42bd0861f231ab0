/*
 * buf.h — the one bounded byte buffer (request bodies, WebSocket frames).
 *
 * Created with its maximum: buf_append() past it fails with MOAT_ETOOBIG
 * and leaves the buffer unchanged. Errors are sticky (curl's dynbuf): once
 * an append failed (or buf_fail recorded an error, e.g. json_out meeting
 * text that is not UTF-8), every later append and printf fails with that
 * error and adds nothing, until buf_reset or buf_cleanup -- so a writer
 * may check only its last call, and a closing "}" can never make a cut
 * document look complete. The data is always NUL-terminated (one spare
 * byte), so text can be handed to parsers directly. A buf belongs to the
 * thread that uses it. JSON is written into a buf by json_out.c only
 * (constant keys with numbers may go through buf_printf: same buffer,
 * same sticky error).
 */
#ifndef MOAT_BUF_H
#define MOAT_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated, NULL until the first append */
	size_t len;
	size_t cap; /* allocated bytes (excluding the NUL) */
	size_t max; /* hard limit on len */
	int err;    /* the first error (sticky), MOAT_OK while none */
};

void buf_init(struct buf *b, size_t max);
void buf_cleanup(struct buf *b);
/* Appends n bytes; MOAT_ETOOBIG if len + n > max (nothing appended). */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_append_str(struct buf *b, const char *s);
/* printf into the buffer; MOAT_ETOOBIG past max. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer and clears its error: a new document starts. */
void buf_reset(struct buf *b);
/* The sticky error, MOAT_OK while none. */
int buf_error(const struct buf *b);
/* Records err (the first one stays) and returns the sticky error. */
int buf_fail(struct buf *b, int err);

#endif
