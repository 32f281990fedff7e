// Every SQL statement of the foreign-affairs part "visitors and materials" about visitors and visits
// (R-FOR-05): the register (name sorted by pinyin, searched in Chinese or Latin, any case), the visits
// with their visitors and escorts. The list filters come from foreignReadScope (domain foreign/visitor.ts):
// the secrecy office and the leaders see all of the organisation; anyone else what he takes part in.
import type { ForeignDocType, ForeignReadScope, VisitStatus } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface VisitorRow {
  id: string;
  orgId: string;
  name: string;
  nationality: string;
  organisation: string;
  docType: ForeignDocType;
  docNumber: string;
  contact: string;
  note: string;
  createdByPersonId: string;
  createdByName: string;
  visits: number;
  lastVisitOn: string | null;
  createdAt: Date;
}

const VISITOR_SELECT = `
  SELECT f.id, f.org_id AS "orgId", f.name, f.nationality, f.organisation, f.doc_type AS "docType",
         f.doc_number AS "docNumber", f.contact, f.note, f.created_by_person_id AS "createdByPersonId",
         p.name AS "createdByName", f.created_at AS "createdAt",
         (SELECT count(*)::int FROM foreign_visit_visitor l WHERE l.visitor_id = f.id) AS visits,
         (SELECT to_char(max(v.visit_on), 'YYYY-MM-DD') FROM foreign_visit_visitor l
            JOIN foreign_visit v ON v.id = l.visit_id WHERE l.visitor_id = f.id) AS "lastVisitOn"
    FROM foreign_visitor f JOIN person p ON p.id = f.created_by_person_id`;

/** The visitors a person takes part with: he registered them, organises or escorts one of their visits. */
const INVOLVED_VISITOR = (p: string, d: string) => `(
  f.created_by_person_id = ${p} OR EXISTS (
    SELECT 1 FROM foreign_visit_visitor l JOIN foreign_visit v ON v.id = l.visit_id
     WHERE l.visitor_id = f.id AND (v.organiser_person_id = ${p}
        OR (${d}::uuid IS NOT NULL AND v.department_id = ${d}::uuid)
        OR EXISTS (SELECT 1 FROM foreign_visit_escort e WHERE e.visit_id = v.id AND e.person_id = ${p}))))`;

export async function getVisitor(sql: Sql, id: string): Promise<VisitorRow | null> {
  const r = await sql.query<VisitorRow>(`${VISITOR_SELECT} WHERE f.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Who takes part with a visitor (the read rule's subject): who registered him, organisers and escorts of his visits. */
export async function visitorPeople(
  sql: Sql,
  id: string,
): Promise<{ personIds: string[]; departmentIds: string[] }> {
  const r = await sql.query<{ personIds: string[] | null; departmentIds: string[] | null }>(
    `SELECT (SELECT array_agg(DISTINCT x)::text[] FROM (
               SELECT f.created_by_person_id AS x FROM foreign_visitor f WHERE f.id = $1
               UNION SELECT v.organiser_person_id FROM foreign_visit_visitor l JOIN foreign_visit v ON v.id = l.visit_id WHERE l.visitor_id = $1
               UNION SELECT e.person_id FROM foreign_visit_visitor l JOIN foreign_visit_escort e ON e.visit_id = l.visit_id WHERE l.visitor_id = $1
             ) s) AS "personIds",
            (SELECT array_agg(DISTINCT v.department_id)::text[] FROM foreign_visit_visitor l JOIN foreign_visit v ON v.id = l.visit_id
              WHERE l.visitor_id = $1 AND v.department_id IS NOT NULL) AS "departmentIds"`,
    [id],
  );
  return { personIds: r.rows[0]?.personIds ?? [], departmentIds: r.rows[0]?.departmentIds ?? [] };
}

export interface VisitorFilter {
  q?: string;
  nationality?: string;
  sort?: 'name' | 'nationality' | 'createdAt' | 'lastVisitOn';
  order?: 'asc' | 'desc';
}

export async function listVisitorRows(
  sql: Sql,
  scope: ForeignReadScope,
  f: VisitorFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ items: VisitorRow[]; total: number }> {
  const params: unknown[] = [scope.orgId];
  const where = ['f.org_id = $1'];
  if (scope.kind === 'involved') {
    params.push(scope.personId, scope.departmentId);
    where.push(INVOLVED_VISITOR(`$${params.length - 1}`, `$${params.length}`));
  }
  if (f.q?.trim()) {
    params.push(`%${esc(f.q.trim())}%`);
    const n = `$${params.length}`;
    where.push(
      `(f.name ILIKE ${n} OR f.organisation ILIKE ${n} OR f.nationality ILIKE ${n} OR f.name_sort ILIKE ${n})`,
    );
  }
  if (f.nationality?.trim()) {
    params.push(f.nationality.trim());
    where.push(`f.nationality = $${params.length}`);
  }
  const dir = f.order === 'desc' ? 'DESC' : 'ASC';
  const order =
    f.sort === 'nationality'
      ? `f.nationality ${dir}, f.name_sort COLLATE "C" ASC`
      : f.sort === 'createdAt'
        ? `f.created_at ${dir}`
        : f.sort === 'lastVisitOn'
          ? `"lastVisitOn" ${dir} NULLS LAST`
          : `f.name_sort COLLATE "C" ${dir}`;
  const w = where.join(' AND ');
  const total = (
    await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM foreign_visitor f WHERE ${w}`, params)
  ).rows[0]!.n;
  const lim = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ' LIMIT 10000';
  const r = await sql.query<VisitorRow>(`${VISITOR_SELECT} WHERE ${w} ORDER BY ${order}, f.id${lim}`, params);
  return { items: r.rows, total };
}

