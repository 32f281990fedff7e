// raw SQL: the training part's statements (sessions, attendees, major matters, assessments) and its
// reads of the core's personnel_post (who is a classified person, who is in a key site, since when).
// Every SQL statement of the part lives here.
import type {
  AspectRating,
  AssessmentResult,
  MajorMatterKind,
  MajorMatterSource,
  PersonClass,
  PersonnelReadScope,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';

/** The personnel read scope (access.ts) as a WHERE fragment over person `p`, parameters from $n. */
export function scopeWhere(scope: PersonnelReadScope, params: unknown[]): string {
  params.push(scope.orgId);
  const org = `p.org_id = $${params.length}`;
  if (scope.kind === 'all') return org;
  if (scope.kind === 'department') {
    params.push(scope.departmentId, scope.personId);
    return `${org} AND (p.department_id = $${params.length - 1} OR p.id = $${params.length})`;
  }
  params.push(scope.personId);
  return `${org} AND p.id = $${params.length}`;
}

export interface Subject {
  personId: string;
  orgId: string;
  departmentId: string | null;
  name: string;
  departmentName: string | null;
}

export async function personSubject(sql: Sql, personId: string): Promise<Subject | null> {
  const r = await sql.query<Subject>(
    `SELECT p.id AS "personId", p.org_id AS "orgId", p.department_id AS "departmentId", p.name,
            d.name AS "departmentName"
       FROM person p LEFT JOIN department d ON d.id = p.department_id WHERE p.id = $1`,
    [personId],
  );
  return r.rows[0] ?? null;
}

/** The persons of `orgId` among `ids` (attendees must be the organisation's people). */
export async function personsOfOrg(sql: Sql, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = await sql.query<{ id: string }>(
    'SELECT id FROM person WHERE org_id = $1 AND id = ANY($2::uuid[])',
    [orgId, ids],
  );
  return r.rows.map((x) => x.id);
}

export interface ClassifiedPerson {
  personId: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  /** The classes of his open posts. */
  classes: PersonClass[];
  keySite: boolean;
  /** The first year he held a classified post. */
  firstYear: number;
}

/**
 * The classified persons (an open personnel_post) the scope admits, with the classes of their open
 * posts, whether one is in a key site, and their first year in a classified post.
 */
export async function classifiedPersons(
  sql: Sql,
  scope: PersonnelReadScope,
  f: { departmentId?: string; q?: string; personIds?: readonly string[] } = {},
): Promise<ClassifiedPerson[]> {
  const params: unknown[] = [];
  let where = scopeWhere(scope, params);
  if (f.departmentId) {
    params.push(f.departmentId);
    where += ` AND p.department_id = $${params.length}`;
  }
  if (f.q?.trim()) {
    params.push(`%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where += ` AND p.name LIKE $${params.length}`;
  }
  if (f.personIds) {
    params.push(f.personIds);
    where += ` AND p.id = ANY($${params.length}::uuid[])`;
  }
  const r = await sql.query<ClassifiedPerson>(
    `SELECT p.id AS "personId", p.name, p.department_id AS "departmentId", d.name AS "departmentName",
            array_agg(DISTINCT o.person_class) AS classes,
            bool_or(o.key_site_id IS NOT NULL) AS "keySite",
            (SELECT min(extract(year FROM a.since))::int FROM personnel_post a WHERE a.person_id = p.id) AS "firstYear"
       FROM person p
       JOIN personnel_post o ON o.person_id = p.id AND o.left_on IS NULL AND o.org_id = p.org_id
       LEFT JOIN department d ON d.id = p.department_id
      WHERE ${where}
      GROUP BY p.id, d.name
      ORDER BY p.name_sort NULLS LAST, p.name, p.id`,
    params,
  );
  return r.rows;
}

export interface AttendedRow {
  personId: string;
  sessionId: string;
  topic: string;
  heldOn: string;
  hours: number;
}

/** The sessions each of `personIds` attended in `year` (all years when null). */
export async function attendedBy(
  sql: Sql,
  personIds: readonly string[],
  year: number | null,
): Promise<AttendedRow[]> {
  if (personIds.length === 0) return [];
  const r = await sql.query<AttendedRow>(
    `SELECT a.person_id AS "personId", s.id AS "sessionId", s.topic,
            to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", s.hours::float8 AS hours
       FROM personnel_training_attendee a JOIN personnel_training_session s ON s.id = a.session_id
      WHERE a.person_id = ANY($1::uuid[]) AND ($2::int IS NULL OR extract(year FROM s.held_on)::int = $2::int)
      ORDER BY s.held_on DESC, s.created_at DESC`,
    [personIds, year],
  );
  return r.rows;
}

// ---- sessions

export interface SessionRow {
  id: string;
  orgId: string;
  topic: string;
  heldOn: string;
  hours: number;
  trainer: string;
  materials: string[];
  createdByName: string;
  createdAt: Date;
  version: number;
  attendeeCount: number;
}

const SESSION_COLS = `s.id, s.org_id AS "orgId", s.topic, to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn",
  s.hours::float8 AS hours, s.trainer, s.materials, cp.name AS "createdByName", s.created_at AS "createdAt",
  s.version, (SELECT count(*)::int FROM personnel_training_attendee x WHERE x.session_id = s.id) AS "attendeeCount"`;

export async function insertSession(
  sql: Sql,
  w: {
    orgId: string;
    topic: string;
    heldOn: string;
    hours: number;
    trainer: string;
    materials: string[];
    by: string;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_training_session (org_id, topic, held_on, hours, trainer, materials, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
    [w.orgId, w.topic, w.heldOn, w.hours, w.trainer, JSON.stringify(w.materials), w.by],
  );
  return r.rows[0]!.id;
}

export async function getSession(sql: Sql, id: string, lock = false): Promise<SessionRow | null> {
  if (lock) await sql.query('SELECT 1 FROM personnel_training_session WHERE id = $1 FOR UPDATE', [id]);
  const r = await sql.query<SessionRow>(
    `SELECT ${SESSION_COLS} FROM personnel_training_session s JOIN person cp ON cp.id = s.created_by_person_id
      WHERE s.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function updateSession(
  sql: Sql,
  id: string,
  w: { topic: string; heldOn: string; hours: number; trainer: string; materials: string[] },
): Promise<void> {
  await sql.query(
    `UPDATE personnel_training_session SET topic = $2, held_on = $3, hours = $4, trainer = $5,
            materials = $6::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
    [id, w.topic, w.heldOn, w.hours, w.trainer, JSON.stringify(w.materials)],
  );
}

export async function bumpSession(sql: Sql, id: string): Promise<void> {
  await sql.query(
    'UPDATE personnel_training_session SET updated_at = now(), version = version + 1 WHERE id = $1',
    [id],
  );
}

export async function sessionAttendees(
  sql: Sql,
  sessionIds: readonly string[],
): Promise<{ sessionId: string; personId: string; name: string; departmentName: string | null }[]> {
  if (sessionIds.length === 0) return [];
  const r = await sql.query<{
    sessionId: string;
    personId: string;
    name: string;
    departmentName: string | null;
  }>(
    `SELECT a.session_id AS "sessionId", p.id AS "personId", p.name, d.name AS "departmentName"
       FROM personnel_training_attendee a JOIN person p ON p.id = a.person_id
       LEFT JOIN department d ON d.id = p.department_id
      WHERE a.session_id = ANY($1::uuid[]) ORDER BY p.name_sort NULLS LAST, p.name`,
    [sessionIds],
  );
  return r.rows;
}

/** Replaces the attendees; returns who was added and who removed. */
export async function setAttendees(
  sql: Sql,
  sessionId: string,
  personIds: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const before = (
    await sql.query<{ personId: string }>(
      'SELECT person_id AS "personId" FROM personnel_training_attendee WHERE session_id = $1',
      [sessionId],
    )
  ).rows.map((r) => r.personId);
  const removed = before.filter((x) => !personIds.includes(x));
  const added = personIds.filter((x) => !before.includes(x));
  if (removed.length)
    await sql.query(
      'DELETE FROM personnel_training_attendee WHERE session_id = $1 AND person_id = ANY($2::uuid[])',
      [sessionId, removed],
    );
  if (added.length)
    await sql.query(
      `INSERT INTO personnel_training_attendee (session_id, person_id)
       SELECT $1, x FROM unnest($2::uuid[]) AS x ON CONFLICT DO NOTHING`,
      [sessionId, added],
    );
  return { added, removed };
}

export async function listSessions(
  sql: Sql,
  orgId: string,
  f: { year?: number; q?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: SessionRow[]; total: number }> {
  const params: unknown[] = [orgId];
  let where = 's.org_id = $1';
  if (f.year) {
    params.push(f.year);
    where += ` AND extract(year FROM s.held_on)::int = $${params.length}`;
  }
  if (f.q?.trim()) {
    params.push(`%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where += ` AND (s.topic LIKE $${params.length} OR s.trainer LIKE $${params.length})`;
  }
  const total = (
    await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM personnel_training_session s WHERE ${where}`,
      params,
    )
  ).rows[0]!.n;
  params.push(page.limit, page.offset);
  const rows = (
    await sql.query<SessionRow>(
      `SELECT ${SESSION_COLS} FROM personnel_training_session s JOIN person cp ON cp.id = s.created_by_person_id
        WHERE ${where} ORDER BY s.held_on DESC, s.created_at DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

// ---- major matters

export interface MatterRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  departmentName: string | null;
  kind: MajorMatterKind;
  source: MajorMatterSource;
  occurredOn: string;
  description: string;
  status: 'pending' | 'reviewed';
  reportedByName: string;
  reportedAt: Date;
  opinion: string | null;
  measures: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  changedClassFrom: PersonClass | null;
  changedClassTo: PersonClass | null;
  changedOn: string | null;
}

const MATTER_FROM = `FROM personnel_matter m JOIN person p ON p.id = m.person_id
  LEFT JOIN department d ON d.id = p.department_id
  JOIN person rp ON rp.id = m.reported_by_person_id
  LEFT JOIN person vp ON vp.id = m.reviewed_by_person_id`;
const MATTER_COLS = `m.id, m.org_id AS "orgId", m.person_id AS "personId", p.name AS "personName",
  p.department_id AS "departmentId", d.name AS "departmentName", m.kind, m.source,
  to_char(m.occurred_on, 'YYYY-MM-DD') AS "occurredOn", m.description, m.status,
  rp.name AS "reportedByName", m.reported_at AS "reportedAt", m.opinion, m.measures,
  vp.name AS "reviewedByName", m.reviewed_at AS "reviewedAt", m.changed_class_from AS "changedClassFrom",
  m.changed_class_to AS "changedClassTo", to_char(m.changed_on, 'YYYY-MM-DD') AS "changedOn"`;

export async function insertMatter(
  sql: Sql,
  w: {
    orgId: string;
    personId: string;
    kind: MajorMatterKind;
    source: MajorMatterSource;
    occurredOn: string;
    description: string;
    by: string;
    exitApplicationId?: string | null;
    reviewed?: { opinion: string } | null;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_matter (org_id, person_id, kind, source, occurred_on, description,
            reported_by_person_id, exit_application_id, status, opinion, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $9 = 'reviewed' THEN now() END) RETURNING id`,
    [
      w.orgId,
      w.personId,
      w.kind,
      w.source,
      w.occurredOn,
      w.description,
      w.by,
      w.exitApplicationId ?? null,
      w.reviewed ? 'reviewed' : 'pending',
      w.reviewed?.opinion ?? null,
    ],
  );
  return r.rows[0]!.id;
}

export async function matterByExitApplication(sql: Sql, exitApplicationId: string): Promise<string | null> {
  const r = await sql.query<{ id: string }>(
    'SELECT id FROM personnel_matter WHERE exit_application_id = $1',
    [exitApplicationId],
  );
  return r.rows[0]?.id ?? null;
}

export async function getMatter(sql: Sql, id: string): Promise<MatterRow | null> {
  const r = await sql.query<MatterRow>(`SELECT ${MATTER_COLS} ${MATTER_FROM} WHERE m.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Marks a pending matter reviewed; false when it is no longer pending (someone reviewed it first). */
export async function reviewMatterRow(
  sql: Sql,
  id: string,
  w: {
    opinion: string;
    measures: string;
    by: string;
    postId: string | null;
    from: PersonClass | null;
    to: PersonClass | null;
    on: string | null;
  },
): Promise<boolean> {
  const r = await sql.query(
    `UPDATE personnel_matter SET status = 'reviewed', opinion = $2, measures = $3, reviewed_by_person_id = $4,
            reviewed_at = now(), post_id = $5, changed_class_from = $6, changed_class_to = $7, changed_on = $8
      WHERE id = $1 AND status = 'pending'`,
    [id, w.opinion, w.measures, w.by, w.postId, w.from, w.to, w.on],
  );
  return r.rowCount > 0;
}

export async function listMatters(
  sql: Sql,
  scope: PersonnelReadScope,
  f: { status?: string; kind?: string; personId?: string },
  page: { limit: number; offset: number },
): Promise<{ rows: MatterRow[]; total: number }> {
  const params: unknown[] = [];
  let where = scopeWhere(scope, params);
  for (const [col, v] of [
    ['m.status', f.status],
    ['m.kind', f.kind],
    ['m.person_id', f.personId],
  ] as const) {
    if (!v) continue;
    params.push(v);
    where += ` AND ${col} = $${params.length}`;
  }
  const total = (
    await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${MATTER_FROM} WHERE ${where}`, params)
  ).rows[0]!.n;
  params.push(page.limit, page.offset);
  const rows = (
    await sql.query<MatterRow>(
      `SELECT ${MATTER_COLS} ${MATTER_FROM} WHERE ${where}
        ORDER BY (m.status = 'pending') DESC, m.reported_at DESC, m.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

export async function mattersOfPerson(sql: Sql, personId: string): Promise<MatterRow[]> {
  return (
    await sql.query<MatterRow>(
      `SELECT ${MATTER_COLS} ${MATTER_FROM} WHERE m.person_id = $1 ORDER BY m.occurred_on DESC, m.reported_at DESC`,
      [personId],
    )
  ).rows;
}

export async function pendingMatters(
  sql: Sql,
  orgId: string,
): Promise<{ id: string; personName: string; kind: MajorMatterKind; reportedAt: Date }[]> {
  return (
    await sql.query<{ id: string; personName: string; kind: MajorMatterKind; reportedAt: Date }>(
      `SELECT m.id, p.name AS "personName", m.kind, m.reported_at AS "reportedAt"
         FROM personnel_matter m JOIN person p ON p.id = m.person_id
        WHERE m.org_id = $1 AND m.status = 'pending' ORDER BY m.reported_at`,
      [orgId],
    )
  ).rows;
}

export interface PostRow {
  id: string;
  name: string;
  personClass: PersonClass;
  since: string;
  leftOn: string | null;
  keySiteId: string | null;
}

export async function postsOf(sql: Sql, personId: string, lock = false): Promise<PostRow[]> {
  return (
    await sql.query<PostRow>(
      `SELECT id, name, person_class AS "personClass", to_char(since, 'YYYY-MM-DD') AS since,
              to_char(left_on, 'YYYY-MM-DD') AS "leftOn", key_site_id AS "keySiteId"
         FROM personnel_post WHERE person_id = $1 ORDER BY since, id${lock ? ' FOR UPDATE' : ''}`,
      [personId],
    )
  ).rows;
}

export async function setPostClass(sql: Sql, postId: string, cls: PersonClass): Promise<void> {
  await sql.query('UPDATE personnel_post SET person_class = $2, updated_at = now() WHERE id = $1', [
    postId,
    cls,
  ]);
}

// ---- assessments

export interface AssessmentRowDb {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  year: number;
  discipline: AspectRating;
  duties: AspectRating;
  training: AspectRating;
  result: AssessmentResult;
  comment: string;
  assessedByName: string;
  assessedOn: string;
}

const ASSESSMENT_SELECT = `SELECT a.id, a.org_id AS "orgId", a.person_id AS "personId", p.name AS "personName",
  a.year, a.discipline, a.duties, a.training, a.result, a.comment, ap.name AS "assessedByName",
  to_char(a.assessed_on, 'YYYY-MM-DD') AS "assessedOn"
  FROM personnel_assessment a JOIN person p ON p.id = a.person_id JOIN person ap ON ap.id = a.assessed_by_person_id`;

export async function insertAssessment(
  sql: Sql,
  w: {
    orgId: string;
    personId: string;
    year: number;
    discipline: AspectRating;
    duties: AspectRating;
    training: AspectRating;
    result: AssessmentResult;
    comment: string;
    by: string;
    on: string;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_assessment (org_id, person_id, year, discipline, duties, training, result, comment,
            assessed_by_person_id, assessed_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [w.orgId, w.personId, w.year, w.discipline, w.duties, w.training, w.result, w.comment, w.by, w.on],
  );
  return r.rows[0]!.id;
}

export async function getAssessment(sql: Sql, id: string): Promise<AssessmentRowDb | null> {
  return (await sql.query<AssessmentRowDb>(`${ASSESSMENT_SELECT} WHERE a.id = $1`, [id])).rows[0] ?? null;
}

export async function assessmentsOf(
  sql: Sql,
  personIds: readonly string[],
  year: number | null,
): Promise<AssessmentRowDb[]> {
  if (personIds.length === 0) return [];
  return (
    await sql.query<AssessmentRowDb>(
      `${ASSESSMENT_SELECT} WHERE a.person_id = ANY($1::uuid[]) AND ($2::int IS NULL OR a.year = $2::int)
        ORDER BY a.year DESC`,
      [personIds, year],
    )
  ).rows;
}

/** Each classified person's posts (since/left) and assessed years, for assessmentsDue (R-PER-07). */
export async function assessmentFacts(
  sql: Sql,
  orgId: string,
): Promise<{ personId: string; posts: { since: string; leftOn: string | null }[]; assessed: number[] }[]> {
  return (
    await sql.query<{
      personId: string;
      posts: { since: string; leftOn: string | null }[];
      assessed: number[];
    }>(
      `SELECT p.id AS "personId",
              json_agg(json_build_object('since', to_char(o.since, 'YYYY-MM-DD'), 'leftOn', to_char(o.left_on, 'YYYY-MM-DD'))) AS posts,
              coalesce((SELECT array_agg(a.year) FROM personnel_assessment a WHERE a.person_id = p.id), '{}') AS assessed
         FROM person p JOIN personnel_post o ON o.person_id = p.id AND o.org_id = p.org_id
        WHERE p.org_id = $1 AND EXISTS (SELECT 1 FROM personnel_post x WHERE x.person_id = p.id AND x.left_on IS NULL)
        GROUP BY p.id`,
      [orgId],
    )
  ).rows;
}

// ---- demo

export async function demoContext(sql: Sql): Promise<{
  orgId: string;
  officer: { personId: string; accountId: string | null; name: string; departmentId: string | null } | null;
  persons: {
    personId: string;
    accountId: string | null;
    name: string;
    departmentId: string | null;
    keySite: boolean;
    firstYear: number;
  }[];
  hasSessions: boolean;
} | null> {
  const org = (await sql.query<{ id: string }>(`SELECT id FROM org WHERE name = '江临市发展和改革委员会'`))
    .rows[0];
  if (!org) return null;
  const officer =
    (
      await sql.query<{
        personId: string;
        accountId: string | null;
        name: string;
        departmentId: string | null;
      }>(
        `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.department_id AS "departmentId"
           FROM person p JOIN person_role r ON r.person_id = p.id AND r.role = 'secrecy_officer'
          WHERE p.org_id = $1 ORDER BY p.created_at, p.id LIMIT 1`,
        [org.id],
      )
    ).rows[0] ?? null;
  const persons = (
    await sql.query<{
      personId: string;
      accountId: string | null;
      name: string;
      departmentId: string | null;
      keySite: boolean;
      firstYear: number;
    }>(
      `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.department_id AS "departmentId",
              bool_or(o.key_site_id IS NOT NULL) AS "keySite",
              (SELECT min(extract(year FROM a.since))::int FROM personnel_post a WHERE a.person_id = p.id) AS "firstYear"
         FROM person p JOIN personnel_post o ON o.person_id = p.id AND o.left_on IS NULL
        WHERE p.org_id = $1 GROUP BY p.id ORDER BY p.created_at, p.id`,
      [org.id],
    )
  ).rows;
  const hasSessions =
    (await sql.query('SELECT 1 FROM personnel_training_session WHERE org_id = $1 LIMIT 1', [org.id]))
      .rowCount > 0;
  return { orgId: org.id, officer, persons, hasSessions };
}

/** An organisation's name (the assessment sheet's header). */
export async function orgName(sql: Sql, orgId: string): Promise<string> {
  return (
    (await sql.query<{ name: string }>('SELECT name FROM org WHERE id = $1', [orgId])).rows[0]?.name ?? ''
  );
}
