/* libmoatagent: the connection thread's lifecycle without a server —
 * start, retry with backoff against a closed port, stop within its bound
 * while other threads report, many cycles without leaks (run it under
 * the sanitizer build). Timing is checked against the schedule of a
 * known seed, as lower bounds and by polling with a deadline: no sleep
 * followed by a count. */
#include "agent_test.h"

#include <arpa/inet.h>
#include <libwebsockets.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* A loopback port nobody listens on (bound, then closed). */
static int closed_port(void)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

/* A loopback port that takes TCP connections (the kernel completes the
 * handshake) but never answers: *fd is the listening socket. */
static int silent_port(int *fd)
{
	struct sockaddr_in sa;
	socklen_t len = sizeof sa;

	*fd = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(*fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(listen(*fd, 16), 0);
	assert_int_equal(getsockname(*fd, (struct sockaddr *)&sa, &len), 0);
	return ntohs(sa.sin_port);
}

static int quiet_lines;
static void quiet(int level, const char *line, void *arg)
{
	(void)level;
	(void)line;
	(void)arg;
	__atomic_add_fetch(&quiet_lines, 1, __ATOMIC_RELAXED);
}

static struct moat_agent *agent_for_port(int port, const char *id)
{
	char url[64], err[128];
	struct moat_agent_config cfg = {
	    .token = "moat_agt_test",
	    .environment = "production",
	    .agent_id = id,
	    .flush_ms = 20,
	    .stop_timeout_ms = 300,
	    .log_fn = quiet,
	};
	struct moat_agent *a;

	snprintf(url, sizeof url, "ws://127.0.0.1:%d/v1/agent", port);
	cfg.url = url;
	a = moat_agent_new(&cfg, err, sizeof err);
	if (!a)
		fail_msg("%s", err);
	return a;
}

static int64_t mono_ms(void)
{
	return ma_mono_us() / 1000;
}

/* A seed whose first two delays are both well above their base (so a
 * schedule without jitter, or with another seed, comes back sooner). */
#define LIFE_SEED 6

/* The schedule the agent follows with seed: the first n delays (ms). */
static void schedule(uint64_t seed, int *d, int n)
{
	struct ma_backoff b;

	ma_backoff_init(&b, seed);
	for (int i = 0; i < n; i++)
		d[i] = ma_backoff_next(&b);
}

/* Waits (deadline 15 s, sanitizer builds are slow) until the agent has
 * made at least n reconnects; returns the ms since t0, read after the
 * count so that every reconnect counted happened before it. */
static int64_t wait_reconnects(struct moat_agent *a, uint64_t n, int64_t t0,
                               struct moat_agent_stats *st)
{
	int64_t deadline = mono_ms() + 15000;

	for (;;) {
		int64_t t;
		moat_agent_stats(a, st);
		t = mono_ms() - t0;
		if (st->reconnects >= n)
			return t;
		if (mono_ms() > deadline)
			fail_msg("%llu reconnects after %lld ms, wanted %llu",
			         (unsigned long long)st->reconnects, (long long)t,
			         (unsigned long long)n);
		usleep(5 * 1000);
	}
}

/* Attempts come no sooner than the seeded schedule says (a lower bound
 * holds however slow the machine) and no more of them than fit in the
 * time that passed. */
static void a_refused_connection_is_retried_with_backoff(void **state)
{
	struct moat_agent *a = agent_for_port(closed_port(), "life-1");
	struct moat_agent_stats st;
	int d[8];
	int64_t t0, t, sum = 0;
	uint64_t fit = 0;

	(void)state;
	schedule(LIFE_SEED, d, 8);
	assert_true(d[0] > 560 && d[1] > 1120); /* the seed is as described */
	a->backoff_seed = LIFE_SEED;
	t0 = mono_ms();
	assert_int_equal(moat_agent_start(a), 0);
	assert_int_equal(moat_agent_start(a), MOAT_AGENT_ESTATE);
	t = wait_reconnects(a, 2, t0, &st);
	/* the first attempt at once, the next after d[0], then after d[1] */
	if (t < d[0] + d[1])
		fail_msg("2 reconnects after %lld ms: sooner than the schedule (%d + %d ms)",
		         (long long)t, d[0], d[1]);
	for (int i = 0; i < 8 && sum + d[i] <= t; i++) {
		sum += d[i];
		fit++;
	}
	if (st.reconnects > fit)
		fail_msg("%llu reconnects in %lld ms: only %llu fit the schedule",
		         (unsigned long long)st.reconnects, (long long)t, (unsigned long long)fit);
	assert_int_equal(st.connected, 0);
	assert_int_equal(st.last_close_code, 1006);
	moat_agent_stop(a);
	assert_int_equal(moat_agent_start(a), MOAT_AGENT_ESTATE);
	moat_agent_free(a);
}

struct reporter {
	struct moat_agent *a;
	int stop;
	long ok, full;
};

static void *report_loop(void *arg)
{
	struct reporter *r = arg;
	struct moat_event ev = {
	    .interceptor = "ssrf", .action = "blocked", .severity = "medium", .confidence = -1};

	while (!__atomic_load_n(&r->stop, __ATOMIC_ACQUIRE)) {
		int rc = moat_agent_report(r->a, &ev, NULL);
		if (rc == 0)
			r->ok++;
		else
			r->full++;
	}
	return NULL;
}

static void stop_is_bounded_while_other_threads_report(void **state)
{
	struct moat_agent *a = agent_for_port(closed_port(), "life-2");
	struct reporter r[3];
	pthread_t t[3];
	struct moat_agent_stats st;
	int64_t t0;

	(void)state;
	assert_int_equal(moat_agent_start(a), 0);
	for (int i = 0; i < 3; i++) {
		r[i] = (struct reporter){.a = a};
		assert_int_equal(pthread_create(&t[i], NULL, report_loop, &r[i]), 0);
	}
	/* until the queue is full (not a fixed sleep: slow builds fill later) */
	t0 = mono_ms();
	do {
		assert_true(mono_ms() - t0 < 15000);
		usleep(5 * 1000);
		moat_agent_stats(a, &st);
	} while (st.pending < 10000);
	t0 = mono_ms();
	moat_agent_stop(a); /* reporters keep going: wake-ups race the teardown */
	assert_true(mono_ms() - t0 < 1000);
	usleep(50 * 1000);
	for (int i = 0; i < 3; i++) {
		__atomic_store_n(&r[i].stop, 1, __ATOMIC_RELEASE);
		pthread_join(t[i], NULL);
	}
	moat_agent_stats(a, &st);
	assert_int_equal(st.queued, (uint64_t)(r[0].ok + r[1].ok + r[2].ok));
	assert_int_equal(st.dropped_full, (uint64_t)(r[0].full + r[1].full + r[2].full));
	assert_int_equal(st.queued, 10000); /* the default bound, nothing sent */
	assert_int_equal(st.pending, 10000);
	assert_int_equal(st.sent, 0);
	moat_agent_free(a);
}

static void a_server_that_never_answers_the_upgrade_is_dropped_and_retried(void **state)
{
	char url[64], err[128];
	int fd, port = silent_port(&fd);
	struct moat_agent_config cfg = {
	    .token = "moat_agt_test",
	    .environment = "production",
	    .agent_id = "life-silent",
	    .flush_ms = 20,
	    .connect_timeout_ms = 300,
	    .stop_timeout_ms = 200,
	    .log_fn = quiet,
	};
	struct moat_agent *a;
	struct moat_agent_stats st;
	int64_t t0, t;
	int d[1];

	(void)state;
	snprintf(url, sizeof url, "ws://127.0.0.1:%d/v1/agent", port);
	cfg.url = url;
	a = moat_agent_new(&cfg, err, sizeof err);
	assert_non_null(a);
	schedule(LIFE_SEED, d, 1);
	a->backoff_seed = LIFE_SEED;
	t0 = mono_ms();
	assert_int_equal(moat_agent_start(a), 0);
	/* the first attempt is dropped after the 300 ms connect timeout, the
	 * second comes d[0] later: never sooner */
	t = wait_reconnects(a, 1, t0, &st);
	if (t < 300 + d[0])
		fail_msg("a reconnect after %lld ms: the silent server was not waited for "
		         "(300 ms) or the backoff (%d ms) skipped",
		         (long long)t, d[0]);
	assert_int_equal(st.connected, 0);
	moat_agent_stop(a); /* while an attempt may be pending: no freed wsi touched */
	moat_agent_free(a);
	close(fd);
}

static void many_start_stop_cycles(void **state)
{
	int port = closed_port();

	(void)state;
	for (int i = 0; i < 30; i++) {
		char id[32];
		struct moat_agent *a;
		struct moat_event ev = {
		    .interceptor = "xss", .action = "logged", .severity = "low", .confidence = 0.1};
		snprintf(id, sizeof id, "life-cycle-%d", i);
		a = agent_for_port(port, id);
		assert_int_equal(moat_agent_report(a, &ev, NULL), 0);
		assert_int_equal(moat_agent_start(a), 0);
		if (i % 3)
			usleep((useconds_t)(i % 7) * 3000);
		moat_agent_stop(a);
		moat_agent_free(a);
	}
}

static void stop_before_the_thread_runs_is_fine(void **state)
{
	struct moat_agent *a = agent_for_port(closed_port(), "life-3");

	(void)state;
	assert_int_equal(moat_agent_start(a), 0);
	moat_agent_stop(a);
	moat_agent_free(a);
}

static void a_wss_url_with_an_unreadable_ca_file_does_not_start(void **state)
{
	char err[128];
	struct moat_agent_config cfg = {
	    .url = "wss://127.0.0.1:1/v1/agent",
	    .token = "moat_agt_test",
	    .environment = "production",
	    .agent_id = "life-tls",
	    .ca_file = "/nonexistent/ca.pem",
	    .stop_timeout_ms = 100,
	    .log_fn = quiet,
	};
	struct moat_agent *a = moat_agent_new(&cfg, err, sizeof err);

	(void)state;
	assert_non_null(a);
	assert_int_equal(moat_agent_start(a), MOAT_AGENT_EIO);
	assert_int_equal(quiet_lines > 0, 1); /* said why, through the log sink */
	moat_agent_stop(a);
	moat_agent_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_refused_connection_is_retried_with_backoff),
	    cmocka_unit_test(stop_is_bounded_while_other_threads_report),
	    cmocka_unit_test(a_server_that_never_answers_the_upgrade_is_dropped_and_retried),
	    cmocka_unit_test(many_start_stop_cycles),
	    cmocka_unit_test(stop_before_the_thread_runs_is_fine),
	    cmocka_unit_test(a_wss_url_with_an_unreadable_ca_file_does_not_start),
	};

	lws_set_log_level(0, NULL); /* the process-wide lws log is the application's */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
