// R-DES-01…08a: designation items (定密事项) — the handler's draft, submission to the designator
// (DESIGNATION_FLOW) or up as a 无权定密事项申报 / 不明确事项 (ESCALATION_FLOW), corrections, and what
// approval does: item number, marking, release date, knower list, notices. Changes and releases are in
// items.changes.ts. The domain decides (checkDraft, canDesignate, escalationTarget, mayDecide …); this
// file fetches the facts, writes, and audits in the caller's transaction.
import {
  addDays,
  allowed,
  atDesignatorStep,
  type BusinessRole,
  type Check,
  checkDraft,
  conflict,
  DESIGNATION_FLOW,
  type Decider,
  type DesignationBasis,
  DomainError,
  derivedTerms,
  designationPeriod,
  designatorStanding,
  ESCALATION_FLOW,
  enforce,
  escalationTarget,
  fail,
  formatMarking,
  invalid,
  type KnowScope,
  LEVEL_LABELS,
  type MatterDraft,
  mayDecide,
  mayEditItem,
  mustKeepKnowerList,
  NON_CLASSIFIABLE_GROUNDS,
  type NonClassifiableGround,
  notFound,
  ok,
  type Period,
  protectionLevel,
  type RuleViolation,
  refused,
  releaseDate,
  type SourceItem,
  type StateSecretLevel,
  unclearMatterBureauLevel,
  unclearMatterDeadlines,
  type Verdict,
} from '@baomi/domain';
import { type ApprovalRow, getApproval, listDecisions } from '../approvals/queries.ts';
import {
  decideApproval,
  openApproval,
  resubmitApproval,
  type SettleHandler,
  type SubjectLink,
  withdrawApproval,
} from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { countDepartmentsOf, getDepartment, getOrg } from '../orgs/queries.ts';
import { countPeopleOf } from '../people/queries.ts';
import { addNotices } from '../todos/queries.ts';
import { loadWorkCalendar } from '../workdays/queries.ts';
import { authorityFor, superiors } from './authority.service.ts';
import { todayInChina } from './common.ts';
import { getDesignator, openAbsences, toDomainAbsence, toDomainDesignator } from './designators.queries.ts';
import {
  addKnowers,
  catalogueFor,
  closeEscalations,
  getItem,
  type ItemRow,
  type ItemWrite,
  insertEscalation,
  insertItem,
  nextItemNumber,
  peopleInScope,
  updateDraft,
  updateItemRow,
} from './items.queries.ts';

export const ITEM = { zh: '定密事项', en: 'Designation item' };
const DESIGNATION_ROLES: readonly BusinessRole[] = ['secrecy_officer', 'designator', 'leader'];

/** The business person acting (from the session: http/policy.ts callerOf). */
export type ItemCaller = Caller;

export const hasDesignationRole = (c: ItemCaller) => c.roles.some((r) => DESIGNATION_ROLES.includes(r));

export const deciderOfCaller = (c: ItemCaller): Decider => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  roles: c.roles,
});

export interface ItemInput {
  title: string;
  departmentId?: string | null;
  basis: {
    catalogueEntryId?: string | null;
    text?: string;
    grounds: Partial<Record<NonClassifiableGround, boolean>>;
  };
  origin: 'original' | 'derived';
  sourceItemId?: string | null;
  level?: StateSecretLevel;
  period?: Period;
  issueDate: string;
  knowScope?: KnowScope;
}

/** The domain's source item of a stored item. */
export function sourceOf(item: ItemRow): SourceItem {
  return {
    id: item.id,
    level: item.level,
    period: item.period,
    issueDate: item.issueDate,
    knowScope: item.knowScope,
    released: item.status === 'released',
  };
}

/**
 * What the approval freezes (its flows' material fields, fingerprinted), what the settle handler
 * applies, and what the approval page shows beside them (flows.ts `fields`: the marking the terms
 * give, the catalogue clause, the source's title, the handler).
 */
