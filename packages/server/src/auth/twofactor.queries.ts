// The second sign-in factor's tables (second_factor, recovery_code, webauthn_challenge, signin_pending).
// Raw SQL: the factor rows are locked and updated in place on the login path, and a conditional
// update's row count decides whether a one-time password, recovery code or pending step is accepted.
import type { TotpAlgorithm } from '@baomi/domain/twofactor/totp.ts';
import type { Sql } from '../db/db.ts';

export type FactorKind = 'totp' | 'webauthn';

/** A confirmed, unrevoked factor as its owner sees it (never its secret). */
export interface FactorRow {
  id: string;
  kind: FactorKind;
  label: string;
  algorithm: TotpAlgorithm | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A TOTP factor's secret (sealed) and parameters; `last_step` is a bigint (a string on PostgreSQL). */
export interface TotpRow {
  id: string;
  secret_enc: string;
  algorithm: TotpAlgorithm;
  digits: 6 | 8;
  period: number;
  last_step: string | number | null;
}

/** A security key's credential id and transports (comma-separated). */
export interface CredentialRow {
  credential_id: string;
  transports: string | null;
}

/** A security key's stored credential, for checking an assertion. */
export interface WebauthnRow extends CredentialRow {
  id: string;
  public_key: Uint8Array;
  sign_count: string | number;
}

// --- factors -----------------------------------------------------------------------------------

export async function listFactors(sql: Sql, accountId: string): Promise<FactorRow[]> {
  const { rows } = await sql.query<FactorRow>(
    `SELECT id, kind, label, algorithm, created_at AS "createdAt", last_used_at AS "lastUsedAt"
       FROM second_factor WHERE account_id = $1 AND confirmed_at IS NOT NULL AND revoked_at IS NULL
      ORDER BY created_at`,
    [accountId],
  );
  return rows;
}

/** The kinds of factor an account can finish a sign-in with (empty: it has none). */
export async function factorKinds(sql: Sql, accountId: string): Promise<FactorKind[]> {
  const { rows } = await sql.query<{ kind: FactorKind }>(
    `SELECT DISTINCT kind FROM second_factor
      WHERE account_id = $1 AND confirmed_at IS NOT NULL AND revoked_at IS NULL ORDER BY kind`,
    [accountId],
  );
  return rows.map((r) => r.kind);
}

/** The owner revokes one factor. */
export async function revokeFactor(sql: Sql, id: string, by: string): Promise<void> {
  await sql.query('UPDATE second_factor SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [id, by]);
}

/** Revokes every unrevoked factor of an account; returns how many. */
export async function revokeFactorsOf(sql: Sql, accountId: string, by: string | null): Promise<number> {
  const { rowCount } = await sql.query(
    'UPDATE second_factor SET revoked_at = now(), revoked_by = $2 WHERE account_id = $1 AND revoked_at IS NULL',
    [accountId, by],
  );
  return rowCount;
}

// --- TOTP --------------------------------------------------------------------------------------

/** An earlier unconfirmed TOTP enrolment is dropped: only the latest QR code can be confirmed. */
export async function dropUnconfirmedTotp(sql: Sql, accountId: string): Promise<void> {
  await sql.query(
    "DELETE FROM second_factor WHERE account_id = $1 AND kind = 'totp' AND confirmed_at IS NULL",
    [accountId],
  );
}

export async function insertTotp(
  sql: Sql,
  t: {
    accountId: string;
    label: string;
    secretEnc: string;
    algorithm: TotpAlgorithm;
    digits: number;
    period: number;
  },
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO second_factor (account_id, kind, label, secret_enc, algorithm, digits, period)
     VALUES ($1, 'totp', $2, $3, $4, $5, $6) RETURNING id`,
    [t.accountId, t.label, t.secretEnc, t.algorithm, t.digits, t.period],
  );
  return rows[0]!.id;
}

/** The account's unconfirmed TOTP enrolment `id`, locked; null when there is none. */
export async function lockUnconfirmedTotp(sql: Sql, id: string, accountId: string): Promise<TotpRow | null> {
  const { rows } = await sql.query<TotpRow>(
    `SELECT id, secret_enc, algorithm, digits, period, last_step FROM second_factor
      WHERE id = $1 AND account_id = $2 AND kind = 'totp' AND confirmed_at IS NULL AND revoked_at IS NULL
      FOR UPDATE`,
    [id, accountId],
  );
  return rows[0] ?? null;
}

export async function confirmTotpFactor(sql: Sql, id: string, step: number): Promise<void> {
  await sql.query('UPDATE second_factor SET confirmed_at = now(), last_step = $2 WHERE id = $1', [id, step]);
}

/** The account's confirmed TOTP factors, oldest first, locked for the sign-in step. */
export async function lockTotpFactors(sql: Sql, accountId: string): Promise<TotpRow[]> {
  const { rows } = await sql.query<TotpRow>(
    `SELECT id, secret_enc, algorithm, digits, period, last_step FROM second_factor
      WHERE account_id = $1 AND kind = 'totp' AND confirmed_at IS NOT NULL AND revoked_at IS NULL
      ORDER BY created_at FOR UPDATE`,
    [accountId],
  );
  return rows;
}

/** Accepted once: the step only moves forward. False when this step (or a later one) was used. */
export async function advanceTotpStep(sql: Sql, id: string, step: number): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE second_factor SET last_step = $2, last_used_at = now()
      WHERE id = $1 AND (last_step IS NULL OR last_step < $2)`,
    [id, step],
  );
  return rowCount === 1;
}

// --- WebAuthn ----------------------------------------------------------------------------------

/** Every unrevoked security key of an account (not to be enrolled twice). */
export async function enrolledCredentials(sql: Sql, accountId: string): Promise<CredentialRow[]> {
  const { rows } = await sql.query<CredentialRow>(
    `SELECT credential_id, transports FROM second_factor
      WHERE account_id = $1 AND kind = 'webauthn' AND revoked_at IS NULL`,
    [accountId],
  );
  return rows;
}

/** The confirmed, unrevoked security keys an account may sign in with. */
export async function signInCredentials(sql: Sql, accountId: string): Promise<CredentialRow[]> {
  const { rows } = await sql.query<CredentialRow>(
    `SELECT credential_id, transports FROM second_factor
      WHERE account_id = $1 AND kind = 'webauthn' AND confirmed_at IS NOT NULL AND revoked_at IS NULL`,
    [accountId],
  );
  return rows;
}

/** The enrolment challenge, one per account (a new one replaces the old). */
export async function saveWebauthnChallenge(
  sql: Sql,
  accountId: string,
  challenge: string,
  minutes: number,
): Promise<void> {
  await sql.query(
    `INSERT INTO webauthn_challenge (account_id, challenge, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3))
     ON CONFLICT (account_id) DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at`,
    [accountId, challenge, minutes],
  );
}

/** Takes (deletes) the account's enrolment challenge; null when there is none or it has expired. */
export async function takeWebauthnChallenge(sql: Sql, accountId: string): Promise<string | null> {
  const { rows } = await sql.query<{ challenge: string }>(
    'DELETE FROM webauthn_challenge WHERE account_id = $1 AND expires_at > now() RETURNING challenge',
    [accountId],
  );
  return rows[0]?.challenge ?? null;
}

/** A verified security key, confirmed at once; null when the credential is already enrolled. */
export async function insertWebauthnFactor(
  sql: Sql,
  f: {
    accountId: string;
    label: string;
    credentialId: string;
    publicKey: Buffer;
    signCount: number;
    transports: string | null;
  },
): Promise<string | null> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO second_factor (account_id, kind, label, credential_id, public_key, sign_count, transports, confirmed_at)
     VALUES ($1, 'webauthn', $2, $3, $4, $5, $6, now())
     ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
    [f.accountId, f.label, f.credentialId, f.publicKey, f.signCount, f.transports],
  );
  return rows[0]?.id ?? null;
}

