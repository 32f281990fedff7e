// 涉密人员, part "leaving": the contract of /api/personnel/commitments…, /leavings…, /cooling-off… —
// commitments and letters (R-PER-03), leaving a classified post with its checklist (R-PER-06, R-CAR-08)
// and the 脱密期 watch list.
import { COMMITMENT_KINDS, LEAVING_ITEMS, PERSON_CLASSES } from '@baomi/domain';
import {
  Abilities,
  Bilingual,
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

export const tags = ['personnel'];

export const LEAVING_LIMITS = { reason: 500, note: 500, approverName: 50, talkBy: 50, q: 100 } as const;

export const CommitmentKind = Enum(COMMITMENT_KINDS);
export const PersonClass = Enum(PERSON_CLASSES);
export const LeavingItem = Enum(LEAVING_ITEMS);
export const LeavingStatus = Enum(['open', 'approved'] as const);
export type LeavingStatus = Static<typeof LeavingStatus>;

export const PersonParams = Req({ personId: Uuid });

/** One of the person's classified posts as the commitments see it. */
export const CommitmentPost = Type.Object({
  id: Uuid,
  name: Type.String(),
  personClass: PersonClass,
  keySite: Type.Boolean(),
  since: PlainDate,
  leftOn: Nullable(PlainDate),
  leaving: Type.Boolean(),
});

export const SignedCommitment = Type.Object({
  id: Uuid,
  kind: CommitmentKind,
  postId: Nullable(Uuid),
  postName: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  signedOn: PlainDate,
  note: Type.String(),
  createdAt: Timestamp,
});
export type SignedCommitment = Static<typeof SignedCommitment>;

export const DueCommitment = Type.Object({
  kind: CommitmentKind,
  postId: Nullable(Uuid),
  year: Nullable(Type.Integer()),
  dueOn: Nullable(PlainDate),
  overdue: Type.Boolean(),
  rule: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});
export type DueCommitment = Static<typeof DueCommitment>;

/** A person's commitments: his posts, what is signed, what is missing. */
export const PersonCommitments = Type.Object({
  personId: Uuid,
  personName: Type.String(),
  posts: Type.Array(CommitmentPost),
  signed: Type.Array(SignedCommitment),
  due: Type.Array(DueCommitment),
  abilities: Abilities,
});
export type PersonCommitments = Static<typeof PersonCommitments>;

export const CommitmentBody = Req({
  kind: CommitmentKind,
  postId: Type.Optional(Nullable(Uuid)),
  year: Type.Optional(Nullable(Int(1950, 2200))),
  signedOn: PlainDate,
  note: Type.Optional(Str(LEAVING_LIMITS.note, 0)),
});
export type CommitmentBody = Static<typeof CommitmentBody>;

export const CommitmentPrintQuery = Req({
  kind: CommitmentKind,
  postId: Type.Optional(Uuid),
  year: Type.Optional(Int(1950, 2200)),
});
export type CommitmentPrintQuery = Static<typeof CommitmentPrintQuery>;

/** One line of the leaving checklist. */
export const ChecklistLine = Type.Object({
  item: LeavingItem,
  done: Type.Boolean(),
  zh: Type.String(),
  en: Type.String(),
  rule: Type.String(),
});

export const LeavingRow = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  departmentName: Nullable(Type.String()),
  postId: Uuid,
  postName: Type.String(),
  personClass: PersonClass,
  startedOn: PlainDate,
  status: LeavingStatus,
  approvedOn: Nullable(PlainDate),
  coolingOffEnd: Nullable(PlainDate),
});
export type LeavingRow = Static<typeof LeavingRow>;

export const LeavingDetail = Type.Object({
  ...LeavingRow.properties,
  reason: Type.String(),
  postSince: PlainDate,
  reminderTalkOn: Nullable(PlainDate),
  reminderTalkBy: Type.String(),
  exitCommitmentSignedOn: Nullable(PlainDate),
  carriersInCustody: Type.Integer(),
  devicesNotReturned: Nullable(Type.Integer()),
  accessRevokedOn: Nullable(PlainDate),
  approverName: Nullable(Type.String()),
  coolingOffMonths: Nullable(Type.Integer()),
  coolingOffStart: Nullable(PlainDate),
  checklist: Type.Array(ChecklistLine),
  /** Other modules' conditions on closing the post (kit/post-closing.ts), while open. */
  postClosing: Type.Array(Bilingual),
  /** The 脱密期 this leaving would start (the policy's length for the class, or the one set). */
  defaultMonths: Type.Integer(),
  abilities: Abilities,
});
export type LeavingDetail = Static<typeof LeavingDetail>;

