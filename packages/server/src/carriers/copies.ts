// R-CAR-05, R-CAR-05a: copying, excerpting or scanning a carrier. The request records the originating
// organ's consent (required for 绝密 and central documents) and opens the department head's approval
// (the shared mechanism, CARRIER_COPY_FLOW); once approved, the registrar makes the copies: each is a
// carrier of its own with the original's level, period and marking and the copier's stamp, and both
// the original and every copy get a registered step.
import { randomUUID } from 'node:crypto';
import type * as C from '@baomi/api/carriers.ts';
import {
  allowed,
  CARRIER_COPY_FLOW,
  checkCopy,
  copyNumberRange,
  copyTerms,
  enforce,
  formatCopyNumber,
  invalid,
  nextCarrierState,
  notFound,
  parseCopyNumber,
  refused,
  type Verdict,
} from '@baomi/domain';
import type { ApprovalRow } from '../approvals/queries.ts';
import { openApproval, type SettleHandler, type SubjectLink } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { type Caller, roleVerdict } from '../http/policy.ts';
import { carrierPolicy, stateOf } from './policy.ts';
import {
  type CopyRequestRow,
  getCopyRequest,
  insertCarrier,
  insertCopyRequest,
  insertStep,
  orgName,
  updateCarrierState,
  updateCopyRequest,
} from './queries.ts';
import { readableCarrier } from './read.ts';

const REQUEST = { zh: '复制申请', en: 'Copy request' };

export const copyView = (r: CopyRequestRow) => ({
  id: r.id,
  carrierId: r.carrierId,
  kind: r.kind,
  copies: r.copies,
  purpose: r.purpose,
  consent: r.consent,
  approvalId: r.approvalId,
  status: r.status,
  madeCarrierIds: r.madeCarrierIds,
  createdAt: r.createdAt,
});

/** R-CAR-05: ask to copy; 绝密 and central documents only with the originator's recorded consent. */
export async function requestCopy(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.CopyRequestInput,
) {
  const c = await readableCarrier(sql, caller, id, true);
  const t = nextCarrierState(stateOf(c), { kind: 'copy' });
  if (!t.ok) enforce(t.verdict);
  // Everything but the approval, which this request asks for.
  const chk = checkCopy({
    level: c.level,
    central: c.central,
    approved: true,
    originatorConsent: !!input.originatorConsent,
    copies: input.copies,
  });
  if (!chk.ok) throw invalid(chk.violations[0]!, chk.violations.length > 1 ? chk.violations : undefined);
  const requestId = await insertCopyRequest(sql, {
    orgId: c.orgId,
    carrierId: c.id,
    kind: input.kind,
    copies: input.copies,
    purpose: input.purpose.trim(),
    consent: input.originatorConsent ?? null,
    requestedByPersonId: caller.personId,
  });
  const approval = await openApproval(sql, actor, {
    flowType: CARRIER_COPY_FLOW.type,
    subjectType: 'carrier_copy',
    subjectId: requestId,
    title: `涉密载体复制审批（${input.copies}份）`,
    orgId: c.orgId,
    departmentId: c.departmentId,
    initiatorPersonId: caller.personId,
    subject: {
      carrierId: [
        c.docNumber || '（无文号）',
        c.copyNumber === null ? '' : `第${formatCopyNumber(c.copyNumber)}份`,
        c.marking,
      ]
        .filter(Boolean)
        .join(' '),
      level: c.level, // R-PER-01: the engine hides and refuses it below this level
      copies: input.copies,
      purpose: input.purpose.trim(),
    },
  });
  await updateCopyRequest(sql, requestId, { approvalId: approval.id });
  await appendAudit(sql, actor, {
    action: 'carrier.copy_request',
    objectType: 'carrier',
    objectId: c.id,
    summary: {
      copyNumber: c.copyNumber,
      level: c.level,
      count: input.copies,
      consent: !!input.originatorConsent,
    },
  });
  return copyView((await getCopyRequest(sql, requestId))!);
}

const makeVerdict = (caller: Caller, r: CopyRequestRow): Verdict => {
  const role = roleVerdict(carrierPolicy, 'register', caller);
  if (!role.allowed) return role;
  return r.status === 'approved'
    ? allowed
    : refused('conflict', {
        code: 'copy_not_approved',
        rule: 'R-CAR-05',
        field: 'approval',
        zh: r.status === 'done' ? '该复制申请的复制件已登记' : '复制涉密载体须经审批，该申请尚未获批',
        en:
          r.status === 'done'
            ? 'The copies of this request are registered'
            : 'Copying needs approval, which this request does not have',
      });
};

/** A copy request as its carrier's readers see it. It names the carrier: an audited read (R-SYS-03). */
export async function copyRequestView(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const r = await getCopyRequest(sql, id);
  if (!r || r.orgId !== caller.orgId) throw notFound(REQUEST);
  const c = await readableCarrier(sql, caller, r.carrierId);
  await appendAudit(sql, actor, {
    action: 'carrier.copy_request_read',
    objectType: 'carrier',
    objectId: c.id,
    summary: { copyNumber: c.copyNumber, level: c.level, requestId: r.id },
  });
  return copyView(r);
}

