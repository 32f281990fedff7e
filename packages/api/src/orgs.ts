// Organisations (组织机构) and their departments: the contract of /api/orgs and /api/departments.
// Levels and kinds are domain concepts (ADMIN_LEVELS, ORG_KINDS and their labels in @baomi/domain).
import { ADMIN_LEVELS, ORG_KINDS } from '@baomi/domain';
import {
  Enum,
  Nullable,
  NullableUuid,
  PatchOf,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from './common.ts';

/** Limits shared by the schema, the form and the database (org.name, department.name). */
export const LIMITS = { name: 200 } as const;

export const AdminLevel = Enum(ADMIN_LEVELS);
export const OrgKind = Enum(ORG_KINDS);

export const OrgInput = Req({
  name: Str(LIMITS.name),
  parentId: NullableUuid,
  level: AdminLevel,
  kind: OrgKind,
});
export type OrgInput = Static<typeof OrgInput>;
/** PATCH: any of the fields, nothing else. */
export const OrgPatch = PatchOf(OrgInput);
export type OrgPatch = Static<typeof OrgPatch>;

export const Org = Type.Object({
  id: Uuid,
  name: Type.String(),
  parentId: Nullable(Uuid),
  level: AdminLevel,
  kind: OrgKind,
  createdAt: Timestamp,
});
export type Org = Static<typeof Org>;
export const OrgList = Type.Object({ items: Type.Array(Org) });
export type OrgList = Static<typeof OrgList>;

export const DepartmentInput = Req({ name: Str(LIMITS.name), parentId: Type.Optional(NullableUuid) });
export type DepartmentInput = Static<typeof DepartmentInput>;
export const DepartmentRename = Req({ name: Str(LIMITS.name) });
export type DepartmentRename = Static<typeof DepartmentRename>;

export const Department = Type.Object({
  id: Uuid,
  orgId: Uuid,
  name: Type.String(),
  parentId: Nullable(Uuid),
});
export type Department = Static<typeof Department>;
export const DepartmentList = Type.Object({ items: Type.Array(Department) });
export type DepartmentList = Static<typeof DepartmentList>;
