// R-PER-06a: what the exit part puts on the todo list, computed from its records (gone once done): a
// return report due or overdue (for the person, and for the secrecy office), a filed report to note
// (the secrecy office), a passport not back after its due day (the secrecy office). Titles name a
// person only to whom the read rule lets read his record (the officer: all of his unit; the person:
// himself). And the exit part's lines on the person's timeline.
import { EXIT_KIND_LABELS, PASSPORT_KIND_LABELS, PASSPORT_STEP_LABELS, returnReportDue } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import {
  briefingsOf,
  exitsOfPerson,
  passportStepsOfPerson,
  passportsOverdue,
  reportsDue,
  reportsToNote,
} from './exit.queries.ts';
import { exitPolicyOf } from './exit.service.ts';
import type { PersonTimelineEntry, PersonTimelineSource } from './part.ts';

const endOf = (d: string) => new Date(`${d}T23:59:59+08:00`);
const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);

export const exitTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const today = todayInChina();
  const officer = p.roles.includes('secrecy_officer');
  const policy = await exitPolicyOf(sql, p.orgId);
  const out: Todo[] = [];
  for (const e of await reportsDue(sql, p.orgId, officer ? null : p.id, today)) {
    const due = returnReportDue(e.returnOn, policy);
    const mine = e.personId === p.id;
    out.push({
      id: `personnel_exit_report:${e.id}:${mine ? 'person' : 'officer'}`,
      kind: 'deadline',
      module: 'personnel',
      subjectType: 'personnel_exit',
      subjectId: e.id,
      title: mine
        ? `请提交回国（境）报告：${e.destination}（${e.departOn}至${e.returnOn}），应于${due}前提交`
        : `回国（境）报告待提交：${e.personName}，${e.destination}（${e.returnOn}返回），应于${due}前提交`,
      link: `/personnel/exits/${e.id}`,
      dueAt: endOf(due),
      createdAt: startOf(e.returnOn),
    });
  }
  if (!officer) return out;
  for (const e of await reportsToNote(sql, p.orgId))
    out.push({
      id: `personnel_exit_note:${e.id}`,
      kind: 'notice',
      module: 'personnel',
      subjectType: 'personnel_exit',
      subjectId: e.id,
      title: `回国（境）报告待阅知：${e.personName}，${e.destination}`,
      link: `/personnel/exits/${e.id}`,
      dueAt: null,
      createdAt: startOf(e.reportedOn ?? today),
    });
  for (const x of await passportsOverdue(sql, p.orgId, today))
    out.push({
      id: `personnel_passport_overdue:${x.id}:${x.dueBack}`,
      kind: 'return',
      module: 'personnel',
      subjectType: 'personnel_passport',
      subjectId: x.id,
      title: `证照逾期未还：${x.personName}的${PASSPORT_KIND_LABELS[x.kind].zh}，应于${x.dueBack}归还`,
      link: '/personnel/passports?overdue=true',
      dueAt: endOf(x.dueBack ?? today),
      createdAt: startOf(x.lentOn ?? today),
    });
  return out;
};

export const exitTimeline: PersonTimelineSource = async (sql, personId) => {
  const out: PersonTimelineEntry[] = [];
  for (const e of await exitsOfPerson(sql, personId)) {
    const what = `${EXIT_KIND_LABELS[e.kind].zh}：${e.destination}（${e.departOn}至${e.returnOn}）`;
    const href = `/personnel/exits/${e.id}`;
    out.push({
      on: e.createdAt.toISOString(),
      kind: 'exit',
      zh: `申请${what}`,
      en: `Applied: ${e.destination}`,
      href,
    });
    if (e.approvedOn)
      out.push({ on: e.approvedOn, kind: 'exit', zh: `批准${what}`, en: `Approved: ${e.destination}`, href });
    if (e.reportedOn)
      out.push({
        on: e.reportedOn,
        kind: 'exit',
        zh: `提交回国（境）报告：${e.destination}`,
        en: 'Return report filed',
        href,
      });
  }
  for (const b of await briefingsOf(sql, personId))
    out.push({
      on: b.heldOn,
      kind: 'exit',
      zh: `出国（境）保密提醒（${b.givenByName}${b.signed ? '，本人已签字' : '，待本人签字'}）`,
      en: 'Secrecy briefing before travel',
    });
  for (const s of await passportStepsOfPerson(sql, personId))
    out.push({
      on: s.on,
      kind: 'exit',
      zh: `${PASSPORT_KIND_LABELS[s.passportKind].zh}${s.number}：${PASSPORT_STEP_LABELS[s.kind as keyof typeof PASSPORT_STEP_LABELS].zh}${s.dueBack ? `，应于${s.dueBack}归还` : ''}`,
      en: `Passport ${s.number}: ${PASSPORT_STEP_LABELS[s.kind as keyof typeof PASSPORT_STEP_LABELS].en}`,
      href: '/personnel/passports',
    });
  return out;
};
