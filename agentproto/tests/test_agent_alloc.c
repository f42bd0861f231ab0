/* libmoatagent under allocation failure (issue 8, item 17): the library
 * lives inside other people's processes, so an allocation that fails is an
 * error returned up to the API and a degraded agent, never an abort. Each
 * test fails the 1st, 2nd, ... allocation of one operation through the
 * library's own allocator hook (ma_alloc_fail_at: library-internal, no
 * process-wide allocator is replaced) until the operation runs without
 * reaching the failure, and checks that every failing run returned an
 * error and left things as they were. Leaks on those error paths are
 * caught by LeakSanitizer in `make asan`, which runs these tests. The
 * library must also leave process-wide state alone: jansson's allocator
 * and its hash seed. */
#include "agent_test.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

static void quiet(int level, const char *line, void *arg)
{
	(void)level;
	(void)line;
	(void)arg;
}

static struct moat_agent_config config_for(int port)
{
	static char url[64];
	struct moat_agent_config cfg;

	memset(&cfg, 0, sizeof cfg);
	snprintf(url, sizeof url, "ws://127.0.0.1:%d/v1/agent", port);
	cfg.url = url;
	cfg.token = "moat_agt_test";
	cfg.environment = "production";
	cfg.agent_id = "alloc-test";
	cfg.log_fn = quiet;
	cfg.stop_timeout_ms = 100;
	cfg.flush_ms = 20;
	return cfg;
}

static struct moat_event full_event(void)
{
	struct moat_event ev;

	memset(&ev, 0, sizeof ev);
	ev.interceptor = "sql_injection";
	ev.action = "blocked";
	ev.severity = "high";
	ev.confidence = 0.9;
	ev.source_ip = "203.0.113.7";
	ev.method = "GET";
	ev.endpoint = "/search";
	ev.payload = "' OR 1=1 --";
	ev.operation = "SELECT * FROM t WHERE q = '' OR 1=1 --'";
	ev.file = "app.c";
	ev.line = 42;
	ev.function = "search";
	ev.rule = "sqli.tautology";
	ev.details_json = "{\"k\":\"v\"}";
	return ev;
}

/* Runs op with the nth allocation failing for n = 1, 2, ... until a run
 * does not reach the failure; op returns 0 on success. Returns how many
 * runs failed. */
static int each_failing_allocation(int (*op)(void *arg, int failing), void *arg)
{
	int failed_runs = 0;

	for (long n = 1; n < 10000; n++) {
		int rc, hit;
		ma_alloc_fail_at(n);
		rc = op(arg, 1);
		hit = ma_alloc_failed();
		ma_alloc_fail_at(0);
		if (!hit) {
			assert_int_equal(rc, 0); /* no failure: it must work */
			return failed_runs;
		}
		failed_runs++;
	}
	fail_msg("the operation never ran without reaching the injected failure");
	return failed_runs;
}

static int op_new(void *arg, int failing)
{
	struct moat_agent_config cfg = config_for(1);
	char err[128] = "";
	struct moat_agent *a = moat_agent_new(&cfg, err, sizeof err);

	(void)arg;
	if (!a) {
		assert_true(failing);
		assert_string_equal(err, "out of memory");
		return -1;
	}
	moat_agent_free(a);
	return 0;
}

static void creating_an_agent_returns_an_error_at_every_failing_allocation(void **state)
{
	(void)state;
	assert_true(each_failing_allocation(op_new, NULL) >= 5);
}

static int op_report(void *arg, int failing)
{
	struct moat_agent *a = arg;
	struct moat_event ev = full_event();
	struct moat_agent_stats before, after;
	char id[37];
	int rc;

	(void)failing;
	moat_agent_stats(a, &before);
	rc = moat_agent_report(a, &ev, id);
	moat_agent_stats(a, &after);
	if (rc) {
		assert_int_equal(rc, MOAT_AGENT_ENOMEM);
		assert_int_equal(after.pending, before.pending); /* nothing half-queued */
		assert_int_equal(after.queued, before.queued);
		return rc;
	}
	assert_int_equal(after.pending, before.pending + 1);
	return 0;
}

static void reporting_an_event_returns_enomem_and_queues_nothing(void **state)
{
	struct moat_agent_config cfg = config_for(1);
	struct moat_agent *a = moat_agent_new(&cfg, NULL, 0);

	(void)state;
	assert_non_null(a);
	assert_true(each_failing_allocation(op_report, a) >= 1);
	moat_agent_free(a);
}

static int op_policy(void *arg, int failing)
{
	json_t *c = arg;
	char reason[256] = "";
	struct moat_policy *p =
	    ma_policy_new(3, json_string_value(json_object_get(c, "sha256")),
	                  json_object_get(c, "document"), reason, sizeof reason);

	if (!p) {
		assert_true(failing);
		assert_string_equal(reason, "out of memory");
		return -1;
	}
	assert_int_equal(moat_policy_version(p), 3);
	moat_policy_release(p);
	return 0;
}

