/*
 * ma_policy.c — policy snapshots: built once from a `policy` message on
 * the connection thread, immutable afterwards, shared by reference count.
 * Any thread may read a snapshot it holds without locks; the last
 * moat_policy_release() frees it, on whichever thread that happens.
 *
 * The document shape (server/policy.h, the normalised form):
 *   {"interceptors": {"<name>": {"mode","notify"[,"allow_hosts"][,"threshold"]}},
 *    "denylist": {"ips": [{"value","until"?}], "users": [{"value","until"?}]},
 *    "exclusions": [{"interceptor","endpoint","parameter"?,"source"?,"on_match"}]}
 * Parsing is strict about the fields it uses (a bad one refuses the whole
 * document, so the agent keeps enforcing the previous one) and ignores
 * fields it does not know (a newer server may add some).
 *
 * Canonical JSON (what sha256 covers): jansson's json_dumps with
 * JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15) (MA_CANON_FLAGS),
 * exactly as moatd's policy_canonical(). That is: no whitespace; object
 * keys sorted bytewise (strcmp); strings as raw UTF-8 with only '"', '\\'
 * and bytes below 0x20 escaped (\b \f \n \r \t, others \u00XX with
 * uppercase hex; '/' and DEL are not escaped); integers as is; reals with
 * printf("%.15g") plus ".0" when that shows neither '.' nor an exponent,
 * and exponents without '+' or leading zeros (0.8 -> 0.8, 1 -> 1.0,
 * 1e20 -> 1e20). 15 digits make text -> double -> text stable, so the
 * agent's re-serialisation of the document it parsed reproduces the
 * server's bytes. agentproto/vectors/canonical.json has worked examples.
 */
#include "ma_int.h"

#include <mbedtls/sha256.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

struct ma_icpt {
	char *name;
	int mode;
	int notify;
	double threshold; /* -1: none */
	char **hosts;
	size_t nhosts;
};

struct ma_deny_ip {
	struct ma_cidr net;
	int64_t until_ms; /* 0: never expires */
};

struct ma_deny_user {
	char *value;
	int64_t until_ms;
};

struct ma_excl {
	char *interceptor;
	char *endpoint;
	char *parameter; /* NULL: any */
	int has_source;
	struct ma_cidr source;
	int on_match; /* MOAT_MODE_OFF (ignore) or MOAT_MODE_MONITOR */
};

struct moat_policy {
	int refs; /* atomic */
	int64_t version;
	char sha256[65];
	char *json;
	struct ma_icpt *icpt;
	size_t nicpt;
	struct ma_deny_ip *ips;
	size_t nips;
	struct ma_deny_user *users;
	size_t nusers;
	struct ma_excl *excl;
	size_t nexcl;
};

char *ma_policy_canonical(const json_t *doc, char sha_hex[65])
{
	static const char hex[] = "0123456789abcdef";
	size_t n = json_dumpb(doc, NULL, 0, MA_CANON_FLAGS);
	unsigned char d[32];
	char *text;

	text = ma_malloc(n + 1);
	if (!text)
		return NULL;
	json_dumpb(doc, text, n, MA_CANON_FLAGS);
	text[n] = '\0';
	if (sha_hex) {
		mbedtls_sha256_ret((const unsigned char *)text, n, d, 0);
		for (int i = 0; i < 32; i++) {
			sha_hex[2 * i] = hex[d[i] >> 4];
			sha_hex[2 * i + 1] = hex[d[i] & 15];
		}
		sha_hex[64] = '\0';
	}
	return text;
}

static void ma_policy_free(struct moat_policy *p)
{
	for (size_t i = 0; i < p->nicpt; i++) {
		free(p->icpt[i].name);
		for (size_t j = 0; j < p->icpt[i].nhosts; j++)
			free(p->icpt[i].hosts[j]);
		free(p->icpt[i].hosts);
	}
	free(p->icpt);
	free(p->ips);
	for (size_t i = 0; i < p->nusers; i++)
		free(p->users[i].value);
	free(p->users);
	for (size_t i = 0; i < p->nexcl; i++) {
		free(p->excl[i].interceptor);
		free(p->excl[i].endpoint);
		free(p->excl[i].parameter);
	}
	free(p->excl);
	free(p->json);
	free(p);
}

