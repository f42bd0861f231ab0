/* Unit tests for the cluster module (cluster.c, store_cluster.c; issue 13,
 * "Many instances"): two listeners on one PostgreSQL database (MOAT_TEST_PG,
 * scripts/pgtest.sh) beside a connection that commits. A commit reaches
 * both listeners' hooks; a rollback reaches none; a version or an auth
 * change committed without its NOTIFY is found by the periodic check; a
 * listener whose connection is cut listens again and finds what it
 * missed; the agents of a dead instance are marked offline by a survivor,
 * and an agent's offline write on the instance it left does not touch the
 * row of the instance it moved to.
 *
 * The waits below are bounds on a failure (20 s), not timings: a test
 * passes as soon as what it waits for has happened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cluster.h"
#include "err.h"
#include "store.h"
#include "timefmt.h"
#include "unit_db.h"

#define WAIT_MS 20000

/* What one listener's hooks saw (its own thread writes, the test reads). */
struct seen {
	pthread_mutex_t lock;
	int64_t policy[64][3]; /* project, environment, version */
	int npolicy;
	int read_ok; /* every policy hook could read its version */
	int64_t auth[64];
	int nauth;
};

struct fixture {
	char url[256], pg[64];
	struct store *st; /* the committing connection ("instance A") */
	struct actor a;
	struct store_project p;
	struct store_env e;
	struct seen seen[2];
	struct cluster *cl[2];
};

static void hook_policy(void *arg, struct store *st, int64_t project_id, int64_t env_id,
                        int64_t version)
{
	struct seen *s = arg;
	struct store_policy pol;
	int ok = store_policy_get(st, env_id, version, &pol) == MOAT_OK && pol.version == version;

	if (ok)
		store_policy_cleanup(&pol);
	pthread_mutex_lock(&s->lock);
	if (s->npolicy < 64) {
		s->policy[s->npolicy][0] = project_id;
		s->policy[s->npolicy][1] = env_id;
		s->policy[s->npolicy][2] = version;
		s->npolicy++;
	}
	if (!ok)
		s->read_ok = 0;
	pthread_mutex_unlock(&s->lock);
}

static void hook_auth(void *arg, int64_t epoch)
{
	struct seen *s = arg;

	pthread_mutex_lock(&s->lock);
	if (s->nauth < 64)
		s->auth[s->nauth++] = epoch;
	pthread_mutex_unlock(&s->lock);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char msg[256];

	unit_pg_create(f->url, sizeof f->url, f->pg);
	assert_int_equal(store_open(f->url, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), MOAT_OK);
	assert_int_equal(store_env_get(f->st, f->p.id, "production", &f->e), MOAT_OK);
	assert_int_equal(store_policy_backfill(f->st), MOAT_OK);
	store_idle(f->st);
	for (int i = 0; i < 2; i++) {
		pthread_mutex_init(&f->seen[i].lock, NULL);
		f->seen[i].read_ok = 1;
	}
	*state = f;
	return 0;
}

