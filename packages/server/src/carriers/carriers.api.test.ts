// 涉密载体 over HTTP: a carrier's life (receipt in copies, loan, return, extension, destruction with the
// office head's approval and two supervisors), every refusal (passing on, a reader outside the scope, one
// supervisor, a destroyed carrier, another organisation, clearance below the level — in the detail, the
// ledger, the export, the todos and the timeline), two registrars at once, and the audit of every read
// and change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { runJobOnce } from '../jobs/runner.ts';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { carrierOverdueJob } from './overdue.ts';

type Carrier = {
  id: string;
  copyNumber: string | null;
  marking: string;
  markingText: string;
  level: string;
  status: string;
  statusText: string;
  holderPersonId: string | null;
  dueDate: string | null;
  version: number;
  title: string;
};
type Batch = { batchId: string; items: Carrier[]; spoiled: Carrier[]; destructionId: string | null };
type Detail = Carrier & {
  steps: { seq: number; kind: string; holderPersonId: string | null; toPersonId: string | null }[];
  custody: { holderPersonId: string | null; from: string; to: string | null }[];
  abilities: Record<string, { allowed: boolean }>;
};
type Destruction = { id: string; approvalId: string; status: string; items: Carrier[] };
type Page = { items: Carrier[]; total: number };

const TODAY = todayInChina();
const qs = (path: string, q: Record<string, string | number | boolean>) =>
  `${path}?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`;
const day = (n: number) => addDays(TODAY, n);
const scopeOf = (departmentIds: string[]) => ({ personIds: [], departmentIds, positions: [] });

