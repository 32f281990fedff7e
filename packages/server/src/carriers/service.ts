// 涉密载体 use cases: receive, produce, loan / return / extend, the destruction list (through the one
// approval mechanism) and the destruction itself. The domain decides (markings, copy numbers, the
// state machine, reading scope, destruction's conditions); these functions fetch the facts under the
// carrier's row lock, write the new state and the step (R-CAR-01), and audit, in one transaction.
import { randomUUID } from 'node:crypto';
import type * as C from '@baomi/api/carriers.ts';
import {
  CARRIER_DESTRUCTION_LIST_FLOW,
  type CarrierEvent,
  type CarrierState,
  checkCarrierIssueDate,
  checkCopyNumbers,
  checkDestruction,
  checkExtension,
  checkLoanDue,
  checkMediumMarked,
  checkProduction,
  copyNumberRange,
  DESTRUCTION_METHODS,
  type DestructionMethod,
  DomainError,
  describeCarrierState as describe,
  enforce,
  formatCopyNumber,
  invalid,
  type Level,
  maxLevel,
  mayRead,
  nextCarrierState,
  notFound,
  parseCopyNumber,
  type RuleViolation,
  readCarrierMarking,
} from '@baomi/domain';
import type { ApprovalRow } from '../approvals/queries.ts';
import { openApproval, type SettleHandler, type SubjectLink } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { abilitiesOf, type Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { getPerson } from '../people/queries.ts';
import { DESTRUCTION, destructionRules, stateOf } from './policy.ts';
import {
  addWidenedPerson,
  type CarrierRow,
  type CarrierWrite,
  completeDestruction,
  departmentsOfOrg,
  destructionCarrierIds,
  getCarrier,
  getCarriers,
  getDestruction,
  insertCarrier,
  insertDestruction,
  insertDestructionItems,
  insertStep,
  peopleOfOrg,
  setDestructionApproval,
  setDestructionStatus,
  updateCarrierState,
} from './queries.ts';
import { readableCarrier, toCarrier } from './read.ts';

const refuse = (violations: readonly RuleViolation[]): never => {
  throw invalid(violations[0]!, violations.length > 1 ? [...violations] : undefined);
};

/** The registry's version check: a registrar who saw an older version acted on a stale page (409). */
function checkVersion(c: CarrierRow, version: number | undefined) {
  if (version === undefined || version === c.version) return;
  const now = stateOf(c);
  throw new DomainError('conflict', {
    code: 'carrier_changed',
    rule: 'R-CAR-01',
    field: 'version',
    zh: `该载体已被他人登记了新的步骤，当前状态为“${describe(now).zh}”，请刷新后再办理`,
    en: `Someone registered a step on this carrier meanwhile; it is now "${describe(now).en}". Reload and try again`,
  });
}

/** The state after `event`, or the 409 naming the current state (R-CAR-01, R-CAR-04, R-CAR-07). */
function transition(c: CarrierRow, event: CarrierEvent): CarrierState {
  const t = nextCarrierState(stateOf(c), event);
  if (!t.ok) {
    enforce(t.verdict);
    throw new Error('unreachable');
  }
  return t.state;
}

// ---------------------------------------------------------------------------------------------
// Receive and produce
// ---------------------------------------------------------------------------------------------

type Terms = Pick<
  C.ReceiveInput,
  | 'kind'
  | 'title'
  | 'docNumber'
  | 'marking'
  | 'issueDate'
  | 'distributionClass'
  | 'lineOfWorkDepartmentIds'
  | 'knowScope'
  | 'departmentId'
  | 'custodianPersonId'
  | 'central'
  | 'mediumSerial'
>;

/** The checked terms of a new carrier: marking (R-LVL-03/02), custodian, department, line of work (R-CAR-03). */
async function checkTerms(sql: Sql, caller: Caller, t: Terms) {
  const issued = checkCarrierIssueDate(t.issueDate, todayInChina());
  if (!issued.ok) refuse(issued.violations);
  // R-CAR-11: a medium is registered marked with its level and period.
  const marked = checkMediumMarked(t.kind, t.marking.trim());
  if (!marked.ok) refuse(marked.violations);
  const m = readCarrierMarking(t.marking, t.issueDate);
  if (!m.ok) refuse(m.violations);
  const marking = (m as Extract<typeof m, { ok: true }>).value;
  const custodianPersonId = t.custodianPersonId ?? caller.personId;
  const custodian = await peopleOfOrg(sql, caller.orgId, [custodianPersonId]);
  if (custodian.length === 0) {
    refuse([
      {
        code: 'custodian_unknown',
        rule: 'R-CAR-05a',
        field: 'custodianPersonId',
        zh: '保管人须是本单位人员',
        en: 'The custodian must be a person of this organisation',
      },
    ]);
  }
  const departmentId = t.departmentId === undefined ? caller.departmentId : t.departmentId;
  const lineOfWork = t.lineOfWorkDepartmentIds ?? [];
  const wanted = [
    ...new Set([...(departmentId ? [departmentId] : []), ...lineOfWork, ...t.knowScope.departmentIds]),
  ];
  const known = await departmentsOfOrg(sql, caller.orgId, wanted);
  const unknown = wanted.find((d) => !known.includes(d));
  if (unknown) {
    refuse([
      {
        code: 'department_unknown',
        field: unknown === departmentId ? 'departmentId' : 'knowScope',
        zh: '所选部门不是本单位的部门',
        en: 'The department is not one of this organisation',
      },
    ]);
  }
  const cls = t.distributionClass ?? null;
  if (cls === 'professional' && lineOfWork.length === 0) {
    refuse([
      {
        code: 'line_of_work_missing',
        rule: 'R-CAR-03',
        field: 'lineOfWorkDepartmentIds',
        zh: '专业性文件须指定业务条线（部门）',
        en: 'A line-of-work document names the departments of that line of work',
      },
    ]);
  }
  const people = await peopleOfOrg(sql, caller.orgId, t.knowScope.personIds);
  if (people.length !== new Set(t.knowScope.personIds).size) {
    refuse([
      {
        code: 'person_unknown',
        field: 'knowScope',
        zh: '知悉范围中的人员须是本单位人员',
        en: 'People in the scope must be of this organisation',
      },
    ]);
  }
  return { marking, custodianPersonId, departmentId, lineOfWork, cls };
}

/** R-LVL-04: the copy numbers of a receipt: as listed, or `copies` from the first; media/items may have none. */
function copyNumbersOf(input: {
  kind: C.ReceiveInput['kind'];
  firstCopyNumber?: string;
  copies?: number;
  copyNumbers?: string[];
}) {
  if (input.copyNumbers) {
    const out: number[] = [];
    for (const t of input.copyNumbers) {
      const p = parseCopyNumber(t);
      if (!p.ok) refuse([{ ...p.violation, field: 'copyNumbers' }]);
      else out.push(p.value);
    }
    const c = checkCopyNumbers(out);
    if (!c.ok) refuse(c.violations);
    return out;
  }
  if (input.firstCopyNumber !== undefined && input.firstCopyNumber !== '') {
    const p = parseCopyNumber(input.firstCopyNumber);
    if (!p.ok) return refuse([{ ...p.violation, field: 'firstCopyNumber' }]);
    const r = copyNumberRange(p.value, input.copies ?? 1);
    if (!r.ok) return refuse([r.violation]);
    return r.numbers;
  }
  if (input.kind === 'document') {
    return refuse([
      {
        code: 'copy_number_missing',
        rule: 'R-LVL-04',
        field: 'firstCopyNumber',
        zh: '纸质文件须登记份号（6位数字，如“000001”）',
        en: 'A document is registered with its copy number (six digits, e.g. "000001")',
      },
    ]);
  }
  return Array.from({ length: input.copies ?? 1 }, () => null);
}

async function registerBatch(
  sql: Sql,
  caller: Caller,
  t: Terms & { sender: string; note?: string },
  origin: 'received' | 'produced',
  numbers: (number | null)[],
) {
  const terms = await checkTerms(sql, caller, t);
  const batchId = randomUUID();
  const ids: string[] = [];
  const base: Omit<CarrierWrite, 'copyNumber'> = {
    orgId: caller.orgId,
    departmentId: terms.departmentId,
    kind: t.kind,
    origin,
    title: t.title.trim(),
    docNumber: (t.docNumber ?? '').trim(),
    sender: t.sender.trim(),
    batchId,
    level: terms.marking.level,
    period: terms.marking.period,
    marking: terms.marking.marking,
    issueDate: t.issueDate,
    distributionClass: terms.cls,
    lineOfWorkDepartmentIds: terms.lineOfWork,
    knowScope: t.knowScope,
    central: t.central ?? false,
    sourceCarrierId: null,
    stamp: '',
    mediumSerial: (t.mediumSerial ?? '').trim(),
    status: 'in_registry',
    custodianPersonId: terms.custodianPersonId,
    destructionId: null,
    createdBy: caller.accountId,
  };
  for (const copyNumber of numbers) {
    const id = await insertCarrier(sql, { ...base, copyNumber });
    ids.push(id);
    await insertStep(sql, {
      carrierId: id,
      orgId: caller.orgId,
      kind: origin === 'received' ? 'receive' : 'produce',
      actorPersonId: caller.personId,
      actorAccountId: caller.accountId,
      statusAfter: 'in_registry',
      holderPersonId: terms.custodianPersonId,
      details: { batchId, copies: numbers.length },
      note: t.note ?? '',
    });
  }
  return { batchId, ids, terms };
}

/** Receive (收进): one document in N copies, each with its own copy number (R-LVL-04), or a medium/item. */
export async function receive(sql: Sql, actor: Actor, caller: Caller, input: C.ReceiveInput) {
  const numbers = copyNumbersOf(input);
  const { batchId, ids, terms } = await registerBatch(sql, caller, input, 'received', numbers);
  await appendAudit(sql, actor, {
    action: 'carrier.receive',
    objectType: 'carrier',
    objectId: ids[0]!,
    summary: {
      level: terms.marking.level,
      count: ids.length,
      copyNumbers: numbers.filter((n) => n !== null).map((n) => formatCopyNumber(n!)),
      batchId,
    },
  });
  return {
    batchId,
    items: (await getCarriers(sql, ids)).map((c) => toCarrier(c)),
    spoiled: [],
    destructionId: null,
  };
}

/**
 * Produce (制作, R-CAR-02): exactly the approved number of copies, each numbered; drafts and spoilage
 * are registered as one carrier put straight on a destruction list (which opens the office head's
 * approval, R-CAR-07).
 */
export async function produce(sql: Sql, actor: Actor, caller: Caller, input: C.ProduceInput) {
  let numbers: (number | null)[];
  if (input.kind === 'document' || (input.firstCopyNumber ?? '') !== '') {
    numbers = copyNumbersOf({
      kind: input.kind,
      firstCopyNumber: input.firstCopyNumber,
      copies: input.approvedCopies,
    });
  } else {
    numbers = Array.from({ length: input.approvedCopies }, () => null);
  }
  const p = checkProduction({
    approvedCopies: input.approvedCopies,
    copyNumbers: numbers.map((n, i) => n ?? i + 1),
    spoiledCount: input.spoiledCount,
  });
  if (!p.ok) refuse(p.violations);
  const { batchId, ids, terms } = await registerBatch(
    sql,
    caller,
    { ...input, sender: '' },
    'produced',
    numbers,
  );
  let spoiledIds: string[] = [];
  let destructionId: string | null = null;
  if (input.spoiledCount > 0) {
    const spoiled = await registerBatch(
      sql,
      caller,
      {
        ...input,
        kind: 'item',
        title: `${input.title.trim()}（草稿、废页${input.spoiledCount}页）`.slice(0, 300),
        sender: '',
        note: `制作时产生的草稿、废页${input.spoiledCount}页，登记待销毁`,
      },
      'produced',
      [null],
    );
    spoiledIds = spoiled.ids;
    destructionId = await openDestruction(
      sql,
      actor,
      caller,
      spoiledIds,
      `制作“${input.title.trim()}”产生的草稿、废页`.slice(0, 500),
    );
  }
  await appendAudit(sql, actor, {
    action: 'carrier.produce',
    objectType: 'carrier',
    objectId: ids[0]!,
    summary: {
      level: terms.marking.level,
      count: ids.length,
      copyNumbers: numbers.filter((n) => n !== null).map((n) => formatCopyNumber(n!)),
      spoiledCount: input.spoiledCount,
      batchId,
    },
  });
  return {
    batchId,
    items: (await getCarriers(sql, ids)).map((c) => toCarrier(c)),
    spoiled: (await getCarriers(sql, spoiledIds)).map((c) => toCarrier(c)),
    destructionId,
  };
}

// ---------------------------------------------------------------------------------------------
// Loans
// ---------------------------------------------------------------------------------------------

export async function writeStep(
  sql: Sql,
  caller: Caller,
  c: CarrierRow,
  kind: CarrierEvent['kind'],
  next: CarrierState,
  extra: {
    outSince?: string | null;
    dueDate?: string | null;
    destructionId?: string | null;
    toPersonId?: string | null;
    details?: Record<string, unknown>;
    note?: string;
  },
) {
  const out = next.status === 'on_loan' || next.status === 'taken_out';
  await updateCarrierState(sql, c.id, {
    status: next.status,
    holderPersonId: next.holderPersonId,
    custodianPersonId: next.custodianPersonId ?? c.custodianPersonId,
    outSince: out ? (extra.outSince ?? c.outSince) : null,
    dueDate: out ? (extra.dueDate ?? c.dueDate) : null,
    destructionId: extra.destructionId !== undefined ? extra.destructionId : c.destructionId,
  });
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind,
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: next.status,
    holderPersonId: next.holderPersonId,
    toPersonId: extra.toPersonId ?? null,
    dueDate: extra.dueDate ?? null,
    details: extra.details,
    note: extra.note ?? '',
  });
}

