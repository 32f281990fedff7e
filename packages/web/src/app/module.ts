// A web module's one declaration: its pages (lazy-loaded), its menu entries and its UI strings.
// modules.ts lists the modules; the router, the side menu, the 403 guard and the dictionary
// read that list (as Ant Design Pro's config/routes.ts + access.ts do). The platform never
// names a module.
import type { BusinessRole } from '@baomi/domain';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Bilingual, platformMessages } from './messages.ts';
import type { Role } from './session.tsx';

/** Who may open a page (R-SYS-01: a page of another console answers 403). */
export interface Access {
  /** The consoles (administrator roles, or `business`) that may use the page. */
  roles: readonly Role[];
  /** Business pages for some business roles only (as the server's policy allows). */
  businessRoles?: readonly BusinessRole[];
  /** Also for every business user of a secrecy bureau (R-DES-09: the bureau's roll-up). */
  bureauToo?: boolean;
}

export interface WebRoute {
  /** A react-router path, e.g. `/designation/items/:id`. */
  path: string;
  /** The page, as `lazy(() => import('./XPage.tsx'))`: every page is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
  access: Access;
}

/** Which open todos a menu entry counts in a badge. */
export type MenuBadge = 'all' | 'approvals';

export interface MenuEntry<K extends string = string> {
  /** The route it opens; the entry is shown to whoever that route's access lets in. */
  path: string;
  label: K;
  /** A role-specific label, e.g. the sysadmin sees only his own audit records. */
  labelFor?: Partial<Record<Role, K>>;
  icon: ReactNode;
  /** The menu group's label; entries with the same group stand together under it. */
  group?: K;
  /** Place in the menu, lowest first (across modules). */
  order: number;
  badge?: MenuBadge;
}

type PlatformKey = keyof typeof platformMessages;

/** A module as the platform reads it (modules.ts lists them). */
export interface WebModule {
  name: string;
  routes: readonly WebRoute[];
  menu: readonly MenuEntry[];
  /** The module's UI strings, each key in Chinese and English (a missing side is a type error). */
  messages: Readonly<Record<string, Bilingual>>;
}

/** What a module declares: its menu labels must be keys of its own messages or the platform's. */
export interface WebModuleDeclaration<M extends Record<string, Bilingual>> extends WebModule {
  menu: readonly MenuEntry<(keyof M & string) | PlatformKey>[];
  messages: M;
}

/** Declares a module (the default export of modules/<module>/module.tsx). */
export function defineWebModule<const M extends Record<string, Bilingual>>(
  m: WebModuleDeclaration<M>,
): WebModuleDeclaration<M> {
  return m;
}

/**
 * A page loaded on first use: `lazyPage(() => import('./LedgerPage.tsx'), 'LedgerPage')`
 * (the page modules export named components).
 */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
