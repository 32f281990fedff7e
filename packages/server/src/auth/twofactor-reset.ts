// R-SYS-01 dual control of a business user's second-factor reset (三员分立), the pattern of the
// password reset (accounts/reset.ts) with the roles the other way round: the security-secrecy
// administrator asks, the system administrator confirms, and only the confirmation revokes the
// factors (and the user's sessions). An administrator's own factors are reset only on the server
// (`baomi admin reset-2fa`), never from the console. Raw SQL: small, module-own tables.
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { HttpError } from '../http/errors.ts';
import { revokeSessions } from './sessions.ts';
import { revokeAllFactors } from './twofactor.ts';

export const RESET_DAYS = 3;

export interface FactorResetRow {
  id: string;
  accountId: string;
  username: string;
  displayName: string;
  requestedBy: { username: string; displayName: string };
  requestedAt: Date;
  expiresAt: Date;
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn' | 'expired';
}

const SELECT = `
  SELECT r.id, r.account_id AS "accountId", a.username, a.display_name AS "displayName",
         json_build_object('username', q.username, 'displayName', q.display_name) AS "requestedBy",
         r.requested_at AS "requestedAt", r.expires_at AS "expiresAt",
         CASE WHEN r.status = 'pending' AND r.expires_at <= now() THEN 'expired' ELSE r.status END AS status
    FROM second_factor_reset r JOIN account a ON a.id = r.account_id JOIN account q ON q.id = r.requested_by`;

export async function listFactorResets(sql: Sql): Promise<FactorResetRow[]> {
  const { rows } = await sql.query<FactorResetRow>(
    `${SELECT} WHERE r.requested_at > now() - interval '30 days' ORDER BY r.requested_at DESC LIMIT 200`,
  );
  return rows;
}

const notFound = () =>
  new HttpError(404, { code: 'not_found', zh: '未找到该重置申请', en: 'No such reset request' });

export async function requestFactorReset(db: Db, actor: Actor, username: string): Promise<FactorResetRow> {
  return db.tx(async (sql) => {
    const { rows } = await sql.query<{ id: string; username: string; admin_role: string | null }>(
      'SELECT id, username, admin_role FROM account WHERE lower(username) = lower($1) FOR UPDATE',
      [username],
    );
    const target = rows[0];
    if (!target) throw new HttpError(404, { code: 'not_found', zh: '未找到该账号', en: 'No such account' });
    if (target.admin_role)
      throw new HttpError(409, {
        code: 'second_factor_reset_admin',
        rule: 'R-SYS-01',
        zh: '管理员的认证因素只能在服务器上用命令 baomi admin reset-2fa 重置',
        en: 'An administrator’s second factor is reset only on the server with baomi admin reset-2fa',
      });
    const accountId = target.id;
    await sql.query(
      `UPDATE second_factor_reset SET status = 'expired', decided_at = expires_at
        WHERE account_id = $1 AND status = 'pending' AND expires_at <= now()`,
      [accountId],
    );
    const made = await sql.query<{ id: string; expires_at: Date }>(
      `INSERT INTO second_factor_reset (account_id, requested_by, expires_at)
       VALUES ($1, $2, now() + make_interval(days => $3))
       ON CONFLICT (account_id) WHERE status = 'pending' DO NOTHING RETURNING id, expires_at`,
      [accountId, actor.id, RESET_DAYS],
    );
    const id = made.rows[0]?.id;
    if (!id)
      throw new HttpError(409, {
        code: 'second_factor_reset_pending',
        zh: '该账号已有待确认的认证因素重置申请',
        en: 'This account already has a pending second-factor reset request',
      });
    await sql.query(
      `INSERT INTO todo (account_id, kind, module, subject_type, subject_id, title, link, due_at)
       SELECT s.id, 'approval', 'auth', 'second_factor_reset', $1::text, $2, '/second-factor-resets', $3
         FROM account s WHERE s.admin_role = 'sysadmin'`,
      [id, `安全保密管理员申请重置账号 ${target.username} 的双因素认证，待您确认`, made.rows[0]!.expires_at],
    );
    await appendAudit(sql, actor, {
      action: 'auth.second_factor.reset_request',
      objectType: 'account',
      objectId: accountId,
      summary: { username: target.username },
    });
    return (await sql.query<FactorResetRow>(`${SELECT} WHERE r.id = $1`, [id])).rows[0]!;
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
    const { rows } = await sql.query<{ account_id: string; requested_by: string; username: string }>(
      `SELECT r.account_id, r.requested_by, a.username FROM second_factor_reset r JOIN account a ON a.id = r.account_id
        WHERE r.id = $1 AND r.status = 'pending' AND r.expires_at > now() FOR UPDATE OF r`,
      [id],
    );
    const r = rows[0];
    if (!r) throw notFound();
    if (r.requested_by === actor.id)
      throw new HttpError(403, {
        code: 'dual_control',
        rule: 'R-SYS-01',
        zh: '申请人不能确认自己的申请',
        en: 'The requester cannot confirm his own request',
      });
    await sql.query(
      `UPDATE second_factor_reset SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [id, decision === 'confirm' ? 'confirmed' : 'rejected', actor.id],
    );
    await sql.query(
      `UPDATE todo SET done_at = now() WHERE module = 'auth' AND subject_type = 'second_factor_reset'
          AND subject_id = $1 AND done_at IS NULL`,
      [id],
    );
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
    return (await sql.query<FactorResetRow>(`${SELECT} WHERE r.id = $1`, [id])).rows[0]!;
  });
}
