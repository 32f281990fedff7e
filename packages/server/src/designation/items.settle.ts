// R-DES-06, R-LVL-03, R-DES-08, R-DES-08a: what approval does to a designation item (the settle handler
// the approvals module calls in the deciding transaction) — item number, marking, release date, knowers,
// notices to the scope; and the knower and notice helpers items.changes.ts and items.release.ts share.
import {
  formatMarking,
  type KnowScope,
  mustKeepKnowerList,
  type Period,
  releaseDate,
  type StateSecretLevel,
} from '@baomi/domain';
import { listDecisions } from '../approvals/queries.ts';
import type { SettleHandler } from '../approvals/service.ts';
import { appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { addNotices } from '../todos/queries.ts';
import { todayInChina } from './common.ts';
import {
  addKnowers,
  closeEscalations,
  getItem,
  type ItemRow,
  nextItemNumber,
  peopleInScope,
  updateItemRow,
} from './items.queries.ts';

// ---------------------------------------------------------------------------------------------
// Notices and knowers

/** Stored notices (todo kind 'notice') for everyone of the organisation in the scope (R-DES-08). */
export async function notifyScope(
  sql: Sql,
  item: Pick<ItemRow, 'id' | 'orgId'>,
  scopes: readonly KnowScope[],
  title: string,
): Promise<number> {
  const people = new Map<string, string>();
  for (const s of scopes)
    for (const p of await peopleInScope(sql, item.orgId, s))
      if (p.accountId) people.set(p.personId, p.accountId);
  if (people.size === 0) return 0;
  await addNotices(sql, [...people.values()], {
    module: 'designation',
    subjectType: 'designation_item',
    subjectId: item.id,
    title: title.slice(0, 300),
    link: `/designation/items/${item.id}`,
  });
  return people.size;
}

/** R-DES-08a: for 机密 and 绝密, everyone in the scope and the deciders are recorded as knowers. */
export async function recordKnowers(
  sql: Sql,
  item: Pick<ItemRow, 'id' | 'orgId' | 'handlerPersonId'>,
  level: StateSecretLevel,
  scope: KnowScope,
  deciders: readonly string[],
  addedBy: string | null,
): Promise<number> {
  if (!mustKeepKnowerList(level)) return 0;
  const inScope = (await peopleInScope(sql, item.orgId, scope)).map((p) => p.personId);
  return addKnowers(sql, item.id, [item.handlerPersonId, ...inScope, ...deciders], addedBy);
}

export const decidersOf = async (sql: Sql, approvalId: string) =>
  (await listDecisions(sql, approvalId)).filter((d) => !d.superseded).map((d) => d.personId);

// ---------------------------------------------------------------------------------------------
// The approval's outcome (called in the deciding transaction)

const chinaYear = (d: Date) => Number(todayInChina(d).slice(0, 4));

/**
 * R-DES-06, R-LVL-03, R-DES-08a: approved — the terms as decided (the snapshot, corrections included),
 * the item number (per organisation and year), the marking, the release date, the knowers, notices to
 * the scope. Returned or rejected: back to the handler. Withdrawn: withdrawn.
 */
export const itemSettled: SettleHandler = async (sql, approval, actor) => {
  const item = await getItem(sql, approval.subjectId, true);
  if (!item || item.approvalId !== approval.id) return;
  const escStatus = approval.status;
  await closeEscalations(sql, approval.id, escStatus);
  if (approval.status !== 'approved') {
    const status = approval.status === 'withdrawn' ? 'withdrawn' : 'returned';
    await updateItemRow(sql, item.id, { status, protection_level: null });
    await appendAudit(sql, actor, {
      action: `designation_item.${status === 'withdrawn' ? 'withdraw' : 'return'}`,
      objectType: 'designation_item',
      objectId: item.id,
      summary: { approvalId: approval.id, approval: approval.status },
    });
    return;
  }
  const snap = approval.subjectSnapshot as { level: StateSecretLevel; period: Period; knowScope: KnowScope };
  const now = new Date();
  const number = await nextItemNumber(sql, item.orgId, chinaYear(now));
  const marking = formatMarking({ level: snap.level, period: snap.period });
  const release = releaseDate(item.issueDate, snap.period, snap.level);
  const step = approval.steps[approval.steps.length - 1]!;
  await updateItemRow(sql, item.id, {
    status: 'approved',
    level: snap.level,
    period: JSON.stringify(snap.period),
    know_scope: JSON.stringify(snap.knowScope),
    release_date: release,
    release_condition: snap.period.kind === 'condition' ? snap.period.text : null,
    item_number: number,
    marking,
    approved_at: now,
    decided_by_org_id: step.orgId,
    protection_level: null,
  });
  const knowers = await recordKnowers(
    sql,
    item,
    snap.level,
    snap.knowScope,
    await decidersOf(sql, approval.id),
    actor.id,
  );
  const notified = await notifyScope(
    sql,
    item,
    [snap.knowScope],
    `定密通知：${item.title}（${number}，${marking}）`,
  );
  await appendAudit(sql, actor, {
    action: 'designation_item.approve',
    objectType: 'designation_item',
    objectId: item.id,
    summary: {
      itemNumber: number,
      marking,
      releaseDate: release,
      knowers,
      notified,
      approvalId: approval.id,
    },
  });
};
