// Every SQL statement of 清查清退 (R-CAR-09): campaigns, their frozen item lists, confirmations.
import type {
  CampaignKind,
  CampaignScope,
  CampaignStatus,
  CarrierStatus,
  InventoryResult,
  StateSecretLevel,
} from '@baomi/domain';
import { type Expression, sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface CampaignRow {
  id: string;
  orgId: string;
  kind: CampaignKind;
  title: string;
  scope: CampaignScope;
  departmentId: string | null;
  departmentName: string | null;
  level: StateSecretLevel | null;
  batchId: string | null;
  status: CampaignStatus;
  openedByName: string;
  openedAt: Date;
  closedByName: string | null;
  closedAt: Date | null;
  note: string;
  total: number;
  found: number;
  missing: number;
  damaged: number;
  unconfirmed: number;
}

/**
 * R-PER-01: what a campaign's counts count — the items the reader may read (`visible`: the carrier read
 * rule over `c`) and, for someone answering for some of them, his alone. Without it: every item (the
 * closing rule's count, never shown as such).
 */
export interface CountFilter {
  visible: Expression<SqlBool>;
  custodian?: string;
}

/** The counts in one pass over the campaign's items (joined to the carrier only when filtered). */
const counts = (f: CountFilter | undefined) =>
  k<string>`(SELECT json_build_object(
      'total', count(*)::int,
      'found', (count(*) FILTER (WHERE x.result = 'found'))::int,
      'missing', (count(*) FILTER (WHERE x.result = 'missing'))::int,
      'damaged', (count(*) FILTER (WHERE x.result = 'damaged'))::int,
      'unconfirmed', (count(*) FILTER (WHERE x.result IS NULL))::int)::text
    FROM carrier_campaign_item x${f ? k` JOIN carrier c ON c.id = x.carrier_id` : k``}
    WHERE x.campaign_id = g.id${f ? k` AND ${f.visible}` : k``}${
      f?.custodian ? k` AND x.custodian_person_id = ${f.custodian}::uuid` : k``
    })`;

const campaignRows = (sql: Sql, f?: CountFilter) =>
  kdb(sql)
    .selectFrom('carrier_campaign as g')
    .innerJoin('person as op', 'op.id', 'g.opened_by_person_id')
    .leftJoin('person as cl', 'cl.id', 'g.closed_by_person_id')
    .leftJoin('department as d', 'd.id', 'g.department_id')
    .select([
      'g.id',
      'g.org_id as orgId',
      k<CampaignKind>`g.kind`.as('kind'),
      'g.title',
      k<CampaignScope>`g.scope`.as('scope'),
      'g.department_id as departmentId',
      'd.name as departmentName',
      k<StateSecretLevel | null>`g.level`.as('level'),
      'g.batch_id as batchId',
      k<CampaignStatus>`g.status`.as('status'),
      'op.name as openedByName',
      'g.opened_at as openedAt',
      'cl.name as closedByName',
      'g.closed_at as closedAt',
      'g.note',
      counts(f).as('counts'),
    ]);

type CountsOf = Pick<CampaignRow, 'total' | 'found' | 'missing' | 'damaged' | 'unconfirmed'>;

/** A stored row with its counts unpacked. */
const unpack = ({
  counts: c,
  ...r
}: { counts: string } & Omit<CampaignRow, keyof CountsOf>): CampaignRow => ({
  ...r,
  ...(JSON.parse(c) as CountsOf),
});

/** One campaign; `lock`: FOR UPDATE of its row first (a confirmation and the closing queue here). */
export async function getCampaign(
  sql: Sql,
  id: string,
  lock = false,
  counts?: CountFilter,
): Promise<CampaignRow | null> {
  if (lock)
    await kdb(sql).selectFrom('carrier_campaign').select('id').where('id', '=', id).forUpdate().execute();
  const r = await campaignRows(sql, counts).where('g.id', '=', id).executeTakeFirst();
  return r ? unpack(r) : null;
}

/** The organisation's campaigns; `custodian`: only those where he answers for a carrier. */
export async function listCampaignRows(
  sql: Sql,
  orgId: string,
  q: { status?: CampaignStatus; custodian?: string; limit: number; offset: number },
  counts: CountFilter,
): Promise<{ items: CampaignRow[]; total: number }> {
  const mine = (id: string) =>
    k<SqlBool>`EXISTS (SELECT 1 FROM carrier_campaign_item x WHERE x.campaign_id = g.id AND x.custodian_person_id = ${id}::uuid)`;
  let qb = campaignRows(sql, counts).where('g.org_id', '=', orgId);
  if (q.status) qb = qb.where('g.status', '=', q.status);
  if (q.custodian) qb = qb.where(mine(q.custodian));
  const items = (
    await qb.orderBy('g.opened_at', 'desc').orderBy('g.id').limit(q.limit).offset(q.offset).execute()
  ).map(unpack);
  let c = kdb(sql)
    .selectFrom('carrier_campaign as g')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('g.org_id', '=', orgId);
  if (q.status) c = c.where('g.status', '=', q.status);
  if (q.custodian) c = c.where(mine(q.custodian));
  return { items, total: Number((await c.executeTakeFirstOrThrow()).n) };
}

export interface CampaignWrite {
  orgId: string;
  kind: CampaignKind;
  title: string;
  scope: CampaignScope;
  departmentId: string | null;
  level: StateSecretLevel | null;
  batchId: string | null;
  openedByPersonId: string;
  note: string;
}

export async function insertCampaign(sql: Sql, w: CampaignWrite): Promise<string> {
  const r = await kdb(sql)
    .insertInto('carrier_campaign')
    .values({
      org_id: w.orgId,
      kind: w.kind,
      title: w.title,
      scope: w.scope,
      department_id: w.departmentId,
      level: w.level,
      batch_id: w.batchId,
      opened_by_person_id: w.openedByPersonId,
      note: w.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * R-CAR-09: freezes the list at opening — every carrier of the organisation in scope (not destroyed or
 * handed over) that the opener may read, with the person answering for it now (its holder: the
 * custodian while in the registry, the reader on loan). Returns how many.
 */
export async function freezeItems(
  sql: Sql,
  campaignId: string,
  w: Pick<CampaignWrite, 'orgId' | 'scope' | 'departmentId' | 'level' | 'batchId'>,
  visible: Expression<SqlBool>,
): Promise<number> {
  let sel = kdb(sql)
    .selectFrom('carrier as c')
    .select([
      k<string>`${campaignId}::uuid`.as('campaign_id'),
      'c.id as carrier_id',
      k<string>`coalesce(c.holder_person_id, c.custodian_person_id)`.as('custodian_person_id'),
      'c.status as status_at_open',
    ])
    .where('c.org_id', '=', w.orgId)
    .where('c.status', 'not in', ['destroyed', 'handed_over'])
    .where(visible);
  if (w.scope === 'department' && w.departmentId) sel = sel.where('c.department_id', '=', w.departmentId);
  if (w.scope === 'level' && w.level) sel = sel.where('c.level', '=', w.level);
  if (w.scope === 'batch' && w.batchId) sel = sel.where('c.batch_id', '=', w.batchId);
  const r = await kdb(sql)
    .insertInto('carrier_campaign_item')
    .columns(['campaign_id', 'carrier_id', 'custodian_person_id', 'status_at_open'])
    .expression(sel)
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Whether a batch (one document's copies) has carriers in the organisation. */
export async function batchInOrg(sql: Sql, orgId: string, batchId: string): Promise<boolean> {
  const r = await kdb(sql)
    .selectFrom('carrier')
    .select('id')
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}

export interface CampaignItemRow {
  campaignId: string;
  carrierId: string;
  title: string;
  copyNumber: number | null;
  docNumber: string;
  level: StateSecretLevel;
  marking: string;
  period: unknown;
  departmentName: string | null;
  custodianPersonId: string;
  custodianName: string;
  statusAtOpen: CarrierStatus;
  status: CarrierStatus;
  holderPersonId: string | null;
  holderName: string | null;
  carrierCustodianPersonId: string;
  carrierCustodianName: string;
  result: InventoryResult | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  note: string;
  incidentId: string | null;
}

const items = (sql: Sql) =>
  kdb(sql)
    .selectFrom('carrier_campaign_item as it')
    .innerJoin('carrier as c', 'c.id', 'it.carrier_id')
    .innerJoin('person as cu', 'cu.id', 'it.custodian_person_id')
    .innerJoin('person as kc', 'kc.id', 'c.custodian_person_id')
    .leftJoin('person as ho', 'ho.id', 'c.holder_person_id')
    .leftJoin('person as cb', 'cb.id', 'it.confirmed_by_person_id')
    .leftJoin('department as d', 'd.id', 'c.department_id')
    .select([
      'it.campaign_id as campaignId',
      'it.carrier_id as carrierId',
      'c.title',
      'c.copy_number as copyNumber',
      'c.doc_number as docNumber',
      k<StateSecretLevel>`c.level`.as('level'),
      'c.marking',
      'c.period',
      'd.name as departmentName',
      'it.custodian_person_id as custodianPersonId',
      'cu.name as custodianName',
      k<CarrierStatus>`it.status_at_open`.as('statusAtOpen'),
      k<CarrierStatus>`c.status`.as('status'),
      'c.holder_person_id as holderPersonId',
      'ho.name as holderName',
      'c.custodian_person_id as carrierCustodianPersonId',
      'kc.name as carrierCustodianName',
      k<InventoryResult | null>`it.result`.as('result'),
      'it.confirmed_at as confirmedAt',
      'cb.name as confirmedByName',
      'it.note',
      'it.incident_id as incidentId',
    ]);

/**
 * A campaign's items the reader may read (`visible`: the carrier read rule); `custodian`: his alone;
 * `limit`: the page's first rows (null: every one, as the report lists them).
 */
export async function campaignItems(
  sql: Sql,
  campaignId: string,
  visible: Expression<SqlBool>,
  custodian?: string,
  limit: number | null = 5000,
): Promise<CampaignItemRow[]> {
  let q = items(sql).where('it.campaign_id', '=', campaignId).where(visible);
  if (custodian) q = q.where('it.custodian_person_id', '=', custodian);
  q = q.orderBy(k`it.result IS NOT NULL`).orderBy('c.title_sort').orderBy('c.copy_number').orderBy('c.id');
  if (limit !== null) q = q.limit(limit);
  return (await q.execute()) as CampaignItemRow[];
}

/** One item; `lock`: FOR UPDATE of the item row first (two confirmations of it queue here). */
export async function getCampaignItem(
  sql: Sql,
  campaignId: string,
  carrierId: string,
  lock = false,
): Promise<CampaignItemRow | null> {
  if (lock)
    await kdb(sql)
      .selectFrom('carrier_campaign_item')
      .select('carrier_id')
      .where('campaign_id', '=', campaignId)
      .where('carrier_id', '=', carrierId)
      .forUpdate()
      .execute();
  return (
    ((await items(sql)
      .where('it.campaign_id', '=', campaignId)
      .where('it.carrier_id', '=', carrierId)
      .executeTakeFirst()) as CampaignItemRow | undefined) ?? null
  );
}

export async function setItemResult(
  sql: Sql,
  w: {
    campaignId: string;
    carrierId: string;
    result: InventoryResult;
    personId: string;
    note: string;
    incidentId: string | null;
  },
) {
  await kdb(sql)
    .updateTable('carrier_campaign_item')
    .set({
      result: w.result,
      confirmed_at: k`now()`,
      confirmed_by_person_id: w.personId,
      note: w.note,
      incident_id: w.incidentId,
    })
    .where('campaign_id', '=', w.campaignId)
    .where('carrier_id', '=', w.carrierId)
    .execute();
}

export async function closeCampaignRow(sql: Sql, id: string, personId: string) {
  await kdb(sql)
    .updateTable('carrier_campaign')
    .set({ status: 'closed', closed_at: k`now()`, closed_by_person_id: personId })
    .where('id', '=', id)
    .execute();
}

/** Open campaigns in which `personId` still has carriers to confirm (the custodian's todo). */
export async function pendingConfirmations(sql: Sql, orgId: string, personId: string) {
  return kdb(sql)
    .selectFrom('carrier_campaign_item as it')
    .innerJoin('carrier_campaign as g', 'g.id', 'it.campaign_id')
    .select(['g.id', 'g.title', 'g.opened_at as openedAt', (eb) => eb.fn.countAll<string>().as('n')])
    .where('g.org_id', '=', orgId)
    .where('g.status', '=', 'open')
    .where('it.custodian_person_id', '=', personId)
    .where('it.result', 'is', null)
    .groupBy(['g.id', 'g.title', 'g.opened_at'])
    .execute();
}
