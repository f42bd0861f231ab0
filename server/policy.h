/*
 * policy.h — the interceptor policy document: validation, normalisation,
 * canonical form, diff. Pure functions over jansson values; any thread
 * (each json_t stays on the thread that made it).
 *
 * The normalised document (what is stored, pushed and served):
 *   {"interceptors": {"<name>": {"mode":"off|monitor|block","notify":bool,
 *                                 [ssrf] "allow_hosts":[...],
 *                                 [llm_prompt_injection] "threshold":0..1}, ... all seven},
 *    "denylist": {"ips":[{"value":"cidr-or-ip"[,"until":"RFC3339"]}],
 *                 "users":[{"value":"id"[,"until":...]}]},
 *    "exclusions": [{"interceptor","endpoint"[,"parameter"][,"source"],
 *                    "on_match":"ignore|monitor"[,"reason"]}]}
 * The compact form {"Interceptors":[...],"ThreatAction":"LogOnly|BlockAndLog|
 * BlockAndAlert"} is accepted and normalised to it, also inside the
 * appsettings.json wrapper {"ByteHide": {"Monitor": {...}}} (the file's
 * other sections ignored), with "ProjectToken" (dropped, never stored) and
 * "Notifications": {"Slack": url, "Webhook": url} (not part of the
 * document: policy_notifications() hands it to the channels). So is the
 * seed SDK's init form {"interceptors": [names], "onThreat": {"action":
 * "block|log|monitor", "notify": bool}} (told apart by its "onThreat").
 */
#ifndef MOAT_POLICY_H
#define MOAT_POLICY_H

#include <jansson.h>
#include <stdint.h>

#include "crypto.h"

#define POLICY_INTERCEPTORS   7
#define POLICY_MAX_DENY       10000
#define POLICY_MAX_EXCLUSIONS 1000
#define POLICY_NOTIFY_URL_MAX 2048
#define POLICY_PARAMETER_MAX  256 /* characters of an exclusion's parameter */

extern const char *const policy_interceptor_names[POLICY_INTERCEPTORS];

/* The safe default: every interceptor on, in monitor mode. New reference. */
json_t *policy_default(void);

/* Validates in (either form) and returns the normalised document (new
 * reference) or NULL; every problem is appended to errors as
 * {"path","message"}. in is not modified. */
json_t *policy_normalize(const json_t *in, json_t *errors);
/* The same, and (now > 0, Unix seconds) a denylist entry whose until is
 * not after now is a problem: a new document may not carry an entry that
 * already does nothing. policy_normalize is now = 0 (stored documents:
 * rollback, a false positive's exclusion added to the current one). */
json_t *policy_normalize_at(const json_t *in, int64_t now, json_t *errors);

/* The object of in that carries the compact form: in itself, or its
 * ByteHide.Monitor (keys matched ignoring case); its JSON path into path.
 * NULL when in is not in the compact form. Borrowed. */
const json_t *policy_compact_body(const json_t *in, char *path, size_t cap);
/* The channels a compact document asks for: a new object with "slack"
 * and/or "webhook" (non-empty URL strings as written) and "path" (the
 * JSON path of its Notifications, for problems), or NULL when it names
 * none. Call after policy_normalize accepted in (shape checked there). */
json_t *policy_notifications(const json_t *in);

/* Canonical text and its SHA-256: json_dumps with JSON_COMPACT |
 * JSON_SORT_KEYS | JSON_REAL_PRECISION(15) (thresholds have at most three
 * decimals, so 0.8 prints as 0.8). Caller frees. */
char *policy_canonical(const json_t *doc, char sha256_hex[CRYPTO_SHA256_HEX]);

/* Structured diff old -> new as an array of {"path","op":"add|remove|change",
 * "old"?,"new"?}; arrays compare as a whole. New reference. */
json_t *policy_diff(const json_t *old_doc, const json_t *new_doc);

/* 1 when s may be an exclusion's "parameter" (1-256 characters, none a
 * control character), else 0. */
int policy_parameter_ok(const char *s);

/* Parses "a.b.c.d", "a.b.c.d/n", IPv6 likewise; writes the canonical
 * network form into out (64 bytes). 0 or MOAT_EINVALID. */
int policy_cidr_normalize(const char *in, char out[64]);

#endif
