// The dual-controlled password resets (password_reset, migration 0008). Raw SQL: row-locking
// conditional updates whose RETURNING decides which of two concurrent decisions wins.
import type { PasswordReset, ResetKind, ResetStatus } from '@baomi/api/accounts.ts';
import type { Sql } from '../db/db.ts';

/** A reset request as the API shows it (never its half). */
export type ResetRow = Omit<PasswordReset, 'requestedAt' | 'expiresAt' | 'decidedAt'> & {
  requestedAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
};

const SELECT = `
  SELECT r.id, r.account_id AS "accountId", a.username, a.display_name AS "displayName", r.kind, r.status,
         json_build_object('id', q.id, 'username', q.username, 'displayName', q.display_name) AS "requestedBy",
         r.requested_at AS "requestedAt", r.expires_at AS "expiresAt",
         CASE WHEN d.id IS NULL THEN NULL
              ELSE json_build_object('id', d.id, 'username', d.username, 'displayName', d.display_name) END
           AS "decidedBy",
         r.decided_at AS "decidedAt"
    FROM password_reset r
    JOIN account a ON a.id = r.account_id
    JOIN account q ON q.id = r.requested_by
    LEFT JOIN account d ON d.id = r.decided_by`;

export async function getReset(sql: Sql, id: string): Promise<ResetRow | null> {
  const { rows } = await sql.query<ResetRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Pending requests, or (all) also those of the last 30 days; newest first. */
export async function listResets(sql: Sql, pendingOnly: boolean): Promise<ResetRow[]> {
  const where = pendingOnly
    ? `r.status = 'pending'`
    : `(r.status = 'pending' OR r.requested_at > now() - interval '30 days')`;
  const { rows } = await sql.query<ResetRow>(
    `${SELECT} WHERE ${where} ORDER BY r.requested_at DESC LIMIT 500`,
  );
  return rows;
}

/** Locks the account row (one request at a time per account) and tells whether one is pending. */
export async function lockPending(sql: Sql, accountId: string): Promise<boolean> {
  await sql.query('SELECT id FROM account WHERE id = $1 FOR UPDATE', [accountId]);
  const { rows } = await sql.query(
    `SELECT 1 FROM password_reset WHERE account_id = $1 AND status = 'pending'`,
    [accountId],
  );
  return rows.length > 0;
}

export async function insertReset(
  sql: Sql,
  r: { accountId: string; requestedBy: string; firstHalf: string; hours: number; kind: ResetKind },
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO password_reset (account_id, requested_by, first_half, expires_at, kind)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5) RETURNING id`,
    [r.accountId, r.requestedBy, r.firstHalf, r.hours, r.kind],
  );
  return rows[0]!.id;
}

/** The half kept while pending (only the confirmation reads it, to hash both halves). */
export async function pendingHalf(sql: Sql, id: string): Promise<string | null> {
  const { rows } = await sql.query<{ first_half: string }>(
    `SELECT first_half FROM password_reset WHERE id = $1 AND status = 'pending' AND expires_at > now()`,
    [id],
  );
  return rows[0]?.first_half ?? null;
}

/**
 * Decides a pending, unexpired request: the first decision wins (the row lock makes a concurrent one
 * wait and then find it no longer pending). The kept half is emptied. Null when it was not pending.
 */
export async function decideReset(
  sql: Sql,
  id: string,
  status: Exclude<ResetStatus, 'pending' | 'expired'>,
  by: string,
): Promise<{ accountId: string; requestedBy: string } | null> {
  const { rows } = await sql.query<{ accountId: string; requestedBy: string }>(
    `UPDATE password_reset SET status = $2, first_half = NULL, decided_by = $3, decided_at = now()
      WHERE id = $1 AND status = 'pending' AND expires_at > now()
      RETURNING account_id AS "accountId", requested_by AS "requestedBy"`,
    [id, status, by],
  );
  return rows[0] ?? null;
}

/** Pending requests past their time become expired (their half emptied); returns them. */
export async function expirePending(
  sql: Sql,
): Promise<{ id: string; accountId: string; username: string }[]> {
  const { rows } = await sql.query<{ id: string; accountId: string; username: string }>(
    `UPDATE password_reset r SET status = 'expired', first_half = NULL, decided_at = now()
       FROM account a
      WHERE a.id = r.account_id AND r.status = 'pending' AND r.expires_at <= now()
      RETURNING r.id, r.account_id AS "accountId", a.username`,
  );
  return rows;
}

/** A confirmed reset the account's owner has not been told of yet (the latest). */
export interface ResetNoticeRow {
  id: string;
  kind: ResetKind;
  resetAt: Date;
  requestedBy: { username: string; displayName: string };
  confirmedBy: { username: string; displayName: string };
}

export async function unseenResetNotice(sql: Sql, accountId: string): Promise<ResetNoticeRow | null> {
  const { rows } = await sql.query<ResetNoticeRow>(
    `SELECT r.id, r.kind, r.decided_at AS "resetAt",
            json_build_object('username', q.username, 'displayName', q.display_name) AS "requestedBy",
            json_build_object('username', d.username, 'displayName', d.display_name) AS "confirmedBy"
       FROM password_reset r
       JOIN account q ON q.id = r.requested_by
       JOIN account d ON d.id = r.decided_by
      WHERE r.account_id = $1 AND r.status = 'confirmed' AND r.notice_seen_at IS NULL
      ORDER BY r.decided_at DESC LIMIT 1`,
    [accountId],
  );
  return rows[0] ?? null;
}

/** The owner has read every confirmed reset of his account (he has chosen his own password). */
export async function markResetNoticesSeen(sql: Sql, accountId: string): Promise<number> {
  const { rowCount } = await sql.query(
    `UPDATE password_reset SET notice_seen_at = now()
      WHERE account_id = $1 AND status = 'confirmed' AND notice_seen_at IS NULL`,
    [accountId],
  );
  return rowCount;
}

/** A todo for every security-secrecy administrator: this request waits for her decision. */
export async function todoForSecadmin(
  sql: Sql,
  r: { id: string; username: string; expiresAt: Date; kind: ResetKind },
): Promise<void> {
  await sql.query(
    `INSERT INTO todo (account_id, kind, module, subject_type, subject_id, title, link, due_at)
     SELECT s.id, 'approval', 'accounts', 'password_reset', $1::text, $2, '/password-resets', $3
       FROM account s WHERE s.admin_role = 'secadmin'`,
    [
      r.id,
      r.kind === 'initial'
        ? `系统管理员新建了账号 ${r.username}，其初始密码待您确认`
        : `系统管理员申请重置账号 ${r.username} 的密码，待您确认`,
      r.expiresAt,
    ],
  );
}

/** The request was decided or expired: its todo ends. */
export async function closeResetTodos(sql: Sql, resetId: string): Promise<void> {
  await sql.query(
    `UPDATE todo SET done_at = now()
      WHERE module = 'accounts' AND subject_type = 'password_reset' AND subject_id = $1 AND done_at IS NULL`,
    [resetId],
  );
}
