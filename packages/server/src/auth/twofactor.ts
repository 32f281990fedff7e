// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): the second sign-in factor — one-time-password tokens
// (TOTP, SHA-1 or HMAC-SM3), security keys (WebAuthn) and single-use recovery codes. Enrolment,
// the second step of a sign-in, revocation and the administrators' CLI reset. Every change audited.
// Raw SQL: the factor rows are locked and updated in place (the accepted-once step) on the login path.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { base32Encode, buildOtpAuthUri, secondFactorRequired } from '@baomi/domain';
import { type TotpAlgorithm, verifyTotp } from '@baomi/domain/twofactor/totp.ts';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import type { Me } from './context.ts';
import { openSecret, type SecretKey, sealSecret } from './secret-key.ts';
import { tokenId } from './sessions.ts';

export interface FactorDeps {
  secretKey: SecretKey;
  /** Milliseconds since the epoch for TOTP steps (Date.now in production; tests step it). */
  clock: () => number;
}

/** WebAuthn relying party: BAOMI_ORIGIN, else the origin the request came to. */
export interface RelyingParty {
  origin: string;
  id: string;
}

export const RP_NAME = '保密管理系统 Baomi';
/** How long the step between a right password and the second factor may take. */
export const PENDING_MINUTES = 5;
export const RECOVERY_CODES = 10;

export interface FactorRow {
  id: string;
  kind: 'totp' | 'webauthn';
  label: string;
  algorithm: TotpAlgorithm | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listFactors(sql: Sql, accountId: string): Promise<FactorRow[]> {
  const { rows } = await sql.query<FactorRow>(
    `SELECT id, kind, label, algorithm, created_at AS "createdAt", last_used_at AS "lastUsedAt"
       FROM second_factor WHERE account_id = $1 AND confirmed_at IS NOT NULL AND revoked_at IS NULL
      ORDER BY created_at`,
    [accountId],
  );
  return rows;
}

export async function unusedRecoveryCodes(sql: Sql, accountId: string): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM recovery_code WHERE account_id = $1 AND used_at IS NULL',
    [accountId],
  );
  return rows[0]!.n;
}

/** The kinds of factor an account can finish a sign-in with (empty: it has none). */
export async function factorKinds(sql: Sql, accountId: string): Promise<('totp' | 'webauthn')[]> {
  const { rows } = await sql.query<{ kind: 'totp' | 'webauthn' }>(
    `SELECT DISTINCT kind FROM second_factor
      WHERE account_id = $1 AND confirmed_at IS NOT NULL AND revoked_at IS NULL ORDER BY kind`,
    [accountId],
  );
  return rows.map((r) => r.kind);
}

const notFound = () =>
  new HttpError(404, { code: 'not_found', zh: '未找到该认证因素', en: 'No such second factor' });

const badCode = () =>
  new HttpError(400, {
    code: 'second_factor_code_wrong',
    field: 'code',
    rule: 'R-SYS-02',
    zh: '动态口令不正确，请核对令牌或手机时间后重试',
    en: 'The one-time password is wrong; check the token or the phone’s clock and try again',
  });

// ---------------------------------------------------------------------------------------------
// Recovery codes: 10 groups of 4+4 characters from an unambiguous alphabet (~50 bits each), stored
// as SM3 hashes; a code is used once.

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashRecoveryCode = (code: string) =>
  createHash('sm3')
    .update(`baomi-recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex');

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

async function replaceRecoveryCodes(sql: Sql, accountId: string): Promise<string[]> {
  await sql.query('DELETE FROM recovery_code WHERE account_id = $1', [accountId]);
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  for (const c of codes)
    await sql.query('INSERT INTO recovery_code (account_id, code_hash) VALUES ($1, $2)', [
      accountId,
      hashRecoveryCode(c),
    ]);
  return codes;
}

/** A confirmed factor's enrolment: the first one brings the recovery codes (shown once). */
async function afterEnrolment(sql: Sql, me: Me): Promise<string[] | null> {
  if ((await unusedRecoveryCodes(sql, me.id)) > 0) return null;
  return replaceRecoveryCodes(sql, me.id);
}

export async function regenerateRecoveryCodes(db: Db, me: Me, actor: Actor): Promise<string[]> {
  return db.tx(async (sql) => {
    if ((await listFactors(sql, me.id)).length === 0)
      throw new HttpError(409, {
        code: 'second_factor_none',
        rule: 'R-SYS-02',
        zh: '请先登记动态口令或安全密钥，再生成恢复码',
        en: 'Enrol a one-time-password token or a security key before making recovery codes',
      });
    const codes = await replaceRecoveryCodes(sql, me.id);
    await appendAudit(sql, actor, {
      action: 'auth.recovery_codes.generate',
      objectType: 'account',
      objectId: me.id,
      summary: { count: codes.length },
    });
    return codes;
  });
}

// ---------------------------------------------------------------------------------------------
// TOTP enrolment: begin stores the encrypted secret unconfirmed; confirm needs one right code.

export async function beginTotp(
  db: Db,
  me: Me,
  body: { algorithm: TotpAlgorithm; label?: string },
  deps: FactorDeps,
): Promise<{ id: string; secret: string; uri: string }> {
  const secret = randomBytes(20);
  const digits = 6;
  const period = 30;
  const label = (body.label?.trim() || (body.algorithm === 'SM3' ? '动态口令（SM3）' : '动态口令')).slice(
    0,
    64,
  );
  return db.tx(async (sql) => {
    // An earlier unconfirmed enrolment is dropped: only the latest QR code can be confirmed.
    await sql.query(
      "DELETE FROM second_factor WHERE account_id = $1 AND kind = 'totp' AND confirmed_at IS NULL",
      [me.id],
    );
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO second_factor (account_id, kind, label, secret_enc, algorithm, digits, period)
       VALUES ($1, 'totp', $2, $3, $4, $5, $6) RETURNING id`,
      [me.id, label, sealSecret(deps.secretKey(), secret), body.algorithm, digits, period],
    );
    const uri = buildOtpAuthUri({
      issuer: '保密',
      account: me.username,
      secret,
      algorithm: body.algorithm,
      digits,
      period,
    });
    return { id: rows[0]!.id, secret: base32Encode(secret), uri };
  });
}

