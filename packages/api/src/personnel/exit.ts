// 涉密人员 going abroad (R-PER-06a, R-FOR-04): the contract of /api/personnel/exits… (applications,
// their approval, the return report, the printable forms, the unit's exit policy), of
// /api/personnel/exits/briefings… (保密提醒) and of /api/personnel/passports… (证照 held by the unit).
import {
  BRIEFING_TOPICS,
  EXIT_KINDS,
  EXIT_POLICY_ACTIONS,
  EXIT_STATUSES,
  PASSPORT_KINDS,
  PASSPORT_STATUSES,
} from '@baomi/domain';
import {
  Abilities,
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

export const tags = ['personnel'];

/** Text limits of personnel_exit, personnel_briefing and personnel_passport (the migration's CHECKs). */
export const EXIT_LIMITS = {
  exit: { destination: 200, purpose: 500, companions: 500, reportText: 2000, reportNote: 500 },
  briefing: { note: 500 },
  passport: { number: 40, note: 500 },
} as const;

export const ExitKind = Enum(EXIT_KINDS);
export const ExitStatus = Enum(EXIT_STATUSES);
export const BriefingTopic = Enum(BRIEFING_TOPICS);
export const PassportKind = Enum(PASSPORT_KINDS);
export const PassportStatus = Enum(PASSPORT_STATUSES);
const Action = Enum(EXIT_POLICY_ACTIONS);
const Format = Type.Optional(Enum(['xlsx', 'csv'] as const));

// ---- requests

export const ExitInput = Req({
  /** Whose trip: the caller himself when left out; the secrecy officer applies for anyone of his unit. */
  personId: Type.Optional(Uuid),
  kind: ExitKind,
  destination: Str(EXIT_LIMITS.exit.destination),
  departOn: PlainDate,
  returnOn: PlainDate,
  purpose: Str(EXIT_LIMITS.exit.purpose),
  companions: Type.Optional(Str(EXIT_LIMITS.exit.companions, 0)),
});
export type ExitInput = Static<typeof ExitInput>;

/** A returned or rejected application, changed and submitted again (a new snapshot for the approvers). */
export const ExitUpdate = Req({
  kind: ExitKind,
  destination: Str(EXIT_LIMITS.exit.destination),
  departOn: PlainDate,
  returnOn: PlainDate,
  purpose: Str(EXIT_LIMITS.exit.purpose),
  companions: Type.Optional(Str(EXIT_LIMITS.exit.companions, 0)),
});
export type ExitUpdate = Static<typeof ExitUpdate>;

export const ExitSort = Enum(['departOn', 'returnOn', 'createdAt', 'personName'] as const);
export const ExitListQuery = Req({
  status: Type.Optional(ExitStatus),
  kind: Type.Optional(ExitKind),
  personId: Type.Optional(Uuid),
  /** Departures on or after / on or before. */
  departFrom: Type.Optional(PlainDate),
  departTo: Type.Optional(PlainDate),
  /** Approved trips whose return report is due or overdue. */
  reportDue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Str(100, 0)),
  sort: Type.Optional(ExitSort),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
  ...Paging,
});
export type ExitListQuery = Static<typeof ExitListQuery>;
export const ExitExportQuery = Req({
  status: Type.Optional(ExitStatus),
  kind: Type.Optional(ExitKind),
  personId: Type.Optional(Uuid),
  departFrom: Type.Optional(PlainDate),
  departTo: Type.Optional(PlainDate),
  reportDue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Str(100, 0)),
  format: Format,
});
export type ExitExportQuery = Static<typeof ExitExportQuery>;

export const ReturnReportInput = Req({ text: Str(EXIT_LIMITS.exit.reportText) });
export type ReturnReportInput = Static<typeof ReturnReportInput>;
export const ReturnReportNoteInput = Req({ note: Type.Optional(Str(EXIT_LIMITS.exit.reportNote, 0)) });
export type ReturnReportNoteInput = Static<typeof ReturnReportNoteInput>;

export const BriefingInput = Req({
  personId: Uuid,
  /** The application it was given for, if any. */
  exitId: Type.Optional(Uuid),
  heldOn: PlainDate,
  topics: Type.Array(BriefingTopic, { maxItems: 20 }),
  /** The person signed the printed record (it can be registered later). */
  signed: Type.Boolean(),
  note: Type.Optional(Str(EXIT_LIMITS.briefing.note, 0)),
});
export type BriefingInput = Static<typeof BriefingInput>;
export const BriefingListQuery = Req({ personId: Type.Optional(Uuid), ...Paging });

