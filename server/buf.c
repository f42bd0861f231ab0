/*
 * buf.c — bounded growable buffer with sticky errors. See buf.h.
 * Allocation failure aborts.
 */
#include "buf.h"
#include "err.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
	b->err = MOAT_OK;
}

void buf_cleanup(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->err = MOAT_OK;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = MOAT_OK;
	if (b->data)
		b->data[0] = '\0';
}

static void buf_grow(struct buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;

	while (cap < need)
		cap *= 2;
	if (cap > b->max)
		cap = b->max;
	b->data = xrealloc(b->data, cap + 1);
	b->cap = cap;
}

int buf_fail(struct buf *b, int err)
{
	if (!b->err)
		b->err = err;
	return b->err;
}

int buf_append(struct buf *b, const void *p, size_t n)
{
	if (b->err)
		return b->err;
	if (n > b->max - b->len)
		return buf_fail(b, MOAT_ETOOBIG);
	if (b->len + n > b->cap || !b->data)
		buf_grow(b, b->len + n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return MOAT_OK;
}

int buf_append_str(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	if (b->err)
		return b->err;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return buf_fail(b, MOAT_EINVALID);
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	if ((size_t)n > b->max - b->len)
		return buf_fail(b, MOAT_ETOOBIG);
	buf_grow(b, b->len + (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return MOAT_OK;
}

int buf_error(const struct buf *b)
{
	return b->err;
}
