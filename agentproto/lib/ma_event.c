/*
 * ma_event.c — threat events: the rules of PROTOCOL.md "Events" (checked
 * here exactly as the server checks them, so the library refuses early
 * what the server would reject), the JSON encoding moat_agent_report()
 * queues, and random UUIDs. Pure functions, any thread; every json_t stays
 * on the calling thread.
 */
#include "ma_int.h"
#include "ma_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MA_TS_PAST_MS   (7LL * 24 * 3600 * 1000)
#define MA_TS_FUTURE_MS (5LL * 60 * 1000)

const char *const ma_interceptor_names[MA_N_INTERCEPTORS] = {
    "sql_injection",     "nosql_injection",      "xss", "ssrf", "path_traversal",
    "command_injection", "llm_prompt_injection",
};

static const char *const ma_actions[] = {"blocked", "logged", NULL};
static const char *const ma_severities[] = {"low", "medium", "high", "critical", NULL};

int ma_uuid4(char out[MA_UUID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];
	int o = 0;

	if (ma_random(r, sizeof r)) {
		out[0] = '\0';
		return -1;
	}
	r[6] = (unsigned char)((r[6] & 0x0f) | 0x40); /* version 4 */
	r[8] = (unsigned char)((r[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[r[i] >> 4];
		out[o++] = hex[r[i] & 15];
	}
	out[o] = '\0';
	return 0;
}

int ma_uuid_valid(const char *s)
{
	if (!s || strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		char c = s[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return 0;
		} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		             (c >= 'A' && c <= 'F'))) {
			return 0;
		}
	}
	return 1;
}

