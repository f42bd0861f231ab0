/*
 * ma_request_json.c — a JSON body that jansson refuses, read the way the
 * lenient parsers an application may use read it, so that its fields are
 * still inputs.
 *
 * moat_request_add_json parses with jansson, strictly, and adds what it
 * finds. Other parsers accept more: json-c (Debian's libjson-c5) reads
 * `1e999`, integers past 64 bits, `NaN` and `Infinity`, lone surrogates
 * (as U+FFFD), bytes that are not UTF-8, comments, trailing commas,
 * single-quoted strings and text after the value; Python's json reads the
 * numbers and the lone surrogates too, and bodies in UTF-16 or UTF-32
 * (json.loads given the body's bytes detects them); cJSON keeps every
 * member of a duplicated name and its lookups give the first. An
 * attacker who adds one such value beside the attack, or encodes the
 * body so, made the whole body "not JSON" to the
 * library while the application read it: no input, nothing found. So
 * when jansson refuses a body, or it repeats a name (jansson keeps only
 * the last), this walk adds every string and number it can read -- named
 * by path as jansson's walk names them, duplicates and all -- the names
 * that ma_json_add_name adds, and every object and array below the top as
 * compact text (structured). It never fails on the text: what it cannot
 * read it skips. A body nested deeper than jansson may parse on the
 * caller's stack is read here too, valid or not.
 *
 * Threads: as ma_request.c (the request's thread). Iterative: the stack
 * it takes does not grow with the body's nesting. Paths are followed for
 * MA_RJ_DEPTH levels; the strings and numbers deeper are added under the
 * path of the container that went past (review24: a value 35 levels deep
 * was no input).
 */
#include "ma_int.h"
#include "ma_util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MA_RJ_DEPTH 32
#define MA_RJ_PATH  512

struct ma_rj_frame {
	int array;    /* 1: array, 0: object */
	size_t plen;  /* the path's length before this container's members */
	size_t index; /* the next element's index (arrays) */
	size_t start; /* where the container's text starts */
	int named;    /* the container has a path (not the top) */
};

struct ma_rj {
	struct moat_request *r;
	const char *s;
	size_t len, pos;
	char *buf; /* len + 4 bytes: one decoded string or compacted container */
	char path[MA_RJ_PATH];
	size_t plen;
	int rc;
};

static int ma_rj_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whitespace and comments (`// ...`, `/ * ... * /`, as json-c skips them)
 * from j->pos on. */
static void ma_rj_skip(struct ma_rj *j)
{
	while (j->pos < j->len) {
		char c = j->s[j->pos];
		if (ma_rj_space(c)) {
			j->pos++;
		} else if (c == '/' && j->pos + 1 < j->len && j->s[j->pos + 1] == '/') {
			const char *nl = memchr(j->s + j->pos, '\n', j->len - j->pos);
			j->pos = nl ? (size_t)(nl - j->s) + 1 : j->len;
		} else if (c == '/' && j->pos + 1 < j->len && j->s[j->pos + 1] == '*') {
			size_t k = j->pos + 2;
			while (k + 1 < j->len && !(j->s[k] == '*' && j->s[k + 1] == '/'))
				k++;
			j->pos = k + 1 < j->len ? k + 2 : j->len;
		} else {
			return;
		}
	}
}

