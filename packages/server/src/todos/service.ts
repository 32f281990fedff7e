// The one todo list: what waits on a person. Modules add and close items here; none keeps its own.
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

export async function addTodo(
  sql: Sql,
  t: Omit<Todo, 'id' | 'createdAt' | 'subjectType' | 'subjectId' | 'link' | 'dueAt'> &
    Partial<Pick<Todo, 'subjectType' | 'subjectId' | 'link' | 'dueAt'>> & { accountId: string },
): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO todo (account_id, kind, module, subject_type, subject_id, title, link, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      t.accountId,
      t.kind,
      t.module,
      t.subjectType ?? null,
      t.subjectId ?? null,
      t.title,
      t.link ?? null,
      t.dueAt ?? null,
    ],
  );
  return rows[0]!.id;
}

/** Closes every open todo about a subject (e.g. when the approval it asked for is decided). */
export async function closeTodos(sql: Sql, subjectType: string, subjectId: string): Promise<number> {
  return (
    await sql.query(
      'UPDATE todo SET done_at = now() WHERE subject_type = $1 AND subject_id = $2 AND done_at IS NULL',
      [subjectType, subjectId],
    )
  ).rowCount;
}
