/*
 * ma_agent.c — the public face of libmoatagent: configuration, lifecycle,
 * event reporting, statistics, and the current policy snapshot.
 *
 * Threads: new/start/stop/free on the application's control thread;
 * report/policy/stats/on_policy from any thread. The agent owns its copy
 * of the configuration (read-only after new), the event queue (its own
 * lock), the current snapshot (pol_lock) and the counters (atomics). The
 * connection itself lives in ma_conn.c, on the connection thread.
 */
#include "ma_int.h"

#include <libwebsockets.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *moat_agent_strerror(int err)
{
	switch (err) {
	case MOAT_AGENT_OK:
		return "ok";
	case MOAT_AGENT_EINVAL:
		return "invalid argument, configuration or event";
	case MOAT_AGENT_EFULL:
		return "event queue full";
	case MOAT_AGENT_ESTATE:
		return "agent already started or stopped";
	case MOAT_AGENT_EIO:
		return "cannot create the network context or thread";
	case MOAT_AGENT_ENOMEM:
		return "out of memory";
	default:
		return "unknown error";
	}
}

int ma_url_parse(const char *url, struct ma_url *out)
{
	const char *p, *host_end, *rest;
	size_t hl;

	memset(out, 0, sizeof *out);
	if (!url)
		return -1;
	if (!strncmp(url, "ws://", 5)) {
		p = url + 5;
		out->port = 80;
	} else if (!strncmp(url, "wss://", 6)) {
		p = url + 6;
		out->tls = 1;
		out->port = 443;
	} else {
		return -1;
	}
	if (*p == '[') {
		host_end = strchr(p, ']');
		if (!host_end)
			return -1;
		hl = (size_t)(host_end - p - 1);
		if (hl == 0 || hl >= sizeof out->host)
			return -1;
		memcpy(out->host, p + 1, hl);
		rest = host_end + 1;
	} else {
		hl = strcspn(p, ":/?#");
		if (hl == 0 || hl >= sizeof out->host)
			return -1;
		memcpy(out->host, p, hl);
		rest = p + hl;
	}
	out->host[hl] = '\0';
	if (*rest == ':') {
		long port = 0;
		rest++;
		if (*rest < '0' || *rest > '9')
			return -1;
		while (*rest >= '0' && *rest <= '9') {
			port = port * 10 + (*rest - '0');
			if (port > 65535)
				return -1;
			rest++;
		}
		if (port == 0)
			return -1;
		out->port = (int)port;
	}
	if (*rest == '\0') {
		snprintf(out->path, sizeof out->path, "/v1/agent");
		return 0;
	}
	if (*rest != '/' || strlen(rest) >= sizeof out->path || strchr(rest, '#'))
		return -1;
	snprintf(out->path, sizeof out->path, "%s", rest);
	return 0;
}

static int ma_agent_id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 1 || n > 128)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == ':' || c == '-'))
			return 0;
	}
	return 1;
}

/* Frees what moat_agent_new copied (the strings and a itself). */
static void ma_agent_free_config(struct moat_agent *a)
{
	free(a->url);
	free(a->token);
	free(a->environment);
	free(a->agent_id);
	free(a->hostname);
	free(a->runtime);
	free(a->agent_version);
	free(a->ca_file);
	free(a);
}

static struct moat_agent *ma_agent_refuse(char *err, size_t errlen, const char *why)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", why);
	return NULL;
}

struct moat_agent *moat_agent_new(const struct moat_agent_config *cfg, char *err, size_t errlen)
{
	struct moat_agent *a;
	struct ma_url u;
	char host[256];

	if (!cfg)
		return ma_agent_refuse(err, errlen, "no configuration");
	if (ma_url_parse(cfg->url, &u))
		return ma_agent_refuse(err, errlen,
		                       "url: must be ws://host[:port][/path] or wss://...");
	if (!cfg->token || !*cfg->token || strlen(cfg->token) > 512 || strpbrk(cfg->token, "\r\n"))
		return ma_agent_refuse(err, errlen, "token: required, one line");
	if (!cfg->environment || !*cfg->environment || strlen(cfg->environment) > 40)
		return ma_agent_refuse(err, errlen, "environment: required, at most 40 bytes");
	if (!ma_agent_id_ok(cfg->agent_id))
		return ma_agent_refuse(err, errlen, "agent_id: 1-128 of A-Za-z0-9._:-");
	/* PROTOCOL.md: string limits are bytes of UTF-8 */
	if (cfg->hostname && strlen(cfg->hostname) > 255)
		return ma_agent_refuse(err, errlen, "hostname: at most 255 bytes");
	if ((cfg->runtime && strlen(cfg->runtime) > 64) ||
	    (cfg->agent_version && strlen(cfg->agent_version) > 64))
		return ma_agent_refuse(err, errlen, "runtime, agent_version: at most 64 bytes");
	if (cfg->batch_max_events < 0 || cfg->batch_max_events > MA_MAX_BATCH)
		return ma_agent_refuse(err, errlen, "batch_max_events: 1-500");
	if (cfg->flush_ms < 0 || cfg->connect_timeout_ms < 0 || cfg->stop_timeout_ms < 0)
		return ma_agent_refuse(err, errlen, "timeouts must not be negative");
	if (cfg->ca_file && !u.tls)
		return ma_agent_refuse(err, errlen, "ca_file: only for wss:// URLs");