/* The four hex digits at s[i..i+4) (i + 4 <= len), or -1. */
static long ma_rj_hex4(const char *s, size_t len, size_t i)
{
	long v = 0;

	if (i + 4 > len)
		return -1;
	for (size_t k = i; k < i + 4; k++) {
		int h = ma_hex_val(s[k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* The string whose quote q is at j->pos, decoded into j->buf (a lone
 * surrogate is U+FFFD, as json-c makes it; other bytes as they are; an
 * unknown escape is its letter); j->pos after its closing quote, or at the
 * end when there is none. Returns the decoded length: never more than
 * the text it came from (a \u escape of six bytes gives four at most). */
static size_t ma_rj_string(struct ma_rj *j)
{
	char q = j->s[j->pos];
	size_t o = 0, i = j->pos + 1;

	while (i < j->len && j->s[i] != q) {
		char c = j->s[i++];
		long u, lo;
		if (c != '\\' || i >= j->len) {
			j->buf[o++] = c;
			continue;
		}
		c = j->s[i++];
		switch (c) {
		case 'b':
			j->buf[o++] = '\b';
			break;
		case 'f':
			j->buf[o++] = '\f';
			break;
		case 'n':
			j->buf[o++] = '\n';
			break;
		case 'r':
			j->buf[o++] = '\r';
			break;
		case 't':
			j->buf[o++] = '\t';
			break;
		case 'u':
			u = ma_rj_hex4(j->s, j->len, i);
			if (u < 0) {
				j->buf[o++] = 'u';
				break;
			}
			i += 4;
			if (u >= 0xD800 && u <= 0xDBFF && i + 1 < j->len && j->s[i] == '\\' &&
			    j->s[i + 1] == 'u' &&
			    (lo = ma_rj_hex4(j->s, j->len, i + 2)) >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			} else if (u >= 0xD800 && u <= 0xDFFF) {
				u = 0xFFFD;
			}
			o += ma_utf8_write((uint32_t)u, j->buf + o);
			break;
		default: /* \" \\ \/ \' and what no parser knows */
			j->buf[o++] = c;
		}
	}
	j->pos = i < j->len ? i + 1 : j->len;
	return o;
}

/* A number or a bare word (`NaN`, `Infinity`, `1e999`, an unquoted key)
 * at j->pos: its length, j->pos after it. */
static size_t ma_rj_word(struct ma_rj *j)
{
	size_t a = j->pos;

	while (j->pos < j->len) {
		char c = j->s[j->pos];
		if (ma_rj_space(c) || strchr("{}[],:\"'/", c))
			break;
		j->pos++;
	}
	if (j->pos == a)
		j->pos++; /* a byte nothing reads (a stray '/'): skipped */
	return j->pos - a;
}

static void ma_rj_add(struct ma_rj *j, const char *v, size_t vl, int structured)
{
	if (j->rc)
		return;
	j->rc = ma_request_add_json_input(j->r, j->path, v, vl, structured);
}

/* The container j->s[start..end) as compact text in j->buf: whitespace and
 * comments outside strings left out. */
static size_t ma_rj_compact(struct ma_rj *j, size_t start, size_t end)
{
	size_t o = 0, i = start;
	char q = 0;

	while (i < end) {
		char c = j->s[i];
		if (q) {
			j->buf[o++] = c;
			i++;
			if (c == '\\' && i < end)
				j->buf[o++] = j->s[i++];
			else if (c == q)
				q = 0;
		} else if (c == '"' || c == '\'') {
			q = c;
			j->buf[o++] = c;
			i++;
		} else if (ma_rj_space(c) || (c == '/' && i + 1 < end &&
		                              (j->s[i + 1] == '/' || j->s[i + 1] == '*'))) {
			size_t save = j->pos;
			j->pos = i;
			ma_rj_skip(j);
			i = j->pos > end ? end : j->pos;
			j->pos = save;
		} else {
			j->buf[o++] = c;
			i++;
		}
	}
	return o;
}

/* Sets the path to the member or element about to be read in f (a name
 * that does not fit is cut: ma_json_path_set). */
static void ma_rj_name(struct ma_rj *j, const struct ma_rj_frame *f, const char *key, size_t kl)
{
	char ix[32];

	if (f->array) {
		int n = snprintf(ix, sizeof ix, "[%zu]", f->index);
		j->plen = ma_json_path_set(j->path, f->plen, sizeof j->path, "", ix, (size_t)n);
	} else {
		j->plen =
		    ma_json_path_set(j->path, f->plen, sizeof j->path, f->plen ? "." : "", key, kl);
	}
}

/* A string or word of a container past MA_RJ_DEPTH (v, vl bytes), added
 * under the path of the container that went past it: every value, and
 * the names that ma_json_add_name adds (a ':' follows a name). */
static void ma_rj_add_deep(struct ma_rj *j, const char *v, size_t vl, int word)
{
	int lit = word && ((vl == 4 && (!memcmp(v, "true", 4) || !memcmp(v, "null", 4))) ||
	                   (vl == 5 && !memcmp(v, "false", 5)));

	ma_rj_skip(j);
	if (j->rc || lit)
		return;
	if (j->pos < j->len && j->s[j->pos] == ':')
		j->rc = ma_json_add_name(j->r, j->path, v, vl);
	else
		ma_rj_add(j, v, vl, 0);
}

/* The encoding Python's json.loads reads a body's bytes in (its
 * detect_encoding: a byte order mark, else where the first four bytes
 * hold NULs): 0 UTF-8, else the unit's size (2 or 4); *be big-endian,
 * *skip the mark's bytes. */
static int ma_rj_encoding(const unsigned char *b, size_t n, int *be, size_t *skip)
{
	*be = 0;
	*skip = 0;
	if (n >= 4 && ((b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) ||
	               (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0))) {
		*be = b[0] == 0;
		*skip = 4;
		return 4;
	}
	if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE))) {
		*be = b[0] == 0xFE;
		*skip = 2;
		return 2;
	}
	if (n >= 4 && b[0] == 0) {
		*be = 1;
		return b[1] ? 2 : 4;
	}
	if (n >= 4 && b[1] == 0)
		return b[2] || b[3] ? 2 : 4;
	if (n == 2 && (b[0] == 0 || b[1] == 0)) {
		*be = b[0] == 0;
		return 2;
	}
	return 0;
}

/* A UTF-16 or UTF-32 body (unit bytes, be) from b's skip on as UTF-8 in a
 * new block of *outlen bytes (the caller frees it; NULL: no memory): a
 * lone surrogate or a code point past U+10FFFF is U+FFFD, an odd byte at
 * the end is left out. */
static char *ma_rj_transcode(const unsigned char *b, size_t n, int unit, int be, size_t skip,
                             size_t *outlen)
{
	char *o = malloc(n / 2 * 3 + 8); /* 2 bytes give 3 at most, 4 give 4 */
	size_t w = 0;

	if (!o)
		return NULL;
	for (size_t i = skip; i + (size_t)unit <= n; i += (size_t)unit) {
		unsigned long c = 0;
		for (int k = 0; k < unit; k++)
			c |= (unsigned long)b[i + (size_t)(be ? k : unit - 1 - k)]
			     << (8 * (unit - 1 - k));
		if (unit == 2 && c >= 0xD800 && c <= 0xDBFF && i + 4 <= n) {
			unsigned long lo = be ? ((unsigned long)b[i + 2] << 8 | b[i + 3])
			                      : ((unsigned long)b[i + 3] << 8 | b[i + 2]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
			c = 0xFFFD;
		w += ma_utf8_write((uint32_t)c, o + w);
	}
	*outlen = w;
	return o;
}

static int ma_rj_walk(struct moat_request *r, const char *json, size_t len);

int ma_request_json_lenient(struct moat_request *r, const char *json, size_t len)
{
	int be, unit, rc;
	size_t skip, ul;
	char *u;

	unit = ma_rj_encoding((const unsigned char *)json, len, &be, &skip);
	if (!unit)
		return ma_rj_walk(r, json, len);
	u = ma_rj_transcode((const unsigned char *)json, len, unit, be, skip, &ul);
	if (!u)
		return MOAT_AGENT_ENOMEM;
	rc = ma_rj_walk(r, u, ul);
	free(u);
	return rc;
}

/* The walk of a UTF-8 body. */
static int ma_rj_walk(struct moat_request *r, const char *json, size_t len)
{
	struct ma_rj_frame st[MA_RJ_DEPTH + 1];
	struct ma_rj *j = calloc(1, sizeof *j);
	int depth = 0;   /* open containers (st[depth - 1] the innermost) */
	size_t deep = 0; /* containers open past MA_RJ_DEPTH, not followed */
	int want_key = 0, have_name = 0;
	char key[MA_RJ_PATH];
	size_t kl = 0;

	if (!j)
		return MOAT_AGENT_ENOMEM;
	j->r = r;
	j->s = json;
	j->len = len;
	j->buf = malloc(len + 4);
	if (!j->buf) {
		free(j);
		return MOAT_AGENT_ENOMEM;
	}
	if (len >= 3 && !memcmp(json, "\xEF\xBB\xBF", 3))
		j->pos = 3; /* a byte order mark */
	while (!j->rc) {
		struct ma_rj_frame *f = depth ? &st[depth - 1] : NULL;
		char c;
		ma_rj_skip(j);
		if (j->pos >= j->len)
			break;
		c = json[j->pos];
		if (deep) { /* inside containers too deep to name: every value
			     * under the path of the one that went past */
			if (c == '"' || c == '\'') {
				size_t vl = ma_rj_string(j);
				ma_rj_add_deep(j, j->buf, vl, 0);
				continue;
			}
			if (c == '{' || c == '[')
				deep++;
			else if (c == '}' || c == ']')
				deep--;
			if (strchr("{}[],:", c)) {
				j->pos++;
			} else {
				size_t a = j->pos, wl = ma_rj_word(j);
				ma_rj_add_deep(j, json + a, wl, 1);
			}
			continue;
		}
		if (c == ',') {
			j->pos++;
			if (f && f->array && have_name)
				f->index++;
			want_key = f && !f->array;
			have_name = 0;
			continue;
		}
		if (c == ':') {
			j->pos++;
			want_key = 0;
			continue;
		}
		if (c == '}' || c == ']') {
			j->pos++;
			if (!f)
				continue; /* text after the value: read on */
			if (f->named) {
				size_t cl = ma_rj_compact(j, f->start, j->pos);
				j->plen = f->plen;
				j->path[j->plen] = '\0';
				ma_rj_add(j, j->buf, cl, 1);
			}
			depth--;
			j->plen = f->plen;
			j->path[j->plen] = '\0';
			f = depth ? &st[depth - 1] : NULL;
			/* the container was a value of the one around it */
			if (f && f->array) {
				f->index++;
				have_name = 0;
			}
			j->plen = f ? f->plen : 0;
			j->path[j->plen] = '\0';
			want_key = 0;
			continue;
		}
		if (f && !f->array && want_key) {
			/* a member's name: a string or a bare word */
			const char *k;
			if (c == '"' || c == '\'') {
				kl = ma_rj_string(j);
				k = j->buf;
			} else {
				size_t a = j->pos;
				kl = ma_rj_word(j);
				k = json + a;
			}
			ma_rj_name(j, f, k, kl);
			j->rc = ma_json_add_name(r, j->path, k, kl);
			j->plen = f->plen;
			j->path[j->plen] = '\0';
			kl = ma_json_path_set(key, 0, sizeof key, "", k, kl);
			want_key = 0;
			have_name = 1;
			continue;
		}
		/* a value: named by the member's name or the element's index */
		int named = f != NULL;
		if (f)
			ma_rj_name(j, f, key, f->array ? 0 : kl);
		if (f && !f->array && !have_name)
			named = 0; /* a value without a name before it: read, not named */
		have_name = f && f->array;
		if (c == '{' || c == '[') {
			j->pos++;
			if (depth >= MA_RJ_DEPTH || (f && !named)) {
				deep = 1; /* too deep, or no name to give it: read flat */
				continue;
			}
			st[depth].array = c == '[';
			st[depth].plen = f ? (named ? j->plen : f->plen) : 0;
			st[depth].index = 0;
			st[depth].start = j->pos - 1;
			st[depth].named = f && named;
			depth++;
			want_key = c == '{';
			have_name = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			size_t vl = ma_rj_string(j);
			if (named || !f)
				ma_rj_add(j, j->buf, vl, 0);
		} else {
			size_t a = j->pos, wl = ma_rj_word(j);
			int lit = (wl == 4 && (!memcmp(json + a, "true", 4) ||
			                       !memcmp(json + a, "null", 4))) ||
			          (wl == 5 && !memcmp(json + a, "false", 5));
			if ((named || !f) && !lit && wl)
				ma_rj_add(j, json + a, wl, 0);
		}
		if (f) {
			j->plen = f->plen;
			j->path[j->plen] = '\0';
		}
	}
	int rc = j->rc;
	free(j->buf);
	free(j);
	return rc;
}
