/*
 * ma_util.c — the small things every libmoatagent file needs: allocation
 * (which returns NULL on failure: the library lives inside other people's
 * processes and never aborts them; every caller returns an error), clocks,
 * kernel randomness, the log sink and the bounded buffer. Any thread (a
 * ma_buf belongs to the thread using it).
 */
#include "ma_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* The test hook (ma_alloc_fail_at): allocations until the injected
 * failure, 0 = none armed; and whether it fired. */
static long ma_fail_countdown;
static int ma_fail_fired;

void ma_alloc_fail_at(long nth)
{
	__atomic_store_n(&ma_fail_fired, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&ma_fail_countdown, nth > 0 ? nth : 0, __ATOMIC_RELEASE);
}

int ma_alloc_failed(void)
{
	return __atomic_load_n(&ma_fail_fired, __ATOMIC_ACQUIRE);
}

/* 1 when this allocation is the one the test hook fails. */
static int ma_alloc_injected(void)
{
	if (__atomic_load_n(&ma_fail_countdown, __ATOMIC_RELAXED) == 0)
		return 0;
	if (__atomic_sub_fetch(&ma_fail_countdown, 1, __ATOMIC_ACQ_REL) != 0)
		return 0;
	__atomic_store_n(&ma_fail_fired, 1, __ATOMIC_RELEASE);
	return 1;
}

void *ma_malloc(size_t n)
{
	return ma_alloc_injected() ? NULL : malloc(n ? n : 1);
}

void *ma_calloc(size_t n, size_t size)
{
	return ma_alloc_injected() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *ma_realloc(void *p, size_t n)
{
	return ma_alloc_injected() ? NULL : realloc(p, n ? n : 1);
}

char *ma_strdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s);
	d = ma_malloc(n + 1);
	if (d)
		memcpy(d, s, n + 1);
	return d;
}

int64_t ma_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t ma_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int ma_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t got = getrandom(p, n, 0);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1; /* no kernel randomness: never guess (UUIDs would collide) */
		}
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

char *ma_quote(char *out, size_t cap, const char *s)
{
	size_t o = 0;

	if (cap < 8) {
		if (cap)
			out[0] = '\0';
		return out;
	}
	out[o++] = '"';
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		char esc[8];
		size_t n;
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			n = 2;
		} else if (*p < 0x20 || *p == 0x7f) {
			n = (size_t)snprintf(esc, sizeof esc, "\\x%02x", *p);
		} else {
			esc[0] = (char)*p;
			n = 1;
		}
		if (o + n + 5 > cap) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		memcpy(out + o, esc, n);
		o += n;
	}
	out[o++] = '"';
	out[o] = '\0';
	return out;
}

void ma_log(const struct ma_log *lg, int level, const char *fmt, ...)
{
	static const char *const names[] = {"debug", "debug", "info", "warn", "error"};
	char line[1024];
	va_list ap;
	int n;

	if (level < lg->level)
		return;
	n = snprintf(line, sizeof line, "level=%s ",
	             names[level >= MOAT_LOG_DEBUG && level <= MOAT_LOG_ERROR ? level : 0]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	va_end(ap);
	if (lg->fn) {
		lg->fn(level, line, lg->arg);
	} else {
		char out[1200], ts[25];
		int m;
		ma_rfc3339_format(ma_now_ms(), ts);
		m = snprintf(out, sizeof out, "ts=%s lib=moatagent %s\n", ts, line);
		if (m > 0 &&
		    write(2, out, (size_t)m < sizeof out ? (size_t)m : sizeof out - 1) < 0) {
			/* stderr is gone: nothing to do */
		}
	}
}

/* ---- the bounded buffer ---- */

void ma_buf_init(struct ma_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void ma_buf_cleanup(struct ma_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

int ma_buf_append(struct ma_buf *b, const void *p, size_t n)
{
	char *data;

	if (n > b->max - b->len)
		return MOAT_AGENT_EFULL;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (cap > b->max + 1)
			cap = b->max + 1;
		data = ma_realloc(b->data, cap);
		if (!data)
			return MOAT_AGENT_ENOMEM; /* unchanged */
		b->data = data;
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

void ma_buf_reset(struct ma_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}