static int ma_perr(char *reason, size_t rlen, const char *path, const char *msg)
{
	snprintf(reason, rlen, "%s: %s", path, msg);
	return -1;
}

/* Out of memory while building a snapshot: the whole snapshot is refused
 * with this reason (the agent keeps its previous policy). */
static int ma_nomem(char *reason, size_t rlen)
{
	snprintf(reason, rlen, "out of memory");
	return -1;
}

static int ma_parse_mode(const char *s)
{
	if (!strcmp(s, "off"))
		return MOAT_MODE_OFF;
	if (!strcmp(s, "monitor"))
		return MOAT_MODE_MONITOR;
	if (!strcmp(s, "block"))
		return MOAT_MODE_BLOCK;
	return -1;
}

static int ma_parse_icpt(struct ma_icpt *ic, const char *name, const json_t *o, char *reason,
                         size_t rlen)
{
	char path[160];
	json_t *v;

	ic->name = ma_strdup(name);
	if (!ic->name)
		return ma_nomem(reason, rlen);
	ic->threshold = -1;
	snprintf(path, sizeof path, "interceptors.%.100s", name);
	if (!json_is_object(o))
		return ma_perr(reason, rlen, path, "must be an object");
	v = json_object_get(o, "mode");
	ic->mode = json_is_string(v) ? ma_parse_mode(json_string_value(v)) : -1;
	if (ic->mode < 0) {
		snprintf(path, sizeof path, "interceptors.%.100s.mode", name);
		return ma_perr(reason, rlen, path, "must be off, monitor or block");
	}
	v = json_object_get(o, "notify");
	if (v && !json_is_boolean(v)) {
		snprintf(path, sizeof path, "interceptors.%.100s.notify", name);
		return ma_perr(reason, rlen, path, "must be true or false");
	}
	ic->notify = json_is_true(v);
	v = json_object_get(o, "threshold");
	if (v) {
		if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1) {
			snprintf(path, sizeof path, "interceptors.%.100s.threshold", name);
			return ma_perr(reason, rlen, path, "must be a number from 0 to 1");
		}
		ic->threshold = json_number_value(v);
	}
	v = json_object_get(o, "allow_hosts");
	if (v) {
		size_t i;
		json_t *h;
		snprintf(path, sizeof path, "interceptors.%.100s.allow_hosts", name);
		if (!json_is_array(v))
			return ma_perr(reason, rlen, path, "must be a list");
		ic->hosts = ma_calloc(json_array_size(v), sizeof *ic->hosts);
		if (!ic->hosts)
			return ma_nomem(reason, rlen);
		json_array_foreach(v, i, h)
		{
			if (!json_is_string(h))
				return ma_perr(reason, rlen, path, "must be a list of host names");
			ic->hosts[ic->nhosts] = ma_strdup(json_string_value(h));
			if (!ic->hosts[ic->nhosts])
				return ma_nomem(reason, rlen);
			ic->nhosts++;
		}
	}
	return 0;
}

static int ma_parse_interceptors(struct moat_policy *p, const json_t *ics, char *reason,
                                 size_t rlen)
{
	const char *k;
	json_t *v;

	if (!json_is_object(ics))
		return ma_perr(reason, rlen, "interceptors", "must be an object");
	p->icpt = ma_calloc(json_object_size(ics), sizeof *p->icpt);
	if (!p->icpt)
		return ma_nomem(reason, rlen);
	json_object_foreach((json_t *)ics, k, v)
	{
		if (ma_parse_icpt(&p->icpt[p->nicpt++], k, v, reason, rlen))
			return -1;
	}
	return 0;
}

/* One {"value","until"?} entry: *until_ms 0 when it has none. */
static int ma_parse_deny_entry(const json_t *e, const char *path, const char **value,
                               int64_t *until_ms, char *reason, size_t rlen)
{
	json_t *v, *u;

	if (!json_is_object(e))
		return ma_perr(reason, rlen, path, "must be an object with a value");
	v = json_object_get(e, "value");
	if (!json_is_string(v))
		return ma_perr(reason, rlen, path, "value must be a string");
	*value = json_string_value(v);
	*until_ms = 0;
	u = json_object_get(e, "until");
	if (u && (!json_is_string(u) || ma_rfc3339_parse(json_string_value(u), until_ms)))
		return ma_perr(reason, rlen, path, "until must be an RFC 3339 time");
	return 0;
}

