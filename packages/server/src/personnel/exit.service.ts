// 涉密人员 going abroad (R-PER-06a, R-FOR-04, R-PER-05), the exit part's use cases: applications (the
// person for himself, the secrecy officer for him) checked by the domain's checkExitApplication against
// the person's 脱密期, the carriers in his custody (carriers' inCustodyOf), his approved trips and his
// briefings; the approval on the one engine (EXIT_FLOW, frozen snapshot with the policy's flags); the
// briefing condition at the leader's approval (D113); the return report; the read rule of
// access.ts on every read. Every change audited; every refusal before any write.
import type * as C from '@baomi/api/personnel/exit.ts';
import {
  abilityOf,
  allowed,
  asBriefingTopics,
  type Briefing,
  briefingCoversTrip,
  checkBriefingAtApproval,
  checkBriefingInput,
  checkExitAtApply,
  checkExitPolicy,
  checkOverlapAtApproval,
  checkReturnReport,
  conflict,
  DomainError,
  EXIT_FLOW,
  EXIT_KIND_LABELS,
  type ExitPolicy,
  enforce,
  exitPolicyFrom,
  firstRefusal,
  invalid,
  isReturnReportOverdue,
  notFound,
  personnelReadScope,
  personnelReadVerdict,
  personnelWriteVerdict,
  type RuleViolation,
  refused,
  returnReportDue,
  type Verdict,
} from '@baomi/domain';
import { type ApprovalRow, getApproval } from '../approvals/queries.ts';
import {
  type DecideGuard,
  openApproval,
  resubmitApproval,
  type SettleHandler,
  type SubjectLink,
} from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { inCustodyOf, whereNow } from '../carriers/read.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import { recordImpliedMatterOfTrip } from './exit.implied.ts';
import { passportView } from './exit.passports.ts';
import {
  approvedTripsOf,
  type BriefingRow,
  briefingsOf,
  coolingOffOf,
  type ExitFilter,
  type ExitRow,
  getBriefing,
  getExit,
  insertBriefing,
  insertExit,
  isClassified,
  listBriefingRows,
  listExitRows,
  lockExitsOfPerson,
  markBriefingSigned,
  type PersonRef,
  passportsOf,
  personRef,
  type StoredFlag,
  updateExit,
} from './exit.queries.ts';

export const EXIT = { zh: '出国（境）申请', en: 'Exit application' };
export const BRIEFING = { zh: '保密提醒记录', en: 'Briefing' };
const PERSON = { zh: '人员', en: 'Person' };

// ---- policy (the settings mechanism: one key per organisation)

const policyKey = (orgId: string) => `personnel.exit_policy:${orgId}`;

export async function exitPolicyOf(sql: Sql, orgId: string): Promise<ExitPolicy> {
  return exitPolicyFrom(await readSetting(sql, policyKey(orgId)));
}

export async function setExitPolicy(sql: Sql, actor: Actor, caller: Caller, next: C.ExitPolicy) {
  const check = checkExitPolicy(next);
  if (!check.ok) throw invalid(check.violations[0]!, check.violations);
  const before = await exitPolicyOf(sql, caller.orgId);
  await writeSetting(sql, policyKey(caller.orgId), next, actor.id);
  await appendAudit(sql, actor, {
    action: 'personnel.exit_policy',
    objectType: 'org',
    objectId: caller.orgId,
    summary: { from: before, to: next },
  });
  return exitPolicyOf(sql, caller.orgId);
}

// ---- who

/** The person a record is about, readable by the caller (404 another organisation's, 403 a colleague's). */
export async function readablePerson(sql: Sql, caller: Caller, personId: string): Promise<PersonRef> {
  const ref = await personRef(sql, personId);
  if (!ref) throw notFound(PERSON, 'personId');
  enforce(personnelReadVerdict(caller, ref));
  return ref;
}

/** R-PER-06a: an application is made and changed by the person himself or by the secrecy officer. */
export function applyVerdict(
  caller: Caller,
  subject: { personId: string; orgId: string; departmentId: string | null },
): Verdict {
  if (caller.personId === subject.personId && caller.orgId === subject.orgId) return allowed;
  return personnelWriteVerdict(caller, subject);
}

