// R-SYS-02 lockout kept per account and source address (login_lock), and the alert to the
// security-secrecy administrator when one account fails from several addresses. Raw SQL: row locks
// and upserts on the lockout table, which is the auth module's own.
import type { LockState } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

/** The lock state of an account from one address (a zero state when it never failed from there). */
export async function sourceLock(sql: Sql, accountId: string, source: string): Promise<LockState> {
  const { rows } = await sql.query<{ failedCount: number; lockedUntil: Date | null }>(
    `SELECT failed_count AS "failedCount", locked_until AS "lockedUntil" FROM login_lock
      WHERE account_id = $1 AND source = $2 FOR UPDATE`,
    [accountId, source],
  );
  return rows[0] ?? { failedCount: 0, lockedUntil: null };
}

/** Stores one more failure from `source`; the account row keeps the latest lock for the account list. */
export async function recordFailure(
  sql: Sql,
  accountId: string,
  source: string,
  next: LockState,
  now: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO login_lock (account_id, source, failed_count, locked_until, last_failed_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id, source) DO UPDATE SET failed_count = EXCLUDED.failed_count,
       locked_until = EXCLUDED.locked_until, last_failed_at = EXCLUDED.last_failed_at`,
    [accountId, source, next.failedCount, next.lockedUntil, now],
  );
  await syncAccount(sql, accountId, now);
}

/** A successful sign-in from `source` forgives that address's failures. */
export async function clearFailures(sql: Sql, accountId: string, source: string, now: Date): Promise<void> {
  await sql.query('DELETE FROM login_lock WHERE account_id = $1 AND source = $2', [accountId, source]);
  await syncAccount(sql, accountId, now);
  await sql.query('UPDATE account SET last_login_at = $2 WHERE id = $1', [accountId, now]);
}

/** account.failed_count / locked_until: the most failures and the latest running lock of any address. */
async function syncAccount(sql: Sql, accountId: string, now: Date): Promise<void> {
  await sql.query(
    `UPDATE account SET
       failed_count = coalesce((SELECT max(failed_count) FROM login_lock
                                 WHERE account_id = $1 AND (locked_until IS NULL OR locked_until > $2)), 0),
       locked_until = (SELECT max(locked_until) FROM login_lock WHERE account_id = $1 AND locked_until > $2)
     WHERE id = $1`,
    [accountId, now],
  );
}

/** How many addresses this account failed from within the last `minutes`. */
export async function failingSources(
  sql: Sql,
  accountId: string,
  now: Date,
  minutes: number,
): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_lock
      WHERE account_id = $1 AND failed_count > 0 AND last_failed_at > $2::timestamptz - make_interval(mins => $3)`,
    [accountId, now, minutes],
  );
  return rows[0]!.n;
}

/**
 * A todo for every security-secrecy administrator: this account collects failed sign-ins from several
 * addresses (a distributed guess, or someone trying to lock its owner out). Once per account while the
 * previous alert is open.
 */
export async function alertSecadmin(
  sql: Sql,
  account: { id: string; username: string },
  sources: number,
  minutes: number,
  now: Date,
): Promise<void> {
  await sql.query(
    `INSERT INTO todo (account_id, kind, module, subject_type, subject_id, title, link, created_at)
     SELECT s.id, 'notice', 'auth', 'account', $1::text, $2, $3, $4 FROM account s
      WHERE s.admin_role = 'secadmin'
        AND NOT EXISTS (SELECT 1 FROM todo t WHERE t.account_id = s.id AND t.module = 'auth'
                          AND t.subject_id = $1::text AND t.done_at IS NULL)`,
    [
      account.id,
      `账号 ${account.username} 在 ${minutes} 分钟内从 ${sources} 个地址登录失败，请核查审计记录`,
      `/audit?action=auth.login.failure&q=${encodeURIComponent(account.username)}`,
      now,
    ],
  );
}
