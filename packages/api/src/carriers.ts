// 涉密载体 (classified carriers): the contract of /api/carriers — receipt, production, loans, the
// ledger and its export, the detail with its timeline, "where is it now", destruction.
import {
  CARRIER_KINDS,
  CARRIER_ORIGINS,
  CARRIER_STATUSES,
  DESTRUCTION_METHODS,
  DISTRIBUTION_CLASSES,
  type KnowScope as DomainKnowScope,
  STATE_SECRET_LEVELS,
  STEP_KINDS,
  TAKE_OUT_PLACES,
} from '@baomi/domain';
import { CARRIER_SORTS, INPUT_LIMITS, LIMITS } from './carriers/labels.ts';
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
} from './common.ts';
import { KnowScope, KnowScopeBody, Period, Violation } from './designation/common.ts';

export * from './carriers/labels.ts';
export { KnowScope, Period };

export const tags = ['carriers'];

export const CarrierKind = Enum(CARRIER_KINDS);
export const CarrierOrigin = Enum(CARRIER_ORIGINS);
export const CarrierStatus = Enum(CARRIER_STATUSES);
export type CarrierStatus = Static<typeof CarrierStatus>;
export const StepKind = Enum(STEP_KINDS);
export const DistributionClass = Enum(DISTRIBUTION_CLASSES);
export const DestructionMethod = Enum(DESTRUCTION_METHODS);
export const Level = Enum(STATE_SECRET_LEVELS);
/** A calendar day in a request: a wrong one is refused by the schema (format 'date'). */
const Day = Type.String({ format: 'date' });

// ---- requests

const ledgerFilter = {
  /** Title, 文号, copy number, marking, custodian or holder. */
  q: Type.Optional(Str(INPUT_LIMITS.search, 0)),
  status: Type.Optional(CarrierStatus),
  level: Type.Optional(Level),
  kind: Type.Optional(CarrierKind),
  distributionClass: Type.Optional(DistributionClass),
  departmentId: Type.Optional(Uuid),
  /** Issue date from / to (both included). */
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  /** Loans and take-outs past their due date. */
  overdue: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Enum(CARRIER_SORTS)),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
};
export const CarrierLedgerQuery = Req({ ...ledgerFilter, ...Paging });
export type CarrierLedgerQuery = Static<typeof CarrierLedgerQuery>;
export const CarrierExportQuery = Req({
  ...ledgerFilter,
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});
export type CarrierExportQuery = Static<typeof CarrierExportQuery>;

/** Where carriers are now: those a person holds or keeps, or those of a department. */
export const WhereQuery = Req({
  personId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
});
export type WhereQuery = Static<typeof WhereQuery>;

/** What receipt and production share: the document's terms. */
const terms = {
  kind: CarrierKind,
  title: Str(LIMITS.carrier.title),
  docNumber: Type.Optional(Str(LIMITS.carrier.docNumber, 0)),
  /** The marking as printed (`机密 ★ 5 年`, `秘密★2030年12月31日`, a level alone): parsed by the server. */
  marking: Str(INPUT_LIMITS.markingInput),
  issueDate: Day,
  distributionClass: Type.Optional(Nullable(DistributionClass)),
  /** 专业性: the departments of that line of work. */
  lineOfWorkDepartmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
  knowScope: KnowScopeBody,
  /** The department holding it on its books (default: the registrar's). */
  departmentId: Type.Optional(Nullable(Uuid)),
  /** The registry's custodian (default: the registrar; R-CAR-05a: required for 绝密). */
  custodianPersonId: Type.Optional(Uuid),
  central: Type.Optional(Type.Boolean()),
  mediumSerial: Type.Optional(Str(LIMITS.carrier.mediumSerial, 0)),
  note: Type.Optional(Str(LIMITS.step.note, 0)),
};

/**
 * Receive (收进): one document in `copies` copies numbered from `firstCopyNumber` (six digits as
 * printed, `000001`), or the copy numbers one by one (`copyNumbers`); media and items may have none.
 */
export const ReceiveInput = Req({
  ...terms,
  sender: Str(LIMITS.carrier.sender),
  firstCopyNumber: Type.Optional(Str(20)),
  copies: Type.Optional(Int(1, INPUT_LIMITS.batchCopies)),
  copyNumbers: Type.Optional(Type.Array(Str(20), { maxItems: INPUT_LIMITS.batchCopies, minItems: 1 })),
});
export type ReceiveInput = Static<typeof ReceiveInput>;

/** Produce (制作): the approved number of copies from `firstCopyNumber`; drafts and spoilage counted. */
export const ProduceInput = Req({
  ...terms,
  approvedCopies: Int(1, INPUT_LIMITS.batchCopies),
  firstCopyNumber: Type.Optional(Str(20)),
  spoiledCount: Int(0, INPUT_LIMITS.batchCopies),
});
export type ProduceInput = Static<typeof ProduceInput>;

