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
import { listDecisions } from '../approvals/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { todayInChina } from './common.ts';
import {
  escalationTargets,
  getItem,
  ITEM_COLS,
  ITEM_FROM,
  type ItemRow,
  type ItemStatus,
  listChanges,
  listEscalations,
  listKnowers,
} from './items.queries.ts';
import { hasDesignationRole, ITEM, type ItemCaller } from './items.service.ts';

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

const SORT: Record<NonNullable<LedgerQuery['sort']>, string> = {
  createdAt: 'i.created_at',
  approvedAt: 'i.approved_at',
  itemNumber: 'i.item_number',
  level: "array_position(ARRAY['confidential','secret','top_secret'], i.level)",
  releaseDate: 'i.release_date',
  title: 'i.title',
};

/** Which items the caller sees in the ledger, as SQL conditions (parameters appended to `params`). */
function visibility(caller: ItemCaller, params: unknown[]): string {
  params.push(caller.orgId);
  const org = `$${params.length}`;
  if (hasDesignationRole(caller)) {
    // Secrecy officers, designators and leaders see the organisation's ledger and what was sent to them.
    return `(i.org_id = ${org} OR EXISTS (SELECT 1 FROM designation_escalation e WHERE e.item_id = i.id AND e.to_org_id = ${org}))`;
  }
  params.push(caller.personId, caller.departmentId, caller.position, caller.clearance);
  const [p, d, pos, cl] = [params.length - 3, params.length - 2, params.length - 1, params.length].map(
    (n) => `$${n}`,
  );
  // Others: what they handle, and what decideAccess would admit (clearance covers, in the scope).
  return `(i.org_id = ${org} AND (i.handler_person_id = ${p}::uuid OR (
      array_position(ARRAY['none','confidential','secret','top_secret'], ${cl}::text)
        >= array_position(ARRAY['none','confidential','secret','top_secret'], coalesce(i.protection_level, i.level))
      AND i.status NOT IN ('draft', 'withdrawn')
      AND ((i.know_scope -> 'personIds') @> to_jsonb(${p}::text)
        OR (${d}::text IS NOT NULL AND (i.know_scope -> 'departmentIds') @> to_jsonb(${d}::text))
        OR (${pos}::text <> '' AND (i.know_scope -> 'positions') @> to_jsonb(${pos}::text))))))`;
}

function where(caller: ItemCaller, q: LedgerQuery, params: unknown[]): string {
  const conds = [visibility(caller, params)];
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    conds.push(cond(`$${params.length}`));
  };
  if (q.q?.trim())
    add(
      (n) => `(i.title ILIKE ${n} OR i.item_number ILIKE ${n} OR i.basis_text ILIKE ${n})`,
      `%${q.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  if (q.level) add((n) => `i.level = ${n}`, q.level);
  if (q.year)
    add(
      (n) => `extract(year FROM coalesce(i.approved_at, i.created_at) AT TIME ZONE 'Asia/Shanghai') = ${n}`,
      q.year,
    );
  if (q.departmentId) add((n) => `i.department_id = ${n}::uuid`, q.departmentId);
  if (q.origin) add((n) => `i.origin = ${n}`, q.origin);
  if (q.status) add((n) => `i.status = ${n}`, q.status);
  return conds.join(' AND ');
}

export async function listItems(
  sql: Sql,
  caller: ItemCaller,
  q: LedgerQuery,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: ItemRow[]; total: number }> {
  const params: unknown[] = [];
  const w = where(caller, q, params);
  const order = `${SORT[q.sort ?? 'createdAt']} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, i.id`;
  const limit = paging ? `LIMIT ${paging.limit} OFFSET ${paging.offset}` : 'LIMIT 10000';
  const { rows } = await sql.query<ItemRow & { total: number }>(
    `SELECT ${ITEM_COLS}, count(*) OVER ()::int AS total FROM ${ITEM_FROM} WHERE ${w} ORDER BY ${order} ${limit}`,
    params,
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
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
  const { rows } = await sql.query(
    `SELECT 1 FROM approval a JOIN approval_decision d ON d.approval_id = a.id
      WHERE d.person_id = $2 AND ((a.subject_type = 'designation_item' AND a.subject_id = $1)
        OR (a.subject_type = 'designation_change' AND a.subject_id IN
              (SELECT id::text FROM designation_change WHERE item_id = $1::uuid))) LIMIT 1`,
    [item.id, caller.personId],
  );
  if (rows[0]) return item;
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
  const { rows: approvals } = await sql.query<{
    id: string;
    flowType: string;
    subjectType: string;
    subjectId: string;
    status: string;
    createdAt: Date;
    updatedAt: Date;
  }>(
    `SELECT a.id, a.flow_type AS "flowType", a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.status,
            a.created_at AS "createdAt", a.updated_at AS "updatedAt"
       FROM approval a
      WHERE (a.subject_type = 'designation_item' AND a.subject_id = $1)
         OR (a.subject_type = 'designation_change' AND a.subject_id IN
               (SELECT id::text FROM designation_change WHERE item_id = $1::uuid))
      ORDER BY a.created_at, a.id`,
    [item.id],
  );
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
  const { rows } = await sql.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM ${ITEM_FROM} WHERE i.org_id = $1 AND i.status = 'approved'`,
    [caller.orgId],
  );
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