static int ma_parse_denylist(struct moat_policy *p, const json_t *dl, char *reason, size_t rlen)
{
	json_t *ips, *users, *e;
	char path[64];
	size_t i;

	if (!dl)
		return 0;
	if (!json_is_object(dl))
		return ma_perr(reason, rlen, "denylist", "must be an object");
	ips = json_object_get(dl, "ips");
	users = json_object_get(dl, "users");
	if ((ips && !json_is_array(ips)) || (users && !json_is_array(users)))
		return ma_perr(reason, rlen, "denylist", "ips and users must be lists");
	p->ips = ma_calloc(json_array_size(ips), sizeof *p->ips);
	if (!p->ips)
		return ma_nomem(reason, rlen);
	json_array_foreach(ips, i, e)
	{
		const char *value;
		struct ma_deny_ip *d = &p->ips[p->nips];
		snprintf(path, sizeof path, "denylist.ips[%zu]", i);
		if (ma_parse_deny_entry(e, path, &value, &d->until_ms, reason, rlen))
			return -1;
		if (ma_cidr_parse(value, &d->net))
			return ma_perr(reason, rlen, path, "value must be an IP address or CIDR");
		p->nips++;
	}
	p->users = ma_calloc(json_array_size(users), sizeof *p->users);
	if (!p->users)
		return ma_nomem(reason, rlen);
	json_array_foreach(users, i, e)
	{
		const char *value;
		struct ma_deny_user *d = &p->users[p->nusers];
		snprintf(path, sizeof path, "denylist.users[%zu]", i);
		if (ma_parse_deny_entry(e, path, &value, &d->until_ms, reason, rlen))
			return -1;
		d->value = ma_strdup(value);
		if (!d->value)
			return ma_nomem(reason, rlen);
		p->nusers++;
	}
	return 0;
}

static int ma_parse_exclusions(struct moat_policy *p, const json_t *ex, char *reason, size_t rlen)
{
	json_t *e, *v;
	char path[64];
	size_t i;

	if (!ex)
		return 0;
	if (!json_is_array(ex))
		return ma_perr(reason, rlen, "exclusions", "must be a list");
	p->excl = ma_calloc(json_array_size(ex), sizeof *p->excl);
	if (!p->excl)
		return ma_nomem(reason, rlen);
	json_array_foreach(ex, i, e)
	{
		struct ma_excl *x = &p->excl[p->nexcl++];
		snprintf(path, sizeof path, "exclusions[%zu]", i);
		if (!json_is_object(e))
			return ma_perr(reason, rlen, path, "must be an object");
		v = json_object_get(e, "interceptor");
		if (!json_is_string(v))
			return ma_perr(reason, rlen, path, "interceptor must be a string");
		x->interceptor = ma_strdup(json_string_value(v));
		if (!x->interceptor)
			return ma_nomem(reason, rlen);
		v = json_object_get(e, "endpoint");
		if (v && !json_is_string(v))
			return ma_perr(reason, rlen, path, "endpoint must be a string");
		x->endpoint = ma_strdup(v ? json_string_value(v) : "*");
		if (!x->endpoint)
			return ma_nomem(reason, rlen);
		v = json_object_get(e, "parameter");
		if (v && !json_is_string(v))
			return ma_perr(reason, rlen, path, "parameter must be a string");
		x->parameter = v ? ma_strdup(json_string_value(v)) : NULL;
		if (v && !x->parameter)
			return ma_nomem(reason, rlen);
		v = json_object_get(e, "source");
		if (v) {
			if (!json_is_string(v) || ma_cidr_parse(json_string_value(v), &x->source))
				return ma_perr(reason, rlen, path,
				               "source must be an IP address or CIDR");
			x->has_source = 1;
		}
		v = json_object_get(e, "on_match");
		if (!v || (json_is_string(v) && !strcmp(json_string_value(v), "ignore")))
			x->on_match = MOAT_MODE_OFF;
		else if (json_is_string(v) && !strcmp(json_string_value(v), "monitor"))
			x->on_match = MOAT_MODE_MONITOR;
		else
			return ma_perr(reason, rlen, path, "on_match must be ignore or monitor");
	}
	return 0;
}

