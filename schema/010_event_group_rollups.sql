-- 010_event_group_rollups: two more rollups for "attacks, grouped"
-- (GET …/events/groups, server/store_event_groups.c), beside 009's
-- event_groups_hour:
--
--   event_sources_hour   per hour, the events of each interceptor +
--                        endpoint + source address + action: the groups by
--                        source address (by=source_ip), and any groups call
--                        filtered on an address or a network, read the
--                        whole hours of their range from here instead of
--                        every event in it
--   event_groups_minute  event_groups_hour per minute: the partial hours at
--                        the edges of a range (and all of a range under a
--                        day) are read from here by whole minutes, so only
--                        the partial minutes are read from the events
--
-- Each row has the count of its events and their oldest and newest ts.
--
-- Invariant (as 005's and 009's): every row is the count of the events
-- that exist now, and first_ts / last_ts are the least and greatest ts
-- among them. The ingest writer adds the events it inserts in the
-- transaction that inserts them (store_event_rollup_add); the retention
-- purge subtracts the events it deletes in the transaction that deletes
-- them, drops rows that reach zero and recomputes first_ts and last_ts of
-- the rows left (store_event_purge).
--
-- An event without an endpoint has endpoint '' and has_endpoint 0, one
-- without a source address source_ip '' and has_source 0 (a primary key
-- column of a WITHOUT ROWID table cannot be NULL).
--
-- Size: a row per hour (minute) and distinct key. An attack from one
-- address is a handful of rows an hour; a scan from a new address (or a
-- new endpoint) each time is as many rows as events, never more.

CREATE TABLE event_sources_hour (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  hour            INTEGER NOT NULL,
  interceptor     TEXT NOT NULL,
  has_endpoint    INTEGER NOT NULL,
  endpoint        TEXT NOT NULL,
  has_source      INTEGER NOT NULL,
  source_ip       TEXT NOT NULL,
  action          TEXT NOT NULL,
  n               INTEGER NOT NULL,
  first_ts        INTEGER NOT NULL,
  last_ts         INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, has_endpoint, endpoint,
               has_source, source_ip, action)
) WITHOUT ROWID;

CREATE TABLE event_groups_minute (
  project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  INTEGER NOT NULL,
  minute          INTEGER NOT NULL,
  interceptor     TEXT NOT NULL,
  has_endpoint    INTEGER NOT NULL,
  endpoint        TEXT NOT NULL,
  action          TEXT NOT NULL,
  n               INTEGER NOT NULL,
  first_ts        INTEGER NOT NULL,
  last_ts         INTEGER NOT NULL,
  PRIMARY KEY (project_id, environment_id, minute, interceptor, has_endpoint, endpoint, action)
) WITHOUT ROWID;

-- Backfill: an upgraded database gets the groups of the events it holds.
INSERT INTO event_sources_hour(project_id, environment_id, hour, interceptor, has_endpoint,
                               endpoint, has_source, source_ip, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - (ts < 0) * 3599999) / 3600000, interceptor,
         endpoint IS NOT NULL, coalesce(endpoint, ''), source_ip IS NOT NULL,
         coalesce(source_ip, ''), action, count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO event_groups_minute(project_id, environment_id, minute, interceptor, has_endpoint,
                                endpoint, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - (ts < 0) * 59999) / 60000, interceptor,
         endpoint IS NOT NULL, coalesce(endpoint, ''), action, count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;
