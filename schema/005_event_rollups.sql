-- 005_event_rollups: counts of events per minute and per hour, and per-hour
-- counts of endpoints, source addresses and rules, so that the statistics
-- of a range read a few thousand rollup rows instead of every event in it
-- (server/store_event_query.c, store_event_stats).
--
-- Invariant: every rollup row is the count of the events that exist now.
-- The ingest writer adds the events it inserts (not the duplicates) in the
-- transaction that inserts them (store_event_rollup_add); the retention
-- purge subtracts exactly the events it deletes, in the transaction that
-- deletes them, and drops rows that reach zero (store_event_purge). The
-- purge goes by received_at while the buckets go by ts, so rows are never
-- dropped by age: only by reaching zero.
--
-- Buckets are floor(ts / 60000) (minute) and floor(ts / 3600000) (hour),
-- ts in ms since the epoch: minute m holds [m * 60000, (m + 1) * 60000).
-- The expression below is floor for negative ts too (SQLite divides
-- towards zero).
--
-- Every primary key starts (project_id, environment_id, time): a stats
-- call reads one range per environment of the project.

CREATE TABLE event_counts (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  minute          INTEGER NOT NULL,
  interceptor     TEXT NOT NULL,
  action          TEXT NOT NULL,
  severity        TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, minute, interceptor, action, severity)
) WITHOUT ROWID;

-- The same per hour: a 7-day stats call in hours or days reads 168 hours
-- of these instead of 10,080 minutes.
CREATE TABLE event_counts_hour (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  hour            INTEGER NOT NULL,
  interceptor     TEXT NOT NULL,
  action          TEXT NOT NULL,
  severity        TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, action, severity)
) WITHOUT ROWID;

-- The top lists: per hour, how many events had each endpoint, source
-- address and rule (NULL values are not counted, as before).
CREATE TABLE event_top (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  hour            INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('endpoint', 'source', 'rule')),
  value           TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, kind, value)
) WITHOUT ROWID;

-- Backfill: an upgraded database gets the rollups of the events it holds.
INSERT INTO event_counts(project_id, environment_id, minute, interceptor, action, severity, n)
  SELECT project_id, environment_id, (ts - (ts < 0) * 59999) / 60000, interceptor, action,
         severity, count(*)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_counts_hour(project_id, environment_id, hour, interceptor, action, severity, n)
  SELECT project_id, environment_id, (minute - (minute < 0) * 59) / 60, interceptor, action,
         severity, sum(n)
  FROM event_counts GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - (ts < 0) * 3599999) / 3600000, 'endpoint', endpoint,
         count(*)
  FROM events WHERE endpoint IS NOT NULL GROUP BY 1, 2, 3, 5;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - (ts < 0) * 3599999) / 3600000, 'source', source_ip,
         count(*)
  FROM events WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3, 5;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - (ts < 0) * 3599999) / 3600000, 'rule', rule, count(*)
  FROM events WHERE rule IS NOT NULL GROUP BY 1, 2, 3, 5;
