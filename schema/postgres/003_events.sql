-- 003_events (PostgreSQL): threat events (as ../003_events.sql). The id
-- is assigned by the ingest writer (no identity). Times are milliseconds
-- since the epoch.
--
-- Free text: PostgreSQL's own full-text search, a GIN index over the
-- words of payload and operation, instead of SQLite's FTS5 table
-- events_fts (and its shadow tables), which has no counterpart here.
-- Monthly partitions (issue 13) come with the PostgreSQL ingest path: the
-- unique (project_id, event_uid) that makes storage exactly-once cannot
-- be a partitioned table's index unless it holds the partition key.

CREATE TABLE events (
  id                   BIGINT PRIMARY KEY,
  project_id           BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id       BIGINT NOT NULL,
  event_uid            TEXT COLLATE "C" NOT NULL,
  agent_id             TEXT COLLATE "C" NOT NULL DEFAULT '',
  ts                   BIGINT NOT NULL,
  received_at          BIGINT NOT NULL,
  interceptor          TEXT COLLATE "C" NOT NULL,
  action               TEXT COLLATE "C" NOT NULL,
  severity             TEXT COLLATE "C" NOT NULL,
  confidence           DOUBLE PRECISION,
  source_ip            TEXT COLLATE "C",
  method               TEXT COLLATE "C",
  endpoint             TEXT COLLATE "C",
  payload              TEXT COLLATE "C",
  payload_len          BIGINT NOT NULL DEFAULT 0,
  payload_truncated    BIGINT NOT NULL DEFAULT 0,
  operation            TEXT COLLATE "C",
  operation_len        BIGINT NOT NULL DEFAULT 0,
  operation_truncated  BIGINT NOT NULL DEFAULT 0,
  file                 TEXT COLLATE "C",
  line                 BIGINT,
  function             TEXT COLLATE "C",
  rule                 TEXT COLLATE "C",
  details              TEXT COLLATE "C",
  status               TEXT COLLATE "C" NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'acknowledged', 'false_positive', 'resolved'))
);
CREATE UNIQUE INDEX events_uid ON events(project_id, event_uid);
CREATE INDEX events_ts ON events(project_id, ts DESC, id DESC);
CREATE INDEX events_interceptor ON events(project_id, interceptor, ts DESC, id DESC);
CREATE INDEX events_source ON events(project_id, source_ip, ts DESC);
CREATE INDEX events_received ON events(received_at);

-- the words of payload and operation ('simple': no stemming, no stop
-- words, as FTS5's unicode61 tokenizer)
CREATE INDEX events_text ON events USING gin (
  to_tsvector('simple', coalesce(payload, '') || ' ' || coalesce(operation, ''))
);
