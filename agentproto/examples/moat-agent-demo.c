/*
 * moat-agent-demo — the smallest real agent: connects to moatd with
 * libmoatagent, prints every policy version as it arrives with the
 * effective modes, and reports sample events (on SIGUSR1, or --send N).
 *
 *   moat-agent-demo --url ws://127.0.0.1:8081/v1/agent --token moat_agt_...
 *                   --env production --id demo-1 [--send N] [--until-acked]
 *                   [--until-version V] [--timeout S] [--ca-file PEM]
 *                   [--token-in-hello] [--log-level debug|info|warn|error]
 *
 * stdout, one line each (for people and for tests):
 *   connected
 *   policy version 4 sha256 9f2c...
 *   modes sql_injection=block nosql_injection=block xss=monitor ...
 *   reported N
 *   stats queued=... sent=... acked=... duplicates=... rejected=... ...
 * Exits 0 on SIGINT/SIGTERM, or when --until-acked / --until-version is
 * met; 1 when --timeout passes first; 2 on bad arguments.
 *
 * Threads: main waits for signals (all blocked, sigtimedwait) and polls
 * the agent's stats; the policy callback prints from the connection
 * thread (stdout is line buffered, one printf per line).
 */
#include <libwebsockets.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "moatagent.h"

struct demo_opts {
	struct moat_agent_config cfg;
	long send;
	int until_acked;
	long long until_version;
	long timeout_s;
};

static void demo_usage(void)
{
	fprintf(stderr, "usage: moat-agent-demo --url URL --token TOKEN --env ENV --id AGENT_ID\n"
	                "         [--send N] [--until-acked] [--until-version V] [--timeout S]\n"
	                "         [--ca-file PEM] [--token-in-hello] [--hostname H]\n"
	                "         [--log-level debug|info|warn|error]\n");
}

