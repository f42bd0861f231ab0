-- 008_notify_alerts: what the notifier already told operators about, so
-- that an alert (an agent that could not apply a policy, a rollout that
-- stalls, an environment whose agents are all offline) is sent once per
-- channel and occurrence, across restarts. key names the occurrence
-- ("policy_failed:<agent>:<error digest>", "rollout_stalled:<env>:<version>",
-- "env_offline:<env>:<since>"); at is when it was raised (unix seconds).
CREATE TABLE notify_alerts (
  channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (channel_id, key)
) WITHOUT ROWID;
-- a channel's deliveries still to send, by due time: the notifier's claim
-- picks the oldest due of each channel that has room in flight
CREATE INDEX deliveries_channel_due ON deliveries(channel_id, next_attempt_at)
  WHERE status IN ('pending', 'failed');
