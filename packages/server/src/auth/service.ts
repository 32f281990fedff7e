// Login, logout and password change (R-SYS-02), every attempt audited (R-SYS-03).
import { afterFailedLogin, checkPassword, invalid, isLocked, type SecurityPolicy } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import type { Me } from './context.ts';
import { alertSecadmin, clearFailures, failingSources, recordFailure, sourceLock } from './lockout.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, loadMe, revokeSessions } from './sessions.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  admin_role: Me['adminRole'];
  disabled: boolean;
  person_name: string | null;
  org_id: string | null;
  roles: string[];
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

/** Fixed-window counter in the database, so every node counts the same attempts. */
export async function hitRateLimit(
  sql: Sql,
  key: string,
  max: number,
  windowSeconds: number,
): Promise<boolean> {
  const { rows } = await sql.query<{ count: number }>(
    `INSERT INTO rate_counter (key, window_start, count) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN rate_counter.window_start < now() - make_interval(secs => $2) THEN 1 ELSE rate_counter.count + 1 END,
       window_start = CASE WHEN rate_counter.window_start < now() - make_interval(secs => $2) THEN now() ELSE rate_counter.window_start END
     RETURNING count`,
    [key, windowSeconds],
  );
  return (rows[0]?.count ?? 0) > max;
}

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
  const findAccount = (sql: Sql, lock: boolean) =>
    sql.query<AccountRow>(
      `SELECT a.id, a.username, a.display_name, a.password_hash, a.admin_role, a.disabled,
              p.name AS person_name, p.org_id,
              coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM person_role r WHERE r.person_id = p.id), '[]'::json) AS roles
         FROM account a LEFT JOIN person p ON p.account_id = a.id
        WHERE lower(a.username) = lower($1) ${lock ? 'FOR UPDATE OF a' : ''}`,
      [username],
    );
  const found = (await findAccount(db, false)).rows[0];
  // Hash work happens outside the transaction; unknown users cost the same time as known ones.
  let passwordOk = false;
  if (found) passwordOk = await verifyPassword(found.password_hash, password);
  else await verifyPassword(await dummyHash(), password);

  const source = (meta.ip ?? 'unknown').slice(0, 64);
  const outcome = await db.tx(async (sql) => {
    const policy = await getSecurityPolicy(sql);
    const a = (await findAccount(sql, true)).rows[0];
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
      const next = afterFailedLogin(state, now, policy);
      await recordFailure(sql, a.id, source, next, now);
      const sources = await failingSources(sql, a.id, now, policy.lockMinutes);
      if (sources >= ALERT_SOURCES) await alertSecadmin(sql, a, sources, policy.lockMinutes, now);
      return fail('bad_password', {
        failedCount: next.failedCount,
        locked: next.lockedUntil !== null,
        sources,
      });
    }
    await clearFailures(sql, a.id, source, now);
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
    await sql.query('DELETE FROM session WHERE id = $1', [sessionId]);
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
  const { rows } = await db.query<{ password_hash: string }>(
    'SELECT password_hash FROM account WHERE id = $1',
    [me.id],
  );
  if (!rows[0] || !(await verifyPassword(rows[0].password_hash, oldPassword))) {
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
    await sql.query(
      'UPDATE account SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE id = $1',
      [me.id, hash],
    );
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
