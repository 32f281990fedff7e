// The core part's demo (npm run demo): the 40 classified persons named in DEMO_PERSONNEL, each with an
// open post, across the three classes; vettings due soon, one expired, one missing; the recorded
// discipline that keeps 叶宏伟 out of a key site; seeding twice changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.ts';
import { MODULES } from '../modules.ts';
import { Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { DEMO_BLOCKED, DEMO_PERSONNEL } from './core.demo.ts';

describe('personnel core demo', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await seedDemo(t.db, MODULES);
  });
  after(() => t.close());

  test('R-PER-01 40 classified persons by the listed names, classes, vetting states, a blocking fact', async () => {
    const c = new Client(t.app);
    assert.equal((await c.login('zhaom', DEMO_PASSWORD)).status, 200);
    const r = await c.get<{
      items: { name: string; personClass: string; vettingState: string }[];
      total: number;
    }>('/api/personnel/ledger?pageSize=500');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.items.map((x) => x.name).sort(), DEMO_PERSONNEL.map((d) => d.name).sort());
    assert.equal(r.body.total, 40);
    const by = (k: 'personClass' | 'vettingState', v: string) =>
      r.body.items.filter((x) => x[k] === v).length;
    assert.ok(
      by('personClass', 'core') >= 5 &&
        by('personClass', 'important') >= 10 &&
        by('personClass', 'general') >= 10,
    );
    assert.equal(by('vettingState', 'due_soon'), 3);
    assert.equal(by('vettingState', 'expired'), 1);
    assert.equal(by('vettingState', 'missing'), 1);
    const sites = await c.get<{ items: { name: string; staffCount: number }[] }>('/api/personnel/key-sites');
    assert.equal(sites.body.items.length, 4);
    const facts = await t.db.query<{ name: string }>(
      `SELECT p.name FROM personnel_fact f JOIN person p ON p.id = f.person_id WHERE f.until IS NULL`,
    );
    assert.deepEqual(
      facts.rows.map((x) => x.name),
      [DEMO_BLOCKED],
    );
  });

  test('seeding again changes nothing', async () => {
    const n = async () =>
      (
        await t.db.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM personnel_post)::int + (SELECT count(*) FROM personnel_vetting)::int AS n',
        )
      ).rows[0]!.n;
    const before = await n();
    await seedDemo(t.db, MODULES);
    assert.equal(await n(), before);
  });
});
