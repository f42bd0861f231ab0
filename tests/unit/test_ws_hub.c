/*
 * Unit tests for the hub (ws_hub.c): closures run on the draining thread
 * in the order posted, and after ws_hub_close every closure, queued or
 * posted later, is released exactly once (issue 8.11: items posted after
 * shutdown used to stay on the queue forever). No lws context is needed:
 * with none, a post wakes nobody.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "ws_hub.h"

struct tally {
	int ran, released;
	int order[16];
	int norder;
};

struct call {
	struct tally *t;
	int id;
};

static void record(void *arg, int run)
{
	struct call *c = arg;

	if (run) {
		c->t->ran++;
		if (c->t->norder < 16)
			c->t->order[c->t->norder++] = c->id;
	} else {
		c->t->released++;
	}
	free(c);
}

static void post(struct tally *t, int id, int want)
{
	struct call *c = malloc(sizeof *c);

	c->t = t;
	c->id = id;
	assert_int_equal(ws_hub_post(record, c), want);
}

static uint64_t released_total(void)
{
	struct buf b;
	const char *p;
	uint64_t v;

	buf_init(&b, 1u << 16);
	assert_int_equal(ws_hub_metrics(&b), MOAT_OK);
	p = strstr(b.data, "\nmoat_ws_hub_released_total ");
	assert_non_null(p);
	v = strtoull(p + strlen("\nmoat_ws_hub_released_total "), NULL, 10);
	buf_cleanup(&b);
	return v;
}

static void closures_run_in_order_and_are_released_after_the_close(void **state)
{
	struct tally t;
	uint64_t before;

	(void)state;
	memset(&t, 0, sizeof t);
	ws_hub_open(NULL);
	before = released_total();
	for (int i = 0; i < 3; i++)
		post(&t, i, 0);
	ws_hub_drain();
	assert_int_equal(t.ran, 3);
	assert_int_equal(t.order[0], 0);
	assert_int_equal(t.order[1], 1);
	assert_int_equal(t.order[2], 2);
	/* queued when the hub closes: released, not run */
	post(&t, 3, 0);
	post(&t, 4, 0);
	ws_hub_close();
	assert_int_equal(t.released, 2);
	/* posted after the close: released at once */
	post(&t, 5, -1);
	assert_int_equal(t.released, 3);
	ws_hub_drain(); /* nothing left */
	assert_int_equal(t.ran, 3);
	assert_int_equal(released_total() - before, 3);
}

/* ---- producers racing the close ---- */

#define PRODUCERS 4
#define POSTS     20000

static int raced_calls; /* atomic: closures called, run or released */

static void count_call(void *arg, int run)
{
	(void)arg;
	(void)run;
	__atomic_add_fetch(&raced_calls, 1, __ATOMIC_RELAXED);
}

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 0; i < POSTS; i++)
		ws_hub_post(count_call, NULL);
	return NULL;
}

static void every_closure_is_called_once_when_producers_race_the_close(void **state)
{
	pthread_t th[PRODUCERS];

	(void)state;
	raced_calls = 0;
	ws_hub_open(NULL);
	for (int i = 0; i < PRODUCERS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, producer, NULL), 0);
	ws_hub_drain();
	ws_hub_close(); /* while they post */
	for (int i = 0; i < PRODUCERS; i++)
		pthread_join(th[i], NULL);
	ws_hub_drain(); /* must find nothing: posts after the close were released */
	assert_int_equal(__atomic_load_n(&raced_calls, __ATOMIC_RELAXED), PRODUCERS * POSTS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(closures_run_in_order_and_are_released_after_the_close),
	    cmocka_unit_test(every_closure_is_called_once_when_producers_race_the_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
