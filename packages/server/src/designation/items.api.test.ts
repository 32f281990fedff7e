// Designation items over HTTP: the whole procedure (R-DES-06), derived items (R-DES-01), corrections,
// returns, escalation and unclear matters (R-DES-07), A/B (R-DES-05), changes, release and the daily
// job (R-DES-08), knowers (R-DES-08a), ledger and audited reads (R-SYS-03), and every refusal.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays, addWorkingDays, addYears } from '@baomi/domain';
import { runJobOnce } from '../jobs/runner.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { todayInChina } from './common.ts';
import { designationReleaseJob, releaseDueItems } from './items.release.ts';

type Item = {
  id: string;
  status: string;
  level: string;
  period: Record<string, unknown>;
  knowScope: { personIds: string[]; departmentIds: string[]; positions: string[] };
  approvalId: string | null;
  itemNumber: string | null;
  marking: string | null;
  releaseDate: string | null;
  protectionLevel: string | null;
  decidedByOrgId: string | null;
  origin: string;
};
type Detail = Item & {
  approvals: {
    id: string;
    flowType: string;
    decisions: { decision: string; role: string; actingAs: string | null }[];
  }[];
  changes: { kind: string; status: string }[];
  escalations: {
    kind: string;
    toOrgId: string;
    status: string;
    reportedByDeadline: string | null;
    decideByDeadline: string | null;
  }[];
  knowers: { personId: string }[];
};
type Approval = { id: string; status: string; stepIndex: number };
type Todos = { items: { kind: string; link: string | null; title: string; subjectId: string | null }[] };
interface Person {
  client: Client;
  personId: string;
  accountId: string;
}