const exitSubject = (r: ExitRow) => ({ personId: r.personId, orgId: r.orgId, departmentId: r.departmentId });

/** An application the caller may read (one read rule; another organisation's answers 404). */
export async function readableExit(sql: Sql, caller: Caller, id: string, lock = false): Promise<ExitRow> {
  const r = await getExit(sql, id, lock);
  if (!r || r.orgId !== caller.orgId) throw notFound(EXIT);
  enforce(personnelReadVerdict(caller, exitSubject(r)));
  return r;
}

// ---- views

export function exitView(r: ExitRow, policy: ExitPolicy, today: string) {
  const due = r.status === 'approved' ? returnReportDue(r.returnOn, policy) : null;
  return {
    ...r,
    reportDue: due,
    reportOverdue: r.status === 'approved' && isReturnReportOverdue(r.returnOn, r.reportedOn, today, policy),
  };
}

export const briefingView = (b: BriefingRow) => ({
  id: b.id,
  personId: b.personId,
  personName: b.personName,
  exitId: b.exitId,
  heldOn: b.heldOn,
  topics: b.topics,
  signed: b.signed,
  note: b.note,
  givenByName: b.givenByName,
  createdAt: b.createdAt,
});

const asBriefings = (rows: BriefingRow[]): Briefing[] =>
  rows.map((b) => ({ heldOn: b.heldOn, topics: asBriefingTopics(b.topics), signedByPerson: b.signed }));

const EDITABLE = new Set(['returned', 'rejected']);

/** What the caller may do with an application now (the same rules the actions enforce). */
function exitAbilities(caller: Caller, r: ExitRow, today: string) {
  const s = exitSubject(r);
  const edit = firstRefusal(
    () => applyVerdict(caller, s),
    () =>
      EDITABLE.has(r.status)
        ? allowed
        : refused('conflict', {
            code: 'exit_not_editable',
            rule: 'R-PER-06a',
            zh: '只有被退回或未获批准的申请可以修改后重新提交',
            en: 'Only a returned or rejected application can be changed and submitted again',
          }),
  );
  const report = firstRefusal(
    () => applyVerdict(caller, s),
    () => {
      const c = checkReturnReport(r, today);
      return c.ok ? allowed : refused(c.conflict ? 'conflict' : 'invalid', c.violation);
    },
  );
  const noteReport = firstRefusal(
    () => personnelWriteVerdict(caller, s),
    () => noteVerdict(r),
  );
  const officer = personnelWriteVerdict(caller, s);
  return {
    edit: abilityOf(edit),
    report: abilityOf(report),
    noteReport: abilityOf(noteReport),
    brief: abilityOf(officer),
    lendPassport: abilityOf(
      firstRefusal(
        () => officer,
        () =>
          r.status === 'approved'
            ? allowed
            : refused('conflict', {
                code: 'passport_trip_not_approved',
                rule: 'R-PER-06a',
                zh: '出国（境）申请尚未批准',
                en: 'The exit application is not approved',
              }),
      ),
    ),
    print: abilityOf(allowed),
  };
}

function noteVerdict(r: ExitRow): Verdict {
  if (r.reportedOn === null)
    return refused('conflict', {
      code: 'return_report_missing',
      rule: 'R-PER-06a',
      field: 'report',
      zh: '本人尚未提交回国（境）报告',
      en: 'The person has not filed the return report',
    });
  if (r.reportNotedAt !== null)
    return refused('conflict', {
      code: 'return_report_noted',
      rule: 'R-PER-06a',
      field: 'report',
      zh: `回国（境）报告已由${r.reportNotedByName ?? ''}阅知`,
      en: 'The return report has already been noted',
    });
  return allowed;
}

// ---- the check

const DATE_CODES = new Set([
  'exit_depart_invalid',
  'exit_return_invalid',
  'exit_return_before_depart',
  'exit_depart_past',
  'exit_depart_too_far',
  'exit_trip_too_long',
]);