export function subjectOf(
  item: Pick<ItemRow, 'title' | 'level' | 'period' | 'knowScope' | 'origin' | 'sourceItemId'> & {
    basis: { catalogueEntryId: string | null; text: string; grounds: unknown; clause?: string | null };
    handlerName?: string;
    sourceTitle?: string | null;
  },
): Record<string, unknown> {
  return {
    title: item.title,
    level: item.level,
    period: item.period,
    knowScope: item.knowScope,
    basis: {
      catalogueEntryId: item.basis.catalogueEntryId,
      text: item.basis.text,
      grounds: item.basis.grounds,
    },
    origin: item.origin,
    sourceItemId: item.sourceItemId,
    // Shown, not material (issue 6 §4): a change of these alone does not reopen the approval.
    marking: formatMarking({ level: item.level, period: item.period }),
    basisClause: item.basis.clause ?? null,
    sourceTitle: item.sourceTitle ?? null,
    handlerName: item.handlerName ?? null,
  };
}

/** The title of an item's source (for the approval's snapshot), if it has one. */
export async function sourceTitleOf(sql: Sql, item: Pick<ItemRow, 'sourceItemId'>): Promise<string | null> {
  return item.sourceItemId ? ((await getItem(sql, item.sourceItemId))?.title ?? null) : null;
}

const v = (code: string, zh: string, en: string, field?: string, rule?: string): RuleViolation => ({
  code,
  zh,
  en,
  ...(field ? { field } : {}),
  ...(rule ? { rule } : {}),
});

function refuseCheck(check: Check): void {
  if (!check.ok) throw invalid(check.violations[0]!, check.violations);
}

/** An item of the caller's own organisation, else 404 (another organisation's item is never revealed). */
export async function ownItem(sql: Sql, caller: ItemCaller, id: string, lock = false): Promise<ItemRow> {
  const item = await getItem(sql, id, lock);
  if (!item || item.orgId !== caller.orgId) throw notFound(ITEM);
  return item;
}

/** People and departments named in a scope must belong to the organisation (R-DES-08a). */
async function scopeProblems(sql: Sql, orgId: string, scope: KnowScope): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  const counts = {
    people: await countPeopleOf(sql, orgId, [...new Set(scope.personIds)]),
    depts: await countDepartmentsOf(sql, orgId, [...new Set(scope.departmentIds)]),
  };
  if (counts.people !== new Set(scope.personIds).size)
    out.push(
      v(
        'scope_person_unknown',
        '知悉范围中有不属于本单位的人员',
        'The knowledge scope names a person who is not in this organisation',
        'knowScope.personIds',
        'R-DES-08a',
      ),
    );
  if (counts.depts !== new Set(scope.departmentIds).size)
    out.push(
      v(
        'scope_department_unknown',
        '知悉范围中有不属于本单位的部门',
        'The knowledge scope names a department that is not in this organisation',
        'knowScope.departmentIds',
        'R-DES-08a',
      ),
    );
  return out;
}

/**
 * R-DES-06, R-DES-01, R-DES-01a, R-LVL-02: turns the handler's input into a stored draft, or refuses
 * with every violation (bilingual) and writes nothing. A derived matter takes its source's terms when
 * they are left out (derivedTerms).
 */
