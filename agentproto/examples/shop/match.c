/*
 * match.c — a small in-process stand-in for a MongoDB collection's
 * matcher, so that the shop's login can be NoSQL-injectable without a
 * database server: match_doc(doc, filter) answers whether a document
 * matches a query filter. Field conditions (equality, dotted paths, and
 * the operators $eq $ne $gt $gte $lt $lte $in $nin $exists $regex with
 * $options "i", $not), top-level $and $or $nor, and $where with a
 * JavaScript subset (this.field, string / number / boolean / null
 * literals, == === != !== < <= > >=, !, && ||, parentheses, an optional
 * "return" and ";"). As MongoDB documents it: values of different types
 * never compare (only numbers with numbers, by value, and strings with
 * strings, bytewise); null matches a missing field and $ne / $nin are the
 * negations of $eq / $in (so $ne matches a missing field); a condition on
 * an array field matches when the whole array or any element does; a
 * dotted path steps into objects and, with a number, into arrays;
 * $exists takes any value (false, 0 and null mean "missing"); $not takes
 * an operator document; $options takes "i" only. Anything else is an
 * error with its reason, not a silent non-match.
 *
 * $regex is glibc's POSIX extended regex, not PCRE. Its compile time grows
 * with nested bounded repetitions ("((a{1,100}){1,100}){1,100}" takes
 * seconds) and back-references make matching exponential, so a pattern
 * is at most MATCH_REGEX_MAX bytes, holds no back-reference, at most
 * MATCH_REGEX_QUANTS quantifiers and none stacked on another ("n*****"
 * repeated three times takes regcomp half a minute), and the tree regcomp
 * builds for it, repetitions expanded, has at most MATCH_REGEX_COST nodes
 * ("((a+)+)+..." 20 deep would have a million).
 *
 * Threads: any; nothing global. Recursion is bounded (MATCH_DEPTH).
 */
#include <ctype.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shop.h"

#define MATCH_DEPTH        32
#define MATCH_REGEX_MAX    256
#define MATCH_REGEX_COST   1000 /* about 30 ms of regcomp */
#define MATCH_REGEX_QUANTS 20

struct match_ctx {
	char *err;
	size_t errlen;
};

