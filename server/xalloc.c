/*
 * xalloc.c — malloc wrappers that abort on failure, and jansson wired to
 * them (xalloc_init). Any thread; xalloc_init once, in main, first.
 */
#include "xalloc.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* The test hook: allocations left until the injected failure, 0 = none. */
static long xalloc_countdown;

void xalloc_test_fail_at(long nth)
{
	__atomic_store_n(&xalloc_countdown, nth > 0 ? nth : 0, __ATOMIC_RELEASE);
}

static int xalloc_injected(void)
{
	if (__atomic_load_n(&xalloc_countdown, __ATOMIC_RELAXED) == 0)
		return 0;
	return __atomic_sub_fetch(&xalloc_countdown, 1, __ATOMIC_ACQ_REL) == 0;
}

void xalloc_oom(const char *what, size_t n)
{
	fprintf(stderr, "moatd: out of memory (%s, %zu bytes)\n", what, n);
	abort();
}

static void xalloc_die(size_t n)
{
	xalloc_oom("allocating", n);
}

/* jansson's malloc: never NULL (xmalloc aborts instead) */
static void *xalloc_json_malloc(size_t n)
{
	return xmalloc(n);
}

void xalloc_init(void)
{
	json_set_alloc_funcs(xalloc_json_malloc, free);
}

void *xmalloc(size_t n)
{
	void *p = xalloc_injected() ? NULL : malloc(n ? n : 1);
	if (!p)
		xalloc_die(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = xalloc_injected() ? NULL : calloc(n ? n : 1, size ? size : 1);
	if (!p)
		xalloc_die(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = xalloc_injected() ? NULL : realloc(p, n ? n : 1);
	if (!q)
		xalloc_die(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