async function draftFrom(
  sql: Sql,
  caller: ItemCaller,
  input: ItemInput,
  selfId: string | null,
): Promise<ItemWrite> {
  const pre: RuleViolation[] = [];
  let source: ItemRow | null = null;
  if (input.origin === 'derived' && input.sourceItemId) {
    source = await getItem(sql, input.sourceItemId);
    if (!source || source.orgId !== caller.orgId || source.id === selfId)
      throw notFound(ITEM, 'sourceItemId');
    if (source.status !== 'approved' && source.status !== 'released')
      pre.push(
        v(
          'source_not_designated',
          '来源事项尚未定密，不能据此派生定密',
          'The source item has not been designated yet: nothing to derive',
          'sourceItemId',
          'R-DES-01',
        ),
      );
  }
  const terms = source && source.status !== 'draft' ? derivedTerms(sourceOf(source), input.issueDate) : null;
  const level = input.level ?? terms?.level;
  const period = input.period ?? terms?.period;
  const knowScope = input.knowScope ?? terms?.knowScope;
  for (const [f, val, zh] of [
    ['level', level, '密级'],
    ['period', period, '保密期限'],
    ['knowScope', knowScope, '知悉范围'],
  ] as const) {
    if (val === undefined && input.origin === 'original')
      pre.push(v('field_required', `请填写${zh}`, `Field ${f} is required`, f, 'R-LVL-01'));
  }
  let departmentId = input.departmentId === undefined ? caller.departmentId : input.departmentId;
  if (departmentId) {
    const dept = await getDepartment(sql, departmentId);
    if (!dept || dept.orgId !== caller.orgId)
      throw notFound({ zh: '部门', en: 'Department' }, 'departmentId');
  } else departmentId = null;
  const grounds = Object.fromEntries(
    NON_CLASSIFIABLE_GROUNDS.map((g) => [g, input.basis.grounds[g]]),
  ) as Record<NonClassifiableGround, boolean>;
  const basis: DesignationBasis = {
    ...(input.basis.catalogueEntryId ? { catalogueEntryId: input.basis.catalogueEntryId } : {}),
    text: (input.basis.text ?? '').trim(),
    grounds,
  };
  const draft: MatterDraft = {
    title: input.title.trim(),
    basis,
    kind: input.origin,
    ...(source ? { sourceItem: sourceOf(source) } : {}),
    level: level ?? 'confidential',
    // R-LVL-02: the level alone is stored as the legal maximum (秘密10/机密20/绝密30年).
    period: designationPeriod(level ?? 'confidential', period ?? { kind: 'default' }),
    issueDate: input.issueDate,
    knowScope: knowScope ?? { personIds: [], departmentIds: [], positions: [] },
  };
  const check = checkDraft(draft, {
    catalogue: await catalogueFor(sql, caller.orgId),
    today: todayInChina(),
  });
  const all = [
    ...pre,
    ...(check.ok ? [] : check.violations),
    ...(await scopeProblems(sql, caller.orgId, draft.knowScope)),
  ];
  refuseCheck(all.length ? fail(...all) : ok);
  return {
    orgId: caller.orgId,
    departmentId,
    handlerPersonId: caller.personId,
    title: draft.title,
    basis,
    origin: input.origin,
    sourceItemId: source?.id ?? null,
    level: draft.level,
    period: draft.period,
    issueDate: draft.issueDate,
    knowScope: draft.knowScope,
  };
}

export async function createItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  input: ItemInput,
): Promise<ItemRow> {
  const w = await draftFrom(sql, caller, input, null);
  const id = await insertItem(sql, w);
  await appendAudit(sql, actor, {
    action: 'designation_item.create',
    objectType: 'designation_item',
    objectId: id,
    summary: { level: w.level, origin: w.origin, sourceItemId: w.sourceItemId, period: w.period },
  });
  return (await getItem(sql, id))!;
}

export async function updateItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: ItemInput,
): Promise<ItemRow> {
  const item = await ownItem(sql, caller, id, true);
  // items.policy.ts itemRules.edit / .submit: the handler of this draft (R-DES-06).
  enforce(mayEditItem(caller, item));
  const w = await draftFrom(sql, caller, input, id);
  await updateDraft(sql, id, w);
  await appendAudit(sql, actor, {
    action: 'designation_item.update',
    objectType: 'designation_item',
    objectId: id,
    summary: { level: w.level, origin: w.origin, period: w.period },
  });
  return (await getItem(sql, id))!;
}

