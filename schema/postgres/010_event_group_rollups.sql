-- 010_event_group_rollups (PostgreSQL): event_sources_hour and
-- event_groups_minute, as in ../010_event_group_rollups.sql.
CREATE TABLE event_sources_hour (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  hour            BIGINT NOT NULL,
  interceptor     TEXT COLLATE "C" NOT NULL,
  has_endpoint    BIGINT NOT NULL,
  endpoint        TEXT COLLATE "C" NOT NULL,
  has_source      BIGINT NOT NULL,
  source_ip       TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  first_ts        BIGINT NOT NULL,
  last_ts         BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, has_endpoint, endpoint,
               has_source, source_ip, action)
);

CREATE TABLE event_groups_minute (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  minute          BIGINT NOT NULL,
  interceptor     TEXT COLLATE "C" NOT NULL,
  has_endpoint    BIGINT NOT NULL,
  endpoint        TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  first_ts        BIGINT NOT NULL,
  last_ts         BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, minute, interceptor, has_endpoint, endpoint, action)
);

INSERT INTO event_sources_hour(project_id, environment_id, hour, interceptor, has_endpoint,
                               endpoint, has_source, source_ip, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END) / 3600000,
         interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END, coalesce(endpoint, ''),
         CASE WHEN source_ip IS NOT NULL THEN 1 ELSE 0 END, coalesce(source_ip, ''), action,
         count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO event_groups_minute(project_id, environment_id, minute, interceptor, has_endpoint,
                                endpoint, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 59999 ELSE 0 END) / 60000,
         interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END, coalesce(endpoint, ''),
         action, count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;
