// R-INC-01: an unreported incident is a todo for the secrecy officers and the leaders of its
// organisation (who report it to the secrecy bureau and the superior within 24 hours), with the
// deadline in China time; it goes away once marked reported. Computed from the records (a todo
// provider), filtered by the read rule: nobody sees what an incident he may not read is about.
import { chinaTime } from '@baomi/domain';
import type { Caller } from '../http/policy.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { openIncidentRows } from './queries.ts';
import { incidentVisibility } from './service.ts';

export const incidentTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  if (!p.roles.includes('secrecy_officer') && !p.roles.includes('leader')) return [];
  const caller: Caller = {
    accountId: me.id,
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position,
    clearance: p.clearance,
    roles: p.roles,
  };
  const rows = await openIncidentRows(sql, p.orgId, incidentVisibility(caller));
  return rows.map((i) => ({
    id: `incident_report:${i.id}`,
    kind: 'deadline' as const,
    module: 'incidents',
    subjectType: 'incident',
    subjectId: i.id,
    title: `泄密事件须于${chinaTime(i.reportDeadline)}（北京时间）前报告保密行政管理部门和上级：${i.title}`,
    link: `/incidents/${i.id}`,
    dueAt: i.reportDeadline,
    createdAt: i.discoveredAt,
  }));
};
