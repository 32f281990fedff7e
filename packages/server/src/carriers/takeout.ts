// R-CAR-06, R-CAR-10, R-CAR-05a: taking a carrier out of the office. The request names who carries it,
// where and why (never sightseeing, private visits or public places), the dates, and for abroad the exit
// permit, the safe box and the travellers (绝密 never leaves the country; 绝密 is carried by two or more
// people). The department head approves on the shared engine (CARRIER_TAKE_OUT_FLOW); the registrar then
// registers it out (held by the carrier-out, due back the day after it ends — the next morning) and
// back. Overdue take-outs are todos like overdue loans (overdue.ts).
import type * as C from '@baomi/api/carriers.ts';
import {
  CARRIER_TAKE_OUT_FLOW,
  checkAbroad,
  checkConveyance,
  checkTakeOutDates,
  checkTakeOutPlace,
  compareDates,
  enforce,
  formatCopyNumber,
  invalid,
  mayRead,
  nextCarrierState,
  notFound,
  type RuleViolation,
  refused,
  takeOutDueBack,
} from '@baomi/domain';
import type { ApprovalRow } from '../approvals/queries.ts';
import { openApproval, type SettleHandler, type SubjectLink } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { getPerson } from '../people/queries.ts';
import { stateOf } from './policy.ts';
import {
  getCarrier,
  getTakeOut,
  insertStep,
  insertTakeOut,
  openTakeOutOf,
  peopleOfOrg,
  type TakeOutRow,
  updateCarrierState,
  updateTakeOut,
} from './queries.ts';
import { readableCarrier } from './read.ts';

const TAKE_OUT = { zh: '携带外出申请', en: 'Take-out request' };

export const takeOutRowView = (r: TakeOutRow) => ({
  id: r.id,
  carrierId: r.carrierId,
  personId: r.personId,
  purpose: r.purpose,
  destination: r.destination,
  place: r.place,
  from: r.from,
  to: r.to,
  abroad: r.abroad,
  approvalId: r.approvalId,
  status: r.status,
  dueBack: takeOutDueBack(r.to).date,
  createdAt: r.createdAt,
});

const fail = (vs: RuleViolation[]): never => {
  throw invalid(vs[0]!, vs.length > 1 ? vs : undefined);
};

export async function requestTakeOut(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.TakeOutInput,
) {
  const c = await readableCarrier(sql, caller, id, true);
  const t = nextCarrierState(stateOf(c), { kind: 'take_out', byPersonId: input.personId });
  if (!t.ok) enforce(t.verdict);
  const out: RuleViolation[] = [];
  const place = checkTakeOutPlace(input.place);
  if (!place.ok) out.push(...place.violations);
  // R-CAR-06: from today on, not back-dated, at most MAX_TAKE_OUT_DAYS long (and never past year 9999).
  const dates = checkTakeOutDates(input.from, input.to, todayInChina());
  if (!dates.ok) out.push(...dates.violations);
  const travellers = [...new Set([input.personId, ...(input.travellerIds ?? [])])];
  if ((await peopleOfOrg(sql, c.orgId, travellers)).length !== travellers.length) {
    out.push({
      code: 'person_unknown',
      field: 'travellerIds',
      zh: '携带人须是本单位人员',
      en: 'The carriers-out must be people of this organisation',
    });
  }
  if (input.abroad) {
    const a = checkAbroad({
      level: c.level,
      exitPermit: (input.exitPermit ?? '').trim() !== '',
      safeBox: input.safeBox === true,
      travellers,
    });
    if (!a.ok) out.push(...a.violations);
  } else {
    const conv = checkConveyance(c.level, 'by_hand', travellers);
    if (!conv.ok) out.push(...conv.violations);
  }
  if (out.length) fail(out);
  // The person carrying it must be one who may read it (R-CAR-03 with the one access decision).
  const person = await getPerson(sql, input.personId);
  if (!person) throw notFound({ zh: '携带人', en: 'Carrier-out' }, 'personId');
  enforce(
    mayRead(
      { ...person, personId: person.id },
      {
        orgId: c.orgId,
        level: c.level,
        knowScope: c.knowScope,
        distributionClass: c.distributionClass,
        lineOfWorkDepartmentIds: c.lineOfWorkDepartmentIds,
        widenedPersonIds: c.widenedPersonIds,
      },
    ),
  );
  const reqId = await insertTakeOut(sql, {
    orgId: c.orgId,
    carrierId: c.id,
    personId: input.personId,
    purpose: input.purpose.trim(),
    destination: input.destination.trim(),
    place: input.place,
    from: input.from,
    to: input.to,
    abroad: input.abroad === true,
    exitPermit: (input.exitPermit ?? '').trim(),
    safeBox: input.safeBox === true,
    travellerIds: travellers,
    requestedByPersonId: caller.personId,
  });
  const approval = await openApproval(sql, actor, {
    flowType: CARRIER_TAKE_OUT_FLOW.type,
    subjectType: 'carrier_take_out',
    subjectId: reqId,
    title: `涉密载体携带外出审批${input.abroad ? '（出境）' : ''}`,
    orgId: c.orgId,
    departmentId: c.departmentId,
    initiatorPersonId: caller.personId,
    subject: {
      carrierIds: [
        [
          c.docNumber || '（无文号）',
          c.copyNumber === null ? '' : `第${formatCopyNumber(c.copyNumber)}份`,
          c.marking,
        ]
          .filter(Boolean)
          .join(' '),
      ],
      level: c.level, // R-PER-01: the engine hides and refuses it below this level
      destination: input.destination.trim(),
      from: input.from,
      to: input.to,
    },
  });
  await updateTakeOut(sql, reqId, { approvalId: approval.id });
  await appendAudit(sql, actor, {
    action: 'carrier.take_out_request',
    objectType: 'carrier',
    objectId: c.id,
    summary: {
      copyNumber: c.copyNumber,
      level: c.level,
      toPersonId: input.personId,
      abroad: input.abroad === true,
    },
  });
  return takeOutRowView((await getTakeOut(sql, reqId))!);
}

