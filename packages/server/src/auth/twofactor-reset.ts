// R-SYS-01 dual control of a business user's second-factor reset (三员分立), the pattern of the
// password reset (accounts/reset.ts) with the roles the other way round: the security-secrecy
// administrator asks, the system administrator confirms, and only the confirmation revokes the
// factors (and the user's sessions). An administrator's own factors are reset only on the server
// (`baomi admin reset-2fa`), never from the console. The SQL is in twofactor-reset.queries.ts.
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { revokeSessions } from './sessions.ts';
import { revokeAllFactors } from './twofactor.ts';
import {
  closeFactorResetTodos,
  decideFactorResetRow,
  expireOverdueFactorReset,
  type FactorResetRow,
  getFactorReset,
  insertFactorReset,
  lockAccountByUsername,
  lockPendingFactorReset,
  todoForSysadmin,
} from './twofactor-reset.queries.ts';

export const RESET_DAYS = 3;

const notFound = () =>
  new HttpError(404, { code: 'not_found', zh: '未找到该重置申请', en: 'No such reset request' });

export async function requestFactorReset(db: Db, actor: Actor, username: string): Promise<FactorResetRow> {
  return db.tx(async (sql) => {
    const target = await lockAccountByUsername(sql, username);
    if (!target) throw new HttpError(404, { code: 'not_found', zh: '未找到该账号', en: 'No such account' });
    if (target.admin_role)
      throw new HttpError(409, {
        code: 'second_factor_reset_admin',
        rule: 'R-SYS-01',
        zh: '管理员的认证因素只能在服务器上用命令 baomi admin reset-2fa 重置',
        en: 'An administrator’s second factor is reset only on the server with baomi admin reset-2fa',
      });
    const accountId = target.id;
    await expireOverdueFactorReset(sql, accountId);
    const made = await insertFactorReset(sql, accountId, actor.id, RESET_DAYS);
    if (!made)
      throw new HttpError(409, {
        code: 'second_factor_reset_pending',
        zh: '该账号已有待确认的认证因素重置申请',
        en: 'This account already has a pending second-factor reset request',
      });
    await todoForSysadmin(sql, { id: made.id, username: target.username, expiresAt: made.expiresAt });
    await appendAudit(sql, actor, {
      action: 'auth.second_factor.reset_request',
      objectType: 'account',
      objectId: accountId,
      summary: { username: target.username },
    });
    return (await getFactorReset(sql, made.id))!;
  });
}

/** The system administrator confirms (revokes every factor, recovery code and session) or rejects. */
export async function decideFactorReset(
  db: Db,
  actor: Actor,
  id: string,
  decision: 'confirm' | 'reject',
): Promise<FactorResetRow> {
  return db.tx(async (sql) => {
    const r = await lockPendingFactorReset(sql, id);
    if (!r) throw notFound();
    if (r.requested_by === actor.id)
      throw new HttpError(403, {
        code: 'dual_control',
        rule: 'R-SYS-01',
        zh: '申请人不能确认自己的申请',
        en: 'The requester cannot confirm his own request',
      });
    await decideFactorResetRow(sql, id, decision === 'confirm' ? 'confirmed' : 'rejected', actor.id);
    await closeFactorResetTodos(sql, id);
    let summary: Record<string, unknown> = { username: r.username };
    if (decision === 'confirm') {
      const factors = await revokeAllFactors(sql, r.account_id, actor.id);
      const sessions = await revokeSessions(sql, r.account_id);
      summary = { ...summary, factorsRevoked: factors, sessionsRevoked: sessions };
    }
    await appendAudit(sql, actor, {
      action: decision === 'confirm' ? 'auth.second_factor.reset_confirm' : 'auth.second_factor.reset_reject',
      objectType: 'account',
      objectId: r.account_id,
      summary,
    });
    return (await getFactorReset(sql, id))!;
  });
}
