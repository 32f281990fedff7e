import type { PersonInput, PersonPatch } from '@baomi/api/people.ts';
import { type BusinessRole, type Clearance, checkRoleSeparation, invalid, notFound } from '@baomi/domain';
import { getAccount } from '../accounts/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { enforceClearanceChange } from '../kit/clearance-change.ts';
import { enforcePostClosing } from '../kit/post-closing.ts';
import { getDepartment, getOrg } from '../orgs/queries.ts';
import {
  getPerson,
  insertPerson,
  type Person,
  replaceRoles,
  updateClearance,
  updatePersonRow,
} from './queries.ts';

const PERSON = { zh: '人员', en: 'Person' };

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
  const id = await insertPerson(sql, stored);
  await appendAudit(sql, actor, {
    action: 'person.create',
    objectType: 'person',
    objectId: id,
    summary: { ...stored },
  });
  return (await getPerson(sql, id))!;
}

export async function updatePerson(sql: Sql, actor: Actor, id: string, patch: PersonPatch): Promise<Person> {
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
  // R-CAR-08, R-PER-06: moving the person to another department or organisation closes his post; every
  // module's post-closing check (carriers in custody …) must allow it first (409 naming what remains).
  // (A first placement in a department closes nothing.)
  if (
    next.orgId !== before.orgId ||
    (before.departmentId !== null && next.departmentId !== before.departmentId)
  ) {
    await enforcePostClosing(sql, id);
  }
  await updatePersonRow(sql, id, next);
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
  const account = before.accountId ? await getAccount(sql, before.accountId) : null;
  const sep = checkRoleSeparation({
    adminRole: account?.adminRole ?? null,
    businessRoles: roles,
    linkedToPerson: true,
  });
  if (!sep.ok) throw invalid(sep.violations[0]!);
  const unique = [...new Set(roles)].sort();
  await replaceRoles(sql, id, unique, actor.id);
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
  // R-PER-01: never below what he keeps (carriers in his custody above the new clearance …): 409 first.
  if (clearance !== before.clearance) await enforceClearanceChange(sql, id, clearance);
  await updateClearance(sql, id, clearance);
  await appendAudit(sql, actor, {
    action: 'person.clearance.update',
    objectType: 'person',
    objectId: id,
    summary: { name: before.name, from: before.clearance, to: clearance },
  });
  return (await getPerson(sql, id))!;
}
