/*
 * config.h — moatd serve's configuration: one table of directives (flag,
 * environment variable, type, default, bounds). Parsed in main before any
 * thread starts; read-only afterwards, so any thread may read it.
 */
#ifndef MOAT_CONFIG_H
#define MOAT_CONFIG_H

#include <limits.h>
#include <stdio.h>

struct config {
	char listen[128];
	char agent_listen[128];
	char db[PATH_MAX];
	char web_root[PATH_MAX];
	char chart_js[PATH_MAX]; /* the chart library's file (libjs-chart.js) */
	int log_level;
	char public_url[512];
	int trust_proxy;
	int http_threads;
	int session_idle_minutes;
	int session_max_hours;
	int login_ip_limit;             /* failed logins per address per window */
	int login_account_limit;        /* failed logins per account per window */
	int agent_heartbeat_s;          /* ping after this many quiet seconds */
	int notify_timeout_ms;          /* one delivery attempt, at most */
	int notify_max_attempts;        /* then the delivery is dead */
	int notify_seed;                /* tests: the backoff jitter's seed (0 = random) */
	int notify_offline_grace_s;     /* an environment all offline this long is reported */
	int notify_alert_scan_ms;       /* operator alerts are looked for this often */
	int sync_full;                  /* SQLite synchronous=FULL */
	int retention_days;             /* events older than this are purged (0 = keep) */
	int agent_prune_days;           /* offline agents older than this leave the inventory */
	int allow_private_webhooks;     /* channels may target private addresses */
	char test_clock_file[PATH_MAX]; /* tests only: see timefmt_test_clock() */
	int request_timeout_s;          /* a request's header and body arrive within this */
	int max_conns_per_ip;           /* HTTP connections per client address (0: no cap) */
};

/* Fills c with defaults, then MOAT_* environment variables, then argv
 * flags (argv[0] is the subcommand). On error writes a message to err and
 * returns MOAT_EINVALID. *help is set when --help was given. */
int config_parse(struct config *c, int argc, char **argv, int *help, char *err, size_t errlen);
/* Prints the directive table (flags, env vars, defaults) to f. */
void config_usage(FILE *f);
/* Logs the effective configuration (secrets redacted) at info level. */
void config_log(const struct config *c);
/* Splits "host:port" (or "[v6]:port"); 0 or MOAT_EINVALID. */
int config_split_addr(const char *s, char *host, size_t hostlen, int *port);

#endif
