/*
 * notify_msg.h — what a notification says: the Slack Block Kit message
 * and the webhook's JSON body for one event, a digest or an operator
 * alert, and the signature of a webhook body. Pure functions over their
 * arguments (no store, no network); any thread.
 *
 * Everything an attacker controls (payload, operation, endpoint, method,
 * source address, agent id, code location) reaches Slack through
 * notify_slack_text only: &, < and > are escaped (so no <!channel>, no
 * <url|forged link>) and backticks replaced (so no text leaves its code
 * span and breaks the layout). Text is shortened at UTF-8 character
 * boundaries. JSON is written through json_out (the one output path).
 */
#ifndef MOAT_NOTIFY_MSG_H
#define MOAT_NOTIFY_MSG_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct store_event_row;

#define NOTIFY_PAYLOAD_SHOWN  500 /* bytes of payload (and of operation) in a Slack message */
#define NOTIFY_FIELD_SHOWN    200 /* bytes of any other attacker text */
#define NOTIFY_SIGNATURE_MAX  96  /* "t=<unix>,v1=<64 hex>" with its NUL */
#define NOTIFY_DIGEST_TOP     5   /* endpoints and addresses listed in a digest */
#define NOTIFY_DIGEST_KEYS    64  /* distinct endpoints/addresses counted per digest */
#define NOTIFY_DIGEST_SAMPLES 20  /* event ids a digest keeps for its webhook body */

/* What every message names: the project and where the dashboard is. */
struct notify_where {
	const char *project;    /* slug */
	const char *public_url; /* "" when not configured: no links */
};

/* Flags for notify_slack_text. */
#define NOTIFY_TEXT_CODE 1 /* inside a ``` block: newlines kept */

/* Appends s to b escaped for Slack mrkdwn: & < > as &amp; &lt; &gt;,
 * backticks as U+02CB (no code span can be closed early), and, unless
 * NOTIFY_TEXT_CODE, line breaks and tabs as spaces. At most max bytes of
 * s are used, cut on a character boundary, with "…" appended when cut.
 * NULL s appends nothing. Returns 0 or MOAT_ETOOBIG (sticky in b's
 * caller: OR the results). */
int notify_slack_text(struct buf *b, const char *s, size_t max, int flags);

/* The Slack message (Block Kit JSON) for one stored event. */
int notify_slack_event(struct buf *b, const struct notify_where *w,
                       const struct store_event_row *e);
/* The Slack message for a digest (the aggregate notify_digest_add builds). */
int notify_slack_digest(struct buf *b, const struct notify_where *w, const json_t *digest);
/* The Slack message for an operator alert ({"kind","environment",
 * "message",…} as notify_alert.c writes it) or a test. */
int notify_slack_alert(struct buf *b, const struct notify_where *w, const json_t *alert);

/* The webhook body: {"delivery_id","type","project","events":[…],
 * "digest"?,"alert"?,"sent_at"}; events as the API serialises them. type
 * is "event", "digest", "alert" or "test". */
int notify_webhook_body(struct buf *b, const struct notify_where *w, const char *delivery_id,
                        const char *type, const struct store_event_row *ev, size_t nev,
                        const json_t *digest, const json_t *alert, int64_t now_s);

/* The X-Moat-Signature value for body sent at unix time t:
 * "t=<t>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>" into out. */
void notify_sign(const char *secret, int64_t t, const char *body, size_t n,
                 char out[NOTIFY_SIGNATURE_MAX]);

/* Adds one event to a digest aggregate (a JSON object it creates keys in):
 * count, first_ms/last_ms, by_interceptor, by_action, endpoints and
 * sources (at most NOTIFY_DIGEST_KEYS distinct each, the rest counted in
 * other_endpoints / other_sources), environments and a sample of at most
 * NOTIFY_DIGEST_SAMPLES event ids. */
void notify_digest_add(json_t *digest, const char *environment, const char *interceptor,
                       const char *action, const char *method, const char *endpoint,
                       const char *source_ip, const char *uid, int64_t ts_ms);
/* Folds digest `more` into `into` (same rules as notify_digest_add). */
void notify_digest_merge(json_t *into, const json_t *more);

#endif
