-- 012_shared_state: the login throttle's windows and the live feed's
-- tickets, in the database instead of one process's memory, so that
-- several moatd on one database share them (issue 13): a login refused on
-- one instance is refused on every one, a ticket issued by one is
-- redeemed, once, by any.
--
-- login_attempts: one fixed window per key (a client address or an
-- account); key_hash is the SHA-256 hex of the key ("ip:…", "acct:…"),
-- so an e-mail address of any length is a fixed-size key. A row whose
-- window ended counts for nothing and is deleted by later attempts.
CREATE TABLE login_attempts (
  key_hash    TEXT PRIMARY KEY,
  window_end  INTEGER NOT NULL,
  count       INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_attempts_end ON login_attempts(window_end);

-- live_tickets: one-time, short-lived tickets for /v1/live, stored only as
-- the SHA-256 hex of the ticket; deleted when redeemed, and when expired
-- by later issues.
CREATE TABLE live_tickets (
  hash        TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  project_id  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX live_tickets_user ON live_tickets(user_id, expires_at);
CREATE INDEX live_tickets_end ON live_tickets(expires_at);
