import type { DepartmentInput, OrgInput, OrgPatch } from '@baomi/api/orgs.ts';
import { conflict, notFound } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import {
  ancestorIds,
  countDependents,
  deleteDepartmentRow,
  deleteOrgRow,
  departmentDependents,
  getDepartment,
  getOrg,
  insertDepartment,
  insertOrg,
  lockOrgTree,
  type Org,
  renameDepartmentRow,
  updateOrgRow,
} from './queries.ts';

const ORG = { zh: '组织机构', en: 'Organisation' };
const DEPT = { zh: '部门', en: 'Department' };

async function requireOrg(sql: Sql, id: string, field?: string): Promise<Org> {
  const org = await getOrg(sql, id);
  if (!org) throw notFound(ORG, field);
  return org;
}

export async function createOrg(sql: Sql, actor: Actor, input: OrgInput): Promise<Org> {
  if (input.parentId) await requireOrg(sql, input.parentId, 'parentId');
  const id = await insertOrg(sql, { ...input, name: input.name.trim() });
  await appendAudit(sql, actor, {
    action: 'org.create',
    objectType: 'org',
    objectId: id,
    summary: { ...input, name: input.name.trim() },
  });
  return (await getOrg(sql, id))!;
}

export async function updateOrg(sql: Sql, actor: Actor, id: string, patch: OrgPatch): Promise<Org> {
  const before = await requireOrg(sql, id);
  if (patch.parentId) {
    // Moves are serialised (on every node): two simultaneous moves must not both pass the check below.
    await lockOrgTree(sql);
    await requireOrg(sql, patch.parentId, 'parentId');
    if ((await ancestorIds(sql, patch.parentId)).includes(id)) {
      throw conflict({
        code: 'org_cycle',
        field: 'parentId',
        zh: '上级单位不能是本单位或其下级单位',
        en: 'The parent cannot be the organisation itself or one of its descendants',
      });
    }
  }
  const next = { ...before, ...patch, name: (patch.name ?? before.name).trim() };
  await updateOrgRow(sql, id, next);
  const changed = Object.fromEntries(
    (Object.keys(patch) as (keyof OrgInput)[])
      .filter((k) => before[k] !== next[k])
      .map((k) => [k, { from: before[k], to: next[k] }]),
  );
  await appendAudit(sql, actor, { action: 'org.update', objectType: 'org', objectId: id, summary: changed });
  return (await getOrg(sql, id))!;
}

export async function deleteOrg(sql: Sql, actor: Actor, id: string): Promise<void> {
  const org = await requireOrg(sql, id);
  const d = await countDependents(sql, id);
  if (d.children + d.departments + d.people > 0) {
    throw conflict({
      code: 'org_not_empty',
      zh: `该单位仍有下级单位 ${d.children} 个、部门 ${d.departments} 个、人员 ${d.people} 人，不能删除`,
      en: `The organisation still has ${d.children} child organisations, ${d.departments} departments and ${d.people} people`,
    });
  }
  await deleteOrgRow(sql, id);
  await appendAudit(sql, actor, {
    action: 'org.delete',
    objectType: 'org',
    objectId: id,
    summary: { name: org.name },
  });
}

export async function createDepartment(sql: Sql, actor: Actor, orgId: string, input: DepartmentInput) {
  await requireOrg(sql, orgId);
  if (input.parentId) {
    const parent = await getDepartment(sql, input.parentId);
    if (!parent || parent.orgId !== orgId) throw notFound(DEPT, 'parentId');
  }
  const id = await insertDepartment(sql, {
    orgId,
    name: input.name.trim(),
    parentId: input.parentId ?? null,
  });
  await appendAudit(sql, actor, {
    action: 'department.create',
    objectType: 'department',
    objectId: id,
    summary: { orgId, name: input.name.trim(), parentId: input.parentId ?? null },
  });
  return (await getDepartment(sql, id))!;
}

export async function renameDepartment(sql: Sql, actor: Actor, id: string, name: string) {
  const before = await getDepartment(sql, id);
  if (!before) throw notFound(DEPT);
  await renameDepartmentRow(sql, id, name.trim());
  await appendAudit(sql, actor, {
    action: 'department.update',
    objectType: 'department',
    objectId: id,
    summary: { name: { from: before.name, to: name.trim() } },
  });
  return (await getDepartment(sql, id))!;
}

export async function deleteDepartment(sql: Sql, actor: Actor, id: string): Promise<void> {
  const before = await getDepartment(sql, id);
  if (!before) throw notFound(DEPT);
  const c = await departmentDependents(sql, id);
  if (c.people + c.children > 0) {
    throw conflict({
      code: 'department_not_empty',
      zh: `该部门仍有人员 ${c.people} 人、下级部门 ${c.children} 个，不能删除`,
      en: `The department still has ${c.people} people and ${c.children} sub-departments`,
    });
  }
  await deleteDepartmentRow(sql, id);
  await appendAudit(sql, actor, {
    action: 'department.delete',
    objectType: 'department',
    objectId: id,
    summary: { name: before.name, orgId: before.orgId },
  });
}
