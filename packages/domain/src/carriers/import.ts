// 涉密载体台账导入 (importing an existing paper/Excel ledger): the columns of the template, the reading
// of one cell (zero-width characters and full-width forms), the header, and the validation of one row
// with the SAME rules as the receive form (R-LVL-03/02 marking through readCarrierMarking, R-LVL-04 copy
// number, R-LVL-02 issue date, R-CAR-03 distribution class), then the duplicates inside the file
// (R-CAR-01: one physical copy is one ledger record). Pure: the server reads the xlsx, resolves the
// custodians and looks for copies already on the books.
import type { RuleViolation } from '../errors.ts';
import { isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { parseCopyNumber } from '../levels/copy-number.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_KINDS,
  CARRIER_STATUS_LABELS,
  type CarrierKind,
  DISTRIBUTION_CLASS_LABELS,
  DISTRIBUTION_CLASSES,
  type DistributionClass,
} from './enums.ts';
import { type CarrierMarking, checkCarrierIssueDate, readCarrierMarking } from './rules.ts';

/** The limits of one import file (the server answers 413 past `maxBytes`, 400 past `maxRows`). */
export const IMPORT_LIMITS = {
  /** An xlsx of 100,000 rows of a paper ledger is about 6 MB; room for long titles. */
  maxBytes: 24 * 1024 * 1024,
  maxRows: 100_000,
  /** What the zip may unpack to (a "zip bomb" declares far more). */
  maxUnpackedBytes: 400 * 1024 * 1024,
  /** Characters kept of one cell before the field's own limit speaks (a cell of a million characters). */
  maxCellChars: 2000,
  /** Row errors sent back in one answer (the count says how many there are in all). */
  maxReportedErrors: 1000,
} as const;

/** Text limits of the fields (the same numbers as the contract's LIMITS and the migration's CHECKs). */
const FIELD_MAX = { title: 300, docNumber: 100, sender: 200, mediumSerial: 100, note: 500, marking: 100 };

