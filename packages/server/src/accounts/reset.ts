// R-SYS-01 dual control of a business account's password reset (三员分立, docs/decisions.md): the
// system administrator requests it and is shown the first half of the one-time password; the
// security-secrecy administrator confirms it and is shown the second half; only the confirmation
// changes the password (the argon2 hash of both halves), so neither administrator alone can sign in
// as the user. A request waits at most RESET_HOURS; the requester may withdraw it, the confirmer
// reject it. Every step is audited (account.password.reset_*).
import type { ResetKind } from '@baomi/api/accounts.ts';
import { checkPassword, conflict, forbidden, notFound } from '@baomi/domain';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit/chain.ts';
import { hashPassword, oneTimePassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import type { Db, Sql } from '../db/db.ts';
import { getSecurityPolicy } from '../settings/service.ts';
import { getAccount, updateAccount } from './queries.ts';
import {
  closeResetTodos,
  decideReset,
  expirePending,
  getReset,
  insertReset,
  listResets,
  lockPending,
  pendingHalf,
  type ResetRow,
  todoForSecadmin,
} from './reset.queries.ts';
import { refuseAdminReset } from './service.ts';

/** How long a request waits for the security-secrecy administrator. */
export const RESET_HOURS = 24;

const RESET = { zh: '密码重置申请', en: 'Password reset request' };

/** Half lengths: together at least 16 and at least the policy's minimum; each half has every kind. */
function halfLengths(minLength: number): [number, number] {
  const total = Math.max(16, minLength);
  const first = Math.ceil(total / 2);
  return [first, total - first];
}

/** Requests past their time expire (audited by the system), before anything reads or decides them. */
export async function expireResets(db: Db): Promise<void> {
  await db.tx(async (sql) => {
    for (const r of await expirePending(sql)) {
      await closeResetTodos(sql, r.id);
      await appendAudit(sql, SYSTEM_ACTOR, {
        action: 'account.password.reset_expire',
        objectType: 'account',
        objectId: r.accountId,
        summary: { username: r.username, resetId: r.id },
      });
    }
  });
}

export async function listPasswordResets(db: Db, pendingOnly: boolean): Promise<ResetRow[]> {
  await expireResets(db);
  return listResets(db, pendingOnly);
}

const notPending = () =>
  conflict({
    code: 'reset_not_pending',
    rule: 'R-SYS-01',
    zh: '该密码重置申请已处理、已撤回或已过期',
    en: 'This password reset request was already decided, withdrawn or has expired',
  });

/**
 * The system administrator asks to reset a business account's password. Nothing changes on the
 * account; the first half is returned once and kept only until the request is decided.
 */
export async function requestReset(
  db: Db,
  actor: Actor,
  accountId: string,
): Promise<{ reset: ResetRow; firstHalf: string }> {
  await expireResets(db);
  const target = await getAccount(db, accountId);
  if (!target) throw notFound({ zh: '账号', en: 'Account' });
  refuseAdminReset(target);
  const r = await db.tx(async (sql) => {
    if (await lockPending(sql, accountId)) {
      throw conflict({
        code: 'reset_pending',
        rule: 'R-SYS-01',
        zh: '该账号已有待安全保密管理员确认的密码重置申请',
        en: 'A password reset of this account is already waiting for the security administrator',
      });
    }
    return openRequest(sql, actor, target, 'reset');
  });
  return { reset: (await getReset(db, r.id))!, firstHalf: r.firstHalf };
}

/**
 * Opens a request in the caller's transaction: the first half is made, kept until the decision, and
 * returned once; the security-secrecy administrators get a todo; the request is audited.
 */
export async function openRequest(
  sql: Sql,
  actor: Actor,
  target: { id: string; username: string },
  kind: ResetKind,
): Promise<{ id: string; firstHalf: string }> {
  const policy = await getSecurityPolicy(sql);
  const firstHalf = oneTimePassword(halfLengths(policy.minLength)[0]);
  const id = await insertReset(sql, {
    accountId: target.id,
    requestedBy: actor.id!,
    firstHalf,
    hours: RESET_HOURS,
    kind,
  });
  await appendAudit(sql, actor, {
    action: 'account.password.reset_request',
    objectType: 'account',
    objectId: target.id,
    summary: { username: target.username, resetId: id, kind, expiresInHours: RESET_HOURS },
  });
  const made = (await getReset(sql, id))!;
  await todoForSecadmin(sql, { id, username: target.username, expiresAt: made.expiresAt, kind });
  return { id, firstHalf };
}

async function requireReset(sql: Sql, id: string): Promise<ResetRow> {
  const r = await getReset(sql, id);
  if (!r) throw notFound(RESET);
  return r;
}

/**
 * The security-secrecy administrator confirms: the second half is made now, the account's password
 * becomes the hash of both halves (one-time: changed at the next sign-in), its sessions and locks end.
 * Of two confirmations at once only one wins; the other gets 409.
 */
export async function confirmReset(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ reset: ResetRow; secondHalf: string }> {
  await expireResets(db);
  const r = await requireReset(db, id);
  if (r.requestedBy.id === actor.id) {
    throw forbidden({
      code: 'cannot_confirm_own',
      rule: 'R-SYS-01',
      zh: '不能确认自己提出的密码重置申请',
      en: 'You cannot confirm your own password reset request',
    });
  }
  const firstHalf = await pendingHalf(db, id);
  if (firstHalf === null) throw notPending();
  const policy = await getSecurityPolicy(db);
  let secondHalf = '';
  for (let i = 0; !secondHalf; i++) {
    if (i === 1000) throw new Error('no second half satisfies the security policy');
    const candidate = oneTimePassword(halfLengths(policy.minLength)[1]);
    if (checkPassword(firstHalf + candidate, r.username, policy).ok) secondHalf = candidate;
  }
  const hash = await hashPassword(firstHalf + secondHalf);
  await db.tx(async (sql) => {
    const won = await decideReset(sql, id, 'confirmed', actor.id!);
    if (!won) throw notPending();
    await closeResetTodos(sql, id);
    await updateAccount(sql, won.accountId, {
      password_hash: hash,
      must_change_password: true,
      failed_count: 0,
      locked_until: null,
    });
    const revoked = await revokeSessions(sql, won.accountId);
    await appendAudit(sql, actor, {
      action: 'account.password.reset_confirm',
      objectType: 'account',
      objectId: won.accountId,
      summary: {
        username: r.username,
        resetId: id,
        kind: r.kind,
        requestedBy: r.requestedBy.username,
        sessionsRevoked: revoked,
      },
    });
  });
  return { reset: (await getReset(db, id))!, secondHalf };
}

/** The security-secrecy administrator rejects (or the requester withdraws): the password stays. */
export async function closeReset(
  db: Db,
  actor: Actor,
  id: string,
  how: 'rejected' | 'withdrawn',
): Promise<ResetRow> {
  await expireResets(db);
  const r = await requireReset(db, id);
  await db.tx(async (sql) => {
    const won = await decideReset(sql, id, how, actor.id!);
    if (!won) throw notPending();
    await closeResetTodos(sql, id);
    await appendAudit(sql, actor, {
      action: how === 'rejected' ? 'account.password.reset_reject' : 'account.password.reset_withdraw',
      objectType: 'account',
      objectId: won.accountId,
      summary: { username: r.username, resetId: id, kind: r.kind, requestedBy: r.requestedBy.username },
    });
  });
  return (await getReset(db, id))!;
}
