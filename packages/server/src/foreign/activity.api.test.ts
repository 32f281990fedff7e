// 涉外活动 over HTTP (R-FOR-01 … R-FOR-04, R-FOR-08): a 重要 reception from registration to closing —
// importance computed by the server with its reasons; the plan refused while incomplete; approved by the
// leader; a change after approval reopens the approval and blocks the start; the start refused without
// briefings (naming the participants) and without a classified participant's papers; briefings recorded
// through the personnel module; the close of a 重要 activity refused without leading group and
// inspection; a suspected leak opens an incident at once; two officers at once 409; bad dates 400;
// the read rule (another organisation 404, a colleague 403, the 三员 403); ledger, export, PDFs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { activityRef } from './activity.read.ts';

const NIL_ORG = '00000000-0000-4000-8000-000000000000';

type Activity = {
  id: string;
  state: string;
  version: number;
  importance: string;
  majorReasons: { code: string; label: { zh: string } }[];
  approvalId: string | null;
  approvalStatus: string | null;
  participants: { personId: string; name: string; briefed: boolean; classified: boolean }[];
  incidentId: string | null;
  abilities: Record<string, { allowed: boolean }>;
  steps: { kind: string }[];
};

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
const PLAN = {
  nature: '外事接待，公开交流',
  responsibilities: '办公室负责接待，保密员负责现场监督',
  measures: '限定参观路线，禁止拍照录像，专人陪同',
  reason: '应邀来访',
  programme: '座谈、参观实验室外景',
  materials: '公开宣传册',
};

