/*
 * policy.c — validation and normalisation of policy documents; see
 * policy.h. Collects every problem with its JSON path instead of stopping
 * at the first, so a CI job sees all its mistakes at once.
 */
#include "policy.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "timefmt.h"
#include "utf8.h"
#include "xalloc.h"

const char *const policy_interceptor_names[POLICY_INTERCEPTORS] = {
    "sql_injection",     "nosql_injection",      "xss", "ssrf", "path_traversal",
    "command_injection", "llm_prompt_injection",
};

#define LLM_DEFAULT_THRESHOLD 0.8

static void perr(json_t *errors, const char *path, const char *msg)
{
	json_t *e;

	if (json_array_size(errors) >= 200)
		return;
	e = json_pack("{s:s, s:s}", "path", path, "message", msg);
	/* a problem is never lost: one whose text cannot be encoded still
	 * counts (and still refuses the document) */
	json_array_append_new(errors, e ? e
	                                : json_pack("{s:s, s:s}", "path", "$", "message",
	                                            "a problem here could not be encoded"));
}

static int policy_known(const char *name)
{
	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		if (!strcmp(name, policy_interceptor_names[i]))
			return i;
	return -1;
}

static json_t *policy_interceptor_default(const char *name, const char *mode, int notify)
{
	json_t *o = json_pack("{s:s, s:b}", "mode", mode, "notify", notify);

	if (!strcmp(name, "ssrf"))
		json_object_set_new(o, "allow_hosts", json_array());
	if (!strcmp(name, "llm_prompt_injection"))
		json_object_set_new(o, "threshold", json_real(LLM_DEFAULT_THRESHOLD));
	return o;
}

json_t *policy_default(void)
{
	json_t *ic = json_object();

	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		json_object_set_new(
		    ic, policy_interceptor_names[i],
		    policy_interceptor_default(policy_interceptor_names[i], "monitor", 0));
	return json_pack("{s:o, s:{s:[], s:[]}, s:[]}", "interceptors", ic, "denylist", "ips",
	                 "users", "exclusions");
}

/* ---- addresses ---- */

int policy_cidr_normalize(const char *in, char out[64])
{
	unsigned char addr[16];
	char host[64];
	const char *slash = strchr(in, '/');
	size_t hl = slash ? (size_t)(slash - in) : strlen(in);
	int v6, bits, maxbits;

	if (hl == 0 || hl >= sizeof host)
		return MOAT_EINVALID;
	memcpy(host, in, hl);
	host[hl] = '\0';
	v6 = strchr(host, ':') != NULL;
	if (inet_pton(v6 ? AF_INET6 : AF_INET, host, addr) != 1)
		return MOAT_EINVALID;
	maxbits = v6 ? 128 : 32;
	bits = maxbits;
	if (slash) {
		char *end = NULL;
		long b = strtol(slash + 1, &end, 10);
		if (!slash[1] || *end || b < 0 || b > maxbits || !isdigit((unsigned char)slash[1]))
			return MOAT_EINVALID;
		if (slash[1] == '0' && slash[2]) /* "/08": one spelling per prefix */
			return MOAT_EINVALID;
		bits = (int)b;
	}
	/* clear host bits: 203.0.113.7/24 names the network 203.0.113.0/24 */
	for (int i = 0; i < maxbits / 8; i++) {
		int keep = bits - i * 8;
		if (keep <= 0)
			addr[i] = 0;
		else if (keep < 8)
			addr[i] &= (unsigned char)(0xff << (8 - keep));
	}
	{
		char addrtxt[INET6_ADDRSTRLEN], full[INET6_ADDRSTRLEN + 8];
		size_t n;
		inet_ntop(v6 ? AF_INET6 : AF_INET, addr, addrtxt, sizeof addrtxt);
		if (bits == maxbits)
			snprintf(full, sizeof full, "%s", addrtxt);
		else
			snprintf(full, sizeof full, "%s/%d", addrtxt, bits);
		n = strlen(full);
		memcpy(out, full, n + 1 <= 64 ? n + 1 : 64);
		out[63] = '\0';
	}
	return MOAT_OK;
}

