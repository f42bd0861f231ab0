/*
 * notify_http.c — one delivery attempt as a libcurl transfer: the body
 * (Slack message or signed webhook), the options that keep moatd from
 * being an SSRF tool, and what the finished transfer means.
 *
 * SSRF: the address is checked where it is used. libcurl calls
 * notify_opensocket with each address it is about to connect to, after
 * resolving the name, so a name that resolves (or rebinds) to a private
 * address is refused there (netaddr_is_private), not in a resolution of
 * our own that could differ from libcurl's. Proxies from the environment
 * are ignored (the proxy's address would be checked, not the target's),
 * only http and https are allowed, redirects are not followed.
 *
 * Thread: the notifier thread only (it owns every CURL handle).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "crypto.h"
#include "err.h"
#include "log.h"
#include "netaddr.h"
#include "notify_int.h"
#include "notify_msg.h"
#include "notify_retry.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

#define NOTIFY_BODY_MAX     (1 << 20) /* a message, at most */
#define NOTIFY_ANSWER_MAX   512       /* of the receiver's body, kept for last_error */
#define NOTIFY_TEST_MESSAGE "This is a test message from Moat: the channel works."

static curl_socket_t notify_opensocket(void *clientp, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct notify_xfer *x = clientp;

	(void)purpose;
	if (!notify_cfg.allow_private && netaddr_is_private(&a->addr)) {
		char host[64] = "?";
		if (a->family == AF_INET)
			inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)&a->addr)->sin_addr,
			          host, sizeof host);
		else if (a->family == AF_INET6)
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *)(void *)&a->addr)->sin6_addr,
			          host, sizeof host);
		x->refused = 1;
		snprintf(x->refused_addr, sizeof x->refused_addr, "%s", host);
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

static size_t notify_on_body(char *p, size_t size, size_t n, void *arg)
{
	struct notify_xfer *x = arg;
	size_t len = size * n, room = NOTIFY_ANSWER_MAX - x->answer.len;

	buf_append(&x->answer, p, len < room ? len : room);
	return len; /* the rest is read and dropped */
}

static size_t notify_on_header(char *p, size_t size, size_t n, void *arg)
{
	struct notify_xfer *x = arg;
	size_t len = size * n;

	if (len > 12 && !strncasecmp(p, "retry-after:", 12)) {
		size_t v =
		    len - 12 < sizeof x->retry_after - 1 ? len - 12 : sizeof x->retry_after - 1;
		memcpy(x->retry_after, p + 12, v);
		x->retry_after[v] = 0;
		x->retry_after[strcspn(x->retry_after, "\r\n")] = 0;
	}
	return len;
}

static struct notify_xfer *notify_xfer_new(const char *url)
{
	struct notify_xfer *x = xcalloc(1, sizeof *x);

