import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import type { Todo } from './service.ts';

/** Stored notices of an account that are not done yet. */
export async function openNotices(sql: Sql, accountId: string): Promise<Todo[]> {
  return kdb(sql)
    .selectFrom('todo')
    .select([
      'id',
      'kind',
      'module',
      'subject_type as subjectType',
      'subject_id as subjectId',
      'title',
      'link',
      'due_at as dueAt',
      'created_at as createdAt',
    ])
    .where('account_id', '=', accountId)
    .where('done_at', 'is', null)
    .$castTo<Todo>()
    .execute();
}

/** Marks the account's own open todo done; null when there is none such. */
export async function markDone(
  sql: Sql,
  id: string,
  accountId: string,
): Promise<{ id: string; title: string } | null> {
  return (
    (await kdb(sql)
      .updateTable('todo')
      .set({ done_at: k`now()` })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('done_at', 'is', null)
      .returning(['id', 'title'])
      .executeTakeFirst()) ?? null
  );
}

/** Stored notices (kind 'notice') for the given accounts, until each acknowledges his. */
export async function addNotices(
  sql: Sql,
  accountIds: readonly string[],
  n: {
    module: string;
    subjectType: string | null;
    subjectId: string | null;
    title: string;
    link: string | null;
  },
): Promise<void> {
  if (accountIds.length === 0) return;
  await kdb(sql)
    .insertInto('todo')
    .values(
      accountIds.map((accountId) => ({
        account_id: accountId,
        kind: 'notice',
        module: n.module,
        subject_type: n.subjectType,
        subject_id: n.subjectId,
        title: n.title,
        link: n.link,
      })),
    )
    .execute();
}
