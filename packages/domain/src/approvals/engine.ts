// The one approval mechanism (issue: designation and every later chain). A flow type is data:
// ordered steps, each saying which business role in which organisation decides, which decisions it
// may take, how many distinct people must decide, and which subject fields are material. An
// instance freezes the resolved deciders and the subject's fingerprint at every decision.
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import { type Check, type ErrorKind, fail, ok, type RuleViolation } from '../errors.ts';
import type { BusinessRole } from '../orgs/enums.ts';

export type DecisionKind = 'approve' | 'correct' | 'opinion' | 'attest' | 'return' | 'reject';

export const DECISION_LABELS: Record<DecisionKind, { zh: string; en: string }> = {
  approve: { zh: '批准', en: 'Approve' },
  correct: { zh: '修改后批准', en: 'Approve with corrections' },
  opinion: { zh: '提出意见', en: 'Give an opinion' },
  attest: { zh: '见证确认', en: 'Attest' },
  return: { zh: '退回', en: 'Return' },
  reject: { zh: '不予批准', en: 'Reject' },
};

/** Decisions that complete (a share of) a step; `return` and `reject` end the round instead. */
const COMPLETING: ReadonlySet<DecisionKind> = new Set(['approve', 'correct', 'opinion', 'attest']);

/**
 * Where a step's deciders sit, resolved by the server when the instance is opened:
 * the subject's organisation or department, a department with a function in that organisation
 * (HR, business office …), the organisation the matter is sent to (a superior with authority),
 * or the supervising secrecy bureau.
 */
export type OrgSelector =
  | { kind: 'subject_org' }
  | { kind: 'subject_department' }
  | { kind: 'department_function'; fn: 'hr' | 'business_office' | 'secrecy_office' | 'general_office' }
  | { kind: 'target_org' }
  | { kind: 'supervising_bureau' };

export interface StepDef {
  key: string;
  label: { zh: string; en: string };
  role: BusinessRole;
  at: OrgSelector;
  decisions: readonly DecisionKind[];
  /** How many different people must decide before the step is done (two witnesses: 2). */
  quorum?: number;
}

/**
 * How the approval page shows a frozen field: plain text or number, a level (密级), a period (保密期限),
 * a marking (国家秘密标志), a date, a knowledge scope, a designation basis, one person's or several
 * people's names, a list of strings, a value from `labels`, or a change (old → new of level, period,
 * scope and marking).
 */
export type MaterialShow =
  | 'text'
  | 'number'
  | 'level'
  | 'period'
  | 'marking'
  | 'date'
  | 'scope'
  | 'basis'
  | 'person'
  | 'people'
  | 'list'
  | 'enum'
  | 'change';

/** One field of what is being approved, as the approval page shows it from the frozen snapshot. */
export interface MaterialField {
  key: string;
  label: { zh: string; en: string };
  show: MaterialShow;
  /** For `enum`: the label of each value. */
  labels?: Readonly<Record<string, { zh: string; en: string }>>;
}

export interface FlowDef {
  type: string;
  label: { zh: string; en: string };
  steps: readonly StepDef[];
  /** Subject fields whose change after a decision reopens the approval. */
  material: readonly string[];
  /**
   * What is being approved, as the approval page shows it: every material field and what else the
   * snapshot freezes for the reader (handler, marking …). The snapshot stores these keys; only
   * `material` is fingerprinted.
   */
  fields: readonly MaterialField[];
  /** Rule ids the flow implements, for messages and documentation. */
  rules: readonly string[];
}

/** A step with its deciders' place resolved (frozen in the instance). */
export interface ResolvedStep {
  key: string;
  role: BusinessRole;
  orgId: string;
  departmentId: string | null;
}

export interface DecisionRecord {
  stepKey: string;
  personId: string;
  /** The role the decision was made in (R-DES-05 asks for it; every chain records it). */
  role: BusinessRole;
  decision: DecisionKind;
  comment: string;
  at: string;
  /** The subject's material fingerprint when the decision was taken. */
  fingerprint: string;
  /** Set when a later material change reopened the approval. */
  superseded?: boolean;
}

export type ApprovalStatus = 'pending' | 'approved' | 'returned' | 'rejected' | 'withdrawn';

export interface ApprovalState {
  flowType: string;
  initiatorPersonId: string;
  status: ApprovalStatus;
  /** Index into steps of the step waiting for decisions (steps.length when approved). */
  stepIndex: number;
  steps: readonly ResolvedStep[];
  decisions: readonly DecisionRecord[];
  /** Fingerprint of the subject as it now stands. */
  fingerprint: string;
}

export interface Decider {
  personId: string;
  orgId: string;
  departmentId: string | null;
  roles: readonly BusinessRole[];
}

export interface DecisionInput {
  decision: DecisionKind;
  comment?: string;
  /** The role the decider acts in; defaults to the step's role when the decider holds it. */
  role?: BusinessRole;
  /** For `correct`: the subject's fingerprint after the corrections. */
  correctedFingerprint?: string;
}

