-- 015_event_ids: nothing on SQLite, whose events keep their unique key
-- (project_id, event_uid). On PostgreSQL (postgres/015_event_ids.sql) the
-- partitioned events cannot hold that key, so a small table of the ids
-- does. The number exists on both engines so that the two lists of
-- migrations stay equal.
SELECT 1;
