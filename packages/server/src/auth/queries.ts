// The login path's reads and the rate counter. Raw SQL: the login row (account, person, roles) is read
// once, optionally locked, and the fixed-window counter is one upsert.
import type { Sql } from '../db/db.ts';
import type { Me } from './context.ts';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  admin_role: Me['adminRole'];
  disabled: boolean;
  failed_count: number;
  locked_until: Date | null;
  person_name: string | null;
  org_id: string | null;
  roles: string[];
}

/** The account signing in, by user name (case-insensitive); `lock` locks it for the attempt. */
export async function findLoginAccount(
  sql: Sql,
  username: string,
  lock: boolean,
): Promise<AccountRow | undefined> {
  const { rows } = await sql.query<AccountRow>(
    `SELECT a.id, a.username, a.display_name, a.password_hash, a.admin_role, a.disabled, a.failed_count,
            a.locked_until, p.name AS person_name, p.org_id,
            coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM person_role r WHERE r.person_id = p.id), '[]'::json) AS roles
       FROM account a LEFT JOIN person p ON p.account_id = a.id
      WHERE lower(a.username) = lower($1) ${lock ? 'FOR UPDATE OF a' : ''}`,
    [username],
  );
  return rows[0];
}

/** The user name of an account (the second sign-in step knows only the account id); undefined when none. */
export async function accountUsername(sql: Sql, accountId: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [
    accountId,
  ]);
  return rows[0]?.username;
}

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

/** The count of a rate counter's current window (0 when it has none). */
export async function rateCount(sql: Sql, key: string): Promise<number> {
  const { rows } = await sql.query<{ count: number }>('SELECT count FROM rate_counter WHERE key = $1', [key]);
  return rows[0]?.count ?? 0;
}
