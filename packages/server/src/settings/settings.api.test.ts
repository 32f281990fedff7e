// The security policy over HTTP (R-SYS-02, R-SYS-03): read by every signed-in account, set by secadmin.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '@baomi/domain';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, STRONG, type TestApp } from '../testing/harness.ts';

type Err = {
  error: {
    code: string;
    zh: string;
    en: string;
    field?: string;
    rule?: string;
    details?: { field?: string }[];
  };
};

describe('security policy settings (R-SYS-02, R-SYS-03)', () => {
  let t: TestApp;
  let sec: Client;
  let user: Awaited<ReturnType<TestApp['businessUser']>>;
  let username: string;

  const stored = async () =>
    (await t.db.query<{ value: unknown }>("SELECT value FROM setting WHERE key = 'security'")).rows[0]
      ?.value ?? null;
  const put = (p: unknown) => sec.put<SecurityPolicy>('/api/settings/security', p);

  async function refused(body: unknown, field: string, code: string, rule?: string) {
    const head = await t.auditHead();
    const before = await stored();
    const r = (await put(body)) as Response<unknown> as Response<Err>;
    const where = `${JSON.stringify(body)}: got ${r.status} ${r.raw.slice(0, 300)}`;
    assert.equal(r.status, 400, where);
    assert.equal(r.body.error.field, field, where);
    assert.equal(r.body.error.code, code, where);
    if (rule) assert.equal(r.body.error.rule, rule, where);
    assert.ok(r.body.error.zh && r.body.error.en, where);
    assert.equal(await t.auditHead(), head, `audit head moved: ${where}`);
    assert.deepEqual(await stored(), before, `policy changed: ${where}`);
    return r.body.error;
  }

  before(async () => {
    t = await createTestApp();
    sec = await t.admin('secadmin');
    user = await t.businessUser({ roles: ['staff'] });
    username = (
      await t.db.query<{ username: string }>('SELECT username FROM account WHERE id = $1', [user.accountId])
    ).rows[0]!.username;
  });
  after(() => t.close());

  test('R-SYS-02 the default policy: ≥10 characters of 3 kinds, 5 failures → 30 minutes, 30 minutes idle; R-SYS-03 6 months', async () => {
    const r = await sec.get<SecurityPolicy>('/api/settings/security');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, DEFAULT_SECURITY_POLICY);
    assert.deepEqual(r.body, {
      minLength: 10,
      minClasses: 3,
      forbidUsername: true,
      maxFailures: 5,
      lockMinutes: 30,
      idleMinutes: 30,
      auditRetentionMonths: 6,
      // R-SYS-02: by default only the three administrators must have a second factor.
      secondFactorAll: false,
      secondFactorMinClearance: null,
      secondFactorBureau: false,
    });
  });

  test('R-SYS-02 every signed-in account reads the same policy (the password form and idle timer use it)', async () => {
    const mine = (await sec.get('/api/settings/security')).body;
    for (const c of [await t.admin('sysadmin'), await t.admin('auditor'), user.client]) {
      const r = await c.get('/api/settings/security');
      assert.equal(r.status, 200, r.raw);
      assert.deepEqual(r.body, mine);
    }
    assert.equal((await t.client().get('/api/settings/security')).status, 401);
  });

  test('R-SYS-03 a change is stored, read back and audited once with from/to of what changed', async () => {
    const next = { ...DEFAULT_SECURITY_POLICY, maxFailures: 6, auditRetentionMonths: 12 };
    const head = await t.auditHead();
    const r = await put(next);
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body, next);
    assert.deepEqual((await sec.get('/api/settings/security')).body, next);
    const events = await auditEventsSince(t.db, head);
    assert.equal(events.length, 1);
    assert.deepEqual(
      [events[0]!.action, events[0]!.objectType, events[0]!.objectId, events[0]!.actorClass],
      ['settings.security.update', 'setting', 'security', 'secadmin'],
    );
    assert.deepEqual(events[0]!.summary, {
      maxFailures: { from: 5, to: 6 },
      auditRetentionMonths: { from: 6, to: 12 },
    });
    assert.equal((await put(DEFAULT_SECURITY_POLICY)).status, 200);
  });

  test('R-SYS-03 an audit retention under 6 months is refused (400, field auditRetentionMonths)', async () => {
    const e = await refused(
      { ...DEFAULT_SECURITY_POLICY, auditRetentionMonths: 5 },
      'auditRetentionMonths',
      'policy_out_of_bounds',
      'R-SYS-03',
    );
    assert.match(e.zh, /6 到 600/);
    await refused(
      { ...DEFAULT_SECURITY_POLICY, auditRetentionMonths: 0 },
      'auditRetentionMonths',
      'policy_out_of_bounds',
    );
    await refused(
      { ...DEFAULT_SECURITY_POLICY, auditRetentionMonths: -6 },
      'auditRetentionMonths',
      'policy_out_of_bounds',
    );
    await refused(
      { ...DEFAULT_SECURITY_POLICY, auditRetentionMonths: 601 },
      'auditRetentionMonths',
      'policy_out_of_bounds',
    );
  });

  test('R-SYS-02 password and lockout values outside their bounds are refused, naming the field', async () => {
    const cases: [keyof SecurityPolicy, number][] = [
      ['minLength', 7],
      ['minLength', 65],
      ['minClasses', 1],
      ['minClasses', 5],
      ['maxFailures', 2],
      ['maxFailures', 11],
      ['lockMinutes', 0],
      ['lockMinutes', 1441],
      ['idleMinutes', 4],
      ['idleMinutes', 481],
    ];
    for (const [field, value] of cases) {
      await refused(
        { ...DEFAULT_SECURITY_POLICY, [field]: value },
        field,
        'policy_out_of_bounds',
        'R-SYS-02',
      );
    }
    const e = await refused(
      { ...DEFAULT_SECURITY_POLICY, minLength: 7, auditRetentionMonths: 5 },
      'minLength',
      'policy_out_of_bounds',
    );
    assert.deepEqual(
      e.details?.map((d) => d.field),
      ['minLength', 'auditRetentionMonths'],
      'every violation is listed',
    );
  });

  test('strings, fractions, nulls and booleans are refused as the wrong type, never coerced', async () => {
    await refused({ ...DEFAULT_SECURITY_POLICY, minLength: '12' }, 'minLength', 'invalid_type');
    await refused(
      { ...DEFAULT_SECURITY_POLICY, auditRetentionMonths: '5' },
      'auditRetentionMonths',
      'invalid_type',
    );
    await refused({ ...DEFAULT_SECURITY_POLICY, idleMinutes: 10.5 }, 'idleMinutes', 'invalid_type');
    await refused({ ...DEFAULT_SECURITY_POLICY, maxFailures: null }, 'maxFailures', 'invalid_type');
    await refused({ ...DEFAULT_SECURITY_POLICY, lockMinutes: true }, 'lockMinutes', 'invalid_type');
    await refused({ ...DEFAULT_SECURITY_POLICY, forbidUsername: 'true' }, 'forbidUsername', 'invalid_type');
    await refused({ ...DEFAULT_SECURITY_POLICY, forbidUsername: 0 }, 'forbidUsername', 'invalid_type');
    const { idleMinutes: _omitted, ...partial } = DEFAULT_SECURITY_POLICY;
    await refused(partial, 'idleMinutes', 'invalid_required');
    await refused(
      { ...DEFAULT_SECURITY_POLICY, superuser: true },
      'superuser',
      'invalid_additionalProperties',
    );
  });

  test('R-SYS-02 a tightened password policy applies at once to the next password change', async () => {
    const tight = { ...DEFAULT_SECURITY_POLICY, minLength: 14, minClasses: 4 };
    assert.equal((await put(tight)).status, 200);
    try {
      const change = (newPassword: string) =>
        user.client.post<Err>('/api/auth/change-password', { oldPassword: STRONG, newPassword });
      const short = await change('Abcdefgh12#$x');
      assert.equal(short.status, 400);
      assert.equal(short.body.error.code, 'password_too_short');
      assert.equal(short.body.error.rule, 'R-SYS-02');
      assert.match(short.body.error.zh, /至少需要 14 个字符/);
      const simple = await change('Abcdefghijk1234');
      assert.equal(simple.status, 400);
      assert.equal(simple.body.error.code, 'password_too_simple');
      const named = await change(`${username}#Aa1-long`);
      assert.equal(named.status, 400);
      assert.equal(named.body.error.code, 'password_contains_username');
      const ok = await change('Abcdefghij12#$');
      assert.equal(ok.status, 200, ok.raw);
      // Relaxed again, a password the tight policy refused is accepted.
      assert.equal((await put(DEFAULT_SECURITY_POLICY)).status, 200);
      const relaxed = await user.client.post('/api/auth/change-password', {
        oldPassword: 'Abcdefghij12#$',
        newPassword: STRONG,
      });
      assert.equal(relaxed.status, 200, relaxed.raw);
    } finally {
      await put(DEFAULT_SECURITY_POLICY);
    }
  });
});
