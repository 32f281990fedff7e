// R-DES-04/05: designators (定密责任人) — appointments by the statutory designator, absences, and
// "may this designator decide on that day, and in which role". checkAppointment, checkAbsence and
// mayDecide decide; this file fetches the facts, writes and audits in one transaction.
import {
  checkAbsence,
  checkAppointment,
  conflict,
  type Designator,
  type DesignatorRole,
  forbidden,
  type MayDecideResult,
  mayDecide,
  notFound,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { grantRole } from '../people/queries.ts';
import { type Caller, throwIfRefused } from './common.ts';
import {
  type AbsenceRow,
  cancelAbsenceRow,
  type DesignatorRecord,
  getAbsence,
  getDesignator,
  getPerson,
  insertAbsence,
  insertDesignator,
  listDesignators,
  openAbsences,
  toDomainAbsence,
  toDomainDesignator,
} from './designators.queries.ts';

const DESIGNATOR = { zh: '定密责任人', en: 'Designator' };
const PERSON = { zh: '人员', en: 'Person' };
const ABSENCE = { zh: '缺位登记', en: 'Absence record' };

export interface AppointInput {
  personId: string;
  role: DesignatorRole;
  partnerPersonId?: string;
  letterRef: string;
  certificateNumber: string;
  certificateValidUntil: string;
  vetted: boolean;
}

export interface AbsenceInput {
  reason: string;
  from: string;
  to: string;
}

export interface DesignatorView extends DesignatorRecord {
  /** Absences not cancelled that end today or later. */
  absences: AbsenceRow[];
}

/** A designator of the caller's own organisation, else 404 (other organisations are never revealed). */
async function ownDesignator(sql: Sql, caller: Caller, personId: string): Promise<DesignatorRecord> {
  const d = await getDesignator(sql, personId);
  if (!d || d.orgId !== caller.orgId) throw notFound(DESIGNATOR);
  return d;
}

export async function designatorsOf(sql: Sql, caller: Caller, today: string): Promise<DesignatorView[]> {
  const list = await listDesignators(sql, caller.orgId);
  const absences = await openAbsences(
    sql,
    list.map((d) => d.personId),
    today,
  );
  return list.map((d) => ({ ...d, absences: absences.filter((a) => a.personId === d.personId) }));
}

/**
 * R-DES-04: the statutory designator (leader + designator, no appointment) appoints a person of his
 * organisation, with letter, unexpired certificate and vetting; an appointed designator cannot
 * appoint. A B names its A (R-DES-05). The person receives the business role 'designator' in the
 * same transaction.
 */
export async function appoint(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  raw: AppointInput,
  today: string,
): Promise<DesignatorView> {
  const input = { ...raw, letterRef: raw.letterRef.trim(), certificateNumber: raw.certificateNumber.trim() };
  const person = await getPerson(sql, input.personId);
  if (!person || person.orgId !== caller.orgId) throw notFound(PERSON, 'personId');
  if (input.partnerPersonId !== undefined && input.partnerPersonId !== input.personId) {
    const partner = await getDesignator(sql, input.partnerPersonId);
    if (!partner || partner.orgId !== caller.orgId) throw notFound(DESIGNATOR, 'partnerPersonId');
    const want: DesignatorRole = input.role === 'B' ? 'A' : 'B';
    if (partner.role !== want) {
      throw conflict({
        code: 'partner_role_mismatch',
        rule: 'R-DES-05',
        field: 'partnerPersonId',
        zh: `${input.role}角的搭档必须是${want}角定密责任人，${partner.name}是${partner.role}角`,
        en: `The partner of a ${input.role} designator must be an ${want} designator; ${partner.name} is ${partner.role}`,
      });
    }
  }
  const own = await getDesignator(sql, caller.personId);
  const appointer: Designator =
    own && own.orgId === caller.orgId
      ? toDomainDesignator(own)
      : { personId: caller.personId, kind: 'appointed', role: 'A', vetted: false };
  const appointee: Designator = {
    personId: input.personId,
    kind: 'appointed',
    appointedBy: caller.personId,
    letterRef: input.letterRef,
    certificate: { number: input.certificateNumber, validUntil: input.certificateValidUntil },
    vetted: input.vetted,
    role: input.role,
    ...(input.partnerPersonId === undefined ? {} : { partnerPersonId: input.partnerPersonId }),
  };
  throwIfRefused(checkAppointment(appointer, appointee, today), 'invalid', {
    appointed_cannot_appoint: 'forbidden',
  });
  if (await getDesignator(sql, input.personId)) {
    throw conflict({
      code: 'already_designator',
      rule: 'R-DES-04',
      field: 'personId',
      zh: `${person.name}已是本单位的定密责任人`,
      en: `${person.name} is already a designator of the organisation`,
    });
  }
  await insertDesignator(sql, {
    person_id: input.personId,
    org_id: caller.orgId,
    kind: 'appointed',
    role: input.role,
    partner_person_id: input.partnerPersonId ?? null,
    appointed_by_person_id: caller.personId,
    letter_ref: input.letterRef,
    certificate_number: input.certificateNumber,
    certificate_valid_until: input.certificateValidUntil,
    vetted: input.vetted,
    created_by: caller.accountId,
  });
  // The business role that lets the person act as designator; the person_role trigger tells every
  // node to drop its session cache when this commits.
  const granted = await grantRole(sql, input.personId, 'designator', caller.accountId);
  await appendAudit(sql, actor, {
    action: 'designation.designator.appoint',
    objectType: 'person',
    objectId: input.personId,
    summary: {
      name: person.name,
      role: input.role,
      partnerPersonId: input.partnerPersonId ?? null,
      letterRef: input.letterRef,
      certificateNumber: input.certificateNumber,
      certificateValidUntil: input.certificateValidUntil,
      roleGranted: granted,
    },
  });
  return { ...(await ownDesignator(sql, caller, input.personId)), absences: [] };
}

/** R-DES-05: the designator himself or the secrecy officer records, or cancels, an absence. */
function mayRecordFor(caller: Caller, personId: string): void {
  if (caller.personId === personId || caller.roles.includes('secrecy_officer')) return;
  throw forbidden({
    code: 'absence_not_allowed',
    rule: 'R-DES-05',
    zh: '只有定密责任人本人或保密员可以登记、撤销不能履行职责的情况',
    en: "Only the designator himself or the secrecy officer records or cancels a designator's absence",
  });
}

export async function recordAbsence(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  input: AbsenceInput,
): Promise<AbsenceRow> {
  const d = await ownDesignator(sql, caller, personId);
  mayRecordFor(caller, personId);
  const reason = input.reason.trim();
  throwIfRefused(checkAbsence({ personId, reason, from: input.from, to: input.to }), 'invalid');
  const id = await insertAbsence(sql, {
    person_id: personId,
    org_id: d.orgId,
    reason,
    absent_from: input.from,
    absent_to: input.to,
    recorded_by: caller.accountId,
  });
  await appendAudit(sql, actor, {
    action: 'designation.absence.record',
    objectType: 'designator_absence',
    objectId: id,
    summary: { personId, name: d.name, reason, from: input.from, to: input.to },
  });
  return (await getAbsence(sql, id))!;
}

export async function cancelAbsence(sql: Sql, actor: Actor, caller: Caller, id: string): Promise<AbsenceRow> {
  const a = await getAbsence(sql, id, true);
  if (!a || a.orgId !== caller.orgId) throw notFound(ABSENCE);
  mayRecordFor(caller, a.personId);
  if (a.cancelledAt !== null) {
    throw conflict({
      code: 'absence_already_cancelled',
      rule: 'R-DES-05',
      zh: '该缺位登记已撤销',
      en: 'The absence record was already cancelled',
    });
  }
  await cancelAbsenceRow(sql, id, caller.accountId);
  await appendAudit(sql, actor, {
    action: 'designation.absence.cancel',
    objectType: 'designator_absence',
    objectId: id,
    summary: { personId: a.personId, from: a.from, to: a.to },
  });
  return (await getAbsence(sql, id))!;
}

export interface MayDecideAnswer extends MayDecideResult {
  personId: string;
  name: string;
  kind: DesignatorRecord['kind'];
  date: string;
}

/** R-DES-04/05: mayDecide for a designator of the caller's organisation on `date`. */
export async function mayDecideOn(
  sql: Sql,
  caller: Caller,
  personId: string,
  date: string,
): Promise<MayDecideAnswer> {
  const d = await ownDesignator(sql, caller, personId);
  const people = d.partnerPersonId ? [d.personId, d.partnerPersonId] : [d.personId];
  const absences = (await openAbsences(sql, people, date)).map(toDomainAbsence);
  return {
    personId: d.personId,
    name: d.name,
    kind: d.kind,
    date,
    ...mayDecide(toDomainDesignator(d), absences, date),
  };
}
