import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';

describe('the one todo list', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a stored notice stays until its reader acknowledges it; nobody else can', async () => {
    const a = await t.businessUser();
    const b = await t.businessUser();
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO todo (account_id, kind, module, title) VALUES ($1, 'notice', 'designation', '事项密级已变更') RETURNING id`,
      [a.accountId],
    );
    const id = rows[0]!.id;
    type Todos = { items: { id: string; kind: string }[]; counts: Record<string, number> };
    const before = await a.client.get<Todos>('/api/todos');
    assert.ok(before.body.items.some((i) => i.id === id && i.kind === 'notice'));
    assert.equal(before.body.counts.notice, 1);
    const head = await t.auditHead();
    assert.equal(
      (await b.client.post(`/api/todos/${id}/done`)).status,
      404,
      "another person's notice is not found",
    );
    assert.equal(await t.auditHead(), head);
    assert.equal((await a.client.post(`/api/todos/${id}/done`)).status, 200);
    assert.equal((await a.client.post(`/api/todos/${id}/done`)).status, 404, 'acknowledged once');
    const after = await a.client.get<Todos>('/api/todos');
    assert.ok(!after.body.items.some((i) => i.id === id));
    const ev = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE seq > $1 AND action NOT LIKE 'access.denied%'",
      [head],
    );
    assert.deepEqual(
      ev.rows.map((r) => r.action),
      ['todo.done'],
    );
  });
});
