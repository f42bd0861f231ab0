/*
 * http_router.c — the route table (method, pattern, handler, body limit,
 * who may call) and the matcher. The table is read-only; any thread.
 *
 * Paths arrive percent-encoded. The matcher splits on '/', then decodes
 * each segment on its own, so an encoded slash stays inside its segment
 * and %00 or a bad escape is refused (-2).
 */
#include "api.h"
#include "http.h"

#include <stdio.h>
#include <string.h>

#include "err.h"
#include "xalloc.h"

#define KB      1024
#define BODY    HTTP_BODY_MAX_DEFAULT
#define USERS   (ACC_VIEWER | ACC_EDITOR | ACC_ADMIN)
#define EDITORS (ACC_EDITOR | ACC_ADMIN)

const struct route http_routes[] = {
    {HM_GET, "/healthz", api_healthz, 0, ACC_PUBLIC},
    {HM_GET, "/readyz", api_readyz, 0, ACC_PUBLIC},
    {HM_GET, "/metrics", api_metrics, 0, ACC_PUBLIC},

    {HM_POST, "/api/v1/auth/login", api_auth_login, 4 * KB, ACC_PUBLIC | ACC_NO_CSRF},
    {HM_POST, "/api/v1/auth/logout", api_auth_logout, BODY, USERS | ACC_SESSION_ONLY},
    {HM_GET, "/api/v1/auth/me", api_auth_me, 0, USERS},
    {HM_POST, "/api/v1/auth/password", api_auth_password, 4 * KB, USERS | ACC_SESSION_ONLY},

    {HM_GET, "/api/v1/users", api_users_list, 0, ACC_ADMIN},
    {HM_POST, "/api/v1/users", api_users_create, BODY, ACC_ADMIN},
    {HM_GET, "/api/v1/users/{id}", api_users_get, 0, ACC_ADMIN},
    {HM_PATCH, "/api/v1/users/{id}", api_users_update, BODY, ACC_ADMIN},

    {HM_GET, "/api/v1/projects", api_projects_list, 0, USERS},
    {HM_POST, "/api/v1/projects", api_projects_create, BODY, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}", api_projects_get, 0, USERS | ACC_CI},
    {HM_PATCH, "/api/v1/projects/{slug}", api_projects_update, BODY, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}/environments", api_envs_list, 0, USERS | ACC_CI},
    {HM_POST, "/api/v1/projects/{slug}/environments", api_envs_create, BODY, EDITORS},

    {HM_GET, "/api/v1/projects/{slug}/tokens", api_tokens_list, 0, EDITORS},
    {HM_POST, "/api/v1/projects/{slug}/tokens", api_tokens_create, BODY, EDITORS},
    {HM_DELETE, "/api/v1/projects/{slug}/tokens/{id}", api_tokens_revoke, 0, EDITORS},

    {HM_GET, "/api/v1/tokens", api_mytokens_list, 0, USERS},
    {HM_POST, "/api/v1/tokens", api_mytokens_create, BODY, USERS},
    {HM_DELETE, "/api/v1/tokens/{id}", api_mytokens_revoke, 0, USERS},

    {HM_GET, "/api/v1/projects/{slug}/environments/{env}/policy", api_policy_get, 0,
     USERS | ACC_CI},
    {HM_PUT, "/api/v1/projects/{slug}/environments/{env}/policy", api_policy_put, 1u << 20,
     EDITORS | ACC_CI},
    {HM_GET, "/api/v1/projects/{slug}/environments/{env}/policy/versions", api_policy_versions, 0,
     USERS | ACC_CI},
    {HM_GET, "/api/v1/projects/{slug}/environments/{env}/policy/versions/{n}", api_policy_version,
     0, USERS | ACC_CI},
    {HM_POST, "/api/v1/projects/{slug}/environments/{env}/policy/rollback", api_policy_rollback,
     BODY, EDITORS | ACC_CI},

    {HM_GET, "/api/v1/projects/{slug}/agents", api_agents_list, 0, USERS | ACC_CI},
    {HM_DELETE, "/api/v1/projects/{slug}/agents/{agent_id}", api_agents_delete, 0, EDITORS},

    {HM_GET, "/api/v1/projects/{slug}/events", api_events_list, 0, USERS | ACC_CI},
    {HM_GET, "/api/v1/projects/{slug}/events/export", api_events_export, 0, USERS | ACC_CI},
    {HM_POST, "/api/v1/projects/{slug}/events/triage", api_events_triage, BODY, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}/events/groups", api_events_groups, 0, USERS | ACC_CI},
    {HM_GET, "/api/v1/projects/{slug}/events/{id}", api_events_get, 0, USERS | ACC_CI},
    {HM_PATCH, "/api/v1/projects/{slug}/events/{id}", api_events_update, 4 * KB, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}/stats", api_events_stats, 0, USERS | ACC_CI},

    {HM_GET, "/api/v1/projects/{slug}/channels", api_channels_list, 0, USERS},
    {HM_POST, "/api/v1/projects/{slug}/channels", api_channels_create, 16 * KB, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}/channels/{id}", api_channels_get, 0, USERS},
    {HM_PATCH, "/api/v1/projects/{slug}/channels/{id}", api_channels_update, 16 * KB, EDITORS},
    {HM_DELETE, "/api/v1/projects/{slug}/channels/{id}", api_channels_delete, 0, EDITORS},
    {HM_GET, "/api/v1/projects/{slug}/channels/{id}/deliveries", api_channels_deliveries, 0, USERS},
    {HM_POST, "/api/v1/projects/{slug}/channels/{id}/test", api_channels_test, BODY, EDITORS},

    {HM_GET, "/api/v1/agent/policy", api_agent_policy, 0, ACC_AGENT},
    {HM_POST, "/api/v1/agent/events", api_agent_events, 2u << 20, ACC_AGENT},

    {HM_POST, "/api/v1/live/ticket", api_live_ticket, 4 * KB, USERS | ACC_SESSION_ONLY},

    {HM_GET, "/api/v1/audit", api_audit_list, 0, ACC_ADMIN},
};

