// The second outside tester's attack on the activities part of 涉外活动 (issue 13): who reads what on
// every read path (detail, ledger, export, PDFs, activityRef, the plan's approval), who may decide the
// plan of an activity he takes part in (R-FOR-03), whether a later check can clear a suspected leak
// (R-FOR-08), and whether a change reads in the audit trail as old → new on every field that matters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { activityRef } from './activity.read.ts';

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
const PLAN = {
  nature: '交流',
  responsibilities: '办公室',
  measures: '专人陪同',
  reason: '来访',
  programme: '座谈',
  materials: '无',
};

type Activity = {
  id: string;
  version: number;
  state: string;
  approvalId: string | null;
  title: string;
  importance: string;
  incidentId: string | null;
  officerCheck: { suspectedLeak: boolean } | null;
};
type AuditEvent = {
  action: string;
  objectId: string | null;
  lines: { field: { zh: string }; from?: { zh: string }; value: { zh: string } }[];
};

describe('foreign activities: the second attack', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let otherDept: string;
  let officer: Client;
  let officerId: string;
  let leaderP: { client: Client; personId: string };
  let leader2: Client;
  let lowLeader: Client;
  let p1: { client: Client; personId: string };
  let p2: { client: Client; personId: string };
  let headOther: Client;
  let lowHead: Client;
  let auditor: Client;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM foreign_activity) AS a,
                (SELECT count(*)::int FROM approval_decision) AS d,
                (SELECT coalesce(string_agg(state || version, ',' ORDER BY id), '') FROM foreign_activity) AS st`,
      )
    ).rows[0]!;
  const refused = (run: () => Promise<Response<unknown>>, status: number, want: { code?: string } = {}) =>
    expectRefusal(t, counts, run, status, want);

  const input = (over: Record<string, unknown> = {}) => ({
    kind: 'reception',
    title: '接待某国代表团',
    organiserDepartmentId: deptId,
    startsOn: day(10),
    endsOn: day(11),
    place: '第一会议室',
    foreignParties: [{ kind: 'org', name: '某代表团', country: '某国' }],
    foreignCount: 12,
    topics: [{ title: '交流', nationalStrategy: false, economicPolicy: false }],
    level: null,
    classifiedApproved: false,
    plan: PLAN,
    participants: [{ personId: p1.personId }],
    ...over,
  });
  const create = async (c: Client, over: Record<string, unknown> = {}) => {
    const r = await c.post<Activity>('/api/foreign/activities', input(over));
    assert.equal(r.status, 201, r.raw);
    return r.body;
  };
  const get = async (id: string) => (await officer.get<Activity>(`/api/foreign/activities/${id}`)).body;
  const decide = (c: Client, approvalId: string, decision: string) =>
    c.post(`/api/approvals/${approvalId}/decide`, { decision, comment: '' });
  const brief = (id: string, personId: string) =>
    officer.post<Activity>(`/api/foreign/activities/${id}/briefings`, {
      personId,
      heldOn: TODAY,
      topics: [...BRIEFING_TOPICS],
      signed: true,
    });
  const step = async (id: string, path: string, body: Record<string, unknown> = {}) => {
    const a = await get(id);
    const r = await officer.post<Activity>(`/api/foreign/activities/${id}/${path}`, {
      version: a.version,
      ...body,
    });
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    leaderP = await t.member(orgId, deptId, ['leader'], 'secret');
    leader2 = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    lowLeader = (await t.member(orgId, deptId, ['leader'], 'confidential')).client;
    p1 = await t.member(orgId, deptId, [], 'secret');
    p2 = await t.member(orgId, deptId, [], 'secret');
    lowHead = (await t.member(orgId, deptId, ['department_head'], 'confidential')).client;
    const d = await t.db.query<{ id: string }>(
      `INSERT INTO department (org_id, name) VALUES ($1, '外事办公室') RETURNING id`,
      [orgId],
    );
    otherDept = d.rows[0]!.id;
    headOther = (await t.member(orgId, otherDept, ['department_head'], 'top_secret')).client;
    auditor = await t.admin('auditor');
  });
  after(() => t.close());

  test('R-FOR-03 a leader who takes part in the activity does not approve its plan (another leader does)', async () => {
    const a = await create(officer, {
      participants: [{ personId: p1.personId }, { personId: leaderP.personId, duty: '团长' }],
    });
    const s = await step(a.id, 'submit');
    assert.equal(s.state, 'plan_submitted');
    await refused(() => decide(leaderP.client, s.approvalId!, 'approve'), 403, {
      code: 'own_activity',
    });
    assert.equal((await decide(leader2, s.approvalId!, 'approve')).status, 200);
    assert.equal((await get(a.id)).state, 'plan_approved');
  });

  test('R-FOR-03 a leader who registered the activity does not approve its plan either', async () => {
    const a = await create(leaderP.client);
    const s = await step(a.id, 'submit'); // submitted by the officer: the engine's initiator is not the leader
    await refused(() => decide(leaderP.client, s.approvalId!, 'approve'), 403, { code: 'own_activity' });
    assert.equal((await decide(leader2, s.approvalId!, 'approve')).status, 200);
  });

  test('R-FOR-08 a later check does not clear a suspected leak; the incident stays, 24 h on the clock', async () => {
    const a = await create(officer, { foreignCount: 0, title: '出访某国' });
    await step(a.id, 'submit');
    assert.equal((await decide(leader2, (await get(a.id)).approvalId!, 'approve')).status, 200);
    assert.equal((await brief(a.id, p1.personId)).status, 200);
    await step(a.id, 'start');
    const c1 = await step(a.id, 'check', {
      note: '检查',
      suspectedLeak: true,
      leakDescription: '随行人员笔记本遗失',
    });
    assert.ok(c1.incidentId);
    const inc = await t.db.query<{ h: number }>(
      `SELECT extract(epoch FROM report_deadline - discovered_at)::int / 3600 AS h FROM incident WHERE id = $1`,
      [c1.incidentId],
    );
    assert.equal(inc.rows[0]?.h, 24);
    const c2 = await step(a.id, 'check', { note: '复查，未见异常', suspectedLeak: false });
    assert.equal(c2.incidentId, c1.incidentId);
    assert.equal(c2.officerCheck?.suspectedLeak, true, 'the suspected leak stays on the record');
  });

  test('R-FOR-02 downgrading 重要 after approval (12 → 9 foreign participants) reopens the plan and reads old → new in the audit trail', async () => {
    const a = await create(officer, { title: '接待十二人代表团' });
    assert.equal(a.importance, 'major');
    await step(a.id, 'submit');
    assert.equal((await decide(leader2, (await get(a.id)).approvalId!, 'approve')).status, 200);
    const before = await get(a.id);
    const head0 = await t.auditHead();
    const r = await officer.put<Activity>(`/api/foreign/activities/${a.id}`, {
      ...input({
        title: '接待十二人代表团',
        foreignCount: 9,
        participants: [{ personId: p1.personId }, { personId: p2.personId }],
        topics: [{ title: '交流', nationalStrategy: true, economicPolicy: false }],
      }),
      version: before.version,
    });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.state, 'plan_submitted');
    const ev = (await auditEventsSince(t.db, head0)).find((e) => e.action === 'foreign.update')!;
    const s = ev.summary as { from: Record<string, unknown>; to: Record<string, unknown> };
    assert.equal(s.from.foreignCount, 12);
    assert.equal(s.to.foreignCount, 9);
    assert.ok(s.to.participants, JSON.stringify(s));
    assert.ok(s.to.topics, JSON.stringify(s));
    assert.equal('place' in s.to, false, 'unchanged fields are not listed');
    // business users' events are read by the security administrator (R-SYS-01)
    const page = await (await t.admin('secadmin')).get<{ items: AuditEvent[] }>(
      `/api/audit?action=foreign.update&objectId=${a.id}`,
    );
    assert.equal(page.status, 200, page.raw);
    const lines = page.body.items[0]!.lines.map((l) => `${l.field.zh}：${l.from?.zh ?? ''} → ${l.value.zh}`);
    assert.ok(
      lines.some((l) => l.startsWith('境外人员人数：12 → 9')),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => l.startsWith('我方参加人员：') && l.includes('、')),
      lines.join('\n'),
    );
    if (process.env.FATK_SHOW) console.log(lines.join('\n'));
  });

  test('every read path: a participant removed no longer reads; another department’s head, a lower clearance, the 三员 never', async () => {
    const a = await create(officer, {
      title: '机密级座谈',
      level: 'secret',
      classifiedApproved: true,
      participants: [{ personId: p1.personId }, { personId: p2.personId }],
    });
    const paths = [
      `/api/foreign/activities/${a.id}`,
      `/api/foreign/activities/${a.id}/plan.pdf`,
      `/api/foreign/activities/${a.id}/briefings.pdf`,
    ];
    for (const p of paths) assert.equal((await p2.client.get(p)).status, 200, p);
    const ref = async (personId: string, c: { orgId: string; departmentId: string | null }) =>
      t.db.tx((sql) =>
        activityRef(
          sql,
          {
            accountId: personId,
            personId,
            orgId: c.orgId,
            departmentId: c.departmentId,
            position: '',
            clearance: 'secret',
            roles: [],
          },
          a.id,
        ),
      );
    assert.ok(await ref(p2.personId, { orgId, departmentId: deptId }));
    // removed from the activity
    const cur = await get(a.id);
    assert.equal(
      (
        await officer.put(`/api/foreign/activities/${a.id}`, {
          ...input({
            title: '机密级座谈',
            level: 'secret',
            classifiedApproved: true,
            participants: [{ personId: p1.personId }],
          }),
          version: cur.version,
        })
      ).status,
      200,
    );
    for (const p of paths) assert.equal((await p2.client.get(p)).status, 403, p);
    const list = await p2.client.get<{ items: { id: string }[] }>('/api/foreign/activities');
    assert.equal(
      list.body.items.some((x) => x.id === a.id),
      false,
    );
    assert.equal(await ref(p2.personId, { orgId, departmentId: deptId }), null);
    // the head of another department; the organiser's head and a leader below the level
    for (const c of [headOther, lowHead, lowLeader]) {
      for (const p of paths) assert.equal((await c.get(p)).status, 403, p);
      const l = await c.get<{ items: { id: string; title: string }[] }>('/api/foreign/activities');
      assert.equal(
        l.body.items.some((x) => x.id === a.id || x.title === '机密级座谈'),
        false,
      );
      const x = await c.get('/api/foreign/activities/export?format=csv');
      if (x.status === 200) assert.doesNotMatch(x.raw, /机密级座谈/);
    }
    // the 三员: 403 on every read path
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const c = r === 'auditor' ? auditor : await t.admin(r);
      for (const p of [...paths, '/api/foreign/activities', '/api/foreign/activities/export'])
        assert.equal((await c.get(p)).status, 403, `${r} ${p}`);
    }
    // the plan's approval: a leader below the level sees no title in his list and cannot open it
    const s = await step(a.id, 'submit');
    const waiting = await lowLeader.get<{ items: { id: string; title: string }[] }>('/api/approvals');
    assert.doesNotMatch(JSON.stringify(waiting.body), /机密级座谈/);
    assert.equal((await lowLeader.get(`/api/approvals/${s.approvalId}`)).status, 403);
  });

  test('the PDFs and the export are audited as reads (foreign.print, foreign.export)', async () => {
    const a = await create(officer, { title: '打印审计' });
    const head0 = await t.auditHead();
    assert.equal((await officer.get(`/api/foreign/activities/${a.id}/plan.pdf`)).status, 200);
    assert.equal((await officer.get(`/api/foreign/activities/${a.id}/briefings.pdf`)).status, 200);
    assert.equal((await officer.get('/api/foreign/activities/export?format=csv')).status, 200);
    const acts = (await auditEventsSince(t.db, head0)).map((e) => e.action);
    assert.equal(acts.filter((x) => x === 'foreign.print').length, 2, acts.join());
    assert.ok(acts.includes('foreign.export'), acts.join());
  });

  test('hostile input: Feb 30, Feb 29 of a common year, negative or huge counts, zero-width names, 201 participants, HTML and SQL-like text reaching the PDF: 400 or stored as text, never 500', async () => {
    for (const over of [
      { startsOn: `${TODAY.slice(0, 4)}-02-30` },
      { endsOn: `${Number(TODAY.slice(0, 4)) + 1}-02-29` },
      { foreignCount: -1 },
      { foreignCount: 1.5 },
      { foreignCount: '1e999' },
      { title: '\u200b\u200c\u200d\ufeff' },
      { foreignParties: [{ kind: 'org', name: '\u200b\u2060', country: '' }] },
      { topics: [{ title: '\u200b', nationalStrategy: true, economicPolicy: false }] },
      { participants: Array.from({ length: 201 }, () => ({ personId: p1.personId })) },
    ])
      await refused(() => officer.post('/api/foreign/activities', input(over)), 400).catch((e: unknown) => {
        throw new Error(`${JSON.stringify(over).slice(0, 80)}: ${String(e)}`);
      });
    const a = await create(officer, {
      title: `<script>alert(1)</script>'; DROP TABLE foreign_activity; --`,
      place: '<b>会议室</b>',
    });
    const pdf = await officer.get(`/api/foreign/activities/${a.id}/plan.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal((await get(a.id)).title, `<script>alert(1)</script>'; DROP TABLE foreign_activity; --`);
  });

  test('R-FOR-03 a change without the version it was made on is refused (no lost update); two changes at once: 200 and 409', async () => {
    const a = await create(officer, { title: '两人同时修改' });
    await refused(() => officer.put(`/api/foreign/activities/${a.id}`, input({ place: '甲' })), 400, {
      code: 'version_required',
    });
    const [r1, r2] = await Promise.all([
      officer.put(`/api/foreign/activities/${a.id}`, { ...input({ place: '甲' }), version: a.version }),
      officer.put(`/api/foreign/activities/${a.id}`, { ...input({ place: '乙' }), version: a.version }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409], `${r1.raw} ${r2.raw}`);
  });

  test('R-FOR-02 a higher threshold set after the plan was approved does not lower 重要 (the leading group and inspection stay due)', async () => {
    const a = await create(officer, { title: '批准后调高标准', foreignCount: 12 });
    await step(a.id, 'submit');
    assert.equal((await decide(leader2, (await get(a.id)).approvalId!, 'approve')).status, 200);
    const rules = (await officer.get<Record<string, number>>('/api/foreign/activities/settings')).body;
    try {
      assert.equal(
        (await officer.put('/api/foreign/activities/settings', { ...rules, majorForeignCount: 13 })).status,
        200,
      );
      const d = await get(a.id);
      assert.equal(d.importance, 'major', 'approved as 重要, stays 重要');
      const l = await officer.get<{ items: { id: string; importance: string }[] }>(
        '/api/foreign/activities?importance=major',
      );
      assert.ok(l.body.items.some((x) => x.id === a.id));
      // nor through an unchanged save of the approved activity
      const same = await officer.put<Activity>(`/api/foreign/activities/${a.id}`, {
        ...input({ title: '批准后调高标准', foreignCount: 12 }),
        version: d.version,
      });
      assert.equal(same.status, 200, same.raw);
      assert.equal(same.body.state, 'plan_approved');
      assert.equal(same.body.importance, 'major');
      const l2 = await officer.get<{ items: { id: string }[] }>('/api/foreign/activities?importance=major');
      assert.ok(l2.body.items.some((x) => x.id === a.id));
      assert.equal((await brief(a.id, p1.personId)).status, 200);
      await step(a.id, 'start');
      await step(a.id, 'end');
      const w = await get(a.id);
      assert.equal(
        (
          await officer.put(`/api/foreign/activities/${a.id}/wrap-up`, {
            version: w.version,
            documents: [],
            summary: '顺利完成',
          })
        ).status,
        200,
      );
      await step(a.id, 'check', { note: '未见异常', suspectedLeak: false });
      const c = await get(a.id);
      await refused(() => officer.post(`/api/foreign/activities/${a.id}/close`, { version: c.version }), 409);
      // a draft follows the unit's new threshold at once
      const draft = await create(officer, { title: '草稿随标准', foreignCount: 12 });
      assert.equal(draft.importance, 'ordinary');
    } finally {
      await officer.put('/api/foreign/activities/settings', rules);
    }
  });

  test('client-sent importance, state or organisation are not taken: 400 or ignored, the server computes', async () => {
    for (const extra of [
      { important: true },
      { importance: 'major' },
      { state: 'closed' },
      { orgId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const r = await officer.post<Activity>('/api/foreign/activities', {
        ...input({ foreignCount: 0, title: '强制字段' }),
        ...extra,
      });
      assert.ok([201, 400].includes(r.status), r.raw);
      if (r.status === 201) {
        assert.equal(r.body.importance, 'ordinary');
        assert.equal(r.body.state, 'draft');
      }
    }
  });

  test('R-FOR-08 a secrecy officer who took part in the activity does not record its check; another officer does', async () => {
    const me = officerId;
    const officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    const a = await create(officer, {
      foreignCount: 0,
      title: '保密员随团出访',
      participants: [{ personId: p1.personId }, { personId: me }],
    });
    await step(a.id, 'submit');
    assert.equal((await decide(leader2, (await get(a.id)).approvalId!, 'approve')).status, 200);
    assert.equal((await brief(a.id, p1.personId)).status, 200);
    const b2 = await officer2.post<Activity>(`/api/foreign/activities/${a.id}/briefings`, {
      personId: me,
      heldOn: TODAY,
      topics: [...BRIEFING_TOPICS],
      signed: true,
    });
    assert.equal(b2.status, 200, b2.raw);
    await step(a.id, 'start');
    const s = await get(a.id);
    await refused(
      () =>
        officer.post(`/api/foreign/activities/${a.id}/check`, {
          version: s.version,
          note: '自查',
          suspectedLeak: false,
        }),
      403,
      { code: 'own_activity' },
    );
    const ok = await officer2.post<Activity>(`/api/foreign/activities/${a.id}/check`, {
      version: s.version,
      note: '检查',
      suspectedLeak: false,
    });
    assert.equal(ok.status, 200, ok.raw);
  });
});