static void start(struct fixture *f, int i, int repair_ms)
{
	struct cluster_config c;

	memset(&c, 0, sizeof c);
	c.db = f->url;
	snprintf(c.instance_id, sizeof c.instance_id, "test-%d", i);
	snprintf(c.hostname, sizeof c.hostname, "unit");
	c.repair_ms = repair_ms;
	c.stale_s = 60;
	c.policy = hook_policy;
	c.auth = hook_auth;
	c.arg = &f->seen[i];
	assert_int_equal(cluster_start(&c, &f->cl[i]), MOAT_OK);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	for (int i = 0; i < 2; i++) {
		cluster_stop(f->cl[i]);
		pthread_mutex_destroy(&f->seen[i].lock);
	}
	store_close(f->st);
	unit_pg_drop(f->pg);
	free(f);
	store_set_instance(NULL);
	return 0;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

static int npolicy(struct seen *s)
{
	int n;

	pthread_mutex_lock(&s->lock);
	n = s->npolicy;
	pthread_mutex_unlock(&s->lock);
	return n;
}

static int nauth(struct seen *s)
{
	int n;

	pthread_mutex_lock(&s->lock);
	n = s->nauth;
	pthread_mutex_unlock(&s->lock);
	return n;
}

/* Waits until listener i's hooks saw n policy versions (fails after
 * WAIT_MS). */
static void wait_policies(struct fixture *f, int i, int n)
{
	for (int t = 0; t < WAIT_MS / 10 && npolicy(&f->seen[i]) < n; t++)
		sleep_ms(10);
	assert_int_equal(npolicy(&f->seen[i]), n);
}

static void wait_auths(struct fixture *f, int i, int n)
{
	for (int t = 0; t < WAIT_MS / 10 && nauth(&f->seen[i]) < n; t++)
		sleep_ms(10);
	assert_int_equal(nauth(&f->seen[i]), n);
}

/* Commits a new version through the store (the path of every PUT). */
static int64_t put(struct fixture *f, const char *doc)
{
	struct store_policy out;
	char sha[65];
	int changed = 0;

	snprintf(sha, sizeof sha, "%064zx", strlen(doc) * 7919 + (size_t)doc[0]);
	assert_int_equal(store_policy_put(f->st, &f->a, &f->p, &f->e, doc, sha, "m", -1, 0, NULL,
	                                  NULL, 0, &out, &changed),
	                 MOAT_OK);
	assert_int_equal(changed, 1);
	store_policy_cleanup(&out);
	store_idle(f->st);
	return out.version;
}

/* Runs sql on the test database through a connection of its own. */
static void raw(struct fixture *f, const char *sql)
{
	PGconn *c = PQconnectdb(f->url);
	PGresult *r;

	assert_int_equal(PQstatus(c), CONNECTION_OK);
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
}

static void payloads_are_parsed_and_unknown_ones_ignored(void **state)
{
	int64_t v[3];
	char from[64];

	(void)state;
	assert_int_equal(cluster_parse("policy 3 17 42", v, from, sizeof from), 'p');
	assert_true(v[0] == 3 && v[1] == 17 && v[2] == 42);
	assert_int_equal(cluster_parse("auth 9", v, from, sizeof from), 'a');
	assert_true(v[0] == 9);
	assert_int_equal(cluster_parse("policy 3 17", v, from, sizeof from), 0);
	assert_string_equal(from, "");
	/* the committing instance, last */
	assert_int_equal(cluster_parse("policy 3 17 42 vm-0a1b", v, from, sizeof from), 'p');
	assert_true(v[0] == 3 && v[1] == 17 && v[2] == 42);
	assert_string_equal(from, "vm-0a1b");
	assert_int_equal(cluster_parse("policy 3 17 42 vm 0a1b", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("policy 3 17 42 ", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("auth 9 vm-0a1b", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("policy 3 x 42", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("auth ", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("events 1 2", v, from, sizeof from), 0);
	assert_int_equal(cluster_parse("", v, from, sizeof from), 0);
}

static void a_commit_on_one_connection_reaches_both_listeners(void **state)
{
	struct fixture *f = *state;
	int64_t v;

	start(f, 0, 60000); /* no periodic check within the test: NOTIFY alone */
	start(f, 1, 60000);
	v = put(f, "{\"a\":1}");
	for (int i = 0; i < 2; i++) {
		wait_policies(f, i, 1);
		assert_int_equal(f->seen[i].policy[0][0], f->p.id);
		assert_int_equal(f->seen[i].policy[0][1], f->e.id);
		assert_int_equal(f->seen[i].policy[0][2], v);
		assert_true(f->seen[i].read_ok); /* committed before it was heard */
	}
	/* /metrics: what the serving process's cluster counted; nothing
	 * without one (SQLite) */
	{
		struct buf b;
		buf_init(&b, 1u << 16);
		assert_int_equal(cluster_metrics(&b), MOAT_OK);
		assert_int_equal(b.len, 0);
		cluster_metrics_set(f->cl[1]);
		assert_int_equal(cluster_metrics(&b), MOAT_OK);
		cluster_metrics_set(NULL);
		assert_non_null(strstr(
		    b.data, "moat_cluster_handed_on_total{kind=\"policy\",by=\"notify\"} 1\n"));
		assert_non_null(strstr(b.data, "moat_cluster_listening 1\n"));
		buf_cleanup(&b);
	}
}

/* ... and not by a periodic check that reads the version's row before
 * the listener has taken in the instance's own notification of it: with
 * a check every millisecond, commits here and the checks' reads overlap
 * again and again; none of them reaches instance 0's agents. */
static void an_own_commit_read_by_a_check_before_its_notification_is_not_handed_on(void **state)
{
	struct fixture *f = *state;
	enum { N = 40 };
	char doc[64];
	int64_t v = 0;

	start(f, 0, 1);
	start(f, 1, 1);
	store_set_instance("test-0");
	for (int k = 0; k < N; k++) {
		/* a new length each time: a new document */
		snprintf(doc, sizeof doc, "{\"own\":\"%.*s\"}", k + 1,
		         "0123456789012345678901234567890123456789");
		v = put(f, doc);
		sleep_ms(k % 3);
	}
	wait_policies(f, 1, N);
	assert_int_equal(f->seen[1].policy[N - 1][2], v);
	sleep_ms(300);
	assert_int_equal(npolicy(&f->seen[0]), 0);
}

/* A version this instance committed is pushed and noted by the commit's
 * own path (api_policy_commit): its listener must not hand it on again,
 * neither when it hears the NOTIFY nor at the next periodic check; the
 * other instance's listener does. */
static void an_instances_own_commit_is_not_handed_on_twice(void **state)
{
	struct fixture *f = *state;
	struct cluster_stats cs;
	int64_t v;

	start(f, 0, 200);
	start(f, 1, 200);
	store_set_instance("test-0"); /* the committing connection is instance 0's */
	v = put(f, "{\"own\":1}");
	wait_policies(f, 1, 1);
	assert_int_equal(f->seen[1].policy[0][2], v);
	for (int t = 0; t < 100; t++) { /* heard, and two periodic checks run since */
		cluster_stats(f->cl[0], &cs);
		if (cs.policies_own == 1 && t >= 5)
			break;
		sleep_ms(100);
	}
	assert_int_equal(cs.policies_own, 1);
	sleep_ms(600);
	assert_int_equal(npolicy(&f->seen[0]), 0);
	/* a later version committed elsewhere still reaches instance 0 */
	store_set_instance("test-9");
	v = put(f, "{\"other\":2}");
	wait_policies(f, 0, 1);
	assert_int_equal(f->seen[0].policy[0][2], v);
}

static void a_rolled_back_change_notifies_nobody(void **state)
{
	struct fixture *f = *state;
	int64_t v;

	start(f, 0, 60000);
	/* a transaction that says version 99 and rolls back */
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_cluster_policy_tx(f->st, f->p.id, f->e.id, 99), MOAT_OK);
	assert_int_equal(store_cluster_auth_tx(f->st), MOAT_OK);
	store_tx_rollback(f->st);
	/* notifications arrive in commit order: once this one is heard, a
	 * rolled-back one would have been heard before it */
	v = put(f, "{\"b\":2}");
	wait_policies(f, 0, 1);
	assert_int_equal(f->seen[0].policy[0][2], v);
	assert_int_equal(nauth(&f->seen[0]), 0);
}

static void a_missed_notification_is_repaired_by_the_periodic_check(void **state)
{
	struct fixture *f = *state;
	char sql[512];
	struct cluster_stats cs;

	start(f, 0, 100);
	/* a version committed with no NOTIFY (as if the listener had been
	 * away when it was sent) */
	snprintf(sql, sizeof sql,
	         "INSERT INTO policy_versions(environment_id, version, document, sha256, author,"
	         " message, created_at) VALUES (%lld, 2, '{}', 'x', 'raw', '', 0)",
	         (long long)f->e.id);
	raw(f, sql);
	wait_policies(f, 0, 1);
	assert_int_equal(f->seen[0].policy[0][1], f->e.id);
	assert_int_equal(f->seen[0].policy[0][2], 2);
	assert_int_equal(f->seen[0].policy[0][0], f->p.id);
	cluster_stats(f->cl[0], &cs);
	assert_int_equal(cs.policies_repair, 1);
	/* the check hands on nothing twice, and a NOTIFY of a version already
	 * handed on is not handed on again */
	raw(f, "SELECT pg_notify('" STORE_CLUSTER_CHANNEL "', 'policy 1 999999 1')");
	snprintf(sql, sizeof sql,
	         "SELECT pg_notify('" STORE_CLUSTER_CHANNEL "', 'policy %lld %lld 2')",
	         (long long)f->p.id, (long long)f->e.id);
	raw(f, sql);
	{
		uint64_t checks;
		cluster_stats(f->cl[0], &cs);
		checks = cs.checks;
		for (int t = 0;
		     t < WAIT_MS / 10 && (cs.checks < checks + 3 || cs.notifications < 2); t++) {
			sleep_ms(10);
			cluster_stats(f->cl[0], &cs);
		}
	}
	/* "policy 1 1 1": an environment never heard of, version 1, handed
	 * on; the repeat of version 2 is not */
	assert_int_equal(npolicy(&f->seen[0]), 2);
	assert_int_equal(f->seen[0].policy[1][2], 1);
}

static void the_auth_epoch_propagates_and_a_missed_one_is_repaired(void **state)
{
	struct fixture *f = *state;
	struct store_token t;
	struct cluster_stats cs;

	start(f, 0, 60000);
	start(f, 1, 100);
	assert_int_equal(store_token_create(f->st, &f->a, 1 /* agent */, "agent", "moat_agent_x",
	                                    "hash-1", f->p.id, 0, 0, &t),
	                 MOAT_OK);
	assert_int_equal(nauth(&f->seen[0]), 0); /* creating takes nothing away */
	assert_int_equal(store_token_revoke(f->st, &f->a, t.id, f->p.id, 0), MOAT_OK);
	store_idle(f->st);
	for (int i = 0; i < 2; i++) {
		wait_auths(f, i, 1);
		assert_int_equal(f->seen[i].auth[0], 1);
	}
	/* the epoch moved without a NOTIFY: only the periodic check sees it */
	raw(f, "UPDATE auth_epoch SET epoch = epoch + 1");
	wait_auths(f, 1, 2);
	assert_int_equal(f->seen[1].auth[1], 2);
	cluster_stats(f->cl[1], &cs);
	assert_int_equal(cs.auths_repair, 1);
	assert_int_equal(nauth(&f->seen[0]), 1);
}

static void a_cut_connection_listens_again_and_finds_what_it_missed(void **state)
{
	struct fixture *f = *state;
	char sql[600];
	struct cluster_stats cs;

	start(f, 0, 60000); /* the check runs only because it listened again */
	/* cut every connection to the test database, then commit a version
	 * and its NOTIFY while the listener is away (or not yet back) */
	snprintf(sql, sizeof sql,
	         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'"
	         " AND pid <> pg_backend_pid()",
	         f->pg);
	raw(f, sql);
	snprintf(sql, sizeof sql,
	         "BEGIN; INSERT INTO policy_versions(environment_id, version, document, sha256,"
	         " author, message, created_at) VALUES (%lld, 2, '{}', 'x', 'raw', '', 0);"
	         " SELECT pg_notify('" STORE_CLUSTER_CHANNEL "', 'policy %lld %lld 2'); COMMIT",
	         (long long)f->e.id, (long long)f->p.id, (long long)f->e.id);
	raw(f, sql);
	wait_policies(f, 0, 1);
	assert_int_equal(f->seen[0].policy[0][2], 2);
	for (int t = 0; t < WAIT_MS / 10; t++) {
		cluster_stats(f->cl[0], &cs);
		if (cs.reconnects >= 1 && cs.listening)
			break;
		sleep_ms(10);
	}
	assert_true(cs.reconnects >= 1);
	assert_int_equal(cs.listening, 1);
	/* and it hears again */
	store_close(f->st); /* its session was cut too */
	assert_int_equal(store_open(f->url, &f->st), MOAT_OK);
	put(f, "{\"c\":3}");
	wait_policies(f, 0, 2);
	assert_int_equal(f->seen[0].policy[1][2], 3);
}

static int online_of(struct fixture *f, const char *agent_id)
{
	struct store_agent_filter flt = {.project_id = f->p.id, .online = -1, .limit = 100};
	struct store_agent *arr;
	size_t n;
	int online = -1;

	assert_int_equal(store_agent_list(f->st, &flt, &arr, &n), MOAT_OK);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(arr[i].agent_id, agent_id))
			online = arr[i].online;
	free(arr);
	store_idle(f->st);
	return online;
}

static void hello(struct fixture *f, const char *instance, const char *agent_id)
{
	store_set_instance(instance);
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_agent_hello(f->st, f->p.id, f->e.id, agent_id, "h", "c", "1",
	                                   "192.0.2.9", 0, 1, timefmt_now()),
	                 MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);
}

static void a_dead_instances_agents_are_marked_offline_by_a_survivor(void **state)
{
	struct fixture *f = *state;
	int64_t now = timefmt_now();
	int there;

	/* "dead" beat 10 minutes ago; "alive" beats now */
	assert_int_equal(store_cluster_heartbeat(f->st, "dead", "h1", now - 900, now - 600, &there),
	                 MOAT_OK);
	assert_int_equal(there, 0);
	assert_int_equal(store_cluster_heartbeat(f->st, "alive", "h2", now, now, &there), MOAT_OK);
	hello(f, "dead", "agent-on-dead");
	hello(f, "alive", "agent-on-alive");
	hello(f, "dead", "agent-moved");
	hello(f, "alive", "agent-moved"); /* reconnected to "alive" */
	/* the old connection's offline, written by "dead" late, leaves the
	 * row of the instance that holds the agent now */
	store_set_instance("dead");
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_agent_offline(f->st, f->p.id, "agent-moved", now), MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);
	assert_int_equal(online_of(f, "agent-moved"), 1);
	assert_int_equal(online_of(f, "agent-on-dead"), 1);

	start(f, 0, 100); /* a survivor */
	for (int t = 0; t < WAIT_MS / 10 && online_of(f, "agent-on-dead") != 0; t++)
		sleep_ms(10);
	assert_int_equal(online_of(f, "agent-on-dead"), 0);
	assert_int_equal(online_of(f, "agent-on-alive"), 1);
	assert_int_equal(online_of(f, "agent-moved"), 1);
	{
		/* the survivor counts what it reaped after the reap committed:
		 * under load the rows can be seen before the count moves */
		struct cluster_stats cs;
		cluster_stats(f->cl[0], &cs);
		for (int t = 0; t < WAIT_MS / 10 && cs.reaped_instances == 0; t++) {
			sleep_ms(10);
			cluster_stats(f->cl[0], &cs);
		}
		assert_int_equal(cs.reaped_instances, 1);
		assert_int_equal(cs.reaped_agents, 1);
	}
	/* "dead" was only slow: the last-seen refresh of a connection it
	 * still holds (every 60 s) brings its agent back online; another
	 * instance's refresh does not */
	store_set_instance("alive");
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_agent_seen(f->st, f->p.id, "agent-on-dead", now), MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);
	assert_int_equal(online_of(f, "agent-on-dead"), 0);
	store_set_instance("dead");
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_agent_seen(f->st, f->p.id, "agent-on-dead", now), MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);
	assert_int_equal(online_of(f, "agent-on-dead"), 1);
	/* the dead row is gone; the living ones stay */
	assert_int_equal(store_cluster_heartbeat(f->st, "dead", "h1", now, now, &there), MOAT_OK);
	assert_int_equal(there, 0);
	assert_int_equal(store_cluster_heartbeat(f->st, "alive", "h2", now, now, &there), MOAT_OK);
	assert_int_equal(there, 1);
	assert_int_equal(store_cluster_heartbeat(f->st, "test-0", "unit", now, now, &there),
	                 MOAT_OK);
	assert_int_equal(there, 1);
}

