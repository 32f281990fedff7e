// R-DES-08: items whose period is about to end (即将到期), so that an extension (变更保密期限) or an early
// release is decided before expiry — the 年度审核 page lists them, and the item's designator (定密责任人,
// who decided it) gets a todo EXPIRY_TODO_DAYS before the last secret day. The domain's expiringWithin
// decides which items; the read rule (DESIGNATION_ITEM_READ compiled to SQL, items.read.ts visibility)
// decides whose: nobody lists an item he may not read. The todo is computed from the items' state (a
// todo provider), so it exists exactly once while the item is about to expire and goes away when the
// period is extended or the item released (docs/decisions.md D-h7-desdefects-1).
import {
  addDays,
  EXPIRY_TODO_DAYS,
  EXPIRY_WINDOW_DEFAULT,
  type ExpiringEntry,
  expiringWithin,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import type { Todo, TodoProvider } from '../todos/service.ts';
import { todayInChina } from './common.ts';
import type { ItemCaller } from './items.common.ts';
import { type ItemRow, itemColumns, itemsFrom } from './items.queries.ts';
import { visibility } from './items.read.ts';

/** Approved items of the caller's organisation he may read, whose release date is at most `last`. */
async function candidates(
  sql: Sql,
  caller: ItemCaller,
  last: string,
  decidedBy?: string,
): Promise<ItemRow[]> {
  let q = itemColumns(itemsFrom(sql))
    .where('i.org_id', '=', caller.orgId)
    .where('i.status', '=', 'approved')
    .where(k<SqlBool>`i.release_date IS NOT NULL AND i.release_date <= ${last}::date`)
    .where(visibility(caller));
  if (decidedBy)
    q = q.where(
      k<SqlBool>`EXISTS (SELECT 1 FROM approval_decision d WHERE d.approval_id = i.approval_id
        AND d.person_id = ${decidedBy}::uuid AND d.role = 'designator' AND NOT d.superseded)`,
    );
  return q.execute();
}

const entriesOf = (rows: ItemRow[], today: string, windowDays: number) =>
  expiringWithin(
    rows.map((r) => ({ level: r.level, issueDate: r.issueDate, period: r.period, row: r })),
    today,
    windowDays,
  );

/** R-DES-08: the 即将到期 list: items whose last secret day falls within `windowDays` of today. */
export async function expiringList(
  sql: Sql,
  caller: ItemCaller,
  windowDays = EXPIRY_WINDOW_DEFAULT,
  today = todayInChina(),
): Promise<{
  today: string;
  window: number;
  items: (Omit<ExpiringEntry<never>, 'item'> & { item: ItemRow })[];
}> {
  // The domain validates the window (400 with a reason) before any query.
  expiringWithin([], today, windowDays);
  const rows = await candidates(sql, caller, addDays(today, windowDays + 1));
  return {
    today,
    window: windowDays,
    items: entriesOf(rows, today, windowDays).map((e) => ({
      releaseDate: e.releaseDate,
      endsOn: e.endsOn,
      daysLeft: e.daysLeft,
      item: e.item.row,
    })),
  };
}

/** R-DES-08: a todo for the designator who decided an item, from EXPIRY_TODO_DAYS before its end. */
export const expiryTodos: TodoProvider = async (sql, me): Promise<Todo[]> => {
  const p = me.person;
  if (!p || me.adminRole || !p.roles.includes('designator')) return [];
  const caller: ItemCaller = {
    accountId: me.id,
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position,
    clearance: p.clearance,
    roles: p.roles,
  };
  const today = todayInChina();
  const rows = await candidates(sql, caller, addDays(today, EXPIRY_TODO_DAYS + 1), p.id);
  return entriesOf(rows, today, EXPIRY_TODO_DAYS).map((e) => ({
    id: `designation_expiry:${e.item.row.id}:${e.releaseDate}`,
    kind: 'deadline' as const,
    module: 'designation',
    subjectType: 'designation_item',
    subjectId: e.item.row.id,
    title: `保密期限即将届满（${e.endsOn}），请决定延长或解除：${e.item.row.title}（${e.item.row.itemNumber ?? ''}）`,
    link: `/designation/items/${e.item.row.id}`,
    dueAt: new Date(`${e.endsOn}T23:59:59+08:00`),
    createdAt: new Date(`${addDays(e.endsOn, -EXPIRY_TODO_DAYS)}T00:00:00+08:00`),
  }));
};
