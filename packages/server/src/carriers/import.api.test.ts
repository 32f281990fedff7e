// 涉密载体台账导入 and QR label sheets over HTTP: the template, a preview with row errors (nothing
// written), the commit refused while any row is wrong, then the corrected file imported whole (one audit
// event, each carrier's first step naming the import), every per-file refusal (not an xlsx, an old .xls,
// a zip bomb, too big, the wrong header, empty, another role), the same file twice and at once, and the
// label sheet of a batch (read rule, audit).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { carrierQrPayload, IMPORT_COLUMNS, IMPORT_LIMITS } from '@baomi/domain';
import { renderPdfDetailed } from '../exports/pdf.ts';
import type { callerOf } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { labelSheet } from './labels.ts';
import { readXlsxRows } from './xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TODAY = todayInChina();
const HEADER = IMPORT_COLUMNS.map((c) => c.zh);

type Cell = string | number | null;
/** An .xlsx made with exceljs: the header then the rows (cells in the template's column order). */
async function xlsx(rows: Cell[][], header: Cell[] = HEADER): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row in the template's order: 标题 文号 来源 标志 份号 类型 分发类别 保管人 日期 状态 介质编号 备注. */
const row = (over: Partial<Record<string, Cell>> = {}): Cell[] => {
  const base: Record<string, Cell> = {
    title: '关于做好年度保密工作的通知',
    docNumber: '国保发〔2026〕3号',
    sender: '国家保密局',
    marking: '机密★10年',
    copyNumber: '000001',
    kind: '纸质文件',
    distributionClass: '县团级',
    custodian: '',
    issueDate: TODAY,
    status: '在册',
    mediumSerial: '',
    note: '',
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c.key] ?? null);
};

