// Designation items (定密事项): the ledger, drafts, submission, correction, changes, the yearly
// review, knowers.

import { EXPIRY_WINDOW_DEFAULT, EXPIRY_WINDOW_MAX } from '@baomi/domain';
import { ApprovalDecision } from '../approvals.ts';
import {
  Abilities,
  Enum,
  Int,
  Nullable,
  Paging,
  PlainDate,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from '../common.ts';
import {
  Grounds,
  GroundsBody,
  KnowScope,
  KnowScopeBody,
  Level,
  Origin,
  Period,
  PeriodBody,
  Reason,
} from './common.ts';
import {
  CHANGE_KINDS,
  CHANGE_STATUSES,
  ESCALATION_KINDS,
  INPUT_LIMITS,
  ITEM_STATUSES,
  LIMITS,
} from './labels.ts';

export const ItemStatus = Enum(ITEM_STATUSES);
export type ItemStatus = Static<typeof ItemStatus>;
export const ChangeKind = Enum(CHANGE_KINDS);
export type ChangeKind = Static<typeof ChangeKind>;
export const ChangeStatus = Enum(CHANGE_STATUSES);
export type ChangeStatus = Static<typeof ChangeStatus>;
export const EscalationKind = Enum(ESCALATION_KINDS);
export type EscalationKind = Static<typeof EscalationKind>;

// ---- requests

export const LEDGER_SORTS = [
  'createdAt',
  'approvedAt',
  'itemNumber',
  'level',
  'releaseDate',
  'title',
] as const;
const ledgerFilter = {
  q: Type.Optional(Str(INPUT_LIMITS.search, 0)),
  level: Type.Optional(Level),
  year: Type.Optional(Int(1, 9999)),
  departmentId: Type.Optional(Uuid),
  origin: Type.Optional(Origin),
  status: Type.Optional(ItemStatus),
  sort: Type.Optional(Enum(LEDGER_SORTS)),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
};
export const LedgerQuery = Req({ ...ledgerFilter, ...Paging });
export type LedgerQuery = Static<typeof LedgerQuery>;
export const LedgerExportQuery = Req({
  ...ledgerFilter,
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});

export const ReviewQuery = Req({
  horizon: Type.Optional(Type.Unsafe<0 | 30 | 90>({ type: 'integer', enum: [0, 30, 90], default: 30 })),
});
export const ReviewBody = Req({ note: Str(INPUT_LIMITS.reviewNote, 0) });

export const ItemBody = Req({
  title: Str(LIMITS.item.title),
  departmentId: Type.Optional(Nullable(Uuid)),
  basis: Req({
    catalogueEntryId: Type.Optional(Nullable(Uuid)),
    text: Type.Optional(Str(LIMITS.item.basisText, 0)),
    grounds: GroundsBody,
  }),
  origin: Origin,
  sourceItemId: Type.Optional(Nullable(Uuid)),
  level: Type.Optional(Level),
  period: Type.Optional(PeriodBody),
  issueDate: Type.String({ format: 'date' }),
  knowScope: Type.Optional(KnowScopeBody),
});
export type ItemBody = Static<typeof ItemBody>;

export const SubmitBody = Req({ unclear: Type.Optional(Type.Boolean()) });
export const CorrectBody = Req({
  level: Level,
  period: PeriodBody,
  knowScope: KnowScopeBody,
  note: Str(INPUT_LIMITS.correctionNote),
});
export type CorrectBody = Static<typeof CorrectBody>;
export const ChangeBody = Req({
  kind: ChangeKind,
  level: Type.Optional(Level),
  period: Type.Optional(PeriodBody),
  knowScope: Type.Optional(KnowScopeBody),
  reason: Str(LIMITS.change.reason),
  /** R-DES-07: a raise above the organisation's authority goes up as a 无权定密事项申报 instead of being refused. */
  escalate: Type.Optional(Type.Boolean()),
});
export type ChangeBody = Static<typeof ChangeBody>;

// ---- responses

export const Item = Type.Object({
  id: Uuid,
  orgId: Uuid,
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  handlerPersonId: Uuid,
  handlerName: Type.String(),
  title: Type.String(),
  basis: Type.Object({
    catalogueEntryId: Nullable(Uuid),
    clause: Nullable(Type.String()),
    text: Type.String(),
    grounds: Grounds,
  }),
  origin: Origin,
  sourceItemId: Nullable(Uuid),
  level: Level,
  period: Period,
  issueDate: PlainDate,
  releaseDate: Nullable(PlainDate),
  releaseCondition: Nullable(Type.String()),
  knowScope: KnowScope,
  status: ItemStatus,
  protectionLevel: Nullable(Level),
  approvalId: Nullable(Uuid),
  itemNumber: Nullable(Type.String()),
  marking: Nullable(Type.String()),
  approvedAt: Nullable(Timestamp),
  decidedByOrgId: Nullable(Uuid),
  releasedAt: Nullable(Timestamp),
  releaseReason: Nullable(Type.String()),
  lastReviewedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Item = Static<typeof Item>;

/** A ledger row: the item and what the caller may do with it. */
export const ItemListRow = Type.Object({ ...Item.properties, abilities: Type.Optional(Abilities) });
export type ItemListRow = Static<typeof ItemListRow>;
/** A page of the ledger, with what the caller may do on the whole ledger (export, draft). */
export const ItemPage = Type.Object({
  items: Type.Array(ItemListRow),
  total: Type.Integer(),
  abilities: Type.Optional(Abilities),
});
export type ItemPage = Static<typeof ItemPage>;

/** Any JSON object (the item's terms before and after a change). */
const Terms = Type.Record(Type.String(), Type.Unknown());

export const Change = Type.Object({
  id: Uuid,
  itemId: Uuid,
  kind: ChangeKind,
  proposedLevel: Nullable(Level),
  proposedPeriod: Nullable(Period),
  proposedScope: Nullable(KnowScope),
  reason: Type.String(),
  proposedByPersonId: Uuid,
  proposedByName: Type.String(),
  approvalId: Nullable(Uuid),
  status: ChangeStatus,
  before: Terms,
  after: Nullable(Terms),
  decidedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Change = Static<typeof Change>;

export const Escalation = Type.Object({
  id: Uuid,
  itemId: Uuid,
  kind: EscalationKind,
  fromOrgId: Uuid,
  toOrgId: Uuid,
  toOrgName: Type.String(),
  approvalId: Nullable(Uuid),
  reportedOn: PlainDate,
  reportedByDeadline: Nullable(PlainDate),
  decideByDeadline: Nullable(PlainDate),
  protectionLevel: Level,
  status: Enum(['pending', 'approved', 'returned', 'rejected', 'withdrawn'] as const),
  reasons: Type.Array(Reason),
  decidedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type Escalation = Static<typeof Escalation>;

export const Knower = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
  position: Type.String(),
  addedAt: Timestamp,
  addedBy: Nullable(Uuid),
});
export type Knower = Static<typeof Knower>;
export const Knowers = Type.Object({
  itemId: Uuid,
  level: Level,
  marking: Nullable(Type.String()),
  items: Type.Array(Knower),
});
export type Knowers = Static<typeof Knowers>;

export const ItemApproval = Type.Object({
  id: Uuid,
  flowType: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  /** The approval's status (an ApprovalStatus). */
  status: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  decisions: Type.Array(ApprovalDecision),
});

export const ItemDetail = Type.Object({
  ...Item.properties,
  source: Nullable(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      itemNumber: Nullable(Type.String()),
      marking: Nullable(Type.String()),
      level: Level,
    }),
  ),
  approvals: Type.Array(ItemApproval),
  changes: Type.Array(Change),
  escalations: Type.Array(Escalation),
  knowers: Type.Array(Knower),
  /** What the caller may do with the item (edit, submit, correct, propose, export …). */
  abilities: Type.Optional(Abilities),
});
export type ItemDetail = Static<typeof ItemDetail>;

export const REVIEW_BUCKETS = ['due', 'within_30', 'within_90', 'later'] as const;
export const ReviewEntry = Type.Object({
  dueOn: PlainDate,
  daysUntil: Type.Integer(),
  bucket: Enum(REVIEW_BUCKETS),
  item: Item,
});
export type ReviewEntry = Static<typeof ReviewEntry>;
export const ReviewList = Type.Object({
  today: PlainDate,
  horizon: Type.Integer(),
  items: Type.Array(ReviewEntry),
});
export type ReviewList = Static<typeof ReviewList>;
export const ReviewRecorded = Type.Object({ id: Uuid, lastReviewedAt: Timestamp });

/** R-DES-08: the 即将到期 list's window in calendar days (default: the domain's EXPIRY_WINDOW_DEFAULT). */
export const ExpiringQuery = Req({
  window: Type.Optional(Int(0, EXPIRY_WINDOW_MAX, { description: `days; default ${EXPIRY_WINDOW_DEFAULT}` })),
});
export const ExpiringEntry = Type.Object({
  /** First day no longer secret. */
  releaseDate: PlainDate,
  /** The last secret day: the last day an extension can be decided. */
  endsOn: PlainDate,
  /** Days from today to endsOn (0: ends today). */
  daysLeft: Type.Integer(),
  item: ItemListRow,
});
export type ExpiringEntry = Static<typeof ExpiringEntry>;
export const ExpiringList = Type.Object({
  today: PlainDate,
  window: Type.Integer(),
  items: Type.Array(ExpiringEntry),
});
export type ExpiringList = Static<typeof ExpiringList>;

/** An approval of an item, read through the item (查看审批, read-only). */
export const ItemApprovalParams = Req({ id: Uuid, approvalId: Uuid });