/* ---- small checkers ---- */

static int policy_text_ok(const char *s, size_t max)
{
	size_t chars = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if ((*p & 0xC0) != 0x80)
			chars++;
	}
	return chars > 0 && chars <= max;
}

int policy_parameter_ok(const char *s)
{
	return policy_text_ok(s, POLICY_PARAMETER_MAX);
}

/* Checks that obj has only the listed keys. */
static void policy_only(const json_t *obj, const char *path, const char *const *keys,
                        json_t *errors)
{
	const char *k;
	json_t *v;

	json_object_foreach((json_t *)obj, k, v)
	{
		int ok = 0;
		char p[512];
		(void)v;
		for (const char *const *a = keys; *a; a++)
			if (!strcmp(*a, k))
				ok = 1;
		if (!ok) {
			/* an unknown key is client text: at most 200 bytes of it, whole
			 * characters */
			utf8_fmt(p, sizeof p, "%s.%.*s", path, (int)utf8_cut(k, strlen(k), 200), k);
			perr(errors, p, "unknown field");
		}
	}
}

/* ---- the full form ---- */

/* A threshold to three decimals; -0 (and whatever rounds to it) is 0, so
 * that one policy has one canonical text. */
static double policy_threshold(const json_t *t)
{
	double v = round(json_number_value(t) * 1000) / 1000;

	return v == 0 ? 0.0 : v;
}

static void policy_interceptor(const char *name, const json_t *in, json_t *out_ic, json_t *errors)
{
	static const char *const keys_plain[] = {"mode", "notify", NULL};
	static const char *const keys_ssrf[] = {"mode", "notify", "allow_hosts", NULL};
	static const char *const keys_llm[] = {"mode", "notify", "threshold", NULL};
	char path[128], p2[160];
	json_t *o, *mode, *notify;
	const char *m = NULL;

	snprintf(path, sizeof path, "$.interceptors.%s", name);
	if (!json_is_object(in)) {
		perr(errors, path, "must be an object with a mode");
		return;
	}
	policy_only(in, path,
	            !strcmp(name, "ssrf")                   ? keys_ssrf
	            : !strcmp(name, "llm_prompt_injection") ? keys_llm
	                                                    : keys_plain,
	            errors);
	mode = json_object_get(in, "mode");
	snprintf(p2, sizeof p2, "%s.mode", path);
	if (!mode)
		perr(errors, p2, "is required");
	else if (!json_is_string(mode) || (strcmp(json_string_value(mode), "off") &&
	                                   strcmp(json_string_value(mode), "monitor") &&
	                                   strcmp(json_string_value(mode), "block")))
		perr(errors, p2, "must be off, monitor or block");
	else
		m = json_string_value(mode);
	notify = json_object_get(in, "notify");
	snprintf(p2, sizeof p2, "%s.notify", path);
	if (notify && !json_is_boolean(notify))
		perr(errors, p2, "must be true or false");
	o = policy_interceptor_default(name, m ? m : "monitor", json_is_true(notify));
	if (!strcmp(name, "ssrf")) {
		json_t *hosts = json_object_get(in, "allow_hosts"), *h;
		size_t i;
		snprintf(p2, sizeof p2, "%s.allow_hosts", path);
		if (hosts && !json_is_array(hosts)) {
			perr(errors, p2, "must be a list of host names");
		} else if (hosts && json_array_size(hosts) > 1000) {
			perr(errors, p2, "at most 1000 hosts");
		} else if (hosts) {
			json_t *list = json_object_get(o, "allow_hosts");
			json_array_foreach(hosts, i, h)
			{
				char p3[200];
				snprintf(p3, sizeof p3, "%s[%zu]", p2, i);
				if (!json_is_string(h) ||
				    !policy_text_ok(json_string_value(h), 253) ||
				    strchr(json_string_value(h), ' ') ||
				    strchr(json_string_value(h), '/'))
					perr(errors, p3,
					     "must be a host name (1-253 characters, no spaces or "
					     "'/')");
				else
					json_array_append_new(list,
					                      json_string(json_string_value(h)));
			}
		}
	}
	if (!strcmp(name, "llm_prompt_injection")) {
		json_t *t = json_object_get(in, "threshold");
		snprintf(p2, sizeof p2, "%s.threshold", path);
		if (t &&
		    (!json_is_number(t) || json_number_value(t) < 0 || json_number_value(t) > 1))
			perr(errors, p2, "must be a number from 0 to 1");
		else if (t) /* three decimals: enough, and the same text in every language */
			json_object_set_new(o, "threshold", json_real(policy_threshold(t)));
	}
	json_object_set_new(out_ic, name, o);
}

