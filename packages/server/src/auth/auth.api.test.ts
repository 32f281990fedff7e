import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { chainPending } from '../audit/chain.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { createTestApp, STRONG, type TestApp } from '../testing/harness.ts';
import { verificationCount } from './passwords.ts';

type Err = { error: { code: string; zh: string; en: string; field?: string; rule?: string } };

describe('auth (R-SYS-02)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('R-SYS-01 first start creates exactly the three administrators with one-time passwords', async () => {
    assert.deepEqual(t.bootstrap.map((b) => b.role).sort(), ['auditor', 'secadmin', 'sysadmin']);
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM account WHERE must_change_password',
    );
    assert.equal(rows[0]!.n, 3);
  });

  test('R-SYS-02 an initial password must be changed before anything else', async () => {
    const c = t.client();
    const pw = t.bootstrap.find((b) => b.role === 'auditor')!.password;
    const r = await c.login('auditor', pw);
    assert.equal(r.status, 200);
    assert.equal(r.body.me.mustChangePassword, true);
    const blocked = await c.get<Err>('/api/audit');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.code, 'password_change_required');
    const weak = await c.post<Err>('/api/auth/change-password', {
      oldPassword: pw,
      newPassword: 'auditor123',
    });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.rule, 'R-SYS-02');
    assert.ok(weak.body.error.zh && weak.body.error.en);
    const oldSession = new Map(c.cookies);
    const ok = await c.post('/api/auth/change-password', { oldPassword: pw, newPassword: STRONG });
    assert.equal(ok.status, 200);
    assert.equal((await c.get('/api/audit')).status, 200);
    // R-SYS-02: the old session was revoked by the change.
    const stale = t.client();
    stale.cookies = oldSession;
    assert.equal((await stale.get('/api/audit')).status, 401);
  });

  test('R-SYS-02 wrong password: 401 with one message for unknown users and wrong passwords, both audited', async () => {
    const head = await t.auditHead();
    const a = await t.client().login('sysadmin', 'Wrong-password-1');
    const b = await t.client().login('nobody', 'Wrong-password-1');
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.deepEqual(a.body, b.body);
    const rows = await auditEventsSince(t.db, head);
    assert.deepEqual(
      rows.map((r) => [r.action, r.summary.reason]),
      [
        ['auth.login.failure', 'bad_password'],
        ['auth.login.failure', 'unknown_user'],
      ],
    );
  });

  /** Signs in from a given source address; returns the status and body. */
  const loginFrom = async (remoteAddress: string, username: string, password: string) => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password }),
    });
    return { status: r.statusCode, body: r.body };
  };
  const usernameOf = async (accountId: string) =>
    (await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [accountId]))
      .rows[0]!.username;
  const lastReason = async () => {
    await chainPending(t.db);
    return (
      await t.db.query<{ reason: string }>(
        `SELECT (payload::jsonb) -> 10 ->> 'reason' AS reason FROM audit_event
          WHERE action = 'auth.login.failure' ORDER BY seq DESC LIMIT 1`,
      )
    ).rows[0]!.reason;
  };

  test('R-SYS-02 five failures lock the account for 30 minutes from that address, even against the right password', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    for (let i = 0; i < 5; i++) assert.equal((await t.client().login(name, 'Nope-nope-1')).status, 401);
    const locked = await t.client().login(name, STRONG);
    assert.equal(locked.status, 401, 'a locked account answers like any failure');
    assert.equal((locked.body as unknown as Err).error.code, 'bad_credentials');
    assert.equal(await lastReason(), 'locked', 'the audit trail records the real reason');
    const { rows } = await t.db.query<{ minutes: number }>(
      'SELECT round(extract(epoch FROM locked_until - now()) / 60) AS minutes FROM account WHERE id = $1',
      [u.accountId],
    );
    assert.ok(Number(rows[0]!.minutes) >= 29 && Number(rows[0]!.minutes) <= 30);
    const sys = await t.admin('sysadmin');
    assert.equal((await sys.post(`/api/accounts/${u.accountId}/unlock`)).status, 200);
    assert.equal((await t.client().login(name, STRONG)).status, 200);
  });

  test('R-SYS-02 failures from one address do not lock the owner out at another address', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    for (let i = 0; i < 6; i++)
      assert.equal((await loginFrom('198.51.100.66', name, 'Nope-nope-1')).status, 401);
    assert.equal(
      (await loginFrom('198.51.100.66', name, STRONG)).status,
      401,
      'locked at the attacker’s address',
    );
    assert.equal((await loginFrom('192.0.2.10', name, STRONG)).status, 200, 'not at the owner’s desk');
    assert.equal((await loginFrom('198.51.100.66', name, STRONG)).status, 401, 'still locked there');
  });

  test('R-SYS-02 failures of one account from several addresses alert the security-secrecy administrator once', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const alerts = async () =>
      (
        await t.db.query<{ title: string; n: number }>(
          `SELECT t.title, count(*) OVER ()::int AS n FROM todo t JOIN account s ON s.id = t.account_id
            WHERE s.admin_role = 'secadmin' AND t.subject_id = $1 AND t.done_at IS NULL`,
          [u.accountId],
        )
      ).rows;
    await loginFrom('203.0.113.1', name, 'Nope-nope-1');
    await loginFrom('203.0.113.2', name, 'Nope-nope-1');
    assert.equal((await alerts()).length, 0, 'two addresses: no alert yet');
    await loginFrom('203.0.113.3', name, 'Nope-nope-1');
    await loginFrom('203.0.113.4', name, 'Nope-nope-1');
    const open = await alerts();
    assert.equal(open.length, 1, 'one open alert, not one per failure');
    assert.match(open[0]!.title, new RegExp(`账号 ${name} 在 30 分钟内从 \\d 个地址登录失败`));
  });

  test('R-SYS-02 no enumeration: unknown, wrong password, locked and disabled get the same status, body and time', async () => {
    const locked = await t.businessUser();
    const disabled = await t.businessUser();
    const wrong = await t.businessUser();
    const lockedName = await usernameOf(locked.accountId);
    const disabledName = await usernameOf(disabled.accountId);
    const wrongName = await usernameOf(wrong.accountId);
    for (let i = 0; i < 5; i++) await t.client().login(lockedName, 'Nope-nope-1');
    const sys = await t.admin('sysadmin');
    assert.equal((await sys.post(`/api/accounts/${disabled.accountId}/disable`)).status, 200);
    const kinds = {
      unknown: (i: number) => loginFrom(`192.0.2.${100 + i}`, `nobody-${i}`, STRONG),
      wrongPassword: (i: number) => loginFrom(`192.0.2.${100 + i}`, wrongName, 'Nope-nope-1'),
      locked: (_i: number) => loginFrom('127.0.0.1', lockedName, STRONG),
      disabled: (i: number) => loginFrom(`192.0.2.${100 + i}`, disabledName, STRONG),
    };
    const times: Record<string, number[]> = { unknown: [], wrongPassword: [], locked: [], disabled: [] };
    const bodies = new Set<string>();
    // Interleaved, so that load on the machine affects every kind alike. Wrong passwords come from a
    // new address each time, so that they never lock the account and stay "wrong password".
    for (let i = 0; i < 6; i++) {
      for (const [kind, run] of Object.entries(kinds)) {
        const checks = verificationCount();
        const t0 = performance.now();
        const r = await run(i);
        times[kind]!.push(performance.now() - t0);
        assert.equal(verificationCount() - checks, 1, `${kind}: exactly one password hash verified`);
        assert.equal(r.status, 401, `${kind}: ${r.body}`);
        bodies.add(r.body);
      }
    }
    assert.equal(bodies.size, 1, `one answer for every kind: ${[...bodies].join(' | ')}`);
    assert.deepEqual(JSON.parse([...bodies][0]!).error, {
      code: 'bad_credentials',
      zh: '用户名或密码错误',
      en: 'Wrong user name or password',
    });
    // Every kind verifies one password hash (a dummy one for an unknown user), checked above. In time:
    // the fastest attempt of each kind (the least disturbed by other load on the machine) stays within a
    // factor of three of the others, where an answer that skipped the hash would be several times faster.
    const fastest = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, Math.min(...xs)]));
    const lo = Math.min(...Object.values(fastest));
    const hi = Math.max(...Object.values(fastest));
    assert.ok(hi <= lo * 3, `timing too far apart (fastest of each kind, ms): ${JSON.stringify(fastest)}`);
  });

  test('R-SYS-02 the lockout threshold follows the policy at once', async () => {
    const sec = await t.admin('secadmin');
    const policy = (await sec.get('/api/settings/security')).body;
    assert.equal((await sec.put('/api/settings/security', { ...policy, maxFailures: 3 })).status, 200);
    try {
      const u = await t.businessUser();
      const name = await usernameOf(u.accountId);
      for (let i = 0; i < 3; i++) assert.equal((await t.client().login(name, 'Nope-nope-1')).status, 401);
      assert.equal((await t.client().login(name, STRONG)).status, 401);
      assert.equal(await lastReason(), 'locked');
    } finally {
      await sec.put('/api/settings/security', policy);
    }
  });

  test('R-SYS-02 an idle session ends after the idle timeout', async () => {
    const u = await t.businessUser();
    assert.equal((await u.client.get('/api/todos')).status, 200);
    // 29 minutes later the session is alive (and its activity is recorded) ...
    mock.timers.enable({ apis: ['Date'], now: Date.now() + 29 * 60_000 });
    try {
      assert.equal((await u.client.get('/api/todos')).status, 200);
    } finally {
      mock.timers.reset();
    }
    // ... and 31 idle minutes after that, it has ended, on a cached read as on a write.
    mock.timers.enable({ apis: ['Date'], now: Date.now() + 60 * 60_000 });
    try {
      const r = await u.client.get<Err>('/api/todos');
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'session_idle');
    } finally {
      mock.timers.reset();
    }
    assert.equal((await u.client.get('/api/todos')).status, 401);
  });

  test('R-SYS-02 an operator forcing a timeout in the database is obeyed by the next write at once', async () => {
    const u = await t.businessUser();
    assert.equal((await u.client.get('/api/todos')).status, 200);
    await t.db.query(
      "UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE account_id = $1",
      [u.accountId],
    );
    const w = await u.client.post<Err>('/api/auth/logout');
    assert.equal(w.status, 401);
    assert.equal(w.body.error.code, 'session_idle');
  });

  test('state-changing requests without the CSRF token are refused and write nothing', async () => {
    const sys = await t.admin('sysadmin');
    const head = await t.auditHead();
    const r = await sys.request<Err>(
      'POST',
      '/api/orgs',
      { name: 'CSRF单位', parentId: null, level: 'city', kind: 'party_gov' },
      { csrf: false },
    );
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'csrf');
    const wrong = await sys.request<Err>(
      'POST',
      '/api/orgs',
      { name: 'CSRF单位', parentId: null, level: 'city', kind: 'party_gov' },
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    assert.equal(wrong.status, 403);
    assert.equal(await t.auditHead(), head);
    assert.equal((await t.db.query("SELECT 1 FROM org WHERE name = 'CSRF单位'")).rowCount, 0);
  });

  test('session cookie is HttpOnly and SameSite=Strict; the CSRF cookie is readable', async () => {
    const c = t.client();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    assert.equal(res.statusCode, 401);
    const u = await t.businessUser();
    const name = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: name, password: STRONG },
    });
    const set = ([] as string[]).concat(ok.headers['set-cookie'] as string | string[]);
    const session = set.find((s) => s.startsWith('baomi_session='))!;
    const csrf = set.find((s) => s.startsWith('baomi_csrf='))!;
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Strict/i);
    assert.doesNotMatch(csrf, /HttpOnly/i);
    assert.ok(c);
  });

  test('R-SYS-02 disabling an account ends its sessions at once', async () => {
    const u = await t.businessUser();
    const sys = await t.admin('sysadmin');
    assert.equal((await sys.post(`/api/accounts/${u.accountId}/disable`)).status, 200);
    assert.equal((await u.client.get('/api/todos')).status, 401);
    const name = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    assert.equal((await t.client().login(name, STRONG)).status, 401, 'refused like any failed sign-in');
  });

  test('R-SYS-02 a reset password is one-time and revokes sessions', async () => {
    const u = await t.businessUser();
    const sys = await t.admin('sysadmin');
    const sec = await t.admin('secadmin');
    const r = await sys.post<{ reset: { id: string }; firstHalf: string }>(
      `/api/accounts/${u.accountId}/reset-password`,
    );
    assert.equal(r.status, 202);
    assert.equal((await u.client.get('/api/todos')).status, 200, 'a request alone changes nothing');
    const ok = await sec.post<{ secondHalf: string }>(
      `/api/accounts/password-resets/${r.body.reset.id}/confirm`,
    );
    assert.equal(ok.status, 200);
    assert.equal((await u.client.get('/api/todos')).status, 401);
    const name = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [u.accountId])
    ).rows[0]!.username;
    const c = t.client();
    const login = await c.login(name, r.body.firstHalf + ok.body.secondHalf);
    assert.equal(login.body.me.mustChangePassword, true);
  });

  test('logout ends the session', async () => {
    const u = await t.businessUser();
    const me = await u.client.get<{ me: { person: { orgKind: string } } }>('/api/auth/me');
    assert.equal(me.body.me.person.orgKind, 'party_gov', 'me tells the organisation kind (bureau roll-ups)');
    assert.equal((await u.client.post('/api/auth/logout')).status, 200);
    assert.equal((await u.client.get('/api/auth/me')).status, 401);
  });
});

describe('login rate limit (shared by every node)', () => {
  test('R-SYS-02 the 4th attempt from one address within the window gets 429', async () => {
    const t = await createTestApp({ loginRate: { max: 3, windowSeconds: 60 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await t.client().login('x', 'y')).status, 401);
      const r = await t.client().login('x', 'y');
      assert.equal(r.status, 429);
    } finally {
      await t.close();
    }
  });
});
