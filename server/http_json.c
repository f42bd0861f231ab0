/*
 * http_json.c — JSON request bodies and validation that collects every
 * problem (with its JSON path) before answering once. MHD worker threads.
 */
#include "http.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "err.h"
#include "json_out.h"
#include "utf8.h"

#define JV_MAX_ERRORS 50

json_t *http_json_body(struct http_req *r)
{
	const char *ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	json_error_t e;
	json_t *j;

	if (!ct || strncasecmp(ct, "application/json", 16) != 0 ||
	    (ct[16] != '\0' && ct[16] != ';' && ct[16] != ' ')) {
		http_problem(r, 415, "unsupported_media_type",
		             "send the body as Content-Type: application/json", NULL);
		return NULL;
	}
	if (r->body.len == 0) {
		http_problem(r, 400, "malformed_json", "the request body is empty", NULL);
		return NULL;
	}
	j = json_loadb(r->body.data, r->body.len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
	if (!j) {
		char detail[300];
		/* jansson quotes the client's bytes near the error, cut by bytes */
		int quoted_ok = utf8_valid(e.text, strlen(e.text));
		utf8_fmt(detail, sizeof detail, "%s at line %d, column %d (byte %d)",
		         quoted_ok ? e.text : "malformed JSON", e.line, e.column, e.position);
		http_problem(r, 400, "malformed_json", detail, NULL);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_t *errs = json_array();
		json_array_append_new(
		    errs, json_pack("{s:s, s:s}", "path", "$", "message", "must be a JSON object"));
		json_decref(j);
		http_problem(r, 422, "validation_failed", "the body must be a JSON object", errs);
		return NULL;
	}
	return j;
}

void jv_init(struct jv *v, json_t *obj)
{
	v->obj = obj;
	v->errors = json_array();
	v->count = 0;
}

void jv_error(struct jv *v, const char *path, const char *message)
{
	json_t *e;

	v->count++;
	if (v->count > JV_MAX_ERRORS)
		return;
	e = json_pack("{s:s, s:s}", "path", path, "message", message);
	/* never a problem left out of the list: one whose text cannot be
	 * encoded is listed at "$" */
	json_array_append_new(v->errors, e ? e
	                                   : json_pack("{s:s, s:s}", "path", "$", "message",
	                                               "a problem here could not be encoded"));
}

/* "$.key" in out, with keys that are not identifiers in brackets. */
static void jv_path(char *out, size_t cap, const char *key)
{
	int plain = key[0] != '\0';

	for (const char *k = key; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_' ||
		      (k != key && *k >= '0' && *k <= '9')))
			plain = 0;
	if (plain) {
		utf8_fmt(out, cap, "$.%s", key);
	} else {
		/* the key quoted by the one output path (json_out) */
		struct buf q;
		buf_init(&q, 6 * strlen(key) + 16); /* room for every escape */
		json_out_str(&q, key);
		utf8_fmt(out, cap, "$[%s]", buf_error(&q) || !q.data ? "?" : q.data);
		buf_cleanup(&q);
	}
}

void jv_only(struct jv *v, const char *const *allowed)
{
	const char *key;
	json_t *val;

	json_object_foreach(v->obj, key, val)
	{
		int ok = 0;
		(void)val;
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, key) == 0)
				ok = 1;
		if (!ok) {
			char path[300];
			jv_path(path, sizeof path, key);
			jv_error(v, path, "unknown field");
		}
	}
}

void jv_string(struct jv *v, const char *key, int required, size_t min, size_t max, int text,
               const char **out)
{
	json_t *j = json_object_get(v->obj, key);
	char path[300], msg[120];
	const char *s;
	size_t n;

	*out = NULL;
	jv_path(path, sizeof path, key);
	if (!j) {
		if (required)
			jv_error(v, path, "is required");
		return;
	}
	if (!json_is_string(j)) {
		jv_error(v, path, "must be a string");
		return;
	}
	s = json_string_value(j);
	n = utf8_chars(s, strlen(s));
	if (n < min || n > max) {
		if (min == max)
			snprintf(msg, sizeof msg, "must be %zu characters long", min);
		else
			snprintf(msg, sizeof msg, "must be %zu to %zu characters long", min, max);
		jv_error(v, path, msg);
		return;
	}
	if (text) {
		for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
			if (*p < 0x20 || *p == 0x7f) {
				jv_error(v, path, "must not contain control characters");
				return;
			}
		}
	}
	*out = s;
}

const char *jv_header(struct jv *v, struct http_req *r, const char *name, size_t max_bytes)
{
	const char *h = http_header(r, name);
	char path[80], msg[64];
	size_t n;

	if (!h)
		return NULL;
	n = strlen(h);
	utf8_fmt(path, sizeof path, "header %s", name);
	if (!utf8_valid(h, n)) {
		jv_error(v, path, "must be UTF-8");
		return NULL;
	}
	if (max_bytes && n > max_bytes) {
		snprintf(msg, sizeof msg, "must be at most %zu bytes", max_bytes);
		jv_error(v, path, msg);
		return NULL;
	}
	return h;
}

void jv_bool(struct jv *v, const char *key, int required, int *out)
{
	json_t *j = json_object_get(v->obj, key);
	char path[300];

	*out = -1;
	jv_path(path, sizeof path, key);
	if (!j) {
		if (required)
			jv_error(v, path, "is required");
		return;
	}
	if (!json_is_boolean(j)) {
		jv_error(v, path, "must be true or false");
		return;
	}
	*out = json_is_true(j) ? 1 : 0;
}

int jv_finish(struct jv *v, struct http_req *r)
{
	char detail[96];

	if (v->count == 0) {
		json_decref(v->errors);
		v->errors = NULL;
		return 0;
	}
	if (v->count > JV_MAX_ERRORS)
		snprintf(detail, sizeof detail, "%d problems in the request body (first %d listed)",
		         v->count, JV_MAX_ERRORS);
	else
		snprintf(detail, sizeof detail, "%d problem%s in the request body", v->count,
		         v->count == 1 ? "" : "s");
	http_problem(r, 422, "validation_failed", detail, v->errors);
	v->errors = NULL;
	return -1;
}