static json_t *policy_deny_list(const json_t *in, const char *path, int ips, int64_t now,
                                json_t *errors)
{
	json_t *out = json_array(), *e;
	size_t i;

	if (!in)
		return out;
	if (!json_is_array(in)) {
		perr(errors, path, "must be a list");
		return out;
	}
	if (json_array_size(in) > POLICY_MAX_DENY) {
		perr(errors, path, "at most 10000 entries");
		return out;
	}
	json_array_foreach(in, i, e)
	{
		static const char *const keys[] = {"value", "until", NULL};
		char p[160], pv[180];
		json_t *v, *until, *item;
		snprintf(p, sizeof p, "%s[%zu]", path, i);
		if (!json_is_object(e)) {
			perr(errors, p, "must be an object with a value");
			continue;
		}
		policy_only(e, p, keys, errors);
		v = json_object_get(e, "value");
		until = json_object_get(e, "until");
		snprintf(pv, sizeof pv, "%s.value", p);
		item = json_object();
		if (!json_is_string(v)) {
			perr(errors, pv,
			     ips ? "must be an IP address or CIDR" : "must be a user id");
		} else if (ips) {
			char net[64];
			if (policy_cidr_normalize(json_string_value(v), net) != MOAT_OK)
				perr(errors, pv, "must be an IP address or CIDR");
			else
				json_object_set_new(item, "value", json_string(net));
		} else if (!policy_text_ok(json_string_value(v), 256)) {
			perr(errors, pv, "must be 1-256 characters without control characters");
		} else {
			json_object_set_new(item, "value", json_string(json_string_value(v)));
		}
		if (until) {
			int64_t t;
			char ts[TIMEFMT_LEN];
			snprintf(pv, sizeof pv, "%s.until", p);
			if (!json_is_string(until) || timefmt_parse(json_string_value(until), &t)) {
				perr(errors, pv, "must be an RFC 3339 time");
			} else if (now > 0 && t <= now) {
				perr(
				    errors, pv,
				    "must be in the future (an entry past its until does nothing)");
			} else {
				timefmt_rfc3339(t, ts);
				json_object_set_new(item, "until", json_string(ts));
			}
		}
		json_array_append_new(out, item);
	}
	return out;
}