export interface VisitorValues {
  name: string;
  nameSort: string;
  nationality: string;
  organisation: string;
  docType: ForeignDocType;
  docNumber: string;
  contact: string;
  note: string;
}

export async function insertVisitor(
  sql: Sql,
  v: VisitorValues & { orgId: string; createdByPersonId: string },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO foreign_visitor (org_id, name, name_sort, nationality, organisation, doc_type, doc_number, contact, note, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      v.orgId,
      v.name,
      v.nameSort,
      v.nationality,
      v.organisation,
      v.docType,
      v.docNumber,
      v.contact,
      v.note,
      v.createdByPersonId,
    ],
  );
  return r.rows[0]!.id;
}

export async function updateVisitor(sql: Sql, id: string, v: VisitorValues): Promise<void> {
  await sql.query(
    `UPDATE foreign_visitor SET name = $2, name_sort = $3, nationality = $4, organisation = $5, doc_type = $6,
            doc_number = $7, contact = $8, note = $9, updated_at = now() WHERE id = $1`,
    [id, v.name, v.nameSort, v.nationality, v.organisation, v.docType, v.docNumber, v.contact, v.note],
  );
}

export async function lockVisitor(sql: Sql, id: string): Promise<void> {
  await sql.query('SELECT id FROM foreign_visitor WHERE id = $1 FOR UPDATE', [id]);
}

/** Another visitor of the organisation with this document (the unique constraint, checked first for a named 409). */
export async function visitorWithDocument(sql: Sql, orgId: string, docType: string, docNumber: string) {
  const r = await sql.query<{ id: string }>(
    'SELECT id FROM foreign_visitor WHERE org_id = $1 AND doc_type = $2 AND doc_number = $3',
    [orgId, docType, docNumber],
  );
  return r.rows[0]?.id ?? null;
}

/** Visitors of the organisation among `ids` (a visit names only its own organisation's visitors). */
export async function visitorsOfOrg(sql: Sql, orgId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const r = await sql.query<{ id: string; name: string; nationality: string }>(
    'SELECT id, name, nationality FROM foreign_visitor WHERE org_id = $1 AND id = ANY($2::uuid[]) ORDER BY name_sort COLLATE "C", id',
    [orgId, [...ids]],
  );
  return r.rows;
}

