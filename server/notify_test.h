/*
 * notify_test.h — the seam between POST /channels/{id}/test (api_channels.c)
 * and the notifier, which owns libcurl: the notifier registers its sender
 * at start, before the HTTP server starts; the handler calls it. Until one
 * is registered (or with notifications off) the route answers 503.
 * notify_test_set: main thread before the HTTP threads start;
 * notify_test_get: any thread.
 */
#ifndef MOAT_NOTIFY_TEST_H
#define MOAT_NOTIFY_TEST_H

#include <stdint.h>

#include "store.h"

struct notify_test_result {
	int status;      /* the receiver's HTTP status, 0 when it did not answer */
	char error[256]; /* why it failed ("" when it answered 2xx); no URL, no secret */
	int64_t took_ms; /* from sending to the answer (or the failure) */
};

/* Sends one test message (kind "test") for channel c now, as delivery
 * (uuid, the X-Moat-Delivery) and signed with secret ("" for Slack), and
 * waits for the answer at most timeout_ms: the same rendering, signature,
 * address check (netaddr_is_private on the connected address unless
 * private targets are allowed) and no redirects as every delivery, but
 * one attempt and no retry. Returns MOAT_OK with out filled whatever the
 * receiver said (out->status, out->error), or a negative moat_err when it
 * could not try (MOAT_EBUSY: the notifier is stopping or full). Called on
 * an HTTP worker thread: it must return within timeout_ms plus a little. */
typedef int (*notify_test_fn)(const struct store_channel *c, const char *uuid, const char *secret,
                              int timeout_ms, struct notify_test_result *out);

void notify_test_set(notify_test_fn fn);
/* The registered sender, or NULL. */
notify_test_fn notify_test_get(void);

#endif
