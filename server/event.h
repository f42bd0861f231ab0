/*
 * event.h — threat events as agents report them: validation of one event
 * against the protocol's rules (agentproto/PROTOCOL.md, "Events") and a
 * compact, self-contained batch that can be handed to the writer thread
 * (no json_t crosses threads). Pure functions; any thread.
 */
#ifndef MOAT_EVENT_H
#define MOAT_EVENT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define EVENT_MAX_BATCH    500
#define EVENT_TEXT_MAX     8192 /* payload and operation: longer is truncated */
#define EVENT_DETAILS_MAX  4096
#define EVENT_AGENT_ID_MAX 128
#define EVENT_PAST_MS      (7LL * 86400 * 1000)
#define EVENT_FUTURE_MS    (5LL * 60 * 1000)

struct event {
	const char *uid; /* lower-case UUID */
	int64_t ts_ms;
	const char *interceptor, *action, *severity; /* static strings */
	double confidence;
	int has_confidence;
	const char *source_ip; /* canonical address or NULL */
	const char *method, *endpoint;
	const char *payload;
	int64_t payload_len;
	int payload_truncated;
	const char *operation;
	int64_t operation_len;
	int operation_truncated;
	const char *file;
	int64_t line;
	int has_line;
	const char *function, *rule;
	const char *details; /* JSON object text or NULL */
};

struct event_reject {
	int index;
	char reason[120];
};

/* A batch owns its events and every string they point to. */
struct event_batch {
	struct event *ev;
	size_t n;
	struct event_reject *rejected;
	size_t nrejected;
	char **strings; /* every heap string of the batch */
	size_t nstrings, capstrings;
};

/* Validates the "events" array into b (accepted ones in ev, the others in
 * rejected with their index and reason). now_ms is the server's clock.
 * Returns 0, or MOAT_EINVALID when events is not an array of at most
 * EVENT_MAX_BATCH items (why in err). */
int event_batch_parse(const json_t *events, int64_t now_ms, struct event_batch *b, char *err,
                      size_t errlen);
void event_batch_free(struct event_batch *b);

struct buf;
struct store_event_row;
/* Writes a stored event as the API's event object into b (the one
 * serialiser of events: search, get, export as NDJSON, the live feed). */
int event_row_json(struct buf *b, const struct store_event_row *e);
/* Writes a new event e the same way (status "new"). */
int event_write_json(struct buf *b, const struct event *e, const char *environment,
                     const char *agent_id, int64_t received_ms);

/* 1 when s is a valid agent id: 1 to EVENT_AGENT_ID_MAX of A-Za-z0-9._:-
 * (ASCII, so a byte is a character). The one check of both paths an id
 * enters by: the WebSocket hello and POST /api/v1/agent/events. */
int event_agent_id_ok(const char *s);

/* Parses an RFC 3339 time with optional fraction to milliseconds. */
int event_ts_parse(const char *s, int64_t *ms);

#endif
