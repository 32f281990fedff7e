// Every SQL statement of the review module (保密审查): the term list, the requests and their files.
// Raw SQL over the caller's Sql (the database or the current transaction).
import type { FoundLevel, ReviewPurpose, ReviewSeverity, ReviewState } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';

// ---------------------------------------------------------------------------------------------------
// 敏感词库

export interface TermRow {
  id: string;
  term: string;
  category: string;
  severity: ReviewSeverity;
  pattern: boolean;
  createdAt: Date;
}

export async function termVersion(sql: Sql, orgId: string): Promise<number> {
  const r = await sql.query<{ version: number }>('SELECT version FROM review_term_list WHERE org_id = $1', [
    orgId,
  ]);
  return r.rows[0]?.version ?? 0;
}

/** Counts the list's version up (locks the org's row: changes to one list are serialised). */
export async function bumpTermVersion(sql: Sql, orgId: string): Promise<number> {
  const r = await sql.query<{ version: number }>(
    `INSERT INTO review_term_list (org_id, version) VALUES ($1, 1)
     ON CONFLICT (org_id) DO UPDATE SET version = review_term_list.version + 1, updated_at = now()
     RETURNING version`,
    [orgId],
  );
  return r.rows[0]!.version;
}

export async function listTermRows(
  sql: Sql,
  orgId: string,
  q: { q?: string; category?: string; severity?: string; limit: number; offset: number },
): Promise<{ items: TermRow[]; total: number; categories: string[] }> {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  if (q.q) {
    params.push(`%${q.q.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
    where.push(`(term ILIKE $${params.length} OR category ILIKE $${params.length})`);
  }
  if (q.category) {
    params.push(q.category);
    where.push(`category = $${params.length}`);
  }
  if (q.severity) {
    params.push(q.severity);
    where.push(`severity = $${params.length}`);
  }
  const w = where.join(' AND ');
  const items = await sql.query<TermRow>(
    `SELECT id, term, category, severity, pattern, created_at AS "createdAt" FROM review_term
     WHERE ${w} ORDER BY category, term, id LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  const n = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM review_term WHERE ${w}`, params);
  const cats = await sql.query<{ category: string }>(
    'SELECT DISTINCT category FROM review_term WHERE org_id = $1 ORDER BY category',
    [orgId],
  );
  return { items: items.rows, total: n.rows[0]!.n, categories: cats.rows.map((c) => c.category) };
}

export async function allTermRows(sql: Sql, orgId: string) {
  const r = await sql.query<{ term: string; category: string; severity: ReviewSeverity; pattern: boolean }>(
    'SELECT term, category, severity, pattern FROM review_term WHERE org_id = $1 ORDER BY term',
    [orgId],
  );
  return r.rows;
}

export async function getTermRow(sql: Sql, orgId: string, id: string): Promise<TermRow | null> {
  const r = await sql.query<TermRow>(
    `SELECT id, term, category, severity, pattern, created_at AS "createdAt" FROM review_term
     WHERE org_id = $1 AND id = $2`,
    [orgId, id],
  );
  return r.rows[0] ?? null;
}

/** Adds the terms, a term already listed taking the new category and severity; returns added, updated. */
export async function upsertTerms(
  sql: Sql,
  orgId: string,
  entries: readonly { term: string; category: string; severity: ReviewSeverity; pattern: boolean }[],
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  const CHUNK = 500;
  for (let i = 0; i < entries.length; i += CHUNK) {
    const part = entries.slice(i, i + CHUNK);
    const r = await sql.query<{ inserted: boolean }>(
      `INSERT INTO review_term (org_id, term, category, severity, pattern)
       SELECT $1, t.term, t.category, t.severity, t.pattern
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[]) AS t(term, category, severity, pattern)
       ON CONFLICT (org_id, term) DO UPDATE SET category = excluded.category, severity = excluded.severity,
         pattern = excluded.pattern
       RETURNING (xmax = 0) AS inserted`,
      [
        orgId,
        part.map((e) => e.term),
        part.map((e) => e.category),
        part.map((e) => e.severity),
        part.map((e) => e.pattern),
      ],
    );
    for (const x of r.rows)
      if (x.inserted) added++;
      else updated++;
  }
  return { added, updated };
}

export async function deleteAllTerms(sql: Sql, orgId: string): Promise<number> {
  return (await sql.query('DELETE FROM review_term WHERE org_id = $1', [orgId])).rowCount;
}

export async function updateTermRow(
  sql: Sql,
  orgId: string,
  id: string,
  t: { term: string; category: string; severity: ReviewSeverity; pattern: boolean },
) {
  await sql.query(
    'UPDATE review_term SET term = $3, category = $4, severity = $5, pattern = $6 WHERE org_id = $1 AND id = $2',
    [orgId, id, t.term, t.category, t.severity, t.pattern],
  );
}

export async function deleteTermRow(sql: Sql, orgId: string, id: string) {
  await sql.query('DELETE FROM review_term WHERE org_id = $1 AND id = $2', [orgId, id]);
}

// ---------------------------------------------------------------------------------------------------
// 审查申请

export interface ReviewSource {
  module: string;
  id: string;
  label: string;
}

export interface ReviewRow {
  id: string;
  orgId: string;
  no: string;
  title: string;
  purpose: ReviewPurpose;
  purposeNote: string;
  state: ReviewState;
  requesterPersonId: string;
  requesterName: string;
  departmentId: string | null;
  departmentName: string | null;
  source: ReviewSource | null;
  approvalId: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByPersonId: string | null;
  decidedByName: string | null;
  comments: string;
  version: number;
  createdAt: Date;
  fileCount: number;
  hitsCount: number;
  highestLevel: FoundLevel | null;
  unread: boolean;
  /** Whoever confirmed unread parts of a file of this request. */
  confirmerIds: string[];
}

const SELECT = `
  SELECT r.id, r.org_id AS "orgId", r.no, r.title, r.purpose, r.purpose_note AS "purposeNote", r.state,
    r.requester_person_id AS "requesterPersonId", rp.name AS "requesterName",
    r.department_id AS "departmentId", d.name AS "departmentName", r.source, r.approval_id AS "approvalId",
    r.submitted_at AS "submittedAt", r.decided_at AS "decidedAt",
    r.decided_by_person_id AS "decidedByPersonId", dp.name AS "decidedByName", r.comments, r.version,
    r.created_at AS "createdAt",
    coalesce(f.file_count, 0)::int AS "fileCount", coalesce(f.hits, 0)::int AS "hitsCount",
    f.highest AS "highestLevel", coalesce(f.unread, false) AS unread,
    coalesce(f.confirmers, ARRAY[]::uuid[])::text[] AS "confirmerIds"
  FROM review_request r
  JOIN person rp ON rp.id = r.requester_person_id
  LEFT JOIN department d ON d.id = r.department_id
  LEFT JOIN person dp ON dp.id = r.decided_by_person_id
  LEFT JOIN LATERAL (
    SELECT count(*) AS file_count, sum(hits_count) AS hits,
      (ARRAY['confidential', 'secret', 'top_secret'])[max(CASE highest_level WHEN 'top_secret' THEN 3
        WHEN 'secret' THEN 2 WHEN 'confidential' THEN 1 END)] AS highest,
      bool_or(unread) AS unread,
      array_agg(unread_confirmed_by_person_id) FILTER (WHERE unread_confirmed_by_person_id IS NOT NULL) AS confirmers
    FROM review_file WHERE review_id = r.id AND NOT superseded
  ) f ON true`;

/** The rows a caller may read: his organisation, and the requester, a reviewer or a decider. */
const visible = (firstParam: number) =>
  `r.org_id = $${firstParam} AND ($${firstParam + 2}::boolean OR r.requester_person_id = $${firstParam + 1}
    OR r.decided_by_person_id = $${firstParam + 1}
    OR EXISTS (SELECT 1 FROM review_file cf WHERE cf.review_id = r.id AND cf.unread_confirmed_by_person_id = $${firstParam + 1}))`;

export interface Visibility {
  orgId: string;
  personId: string;
  reviewer: boolean;
}

export async function getReview(sql: Sql, id: string, lock = false): Promise<ReviewRow | null> {
  if (lock) await sql.query('SELECT id FROM review_request WHERE id = $1 FOR UPDATE', [id]);
  const r = await sql.query<ReviewRow>(`${SELECT} WHERE r.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function reviewsByIds(sql: Sql, v: Visibility, ids: readonly string[]): Promise<ReviewRow[]> {
  if (ids.length === 0) return [];
  const r = await sql.query<ReviewRow>(
    `${SELECT} WHERE r.id = ANY($4::uuid[]) AND ${visible(1)} ORDER BY r.created_at`,
    [v.orgId, v.personId, v.reviewer, ids],
  );
  return r.rows;
}

export const REVIEW_SORTS = {
  createdAt: 'r.created_at',
  decidedAt: 'r.decided_at',
  no: 'r.no',
  title: 'r.title_sort COLLATE "C"',
  requester: 'rp.name_sort COLLATE "C"',
  hitsCount: '"hitsCount"',
} as const;
export type ReviewSort = keyof typeof REVIEW_SORTS;

export interface ReviewListQuery {
  state?: ReviewState;
  purpose?: ReviewPurpose;
  q?: string;
  marked?: boolean;
  from?: string;
  to?: string;
  sort?: ReviewSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export async function listReviewRows(
  sql: Sql,
  v: Visibility,
  q: ReviewListQuery,
): Promise<{ items: ReviewRow[]; total: number }> {
  const params: unknown[] = [v.orgId, v.personId, v.reviewer];
  const where = [visible(1)];
  if (q.state) {
    params.push(q.state);
    where.push(`r.state = $${params.length}`);
  }
  if (q.purpose) {
    params.push(q.purpose);
    where.push(`r.purpose = $${params.length}`);
  }
  if (q.q) {
    params.push(`%${q.q.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    where.push(
      `(r.title ILIKE ${p} OR r.no ILIKE ${p} OR rp.name ILIKE ${p}
        OR EXISTS (SELECT 1 FROM review_file sf WHERE sf.review_id = r.id AND (sf.name ILIKE ${p} OR sf.sm3 ILIKE ${p})))`,
    );
  }
  if (q.marked !== undefined) where.push(q.marked ? 'f.highest IS NOT NULL' : 'f.highest IS NULL');
  if (q.from) {
    params.push(q.from);
    where.push(`r.created_at >= ($${params.length}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  if (q.to) {
    params.push(q.to);
    where.push(`r.created_at < (($${params.length}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  const w = where.join(' AND ');
  const col = REVIEW_SORTS[q.sort ?? 'createdAt'];
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const items = await sql.query<ReviewRow>(
    `${SELECT} WHERE ${w} ORDER BY ${col} ${dir} NULLS LAST, r.id LIMIT ${q.limit} OFFSET ${q.offset}`,
    params,
  );
  const n = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${SELECT} WHERE ${w}) x`, params);
  return { items: items.rows, total: n.rows[0]!.n };
}

/** Requests in review, for the reviewers' todo. */
export async function pendingReviewRows(sql: Sql, orgId: string): Promise<ReviewRow[]> {
  return (
    await sql.query<ReviewRow>(
      `${SELECT} WHERE r.org_id = $1 AND r.state = 'in_review' ORDER BY r.submitted_at LIMIT 200`,
      [orgId],
    )
  ).rows;
}

/** The requester's requests to change and resubmit. */
export async function toResubmitRows(sql: Sql, personId: string): Promise<ReviewRow[]> {
  return (
    await sql.query<ReviewRow>(
      `${SELECT} WHERE r.requester_person_id = $1 AND r.state = 'released_with_changes' ORDER BY r.decided_at LIMIT 200`,
      [personId],
    )
  ).rows;
}

/** The next 审查编号 of the organisation's year: SC-2026-0001 (serialised per organisation). */
export async function nextReviewNo(sql: Sql, orgId: string, year: number): Promise<string> {
  await sql.query("SELECT pg_advisory_xact_lock(hashtext('review_no:' || $1::text))", [orgId]);
  const prefix = `SC-${year}-`;
  const r = await sql.query<{ n: number }>(
    `SELECT coalesce(max(substr(no, $2::int + 1)::int), 0)::int AS n FROM review_request
     WHERE org_id = $1 AND no LIKE $3`,
    [orgId, prefix.length, `${prefix}%`],
  );
  return `${prefix}${String(r.rows[0]!.n + 1).padStart(4, '0')}`;
}

export async function insertReview(
  sql: Sql,
  w: {
    orgId: string;
    no: string;
    title: string;
    purpose: ReviewPurpose;
    purposeNote: string;
    requesterPersonId: string;
    departmentId: string | null;
    source: ReviewSource | null;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO review_request (org_id, no, title, title_sort, purpose, purpose_note, requester_person_id, department_id, source)
     VALUES ($1, $2, $3, $9, $4, $5, $6, $7, $8) RETURNING id`,
    [
      w.orgId,
      w.no,
      w.title,
      w.purpose,
      w.purposeNote,
      w.requesterPersonId,
      w.departmentId,
      w.source ? JSON.stringify(w.source) : null,
      sortKey(w.title),
    ],
  );
  return r.rows[0]!.id;
}

/** Moves a request on if it is still at `version`; false when someone else changed it first. */
export async function setReviewState(
  sql: Sql,
  id: string,
  version: number,
  s: { state: ReviewState; submitted?: boolean; decidedBy?: string | null; comments?: string },
): Promise<boolean> {
  const r = await sql.query(
    `UPDATE review_request SET state = $3, version = version + 1,
       submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END,
       decided_at = CASE WHEN $5::uuid IS NOT NULL THEN now() WHEN $4::boolean THEN NULL ELSE decided_at END,
       decided_by_person_id = CASE WHEN $5::uuid IS NOT NULL THEN $5::uuid WHEN $4::boolean THEN NULL ELSE decided_by_person_id END,
       comments = coalesce($6, comments)
     WHERE id = $1 AND version = $2`,
    [id, version, s.state, s.submitted ?? false, s.decidedBy ?? null, s.comments ?? null],
  );
  return r.rowCount === 1;
}

export async function setReviewApproval(sql: Sql, id: string, approvalId: string | null) {
  await sql.query('UPDATE review_request SET approval_id = $2 WHERE id = $1', [id, approvalId]);
}

/** The chain returned the request to its requester: a draft again, with the returning comment. */
export async function returnReviewToDraft(sql: Sql, id: string, comments: string) {
  await sql.query(
    "UPDATE review_request SET state = 'draft', version = version + 1, comments = $2 WHERE id = $1 AND state = 'in_review'",
    [id, comments],
  );
}

export async function touchReview(sql: Sql, id: string) {
  await sql.query('UPDATE review_request SET version = version + 1 WHERE id = $1', [id]);
}

// ---------------------------------------------------------------------------------------------------
// Files

export interface FileRow {
  id: string;
  reviewId: string;
  name: string;
  size: number;
  sm3: string;
  report: StoredReport;
  hitsCount: number;
  highestLevel: FoundLevel | null;
  unread: boolean;
  unreadConfirmedByPersonId: string | null;
  unreadConfirmedByName: string | null;
  unreadConfirmedAt: Date | null;
  termVersion: number;
  superseded: boolean;
  uploadedAt: Date;
  uploadedByName: string;
}

/** The engine's report as kept. */
export interface StoredReport {
  fragmentsRead: number;
  hits: StoredHit[];
  unread: { where: { file: string; part?: string; page?: number }; code: string; reason: string }[];
  /** More hits than were kept (the report keeps the first MAX_HITS). */
  truncated?: number;
}

export interface StoredHit {
  kind: string;
  text: string;
  normalized: string;
  category: string;
  severity: string;
  level: string | null;
  stateSecret: boolean;
  where: Record<string, string | number | boolean>;
  before: string;
  after: string;
}

const FILE_SELECT = `
  SELECT f.id, f.review_id AS "reviewId", f.name, f.size, f.sm3, f.report, f.hits_count AS "hitsCount",
    f.highest_level AS "highestLevel", f.unread, f.unread_confirmed_by_person_id AS "unreadConfirmedByPersonId",
    cp.name AS "unreadConfirmedByName", f.unread_confirmed_at AS "unreadConfirmedAt", f.term_version AS "termVersion",
    f.superseded, f.uploaded_at AS "uploadedAt", up.name AS "uploadedByName"
  FROM review_file f
  JOIN person up ON up.id = f.uploaded_by_person_id
  LEFT JOIN person cp ON cp.id = f.unread_confirmed_by_person_id`;

export async function reviewFiles(sql: Sql, reviewId: string, withSuperseded = false): Promise<FileRow[]> {
  return (
    await sql.query<FileRow>(
      `${FILE_SELECT} WHERE f.review_id = $1 ${withSuperseded ? '' : 'AND NOT f.superseded'} ORDER BY f.uploaded_at, f.id`,
      [reviewId],
    )
  ).rows;
}

export async function filesOf(sql: Sql, reviewIds: readonly string[]): Promise<FileRow[]> {
  if (reviewIds.length === 0) return [];
  return (
    await sql.query<FileRow>(
      `${FILE_SELECT} WHERE f.review_id = ANY($1::uuid[]) AND NOT f.superseded ORDER BY f.uploaded_at, f.id`,
      [reviewIds],
    )
  ).rows;
}

export async function insertFile(
  sql: Sql,
  w: {
    reviewId: string;
    name: string;
    bytes: Uint8Array;
    sm3: string;
    report: StoredReport;
    hitsCount: number;
    highestLevel: FoundLevel | null;
    unread: boolean;
    termVersion: number;
    uploadedBy: string;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO review_file (review_id, name, size, sm3, bytes, report, hits_count, highest_level, unread, term_version, uploaded_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      w.reviewId,
      w.name,
      w.bytes.length,
      w.sm3,
      w.bytes,
      JSON.stringify(w.report),
      w.hitsCount,
      w.highestLevel,
      w.unread,
      w.termVersion,
      w.uploadedBy,
    ],
  );
  return r.rows[0]!.id;
}

/** Files uploaded after the request's decision (a changed file means a new review). */
export async function filesSince(sql: Sql, reviewId: string, since: Date): Promise<number> {
  const r = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM review_file WHERE review_id = $1 AND NOT superseded AND uploaded_at > $2',
    [reviewId, since],
  );
  return r.rows[0]!.n;
}

export async function supersedeFile(sql: Sql, reviewId: string, fileId: string): Promise<boolean> {
  const r = await sql.query(
    'UPDATE review_file SET superseded = true WHERE review_id = $1 AND id = $2 AND NOT superseded',
    [reviewId, fileId],
  );
  return r.rowCount === 1;
}

export async function confirmUnreadFiles(
  sql: Sql,
  reviewId: string,
  fileIds: readonly string[],
  personId: string,
) {
  if (fileIds.length === 0) return;
  await sql.query(
    `UPDATE review_file SET unread_confirmed_by_person_id = $3, unread_confirmed_at = now()
     WHERE review_id = $1 AND id = ANY($2::uuid[]) AND unread AND NOT superseded`,
    [reviewId, fileIds, personId],
  );
}

export async function fileBytes(
  sql: Sql,
  reviewId: string,
  fileId: string,
): Promise<{ name: string; bytes: Uint8Array } | null> {
  const r = await sql.query<{ name: string; bytes: Uint8Array }>(
    'SELECT name, bytes FROM review_file WHERE review_id = $1 AND id = $2',
    [reviewId, fileId],
  );
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Demo seed (demo.ts)

export async function demoSeeded(sql: Sql, key: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM setting WHERE key = $1', [key])).rowCount > 0;
}

export async function markDemoSeeded(sql: Sql, key: string): Promise<void> {
  await sql.query(`INSERT INTO setting (key, value) VALUES ($1, 'true') ON CONFLICT (key) DO NOTHING`, [key]);
}

export interface DemoPerson {
  personId: string;
  accountId: string | null;
  name: string;
  orgId: string;
  departmentId: string | null;
  position: string;
  clearance: 'none' | 'confidential' | 'secret' | 'top_secret';
  roles: string[];
}

export async function demoPeople(sql: Sql, orgName: string): Promise<DemoPerson[]> {
  return (
    await sql.query<DemoPerson>(
      `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.org_id AS "orgId",
              p.department_id AS "departmentId", p.position, p.clearance,
              coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM person p JOIN org o ON o.id = p.org_id LEFT JOIN person_role r ON r.person_id = p.id
        WHERE o.name = $1 GROUP BY p.id ORDER BY p.created_at, p.id`,
      [orgName],
    )
  ).rows;
}
