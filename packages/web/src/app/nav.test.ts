// The module manifest as the router, the menu and the 403 guard read it (modules.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messages as workdaysMessages } from '../modules/workdays/messages.ts';
import { defineWebModule, lazyPage } from './module.ts';
import { fits, homePath, NAV, navFor, ROUTES } from './nav.ts';
import { dict, MODULES } from './registry.ts';

describe('web module manifest', () => {
  test('every menu entry opens a declared route, and paths are unique', () => {
    const paths = ROUTES.map((r) => r.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const item of NAV) assert.ok(paths.includes(item.path), `${item.path} has a route`);
  });

  test('the menu of each console, in order (R-SYS-01)', () => {
    assert.deepEqual(
      navFor('sysadmin').map((i) => i.path),
      ['/orgs', '/accounts', '/backups', '/audit'],
    );
    assert.deepEqual(
      navFor('secadmin').map((i) => i.path),
      ['/roles', '/password-resets', '/settings/security', '/backups/key', '/audit'],
    );
    assert.deepEqual(
      navFor('auditor').map((i) => i.path),
      ['/audit'],
    );
    // a staff member without ledger roles: no review list, no statistics
    assert.deepEqual(
      navFor('business', ['staff']).map((i) => i.path),
      [
        '/home',
        '/approvals',
        '/designation/items',
        '/designation/authority',
        '/carriers',
        '/carriers/where',
        '/carriers/campaigns',
        '/incidents',
        '/personnel',
        '/personnel/key-sites',
        '/personnel/matters',
        '/personnel/assessments',
        '/personnel/exits',
        // his own leavings and 脱密期 (the server scopes the lists)
        '/personnel/leavings',
        '/personnel/cooling-off',
        '/foreign/activities',
        // 保密审查: his own requests (the server's read rule scopes the list); the term list is the officer's
        '/review',
        // 涉外活动, visitors & materials: what the read rule lets him see (the server scopes the lists)
        '/foreign/visitors',
        '/foreign/visits',
        '/foreign/materials',
        '/workdays',
      ],
    );
    // any business user of a secrecy bureau sees the roll-up statistics (R-DES-09)
    assert.ok(navFor('business', ['staff'], 'secrecy_bureau').some((i) => i.path === '/designation/stats'));
    assert.equal(homePath('auditor'), '/audit');
    assert.equal(homePath('business'), '/home');
  });

  test('a route of another console is refused, a business detail page is for business users only', () => {
    const access = (path: string) => {
      const r = ROUTES.find((x) => x.path === path);
      assert.ok(r, path);
      return r.access;
    };
    assert.equal(fits(access('/orgs'), 'secadmin', []), false);
    assert.equal(
      fits(access('/password-resets'), 'sysadmin', []),
      false,
      'only the secadmin confirms resets',
    );
    // R-SYS-01: the backup key is the secadmin's; the sysadmin makes backups he cannot read.
    assert.equal(fits(access('/backups/key'), 'sysadmin', []), false);
    assert.equal(fits(access('/backups'), 'secadmin', []), false);
    assert.equal(fits(access('/designation/items/:id'), 'sysadmin', []), false);
    assert.equal(fits(access('/designation/items/:id'), 'business', ['staff']), true);
    assert.equal(fits(access('/designation/review'), 'business', ['staff']), false);
    assert.equal(fits(access('/designation/review'), 'business', ['secrecy_officer']), true);
  });

  test('the dictionary holds every module’s strings in both languages', () => {
    for (const m of MODULES) {
      for (const [key, value] of Object.entries(m.messages)) {
        assert.deepEqual(dict[key as keyof typeof dict], value, `${m.name}: ${key}`);
        assert.ok(value.zh && value.en, `${m.name}: ${key} in both languages`);
      }
    }
    assert.equal(dict['workdays.title'].zh, workdaysMessages['workdays.title'].zh);
  });

  test('a new module is a declaration: its routes and menu come with it', () => {
    const messages = { 'nav.example': { zh: '示例', en: 'Example' } } as const;
    const example = defineWebModule({
      name: 'example',
      routes: [
        {
          path: '/example',
          page: lazyPage(() => import('../modules/workdays/WorkCalendarPage.tsx'), 'WorkCalendarPage'),
          access: { roles: ['business'], businessRoles: ['secrecy_officer'] },
        },
      ],
      // @ts-expect-error a menu label must be one of the module's (or the platform's) message keys
      menu: [{ path: '/example', label: 'nav.missing', icon: null, order: 45 }],
      messages,
    });
    assert.equal(example.routes[0]?.path, '/example');
    assert.equal(fits(example.routes[0]!.access, 'business', ['staff']), false);
    assert.equal(fits(example.routes[0]!.access, 'business', ['secrecy_officer']), true);
  });
});
