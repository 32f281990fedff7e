import type { AdminRole } from '@baomi/domain';
import { sql as k, type Updateable } from 'kysely';
import { likePattern, type Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, type Paging, searchIn } from '../db/list.ts';
import type { DB } from '../db/schema.ts';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  adminRole: AdminRole | null;
  personId: string | null;
  personName: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const from = (sql: Sql) =>
  kdb(sql).selectFrom('account as a').leftJoin('person as p', 'p.account_id', 'a.id');

const columns = (qb: ReturnType<typeof from>) =>
  qb
    .select([
      'a.id',
      'a.username',
      'a.display_name as displayName',
      'a.admin_role as adminRole',
      'p.id as personId',
      'p.name as personName',
      'a.disabled',
      'a.locked_until as lockedUntil',
      'a.must_change_password as mustChangePassword',
      'a.last_login_at as lastLoginAt',
      'a.created_at as createdAt',
    ])
    .$castTo<Account>();

/** Administrators first, then by user name. */
export async function listAccounts(sql: Sql, q: string | undefined, page: Paging) {
  return listPage(from(sql), columns, {
    where: (eb) => [searchIn(eb, ['a.username', 'a.display_name', 'p.name'], q)],
    sorts: { adminRole: { by: k`a.admin_role`, nulls: 'last' } },
    sort: { field: 'adminRole', desc: false },
    tieBreak: [k`a.username`],
    paging: page,
  });
}

export async function getAccount(sql: Sql, id: string): Promise<Account | null> {
  return (await columns(from(sql)).where('a.id', '=', id).executeTakeFirst()) ?? null;
}

export async function usernameTaken(sql: Sql, username: string): Promise<boolean> {
  const row = await kdb(sql)
    .selectFrom('account')
    .select('id')
    .where(k<boolean>`lower(username) = lower(${username})`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAccount(
  sql: Sql,
  a: { username: string; displayName: string; passwordHash: string; adminRole?: AdminRole },
): Promise<string> {
  const row = await kdb(sql)
    .insertInto('account')
    .values({
      username: a.username,
      display_name: a.displayName,
      password_hash: a.passwordHash,
      ...(a.adminRole ? { admin_role: a.adminRole } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccount(sql: Sql, id: string, set: Updateable<DB['account']>): Promise<void> {
  await kdb(sql).updateTable('account').set(set).where('id', '=', id).execute();
}

export async function countAccounts(sql: Sql): Promise<number> {
  const row = await kdb(sql).selectFrom('account').select(k<number>`count(*)`.as('n')).executeTakeFirst();
  return row?.n ?? 0;
}

/** The stored password hash (null when there is no such account). */
export async function passwordHashOf(sql: Sql, id: string): Promise<string | null> {
  const row = await kdb(sql)
    .selectFrom('account')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

/** The account's own new password: no longer one-time, changed now. */
export async function setOwnPassword(sql: Sql, id: string, hash: string): Promise<void> {
  await kdb(sql)
    .updateTable('account')
    .set({ password_hash: hash, must_change_password: false, password_changed_at: k<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The accounts whose user name or display name contains `text` (the audit trail's 操作人 filter). */
export async function accountIdsMatching(sql: Sql, text: string): Promise<string[]> {
  const pattern = likePattern(text);
  const rows = await kdb(sql)
    .selectFrom('account')
    .select('id')
    .where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]))
    .limit(1000)
    .execute();
  return rows.map((r) => r.id);
}
