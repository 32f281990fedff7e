// The exit part's demo data (npm run demo): among the demo organisation's persons with an open
// classified post, an approved trip back with its return report overdue (a todo for the person), an
// approved coming trip with a briefing and its passport on loan, a passport held; none without posts;
// a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.ts';
import { MODULES } from '../modules.ts';
import { Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { exitDemoSeed } from './exit.demo.ts';

describe('personnel exit demo data', () => {
  let t: TestApp;
  const n = async () =>
    (
      await t.db.query<{ e: number; p: number; b: number; lent: number }>(
        `SELECT (SELECT count(*)::int FROM personnel_exit) AS e, (SELECT count(*)::int FROM personnel_passport) AS p,
                (SELECT count(*)::int FROM personnel_briefing) AS b,
                (SELECT count(*)::int FROM personnel_passport WHERE status = 'lent') AS lent`,
      )
    ).rows[0]!;

  before(async () => {
    t = await createTestApp();
    // The platform's demo without the personnel module's own seeds (this test seeds its part alone).
    await seedDemo(
      t.db,
      MODULES.filter((m) => m.name !== 'personnel'),
    );
  });
  after(() => t.close());

  test('without classified posts: nothing', async () => {
    assert.deepEqual(await n(), { e: 0, p: 0, b: 0, lent: 0 });
  });

  test('with posts: a pending return report, a passport held, one on loan; idempotent', async () => {
    const people = await t.db.query<{ id: string; orgId: string; username: string }>(
      `SELECT p.id, p.org_id AS "orgId", a.username FROM person p JOIN org o ON o.id = p.org_id
         JOIN account a ON a.id = p.account_id
        WHERE o.name = '江临市发展和改革委员会' ORDER BY p.name LIMIT 3`,
    );
    for (const p of people.rows)
      await t.db.query(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
         VALUES ($1, $2, '演示岗位', 'general', '2020-01-01', $2)`,
        [p.orgId, p.id],
      );
    await exitDemoSeed(t.db);
    assert.deepEqual(await n(), { e: 2, p: 2, b: 1, lent: 1 });
    await exitDemoSeed(t.db);
    assert.deepEqual(await n(), { e: 2, p: 2, b: 1, lent: 1 });
    const first = people.rows[0]!;
    const c = new Client(t.app);
    assert.equal((await c.login(first.username, DEMO_PASSWORD)).status, 200);
    const todos = await c.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => /回国（境）报告/.test(x.title)),
      JSON.stringify(todos.body.items.map((x) => x.title)),
    );
  });
});
