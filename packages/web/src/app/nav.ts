// The pages of each console. The side menu shows only the signed-in role's pages (R-SYS-01),
// and a page of another console answers 403 even when its URL is typed in.
import type { MessageKey } from './messages.ts';
import type { Role } from './session.tsx';

export type NavIcon = 'home' | 'orgs' | 'accounts' | 'backups' | 'audit' | 'roles' | 'security' | 'calendar';

export interface NavItem {
  path: string;
  label: MessageKey;
  /** A role-specific label, e.g. the sysadmin sees only his own audit records. */
  labelFor?: Partial<Record<Role, MessageKey>>;
  icon: NavIcon;
  roles: Role[];
}

export const NAV: NavItem[] = [
  { path: '/home', label: 'nav.home', icon: 'home', roles: ['business'] },
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

export function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => n.roles.includes(role));
}

export function labelOf(item: NavItem, role: Role): MessageKey {
  return item.labelFor?.[role] ?? item.label;
}

export function homePath(role: Role): string {
  return navFor(role)[0]?.path ?? '/change-password';
}

export function allowed(path: string, role: Role): boolean {
  const item = NAV.find((n) => n.path === path);
  return !item || item.roles.includes(role);
}