	/* jansson's seed and allocator are the application's: never set here */
	a = ma_calloc(1, sizeof *a);
	if (!a)
		return ma_agent_refuse(err, errlen, "out of memory");
	a->u = u;
	a->url = ma_strdup(cfg->url);
	a->token = ma_strdup(cfg->token);
	a->environment = ma_strdup(cfg->environment);
	a->agent_id = ma_strdup(cfg->agent_id);
	if (cfg->hostname) {
		a->hostname = ma_strdup(cfg->hostname);
	} else {
		if (gethostname(host, sizeof host) != 0)
			snprintf(host, sizeof host, "unknown");
		host[sizeof host - 1] = '\0';
		a->hostname = ma_strdup(host);
	}
	a->runtime = ma_strdup(cfg->runtime ? cfg->runtime : "c");
	a->agent_version =
	    ma_strdup(cfg->agent_version ? cfg->agent_version : "libmoatagent " MOATAGENT_VERSION);
	a->ca_file = ma_strdup(cfg->ca_file);
	a->token_in_hello = cfg->token_in_hello != 0;
	a->queue_max_events = cfg->queue_max_events ? cfg->queue_max_events : 10000;
	a->queue_max_bytes = cfg->queue_max_bytes ? cfg->queue_max_bytes : 32u << 20;
	a->batch_max_events = cfg->batch_max_events ? cfg->batch_max_events : MA_MAX_BATCH;
	a->flush_ms = cfg->flush_ms ? cfg->flush_ms : 200;
	a->connect_timeout_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms : 10000;
	a->stop_timeout_ms = cfg->stop_timeout_ms ? cfg->stop_timeout_ms : 2000;
	a->log.fn = cfg->log_fn;
	a->log.arg = cfg->log_arg;
	a->log.level = cfg->log_level ? cfg->log_level : MOAT_LOG_WARN;
	if (!a->url || !a->token || !a->environment || !a->agent_id || !a->hostname ||
	    !a->runtime || !a->agent_version || (cfg->ca_file && !a->ca_file) ||
	    ma_queue_init(&a->queue, a->queue_max_events, a->queue_max_bytes)) {
		ma_agent_free_config(a);
		return ma_agent_refuse(err, errlen, "out of memory");
	}
	pthread_mutex_init(&a->pol_lock, NULL);
	pthread_rwlock_init(&a->wake_lock, NULL);
	return a;
}

int moat_agent_start(struct moat_agent *a)
{
	int rc;

	if (a->state != MA_ST_NEW)
		return MOAT_AGENT_ESTATE;
	rc = ma_conn_start(a);
	if (rc == 0)
		a->state = MA_ST_RUNNING;
	return rc;
}

void moat_agent_stop(struct moat_agent *a)
{
	if (!a || a->state != MA_ST_RUNNING)
		return;
	MA_ATOMIC_SET(&a->stop_req, 1);
	ma_agent_wake(a);
	/* Called from the policy callback (not allowed, but not fatal): the
	 * thread cannot join itself; it stops on its own, and the control
	 * thread's stop or free joins it later. */
	if (pthread_equal(pthread_self(), a->thread))
		return;
	ma_conn_join(a);
	a->state = MA_ST_STOPPED;
}

void moat_agent_free(struct moat_agent *a)
{
	if (!a)
		return;
	moat_agent_stop(a);
	ma_queue_cleanup(&a->queue);
	moat_policy_release(a->policy);
	pthread_mutex_destroy(&a->pol_lock);
	pthread_rwlock_destroy(&a->wake_lock);
	ma_agent_free_config(a);
}

void ma_agent_wake(struct moat_agent *a)
{
	/* Lock order: nothing else is held here (callers release the queue
	 * lock first). lws_cancel_service is the one lws call other threads
	 * may make. */
	pthread_rwlock_rdlock(&a->wake_lock);
	if (a->ctx)
		lws_cancel_service(a->ctx);
	pthread_rwlock_unlock(&a->wake_lock);
}

