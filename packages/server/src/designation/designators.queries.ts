import type {
  BusinessRole,
  Designator,
  DesignatorAbsence,
  DesignatorKind,
  DesignatorRole,
} from '@baomi/domain';
import { type Insertable, sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';

export interface PersonFacts {
  id: string;
  name: string;
  orgId: string;
  roles: BusinessRole[];
}

/** A designator as listed: the statutory one (from roles) or an active appointment (a row). */
export interface DesignatorRecord {
  personId: string;
  name: string;
  orgId: string;
  kind: DesignatorKind;
  role: DesignatorRole;
  partnerPersonId: string | null;
  appointedByPersonId: string | null;
  letterRef: string | null;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
  vetted: boolean;
  appointedAt: Date | null;
}

export interface AbsenceRow {
  id: string;
  personId: string;
  orgId: string;
  reason: string;
  from: string;
  to: string;
  recordedAt: Date;
  cancelledAt: Date | null;
}

export async function getPerson(sql: Sql, id: string): Promise<PersonFacts | null> {
  const { rows } = await sql.query<PersonFacts>(
    `SELECT p.id, p.name, p.org_id AS "orgId",
            coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
       FROM person p LEFT JOIN person_role r ON r.person_id = p.id
      WHERE p.id = $1 GROUP BY p.id`,
    [id],
  );
  return rows[0] ?? null;
}

const APPOINTED_COLS = `d.person_id AS "personId", p.name, d.org_id AS "orgId", d.kind, d.role,
  d.partner_person_id AS "partnerPersonId", d.appointed_by_person_id AS "appointedByPersonId",
  d.letter_ref AS "letterRef", d.certificate_number AS "certificateNumber",
  d.certificate_valid_until::text AS "certificateValidUntil", d.vetted, d.created_at AS "appointedAt"`;

/** R-DES-04: the statutory designators of an organisation: its people holding both leader and designator. */
const STATUTORY = `SELECT p.id AS "personId", p.name, p.org_id AS "orgId", 'statutory' AS kind, 'A' AS role,
    NULL::uuid AS "partnerPersonId", NULL::uuid AS "appointedByPersonId", NULL::text AS "letterRef",
    NULL::text AS "certificateNumber", NULL::text AS "certificateValidUntil", true AS vetted,
    NULL::timestamptz AS "appointedAt"
  FROM person p
  WHERE EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'leader')
    AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = 'designator')
    AND NOT EXISTS (SELECT 1 FROM designator d WHERE d.person_id = p.id AND d.active)`;

export const listDesignators = async (sql: Sql, orgId: string) =>
  (
    await sql.query<DesignatorRecord>(
      `SELECT * FROM (
         ${STATUTORY} AND p.org_id = $1
         UNION ALL
         SELECT ${APPOINTED_COLS} FROM designator d JOIN person p ON p.id = d.person_id
          WHERE d.org_id = $1 AND d.active) x
       ORDER BY (kind = 'statutory') DESC, role, name, "personId"`,
      [orgId],
    )
  ).rows;

/** The person's designator record (active appointment first, else statutory), or null. */
export async function getDesignator(sql: Sql, personId: string): Promise<DesignatorRecord | null> {
  const appointed = await sql.query<DesignatorRecord>(
    `SELECT ${APPOINTED_COLS} FROM designator d JOIN person p ON p.id = d.person_id
      WHERE d.person_id = $1 AND d.active`,
    [personId],
  );
  if (appointed.rows[0]) return appointed.rows[0];
  const statutory = await sql.query<DesignatorRecord>(`${STATUTORY} AND p.id = $1`, [personId]);
  return statutory.rows[0] ?? null;
}

/** The domain's view of a designator record. */
export function toDomainDesignator(d: DesignatorRecord): Designator {
  return {
    personId: d.personId,
    kind: d.kind,
    role: d.role,
    vetted: d.vetted,
    ...(d.appointedByPersonId ? { appointedBy: d.appointedByPersonId } : {}),
    ...(d.letterRef ? { letterRef: d.letterRef } : {}),
    ...(d.certificateNumber && d.certificateValidUntil
      ? { certificate: { number: d.certificateNumber, validUntil: d.certificateValidUntil } }
      : {}),
    ...(d.partnerPersonId ? { partnerPersonId: d.partnerPersonId } : {}),
  };
}

const ABSENCE_COLS = `id, person_id AS "personId", org_id AS "orgId", reason, absent_from::text AS "from",
  absent_to::text AS "to", recorded_at AS "recordedAt", cancelled_at AS "cancelledAt"`;

/** Absences of these people that are not cancelled and end on or after `fromDay`. */
export const openAbsences = async (sql: Sql, personIds: readonly string[], fromDay: string) =>
  (
    await sql.query<AbsenceRow>(
      `SELECT ${ABSENCE_COLS} FROM designator_absence
        WHERE person_id = ANY($1::uuid[]) AND cancelled_at IS NULL AND absent_to >= $2
        ORDER BY absent_from, id`,
      [personIds, fromDay],
    )
  ).rows;

export const getAbsence = async (sql: Sql, id: string, lock = false) =>
  (
    await sql.query<AbsenceRow>(
      `SELECT ${ABSENCE_COLS} FROM designator_absence WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )
  ).rows[0] ?? null;

export const toDomainAbsence = (a: AbsenceRow): DesignatorAbsence => ({
  personId: a.personId,
  reason: a.reason,
  from: a.from,
  to: a.to,
});

export async function insertDesignator(sql: Sql, d: Insertable<DB['designator']>): Promise<void> {
  await kdb(sql).insertInto('designator').values(d).execute();
}

export async function insertAbsence(sql: Sql, a: Insertable<DB['designator_absence']>): Promise<string> {
  const row = await kdb(sql)
    .insertInto('designator_absence')
    .values(a)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function cancelAbsenceRow(sql: Sql, id: string, by: string | null): Promise<void> {
  await kdb(sql)
    .updateTable('designator_absence')
    .set({ cancelled_at: k<Date>`now()`, cancelled_by: by })
    .where('id', '=', id)
    .execute();
}
