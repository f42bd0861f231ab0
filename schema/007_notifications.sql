-- 007_notifications: notification channels (Slack, signed webhooks) and
-- their outbox, the delivery log.
--
-- A channel belongs to a project. Its filters are JSON arrays of names
-- ('[]' = every value): interceptors (policy_interceptor_names), actions
-- (blocked, logged) and environment names; min_severity is the lowest
-- severity it hears about. Besides threats (on_threats) it can subscribe
-- to what says that protection itself stopped: an agent that could not
-- apply a policy, a rollout that has not reached every online agent of an
-- environment within rollout_stall_seconds, every agent of an environment
-- offline.
--
-- secret is the webhook signing key (NULL for Slack). It is kept as it is
-- because moatd must sign with it (a hash could not); docs/ARCHITECTURE.md
-- ("Notification secrets") says why and what protects it. Reads for the
-- API never select it, nor the full url.
--
-- Throttling state is the notifier's (server/notify_*.c): last_sent_at is
-- when the last message left (ms), window_ends_at when the current window
-- closes (ms; 0 = the channel is quiet), digest_id the pending digest
-- collecting what arrives until then.
CREATE TABLE channels (
  id                     INTEGER PRIMARY KEY,
  project_id             INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind                   TEXT NOT NULL CHECK (kind IN ('slack', 'webhook')),
  name                   TEXT NOT NULL,
  url                    TEXT NOT NULL,
  secret                 TEXT,
  enabled                INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  interceptors           TEXT NOT NULL DEFAULT '[]',
  min_severity           TEXT NOT NULL DEFAULT 'low'
                         CHECK (min_severity IN ('low', 'medium', 'high', 'critical')),
  actions                TEXT NOT NULL DEFAULT '[]',
  environments           TEXT NOT NULL DEFAULT '[]',
  on_threats             INTEGER NOT NULL DEFAULT 1 CHECK (on_threats IN (0, 1)),
  on_policy_failed       INTEGER NOT NULL DEFAULT 1 CHECK (on_policy_failed IN (0, 1)),
  on_rollout_stalled     INTEGER NOT NULL DEFAULT 1 CHECK (on_rollout_stalled IN (0, 1)),
  on_env_offline         INTEGER NOT NULL DEFAULT 1 CHECK (on_env_offline IN (0, 1)),
  rollout_stall_seconds  INTEGER NOT NULL DEFAULT 600,
  throttle_seconds       INTEGER NOT NULL DEFAULT 60 CHECK (throttle_seconds >= 0),
  -- 'api' or 'policy' (created by a policy's "Notifications", config as code)
  source                 TEXT NOT NULL DEFAULT 'api' CHECK (source IN ('api', 'policy')),
  last_sent_at           INTEGER NOT NULL DEFAULT 0,
  window_ends_at         INTEGER NOT NULL DEFAULT 0,
  digest_id              INTEGER,
  created_by             TEXT NOT NULL DEFAULT '',
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  UNIQUE (project_id, name)
);
CREATE INDEX channels_project ON channels(project_id, kind);

-- The outbox and delivery log in one table: a row is written pending (in
-- the transaction that stores its cause), claimed by the notifier, and
-- ends delivered or dead; failed means "retried at next_attempt_at".
-- Times in ms since the epoch (backoff starts near a second).
--   kind event:  one event, event_id
--   kind digest: the events event_id .. last_event_id (ids only grow,
--                schema 006) that matched, event_count of them; body holds
--                the counts the writer hook keeps (JSON), when it keeps them
--   kind test:   POST /channels/{id}/test
--   kind alert:  body (JSON) says what stopped: policy_failed,
--                rollout_stalled, env_offline
-- uuid is the delivery id the receiver sees (X-Moat-Delivery); a retry
-- sends the same one.
CREATE TABLE deliveries (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  channel_id       INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  kind             TEXT NOT NULL CHECK (kind IN ('event', 'digest', 'test', 'alert')),
  status           TEXT NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
  event_id         INTEGER,
  last_event_id    INTEGER,
  event_count      INTEGER NOT NULL DEFAULT 0,
  body             TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  response_code    INTEGER,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  delivered_at     INTEGER
);
-- "the next due delivery": only rows still to send are in this index
CREATE INDEX deliveries_due ON deliveries(next_attempt_at)
  WHERE status IN ('pending', 'failed');
-- a channel's delivery log, newest first (keyset on id)
CREATE INDEX deliveries_channel ON deliveries(channel_id, id);
