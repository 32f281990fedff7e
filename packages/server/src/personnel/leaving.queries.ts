// SQL of the personnel part "leaving": the signed commitments, the leavings and their checklist, the
// 脱密期 rows (personnel_cooling_off), and the core tables it reads (personnel_post, key sites through
// key_site_id) with the platform's person/department/org for names. Read scopes are compiled here from
// the domain's personnelReadScope (access.ts), never written again.
import type { PersonClass, PersonnelReadScope, PlainDate } from '@baomi/domain';
import type { Sql } from '../db/db.ts';

/** The person a record is about, with the names the forms print. */
export interface SubjectRow {
  personId: string;
  orgId: string;
  departmentId: string | null;
  name: string;
  departmentName: string | null;
  orgName: string;
  position: string;
}

export async function subjectOf(sql: Sql, personId: string): Promise<SubjectRow | null> {
  const r = await sql.query<SubjectRow>(
    `SELECT p.id AS "personId", p.org_id AS "orgId", p.department_id AS "departmentId", p.name,
            d.name AS "departmentName", o.name AS "orgName", p.position
       FROM person p JOIN org o ON o.id = p.org_id LEFT JOIN department d ON d.id = p.department_id
      WHERE p.id = $1`,
    [personId],
  );
  return r.rows[0] ?? null;
}

export interface PostRow {
  id: string;
  personId: string;
  orgId: string;
  name: string;
  personClass: PersonClass;
  keySite: boolean;
  since: PlainDate;
  leftOn: PlainDate | null;
  leaving: boolean;
}

const POST_COLUMNS = `pp.id, pp.person_id AS "personId", pp.org_id AS "orgId", pp.name,
  pp.person_class AS "personClass", (pp.key_site_id IS NOT NULL) AS "keySite", pp.since,
  pp.left_on AS "leftOn", EXISTS (SELECT 1 FROM personnel_leaving l WHERE l.post_id = pp.id) AS leaving`;