/** Throws the check's first refusal (400 for a bad date, else 409), every reason in details. */
function refuseAll(vs: RuleViolation[]): never {
  const first = vs[0]!;
  if (DATE_CODES.has(first.code)) throw invalid(first, vs);
  throw new DomainError('conflict', first, vs);
}

const toFlag = (v: RuleViolation): StoredFlag => ({ code: v.code, rule: v.rule, zh: v.zh, en: v.en });

async function checked(
  sql: Sql,
  caller: Caller,
  person: PersonRef,
  input: C.ExitUpdate,
  exceptId: string | null,
  policy: ExitPolicy,
  today: string,
): Promise<StoredFlag[]> {
  if (!(await isClassified(sql, person.personId, today)))
    throw conflict({
      code: 'exit_not_classified',
      rule: 'R-PER-06a',
      field: 'personId',
      zh: `${person.name}不是在岗涉密人员，也不在脱密期内，出国（境）无需本审批`,
      en: `${person.name} holds no classified post and is in no off-post period; this approval does not apply`,
    });
  const custody = await inCustodyOf(sql, person.personId);
  // A refusal goes to the caller: it names a few carriers he may read (carriers' own read rule). A flag
  // is frozen into the approval's snapshot for approvers whose clearance is not known here: it counts,
  // never names (D130).
  const names =
    custody.count && policy.carriers === 'refuse'
      ? (await whereNow(sql, caller, { personId: person.personId }, 3)).map(
          (c) =>
            `《${c.title}》${c.copyNumber === null ? '' : `第${String(c.copyNumber).padStart(6, '0')}份`}`,
        )
      : [];
  const r = checkExitAtApply(
    {
      kind: input.kind,
      departOn: input.departOn,
      returnOn: input.returnOn,
      today,
      coolingOff: await coolingOffOf(sql, person.personId),
      carriersInCustody: custody.count,
      carrierNames: names,
      briefings: asBriefings(await briefingsOf(sql, person.personId)),
      approvedTrips: await approvedTripsOf(sql, person.personId, exceptId),
    },
    policy,
  );
  if (!r.ok) refuseAll(r.refusals);
  return r.flags.map(toFlag);
}

function subjectOf(person: PersonRef, input: C.ExitUpdate, flags: StoredFlag[]) {
  return {
    personName: person.name,
    kind: input.kind,
    destination: input.destination.trim(),
    from: input.departOn,
    to: input.returnOn,
    purpose: input.purpose.trim(),
    companions: (input.companions ?? '').trim(),
    flags: flags.map((f) => f.zh),
  };
}

const titleOf = (person: PersonRef, input: C.ExitUpdate) =>
  `${EXIT_KIND_LABELS[input.kind].zh}审批：${person.name}（${input.destination.trim()}，${input.departOn}至${input.returnOn}）`;

// ---- use cases

export async function applyExit(sql: Sql, actor: Actor, caller: Caller, input: C.ExitInput) {
  const personId = input.personId ?? caller.personId;
  const person = await personRef(sql, personId);
  if (!person || person.orgId !== caller.orgId) throw notFound(PERSON, 'personId');
  enforce(applyVerdict(caller, person));
  const today = todayInChina();
  const policy = await exitPolicyOf(sql, person.orgId);
  const flags = await checked(sql, caller, person, input, null, policy, today);
  const values = {
    kind: input.kind,
    destination: input.destination.trim(),
    departOn: input.departOn,
    returnOn: input.returnOn,
    purpose: input.purpose.trim(),
    companions: (input.companions ?? '').trim(),
    flags,
  };
  const id = await insertExit(sql, {
    ...values,
    orgId: person.orgId,
    personId,
    appliedByPersonId: caller.personId,
  });
  const approval = await openApproval(sql, actor, {
    flowType: EXIT_FLOW.type,
    subjectType: 'personnel_exit',
    subjectId: id,
    title: titleOf(person, input),
    orgId: person.orgId,
    departmentId: person.departmentId,
    initiatorPersonId: caller.personId,
    subject: subjectOf(person, input, flags),
  });
  await updateExit(sql, id, { approvalId: approval.id });
  await appendAudit(sql, actor, {
    action: 'personnel.exit_apply',
    objectType: 'personnel_exit',
    objectId: id,
    summary: {
      personId,
      kind: input.kind,
      destination: values.destination,
      departOn: input.departOn,
      returnOn: input.returnOn,
      flags: flags.map((f) => f.code),
    },
  });
  return exitView((await getExit(sql, id))!, policy, today);
}

