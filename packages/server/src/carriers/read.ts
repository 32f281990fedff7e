// Reading carriers: the ledger (涉密载体台账: search, filters, sort, paging, export), the detail with its
// full timeline (every read audited), "where is it now" per person and per department, and the custody
// count the people module's post-closing check asks for (R-CAR-08). Every read goes through the one
// read rule CARRIER_READ (evaluated here for one carrier, compiled to SQL for lists): never above the
// reader's clearance, never another organisation's (the same 404 as an unknown id).
import type * as C from '@baomi/api/carriers.ts';
import {
  CARRIER_READ,
  carrierMarkingText,
  custodyIntervals,
  describeCarrierState,
  evaluateRead,
  formatCopyNumber,
  hiddenRecord,
  isLoanOverdue,
  type Level,
  notFound,
  type ReadableRecord,
  type Reader,
  readRefused,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { type ReadColumns, readBranches, readFilter } from '../db/access-sql.ts';
import { likePattern, type Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { listPage, pinyinOrder, type SortField } from '../db/list.ts';
import { abilitiesOf, type Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { copyView } from './copies.ts';
import { CARRIER, carrierRules, stateOf } from './policy.ts';
import {
  type CarrierRow,
  carrierColumns,
  carrierJoins,
  carriersFrom,
  carriersOnly,
  getCarrier,
  listCopyRequests,
  listSteps,
  listTakeOuts,
  overdueCondition,
  peopleOfOrg,
} from './queries.ts';
import { takeOutRowView } from './takeout.ts';

export const readerOf = (c: Caller): Reader => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  position: c.position,
  clearance: c.clearance,
  roles: c.roles,
});

/** Where a carrier row keeps what the read rule looks at ("handler": the person holding it now). */
const READ_COLUMNS: ReadColumns = {
  orgId: k`c.org_id`,
  level: k`c.level`,
  status: k`c.status`,
  handlerPersonId: k`c.holder_person_id`,
  knowScope: k`c.know_scope`,
  sentTo: () => k<SqlBool>`FALSE`,
  decidedBy: () => k<SqlBool>`FALSE`,
};

/** The carriers `caller` may read: CARRIER_READ compiled to SQL (the rule readableCarrier evaluates). */
export const visibility = (caller: Caller) => readFilter(CARRIER_READ, readerOf(caller), READ_COLUMNS);

const recordOf = (c: CarrierRow): ReadableRecord => ({
  orgId: c.orgId,
  level: c.level,
  status: c.status,
  handlerPersonId: c.holderPersonId,
  knowScope: c.knowScope,
  sentTo: [],
  deciders: [],
});

/**
 * The carrier if `caller` may read it: 404 for an unknown id or another organisation's (audited as a
 * refused access); 403 with the reasons (clearance first) inside the organisation. `lock`: FOR UPDATE.
 */
export async function readableCarrier(
  sql: Sql,
  caller: Caller,
  id: string,
  lock = false,
): Promise<CarrierRow> {
  const c = await getCarrier(sql, id, lock);
  if (!c) throw notFound(CARRIER);
  if (c.orgId !== caller.orgId) throw hiddenRecord(CARRIER);
  if (evaluateRead(CARRIER_READ, readerOf(caller), recordOf(c))) return c;
  throw readRefused(caller, { orgId: c.orgId, level: c.level, knowScope: c.knowScope }, CARRIER);
}

/** A carrier as the contract sends it (copy number as printed, marking as shown, state in words). */
export function toCarrier(
  c: CarrierRow,
  today = todayInChina(),
): Omit<C.Carrier, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
} {
  const { lineOfWorkDepartmentIds: _l, widenedPersonIds: _w, knowScope: _k, ...rest } = c;
  return {
    ...rest,
    copyNumber: c.copyNumber === null ? null : formatCopyNumber(c.copyNumber),
    markingText: carrierMarkingText(c.level, c.marking, c.period),
    statusText: describeCarrierState(stateOf(c)).zh,
    overdue: c.dueDate !== null && isLoanOverdue(c.dueDate, today),
  };
}

