/*
 * notify_outbox.c — the writer's outbox hook: inside the transaction that
 * stores an event batch, which events become notifications, and how a
 * channel's throttle turns a burst into one digest.
 *
 * Candidates are the batch's new events whose interceptor has "notify":
 * true in the environment's current policy, matched against each enabled
 * channel of the project (interceptors, minimum severity, actions,
 * environments; an empty filter lets everything through). A project with
 * no channel costs one indexed query per batch, nothing per event.
 *
 * Throttling, per channel (columns last_sent_at, window_ends_at,
 * digest_id; times in ms): window_ends_at is the earliest time the next
 * message may leave. A candidate on a quiet channel (now >= window_ends_at,
 * no digest collecting) is sent at once as an event delivery and starts a
 * window; what comes after it within the window folds into one digest
 * delivery due when the window ends (and the window after it starts
 * then). A digest collects until the notifier takes it (its first
 * attempt); what comes later starts the next digest.
 *
 * Thread: the writer only (its connection, its transaction); the policy
 * cache and the wake flag are the writer's. The counters are atomics.
 */
#include <jansson.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "ingest.h"
#include "json_out.h"
#include "log.h"
#include "notify_int.h"
#include "notify_msg.h"
#include "policy.h"
#include "store.h"
#include "xalloc.h"

#define OUTBOX_POLICY_CACHE 64 /* environments whose notify flags are kept */

/* writer thread only */
static struct {
	int64_t env_id;
	char sha256[65];
	unsigned mask; /* bit i: policy_interceptor_names[i] has notify */
} outbox_policy[OUTBOX_POLICY_CACHE];
static int outbox_wrote; /* the transaction wrote a delivery: wake after it */

static uint64_t m_events, m_digests, m_folded, m_candidates;

/* The notify flags of env_id's current policy (cached by its sha256). */
static int outbox_notify_mask(struct store *st, int64_t env_id, unsigned *mask)
{
	struct store_policy p;
	int slot = (int)((uint64_t)env_id % OUTBOX_POLICY_CACHE);
	json_t *doc, *ics;
	int rc = store_policy_current(st, env_id, &p);

	*mask = 0;
	if (rc == MOAT_ENOTFOUND)
		return MOAT_OK;
	if (rc)
		return rc;
	if (outbox_policy[slot].env_id == env_id && !strcmp(outbox_policy[slot].sha256, p.sha256)) {
		*mask = outbox_policy[slot].mask;
		store_policy_cleanup(&p);
		return MOAT_OK;
	}
	doc = json_loads(p.document, 0, NULL);
	ics = json_object_get(doc, "interceptors");
	for (int i = 0; i < POLICY_INTERCEPTORS; i++)
		if (json_is_true(json_object_get(json_object_get(ics, policy_interceptor_names[i]),
		                                 "notify")))
			*mask |= 1u << i;
	json_decref(doc);
	outbox_policy[slot].env_id = env_id;
	memcpy(outbox_policy[slot].sha256, p.sha256, sizeof outbox_policy[slot].sha256);
	outbox_policy[slot].mask = *mask;
	store_policy_cleanup(&p);
	return MOAT_OK;
}

static int name_at(const char *const *names, const char *v)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], v))
			return i;
	return -1;
}

static int outbox_env_matches(const struct store_channel *ch, const char *env)
{
	if (!ch->nenvironments)
		return 1;
	for (int i = 0; i < ch->nenvironments; i++)
		if (!strcmp(ch->environments[i], env))
			return 1;
	return 0;
}

/* Whether event e (interceptor index k) is for channel ch. */
static int outbox_event_matches(const struct store_channel *ch, const struct event *e, int k)
{
	int a = name_at(store_channel_actions, e->action);
	int s = name_at(store_channel_severities, e->severity);

	if (ch->interceptors && (k < 0 || !(ch->interceptors & (1u << k))))
		return 0;
	if (ch->actions && (a < 0 || !(ch->actions & (1u << a))))
		return 0;
	return s >= ch->min_severity;
}

/* Folds digest (this batch's part) into channel ch's digest: the one
 * still collecting, or a new one due at the window's end. */
