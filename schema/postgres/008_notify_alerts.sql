-- 008_notify_alerts (PostgreSQL): what the notifier already told
-- operators about, once per channel and occurrence (as
-- ../008_notify_alerts.sql).
CREATE TABLE notify_alerts (
  channel_id  BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  key         TEXT COLLATE "C" NOT NULL,
  at          BIGINT NOT NULL,
  PRIMARY KEY (channel_id, key)
);
CREATE INDEX deliveries_channel_due ON deliveries(channel_id, next_attempt_at)
  WHERE status IN ('pending', 'failed');
