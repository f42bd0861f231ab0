/*
 * cluster.c — see cluster.h. One thread per struct cluster, which owns
 * everything in it but the counters (atomics) and stop_fd's write end.
 *
 * The thread polls its connection's socket and the stop pipe. What
 * arrives on the channel is read (store_cluster_notifies), copied out of
 * libpq first, then handled: a policy version newer than the one this
 * instance last handed on for the environment goes to the policy hook; an
 * auth epoch above the last one seen goes to the auth hook. Every
 * repair_ms (and at once after listening again) it beats the heartbeat,
 * reaps dead instances and runs the check a missed notification needs:
 * the policy version rows above the highest it looked at (row ids follow
 * commit order: every version is inserted under the one write lock) and
 * the database's auth epoch. A lost connection is opened again with a
 * backoff of 100 ms doubling to 5 s; the new session listens to nothing
 * until LISTEN runs again, and what was committed meanwhile is found by
 * the check.
 *
 * The table of versions handed on is per environment and grows with the
 * environments heard of (an open-addressed hash of env id -> version).
 */
#include "cluster.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "log.h"
#include "timefmt.h"
#include "xalloc.h"

#define CL_BACKOFF_MIN_MS 100
#define CL_BACKOFF_MAX_MS 5000
#define CL_PAYLOAD_MAX    192
#define CL_PAGE           256

struct cl_env {
	int64_t env_id; /* 0: an empty slot */
	int64_t version;
};

struct cluster {
	struct cluster_config cfg;
	struct store *st;
	pthread_t thread;
	int stop_fd[2];
	unsigned session;   /* the session LISTEN ran in */
	int listening;      /* that session is still the connection's */
	int64_t mark;       /* the highest policy_versions.id looked at */
	int64_t seen;       /* the highest id a check read (handed on or not) */
	int64_t epoch;      /* the highest auth epoch handed on */
	int64_t started_at; /* unix seconds, for the instance row */
	int64_t reap_from;  /* no reaping before (unix seconds): see cl_thread */
	struct cl_env *envs;
	size_t nenv, capenv; /* capenv: a power of two, or 0 */
	/* payloads read, not yet handled (copied out of libpq) */
	char (*pending)[CL_PAYLOAD_MAX];
	size_t npending, cappending;
	struct cluster_stats stats; /* counters: atomics */
};

#define CL_ADD(c, field) __atomic_add_fetch(&(c)->stats.field, 1, __ATOMIC_RELAXED)

static int64_t cl_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- payloads ---- */

/* The decimal integer at *p (after spaces), advancing *p; -1 if none. */
static int cl_number(const char **p, int64_t *out)
{
	const char *s = *p;
	int64_t v = 0;
	int digits = 0;

	while (*s == ' ')
		s++;
	while (*s >= '0' && *s <= '9' && digits < 18) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits || (*s && *s != ' '))
		return -1;
	*p = s;
	*out = v;
	return 0;
}

int cluster_parse(const char *payload, int64_t v[3], char *from, size_t fromcap)
{
	const char *p = payload;
	int n, kind;

	if (fromcap)
		from[0] = '\0';

	if (!strncmp(p, "policy ", 7)) {
		kind = 'p';
		n = 3;
		p += 7;
	} else if (!strncmp(p, "auth ", 5)) {
		kind = 'a';
		n = 1;
		p += 5;
	} else {
		return 0;
	}
	for (int i = 0; i < n; i++)
		if (cl_number(&p, &v[i]))
			return 0;
	if (kind == 'p' && *p == ' ' && p[1] && !strchr(p + 1, ' ') && strlen(p + 1) < fromcap) {
		memcpy(from, p + 1, strlen(p + 1) + 1); /* the committing instance */
		return kind;
	}
	return *p ? 0 : kind;
}

/* ---- the versions handed on, per environment ---- */

static struct cl_env *cl_slot(struct cluster *c, int64_t env_id)
{
	size_t mask = c->capenv - 1;
	size_t i = (size_t)((uint64_t)env_id * 0x9e3779b97f4a7c15ull >> 20) & mask;

