// Login, logout and password change (R-SYS-02), every attempt audited (R-SYS-03).
import {
  afterFailedLogin,
  checkPassword,
  invalid,
  isLocked,
  type LockState,
  type SecurityPolicy,
} from '@baomi/domain';
import { passwordHashOf, setOwnPassword, updateAccount } from '../accounts/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import type { Me } from './context.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { type AccountRow, findLoginAccount, hitRateLimit } from './queries.ts';
import { createSession, loadMe, revokeSession, revokeSessions } from './sessions.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

const BAD_CREDENTIALS = () =>
  new HttpError(401, { code: 'bad_credentials', zh: '用户名或密码错误', en: 'Wrong user name or password' });

function lockedError(until: Date): HttpError {
  const local = until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new HttpError(423, {
    code: 'account_locked',
    rule: 'R-SYS-02',
    zh: `登录失败次数过多，账号已锁定至 ${local}`,
    en: `Too many failed logins: the account is locked until ${until.toISOString()}`,
  });
}

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
): Promise<{ me: Me; token: string; csrf: string }> {
  if (await hitRateLimit(db, `login:${meta.ip ?? 'unknown'}`, rate.max, rate.windowSeconds)) {
    throw new HttpError(429, {
      code: 'rate_limited',
      rule: 'R-SYS-02',
      zh: '登录尝试过于频繁，请稍后再试',
      en: 'Too many login attempts from this address; try again later',
    });
  }
  const findAccount = (sql: Sql, lock: boolean) => findLoginAccount(sql, username, lock);
  const found = await findAccount(db, false);
  // Hash work happens outside the transaction; unknown users cost the same time as known ones.
  let passwordOk = false;
  if (found) passwordOk = await verifyPassword(found.password_hash, password);
  else await verifyPassword(await dummyHash(), password);

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
    };
    if (!a) {
      await fail('unknown_user');
      return { error: BAD_CREDENTIALS() };
    }
    const state: LockState = { failedCount: a.failed_count, lockedUntil: a.locked_until };
    if (isLocked(state, now)) {
      await fail('locked');
      return { error: lockedError(a.locked_until!) };
    }
    if (a.disabled) {
      await fail('disabled');
      return {
        error: new HttpError(403, {
          code: 'account_disabled',
          zh: '账号已停用',
          en: 'The account is disabled',
        }),
      };
    }
    if (!passwordOk || a.id !== found?.id) {
      const next = afterFailedLogin(state, now, policy);
      await updateAccount(sql, a.id, { failed_count: next.failedCount, locked_until: next.lockedUntil });
      await fail('bad_password', { failedCount: next.failedCount, locked: next.lockedUntil !== null });
      return { error: next.lockedUntil ? lockedError(next.lockedUntil) : BAD_CREDENTIALS() };
    }
    await updateAccount(sql, a.id, { failed_count: 0, locked_until: null, last_login_at: now });
    const s = await createSession(sql, a.id, meta);
    await appendAudit(sql, actor, { action: 'auth.login.success', objectType: 'account', objectId: a.id });
    const me = await loadMe(sql, a.id);
    return { ok: { me: me!, ...s } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok!;
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
    const revoked = await revokeSessions(sql, me.id);
    const s = await createSession(sql, me.id, meta);
    await appendAudit(sql, actor, {
      action: 'auth.password.change',
      objectType: 'account',
      objectId: me.id,
      summary: { sessionsRevoked: revoked },
    });
    return { me: (await loadMe(sql, me.id))!, ...s };
  });
}