const int http_route_count = (int)(sizeof http_routes / sizeof http_routes[0]);

int http_method_parse(const char *m)
{
	static const struct {
		const char *name;
		int bit;
	} t[] = {{"GET", HM_GET}, {"HEAD", HM_HEAD},   {"POST", HM_POST},
	         {"PUT", HM_PUT}, {"PATCH", HM_PATCH}, {"DELETE", HM_DELETE}};

	for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(m, t[i].name) == 0)
			return t[i].bit;
	return 0;
}

void http_allow_string(int mask, char *out, size_t cap)
{
	static const char *names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};
	size_t o = 0;

	out[0] = '\0';
	if (mask & HM_GET)
		mask |= HM_HEAD;
	for (int i = 0; i < 6; i++) {
		if (!(mask & (1 << i)))
			continue;
		int w = snprintf(out + o, cap - o, "%s%s", o ? ", " : "", names[i]);
		if (w < 0 || (size_t)w >= cap - o)
			break;
		o += (size_t)w;
	}
}

/* Compares the pattern with the path segment by segment. On a match the
 * decoded parameters are written to params (heap) and 1 is returned; 0 on
 * no match; -1 when a segment fails to decode. */
static int route_try(const char *pattern, const char *path, char **params)
{
	const char *p = pattern, *u = path;
	int np = 0;

	while (*p && *u) {
		const char *pe, *ue;
		size_t pl, ul;

		if (*p != '/' || *u != '/')
			return 0;
		p++;
		u++;
		pe = strchr(p, '/');
		ue = strchr(u, '/');
		pl = pe ? (size_t)(pe - p) : strlen(p);
		ul = ue ? (size_t)(ue - u) : strlen(u);
		if (p[0] == '{') {
			char dec[256];
			if (ul == 0)
				return 0;
			if (http_pct_decode(u, ul, dec, sizeof dec) < 0)
				return -1;
			if (params && np < HTTP_MAX_PARAMS)
				params[np] = xstrdup(dec);
			np++;
		} else if (pl != ul || strncmp(p, u, pl) != 0) {
			return 0;
		}
		p += pl;
		u += ul;
	}
	return *p == '\0' && *u == '\0';
}

int http_route_match(struct http_req *r, int method, const char *path, int *allow)
{
	int bad = 0;

	*allow = 0;
	for (int i = 0; i < http_route_count; i++) {
		int m = route_try(http_routes[i].pattern, path, NULL);
		if (m < 0)
			bad = 1;
		if (m <= 0)
			continue;
		*allow |= http_routes[i].method;
		if (http_routes[i].method == method ||
		    (method == HM_HEAD && http_routes[i].method == HM_GET)) {
			route_try(http_routes[i].pattern, path, r->params);
			return i;
		}
	}
	return bad && !*allow ? -2 : -1;
}
