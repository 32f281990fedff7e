// The one export mechanism: any ledger (a query's rows + column definitions) to Excel or CSV.
// R-LVL-05: a ledger that holds classified items carries its marking on every sheet.
import type { FastifyReply } from 'fastify';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db } from '../db/db.ts';

export interface Column<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

export interface LedgerSpec<T> {
  /** Sheet and file title, e.g. 审计日志 / Audit trail. */
  title: { zh: string; en: string };
  columns: Column<T>[];
  rows: Iterable<T>;
  /** R-LVL-05: the highest marking of what the ledger holds, printed above the table. */
  marking?: string | null;
  /** Printed under the title: who exported, when, which filter. */
  subtitle?: string;
}

const TZ = 'Asia/Shanghai';

export function shanghaiTime(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: TZ, hour12: false });
}

function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return shanghaiTime(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** CSV formula injection guard: text starting with = + - @ is kept as text when a spreadsheet opens it. */
function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export async function toXlsx<T>(spec: LedgerSpec<T>): Promise<Buffer> {
  // Loaded on first use: exceljs is the largest share of the server's start-up otherwise.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baomi';
  const ws = wb.addWorksheet(spec.title.zh.slice(0, 31));
  let r = 1;
  if (spec.marking) {
    ws.getCell(r, 1).value = spec.marking;
    ws.getCell(r, 1).font = { bold: true, color: { argb: 'FFC00000' } };
    r++;
  }
  ws.getCell(r, 1).value = `${spec.title.zh} ${spec.title.en}`;
  ws.getCell(r, 1).font = { bold: true, size: 14 };
  r++;
  if (spec.subtitle) {
    ws.getCell(r, 1).value = spec.subtitle;
    r++;
  }
  const header = ws.getRow(r);
  spec.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.zh;
    header.getCell(i + 1).font = { bold: true };
    ws.getColumn(i + 1).width = c.width ?? 16;
  });
  ws.views = [{ state: 'frozen', ySplit: r }];
  for (const row of spec.rows) {
    r++;
    // Cells are written as typed values (text stays text), so no formula guard is needed here.
    ws.getRow(r).values = spec.columns.map((c) => cellValue(c.value(row)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? safeText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a UTF-8 BOM so that Excel opens Chinese text correctly. */
export function toCsv<T>(spec: LedgerSpec<T>): string {
  const lines: string[] = [];
  if (spec.marking) lines.push(csvField(spec.marking));
  lines.push(spec.columns.map((c) => csvField(c.zh)).join(','));
  for (const row of spec.rows)
    lines.push(spec.columns.map((c) => csvField(cellValue(c.value(row)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Who exports, recorded in the audit trail before the file leaves (every ledger export is audited). */
export interface ExportAudit {
  db: Db;
  actor: Actor;
  /** The ledger's object type, e.g. 'person' → action 'person.export' (a printed form: 'person.print'). */
  objectType: string;
  /** The one record a printed form is made from, if any. */
  objectId?: string | null;
  filter: unknown;
}

export async function sendLedger<T>(
  reply: FastifyReply,
  format: 'xlsx' | 'csv',
  filename: string,
  spec: LedgerSpec<T> & { rows: readonly T[] },
  audit: ExportAudit,
) {
  await audit.db.tx((sql) =>
    appendAudit(sql, audit.actor, {
      action: `${audit.objectType}.export`,
      objectType: audit.objectType,
      summary: { format, rows: spec.rows.length, filter: audit.filter },
    }),
  );
  const ascii = filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  const name = `${filename}.${format}`;
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    return reply.send(toCsv(spec));
  }
  reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return reply.send(await toXlsx(spec));
}