static void after_losing_the_database_an_instance_waits_a_stale_period_before_reaping(void **state)
{
	struct fixture *f = *state;
	struct cluster_stats cs;
	char sql[300];
	uint64_t checks;
	int64_t now = timefmt_now();
	int there;

	start(f, 0, 100);
	/* the database went away for everyone (here: every backend cut) */
	snprintf(sql, sizeof sql,
	         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s'"
	         " AND pid <> pg_backend_pid()",
	         f->pg);
	raw(f, sql);
	cs.reconnects = 0;
	for (int t = 0; t < WAIT_MS / 10 && !cs.reconnects; t++) {
		sleep_ms(10);
		cluster_stats(f->cl[0], &cs);
	}
	assert_int_equal(cs.reconnects, 1);
	/* another instance that could not beat during the outage */
	store_close(f->st);
	assert_int_equal(store_open(f->url, &f->st), MOAT_OK);
	assert_int_equal(store_cluster_heartbeat(f->st, "other", "h", now - 900, now - 600, &there),
	                 MOAT_OK);
	hello(f, "other", "agent-on-other");
	/* several checks run, none takes it for dead yet */
	cluster_stats(f->cl[0], &cs);
	checks = cs.checks;
	for (int t = 0; t < WAIT_MS / 10 && cs.checks < checks + 3; t++) {
		sleep_ms(10);
		cluster_stats(f->cl[0], &cs);
	}
	assert_true(cs.checks >= checks + 3);
	assert_int_equal(cs.reaped_instances, 0);
	assert_int_equal(online_of(f, "agent-on-other"), 1);
}

