// 涉密载体台账导入 and QR label sheets: the contract of /api/carriers/import* and /api/carriers/labels.
// The upload itself is the raw .xlsx body (Content-Type of an xlsx workbook); its name travels in the
// query string. Preview and commit take the same file: nothing is kept between them (D75).
import {
  CARRIER_KINDS,
  CARRIER_STATUSES,
  DISTRIBUTION_CLASSES,
  IMPORT_COLUMNS,
  IMPORT_LIMITS,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import { Enum, Nullable, Req, type Static, Str, Timestamp, Type, Uuid } from '../common.ts';
import { Violation } from '../designation/common.ts';
import { CARRIER_SORTS, INPUT_LIMITS } from './labels.ts';

export { IMPORT_COLUMNS, IMPORT_LIMITS };

/** The media type of an .xlsx upload (application/octet-stream is accepted too). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Sha = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const ImportQuery = Req({
  /** The file's name as the registrar chose it (recorded in the audit and in each carrier's first step). */
  fileName: Str(200),
  /** Commit: the SHA-256 the preview reported; another file is refused (409) rather than imported unseen. */
  sha256: Type.Optional(Sha),
});
export type ImportQuery = Static<typeof ImportQuery>;

/** One row's problem, as the preview table shows it (row numbers as Excel shows them). */
export const ImportRowError = Type.Object({ row: Type.Integer(), ...Violation.properties });
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportPreviewRow = Type.Object({
  row: Type.Integer(),
  ok: Type.Boolean(),
  kind: Nullable(Enum(CARRIER_KINDS)),
  title: Type.String(),
  docNumber: Type.String(),
  sender: Type.String(),
  /** The canonical marking when it was read, else what the cell said. */
  marking: Type.String(),
  level: Nullable(Enum(STATE_SECRET_LEVELS)),
  copyNumber: Nullable(Type.String()),
  distributionClass: Nullable(Enum(DISTRIBUTION_CLASSES)),
  custodianName: Nullable(Type.String()),
  issueDate: Nullable(Type.String()),
  errors: Type.Array(Violation),
});
export type ImportPreviewRow = Static<typeof ImportPreviewRow>;

export const ImportPreview = Type.Object({
  fileName: Type.String(),
  sha256: Sha,
  sm3: Type.String(),
  bytes: Type.Integer(),
  /** Data rows (the header and blank rows not counted). */
  rows: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  /** Receipt batches (documents) the rows make: copies of one document are one batch. */
  batches: Type.Integer(),
  /** Rows shown: the first rows and every row with an error (up to the limit). */
  items: Type.Array(ImportPreviewRow),
  /** More rows with errors than `items` holds. */
  truncated: Type.Boolean(),
  /** This very file (same SHA-256) was imported before: the commit would be refused (409). */
  importedBefore: Nullable(Type.Object({ at: Timestamp, registrarName: Type.String() })),
});
export type ImportPreview = Static<typeof ImportPreview>;

export const ImportResult = Type.Object({
  importId: Uuid,
  fileName: Type.String(),
  sha256: Sha,
  sm3: Type.String(),
  rows: Type.Integer(),
  count: Type.Integer(),
  batches: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResult>;

/** A comma-separated list of carrier ids (the ledger's selection). */
const IdList = Type.String({
  maxLength: 37 * INPUT_LIMITS.destructionItems,
  pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$',
});

/** The most labels on one sheet (16 a page). */
export const MAX_LABELS = 1000;

/**
 * QR label sheet (R-CAR-09): one carrier (`ids` of one), a receipt/production batch, a department, or the
 * ledger's filter; only carriers the caller may read are printed.
 */
export const LabelQuery = Req({
  ids: Type.Optional(IdList),
  batchId: Type.Optional(Uuid),
  q: Type.Optional(Str(INPUT_LIMITS.search, 0)),
  status: Type.Optional(Enum(CARRIER_STATUSES)),
  level: Type.Optional(Enum(STATE_SECRET_LEVELS)),
  kind: Type.Optional(Enum(CARRIER_KINDS)),
  distributionClass: Type.Optional(Enum(DISTRIBUTION_CLASSES)),
  departmentId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  overdue: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Enum(CARRIER_SORTS)),
  order: Type.Optional(Enum(['asc', 'desc'] as const)),
});
export type LabelQuery = Static<typeof LabelQuery>;
