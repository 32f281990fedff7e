// 涉密人员, part "training": the contract of /api/personnel/training… (R-PER-04: sessions, hours, the
// shortfall view, the unit's training policy), /api/personnel/matters… (R-PER-05: major-matter
// reports and their review) and /api/personnel/assessments… (R-PER-07: the yearly assessment and its
// printable sheet). Dates and hours travel as plain values: the domain checks them with its own
// bilingual message naming the field.
import {
  ASPECT_RATINGS,
  ASSESSMENT_RESULTS,
  MAJOR_MATTER_KINDS,
  MAJOR_MATTER_SOURCES,
  PERSON_CLASSES,
} from '@baomi/domain';
import {
  Enum,
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

/** Text limits (the migration 0023's CHECKs). */
export const TRAINING_LIMITS = {
  topic: 200,
  trainer: 100,
  material: 200,
  materials: 20,
  attendees: 2000,
  description: 2000,
  opinion: 1000,
  measures: 1000,
  comment: 1000,
} as const;

export const PersonClass = Enum(PERSON_CLASSES);
export const MatterKind = Enum(MAJOR_MATTER_KINDS);
export const MatterSource = Enum(MAJOR_MATTER_SOURCES);
export const MATTER_STATUSES = ['pending', 'reviewed'] as const;
export const MatterStatus = Enum(MATTER_STATUSES);
export const MATTER_STATUS_LABELS = {
  pending: { zh: '待审核', en: 'Pending' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
} as const;
export const AspectRating = Enum(ASPECT_RATINGS);
export const AssessmentResult = Enum(ASSESSMENT_RESULTS);

const Year = Type.Integer({ minimum: 1950, maximum: 2200 });
const Hours = Type.Number({ description: 'class hours (学时), in half hours' });

// ---- training policy (R-PER-04, D81)

const policyFields = {
  minHours: Type.Number(),
  keySiteMinDays: Type.Number(),
  hoursPerDay: Type.Number(),
  remindFrom: Type.String({ maxLength: 10 }),
};
export const TrainingPolicyBody = Req(policyFields);
export type TrainingPolicyBody = Static<typeof TrainingPolicyBody>;
export const TrainingPolicy = Type.Object(policyFields);

// ---- sessions

export const SessionInput = Req({
  topic: Str(TRAINING_LIMITS.topic),
  heldOn: PlainDate,
  hours: Hours,
  trainer: Str(TRAINING_LIMITS.trainer),
  materials: Type.Optional(
    Type.Array(Str(TRAINING_LIMITS.material), { maxItems: TRAINING_LIMITS.materials }),
  ),
  attendeeIds: Type.Array(Uuid, { maxItems: TRAINING_LIMITS.attendees }),
});
export type SessionInput = Static<typeof SessionInput>;
export const SessionPatch = Type.Partial(
  Type.Object({
    topic: Str(TRAINING_LIMITS.topic),
    heldOn: PlainDate,
    hours: Hours,
    trainer: Str(TRAINING_LIMITS.trainer),
    materials: Type.Array(Str(TRAINING_LIMITS.material), { maxItems: TRAINING_LIMITS.materials }),
  }),
  { additionalProperties: false },
);
export type SessionPatch = Static<typeof SessionPatch>;
export const AttendeesBody = Req({ attendeeIds: Type.Array(Uuid, { maxItems: TRAINING_LIMITS.attendees }) });
export type AttendeesBody = Static<typeof AttendeesBody>;

export const SessionListQuery = Req({
  year: Type.Optional(Year),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...Paging,
});
export type SessionListQuery = Static<typeof SessionListQuery>;

export const Attendee = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
});
export const Session = Type.Object({
  id: Uuid,
  topic: Type.String(),
  heldOn: PlainDate,
  hours: Type.Number(),
  trainer: Type.String(),
  materials: Type.Array(Type.String()),
  attendeeCount: Type.Integer(),
  attendees: Type.Array(Attendee),
  createdByName: Type.String(),
  createdAt: Timestamp,
  version: Type.Integer(),
});
export type Session = Static<typeof Session>;
export const SessionPage = Type.Object({ items: Type.Array(Session), total: Type.Integer() });
export type SessionPage = Static<typeof SessionPage>;

// ---- the shortfall view

export const ShortfallQuery = Req({
  year: Type.Optional(Year),
  departmentId: Type.Optional(Uuid),
  keySite: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...Paging,
});
export type ShortfallQuery = Static<typeof ShortfallQuery>;
export const ShortfallExportQuery = Req({
  year: Type.Optional(Year),
  departmentId: Type.Optional(Uuid),
  keySite: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});
