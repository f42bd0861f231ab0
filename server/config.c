/*
 * config.c — the directive table and its parser; see config.h.
 * Main thread only, before any other thread starts.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "log.h"

enum cfg_type { CFG_STR, CFG_INT, CFG_BOOL, CFG_LEVEL, CFG_SYNC };

struct cfg_directive {
	const char *flag;
	const char *env;
	int type;
	size_t offset;
	size_t size; /* for strings */
	const char *def;
	long min, max;
	const char *help;
};

#define S(field) offsetof(struct config, field), sizeof(((struct config *)0)->field)
#define I(field) offsetof(struct config, field), 0

static const struct cfg_directive cfg_table[] = {
    {"--listen", "MOAT_LISTEN", CFG_STR, S(listen), "127.0.0.1:8080", 0, 0,
     "HTTP address (REST, dashboard, /metrics); port 0 picks a free port"},
    {"--agent-listen", "MOAT_AGENT_LISTEN", CFG_STR, S(agent_listen), "127.0.0.1:8081", 0, 0,
     "agent WebSocket address; port 0 picks a free port"},
    {"--db", "MOAT_DB", CFG_STR, S(db), "var/moat.db", 0, 0, "SQLite database path"},
    {"--web-root", "MOAT_WEB_ROOT", CFG_STR, S(web_root), "web", 0, 0,
     "dashboard directory (loaded at start)"},
    {"--chart-js", "MOAT_CHART_JS", CFG_STR, S(chart_js),
     "/usr/share/javascript/chart.js/chart.min.js", 0, 0,
     "the dashboard's chart library (Debian's libjs-chart.js), served at /vendor/chart.js; "
     "empty or missing: no charts"},
    {"--log-level", "MOAT_LOG_LEVEL", CFG_LEVEL, I(log_level), "info", 0, 3,
     "debug | info | warn | error"},
    {"--public-url", "MOAT_PUBLIC_URL", CFG_STR, S(public_url), "", 0, 0,
     "external URL; https:// marks session cookies Secure"},
    {"--trust-proxy", "MOAT_TRUST_PROXY", CFG_BOOL, I(trust_proxy), "false", 0, 1,
     "take client address and scheme from X-Forwarded-For/-Proto"},
    {"--http-threads", "MOAT_HTTP_THREADS", CFG_INT, I(http_threads), "0", 0, 256,
     "HTTP worker threads (0 = two per CPU, at most 32)"},
    {"--session-idle-minutes", "MOAT_SESSION_IDLE_MINUTES", CFG_INT, I(session_idle_minutes), "720",
     1, 525600, "a session unused this long expires"},
    {"--session-max-hours", "MOAT_SESSION_MAX_HOURS", CFG_INT, I(session_max_hours), "168", 1, 8760,
     "a session expires this long after login whatever its use"},
    {"--login-ip-limit", "MOAT_LOGIN_IP_LIMIT", CFG_INT, I(login_ip_limit), "10", 1, 100000,
     "failed logins per client address per 5 minutes before 429"},
    {"--login-account-limit", "MOAT_LOGIN_ACCOUNT_LIMIT", CFG_INT, I(login_account_limit), "5", 1,
     100000, "failed logins per account per 15 minutes before 429"},
    {"--agent-heartbeat", "MOAT_AGENT_HEARTBEAT", CFG_INT, I(agent_heartbeat_s), "20", 1, 3600,
     "seconds of silence before an agent is pinged; three times that and it is dropped"},
    {"--notify-timeout-ms", "MOAT_NOTIFY_TIMEOUT_MS", CFG_INT, I(notify_timeout_ms), "10000", 100,
     120000, "a notification delivery attempt that has no answer this long fails (retried)"},
    {"--notify-max-attempts", "MOAT_NOTIFY_MAX_ATTEMPTS", CFG_INT, I(notify_max_attempts), "10", 1,
     100, "attempts of one delivery before it is dead (backoff from 1 s doubling to 5 min)"},
    {"--notify-seed", "MOAT_NOTIFY_SEED", CFG_INT, I(notify_seed), "0", 0, 2147483647,
     "tests only: seed of the delivery backoff's jitter (0 = random)"},
    {"--notify-offline-grace", "MOAT_NOTIFY_OFFLINE_GRACE", CFG_INT, I(notify_offline_grace_s),
     "300", 1, 86400,
     "an environment whose agents have all been offline this many seconds is reported to the "
     "channels that subscribe to it"},
    {"--notify-alert-scan-ms", "MOAT_NOTIFY_ALERT_SCAN_MS", CFG_INT, I(notify_alert_scan_ms),
     "5000", 100, 3600000, "how often the notifier looks for operator alerts"},
    {"--sync", "MOAT_SYNC", CFG_SYNC, I(sync_full), "normal", 0, 1,
     "normal: commits survive a crash of moatd; full: also a power loss (fsync per commit)"},
    {"--retention-days", "MOAT_RETENTION_DAYS", CFG_INT, I(retention_days), "30", 0, 36500,
     "events older than this are purged, a little at a time (0 = keep forever)"},
    {"--agent-prune-days", "MOAT_AGENT_PRUNE_DAYS", CFG_INT, I(agent_prune_days), "30", 0, 36500,
     "agents offline this long leave the inventory; their events stay (0 = never)"},
    {"--allow-private-webhooks", "MOAT_ALLOW_PRIVATE_WEBHOOKS", CFG_BOOL, I(allow_private_webhooks),
     "false", 0, 1,
     "let notification channels target loopback, private and link-local addresses (tests, "
     "labs); refused otherwise, at creation and on the address connected to"},
    {"--test-clock-file", "MOAT_TEST_CLOCK_FILE", CFG_STR, S(test_clock_file), "", 0, 0,
     "tests only: a file whose first 8 bytes (little-endian) are seconds added to the wall "
     "clock of expiries, sessions and the audit log, read on every use"},
    {"--request-timeout", "MOAT_REQUEST_TIMEOUT", CFG_INT, I(request_timeout_s), "30", 1, 3600,
     "seconds for a request's header and body to arrive, from the connection's start or the "
     "previous answer on it; then the connection is closed"},
    {"--max-connections-per-ip", "MOAT_MAX_CONNECTIONS_PER_IP", CFG_INT, I(max_conns_per_ip), "128",
     0, 4096,
     "HTTP connections one client address may hold open (0 = no cap); more are closed at once"},
};

