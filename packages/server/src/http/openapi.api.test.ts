// The API's description, its JSON 404 and the security headers every response carries (R-SYS-04).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, TEST_DB, type TestApp } from '../testing/harness.ts';

type Err = { error: { code: string; zh: string; en: string } };
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string; required?: boolean; schema?: { format?: string } }[];
  requestBody?: {
    content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }>;
  };
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
};
type Spec = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

describe('OpenAPI description, 404s and security headers (R-SYS-04)', () => {
  let t: TestApp;
  let sys: Client;

  before(async () => {
    t = await createTestApp();
    sys = await t.admin('sysadmin');
  });
  after(() => t.close());

  test('GET /api/openapi.json is an OpenAPI 3 document listing the main paths, each with a summary and tag', async () => {
    const r = await t.client().get<Spec>('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.match(r.body.openapi, /^3\.\d+\.\d+$/);
    assert.match(r.body.info.title, /Baomi/);
    assert.equal(r.body.info.version, 'test');
    const main: [string, string][] = [
      ['post', '/api/auth/login'],
      ['get', '/api/auth/me'],
      ['get', '/api/system/info'],
      ['get', '/api/orgs'],
      ['post', '/api/orgs'],
      ['patch', '/api/orgs/{id}'],
      ['delete', '/api/orgs/{id}'],
      ['post', '/api/orgs/{id}/departments'],
      ['get', '/api/people'],
      ['get', '/api/people/export'],
      ['put', '/api/people/{id}/roles'],
      ['get', '/api/accounts'],
      ['post', '/api/accounts/{id}/reset-password'],
      ['put', '/api/settings/security'],
      ['get', '/api/audit'],
      ['post', '/api/audit/verify'],
      ['get', '/api/todos'],
      ['get', '/api/backups'],
    ];
    for (const [method, path] of main) {
      const op = r.body.paths[path]?.[method];
      assert.ok(op, `${method.toUpperCase()} ${path} is described`);
      assert.ok(op.summary && op.tags?.length, `${method.toUpperCase()} ${path} has a summary and a tag`);
    }
    for (const [path, methods] of Object.entries(r.body.paths)) {
      assert.ok(path.startsWith('/api/'), path);
      for (const [m, op] of Object.entries(methods)) assert.ok(op.summary, `${m} ${path} has a summary`);
    }
    assert.equal(r.body.paths['/api/openapi.json'], undefined, 'the description does not describe itself');
  });

  test('the description carries the request schemas: required fields, path ids as uuids', async () => {
    const { body } = await t.client().get<Spec>('/api/openapi.json');
    const create = body.paths['/api/orgs']!.post!.requestBody!.content['application/json']!.schema;
    assert.deepEqual([...(create.required ?? [])].sort(), ['kind', 'level', 'name', 'parentId']);
    const id = body.paths['/api/orgs/{id}']!.patch!.parameters!.find((p) => p.name === 'id')!;
    assert.equal(id.in, 'path');
    assert.equal(id.required, true);
    assert.equal(id.schema?.format, 'uuid');
    const settings =
      body.paths['/api/settings/security']!.put!.requestBody!.content['application/json']!.schema;
    assert.ok(settings.properties && 'auditRetentionMonths' in settings.properties);
    const list = body.paths['/api/people']!.get!.parameters!.map((p) => `${p.in}:${p.name}`);
    for (const q of ['query:orgId', 'query:q', 'query:page', 'query:pageSize', 'query:sort'])
      assert.ok(list.includes(q), q);
  });

  test('every operation of the designation and approvals modules describes its success response', async () => {
    const { body } = await t.client().get<Spec>('/api/openapi.json');
    let seen = 0;
    for (const [path, methods] of Object.entries(body.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        if (!op.tags?.some((tag) => tag === 'designation' || tag === 'approvals')) continue;
        seen++;
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        assert.ok(success.length > 0, `${m.toUpperCase()} ${path} declares a 2xx response`);
        for (const [code, r] of success) {
          const schemas = Object.values(r.content ?? {}).map((c) => c.schema);
          assert.ok(
            code === '204' || (schemas.length > 0 && schemas.every((x) => x && Object.keys(x).length > 0)),
            `${m.toUpperCase()} ${path} ${code} has a response schema`,
          );
        }
      }
    }
    assert.ok(seen >= 25, `the modules' operations are described (${seen})`);
  });

  test('an unknown /api route is a JSON 404 with zh and en, signed in or not', async () => {
    const cases: [Client, 'GET' | 'POST' | 'DELETE', string][] = [
      [sys, 'GET', '/api/nope'],
      [sys, 'GET', '/api/orgs/x/y/z'],
      [sys, 'DELETE', '/api/people'],
      [sys, 'POST', '/api/system/info'],
      [t.client(), 'GET', '/api/nope?x=1'],
      [t.client(), 'GET', '/api/'],
    ];
    for (const [c, method, url] of cases) {
      const r = await c.request<Err>(method, url, method === 'GET' ? undefined : {});
      assert.equal(r.status, 404, `${method} ${url}: ${r.raw}`);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      assert.equal(r.body.error.code, 'no_route');
      assert.match(r.body.error.zh, /接口不存在/);
      assert.match(r.body.error.en, /No such endpoint/);
      assert.ok(r.body.error.en.includes(url.split('?')[0]!), 'names the path without its query');
    }
  });

  test('R-SYS-04 security headers on every kind of response: CSP self only, nosniff, no framing, no referrer', async () => {
    const responses = [
      await t.client().get('/api/system/info'),
      await t.client().get('/api/openapi.json'),
      await t.client().get('/api/orgs'), // 401
      await sys.get('/api/orgs'),
      await sys.get('/api/nope'), // 404
      await sys.post('/api/orgs', {}), // 400
      await sys.get('/api/people/export?format=csv'),
      await t.client().get('/'),
    ];
    for (const r of responses) {
      const where = `${r.status} ${r.raw.slice(0, 80)}`;
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /(^|;\s*)default-src 'self'(;|$)/, where);
      assert.match(csp, /frame-ancestors 'none'/, where);
      assert.doesNotMatch(csp, /https?:|\*/, `R-SYS-04: nothing from other hosts: ${where}`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', where);
      assert.equal(r.headers['x-frame-options'], 'DENY', where);
      assert.equal(r.headers['referrer-policy'], 'no-referrer', where);
    }
    assert.equal(responses[3]!.headers['cache-control'], 'no-store', 'API responses are not cached');
  });

  test('GET /api/system/info is open and says which database runs', async () => {
    const r = await t
      .client()
      .get<{ name: string; version: string; demo: boolean; db: string }>('/api/system/info');
    assert.equal(r.status, 200);
    assert.match(r.body.name, /Baomi/);
    assert.deepEqual([r.body.version, r.body.demo, r.body.db], ['test', false, TEST_DB]);
  });

  test('oversized and non-JSON bodies are refused with bilingual 4xx errors, never 500', async () => {
    const big = await sys.post<Err>('/api/orgs', { name: 'x'.repeat(1024 * 1024 + 10), parentId: null });
    assert.equal(big.status, 413);
    assert.ok(big.body.error.zh && big.body.error.en);
    const send = (contentType: string, payload: string) =>
      sys.app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: {
          cookie: [...sys.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': sys.csrf ?? '',
          'content-type': contentType,
        },
        payload,
      });
    for (const [type, status] of [
      ['text/plain', 400],
      ['application/xml', 415],
      ['application/x-www-form-urlencoded', 415],
    ] as const) {
      const r = await send(type, 'name=x');
      assert.equal(r.statusCode, status, `${type}: ${r.body}`);
      const e = (JSON.parse(r.body) as Err).error;
      assert.ok(e.zh && e.en, r.body);
    }
  });
});
