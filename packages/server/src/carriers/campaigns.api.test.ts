// 清查清退 over HTTP (R-CAR-09, R-INC-01): a campaign over a department freezes its carriers and the
// people answering for them; the custodian (or the secrecy officer on his behalf) confirms each once —
// two confirmations at once: one 409 naming the first; a missing carrier is marked missing and opens a
// leak incident at once (todo to the secrecy officer and the leader, deadline 24 hours on the clock); a
// recall brings a carrier on loan back; closing waits for every carrier; the report exports; a missing
// carrier found again is recorded in its timeline. Every refusal bilingual, nothing written; every
// change and every read audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Carrier = { id: string; status: string; batchId: string; copyNumber: string | null };
type Batch = { batchId: string; items: Carrier[] };
type Item = {
  carrierId: string;
  custodianPersonId: string;
  result: string | null;
  status: string;
  incidentId: string | null;
  abilities: Record<string, { allowed: boolean }>;
};
type Counts = { total: number; found: number; missing: number; damaged: number; unconfirmed: number };
type Campaign = {
  id: string;
  status: string;
  kind: string;
  counts: Counts;
  items: Item[];
  abilities: Record<string, { allowed: boolean }>;
};
type Incident = {
  id: string;
  title: string;
  level: string;
  status: string;
  discoveredAt: string;
  reportDeadline: string;
  reportDeadlineText: string;
  custodianPersonId: string | null;
};

const TODAY = todayInChina();
const scopeOf = (departmentIds: string[]) => ({ personIds: [], departmentIds, positions: [] });

