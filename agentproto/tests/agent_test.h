/*
 * agent_test.h — helpers shared by libmoatagent's unit tests: finding and
 * loading the test vectors (agentproto/vectors/) and filling in their
 * placeholders. Tests run from the repository root or with
 * MOAT_SOURCE_DIR set to it (as `make check` does).
 */
#ifndef AGENT_TEST_H
#define AGENT_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ma_int.h"

/* xorshift64: the tests' reproducible random numbers below n, from the
 * state *s (a seed of the test's own, never 0). */
static inline uint32_t at_rnd(uint64_t *s, uint32_t n)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (uint32_t)(*s >> 11) % n;
}

/* Loads agentproto/vectors/<name> (fails the test if it cannot). */
static inline json_t *at_load_vectors(const char *name)
{
	const char *dir = getenv("MOAT_SOURCE_DIR");
	char path[1024];
	json_error_t err;
	json_t *j;

	snprintf(path, sizeof path, "%s/agentproto/vectors/%s", dir ? dir : ".", name);
	j = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
	if (!j)
		fail_msg("cannot load %s: %s (line %d)", path, err.text, err.line);
	return j;
}

/* Replaces the time and UUID placeholders of events.json in every string
 * of v, recursively (in place). now_ms is "now". */
static inline void at_substitute(json_t *v, int64_t now_ms)
{
	size_t i;
	const char *k;
	json_t *x;

	if (json_is_object(v)) {
		json_object_foreach(v, k, x)
		{
			if (json_is_string(x)) {
				const char *s = json_string_value(x);
				char buf[64];
				if (!strcmp(s, "$UUID") || !strncmp(s, "$UUID:", 6)) {
					ma_uuid4(buf);
				} else if (!strcmp(s, "$NOW")) {
					ma_rfc3339_format(now_ms, buf);
				} else if (!strcmp(s, "$TS_OLD")) {
					ma_rfc3339_format(now_ms - 8LL * 86400 * 1000, buf);
				} else if (!strcmp(s, "$TS_FUTURE")) {
					ma_rfc3339_format(now_ms + 3600LL * 1000, buf);
				} else if (!strcmp(s, "$NOW_PLUS_0200")) {
					char utc[25];
					ma_rfc3339_format(now_ms + 2 * 3600LL * 1000, utc);
					snprintf(buf, sizeof buf, "%.19s+02:00", utc);
				} else {
					continue;
				}
				json_object_set_new(v, k, json_string(buf));
			} else {
				at_substitute(x, now_ms);
			}
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) at_substitute(x, now_ms);
	}
}

/* Fails with the text and its score when the prompt scorer's score of s
 * is not on the expected side (high: at or over the default threshold)
 * of MOAT_PROMPT_THRESHOLD; line is the caller's. */
static inline void at_prompt_side(const char *s, int high, int line)
{
	double v = moat_prompt_score(s, (size_t)-1);

	if ((v >= MOAT_PROMPT_THRESHOLD - 1e-9) != high)
		fail_msg("line %d: want %s, score %.3f: %s", line, high ? "high" : "low", v, s);
}

#endif