int moat_agent_report(struct moat_agent *a, const struct moat_event *ev, char out_id[37])
{
	char reason[160], id[MA_UUID_LEN];
	char *json;
	size_t len, count;
	int rc;

	if (!a || !ev)
		return MOAT_AGENT_EINVAL;
	rc = ma_event_encode(ev, ma_now_ms(), &json, &len, id, reason, sizeof reason);
	if (rc == MOAT_AGENT_ENOMEM || rc == MOAT_AGENT_EIO) {
		/* the caller sees the error: the event is not queued */
		ma_log(&a->log, MOAT_LOG_WARN, "msg=\"event not queued\" reason=\"%s\"",
		       moat_agent_strerror(rc));
		return rc;
	}
	if (rc) {
		char q[200];
		MA_ATOMIC_ADD(&a->ctr.invalid, 1);
		ma_log(&a->log, MOAT_LOG_DEBUG, "msg=\"event refused\" reason=%s",
		       ma_quote(q, sizeof q, reason));
		return rc;
	}
	rc = ma_queue_push(&a->queue, json, len, &count);
	if (rc) {
		free(json);
		/* counted, and the caller sees EFULL: never silent */
		MA_ATOMIC_ADD(&a->ctr.dropped_full, 1);
		return rc;
	}
	MA_ATOMIC_ADD(&a->ctr.queued, 1);
	MA_ATOMIC_ADD(&a->ctr.pending, 1);
	if (out_id)
		memcpy(out_id, id, MA_UUID_LEN);
	/* A full batch is ready: wake the connection thread now rather than
	 * at its next flush tick (once per batch, not once per event). */
	if (count == (size_t)a->batch_max_events)
		ma_agent_wake(a);
	return 0;
}

void moat_agent_stats(struct moat_agent *a, struct moat_agent_stats *out)
{
	memset(out, 0, sizeof *out);
	out->queued = MA_ATOMIC_GET(&a->ctr.queued);
	out->invalid = MA_ATOMIC_GET(&a->ctr.invalid);
	out->dropped_full = MA_ATOMIC_GET(&a->ctr.dropped_full);
	out->sent = MA_ATOMIC_GET(&a->ctr.sent);
	out->acked = MA_ATOMIC_GET(&a->ctr.acked);
	out->duplicates = MA_ATOMIC_GET(&a->ctr.duplicates);
	out->rejected = MA_ATOMIC_GET(&a->ctr.rejected);
	out->pending = MA_ATOMIC_GET(&a->ctr.pending);
	out->reconnects = MA_ATOMIC_GET(&a->ctr.reconnects);
	out->policies = MA_ATOMIC_GET(&a->ctr.policies);
	out->policy_errors = MA_ATOMIC_GET(&a->ctr.policy_errors);
	out->connected = MA_ATOMIC_GET(&a->ctr.connected);
	out->last_close_code = MA_ATOMIC_GET(&a->ctr.last_close_code);
	out->policy_version = ma_agent_policy_version(a);
}

/* ---- the current snapshot ---- */

const struct moat_policy *moat_agent_policy(struct moat_agent *a)
{
	const struct moat_policy *p;

	pthread_mutex_lock(&a->pol_lock);
	p = moat_policy_retain(a->policy);
	pthread_mutex_unlock(&a->pol_lock);
	return p;
}

int64_t ma_agent_policy_version(struct moat_agent *a)
{
	int64_t v;

	pthread_mutex_lock(&a->pol_lock);
	v = moat_policy_version(a->policy);
	pthread_mutex_unlock(&a->pol_lock);
	return v;
}

void moat_agent_on_policy(struct moat_agent *a, void (*cb)(const struct moat_policy *p, void *arg),
                          void *arg)
{
	pthread_mutex_lock(&a->pol_lock);
	a->cb = cb;
	a->cb_arg = arg;
	pthread_mutex_unlock(&a->pol_lock);
}

void ma_agent_set_policy(struct moat_agent *a, struct moat_policy *p)
{
	struct moat_policy *old;
	void (*cb)(const struct moat_policy *, void *);
	void *arg;

	pthread_mutex_lock(&a->pol_lock);
	old = a->policy;
	a->policy = p;
	cb = a->cb;
	arg = a->cb_arg;
	pthread_mutex_unlock(&a->pol_lock);
	/* Readers holding old keep it alive; this drops the agent's reference. */
	moat_policy_release(old);
	MA_ATOMIC_ADD(&a->ctr.policies, 1);
	if (cb)
		cb(p, arg);
}
