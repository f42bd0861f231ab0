/*
 * timefmt.h — wall-clock time as unix seconds, RFC 3339 in and out.
 * Pure functions; any thread (the test clock is set before threads start
 * and only read afterwards).
 */
#ifndef MOAT_TIMEFMT_H
#define MOAT_TIMEFMT_H

#include <stdint.h>

#define TIMEFMT_LEN 21 /* "2026-11-26T04:29:45Z" + NUL */

/* The wall clock in unix seconds: time(NULL), plus the test clock's offset
 * when one is set. */
int64_t timefmt_now(void);
/* Tests only: maps path (at least 8 bytes; the first 8 are a little-endian
 * int64) so that timefmt_now() adds it, as the file says at each call: a
 * test moves the server's clock by rewriting the file. Main thread, before
 * any other thread starts. 0 or MOAT_EIO. */
int timefmt_test_clock(const char *path);
/* Monotonic clock in microseconds, for durations. */
/* The same wall clock (test offset included) in milliseconds. */
int64_t timefmt_now_ms(void);
int64_t timefmt_mono_us(void);
/* Formats t (unix seconds, UTC) as RFC 3339 into out. */
void timefmt_rfc3339(int64_t t, char out[TIMEFMT_LEN]);
#define TIMEFMT_MS_LEN 25 /* "2026-11-26T04:29:45.123Z" + NUL */
/* Formats ms since the epoch as RFC 3339 with milliseconds. */
void timefmt_rfc3339_ms(int64_t ms, char out[TIMEFMT_MS_LEN]);
/* Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)"; 0 or MOAT_EINVALID. */
int timefmt_parse(const char *s, int64_t *out);

#endif