/** People of the organisation among `ids` (escorts are persons of the organisation). */
export async function peopleOfOrg(sql: Sql, orgId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const r = await sql.query<{ id: string; name: string; departmentId: string | null }>(
    `SELECT id, name, department_id AS "departmentId" FROM person WHERE org_id = $1 AND id = ANY($2::uuid[])
      ORDER BY name_sort COLLATE "C", id`,
    [orgId, [...ids]],
  );
  return r.rows;
}

// ---- visits

export interface VisitRow {
  id: string;
  orgId: string;
  activityId: string | null;
  departmentId: string | null;
  organiserId: string;
  organiserName: string;
  visitOn: string;
  endsOn: string;
  purpose: string;
  scope: string;
  route: string;
  keySiteIds: string[];
  status: VisitStatus;
  approvalId: string | null;
  visitedAt: Date | null;
  createdAt: Date;
  visitors: { id: string; name: string; nationality: string }[];
  escorts: { id: string; name: string }[];
}

const VISIT_SELECT = `
  SELECT v.id, v.org_id AS "orgId", v.activity_id AS "activityId", v.department_id AS "departmentId",
         v.organiser_person_id AS "organiserId", o.name AS "organiserName",
         to_char(v.visit_on, 'YYYY-MM-DD') AS "visitOn", to_char(v.ends_on, 'YYYY-MM-DD') AS "endsOn",
         v.purpose, v.scope, v.route, v.key_site_ids AS "keySiteIds", v.status, v.approval_id AS "approvalId",
         v.visited_at AS "visitedAt", v.created_at AS "createdAt",
         coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'nationality', f.nationality)
                     ORDER BY f.name_sort COLLATE "C", f.id)
                     FROM foreign_visit_visitor l JOIN foreign_visitor f ON f.id = l.visitor_id
                    WHERE l.visit_id = v.id), '[]') AS visitors,
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name_sort COLLATE "C", p.id)
                     FROM foreign_visit_escort e JOIN person p ON p.id = e.person_id
                    WHERE e.visit_id = v.id), '[]') AS escorts
    FROM foreign_visit v JOIN person o ON o.id = v.organiser_person_id`;

export async function getVisit(sql: Sql, id: string, lock = false): Promise<VisitRow | null> {
  if (lock) await sql.query('SELECT id FROM foreign_visit WHERE id = $1 FOR UPDATE', [id]);
  const r = await sql.query<VisitRow>(`${VISIT_SELECT} WHERE v.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface VisitFilter {
  status?: VisitStatus;
  activityId?: string;
  visitorId?: string;
  from?: string;
  to?: string;
  keySite?: boolean;
}

const INVOLVED_VISIT = (p: string, d: string) => `(
  v.organiser_person_id = ${p} OR (${d}::uuid IS NOT NULL AND v.department_id = ${d}::uuid)
  OR EXISTS (SELECT 1 FROM foreign_visit_escort e WHERE e.visit_id = v.id AND e.person_id = ${p}))`;

export async function listVisitRows(
  sql: Sql,
  scope: ForeignReadScope,
  f: VisitFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ items: VisitRow[]; total: number }> {
  const params: unknown[] = [scope.orgId];
  const where = ['v.org_id = $1'];
  if (scope.kind === 'involved') {
    params.push(scope.personId, scope.departmentId);
    where.push(INVOLVED_VISIT(`$${params.length - 1}`, `$${params.length}`));
  }
  const add = (cond: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(cond(`$${params.length}`));
  };
  if (f.status) add((n) => `v.status = ${n}`, f.status);
  if (f.activityId) add((n) => `v.activity_id = ${n}`, f.activityId);
  if (f.visitorId)
    add(
      (n) => `EXISTS (SELECT 1 FROM foreign_visit_visitor l WHERE l.visit_id = v.id AND l.visitor_id = ${n})`,
      f.visitorId,
    );
  if (f.from) add((n) => `v.visit_on >= ${n}::date`, f.from);
  if (f.to) add((n) => `v.visit_on <= ${n}::date`, f.to);
  if (f.keySite !== undefined)
    where.push(f.keySite ? "v.key_site_ids <> '[]'::jsonb" : "v.key_site_ids = '[]'::jsonb");
  const w = where.join(' AND ');
  const total = (
    await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM foreign_visit v WHERE ${w}`, params)
  ).rows[0]!.n;
  const lim = page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ' LIMIT 10000';
  const r = await sql.query<VisitRow>(
    `${VISIT_SELECT} WHERE ${w} ORDER BY v.visit_on DESC, v.id${lim}`,
    params,
  );
  return { items: r.rows, total };
}

