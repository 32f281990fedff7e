// The training part's todos for the secrecy officer: classified persons short of class hours from the
// policy's reminder day (trainingStatus(...).todo, R-PER-04), each pending major-matter report
// (R-PER-05), and the yearly assessments due (assessmentsDue, R-PER-07). Titles name people only to the
// secrecy officer, who may read every record of his unit (access.ts).
import { MAJOR_MATTER_KIND_LABELS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { pendingMatters } from './training.queries.ts';
import { assessmentsDueIn, shortfallRows } from './training.service.ts';

const endOfDay = (d: string) => new Date(`${d}T23:59:59+08:00`);

export const trainingTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole || !p.roles.includes('secrecy_officer')) return [];
  const out: Todo[] = [];
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year]) {
    const short = (await shortfallRows(sql, { kind: 'all', orgId: p.orgId }, { year: y })).items.filter(
      (x) => x.todo,
    );
    if (short.length)
      out.push({
        id: `personnel_training:${p.orgId}:${y}`,
        kind: 'deadline',
        module: 'personnel',
        subjectType: 'personnel_training',
        subjectId: null,
        title: `保密教育培训：${short.length}名涉密人员${y}年度学时不足（共差${short.reduce((n, x) => n + x.shortfall, 0)}学时）`,
        link: `/personnel/training/shortfall?year=${y}`,
        dueAt: endOfDay(`${y}-12-31`),
        createdAt: new Date(`${y}-01-01T00:00:00+08:00`),
      });
  }
  for (const m of await pendingMatters(sql, p.orgId))
    out.push({
      id: `personnel_matter:${m.id}`,
      kind: 'deadline',
      module: 'personnel',
      subjectType: 'personnel_matter',
      subjectId: m.id,
      title: `重大事项报告待审核：${m.personName}（${MAJOR_MATTER_KIND_LABELS[m.kind].zh}）`,
      link: `/personnel/matters?status=pending&id=${m.id}`,
      dueAt: null,
      createdAt: m.reportedAt,
    });
  for (const d of await assessmentsDueIn(sql, p.orgId))
    out.push({
      id: `personnel_assessment:${p.orgId}:${d.year}`,
      kind: 'deadline',
      module: 'personnel',
      subjectType: 'personnel_assessment',
      subjectId: null,
      title: `年度保密考核：${d.n}名涉密人员${d.year}年度考核未完成${d.overdue ? '（已逾期）' : ''}`,
      link: `/personnel/assessments?year=${d.year}&state=due`,
      dueAt: endOfDay(d.dueOn),
      createdAt: new Date(`${d.year + 1}-01-01T00:00:00+08:00`),
    });
  return out;
};
