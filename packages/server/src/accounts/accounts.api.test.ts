// Accounts over HTTP (the system administrator's): create, reset, disable/enable, unlock, list.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPassword, type SecurityPolicy } from '@baomi/domain';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, STRONG, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Err = { error: { code: string; zh: string; en: string; field?: string; rule?: string } };
type Account = {
  id: string;
  username: string;
  displayName: string;
  adminRole: string | null;
  personId: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
};
type Made = { account: Account; reset: { id: string; kind: string; status: string }; firstHalf: string };
type Created = Made & { oneTimePassword: string };
type Page = { items: Account[]; total: number };

describe('accounts (R-SYS-01, R-SYS-02)', () => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let n = 0;
  const uniq = (s: string) => `${s}${++n}`;
  /** Every response body this file saw: none may carry a password hash. */
  const seen: string[] = [];
  const keep = <T>(r: Response<T>) => {
    seen.push(r.raw);
    return r;
  };

  const eventsSince = (head: number) => auditEventsSince(t.db, head);
  const accountCount = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM account')).rows[0]!.n;
  const policy = async () => (await sec.get<SecurityPolicy>('/api/settings/security')).body;

  /** Created by the sysadmin and its initial password confirmed by the secadmin (R-SYS-01). */
  async function create(username = uniq('acct'), extra: Record<string, unknown> = {}): Promise<Created> {
    const r = keep(await sys.post<Made>('/api/accounts', { username, displayName: `账号${n}`, ...extra }));
    assert.equal(r.status, 201, r.raw);
    const ok = keep(
      await sec.post<{ secondHalf: string }>(`/api/accounts/password-resets/${r.body.reset.id}/confirm`),
    );
    assert.equal(ok.status, 200, ok.raw);
    return { ...r.body, oneTimePassword: r.body.firstHalf + ok.body.secondHalf };
  }

  const refused = (run: () => Promise<Response<unknown>>, status: number, field?: string, code?: string) =>
    expectRefusal(t, accountCount, async () => keep(await run()), status, { field, code });

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
  });
  after(() => t.close());

  test('R-SYS-02 a new business account gets a one-time password that satisfies the policy and must be changed', async () => {
    const head = await t.auditHead();
    const { account, oneTimePassword } = await create('Zhang.San-01', { displayName: '  张三 ' });
    assert.equal(account.username, 'Zhang.San-01');
    assert.equal(account.displayName, '张三');
    assert.equal(account.adminRole, null);
    assert.equal(account.mustChangePassword, true);
    assert.equal(account.disabled, false);
    assert.ok(checkPassword(oneTimePassword, account.username, await policy()).ok, oneTimePassword);
    const events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.actorClass, e.objectId]),
      [
        ['account.create', 'sysadmin', account.id],
        ['account.password.reset_request', 'sysadmin', account.id],
        ['account.password.reset_confirm', 'secadmin', account.id],
      ],
    );
    assert.deepEqual(events[0]!.summary, { username: 'Zhang.San-01', displayName: '张三', personId: null });
    assert.equal(events[1]!.summary.kind, 'initial');
    for (const e of events) {
      for (const piece of [oneTimePassword, oneTimePassword.slice(0, 8), oneTimePassword.slice(-8)]) {
        assert.ok(!JSON.stringify(e.summary).includes(piece), 'no part of the password is audited');
      }
    }
    const c = t.client();
    const login = keep(await c.login('zhang.san-01', oneTimePassword));
    assert.equal(login.status, 200, 'user names sign in case-insensitively');
    assert.equal(login.body.me.mustChangePassword, true);
    assert.equal((await c.get('/api/todos')).status, 403);
  });

  test('R-SYS-01 a new business account cannot be signed in to until the secadmin confirms its initial password; neither half alone works', async () => {
    const username = uniq('dual');
    const made = keep(await sys.post<Made>('/api/accounts', { username, displayName: '双人' }));
    assert.equal(made.status, 201, made.raw);
    assert.deepEqual([made.body.reset.kind, made.body.reset.status], ['initial', 'pending']);
    assert.ok(!('oneTimePassword' in made.body), 'the system administrator never gets a whole password');
    assert.equal((await t.client().login(username, made.body.firstHalf)).status, 401, 'the first half alone');
    // The secadmin sees it waiting, with a todo; the sysadmin cannot confirm it himself.
    const pending = await sec.get<{ items: { id: string; kind: string }[] }>(
      '/api/accounts/password-resets?pending=true',
    );
    assert.ok(pending.body.items.some((x) => x.id === made.body.reset.id && x.kind === 'initial'));
    const todos = await sec.get<{ items: { subjectId: string | null; title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => x.subjectId === made.body.reset.id && x.title.includes('初始密码')),
    );
    assert.equal((await sys.post(`/api/accounts/password-resets/${made.body.reset.id}/confirm`)).status, 403);
    const ok = keep(
      await sec.post<{ secondHalf: string }>(`/api/accounts/password-resets/${made.body.reset.id}/confirm`),
    );
    assert.equal(ok.status, 200, ok.raw);
    assert.equal((await t.client().login(username, ok.body.secondHalf)).status, 401, 'the second half alone');
    const c = t.client();
    const login = await c.login(username, made.body.firstHalf + ok.body.secondHalf);
    assert.equal(login.status, 200, login.raw);
    const me = await c.get<{ resetNotice: { kind: string; requestedBy: { username: string } } | null }>(
      '/api/auth/me',
    );
    assert.equal(me.body.resetNotice?.kind, 'initial');
    assert.equal(me.body.resetNotice?.requestedBy.username, 'sysadmin');
  });

  test('R-SYS-01 a new account whose initial password is rejected stays unusable', async () => {
    const username = uniq('rej');
    const made = keep(await sys.post<Made>('/api/accounts', { username, displayName: '拒绝' }));
    const no = await sec.post<{ status: string }>(
      `/api/accounts/password-resets/${made.body.reset.id}/reject`,
    );
    assert.equal(no.status, 200, no.raw);
    assert.equal(no.body.status, 'rejected');
    assert.equal((await t.client().login(username, made.body.firstHalf)).status, 401);
    // A new request (a reset) is the way on, again under dual control.
    const again = await sys.post<{ reset: { kind: string } }>(
      `/api/accounts/${made.body.account.id}/reset-password`,
    );
    assert.equal(again.status, 202, again.raw);
    assert.equal(again.body.reset.kind, 'reset');
  });

  test('R-SYS-02 one-time passwords (new and reset) satisfy a tightened policy at once', async () => {
    const before = await policy();
    const tight = { ...before, minLength: 24, minClasses: 4 };
    assert.equal((await sec.put('/api/settings/security', tight)).status, 200);
    try {
      const { account, oneTimePassword } = await create();
      assert.ok(oneTimePassword.length >= 24, oneTimePassword);
      assert.ok(checkPassword(oneTimePassword, account.username, tight).ok, oneTimePassword);
      // A reset (dual control, R-SYS-01): the two halves together are the one-time password.
      const req = keep(
        await sys.post<{ reset: { id: string }; firstHalf: string }>(
          `/api/accounts/${account.id}/reset-password`,
        ),
      );
      assert.equal(req.status, 202, req.raw);
      const ok = keep(
        await sec.post<{ secondHalf: string }>(`/api/accounts/password-resets/${req.body.reset.id}/confirm`),
      );
      assert.equal(ok.status, 200, ok.raw);
      const whole = req.body.firstHalf + ok.body.secondHalf;
      assert.ok(checkPassword(whole, account.username, tight).ok, whole);
    } finally {
      assert.equal((await sec.put('/api/settings/security', before)).status, 200);
    }
  });

  test('a taken user name is refused case-insensitively (409 username_taken, field username)', async () => {
    await create('Alice');
    for (const name of ['Alice', 'aLICE', 'alice']) {
      await refused(
        () => sys.post('/api/accounts', { username: name, displayName: '重复' }),
        409,
        'username',
        'username_taken',
      );
    }
  });

  test('bad input is refused with 400/404 naming the field, and nothing is written', async () => {
    const bad = ['a', 'has space', '张三', 'x'.repeat(65), 'a/b', 'semi;colon', '', 'tab\there'];
    for (const username of bad) {
      await refused(() => sys.post('/api/accounts', { username, displayName: 'x' }), 400, 'username');
    }
    await refused(() => sys.post('/api/accounts', { username: 42, displayName: 'x' }), 400, 'username');
    await refused(() => sys.post('/api/accounts', { username: uniq('ok') }), 400, 'displayName');
    await refused(
      () => sys.post('/api/accounts', { username: uniq('ok'), displayName: '  ' }),
      400,
      'displayName',
    );
    await refused(
      () => sys.post('/api/accounts', { username: uniq('ok'), displayName: 'x', adminRole: 'sysadmin' }),
      400,
      'adminRole',
    );
    await refused(
      () =>
        sys.post('/api/accounts', { username: uniq('ok'), displayName: 'x', password: 'Chosen-Passw0rd' }),
      400,
      'password',
    );
    await refused(
      () =>
        sys.post('/api/accounts', {
          username: uniq('ok'),
          displayName: 'x',
          personId: '00000000-0000-4000-8000-000000000002',
        }),
      404,
      'personId',
    );
    await refused(
      () => sys.post('/api/accounts', { username: uniq('ok'), displayName: 'x', personId: 'p1' }),
      400,
      'personId',
    );
    const unknown = '00000000-0000-4000-8000-000000000003';
    for (const action of ['reset-password', 'disable', 'enable', 'unlock']) {
      await refused(() => sys.post(`/api/accounts/${unknown}/${action}`), 404, undefined, 'not_found');
      await refused(() => sys.post(`/api/accounts/nope/${action}`), 400, 'id');
    }
  });

  test('R-SYS-02 reset password (confirmed by the secadmin): a new one-time password, the old one stops working, sessions end; audited without the password', async () => {
    const u = await t.businessUser();
    const name = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    const head = await t.auditHead();
    const r = keep(
      await sys.post<{ reset: { id: string }; firstHalf: string }>(
        `/api/accounts/${u.accountId}/reset-password`,
      ),
    );
    assert.equal(r.status, 202);
    const c = keep(
      await sec.post<{ secondHalf: string }>(`/api/accounts/password-resets/${r.body.reset.id}/confirm`),
    );
    assert.equal(c.status, 200, c.raw);
    const otp = r.body.firstHalf + c.body.secondHalf;
    assert.notEqual(otp, STRONG);
    const events = await eventsSince(head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [
        ['account.password.reset_request', u.accountId],
        ['account.password.reset_confirm', u.accountId],
      ],
    );
    for (const e of events) {
      assert.ok(!JSON.stringify(e.summary).includes(r.body.firstHalf));
      assert.ok(!JSON.stringify(e.summary).includes(c.body.secondHalf));
    }
    assert.equal(events[1]!.summary.sessionsRevoked, 1);
    assert.equal((await u.client.get('/api/todos')).status, 401);
    assert.equal((await t.client().login(name, STRONG)).status, 401);
    const again = await t.client().login(name, otp);
    assert.equal(again.status, 200);
    assert.equal(again.body.me.mustChangePassword, true);
  });

  test("R-SYS-01 an administrator's password cannot be reset through the console (403): no one-time password leaks", async () => {
    const ids = (
      await t.db.query<{ id: string; admin_role: string }>(
        'SELECT id, admin_role FROM account WHERE admin_role IS NOT NULL',
      )
    ).rows;
    for (const a of ids) {
      const e = await refused(
        () => sys.post(`/api/accounts/${a.id}/reset-password`),
        403,
        undefined,
        'cannot_reset_admin',
      );
      assert.equal(e.rule, 'R-SYS-01', a.admin_role);
      assert.match(e.en, /baomi admin reset-password/);
    }
    // The administrators still sign in with their own passwords.
    await t.admin('auditor');
    for (const role of ['sysadmin', 'secadmin', 'auditor'])
      assert.equal((await t.client().login(role, STRONG)).status, 200, role);
  });

  test('disable and enable: a disabled account cannot sign in; each change is audited once', async () => {
    const { account, oneTimePassword } = await create();
    let head = await t.auditHead();
    const off = keep(await sys.post<Account>(`/api/accounts/${account.id}/disable`));
    assert.equal(off.status, 200);
    assert.equal(off.body.disabled, true);
    assert.deepEqual(
      (await eventsSince(head)).map((e) => [e.action, e.objectId]),
      [['account.disable', account.id]],
    );
    const login = await t.client().login(account.username, oneTimePassword);
    assert.equal(login.status, 401, 'a disabled account answers like any failed sign-in (no enumeration)');
    assert.equal((login.body as unknown as Err).error.code, 'bad_credentials');
    head = await t.auditHead();
    const on = keep(await sys.post<Account>(`/api/accounts/${account.id}/enable`));
    assert.equal(on.status, 200);
    assert.equal(on.body.disabled, false);
    assert.deepEqual(
      (await eventsSince(head)).map((e) => [e.action, e.objectId]),
      [['account.enable', account.id]],
    );
    assert.equal((await t.client().login(account.username, oneTimePassword)).status, 200);
  });

  test('R-SYS-01 an administrator account cannot be disabled (403), not even by itself', async () => {
    const ids = (
      await t.db.query<{ id: string; admin_role: string }>(
        'SELECT id, admin_role FROM account WHERE admin_role IS NOT NULL',
      )
    ).rows;
    for (const a of ids) {
      const e = await refused(
        () => sys.post(`/api/accounts/${a.id}/disable`),
        403,
        undefined,
        'cannot_disable_admin',
      );
      assert.equal(e.rule, 'R-SYS-01');
    }
    assert.equal((await sys.get('/api/accounts')).status, 200, 'the sysadmin is still signed in');
    const flags = await t.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM account WHERE admin_role IS NOT NULL AND disabled',
    );
    assert.equal(flags.rows[0]!.n, 0);
  });

  test('R-SYS-02 unlock: a locked account signs in again after unlock; audited once', async () => {
    const { account, oneTimePassword } = await create();
    for (let i = 0; i < 4; i++)
      assert.equal((await t.client().login(account.username, 'Wrong-Passw0rd')).status, 401);
    assert.equal((await t.client().login(account.username, 'Wrong-Passw0rd')).status, 401);
    assert.equal((await t.client().login(account.username, oneTimePassword)).status, 401, 'locked');
    const listed = keep(await sys.get<Page>(`/api/accounts?q=${account.username}`));
    assert.ok(listed.body.items[0]!.lockedUntil, 'the list shows the lock');
    const head = await t.auditHead();
    const r = keep(await sys.post<Account>(`/api/accounts/${account.id}/unlock`));
    assert.equal(r.status, 200);
    assert.equal(r.body.lockedUntil, null);
    assert.deepEqual(
      (await eventsSince(head)).map((e) => [e.action, e.objectId]),
      [['account.unlock', account.id]],
    );
    assert.equal((await t.client().login(account.username, oneTimePassword)).status, 200);
  });

  test('list: administrators first, q matches user name, display name and person name literally, paging with a total', async () => {
    const all = keep(await sys.get<Page>('/api/accounts?pageSize=500'));
    assert.equal(all.status, 200);
    assert.equal(all.body.total, all.body.items.length);
    assert.deepEqual(
      all.body.items.slice(0, 3).map((a) => a.adminRole),
      ['auditor', 'secadmin', 'sysadmin'],
    );
    await create('list_one', { displayName: '列表甲' });
    await create('listXone', { displayName: '列表乙' });
    await create('list-two', { displayName: '100%列表' });
    const q = async (s: string) =>
      keep(await sys.get<Page>(`/api/accounts?pageSize=500&q=${encodeURIComponent(s)}`)).body.items.map(
        (a) => a.username,
      );
    assert.deepEqual((await q('list_')).sort(), ['list_one']);
    assert.deepEqual((await q('LIST')).sort(), ['list-two', 'listXone', 'list_one'].sort());
    assert.deepEqual(await q('%'), ['list-two']);
    assert.deepEqual(await q('列表乙'), ['listXone']);
    const u = await t.businessUser();
    const person = (await t.db.query<{ name: string }>('SELECT name FROM person WHERE id = $1', [u.personId]))
      .rows[0]!;
    const byPerson = keep(
      await sys.get<Page & { items: { personName: string }[] }>(
        `/api/accounts?q=${encodeURIComponent(person.name)}`,
      ),
    );
    assert.ok(byPerson.body.items.some((a) => a.id === u.accountId));

    const names: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = keep(await sys.get<Page>(`/api/accounts?q=list&pageSize=1&page=${page}`));
      assert.equal(p.body.total, 3);
      names.push(...p.body.items.map((a) => a.username));
    }
    assert.deepEqual(names.sort(), ['list-two', 'listXone', 'list_one'].sort());
    for (const bad of ['pageSize=0', 'page=0', `q=${'x'.repeat(101)}`, 'pageSize=x', 'q=%00']) {
      assert.equal((await sys.get(`/api/accounts?${bad}`)).status, 400, bad);
    }
  });

  test('no response carries a password hash ($argon2) or a password_hash field', async () => {
    keep(await sys.get('/api/auth/me'));
    keep(await sys.get('/api/people?pageSize=500'));
    keep(await sec.get('/api/audit?pageSize=500'));
    keep(await sec.get('/api/audit/export?format=csv'));
    assert.ok(seen.length > 30);
    for (const raw of seen) {
      assert.ok(!raw.includes('$argon2'), raw.slice(0, 200));
      assert.ok(!/password_?hash/i.test(raw), raw.slice(0, 200));
    }
  });
});