export async function insertVisit(
  sql: Sql,
  v: {
    orgId: string;
    activityId: string | null;
    departmentId: string | null;
    organiserId: string;
    visitOn: string;
    endsOn: string;
    purpose: string;
    scope: string;
    route: string;
    keySiteIds: string[];
    status: VisitStatus;
    visitorIds: readonly string[];
    escortIds: readonly string[];
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO foreign_visit (org_id, activity_id, department_id, organiser_person_id, visit_on, ends_on, purpose, scope, route, key_site_ids, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      v.orgId,
      v.activityId,
      v.departmentId,
      v.organiserId,
      v.visitOn,
      v.endsOn,
      v.purpose,
      v.scope,
      v.route,
      JSON.stringify(v.keySiteIds),
      v.status,
    ],
  );
  const id = r.rows[0]!.id;
  await sql.query(
    'INSERT INTO foreign_visit_visitor (visit_id, visitor_id) SELECT $1, x FROM unnest($2::uuid[]) AS x',
    [id, [...v.visitorIds]],
  );
  await sql.query(
    'INSERT INTO foreign_visit_escort (visit_id, person_id) SELECT $1, x FROM unnest($2::uuid[]) AS x',
    [id, [...v.escortIds]],
  );
  return id;
}

export async function updateVisit(
  sql: Sql,
  id: string,
  v: { status?: VisitStatus; approvalId?: string | null; visited?: boolean },
): Promise<void> {
  await sql.query(
    `UPDATE foreign_visit SET status = coalesce($2, status),
            approval_id = CASE WHEN $3::boolean THEN $4::uuid ELSE approval_id END,
            visited_at = CASE WHEN $5::boolean THEN now() ELSE visited_at END, updated_at = now() WHERE id = $1`,
    [id, v.status ?? null, v.approvalId !== undefined, v.approvalId ?? null, v.visited === true],
  );
}

/** Visits waiting for their per-visit approval (the secrecy office's and the organiser's todo). */
export async function visitsAwaitingApproval(sql: Sql, orgId: string, organiserId: string | null) {
  const r = await sql.query<{
    id: string;
    visitOn: string;
    organiserName: string;
    visitors: number;
    status: VisitStatus;
  }>(
    `SELECT v.id, to_char(v.visit_on, 'YYYY-MM-DD') AS "visitOn", o.name AS "organiserName", v.status,
            (SELECT count(*)::int FROM foreign_visit_visitor l WHERE l.visit_id = v.id) AS visitors
       FROM foreign_visit v JOIN person o ON o.id = v.organiser_person_id
      WHERE v.org_id = $1 AND v.status = 'pending'
        AND ($2::uuid IS NULL OR v.organiser_person_id = $2::uuid)
      ORDER BY v.visit_on, v.id LIMIT 200`,
    [orgId, organiserId],
  );
  return r.rows;
}

// ---- demo

export async function demoOrg(sql: Sql, name: string) {
  const r = await sql.query<{ id: string }>('SELECT id FROM org WHERE name = $1', [name]);
  return r.rows[0]?.id ?? null;
}

/** A few people of the organisation with a department, the secrecy officer first (the demo's organisers and escorts). */
export async function demoPeople(sql: Sql, orgId: string) {
  const r = await sql.query<{ id: string; departmentId: string; officer: boolean }>(
    `SELECT p.id, p.department_id AS "departmentId",
            EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'secrecy_officer') AS officer
       FROM person p WHERE p.org_id = $1 AND p.department_id IS NOT NULL
      ORDER BY 3 DESC, p.name_sort COLLATE "C", p.id LIMIT 6`,
    [orgId],
  );
  return r.rows;
}
