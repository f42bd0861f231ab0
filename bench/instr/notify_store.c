/*
 * notify_store.c — the notification store's SQLite path in instructions
 * (issue 13 ported it to db.h; it must not get slower). One process, one
 * SQLite store in a temporary file, one project with two channels; each
 * round is what the writer and the notifier do per notification: the
 * outbox hook's channel match inside a write transaction with the
 * delivery added there, a claim (select, lease, commit), the outcome
 * marked, and every 10th round a digest opened and updated and an alert
 * scan. bench/instr/notify_store.sh runs it under callgrind at two round
 * counts against two builds of libmoat.a and prints instructions per
 * round. Usage: notify_store ROUNDS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "store.h"

static void must(int rc, const char *what)
{
	if (rc != MOAT_OK) {
		fprintf(stderr, "notify_store: %s: %d\n", what, rc);
		exit(1);
	}
}

static int64_t make_channel(struct store *st, const struct actor *a, const struct store_project *p,
                            const char *name)
{
	struct store_channel c, out;

	memset(&c, 0, sizeof c);
	snprintf(c.kind, sizeof c.kind, "webhook");
	snprintf(c.name, sizeof c.name, "%s", name);
	snprintf(c.url, sizeof c.url, "https://hooks.example.com/%s", name);
	c.enabled = 1;
	c.on_threats = 1;
	c.throttle_seconds = 60;
	c.rollout_stall_seconds = 600;
	must(store_channel_create(st, a, p, &c, "whsec_x", &out), "channel");
	return out.id;
}

int main(int argc, char **argv)
{
	char path[64] = "/tmp/moat-bench-XXXXXX", msg[256], p2[80];
	int rounds = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 0;
	struct store *st = NULL;
	struct store_project p;
	struct actor a;
	int64_t ch[2], digest = 0;
	int fd = mkstemp(path);

	if (fd < 0 || rounds <= 0) {
		fprintf(stderr, "usage: notify_store ROUNDS\n");
		return 2;
	}
	close(fd);
	memset(&a, 0, sizeof a);
	a.type = ACTOR_SYSTEM;
	snprintf(a.label, sizeof a.label, "bench");
	a.ip = "local";
	a.request_id = "bench";
	must(store_open(path, &st), "open");
	must(store_migrate(st, msg, sizeof msg), "migrate");
	must(store_project_create(st, &a, "bench", "Bench", &p), "project");
	ch[0] = make_channel(st, &a, &p, "one");
	ch[1] = make_channel(st, &a, &p, "two");
	for (int i = 0; i < rounds; i++) {
		int64_t now = 1000 + i, id = 0;
		struct store_channel *chans = NULL;
		struct store_delivery_job *j = NULL;
		struct store_delivery_new d = {.channel_id = ch[i % 2],
		                               .kind = "event",
		                               .event_id = i + 1,
		                               .event_count = 1,
		                               .body = "{\"event\":1}",
		                               .next_attempt_at = now,
		                               .now_ms = now};
		size_t n = 0;

		must(store_tx_begin(st), "begin");
		must(store_notify_channels_in(st, p.id, &chans, &n), "channels");
		free(chans);
		must(store_delivery_add_in(st, &d, &id, NULL), "add");
		if (i % 10 == 0) {
			char *body = NULL;
			if (!digest) {
				d.kind = "digest";
				d.next_attempt_at = now + 1000000;
				must(store_delivery_add_in(st, &d, &digest, NULL), "digest");
			}
			must(store_notify_digest_open_in(st, digest, &body), "digest open");
			free(body);
			must(store_notify_digest_update_in(st, digest, i + 1, 1, "{\"n\":1}"),
			     "digest update");
		}
		must(store_tx_commit(st), "commit");
		must(store_notify_claim(st, now, 30000, 8, NULL, NULL, 0, 4, &j, &n), "claim");
		for (size_t k = 0; k < n; k++)
			must(store_delivery_mark_delivered(st, j[k].d.id, 200, now), "mark");
		store_delivery_jobs_free(j, n);
		if (i % 10 == 0) {
			struct store_notify_alert *al = NULL;
			must(store_notify_scan_env_offline(st, now, 60, &al, &n), "scan");
			free(al);
		}
		store_idle(st);
	}
	store_close(st);
	unlink(path);
	snprintf(p2, sizeof p2, "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof p2, "%s-shm", path);
	unlink(p2);
	return 0;
}
