/*
 * notify_msg.c — Slack and webhook messages, digests and signatures; see
 * notify_msg.h. Pure functions; any thread.
 */
#include "notify_msg.h"

#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "err.h"
#include "event.h"
#include "json_out.h"
#include "store.h"
#include "timefmt.h"
#include "utf8.h"

int notify_slack_text(struct buf *b, const char *s, size_t max, int flags)
{
	size_t n, start = 0;
	int rc = 0;

	if (!s)
		return MOAT_OK;
	n = utf8_cut(s, strlen(s), max);
	for (size_t i = 0; i < n && !rc; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '`':
			rep = "\xcb\x8b"; /* U+02CB MODIFIER LETTER GRAVE ACCENT */
			break;
		case '\n':
		case '\r':
		case '\t':
			if (!(flags & NOTIFY_TEXT_CODE))
				rep = " ";
			break;
		default:
			break;
		}
		if (!rep)
			continue;
		rc |= buf_append(b, s + start, i - start);
		rc |= buf_append_str(b, rep);
		start = i + 1;
	}
	rc |= buf_append(b, s + start, n - start);
	if (n < strlen(s))
		rc |= buf_append_str(b, "\xe2\x80\xa6"); /* … */
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* ---- Slack Block Kit ---- */

/* A mrkdwn field "*label*\n`value`" (the value escaped, in a code span
 * so that no formatting applies); "-" for an empty value. */
