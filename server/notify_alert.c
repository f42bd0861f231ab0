/*
 * notify_alert.c — what operators must hear about besides threats: an
 * agent that reported a policy it could not apply, a rollout that has not
 * reached every online agent of an environment within the channel's
 * rollout_stall_seconds, an environment whose agents have all been
 * offline for --notify-offline-grace seconds. Found by scanning the
 * agents and policy tables every --notify-alert-scan-ms on the notifier's
 * connection; each occurrence is sent once per channel (notify_alerts,
 * schema 008), across restarts, as an "alert" delivery through the same
 * outbox (retries, dead, delivery log) as threats. Alerts are not
 * throttled: each is rare and says something different.
 *
 * Thread: the notifier thread only.
 */
#include <jansson.h>
#include <string.h>

#include "err.h"
#include "json_out.h"
#include "log.h"
#include "notify_int.h"
#include "store.h"

enum { ALERT_POLICY_FAILED, ALERT_ROLLOUT_STALLED, ALERT_ENV_OFFLINE };
static const char *const alert_kinds[] = {"policy_failed", "rollout_stalled", "env_offline"};

static int alert_channel_wants(const struct store_channel *c, int kind, const char *env)
{
	int on = kind == ALERT_POLICY_FAILED     ? c->on_policy_failed
	         : kind == ALERT_ROLLOUT_STALLED ? c->on_rollout_stalled
	                                         : c->on_env_offline;

	if (!c->enabled || !on)
		return 0;
	if (!c->nenvironments)
		return 1;
	for (int i = 0; i < c->nenvironments; i++)
		if (!strcmp(c->environments[i], env))
			return 1;
	return 0;
}

/* Writes the deliveries of the alerts a (n of them) of one kind, in one
 * transaction. Returns the number written, or a negative error. */
static int alert_write(struct store *st, int kind, const struct store_notify_alert *a, size_t n,
                       int64_t now_ms)
{
	int written = 0, rc;

	if (!n)
		return 0;
	rc = store_tx_begin(st);
	for (size_t i = 0; !rc && i < n; i++) {
		struct store_channel *chans = NULL;
		size_t nc = 0;

		rc = store_channel_list(st, a[i].project_id, &chans, &nc);
		for (size_t k = 0; !rc && k < nc; k++) {
			struct store_delivery_new d;
			struct buf body;
			json_t *doc;
			int fresh = 0;

			if (!alert_channel_wants(&chans[k], kind, a[i].env))
				continue;
			if (kind == ALERT_ROLLOUT_STALLED &&
			    now_ms / 1000 - a[i].since < chans[k].rollout_stall_seconds)
				continue;
			/* an agent that failed, or an environment that went dark,
			 * before the channel existed is history, not news */
			if (kind != ALERT_ROLLOUT_STALLED && a[i].since < chans[k].created_at)
				continue;
			rc = store_notify_alert_once_in(st, chans[k].id, a[i].key, now_ms / 1000,
			                                &fresh);
			if (rc || !fresh)
				continue;
			doc = json_pack("{s:s, s:s, s:s, s:I}", "kind", alert_kinds[kind],
			                "environment", a[i].env, "message", a[i].message, "since",
			                (json_int_t)a[i].since);
			buf_init(&body, 8192);
			rc = json_out(&body, doc);
			json_decref(doc);
			memset(&d, 0, sizeof d);
			d.channel_id = chans[k].id;
			d.kind = "alert";
			d.body = body.data;
			d.next_attempt_at = now_ms;
			d.now_ms = now_ms;
			if (!rc)
				rc = store_delivery_add_in(st, &d, NULL, NULL);
			buf_cleanup(&body);
			if (!rc) {
				written++;
				LOG(LOG_INFO,
				    "msg=\"operator alert\" kind=%s channel_id=%lld key=%s",
				    alert_kinds[kind], (long long)chans[k].id, a[i].key);
			}
		}
		free(chans);
	}
	if (!rc)
		rc = store_tx_commit(st);
	else
		store_tx_rollback(st);
	return rc ? rc : written;
}

int notify_alert_scan(struct store *st, int64_t now_ms)
{
	struct store_notify_alert *a = NULL;
	size_t n = 0;
	int total = 0, rc;

	rc = store_notify_scan_policy_failed(st, &a, &n);
	store_idle(st);
	if (!rc)
		rc = alert_write(st, ALERT_POLICY_FAILED, a, n, now_ms);
	if (rc > 0)
		total += rc;
	free(a);
	rc = store_notify_scan_rollouts(st, &a, &n);
	store_idle(st);
	if (!rc)
		rc = alert_write(st, ALERT_ROLLOUT_STALLED, a, n, now_ms);
	if (rc > 0)
		total += rc;
	free(a);
	rc = store_notify_scan_env_offline(st, now_ms / 1000, notify_cfg.offline_grace_s, &a, &n);
	store_idle(st);
	if (!rc)
		rc = alert_write(st, ALERT_ENV_OFFLINE, a, n, now_ms);
	if (rc > 0)
		total += rc;
	free(a);
	return total;
}
