/*
 * event.c — validation of reported events; see event.h.
 */
#include "event.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "event_query.h"
#include "store.h"
#include "json_out.h"
#include "policy.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

static const char *const ev_actions[] = {"blocked", "logged", NULL};
static const char *const ev_severities[] = {"low", "medium", "high", "critical", NULL};

static const char *ev_pick(const char *s, const char *const *set)
{
	for (int i = 0; set[i]; i++)
		if (!strcmp(s, set[i]))
			return set[i];
	return NULL;
}

static const char *ev_interceptor(const char *s)
{
	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		if (!strcmp(s, policy_interceptor_names[i]))
			return policy_interceptor_names[i];
	return NULL;
}

static char *ev_keep(struct event_batch *b, const char *s, size_t n)
{
	char *p = xstrndup(s, n);

	if (b->nstrings == b->capstrings) {
		b->capstrings = b->capstrings ? b->capstrings * 2 : 64;
		b->strings = xrealloc(b->strings, b->capstrings * sizeof *b->strings);
	}
	b->strings[b->nstrings++] = p;
	return p;
}

int event_agent_id_ok(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > EVENT_AGENT_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == ':' || ch == '-'))
			return 0;
	}
	return 1;
}

int event_ts_parse(const char *s, int64_t *ms)
{
	char base[32];
	const char *dot = strchr(s, '.');
	int64_t secs, frac = 0;

	if (strlen(s) > 40)
		return MOAT_EINVALID;
	if (dot && dot - s == 19) {
		/* "YYYY-MM-DDTHH:MM:SS.fff…Z": take up to three digits of the fraction */
		const char *p = dot + 1;
		int digits = 0;
		while (isdigit((unsigned char)*p)) {
			if (digits < 3) {
				frac = frac * 10 + (*p - '0');
				digits++;
			}
			p++;
		}
		if (p == dot + 1)
			return MOAT_EINVALID;
		while (digits++ < 3)
			frac *= 10;
		snprintf(base, sizeof base, "%.19s%s", s, p);
		if (timefmt_parse(base, &secs))
			return MOAT_EINVALID;
	} else if (timefmt_parse(s, &secs)) {
		return MOAT_EINVALID;
	}
	*ms = secs * 1000 + frac;
	return MOAT_OK;
}

static int ev_uuid(const char *s, char out[37])
{
	static const int dash[] = {8, 13, 18, 23};

	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		int is_dash = i == dash[0] || i == dash[1] || i == dash[2] || i == dash[3];
		if (is_dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return 0;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	out[36] = '\0';
	return 1;
}

/* An optional string field of at most max bytes. -1 invalid, 0 absent, 1 set. */
static int ev_str(const json_t *o, const char *key, size_t max, const char **out, size_t *len)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v) || json_string_length(v) > max)
		return -1;
	*out = json_string_value(v);
	if (len)
		*len = json_string_length(v);
	return 1;
}