static int ma_in(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

static int ma_known_interceptor(const char *s)
{
	for (int i = 0; i < MA_N_INTERCEPTORS; i++)
		if (!strcmp(s, ma_interceptor_names[i]))
			return 1;
	return 0;
}

static int ma_fail(char *reason, size_t rlen, const char *field, const char *msg)
{
	snprintf(reason, rlen, "%s: %s", field, msg);
	return -1;
}

/* An optional string member of at most max characters (0: any length);
 * name is how the reason calls it. */
static int ma_opt_text(const json_t *o, const char *key, size_t max, const char *name, char *reason,
                       size_t rlen)
{
	json_t *v = json_object_get(o, key);
	char msg[64];

	if (!v)
		return 0;
	if (!json_is_string(v))
		return ma_fail(reason, rlen, name, "must be a string");
	if (max && strlen(json_string_value(v)) > max) { /* bytes, as PROTOCOL.md says */
		snprintf(msg, sizeof msg, "at most %zu bytes", max);
		return ma_fail(reason, rlen, name, msg);
	}
	return 0;
}

static int ma_check_location(const json_t *loc, char *reason, size_t rlen)
{
	json_t *line;

	if (!json_is_object(loc))
		return ma_fail(reason, rlen, "location", "must be an object");
	if (ma_opt_text(loc, "file", 512, "location.file", reason, rlen) ||
	    ma_opt_text(loc, "function", 256, "location.function", reason, rlen))
		return -1;
	line = json_object_get(loc, "line");
	if (line && (!json_is_integer(line) || json_integer_value(line) < 0))
		return ma_fail(reason, rlen, "location.line", "must be an integer >= 0");
	return 0;
}

int ma_event_check(const json_t *ev, int64_t now_ms, char *reason, size_t rlen)
{
	json_t *v;
	int64_t ts;
	struct ma_cidr ip;

	if (!json_is_object(ev))
		return ma_fail(reason, rlen, "event", "must be an object");
	v = json_object_get(ev, "id");
	if (!json_is_string(v) || !ma_uuid_valid(json_string_value(v)))
		return ma_fail(reason, rlen, "id", "must be a UUID");
	v = json_object_get(ev, "ts");
	if (!json_is_string(v) || ma_rfc3339_parse(json_string_value(v), &ts))
		return ma_fail(reason, rlen, "ts", "must be an RFC 3339 time");
	if (ts < now_ms - MA_TS_PAST_MS || ts > now_ms + MA_TS_FUTURE_MS)
		return ma_fail(reason, rlen, "ts",
		               "must be within 7 days in the past and 5 minutes in the future");
	v = json_object_get(ev, "interceptor");
	if (!json_is_string(v) || !ma_known_interceptor(json_string_value(v)))
		return ma_fail(reason, rlen, "interceptor", "unknown interceptor");
	v = json_object_get(ev, "action");
	if (!json_is_string(v) || !ma_in(json_string_value(v), ma_actions))
		return ma_fail(reason, rlen, "action", "must be blocked or logged");
	v = json_object_get(ev, "severity");
	if (!json_is_string(v) || !ma_in(json_string_value(v), ma_severities))
		return ma_fail(reason, rlen, "severity", "must be low, medium, high or critical");
	v = json_object_get(ev, "confidence");
	if (v && (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1))
		return ma_fail(reason, rlen, "confidence", "must be a number from 0 to 1");
	v = json_object_get(ev, "source_ip");
	if (v && (!json_is_string(v) || ma_ip_parse(json_string_value(v), &ip)))
		return ma_fail(reason, rlen, "source_ip", "must be an IPv4 or IPv6 address");
	if (ma_opt_text(ev, "method", 16, "method", reason, rlen) ||
	    ma_opt_text(ev, "endpoint", 2048, "endpoint", reason, rlen) ||
	    ma_opt_text(ev, "payload", 0, "payload", reason, rlen) ||
	    ma_opt_text(ev, "operation", 0, "operation", reason, rlen) ||
	    ma_opt_text(ev, "rule", 128, "rule", reason, rlen))
		return -1;
	v = json_object_get(ev, "location");
	if (v && ma_check_location(v, reason, rlen))
		return -1;
	v = json_object_get(ev, "details");
	if (v) {
		size_t n;
		if (!json_is_object(v))
			return ma_fail(reason, rlen, "details", "must be an object");
		n = json_dumpb(v, NULL, 0, JSON_COMPACT);
		if (n > MA_DETAILS_MAX)
			return ma_fail(reason, rlen, "details", "at most 4096 bytes as JSON");
	}
	return 0;
}

/* ---- encoding ---- */

/* ma_utf8_read (ma_util.h) on text a NUL ends: the NUL stops a sequence
 * cut there, as no continuation byte is NUL */
size_t ma_utf8_seq(const unsigned char *p)
{
	return ma_utf8_read(p, 4, NULL);
}

/*
 * s made valid UTF-8 (each bad byte becomes U+FFFD) and cut to at most
 * max_chars characters and max_bytes bytes, never inside a character. A
 * new json string; NULL for NULL or "" (absent), or with *nomem set when
 * memory ran out (never a string cut short by it). The valid characters
 * between two bad bytes are appended as one run (ASCII eight bytes at a
 * time), each bad byte's U+FFFD on its own.
 */
static json_t *ma_text(const char *s, size_t max_chars, size_t max_bytes, int *nomem)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	struct ma_buf b;
	size_t chars = 0;
	json_t *out;

	if (!s || !*s)
		return NULL;
	/* no NUL before end: eight ASCII bytes at a time up to there (no
	 * byte past max_bytes is ever kept) */
	end = p + strnlen(s, max_bytes + 1);
	ma_buf_init(&b, max_bytes);
	while (*p && chars < max_chars) {
		const unsigned char *q = p;
		size_t room = max_bytes - b.len, n = 0;
		int rc = 0;
		/* the run of valid characters that fits (a character that
		 * would not fit ends the text, as its append would fail) */
		while (q + 8 <= end && max_chars - chars >= 8 && (size_t)(q - p) + 8 <= room) {
			uint64_t w;
			memcpy(&w, q, 8);
			if (w & 0x8080808080808080ull)
				break;
			q += 8;
			chars += 8;
		}
		while (*q && chars < max_chars) {
			n = ma_utf8_read(q, 4, NULL); /* the NUL ends a cut one */
			if (n == 0)
				break; /* a bad byte */
			if ((size_t)(q - p) + n > room)
				break;
			q += n;
			chars++;
		}
		if (q > p)
			rc = ma_buf_append(&b, p, (size_t)(q - p));
		if (rc == 0 && *q && chars < max_chars && n == 0) {
			rc = ma_buf_append(&b, "\xEF\xBF\xBD", 3); /* the bad byte */
			if (rc == 0) {
				q++;
				chars++;
			}
		} else if (rc == 0 && *q && chars < max_chars) {
			rc = MOAT_AGENT_EFULL; /* the next character does not fit */
		}
		if (rc == MOAT_AGENT_ENOMEM) {
			ma_buf_cleanup(&b);
			*nomem = 1;
			return NULL;
		}
		if (rc)
			break;
		p = q;
	}
	out = json_stringn(b.data ? b.data : "", b.len);
	ma_buf_cleanup(&b);
	if (!out)
		*nomem = 1;
	return out;
}

/* Sets o[key] = v (stolen) when v is set; a failed set is no memory. */
static void ma_set(json_t *o, const char *key, json_t *v, int *nomem)
{
	if (v && json_object_set_new(o, key, v))
		*nomem = 1;
}