	buf_init(&x->body, NOTIFY_BODY_MAX);
	buf_init(&x->answer, NOTIFY_ANSWER_MAX);
	x->h = curl_easy_init();
	if (!x->h)
		abort(); /* out of memory: moatd aborts (STYLE 6) */
	curl_easy_setopt(x->h, CURLOPT_URL, url);
	curl_easy_setopt(x->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x->h, CURLOPT_TIMEOUT_MS, (long)notify_cfg.timeout_ms);
	curl_easy_setopt(x->h, CURLOPT_CONNECTTIMEOUT_MS, (long)notify_cfg.timeout_ms);
	curl_easy_setopt(x->h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(x->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x->h, CURLOPT_PROXY, "");
	curl_easy_setopt(x->h, CURLOPT_OPENSOCKETFUNCTION, notify_opensocket);
	curl_easy_setopt(x->h, CURLOPT_OPENSOCKETDATA, x);
	curl_easy_setopt(x->h, CURLOPT_WRITEFUNCTION, notify_on_body);
	curl_easy_setopt(x->h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(x->h, CURLOPT_HEADERFUNCTION, notify_on_header);
	curl_easy_setopt(x->h, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(x->h, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(x->h, CURLOPT_PRIVATE, x);
	x->hdrs = curl_slist_append(NULL, "Content-Type: application/json");
	x->hdrs = curl_slist_append(x->hdrs, "User-Agent: moatd/" MOAT_VERSION);
	x->hdrs = curl_slist_append(x->hdrs, "Expect:");
	return x;
}

/* Sets the body and, for a webhook, the delivery and signature headers. */
static void notify_xfer_finish(struct notify_xfer *x, const char *kind, const char *secret,
                               const char *delivery_id, int64_t now_ms)
{
	char h[NOTIFY_SIGNATURE_MAX + 40], sig[NOTIFY_SIGNATURE_MAX];

	if (!strcmp(kind, "webhook")) {
		snprintf(h, sizeof h, "X-Moat-Delivery: %s", delivery_id);
		x->hdrs = curl_slist_append(x->hdrs, h);
		notify_sign(secret, now_ms / 1000, x->body.data ? x->body.data : "", x->body.len,
		            sig);
		snprintf(h, sizeof h, "X-Moat-Signature: %s", sig);
		x->hdrs = curl_slist_append(x->hdrs, h);
	}
	curl_easy_setopt(x->h, CURLOPT_HTTPHEADER, x->hdrs);
	curl_easy_setopt(x->h, CURLOPT_POSTFIELDS, x->body.data ? x->body.data : "");
	curl_easy_setopt(x->h, CURLOPT_POSTFIELDSIZE, (long)x->body.len);
}

void notify_xfer_free(struct notify_xfer *x)
{
	if (!x)
		return;
	curl_easy_cleanup(x->h);
	curl_slist_free_all(x->hdrs);
	buf_cleanup(&x->body);
	buf_cleanup(&x->answer);
	free(x);
}

/* The events a webhook body carries for job j: its event, or a digest's
 * sample (those still stored). *out: store_event_rows_free. */
static int notify_load_events(struct store *st, const struct store_delivery_job *j,
                              const json_t *digest, struct store_event_row **out, size_t *n)
{
	struct store_event_row *rows = NULL;
	size_t cnt = 0;
	int rc = MOAT_OK;

	*out = NULL;
	*n = 0;
	if (!strcmp(j->d.kind, "event")) {
		int64_t project_id = 0;
		char uid[40];
		rc = store_notify_event_uid(st, j->d.event_id, &project_id, uid);
		if (rc)
			return rc;
		rows = xcalloc(1, sizeof *rows);
		rc = store_event_get(st, project_id, uid, &rows[0]);
		if (rc) {
			free(rows);
			return rc;
		}
		cnt = 1;
	} else if (digest) {
		const json_t *sample = json_object_get(digest, "sample");
		rows = xcalloc(json_array_size(sample) + 1, sizeof *rows);
		for (size_t i = 0; i < json_array_size(sample); i++) {
			const char *uid = json_string_value(json_array_get(sample, i));
			if (uid && store_event_get(st, j->c.project_id, uid, &rows[cnt]) == MOAT_OK)
				cnt++;
		}
	}
	store_idle(st);
	*out = rows;
	*n = cnt;
	return MOAT_OK;
}

int notify_http_prepare(struct store *st, const struct store_delivery_job *j, int64_t now_ms,
                        struct notify_xfer **out)
{
	struct notify_where w = {j->c.project, notify_cfg.public_url};
	struct store_event_row *rows = NULL;
	size_t nrows = 0;
	json_t *doc = j->d.body ? json_loads(j->d.body, 0, NULL) : NULL;
	const json_t *digest, *alert;
	struct notify_xfer *x;
	int rc;

	if (!doc && !strcmp(j->d.kind, "test")) /* a test whose sender never recorded it */
		doc = json_pack("{s:s, s:s}", "kind", "test", "message", NOTIFY_TEST_MESSAGE);
	digest = !strcmp(j->d.kind, "digest") ? doc : NULL;
	alert = digest ? NULL : doc;

	*out = NULL;
	rc = notify_load_events(st, j, digest, &rows, &nrows);
	if (rc) {
		json_decref(doc);
		return rc;
	}
	x = notify_xfer_new(j->c.url);
	if (!strcmp(j->c.kind, "slack")) {
		if (!strcmp(j->d.kind, "event") && nrows)
			rc = notify_slack_event(&x->body, &w, &rows[0]);
		else if (digest)
			rc = notify_slack_digest(&x->body, &w, digest);
		else
			rc = notify_slack_alert(&x->body, &w, alert);
	} else {
		rc = notify_webhook_body(&x->body, &w, j->d.uuid, j->d.kind, rows, nrows, digest,
		                         alert, now_ms / 1000);
	}
	store_event_rows_free(rows, nrows);
	json_decref(doc);
	if (rc) {
		notify_xfer_free(x);
		return rc;
	}
	notify_xfer_finish(x, j->c.kind, j->secret, j->d.uuid, now_ms);
	x->channel_id = j->c.id;
	x->started_ms = now_ms;
	*out = x;
	return MOAT_OK;
}

int notify_http_prepare_test(const struct store_channel *c, const char *secret,
                             const char *delivery_id, int64_t now_ms, struct notify_xfer **out)
{
	struct notify_where w = {c->project, notify_cfg.public_url};
	json_t *alert = json_pack("{s:s, s:s}", "kind", "test", "message", NOTIFY_TEST_MESSAGE);
	struct notify_xfer *x = notify_xfer_new(c->url);
	int rc;

	if (!strcmp(c->kind, "slack"))
		rc = notify_slack_alert(&x->body, &w, alert);
	else
		rc = notify_webhook_body(&x->body, &w, delivery_id, "test", NULL, 0, NULL, alert,
		                         now_ms / 1000);
	json_decref(alert);
	if (rc) {
		notify_xfer_free(x);
		return rc;
	}
	notify_xfer_finish(x, c->kind, secret, delivery_id, now_ms);
	x->channel_id = c->id;
	x->started_ms = now_ms;
	*out = x;
	return MOAT_OK;
}

/* The receiver's answer as printable ASCII (it is theirs: shown in the
 * delivery log, never trusted), at most cap - 1 bytes. */
static void notify_answer_text(const struct buf *a, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < a->len && o + 1 < cap; i++) {
		unsigned char ch = (unsigned char)a->data[i];
		out[o++] = ch >= 0x20 && ch < 0x7f ? (char)ch : ' ';
	}
	out[o] = 0;
}

int notify_http_result(struct notify_xfer *x, CURLcode code, long *status, char *err, size_t errlen,
                       int64_t *retry_after_ms)
{
	char answer[160];
	int outcome;

	*status = 0;
	*retry_after_ms = -1;
	err[0] = 0;
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, status);
	if (code != CURLE_OK)
		*status = 0;
	outcome = notify_outcome(code != CURLE_OK, *status, x->refused && code != CURLE_OK);
	if (x->refused && code != CURLE_OK) {
		utf8_fmt(
		    err, errlen,
		    "refused: the target resolves to %s, a loopback, private, link-local or "
		    "unique-local address (start moatd with --allow-private-webhooks to allow it)",
		    x->refused_addr);
	} else if (code == CURLE_OPERATION_TIMEDOUT) {
		utf8_fmt(err, errlen, "timeout: no answer within %d ms", notify_cfg.timeout_ms);
	} else if (code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT) {
		utf8_fmt(err, errlen, "bad url: %s",
		         x->errbuf[0] ? x->errbuf : curl_easy_strerror(code));
		outcome = NOTIFY_REFUSED;
	} else if (code != CURLE_OK) {
		char e[CURL_ERROR_SIZE];
		notify_answer_text(&(struct buf){.data = x->errbuf, .len = strlen(x->errbuf)}, e,
		                   sizeof e);
		utf8_fmt(err, errlen, "no answer: %s", e[0] ? e : curl_easy_strerror(code));
	} else if (outcome != NOTIFY_DELIVERED) {
		notify_answer_text(&x->answer, answer, sizeof answer);
		if (*status >= 300 && *status < 400)
			utf8_fmt(err, errlen,
			         "the receiver answered %ld (redirects are not followed)", *status);
		else
			utf8_fmt(err, errlen, "the receiver answered %ld%s%s", *status,
			         answer[0] ? ": " : "", answer);
		if (*status == 429 || *status == 503) {
			int64_t ms;
			if (notify_retry_after_ms(x->retry_after, timefmt_now(), &ms) == MOAT_OK)
				*retry_after_ms = ms;
		}
	}
	return outcome;
}
