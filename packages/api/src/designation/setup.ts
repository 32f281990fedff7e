// Designation set-up (定密准备): authority, grants, designators and absences, the catalogue.
import { ADMIN_LEVELS, ORG_KINDS } from '@baomi/domain';
import {
  Enum,
  IdParams,
  Nullable,
  PlainDate,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from '../common.ts';
import {
  Day,
  DesignatorKindSchema,
  DesignatorRoleSchema,
  Level,
  Origin,
  Reason,
  Violation,
} from './common.ts';
import { GRANT_STATUSES, LIMITS } from './labels.ts';

export { IdParams };

// ---- authority

export const AuthorityQuery = Req({ orgId: Uuid, level: Level, kind: Origin, date: Type.Optional(Day) });
export type AuthorityQuery = Static<typeof AuthorityQuery>;

export const OrgFacts = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: Enum(ADMIN_LEVELS),
  kind: Enum(ORG_KINDS),
});

export const Authority = Type.Object({
  org: OrgFacts,
  level: Level,
  date: PlainDate,
  allowed: Type.Boolean(),
  escalate: Type.Boolean(),
  kind: Origin,
  authority: Type.Object({
    level: Nullable(Level),
    source: Nullable(Enum(['statutory', 'grant'] as const)),
    remitLimited: Type.Boolean(),
    reasons: Type.Array(Reason),
  }),
  reasons: Type.Array(Reason),
  /** R-DES-07: where a matter above the authority would be sent (null when within it). */
  escalateTo: Nullable(Type.Object({ orgId: Uuid, name: Type.String(), reasons: Type.Array(Violation) })),
});
export type Authority = Static<typeof Authority>;

// ---- grants

export const GRANT_VIEWS = ['granted', 'received', 'supervised'] as const;
export const GrantsQuery = Req({ view: Type.Optional(Enum(GRANT_VIEWS)), date: Type.Optional(Day) });
export type GrantsQuery = Static<typeof GrantsQuery>;

export const GrantInput = Req({
  granteeOrgId: Uuid,
  level: Level,
  scope: Str(LIMITS.grant.scope),
  validFrom: Day,
  validTo: Day,
  reasons: Str(LIMITS.grant.reasons),
  letterNumber: Str(LIMITS.grant.letterNumber),
});
export type GrantInput = Static<typeof GrantInput>;
export const GrantFiling = Req({ filedWithBureauAt: Day });
export const GrantRevoke = Req({ reason: Str(LIMITS.grant.revokeReason) });

export const GrantStatus = Enum(GRANT_STATUSES);
export type GrantStatus = Static<typeof GrantStatus>;

export const Grant = Type.Object({
  id: Uuid,
  grantorOrgId: Uuid,
  grantorName: Type.String(),
  granteeOrgId: Uuid,
  granteeName: Type.String(),
  level: Level,
  scope: Type.String(),
  validFrom: PlainDate,
  validTo: PlainDate,
  reasons: Type.String(),
  letterNumber: Type.String(),
  filedWithBureauAt: Nullable(PlainDate),
  filedWithOrgId: Nullable(Uuid),
  revokedAt: Nullable(Timestamp),
  revokeReason: Nullable(Type.String()),
  createdAt: Timestamp,
  /** The grant's status on the day asked for, or 'revoked'. */
  status: GrantStatus,
  statusReasons: Type.Array(Reason),
});
export type Grant = Static<typeof Grant>;
export const GrantList = Type.Object({ items: Type.Array(Grant) });
export type GrantList = Static<typeof GrantList>;

// ---- designators and absences

export const PersonParams = Req({ personId: Uuid });
export const AppointInput = Req({
  personId: Uuid,
  role: DesignatorRoleSchema,
  partnerPersonId: Type.Optional(Uuid),
  letterRef: Str(LIMITS.designator.letterRef),
  certificateNumber: Str(LIMITS.designator.certificateNumber),
  certificateValidUntil: Day,
  vetted: Type.Boolean(),
});
export type AppointInput = Static<typeof AppointInput>;
export const DateQuery = Req({ date: Type.Optional(Day) });
export const AbsenceInput = Req({ reason: Str(LIMITS.absence.reason), from: Day, to: Day });
export type AbsenceInput = Static<typeof AbsenceInput>;

export const Absence = Type.Object({
  id: Uuid,
  personId: Uuid,
  orgId: Uuid,
  reason: Type.String(),
  from: PlainDate,
  to: PlainDate,
  recordedAt: Timestamp,
  cancelledAt: Nullable(Timestamp),
});
export type Absence = Static<typeof Absence>;

export const Designator = Type.Object({
  personId: Uuid,
  name: Type.String(),
  orgId: Uuid,
  kind: DesignatorKindSchema,
  role: DesignatorRoleSchema,
  partnerPersonId: Nullable(Uuid),
  appointedByPersonId: Nullable(Uuid),
  letterRef: Nullable(Type.String()),
  certificateNumber: Nullable(Type.String()),
  certificateValidUntil: Nullable(PlainDate),
  vetted: Type.Boolean(),
  appointedAt: Nullable(Timestamp),
  /** Absences not cancelled that end today or later. */
  absences: Type.Array(Absence),
});
export type Designator = Static<typeof Designator>;
export const DesignatorList = Type.Object({ items: Type.Array(Designator) });
export type DesignatorList = Static<typeof DesignatorList>;

export const MayDecide = Type.Object({
  personId: Uuid,
  name: Type.String(),
  kind: DesignatorKindSchema,
  date: PlainDate,
  allowed: Type.Boolean(),
  actingRole: DesignatorRoleSchema,
  reasons: Type.Array(Reason),
});
export type MayDecide = Static<typeof MayDecide>;

// ---- catalogue (保密事项范围)

export const CatalogueQuery = Req({ includeInactive: Type.Optional(Type.Boolean({ default: false })) });
const entryFields = {
  clause: Str(LIMITS.catalogue.clause),
  title: Str(LIMITS.catalogue.title),
  maxLevel: Level,
  indefiniteAllowed: Type.Optional(Type.Boolean()),
};
export const CatalogueInput = Req({ ...entryFields, shared: Type.Optional(Type.Boolean()) });
export type CatalogueInput = Static<typeof CatalogueInput>;
export const CataloguePatch = Type.Partial(Req({ ...entryFields, active: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
export type CataloguePatch = Static<typeof CataloguePatch>;

export const CatalogueEntry = Type.Object({
  id: Uuid,
  /** null: shared by every organisation. */
  orgId: Nullable(Uuid),
  clause: Type.String(),
  title: Type.String(),
  maxLevel: Level,
  indefiniteAllowed: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  shared: Type.Boolean(),
  /** Every level up to maxLevel. */
  levels: Type.Array(Level),
});
export type CatalogueEntry = Static<typeof CatalogueEntry>;
export const CatalogueList = Type.Object({ items: Type.Array(CatalogueEntry) });
export type CatalogueList = Static<typeof CatalogueList>;
