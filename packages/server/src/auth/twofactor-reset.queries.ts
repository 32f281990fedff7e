// The dual-controlled second-factor resets (second_factor_reset). Raw SQL: small, module-own tables,
// row locks, and a conditional insert whose RETURNING tells whether a request is already pending.
import type { Sql } from '../db/db.ts';

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

/** The requests of the last 30 days, newest first. */
export async function listFactorResets(sql: Sql): Promise<FactorResetRow[]> {
  const { rows } = await sql.query<FactorResetRow>(
    `${SELECT} WHERE r.requested_at > now() - interval '30 days' ORDER BY r.requested_at DESC LIMIT 200`,
  );
  return rows;
}

export async function getFactorReset(sql: Sql, id: string): Promise<FactorResetRow | null> {
  const { rows } = await sql.query<FactorResetRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The account of this user name (case-insensitive), locked; null when there is none. */
export async function lockAccountByUsername(
  sql: Sql,
  username: string,
): Promise<{ id: string; username: string; admin_role: string | null } | null> {
  const { rows } = await sql.query<{ id: string; username: string; admin_role: string | null }>(
    'SELECT id, username, admin_role FROM account WHERE lower(username) = lower($1) FOR UPDATE',
    [username],
  );
  return rows[0] ?? null;
}

/** The account's pending request past its time becomes expired (so a new one may be made). */
export async function expireOverdueFactorReset(sql: Sql, accountId: string): Promise<void> {
  await sql.query(
    `UPDATE second_factor_reset SET status = 'expired', decided_at = expires_at
      WHERE account_id = $1 AND status = 'pending' AND expires_at <= now()`,
    [accountId],
  );
}

/** A new pending request; null when the account already has one. */
export async function insertFactorReset(
  sql: Sql,
  accountId: string,
  requestedBy: string | null,
  days: number,
): Promise<{ id: string; expiresAt: Date } | null> {
  const { rows } = await sql.query<{ id: string; expiresAt: Date }>(
    `INSERT INTO second_factor_reset (account_id, requested_by, expires_at)
     VALUES ($1, $2, now() + make_interval(days => $3))
     ON CONFLICT (account_id) WHERE status = 'pending' DO NOTHING RETURNING id, expires_at AS "expiresAt"`,
    [accountId, requestedBy, days],
  );
  return rows[0] ?? null;
}

/** A todo for every system administrator: this request waits for his confirmation. */
export async function todoForSysadmin(
  sql: Sql,
  r: { id: string; username: string; expiresAt: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO todo (account_id, kind, module, subject_type, subject_id, title, link, due_at)
     SELECT s.id, 'approval', 'auth', 'second_factor_reset', $1::text, $2, '/second-factor-resets', $3
       FROM account s WHERE s.admin_role = 'sysadmin'`,
    [r.id, `安全保密管理员申请重置账号 ${r.username} 的双因素认证，待您确认`, r.expiresAt],
  );
}

/** The pending, unexpired request `id`, locked; null when it is not pending. */
export async function lockPendingFactorReset(
  sql: Sql,
  id: string,
): Promise<{ account_id: string; requested_by: string; username: string } | null> {
  const { rows } = await sql.query<{ account_id: string; requested_by: string; username: string }>(
    `SELECT r.account_id, r.requested_by, a.username FROM second_factor_reset r JOIN account a ON a.id = r.account_id
      WHERE r.id = $1 AND r.status = 'pending' AND r.expires_at > now() FOR UPDATE OF r`,
    [id],
  );
  return rows[0] ?? null;
}

export async function decideFactorResetRow(
  sql: Sql,
  id: string,
  status: 'confirmed' | 'rejected',
  by: string | null,
): Promise<void> {
  await sql.query(
    `UPDATE second_factor_reset SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
    [id, status, by],
  );
}

/** The request was decided: its todo ends. */
export async function closeFactorResetTodos(sql: Sql, id: string): Promise<void> {
  await sql.query(
    `UPDATE todo SET done_at = now() WHERE module = 'auth' AND subject_type = 'second_factor_reset'
        AND subject_id = $1 AND done_at IS NULL`,
    [id],
  );
}
