/*
 * ingest.c — the writer thread and its job queue; see ingest.h.
 *
 * The queue is a singly linked FIFO under one mutex with a condition the
 * writer sleeps on. The writer owns its SQLite connection and every
 * statement on it.
 */
#include "ingest.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "log.h"
#include "store.h"
#include "timefmt.h"
#include "xalloc.h"

enum job_kind { JOB_HELLO = 1, JOB_APPLIED, JOB_OFFLINE, JOB_SEEN };

struct job {
	struct job *next;
	int kind;
	int64_t at; /* wall clock when it happened */
	struct ingest_agent agent;
	int64_t version;
	int ok;
	char error[256];
};

static pthread_mutex_t ingest_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ingest_cond = PTHREAD_COND_INITIALIZER;
static struct job *ingest_head, *ingest_tail;
static int64_t ingest_depth;
static int ingest_stopping, ingest_running;
static pthread_t ingest_thread;
static struct store *ingest_store;

static void ingest_push(struct job *j)
{
	j->next = NULL;
	j->at = timefmt_now();
	pthread_mutex_lock(&ingest_lock);
	if (ingest_tail)
		ingest_tail->next = j;
	else
		ingest_head = j;
	ingest_tail = j;
	ingest_depth++;
	pthread_cond_signal(&ingest_cond);
	pthread_mutex_unlock(&ingest_lock);
}

int64_t ingest_queue_depth(void)
{
	int64_t d;

	pthread_mutex_lock(&ingest_lock);
	d = ingest_depth;
	pthread_mutex_unlock(&ingest_lock);
	return d;
}

void ingest_agent_hello(const struct ingest_agent *a)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->kind = JOB_HELLO;
	j->agent = *a;
	ingest_push(j);
}

static struct job *ingest_agent_job(int kind, int64_t project_id, const char *agent_id)
{
	struct job *j = xcalloc(1, sizeof *j);

	j->kind = kind;
	j->agent.project_id = project_id;
	snprintf(j->agent.agent_id, sizeof j->agent.agent_id, "%s", agent_id);
	return j;
}

void ingest_agent_applied(int64_t project_id, const char *agent_id, int64_t version, int ok,
                          const char *error)
{
	struct job *j = ingest_agent_job(JOB_APPLIED, project_id, agent_id);

	j->version = version;
	j->ok = ok;
	snprintf(j->error, sizeof j->error, "%s", error ? error : "");
	ingest_push(j);
}

void ingest_agent_offline(int64_t project_id, const char *agent_id)
{
	ingest_push(ingest_agent_job(JOB_OFFLINE, project_id, agent_id));
}

void ingest_agent_seen(int64_t project_id, const char *agent_id)
{
	ingest_push(ingest_agent_job(JOB_SEEN, project_id, agent_id));
}

/* Applies one job inside the writer's open transaction. */
static int ingest_apply(struct job *j)
{
	const struct ingest_agent *a = &j->agent;

	switch (j->kind) {
	case JOB_HELLO:
		return store_agent_hello(ingest_store, a->project_id, a->env_id, a->agent_id,
		                         a->hostname, a->runtime, a->agent_version, a->remote,
		                         a->token_id, a->policy_version, j->at);
	case JOB_APPLIED:
		return store_agent_applied(ingest_store, a->project_id, a->agent_id, j->version,
		                           j->ok, j->error, j->at);
	case JOB_OFFLINE:
		return store_agent_offline(ingest_store, a->project_id, a->agent_id, j->at);
	case JOB_SEEN:
		return store_agent_seen(ingest_store, a->project_id, a->agent_id, j->at);
	}
	return MOAT_EINVALID;
}

/* Commits a batch of jobs; retries until the database takes them. */
static void ingest_commit(struct job *batch)
{
	int attempt = 0;

	for (;;) {
		int rc = store_tx_begin(ingest_store);
		for (struct job *j = batch; !rc && j; j = j->next) {
			int jrc = ingest_apply(j);
			/* a job that is wrong on its own (a deleted project) is skipped,
			 * not allowed to block the ones behind it */
			if (jrc == MOAT_EBUSY || jrc == MOAT_EDB)
				rc = jrc;
		}
		if (!rc)
			rc = store_tx_commit(ingest_store);
		else
			store_tx_rollback(ingest_store);
		if (!rc)
			return;
		attempt++;
		LOG(attempt > 5 ? LOG_ERROR : LOG_WARN,
		    "msg=\"writer commit failed; retrying\" attempt=%d error=%d", attempt, rc);
		usleep(attempt < 10 ? 10000u * (unsigned)attempt : 100000u);
	}
}

static void *ingest_main(void *arg)
{
	(void)arg;
	for (;;) {
		struct job *batch;
		int64_t n = 0;

		pthread_mutex_lock(&ingest_lock);
		while (!ingest_head && !ingest_stopping)
			pthread_cond_wait(&ingest_cond, &ingest_lock);
		batch = ingest_head;
		ingest_head = ingest_tail = NULL;
		for (struct job *j = batch; j; j = j->next)
			n++;
		pthread_mutex_unlock(&ingest_lock);
		if (!batch)
			break; /* stopping and nothing left */
		ingest_commit(batch);
		store_idle(ingest_store);
		while (batch) {
			struct job *next = batch->next;
			free(batch);
			batch = next;
		}
		pthread_mutex_lock(&ingest_lock);
		ingest_depth -= n;
		pthread_mutex_unlock(&ingest_lock);
	}
	return NULL;
}

int ingest_start(const char *db_path)
{
	int rc = store_open(db_path, &ingest_store);

	if (rc)
		return rc;
	ingest_stopping = 0;
	if (pthread_create(&ingest_thread, NULL, ingest_main, NULL) != 0) {
		store_close(ingest_store);
		ingest_store = NULL;
		return MOAT_EIO;
	}
	ingest_running = 1;
	return MOAT_OK;
}

void ingest_stop(void)
{
	if (!ingest_running)
		return;
	pthread_mutex_lock(&ingest_lock);
	ingest_stopping = 1;
	pthread_cond_signal(&ingest_cond);
	pthread_mutex_unlock(&ingest_lock);
	pthread_join(ingest_thread, NULL);
	ingest_running = 0;
	store_close(ingest_store);
	ingest_store = NULL;
}
