// What the visitors & materials part puts on the todo list, computed from its records (gone once
// done): visits waiting for their per-visit approval (the secrecy office), materials whose review is
// not yet released (the requester and the secrecy office), materials provided and not yet recovered
// after the activity ended (the requester and the secrecy office).
// Titles name a material only for whom its activity's read rule lets read it (activityRef).
import { materialNotRecovered } from '@baomi/domain';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { materialsInState } from './material.queries.ts';
import { reviewOf } from './material.refs.ts';
import { visitsAwaitingApproval } from './visitor.queries.ts';
import { activityOf } from './visitor.refs.ts';

const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);
const endOf = (d: string) => new Date(`${d}T23:59:59+08:00`);

export const visitorTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const caller: Caller = {
    accountId: me.id,
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position ?? '',
    clearance: p.clearance,
    roles: p.roles,
  };
  const officer = p.roles.includes('secrecy_officer');
  const today = todayInChina();
  const out: Todo[] = [];
  // The secrecy office's: visits waiting for their per-visit approval (the deciders also see the approval
  // itself in theirs; this one reminds the office before the visit day).
  for (const v of officer ? await visitsAwaitingApproval(sql, p.orgId, null) : []) {
    out.push({
      id: `foreign_visit_approval:${v.id}`,
      kind: 'deadline',
      module: 'foreign',
      subjectType: 'foreign_visit',
      subjectId: v.id,
      title: `境外人员参观保密要害部门部位待逐次审批：${v.visitOn}，${v.visitors}名境外人员（${v.organiserName}）`,
      link: `/foreign/visits/${v.id}`,
      dueAt: endOf(v.visitOn),
      createdAt: startOf(today),
    });
  }
  const mine = officer ? null : p.id;
  for (const m of await materialsInState(sql, p.orgId, ['draft', 'returned', 'rejected', 'provided'], mine)) {
    const a = await activityOf(sql, caller, m.activityId);
    if (!a) continue;
    if (m.status === 'provided') {
      if (!materialNotRecovered(m, a.endsOn, today)) continue;
      out.push({
        id: `foreign_material_recover:${m.id}`,
        kind: 'return',
        module: 'foreign',
        subjectType: 'foreign_material',
        subjectId: m.id,
        title: `对外提供资料待回收或销毁：${m.title}（活动已于${a.endsOn}结束）`,
        link: `/foreign/materials/${m.id}`,
        dueAt: m.recoverBy ? endOf(m.recoverBy) : null,
        createdAt: startOf(a.endsOn),
      });
      continue;
    }
    if (m.status !== 'draft') continue;
    const review = m.reviewId ? await reviewOf(sql, caller, m.reviewId) : null;
    if (review && (review.state === 'released' || review.state === 'released_with_changes')) continue;
    out.push({
      id: `foreign_material_review:${m.id}`,
      kind: 'notice',
      module: 'foreign',
      subjectType: 'foreign_material',
      subjectId: m.id,
      title: m.reviewId
        ? `对外提供资料等待保密审查结论：${m.title}`
        : `对外提供资料尚未送保密审查：${m.title}`,
      link: `/foreign/materials/${m.id}`,
      dueAt: startOf(a.startsOn),
      createdAt: m.createdAt,
    });
  }
  return out;
};
