// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): the second sign-in factor — one-time-password tokens
// (TOTP, SHA-1 or HMAC-SM3), security keys (WebAuthn) and single-use recovery codes. Enrolment,
// the second step of a sign-in, revocation and the administrators' CLI reset. Every change audited.
// The SQL is in twofactor.queries.ts.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { base32Encode, buildOtpAuthUri, secondFactorRequired } from '@baomi/domain';
import { type TotpAlgorithm, verifyTotp } from '@baomi/domain/twofactor/totp.ts';
import type {
  AuthenticationResponseJSON,
  generateAuthenticationOptions,
  RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import type { Me } from './context.ts';
import { openSecret, type SecretKey, sealSecret } from './secret-key.ts';
import { tokenId } from './sessions.ts';
import {
  advanceTotpStep,
  confirmTotpFactor,
  deletePendingSignIn,
  deletePendingSignInsOf,
  deleteRecoveryCodes,
  dropUnconfirmedTotp,
  enrolledCredentials,
  type FactorKind,
  type FactorRow,
  insertPendingSignIn,
  insertRecoveryCode,
  insertTotp,
  insertWebauthnFactor,
  listFactors,
  lockPendingSignIn,
  lockTotpFactors,
  lockUnconfirmedTotp,
  lockWebauthnFactor,
  recordWebauthnUse,
  revokeFactor,
  revokeFactorsOf,
  saveWebauthnChallenge,
  signInCredentials,
  type TotpRow,
  takeWebauthnChallenge,
  unusedRecoveryCodes,
  useRecoveryCode,
} from './twofactor.queries.ts';

/**
 * @simplewebauthn/server (with its ASN.1 and X.509 libraries: ≈ 0.2 s and 25 MB at start) is loaded
 * on the first security-key registration or sign-in, not at start (issue 8: idle memory, start time).
 */
let webauthnModule: Promise<typeof import('@simplewebauthn/server')> | null = null;
const webauthnLib = () => {
  webauthnModule ??= import('@simplewebauthn/server');
  return webauthnModule;
};

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
  await deleteRecoveryCodes(sql, accountId);
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  for (const c of codes) await insertRecoveryCode(sql, accountId, hashRecoveryCode(c));
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
    await dropUnconfirmedTotp(sql, me.id);
    const id = await insertTotp(sql, {
      accountId: me.id,
      label,
      secretEnc: sealSecret(deps.secretKey(), secret),
      algorithm: body.algorithm,
      digits,
      period,
    });
    const uri = buildOtpAuthUri({
      issuer: '保密',
      account: me.username,
      secret,
      algorithm: body.algorithm,
      digits,
      period,
    });
    return { id, secret: base32Encode(secret), uri };
  });
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
    const row = await lockUnconfirmedTotp(sql, id, me.id);
    if (!row) throw notFound();
    const m = matchTotp([row], code, deps);
    if (!m) throw badCode();
    await confirmTotpFactor(sql, id, m.step);
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
  const rows = await enrolledCredentials(db, me.id);
  const options = await (await webauthnLib()).generateRegistrationOptions({
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
  await saveWebauthnChallenge(db, me.id, options.challenge, PENDING_MINUTES);
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
    const challenge = await takeWebauthnChallenge(sql, me.id);
    if (!challenge) throw webauthnRefused();
    let info: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      info = await (await webauthnLib()).verifyRegistrationResponse({
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
    const madeId = await insertWebauthnFactor(sql, {
      accountId: me.id,
      label,
      credentialId: c.id,
      publicKey: Buffer.from(c.publicKey),
      signCount: c.counter,
      transports: c.transports?.join(',') ?? null,
    });
    if (!madeId)
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
    const factor = (await listFactors(sql, me.id)).find((f) => f.id === madeId)!;
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
    await revokeFactor(sql, id, me.id);
    if (factors.length === 1) await deleteRecoveryCodes(sql, me.id);
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
  const revoked = await revokeFactorsOf(sql, accountId, by);
  await deleteRecoveryCodes(sql, accountId);
  await deletePendingSignInsOf(sql, accountId);
  return revoked;
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
  kinds: FactorKind[],
  rp: RelyingParty | null,
): Promise<PendingSignIn> {
  const token = randomBytes(32).toString('base64url');
  let webauthn: PendingSignIn['webauthn'] = null;
  if (kinds.includes('webauthn') && rp) {
    const rows = await signInCredentials(sql, accountId);
    webauthn = await (await webauthnLib()).generateAuthenticationOptions({
      rpID: rp.id,
      userVerification: 'preferred',
      allowCredentials: rows.map((r) => ({
        id: r.credential_id,
        ...(r.transports ? { transports: r.transports.split(',') as ('usb' | 'internal')[] } : {}),
      })),
    });
  }
  const challenge = webauthn?.challenge ?? randomBytes(16).toString('base64url');
  const expiresAt = await insertPendingSignIn(sql, {
    id: tokenId(token),
    accountId,
    source,
    challenge,
    minutes: PENDING_MINUTES,
  });
  return { token, methods: [...kinds, 'recovery'], expiresAt, webauthn };
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
  const p = await lockPendingSignIn(sql, tokenId(token));
  if (!p || p.source !== source) return null;
  return { accountId: p.accountId, challenge: p.challenge };
}

export async function dropPending(sql: Sql, token: string): Promise<void> {
  await deletePendingSignIn(sql, tokenId(token));
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
    const m = matchTotp(await lockTotpFactors(sql, accountId), input.code, deps);
    if (!m) return null;
    // Accepted once: the step only moves forward.
    return (await advanceTotpStep(sql, m.row.id, m.step)) ? 'totp' : null;
  }
  if (input.recoveryCode) {
    return (await useRecoveryCode(sql, accountId, hashRecoveryCode(input.recoveryCode))) ? 'recovery' : null;
  }
  if (input.webauthn && rp) {
    const row = await lockWebauthnFactor(sql, accountId, input.webauthn.id);
    if (!row) return null;
    try {
      const v = await (await webauthnLib()).verifyAuthenticationResponse({
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
      await recordWebauthnUse(sql, row.id, v.authenticationInfo.newCounter);
      return 'webauthn';
    } catch {
      return null;
    }
  }
  return null;
}
