-- 013_event_partitions (PostgreSQL): events partitioned by month of ts
-- (native range partitioning), and event ids from one sequence that every
-- moatd's writer draws blocks from. Nothing of it exists on SQLite
-- (../013_event_partitions.sql is a no-op); docs/ARCHITECTURE.md, "Two
-- engines", says why the keys are what they are.
--
-- Keys. A partitioned table's unique index must hold the partition key,
-- so the key that makes storage exactly-once is (project_id, event_uid,
-- ts), not (project_id, event_uid): an agent sends an event again with the
-- ts it had (the event is the same document), so a resent event still
-- meets its first copy. The primary key is (id, ts) for the same reason;
-- ids stay unique because one sequence hands them out.
--
-- Partitions are named events_yYYYYmMM and hold [first ms of the month,
-- first ms of the next) in UTC. moat_events_partition(ts) creates the one
-- of ts's month if it is missing (the writer calls it for the current
-- month and the two after, and for every month a batch touches, before
-- its transaction); moat_events_drop_partitions(cutoff, margin) is
-- retention's: it drops each month that ends at least margin ms before
-- cutoff and holds no event received at or after cutoff, and deletes the
-- rollup rows of its buckets with it (every rollup bucket of the month
-- counts events of that partition only). Events received before the
-- cutoff in months still kept are deleted row by row, as on SQLite.

ALTER TABLE events RENAME TO events_unpartitioned;
DROP INDEX events_uid;
DROP INDEX events_ts;
DROP INDEX events_interceptor;
DROP INDEX events_source;
DROP INDEX events_received;
DROP INDEX events_agent;
DROP INDEX events_endpoint;
DROP INDEX events_env;
DROP INDEX events_triaged;
DROP INDEX events_text;
ALTER TABLE events_unpartitioned RENAME CONSTRAINT events_pkey TO events_unpartitioned_pkey;

CREATE TABLE events (
  id                   BIGINT NOT NULL,
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
                       CHECK (status IN ('new', 'acknowledged', 'false_positive', 'resolved')),
  PRIMARY KEY (id, ts)
) PARTITION BY RANGE (ts);

-- The partition of ts's month, created when missing. Several moatd may
-- ask at once: the advisory lock (DB_PG_WRITE_LOCK + 1) lets one create it.
CREATE FUNCTION moat_events_partition(ts_ms BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m    timestamp := date_trunc('month', to_timestamp(ts_ms / 1000.0) AT TIME ZONE 'UTC');
  name text := 'events_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM');
  lo   bigint := (extract(epoch FROM m) * 1000)::bigint;
  hi   bigint := (extract(epoch FROM m + interval '1 month') * 1000)::bigint;
BEGIN
  IF to_regclass(name) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(1836019829);
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF events FOR VALUES FROM (%s) TO (%s)',
                 name, lo, hi);
END $$;

-- Retention: drops the months that ended margin_ms or more before
-- cutoff_ms and hold no event received at or after it, with the rollup
-- rows of their buckets. Returns the events dropped.
CREATE FUNCTION moat_events_drop_partitions(cutoff_ms BIGINT, margin_ms BIGINT)
RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  r     record;
  m     timestamp;
  lo    bigint;
  hi    bigint;
  n     bigint;
  late  boolean;
  total bigint := 0;
BEGIN
  FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_y[0-9]{4}m[0-9]{2}$'
           ORDER BY c.relname LOOP
    m := make_timestamp(substr(r.relname, 9, 4)::int, substr(r.relname, 14, 2)::int, 1, 0, 0, 0);
    lo := (extract(epoch FROM m) * 1000)::bigint;
    hi := (extract(epoch FROM m + interval '1 month') * 1000)::bigint;
    CONTINUE WHEN hi > cutoff_ms - margin_ms;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE received_at >= $1)', r.relname)
      INTO late USING cutoff_ms;
    CONTINUE WHEN late;
    EXECUTE format('SELECT count(*) FROM %I', r.relname) INTO n;
    DELETE FROM event_counts WHERE minute >= lo / 60000 AND minute < hi / 60000;
    DELETE FROM event_counts_hour WHERE hour >= lo / 3600000 AND hour < hi / 3600000;
    DELETE FROM event_top WHERE hour >= lo / 3600000 AND hour < hi / 3600000;
    DELETE FROM event_groups_hour WHERE hour >= lo / 3600000 AND hour < hi / 3600000;
    DELETE FROM event_sources_hour WHERE hour >= lo / 3600000 AND hour < hi / 3600000;
    DELETE FROM event_groups_minute WHERE minute >= lo / 60000 AND minute < hi / 60000;
    EXECUTE format('DROP TABLE %I', r.relname);
    total := total + n;
  END LOOP;
  RETURN total;
END $$;

-- The months of the events stored so far, the last one, this one and the
-- next two.
SELECT moat_events_partition(d) FROM (SELECT DISTINCT ts / 86400000 * 86400000 AS d
                                      FROM events_unpartitioned) days;
SELECT moat_events_partition((extract(epoch FROM now() + k * interval '1 month') * 1000)::bigint)
  FROM generate_series(-1, 2) k;
INSERT INTO events SELECT * FROM events_unpartitioned;
DROP TABLE events_unpartitioned;

CREATE UNIQUE INDEX events_uid ON events(project_id, event_uid, ts);
CREATE INDEX events_ts ON events(project_id, ts DESC, id DESC, environment_id, interceptor,
  action, severity, status, rule, source_ip, endpoint);
CREATE INDEX events_interceptor ON events(project_id, interceptor, ts DESC, id DESC);
CREATE INDEX events_source ON events(project_id, source_ip, ts DESC, id DESC);
CREATE INDEX events_received ON events(received_at);
CREATE INDEX events_agent ON events(project_id, agent_id, ts DESC, id DESC);
CREATE INDEX events_endpoint ON events(project_id, endpoint, ts DESC, id DESC);
CREATE INDEX events_env ON events(project_id, environment_id, ts DESC, id DESC);
CREATE INDEX events_triaged ON events(project_id, status, ts DESC, id DESC)
  WHERE status <> 'new';
CREATE INDEX events_text ON events USING gin (
  to_tsvector('simple', coalesce(payload, '') || ' ' || coalesce(operation, ''))
);

-- Event ids: one sequence for every writer. moat_event_ids(n) reserves n
-- consecutive ids and returns the first (nextval, then setval past the
-- block, under an advisory lock, DB_PG_WRITE_LOCK + 2, so that no other
-- caller draws between them); called outside the writer's transaction,
-- the lock lasts one statement. An id reserved by a transaction that then
-- rolls back is never used: ids have gaps, and only grow.
CREATE SEQUENCE events_id_seq;
SELECT setval('events_id_seq', greatest((SELECT coalesce(max(id), 0) FROM events),
                                        (SELECT indexed_to FROM fts_state WHERE id = 1)) + 1,
              false);
CREATE FUNCTION moat_event_ids(n BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
  first bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(1836019830);
  first := nextval('events_id_seq');
  IF n > 1 THEN
    PERFORM setval('events_id_seq', first + n - 1);
  END IF;
  RETURN first;
END $$;
