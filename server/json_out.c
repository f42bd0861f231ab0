/*
 * json_out.c — see json_out.h.
 */
#include "json_out.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "timefmt.h"
#include "utf8.h"

/* 1 when the UTF-8 character of k bytes at p is U+2028 or U+2029 (they
 * end a line in JavaScript: escaped so JSON stays safe inside a script). */
static int jo_line_sep(const unsigned char *p, size_t k)
{
	return k == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9);
}

static int jo_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t start = 0;
	int rc = buf_append(b, "\"", 1);

	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[7];
		size_t el = 2;

		if (c >= 0x80) {
			size_t k = utf8_seq(s + i, n - i);
			if (!k) /* not UTF-8: an error, never bytes passed on */
				return buf_fail(b, MOAT_EINVALID);
			if (jo_line_sep((const unsigned char *)s + i, k)) {
				rc = buf_append(b, s + start, i - start);
				if (!rc)
					rc = buf_append(
					    b, s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029", 6);
				start = i + 3;
			}
			i += k - 1;
			continue;
		}
		if (c >= 0x20 && c != '"' && c != '\\' && !(c == '/' && i > 0 && s[i - 1] == '<'))
			continue;
		rc = buf_append(b, s + start, i - start);
		esc[0] = '\\';
		switch (c) {
		case '"':
			esc[1] = '"';
			break;
		case '\\':
			esc[1] = '\\';
			break;
		case '/':
			esc[1] = '/';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			el = 6;
		}
		if (!rc)
			rc = buf_append(b, esc, el);
		start = i + 1;
	}
	if (!rc)
		rc = buf_append(b, s + start, n - start);
	if (!rc)
		rc = buf_append(b, "\"", 1);
	return rc;
}

static int jo_int(struct buf *b, json_int_t v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	return buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

int json_out(struct buf *b, const json_t *v)
{
	int rc = 0;

	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *k;
		json_t *val;
		int first = 1;
		rc = buf_append(b, "{", 1);
		json_object_foreach((json_t *)v, k, val)
		{
			if (rc)
				break;
			if (!first)
				rc = buf_append(b, ",", 1);
			first = 0;
			if (!rc)
				rc = jo_string(b, k, strlen(k));
			if (!rc)
				rc = buf_append(b, ":", 1);
			if (!rc)
				rc = json_out(b, val);
		}
		return rc ? rc : buf_append(b, "}", 1);
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *val;
		rc = buf_append(b, "[", 1);
		json_array_foreach((json_t *)v, i, val)
		{
			if (rc)
				break;
			if (i)
				rc = buf_append(b, ",", 1);
			if (!rc)
				rc = json_out(b, val);
		}
		return rc ? rc : buf_append(b, "]", 1);
	}
	case JSON_STRING:
		return jo_string(b, json_string_value(v), json_string_length(v));
	case JSON_INTEGER:
		return jo_int(b, json_integer_value(v));
	case JSON_REAL: {
		char tmp[32];
		int n = snprintf(tmp, sizeof tmp, "%.15g", json_real_value(v));
		if (!strpbrk(tmp, ".eEn") && n < 30) /* keep it a real: 1 -> 1.0 */
			n += snprintf(tmp + n, sizeof tmp - (size_t)n, ".0");
		return buf_append(b, tmp, (size_t)n);
	}
	case JSON_TRUE:
		return buf_append(b, "true", 4);
	case JSON_FALSE:
		return buf_append(b, "false", 5);
	case JSON_NULL:
		return buf_append(b, "null", 4);
	}
	return MOAT_EINVALID;
}

int json_out_str(struct buf *b, const char *s)
{
	return jo_string(b, s, strlen(s));
}

int json_out_int(struct buf *b, long long v)
{
	return jo_int(b, (json_int_t)v);
}

int json_out_key(struct buf *b, const char *key, int *first)
{
	int rc = 0;

	if (!*first)
		rc = buf_append(b, ",", 1);
	*first = 0;
	if (!rc)
		rc = jo_string(b, key, strlen(key));
	return rc ? rc : buf_append(b, ":", 1);
}

int json_out_time(struct buf *b, long long t)
{
	char ts[TIMEFMT_LEN];

	if (!t)
		return buf_append(b, "null", 4);
	timefmt_rfc3339(t, ts);
	return jo_string(b, ts, strlen(ts));
}

int json_out_key_str(struct buf *b, const char *key, const char *v, int *first)
{
	int rc = json_out_key(b, key, first);

	return rc ? rc : v ? json_out_str(b, v) : buf_append(b, "null", 4);
}

int json_out_raw(struct buf *b, const char *json_text)
{
	const char *s = json_text;
	size_t n = strlen(s), start = 0;
	int rc = MOAT_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			size_t k = utf8_seq(s + i, n - i);
			if (!k)
				return buf_fail(b, MOAT_EINVALID);
			if (jo_line_sep((const unsigned char *)s + i, k)) {
				rc = buf_append(b, s + start, i - start);
				if (!rc)
					rc = buf_append(
					    b, s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029", 6);
				start = i + 3;
			}
			i += k - 1;
		} else if (c == '/' && i > 0 && s[i - 1] == '<') {
			/* "</" occurs only inside strings of JSON text */
			rc = buf_append(b, s + start, i - start);
			if (!rc)
				rc = buf_append(b, "\\/", 2);
			start = i + 1;
		}
	}
	return rc ? rc : buf_append(b, s + start, n - start);
}

char *json_out_text(const json_t *v, size_t max)
{
	struct buf b;
	char *text;

	buf_init(&b, max);
	if (!v || json_out(&b, v) || !b.data) {
		buf_cleanup(&b);
		return NULL;
	}
	text = b.data; /* the caller's now */
	b.data = NULL;
	buf_cleanup(&b);
	return text;
}