export const IMPORT_COLUMN_KEYS = [
  'title',
  'docNumber',
  'sender',
  'marking',
  'copyNumber',
  'kind',
  'distributionClass',
  'custodian',
  'issueDate',
  'status',
  'mediumSerial',
  'note',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumnSpec {
  key: ImportColumn;
  /** The header of the template. */
  zh: string;
  en: string;
  required: boolean;
  /** Other headers of paper ledgers read as this column. */
  aliases: readonly string[];
  /** What the template's example row shows. */
  example: string;
}

/** The template's columns, in order. */
export const IMPORT_COLUMNS: readonly ImportColumnSpec[] = [
  {
    key: 'title',
    zh: '标题',
    en: 'Title',
    required: true,
    aliases: ['名称', '文件标题', '文件名称', '载体名称'],
    example: '关于做好年度保密工作的通知',
  },
  {
    key: 'docNumber',
    zh: '文号',
    en: 'Doc number',
    required: false,
    aliases: ['发文字号', '文件编号', '发文号'],
    example: '国保发〔2026〕3号',
  },
  {
    key: 'sender',
    zh: '发文机关/来源',
    en: 'Sender',
    required: true,
    aliases: ['发文机关', '来文单位', '来源', '来文机关', '发文单位'],
    example: '国家保密局',
  },
  {
    key: 'marking',
    zh: '密级/标志',
    en: 'Marking',
    required: true,
    aliases: ['密级', '国家秘密标志', '标志', '密级和保密期限', '密级及保密期限'],
    example: '机密★10年',
  },
  {
    key: 'copyNumber',
    zh: '份号',
    en: 'Copy number',
    required: false,
    aliases: ['份号（6位）'],
    example: '000001',
  },
  {
    key: 'kind',
    zh: '载体类型',
    en: 'Kind',
    required: false,
    aliases: ['类型', '类别', '载体类别'],
    example: '纸质文件',
  },
  {
    key: 'distributionClass',
    zh: '知悉范围/分发类别',
    en: 'Distribution class',
    required: false,
    aliases: ['分发类别', '知悉范围', '发文范围'],
    example: '地师级',
  },
  {
    key: 'custodian',
    zh: '保管人',
    en: 'Custodian',
    required: false,
    aliases: ['保管人员', '责任人'],
    example: '',
  },
  {
    key: 'issueDate',
    zh: '收进/形成日期',
    en: 'Date',
    required: true,
    aliases: ['成文日期', '形成日期', '收进日期', '成文/形成日期', '日期', '收文日期'],
    example: '2026-01-05',
  },
  { key: 'status', zh: '状态', en: 'Status', required: false, aliases: ['当前状态'], example: '在册' },
  {
    key: 'mediumSerial',
    zh: '介质编号',
    en: 'Medium serial',
    required: false,
    aliases: ['介质序列号', '编号'],
    example: '',
  },
  { key: 'note', zh: '备注', en: 'Note', required: false, aliases: ['说明'], example: '' },
];

const v = (code: string, field: string, zh: string, en: string, rule?: string): RuleViolation =>
  rule ? { code, field, zh, en, rule } : { code, field, zh, en };

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/**
 * Zero-width and invisible characters a copied cell carries (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft
 * hyphen, bidi marks): never part of a title or a number.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD\u180E]/gu;
/** C0/C1 controls (whitespace among them is read as a space first). */
const CONTROL = /\p{Cc}/gu;

/**
 * One cell as text: invisible characters and controls removed, every kind of space (ideographic
 * U+3000, no-break, tabs, line breaks) read as one space, trimmed. Chinese punctuation is kept.
 * Spaces are collapsed once more after the controls go: a control between two spaces ("a\t\u0000\tb")
 * would otherwise leave two, and cleaning the result again would change it.
 */
export function cleanCell(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(/[\s\u3000\u00A0]+/gu, ' ')
    .replace(CONTROL, '')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

/** Full-width ASCII forms (Ａ-Ｚ, ０-９, ／, －, ．, ＊ …) as ASCII: for numbers, dates, codes. */
export function narrowForms(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Full-width digits and Latin letters only (for 文号 and senders: Chinese brackets stay as printed). */
export function narrowAlnum(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A cell as the reader found it: text, a number (Excel's own number or date serial), or nothing. */
export type ImportCell = string | number | null;

/** A header cell's words, compared without spaces, stars, brackets' width or an English gloss. */
export function headerKey(text: string): string {
  return narrowForms(cleanCell(text))
    .replace(/[*★\s]/gu, '')
    .replace(/\(.*?\)$/u, (m) => (/[\u4e00-\u9fff]/u.test(m) ? m : ''))
    .replace(/[A-Za-z ]+$/u, '')
    .replace(/\//gu, '/');
}

const HEADER_INDEX = (() => {
  const m = new Map<string, ImportColumn>();
  for (const c of IMPORT_COLUMNS) for (const h of [c.zh, ...c.aliases]) m.set(headerKey(h), c.key);
  return m;
})();

export type HeaderResult =
  | { ok: true; columns: Partial<Record<ImportColumn, number>> }
  | { ok: false; violation: RuleViolation };

/** Reads the header row: every non-empty header must name a column once; required ones must be there. */
export function readImportHeader(cells: readonly ImportCell[]): HeaderResult {
  const columns: Partial<Record<ImportColumn, number>> = {};
  const unknown: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const raw = cells[i];
    const text = raw === null || raw === undefined ? '' : cleanCell(String(raw));
    if (text === '') continue;
    const key = HEADER_INDEX.get(headerKey(text));
    if (!key) {
      unknown.push(text);
      continue;
    }
    if (columns[key] !== undefined) {
      const spec = IMPORT_COLUMNS.find((c) => c.key === key)!;
      return {
        ok: false,
        violation: v(
          'import_header_duplicate',
          'file',
          `表头中“${spec.zh}”列出现了两次`,
          `The header has the column "${spec.zh}" twice`,
        ),
      };
    }
    columns[key] = i;
  }
  const missing = IMPORT_COLUMNS.filter((c) => c.required && columns[c.key] === undefined);
  if (missing.length > 0 || unknown.length > 0) {
    const parts: string[] = [];
    const partsEn: string[] = [];
    if (missing.length) {
      parts.push(`缺少必填列：${missing.map((c) => `“${c.zh}”`).join('、')}`);
      partsEn.push(`missing required columns: ${missing.map((c) => `"${c.zh}" (${c.en})`).join(', ')}`);
    }
    if (unknown.length) {
      parts.push(
        `无法识别的列：${unknown
          .slice(0, 5)
          .map((h) => `“${h.slice(0, 30)}”`)
          .join('、')}`,
      );
      partsEn.push(
        `unknown columns: ${unknown
          .slice(0, 5)
          .map((h) => `"${h.slice(0, 30)}"`)
          .join(', ')}`,
      );
    }
    return {
      ok: false,
      violation: v(
        'import_header_invalid',
        'file',
        `第1行表头与导入模板不符（${parts.join('；')}）。请下载导入模板，按模板的列填写`,
        `Row 1 does not match the import template (${partsEn.join('; ')}). Download the template and use its columns`,
      ),
    };
  }
  return { ok: true, columns };
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Excel's day 0 in its 1900 date system, as a day count from 1970-01-01 (serial 60 is 1900-02-29, which never was). */
const EXCEL_EPOCH_DAYS = -25569;

/** An Excel date serial (1900 system) as a calendar date, or null. */
export function excelSerialDate(serial: number): PlainDate | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465 || serial === 60) return null;
  const days = serial + EXCEL_EPOCH_DAYS - (serial > 60 ? 0 : -1);
  const d = new Date(days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/u,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/u,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u,
  /^(\d{4})(\d{2})(\d{2})$/u,
];

/** A date cell: `2026-01-05`, `2026/1/5`, `2026.1.5`, `2026年1月5日`, `20260105`, or Excel's serial. */
export function readImportDate(cell: ImportCell): PlainDate | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return excelSerialDate(cell);
  const t = narrowForms(cleanCell(cell)).replace(/\s/gu, '');
  for (const re of DATE_FORMS) {
    const m = re.exec(t);
    if (m) {
      const s = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      return isPlainDate(s) ? s : null;
    }
  }
  return null;
}

/** The earliest issue date the ledger takes (Excel's first day; older dates are typing errors). */
export const IMPORT_MIN_DATE = '1900-01-01';

const KIND_WORDS: Record<string, CarrierKind> = {
  文件: 'document',
  纸质: 'document',
  纸质文件: 'document',
  纸质载体: 'document',
  公文: 'document',
  资料: 'document',
  介质: 'medium',
  存储介质: 'medium',
  U盘: 'medium',
  光盘: 'medium',
  硬盘: 'medium',
  移动硬盘: 'medium',
  磁盘: 'medium',
  物品: 'item',
  涉密物品: 'item',
  设备: 'item',
};
for (const k of CARRIER_KINDS) {
  KIND_WORDS[CARRIER_KIND_LABELS[k].zh] = k;
  KIND_WORDS[k] = k;
}

const CLASS_WORDS: Record<string, DistributionClass> = {};
for (const c of DISTRIBUTION_CLASSES) {
  const zh = DISTRIBUTION_CLASS_LABELS[c].zh;
  CLASS_WORDS[zh] = c;
  CLASS_WORDS[zh.replace(/级$/u, '')] = c;
  CLASS_WORDS[`发至${zh}`] = c;
  CLASS_WORDS[c] = c;
}

/** The words a paper ledger uses for a carrier kept by the registry. */
const IN_REGISTRY_WORDS = new Set([
  '在册',
  '在库',
  '在档',
  '存档',
  '在柜',
  '正常',
  '在用',
  '在册（存于登记处）',
  'in_registry',
]);

const label = (c: ImportColumn) => IMPORT_COLUMNS.find((x) => x.key === c)!;

/** One row as the receive registration takes it (the custodian still a name: the server resolves it). */
export interface ImportRowValue {
  kind: CarrierKind;
  title: string;
  docNumber: string;
  sender: string;
  /** The marking as typed (cleaned) and as read. */
  markingInput: string;
  marking: CarrierMarking;
  copyNumber: number | null;
  distributionClass: DistributionClass | null;
  /** Blank: the registrar (as on the receive form). */
  custodianName: string | null;
  issueDate: PlainDate;
  mediumSerial: string;
  note: string;
}

export type ImportRowResult =
  | { ok: true; value: ImportRowValue }
  | { ok: false; violations: RuleViolation[] };

const textOf = (cell: ImportCell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  const s = typeof cell === 'number' ? String(cell) : cell;
  return cleanCell(s.length > IMPORT_LIMITS.maxCellChars ? s.slice(0, IMPORT_LIMITS.maxCellChars + 1) : s);
};

/** The row is empty (every cell blank): skipped, as Excel leaves formatted empty rows behind. */
export function isBlankRow(cells: Partial<Record<ImportColumn, ImportCell>>): boolean {
  return IMPORT_COLUMN_KEYS.every((k) => textOf(cells[k]) === '');
}

function tooLong(key: ImportColumn, text: string, max: number): RuleViolation | null {
  if (text.length <= max) return null;
  const l = label(key);
  return v(
    `${key}_too_long`,
    key,
    `“${l.zh}”最多${max}个字符（本格${text.length}个）`,
    `"${l.en}" takes at most ${max} characters (this cell has ${text.length})`,
  );
}

/**
 * Validates one row of the ledger with the receive form's rules. `today` is China's date: an issue
 * date after it is refused (the period runs from it, R-LVL-02). Every problem of the row is reported.
 */
export function readImportRow(
  cells: Partial<Record<ImportColumn, ImportCell>>,
  today: PlainDate,
): ImportRowResult {
  const out: RuleViolation[] = [];
  const title = textOf(cells.title);
  const docNumber = narrowAlnum(textOf(cells.docNumber));
  const sender = narrowAlnum(textOf(cells.sender));
  const mediumSerial = narrowForms(textOf(cells.mediumSerial));
  const note = textOf(cells.note);
  if (title === '') out.push(v('title_missing', 'title', '“标题”必须填写', '"Title" must be filled in'));
  if (sender === '')
    out.push(v('sender_missing', 'sender', '“发文机关/来源”必须填写', '"Sender" must be filled in'));
  for (const [key, text] of [
    ['title', title],
    ['docNumber', docNumber],
    ['sender', sender],
    ['mediumSerial', mediumSerial],
    ['note', note],
  ] as const) {
    const e = tooLong(key, text, FIELD_MAX[key]);
    if (e) out.push(e);
  }

  // 载体类型: blank is a paper document (a paper ledger lists documents).
  const kindText = narrowForms(textOf(cells.kind)).replace(/\s/gu, '');
  let kind: CarrierKind = 'document';
  if (kindText !== '') {
    const k = KIND_WORDS[kindText] ?? KIND_WORDS[kindText.toLowerCase()];
    if (!k) {
      out.push(
        v(
          'kind_unknown',
          'kind',
          `载体类型“${kindText.slice(0, 20)}”无法识别：应为纸质文件、存储介质或涉密物品`,
          `Kind "${kindText.slice(0, 20)}" is not known: use 纸质文件 (document), 存储介质 (medium) or 涉密物品 (item)`,
        ),
      );
    } else kind = k;
  }

  // 状态: only carriers in the registry enter by import; the rest of their life is registered afterwards.
  const statusText = textOf(cells.status).replace(/\s/gu, '');
  if (statusText !== '' && !IN_REGISTRY_WORDS.has(statusText)) {
    const known = Object.values(CARRIER_STATUS_LABELS).some(
      (l) => l.zh === statusText || l.zh.startsWith(statusText),
    );
    out.push(
      v(
        'status_not_importable',
        'status',
        known
          ? `状态“${statusText}”的载体不能导入：台账导入只登记在册（存于登记处）的载体，借出、销毁等步骤请在导入后逐件登记`
          : `状态“${statusText.slice(0, 20)}”无法识别：导入的载体应为“在册”`,
        known
          ? `A carrier "${statusText}" cannot be imported: the import registers carriers kept in the registry; loans, destruction and the rest are registered afterwards`
          : `Status "${statusText.slice(0, 20)}" is not known: imported carriers are "在册" (in the registry)`,
        'R-CAR-01',
      ),
    );
  }

  // 知悉范围/分发类别 (R-CAR-03).
  const classText = narrowForms(textOf(cells.distributionClass)).replace(/\s/gu, '');
  let distributionClass: DistributionClass | null = null;
  if (classText !== '') {
    const c = CLASS_WORDS[classText];
    if (!c) {
      out.push(
        v(
          'distribution_class_unknown',
          'distributionClass',
          `分发类别“${classText.slice(0, 20)}”无法识别：应为省军级、地师级、县团级或留空`,
          `Distribution class "${classText.slice(0, 20)}" is not known: use 省军级, 地师级, 县团级 or leave it blank`,
          'R-CAR-03',
        ),
      );
    } else if (c === 'professional') {
      out.push(
        v(
          'line_of_work_missing',
          'distributionClass',
          '专业性文件须指定业务条线（部门），不能通过台账导入：请在收进登记中逐件登记',
          'A line-of-work document names its departments, which the import cannot: register it on the receive form',
          'R-CAR-03',
        ),
      );
    } else distributionClass = c;
  }

  // 收进/形成日期 (R-LVL-02: the period runs from it).
  let issueDate: PlainDate | null = null;
  const dateCell = cells.issueDate ?? null;
  const dateText = textOf(dateCell);
  if (dateText === '') {
    out.push(
      v('issue_date_missing', 'issueDate', '“收进/形成日期”必须填写', '"Date" must be filled in', 'R-LVL-02'),
    );
  } else {
    const d = readImportDate(typeof dateCell === 'number' ? dateCell : dateText);
    if (d === null) {
      out.push(
        v(
          'issue_date_invalid',
          'issueDate',
          `日期“${dateText.slice(0, 20)}”无效：应写作“2026-01-05”或“2026年1月5日”`,
          `Date "${dateText.slice(0, 20)}" is not valid: write it as 2026-01-05`,
          'R-LVL-02',
        ),
      );
    } else if (d < IMPORT_MIN_DATE) {
      out.push(
        v(
          'issue_date_invalid',
          'issueDate',
          `日期“${d}”早于1900年，请核对`,
          `Date ${d} is before 1900: check it`,
          'R-LVL-02',
        ),
      );
    } else {
      const c = checkCarrierIssueDate(d, today);
      if (!c.ok) out.push(...c.violations);
      else issueDate = d;
    }
  }

  // 密级/标志 (R-LVL-03, R-LVL-02): the receive form's parser; its period checked from the date.
  const markingInput = textOf(cells.marking);
  let marking: CarrierMarking | null = null;
  if (markingInput === '') {
    out.push(
      v(
        'marking_missing',
        'marking',
        '“密级/标志”必须填写，例如“机密★10年”或“秘密”',
        '"Marking" must be filled in, e.g. 机密★10年 or 秘密',
        'R-LVL-03',
      ),
    );
  } else if (markingInput.length > FIELD_MAX.marking) {
    out.push(tooLong('marking', markingInput, FIELD_MAX.marking)!);
  } else if (issueDate !== null) {
    const m = readCarrierMarking(markingInput, issueDate);
    if (!m.ok) out.push(...m.violations);
    else marking = m.value;
  }

  // 份号 (R-LVL-04): six digits as printed; Excel drops the zeros of a number, which are put back.
  const copyCell = cells.copyNumber ?? null;
  const copyText = textOf(copyCell);
  let copyNumber: number | null = null;
  if (copyText === '') {
    if (kind === 'document') {
      out.push(
        v(
          'copy_number_missing',
          'copyNumber',
          '纸质文件须填写份号（6位数字，如“000001”）',
          'A document needs its copy number (six digits, e.g. "000001")',
          'R-LVL-04',
        ),
      );
    }
  } else {
    const asText =
      typeof copyCell === 'number' && Number.isInteger(copyCell) && copyCell >= 0 && copyCell <= 999_999
        ? String(copyCell).padStart(6, '0')
        : narrowForms(copyText);
    const p = parseCopyNumber(asText);
    if (!p.ok) out.push({ ...p.violation, field: 'copyNumber' });
    else copyNumber = p.value;
  }

  const custodianName = textOf(cells.custodian);
  if (out.length > 0 || marking === null || issueDate === null) {
    return { ok: false, violations: out };
  }
  return {
    ok: true,
    value: {
      kind,
      title,
      docNumber,
      sender,
      markingInput,
      marking,
      copyNumber,
      distributionClass,
      custodianName: custodianName === '' ? null : custodianName,
      issueDate,
      mediumSerial,
      note,
    },
  };
}

/**
 * The document a row is a copy of: rows of one document (same title, 文号, sender, marking, date,
 * class, custodian and kind) are one receipt batch, each copy with its own number (R-LVL-04).
 */
export function importBatchKey(r: ImportRowValue): string {
  return JSON.stringify([
    r.kind,
    r.title,
    r.docNumber,
    r.sender,
    r.marking.marking,
    r.issueDate,
    r.distributionClass,
    r.custodianName,
  ]);
}

/** One physical copy (R-CAR-01): same sender, 文号 and copy number — the key the database also guards. */
export function physicalCopyKey(
  r: Pick<ImportRowValue, 'sender' | 'docNumber' | 'copyNumber'>,
): string | null {
  return r.docNumber !== '' && r.sender !== '' && r.copyNumber !== null
    ? JSON.stringify([r.sender, r.docNumber, r.copyNumber])
    : null;
}

/**
 * R-CAR-01, R-LVL-04: rows of the file that are the same physical copy as an earlier row (same sender,
 * 文号 and copy number, or the same document and copy number). Returns, per later row index, the
 * violation naming the earlier row (rows are numbered as Excel shows them: `rowNumbers[i]`).
 */
export function importDuplicates(
  rows: readonly { index: number; rowNumber: number; value: ImportRowValue }[],
): Map<number, RuleViolation> {
  const seen = new Map<string, number>();
  const out = new Map<number, RuleViolation>();
  for (const r of rows) {
    if (r.value.copyNumber === null) continue;
    const keys = [
      physicalCopyKey(r.value),
      JSON.stringify([importBatchKey(r.value), r.value.copyNumber]),
    ].filter((k): k is string => k !== null);
    const first = keys.map((k) => seen.get(k)).find((x) => x !== undefined);
    if (first !== undefined) {
      const n = String(r.value.copyNumber).padStart(6, '0');
      out.set(
        r.index,
        v(
          'import_duplicate_row',
          'copyNumber',
          `与第${first}行是同一份载体（份号${n}）：同一份载体只登记一次`,
          `Same copy as row ${first} (copy number ${n}): one copy is registered once`,
          'R-CAR-01',
        ),
      );
      continue;
    }
    for (const k of keys) seen.set(k, r.rowNumber);
  }
  return out;
}

/** The violation for a row whose copy is already on the organisation's books. */
export function alreadyRegistered(copyNumber: number): RuleViolation {
  const n = String(copyNumber).padStart(6, '0');
  return v(
    'import_already_registered',
    'copyNumber',
    `该份载体（同一来源、文号、份号${n}）已在本单位台账中登记，不能重复收进`,
    `This copy (same sender, doc number and copy number ${n}) is already on the organisation's books; it is received once`,
    'R-CAR-01',
  );
}

// ---------------------------------------------------------------------------------------------
// R-CAR-09: the QR label of a carrier
// ---------------------------------------------------------------------------------------------

/** What a carrier's QR label encodes, exactly: `BAOMI-CARRIER:<carrier uuid>` (the scanner reads this). */
export const CARRIER_QR_PREFIX = 'BAOMI-CARRIER:';

export function carrierQrPayload(carrierId: string): string {
  return `${CARRIER_QR_PREFIX}${carrierId}`;
}

/** A title shortened to `max` characters (by code point) with an ellipsis, for a label. */
export function truncateForLabel(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
