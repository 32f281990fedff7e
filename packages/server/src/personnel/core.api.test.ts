// 涉密人员, the core record over HTTP (PGlite and PostgreSQL): the key-site register (R-SITE-01), posts
// and the placement refusal (R-PER-02, R-SITE-04, R-PER-01: every blocking fact with its date, nothing
// written), vettings (R-PER-01) and their todo, eligibility facts (R-PER-02), the ledger under
// personnelReadScope with its filters and audited export, the record's read rule (404 other
// organisation, 403 a colleague, 403 三员) and the timeline; hostile input and two officers at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, addMonths } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

const TODAY = todayInChina();
type Rec = {
  person: { id: string; name: string; chineseCitizen: boolean };
  personClass: string | null;
  keySites: { id: string; name: string }[];
  vetting: { state: string; validUntil: string | null } | null;
  posts: { id: string; name: string; personClass: string; keySiteId: string | null; leftOn: string | null }[];
  vettings: unknown[];
  facts: { id: string; condition: string; until: string | null; holds: boolean }[];
  abilities: Record<string, { allowed: boolean }>;
};
type Row = {
  personId: string;
  name: string;
  personClass: string | null;
  vettingState: string;
  validUntil: string | null;
  keySites: string[];
  coolingOffUntil: string | null;
};
type LedgerPage = { items: Row[]; total: number; abilities: Record<string, { allowed: boolean }> };

