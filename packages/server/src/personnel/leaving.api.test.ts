// The personnel part "leaving" over HTTP (R-PER-03, R-PER-06, R-CAR-08): commitments due, printed,
// registered once; leaving a post with the checklist the server enforces (a carrier in custody named,
// the exit commitment, the devices, the access), the leader's approval date, the 脱密期 written and
// recomputed on a class change, the watch list and its export; and the refusals an outsider tries.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, addMonths } from '@baomi/domain';
import { SYSTEM_ACTOR } from '../audit/chain.ts';
import { renderPdfDetailed } from '../exports/pdf.ts';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { leavingDemoSeed } from './leaving.demo.ts';
import { recomputeCoolingOff } from './leaving.part.ts';
import { commitmentForm } from './leaving.service.ts';
import { personTimelineSources } from './part.ts';

type Detail = {
  id: string;
  status: string;
  checklist: { item: string; done: boolean; zh: string }[];
  coolingOffEnd: string | null;
  abilities: Record<string, { allowed: boolean }>;
};

describe('personnel leaving (R-PER-03, R-PER-06, R-CAR-08)', () => {
  let t: TestApp;
  let officer: Client;
  let officerId: string;
  let orgId: string;
  let deptId: string;
  let target: { client: Client; personId: string };
  let colleague: { client: Client; personId: string };
  let leader: { client: Client; personId: string };
  let postA: string; // 重要, key site
  let postB: string; // 一般
  const today = todayInChina();
  const admins = {} as Record<'sysadmin' | 'secadmin' | 'auditor', Client>;

  const addPost = async (
    personId: string,
    name: string,
    cls: string,
    keySite: boolean,
    since = '2020-03-01',
  ) => {
    let siteId: string | null = null;
    if (keySite)
      siteId = (
        await t.db.query<{ id: string }>(
          `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
           VALUES ($1, $2, 'department', $3, 'secret', $4) RETURNING id`,
          [orgId, `要害部门${name}`, deptId, officerId],
        )
      ).rows[0]!.id;
    return (
      await t.db.query<{ id: string }>(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, key_site_id, since, created_by_person_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [orgId, personId, name, cls, siteId, since, officerId],
      )
    ).rows[0]!.id;
  };
  const rows = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM personnel_commitment)::int AS c, (SELECT count(*) FROM personnel_leaving)::int AS l,
                (SELECT count(*) FROM personnel_cooling_off)::int AS co,
                (SELECT string_agg(coalesce(left_on::text, '-'), ',' ORDER BY id) FROM personnel_post) AS posts,
                (SELECT string_agg(status || coalesce(reminder_talk_on::text, '') || coalesce(devices_not_returned::text, ''), ',' ORDER BY id) FROM personnel_leaving) AS ls`,
      )
    ).rows[0];

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    target = await t.member(orgId, deptId, ['staff'], 'secret');
    colleague = await t.member(orgId, deptId, ['staff'], 'secret');
    leader = await t.member(orgId, deptId, ['leader'], 'secret');
    for (const r of ['sysadmin', 'secadmin', 'auditor'] as const) admins[r] = await t.admin(r);
    postA = await addPost(target.personId, '机要文书岗', 'important', true);
    postB = await addPost(target.personId, '统计岗', 'general', false);
  });
  after(async () => t.close());

  const base = (p = target.personId) => `/api/personnel/commitments/people/${p}`;

  test('R-PER-03: what is due, printed, registered once; the person and the leaders read, a colleague does not', async () => {
    const due = await officer.get<{ due: { kind: string; postId: string | null }[] }>(base());
    assert.equal(due.status, 200, due.raw);
    const kinds = due.body.due.map(
      (d) => `${d.kind}:${d.postId === postA ? 'A' : d.postId === postB ? 'B' : '-'}`,
    );
    assert.deepEqual(kinds.sort(), ['on_post:A', 'on_post:B', 'responsibility_letter:A', 'yearly:-']);
    // The form, ready to sign, audited as a print.
    const head = await t.auditHead();
    const pdf = await officer.get(`${base()}/form.pdf?kind=responsibility_letter&postId=${postA}`);
    assert.equal(pdf.status, 200, pdf.raw.slice(0, 200));
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.raw.startsWith('%PDF'));
    const ev = await auditEventsSince(t.db, head);
    assert.ok(ev.some((e) => e.action === 'personnel.commitment_print'));
    // The form's words: organisation, person, post, class and the commitment's text.
    const form = await commitmentForm(
      t.db,
      {
        accountId: '',
        personId: officerId,
        orgId,
        departmentId: deptId,
        position: '',
        clearance: 'secret',
        roles: ['secrecy_officer'],
      },
      target.personId,
      { kind: 'responsibility_letter', postId: postA },
    );
    const text = (await renderPdfDetailed(form.spec)).pageText.flat().join('');
    for (const want of [
      '保密要害部门部位工作人员保密责任书',
      '机要文书岗',
      '重要涉密人员',
      '责任人签字',
      '保守国家秘密法',
    ])
      assert.ok(text.replace(/\s/g, '').includes(want), `${want} in ${text.slice(0, 300)}`);
    // Registered.
    const r = await officer.post(base(), { kind: 'on_post', postId: postA, signedOn: '2020-03-01' });
    assert.equal(r.status, 201, r.raw);
    // Twice: 409 naming the first, nothing written.
    const e = await expectRefusal(
      t,
      rows,
      () => officer.post(base(), { kind: 'on_post', postId: postA, signedOn: '2020-03-02' }),
      409,
      { code: 'commitment_already_registered' },
    );
    assert.match(e.zh, /2020-03-01/);
    // Bad dates, a year that does not match, a letter for a post outside a key site.
    await expectRefusal(
      t,
      rows,
      () => officer.post(base(), { kind: 'on_post', postId: postB, signedOn: '9999-01-01' }),
      400,
      {
        code: 'commitment_date_future',
      },
    );
    await expectRefusal(
      t,
      rows,
      () => officer.post(base(), { kind: 'on_post', postId: postB, signedOn: '1900-01-01' }),
      400,
      {
        code: 'commitment_date_invalid',
      },
    );
    await expectRefusal(
      t,
      rows,
      () => officer.post(base(), { kind: 'responsibility_letter', postId: postB, signedOn: today }),
      400,
      {
        code: 'commitment_not_key_site',
      },
    );
    await expectRefusal(
      t,
      rows,
      () => officer.post(base(), { kind: 'exit', postId: postB, signedOn: today }),
      400,
      {
        code: 'commitment_exit_not_leaving',
      },
    );
    for (const [kind, postId] of [
      ['on_post', postB],
      ['responsibility_letter', postA],
    ] as const)
      assert.equal((await officer.post(base(), { kind, postId, signedOn: '2020-03-01' })).status, 201);
    const year = Number(today.slice(0, 4));
    assert.equal((await officer.post(base(), { kind: 'yearly', year, signedOn: today })).status, 201);
    const after = await officer.get<{ due: unknown[] }>(base());
    assert.deepEqual(after.body.due, []);
    // Who reads: the person himself and a leader; a colleague 403; 三员 403; another org 404.
    assert.equal((await target.client.get(base())).status, 200);
    assert.equal((await leader.client.get(base())).status, 200);
    await expectRefusal(t, rows, () => colleague.client.get(base()), 403, { code: 'personnel_not_yours' });
    await expectRefusal(t, rows, () => colleague.client.get(`${base()}/form.pdf?kind=yearly`), 403);
    await expectRefusal(t, rows, () => admins.sysadmin.get(base()), 403);
    await expectRefusal(t, rows, () => admins.secadmin.get(base()), 403);
    await expectRefusal(t, rows, () => admins.auditor.get(base()), 403);
    const other = await t.businessUser({ roles: ['secrecy_officer'] });
    await expectRefusal(t, rows, () => other.client.get(base()), 404);
    await expectRefusal(
      t,
      rows,
      () => other.client.post(base(), { kind: 'yearly', year, signedOn: today }),
      404,
    );
    // Only the officer registers.
    await expectRefusal(
      t,
      rows,
      () => leader.client.post(base(), { kind: 'yearly', year: year - 1, signedOn: today }),
      403,
    );
  });

  test('R-PER-06, R-CAR-08: the checklist refuses approval naming each item and the carrier; then the 脱密期', async () => {
    // Start leaving post A (the officer only; another org cannot see the post).
    const other = await t.businessUser({ roles: ['secrecy_officer'] });
    await expectRefusal(t, rows, () => other.client.post('/api/personnel/leavings', { postId: postA }), 404);
    await expectRefusal(
      t,
      rows,
      () => colleague.client.post('/api/personnel/leavings', { postId: postA }),
      403,
    );
    await expectRefusal(
      t,
      rows,
      () => officer.post('/api/personnel/leavings', { postId: postA, startedOn: '2019-01-01' }),
      400,
      {
        code: 'leaving_entry_date_before_post',
      },
    );
    const started = await officer.post<Detail>('/api/personnel/leavings', { postId: postA, reason: '调离' });
    assert.equal(started.status, 201, started.raw);
    const id = started.body.id;
    assert.deepEqual(
      started.body.checklist.map((l) => l.done),
      [false, false, true, false, false],
    );
    await expectRefusal(t, rows, () => officer.post('/api/personnel/leavings', { postId: postA }), 409, {
      code: 'leaving_already_started',
    });
    // A carrier received into his custody through the carriers API.
    const recv = await officer.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '年度经济运行分析报告',
      docNumber: '江发改〔2026〕7号',
      sender: '市保密局',
      marking: '秘密 ★ 5 年',
      issueDate: today,
      distributionClass: 'county',
      knowScope: { personIds: [], departmentIds: [deptId], positions: [] },
      firstCopyNumber: '000003',
      copies: 1,
      custodianPersonId: target.personId,
    });
    assert.equal(recv.status, 201, recv.raw);
    const carrierId = recv.body.items[0]!.id;
    const url = `/api/personnel/leavings/${id}`;
    // Approval while everything is missing: 409 naming each item and the carrier.
    const e = await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
      409,
      { code: 'leaving_incomplete' },
    );
    assert.match(e.zh, /提醒谈话/);
    assert.match(e.zh, /离岗离职保密承诺书/);
    assert.match(e.zh, /年度经济运行分析报告/);
    assert.match(e.zh, /涉密设备/);
    assert.match(e.zh, /权限/);
    // Items recorded one by one (bad values refused, nothing written).
    await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/items`, { item: 'reminder_talk', on: '9999-12-31' }),
      400,
      {
        code: 'leaving_entry_date_future',
      },
    );
    await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/items`, { item: 'devices_returned', devicesNotReturned: -1 }),
      400,
      {
        code: 'leaving_devices_count_invalid',
      },
    );
    await expectRefusal(
      t,
      rows,
      () => colleague.client.post(`${url}/items`, { item: 'access_revoked', on: today }),
      403,
    );
    for (const body of [
      { item: 'reminder_talk', on: today, by: '保密办张主任' },
      { item: 'devices_returned', devicesNotReturned: 0 },
      { item: 'access_revoked', on: today },
    ]) {
      const r = await officer.post(`${url}/items`, body);
      assert.equal(r.status, 200, r.raw);
    }
    // Without the exit commitment: refused, naming it (and still the carrier).
    const e2 = await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
      409,
      {
        code: 'leaving_incomplete',
      },
    );
    assert.match(e2.zh, /离岗离职保密承诺书/);
    assert.match(e2.zh, /年度经济运行分析报告（第000003份）/);
    assert.equal((await officer.post(base(), { kind: 'exit', postId: postA, signedOn: today })).status, 201);
    // Hand the carrier over (R-CAR-08), through the carriers API.
    const ho = await officer.post('/api/carriers/handovers', {
      fromPersonId: target.personId,
      toPersonId: officerId,
      carrierIds: [carrierId],
      count: 1,
      signedByFrom: true,
      signedByTo: true,
    });
    assert.equal(ho.status, 200, ho.raw);
    const ready = await officer.get<Detail>(url);
    assert.ok(
      ready.body.checklist.every((l) => l.done),
      ready.raw,
    );
    assert.equal(ready.body.abilities.approve!.allowed, true);
    // Approval dates and lengths refused.
    const tomorrow = addMonths(today, 1);
    for (const [approvedOn, code] of [
      [tomorrow, 'leaving_date_future'],
      ['1900-01-01', 'leaving_date_invalid'],
      ['9999-12-31', 'leaving_date_future'],
      ['2026-02-30', 'leaving_date_invalid'],
    ] as const)
      await expectRefusal(
        t,
        rows,
        () => officer.post(`${url}/approve`, { approvedOn, approverName: '王局长' }),
        400,
        { code },
      );
    for (const m of [5, 61])
      await expectRefusal(
        t,
        rows,
        () =>
          officer.post(`${url}/approve`, { approvedOn: today, approverName: '王局长', coolingOffMonths: m }),
        400,
        { field: 'coolingOffMonths' },
      );
    await expectRefusal(
      t,
      rows,
      () => leader.client.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
      403,
    );
    await expectRefusal(
      t,
      rows,
      async () =>
        (await t.admin('sysadmin')).post(`${url}/approve`, { approvedOn: today, approverName: 'x' }),
      403,
    );
    // Two officers at once: one approves, the other 409 (never 500).
    const second = await t.member(orgId, deptId, ['secrecy_officer'], 'secret');
    const both = await Promise.all([
      officer.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
      second.client.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
    ]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], both.map((r) => r.raw).join('\n'));
    const done = await officer.get<Detail>(url);
    assert.equal(done.body.status, 'approved');
    // 重要: 2 years from the approval day.
    assert.equal(done.body.coolingOffEnd, addMonths(today, 24));
    const post = await t.db.query<{ left_on: string }>('SELECT left_on FROM personnel_post WHERE id = $1', [
      postA,
    ]);
    assert.equal(post.rows[0]!.left_on, today);
    // The approval form, filled, audited as a print.
    const pdf = await officer.get(`${url}/form.pdf`);
    assert.equal(pdf.status, 200);
    // The watch list and its export; the colleague sees no one, the person himself.
    const watch = await officer.get<{ items: { personId: string; end: string; daysLeft: number }[] }>(
      '/api/personnel/cooling-off?personClass=important',
    );
    assert.equal(watch.status, 200, watch.raw);
    assert.deepEqual(
      watch.body.items.map((i) => i.personId),
      [target.personId],
    );
    assert.equal(
      (await officer.get<{ items: unknown[] }>('/api/personnel/cooling-off?personClass=core')).body.items
        .length,
      0,
    );
    assert.equal(
      (await colleague.client.get<{ items: unknown[] }>('/api/personnel/cooling-off')).body.items.length,
      0,
    );
    assert.equal(
      (await target.client.get<{ items: unknown[] }>('/api/personnel/cooling-off')).body.items.length,
      1,
    );
    const head = await t.auditHead();
    const x = await officer.get('/api/personnel/cooling-off/export?format=xlsx');
    assert.equal(x.status, 200);
    assert.ok(
      (await auditEventsSince(t.db, head)).some((ev) => ev.action === 'personnel.cooling_off_export'),
    );
    await expectRefusal(t, rows, () => colleague.client.get('/api/personnel/cooling-off/export'), 403);
    // A class change during the 脱密期, decided in a major-matter review (the training part) on the post he
    // left: the period is recomputed, the longer standing (核心: 3 years), audited as words.
    const matter = await officer.post<{ id: string }>('/api/personnel/matters', {
      personId: target.personId,
      kind: 'foreign_contact',
      occurredOn: today,
      description: '离岗后发现其在岗期间曾接触核心涉密事项',
    });
    assert.equal(matter.status, 201, matter.raw);
    const head1 = await t.auditHead();
    const review = await officer.post(`/api/personnel/matters/${matter.body.id}/review`, {
      opinion: '按核心涉密人员管理',
      changeClassTo: 'core',
      postId: postA,
    });
    assert.equal(review.status, 200, review.raw);
    const endNow = (
      await t.db.query<{ e: string }>(
        'SELECT end_on::text AS e FROM personnel_cooling_off WHERE post_id = $1',
        [postA],
      )
    ).rows[0]!.e;
    assert.equal(endNow, addMonths(today, 36));
    assert.ok(
      (await auditEventsSince(t.db, head1)).some((ev) => ev.action === 'personnel.cooling_off_change'),
      'the longer 脱密期 is audited',
    );
    // Decided again directly: no change (the longer already stands); a lower class never shortens.
    const changed = await t.db.tx((sql) =>
      recomputeCoolingOff(sql, SYSTEM_ACTOR, target.personId, { on: today, personClass: 'core' }),
    );
    assert.deepEqual(changed, []);
    const lower = await t.db.tx((sql) =>
      recomputeCoolingOff(sql, SYSTEM_ACTOR, target.personId, { on: today, personClass: 'general' }),
    );
    assert.deepEqual(lower, []);
    // The timeline has the part's lines.
    const lines = (await Promise.all(personTimelineSources().map((s) => s(t.db, target.personId)))).flat();
    assert.ok(lines.some((l) => l.kind === 'cooling_off'));
    assert.ok(lines.some((l) => /批准离岗/.test(l.zh)));
    // Approved: no further change.
    await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/items`, { item: 'access_revoked', on: today }),
      409,
      {
        code: 'leaving_closed',
      },
    );
  });

  test('R-PER-06: a leaving without the exit commitment is refused; lists are scoped; policy lengths checked', async () => {
    const started = await officer.post<Detail>('/api/personnel/leavings', { postId: postB });
    const url = `/api/personnel/leavings/${started.body.id}`;
    for (const body of [
      { item: 'reminder_talk', on: today },
      { item: 'devices_returned', devicesNotReturned: 0 },
      { item: 'access_revoked', on: today },
    ])
      await officer.post(`${url}/items`, body);
    const e = await expectRefusal(
      t,
      rows,
      () => officer.post(`${url}/approve`, { approvedOn: today, approverName: '王局长' }),
      409,
      {
        code: 'leaving_incomplete',
        rule: 'R-PER-06',
      },
    );
    assert.equal(
      (e.details as { code: string }[]).map((d) => d.code).join(),
      'leaving_exit_commitment_missing',
    );
    // Lists: the officer sees both, the colleague none, the person his own, another org 404 on detail.
    const all = await officer.get<{ total: number }>('/api/personnel/leavings');
    assert.equal(all.body.total, 2);
    assert.equal((await colleague.client.get<{ total: number }>('/api/personnel/leavings')).body.total, 0);
    assert.equal(
      (await target.client.get<{ total: number }>('/api/personnel/leavings?status=open')).body.total,
      1,
    );
    await expectRefusal(t, rows, () => colleague.client.get(url), 403);
    const other = await t.businessUser({ roles: ['secrecy_officer'] });
    await expectRefusal(t, rows, () => other.client.get(url), 404);
    await expectRefusal(t, rows, () => other.client.get(`${url}/form.pdf`), 404);
    // The unit's lengths: 6 … 60 months, growing with the class.
    const pol = () =>
      t.db.query(`SELECT value FROM setting WHERE key LIKE 'personnel.leaving_policy.%'`).then((r) => r.rows);
    await expectRefusal(
      t,
      pol,
      () =>
        officer.put('/api/personnel/cooling-off/policy', {
          coolingOff: { core: 36, important: 24, general: 5 },
          yearlyDueBy: '03-31',
        }),
      400,
    );
    await expectRefusal(
      t,
      pol,
      () =>
        officer.put('/api/personnel/cooling-off/policy', {
          coolingOff: { core: 61, important: 24, general: 12 },
          yearlyDueBy: '03-31',
        }),
      400,
    );
    await expectRefusal(
      t,
      pol,
      () =>
        officer.put('/api/personnel/cooling-off/policy', {
          coolingOff: { core: 36, important: 24, general: 12 },
          yearlyDueBy: '02-30',
        }),
      400,
    );
    const ok = await officer.put('/api/personnel/cooling-off/policy', {
      coolingOff: { core: 60, important: 36, general: 6 },
      yearlyDueBy: '02-28',
    });
    assert.equal(ok.status, 200, ok.raw);
    const d = await officer.get<{ defaultMonths: number }>(url);
    assert.equal(d.body.defaultMonths, 6);
    // The todo for the officer names the leaving under way.
    const todos = await officer.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => /办理离岗/.test(x.title)),
      todos.raw,
    );
    // A 脱密期 ending within 30 days: a notice for the officer.
    await t.db.query(`UPDATE personnel_cooling_off SET end_on = $2::date WHERE person_id = $1`, [
      target.personId,
      addDays(today, 10),
    ]);
    const notes = await officer.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(
      notes.body.items.some((x) => /脱密期将于.*届满/.test(x.title)),
      notes.raw,
    );
  });
  test('demo: signed for most, some missing, one in a 脱密期, one leaving with an item missing; idempotent', async () => {
    // Nothing to do without the demo organisation or its posts.
    await leavingDemoSeed(t.db);
    const demo = await t.businessUser({ roles: ['secrecy_officer'] });
    await t.db.query(`UPDATE org SET name = '江临市发展和改革委员会' WHERE id = $1`, [demo.orgId]);
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await t.member(demo.orgId, demo.departmentId, ['staff']));
    for (const [i, m] of people.entries())
      await t.db.query(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          demo.orgId,
          m.personId,
          `岗位${i}`,
          i % 2 ? 'general' : 'important',
          `201${i}-05-0${i + 1}`,
          demo.personId,
        ],
      );
    const count = async () =>
      (
        await t.db.query<{ c: number; l: number; open: number; co: number }>(
          `SELECT (SELECT count(*) FROM personnel_commitment WHERE org_id = $1)::int AS c,
                  (SELECT count(*) FROM personnel_leaving WHERE org_id = $1)::int AS l,
                  (SELECT count(*) FROM personnel_leaving WHERE org_id = $1 AND status = 'open')::int AS open,
                  (SELECT count(*) FROM personnel_cooling_off WHERE org_id = $1)::int AS co`,
          [demo.orgId],
        )
      ).rows[0]!;
    await leavingDemoSeed(t.db);
    const once = await count();
    assert.deepEqual([once.l, once.open, once.co], [2, 1, 1]);
    assert.ok(once.c >= 8, JSON.stringify(once));
    await leavingDemoSeed(t.db);
    assert.deepEqual(await count(), once);
    // The open leaving misses the access revocation; some commitments are missing (todos).
    const open = await demo.client.get<{ items: { id: string }[] }>('/api/personnel/leavings?status=open');
    const d = await demo.client.get<Detail>(`/api/personnel/leavings/${open.body.items[0]!.id}`);
    assert.deepEqual(
      d.body.checklist.filter((l) => !l.done).map((l) => l.item),
      ['access_revoked'],
    );
    const watch = await demo.client.get<{ items: unknown[] }>('/api/personnel/cooling-off');
    assert.equal(watch.body.items.length, 1);
    const todos = await demo.client.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => /未签订/.test(x.title)),
      todos.raw,
    );
  });
});