/** The detail: the carrier, its timeline, who held it when, what the caller may do. One audited read. */
export async function carrierDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const c = await readableCarrier(sql, caller, id);
  const steps = await listSteps(sql, c.id);
  const names = new Map(steps.map((s) => [s.holderPersonId, s.holderName]));
  const custody = custodyIntervals(steps.map((s) => ({ at: s.at, holderPersonId: s.holderPersonId }))).map(
    (i) => ({
      ...i,
      holderName: names.get(i.holderPersonId) ?? null,
    }),
  );
  await appendAudit(sql, actor, {
    action: 'carrier.read',
    objectType: 'carrier',
    objectId: c.id,
    summary: { level: c.level, copyNumber: c.copyNumber, status: c.status },
  });
  return {
    ...toCarrier(c),
    knowScope: c.knowScope,
    lineOfWorkDepartmentIds: c.lineOfWorkDepartmentIds,
    steps,
    custody,
    copyRequests: (await listCopyRequests(sql, c.id)).map(copyView),
    takeOuts: (await listTakeOuts(sql, c.id)).map(takeOutRowView),
    abilities: abilitiesOf(carrierRules, caller, c),
  };
}

const LEVEL_ORDER = k`array_position(ARRAY['confidential','secret','top_secret'], c.level)`;
const SORTS: Record<(typeof C.CARRIER_SORTS)[number], SortField> = {
  createdAt: { by: k`c.created_at`, nulls: 'last' },
  issueDate: { by: k`c.issue_date`, nulls: 'last' },
  title: { by: pinyinOrder('c.title_sort'), nulls: 'last' },
  level: { by: LEVEL_ORDER, nulls: 'last' },
  dueDate: { by: k`c.due_date`, nulls: 'last' },
  copyNumber: { by: k`c.copy_number`, nulls: 'last' },
};

/** The ledger's filter; a label sheet also narrows to one batch or to chosen ids. */
type Filter = Omit<C.CarrierLedgerQuery, 'page' | 'pageSize'> & { batchId?: string; ids?: readonly string[] };

/** Search: title, 文号, marking, copy number (digits), custodian or holder (by name). */
function searchCondition(orgId: string, text: string | undefined) {
  const t = text?.trim();
  if (!t) return undefined;
  const p = likePattern(t);
  const digits = /^[0-9０-９]{1,6}$/u.test(t)
    ? Number(t.replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10)))
    : null;
  return k<SqlBool>`(c.title ILIKE ${p} OR c.doc_number ILIKE ${p} OR c.marking ILIKE ${p}${
    digits !== null ? k` OR c.copy_number = ${digits}` : k``
  } OR c.custodian_person_id IN (SELECT pe.id FROM person pe WHERE pe.org_id = ${orgId}::uuid AND pe.name ILIKE ${p})
    OR c.holder_person_id IN (SELECT pe.id FROM person pe WHERE pe.org_id = ${orgId}::uuid AND pe.name ILIKE ${p}))`;
}

/** The ledger: the caller's readable carriers, filtered, sorted and paged (db/list.ts, the kit's helper). */
export async function listCarriers(
  sql: Sql,
  caller: Caller,
  q: Filter,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: CarrierRow[]; total: number }> {
  const today = todayInChina();
  const sort = q.sort ?? 'createdAt';
  const desc = q.order ? q.order === 'desc' : sort === 'createdAt' || sort === 'issueDate';
  return listPage(carriersOnly(sql), (qb) => carrierColumns(carrierJoins(qb)), {
    anyOf: readBranches(CARRIER_READ, readerOf(caller), READ_COLUMNS),
    key: k`c.id`,
    // A text search, or an issue-date range: issue dates follow registration dates, so walking the
    // newest-first index to an older range passes every newer carrier first (67 ms at 1M carriers);
    // the matches are then read once from the filter's own index (department, level, dates) and sorted.
    fullScan: !!q.q?.trim() || !!q.from || !!q.to,
    via: kdb(sql),
    where: (eb) => [
      searchCondition(caller.orgId, q.q),
      !!q.status && eb('c.status', '=', q.status),
      !!q.level && eb('c.level', '=', q.level),
      !!q.kind && eb('c.kind', '=', q.kind),
      !!q.distributionClass && eb('c.distribution_class', '=', q.distributionClass),
      !!q.departmentId && eb('c.department_id', '=', q.departmentId),
      !!q.from && k<SqlBool>`c.issue_date >= ${q.from}::date`,
      !!q.to && k<SqlBool>`c.issue_date <= ${q.to}::date`,
      q.overdue === true && overdueCondition(today),
      !!q.batchId && eb('c.batch_id', '=', q.batchId),
      !!q.ids && eb('c.id', 'in', q.ids.length ? [...q.ids] : ['00000000-0000-0000-0000-000000000000']),
    ],
    sorts: SORTS,
    sort: { field: sort, desc },
    tieBreak: [k`c.id`],
    paging,
  });
}

