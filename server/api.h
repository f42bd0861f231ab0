/*
 * api.h — the REST handlers (api_*.c), one group per resource. Each runs
 * on an MHD worker thread after http_auth_check() has let the request in,
 * and queues exactly one response. See http.h for the request object.
 */
#ifndef MOAT_API_H
#define MOAT_API_H

#include "http.h"

/* api_health.c */
void api_healthz(struct http_req *r);
void api_readyz(struct http_req *r);
void api_metrics(struct http_req *r);

/* api_auth.c */
void api_auth_login(struct http_req *r);
void api_auth_logout(struct http_req *r);
void api_auth_me(struct http_req *r);
void api_auth_password(struct http_req *r);

/* api_users.c */
void api_users_list(struct http_req *r);
void api_users_create(struct http_req *r);
void api_users_get(struct http_req *r);
void api_users_update(struct http_req *r);
json_t *api_user_json(const struct store_user *u);

/* api_projects.c */
void api_projects_list(struct http_req *r);
void api_projects_create(struct http_req *r);
void api_projects_get(struct http_req *r);
void api_projects_update(struct http_req *r);
void api_envs_list(struct http_req *r);
void api_envs_create(struct http_req *r);
/* Loads the {slug} project (params[0]) or replies 404; 0 or -1. */
int api_project_load(struct http_req *r, struct store_project *p);
/* Slug rules: 2-40 of [a-z0-9-], alnum at both ends, no "--". 1 if ok. */
int api_slug_valid(const char *s);

/* api_tokens.c */
void api_tokens_list(struct http_req *r);
void api_tokens_create(struct http_req *r);
void api_tokens_revoke(struct http_req *r);
void api_mytokens_list(struct http_req *r);
void api_mytokens_create(struct http_req *r);
void api_mytokens_revoke(struct http_req *r);

/* api_policy.c */
void api_policy_get(struct http_req *r);
void api_policy_put(struct http_req *r);
void api_policy_versions(struct http_req *r);
void api_policy_version(struct http_req *r);
void api_policy_rollback(struct http_req *r);
void api_agent_policy(struct http_req *r);
/* A policy version to commit: doc as given (borrowed; normalised here),
 * the version's message, If-Match (-1: any), rollback_of (0: none), and
 * optionally an event status change that commits with it, all or nothing. */
/* The channels of a document's "Notifications" (config as code), filled
 * by api_policy_commit when a change points at one: the secret is that of
 * a webhook channel created by this commit (shown once, in the reply). */
struct api_policy_channels {
	struct store_policy_channel c[2];
	char url[2][STORE_CHANNEL_URL_MAX + 1];
	size_t n;
	char secret[STORE_CHANNEL_SECRET_MAX];
};
struct api_policy_change {
	json_t *doc;
	const char *message;
	int64_t if_match, rollback_of;
	struct store_status_change *event;
	struct api_policy_channels *channels; /* NULL: Notifications ignored */
};
/* The one way a policy version is written: normalises c->doc, refuses
 * (422) a document with problems or larger than an agent message holds,
 * and (409) an archived project; stores it with c->event and (with
 * c->channels) the channels its "Notifications" name, after the channel
 * rules (422 at their path), in one transaction, and pushes a new version
 * to the environment's agents. 0
 * with *out (store_policy_cleanup) and *changed; MOAT_ESTALE when
 * c->if_match is not the current version (nothing written, nothing
 * replied); any other code after the reply was sent. */
int api_policy_commit(struct http_req *r, const struct store_project *p, const struct store_env *e,
                      const struct api_policy_change *c, struct store_policy *out, int *changed);

/* api_agents.c */
void api_agents_list(struct http_req *r);
void api_agents_delete(struct http_req *r);

/* api_ingest.c */
void api_agent_events(struct http_req *r);

/* api_live.c */
void api_live_ticket(struct http_req *r);

/* api_events.c (list, get), api_events_export.c, api_events_stats.c,
 * api_events_triage.c (update, triage); shared pieces in api_events.h */
void api_events_list(struct http_req *r);
void api_events_get(struct http_req *r);
void api_events_export(struct http_req *r);
void api_events_stats(struct http_req *r);
void api_events_groups(struct http_req *r); /* api_events_groups.c */
void api_events_update(struct http_req *r);
void api_events_triage(struct http_req *r);

/* api_channels.c: notification channels and their delivery log */
void api_channels_list(struct http_req *r);
void api_channels_create(struct http_req *r);
void api_channels_get(struct http_req *r);
void api_channels_update(struct http_req *r);
void api_channels_delete(struct http_req *r);
void api_channels_deliveries(struct http_req *r);
void api_channels_test(struct http_req *r);
/* A channel as the API shows it (URL and secret masked); NULL when it
 * cannot be encoded. */
json_t *api_channel_json(const struct store_channel *c);
/* The masked form of a channel URL: scheme, host, a non-default port, and
 * the last four characters of a path of 16 or more ("https://h/…abcd"). */
void api_channel_url_mask(const char *url, char *out, size_t cap);
/* A new webhook signing secret ("whsec_" + 43 base64url characters). */
void api_channel_secret_new(char out[STORE_CHANNEL_SECRET_MAX]);

/* api_policy_impact.c: the impact member of a policy dry run. */
#define API_POLICY_IMPACT_DAYS     7
#define API_POLICY_IMPACT_DAYS_MAX 30
/* Reads ?impact_days (0-30, default 7; 0: no impact) into *days. 0, or -1
 * after a 422. */
int api_policy_impact_days(struct http_req *r, int *days);
/* What doc (normalised) would have done to e's events of the last days
 * days; a new reference, or NULL after an error reply. */
json_t *api_policy_impact(struct http_req *r, const struct store_project *p,
                          const struct store_env *e, const json_t *doc, int days);

/* api_audit.c */
void api_audit_list(struct http_req *r);

/* JSON helpers shared by handlers */
json_t *api_time(int64_t t); /* RFC 3339 string, or null for 0 */

#endif
