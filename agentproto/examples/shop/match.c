/*
 * match.c — a small in-process stand-in for a MongoDB collection's
 * matcher, so that the shop's login can be NoSQL-injectable without a
 * database server: match_doc(doc, filter) answers whether a document
 * matches a query filter. Field conditions (equality, dotted paths, and
 * the operators $eq $ne $gt $gte $lt $lte $in $nin $exists $regex with
 * $options "i", $not), top-level $and $or $nor, and $where with a
 * JavaScript subset (this.field, string / number / boolean / null
 * literals, == === != !== < <= > >=, !, && ||, parentheses, an optional
 * "return" and ";"). Like Mongo, values of different types never compare
 * (only numbers with numbers, strings with strings) and $ne matches a
 * missing field. Anything else is an error, not a silent non-match.
 *
 * Threads: any; nothing global. Recursion is bounded (MATCH_DEPTH).
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

#define MATCH_DEPTH     32
#define MATCH_REGEX_MAX 256

struct match_ctx {
	char *err;
	size_t errlen;
};

static int match_fail(struct match_ctx *m, const char *what, const char *arg)
{
	snprintf(m->err, m->errlen, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	return -1;
}

/* The value at a dotted path of doc, or NULL. */
static const json_t *match_path(const json_t *doc, const char *path)
{
	char part[128];

	while (doc && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof part)
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		doc = json_is_object(doc) ? json_object_get(doc, part) : NULL;
		path += n + (path[n] == '.');
	}
	return doc;
}

/* -1, 0, 1 when a and b compare (numbers with numbers, strings with
 * strings); 2 when they do not. */
static int match_cmp(const json_t *a, const json_t *b)
{
	if (json_is_number(a) && json_is_number(b)) {
		double x = json_number_value(a), y = json_number_value(b);
		return x < y ? -1 : x > y;
	}
	if (json_is_string(a) && json_is_string(b)) {
		int c = strcmp(json_string_value(a), json_string_value(b));
		return c < 0 ? -1 : c > 0;
	}
	return 2;
}

static int match_regex(struct match_ctx *m, const json_t *v, const json_t *pattern,
                       const json_t *options)
{
	const char *opt = json_is_string(options) ? json_string_value(options) : "";
	regex_t re;
	int flags = REG_EXTENDED | REG_NOSUB, rc;

	if (!json_is_string(pattern) || strlen(json_string_value(pattern)) > MATCH_REGEX_MAX)
		return match_fail(m, "$regex needs a string of at most 256 bytes", NULL);
	if (strchr(opt, 'i'))
		flags |= REG_ICASE;
	if (regcomp(&re, json_string_value(pattern), flags) != 0)
		return match_fail(m, "bad $regex", json_string_value(pattern));
	rc = json_is_string(v) && regexec(&re, json_string_value(v), 0, NULL, 0) == 0;
	regfree(&re);
	return rc;
}

static int match_in(const json_t *v, const json_t *list)
{
	size_t i;
	json_t *x;

	json_array_foreach(list, i, x)
	{
		if (json_equal(v, x))
			return 1;
	}
	return 0;
}

static int match_field(struct match_ctx *m, const json_t *v, const json_t *cond, int depth);

/* One operator of a field condition. */
static int match_op(struct match_ctx *m, const json_t *v, const char *op, const json_t *arg,
                    const json_t *cond, int depth)
{
	int c;

	if (!strcmp(op, "$eq"))
		return v && json_equal(v, arg);
	if (!strcmp(op, "$ne"))
		return !v || !json_equal(v, arg);
	if (!strcmp(op, "$gt") || !strcmp(op, "$gte") || !strcmp(op, "$lt") ||
	    !strcmp(op, "$lte")) {
		c = v ? match_cmp(v, arg) : 2;
		if (c == 2)
			return 0;
		return op[1] == 'g' ? (c > 0 || (op[3] == 'e' && c == 0))
		                    : (c < 0 || (op[3] == 'e' && c == 0));
	}
	if (!strcmp(op, "$in") || !strcmp(op, "$nin")) {
		if (!json_is_array(arg))
			return match_fail(m, "needs an array", op);
		c = v && match_in(v, arg);
		return op[1] == 'i' ? c : !c;
	}
	if (!strcmp(op, "$exists"))
		return (v != NULL) == json_is_true(arg);
	if (!strcmp(op, "$regex"))
		return v ? match_regex(m, v, arg, json_object_get(cond, "$options")) : 0;
	if (!strcmp(op, "$options"))
		return json_object_get(cond, "$regex")
		           ? 1
		           : match_fail(m, "$options without $regex", NULL);
	if (!strcmp(op, "$not")) {
		c = match_field(m, v, arg, depth + 1);
		return c < 0 ? c : !c;
	}
	return match_fail(m, "unknown operator", op);
}

