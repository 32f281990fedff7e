// An outside security test of the newest parts of 涉密载体 (issue 10): inventory/recall campaigns and
// leak incidents, the QR label sheet, the ledger import, send-out, medium uses and the printed handover
// list. Tried by the people who must not read (clearance below the level, outside the knowledge scope,
// another organisation, the three administrators) and with hostile input (malformed ids, dates the
// database cannot hold, huge lists, races). Each test asserts the CORRECT behaviour.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { todayInChina } from '../designation/common.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';

type Carrier = { id: string; title: string; level: string; status: string };
type Batch = { batchId: string; items: Carrier[] };
type Member = { client: Client; personId: string };
type Campaign = { id: string; items: { carrierId: string; title: string }[] };

const TODAY = todayInChina();
const scopeOf = (departmentIds: string[]) => ({ personIds: [], departmentIds, positions: [] });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('new parts of carriers under attack (campaigns, incidents, labels, steps, handover)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officerId: string;
  let lowClear: Member;
  let topOfficer: Member;
  let reader: Member;
  let other: { client: Client; personId: string; orgId: string };
  let secret: Carrier;
  const SECRET_TITLE = '新功能攻击测试机密文件';

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM carrier) AS carriers,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT count(*)::int FROM carrier_campaign) AS campaigns,
                (SELECT count(*)::int FROM carrier_campaign_item) AS items,
                (SELECT count(*)::int FROM incident) AS incidents,
                (SELECT coalesce(sum(version), 0)::int FROM carrier) AS versions`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  let docSeq = 0;
  const fresh = async (over: Record<string, unknown> = {}, c: Client = officer) => {
    const r = await c.post<Batch>('/api/carriers/receive', {
      kind: 'document',
      title: '新功能攻击测试文件',
      docNumber: `新攻〔2026〕${++docSeq}号`,
      sender: '市保密局',
      marking: '机密★5年',
      issueDate: TODAY,
      distributionClass: 'county',
      knowScope: scopeOf([deptId]),
      firstCopyNumber: '000001',
      copies: 1,
      ...over,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.items[0]!;
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    lowClear = await t.member(orgId, deptId, ['staff'], 'confidential');
    topOfficer = await t.member(orgId, deptId, ['secrecy_officer'], 'top_secret');
    reader = await t.member(orgId, deptId, ['staff'], 'secret');
    await t.db.query(`UPDATE person SET rank = 'division' WHERE id = $1`, [reader.personId]);
    other = await t.businessUser({ roles: ['secrecy_officer', 'leader'], clearance: 'top_secret' });
    secret = await fresh({ title: SECRET_TITLE, firstCopyNumber: '000901' });
  });
  after(() => t.close());

  test('labels: ids that match the pattern but are no uuid (36 hex digits, 36 dashes) are 400, never 500', async () => {
    for (const ids of ['a'.repeat(36), '-'.repeat(36), `${secret.id},${'0'.repeat(36)}`]) {
      const r = await officer.get(`/api/carriers/labels?ids=${ids}`);
      assert.equal(r.status, 400, `${ids}: ${r.status} ${r.raw.slice(0, 200)}`);
    }
  });

  test('labels and ledger: a date the database cannot hold (year 0000) is 400, never 500', async () => {
    for (const path of [
      '/api/carriers/labels?from=0000-01-01',
      '/api/carriers/labels?to=0000-12-31',
      '/api/carriers?from=0000-01-01',
    ]) {
      const r = await officer.get(path);
      assert.ok([400, 404].includes(r.status), `${path}: ${r.status} ${r.raw.slice(0, 200)}`);
    }
  });

  test('R-SYS-01 the three administrators read no campaign, incident, label sheet or handover list', async () => {
    const g = await officer.post<Campaign>('/api/carriers/campaigns', {
      kind: 'inventory',
      title: '三员攻击测试清查',
      scope: 'all',
    });
    assert.equal(g.status, 201, g.raw);
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const a = await t.admin(role);
      for (const path of [
        '/api/carriers/campaigns',
        `/api/carriers/campaigns/${g.body.id}`,
        `/api/carriers/campaigns/${g.body.id}/export?format=csv`,
        '/api/incidents',
        `/api/carriers/labels?ids=${secret.id}`,
        `/api/carriers/custody/${officerId}/handover.pdf`,
      ]) {
        const r = await a.get(path);
        assert.equal(r.status, 403, `${role} ${path}: ${r.status} ${r.raw.slice(0, 200)}`);
        assert.doesNotMatch(r.raw, new RegExp(SECRET_TITLE));
      }
      await refused(
        () => a.post(`/api/carriers/campaigns/${g.body.id}/items/${secret.id}/confirm`, { result: 'found' }),
        403,
      );
    }
    // Another organisation: 404 for the campaign, its export, its items.
    for (const path of [
      `/api/carriers/campaigns/${g.body.id}`,
      `/api/carriers/campaigns/${g.body.id}/export?format=csv`,
      `/api/carriers/custody/${officerId}/handover.pdf`,
    ]) {
      const r = await other.client.get(path);
      assert.equal(r.status, 404, `other org ${path}: ${r.status}`);
      assert.doesNotMatch(r.raw, new RegExp(SECRET_TITLE));
    }
    await refused(
      () =>
        other.client.post(`/api/carriers/campaigns/${g.body.id}/items/${secret.id}/confirm`, {
          result: 'missing',
        }),
      404,
    );
    await refused(() => other.client.post(`/api/carriers/campaigns/${g.body.id}/close`), 404);
    // Below clearance: the label of a 机密 carrier is not printed for a 秘密-cleared reader.
    const lab = await lowClear.client.get(`/api/carriers/labels?ids=${secret.id}`);
    assert.equal(lab.status, 404, lab.raw.slice(0, 200));
  });

  test('send-out: 200 unknown ids or another organisation’s carrier is 404, nothing written', async () => {
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    await refused(
      () =>
        officer.post('/api/carriers/send-outs', {
          carrierIds: ids,
          recipientOrgan: '市委办公室',
          docNumber: '发〔2026〕1号',
          conveyance: 'by_hand',
          bearers: ['张三'],
        }),
      404,
    );
    await refused(
      () =>
        other.client.post('/api/carriers/send-outs', {
          carrierIds: [secret.id],
          recipientOrgan: '市委办公室',
          docNumber: '发〔2026〕1号',
          conveyance: 'by_hand',
          bearers: ['张三'],
        }),
      404,
    );
    await refused(
      () =>
        other.client.post(`/api/carriers/${secret.id}/medium-uses`, {
          machineLevel: 'secret',
          machine: 'PC-1',
          dataLevel: 'secret',
        }),
      404,
    );
  });

  test('campaigns: zero-width-only title, unknown scope ids → 400/404, nothing written', async () => {
    await refused(
      () =>
        officer.post('/api/carriers/campaigns', { kind: 'inventory', title: '\u200b\u200b', scope: 'all' }),
      400,
    );
    await refused(
      () =>
        officer.post('/api/carriers/campaigns', {
          kind: 'recall',
          title: 'x',
          scope: 'batch',
          batchId: UNKNOWN,
        }),
      404,
    );
    await refused(
      () =>
        officer.post('/api/carriers/campaigns', {
          kind: 'inventory',
          title: 'x',
          scope: 'department',
          departmentId: UNKNOWN,
        }),
      404,
    );
  });

  test('R-PER-01 a campaign’s counts count only the carriers the reader may see (never the 绝密 ones above his clearance, nor others’)', async () => {
    await fresh(
      { title: '清查计数绝密文件', marking: '绝密★10年', firstCopyNumber: '000777', distributionClass: null },
      topOfficer.client,
    );
    await fresh({ title: '清查计数本人保管', firstCopyNumber: '000778', custodianPersonId: reader.personId });
    const g = await topOfficer.client.post<Campaign & { counts: { total: number } }>(
      '/api/carriers/campaigns',
      {
        kind: 'inventory',
        title: '计数攻击测试清查',
        scope: 'all',
      },
    );
    assert.equal(g.status, 201, g.raw);
    type View = { items: unknown[]; counts: { total: number; unconfirmed: number } };
    for (const [who, name] of [
      [officer, 'secret-cleared officer'],
      [reader.client, 'custodian'],
    ] as const) {
      const d = await who.get<View>(`/api/carriers/campaigns/${g.body.id}`);
      assert.equal(d.status, 200, d.raw);
      assert.ok(d.body.items.length < g.body.items.length, name);
      assert.equal(d.body.counts.total, d.body.items.length, `${name}: detail counts`);
      assert.equal(d.body.counts.unconfirmed, d.body.items.length, `${name}: detail unconfirmed`);
      const list = await who.get<{ items: ({ id: string } & View)[] }>('/api/carriers/campaigns');
      const row = list.body.items.find((x) => x.id === g.body.id)!;
      assert.equal(row.counts.total, d.body.items.length, `${name}: list counts`);
    }
  });

  test('hostile text (NUL, lone surrogates, 10k characters) and paging in the new writes and lists: 400, never 500', async () => {
    const medium = await fresh({
      kind: 'medium',
      title: '攻击测试U盘',
      marking: '机密★5年',
      firstCopyNumber: undefined,
      mediumSerial: 'SN-ATK-1',
      docNumber: '',
    });
    const g = await officer.post<Campaign>('/api/carriers/campaigns', {
      kind: 'inventory',
      title: '文本攻击测试清查',
      scope: 'all',
    });
    assert.equal(g.status, 201, g.raw);
    for (const bad of ['a\u0000b', '\ud800', 'x'.repeat(10_000)]) {
      for (const [path, body] of [
        ['/api/carriers/campaigns', { kind: 'inventory', title: bad, scope: 'all' }],
        ['/api/carriers/campaigns', { kind: 'inventory', title: 'x', scope: 'all', note: bad }],
        [`/api/carriers/campaigns/${g.body.id}/items/${secret.id}/confirm`, { result: 'found', note: bad }],
        [`/api/carriers/${secret.id}/found`, { note: bad }],
        [
          '/api/carriers/send-outs',
          {
            carrierIds: [secret.id],
            recipientOrgan: bad,
            docNumber: 'x',
            conveyance: 'by_hand',
            bearers: ['甲', '乙'],
          },
        ],
        [
          '/api/carriers/send-outs',
          {
            carrierIds: [secret.id],
            recipientOrgan: 'x',
            docNumber: 'x',
            conveyance: 'by_hand',
            bearers: [bad],
          },
        ],
        [
          `/api/carriers/${medium.id}/medium-uses`,
          { machineLevel: 'secret', machine: bad, dataLevel: 'secret' },
        ],
        [
          `/api/carriers/${medium.id}/medium-uses`,
          { machineLevel: 'secret', machine: 'PC', dataLevel: 'secret', purpose: bad },
        ],
        [`/api/incidents/${UNKNOWN}/report`, { note: bad }],
      ] as const) {
        const r = await officer.post(path, body);
        assert.ok(
          r.status >= 400 && r.status < 500,
          `${path} ${JSON.stringify(bad).slice(0, 20)}: ${r.status} ${r.raw.slice(0, 200)}`,
        );
      }
    }
    for (const path of [
      '/api/carriers/campaigns?page=1e9',
      '/api/carriers/campaigns?page=99999999999&pageSize=100',
      '/api/carriers/campaigns?pageSize=100000',
      '/api/incidents?page=-1',
      '/api/incidents?page=99999999999',
      '/api/incidents?pageSize=Infinity',
      `/api/carriers/campaigns/${g.body.id}/export?format=pdf`,
      `/api/carriers/custody/${officerId}/handover.pdf?toPersonId=${'0'.repeat(36)}`,
      `/api/carriers/labels?ids=${Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',')}`,
    ]) {
      const r = await officer.get(path);
      assert.ok(r.status < 500, `${path.slice(0, 90)}: ${r.status} ${r.raw.slice(0, 200)}`);
    }
  });
  test('R-CAR-09 the campaign report lists and counts every carrier, past 5,000', async () => {
    const seed = await fresh({
      title: '大批量清查报告',
      docNumber: '大〔2026〕1号',
      firstCopyNumber: '000001',
    });
    const n = 5100;
    await t.db.query(
      `INSERT INTO carrier
       SELECT (jsonb_populate_record(NULL::carrier,
                 to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'copy_number', 1 + g))).*
         FROM carrier c, generate_series(1, $2::int) g WHERE c.id = $1`,
      [seed.id, n],
    );
    const batchId = (
      await t.db.query<{ b: string }>('SELECT batch_id AS b FROM carrier WHERE id = $1', [seed.id])
    ).rows[0]!.b;
    const g = await officer.post<Campaign & { counts: { total: number } }>('/api/carriers/campaigns', {
      kind: 'inventory',
      title: '大批量清查',
      scope: 'batch',
      batchId,
    });
    assert.equal(g.status, 201, g.raw);
    assert.equal(g.body.counts.total, n + 1);
    const r = await officer.get(`/api/carriers/campaigns/${g.body.id}/export?format=csv`);
    assert.equal(r.status, 200, r.raw.slice(0, 200));
    assert.equal((r.raw.match(/大批量清查报告/g) ?? []).length, n + 1);
  });
  test('R-CAR-08 the printed handover list names every carrier in custody, past 2,000 (逐件列明)', async () => {
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    const seed = await fresh({
      title: '移交清单逐件',
      docNumber: '移〔2026〕1号',
      firstCopyNumber: '000001',
      custodianPersonId: keeper.personId,
    });
    const clone = (from: number, n: number) =>
      t.db.query(
        `INSERT INTO carrier
         SELECT (jsonb_populate_record(NULL::carrier,
                   to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'copy_number', $2::int + g))).*
           FROM carrier c, generate_series(1, $3::int) g WHERE c.id = $1`,
        [seed.id, from, n],
      );
    const pages = async () => {
      const r = await officer.get(`/api/carriers/custody/${keeper.personId}/handover.pdf`);
      assert.equal(r.status, 200, r.raw.slice(0, 200));
      return (r.raw.match(/\/Type\s*\/Page\b/g) ?? []).length;
    };
    await clone(1, 2100);
    const before = await pages();
    assert.ok(before > 20, `pages: ${before}`);
    await clone(3000, 300);
    assert.ok((await pages()) > before, 'the 300 more carriers are on the printed list');
  });
  test('R-CAR-09 a missing carrier is found again by the registry only: its custodian cannot clear it himself through a campaign', async () => {
    const c = await fresh({
      title: '缺失后找回',
      firstCopyNumber: '000555',
      custodianPersonId: reader.personId,
    });
    const b = (await t.db.query<{ b: string }>('SELECT batch_id AS b FROM carrier WHERE id = $1', [c.id]))
      .rows[0]!.b;
    const open = async () => {
      const g = await officer.post<Campaign>('/api/carriers/campaigns', {
        kind: 'inventory',
        title: '找回攻击测试清查',
        scope: 'batch',
        batchId: b,
      });
      assert.equal(g.status, 201, g.raw);
      return g.body.id;
    };
    const g1 = await open();
    const m = await reader.client.post(`/api/carriers/campaigns/${g1}/items/${c.id}/confirm`, {
      result: 'missing',
    });
    assert.equal(m.status, 200, m.raw);
    // Outside a campaign: the registry's step (403 for the custodian).
    await refused(() => reader.client.post(`/api/carriers/${c.id}/found`, {}), 403);
    // Inside the next campaign: the same step, the same rule.
    const g2 = await open();
    await refused(
      () => reader.client.post(`/api/carriers/campaigns/${g2}/items/${c.id}/confirm`, { result: 'found' }),
      403,
    );
    const ok = await officer.post<{ status: string }>(`/api/carriers/campaigns/${g2}/items/${c.id}/confirm`, {
      result: 'found',
    });
    assert.equal(ok.status, 200, ok.raw);
    assert.equal(ok.body.status, 'in_registry');
  });
});