static void a_policy_snapshot_is_refused_not_half_built(void **state)
{
	json_t *v = at_load_vectors("canonical.json"), *c;
	size_t i;

	(void)state;
	json_array_foreach(json_object_get(v, "documents"), i, c)
	{
		if (json_is_true(json_object_get(c, "policy")))
			assert_true(each_failing_allocation(op_policy, c) >= 2);
	}
	json_decref(v);
}

static int op_messages(void *arg, int failing)
{
	struct ma_buf b;
	int rc;

	(void)arg;
	(void)failing;
	ma_buf_init(&b, 4096);
	rc = ma_proto_hello(&b, "id-1", "host", "c", "1", "production", 2, "tok");
	if (!rc)
		rc = ma_proto_applied(&b, 2, 0, "refused: \xc3\xa9");
	if (rc)
		assert_int_equal(rc, MOAT_AGENT_ENOMEM);
	ma_buf_cleanup(&b);
	return rc;
}

static void protocol_messages_return_enomem(void **state)
{
	(void)state;
	assert_true(each_failing_allocation(op_messages, NULL) >= 1);
}

static int op_batch(void *arg, int failing)
{
	struct ma_queue *q = arg;
	size_t before = ma_queue_count(q);
	int nomem = -1;
	struct ma_batch *b = ma_batch_take(q, MA_EVENTS_HEAD, 500, MA_MAX_MESSAGE, &nomem);

	(void)failing;
	if (!b) {
		/* the events stay queued: nothing is lost to a failed allocation */
		assert_int_equal(nomem, 1);
		assert_int_equal(ma_queue_count(q), before);
		return -1;
	}
	assert_int_equal(b->events, before);
	ma_batch_free(b);
	return 0;
}

static void a_batch_that_cannot_be_allocated_leaves_its_events_queued(void **state)
{
	struct ma_queue q;

	(void)state;
	assert_int_equal(ma_queue_init(&q, 16, 1 << 20), 0);
	for (int i = 0; i < 5; i++) {
		char *e = strdup("{\"id\":1}");
		assert_int_equal(ma_queue_push(&q, e, strlen(e), NULL), 0);
	}
	assert_true(each_failing_allocation(op_batch, &q) >= 1);
	ma_queue_cleanup(&q);
}

static int op_start(void *arg, int failing)
{
	int port = *(int *)arg;
	struct moat_agent_config cfg = config_for(port);
	struct moat_agent *a = moat_agent_new(&cfg, NULL, 0);
	int rc;

	(void)failing;
	if (!a)
		return -1;
	rc = moat_agent_start(a);
	if (rc)
		assert_int_equal(rc, MOAT_AGENT_ENOMEM);
	moat_agent_free(a);
	return rc ? -1 : 0;
}

static void starting_an_agent_returns_enomem(void **state)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	(void)state;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	port = ntohs(sa.sin_port);
	close(fd); /* nobody listens: the agent just retries */
	assert_true(each_failing_allocation(op_start, &port) >= 1);
}

/* Creating an agent must not replace jansson's allocator nor seed its
 * hash: both are the application's. */
static int counting_mallocs;
static void *counting_malloc(size_t n)
{
	counting_mallocs++;
	return malloc(n);
}

static void an_agent_leaves_jansson_global_state_alone(void **state)
{
	struct moat_agent_config cfg = config_for(1);
	json_malloc_t m;
	json_free_t f;
	struct moat_agent *a;
	json_t *o;

	(void)state;
	json_set_alloc_funcs(counting_malloc, free);
	a = moat_agent_new(&cfg, NULL, 0);
	assert_non_null(a);
	json_get_alloc_funcs(&m, &f);
	assert_ptr_equal(m, counting_malloc);
	moat_agent_free(a);
	/* the library source never seeds or replaces jansson's globals */
	o = json_object();
	assert_true(counting_mallocs > 0);
	json_decref(o);
	json_set_alloc_funcs(malloc, free);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(creating_an_agent_returns_an_error_at_every_failing_allocation),
	    cmocka_unit_test(reporting_an_event_returns_enomem_and_queues_nothing),
	    cmocka_unit_test(a_policy_snapshot_is_refused_not_half_built),
	    cmocka_unit_test(protocol_messages_return_enomem),
	    cmocka_unit_test(a_batch_that_cannot_be_allocated_leaves_its_events_queued),
	    cmocka_unit_test(starting_an_agent_returns_enomem),
	    cmocka_unit_test(an_agent_leaves_jansson_global_state_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