/* v (NULL: missing) against a field condition: a value or {$op: ...}. */
static int match_field(struct match_ctx *m, const json_t *v, const json_t *cond, int depth)
{
	const char *op;
	json_t *arg;
	int ops = 0, rc;

	if (depth > MATCH_DEPTH)
		return match_fail(m, "the filter is nested too deep", NULL);
	if (json_is_object(cond)) {
		json_object_foreach((json_t *)cond, op, arg)
		{
			if (op[0] != '$')
				break;
			ops++;
			rc = match_op(m, v, op, arg, cond, depth);
			if (rc != 1)
				return rc;
		}
		if (ops == (int)json_object_size(cond) && ops > 0)
			return 1;
		if (ops > 0)
			return match_fail(m, "operators mixed with fields", NULL);
	}
	return v && json_equal(v, cond);
}

/* ---- $where: a JavaScript subset ---- */

enum where_type { W_UNDEF, W_NULL, W_BOOL, W_NUM, W_STR };

struct where_val {
	enum where_type t;
	double num;
	const char *s; /* W_STR: not NUL-terminated */
	size_t len;
};

struct where {
	struct match_ctx *m;
	const json_t *doc;
	const char *p;
	int depth;
	int error;
};

static void where_ws(struct where *w)
{
	while (isspace((unsigned char)*w->p))
		w->p++;
}

static int where_eat(struct where *w, const char *tok)
{
	size_t n = strlen(tok);

	where_ws(w);
	if (strncmp(w->p, tok, n) != 0)
		return 0;
	/* a word ends at a word boundary ("true", not "trueish"; "this." needs none) */
	if (isalpha((unsigned char)tok[n - 1]) &&
	    (isalnum((unsigned char)w->p[n]) || w->p[n] == '_'))
		return 0;
	w->p += n;
	return 1;
}

static struct where_val where_error(struct where *w, const char *what)
{
	struct where_val v = {.t = W_UNDEF};

	if (!w->error)
		match_fail(w->m, "unsupported $where", what);
	w->error = 1;
	return v;
}

static int where_truthy(struct where_val v)
{
	switch (v.t) {
	case W_BOOL:
	case W_NUM:
		return v.num != 0;
	case W_STR:
		return v.len > 0;
	default:
		return 0;
	}
}

static struct where_val where_json(const json_t *j)
{
	struct where_val v = {.t = W_UNDEF};

	if (json_is_string(j)) {
		v.t = W_STR;
		v.s = json_string_value(j);
		v.len = json_string_length(j);
	} else if (json_is_number(j)) {
		v.t = W_NUM;
		v.num = json_number_value(j);
	} else if (json_is_boolean(j)) {
		v.t = W_BOOL;
		v.num = json_is_true(j);
	} else if (json_is_null(j)) {
		v.t = W_NULL;
	}
	return v;
}

static struct where_val where_expr(struct where *w);

static struct where_val where_primary(struct where *w)
{
	struct where_val v = {.t = W_UNDEF};

	where_ws(w);
	if (where_eat(w, "(")) {
		v = where_expr(w);
		if (!where_eat(w, ")"))
			return where_error(w, "a ')' is missing");
		return v;
	}
	if (where_eat(w, "!")) {
		if (++w->depth > MATCH_DEPTH)
			return where_error(w, "too deep");
		v = where_primary(w);
		w->depth--;
		return (struct where_val){.t = W_BOOL, .num = !where_truthy(v)};
	}
	if (*w->p == '\'' || *w->p == '"') {
		char q = *w->p++;
		v.t = W_STR;
		v.s = w->p;
		while (*w->p && *w->p != q && *w->p != '\\')
			w->p++;
		if (*w->p != q)
			return where_error(w, "strings without escapes only");
		v.len = (size_t)(w->p - v.s);
		w->p++;
		return v;
	}
	if (isdigit((unsigned char)*w->p) || (*w->p == '-' && isdigit((unsigned char)w->p[1]))) {
		char *end;
		v.t = W_NUM;
		v.num = strtod(w->p, &end);
		w->p = end;
		return v;
	}
	if (where_eat(w, "true"))
		return (struct where_val){.t = W_BOOL, .num = 1};
	if (where_eat(w, "false"))
		return (struct where_val){.t = W_BOOL, .num = 0};
	if (where_eat(w, "null"))
		return (struct where_val){.t = W_NULL};
	if (where_eat(w, "this.") || where_eat(w, "obj.")) {
		char path[256];
		size_t n = 0;
		while ((isalnum((unsigned char)*w->p) || *w->p == '_' || *w->p == '.') &&
		       n + 1 < sizeof path)
			path[n++] = *w->p++;
		path[n] = '\0';
		if (!n)
			return where_error(w, "a field name is missing");
		return where_json(match_path(w->doc, path));
	}
	return where_error(w, w->p);
}

/* JavaScript's == and === on the subset's values (== with the number /
 * string conversion only). */
