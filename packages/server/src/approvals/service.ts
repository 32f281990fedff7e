// The one approval mechanism, server side: opens an approval of a flow type for a subject,
// resolves where each step's deciders sit, records decisions with frozen snapshots, and tells the
// subject's module when the approval settles. Modules never keep approval state of their own.
import { createHash } from 'node:crypto';
import {
  type ApprovalState,
  allowed,
  checkDecision,
  conflict,
  DECISION_REFUSAL_KIND,
  type Decider,
  type DecisionInput,
  type DecisionKind,
  decide,
  deciderVerdict,
  enforce,
  type FlowDef,
  flowOf,
  forbidden,
  invalid,
  materialFingerprint,
  mayResubmit,
  mayWithdraw,
  notFound,
  onSubjectChange,
  openApproval as openState,
  type ResolvedStep,
  type RuleViolation,
  refused,
  resubmit,
  snapshotKeys,
  type Verdict,
  withdraw,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { ancestorIds, bureausAmong, departmentWithFunction } from '../orgs/queries.ts';
import {
  type ApprovalRow,
  getApproval,
  insertApproval,
  insertDecision,
  listDecisions,
  saveApprovalState,
} from './queries.ts';

const APPROVAL = { zh: '审批', en: 'Approval' };

/** SM3 of the subject's material fields (canonical JSON): the frozen snapshot's fingerprint. */
export function fingerprintOf(flow: FlowDef, subject: Record<string, unknown>): string {
  return createHash('sm3').update(materialFingerprint(flow, subject)).digest('hex');
}

/** The frozen snapshot: the material fields and the other fields the flow shows (issue 6 §4). */
function materialOf(flow: FlowDef, subject: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(snapshotKeys(flow).map((k) => [k, subject[k] ?? null]));
}

function requireFlow(type: string): FlowDef {
  const flow = flowOf(type);
  if (!flow) throw new Error(`unknown flow type ${type}`);
  return flow;
}

export interface OpenInput {
  flowType: string;
  subjectType: string;
  subjectId: string;
  title: string;
  /** The subject's organisation and department (where "subject_org"/"subject_department" steps sit). */
  orgId: string;
  departmentId: string | null;
  initiatorPersonId: string;
  subject: Record<string, unknown>;
  /** For steps at 'target_org' (an escalation's superior, say). */
  targetOrgId?: string;
}

/** Where each step's deciders sit, from the flow's selectors and the subject's place. */
export async function resolveSteps(sql: Sql, flow: FlowDef, input: OpenInput): Promise<ResolvedStep[]> {
  const out: ResolvedStep[] = [];
  for (const step of flow.steps) {
    const at = step.at;
    const place = async (): Promise<{ orgId: string; departmentId: string | null }> => {
      switch (at.kind) {
        case 'subject_org':
          return { orgId: input.orgId, departmentId: null };
        case 'subject_department':
          if (!input.departmentId) {
            throw invalid({
              code: 'no_department',
              field: 'departmentId',
              zh: `“${step.label.zh}”需要申请人所在部门，但未指定部门`,
              en: `The step "${step.label.en}" needs the requester's department, which is not set`,
            });
          }
          return { orgId: input.orgId, departmentId: input.departmentId };
        case 'department_function': {
          const departmentId = await departmentWithFunction(sql, input.orgId, at.fn);
          if (!departmentId) {
            throw conflict({
              code: 'department_function_missing',
              zh: `本单位尚未指定承担“${step.label.zh}”的部门，请系统管理员在组织机构中设置`,
              en: `No department of this organisation is set as "${step.label.en}"; the system administrator sets it`,
            });
          }
          return { orgId: input.orgId, departmentId };
        }
        case 'target_org':
          if (!input.targetOrgId) throw new Error(`flow ${flow.type} needs a target organisation`);
          return { orgId: input.targetOrgId, departmentId: null };
        case 'supervising_bureau': {
          const chain = (await ancestorIds(sql, input.orgId)).slice(1);
          const bureaus = await bureausAmong(sql, chain);
          const nearest = chain.find((id) => bureaus.includes(id));
          if (!nearest) {
            throw conflict({
              code: 'no_supervising_bureau',
              zh: '本单位没有上级保密行政管理部门',
              en: 'This organisation has no supervising secrecy bureau above it',
            });
          }
          return { orgId: nearest, departmentId: null };
        }
      }
    };
    out.push({ key: step.key, role: step.role, ...(await place()) });
  }
  return out;
}

export async function openApproval(sql: Sql, actor: Actor, input: OpenInput): Promise<ApprovalRow> {
  const flow = requireFlow(input.flowType);
  const steps = await resolveSteps(sql, flow, input);
  const state = openState(flow, input.initiatorPersonId, steps, fingerprintOf(flow, input.subject));
  const id = await insertApproval(sql, {
    flow_type: flow.type,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    org_id: input.orgId,
    initiator_person_id: input.initiatorPersonId,
    status: state.status,
    step_index: state.stepIndex,
    steps: JSON.stringify(steps),
    fingerprint: state.fingerprint,
    subject_snapshot: JSON.stringify(materialOf(flow, input.subject)),
    title: input.title.slice(0, 300),
  });
  await appendAudit(sql, actor, {
    action: 'approval.open',
    objectType: 'approval',
    objectId: id,
    summary: { flowType: flow.type, subjectType: input.subjectType, subjectId: input.subjectId },
  });
  return (await getApproval(sql, id))!;
}

async function stateOf(sql: Sql, row: ApprovalRow): Promise<ApprovalState> {
  return {
    flowType: row.flowType,
    initiatorPersonId: row.initiatorPersonId,
    status: row.status,
    stepIndex: row.stepIndex,
    steps: row.steps,
    decisions: await listDecisions(sql, row.id),
    fingerprint: row.fingerprint,
  };
}

async function save(
  sql: Sql,
  row: ApprovalRow,
  next: ApprovalState,
  snapshot: Record<string, unknown>,
  at?: Date,
): Promise<void> {
  await saveApprovalState(sql, row.id, next, snapshot, at);
}

function refuse(violations: RuleViolation[]): never {
  const first = violations[0]!;
  const kind = DECISION_REFUSAL_KIND[first.code] ?? 'invalid';
  if (kind === 'forbidden') throw forbidden(first);
  if (kind === 'conflict') throw conflict(first);
  throw invalid(first, violations);
}

/**
 * A module may add its own conditions to a decision (R-DES-05: a designator's A/B standing) and
 * say in which capacity it is taken; a refused verdict refuses the decision (and is reported as the
 * decision's ability on the approval's page).
 */
export type DecideGuard = (
  sql: Sql,
  approval: ApprovalRow,
  who: Decider,
  input: Pick<DecisionInput, 'decision'>,
) => Promise<{ verdict: Verdict; actingAs: 'A' | 'B' | null }>;
const decideGuards = new Map<string, DecideGuard>();

/** What the subject's module is told when its approval settles (approved, returned, rejected). */
export type SettleHandler = (sql: Sql, approval: ApprovalRow, actor: Actor) => Promise<void>;
const settleHandlers = new Map<string, SettleHandler>();

/** Where the web app shows an approval's subject (a page path), registered by the subject's module. */
export type SubjectLink = (sql: Sql, subjectId: string) => Promise<string | null>;
const subjectLinks = new Map<string, SubjectLink>();

/** A module's hooks for one subject type (module manifest `approvalFlows`, installed at start). */
export function installApprovalFlow(f: {
  subjectType: string;
  guard?: DecideGuard;
  onSettled?: SettleHandler;
  link?: SubjectLink;
}): void {
  if (f.guard) decideGuards.set(f.subjectType, f.guard);
  if (f.onSettled) settleHandlers.set(f.subjectType, f.onSettled);
  if (f.link) subjectLinks.set(f.subjectType, f.link);
}

export async function subjectLinkOf(sql: Sql, row: Pick<ApprovalRow, 'subjectType' | 'subjectId'>) {
  return (await subjectLinks.get(row.subjectType)?.(sql, row.subjectId)) ?? null;
}

/** 409: the approval moved on after the decider opened it (two approvers at once, a reopened material). */
export const approvalMoved = () =>
  conflict({
    code: 'approval_moved',
    zh: '该审批在您查看后已有变化（他人已作决定、材料已变更或已撤回），请刷新后再决定',
    en: 'The approval changed after you opened it (another decision, a changed material or a withdrawal); reload it and decide again',
  });

/** Two instants equal to the millisecond (what a Date and its ISO text in the API both hold). */
function sameInstant(seen: string, at: Date | string): boolean {
  return new Date(seen).getTime() === new Date(at).getTime();
}

export interface DecideInput extends DecisionInput {
  /** The approval's updatedAt as the decider saw it (409 when it has moved on since). */
  seenUpdatedAt?: string;
  /** For `correct`: the corrected subject (its material fields replace the snapshot). */
  corrected?: Record<string, unknown>;
}

export async function decideApproval(
  sql: Sql,
  actor: Actor,
  who: Decider,
  approvalId: string,
  input: DecideInput,
): Promise<ApprovalRow> {
  const row = await getApproval(sql, approvalId, true);
  if (!row) throw notFound(APPROVAL);
  if (input.seenUpdatedAt !== undefined && !sameInstant(input.seenUpdatedAt, row.updatedAt))
    throw approvalMoved();
  const flow = requireFlow(row.flowType);
  const state = await stateOf(sql, row);
  const correctedFingerprint = input.corrected ? fingerprintOf(flow, input.corrected) : undefined;
  const decision: DecisionInput = { ...input, correctedFingerprint };
  const check = checkDecision(flow, state, who, decision);
  if (!check.ok) refuse(check.violations);
  const guarded = await decideGuards.get(row.subjectType)?.(sql, row, who, decision);
  if (guarded) enforce(guarded.verdict);
  const actingAs = guarded?.actingAs ?? null;
  const at = new Date();
  const next = decide(flow, state, who, decision, at.toISOString());
  const snapshot = input.corrected ? materialOf(flow, input.corrected) : row.subjectSnapshot;
  const record = next.decisions[next.decisions.length - 1]!;
  await insertDecision(sql, {
    approval_id: row.id,
    step_key: record.stepKey,
    person_id: record.personId,
    role: record.role,
    acting_as: actingAs,
    decision: record.decision,
    comment: record.comment,
    at,
    fingerprint: record.fingerprint,
    snapshot: JSON.stringify(snapshot),
  });
  await save(sql, row, next, snapshot, at);
  await appendAudit(sql, actor, {
    action: `approval.${record.decision}`,
    objectType: 'approval',
    objectId: row.id,
    summary: {
      flowType: row.flowType,
      subject: `${row.subjectType}:${row.subjectId}`,
      step: record.stepKey,
      role: record.role,
      actingAs: actingAs,
      status: next.status,
      corrected: input.corrected ? snapshot : undefined,
    },
  });
  const updated = (await getApproval(sql, row.id))!;
  if (next.status !== 'pending') await settleHandlers.get(row.subjectType)?.(sql, updated, actor);
  return updated;
}

/** A material change of the subject reopens its approval (audited); an immaterial one does nothing. */
export async function subjectChanged(
  sql: Sql,
  actor: Actor,
  approvalId: string,
  subject: Record<string, unknown>,
): Promise<ApprovalRow> {
  const row = await getApproval(sql, approvalId, true);
  if (!row) throw notFound(APPROVAL);
  const flow = requireFlow(row.flowType);
  const state = await stateOf(sql, row);
  const next = onSubjectChange(state, fingerprintOf(flow, subject));
  if (next === state) return row;
  await save(sql, row, next, materialOf(flow, subject));
  await appendAudit(sql, actor, {
    action: 'approval.reopen',
    objectType: 'approval',
    objectId: row.id,
    summary: { flowType: row.flowType, from: row.subjectSnapshot, to: materialOf(flow, subject) },
  });
  return (await getApproval(sql, row.id))!;
}

export async function resubmitApproval(
  sql: Sql,
  actor: Actor,
  personId: string,
  approvalId: string,
  subject: Record<string, unknown>,
): Promise<ApprovalRow> {
  const row = await getApproval(sql, approvalId, true);
  if (!row) throw notFound(APPROVAL);
  enforce(mayResubmit(row, personId));
  const flow = requireFlow(row.flowType);
  const next = resubmit(await stateOf(sql, row), fingerprintOf(flow, subject));
  await save(sql, row, next, materialOf(flow, subject));
  await appendAudit(sql, actor, { action: 'approval.resubmit', objectType: 'approval', objectId: row.id });
  return (await getApproval(sql, row.id))!;
}

export async function withdrawApproval(
  sql: Sql,
  actor: Actor,
  personId: string,
  approvalId: string,
): Promise<ApprovalRow> {
  const row = await getApproval(sql, approvalId, true);
  if (!row) throw notFound(APPROVAL);
  enforce(mayWithdraw(row, personId));
  const next = withdraw(await stateOf(sql, row), personId);
  await save(sql, row, next, row.subjectSnapshot);
  await appendAudit(sql, actor, { action: 'approval.withdraw', objectType: 'approval', objectId: row.id });
  const updated = (await getApproval(sql, row.id))!;
  await settleHandlers.get(row.subjectType)?.(sql, updated, actor);
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Abilities: the same rules decideApproval, withdrawApproval and resubmitApproval enforce

/**
 * May `who` take `decision` now, whatever he writes with it: the engine's decider rule, then the
 * subject module's guard (R-DES-05: a B designator while A is present is refused here).
 */
export async function decisionVerdict(
  sql: Sql,
  row: ApprovalRow,
  who: Decider,
  decision: DecisionKind,
): Promise<Verdict> {
  const flow = requireFlow(row.flowType);
  const v = deciderVerdict(flow, await stateOf(sql, row), who, decision);
  if (!v.allowed) return v;
  return (await decideGuards.get(row.subjectType)?.(sql, row, who, { decision }))?.verdict ?? allowed;
}

export type ApprovalAction = 'decide' | DecisionKind | 'withdraw' | 'resubmit';

/**
 * What `who` may do with the approval: each decision of the current step (and `decide`: the first he
 * may take, else the first refusal), withdraw and resubmit (the requester's).
 */
export async function approvalVerdicts(
  sql: Sql,
  row: ApprovalRow,
  who: Decider,
): Promise<Partial<Record<ApprovalAction, Verdict>>> {
  const flow = requireFlow(row.flowType);
  const stepDef = row.status === 'pending' ? flow.steps[row.stepIndex] : undefined;
  const out: Partial<Record<ApprovalAction, Verdict>> = {};
  const kinds = stepDef?.decisions ?? [];
  for (const d of kinds) out[d] = await decisionVerdict(sql, row, who, d);
  const mine = kinds.map((d) => out[d]!);
  out.decide = stepDef
    ? (mine.find((v) => v.allowed) ?? mine[0] ?? allowed)
    : refused('conflict', {
        code: 'approval_closed',
        zh: '该审批已结束，不能再作决定',
        en: 'This approval is closed; no more decisions can be taken',
      });
  out.withdraw = mayWithdraw(row, who.personId);
  out.resubmit = mayResubmit(row, who.personId);
  return out;
}
