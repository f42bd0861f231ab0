/*
 * ma_queue.c — the bounded event queue between the threads that report
 * events and the connection thread that sends them, and the batches cut
 * from it.
 *
 * The queue is a ring of encoded events bounded both in events and in
 * bytes; a push past either bound fails (the caller counts it) instead of
 * growing. Pushers and the taker share one mutex, held only for pointer
 * moves: encoding happens before the push, copying after the take.
 * A batch belongs to the connection thread once taken.
 */
#include "ma_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ma_queue_init(struct ma_queue *q, size_t max_events, size_t max_bytes)
{
	q->ring = ma_calloc(max_events, sizeof *q->ring);
	if (!q->ring)
		return MOAT_AGENT_ENOMEM;
	pthread_mutex_init(&q->lock, NULL);
	q->head = 0;
	q->count = 0;
	q->bytes = 0;
	q->max_events = max_events;
	q->max_bytes = max_bytes;
	return 0;
}

size_t ma_queue_cleanup(struct ma_queue *q)
{
	size_t n = q->count;

	for (size_t i = 0; i < q->count; i++)
		free(q->ring[(q->head + i) % q->max_events].json);
	free(q->ring);
	q->ring = NULL;
	q->count = 0;
	pthread_mutex_destroy(&q->lock);
	return n;
}

int ma_queue_push(struct ma_queue *q, char *json, size_t len, size_t *count_after)
{
	int rc = MOAT_AGENT_EFULL;

	pthread_mutex_lock(&q->lock);
	if (q->count < q->max_events && len <= q->max_bytes - q->bytes) {
		struct ma_qitem *it = &q->ring[(q->head + q->count) % q->max_events];
		it->json = json;
		it->len = len;
		q->count++;
		q->bytes += len;
		rc = 0;
	}
	if (count_after)
		*count_after = q->count;
	pthread_mutex_unlock(&q->lock);
	return rc;
}

size_t ma_queue_count(struct ma_queue *q)
{
	size_t n;

	pthread_mutex_lock(&q->lock);
	n = q->count;
	pthread_mutex_unlock(&q->lock);
	return n;
}

struct ma_batch *ma_batch_take(struct ma_queue *q, size_t head, int max_events, size_t max_msg,
                               int *nomem)
{
	struct ma_qitem items[MA_MAX_BATCH];
	size_t budget, body = 1; /* "[" */
	int n = 0;
	struct ma_batch *b;
	char *p;

	if (nomem)
		*nomem = 0;
	if (max_events > MA_MAX_BATCH)
		max_events = MA_MAX_BATCH;
	budget = max_msg - MA_EVENTS_HEAD; /* the prefix fits in MA_EVENTS_HEAD */
	/* Look first, allocate, then take: the connection thread is the only
	 * taker, so what it looked at is still at the head after the
	 * allocation, and a failed allocation leaves every event queued. */
	pthread_mutex_lock(&q->lock);
	while (n < max_events && (size_t)n < q->count) {
		struct ma_qitem *it = &q->ring[(q->head + (size_t)n) % q->max_events];
		/* the event, its comma (or the closing "]"), and "}" */
		if (n > 0 && body + it->len + 2 > budget)
			break;
		items[n++] = *it;
		body += it->len + 1;
	}
	pthread_mutex_unlock(&q->lock);
	if (n == 0)
		return NULL;
	body += 1; /* "}" */
	b = ma_calloc(1, sizeof *b);
	if (b)
		b->buf = ma_malloc(head + body + 1);
	if (!b || !b->buf) {
		free(b);
		if (nomem)
			*nomem = 1;
		return NULL;
	}
	pthread_mutex_lock(&q->lock);
	for (int i = 0; i < n; i++) {
		q->head = (q->head + 1) % q->max_events;
		q->count--;
		q->bytes -= items[i].len;
	}
	pthread_mutex_unlock(&q->lock);
	b->head = head;
	p = b->buf + head;
	*p++ = '[';
	for (int i = 0; i < n; i++) {
		memcpy(p, items[i].json, items[i].len);
		p += items[i].len;
		*p++ = i + 1 < n ? ',' : ']';
		free(items[i].json);
	}
	*p++ = '}';
	*p = '\0';
	b->body_len = body;
	b->events = (uint32_t)n;
	return b;
}

char *ma_batch_message(struct ma_batch *b, int64_t seq, size_t *len)
{
	char prefix[MA_EVENTS_HEAD];
	int n = snprintf(prefix, sizeof prefix,
	                 "{\"type\":\"events\",\"seq\":%lld,\"events\":", (long long)seq);
	char *start = b->buf + b->head - n;

	memcpy(start, prefix, (size_t)n);
	b->seq = seq;
	*len = (size_t)n + b->body_len;
	return start;
}

void ma_batch_free(struct ma_batch *b)
{
	if (!b)
		return;
	free(b->buf);
	free(b);
}
