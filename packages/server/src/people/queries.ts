import type { BusinessRole, Clearance, Rank } from '@baomi/domain';
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, type Paging, parseSort, pinyinOrder, type SortField, searchIn } from '../db/list.ts';
import { sortKey } from '../db/sortkey.ts';

export interface Person {
  id: string;
  orgId: string;
  orgName: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  position: string;
  rank: Rank;
  nationality: string;
  clearance: Clearance;
  roles: BusinessRole[];
  accountId: string | null;
  username: string | null;
  createdAt: Date;
}

export interface PeopleFilter {
  orgId?: string;
  departmentId?: string;
  q?: string;
  role?: BusinessRole;
  clearance?: Clearance;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'department' | '-department';
}

const from = (sql: Sql) =>
  kdb(sql)
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .leftJoin('account as a', 'a.id', 'p.account_id');

type From = ReturnType<typeof from>;

const columns = (qb: From) =>
  qb
    .select([
      'p.id',
      'p.org_id as orgId',
      'o.name as orgName',
      'p.department_id as departmentId',
      'd.name as departmentName',
      'p.name',
      'p.position',
      'p.rank',
      'p.nationality',
      'p.clearance',
      k<
        BusinessRole[]
      >`coalesce((SELECT json_agg(r.role ORDER BY r.role) FROM person_role r WHERE r.person_id = p.id), '[]'::json)`.as(
        'roles',
      ),
      'p.account_id as accountId',
      'a.username',
      'p.created_at as createdAt',
    ])
    .$castTo<Person>();

// Names sort by pinyin (拼音); "department" orders by the department (people without one first), then name.
const SORTS: Record<string, SortField> = {
  name: { by: pinyinOrder('p.name_sort') },
  createdAt: { by: k`p.created_at` },
  department: { by: pinyinOrder('d.name_sort'), nulls: 'low' },
};

export async function listPeople(sql: Sql, f: PeopleFilter, page?: Paging) {
  return listPage(from(sql), columns, {
    where: (eb) => [
      f.orgId !== undefined && eb('p.org_id', '=', f.orgId),
      f.departmentId !== undefined && eb('p.department_id', '=', f.departmentId),
      f.clearance !== undefined && eb('p.clearance', '=', f.clearance),
      f.role !== undefined &&
        eb.exists(
          eb
            .selectFrom('person_role as r')
            .select('r.role')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.role', '=', f.role),
        ),
      searchIn(eb, ['p.name', 'p.position', 'a.username'], f.q),
    ],
    sorts: SORTS,
    sort: parseSort(f.sort, 'name'),
    tieBreak: [pinyinOrder('p.name_sort'), k`p.name`, k`p.id`],
    paging: page ?? null,
  });
}

export async function getPerson(sql: Sql, id: string): Promise<Person | null> {
  return (await columns(from(sql)).where('p.id', '=', id).executeTakeFirst()) ?? null;
}

export interface PersonWrite {
  orgId: string;
  departmentId: string | null;
  name: string;
  position: string;
  rank: Rank;
  nationality: string;
}

const personValues = (p: PersonWrite) => ({
  org_id: p.orgId,
  department_id: p.departmentId,
  name: p.name,
  position: p.position,
  rank: p.rank,
  nationality: p.nationality,
  name_sort: sortKey(p.name, 'name'),
});

export async function insertPerson(sql: Sql, p: PersonWrite): Promise<string> {
  const row = await kdb(sql)
    .insertInto('person')
    .values(personValues(p))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePersonRow(sql: Sql, id: string, p: PersonWrite): Promise<void> {
  await kdb(sql)
    .updateTable('person')
    .set({ ...personValues(p), updated_at: k`now()` })
    .where('id', '=', id)
    .execute();
}

/** The person's business roles become exactly `roles` (kept grants keep their granter). */
export async function replaceRoles(
  sql: Sql,
  id: string,
  roles: readonly BusinessRole[],
  grantedBy: string | null,
): Promise<void> {
  const db = kdb(sql);
  let del = db.deleteFrom('person_role').where('person_id', '=', id);
  if (roles.length > 0) del = del.where('role', 'not in', roles);
  await del.execute();
  if (roles.length === 0) return;
  await db
    .insertInto('person_role')
    .values(roles.map((role) => ({ person_id: id, role, granted_by: grantedBy })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateClearance(sql: Sql, id: string, clearance: Clearance): Promise<void> {
  await kdb(sql)
    .updateTable('person')
    .set({ clearance, updated_at: k`now()` })
    .where('id', '=', id)
    .execute();
}

/** The person's account link (accounts use it when linking a new account); null when no such person. */
export async function personAccount(
  sql: Sql,
  personId: string,
): Promise<{ accountId: string | null } | null> {
  return (
    (await kdb(sql)
      .selectFrom('person')
      .select('account_id as accountId')
      .where('id', '=', personId)
      .executeTakeFirst()) ?? null
  );
}

export async function linkAccount(sql: Sql, personId: string, accountId: string): Promise<void> {
  await kdb(sql).updateTable('person').set({ account_id: accountId }).where('id', '=', personId).execute();
}

/** The directory (通讯录): an organisation's people by department (none first), then name, in pinyin order. */
export async function directoryPeople(sql: Sql, orgId: string) {
  return kdb(sql)
    .selectFrom('person as p')
    .leftJoin('department as d', 'd.id', 'p.department_id')
    .select(['p.id', 'p.name', 'p.department_id as departmentId', 'd.name as departmentName', 'p.position'])
    .where('p.org_id', '=', orgId)
    .orderBy(k`${pinyinOrder('d.name_sort')} NULLS FIRST`)
    .orderBy(pinyinOrder('p.name_sort'))
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/** A person's name (null when there is no such person). */
export async function personName(sql: Sql, id: string): Promise<string | null> {
  const row = await kdb(sql).selectFrom('person').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/**
 * Grants one business role (kept if already held); true when it was new. The person_role trigger
 * tells every node to drop its session cache when this commits.
 */
export async function grantRole(
  sql: Sql,
  personId: string,
  role: BusinessRole,
  grantedBy: string | null,
): Promise<boolean> {
  const row = await kdb(sql)
    .insertInto('person_role')
    .values({ person_id: personId, role, granted_by: grantedBy })
    .onConflict((oc) => oc.columns(['person_id', 'role']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The names of the given people, in pinyin order. */
export async function personNames(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await kdb(sql)
    .selectFrom('person')
    .select('name')
    .where('id', 'in', ids)
    .orderBy(pinyinOrder('name_sort'))
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** How many of the ids are people of the organisation. */
export async function countPeopleOf(sql: Sql, orgId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await kdb(sql)
    .selectFrom('person')
    .select(k<number>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return row?.n ?? 0;
}