	while (c->envs[i].env_id && c->envs[i].env_id != env_id)
		i = (i + 1) & mask;
	return &c->envs[i];
}

static int64_t cl_known(struct cluster *c, int64_t env_id)
{
	return c->capenv ? cl_slot(c, env_id)->version : 0;
}

static void cl_remember(struct cluster *c, int64_t env_id, int64_t version)
{
	struct cl_env *e;

	if (2 * (c->nenv + 1) > c->capenv) { /* at most half full */
		struct cl_env *old = c->envs;
		size_t oldcap = c->capenv;
		c->capenv = oldcap ? oldcap * 2 : 64;
		c->envs = xcalloc(c->capenv, sizeof *c->envs);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].env_id)
				*cl_slot(c, old[i].env_id) = old[i];
		free(old);
	}
	e = cl_slot(c, env_id);
	if (!e->env_id) {
		e->env_id = env_id;
		c->nenv++;
	}
	e->version = version;
}

/* ---- what is handed on ---- */

static void cl_policy(struct cluster *c, int64_t project_id, int64_t env_id, int64_t version,
                      int repair)
{
	if (env_id <= 0 || version <= cl_known(c, env_id))
		return;
	cl_remember(c, env_id, version);
	CL_ADD(c, policies);
	if (repair)
		CL_ADD(c, policies_repair);
	LOG(LOG_DEBUG,
	    "msg=\"cluster: policy version\" project_id=%lld environment_id=%lld version=%lld "
	    "repair=%d",
	    (long long)project_id, (long long)env_id, (long long)version, repair);
	if (c->cfg.policy)
		c->cfg.policy(c->cfg.arg, c->st, project_id, env_id, version);
	store_idle(c->st);
}

static void cl_auth(struct cluster *c, int64_t epoch, int repair)
{
	if (epoch <= c->epoch)
		return;
	c->epoch = epoch;
	CL_ADD(c, auths);
	if (repair)
		CL_ADD(c, auths_repair);
	if (c->cfg.auth)
		c->cfg.auth(c->cfg.arg, epoch);
}

/* store_cluster_notifies' callback: copies the payload out of libpq (the
 * hooks run queries on the same connection, so not from inside its
 * loop). */
static void cl_collect(void *arg, const char *payload)
{
	struct cluster *c = arg;

	if (c->npending == c->cappending) {
		c->cappending = c->cappending ? c->cappending * 2 : 16;
		c->pending = xrealloc(c->pending, c->cappending * sizeof *c->pending);
	}
	snprintf(c->pending[c->npending++], CL_PAYLOAD_MAX, "%s", payload);
}

static void cl_handle_pending(struct cluster *c)
{
	for (size_t i = 0; i < c->npending; i++) {
		int64_t v[3];
		char from[CL_PAYLOAD_MAX];
		int kind = cluster_parse(c->pending[i], v, from, sizeof from);
		CL_ADD(c, notifications);
		if (kind == 'p' && !strcmp(from, c->cfg.instance_id)) {
			/* committed here: pushed and noted by the commit's own path
			 * already; remembered so that the periodic check does not
			 * hand it on a second time either */
			CL_ADD(c, policies_own);
			if (v[2] > cl_known(c, v[1]))
				cl_remember(c, v[1], v[2]);
		} else if (kind == 'p')
			cl_policy(c, v[0], v[1], v[2], 0);
		else if (kind == 'a')
			cl_auth(c, v[0], 0);
		else
			LOG(LOG_DEBUG, "msg=\"cluster: payload ignored\" payload=\"%.40s\"",
			    c->pending[i]);
	}
	c->npending = 0;
}

/* Reads what arrived; the connection stops listening when it broke. */
static void cl_drain(struct cluster *c)
{
	if (store_cluster_notifies(c->st, cl_collect, c) < 0)
		c->listening = 0;
	cl_handle_pending(c);
}

/* ---- the periodic work ---- */

