// People (人员): the contract of /api/people. Ranks, clearances and business roles are domain
// concepts (RANKS, CLEARANCES, BUSINESS_ROLES and their labels in @baomi/domain).
import { BUSINESS_ROLES, CLEARANCES, RANKS } from '@baomi/domain';
import {
  Enum,
  Nullable,
  NullableUuid,
  Page,
  Paging,
  PatchOf,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from './common.ts';

/** Limits shared by the schema, the form and the database (person.*). */
export const LIMITS = { name: 100, position: 100, nationality: 60, q: 100 } as const;
/** Nationality when the form leaves it out. */
export const DEFAULT_NATIONALITY = '中国';

export const Rank = Enum(RANKS);
export const Clearance = Enum(CLEARANCES);
export const BusinessRole = Enum(BUSINESS_ROLES);

const fields = {
  orgId: Uuid,
  departmentId: NullableUuid,
  name: Str(LIMITS.name),
  position: Str(LIMITS.position, 0),
  rank: Rank,
  nationality: Str(LIMITS.nationality),
};
/** A person's fields as the service stores them (every one given). */
export const PersonInput = Req(fields);
export type PersonInput = Static<typeof PersonInput>;
/** POST: organisation, name and rank; the others default (no department, no position, 中国). */
export const PersonCreate = Req({
  ...fields,
  departmentId: Type.Optional(fields.departmentId),
  position: Type.Optional(fields.position),
  nationality: Type.Optional(fields.nationality),
});
export type PersonCreate = Static<typeof PersonCreate>;
export const PersonPatch = PatchOf(PersonInput);
export type PersonPatch = Static<typeof PersonPatch>;

export const RolesBody = Req({
  roles: Type.Array(BusinessRole, { maxItems: BUSINESS_ROLES.length, uniqueItems: true }),
});
export type RolesBody = Static<typeof RolesBody>;
export const ClearanceBody = Req({ clearance: Clearance });
export type ClearanceBody = Static<typeof ClearanceBody>;

export const PEOPLE_SORTS = [
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'department',
  '-department',
] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

const filter = {
  orgId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: LIMITS.q })),
  role: Type.Optional(BusinessRole),
  clearance: Type.Optional(Clearance),
  sort: Type.Optional(Enum(PEOPLE_SORTS)),
};
export const PeopleQuery = Req({ ...filter, ...Paging });
export type PeopleQuery = Static<typeof PeopleQuery>;
export const PeopleExportQuery = Req({ ...filter, format: Type.Optional(Enum(['xlsx', 'csv'] as const)) });
export type PeopleExportQuery = Static<typeof PeopleExportQuery>;

export const Person = Type.Object({
  id: Uuid,
  orgId: Uuid,
  orgName: Type.String(),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  name: Type.String(),
  position: Type.String(),
  rank: Rank,
  nationality: Type.String(),
  clearance: Clearance,
  roles: Type.Array(BusinessRole),
  accountId: Nullable(Uuid),
  username: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type Person = Static<typeof Person>;
export const PersonPage = Page(Person);
export type PersonPage = Static<typeof PersonPage>;
