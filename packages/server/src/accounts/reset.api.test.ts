// R-SYS-01 dual control of a business account's password reset (三员分立): the system administrator
// requests, the security-secrecy administrator confirms; each holds one half of the one-time password.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chainPending } from '../audit/chain.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, STRONG, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Reset = {
  id: string;
  accountId: string;
  username: string;
  status: string;
  requestedBy: { id: string; username: string; displayName: string };
  decidedBy: { username: string } | null;
  expiresAt: string;
};
type Requested = { reset: Reset; firstHalf: string };
type Confirmed = { reset: Reset; secondHalf: string };
type Notice = { resetAt: string; requestedBy: { username: string }; confirmedBy: { username: string } };
type Todos = { items: { kind: string; module: string; subjectId: string | null; title: string }[] };

describe('password reset under dual control (R-SYS-01)', () => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let aud: Client;
  /** Every response body this file saw: none may carry a half after it was first shown. */
  const seen: string[] = [];
  const keep = <T>(r: Response<T>) => {
    seen.push(r.raw);
    return r;
  };

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
    aud = await t.admin('auditor');
  });
  after(() => t.close());

  const usernameOf = async (accountId: string) =>
    (await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [accountId]))
      .rows[0]!.username;
  const hashOf = async (accountId: string) =>
    (await t.db.query<{ h: string }>('SELECT password_hash AS h FROM account WHERE id = $1', [accountId]))
      .rows[0]!.h;
  const resetRows = async () =>
    (await t.db.query('SELECT id, status, first_half IS NULL AS gone FROM password_reset ORDER BY id')).rows;
  const refused = (run: () => Promise<Response<unknown>>, status: number, code?: string) =>
    expectRefusal(t, resetRows, async () => keep(await run()), status, { code });

  async function request(accountId: string): Promise<Requested> {
    const r = keep(await sys.post<Requested>(`/api/accounts/${accountId}/reset-password`));
    assert.equal(r.status, 202, r.raw);
    return r.body;
  }
  const confirm = async (id: string, who = sec) =>
    keep(await who.post<Confirmed>(`/api/accounts/password-resets/${id}/confirm`));

  test('a request changes nothing: the old password still works, the session lives; audited; the secadmin gets a todo', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const hash = await hashOf(u.accountId);
    const head = await t.auditHead();
    const { reset, firstHalf } = await request(u.accountId);
    assert.equal(reset.status, 'pending');
    assert.equal(reset.requestedBy.username, 'sysadmin');
    assert.ok(firstHalf.length >= 8);
    const hours = (Date.parse(reset.expiresAt) - Date.now()) / 3_600_000;
    assert.ok(hours > 23.9 && hours <= 24, `expires in 24 h: ${hours}`);
    assert.equal(await hashOf(u.accountId), hash, 'the password did not change');
    assert.equal((await u.client.get('/api/todos')).status, 200, 'his session lives');
    assert.equal((await t.client().login(name, STRONG)).status, 200, 'the old password still works');
    assert.equal((await t.client().login(name, firstHalf)).status, 401);
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.filter((e) => e.action.startsWith('account.')).map((e) => [e.action, e.objectId]),
      [['account.password.reset_request', u.accountId]],
    );
    assert.ok(!JSON.stringify(events).includes(firstHalf), 'the half is not in the audit trail');
    const todos = keep(await sec.get<Todos>('/api/todos'));
    assert.equal(todos.status, 200);
    assert.ok(todos.body.items.some((i) => i.subjectId === reset.id && i.module === 'accounts'));
    const sysTodos = keep(await sys.get<Todos>('/api/todos'));
    assert.ok(!sysTodos.body.items.some((i) => i.subjectId === reset.id), 'the requester has no todo');
    // Both administrators see the request, neither sees a half again.
    for (const who of [sys, sec]) {
      const list = keep(await who.get<{ items: Reset[] }>('/api/accounts/password-resets?pending=true'));
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((i) => i.id === reset.id && i.status === 'pending'));
      assert.ok(!list.raw.includes(firstHalf));
    }
    // A second request for the same account waits for the first.
    await refused(() => sys.post(`/api/accounts/${u.accountId}/reset-password`), 409, 'reset_pending');
    assert.equal((await sec.post(`/api/accounts/password-resets/${reset.id}/reject`)).status, 200);
  });

  test('roles: the secadmin cannot request or withdraw, the sysadmin cannot confirm or reject his own request, others see nothing (403)', async () => {
    const u = await t.businessUser();
    await refused(() => sec.post(`/api/accounts/${u.accountId}/reset-password`), 403, 'forbidden');
    const { reset } = await request(u.accountId);
    await refused(() => sys.post(`/api/accounts/password-resets/${reset.id}/confirm`), 403, 'forbidden');
    await refused(() => sys.post(`/api/accounts/password-resets/${reset.id}/reject`), 403, 'forbidden');
    await refused(() => sec.post(`/api/accounts/password-resets/${reset.id}/withdraw`), 403, 'forbidden');
    await refused(() => aud.post(`/api/accounts/password-resets/${reset.id}/confirm`), 403, 'forbidden');
    await refused(() => aud.get('/api/accounts/password-resets'), 403, 'forbidden');
    await refused(() => u.client.get('/api/accounts/password-resets'), 403, 'forbidden');
    await refused(() => u.client.post(`/api/accounts/password-resets/${reset.id}/confirm`), 403, 'forbidden');
    const unknown = '00000000-0000-4000-8000-000000000009';
    await refused(() => sec.post(`/api/accounts/password-resets/${unknown}/confirm`), 404, 'not_found');
    await refused(() => sec.post('/api/accounts/password-resets/nope/confirm'), 400);
    assert.equal((await sys.post(`/api/accounts/password-resets/${reset.id}/withdraw`)).status, 200);
  });

  test('confirmation: both halves are needed, the old password is refused, the change is forced; the user is told by whom', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const { reset, firstHalf } = await request(u.accountId);
    const head = await t.auditHead();
    const ok = await confirm(reset.id);
    assert.equal(ok.status, 200, ok.raw);
    const { secondHalf } = ok.body;
    assert.equal(ok.body.reset.status, 'confirmed');
    assert.equal(ok.body.reset.decidedBy?.username, 'secadmin');
    assert.ok(secondHalf.length >= 8);
    assert.ok(!ok.raw.includes(firstHalf), 'the confirmer never sees the first half');
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.filter((e) => e.action.startsWith('account.')).map((e) => [e.action, e.objectId]),
      [['account.password.reset_confirm', u.accountId]],
    );
    assert.equal(
      events.find((e) => e.action === 'account.password.reset_confirm')!.summary.requestedBy,
      'sysadmin',
    );
    assert.ok(!JSON.stringify(events).includes(secondHalf));
    const stored = await t.db.query<{ first_half: string | null }>(
      'SELECT first_half FROM password_reset WHERE id = $1',
      [reset.id],
    );
    assert.equal(stored.rows[0]!.first_half, null, 'only the hash is kept');
    assert.equal((await u.client.get('/api/todos')).status, 401, 'his sessions ended');
    for (const pw of [STRONG, firstHalf, secondHalf, secondHalf + firstHalf]) {
      assert.equal((await t.client().login(name, pw)).status, 401, pw);
    }
    const c = t.client();
    const signed = await c.login(name, firstHalf + secondHalf);
    assert.equal(signed.status, 200);
    assert.equal(signed.body.me.mustChangePassword, true);
    const notice = (signed.body as unknown as { resetNotice: Notice | null }).resetNotice;
    assert.equal(notice?.requestedBy.username, 'sysadmin');
    assert.equal(notice?.confirmedBy.username, 'secadmin');
    assert.ok(Math.abs(Date.parse(notice!.resetAt) - Date.now()) < 60_000);
    const me = await c.get<{ resetNotice: Notice | null }>('/api/auth/me');
    assert.equal(me.body.resetNotice?.confirmedBy.username, 'secadmin', 'told again until he acts');
    const changed = await c.post('/api/auth/change-password', {
      oldPassword: firstHalf + secondHalf,
      newPassword: 'His-Own-Passw0rd',
    });
    assert.equal(changed.status, 200, changed.raw);
    const after = await c.get<{ resetNotice: Notice | null }>('/api/auth/me');
    assert.equal(after.body.resetNotice ?? null, null, 'told once: seen when he chose his own password');
    // The request is decided: no second confirmation, no withdrawal; the secadmin's todo is gone.
    await refused(
      () => sec.post(`/api/accounts/password-resets/${reset.id}/confirm`),
      409,
      'reset_not_pending',
    );
    await refused(
      () => sys.post(`/api/accounts/password-resets/${reset.id}/withdraw`),
      409,
      'reset_not_pending',
    );
    const todos = keep(await sec.get<Todos>('/api/todos'));
    assert.ok(!todos.body.items.some((i) => i.subjectId === reset.id));
    // No response after the first showing carried a half.
    const later = seen.slice(seen.indexOf(ok.raw) + 1);
    assert.ok(later.every((raw) => !raw.includes(firstHalf) && !raw.includes(secondHalf)));
  });

  test('two confirmations at once: one wins, the other gets 409; the password is the winner’s', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const { reset, firstHalf } = await request(u.accountId);
    const sec2 = await t.admin('secadmin');
    const head = await t.auditHead();
    const [a, b] = await Promise.all([confirm(reset.id), confirm(reset.id, sec2)]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409], `${a.raw} ${b.raw}`);
    const win = a.status === 200 ? a : b;
    const lose = a.status === 200 ? b : a;
    assert.equal((lose.body as unknown as { error: { code: string } }).error.code, 'reset_not_pending');
    assert.equal((await t.client().login(name, firstHalf + win.body.secondHalf)).status, 200);
    await chainPending(t.db);
    const confirms = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'account.password.reset_confirm' AND object_id = $1 AND seq > $2`,
      [u.accountId, head],
    );
    assert.equal(confirms.rows[0]!.n, 1);
  });

  test('reject and withdraw: the password stays, each is audited, the request is closed', async () => {
    for (const [how, who, action] of [
      ['reject', () => sec, 'account.password.reset_reject'],
      ['withdraw', () => sys, 'account.password.reset_withdraw'],
    ] as const) {
      const u = await t.businessUser();
      const name = await usernameOf(u.accountId);
      const hash = await hashOf(u.accountId);
      const { reset } = await request(u.accountId);
      const head = await t.auditHead();
      const r = keep(await who().post<Reset>(`/api/accounts/password-resets/${reset.id}/${how}`));
      assert.equal(r.status, 200, r.raw);
      assert.equal(r.body.status, how === 'reject' ? 'rejected' : 'withdrawn');
      const events = await auditEventsSince(t.db, head);
      assert.deepEqual(
        events.filter((e) => e.action.startsWith('account.')).map((e) => [e.action, e.objectId]),
        [[action, u.accountId]],
      );
      assert.equal(await hashOf(u.accountId), hash);
      assert.equal((await t.client().login(name, STRONG)).status, 200);
      await refused(
        () => sec.post(`/api/accounts/password-resets/${reset.id}/confirm`),
        409,
        'reset_not_pending',
      );
      const gone = await t.db.query<{ first_half: string | null }>(
        'SELECT first_half FROM password_reset WHERE id = $1',
        [reset.id],
      );
      assert.equal(gone.rows[0]!.first_half, null);
      assert.ok(!(await sec.get<Todos>('/api/todos')).body.items.some((i) => i.subjectId === reset.id));
      // A new request may follow.
      const again = await request(u.accountId);
      assert.equal((await sys.post(`/api/accounts/password-resets/${again.reset.id}/withdraw`)).status, 200);
    }
  });

  test('expiry: after 24 h a request can no longer be confirmed; the expiry is audited and the half dropped', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const { reset } = await request(u.accountId);
    await t.db.query(
      `UPDATE password_reset SET requested_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
        WHERE id = $1`,
      [reset.id],
    );
    const head = await t.auditHead();
    const r = keep(await confirm(reset.id));
    assert.equal(r.status, 409, r.raw);
    assert.equal((r.body as unknown as { error: { code: string } }).error.code, 'reset_not_pending');
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.filter((e) => e.action.startsWith('account.')).map((e) => [e.action, e.objectId, e.actorClass]),
      [['account.password.reset_expire', u.accountId, 'system']],
    );
    const list = keep(await sys.get<{ items: Reset[] }>('/api/accounts/password-resets'));
    assert.equal(list.body.items.find((i) => i.id === reset.id)?.status, 'expired');
    const pending = keep(await sec.get<{ items: Reset[] }>('/api/accounts/password-resets?pending=true'));
    assert.ok(!pending.body.items.some((i) => i.id === reset.id));
    assert.equal((await t.client().login(name, STRONG)).status, 200);
    assert.ok(!(await sec.get<Todos>('/api/todos')).body.items.some((i) => i.subjectId === reset.id));
  });

  test("an administrator's reset is still refused here (the server's CLI is the recovery path)", async () => {
    const ids = (await t.db.query<{ id: string }>('SELECT id FROM account WHERE admin_role IS NOT NULL'))
      .rows;
    for (const a of ids) {
      await refused(() => sys.post(`/api/accounts/${a.id}/reset-password`), 403, 'cannot_reset_admin');
    }
  });
});