describe('foreign-affairs activities (R-FOR-01 … R-FOR-04, R-FOR-08)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officer2: Client;
  let leader: Client;
  let head: Client;
  let p1: { client: Client; personId: string };
  let p2: { client: Client; personId: string };
  let colleague: Client;
  let other: Client;
  let sysadmin: Client;
  let a: Activity;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM foreign_activity) AS activities,
                (SELECT count(*)::int FROM foreign_activity_step) AS steps,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT count(*)::int FROM personnel_briefing) AS briefings,
                (SELECT coalesce(string_agg(state || version, ',' ORDER BY id), '') FROM foreign_activity) AS states`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  async function changed<T>(run: () => Promise<Response<T>>, status: number, ...actions: string[]) {
    const head0 = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head0);
    for (const x of actions)
      assert.ok(
        events.some((e) => e.action === x),
        `audit ${x}: ${events.map((e) => e.action).join()}`,
      );
    return r.body;
  }

  const input = (over: Record<string, unknown> = {}) => ({
    kind: 'reception',
    title: '接待德国某大学代表团',
    organiserDepartmentId: deptId,
    startsOn: day(10),
    endsOn: day(11),
    place: '本单位第一会议室',
    foreignParties: [{ kind: 'org', name: '某大学', country: '德国' }],
    foreignCount: 12,
    topics: [{ title: '学术交流', nationalStrategy: false, economicPolicy: false }],
    level: null,
    classifiedApproved: false,
    plan: PLAN,
    participants: [{ personId: p1.personId, duty: '主谈' }, { personId: p2.personId }],
    ...over,
  });
  const get = async (id: string) => (await officer.get<Activity>(`/api/foreign/activities/${id}`)).body;
  const decide = (c: Client, approvalId: string, decision: string) =>
    c.post(`/api/approvals/${approvalId}/decide`, { decision, comment: '' });
  const brief = (personId: string) =>
    officer.post<Activity>(`/api/foreign/activities/${a.id}/briefings`, {
      personId,
      heldOn: TODAY,
      topics: [...BRIEFING_TOPICS],
      signed: true,
    });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    orgId = u.orgId;
    deptId = u.departmentId;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    leader = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    head = (await t.member(orgId, deptId, ['department_head'])).client;
    p1 = await t.member(orgId, deptId, []);
    p2 = await t.member(orgId, deptId, []);
    colleague = (await t.member(orgId, deptId, [])).client;
    other = (await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' })).client;
    sysadmin = await t.admin('sysadmin');
    // p2 holds a classified post: he also signs a commitment and a registration form (R-FOR-04).
    await t.db.query(
      `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, left_on, created_by_person_id)
       VALUES ($1, $2, '科研岗', 'important', '2020-01-01', NULL, $2)`,
      [orgId, p2.personId],
    );
  });
  after(() => t.close());

  test('R-FOR-01 bad dates (1900, 9999, end before start) and a stranger as participant: 400/404, nothing written', async () => {
    await refused(() => officer.post('/api/foreign/activities', input({ startsOn: '1900-01-01' })), 400, {
      field: 'startsOn',
    });
    await refused(() => officer.post('/api/foreign/activities', input({ endsOn: '9999-12-31' })), 400, {
      field: 'endsOn',
    });
    await refused(() => officer.post('/api/foreign/activities', input({ endsOn: day(5) })), 400, {
      code: 'ends_before_start',
    });
    await refused(() => officer.post('/api/foreign/activities', input({ startsOn: '2026-02-30' })), 400);
    await refused(() => officer.post('/api/foreign/activities', input({ title: '\u200b\u200b' })), 400);
    await refused(() => officer.post('/api/foreign/activities', input({ foreignCount: 1e12 })), 400);
  });

  test('R-FOR-02 the server computes 重要 and says why (12 foreign participants ≥ 10)', async () => {
    a = await changed(
      () => officer.post<Activity>('/api/foreign/activities', input({ plan: { ...PLAN, measures: '' } })),
      201,
      'foreign.create',
    );
    assert.equal(a.importance, 'major');
    assert.deepEqual(
      a.majorReasons.map((r) => r.code),
      ['foreign_count'],
    );
    assert.match(a.majorReasons[0]!.label.zh, /12人/);
    const ordinary = await officer.post<Activity>(
      '/api/foreign/activities',
      input({ foreignCount: 9, title: '一般来访', participants: [] }),
    );
    assert.equal(ordinary.body.importance, 'ordinary');
  });

  test('R-FOR-03 an incomplete plan is not submitted; the start before approval is refused', async () => {
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/submit`, { version: a.version }), 409, {
      code: 'plan_incomplete',
      rule: 'R-FOR-03',
    });
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/start`, { version: a.version }), 409, {
      rule: 'R-FOR-03',
    });
    a = await changed(
      () => officer.put<Activity>(`/api/foreign/activities/${a.id}`, { ...input(), version: a.version }),
      200,
      'foreign.update',
    );
    assert.equal(a.state, 'draft');
  });

  test('R-FOR-03 submitted and approved by the leader; a change after approval reopens it and blocks the start', async () => {
    a = await changed(
      () => head.post<Activity>(`/api/foreign/activities/${a.id}/submit`, { version: a.version }),
      200,
      'foreign.plan_submit',
      'approval.open',
    );
    assert.equal(a.state, 'plan_submitted');
    // the plan awaiting approval is the leader's todo (the approvals' own), linked to the activity
    const todos = await leader.get<{ items: { title: string; link: string | null }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => x.title.includes('涉外活动保密工作方案')),
      JSON.stringify(todos.body.items),
    );
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/start`, { version: a.version }), 409, {
      code: 'plan_not_approved',
    });
    // a staff member cannot approve; the leader can
    assert.ok([403, 404].includes((await decide(colleague, a.approvalId!, 'approve')).status));
    await changed(
      () => decide(leader, a.approvalId!, 'approve'),
      200,
      'approval.approve',
      'foreign.plan_settled',
    );
    a = await get(a.id);
    assert.equal(a.state, 'plan_approved');
    // a change after approval: back to awaiting approval, the approval reopened
    a = await changed(
      () =>
        officer.put<Activity>(`/api/foreign/activities/${a.id}`, {
          ...input({ place: '本单位第二会议室' }),
          version: a.version,
        }),
      200,
      'foreign.update',
      'approval.reopen',
    );
    assert.equal(a.state, 'plan_submitted');
    assert.equal(a.approvalStatus, 'pending');
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/start`, { version: a.version }), 409, {
      code: 'plan_not_approved',
    });
    await changed(() => decide(leader, a.approvalId!, 'approve'), 200, 'foreign.plan_settled');
    a = await get(a.id);
    assert.equal(a.state, 'plan_approved');
  });

  test('R-FOR-04 participants without a valid briefing block the start, named; then the classified one’s papers', async () => {
    const e = await refused(
      () => officer.post(`/api/foreign/activities/${a.id}/start`, { version: a.version }),
      409,
      { code: 'participants_unbriefed', rule: 'R-FOR-04' },
    );
    assert.match(e.zh, /成员\d+/);
    assert.equal(a.abilities.start?.allowed, false);
    // only the secrecy officer registers a briefing (the personnel module's record)
    assert.equal(
      (
        await head.post(`/api/foreign/activities/${a.id}/briefings`, {
          personId: p1.personId,
          heldOn: TODAY,
          topics: [...BRIEFING_TOPICS],
          signed: true,
        })
      ).status,
      403,
    );
    await changed(() => brief(p1.personId), 200, 'foreign.briefing', 'personnel.briefing');
    a = (await brief(p2.personId)).body;
    assert.ok(a.participants.every((p) => p.briefed));
    assert.equal(a.participants.find((p) => p.personId === p2.personId)?.classified, true);
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/start`, { version: a.version }), 409, {
      code: 'participants_unsigned',
    });
    a = await changed(
      () =>
        officer.put<Activity>(`/api/foreign/activities/${a.id}/participants/${p2.personId}/papers`, {
          version: a.version,
          commitmentSigned: true,
          registrationFiled: true,
        }),
      200,
      'foreign.papers',
    );
    a = await changed(
      () => officer.post<Activity>(`/api/foreign/activities/${a.id}/start`, { version: a.version }),
      200,
      'foreign.start',
    );
    assert.equal(a.state, 'started');
  });

  test('two officers end the activity at once: one succeeds, the other 409 (not 500)', async () => {
    const [r1, r2] = await Promise.all([
      officer.post<Activity>(`/api/foreign/activities/${a.id}/end`, { version: a.version }),
      officer2.post<Activity>(`/api/foreign/activities/${a.id}/end`, { version: a.version }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409], `${r1.raw} ${r2.raw}`);
    a = await get(a.id);
    assert.equal(a.state, 'ended');
  });

  test('R-FOR-03, R-FOR-08 closing a 重要 activity needs the leading group, its inspection, documents, summary and the officer’s check', async () => {
    await refused(() => officer.post(`/api/foreign/activities/${a.id}/close`, { version: a.version }), 409, {
      code: 'no_leading_group',
    });
    a = (
      await officer.put<Activity>(`/api/foreign/activities/${a.id}/wrap-up`, {
        version: a.version,
        documents: [{ title: '会谈纪要', copies: 2, returned: false }],
        summary: '活动顺利，未发现泄密。',
      })
    ).body;
    a = (
      await officer.put<Activity>(`/api/foreign/activities/${a.id}/leading-group`, {
        version: a.version,
        members: [{ personId: p1.personId, duty: '组长' }],
      })
    ).body;
    a = (
      await officer.post<Activity>(`/api/foreign/activities/${a.id}/check`, {
        version: a.version,
        note: '已检查',
        suspectedLeak: false,
      })
    ).body;
    const e = await refused(
      () => officer.post(`/api/foreign/activities/${a.id}/close`, { version: a.version }),
      409,
      { code: 'no_inspection' },
    );
    assert.ok(e.zh.includes('现场检查'));
    // the inspection is recorded by a member of the group (p1), between the start and today
    await refused(
      () =>
        p1.client.post(`/api/foreign/activities/${a.id}/inspection`, {
          version: a.version,
          on: '1900-01-01',
          findings: '检查',
        }),
      400,
    );
    a = await changed(
      () =>
        p1.client.post<Activity>(`/api/foreign/activities/${a.id}/inspection`, {
          version: a.version,
          on: TODAY,
          findings: '现场无拍照录像',
        }),
      200,
      'foreign.inspection',
    );
    const e2 = await refused(
      () => officer.post(`/api/foreign/activities/${a.id}/close`, { version: a.version }),
      409,
      { code: 'documents_outstanding' },
    );
    assert.ok(e2.zh.includes('会谈纪要'));
    a = (
      await officer.put<Activity>(`/api/foreign/activities/${a.id}/wrap-up`, {
        version: a.version,
        documents: [{ title: '会谈纪要', copies: 2, returned: true }],
        summary: '活动顺利，未发现泄密。',
      })
    ).body;
    a = await changed(
      () => officer.post<Activity>(`/api/foreign/activities/${a.id}/close`, { version: a.version }),
      200,
      'foreign.close',
    );
    assert.equal(a.state, 'closed');
    assert.ok(a.steps.some((s) => s.kind === 'inspection'));
  });

  test('R-FOR-08 a suspected leak opens a leak incident at once (24-hour deadline)', async () => {
    let b = (
      await officer.post<Activity>(
        '/api/foreign/activities',
        input({
          title: '出访日本',
          kind: 'travel_abroad',
          foreignCount: 0,
          participants: [{ personId: p1.personId }],
        }),
      )
    ).body;
    b = (await officer.post<Activity>(`/api/foreign/activities/${b.id}/submit`, { version: b.version })).body;
    await decide(leader, b.approvalId!, 'approve');
    b = await get(b.id);
    b = (await officer.post<Activity>(`/api/foreign/activities/${b.id}/start`, { version: b.version })).body;
    assert.equal(b.state, 'started', JSON.stringify(b.abilities.start));
    await refused(
      () =>
        officer.post(`/api/foreign/activities/${b.id}/check`, {
          version: b.version,
          note: '',
          suspectedLeak: true,
        }),
      400,
      { field: 'leakDescription' },
    );
    b = await changed(
      () =>
        officer.post<Activity>(`/api/foreign/activities/${b.id}/check`, {
          version: b.version,
          note: '发现疑似泄密',
          suspectedLeak: true,
          leakDescription: '随行人员手机丢失',
        }),
      200,
      'incident.open',
      'foreign.officer_check',
    );
    assert.ok(b.incidentId);
    const inc = await t.db.query<{ h: number }>(
      `SELECT extract(epoch FROM report_deadline - discovered_at)::int / 3600 AS h FROM incident WHERE id = $1`,
      [b.incidentId],
    );
    assert.equal(inc.rows[0]?.h, 24);
  });

  test('the read rule: another organisation 404, a colleague 403, the 三员 403, a participant reads; reads audited', async () => {
    await refused(() => other.get(`/api/foreign/activities/${a.id}`), 404);
    await refused(() => colleague.get(`/api/foreign/activities/${a.id}`), 403);
    await refused(() => sysadmin.get(`/api/foreign/activities/${a.id}`), 403);
    await refused(() => sysadmin.get('/api/foreign/activities'), 403);
    await changed(() => p2.client.get(`/api/foreign/activities/${a.id}`), 200, 'foreign.read');
    const mine = await colleague.get<{ total: number }>('/api/foreign/activities');
    assert.equal(mine.body.total, 0, 'no title of an activity he may not read');
    const theirs = await other.get<{ total: number }>('/api/foreign/activities');
    assert.equal(theirs.body.total, 0);
    await refused(() => colleague.get(`/api/foreign/activities/${a.id}/plan.pdf`), 403);
  });

  test('a classified activity needs a clearance covering its level', async () => {
    const c = (
      await officer.post<Activity>(
        '/api/foreign/activities',
        input({
          title: '涉密合作谈判',
          level: 'secret',
          classifiedApproved: true,
          participants: [{ personId: p1.personId }],
        }),
      )
    ).body;
    assert.deepEqual(
      c.majorReasons.map((r) => r.code),
      ['foreign_count', 'classified_approved'],
    );
    // p1 (no clearance) is a participant, but the activity is 机密: 403, and not in his list
    await refused(() => p1.client.get(`/api/foreign/activities/${c.id}`), 403, { code: 'clearance_too_low' });
    const list = await p1.client.get<{ items: { id: string }[] }>('/api/foreign/activities?pageSize=100');
    assert.ok(!list.body.items.some((x) => x.id === c.id));
  });

  test('the ledger: filters, pinyin sort, paging, export and PDFs (audited)', async () => {
    const major = await officer.get<{ items: { importance: string }[]; total: number }>(
      '/api/foreign/activities?importance=major&kind=reception',
    );
    assert.ok(major.body.total >= 1);
    assert.ok(major.body.items.every((x) => x.importance === 'major'));
    const closed = await officer.get<{ total: number }>('/api/foreign/activities?state=closed');
    assert.equal(closed.body.total, 1);
    const byTitle = await officer.get<{ items: { title: string }[] }>(
      '/api/foreign/activities?sort=title&order=asc',
    );
    const titles = byTitle.body.items.map((x) => x.title);
    assert.equal(titles[0], '出访日本', titles.join());
    const paged = await officer.get<{ items: unknown[]; total: number }>(
      '/api/foreign/activities?pageSize=1&page=2',
    );
    assert.equal(paged.body.items.length, 1);
    const range = await officer.get<{ total: number }>(`/api/foreign/activities?from=${day(100)}`);
    assert.equal(range.body.total, 0);
    await refused(() => officer.get('/api/foreign/activities?from=not-a-date'), 400);
    const x = await changed(
      () => officer.get('/api/foreign/activities/export?format=xlsx'),
      200,
      'foreign.export',
    );
    assert.ok(x);
    const pdf = await changed(
      () => officer.get(`/api/foreign/activities/${a.id}/plan.pdf`),
      200,
      'foreign.print',
    );
    assert.ok(pdf);
    await changed(() => officer.get(`/api/foreign/activities/${a.id}/briefings.pdf`), 200, 'foreign.print');
  });

  test('R-FOR-02 the unit’s threshold: 13 makes a 12-participant draft 一般, in the page and the ledger (an approved one stays 重要)', async () => {
    const rules = { majorForeignCount: 13, briefingValidMonths: 12, startWarningDays: 5, closingDays: 15 };
    await refused(() => head.put('/api/foreign/activities/settings', rules), 403);
    const draft = (await officer.post<Activity>('/api/foreign/activities', input({ title: '待定接待' })))
      .body;
    assert.equal(draft.importance, 'major');
    await changed(() => officer.put('/api/foreign/activities/settings', rules), 200, 'foreign.settings');
    const d = await get(draft.id);
    assert.equal(d.importance, 'ordinary');
    const major = await officer.get<{ items: { id: string }[] }>(
      '/api/foreign/activities?importance=major&pageSize=100',
    );
    assert.ok(!major.body.items.some((x) => x.id === draft.id));
    // D155: the closed reception was approved as 重要 and stays so
    assert.equal((await get(a.id)).importance, 'major');
    assert.ok(major.body.items.some((x) => x.id === a.id));
    await officer.put('/api/foreign/activities/settings', { ...rules, majorForeignCount: 10 });
    assert.equal((await get(draft.id)).importance, 'major');
  });

  test('activityRef (for the visitors & materials part): the activity to whom may read it, else null', async () => {
    const caller = (personId: string, roles: string[] = [], org = orgId) => ({
      accountId: personId,
      personId,
      orgId: org,
      departmentId: deptId,
      position: '科员',
      clearance: 'none' as const,
      roles: roles as never[],
    });
    const ref = await activityRef(t.db, caller(p1.personId), a.id);
    assert.ok(ref);
    assert.equal(ref.id, a.id);
    assert.equal(ref.kind, 'reception');
    assert.equal(ref.importance, 'major');
    assert.deepEqual(ref.participants.map((p) => p.personId).sort(), [p1.personId, p2.personId].sort());
    const stranger = await t.member(orgId, deptId, []);
    assert.equal(await activityRef(t.db, caller(stranger.personId), a.id), null);
    assert.equal(await activityRef(t.db, caller(p1.personId, ['secrecy_officer'], NIL_ORG), a.id), null);
    assert.equal(await activityRef(t.db, caller(p1.personId), NIL_ORG), null);
  });
});
