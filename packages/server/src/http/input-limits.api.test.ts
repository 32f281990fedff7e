// Hostile input never reaches a recursive helper or the database, and never gives a 500: deep JSON,
// oversized bodies, lone surrogates, NUL, text made only of invisible characters, and numbers such as
// Infinity in a query string. Each is refused with the bilingual 400/413 and nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { jsonDepth, MAX_JSON_DEPTH } from './json.ts';

const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('input limits: depth, size, characters, numbers (R-SYS-04 hardening)', () => {
  let t: TestApp;
  let officer: Client;
  const calendarRows = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM work_calendar_day')).rows[0]!.n;

  before(async () => {
    t = await createTestApp();
    officer = (await t.businessUser({ roles: ['secrecy_officer'] })).client;
  });
  after(() => t.close());

  test('jsonDepth counts nesting outside strings, flat, and stops past its limit', () => {
    assert.equal(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}'), 3);
    assert.equal(jsonDepth('"\\"[["'), 0);
    assert.equal(jsonDepth(nested(100_000), 5), 6);
  });

  test('a body nested 10,000 levels deep is a 400 on the anonymous login, never a 500', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":${nested(10_000)},"password":"x"}`,
    });
    assert.equal(r.statusCode, 400, r.body);
    const e = r.json().error;
    assert.equal(e.code, 'json_too_deep');
    assert.match(e.zh, /嵌套/);
    assert.match(e.en, /nested/);
  });

  test(`a body nested just within ${MAX_JSON_DEPTH} levels is parsed and judged by the schema`, async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":${nested(MAX_JSON_DEPTH - 1)},"password":"x"}`,
    });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.field, 'username');
  });

  test('an anonymous deep or large body on a route that needs a session is a 401 before parsing', async () => {
    const r = await t.app.inject({
      method: 'PUT',
      url: '/api/workdays/2026-10-01',
      headers: { 'content-type': 'application/json' },
      payload: nested(50_000),
    });
    assert.equal(r.statusCode, 401);
  });

  test('a body over the size limit is a 413 with the bilingual message', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'x' }),
    });
    assert.equal(r.statusCode, 413);
    assert.match(r.json().error.zh, /过大/);
  });

  test('a lone surrogate is refused, naming the field, and nothing is written', async () => {
    const e = await expectRefusal(
      t,
      calendarRows,
      () => officer.put('/api/workdays/2026-10-01', { kind: 'holiday', name: '国庆\ud800' }),
      400,
      { code: 'lone_surrogate', field: 'name' },
    );
    assert.match(e.en, /surrogate/);
  });

  test('a well-formed pair (an emoji, a CJK extension character) is accepted', async () => {
    const r = await officer.put<{ name: string }>('/api/workdays/2026-10-02', {
      kind: 'holiday',
      name: '国庆𠀀😀',
    });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.name, '国庆𠀀😀');
  });

  for (const [what, name] of [
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner and a BOM', '\u200d\ufeff'],
    ['control characters', '\u0007\u001b'],
    ['bidi marks and white space', '\u200e \u202e\u3000'],
  ] as const) {
    test(`a name made only of ${what} is refused as blank`, async () => {
      const e = await expectRefusal(
        t,
        calendarRows,
        () => officer.put('/api/workdays/2026-10-03', { kind: 'holiday', name }),
        400,
        { field: 'name' },
      );
      assert.match(e.zh, /不能为空/);
    });
  }

  for (const q of ['Infinity', '-Infinity', 'NaN', '1e309', '1.5', '9007199254740993', '', '0x10']) {
    test(`year=${q} in a query string is a 400, not a 500`, async () => {
      const r = await officer.get<{ error: { zh: string; en: string } }>(
        `/api/workdays?year=${encodeURIComponent(q)}`,
      );
      assert.equal(r.status, 400, r.raw);
      assert.ok(r.body.error.zh && r.body.error.en);
    });
  }
});