static int outbox_digest(struct store *st, struct store_channel *ch, json_t *digest,
                         int64_t first_id, int64_t last_id, int64_t count, int64_t now_ms)
{
	struct store_delivery_new d;
	struct buf text;
	char *old = NULL;
	int rc = MOAT_ENOTFOUND;

	buf_init(&text, 1 << 20);
	if (ch->digest_id)
		rc = store_notify_digest_open_in(st, ch->digest_id, &old);
	if (rc && rc != MOAT_ENOTFOUND)
		goto out;
	if (rc == MOAT_OK) {
		json_t *prev = old ? json_loads(old, 0, NULL) : NULL;
		if (prev) {
			notify_digest_merge(prev, digest);
			rc = json_out(&text, prev);
			json_decref(prev);
		} else {
			rc = json_out(&text, digest);
		}
		if (!rc)
			rc = store_notify_digest_update_in(st, ch->digest_id, last_id, count,
			                                   text.data);
		__atomic_fetch_add(&m_folded, (uint64_t)count, __ATOMIC_RELAXED);
		goto out;
	}
	/* a new digest: due when the window ends; the next window follows */
	rc = json_out(&text, digest);
	if (rc)
		goto out;
	if (ch->window_ends_at < now_ms)
		ch->window_ends_at = now_ms;
	memset(&d, 0, sizeof d);
	d.channel_id = ch->id;
	d.kind = "digest";
	d.event_id = first_id;
	d.last_event_id = last_id;
	d.event_count = count;
	d.body = text.data;
	d.next_attempt_at = ch->window_ends_at;
	d.now_ms = now_ms;
	rc = store_delivery_add_in(st, &d, &ch->digest_id, NULL);
	if (rc)
		goto out;
	ch->last_sent_at = ch->window_ends_at;
	ch->window_ends_at += ch->throttle_seconds * 1000;
	rc = store_channel_set_throttle_in(st, ch->id, ch->last_sent_at, ch->window_ends_at,
	                                   ch->digest_id);
	__atomic_fetch_add(&m_digests, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&m_folded, (uint64_t)count, __ATOMIC_RELAXED);
	outbox_wrote = 1;
out:
	free(old);
	buf_cleanup(&text);
	return rc;
}

/* The candidates of a batch for a channel: counted and folded into a
 * digest aggregate once, and shared by every channel without filters on
 * the event itself (a batch has one environment), so that five channels
 * cost about one pass, not five. */
struct outbox_cands {
	int64_t n, first_eid, second_eid, last_eid;
	const struct event *first; /* the first candidate */
	json_t *rest;              /* aggregate of the candidates after the first */
	json_t *all;               /* ... and of all of them (made on demand) */
};

/* One pass over the batch: the events stored now that the policy says to
 * notify and that channel ch (NULL: any unfiltered channel) wants. */
static void outbox_collect(struct outbox_cands *k, const struct ingest_commit *c, unsigned mask,
                           const struct store_channel *ch)
{
	const struct event_batch *b = c->batch;
	int64_t id = c->first_id;

	memset(k, 0, sizeof k[0]);
	for (size_t i = 0; i < b->n; i++) {
		const struct event *e = &b->ev[i];
		int kk;
		int64_t eid;

		if (!c->inserted[i])
			continue;
		eid = id++;
		kk = name_at(policy_interceptor_names, e->interceptor);
		if (kk < 0 || !(mask & (1u << kk)) || (ch && !outbox_event_matches(ch, e, kk)))
			continue;
		if (!k->n) {
			k->first = e;
			k->first_eid = eid;
		} else {
			if (k->n == 1)
				k->second_eid = eid;
			if (!k->rest)
				k->rest = json_object();
			notify_digest_add(k->rest, c->env, e->interceptor, e->action, e->method,
			                  e->endpoint, e->source_ip, e->uid, e->ts_ms);
		}
		k->last_eid = eid;
		k->n++;
	}
}

static json_t *outbox_all(struct outbox_cands *k, const char *env)
{
	const struct event *e = k->first;

	if (!k->all) {
		k->all = k->rest ? json_deep_copy(k->rest) : json_object();
		notify_digest_add(k->all, env, e->interceptor, e->action, e->method, e->endpoint,
		                  e->source_ip, e->uid, e->ts_ms);
	}
	return k->all;
}

static void outbox_cands_free(struct outbox_cands *k)
{
	json_decref(k->rest);
	json_decref(k->all);
	memset(k, 0, sizeof k[0]);
}

/* What channel ch gets of candidates k: on a quiet channel the first goes
 * now and the rest into a digest; within a window all into the digest. */
static int outbox_channel(struct store *st, struct store_channel *ch, const struct ingest_commit *c,
                          struct outbox_cands *k, int64_t now_ms)
{
	int rc;