/**
 * R-PER-06a: a returned or rejected application, changed and submitted again: checked again (nothing
 * written on a refusal); a returned one's approval is resubmitted by its requester (a new round, new
 * snapshot); a rejected one (the engine keeps a rejection closed) gets a new approval (D114).
 */
export async function updateExitApplication(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ExitUpdate,
) {
  const r = await readableExit(sql, caller, id, true);
  const today = todayInChina();
  enforce(exitAbilitiesVerdict(caller, r, today));
  const person = (await personRef(sql, r.personId))!;
  const policy = await exitPolicyOf(sql, r.orgId);
  const flags = await checked(sql, caller, person, input, r.id, policy, today);
  await updateExit(sql, r.id, {
    kind: input.kind,
    destination: input.destination.trim(),
    departOn: input.departOn,
    returnOn: input.returnOn,
    purpose: input.purpose.trim(),
    companions: (input.companions ?? '').trim(),
    flags,
    status: 'pending',
  });
  const subject = subjectOf(person, input, flags);
  let approvalId = r.approvalId;
  if (r.status === 'returned' && r.approvalId && (await initiatorOf(sql, r)) === caller.personId) {
    await resubmitApproval(sql, actor, caller.personId, r.approvalId, subject);
  } else {
    const a = await openApproval(sql, actor, {
      flowType: EXIT_FLOW.type,
      subjectType: 'personnel_exit',
      subjectId: r.id,
      title: titleOf(person, input),
      orgId: r.orgId,
      departmentId: person.departmentId,
      initiatorPersonId: caller.personId,
      subject,
    });
    approvalId = a.id;
    await updateExit(sql, r.id, { approvalId: a.id });
  }
  await appendAudit(sql, actor, {
    action: 'personnel.exit_update',
    objectType: 'personnel_exit',
    objectId: r.id,
    summary: {
      personId: r.personId,
      // What was changed, from → to (D132); the rest as submitted.
      ...changedFields(r, { ...input, destination: subject.destination }),
      flags: flags.map((f) => f.code),
      approvalId,
    },
  });
  return exitView((await getExit(sql, r.id))!, policy, today);
}

/** The fields of a resubmitted application: each as { from, to } when it changed, else its value. */
function changedFields(r: ExitRow, next: C.ExitUpdate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['kind', 'destination', 'departOn', 'returnOn', 'purpose'] as const)
    out[k] = r[k] === next[k] ? next[k] : { from: r[k], to: next[k] };
  return out;
}

function exitAbilitiesVerdict(caller: Caller, r: ExitRow, _today: string): Verdict {
  return firstRefusal(
    () => applyVerdict(caller, exitSubject(r)),
    () =>
      EDITABLE.has(r.status)
        ? allowed
        : refused('conflict', {
            code: 'exit_not_editable',
            rule: 'R-PER-06a',
            field: 'status',
            zh: '只有被退回或未获批准的申请可以修改后重新提交',
            en: 'Only a returned or rejected application can be changed and submitted again',
          }),
  );
}

async function initiatorOf(sql: Sql, r: ExitRow): Promise<string | null> {
  return r.approvalId ? ((await getApproval(sql, r.approvalId))?.initiatorPersonId ?? null) : null;
}

