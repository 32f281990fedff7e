// R-FOR-03, R-FOR-04, R-FOR-08: what the activities part puts on the todo list, computed from its records
// (gone once done): an activity starting within N working days whose participants lack a valid briefing
// (naming how many), and an activity not closed N days after its end. Only to whom the read rule lets
// read the activity and who keeps it (the secrecy office, the organising department's head, the
// registrar) — a title never reaches anyone else. The plan awaiting the leader's approval is the
// approvals mechanism's own todo (FOREIGN_PLAN_FLOW), not repeated here.
import {
  activityReadVerdict,
  activityWriteVerdict,
  addDays,
  addWorkingDays,
  type Reader,
} from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { loadWorkCalendar } from '../workdays/queries.ts';
import { activitiesInStates } from './activity.queries.ts';
import { detailOf } from './activity.service.ts';
import { foreignSettingsOf } from './activity.settings.ts';

const endOf = (d: string) => new Date(`${d}T23:59:59+08:00`);
const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);

export const activityTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const reader: Reader = {
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position,
    clearance: p.clearance,
    roles: p.roles,
  };
  const today = todayInChina();
  const settings = await foreignSettingsOf(sql, p.orgId);
  const cal = await loadWorkCalendar(sql, today, addDays(today, 120));
  const horizon = addWorkingDays(today, settings.startWarningDays, cal);
  const out: Todo[] = [];
  const open = await activitiesInStates(sql, p.orgId, [
    'draft',
    'plan_submitted',
    'plan_approved',
    'started',
    'ended',
  ]);
  for (const a of open) {
    const subject = { ...a, leadingGroupIds: a.leadingGroup.map((m) => m.personId) };
    if (!activityReadVerdict(reader, subject).allowed || !activityWriteVerdict(reader, subject).allowed)
      continue;
    if (
      ['draft', 'plan_submitted', 'plan_approved'].includes(a.state) &&
      a.startsOn >= today &&
      a.startsOn <= horizon
    ) {
      const d = await detailOf(sql, { ...reader, accountId: me.id, position: p.position }, a);
      const missing = d.participants.filter((x) => !x.briefed);
      if (missing.length)
        out.push({
          id: `foreign_activity_briefing:${a.id}`,
          kind: 'deadline',
          module: 'foreign',
          subjectType: 'foreign_activity',
          subjectId: a.id,
          title: `涉外活动“${a.title}”${a.startsOn}开始，${missing.length}名参加人员尚无有效的保密提醒：${missing
            .map((x) => x.name)
            .join('、')}`,
          link: `/foreign/activities/${a.id}`,
          dueAt: startOf(a.startsOn),
          createdAt: startOf(today),
        });
    }
    const closeBy = addDays(a.endedOn ?? a.endsOn, settings.closingDays);
    if ((a.state === 'ended' || (a.state === 'started' && a.endsOn < today)) && closeBy <= today)
      out.push({
        id: `foreign_activity_close:${a.id}`,
        kind: 'deadline',
        module: 'foreign',
        subjectType: 'foreign_activity',
        subjectId: a.id,
        title: `涉外活动“${a.title}”已于${a.endedOn ?? a.endsOn}结束，逾期未办结（文件资料收集、总结、保密员检查）`,
        link: `/foreign/activities/${a.id}`,
        dueAt: endOf(closeBy),
        createdAt: startOf(a.endedOn ?? a.endsOn),
      });
  }
  return out;
};
