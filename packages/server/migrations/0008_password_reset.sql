-- R-SYS-01 dual control of a business account's password reset (三员分立): the system administrator
-- asks, the security-secrecy administrator confirms, and only the confirmation changes the password.
-- The one-time password is made of two halves (split knowledge, docs/decisions.md): first_half is the
-- half the requester was shown; it is kept here, and nowhere else, only while the request is pending
-- (the CHECK below empties it on every decision). The second half is made at confirmation, shown to
-- the confirmer once and stored nowhere: only the argon2 hash of both halves reaches account.
CREATE TABLE password_reset (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  requested_by uuid NOT NULL REFERENCES account(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  -- 'initial': the first password of a new business account, under the same dual control (a new
  -- account linked to a person carries that person's roles and clearance from its first sign-in).
  kind text NOT NULL DEFAULT 'reset' CHECK (kind IN ('initial', 'reset')),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'rejected', 'withdrawn', 'expired')),
  first_half text CHECK (first_half IS NULL OR length(first_half) BETWEEN 1 AND 64),
  decided_by uuid REFERENCES account(id),
  decided_at timestamptz,
  -- When the user read "your password was reset" at his sign-in (confirmed requests only).
  notice_seen_at timestamptz,
  CHECK ((status = 'pending') = (first_half IS NOT NULL)),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (expires_at > requested_at)
);
-- One pending request per account at a time.
CREATE UNIQUE INDEX password_reset_pending ON password_reset (account_id) WHERE status = 'pending';
CREATE INDEX password_reset_account ON password_reset (account_id, requested_at DESC);