/** The draft the domain checks, from a stored item (and its source). */
async function storedDraft(sql: Sql, item: ItemRow, terms?: Partial<MatterDraft>): Promise<MatterDraft> {
  const source = item.sourceItemId ? await getItem(sql, item.sourceItemId) : null;
  return {
    title: item.title,
    basis: {
      ...(item.basis.catalogueEntryId ? { catalogueEntryId: item.basis.catalogueEntryId } : {}),
      text: item.basis.text,
      grounds: item.basis.grounds,
    },
    kind: item.origin,
    ...(source ? { sourceItem: sourceOf(source) } : {}),
    level: item.level,
    period: item.period,
    issueDate: item.issueDate,
    knowScope: item.knowScope,
    ...terms,
  };
}

const noTarget = () =>
  conflict({
    code: 'no_escalation_target',
    rule: 'R-DES-07',
    zh: '没有可以上报的上级机关或保密行政管理部门，请系统管理员完善组织机构',
    en: 'There is no superior or secrecy bureau to send the matter to; the system administrator completes the organisation tree',
  });

export interface SubmitInput {
  /** R-DES-07: the handler reports the matter as 不明确事项 (unclear whether or at which level it is secret). */
  unclear?: boolean;
}

/**
 * R-DES-06, R-DES-07: the handler submits. Within the organisation's authority (canDesignate) it goes to
 * the secrecy officer and the designator (DESIGNATION_FLOW); above it, or when unclear, it goes up
 * (ESCALATION_FLOW) and is protected meanwhile at the level claimed (protectionLevel). A returned item
 * resubmitted the same way resumes its approval (resubmitApproval).
 */