/* What a missed notification would have said: version rows above the
 * mark, the database's auth epoch. A row is handed on only by a check
 * after the one that first read it: its notification may still be on its
 * way when the first reads it (a listener busy in a query takes it only
 * after the result), and this instance's own commits must be known as its
 * own, from their notification, before any row is handed on. So a missed
 * notification is repaired one period late. */
static int cl_repair(struct cluster *c)
{
	struct store_policy_head rows[CL_PAGE];
	int64_t epoch, upto = c->seen;
	int n, rc;

	do {
		rc = store_cluster_policies_after(c->st, c->mark, rows, CL_PAGE, &n);
		if (rc)
			return rc;
		cl_drain(c);
		for (int i = 0; i < n; i++) {
			if (rows[i].id > upto) {
				/* new since the check before: left to the next one */
				if (rows[n - 1].id > c->seen)
					c->seen = rows[n - 1].id;
				goto auth;
			}
			cl_policy(c, rows[i].project_id, rows[i].env_id, rows[i].version, 1);
			c->mark = rows[i].id;
		}
	} while (n == CL_PAGE);
auth:
	rc = store_cluster_auth_epoch(c->st, &epoch);
	if (rc)
		return rc;
	cl_auth(c, epoch, 1);
	return MOAT_OK;
}

static int cl_heartbeat(struct cluster *c, int first)
{
	int was_there = 0;
	int rc = store_cluster_heartbeat(c->st, c->cfg.instance_id, c->cfg.hostname, c->started_at,
	                                 timefmt_now(), &was_there);

	if (!rc && !was_there && !first)
		/* taken for dead (no beat within stale_s) and reaped: its
		 * agents are marked offline although connected here, until
		 * they reconnect */
		LOG(LOG_WARN,
		    "msg=\"cluster: this instance was taken for dead; its row is back\" "
		    "instance=%s",
		    c->cfg.instance_id);
	return rc;
}

static void cl_tick(struct cluster *c)
{
	int64_t now = timefmt_now(), agents = 0;
	int instances = 0;

	CL_ADD(c, checks);
	if (cl_heartbeat(c, 0))
		return;
	if (now >= c->reap_from &&
	    !store_cluster_reap(c->st, c->cfg.instance_id, now - c->cfg.stale_s, now, &instances,
	                        &agents) &&
	    instances > 0) {
		__atomic_add_fetch(&c->stats.reaped_instances, (uint64_t)instances,
		                   __ATOMIC_RELAXED);
		__atomic_add_fetch(&c->stats.reaped_agents, (uint64_t)agents, __ATOMIC_RELAXED);
		LOG(LOG_INFO,
		    "msg=\"cluster: dead instances reaped\" instances=%d agents_offline=%lld",
		    instances, (long long)agents);
	}
	if (c->listening)
		cl_repair(c);
	store_idle(c->st);
}

/* LISTEN in the connection's current session. */
static int cl_listen(struct cluster *c)
{
	int rc = store_cluster_listen(c->st);

	c->listening = rc == MOAT_OK;
	if (c->listening)
		c->session = store_cluster_session(c->st);
	__atomic_store_n(&c->stats.listening, c->listening, __ATOMIC_RELAXED);
	return rc;
}

/* Waits up to ms for the stop pipe: 1 when stopped. */
static int cl_wait_stop(struct cluster *c, int fd, int ms)
{
	struct pollfd p[2] = {{.fd = c->stop_fd[0], .events = POLLIN},
	                      {.fd = fd, .events = POLLIN}};

	if (poll(p, fd >= 0 ? 2 : 1, ms) < 0 && errno != EINTR)
		return 0;
	return (p[0].revents & POLLIN) != 0;
}

