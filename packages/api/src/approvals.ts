// The one approval mechanism (审批): the contract of /api/approvals. Every module's approvals share
// it; a module's own data about the subject stays in that module's contract.
import { BUSINESS_ROLES } from '@baomi/domain';
import { APPROVAL_STATUSES, DECISION_KINDS } from './approvals/labels.ts';
import {
  Abilities,
  Bilingual,
  Enum,
  IdParams,
  Nullable,
  Page,
  Paging,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from './common.ts';

export * from './approvals/labels.ts';
export { IdParams };

export const ApprovalStatus = Enum(APPROVAL_STATUSES);
export type ApprovalStatus = Static<typeof ApprovalStatus>;
export const DecisionKind = Enum(DECISION_KINDS);
export type DecisionKind = Static<typeof DecisionKind>;

export const BusinessRole = Enum(BUSINESS_ROLES);

// ---- requests

export const ListQuery = Req({ scope: Type.Optional(Enum(['waiting', 'mine'] as const)), ...Paging });
export type ListQuery = Static<typeof ListQuery>;

export const DecideBody = Req({
  // Corrections change the subject, so they go through the subject's own module.
  decision: Enum(['approve', 'opinion', 'attest', 'return', 'reject'] as const),
  comment: Type.Optional(Str(2000, 0)),
  role: Type.Optional(BusinessRole),
  /**
   * The approval's updatedAt as the decider saw it: if it has changed since (another approver decided,
   * the material changed, the requester withdrew), the decision is refused with 409 and nothing is
   * written, instead of being judged against a state the decider never saw.
   */
  seenUpdatedAt: Type.Optional(Timestamp),
});
export type DecideBody = Static<typeof DecideBody>;

// ---- responses

export const ResolvedStep = Type.Object({
  key: Type.String(),
  role: BusinessRole,
  orgId: Uuid,
  departmentId: Nullable(Uuid),
});
export type ResolvedStep = Static<typeof ResolvedStep>;

/** Any JSON object (a frozen snapshot of a subject's material fields). */
export const Snapshot = Type.Record(Type.String(), Type.Unknown());

export const ApprovalSummary = Type.Object({
  id: Uuid,
  flowType: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  title: Type.String(),
  orgId: Uuid,
  initiatorPersonId: Uuid,
  status: ApprovalStatus,
  stepIndex: Type.Integer(),
  steps: Type.Array(ResolvedStep),
  fingerprint: Type.String(),
  subjectSnapshot: Snapshot,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ApprovalSummary = Static<typeof ApprovalSummary>;
export const ApprovalPage = Page(ApprovalSummary);
export type ApprovalPage = Static<typeof ApprovalPage>;

export const ApprovalDecision = Type.Object({
  seq: Type.Integer(),
  stepKey: Type.String(),
  personId: Uuid,
  personName: Type.String(),
  role: BusinessRole,
  actingAs: Nullable(Enum(['A', 'B'] as const)),
  decision: DecisionKind,
  comment: Nullable(Type.String()),
  at: Timestamp,
  fingerprint: Type.String(),
  snapshot: Snapshot,
  /** True when a later material change reopened the approval (the decision no longer counts). */
  superseded: Type.Optional(Type.Boolean()),
});
export type ApprovalDecision = Static<typeof ApprovalDecision>;

/** One field of what is being approved: the frozen snapshot's value with its label. */
export const MaterialField = Type.Object({
  key: Type.String(),
  label: Bilingual,
  kind: Type.String(),
  value: Type.Unknown(),
});
export type MaterialField = Static<typeof MaterialField>;

export const ApprovalView = Type.Object({
  ...Type.Omit(ApprovalSummary, ['steps']).properties,
  initiatorName: Type.String(),
  flow: Type.Object({ type: Type.String(), label: Bilingual, rules: Type.Array(Type.String()) }),
  steps: Type.Array(
    Type.Object({ ...ResolvedStep.properties, label: Bilingual, decisions: Type.Array(DecisionKind) }),
  ),
  decisions: Type.Array(ApprovalDecision),
  /** The subject's page in the web app (a designation item's detail …), when there is one. */
  subjectLink: Nullable(Type.String()),
  mayDecideNow: Type.Boolean(),
  allowedDecisions: Type.Array(Type.Object({ decision: DecisionKind, label: Bilingual })),
  /** What the caller may do (decide, withdraw …), computed by the server. */
  abilities: Type.Optional(Abilities),
  /** What is being approved: the flow's material fields of the frozen snapshot, labelled. */
  material: Type.Optional(Type.Array(MaterialField)),
});
export type ApprovalView = Static<typeof ApprovalView>;
