// The visitors & materials part's demo data (npm run demo): the register (Latin and Chinese names),
// receptions (one into a key site waiting for its per-visit approval, a todo of the secrecy office),
// materials for the demo organisation's activities; a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { seedDemo } from '../demo/seed.ts';
import { todayInChina } from '../kit/today.ts';
import { MODULES } from '../modules.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { visitorDemoSeed } from './visitor.demo.ts';

describe('foreign visitors & materials demo data', () => {
  let t: TestApp;
  const n = async () =>
    (
      await t.db.query<{ v: number; visits: number; pending: number; m: number }>(
        `SELECT (SELECT count(*)::int FROM foreign_visitor) AS v, (SELECT count(*)::int FROM foreign_visit) AS visits,
                (SELECT count(*)::int FROM foreign_visit WHERE status = 'pending' AND approval_id IS NOT NULL) AS pending,
                (SELECT count(*)::int FROM foreign_material) AS m`,
      )
    ).rows[0]!;

  before(async () => {
    t = await createTestApp();
    await seedDemo(
      t.db,
      MODULES.filter((m) => m.name !== 'foreign'),
    );
  });
  after(() => t.close());

  test('visitors, visits (one awaiting its key-site approval) and materials; idempotent', async () => {
    const org = await t.db.query<{ id: string; dept: string; person: string }>(
      `SELECT o.id, p.department_id AS dept, p.id AS person FROM org o JOIN person p ON p.org_id = o.id
        WHERE o.name = '江临市发展和改革委员会' AND p.department_id IS NOT NULL ORDER BY p.name LIMIT 1`,
    );
    const o = org.rows[0]!;
    const today = todayInChina();
    for (const [title, s, e] of [
      ['中德产业合作交流', addDays(today, 10), addDays(today, 12)],
      ['日本企业代表团来访', addDays(today, -40), addDays(today, -38)],
    ] as const)
      await t.db.query(
        `INSERT INTO foreign_activity (org_id, kind, title, title_sort, organiser_department_id, starts_on, ends_on, place,
                                       foreign_count, created_by_person_id, state)
         VALUES ($1, 'reception', $2, $2, $3, $4, $5, '本单位', 5, $6, 'plan_approved')`,
        [o.id, title, o.dept, s, e, o.person],
      );
    const sites = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM key_site WHERE org_id = $1',
      [o.id],
    );
    await visitorDemoSeed(t.db);
    const first = await n();
    assert.equal(first.v, 6);
    assert.equal(first.visits, sites.rows[0]!.n > 0 ? 3 : 2);
    assert.equal(first.pending, sites.rows[0]!.n > 0 ? 1 : 0);
    assert.equal(first.m, 2);
    await visitorDemoSeed(t.db);
    assert.deepEqual(await n(), first);
  });
});
