// An outside tester's attack on the activities part of 涉外活动: ids of another organisation in bodies
// (its department, its people as participants or leading group), hostile input (huge, deeply nested,
// zero-width, Infinity, 1900/9999, a search that looks like SQL), a participant trying to keep the
// activity, another organisation's officer on every step, the 三员 on every route, stale versions, and
// leaks of a title through the ledger, the export, the PDFs and the todos. Each refusal writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
const NIL = '00000000-0000-4000-8000-000000000000';
const PLAN = {
  nature: '交流',
  responsibilities: '办公室',
  measures: '专人陪同',
  reason: '来访',
  programme: '座谈',
  materials: '无',
};

type Activity = { id: string; version: number; state: string; approvalId: string | null; title: string };

describe('foreign activities: the outside attack', () => {
  let t: TestApp;
  let officer: Client;
  let orgId: string;
  let deptId: string;
  let officer2: Client;
  let participant: { client: Client; personId: string };
  let officerB: Client;
  let deptB: string;
  let personB: string;
  let secret: Activity;
  const admins = {} as Record<'sysadmin' | 'secadmin' | 'auditor', Client>;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM foreign_activity) AS a,
                (SELECT count(*)::int FROM foreign_activity_participant) AS p,
                (SELECT count(*)::int FROM foreign_activity_step) AS s,
                (SELECT coalesce(string_agg(state || version || leading_group::text, ',' ORDER BY id), '') FROM foreign_activity) AS st`,
      )
    ).rows[0]!;
  const refused = (run: () => Promise<Response<unknown>>, status: number, want: { code?: string } = {}) =>
    expectRefusal(t, counts, run, status, want);

  const body = (over: Record<string, unknown> = {}) => ({
    kind: 'foreign_meeting',
    title: '机密级合作谈判',
    organiserDepartmentId: deptId,
    startsOn: day(10),
    endsOn: day(11),
    place: '保密会议室',
    foreignParties: [{ kind: 'org', name: '某国际组织', country: '瑞士' }],
    foreignCount: 3,
    topics: [{ title: '合作方案', nationalStrategy: false, economicPolicy: false }],
    level: 'secret',
    classifiedApproved: true,
    plan: PLAN,
    participants: [{ personId: participant.personId }],
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    orgId = u.orgId;
    deptId = u.departmentId;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    participant = await t.member(orgId, deptId, [], 'secret');
    const b = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' });
    officerB = b.client;
    deptB = b.departmentId;
    personB = b.personId;
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) admins[r] = await t.admin(r);
    secret = (await officer.post<Activity>('/api/foreign/activities', body())).body;
    assert.ok(secret.id);
  });
  after(() => t.close());

  test('ids of another organisation in a body: 404, nothing written', async () => {
    await refused(() => officer.post('/api/foreign/activities', body({ organiserDepartmentId: deptB })), 404);
    await refused(
      () => officer.post('/api/foreign/activities', body({ participants: [{ personId: personB }] })),
      404,
    );
    await refused(
      () =>
        officer.put(`/api/foreign/activities/${secret.id}/leading-group`, {
          version: secret.version,
          members: [{ personId: personB }],
        }),
      404,
    );
    await refused(
      () =>
        officer.post(`/api/foreign/activities/${secret.id}/briefings`, {
          personId: personB,
          heldOn: TODAY,
          topics: [...BRIEFING_TOPICS],
          signed: true,
        }),
      404,
    );
  });

  test('hostile input: huge, nested, zero-width, Infinity, 1900/9999, duplicates — 400/413, never 500', async () => {
    const bad: [string, Record<string, unknown>, number][] = [
      ['zero-width title', body({ title: '\u200b\u200c\u2060' }), 400],
      ['blank place', body({ place: '   ' }), 400],
      ['1900', body({ startsOn: '1900-01-01' }), 400],
      ['9999', body({ endsOn: '9999-12-31' }), 400],
      ['year 0', body({ startsOn: '0000-01-01' }), 400],
      ['Infinity count', body({ foreignCount: 1e308 }), 400],
      ['negative count', body({ foreignCount: -1 }), 400],
      ['fractional count', body({ foreignCount: 1.5 }), 400],
      ['unknown kind', body({ kind: 'espionage' }), 400],
      ['unknown level', body({ level: 'cosmic' }), 400],
      ['extra field', body({ state: 'closed' }), 400],
      ['nested plan', body({ plan: { ...PLAN, nature: { $gt: '' } } }), 400],
      [
        'deeply nested party',
        body({ foreignParties: [{ kind: 'org', name: JSON.parse(`${'['.repeat(200)}${']'.repeat(200)}`) }] }),
        400,
      ],
      [
        'too many parties',
        body({ foreignParties: Array.from({ length: 51 }, () => ({ kind: 'org', name: 'x' })) }),
        400,
      ],
      ['a huge title', body({ title: '密'.repeat(201) }), 400],
      [
        'duplicate participant',
        body({ participants: [{ personId: participant.personId }, { personId: participant.personId }] }),
        400,
      ],
      ['classified approved without level', body({ level: null }), 400],
    ];
    for (const [name, b, status] of bad) {
      const e = await refused(() => officer.post('/api/foreign/activities', b), status);
      assert.ok(e.code, name);
    }
    await refused(
      () =>
        officer.post('/api/foreign/activities', {
          ...body(),
          participants: Array.from({ length: 60000 }, () => ({ personId: NIL })),
        }),
      413,
    );
  });

  test('a search that looks like SQL, a bad date filter, a huge page: answered, never 500', async () => {
    const r = await officer.get<{ total: number }>(
      `/api/foreign/activities?q=${encodeURIComponent("' OR 1=1 --%_\\")}`,
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 0);
    assert.equal((await officer.get('/api/foreign/activities?to=9999-99-99')).status, 400);
    assert.equal((await officer.get('/api/foreign/activities?pageSize=100000')).status, 400);
    assert.equal((await officer.get('/api/foreign/activities?sort=password')).status, 400);
  });

  test('a participant reads but does not keep; the officer of another organisation sees nothing', async () => {
    assert.equal((await participant.client.get(`/api/foreign/activities/${secret.id}`)).status, 200);
    await refused(
      () =>
        participant.client.put(`/api/foreign/activities/${secret.id}`, {
          ...body(),
          version: secret.version,
        }),
      403,
    );
    await refused(
      () =>
        participant.client.post(`/api/foreign/activities/${secret.id}/submit`, { version: secret.version }),
      403,
    );
    for (const [m, path, b] of [
      ['get', '', undefined],
      ['put', '', { ...body(), version: 1 }],
      ['post', '/submit', { version: 1 }],
      ['post', '/start', { version: 1 }],
      ['post', '/end', { version: 1 }],
      ['post', '/close', { version: 1 }],
      ['put', '/leading-group', { version: 1, members: [] }],
      ['post', '/inspection', { version: 1, on: TODAY, findings: 'x' }],
      ['put', '/wrap-up', { version: 1, documents: [], summary: '' }],
      ['post', '/check', { version: 1, note: '', suspectedLeak: false }],
      ['get', '/plan.pdf', undefined],
      ['get', '/briefings.pdf', undefined],
    ] as const) {
      const url = `/api/foreign/activities/${secret.id}${path}`;
      const r =
        m === 'get'
          ? await officerB.get(url)
          : m === 'put'
            ? await officerB.put(url, b)
            : await officerB.post(url, b);
      assert.equal(r.status, 404, `${m} ${path}: ${r.raw.slice(0, 200)}`);
      assert.ok(!r.raw.includes(secret.title), 'no title of another organisation');
    }
    const list = await officerB.get<{ total: number }>('/api/foreign/activities');
    assert.equal(list.body.total, 0);
    const x = await officerB.get('/api/foreign/activities/export?format=csv');
    assert.ok(!x.raw.includes(secret.title));
  });

  test('the 三员 on business routes: 403, nothing written', async () => {
    for (const c of Object.values(admins)) {
      await refused(() => c.get('/api/foreign/activities'), 403);
      await refused(() => c.post('/api/foreign/activities', body()), 403);
      await refused(() => c.get(`/api/foreign/activities/${secret.id}`), 403);
      await refused(() => c.post(`/api/foreign/activities/${secret.id}/start`, { version: 1 }), 403);
    }
  });

  test('a stale version: 409; two submissions at once: one 200, one 409', async () => {
    await refused(
      () => officer.post(`/api/foreign/activities/${secret.id}/submit`, { version: secret.version + 5 }),
      409,
      { code: 'stale_version' },
    );
    const [a, b] = await Promise.all([
      officer.post<Activity>(`/api/foreign/activities/${secret.id}/submit`, { version: secret.version }),
      officer2.post<Activity>(`/api/foreign/activities/${secret.id}/submit`, { version: secret.version }),
    ]);
    assert.deepEqual(
      [a.status, b.status].sort(),
      [200, 409],
      `${a.raw.slice(0, 200)} ${b.raw.slice(0, 200)}`,
    );
    const approvals = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM approval WHERE subject_id = $1`,
      [secret.id],
    );
    assert.equal(approvals.rows[0]!.n, 1, 'one approval, not two');
  });

  test('no title leaks through todos to someone who may not read it', async () => {
    const nosy = await t.member(orgId, deptId, ['department_head']);
    // a department head of the organising department, but no clearance for 机密
    const todos = await nosy.client.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(!todos.raw.includes(secret.title), todos.raw.slice(0, 300));
    const list = await nosy.client.get<{ items: { title: string }[] }>('/api/foreign/activities');
    assert.ok(!list.raw.includes(secret.title));
    assert.equal((await nosy.client.get(`/api/foreign/activities/${secret.id}/plan.pdf`)).status, 403);
  });
});