describe('personnel core: key sites, posts, vetting, facts, ledger (R-PER-01, R-PER-02, R-SITE-01, R-SITE-04)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let dept2Id: string;
  let officer: Client;
  let officerId: string;
  let officer2: Client;
  let staff: { client: Client; personId: string };
  let colleague: { client: Client; personId: string };
  let head2: { client: Client; personId: string };
  let leader: { client: Client; personId: string };
  let other: { client: Client; personId: string; orgId: string };
  let sys: Client;
  let sec: Client;
  let secretSite: string;
  let topSite: string;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM key_site) AS sites,
                (SELECT string_agg(name || level || kind, ',' ORDER BY id) FROM key_site) AS site_rows,
                (SELECT count(*)::int FROM personnel_post) AS posts,
                (SELECT string_agg(person_class || coalesce(key_site_id::text, '-'), ',' ORDER BY id) FROM personnel_post) AS post_rows,
                (SELECT count(*)::int FROM personnel_vetting) AS vettings,
                (SELECT count(*)::int FROM personnel_fact) AS facts,
                (SELECT string_agg(coalesce(until::text, '-'), ',' ORDER BY id) FROM personnel_fact) AS fact_rows`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  async function audited<T>(run: () => Promise<Response<T>>, status: number, action: string) {
    const head0 = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head0);
    const e = events.find((x) => x.action === action);
    assert.ok(e, `audit ${action}: ${events.map((x) => x.action).join()}`);
    return { body: r.body, event: e };
  }

  let n = 0;
  /** A person of the organisation (no account), with a clearance and a nationality. */
  const person = async (clearance = 'secret', nationality = '中国', dept = deptId) => {
    const p = await sys.post<{ id: string }>('/api/people', {
      orgId,
      departmentId: dept,
      name: `涉密${++n}号`,
      rank: 'section',
      nationality,
    });
    assert.equal(p.status, 201, p.raw);
    if (clearance !== 'none') await sec.put(`/api/people/${p.body.id}/clearance`, { clearance });
    return p.body.id;
  };
  const vet = (id: string, over: Record<string, unknown> = {}) =>
    officer.post<Rec>(`/api/personnel/people/${id}/vettings`, {
      vettedOn: addMonths(TODAY, -6),
      result: 'passed',
      reviewer: '市保密局审查组',
      personClass: 'core',
      clearance: 'top_secret',
      ...over,
    });
  const post = (id: string, over: Record<string, unknown> = {}, c = officer) =>
    c.post<Rec>(`/api/personnel/people/${id}/posts`, {
      name: '机要秘书',
      personClass: 'important',
      since: addDays(TODAY, -30),
      ...over,
    });
  const site = (over: Record<string, unknown> = {}, c = officer) =>
    c.post<{ id: string; name: string; level: string }>('/api/personnel/key-sites', {
      name: `要害部位${++n}`,
      kind: 'location',
      departmentId: deptId,
      level: 'secret',
      ...over,
    });
  const ledger = (c: Client, q = '') => c.get<LedgerPage>(`/api/personnel/ledger${q}`);

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
    dept2Id = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '机要室' })).body.id;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'secret')).client;
    staff = await t.member(orgId, deptId, ['staff'], 'secret');
    colleague = await t.member(orgId, deptId, ['staff'], 'secret');
    head2 = await t.member(orgId, dept2Id, ['department_head'], 'secret');
    leader = await t.member(orgId, deptId, ['leader'], 'secret');
    const o = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' });
    other = { client: o.client, personId: o.personId, orgId: o.orgId };
    secretSite = (await site({ name: '机要室', kind: 'department', level: 'secret' })).body.id;
    topSite = (await site({ name: '核心机房', level: 'top_secret' })).body.id;
  });
  after(() => t.close());

  test('R-SITE-01 the officer registers and changes a key site; the trail reads old → new', async () => {
    const made = await audited(
      () => site({ name: '档案库房', note: '地下一层' }),
      201,
      'personnel.key_site_create',
    );
    assert.equal(made.body.level, 'secret');
    const ch = await audited(
      () =>
        officer.patch<{ level: string }>(`/api/personnel/key-sites/${made.body.id}`, { level: 'top_secret' }),
      200,
      'personnel.key_site_update',
    );
    assert.equal(ch.body.level, 'top_secret');
    assert.deepEqual((ch.event.summary as Record<string, unknown>).level, {
      from: 'secret',
      to: 'top_secret',
    });
    const list = await staff.client.get<{
      items: { name: string }[];
      abilities: { write: { allowed: boolean } };
    }>('/api/personnel/key-sites');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((x) => x.name === '档案库房'));
    assert.equal(list.body.abilities.write.allowed, false);
    // Another organisation's register does not show ours.
    const theirs = await other.client.get<{ items: { name: string }[] }>('/api/personnel/key-sites');
    assert.ok(!theirs.body.items.some((x) => x.name === '档案库房'));
  });

  test('R-SITE-01 refusals: staff 403, sysadmin 403, blank or zero-width name, unknown field, other org, duplicate', async () => {
    await refused(() => site({}, staff.client), 403);
    await refused(() => site({}, sys), 403);
    await refused(() => site({ name: '\u200b\u200b' }), 400, { field: 'name' });
    await refused(() => site({ name: '   ' }), 400, { field: 'name' });
    await refused(() => site({ name: '多余', extra: 1 }), 400);
    await refused(() => site({ name: '超长'.repeat(60) }), 400, { field: 'name' });
    await refused(() => site({ name: '外单位部门', departmentId: other.orgId }), 404, {
      field: 'departmentId',
    });
    await refused(() => site({ name: '机要室' }), 409, { field: 'name' });
    await refused(() => other.client.patch(`/api/personnel/key-sites/${secretSite}`, { note: 'x' }), 404);
    await refused(
      () => officer.patch(`/api/personnel/key-sites/${secretSite}`, { level: 'unclassified' }),
      400,
    );
  });

  test('R-SITE-01 two officers registering the same name at once: one 201, one 409, never 500', async () => {
    const body = { name: '同名部位', kind: 'location', departmentId: deptId, level: 'secret' };
    const rs = await Promise.all([
      officer.post('/api/personnel/key-sites', body),
      officer2.post('/api/personnel/key-sites', body),
    ]);
    assert.deepEqual(rs.map((r) => r.status).sort(), [201, 409], rs.map((r) => r.raw).join());
  });

  test('R-PER-01 a post without a key site; two posts → the higher class; the record shows open posts', async () => {
    const id = await person('secret');
    const a = await audited(() => post(id, { personClass: 'general' }), 201, 'personnel.post_add');
    assert.equal(a.body.personClass, 'general');
    const b = await post(id, { name: '文印员', personClass: 'important' });
    assert.equal(b.status, 201, b.raw);
    assert.equal(b.body.personClass, 'important');
    assert.equal(b.body.posts.length, 2);
    assert.equal(b.body.vetting?.state, 'missing');
  });

  test('R-PER-02 placement in a key site: every blocking fact with its date, in one 409, nothing written', async () => {
    const id = await person('secret');
    const fact = await officer.post<Rec>(`/api/personnel/people/${id}/facts`, {
      condition: 'discipline',
      since: '2024-03-01',
      note: '记过处分',
    });
    assert.equal(fact.status, 201, fact.raw);
    const e = await refused(() => post(id, { keySiteId: topSite, personClass: 'core' }), 409, {
      rule: 'R-PER-02',
    });
    const all = (e.details ?? []) as { code: string; zh: string }[];
    const codes = all.map((x) => x.code);
    assert.ok(codes.includes('ineligible_discipline'), codes.join());
    assert.ok(codes.includes('ineligible_vetting_missing'), codes.join());
    assert.ok(codes.includes('ineligible_clearance'), codes.join());
    const zh = all.map((x) => x.zh).join('；');
    assert.match(zh, /受过党纪政纪记过以上处分（自2024-03-01起登记）/);
    assert.match(zh, /未经涉密资格审查/);
    assert.match(zh, /涉密等级（机密）低于.*绝密/);
  });

  test('R-SITE-04 a foreigner is refused a key site even when vetted and cleared', async () => {
    const id = await person('top_secret', '美国');
    assert.equal((await vet(id)).status, 201);
    const e = await refused(() => post(id, { keySiteId: secretSite }), 409, {
      code: 'ineligible_foreigner',
      rule: 'R-SITE-04',
    });
    assert.match(e.zh, /非中国公民/);
  });

  test('R-PER-01 clearance below the site’s level alone is refused; a vetted, cleared person is placed', async () => {
    const id = await person('secret');
    assert.equal((await vet(id, { clearance: 'secret', personClass: 'core' })).status, 201);
    await refused(() => post(id, { keySiteId: topSite }), 409, {
      code: 'ineligible_clearance',
      rule: 'R-PER-01',
    });
    const ok = await post(id, { keySiteId: secretSite, personClass: 'core' });
    assert.equal(ok.status, 201, ok.raw);
    assert.deepEqual(
      ok.body.keySites.map((s) => s.name),
      ['机要室'],
    );
    assert.equal(ok.body.vetting?.state, 'valid');
  });

  test('R-PER-01 an expired vetting keeps a person out; changing a post into a key site is checked too', async () => {
    const id = await person('secret');
    await vet(id, { vettedOn: addMonths(TODAY, -40), clearance: 'secret' });
    const made = await post(id);
    assert.equal(made.status, 201);
    assert.equal(made.body.vetting?.state, 'expired');
    const postId = made.body.posts[0]!.id;
    await refused(
      () => officer.patch(`/api/personnel/people/${id}/posts/${postId}`, { keySiteId: secretSite }),
      409,
      { code: 'ineligible_vetting_expired' },
    );
    await vet(id, { vettedOn: addDays(TODAY, -1), clearance: 'secret' });
    const ch = await audited(
      () =>
        officer.patch<Rec>(`/api/personnel/people/${id}/posts/${postId}`, {
          keySiteId: secretSite,
          personClass: 'core',
        }),
      200,
      'personnel.post_update',
    );
    assert.equal(ch.body.personClass, 'core');
    assert.deepEqual((ch.event.summary as Record<string, unknown>).personClass, {
      from: 'important',
      to: 'core',
    });
    // Out of the site again: no placement check.
    const out = await officer.patch<Rec>(`/api/personnel/people/${id}/posts/${postId}`, { keySiteId: null });
    assert.equal(out.status, 200, out.raw);
    assert.equal(out.body.keySites.length, 0);
  });

  test('R-PER-01 hostile input: dates 1900 and 9999, zero-width names, unknown fields, other org, staff, 三员', async () => {
    const id = await person('secret');
    await refused(() => post(id, { since: '1900-01-01' }), 400, {
      code: 'post_since_invalid',
      field: 'since',
    });
    await refused(() => post(id, { since: '9999-12-31' }), 400, {
      code: 'post_since_future',
      field: 'since',
    });
    await refused(() => post(id, { since: '2026-02-30' }), 400);
    await refused(() => post(id, { name: '\u200b\u200c' }), 400, { field: 'name' });
    await refused(() => post(id, { admin: true }), 400);
    await refused(() => vet(id, { vettedOn: '9999-12-31' }), 400, { code: 'vetting_date_future' });
    await refused(() => vet(id, { vettedOn: '1900-01-01' }), 400, { code: 'vetting_date_invalid' });
    await refused(() => vet(id, { clearance: 'none' }), 400, { code: 'vetting_clearance_none' });
    await refused(() => vet(id, { reviewer: '\u200b' }), 400, { field: 'reviewer' });
    await refused(
      () =>
        officer.post(`/api/personnel/people/${id}/facts`, { condition: 'discipline', since: '1899-12-31' }),
      400,
      { code: 'fact_date_invalid' },
    );
    await refused(
      () =>
        officer.post(`/api/personnel/people/${id}/facts`, { condition: 'discipline', since: '9999-12-31' }),
      400,
      { code: 'fact_date_future' },
    );
    await refused(
      () =>
        officer.post(`/api/personnel/people/${id}/facts`, { condition: 'other_unsuitable', since: TODAY }),
      400,
      { code: 'fact_note_missing' },
    );
    await refused(() => post(id, { keySiteId: '00000000-0000-4000-8000-000000000000' }), 404, {
      field: 'keySiteId',
    });
    await refused(() => post(id, {}, staff.client), 403);
    await refused(() => post(id, {}, sys), 403);
    await refused(() => post(id, {}, other.client), 404);
    await refused(() => post(other.personId), 404);
    await refused(() => post('00000000-0000-4000-8000-000000000000'), 404);
  });

  test('R-PER-02 facts: recorded, ended once (never a permanent one), listed with whether they hold', async () => {
    const id = await person('secret');
    const a = await audited(
      () =>
        officer.post<Rec>(`/api/personnel/people/${id}/facts`, {
          condition: 'temporary_hire',
          since: addMonths(TODAY, -3),
        }),
      201,
      'personnel.fact_record',
    );
    const hire = a.body.facts[0]!;
    assert.equal(hire.holds, true);
    const end = await audited(
      () => officer.post<Rec>(`/api/personnel/people/${id}/facts/${hire.id}/end`, { until: TODAY }),
      200,
      'personnel.fact_end',
    );
    assert.equal(end.body.facts[0]!.until, TODAY);
    assert.equal(end.body.facts[0]!.holds, false);
    await refused(
      () => officer.post(`/api/personnel/people/${id}/facts/${hire.id}/end`, { until: TODAY }),
      409,
      {
        code: 'fact_already_ended',
      },
    );
    const crim = await officer.post<Rec>(`/api/personnel/people/${id}/facts`, {
      condition: 'criminal_record',
      since: '2010-05-01',
    });
    const cid = crim.body.facts.find((f) => f.condition === 'criminal_record')!.id;
    await refused(() => officer.post(`/api/personnel/people/${id}/facts/${cid}/end`, { until: TODAY }), 400, {
      code: 'fact_permanent',
    });
    await refused(() => officer.post(`/api/personnel/people/${id}/facts/${cid}/end`, { until: TODAY }), 400);
    await refused(
      () => staff.client.post(`/api/personnel/people/${id}/facts/${cid}/end`, { until: TODAY }),
      403,
    );
  });

  test('R-PER-01 reading a record: self yes, colleague 403, another department’s head 403, other org 404, 三员 403; audited', async () => {
    await post(staff.personId, { personClass: 'general' });
    await post(colleague.personId, { personClass: 'general' });
    const mine = await audited(
      () => staff.client.get<Rec>(`/api/personnel/people/${staff.personId}`),
      200,
      'personnel.read',
    );
    assert.equal(mine.body.abilities.write!.allowed, false);
    await refused(() => staff.client.get(`/api/personnel/people/${colleague.personId}`), 403, {
      code: 'personnel_not_yours',
    });
    await refused(() => head2.client.get(`/api/personnel/people/${staff.personId}`), 403);
    await refused(() => other.client.get(`/api/personnel/people/${staff.personId}`), 404);
    for (const who of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const admin = await t.admin(who);
      await refused(() => admin.get(`/api/personnel/people/${staff.personId}`), 403);
    }
    const byLeader = await leader.client.get<Rec>(`/api/personnel/people/${staff.personId}`);
    assert.equal(byLeader.status, 200);
    const tl = await officer.get<{ items: { kind: string; zh: string; on: string }[] }>(
      `/api/personnel/people/${staff.personId}/timeline`,
    );
    assert.equal(tl.status, 200, tl.raw);
    assert.ok(tl.body.items.some((x) => x.kind === 'post' && x.zh.includes('机要秘书')));
    await refused(() => staff.client.get(`/api/personnel/people/${colleague.personId}/timeline`), 403);
  });

  test('R-PER-01 the ledger obeys the read scope: officer all, staff himself, a head his department', async () => {
    const inDept2 = await person('secret', '中国', dept2Id);
    await post(inDept2, { personClass: 'general' });
    const all = await ledger(officer, '?pageSize=500');
    assert.equal(all.status, 200, all.raw);
    assert.ok(all.body.total >= 5);
    assert.equal(all.body.abilities.write!.allowed, true);
    const mine = await ledger(staff.client);
    assert.deepEqual(
      mine.body.items.map((r) => r.personId),
      [staff.personId],
    );
    assert.equal(mine.body.abilities.export!.allowed, false);
    const h = await ledger(head2.client, '?pageSize=500');
    assert.deepEqual(
      h.body.items.map((r) => r.personId),
      [inDept2],
    );
    const theirs = await ledger(other.client);
    assert.equal(theirs.body.total, 0);
    for (const who of ['sysadmin', 'secadmin', 'auditor'] as const)
      assert.equal((await (await t.admin(who)).get('/api/personnel/ledger')).status, 403);
  });

  test('R-PER-01 ledger filters, sorting, paging; the 脱密期 filter; export audited, staff 403', async () => {
    const core = await ledger(officer, '?personClass=core&pageSize=500');
    assert.ok(core.body.items.length > 0);
    assert.ok(core.body.items.every((r) => r.personClass === 'core'));
    const inSite = await ledger(officer, `?keySiteId=${secretSite}&pageSize=500`);
    assert.ok(inSite.body.items.length > 0 && inSite.body.items.every((r) => r.keySites.includes('机要室')));
    const expired = await ledger(officer, '?vetting=expired&pageSize=500');
    assert.ok(expired.body.items.every((r) => r.vettingState === 'expired'));
    const missing = await ledger(officer, '?vetting=missing&pageSize=500');
    assert.ok(missing.body.items.length > 0);
    const p1 = await ledger(officer, '?pageSize=2&page=1');
    const p2 = await ledger(officer, '?pageSize=2&page=2');
    assert.equal(p1.body.items.length, 2);
    assert.notEqual(p1.body.items[0]!.personId, p2.body.items[0]!.personId);
    const byClass = await ledger(officer, '?sort=personClass&order=desc&pageSize=500');
    assert.equal(byClass.body.items[0]!.personClass, 'core');
    const q = await ledger(officer, `?q=${encodeURIComponent('涉密1号')}`);
    assert.ok(q.body.items.every((r) => r.name.includes('涉密1号')));
    await refused(() => ledger(officer, '?sort=password'), 400);
    // A person off every post, in his 脱密期 (the leaving part writes these rows).
    const left = await person('secret');
    const made = await post(left);
    const postId = made.body.posts[0]!.id;
    await t.db.query(`UPDATE personnel_post SET left_on = $2 WHERE id = $1`, [postId, TODAY]);
    await t.db.query(
      `INSERT INTO personnel_cooling_off (org_id, person_id, post_id, start_on, end_on, months, person_class, created_by_person_id)
       VALUES ($1, $2, $3, $4, $5, 12, 'important', $6)`,
      [orgId, left, postId, TODAY, addMonths(TODAY, 12), officerId],
    );
    const cooling = await ledger(officer, '?coolingOff=true');
    assert.deepEqual(
      cooling.body.items.map((r) => r.personId),
      [left],
    );
    assert.equal(cooling.body.items[0]!.coolingOffUntil, addMonths(TODAY, 12));
    assert.equal(cooling.body.items[0]!.personClass, null);
    const x = await audited(
      () => officer.get<string>('/api/personnel/ledger/export?format=csv&personClass=core'),
      200,
      'personnel.export',
    );
    assert.match(String(x.body), /姓名/);
    await refused(() => staff.client.get('/api/personnel/ledger/export?format=csv'), 403);
  });

  test('R-PER-01 a vetting due soon or expired is a todo for the secrecy officer', async () => {
    const id = await person('secret');
    await vet(id, { vettedOn: addDays(addMonths(TODAY, -36), 20), clearance: 'secret' });
    await post(id, { personClass: 'general' });
    const todos = await officer.get<{ items: { title: string; link: string | null }[] }>('/api/todos');
    assert.ok(
      todos.body.items.some((x) => x.link === `/personnel/${id}` && x.title.includes('即将到期')),
      JSON.stringify(todos.body.items.map((x) => x.title)),
    );
    const theirs = await staff.client.get<{ items: { link: string | null }[] }>('/api/todos');
    assert.ok(!theirs.body.items.some((x) => x.link === `/personnel/${id}`));
  });

  test('R-PER-01 candidates: people without an open post, for the officer only', async () => {
    const id = await person('secret');
    const c = await officer.get<{ items: { id: string }[] }>('/api/personnel/people/candidates');
    assert.equal(c.status, 200, c.raw);
    assert.ok(c.body.items.some((x) => x.id === id));
    assert.ok(!c.body.items.some((x) => x.id === staff.personId));
    await refused(() => staff.client.get('/api/personnel/people/candidates'), 403);
  });

  test('R-PER-01 two officers adding posts to one person at once: both recorded, never 500', async () => {
    const id = await person('secret');
    const rs = await Promise.all([post(id, { name: '岗位甲' }), post(id, { name: '岗位乙' }, officer2)]);
    assert.deepEqual(
      rs.map((r) => r.status),
      [201, 201],
      rs.map((r) => r.raw).join(),
    );
    const rec = await officer.get<Rec>(`/api/personnel/people/${id}`);
    assert.equal(rec.body.posts.length, 2);
  });
  test('the trail reads as words: a post change old → new, a read, a key site, an export', async () => {
    type Ev = {
      action: string;
      actionLabel: { zh: string };
      objectTypeLabel: { zh: string } | null;
      lines: { field: { zh: string }; value: { zh: string }; from?: { zh: string } }[];
    };
    const trail = async (action: string) =>
      (await sec.get<{ items: Ev[] }>(`/api/audit?action=${action}&pageSize=20`)).body.items;
    const changes = await trail('personnel.post_update');
    const change = changes.find((e) => e.lines.some((l) => l.field.zh === '涉密类别'));
    assert.ok(change, JSON.stringify(changes.map((e) => e.lines)));
    const out = changes.find((e) => e.lines.some((l) => l.field.zh === '保密要害部门部位'));
    assert.ok(out, 'the key site change reads by the site’s name');
    assert.equal(change.actionLabel.zh, '调整涉密岗位');
    const cls = change.lines.find((l) => l.field.zh === '涉密类别');
    assert.deepEqual([cls?.from?.zh, cls?.value.zh], ['重要涉密人员', '核心涉密人员']);
    assert.ok(change.lines.some((l) => l.field.zh === '涉密人员' && /涉密\d+号/.test(l.value.zh)));
    const [site] = await trail('personnel.key_site_update');
    const level = site!.lines.find((l) => l.field.zh === '处理的最高密级');
    assert.deepEqual([level?.from?.zh, level?.value.zh], ['机密', '绝密']);
    const [read] = await trail('personnel.read');
    assert.equal(read!.actionLabel.zh, '查看涉密人员记录');
    assert.ok(read!.lines.some((l) => l.field.zh === '查看内容'));
    for (const e of [change, site!, read!])
      assert.ok(!e.lines.some((l) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(l.value.zh)), JSON.stringify(e.lines));
  });
});
