/*
 * invoice.c — GET /invoice?file=INV-1001.txt, the invoice download. The
 * file name is percent-decoded once more (old links encoded it) and joined
 * under the invoices directory: a path traversal on purpose, plain
 * (../../etc/passwd) and encoded (..%252f, the second decoding makes it a
 * slash). The fix: look the invoice up by id, never join a name.
 * moat_check_path() judges the exact path with the request's inputs and
 * the base directory just before it is opened.
 *
 * Threads: a pool thread.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shop.h"

#define INVOICE_MAX (1024 * 1024)

static int invoice_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decodes s into out (cap bytes); the length, or -1 if too long. */
static long invoice_decode(const char *s, char *out, size_t cap)
{
	size_t o = 0;

	for (; *s; s++) {
		if (o + 1 >= cap)
			return -1;
		if (s[0] == '%' && invoice_hex(s[1]) >= 0 && invoice_hex(s[2]) >= 0) {
			out[o++] = (char)(invoice_hex(s[1]) * 16 + invoice_hex(s[2]));
			s += 2;
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
	return (long)o;
}

enum MHD_Result invoice_get(struct shop_req *r)
{
	const char *file = http_query(r, "file");
	char name[PATH_MAX], path[PATH_MAX];
	struct stat stb;
	long nlen;
	int n, fd;
	char *data;
	ssize_t got;
	enum MHD_Result rc;

	if (!file || !*file)
		return http_error(r, 400, "give the invoice's file name");
	nlen = invoice_decode(file, name, sizeof name);
	if (nlen < 0)
		return http_error(r, 414, "file name too long");
	n = snprintf(path, sizeof path, "%s/", shop_cfg.invoices);
	if (n < 0 || (size_t)n + (size_t)nlen >= sizeof path)
		return http_error(r, 414, "file name too long");
	memcpy(path + n, name, (size_t)nlen + 1); /* may hold a NUL byte: keep its length */
	/* the exact path about to be opened, with its base */
	if (moat_check_path(r->mr, path, (size_t)n + (size_t)nlen, shop_cfg.invoices, 0) ==
	    MOAT_BLOCK)
		return http_blocked(r);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return http_error(r, 404, "no such invoice");
	if (fstat(fd, &stb) != 0 || !S_ISREG(stb.st_mode) || stb.st_size > INVOICE_MAX) {
		close(fd);
		return http_error(r, 404, "no such invoice");
	}
	data = malloc((size_t)stb.st_size + 1);
	got = data ? read(fd, data, (size_t)stb.st_size) : -1;
	close(fd);
	if (got < 0) {
		free(data);
		return http_error(r, 500, "cannot read the invoice");
	}
	rc = http_reply(r, 200, "text/plain; charset=utf-8", data, (size_t)got);
	free(data);
	return rc;
}