interface TotpRow {
  id: string;
  secret_enc: string;
  algorithm: TotpAlgorithm;
  digits: 6 | 8;
  period: number;
  last_step: string | number | null;
}

/** The step a code matches on one of the rows (locked by the caller), or null. */
function matchTotp(rows: TotpRow[], code: string, deps: FactorDeps): { row: TotpRow; step: number } | null {
  const now = deps.clock();
  for (const row of rows) {
    const secret = openSecret(deps.secretKey(), row.secret_enc);
    if (!secret) continue;
    const last = row.last_step === null ? null : Number(row.last_step);
    const step = verifyTotp(secret, code, now, last, {
      algorithm: row.algorithm,
      digits: row.digits,
      period: row.period,
    });
    if (step !== null) return { row, step };
  }
  return null;
}

export async function confirmTotp(
  db: Db,
  me: Me,
  id: string,
  code: string,
  deps: FactorDeps,
  actor: Actor,
): Promise<{ factor: FactorRow; recoveryCodes: string[] | null }> {
  return db.tx(async (sql) => {
    const { rows } = await sql.query<TotpRow>(
      `SELECT id, secret_enc, algorithm, digits, period, last_step FROM second_factor
        WHERE id = $1 AND account_id = $2 AND kind = 'totp' AND confirmed_at IS NULL AND revoked_at IS NULL
        FOR UPDATE`,
      [id, me.id],
    );
    if (!rows[0]) throw notFound();
    const m = matchTotp(rows, code, deps);
    if (!m) throw badCode();
    await sql.query('UPDATE second_factor SET confirmed_at = now(), last_step = $2 WHERE id = $1', [
      id,
      m.step,
    ]);
    const recoveryCodes = await afterEnrolment(sql, me);
    await appendAudit(sql, actor, {
      action: 'auth.second_factor.enrol',
      objectType: 'account',
      objectId: me.id,
      summary: { kind: 'totp', algorithm: m.row.algorithm, recoveryCodes: recoveryCodes?.length ?? 0 },
    });
    const factor = (await listFactors(sql, me.id)).find((f) => f.id === id)!;
    return { factor, recoveryCodes };
  });
}

// ---------------------------------------------------------------------------------------------
// WebAuthn enrolment.

export async function webauthnRegistrationOptions(db: Db, me: Me, rp: RelyingParty) {
  const { rows } = await db.query<{ credential_id: string; transports: string | null }>(
    `SELECT credential_id, transports FROM second_factor
      WHERE account_id = $1 AND kind = 'webauthn' AND revoked_at IS NULL`,
    [me.id],
  );
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: me.username,
    userDisplayName: me.displayName,
    userID: new TextEncoder().encode(me.id),
    attestationType: 'none',
    excludeCredentials: rows.map((r) => ({
      id: r.credential_id,
      ...(r.transports ? { transports: r.transports.split(',') } : {}),
    })),
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
  });
  await db.query(
    `INSERT INTO webauthn_challenge (account_id, challenge, expires_at)
     VALUES ($1, $2, now() + make_interval(mins => $3))
     ON CONFLICT (account_id) DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at`,
    [me.id, options.challenge, PENDING_MINUTES],
  );
  return options;
}

