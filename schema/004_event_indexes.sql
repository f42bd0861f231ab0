-- 004_event_indexes: indexes for searching, exporting, counting and
-- triaging events (server/store_event_query.c names each one with INDEXED
-- BY, so a plan never depends on statistics).
--
-- Every list index ends in (ts DESC, id DESC): the keyset order of the
-- API, so an equality filter reads exactly its matching rows, newest
-- first, and stops at the page size.
--
-- events_ts also carries the columns that filters and statistics read, so
-- that unfiltered pages, residual filters and the stats queries over a
-- time range are answered from the index without touching the rows.
DROP INDEX events_ts;
CREATE INDEX events_ts ON events(project_id, ts DESC, id DESC, environment_id, interceptor,
  action, severity, status, rule, source_ip, endpoint);
-- 003's events_source lacked id, so it could not give the keyset order.
DROP INDEX events_source;
CREATE INDEX events_source ON events(project_id, source_ip, ts DESC, id DESC);
CREATE INDEX events_agent ON events(project_id, agent_id, ts DESC, id DESC);
CREATE INDEX events_endpoint ON events(project_id, endpoint, ts DESC, id DESC);
CREATE INDEX events_env ON events(project_id, environment_id, ts DESC, id DESC);
-- Triaged events are few (most stay 'new'): a partial index finds them.
CREATE INDEX events_triaged ON events(project_id, status, ts DESC, id DESC)
  WHERE status <> 'new';
