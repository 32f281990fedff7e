// 涉密人员, part "core": the contract of the core record under /api/personnel — the key-site register
// (保密要害部门部位, minimal, R-SITE-01), a person's classified posts (R-PER-01; placement in a key site
// R-PER-02, R-SITE-04), vettings (涉密资格审查, R-PER-01), eligibility facts (R-PER-02), the ledger
// (涉密人员台账) with its export, the person's page and his timeline.
import {
  CLEARANCES,
  ELIGIBILITY_CONDITIONS,
  KEY_SITE_KINDS,
  PERSON_CLASSES,
  STATE_SECRET_LEVELS,
  VETTING_RESULTS,
} from '@baomi/domain';
import {
  Abilities,
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

/** Text limits: the same numbers as migration 0021's CHECK constraints. */
export const CORE_LIMITS = {
  keySite: { name: 100, note: 500 },
  post: { name: 100 },
  vetting: { reviewer: 100, note: 500 },
  fact: { note: 500 },
  search: 100,
} as const;

/** The vetting states (eligibility.ts `VettingState`), as the ledger filters and shows them. */
export const VETTING_STATES = ['valid', 'due_soon', 'expired', 'missing', 'failed', 'insufficient'] as const;
export const VETTING_STATE_LABELS: Record<(typeof VETTING_STATES)[number], { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  expired: { zh: '已过复审期', en: 'Expired' },
  missing: { zh: '未审查', en: 'Not vetted' },
  failed: { zh: '未通过', en: 'Not passed' },
  insufficient: { zh: '须重新审查', en: 'Vet again' },
};
/** The ledger's sort fields (names by pinyin). */
export const LEDGER_SORTS = ['name', 'department', 'personClass', 'validUntil'] as const;

export const PersonClass = Enum(PERSON_CLASSES);
export const Clearance = Enum(CLEARANCES);
export const SiteLevel = Enum(STATE_SECRET_LEVELS);
export const KeySiteKind = Enum(KEY_SITE_KINDS);
export const VettingResult = Enum(VETTING_RESULTS);
export const Condition = Enum(ELIGIBILITY_CONDITIONS);
export const VettingState = Enum(VETTING_STATES);
/** A calendar day in a request (an impossible one is refused by the schema; the domain checks the range). */
const Day = Type.String({ format: 'date' });

// ---- params

export const PersonParams = Req({ personId: Uuid });
export const PostParams = Req({ personId: Uuid, postId: Uuid });
export const FactParams = Req({ personId: Uuid, factId: Uuid });
export const KeySiteParams = Req({ id: Uuid });

// ---- key sites (R-SITE-01)

const keySiteFields = {
  name: Str(CORE_LIMITS.keySite.name),
  kind: KeySiteKind,
  departmentId: Uuid,
  /** The highest level the site handles. */
  level: SiteLevel,
  note: Type.Optional(Str(CORE_LIMITS.keySite.note, 0)),
};
export const KeySiteInput = Req(keySiteFields);
export type KeySiteInput = Static<typeof KeySiteInput>;
export const KeySitePatch = Type.Partial(Type.Object(keySiteFields), { additionalProperties: false });
export type KeySitePatch = Static<typeof KeySitePatch>;

export const KeySite = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: KeySiteKind,
  departmentId: Uuid,
  departmentName: Type.String(),
  level: SiteLevel,
  note: Type.String(),
  /** People holding an open post in it. */
  staffCount: Type.Integer(),
  updatedAt: Timestamp,
});
export type KeySite = Static<typeof KeySite>;
export const KeySiteList = Type.Object({ items: Type.Array(KeySite), abilities: Abilities });
export type KeySiteList = Static<typeof KeySiteList>;

// ---- posts (R-PER-01, placement R-PER-02 / R-SITE-04)

export const PostInput = Req({
  name: Str(CORE_LIMITS.post.name),
  personClass: PersonClass,
  keySiteId: Type.Optional(Nullable(Uuid)),
  since: Day,
});
export type PostInput = Static<typeof PostInput>;
export const PostPatch = Req({
  personClass: Type.Optional(PersonClass),
  keySiteId: Type.Optional(Nullable(Uuid)),
});
export type PostPatch = Static<typeof PostPatch>;

export const Post = Type.Object({
  id: Uuid,
  name: Type.String(),
  personClass: PersonClass,
  keySiteId: Nullable(Uuid),
  keySiteName: Nullable(Type.String()),
  since: PlainDate,
  leftOn: Nullable(PlainDate),
});
export type Post = Static<typeof Post>;

// ---- vettings (R-PER-01)

