// Every SQL statement of the materials for foreign parties (R-FOR-06, R-FOR-07): the records, their
// list under foreignReadScope (the secrecy office and leaders all; others what they requested or, for
// a department head, his department's), the ones awaiting a review and those to recover.
import type {
  ForeignReadScope,
  MaterialDelivery,
  MaterialKind,
  MaterialRecovery,
  MaterialStatus,
  StateSecretLevel,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';

const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface MaterialRow {
  id: string;
  orgId: string;
  activityId: string;
  departmentId: string;
  departmentName: string;
  requesterId: string;
  requesterName: string;
  title: string;
  kind: MaterialKind;
  delivery: MaterialDelivery;
  recipients: string[];
  copies: number;
  recovery: MaterialRecovery;
  recoveryTerms: string;
  recoverBy: string | null;
  level: StateSecretLevel | null;
  carrierId: string | null;
  reviewId: string | null;
  nationalNo: string;
  nationalOn: string | null;
  nationalAuthority: string;
  obligationRef: string;
  obligationOn: string | null;
  status: MaterialStatus;
  approvalId: string | null;
  providedOn: string | null;
  closedOn: string | null;
  closeNote: string;
  createdAt: Date;
}

const SELECT = `
  SELECT m.id, m.org_id AS "orgId", m.activity_id AS "activityId", m.department_id AS "departmentId",
         d.name AS "departmentName", m.requester_person_id AS "requesterId", p.name AS "requesterName",
         m.title, m.kind, m.delivery, m.recipients, m.copies, m.recovery, m.recovery_terms AS "recoveryTerms",
         to_char(m.recover_by, 'YYYY-MM-DD') AS "recoverBy", m.level, m.carrier_id AS "carrierId",
         m.review_id AS "reviewId", m.national_no AS "nationalNo", to_char(m.national_on, 'YYYY-MM-DD') AS "nationalOn",
         m.national_authority AS "nationalAuthority", m.obligation_ref AS "obligationRef",
         to_char(m.obligation_on, 'YYYY-MM-DD') AS "obligationOn", m.status, m.approval_id AS "approvalId",
         to_char(m.provided_on, 'YYYY-MM-DD') AS "providedOn", to_char(m.closed_on, 'YYYY-MM-DD') AS "closedOn",
         m.close_note AS "closeNote", m.created_at AS "createdAt"
    FROM foreign_material m JOIN department d ON d.id = m.department_id JOIN person p ON p.id = m.requester_person_id`;

export async function getMaterial(sql: Sql, id: string, lock = false): Promise<MaterialRow | null> {
  if (lock) await sql.query('SELECT id FROM foreign_material WHERE id = $1 FOR UPDATE', [id]);
  const r = await sql.query<MaterialRow>(`${SELECT} WHERE m.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface MaterialFilter {
  status?: MaterialStatus;
  activityId?: string;
  kind?: MaterialKind;
  q?: string;
  sort?: 'createdAt' | 'title' | 'recoverBy';
  order?: 'asc' | 'desc';
}

export async function listMaterialRows(
  sql: Sql,
  scope: ForeignReadScope,
  f: MaterialFilter,
  page: { limit: number; offset: number } | null,
): Promise<MaterialRow[]> {
  const params: unknown[] = [scope.orgId];
  const where = ['m.org_id = $1'];
  if (scope.kind === 'involved') {
    params.push(scope.personId, scope.departmentId);
    where.push(
      `(m.requester_person_id = $${params.length - 1} OR ($${params.length}::uuid IS NOT NULL AND m.department_id = $${params.length}::uuid))`,
    );
  }
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (f.status) add((n) => `m.status = ${n}`, f.status);
  if (f.activityId) add((n) => `m.activity_id = ${n}`, f.activityId);
  if (f.kind) add((n) => `m.kind = ${n}`, f.kind);
  if (f.q?.trim())
    add((n) => `(m.title ILIKE ${n} OR m.recipients::text ILIKE ${n})`, `%${esc(f.q.trim())}%`);
  const dir = f.order === 'asc' ? 'ASC' : 'DESC';
  const order =
    f.sort === 'title'
      ? `m.title_sort COLLATE "C" ${f.order === 'desc' ? 'DESC' : 'ASC'}`
      : f.sort === 'recoverBy'
        ? `m.recover_by ${dir} NULLS LAST`
        : `m.created_at ${dir}`;
  const lim = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ' LIMIT 10000';
  const r = await sql.query<MaterialRow>(
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order}, m.id${lim}`,
    params,
  );
  return r.rows;
}

export interface MaterialValues {
  activityId: string;
  title: string;
  titleSort: string;
  kind: MaterialKind;
  delivery: MaterialDelivery;
  recipients: string[];
  copies: number;
  recovery: MaterialRecovery;
  recoveryTerms: string;
  recoverBy: string | null;
  level: StateSecretLevel | null;
  carrierId: string | null;
  reviewId: string | null;
  nationalNo: string;
  nationalOn: string | null;
  nationalAuthority: string;
  obligationRef: string;
  obligationOn: string | null;
}

const COLS = [
  ['activity_id', 'activityId'],
  ['title', 'title'],
  ['title_sort', 'titleSort'],
  ['kind', 'kind'],
  ['delivery', 'delivery'],
  ['recipients', 'recipients'],
  ['copies', 'copies'],
  ['recovery', 'recovery'],
  ['recovery_terms', 'recoveryTerms'],
  ['recover_by', 'recoverBy'],
  ['level', 'level'],
  ['carrier_id', 'carrierId'],
  ['review_id', 'reviewId'],
  ['national_no', 'nationalNo'],
  ['national_on', 'nationalOn'],
  ['national_authority', 'nationalAuthority'],
  ['obligation_ref', 'obligationRef'],
  ['obligation_on', 'obligationOn'],
] as const;

const valuesOf = (v: MaterialValues) =>
  COLS.map(([, k]) => (k === 'recipients' ? JSON.stringify(v.recipients) : v[k]));

export async function insertMaterial(
  sql: Sql,
  v: MaterialValues & { orgId: string; departmentId: string; requesterId: string },
): Promise<string> {
  const cols = COLS.map(([c]) => c);
  const r = await sql.query<{ id: string }>(
    `INSERT INTO foreign_material (org_id, department_id, requester_person_id, status, ${cols.join(', ')})
     VALUES ($1, $2, $3, 'draft', ${cols.map((_, i) => `$${i + 4}`).join(', ')}) RETURNING id`,
    [v.orgId, v.departmentId, v.requesterId, ...valuesOf(v)],
  );
  return r.rows[0]!.id;
}

export async function updateMaterialValues(sql: Sql, id: string, v: MaterialValues): Promise<void> {
  await sql.query(
    `UPDATE foreign_material SET ${COLS.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...valuesOf(v)],
  );
}

export async function setMaterialState(
  sql: Sql,
  id: string,
  s: {
    status?: MaterialStatus;
    approvalId?: string;
    reviewId?: string;
    providedOn?: string;
    closedOn?: string;
    closeNote?: string;
  },
): Promise<void> {
  await sql.query(
    `UPDATE foreign_material SET status = coalesce($2, status), approval_id = coalesce($3::uuid, approval_id),
            review_id = coalesce($4::uuid, review_id), provided_on = coalesce($5::date, provided_on),
            closed_on = coalesce($6::date, closed_on), close_note = coalesce($7, close_note), updated_at = now()
      WHERE id = $1`,
    [
      id,
      s.status ?? null,
      s.approvalId ?? null,
      s.reviewId ?? null,
      s.providedOn ?? null,
      s.closedOn ?? null,
      s.closeNote ?? null,
    ],
  );
}

/** Materials of the organisation in these states (todos: awaiting a review, provided and not recovered). */
export async function materialsInState(
  sql: Sql,
  orgId: string,
  statuses: readonly MaterialStatus[],
  requesterId: string | null,
): Promise<MaterialRow[]> {
  const r = await sql.query<MaterialRow>(
    `${SELECT} WHERE m.org_id = $1 AND m.status = ANY($2::text[]) AND ($3::uuid IS NULL OR m.requester_person_id = $3::uuid)
      ORDER BY m.created_at, m.id LIMIT 500`,
    [orgId, [...statuses], requesterId],
  );
  return r.rows;
}

/** Whether the material `id` of `orgId` is linked to the review `reviewId` (review/sources.ts, D149). */
export async function materialLinksReview(
  sql: Sql,
  orgId: string,
  id: string,
  reviewId: string,
): Promise<boolean> {
  const r = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM foreign_material WHERE id::text = $1 AND org_id = $2 AND review_id = $3',
    [id, orgId, reviewId],
  );
  return (r.rows[0]?.n ?? 0) > 0;
}
