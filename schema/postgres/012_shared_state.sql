-- 012_shared_state (PostgreSQL): the login throttle's windows and the
-- live feed's one-time tickets, shared by every moatd on the database
-- (as ../012_shared_state.sql).
CREATE TABLE login_attempts (
  key_hash    TEXT COLLATE "C" PRIMARY KEY,
  window_end  BIGINT NOT NULL,
  count       BIGINT NOT NULL
);
CREATE INDEX login_attempts_end ON login_attempts(window_end);

CREATE TABLE live_tickets (
  hash        TEXT COLLATE "C" PRIMARY KEY,
  user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  session_id  BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  project_id  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
CREATE INDEX live_tickets_user ON live_tickets(user_id, expires_at);
CREATE INDEX live_tickets_end ON live_tickets(expires_at);