export const LoanInput = Req({
  toPersonId: Uuid,
  dueDate: Day,
  /** The version the registrar saw (optional): a newer one means someone acted meanwhile (409). */
  version: Type.Optional(Int(1, 2_000_000_000)),
  note: Type.Optional(Str(LIMITS.step.note, 0)),
});
export type LoanInput = Static<typeof LoanInput>;
export const ReturnInput = Req({
  version: Type.Optional(Int(1, 2_000_000_000)),
  note: Type.Optional(Str(LIMITS.step.note, 0)),
});
export type ReturnInput = Static<typeof ReturnInput>;
export const ExtendInput = Req({
  dueDate: Day,
  version: Type.Optional(Int(1, 2_000_000_000)),
  note: Type.Optional(Str(LIMITS.step.note, 0)),
});
export type ExtendInput = Static<typeof ExtendInput>;

/** R-CAR-07: the itemised list for destruction; opens the office head's approval. */
export const DestructionRequest = Req({
  carrierIds: Type.Array(Uuid, { minItems: 1, maxItems: INPUT_LIMITS.destructionItems, uniqueItems: true }),
  reason: Str(LIMITS.destruction.reason),
});
export type DestructionRequest = Static<typeof DestructionRequest>;
/** R-CAR-07: the destruction itself, after approval: method and at least two supervisors. */
export const DestroyInput = Req({
  method: Type.String({ maxLength: 40 }),
  supervisorPersonIds: Type.Array(Uuid, { maxItems: INPUT_LIMITS.supervisors }),
  place: Type.Optional(Str(LIMITS.destruction.place, 0)),
  note: Type.Optional(Str(LIMITS.step.note, 0)),
});
export type DestroyInput = Static<typeof DestroyInput>;

export const PersonParams = Req({ personId: Uuid });
/** R-CAR-03: the responsible leader admits a person beyond the distribution class (widening). */
export const WidenInput = Req({ personId: Uuid, reason: Str(LIMITS.step.note) });
export type WidenInput = Static<typeof WidenInput>;

export const COPY_KINDS = ['copy', 'excerpt', 'scan'] as const;
export const CopyKind = Enum(COPY_KINDS);
/** R-CAR-05: a request to copy, excerpt or scan; 绝密 and central documents need the originator's consent. */
export const CopyRequestInput = Req({
  kind: CopyKind,
  copies: Int(1, INPUT_LIMITS.copies),
  purpose: Str(LIMITS.copyRequest.purpose),
  originatorConsent: Type.Optional(
    Req({ organ: Str(INPUT_LIMITS.consent), reference: Str(INPUT_LIMITS.consent) }),
  ),
});
export type CopyRequestInput = Static<typeof CopyRequestInput>;
/** Make the approved copies: numbered from `firstCopyNumber` (documents). */
export const MakeCopiesInput = Req({ firstCopyNumber: Type.Optional(Str(20)) });
export type MakeCopiesInput = Static<typeof MakeCopiesInput>;

// ---- responses

