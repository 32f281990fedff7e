// 涉外活动, part "visitors and materials": materials for foreign parties (R-FOR-06, R-FOR-07, R-CAR-10,
// R-REV-01/02). A material names its activity (read through activityRef: a material of an activity the
// caller may not read is a 404), recipients, copies, recovery or destruction terms; it is submitted to
// the approval chain department head → business office → secrecy office (FOREIGN_MATERIALS_FLOW, frozen
// snapshot) only with a released confidentiality review (the review module, reviewRefs), with the
// national approval and the other side's written obligation when it holds state secrets (its own
// marking or a marking the review found), and never on a 绝密 carrier abroad (the carriers' read rule
// and R-CAR-10). The secrecy office's approval re-checks the review. Every change audited; every read of
// a material's detail audited; every refusal before any write.
import type * as C from '@baomi/api/foreign/material.ts';
import {
  abilityOf,
  addDays,
  allowed,
  checkCarrierAbroad,
  checkCarrierOut,
  checkMaterial,
  checkReviewReleased,
  checkSecretsProvision,
  cleanText,
  compareDates,
  conflict,
  DomainError,
  enforce,
  FOREIGN_MATERIALS_FLOW,
  type ForeignSubject,
  firstRefusal,
  foreignKeepVerdict,
  foreignReadScope,
  foreignReadVerdict,
  hiddenRecord,
  invalid,
  involvesStateSecrets,
  isPlainDate,
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_RECOVERY_LABELS,
  materialNotRecovered,
  notFound,
  type RuleViolation,
  refused,
  type Verdict,
} from '@baomi/domain';
import { type ApprovalRow, getApproval, listDecisions } from '../approvals/queries.ts';
import {
  type DecideGuard,
  openApproval,
  resubmitApproval,
  type SettleHandler,
  type SubjectLink,
} from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import {
  getMaterial,
  insertMaterial,
  listMaterialRows,
  type MaterialFilter,
  type MaterialRow,
  type MaterialValues,
  setMaterialState,
  updateMaterialValues,
} from './material.queries.ts';
import { carrierLevelOf, MATERIAL_REVIEW_PURPOSES, type ReviewRef, reviewOf } from './material.refs.ts';
import { type ActivityRef, activityOf } from './visitor.refs.ts';

export const MATERIAL = { zh: '对外提供资料', en: 'Material for a foreign party' };
const ACTIVITY = { zh: '涉外活动', en: 'Foreign-affairs activity' };

// ---- read rule

async function materialSubject(sql: Sql, m: MaterialRow): Promise<ForeignSubject> {
  const deciders = m.approvalId ? (await listDecisions(sql, m.approvalId)).map((d) => d.personId) : [];
  return { orgId: m.orgId, personIds: [m.requesterId, ...deciders], departmentId: m.departmentId };
}

/** A material the caller may read: the one read rule, and its activity's (null activityRef: 404). */
export async function readableMaterial(
  sql: Sql,
  caller: Caller,
  id: string,
  lock = false,
): Promise<{ m: MaterialRow; activity: ActivityRef }> {
  const m = await getMaterial(sql, id, lock);
  if (!m) throw notFound(MATERIAL);
  if (m.orgId !== caller.orgId) throw hiddenRecord(MATERIAL);
  enforce(foreignReadVerdict(caller, await materialSubject(sql, m)));
  const activity = await activityOf(sql, caller, m.activityId);
  if (!activity) throw hiddenRecord(MATERIAL);
  return { m, activity };
}

// ---- views

const today = () => todayInChina();

export function materialItem(m: MaterialRow, activity: ActivityRef | null, on = today()) {
  return {
    id: m.id,
    activityId: m.activityId,
    activityTitle: activity?.title ?? null,
    activityEndsOn: activity?.endsOn ?? null,
    departmentId: m.departmentId,
    departmentName: m.departmentName,
    requesterId: m.requesterId,
    requesterName: m.requesterName,
    title: m.title,
    kind: m.kind,
    delivery: m.delivery,
    recipients: m.recipients,
    copies: m.copies,
    recovery: m.recovery,
    recoveryTerms: m.recoveryTerms,
    recoverBy: m.recoverBy,
    level: m.level,
    carrierId: m.carrierId,
    reviewId: m.reviewId,
    status: m.status,
    approvalId: m.approvalId,
    providedOn: m.providedOn,
    closedOn: m.closedOn,
    notRecovered: materialNotRecovered(m, activity?.endsOn ?? null, on),
    createdAt: m.createdAt,
  };
}

