/*
 * ma_proto.c — the messages of agent protocol v1 as the agent sees them:
 * builds hello and applied, parses welcome, policy, ack and error (a type
 * it does not know is reported as MA_MSG_UNKNOWN so that the caller can
 * ignore it: servers may add messages). `events` messages are assembled
 * from batches in ma_queue.c. Pure functions, any thread.
 */
#include "ma_int.h"
#include "ma_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ma_proto_dump(struct ma_buf *b, json_t *o)
{
	size_t n = json_dumpb(o, NULL, 0, JSON_COMPACT);
	char *tmp;
	int rc;

	ma_buf_reset(b);
	if (n == 0) {
		json_decref(o);
		return MOAT_AGENT_EINVAL;
	}
	tmp = ma_malloc(n);
	if (!tmp) {
		json_decref(o);
		return MOAT_AGENT_ENOMEM;
	}
	json_dumpb(o, tmp, n, JSON_COMPACT);
	json_decref(o);
	rc = ma_buf_append(b, tmp, n);
	free(tmp);
	return rc;
}

int ma_proto_hello(struct ma_buf *b, const char *agent_id, const char *hostname,
                   const char *runtime, const char *agent_version, const char *environment,
                   int64_t policy_version, const char *token)
{
	json_t *o = json_pack("{s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:I}", "type", "hello",
	                      "protocol", 1, "agent_id", agent_id, "hostname", hostname, "runtime",
	                      runtime, "agent_version", agent_version, "environment", environment,
	                      "policy_version", (json_int_t)policy_version);

	if (!o)
		return MOAT_AGENT_EINVAL; /* a string was not UTF-8 */
	if (token && json_object_set_new(o, "token", json_string(token))) {
		json_decref(o);
		return MOAT_AGENT_ENOMEM;
	}
	return ma_proto_dump(b, o);
}

/* At most MA_APPLIED_ERROR_MAX bytes of s, never cutting a UTF-8
 * character, with control bytes (which moatd refuses) made '?'. */
static void ma_proto_error_text(const char *s, char out[MA_APPLIED_ERROR_MAX + 1])
{
	size_t n = ma_utf8_cut(s, strlen(s), MA_APPLIED_ERROR_MAX);

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		out[i] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	out[n] = '\0';
}

int ma_proto_applied(struct ma_buf *b, int64_t version, int ok, const char *error)
{
	json_t *o = json_pack("{s:s, s:I, s:b}", "type", "applied", "version", (json_int_t)version,
	                      "ok", ok);

	if (!o) /* nothing in it can be invalid */
		return MOAT_AGENT_ENOMEM;
	if (!ok && error) {
		char text[MA_APPLIED_ERROR_MAX + 1];
		json_t *e;
		ma_proto_error_text(error, text);
		e = json_string(text);
		/* not UTF-8 after all (a document's bytes): say so plainly */
		if (json_object_set_new(o, "error", e ? e : json_string("policy refused"))) {
			json_decref(o);
			return MOAT_AGENT_ENOMEM;
		}
	}
	return ma_proto_dump(b, o);
}

static int ma_bad(char *reason, size_t rlen, const char *type, const char *what)
{
	snprintf(reason, rlen, "%s: %s", type, what);
	return -1;
}

static int ma_int_field(const json_t *o, const char *key, int64_t *out)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v))
		return -1;
	*out = json_integer_value(v);
	return 0;
}

/* The optional "credits" of welcome and ack (PROTOCOL.md, "Credits"): a
 * positive integer, else 0 (absent or not understood: no limit said). */
static void ma_credits_field(json_t *root, int64_t *out)
{
	json_t *v = json_object_get(root, "credits");

	*out = json_is_integer(v) && json_integer_value(v) > 0 ? json_integer_value(v) : 0;
}

int ma_proto_parse(const char *text, size_t len, struct ma_msg *m, char *reason, size_t rlen)
{
	json_error_t jerr;
	json_t *root, *t;
	const char *type;

	memset(m, 0, sizeof *m);
	root = json_loadb(text, len, MA_PARSE_FLAGS, &jerr);
	if (!root) {
		snprintf(reason, rlen, "not JSON: %s", jerr.text);
		return -1;
	}
	t = json_is_object(root) ? json_object_get(root, "type") : NULL;
	if (!json_is_string(t)) {
		json_decref(root);
		snprintf(reason, rlen, "not an object with a string type");
		return -1;
	}
	type = json_string_value(t);
	m->root = root;
	m->type_name = type;
	if (!strcmp(type, "welcome")) {
		int64_t hb = 0;
		m->type = MA_MSG_WELCOME;
		if (json_object_get(root, "heartbeat_s") && ma_int_field(root, "heartbeat_s", &hb))
			goto bad_hb;
		m->heartbeat_s = hb > 0 && hb <= 3600 ? (int)hb : 20;
		ma_credits_field(root, &m->credits);
	} else if (!strcmp(type, "policy")) {
		m->type = MA_MSG_POLICY;
		if (ma_int_field(root, "version", &m->version) || m->version < 1)
			goto bad_version;
		/* checked by ma_policy_new, so that a bad one gets applied ok:false */
		t = json_object_get(root, "sha256");
		m->sha256 = json_is_string(t) ? json_string_value(t) : NULL;
		m->document = json_object_get(root, "document");
	} else if (!strcmp(type, "ack")) {
		m->type = MA_MSG_ACK;
		if (ma_int_field(root, "seq", &m->seq))
			goto bad_seq;
		if (ma_int_field(root, "accepted", &m->accepted))
			m->accepted = 0;
		if (ma_int_field(root, "duplicates", &m->duplicates))
			m->duplicates = 0;
		ma_credits_field(root, &m->credits);
		m->rejected = json_object_get(root, "rejected");
		m->nrejected =
		    json_is_array(m->rejected) ? (int64_t)json_array_size(m->rejected) : 0;
	} else if (!strcmp(type, "error")) {
		m->type = MA_MSG_ERROR;
		t = json_object_get(root, "code");
		m->code = json_is_string(t) ? json_string_value(t) : "";
		t = json_object_get(root, "message");
		m->message = json_is_string(t) ? json_string_value(t) : "";
	} else {
		m->type = MA_MSG_UNKNOWN;
	}
	return 0;
bad_hb:
	json_decref(root);
	return ma_bad(reason, rlen, "welcome", "heartbeat_s must be an integer");
bad_version:
	json_decref(root);
	return ma_bad(reason, rlen, "policy", "version must be a positive integer");
bad_seq:
	json_decref(root);
	return ma_bad(reason, rlen, "ack", "seq must be an integer");
}
