/*
 * rollup_pg — what the writer's event path costs on PostgreSQL, without
 * the network, the agents or moatd's threads: batches of the ingest
 * benchmarks' events (gen.h) stored as the writer stores them, one
 * transaction each (store_event_prepare, store_tx_begin_events,
 * store_event_reserve_ids, store_event_insert_batch,
 * store_event_rollup_add, store_tx_commit), with the time of the rollups
 * and of the whole transaction per batch.
 *
 *   rollup_pg URL [batches] [events_per_batch]
 *
 * URL is an empty PostgreSQL database (migrated here). Links against a
 * libmoat.a; bench/ingest/rollup_pg.sh builds it against this tree and
 * against a baseline commit's and runs them one after the other on one
 * throwaway server. Prints one line:
 *   rollup_pg batches=B events=E rollup_ms_p50=.. rollup_ms_p99=..
 *             tx_ms_p50=.. tx_ms_p99=.. events_per_s=..
 * Single-threaded; exits 2 on any error.
 */
#define _GNU_SOURCE
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "gen.h"
#include "store.h"

static _Noreturn void rp_die(const char *what, int rc)
{
	fprintf(stderr, "rollup_pg: %s: %d\n", what, rc);
	exit(2);
}

static int rp_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double rp_pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, rp_cmp);
	return v[(int)(p * (n - 1))];
}

int main(int argc, char **argv)
{
	int batches = argc > 2 ? atoi(argv[2]) : 200;
	size_t per = argc > 3 ? (size_t)atol(argv[3]) : 500;
	size_t len, *uoff, *toff;
	double *t_ru, *t_tx, total = 0;
	struct store *st;
	struct store_project p;
	struct store_env env;
	struct actor a = {.type = ACTOR_SYSTEM};
	char msg[256], *tmpl, *text;
	uint64_t rng = 42;
	int rc;

	if (argc < 2 || batches <= 0 || per == 0) {
		fprintf(stderr, "usage: rollup_pg URL [batches] [events_per_batch]\n");
		return 2;
	}
	snprintf(a.label, sizeof a.label, "bench");
	if ((rc = store_open(argv[1], &st)) || (rc = store_migrate(st, msg, sizeof msg)))
		rp_die("open", rc);
	if ((rc = store_project_create(st, &a, "bench", "Bench", &p)) ||
	    (rc = store_env_get(st, p.id, "production", &env)))
		rp_die("project", rc);
	uoff = malloc(per * sizeof *uoff);
	toff = malloc(per * sizeof *toff);
	t_ru = malloc((size_t)batches * sizeof *t_ru);
	t_tx = malloc((size_t)batches * sizeof *t_tx);
	if (!uoff || !toff || !t_ru || !t_tx)
		rp_die("malloc", 0);
	for (int k = 0; k < batches; k++) {
		int64_t now = gen_now_ms(), first, t0, t1, t2;
		struct event_batch b;
		unsigned char *ins;
		json_error_t je;
		json_t *j;
		tmpl = gen_template((uint64_t)k * per, per, &len, uoff, toff);
		text = strdup(tmpl);
		gen_patch(text, per, uoff, toff, &rng, now - 1000);
		j = json_loadb(text, len, 0, &je);
		if (!j || event_batch_parse(j, now, &b, msg, sizeof msg))
			rp_die("batch", 0);
		ins = calloc(b.n, 1);
		t0 = gen_mono_ns();
		if ((rc = store_event_prepare(st, &b, now)) || (rc = store_tx_begin_events(st)) ||
		    (rc = store_event_reserve_ids(st, (int64_t)b.n, &first)) ||
		    (rc = store_event_insert_batch(st, p.id, env.id, "agent-1", &b, now, &first, ins)))
			rp_die("insert", rc);
		t1 = gen_mono_ns();
		if ((rc = store_event_rollup_add(st, p.id, env.id, &b, ins)))
			rp_die("rollup", rc);
		t2 = gen_mono_ns();
		if ((rc = store_tx_commit(st)))
			rp_die("commit", rc);
		t_ru[k] = (double)(t2 - t1) / 1e6;
		t_tx[k] = (double)(gen_mono_ns() - t0) / 1e6;
		total += t_tx[k];
		free(ins);
		event_batch_free(&b);
		json_decref(j);
		free(text);
		free(tmpl);
	}
	printf("rollup_pg batches=%d events=%zu rollup_ms_p50=%.2f rollup_ms_p99=%.2f "
	       "tx_ms_p50=%.2f tx_ms_p99=%.2f events_per_s=%.0f\n",
	       batches, (size_t)batches * per, rp_pct(t_ru, batches, 0.5),
	       rp_pct(t_ru, batches, 0.99), rp_pct(t_tx, batches, 0.5), rp_pct(t_tx, batches, 0.99),
	       (double)batches * (double)per / (total / 1000));
	store_close(st);
	return 0;
}