	if (!k->n)
		return MOAT_OK;
	__atomic_fetch_add(&m_candidates, (uint64_t)k->n, __ATOMIC_RELAXED);
	if (ch->digest_id) {
		/* collecting still, or taken by the notifier (then forgotten) */
		char *body = NULL;
		rc = store_notify_digest_open_in(st, ch->digest_id, &body);
		free(body);
		if (rc == MOAT_ENOTFOUND)
			ch->digest_id = 0;
		else if (rc)
			return rc;
	}
	if (ch->digest_id || now_ms < ch->window_ends_at)
		return outbox_digest(st, ch, outbox_all(k, c->env), k->first_eid, k->last_eid, k->n,
		                     now_ms);
	/* a quiet channel: the first goes now, and starts a window */
	{
		struct store_delivery_new d;
		memset(&d, 0, sizeof d);
		d.channel_id = ch->id;
		d.kind = "event";
		d.event_id = k->first_eid;
		d.event_count = 1;
		d.next_attempt_at = now_ms;
		d.now_ms = now_ms;
		rc = store_delivery_add_in(st, &d, NULL, NULL);
	}
	if (rc)
		return rc;
	ch->last_sent_at = now_ms;
	ch->window_ends_at = now_ms + ch->throttle_seconds * 1000;
	rc = store_channel_set_throttle_in(st, ch->id, ch->last_sent_at, ch->window_ends_at, 0);
	__atomic_fetch_add(&m_events, 1, __ATOMIC_RELAXED);
	outbox_wrote = 1;
	if (!rc && k->n > 1)
		rc = outbox_digest(st, ch, k->rest, k->second_eid, k->last_eid, k->n - 1, now_ms);
	return rc;
}

int notify_outbox_tx(void *arg, struct store *st, const struct ingest_commit *c)
{
	struct store_channel *chans = NULL;
	struct outbox_cands shared;
	size_t n = 0;
	unsigned mask = 0;
	int64_t now_ms;
	int rc;

	(void)arg;
	if (!c->res.accepted)
		return MOAT_OK;
	rc = store_notify_channels_in(st, c->project_id, &chans, &n);
	if (rc || !n) {
		free(chans);
		return rc;
	}
	rc = outbox_notify_mask(st, c->env_id, &mask);
	now_ms = notify_now_ms();
	shared.n = -1; /* not collected yet */
	for (size_t i = 0; !rc && mask && i < n; i++) {
		struct store_channel *ch = &chans[i];
		struct outbox_cands own;

		if (!outbox_env_matches(ch, c->env))
			continue;
		if (!ch->interceptors && !ch->actions && !ch->min_severity) {
			if (shared.n < 0)
				outbox_collect(&shared, c, mask, NULL);
			rc = outbox_channel(st, ch, c, &shared, now_ms);
			continue;
		}
		outbox_collect(&own, c, mask, ch);
		rc = outbox_channel(st, ch, c, &own, now_ms);
		outbox_cands_free(&own);
	}
	if (shared.n >= 0)
		outbox_cands_free(&shared);
	free(chans);
	if (rc && rc != MOAT_EBUSY && rc != MOAT_EDB)
		LOG(LOG_WARN,
		    "msg=\"notification outbox refused a batch\" project_id=%lld error=%d",
		    (long long)c->project_id, rc);
	return rc;
}

void notify_committed(void *arg, const struct ingest_commit *c)
{
	(void)arg;
	(void)c;
	if (outbox_wrote) {
		outbox_wrote = 0;
		notify_wake();
	}
}

int notify_outbox_metrics(struct buf *b)
{
	int rc = buf_printf(
	    b,
	    "# HELP moat_notify_outbox_total Written by the writer's outbox hook: event deliveries,"
	    " digests started, events folded into digests, candidate events (matched a channel).\n"
	    "# TYPE moat_notify_outbox_total counter\n"
	    "moat_notify_outbox_total{kind=\"event\"} %llu\n"
	    "moat_notify_outbox_total{kind=\"digest\"} %llu\n"
	    "moat_notify_outbox_total{kind=\"folded\"} %llu\n"
	    "moat_notify_outbox_total{kind=\"candidate\"} %llu\n",
	    (unsigned long long)__atomic_load_n(&m_events, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_digests, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_folded, __ATOMIC_RELAXED),
	    (unsigned long long)__atomic_load_n(&m_candidates, __ATOMIC_RELAXED));
	return rc ? MOAT_ETOOBIG : MOAT_OK;
}
