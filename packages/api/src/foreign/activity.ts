// 涉外活动 (foreign-affairs activities, R-FOR-01 … R-FOR-04, R-FOR-08): the contract of
// /api/foreign/activities… (the ledger, the detail with its timeline and abilities, the plan's approval,
// participants' briefings, start, end, leading group, inspection, closing, the printable forms).
// The visitors & materials part has its own contract file (foreign/visitor.ts …).
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATES,
  BRIEFING_TOPICS,
  IMPORTANCES,
  MAJOR_REASONS,
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

/** Text limits of foreign_activity* (the migration's CHECKs; JSON parts limited here). */
export const ACTIVITY_LIMITS = {
  title: 200,
  place: 200,
  partyName: 200,
  country: 60,
  parties: 50,
  topics: 30,
  topicTitle: 200,
  planPart: 2000,
  participants: 200,
  duty: 100,
  group: 30,
  documents: 200,
  docTitle: 200,
  note: 1000,
  summary: 4000,
} as const;

export const ActivityKind = Enum(ACTIVITY_KINDS);
export const ActivityState = Enum(ACTIVITY_STATES);
export const Importance = Enum(IMPORTANCES);
export const MajorReason = Enum(MAJOR_REASONS);
export const ActivityLevel = Enum(STATE_SECRET_LEVELS);
const BriefingTopic = Enum(BRIEFING_TOPICS);
const Format = Type.Optional(Enum(['xlsx', 'csv'] as const));

export const ForeignParty = Req({
  kind: Enum(['org', 'person'] as const),
  name: Str(ACTIVITY_LIMITS.partyName),
  country: Type.Optional(Str(ACTIVITY_LIMITS.country, 0)),
});
export type ForeignParty = Static<typeof ForeignParty>;

export const ActivityTopic = Req({
  title: Str(ACTIVITY_LIMITS.topicTitle),
  nationalStrategy: Type.Boolean(),
  economicPolicy: Type.Boolean(),
});

export const SecrecyPlan = Req({
  nature: Str(ACTIVITY_LIMITS.planPart, 0),
  responsibilities: Str(ACTIVITY_LIMITS.planPart, 0),
  measures: Str(ACTIVITY_LIMITS.planPart, 0),
  reason: Str(ACTIVITY_LIMITS.planPart, 0),
  programme: Str(ACTIVITY_LIMITS.planPart, 0),
  materials: Str(ACTIVITY_LIMITS.planPart, 0),
});
export type SecrecyPlan = Static<typeof SecrecyPlan>;

export const ParticipantInput = Req({
  personId: Uuid,
  duty: Type.Optional(Str(ACTIVITY_LIMITS.duty, 0)),
});

// ---- requests

export const ActivityInput = Req({
  kind: ActivityKind,
  title: Str(ACTIVITY_LIMITS.title),
  organiserDepartmentId: Uuid,
  startsOn: PlainDate,
  endsOn: PlainDate,
  place: Str(ACTIVITY_LIMITS.place),
  foreignParties: Type.Array(ForeignParty, { maxItems: ACTIVITY_LIMITS.parties }),
  foreignCount: Int(0, 100000),
  topics: Type.Array(ActivityTopic, { maxItems: ACTIVITY_LIMITS.topics }),
  /** A classified activity's level; null when not classified. */
  level: Nullable(ActivityLevel),
  /** Approved as a classified foreign activity by the state's competent bodies (R-FOR-02). */
  classifiedApproved: Type.Boolean(),
  plan: SecrecyPlan,
  participants: Type.Array(ParticipantInput, { maxItems: ACTIVITY_LIMITS.participants }),
  /** The detail's version the change was made on (a stale one answers 409). */
  version: Type.Optional(Int(1, 1_000_000_000)),
});
export type ActivityInput = Static<typeof ActivityInput>;

/** A step that changes state: the version it was taken on (two officers at once: the second gets 409). */
export const StepInput = Req({
  version: Int(1, 1_000_000_000),
  note: Type.Optional(Str(ACTIVITY_LIMITS.note, 0)),
});
export type StepInput = Static<typeof StepInput>;

export const LeadingGroupInput = Req({
  version: Int(1, 1_000_000_000),
  members: Type.Array(Req({ personId: Uuid, duty: Type.Optional(Str(ACTIVITY_LIMITS.duty, 0)) }), {
    maxItems: ACTIVITY_LIMITS.group,
  }),
});
export type LeadingGroupInput = Static<typeof LeadingGroupInput>;

export const InspectionInput = Req({
  version: Int(1, 1_000_000_000),
  on: PlainDate,
  findings: Str(ACTIVITY_LIMITS.note),
});
export type InspectionInput = Static<typeof InspectionInput>;

/** R-FOR-04: a briefing given to a participant for this activity (recorded by the personnel module). */
export const ActivityBriefingInput = Req({
  personId: Uuid,
  heldOn: PlainDate,
  topics: Type.Array(BriefingTopic, { maxItems: 20 }),
  signed: Type.Boolean(),
  note: Type.Optional(Str(500, 0)),
});
export type ActivityBriefingInput = Static<typeof ActivityBriefingInput>;

/** R-FOR-04: a classified participant's signed commitment and registration form. */
export const ParticipantPapersInput = Req({
  version: Int(1, 1_000_000_000),
  commitmentSigned: Type.Boolean(),
  registrationFiled: Type.Boolean(),
});
export type ParticipantPapersInput = Static<typeof ParticipantPapersInput>;