const reviewSummary = (r: ReviewRef) => ({
  id: r.id,
  no: r.no,
  state: r.state,
  released: checkReviewReleased(r).ok,
  markedFiles: r.files.filter((f) => f.highestLevel !== null).length,
  files: r.files.length,
});

const national = (m: MaterialRow) =>
  m.nationalOn ? { number: m.nationalNo, on: m.nationalOn, authority: m.nationalAuthority } : null;
const obligation = (m: MaterialRow) =>
  m.obligationOn ? { reference: m.obligationRef, on: m.obligationOn } : null;

/** Everything that blocks a submission (the same checks submit and the secrecy office's approval make). */
async function blockersOf(
  sql: Sql,
  caller: Caller,
  m: MaterialRow,
  review: ReviewRef | null,
): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  const r = checkReviewReleased(m.reviewId ? review && { no: review.no, state: review.state } : null);
  if (!r.ok) out.push(...r.violations);
  const secret = involvesStateSecrets(
    m.level,
    (review?.files ?? []).map((f) => f.highestLevel),
  );
  const s = checkSecretsProvision(secret, national(m), obligation(m), today());
  if (!s.ok) out.push(...s.violations);
  if (m.carrierId) {
    const c = await carrierLevelOf(sql, caller, m.carrierId).catch(() => null);
    const a = checkCarrierAbroad(c?.level ?? null, m.delivery);
    if (!a.ok) out.push(...a.violations);
  }
  return out;
}

const EDITABLE = new Set(['draft', 'returned', 'rejected']);

const notEditable = (m: MaterialRow): Verdict =>
  EDITABLE.has(m.status)
    ? allowed
    : refused('conflict', {
        code: 'material_not_editable',
        rule: 'R-FOR-06',
        field: 'status',
        zh: '资料已报批或已批准，不能修改；被退回或未获批准后可修改重新报批',
        en: 'The material is on its approval or approved; it can be changed once returned or rejected',
      });

const keep = (caller: Caller, m: MaterialRow) =>
  foreignKeepVerdict(caller, { orgId: m.orgId, personIds: [m.requesterId], departmentId: m.departmentId });

function stateVerdict(m: MaterialRow, want: string, zh: string, en: string): Verdict {
  return m.status === want
    ? allowed
    : refused('conflict', { code: 'material_wrong_state', rule: 'R-FOR-06', field: 'status', zh, en });
}

function abilities(caller: Caller, m: MaterialRow, blockers: RuleViolation[]) {
  const edit = firstRefusal(
    () => keep(caller, m),
    () => notEditable(m),
  );
  const submit = firstRefusal(
    () => edit,
    () => (blockers.length ? refused('conflict', blockers[0]!, blockers) : allowed),
  );
  return {
    edit: abilityOf(edit),
    linkReview: abilityOf(edit),
    submit: abilityOf(submit),
    provide: abilityOf(
      firstRefusal(
        () => keep(caller, m),
        () => stateVerdict(m, 'approved', '资料尚未批准，不能对外提供', 'The material is not approved'),
      ),
    ),
    close: abilityOf(
      firstRefusal(
        () => keep(caller, m),
        () => stateVerdict(m, 'provided', '资料尚未对外提供', 'The material has not been provided'),
      ),
    ),
    print: abilityOf(allowed),
  };
}

// ---- input

async function valuesOf(
  sql: Sql,
  caller: Caller,
  input: C.MaterialInput,
): Promise<{ v: MaterialValues; activity: ActivityRef }> {
  const on = today();
  const c = checkMaterial({
    title: input.title,
    recipients: input.recipients,
    copies: input.copies,
    recovery: input.recovery,
    recoveryTerms: input.recoveryTerms ?? '',
    recoverBy: input.recoverBy ?? null,
    today: on,
  });
  const out = c.ok ? [] : [...c.violations];
  for (const [field, d] of [
    ['nationalApproval', input.nationalApproval?.on],
    ['obligation', input.obligation?.on],
  ] as const)
    if (
      d !== undefined &&
      (!isPlainDate(d) || compareDates(d, '2000-01-01') < 0 || compareDates(d, addDays(on, 1)) > 0)
    )
      out.push({
        code: 'material_date_invalid',
        rule: 'R-FOR-06',
        field,
        zh: '批准或承诺日期须是2000年以后、不晚于今天的日期',
        en: 'The date is after 2000 and not in the future',
      });
  if (out.length) throw invalid(out[0]!, out);
  const activity = await activityOf(sql, caller, input.activityId);
  if (!activity) throw notFound(ACTIVITY, 'activityId');
  if (input.reviewId) await checkedReview(sql, caller, input.reviewId);
  if (input.carrierId) {
    const carrier = await carrierLevelOf(sql, caller, input.carrierId);
    const a = checkCarrierAbroad(carrier.level, input.delivery);
    if (!a.ok) throw conflict(a.violations[0]!);
  }
  const title = cleanText(input.title);
  const recovery = input.recovery;
  return {
    activity,
    v: {
      activityId: activity.id,
      title,
      titleSort: sortKey(title),
      kind: input.kind,
      delivery: input.delivery,
      recipients: input.recipients.map(cleanText),
      copies: input.copies,
      recovery,
      recoveryTerms: recovery === 'retain' ? '' : cleanText(input.recoveryTerms ?? ''),
      recoverBy: recovery === 'retain' ? null : (input.recoverBy ?? null),
      level: input.level ?? null,
      carrierId: input.carrierId ?? null,
      reviewId: input.reviewId ?? null,
      nationalNo: cleanText(input.nationalApproval?.number ?? ''),
      nationalOn: input.nationalApproval?.on ?? null,
      nationalAuthority: cleanText(input.nationalApproval?.authority ?? ''),
      obligationRef: cleanText(input.obligation?.reference ?? ''),
      obligationOn: input.obligation?.on ?? null,
    },
  };
}

