// R-CAR-09: each person answering for carriers of an open campaign has a todo until he has confirmed
// them all (computed from the frozen lists; the campaign's title only, never a carrier's).
import type { Todo, TodoProvider } from '../todos/service.ts';
import { pendingConfirmations } from './campaigns.queries.ts';

export const campaignTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole) return [];
  const rows = await pendingConfirmations(sql, p.orgId, p.id);
  return rows.map((g) => ({
    id: `carrier_campaign:${g.id}:${p.id}`,
    kind: 'deadline' as const,
    module: 'carriers',
    subjectType: 'carrier_campaign',
    subjectId: g.id,
    title: `清查清退：请确认您保管的${Number(g.n)}件涉密载体（${g.title}）`,
    link: `/carriers/campaigns/${g.id}`,
    dueAt: null,
    createdAt: g.openedAt,
  }));
};