/** The keys an approval's snapshot freezes: the material ones, then the other fields shown. */
export function snapshotKeys(flow: FlowDef): string[] {
  return [...new Set([...flow.material, ...flow.fields.map((f) => f.key)])];
}

/** Canonical JSON (keys sorted at every depth): the basis of fingerprints and of audit payloads. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The material part of a subject, canonically: the server hashes it into the frozen snapshot. */
export function materialFingerprint(flow: FlowDef, subject: Record<string, unknown>): string {
  return canonicalJson(Object.fromEntries(flow.material.map((k) => [k, subject[k] ?? null])));
}

export function openApproval(
  flow: FlowDef,
  initiatorPersonId: string,
  steps: readonly ResolvedStep[],
  fingerprint: string,
): ApprovalState {
  if (steps.length !== flow.steps.length || steps.some((s, i) => s.key !== flow.steps[i]!.key)) {
    throw new Error(`resolved steps do not match flow ${flow.type}`);
  }
  return {
    flowType: flow.type,
    initiatorPersonId,
    status: 'pending',
    stepIndex: 0,
    steps,
    decisions: [],
    fingerprint,
  };
}

const v = (code: string, zh: string, en: string, field?: string): RuleViolation => ({ code, zh, en, field });

/**
 * Whether `who` may take `decision` at the current step, whatever he then writes: the approval is
 * open, the step allows the decision, he holds its role in its place, it is not his own request and
 * he has not decided already. Every reason, bilingual; `checkDecision` adds what the input must hold.
 */
export function checkDecider(
  flow: FlowDef,
  state: ApprovalState,
  who: Decider,
  decision: DecisionKind,
  asRole?: BusinessRole,
): Check {
  if (state.status !== 'pending') {
    return fail(
      v(
        'approval_closed',
        '该审批已结束，不能再作决定',
        'This approval is closed; no more decisions can be taken',
      ),
    );
  }
  const def = flow.steps[state.stepIndex]!;
  const step = state.steps[state.stepIndex]!;
  const out: RuleViolation[] = [];
  if (!def.decisions.includes(decision)) {
    out.push(
      v(
        'decision_not_allowed',
        `“${def.label.zh}”环节不能“${DECISION_LABELS[decision].zh}”`,
        `The step "${def.label.en}" does not allow "${DECISION_LABELS[decision].en}"`,
        'decision',
      ),
    );
  }
  const role = asRole ?? def.role;
  if (role !== def.role || !who.roles.includes(def.role)) {
    out.push(
      v(
        'wrong_role',
        `“${def.label.zh}”须由具有相应角色的人员决定`,
        `The step "${def.label.en}" is decided by the role it names, which you do not hold`,
        'role',
      ),
    );
  }
  if (who.orgId !== step.orgId || (step.departmentId !== null && who.departmentId !== step.departmentId)) {
    out.push(
      v(
        'wrong_place',
        `“${def.label.zh}”须由指定单位或部门的人员决定`,
        `The step "${def.label.en}" is decided in another organisation or department`,
      ),
    );
  }
  if (who.personId === state.initiatorPersonId) {
    out.push(v('self_approval', '不能审批自己提出的申请', 'You cannot decide on your own request'));
  }
  const live = state.decisions.filter((d) => !d.superseded);
  if (live.some((d) => d.personId === who.personId)) {
    out.push(
      v(
        'already_decided',
        '同一人不能在同一审批中重复决定（见证人须为不同人员）',
        'One person decides once per approval (witnesses must be different people)',
      ),
    );
  }
  return out.length ? { ok: false, violations: out } : ok;
}

/** Who may take `input` now: every reason it is refused, bilingual. */
export function checkDecision(
  flow: FlowDef,
  state: ApprovalState,
  who: Decider,
  input: DecisionInput,
): Check {
  const decider = checkDecider(flow, state, who, input.decision, input.role);
  if (state.status !== 'pending') return decider;
  const out: RuleViolation[] = decider.ok ? [] : [...decider.violations];
  if (input.decision === 'correct' && !input.correctedFingerprint) {
    out.push(
      v(
        'correction_missing',
        '修改后批准须提交修改内容',
        'Approving with corrections needs the corrections',
        'corrections',
      ),
    );
  }
  if ((input.decision === 'return' || input.decision === 'reject') && !input.comment?.trim()) {
    out.push(
      v('reason_required', '退回或不予批准须说明理由', 'A return or rejection needs a reason', 'comment'),
    );
  }
  return out.length ? { ok: false, violations: out } : ok;
}

/** The HTTP kind of a refused decision, by the first violation's code (else 400). */
export const DECISION_REFUSAL_KIND: Readonly<Record<string, ErrorKind>> = {
  wrong_role: 'forbidden',
  wrong_place: 'forbidden',
  self_approval: 'forbidden',
  already_decided: 'forbidden',
  approval_closed: 'conflict',
};