int ma_event_encode(const struct moat_event *ev, int64_t now_ms, char **out, size_t *len,
                    char id_out[MA_UUID_LEN], char *reason, size_t rlen)
{
	char id[MA_UUID_LEN], ts[25];
	json_t *o, *loc;
	int rc = MOAT_AGENT_EINVAL, nomem = 0;
	size_t n;

	*out = NULL;
	*len = 0;
	if (ev->id) {
		if (!ma_uuid_valid(ev->id)) {
			snprintf(reason, rlen, "id: must be a UUID");
			return MOAT_AGENT_EINVAL;
		}
		snprintf(id, sizeof id, "%s", ev->id);
	} else if (ma_uuid4(id)) {
		snprintf(reason, rlen, "no kernel randomness for the event id");
		return MOAT_AGENT_EIO;
	}
	ma_rfc3339_format(ev->ts_ms ? ev->ts_ms : now_ms, ts);
	o = json_object();
	loc = json_object();
	if (!o || !loc) {
		json_decref(loc);
		rc = MOAT_AGENT_ENOMEM;
		goto out;
	}
	ma_set(o, "id", json_string(id), &nomem);
	ma_set(o, "ts", json_string(ts), &nomem);
	ma_set(o, "interceptor", ma_text(ev->interceptor, 64, 256, &nomem), &nomem);
	ma_set(o, "action", ma_text(ev->action, 16, 64, &nomem), &nomem);
	ma_set(o, "severity", ma_text(ev->severity, 16, 64, &nomem), &nomem);
	if (isnan(ev->confidence) || isinf(ev->confidence)) {
		json_decref(loc);
		snprintf(reason, rlen, "confidence: must be a number from 0 to 1");
		goto out;
	}
	if (ev->confidence >= 0)
		ma_set(o, "confidence", json_real(ev->confidence), &nomem);
	ma_set(o, "source_ip", ma_text(ev->source_ip, 64, 64, &nomem), &nomem);
	ma_set(o, "method", ma_text(ev->method, 16, 16, &nomem), &nomem);
	ma_set(o, "endpoint", ma_text(ev->endpoint, 2048, 2048, &nomem), &nomem);
	ma_set(o, "payload", ma_text(ev->payload, MA_FIELD_CUT, MA_FIELD_CUT, &nomem), &nomem);
	ma_set(o, "operation", ma_text(ev->operation, MA_FIELD_CUT, MA_FIELD_CUT, &nomem), &nomem);
	ma_set(o, "rule", ma_text(ev->rule, 128, 128, &nomem), &nomem);
	ma_set(loc, "file", ma_text(ev->file, 512, 512, &nomem), &nomem);
	if (ev->line > 0)
		ma_set(loc, "line", json_integer(ev->line), &nomem);
	ma_set(loc, "function", ma_text(ev->function, 256, 256, &nomem), &nomem);
	if (json_object_size(loc) && json_object_set(o, "location", loc))
		nomem = 1;
	json_decref(loc);
	if (nomem) {
		rc = MOAT_AGENT_ENOMEM;
		goto out;
	}
	if (ev->details_json) {
		json_error_t jerr;
		json_t *d = json_loads(ev->details_json, MA_PARSE_FLAGS, &jerr);
		if (!d && json_error_code(&jerr) == json_error_out_of_memory) {
			rc = MOAT_AGENT_ENOMEM;
			goto out;
		}
		if (!json_is_object(d)) {
			json_decref(d);
			snprintf(reason, rlen, "details: must be a JSON object");
			goto out;
		}
		if (json_object_set_new(o, "details", d)) {
			rc = MOAT_AGENT_ENOMEM;
			goto out;
		}
	}
	if (ma_event_check(o, now_ms, reason, rlen))
		goto out;
	n = json_dumpb(o, NULL, 0, JSON_COMPACT);
	if (n == 0 || n > MA_EVENT_MAX_BYTES) {
		snprintf(reason, rlen, "event: over %d bytes as JSON", MA_EVENT_MAX_BYTES);
		goto out;
	}
	*out = ma_malloc(n + 1);
	if (!*out) {
		rc = MOAT_AGENT_ENOMEM;
		goto out;
	}
	json_dumpb(o, *out, n, JSON_COMPACT);
	(*out)[n] = '\0';
	*len = n;
	if (id_out)
		memcpy(id_out, id, MA_UUID_LEN);
	rc = 0;
out:
	json_decref(o);
	return rc;
}
