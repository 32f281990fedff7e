// An outside security test of 涉密载体 (issue 10): every read path tried by the people who must not read
// (clearance below the level, outside the knowledge scope, another organisation, the three
// administrators, the secrecy bureau), R-CAR-04 races, R-CAR-07 supervisors and self-approval, R-CAR-03
// 专业性, hostile input, and the audit trail. Each test asserts the CORRECT behaviour; a test marked
// `todo: 'finding: …'` fails today and is a finding for the module's author.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { chainPending } from '../audit/chain.ts';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Carrier = {
  id: string;
  copyNumber: string | null;
  marking: string;
  level: string;
  status: string;
  holderPersonId: string | null;
  version: number;
  title: string;
};
type Batch = { batchId: string; items: Carrier[]; spoiled: Carrier[]; destructionId: string | null };
type Destruction = { id: string; approvalId: string; status: string; items: Carrier[] };
type Page = { items: Carrier[]; total: number };
type Member = { client: Client; personId: string };

const TODAY = todayInChina();
const day = (n: number) => addDays(TODAY, n);
const qs = (path: string, q: Record<string, string | number | boolean>) =>
  `${path}?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`;
const scopeOf = (departmentIds: string[]) => ({ personIds: [], departmentIds, positions: [] });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('carriers under attack (R-PER-01, R-DES-08a, R-SYS-01, R-CAR-03/04/07, input, audit)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let otherDeptId: string;
  let officeDeptId: string;
  let officer: Client; // 保密员, secret
  let officerId: string;
  let topOfficer: Member; // 保密员, top secret
  let reader: Member; // division rank, in scope, secret
  let reader2: Member;
  let lowClear: Member; // division rank, in scope, confidential
  let outsider: Member; // division rank, secret, in another department (outside the scope)
  let head: Member; // office head
  let other: { client: Client; personId: string; orgId: string; departmentId: string }; // another organisation
  let bureau: Member; // secrecy bureau supervising the organisation
  let secret: Carrier; // 机密, scope: deptId
  let topSecret: Carrier; // 绝密, scope: deptId
  const SECRET_TITLE = '攻击测试机密文件';
  const TOP_TITLE = '攻击测试绝密文件';

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM carrier) AS carriers,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT count(*)::int FROM carrier_destruction) AS destructions,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT coalesce(sum(version), 0)::int FROM carrier) AS versions`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);
  const setRank = (personId: string, rank: string) =>
    t.db.query('UPDATE person SET rank = $1 WHERE id = $2', [rank, personId]);

  let docSeq = 0;
  const receiveBody = (over: Record<string, unknown> = {}) => ({
    kind: 'document',
    title: '攻击测试文件',
    docNumber: `攻〔2026〕${++docSeq}号`, // one physical copy is received once (R-CAR-01)
    sender: '市保密局',
    marking: '机密★5年',
    issueDate: TODAY,
    distributionClass: 'county',
    knowScope: scopeOf([deptId]),
    firstCopyNumber: '000001',
    copies: 1,
    ...over,
  });
  const receive = (c: Client, over: Record<string, unknown> = {}) =>
    c.post<Batch>('/api/carriers/receive', receiveBody(over));
  const fresh = async (over: Record<string, unknown> = {}, c: Client = officer) => {
    const r = await receive(c, over);
    assert.equal(r.status, 201, r.raw);
    return r.body.items[0]!;
  };
  const approve = async (who: Client, approvalId: string) => {
    const r = await who.post(`/api/approvals/${approvalId}/decide`, { decision: 'approve' });
    assert.equal(r.status, 200, r.raw);
  };
  /** A destruction list of `ids`, approved by the office head. */
  const approvedDestruction = async (ids: string[]) => {
    const r = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: ids,
      reason: '到期',
    });
    assert.equal(r.status, 201, r.raw);
    await approve(head.client, r.body.approvalId);
    return r.body;
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    officeDeptId = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '综合办公室' }))
      .body.id;
    await t.db.query(`UPDATE department SET function = 'general_office' WHERE id = $1`, [officeDeptId]);
    otherDeptId = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '业务二处' }))
      .body.id;
    topOfficer = await t.member(orgId, deptId, ['secrecy_officer'], 'top_secret');
    reader = await t.member(orgId, deptId, ['staff'], 'secret');
    await setRank(reader.personId, 'division');
    reader2 = await t.member(orgId, deptId, ['staff'], 'secret');
    await setRank(reader2.personId, 'division');
    lowClear = await t.member(orgId, deptId, ['staff'], 'confidential');
    await setRank(lowClear.personId, 'division');
    outsider = await t.member(orgId, otherDeptId, ['staff'], 'secret');
    await setRank(outsider.personId, 'division');
    head = await t.member(orgId, officeDeptId, ['department_head'], 'secret');
    other = await t.businessUser({ roles: ['secrecy_officer', 'leader'], clearance: 'top_secret' });
    // The secrecy bureau supervising the organisation (its parent): supervision, not the unit's records.
    const b = await sys.post<{ id: string }>('/api/orgs', {
      name: `保密局${randomBytes(2).toString('hex')}`,
      parentId: null,
      level: 'province',
      kind: 'secrecy_bureau',
    });
    assert.equal(b.status, 201, b.raw);
    await t.db.query('UPDATE org SET parent_id = $1 WHERE id = $2', [b.body.id, orgId]);
    const bDept = (await sys.post<{ id: string }>(`/api/orgs/${b.body.id}/departments`, { name: '监督处' }))
      .body.id;
    bureau = await t.member(b.body.id, bDept, ['secrecy_officer', 'leader'], 'top_secret');
    secret = await fresh({ title: SECRET_TITLE, firstCopyNumber: '000901' });
    topSecret = await fresh(
      { title: TOP_TITLE, marking: '绝密★10年', firstCopyNumber: '000902', distributionClass: null },
      topOfficer.client,
    );
  });
  after(() => t.close());

  // Runs first: past 30 refusals a minute from one address the trail counts instead of logging (audit/denied.ts).
  test('R-SYS-03 refused reads are audited as access.denied: clearance below the level (403), another organisation (404)', async () => {
    for (const [who, status] of [
      [lowClear.client, 403],
      [outsider.client, 403],
      [other.client, 404],
    ] as const) {
      await chainPending(t.db);
      const head0 = (
        await t.db.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event')
      ).rows[0]!.seq;
      const r = await who.get(`/api/carriers/${secret.id}`);
      assert.equal(r.status, status, r.raw);
      const denied = await auditEventsSince(t.db, head0, { denied: true });
      const ev = denied.filter((e) => e.action === 'access.denied');
      assert.equal(ev.length, 1, `${status}: ${denied.map((e) => e.action).join()}`);
      assert.equal(ev[0]!.objectId, secret.id);
    }
  });

  // ---------------------------------------------------------------- the three administrators (三员)

  test('R-SYS-01 the three administrators read no carrier: ledger, export, detail, where, custody, destruction lists are all 403', async () => {
    const dx = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [(await fresh()).id],
      reason: '三员测试',
    });
    assert.equal(dx.status, 201, dx.raw);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      for (const path of [
        '/api/carriers',
        qs('/api/carriers', { q: SECRET_TITLE }),
        qs('/api/carriers/export', { format: 'csv' }),
        qs('/api/carriers/export', { format: 'xlsx' }),
        `/api/carriers/${secret.id}`,
        qs('/api/carriers/where', { personId: officerId }),
        qs('/api/carriers/where', { departmentId: deptId }),
        `/api/carriers/custody/${officerId}`,
        `/api/carriers/destructions/${dx.body.id}`,
      ]) {
        const r = await a.get(path);
        assert.equal(r.status, 403, `${role} ${path}: ${r.status} ${r.raw.slice(0, 200)}`);
        assert.doesNotMatch(r.raw, new RegExp(SECRET_TITLE));
      }
      // The shared approval page of the destruction list.
      const ap = await a.get(`/api/approvals/${dx.body.approvalId}`);
      assert.ok([403, 404].includes(ap.status), `${role} approval: ${ap.status}`);
      assert.doesNotMatch(ap.raw, /三员测试/);
    }
  });

  test('R-SYS-01 the three administrators register nothing (loan, return, destruction, copy, take-out, handover)', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      await refused(
        () => a.post(`/api/carriers/${secret.id}/loan`, { toPersonId: reader.personId, dueDate: day(3) }),
        403,
      );
      await refused(
        () => a.post('/api/carriers/destructions', { carrierIds: [secret.id], reason: 'x' }),
        403,
      );
      await refused(
        () => a.post(`/api/carriers/${secret.id}/copy-requests`, { kind: 'copy', copies: 1, purpose: 'x' }),
        403,
      );
    }
  });

  // ---------------------------------------------------------------- another organisation and the bureau

  test('R-DES-08a another organisation: detail, destruction list, copy and take-out requests answer exactly like an unknown id (404)', async () => {
    const unknown = await other.client.get(`/api/carriers/${UNKNOWN}`);
    const known = await other.client.get(`/api/carriers/${secret.id}`);
    assert.equal(unknown.status, 404);
    assert.equal(known.status, 404);
    assert.deepEqual(known.body, unknown.body);
    const dx = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [(await fresh()).id],
      reason: '他单位测试',
    });
    const cr = await officer.post<{ id: string; approvalId: string }>(
      `/api/carriers/${secret.id}/copy-requests`,
      {
        kind: 'copy',
        copies: 1,
        purpose: '他单位测试',
      },
    );
    assert.equal(cr.status, 201, cr.raw);
    const to = await officer.post<{ id: string; approvalId: string }>(
      `/api/carriers/${secret.id}/take-outs`,
      {
        personId: reader.personId,
        purpose: '他单位测试',
        destination: '市委',
        place: 'meeting',
        from: TODAY,
        to: TODAY,
      },
    );
    assert.equal(to.status, 201, to.raw);
    for (const [path, unknownPath] of [
      [`/api/carriers/destructions/${dx.body.id}`, `/api/carriers/destructions/${UNKNOWN}`],
      [`/api/carriers/copy-requests/${cr.body.id}`, `/api/carriers/copy-requests/${UNKNOWN}`],
      [`/api/carriers/take-outs/${to.body.id}`, `/api/carriers/take-outs/${UNKNOWN}`],
      [`/api/approvals/${dx.body.approvalId}`, `/api/approvals/${UNKNOWN}`],
      [`/api/approvals/${cr.body.approvalId}`, `/api/approvals/${UNKNOWN}`],
      [`/api/approvals/${to.body.approvalId}`, `/api/approvals/${UNKNOWN}`],
    ] as const) {
      const a = await other.client.get(path);
      const b = await other.client.get(unknownPath);
      assert.equal(a.status, 404, `${path}: ${a.status} ${a.raw.slice(0, 200)}`);
      assert.deepEqual(a.body, b.body, path);
      assert.doesNotMatch(a.raw, new RegExp(SECRET_TITLE));
    }
    // Acting on them: 404 too.
    await refused(() => other.client.post(`/api/carriers/copy-requests/${cr.body.id}/make`, {}), 404);
    await refused(() => other.client.post(`/api/carriers/take-outs/${to.body.id}/out`, {}), 404);
    await refused(
      () =>
        other.client.post(`/api/carriers/destructions/${dx.body.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [],
        }),
      404,
    );
    await refused(
      () => other.client.post(`/api/approvals/${dx.body.approvalId}/decide`, { decision: 'approve' }),
      404,
    );
  });

  test('R-DES-08a another organisation: its ledger, export, overdue filter and where-views never show ours', async () => {
    const page = await other.client.get<Page>(qs('/api/carriers', { q: SECRET_TITLE }));
    assert.equal(page.status, 200, page.raw);
    assert.equal(page.body.total, 0);
    const csv = await other.client.get(qs('/api/carriers/export', { format: 'csv' }));
    assert.equal(csv.status, 200);
    assert.doesNotMatch(csv.raw, new RegExp(SECRET_TITLE));
    const where = await other.client.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', { personId: officerId }),
    );
    assert.ok(where.status === 404 || (where.status === 200 && where.body.items.length === 0), where.raw);
    const dept = await other.client.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', { departmentId: deptId }),
    );
    assert.ok(dept.status === 404 || (dept.status === 200 && dept.body.items.length === 0), dept.raw);
    const byDept = await other.client.get<Page>(qs('/api/carriers', { departmentId: deptId }));
    assert.equal(byDept.body.total, 0);
  });

  test('R-DES-08a another organisation’s registrar learns nothing of our people’s custody (/custody/:personId is 404, not a count)', async () => {
    const r = await other.client.get<{ count: number }>(`/api/carriers/custody/${officerId}`);
    assert.equal(r.status, 404, r.raw);
  });

  test('R-PER-01 a registrar whose clearance is below the level learns nothing of a 绝密 carrier through /custody (not even a count)', async () => {
    const holder = await t.member(orgId, deptId, ['staff'], 'top_secret');
    await setRank(holder.personId, 'minister');
    const c = await fresh(
      {
        title: '绝密保管计数测试',
        marking: '绝密★10年',
        distributionClass: null,
        custodianPersonId: holder.personId,
      },
      topOfficer.client,
    );
    assert.ok(c);
    const r = await officer.get<{ count: number; items: Carrier[] }>(
      `/api/carriers/custody/${holder.personId}`,
    );
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.items.length, 0);
    assert.equal(r.body.count, 0, 'count leaks the existence of carriers above the caller’s clearance');
  });

  test('the secrecy bureau supervising the unit reads none of its carrier records (404 detail, empty ledger)', async () => {
    await refused(() => bureau.client.get(`/api/carriers/${secret.id}`), 404);
    const page = await bureau.client.get<Page>(qs('/api/carriers', { q: SECRET_TITLE }));
    assert.equal(page.status, 200, page.raw);
    assert.equal(page.body.total, 0);
    const csv = await bureau.client.get(qs('/api/carriers/export', { format: 'csv' }));
    assert.doesNotMatch(csv.raw, new RegExp(SECRET_TITLE));
  });

  // ---------------------------------------------------------------- inside the organisation

  test('R-PER-01 clearance below the level: detail 403, not in ledger, filters, sorts or where-view (own), and the refusal is audited', async () => {
    await refused(() => lowClear.client.get(`/api/carriers/${secret.id}`), 403, {
      code: 'clearance_insufficient',
    });
    await refused(() => officer.get(`/api/carriers/${topSecret.id}`), 403, {
      code: 'clearance_insufficient',
    });
    const top = await officer.get<Page>(qs('/api/carriers', { q: TOP_TITLE }));
    assert.equal(top.body.total, 0);
    const filters: Record<string, string>[] = [
      { q: SECRET_TITLE },
      { q: '000901' },
      { level: 'secret' },
      { status: 'in_registry' },
      { kind: 'document' },
      { distributionClass: 'county' },
      { departmentId: deptId },
      { from: day(-1), to: day(1) },
    ];
    for (const q of filters) {
      for (const sort of ['createdAt', 'issueDate', 'title', 'level', 'dueDate', 'copyNumber']) {
        for (const order of ['asc', 'desc']) {
          const p = await lowClear.client.get<Page>(
            qs('/api/carriers', { ...q, sort, order, pageSize: 100 }),
          );
          assert.equal(p.status, 200, p.raw);
          assert.ok(
            !p.body.items.some((x) => x.level !== 'confidential'),
            `${JSON.stringify(q)} ${sort} ${order}`,
          );
        }
      }
    }
  });

  test('R-DES-08a outside the knowledge scope (same organisation, enough clearance): detail 403, not in the ledger, no export, no where-view of others', async () => {
    await refused(() => outsider.client.get(`/api/carriers/${secret.id}`), 403);
    const p = await outsider.client.get<Page>(qs('/api/carriers', { q: SECRET_TITLE }));
    assert.equal(p.body.total, 0);
    await refused(() => outsider.client.get(qs('/api/carriers/export', { format: 'csv' })), 403);
    await refused(() => outsider.client.get(qs('/api/carriers/export', { format: 'xlsx' })), 403);
    await refused(() => outsider.client.get(qs('/api/carriers/where', { personId: officerId })), 403);
    await refused(() => outsider.client.get(`/api/carriers/custody/${officerId}`), 403);
    const own = await outsider.client.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', { personId: outsider.personId }),
    );
    assert.equal(own.status, 200, own.raw);
    assert.equal(own.body.items.length, 0);
  });

  test('R-DES-08a the shared approval page of a copy request: the outsider and the low-cleared see no title', async () => {
    const cr = await officer.post<{ id: string; approvalId: string }>(
      `/api/carriers/${secret.id}/copy-requests`,
      {
        kind: 'copy',
        copies: 1,
        purpose: '审批页测试',
      },
    );
    assert.equal(cr.status, 201, cr.raw);
    for (const who of [outsider, lowClear]) {
      const ap = await who.client.get(`/api/approvals/${cr.body.approvalId}`);
      assert.ok([403, 404].includes(ap.status), `${ap.status} ${ap.raw.slice(0, 300)}`);
      assert.doesNotMatch(ap.raw, new RegExp(SECRET_TITLE));
      const cv = await who.client.get(`/api/carriers/copy-requests/${cr.body.id}`);
      assert.ok([403, 404].includes(cv.status), `${cv.status} ${cv.raw.slice(0, 300)}`);
      assert.doesNotMatch(cv.raw, new RegExp(SECRET_TITLE));
    }
  });

  test('R-PER-01 a destruction list holding a 绝密 carrier: the secret-cleared registrar sees the list without it; the titles never leak', async () => {
    const top = await fresh(
      { title: '绝密销毁清单测试', marking: '绝密★10年', distributionClass: null },
      topOfficer.client,
    );
    const dx = await topOfficer.client.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [top.id],
      reason: '清单测试',
    });
    assert.equal(dx.status, 201, dx.raw);
    const v = await officer.get<Destruction>(`/api/carriers/destructions/${dx.body.id}`);
    assert.ok(v.status === 200 || v.status === 403, v.raw);
    assert.doesNotMatch(v.raw, /绝密销毁清单测试/);
    const ap = await head.client.get(`/api/approvals/${dx.body.approvalId}`);
    assert.doesNotMatch(ap.raw, /绝密销毁清单测试/);
  });

  test('R-PER-01 overdue todo titles: only those who may read the carrier see its title', async () => {
    const c = await fresh({ title: '逾期待办攻击测试' });
    const lent = await officer.post(`/api/carriers/${c.id}/loan`, {
      toPersonId: reader.personId,
      dueDate: day(1),
    });
    assert.equal(lent.status, 200, lent.raw);
    await t.db.query('UPDATE carrier SET due_date = $1::date WHERE id = $2', [day(-3), c.id]);
    for (const who of [lowClear.client, outsider.client, other.client, bureau.client]) {
      const todos = await who.get('/api/todos');
      assert.equal(todos.status, 200, todos.raw);
      assert.doesNotMatch(todos.raw, /逾期待办攻击测试/);
    }
    const mine = await reader.client.get('/api/todos');
    assert.match(mine.raw, /逾期待办攻击测试/);
  });

  test('every filter and sort of the ledger answers 200; a bad sort, level or page size is 400, never 500', async () => {
    for (const sort of ['createdAt', 'issueDate', 'title', 'level', 'dueDate', 'copyNumber']) {
      for (const order of ['asc', 'desc']) {
        const r = await officer.get<Page>(qs('/api/carriers', { sort, order, overdue: true }));
        assert.equal(r.status, 200, r.raw);
      }
    }
    const bad: Record<string, string | number>[] = [
      { sort: 'c.id; DROP TABLE carrier' },
      { level: 'top' },
      { status: 'lost' },
      { pageSize: 100000 },
      { page: -1 },
      { from: '2026-02-30' },
      { departmentId: 'x' },
      { q: 'x'.repeat(101) },
      { overdue: 'maybe' },
    ];
    for (const q of bad) {
      const r = await officer.get(qs('/api/carriers', q));
      assert.equal(r.status, 400, `${JSON.stringify(q)}: ${r.status}`);
    }
    for (const q of ['%', '_', '\\', "'", '０００９０１', '%%%_\\']) {
      const r = await officer.get<Page>(qs('/api/carriers', { q }));
      assert.equal(r.status, 200, `${q}: ${r.raw}`);
    }
    const pct = await officer.get<Page>(qs('/api/carriers', { q: '%' }));
    assert.equal(pct.body.total, 0, 'a % is searched literally');
  });

  test('R-SYS-03 the xlsx export is audited and refuses an unknown format', async () => {
    const head0 = await t.auditHead();
    const r = await officer.get(qs('/api/carriers/export', { format: 'xlsx' }));
    assert.equal(r.status, 200);
    const events = await auditEventsSince(t.db, head0);
    assert.ok(events.some((e) => e.action === 'carrier.export'));
    await refused(() => officer.get(qs('/api/carriers/export', { format: 'pdf' })), 400);
  });

  // ---------------------------------------------------------------- R-CAR-04 and states

  test('R-CAR-04 a loan and a destruction request at once: exactly one succeeds, the other 409', async () => {
    const c = await fresh();
    const [a, b] = await Promise.all([
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(5) }),
      topOfficer.client.post('/api/carriers/destructions', { carrierIds: [c.id], reason: '并发' }),
    ]);
    const ok = [a, b].filter((r) => r.status === 200 || r.status === 201);
    const lost = [a, b].filter((r) => r.status === 409);
    assert.equal(ok.length, 1, `${a.status} ${a.raw} / ${b.status} ${b.raw}`);
    assert.equal(lost.length, 1);
    assert.match(lost[0]!.raw, /借出|待销毁|销毁/u);
  });

  test('R-CAR-04 two destruction lists of the same carrier at once: one wins', async () => {
    const c = await fresh();
    const [a, b] = await Promise.all([
      officer.post('/api/carriers/destructions', { carrierIds: [c.id], reason: '并发一' }),
      topOfficer.client.post('/api/carriers/destructions', { carrierIds: [c.id], reason: '并发二' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409], `${a.raw} ${b.raw}`);
  });

  test('R-CAR-04 two loans to two readers at once from the same registrar: one wins, one 409', async () => {
    const c = await fresh();
    const [a, b] = await Promise.all([
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(5) }),
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader2.personId, dueDate: day(5) }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.raw} ${b.raw}`);
  });

  test('R-CAR-04 passing on through a take-out: a carrier on loan to A cannot be taken out by B', async () => {
    const c = await fresh();
    assert.equal(
      (await officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(5) }))
        .status,
      200,
    );
    const r = await officer.post(`/api/carriers/${c.id}/take-outs`, {
      personId: reader2.personId,
      purpose: '横传',
      destination: '市委',
      place: 'meeting',
      from: TODAY,
      to: TODAY,
    });
    assert.equal(r.status, 409, r.raw);
  });

  test('R-CAR-04 passing on through a handover: a carrier on loan to A cannot be handed over to B', async () => {
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    await setRank(keeper.personId, 'division');
    const c = await fresh({ custodianPersonId: keeper.personId });
    assert.equal(
      (await officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: keeper.personId, dueDate: day(5) }))
        .status,
      200,
    );
    await refused(
      () =>
        officer.post('/api/carriers/handovers', {
          fromPersonId: keeper.personId,
          toPersonId: reader2.personId,
          carrierIds: [c.id],
          count: 1,
          signedByFrom: true,
          signedByTo: true,
        }),
      409,
    );
  });

  test('R-CAR-01 a destroyed carrier refuses every step (loan, return, extend, destruction, copy, take-out, bring-back, handover)', async () => {
    const c = await fresh({ custodianPersonId: reader.personId });
    const dx = await approvedDestruction([c.id]);
    const done = await officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
      method: 'shred',
      supervisorPersonIds: [reader.personId, reader2.personId],
    });
    assert.equal(done.status, 200, done.raw);
    await refusesEveryStep(c.id, reader.personId);
  });

  test('R-CAR-01 a handed-over carrier refuses every step', async () => {
    const c = await fresh({ custodianPersonId: reader.personId });
    // Handed over outside the registry's books (移交): set as the state machine leaves it.
    await t.db.query(`UPDATE carrier SET status = 'handed_over', holder_person_id = NULL WHERE id = $1`, [
      c.id,
    ]);
    await refusesEveryStep(c.id, reader.personId);
  });

  async function refusesEveryStep(id: string, custodian: string) {
    for (const [path, body] of [
      [`/api/carriers/${id}/loan`, { toPersonId: reader2.personId, dueDate: day(3) }],
      [`/api/carriers/${id}/return`, {}],
      [`/api/carriers/${id}/extend`, { dueDate: day(9) }],
      [`/api/carriers/${id}/bring-back`, {}],
      ['/api/carriers/destructions', { carrierIds: [id], reason: '再来' }],
      [`/api/carriers/${id}/copy-requests`, { kind: 'copy', copies: 1, purpose: '复制' }],
      [
        `/api/carriers/${id}/take-outs`,
        {
          personId: reader.personId,
          purpose: '外出',
          destination: '市委',
          place: 'meeting',
          from: TODAY,
          to: TODAY,
        },
      ],
      [
        '/api/carriers/handovers',
        {
          fromPersonId: custodian,
          toPersonId: reader2.personId,
          carrierIds: [id],
          count: 1,
          signedByFrom: true,
          signedByTo: true,
        },
      ],
    ] as const) {
      const before0 = await counts();
      const r = await officer.post(path, body);
      assert.ok([400, 409].includes(r.status), `${path}: ${r.status} ${r.raw.slice(0, 300)}`);
      assert.deepEqual(await counts(), before0, `${path} wrote`);
    }
  }

  test('R-CAR-07 two registrars carry out the same approved destruction at once: one 200, one 409; one destroy step each carrier', async () => {
    const c = await fresh();
    const dx = await approvedDestruction([c.id]);
    const body = { method: 'shred', supervisorPersonIds: [reader.personId, reader2.personId] };
    const [a, b] = await Promise.all([
      officer.post(`/api/carriers/destructions/${dx.id}/destroy`, body),
      topOfficer.client.post(`/api/carriers/destructions/${dx.id}/destroy`, body),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.raw} ${b.raw}`);
    const n = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM carrier_step WHERE carrier_id = $1 AND kind = 'destroy'`,
      [c.id],
    );
    assert.equal(n.rows[0]!.n, 1);
  });

  test('R-SYS-01 staff register nothing: copy request, take-out, destruction, handover, production are 403', async () => {
    await refused(
      () =>
        reader.client.post(`/api/carriers/${secret.id}/copy-requests`, {
          kind: 'copy',
          copies: 1,
          purpose: 'x',
        }),
      403,
    );
    await refused(
      () =>
        reader.client.post(`/api/carriers/${secret.id}/take-outs`, {
          personId: reader.personId,
          purpose: 'x',
          destination: 'y',
          place: 'meeting',
          from: TODAY,
          to: TODAY,
        }),
      403,
    );
    await refused(
      () => reader.client.post('/api/carriers/destructions', { carrierIds: [secret.id], reason: 'x' }),
      403,
    );
    await refused(() => reader.client.post(`/api/carriers/${secret.id}/return`, {}), 403);
    await refused(
      () =>
        reader.client.post('/api/carriers/handovers', {
          fromPersonId: reader.personId,
          toPersonId: reader2.personId,
          carrierIds: [secret.id],
          count: 1,
          signedByFrom: true,
          signedByTo: true,
        }),
      403,
    );
  });

  test('R-PER-01 a leader with 秘密 clearance: the department where-view and the export hold no 机密 carrier', async () => {
    const leader = await t.member(orgId, deptId, ['leader'], 'confidential');
    const w = await leader.client.get<{ items: Carrier[] }>(
      qs('/api/carriers/where', { departmentId: deptId }),
    );
    assert.equal(w.status, 200, w.raw);
    assert.ok(
      w.body.items.length === 0 || w.body.items.every((x) => x.level === 'confidential'),
      w.raw.slice(0, 300),
    );
    const csv = await leader.client.get(qs('/api/carriers/export', { format: 'csv' }));
    assert.equal(csv.status, 200);
    assert.doesNotMatch(csv.raw, new RegExp(SECRET_TITLE));
    assert.doesNotMatch(csv.raw, /机密★/);
  });

  test('CSV export neutralises formulas: a title starting with = + - @ is not a live formula', async () => {
    await fresh({ title: '=HYPERLINK("http://evil.example","点我")', docNumber: '+1+1', sender: '@SUM(A1)' });
    const csv = await officer.get(qs('/api/carriers/export', { format: 'csv', q: 'HYPERLINK' }));
    assert.equal(csv.status, 200);
    assert.match(csv.raw, /HYPERLINK/);
    for (const line of csv.raw.split(/\r?\n/)) {
      for (const cell of line.split(',')) {
        assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+@]/, `live formula cell: ${cell}`);
      }
    }
  });

  for (const kind of ['copy-requests', 'take-outs'] as const) {
    test(`R-SYS-03 reading a ${kind} record (it names the carrier) is audited`, async () => {
      const r0 =
        kind === 'copy-requests'
          ? await officer.post<{ id: string }>(`/api/carriers/${secret.id}/copy-requests`, {
              kind: 'copy',
              copies: 1,
              purpose: '读取审计',
            })
          : await officer.post<{ id: string }>(`/api/carriers/${secret.id}/take-outs`, {
              personId: reader.personId,
              purpose: '读取审计',
              destination: '市委',
              place: 'meeting',
              from: TODAY,
              to: TODAY,
            });
      assert.equal(r0.status, 201, r0.raw);
      const head0 = await t.auditHead();
      const r = await officer.get(`/api/carriers/${kind}/${r0.body.id}`);
      assert.equal(r.status, 200, r.raw);
      const ev = await auditEventsSince(t.db, head0);
      assert.ok(ev.length >= 1, `${kind}: no audit event`);
    });
  }

  const takeOutDates: [string, string, string, string | undefined][] = [
    ['in 1900', '1900-01-01', '1900-01-02', undefined],
    ['back in 9999', TODAY, '9999-12-31', undefined],
    ['ending before it starts', day(3), day(1), undefined],
    ['a year long', TODAY, day(366), undefined],
  ];
  for (const [what, from, to, todo] of takeOutDates) {
    test(`a take-out ${what} is refused (400, nothing written)`, { todo }, async () => {
      const c = await fresh();
      await refused(
        () =>
          officer.post(`/api/carriers/${c.id}/take-outs`, {
            personId: reader.personId,
            purpose: '外出',
            destination: '市委',
            place: 'meeting',
            from,
            to,
          }),
        400,
      );
    });
  }

  // ---------------------------------------------------------------- R-CAR-07

  test('R-CAR-07 a supervisor from another organisation is refused; nothing destroyed', async () => {
    const c = await fresh();
    const dx = await approvedDestruction([c.id]);
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, other.personId],
        }),
      400,
      { rule: 'R-CAR-07' },
    );
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, UNKNOWN],
        }),
      400,
      { rule: 'R-CAR-07' },
    );
  });

  test('R-CAR-07 no supervisors at all, or the same person twice, is refused', async () => {
    const c = await fresh();
    const dx = await approvedDestruction([c.id]);
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [],
        }),
      400,
      { code: 'supervisors_too_few' },
    );
    await refused(
      () =>
        officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
          method: 'shred',
          supervisorPersonIds: [reader.personId, reader.personId, reader.personId],
        }),
      400,
      { code: 'supervisors_too_few' },
    );
  });

  test('R-CAR-07 the registrar who requested a destruction cannot approve it himself (even as office head)', async () => {
    const both = await t.member(orgId, officeDeptId, ['secrecy_officer', 'department_head'], 'secret');
    const c = await fresh();
    const dx = await both.client.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [c.id],
      reason: '自批',
    });
    assert.equal(dx.status, 201, dx.raw);
    await refused(
      () => both.client.post(`/api/approvals/${dx.body.approvalId}/decide`, { decision: 'approve' }),
      403,
    );
    const v = await both.client.get<Destruction>(`/api/carriers/destructions/${dx.body.id}`);
    assert.equal(v.body.status, 'pending');
  });

  test('R-CAR-07 a staff member (not the office head) cannot approve a destruction', async () => {
    const c = await fresh();
    const dx = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [c.id],
      reason: '越权',
    });
    assert.equal(dx.status, 201, dx.raw);
    const r = await reader.client.post(`/api/approvals/${dx.body.approvalId}/decide`, {
      decision: 'approve',
    });
    assert.ok([403, 404].includes(r.status), r.raw);
    const v = await officer.get<Destruction>(`/api/carriers/destructions/${dx.body.id}`);
    assert.equal(v.body.status, 'pending');
  });

  // ---------------------------------------------------------------- R-CAR-03

  test('R-CAR-03 ranks below each distribution class are refused a loan', async () => {
    const cases: [string, string][] = [
      ['provincial', 'bureau'],
      ['prefectural', 'division'],
      ['county', 'section'],
    ];
    for (const [cls, rank] of cases) {
      const c = await fresh({ distributionClass: cls });
      const p = await t.member(orgId, deptId, ['staff'], 'secret');
      await setRank(p.personId, rank);
      await refused(
        () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: p.personId, dueDate: day(3) }),
        400,
        { rule: 'R-CAR-03' },
      );
    }
  });

  test('R-CAR-03 专业性: a reader outside the line of work is refused, one inside admitted', async () => {
    const c = await fresh({
      distributionClass: 'professional',
      lineOfWorkDepartmentIds: [otherDeptId],
      knowScope: scopeOf([deptId, otherDeptId]),
    });
    await refused(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(3) }),
      400,
      { field: 'toPersonId', rule: 'R-CAR-03' },
    );
    const r = await officer.post(`/api/carriers/${c.id}/loan`, {
      toPersonId: outsider.personId,
      dueDate: day(3),
    });
    assert.equal(r.status, 200, r.raw);
  });

  test('R-CAR-03 专业性 with no line of work, or another organisation’s department, is refused at receipt', async () => {
    await refused(
      () => receive(officer, { distributionClass: 'professional', lineOfWorkDepartmentIds: [] }),
      400,
    );
    await refused(
      () =>
        receive(officer, {
          distributionClass: 'professional',
          lineOfWorkDepartmentIds: [other.departmentId],
        }),
      400,
    );
  });

  test('R-CAR-03 a reader of another organisation is refused a loan (not a cross-org handout)', async () => {
    const c = await fresh({ distributionClass: null });
    const r = await refusedAny(() =>
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: other.personId, dueDate: day(3) }),
    );
    assert.ok([400, 404].includes(r), `${r}`);
  });

  // ---------------------------------------------------------------- approvals of 绝密 material (R-PER-01)

  test('R-PER-01 a department head cleared only 秘密 neither sees nor decides the copy request of a 绝密 carrier', async () => {
    const lowHead = await t.member(orgId, deptId, ['department_head'], 'confidential');
    const top = await fresh(
      {
        title: '绝密复制审批攻击',
        docNumber: '绝审〔2026〕7号',
        marking: '绝密★10年',
        distributionClass: null,
      },
      topOfficer.client,
    );
    const cr = await topOfficer.client.post<{ id: string; approvalId: string }>(
      `/api/carriers/${top.id}/copy-requests`,
      {
        kind: 'copy',
        copies: 1,
        purpose: '会议',
        originatorConsent: { organ: '上级机关', reference: '同意复制函1号' },
      },
    );
    assert.equal(cr.status, 201, cr.raw);
    const leaks: string[] = [];
    const page = await lowHead.client.get(`/api/approvals/${cr.body.approvalId}`);
    if (/绝审〔2026〕7号|绝密★/.test(page.raw))
      leaks.push(`approval page ${page.status} shows the 绝密 doc number/marking`);
    const list = await lowHead.client.get('/api/approvals');
    if (/绝审〔2026〕7号/.test(list.raw)) leaks.push('the approval list shows it');
    const todos = await lowHead.client.get('/api/todos');
    if (/绝审〔2026〕7号|绝密★/.test(todos.raw)) leaks.push('the todo list shows it');
    const dec = await lowHead.client.post(`/api/approvals/${cr.body.approvalId}/decide`, {
      decision: 'approve',
    });
    if (![403, 404].includes(dec.status)) leaks.push(`decide answered ${dec.status}`);
    assert.deepEqual(leaks, []);
  });

  test('R-PER-01 an office head cleared 机密 cannot approve the destruction of a 绝密 carrier', async () => {
    const top = await fresh(
      {
        title: '绝密销毁审批攻击',
        docNumber: '绝销〔2026〕8号',
        marking: '绝密★10年',
        distributionClass: null,
      },
      topOfficer.client,
    );
    const dx = await topOfficer.client.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [top.id],
      reason: '到期',
    });
    assert.equal(dx.status, 201, dx.raw);
    const leaks: string[] = [];
    const page = await head.client.get(`/api/approvals/${dx.body.approvalId}`);
    if (/绝销〔2026〕8号|绝密★/.test(page.raw))
      leaks.push(`approval page ${page.status} shows the 绝密 doc number/marking`);
    const dec = await head.client.post(`/api/approvals/${dx.body.approvalId}/decide`, {
      decision: 'approve',
    });
    if (![403, 404].includes(dec.status)) leaks.push(`decide answered ${dec.status}`);
    assert.deepEqual(leaks, []);
  });

  test('R-PER-01 a department head cleared only 秘密 cannot see or decide the take-out of a 绝密 carrier', async () => {
    const lowHead = await t.member(orgId, deptId, ['department_head'], 'confidential');
    const bearer = await t.member(orgId, deptId, ['staff'], 'top_secret');
    const second = await t.member(orgId, deptId, ['staff'], 'top_secret');
    const top = await fresh(
      {
        title: '绝密外出审批攻击',
        docNumber: '绝出〔2026〕9号',
        marking: '绝密★10年',
        distributionClass: null,
      },
      topOfficer.client,
    );
    const to = await topOfficer.client.post<{ approvalId: string }>(`/api/carriers/${top.id}/take-outs`, {
      personId: bearer.personId,
      purpose: '参加会议',
      destination: '市委会议中心',
      place: 'meeting',
      from: TODAY,
      to: TODAY,
      travellerIds: [second.personId],
    });
    assert.equal(to.status, 201, to.raw);
    const leaks: string[] = [];
    const page = await lowHead.client.get(`/api/approvals/${to.body.approvalId}`);
    if (/绝出〔2026〕9号|绝密★/.test(page.raw))
      leaks.push(`approval page ${page.status} shows the 绝密 doc number/marking`);
    const dec = await lowHead.client.post(`/api/approvals/${to.body.approvalId}/decide`, {
      decision: 'approve',
    });
    if (![403, 404].includes(dec.status)) leaks.push(`decide answered ${dec.status}`);
    assert.deepEqual(leaks, []);
  });

  test('R-CAR-01 the same copy of the same document (sender, 文号, 份号) cannot be received twice: 409 naming the record', async () => {
    const once = { sender: '市保密局', docNumber: '市保〔2026〕77号', firstCopyNumber: '000001' };
    await fresh(once);
    await refused(() => receive(officer, once), 409, { field: 'firstCopyNumber' });
  });

  // ---------------------------------------------------------------- people and carriers of another organisation

  test('R-DES-08a a loan to someone of the same organisation outside the knowledge scope is refused', async () => {
    const c = await fresh({ distributionClass: null });
    const r = await refusedAny(() =>
      officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: outsider.personId, dueDate: day(3) }),
    );
    assert.equal(r, 400);
  });

  test('R-DES-08a another organisation’s people cannot be named: custodian, department, take-out person, handover receiver', async () => {
    const r1 = await refusedAny(() => receive(officer, { custodianPersonId: other.personId }));
    assert.ok([400, 404].includes(r1), `custodian: ${r1}`);
    const r2 = await refusedAny(() => receive(officer, { departmentId: other.departmentId }));
    assert.ok([400, 404].includes(r2), `department: ${r2}`);
    const c = await fresh({ distributionClass: null });
    const r3 = await refusedAny(() =>
      officer.post(`/api/carriers/${c.id}/take-outs`, {
        personId: other.personId,
        purpose: '外出',
        destination: '市委',
        place: 'meeting',
        from: TODAY,
        to: TODAY,
      }),
    );
    assert.ok([400, 404].includes(r3), `take-out: ${r3}`);
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    const k = await fresh({ custodianPersonId: keeper.personId });
    const r4 = await refusedAny(() =>
      officer.post('/api/carriers/handovers', {
        fromPersonId: keeper.personId,
        toPersonId: other.personId,
        carrierIds: [k.id],
        count: 1,
        signedByFrom: true,
        signedByTo: true,
      }),
    );
    assert.ok([400, 404].includes(r4), `handover: ${r4}`);
  });

  test('a destruction list naming another organisation’s carrier, a duplicate, or a destroyed one is refused whole', async () => {
    const theirs = await fresh({ knowScope: scopeOf([other.departmentId]) }, other.client);
    const mine = await fresh();
    const r = await refusedAny(() =>
      officer.post('/api/carriers/destructions', { carrierIds: [mine.id, theirs.id], reason: '混入' }),
    );
    assert.equal(r, 404);
    const r2 = await refusedAny(() =>
      officer.post('/api/carriers/destructions', { carrierIds: [mine.id, mine.id], reason: '重复' }),
    );
    assert.equal(r2, 400);
    const gone = await fresh();
    const dx = await approvedDestruction([gone.id]);
    const d = await officer.post(`/api/carriers/destructions/${dx.id}/destroy`, {
      method: 'shred',
      supervisorPersonIds: [reader.personId, reader2.personId],
    });
    assert.equal(d.status, 200, d.raw);
    const r3 = await refusedAny(() =>
      officer.post('/api/carriers/destructions', { carrierIds: [mine.id, gone.id], reason: '混入已销毁' }),
    );
    assert.equal(r3, 409);
    const v = await officer.get<Carrier>(`/api/carriers/${mine.id}`);
    assert.equal(v.body.status, 'in_registry');
    const many = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const r4 = await refusedAny(() =>
      officer.post('/api/carriers/destructions', { carrierIds: many, reason: '太多' }),
    );
    assert.ok([400, 413].includes(r4), `501 items: ${r4}`);
  });

  test('an extension to 9999 or a version out of range is 400, never 500', async () => {
    const c = await fresh();
    assert.equal(
      (await officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(3) }))
        .status,
      200,
    );
    await refused(() => officer.post(`/api/carriers/${c.id}/extend`, { dueDate: '9999-12-31' }), 400);
    await refused(() => officer.post(`/api/carriers/${c.id}/return`, { version: 2_000_000_001 }), 400);
    await refused(() => officer.post(`/api/carriers/${c.id}/return`, { version: 0 }), 400);
  });

  // ---------------------------------------------------------------- hostile input

  test('markings with zero-width characters, full-width digits, Infinity, 0 or 999 years: canonical or 400, never 500', async () => {
    const zw = await receive(officer, { marking: '机密\u200b★5年' });
    assert.ok(zw.status === 400 || (zw.status === 201 && zw.body.items[0]!.marking === '机密★5年'), zw.raw);
    const fw = await receive(officer, { marking: '机密★５年' });
    assert.ok(fw.status === 400 || (fw.status === 201 && fw.body.items[0]!.marking === '机密★5年'), fw.raw);
    for (const marking of [
      '机密★Infinity年',
      '机密★NaN年',
      '机密★0年',
      '秘密★999年',
      '机密★-5年',
      '机密★1e9年',
      '机密★0个月',
      '机密★9999年12月31日',
      '机密★1900年1月1日',
      '机密★2026年2月30日',
      '机密★',
      '★5年',
      '机密★5年★6年',
      '\u0000机密★5年',
    ]) {
      await refused(() => receive(officer, { marking }), 400, { field: 'marking' });
    }
  });

  test('an issue date in the future (9999-12-31) is refused: the period would run from it (R-LVL-02)', async () => {
    await refused(() => receive(officer, { issueDate: '9999-12-31' }), 400);
    await refused(() => receive(officer, { issueDate: day(30) }), 400);
  });

  test('an issue date in 1900 whose period ended long ago is refused or flagged, never 500', async () => {
    const r = await refusedAny(() => receive(officer, { issueDate: '1900-01-01' }));
    assert.ok([201, 400].includes(r), `${r}`);
  });

  test('impossible dates, loan due dates of 9999, 1900, yesterday: 400, never 500', async () => {
    await refused(() => receive(officer, { issueDate: '2026-13-01' }), 400);
    await refused(() => receive(officer, { issueDate: '2026-02-30' }), 400);
    const c = await fresh();
    for (const dueDate of ['9999-12-31', '1900-01-01', day(-1), '0000-01-01']) {
      await refused(
        () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate }),
        400,
      );
    }
  });

  test('copy counts of 0, negative, 1.5, 1e9 and over the batch limit: 400 or 413, nothing written', async () => {
    for (const copies of [0, -1, 1.5, 1e9, 501, Number.MAX_SAFE_INTEGER]) {
      const r = await refusedAny(() => receive(officer, { copies }));
      assert.ok([400, 413].includes(r), `copies ${copies}: ${r}`);
    }
    for (const approvedCopies of [0, -3, 1e9]) {
      const r = await refusedAny(() =>
        officer.post('/api/carriers/produce', {
          ...receiveBody(),
          sender: undefined,
          copies: undefined,
          approvedCopies,
          spoiledCount: 0,
        }),
      );
      assert.ok([400, 413].includes(r), `approvedCopies ${approvedCopies}: ${r}`);
    }
    for (const spoiledCount of [-1, 1e9]) {
      const r = await refusedAny(() =>
        officer.post('/api/carriers/produce', {
          ...receiveBody(),
          sender: undefined,
          copies: undefined,
          approvedCopies: 1,
          spoiledCount,
        }),
      );
      assert.ok([400, 413].includes(r), `spoiledCount ${spoiledCount}: ${r}`);
    }
    for (const copies of [0, -1, 51, 1e9]) {
      const r = await refusedAny(() =>
        officer.post(`/api/carriers/${secret.id}/copy-requests`, { kind: 'copy', copies, purpose: '复制' }),
      );
      assert.ok([400, 413].includes(r), `copy request copies ${copies}: ${r}`);
    }
  });

  test('a batch receipt of 100,000 copy numbers, or numbers running past 999999: 400/413, nothing written', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => String(i + 1).padStart(6, '0'));
    const r = await refusedAny(() => receive(officer, { copyNumbers: many, copies: undefined }));
    assert.ok([400, 413].includes(r), `copyNumbers ×100000: ${r}`);
    const r2 = await refusedAny(() => receive(officer, { firstCopyNumber: '999700', copies: 500 }));
    assert.equal(r2, 400);
    const r3 = await refusedAny(() => receive(officer, { firstCopyNumber: '-00001' }));
    assert.equal(r3, 400);
    // A full-width copy number: parsed tolerantly to the canonical six digits, or refused.
    const r4 = await receive(officer, { firstCopyNumber: '０００２０１' });
    assert.ok(r4.status === 400 || (r4.status === 201 && r4.body.items[0]!.copyNumber === '000201'), r4.raw);
  });

  test('the maximum batch (500 copies) is written whole, each numbered, in one audited event', async () => {
    const head0 = await t.auditHead();
    const r = await receive(officer, { copies: 500, firstCopyNumber: '100001', title: '五百份测试' });
    assert.equal(r.status, 201, r.raw.slice(0, 300));
    assert.equal(r.body.items.length, 500);
    assert.equal(new Set(r.body.items.map((c) => c.copyNumber)).size, 500);
    const events = await auditEventsSince(t.db, head0);
    assert.ok(events.some((e) => e.action === 'carrier.receive'));
  });

  test('strings at the contract’s LIMITS are accepted, one over is 400 (title, docNumber, sender, reason, purpose, note)', async () => {
    const ok = await receive(officer, {
      title: '题'.repeat(300),
      docNumber: '号'.repeat(100),
      sender: '发'.repeat(200),
      note: '注'.repeat(500),
    });
    assert.equal(ok.status, 201, ok.raw.slice(0, 300));
    for (const over of [
      { title: '题'.repeat(301) },
      { docNumber: '号'.repeat(101) },
      { sender: '发'.repeat(201) },
      { note: '注'.repeat(501) },
      { marking: '机'.repeat(101) },
      { title: '' },
      { title: '   ' },
    ]) {
      await refused(() => receive(officer, over), 400);
    }
    const c = await fresh();
    await refused(
      () => officer.post('/api/carriers/destructions', { carrierIds: [c.id], reason: '理'.repeat(501) }),
      400,
    );
    await refused(
      () => officer.post('/api/carriers/destructions', { carrierIds: [c.id], reason: '   ' }),
      400,
    );
    await refused(
      () =>
        officer.post(`/api/carriers/${c.id}/copy-requests`, {
          kind: 'copy',
          copies: 1,
          purpose: '用'.repeat(501),
        }),
      400,
    );
    await refused(
      () =>
        officer.post(`/api/carriers/${c.id}/loan`, {
          toPersonId: reader.personId,
          dueDate: day(3),
          note: '注'.repeat(501),
        }),
      400,
    );
  });

  test('deeply nested JSON, arrays where strings belong, extra fields and prototype keys: 400/413, never 500', async () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 1000; i++) nested = { a: nested };
    const r1 = await refusedAny(() => receive(officer, { knowScope: nested }));
    assert.ok([400, 413].includes(r1), `nested: ${r1}`);
    const r2 = await refusedAny(() => receive(officer, { title: ['a', 'b'] }));
    assert.equal(r2, 400);
    const r3 = await refusedAny(() =>
      receive(officer, { knowScope: { ...scopeOf([deptId]), __proto__: { x: 1 } } }),
    );
    assert.ok([201, 400].includes(r3) && r3 !== 500, `proto: ${r3}`);
    const r4 = await refusedAny(() =>
      receive(officer, { knowScope: { personIds: ['x'], departmentIds: [], positions: [] } }),
    );
    assert.equal(r4, 400);
    const r5 = await refusedAny(() =>
      receive(officer, { knowScope: { personIds: [other.personId], departmentIds: [], positions: [] } }),
    );
    assert.equal(r5, 400, 'a knowledge scope naming another organisation’s person');
    const r6 = await refusedAny(() =>
      officer.post('/api/carriers/destructions', { carrierIds: [UNKNOWN], reason: 'x' }),
    );
    assert.equal(r6, 404);
    const r7 = await refusedAny(() =>
      officer.post(`/api/carriers/not-a-uuid/loan`, { toPersonId: reader.personId, dueDate: day(1) }),
    );
    assert.ok([400, 404].includes(r7), `bad id: ${r7}`);
  });

  /** Runs a request that must not write (or, for r3, may): its status; asserts no 5xx and nothing written on a refusal. */
  async function refusedAny(run: () => Promise<Response<unknown>>): Promise<number> {
    const before0 = await counts();
    const head0 = await t.auditHead();
    const r = await run();
    assert.ok(r.status < 500, `5xx: ${r.status} ${r.raw.slice(0, 300)}`);
    if (r.status >= 400) {
      assert.deepEqual(await counts(), before0, `wrote on ${r.status}`);
      const ev = (await auditEventsSince(t.db, head0)).filter((e) => !e.action.startsWith('access.denied'));
      assert.deepEqual(ev, [], 'audited on a refusal');
      const e = (r.body as { error?: { zh?: string; en?: string } }).error;
      assert.ok(e?.zh && e.en, `bilingual refusal: ${r.raw.slice(0, 200)}`);
    }
    return r.status;
  }

  // ---------------------------------------------------------------- audit

  test('R-SYS-03 every change names the carrier in the audit; every detail read is audited once, also by the holder', async () => {
    const c = await fresh();
    const step = async (run: () => Promise<Response<unknown>>, action: string, objectId?: string) => {
      const head0 = await t.auditHead();
      const r = await run();
      assert.ok(r.status < 300, `${action}: ${r.status} ${r.raw}`);
      const ev = await auditEventsSince(t.db, head0);
      const mine = ev.filter((e) => e.action === action);
      assert.equal(mine.length, 1, `${action}: ${ev.map((e) => e.action).join()}`);
      if (objectId) assert.equal((mine[0] as { objectId?: string }).objectId, objectId, action);
    };
    await step(
      () => officer.post(`/api/carriers/${c.id}/loan`, { toPersonId: reader.personId, dueDate: day(3) }),
      'carrier.loan',
      c.id,
    );
    await step(() => reader.client.get(`/api/carriers/${c.id}`), 'carrier.read', c.id);
    await step(
      () => officer.post(`/api/carriers/${c.id}/extend`, { dueDate: day(5) }),
      'carrier.extend',
      c.id,
    );
    await step(() => officer.post(`/api/carriers/${c.id}/return`, {}), 'carrier.return', c.id);
    await step(() => officer.get(`/api/carriers/${c.id}`), 'carrier.read', c.id);
  });

  test('R-SYS-03 reading a destruction list (it lists the carriers’ titles and copy numbers) is audited', async () => {
    const c = await fresh({ title: '销毁清单审计测试' });
    const dx = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [c.id],
      reason: '审计',
    });
    const head0 = await t.auditHead();
    const r = await officer.get(`/api/carriers/destructions/${dx.body.id}`);
    assert.match(r.raw, /销毁清单审计测试/);
    const ev = await auditEventsSince(t.db, head0);
    assert.ok(ev.length >= 1, 'no audit event for reading a destruction list');
  });

  test('R-SYS-03 the approval decision on a destruction and its effect on the carriers are audited', async () => {
    const c = await fresh();
    const dx = await officer.post<Destruction>('/api/carriers/destructions', {
      carrierIds: [c.id],
      reason: '审计二',
    });
    const head0 = await t.auditHead();
    await head.client.post(`/api/approvals/${dx.body.approvalId}/decide`, {
      decision: 'reject',
      comment: '不同意',
    });
    const ev = await auditEventsSince(t.db, head0);
    assert.ok(ev.length >= 1, 'the decision is audited');
    const steps = await t.db.query<{ kind: string }>(
      'SELECT kind FROM carrier_step WHERE carrier_id = $1 ORDER BY seq',
      [c.id],
    );
    assert.equal(steps.rows.at(-1)!.kind, 'destruction_cancelled');
  });

  test('demo data stays out of a real organisation: the demo route (if any) is refused to business users', async () => {
    const r = await officer.post('/api/carriers/demo', {});
    assert.ok([403, 404].includes(r.status), `${r.status} ${r.raw.slice(0, 200)}`);
    const r2 = await (await t.admin('sysadmin')).post('/api/carriers/demo', {});
    assert.ok(r2.status !== 500, r2.raw);
  });
});