const TODAY = todayInChina();
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('designation items (定密事项)', () => {
  let t: TestApp;
  let bureau: string;
  let prov: string;
  let city: string;
  let cityDept: string;
  let handler: Person;
  let officer: Person;
  let designator: Person;
  let inScope: Person;
  let outsider: Person;
  let provDesignator: Person;
  let other: Person;
  let entrySecret: string;
  let entryTop: string;
  let entryLong: string;
  let n = 0;

  const sys = () => t.admin('sysadmin');
  async function org(level: string, kind: string, parentId: string | null) {
    const r = await (await sys()).post<{ id: string }>('/api/orgs', {
      name: `单位${++n}-${randomBytes(2).toString('hex')}`,
      parentId,
      level,
      kind,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  async function dept(orgId: string) {
    const r = await (await sys()).post<{ id: string }>(`/api/orgs/${orgId}/departments`, {
      name: `部门${++n}`,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  async function entry(orgId: string, maxLevel: string, indefinite: boolean) {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO secret_catalogue_entry (org_id, clause, title, max_level, indefinite_allowed, created_by)
       VALUES ($1, $2, '测试条目', $3, $4, $5) RETURNING id`,
      [orgId, `第${++n}条`, maxLevel, indefinite, handler.accountId],
    );
    return rows[0]!.id;
  }

  const scope = (...personIds: string[]) => ({ personIds, departmentIds: [], positions: [] });
  const draftBody = (extra: Record<string, unknown> = {}) => ({
    title: `某项目技术方案${++n}`,
    basis: { catalogueEntryId: entrySecret, text: '', grounds: NO },
    origin: 'original',
    level: 'secret',
    period: { kind: 'years', n: 5 },
    issueDate: TODAY,
    knowScope: scope(inScope.personId),
    ...extra,
  });

  async function draft(extra: Record<string, unknown> = {}, who = handler) {
    const r = await who.client.post<Item>('/api/designation/items', draftBody(extra));
    assert.equal(r.status, 201, r.raw);
    return r.body;
  }
  async function submit(id: string, body: Record<string, unknown> = {}) {
    const r = await handler.client.post<Item>(`/api/designation/items/${id}/submit`, body);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  }
  async function decide(who: Person, approvalId: string, decision: string, comment = '同意') {
    const r = await who.client.post<Approval>(`/api/approvals/${approvalId}/decide`, { decision, comment });
    assert.equal(r.status, 200, r.raw);
    return r.body;
  }
  const detail = async (id: string, who = handler) => {
    const r = await who.client.get<Detail>(`/api/designation/items/${id}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };
  /** Draft → submit → officer's opinion → designator's approval. */
  async function designate(extra: Record<string, unknown> = {}) {
    const d = await submit((await draft(extra)).id);
    await decide(officer, d.approvalId!, 'opinion');
    await decide(designator, d.approvalId!, 'approve');
    return detail(d.id);
  }

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM designation_item) AS items,
                (SELECT count(*)::int FROM designation_change) AS changes,
                (SELECT count(*)::int FROM designation_escalation) AS escalations,
                (SELECT count(*)::int FROM designation_knower) AS knowers,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT count(*)::int FROM approval_decision) AS decisions,
                (SELECT count(*)::int FROM todo) AS todos,
                (SELECT coalesce(max(updated_at)::text, '') FROM designation_item) AS touched`,
      )
    ).rows[0]!;

  /** A refusal: the status, a bilingual message (zh in Chinese), code/field/rule, nothing written. */
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  before(async () => {
    t = await createTestApp();
    bureau = await org('province', 'secrecy_bureau', null);
    prov = await org('province', 'party_gov', bureau);
    city = await org('city', 'party_gov', prov);
    cityDept = await dept(city);
    const provDept = await dept(prov);
    handler = await t.member(city, cityDept, ['staff'], 'top_secret'); // drafts 绝密 matters: must be cleared for them (R-PER-01)
    officer = await t.member(city, cityDept, ['secrecy_officer'], 'top_secret');
    designator = await t.member(city, cityDept, ['designator', 'leader'], 'top_secret');
    inScope = await t.member(city, cityDept, ['staff'], 'secret');
    outsider = await t.member(city, cityDept, ['staff'], 'top_secret');
    provDesignator = await t.member(prov, provDept, ['designator', 'leader'], 'top_secret');
    const o = await t.businessUser({
      roles: ['secrecy_officer', 'designator', 'leader'],
      clearance: 'top_secret',
    });
    other = o;
    entrySecret = await entry(city, 'secret', false);
    entryTop = await entry(city, 'top_secret', false);
    entryLong = await entry(city, 'secret', true);
  });
  after(() => t.close());

  test('R-DES-06 R-LVL-03 R-DES-08a original designation: draft → officer opinion → designator approval → number, marking, knowers, notices', async () => {
    const d = await draft();
    assert.equal(d.status, 'draft');
    const head = await t.auditHead();
    const s = await submit(d.id);
    assert.equal(s.status, 'in_review');
    assert.ok(s.approvalId);
    await decide(officer, s.approvalId!, 'opinion', '拟同意');
    await decide(designator, s.approvalId!, 'approve');
    const it = await detail(d.id);
    assert.equal(it.status, 'approved');
    assert.match(it.itemNumber!, new RegExp(`^${TODAY.slice(0, 4)}-\\d{4}$`));
    assert.equal(it.marking, '机密★5年');
    assert.equal(it.releaseDate, addDays(addYears(TODAY, 5), 1));
    const knowers = new Set(it.knowers.map((k) => k.personId));
    for (const p of [inScope, handler, officer, designator])
      assert.ok(knowers.has(p.personId), 'knower recorded');
    assert.ok(!knowers.has(outsider.personId));
    const decisions = it.approvals[0]!.decisions;
    assert.deepEqual(
      decisions.map((x) => [x.decision, x.role, x.actingAs]),
      [
        ['opinion', 'secrecy_officer', null],
        ['approve', 'designator', 'A'],
      ],
    );
    const todos = await inScope.client.get<Todos>('/api/todos');
    assert.ok(
      todos.body.items.some(
        (x) => x.kind === 'notice' && x.subjectId === d.id && x.title.includes('机密★5年'),
      ),
    );
    const actions = (await auditEventsSince(t.db, head)).map((e) => e.action);
    for (const a of [
      'designation_item.submit',
      'approval.open',
      'approval.opinion',
      'approval.approve',
      'designation_item.approve',
    ])
      assert.ok(actions.includes(a), `${a} in ${actions}`);
    // R-DES-06 R-LVL-05: the printable 国家秘密事项定密审核审批表, marked, its print audited.
    const h = await t.auditHead();
    const pdf = await handler.client.get(`/api/designation/items/${d.id}/form.pdf`);
    assert.equal(pdf.status, 200, pdf.raw.slice(0, 200));
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.raw.startsWith('%PDF-'));
    const printed = await auditEventsSince(t.db, h);
    assert.deepEqual(
      printed.map((e) => [e.action, e.objectId]),
      [['designation_item.print', d.id]],
    );
    assert.equal(printed[0]!.summary.marking, '机密★5年');
    assert.equal((await other.client.get(`/api/designation/items/${d.id}/form.pdf`)).status, 404);
    const k = await designator.client.get<{ items: { personId: string }[] }>(
      `/api/designation/items/${d.id}/knowers`,
    );
    assert.equal(k.status, 200, k.raw);
    assert.equal(k.body.items.length, it.knowers.length);
  });

  test('R-DES-01 a derived item takes its source’s level, period and scope (later issue: the source’s release date)', async () => {
    const src = await designate();
    const same = await draft({
      origin: 'derived',
      sourceItemId: src.id,
      level: undefined,
      period: undefined,
      knowScope: undefined,
      basis: { text: '', grounds: NO },
    });
    assert.equal(same.level, 'secret');
    assert.deepEqual(same.period, { kind: 'years', n: 5 });
    assert.deepEqual(same.knowScope, src.knowScope);
    const later = addDays(TODAY, 3);
    const d = await draft({
      origin: 'derived',
      sourceItemId: src.id,
      issueDate: later,
      level: undefined,
      period: undefined,
      knowScope: undefined,
      basis: { text: '', grounds: NO },
    });
    assert.deepEqual(d.period, { kind: 'date', date: src.releaseDate });
    const s = await submit(d.id);
    assert.equal(s.status, 'in_review', 'derived designation is not limited by authority');
    await decide(officer, s.approvalId!, 'opinion');
    await decide(designator, s.approvalId!, 'approve');
    const it = await detail(d.id);
    assert.equal(it.origin, 'derived');
    const [y, m, dd] = src.releaseDate!.split('-').map(Number);
    assert.equal(it.marking, `机密★${y}年${m}月${dd}日`);
    assert.equal(it.releaseDate, src.releaseDate);
  });

  test('R-DES-06 the designator corrects level, period and scope with a note; the corrected terms are designated', async () => {
    const s = await submit((await draft({ period: { kind: 'years', n: 10 } })).id);
    await decide(officer, s.approvalId!, 'opinion');
    await refused(
      () =>
        inScope.client.post(`/api/designation/items/${s.id}/correct`, {
          level: 'confidential',
          period: { kind: 'years', n: 3 },
          knowScope: scope(inScope.personId),
          note: '降为秘密',
        }),
      403,
      { code: 'forbidden' },
    );
    await refused(
      () =>
        designator.client.post(`/api/designation/items/${s.id}/correct`, {
          level: 'confidential',
          period: { kind: 'years', n: 15 },
          knowScope: scope(inScope.personId),
          note: '超过最长期限',
        }),
      400,
      { code: 'period_exceeds_maximum', rule: 'R-LVL-02' },
    );
    const r = await designator.client.post<Item>(`/api/designation/items/${s.id}/correct`, {
      level: 'confidential',
      period: { kind: 'years', n: 3 },
      knowScope: scope(inScope.personId, outsider.personId),
      note: '密级过高，改为秘密3年',
    });
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.status, 'approved');
    assert.equal(r.body.level, 'confidential');
    assert.equal(r.body.marking, '秘密★3年');
    assert.deepEqual(r.body.knowScope.personIds, [inScope.personId, outsider.personId]);
    const it = await detail(s.id);
    assert.deepEqual(
      it.approvals[0]!.decisions.map((x) => x.decision),
      ['opinion', 'correct'],
    );
    assert.equal(it.knowers.length, 0, 'R-DES-08a: 秘密 items keep no knower list');
  });

  test('R-DES-06 a returned item is edited and resubmitted: the same approval runs again from the officer', async () => {
    const s = await submit((await draft()).id);
    const back = await officer.client.post<Approval>(`/api/approvals/${s.approvalId}/decide`, {
      decision: 'return',
      comment: '依据不充分',
    });
    assert.equal(back.status, 200, back.raw);
    let it = await detail(s.id);
    assert.equal(it.status, 'returned');
    const edit = await handler.client.put<Item>(
      `/api/designation/items/${s.id}`,
      draftBody({ title: '补充依据后的方案' }),
    );
    assert.equal(edit.status, 200, edit.raw);
    const again = await submit(s.id);
    assert.equal(again.status, 'in_review');
    assert.equal(again.approvalId, s.approvalId, 'resubmitted, not a new approval');
    await decide(officer, s.approvalId!, 'opinion');
    await decide(designator, s.approvalId!, 'approve');
    it = await detail(s.id);
    assert.equal(it.status, 'approved');
    assert.equal(it.approvals[0]!.decisions.length, 3);
  });

  test('R-DES-07 a returned item raised above the authority goes up when resubmitted; the returned request is closed', async () => {
    const s = await submit((await draft()).id);
    await decide(officer, s.approvalId!, 'return', '应为绝密');
    const raised = draftBody({
      level: 'top_secret',
      period: { kind: 'years', n: 20 },
      basis: { catalogueEntryId: entryTop, text: '', grounds: NO },
    });
    assert.equal((await handler.client.put(`/api/designation/items/${s.id}`, raised)).status, 200);
    const up = await submit(s.id);
    assert.equal(up.status, 'escalated');
    assert.notEqual(up.approvalId, s.approvalId);
    const old = await handler.client.get<Approval>(`/api/approvals/${s.approvalId}`);
    assert.equal(old.body.status, 'withdrawn');
    const todos = await handler.client.get<Todos>('/api/todos');
    assert.ok(!todos.body.items.some((x) => x.kind === 'return' && x.link === `/approvals/${s.approvalId}`));
  });

  test('R-DES-07 above the authority: escalated to the superior with that authority, protected meanwhile, decided in its account', async () => {
    const d = await draft({
      level: 'top_secret',
      period: { kind: 'years', n: 20 },
      basis: { catalogueEntryId: entryTop, text: '', grounds: NO },
    });
    const s = await submit(d.id);
    assert.equal(s.status, 'escalated');
    assert.equal(s.protectionLevel, 'top_secret');
    const before = await detail(d.id);
    assert.equal(before.escalations[0]!.toOrgId, prov);
    assert.equal(before.escalations[0]!.kind, 'above_authority');
    // The city's designator cannot decide it; the superior's designator can, in his own account.
    assert.equal(
      (await designator.client.post(`/api/approvals/${s.approvalId}/decide`, { decision: 'approve' })).status,
      404,
    );
    const seen = await provDesignator.client.get<Detail>(`/api/designation/items/${d.id}`);
    assert.equal(seen.status, 200, 'the target organisation sees the escalated item');
    const todos = await provDesignator.client.get<Todos>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.kind === 'approval' && x.link === `/approvals/${s.approvalId}`));
    await decide(provDesignator, s.approvalId!, 'approve');
    const it = await detail(d.id);
    assert.equal(it.status, 'approved');
    assert.equal(it.marking, '绝密★20年');
    assert.equal(it.decidedByOrgId, prov);
    assert.equal(it.protectionLevel, null);
    assert.equal(it.escalations[0]!.status, 'approved');
    assert.ok(it.knowers.some((k) => k.personId === provDesignator.personId));
  });

  test('R-DES-07 an unclear matter goes to the bureau with 10-working-day deadlines, protected at the level claimed', async () => {
    const s = await submit((await draft()).id, { unclear: true });
    assert.equal(s.status, 'unclear');
    assert.equal(s.protectionLevel, 'secret');
    const it = await detail(s.id);
    const e = it.escalations[0]!;
    assert.equal(e.kind, 'unclear');
    assert.equal(e.toOrgId, bureau);
    assert.equal(e.reportedByDeadline, addWorkingDays(TODAY, 10));
    assert.equal(e.decideByDeadline, addWorkingDays(TODAY, 10));
  });

  test('R-LVL-02 R-DES-01 R-DES-01a R-DES-06 refusals are bilingual and write nothing', async () => {
    await refused(
      () => handler.client.post('/api/designation/items', draftBody({ period: { kind: 'years', n: 25 } })),
      400,
      { code: 'period_exceeds_maximum', rule: 'R-LVL-02', field: 'period' },
    );
    await refused(
      () =>
        handler.client.post(
          '/api/designation/items',
          draftBody({ origin: 'derived', basis: { text: '', grounds: NO } }),
        ),
      400,
      { code: 'derived_without_source', rule: 'R-DES-01' },
    );
    await refused(
      () =>
        handler.client.post(
          '/api/designation/items',
          draftBody({ basis: { catalogueEntryId: entrySecret, grounds: { ...NO, work_secret: true } } }),
        ),
      400,
      { code: 'basis_not_classifiable', rule: 'R-DES-01a', field: 'basis.grounds.work_secret' },
    );
    await refused(
      () => handler.client.post('/api/designation/items', draftBody({ period: { kind: 'indefinite' } })),
      400,
      { rule: 'R-LVL-02' },
    );
    const ok = await handler.client.post<Item>(
      '/api/designation/items',
      draftBody({ period: { kind: 'indefinite' }, basis: { catalogueEntryId: entryLong, grounds: NO } }),
    );
    assert.equal(ok.status, 201, '长期 where the catalogue allows it');
    await refused(() => handler.client.post('/api/designation/items', { ...draftBody(), extra: 1 }), 400, {
      field: 'extra',
    });
  });

  test('R-DES-05 a B designator may not decide while A is present; nothing is written', async () => {
    const a = await t.member(city, cityDept, ['designator'], 'top_secret');
    const b = await t.member(city, cityDept, ['designator'], 'top_secret');
    const until = addDays(TODAY, 365);
    await t.db.query(
      `INSERT INTO designator (person_id, org_id, kind, role, partner_person_id, appointed_by_person_id, letter_ref,
         certificate_number, certificate_valid_until, vetted, created_by)
       VALUES ($1, $3, 'appointed', 'A', $2, $4, 'L-1', 'C-1', $5, true, $6),
              ($2, $3, 'appointed', 'B', $1, $4, 'L-2', 'C-2', $5, true, $6)`,
      [a.personId, b.personId, city, designator.personId, until, designator.accountId],
    );
    const s = await submit((await draft()).id);
    await decide(officer, s.approvalId!, 'opinion');
    await refused(
      () => b.client.post(`/api/approvals/${s.approvalId}/decide`, { decision: 'approve' }),
      403,
      {
        code: 'role_b_while_a_present',
        rule: 'R-DES-05',
      },
    );
    // A records an absence: now B decides, as B.
    await t.db.query(
      `INSERT INTO designator_absence (person_id, org_id, reason, absent_from, absent_to, recorded_by)
       VALUES ($1, $2, '出差', $3, $3, $4)`,
      [a.personId, city, TODAY, a.accountId],
    );
    await decide(b, s.approvalId!, 'approve');
    const it = await detail(s.id);
    assert.equal(it.status, 'approved');
    assert.equal(it.approvals[0]!.decisions.at(-1)!.actingAs, 'B');
  });

  test('R-SYS-01 R-DES-08a organisation boundary and roles: another organisation’s id → 404, wrong role → 403', async () => {
    const it = await designate();
    const d = await draft();
    await refused(() => other.client.get(`/api/designation/items/${it.id}`), 404, { code: 'not_found' });
    await refused(() => other.client.put(`/api/designation/items/${d.id}`, draftBody()), 404);
    await refused(() => other.client.post(`/api/designation/items/${d.id}/submit`, {}), 404);
    await refused(
      () => other.client.post(`/api/designation/items/${it.id}/changes`, { kind: 'release', reason: '公开' }),
      404,
    );
    await refused(() => other.client.get(`/api/designation/items/${it.id}/knowers`), 404);
    const list = await other.client.get<{ items: Item[] }>('/api/designation/items');
    assert.ok(!list.body.items.some((x) => x.id === it.id));
    await refused(() => inScope.client.put(`/api/designation/items/${d.id}`, draftBody()), 403, {
      code: 'not_handler',
    });
    await refused(() => inScope.client.get('/api/designation/items/export?format=csv'), 403, {
      code: 'forbidden',
    });
    await refused(
      () =>
        inScope.client.post(`/api/designation/items/${it.id}/changes`, { kind: 'release', reason: '公开' }),
      403,
      { code: 'change_not_allowed' },
    );
    await refused(async () => (await t.admin('sysadmin')).get('/api/designation/items'), 403);
    // Inside the organisation, decideAccess: outside the scope → 403 with its reason; a draft is not shared.
    const e = await refused(() => outsider.client.get(`/api/designation/items/${it.id}`), 403, {
      code: 'not_in_know_scope',
    });
    assert.equal(e.rule, 'R-DES-08a');
    await refused(() => inScope.client.get(`/api/designation/items/${d.id}`), 403, {
      code: 'draft_not_shared',
    });
  });

  test('R-DES-08 a change of level and an early release go through approval, notify the scope and update the marking (解密)', async () => {
    const it = await designate();
    const c = await handler.client.post<{ id: string; approvalId: string; status: string }>(
      `/api/designation/items/${it.id}/changes`,
      { kind: 'change', level: 'confidential', reason: '部分内容已公开，降低密级' },
    );
    assert.equal(c.status, 201, c.raw);
    const ap = await officer.client.get<{ subjectLink: string | null }>(
      `/api/approvals/${c.body.approvalId}`,
    );
    assert.equal(ap.body.subjectLink, `/designation/items/${it.id}`, 'the approval links to the item');
    await refused(
      () =>
        handler.client.post(`/api/designation/items/${it.id}/changes`, { kind: 'release', reason: '再申请' }),
      409,
      { code: 'change_pending' },
    );
    await decide(officer, c.body.approvalId, 'opinion');
    await decide(designator, c.body.approvalId, 'approve');
    let now = await detail(it.id);
    assert.equal(now.level, 'confidential');
    assert.equal(now.marking, '秘密★5年');
    assert.equal(now.changes[0]!.status, 'approved');
    let todos = await inScope.client.get<Todos>('/api/todos');
    assert.ok(
      todos.body.items.some(
        (x) => x.kind === 'notice' && x.subjectId === it.id && x.title.includes('秘密★5年'),
      ),
    );

    const ext = await handler.client.post<{ approvalId: string }>(`/api/designation/items/${it.id}/changes`, {
      kind: 'extend',
      period: { kind: 'years', n: 8 },
      reason: '项目延期',
    });
    assert.equal(ext.status, 201, ext.raw);
    await decide(officer, ext.body.approvalId, 'opinion');
    await decide(designator, ext.body.approvalId, 'approve');
    now = await detail(it.id);
    assert.equal(now.marking, '秘密★8年');
    assert.equal(now.releaseDate, addDays(addYears(TODAY, 8), 1));

    const rel = await handler.client.post<{ approvalId: string }>(`/api/designation/items/${it.id}/changes`, {
      kind: 'release',
      reason: '已无保密必要，提前解除',
    });
    assert.equal(rel.status, 201, rel.raw);
    await decide(officer, rel.body.approvalId, 'opinion');
    await decide(designator, rel.body.approvalId, 'approve');
    now = await detail(it.id);
    assert.equal(now.status, 'released');
    assert.equal(now.marking, '秘密★8年（解密）');
    todos = await inScope.client.get<Todos>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.kind === 'notice' && x.title.includes('解密')));
    await refused(
      () =>
        handler.client.post(`/api/designation/items/${it.id}/changes`, { kind: 'release', reason: '再次' }),
      409,
      { code: 'item_not_designated' },
    );
  });

  test('R-DES-08 the daily job releases items whose period ended, once, audited by the system; 长期 and conditions stay', async () => {
    const past = addDays(addYears(TODAY, -1), -1);
    const due = await designate({ level: 'confidential', period: { kind: 'years', n: 1 }, issueDate: past });
    assert.equal(due.releaseDate, TODAY);
    const long = await designate({
      level: 'confidential',
      period: { kind: 'indefinite' },
      issueDate: addYears(TODAY, -40),
      basis: { catalogueEntryId: entryLong, grounds: NO },
    });
    const cond = await designate({
      level: 'confidential',
      period: { kind: 'condition', text: '项目验收后' },
      issueDate: addYears(TODAY, -40),
    });
    const head = await t.auditHead();
    const first = await runJobOnce(t.db, designationReleaseJob);
    assert.ok(first, 'claimed');
    assert.ok((first.items as string[]).includes(due.itemNumber!));
    assert.equal(await runJobOnce(t.db, designationReleaseJob), null, 'second run the same day does nothing');
    assert.deepEqual(
      await t.db.tx((sql) => releaseDueItems(sql, TODAY)),
      { released: 0, items: [] },
      'idempotent',
    );
    const events = (await auditEventsSince(t.db, head)).filter(
      (e) => e.action === 'designation_item.release',
    );
    assert.ok(events.some((e) => e.objectId === due.id && e.actorClass === 'system'));
    assert.equal(events.filter((e) => e.objectId === due.id).length, 1);
    const after = await detail(due.id);
    assert.equal(after.status, 'released');
    assert.equal(after.marking, '秘密★1年（解密）');
    assert.equal((await detail(long.id)).status, 'approved');
    assert.equal((await detail(cond.id)).status, 'approved');
  });

  test('R-SYS-03 every read of an item’s detail is audited; ledger search, filters, sorting, paging, export with markings, review list', async () => {
    const it = await designate();
    const head = await t.auditHead();
    const r = await inScope.client.get<Detail>(`/api/designation/items/${it.id}`);
    assert.equal(r.status, 200, 'in the scope with clearance: decideAccess admits');
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.map((e) => [e.action, e.objectId]),
      [['designation_item.read', it.id]],
    );
    const page = await officer.client.get<{ items: Item[]; total: number }>(
      '/api/designation/items?level=secret&status=approved&origin=original&sort=itemNumber&order=asc&page=1&pageSize=2',
    );
    assert.equal(page.status, 200, page.raw);
    assert.equal(page.body.items.length, 2);
    assert.ok(page.body.total >= 2);
    assert.ok(page.body.items[0]!.itemNumber! < page.body.items[1]!.itemNumber!);
    const search = await officer.client.get<{ items: Item[] }>(
      `/api/designation/items?q=${encodeURIComponent(it.itemNumber!)}`,
    );
    assert.deepEqual(
      search.body.items.map((x) => x.id),
      [it.id],
    );
    const year = await officer.client.get<{ total: number }>(
      `/api/designation/items?year=${Number(TODAY.slice(0, 4)) - 1}`,
    );
    assert.equal(year.body.total, 0);
    const mine = await inScope.client.get<{ items: Item[] }>('/api/designation/items');
    assert.ok(mine.body.items.every((x) => x.knowScope.personIds.includes(inScope.personId)));
    const h2 = await t.auditHead();
    const csv = await officer.client.get(`/api/designation/items/export?format=csv&status=approved`);
    assert.equal(csv.status, 200);
    assert.match(csv.raw, /绝密（本台账所含最高密级）/);
    assert.match(csv.raw, /机密★5年/);
    assert.deepEqual(
      (await auditEventsSince(t.db, h2)).map((e) => e.action),
      ['designation_item.export'],
    );
    const xlsx = await officer.client.get('/api/designation/items/export?format=xlsx');
    assert.equal(xlsx.status, 200);
    // R-DES-08 review: an item designated 11 months ago is due within 30 days.
    await t.db.query(
      "UPDATE designation_item SET approved_at = now() - interval '11 months' - interval '5 days' WHERE id = $1",
      [it.id],
    );
    const review = await officer.client.get<{ items: { item: Item; bucket: string }[] }>(
      '/api/designation/items/review?horizon=30',
    );
    assert.equal(review.status, 200, review.raw);
    assert.ok(review.body.items.some((x) => x.item.id === it.id && x.bucket === 'within_30'));
    const none = await officer.client.get<{ items: { item: Item }[] }>(
      '/api/designation/items/review?horizon=0',
    );
    assert.ok(!none.body.items.some((x) => x.item.id === it.id));
  });

  test('ledger text search through the bigram index: Chinese substrings, Latin in any case, one character, % and _ literal, no match pieced together from two fields', async () => {
    const a = await draft({
      title: '关于计划ABC的实施方案',
      basis: { catalogueEntryId: entrySecret, text: '划算之处', grounds: NO },
    });
    const b = await draft({ title: '折扣100%_率表' });
    const ids = async (q: string) =>
      (
        await officer.client.get<{ items: Item[] }>(
          `/api/designation/items?q=${encodeURIComponent(q)}&pageSize=100`,
        )
      ).body.items.map((x) => x.id);
    assert.ok((await ids('计划abc')).includes(a.id), 'a Chinese and Latin substring, case-insensitive');
    assert.ok((await ids('实施')).includes(a.id));
    assert.ok((await ids('划算之')).includes(a.id), 'the basis text is searched too');
    assert.ok(!(await ids('计划算')).includes(a.id), 'bigrams from title and basis together are no match');
    assert.ok((await ids('施')).includes(a.id), 'one character: searched without the index');
    assert.deepEqual(await ids('100%_率'), [b.id], '% and _ are taken literally');
    assert.deepEqual(await ids('100x_率'), []);
    const grams = await t.db.query<{ g: string[] }>('SELECT search_grams($1) AS g', ['AbA']);
    assert.deepEqual([...grams.rows[0]!.g].sort(), ['ab', 'ba']);
  });

  test('R-DES-08 the ledger year is the approval year in Shanghai time, or the registration year before approval, at the boundaries', async () => {
    const approved = await designate();
    const drafted = await draft();
    // 00:30 on 1 January 2025 in Shanghai is still 2024 in UTC; 23:59:59 on 31 December 2025 likewise.
    await t.db.query('UPDATE designation_item SET approved_at = $2 WHERE id = $1', [
      approved.id,
      '2024-12-31T16:30:00Z',
    ]);
    await t.db.query('UPDATE designation_item SET created_at = $2 WHERE id = $1', [
      drafted.id,
      '2025-12-31T15:59:59Z',
    ]);
    const ids = async (query: string) =>
      (await officer.client.get<{ items: Item[] }>(`/api/designation/items?pageSize=100&${query}`)).body.items
        .map((x) => x.id)
        .filter((id) => id === approved.id || id === drafted.id)
        .sort();
    assert.deepEqual(await ids('year=2025'), [approved.id, drafted.id].sort());
    assert.deepEqual(await ids('year=2025&status=approved'), [approved.id]);
    assert.deepEqual(await ids('year=2024'), []);
    assert.deepEqual(await ids('year=2026'), []);
    assert.deepEqual(await ids('year=1'), []);
    assert.deepEqual(await ids('year=9999'), []);
    // Outside the years a date can hold: refused as input, naming the field, never a database error.
    for (const bad of ['0', '10000', 'Infinity', '2025.5', '-1']) {
      const r = await officer.client.get<{ error: { field?: string } }>(`/api/designation/items?year=${bad}`);
      assert.equal(r.status, 400, `year=${bad}`);
    }
  });
  test('R-DES-08 recording the yearly review takes an item off the list until next year; nothing else may', async () => {
    const it = await designate();
    // A year on, the item is due.
    await t.db.query(
      "UPDATE designation_item SET approved_at = approved_at - interval '366 days' WHERE id = $1",
      [it.id],
    );
    type Review = { items: { item: { id: string } }[] };
    const due = await officer.client.get<Review>('/api/designation/items/review?horizon=0');
    assert.ok(due.body.items.some((x) => x.item.id === it.id));
    const head = await t.auditHead();
    assert.equal(
      (await handler.client.post(`/api/designation/items/${it.id}/review`, { note: '' })).status,
      403,
    );
    assert.equal(
      (await other.client.post(`/api/designation/items/${it.id}/review`, { note: '' })).status,
      404,
    );
    assert.equal(await t.auditHead(), head);
    const ok = await officer.client.post(`/api/designation/items/${it.id}/review`, {
      note: '经审核，维持原定密',
    });
    assert.equal(ok.status, 200, ok.raw);
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.map((e) => e.action),
      ['designation_item.review'],
    );
    const after = await officer.client.get<Review>('/api/designation/items/review?horizon=90');
    assert.ok(!after.body.items.some((x) => x.item.id === it.id), 'next review is a year away');
  });

  test('R-LVL-02 an issue date before 1949-10-01, more than a year ahead, or a period already over is refused; nothing written', async () => {
    const early = await refused(
      () => handler.client.post('/api/designation/items', draftBody({ issueDate: '1900-01-01' })),
      400,
      { code: 'issue_date_too_early', field: 'issueDate', rule: 'R-LVL-02' },
    );
    assert.match(early.zh, /1949年10月1日/);
    await refused(
      () => handler.client.post('/api/designation/items', draftBody({ issueDate: '9999-12-31' })),
      400,
      { code: 'issue_date_too_late', field: 'issueDate' },
    );
    const over = await refused(
      () =>
        handler.client.post(
          '/api/designation/items',
          draftBody({ issueDate: '2000-01-01', period: { kind: 'years', n: 5 } }),
        ),
      400,
      { code: 'period_already_over', field: 'period' },
    );
    assert.match(over.zh, /已于2005-01-02解密/);
  });

  test('R-LVL-02 the level alone is accepted and stored as the legal maximum: 秘密★10年', async () => {
    const d = await draft({ level: 'confidential', period: { kind: 'default' } });
    assert.deepEqual(d.period, { kind: 'years', n: 10 });
    const it = await designate({ level: 'confidential', period: { kind: 'default' } });
    assert.equal(it.marking, '秘密★10年');
  });
});