static json_t *policy_exclusions(const json_t *in, json_t *errors)
{
	static const char *const keys[] = {"interceptor", "endpoint", "parameter", "source",
	                                   "on_match",    "reason",   NULL};
	json_t *out = json_array(), *e;
	size_t i;

	if (!in)
		return out;
	if (!json_is_array(in)) {
		perr(errors, "$.exclusions", "must be a list");
		return out;
	}
	if (json_array_size(in) > POLICY_MAX_EXCLUSIONS) {
		perr(errors, "$.exclusions", "at most 1000 exclusions");
		return out;
	}
	json_array_foreach(in, i, e)
	{
		char p[64], pf[96];
		json_t *item, *f;
		if (snprintf(p, sizeof p, "$.exclusions[%zu]", i) < 0 || !json_is_object(e)) {
			perr(errors, p, "must be an object");
			continue;
		}
		policy_only(e, p, keys, errors);
		item = json_object();
		f = json_object_get(e, "interceptor");
		snprintf(pf, sizeof pf, "%s.interceptor", p);
		if (!json_is_string(f) || policy_known(json_string_value(f)) < 0)
			perr(errors, pf,
			     "must name an interceptor (sql_injection, nosql_injection, xss, ssrf, "
			     "path_traversal, command_injection, llm_prompt_injection)");
		else
			json_object_set_new(item, "interceptor", json_string(json_string_value(f)));
		f = json_object_get(e, "endpoint");
		snprintf(pf, sizeof pf, "%s.endpoint", p);
		if (!json_is_string(f) || !policy_text_ok(json_string_value(f), 512) ||
		    (json_string_value(f)[0] != '/' && strcmp(json_string_value(f), "*")))
			perr(errors, pf,
			     "must be a path glob starting with '/' (or \"*\"), at most 512 "
			     "characters");
		else
			json_object_set_new(item, "endpoint", json_string(json_string_value(f)));
		f = json_object_get(e, "parameter");
		snprintf(pf, sizeof pf, "%s.parameter", p);
		if (f && (!json_is_string(f) || !policy_parameter_ok(json_string_value(f))))
			perr(errors, pf, "must be 1-256 characters");
		else if (f)
			json_object_set_new(item, "parameter", json_string(json_string_value(f)));
		f = json_object_get(e, "source");
		snprintf(pf, sizeof pf, "%s.source", p);
		if (f) {
			char net[64];
			if (!json_is_string(f) || policy_cidr_normalize(json_string_value(f), net))
				perr(errors, pf, "must be an IP address or CIDR");
			else
				json_object_set_new(item, "source", json_string(net));
		}
		f = json_object_get(e, "on_match");
		snprintf(pf, sizeof pf, "%s.on_match", p);
		if (!f)
			json_object_set_new(item, "on_match", json_string("ignore"));
		else if (!json_is_string(f) || (strcmp(json_string_value(f), "ignore") &&
		                                strcmp(json_string_value(f), "monitor")))
			perr(errors, pf, "must be ignore or monitor (downgrade block to monitor)");
		else
			json_object_set_new(item, "on_match", json_string(json_string_value(f)));
		f = json_object_get(e, "reason");
		snprintf(pf, sizeof pf, "%s.reason", p);
		if (f && (!json_is_string(f) || !policy_text_ok(json_string_value(f), 512)))
			perr(errors, pf, "must be 1-512 characters");
		else if (f)
			json_object_set_new(item, "reason", json_string(json_string_value(f)));
		json_array_append_new(out, item);
	}
	return out;
}

static json_t *policy_full(const json_t *in, int64_t now, json_t *errors)
{
	static const char *const keys[] = {"interceptors", "denylist", "exclusions", NULL};
	static const char *const dkeys[] = {"ips", "users", NULL};
	json_t *ic_in = json_object_get(in, "interceptors"), *ic = json_object(), *dl;
	const char *k;
	json_t *v;

	policy_only(in, "$", keys, errors);
	if (ic_in && !json_is_object(ic_in)) {
		perr(errors, "$.interceptors", "must be an object keyed by interceptor");
		ic_in = NULL;
	}
	if (ic_in) {
		json_object_foreach(ic_in, k, v)
		{
			if (policy_known(k) < 0) {
				char p[256];
				/* client text: at most 200 bytes, whole characters */
				utf8_fmt(p, sizeof p, "$.interceptors.%.*s",
				         (int)utf8_cut(k, strlen(k), 200), k);
				perr(errors, p, "unknown interceptor");
			}
		}
	}
	for (int i = 0; i < POLICY_INTERCEPTORS; i++) {
		const char *name = policy_interceptor_names[i];
		json_t *one = ic_in ? json_object_get(ic_in, name) : NULL;
		if (one)
			policy_interceptor(name, one, ic, errors);
		else /* not named: the safe default */
			json_object_set_new(ic, name,
			                    policy_interceptor_default(name, "monitor", 0));
	}
	dl = json_object_get(in, "denylist");
	if (dl && !json_is_object(dl)) {
		perr(errors, "$.denylist", "must be an object with ips and users");
		dl = NULL;
	}
	if (dl)
		policy_only(dl, "$.denylist", dkeys, errors);
	return json_pack("{s:o, s:{s:o, s:o}, s:o}", "interceptors", ic, "denylist", "ips",
	                 policy_deny_list(dl ? json_object_get(dl, "ips") : NULL, "$.denylist.ips",
	                                  1, now, errors),
	                 "users",
	                 policy_deny_list(dl ? json_object_get(dl, "users") : NULL,
	                                  "$.denylist.users", 0, now, errors),
	                 "exclusions",
	                 policy_exclusions(json_object_get(in, "exclusions"), errors));
}