/** R-CAR-05: make the approved copies: new carriers with the original's terms and the copier's stamp. */
export async function makeCopies(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.MakeCopiesInput,
) {
  const r = await getCopyRequest(sql, id, true);
  if (!r || r.orgId !== caller.orgId) throw notFound(REQUEST);
  const c = await readableCarrier(sql, caller, r.carrierId, true);
  enforce(makeVerdict(caller, r));
  const t = nextCarrierState(stateOf(c), { kind: 'copy' });
  if (!t.ok) enforce(t.verdict);
  const chk = checkCopy({
    level: c.level,
    central: c.central,
    approved: true,
    originatorConsent: !!r.consent,
    copies: r.copies,
  });
  if (!chk.ok) throw invalid(chk.violations[0]!);
  let numbers: (number | null)[] = Array.from({ length: r.copies }, () => null);
  if (input.firstCopyNumber || c.kind === 'document') {
    const p = parseCopyNumber(input.firstCopyNumber ?? '');
    if (!p.ok) throw invalid({ ...p.violation, field: 'firstCopyNumber' });
    const range = copyNumberRange(p.value, r.copies);
    if (!range.ok) throw invalid(range.violation);
    numbers = range.numbers;
  }
  const terms = copyTerms(c, await orgName(sql, c.orgId));
  const batchId = randomUUID();
  const made: string[] = [];
  for (const copyNumber of numbers) {
    const newId = await insertCarrier(sql, {
      orgId: c.orgId,
      departmentId: c.departmentId,
      kind: r.kind === 'scan' ? 'medium' : c.kind,
      origin: 'copied',
      title:
        `${c.title}（${r.kind === 'excerpt' ? '摘抄件' : r.kind === 'scan' ? '扫描件' : '复制件'}）`.slice(
          0,
          300,
        ),
      docNumber: c.docNumber,
      sender: c.sender,
      batchId,
      copyNumber,
      level: terms.level as typeof c.level,
      period: terms.period ?? c.period,
      marking: terms.marking ?? c.marking,
      issueDate: c.issueDate,
      distributionClass: c.distributionClass,
      lineOfWorkDepartmentIds: c.lineOfWorkDepartmentIds,
      knowScope: c.knowScope,
      central: c.central,
      sourceCarrierId: c.id,
      stamp: terms.stamp.slice(0, 100),
      mediumSerial: '',
      status: 'in_registry',
      custodianPersonId: c.custodianPersonId,
      destructionId: null,
      createdBy: caller.accountId,
    });
    made.push(newId);
    await insertStep(sql, {
      carrierId: newId,
      orgId: c.orgId,
      kind: 'copy',
      actorPersonId: caller.personId,
      actorAccountId: caller.accountId,
      statusAfter: 'in_registry',
      holderPersonId: c.custodianPersonId,
      details: { sourceCarrierId: c.id, requestId: r.id, approvalId: r.approvalId },
    });
  }
  await updateCarrierState(sql, c.id, {
    status: c.status,
    holderPersonId: c.holderPersonId,
    custodianPersonId: c.custodianPersonId,
    outSince: c.outSince,
    dueDate: c.dueDate,
    destructionId: c.destructionId,
  });
  await insertStep(sql, {
    carrierId: c.id,
    orgId: c.orgId,
    kind: 'copy',
    actorPersonId: caller.personId,
    actorAccountId: caller.accountId,
    statusAfter: c.status,
    holderPersonId: c.holderPersonId,
    details: { requestId: r.id, approvalId: r.approvalId, copies: made, kind: r.kind },
  });
  await updateCopyRequest(sql, r.id, { status: 'done', madeCarrierIds: made });
  await appendAudit(sql, actor, {
    action: 'carrier.copy',
    objectType: 'carrier',
    objectId: c.id,
    summary: {
      copyNumber: c.copyNumber,
      level: c.level,
      count: made.length,
      copyNumbers: numbers.filter((n) => n !== null).map((n) => formatCopyNumber(n!)),
    },
  });
  return copyView((await getCopyRequest(sql, r.id))!);
}

export const copySettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const r = await getCopyRequest(sql, approval.subjectId, true);
  if (!r || r.status === 'done' || approval.status === 'pending') return;
  await updateCopyRequest(sql, r.id, { status: approval.status });
  await appendAudit(sql, actor, {
    action: 'carrier.copy_settled',
    objectType: 'carrier',
    objectId: r.carrierId,
    summary: { approval: approval.status },
  });
};

export const copyLink: SubjectLink = async (sql, subjectId) => {
  const r = await getCopyRequest(sql, subjectId);
  return r ? `/carriers/${r.carrierId}` : null;
};
