-- 009_event_groups (PostgreSQL): per hour, the events of each interceptor
-- + endpoint + action with their count and their oldest and newest ts;
-- invariants as in ../009_event_groups.sql.
CREATE TABLE event_groups_hour (
  project_id      BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id  BIGINT NOT NULL,
  hour            BIGINT NOT NULL,
  interceptor     TEXT COLLATE "C" NOT NULL,
  has_endpoint    BIGINT NOT NULL,
  endpoint        TEXT COLLATE "C" NOT NULL,
  action          TEXT COLLATE "C" NOT NULL,
  n               BIGINT NOT NULL,
  first_ts        BIGINT NOT NULL,
  last_ts         BIGINT NOT NULL,
  PRIMARY KEY (project_id, environment_id, hour, interceptor, has_endpoint, endpoint, action)
);

INSERT INTO event_groups_hour(project_id, environment_id, hour, interceptor, has_endpoint,
                              endpoint, action, n, first_ts, last_ts)
  SELECT project_id, environment_id, (ts - CASE WHEN ts < 0 THEN 3599999 ELSE 0 END) / 3600000,
         interceptor, CASE WHEN endpoint IS NOT NULL THEN 1 ELSE 0 END, coalesce(endpoint, ''),
         action, count(*), min(ts), max(ts)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7;
