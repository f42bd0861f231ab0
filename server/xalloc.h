/*
 * xalloc.h — allocation that aborts on failure (as Redis, h2o and Kore do).
 * Every size that comes from the network is capped before it gets here.
 */
#ifndef MOAT_XALLOC_H
#define MOAT_XALLOC_H

#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Makes jansson allocate through xmalloc (json_set_alloc_funcs), so that
 * its allocation failures abort too instead of returning NULL to callers
 * that do not check. Call first in main, before any json_t exists and
 * before any thread starts. */
void xalloc_init(void);

/* Aborts with "out of memory" naming what (a library call that returned
 * NULL for lack of memory, e.g. libmicrohttpd's response). */
void xalloc_oom(const char *what, size_t n) __attribute__((noreturn));

/* Tests only: the nth allocation from now (1 = the next) fails as if the
 * system had no memory; 0 disarms. */
void xalloc_test_fail_at(long nth);

#endif
