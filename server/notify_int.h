/*
 * notify_int.h — shared between notify*.c only: the outbox hook's
 * counters, the transfer (notify_http.c) and the operator alerts
 * (notify_alert.c), all run by the notifier thread unless said otherwise.
 */
#ifndef MOAT_NOTIFY_INT_H
#define MOAT_NOTIFY_INT_H

#include <curl/curl.h>
#include <stdint.h>

#include "buf.h"
#include "notify.h"
#include "store.h"

/* The notifier's settings, read-only once its thread runs. */
extern struct notify_config notify_cfg;

/* Appends the outbox hook's counters (writer side) to b. */
int notify_outbox_metrics(struct buf *b);

/* One HTTP attempt, owned by the notifier thread from start to finish. */
struct notify_xfer {
	CURL *h;
	struct curl_slist *hdrs;
	struct buf body;   /* what is sent */
	struct buf answer; /* the start of the receiver's body (for errors) */
	char errbuf[CURL_ERROR_SIZE];
	char retry_after[64]; /* the Retry-After header, if any */
	int refused;          /* the address connected to was private */
	char refused_addr[64];
	int64_t channel_id;
	struct store_delivery_job *job; /* an outbox delivery (owned), or NULL */
	struct notify_test *test;       /* a test send, or NULL */
	int64_t started_ms;
};

/* Builds what delivery job j sends (Slack message or signed webhook
 * body) on st, into a new transfer for url. MOAT_ENOTFOUND when its
 * event is gone (retention): the caller marks it dead. */
int notify_http_prepare(struct store *st, const struct store_delivery_job *j, int64_t now_ms,
                        struct notify_xfer **out);
/* The same for a test message to channel c (secret "" for Slack). */
int notify_http_prepare_test(const struct store_channel *c, const char *secret,
                             const char *delivery_id, int64_t now_ms, struct notify_xfer **out);
/* What finished transfer x means: the outcome (enum notify_outcome), the
 * HTTP status (0 none), a sentence for the delivery log ("" when
 * delivered) and the receiver's Retry-After in ms (-1 none). */
int notify_http_result(struct notify_xfer *x, CURLcode code, long *status, char *err, size_t errlen,
                       int64_t *retry_after_ms);
void notify_xfer_free(struct notify_xfer *x);

/* Looks for operator alerts and writes their deliveries (notifier thread,
 * its connection). Returns how many deliveries it wrote. */
int notify_alert_scan(struct store *st, int64_t now_ms);

#endif
