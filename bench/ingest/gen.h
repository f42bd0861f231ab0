/*
 * gen.h — the threat events the ingest benchmarks send and insert.
 *
 * One generator for every tool of bench/ingest, so the raw SQLite baseline
 * inserts the very rows moatd stores from the WebSocket and REST loads:
 * 14 variants (two per interceptor) with a payload of 100-300 bytes, an
 * operation of about 200 bytes, an endpoint, a source address, a location,
 * a rule and a small details object, and a random (version 4) UUID per
 * event. Single-threaded; no allocation except in gen_template.
 */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

#define GEN_VARIANTS 14
#define GEN_UUID_LEN 36
#define GEN_TS_LEN   24 /* 2026-11-26T10:15:03.120Z */

/* One event's fields, as moatd stores them (strings are static, except
 * source_ip, which points into the struct). */
struct gen_event {
	const char *interceptor, *action, *severity;
	double confidence;
	char source_ip[16];
	const char *method, *endpoint, *payload, *operation;
	const char *file, *function, *rule;
	int line;
	const char *details; /* compact JSON with sorted keys, as moatd stores it */
};

/* The fields of event number i (any i >= 0; the variant is i % GEN_VARIANTS,
 * the source address varies over 250 values). */
void gen_event(uint64_t i, struct gen_event *e);

/* splitmix64: a fast generator for UUIDs; *state is any seed. */
uint64_t gen_rand(uint64_t *state);
/* Writes a random version 4 UUID in lower case (36 bytes, no NUL). */
void gen_uuid(uint64_t *state, char *out);
/* Writes ms since the epoch as RFC 3339 UTC with milliseconds (24 bytes,
 * no NUL). */
void gen_ts(int64_t ms, char *out);
/* Milliseconds since the epoch (CLOCK_REALTIME) and monotonic ns. */
int64_t gen_now_ms(void);
int64_t gen_mono_ns(void);

/* A JSON array of n events ("[{...},{...}]") with placeholders for the id
 * and ts of each: the caller copies it and patches uuid_off[k] (36 bytes)
 * and ts_off[k] (24 bytes) for every event k. first is the number of the
 * first event (gen_event numbering). Returns the malloc'd text (the caller
 * frees) and its length in *len; uuid_off and ts_off have room for n. */
char *gen_template(uint64_t first, size_t n, size_t *len, size_t *uuid_off, size_t *ts_off);

/* Patches a copy of a template: new UUIDs, and every ts set to ts_ms. */
void gen_patch(char *text, size_t n, const size_t *uuid_off, const size_t *ts_off, uint64_t *rng,
               int64_t ts_ms);

#endif
