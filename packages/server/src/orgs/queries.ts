import type { AdminLevel, OrgKind } from '@baomi/domain';
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { pinyinOrder } from '../db/list.ts';
import { sortKey } from '../db/sortkey.ts';

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
  level: AdminLevel;
  kind: OrgKind;
  createdAt: Date;
}

export interface Department {
  id: string;
  orgId: string;
  name: string;
  parentId: string | null;
}

const ORG_TREE_LOCK = 7_202_612; // arbitrary constant shared by every node

const orgs = (sql: Sql) =>
  kdb(sql)
    .selectFrom('org')
    .select(['id', 'name', 'parent_id as parentId', 'level', 'kind', 'created_at as createdAt'])
    .$castTo<Org>();

const departments = (sql: Sql) =>
  kdb(sql)
    .selectFrom('department')
    .select(['id', 'org_id as orgId', 'name', 'parent_id as parentId'])
    .$castTo<Department>();

/** Every organisation, by the pinyin of its name. */
export const listOrgs = (sql: Sql) =>
  orgs(sql).orderBy(pinyinOrder('name_sort')).orderBy('name').orderBy('id').execute();

/** The named organisations, by the pinyin of their names. */
export const orgsByIds = async (sql: Sql, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : kdb(sql)
        .selectFrom('org')
        .select(['id', 'name', 'level', 'kind', 'parent_id as parentId'])
        .$narrowType<{ level: AdminLevel; kind: OrgKind }>() // the CHECK constraints of org
        .where('id', 'in', ids)
        .orderBy(pinyinOrder('name_sort'))
        .orderBy('name')
        .orderBy('id')
        .execute();

export const getOrg = async (sql: Sql, id: string) =>
  (await orgs(sql).where('id', '=', id).executeTakeFirst()) ?? null;

/** Moves in the organisation tree are serialised on every node (raw SQL: an advisory lock). */
export async function lockOrgTree(sql: Sql): Promise<void> {
  await sql.query('SELECT pg_advisory_xact_lock($1)', [ORG_TREE_LOCK]);
}

export async function insertOrg(
  sql: Sql,
  o: { name: string; parentId: string | null; level: AdminLevel; kind: OrgKind },
): Promise<string> {
  const row = await kdb(sql)
    .insertInto('org')
    .values({ name: o.name, parent_id: o.parentId, level: o.level, kind: o.kind, name_sort: sortKey(o.name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrgRow(
  sql: Sql,
  id: string,
  o: { name: string; parentId: string | null; level: AdminLevel; kind: OrgKind },
): Promise<void> {
  await kdb(sql)
    .updateTable('org')
    .set({
      name: o.name,
      parent_id: o.parentId,
      level: o.level,
      kind: o.kind,
      name_sort: sortKey(o.name),
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteOrgRow(sql: Sql, id: string): Promise<void> {
  await kdb(sql).deleteFrom('org').where('id', '=', id).execute();
}

/**
 * Ids of an organisation and all its ancestors, however deep (the cycle guard: a depth cap would let
 * a long enough chain be closed into a loop). UNION drops repeated rows, so even a loop ends.
 */
export async function ancestorIds(sql: Sql, id: string): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM org WHERE id = $1
       UNION SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent_id)
     SELECT id FROM up`,
    [id],
  );
  return rows.map((r) => r.id);
}

/** Ids of an organisation and every organisation below it, however deep (the bureau sees these). */
export async function subtreeIds(sql: Sql, id: string): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `WITH RECURSIVE down(id) AS (
       SELECT id FROM org WHERE id = $1
       UNION SELECT o.id FROM org o JOIN down ON o.parent_id = down.id)
     SELECT id FROM down`,
    [id],
  );
  return rows.map((r) => r.id);
}

/** An organisation's departments, by the pinyin of their names. */
export const listDepartments = (sql: Sql, orgId: string) =>
  departments(sql)
    .where('org_id', '=', orgId)
    .orderBy(pinyinOrder('name_sort'))
    .orderBy('name')
    .orderBy('id')
    .execute();

export const getDepartment = async (sql: Sql, id: string) =>
  (await departments(sql).where('id', '=', id).executeTakeFirst()) ?? null;

export async function insertDepartment(
  sql: Sql,
  d: { orgId: string; name: string; parentId: string | null },
): Promise<string> {
  const row = await kdb(sql)
    .insertInto('department')
    .values({ org_id: d.orgId, name: d.name, parent_id: d.parentId, name_sort: sortKey(d.name) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function renameDepartmentRow(sql: Sql, id: string, name: string): Promise<void> {
  await kdb(sql)
    .updateTable('department')
    .set({ name, name_sort: sortKey(name) })
    .where('id', '=', id)
    .execute();
}

export async function deleteDepartmentRow(sql: Sql, id: string): Promise<void> {
  await kdb(sql).deleteFrom('department').where('id', '=', id).execute();
}

export async function countDependents(sql: Sql, orgId: string) {
  const db = kdb(sql);
  const n = k<number>`count(*)`;
  return db
    .selectNoFrom([
      db.selectFrom('org').select(n.as('n')).where('parent_id', '=', orgId).$asScalar().as('children'),
      db.selectFrom('department').select(n.as('n')).where('org_id', '=', orgId).$asScalar().as('departments'),
      db.selectFrom('person').select(n.as('n')).where('org_id', '=', orgId).$asScalar().as('people'),
    ])
    .executeTakeFirstOrThrow();
}

export async function departmentDependents(sql: Sql, id: string) {
  const db = kdb(sql);
  const n = k<number>`count(*)`;
  return db
    .selectNoFrom([
      db.selectFrom('person').select(n.as('n')).where('department_id', '=', id).$asScalar().as('people'),
      db.selectFrom('department').select(n.as('n')).where('parent_id', '=', id).$asScalar().as('children'),
    ])
    .executeTakeFirstOrThrow();
}

/** The names of the given departments, in pinyin order. */
export async function departmentNames(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await kdb(sql)
    .selectFrom('department')
    .select('name')
    .where('id', 'in', ids)
    .orderBy(pinyinOrder('name_sort'))
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** The department of an organisation that carries a function (e.g. the secrecy office), if set. */
export async function departmentWithFunction(sql: Sql, orgId: string, fn: string): Promise<string | null> {
  const row = await kdb(sql)
    .selectFrom('department')
    .select('id')
    .where('org_id', '=', orgId)
    .where('function', '=', fn)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Which of the organisations are secrecy bureaus. */
export async function bureausAmong(sql: Sql, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await kdb(sql)
    .selectFrom('org')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'secrecy_bureau')
    .execute();
  return rows.map((r) => r.id);
}

/** How many of the ids are departments of the organisation. */
export async function countDepartmentsOf(sql: Sql, orgId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await kdb(sql)
    .selectFrom('department')
    .select(k<number>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Whether any organisation at the top of a tree is a secrecy bureau (the work calendar's keeper). */
export async function hasRootSecrecyBureau(sql: Sql): Promise<boolean> {
  const row = await kdb(sql)
    .selectFrom('org')
    .select('id')
    .where('parent_id', 'is', null)
    .where('kind', '=', 'secrecy_bureau')
    .executeTakeFirst();
  return row !== undefined;
}