export async function takeOutView(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const r = await getTakeOut(sql, id);
  if (!r || r.orgId !== caller.orgId) throw notFound(TAKE_OUT);
  const c = await readableCarrier(sql, caller, r.carrierId);
  // It names the carrier, who carries it and where: an audited read (R-SYS-03).
  await appendAudit(sql, actor, {
    action: 'carrier.take_out_read',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, takeOutId: r.id },
  });
  return takeOutRowView(r);
}

/** R-CAR-06: register the approved take-out: the carrier-out holds it, due back the next morning. */
export async function registerTakeOut(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const r = await getTakeOut(sql, id, true);
  if (!r || r.orgId !== caller.orgId) throw notFound(TAKE_OUT);
  const c = await readableCarrier(sql, caller, r.carrierId, true);
  if (r.status !== 'approved') {
    enforce(
      refused('conflict', {
        code: 'take_out_not_approved',
        rule: 'R-CAR-06',
        field: 'approval',
        zh: '携带涉密载体外出须经批准，该申请尚未获批或已办理',
        en: 'Taking a carrier out needs approval, which this request does not have (or it is done)',
      }),
    );
  }
  const person = await getPerson(sql, r.personId);
  const t = nextCarrierState(stateOf(c), {
    kind: 'take_out',
    byPersonId: r.personId,
    byName: person?.name ?? null,
  });
  if (!t.ok) {
    enforce(t.verdict);
    return;
  }
  const due = takeOutDueBack(r.to).date;
  await updateCarrierState(sql, c.id, {
    status: t.state.status,
    holderPersonId: t.state.holderPersonId,
    custodianPersonId: c.custodianPersonId,
    outSince: todayInChina(),
    dueDate: due,
    destructionId: c.destructionId,
  });
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind: 'take_out',
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: t.state.status,
    holderPersonId: t.state.holderPersonId,
    toPersonId: r.personId,
    dueDate: due,
    details: { takeOutId: r.id, approvalId: r.approvalId, destination: r.destination, abroad: r.abroad },
  });
  await updateTakeOut(sql, r.id, { status: 'out' });
  await appendAudit(sql, actor, {
    action: 'carrier.take_out',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, toPersonId: r.personId, dueDate: due },
  });
  return takeOutRowView((await getTakeOut(sql, r.id))!);
}

/** R-CAR-06: brought back and handed in: the registry holds it again. */
export async function bringBack(sql: Sql, actor: Actor, caller: Caller, carrierId: string) {
  const c = await readableCarrier(sql, caller, carrierId, true);
  const t = nextCarrierState(stateOf(c), { kind: 'bring_back' });
  if (!t.ok) {
    enforce(t.verdict);
    return;
  }
  const late = c.dueDate !== null && compareDates(todayInChina(), c.dueDate) > 0;
  await updateCarrierState(sql, c.id, {
    status: t.state.status,
    holderPersonId: t.state.holderPersonId,
    custodianPersonId: c.custodianPersonId,
    outSince: null,
    dueDate: null,
    destructionId: c.destructionId,
  });
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind: 'bring_back',
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: t.state.status,
    holderPersonId: t.state.holderPersonId,
    details: { from: c.holderPersonId, late },
  });
  const open = await openTakeOutOf(sql, c.id);
  if (open) await updateTakeOut(sql, open, { status: 'back' });
  await appendAudit(sql, actor, {
    action: 'carrier.bring_back',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, fromPersonId: c.holderPersonId },
  });
  return (await getCarrier(sql, c.id))!;
}

export const takeOutSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const r = await getTakeOut(sql, approval.subjectId, true);
  if (!r || r.status === 'out' || r.status === 'back' || approval.status === 'pending') return;
  await updateTakeOut(sql, r.id, { status: approval.status });
  await appendAudit(sql, actor, {
    action: 'carrier.take_out_settled',
    objectType: 'carrier',
    objectId: r.carrierId,
    summary: { approval: approval.status },
  });
};

export const takeOutLink: SubjectLink = async (sql, subjectId) => {
  const r = await getTakeOut(sql, subjectId);
  return r ? `/carriers/${r.carrierId}` : null;
};