/** `checkDecider` as a verdict: the first reason, with the kind the server refuses it with. */
export function deciderVerdict(
  flow: FlowDef,
  state: ApprovalState,
  who: Decider,
  decision: DecisionKind,
  asRole?: BusinessRole,
): Verdict {
  const c = checkDecider(flow, state, who, decision, asRole);
  if (c.ok) return allowed;
  const first = c.violations[0]!;
  const kind = DECISION_REFUSAL_KIND[first.code] ?? 'invalid';
  return refused(kind, first, kind === 'invalid' ? c.violations : undefined);
}

/** Only the requester withdraws, and only a request still pending or returned. */
export function mayWithdraw(
  state: Pick<ApprovalState, 'initiatorPersonId' | 'status'>,
  personId: string,
): Verdict {
  if (personId !== state.initiatorPersonId)
    return refused('forbidden', {
      code: 'not_initiator',
      zh: '只有申请人可以撤回',
      en: 'Only the requester can withdraw',
    });
  if (state.status !== 'pending' && state.status !== 'returned')
    return refused('conflict', {
      code: 'approval_closed',
      zh: '该审批已结束，不能撤回',
      en: 'This approval is closed and cannot be withdrawn',
    });
  return allowed;
}

/** Only the requester resubmits, and only a returned request. */
export function mayResubmit(
  state: Pick<ApprovalState, 'initiatorPersonId' | 'status'>,
  personId: string,
): Verdict {
  if (personId !== state.initiatorPersonId)
    return refused('forbidden', {
      code: 'not_initiator',
      zh: '只有申请人可以重新提交',
      en: 'Only the requester can resubmit',
    });
  if (state.status !== 'returned')
    return refused('conflict', {
      code: 'not_returned',
      zh: '只有被退回的申请可以重新提交',
      en: 'Only a returned request can be resubmitted',
    });
  return allowed;
}

/** Applies a checked decision; throws on a decision `checkDecision` refuses. */
export function decide(
  flow: FlowDef,
  state: ApprovalState,
  who: Decider,
  input: DecisionInput,
  at: string,
): ApprovalState {
  const c = checkDecision(flow, state, who, input);
  if (!c.ok) throw new Error(c.violations.map((x) => x.en).join('; '));
  const def = flow.steps[state.stepIndex]!;
  const fingerprint = input.decision === 'correct' ? input.correctedFingerprint! : state.fingerprint;
  const record: DecisionRecord = {
    stepKey: def.key,
    personId: who.personId,
    role: input.role ?? def.role,
    decision: input.decision,
    comment: input.comment?.trim() ?? '',
    at,
    fingerprint,
  };
  const decisions = [...state.decisions, record];
  if (input.decision === 'return') return { ...state, status: 'returned', decisions };
  if (input.decision === 'reject') return { ...state, status: 'rejected', decisions };
  const done = decisions.filter(
    (d) => !d.superseded && d.stepKey === def.key && COMPLETING.has(d.decision),
  ).length;
  const complete = done >= (def.quorum ?? 1);
  const stepIndex = complete ? state.stepIndex + 1 : state.stepIndex;
  return {
    ...state,
    decisions,
    fingerprint,
    stepIndex,
    status: stepIndex >= flow.steps.length ? 'approved' : 'pending',
  };
}

/**
 * A material change to the subject after decisions were taken reopens the approval from its first
 * step: earlier decisions stay in the history, marked superseded. A change of nothing material
 * leaves the approval as it is.
 */
export function onSubjectChange(state: ApprovalState, fingerprint: string): ApprovalState {
  if (fingerprint === state.fingerprint) return state;
  if (state.status === 'rejected' || state.status === 'withdrawn') return { ...state, fingerprint };
  return {
    ...state,
    fingerprint,
    status: 'pending',
    stepIndex: 0,
    decisions: state.decisions.map((d) => ({ ...d, superseded: true })),
  };
}

/** The initiator resubmits a returned request (after changes): a new round from the first step. */
export function resubmit(state: ApprovalState, fingerprint: string): ApprovalState {
  if (state.status !== 'returned') throw new Error('only a returned approval can be resubmitted');
  return {
    ...state,
    fingerprint,
    status: 'pending',
    stepIndex: 0,
    decisions: state.decisions.map((d) => ({ ...d, superseded: true })),
  };
}

/** Who is waiting to decide now (for the todo list): the current step's place and role. */
export function waitingOn(state: ApprovalState): ResolvedStep | null {
  return state.status === 'pending' ? (state.steps[state.stepIndex] ?? null) : null;
}

/** The initiator withdraws a request still pending or returned. */
export function withdraw(state: ApprovalState, personId: string): ApprovalState {
  if (personId !== state.initiatorPersonId) throw new Error('only the initiator withdraws a request');
  if (state.status !== 'pending' && state.status !== 'returned')
    throw new Error('a closed approval cannot be withdrawn');
  return { ...state, status: 'withdrawn' };
}
