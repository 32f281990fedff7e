// Login, logout and password change (R-SYS-02), every attempt audited (R-SYS-03).
import { afterFailedLogin, checkPassword, invalid, isLocked, type SecurityPolicy } from '@baomi/domain';
import { passwordHashOf, setOwnPassword } from '../accounts/queries.ts';
import { markResetNoticesSeen } from '../accounts/reset.queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import type { Me } from './context.ts';
import {
  alertSecadmin,
  clearFailures,
  failingSources,
  recordFailure,
  sourceLock,
} from './lockout.queries.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { type AccountRow, accountUsername, findLoginAccount, hitRateLimit } from './queries.ts';
import { createSession, loadMe, revokeSession, revokeSessions } from './sessions.ts';
import { factorKinds } from './twofactor.queries.ts';
import {
  checkFactor,
  createPending,
  dropPending,
  type FactorDeps,
  type PendingSignIn,
  type RelyingParty,
  type SecondFactorInput,
  takePending,
} from './twofactor.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Every failed sign-in gets this same answer — unknown user, wrong password, locked, disabled — in the
 * same time (a dummy argon2 verification for an unknown user), so nobody can learn which accounts
 * exist, which are locked or disabled. The lock and the disabled state are never told on the login
 * page, not even after the right password (that would let a locked-out guesser go on guessing and see
 * when he is right); the page says that repeated failures lock the account and whom to ask. The audit
 * trail records the real reason (docs/decisions.md).
 */
const BAD_CREDENTIALS = () =>
  new HttpError(401, { code: 'bad_credentials', zh: '用户名或密码错误', en: 'Wrong user name or password' });

/** Failures of one account from this many addresses within the lock period alert the secadmin. */
export const ALERT_SOURCES = 3;

export { hitRateLimit };

function actorFromAccount(a: AccountRow | undefined, username: string, meta: ClientMeta): Actor {
  return {
    id: a?.id ?? null,
    name: a ? (a.person_name ?? a.display_name) : username.slice(0, 64),
    class: a?.admin_role ?? 'user',
    role: a?.admin_role ?? (a?.roles.join(',') || null),
    orgId: a?.org_id ?? null,
    ip: meta.ip,
  };
}

export async function login(
  db: Db,
  username: string,
  password: string,
  meta: ClientMeta,
  rate: { max: number; windowSeconds: number },
  rp: RelyingParty | null = null,
): Promise<SignInResult> {
  await rateLimit(db, meta, rate);
  const findAccount = (sql: Sql, lock: boolean) => findLoginAccount(sql, username, lock);
  const found = await findAccount(db, false);
  // Hash work happens outside the transaction; unknown users cost the same time as known ones.
  let passwordOk = false;
  if (found) passwordOk = await verifyPassword(found.password_hash, password);
  else await verifyPassword(await dummyHash(), password);

  const source = (meta.ip ?? 'unknown').slice(0, 64);
  const outcome = await db.tx(async (sql) => {
    const policy = await getSecurityPolicy(sql);
    const a = await findAccount(sql, true);
    const actor = actorFromAccount(a, username, meta);
    const now = new Date();
    const fail = async (reason: string, extra: Record<string, unknown> = {}) => {
      await appendAudit(sql, actor, {
        action: 'auth.login.failure',
        objectType: 'account',
        objectId: a?.id ?? null,
        summary: { username: username.slice(0, 64), reason, ...extra },
      });
      return { error: BAD_CREDENTIALS() };
    };
    if (!a) return fail('unknown_user');
    // R-SYS-02: the lock of this account from this address.
    const state = await sourceLock(sql, a.id, source);
    if (isLocked(state, now)) return fail('locked', { lockedUntil: state.lockedUntil });
    if (a.disabled) return fail('disabled');
    if (!passwordOk || a.id !== found?.id) {
      return fail('bad_password', await countFailure(sql, a, source, state, policy, now));
    }
    // R-SYS-02: with a second factor, a right password only opens the second step (no session yet);
    // the address's failures are forgiven only when the sign-in is complete.
    const kinds = await factorKinds(sql, a.id);
    if (kinds.length > 0) {
      const pending = await createPending(sql, a.id, source, kinds, rp);
      await appendAudit(sql, actor, {
        action: 'auth.login.password',
        objectType: 'account',
        objectId: a.id,
        summary: { secondFactor: kinds.join(',') },
      });
      return { pending };
    }
    await clearFailures(sql, a.id, source, now);
    const s = await createSession(sql, a.id, meta);
    await appendAudit(sql, actor, { action: 'auth.login.success', objectType: 'account', objectId: a.id });
    const me = await loadMe(sql, a.id);
    return { ok: { me: me!, ...s } };
  });
  if ('error' in outcome) throw outcome.error;
  if ('pending' in outcome && outcome.pending) return { pending: outcome.pending };
  return outcome.ok!;
}

export type SignInResult = { me: Me; token: string; csrf: string } | { pending: PendingSignIn };

async function rateLimit(db: Db, meta: ClientMeta, rate: { max: number; windowSeconds: number }) {
  if (await hitRateLimit(db, `login:${meta.ip ?? 'unknown'}`, rate.max, rate.windowSeconds)) {
    throw new HttpError(429, {
      code: 'rate_limited',
      rule: 'R-SYS-02',
      zh: '登录尝试过于频繁，请稍后再试',
      en: 'Too many login attempts from this address; try again later',
    });
  }
}

