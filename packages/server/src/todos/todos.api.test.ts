import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chainPending } from '../audit/chain.ts';
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
    await chainPending(t.db);
    const ev = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_event WHERE seq > $1 AND action NOT LIKE 'access.denied%'",
      [head],
    );
    assert.deepEqual(
      ev.rows.map((r) => r.action),
      ['todo.done'],
    );
  });

  test('R-SYS-01 an administrator reads his own alerts: the lockout alert reaches the secadmin, not the sysadmin nor a business user', async () => {
    const victim = await t.businessUser();
    const other = await t.businessUser();
    const name = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [victim.accountId])
    ).rows[0]!.username;
    for (const remoteAddress of ['203.0.113.11', '203.0.113.12', '203.0.113.13']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: name, password: 'Nope-nope-1' }),
      });
      assert.equal(r.statusCode, 401);
    }
    type Todos = { items: { id: string; module: string; subjectId: string | null; title: string }[] };
    const isAlert = (i: Todos['items'][number]) => i.module === 'auth' && i.subjectId === victim.accountId;
    const sec = await t.admin('secadmin');
    const sys = await t.admin('sysadmin');
    const aud = await t.admin('auditor');
    const secTodos = await sec.get<Todos>('/api/todos');
    assert.equal(secTodos.status, 200, secTodos.raw);
    const alert = secTodos.body.items.find(isAlert);
    assert.ok(alert, secTodos.raw);
    assert.match(alert.title, new RegExp(`账号 ${name} `));
    for (const c of [sys, aud, victim.client, other.client]) {
      const r = await c.get<Todos>('/api/todos');
      assert.equal(r.status, 200);
      assert.ok(!r.body.items.some(isAlert), r.raw);
    }
    // Nobody else can acknowledge it; she can, once.
    for (const c of [sys, aud, other.client]) {
      assert.equal((await c.post(`/api/todos/${alert.id}/done`)).status, 404);
    }
    assert.equal((await sec.post(`/api/todos/${alert.id}/done`)).status, 200);
    assert.ok(!(await sec.get<Todos>('/api/todos')).body.items.some(isAlert));
  });

  test('R-SYS-01 an administrator never sees a business todo, even one stored for a business user', async () => {
    const a = await t.businessUser();
    await t.db.query(
      `INSERT INTO todo (account_id, kind, module, title) VALUES ($1, 'notice', 'designation', '业务通知')`,
      [a.accountId],
    );
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const r = await (await t.admin(role)).get<{ items: { title: string }[] }>('/api/todos');
      assert.equal(r.status, 200);
      assert.ok(!r.body.items.some((i) => i.title === '业务通知'), role);
    }
  });
});