static int where_equal(struct where_val a, struct where_val b, int strict)
{
	if (a.t != b.t) {
		if (strict)
			return 0;
		if ((a.t == W_NULL || a.t == W_UNDEF) && (b.t == W_NULL || b.t == W_UNDEF))
			return 1;
		if (a.t == W_STR && (b.t == W_NUM || b.t == W_BOOL))
			return a.len && strtod(a.s, NULL) == b.num;
		if (b.t == W_STR && (a.t == W_NUM || a.t == W_BOOL))
			return b.len && strtod(b.s, NULL) == a.num;
		if ((a.t == W_NUM || a.t == W_BOOL) && (b.t == W_NUM || b.t == W_BOOL))
			return a.num == b.num;
		return 0;
	}
	switch (a.t) {
	case W_STR:
		return a.len == b.len && !memcmp(a.s, b.s, a.len);
	case W_NUM:
	case W_BOOL:
		return a.num == b.num;
	default:
		return 1;
	}
}

static struct where_val where_compare(struct where *w)
{
	struct where_val a = where_primary(w), b;
	static const char *const ops[] = {"===", "!==", "==", "!=", "<=", ">=", "<", ">"};
	int op = -1, r;

	for (size_t i = 0; i < sizeof ops / sizeof ops[0] && op < 0; i++)
		if (where_eat(w, ops[i]))
			op = (int)i;
	if (op < 0)
		return a;
	b = where_primary(w);
	if (op <= 3) {
		r = where_equal(a, b, op == 0 || op == 1);
		r = (op == 1 || op == 3) ? !r : r;
	} else {
		double x, y;
		if (a.t == W_STR && b.t == W_STR) {
			size_t n = a.len < b.len ? a.len : b.len;
			int c = memcmp(a.s, b.s, n);
			x = c ? c : (double)a.len;
			y = c ? 0 : (double)b.len;
		} else {
			x = a.t == W_STR ? strtod(a.s, NULL) : a.num;
			y = b.t == W_STR ? strtod(b.s, NULL) : b.num;
		}
		r = op == 4 ? x <= y : op == 5 ? x >= y : op == 6 ? x < y : x > y;
	}
	return (struct where_val){.t = W_BOOL, .num = r};
}

static struct where_val where_and(struct where *w)
{
	struct where_val v = where_compare(w);

	while (!w->error && where_eat(w, "&&")) {
		struct where_val b = where_compare(w);
		v = where_truthy(v) ? b : v;
	}
	return v;
}

static struct where_val where_expr(struct where *w)
{
	struct where_val v;

	if (++w->depth > MATCH_DEPTH)
		return where_error(w, "too deep");
	v = where_and(w);
	while (!w->error && where_eat(w, "||")) {
		struct where_val b = where_and(w);
		v = where_truthy(v) ? v : b;
	}
	w->depth--;
	return v;
}

static int match_where(struct match_ctx *m, const json_t *doc, const json_t *code)
{
	struct where w = {.m = m, .doc = doc};
	struct where_val v;

	if (!json_is_string(code))
		return match_fail(m, "$where needs a string", NULL);
	w.p = json_string_value(code);
	where_eat(&w, "return");
	v = where_expr(&w);
	where_eat(&w, ";");
	where_ws(&w);
	if (!w.error && *w.p)
		where_error(&w, w.p);
	return w.error ? -1 : where_truthy(v);
}

/* ---- the filter ---- */

static int match_filter(struct match_ctx *m, const json_t *doc, const json_t *filter, int depth);

static int match_list(struct match_ctx *m, const json_t *doc, const char *op, const json_t *list,
                      int depth)
{
	size_t i;
	json_t *f;
	int any = 0, all = 1, rc;

	if (!json_is_array(list) || json_array_size(list) == 0)
		return match_fail(m, "needs a non-empty array", op);
	json_array_foreach(list, i, f)
	{
		rc = match_filter(m, doc, f, depth + 1);
		if (rc < 0)
			return rc;
		any |= rc;
		all &= rc;
	}
	return !strcmp(op, "$and") ? all : !strcmp(op, "$or") ? any : !any;
}

static int match_filter(struct match_ctx *m, const json_t *doc, const json_t *filter, int depth)
{
	const char *key;
	json_t *cond;
	int rc;

	if (depth > MATCH_DEPTH)
		return match_fail(m, "the filter is nested too deep", NULL);
	if (!json_is_object(filter))
		return match_fail(m, "a filter is an object", NULL);
	json_object_foreach((json_t *)filter, key, cond)
	{
		if (!strcmp(key, "$and") || !strcmp(key, "$or") || !strcmp(key, "$nor"))
			rc = match_list(m, doc, key, cond, depth);
		else if (!strcmp(key, "$where"))
			rc = match_where(m, doc, cond);
		else if (key[0] == '$')
			rc = match_fail(m, "unknown top-level operator", key);
		else
			rc = match_field(m, match_path(doc, key), cond, depth + 1);
		if (rc != 1)
			return rc;
	}
	return 1;
}

int match_doc(const json_t *doc, const json_t *filter, char *err, size_t errlen)
{
	struct match_ctx m = {.err = err, .errlen = errlen};

	return match_filter(&m, doc, filter, 0);
}