export const Carrier = Type.Object({
  id: Uuid,
  orgId: Uuid,
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  kind: CarrierKind,
  origin: CarrierOrigin,
  title: Type.String(),
  docNumber: Type.String(),
  sender: Type.String(),
  batchId: Uuid,
  /** Six digits as printed (`000123`), or null. */
  copyNumber: Nullable(Type.String()),
  level: Level,
  period: Period,
  /** The canonical marking (`机密★5年`, or `机密` for the level alone). */
  marking: Type.String(),
  /** The marking as screens and exports show it: a level alone says its legal default. */
  markingText: Type.String(),
  issueDate: PlainDate,
  distributionClass: Nullable(DistributionClass),
  central: Type.Boolean(),
  stamp: Type.String(),
  mediumSerial: Type.String(),
  sourceCarrierId: Nullable(Uuid),
  status: CarrierStatus,
  /** The state in words with its holder: 借出（持有人：张三）. */
  statusText: Type.String(),
  custodianPersonId: Uuid,
  custodianName: Type.String(),
  holderPersonId: Nullable(Uuid),
  holderName: Nullable(Type.String()),
  outSince: Nullable(PlainDate),
  dueDate: Nullable(PlainDate),
  overdue: Type.Boolean(),
  destructionId: Nullable(Uuid),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Carrier = Static<typeof Carrier>;

export const CarrierRow = Type.Object({ ...Carrier.properties, abilities: Type.Optional(Abilities) });
export type CarrierRow = Static<typeof CarrierRow>;
export const CarrierPage = Type.Object({
  items: Type.Array(CarrierRow),
  total: Type.Integer(),
  abilities: Type.Optional(Abilities),
});
export type CarrierPage = Static<typeof CarrierPage>;

/** One registered step of the timeline (R-CAR-01). */
export const CarrierStep = Type.Object({
  seq: Type.Integer(),
  kind: StepKind,
  at: Timestamp,
  actorPersonId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  statusAfter: CarrierStatus,
  holderPersonId: Nullable(Uuid),
  holderName: Nullable(Type.String()),
  toPersonId: Nullable(Uuid),
  toName: Nullable(Type.String()),
  dueDate: Nullable(PlainDate),
  details: Type.Record(Type.String(), Type.Unknown()),
  note: Type.String(),
});
export type CarrierStep = Static<typeof CarrierStep>;

/** Who held the carrier from when to when (the trace, R-CAR-01). */
export const CustodyInterval = Type.Object({
  holderPersonId: Nullable(Uuid),
  holderName: Nullable(Type.String()),
  from: Timestamp,
  to: Nullable(Timestamp),
});
export type CustodyInterval = Static<typeof CustodyInterval>;

export const CopyRequest = Type.Object({
  id: Uuid,
  carrierId: Uuid,
  kind: CopyKind,
  copies: Type.Integer(),
  purpose: Type.String(),
  consent: Nullable(Type.Object({ organ: Type.String(), reference: Type.String() })),
  approvalId: Nullable(Uuid),
  status: Enum(['pending', 'approved', 'returned', 'rejected', 'withdrawn', 'done'] as const),
  madeCarrierIds: Type.Array(Uuid),
  createdAt: Timestamp,
});
export type CopyRequest = Static<typeof CopyRequest>;

/** R-CAR-06, R-CAR-10: a request to take a carrier out of the office (abroad: permit, safe box, two people). */
export const TakeOutInput = Req({
  personId: Uuid,
  purpose: Str(LIMITS.takeOut.purpose),
  destination: Str(LIMITS.takeOut.destination),
  place: Enum(TAKE_OUT_PLACES),
  from: Day,
  to: Day,
  abroad: Type.Optional(Type.Boolean()),
  exitPermit: Type.Optional(Str(LIMITS.takeOut.exitPermit, 0)),
  safeBox: Type.Optional(Type.Boolean()),
  travellerIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
});
export type TakeOutInput = Static<typeof TakeOutInput>;
export const TakeOut = Type.Object({
  id: Uuid,
  carrierId: Uuid,
  personId: Uuid,
  purpose: Type.String(),
  destination: Type.String(),
  place: Enum(TAKE_OUT_PLACES),
  from: PlainDate,
  to: PlainDate,
  abroad: Type.Boolean(),
  approvalId: Nullable(Uuid),
  status: Enum(['pending', 'approved', 'returned', 'rejected', 'withdrawn', 'out', 'back'] as const),
  /** Due back: the day after it ends (the next morning). */
  dueBack: PlainDate,
  createdAt: Timestamp,
});
export type TakeOut = Static<typeof TakeOut>;

export const CarrierDetail = Type.Object({
  ...Carrier.properties,
  knowScope: KnowScope,
  lineOfWorkDepartmentIds: Type.Array(Uuid),
  steps: Type.Array(CarrierStep),
  custody: Type.Array(CustodyInterval),
  /** Its copy requests and take-outs (R-CAR-05, R-CAR-06), newest first. */
  copyRequests: Type.Array(CopyRequest),
  takeOuts: Type.Array(TakeOut),
  /** loan, return, extend, destroy …: what the caller may do now, with the server's reason. */
  abilities: Abilities,
});
export type CarrierDetail = Static<typeof CarrierDetail>;

/** The carriers registered by one receipt or production (and the spoilage put up for destruction). */
export const CarrierBatch = Type.Object({
  batchId: Uuid,
  items: Type.Array(Carrier),
  spoiled: Type.Array(Carrier),
  destructionId: Nullable(Uuid),
});
export type CarrierBatch = Static<typeof CarrierBatch>;

export const WhereList = Type.Object({ items: Type.Array(Carrier), total: Type.Integer() });
export type WhereList = Static<typeof WhereList>;

export const Destruction = Type.Object({
  id: Uuid,
  orgId: Uuid,
  reason: Type.String(),
  requestedByPersonId: Uuid,
  requestedByName: Type.String(),
  approvalId: Nullable(Uuid),
  status: Enum(['pending', 'approved', 'returned', 'rejected', 'withdrawn', 'done'] as const),
  method: Nullable(DestructionMethod),
  supervisors: Type.Array(Type.Object({ personId: Uuid, name: Type.String() })),
  place: Type.String(),
  destroyedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  items: Type.Array(Carrier),
  abilities: Abilities,
});
export type Destruction = Static<typeof Destruction>;

/** R-CAR-08: what a person still holds or keeps (the people module's post-closing check). */
export const Custody = Type.Object({
  personId: Uuid,
  count: Type.Integer(),
  items: Type.Array(Carrier),
});
export type Custody = Static<typeof Custody>;

/**
 * R-CAR-08: hand over everything in a person's custody on a change of post: the itemised list (every
 * carrier he keeps or holds), the count, and both signatures on the paper list (attested by the registrar).
 */
export const HandoverInput = Req({
  fromPersonId: Uuid,
  toPersonId: Uuid,
  carrierIds: Type.Array(Uuid, { maxItems: 2000, uniqueItems: true }),
  count: Int(0, 2000),
  signedByFrom: Type.Boolean(),
  signedByTo: Type.Boolean(),
});
export type HandoverInput = Static<typeof HandoverInput>;
export const Handover = Type.Object({
  handoverId: Uuid,
  fromPersonId: Uuid,
  toPersonId: Uuid,
  count: Type.Integer(),
  items: Type.Array(Carrier),
});
export type Handover = Static<typeof Handover>;

export { Violation };
export type KnowScopeValue = DomainKnowScope;
