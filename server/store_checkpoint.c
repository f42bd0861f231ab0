/*
 * store_checkpoint.c — WAL checkpoints on a thread of their own.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
 * WAL pages, on the committing thread: with 500-event batches that was
 * about every other group commit, and it took most of the commit's time
 * (copying the pages into the database and syncing it), so acks waited for
 * it. Every connection now reports its WAL size through a WAL hook
 * (store_wal_hook, installed by store_open) and, while the checkpointer
 * runs, the hook only wakes it. The checkpointer's own connection copies
 * the pages with PASSIVE checkpoints, which never wait for readers or the
 * writer.
 *
 * The log starts over only when a transaction begins while every page of it
 * has been copied, and a writer that never pauses (the ingest writer under
 * sustained load) never leaves that moment to a checkpoint running beside
 * it: measured, the log grew past a gigabyte in 20 s, and a RESTART
 * checkpoint from the checkpointer starved for seconds against the
 * writer's back-to-back transactions. So once a commit leaves the log over
 * STORE_WAL_MAX_PAGES, the committing connection checkpoints inline (most
 * pages are copied already), and its next transaction starts the log
 * over. SQLite answers SQLITE_BUSY at once, whatever the mode and the busy
 * timeout, to a checkpoint that finds another one running, and on a busy
 * machine the background pass was often running: the inline checkpoint
 * gave up and the log grew on. So the two take turns on ck_pass: the
 * inline checkpoint waits for a background pass in progress (a PASSIVE
 * pass never waits for anything itself) and then runs. Without the
 * checkpointer (the CLI, unit tests) the hook checkpoints inline from
 * 1,000 pages, as SQLite's default does.
 */
#include "store_int.h"

#include <pthread.h>

#include "buf.h"
#include "err.h"
#include "log.h"

#define STORE_CKPT_PAGES    1000  /* SQLite's default autocheckpoint */
#define STORE_WAL_MAX_PAGES 16384 /* 64 MiB of 4 KiB pages */

static pthread_mutex_t ck_lock = PTHREAD_MUTEX_INITIALIZER;
/* held for the length of one checkpoint (background or inline); never
 * taken with ck_lock held */
static pthread_mutex_t ck_pass = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ck_cond = PTHREAD_COND_INITIALIZER;
static int ck_running, ck_wanted, ck_stopping;
static pthread_t ck_thread;
static struct store *ck_store;
/* for /metrics, under ck_lock */
static uint64_t ck_passive, ck_inline;
static int64_t ck_wal_pages;

int store_wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	int running;

	(void)arg;
	if (pages < STORE_CKPT_PAGES)
		return SQLITE_OK;
	pthread_mutex_lock(&ck_lock);
	running = ck_running;
	if (running && pages < STORE_WAL_MAX_PAGES) {
		ck_wanted = 1;
		pthread_cond_signal(&ck_cond);
	} else if (running) {
		ck_inline++;
	}
	pthread_mutex_unlock(&ck_lock);
	if (!running)
		sqlite3_wal_checkpoint(db, name); /* SQLite's default: PASSIVE */
	else if (pages >= STORE_WAL_MAX_PAGES) {
		/* after the background pass in progress, if any: a second
		 * checkpoint beside it would give up at once */
		pthread_mutex_lock(&ck_pass);
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_FULL, NULL, NULL);
		pthread_mutex_unlock(&ck_pass);
	}
	return SQLITE_OK;
}

static void *ck_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&ck_lock);
	for (;;) {
		int log = -1, done = -1, rc;
		while (!ck_wanted && !ck_stopping)
			pthread_cond_wait(&ck_cond, &ck_lock);
		if (ck_stopping)
			break;
		ck_wanted = 0;
		pthread_mutex_unlock(&ck_lock);
		pthread_mutex_lock(&ck_pass);
		rc = sqlite3_wal_checkpoint_v2(ck_store->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log,
		                               &done);
		pthread_mutex_unlock(&ck_pass);
		if (rc != SQLITE_OK && rc != SQLITE_BUSY)
			LOG(LOG_WARN, "msg=\"checkpoint failed\" error=\"%s\"",
			    sqlite3_errmsg(ck_store->db));
		pthread_mutex_lock(&ck_lock);
		ck_passive++;
		ck_wal_pages = log;
	}
	pthread_mutex_unlock(&ck_lock);
	return NULL;
}

int store_checkpointer_start(const char *path)
{
	int rc;

	/* PostgreSQL has no WAL hook of ours to wake it: no thread, no
	 * connection (stop and the metrics take "not running") */
	if (store_target_is_postgres(path))
		return MOAT_OK;
	rc = store_open(path, &ck_store);
	if (rc)
		return rc;
	ck_stopping = ck_wanted = 0;
	if (pthread_create(&ck_thread, NULL, ck_main, NULL) != 0) {
		store_close(ck_store);
		ck_store = NULL;
		return MOAT_EIO;
	}
	pthread_mutex_lock(&ck_lock);
	ck_running = 1;
	pthread_mutex_unlock(&ck_lock);
	return MOAT_OK;
}

void store_checkpointer_stop(void)
{
	pthread_mutex_lock(&ck_lock);
	if (!ck_running) {
		pthread_mutex_unlock(&ck_lock);
		return;
	}
	ck_running = 0;
	ck_stopping = 1;
	pthread_cond_signal(&ck_cond);
	pthread_mutex_unlock(&ck_lock);
	pthread_join(ck_thread, NULL);
	store_close(ck_store);
	ck_store = NULL;
}

int store_checkpoint_metrics(struct buf *b)
{
	uint64_t passive, inl;
	int64_t pages;

	pthread_mutex_lock(&ck_lock);
	passive = ck_passive;
	inl = ck_inline;
	pages = ck_wal_pages;
	pthread_mutex_unlock(&ck_lock);
	return buf_printf(b,
	                  "# HELP moat_db_checkpoints_total WAL checkpoints: by the checkpointer"
	                  " thread, or inline by a commit that left the log over 64 MiB.\n"
	                  "# TYPE moat_db_checkpoints_total counter\n"
	                  "moat_db_checkpoints_total{mode=\"background\"} %llu\n"
	                  "moat_db_checkpoints_total{mode=\"inline\"} %llu\n"
	                  "# HELP moat_db_wal_pages WAL pages at the checkpointer's last pass (-1:"
	                  " none yet).\n"
	                  "# TYPE moat_db_wal_pages gauge\nmoat_db_wal_pages %lld\n",
	                  (unsigned long long)passive, (unsigned long long)inl,
	                  (long long)(passive ? pages : -1))
	           ? MOAT_ETOOBIG
	           : MOAT_OK;
}
