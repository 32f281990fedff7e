// 泄密事件 over HTTP (R-INC-01, the first piece of the incidents module): the record opened through the
// module's one function, its deadline 24 hours on the clock (across a month end and a leap day, shown in
// China time), the todo to the secrecy officers and leaders until reported, the list and the audited
// detail under the one read rule (clearance, knowledge scope, organisation), "reported" once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StateSecretLevel } from '@baomi/domain';
import { SYSTEM_ACTOR } from '../audit/chain.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { openIncident } from './service.ts';

type Incident = {
  id: string;
  title: string;
  status: string;
  reportDeadline: string;
  reportDeadlineText: string;
  deadlineState: string;
  reportedAt: string | null;
  abilities: Record<string, { allowed: boolean }>;
};
type Todos = { items: { title: string; link: string; dueAt: string; kind: string }[] };

describe('incidents (R-INC-01)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officerId: string;
  let officer: Client;
  let leader: Client;
  let staff: Client;
  let custodian: { client: Client; personId: string };
  let lowOfficer: Client; // secrecy officer cleared for 秘密 only
  let other: Client;

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM incident) AS incidents,
                (SELECT count(*)::int FROM incident WHERE status = 'reported') AS reported`,
      )
    ).rows[0]!;
  const refused = (run: () => Promise<Response<unknown>>, status: number, want: { code?: string } = {}) =>
    expectRefusal(t, counts, run, status, want);

  const make = (discoveredAt: Date, level: StateSecretLevel = 'secret', title = '测试缺失载体') =>
    t.db.tx((sql) =>
      openIncident(sql, SYSTEM_ACTOR, {
        orgId,
        title,
        level,
        knowScope: { personIds: [], departmentIds: [], positions: [] },
        source: 'manual',
        discoveredAt,
        discoveredByPersonId: officerId,
        custodianPersonId: custodian.personId,
      }),
    );

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    leader = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    staff = (await t.member(orgId, deptId, ['staff'], 'secret')).client;
    custodian = await t.member(orgId, deptId, ['staff'], 'secret');
    lowOfficer = (await t.member(orgId, deptId, ['secrecy_officer'], 'confidential')).client;
    other = (await t.businessUser({ roles: ['secrecy_officer', 'leader'], clearance: 'top_secret' })).client;
  });
  after(() => t.close());

  const cases: [string, string, string][] = [
    ['at a month end (30 November, China time)', '2026-11-30T10:00:00Z', '2026-12-01 18:00'],
    ['the day before a leap day', '2028-02-28T10:00:00Z', '2028-02-29 18:00'],
    ['on a leap day, after China midnight', '2028-02-29T17:00:00Z', '2028-03-02 01:00'],
    ['at a year end', '2026-12-31T15:30:00Z', '2027-01-01 23:30'],
  ];
  for (const [name, at, want] of cases)
    test(`R-INC-01 discovered ${name}: due 24 hours later on the clock, shown in China time, in the todos`, async () => {
      const d = new Date(at);
      const { id } = await make(d);
      const r = await officer.get<Incident>(`/api/incidents/${id}`);
      assert.equal(r.status, 200, r.raw);
      assert.equal(new Date(r.body.reportDeadline).getTime(), d.getTime() + 86_400_000);
      assert.equal(r.body.reportDeadlineText, want);
      for (const who of [officer, leader]) {
        const todos = await who.get<Todos>('/api/todos');
        const x = todos.body.items.find((i) => i.link === `/incidents/${id}`);
        assert.ok(x, 'a todo');
        assert.equal(x.kind, 'deadline');
        assert.ok(x.title.includes(`须于${want}（北京时间）前报告`), x.title);
      }
    });

  test('R-INC-01 R-PER-01 who sees it: officer, leader, custodian; not staff, not below the level, not another organisation', async () => {
    const { id } = await make(new Date(), 'secret', '可见性测试事件');
    const head = await t.auditHead();
    assert.equal((await officer.get(`/api/incidents/${id}`)).status, 200);
    assert.equal((await leader.get(`/api/incidents/${id}`)).status, 200);
    assert.equal((await custodian.client.get(`/api/incidents/${id}`)).status, 200);
    const reads = (await auditEventsSince(t.db, head)).filter((e) => e.action === 'incident.read');
    assert.equal(reads.length, 3, 'every detail read audited');
    await refused(() => staff.get(`/api/incidents/${id}`), 403);
    await refused(() => lowOfficer.get(`/api/incidents/${id}`), 403);
    await refused(() => other.get(`/api/incidents/${id}`), 404);
    await refused(() => officer.get('/api/incidents/00000000-0000-4000-8000-000000000000'), 404);
    const low = await lowOfficer.get<{ items: { id: string }[] }>('/api/incidents');
    assert.ok(!low.body.items.some((i) => i.id === id));
    const lowTodos = await lowOfficer.get<Todos>('/api/todos');
    assert.ok(!JSON.stringify(lowTodos.body).includes('可见性测试事件'));
    const staffList = await staff.get<{ items: unknown[]; total: number }>('/api/incidents');
    assert.equal(staffList.body.total, 0);
    const otherList = await other.get<{ items: unknown[] }>('/api/incidents');
    assert.equal(otherList.body.items.length, 0);
  });

  test('R-INC-01 reported once, by the secrecy officer or a leader; the todo goes away', async () => {
    const { id } = await make(new Date(), 'secret', '报告测试事件');
    await refused(() => staff.post(`/api/incidents/${id}/report`, {}), 403);
    await refused(() => custodian.client.post(`/api/incidents/${id}/report`, {}), 403);
    await refused(() => officer.post(`/api/incidents/${id}/report`, { note: 'x'.repeat(501) }), 400);
    const head = await t.auditHead();
    const r = await leader.post<Incident>(`/api/incidents/${id}/report`, { note: '已电话报告市保密局' });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.status, 'reported');
    assert.equal(r.body.deadlineState, 'reported');
    assert.equal(r.body.abilities.report!.allowed, false);
    assert.ok((await auditEventsSince(t.db, head)).some((e) => e.action === 'incident.report'));
    const e = await refused(() => officer.post(`/api/incidents/${id}/report`, {}), 409, {
      code: 'incident_already_reported',
    });
    assert.match(e.zh, /已于.+（北京时间）报告/u);
    const todos = await officer.get<Todos>('/api/todos');
    assert.ok(!todos.body.items.some((i) => i.link === `/incidents/${id}`));
    const list = await officer.get<{ items: { id: string; status: string }[] }>(
      '/api/incidents?status=reported',
    );
    assert.deepEqual(
      list.body.items.map((i) => i.id),
      [id],
    );
  });
});
