// The one todo list: what waits on a person. Modules contribute through a provider (computed from
// their own state: approvals waiting, returned requests, deadlines) or by storing a notice; none
// keeps a list of its own.
import type { TodoKind } from '@baomi/api/todos.ts';
import type { Me } from '../auth/context.ts';
import type { Sql } from '../db/db.ts';
import { openNotices } from './queries.ts';

export type { TodoKind } from '@baomi/api/todos.ts';

export interface Todo {
  id: string;
  kind: TodoKind;
  module: string;
  subjectType: string | null;
  subjectId: string | null;
  title: string;
  link: string | null;
  dueAt: Date | null;
  createdAt: Date;
}

export type TodoProvider = (sql: Sql, me: Me) => Promise<Todo[]>;
let providers: readonly TodoProvider[] = [];

/** The modules' providers (module manifest `todoProviders`), installed at start. */
export function installTodoProviders(list: readonly TodoProvider[]): void {
  providers = [...list];
}

/** Stored notices (e.g. "the level of an item you know was changed"), until acknowledged. */
async function storedTodos(sql: Sql, me: Me): Promise<Todo[]> {
  return openNotices(sql, me.id);
}

export async function listOpenTodos(
  sql: Sql,
  me: Me,
): Promise<{ items: Todo[]; total: number; counts: Record<TodoKind, number> }> {
  // An administrator's list is what is stored for his own account (alerts, requests waiting for him);
  // the modules' providers compute business work and never run for him (R-SYS-01).
  const computed = me.adminRole ? [] : providers.map((p) => p(sql, me));
  const lists = await Promise.all([storedTodos(sql, me), ...computed]);
  const items = lists
    .flat()
    .sort(
      (a, b) =>
        (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  const counts: Record<TodoKind, number> = { approval: 0, return: 0, deadline: 0, notice: 0 };
  for (const t of items) counts[t.kind] += 1;
  return { items, total: items.length, counts };
}
