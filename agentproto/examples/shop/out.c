/*
 * out.c — a bounded output buffer for the shop's pages: created with its
 * maximum, an append past it fails and the error is sticky (the last check
 * is enough), as moatd's buf.c. Any thread; one buffer per request.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

void out_init(struct out *o, size_t cap)
{
	o->data = NULL;
	o->len = 0;
	o->alloc = 0;
	o->cap = cap;
	o->error = 0;
}

void out_cleanup(struct out *o)
{
	free(o->data);
	o->data = NULL;
	o->len = 0;
	o->alloc = 0;
}

/* Makes room for n more bytes (and a NUL): 0, or -1 (sticky). */
static int out_room(struct out *o, size_t n)
{
	size_t want;
	char *p;

	if (o->error)
		return -1;
	if (n > o->cap - o->len) {
		o->error = 1;
		return -1;
	}
	want = o->len + n + 1;
	if (want > o->alloc) {
		size_t size = 256;
		while (size < want)
			size *= 2;
		if (size > o->cap + 1)
			size = o->cap + 1;
		p = realloc(o->data, size);
		if (!p) {
			o->error = 1;
			return -1;
		}
		o->data = p;
		o->alloc = size;
	}
	return 0;
}

void out_add(struct out *o, const char *s, size_t len)
{
	if (out_room(o, len))
		return;
	memcpy(o->data + o->len, s, len);
	o->len += len;
	o->data[o->len] = '\0';
}

void out_str(struct out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

void out_fmt(struct out *o, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof small) {
		o->error = 1;
		return;
	}
	out_add(o, small, (size_t)n);
}

void out_html(struct out *o, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		out_add(o, run, (size_t)(s - run));
		out_str(o, rep);
		run = s + 1;
	}
	out_add(o, run, (size_t)(s - run));
}

enum MHD_Result out_reply(struct out *o, struct shop_req *r, unsigned status, const char *type)
{
	enum MHD_Result rc;

	if (o->error || !o->data)
		rc = http_error(r, 500, "the page did not fit");
	else
		rc = http_reply(r, status, type, o->data, o->len);
	out_cleanup(o);
	return rc;
}