export const CollectedDocument = Req({
  title: Str(ACTIVITY_LIMITS.docTitle),
  copies: Int(1, 100000),
  returned: Type.Boolean(),
  note: Type.Optional(Str(ACTIVITY_LIMITS.note, 0)),
});

/** R-FOR-08: what was collected after the activity, and the summary. */
export const WrapUpInput = Req({
  version: Int(1, 1_000_000_000),
  documents: Type.Array(CollectedDocument, { maxItems: ACTIVITY_LIMITS.documents }),
  summary: Str(ACTIVITY_LIMITS.summary, 0),
});
export type WrapUpInput = Static<typeof WrapUpInput>;

/** R-FOR-08: the secrecy officer's check; a suspected leak opens a leak incident at once. */
export const OfficerCheckInput = Req({
  version: Int(1, 1_000_000_000),
  note: Str(ACTIVITY_LIMITS.note, 0),
  suspectedLeak: Type.Boolean(),
  /** What is suspected (required with suspectedLeak). */
  leakDescription: Type.Optional(Str(ACTIVITY_LIMITS.note, 0)),
});
export type OfficerCheckInput = Static<typeof OfficerCheckInput>;

export const ActivitySort = Enum(['startsOn', 'title', 'createdAt'] as const);
const Filters = {
  kind: Type.Optional(ActivityKind),
  importance: Type.Optional(Importance),
  state: Type.Optional(ActivityState),
  departmentId: Type.Optional(Uuid),
  /** Activities starting on or after / on or before. */
  from: Type.Optional(PlainDate),
  to: Type.Optional(PlainDate),
  q: Type.Optional(Str(100, 0)),
};
export const ActivityListQuery = Req({
  ...Filters,
  sort: Type.Optional(ActivitySort),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
  ...Paging,
});
export type ActivityListQuery = Static<typeof ActivityListQuery>;
export const ActivityExportQuery = Req({ ...Filters, format: Format });
export type ActivityExportQuery = Static<typeof ActivityExportQuery>;

/** The unit's settings of this part (R-FOR-02 threshold, R-FOR-04 briefing validity, todos). */
export const ForeignSettings = Req({
  majorForeignCount: Int(1, 10000),
  briefingValidMonths: Int(1, 60),
  startWarningDays: Int(1, 60),
  closingDays: Int(1, 365),
});
export type ForeignSettings = Static<typeof ForeignSettings>;

// ---- responses

export const ActivityParticipant = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
  duty: Type.String(),
  classified: Type.Boolean(),
  commitmentSigned: Type.Boolean(),
  registrationFiled: Type.Boolean(),
  briefed: Type.Boolean(),
  /** Why not (none / unsigned / incomplete / expired) and its words. */
  briefing: Type.Object({ valid: Type.Boolean(), heldOn: Nullable(PlainDate), label: Bilingual }),
});
export type ActivityParticipant = Static<typeof ActivityParticipant>;

export const ActivityRow = Type.Object({
  id: Uuid,
  kind: ActivityKind,
  title: Type.String(),
  organiserDepartmentId: Uuid,
  organiserDepartmentName: Type.String(),
  startsOn: PlainDate,
  endsOn: PlainDate,
  place: Type.String(),
  foreignCount: Type.Integer(),
  level: Nullable(ActivityLevel),
  importance: Importance,
  state: ActivityState,
  participantCount: Type.Integer(),
  version: Type.Integer(),
});
export type ActivityRow = Static<typeof ActivityRow>;
export const ActivityPage = Page(ActivityRow);

export const ActivityStep = Type.Object({
  kind: Type.String(),
  label: Bilingual,
  at: Timestamp,
  byName: Type.String(),
  note: Type.String(),
});

export const Activity = Type.Object({
  ...ActivityRow.properties,
  foreignParties: Type.Array(
    Type.Object({ kind: Enum(['org', 'person'] as const), name: Type.String(), country: Type.String() }),
  ),
  topics: Type.Array(
    Type.Object({ title: Type.String(), nationalStrategy: Type.Boolean(), economicPolicy: Type.Boolean() }),
  ),
  classifiedApproved: Type.Boolean(),
  /** R-FOR-02: the conditions that made it 重要 (empty for 一般), in words. */
  majorReasons: Type.Array(Type.Object({ code: MajorReason, label: Bilingual })),
  plan: Type.Object({
    nature: Type.String(),
    responsibilities: Type.String(),
    measures: Type.String(),
    reason: Type.String(),
    programme: Type.String(),
    materials: Type.String(),
  }),
  approvalId: Nullable(Uuid),
  approvalStatus: Nullable(Type.String()),
  participants: Type.Array(ActivityParticipant),
  leadingGroup: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), duty: Type.String() })),
  inspection: Nullable(Type.Object({ on: PlainDate, findings: Type.String(), byName: Type.String() })),
  documents: Type.Array(
    Type.Object({
      title: Type.String(),
      copies: Type.Integer(),
      returned: Type.Boolean(),
      note: Type.String(),
    }),
  ),
  summary: Type.String(),
  officerCheck: Nullable(
    Type.Object({ byName: Type.String(), at: Timestamp, note: Type.String(), suspectedLeak: Type.Boolean() }),
  ),
  incidentId: Nullable(Uuid),
  startedOn: Nullable(PlainDate),
  endedOn: Nullable(PlainDate),
  closedOn: Nullable(PlainDate),
  createdByName: Type.String(),
  createdAt: Timestamp,
  steps: Type.Array(ActivityStep),
  /** What the caller may do now, with the reason when not (the same verdicts the server enforces). */
  abilities: Abilities,
});
export type Activity = Static<typeof Activity>;