export async function submitItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: SubmitInput,
): Promise<ItemRow> {
  const item = await ownItem(sql, caller, id, true);
  // items.policy.ts itemRules.edit / .submit: the handler of this draft (R-DES-06).
  enforce(mayEditItem(caller, item));
  const draft = await storedDraft(sql, item);
  refuseCheck(checkDraft(draft, { catalogue: await catalogueFor(sql, item.orgId), today: todayInChina() }));
  const org = (await getOrg(sql, item.orgId))!;
  const today = todayInChina();
  const subject = subjectOf({ ...item, sourceTitle: await sourceTitleOf(sql, item) });

  let route: {
    flow: 'designation' | 'escalation';
    targetOrgId?: string;
    kind?: 'above_authority' | 'unclear';
  };
  let reasons: RuleViolation[];
  let deadlines: { reportBy: string | null; decideBy: string | null } = { reportBy: null, decideBy: null };
  if (input.unclear) {
    // R-DES-07: unclear matters go to the bureau: the national one for 绝密 or a central organ, else the
    // provincial; the nearest bureau above when the tree holds no bureau of that level.
    const { chain } = await superiors(sql, org, today);
    const bureaus = chain.filter((o) => o.kind === 'secrecy_bureau');
    const want = unclearMatterBureauLevel(item.level, org.level);
    const bureau = bureaus.find((o) => o.level === want) ?? bureaus[0];
    if (!bureau) throw noTarget();
    route = { flow: 'escalation', targetOrgId: bureau.id, kind: 'unclear' };
    // Working days on the secrecy office's calendar (10 working days fit well inside 60 calendar days).
    const draftedOn = todayInChina(item.createdAt);
    const cal = await loadWorkCalendar(sql, draftedOn, addDays(today, 60));
    const d = unclearMatterDeadlines({ draftedOn, receivedOn: today }, cal);
    deadlines = { reportBy: d.reportBy, decideBy: d.decideBy };
    reasons = [
      v(
        'unclear_matter',
        `不明确事项：报${bureau.name}确定，应于${d.reportBy}前上报、${d.decideBy}前作出决定；期间按${LEVEL_LABELS[item.level].zh}级保护`,
        `Unclear matter: sent to ${bureau.name}, to be reported by ${d.reportBy} and decided by ${d.decideBy}; protected meanwhile`,
        undefined,
        'R-DES-07',
      ),
    ];
  } else {
    const decision = await authorityFor(sql, org, item.level, item.origin, today);
    reasons = decision.reasons;
    if (decision.allowed) route = { flow: 'designation' };
    else {
      const { candidates, chain } = await superiors(sql, org, today);
      const bureau = chain.find((o) => o.kind === 'secrecy_bureau') ?? null;
      const target = escalationTarget(candidates, item.level, bureau?.id ?? null);
      if (!target.orgId) throw noTarget();
      route = { flow: 'escalation', targetOrgId: target.orgId, kind: 'above_authority' };
      reasons = [...decision.reasons, ...target.reasons];
    }
  }

  const flowType = route.flow === 'designation' ? DESIGNATION_FLOW.type : ESCALATION_FLOW.type;
  const prev = item.approvalId ? await getApproval(sql, item.approvalId) : null;
  let approval: ApprovalRow;
  if (
    prev &&
    prev.status === 'returned' &&
    prev.flowType === flowType &&
    (route.flow === 'designation' || prev.steps[0]?.orgId === route.targetOrgId)
  ) {
    approval = await resubmitApproval(sql, actor, caller.personId, prev.id, subject);
  } else {
    if (prev && prev.status === 'returned') {
      // The returned request goes another way now (e.g. the level changed): close it, detached from the
      // item first so that closing it does not mark the item withdrawn.
      await updateItemRow(sql, item.id, { approval_id: null });
      await withdrawApproval(sql, actor, caller.personId, prev.id);
    }
    approval = await openApproval(sql, actor, {
      flowType,
      subjectType: 'designation_item',
      subjectId: item.id,
      title: item.title,
      orgId: item.orgId,
      departmentId: item.departmentId,
      initiatorPersonId: caller.personId,
      subject,
      ...(route.targetOrgId ? { targetOrgId: route.targetOrgId } : {}),
    });
  }
  const protect = route.flow === 'escalation' ? protectionLevel([item.level]) : null;
  const status =
    route.flow === 'designation' ? 'in_review' : route.kind === 'unclear' ? 'unclear' : 'escalated';
  await updateItemRow(sql, item.id, { status, approval_id: approval.id, protection_level: protect });
  if (route.flow === 'escalation') {
    await insertEscalation(sql, {
      item_id: item.id,
      kind: route.kind!,
      from_org_id: item.orgId,
      to_org_id: route.targetOrgId!,
      approval_id: approval.id,
      reported_on: today,
      reported_by_deadline: deadlines.reportBy,
      decide_by_deadline: deadlines.decideBy,
      protection_level: protect!,
      reasons: JSON.stringify(reasons),
    });
  }
  await appendAudit(sql, actor, {
    action: 'designation_item.submit',
    objectType: 'designation_item',
    objectId: item.id,
    summary: {
      status,
      approvalId: approval.id,
      targetOrgId: route.targetOrgId ?? null,
      reasons: reasons.map((r) => r.code),
    },
  });
  return (await getItem(sql, item.id))!;
}

export interface CorrectInput {
  level: StateSecretLevel;
  period: Period;
  knowScope: KnowScope;
  note: string;
}

/**
 * R-DES-06: the designator approves with corrections (level, period, scope, with a note). The corrected
 * matter is checked like a draft and, for a matter decided in its own organisation, against the
 * authority (R-DES-07); the approval records the corrected subject, which the settle handler applies.
 */
