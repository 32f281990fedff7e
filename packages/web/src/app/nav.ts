// The side menu and the 403 guard, both read from the module declarations (modules.ts). The
// menu shows only the signed-in role's pages (R-SYS-01), and a page of another console answers
// 403 even when its URL is typed in. Business pages may further name the business roles whose
// server policy lets them use the page.
import type { BusinessRole } from '@baomi/domain';
import type { Access, MenuEntry, WebRoute } from './module.ts';
import { type MessageKey, MODULES } from './registry.ts';
import type { Role } from './session.tsx';

export type NavItem = MenuEntry<MessageKey> & { access: Access };

export const ROUTES: readonly WebRoute[] = MODULES.flatMap((m) => m.routes);

function accessOf(path: string): Access {
  const route = ROUTES.find((r) => r.path === path);
  if (!route) throw new Error(`menu entry ${path} has no route`);
  return route.access;
}

/** Every menu entry of every module, in menu order; each shown to whoever its route lets in. */
export const NAV: readonly NavItem[] = MODULES.flatMap((m) =>
  (m.menu as readonly MenuEntry<MessageKey>[]).map((e) => ({ ...e, access: accessOf(e.path) })),
).sort((a, b) => a.order - b.order);

export function fits(a: Access, role: Role, roles: readonly BusinessRole[], orgKind?: string): boolean {
  return (
    a.roles.includes(role) &&
    (!a.businessRoles ||
      a.businessRoles.some((r) => roles.includes(r)) ||
      (a.bureauToo === true && orgKind === 'secrecy_bureau'))
  );
}

export function navFor(role: Role, roles: readonly BusinessRole[] = [], orgKind?: string): NavItem[] {
  return NAV.filter((n) => fits(n.access, role, roles, orgKind));
}

export function labelOf(item: NavItem, role: Role): MessageKey {
  return item.labelFor?.[role] ?? item.label;
}

export function homePath(role: Role): string {
  return navFor(role)[0]?.path ?? '/change-password';
}
