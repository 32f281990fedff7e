// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): two-factor sign-in — enrolment, the second step, replay,
// lockout, no enumeration, forced enrolment, revocation, recovery codes, the dual-controlled reset,
// and a sign-in finished on another node.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base32Decode } from '@baomi/domain';
import { totp } from '@baomi/domain/twofactor/totp.ts';
import { buildApp } from '../http/app.ts';
import { cleanupJob, runJobOnce } from '../jobs/runner.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { Client, createTestApp, STRONG, type TestApp, testClock } from '../testing/harness.ts';

type Err = { error: { code: string; zh: string; en: string; rule?: string } };
type Pending = { secondFactor?: { token: string; methods: string[] }; me?: { id: string } };

describe('two-factor sign-in (R-SYS-02)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const usernameOf = async (accountId: string) =>
    (await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [accountId]))
      .rows[0]!.username;
  /** A business user with a TOTP token of his own (enrolled by choice). */
  const userWithTotp = async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    await u.client.enrolTotp(name);
    return { ...u, name };
  };
  const manual = () => {
    const c = t.client();
    c.autoSecondFactor = false;
    return c;
  };
  const password = (c: Client, name: string) =>
    c.post<Pending & Err>('/api/auth/login', { username: name, password: STRONG });
  const second = (c: Client, token: string, body: Record<string, unknown>) =>
    c.post<Err & { me: { id: string } }>('/api/auth/login/second-factor', { token, ...body });

  test('an administrator signs in with password and then a one-time password; no session before the code', async () => {
    await t.admin('sysadmin');
    const c = manual();
    const r = await password(c, 'sysadmin');
    assert.equal(r.status, 200);
    assert.ok(r.body.secondFactor?.token);
    assert.equal(r.body.me, undefined);
    assert.deepEqual(r.body.secondFactor.methods, ['totp', 'recovery']);
    assert.equal(c.cookies.has('baomi_session'), false, 'no session cookie before the second factor');
    // Another API between password and code: nothing is signed in.
    assert.equal((await c.get('/api/accounts')).status, 401);
    assert.equal((await c.get('/api/auth/second-factors')).status, 401);
    // The pending token is no session either.
    const forged = manual();
    forged.cookies.set('baomi_session', r.body.secondFactor.token);
    assert.equal((await forged.get('/api/accounts')).status, 401);
    const ok = await second(c, r.body.secondFactor.token, { code: c.wallet.code('sysadmin') });
    assert.equal(ok.status, 200);
    assert.equal((await c.get('/api/accounts')).status, 200);
  });

  test('the administrators must enrol before anything else (forced enrolment after the password change)', async () => {
    const pw = t.bootstrap.find((b) => b.role === 'auditor')!.password;
    const c = manual();
    assert.equal((await c.login('auditor', pw)).status, 200);
    assert.equal(
      (await c.post('/api/auth/change-password', { oldPassword: pw, newPassword: STRONG })).status,
      200,
    );
    const me = await c.get<{ me: { mustEnrolSecondFactor: boolean } }>('/api/auth/me');
    assert.equal(me.body.me.mustEnrolSecondFactor, true);
    const blocked = await c.get<Err>('/api/audit');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.code, 'second_factor_enrolment_required');
    assert.equal(blocked.body.error.rule, 'R-SYS-02');
    // A wrong code does not enrol.
    const begun = await c.post<{ id: string; secret: string; uri: string }>('/api/auth/second-factors/totp', {
      algorithm: 'SHA1',
    });
    assert.equal(begun.status, 200);
    assert.match(begun.body.uri, /^otpauth:\/\/totp\/.*secret=/);
    const bad = await c.post<Err>('/api/auth/second-factors/totp/confirm', {
      id: begun.body.id,
      code: '000000',
    });
    assert.equal(bad.status, 400);
    assert.equal((await c.get('/api/audit')).status, 403);
    await c.enrolTotp('auditor');
    assert.equal((await c.get('/api/audit')).status, 200);
    // The secret is stored sealed (SM4), never as the base32 text or the raw bytes.
    const { rows } = await t.db.query<{ secret_enc: string }>(
      "SELECT secret_enc FROM second_factor f JOIN account a ON a.id = f.account_id WHERE a.username = 'auditor'",
    );
    for (const r of rows) {
      assert.ok(!r.secret_enc.includes(begun.body.secret));
      const raw = Buffer.from(base32Decode(begun.body.secret)!);
      assert.ok(!Buffer.from(r.secret_enc, 'base64url').includes(raw));
    }
  });

  test('a code is accepted once: replaying it is refused, also within its window', async () => {
    const u = await userWithTotp();
    const code = u.client.wallet.code(u.name);
    const a = manual();
    const ra = await password(a, u.name);
    assert.equal((await second(a, ra.body.secondFactor!.token, { code })).status, 200);
    const b = manual();
    const rb = await password(b, u.name);
    const replay = await second(b, rb.body.secondFactor!.token, { code });
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error.code, 'bad_credentials');
  });

  test('no enumeration: a wrong code gets the answer of a wrong password, and the audit records why', async () => {
    const u = await userWithTotp();
    const head = await t.auditHead();
    const wrongPassword = await t.client().login(u.name, 'Wrong-passw0rd');
    const c = manual();
    const r = await password(c, u.name);
    const wrongCode = await second(c, r.body.secondFactor!.token, { code: '123456' });
    const wrongRecovery = await second(c, r.body.secondFactor!.token, { recoveryCode: 'aaaaa-bbbbb' });
    const unknownToken = await second(manual(), 'no-such-token', { code: '123456' });
    assert.equal(wrongCode.status, 401);
    assert.equal(wrongPassword.raw, wrongCode.raw);
    assert.equal(wrongCode.raw, wrongRecovery.raw);
    assert.equal(wrongCode.raw, unknownToken.raw);
    const rows = await auditEventsSince(t.db, head);
    assert.deepEqual(
      rows.filter((e) => e.action === 'auth.login.failure').map((e) => e.summary.reason),
      ['bad_password', 'bad_second_factor', 'bad_second_factor', 'bad_pending'],
    );
  });

  test('wrong codes count toward the same lockout as wrong passwords', async () => {
    const u = await userWithTotp();
    const c = manual();
    const r = await password(c, u.name);
    const token = r.body.secondFactor!.token;
    for (let i = 0; i < 5; i++) assert.equal((await second(c, token, { code: '000000' })).status, 401);
    // Locked now: the right password answers like any failure, and so does a right code.
    assert.equal((await t.client().login(u.name, STRONG)).status, 401);
    const { rows } = await t.db.query<{ locked: boolean }>(
      'SELECT locked_until > now() AS locked FROM account WHERE id = $1',
      [u.accountId],
    );
    assert.equal(rows[0]!.locked, true);
  });

  test('a pending token is used once, only for its account, only from its address', async () => {
    const u = await userWithTotp();
    const v = await userWithTotp();
    const c = manual();
    const r = await password(c, u.name);
    const token = r.body.secondFactor!.token;
    // The other account's code does not finish this account's sign-in.
    assert.equal((await second(c, token, { code: v.client.wallet.code(v.name) })).status, 401);
    // From another address: refused.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      remoteAddress: '198.51.100.9',
      payload: { token, code: u.client.wallet.code(u.name) },
    });
    assert.equal(other.statusCode, 401);
    const ok = await second(c, token, { code: u.client.wallet.code(u.name) });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.me.id, u.accountId, 'the session is the token’s account');
    assert.equal((await second(manual(), token, { code: u.client.wallet.code(u.name) })).status, 401, 'used');
    // Expired: refused.
    const r2 = await password(manual(), u.name);
    await t.db.query("UPDATE signin_pending SET expires_at = now() - interval '1 second'");
    assert.equal(
      (await second(manual(), r2.body.secondFactor!.token, { code: u.client.wallet.code(u.name) })).status,
      401,
    );
    // The hourly clean-up removes expired steps.
    await runJobOnce(t.db, cleanupJob);
    assert.equal((await t.db.query('SELECT 1 FROM signin_pending WHERE expires_at < now()')).rowCount, 0);
  });

  test('recovery codes: ten, shown once at the first enrolment, each signs in once', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const begun = await u.client.post<{ id: string; secret: string }>('/api/auth/second-factors/totp', {
      algorithm: 'SM3',
    });
    const secret = base32Decode(begun.body.secret)!;
    const code = totp(secret, testClock(), { algorithm: 'SM3', digits: 6, period: 30 });
    const ok = await u.client.post<{ recoveryCodes: string[]; factor: { algorithm: string } }>(
      '/api/auth/second-factors/totp/confirm',
      { id: begun.body.id, code },
    );
    assert.equal(ok.status, 200, ok.raw);
    assert.equal(ok.body.factor.algorithm, 'SM3');
    assert.equal(ok.body.recoveryCodes.length, 10);
    assert.equal(new Set(ok.body.recoveryCodes).size, 10);
    const stored = await t.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM recovery_code WHERE account_id = $1',
      [u.accountId],
    );
    assert.equal(stored.rowCount, 10);
    assert.ok(
      stored.rows.every((r) => !ok.body.recoveryCodes.some((c) => r.code_hash.includes(c.replace('-', '')))),
    );
    const list = await u.client.get<{ recoveryCodesLeft: number }>('/api/auth/second-factors');
    assert.equal(list.body.recoveryCodesLeft, 10);
    const c = manual();
    const r = await password(c, name);
    assert.equal(
      (await second(c, r.body.secondFactor!.token, { recoveryCode: ok.body.recoveryCodes[0]!.toUpperCase() }))
        .status,
      200,
    );
    const again = manual();
    const r2 = await password(again, name);
    assert.equal(
      (await second(again, r2.body.secondFactor!.token, { recoveryCode: ok.body.recoveryCodes[0]! })).status,
      401,
    );
    assert.equal(
      (await u.client.get<{ recoveryCodesLeft: number }>('/api/auth/second-factors')).body.recoveryCodesLeft,
      9,
    );
  });

  test('a revoked factor no longer works; the last one cannot be revoked while required', async () => {
    const u = await userWithTotp();
    const list = await u.client.get<{ factors: { id: string }[] }>('/api/auth/second-factors');
    assert.equal(list.body.factors.length, 1);
    const secret = u.client.wallet;
    assert.equal((await u.client.delete(`/api/auth/second-factors/${list.body.factors[0]!.id}`)).status, 200);
    // No factor now: the password alone signs in, and an old code is no way in.
    const c = manual();
    const r = await password(c, u.name);
    assert.ok(r.body.me, 'signed in with the password alone');
    const stale = await second(manual(), 'x'.repeat(40), { code: secret.code(u.name) });
    assert.equal(stale.status, 401);
    const sys = await t.admin('sysadmin');
    const mine = await sys.get<{ factors: { id: string }[] }>('/api/auth/second-factors');
    const last = await sys.delete<Err>(`/api/auth/second-factors/${mine.body.factors[0]!.id}`);
    assert.equal(last.status, 409);
    assert.equal(last.body.error.code, 'second_factor_last');
    // Somebody else's factor: 404.
    const v = await userWithTotp();
    const vs = await v.client.get<{ factors: { id: string }[] }>('/api/auth/second-factors');
    assert.equal((await sys.delete(`/api/auth/second-factors/${vs.body.factors[0]!.id}`)).status, 404);
  });

  test('a revoked token no longer signs in while the other one does', async () => {
    const u = await t.businessUser();
    const name = await usernameOf(u.accountId);
    const first = await u.client.enrolTotp(name);
    await u.client.enrolTotp(name); // the wallet now holds the second
    const list = await u.client.get<{ factors: { id: string }[] }>('/api/auth/second-factors');
    assert.equal(list.body.factors.length, 2);
    assert.equal((await u.client.delete(`/api/auth/second-factors/${list.body.factors[0]!.id}`)).status, 200);
    const c = manual();
    const r = await password(c, name);
    u.client.wallet.code(name); // a fresh step
    const revoked = await second(c, r.body.secondFactor!.token, { code: totp(first, testClock()) });
    assert.equal(revoked.status, 401);
    const ok = await second(c, r.body.secondFactor!.token, { code: u.client.wallet.code(name) });
    assert.equal(ok.status, 200);
  });

  test('the policy toggles: all users, a clearance, the secrecy bureau; administrators always', async () => {
    const sec = await t.admin('secadmin');
    const policy = (await sec.get<Record<string, unknown>>('/api/settings/security')).body;
    assert.equal(policy.secondFactorAll, false);
    const u = await t.businessUser({ clearance: 'secret' });
    const check = async () => {
      const c = manual();
      c.cookies = new Map(u.client.cookies);
      return (await c.get<{ me: { mustEnrolSecondFactor: boolean } }>('/api/auth/me')).body.me
        .mustEnrolSecondFactor;
    };
    try {
      assert.equal(await check(), false);
      assert.equal(
        (await sec.put('/api/settings/security', { ...policy, secondFactorMinClearance: 'top_secret' }))
          .status,
        200,
      );
      assert.equal(await check(), false, 'secret is below top secret');
      assert.equal(
        (await sec.put('/api/settings/security', { ...policy, secondFactorMinClearance: 'secret' })).status,
        200,
      );
      assert.equal(await check(), true);
      const c = manual();
      c.cookies = new Map(u.client.cookies);
      const blocked = await c.get<Err>('/api/todos');
      assert.equal(blocked.body.error.code, 'second_factor_enrolment_required');
      assert.equal(
        (await sec.put('/api/settings/security', { ...policy, secondFactorMinClearance: 'none' })).status,
        400,
      );
      assert.equal(
        (await sec.put('/api/settings/security', { ...policy, secondFactorAll: true })).status,
        200,
      );
      assert.equal(await check(), true);
      const sys = await t.admin('sysadmin');
      assert.equal(
        (await sys.put('/api/settings/security', { ...policy, secondFactorAll: false })).status,
        403,
      );
    } finally {
      assert.equal((await sec.put('/api/settings/security', policy)).status, 200);
    }
    assert.equal(await check(), false);
  });

  test('reset under dual control: the security-secrecy administrator asks, the system administrator confirms', async () => {
    const u = await userWithTotp();
    const sys = await t.admin('sysadmin');
    const sec = await t.admin('secadmin');
    // One administrator alone cannot: the sysadmin cannot ask, the secadmin cannot confirm.
    assert.equal((await sys.post('/api/auth/second-factor-resets', { username: u.name })).status, 403);
    const asked = await sec.post<{ id: string; status: string }>('/api/auth/second-factor-resets', {
      username: u.name,
    });
    assert.equal(asked.status, 202);
    assert.equal(asked.body.status, 'pending');
    assert.equal((await sec.post(`/api/auth/second-factor-resets/${asked.body.id}/confirm`)).status, 403);
    assert.equal((await u.client.get('/api/todos')).status, 200, 'a request alone changes nothing');
    // The system administrator sees it as a todo.
    const todos = await t.db.query<{ title: string }>(
      `SELECT t.title FROM todo t JOIN account a ON a.id = t.account_id
        WHERE a.admin_role = 'sysadmin' AND t.subject_id = $1 AND t.done_at IS NULL`,
      [asked.body.id],
    );
    assert.equal(todos.rowCount, 1);
    assert.match(todos.rows[0]!.title, new RegExp(u.name));
    const seen = await sys.get<{ items: { subjectId: string | null; link: string | null }[] }>('/api/todos');
    const todo = seen.body.items.find((i) => i.subjectId === asked.body.id);
    assert.equal(todo?.link, '/second-factor-resets', 'his todo list shows it, linked to the page');
    const head = await t.auditHead();
    const ok = await sys.post<{ status: string }>(`/api/auth/second-factor-resets/${asked.body.id}/confirm`);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.status, 'confirmed');
    assert.deepEqual(
      (await auditEventsSince(t.db, head)).map((e) => e.action),
      ['auth.second_factor.reset_confirm'],
    );
    assert.equal((await u.client.get('/api/todos')).status, 401, 'his sessions ended');
    const r = await password(manual(), u.name);
    assert.ok(r.body.me, 'no factor left: the password alone signs in');
    assert.equal(
      (await sys.post(`/api/auth/second-factor-resets/${asked.body.id}/confirm`)).status,
      404,
      'decided',
    );
    // An administrator's factor is never reset from the console.
    const admin = await sec.post<Err>('/api/auth/second-factor-resets', {
      username: 'sysadmin',
    });
    assert.equal(admin.status, 409);
    assert.equal(admin.body.error.code, 'second_factor_reset_admin');
  });

  test('a sign-in begun on one node is finished on another (nothing of the step in node memory)', async () => {
    const u = await userWithTotp();
    const other = await buildApp({
      db: t.db,
      demo: false,
      version: 'test',
      loginRate: { max: 10_000, windowSeconds: 60 },
      backupDir: null,
      webDist: null,
      totpClock: testClock,
    });
    try {
      const a = manual();
      const r = await password(a, u.name);
      const b = new Client(other);
      b.autoSecondFactor = false;
      const ok = await second(b, r.body.secondFactor!.token, { code: u.client.wallet.code(u.name) });
      assert.equal(ok.status, 200);
      assert.equal((await b.get('/api/todos')).status, 200);
    } finally {
      await other.close();
    }
  });
});
