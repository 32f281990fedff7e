// 保密审查 (confidentiality review of outgoing material, R-REV-01, R-REV-02, R-FOR-06, R-FOR-07): the
// contract of /api/review — the sensitive-term list, review requests with their files and the engine's
// report, the reviewer's decision, the ledger (Excel) and the review form (PDF).
import { REVIEW_DECISIONS, REVIEW_PURPOSES, REVIEW_SEVERITIES, REVIEW_STATES } from '@baomi/domain';
import {
  Abilities,
  Enum,
  Int,
  Nullable,
  Paging,
  PlainDate,
  Req,
  SortOrder,
  type Static,
  Str,
  Timestamp,
  Type,
  Uuid,
} from '../common.ts';

export const tags = ['review'];

/** Text limits (the migration's CHECKs, 0026_review.sql). */
export const LIMITS = {
  title: 200,
  purposeNote: 500,
  comments: 2000,
  fileName: 255,
  term: 100,
  category: 50,
  termListChars: 2_000_000,
  sourceModule: 40,
  sourceLabel: 200,
} as const;

export const ReviewPurpose = Enum(REVIEW_PURPOSES);
export const ReviewState = Enum(REVIEW_STATES);
export const ReviewDecision = Enum(REVIEW_DECISIONS);
export const Severity = Enum(REVIEW_SEVERITIES);
export const FoundLevel = Enum(['top_secret', 'secret', 'confidential'] as const);

// ---------------------------------------------------------------------------------------------------
// 敏感词库

export const TermListQuery = Req({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(Type.String({ maxLength: LIMITS.category })),
  severity: Type.Optional(Severity),
  ...Paging,
});
export type TermListQuery = Static<typeof TermListQuery>;

export const Term = Type.Object({
  id: Uuid,
  term: Type.String(),
  category: Type.String(),
  severity: Severity,
  pattern: Type.Boolean(),
  createdAt: Timestamp,
});
export type Term = Static<typeof Term>;

export const TermPage = Type.Object({
  items: Type.Array(Term),
  total: Type.Integer(),
  version: Type.Integer(),
  categories: Type.Array(Type.String()),
});
export type TermPage = Static<typeof TermPage>;

export const TermInput = Req({
  term: Str(LIMITS.term),
  category: Str(LIMITS.category),
  severity: Severity,
  pattern: Type.Optional(Type.Boolean()),
});
export type TermInput = Static<typeof TermInput>;

/** A list in the TSV format of parseTermList: term<TAB>category<TAB>severity[<TAB>pattern]. */
export const TermImport = Req({
  text: Str(LIMITS.termListChars),
  /** Replace the whole list (default: add to it, a listed term taking the new category and severity). */
  replace: Type.Optional(Type.Boolean()),
});
export type TermImport = Static<typeof TermImport>;

export const TermImportResult = Type.Object({
  added: Type.Integer(),
  updated: Type.Integer(),
  removed: Type.Integer(),
  version: Type.Integer(),
  problems: Type.Array(Type.Object({ line: Type.Integer(), zh: Type.String(), en: Type.String() })),
});
export type TermImportResult = Static<typeof TermImportResult>;

// ---------------------------------------------------------------------------------------------------
// 审查申请

export const ReviewSource = Req({
  module: Str(LIMITS.sourceModule),
  id: Str(100),
  label: Str(LIMITS.sourceLabel),
});
export type ReviewSource = Static<typeof ReviewSource>;

export const ReviewCreate = Req({
  title: Str(LIMITS.title),
  purpose: ReviewPurpose,
  purposeNote: Type.Optional(Str(LIMITS.purposeNote, 0)),
  source: Type.Optional(ReviewSource),
});
export type ReviewCreate = Static<typeof ReviewCreate>;

export const FileQuery = Req({ fileName: Str(LIMITS.fileName) });
export type FileQuery = Static<typeof FileQuery>;
export const FileParams = Req({ id: Uuid, fileId: Uuid });

export const DecideInput = Req({
  decision: ReviewDecision,
  comments: Type.Optional(Str(LIMITS.comments, 0)),
  /** The files with unread parts the reviewer read himself (R-REV-02). */
  confirmUnread: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  /** The version the reviewer saw: someone else deciding first is a 409. */
  version: Int(1, 1_000_000),
});
export type DecideInput = Static<typeof DecideInput>;

export const VersionInput = Req({ version: Int(1, 1_000_000) });
export type VersionInput = Static<typeof VersionInput>;

