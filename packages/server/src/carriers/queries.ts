// Every SQL statement of the carriers module (涉密载体): carriers, their timeline (carrier_step,
// append-only) and destructions. Names of people and departments are joined read-only for display.
import type {
  CarrierKind,
  CarrierOrigin,
  CarrierStatus,
  DestructionMethod,
  DistributionClass,
  KnowScope,
  Period,
  StateSecretLevel,
  StepKind,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { sortKey } from '../db/sortkey.ts';

export interface CarrierRow {
  id: string;
  orgId: string;
  departmentId: string | null;
  departmentName: string | null;
  kind: CarrierKind;
  origin: CarrierOrigin;
  title: string;
  docNumber: string;
  sender: string;
  batchId: string;
  copyNumber: number | null;
  level: StateSecretLevel;
  period: Period;
  marking: string;
  issueDate: string;
  distributionClass: DistributionClass | null;
  lineOfWorkDepartmentIds: string[];
  widenedPersonIds: string[];
  knowScope: KnowScope;
  central: boolean;
  sourceCarrierId: string | null;
  stamp: string;
  mediumSerial: string;
  status: CarrierStatus;
  custodianPersonId: string;
  custodianName: string;
  holderPersonId: string | null;
  holderName: string | null;
  outSince: string | null;
  dueDate: string | null;
  destructionId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Carriers alone (the ledger's page keys and its count need no join). */
export const carriersOnly = (sql: Sql) => kdb(sql).selectFrom('carrier as c');

/** Their custodian, holder and department (one row each at most). */
export const carrierJoins = (qb: ReturnType<typeof carriersOnly>) =>
  qb
    .innerJoin('person as cu', 'cu.id', 'c.custodian_person_id')
    .leftJoin('person as ho', 'ho.id', 'c.holder_person_id')
    .leftJoin('department as d', 'd.id', 'c.department_id');

export const carriersFrom = (sql: Sql) => carrierJoins(carriersOnly(sql));

export const carrierColumns = (qb: ReturnType<typeof carriersFrom>) =>
  qb
    .select([
      'c.id',
      'c.org_id as orgId',
      'c.department_id as departmentId',
      'd.name as departmentName',
      'c.kind',
      'c.origin',
      'c.title',
      'c.doc_number as docNumber',
      'c.sender',
      'c.batch_id as batchId',
      'c.copy_number as copyNumber',
      'c.level',
      'c.period',
      'c.marking',
      k<string>`to_char(c.issue_date, 'YYYY-MM-DD')`.as('issueDate'),
      'c.distribution_class as distributionClass',
      'c.line_of_work_department_ids as lineOfWorkDepartmentIds',
      'c.widened_person_ids as widenedPersonIds',
      'c.know_scope as knowScope',
      'c.central',
      'c.source_carrier_id as sourceCarrierId',
      'c.stamp',
      'c.medium_serial as mediumSerial',
      'c.status',
      'c.custodian_person_id as custodianPersonId',
      'cu.name as custodianName',
      'c.holder_person_id as holderPersonId',
      'ho.name as holderName',
      k<string | null>`to_char(c.out_since, 'YYYY-MM-DD')`.as('outSince'),
      k<string | null>`to_char(c.due_date, 'YYYY-MM-DD')`.as('dueDate'),
      'c.destruction_id as destructionId',
      'c.version',
      'c.created_at as createdAt',
      'c.updated_at as updatedAt',
    ])
    .$castTo<CarrierRow>();

/**
 * Locks carrier rows (FOR UPDATE, in id order): two registrars acting at once queue here. Locked alone,
 * then read whole: a joined name read under the lock would be the one from before the wait.
 */
async function lockCarriers(sql: Sql, ids: readonly string[]): Promise<void> {
  await kdb(sql)
    .selectFrom('carrier')
    .select('id')
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** One carrier; `lock`: FOR UPDATE of the carrier row first. */
export async function getCarrier(sql: Sql, id: string, lock = false): Promise<CarrierRow | null> {
  if (lock) await lockCarriers(sql, [id]);
  return (await carrierColumns(carriersFrom(sql)).where('c.id', '=', id).executeTakeFirst()) ?? null;
}

export async function getCarriers(sql: Sql, ids: readonly string[], lock = false): Promise<CarrierRow[]> {
  if (ids.length === 0) return [];
  if (lock) await lockCarriers(sql, ids);
  const q = carrierColumns(carriersFrom(sql))
    .where('c.id', 'in', [...ids])
    .orderBy('c.created_at')
    .orderBy('c.copy_number')
    .orderBy('c.id');
  return q.execute();
}

export interface CarrierWrite {
  orgId: string;
  departmentId: string | null;
  kind: CarrierKind;
  origin: CarrierOrigin;
  title: string;
  docNumber: string;
  sender: string;
  batchId: string;
  copyNumber: number | null;
  level: StateSecretLevel;
  period: Period;
  marking: string;
  issueDate: string;
  distributionClass: DistributionClass | null;
  lineOfWorkDepartmentIds: readonly string[];
  knowScope: KnowScope;
  central: boolean;
  sourceCarrierId: string | null;
  stamp: string;
  mediumSerial: string;
  status: CarrierStatus;
  custodianPersonId: string;
  destructionId: string | null;
  createdBy: string;
}

export async function insertCarrier(sql: Sql, w: CarrierWrite): Promise<string> {
  const r = await kdb(sql)
    .insertInto('carrier')
    .values({
      org_id: w.orgId,
      department_id: w.departmentId,
      kind: w.kind,
      origin: w.origin,
      title: w.title,
      title_sort: sortKey(w.title),
      doc_number: w.docNumber,
      sender: w.sender,
      batch_id: w.batchId,
      copy_number: w.copyNumber,
      level: w.level,
      period: JSON.stringify(w.period),
      marking: w.marking,
      issue_date: w.issueDate,
      distribution_class: w.distributionClass,
      line_of_work_department_ids: JSON.stringify(w.lineOfWorkDepartmentIds),
      know_scope: JSON.stringify(w.knowScope),
      central: w.central,
      source_carrier_id: w.sourceCarrierId,
      stamp: w.stamp,
      medium_serial: w.mediumSerial,
      status: w.status,
      custodian_person_id: w.custodianPersonId,
      holder_person_id: w.custodianPersonId,
      destruction_id: w.destructionId,
      created_by: w.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The state a step leaves the carrier in. */
export interface StateWrite {
  status: CarrierStatus;
  holderPersonId: string | null;
  custodianPersonId: string;
  outSince: string | null;
  dueDate: string | null;
  destructionId: string | null;
}

export async function updateCarrierState(sql: Sql, id: string, s: StateWrite): Promise<void> {
  await kdb(sql)
    .updateTable('carrier')
    .set({
      status: s.status,
      holder_person_id: s.holderPersonId,
      custodian_person_id: s.custodianPersonId,
      out_since: s.outSince,
      due_date: s.dueDate,
      destruction_id: s.destructionId,
      version: k`version + 1`,
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export interface StepWrite {
  carrierId: string;
  orgId: string;
  kind: StepKind;
  actorPersonId: string | null;
  actorAccountId: string | null;
  statusAfter: CarrierStatus;
  holderPersonId: string | null;
  toPersonId?: string | null;
  dueDate?: string | null;
  details?: Record<string, unknown>;
  note?: string;
}

/** R-CAR-01: appends one step to the carrier's timeline (the next sequence number, under the row lock). */
export async function insertStep(sql: Sql, s: StepWrite): Promise<void> {
  await kdb(sql)
    .insertInto('carrier_step')
    .values({
      carrier_id: s.carrierId,
      org_id: s.orgId,
      seq: k<number>`(SELECT coalesce(max(seq), 0) + 1 FROM carrier_step WHERE carrier_id = ${s.carrierId}::uuid)`,
      kind: s.kind,
      actor_person_id: s.actorPersonId,
      actor_account_id: s.actorAccountId,
      status_after: s.statusAfter,
      holder_person_id: s.holderPersonId,
      to_person_id: s.toPersonId ?? null,
      due_date: s.dueDate ?? null,
      details: JSON.stringify(s.details ?? {}),
      note: s.note ?? '',
    })
    .execute();
}

export interface StepRow {
  seq: number;
  kind: StepKind;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  statusAfter: CarrierStatus;
  holderPersonId: string | null;
  holderName: string | null;
  toPersonId: string | null;
  toName: string | null;
  dueDate: string | null;
  details: Record<string, unknown>;
  note: string;
}

/** The carrier's timeline, in order. */
export async function listSteps(sql: Sql, carrierId: string): Promise<StepRow[]> {
  return kdb(sql)
    .selectFrom('carrier_step as s')
    .leftJoin('person as a', 'a.id', 's.actor_person_id')
    .leftJoin('person as h', 'h.id', 's.holder_person_id')
    .leftJoin('person as t', 't.id', 's.to_person_id')
    .select([
      's.seq',
      's.kind',
      's.at',
      's.actor_person_id as actorPersonId',
      'a.name as actorName',
      's.status_after as statusAfter',
      's.holder_person_id as holderPersonId',
      'h.name as holderName',
      's.to_person_id as toPersonId',
      't.name as toName',
      k<string | null>`to_char(s.due_date, 'YYYY-MM-DD')`.as('dueDate'),
      's.details',
      's.note',
    ])
    .where('s.carrier_id', '=', carrierId)
    .orderBy('s.seq')
    .$castTo<StepRow>()
    .execute();
}

/** Names of people (supervisors, readers) of one organisation, by id; others are left out. */
export async function peopleOfOrg(
  sql: Sql,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return kdb(sql)
    .selectFrom('person')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

// ---- destructions

export interface DestructionRow {
  id: string;
  orgId: string;
  departmentId: string | null;
  reason: string;
  requestedByPersonId: string;
  requestedByName: string;
  approvalId: string | null;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'done';
  method: DestructionMethod | null;
  supervisorPersonIds: string[];
  place: string;
  destroyedAt: Date | null;
  createdAt: Date;
}

export async function insertDestruction(
  sql: Sql,
  w: { orgId: string; departmentId: string | null; reason: string; requestedByPersonId: string },
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('carrier_destruction')
    .values({
      org_id: w.orgId,
      department_id: w.departmentId,
      reason: w.reason,
      requested_by_person_id: w.requestedByPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertDestructionItems(sql: Sql, destructionId: string, carrierIds: readonly string[]) {
  if (carrierIds.length === 0) return;
  await kdb(sql)
    .insertInto('carrier_destruction_item')
    .values(carrierIds.map((carrier_id) => ({ destruction_id: destructionId, carrier_id })))
    .execute();
}

export async function setDestructionApproval(sql: Sql, id: string, approvalId: string) {
  await kdb(sql)
    .updateTable('carrier_destruction')
    .set({ approval_id: approvalId })
    .where('id', '=', id)
    .execute();
}

export async function setDestructionStatus(sql: Sql, id: string, status: DestructionRow['status']) {
  await kdb(sql).updateTable('carrier_destruction').set({ status }).where('id', '=', id).execute();
}

export async function completeDestruction(
  sql: Sql,
  id: string,
  w: { method: DestructionMethod; supervisorPersonIds: readonly string[]; place: string; byPersonId: string },
) {
  await kdb(sql)
    .updateTable('carrier_destruction')
    .set({
      status: 'done',
      method: w.method,
      supervisor_person_ids: JSON.stringify(w.supervisorPersonIds),
      place: w.place,
      destroyed_at: k`now()`,
      destroyed_by_person_id: w.byPersonId,
    })
    .where('id', '=', id)
    .execute();
}

export async function getDestruction(sql: Sql, id: string, lock = false): Promise<DestructionRow | null> {
  const q = kdb(sql)
    .selectFrom('carrier_destruction as x')
    .innerJoin('person as r', 'r.id', 'x.requested_by_person_id')
    .select([
      'x.id',
      'x.org_id as orgId',
      'x.department_id as departmentId',
      'x.reason',
      'x.requested_by_person_id as requestedByPersonId',
      'r.name as requestedByName',
      'x.approval_id as approvalId',
      'x.status',
      'x.method',
      'x.supervisor_person_ids as supervisorPersonIds',
      'x.place',
      'x.destroyed_at as destroyedAt',
      'x.created_at as createdAt',
    ])
    .where('x.id', '=', id)
    .$castTo<DestructionRow>();
  return (await (lock ? q.forUpdate('x') : q).executeTakeFirst()) ?? null;
}

export async function destructionCarrierIds(sql: Sql, destructionId: string): Promise<string[]> {
  const rows = await kdb(sql)
    .selectFrom('carrier_destruction_item')
    .select('carrier_id')
    .where('destruction_id', '=', destructionId)
    .execute();
  return rows.map((r) => r.carrier_id);
}

/** Carriers of an organisation whose loan or take-out is past its due date (todos, the daily job). */
export function overdueCondition(today: string) {
  return k<SqlBool>`(c.status IN ('on_loan', 'taken_out') AND c.due_date < ${today}::date)`;
}

export async function countOverdue(sql: Sql, today: string): Promise<number> {
  const r = await carriersOnly(sql)
    .select(k<number>`count(*)::int`.as('n'))
    .where(overdueCondition(today))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Which of `ids` are departments of the organisation. */
export async function departmentsOfOrg(sql: Sql, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await kdb(sql)
    .selectFrom('department')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

// ---- copy requests (R-CAR-05)

export interface CopyRequestRow {
  id: string;
  orgId: string;
  carrierId: string;
  kind: 'copy' | 'excerpt' | 'scan';
  copies: number;
  purpose: string;
  consent: { organ: string; reference: string } | null;
  requestedByPersonId: string;
  approvalId: string | null;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'done';
  madeCarrierIds: string[];
  createdAt: Date;
}

export async function insertCopyRequest(
  sql: Sql,
  w: Pick<
    CopyRequestRow,
    'orgId' | 'carrierId' | 'kind' | 'copies' | 'purpose' | 'consent' | 'requestedByPersonId'
  >,
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('carrier_copy_request')
    .values({
      org_id: w.orgId,
      carrier_id: w.carrierId,
      kind: w.kind,
      copies: w.copies,
      purpose: w.purpose,
      consent: w.consent ? JSON.stringify(w.consent) : null,
      requested_by_person_id: w.requestedByPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function getCopyRequest(sql: Sql, id: string, lock = false): Promise<CopyRequestRow | null> {
  const q = kdb(sql)
    .selectFrom('carrier_copy_request')
    .select([
      'id',
      'org_id as orgId',
      'carrier_id as carrierId',
      'kind',
      'copies',
      'purpose',
      'consent',
      'requested_by_person_id as requestedByPersonId',
      'approval_id as approvalId',
      'status',
      'made_carrier_ids as madeCarrierIds',
      'created_at as createdAt',
    ])
    .where('id', '=', id)
    .$castTo<CopyRequestRow>();
  return (await (lock ? q.forUpdate() : q).executeTakeFirst()) ?? null;
}

export async function updateCopyRequest(
  sql: Sql,
  id: string,
  w: { approvalId?: string; status?: CopyRequestRow['status']; madeCarrierIds?: string[] },
) {
  await kdb(sql)
    .updateTable('carrier_copy_request')
    .set({
      ...(w.approvalId ? { approval_id: w.approvalId } : {}),
      ...(w.status ? { status: w.status } : {}),
      ...(w.madeCarrierIds ? { made_carrier_ids: JSON.stringify(w.madeCarrierIds) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The organisation's name (the copier's stamp, R-CAR-05). */
export async function orgName(sql: Sql, orgId: string): Promise<string> {
  const r = await kdb(sql).selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirst();
  return r?.name ?? '';
}

// ---- take-outs (R-CAR-06, R-CAR-10)

export interface TakeOutRow {
  id: string;
  orgId: string;
  carrierId: string;
  personId: string;
  purpose: string;
  destination: string;
  place: 'meeting' | 'work_visit' | 'sightseeing' | 'private_visit' | 'public_place';
  from: string;
  to: string;
  abroad: boolean;
  exitPermit: string;
  safeBox: boolean;
  travellerIds: string[];
  approvalId: string | null;
  status: 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'out' | 'back';
  createdAt: Date;
}

export async function insertTakeOut(
  sql: Sql,
  w: Omit<TakeOutRow, 'id' | 'approvalId' | 'status' | 'createdAt'> & { requestedByPersonId: string },
): Promise<string> {
  const r = await kdb(sql)
    .insertInto('carrier_take_out')
    .values({
      org_id: w.orgId,
      carrier_id: w.carrierId,
      person_id: w.personId,
      purpose: w.purpose,
      destination: w.destination,
      place: w.place,
      from_date: w.from,
      to_date: w.to,
      abroad: w.abroad,
      exit_permit: w.exitPermit,
      safe_box: w.safeBox,
      traveller_ids: JSON.stringify(w.travellerIds),
      requested_by_person_id: w.requestedByPersonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function getTakeOut(sql: Sql, id: string, lock = false): Promise<TakeOutRow | null> {
  const q = kdb(sql)
    .selectFrom('carrier_take_out')
    .select([
      'id',
      'org_id as orgId',
      'carrier_id as carrierId',
      'person_id as personId',
      'purpose',
      'destination',
      'place',
      k<string>`to_char(from_date, 'YYYY-MM-DD')`.as('from'),
      k<string>`to_char(to_date, 'YYYY-MM-DD')`.as('to'),
      'abroad',
      'exit_permit as exitPermit',
      'safe_box as safeBox',
      'traveller_ids as travellerIds',
      'approval_id as approvalId',
      'status',
      'created_at as createdAt',
    ])
    .where('id', '=', id)
    .$castTo<TakeOutRow>();
  return (await (lock ? q.forUpdate() : q).executeTakeFirst()) ?? null;
}

export async function updateTakeOut(
  sql: Sql,
  id: string,
  w: { approvalId?: string; status?: TakeOutRow['status'] },
) {
  await kdb(sql)
    .updateTable('carrier_take_out')
    .set({
      ...(w.approvalId ? { approval_id: w.approvalId } : {}),
      ...(w.status ? { status: w.status } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The take-out a carrier is out on (status 'out'), if any. */
export async function openTakeOutOf(sql: Sql, carrierId: string): Promise<string | null> {
  const r = await kdb(sql)
    .selectFrom('carrier_take_out')
    .select('id')
    .where('carrier_id', '=', carrierId)
    .where('status', '=', 'out')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** The copy requests of a carrier, newest first. */
export async function listCopyRequests(sql: Sql, carrierId: string): Promise<CopyRequestRow[]> {
  const rows = await kdb(sql)
    .selectFrom('carrier_copy_request')
    .select('id')
    .where('carrier_id', '=', carrierId)
    .orderBy('created_at', 'desc')
    .execute();
  const out: CopyRequestRow[] = [];
  for (const r of rows) out.push((await getCopyRequest(sql, r.id))!);
  return out;
}

/** The take-outs of a carrier, newest first. */
export async function listTakeOuts(sql: Sql, carrierId: string): Promise<TakeOutRow[]> {
  const rows = await kdb(sql)
    .selectFrom('carrier_take_out')
    .select('id')
    .where('carrier_id', '=', carrierId)
    .orderBy('created_at', 'desc')
    .execute();
  const out: TakeOutRow[] = [];
  for (const r of rows) out.push((await getTakeOut(sql, r.id))!);
  return out;
}

/** R-CAR-03: adds a person the responsible leader admitted beyond the distribution class. */
export async function addWidenedPerson(sql: Sql, id: string, personId: string) {
  await kdb(sql)
    .updateTable('carrier')
    .set({
      widened_person_ids: k`(SELECT coalesce(jsonb_agg(DISTINCT x), '[]') FROM jsonb_array_elements(widened_person_ids || to_jsonb(${personId}::text)) x)`,
      version: k`version + 1`,
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}