export const PassportInput = Req({
  personId: Uuid,
  kind: PassportKind,
  number: Str(EXIT_LIMITS.passport.number),
  expiresOn: PlainDate,
  note: Type.Optional(Str(EXIT_LIMITS.passport.note, 0)),
});
export type PassportInput = Static<typeof PassportInput>;
export const PassportLendInput = Req({ exitId: Uuid });
export type PassportLendInput = Static<typeof PassportLendInput>;
export const PassportReturnInput = Req({ on: PlainDate });
export type PassportReturnInput = Static<typeof PassportReturnInput>;
export const PassportListQuery = Req({
  status: Type.Optional(PassportStatus),
  kind: Type.Optional(PassportKind),
  personId: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Str(100, 0)),
  ...Paging,
});
export type PassportListQuery = Static<typeof PassportListQuery>;
export const PassportExportQuery = Req({
  status: Type.Optional(PassportStatus),
  kind: Type.Optional(PassportKind),
  personId: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Str(100, 0)),
  format: Format,
});
export type PassportExportQuery = Static<typeof PassportExportQuery>;

/** R-PER-06a (D83): the unit's exit policy (refuse or flag per condition; bounds; return-report days). */
export const ExitPolicy = Req({
  coolingOff: Action,
  carriers: Action,
  briefing: Action,
  maxDaysAhead: Int(1, 1830),
  maxTripDays: Int(1, 1830),
  returnReportDays: Int(1, 90),
});
export type ExitPolicy = Static<typeof ExitPolicy>;

// ---- responses

/** A condition the policy let through, for the approvers (or a refusal's reason). */
export const ExitFlag = Type.Object({
  code: Type.String(),
  rule: Type.Optional(Type.String()),
  zh: Type.String(),
  en: Type.String(),
});
export type ExitFlag = Static<typeof ExitFlag>;

export const Exit = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  departmentName: Nullable(Type.String()),
  kind: ExitKind,
  destination: Type.String(),
  departOn: PlainDate,
  returnOn: PlainDate,
  purpose: Type.String(),
  companions: Type.String(),
  status: ExitStatus,
  flags: Type.Array(ExitFlag),
  approvalId: Nullable(Uuid),
  appliedByName: Type.String(),
  approvedOn: Nullable(PlainDate),
  impliedMatter: Nullable(Type.String()),
  /** R-PER-06a: the return report's due day (approved trips). */
  reportDue: Nullable(PlainDate),
  reportOverdue: Type.Boolean(),
  reportText: Nullable(Type.String()),
  reportedOn: Nullable(PlainDate),
  reportNotedByName: Nullable(Type.String()),
  reportNotedAt: Nullable(Timestamp),
  reportNote: Type.String(),
  createdAt: Timestamp,
});
export type Exit = Static<typeof Exit>;
export const ExitPage = Page(Exit);

export const Briefing = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  exitId: Nullable(Uuid),
  heldOn: PlainDate,
  topics: Type.Array(BriefingTopic),
  signed: Type.Boolean(),
  note: Type.String(),
  givenByName: Type.String(),
  createdAt: Timestamp,
});
export type Briefing = Static<typeof Briefing>;
export const BriefingPage = Page(Briefing);

export const Passport = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  departmentName: Nullable(Type.String()),
  kind: PassportKind,
  number: Type.String(),
  expiresOn: PlainDate,
  status: PassportStatus,
  exitId: Nullable(Uuid),
  lentOn: Nullable(PlainDate),
  dueBack: Nullable(PlainDate),
  overdue: Type.Boolean(),
  note: Type.String(),
  createdAt: Timestamp,
  abilities: Abilities,
});
export type Passport = Static<typeof Passport>;
export const PassportPage = Page(Passport);

export const ExitDetail = Type.Composite([
  Exit,
  Type.Object({
    briefings: Type.Array(Briefing),
    /** R-FOR-04: a signed full briefing in the year before departure exists. */
    briefed: Type.Boolean(),
    passports: Type.Array(Passport),
    abilities: Abilities,
  }),
]);
export type ExitDetail = Static<typeof ExitDetail>;