static void agents_of_no_instance_are_marked_offline_at_start(void **state)
{
	struct fixture *f = *state;

	hello(f, NULL, "agent-before-011");
	assert_int_equal(online_of(f, "agent-before-011"), 1);
	start(f, 0, 60000);
	assert_int_equal(online_of(f, "agent-before-011"), 0);
}

static void the_cluster_is_refused_on_sqlite(void **state)
{
	struct cluster_config c;
	struct cluster *cl = (struct cluster *)1;

	(void)state;
	memset(&c, 0, sizeof c);
	c.db = "/tmp/moat-unit-cluster.db";
	assert_int_equal(cluster_start(&c, &cl), MOAT_EINVALID);
	assert_null(cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(payloads_are_parsed_and_unknown_ones_ignored),
	    cmocka_unit_test(the_cluster_is_refused_on_sqlite),
	    cmocka_unit_test_setup_teardown(a_commit_on_one_connection_reaches_both_listeners,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        an_own_commit_read_by_a_check_before_its_notification_is_not_handed_on, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(an_instances_own_commit_is_not_handed_on_twice, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_rolled_back_change_notifies_nobody, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_missed_notification_is_repaired_by_the_periodic_check,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(the_auth_epoch_propagates_and_a_missed_one_is_repaired,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_cut_connection_listens_again_and_finds_what_it_missed,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        a_dead_instances_agents_are_marked_offline_by_a_survivor, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        after_losing_the_database_an_instance_waits_a_stale_period_before_reaping, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(agents_of_no_instance_are_marked_offline_at_start,
	                                    setup, teardown),
	};

	return cmocka_run_group_tests_name("cluster", tests, NULL, NULL);
}
