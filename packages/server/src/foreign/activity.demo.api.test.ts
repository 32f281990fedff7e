// The activities part's demo data (npm run demo): a year of activities of every kind in the demo
// organisation, in every state, the plan awaiting the leader on the approval engine, todos for the
// secrecy officer (an activity starting soon with participants not briefed, one not closed), the
// ledger readable and the detail consistent; a second run changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ACTIVITY_KINDS } from '@baomi/domain';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed.ts';
import { MODULES } from '../modules.ts';
import { Client, createTestApp, type TestApp } from '../testing/harness.ts';

describe('foreign activities demo data', () => {
  let t: TestApp;
  const n = async () =>
    (
      await t.db.query<{ n: number; kinds: number; states: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT kind)::int AS kinds, count(DISTINCT state)::int AS states FROM foreign_activity`,
      )
    ).rows[0]!;

  before(async () => {
    t = await createTestApp();
    await seedDemo(t.db, MODULES);
  });
  after(() => t.close());

  test('every kind and state, idempotent; the officer’s ledger, a detail and his todos', async () => {
    const first = await n();
    assert.equal(first.kinds, ACTIVITY_KINDS.length);
    assert.equal(first.states, 6);
    const { activityDemoSeed } = await import('./activity.demo.ts');
    await activityDemoSeed(t.db);
    assert.deepEqual(await n(), first);
    const officer = await t.db.query<{ username: string }>(
      `SELECT a.username FROM person p JOIN org o ON o.id = p.org_id JOIN account a ON a.id = p.account_id
         JOIN person_role r ON r.person_id = p.id
        WHERE o.name = '江临市发展和改革委员会' AND r.role = 'secrecy_officer' LIMIT 1`,
    );
    const c = new Client(t.app);
    assert.equal((await c.login(officer.rows[0]!.username, DEMO_PASSWORD)).status, 200);
    const list = await c.get<{ total: number; items: { id: string }[] }>(
      '/api/foreign/activities?pageSize=50',
    );
    assert.equal(list.status, 200, list.raw);
    assert.ok(list.body.total >= first.n - 1, `${list.body.total} of ${first.n}`);
    for (const a of list.body.items.slice(0, 3)) {
      const d = await c.get(`/api/foreign/activities/${a.id}`);
      assert.equal(d.status, 200, d.raw);
    }
    const todos = await c.get<{ items: { title: string }[] }>('/api/todos');
    const titles = todos.body.items.map((x) => x.title);
    assert.ok(
      titles.some((x) => /尚无有效的保密提醒/.test(x)),
      JSON.stringify(titles),
    );
    assert.ok(
      titles.some((x) => /逾期未办结/.test(x)),
      JSON.stringify(titles),
    );
  });
});