/* ---- the compact form ---- */

/* "SqlInjection", "sql", "sql-injection", "SQL_INJECTION" ... -> index. */
static int policy_compact_name(const char *s)
{
	static const struct {
		const char *alias;
		int idx;
	} t[] = {{"sqlinjection", 0},
	         {"sql", 0},
	         {"nosqlinjection", 1},
	         {"nosql", 1},
	         {"xss", 2},
	         {"crosssitescripting", 2},
	         {"ssrf", 3},
	         {"pathtraversal", 4},
	         {"commandinjection", 5},
	         {"cmdinjection", 5},
	         {"shellinjection", 5},
	         {"llmpromptinjection", 6},
	         {"promptinjection", 6}};
	char norm[64];
	size_t o = 0;

	for (const char *p = s; *p && o < sizeof norm - 1; p++) {
		if (*p == '-' || *p == '_' || *p == ' ')
			continue;
		norm[o++] = (char)tolower((unsigned char)*p);
	}
	norm[o] = '\0';
	for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(norm, t[i].alias))
			return t[i].idx;
	return -1;
}

/* "Notifications": {"Slack": url, "Webhook": url} at path: its shape only
 * (the URLs are checked by the channel rules, api_policy.c). */
static void policy_notifications_check(const json_t *n, const char *path, json_t *errors)
{
	static const char *const keys[] = {"Slack", "Webhook", NULL};
	const char *k;
	json_t *v;

	if (!json_is_object(n)) {
		perr(errors, path, "must be an object with Slack and/or Webhook URLs");
		return;
	}
	policy_only(n, path, keys, errors);
	json_object_foreach((json_t *)n, k, v)
	{
		char p[128];
		if (strcmp(k, "Slack") && strcmp(k, "Webhook"))
			continue;
		snprintf(p, sizeof p, "%.100s.%s", path, k);
		if (!json_is_string(v) && !json_is_null(v))
			perr(errors, p, "must be a URL (a string)");
		else if (json_is_string(v) && json_string_length(v) > POLICY_NOTIFY_URL_MAX)
			perr(errors, p, "must be at most 2048 bytes");
	}
}

/* The compact form at base ("$", or "$.ByteHide.Monitor" inside the
 * appsettings.json wrapper). ProjectToken is accepted and dropped: the
 * normalised document never carries it. */
static json_t *policy_compact(const json_t *in, const char *base, json_t *errors)
{
	static const char *const keys[] = {"Interceptors", "ThreatAction", "Notifications",
	                                   "ProjectToken", NULL};
	json_t *list = json_object_get(in, "Interceptors"),
	       *ta = json_object_get(in, "ThreatAction"),
	       *nt = json_object_get(in, "Notifications");
	const char *mode = "monitor";
	int notify = 0, on[POLICY_INTERCEPTORS] = {0};
	json_t *doc, *ic, *v;
	char p[160];
	size_t i;

	policy_only(in, base, keys, errors);
	if (ta) {
		const char *a = json_is_string(ta) ? json_string_value(ta) : "";
		if (!strcasecmp(a, "LogOnly")) {
			mode = "monitor";
		} else if (!strcasecmp(a, "BlockAndLog")) {
			mode = "block";
		} else if (!strcasecmp(a, "BlockAndAlert")) {
			mode = "block";
			notify = 1;
		} else {
			snprintf(p, sizeof p, "%s.ThreatAction", base);
			perr(errors, p, "must be LogOnly, BlockAndLog or BlockAndAlert");
		}
	}
	if (nt) {
		snprintf(p, sizeof p, "%s.Notifications", base);
		policy_notifications_check(nt, p, errors);
	}
	if (!json_is_array(list)) {
		snprintf(p, sizeof p, "%s.Interceptors", base);
		perr(errors, p, "must be a list of interceptor names");
	} else {
		json_array_foreach(list, i, v)
		{
			int idx =
			    json_is_string(v) ? policy_compact_name(json_string_value(v)) : -1;
			snprintf(p, sizeof p, "%s.Interceptors[%zu]", base, i);
			if (idx < 0)
				perr(errors, p, "unknown interceptor");
			else
				on[idx] = 1;
		}
	}
	doc = policy_default();
	ic = json_object_get(doc, "interceptors");
	for (int k = 0; k < POLICY_INTERCEPTORS; k++)
		json_object_set_new(ic, policy_interceptor_names[k],
		                    policy_interceptor_default(policy_interceptor_names[k],
		                                               on[k] ? mode : "off",
		                                               on[k] && notify));
	return doc;
}

