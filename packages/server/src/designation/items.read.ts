// Reading designation items: the ledger (定密台账: search, filters, sorting, paging), the detail with its
// full history (every read of it audited, R-SYS-03), the knower list (R-DES-08a) and the yearly review
// list (R-DES-08). Organisation boundary: the item's organisation, and for escalations the organisation
// it was sent to; anything else is 404. Inside it, the domain's decideAccess decides for people who are
// neither the handler, a decider, nor a secrecy officer or designator there.
import {
  type AccessDecision,
  DomainError,
  decideAccess,
  type Level,
  notFound,
  type ReviewableItem,
  reviewDue,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import { approvalsOn, hasDecidedOn, listDecisions } from '../approvals/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { listPage, pinyinOrder, type SortField, searchIn } from '../db/list.ts';
import { todayInChina } from './common.ts';
import { hasDesignationRole, ITEM, type ItemCaller } from './items.common.ts';
import {
  approvalSubjects,
  approvedItems,
  escalationTargets,
  getItem,
  type ItemRow,
  type ItemStatus,
  itemColumns,
  itemsFrom,
  listChanges,
  listEscalations,
  listKnowers,
} from './items.queries.ts';

export interface LedgerQuery {
  q?: string;
  level?: Level;
  year?: number;
  departmentId?: string;
  origin?: 'original' | 'derived';
  status?: ItemStatus;
  sort?: 'createdAt' | 'approvedAt' | 'itemNumber' | 'level' | 'releaseDate' | 'title';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const LEVEL_ORDER = k`array_position(ARRAY['confidential','secret','top_secret'], i.level)`;

// Titles sort by pinyin (拼音); every field keeps NULLs last in both directions.
const SORTS: Record<NonNullable<LedgerQuery['sort']>, SortField> = {
  createdAt: { by: k`i.created_at`, nulls: 'last' },
  approvedAt: { by: k`i.approved_at`, nulls: 'last' },
  itemNumber: { by: k`i.item_number`, nulls: 'last' },
  level: { by: LEVEL_ORDER, nulls: 'last' },
  releaseDate: { by: k`i.release_date`, nulls: 'last' },
  title: { by: pinyinOrder('i.title_sort'), nulls: 'last' },
};

/** Which items the caller sees in the ledger. */
function visibility(caller: ItemCaller) {
  const org = caller.orgId;
  if (hasDesignationRole(caller)) {
    // Secrecy officers, designators and leaders see the organisation's ledger and what was sent to them.
    return k<SqlBool>`(i.org_id = ${org} OR EXISTS (SELECT 1 FROM designation_escalation e WHERE e.item_id = i.id AND e.to_org_id = ${org}))`;
  }
  const [p, d, pos, cl] = [caller.personId, caller.departmentId, caller.position, caller.clearance];
  // Others: what they handle, and what decideAccess would admit (clearance covers, in the scope).
  return k<SqlBool>`(i.org_id = ${org} AND (i.handler_person_id = ${p}::uuid OR (
      array_position(ARRAY['none','confidential','secret','top_secret'], ${cl}::text)
        >= array_position(ARRAY['none','confidential','secret','top_secret'], coalesce(i.protection_level, i.level))
      AND i.status NOT IN ('draft', 'withdrawn')
      AND ((i.know_scope -> 'personIds') @> to_jsonb(${p}::text)
        OR (${d}::text IS NOT NULL AND (i.know_scope -> 'departmentIds') @> to_jsonb(${d}::text))
        OR (${pos}::text <> '' AND (i.know_scope -> 'positions') @> to_jsonb(${pos}::text))))))`;
}

export async function listItems(
  sql: Sql,
  caller: ItemCaller,
  q: LedgerQuery,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: ItemRow[]; total: number }> {
  return listPage(itemsFrom(sql), itemColumns, {
    where: (eb) => [
      visibility(caller),
      searchIn(eb, ['i.title', 'i.item_number', 'i.basis_text'], q.q?.trim()),
      !!q.level && eb('i.level', '=', q.level),
      !!q.year &&
        k<SqlBool>`extract(year FROM coalesce(i.approved_at, i.created_at) AT TIME ZONE 'Asia/Shanghai') = ${q.year}`,
      !!q.departmentId && k<SqlBool>`i.department_id = ${q.departmentId}::uuid`,
      !!q.origin && eb('i.origin', '=', q.origin),
      !!q.status && eb('i.status', '=', q.status),
    ],
    sorts: SORTS,
    sort: { field: q.sort ?? 'createdAt', desc: q.order !== 'asc' },
    tieBreak: [k`i.id`],
    paging,
    maxRows: 10000,
  });
}

/**
 * R-DES-08a, R-PER-01: may the caller read this item's detail? 404 outside the item's organisation and
 * the organisations it was escalated to; 403 (with the reasons) inside them when decideAccess refuses.
 */
export async function readableItem(sql: Sql, caller: ItemCaller, id: string): Promise<ItemRow> {
  const item = await getItem(sql, id);
  if (!item) throw notFound(ITEM);
  const targets = await escalationTargets(sql, item.id);
  const home = item.orgId === caller.orgId;
  if (!home && !targets.includes(caller.orgId)) throw notFound(ITEM);
  if (item.handlerPersonId === caller.personId) return item;
  if (caller.roles.includes('secrecy_officer') || caller.roles.includes('designator')) return item;
  if (await hasDecidedOn(sql, caller.personId, await approvalSubjects(sql, item.id))) return item;
  const decision: AccessDecision =
    item.status === 'draft' || item.status === 'withdrawn'
      ? {
          allowed: false,
          reasons: [
            {
              code: 'draft_not_shared',
              zh: '拟办中的事项只有承办人、保密员和定密责任人可以查看',
              en: 'A draft is seen by its handler, the secrecy officers and the designators only',
              rule: 'R-DES-06',
            },
          ],
        }
      : decideAccess(
          {
            personId: caller.personId,
            orgId: caller.orgId,
            departmentId: caller.departmentId,
            position: caller.position,
            clearance: caller.clearance,
          },
          { orgId: item.orgId, level: item.protectionLevel ?? item.level, knowScope: item.knowScope },
        );
  if (!decision.allowed) {
    throw new DomainError('forbidden', decision.reasons[0]!, decision.reasons);
  }
  return item;
}

/** The detail with its full history; the read is audited (R-SYS-03) in the caller's transaction. */
export async function itemDetail(sql: Sql, actor: Actor, caller: ItemCaller, id: string) {
  const item = await readableItem(sql, caller, id);
  const approvals = await approvalsOn(sql, await approvalSubjects(sql, item.id));
  const history = [];
  for (const a of approvals) history.push({ ...a, decisions: await listDecisions(sql, a.id) });
  const source = item.sourceItemId ? await getItem(sql, item.sourceItemId) : null;
  const detail = {
    ...item,
    source: source
      ? {
          id: source.id,
          title: source.title,
          itemNumber: source.itemNumber,
          marking: source.marking,
          level: source.level,
        }
      : null,
    approvals: history,
    changes: await listChanges(sql, item.id),
    escalations: await listEscalations(sql, item.id),
    knowers: await listKnowers(sql, item.id),
  };
  await appendAudit(sql, actor, {
    action: 'designation_item.read',
    objectType: 'designation_item',
    objectId: item.id,
    summary: { level: item.level, itemNumber: item.itemNumber, status: item.status },
  });
  return detail;
}

/** R-DES-08a: the people who know a 机密/绝密 item; reading it is a read of the item (audited). */
export async function itemKnowers(sql: Sql, actor: Actor, caller: ItemCaller, id: string) {
  const item = await readableItem(sql, caller, id);
  const knowers = await listKnowers(sql, item.id);
  await appendAudit(sql, actor, {
    action: 'designation_item.read',
    objectType: 'designation_item',
    objectId: item.id,
    summary: { part: 'knowers', count: knowers.length },
  });
  return { itemId: item.id, level: item.level, marking: item.marking, items: knowers };
}

/** R-DES-08: the organisation's designated items due for their yearly review within `horizon` days. */
export async function reviewList(sql: Sql, caller: ItemCaller, horizon: number, today = todayInChina()) {
  const rows = await approvedItems(sql, caller.orgId);
  const reviewable: (ReviewableItem & { row: ItemRow })[] = rows.map((r) => ({
    id: r.id,
    level: r.level,
    issueDate: r.issueDate,
    period: r.period,
    designatedOn: todayInChina(r.approvedAt!),
    ...(r.lastReviewedAt ? { lastReviewedOn: todayInChina(r.lastReviewedAt) } : {}),
    row: r,
  }));
  const due = reviewDue(reviewable, today, horizon);
  return {
    today,
    horizon,
    items: due.map((e) => ({ dueOn: e.dueOn, daysUntil: e.daysUntil, bucket: e.bucket, item: e.item.row })),
  };
}
