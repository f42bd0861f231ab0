-- 009_event_groups: per hour, the events of each interceptor + endpoint +
-- action with their count and their oldest and newest ts, so that "attacks,
-- grouped" (GET …/events/groups, server/store_event_groups.c) reads the
-- whole hours of its range from here instead of every event in it.
--
-- Invariant (as 005's): every row is the count of the events that exist
-- now, and first_ts / last_ts are the least and greatest ts among them. The
-- ingest writer adds the events it inserts in the transaction that inserts
-- them (store_event_rollup_add); the retention purge subtracts the events
-- it deletes in the transaction that deletes them, drops rows that reach
-- zero and recomputes first_ts and last_ts of the rows left
-- (store_event_purge).
--
-- An event without an endpoint has endpoint '' and has_endpoint 0 (a
-- primary key column of a WITHOUT ROWID table cannot be NULL).

CREATE TABLE event_groups_hour (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  hour            INTEGER NOT NULL,
  interceptor     TEXT NOT NULL,
  has_endpoint    INTEGER NOT NULL,
  endpoint        TEXT NOT NULL,
  action          TEXT NOT NULL,
  n               INTEGER NOT NULL,
  first_ts        INTEGER NOT NULL,
  last_ts         INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, has_endpoint, endpoint, action)
) WITHOUT ROWID;

-- Backfill: an upgraded database gets the groups of the events it holds.
INSERT INTO event_groups_hour(project_id, environment_id, hour, interceptor, has_endpoint,
                              endpoint, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - (ts < 0) * 3599999) / 3600000, interceptor,
         endpoint IS NOT NULL, coalesce(endpoint, ''), action, count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;
