// Approvals contribute to the one todo list: every approval whose current step this person may
// decide, and every request of his that was returned to him.
import { flowOf } from '@baomi/domain';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { masked } from './clearance.ts';
import { approvalsWaitingOn, returnedTo } from './queries.ts';

export const approvalTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p) return [];
  const waiting = await approvalsWaitingOn(sql, p);
  const returned = await returnedTo(sql, p.id);
  return [
    ...waiting
      .map((row) => masked(p.clearance, row))
      .map((a) => ({
        id: `approval:${a.id}`,
        kind: 'approval' as const,
        module: 'approvals',
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        title: `${flowOf(a.flowType)?.label.zh ?? a.flowType}：${a.title}`,
        link: `/approvals/${a.id}`,
        dueAt: null,
        createdAt: a.createdAt,
      })),
    ...returned.map((a) => ({
      // (returned requests are the person's own: he drafted them)
      id: `return:${a.id}`,
      kind: 'return' as const,
      module: 'approvals',
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      title: `已退回 — ${flowOf(a.flowType)?.label.zh ?? a.flowType}：${a.title}`,
      link: `/approvals/${a.id}`,
      dueAt: null,
      createdAt: a.updatedAt,
    })),
  ];
};
