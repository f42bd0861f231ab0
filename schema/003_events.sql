-- 003_events: threat events. One row per event; the agent's event id is
-- the deduplication key within a project, so storage is exactly-once.
-- Times are milliseconds since the epoch.

CREATE TABLE events (
  id                   INTEGER PRIMARY KEY,
  project_id           INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id       INTEGER NOT NULL,
  event_uid            TEXT NOT NULL,
  agent_id             TEXT NOT NULL DEFAULT '',
  ts                   INTEGER NOT NULL,
  received_at          INTEGER NOT NULL,
  interceptor          TEXT NOT NULL,
  action               TEXT NOT NULL,
  severity             TEXT NOT NULL,
  confidence           REAL,
  source_ip            TEXT,
  method               TEXT,
  endpoint             TEXT,
  payload              TEXT,
  payload_len          INTEGER NOT NULL DEFAULT 0,
  payload_truncated    INTEGER NOT NULL DEFAULT 0,
  operation            TEXT,
  operation_len        INTEGER NOT NULL DEFAULT 0,
  operation_truncated  INTEGER NOT NULL DEFAULT 0,
  file                 TEXT,
  line                 INTEGER,
  function             TEXT,
  rule                 TEXT,
  details              TEXT,
  status               TEXT NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'acknowledged', 'false_positive', 'resolved'))
);
CREATE UNIQUE INDEX events_uid ON events(project_id, event_uid);
CREATE INDEX events_ts ON events(project_id, ts DESC, id DESC);
CREATE INDEX events_interceptor ON events(project_id, interceptor, ts DESC, id DESC);
CREATE INDEX events_source ON events(project_id, source_ip, ts DESC);
CREATE INDEX events_received ON events(received_at);

-- Free text over payload and operation (external content: no second copy).
CREATE VIRTUAL TABLE events_fts USING fts5(
  payload, operation, content='events', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, payload, operation) VALUES (new.id, new.payload, new.operation);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, payload, operation)
    VALUES ('delete', old.id, old.payload, old.operation);
END;
