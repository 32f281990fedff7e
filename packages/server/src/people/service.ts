import {
  type BusinessRole,
  type Clearance,
  checkRoleSeparation,
  invalid,
  notFound,
  type Rank,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import { getDepartment, getOrg } from '../orgs/queries.ts';
import { getPerson, type Person } from './queries.ts';

const PERSON = { zh: '人员', en: 'Person' };

export interface PersonInput {
  orgId: string;
  departmentId: string | null;
  name: string;
  position: string;
  rank: Rank;
  nationality: string;
}

async function requirePerson(sql: Sql, id: string): Promise<Person> {
  const p = await getPerson(sql, id);
  if (!p) throw notFound(PERSON);
  return p;
}

/** The department must belong to the person's organisation. */
async function checkPlacement(sql: Sql, orgId: string, departmentId: string | null): Promise<void> {
  if (!(await getOrg(sql, orgId))) throw notFound({ zh: '组织机构', en: 'Organisation' }, 'orgId');
  if (departmentId) {
    const d = await getDepartment(sql, departmentId);
    if (!d) throw notFound({ zh: '部门', en: 'Department' }, 'departmentId');
    if (d.orgId !== orgId) {
      throw invalid({
        code: 'department_of_other_org',
        field: 'departmentId',
        zh: '所选部门不属于该单位',
        en: 'The department belongs to another organisation',
      });
    }
  }
}

export async function createPerson(sql: Sql, actor: Actor, input: PersonInput): Promise<Person> {
  await checkPlacement(sql, input.orgId, input.departmentId);
  const stored: PersonInput = {
    ...input,
    name: input.name.trim(),
    position: input.position.trim(),
    nationality: input.nationality.trim(),
  };
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO person (org_id, department_id, name, position, rank, nationality, name_sort)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      stored.orgId,
      stored.departmentId,
      stored.name,
      stored.position,
      stored.rank,
      stored.nationality,
      sortKey(stored.name, 'name'),
    ],
  );
  const id = rows[0]!.id;
  await appendAudit(sql, actor, {
    action: 'person.create',
    objectType: 'person',
    objectId: id,
    summary: { ...stored },
  });
  return (await getPerson(sql, id))!;
}

export async function updatePerson(
  sql: Sql,
  actor: Actor,
  id: string,
  patch: Partial<PersonInput>,
): Promise<Person> {
  const before = await requirePerson(sql, id);
  const next: PersonInput = {
    orgId: patch.orgId ?? before.orgId,
    departmentId:
      patch.departmentId !== undefined ? patch.departmentId : patch.orgId ? null : before.departmentId,
    name: (patch.name ?? before.name).trim(),
    position: (patch.position ?? before.position).trim(),
    rank: patch.rank ?? before.rank,
    nationality: (patch.nationality ?? before.nationality).trim(),
  };
  await checkPlacement(sql, next.orgId, next.departmentId);
  await sql.query(
    `UPDATE person SET org_id = $2, department_id = $3, name = $4, position = $5, rank = $6, nationality = $7,
            name_sort = $8, updated_at = now() WHERE id = $1`,
    [
      id,
      next.orgId,
      next.departmentId,
      next.name,
      next.position,
      next.rank,
      next.nationality,
      sortKey(next.name, 'name'),
    ],
  );
  const changed = Object.fromEntries(
    (Object.keys(next) as (keyof PersonInput)[])
      .filter((k) => before[k] !== next[k])
      .map((k) => [k, { from: before[k], to: next[k] }]),
  );
  await appendAudit(sql, actor, {
    action: 'person.update',
    objectType: 'person',
    objectId: id,
    summary: changed,
  });
  return (await getPerson(sql, id))!;
}

/** R-SYS-01: business roles are granted by the security-secrecy administrator, never to an administrator. */
export async function setRoles(sql: Sql, actor: Actor, id: string, roles: BusinessRole[]): Promise<Person> {
  const before = await requirePerson(sql, id);
  const { rows } = await sql.query<{ admin_role: string | null }>(
    'SELECT admin_role FROM account WHERE id = $1',
    [before.accountId],
  );
  const sep = checkRoleSeparation({
    adminRole: (rows[0]?.admin_role ?? null) as never,
    businessRoles: roles,
    linkedToPerson: true,
  });
  if (!sep.ok) throw invalid(sep.violations[0]!);
  const unique = [...new Set(roles)].sort();
  await sql.query('DELETE FROM person_role WHERE person_id = $1 AND NOT (role = ANY($2::text[]))', [
    id,
    unique,
  ]);
  await sql.query(
    `INSERT INTO person_role (person_id, role, granted_by)
     SELECT $1, r, $3 FROM unnest($2::text[]) AS r ON CONFLICT DO NOTHING`,
    [id, unique, actor.id],
  );
  await appendAudit(sql, actor, {
    action: 'person.roles.update',
    objectType: 'person',
    objectId: id,
    summary: { name: before.name, from: before.roles, to: unique },
  });
  return (await getPerson(sql, id))!;
}

export async function setClearance(
  sql: Sql,
  actor: Actor,
  id: string,
  clearance: Clearance,
): Promise<Person> {
  const before = await requirePerson(sql, id);
  await sql.query('UPDATE person SET clearance = $2, updated_at = now() WHERE id = $1', [id, clearance]);
  await appendAudit(sql, actor, {
    action: 'person.clearance.update',
    objectType: 'person',
    objectId: id,
    summary: { name: before.name, from: before.clearance, to: clearance },
  });
  return (await getPerson(sql, id))!;
}