/* The seed SDK's init form: {"interceptors": [names], "onThreat":
 * {"action": "block"|"log"|"monitor", "notify": bool}}: the named
 * interceptors in that mode (and notify), the others off, as the compact
 * form. */
static json_t *policy_init_form(const json_t *in, json_t *errors)
{
	static const char *const keys[] = {"interceptors", "onThreat", NULL};
	static const char *const okeys[] = {"action", "notify", NULL};
	json_t *list = json_object_get(in, "interceptors"), *ot = json_object_get(in, "onThreat");
	const char *mode = "monitor";
	int notify = 0, on[POLICY_INTERCEPTORS] = {0};
	json_t *doc, *ic, *v;
	size_t i;

	policy_only(in, "$", keys, errors);
	if (ot && !json_is_object(ot)) {
		perr(errors, "$.onThreat", "must be an object with action and notify");
	} else if (ot) {
		json_t *a = json_object_get(ot, "action"), *n = json_object_get(ot, "notify");
		policy_only(ot, "$.onThreat", okeys, errors);
		if (a) {
			const char *s = json_is_string(a) ? json_string_value(a) : "";
			if (!strcasecmp(s, "block"))
				mode = "block";
			else if (!strcasecmp(s, "log") || !strcasecmp(s, "monitor"))
				mode = "monitor";
			else
				perr(errors, "$.onThreat.action", "must be block, log or monitor");
		}
		if (n && !json_is_boolean(n))
			perr(errors, "$.onThreat.notify", "must be true or false");
		else if (n)
			notify = json_is_true(n);
	}
	if (!json_is_array(list))
		perr(errors, "$.interceptors", "must be a list of interceptor names");
	json_array_foreach(list, i, v)
	{
		char p[64];
		int idx = json_is_string(v) ? policy_compact_name(json_string_value(v)) : -1;
		snprintf(p, sizeof p, "$.interceptors[%zu]", i);
		if (idx < 0)
			perr(errors, p, "unknown interceptor");
		else
			on[idx] = 1;
	}
	doc = policy_default();
	ic = json_object_get(doc, "interceptors");
	for (int k = 0; k < POLICY_INTERCEPTORS; k++)
		json_object_set_new(ic, policy_interceptor_names[k],
		                    policy_interceptor_default(policy_interceptor_names[k],
		                                               on[k] ? mode : "off",
		                                               on[k] && notify));
	return doc;
}

/* {"ByteHide": {"Monitor": {...}}} (appsettings.json): the key matched
 * ignoring case, as .NET configuration does. */
static json_t *policy_wrapper_get(const json_t *obj, const char *key)
{
	const char *k;
	json_t *v;

	json_object_foreach((json_t *)obj, k, v)
	{
		if (!strcasecmp(k, key))
			return v;
	}
	return NULL;
}