static int demo_num(const char *s, long long min, long long max, long long *out)
{
	char *end = NULL;
	long long v;

	if (!s || !*s)
		return -1;
	v = strtoll(s, &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int demo_level(const char *s)
{
	static const char *const names[] = {"debug", "info", "warn", "error"};

	for (int i = 0; i < 4; i++)
		if (s && !strcmp(s, names[i]))
			return MOAT_LOG_DEBUG + i;
	return -1;
}

static int demo_parse(int argc, char **argv, struct demo_opts *o)
{
	long long v;

	memset(o, 0, sizeof *o);
	o->cfg.runtime = "c demo";
	for (int i = 1; i < argc; i++) {
		const char *k = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(k, "--until-acked")) {
			o->until_acked = 1;
			continue;
		}
		if (!strcmp(k, "--token-in-hello")) {
			o->cfg.token_in_hello = 1;
			continue;
		}
		if (!val)
			return -1;
		i++;
		if (!strcmp(k, "--url"))
			o->cfg.url = val;
		else if (!strcmp(k, "--token"))
			o->cfg.token = val;
		else if (!strcmp(k, "--env"))
			o->cfg.environment = val;
		else if (!strcmp(k, "--id"))
			o->cfg.agent_id = val;
		else if (!strcmp(k, "--hostname"))
			o->cfg.hostname = val;
		else if (!strcmp(k, "--ca-file"))
			o->cfg.ca_file = val;
		else if (!strcmp(k, "--send") && !demo_num(val, 0, 100000000, &v))
			o->send = (long)v;
		else if (!strcmp(k, "--until-version") && !demo_num(val, 1, INT64_MAX, &v))
			o->until_version = v;
		else if (!strcmp(k, "--timeout") && !demo_num(val, 1, 86400, &v))
			o->timeout_s = (long)v;
		else if (!strcmp(k, "--log-level") && demo_level(val) >= 0)
			o->cfg.log_level = demo_level(val);
		else
			return -1;
	}
	if (!o->cfg.url || !o->cfg.token || !o->cfg.environment || !o->cfg.agent_id)
		return -1;
	/* the demo queues everything it is told to send (a sample is < 1 KiB) */
	if ((size_t)o->send > 10000) {
		o->cfg.queue_max_events = (size_t)o->send;
		o->cfg.queue_max_bytes = (size_t)o->send * 1024;
	}
	return 0;
}

static void demo_on_policy(const struct moat_policy *p, void *arg)
{
	static const char *const names[] = {
	    "sql_injection",     "nosql_injection",      "xss", "ssrf", "path_traversal",
	    "command_injection", "llm_prompt_injection",
	};
	char line[1024];
	size_t n;

	(void)arg;
	printf("policy version %lld sha256 %s\n", (long long)moat_policy_version(p),
	       moat_policy_sha256(p));
	n = (size_t)snprintf(line, sizeof line, "modes");
	for (size_t i = 0; i < sizeof names / sizeof names[0] && n < sizeof line; i++)
		n += (size_t)snprintf(line + n, sizeof line - n, " %s=%s", names[i],
		                      moat_mode_name(moat_policy_mode(p, names[i])));
	printf("%s\n", line);
}

static int demo_report(struct moat_agent *a, long i)
{
	char details[64];
	struct moat_event ev = {
	    .interceptor = "sql_injection",
	    .action = "blocked",
	    .severity = "high",
	    .confidence = 0.97,
	    .source_ip = "203.0.113.9",
	    .method = "POST",
	    .endpoint = "/api/login",
	    .payload = "' OR 1=1 --",
	    .operation = "SELECT * FROM users WHERE name = '' OR 1=1 --'",
	    .file = "app/auth.c",
	    .line = 42,
	    .function = "login",
	    .rule = "sqli.tautology",
	    .details_json = details,
	};

	snprintf(details, sizeof details, "{\"demo\":true,\"n\":%ld}", i);
	return moat_agent_report(a, &ev, NULL);
}

static void demo_print_stats(struct moat_agent *a)
{
	struct moat_agent_stats s;

	moat_agent_stats(a, &s);
	printf("stats queued=%llu sent=%llu acked=%llu duplicates=%llu rejected=%llu "
	       "dropped_full=%llu invalid=%llu pending=%llu reconnects=%llu policies=%llu "
	       "policy_errors=%llu policy_version=%lld connected=%d last_close=%d\n",
	       (unsigned long long)s.queued, (unsigned long long)s.sent,
	       (unsigned long long)s.acked, (unsigned long long)s.duplicates,
	       (unsigned long long)s.rejected, (unsigned long long)s.dropped_full,
	       (unsigned long long)s.invalid, (unsigned long long)s.pending,
	       (unsigned long long)s.reconnects, (unsigned long long)s.policies,
	       (unsigned long long)s.policy_errors, (long long)s.policy_version, s.connected,
	       s.last_close_code);
}

int main(int argc, char **argv)
{
	struct demo_opts o;
	struct moat_agent *a;
	char err[256];
	sigset_t set;
	struct timespec tick = {0, 100 * 1000 * 1000}, start, now;
	long reported = 0, usr1 = 0;
	int was_connected = 0, rc = 0;

	if (demo_parse(argc, argv, &o)) {
		demo_usage();
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	lws_set_log_level(LLL_ERR | LLL_WARN, NULL);
	/* Block the signals before any thread starts, so only main gets them. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	a = moat_agent_new(&o.cfg, err, sizeof err);
	if (!a) {
		fprintf(stderr, "moat-agent-demo: %s\n", err);
		return 2;
	}
	moat_agent_on_policy(a, demo_on_policy, NULL);
	for (long i = 0; i < o.send; i++)
		if (demo_report(a, i) == 0)
			reported++;
	if (o.send)
		printf("reported %ld\n", reported);
	if (moat_agent_start(a)) {
		fprintf(stderr, "moat-agent-demo: cannot start (TLS setup or thread)\n");
		moat_agent_free(a);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		struct moat_agent_stats s;
		int sig = sigtimedwait(&set, NULL, &tick);
		if (sig == SIGINT || sig == SIGTERM)
			break;
		if (sig == SIGUSR1 && demo_report(a, o.send + usr1++) == 0) {
			reported++;
			printf("reported 1\n");
		}
		moat_agent_stats(a, &s);
		if (s.connected && !was_connected)
			printf("connected\n");
		was_connected = s.connected;
		if ((o.until_acked || o.until_version) &&
		    (!o.until_acked || s.acked + s.duplicates + s.rejected >= (uint64_t)reported) &&
		    (!o.until_version || s.policy_version >= o.until_version))
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (o.timeout_s && now.tv_sec - start.tv_sec >= o.timeout_s) {
			fprintf(stderr, "moat-agent-demo: timeout\n");
			rc = 1;
			break;
		}
	}
	moat_agent_stop(a);
	demo_print_stats(a);
	moat_agent_free(a);
	return rc;
}
