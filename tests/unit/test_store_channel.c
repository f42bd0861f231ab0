/* Unit tests for notification channels and the delivery outbox
 * (store_channel.c, store_delivery.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "store.h"
#include "unit_db.h"

struct fixture {
	struct unit_target t; /* first: unit_fixture_new makes it */
	struct store *st;
	struct actor a;
	struct store_project p;
};

static int setup_on(struct fixture *f, void **state)
{
	char msg[256];

	assert_int_equal(store_open(f->t.target, &f->st), MOAT_OK);
	assert_int_equal(store_migrate(f->st, msg, sizeof msg), MOAT_OK);
	f->a.type = ACTOR_USER;
	snprintf(f->a.label, sizeof f->a.label, "tester@example.com");
	f->a.ip = "192.0.2.1";
	f->a.request_id = "req-1";
	assert_int_equal(store_project_create(f->st, &f->a, "shop", "Shop", &f->p), MOAT_OK);
	*state = f;
	return 0;
}

static int setup(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 0), state);
}

static int setup_pg(void **state)
{
	return setup_on(unit_fixture_new(sizeof(struct fixture), 1), state);
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	unit_fixture_free(f);
	return 0;
}

static void webhook(struct store_channel *c, const char *name)
{
	memset(c, 0, sizeof *c);
	snprintf(c->kind, sizeof c->kind, "webhook");
	snprintf(c->name, sizeof c->name, "%s", name);
	snprintf(c->url, sizeof c->url, "https://hooks.example.com/%s", name);
	c->enabled = 1;
	c->on_threats = 1;
	c->throttle_seconds = 60;
	c->rollout_stall_seconds = 600;
}

static void a_channel_keeps_its_filters_and_its_secret_apart(void **state)
{
	struct fixture *f = *state;
	struct store_channel c, out, *arr = NULL;
	char secret[STORE_CHANNEL_SECRET_MAX];
	size_t n = 0;

	webhook(&c, "ops");
	c.interceptors = 0x5; /* sql, and the third name */
	c.actions = 0x1;      /* blocked */
	c.min_severity = 2;
	snprintf(c.environments[0], sizeof c.environments[0], "production");
	c.nenvironments = 1;
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "whsec_abc", &out), MOAT_OK);
	assert_true(out.id > 0);
	assert_int_equal(out.interceptors, 0x5);
	assert_int_equal(out.actions, 0x1);
	assert_int_equal(out.min_severity, 2);
	assert_int_equal(out.nenvironments, 1);
	assert_string_equal(out.environments[0], "production");
	assert_string_equal(out.source, "api");
	assert_int_equal(store_channel_secret(f->st, out.id, secret), MOAT_OK);
	assert_string_equal(secret, "whsec_abc");
	/* the name is unique in the project */
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "x", &out), MOAT_ECONFLICT);
	assert_int_equal(store_channel_list(f->st, f->p.id, &arr, &n), MOAT_OK);
	assert_int_equal(n, 1);
	free(arr);
	/* another project does not see it */
	assert_int_equal(store_channel_get(f->st, f->p.id + 1, out.id, &c), MOAT_ENOTFOUND);
	assert_int_equal(store_channel_delete(f->st, &f->a, &f->p, out.id), MOAT_OK);
	assert_int_equal(store_channel_get(f->st, f->p.id, out.id, &c), MOAT_ENOTFOUND);
}

static void a_claim_leases_due_deliveries_and_marks_record_outcomes(void **state)
{
	struct fixture *f = *state;
	struct store_channel c, out;
	struct store_delivery_new nd = {0};
	struct store_delivery_job *jobs = NULL;
	struct store_delivery *list = NULL;
	int64_t id1, id2, due;
	char uuid[40];
	size_t n = 0;

	webhook(&c, "ops");
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "whsec_k", &out), MOAT_OK);
	nd.channel_id = out.id;
	nd.kind = "event";
	nd.event_id = 7;
	nd.next_attempt_at = 1000;
	nd.now_ms = 1000;
	assert_int_equal(store_delivery_add(f->st, &nd, &id1, uuid), MOAT_OK);
	assert_int_equal(strlen(uuid), 36);
	nd.next_attempt_at = 5000;
	assert_int_equal(store_delivery_add(f->st, &nd, &id2, NULL), MOAT_OK);
	assert_int_equal(store_delivery_next_due(f->st, &due), MOAT_OK);
	assert_int_equal(due, 1000);

	/* at 2000 only the first is due; it comes with its channel and secret */
	assert_int_equal(store_notify_claim(f->st, 2000, 30000, 10, NULL, NULL, 0, 4, &jobs, &n),
	                 MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(jobs[0].d.id, id1);
	assert_int_equal(jobs[0].d.attempts, 1);
	assert_string_equal(jobs[0].d.uuid, uuid);
	assert_string_equal(jobs[0].secret, "whsec_k");
	assert_string_equal(jobs[0].c.url, "https://hooks.example.com/ops");
	store_delivery_jobs_free(jobs, n);
	/* leased: a second claim before the lease ends does not return it */
	assert_int_equal(store_notify_claim(f->st, 3000, 30000, 10, NULL, NULL, 0, 4, &jobs, &n),
	                 MOAT_OK);
	assert_int_equal(n, 0);
	store_delivery_jobs_free(jobs, n);

	assert_int_equal(store_delivery_mark_failed(f->st, id1, 500, "HTTP 500", 4000), MOAT_OK);
	assert_int_equal(store_notify_claim(f->st, 6000, 30000, 10, NULL, NULL, 0, 4, &jobs, &n),
	                 MOAT_OK);
	assert_int_equal(n, 2); /* id1 due at 4000, id2 at 5000: oldest due first */
	assert_int_equal(jobs[0].d.id, id1);
	assert_int_equal(jobs[0].d.attempts, 2);
	store_delivery_jobs_free(jobs, n);
	assert_int_equal(store_delivery_mark_delivered(f->st, id1, 200, 6100), MOAT_OK);
	assert_int_equal(store_delivery_mark_dead(f->st, id2, 0, "timed out"), MOAT_OK);
	assert_int_equal(store_delivery_next_due(f->st, &due), MOAT_OK);
	assert_int_equal(due, 0);

	/* the log: newest first, keyset below an id */
	assert_int_equal(store_delivery_list(f->st, out.id, 0, 10, &list, &n), MOAT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, id2);
	assert_string_equal(list[0].status, "dead");
	assert_string_equal(list[0].last_error, "timed out");
	assert_string_equal(list[1].status, "delivered");
	assert_int_equal(list[1].response_code, 200);
	assert_int_equal(list[1].delivered_at, 6100);
	store_deliveries_free(list, n);
	assert_int_equal(store_delivery_list(f->st, out.id, id2, 10, &list, &n), MOAT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, id1);
	store_deliveries_free(list, n);
}

