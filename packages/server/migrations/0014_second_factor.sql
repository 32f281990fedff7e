-- R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): a second sign-in factor. One-time-password tokens (TOTP)
-- keep their secret SM4-encrypted with a key outside the database (secret.key in the data
-- directory, or BAOMI_SECRET_KEY); security keys (WebAuthn) keep their public key. A factor is
-- usable once confirmed and until revoked.
CREATE TABLE second_factor (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('totp', 'webauthn')),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
  -- TOTP: iv ‖ SM4-CBC ciphertext ‖ HMAC-SM3 (base64url), the parameters, and the last accepted
  -- step (a code is accepted once: a step at or below it is refused).
  secret_enc text,
  algorithm text CHECK (algorithm IN ('SHA1', 'SM3')),
  digits integer CHECK (digits IN (6, 8)),
  period integer CHECK (period BETWEEN 1 AND 300),
  last_step bigint,
  -- WebAuthn: the credential's id (base64url), COSE public key, signature counter, transports.
  credential_id text UNIQUE,
  public_key bytea,
  sign_count bigint,
  transports text,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES account(id),
  CHECK (kind <> 'totp' OR (secret_enc IS NOT NULL AND algorithm IS NOT NULL AND digits IS NOT NULL AND period IS NOT NULL)),
  CHECK (kind <> 'webauthn' OR (credential_id IS NOT NULL AND public_key IS NOT NULL))
);
CREATE INDEX second_factor_account ON second_factor (account_id) WHERE revoked_at IS NULL;

-- Ten single-use recovery codes per account, stored as SM3 hashes (the codes are random, 50 bits).
CREATE TABLE recovery_code (
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (account_id, code_hash)
);

-- The step between a right password and the second factor: a random token (only its SHA-256 is
-- kept), bound to the account and the address, short-lived, used once. In the database so that any
-- node can finish a sign-in another began. `challenge`: the WebAuthn assertion challenge.
CREATE TABLE signin_pending (
  id text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  source text NOT NULL,
  challenge text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX signin_pending_expires ON signin_pending (expires_at);

-- A WebAuthn registration in progress (its challenge), per account; used once.
CREATE TABLE webauthn_challenge (
  account_id uuid PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
  challenge text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- R-SYS-01 dual control of a business user's second-factor reset, the password reset's pattern
-- with the roles the other way round: the security-secrecy administrator asks, the system
-- administrator confirms, and only the confirmation revokes the factors.
CREATE TABLE second_factor_reset (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  requested_by uuid NOT NULL REFERENCES account(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'confirmed', 'rejected', 'withdrawn', 'expired')),
  decided_by uuid REFERENCES account(id),
  decided_at timestamptz,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX second_factor_reset_pending ON second_factor_reset (account_id) WHERE status = 'pending';

-- Whether an account must still enrol is part of its session: tell every node's cache.
CREATE TRIGGER second_factor_auth_change AFTER INSERT OR UPDATE OR DELETE ON second_factor
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