struct moat_policy *ma_policy_new(int64_t version, const char *sha256, const json_t *document,
                                  char *reason, size_t rlen)
{
	struct moat_policy *p;
	char sha[65];

	if (!json_is_object(document)) {
		ma_perr(reason, rlen, "document", "must be an object");
		return NULL;
	}
	if (!sha256) {
		ma_perr(reason, rlen, "sha256", "missing");
		return NULL;
	}
	p = ma_calloc(1, sizeof *p);
	if (!p) {
		ma_nomem(reason, rlen);
		return NULL;
	}
	p->refs = 1;
	p->version = version;
	p->json = ma_policy_canonical(document, sha);
	if (!p->json) {
		ma_nomem(reason, rlen);
		goto fail;
	}
	if (strlen(sha256) != 64 || strcasecmp(sha, sha256) != 0) {
		snprintf(reason, rlen, "sha256 mismatch: computed %s", sha);
		goto fail;
	}
	memcpy(p->sha256, sha, sizeof sha);
	if (ma_parse_interceptors(p, json_object_get(document, "interceptors"), reason, rlen) ||
	    ma_parse_denylist(p, json_object_get(document, "denylist"), reason, rlen) ||
	    ma_parse_exclusions(p, json_object_get(document, "exclusions"), reason, rlen))
		goto fail;
	return p;
fail:
	ma_policy_free(p);
	return NULL;
}

/* ---- the public accessors ---- */

const struct moat_policy *moat_policy_retain(const struct moat_policy *p)
{
	if (p)
		__atomic_add_fetch(&((struct moat_policy *)p)->refs, 1, __ATOMIC_RELAXED);
	return p;
}

void moat_policy_release(const struct moat_policy *p)
{
	struct moat_policy *q = (struct moat_policy *)p;

	if (q && __atomic_sub_fetch(&q->refs, 1, __ATOMIC_ACQ_REL) == 0)
		ma_policy_free(q);
}

int64_t moat_policy_version(const struct moat_policy *p)
{
	return p ? p->version : 0;
}

const char *moat_policy_sha256(const struct moat_policy *p)
{
	return p ? p->sha256 : "";
}

const char *moat_policy_json(const struct moat_policy *p)
{
	return p ? p->json : "";
}

static const struct ma_icpt *ma_policy_icpt(const struct moat_policy *p, const char *name)
{
	if (!p || !name)
		return NULL;
	for (size_t i = 0; i < p->nicpt; i++)
		if (!strcmp(p->icpt[i].name, name))
			return &p->icpt[i];
	return NULL;
}

int moat_policy_mode(const struct moat_policy *p, const char *interceptor)
{
	const struct ma_icpt *ic = ma_policy_icpt(p, interceptor);

	return ic ? ic->mode : MOAT_MODE_OFF;
}

int moat_policy_notify(const struct moat_policy *p, const char *interceptor)
{
	const struct ma_icpt *ic = ma_policy_icpt(p, interceptor);

	return ic ? ic->notify : 0;
}

double moat_policy_threshold(const struct moat_policy *p, const char *interceptor)
{
	const struct ma_icpt *ic = ma_policy_icpt(p, interceptor);

	return ic ? ic->threshold : -1;
}

const char *const *moat_policy_allow_hosts(const struct moat_policy *p, const char *interceptor,
                                           size_t *n)
{
	const struct ma_icpt *ic = ma_policy_icpt(p, interceptor);

	*n = ic ? ic->nhosts : 0;
	return ic && ic->nhosts ? (const char *const *)ic->hosts : NULL;
}

/* Equal host names: ASCII case-insensitive, one trailing dot ignored. */
static int ma_host_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la && a[la - 1] == '.')
		la--;
	if (lb && b[lb - 1] == '.')
		lb--;
	return la == lb && la > 0 && strncasecmp(a, b, la) == 0;
}