const json_t *policy_compact_body(const json_t *in, char *path, size_t cap)
{
	json_t *w, *m;

	if (!json_is_object(in))
		return NULL;
	w = policy_wrapper_get(in, "ByteHide");
	if (w) {
		m = json_is_object(w) ? policy_wrapper_get(w, "Monitor") : NULL;
		snprintf(path, cap, "$.ByteHide.Monitor");
		return m;
	}
	if (json_object_get(in, "Interceptors") || json_object_get(in, "ThreatAction") ||
	    json_object_get(in, "Notifications") || json_object_get(in, "ProjectToken")) {
		snprintf(path, cap, "$");
		return in;
	}
	return NULL;
}

json_t *policy_notifications(const json_t *in)
{
	char base[32];
	const json_t *c = policy_compact_body(in, base, sizeof base);
	json_t *n = c && json_is_object(c) ? json_object_get(c, "Notifications") : NULL;
	json_t *out, *v;

	if (!json_is_object(n))
		return NULL;
	out = json_object();
	v = json_object_get(n, "Slack");
	if (json_is_string(v) && json_string_length(v))
		json_object_set(out, "slack", v);
	v = json_object_get(n, "Webhook");
	if (json_is_string(v) && json_string_length(v))
		json_object_set(out, "webhook", v);
	json_object_set_new(out, "path", json_pack("s++", base, ".Notifications", ""));
	return out;
}

json_t *policy_normalize(const json_t *in, json_t *errors)
{
	return policy_normalize_at(in, 0, errors);
}

json_t *policy_normalize_at(const json_t *in, int64_t now, json_t *errors)
{
	size_t before = json_array_size(errors);
	json_t *doc;

	if (!json_is_object(in)) {
		perr(errors, "$", "must be a JSON object");
		return NULL;
	}
	{
		char base[32];
		const json_t *c = policy_compact_body(in, base, sizeof base);

		if (c && !json_is_object(c)) {
			perr(errors, "$.ByteHide", "must hold a Monitor object (appsettings.json)");
			return NULL;
		}
		if (!c && policy_wrapper_get(in, "ByteHide")) {
			perr(errors, "$.ByteHide.Monitor", "must be an object in the compact form");
			return NULL;
		}
		if (c)
			doc = policy_compact(c, base, errors);
		else if (json_object_get(in, "onThreat"))
			doc = policy_init_form(in, errors);
		else
			doc = policy_full(in, now, errors);
	}
	if (json_array_size(errors) > before) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

char *policy_canonical(const json_t *doc, char sha256_hex[CRYPTO_SHA256_HEX])
{
	char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));

	if (!text)
		abort(); /* only on allocation failure */
	if (sha256_hex)
		crypto_sha256_hex(text, strlen(text), sha256_hex);
	return text;
}

/* ---- diff ---- */

static void policy_diff_rec(const json_t *a, const json_t *b, const char *path, json_t *out)
{
	if (a && b && json_is_object(a) && json_is_object(b)) {
		const char *k;
		json_t *v;
		char p[512];
		json_object_foreach((json_t *)a, k, v)
		{
			utf8_fmt(p, sizeof p, "%s.%s", path, k);
			policy_diff_rec(v, json_object_get(b, k), p, out);
		}
		json_object_foreach((json_t *)b, k, v)
		{
			if (json_object_get(a, k))
				continue;
			utf8_fmt(p, sizeof p, "%s.%s", path, k);
			policy_diff_rec(NULL, v, p, out);
		}
		return;
	}
	if (a && b && json_equal((json_t *)a, (json_t *)b))
		return;
	if (!a)
		json_array_append_new(
		    out, json_pack("{s:s, s:s, s:O}", "path", path, "op", "add", "new", b));
	else if (!b)
		json_array_append_new(
		    out, json_pack("{s:s, s:s, s:O}", "path", path, "op", "remove", "old", a));
	else
		json_array_append_new(out, json_pack("{s:s, s:s, s:O, s:O}", "path", path, "op",
		                                     "change", "old", a, "new", b));
}

json_t *policy_diff(const json_t *old_doc, const json_t *new_doc)
{
	json_t *out = json_array();

	policy_diff_rec(old_doc, new_doc, "$", out);
	return out;
}