static int slack_field(struct buf *b, const char *label, const char *value, int *first)
{
	struct buf t;
	int rc;

	buf_init(&t, 8192);
	rc = buf_printf(&t, "*%s*\n", label);
	if (value && *value) {
		rc |= buf_append_str(&t, "`");
		rc |= notify_slack_text(&t, value, NOTIFY_FIELD_SHOWN, 0);
		rc |= buf_append_str(&t, "`");
	} else {
		rc |= buf_append_str(&t, "-");
	}
	if (!*first)
		rc |= buf_append_str(b, ",");
	*first = 0;
	rc |= buf_append_str(b, "{\"type\":\"mrkdwn\",\"text\":");
	rc |= json_out_str(b, t.data);
	rc |= buf_append_str(b, "}");
	buf_cleanup(&t);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* A section block with mrkdwn text (already escaped where needed). */
static int slack_section(struct buf *b, const char *mrkdwn)
{
	int rc =
	    buf_append_str(b, ",{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":");

	rc |= json_out_str(b, mrkdwn);
	rc |= buf_append_str(b, "}}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* The header block (plain_text: Slack parses nothing in it). */
static int slack_header(struct buf *b, const char *text)
{
	char cut[151];
	int rc;

	utf8_copy(cut, sizeof cut, text, NULL);
	rc = buf_append_str(b, "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":");
	rc |= json_out_str(b, cut);
	rc |= buf_append_str(b, "}}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* A context block with a link to path under the public URL (ours, not an
 * attacker's: the slug is [a-z0-9-], the rest fixed or a UUID), or a hint
 * that the operator can set --public-url. */
static int slack_link(struct buf *b, const struct notify_where *w, const char *path,
                      const char *label)
{
	struct buf t;
	int rc = 0;

	buf_init(&t, 4096);
	if (w->public_url && *w->public_url) {
		size_t l = strlen(w->public_url);
		rc |= buf_append_str(&t, "<");
		/* a URL inside <…|…> is escaped as any text; | would end it */
		for (size_t i = 0; i < l && !rc; i++)
			if (w->public_url[i] != '|')
				rc |= notify_slack_text(&t, (char[]){w->public_url[i], 0}, 1, 0);
		if (l && w->public_url[l - 1] == '/')
			path++;
		rc |= notify_slack_text(&t, path, 1024, 0);
		rc |= buf_printf(&t, "|%s>", label);
	} else {
		rc |= buf_append_str(&t, "Set moatd's --public-url to link to the dashboard.");
	}
	rc |= buf_append_str(b,
	                     ",{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":");
	rc |= json_out_str(b, t.data ? t.data : "");
	rc |= buf_append_str(b, "}]}");
	buf_cleanup(&t);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* The message's top-level "text" (notifications, screen readers) and the
 * opening of "blocks". */
static int slack_open(struct buf *b, const char *fallback)
{
	int rc = buf_append_str(b, "{\"text\":");

	rc |= json_out_str(b, fallback);
	rc |= buf_append_str(b, ",\"blocks\":[");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

int notify_slack_event(struct buf *b, const struct notify_where *w, const struct store_event_row *e)
{
	char head[200], loc[600], path[200], ep[300];
	struct buf t;
	int rc = 0, first = 1;
	const char *verb = !strcmp(e->action, "blocked") ? "Blocked" : "Detected";

	utf8_fmt(head, sizeof head, "%s: %s threat in %s (%s)", verb, e->interceptor, w->project,
	         e->environment);
	loc[0] = 0;
	if (e->file && *e->file)
		utf8_fmt(loc, sizeof loc, "%s:%lld%s%s", e->file, (long long)e->line,
		         e->function && *e->function ? " in " : "",
		         e->function && *e->function ? e->function : "");
	else if (e->function && *e->function)
		utf8_copy(loc, sizeof loc, e->function, NULL);
	utf8_fmt(ep, sizeof ep, "%s%s%s", e->method ? e->method : "", e->method ? " " : "",
	         e->endpoint ? e->endpoint : "");
	/* the fallback text: no attacker text at all (it shows in push
	 * notifications, where escaping rules differ) */
	rc |= slack_open(b, head);
	rc |= slack_header(b, head);
	rc |= buf_append_str(b, ",{\"type\":\"section\",\"fields\":[");
	rc |= slack_field(b, "Project", w->project, &first);
	rc |= slack_field(b, "Environment", e->environment, &first);
	rc |= slack_field(b, "Interceptor", e->interceptor, &first);
	rc |= slack_field(b, "Action", e->action, &first);
	rc |= slack_field(b, "Severity", e->severity, &first);
	rc |= slack_field(b, "Endpoint", ep, &first);
	rc |= slack_field(b, "Source address", e->source_ip, &first);
	rc |= slack_field(b, "Code location", loc, &first);
	rc |= buf_append_str(b, "]}");
	buf_init(&t, 16384);
	rc |= buf_append_str(&t, "*Payload*\n```");
	if (e->payload && *e->payload)
		rc |= notify_slack_text(&t, e->payload, NOTIFY_PAYLOAD_SHOWN, NOTIFY_TEXT_CODE);
	else
		rc |= buf_append_str(&t, "(none)");
	rc |= buf_append_str(&t, "```");
	rc |= slack_section(b, t.data);
	buf_cleanup(&t);
	/* the exact operation the agent judged (the SQL, the command, the
	 * HTML ...): it holds the attacker's text too */
	if (e->operation && *e->operation) {
		buf_init(&t, 16384);
		rc |= buf_append_str(&t, "*Operation*\n```");
		rc |= notify_slack_text(&t, e->operation, NOTIFY_PAYLOAD_SHOWN, NOTIFY_TEXT_CODE);
		rc |= buf_append_str(&t, "```");
		rc |= slack_section(b, t.data);
		buf_cleanup(&t);
	}
	snprintf(path, sizeof path, "/#/projects/%s/events/%s", w->project, e->uid);
	rc |= slack_link(b, w, path, "Open the event in Moat");
	rc |= buf_append_str(b, "]}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* "name: n, name: n" of a {key: count} object, the largest first, at most
 * top of them, escaped; "-" when empty. */
static int slack_counts(struct buf *b, const json_t *obj, size_t top)
{
	const char *key, *best_key;
	json_t *v;
	size_t shown = 0;
	int rc = 0;
	char used[NOTIFY_DIGEST_KEYS + 8] = {0};

	while (shown < top) {
		long long best = 0;
		size_t i = 0, bi = 0;
		best_key = NULL;
		json_object_foreach((json_t *)obj, key, v)
		{
			long long n = json_integer_value(v);
			if (i < sizeof used && !used[i] && n > best) {
				best = n;
				best_key = key;
				bi = i;
			}
			i++;
		}
		if (!best_key)
			break;
		used[bi] = 1;
		rc |= buf_append_str(b, shown ? "\n" : "");
		rc |= buf_append_str(b, "`");
		rc |= notify_slack_text(b, best_key, NOTIFY_FIELD_SHOWN, 0);
		rc |= buf_printf(b, "` %lld", best);
		shown++;
	}
	if (!shown)
		rc |= buf_append_str(b, "-");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

int notify_slack_digest(struct buf *b, const struct notify_where *w, const json_t *digest)
{
	char head[200], path[200];
	long long count = json_integer_value(json_object_get(digest, "count"));
	long long span = (json_integer_value(json_object_get(digest, "last_ms")) -
	                  json_integer_value(json_object_get(digest, "first_ms")) + 999) /
	                 1000;
	struct buf t;
	int rc = 0;

	utf8_fmt(head, sizeof head, "%lld threats in %s within %llds", count, w->project,
	         span > 0 ? span : 1);
	rc |= slack_open(b, head);
	rc |= slack_header(b, head);
	buf_init(&t, 65536);
	rc |= buf_append_str(&t, "*By interceptor*\n");
	rc |= slack_counts(&t, json_object_get(digest, "by_interceptor"), NOTIFY_DIGEST_KEYS);
	rc |= buf_append_str(&t, "\n*By action*\n");
	rc |= slack_counts(&t, json_object_get(digest, "by_action"), 4);
	rc |= buf_append_str(&t, "\n*Environments*\n");
	rc |= slack_counts(&t, json_object_get(digest, "environments"), NOTIFY_DIGEST_TOP);
	rc |= slack_section(b, t.data);
	buf_reset(&t);
	rc |= buf_append_str(&t, "*Top endpoints*\n");
	rc |= slack_counts(&t, json_object_get(digest, "endpoints"), NOTIFY_DIGEST_TOP);
	rc |= buf_append_str(&t, "\n*Top source addresses*\n");
	rc |= slack_counts(&t, json_object_get(digest, "sources"), NOTIFY_DIGEST_TOP);
	rc |= slack_section(b, t.data);
	buf_cleanup(&t);
	snprintf(path, sizeof path, "/#/projects/%s/events", w->project);
	rc |= slack_link(b, w, path, "Open the events in Moat");
	rc |= buf_append_str(b, "]}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

int notify_slack_alert(struct buf *b, const struct notify_where *w, const json_t *alert)
{
	const char *kind = json_string_value(json_object_get(alert, "kind"));
	const char *env = json_string_value(json_object_get(alert, "environment"));
	const char *msg = json_string_value(json_object_get(alert, "message"));
	char head[200], path[200];
	struct buf t;
	int rc = 0;

	if (kind && !strcmp(kind, "test"))
		utf8_fmt(head, sizeof head, "Test message from Moat for %s", w->project);
	else
		utf8_fmt(head, sizeof head, "Moat alert in %s%s%s: %s", w->project, env ? "/" : "",
		         env ? env : "", kind ? kind : "alert");
	rc |= slack_open(b, head);
	rc |= slack_header(b, head);
	buf_init(&t, 8192);
	rc |= notify_slack_text(&t, msg ? msg : "", 2000, 0);
	rc |= slack_section(b, t.data && *t.data ? t.data : "-");
	buf_cleanup(&t);
	if (env)
		snprintf(path, sizeof path, "/#/projects/%s/agents", w->project);
	else
		snprintf(path, sizeof path, "/#/projects/%s", w->project);
	rc |= slack_link(b, w, path, "Open the project in Moat");
	rc |= buf_append_str(b, "]}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

/* ---- the webhook ---- */

/* Appends a json_t through json_out (one output path). */
static int webhook_value(struct buf *b, const char *key, const json_t *v, int *first)
{
	int rc = json_out_key(b, key, first);

	return rc | json_out(b, v);
}

int notify_webhook_body(struct buf *b, const struct notify_where *w, const char *delivery_id,
                        const char *type, const struct store_event_row *ev, size_t nev,
                        const json_t *digest, const json_t *alert, int64_t now_s)
{
	int first = 1, rc = buf_append_str(b, "{");

	rc |= json_out_key_str(b, "delivery_id", delivery_id, &first);
	rc |= json_out_key_str(b, "type", type, &first);
	rc |= json_out_key_str(b, "project", w->project, &first);
	rc |= json_out_key(b, "sent_at", &first) | json_out_time(b, now_s);
	rc |= json_out_key(b, "events", &first) | buf_append_str(b, "[");
	for (size_t i = 0; i < nev; i++) {
		if (i)
			rc |= buf_append_str(b, ",");
		rc |= event_row_json(b, &ev[i]);
	}
	rc |= buf_append_str(b, "]");
	if (digest)
		rc |= webhook_value(b, "digest", digest, &first);
	if (alert)
		rc |= webhook_value(b, "alert", alert, &first);
	rc |= buf_append_str(b, "}");
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

void notify_sign(const char *secret, int64_t t, const char *body, size_t n,
                 char out[NOTIFY_SIGNATURE_MAX])
{
	unsigned char mac[CRYPTO_SHA256_LEN];
	char hex[2 * CRYPTO_SHA256_LEN + 1], ts[24];
	size_t tl = (size_t)snprintf(ts, sizeof ts, "%lld.", (long long)t);
	/* HMAC over "<t>.<body>" without copying the body */
	struct buf msg;

	buf_init(&msg, tl + n + 1);
	buf_append(&msg, ts, tl);
	buf_append(&msg, body, n);
	crypto_hmac_sha256(secret, strlen(secret), msg.data, msg.len, mac);
	buf_cleanup(&msg);
	crypto_hex(mac, sizeof mac, hex);
	snprintf(out, NOTIFY_SIGNATURE_MAX, "t=%lld,v1=%s", (long long)t, hex);
}

/* ---- digests ---- */

/* Adds n to obj[key], keeping at most cap keys (else to other_key). */
static void digest_count(json_t *d, const char *name, const char *key, long long n, size_t cap,
                         const char *other_key)
{
	json_t *obj = json_object_get(d, name), *v;

	if (!key || !*key || n <= 0)
		return;
	if (!obj) {
		obj = json_object();
		json_object_set_new(d, name, obj);
	}
	v = json_object_get(obj, key);
	if (v) {
		json_integer_set(v, json_integer_value(v) + n);
	} else if (!cap || json_object_size(obj) < cap) {
		json_object_set_new(obj, key, json_integer(n));
	} else if (other_key) {
		json_t *o = json_object_get(d, other_key);
		json_object_set_new(d, other_key, json_integer(json_integer_value(o) + n));
	}
}

static void digest_span(json_t *d, long long count, int64_t first_ms, int64_t last_ms)
{
	json_t *c = json_object_get(d, "count"), *f = json_object_get(d, "first_ms"),
	       *l = json_object_get(d, "last_ms");

	json_object_set_new(d, "count", json_integer(json_integer_value(c) + count));
	if (!f || first_ms < json_integer_value(f))
		json_object_set_new(d, "first_ms", json_integer(first_ms));
	if (!l || last_ms > json_integer_value(l))
		json_object_set_new(d, "last_ms", json_integer(last_ms));
}

static void digest_sample(json_t *d, const char *uid)
{
	json_t *s = json_object_get(d, "sample");

	if (!uid)
		return;
	if (!s) {
		s = json_array();
		json_object_set_new(d, "sample", s);
	}
	if (json_array_size(s) < NOTIFY_DIGEST_SAMPLES)
		json_array_append_new(s, json_string(uid));
}

void notify_digest_add(json_t *digest, const char *environment, const char *interceptor,
                       const char *action, const char *method, const char *endpoint,
                       const char *source_ip, const char *uid, int64_t ts_ms)
{
	char ep[EVENT_TEXT_MAX];

	(void)method;
	digest_span(digest, 1, ts_ms, ts_ms);
	digest_count(digest, "by_interceptor", interceptor, 1, 0, NULL);
	digest_count(digest, "by_action", action, 1, 0, NULL);
	digest_count(digest, "environments", environment, 1, 0, NULL);
	utf8_copy(ep, 256, endpoint ? endpoint : "", NULL);
	digest_count(digest, "endpoints", ep, 1, NOTIFY_DIGEST_KEYS, "other_endpoints");
	digest_count(digest, "sources", source_ip, 1, NOTIFY_DIGEST_KEYS, "other_sources");
	digest_sample(digest, uid);
}

void notify_digest_merge(json_t *into, const json_t *more)
{
	static const char *const maps[][2] = {{"by_interceptor", NULL},
	                                      {"by_action", NULL},
	                                      {"environments", NULL},
	                                      {"endpoints", "other_endpoints"},
	                                      {"sources", "other_sources"}};
	const char *key;
	json_t *v;

	digest_span(into, json_integer_value(json_object_get(more, "count")),
	            json_integer_value(json_object_get(more, "first_ms")),
	            json_integer_value(json_object_get(more, "last_ms")));
	for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++)
		json_object_foreach(json_object_get(more, maps[m][0]), key, v)
		    digest_count(into, maps[m][0], key, json_integer_value(v),
		                 maps[m][1] ? NOTIFY_DIGEST_KEYS : 0, maps[m][1]);
	for (size_t m = 3; m < 5; m++) {
		long long o = json_integer_value(json_object_get(more, maps[m][1]));
		if (o)
			json_object_set_new(
			    into, maps[m][1],
			    json_integer(json_integer_value(json_object_get(into, maps[m][1])) +
			                 o));
	}
	for (size_t i = 0; i < json_array_size(json_object_get(more, "sample")); i++)
		digest_sample(
		    into, json_string_value(json_array_get(json_object_get(more, "sample"), i)));
}