const webauthnRefused = () =>
  new HttpError(400, {
    code: 'webauthn_failed',
    rule: 'R-SYS-02',
    zh: '安全密钥验证未通过，请重试',
    en: 'The security key could not be verified; try again',
  });

export async function webauthnRegister(
  db: Db,
  me: Me,
  body: { label?: string; response: RegistrationResponseJSON },
  rp: RelyingParty,
  actor: Actor,
): Promise<{ factor: FactorRow; recoveryCodes: string[] | null }> {
  return db.tx(async (sql) => {
    const { rows } = await sql.query<{ challenge: string }>(
      'DELETE FROM webauthn_challenge WHERE account_id = $1 AND expires_at > now() RETURNING challenge',
      [me.id],
    );
    const challenge = rows[0]?.challenge;
    if (!challenge) throw webauthnRefused();
    let info: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      info = await verifyRegistrationResponse({
        response: body.response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
    } catch {
      throw webauthnRefused();
    }
    if (!info.verified) throw webauthnRefused();
    const c = info.registrationInfo.credential;
    const label = (body.label?.trim() || '安全密钥').slice(0, 64);
    const made = await sql.query<{ id: string }>(
      `INSERT INTO second_factor (account_id, kind, label, credential_id, public_key, sign_count, transports, confirmed_at)
       VALUES ($1, 'webauthn', $2, $3, $4, $5, $6, now())
       ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
      [me.id, label, c.id, Buffer.from(c.publicKey), c.counter, c.transports?.join(',') ?? null],
    );
    if (!made.rows[0])
      throw new HttpError(409, {
        code: 'webauthn_duplicate',
        zh: '该安全密钥已登记',
        en: 'This security key is already enrolled',
      });
    const recoveryCodes = await afterEnrolment(sql, me);
    await appendAudit(sql, actor, {
      action: 'auth.second_factor.enrol',
      objectType: 'account',
      objectId: me.id,
      summary: { kind: 'webauthn', recoveryCodes: recoveryCodes?.length ?? 0 },
    });
    const factor = (await listFactors(sql, me.id)).find((f) => f.id === made.rows[0]!.id)!;
    return { factor, recoveryCodes };
  });
}

// ---------------------------------------------------------------------------------------------
// Revocation by the owner. A user who must have a second factor keeps at least one.

export async function revokeOwnFactor(db: Db, me: Me, id: string, actor: Actor): Promise<void> {
  await db.tx(async (sql) => {
    const factors = await listFactors(sql, me.id);
    const f = factors.find((x) => x.id === id);
    if (!f) throw notFound();
    const policy = await getSecurityPolicy(sql);
    if (factors.length === 1 && secondFactorRequired(me, policy))
      throw new HttpError(409, {
        code: 'second_factor_last',
        rule: 'R-SYS-02',
        zh: '您必须使用双因素登录，不能撤销唯一的认证因素；请先登记另一个',
        en: 'You must sign in with a second factor: enrol another one before revoking the last',
      });
    await sql.query('UPDATE second_factor SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [
      id,
      me.id,
    ]);
    if (factors.length === 1) await sql.query('DELETE FROM recovery_code WHERE account_id = $1', [me.id]);
    await appendAudit(sql, actor, {
      action: 'auth.second_factor.revoke',
      objectType: 'account',
      objectId: me.id,
      summary: { kind: f.kind, label: f.label },
    });
  });
}

/** Revokes every factor and recovery code of an account (the dual-controlled reset, the CLI). */
export async function revokeAllFactors(sql: Sql, accountId: string, by: string | null): Promise<number> {
  const r = await sql.query(
    'UPDATE second_factor SET revoked_at = now(), revoked_by = $2 WHERE account_id = $1 AND revoked_at IS NULL',
    [accountId, by],
  );
  await sql.query('DELETE FROM recovery_code WHERE account_id = $1', [accountId]);
  await sql.query('DELETE FROM signin_pending WHERE account_id = $1', [accountId]);
  return r.rowCount;
}

// ---------------------------------------------------------------------------------------------
// The second step of a sign-in.

export interface PendingSignIn {
  token: string;
  methods: ('totp' | 'webauthn' | 'recovery')[];
  expiresAt: Date;
  /** WebAuthn assertion options, when the account has a security key. */
  webauthn: Awaited<ReturnType<typeof generateAuthenticationOptions>> | null;
}

export async function createPending(
  sql: Sql,
  accountId: string,
  source: string,
  kinds: ('totp' | 'webauthn')[],
  rp: RelyingParty | null,
): Promise<PendingSignIn> {
  const token = randomBytes(32).toString('base64url');
  let webauthn: PendingSignIn['webauthn'] = null;
  if (kinds.includes('webauthn') && rp) {
    const { rows } = await sql.query<{ credential_id: string; transports: string | null }>(
      `SELECT credential_id, transports FROM second_factor
        WHERE account_id = $1 AND kind = 'webauthn' AND confirmed_at IS NOT NULL AND revoked_at IS NULL`,
      [accountId],
    );
    webauthn = await generateAuthenticationOptions({
      rpID: rp.id,
      userVerification: 'preferred',
      allowCredentials: rows.map((r) => ({
        id: r.credential_id,
        ...(r.transports ? { transports: r.transports.split(',') as ('usb' | 'internal')[] } : {}),
      })),
    });
  }
  const challenge = webauthn?.challenge ?? randomBytes(16).toString('base64url');
  const { rows } = await sql.query<{ expires_at: Date }>(
    `INSERT INTO signin_pending (id, account_id, source, challenge, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
    [tokenId(token), accountId, source, challenge, PENDING_MINUTES],
  );
  return { token, methods: [...kinds, 'recovery'], expiresAt: rows[0]!.expires_at, webauthn };
}

export interface SecondFactorInput {
  code?: string;
  recoveryCode?: string;
  webauthn?: AuthenticationResponseJSON;
}

/**
 * The pending sign-in of `token` from `source` (locked), or null when there is none: unknown,
 * expired, already used, or begun from another address.
 */
export async function takePending(
  sql: Sql,
  token: string,
  source: string,
): Promise<{ accountId: string; challenge: string } | null> {
  const { rows } = await sql.query<{ account_id: string; challenge: string; source: string }>(
    `SELECT account_id, challenge, source FROM signin_pending WHERE id = $1 AND expires_at > now() FOR UPDATE`,
    [tokenId(token)],
  );
  const p = rows[0];
  if (!p || p.source !== source) return null;
  return { accountId: p.account_id, challenge: p.challenge };
}

export async function dropPending(sql: Sql, token: string): Promise<void> {
  await sql.query('DELETE FROM signin_pending WHERE id = $1', [tokenId(token)]);
}

/** Checks the factor against the account's; on success records its use. Returns the kind used. */
export async function checkFactor(
  sql: Sql,
  accountId: string,
  challenge: string,
  input: SecondFactorInput,
  deps: FactorDeps,
  rp: RelyingParty | null,
): Promise<'totp' | 'webauthn' | 'recovery' | null> {
  if (input.code) {
    const { rows } = await sql.query<TotpRow>(
      `SELECT id, secret_enc, algorithm, digits, period, last_step FROM second_factor
        WHERE account_id = $1 AND kind = 'totp' AND confirmed_at IS NOT NULL AND revoked_at IS NULL
        ORDER BY created_at FOR UPDATE`,
      [accountId],
    );
    const m = matchTotp(rows, input.code, deps);
    if (!m) return null;
    // Accepted once: the step only moves forward.
    const u = await sql.query(
      `UPDATE second_factor SET last_step = $2, last_used_at = now()
        WHERE id = $1 AND (last_step IS NULL OR last_step < $2)`,
      [m.row.id, m.step],
    );
    return u.rowCount === 1 ? 'totp' : null;
  }
  if (input.recoveryCode) {
    const u = await sql.query(
      `UPDATE recovery_code SET used_at = now()
        WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [accountId, hashRecoveryCode(input.recoveryCode)],
    );
    return u.rowCount === 1 ? 'recovery' : null;
  }
  if (input.webauthn && rp) {
    const { rows } = await sql.query<{
      id: string;
      credential_id: string;
      public_key: Uint8Array;
      sign_count: string | number;
      transports: string | null;
    }>(
      `SELECT id, credential_id, public_key, sign_count, transports FROM second_factor
        WHERE account_id = $1 AND kind = 'webauthn' AND credential_id = $2
          AND confirmed_at IS NOT NULL AND revoked_at IS NULL FOR UPDATE`,
      [accountId, input.webauthn.id],
    );
    const row = rows[0];
    if (!row) return null;
    try {
      const v = await verifyAuthenticationResponse({
        response: input.webauthn,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: row.credential_id,
          publicKey: new Uint8Array(row.public_key),
          counter: Number(row.sign_count ?? 0),
          ...(row.transports ? { transports: row.transports.split(',') } : {}),
        },
        requireUserVerification: false,
      });
      if (!v.verified) return null;
      await sql.query('UPDATE second_factor SET sign_count = $2, last_used_at = now() WHERE id = $1', [
        row.id,
        v.authenticationInfo.newCounter,
      ]);
      return 'webauthn';
    } catch {
      return null;
    }
  }
  return null;
}