#define CFG_N (sizeof cfg_table / sizeof cfg_table[0])

static int cfg_set(struct config *c, const struct cfg_directive *d, const char *v, char *err,
                   size_t errlen)
{
	char *base = (char *)c + d->offset;
	char *end = NULL;
	long n;

	switch (d->type) {
	case CFG_STR:
		if (strlen(v) >= d->size) {
			snprintf(err, errlen, "%s: value too long", d->flag);
			return MOAT_EINVALID;
		}
		memcpy(base, v, strlen(v) + 1);
		return MOAT_OK;
	case CFG_INT:
		n = strtol(v, &end, 10);
		if (!*v || *end || n < d->min || n > d->max) {
			snprintf(err, errlen, "%s: want an integer from %ld to %ld, got \"%s\"",
			         d->flag, d->min, d->max, v);
			return MOAT_EINVALID;
		}
		*(int *)(void *)base = (int)n;
		return MOAT_OK;
	case CFG_BOOL:
		if (!strcmp(v, "true") || !strcmp(v, "1") || !strcmp(v, "yes")) {
			*(int *)(void *)base = 1;
		} else if (!strcmp(v, "false") || !strcmp(v, "0") || !strcmp(v, "no")) {
			*(int *)(void *)base = 0;
		} else {
			snprintf(err, errlen, "%s: want true or false, got \"%s\"", d->flag, v);
			return MOAT_EINVALID;
		}
		return MOAT_OK;
	case CFG_SYNC:
		if (strcmp(v, "normal") && strcmp(v, "full")) {
			snprintf(err, errlen, "%s: want normal or full", d->flag);
			return MOAT_EINVALID;
		}
		*(int *)(void *)base = !strcmp(v, "full");
		return MOAT_OK;
	case CFG_LEVEL:
		if (log_level_parse(v, (int *)(void *)base) != MOAT_OK) {
			snprintf(err, errlen, "%s: want debug, info, warn or error", d->flag);
			return MOAT_EINVALID;
		}
		return MOAT_OK;
	}
	return MOAT_EINVALID;
}