/**
 * Lend to one reader (R-CAR-04: from the registry only, never passed on), inside the reading scope
 * (R-CAR-03 with the one access decision), due within the loan limit.
 */
export async function loan(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.LoanInput) {
  const c = await readableCarrier(sql, caller, id, true);
  const reader = await getPerson(sql, input.toPersonId);
  if (!reader || reader.orgId !== c.orgId) {
    throw notFound({ zh: '借阅人', en: 'Reader' }, 'toPersonId');
  }
  // The state first: a carrier on loan is refused as passing on (409 naming its holder).
  const next = transition(c, { kind: 'loan', toPersonId: reader.id, toName: reader.name });
  // The state decides first (passing on names the holder); a stale page in an allowed state is 409 too.
  checkVersion(c, input.version);
  enforce(
    mayRead(
      {
        personId: reader.id,
        orgId: reader.orgId,
        departmentId: reader.departmentId,
        position: reader.position,
        clearance: reader.clearance,
        rank: reader.rank,
      },
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
  const today = todayInChina();
  const due = checkLoanDue(today, input.dueDate);
  if (!due.ok) refuse(due.violations);
  await writeStep(sql, caller, c, 'loan', next, {
    outSince: today,
    dueDate: input.dueDate,
    toPersonId: reader.id,
    note: input.note,
  });
  await appendAudit(sql, actor, {
    action: 'carrier.loan',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, toPersonId: reader.id, dueDate: input.dueDate },
  });
  return reread(sql, c.id);
}

/** Return to the registry (R-CAR-04): the custodian holds it again. */
export async function returnCarrier(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ReturnInput,
) {
  const c = await readableCarrier(sql, caller, id, true);
  const next = transition(c, { kind: 'return' });
  checkVersion(c, input.version);
  await writeStep(sql, caller, c, 'return', next, {
    details: { from: c.holderPersonId, overdue: c.dueDate !== null && c.dueDate < todayInChina() },
    note: input.note,
  });
  await appendAudit(sql, actor, {
    action: 'carrier.return',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, fromPersonId: c.holderPersonId },
  });
  return reread(sql, c.id);
}

