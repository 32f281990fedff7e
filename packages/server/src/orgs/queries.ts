import type { AdminLevel, OrgKind } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

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

const ORG_COLS = 'id, name, parent_id AS "parentId", level, kind, created_at AS "createdAt"';
const DEPT_COLS = 'id, org_id AS "orgId", name, parent_id AS "parentId"';

export const listOrgs = async (sql: Sql) =>
  (await sql.query<Org>(`SELECT ${ORG_COLS} FROM org ORDER BY name`)).rows;

export const getOrg = async (sql: Sql, id: string) =>
  (await sql.query<Org>(`SELECT ${ORG_COLS} FROM org WHERE id = $1`, [id])).rows[0] ?? null;

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

export const listDepartments = async (sql: Sql, orgId: string) =>
  (
    await sql.query<Department>(`SELECT ${DEPT_COLS} FROM department WHERE org_id = $1 ORDER BY name`, [
      orgId,
    ])
  ).rows;

export const getDepartment = async (sql: Sql, id: string) =>
  (await sql.query<Department>(`SELECT ${DEPT_COLS} FROM department WHERE id = $1`, [id])).rows[0] ?? null;

export async function countDependents(sql: Sql, orgId: string) {
  const { rows } = await sql.query<{ children: number; departments: number; people: number }>(
    `SELECT (SELECT count(*) FROM org WHERE parent_id = $1) AS children,
            (SELECT count(*) FROM department WHERE org_id = $1) AS departments,
            (SELECT count(*) FROM person WHERE org_id = $1) AS people`,
    [orgId],
  );
  return rows[0]!;
}
