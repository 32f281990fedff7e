// Every SQL statement of the personnel module's core part: key sites, posts, vettings, facts, the
// ledger (涉密人员台账) and the demo's look-ups. People, departments and the 脱密期 rows are joined
// read-only for names and the ledger's "in 脱密期" filter (personnel_cooling_off is the module's own).
// The ledger's WHERE takes the read scope from personnelReadScope (packages/domain/src/personnel/
// access.ts) through `scopeSql`, the rule compiled, never written again.
import type {
  Clearance,
  EligibilityCondition,
  KeySiteKind,
  PersonClass,
  PersonnelReadScope,
  StateSecretLevel,
  VettingResult,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { likePattern } from '../db/db.ts';

const day = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

// ---- people

export interface PersonSubjectRow {
  personId: string;
  orgId: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  position: string;
  clearance: Clearance;
  nationality: string;
}

/** The person a record is about (any organisation: the caller's verdict decides); FOR UPDATE with `lock`. */
export async function getSubject(sql: Sql, personId: string, lock = false): Promise<PersonSubjectRow | null> {
  const r = await sql.query<PersonSubjectRow>(
    `SELECT p.id AS "personId", p.org_id AS "orgId", p.department_id AS "departmentId",
            d.name AS "departmentName", p.name, p.position, p.clearance, p.nationality
       FROM person p LEFT JOIN department d ON d.id = p.department_id
      WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`,
    [personId],
  );
  return r.rows[0] ?? null;
}

export interface CandidateRow {
  id: string;
  name: string;
  departmentName: string | null;
  position: string;
  clearance: Clearance;
}

/** People of the organisation with no open post (to add a first one), by pinyin. */
export async function candidatesOf(sql: Sql, orgId: string, q: string | undefined): Promise<CandidateRow[]> {
  const params: unknown[] = [orgId];
  let search = '';
  if (q?.trim()) {
    params.push(likePattern(q.trim()));
    search = ` AND p.name ILIKE $2`;
  }
  const r = await sql.query<CandidateRow>(
    `SELECT p.id, p.name, d.name AS "departmentName", p.position, p.clearance
       FROM person p LEFT JOIN department d ON d.id = p.department_id
      WHERE p.org_id = $1${search}
        AND NOT EXISTS (SELECT 1 FROM personnel_post x WHERE x.person_id = p.id AND x.left_on IS NULL)
      ORDER BY p.name_sort COLLATE "C" NULLS LAST, p.name, p.id
      LIMIT 500`,
    params,
  );
  return r.rows;
}

// ---- key sites

export interface KeySiteRow {
  id: string;
  orgId: string;
  name: string;
  kind: KeySiteKind;
  departmentId: string;
  departmentName: string;
  level: StateSecretLevel;
  note: string;
  staffCount: number;
  updatedAt: Date;
}

const KEY_SITE_SELECT = `
  SELECT s.id, s.org_id AS "orgId", s.name, s.kind, s.department_id AS "departmentId",
         d.name AS "departmentName", s.level, s.note, s.updated_at AS "updatedAt",
         (SELECT count(DISTINCT x.person_id)::int FROM personnel_post x
           WHERE x.key_site_id = s.id AND x.left_on IS NULL) AS "staffCount"
    FROM key_site s JOIN department d ON d.id = s.department_id`;

export async function keySitesOf(sql: Sql, orgId: string): Promise<KeySiteRow[]> {
  const r = await sql.query<KeySiteRow>(`${KEY_SITE_SELECT} WHERE s.org_id = $1 ORDER BY s.name, s.id`, [
    orgId,
  ]);
  return r.rows;
}

export async function getKeySite(sql: Sql, id: string, lock = false): Promise<KeySiteRow | null> {
  const r = await sql.query<KeySiteRow>(
    `${KEY_SITE_SELECT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function departmentOrg(sql: Sql, departmentId: string): Promise<string | null> {
  const r = await sql.query<{ orgId: string }>('SELECT org_id AS "orgId" FROM department WHERE id = $1', [
    departmentId,
  ]);
  return r.rows[0]?.orgId ?? null;
}

export interface KeySiteWrite {
  name: string;
  kind: KeySiteKind;
  departmentId: string;
  level: StateSecretLevel;
  note: string;
}

export async function insertKeySite(sql: Sql, orgId: string, by: string, w: KeySiteWrite): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO key_site (org_id, name, kind, department_id, level, note, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, w.name, w.kind, w.departmentId, w.level, w.note, by],
  );
  return r.rows[0]!.id;
}

export async function updateKeySite(sql: Sql, id: string, w: KeySiteWrite): Promise<void> {
  await sql.query(
    `UPDATE key_site SET name = $2, kind = $3, department_id = $4, level = $5, note = $6, updated_at = now()
      WHERE id = $1`,
    [id, w.name, w.kind, w.departmentId, w.level, w.note],
  );
}

// ---- posts, vettings, facts

export interface PostRow {
  id: string;
  personId: string;
  name: string;
  personClass: PersonClass;
  keySiteId: string | null;
  keySiteName: string | null;
  since: string;
  leftOn: string | null;
}

const POST_SELECT = `
  SELECT x.id, x.person_id AS "personId", x.name, x.person_class AS "personClass",
         x.key_site_id AS "keySiteId", s.name AS "keySiteName", ${day('x.since')} AS since,
         ${day('x.left_on')} AS "leftOn"
    FROM personnel_post x LEFT JOIN key_site s ON s.id = x.key_site_id`;

export async function postsOf(sql: Sql, personId: string): Promise<PostRow[]> {
  const r = await sql.query<PostRow>(
    `${POST_SELECT} WHERE x.person_id = $1 ORDER BY x.left_on IS NULL DESC, x.since DESC, x.id`,
    [personId],
  );
  return r.rows;
}

export async function getPost(sql: Sql, id: string): Promise<PostRow | null> {
  const r = await sql.query<PostRow>(`${POST_SELECT} WHERE x.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function insertPost(
  sql: Sql,
  orgId: string,
  personId: string,
  by: string,
  p: { name: string; personClass: PersonClass; keySiteId: string | null; since: string },
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_post (org_id, person_id, name, person_class, key_site_id, since, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, personId, p.name, p.personClass, p.keySiteId, p.since, by],
  );
  return r.rows[0]!.id;
}

export async function updatePost(
  sql: Sql,
  id: string,
  p: { personClass: PersonClass; keySiteId: string | null },
): Promise<void> {
  await sql.query(
    'UPDATE personnel_post SET person_class = $2, key_site_id = $3, updated_at = now() WHERE id = $1',
    [id, p.personClass, p.keySiteId],
  );
}

export interface VettingRow {
  id: string;
  personId: string;
  vettedOn: string;
  result: VettingResult;
  reviewer: string;
  personClass: PersonClass;
  clearance: Exclude<Clearance, 'none'>;
  note: string;
}

const VETTING_SELECT = `
  SELECT v.id, v.person_id AS "personId", ${day('v.vetted_on')} AS "vettedOn", v.result, v.reviewer,
         v.person_class AS "personClass", v.clearance, v.note
    FROM personnel_vetting v`;

export async function vettingsOf(sql: Sql, personIds: readonly string[]): Promise<VettingRow[]> {
  if (!personIds.length) return [];
  const r = await sql.query<VettingRow>(
    `${VETTING_SELECT} WHERE v.person_id = ANY($1::uuid[]) ORDER BY v.vetted_on DESC, v.created_at DESC`,
    [personIds],
  );
  return r.rows;
}

export async function insertVetting(
  sql: Sql,
  orgId: string,
  personId: string,
  by: string,
  v: Omit<VettingRow, 'id' | 'personId'>,
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_vetting (org_id, person_id, vetted_on, result, reviewer, person_class, clearance, note,
                                    created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [orgId, personId, v.vettedOn, v.result, v.reviewer, v.personClass, v.clearance, v.note, by],
  );
  return r.rows[0]!.id;
}

export interface FactRow {
  id: string;
  personId: string;
  condition: EligibilityCondition;
  since: string;
  until: string | null;
  note: string;
}

const FACT_SELECT = `
  SELECT f.id, f.person_id AS "personId", f.condition, ${day('f.since')} AS since, ${day('f.until')} AS until,
         f.note
    FROM personnel_fact f`;

export async function factsOf(sql: Sql, personId: string): Promise<FactRow[]> {
  const r = await sql.query<FactRow>(`${FACT_SELECT} WHERE f.person_id = $1 ORDER BY f.since DESC, f.id`, [
    personId,
  ]);
  return r.rows;
}

export async function getFact(sql: Sql, id: string, lock = false): Promise<FactRow | null> {
  const r = await sql.query<FactRow>(`${FACT_SELECT} WHERE f.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function insertFact(
  sql: Sql,
  orgId: string,
  personId: string,
  by: string,
  f: Omit<FactRow, 'id' | 'personId'>,
): Promise<string> {
  const r = await sql.query<{ id: string }>(
    `INSERT INTO personnel_fact (org_id, person_id, condition, since, until, note, created_by_person_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, personId, f.condition, f.since, f.until, f.note, by],
  );
  return r.rows[0]!.id;
}

export async function endFact(sql: Sql, id: string, until: string): Promise<void> {
  await sql.query('UPDATE personnel_fact SET until = $2, updated_at = now() WHERE id = $1', [id, until]);
}

/** The last day of the person's 脱密期 still running on `today` (null: none). */
export async function coolingOffUntil(sql: Sql, personId: string, today: string): Promise<string | null> {
  const r = await sql.query<{ until: string | null }>(
    `SELECT ${day('max(end_on)')} AS until FROM personnel_cooling_off WHERE person_id = $1 AND end_on >= $2::date`,
    [personId, today],
  );
  return r.rows[0]?.until ?? null;
}

// ---- the ledger

/** personnelReadScope compiled to SQL over `person p` (the same cases as inPersonnelReadScope). */
export function scopeSql(scope: PersonnelReadScope, param: (v: unknown) => string): string {
  const org = `p.org_id = ${param(scope.orgId)}::uuid`;
  switch (scope.kind) {
    case 'all':
      return org;
    case 'department':
      return `${org} AND (p.department_id = ${param(scope.departmentId)}::uuid OR p.id = ${param(scope.personId)}::uuid)`;
    case 'self':
      return `${org} AND p.id = ${param(scope.personId)}::uuid`;
  }
}

/** What the ledger filters in SQL; the vetting state is the domain's and filters after (core.service.ts). */
export interface LedgerSqlFilter {
  q?: string;
  clearance?: Clearance;
  departmentId?: string;
  keySiteId?: string;
  coolingOff?: boolean;
  /** Only these people (e.g. short of training hours, as the training part counts them). */
  personIds?: readonly string[];
}

export interface LedgerSqlRow {
  personId: string;
  name: string;
  nameSort: string | null;
  departmentId: string | null;
  departmentName: string | null;
  departmentSort: string | null;
  clearance: Clearance;
  posts: { name: string; personClass: PersonClass; keySiteId: string | null; keySiteName: string | null }[];
  coolingOffUntil: string | null;
}

/**
 * The ledger's people: those in the reader's scope with an open post or a running 脱密期, with their
 * open posts, by pinyin of the name. Each filter is one more condition in `conds`: a later filter (培训
 * 学时不足 from the training part's table) is one more entry here.
 */
export async function ledgerRows(
  sql: Sql,
  scope: PersonnelReadScope,
  f: LedgerSqlFilter,
  today: string,
  max = 5000,
): Promise<LedgerSqlRow[]> {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const t = param(today);
  const conds = [
    scopeSql(scope, param),
    `(EXISTS (SELECT 1 FROM personnel_post x WHERE x.person_id = p.id AND x.left_on IS NULL)
      OR EXISTS (SELECT 1 FROM personnel_cooling_off c WHERE c.person_id = p.id AND c.end_on >= ${t}::date))`,
  ];
  if (f.q?.trim()) conds.push(`p.name ILIKE ${param(likePattern(f.q.trim()))}`);
  if (f.clearance) conds.push(`p.clearance = ${param(f.clearance)}`);
  if (f.departmentId) conds.push(`p.department_id = ${param(f.departmentId)}::uuid`);
  if (f.keySiteId)
    conds.push(`EXISTS (SELECT 1 FROM personnel_post x WHERE x.person_id = p.id AND x.left_on IS NULL
                          AND x.key_site_id = ${param(f.keySiteId)}::uuid)`);
  if (f.personIds) conds.push(`p.id = ANY(${param([...f.personIds])}::uuid[])`);
  if (f.coolingOff)
    conds.push(
      `EXISTS (SELECT 1 FROM personnel_cooling_off c WHERE c.person_id = p.id AND c.end_on >= ${t}::date)`,
    );
  const r = await sql.query<LedgerSqlRow>(
    `SELECT p.id AS "personId", p.name, p.name_sort AS "nameSort", p.department_id AS "departmentId",
            d.name AS "departmentName", d.name_sort AS "departmentSort", p.clearance,
            coalesce((SELECT json_agg(json_build_object('name', x.name, 'personClass', x.person_class,
                                                        'keySiteId', x.key_site_id, 'keySiteName', s.name)
                                      ORDER BY x.since, x.id)
                        FROM personnel_post x LEFT JOIN key_site s ON s.id = x.key_site_id
                       WHERE x.person_id = p.id AND x.left_on IS NULL), '[]'::json) AS posts,
            (SELECT ${day('max(c.end_on)')} FROM personnel_cooling_off c
              WHERE c.person_id = p.id AND c.end_on >= ${t}::date) AS "coolingOffUntil"
       FROM person p LEFT JOIN department d ON d.id = p.department_id
      WHERE ${conds.join(' AND ')}
      ORDER BY p.name_sort COLLATE "C" NULLS LAST, p.name, p.id
      LIMIT ${Math.max(1, Math.floor(max))}`,
    params,
  );
  return r.rows.map((x) => ({
    ...x,
    posts: typeof x.posts === 'string' ? (JSON.parse(x.posts) as LedgerSqlRow['posts']) : x.posts,
  }));
}

/** The people with an open post in an organisation, for the vetting todo (with their clearance). */
export async function classifiedOf(
  sql: Sql,
  orgId: string,
): Promise<{ personId: string; name: string; clearance: Clearance; classes: PersonClass[] }[]> {
  const r = await sql.query<{ personId: string; name: string; clearance: Clearance; classes: PersonClass[] }>(
    `SELECT p.id AS "personId", p.name, p.clearance, array_agg(x.person_class) AS classes
       FROM personnel_post x JOIN person p ON p.id = x.person_id
      WHERE x.org_id = $1 AND x.left_on IS NULL
      GROUP BY p.id, p.name, p.clearance`,
    [orgId],
  );
  return r.rows;
}

// ---- the demo

export async function demoDone(sql: Sql, key: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM setting WHERE key = $1', [key])).rowCount > 0;
}

export async function markDemoDone(sql: Sql, key: string): Promise<void> {
  await sql.query(`INSERT INTO setting (key, value) VALUES ($1, 'true') ON CONFLICT (key) DO NOTHING`, [key]);
}

export async function orgByName(sql: Sql, name: string): Promise<string | null> {
  const r = await sql.query<{ id: string }>('SELECT id FROM org WHERE name = $1', [name]);
  return r.rows[0]?.id ?? null;
}

export interface DemoPersonRow {
  personId: string;
  accountId: string | null;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  position: string;
  clearance: Clearance;
  roles: string[];
}

export async function demoPeople(sql: Sql, orgId: string): Promise<DemoPersonRow[]> {
  const r = await sql.query<DemoPersonRow>(
    `SELECT p.id AS "personId", p.account_id AS "accountId", p.name, p.department_id AS "departmentId",
            d.name AS "departmentName", p.position, p.clearance,
            coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
       FROM person p LEFT JOIN department d ON d.id = p.department_id
       LEFT JOIN person_role r ON r.person_id = p.id
      WHERE p.org_id = $1 GROUP BY p.id, d.name ORDER BY p.created_at, p.id`,
    [orgId],
  );
  return r.rows;
}

export async function demoDepartments(sql: Sql, orgId: string): Promise<{ id: string; name: string }[]> {
  return (
    await sql.query<{ id: string; name: string }>('SELECT id, name FROM department WHERE org_id = $1', [
      orgId,
    ])
  ).rows;
}

export async function adminAccount(
  sql: Sql,
  username: string,
): Promise<{ id: string; name: string; role: string } | null> {
  const r = await sql.query<{ id: string; name: string; role: string }>(
    'SELECT id, display_name AS name, admin_role AS role FROM account WHERE username = $1',
    [username],
  );
  return r.rows[0] ?? null;
}
