// Every SQL statement of the incidents module (泄密事件). Kysely over the caller's Sql (the database or
// the current transaction).
import type { IncidentSource, IncidentStatus, KnowScope, StateSecretLevel } from '@baomi/domain';
import { type Expression, sql as k, type SqlBool } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface IncidentRow {
  id: string;
  orgId: string;
  title: string;
  level: StateSecretLevel;
  knowScope: KnowScope;
  source: IncidentSource;
  carrierId: string | null;
  campaignId: string | null;
  discoveredAt: Date;
  discoveredByPersonId: string;
  discoveredByName: string;
  custodianPersonId: string | null;
  custodianName: string | null;
  reportDeadline: Date;
  status: IncidentStatus;
  reportedAt: Date | null;
  reportedByName: string | null;
  reportNote: string;
}

const base = (sql: Sql) =>
  kdb(sql)
    .selectFrom('incident as i')
    .innerJoin('person as d', 'd.id', 'i.discovered_by_person_id')
    .leftJoin('person as cu', 'cu.id', 'i.custodian_person_id')
    .leftJoin('person as rp', 'rp.id', 'i.reported_by_person_id')
    .select([
      'i.id',
      'i.org_id as orgId',
      'i.title',
      k<StateSecretLevel>`i.level`.as('level'),
      k<KnowScope>`i.know_scope`.as('knowScope'),
      k<IncidentSource>`i.source`.as('source'),
      'i.carrier_id as carrierId',
      'i.campaign_id as campaignId',
      'i.discovered_at as discoveredAt',
      'i.discovered_by_person_id as discoveredByPersonId',
      'd.name as discoveredByName',
      'i.custodian_person_id as custodianPersonId',
      'cu.name as custodianName',
      'i.report_deadline as reportDeadline',
      k<IncidentStatus>`i.status`.as('status'),
      'i.reported_at as reportedAt',
      'rp.name as reportedByName',
      'i.report_note as reportNote',
    ]);

export type IncidentQuery = ReturnType<typeof base>;

export async function getIncident(sql: Sql, id: string, lock = false): Promise<IncidentRow | null> {
  if (lock) await kdb(sql).selectFrom('incident').select('id').where('id', '=', id).forUpdate().execute();
  return ((await base(sql).where('i.id', '=', id).executeTakeFirst()) as IncidentRow | undefined) ?? null;
}

export async function listIncidentRows(
  sql: Sql,
  orgId: string,
  visible: Expression<SqlBool>,
  q: { status?: IncidentStatus; limit: number; offset: number },
): Promise<{ items: IncidentRow[]; total: number }> {
  let qb = base(sql).where('i.org_id', '=', orgId).where(visible);
  if (q.status) qb = qb.where('i.status', '=', q.status);
  const items = (await qb
    .orderBy('i.discovered_at', 'desc')
    .orderBy('i.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute()) as IncidentRow[];
  let c = kdb(sql)
    .selectFrom('incident as i')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.org_id', '=', orgId)
    .where(visible);
  if (q.status) c = c.where('i.status', '=', q.status);
  return { items, total: Number((await c.executeTakeFirstOrThrow()).n) };
}

/** The organisation's unreported incidents the reader may read (the todo). */
export async function openIncidentRows(sql: Sql, orgId: string, visible: Expression<SqlBool>) {
  return (await base(sql)
    .where('i.org_id', '=', orgId)
    .where('i.status', '=', 'open')
    .where(visible)
    .orderBy('i.report_deadline')
    .limit(200)
    .execute()) as IncidentRow[];
}

export interface IncidentWrite {
  orgId: string;
  title: string;
  level: StateSecretLevel;
  knowScope: KnowScope;
  source: IncidentSource;
  carrierId: string | null;
  campaignId: string | null;
  discoveredAt: Date;
  discoveredByPersonId: string;
  custodianPersonId: string | null;
  reportDeadline: Date;
}

export async function insertIncident(sql: Sql, w: IncidentWrite): Promise<string> {
  const r = await kdb(sql)
    .insertInto('incident')
    .values({
      org_id: w.orgId,
      title: w.title,
      level: w.level,
      know_scope: JSON.stringify(w.knowScope),
      source: w.source,
      carrier_id: w.carrierId,
      campaign_id: w.campaignId,
      discovered_at: w.discoveredAt,
      discovered_by_person_id: w.discoveredByPersonId,
      custodian_person_id: w.custodianPersonId,
      report_deadline: w.reportDeadline,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setReported(sql: Sql, id: string, personId: string, at: Date, note: string) {
  await kdb(sql)
    .updateTable('incident')
    .set({ status: 'reported', reported_at: at, reported_by_person_id: personId, report_note: note })
    .where('id', '=', id)
    .execute();
}
