// An outside tester's attack on the 涉密人员 module (all four parts): every read path against the one
// read rule (personnelReadVerdict / personnelReadScope), every write against the write rule, ids of
// another organisation in bodies, hostile input, and the audit of refusals. Each finding of the
// attack (docs/decisions.md D-PATK-*) is a test here; the sweep records what was checked and sound.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, BRIEFING_TOPICS } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createAccountConfirmed, createTestApp, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
const NIL = '00000000-0000-4000-8000-000000000000';

describe('personnel: the outside attack', () => {
  let t: TestApp;
  let officer: Client;
  let orgId: string;
  let deptId: string;
  let dept2Id: string;
  let target: { client: Client; personId: string };
  let colleague: { client: Client; personId: string; accountId: string };
  let head1: Client;
  let head2: Client;
  let hr: Client;
  let hrPerson: string;
  let leader: Client;
  let officerB: Client;
  let personB: string;
  let postB: string;
  let siteB: string;
  let postA: string;
  let exitId: string;
  let approvalId: string;
  const admins = {} as Record<'sysadmin' | 'secadmin' | 'auditor', Client>;

  const post = async (org: string, personId: string, cls = 'important', site: string | null = null) =>
    (
      await t.db.query<{ id: string }>(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, key_site_id, since, created_by_person_id)
         VALUES ($1, $2, '综合岗', $3, $4, '2020-01-01', $2) RETURNING id`,
        [org, personId, cls, site],
      )
    ).rows[0]!.id;

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    dept2Id = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '业务二科' })).body
      .id;
    const hrDept = await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '人事处' });
    await t.db.query(`UPDATE department SET function = 'hr' WHERE id = $1`, [hrDept.body.id]);
    const h = await t.member(orgId, hrDept.body.id, ['department_head']);
    hr = h.client;
    hrPerson = h.personId;
    target = await t.member(orgId, deptId, ['staff'], 'secret');
    colleague = await t.member(orgId, deptId, ['staff'], 'secret');
    head1 = (await t.member(orgId, deptId, ['department_head'], 'secret')).client;
    head2 = (await t.member(orgId, dept2Id, ['department_head'], 'secret')).client;
    leader = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    const b = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officerB = b.client;
    personB = (await t.member(b.orgId, b.departmentId, ['staff'], 'secret')).personId;
    siteB = (
      await t.db.query<{ id: string }>(
        `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
         VALUES ($1, '乙单位机要室', 'department', $2, 'secret', $3) RETURNING id`,
        [b.orgId, b.departmentId, personB],
      )
    ).rows[0]!.id;
    postB = await post(b.orgId, personB);
    postA = await post(orgId, target.personId);
    await post(orgId, colleague.personId);
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) admins[r] = await t.admin(r);
    const e = await target.client.post<{ id: string; approvalId: string }>('/api/personnel/exits', {
      kind: 'private',
      destination: '泰国（曼谷）',
      departOn: day(30),
      returnOn: day(37),
      purpose: '旅游',
    });
    assert.equal(e.status, 201, e.raw);
    exitId = e.body.id;
    approvalId = e.body.approvalId;
  });
  after(async () => t.close());

  test('sweep', async () => {
    const p = target.personId;
    const bad: string[] = [];
    const expect = async (who: string, c: Client, url: string, want: number) => {
      const r = await c.get(url);
      if (r.status !== want) bad.push(`${who} GET ${url}: ${r.status} (want ${want}) ${r.raw.slice(0, 160)}`);
      return r;
    };
    const reads = [
      `/api/personnel/people/${p}`,
      `/api/personnel/people/${p}/timeline`,
      `/api/personnel/commitments/people/${p}`,
      `/api/personnel/commitments/people/${p}/form.pdf?kind=on_post&postId=${postA}`,
      `/api/personnel/training/people/${p}`,
      `/api/personnel/exits/${exitId}`,
      `/api/personnel/exits/${exitId}/form.pdf`,
    ];
    for (const u of reads) {
      await expect('officer', officer, u, 200);
      await expect('self', target.client, u, 200);
      await expect('head1', head1, u, 200);
      await expect('colleague', colleague.client, u, 403);
      await expect('head2', head2, u, 403);
      await expect('officerB', officerB, u, 404);
      for (const [r, a] of Object.entries(admins)) await expect(r, a, u, 403);
    }
    const lists = [
      `/api/personnel/ledger`,
      `/api/personnel/exits`,
      `/api/personnel/exits/briefings`,
      `/api/personnel/passports`,
      `/api/personnel/leavings`,
      `/api/personnel/cooling-off`,
      `/api/personnel/matters`,
      `/api/personnel/assessments`,
      `/api/personnel/training/shortfall`,
    ];
    for (const u of lists) {
      for (const [who, c] of [
        ['colleague', colleague.client],
        ['head2', head2],
        ['officerB', officerB],
      ] as const) {
        for (const q of ['', `?personId=${p}`]) {
          const r = await c.get(u + q);
          if (r.status === 200 && r.raw.includes(p))
            bad.push(`${who} GET ${u}${q}: shows the target ${r.raw.slice(0, 200)}`);
          if (r.status >= 500) bad.push(`${who} GET ${u}${q}: ${r.status}`);
        }
      }
      for (const [r, a] of Object.entries(admins)) await expect(r, a, u, 403);
    }
    // The HR head is the first approver: the todo is his to see (checked below by the approval's read).
    for (const who of [colleague.client, head2, officerB]) {
      const r = await who.get('/api/todos');
      if (r.raw.includes(p) || r.raw.includes(exitId)) bad.push(`todos leak ${r.raw.slice(0, 300)}`);
    }
    // The approvals module hides an approval from anyone not taking part: 404 inside the organisation too.
    await expect('colleague approval', colleague.client, `/api/approvals/${approvalId}`, 404);
    await expect('head2 approval', head2, `/api/approvals/${approvalId}`, 404);
    await expect('officerB approval', officerB, `/api/approvals/${approvalId}`, 404);
    await expect('hr approval', hr, `/api/approvals/${approvalId}`, 200);
    // writes with foreign ids
    const w = async (who: string, r: Promise<{ status: number; raw: string }>, want: number) => {
      const x = await r;
      if (x.status !== want) bad.push(`${who}: ${x.status} (want ${want}) ${x.raw.slice(0, 200)}`);
    };
    await w(
      'post with B key site',
      officer.post(`/api/personnel/people/${p}/posts`, {
        name: '岗',
        personClass: 'general',
        keySiteId: siteB,
        since: TODAY,
      }),
      404,
    );
    await w(
      'patch post with B key site',
      officer.patch(`/api/personnel/people/${p}/posts/${postA}`, { keySiteId: siteB }),
      404,
    );
    await w(
      'patch B post via A person',
      officer.patch(`/api/personnel/people/${p}/posts/${postB}`, { personClass: 'core' }),
      404,
    );
    await w(
      'commitment B post',
      officer.post(`/api/personnel/commitments/people/${p}`, {
        kind: 'on_post',
        postId: postB,
        signedOn: TODAY,
      }),
      400, // the domain's commitment_post_missing: the same answer as an unknown id, nothing disclosed
    );
    await w('leaving B post', officer.post('/api/personnel/leavings', { postId: postB }), 404);
    await w(
      'briefing B person',
      officer.post('/api/personnel/exits/briefings', {
        personId: personB,
        heldOn: TODAY,
        topics: [...BRIEFING_TOPICS],
        signed: true,
      }),
      404,
    );
    await w(
      'passport B person',
      officer.post('/api/personnel/passports', {
        personId: personB,
        kind: 'passport',
        number: 'E1234',
        expiresOn: day(900),
      }),
      404,
    );
    await w(
      'session B attendee',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: TODAY,
        hours: 2,
        trainer: '张',
        attendeeIds: [personB],
      }),
      404,
    );
    await w(
      'session infinity',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: TODAY,
        hours: 1e308,
        trainer: '张',
        attendeeIds: [p],
      }),
      400,
    );
    await w(
      'session huge array',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: TODAY,
        hours: 2,
        trainer: '张',
        attendeeIds: Array.from({ length: 100000 }, () => NIL),
      }),
      413,
    );
    await w(
      'session zw topic',
      officer.post('/api/personnel/training/sessions', {
        topic: '\u200b\u200c',
        heldOn: TODAY,
        hours: 2,
        trainer: '张',
        attendeeIds: [p],
      }),
      400,
    );
    await w(
      'session 1900',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: '1900-01-01',
        hours: 2,
        trainer: '张',
        attendeeIds: [p],
      }),
      400,
    );
    await w(
      'matter B person',
      officer.post('/api/personnel/matters', {
        personId: personB,
        kind: 'other',
        occurredOn: TODAY,
        description: 'x',
      }),
      404,
    );
    await w(
      'assessment B person',
      officer.post('/api/personnel/assessments', {
        personId: personB,
        year: Number(TODAY.slice(0, 4)) - 1,
        ratings: { discipline: 'meets', duties: 'meets', training: 'meets' },
        result: 'pass',
      }),
      404,
    );
    await w('bad uuid detail', officer.get('/api/personnel/people/not-a-uuid'), 400);
    await w('bad uuid exit', officer.get('/api/personnel/exits/zzz'), 400);
    await w('bad uuid leaving', officer.get('/api/personnel/leavings/zzz'), 400);
    await w('bad uuid matter', officer.get('/api/personnel/matters/zzz'), 400);
    await w('bad uuid assessment', officer.get('/api/personnel/assessments/zzz/sheet.pdf'), 400);
    await w('bad uuid briefing pdf', officer.get('/api/personnel/exits/briefings/zzz/form.pdf'), 400);
    await w('bad uuid leaving pdf', officer.get('/api/personnel/leavings/zzz/form.pdf'), 400);
    await w('bad personId list', officer.get('/api/personnel/exits?personId=zzz'), 400);
    await w(
      'staff writes post',
      target.client.post(`/api/personnel/people/${p}/posts`, {
        name: '岗',
        personClass: 'general',
        since: TODAY,
      }),
      403,
    );
    await w('staff starts leaving', target.client.post('/api/personnel/leavings', { postId: postA }), 403);
    await w(
      'staff commitment',
      target.client.post(`/api/personnel/commitments/people/${p}`, {
        kind: 'on_post',
        postId: postA,
        signedOn: TODAY,
      }),
      403,
    );
    await w(
      'staff passport',
      target.client.post('/api/personnel/passports', {
        personId: p,
        kind: 'passport',
        number: 'E1',
        expiresOn: day(900),
      }),
      403,
    );
    await w(
      'staff briefing',
      target.client.post('/api/personnel/exits/briefings', {
        personId: p,
        heldOn: TODAY,
        topics: [...BRIEFING_TOPICS],
        signed: true,
      }),
      403,
    );
    await w(
      'colleague exit for target',
      colleague.client.post('/api/personnel/exits', {
        personId: p,
        kind: 'private',
        destination: 'x',
        departOn: day(40),
        returnOn: day(41),
        purpose: 'x',
      }),
      403,
    );
    assert.deepEqual(bad, []);
  });

  test('two officers at once (409, never 500), every detail read and export audited, hostile input 400', async () => {
    const bad: string[] = [];
    // B: two leavings of one post at once; two commitments at once.
    const p2 = await post(orgId, colleague.personId, 'general');
    const [l1, l2] = await Promise.all([
      officer.post('/api/personnel/leavings', { postId: p2 }),
      officer.post('/api/personnel/leavings', { postId: p2 }),
    ]);
    if ([l1.status, l2.status].sort().join() !== '201,409')
      bad.push(`two leavings: ${l1.status} ${l2.status} ${l2.raw.slice(0, 200)}`);
    const body = { kind: 'on_post', postId: p2, signedOn: TODAY };
    const [c1, c2] = await Promise.all([
      officer.post(`/api/personnel/commitments/people/${colleague.personId}`, body),
      officer.post(`/api/personnel/commitments/people/${colleague.personId}`, body),
    ]);
    if ([c1.status, c2.status].sort().join() !== '201,409')
      bad.push(`two commitments: ${c1.status} ${c2.status} ${c2.raw.slice(0, 200)}`);
    const yb = { kind: 'yearly', year: 2026, signedOn: TODAY };
    const [y1, y2] = await Promise.all([
      officer.post(`/api/personnel/commitments/people/${colleague.personId}`, yb),
      officer.post(`/api/personnel/commitments/people/${colleague.personId}`, yb),
    ]);
    if ([y1.status, y2.status].sort().join() !== '201,409')
      bad.push(`two yearly: ${y1.status} ${y2.status} ${y2.raw.slice(0, 200)}`);
    const ab = {
      personId: colleague.personId,
      year: Number(TODAY.slice(0, 4)) - 1,
      ratings: { discipline: 'meets', duties: 'meets', training: 'fails' },
      result: 'fail',
    };
    const [a1, a2] = await Promise.all([
      officer.post('/api/personnel/assessments', ab),
      officer.post('/api/personnel/assessments', ab),
    ]);
    if ([a1.status, a2.status].sort().join() !== '201,409')
      bad.push(`two assessments: ${a1.status} ${a2.status} ${a1.raw.slice(0, 200)} ${a2.raw.slice(0, 200)}`);
    const pb = { personId: colleague.personId, kind: 'passport', number: 'E7777', expiresOn: '2028-02-29' };
    const [q1, q2] = await Promise.all([
      officer.post('/api/personnel/passports', pb),
      officer.post('/api/personnel/passports', pb),
    ]);
    if ([q1.status, q2.status].sort().join() !== '201,409')
      bad.push(`two passports: ${q1.status} ${q2.status} ${q1.raw.slice(0, 200)} ${q2.raw.slice(0, 200)}`);
    const pp = { name: '新岗', personClass: 'general', since: TODAY };
    const [r1, r2] = await Promise.all([
      officer.post(`/api/personnel/people/${target.personId}/posts`, pp),
      officer.post(`/api/personnel/people/${target.personId}/posts`, pp),
    ]);
    if (r1.status >= 500 || r2.status >= 500)
      bad.push(`two posts: ${r1.status} ${r2.status} ${r2.raw.slice(0, 200)}`);
    // C: every detail read audited.
    const p = target.personId;
    for (const u of [
      `/api/personnel/people/${p}`,
      `/api/personnel/people/${p}/timeline`,
      `/api/personnel/commitments/people/${p}`,
      `/api/personnel/training/people/${p}`,
      `/api/personnel/exits/${exitId}`,
      `/api/personnel/exits/${exitId}/form.pdf`,
      `/api/personnel/commitments/people/${p}/form.pdf?kind=on_post&postId=${postA}`,
      `/api/personnel/ledger/export`,
      `/api/personnel/exits/export`,
      `/api/personnel/passports/export`,
      `/api/personnel/cooling-off/export`,
      `/api/personnel/training/shortfall/export`,
    ]) {
      const head = await t.auditHead();
      const r = await leader.get(u);
      const ev = await auditEventsSince(t.db, head);
      if (r.status !== 200) bad.push(`leader ${u}: ${r.status} ${r.raw.slice(0, 100)}`);
      else if (ev.length === 0) bad.push(`not audited: ${u}`);
    }
    // D: input.
    const w = async (who: string, r: Promise<{ status: number; raw: string }>, want: number) => {
      const x = await r;
      if (x.status !== want) bad.push(`${who}: ${x.status} (want ${want}) ${x.raw.slice(0, 200)}`);
    };
    await w(
      'passport 2027-02-29',
      officer.post('/api/personnel/passports', { ...pb, number: 'E8', expiresOn: '2027-02-29' }),
      400,
    );
    await w(
      'passport 9999',
      officer.post('/api/personnel/passports', { ...pb, number: 'E9', expiresOn: '9999-12-31' }),
      400,
    );
    await w(
      'passport zw number',
      officer.post('/api/personnel/passports', { ...pb, number: '\u200b\u200b' }),
      400,
    );
    await w(
      'post zw name',
      officer.post(`/api/personnel/people/${p}/posts`, { ...pp, name: '\u200b\ufeff' }),
      400,
    );
    await w(
      'post 1900',
      officer.post(`/api/personnel/people/${p}/posts`, { ...pp, name: 'x岗', since: '1900-01-01' }),
      400,
    );
    await w(
      'post 9999',
      officer.post(`/api/personnel/people/${p}/posts`, { ...pp, name: 'y岗', since: '9999-01-01' }),
      400,
    );
    await w(
      'post unknown field',
      officer.post(`/api/personnel/people/${p}/posts`, { ...pp, name: 'z岗', orgId: NIL }),
      400,
    );
    await w(
      'post huge',
      officer.post(`/api/personnel/people/${p}/posts`, { ...pp, name: '岗'.repeat(100000) }),
      400,
    );
    await w(
      'matter 1900',
      target.client.post('/api/personnel/matters', {
        kind: 'other',
        occurredOn: '1900-01-01',
        description: 'x',
      }),
      400,
    );
    await w(
      'matter 9999',
      target.client.post('/api/personnel/matters', {
        kind: 'other',
        occurredOn: '9999-01-01',
        description: 'x',
      }),
      400,
    );
    await w(
      'session NaN',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: TODAY,
        hours: 'NaN',
        trainer: '张',
        attendeeIds: [p],
      }),
      400,
    );
    await w(
      'session neg',
      officer.post('/api/personnel/training/sessions', {
        topic: '保密',
        heldOn: TODAY,
        hours: -1,
        trainer: '张',
        attendeeIds: [p],
      }),
      400,
    );
    await w(
      'leaving 2028-02-29 future',
      officer.post('/api/personnel/leavings', { postId: postA, startedOn: '2028-02-29' }),
      400,
    );
    await w(
      'vetting 9999',
      officer.post(`/api/personnel/people/${p}/vettings`, {
        vettedOn: '9999-01-01',
        result: 'pass',
        reviewer: '李',
        personClass: 'general',
        clearance: 'secret',
      }),
      400,
    );
    await w(
      'fact 1900',
      officer.post(`/api/personnel/people/${p}/facts`, { condition: 'temporary_hire', since: '1900-01-01' }),
      400,
    );
    await w('ledger huge page', officer.get('/api/personnel/ledger?page=1e308'), 400);
    await w('ledger neg page', officer.get('/api/personnel/ledger?pageSize=100000'), 400);
    assert.deepEqual(bad, []);
  });

  test('D127 R-PER-06a: the traveller never decides on his own trip, also when the officer applied for him', async () => {
    await post(orgId, hrPerson);
    const e = await officer.post<{ id: string; approvalId: string }>('/api/personnel/exits', {
      personId: hrPerson,
      kind: 'private',
      destination: '日本',
      departOn: day(50),
      returnOn: day(55),
      purpose: '探亲',
    });
    assert.equal(e.status, 201, e.raw);
    const decisions = async () =>
      (await t.db.query('SELECT count(*)::int AS n FROM approval_decision')).rows[0];
    await expectRefusal(
      t,
      decisions,
      () => hr.post(`/api/approvals/${e.body.approvalId}/decide`, { decision: 'opinion', comment: '同意' }),
      403,
      { code: 'exit_own_trip', rule: 'R-PER-06a' },
    );
    // Not offered either.
    const a = await hr.get<{ abilities?: Record<string, { allowed: boolean }> }>(
      `/api/approvals/${e.body.approvalId}`,
    );
    assert.equal(a.status, 200, a.raw);
    assert.ok(
      !JSON.stringify(a.body.abilities ?? {}).includes('"allowed":true'),
      JSON.stringify(a.body.abilities),
    );
  });

  test('D128 R-PER-05: a description of zero-width characters only is no description', async () => {
    const matters = async () => (await t.db.query('SELECT count(*)::int AS n FROM personnel_matter')).rows[0];
    await expectRefusal(
      t,
      matters,
      () =>
        target.client.post('/api/personnel/matters', {
          kind: 'other',
          occurredOn: TODAY,
          description: '\u200b\u200d\u2060',
        }),
      400,
      { code: 'matter_description_missing', field: 'description' },
    );
  });

  test('D129 R-PER-05, R-PER-07: an officer holding a classified post neither reviews his own report nor assesses himself', async () => {
    const me = await t.member(orgId, deptId, ['secrecy_officer'], 'secret');
    await post(orgId, me.personId);
    const m = await me.client.post<{ id: string; canReview: boolean }>('/api/personnel/matters', {
      kind: 'other',
      occurredOn: TODAY,
      description: '配偶取得外国永久居留资格',
    });
    assert.equal(m.status, 201, m.raw);
    assert.equal(m.body.canReview, false, 'not offered to himself');
    const rows = async () =>
      (
        await t.db.query(
          `SELECT (SELECT string_agg(status, ',') FROM personnel_matter WHERE id = $1) AS m,
                  (SELECT count(*)::int FROM personnel_assessment) AS a`,
          [m.body.id],
        )
      ).rows[0];
    await expectRefusal(
      t,
      rows,
      () => me.client.post(`/api/personnel/matters/${m.body.id}/review`, { opinion: '已掌握' }),
      403,
      { code: 'matter_own_review', rule: 'R-PER-05' },
    );
    await expectRefusal(
      t,
      rows,
      () =>
        me.client.post('/api/personnel/assessments', {
          personId: me.personId,
          year: Number(TODAY.slice(0, 4)) - 1,
          ratings: { discipline: 'meets', duties: 'meets', training: 'fails' },
          result: 'fail',
        }),
      403,
      { code: 'assessment_own', rule: 'R-PER-07' },
    );
    // Another officer of the unit does.
    const other = await officer.get<{ canReview: boolean }>(`/api/personnel/matters/${m.body.id}`);
    assert.equal(other.body.canReview, true, other.raw);
    const r = await officer.post(`/api/personnel/matters/${m.body.id}/review`, { opinion: '已掌握' });
    assert.equal(r.status, 200, r.raw);
  });

  test('every record of a part read through its own path (detail, PDF form) answers the one read rule', async () => {
    const p = target.personId;
    const bad: string[] = [];
    const made = async (r: Promise<{ status: number; raw: string; body: unknown }>) => {
      const x = await r;
      assert.ok(x.status === 201 || x.status === 200, x.raw);
      return (x.body as { id: string }).id;
    };
    const matter = await made(
      target.client.post('/api/personnel/matters', {
        kind: 'other',
        occurredOn: TODAY,
        description: '亲属移居境外',
      }),
    );
    const assessment = await made(
      officer.post('/api/personnel/assessments', {
        personId: p,
        year: Number(TODAY.slice(0, 4)) - 1,
        ratings: { discipline: 'meets', duties: 'meets', training: 'fails' },
        result: 'fail',
      }),
    );
    const briefing = await made(
      officer.post('/api/personnel/exits/briefings', {
        personId: p,
        exitId,
        heldOn: TODAY,
        topics: [...BRIEFING_TOPICS],
        signed: true,
      }),
    );
    const leaving = await made(
      officer.post('/api/personnel/leavings', { postId: await post(orgId, p, 'general') }),
    );
    const urls = [
      `/api/personnel/matters/${matter}`,
      `/api/personnel/assessments/${assessment}/sheet.pdf`,
      `/api/personnel/exits/briefings/${briefing}/form.pdf`,
      `/api/personnel/leavings/${leaving}`,
      `/api/personnel/leavings/${leaving}/form.pdf`,
    ];
    for (const u of urls) {
      for (const [who, c, want] of [
        ['officer', officer, 200],
        ['self', target.client, 200],
        ['head1', head1, 200],
        ['leader', leader, 200],
        ['colleague', colleague.client, 403],
        ['head2', head2, 403],
        ['officerB', officerB, 404],
        ['sysadmin', admins.sysadmin, 403],
        ['secadmin', admins.secadmin, 403],
        ['auditor', admins.auditor, 403],
      ] as const) {
        const head = await t.auditHead();
        const r = await c.get(u);
        if (r.status !== want) bad.push(`${who} GET ${u}: ${r.status} (want ${want}) ${r.raw.slice(0, 160)}`);
        else if (want === 200 && (await auditEventsSince(t.db, head)).length === 0)
          bad.push(`not audited: ${who} ${u}`);
      }
    }
    // No todo of a colleague, of another department or organisation names him.
    const name = (await t.db.query<{ n: string }>('SELECT name AS n FROM person WHERE id = $1', [p])).rows[0]!
      .n;
    for (const [who, c] of [
      ['colleague', colleague.client],
      ['head2', head2],
      ['officerB', officerB],
    ] as const) {
      const r = await c.get('/api/todos');
      if (r.raw.includes(name) || r.raw.includes(p))
        bad.push(`todos of ${who} name him: ${r.raw.slice(0, 300)}`);
    }
    assert.deepEqual(bad, []);
  });

  test('CSV exports follow the read scope: another department and another organisation never see him', async () => {
    const name = (
      await t.db.query<{ n: string }>('SELECT name AS n FROM person WHERE id = $1', [target.personId])
    ).rows[0]!.n;
    const bad: string[] = [];
    for (const u of [
      '/api/personnel/ledger/export?format=csv',
      '/api/personnel/exits/export?format=csv',
      '/api/personnel/passports/export?format=csv',
      '/api/personnel/cooling-off/export?format=csv',
      '/api/personnel/training/shortfall/export?format=csv',
    ]) {
      const mine = await officer.get(u);
      if (mine.status !== 200) bad.push(`officer ${u}: ${mine.status} ${mine.raw.slice(0, 120)}`);
      for (const [who, c] of [
        ['colleague', colleague.client],
        ['head2', head2],
        ['officerB', officerB],
      ] as const) {
        const r = await c.get(u);
        if (r.status >= 500) bad.push(`${who} ${u}: ${r.status}`);
        if (r.status === 200 && new RegExp(`(^|[,"\\n])${name}([,"\\r\\n]|$)`).test(r.raw))
          bad.push(`${who} ${u} lists him: ${r.raw.slice(0, 300)}`);
      }
      for (const a of Object.values(admins)) {
        const r = await a.get(u);
        if (r.status !== 403) bad.push(`admin ${u}: ${r.status}`);
      }
    }
    // The officer's own export does list him (the probe above is not blind).
    const ex = await officer.get('/api/personnel/exits/export?format=csv');
    assert.ok(ex.raw.includes(name), ex.raw.slice(0, 300));
    assert.deepEqual(bad, []);
  });

  test('writes against a closed or foreign state: a post already left, a key site moved to another organisation, a pending trip resubmitted', async () => {
    const bad: string[] = [];
    const w = async (who: string, r: Promise<{ status: number; raw: string }>, want: number) => {
      const x = await r;
      if (x.status !== want) bad.push(`${who}: ${x.status} (want ${want}) ${x.raw.slice(0, 200)}`);
    };
    const left = (
      await t.db.query<{ id: string }>(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, left_on, created_by_person_id)
         VALUES ($1, $2, '旧岗', 'general', '2019-01-01', '2020-01-01', $2) RETURNING id`,
        [orgId, colleague.personId],
      )
    ).rows[0]!.id;
    await w('leaving of a post already left', officer.post('/api/personnel/leavings', { postId: left }), 409);
    await w(
      'class of a post already left',
      officer.patch(`/api/personnel/people/${colleague.personId}/posts/${left}`, { personClass: 'core' }),
      409,
    );
    await w(
      "on-post commitment for a colleague's post",
      officer.post(`/api/personnel/commitments/people/${target.personId}`, {
        kind: 'on_post',
        postId: left,
        signedOn: TODAY,
      }),
      400,
    );
    const site = await officer.post<{ id: string }>('/api/personnel/key-sites', {
      name: '机要档案室',
      kind: 'location',
      departmentId: deptId,
      level: 'secret',
    });
    assert.equal(site.status, 201, site.raw);
    const bDept = (
      await t.db.query<{ d: string }>('SELECT department_id AS d FROM person WHERE id = $1', [personB])
    ).rows[0]!.d;
    await w(
      'key site moved to a department of another organisation',
      officer.patch(`/api/personnel/key-sites/${site.body.id}`, { departmentId: bDept }),
      404,
    );
    await w(
      'key site of B patched by A',
      officer.patch(`/api/personnel/key-sites/${siteB}`, { note: 'x' }),
      404,
    );
    await w(
      'pending trip resubmitted',
      target.client.put(`/api/personnel/exits/${exitId}`, {
        kind: 'private',
        destination: '越南',
        departOn: day(30),
        returnOn: day(37),
        purpose: '旅游',
      }),
      409,
    );
    await w(
      'trip resubmitted by a colleague',
      colleague.client.put(`/api/personnel/exits/${exitId}`, {
        kind: 'private',
        destination: '越南',
        departOn: day(30),
        returnOn: day(37),
        purpose: '旅游',
      }),
      403,
    );
    await w(
      'trip resubmitted by another organisation',
      officerB.put(`/api/personnel/exits/${exitId}`, {
        kind: 'private',
        destination: '越南',
        departOn: day(30),
        returnOn: day(37),
        purpose: '旅游',
      }),
      404,
    );
    await w(
      'return report before the trip is approved',
      target.client.post(`/api/personnel/exits/${exitId}/return-report`, { text: '无' }),
      409,
    );
    await w(
      'malformed fact id',
      officer.post(`/api/personnel/people/${target.personId}/facts/x/end`, { until: TODAY }),
      400,
    );
    await w(
      'malformed post id',
      officer.patch(`/api/personnel/people/${target.personId}/posts/x`, { personClass: 'core' }),
      400,
    );
    await w('malformed passport id', officer.post('/api/personnel/passports/x/lend', { exitId }), 400);
    await w('malformed briefing id', officer.post('/api/personnel/exits/briefings/x/sign'), 400);
    await w('array body', officer.post('/api/personnel/leavings', [{ postId: postA }]), 400);
    await w('string body', officer.post('/api/personnel/exits/briefings', 'x'), 400);
    assert.deepEqual(bad, []);
  });

  test('D130 R-CAR-08: a flagged trip names no carrier to approvers who may not read it', async () => {
    const holder = await t.member(orgId, deptId, ['staff'], 'secret');
    await post(orgId, holder.personId);
    const rc = await officer.post('/api/carriers/receive', {
      kind: 'document',
      title: '某型装备研制进度报告',
      docNumber: '科〔2026〕7号',
      sender: '总体部',
      marking: '机密 ★ 10 年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: { personIds: [holder.personId], departmentIds: [], positions: [] },
      firstCopyNumber: '000001',
      copies: 1,
      custodianPersonId: holder.personId,
    });
    assert.equal(rc.status, 201, rc.raw);
    const pol = await officer.get<Record<string, unknown>>('/api/personnel/exits/policy');
    assert.equal(
      (await officer.put('/api/personnel/exits/policy', { ...pol.body, carriers: 'flag' })).status,
      200,
    );
    try {
      const e = await holder.client.post<{
        id: string;
        approvalId: string;
        flags: { code: string; zh: string }[];
      }>('/api/personnel/exits', {
        kind: 'private',
        destination: '新加坡',
        departOn: day(60),
        returnOn: day(64),
        purpose: '旅游',
      });
      assert.equal(e.status, 201, e.raw);
      assert.ok(
        e.body.flags.some((f) => f.code === 'exit_carriers_in_custody'),
        JSON.stringify(e.body.flags),
      );
      // The HR head (no clearance) decides the first step: he learns that there is a carrier, not its title.
      const a = await hr.get(`/api/approvals/${e.body.approvalId}`);
      assert.equal(a.status, 200, a.raw);
      assert.ok(a.raw.includes('涉密载体'), a.raw.slice(0, 400));
      assert.ok(!a.raw.includes('某型装备研制进度报告'), a.raw.slice(0, 600));
      const todos = await hr.get('/api/todos');
      assert.ok(!todos.raw.includes('某型装备研制进度报告'), todos.raw.slice(0, 400));
      // The holder himself, refused under a refusing policy, is still told which one.
      await officer.put('/api/personnel/exits/policy', { ...pol.body, carriers: 'refuse' });
      const r = await holder.client.post<{ error: { zh: string } }>('/api/personnel/exits', {
        kind: 'private',
        destination: '新加坡',
        departOn: day(70),
        returnOn: day(74),
        purpose: '旅游',
      });
      assert.equal(r.status, 409, r.raw);
      assert.match(r.body.error.zh, /某型装备研制进度报告/);
    } finally {
      await officer.put('/api/personnel/exits/policy', pol.body);
    }
  });

  test('dates and numbers at the edges on every part: 1900, 9999, not a day, policies out of range — 400, never 500', async () => {
    const bad: string[] = [];
    const p = target.personId;
    const w = async (who: string, r: Promise<{ status: number; raw: string }>, want: number) => {
      const x = await r;
      if (x.status !== want) bad.push(`${who}: ${x.status} (want ${want}) ${x.raw.slice(0, 200)}`);
    };
    const cm = `/api/personnel/commitments/people/${p}`;
    for (const d of ['1900-01-01', '9999-12-31', '2027-02-29', '2026-13-01'])
      await w(
        `commitment signed ${d}`,
        officer.post(cm, { kind: 'on_post', postId: postA, signedOn: d }),
        400,
      );
    await w('yearly 1949', officer.post(cm, { kind: 'yearly', year: 1949, signedOn: TODAY }), 400);
    await w('yearly 1e308', officer.post(cm, { kind: 'yearly', year: 1e308, signedOn: TODAY }), 400);
    for (const d of ['1900-01-01', '9999-12-31', '2027-02-29']) {
      await w(
        `briefing ${d}`,
        officer.post('/api/personnel/exits/briefings', {
          personId: p,
          heldOn: d,
          topics: [...BRIEFING_TOPICS],
          signed: true,
        }),
        400,
      );
      await w(
        `vetting ${d}`,
        officer.post(`/api/personnel/people/${p}/vettings`, {
          vettedOn: d,
          result: 'pass',
          reviewer: '李',
          personClass: 'general',
          clearance: 'secret',
        }),
        400,
      );
      await w(`leaving ${d}`, officer.post('/api/personnel/leavings', { postId: postA, startedOn: d }), 400);
    }
    const lp = await officer.get<Record<string, unknown>>('/api/personnel/cooling-off/policy');
    assert.equal(lp.status, 200, lp.raw);
    for (const core of [-1, 0, 1000, 100000])
      await w(
        `cooling-off ${core} months`,
        officer.put('/api/personnel/cooling-off/policy', {
          ...lp.body,
          coolingOff: { core, important: 24, general: 12 },
        }),
        400,
      );
    await w(
      'yearly day 02-30',
      officer.put('/api/personnel/cooling-off/policy', { ...lp.body, yearlyDueBy: '02-30' }),
      400,
    );
    const tp = await officer.get<Record<string, unknown>>('/api/personnel/training/policy');
    for (const v of [1e308, -1, 'Infinity'])
      await w(
        `training policy ${v}`,
        officer.put('/api/personnel/training/policy', { ...tp.body, minHours: v }),
        400,
      );
    const ep = await officer.get<Record<string, unknown>>('/api/personnel/exits/policy');
    await w(
      'exit policy 1e308',
      officer.put('/api/personnel/exits/policy', { ...ep.body, maxDaysAhead: 1e308 }),
      400,
    );
    await w(
      'exit policy unknown field',
      officer.put('/api/personnel/exits/policy', { ...ep.body, x: 1 }),
      400,
    );
    assert.deepEqual(bad, []);
  });

  test('the same change twice at once: one wins, the other 409 (or the same answer), never 500', async () => {
    const bad: string[] = [];
    const p = target.personId;
    const two = async (what: string, f: () => Promise<{ status: number; raw: string }>, ok: string[]) => {
      const [a, b] = await Promise.all([f(), f()]);
      const got = [a.status, b.status].sort().join();
      if (!ok.includes(got)) bad.push(`${what}: ${got} ${a.raw.slice(0, 150)} | ${b.raw.slice(0, 150)}`);
    };
    const br = await officer.post<{ id: string }>('/api/personnel/exits/briefings', {
      personId: p,
      heldOn: TODAY,
      topics: [...BRIEFING_TOPICS],
      signed: false,
    });
    assert.equal(br.status, 201, br.raw);
    await two(
      'briefing signed twice',
      () => officer.post(`/api/personnel/exits/briefings/${br.body.id}/sign`),
      ['200,409'],
    );
    const f = await officer.post<{ facts: { id: string; note: string }[] }>(
      `/api/personnel/people/${p}/facts`,
      {
        condition: 'temporary_hire',
        since: day(-10),
        note: '试探',
      },
    );
    assert.equal(f.status, 201, f.raw);
    const factId = f.body.facts.find((x) => x.note === '试探')!.id;
    await two(
      'fact ended twice',
      () => officer.post(`/api/personnel/people/${p}/facts/${factId}/end`, { until: TODAY }),
      ['200,409'],
    );
    const ses = await officer.post<{ id: string }>('/api/personnel/training/sessions', {
      topic: '保密形势教育',
      heldOn: TODAY,
      hours: 2,
      trainer: '王',
      attendeeIds: [p],
    });
    assert.equal(ses.status, 201, ses.raw);
    await two(
      'attendees set twice',
      () =>
        officer.put(`/api/personnel/training/sessions/${ses.body.id}/attendees`, {
          attendeeIds: [p, colleague.personId],
        }),
      ['200,200'],
    );
    await two(
      'post class changed twice',
      () => officer.patch(`/api/personnel/people/${p}/posts/${postA}`, { personClass: 'core' }),
      ['200,200', '200,409'],
    );
    await two(
      'matter reported twice',
      () =>
        target.client.post('/api/personnel/matters', {
          kind: 'other',
          occurredOn: TODAY,
          description: '同一事项',
        }),
      ['201,201', '201,409'],
    );
    assert.deepEqual(bad, []);
  });

  test('D131 R-PER-02: an eligibility fact dated 1900 is refused like every other date before 1950', async () => {
    const facts = async () => (await t.db.query('SELECT count(*)::int AS n FROM personnel_fact')).rows[0];
    await expectRefusal(
      t,
      facts,
      () =>
        officer.post(`/api/personnel/people/${target.personId}/facts`, {
          condition: 'discipline',
          since: '1900-01-01',
        }),
      400,
      { code: 'fact_date_invalid', field: 'since', rule: 'R-PER-02' },
    );
  });

  test('D132 R-PER-06: a checklist entry corrected is audited from → to, the earlier value kept', async () => {
    const p2 = await post(orgId, colleague.personId, 'general');
    const l = await officer.post<{ id: string }>('/api/personnel/leavings', { postId: p2 });
    assert.equal(l.status, 201, l.raw);
    const url = `/api/personnel/leavings/${l.body.id}/items`;
    assert.equal((await officer.post(url, { item: 'devices_returned', devicesNotReturned: 3 })).status, 200);
    assert.equal((await officer.post(url, { item: 'reminder_talk', on: day(-2), by: '王处长' })).status, 200);
    const head = await t.auditHead();
    assert.equal((await officer.post(url, { item: 'devices_returned', devicesNotReturned: 0 })).status, 200);
    assert.equal((await officer.post(url, { item: 'reminder_talk', on: TODAY, by: '李处长' })).status, 200);
    const ev = (await auditEventsSince(t.db, head)).filter((e) => e.action === 'personnel.leaving_item');
    assert.equal(ev.length, 2, JSON.stringify(ev));
    const [devices, talk] = ev.map((e) => e.summary);
    assert.deepEqual(devices?.devicesNotReturned, { from: 3, to: 0 });
    assert.deepEqual(talk?.on, { from: day(-2), to: TODAY });
    assert.deepEqual(talk?.by, { from: '王处长', to: '李处长' });
  });

  test('D132 R-PER-06a: a returned trip changed and submitted again is audited from → to', async () => {
    const d = await hr.post(`/api/approvals/${approvalId}/decide`, {
      decision: 'return',
      comment: '请补充行程',
    });
    assert.equal(d.status, 200, d.raw);
    const head = await t.auditHead();
    const r = await target.client.put(`/api/personnel/exits/${exitId}`, {
      kind: 'private',
      destination: '越南（河内）',
      departOn: day(30),
      returnOn: day(36),
      purpose: '旅游',
    });
    assert.equal(r.status, 200, r.raw);
    const ev = (await auditEventsSince(t.db, head)).find((e) => e.action === 'personnel.exit_update');
    assert.ok(ev, 'audited');
    assert.deepEqual(ev.summary.destination, { from: '泰国（曼谷）', to: '越南（河内）' });
    assert.deepEqual(ev.summary.returnOn, { from: day(37), to: day(36) });
    assert.equal(ev.summary.departOn, day(30));
  });

  test('a business account linked to no person: refused on every part, never 500, never a record', async () => {
    const acc = await createAccountConfirmed(admins.sysadmin, admins.secadmin, {
      username: `nobody${Date.now() % 100000}`,
      displayName: '未关联人员',
    });
    const c = t.client();
    const li = await c.login(acc.username, acc.password);
    assert.equal(li.status, 200, li.raw);
    const ch = await c.post('/api/auth/change-password', {
      oldPassword: acc.password,
      newPassword: 'Zz9!attack-Strong-2026',
    });
    assert.equal(ch.status, 200, ch.raw);
    const bad: string[] = [];
    for (const u of [
      `/api/personnel/people/${target.personId}`,
      `/api/personnel/people/${target.personId}/timeline`,
      '/api/personnel/ledger',
      '/api/personnel/key-sites',
      '/api/personnel/exits',
      '/api/personnel/passports',
      '/api/personnel/leavings',
      '/api/personnel/cooling-off',
      `/api/personnel/commitments/people/${target.personId}`,
      '/api/personnel/matters',
      '/api/personnel/assessments',
      `/api/personnel/training/people/${target.personId}`,
    ]) {
      const r = await c.get(u);
      if (r.status === 200 || r.status >= 500) bad.push(`${u}: ${r.status} ${r.raw.slice(0, 160)}`);
    }
    const m = await c.post('/api/personnel/matters', { kind: 'other', occurredOn: TODAY, description: 'x' });
    if (m.status === 201 || m.status >= 500) bad.push(`matter: ${m.status} ${m.raw.slice(0, 160)}`);
    const e = await c.post('/api/personnel/exits', {
      personId: target.personId,
      kind: 'private',
      destination: 'x',
      departOn: day(40),
      returnOn: day(41),
      purpose: 'x',
    });
    if (e.status === 201 || e.status >= 500) bad.push(`exit: ${e.status} ${e.raw.slice(0, 160)}`);
    assert.deepEqual(bad, []);
  });

  test('三员: the security-secrecy administrator cannot become a business user through a reset or a role', async () => {
    const sec = admins.secadmin;
    const sys = admins.sysadmin;
    // He cannot ask for a reset (the system administrator's half) ...
    const own = await sec.post(`/api/accounts/${colleague.accountId}/reset-password`);
    assert.equal(own.status, 403, own.raw);
    // ... and confirming one gives him the second half only: not enough to sign in.
    const asked = await sys.post<{ reset: { id: string }; firstHalf: string }>(
      `/api/accounts/${colleague.accountId}/reset-password`,
    );
    assert.equal(asked.status, 202, asked.raw);
    const ok = await sec.post<{ secondHalf: string }>(
      `/api/accounts/password-resets/${asked.body.reset.id}/confirm`,
    );
    assert.equal(ok.status, 200, ok.raw);
    const username = (
      await t.db.query<{ u: string }>('SELECT username AS u FROM account WHERE id = $1', [
        colleague.accountId,
      ])
    ).rows[0]!.u;
    const c = t.client();
    const login = await c.login(username, ok.body.secondHalf);
    assert.equal(login.status, 401, login.raw);
    // Making the colleague a secrecy officer is his to do; it gives himself nothing here.
    const roles = await sec.put(`/api/people/${colleague.personId}/roles`, { roles: ['secrecy_officer'] });
    assert.equal(roles.status, 200, roles.raw);
    const still = await sec.get(`/api/personnel/people/${target.personId}`);
    assert.equal(still.status, 403, still.raw);
    const write = await sec.post('/api/personnel/leavings', { postId: postA });
    assert.equal(write.status, 403, write.raw);
    await sec.put(`/api/people/${colleague.personId}/roles`, { roles: ['staff'] });
  });
});