/** Extend a loan: a later due date, within the loan limit from today. */
export async function extendLoan(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.ExtendInput) {
  const c = await readableCarrier(sql, caller, id, true);
  const next = transition(c, { kind: 'extend' });
  checkVersion(c, input.version);
  const chk = checkExtension(c.dueDate!, input.dueDate, todayInChina());
  if (!chk.ok) refuse(chk.violations);
  await writeStep(sql, caller, c, 'extend', next, {
    dueDate: input.dueDate,
    toPersonId: c.holderPersonId,
    details: { from: c.dueDate },
    note: input.note,
  });
  await appendAudit(sql, actor, {
    action: 'carrier.extend',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, dueDate: { from: c.dueDate, to: input.dueDate } },
  });
  return reread(sql, c.id);
}

async function reread(sql: Sql, id: string) {
  return toCarrier((await getCarrier(sql, id))!);
}

// ---------------------------------------------------------------------------------------------
// Destruction (R-CAR-07)
// ---------------------------------------------------------------------------------------------

/** The itemised list as the approver reads it: 文号, copy number and marking — never the title. */
const listLine = (c: CarrierRow) =>
  [
    c.docNumber || '（无文号）',
    c.copyNumber === null ? null : `第${formatCopyNumber(c.copyNumber)}份`,
    c.marking,
  ]
    .filter(Boolean)
    .join(' ');

