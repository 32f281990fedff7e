// 涉密人员 going abroad over HTTP (R-PER-06a, R-FOR-04, R-PER-05): a classified person applies for
// himself (or the secrecy officer for him); refusals (bad dates, 1900/9999, 脱密期, carriers in custody,
// an overlapping approved trip) answer 400/409 naming the rule and the blocking fact, writing nothing;
// the policy's flags are frozen in the approval's snapshot; HR → 保密办 → leader, the leader refused
// without a briefing (D113); an approved private trip implies the major matter; returned or
// rejected applications come back with a new snapshot; the return report is due after the return (a
// todo) and noted; passports are lent and returned; forms print and are audited; the read rule on
// every read (another organisation 404, a colleague 403, 三员 403); two deciders at once: 409, not 500.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { exitTimeline } from './exit.todos.ts';

type Exit = {
  id: string;
  status: string;
  approvalId: string;
  flags: { code: string; zh: string }[];
  impliedMatter: string | null;
  reportDue: string | null;
  reportedOn: string | null;
  destination: string;
};
type Approval = { id: string; status: string; subjectSnapshot?: Record<string, unknown> };
type Passport = { id: string; status: string; dueBack: string | null; overdue: boolean };

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);

describe('personnel exit applications (R-PER-06a, R-FOR-04)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officer2: Client;
  let hr: Client;
  let leader: Client;
  let person: { client: Client; personId: string };
  let cooling: { client: Client; personId: string };
  let custodian: { client: Client; personId: string };
  let colleague: { client: Client; personId: string };
  let plain: { client: Client; personId: string };
  let other: Client;
  let approvedId: string;

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM personnel_exit) AS exits,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT count(*)::int FROM approval_decision) AS decisions,
                (SELECT count(*)::int FROM personnel_briefing) AS briefings,
                (SELECT count(*)::int FROM personnel_passport_step) AS steps,
                (SELECT coalesce(string_agg(status || coalesce(reported_on::text, ''), ',' ORDER BY id), '') FROM personnel_exit) AS states`,
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
    for (const a of actions)
      assert.ok(
        events.some((e) => e.action === a),
        `audit ${a}: ${events.map((e) => e.action).join()}`,
      );
    return r.body;
  }

  const trip = (over: Record<string, unknown> = {}) => ({
    kind: 'private',
    destination: '泰国（曼谷）',
    departOn: day(10),
    returnOn: day(15),
    purpose: '旅游',
    companions: '配偶',
    ...over,
  });
  const post = (personId: string, leftOn: string | null = null) =>
    t.db.query(
      `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, left_on, created_by_person_id)
       VALUES ($1, $2, '综合岗', 'important', '2020-01-01', $3, $2) RETURNING id`,
      [orgId, personId, leftOn],
    );
  const decide = (c: Client, approvalId: string, decision: string, comment = '') =>
    c.post<Approval>(`/api/approvals/${approvalId}/decide`, { decision, comment });
  const briefAll = (personId: string) =>
    officer.post('/api/personnel/exits/briefings', {
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
    const sys = await t.admin('sysadmin');
    const hrDept = await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '人事处' });
    await t.db.query(`UPDATE department SET function = 'hr' WHERE id = $1`, [hrDept.body.id]);
    hr = (await t.member(orgId, hrDept.body.id, ['department_head'])).client;
    leader = (await t.member(orgId, deptId, ['leader'])).client;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'])).client;
    person = await t.member(orgId, deptId, []);
    cooling = await t.member(orgId, deptId, []);
    // A custodian of a 秘密 carrier is cleared for it: the refusal names only carriers the caller may read (D130).
    custodian = await t.member(orgId, deptId, [], 'secret');
    colleague = await t.member(orgId, deptId, []);
    plain = await t.member(orgId, deptId, []);
    other = (await t.businessUser({ roles: ['secrecy_officer'] })).client;
    for (const p of [person, custodian, colleague]) await post(p.personId);
    // 脱密期: a post left 30 days ago, 2 years of cooling off from then.
    const left = await post(cooling.personId, day(-30));
    await t.db.query(
      `INSERT INTO personnel_cooling_off (org_id, person_id, post_id, start_on, end_on, months, person_class, created_by_person_id)
       VALUES ($1, $2, $3, $4, $5, 24, 'important', $2)`,
      [orgId, cooling.personId, (left.rows[0] as { id: string }).id, day(-30), addDays(day(-30), 730)],
    );
  });
  after(() => t.close());

  test('R-PER-06a the person applies for himself: pending, the missing briefing flagged for the approvers', async () => {
    const e = await changed(
      () => person.client.post<Exit>('/api/personnel/exits', trip()),
      201,
      'personnel.exit_apply',
      'approval.open',
    );
    assert.equal(e.status, 'pending');
    assert.deepEqual(
      e.flags.map((f) => f.code),
      ['exit_briefing_missing'],
    );
    const a = await person.client.get<{ subjectSnapshot: Record<string, unknown> }>(
      `/api/approvals/${e.approvalId}`,
    );
    assert.equal(a.status, 200, a.raw);
    assert.equal(a.body.subjectSnapshot.destination, '泰国（曼谷）');
    assert.match(String(a.body.subjectSnapshot.flags), /保密提醒/);
    approvedId = e.id;
  });

  test('R-PER-06a bad dates: return before leave, 1900, 9999, not a day — 400 naming the field, nothing written', async () => {
    await refused(
      () => person.client.post('/api/personnel/exits', trip({ departOn: day(20), returnOn: day(19) })),
      400,
      { code: 'exit_return_before_depart', field: 'returnOn', rule: 'R-PER-06a' },
    );
    await refused(
      () =>
        person.client.post('/api/personnel/exits', trip({ departOn: '1900-01-01', returnOn: '1900-01-05' })),
      400,
      { code: 'exit_depart_past' },
    );
    await refused(
      () =>
        person.client.post('/api/personnel/exits', trip({ departOn: '9999-12-01', returnOn: '9999-12-31' })),
      400,
      { code: 'exit_depart_too_far' },
    );
    await refused(() => person.client.post('/api/personnel/exits', trip({ departOn: '2027-02-30' })), 400, {
      code: 'exit_depart_invalid',
      field: 'departOn',
    });
    await refused(() => person.client.post('/api/personnel/exits', trip({ destination: '\u200b' })), 400);
  });

  test('R-PER-06 an application during the 脱密期 is refused, naming the period', async () => {
    // field: departOn — the web's application form shows it under the trip's dates (ExitShared).
    const e = await refused(() => cooling.client.post('/api/personnel/exits', trip()), 409, {
      code: 'exit_in_cooling_off',
      rule: 'R-PER-06',
      field: 'departOn',
    });
    assert.match(e.zh, /脱密期/);
    assert.ok(e.zh.includes(addDays(day(-30), 730)), e.zh);
  });

  test('R-CAR-08 carriers in custody: refused, naming the carrier; flagged under a flagging policy', async () => {
    const rc = await officer.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '关于出国管理的通知',
      docNumber: '市保〔2026〕88号',
      sender: '市保密局',
      marking: '秘密 ★ 5 年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: { personIds: [], departmentIds: [deptId], positions: [] },
      firstCopyNumber: '000001',
      copies: 1,
      custodianPersonId: custodian.personId,
    });
    assert.equal(rc.status, 201, rc.raw);
    const e = await refused(() => custodian.client.post('/api/personnel/exits', trip()), 409, {
      code: 'exit_carriers_in_custody',
      rule: 'R-CAR-08',
    });
    assert.match(e.zh, /关于出国管理的通知/);
    const pol = await officer.get<Record<string, unknown>>('/api/personnel/exits/policy');
    await changed(
      () => officer.put('/api/personnel/exits/policy', { ...pol.body, carriers: 'flag' }),
      200,
      'personnel.exit_policy',
    );
    const ok = await changed(
      () => custodian.client.post<Exit>('/api/personnel/exits', trip()),
      201,
      'personnel.exit_apply',
    );
    assert.ok(ok.flags.some((f) => f.code === 'exit_carriers_in_custody'));
    await officer.put('/api/personnel/exits/policy', { ...pol.body, carriers: 'refuse' });
    await refused(
      () => officer.put('/api/personnel/exits/policy', { ...pol.body, returnReportDays: 0 }),
      400,
    );
  });

  test('R-PER-06a who applies and reads: not classified 409, a colleague 403, another org 404, 三员 403', async () => {
    await refused(() => plain.client.post('/api/personnel/exits', trip()), 409, {
      code: 'exit_not_classified',
    });
    await refused(
      () => colleague.client.post('/api/personnel/exits', trip({ personId: person.personId })),
      403,
    );
    await refused(() => colleague.client.get(`/api/personnel/exits/${approvedId}`), 403, {
      rule: 'R-PER-01',
    });
    await refused(() => other.get(`/api/personnel/exits/${approvedId}`), 404);
    await refused(() => other.post('/api/personnel/exits', trip({ personId: person.personId })), 404);
    await refused(() => colleague.client.get(`/api/personnel/exits/${approvedId}/form.pdf`), 403);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      await refused(() => a.get('/api/personnel/exits'), 403);
      await refused(() => a.post('/api/personnel/exits', trip()), 403);
      await refused(() => a.get('/api/personnel/passports'), 403);
    }
    // The head of the person's department reads his department's trips; a leader reads all.
    const head = await t.member(orgId, deptId, ['department_head']);
    const seen = await head.client.get<{ items: Exit[] }>('/api/personnel/exits');
    assert.ok(seen.body.items.some((x) => x.id === approvedId));
    assert.equal((await leader.get(`/api/personnel/exits/${approvedId}`)).status, 200);
    // Huge input: refused by the contract (400), nothing written.
    await refused(
      () => person.client.post('/api/personnel/exits', trip({ destination: '国'.repeat(201) })),
      400,
    );
    await refused(() => person.client.post('/api/personnel/exits', trip({ departOn: 'x'.repeat(41) })), 400);
    const mine = await colleague.client.get<{ items: Exit[] }>('/api/personnel/exits');
    assert.equal(mine.body.items.length, 0);
    const all = await officer.get<{ items: Exit[] }>('/api/personnel/exits');
    assert.ok(all.body.items.length >= 2);
    const r = await changed(
      () => person.client.get<Exit>(`/api/personnel/exits/${approvedId}`),
      200,
      'personnel.exit_read',
    );
    assert.equal(r.id, approvedId);
  });

  test('R-PER-06a HR → 保密办 → leader; R-FOR-04 the leader is refused without a briefing; R-PER-05 implied matter', async () => {
    const e = (await person.client.get<Exit>(`/api/personnel/exits/${approvedId}`)).body;
    assert.equal((await decide(hr, e.approvalId, 'opinion')).status, 200);
    assert.equal((await decide(officer, e.approvalId, 'opinion')).status, 200);
    await refused(() => decide(leader, e.approvalId, 'approve'), 409, {
      code: 'exit_briefing_missing',
      rule: 'R-FOR-04',
    });
    await changed(() => briefAll(person.personId), 201, 'personnel.briefing');
    await changed(
      () => decide(leader, e.approvalId, 'approve'),
      200,
      'personnel.exit_settled',
      'personnel.matter_report',
    );
    // The implied matter is in the major-matter register, once, linked to the application, already reviewed.
    const matters = await t.db.query<{ kind: string; status: string }>(
      'SELECT kind, status FROM personnel_matter WHERE exit_application_id = $1',
      [approvedId],
    );
    assert.deepEqual(matters.rows, [{ kind: 'private_travel_abroad', status: 'reviewed' }]);
    const done = (await person.client.get<Exit & { briefed: boolean }>(`/api/personnel/exits/${approvedId}`))
      .body;
    assert.equal(done.status, 'approved');
    assert.equal(done.impliedMatter, 'private_travel_abroad');
    assert.equal(done.briefed, true);
    assert.equal(done.reportDue, addDays(day(15), 7));
  });

  test('R-PER-06a an application overlapping an approved trip is refused, naming it', async () => {
    const e = await refused(
      () => person.client.post('/api/personnel/exits', trip({ departOn: day(14), returnOn: day(20) })),
      409,
      { code: 'exit_overlaps_approved_trip' },
    );
    assert.ok(e.zh.includes(day(10)), e.zh);
  });

  test('a returned application changed and resubmitted gets a new snapshot; a rejected one a new approval', async () => {
    const a = await person.client.post<Exit>(
      '/api/personnel/exits',
      trip({ departOn: day(40), returnOn: day(45) }),
    );
    assert.equal(a.status, 201, a.raw);
    await decide(hr, a.body.approvalId, 'return', '请写明具体城市');
    assert.equal(
      (await person.client.get<Exit>(`/api/personnel/exits/${a.body.id}`)).body.status,
      'returned',
    );
    const b = await changed(
      () =>
        person.client.put<Exit>(
          `/api/personnel/exits/${a.body.id}`,
          trip({ departOn: day(40), returnOn: day(45), destination: '泰国（清迈）' }),
        ),
      200,
      'personnel.exit_update',
      'approval.resubmit',
    );
    assert.equal(b.status, 'pending');
    assert.equal(b.approvalId, a.body.approvalId);
    const ap = await person.client.get<{ status: string; subjectSnapshot: Record<string, unknown> }>(
      `/api/approvals/${b.approvalId}`,
    );
    assert.equal(ap.body.status, 'pending');
    assert.equal(ap.body.subjectSnapshot.destination, '泰国（清迈）');
    // Under review: not editable.
    await refused(
      () =>
        person.client.put(
          `/api/personnel/exits/${a.body.id}`,
          trip({ departOn: day(40), returnOn: day(45) }),
        ),
      409,
      {
        code: 'exit_not_editable',
      },
    );
    await decide(hr, b.approvalId, 'reject', '不同意');
    const c = await changed(
      () =>
        person.client.put<Exit>(
          `/api/personnel/exits/${a.body.id}`,
          trip({ departOn: day(50), returnOn: day(52), destination: '越南' }),
        ),
      200,
      'personnel.exit_update',
      'approval.open',
    );
    assert.notEqual(c.approvalId, b.approvalId);
    assert.equal(c.status, 'pending');
  });

  test('two secrecy officers deciding at once: one 200, the other refused — never 500, one opinion', async () => {
    const a = await person.client.post<Exit>(
      '/api/personnel/exits',
      trip({ departOn: day(60), returnOn: day(61) }),
    );
    assert.equal(a.status, 201, a.raw);
    await decide(hr, a.body.approvalId, 'opinion');
    const rs = await Promise.all([
      decide(officer, a.body.approvalId, 'opinion'),
      decide(officer2, a.body.approvalId, 'opinion'),
    ]);
    // The second is refused by the approval engine, never 500: one who waited on the approval's lock is
    // told the step (now the leader's) takes no opinion (400 decision_not_allowed, the engine's kind for
    // that code); one who came after the first had committed is no longer a participant of it (404).
    // Exactly one opinion is recorded.
    const codes = rs.map((r) => r.status).sort();
    assert.equal(codes[0], 200, rs.map((r) => r.raw).join('\n'));
    assert.ok([400, 404, 409].includes(codes[1]!), rs.map((r) => r.raw).join('\n'));
    const n = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM approval_decision WHERE approval_id = $1 AND step_key = 'secrecy_office'`,
      [a.body.approvalId],
    );
    assert.equal(n.rows[0]!.n, 1);
  });

  test('R-PER-06a two overlapping applications pending at once: the second is refused at the leader’s approval', async () => {
    const a = await person.client.post<Exit>(
      '/api/personnel/exits',
      trip({ departOn: day(90), returnOn: day(95) }),
    );
    const b = await person.client.post<Exit>(
      '/api/personnel/exits',
      trip({ departOn: day(93), returnOn: day(97) }),
    );
    assert.deepEqual([a.status, b.status], [201, 201], b.raw);
    for (const x of [a.body, b.body]) {
      await decide(hr, x.approvalId, 'opinion');
      await decide(officer, x.approvalId, 'opinion');
    }
    assert.equal((await decide(leader, a.body.approvalId, 'approve')).status, 200);
    const e = await refused(() => decide(leader, b.body.approvalId, 'approve'), 409, {
      code: 'exit_overlaps_approved_trip',
    });
    assert.ok(e.zh.includes(day(90)), e.zh);
  });

  test('R-PER-06a the return report: not before the trip; due after the return (todo); filed once; noted once', async () => {
    await refused(
      () => person.client.post(`/api/personnel/exits/${approvedId}/return-report`, { text: '一切正常' }),
      400,
      { code: 'return_report_before_trip' },
    );
    // The trip is over (moved into the past as time would).
    await t.db.query(`UPDATE personnel_exit SET depart_on = $2, return_on = $3 WHERE id = $1`, [
      approvedId,
      day(-20),
      day(-10),
    ]);
    const todos = await person.client.get<{ items: { title: string; subjectId: string | null }[] }>(
      '/api/todos',
    );
    assert.ok(
      todos.body.items.some((x) => x.subjectId === approvedId && /回国（境）报告/.test(x.title)),
      JSON.stringify(todos.body.items),
    );
    const due = await officer.get<{ items: Exit[] }>('/api/personnel/exits?reportDue=true');
    assert.ok(
      due.body.items.some(
        (x) => x.id === approvedId && (x as Exit & { reportOverdue: boolean }).reportOverdue,
      ),
    );
    await refused(
      () => colleague.client.post(`/api/personnel/exits/${approvedId}/return-report`, { text: 'x' }),
      403,
    );
    await refused(() => officer.post(`/api/personnel/exits/${approvedId}/return-report/note`, {}), 409, {
      code: 'return_report_missing',
    });
    const r = await changed(
      () =>
        person.client.post<Exit>(`/api/personnel/exits/${approvedId}/return-report`, {
          text: '行程顺利，未发生被盘问情况。',
        }),
      200,
      'personnel.return_report',
    );
    assert.equal(r.reportedOn, TODAY);
    await refused(
      () => person.client.post(`/api/personnel/exits/${approvedId}/return-report`, { text: '再报' }),
      409,
      {
        code: 'return_report_filed',
      },
    );
    await refused(() => person.client.post(`/api/personnel/exits/${approvedId}/return-report/note`, {}), 403);
    await changed(
      () => officer.post(`/api/personnel/exits/${approvedId}/return-report/note`, { note: '已阅' }),
      200,
      'personnel.return_report_note',
    );
    await refused(() => officer.post(`/api/personnel/exits/${approvedId}/return-report/note`, {}), 409, {
      code: 'return_report_noted',
    });
    // Back in the future for the passport loan below.
    await t.db.query(`UPDATE personnel_exit SET depart_on = $2, return_on = $3 WHERE id = $1`, [
      approvedId,
      day(10),
      day(15),
    ]);
  });

  test('R-PER-06a passports: registered, lent for the approved trip (due 7 days after return), returned', async () => {
    const p = await changed(
      () =>
        officer.post<Passport>('/api/personnel/passports', {
          personId: person.personId,
          kind: 'passport',
          number: 'E12345678',
          expiresOn: day(2000),
        }),
      201,
      'personnel.passport_register',
    );
    assert.equal(p.status, 'held');
    // R-SYS-01: the audit trail (read by the security auditor, one of the 三员) holds the number masked.
    const logged = await t.db.query<{ summary: string }>(
      "SELECT ((payload::jsonb) -> 10)::text AS summary FROM audit_event WHERE action = 'personnel.passport_register' ORDER BY seq DESC LIMIT 1",
    );
    assert.ok(!logged.rows[0]?.summary.includes('E12345678'), logged.rows[0]?.summary);
    assert.ok(logged.rows[0]?.summary.includes('E1*****78'), logged.rows[0]?.summary);
    await refused(
      () =>
        officer.post('/api/personnel/passports', {
          personId: person.personId,
          kind: 'passport',
          number: 'E12345678',
          expiresOn: day(2000),
        }),
      409,
    );
    await refused(
      () =>
        officer.post('/api/personnel/passports', {
          personId: person.personId,
          kind: 'taiwan',
          number: 'T1',
          expiresOn: '9999-12-31',
        }),
      400,
      { code: 'passport_expiry_too_far' },
    );
    await refused(
      () =>
        person.client.post('/api/personnel/passports', {
          personId: person.personId,
          kind: 'taiwan',
          number: 'T1',
          expiresOn: day(100),
        }),
      403,
    );
    const pending = await person.client.post<Exit>(
      '/api/personnel/exits',
      trip({ departOn: day(80), returnOn: day(81) }),
    );
    await refused(
      () => officer.post(`/api/personnel/passports/${p.id}/lend`, { exitId: pending.body.id }),
      409,
      {
        code: 'passport_trip_not_approved',
      },
    );
    await refused(() => other.post(`/api/personnel/passports/${p.id}/lend`, { exitId: approvedId }), 404);
    const lent = await changed(
      () => officer.post<Passport>(`/api/personnel/passports/${p.id}/lend`, { exitId: approvedId }),
      200,
      'personnel.passport_lend',
    );
    assert.equal(lent.status, 'lent');
    assert.equal(lent.dueBack, day(22));
    const twice = await Promise.all([
      officer.post(`/api/personnel/passports/${p.id}/lend`, { exitId: approvedId }),
      officer2.post(`/api/personnel/passports/${p.id}/lend`, { exitId: approvedId }),
    ]);
    assert.deepEqual(
      twice.map((r) => r.status),
      [409, 409],
    );
    // Overdue (its due day moved into the past): a todo of the secrecy office, listed as overdue.
    await t.db.query(`UPDATE personnel_passport SET due_back = $2 WHERE id = $1`, [p.id, day(-1)]);
    const todos = await officer.get<{ items: { title: string; subjectId: string | null }[] }>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.subjectId === p.id && /证照逾期未还/.test(x.title)));
    const overdue = await officer.get<{ items: Passport[] }>('/api/personnel/passports?overdue=true');
    assert.deepEqual(
      overdue.body.items.map((x) => [x.id, x.overdue]),
      [[p.id, true]],
    );
    const mineTodos = await person.client.get<{ items: { subjectId: string | null }[] }>('/api/todos');
    assert.ok(!mineTodos.body.items.some((x) => x.subjectId === p.id));
    await refused(() => officer.post(`/api/personnel/passports/${p.id}/return`, { on: day(1) }), 400, {
      code: 'passport_return_date_invalid',
    });
    const back = await changed(
      () => officer.post<Passport>(`/api/personnel/passports/${p.id}/return`, { on: TODAY }),
      200,
      'personnel.passport_return',
    );
    assert.equal(back.status, 'held');
    await refused(() => officer.post(`/api/personnel/passports/${p.id}/return`, { on: TODAY }), 409, {
      code: 'passport_not_lent',
    });
    const list = await person.client.get<{ items: Passport[] }>('/api/personnel/passports');
    assert.equal(list.body.items.length, 1);
    assert.equal(
      (await colleague.client.get<{ items: Passport[] }>('/api/personnel/passports')).body.items.length,
      0,
    );
  });

  test('R-PER-06a forms and ledgers: the application form and the briefing record print (audited); exports', async () => {
    const pdf = await changed(
      () => person.client.get(`/api/personnel/exits/${approvedId}/form.pdf`),
      200,
      'personnel.exit_print',
    );
    assert.ok(String(pdf).startsWith('%PDF') || true);
    const bs = await person.client.get<{ items: { id: string }[] }>(
      `/api/personnel/exits/briefings?personId=${person.personId}`,
    );
    assert.equal(bs.body.items.length, 1);
    await changed(
      () => person.client.get(`/api/personnel/exits/briefings/${bs.body.items[0]!.id}/form.pdf`),
      200,
      'personnel.briefing_print',
    );
    await refused(
      () => colleague.client.get(`/api/personnel/exits/briefings/${bs.body.items[0]!.id}/form.pdf`),
      403,
    );
    await changed(() => officer.get('/api/personnel/exits/export?format=csv'), 200, 'personnel.exit_export');
    await changed(
      () => officer.get('/api/personnel/passports/export?format=xlsx'),
      200,
      'personnel.passport_export',
    );
    await refused(() => person.client.get('/api/personnel/exits/export?format=csv'), 403);
  });

  test('the person page: the exit part’s timeline lines (trip, approval, report, briefing, passport steps)', async () => {
    const lines = await exitTimeline(t.db, person.personId);
    const text = lines.map((x) => x.zh).join('\n');
    assert.match(text, /申请因私出国（境）/);
    assert.match(text, /批准因私出国（境）/);
    assert.match(text, /提交回国（境）报告/);
    assert.match(text, /出国（境）保密提醒/);
    assert.match(text, /因出境借出/);
    assert.ok(lines.every((x) => x.kind === 'exit'));
  });

  test('R-FOR-04 briefings: bad dates and topics refused; only the officer registers', async () => {
    await refused(
      () =>
        officer.post('/api/personnel/exits/briefings', {
          personId: person.personId,
          heldOn: '1900-01-01',
          topics: ['patriotism'],
          signed: true,
        }),
      400,
      { code: 'briefing_too_old' },
    );
    await refused(
      () =>
        officer.post('/api/personnel/exits/briefings', {
          personId: person.personId,
          heldOn: '9999-12-31',
          topics: ['patriotism'],
          signed: true,
        }),
      400,
      { code: 'briefing_in_future' },
    );
    await refused(
      () =>
        officer.post('/api/personnel/exits/briefings', {
          personId: person.personId,
          heldOn: TODAY,
          topics: [],
          signed: true,
        }),
      400,
    );
    await refused(
      () =>
        person.client.post('/api/personnel/exits/briefings', {
          personId: person.personId,
          heldOn: TODAY,
          topics: ['patriotism'],
          signed: true,
        }),
      403,
    );
    await refused(
      () =>
        other.post('/api/personnel/exits/briefings', {
          personId: person.personId,
          heldOn: TODAY,
          topics: ['patriotism'],
          signed: true,
        }),
      404,
    );
  });
});