export async function exitDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const r = await readableExit(sql, caller, id);
  const today = todayInChina();
  const policy = await exitPolicyOf(sql, r.orgId);
  const briefings = await briefingsOf(sql, r.personId);
  const passports = await passportsOf(sql, r.personId);
  // A person's trip, by name and destination: an audited read (R-SYS-03).
  await appendAudit(sql, actor, {
    action: 'personnel.exit_read',
    objectType: 'personnel_exit',
    objectId: r.id,
    summary: { personId: r.personId, status: r.status },
  });
  return {
    ...exitView(r, policy, today),
    briefings: briefings.map(briefingView),
    briefed: briefingCoversTrip(asBriefings(briefings), r.departOn),
    passports: passports.map((p) => passportView(caller, p, today)),
    abilities: exitAbilities(caller, r, today),
  };
}

export async function listExits(
  sql: Sql,
  caller: Caller,
  f: ExitFilter,
  page: { limit: number; offset: number } | null,
) {
  const today = todayInChina();
  const policy = await exitPolicyOf(sql, caller.orgId);
  const r = await listExitRows(sql, personnelReadScope(caller), f, today, page);
  return { items: r.items.map((x) => exitView(x, policy, today)), total: r.total };
}

/** R-PER-06a: the person files his return report (or the secrecy officer for him). */
export async function fileReturnReport(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ReturnReportInput,
) {
  const r = await readableExit(sql, caller, id, true);
  enforce(applyVerdict(caller, exitSubject(r)));
  const today = todayInChina();
  const c = checkReturnReport(r, today);
  if (!c.ok) throw c.conflict ? conflict(c.violation) : invalid(c.violation);
  await updateExit(sql, r.id, {
    reportText: input.text.trim(),
    reportedOn: today,
    reportedByPersonId: caller.personId,
  });
  const policy = await exitPolicyOf(sql, r.orgId);
  await appendAudit(sql, actor, {
    action: 'personnel.return_report',
    objectType: 'personnel_exit',
    objectId: r.id,
    summary: {
      personId: r.personId,
      reportedOn: today,
      late: isReturnReportOverdue(r.returnOn, null, today, policy),
    },
  });
  return exitView((await getExit(sql, r.id))!, policy, today);
}

/** R-PER-06a: the secrecy office notes the filed report. */
export async function noteReturnReport(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ReturnReportNoteInput,
) {
  const r = await readableExit(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => personnelWriteVerdict(caller, exitSubject(r)),
      () => noteVerdict(r),
    ),
  );
  await updateExit(sql, r.id, {
    reportNotedByPersonId: caller.personId,
    reportNote: (input.note ?? '').trim(),
  });
  await appendAudit(sql, actor, {
    action: 'personnel.return_report_note',
    objectType: 'personnel_exit',
    objectId: r.id,
    summary: { personId: r.personId },
  });
  const today = todayInChina();
  return exitView((await getExit(sql, r.id))!, await exitPolicyOf(sql, r.orgId), today);
}

// ---- the approval's hooks

/**
 * R-FOR-04 (D113): the leader approves only when a signed full briefing covers the trip, if the
 * unit's policy refuses without one (a flagging policy lets him approve; the flag is in the snapshot).
 */
export const exitGuard: DecideGuard = async (sql, approval, who, input) => {
  const r = await getExit(sql, approval.subjectId);
  if (!r) return { verdict: allowed, actingAs: null };
  // The traveller never decides on his own trip, at any step — also when the secrecy officer applied
  // for him (the engine's self_approval only knows the requester) (D127).
  if (who.personId === r.personId)
    return {
      verdict: refused('forbidden', {
        code: 'exit_own_trip',
        zh: '不能审批本人的出国（境）申请',
        en: 'You cannot decide on your own trip abroad',
        rule: 'R-PER-06a',
      }),
      actingAs: null,
    };
  if (input.decision !== 'approve') return { verdict: allowed, actingAs: null };
  // R-PER-06a: still no overlap with a trip approved since (two of his approvals at once: serialised).
  await lockExitsOfPerson(sql, r.personId);
  const overlap = checkOverlapAtApproval(r, await approvedTripsOf(sql, r.personId, r.id));
  if (overlap) return { verdict: refused('conflict', overlap), actingAs: null };
  const policy = await exitPolicyOf(sql, r.orgId);
  const b = checkBriefingAtApproval(asBriefings(await briefingsOf(sql, r.personId)), r.departOn, policy);
  return { verdict: b.refusal ? refused('conflict', b.refusal) : allowed, actingAs: null };
};

