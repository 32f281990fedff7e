// Reading designation items: the ledger (定密台账: search, filters, sorting, paging), the detail with its
// full history (every read of it audited, R-SYS-03), the knower list (R-DES-08a) and the yearly review
// list (R-DES-08). Organisation boundary: the item's organisation, and for escalations the organisation
// it was sent to; anything else is 404. Inside it, the domain's decideAccess decides for people who are
// neither the handler, a decider, nor a secrecy officer or designator there.
import {
  type AccessDecision,
  clearanceCovers,
  DESIGNATION_ITEM_READ,
  DomainError,
  decideAccess,
  evaluateRead,
  hiddenRecord,
  type Level,
  notFound,
  type ReadableRecord,
  type Reader,
  type ReviewableItem,
  reviewDue,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import { approvalsOn, hasDecidedOn, listDecisions } from '../approvals/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { type ReadColumns, readBranches, readFilter } from '../db/access-sql.ts';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, pinyinOrder, type SortField, searchIn } from '../db/list.ts';
import { todayInChina } from './common.ts';
import { ITEM, type ItemCaller } from './items.common.ts';
import {
  approvalSubjects,
  escalationTargets,
  getItem,
  type ItemRow,
  type ItemStatus,
  itemColumns,
  itemJoins,
  itemsFrom,
  itemsOnly,
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

/** The reader the domain's read rules take. */
export const readerOf = (caller: ItemCaller): Reader => ({
  personId: caller.personId,
  orgId: caller.orgId,
  departmentId: caller.departmentId,
  position: caller.position,
  clearance: caller.clearance,
  roles: caller.roles,
});

/** Where an item row keeps what the read rule looks at. */
const ITEM_READ_COLUMNS: ReadColumns = {
  orgId: k`i.org_id`,
  level: k`coalesce(i.protection_level, i.level)`,
  status: k`i.status`,
  handlerPersonId: k`i.handler_person_id`,
  knowScope: k`i.know_scope`,
  // Uncorrelated IN lists (each read once for the query, hashed), not a lookup per row.
  sentTo: (org) =>
    k<SqlBool>`i.id IN (SELECT e.item_id FROM designation_escalation e WHERE e.to_org_id = ${org}::uuid)`,
  decidedBy: (person) =>
    k<SqlBool>`(i.id::text IN (SELECT a.subject_id FROM approval a JOIN approval_decision d ON d.approval_id = a.id
        WHERE d.person_id = ${person}::uuid AND a.subject_type = 'designation_item')
      OR i.id IN (SELECT c.item_id FROM designation_change c
        JOIN approval a ON a.subject_type = 'designation_change' AND a.subject_id = c.id::text
        JOIN approval_decision d ON d.approval_id = a.id WHERE d.person_id = ${person}::uuid))`,
};

/**
 * Which items the caller sees in the ledger and its export: the domain's DESIGNATION_ITEM_READ,
 * compiled to SQL (db/access-sql.ts) — the rule readableItem evaluates for one item, never a second copy.
 */
export function visibility(caller: ItemCaller) {
  return readFilter(DESIGNATION_ITEM_READ, readerOf(caller), ITEM_READ_COLUMNS);
}

/**
 * The ledger's year: the year (Asia/Shanghai) of the approval, or of the registration for an item not
 * yet approved — written as ranges, so the (org_id, approved_at) index serves it instead of a scan of
 * every item's computed year. An approved or released item always has its approval time (the table's
 * checks: such an item has its number, and the number comes with the approval), so with that status
 * only the approval range is asked.
 */
function inYear(year: number, status: string | undefined) {
  const from = k`make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
  const to = k`make_timestamptz(${year}::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
  const approvedIn = k<SqlBool>`(i.approved_at >= ${from} AND i.approved_at < ${to})`;
  if (status === 'approved' || status === 'released') return approvedIn;
  return k<SqlBool>`(${approvedIn} OR (i.approved_at IS NULL AND i.created_at >= ${from} AND i.created_at < ${to}))`;
}

export async function listItems(
  sql: Sql,
  caller: ItemCaller,
  q: LedgerQuery,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: ItemRow[]; total: number }> {
  return listPage(itemsOnly(sql), (qb) => itemColumns(itemJoins(qb)), {
    // The same rule as disjoint branches (the caller's organisation, then what was sent to it), so the
    // organisation's branch walks the (org_id, created_at) index instead of scanning for an OR.
    anyOf: readBranches(DESIGNATION_ITEM_READ, readerOf(caller), ITEM_READ_COLUMNS),
    key: k`i.id`,
    // A text search reads every row whatever the order: one scan, not a walk of the date index.
    fullScan: !!q.q?.trim(),
    via: kdb(sql),
    where: (eb) => [
      searchIn(eb, ['i.title', 'i.item_number', 'i.basis_text'], q.q?.trim(), 'i.search_grams'),
      !!q.level && eb('i.level', '=', q.level),
      !!q.year && inYear(q.year, q.status),
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
  const sentTo = await escalationTargets(sql, item.id);
  // Another organisation's item: the same 404 as an unknown id, audited as a refused access.
  if (item.orgId !== caller.orgId && !sentTo.includes(caller.orgId)) throw hiddenRecord(ITEM);
  const record: ReadableRecord = {
    orgId: item.orgId,
    level: item.protectionLevel ?? item.level,
    status: item.status,
    handlerPersonId: item.handlerPersonId,
    knowScope: item.knowScope,
    sentTo,
    deciders: [],
  };
  const reader = readerOf(caller);
  if (evaluateRead(DESIGNATION_ITEM_READ, reader, record)) return item;
  // Whether the caller decided on it is one more query: asked only when the rule refuses without it.
  const decided = await hasDecidedOn(sql, caller.personId, await approvalSubjects(sql, item.id));
  if (decided && evaluateRead(DESIGNATION_ITEM_READ, reader, { ...record, deciders: [caller.personId] }))
    return item;
  // Refused: say why — the clearance first (R-PER-01, whatever the role), then the draft stage, then
  // the scope (decideAccess's reasons).
  const decision: AccessDecision =
    clearanceCovers(caller.clearance, record.level) &&
    (item.status === 'draft' || item.status === 'withdrawn')
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
          { orgId: caller.orgId, level: record.level, knowScope: item.knowScope },
        );
  const reasons = decision.reasons.length ? decision.reasons : [CLEARANCE_OR_SCOPE];
  throw new DomainError('forbidden', reasons[0]!, reasons);
}

/** Fallback reason when only the role rule refused (cannot happen with today's rule, kept for safety). */
const CLEARANCE_OR_SCOPE = {
  code: 'not_readable',
  zh: '本人不能查看该事项',
  en: 'You may not read this item',
  rule: 'R-DES-08a',
};

/** The detail with its full history; the read is audited (R-SYS-03) in the caller's transaction. */
export async function itemDetail(sql: Sql, actor: Actor, caller: ItemCaller, id: string) {
  const item = await readableItem(sql, caller, id);
  const approvals = await approvalsOn(sql, await approvalSubjects(sql, item.id));
  const history = [];
  for (const a of approvals) history.push({ ...a, decisions: await listDecisions(sql, a.id) });
  // A derived item's source is shown only to whoever may read the source itself (issue 7).
  const source = item.sourceItemId ? await readableOrNull(sql, caller, item.sourceItemId) : null;
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
  // The caller's organisation's designated items he may read (the read rule: never above his clearance).
  const rows = await itemColumns(itemsFrom(sql))
    .where('i.org_id', '=', caller.orgId)
    .where('i.status', '=', 'approved')
    .where(visibility(caller))
    .execute();
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

/** The item if the caller may read it, else null (for references from other records). */
export async function readableOrNull(sql: Sql, caller: ItemCaller, id: string): Promise<ItemRow | null> {
  try {
    return await readableItem(sql, caller, id);
  } catch (e) {
    if (e instanceof DomainError && (e.kind === 'forbidden' || e.kind === 'not_found')) return null;
    throw e;
  }
}
