-- 004_event_indexes (PostgreSQL): the indexes of ../004_event_indexes.sql
-- (searching, exporting, counting and triaging events), the same columns
-- in the same order. SQLite's INDEXED BY has no counterpart: the
-- PostgreSQL queries leave the choice to the planner.
DROP INDEX events_ts;
CREATE INDEX events_ts ON events(project_id, ts DESC, id DESC, environment_id, interceptor,
  action, severity, status, rule, source_ip, endpoint);
DROP INDEX events_source;
CREATE INDEX events_source ON events(project_id, source_ip, ts DESC, id DESC);
CREATE INDEX events_agent ON events(project_id, agent_id, ts DESC, id DESC);
CREATE INDEX events_endpoint ON events(project_id, endpoint, ts DESC, id DESC);
CREATE INDEX events_env ON events(project_id, environment_id, ts DESC, id DESC);
CREATE INDEX events_triaged ON events(project_id, status, ts DESC, id DESC)
  WHERE status <> 'new';
