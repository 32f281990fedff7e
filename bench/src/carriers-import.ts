// The ledger import at volume (issue 10): an .xlsx of `n` rows (made here, not timed) read, checked and
// written by the module's own preview and commit (carriers/import.ts: the zip check, exceljs's streaming
// reader, the domain's row reader, duplicates in the file and on the books, multi-row INSERTs, one
// audit event), on a fresh database. Goal: 100,000 rows in under 60 s.

import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { IMPORT_COLUMNS } from '@baomi/domain';
import { commitImport, previewImport } from '@baomi/server/carriers/import.ts';
import type { Db } from '@baomi/server/db/db.ts';
import type { Caller } from '@baomi/server/http/policy.ts';

/** An .xlsx of `n` ledger rows: documents of 10 copies each, every copy on its own row. */
export async function ledgerXlsx(n: number): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet('台账');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.zh)).commit();
  const markings = ['机密★10年', '秘密', '秘密★5年', '机密'];
  for (let i = 0; i < n; i++) {
    const doc = Math.floor(i / 10);
    ws.addRow([
      `关于基准导入第${doc}号文件的通知`,
      `基准〔2025〕${doc}号`,
      doc % 3 === 0 ? '国家保密局' : '市保密局',
      markings[doc % markings.length],
      String((i % 10) + 1).padStart(6, '0'),
      '纸质文件',
      ['县团级', '地师级', ''][doc % 3],
      '',
      `2025-${String((doc % 12) + 1).padStart(2, '0')}-15`,
      '在册',
      '',
      '',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

export async function carrierImport(db: Db, n: number) {
  const org = (
    await db.query<{ id: string }>(
      "INSERT INTO org (name, level, kind) VALUES ('导入基准单位', 'city', 'party_gov') RETURNING id",
    )
  ).rows[0]!.id;
  const dept = (
    await db.query<{ id: string }>(
      "INSERT INTO department (org_id, name) VALUES ($1, '办公室') RETURNING id",
      [org],
    )
  ).rows[0]!.id;
  const person = (
    await db.query<{ id: string }>(
      "INSERT INTO person (org_id, department_id, name, clearance) VALUES ($1, $2, '基准保密员', 'top_secret') RETURNING id",
      [org, dept],
    )
  ).rows[0]!.id;
  const account = (
    await db.query<{ id: string }>(
      "INSERT INTO account (username, display_name, password_hash) VALUES ('import-bench', '基准', 'x') RETURNING id",
    )
  ).rows[0]!.id;
  const caller: Caller = {
    accountId: account,
    personId: person,
    orgId: org,
    departmentId: dept,
    position: '保密员',
    clearance: 'top_secret',
    roles: ['secrecy_officer'],
  };
  const actor = { id: account, name: '基准', class: 'user' as const, role: 'secrecy_officer', orgId: org };
  const bytes = await ledgerXlsx(n);
  const file = { bytes, fileName: `基准台账-${n}.xlsx` };
  let t = performance.now();
  const p = await previewImport(db, caller, file);
  const previewS = (performance.now() - t) / 1000;
  if (p.invalid !== 0 || p.rows !== n) throw new Error(`bench file: ${p.invalid} rows refused of ${p.rows}`);
  t = performance.now();
  const r = await db.tx((sql) =>
    commitImport(sql, actor, caller, file, { fileName: file.fileName, sha256: p.sha256 }),
  );
  const commitS = (performance.now() - t) / 1000;
  if (r.count !== n) throw new Error(`imported ${r.count} of ${n}`);
  return { previewS, commitS, megabytes: bytes.length / 1024 / 1024 };
}