describe('carrier campaigns (R-CAR-09, R-INC-01)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let dept2Id: string;
  let officer: Client;
  let leader: Client;
  let reader: { client: Client; personId: string };
  let bystander: { client: Client; personId: string };
  let other: Client; // secrecy officer of another organisation
  let batch: Batch; // 3 copies in deptId
  let docSeq = 0;

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM carrier_campaign) AS campaigns,
                (SELECT count(*)::int FROM carrier_campaign_item WHERE result IS NOT NULL) AS confirmed,
                (SELECT count(*)::int FROM incident) AS incidents,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT coalesce(sum(version), 0)::int FROM carrier) AS versions`,
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
    return { body: r.body, events };
  }

  const receive = (over: Record<string, unknown> = {}) =>
    officer.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '清查测试文件',
      docNumber: `清〔2026〕${++docSeq}号`,
      sender: '市保密局',
      marking: '机密★5年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
      copies: 1,
      departmentId: deptId,
      ...over,
    });
  const confirm = (c: Client, campaignId: string, carrierId: string, result: string, note?: string) =>
    c.post<Item>(`/api/carriers/campaigns/${campaignId}/items/${carrierId}/confirm`, {
      result,
      ...(note ? { note } : {}),
    });
  const open = (c: Client, body: Record<string, unknown>) =>
    c.post<Campaign>('/api/carriers/campaigns', {
      kind: 'inventory',
      title: '2026年度涉密载体清查',
      ...body,
    });

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    orgId = u.orgId;
    deptId = u.departmentId;
    const sys = await t.admin('sysadmin');
    dept2Id = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '业务二科' })).body
      .id;
    leader = (await t.member(orgId, deptId, ['leader'], 'secret')).client;
    reader = await t.member(orgId, deptId, ['staff'], 'secret');
    await t.db.query(`UPDATE person SET rank = 'division' WHERE id = $1`, [reader.personId]);
    bystander = await t.member(orgId, dept2Id, ['staff'], 'secret');
    other = (await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' })).client;
    const r = await receive({ copies: 3 });
    assert.equal(r.status, 201, r.raw);
    batch = r.body;
    // Copy 2 lent to the reader: he answers for it in the campaign.
    const l = await officer.post(`/api/carriers/${batch.items[1]!.id}/loan`, {
      toPersonId: reader.personId,
      dueDate: addDays(TODAY, 7),
    });
    assert.equal(l.status, 200, l.raw);
    // One in the other department, one handed over (off the books: never in scope).
    assert.equal((await receive({ departmentId: dept2Id, knowScope: scopeOf([dept2Id]) })).status, 201);
    const gone = (await receive()).body.items[0]!;
    await t.db.query(`UPDATE carrier SET status = 'handed_over', holder_person_id = NULL WHERE id = $1`, [
      gone.id,
    ]);
  });
  after(() => t.close());

  test('R-CAR-09 opening: the registry only; a scope names its department, level or batch; nothing to check is refused', async () => {
    await refused(() => open(reader.client, { scope: 'all' }), 403);
    await refused(() => open(officer, { scope: 'department' }), 400, {
      code: 'campaign_scope_department',
      rule: 'R-CAR-09',
    });
    await refused(() => open(officer, { scope: 'batch' }), 400, { code: 'campaign_scope_batch' });
    await refused(() => open(officer, { scope: 'department', departmentId: orgId }), 404, {
      field: 'departmentId',
    });
    await refused(() => open(other, { scope: 'batch', batchId: batch.batchId }), 404, { field: 'batchId' });
    // 绝密: none the secret-cleared officer may read — nothing to freeze.
    await refused(() => open(officer, { scope: 'level', level: 'top_secret' }), 400, {
      code: 'campaign_empty',
    });
    await refused(() => open(officer, { scope: 'all', title: '' }), 400, { field: 'title' });
    await refused(() => open(officer, { scope: 'all', extra: 1 }), 400);
    await refused(() => open(officer, { scope: 'all', title: '清'.repeat(201) }), 400, { field: 'title' });
    await refused(() => open(officer, { scope: 'everything' }), 400, { field: 'scope' });
  });

  test('R-CAR-09 R-INC-01 an inventory: frozen list, one confirmation each, a missing carrier opens an incident with its todo', async () => {
    const opened = await changed(
      () => open(officer, { scope: 'department', departmentId: deptId }),
      201,
      'carrier.campaign_open',
    );
    const g = opened.body;
    // The three copies of the department; the handed-over one and the other department's are not in scope.
    assert.deepEqual(g.items.map((i) => i.carrierId).sort(), batch.items.map((c) => c.id).sort());
    assert.deepEqual(g.counts, { total: 3, found: 0, missing: 0, damaged: 0, unconfirmed: 3 });
    const [c1, c2, c3] = batch.items.map((c) => c.id) as [string, string, string];
    assert.equal(g.items.find((i) => i.carrierId === c2)!.custodianPersonId, reader.personId);
    // Frozen: a carrier received after opening is not in it.
    assert.equal((await receive()).status, 201);
    assert.equal((await officer.get<Campaign>(`/api/carriers/campaigns/${g.id}`)).body.items.length, 3);

    // The reader: a todo, the campaign in his list, only his carrier on its page.
    const todos = await reader.client.get<{ items: { title: string; link: string }[] }>('/api/todos');
    assert.ok(todos.body.items.some((x) => x.link === `/carriers/campaigns/${g.id}` && /1件/u.test(x.title)));
    const mine = await changed(
      () => reader.client.get<Campaign>(`/api/carriers/campaigns/${g.id}`),
      200,
      'carrier.campaign_read',
    );
    assert.deepEqual(
      mine.body.items.map((i) => i.carrierId),
      [c2],
    );
    assert.equal(mine.body.abilities.close!.allowed, false);
    const list = await reader.client.get<{ items: { id: string }[] }>('/api/carriers/campaigns');
    assert.ok(list.body.items.some((x) => x.id === g.id));
    // Someone answering for nothing in it: the same 404 as an unknown campaign.
    await refused(() => bystander.client.get(`/api/carriers/campaigns/${g.id}`), 404);
    await refused(() => other.get(`/api/carriers/campaigns/${g.id}`), 404);
    // Not his carrier: refused (R-CAR-09 the custodian or the officer).
    await refused(() => confirm(reader.client, g.id, c1, 'found'), 403, { code: 'campaign_not_custodian' });
    await refused(() => confirm(other, g.id, c1, 'found'), 404);
    await refused(() => confirm(officer, g.id, orgId, 'found'), 404, { field: 'carrierId' });
    await refused(() => confirm(officer, g.id, c1, 'lost'), 400, { field: 'result' });
    await refused(() => confirm(officer, g.id, c1, 'found', 'x'.repeat(501)), 400, { field: 'note' });
    await refused(
      () => officer.post(`/api/carriers/campaigns/${g.id}/items/${c1}/confirm`, { result: 'found', at: 1 }),
      400,
    );
    await refused(
      () => officer.post(`/api/carriers/campaigns/${g.id}/items/not-a-uuid/confirm`, { result: 'found' }),
      400,
    );
    // A leader reads the whole campaign but confirms only what he answers for.
    const lg = await leader.get<Campaign>(`/api/carriers/campaigns/${g.id}`);
    assert.equal(lg.body.items.length, 3);
    assert.equal(lg.body.abilities.export!.allowed, true);
    await refused(() => confirm(leader, g.id, c1, 'found'), 403, { code: 'campaign_not_custodian' });

    // Two confirmations of the same carrier at once: one succeeds, the other is 409 naming it.
    const both = await Promise.all([
      confirm(reader.client, g.id, c2, 'found'),
      confirm(officer, g.id, c2, 'damaged'),
    ]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], both.map((r) => r.raw).join('\n'));
    const lost = both.find((r) => r.status === 409)!.body as unknown as {
      error: { code: string; zh: string };
    };
    assert.equal(lost.error.code, 'campaign_item_confirmed');
    // Whichever came first stands (the race decides it): the counts and the report follow it.
    const c2Found = both.find((r) => r.status === 200)!.body.result === 'found';
    assert.match(lost.error.zh, /已由.+于.+确认为“(在位|损坏)”/u);
    await refused(() => confirm(officer, g.id, c2, 'missing'), 409, { code: 'campaign_item_confirmed' });

    // Closing while some are unconfirmed: refused, naming how many.
    const e = await refused(() => officer.post(`/api/carriers/campaigns/${g.id}/close`), 409, {
      code: 'campaign_unconfirmed',
      rule: 'R-CAR-09',
    });
    assert.match(e.zh, /2件/u);

    // The officer on the custodian's behalf: copy 1 missing → carrier missing, incident, todos.
    const before = Date.now();
    const m = await changed(
      () => confirm(officer, g.id, c1, 'missing', '柜内未找到'),
      200,
      'carrier.campaign_confirm',
      'incident.open',
    );
    assert.equal(m.body.result, 'missing');
    assert.equal(m.body.status, 'missing');
    assert.ok(m.body.incidentId);
    const detail = await officer.get<{
      status: string;
      steps: { kind: string; details: Record<string, unknown> }[];
    }>(`/api/carriers/${c1}`);
    assert.equal(detail.body.status, 'missing');
    assert.equal(detail.body.steps.at(-1)!.kind, 'missing');
    assert.equal(detail.body.steps.at(-1)!.details.campaignId, g.id);
    const inc = await officer.get<Incident>(`/api/incidents/${m.body.incidentId}`);
    assert.equal(inc.status, 200, inc.raw);
    assert.equal(inc.body.level, 'secret');
    assert.equal(inc.body.status, 'open');
    assert.match(inc.body.title, /清查发现载体缺失：清查测试文件（第000001份）/u);
    const found = new Date(inc.body.discoveredAt).getTime();
    assert.ok(found >= before - 1000 && found <= Date.now() + 1000);
    // R-INC-01: 24 hours on the clock.
    assert.equal(new Date(inc.body.reportDeadline).getTime() - found, 24 * 3600 * 1000);
    for (const who of [officer, leader]) {
      const td = await who.get<{ items: { title: string; link: string; dueAt: string }[] }>('/api/todos');
      const x = td.body.items.find((i) => i.link === `/incidents/${m.body.incidentId}`);
      assert.ok(x, JSON.stringify(td.body.items));
      assert.ok(x.title.includes(`须于${inc.body.reportDeadlineText}（北京时间）前报告`), x.title);
      assert.equal(new Date(x.dueAt).getTime(), new Date(inc.body.reportDeadline).getTime());
    }
    // A staff member (even in the knowledge scope) has no such todo.
    const rt = await reader.client.get<{ items: { link: string }[] }>('/api/todos');
    assert.ok(!rt.body.items.some((i) => i.link.startsWith('/incidents/')));

    await changed(() => confirm(officer, g.id, c3, 'damaged'), 200, 'carrier.campaign_confirm');
    const closed = await changed(
      () => officer.post<Campaign>(`/api/carriers/campaigns/${g.id}/close`),
      200,
      'carrier.campaign_close',
    );
    assert.equal(closed.body.status, 'closed');
    assert.deepEqual(closed.body.counts, {
      total: 3,
      found: c2Found ? 1 : 0,
      missing: 1,
      damaged: c2Found ? 1 : 2,
      unconfirmed: 0,
    });
    await refused(() => officer.post(`/api/carriers/campaigns/${g.id}/close`), 409, {
      code: 'campaign_closed',
    });
    // The reader's todo is gone.
    const after = await reader.client.get<{ items: { link: string }[] }>('/api/todos');
    assert.ok(!after.body.items.some((x) => x.link === `/carriers/campaigns/${g.id}`));

    // The report: counts and discrepancies, exported (audited before the file leaves).
    const x = await changed(
      () => officer.get(`/api/carriers/campaigns/${g.id}/export?format=csv`),
      200,
      'carrier_campaign.export',
    );
    const csv = String(x.body);
    // One row per carrier with its result; the missing and the damaged marked as discrepancies.
    assert.match(csv, /000001,机密★5年,[^\r]*,缺失,是,/u);
    assert.match(csv, /000003,机密★5年,[^\r]*,损坏,是,/u);
    assert.match(csv, c2Found ? /000002,机密★5年,[^\r]*,在位,,/u : /000002,机密★5年,[^\r]*,损坏,是,/u);
    assert.match(csv, /机密★5年/u);
    const xlsx = await officer.get(`/api/carriers/campaigns/${g.id}/export`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    await refused(() => reader.client.get(`/api/carriers/campaigns/${g.id}/export`), 403);

    // Found again: back in the registry, recorded in the timeline; a second time: 409 naming the state.
    // The carrier's own page offers it while the carrier is missing (its abilities).
    const missingPage = await officer.get<{ abilities: Record<string, { allowed: boolean }> }>(
      `/api/carriers/${c1}`,
    );
    assert.equal(missingPage.body.abilities.found?.allowed, true);
    await refused(() => reader.client.post(`/api/carriers/${c1}/found`, {}), 403);
    const f = await changed(
      () => officer.post<Carrier>(`/api/carriers/${c1}/found`, { note: '在档案柜夹层找到' }),
      200,
      'carrier.found',
    );
    assert.equal(f.body.status, 'in_registry');
    const tl = await officer.get<{ steps: { kind: string }[] }>(`/api/carriers/${c1}`);
    assert.deepEqual(
      tl.body.steps.slice(-2).map((s) => s.kind),
      ['missing', 'found'],
    );
    assert.equal(
      (tl.body as unknown as { abilities: Record<string, { allowed: boolean }> }).abilities.found?.allowed,
      false,
      'in the registry: nothing to find',
    );
    const again = await refused(() => officer.post(`/api/carriers/${c1}/found`, {}), 409, {
      code: 'carrier_wrong_state',
      rule: 'R-CAR-09',
    });
    assert.match(again.zh, /在册|登记/u);
  });

  test('R-CAR-09 R-CAR-04 a recall of a distribution batch: a loan comes back to the registry when the registry confirms it, not on the borrower’s word', async () => {
    const b = (await receive({ copies: 2 })).body;
    const [r1, r2] = b.items.map((c) => c.id) as [string, string];
    await officer.post(`/api/carriers/${r1}/loan`, {
      toPersonId: reader.personId,
      dueDate: addDays(TODAY, 3),
    });
    const g = (
      await changed(
        () => open(officer, { kind: 'recall', title: '文件清退', scope: 'batch', batchId: b.batchId }),
        201,
        'carrier.campaign_open',
      )
    ).body;
    assert.equal(g.kind, 'recall');
    assert.equal(g.items.length, 2);
    // The reader confirms he has it: confirmed in place, still on loan (R-CAR-04: the registry takes it back).
    const held = await changed(
      () => confirm(reader.client, g.id, r1, 'found'),
      200,
      'carrier.campaign_confirm',
    );
    assert.equal(held.body.status, 'on_loan');
    const still = await officer.get<{ status: string; steps: { kind: string }[] }>(`/api/carriers/${r1}`);
    assert.equal(still.body.status, 'on_loan');
    assert.notEqual(still.body.steps.at(-1)!.kind, 'return');
    // The registry receives it back: the recall's purpose, through the usual return.
    await changed(() => officer.post(`/api/carriers/${r1}/return`, {}), 200, 'carrier.return');
    // A loan confirmed by the registry itself in a recall is returned there and then.
    const r3 = (await receive()).body.items[0]!.id;
    await officer.post(`/api/carriers/${r3}/loan`, {
      toPersonId: reader.personId,
      dueDate: addDays(TODAY, 3),
    });
    const g3 = (
      await open(officer, {
        kind: 'recall',
        title: '文件清退（二）',
        scope: 'batch',
        batchId: (await officer.get<{ batchId: string }>(`/api/carriers/${r3}`)).body.batchId,
      })
    ).body;
    const ok = await changed(() => confirm(officer, g3.id, r3, 'found'), 200, 'carrier.campaign_confirm');
    assert.equal(ok.body.status, 'in_registry');
    const d = await officer.get<{ steps: { kind: string }[]; holderPersonId: string | null }>(
      `/api/carriers/${r3}`,
    );
    assert.equal(d.body.steps.at(-1)!.kind, 'return');
    // A carrier already in the registry stays where it is.
    const ok2 = await confirm(officer, g.id, r2, 'found');
    assert.equal(ok2.body.status, 'in_registry');
    assert.equal((await officer.post<Campaign>(`/api/carriers/campaigns/${g.id}/close`)).status, 200);
  });

  test('R-CAR-09 a carrier destroyed meanwhile cannot be marked missing: 409 naming its state', async () => {
    const c = (await receive()).body.items[0]!;
    const g = (await open(officer, { scope: 'batch', batchId: c.batchId })).body;
    await t.db.query(`UPDATE carrier SET status = 'handed_over', holder_person_id = NULL WHERE id = $1`, [
      c.id,
    ]);
    const e = await refused(() => confirm(officer, g.id, c.id, 'missing'), 409, {
      code: 'carrier_read_only',
    });
    assert.match(e.zh, /已移交|只能查阅/u);
  });
});
