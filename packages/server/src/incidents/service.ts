// 泄密事件 use cases (R-INC-01): open an incident (the one function other modules call — the carriers
// module when an inventory finds a carrier missing), read it under the one read rule (every detail read
// audited), list, and mark it reported. Its deadline is 24 hours after discovery on the clock.
import type * as C from '@baomi/api/incidents.ts';
import {
  abilityOf,
  checkMarkReported,
  chinaTime,
  deadlineState,
  enforce,
  evaluateRead,
  hiddenRecord,
  INCIDENT_READ,
  type IncidentSource,
  incidentDeadline,
  type KnowScope,
  notFound,
  type ReadableRecord,
  type Reader,
  readRefused,
  type StateSecretLevel,
} from '@baomi/domain';
import { sql as k, type SqlBool } from 'kysely';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { type ReadColumns, readFilter } from '../db/access-sql.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import {
  getIncident,
  type IncidentRow,
  insertIncident,
  listIncidentRows,
  openIncidentRows,
  setReported,
} from './queries.ts';

export const INCIDENT = { zh: '泄密事件', en: 'Leak incident' };

/** What another module hands over when it discovers a (suspected) leak. */
export interface NewIncident {
  orgId: string;
  title: string;
  level: StateSecretLevel;
  knowScope: KnowScope;
  source: IncidentSource;
  carrierId?: string | null;
  campaignId?: string | null;
  /** Now, unless the discovery is recorded later than it happened. */
  discoveredAt?: Date;
  discoveredByPersonId: string;
  custodianPersonId?: string | null;
}

/**
 * R-INC-01: records an incident at once, with its 24-hour deadline on the clock, in the caller's
 * transaction, and audits it. The todo to the secrecy officers and the leader follows from the record.
 */
export async function openIncident(
  sql: Sql,
  actor: Actor,
  n: NewIncident,
): Promise<{ id: string; reportDeadline: Date }> {
  const discoveredAt = n.discoveredAt ?? new Date();
  const reportDeadline = incidentDeadline(discoveredAt);
  const id = await insertIncident(sql, {
    orgId: n.orgId,
    title: n.title,
    level: n.level,
    knowScope: n.knowScope,
    source: n.source,
    carrierId: n.carrierId ?? null,
    campaignId: n.campaignId ?? null,
    discoveredAt,
    discoveredByPersonId: n.discoveredByPersonId,
    custodianPersonId: n.custodianPersonId ?? null,
    reportDeadline,
  });
  await appendAudit(sql, actor, {
    action: 'incident.open',
    objectType: 'incident',
    objectId: id,
    summary: {
      level: n.level,
      source: n.source,
      custodianPersonId: n.custodianPersonId ?? null,
      reportDeadline: chinaTime(reportDeadline),
    },
  });
  return { id, reportDeadline };
}

const readerOf = (c: Caller): Reader => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  position: c.position,
  clearance: c.clearance,
  roles: c.roles,
});

const READ_COLUMNS: ReadColumns = {
  orgId: k`i.org_id`,
  level: k`i.level`,
  status: k`i.status`,
  handlerPersonId: k`i.custodian_person_id`,
  knowScope: k`i.know_scope`,
  sentTo: () => k<SqlBool>`FALSE`,
  decidedBy: () => k<SqlBool>`FALSE`,
};

/** The incidents `caller` may read: INCIDENT_READ compiled to SQL. */
export const incidentVisibility = (caller: Caller) =>
  readFilter(INCIDENT_READ, readerOf(caller), READ_COLUMNS);

const recordOf = (i: IncidentRow): ReadableRecord => ({
  orgId: i.orgId,
  level: i.level,
  status: i.status,
  handlerPersonId: i.custodianPersonId,
  knowScope: i.knowScope,
  sentTo: [],
  deciders: [],
});

/** The incident if `caller` may read it: 404 for unknown or another organisation's, 403 with reasons inside. */
export async function readableIncident(
  sql: Sql,
  caller: Caller,
  id: string,
  lock = false,
): Promise<IncidentRow> {
  const i = await getIncident(sql, id, lock);
  if (!i) throw notFound(INCIDENT);
  if (i.orgId !== caller.orgId) throw hiddenRecord(INCIDENT);
  if (evaluateRead(INCIDENT_READ, readerOf(caller), recordOf(i))) return i;
  throw readRefused(caller, { orgId: i.orgId, level: i.level, knowScope: i.knowScope }, INCIDENT);
}

/** As the contract sends it: the deadline in China time and where the report stands. */
export function toIncident(i: IncidentRow, now = new Date()) {
  const { orgId: _o, knowScope: _k, discoveredByPersonId: _d, ...rest } = i;
  return {
    ...rest,
    reportDeadlineText: chinaTime(i.reportDeadline),
    deadlineState: deadlineState(i, now),
  };
}

const mayReport = (c: Caller) => c.roles.includes('secrecy_officer') || c.roles.includes('leader');

function reportVerdict(caller: Caller, i: IncidentRow) {
  if (!mayReport(caller))
    return {
      allowed: false as const,
      kind: 'forbidden' as const,
      reason: {
        code: 'forbidden',
        rule: 'R-INC-01',
        zh: '只有保密员和单位领导可以登记泄密事件已报告',
        en: 'Only the secrecy officer and leaders record an incident as reported',
      },
    };
  return checkMarkReported(i);
}

/** The detail: one audited read. */
export async function incidentDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const i = await readableIncident(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'incident.read',
    objectType: 'incident',
    objectId: i.id,
    summary: { level: i.level, status: i.status },
  });
  return { ...toIncident(i), abilities: { report: abilityOf(reportVerdict(caller, i)) } };
}

export async function listIncidents(
  sql: Sql,
  caller: Caller,
  q: Omit<C.IncidentListQuery, 'page' | 'pageSize'>,
  paging: { limit: number; offset: number },
) {
  const r = await listIncidentRows(sql, caller.orgId, incidentVisibility(caller), {
    status: q.status,
    ...paging,
  });
  const now = new Date();
  return { items: r.items.map((i) => toIncident(i, now)), total: r.total };
}

/** R-INC-01: the secrecy officer or a leader records that the incident was reported (once). */
export async function markReported(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.ReportInput) {
  const i = await readableIncident(sql, caller, id, true);
  enforce(reportVerdict(caller, i));
  const at = new Date();
  await setReported(sql, i.id, caller.personId, at, input.note ?? '');
  await appendAudit(sql, actor, {
    action: 'incident.report',
    objectType: 'incident',
    objectId: i.id,
    summary: { level: i.level, late: at > i.reportDeadline },
  });
  const after = (await getIncident(sql, i.id))!;
  return { ...toIncident(after), abilities: { report: abilityOf(reportVerdict(caller, after)) } };
}

export { openIncidentRows };