int config_parse(struct config *c, int argc, char **argv, int *help, char *err, size_t errlen)
{
	*help = 0;
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < CFG_N; i++)
		if (cfg_set(c, &cfg_table[i], cfg_table[i].def, err, errlen))
			return MOAT_EINVALID;
	for (size_t i = 0; i < CFG_N; i++) {
		const char *v = getenv(cfg_table[i].env);
		if (v && cfg_set(c, &cfg_table[i], v, err, errlen))
			return MOAT_EINVALID;
	}
	for (int a = 1; a < argc; a++) {
		const char *arg = argv[a], *val = NULL, *eq;
		const struct cfg_directive *d = NULL;
		size_t flen;

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			*help = 1;
			return MOAT_OK;
		}
		eq = strchr(arg, '=');
		flen = eq ? (size_t)(eq - arg) : strlen(arg);
		for (size_t i = 0; i < CFG_N; i++)
			if (strlen(cfg_table[i].flag) == flen &&
			    !strncmp(cfg_table[i].flag, arg, flen))
				d = &cfg_table[i];
		if (!d) {
			snprintf(err, errlen, "unknown option %s (see --help)", arg);
			return MOAT_EINVALID;
		}
		if (eq) {
			val = eq + 1;
		} else if (d->type == CFG_BOOL && (a + 1 >= argc || argv[a + 1][0] == '-')) {
			val = "true";
		} else if (a + 1 < argc) {
			val = argv[++a];
		} else {
			snprintf(err, errlen, "%s needs a value", d->flag);
			return MOAT_EINVALID;
		}
		if (cfg_set(c, d, val, err, errlen))
			return MOAT_EINVALID;
	}
	if (c->http_threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		/* two per CPU: a worker waiting on SQLite leaves its CPU to the other */
		n *= 2;
		c->http_threads = n < 2 ? 2 : n > 32 ? 32 : (int)n;
	}
	{
		char host[128];
		int port;
		if (config_split_addr(c->listen, host, sizeof host, &port)) {
			snprintf(err, errlen, "--listen: want HOST:PORT, got \"%s\"", c->listen);
			return MOAT_EINVALID;
		}
		if (config_split_addr(c->agent_listen, host, sizeof host, &port)) {
			snprintf(err, errlen, "--agent-listen: want HOST:PORT, got \"%s\"",
			         c->agent_listen);
			return MOAT_EINVALID;
		}
	}
	return MOAT_OK;
}

void config_usage(FILE *f)
{
	for (size_t i = 0; i < CFG_N; i++)
		fprintf(f, "  %-26s %-26s %s (default: %s)\n", cfg_table[i].flag, cfg_table[i].env,
		        cfg_table[i].help, cfg_table[i].def[0] ? cfg_table[i].def : "none");
}

void config_log(const struct config *c)
{
	static const char *levels[] = {"debug", "info", "warn", "error"};
	char q[PATH_MAX + 8], q2[PATH_MAX + 8];

	LOG(LOG_INFO,
	    "msg=config listen=%s agent_listen=%s db=%s web_root=%s chart_js=%s log_level=%s "
	    "public_url=%s "
	    "trust_proxy=%d http_threads=%d session_idle_minutes=%d session_max_hours=%d "
	    "login_ip_limit=%d login_account_limit=%d sync=%s retention_days=%d "
	    "agent_prune_days=%d request_timeout=%d max_connections_per_ip=%d "
	    "allow_private_webhooks=%d",
	    c->listen, c->agent_listen, log_quote(q, sizeof q, c->db), c->web_root,
	    log_quote(q2, sizeof q2, c->chart_js), levels[c->log_level],
	    c->public_url[0] ? c->public_url : "\"\"", c->trust_proxy, c->http_threads,
	    c->session_idle_minutes, c->session_max_hours, c->login_ip_limit,
	    c->login_account_limit, c->sync_full ? "full" : "normal", c->retention_days,
	    c->agent_prune_days, c->request_timeout_s, c->max_conns_per_ip,
	    c->allow_private_webhooks);
}

int config_split_addr(const char *s, char *host, size_t hostlen, int *port)
{
	const char *colon;
	char *end = NULL;
	size_t hl;
	long p;

	if (s[0] == '[') {
		const char *rb = strchr(s, ']');
		if (!rb || rb[1] != ':')
			return MOAT_EINVALID;
		hl = (size_t)(rb - s - 1);
		if (hl == 0 || hl >= hostlen)
			return MOAT_EINVALID;
		memcpy(host, s + 1, hl);
		host[hl] = '\0';
		colon = rb + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon)
			return MOAT_EINVALID;
		hl = (size_t)(colon - s);
		if (hl == 0 || hl >= hostlen)
			return MOAT_EINVALID;
		memcpy(host, s, hl);
		host[hl] = '\0';
	}
	p = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || p < 0 || p > 65535)
		return MOAT_EINVALID;
	*port = (int)p;
	return MOAT_OK;
}
