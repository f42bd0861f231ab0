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

#endif
