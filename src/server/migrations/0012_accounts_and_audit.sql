-- 0012 accounts hardening (issue 8): sign-in throttling kept in the database so that every `serve`
-- process behind a load balancer counts the same failures (ADR 0012); API tokens that expire; and an
-- audit log of sign-ins, account changes, tokens, imports, exports and audience changes for admins.

-- Failed sign-ins per e-mail tried (whoever sends them), per client address (whatever e-mails it
-- tries) and per known browser (below). A row is an attempt counter with its backoff: `next_attempt_at`
-- is when the next attempt is accepted. Rows idle for a day are purged by a job.
CREATE TABLE sign_in_throttle (
  scope text NOT NULL CHECK (scope IN ('email', 'address', 'device')),
  key text NOT NULL,
  failures integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX sign_in_throttle_last_failure_idx ON sign_in_throttle (last_failure_at);

-- Browsers that signed in to an account before (OWASP's "device cookies"; only the SHA-256 of the
-- cookie is kept). Such a browser is let past the account's backoff with a backoff of its own, so
-- guesses from elsewhere cannot keep the account's owner out. Forgotten when the password changes.
CREATE TABLE sign_in_devices (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_devices_user_idx ON sign_in_devices (user_id);
CREATE INDEX sign_in_devices_last_used_idx ON sign_in_devices (last_used_at);

-- NULL: the token never expires (as before this migration).
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;

-- Who did what, when, from where. `actor` is readable without joins and survives the user's deletion:
-- the user's e-mail, `token:<name>`, `cli`, or for a failed sign-in the e-mail that was tried.
-- Never holds a password or a token.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor text NOT NULL,
  actor_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  actor_token_id bigint REFERENCES api_tokens (id) ON DELETE SET NULL,
  address text,
  target_type text,
  target_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_actor_idx ON audit_log (lower(actor) text_pattern_ops, id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
