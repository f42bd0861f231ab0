-- 006_text_index_async (PostgreSQL): fts_state, the free-text index's
-- mark of ../006_text_index_async.sql, so that the ingest writer keeps
-- one rule on both engines: event ids are assigned above max(id) and
-- above indexed_to, so they only grow. PostgreSQL's GIN index (003)
-- follows every commit itself; the PostgreSQL writer only moves the mark.
-- SQLite's FTS5 triggers have no counterpart.
CREATE TABLE fts_state (
  id          BIGINT PRIMARY KEY CHECK (id = 1),
  indexed_to  BIGINT NOT NULL
);
INSERT INTO fts_state(id, indexed_to) VALUES (1, (SELECT coalesce(max(id), 0) FROM events));