async function checkedReview(sql: Sql, caller: Caller, reviewId: string): Promise<ReviewRef> {
  const r = await reviewOf(sql, caller, reviewId);
  if (!r) throw notFound({ zh: '保密审查申请', en: 'Review request' }, 'reviewId');
  if (!(MATERIAL_REVIEW_PURPOSES as readonly string[]).includes(r.purpose))
    throw invalid({
      code: 'material_review_purpose',
      rule: 'R-FOR-07',
      field: 'reviewId',
      zh: `保密审查${r.no}的用途不是“对外提供资料”或“涉外论文、讲话、新闻稿”`,
      en: `Review ${r.no} is not for materials for foreign parties or foreign publications`,
    });
  return r;
}

const auditValues = (v: MaterialValues) => ({
  activityId: v.activityId,
  kind: v.kind,
  delivery: v.delivery,
  recipients: v.recipients,
  copies: v.copies,
  recovery: v.recovery,
  recoverBy: v.recoverBy,
  level: v.level,
  carrierId: v.carrierId,
  reviewId: v.reviewId,
  nationalNo: v.nationalNo || null,
  obligation: v.obligationRef ? true : null,
});

// ---- use cases

export async function createMaterial(sql: Sql, actor: Actor, caller: Caller, input: C.MaterialInput) {
  const { v, activity } = await valuesOf(sql, caller, input);
  if (!caller.departmentId)
    throw invalid({
      code: 'no_department',
      rule: 'R-FOR-06',
      field: 'departmentId',
      zh: '申请人须属于某一部门（部门负责人审核）',
      en: 'The requester belongs to a department (its head reviews first)',
    });
  const id = await insertMaterial(sql, {
    ...v,
    orgId: caller.orgId,
    departmentId: caller.departmentId,
    requesterId: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'foreign.material_create',
    objectType: 'foreign_material',
    objectId: id,
    summary: auditValues(v),
  });
  return materialItem((await getMaterial(sql, id))!, activity);
}

export async function changeMaterial(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.MaterialInput,
) {
  const { m } = await readableMaterial(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => keep(caller, m),
      () => notEditable(m),
    ),
  );
  const { v, activity } = await valuesOf(sql, caller, input);
  await updateMaterialValues(sql, m.id, v);
  const before: Record<string, unknown> = auditValues({
    ...v,
    activityId: m.activityId,
    kind: m.kind,
    delivery: m.delivery,
    recipients: m.recipients,
    copies: m.copies,
    recovery: m.recovery,
    recoverBy: m.recoverBy,
    level: m.level,
    carrierId: m.carrierId,
    reviewId: m.reviewId,
    nationalNo: m.nationalNo,
    obligationRef: m.obligationRef,
  });
  const after: Record<string, unknown> = auditValues(v);
  const changes: Record<string, unknown> = {};
  for (const k of Object.keys(after))
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      changes[k] = { from: before[k], to: after[k] };
  if (m.title !== v.title) changes.titleChanged = true;
  await appendAudit(sql, actor, {
    action: 'foreign.material_update',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: changes,
  });
  return materialItem((await getMaterial(sql, m.id))!, activity);
}