static void *cl_thread(void *arg)
{
	struct cluster *c = arg;
	int64_t next_tick = cl_now_ms() + c->cfg.repair_ms;
	int backoff = CL_BACKOFF_MIN_MS;

	for (;;) {
		int64_t now;
		if (!c->listening) {
			__atomic_store_n(&c->stats.listening, 0, __ATOMIC_RELAXED);
			if (cl_listen(c) != MOAT_OK) {
				/* the failure reset the connection; the next try
				 * runs on the new one */
				if (cl_wait_stop(c, -1, backoff))
					break;
				backoff = backoff * 2 > CL_BACKOFF_MAX_MS ? CL_BACKOFF_MAX_MS
				                                          : backoff * 2;
				continue;
			}
			backoff = CL_BACKOFF_MIN_MS;
			CL_ADD(c, reconnects);
			/* the others may have lost the database too (a restart, a
			 * failover) and not beaten meanwhile: they get a whole
			 * stale period to beat again before any is taken for dead */
			c->reap_from = timefmt_now() + c->cfg.stale_s;
			LOG(LOG_INFO, "msg=\"cluster: listening again; checking what was missed\"");
			cl_drain(c);
			if (cl_repair(c) == MOAT_OK)
				store_idle(c->st);
		}
		now = cl_now_ms();
		if (cl_wait_stop(c, store_cluster_socket(c->st),
		                 next_tick > now ? (int)(next_tick - now) : 0))
			break;
		cl_drain(c);
		if (cl_now_ms() >= next_tick) {
			cl_tick(c);
			cl_drain(c); /* what the tick's queries read */
			next_tick = cl_now_ms() + c->cfg.repair_ms;
		}
		if (store_cluster_session(c->st) != c->session)
			c->listening = 0; /* a query met a broken connection: reset */
	}
	return NULL;
}

int cluster_start(const struct cluster_config *cfg, struct cluster **out)
{
	struct cluster *c;
	int64_t agents = 0;
	int rc;

	*out = NULL;
	if (!store_target_is_postgres(cfg->db))
		return MOAT_EINVALID;
	c = xcalloc(1, sizeof *c);
	c->cfg = *cfg;
	if (c->cfg.repair_ms <= 0)
		c->cfg.repair_ms = 5000;
	if (c->cfg.stale_s <= 0)
		c->cfg.stale_s = 60;
	/* at least three beats within the stale timeout (--agent-heartbeat 1
	 * makes it 3 s), so that a live instance is never taken for dead */
	if (c->cfg.repair_ms > c->cfg.stale_s * 1000 / 3)
		c->cfg.repair_ms = c->cfg.stale_s * 1000 / 3;
	c->started_at = timefmt_now();
	rc = store_open(cfg->db, &c->st);
	c->cfg.db = NULL; /* the caller's; libpq keeps what a reset needs */
	if (rc)
		goto fail;
	/* listen first, then read where the database stands: what commits in
	 * between is both heard and read (handed on once: the versions) */
	rc = cl_listen(c);
	if (!rc)
		rc = store_cluster_policy_mark(c->st, &c->mark);
	c->seen = c->mark;
	if (!rc)
		rc = store_cluster_auth_epoch(c->st, &c->epoch);
	if (!rc)
		rc = cl_heartbeat(c, 1);
	if (!rc)
		rc = store_cluster_orphans(c->st, &agents);
	if (rc)
		goto fail;
	store_idle(c->st);
	if (agents > 0)
		LOG(LOG_INFO, "msg=\"cluster: agents of no instance marked offline\" agents=%lld",
		    (long long)agents);
	if (pipe(c->stop_fd)) {
		rc = MOAT_EIO;
		goto fail;
	}
	fcntl(c->stop_fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(c->stop_fd[1], F_SETFD, FD_CLOEXEC);
	if (pthread_create(&c->thread, NULL, cl_thread, c)) {
		close(c->stop_fd[0]);
		close(c->stop_fd[1]);
		rc = MOAT_EIO;
		goto fail;
	}
	LOG(LOG_INFO, "msg=\"cluster: listening\" instance=%s channel=%s repair_ms=%d stale_s=%d",
	    c->cfg.instance_id, STORE_CLUSTER_CHANNEL, c->cfg.repair_ms, c->cfg.stale_s);
	*out = c;
	return MOAT_OK;
fail:
	LOG(LOG_ERROR, "msg=\"cluster: cannot start\" error=%s", err_code(rc));
	store_close(c->st);
	free(c);
	return rc;
}

void cluster_stop(struct cluster *c)
{
	char b = 1;

	if (!c)
		return;
	if (write(c->stop_fd[1], &b, 1) != 1)
		LOG(LOG_ERROR, "msg=\"cluster: cannot wake the thread\"");
	pthread_join(c->thread, NULL);
	close(c->stop_fd[0]);
	close(c->stop_fd[1]);
	/* a clean stop: no survivor has to wait stale_s to reap the row */
	store_cluster_leave(c->st, c->cfg.instance_id);
	store_close(c->st);
	free(c->envs);
	free(c->pending);
	free(c);
}

void cluster_stats(struct cluster *c, struct cluster_stats *out)
{
	uint64_t *dst = (uint64_t *)out;
	const uint64_t *src = (const uint64_t *)&c->stats;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < offsetof(struct cluster_stats, listening) / sizeof(uint64_t); i++)
		dst[i] = __atomic_load_n(&src[i], __ATOMIC_RELAXED);
	out->listening = __atomic_load_n(&c->stats.listening, __ATOMIC_RELAXED);
}

