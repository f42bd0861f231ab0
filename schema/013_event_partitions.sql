-- 013_event_partitions: nothing on SQLite. Its PostgreSQL counterpart
-- (postgres/013_event_partitions.sql) partitions the events by month, so
-- that retention drops whole months there, and gives the ingest writers
-- of several moatd one source of event ids. SQLite keeps one table and
-- its one writer assigns ids itself (006). The number exists on both
-- engines so that the two lists of migrations stay equal.
SELECT 1;
