-- 011_cluster: several moatd on one PostgreSQL database (issue 13, "Many
-- instances"). On SQLite (one instance) the tables stay empty and the
-- column NULL: nothing reads or writes them there.
-- instances: every running moatd on PostgreSQL upserts its row (a random
-- id per start) every few seconds; a row whose heartbeat_at (unix
-- seconds) is older than the agents' heartbeat timeout is a dead
-- instance: the survivors mark its agents offline and delete the row.
CREATE TABLE instances (
  id            TEXT PRIMARY KEY,
  hostname      TEXT NOT NULL,
  started_at    INTEGER NOT NULL,
  heartbeat_at  INTEGER NOT NULL
) WITHOUT ROWID;
-- which instance holds each online agent's socket (written with hello)
ALTER TABLE agents ADD COLUMN instance_id TEXT;
CREATE INDEX agents_instance ON agents(instance_id, online);
-- the auth epoch of the database: every change that takes a credential
-- away adds one in its own transaction (and NOTIFYs it), so an instance
-- that missed the notification finds the change by reading one row
CREATE TABLE auth_epoch (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  epoch  INTEGER NOT NULL
);
INSERT INTO auth_epoch(id, epoch) VALUES (1, 0);
