// 涉密载体台账导入 (importing an existing paper/Excel ledger, R-CAR-01): preview and commit read the SAME
// uploaded file with the SAME checks — the domain's row reader (the receive form's marking parser,
// copy numbers, dates), custodians of this organisation, duplicates inside the file and against the
// books — so the commit never trusts the preview (D75: nothing is kept between the two steps).
// The commit writes every row or none, in one transaction: the import's row (one file once per
// organisation), the carriers in receipt batches (copies of one document share a batch, R-LVL-04),
// each one's first step (收进登记) naming the import, and ONE audit event for the whole file.
import { createHash, randomUUID } from 'node:crypto';
import type { ImportPreviewRow, ImportQuery, ImportRowError } from '@baomi/api/carriers/import.ts';
import {
  alreadyRegistered,
  conflict,
  formatCopyNumber,
  IMPORT_COLUMN_KEYS,
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  type ImportCell,
  type ImportColumn,
  type ImportRowValue,
  importBatchKey,
  importDuplicates,
  invalid,
  isBlankRow,
  physicalCopyKey,
  type RuleViolation,
  readImportHeader,
  readImportRow,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import {
  type ImportedCarrier,
  importOfFile,
  insertFirstStepsBulk,
  insertImport,
  insertImportedCarriers,
  peopleByName,
  receivedCopies,
} from './import.queries.ts';
import { readXlsxRows } from './xlsx.ts';

export interface ImportFile {
  bytes: Buffer;
  fileName: string;
}

/** The rows shown in the preview besides every row with an error. */
const PREVIEW_FIRST_ROWS = 200;

interface CheckedRow {
  rowNumber: number;
  value: ImportRowValue | null;
  /** What the cells said, for the preview of a refused row. */
  raw: Partial<Record<ImportColumn, ImportCell>>;
  errors: RuleViolation[];
  custodianPersonId: string | null;
}

interface Checked {
  fileName: string;
  sha256: string;
  sm3: string;
  bytes: number;
  rows: CheckedRow[];
  invalid: number;
  batches: number;
}

const digest = (alg: string, bytes: Buffer) => {
  try {
    return createHash(alg).update(bytes).digest('hex');
  } catch {
    return ''; // an OpenSSL without SM3: the SHA-256 identifies the file
  }
};

/** The file's name without a path or characters a name never needs. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is removed
  const s = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]/gu, '').trim();
  return s.slice(0, 200) || 'import.xlsx';
}

/** Reads and checks the whole file. Per-file problems throw (400); row problems are collected. */
async function check(sql: Sql, caller: Caller, file: ImportFile): Promise<Checked> {
  const sheet = await readXlsxRows(file.bytes);
  if (sheet.length === 0) {
    throw invalid({
      code: 'import_empty',
      field: 'file',
      zh: '文件中没有内容：第1行应为表头，从第2行起每行一份载体',
      en: 'The file is empty: row 1 is the header, then one carrier per row',
    });
  }
  const header = readImportHeader(sheet[0]!.cells);
  if (!header.ok) throw invalid(header.violation);
  const today = todayInChina();
  const rows: CheckedRow[] = [];
  for (const r of sheet.slice(1)) {
    const raw: Partial<Record<ImportColumn, ImportCell>> = {};
    for (const key of IMPORT_COLUMN_KEYS) {
      const i = header.columns[key];
      if (i !== undefined) raw[key] = r.cells[i] ?? null;
    }
    if (isBlankRow(raw)) continue;
    const read = readImportRow(raw, today);
    rows.push({
      rowNumber: r.rowNumber,
      value: read.ok ? read.value : null,
      raw,
      errors: read.ok ? [] : read.violations,
      custodianPersonId: null,
    });
  }
  if (rows.length === 0) {
    throw invalid({
      code: 'import_empty',
      field: 'file',
      zh: '文件只有表头，没有要导入的载体',
      en: 'The file has the header only and no carriers to import',
    });
  }
  if (rows.length > IMPORT_LIMITS.maxRows) {
    throw invalid({
      code: 'import_too_many_rows',
      field: 'file',
      zh: `一次最多导入 ${IMPORT_LIMITS.maxRows} 行，请分成几个文件导入`,
      en: `At most ${IMPORT_LIMITS.maxRows} rows are imported at once; split the file`,
    });
  }

  // Custodians: people of this organisation, by name; a name shared by two people is ambiguous.
  const names = [...new Set(rows.flatMap((r) => (r.value?.custodianName ? [r.value.custodianName] : [])))];
  const people = await peopleByName(sql, caller.orgId, names);
  const byName = new Map<string, string[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
  for (const r of rows) {
    if (!r.value) continue;
    const name = r.value.custodianName;
    if (name === null) {
      r.custodianPersonId = caller.personId;
      continue;
    }
    const ids = byName.get(name) ?? [];
    if (ids.length === 1) r.custodianPersonId = ids[0]!;
    else
      r.errors.push(
        ids.length === 0
          ? {
              code: 'custodian_unknown',
              rule: 'R-CAR-05a',
              field: 'custodian',
              zh: `保管人“${name.slice(0, 30)}”不是本单位人员`,
              en: `Custodian "${name.slice(0, 30)}" is not a person of this organisation`,
            }
          : {
              code: 'custodian_ambiguous',
              rule: 'R-CAR-05a',
              field: 'custodian',
              zh: `本单位有${ids.length}位名为“${name}”的人员，无法确定保管人：请留空后在系统中指定`,
              en: `${ids.length} people of this organisation are called "${name}"; leave the custodian blank and set it afterwards`,
            },
      );
  }

  // R-CAR-01: one physical copy once — inside the file, then against the books.
  const good = rows.flatMap((r, index) =>
    r.value && r.errors.length === 0 ? [{ index, rowNumber: r.rowNumber, value: r.value }] : [],
  );
  for (const [index, v] of importDuplicates(good)) rows[index]!.errors.push(v);
  const keys = good.flatMap((g) =>
    physicalCopyKey(g.value) !== null
      ? [{ sender: g.value.sender, docNumber: g.value.docNumber, copyNumber: g.value.copyNumber! }]
      : [],
  );
  const onBooks = new Set(
    (await receivedCopies(sql, caller.orgId, keys)).map((x) =>
      physicalCopyKey({ sender: x.sender, docNumber: x.docNumber, copyNumber: x.copyNumber }),
    ),
  );
  if (onBooks.size > 0) {
    for (const g of good) {
      if (onBooks.has(physicalCopyKey(g.value)))
        rows[g.index]!.errors.push(alreadyRegistered(g.value.copyNumber!));
    }
  }
  const batches = new Set(
    rows.flatMap((r) => (r.value && r.errors.length === 0 ? [importBatchKey(r.value)] : [])),
  );
  return {
    fileName: cleanName(file.fileName),
    sha256: digest('sha256', file.bytes),
    sm3: digest('sm3', file.bytes),
    bytes: file.bytes.length,
    rows,
    invalid: rows.filter((r) => r.errors.length > 0).length,
    batches: batches.size,
  };
}

const cellText = (c: ImportCell | undefined) =>
  (c === null || c === undefined ? '' : String(c)).slice(0, 300);

function previewRow(r: CheckedRow): ImportPreviewRow {
  const v = r.value;
  return {
    row: r.rowNumber,
    ok: r.errors.length === 0,
    kind: v?.kind ?? null,
    title: v?.title ?? cellText(r.raw.title),
    docNumber: v?.docNumber ?? cellText(r.raw.docNumber),
    sender: v?.sender ?? cellText(r.raw.sender),
    marking: v?.marking.marking ?? cellText(r.raw.marking),
    level: v?.marking.level ?? null,
    copyNumber: v?.copyNumber != null ? formatCopyNumber(v.copyNumber) : cellText(r.raw.copyNumber) || null,
    distributionClass: v?.distributionClass ?? null,
    custodianName: v ? (v.custodianName ?? null) : cellText(r.raw.custodian) || null,
    issueDate: v?.issueDate ?? (cellText(r.raw.issueDate) || null),
    errors: r.errors,
  };
}

/** 预览: every row checked, the first rows and every refused row (up to the limit) returned. Writes nothing. */
export async function previewImport(sql: Sql, caller: Caller, file: ImportFile) {
  const c = await check(sql, caller, file);
  const before = await importOfFile(sql, caller.orgId, c.sha256);
  const items: ImportPreviewRow[] = [];
  let shownErrors = 0;
  let truncated = false;
  for (let i = 0; i < c.rows.length; i++) {
    const r = c.rows[i]!;
    const bad = r.errors.length > 0;
    if (bad && shownErrors >= IMPORT_LIMITS.maxReportedErrors) {
      truncated = true;
      continue;
    }
    if (i < PREVIEW_FIRST_ROWS || bad) {
      items.push(previewRow(r));
      if (bad) shownErrors++;
    }
  }
  return {
    fileName: c.fileName,
    sha256: c.sha256,
    sm3: c.sm3,
    bytes: c.bytes,
    rows: c.rows.length,
    valid: c.rows.length - c.invalid,
    invalid: c.invalid,
    batches: c.batches,
    items,
    truncated,
    importedBefore: before ? { at: before.createdAt, registrarName: before.registrarName } : null,
  };
}

const colLabel = (f: string | undefined) => IMPORT_COLUMNS.find((c) => c.key === f);

/** The refusal of a commit with row errors: the first ones in `details`, each naming its row. */
function rowsRefused(c: Checked): never {
  const details: ImportRowError[] = [];
  for (const r of c.rows) {
    for (const e of r.errors) {
      if (details.length >= IMPORT_LIMITS.maxReportedErrors) break;
      const col = colLabel(e.field);
      details.push({
        ...e,
        row: r.rowNumber,
        field: `rows.${r.rowNumber}.${e.field ?? ''}`,
        zh: `第${r.rowNumber}行${col ? `“${col.zh}”` : ''}：${e.zh}`,
        en: `Row ${r.rowNumber}${col ? ` (${col.en})` : ''}: ${e.en}`,
      });
    }
  }
  const first = details[0]!;
  throw invalid(
    {
      code: 'import_rows_invalid',
      field: first.field,
      rule: first.rule,
      zh: `${c.invalid}行有错误，整个文件未导入（${first.zh}）。请改正后重新上传`,
      en: `${c.invalid} rows have errors; nothing was imported (${first.en}). Correct them and upload again`,
    },
    details,
  );
}

async function duplicateFile(sql: Sql, caller: Caller, sha256: string) {
  const before = await importOfFile(sql, caller.orgId, sha256);
  const when = before ? before.createdAt.toISOString().slice(0, 10) : '';
  return conflict({
    code: 'import_duplicate_file',
    field: 'file',
    rule: 'R-CAR-01',
    zh: `该文件已于${when}由${before?.registrarName ?? '他人'}导入，同一份台账不能重复导入`,
    en: `This file was already imported${when ? ` on ${when}` : ''}${before ? ` by ${before.registrarName}` : ''}; a ledger is imported once`,
  });
}

/**
 * 确认导入: re-reads and re-checks the file (the preview is not trusted), then writes every row or
 * none. The same file twice (two registrars at once, or again later) is refused with 409.
 */
export async function commitImport(sql: Sql, actor: Actor, caller: Caller, file: ImportFile, q: ImportQuery) {
  const c = await check(sql, caller, file);
  if (q.sha256 !== undefined && q.sha256 !== c.sha256) {
    throw conflict({
      code: 'import_file_changed',
      field: 'file',
      zh: '上传的文件与预览时的文件不同，请重新预览后再确认导入',
      en: 'The file differs from the one previewed; preview it again before importing',
    });
  }
  // The same file again: said as such (409) rather than as every row already on the books.
  if (await importOfFile(sql, caller.orgId, c.sha256)) throw await duplicateFile(sql, caller, c.sha256);
  if (c.invalid > 0) rowsRefused(c);
  const importId = await insertImport(sql, {
    orgId: caller.orgId,
    fileName: c.fileName,
    sha256: c.sha256,
    sm3: c.sm3,
    bytes: c.bytes,
    rows: c.rows.length,
    registrarPersonId: caller.personId,
    createdBy: caller.accountId,
  });
  if (importId === null) throw await duplicateFile(sql, caller, c.sha256);

  const batchIds = new Map<string, string>();
  const departmentId = caller.departmentId;
  const knowScope = { personIds: [], departmentIds: departmentId ? [departmentId] : [], positions: [] };
  const writes: ImportedCarrier[] = [];
  const steps: {
    carrierId: string;
    holderPersonId: string;
    details: Record<string, unknown>;
    note: string;
  }[] = [];
  for (const r of c.rows) {
    const v = r.value!;
    const key = importBatchKey(v);
    let batchId = batchIds.get(key);
    if (!batchId) {
      batchId = randomUUID();
      batchIds.set(key, batchId);
    }
    const id = randomUUID();
    writes.push({
      id,
      kind: v.kind,
      title: v.title,
      docNumber: v.docNumber,
      sender: v.sender,
      batchId,
      copyNumber: v.copyNumber,
      level: v.marking.level,
      period: v.marking.period,
      marking: v.marking.marking,
      issueDate: v.issueDate,
      distributionClass: v.distributionClass,
      mediumSerial: v.mediumSerial,
      custodianPersonId: r.custodianPersonId!,
    });
    const note = `台账导入：${c.fileName} 第${r.rowNumber}行${v.note ? `；${v.note}` : ''}`;
    steps.push({
      carrierId: id,
      holderPersonId: r.custodianPersonId!,
      details: { importId, batchId, row: r.rowNumber },
      note: note.slice(0, 500),
    });
  }
  await insertImportedCarriers(
    sql,
    { orgId: caller.orgId, departmentId, knowScope, createdBy: caller.accountId },
    writes,
  );
  await insertFirstStepsBulk(
    sql,
    caller.orgId,
    { personId: caller.personId, accountId: caller.accountId },
    steps,
  );
  await appendAudit(sql, actor, {
    action: 'carrier.import',
    objectType: 'carrier_import',
    objectId: importId,
    summary: {
      fileName: c.fileName,
      rows: c.rows.length,
      count: writes.length,
      batches: batchIds.size,
      sha256: c.sha256,
      sm3: c.sm3 || null,
      bytes: c.bytes,
    },
  });
  return {
    importId,
    fileName: c.fileName,
    sha256: c.sha256,
    sm3: c.sm3,
    rows: c.rows.length,
    count: writes.length,
    batches: batchIds.size,
  };
}

/** The import template: the header, an example row, and a sheet of explanations. */
export async function importTemplate(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baomi 保密';
  const ws = wb.addWorksheet('台账');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.zh));
  ws.addRow(IMPORT_COLUMNS.map((c) => c.example));
  ws.getRow(1).font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.key === 'title' ? 36 : 16;
    // Copy numbers and 文号 as text: Excel would drop the zeros of 000001.
    if (c.key === 'copyNumber' || c.key === 'docNumber') col.numFmt = '@';
  });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '必填', '说明']);
  const notes: Record<ImportColumn, string> = {
    title: '文件或载体的标题（最多300字）',
    docNumber: '发文字号，如“国保发〔2026〕3号”',
    sender: '发文机关或来源单位',
    marking:
      '按文件上印制的填写：“机密★10年”“秘密★2030年12月31日”，只标密级的填“秘密”（保密期限按法定最长期限）',
    copyNumber: '6位数字，如“000001”；纸质文件必填，每份一行',
    kind: '纸质文件、存储介质或涉密物品；留空按纸质文件',
    distributionClass: '省军级、地师级、县团级或留空（专业性文件请逐件收进登记）',
    custodian: '本单位人员姓名；留空为导入人',
    issueDate: '成文（形成）日期，保密期限自该日起算；只有收进日期的填收进日期',
    status: '只导入在册（存于登记处）的载体，填“在册”或留空',
    mediumSerial: '存储介质的编号',
    note: '备注（记入该载体的收进登记）',
  };
  for (const c of IMPORT_COLUMNS) help.addRow([c.zh, c.required ? '是' : '否', notes[c.key]]);
  help.addRow([]);
  help.addRow([
    `一次最多导入 ${IMPORT_LIMITS.maxRows} 行，文件不超过 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB。`,
  ]);
  help.getColumn(1).width = 18;
  help.getColumn(3).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
