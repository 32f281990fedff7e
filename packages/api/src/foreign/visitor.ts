// 涉外活动, part "visitors and materials": the contract of /api/foreign/visitors… (the foreign-visitor
// register, R-FOR-05: searchable, exportable; document numbers masked in lists, shown in the audited
// detail) and /api/foreign/visits… (receptions: scope, route, escorts, key sites with a per-visit
// approval, the printed visit sheet, R-SITE-04).
import { FOREIGN_DOC_TYPES, VISIT_STATUSES, VISITOR_LIMITS } from '@baomi/domain';
import {
  Abilities,
  Enum,
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
export { VISITOR_LIMITS };

export const ForeignDocType = Enum(FOREIGN_DOC_TYPES);
export const VisitStatus = Enum(VISIT_STATUSES);
const Format = Type.Optional(Enum(['xlsx', 'csv'] as const));

// ---- visitors

export const VisitorInput = Req({
  name: Str(VISITOR_LIMITS.name),
  nationality: Str(VISITOR_LIMITS.nationality),
  organisation: Type.Optional(Str(VISITOR_LIMITS.organisation, 0)),
  docType: ForeignDocType,
  docNumber: Str(VISITOR_LIMITS.docNumber),
  contact: Type.Optional(Str(VISITOR_LIMITS.contact, 0)),
  note: Type.Optional(Str(VISITOR_LIMITS.note, 0)),
});
export type VisitorInput = Static<typeof VisitorInput>;

export const VisitorSort = Enum(['name', 'nationality', 'createdAt', 'lastVisitOn'] as const);
export const VisitorListQuery = Req({
  /** Name (Chinese or Latin, any case), organisation or nationality. */
  q: Type.Optional(Str(100, 0)),
  nationality: Type.Optional(Str(VISITOR_LIMITS.nationality, 0)),
  sort: Type.Optional(VisitorSort),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
  ...Paging,
});
export type VisitorListQuery = Static<typeof VisitorListQuery>;
export const VisitorExportQuery = Req({
  q: Type.Optional(Str(100, 0)),
  nationality: Type.Optional(Str(VISITOR_LIMITS.nationality, 0)),
  format: Format,
});

/** A visitor in a list: the document number masked (R-FOR-05, personal data). */
export const VisitorItem = Type.Object({
  id: Uuid,
  name: Type.String(),
  nationality: Type.String(),
  organisation: Type.String(),
  docType: ForeignDocType,
  docNumberMasked: Type.String(),
  contact: Type.String(),
  visits: Type.Integer(),
  lastVisitOn: Nullable(PlainDate),
  createdAt: Timestamp,
});
export type VisitorItem = Static<typeof VisitorItem>;
export const VisitorPage = Page(VisitorItem);

export const VisitSummary = Type.Object({
  id: Uuid,
  visitOn: PlainDate,
  endsOn: PlainDate,
  purpose: Type.String(),
  status: VisitStatus,
  keySiteCount: Type.Integer(),
});

/** The detail: the full document number (an audited read of personal data) and the visits. */
export const VisitorDetail = Type.Object({
  ...VisitorItem.properties,
  docNumber: Type.String(),
  note: Type.String(),
  createdByName: Type.String(),
  visitList: Type.Array(VisitSummary),
  abilities: Abilities,
});
export type VisitorDetail = Static<typeof VisitorDetail>;

// ---- visits (receptions)

export const VisitInput = Req({
  /** The foreign activity (kind reception) this visit belongs to, if any. */
  activityId: Type.Optional(Nullable(Uuid)),
  visitorIds: Type.Array(Uuid, { minItems: 1, maxItems: VISITOR_LIMITS.visitors, uniqueItems: true }),
  visitOn: PlainDate,
  endsOn: PlainDate,
  purpose: Type.Optional(Str(VISITOR_LIMITS.purpose, 0)),
  scope: Str(VISITOR_LIMITS.scope),
  route: Str(VISITOR_LIMITS.route),
  escortIds: Type.Array(Uuid, { minItems: 1, maxItems: VISITOR_LIMITS.escorts, uniqueItems: true }),
  /** Key departments or locations visited (personnel's key-site register): each visit approved on its own. */
  keySiteIds: Type.Optional(Type.Array(Uuid, { maxItems: VISITOR_LIMITS.keySites, uniqueItems: true })),
});
export type VisitInput = Static<typeof VisitInput>;

export const VisitListQuery = Req({
  status: Type.Optional(VisitStatus),
  activityId: Type.Optional(Uuid),
  visitorId: Type.Optional(Uuid),
  from: Type.Optional(PlainDate),
  to: Type.Optional(PlainDate),
  keySite: Type.Optional(Type.Boolean()),
  ...Paging,
});
export type VisitListQuery = Static<typeof VisitListQuery>;

const Named = Type.Object({ id: Uuid, name: Type.String() });

export const VisitItem = Type.Object({
  id: Uuid,
  activityId: Nullable(Uuid),
  activityTitle: Nullable(Type.String()),
  visitOn: PlainDate,
  endsOn: PlainDate,
  purpose: Type.String(),
  scope: Type.String(),
  route: Type.String(),
  status: VisitStatus,
  organiserId: Uuid,
  organiserName: Type.String(),
  departmentId: Nullable(Uuid),
  visitors: Type.Array(Type.Object({ id: Uuid, name: Type.String(), nationality: Type.String() })),
  escorts: Type.Array(Named),
  keySites: Type.Array(Named),
  approvalId: Nullable(Uuid),
  visitedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type VisitItem = Static<typeof VisitItem>;
export const VisitPage = Page(VisitItem);
export const VisitDetail = Type.Object({ ...VisitItem.properties, abilities: Abilities });
export type VisitDetail = Static<typeof VisitDetail>;

/** A key site to choose from (personnel's register, read through its exported function). */
export const KeySiteOption = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  level: Type.String(),
});
export const KeySiteOptions = Type.Array(KeySiteOption);
