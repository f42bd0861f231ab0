-- 002_policy_agents: immutable policy versions per environment, and the
-- agent inventory.

CREATE TABLE policy_versions (
  id              INTEGER PRIMARY KEY,
  environment_id  INTEGER NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  version         INTEGER NOT NULL CHECK (version >= 1),
  document        TEXT NOT NULL,          -- canonical JSON (sorted keys, compact)
  sha256          TEXT NOT NULL,
  author          TEXT NOT NULL,
  message         TEXT NOT NULL DEFAULT '',
  rollback_of     INTEGER,                -- the version this one restored, if any
  created_at      INTEGER NOT NULL,
  UNIQUE (environment_id, version)
);

-- Every existing environment starts from the safe default (version 1 is
-- written by moatd at start for environments that have none).

CREATE TABLE agents (
  id                  INTEGER PRIMARY KEY,
  project_id          INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  environment_id      INTEGER NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
  agent_id            TEXT NOT NULL,
  hostname            TEXT NOT NULL DEFAULT '',
  runtime             TEXT NOT NULL DEFAULT '',
  agent_version       TEXT NOT NULL DEFAULT '',
  remote_addr         TEXT NOT NULL DEFAULT '',
  token_id            INTEGER,
  first_seen_at       INTEGER NOT NULL,
  last_seen_at        INTEGER NOT NULL,
  online              INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
  policy_version      INTEGER NOT NULL DEFAULT 0,
  policy_applied_at   INTEGER,
  policy_error        TEXT,
  UNIQUE (project_id, agent_id)
);
CREATE INDEX agents_env ON agents(environment_id, online);
CREATE INDEX agents_seen ON agents(online, last_seen_at);
