-- 005_event_rollups (PostgreSQL): counts of events per minute and per
-- hour, and per-hour counts of endpoints, source addresses and rules; the
-- invariants and buckets of ../005_event_rollups.sql (WITHOUT ROWID has no
-- counterpart: a PostgreSQL table is a heap with its primary key index).
-- Buckets are floor(ts / 60000) and floor(ts / 3600000), written so for
-- negative ts too (integer division truncates towards zero).

CREATE TABLE event_counts (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  minute          BIGINT NOT NULL,
  interceptor     TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL,
  severity        TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, minute, interceptor, action, severity)
);

CREATE TABLE event_counts_hour (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  hour            BIGINT NOT NULL,
  interceptor     TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL,
  severity        TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, action, severity)
);

CREATE TABLE event_top (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  hour            BIGINT NOT NULL,
  kind            TEXT COLLATE "C" NOT NULL CHECK (kind IN ('endpoint', 'source', 'rule')),
  value           TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, kind, value)
);

-- Backfill (as SQLite's; the events table is new and empty on PostgreSQL,
-- but the migration stays the same operation).
INSERT INTO event_counts(project_id, environment_id, minute, interceptor, action, severity, n)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 59999 ELSE 0 END) / 60000,
         interceptor, action, severity, count(*)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_counts_hour(project_id, environment_id, hour, interceptor, action, severity, n)
  SELECT project_id, environment_id, (minute - CASE WHEN minute < 0 THEN 59 ELSE 0 END) / 60,
         interceptor, action, severity, sum(n)
  FROM event_counts GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END) / 3600000,
         'endpoint', endpoint, count(*)
  FROM events WHERE endpoint IS NOT NULL GROUP BY 1, 2, 3, 5;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END) / 3600000,
         'source', source_ip, count(*)
  FROM events WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3, 5;
INSERT INTO event_top(project_id, environment_id, hour, kind, value, n)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END) / 3600000,
         'rule', rule, count(*)
  FROM events WHERE rule IS NOT NULL GROUP BY 1, 2, 3, 5;
