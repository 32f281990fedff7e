// 涉外活动, visitors & materials over HTTP (R-FOR-05, R-FOR-06, R-FOR-07, R-SITE-04, R-CAR-10): the
// visitor register (masked numbers in lists, the whole number in the audited detail, pinyin sort, Latin
// search, export), receptions (scope, route, escorts; a key site refused at the door until the visit's
// own approval — naming the site; the visit sheet), materials (no approval while the review is not
// released, state secrets refused without national approval and written obligation, 绝密 carrier never
// abroad, the chain department head → business office → secrecy office with the review re-checked,
// hand-over and recovery, the todo, the form), and the read rule (another organisation 404, a colleague
// 403, the 三员 403). Run on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Visitor = { id: string; name: string; docNumberMasked: string; docNumber?: string; visits: number };
type Visit = { id: string; status: string; approvalId: string | null; keySites: { name: string }[] };
type Material = { id: string; status: string; approvalId: string | null; notRecovered: boolean };
type Detail = Material & {
  blockers: { zh: string }[];
  abilities: Record<string, { allowed: boolean }>;
  review: { no: string; released: boolean } | null;
};
type Page<T> = { items: T[]; total: number };

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);

describe('foreign visitors and materials (R-FOR-05, R-FOR-06, R-FOR-07, R-SITE-04, R-CAR-10)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officerId: string;
  let officer: Client;
  let officer2: Client;
  let leader: Client;
  let head: Client;
  let bizHead: Client;
  let requester: { client: Client; personId: string };
  let escort: { client: Client; personId: string };
  let colleague: { client: Client; personId: string };
  let other: Client;
  let siteId: string;
  let activityId: string;
  let endedActivityId: string;
  let reviewNo = 0;

  const counts = async () =>
    (
      await t.db.query<Record<string, unknown>>(
        `SELECT (SELECT count(*)::int FROM foreign_visitor) AS visitors,
                (SELECT count(*)::int FROM foreign_visit) AS visits,
                (SELECT count(*)::int FROM foreign_material) AS materials,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT count(*)::int FROM approval_decision) AS decisions,
                (SELECT coalesce(string_agg(status, ',' ORDER BY id), '') FROM foreign_visit) AS visit_states,
                (SELECT coalesce(string_agg(status, ',' ORDER BY id), '') FROM foreign_material) AS states`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);
  const decide = (c: Client, approvalId: string, decision: string) =>
    c.post<{ status: string }>(`/api/approvals/${approvalId}/decide`, { decision, comment: '' });

  const activity = async (over: { endsOn?: string; startsOn?: string; kind?: string } = {}) => {
    const r = await t.db.query<{ id: string }>(
      `INSERT INTO foreign_activity (org_id, kind, title, title_sort, organiser_department_id, starts_on, ends_on, place,
                                     foreign_count, created_by_person_id, state)
       VALUES ($1, $2, '中德材料科学合作交流', 'zhong de', $3, $4, $5, '本单位', 4, $6, 'plan_approved') RETURNING id`,
      [orgId, over.kind ?? 'reception', deptId, over.startsOn ?? day(10), over.endsOn ?? day(12), officerId],
    );
    await t.db.query(
      'INSERT INTO foreign_activity_participant (activity_id, person_id) VALUES ($1, $2), ($1, $3)',
      [r.rows[0]!.id, requester.personId, escort.personId],
    );
    return r.rows[0]!.id;
  };
  const review = async (state: string, level: string | null = null, requesterId = requester.personId) => {
    reviewNo += 1;
    const r = await t.db.query<{ id: string }>(
      `INSERT INTO review_request (org_id, no, title, purpose, state, requester_person_id, decided_at, decided_by_person_id)
       VALUES ($1, $2, '合作研究项目简介', 'foreign_party', $3, $4,
               CASE WHEN $3 IN ('released', 'released_with_changes', 'refused') THEN now() END,
               CASE WHEN $3 IN ('released', 'released_with_changes', 'refused') THEN $5::uuid END) RETURNING id`,
      [orgId, `T-${String(reviewNo).padStart(4, '0')}`, state, requesterId, officerId], // not the API's SC- numbers
    );
    await t.db.query(
      `INSERT INTO review_file (review_id, name, size, sm3, bytes, report, highest_level, uploaded_by_person_id)
       VALUES ($1, '简介.docx', 3, $2, '\\x010203', '{"hits":[],"unread":[]}', $3, $4)`,
      [r.rows[0]!.id, 'a'.repeat(64), level, requesterId],
    );
    return r.rows[0]!.id;
  };
  const setReview = (id: string, state: string) =>
    t.db.query('UPDATE review_request SET state = $2 WHERE id = $1', [id, state]);
  const material = (over: Record<string, unknown> = {}) => ({
    activityId,
    title: '合作研究项目简介',
    kind: 'document',
    delivery: 'provide',
    recipients: ['德国某研究所材料研究部'],
    copies: 3,
    recovery: 'recover',
    recoveryTerms: '会谈结束后当场收回',
    recoverBy: day(13),
    ...over,
  });
  const visitor = (over: Record<string, unknown> = {}) => ({
    name: 'John Smith',
    nationality: '美国',
    organisation: 'University of Michigan',
    docType: 'passport',
    docNumber: 'E12345678',
    ...over,
  });
  const visit = (visitorIds: string[], over: Record<string, unknown> = {}) => ({
    visitorIds,
    visitOn: day(3),
    endsOn: day(3),
    purpose: '学术交流',
    scope: '一楼展厅',
    route: '东门—展厅—东门',
    escortIds: [escort.personId],
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    const biz = await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '科研处' });
    await t.db.query(`UPDATE department SET function = 'business_office' WHERE id = $1`, [biz.body.id]);
    bizHead = (await t.member(orgId, biz.body.id, ['department_head'])).client;
    head = (await t.member(orgId, deptId, ['department_head'])).client;
    leader = (await t.member(orgId, deptId, ['leader'])).client;
    officer2 = (await t.member(orgId, deptId, ['secrecy_officer'], 'top_secret')).client;
    requester = await t.member(orgId, deptId, []);
    escort = await t.member(orgId, deptId, []);
    colleague = await t.member(orgId, deptId, []);
    other = (await t.businessUser({ roles: ['secrecy_officer'] })).client;
    siteId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
         VALUES ($1, '机要室', 'location', $2, 'secret', $3) RETURNING id`,
        [orgId, deptId, officerId],
      )
    ).rows[0]!.id;
    activityId = await activity();
    endedActivityId = await activity({ startsOn: day(-10), endsOn: day(-2), kind: 'provision' });
  });
  after(() => t.close());

  // ---- the register

  test('R-FOR-05 a visitor is registered; lists mask the document number; the detail shows it, audited', async () => {
    const r = await requester.client.post<Visitor>('/api/foreign/visitors', visitor());
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.docNumberMasked, 'E1*****78');
    assert.ok(!r.raw.includes('E12345678'));
    const list = await officer.get<Page<Visitor>>('/api/foreign/visitors?q=john');
    assert.equal(list.status, 200, list.raw);
    assert.deepEqual(
      list.body.items.map((x) => x.name),
      ['John Smith'],
    );
    assert.ok(!list.raw.includes('E12345678'));
    const head0 = await t.auditHead();
    const d = await officer.get<Visitor>(`/api/foreign/visitors/${r.body.id}`);
    assert.equal(d.status, 200, d.raw);
    assert.equal(d.body.docNumber, 'E12345678');
    const events = await auditEventsSince(t.db, head0);
    const read = events.find((e) => e.action === 'foreign.visitor_read');
    assert.ok(read, events.map((e) => e.action).join());
    assert.ok(!JSON.stringify(events).includes('E12345678'), 'the trail holds the masked number only');
  });

  test('R-FOR-05 names sort by pinyin with Latin names among them; search is case-blind', async () => {
    for (const [name, doc] of [
      ['张三', 'G11112222'],
      ['李四', 'G11113333'],
      ['adam Brown', 'G11114444'],
    ] as const)
      assert.equal(
        (await officer.post('/api/foreign/visitors', visitor({ name, docNumber: doc }))).status,
        201,
      );
    const list = await officer.get<Page<Visitor>>('/api/foreign/visitors?pageSize=50');
    const names = list.body.items.map((x) => x.name);
    assert.ok(names.indexOf('adam Brown') < names.indexOf('李四'), names.join());
    assert.ok(names.indexOf('李四') < names.indexOf('张三'), names.join());
    const q = await officer.get<Page<Visitor>>('/api/foreign/visitors?q=ADAM');
    assert.deepEqual(
      q.body.items.map((x) => x.name),
      ['adam Brown'],
    );
  });

  test('R-FOR-05 the same document twice: 409 naming the field; zero-width names 400', async () => {
    await refused(() => officer.post('/api/foreign/visitors', visitor({ docNumber: 'e123 45678' })), 409, {
      code: 'visitor_document_exists',
      field: 'docNumber',
    });
    await refused(
      () => officer.post('/api/foreign/visitors', visitor({ name: '\u200b\u200d', docNumber: 'Z9' })),
      400,
    );
    await refused(() => officer.post('/api/foreign/visitors', visitor({ docNumber: 'A;B--' })), 400);
  });

  test('R-FOR-05 the register exports to Excel for the secrecy office; not for staff', async () => {
    const x = await officer.get('/api/foreign/visitors/export?format=xlsx');
    assert.equal(x.status, 200, x.raw.slice(0, 200));
    await refused(() => requester.client.get('/api/foreign/visitors/export'), 403);
  });

  // ---- receptions

  test('R-FOR-05 a visit without key sites is registered and takes place', async () => {
    const v = (await officer.get<Page<Visitor>>('/api/foreign/visitors?q=john')).body.items[0]!;
    const r = await requester.client.post<Visit>('/api/foreign/visits', visit([v.id], { activityId }));
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.status, 'registered');
    assert.equal(r.body.approvalId, null);
    const c = await escort.client.post<Visit>(`/api/foreign/visits/${r.body.id}/check-in`);
    assert.equal(c.status, 200, c.raw);
    assert.equal(c.body.status, 'visited');
    const sheet = await escort.client.get(`/api/foreign/visits/${r.body.id}/sheet.pdf`);
    assert.equal(sheet.status, 200);
    assert.match(String(sheet.headers['content-type']), /pdf/);
  });

  test('R-FOR-05, R-SITE-04 a visitor into a key site without its per-visit approval is refused, naming the site', async () => {
    const v = (await officer.get<Page<Visitor>>('/api/foreign/visitors?q=john')).body.items[0]!;
    const r = await requester.client.post<Visit>(
      '/api/foreign/visits',
      visit([v.id], { keySiteIds: [siteId] }),
    );
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.status, 'pending');
    assert.ok(r.body.approvalId);
    const e = await refused(() => escort.client.post(`/api/foreign/visits/${r.body.id}/check-in`), 409, {
      code: 'visit_key_site_unapproved',
      rule: 'R-FOR-05',
    });
    assert.match(e.zh, /机要室/);
    // The todo of the secrecy office.
    const todos = await officer.get<{ items: { subjectId: string | null }[] }>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.subjectId === r.body.id));
    // Approved for this visit: the secrecy office's opinion, the leader's approval.
    assert.equal((await decide(officer, r.body.approvalId!, 'opinion')).status, 200);
    assert.equal((await decide(leader, r.body.approvalId!, 'approve')).status, 200);
    const d = await escort.client.get<Visit>(`/api/foreign/visits/${r.body.id}`);
    assert.equal(d.body.status, 'approved');
    const c = await escort.client.post<Visit>(`/api/foreign/visits/${r.body.id}/check-in`);
    assert.equal(c.status, 200, c.raw);
    assert.equal(c.body.status, 'visited');
  });

  test('R-FOR-05 bad visits: 1900 and 9999 dates, no escort, an unknown key site, another organisation’s visitor', async () => {
    const v = (await officer.get<Page<Visitor>>('/api/foreign/visitors?q=john')).body.items[0]!;
    await refused(
      () =>
        officer.post('/api/foreign/visits', visit([v.id], { visitOn: '1900-01-01', endsOn: '1900-01-01' })),
      400,
      {
        code: 'visit_date_invalid',
      },
    );
    await refused(
      () =>
        officer.post('/api/foreign/visits', visit([v.id], { visitOn: '9999-12-31', endsOn: '9999-12-31' })),
      400,
    );
    await refused(() => officer.post('/api/foreign/visits', visit([v.id], { escortIds: [] })), 400);
    await refused(
      () =>
        officer.post(
          '/api/foreign/visits',
          visit([v.id], { keySiteIds: ['00000000-0000-4000-8000-000000000000'] }),
        ),
      400,
      { code: 'visit_key_site_unknown' },
    );
    await refused(() => other.post('/api/foreign/visits', visit([v.id])), 404);
  });

  // ---- materials

  test('R-FOR-07 a material is not submitted without a review, nor while the review is not released', async () => {
    const m = await requester.client.post<Material>('/api/foreign/materials', material());
    assert.equal(m.status, 201, m.raw);
    assert.equal(m.body.status, 'draft');
    await refused(() => requester.client.post(`/api/foreign/materials/${m.body.id}/submit`), 409, {
      code: 'material_review_missing',
    });
    const rid = await review('in_review');
    const l = await requester.client.post(`/api/foreign/materials/${m.body.id}/review`, { reviewId: rid });
    assert.equal(l.status, 200, l.raw);
    await refused(() => requester.client.post(`/api/foreign/materials/${m.body.id}/submit`), 409, {
      code: 'material_review_not_released',
      rule: 'R-FOR-06',
    });
    const d = await requester.client.get<Detail>(`/api/foreign/materials/${m.body.id}`);
    assert.equal(d.body.abilities.submit!.allowed, false);
    assert.match(d.body.blockers[0]!.zh, /尚未同意发布/);
    // A todo: the material waits for its review.
    const todos = await requester.client.get<{ items: { subjectId: string | null }[] }>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.subjectId === m.body.id));
  });

  test('D149 R-FOR-06 a review opened from a material runs no chain of its own; a forged source still does', async () => {
    type Review = { id: string; version: number; state: string; approval: { id: string } | null };
    const open = async (source: { module: string; id: string; label: string }) => {
      const r = await requester.client.post<Review>('/api/review', {
        title: '合作研究项目简介',
        purpose: 'foreign_party',
        source,
      });
      assert.equal(r.status, 201, r.raw);
      const up = await requester.client.request<Review>(
        'POST',
        `/api/review/${r.body.id}/files?fileName=${encodeURIComponent('简介.txt')}`,
        Buffer.from('公开的项目简介。'),
        { headers: { 'content-type': 'application/octet-stream' } },
      );
      assert.equal(up.status, 201, up.raw);
      return up.body;
    };
    const m = await requester.client.post<Material>('/api/foreign/materials', material());
    assert.equal(m.status, 201, m.raw);
    const linked = await open({ module: 'foreign', id: m.body.id, label: '对外提供资料：合作研究项目简介' });
    assert.equal(
      (await requester.client.post(`/api/foreign/materials/${m.body.id}/review`, { reviewId: linked.id }))
        .status,
      200,
    );
    const s1 = await requester.client.post<Review>(`/api/review/${linked.id}/submit`, {
      version: linked.version,
    });
    assert.equal(s1.status, 200, s1.raw);
    assert.equal(s1.body.approval, null, 'no department-head chain: the material’s own approval follows');
    // A source naming a material that does not link this review (or no material at all) is not believed.
    const forged = await open({ module: 'foreign', id: m.body.id, label: '伪造来源' });
    const s2 = await requester.client.post<Review>(`/api/review/${forged.id}/submit`, {
      version: forged.version,
    });
    assert.equal(s2.status, 200, s2.raw);
    assert.ok(s2.body.approval, 'the purpose chain runs for a review the material does not link');
  });

  test('R-FOR-06 the chain: department head → business office → secrecy office; the approval re-checks the review', async () => {
    const rid = await review('released');
    const m = await requester.client.post<Material>('/api/foreign/materials', material({ reviewId: rid }));
    assert.equal(m.status, 201, m.raw);
    const s = await requester.client.post<Material>(`/api/foreign/materials/${m.body.id}/submit`);
    assert.equal(s.status, 200, s.raw);
    assert.equal(s.body.status, 'pending');
    const a = s.body.approvalId!;
    assert.equal((await decide(head, a, 'opinion')).status, 200);
    assert.equal((await decide(bizHead, a, 'opinion')).status, 200);
    // The review withdrawn meanwhile: the secrecy office cannot approve.
    await setReview(rid, 'withdrawn');
    const r = await decide(officer, a, 'approve');
    assert.equal(r.status, 409, r.raw);
    assert.match(r.raw, /material_review_not_released/);
    await setReview(rid, 'released_with_changes');
    // Two secrecy officers at once: one decides, the other is refused (never 500).
    const both = await Promise.all([decide(officer, a, 'approve'), decide(officer2, a, 'approve')]);
    const codes = both.map((x) => x.status).sort();
    assert.equal(codes[0], 200, both.map((x) => x.raw).join('\n'));
    assert.ok([400, 404, 409].includes(codes[1]!), both.map((x) => x.raw).join('\n'));
    const d = await requester.client.get<Detail>(`/api/foreign/materials/${m.body.id}`);
    assert.equal(d.body.status, 'approved');
    // The form prints (audited); the hand-over and the recovery.
    const pdf = await requester.client.get(`/api/foreign/materials/${m.body.id}/form.pdf`);
    assert.equal(pdf.status, 200);
    const p = await requester.client.post<Material>(`/api/foreign/materials/${m.body.id}/provide`, {
      on: TODAY,
    });
    assert.equal(p.status, 200, p.raw);
    assert.equal(p.body.status, 'provided');
    await refused(
      () => requester.client.post(`/api/foreign/materials/${m.body.id}/close`, { on: '1900-01-01' }),
      400,
    );
    const c = await requester.client.post<Material>(`/api/foreign/materials/${m.body.id}/close`, {
      on: TODAY,
    });
    assert.equal(c.body.status, 'closed');
  });

  test('R-FOR-06 state secrets to a foreign party: refused without national approval and written obligation', async () => {
    const rid = await review('released');
    const marked = await requester.client.post<Material>(
      '/api/foreign/materials',
      material({ reviewId: rid, level: 'confidential' }),
    );
    assert.equal(marked.status, 201, marked.raw);
    const e = await refused(
      () => requester.client.post(`/api/foreign/materials/${marked.body.id}/submit`),
      409,
      {
        code: 'foreign_secrets_no_national_approval',
        rule: 'R-FOR-06',
      },
    );
    assert.equal(
      (e.details as { code: string }[]).some((x) => x.code === 'foreign_secrets_no_obligation'),
      true,
    );
    // A marking the review found counts the same.
    const found = await review('released', 'secret');
    const m2 = await requester.client.post<Material>('/api/foreign/materials', material({ reviewId: found }));
    await refused(() => requester.client.post(`/api/foreign/materials/${m2.body.id}/submit`), 409, {
      code: 'foreign_secrets_no_national_approval',
    });
    // Both recorded: it goes to approval.
    const ok = await requester.client.put<Material>(
      `/api/foreign/materials/${m2.body.id}`,
      material({
        reviewId: found,
        nationalApproval: { number: '国保函〔2026〕12号', on: TODAY, authority: '国家保密局' },
        obligation: { reference: '外方签署的保密协议', on: TODAY },
      }),
    );
    assert.equal(ok.status, 200, ok.raw);
    const s = await requester.client.post<Material>(`/api/foreign/materials/${m2.body.id}/submit`);
    assert.equal(s.status, 200, s.raw);
    assert.equal(s.body.status, 'pending');
    // Submitted twice at once: one pending, the other 409 (never 500).
    const twice = await Promise.all([
      requester.client.post(`/api/foreign/materials/${marked.body.id}/submit`),
      requester.client.post(`/api/foreign/materials/${marked.body.id}/submit`),
    ]);
    assert.deepEqual(
      twice.map((x) => x.status),
      [409, 409],
    );
  });

  test('R-CAR-10 a 绝密 carrier is never carried or mailed abroad', async () => {
    const c = await officer.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '某型号技术资料',
      docNumber: '绝密〔2026〕1号',
      sender: '上级机关',
      marking: '绝密 ★ 30 年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: { personIds: [], departmentIds: [deptId], positions: [] },
      firstCopyNumber: '000001',
      copies: 1,
    });
    assert.equal(c.status, 201, c.raw);
    const carrierId = c.body.items[0]!.id;
    await refused(
      () =>
        officer.post(
          '/api/foreign/materials',
          material({ carrierId, delivery: 'carry', level: 'top_secret' }),
        ),
      409,
      { code: 'top_secret_abroad', rule: 'R-CAR-10' },
    );
    await refused(
      () => officer.post('/api/foreign/materials', material({ carrierId, delivery: 'mail' })),
      409,
      {
        code: 'top_secret_abroad',
      },
    );
    // A 机密 carrier may go abroad, but only taken out under the carriers' take-out abroad (exit permit).
    const c2 = await officer.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '合作项目技术说明',
      docNumber: '机密〔2026〕2号',
      sender: '上级机关',
      marking: '机密 ★ 10 年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: { personIds: [], departmentIds: [deptId], positions: [] },
      firstCopyNumber: '000001',
      copies: 1,
    });
    assert.equal(c2.status, 201, c2.raw);
    const m = await officer.post<Material>(
      '/api/foreign/materials',
      material({ carrierId: c2.body.items[0]!.id, delivery: 'carry', level: 'secret', recovery: 'retain' }),
    );
    assert.equal(m.status, 201, m.raw);
    await t.db.query(`UPDATE foreign_material SET status = 'approved' WHERE id = $1`, [m.body.id]);
    await refused(() => officer.post(`/api/foreign/materials/${m.body.id}/provide`, { on: TODAY }), 409, {
      code: 'carrier_not_taken_out',
      rule: 'R-CAR-10',
    });
    // A participant not cleared for it: the carriers' own read rule answers (403), nothing written.
    await refused(
      () => escort.client.post('/api/foreign/materials', material({ carrierId, delivery: 'provide' })),
      403,
    );
  });

  test('R-FOR-06 bad input: Infinity, zero and fractional copies, 9999, zero-width recipients, unknown activity', async () => {
    await refused(
      () => requester.client.post('/api/foreign/materials', material({ copies: Number.POSITIVE_INFINITY })),
      400,
    );
    await refused(() => requester.client.post('/api/foreign/materials', material({ copies: 0 })), 400);
    await refused(() => requester.client.post('/api/foreign/materials', material({ copies: 1.5 })), 400);
    await refused(() => requester.client.post('/api/foreign/materials', material({ copies: 1e308 })), 400);
    await refused(
      () => requester.client.post('/api/foreign/materials', material({ recoverBy: '9999-12-31' })),
      400,
      {
        code: 'material_recover_by_invalid',
      },
    );
    await refused(
      () => requester.client.post('/api/foreign/materials', material({ recipients: ['\u200b'] })),
      400,
    );
    await refused(
      () =>
        requester.client.post(
          '/api/foreign/materials',
          material({ nationalApproval: { number: 'x', on: '1900-01-01', authority: 'y' } }),
        ),
      400,
      { code: 'material_date_invalid' },
    );
    await refused(
      () =>
        requester.client.post(
          '/api/foreign/materials',
          material({ activityId: '00000000-0000-4000-8000-000000000000' }),
        ),
      404,
    );
    await refused(() => colleague.client.post('/api/foreign/materials', material()), 404);
  });

  test('R-FOR-08 a material provided and not recovered after its activity ended is a todo', async () => {
    const rid = await review('released');
    const m = await requester.client.post<Material>(
      '/api/foreign/materials',
      material({ activityId: endedActivityId, reviewId: rid, recoverBy: day(5) }),
    );
    assert.equal(m.status, 201, m.raw);
    await t.db.query(`UPDATE foreign_material SET status = 'provided', provided_on = $2 WHERE id = $1`, [
      m.body.id,
      day(-5),
    ]);
    const list = await officer.get<Page<Material>>('/api/foreign/materials?notRecovered=true');
    assert.deepEqual(
      list.body.items.map((x) => x.id),
      [m.body.id],
    );
    const todos = await officer.get<{ items: { subjectId: string | null; title: string }[] }>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.subjectId === m.body.id && /待回收/.test(x.title)));
  });

  // ---- the read rule

  test('R-FOR-05 read rule: another organisation 404, a colleague 403 and not in his lists, the 三员 403', async () => {
    const v = (await officer.get<Page<Visitor>>('/api/foreign/visitors?q=john')).body.items[0]!;
    const m = (await requester.client.get<Page<Material>>('/api/foreign/materials')).body.items[0]!;
    const vs = (await officer.get<Page<Visit>>('/api/foreign/visits')).body.items[0]!;
    await refused(() => other.get(`/api/foreign/visitors/${v.id}`), 404);
    await refused(() => other.get(`/api/foreign/materials/${m.id}`), 404);
    await refused(() => other.get(`/api/foreign/visits/${vs.id}`), 404);
    await refused(() => colleague.client.get(`/api/foreign/materials/${m.id}`), 403);
    await refused(() => colleague.client.get(`/api/foreign/visitors/${v.id}`), 403);
    assert.equal((await colleague.client.get<Page<Material>>('/api/foreign/materials')).body.total, 0);
    assert.equal((await colleague.client.get<Page<Visitor>>('/api/foreign/visitors')).body.total, 0);
    // The escort reads the visitor of the visit he escorts.
    assert.equal((await escort.client.get(`/api/foreign/visitors/${v.id}`)).status, 200);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      await refused(() => a.get('/api/foreign/visitors'), 403);
      await refused(() => a.get(`/api/foreign/materials/${m.id}`), 403);
      await refused(() => a.post('/api/foreign/visitors', visitor({ docNumber: 'Q12345' })), 403);
    }
  });
});