/**
 * "Where is it now": carriers a person holds or keeps, or of a department, not yet destroyed or handed
 * over; `limit`: the page's first rows (null: every one, as the printed handover list names them).
 */
export async function whereNow(
  sql: Sql,
  caller: Caller,
  w: { personId?: string; departmentId?: string },
  limit: number | null = 2000,
): Promise<CarrierRow[]> {
  let q = carrierColumns(carriersFrom(sql))
    .where('c.org_id', '=', caller.orgId)
    .where('c.status', 'not in', ['destroyed', 'handed_over'])
    .where(visibility(caller));
  if (w.personId)
    q = q.where(
      k<SqlBool>`(c.holder_person_id = ${w.personId}::uuid OR c.custodian_person_id = ${w.personId}::uuid)`,
    );
  if (w.departmentId) q = q.where('c.department_id', '=', w.departmentId);
  q = q.orderBy('c.status').orderBy(pinyinOrder('c.title_sort')).orderBy('c.copy_number');
  return (limit === null ? q : q.limit(limit)).execute();
}

/**
 * R-CAR-08 over HTTP: a person's custody as the caller may know it. Another organisation's person is
 * 404 like any other organisation's record (R-DES-08a); the count is that of the carriers the caller
 * may read (R-PER-01: a carrier above his clearance is not even counted).
 */
export async function custodyView(sql: Sql, caller: Caller, personId: string, limit: number | null = 2000) {
  if ((await peopleOfOrg(sql, caller.orgId, [personId])).length === 0) {
    throw notFound({ zh: '人员', en: 'Person' }, 'personId');
  }
  const rows = await whereNow(sql, caller, { personId }, limit);
  // Counted apart: the page stops at 2000 rows, the count does not (same conditions as whereNow).
  const n = await carriersFrom(sql)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('c.org_id', '=', caller.orgId)
    .where('c.status', 'not in', ['destroyed', 'handed_over'])
    .where(visibility(caller))
    .where(k<SqlBool>`(c.holder_person_id = ${personId}::uuid OR c.custodian_person_id = ${personId}::uuid)`)
    .executeTakeFirstOrThrow();
  return { personId, count: Number(n.n), items: rows.map((c) => toCarrier(c)) };
}

/**
 * R-CAR-08: the full count of the carriers in a person's custody (he keeps them as custodian, or holds
 * them on loan or taken out), whatever anyone may read — internal only (the handover, the people
 * module's post-closing check); never answered over HTTP, where custodyView applies.
 */
export async function inCustodyOf(sql: Sql, personId: string): Promise<{ count: number; ids: string[] }> {
  const rows = await carriersOnly(sql)
    .select('c.id')
    .where('c.status', 'not in', ['destroyed', 'handed_over'])
    .where(k<SqlBool>`(c.holder_person_id = ${personId}::uuid OR c.custodian_person_id = ${personId}::uuid)`)
    .execute();
  return { count: rows.length, ids: rows.map((r) => r.id) };
}

/**
 * R-PER-01: the levels of the carriers in a person's custody (as inCustodyOf counts them), for the
 * clearance-change check — internal only, never answered over HTTP.
 */
export async function levelsInCustodyOf(sql: Sql, personId: string): Promise<Level[]> {
  const rows = await carriersOnly(sql)
    .select('c.level')
    .where('c.status', 'not in', ['destroyed', 'handed_over'])
    .where(k<SqlBool>`(c.holder_person_id = ${personId}::uuid OR c.custodian_person_id = ${personId}::uuid)`)
    .execute();
  return rows.map((r) => r.level as Level);
}

/** Row abilities of a ledger page. */
export const withAbilities = (caller: Caller, rows: CarrierRow[]) =>
  rows.map((r) => ({ ...toCarrier(r), abilities: abilitiesOf(carrierRules, caller, r) }));