export const Hit = Type.Object({
  kind: Type.String(),
  text: Type.String(),
  normalized: Type.String(),
  category: Type.String(),
  severity: Type.String(),
  level: Nullable(Type.String()),
  stateSecret: Type.Boolean(),
  /** Where: file (chain in archives), part, kind, page / sheet + cell / slide / paragraph / line / field. */
  where: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  /** Where, in words: 第3段（正文）, 工作表“预算” B7, 第2张幻灯片（备注）. */
  location: Type.String(),
  before: Type.String(),
  after: Type.String(),
});
export type Hit = Static<typeof Hit>;

export const Unread = Type.Object({
  where: Type.Object({
    file: Type.String(),
    part: Type.Optional(Type.String()),
    page: Type.Optional(Type.Number()),
  }),
  code: Type.String(),
  reason: Type.String(),
});

export const ReviewFile = Type.Object({
  id: Uuid,
  name: Type.String(),
  size: Type.Integer(),
  sm3: Type.String(),
  hitsCount: Type.Integer(),
  highestLevel: Nullable(FoundLevel),
  unread: Type.Boolean(),
  unreadConfirmedByName: Nullable(Type.String()),
  unreadConfirmedAt: Nullable(Timestamp),
  superseded: Type.Boolean(),
  uploadedAt: Timestamp,
  uploadedByName: Type.String(),
});
export type ReviewFile = Static<typeof ReviewFile>;

export const ReviewFileReport = Type.Object({
  ...ReviewFile.properties,
  fragmentsRead: Type.Integer(),
  hits: Type.Array(Hit),
  unreadParts: Type.Array(Unread),
  truncated: Type.Integer(),
});
export type ReviewFileReport = Static<typeof ReviewFileReport>;

export const Review = Type.Object({
  id: Uuid,
  no: Type.String(),
  title: Type.String(),
  purpose: ReviewPurpose,
  purposeNote: Type.String(),
  state: ReviewState,
  requesterPersonId: Uuid,
  requesterName: Type.String(),
  departmentName: Nullable(Type.String()),
  source: Nullable(Type.Object({ module: Type.String(), id: Type.String(), label: Type.String() })),
  submittedAt: Nullable(Timestamp),
  decidedAt: Nullable(Timestamp),
  decidedByName: Nullable(Type.String()),
  comments: Type.String(),
  version: Type.Integer(),
  createdAt: Timestamp,
  fileCount: Type.Integer(),
  hitsCount: Type.Integer(),
  highestLevel: Nullable(FoundLevel),
  unread: Type.Boolean(),
});
export type Review = Static<typeof Review>;

export const ReviewDetail = Type.Object({
  ...Review.properties,
  /** The purpose's approval chain before the secrecy office decides (R-FOR-06, R-FOR-07), if any. */
  approval: Nullable(Type.Object({ id: Uuid, status: Type.String(), label: Type.String() })),
  files: Type.Array(ReviewFileReport),
  previousFiles: Type.Array(ReviewFile),
  abilities: Abilities,
});
export type ReviewDetail = Static<typeof ReviewDetail>;

export const ReviewSort = Enum(['createdAt', 'decidedAt', 'no', 'title', 'requester', 'hitsCount'] as const);
export const ReviewListQuery = Req({
  state: Type.Optional(ReviewState),
  purpose: Type.Optional(ReviewPurpose),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  marked: Type.Optional(Type.Boolean()),
  from: Type.Optional(PlainDate),
  to: Type.Optional(PlainDate),
  sort: Type.Optional(ReviewSort),
  order: Type.Optional(SortOrder),
  ...Paging,
});
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const ReviewPage = Type.Object({ items: Type.Array(Review), total: Type.Integer() });
export type ReviewPage = Static<typeof ReviewPage>;

export const ReviewSettings = Type.Object({
  maxFileBytes: Type.Integer(),
  scanTimeoutMs: Type.Integer(),
  termVersion: Type.Integer(),
});
export type ReviewSettings = Static<typeof ReviewSettings>;

export const ReviewExportQuery = Req({
  ...ReviewListQuery.properties,
  format: Type.Optional(Enum(['xlsx', 'csv'] as const)),
});
export type ReviewExportQuery = Static<typeof ReviewExportQuery>;

export const UploadQuery = Req({
  fileName: Str(LIMITS.fileName),
  /** The file this one replaces (a changed version after "release after changes"). */
  replaces: Type.Optional(Uuid),
});
export type UploadQuery = Static<typeof UploadQuery>;

export const TermVersion = Type.Object({ version: Type.Integer() });
