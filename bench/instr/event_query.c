/*
 * event_query.c — the event read path's SQLite cost in instructions
 * (issue 13 ported store_event_query.c, _groups.c, _stats.c and
 * _impact.c to db.h; the SQLite path must cost what it did). One process,
 * one SQLite store in a temporary file, 20,000 events of one project put
 * in as the writer does (rows, rollups, free-text index); each round is
 * what a dashboard asks of them: a first page of 50 with no filter, by
 * interceptor, by source address, by a rare word (FTS5 drives) and by a
 * common one (checked in rounds of ids), statistics of the day in hour
 * buckets, the attacks grouped over the day (and by source), and a
 * policy's impact over the day. bench/instr/event_query.sh runs it under
 * callgrind at two round counts against two builds of libmoat.a and
 * prints instructions per round. Usage: event_query ROUNDS DB: the
 * database DB is made (migrated and filled) when it does not exist, which
 * the script does once, outside callgrind, and each measured run then
 * works on a copy (ROUNDS 0: only make it).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "event.h"
#include "event_query.h"
#include "policy.h"
#include "store.h"

#define NEV  20000
#define T0   1795680000000LL /* 2026-11-26T08:00:00Z */
#define HOUR 3600000LL

static const char *const ics[] = {"sql_injection", "xss", "ssrf", "command_injection"};

static void must(int rc, const char *what)
{
	if (rc != MOAT_OK) {
		fprintf(stderr, "event_query: %s: %d\n", what, rc);
		exit(1);
	}
}

/* NEV events over the 24 hours before T0, 1 in 500 with a rare word. */
static void fill(struct store *st, int64_t project_id, int64_t env)
{
	int64_t next_id = 0, n = 0, mark = 0;

	must(store_tx_begin(st), "begin");
	must(store_event_next_id(st, &next_id), "next id");
	for (int i = 0; i < NEV; i++) {
		char uid[40], ip[48], payload[64], ep[32];
		struct event e;
		struct event_batch one = {.ev = &e, .n = 1};
		unsigned char flag = 1;
		int inserted;
		memset(&e, 0, sizeof e);
		snprintf(uid, sizeof uid, "00000000-0000-4000-8000-%012d", i);
		snprintf(ip, sizeof ip, "203.0.%d.%d", 113 + i % 3, i % 250);
		snprintf(payload, sizeof payload, "%s common %d", i % 500 ? "alert" : "rareword", i);
		snprintf(ep, sizeof ep, "/api/%d", i % 40);
		e.uid = uid;
		e.ts_ms = T0 - 24 * HOUR + (int64_t)i * (24 * HOUR / NEV);
		e.interceptor = ics[i % 4];
		e.action = i % 3 ? "blocked" : "logged";
		e.severity = "high";
		e.source_ip = ip;
		e.method = "GET";
		e.endpoint = ep;
		e.payload = payload;
		e.payload_len = (int64_t)strlen(payload);
		e.operation = "SELECT 1";
		e.operation_len = 8;
		e.rule = "r";
		must(store_event_insert(st, project_id, env, "agent", &e, T0, &next_id, &inserted),
		     "insert");
		must(store_event_rollup_add(st, project_id, env, &one, &flag), "rollup");
	}
	must(store_tx_commit(st), "commit");
	while (n < NEV) {
		int64_t k = 0;
		must(store_event_index_text(st, 8000, &k, &mark), "index");
		n += k;
		if (k == 0)
			break;
	}
}

static void page(struct store *st, const struct store_event_filter *f)
{
	struct store_event_row *rows;
	size_t n;

	must(store_event_search(st, f, 50, &rows, &n), "search");
	if (n == 0) {
		fprintf(stderr, "event_query: a search found nothing\n");
		exit(1);
	}
	store_event_rows_free(rows, n);
	store_idle(st);
}

int main(int argc, char **argv)
{
	char msg[256], rare[64], common[64];
	int rounds = argc > 2 ? (int)strtol(argv[1], NULL, 10) : -1;
	const char *path = argc > 2 ? argv[2] : NULL;
	struct store *st = NULL;
	struct store_project p;
	struct store_env env;
	struct actor a;
	json_t *in, *doc, *errors = json_array();
	int fresh;

	if (rounds < 0) {
		fprintf(stderr, "usage: event_query ROUNDS DB\n");
		return 2;
	}
	fresh = access(path, F_OK) != 0;
	memset(&a, 0, sizeof a);
	a.type = ACTOR_SYSTEM;
	snprintf(a.label, sizeof a.label, "bench");
	a.ip = "local";
	a.request_id = "bench";
	must(store_open(path, &st), "open");
	if (fresh) {
		must(store_migrate(st, msg, sizeof msg), "migrate");
		must(store_project_create(st, &a, "bench", "Bench", &p), "project");
		must(store_env_get(st, p.id, "production", &env), "env");
		fill(st, p.id, env.id);
	} else {
		must(store_project_get(st, "bench", &p), "project");
		must(store_env_get(st, p.id, "production", &env), "env");
	}
	if (event_query_fts("rareword", rare, sizeof rare) != 1 ||
	    event_query_fts("common", common, sizeof common) != 1)
		return 1;
	in = json_loads("{\"interceptors\": {\"xss\": {\"mode\": \"block\"}},"
	                " \"denylist\": {\"ips\": [{\"value\": \"203.0.114.0/24\"}]}}",
	                0, NULL);
	doc = policy_normalize(in, errors);
	if (!doc)
		return 1;
	for (int i = 0; i < rounds; i++) {
		struct store_event_filter f = {.project_id = p.id}, g;
		struct store_event_stats s;
		struct store_event_groups gr;
		struct store_impact im;

		page(st, &f);
		g = f, g.interceptor = "xss", page(st, &g);
		g = f, g.source_ip = "203.0.114.7", page(st, &g);
		g = f, g.fts = rare, page(st, &g);
		g = f, g.fts = common, page(st, &g);
		must(store_event_stats(st, p.id, NULL, T0 - 24 * HOUR + 12345, T0 + 6789, HOUR, &s),
		     "stats");
		store_event_stats_cleanup(&s);
		store_idle(st);
		g = f, g.since_ms = T0 - 24 * HOUR + 12345, g.until_ms = T0 + 6789;
		must(store_event_groups(st, &g, i % 2, 100, &gr), "groups");
		store_event_groups_cleanup(&gr);
		store_idle(st);
		must(store_event_impact(st, p.id, env.id, doc, T0 - 24 * HOUR + 12345, T0 + 6789, T0,
		                        &im),
		     "impact");
		store_event_impact_cleanup(&im);
		store_idle(st);
	}
	json_decref(doc);
	json_decref(in);
	json_decref(errors);
	store_close(st);
	return 0;
}