export async function postsOf(sql: Sql, personId: string): Promise<PostRow[]> {
  const r = await sql.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM personnel_post pp WHERE pp.person_id = $1 ORDER BY pp.since, pp.id`,
    [personId],
  );
  return r.rows;
}

export async function postById(sql: Sql, postId: string): Promise<PostRow | null> {
  const r = await sql.query<PostRow>(`SELECT ${POST_COLUMNS} FROM personnel_post pp WHERE pp.id = $1`, [
    postId,
  ]);
  return r.rows[0] ?? null;
}

/** The posts of an organisation's people (the todo provider and the demo), open or being left. */
export async function postsOfOrg(
  sql: Sql,
  orgId: string,
  personIds: readonly string[] | null,
): Promise<PostRow[]> {
  const r = await sql.query<PostRow>(
    `SELECT ${POST_COLUMNS} FROM personnel_post pp
      WHERE pp.org_id = $1 AND ($2::uuid[] IS NULL OR pp.person_id = ANY($2::uuid[]))
      ORDER BY pp.person_id, pp.since`,
    [orgId, personIds],
  );
  return r.rows;
}

export interface CommitmentRow {
  id: string;
  personId: string;
  kind: 'on_post' | 'yearly' | 'exit' | 'responsibility_letter';
  postId: string | null;
  postName: string | null;
  year: number | null;
  signedOn: PlainDate;
  note: string;
  createdAt: Date;
}

const COMMITMENT_COLUMNS = `c.id, c.person_id AS "personId", c.kind, c.post_id AS "postId", pp.name AS "postName",
  c.year, c.signed_on AS "signedOn", c.note, c.created_at AS "createdAt"`;

export async function commitmentsOf(sql: Sql, personIds: readonly string[]): Promise<CommitmentRow[]> {
  const r = await sql.query<CommitmentRow>(
    `SELECT ${COMMITMENT_COLUMNS} FROM personnel_commitment c LEFT JOIN personnel_post pp ON pp.id = c.post_id
      WHERE c.person_id = ANY($1::uuid[]) ORDER BY c.signed_on DESC, c.created_at DESC`,
    [personIds],
  );
  return r.rows;
}

/** The same commitment registered before (per post and kind, or the person's year). */
export async function sameCommitment(
  sql: Sql,
  personId: string,
  kind: string,
  postId: string | null,
  year: number | null,
): Promise<CommitmentRow | null> {
  const r = await sql.query<CommitmentRow>(
    `SELECT ${COMMITMENT_COLUMNS} FROM personnel_commitment c LEFT JOIN personnel_post pp ON pp.id = c.post_id
      WHERE c.person_id = $1 AND c.kind = $2
        AND (($2 = 'yearly' AND c.year = $4) OR ($2 <> 'yearly' AND c.post_id = $3))`,
    [personId, kind, postId, year],
  );
  return r.rows[0] ?? null;
}

export async function insertCommitment(
  sql: Sql,
  v: {
    orgId: string;
    personId: string;
    kind: string;
    postId: string | null;
    year: number | null;
    signedOn: PlainDate;
    note: string;
    by: string;
  },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_commitment (org_id, person_id, kind, post_id, year, signed_on, note, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [v.orgId, v.personId, v.kind, v.postId, v.year, v.signedOn, v.note, v.by],
  );
  return r.rows[0]!.id;
}

// ---- leavings ----

export interface LeavingDbRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentId: string | null;
  departmentName: string | null;
  postId: string;
  postName: string;
  personClass: PersonClass;
  postSince: PlainDate;
  startedOn: PlainDate;
  reason: string;
  reminderTalkOn: PlainDate | null;
  reminderTalkBy: string;
  devicesNotReturned: number | null;
  accessRevokedOn: PlainDate | null;
  status: 'open' | 'approved';
  approvedOn: PlainDate | null;
  approverName: string | null;
  coolingOffMonths: number | null;
  coolingOffStart: PlainDate | null;
  coolingOffEnd: PlainDate | null;
  exitCommitmentSignedOn: PlainDate | null;
}

const LEAVING_SELECT = `SELECT l.id, l.org_id AS "orgId", l.person_id AS "personId", p.name AS "personName",
    p.department_id AS "departmentId", d.name AS "departmentName", l.post_id AS "postId", pp.name AS "postName",
    pp.person_class AS "personClass", pp.since AS "postSince", l.started_on AS "startedOn", l.reason,
    l.reminder_talk_on AS "reminderTalkOn", l.reminder_talk_by AS "reminderTalkBy",
    l.devices_not_returned AS "devicesNotReturned", l.access_revoked_on AS "accessRevokedOn", l.status,
    l.approved_on AS "approvedOn", l.approver_name AS "approverName",
    COALESCE(co.months, l.cooling_off_months) AS "coolingOffMonths", co.start_on AS "coolingOffStart",
    co.end_on AS "coolingOffEnd",
    (SELECT c.signed_on FROM personnel_commitment c WHERE c.post_id = l.post_id AND c.kind = 'exit') AS "exitCommitmentSignedOn"
  FROM personnel_leaving l
  JOIN person p ON p.id = l.person_id
  LEFT JOIN department d ON d.id = p.department_id
  JOIN personnel_post pp ON pp.id = l.post_id
  LEFT JOIN personnel_cooling_off co ON co.post_id = l.post_id`;

export async function getLeaving(sql: Sql, id: string, forUpdate = false): Promise<LeavingDbRow | null> {
  if (forUpdate) await sql.query('SELECT id FROM personnel_leaving WHERE id = $1 FOR UPDATE', [id]);
  const r = await sql.query<LeavingDbRow>(`${LEAVING_SELECT} WHERE l.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function leavingOfPost(sql: Sql, postId: string): Promise<{ id: string } | null> {
  const r = await sql.query<{ id: string }>('SELECT id FROM personnel_leaving WHERE post_id = $1', [postId]);
  return r.rows[0] ?? null;
}

/** The read scope as a WHERE fragment over person `p` (params appended to `params`). */
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

export async function listLeavings(
  sql: Sql,
  scope: PersonnelReadScope,
  f: { status?: string; personId?: string; q?: string },
  page: { limit: number; offset: number },
): Promise<{ items: LeavingDbRow[]; total: number }> {
  const params: unknown[] = [];
  const where = [scopeWhere(scope, params)];
  if (f.status) {
    params.push(f.status);
    where.push(`l.status = $${params.length}`);
  }
  if (f.personId) {
    params.push(f.personId);
    where.push(`l.person_id = $${params.length}`);
  }
  if (f.q?.trim()) {
    params.push(`%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.name ILIKE $${params.length} OR pp.name ILIKE $${params.length})`);
  }
  const w = where.join(' AND ');
  const total = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM personnel_leaving l JOIN person p ON p.id = l.person_id
       JOIN personnel_post pp ON pp.id = l.post_id WHERE ${w}`,
    params,
  );
  params.push(page.limit, page.offset);
  const r = await sql.query<LeavingDbRow>(
    `${LEAVING_SELECT} WHERE ${w} ORDER BY (l.status = 'open') DESC, l.started_on DESC, l.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: r.rows, total: total.rows[0]!.n };
}