/* /metrics: the one cluster of a serving process (leaf lock: held for a
 * copy of its counters only) */
static pthread_mutex_t cl_metrics_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cluster *cl_metrics_of;

void cluster_metrics_set(struct cluster *c)
{
	pthread_mutex_lock(&cl_metrics_lock);
	cl_metrics_of = c;
	pthread_mutex_unlock(&cl_metrics_lock);
}

int cluster_metrics(struct buf *b)
{
	struct cluster_stats s;
	int have;

	pthread_mutex_lock(&cl_metrics_lock);
	have = cl_metrics_of != NULL;
	if (have)
		cluster_stats(cl_metrics_of, &s);
	pthread_mutex_unlock(&cl_metrics_lock);
	if (!have)
		return MOAT_OK;
	return buf_printf(
	           b,
	           "# HELP moat_cluster_notifications_total Payloads heard on the cluster "
	           "channel.\n"
	           "# TYPE moat_cluster_notifications_total counter\n"
	           "moat_cluster_notifications_total %llu\n"
	           "# HELP moat_cluster_handed_on_total Policy versions and auth changes of other"
	           " instances handed on here, by how they were found.\n"
	           "# TYPE moat_cluster_handed_on_total counter\n"
	           "moat_cluster_handed_on_total{kind=\"policy\",by=\"notify\"} %llu\n"
	           "moat_cluster_handed_on_total{kind=\"policy\",by=\"check\"} %llu\n"
	           "moat_cluster_handed_on_total{kind=\"auth\",by=\"notify\"} %llu\n"
	           "moat_cluster_handed_on_total{kind=\"auth\",by=\"check\"} %llu\n"
	           "# HELP moat_cluster_relistens_total Times the listener listened again after"
	           " losing its connection.\n"
	           "# TYPE moat_cluster_relistens_total counter\n"
	           "moat_cluster_relistens_total %llu\n"
	           "# HELP moat_cluster_listening 1 while the listener listens.\n"
	           "# TYPE moat_cluster_listening gauge\nmoat_cluster_listening %d\n"
	           "# HELP moat_cluster_reaped_total Dead instances reaped here, and their agents"
	           " marked offline.\n"
	           "# TYPE moat_cluster_reaped_total counter\n"
	           "moat_cluster_reaped_total{what=\"instances\"} %llu\n"
	           "moat_cluster_reaped_total{what=\"agents\"} %llu\n",
	           (unsigned long long)s.notifications,
	           (unsigned long long)(s.policies - s.policies_repair),
	           (unsigned long long)s.policies_repair,
	           (unsigned long long)(s.auths - s.auths_repair),
	           (unsigned long long)s.auths_repair, (unsigned long long)s.reconnects,
	           s.listening, (unsigned long long)s.reaped_instances,
	           (unsigned long long)s.reaped_agents)
	           ? MOAT_ETOOBIG
	           : MOAT_OK;
}