/** R-FOR-07: link the review request made for this material (from here with its source, or picked). */
export async function linkReview(sql: Sql, actor: Actor, caller: Caller, id: string, reviewId: string) {
  const { m, activity } = await readableMaterial(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => keep(caller, m),
      () => notEditable(m),
    ),
  );
  const r = await checkedReview(sql, caller, reviewId);
  await setMaterialState(sql, m.id, { reviewId: r.id });
  await appendAudit(sql, actor, {
    action: 'foreign.material_review_link',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { reviewNo: r.no, reviewId: { from: m.reviewId, to: r.id } },
  });
  return materialItem((await getMaterial(sql, m.id))!, activity);
}

function subjectOf(m: MaterialRow, activity: ActivityRef, review: ReviewRef | null) {
  return {
    materials: [`${m.title}（${MATERIAL_DELIVERY_LABELS[m.delivery].zh}）`],
    recipients: m.recipients,
    copies: m.copies,
    recovery: [
      MATERIAL_RECOVERY_LABELS[m.recovery].zh,
      m.recoveryTerms,
      m.recoverBy ? `期限${m.recoverBy}` : '',
    ]
      .filter(Boolean)
      .join('；'),
    activity: activity.title,
    review: review ? `${review.no}（${review.state}）` : null,
    level: m.level,
    nationalApproval: m.nationalOn ? `${m.nationalAuthority}${m.nationalNo}（${m.nationalOn}）` : null,
    obligation: m.obligationOn ? `${m.obligationRef}（${m.obligationOn}）` : null,
  };
}

/**
 * R-FOR-06, R-FOR-07, R-CAR-10: submit to the approval chain: refused (409, every reason in details)
 * without a released review, with state secrets but no national approval or written obligation, or on a
 * 绝密 carrier abroad. A returned approval is resubmitted (new round, new snapshot); else a new one.
 */
export async function submitMaterial(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const { m, activity } = await readableMaterial(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => keep(caller, m),
      () => notEditable(m),
    ),
  );
  const review = m.reviewId ? await reviewOf(sql, caller, m.reviewId) : null;
  const blockers = await blockersOf(sql, caller, m, review);
  if (blockers.length) throw new DomainError('conflict', blockers[0]!, blockers);
  const subject = subjectOf(m, activity, review);
  let approvalId = m.approvalId;
  const prior = m.approvalId ? await getApproval(sql, m.approvalId) : null;
  if (m.status === 'returned' && prior && prior.initiatorPersonId === caller.personId) {
    await resubmitApproval(sql, actor, caller.personId, prior.id, subject);
  } else {
    const a = await openApproval(sql, actor, {
      flowType: FOREIGN_MATERIALS_FLOW.type,
      subjectType: 'foreign_material',
      subjectId: m.id,
      title: `对外提供资料审批：${m.title}`,
      orgId: m.orgId,
      departmentId: m.departmentId,
      initiatorPersonId: caller.personId,
      subject,
    });
    approvalId = a.id;
  }
  await setMaterialState(sql, m.id, { status: 'pending', ...(approvalId ? { approvalId } : {}) });
  await appendAudit(sql, actor, {
    action: 'foreign.material_submit',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { status: { from: m.status, to: 'pending' }, reviewNo: review?.no ?? null, approvalId },
  });
  return materialItem((await getMaterial(sql, m.id))!, activity);
}

export async function materialDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const { m, activity } = await readableMaterial(sql, caller, id);
  const review = m.reviewId ? await reviewOf(sql, caller, m.reviewId) : null;
  const blockers = EDITABLE.has(m.status) ? await blockersOf(sql, caller, m, review) : [];
  await appendAudit(sql, actor, {
    action: 'foreign.material_read',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { status: m.status, level: m.level },
  });
  const secret = involvesStateSecrets(
    m.level,
    (review?.files ?? []).map((f) => f.highestLevel),
  );
  return {
    ...materialItem(m, activity),
    review: review ? reviewSummary(review) : null,
    secrets: secret,
    nationalApproval: national(m),
    obligation: obligation(m),
    closeNote: m.closeNote,
    blockers: blockers.map((b) => ({ zh: b.zh, en: b.en })),
    abilities: abilities(caller, m, blockers),
  };
}

export async function listMaterials(
  sql: Sql,
  caller: Caller,
  f: MaterialFilter & { notRecovered?: boolean },
  page: { limit: number; offset: number } | null,
) {
  // The rows of the read rule, then each activity's own rule (a material of an activity the caller may
  // not read never shows, nor its title); the page is cut after that filter.
  const rows = await listMaterialRows(sql, foreignReadScope(caller), f, null);
  const acts = new Map<string, ActivityRef | null>();
  const on = today();
  const items = [];
  for (const m of rows) {
    if (!acts.has(m.activityId)) acts.set(m.activityId, await activityOf(sql, caller, m.activityId));
    const a = acts.get(m.activityId)!;
    if (!a) continue;
    const item = materialItem(m, a, on);
    if (f.notRecovered && !item.notRecovered) continue;
    items.push(item);
  }
  const slice = page ? items.slice(page.offset, page.offset + page.limit) : items;
  return { items: slice, total: items.length };
}