/* Validates one event; 0 and e filled, or -1 with a reason. */
static int ev_one(const json_t *o, int64_t now_ms, struct event_batch *b, struct event *e,
                  char *why, size_t whylen)
{
	const char *s;
	size_t len = 0;
	char uid[37];
	json_t *v, *loc, *det;

#define EV_FAIL(...)                                                                               \
	do {                                                                                       \
		snprintf(why, whylen, __VA_ARGS__);                                                \
		return -1;                                                                         \
	} while (0)

	memset(e, 0, sizeof *e);
	if (!json_is_object(o))
		EV_FAIL("event: must be a JSON object");
	if (ev_str(o, "id", 36, &s, NULL) != 1 || !ev_uuid(s, uid))
		EV_FAIL("id: must be a UUID");
	if (ev_str(o, "ts", 40, &s, NULL) != 1 || event_ts_parse(s, &e->ts_ms))
		EV_FAIL("ts: must be an RFC 3339 time");
	if (e->ts_ms < now_ms - EVENT_PAST_MS || e->ts_ms > now_ms + EVENT_FUTURE_MS)
		EV_FAIL("ts: must be within the last 7 days and at most 5 minutes ahead");
	if (ev_str(o, "interceptor", 32, &s, NULL) != 1 || !(e->interceptor = ev_interceptor(s)))
		EV_FAIL("interceptor: unknown interceptor");
	if (ev_str(o, "action", 16, &s, NULL) != 1 || !(e->action = ev_pick(s, ev_actions)))
		EV_FAIL("action: must be blocked or logged");
	if (ev_str(o, "severity", 16, &s, NULL) != 1 || !(e->severity = ev_pick(s, ev_severities)))
		EV_FAIL("severity: must be low, medium, high or critical");
	v = json_object_get(o, "confidence");
	if (v && !json_is_null(v)) {
		if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1)
			EV_FAIL("confidence: must be a number from 0 to 1");
		e->confidence = json_number_value(v);
		e->has_confidence = 1;
	}
	switch (ev_str(o, "source_ip", 64, &s, NULL)) {
	case -1:
		EV_FAIL("source_ip: must be an IP address");
	case 1: {
		unsigned char a[16];
		char canon[INET6_ADDRSTRLEN];
		int v6 = strchr(s, ':') != NULL;
		if (inet_pton(v6 ? AF_INET6 : AF_INET, s, a) != 1)
			EV_FAIL("source_ip: must be an IP address");
		inet_ntop(v6 ? AF_INET6 : AF_INET, a, canon, sizeof canon);
		e->source_ip = ev_keep(b, canon, strlen(canon));
	}
	}
	if (ev_str(o, "method", 16, &s, &len) < 0)
		EV_FAIL("method: at most 16 bytes");
	e->method = s ? ev_keep(b, s, len) : NULL;
	if (ev_str(o, "endpoint", 2048, &s, &len) < 0)
		EV_FAIL("endpoint: at most 2048 bytes");
	e->endpoint = s ? ev_keep(b, s, len) : NULL;
	/* payload and operation: any length is accepted, the store keeps 8 KiB */
	if (ev_str(o, "payload", (size_t)-1, &s, &len) < 0)
		EV_FAIL("payload: must be a string");
	if (s) {
		size_t cut = utf8_cut(s, len, EVENT_TEXT_MAX);
		e->payload = ev_keep(b, s, cut);
		e->payload_len = (int64_t)len;
		e->payload_truncated = cut < len;
	}
	if (ev_str(o, "operation", (size_t)-1, &s, &len) < 0)
		EV_FAIL("operation: must be a string");
	if (s) {
		size_t cut = utf8_cut(s, len, EVENT_TEXT_MAX);
		e->operation = ev_keep(b, s, cut);
		e->operation_len = (int64_t)len;
		e->operation_truncated = cut < len;
	}
	loc = json_object_get(o, "location");
	if (loc && !json_is_null(loc)) {
		if (!json_is_object(loc))
			EV_FAIL("location: must be an object");
		if (ev_str(loc, "file", 512, &s, &len) < 0)
			EV_FAIL("location.file: at most 512 bytes");
		e->file = s ? ev_keep(b, s, len) : NULL;
		if (ev_str(loc, "function", 256, &s, &len) < 0)
			EV_FAIL("location.function: at most 256 bytes");
		e->function = s ? ev_keep(b, s, len) : NULL;
		v = json_object_get(loc, "line");
		if (v && !json_is_null(v)) {
			if (!json_is_integer(v) || json_integer_value(v) < 0)
				EV_FAIL("location.line: must be a whole number >= 0");
			e->line = json_integer_value(v);
			e->has_line = 1;
		}
	}
	if (ev_str(o, "rule", 128, &s, &len) < 0)
		EV_FAIL("rule: at most 128 bytes");
	e->rule = s ? ev_keep(b, s, len) : NULL;
	det = json_object_get(o, "details");
	if (det && !json_is_null(det)) {
		char *text;
		if (!json_is_object(det))
			EV_FAIL("details: must be an object");
		text = json_dumps(det, JSON_COMPACT | JSON_SORT_KEYS);
		if (!text || strlen(text) > EVENT_DETAILS_MAX) {
			free(text);
			EV_FAIL("details: at most 4096 bytes as JSON");
		}
		e->details = ev_keep(b, text, strlen(text));
		free(text);
	}
	e->uid = ev_keep(b, uid, 36);
	return 0;
#undef EV_FAIL
}

int event_batch_parse(const json_t *events, int64_t now_ms, struct event_batch *b, char *err,
                      size_t errlen)
{
	size_t n, i;
	json_t *o;

	memset(b, 0, sizeof *b);
	if (!json_is_array(events)) {
		snprintf(err, errlen, "events must be an array");
		return MOAT_EINVALID;
	}
	n = json_array_size(events);
	if (n > EVENT_MAX_BATCH) {
		snprintf(err, errlen, "at most %d events in one batch", EVENT_MAX_BATCH);
		return MOAT_EINVALID;
	}
	b->ev = xcalloc(n ? n : 1, sizeof *b->ev);
	json_array_foreach(events, i, o)
	{
		char why[120];
		if (ev_one(o, now_ms, b, &b->ev[b->n], why, sizeof why) == 0) {
			b->n++;
			continue;
		}
		if (!b->rejected)
			b->rejected = xcalloc(n, sizeof *b->rejected);
		b->rejected[b->nrejected].index = (int)i;
		snprintf(b->rejected[b->nrejected].reason, sizeof b->rejected[0].reason, "%s", why);
		b->nrejected++;
	}
	return MOAT_OK;
}