/** The account's confirmed security key with this credential id, locked; null when there is none. */
export async function lockWebauthnFactor(
  sql: Sql,
  accountId: string,
  credentialId: string,
): Promise<WebauthnRow | null> {
  const { rows } = await sql.query<WebauthnRow>(
    `SELECT id, credential_id, public_key, sign_count, transports FROM second_factor
      WHERE account_id = $1 AND kind = 'webauthn' AND credential_id = $2
        AND confirmed_at IS NOT NULL AND revoked_at IS NULL FOR UPDATE`,
    [accountId, credentialId],
  );
  return rows[0] ?? null;
}

export async function recordWebauthnUse(sql: Sql, id: string, signCount: number): Promise<void> {
  await sql.query('UPDATE second_factor SET sign_count = $2, last_used_at = now() WHERE id = $1', [
    id,
    signCount,
  ]);
}

// --- recovery codes ----------------------------------------------------------------------------

export async function unusedRecoveryCodes(sql: Sql, accountId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM recovery_code WHERE account_id = $1 AND used_at IS NULL',
    [accountId],
  );
  return rows[0]!.n;
}

export async function deleteRecoveryCodes(sql: Sql, accountId: string): Promise<void> {
  await sql.query('DELETE FROM recovery_code WHERE account_id = $1', [accountId]);
}

export async function insertRecoveryCode(sql: Sql, accountId: string, codeHash: string): Promise<void> {
  await sql.query('INSERT INTO recovery_code (account_id, code_hash) VALUES ($1, $2)', [accountId, codeHash]);
}

/** Uses an unused recovery code once; false when it is unknown or already used. */
export async function useRecoveryCode(sql: Sql, accountId: string, codeHash: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE recovery_code SET used_at = now()
      WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL`,
    [accountId, codeHash],
  );
  return rowCount === 1;
}

// --- pending sign-ins --------------------------------------------------------------------------

/** The step between a right password and the second factor; `id` is the token's hash. */
export async function insertPendingSignIn(
  sql: Sql,
  p: { id: string; accountId: string; source: string; challenge: string; minutes: number },
): Promise<Date> {
  const { rows } = await sql.query<{ expires_at: Date }>(
    `INSERT INTO signin_pending (id, account_id, source, challenge, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
    [p.id, p.accountId, p.source, p.challenge, p.minutes],
  );
  return rows[0]!.expires_at;
}

/** The unexpired pending sign-in `id` (the token's hash), locked; null when there is none. */
export async function lockPendingSignIn(
  sql: Sql,
  id: string,
): Promise<{ accountId: string; challenge: string; source: string } | null> {
  const { rows } = await sql.query<{ accountId: string; challenge: string; source: string }>(
    `SELECT account_id AS "accountId", challenge, source FROM signin_pending
      WHERE id = $1 AND expires_at > now() FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function deletePendingSignIn(sql: Sql, id: string): Promise<void> {
  await sql.query('DELETE FROM signin_pending WHERE id = $1', [id]);
}

export async function deletePendingSignInsOf(sql: Sql, accountId: string): Promise<void> {
  await sql.query('DELETE FROM signin_pending WHERE account_id = $1', [accountId]);
}