export async function correctItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: CorrectInput,
): Promise<ItemRow> {
  const item = await getItem(sql, id, true);
  const approval = item?.approvalId ? await getApproval(sql, item.approvalId) : null;
  const step = approval?.status === 'pending' ? approval.steps[approval.stepIndex] : undefined;
  // Not found outside the item's organisation and the one deciding it; inside, an item with nothing at a
  // designator's step is refused by the same rule its `correct` ability reports (409, not 404).
  if (!item || (item.orgId !== caller.orgId && step?.orgId !== caller.orgId)) throw notFound(ITEM);
  // items.policy.ts itemRules.correct (then decideApproval runs the decider rule and the designator guard).
  enforce(atDesignatorStep(caller, step));
  if (!approval) throw notFound(ITEM); // unreachable: a step means a pending approval
  const period = designationPeriod(input.level, input.period);
  const draft = await storedDraft(sql, item, { level: input.level, period, knowScope: input.knowScope });
  const check = checkDraft(draft, { catalogue: await catalogueFor(sql, item.orgId), today: todayInChina() });
  const all = [
    ...(check.ok ? [] : check.violations),
    ...(await scopeProblems(sql, item.orgId, input.knowScope)),
  ];
  refuseCheck(all.length ? fail(...all) : ok);
  if (approval.flowType === DESIGNATION_FLOW.type) {
    const org = (await getOrg(sql, item.orgId))!;
    const decision = await authorityFor(sql, org, input.level, item.origin, todayInChina());
    if (!decision.allowed) throw new DomainError('conflict', decision.reasons.at(-1)!, decision.reasons);
  }
  const corrected = subjectOf({
    ...item,
    sourceTitle: await sourceTitleOf(sql, item),
    level: input.level,
    period,
    knowScope: input.knowScope,
  });
  await decideApproval(sql, actor, deciderOfCaller(caller), approval.id, {
    decision: 'correct',
    comment: input.note,
    role: 'designator',
    corrected,
  });
  return (await getItem(sql, item.id))!;
}

// ---------------------------------------------------------------------------------------------
// Notices and knowers

/** Stored notices (todo kind 'notice') for everyone of the organisation in the scope (R-DES-08). */
export async function notifyScope(
  sql: Sql,
  item: Pick<ItemRow, 'id' | 'orgId'>,
  scopes: readonly KnowScope[],
  title: string,
): Promise<number> {
  const people = new Map<string, string>();
  for (const s of scopes)
    for (const p of await peopleInScope(sql, item.orgId, s))
      if (p.accountId) people.set(p.personId, p.accountId);
  if (people.size === 0) return 0;
  await addNotices(sql, [...people.values()], {
    module: 'designation',
    subjectType: 'designation_item',
    subjectId: item.id,
    title: title.slice(0, 300),
    link: `/designation/items/${item.id}`,
  });
  return people.size;
}

/** R-DES-08a: for 机密 and 绝密, everyone in the scope and the deciders are recorded as knowers. */
export async function recordKnowers(
  sql: Sql,
  item: Pick<ItemRow, 'id' | 'orgId' | 'handlerPersonId'>,
  level: StateSecretLevel,
  scope: KnowScope,
  deciders: readonly string[],
  addedBy: string | null,
): Promise<number> {
  if (!mustKeepKnowerList(level)) return 0;
  const inScope = (await peopleInScope(sql, item.orgId, scope)).map((p) => p.personId);
  return addKnowers(sql, item.id, [item.handlerPersonId, ...inScope, ...deciders], addedBy);
}

export const decidersOf = async (sql: Sql, approvalId: string) =>
  (await listDecisions(sql, approvalId)).filter((d) => !d.superseded).map((d) => d.personId);

// ---------------------------------------------------------------------------------------------
// The approval's outcome (called in the deciding transaction)

const chinaYear = (d: Date) => Number(todayInChina(d).slice(0, 4));

/**
 * R-DES-06, R-LVL-03, R-DES-08a: approved — the terms as decided (the snapshot, corrections included),
 * the item number (per organisation and year), the marking, the release date, the knowers, notices to
 * the scope. Returned or rejected: back to the handler. Withdrawn: withdrawn.
 */
