-- 015_event_ids (PostgreSQL): the dedup key is the event id alone,
-- (project_id, event_uid), as agentproto/PROTOCOL.md says and SQLite
-- does: the same uid sent again with another ts is a duplicate. events
-- is partitioned by ts (013), so its unique index must hold ts; this
-- unpartitioned table holds the key instead. The writer inserts a batch's
-- uids here first (ON CONFLICT DO NOTHING RETURNING) and only those
-- returned into events, in one statement; two moatd inserting one uid at
-- once store it once (the second waits for the first's commit, then
-- skips it). Retention deletes the rows of the events it purges and of
-- the months it drops (by ts, event_ids_ts), in the same transaction.
-- docs/ARCHITECTURE.md, "Two engines".

CREATE TABLE event_ids (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  event_uid  TEXT COLLATE "C" NOT NULL,
  ts         BIGINT NOT NULL,
  PRIMARY KEY (project_id, event_uid)
);
INSERT INTO event_ids(project_id, event_uid, ts)
  SELECT project_id, event_uid, min(ts) FROM events GROUP BY project_id, event_uid;
CREATE INDEX event_ids_ts ON event_ids(ts);

CREATE OR REPLACE FUNCTION moat_events_drop_partitions(cutoff_ms BIGINT, margin_ms BIGINT)
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
    DELETE FROM event_ids WHERE ts >= lo AND ts < hi;
    EXECUTE format('DROP TABLE %I', r.relname);
    total := total + n;
  END LOOP;
  RETURN total;
END $$;