export async function insertLeaving(
  sql: Sql,
  v: { orgId: string; personId: string; postId: string; startedOn: PlainDate; reason: string; by: string },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_leaving (org_id, person_id, post_id, started_on, reason, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.orgId, v.personId, v.postId, v.startedOn, v.reason, v.by],
  );
  return r.rows[0]!.id;
}

export async function setReminderTalk(sql: Sql, id: string, on: PlainDate, by: string): Promise<void> {
  await sql.query(
    'UPDATE personnel_leaving SET reminder_talk_on = $2, reminder_talk_by = $3, updated_at = now() WHERE id = $1',
    [id, on, by],
  );
}
export async function setDevicesNotReturned(sql: Sql, id: string, n: number): Promise<void> {
  await sql.query(
    'UPDATE personnel_leaving SET devices_not_returned = $2, updated_at = now() WHERE id = $1',
    [id, n],
  );
}
export async function setAccessRevoked(sql: Sql, id: string, on: PlainDate): Promise<void> {
  await sql.query('UPDATE personnel_leaving SET access_revoked_on = $2, updated_at = now() WHERE id = $1', [
    id,
    on,
  ]);
}

export async function markApproved(
  sql: Sql,
  id: string,
  v: { approvedOn: PlainDate; approverName: string; by: string; months: number | null },
): Promise<void> {
  await sql.query(
    `UPDATE personnel_leaving SET status = 'approved', approved_on = $2, approver_name = $3,
       approved_by_person_id = $4, cooling_off_months = $5, updated_at = now() WHERE id = $1`,
    [id, v.approvedOn, v.approverName, v.by, v.months],
  );
}

export async function closePost(sql: Sql, postId: string, leftOn: PlainDate): Promise<void> {
  await sql.query('UPDATE personnel_post SET left_on = $2, updated_at = now() WHERE id = $1', [
    postId,
    leftOn,
  ]);
}

// ---- 脱密期 (personnel_cooling_off) ----

export interface CoolingOffDbRow {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  departmentName: string | null;
  postId: string;
  postName: string;
  start: PlainDate;
  end: PlainDate;
  months: number;
  personClass: PersonClass;
}

const COOLING_SELECT = `SELECT co.id, co.org_id AS "orgId", co.person_id AS "personId", p.name AS "personName",
    d.name AS "departmentName", co.post_id AS "postId", pp.name AS "postName", co.start_on AS start,
    co.end_on AS "end", co.months, co.person_class AS "personClass"
  FROM personnel_cooling_off co JOIN person p ON p.id = co.person_id
  LEFT JOIN department d ON d.id = p.department_id JOIN personnel_post pp ON pp.id = co.post_id`;

