// 涉外活动, part "visitors and materials": the contract of /api/foreign/materials… — materials provided
// to foreign parties (R-FOR-06, R-FOR-07, R-CAR-10): recipients, copies, recovery or destruction terms,
// the confidentiality review (review module) that must be released, the national approval and the
// other side's written obligation for state secrets, the approval chain (FOREIGN_MATERIALS_FLOW), the
// hand-over and recovery, and the printable 对外提供资料审批表.
import {
  MATERIAL_DELIVERIES,
  MATERIAL_KINDS,
  MATERIAL_LIMITS,
  MATERIAL_RECOVERIES,
  MATERIAL_STATUSES,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import {
  Abilities,
  Bilingual,
  Enum,
  Int,
  Nullable,
  Page,
  Paging,
  PlainDate,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from '../common.ts';

export const tags = ['foreign'];
export { MATERIAL_LIMITS };

export const MaterialKind = Enum(MATERIAL_KINDS);
export const MaterialDelivery = Enum(MATERIAL_DELIVERIES);
export const MaterialRecovery = Enum(MATERIAL_RECOVERIES);
export const MaterialStatus = Enum(MATERIAL_STATUSES);
export const MarkedLevel = Enum(STATE_SECRET_LEVELS);
const Format = Type.Optional(Enum(['xlsx', 'csv'] as const));

export const NationalApproval = Req({
  number: Str(MATERIAL_LIMITS.nationalNo),
  on: PlainDate,
  authority: Str(MATERIAL_LIMITS.authority),
});
export const Obligation = Req({ reference: Str(MATERIAL_LIMITS.obligation), on: PlainDate });

export const MaterialInput = Req({
  activityId: Uuid,
  title: Str(MATERIAL_LIMITS.title),
  kind: MaterialKind,
  delivery: MaterialDelivery,
  recipients: Type.Array(Str(MATERIAL_LIMITS.recipient), {
    minItems: 1,
    maxItems: MATERIAL_LIMITS.recipients,
  }),
  copies: Int(1, MATERIAL_LIMITS.copies),
  recovery: MaterialRecovery,
  recoveryTerms: Type.Optional(Str(MATERIAL_LIMITS.terms, 0)),
  recoverBy: Type.Optional(Nullable(PlainDate)),
  /** The marking of the material itself, if it is a state secret (秘密 or above). */
  level: Type.Optional(Nullable(MarkedLevel)),
  /** A classified carrier (carriers module) that holds it, if any. */
  carrierId: Type.Optional(Nullable(Uuid)),
  /** The confidentiality review (review module) of its files; linked later is fine. */
  reviewId: Type.Optional(Nullable(Uuid)),
  nationalApproval: Type.Optional(Nullable(NationalApproval)),
  obligation: Type.Optional(Nullable(Obligation)),
});
export type MaterialInput = Static<typeof MaterialInput>;

export const ReviewLinkInput = Req({ reviewId: Uuid });
export const ProvideInput = Req({ on: PlainDate, note: Type.Optional(Str(MATERIAL_LIMITS.note, 0)) });
export const CloseInput = Req({ on: PlainDate, note: Type.Optional(Str(MATERIAL_LIMITS.note, 0)) });
export type ProvideInput = Static<typeof ProvideInput>;

export const MaterialSort = Enum(['createdAt', 'title', 'recoverBy'] as const);
export const MaterialListQuery = Req({
  status: Type.Optional(MaterialStatus),
  activityId: Type.Optional(Uuid),
  kind: Type.Optional(MaterialKind),
  q: Type.Optional(Str(100, 0)),
  /** Provided, to recover, the activity ended. */
  notRecovered: Type.Optional(Type.Boolean()),
  sort: Type.Optional(MaterialSort),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
  ...Paging,
});
export type MaterialListQuery = Static<typeof MaterialListQuery>;
export const MaterialExportQuery = Req({
  status: Type.Optional(MaterialStatus),
  activityId: Type.Optional(Uuid),
  kind: Type.Optional(MaterialKind),
  q: Type.Optional(Str(100, 0)),
  format: Format,
});

export const ReviewSummary = Type.Object({
  id: Uuid,
  no: Type.String(),
  state: Type.String(),
  released: Type.Boolean(),
  markedFiles: Type.Integer(),
  files: Type.Integer(),
});

export const MaterialItem = Type.Object({
  id: Uuid,
  activityId: Uuid,
  activityTitle: Nullable(Type.String()),
  activityEndsOn: Nullable(PlainDate),
  departmentId: Uuid,
  departmentName: Type.String(),
  requesterId: Uuid,
  requesterName: Type.String(),
  title: Type.String(),
  kind: MaterialKind,
  delivery: MaterialDelivery,
  recipients: Type.Array(Type.String()),
  copies: Type.Integer(),
  recovery: MaterialRecovery,
  recoveryTerms: Type.String(),
  recoverBy: Nullable(PlainDate),
  level: Nullable(MarkedLevel),
  carrierId: Nullable(Uuid),
  reviewId: Nullable(Uuid),
  status: MaterialStatus,
  approvalId: Nullable(Uuid),
  providedOn: Nullable(PlainDate),
  closedOn: Nullable(PlainDate),
  notRecovered: Type.Boolean(),
  createdAt: Timestamp,
});
export type MaterialItem = Static<typeof MaterialItem>;
export const MaterialPage = Page(MaterialItem);

export const MaterialDetail = Type.Object({
  ...MaterialItem.properties,
  review: Nullable(ReviewSummary),
  secrets: Type.Boolean(),
  nationalApproval: Nullable(Type.Object({ number: Type.String(), on: PlainDate, authority: Type.String() })),
  obligation: Nullable(Type.Object({ reference: Type.String(), on: PlainDate })),
  closeNote: Type.String(),
  /** What still blocks the submission, in words (the same checks the server makes). */
  blockers: Type.Array(Bilingual),
  abilities: Abilities,
});
export type MaterialDetail = Static<typeof MaterialDetail>;
