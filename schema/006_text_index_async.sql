-- 006_text_index_async: the free-text index (events_fts) follows the
-- commit instead of being part of it.
--
-- Until now a trigger indexed each event's payload and operation in the
-- transaction that inserted it: about half of an insert's cost, and so of
-- the time an agent waits for its ack. Now the writer thread commits the
-- events (and acknowledges them), then indexes them in its own small
-- transactions when it has nothing else to do (server/ingest.c), and at
-- once when a search with free text waits for them.
--
-- Invariant: the events with id <= fts_state.indexed_to, and only those,
-- are in events_fts. The writer assigns event ids itself, above both
-- max(id) and indexed_to, so a new event is never at or below the mark
-- even after the newest events were deleted; it indexes the events above
-- the mark in id order and moves the mark in the same transaction.
CREATE TABLE fts_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_to  INTEGER NOT NULL
);
-- Every event stored so far was indexed by the trigger.
INSERT INTO fts_state(id, indexed_to) VALUES (1, (SELECT coalesce(max(id), 0) FROM events));

DROP TRIGGER events_fts_insert;
-- A deleted event leaves the index only if it was in it: an FTS5 'delete'
-- of a row never indexed would corrupt the index.
DROP TRIGGER events_fts_delete;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events
  WHEN old.id <= (SELECT indexed_to FROM fts_state WHERE id = 1)
BEGIN
  INSERT INTO events_fts(events_fts, rowid, payload, operation)
    VALUES ('delete', old.id, old.payload, old.operation);
END;