export async function insertCoolingOff(
  sql: Sql,
  v: {
    orgId: string;
    personId: string;
    postId: string;
    start: PlainDate;
    end: PlainDate;
    months: number;
    personClass: PersonClass;
    by: string;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO personnel_cooling_off (org_id, person_id, post_id, start_on, end_on, months, person_class, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [v.orgId, v.personId, v.postId, v.start, v.end, v.months, v.personClass, v.by],
  );
}

export async function coolingOffOfPerson(
  sql: Sql,
  personId: string,
  forUpdate = false,
): Promise<CoolingOffDbRow[]> {
  if (forUpdate)
    await sql.query('SELECT id FROM personnel_cooling_off WHERE person_id = $1 FOR UPDATE', [personId]);
  const r = await sql.query<CoolingOffDbRow>(
    `${COOLING_SELECT} WHERE co.person_id = $1 ORDER BY co.start_on`,
    [personId],
  );
  return r.rows;
}

export async function updateCoolingOff(
  sql: Sql,
  id: string,
  v: { end: PlainDate; months: number; personClass: PersonClass },
): Promise<void> {
  await sql.query(
    'UPDATE personnel_cooling_off SET end_on = $2, months = $3, person_class = $4, updated_at = now() WHERE id = $1',
    [id, v.end, v.months, v.personClass],
  );
}

/** Every 脱密期 row in the scope that has not ended by `today` (the watch list picks one per person). */
export async function coolingOffInScope(
  sql: Sql,
  scope: PersonnelReadScope,
  today: PlainDate,
  f: { personClass?: string; q?: string; personId?: string },
): Promise<CoolingOffDbRow[]> {
  const params: unknown[] = [];
  const where = [scopeWhere(scope, params)];
  params.push(today);
  where.push(`co.end_on >= $${params.length} AND co.start_on <= $${params.length}`);
  if (f.personId) {
    params.push(f.personId);
    where.push(`co.person_id = $${params.length}`);
  }
  if (f.q?.trim()) {
    params.push(`%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(p.name ILIKE $${params.length} OR pp.name ILIKE $${params.length})`);
  }
  const r = await sql.query<CoolingOffDbRow>(
    `${COOLING_SELECT} WHERE ${where.join(' AND ')} LIMIT 20000`,
    params,
  );
  return r.rows;
}

// ---- the demo ----

/** People of the organisation named `orgName` with an open classified post, oldest post first. */
export async function demoCandidates(
  sql: Sql,
  orgName: string,
): Promise<
  {
    personId: string;
    name: string;
    orgId: string;
    postId: string;
    since: PlainDate;
    officerId: string | null;
  }[]
> {
  const r = await sql.query<{
    personId: string;
    name: string;
    orgId: string;
    postId: string;
    since: PlainDate;
    officerId: string | null;
  }>(
    `SELECT pp.person_id AS "personId", pe.name, pp.org_id AS "orgId", pp.id AS "postId", pp.since,
            (SELECT pr.person_id FROM person_role pr JOIN person x ON x.id = pr.person_id
              WHERE x.org_id = o.id AND pr.role = 'secrecy_officer' ORDER BY x.name LIMIT 1) AS "officerId"
       FROM personnel_post pp JOIN org o ON o.id = pp.org_id JOIN person pe ON pe.id = pp.person_id
      WHERE o.name = $1 AND pp.left_on IS NULL
      ORDER BY pp.since, pp.id`,
    [orgName],
  );
  return r.rows;
}

export async function anyLeavingInOrg(sql: Sql, orgId: string): Promise<boolean> {
  const r = await sql.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM personnel_leaving WHERE org_id = $1)::int
          + (SELECT count(*) FROM personnel_commitment WHERE org_id = $1)::int AS n`,
    [orgId],
  );
  return r.rows[0]!.n > 0;
}

export async function namesOf(sql: Sql, personIds: readonly string[]): Promise<Map<string, string>> {
  const r = await sql.query<{ id: string; name: string }>(
    'SELECT id, name FROM person WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** Open leavings of an organisation (the officer's todos). */
export async function openLeavings(sql: Sql, orgId: string): Promise<LeavingDbRow[]> {
  const r = await sql.query<LeavingDbRow>(
    `${LEAVING_SELECT} WHERE l.org_id = $1 AND l.status = 'open' ORDER BY l.started_on LIMIT 200`,
    [orgId],
  );
  return r.rows;
}

export async function leavingsOfPerson(sql: Sql, personId: string): Promise<LeavingDbRow[]> {
  const r = await sql.query<LeavingDbRow>(`${LEAVING_SELECT} WHERE l.person_id = $1 ORDER BY l.started_on`, [
    personId,
  ]);
  return r.rows;
}
