// Number coercions on every list route: Infinity, NaN, 1e309, fractions, out-of-range and empty values in
// page/pageSize are a 400 with the bilingual message, never a 500 (found on five list routes by the tester).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';

const BAD = ['Infinity', '-Infinity', 'NaN', '1e309', '1.5', '-1', '0', '9007199254740993', 'abc', ''];

describe('list routes refuse bad numbers with a 400', () => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let officer: Client;

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
    officer = (await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' })).client;
  });
  after(() => t.close());

  const routes: [string, () => Client][] = [
    ['/api/people', () => sys],
    ['/api/accounts', () => sys],
    ['/api/audit', () => sec],
    ['/api/approvals', () => officer],
    ['/api/designation/items', () => officer],
    ['/api/designation/items/export?format=csv', () => officer],
  ];
  for (const [route, who] of routes) {
    for (const param of ['page', 'pageSize']) {
      test(`${route} ?${param}= Infinity, NaN, 1e309 … → 400`, async () => {
        for (const bad of BAD) {
          const sep = route.includes('?') ? '&' : '?';
          const r = await who().get<{ error: { zh: string; en: string } }>(
            `${route}${sep}${param}=${encodeURIComponent(bad)}`,
          );
          if (route.endsWith('format=csv') && param === 'pageSize') {
            // the export takes no paging: an unknown parameter is refused just the same
            assert.equal(r.status, 400, `${route} ${param}=${bad}: ${r.raw.slice(0, 120)}`);
            continue;
          }
          assert.equal(r.status, 400, `${route} ${param}=${bad}: ${r.raw.slice(0, 120)}`);
          assert.ok(r.body.error.zh && r.body.error.en);
        }
      });
    }
  }
});
