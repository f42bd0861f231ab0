/*
 * event_query.h — the pure pieces of event search and export: the keyset
 * cursor, free text turned into a safe FTS5 query, address and CIDR
 * filters, endpoint prefixes, CSV cells, times with milliseconds, and the
 * names of the event enums. No I/O and no shared state: any thread.
 */
#ifndef MOAT_EVENT_QUERY_H
#define MOAT_EVENT_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define EVENT_QUERY_CURSOR_MAX 64  /* base64url of "ts:id" + NUL */
#define EVENT_QUERY_TIME_LEN   25  /* "2026-11-26T10:15:03.120Z" + NUL */
#define EVENT_QUERY_TEXT_MAX   512 /* bytes of free text */
#define EVENT_QUERY_TERMS_MAX  32
/* The FTS5 expression of the longest free text: every byte a quote
 * (doubled), plus the quotes and spaces around each term. */
#define EVENT_QUERY_FTS_MAX (2 * EVENT_QUERY_TEXT_MAX + 3 * EVENT_QUERY_TERMS_MAX + 1)

/* The statuses, actions and severities an event can have (NULL-ended). */
extern const char *const event_query_statuses[];
extern const char *const event_query_actions[];
extern const char *const event_query_severities[];

/* Returns the static string of set equal to s, or NULL. */
const char *event_query_pick(const char *s, const char *const *set);

/* Encodes the keyset position (ts, id) as base64url (no padding) of
 * "ts:id" into out. */
void event_query_cursor_encode(int64_t ts, int64_t id, char out[EVENT_QUERY_CURSOR_MAX]);
/* Decodes what event_query_cursor_encode() wrote: 0, or MOAT_EINVALID for
 * anything else (bad alphabet, padding, trailing bytes, negative or
 * overflowing numbers). */
int event_query_cursor_decode(const char *s, int64_t *ts, int64_t *id);

/* Turns user text into an FTS5 query that can hold no FTS5 syntax: the
 * text splits on white space and each piece becomes a string ("..." with
 * inner quotes doubled); the pieces are ANDed. Returns the number of
 * terms (0: nothing to search for), or MOAT_EINVALID when the text is
 * longer than EVENT_QUERY_TEXT_MAX bytes, has more than
 * EVENT_QUERY_TERMS_MAX terms or out (cap bytes) is too small. */
int event_query_fts(const char *text, char *out, size_t cap);

/* An address filter: one address, or a network. */
struct event_cidr {
	int family; /* 4 or 6 */
	int bits;   /* prefix length: 32 or 128 for one address */
	unsigned char net[16];
	/* A range [lo, hi) of canonical address text that holds every
	 * address of the network (and maybe others): an index pre-filter.
	 * lo[0] == '\0' when there is none. */
	char lo[48], hi[48];
};

/* Parses "address" or "address/bits" (IPv4 or IPv6; host bits are
 * cleared). canon receives the canonical text of the address when the
 * filter names one address (/32, /128 or no prefix), else "". 0 or
 * MOAT_EINVALID. */
int event_query_addr_parse(const char *s, struct event_cidr *c, char canon[64]);
/* 1 when the address text ip lies in c; 0 otherwise (NULL, unparsable,
 * other family). */
int event_query_cidr_match(const struct event_cidr *c, const char *ip);

/* The smallest string greater than every string that starts with prefix
 * (byte order), into out (cap bytes). 0, or MOAT_EINVALID when there is
 * none (an empty prefix, or only 0xff bytes) or it does not fit. */
int event_query_prefix_end(const char *prefix, char *out, size_t cap);

/* Appends s (n bytes) as one CSV field (RFC 4180): quoted when it holds a
 * comma, a quote, CR or LF (inner quotes doubled); a field that starts
 * with = + - @ TAB or CR gets a leading single quote so that spreadsheets
 * do not run it as a formula. MOAT_ETOOBIG past the buffer's maximum. */
int event_query_csv_cell(struct buf *b, const char *s, size_t n);

/* Formats ms since the epoch as RFC 3339 UTC with milliseconds. */
void event_query_time(int64_t ms, char out[EVENT_QUERY_TIME_LEN]);

/* 1 when s is valid UTF-8 without control bytes. */
int event_query_text_ok(const char *s);

#endif