export const VettingInput = Req({
  vettedOn: Day,
  result: VettingResult,
  reviewer: Str(CORE_LIMITS.vetting.reviewer),
  personClass: PersonClass,
  /** The clearance it was for ('none' is refused by the domain with its reason). */
  clearance: Clearance,
  note: Type.Optional(Str(CORE_LIMITS.vetting.note, 0)),
});
export type VettingInput = Static<typeof VettingInput>;
export const Vetting = Type.Object({
  id: Uuid,
  vettedOn: PlainDate,
  result: VettingResult,
  reviewer: Type.String(),
  personClass: PersonClass,
  clearance: Clearance,
  note: Type.String(),
});
export type Vetting = Static<typeof Vetting>;
export const VettingStatus = Type.Object({
  state: VettingState,
  vettedOn: Nullable(PlainDate),
  validUntil: Nullable(PlainDate),
  valid: Type.Boolean(),
});
export type VettingStatus = Static<typeof VettingStatus>;

// ---- eligibility facts (R-PER-02)

export const FactInput = Req({
  condition: Condition,
  since: Day,
  until: Type.Optional(Nullable(Day)),
  note: Type.Optional(Str(CORE_LIMITS.fact.note, 0)),
});
export type FactInput = Static<typeof FactInput>;
export const FactEnd = Req({ until: Day });
export type FactEnd = Static<typeof FactEnd>;
export const Fact = Type.Object({
  id: Uuid,
  condition: Condition,
  since: PlainDate,
  until: Nullable(PlainDate),
  note: Type.String(),
  /** It holds today (since ≤ today < until). */
  holds: Type.Boolean(),
});
export type Fact = Static<typeof Fact>;

// ---- the person's page

export const PersonHeader = Type.Object({
  id: Uuid,
  name: Type.String(),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  position: Type.String(),
  clearance: Clearance,
  nationality: Type.String(),
  chineseCitizen: Type.Boolean(),
});
export const PersonRecord = Type.Object({
  person: PersonHeader,
  /** The higher class of his open posts (null: none open). */
  personClass: Nullable(PersonClass),
  keySites: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  vetting: Nullable(VettingStatus),
  coolingOffUntil: Nullable(PlainDate),
  posts: Type.Array(Post),
  vettings: Type.Array(Vetting),
  facts: Type.Array(Fact),
  /** write: register posts, vettings, facts (the secrecy officer). */
  abilities: Abilities,
});
export type PersonRecord = Static<typeof PersonRecord>;

export const TimelineEntry = Type.Object({
  on: Type.String(),
  kind: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  href: Type.Optional(Type.String()),
});
export const Timeline = Type.Object({ items: Type.Array(TimelineEntry) });
export type Timeline = Static<typeof Timeline>;
export type TimelineEntry = Static<typeof TimelineEntry>;

/** People of the organisation who hold no open post yet (to add a first post). */
export const Candidate = Type.Object({
  id: Uuid,
  name: Type.String(),
  departmentName: Nullable(Type.String()),
  position: Type.String(),
  clearance: Clearance,
});
export const CandidateList = Type.Object({ items: Type.Array(Candidate) });
export type CandidateList = Static<typeof CandidateList>;
export const CandidateQuery = Req({ q: Type.Optional(Str(CORE_LIMITS.search, 0)) });

// ---- the ledger (涉密人员台账)

const ledgerFilter = {
  /** The person's name. */
  q: Type.Optional(Str(CORE_LIMITS.search, 0)),
  personClass: Type.Optional(PersonClass),
  clearance: Type.Optional(Clearance),
  departmentId: Type.Optional(Uuid),
  keySiteId: Type.Optional(Uuid),
  vetting: Type.Optional(VettingState),
  /** In a 脱密期 today. */
  coolingOff: Type.Optional(Type.Boolean()),
  /** Short of this year's training hours (R-PER-04, the training part's count). */
  trainingShortfall: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Enum(LEDGER_SORTS)),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
};
export const LedgerQuery = Req({ ...ledgerFilter, ...Paging });
export type LedgerQuery = Static<typeof LedgerQuery>;
export const LedgerExportQuery = Req({
  ...ledgerFilter,
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});
export type LedgerExportQuery = Static<typeof LedgerExportQuery>;

export const LedgerRow = Type.Object({
  personId: Uuid,
  name: Type.String(),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  personClass: Nullable(PersonClass),
  clearance: Clearance,
  posts: Type.Array(Type.String()),
  keySites: Type.Array(Type.String()),
  vettingState: VettingState,
  validUntil: Nullable(PlainDate),
  coolingOffUntil: Nullable(PlainDate),
});
export type LedgerRow = Static<typeof LedgerRow>;
export const LedgerPage = Type.Object({
  items: Type.Array(LedgerRow),
  total: Type.Integer(),
  abilities: Abilities,
});
export type LedgerPage = Static<typeof LedgerPage>;
