// The business directory: own organisation's people and departments, the organisations below; no
// clearance or role leaks; administrators refused (R-SYS-01).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';

type Directory = {
  org: { id: string } | null;
  departments: { id: string }[];
  people: Record<string, unknown>[];
  orgsBelow: { id: string }[];
};

describe('directory (通讯录)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('R-SYS-01 a business user sees his organisation’s people, departments and the organisations below', async () => {
    const u = await t.businessUser({ roles: ['staff'] });
    const sys = await t.admin('sysadmin');
    const child = await sys.post<{ id: string }>('/api/orgs', {
      name: '下级单位',
      parentId: u.orgId,
      level: 'county',
      kind: 'party_gov',
    });
    assert.equal(child.status, 201, child.raw);
    const other = await t.businessUser({ roles: ['staff'] });
    const r = await u.client.get<Directory>('/api/directory');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.org?.id, u.orgId);
    assert.ok(r.body.departments.some((d) => d.id === u.departmentId));
    assert.ok(r.body.people.some((p) => p.id === u.personId));
    assert.ok(!r.body.people.some((p) => p.id === other.personId), 'no other organisation’s people');
    assert.ok(r.body.people.every((p) => !('clearance' in p) && !('roles' in p)));
    assert.deepEqual(
      r.body.orgsBelow.map((o) => o.id),
      [child.body.id],
    );
    assert.equal((await sys.get('/api/directory')).status, 403);
  });
});
