// The one todo list: what waits on a person. Modules will add and close items here (the first,
// designation, brings the writers); none keeps its own list.
import type { Sql } from '../db/db.ts';

export type TodoKind = 'approval' | 'return' | 'deadline' | 'notice';

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

export async function listOpenTodos(sql: Sql, accountId: string): Promise<{ items: Todo[]; total: number }> {
  const { rows } = await sql.query<Todo>(
    `SELECT id, kind, module, subject_type AS "subjectType", subject_id AS "subjectId", title, link,
            due_at AS "dueAt", created_at AS "createdAt"
       FROM todo WHERE account_id = $1 AND done_at IS NULL
      ORDER BY due_at NULLS LAST, created_at`,
    [accountId],
  );
  return { items: rows, total: rows.length };
}
