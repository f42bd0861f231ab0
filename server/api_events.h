/*
 * api_events.h — what the event handlers share (api_events.c,
 * api_events_filter.c, api_events_export.c, api_events_stats.c,
 * api_events_triage.c): the filters of the list's query string, the {id}
 * parameter and the one-event reply. Internal to those files; the
 * handlers themselves are declared in api.h. Any MHD worker thread.
 */
#ifndef MOAT_API_EVENTS_H
#define MOAT_API_EVENTS_H

#include "api.h"
#include "event_query.h"

#define API_EVENTS_OUT_MAX      (64u << 20) /* a page of 500 events, worst case */
#define API_EVENTS_ENDPOINT_MAX 2048

/* A filter and the storage its strings point into. Lives on the heap or
 * the stack of one thread; never copied (f points into it). */
struct api_events_filter {
	struct store_event_filter f;
	struct event_cidr cidr;
	char environment[64], agent[132], ip[64];
	char endpoint[API_EVENTS_ENDPOINT_MAX + 1];
	char fts[EVENT_QUERY_FTS_MAX];
};

/* The names of the filters, as in the list's query string (NULL-ended). */
extern const char *const api_events_filter_names[];

/* Sets filter name to value. 0, or -1 with why (a static sentence). */
int api_events_filter_set(struct api_events_filter *x, const char *name, const char *v,
                          const char **why);

/* Waits for the free-text index when f has free text (see
 * api_events_filter.c). Returns 1 when the request was suspended: the
 * handler returns at once and runs again later; else 0. */
int api_events_text_wait(struct http_req *r, const struct store_event_filter *f);

/* Reads every filter from the query string. 0; -1 after a 400; 1 when the
 * request was suspended for the free-text index (api_events_text_wait). */
int api_events_filter_query(struct http_req *r, struct api_events_filter *x, int64_t project_id);

/* The {id} parameter as a lower-case UUID; 0, or -1 after a 404. */
int api_events_uid(struct http_req *r, char out[40]);

/* Replies 200 with the event (wrapped in {"event":…,"policy":…} when
 * policy is not NULL; policy is stolen). */
void api_events_reply_one(struct http_req *r, const struct store_event_row *e, json_t *policy);

#endif