describe('carrier ledger import and QR labels (R-CAR-01, R-CAR-09)', () => {
  let t: TestApp;
  let orgId: string;
  let deptId: string;
  let officer: Client;
  let officerId: string;
  let custodianName: string;
  let staff: Client;
  let other: Client;

  const counts = async () =>
    (
      await t.db.query<{ carriers: number; steps: number; imports: number }>(
        `SELECT (SELECT count(*)::int FROM carrier) AS carriers,
                (SELECT count(*)::int FROM carrier_step) AS steps,
                (SELECT count(*)::int FROM carrier_import) AS imports`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);

  const upload = <T>(c: Client, path: string, bytes: Buffer, fileName = '台账.xlsx', extra = '') =>
    c.request<T>('POST', `/api/carriers/${path}?fileName=${encodeURIComponent(fileName)}${extra}`, bytes, {
      headers: { 'content-type': XLSX },
    });
  const preview = (bytes: Buffer, c = officer) => upload<Preview>(c, 'import/preview', bytes);
  const commit = (bytes: Buffer, c = officer, extra = '') =>
    upload<Result>(c, 'import', bytes, '台账.xlsx', extra);

  type Preview = {
    rows: number;
    valid: number;
    invalid: number;
    batches: number;
    sha256: string;
    items: {
      row: number;
      ok: boolean;
      marking: string;
      errors: { code: string; zh: string; en: string }[];
    }[];
  };
  type Result = {
    importId: string;
    count: number;
    batches: number;
    rows: number;
    sha256: string;
    sm3: string;
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    officerId = u.personId;
    orgId = u.orgId;
    deptId = u.departmentId;
    const keeper = await t.member(orgId, deptId, ['staff'], 'secret');
    custodianName = (
      await t.db.query<{ name: string }>('SELECT name FROM person WHERE id = $1', [keeper.personId])
    ).rows[0]!.name;
    staff = (await t.member(orgId, deptId, ['staff'], 'confidential')).client;
    other = (await t.businessUser({ roles: ['secrecy_officer'], clearance: 'top_secret' })).client;
  });
  after(() => t.close());

  test('the template downloads, and its example row previews as one valid carrier', async () => {
    const r = await officer.request('GET', '/api/carriers/import/template');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /spreadsheetml/);
    const bytes = Buffer.from(r.raw, 'binary');
    assert.ok(bytes.length > 0);
    const made = await xlsx([IMPORT_COLUMNS.map((c) => c.example)]);
    const p = await preview(made);
    assert.equal(p.status, 200, p.raw);
    assert.equal(p.body.rows, 1);
    assert.equal(p.body.valid, 1, JSON.stringify(p.body.items));
  });

  const bad = () => [
    row({ copyNumber: '000001' }),
    row({ copyNumber: '000002', marking: '秘密 ★ 11 年' }), // above the maximum
    row({ copyNumber: '000001' }), // the same copy as row 2
    row({ copyNumber: '000003', custodian: '无此人' }),
    row({ copyNumber: '000004', issueDate: '9999-12-31' }),
    row({ copyNumber: '\u200B０００００５', marking: '机密＊１０年', custodian: '' }), // zero-width, full-width
  ];

  test('preview: every row checked, errors row by row in Chinese and English, nothing written', async () => {
    const before = await counts();
    const head = await t.auditHead();
    const p = await preview(await xlsx(bad()));
    assert.equal(p.status, 200, p.raw);
    assert.equal(p.body.rows, 6);
    assert.equal(p.body.invalid, 4);
    assert.equal(p.body.valid, 2);
    const byRow = new Map(p.body.items.map((i) => [i.row, i]));
    assert.deepEqual(
      byRow.get(3)!.errors.map((e) => e.code),
      ['period_exceeds_maximum'],
    );
    assert.match(byRow.get(3)!.errors[0]!.zh, /10年/);
    assert.equal(byRow.get(4)!.errors[0]!.code, 'import_duplicate_row');
    assert.match(byRow.get(4)!.errors[0]!.zh, /第2行/);
    assert.equal(byRow.get(5)!.errors[0]!.code, 'custodian_unknown');
    assert.equal(byRow.get(6)!.errors[0]!.code, 'issue_date_future');
    assert.equal(byRow.get(7)!.ok, true);
    assert.equal(byRow.get(7)!.marking, '机密★10年');
    for (const i of p.body.items) for (const e of i.errors) assert.ok(/[\u4e00-\u9fff]/.test(e.zh) && e.en);
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await auditEventsSince(t.db, head), []);
  });

  test('commit with any wrong row: 400 naming the rows, nothing written (the preview is not trusted)', async () => {
    const e = await refused(() => commit(xlsxCache.bad!), 400, { code: 'import_rows_invalid' });
    assert.match(e.zh, /4行有错误/);
    assert.ok((e.details?.length ?? 0) >= 4);
    assert.match(JSON.stringify(e.details), /第3行/);
  });

  const xlsxCache: { bad?: Buffer; good?: Buffer } = {};
  before(async () => {
    xlsxCache.bad = await xlsx(bad());
  });

  test('the corrected file is imported whole: one audit event, each carrier traceable to the import', async () => {
    const good = await xlsx([
      row({ copyNumber: '000001', custodian: custodianName }),
      row({ copyNumber: '000002', custodian: custodianName }),
      row({ copyNumber: 3, custodian: custodianName }), // Excel dropped the zeros
      row({
        title: '涉密U盘',
        docNumber: '',
        kind: '存储介质',
        copyNumber: null,
        mediumSerial: 'U-001',
        marking: '秘密',
      }),
      row({
        title: '\u200B关于年度考核的通知',
        docNumber: '市保〔２０２６〕７号',
        copyNumber: '000001',
        issueDate: 46027,
      }),
    ]);
    xlsxCache.good = good;
    const p = await preview(good);
    assert.equal(p.body.invalid, 0, JSON.stringify(p.body.items.filter((i) => !i.ok)));
    const before = await counts();
    const head = await t.auditHead();
    const r = await commit(good, officer, `&sha256=${p.body.sha256}`);
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.count, 5);
    assert.equal(r.body.batches, 3);
    assert.equal(r.body.sha256, createHash('sha256').update(good).digest('hex'));
    assert.match(r.body.sm3, /^([0-9a-f]{64})?$/);
    const after = await counts();
    assert.equal(after.carriers - before.carriers, 5);
    assert.equal(after.steps - before.steps, 5);
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.map((e) => e.action),
      ['carrier.import'],
    );
    const s = events[0]!.summary as Record<string, unknown>;
    assert.equal(s.rows, 5);
    assert.equal(s.fileName, '台账.xlsx');
    assert.equal(s.sha256, r.body.sha256);
    // The ledger shows them; the timeline's first step names the import and the row.
    const page = await officer.get<{
      items: {
        id: string;
        title: string;
        marking: string;
        copyNumber: string | null;
        custodianPersonId: string;
        batchId: string;
      }[];
    }>('/api/carriers?q=年度&pageSize=50');
    const three = page.body.items.filter((i) => i.title === '关于做好年度保密工作的通知');
    assert.deepEqual(three.map((i) => i.copyNumber).sort(), ['000001', '000002', '000003']);
    assert.equal(new Set(three.map((i) => i.batchId)).size, 1);
    assert.ok(three.every((i) => i.marking === '机密★10年' && i.custodianPersonId !== officerId));
    const other7 = page.body.items.find((i) => i.title === '关于年度考核的通知');
    assert.ok(other7, 'zero-width character removed from the title');
    const d = await officer.get<{
      docNumber: string;
      issueDate: string;
      steps: { kind: string; details: Record<string, unknown>; note: string }[];
    }>(`/api/carriers/${other7!.id}`);
    assert.equal(d.body.docNumber, '市保〔2026〕7号');
    assert.equal(d.body.issueDate, '2026-01-05');
    assert.equal(d.body.steps[0]!.kind, 'receive');
    assert.equal(d.body.steps[0]!.details.importId, r.body.importId);
    assert.match(d.body.steps[0]!.note, /台账导入：台账\.xlsx 第6行/);
  });

  test('the same file again: 409; another file with a copy already on the books: its rows refused', async () => {
    const p = await preview(xlsxCache.good!);
    assert.equal(p.status, 200);
    assert.ok((p.body as unknown as { importedBefore: { registrarName: string } | null }).importedBefore);
    await refused(() => commit(xlsxCache.good!), 409, { code: 'import_duplicate_file' });
    const again = await xlsx([row({ copyNumber: '000002', custodian: custodianName, note: '另一份台账' })]);
    const e = await refused(() => commit(again), 400, { code: 'import_rows_invalid' });
    assert.match(JSON.stringify(e.details), /import_already_registered/);
    // A file other than the previewed one is not imported unseen.
    const fresh = await xlsx([row({ docNumber: '新〔2026〕1号' })]);
    await refused(() => commit(fresh, officer, `&sha256=${'0'.repeat(64)}`), 409, {
      code: 'import_file_changed',
    });
  });

  test('two imports of the same file at once: one succeeds, the other is refused, nothing twice', async () => {
    const file = await xlsx([
      row({ docNumber: '并发〔2026〕1号', copyNumber: '000001' }),
      row({ docNumber: '', title: '无文号的通知', copyNumber: '000001' }),
    ]);
    const before = await counts();
    const [a, b] = await Promise.all([commit(file), commit(file)]);
    const statuses = [a.status, b.status].sort();
    assert.equal(statuses[0], 201, `${a.raw} ${b.raw}`);
    assert.ok([400, 409].includes(statuses[1]!), `${a.raw} ${b.raw}`);
    const after = await counts();
    assert.equal(after.carriers - before.carriers, 2);
    assert.equal(after.imports - before.imports, 1);
  });

  test('files that are not a ledger workbook: a per-file 400, nothing written', async () => {
    const text = Buffer.from('标题,文号\n关于,1\n', 'utf8'); // a CSV renamed .xlsx
    await refused(() => commit(text), 400, { code: 'import_not_xlsx', field: 'file' });
    await refused(() => preview(text), 400, { code: 'import_not_xlsx' });
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    await refused(() => commit(xls), 400, { code: 'import_xls_format' });
    // A zip without a workbook.
    const zipNoBook = await xlsx([row()]);
    const broken = Buffer.from(
      zipNoBook.toString('binary').replaceAll('xl/workbook.xml', 'xl/workbooX.xml'),
      'binary',
    );
    await refused(() => commit(broken), 400, { code: 'import_not_xlsx' });
    // A zip bomb: a sheet that declares gigabytes once unpacked.
    await refused(() => commit(bomb(zipNoBook)), 400, { code: 'import_unpacked_too_large' });
    // A damaged workbook (the sheet's bytes overwritten).
    const damaged = Buffer.from(zipNoBook);
    damaged.fill(0x41, 200, Math.min(damaged.length - 200, 1500));
    const r = await commit(damaged);
    assert.equal(r.status, 400, r.raw);
    const wrongHeader = await xlsx([row()], ['标题', '作者', '份号']);
    await refused(() => commit(wrongHeader), 400, { code: 'import_header_invalid' });
    const empty = await xlsx([]);
    await refused(() => commit(empty), 400, { code: 'import_empty' });
    await refused(() => commit(Buffer.alloc(0)), 400, { code: 'import_file_missing' });
  });

  test('a file over the size limit is a 413 naming the limit', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x50);
    const e = await refused(() => commit(big), 413, { code: 'import_file_too_large' });
    assert.match(e.zh, /24 MB/);
  });

  test('more rows than the limit: a per-file refusal (checked at a small limit)', async () => {
    const file = await xlsx(
      Array.from({ length: 6 }, (_, i) => row({ copyNumber: String(i + 1).padStart(6, '0') })),
    );
    await assert.rejects(
      readXlsxRows(file, 5),
      (e: Error & { code?: string }) => e.code === 'import_too_many_rows',
    );
    assert.equal((await readXlsxRows(file, 6)).length, 7);
  });

  test('only the registry imports: 403 for a staff member, 401 without a session', async () => {
    const file = await xlsx([row({ docNumber: '权限〔2026〕1号' })]);
    await refused(() => commit(file, staff), 403);
    await refused(() => preview(file, staff), 403);
    await refused(() => staff.request('GET', '/api/carriers/import/template'), 403);
  });

  test('R-CAR-09 label sheet of a batch: a PDF of the carriers the caller may read, the print audited', async () => {
    const page = await officer.get<{ items: { id: string; batchId: string; title: string }[] }>(
      `/api/carriers?q=${encodeURIComponent('关于做好年度保密工作的通知')}`,
    );
    const sizes = new Map<string, number>();
    for (const i of page.body.items) sizes.set(i.batchId, (sizes.get(i.batchId) ?? 0) + 1);
    const batchId = [...sizes].find(([, n]) => n === 3)![0];
    const head = await t.auditHead();
    const r = await officer.request('GET', `/api/carriers/labels?batchId=${batchId}`);
    assert.equal(r.status, 200, r.raw.slice(0, 300));
    assert.match(String(r.headers['content-type']), /application\/pdf/);
    assert.ok(r.raw.startsWith('%PDF-'));
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.map((e) => e.action),
      ['carrier.print'],
    );
    // Another organisation's officer: the same 404 as an unknown batch.
    const o = await other.request('GET', `/api/carriers/labels?batchId=${batchId}`);
    assert.equal(o.status, 404);
    // A reader below the level (confidential vs 机密) gets none of them.
    const s = await staff.request('GET', `/api/carriers/labels?batchId=${batchId}`);
    assert.equal(s.status, 404);
    // The sheet's words: each label has its copy number, canonical marking, title and 文号.
    const caller = {
      accountId: '00000000-0000-0000-0000-000000000000',
      personId: officerId,
      orgId,
      departmentId: deptId,
      position: '',
      clearance: 'secret' as const,
      roles: ['secrecy_officer' as const],
    } satisfies NonNullable<ReturnType<typeof callerOf>>;
    const sheet = await labelSheet(t.db, caller, { batchId });
    assert.equal(sheet.count, 3);
    const out = await renderPdfDetailed(sheet.spec);
    const words = out.pageText.flat();
    for (const w of [
      '份号 000001',
      '份号 000003',
      '机密★10年',
      '关于做好年度保密工作的通知',
      '文号 国保发〔2026〕3号',
    ]) {
      assert.ok(words.includes(w), `label has ${w}: ${words.join('|')}`);
    }
    assert.equal(out.pageText[0]![0] !== undefined, true);
    const label = sheet.spec.blocks[0]!;
    assert.equal(label.kind, 'labels');
    if (label.kind === 'labels') {
      assert.deepEqual(
        label.items.map((i) => i.qr).sort(),
        page.body.items
          .filter((i) => i.batchId === batchId)
          .map((i) => carrierQrPayload(i.id))
          .sort(),
      );
      assert.match(label.items[0]!.qr, /^BAOMI-CARRIER:[0-9a-f-]{36}$/);
    }
  });

  test('labels of chosen carriers (the ledger selection) and of one carrier; unknown ids 404', async () => {
    const page = await officer.get<{ items: { id: string }[] }>('/api/carriers?pageSize=2');
    const ids = page.body.items.map((i) => i.id).join(',');
    const r = await officer.request('GET', `/api/carriers/labels?ids=${ids}`);
    assert.equal(r.status, 200);
    const one = await officer.request('GET', `/api/carriers/labels?ids=${page.body.items[0]!.id}`);
    assert.equal(one.status, 200);
    const none = await officer.request(
      'GET',
      `/api/carriers/labels?ids=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    );
    assert.equal(none.status, 404);
    const badIds = await officer.request('GET', '/api/carriers/labels?ids=x,y');
    assert.equal(badIds.status, 400);
  });
});

/** The zip with every central-directory entry declaring 4 GB − 2 unpacked bytes. */
function bomb(zip: Buffer): Buffer {
  const b = Buffer.from(zip);
  for (let p = 0; p <= b.length - 46; p++) {
    if (b.readUInt32LE(p) === 0x02014b50) b.writeUInt32LE(0xfffffffe, p + 24);
  }
  return b;
}
