// Refused attempts are audited (GB/T 22239-2019 8.1.4.3, R-SYS-03): who tried what, in words the
// auditor and the security-secrecy administrator can read; a flood is visible, not fatal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chainPending } from '../audit/chain.ts';
import { DENIED_PER_MINUTE } from '../audit/denied.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';

describe('refused attempts are audited (access.denied)', () => {
  let t: TestApp;
  let user: Client;
  let userId: string;

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['staff'] });
    user = u.client;
    userId = u.accountId;
  });
  after(() => t.close());

  /** The real head of the chain, refused attempts included. */
  const rawHead = async () => {
    await chainPending(t.db);
    return (await t.db.query<{ seq: number }>('SELECT seq FROM audit_head')).rows[0]!.seq;
  };
  const denied = async (head: number) =>
    (await auditEventsSince(t.db, head, { denied: true })).filter((e) =>
      e.action.startsWith('access.denied'),
    );

  test('a business user’s 403 on an administrator’s route: one event naming actor, route, status and rule', async () => {
    const head = await rawHead();
    const r = await user.get('/api/accounts');
    assert.equal(r.status, 403);
    const events = await denied(head);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'access.denied');
    assert.equal(events[0]!.actorClass, 'user');
    assert.deepEqual(events[0]!.summary, {
      method: 'GET',
      route: '/api/accounts',
      status: 403,
      code: 'forbidden',
      rule: 'R-SYS-01',
    });
    const actor = await t.db.query<{ actor_id: string }>('SELECT actor_id FROM audit_event WHERE seq = $1', [
      events[0]!.seq,
    ]);
    assert.equal(actor.rows[0]!.actor_id, userId);
  });

  test('an anonymous 401 and a missing CSRF token are audited; the refused change wrote nothing else', async () => {
    const head = await rawHead();
    assert.equal((await t.client().get('/api/people')).status, 401);
    const noCsrf = await user.request('POST', '/api/auth/logout', {}, { csrf: false });
    assert.equal(noCsrf.status, 403);
    const events = await auditEventsSince(t.db, head, { denied: true });
    assert.deepEqual(
      events.map((e) => [e.action, e.summary.code]),
      [
        ['access.denied', 'unauthenticated'],
        ['access.denied', 'csrf'],
      ],
    );
  });

  test('an administrator’s 403 on business data is audited under his class', async () => {
    const sys = await t.admin('sysadmin');
    const head = await rawHead();
    assert.equal((await sys.get('/api/designation/items')).status, 403);
    const events = await denied(head);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actorClass, 'sysadmin');
  });

  test(`a flood from one address: ${DENIED_PER_MINUTE} events, then one access.denied.flood, then silence`, async () => {
    const head = await rawHead();
    for (let i = 0; i < DENIED_PER_MINUTE + 10; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/people', remoteAddress: '198.51.100.200' });
      assert.equal(r.statusCode, 401);
    }
    const events = await denied(head);
    assert.equal(events.filter((e) => e.action === 'access.denied').length, DENIED_PER_MINUTE);
    assert.equal(events.filter((e) => e.action === 'access.denied.flood').length, 1);
    // another address is still logged
    const other = await t.app.inject({ method: 'GET', url: '/api/people', remoteAddress: '198.51.100.201' });
    assert.equal(other.statusCode, 401);
    assert.equal((await denied(head)).length, DENIED_PER_MINUTE + 2);
  });

  test('routine refusals are not audited as attempts: a wrong password is auth.login.failure only', async () => {
    const head = await rawHead();
    assert.equal((await t.client().get('/api/auth/me')).status, 401, 'the web app’s session probe');
    assert.equal((await t.client().login('nobody-at-all', 'Wrong-passw0rd')).status, 401);
    const events = await auditEventsSince(t.db, head, { denied: true });
    assert.deepEqual(
      events.map((e) => e.action),
      ['auth.login.failure'],
    );
  });
});
