// The directory (通讯录) of a business user's own organisation: the contract of /api/directory.
// Names, departments and positions only (R-SYS-01: clearances, roles and accounts stay with the
// administrators).
import { ADMIN_LEVELS, ORG_KINDS } from '@baomi/domain';
import { Enum, Nullable, type Static, Type, Uuid } from './common.ts';
import { Department } from './orgs.ts';

const OrgRef = {
  id: Uuid,
  name: Type.String(),
  level: Enum(ADMIN_LEVELS),
  kind: Enum(ORG_KINDS),
};

export const DirectoryPerson = Type.Object({
  id: Uuid,
  name: Type.String(),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  position: Type.String(),
});
export type DirectoryPerson = Static<typeof DirectoryPerson>;

export const Directory = Type.Object({
  /** null for an account without a person. */
  org: Nullable(Type.Object(OrgRef)),
  departments: Type.Array(Department),
  people: Type.Array(DirectoryPerson),
  orgsBelow: Type.Array(Type.Object({ ...OrgRef, parentId: Nullable(Uuid) })),
});
export type Directory = Static<typeof Directory>;
