// Attacks on the visitors & materials part (R-FOR-05, R-FOR-06, R-SYS-01, R-DES-08a): another
// organisation's ids on every route (404, nothing written, nothing named), a colleague outside the read
// rule (403 on reads, never a title or a document number in his lists, todos or exports), the 三员 on
// every route (403), a material of an activity the caller may not read (404 — its title never shown),
// hostile input (huge and deeply nested bodies, unknown fields, zero-width and RTL characters, Infinity,
// 1900/9999, SQL-looking search text), and two people changing one record at once (409, not 500).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
type Page<T> = { items: T[]; total: number };

describe('foreign visitors & materials under attack', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officerId: string;
  let officer: Client;
  let requester: { client: Client; personId: string };
  let colleague: { client: Client; personId: string };
  let other: Client;
  let otherOrgId: string;
  let visitorId: string;
  let visitId: string;
  let materialId: string;
  let secretActivityId: string;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM foreign_visitor) AS visitors,
                (SELECT count(*)::int FROM foreign_visit) AS visits,
                (SELECT coalesce(string_agg(status || title || copies::text, ',' ORDER BY id), '') FROM foreign_material) AS materials,
                (SELECT coalesce(string_agg(name || doc_number, ',' ORDER BY id), '') FROM foreign_visitor) AS names`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  const activity = async (
    org: string,
    dept: string,
    by: string,
    level: string | null,
    participants: string[],
  ) => {
    const r = await t.db.query<{ id: string }>(
      `INSERT INTO foreign_activity (org_id, kind, title, title_sort, organiser_department_id, starts_on, ends_on, place,
                                     foreign_count, created_by_person_id, state, level)
       VALUES ($1, 'provision', '某绝密合作项目对外交流', 'mou', $2, $3, $4, '本单位', 2, $5, 'plan_approved', $6) RETURNING id`,
      [org, dept, day(5), day(6), by, level],
    );
    for (const p of participants)
      await t.db.query('INSERT INTO foreign_activity_participant (activity_id, person_id) VALUES ($1, $2)', [
        r.rows[0]!.id,
        p,
      ]);
    return r.rows[0]!.id;
  };
  const material = (activityId: string, over: Record<string, unknown> = {}) => ({
    activityId,
    title: '项目简介',
    kind: 'document',
    delivery: 'provide',
    recipients: ['外方合作单位'],
    copies: 2,
    recovery: 'retain',
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    requester = await t.member(orgId, deptId, [], 'secret');
    colleague = await t.member(orgId, deptId, []);
    const o = await t.businessUser({ roles: ['secrecy_officer'] });
    other = o.client;
    otherOrgId = o.orgId;
    const v = await requester.client.post<{ id: string }>('/api/foreign/visitors', {
      name: 'Jean Dupont',
      nationality: '法国',
      docType: 'passport',
      docNumber: '12AB34567',
    });
    visitorId = v.body.id;
    const vs = await requester.client.post<{ id: string }>('/api/foreign/visits', {
      visitorIds: [visitorId],
      visitOn: day(2),
      endsOn: day(2),
      scope: '展厅',
      route: '东门—展厅',
      escortIds: [requester.personId],
    });
    visitId = vs.body.id;
    const act = await activity(orgId, deptId, officerId, null, [requester.personId]);
    const m = await requester.client.post<{ id: string }>('/api/foreign/materials', material(act));
    assert.equal(m.status, 201, JSON.stringify(m.body));
    materialId = m.body.id;
    // A 绝密 activity nobody below 绝密 may read (the activities part's read rule: clearance).
    secretActivityId = await activity(orgId, deptId, officerId, 'top_secret', [requester.personId]);
  });
  after(() => t.close());

  test('R-DES-08a another organisation: 404 on every route, nothing written', async () => {
    for (const [m, url, body] of [
      ['get', `/api/foreign/visitors/${visitorId}`, undefined],
      [
        'put',
        `/api/foreign/visitors/${visitorId}`,
        { name: 'X', nationality: 'Y', docType: 'passport', docNumber: 'ZZZ1' },
      ],
      ['get', `/api/foreign/visits/${visitId}`, undefined],
      ['post', `/api/foreign/visits/${visitId}/check-in`, undefined],
      ['get', `/api/foreign/visits/${visitId}/sheet.pdf`, undefined],
      ['get', `/api/foreign/materials/${materialId}`, undefined],
      ['put', `/api/foreign/materials/${materialId}`, material(secretActivityId)],
      ['post', `/api/foreign/materials/${materialId}/submit`, undefined],
      ['post', `/api/foreign/materials/${materialId}/provide`, { on: TODAY }],
      ['post', `/api/foreign/materials/${materialId}/close`, { on: TODAY }],
      ['get', `/api/foreign/materials/${materialId}/form.pdf`, undefined],
    ] as const) {
      const e = await refused(
        () =>
          m === 'get'
            ? other.get(url)
            : m === 'put'
              ? other.put(url, body)
              : other.post(url, body as Record<string, unknown> | undefined),
        404,
      );
      assert.ok(!JSON.stringify(e).includes('Jean'), url);
    }
    // Lists never show another organisation's records.
    assert.equal((await other.get<Page<unknown>>('/api/foreign/visitors')).body.total, 0);
    assert.equal((await other.get<Page<unknown>>('/api/foreign/materials')).body.total, 0);
    // A visit of another organisation's visitor and escorts: 404 / 400, nothing written.
    await refused(
      () =>
        officer.post('/api/foreign/visits', {
          visitorIds: [visitorId],
          visitOn: day(1),
          endsOn: day(1),
          scope: '展厅',
          route: '东门',
          escortIds: [otherOrgId],
        }),
      400,
      { code: 'visit_escort_unknown' },
    );
  });

  test('R-FOR-05 a colleague outside the read rule: 403, and nothing in his lists, todos or exports', async () => {
    await refused(() => colleague.client.get(`/api/foreign/visitors/${visitorId}`), 403);
    await refused(() => colleague.client.get(`/api/foreign/visits/${visitId}`), 403);
    await refused(() => colleague.client.get(`/api/foreign/visits/${visitId}/sheet.pdf`), 403);
    await refused(() => colleague.client.post(`/api/foreign/visits/${visitId}/check-in`), 403);
    const lists = await Promise.all([
      colleague.client.get('/api/foreign/visitors'),
      colleague.client.get('/api/foreign/visits'),
      colleague.client.get('/api/foreign/materials'),
      colleague.client.get('/api/todos'),
    ]);
    for (const l of lists) {
      assert.ok(!l.raw.includes('Jean'), l.raw.slice(0, 200));
      assert.ok(!l.raw.includes('项目简介'), l.raw.slice(0, 200));
      assert.ok(!l.raw.includes('12AB34567'));
    }
    await refused(() => colleague.client.get('/api/foreign/visitors/export'), 403);
    await refused(() => colleague.client.get('/api/foreign/materials/export'), 403);
  });

  test('R-FOR-06 a material of an activity the caller may not read: 404, its title never shown', async () => {
    // The requester is a participant but not cleared for 绝密: activityRef answers null.
    await refused(() => requester.client.post('/api/foreign/materials', material(secretActivityId)), 404, {
      field: 'activityId',
    });
    // Another organisation's activity: the same 404.
    await refused(() => other.post('/api/foreign/materials', material(secretActivityId)), 404);
  });

  test('R-SYS-01 the 三员 on every route: 403, nothing written', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      for (const [m, url] of [
        ['get', '/api/foreign/visitors'],
        ['get', `/api/foreign/visitors/${visitorId}`],
        ['get', '/api/foreign/visitors/export'],
        ['get', '/api/foreign/visits'],
        ['post', '/api/foreign/visits'],
        ['get', `/api/foreign/visits/${visitId}/sheet.pdf`],
        ['get', '/api/foreign/materials'],
        ['post', '/api/foreign/materials'],
        ['post', `/api/foreign/materials/${materialId}/submit`],
        ['get', `/api/foreign/materials/${materialId}/form.pdf`],
        ['get', '/api/foreign/key-sites'],
      ] as const)
        await refused(() => (m === 'get' ? a.get(url) : a.post(url, {})), 403, { rule: 'R-SYS-01' });
    }
  });

  test('hostile input: huge, nested, unknown fields, invisible and RTL characters, Infinity, 1900/9999, SQL text', async () => {
    const v = { name: 'A', nationality: '法国', docType: 'passport', docNumber: 'QQ12345' };
    await refused(() => officer.post('/api/foreign/visitors', { ...v, name: 'x'.repeat(101) }), 400);
    await refused(() => officer.post('/api/foreign/visitors', { ...v, name: '\u202e\u200b' }), 400);
    await refused(() => officer.post('/api/foreign/visitors', { ...v, admin: true }), 400);
    await refused(() => officer.post('/api/foreign/visitors', { ...v, docType: 'diplomatic' }), 400);
    await refused(() => officer.post('/api/foreign/visitors', { ...v, name: { $ne: null } }), 400);
    let nested: unknown = 'x';
    for (let i = 0; i < 200; i++) nested = [nested];
    await refused(
      () => officer.post('/api/foreign/materials', material(secretActivityId, { recipients: nested })),
      400,
    );
    await refused(
      () =>
        officer.post(
          '/api/foreign/materials',
          material(secretActivityId, { recipients: Array(21).fill('甲') }),
        ),
      400,
    );
    for (const copies of [Number.POSITIVE_INFINITY, Number.NaN, -1, 0, 1001, 2 ** 53, '3'])
      await refused(
        () => officer.post('/api/foreign/materials', material(secretActivityId, { copies })),
        400,
      );
    for (const d of ['1900-01-01', '9999-12-31', '2026-02-30', 'yesterday'])
      await refused(
        () =>
          officer.post('/api/foreign/visits', {
            visitorIds: [visitorId],
            visitOn: d,
            endsOn: d,
            scope: '展厅',
            route: '东门',
            escortIds: [officerId],
          }),
        400,
      );
    await refused(
      () => requester.client.post(`/api/foreign/materials/${materialId}/provide`, { on: '9999-12-31' }),
      409,
    );
    // Search text is data, not SQL or a LIKE pattern.
    for (const q of ["'; DROP TABLE foreign_visitor; --", '%', '_', '\\'])
      assert.equal(
        (await officer.get<Page<unknown>>(`/api/foreign/visitors?q=${encodeURIComponent(q)}`)).status,
        200,
      );
    assert.equal((await officer.get<Page<unknown>>('/api/foreign/visitors?q=%25')).body.total, 0);
    const huge = await officer.post('/api/foreign/visitors', { ...v, note: 'x'.repeat(2_000_000) });
    assert.ok([400, 413].includes(huge.status), huge.raw.slice(0, 200));
  });

  test('two people changing one record at once: one wins, the other 409 (never 500)', async () => {
    const rs = await Promise.all([
      officer.put(`/api/foreign/visitors/${visitorId}`, {
        name: 'Jean Dupont',
        nationality: '法国',
        docType: 'passport',
        docNumber: '99ZZ11111',
      }),
      requester.client.put(`/api/foreign/visitors/${visitorId}`, {
        name: 'Jean Dupont',
        nationality: '法国',
        docType: 'passport',
        docNumber: '99ZZ11111',
      }),
    ]);
    assert.ok(
      rs.every((r) => r.status === 200 || r.status === 409),
      rs.map((r) => r.raw).join('\n'),
    );
    const twice = await Promise.all([
      requester.client.post(`/api/foreign/visits/${visitId}/check-in`),
      officer.post(`/api/foreign/visits/${visitId}/check-in`),
    ]);
    assert.deepEqual(twice.map((r) => r.status).sort(), [200, 409]);
  });
});