describe('carriers (R-CAR-01…07, R-LVL-03/04, R-PER-01)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officeDeptId: string;
  let officer: Client; // 保密员, registrar, clearance secret
  let officerId: string;
  let reader: { client: Client; personId: string }; // division rank, in scope
  let reader2: { client: Client; personId: string };
  let lowRank: { client: Client; personId: string }; // section rank
  let lowClear: { client: Client; personId: string }; // clearance confidential
  let head: { client: Client; personId: string }; // office head
  let other: Client; // secrecy officer of another organisation
  let topOfficer: Client; // top-secret secrecy officer

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM carrier) AS carriers,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT count(*)::int FROM carrier_destruction) AS destructions,
                (SELECT coalesce(sum(version), 0)::int FROM carrier) AS versions`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  async function changed<T>(run: () => Promise<Response<T>>, status: number, action: string) {
    const head0 = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head0);
    assert.ok(
      events.some((e) => e.action === action),
      `audit ${action}: ${events.map((e) => e.action).join()}`,
    );
    return { body: r.body, events };
  }

  const setRank = (personId: string, rank: string) =>
    t.db.query('UPDATE person SET rank = $1 WHERE id = $2', [rank, personId]);

  let docSeq = 0;
  const receive = (c: Client, over: Record<string, unknown> = {}) =>
    c.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '关于加强保密管理的通知',
      docNumber: `市保〔2026〕${++docSeq}号`, // one physical copy is received once (R-CAR-01)
      sender: '市保密局',
      marking: '机密 ★ 5 年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
      copies: 1,
      ...over,
    });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    const office = await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '综合办公室' });
    officeDeptId = office.body.id;
    // The general office (the approval's office head sits there): set as the system administrator would.
    await t.db.query(`UPDATE department SET function = 'general_office' WHERE id = $1`, [officeDeptId]);
    reader = await t.member(orgId, deptId, ['staff'], 'secret');
    await setRank(reader.personId, 'division');
    reader2 = await t.member(orgId, deptId, ['staff'], 'secret');
    await setRank(reader2.personId, 'division');
    lowRank = await t.member(orgId, deptId, ['staff'], 'secret');
    lowClear = await t.member(orgId, deptId, ['staff'], 'confidential');
    await setRank(lowClear.personId, 'division');
    head = await t.member(orgId, officeDeptId, ['department_head'], 'secret');
    other = (await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' })).client;
    topOfficer = (await t.member(orgId, deptId, ['secrecy_officer'], 'top_secret')).client;
  });
  after(() => t.close());

  test('R-LVL-03 R-LVL-04 receipt of a document in 3 copies: each its copy number, the marking canonical', async () => {
    const { body } = await changed(
      () => receive(officer, { copies: 3, firstCopyNumber: '000008' }),
      201,
      'carrier.receive',
    );
    assert.deepEqual(
      body.items.map((c) => c.copyNumber),
      ['000008', '000009', '000010'],
    );
    for (const c of body.items) {
      assert.equal(c.marking, '机密★5年');
      assert.equal(c.status, 'in_registry');
    }
  });

  test('R-LVL-02 a level alone takes the legal default and is shown as such', async () => {
    const r = await receive(officer, { marking: '机密' });
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.items[0]!.marking, '机密');
    assert.equal(r.body.items[0]!.markingText, '机密（仅标密级，保密期限按20年）');
  });

  test('R-LVL-03 R-LVL-02 R-LVL-04 bad markings and copy numbers are refused, naming the problem; nothing written', async () => {
    const e = await refused(() => receive(officer, { marking: '机密★25年' }), 400, { field: 'marking' });
    assert.match(e.zh, /20年/);
    await refused(() => receive(officer, { marking: '保密' }), 400, { field: 'marking', rule: 'R-LVL-03' });
    await refused(() => receive(officer, { firstCopyNumber: '12' }), 400, { rule: 'R-LVL-04' });
    await refused(() => receive(officer, { firstCopyNumber: undefined }), 400, {
      code: 'copy_number_missing',
    });
    await refused(() => receive(officer, { copyNumbers: ['000001', '000001'] }), 400, {
      code: 'copy_number_duplicate',
    });
    await refused(() => receive(officer, { firstCopyNumber: '999999', copies: 2 }), 400, {
      rule: 'R-LVL-04',
    });
  });

  test('R-SYS-01 only the registry registers: staff and administrators are refused', async () => {
    await refused(() => receive(reader.client), 403);
    await refused(async () => (await t.admin('sysadmin')).post('/api/carriers/receive', {}), 403);
  });

  test('R-CAR-01 R-CAR-04 a loan and a return; passing on is refused naming the holder', async () => {
    const c = (await receive(officer)).body.items[0]!;
    const lent = await changed(
      () =>
        officer.post<Carrier>(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(7) }),
      200,
      'carrier.loan',
    );
    assert.equal(lent.body.status, 'on_loan');
    assert.equal(lent.body.holderPersonId, reader.personId);
    const e = await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader2.personId, dueDate: day(7) }),
      409,
      { code: 'passing_on', rule: 'R-CAR-04' },
    );
    assert.match(e.zh, /不得横传.*借出（持有人：成员/u);
    // The reader sees his loan as a todo only when overdue: extend, then return.
    await changed(
      () => officer.post(`/api/carriers/${c.id}/extend`, { dueDate: day(14) }),
      200,
      'carrier.extend',
    );
    await refused(() => officer.post(`/api/carriers/${c.id}/extend`, { dueDate: day(3) }), 400, {
      code: 'extension_not_later',
    });
    await changed(() => officer.post(`/api/carriers/${c.id}/return`, {}), 200, 'carrier.return');
    await refused(() => officer.post(`/api/carriers/${c.id}/return`, {}), 409, {
      code: 'carrier_wrong_state',
    });
    // Back in the registry: the next reader may have it.
    const next = await officer.post<Carrier>(`/api/carriers/${c.id}/loan`, {
      toPersonId: reader2.personId,
      dueDate: day(1),
    });
    assert.equal(next.status, 200, next.raw);
    // The timeline: who held it at each moment.
    const d = await officer.get<Detail>(`/api/carriers/${c.id}`);
    assert.equal(d.status, 200, d.raw);
    assert.deepEqual(
      d.body.steps.map((s) => s.kind),
      ['receive', 'loan', 'extend', 'return', 'loan'],
    );
    assert.deepEqual(
      d.body.custody.map((i) => i.holderPersonId),
      [officerId, reader.personId, officerId, reader2.personId],
    );
    assert.equal(d.body.custody.at(-1)!.to, null);
  });

  test('R-CAR-03 readers outside the reading scope are refused: rank, clearance, another organisation', async () => {
    const c = (await receive(officer)).body.items[0]!;
    const e = await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: lowRank.personId, dueDate: day(7) }),
      400,
      { code: 'reader_outside_scope', rule: 'R-CAR-03', field: 'toPersonId' },
    );
    assert.match(e.zh, /县团级/);
    const e2 = await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: lowClear.personId, dueDate: day(7) }),
      400,
      { code: 'reader_outside_scope' },
    );
    assert.match(e2.zh, /涉密等级为秘密/);
    await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(60) }),
      400,
      { code: 'due_date_too_far' },
    ); // Widening by the responsible leader admits the lower rank (never the lower clearance).
    const leader = await t.member(orgId, deptId, ['leader'], 'secret');
    await refused(
      () => officer.post(`/api/carriers/${c.id}/widen`, { personId: lowRank.personId, reason: '工作需要' }),
      403,
    );
    await changed(
      () =>
        leader.client.post(`/api/carriers/${c.id}/widen`, { personId: lowRank.personId, reason: '工作需要' }),
      200,
      'carrier.widen',
    );
    await leader.client.post(`/api/carriers/${c.id}/widen`, {
      personId: lowClear.personId,
      reason: '工作需要',
    });
    const lent = await officer.post(`/api/carriers/${c.id}/loan`, {
      toPersonId: lowRank.personId,
      dueDate: day(7),
    });
    assert.equal(lent.status, 200, lent.raw);
    await officer.post(`/api/carriers/${c.id}/return`, {});
    await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: lowClear.personId, dueDate: day(7) }),
      400,
      { code: 'reader_outside_scope' },
    );
  });

  test('two registrars lend the same carrier at once: one wins, the other gets 409 naming the state', async () => {
    const c = (await receive(officer)).body.items[0]!;
    const [a, b] = await Promise.all([
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(7) }),
      topOfficer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader2.personId, dueDate: day(7) }),
    ]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [200, 409], `${a.raw} ${b.raw}`);
    const lost = (a.status === 409 ? a : b).body as { error: { zh: string } };
    assert.match(lost.error.zh, /借出（持有人：/u);
    const steps = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM carrier_step WHERE carrier_id = $1',
      [c.id],
    );
    assert.equal(steps.rows[0]!.n, 2);
  });

  test('a stale page (older version) is refused with the current state', async () => {
    const c = (await receive(officer)).body.items[0]!;
    await refused(
      () =>
        officer.post(`/api/carriers/${c.id}/loan`, {
          toPersonId: reader.personId,
          dueDate: day(7),
          version: c.version + 1,
        }),
      409,
      { code: 'carrier_changed' },
    );
  });

  test('R-CAR-07 destruction: the office head approves, one supervisor is refused, two destroy; afterwards read-only', async () => {
    const items = (await receive(officer, { copies: 2, firstCopyNumber: '000101' })).body.items;
    const req = await changed(
      () =>
        officer.post<Destruction>('/api/carriers/destructions', {
          carrierIds: items.map((c) => c.id),
          reason: '到期清退',
        }),
      201,
      'carrier.destruction_request',
    );
    const dx = req.body;
    assert.equal(dx.status, 'pending');
    // Before the approval: refused.
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, reader2.personId],
        }),
      409,
      { code: 'destruction_not_approved', rule: 'R-CAR-07' },
    );
    // A loan of a carrier waiting for destruction is refused.
    await refused(
      () =>
        officer.post(`/api/carriers/${items[0]!.id}/loan`, { toPersonId: reader.personId, dueDate: day(7) }),
      409,
      { code: 'carrier_wrong_state' },
    );
    // The office head approves through the shared approval mechanism (frozen list: no titles).
    const ap = await head.client.get<{ snapshot?: unknown; subjectSnapshot?: unknown }>(
      `/api/approvals/${dx.approvalId}`,
    );
    assert.equal(ap.status, 200, ap.raw);
    assert.doesNotMatch(ap.raw, /关于加强保密管理的通知/);
    const dec = await head.client.post(`/api/approvals/${dx.approvalId}/decide`, { decision: 'approve' });
    assert.equal(dec.status, 200, dec.raw);
    const approved = await officer.get<Destruction>(`/api/carriers/destructions/${dx.id}`);
    assert.equal(approved.body.status, 'approved');
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId],
        }),
      400,
      { code: 'supervisors_too_few', rule: 'R-CAR-07' },
    );
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, reader.personId],
        }),
      400,
      { code: 'supervisors_too_few' },
    );
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'sell_scrap',
          supervisorPersonIds: [reader.personId, reader2.personId],
        }),
      400,
      { code: 'destruction_method_invalid' },
    );
    const done = await changed(
      () =>
        officer.post<Destruction>(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, reader2.personId],
          place: '保密室',
        }),
      200,
      'carrier.destroy',
    );
    assert.equal(done.body.status, 'done');
    for (const c of done.body.items) assert.equal(c.status, 'destroyed');
    // Destroyed: every further step refused, the detail still readable with the whole trace.
    for (const [path, body] of [
      ['loan', { toPersonId: reader.personId, dueDate: day(7) }],
      ['return', {}],
      ['extend', { dueDate: day(9) }],
    ] as const) {
      await refused(() => officer.post(`/api/carriers/${items[0]!.id}/${path}`, body), 409, {
        code: 'carrier_read_only',
      });
    }
    await refused(
      () => officer.post('/api/carriers/destructions', { carrierIds: [items[0]!.id], reason: '再次销毁' }),
      409,
      { code: 'carrier_read_only' },
    );
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, reader2.personId],
        }),
      409,
    );
    const d = await officer.get<Detail>(`/api/carriers/${items[0]!.id}`);
    assert.deepEqual(
      d.body.steps.map((s) => s.kind),
      ['receive', 'destruction_requested', 'destroy'],
    );
    assert.equal(d.body.abilities.loan!.allowed, false);
  });

  test('R-CAR-07 a rejected destruction puts the carriers back in the registry', async () => {
    const c = (await receive(officer)).body.items[0]!;
    const dx = (
      await officer.post<Destruction>('/api/carriers/destructions', { carrierIds: [c.id], reason: '误登' })
    ).body;
    const dec = await head.client.post(`/api/approvals/${dx.approvalId}/decide`, {
      decision: 'reject',
      comment: '不同意',
    });
    assert.equal(dec.status, 200, dec.raw);
    const d = await officer.get<Detail>(`/api/carriers/${c.id}`);
    assert.equal(d.body.status, 'in_registry');
    assert.equal(d.body.steps.at(-1)!.kind, 'destruction_cancelled');
  });

  test('R-CAR-02 production: the approved copies numbered, spoilage registered for destruction', async () => {
    const r = await changed(
      () =>
        officer.post<Batch>('/api/carriers/produce', {
          kind: 'document',
          title: '年度保密工作要点',
          docNumber: '法保〔2026〕3号',
          marking: '秘密★1年',
          issueDate: TODAY,
          knowScope: scopeOf([deptId]),
          approvedCopies: 2,
          firstCopyNumber: '000001',
          spoiledCount: 3,
        }),
      201,
      'carrier.produce',
    );
    assert.deepEqual(
      r.body.items.map((c) => c.copyNumber),
      ['000001', '000002'],
    );
    assert.equal(r.body.spoiled.length, 1);
    assert.equal(r.body.spoiled[0]!.status, 'pending_destruction');
    assert.ok(r.body.destructionId);
  });

  test('R-DES-08a another organisation: the detail is 404, its ledger shows none, its registrar cannot act', async () => {
    const c = (await receive(officer)).body.items[0]!;
    await refused(() => other.get(`/api/carriers/${c.id}`), 404);
    await refused(
      () => other.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(7) }),
      404,
    );
    const page = await other.get<Page>('/api/carriers');
    assert.equal(page.status, 200);
    assert.ok(!page.body.items.some((x) => x.id === c.id));
  });

  test('R-PER-01 clearance below the level: refused in the detail, absent from the ledger, export, todos and where-view', async () => {
    const top = await topOfficer.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '绝密测试文件甲',
      docNumber: '绝1号',
      sender: '上级机关',
      marking: '绝密★30年',
      issueDate: TODAY,
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
    });
    assert.equal(top.status, 201, top.raw);
    const id = top.body.items[0]!.id;
    // The secret-cleared registrar: refused everywhere.
    const e = await refused(() => officer.get(`/api/carriers/${id}`), 403, {
      code: 'clearance_insufficient',
    });
    assert.match(e.zh, /绝密/);
    await refused(
      () => officer.post(`/api/carriers/${id}/loan`, { toPersonId: reader.personId, dueDate: day(1) }),
      403,
    );
    const page = await officer.get<Page>(qs('/api/carriers', { q: '绝密测试文件甲' }));
    assert.equal(page.body.total, 0);
    const csv = await officer.get(qs('/api/carriers/export', { format: 'csv' }));
    assert.equal(csv.status, 200);
    assert.doesNotMatch(csv.raw, /绝密测试文件甲/);
    // Lent to a top-secret reader and overdue: the secret-cleared officer's todos do not name it.
    const topReader = await t.member(orgId, deptId, ['staff'], 'top_secret');
    await setRank(topReader.personId, 'minister');
    const lent = await topOfficer.post(`/api/carriers/${id}/loan`, {
      toPersonId: topReader.personId,
      dueDate: TODAY,
    });
    assert.equal(lent.status, 200, lent.raw);
    await t.db.query(`UPDATE carrier SET due_date = $1::date, out_since = $1::date WHERE id = $2`, [
      day(-2),
      id,
    ]);
    const todos = await officer.get<{ items: { title: string }[] }>('/api/todos');
    assert.doesNotMatch(JSON.stringify(todos.body), /绝密测试文件甲/);
    const topTodos = await topOfficer.get<{ items: { title: string; module: string }[] }>('/api/todos');
    assert.ok(
      topTodos.body.items.some((x) => x.module === 'carriers' && /绝密测试文件甲/.test(x.title)),
      topTodos.raw,
    );
    const mine = await topReader.client.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(
      mine.body.items.some((x) => /借阅逾期.*绝密测试文件甲/.test(x.title)),
      mine.raw,
    );
    const where = await officer.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', {
        personId: topReader.personId,
      }),
    );
    assert.equal(where.status, 200, where.raw);
    assert.equal(where.body.items.length, 0);
    const topWhere = await topOfficer.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', {
        personId: topReader.personId,
      }),
    );
    assert.equal(topWhere.body.items.length, 1);
    // The overdue filter of the ledger.
    const overdue = await topOfficer.get<Page>(qs('/api/carriers', { overdue: 'true' }));
    assert.ok(overdue.body.items.some((x) => x.id === id));
  });

  test('R-SYS-03 every read of a detail is audited; the ledger searches, filters and exports with markings', async () => {
    const c = (
      await receive(officer, { title: '检索测试文件', docNumber: '检〔2026〕9号', firstCopyNumber: '000777' })
    ).body.items[0]!;
    await changed(() => officer.get(`/api/carriers/${c.id}`), 200, 'carrier.read');
    for (const q of ['检索测试', '检〔2026〕9号', '000777', '777']) {
      const page = await officer.get<Page>(qs('/api/carriers', { q }));
      assert.ok(
        page.body.items.some((x) => x.id === c.id),
        `search ${q}`,
      );
    }
    const page = await officer.get<Page>(qs('/api/carriers', { level: 'confidential', q: '检索测试' }));
    assert.equal(page.body.total, 0);
    const sorted = await officer.get<Page>(qs('/api/carriers', { sort: 'title', order: 'asc', pageSize: 5 }));
    assert.equal(sorted.status, 200, sorted.raw);
    const ex = await changed(
      () => officer.get(qs('/api/carriers/export', { format: 'csv', q: '检索测试' })),
      200,
      'carrier.export',
    );
    assert.ok(ex);
    const csv = await officer.get(qs('/api/carriers/export', { format: 'csv', q: '检索测试' }));
    assert.match(csv.raw, /机密★5年/);
    assert.match(csv.raw, /000777/);
  });

  test('R-CAR-01 the daily job counts overdue loans and take-outs, once per day, audited', async () => {
    const r = await runJobOnce(t.db, carrierOverdueJob);
    assert.ok(r && typeof r.overdue === 'number' && r.overdue >= 1, JSON.stringify(r));
    assert.equal(await runJobOnce(t.db, carrierOverdueJob), null);
  });

  test('R-CAR-01 the timeline is append-only in the database', async () => {
    await assert.rejects(t.db.query(`UPDATE carrier_step SET note = 'x'`), /R-CAR-01/);
    await assert.rejects(t.db.query('DELETE FROM carrier_step'), /R-CAR-01/);
  });

  test('R-CAR-05 copies: 绝密 without the originator’s consent refused; approved copies keep the terms and carry the stamp', async () => {
    const top = await topOfficer.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '绝密复制测试',
      sender: '上级机关',
      marking: '绝密',
      issueDate: TODAY,
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
    });
    await refused(
      () =>
        topOfficer.post(`/api/carriers/${top.body.items[0]!.id}/copy-requests`, {
          kind: 'copy',
          copies: 1,
          purpose: '会议',
        }),
      400,
      { code: 'originator_consent_missing', rule: 'R-CAR-05' },
    );
    const deptHead = await t.member(orgId, deptId, ['department_head'], 'secret');
    const c = (await receive(officer, { firstCopyNumber: '000301' })).body.items[0]!;
    const req = await changed(
      () =>
        officer.post<{ id: string; approvalId: string; status: string }>(
          `/api/carriers/${c.id}/copy-requests`,
          { kind: 'copy', copies: 2, purpose: '传达学习' },
        ),
      201,
      'carrier.copy_request',
    );
    await refused(
      () => officer.post(`/api/carriers/copy-requests/${req.body.id}/make`, { firstCopyNumber: '000401' }),
      409,
      { code: 'copy_not_approved' },
    );
    const dec = await deptHead.client.post(`/api/approvals/${req.body.approvalId}/decide`, {
      decision: 'approve',
    });
    assert.equal(dec.status, 200, dec.raw);
    const made = await changed(
      () =>
        officer.post<{ status: string; madeCarrierIds: string[] }>(
          `/api/carriers/copy-requests/${req.body.id}/make`,
          { firstCopyNumber: '000401' },
        ),
      200,
      'carrier.copy',
    );
    assert.equal(made.body.status, 'done');
    assert.equal(made.body.madeCarrierIds.length, 2);
    const copy = await officer.get<Detail & { origin: string; stamp: string; sourceCarrierId: string }>(
      `/api/carriers/${made.body.madeCarrierIds[0]}`,
    );
    assert.equal(copy.body.marking, '机密★5年');
    assert.equal(copy.body.origin, 'copied');
    assert.equal(copy.body.sourceCarrierId, c.id);
    assert.match(copy.body.stamp, /复制$/);
    assert.equal(copy.body.copyNumber, '000401');
    const orig = await officer.get<Detail>(`/api/carriers/${c.id}`);
    assert.equal(orig.body.steps.at(-1)!.kind, 'copy');
    await refused(
      () => officer.post(`/api/carriers/copy-requests/${req.body.id}/make`, { firstCopyNumber: '000501' }),
      409,
    );
  });

  test('R-CAR-06 R-CAR-10 take-out: no sightseeing, 绝密 never abroad, abroad needs a permit; approved, out, back', async () => {
    const body = (over: Record<string, unknown> = {}) => ({
      personId: reader.personId,
      purpose: '参加全市保密工作会议',
      destination: '市委会议中心',
      place: 'meeting',
      from: TODAY,
      to: TODAY,
      ...over,
    });
    const c = (await receive(officer)).body.items[0]!;
    await refused(
      () => officer.post(`/api/carriers/${c.id}/take-outs`, body({ place: 'sightseeing' })),
      400,
      {
        code: 'take_out_place_forbidden',
        rule: 'R-CAR-06',
      },
    );
    await refused(
      () =>
        officer.post(
          `/api/carriers/${c.id}/take-outs`,
          body({ abroad: true, safeBox: true, travellerIds: [reader2.personId] }),
        ),
      400,
      {
        code: 'exit_permit_missing',
        rule: 'R-CAR-10',
      },
    );
    await refused(
      () => officer.post(`/api/carriers/${c.id}/take-outs`, body({ personId: lowRank.personId })),
      400,
      {
        code: 'reader_outside_scope',
      },
    );
    const top = await topOfficer.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '绝密出境测试',
      sender: '上级机关',
      marking: '绝密★10年',
      issueDate: TODAY,
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
    });
    await refused(
      () =>
        topOfficer.post(
          `/api/carriers/${top.body.items[0]!.id}/take-outs`,
          body({ abroad: true, exitPermit: '出境许可1号', safeBox: true, travellerIds: [reader2.personId] }),
        ),
      400,
      { code: 'top_secret_abroad', rule: 'R-CAR-10' },
    );
    await refused(() => topOfficer.post(`/api/carriers/${top.body.items[0]!.id}/take-outs`, body()), 400, {
      code: 'two_people_required',
      rule: 'R-CAR-05a',
    });
    const deptHead = await t.member(orgId, deptId, ['department_head'], 'secret');
    const req = await changed(
      () =>
        officer.post<{ id: string; approvalId: string; dueBack: string }>(
          `/api/carriers/${c.id}/take-outs`,
          body(),
        ),
      201,
      'carrier.take_out_request',
    );
    assert.equal(req.body.dueBack, day(1));
    await refused(() => officer.post(`/api/carriers/take-outs/${req.body.id}/out`, {}), 409, {
      code: 'take_out_not_approved',
    });
    assert.equal(
      (await deptHead.client.post(`/api/approvals/${req.body.approvalId}/decide`, { decision: 'approve' }))
        .status,
      200,
    );
    await changed(
      () => officer.post(`/api/carriers/take-outs/${req.body.id}/out`, {}),
      200,
      'carrier.take_out',
    );
    const out = await officer.get<Detail>(`/api/carriers/${c.id}`);
    assert.equal(out.body.status, 'taken_out');
    assert.equal(out.body.holderPersonId, reader.personId);
    assert.equal(out.body.dueDate, day(1));
    await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader2.personId, dueDate: day(3) }),
      409,
      { code: 'carrier_wrong_state' },
    );
    await changed(() => officer.post(`/api/carriers/${c.id}/bring-back`, {}), 200, 'carrier.bring_back');
    const back = await officer.get<Detail>(`/api/carriers/${c.id}`);
    assert.equal(back.body.status, 'in_registry');
    assert.deepEqual(
      back.body.steps.map((s) => s.kind),
      ['receive', 'take_out', 'bring_back'],
    );
  });

  test('R-CAR-08 handover on a change of post: the whole list, the count, both signatures; carriers out come back first', async () => {
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    const next = await t.member(orgId, deptId, ['staff'], 'secret');
    const low = await t.member(orgId, deptId, ['staff'], 'confidential');
    const items = (
      await receive(officer, { copies: 2, firstCopyNumber: '000601', custodianPersonId: keeper.personId })
    ).body.items;
    const ids = items.map((c) => c.id);
    const custody = async (personId: string) =>
      (await officer.get<{ count: number }>(`/api/carriers/custody/${personId}`)).body.count;
    assert.equal(await custody(keeper.personId), 2);
    const body = (over: Record<string, unknown> = {}) => ({
      fromPersonId: keeper.personId,
      toPersonId: next.personId,
      carrierIds: ids,
      count: 2,
      signedByFrom: true,
      signedByTo: true,
      ...over,
    });
    await refused(() => officer.post('/api/carriers/handovers', body({ carrierIds: [ids[0]] })), 400, {
      code: 'handover_list_incomplete',
      rule: 'R-CAR-08',
    });
    await refused(() => officer.post('/api/carriers/handovers', body({ count: 3 })), 400, {
      code: 'handover_count_mismatch',
    });
    await refused(() => officer.post('/api/carriers/handovers', body({ signedByTo: false })), 400, {
      code: 'handover_unsigned',
    });
    await refused(() => officer.post('/api/carriers/handovers', body({ toPersonId: low.personId })), 400, {
      code: 'clearance_insufficient',
    });
    // One is on loan: it must come back to the registry first (named with its holder).
    await officer.post(`/api/carriers/${ids[0]}/loan`, { toPersonId: reader.personId, dueDate: day(3) });
    const e = await refused(() => officer.post('/api/carriers/handovers', body()), 409, {
      code: 'carrier_wrong_state',
    });
    assert.match(e.zh, /借出（持有人：/);
    await officer.post(`/api/carriers/${ids[0]}/return`, {});
    const done = await changed(
      () => officer.post<{ count: number }>('/api/carriers/handovers', body()),
      200,
      'carrier.handover',
    );
    assert.equal(done.body.count, 2);
    assert.equal(await custody(keeper.personId), 0);
    assert.equal(await custody(next.personId), 2);
    const d = await officer.get<Detail & { custodianPersonId: string }>(`/api/carriers/${ids[1]}`);
    assert.equal(d.body.custodianPersonId, next.personId);
    assert.equal(d.body.steps.at(-1)!.kind, 'handover');
  });

  test('R-CAR-08 custody of a person (for the post-closing check)', async () => {
    const r = await officer.get<{ count: number; items: Carrier[] }>(
      `/api/carriers/custody/${reader2.personId}`,
    );
    assert.equal(r.status, 200, r.raw);
    assert.ok(r.body.count >= 1);
    await refused(() => reader.client.get(`/api/carriers/custody/${reader2.personId}`), 403);
    await refused(() => reader.client.get(qs('/api/carriers/where', { departmentId: deptId })), 403);
  });
});
