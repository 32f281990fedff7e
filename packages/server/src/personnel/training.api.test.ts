// The training part over HTTP (R-PER-04, R-PER-05, R-PER-07): sessions and hours against the unit's
// policy, the shortfall view, its export and the officer's todo; major-matter reports (the person about
// himself, the officer about anyone of his unit), one review at a time, a class change recorded with
// its day; the yearly assessment checked against the year's training, its sheet printed. Every refusal
// bilingual, nothing written; every change and every read of a person's record audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { SYSTEM_ACTOR } from '../audit/chain.ts';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { trainingShortfallPersonIds } from './training.part.ts';
import { recordImpliedMatter } from './training.service.ts';
import { trainingTimeline } from './training.timeline.ts';

type Session = {
  id: string;
  hours: number;
  attendeeCount: number;
  attendees: { personId: string }[];
  version: number;
};
type Matter = {
  id: string;
  personId: string;
  source: string;
  status: string;
  changedClassFrom: string | null;
  changedClassTo: string | null;
  changedOn: string | null;
};
type Short = { personId: string; required: number; attended: number; shortfall: number; todo: boolean };

const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));

describe('personnel training, major matters, assessments (R-PER-04, R-PER-05, R-PER-07)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officerPerson: string;
  let officer2: Client;
  let leader: Client;
  let a: { client: Client; personId: string }; // classified, dept 1
  let b: { client: Client; personId: string }; // classified, key site, dept 1
  let c: { client: Client; personId: string }; // classified, dept 2
  let plain: { client: Client; personId: string }; // no classified post
  let other: { client: Client; personId: string; orgId: string }; // another organisation's officer
  let bPost: string;

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM personnel_training_session) AS sessions,
                (SELECT count(*)::int FROM personnel_training_attendee) AS attendees,
                (SELECT count(*)::int FROM personnel_matter) AS matters,
                (SELECT count(*)::int FROM personnel_matter WHERE status = 'reviewed') AS reviewed,
                (SELECT count(*)::int FROM personnel_assessment) AS assessments,
                (SELECT string_agg(person_class, ',' ORDER BY id) FROM personnel_post) AS classes,
                (SELECT coalesce(sum(version), 0)::int FROM personnel_training_session) AS versions`,
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
    return { body: r.body, events };
  }
  const session = (over: Record<string, unknown> = {}) =>
    officer.post<Session>('/api/personnel/training/sessions', {
      topic: '保密法宣贯',
      heldOn: addDays(TODAY, -3),
      hours: 2,
      trainer: '市保密局',
      materials: ['保密法条文'],
      attendeeIds: [a.personId, b.personId],
      ...over,
    });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerPerson = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    const dept2 = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '业务二科' }))
      .body.id;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    leader = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    a = await t.member(orgId, deptId, ['staff'], 'secret');
    b = await t.member(orgId, deptId, ['staff'], 'secret');
    c = await t.member(orgId, dept2, ['staff'], 'secret');
    plain = await t.member(orgId, deptId, ['staff'], 'secret');
    const o = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    other = { client: o.client, personId: o.personId, orgId: o.orgId };
    const site = (
      await t.db.query<{ id: string }>(
        `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
         VALUES ($1, '机要室', 'location', $2, 'secret', $3) RETURNING id`,
        [orgId, deptId, officerPerson],
      )
    ).rows[0]!.id;
    const post = async (personId: string, cls: string, siteId: string | null, org = orgId) =>
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO personnel_post (org_id, person_id, name, person_class, key_site_id, since, created_by_person_id)
           VALUES ($1, $2, '涉密岗位', $3, $4, '2020-03-01', $5) RETURNING id`,
          [org, personId, cls, siteId, officerPerson],
        )
      ).rows[0]!.id;
    await post(a.personId, 'general', null);
    bPost = await post(b.personId, 'important', site);
    await post(c.personId, 'general', null);
    await post(other.personId, 'general', null, other.orgId);
  });
  after(() => t.close());

  test('R-PER-04 the training policy: defaults (4 class hours, 3 working days of 6 hours), checked, audited', async () => {
    const d = await a.client.get<Record<string, unknown>>('/api/personnel/training/policy');
    assert.deepEqual(d.body, { minHours: 4, keySiteMinDays: 3, hoursPerDay: 6, remindFrom: '10-01' });
    const body = { minHours: 4, keySiteMinDays: 3, hoursPerDay: 6, remindFrom: '10-01' };
    await refused(() => officer.put('/api/personnel/training/policy', { ...body, minHours: 0 }), 400, {
      code: 'training_min_hours_out_of_range',
      field: 'minHours',
    });
    await refused(
      () => officer.put('/api/personnel/training/policy', { ...body, remindFrom: '02-29' }),
      400,
      {
        field: 'remindFrom',
      },
    );
    await refused(() => officer.put('/api/personnel/training/policy', { ...body, extra: 1 }), 400);
    await refused(() => a.client.put('/api/personnel/training/policy', body), 403);
    await changed(
      () => officer.put('/api/personnel/training/policy', { ...body, minHours: 6 }),
      200,
      'personnel.training_policy',
    );
    assert.equal(
      (await officer.get<{ minHours: number }>('/api/personnel/training/policy')).body.minHours,
      6,
    );
    // Another organisation keeps the defaults.
    assert.equal(
      (await other.client.get<{ minHours: number }>('/api/personnel/training/policy')).body.minHours,
      4,
    );
    await changed(
      () => officer.put('/api/personnel/training/policy', body),
      200,
      'personnel.training_policy',
    );
  });

  test('R-PER-04 a session: hours, dates, attendees checked; nothing written on a refusal', async () => {
    for (const hours of [0, -1, 1000, 0.3])
      await refused(() => session({ hours }), 400, {
        code: 'training_hours_invalid',
        field: 'hours',
        rule: 'R-PER-04',
      });
    // 1e400 is Infinity once parsed.
    const inf = await officer.request(
      'POST',
      '/api/personnel/training/sessions',
      `{"topic":"x","heldOn":"${addDays(TODAY, -1)}","hours":1e400,"trainer":"x","attendeeIds":["${a.personId}"]}`,
    );
    assert.equal(inf.status, 400, inf.raw);
    await refused(() => session({ heldOn: '1900-01-01' }), 400, {
      code: 'training_date_invalid',
      field: 'heldOn',
    });
    await refused(() => session({ heldOn: '9999-12-31' }), 400, { code: 'training_date_future' });
    await refused(() => session({ heldOn: '2026-02-30' }), 400, { field: 'heldOn' });
    await refused(() => session({ attendeeIds: [] }), 400, { code: 'training_attendees_missing' });
    await refused(() => session({ attendeeIds: [a.personId, a.personId] }), 400, {
      code: 'training_attendee_duplicate',
    });
    await refused(() => session({ attendeeIds: [other.personId] }), 404, { field: 'attendeeIds' });
    await refused(() => session({ topic: '' }), 400, { field: 'topic' });
    await refused(() => session({ extra: 1 }), 400);
    await refused(() => a.client.post('/api/personnel/training/sessions', {}), 403);
    await refused(() => leader.post('/api/personnel/training/sessions', {}), 403);
    const s = await changed(() => session(), 201, 'personnel.training_session_create');
    assert.equal(s.body.attendeeCount, 2);
    // Edit and attendees.
    await refused(
      () => officer.patch(`/api/personnel/training/sessions/${s.body.id}`, { hours: 1000 }),
      400,
      {
        code: 'training_hours_invalid',
      },
    );
    await refused(
      () => other.client.patch(`/api/personnel/training/sessions/${s.body.id}`, { hours: 1 }),
      404,
    );
    await refused(
      () => officer.patch(`/api/personnel/training/sessions/${s.body.id}`, { attendeeIds: [] }),
      400,
    );
    const e = await changed(
      () => officer.patch<Session>(`/api/personnel/training/sessions/${s.body.id}`, { hours: 1.5 }),
      200,
      'personnel.training_session_update',
    );
    assert.equal(e.body.hours, 1.5);
    const at = await changed(
      () =>
        officer.put<Session>(`/api/personnel/training/sessions/${s.body.id}/attendees`, {
          attendeeIds: [a.personId, b.personId, c.personId],
        }),
      200,
      'personnel.training_attend',
    );
    assert.equal(at.body.attendeeCount, 3);
    await refused(
      () => officer.put(`/api/personnel/training/sessions/${s.body.id}/attendees`, { attendeeIds: [] }),
      400,
      {
        code: 'training_attendees_missing',
      },
    );
    // Reads: the officer and the leader; a staff member and the 三员 are refused.
    assert.equal((await leader.get<{ total: number }>('/api/personnel/training/sessions')).body.total, 1);
    await refused(() => a.client.get('/api/personnel/training/sessions'), 403);
    await refused(() => other.client.get(`/api/personnel/training/sessions/${s.body.id}`), 404);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const adm = await t.admin(role);
      await refused(() => adm.get('/api/personnel/training/shortfall'), 403);
      await refused(
        () => adm.post('/api/personnel/matters', { kind: 'other', occurredOn: TODAY, description: 'x' }),
        403,
      );
    }
  });

  test('R-PER-04 hours and the shortfall: key-site staff need 3 working days; the scope decides who is listed; export audited; todo', async () => {
    // Another 2-hour session for a only: a has 1.5 + 2 = 3.5 of 4; b 1.5 of 18; c 1.5 of 4.
    assert.equal((await session({ attendeeIds: [a.personId], hours: 2 })).status, 201);
    const all = await officer.get<{ items: Short[]; total: number; persons: number }>(
      `/api/personnel/training/shortfall?year=${YEAR}`,
    );
    assert.equal(all.status, 200, all.raw);
    const by = Object.fromEntries(all.body.items.map((x) => [x.personId, x]));
    assert.deepEqual(
      [
        by[a.personId]?.shortfall,
        by[b.personId]?.required,
        by[b.personId]?.shortfall,
        by[c.personId]?.shortfall,
      ],
      [0.5, 18, 16.5, 2.5],
    );
    assert.equal(all.body.items[0]!.personId, b.personId, 'most short first');
    // Filters.
    const ks = await officer.get<{ items: Short[] }>(`/api/personnel/training/shortfall?keySite=true`);
    assert.deepEqual(
      ks.body.items.map((x) => x.personId),
      [b.personId],
    );
    // A staff member sees himself only.
    const mine = await c.client.get<{ items: Short[] }>('/api/personnel/training/shortfall');
    assert.deepEqual(
      mine.body.items.map((x) => x.personId),
      [c.personId],
    );
    // The ledger's filter.
    const ids = await trainingShortfallPersonIds(t.db, orgId, YEAR);
    assert.deepEqual(ids.sort(), [a.personId, b.personId, c.personId].sort());
    // …wired into the 涉密人员台账: the officer's ledger filtered to the short ones (this year).
    const led = await officer.get<{ items: { personId: string }[] }>(
      '/api/personnel/ledger?trainingShortfall=true&pageSize=100',
    );
    assert.equal(led.status, 200, led.raw);
    assert.deepEqual(led.body.items.map((i) => i.personId).sort(), [...ids].sort());
    // Export.
    const x = await changed(
      () => officer.get(`/api/personnel/training/shortfall/export?format=csv&year=${YEAR}`),
      200,
      'personnel_training.export',
    );
    assert.match(String(x.body), /尚差学时/u);
    await refused(() => a.client.get('/api/personnel/training/shortfall/export'), 403);
    // The officer's todo (from 10-01 of the year on; a past year always).
    const todos = await officer.get<{ items: { title: string; link: string }[] }>('/api/todos');
    const due = TODAY.slice(5) >= '10-01';
    assert.equal(
      todos.body.items.some(
        (i) => i.link === `/personnel/training/shortfall?year=${YEAR}` && /3名/u.test(i.title),
      ),
      due,
      JSON.stringify(todos.body.items),
    );
    // The shortfall is the officer's todo, not the person's (his own commitments are, from the leaving part).
    assert.ok(
      !(await a.client.get<{ items: { link: string }[] }>('/api/todos')).body.items.some((i) =>
        i.link.startsWith('/personnel/training'),
      ),
    );
  });

  test('R-PER-05 major matters: the person about himself, the officer about anyone; one review at a time; a class change recorded', async () => {
    const m = (cl: Client, body: Record<string, unknown>) =>
      cl.post<Matter>('/api/personnel/matters', {
        kind: 'relatives_abroad',
        occurredOn: addDays(TODAY, -2),
        ...body,
      });
    await refused(
      () =>
        a.client.post('/api/personnel/matters', {
          personId: b.personId,
          kind: 'other',
          occurredOn: TODAY,
          description: 'x',
        }),
      403,
      {
        code: 'matter_self_only',
        rule: 'R-PER-05',
      },
    );
    await refused(() => m(a.client, { occurredOn: '1900-01-01' }), 400, { code: 'matter_date_invalid' });
    await refused(() => m(a.client, { occurredOn: '9999-12-31' }), 400, { code: 'matter_date_future' });
    await refused(() => m(a.client, { kind: 'other' }), 400, { code: 'matter_description_missing' });
    await refused(() => m(a.client, { description: '长'.repeat(2001) }), 400, {
      code: 'matter_description_too_long',
    });
    await refused(() => m(a.client, { kind: 'bogus' }), 400, { field: 'kind' });
    await refused(() => m(a.client, { extra: 1 }), 400);
    await refused(() => m(plain.client, {}), 409, { code: 'matter_not_classified' });
    await refused(() => m(officer, { personId: b.personId }), 400, { code: 'matter_description_missing' });
    await refused(() => m(other.client, { personId: a.personId, description: '境外' }), 404);
    const mine = await changed(
      () => m(a.client, { description: '女儿赴境外留学' }),
      201,
      'personnel.matter_report',
    );
    assert.equal(mine.body.source, 'self');
    assert.equal(mine.body.status, 'pending');
    const byOfficer = await changed(
      () =>
        m(officer, {
          personId: b.personId,
          kind: 'foreign_contact',
          description: '与境外人员非公务交往，未报告',
        }),
      201,
      'personnel.matter_report',
    );
    assert.equal(byOfficer.body.source, 'officer');
    // Reads: a sees his own only; c (another department) cannot read a's; the officer all.
    const aList = await a.client.get<{ items: Matter[] }>('/api/personnel/matters');
    assert.deepEqual(
      aList.body.items.map((x) => x.id),
      [mine.body.id],
    );
    await refused(() => c.client.get(`/api/personnel/matters/${mine.body.id}`), 403, {
      code: 'personnel_not_yours',
    });
    await refused(() => other.client.get(`/api/personnel/matters/${mine.body.id}`), 404);
    await changed(() => a.client.get(`/api/personnel/matters/${mine.body.id}`), 200, 'personnel.matter_read');
    assert.equal(
      (await officer.get<{ total: number }>('/api/personnel/matters?status=pending')).body.total,
      2,
    );
    // A pending report is the officer's todo.
    const todos = await officer.get<{ items: { link: string }[] }>('/api/todos');
    assert.ok(todos.body.items.some((i) => i.link.includes(mine.body.id)));
    // Review: the officer only; a staff member 403; another organisation 404.
    await refused(
      () => a.client.post(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '同意' }),
      403,
    );
    await refused(
      () => other.client.post(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '同意' }),
      404,
    );
    await refused(() => officer.post(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '' }), 400, {
      field: 'opinion',
    });
    await refused(
      () => officer.post(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '同意', postId: bPost }),
      400,
      {
        field: 'changeClassTo',
      },
    );
    // Two officers at once: one review, the other 409 (never 500).
    const [r1, r2] = await Promise.all([
      officer.post<Matter>(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '已谈话提醒' }),
      officer2.post<Matter>(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '同意备案' }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409], `${r1.raw} ${r2.raw}`);
    await refused(
      () => officer.post(`/api/personnel/matters/${mine.body.id}/review`, { opinion: '再审' }),
      409,
      {
        code: 'matter_already_reviewed',
      },
    );
    // A class change of b's post: audited old → new, kept with its day on the review.
    const rv = await changed(
      () =>
        officer.post<Matter>(`/api/personnel/matters/${byOfficer.body.id}/review`, {
          opinion: '调整为一般涉密人员',
          measures: '调离要害岗位前谈话',
          changeClassTo: 'general',
        }),
      200,
      'personnel.matter_review',
    );
    assert.deepEqual(
      [rv.body.changedClassFrom, rv.body.changedClassTo, rv.body.changedOn],
      ['important', 'general', TODAY],
    );
    const ev = rv.events.find((e) => e.action === 'personnel.matter_review')!;
    assert.deepEqual((ev.summary as { personClass: unknown }).personClass, {
      from: 'important',
      to: 'general',
    });
    const cls = (
      await t.db.query<{ c: string }>('SELECT person_class AS c FROM personnel_post WHERE id = $1', [bPost])
    ).rows[0]!.c;
    assert.equal(cls, 'general');
    // The timeline reads both.
    const lines = await trainingTimeline(t.db, b.personId);
    assert.ok(
      lines.some((l) => /一般/u.test(l.zh) && l.on === TODAY),
      JSON.stringify(lines),
    );
  });

  test('R-PER-05 R-PER-06a an approved private trip implies a matter, once per application', async () => {
    const app = '0f0f0f0f-0000-4000-8000-000000000001';
    const rec = () =>
      t.db.tx((sql) =>
        recordImpliedMatter(sql, SYSTEM_ACTOR, {
          orgId,
          personId: c.personId,
          kind: 'private_travel_abroad',
          occurredOn: TODAY,
          description: '因私赴泰国旅游',
          exitApplicationId: app,
          byPersonId: officerPerson,
        }),
      );
    const id1 = await rec();
    const id2 = await rec();
    assert.ok(id1 && id1 === id2);
    const row = (
      await t.db.query<{ kind: string; status: string }>(
        'SELECT kind, status FROM personnel_matter WHERE id = $1',
        [id1],
      )
    ).rows[0]!;
    assert.deepEqual(row, { kind: 'private_travel_abroad', status: 'reviewed' });
    assert.equal(
      await t.db.tx((sql) =>
        recordImpliedMatter(sql, SYSTEM_ACTOR, {
          orgId,
          personId: c.personId,
          kind: 'private_travel_abroad',
          exitKind: 'official',
          occurredOn: TODAY,
          description: '',
          byPersonId: officerPerson,
        }),
      ),
      null,
    );
    await assert.rejects(
      t.db.tx((sql) =>
        recordImpliedMatter(sql, SYSTEM_ACTOR, {
          orgId: other.orgId,
          personId: c.personId,
          kind: 'private_travel_abroad',
          occurredOn: TODAY,
          description: 'x',
          byPersonId: officerPerson,
        }),
      ),
    );
  });

  test('R-PER-07 R-PER-04 the yearly assessment: no better than the aspects, training not "meets" with a shortfall; once a year; printed', async () => {
    const meets = { discipline: 'meets', duties: 'meets', training: 'meets' };
    const assess = (cl: Client, over: Record<string, unknown>) =>
      cl.post<{ id: string; result: string }>('/api/personnel/assessments', {
        personId: a.personId,
        year: YEAR,
        ratings: meets,
        result: 'pass',
        ...over,
      });
    // This year a is 0.5 hours short.
    await refused(() => assess(officer, {}), 400, {
      code: 'assessment_training_shortfall',
      rule: 'R-PER-04',
    });
    await refused(
      () => assess(officer, { ratings: { ...meets, training: 'partly' }, result: 'excellent' }),
      400,
      {
        code: 'assessment_result_too_high',
      },
    );
    await refused(() => assess(officer, { year: YEAR + 1 }), 400, { code: 'assessment_year_invalid' });
    await refused(() => assess(officer, { year: 1900 }), 400, { code: 'assessment_year_invalid' });
    await refused(
      () => assess(officer, { year: 2019, ratings: { ...meets, training: 'partly' }, result: 'basic' }),
      400,
      {
        code: 'assessment_year_invalid',
      },
    );
    await refused(() => assess(officer, { ratings: { ...meets, extra: 'meets' } }), 400);
    await refused(() => assess(officer, { personId: plain.personId, year: YEAR - 1 }), 409, {
      code: 'assessment_not_classified',
    });
    await refused(() => assess(other.client, { year: YEAR - 1 }), 404);
    await refused(() => assess(a.client, { year: YEAR - 1 }), 403);
    // Last year: no sessions, so 4 hours short: training at best 基本符合.
    const body = {
      year: YEAR - 1,
      ratings: { ...meets, training: 'partly' },
      result: 'basic',
      comment: '培训学时不足',
    };
    const [x1, x2] = await Promise.all([assess(officer, body), assess(officer2, body)]);
    assert.deepEqual([x1.status, x2.status].sort(), [201, 409], `${x1.raw} ${x2.raw}`);
    const made = x1.status === 201 ? x1.body : x2.body;
    // The list of the year: a done, b and c due.
    const list = await officer.get<{ items: { personId: string; assessment: unknown }[] }>(
      `/api/personnel/assessments?year=${YEAR - 1}&state=due`,
    );
    assert.deepEqual(list.body.items.map((i) => i.personId).sort(), [b.personId, c.personId].sort());
    // The officer's todo for last year's due assessments.
    const todos = await officer.get<{ items: { link: string; title: string }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some(
        (i) => i.link === `/personnel/assessments?year=${YEAR - 1}&state=due` && /2名/u.test(i.title),
      ),
    );
    // The sheet: the person and the secrecy office print it; a colleague of another department cannot.
    const pdf = await changed(
      () => a.client.get(`/api/personnel/assessments/${made.id}/sheet.pdf`),
      200,
      'personnel_assessment.print',
    );
    assert.match(String(pdf.body).slice(0, 5), /%PDF/);
    await refused(() => c.client.get(`/api/personnel/assessments/${made.id}/sheet.pdf`), 403);
    await refused(() => other.client.get(`/api/personnel/assessments/${made.id}/sheet.pdf`), 404);
  });

  test('R-PER-01 a department head reads his department only; unknown fields and bad ids refused', async () => {
    const dept2 = (
      await t.db.query<{ d: string }>('SELECT department_id AS d FROM person WHERE id = $1', [c.personId])
    ).rows[0]!.d;
    const head = await t.member(orgId, dept2, ['department_head'], 'secret');
    const sf = await head.client.get<{ items: Short[] }>(`/api/personnel/training/shortfall?year=${YEAR}`);
    assert.deepEqual(
      sf.body.items.map((x) => x.personId),
      [c.personId],
    );
    const x = await head.client.get(`/api/personnel/training/shortfall/export?format=csv&year=${YEAR}`);
    assert.equal(x.status, 200);
    assert.ok(!String(x.body).includes('机要室'));
    assert.equal((await head.client.get<{ total: number }>('/api/personnel/matters')).body.total, 1); // c's implied trip
    await refused(() => head.client.get(`/api/personnel/training/people/${a.personId}`), 403);
    assert.equal((await head.client.get(`/api/personnel/training/people/${c.personId}`)).status, 200);
    const s = (await officer.get<{ items: Session[] }>('/api/personnel/training/sessions')).body.items[0]!;
    await refused(() => officer.patch(`/api/personnel/training/sessions/${s.id}`, { bogus: 1 }), 400);
    await refused(() => officer.patch('/api/personnel/training/sessions/not-a-uuid', { hours: 1 }), 400);
    await refused(
      () =>
        officer.put(`/api/personnel/training/sessions/${s.id}/attendees`, { attendeeIds: ['not-a-uuid'] }),
      400,
    );
    await refused(() => officer.get('/api/personnel/training/shortfall?year=99999'), 400);
    await refused(() => officer.get('/api/personnel/matters?status=bogus'), 400);
  });

  test('the person page section: hours, sessions, reports, assessments; read audited; the read rule', async () => {
    const r = await changed(
      () =>
        a.client.get<{
          required: number;
          attended: number;
          shortfall: number;
          sessions: unknown[];
          matters: unknown[];
          assessments: unknown[];
        }>(`/api/personnel/training/people/${a.personId}`),
      200,
      'personnel.training_read',
    );
    assert.deepEqual([r.body.required, r.body.attended, r.body.shortfall], [4, 3.5, 0.5]);
    assert.equal(r.body.sessions.length, 2);
    assert.equal(r.body.matters.length, 1);
    assert.equal(r.body.assessments.length, 1);
    await refused(() => c.client.get(`/api/personnel/training/people/${a.personId}`), 403);
    await refused(() => other.client.get(`/api/personnel/training/people/${a.personId}`), 404);
    await refused(() => officer.get('/api/personnel/training/people/not-a-uuid'), 400);
  });
});
