import type { AdminRole } from '@baomi/domain';
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, type Paging, searchIn } from '../db/list.ts';

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