export const ShortfallRow = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
  personClass: PersonClass,
  keySite: Type.Boolean(),
  required: Type.Number(),
  attended: Type.Number(),
  shortfall: Type.Number(),
  todo: Type.Boolean(),
});
export type ShortfallRow = Static<typeof ShortfallRow>;
export const ShortfallPage = Type.Object({
  year: Type.Integer(),
  items: Type.Array(ShortfallRow),
  total: Type.Integer(),
  /** Classified persons in the reader's scope (with or without a shortfall). */
  persons: Type.Integer(),
});
export type ShortfallPage = Static<typeof ShortfallPage>;

// ---- major-matter reports

export const MatterInput = Req({
  /** Omitted: the caller himself. The secrecy officer names another person (source: officer). */
  personId: Type.Optional(Uuid),
  kind: MatterKind,
  occurredOn: PlainDate,
  description: Type.Optional(Str(TRAINING_LIMITS.description + 1, 0)),
});
export type MatterInput = Static<typeof MatterInput>;
export const ReviewInput = Req({
  opinion: Str(TRAINING_LIMITS.opinion),
  measures: Type.Optional(Str(TRAINING_LIMITS.measures, 0)),
  /** A new class for the person's open post (R-PER-05: the matter may change it). */
  changeClassTo: Type.Optional(PersonClass),
  /** Which open post, when he holds two. */
  postId: Type.Optional(Uuid),
});
export type ReviewInput = Static<typeof ReviewInput>;
export const MatterListQuery = Req({
  status: Type.Optional(MatterStatus),
  kind: Type.Optional(MatterKind),
  personId: Type.Optional(Uuid),
  ...Paging,
});
export type MatterListQuery = Static<typeof MatterListQuery>;
export const Matter = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  departmentName: Nullable(Type.String()),
  kind: MatterKind,
  source: MatterSource,
  occurredOn: PlainDate,
  description: Type.String(),
  status: MatterStatus,
  reportedByName: Type.String(),
  reportedAt: Timestamp,
  opinion: Nullable(Type.String()),
  measures: Nullable(Type.String()),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp),
  changedClassFrom: Nullable(PersonClass),
  changedClassTo: Nullable(PersonClass),
  changedOn: Nullable(PlainDate),
  canReview: Type.Boolean(),
});
export type Matter = Static<typeof Matter>;
export const MatterPage = Type.Object({ items: Type.Array(Matter), total: Type.Integer() });
export type MatterPage = Static<typeof MatterPage>;

// ---- yearly assessments

const Ratings = Type.Object(
  { discipline: AspectRating, duties: AspectRating, training: AspectRating },
  { additionalProperties: false },
);
export const AssessmentInput = Req({
  personId: Uuid,
  year: Type.Integer(),
  ratings: Ratings,
  result: AssessmentResult,
  comment: Type.Optional(Str(TRAINING_LIMITS.comment, 0)),
});
export type AssessmentInput = Static<typeof AssessmentInput>;
export const AssessmentListQuery = Req({
  year: Type.Optional(Year),
  state: Type.Optional(Enum(['done', 'due'] as const)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  ...Paging,
});
export type AssessmentListQuery = Static<typeof AssessmentListQuery>;
export const Assessment = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  year: Type.Integer(),
  ratings: Ratings,
  result: AssessmentResult,
  comment: Type.String(),
  assessedByName: Type.String(),
  assessedOn: PlainDate,
});
export type Assessment = Static<typeof Assessment>;
/** One classified person of the year: his assessment, or none yet (due). */
export const AssessmentRow = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
  personClass: PersonClass,
  year: Type.Integer(),
  trainingShortfall: Type.Number(),
  assessment: Nullable(Assessment),
});
export type AssessmentRow = Static<typeof AssessmentRow>;
export const AssessmentPage = Type.Object({
  year: Type.Integer(),
  items: Type.Array(AssessmentRow),
  total: Type.Integer(),
});
export type AssessmentPage = Static<typeof AssessmentPage>;

// ---- the person's page section

export const PersonParams = Req({ personId: Uuid });
export const PersonTrainingQuery = Req({ year: Type.Optional(Year) });
export const PersonTraining = Type.Object({
  personId: Uuid,
  year: Type.Integer(),
  classified: Type.Boolean(),
  keySite: Type.Boolean(),
  required: Type.Number(),
  attended: Type.Number(),
  shortfall: Type.Number(),
  sessions: Type.Array(
    Type.Object({ id: Uuid, topic: Type.String(), heldOn: PlainDate, hours: Type.Number() }),
  ),
  matters: Type.Array(Matter),
  assessments: Type.Array(Assessment),
});
export type PersonTraining = Static<typeof PersonTraining>;
