// R-SYS-01: three separate administrators and no super-administrator.
import { type Check, fail, ok } from '../errors.ts';
import type { AdminRole, BusinessRole } from '../orgs/enums.ts';

export interface AccountRoles {
  adminRole: AdminRole | null;
  /** Business roles held through the person linked to the account. */
  businessRoles: readonly BusinessRole[];
  /** Whether the account is linked to a person record at all. */
  linkedToPerson: boolean;
}

/**
 * R-SYS-01: an administrator account holds exactly one administrator role (the data model has one
 * slot), is never linked to a person and so never holds a business role.
 */
export function checkRoleSeparation(a: AccountRoles): Check {
  if (a.adminRole !== null && (a.linkedToPerson || a.businessRoles.length > 0)) {
    return fail({
      code: 'admin_with_business_role',
      rule: 'R-SYS-01',
      field: 'personId',
      zh: '三员账号不能关联人员或持有业务角色',
      en: 'An administrator account cannot be linked to a person or hold a business role',
    });
  }
  return ok;
}

/** Whose audit events a viewer may read (R-SYS-01): each administrator is watched by another. */
export type AuditActorClass = 'sysadmin' | 'secadmin' | 'auditor' | 'user' | 'system';

export interface AuditVisibility {
  /** Actor classes whose events are visible. */
  classes: AuditActorClass[];
  /** Whether the viewer's own events are visible regardless of class. */
  own: boolean;
}

/**
 * R-SYS-01 / R-SYS-03: the system administrator sees only his own events; the security-secrecy
 * administrator reviews ordinary users (and system jobs) and the auditor; the auditor reviews the
 * system and security-secrecy administrators. Business users read no audit trail.
 */
export function auditVisibility(viewer: AdminRole | null): AuditVisibility {
  switch (viewer) {
    case 'sysadmin':
      return { classes: [], own: true };
    case 'secadmin':
      return { classes: ['user', 'system', 'auditor'], own: false };
    case 'auditor':
      return { classes: ['sysadmin', 'secadmin'], own: false };
    default:
      return { classes: [], own: false };
  }
}