void event_batch_free(struct event_batch *b)
{
	for (size_t i = 0; i < b->nstrings; i++)
		free(b->strings[i]);
	free(b->strings);
	free(b->ev);
	free(b->rejected);
	memset(b, 0, sizeof *b);
}

/* Copies stored details (JSON text the server wrote) through the one
 * output path (json_out_raw: the same escapes as every string). */
static int ev_details(struct buf *b, const char *d)
{
	if (!d || !*d)
		return buf_append(b, "{}", 2);
	return json_out_raw(b, d);
}

int event_row_json(struct buf *b, const struct store_event_row *e)
{
	char ts[EVENT_QUERY_TIME_LEN], rx[EVENT_QUERY_TIME_LEN], num[32];
	int first = 1, f2 = 1, rc = 0;

	event_query_time(e->ts, ts);
	event_query_time(e->received_at, rx);
	rc |= buf_append(b, "{", 1);
	rc |= json_out_key_str(b, "id", e->uid, &first);
	rc |= json_out_key_str(b, "ts", ts, &first);
	rc |= json_out_key_str(b, "received_at", rx, &first);
	rc |= json_out_key_str(b, "environment", e->environment, &first);
	rc |= json_out_key_str(b, "agent_id", e->agent_id ? e->agent_id : "", &first);
	rc |= json_out_key_str(b, "interceptor", e->interceptor, &first);
	rc |= json_out_key_str(b, "action", e->action, &first);
	rc |= json_out_key_str(b, "severity", e->severity, &first);
	rc |= json_out_key(b, "confidence", &first);
	if (e->has_confidence) {
		snprintf(num, sizeof num, "%.15g", e->confidence);
		rc |= buf_append_str(b, num);
	} else {
		rc |= buf_append(b, "null", 4);
	}
	rc |= json_out_key_str(b, "source_ip", e->source_ip, &first);
	rc |= json_out_key_str(b, "method", e->method, &first);
	rc |= json_out_key_str(b, "endpoint", e->endpoint, &first);
	rc |= json_out_key_str(b, "payload", e->payload, &first);
	rc |= json_out_key(b, "payload_length", &first) | json_out_int(b, e->payload_len);
	rc |= json_out_key(b, "payload_truncated", &first) |
	      buf_append_str(b, e->payload_truncated ? "true" : "false");
	rc |= json_out_key_str(b, "operation", e->operation, &first);
	rc |= json_out_key(b, "operation_length", &first) | json_out_int(b, e->operation_len);
	rc |= json_out_key(b, "operation_truncated", &first) |
	      buf_append_str(b, e->operation_truncated ? "true" : "false");
	rc |= json_out_key(b, "location", &first) | buf_append(b, "{", 1);
	rc |= json_out_key_str(b, "file", e->file, &f2);
	rc |= json_out_key(b, "line", &f2);
	rc |= e->has_line ? json_out_int(b, e->line) : buf_append(b, "null", 4);
	rc |= json_out_key_str(b, "function", e->function, &f2);
	rc |= buf_append(b, "}", 1);
	rc |= json_out_key_str(b, "rule", e->rule, &first);
	rc |= json_out_key(b, "details", &first) | ev_details(b, e->details);
	rc |= json_out_key_str(b, "status", e->status, &first);
	rc |= buf_append(b, "}", 1);
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}

int event_write_json(struct buf *b, const struct event *e, const char *environment,
                     const char *agent_id, int64_t received_ms)
{
	/* a view of the new event as the row it has just become */
	struct store_event_row r;

	memset(&r, 0, sizeof r);
	snprintf(r.uid, sizeof r.uid, "%s", e->uid);
	r.ts = e->ts_ms;
	r.received_at = received_ms;
	snprintf(r.environment, sizeof r.environment, "%s", environment ? environment : "");
	snprintf(r.interceptor, sizeof r.interceptor, "%s", e->interceptor);
	snprintf(r.action, sizeof r.action, "%s", e->action);
	snprintf(r.severity, sizeof r.severity, "%s", e->severity);
	snprintf(r.status, sizeof r.status, "new");
	r.confidence = e->confidence;
	r.has_confidence = e->has_confidence;
	r.payload_len = e->payload_len;
	r.payload_truncated = e->payload_truncated;
	r.operation_len = e->operation_len;
	r.operation_truncated = e->operation_truncated;
	r.line = e->line;
	r.has_line = e->has_line;
	r.agent_id = (char *)agent_id;
	r.source_ip = (char *)e->source_ip;
	r.method = (char *)e->method;
	r.endpoint = (char *)e->endpoint;
	r.payload = (char *)e->payload;
	r.operation = (char *)e->operation;
	r.file = (char *)e->file;
	r.function = (char *)e->function;
	r.rule = (char *)e->rule;
	r.details = (char *)e->details;
	return event_row_json(b, &r);
}