/** R-SYS-02: one more failure of the account from `source` (lock, alert); the audit summary's fields. */
async function countFailure(
  sql: Sql,
  a: AccountRow,
  source: string,
  state: Awaited<ReturnType<typeof sourceLock>>,
  policy: SecurityPolicy,
  now: Date,
): Promise<Record<string, unknown>> {
  const next = afterFailedLogin(state, now, policy);
  await recordFailure(sql, a.id, source, next, now);
  const sources = await failingSources(sql, a.id, now, policy.lockMinutes);
  if (sources >= ALERT_SOURCES) await alertSecadmin(sql, a, sources, policy.lockMinutes, now);
  return { failedCount: next.failedCount, locked: next.lockedUntil !== null, sources };
}

/**
 * R-SYS-02: the second step of a sign-in — a one-time password, a security key's assertion or a
 * recovery code against the pending token the right password gave. A wrong factor counts toward the
 * same lockout as a wrong password and gets the same answer (as do an unknown, expired, used or
 * foreign token, a locked or a disabled account); the audit trail records the real reason.
 */
export async function loginSecondFactor(
  db: Db,
  token: string,
  input: SecondFactorInput,
  meta: ClientMeta,
  rate: { max: number; windowSeconds: number },
  deps: FactorDeps,
  rp: RelyingParty | null,
): Promise<{ me: Me; token: string; csrf: string }> {
  await rateLimit(db, meta, rate);
  const source = (meta.ip ?? 'unknown').slice(0, 64);
  const outcome = await db.tx(async (sql) => {
    const policy = await getSecurityPolicy(sql);
    const now = new Date();
    const pending = await takePending(sql, token, source);
    const username = pending ? ((await accountUsername(sql, pending.accountId)) ?? '') : '';
    const a = pending ? await findLoginAccount(sql, username, true) : undefined;
    const actor = actorFromAccount(a, username || '?', meta);
    const fail = async (reason: string, extra: Record<string, unknown> = {}) => {
      await appendAudit(sql, actor, {
        action: 'auth.login.failure',
        objectType: 'account',
        objectId: a?.id ?? null,
        summary: { username: username.slice(0, 64), reason, secondFactor: true, ...extra },
      });
      return { error: BAD_CREDENTIALS() };
    };
    if (!pending || !a) return fail('bad_pending');
    const state = await sourceLock(sql, a.id, source);
    if (isLocked(state, now)) {
      await dropPending(sql, token);
      return fail('locked', { lockedUntil: state.lockedUntil });
    }
    if (a.disabled) {
      await dropPending(sql, token);
      return fail('disabled');
    }
    const used = await checkFactor(sql, a.id, pending.challenge, input, deps, rp);
    if (!used) {
      const extra = await countFailure(sql, a, source, state, policy, now);
      if (extra.locked) await dropPending(sql, token);
      return fail('bad_second_factor', extra);
    }
    await dropPending(sql, token);
    await clearFailures(sql, a.id, source, now);
    const s = await createSession(sql, a.id, meta);
    await appendAudit(sql, actor, {
      action: 'auth.login.success',
      objectType: 'account',
      objectId: a.id,
      summary: { secondFactor: used },
    });
    const me = await loadMe(sql, a.id);
    return { ok: { me: me!, ...s } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}

export async function logout(db: Db, sessionId: string, actor: Actor): Promise<void> {
  await db.tx(async (sql) => {
    await revokeSession(sql, sessionId);
    await appendAudit(sql, actor, { action: 'auth.logout', objectType: 'account', objectId: actor.id });
  });
}

export function checkNewPassword(password: string, username: string, policy: SecurityPolicy): void {
  const r = checkPassword(password, username, policy);
  if (!r.ok) throw invalid(r.violations[0]!, r.violations);
}

/** R-SYS-02: a changed password revokes every session of the account; the caller gets a fresh one. */
export async function changePassword(
  db: Db,
  me: Me,
  oldPassword: string,
  newPassword: string,
  actor: Actor,
  meta: ClientMeta,
): Promise<{ me: Me; token: string; csrf: string }> {
  const stored = await passwordHashOf(db, me.id);
  if (stored === null || !(await verifyPassword(stored, oldPassword))) {
    throw invalid({
      code: 'wrong_old_password',
      field: 'oldPassword',
      zh: '原密码不正确',
      en: 'The current password is wrong',
    });
  }
  if (oldPassword === newPassword) {
    throw invalid({
      code: 'password_unchanged',
      field: 'newPassword',
      rule: 'R-SYS-02',
      zh: '新密码不能与原密码相同',
      en: 'The new password must differ from the current one',
    });
  }
  checkNewPassword(newPassword, me.username, await getSecurityPolicy(db));
  const hash = await hashPassword(newPassword);
  return db.tx(async (sql) => {
    await setOwnPassword(sql, me.id, hash);
    // R-SYS-01: he was told of a confirmed reset until now, when he chose his own password.
    const noticesSeen = await markResetNoticesSeen(sql, me.id);
    const revoked = await revokeSessions(sql, me.id);
    const s = await createSession(sql, me.id, meta);
    await appendAudit(sql, actor, {
      action: 'auth.password.change',
      objectType: 'account',
      objectId: me.id,
      summary: { sessionsRevoked: revoked, ...(noticesSeen > 0 ? { resetNoticeSeen: true } : {}) },
    });
    return { me: (await loadMe(sql, me.id))!, ...s };
  });
}