int moat_policy_host_allowed(const struct moat_policy *p, const char *host)
{
	size_t n;
	const char *const *hosts = moat_policy_allow_hosts(p, "ssrf", &n);

	if (!host)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ma_host_eq(hosts[i], host))
			return 1;
	return 0;
}

static int64_t ma_now_or(time_t now)
{
	return (int64_t)(now ? now : time(NULL)) * 1000;
}

struct ma_deny_walk {
	const struct moat_policy *p;
	int64_t now_ms;
	int denied;
};

static int ma_deny_one(void *ctx, const struct ma_cidr *addr)
{
	struct ma_deny_walk *w = ctx;

	for (size_t i = 0; addr && i < w->p->nips; i++) {
		const struct ma_deny_ip *d = &w->p->ips[i];
		if (d->until_ms && w->now_ms >= d->until_ms)
			continue;
		if (ma_cidr_contains(&d->net, addr))
			return w->denied = 1;
	}
	return 0;
}

/* Any address of a list denied denies (ma_ip_each: the client picks what
 * comes before its proxy's hop, so none may hide a denied one). */
int moat_policy_ip_denied(const struct moat_policy *p, const char *ip, time_t now)
{
	struct ma_deny_walk w = {.p = p};

	/* every request asks: no denylist, no parse and no clock */
	if (!p || p->nips == 0 || !ip)
		return 0;
	w.now_ms = ma_now_or(now);
	(void)ma_ip_each(ip, ma_deny_one, &w);
	return w.denied;
}

int moat_policy_user_denied(const struct moat_policy *p, const char *user, time_t now)
{
	int64_t now_ms;

	if (!p || !user || p->nusers == 0)
		return 0;
	now_ms = ma_now_or(now);
	for (size_t i = 0; i < p->nusers; i++) {
		const struct ma_deny_user *d = &p->users[i];
		if (d->until_ms && now_ms >= d->until_ms)
			continue;
		if (!strcmp(d->value, user))
			return 1;
	}
	return 0;
}

/* The request's source address, parsed the first time an exclusion
 * that names a source is looked at (most policies have none: a check
 * then parses nothing). */
#define MA_SRC_ADDRS 4
struct ma_src_lazy {
	const char *ip;
	int state; /* 0 not parsed yet, n addresses parsed into c, -1 none or too many */
	struct ma_cidr c[MA_SRC_ADDRS];
};

static int ma_src_one(void *ctx, const struct ma_cidr *ip)
{
	struct ma_src_lazy *s = ctx;

	if (!ip) { /* an element that is no address: no exclusion matches */
		s->state = MA_SRC_ADDRS + 1;
		return 1;
	}
	if (s->state < MA_SRC_ADDRS)
		s->c[s->state] = *ip;
	s->state++;
	return s->state > MA_SRC_ADDRS;
}

/* 1 when the source is known and every element of it (a list: each, at
 * most MA_SRC_ADDRS, every one an address) is inside net: an exclusion
 * for trusted sources must not match a list where the client put a
 * trusted address before its real one, or an element that is none. */
static int ma_src_inside(struct ma_src_lazy *s, const struct ma_cidr *net)
{
	if (s->state == 0) {
		(void)ma_ip_each(s->ip, ma_src_one, s);
		if (s->state == 0 || s->state > MA_SRC_ADDRS)
			s->state = -1;
	}
	for (int i = 0; i < s->state; i++)
		if (!ma_cidr_contains(net, &s->c[i]))
			return 0;
	return s->state > 0;
}

/* An exclusion's parameter covers the parameter itself and what it holds:
 * "body.note" covers body.note.$ne and body.note[0] (a JSON field's
 * nested fields, a query key's brackets), not body.notes. */
static int ma_param_covers(const char *x, const char *parameter)
{
	size_t n = strlen(x);

	return parameter && strncmp(x, parameter, n) == 0 &&
	       (parameter[n] == '\0' || parameter[n] == '.' || parameter[n] == '[');
}

