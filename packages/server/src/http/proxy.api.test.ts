// Only named proxies are believed: a client that sets X-Forwarded-For itself cannot choose the
// address in the audit trail or slip past the per-address login limit; behind a trusted TLS proxy
// every response carries HSTS and the session cookies are Secure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chainPending } from '../audit/chain.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { parseTrustProxy } from './proxy.ts';

describe('trusted proxies (BAOMI_TRUST_PROXY) and HSTS', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp({
      trustProxy: ['10.0.0.5', '10.1.0.0/16'],
      loginRate: { max: 3, windowSeconds: 60 },
    });
  });
  after(() => t.close());

  const login = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });

  const lastIp = async () => {
    await chainPending(t.db);
    return (
      await t.db.query<{ ip: string | null }>(
        "SELECT (payload::jsonb) ->> 11 AS ip FROM audit_event WHERE action = 'auth.login.failure' ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0]?.ip;
  };

  test('parseTrustProxy: addresses and CIDR blocks, 1 means this machine only, nonsense refused', () => {
    assert.deepEqual(parseTrustProxy(undefined), { value: false, warning: null });
    assert.deepEqual(parseTrustProxy('0').value, false);
    assert.deepEqual(parseTrustProxy(' 10.0.0.5, 10.0.0.6 ').value, ['10.0.0.5', '10.0.0.6']);
    assert.deepEqual(parseTrustProxy('10.0.0.0/24,fd00::/8').value, ['10.0.0.0/24', 'fd00::/8']);
    const one = parseTrustProxy('1');
    assert.deepEqual(one.value, ['127.0.0.1/8', '::1/128']);
    assert.match(one.warning ?? '', /this machine only/);
    for (const bad of ['*', 'example.org', '10.0.0.0/33', '10.0.0.1/8/9', '::1/129'])
      assert.throws(() => parseTrustProxy(bad), /不是 IP 地址或 CIDR 网段/);
  });

  test('a client that is not a named proxy cannot choose the audited address', async () => {
    const r = await login('192.0.2.9', { 'x-forwarded-for': '198.51.100.1' });
    assert.equal(r.statusCode, 401);
    assert.equal(await lastIp(), '192.0.2.9');
  });

  test('rotating X-Forwarded-For from one untrusted address does not escape the login rate limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await login('192.0.2.77', { 'x-forwarded-for': `198.51.100.${i + 10}` })).statusCode);
    }
    assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
    assert.deepEqual(codes.slice(3), [429, 429]);
  });

  test('a named proxy is believed: its client address is audited', async () => {
    await login('10.0.0.5', { 'x-forwarded-for': '203.0.113.7' });
    assert.equal(await lastIp(), '203.0.113.7');
    await login('10.1.2.3', { 'x-forwarded-for': '203.0.113.8' });
    assert.equal(await lastIp(), '203.0.113.8', 'an address inside a trusted block');
  });

  test('behind a trusted TLS proxy responses carry HSTS; plain HTTP and untrusted claims do not', async () => {
    const tls = await t.app.inject({
      method: 'GET',
      url: '/api/system/info',
      remoteAddress: '10.0.0.5',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(tls.headers['strict-transport-security'], 'max-age=31536000');
    const plain = await t.app.inject({ method: 'GET', url: '/api/system/info', remoteAddress: '10.0.0.5' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const claimed = await t.app.inject({
      method: 'GET',
      url: '/api/system/info',
      remoteAddress: '192.0.2.9',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(claimed.headers['strict-transport-security'], undefined);
  });
});