export const LeavingListQuery = Req({
  status: Type.Optional(LeavingStatus),
  personId: Type.Optional(Uuid),
  q: Type.Optional(Str(LEAVING_LIMITS.q, 0)),
  ...Paging,
});
export type LeavingListQuery = Static<typeof LeavingListQuery>;
export const LeavingPage = Type.Object({
  items: Type.Array(LeavingRow),
  total: Type.Integer(),
  abilities: Abilities,
});

export const LeavingStart = Req({
  postId: Uuid,
  startedOn: Type.Optional(PlainDate),
  reason: Type.Optional(Str(LEAVING_LIMITS.reason, 0)),
});
export type LeavingStart = Static<typeof LeavingStart>;

/** One checklist entry the officer records (the exit commitment and the carriers have their own records). */
export const LeavingItemBody = Type.Union([
  Req({
    item: Type.Literal('reminder_talk'),
    on: PlainDate,
    by: Type.Optional(Str(LEAVING_LIMITS.talkBy, 0)),
  }),
  Req({
    item: Type.Literal('devices_returned'),
    devicesNotReturned: Type.Integer({ minimum: -1, maximum: 1000000 }),
  }),
  Req({ item: Type.Literal('access_revoked'), on: PlainDate }),
]);
export type LeavingItemBody = Static<typeof LeavingItemBody>;

export const LeavingApprove = Req({
  approvedOn: PlainDate,
  approverName: Str(LEAVING_LIMITS.approverName),
  /** A length the unit set for this person (6 … 60 months); default: the policy's for his class. */
  coolingOffMonths: Type.Optional(Nullable(Type.Integer({ minimum: -1000, maximum: 100000 }))),
});
export type LeavingApprove = Static<typeof LeavingApprove>;

export const CoolingOffRow = Type.Object({
  personId: Uuid,
  personName: Type.String(),
  departmentName: Nullable(Type.String()),
  personClass: PersonClass,
  postName: Type.String(),
  start: PlainDate,
  end: PlainDate,
  months: Type.Integer(),
  daysLeft: Type.Integer(),
});
export type CoolingOffRow = Static<typeof CoolingOffRow>;

const coolingFilter = {
  personClass: Type.Optional(PersonClass),
  q: Type.Optional(Str(LEAVING_LIMITS.q, 0)),
  /** Only periods ending within this many days. */
  endingWithin: Type.Optional(Int(0, 3660)),
  personId: Type.Optional(Uuid),
};
export const CoolingOffQuery = Req({ ...coolingFilter, ...Paging });
export type CoolingOffQuery = Static<typeof CoolingOffQuery>;
export const CoolingOffExportQuery = Req({
  ...coolingFilter,
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});
export type CoolingOffExportQuery = Static<typeof CoolingOffExportQuery>;
export const CoolingOffPage = Type.Object({
  items: Type.Array(CoolingOffRow),
  total: Type.Integer(),
  today: PlainDate,
  abilities: Abilities,
});

/** Per-organisation lengths (months) per class, and the yearly commitment's day. */
export const LeavingPolicy = Type.Object({
  coolingOff: Type.Object({ core: Type.Integer(), important: Type.Integer(), general: Type.Integer() }),
  yearlyDueBy: Type.String(),
});
export type LeavingPolicy = Static<typeof LeavingPolicy>;
export const LeavingPolicyBody = Req({
  coolingOff: Req({
    core: Type.Integer({ minimum: -1000, maximum: 100000 }),
    important: Type.Integer({ minimum: -1000, maximum: 100000 }),
    general: Type.Integer({ minimum: -1000, maximum: 100000 }),
  }),
  yearlyDueBy: Type.String({ pattern: '^\\d{2}-\\d{2}$' }),
});
export type LeavingPolicyBody = Static<typeof LeavingPolicyBody>;
