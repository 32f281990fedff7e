// The pages of each console. The side menu shows only the signed-in role's pages (R-SYS-01),
// and a page of another console answers 403 even when its URL is typed in. Business pages may
// further name the business roles whose server policy lets them use the page.
import type { BusinessRole } from '@baomi/domain';
import type { MessageKey } from './messages.ts';
import type { Role } from './session.tsx';

export type NavIcon =
  | 'home'
  | 'orgs'
  | 'accounts'
  | 'backups'
  | 'audit'
  | 'roles'
  | 'security'
  | 'calendar'
  | 'approvals'
  | 'items'
  | 'review'
  | 'authority'
  | 'stats';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** A role-specific label, e.g. the sysadmin sees only his own audit records. */
  labelFor?: Partial<Record<Role, MessageKey>>;
  icon: NavIcon;
  roles: Role[];
  /** Business pages for some business roles only (as the server's policy allows). */
  businessRoles?: BusinessRole[];
  /** Also for every business user of a secrecy bureau (R-DES-09: the bureau sees its units' roll-up). */
  bureauToo?: boolean;
  /** The menu group the entry stands in. */
  group?: 'designation';
  /** Which open todos the entry counts in a badge. */
  badge?: 'all' | 'approvals';
}

/** R-DES-08: the ledger's export and the review list (items.policy.ts `ledger`). */
export const LEDGER_ROLES: BusinessRole[] = ['secrecy_officer', 'designator', 'leader'];

export const NAV: NavItem[] = [
  { path: '/home', label: 'nav.home', icon: 'home', roles: ['business'], badge: 'all' },
  { path: '/approvals', label: 'nav.approvals', icon: 'approvals', roles: ['business'], badge: 'approvals' },
  {
    path: '/designation/items',
    label: 'nav.items',
    icon: 'items',
    roles: ['business'],
    group: 'designation',
  },
  {
    path: '/designation/review',
    label: 'nav.review',
    icon: 'review',
    roles: ['business'],
    businessRoles: LEDGER_ROLES,
    group: 'designation',
  },
  {
    path: '/designation/authority',
    label: 'nav.authority',
    icon: 'authority',
    roles: ['business'],
    group: 'designation',
  },
  {
    path: '/designation/stats',
    label: 'nav.stats',
    icon: 'stats',
    roles: ['business'],
    businessRoles: LEDGER_ROLES,
    bureauToo: true,
    group: 'designation',
  },
  { path: '/workdays', label: 'nav.workdays', icon: 'calendar', roles: ['business'] },
  { path: '/orgs', label: 'nav.orgs', icon: 'orgs', roles: ['sysadmin'] },
  { path: '/accounts', label: 'nav.accounts', icon: 'accounts', roles: ['sysadmin'] },
  { path: '/backups', label: 'nav.backups', icon: 'backups', roles: ['sysadmin'] },
  { path: '/roles', label: 'nav.roles', icon: 'roles', roles: ['secadmin'] },
  { path: '/settings/security', label: 'nav.security', icon: 'security', roles: ['secadmin'] },
  {
    path: '/audit',
    label: 'nav.audit',
    labelFor: { sysadmin: 'nav.myAudit' },
    icon: 'audit',
    roles: ['sysadmin', 'secadmin', 'auditor'],
  },
];

const fits = (n: NavItem, role: Role, roles: readonly BusinessRole[], orgKind?: string) =>
  n.roles.includes(role) &&
  (!n.businessRoles ||
    n.businessRoles.some((r) => roles.includes(r)) ||
    (n.bureauToo === true && orgKind === 'secrecy_bureau'));

export function navFor(role: Role, roles: readonly BusinessRole[] = [], orgKind?: string): NavItem[] {
  return NAV.filter((n) => fits(n, role, roles, orgKind));
}

export function labelOf(item: NavItem, role: Role): MessageKey {
  return item.labelFor?.[role] ?? item.label;
}

export function homePath(role: Role): string {
  return navFor(role)[0]?.path ?? '/change-password';
}

export function allowed(
  path: string,
  role: Role,
  roles: readonly BusinessRole[] = [],
  orgKind?: string,
): boolean {
  const item = NAV.find((n) => n.path === path);
  return !item || fits(item, role, roles, orgKind);
}