async function openDestruction(sql: Sql, actor: Actor, caller: Caller, carrierIds: string[], reason: string) {
  // Locked in id order (two lists naming the same carriers never deadlock).
  const sorted = [...carrierIds].sort();
  const rows = await getCarriers(sql, sorted, true);
  const destructionId = await insertDestruction(sql, {
    orgId: caller.orgId,
    departmentId: caller.departmentId,
    reason,
    requestedByPersonId: caller.personId,
  });
  for (const c of rows) {
    const next = transition(c, { kind: 'destruction_requested' });
    await writeStep(sql, caller, c, 'destruction_requested', next, {
      destructionId,
      details: { destructionId },
    });
  }
  await insertDestructionItems(sql, destructionId, sorted);
  const approval = await openApproval(sql, actor, {
    flowType: CARRIER_DESTRUCTION_LIST_FLOW.type,
    subjectType: 'carrier_destruction',
    subjectId: destructionId,
    title: `涉密载体销毁审批（${rows.length}件）`,
    orgId: caller.orgId,
    departmentId: caller.departmentId,
    initiatorPersonId: caller.personId,
    // R-PER-01: the list's highest level, so that the approval engine (approvals/clearance.ts) hides
    // and refuses it to anyone cleared below one of its items.
    subject: {
      itemList: rows.map(listLine),
      level: rows.map((r): Level => r.level).reduce(maxLevel, 'confidential'),
      count: rows.length,
      reason,
    },
  });
  await setDestructionApproval(sql, destructionId, approval.id);
  return destructionId;
}