const dayOk = (d: string) =>
  isPlainDate(d) && compareDates(d, addDays(today(), -366)) >= 0 && compareDates(d, today()) <= 0;
const badDay = (field: string) =>
  invalid({
    code: 'material_day_invalid',
    rule: 'R-FOR-06',
    field,
    zh: '日期须在一年之内且不晚于今天',
    en: 'The date is within the last year and not in the future',
  });

/** R-FOR-06: the approved material is handed over (kept by the recipient: the record closes). */
export async function provideMaterial(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ProvideInput,
) {
  const { m, activity } = await readableMaterial(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => keep(caller, m),
      () => stateVerdict(m, 'approved', '资料尚未批准，不能对外提供', 'The material is not approved'),
    ),
  );
  if (!dayOk(input.on)) throw badDay('on');
  if (m.carrierId) {
    const c = await carrierLevelOf(sql, caller, m.carrierId);
    const out = checkCarrierOut(c.status, m.delivery);
    if (!out.ok) throw conflict(out.violations[0]!);
  }
  const to = m.recovery === 'retain' ? 'closed' : 'provided';
  await setMaterialState(sql, m.id, {
    status: to,
    providedOn: input.on,
    ...(to === 'closed' ? { closedOn: input.on } : {}),
    closeNote: (input.note ?? '').trim(),
  });
  await appendAudit(sql, actor, {
    action: 'foreign.material_provide',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { status: { from: m.status, to }, on: input.on },
  });
  return materialItem((await getMaterial(sql, m.id))!, activity);
}

/** R-FOR-06, R-FOR-08: the provided copies are recovered, or their destruction confirmed. */
export async function closeMaterial(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.ProvideInput,
) {
  const { m, activity } = await readableMaterial(sql, caller, id, true);
  enforce(
    firstRefusal(
      () => keep(caller, m),
      () => stateVerdict(m, 'provided', '资料尚未对外提供', 'The material has not been provided'),
    ),
  );
  if (!dayOk(input.on) || (m.providedOn && compareDates(input.on, m.providedOn) < 0)) throw badDay('on');
  await setMaterialState(sql, m.id, {
    status: 'closed',
    closedOn: input.on,
    closeNote: (input.note ?? '').trim(),
  });
  await appendAudit(sql, actor, {
    action: 'foreign.material_close',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { status: { from: m.status, to: 'closed' }, on: input.on, recovery: m.recovery },
  });
  return materialItem((await getMaterial(sql, m.id))!, activity);
}

// ---- the approval's hooks (FOREIGN_MATERIALS_FLOW)

/**
 * R-FOR-06: the secrecy office approves only while the review is still released and the secrets'
 * conditions hold (a review withdrawn or refused since the submission blocks it).
 */
export const materialGuard: DecideGuard = async (sql, approval, who, input) => {
  if (input.decision !== 'approve') return { verdict: allowed, actingAs: null };
  const m = await getMaterial(sql, approval.subjectId);
  if (!m) return { verdict: allowed, actingAs: null };
  const caller: Caller = {
    accountId: '',
    personId: who.personId,
    orgId: who.orgId,
    departmentId: who.departmentId,
    position: '',
    clearance: 'none',
    roles: who.roles,
  };
  const review = m.reviewId ? await reviewOf(sql, caller, m.reviewId) : null;
  const blockers = await blockersOf(sql, caller, m, review);
  return { verdict: blockers.length ? refused('conflict', blockers[0]!, blockers) : allowed, actingAs: null };
};

export const materialSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const m = await getMaterial(sql, approval.subjectId, true);
  if (!m || m.approvalId !== approval.id || approval.status === 'pending') return;
  const to =
    approval.status === 'approved' ? 'approved' : approval.status === 'returned' ? 'returned' : 'rejected';
  await setMaterialState(sql, m.id, { status: to });
  await appendAudit(sql, actor, {
    action: 'foreign.material_settled',
    objectType: 'foreign_material',
    objectId: m.id,
    summary: { status: { from: m.status, to }, approval: approval.status },
  });
};

export const materialLink: SubjectLink = async (sql, subjectId) =>
  (await getMaterial(sql, subjectId)) ? `/foreign/materials/${subjectId}` : null;