export const itemSettled: SettleHandler = async (sql, approval, actor) => {
  const item = await getItem(sql, approval.subjectId, true);
  if (!item || item.approvalId !== approval.id) return;
  const escStatus = approval.status;
  await closeEscalations(sql, approval.id, escStatus);
  if (approval.status !== 'approved') {
    const status = approval.status === 'withdrawn' ? 'withdrawn' : 'returned';
    await updateItemRow(sql, item.id, { status, protection_level: null });
    await appendAudit(sql, actor, {
      action: `designation_item.${status === 'withdrawn' ? 'withdraw' : 'return'}`,
      objectType: 'designation_item',
      objectId: item.id,
      summary: { approvalId: approval.id, approval: approval.status },
    });
    return;
  }
  const snap = approval.subjectSnapshot as { level: StateSecretLevel; period: Period; knowScope: KnowScope };
  const now = new Date();
  const number = await nextItemNumber(sql, item.orgId, chinaYear(now));
  const marking = formatMarking({ level: snap.level, period: snap.period });
  const release = releaseDate(item.issueDate, snap.period, snap.level);
  const step = approval.steps[approval.steps.length - 1]!;
  await updateItemRow(sql, item.id, {
    status: 'approved',
    level: snap.level,
    period: JSON.stringify(snap.period),
    know_scope: JSON.stringify(snap.knowScope),
    release_date: release,
    release_condition: snap.period.kind === 'condition' ? snap.period.text : null,
    item_number: number,
    marking,
    approved_at: now,
    decided_by_org_id: step.orgId,
    protection_level: null,
  });
  const knowers = await recordKnowers(
    sql,
    item,
    snap.level,
    snap.knowScope,
    await decidersOf(sql, approval.id),
    actor.id,
  );
  const notified = await notifyScope(
    sql,
    item,
    [snap.knowScope],
    `定密通知：${item.title}（${number}，${marking}）`,
  );
  await appendAudit(sql, actor, {
    action: 'designation_item.approve',
    objectType: 'designation_item',
    objectId: item.id,
    summary: {
      itemNumber: number,
      marking,
      releaseDate: release,
      knowers,
      notified,
      approvalId: approval.id,
    },
  });
};

// ---------------------------------------------------------------------------------------------
// R-DES-04, R-DES-05: a designator's standing on the day of the decision

/**
 * R-DES-04, R-DES-05: a designator acting as A, or as B while A is absent, and (approving in the
 * organisation's own chain) its authority on the day. The verdict refuses the decision in
 * decideApproval and is the decision's ability on the approval's and the item's page.
 */
export async function designatorGuard(
  sql: Sql,
  approval: ApprovalRow,
  who: Decider,
  input: { decision: string },
): Promise<{ verdict: Verdict; actingAs: 'A' | 'B' | null }> {
  const step = approval.steps[approval.stepIndex];
  if (step?.role !== 'designator') return { verdict: allowed, actingAs: null };
  const today = todayInChina();
  const rec = await getDesignator(sql, who.personId);
  if (!rec || rec.orgId !== step.orgId)
    return {
      actingAs: null,
      verdict: refused('forbidden', {
        code: 'not_a_designator',
        rule: 'R-DES-04',
        zh: '本人未登记为该单位的定密责任人（法定或指定），不能定密',
        en: 'You are not recorded as a designator (statutory or appointed) of this organisation and cannot decide',
      }),
    };
  const people = rec.partnerPersonId ? [rec.personId, rec.partnerPersonId] : [rec.personId];
  const absences = (await openAbsences(sql, people, today)).map(toDomainAbsence);
  const r = mayDecide(toDomainDesignator(rec), absences, today);
  if (!r.allowed) return { verdict: designatorStanding(r), actingAs: r.actingRole };
  // R-DES-02/07: approving in the organisation's own chain needs its authority on the day.
  if (
    input.decision === 'approve' &&
    approval.flowType === DESIGNATION_FLOW.type &&
    approval.subjectType === 'designation_item'
  ) {
    const snap = approval.subjectSnapshot as { level: StateSecretLevel; origin: 'original' | 'derived' };
    const org = (await getOrg(sql, step.orgId))!;
    const decision = await authorityFor(sql, org, snap.level, snap.origin, today);
    if (!decision.allowed)
      return {
        verdict: refused('conflict', decision.reasons.at(-1)!, decision.reasons),
        actingAs: r.actingRole,
      };
  }
  return { verdict: allowed, actingAs: r.actingRole };
}

export const itemLink: SubjectLink = async (_sql, id) => `/designation/items/${id}`;