static void a_policy_keeps_one_channel_per_environment_and_kind(void **state)
{
	struct fixture *f = *state;
	struct store_env env;
	int64_t id, id2;
	int created, updated, exists;

	assert_int_equal(store_env_get(f->st, f->p.id, "production", &env), MOAT_OK);
	assert_int_equal(store_channel_policy_peek(f->st, &f->p, &env, "slack",
	                                           "https://hooks.slack.com/a", &exists, NULL, 0),
	                 MOAT_OK);
	assert_int_equal(exists, 0);
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_channel_upsert_in(f->st, &f->a, &f->p, &env, "slack",
	                                         "https://hooks.slack.com/a", NULL, &id, &created,
	                                         &updated),
	                 MOAT_OK);
	assert_int_equal(store_tx_commit(f->st), MOAT_OK);
	assert_true(created && !updated);
	assert_int_equal(store_tx_begin(f->st), MOAT_OK);
	assert_int_equal(store_channel_upsert_in(f->st, &f->a, &f->p, &env, "slack",
	                                         "https://hooks.slack.com/a", NULL, &id2, &created,
	                                         &updated),
	                 MOAT_OK);
	assert_true(!created && !updated && id2 == id);
	assert_int_equal(store_channel_upsert_in(f->st, &f->a, &f->p, &env, "slack",
	                                         "https://hooks.slack.com/b", NULL, &id2, &created,
	                                         &updated),
	                 MOAT_OK);
	assert_true(!created && updated && id2 == id);
	/* rolled back with the caller's transaction */
	store_tx_rollback(f->st);
	assert_int_equal(store_channel_policy_peek(f->st, &f->p, &env, "slack",
	                                           "https://hooks.slack.com/a", &exists, NULL, 0),
	                 MOAT_OK);
	assert_int_equal(exists, 1);
}

static int set_throttle_5(struct store_channel *c, void *arg)
{
	(void)arg;
	c->throttle_seconds = 5;
	return MOAT_OK;
}

static int refuse(struct store_channel *c, void *arg)
{
	(void)arg;
	c->throttle_seconds = 999;
	return MOAT_EINVALID;
}

static int rename_to(struct store_channel *c, void *arg)
{
	snprintf(c->name, sizeof c->name, "%s", (const char *)arg);
	return MOAT_OK;
}

static void an_update_changes_the_current_row_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct store_channel c, a, b, out;

	webhook(&c, "a");
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "s", &a), MOAT_OK);
	webhook(&c, "b");
	assert_int_equal(store_channel_create(f->st, &f->a, &f->p, &c, "s", &b), MOAT_OK);
	assert_int_equal(
	    store_channel_update(f->st, &f->a, &f->p, a.id, set_throttle_5, NULL, NULL, &out),
	    MOAT_OK);
	assert_int_equal(out.throttle_seconds, 5);
	assert_string_equal(out.name, "a");
	/* a refusal writes nothing */
	assert_int_equal(store_channel_update(f->st, &f->a, &f->p, a.id, refuse, NULL, NULL, &out),
	                 MOAT_EINVALID);
	assert_int_equal(store_channel_get(f->st, f->p.id, a.id, &out), MOAT_OK);
	assert_int_equal(out.throttle_seconds, 5);
	/* a name taken is a conflict */
	assert_int_equal(
	    store_channel_update(f->st, &f->a, &f->p, a.id, rename_to, "b", NULL, &out),
	    MOAT_ECONFLICT);
	assert_int_equal(
	    store_channel_update(f->st, &f->a, &f->p, 999, set_throttle_5, NULL, NULL, &out),
	    MOAT_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(a_channel_keeps_its_filters_and_its_secret_apart, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(a_claim_leases_due_deliveries_and_marks_record_outcomes,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(a_policy_keeps_one_channel_per_environment_and_kind,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(an_update_changes_the_current_row_or_nothing, setup,
	                                    teardown),
	};
	const struct CMUnitTest tests_pg[] = {
	    cmocka_unit_test_setup_teardown(a_channel_keeps_its_filters_and_its_secret_apart,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_claim_leases_due_deliveries_and_marks_record_outcomes,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(a_policy_keeps_one_channel_per_environment_and_kind,
	                                    setup_pg, teardown),
	    cmocka_unit_test_setup_teardown(an_update_changes_the_current_row_or_nothing, setup_pg,
	                                    teardown),
	};
	int failed = cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);

	return failed + cmocka_run_group_tests_name("postgres", tests_pg, NULL, NULL);
}