export const exitSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const r = await getExit(sql, approval.subjectId, true);
  if (!r || r.approvalId !== approval.id || approval.status === 'pending') return;
  const today = todayInChina();
  let implied: string | null = null;
  if (approval.status === 'approved') {
    await updateExit(sql, r.id, { status: 'approved', approvedOn: today });
    implied = await recordImpliedMatterOfTrip(sql, actor, {
      orgId: r.orgId,
      personId: r.personId,
      exitId: r.id,
      kind: r.kind,
      on: today,
      note: `${r.destination}（${r.departOn}至${r.returnOn}）`,
    });
  } else await updateExit(sql, r.id, { status: approval.status });
  await appendAudit(sql, actor, {
    action: 'personnel.exit_settled',
    objectType: 'personnel_exit',
    objectId: r.id,
    summary: { personId: r.personId, approval: approval.status, impliedMatter: implied },
  });
};

export const exitLink: SubjectLink = async (sql, subjectId) =>
  (await getExit(sql, subjectId)) ? `/personnel/exits/${subjectId}` : null;

// ---- briefings (保密提醒, R-FOR-04)

export async function registerBriefing(sql: Sql, actor: Actor, caller: Caller, input: C.BriefingInput) {
  const person = await personRef(sql, input.personId);
  if (!person || person.orgId !== caller.orgId) throw notFound(PERSON, 'personId');
  enforce(personnelWriteVerdict(caller, person));
  const today = todayInChina();
  const c = checkBriefingInput({ heldOn: input.heldOn, topics: input.topics, today });
  if (!c.ok) throw invalid(c.violations[0]!, c.violations);
  if (input.exitId) {
    const e = await getExit(sql, input.exitId);
    if (!e || e.personId !== person.personId) throw notFound(EXIT, 'exitId');
  }
  const id = await insertBriefing(sql, {
    orgId: person.orgId,
    personId: person.personId,
    exitId: input.exitId ?? null,
    heldOn: input.heldOn,
    topics: input.topics,
    signed: input.signed,
    note: (input.note ?? '').trim(),
    givenByPersonId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.briefing',
    objectType: 'personnel_briefing',
    objectId: id,
    summary: { personId: person.personId, heldOn: input.heldOn, topics: input.topics, signed: input.signed },
  });
  return briefingView((await getBriefing(sql, id))!);
}

/** R-FOR-04: the person's signature on the printed record, registered later. */
export async function signBriefing(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const b = await getBriefing(sql, id, true);
  if (!b || b.orgId !== caller.orgId) throw notFound(BRIEFING);
  enforce(personnelWriteVerdict(caller, b));
  if (b.signed)
    throw conflict({
      code: 'briefing_signed',
      rule: 'R-FOR-04',
      zh: '该保密提醒记录已登记本人签字',
      en: 'The signature is already registered',
    });
  await markBriefingSigned(sql, b.id);
  await appendAudit(sql, actor, {
    action: 'personnel.briefing_sign',
    objectType: 'personnel_briefing',
    objectId: b.id,
    summary: { personId: b.personId },
  });
  return briefingView((await getBriefing(sql, b.id))!);
}

export async function listBriefings(
  sql: Sql,
  caller: Caller,
  personId: string | undefined,
  page: { limit: number; offset: number },
) {
  const r = await listBriefingRows(sql, personnelReadScope(caller), personId, page);
  return { items: r.items.map(briefingView), total: r.total };
}

/** A briefing the caller may read (the same read rule). */
export async function readableBriefing(sql: Sql, caller: Caller, id: string): Promise<BriefingRow> {
  const b = await getBriefing(sql, id);
  if (!b || b.orgId !== caller.orgId) throw notFound(BRIEFING);
  enforce(personnelReadVerdict(caller, b));
  return b;
}