/** R-CAR-07: put carriers on a destruction list and ask the office head (the shared approval). */
export async function requestDestruction(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  input: C.DestructionRequest,
) {
  // Each carrier must be one the registrar may read (404/403 otherwise), and in the registry.
  for (const id of [...input.carrierIds].sort()) await readableCarrier(sql, caller, id, true);
  const id = await openDestruction(sql, actor, caller, input.carrierIds, input.reason.trim());
  await appendAudit(sql, actor, {
    action: 'carrier.destruction_request',
    objectType: 'carrier_destruction',
    objectId: id,
    summary: { count: input.carrierIds.length },
  });
  return destructionView(sql, caller, id);
}

/** GET of a destruction list: it lists carriers' titles and copy numbers, an audited read (R-SYS-03). */
export async function readDestruction(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const view = await destructionView(sql, caller, id);
  await appendAudit(sql, actor, {
    action: 'carrier.destruction_read',
    objectType: 'carrier_destruction',
    objectId: view.id,
    summary: { count: view.items.length, status: view.status },
  });
  return view;
}

/** A destruction list as the contract sends it (its carriers only those the caller may read). */
export async function destructionView(sql: Sql, caller: Caller, id: string) {
  const d = await getDestruction(sql, id);
  if (!d) throw notFound(DESTRUCTION);
  if (d.orgId !== caller.orgId) throw notFound(DESTRUCTION);
  const ids = await destructionCarrierIds(sql, id);
  const items = [];
  for (const cid of ids) {
    try {
      items.push(toCarrier(await readableCarrier(sql, caller, cid)));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  const supervisors = await peopleOfOrg(sql, d.orgId, d.supervisorPersonIds);
  return {
    id: d.id,
    orgId: d.orgId,
    reason: d.reason,
    requestedByPersonId: d.requestedByPersonId,
    requestedByName: d.requestedByName,
    approvalId: d.approvalId,
    status: d.status,
    method: d.method,
    supervisors: d.supervisorPersonIds.map((p) => ({
      personId: p,
      name: supervisors.find((s) => s.id === p)?.name ?? '',
    })),
    place: d.place,
    destroyedAt: d.destroyedAt,
    createdAt: d.createdAt,
    items,
    abilities: abilitiesOf(destructionRules, caller, d),
  };
}

/**
 * R-CAR-07: carry out an approved destruction: the method and at least two supervisors (people of the
 * organisation, named); every carrier on the list becomes destroyed and read-only.
 */
export async function destroy(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.DestroyInput) {
  const d = await getDestruction(sql, id, true);
  if (!d || d.orgId !== caller.orgId) throw notFound(DESTRUCTION);
  enforce(destructionRules.destroy(caller, d));
  const ids = (await destructionCarrierIds(sql, id)).sort();
  const chk = checkDestruction({
    approved: true,
    items: ids,
    supervisorIds: input.supervisorPersonIds,
    method: input.method,
  });
  if (!chk.ok) refuse(chk.violations);
  const supervisors = await peopleOfOrg(sql, caller.orgId, input.supervisorPersonIds);
  if (supervisors.length !== new Set(input.supervisorPersonIds).size) {
    refuse([
      {
        code: 'supervisor_unknown',
        rule: 'R-CAR-07',
        field: 'supervisorPersonIds',
        zh: '监销人须是本单位人员',
        en: 'Supervisors must be people of this organisation',
      },
    ]);
  }
  const method = input.method as DestructionMethod;
  if (!(DESTRUCTION_METHODS as readonly string[]).includes(method)) throw new Error('unreachable');
  const rows = await getCarriers(sql, ids, true);
  for (const c of rows) {
    const next = transition(c, { kind: 'destroy' });
    await writeStep(sql, caller, c, 'destroy', next, {
      details: {
        destructionId: id,
        method,
        supervisorPersonIds: [...new Set(input.supervisorPersonIds)],
        place: input.place ?? '',
      },
      note: input.note,
    });
  }
  await completeDestruction(sql, id, {
    method,
    supervisorPersonIds: [...new Set(input.supervisorPersonIds)],
    place: (input.place ?? '').trim(),
    byPersonId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'carrier.destroy',
    objectType: 'carrier_destruction',
    objectId: id,
    summary: { count: rows.length, method, supervisorPersonIds: [...new Set(input.supervisorPersonIds)] },
  });
  return destructionView(sql, caller, id);
}

/**
 * The approval's outcome: approved → the list may be carried out; rejected or withdrawn → the carriers
 * go back to the registry (a registered step each). A returned approval waits for resubmission.
 */
export const destructionSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const d = await getDestruction(sql, approval.subjectId, true);
  if (!d) return;
  const status: Record<ApprovalRow['status'], (typeof d)['status'] | null> = {
    pending: null,
    returned: 'returned',
    approved: 'approved',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  };
  const next = status[approval.status];
  if (!next || d.status === 'done') return;
  await setDestructionStatus(sql, d.id, next);
  if (next === 'rejected' || next === 'withdrawn') {
    const rows = await getCarriers(sql, (await destructionCarrierIds(sql, d.id)).sort(), true);
    for (const c of rows) {
      const t = nextCarrierState(stateOf(c), { kind: 'destruction_cancelled' });
      if (!t.ok) continue;
      await updateCarrierState(sql, c.id, {
        status: t.state.status,
        holderPersonId: t.state.holderPersonId,
        custodianPersonId: c.custodianPersonId,
        outSince: null,
        dueDate: null,
        destructionId: null,
      });
      await insertStep(sql, {
        carrierId: c.id,
        orgId: c.orgId,
        kind: 'destruction_cancelled',
        actorPersonId: null,
        actorAccountId: actor.id,
        statusAfter: t.state.status,
        holderPersonId: t.state.holderPersonId,
        details: { destructionId: d.id, approval: approval.status },
      });
    }
  }
  await appendAudit(sql, actor, {
    action: 'carrier.destruction_settled',
    objectType: 'carrier_destruction',
    objectId: d.id,
    summary: { approval: approval.status },
  });
};

export const destructionLink: SubjectLink = async (_sql, subjectId) => `/carriers/destructions/${subjectId}`;

/**
 * R-CAR-03: the responsible leader widens the reading scope to one more person (beyond the distribution
 * class; clearance and knowledge scope still apply at every loan). Not on a destroyed or handed-over carrier.
 */
export async function widen(sql: Sql, actor: Actor, caller: Caller, id: string, input: C.WidenInput) {
  const c = await readableCarrier(sql, caller, id, true);
  if (c.status === 'destroyed' || c.status === 'handed_over') {
    throw new DomainError('conflict', {
      code: 'carrier_read_only',
      rule: 'R-CAR-07',
      field: 'status',
      zh: `该载体${describe(stateOf(c)).zh}，只能查阅`,
      en: `The carrier is "${describe(stateOf(c)).en}": it is read-only`,
    });
  }
  if ((await peopleOfOrg(sql, c.orgId, [input.personId])).length === 0) {
    throw notFound({ zh: '人员', en: 'Person' }, 'personId');
  }
  await addWidenedPerson(sql, c.id, input.personId);
  // The timeline shows who approved the widening, for whom and why (R-CAR-01, R-CAR-03).
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind: 'widen',
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: c.status,
    holderPersonId: c.holderPersonId,
    toPersonId: input.personId,
    details: { reason: input.reason.trim() },
  });
  await appendAudit(sql, actor, {
    action: 'carrier.widen',
    objectType: 'carrier',
    objectId: c.id,
    summary: {
      copyNumber: c.copyNumber,
      level: c.level,
      toPersonId: input.personId,
      reason: input.reason.trim(),
    },
  });
  return reread(sql, c.id);
}