static int ma_excl_matches(const struct ma_excl *x, const char *interceptor, const char *raw,
                           const char *endpoint, const char *parameter, struct ma_src_lazy *src)
{
	if (strcmp(x->interceptor, interceptor) != 0)
		return 0;
	if (strcmp(x->endpoint, "*") != 0 &&
	    (!endpoint || !ma_glob_match(x->endpoint, endpoint) ||
	     (raw != endpoint && (!raw || !ma_glob_match(x->endpoint, raw)))))
		return 0;
	if (x->parameter && !ma_param_covers(x->parameter, parameter))
		return 0;
	if (x->has_source && !ma_src_inside(src, &x->source))
		return 0;
	return 1;
}

/* An exclusion's endpoint glob is matched on the path the application
 * routes: "/public/../admin/users", "/public/%2e%2e/admin/users",
 * "/public/..;/admin/users" and "/public//../admin/users" are
 * /admin/users, not /public/ (review24m). ma_request_mode resolves the
 * request's endpoint once (moat_request_begin); this resolves the one it
 * is given, on the stack or, past 512 bytes, in a copy -- without memory
 * no glob matches it (fail closed: the interceptor's own mode). A glob
 * must match the endpoint both as given and resolved (fail closed where
 * servers read a path differently: `/admin/users;.css` is no `*.css` on
 * Tomcat, `/public/..\\admin` no the glob "/public/" + star on IIS; review25). */
int moat_policy_decide(const struct moat_policy *p, const char *interceptor, const char *endpoint,
                       const char *parameter, const char *source_ip, time_t now)
{
	char buf[512], *norm = buf;
	size_t n;
	int mode;

	(void)now;
	if (!endpoint || !ma_endpoint_needs_normal(endpoint))
		return ma_policy_decide_normal(p, interceptor, endpoint, endpoint, parameter,
		                               source_ip);
	n = strlen(endpoint);
	if (n >= sizeof buf && !(norm = ma_malloc(n + 1)))
		return ma_policy_decide_normal(p, interceptor, endpoint, NULL, parameter,
		                               source_ip);
	ma_endpoint_normal(endpoint, norm);
	mode = ma_policy_decide_normal(p, interceptor, endpoint, norm, parameter, source_ip);
	if (norm != buf)
		free(norm);
	return mode;
}

int ma_policy_decide_normal(const struct moat_policy *p, const char *interceptor, const char *raw,
                            const char *endpoint, const char *parameter, const char *source_ip)
{
	struct ma_src_lazy src = {.ip = source_ip};
	int mode = moat_policy_mode(p, interceptor);

	if (mode == MOAT_MODE_OFF)
		return mode;
	for (size_t i = 0; i < p->nexcl; i++) {
		const struct ma_excl *x = &p->excl[i];
		if (!ma_excl_matches(x, interceptor, raw, endpoint, parameter, &src))
			continue;
		if (x->on_match == MOAT_MODE_OFF)
			return MOAT_MODE_OFF;
		if (mode == MOAT_MODE_BLOCK)
			mode = MOAT_MODE_MONITOR;
	}
	return mode;
}

const char *moat_mode_name(int mode)
{
	switch (mode) {
	case MOAT_MODE_MONITOR:
		return "monitor";
	case MOAT_MODE_BLOCK:
		return "block";
	default:
		return "off";
	}
}

const struct moat_policy *moat_policy_parse(const char *json, int64_t version, char *err,
                                            size_t errlen)
{
	char reason[256] = "", sha[65];
	json_error_t jerr;
	json_t *doc;
	char *canon;
	struct moat_policy *p = NULL;

	if (!json) {
		snprintf(reason, sizeof reason, "no document");
		goto out;
	}
	doc = json_loads(json, MA_PARSE_FLAGS, &jerr);
	if (!doc) {
		snprintf(reason, sizeof reason, "not JSON: %s", jerr.text);
		goto out;
	}
	canon = ma_policy_canonical(doc, sha);
	if (!canon) {
		snprintf(reason, sizeof reason, "out of memory");
		json_decref(doc);
		goto out;
	}
	free(canon);
	p = ma_policy_new(version, sha, doc, reason, sizeof reason);
	json_decref(doc);
out:
	if (!p && err && errlen)
		snprintf(err, errlen, "%s", reason);
	return p;
}