static int match_fail(struct match_ctx *m, const char *what, const char *arg)
{
	snprintf(m->err, m->errlen, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	return -1;
}

/* The value at a dotted path of doc, or NULL: each part names an object's
 * member, or with digits only an array's element; an empty part is
 * nothing. */
static const json_t *match_path(const json_t *doc, const char *path)
{
	char part[128];

	for (;;) {
		size_t n = strcspn(path, ".");
		if (n == 0 || n >= sizeof part)
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		if (json_is_object(doc)) {
			doc = json_object_get(doc, part);
		} else if (json_is_array(doc) && strspn(part, "0123456789") == n && n < 10) {
			doc = json_array_get(doc, strtoul(part, NULL, 10));
		} else {
			return NULL;
		}
		if (!doc || path[n] == '\0')
			return doc;
		path += n + 1;
	}
}

/* Equality: numbers by value (30 is 30.0), null also for a missing v,
 * everything else as jansson compares it. */
static int match_equal(const json_t *v, const json_t *x)
{
	if (!v)
		return json_is_null(x);
	if (json_is_number(v) && json_is_number(x))
		return json_number_value(v) == json_number_value(x);
	return json_equal(v, x);
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

/* The size of the tree glibc's regcomp builds for pattern p (an
 * estimate: it copies the operand of "+" once and of "{m,n}" max(m,n)
 * times), or MATCH_REGEX_COST + 1 when larger, deeper than MATCH_DEPTH
 * groups, or holding a back-reference (exponential to run). */
static unsigned long match_regex_cost(const char *p)
{
	unsigned long sum[MATCH_DEPTH + 1] = {0}, last[MATCH_DEPTH + 1] = {0}, k;
	const unsigned long over = MATCH_REGEX_COST + 1;
	int d = 0, quants = 0, quantified = 0;

	for (; *p; p++) {
		unsigned long atom = 1;
		char *end;

		if (strchr("*?+", *p) || (*p == '{' && isdigit((unsigned char)p[1]))) {
			/* "a**" or "a+{2}": each stacked quantifier multiplies regcomp's work */
			if (quantified || ++quants > MATCH_REGEX_QUANTS)
				return over;
			quantified = 1;
		} else {
			quantified = 0;
		}
		switch (*p) {
		case '\\':
			if (isdigit((unsigned char)p[1]))
				return over;
			if (p[1])
				p++;
			break;
		case '[': /* a bracket expression: "[]a]", "[^]a]", "[[:alpha:]]" */
			p += 1 + (p[1] == '^');
			p += *p == ']';
			while (*p && *p != ']')
				p += (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=') &&
				      strchr(p + 2, ']'))
				         ? (size_t)(strchr(p + 2, ']') - p)
				         : 1;
			if (!*p)
				return 0; /* unterminated: regcomp refuses it */
			break;
		case '(':
			if (d == MATCH_DEPTH)
				return over;
			d++;
			sum[d] = last[d] = 0;
			continue;
		case ')':
			if (d == 0)
				break;
			atom = sum[d] ? sum[d] : 1;
			d--;
			break;
		case '|':
			last[d] = 0;
			continue;
		case '*':
		case '?':
			continue;
		case '+':
			sum[d] += last[d];
			last[d] *= 2;
			if (sum[d] > MATCH_REGEX_COST)
				return over;
			continue;
		case '{':
			if (!isdigit((unsigned char)p[1]))
				break;
			k = strtoul(p + 1, &end, 10);
			if (*end == ',')
				k = isdigit((unsigned char)end[1]) ? strtoul(end + 1, &end, 10)
				                                   : k + 1;
			if (k > MATCH_REGEX_COST)
				return over;
			if (k > 1) {
				sum[d] += last[d] * (k - 1);
				last[d] *= k;
			}
			if (sum[d] > MATCH_REGEX_COST)
				return over;
			p = *end == '}' ? end : p;
			continue;
		default:
			break;
		}
		sum[d] += atom;
		last[d] = atom;
		if (sum[d] > MATCH_REGEX_COST)
			return over;
	}
	return sum[0];
}

/* Compiles the $regex of cond (with its $options) into re: 0, or -1 with
 * the reason. */
static int match_regex_compile(struct match_ctx *m, const json_t *cond, regex_t *re)
{
	const json_t *pattern = json_object_get(cond, "$regex");
	const json_t *options = json_object_get(cond, "$options");
	const char *p, *opt = "";
	int flags = REG_EXTENDED | REG_NOSUB;

	if (!json_is_string(pattern) || json_string_length(pattern) > MATCH_REGEX_MAX)
		return match_fail(m, "$regex needs a string of at most 256 bytes", NULL);
	p = json_string_value(pattern);
	if (strlen(p) != json_string_length(pattern) || match_regex_cost(p) > MATCH_REGEX_COST)
		return match_fail(
		    m,
		    "$regex too costly (a back-reference, stacked or over 20 quantifiers, "
		    "or over 1000 nodes)",
		    p);
	if (options && !json_is_string(options))
		return match_fail(m, "$options needs a string", NULL);
	if (options)
		opt = json_string_value(options);
	if (strspn(opt, "i") != strlen(opt))
		return match_fail(m, "$options supports \"i\" only", opt);
	if (*opt)
		flags |= REG_ICASE;
	if (regcomp(re, p, flags) != 0)
		return match_fail(m, "bad $regex", p);
	return 0;
}

static int match_field(struct match_ctx *m, const json_t *v, const json_t *cond, int depth);

/* One of $eq $in $gt $gte $lt $lte $regex on one value v (NULL: missing;
 * not an array's element-wise rule, see match_any): 1 or 0. */
static int match_one(const json_t *v, const char *op, const json_t *arg, const regex_t *re)
{
	size_t i;
	json_t *x;
	int c;

	if (!strcmp(op, "$eq"))
		return match_equal(v, arg);
	if (!strcmp(op, "$in")) {
		json_array_foreach(arg, i, x)
		{
			if (match_equal(v, x))
				return 1;
		}
		return 0;
	}
	if (!strcmp(op, "$regex"))
		return json_is_string(v) && regexec(re, json_string_value(v), 0, NULL, 0) == 0;
	c = v ? match_cmp(v, arg) : 2;
	if (c == 2)
		return 0;
	return op[1] == 'g' ? (c > 0 || (op[3] == 'e' && c == 0))
	                    : (c < 0 || (op[3] == 'e' && c == 0));
}

/* match_one on v, or when v is an array on any of its elements too. */
static int match_any(const json_t *v, const char *op, const json_t *arg, const regex_t *re)
{
	size_t i;
	json_t *x;

	if (match_one(v, op, arg, re))
		return 1;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
		{
			if (match_one(x, op, arg, re))
				return 1;
		}
	}
	return 0;
}

/* 1 if arg is a non-empty document of operators only. */
static int match_is_ops(const json_t *arg)
{
	const char *op;
	json_t *x;

	if (!json_is_object(arg) || json_object_size(arg) == 0)
		return 0;
	json_object_foreach((json_t *)arg, op, x)
	{
		if (op[0] != '$')
			return 0;
	}
	return 1;
}

/* One operator of a field condition. */
static int match_op(struct match_ctx *m, const json_t *v, const char *op, const json_t *arg,
                    const json_t *cond, int depth)
{
	regex_t re;
	int c;

	if (!strcmp(op, "$eq") || !strcmp(op, "$gt") || !strcmp(op, "$gte") || !strcmp(op, "$lt") ||
	    !strcmp(op, "$lte"))
		return match_any(v, op, arg, NULL);
	if (!strcmp(op, "$ne"))
		return !match_any(v, "$eq", arg, NULL);
	if (!strcmp(op, "$in") || !strcmp(op, "$nin")) {
		if (!json_is_array(arg))
			return match_fail(m, "needs an array", op);
		c = match_any(v, "$in", arg, NULL);
		return op[1] == 'i' ? c : !c;
	}
	if (!strcmp(op, "$exists")) {
		c = !(json_is_false(arg) || json_is_null(arg) ||
		      (json_is_number(arg) && json_number_value(arg) == 0));
		return (v != NULL) == c;
	}
	if (!strcmp(op, "$regex")) {
		if (match_regex_compile(m, cond, &re))
			return -1;
		c = match_any(v, "$regex", arg, &re);
		regfree(&re);
		return c;
	}
	if (!strcmp(op, "$options"))
		return json_object_get(cond, "$regex")
		           ? 1
		           : match_fail(m, "$options without $regex", NULL);
	if (!strcmp(op, "$not")) {
		if (!match_is_ops(arg))
			return match_fail(m, "$not needs a document of operators", NULL);
		c = match_field(m, v, arg, depth + 1);
		return c < 0 ? c : !c;
	}
	return match_fail(m, "unknown operator", op);
}

/* v (NULL: missing) against a field condition: a value or {$op: ...}. A
 * document whose first name starts with '$' is operators, all of them. */
static int match_field(struct match_ctx *m, const json_t *v, const json_t *cond, int depth)
{
	const char *op;
	json_t *arg;
	void *it;
	int rc, all = 1;

	if (depth > MATCH_DEPTH)
		return match_fail(m, "the filter is nested too deep", NULL);
	it = json_is_object(cond) ? json_object_iter((json_t *)cond) : NULL;
	if (!it || json_object_iter_key(it)[0] != '$')
		return match_any(v, "$eq", cond, NULL);
	if (!match_is_ops(cond))
		return match_fail(m, "operators mixed with fields", NULL);
	/* every operator runs, so that a bad one is an error whatever the document */
	json_object_foreach((json_t *)cond, op, arg)
	{
		rc = match_op(m, v, op, arg, cond, depth);
		if (rc < 0)
			return rc;
		all &= rc;
	}
	return all;
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

/* JavaScript's Number(v): a string is a decimal number when it is one
 * whole (blanks around it, "" is 0), else NaN; undefined is NaN, null 0. */
static double where_number(struct where_val v)
{
	char buf[64], *end;
	const char *s = v.s;
	size_t n = v.len;

	if (v.t == W_UNDEF)
		return NAN;
	if (v.t != W_STR)
		return v.num;
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0)
		return 0;
	if (n >= sizeof buf)
		return NAN;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (!strcmp(buf, "Infinity") || !strcmp(buf, "+Infinity"))
		return INFINITY;
	if (!strcmp(buf, "-Infinity"))
		return -INFINITY;
	if (strspn(buf, "0123456789+-.eE") != n)
		return NAN; /* no "inf", "nan" or hex floats, which strtod takes */
	double d = strtod(buf, &end);
	return *end ? NAN : d;
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
			return where_number(a) == b.num;
		if (b.t == W_STR && (a.t == W_NUM || a.t == W_BOOL))
			return where_number(b) == a.num;
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
			x = where_number(a);
			y = where_number(b);
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
	int rc, all = 1;

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
		/* no short cut: a bad condition is an error whatever the document
		 * (MongoDB refuses the query before it reads any) */
		if (rc < 0)
			return rc;
		all &= rc;
	}
	return all;
}

int match_doc(const json_t *doc, const json_t *filter, char *err, size_t errlen)
{
	struct match_ctx m = {.err = err, .errlen = errlen};

	return match_filter(&m, doc, filter, 0);
}
