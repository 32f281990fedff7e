// R-PER-01: a todo for the secrecy officer for each classified person whose vetting is due soon or past
// its re-vetting date (vettingStatus under the unit's policy); computed from the records, so it goes
// away when the new vetting is registered. The officer reads every record of his organisation
// (personnelReadVerdict), so the title may name the person.
import { effectiveClass, type PersonClass, vettingStatus } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { classifiedOf, vettingsOf } from './core.queries.ts';
import { vettingPolicyOf } from './core.service.ts';

export const vettingTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole || !p.roles.includes('secrecy_officer')) return [];
  const today = todayInChina();
  const people = await classifiedOf(sql, p.orgId);
  if (!people.length) return [];
  const [vettings, policy] = await Promise.all([
    vettingsOf(
      sql,
      people.map((x) => x.personId),
    ),
    vettingPolicyOf(sql, p.orgId),
  ]);
  const out: Todo[] = [];
  for (const x of people) {
    const cls = effectiveClass(x.classes.map((c: PersonClass) => ({ personClass: c })))!;
    const mine = vettings.filter((v) => v.personId === x.personId);
    const s = vettingStatus(mine, cls, x.clearance, today, policy);
    if (s.state !== 'due_soon' && s.state !== 'expired') continue;
    out.push({
      id: `personnel_vetting:${x.personId}:${s.validUntil}`,
      kind: 'deadline',
      module: 'personnel',
      subjectType: 'personnel',
      subjectId: x.personId,
      title:
        s.state === 'expired'
          ? `涉密资格审查已过复审期限：${x.name}（${s.validUntil}到期），请组织复审`
          : `涉密资格审查即将到期：${x.name}（${s.validUntil}到期），请组织复审`,
      link: `/personnel/${x.personId}`,
      dueAt: new Date(`${s.validUntil}T23:59:59+08:00`),
      createdAt: new Date(`${s.vetting?.vettedOn ?? today}T00:00:00+08:00`),
    });
  }
  return out;
};
