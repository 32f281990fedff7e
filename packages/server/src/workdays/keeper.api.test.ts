// R-DES-07: one work calendar for the deployment, kept by the secrecy officers of the secrecy bureau
// at the top of the tree; a unit's secrecy officer reads it and is refused a change (he moved every
// unit's deadlines before).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Year = { abilities: { edit: { allowed: boolean; reason?: { zh: string; rule?: string } } } };

describe('R-DES-07 the work calendar belongs to the secrecy bureau at the top', () => {
  let t: TestApp;
  let bureauOfficer: Awaited<ReturnType<TestApp['member']>>;
  let unitOfficer: Awaited<ReturnType<TestApp['member']>>;
  const rows = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM work_calendar_day')).rows[0]!.n;

  before(async () => {
    t = await createTestApp();
    const sys = await t.admin('sysadmin');
    const org = async (name: string, parentId: string | null, kind: string, level: string) =>
      (await sys.post<{ id: string }>('/api/orgs', { name, parentId, level, kind })).body.id;
    const bureau = await org('某省国家保密局', null, 'secrecy_bureau', 'province');
    const unit = await org('某省发展和改革委员会', bureau, 'party_gov', 'province');
    bureauOfficer = await t.member(bureau, null, ['secrecy_officer']);
    unitOfficer = await t.member(unit, null, ['secrecy_officer']);
  });
  after(() => t.close());

  test('the bureau’s secrecy officer may edit (ability) and sets a holiday', async () => {
    const y = await bureauOfficer.client.get<Year>('/api/workdays?year=2026');
    assert.equal(y.body.abilities.edit.allowed, true);
    const r = await bureauOfficer.client.put('/api/workdays/2026-10-01', { kind: 'holiday', name: '国庆节' });
    assert.equal(r.status, 200, r.raw);
  });

  test('a unit’s secrecy officer reads it, sees why he cannot edit, and is refused with that reason', async () => {
    const y = await unitOfficer.client.get<Year>('/api/workdays?year=2026');
    assert.equal(y.status, 200);
    assert.equal(y.body.abilities.edit.allowed, false);
    assert.match(y.body.abilities.edit.reason!.zh, /最上级保密行政管理部门/);
    const e = await expectRefusal(
      t,
      rows,
      () => unitOfficer.client.put('/api/workdays/2026-10-02', { kind: 'holiday', name: '国庆节' }),
      403,
      { code: 'calendar_not_keeper', rule: 'R-DES-07' },
    );
    assert.match(e.zh, /只能查看/);
    await expectRefusal(t, rows, () => unitOfficer.client.delete('/api/workdays/2026-10-01'), 403, {
      code: 'calendar_not_keeper',
    });
  });
});
