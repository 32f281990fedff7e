import type { Grant, StateSecretLevel } from '@baomi/domain';
import { type Insertable, sql as k, type Updateable } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import type { DB } from '../db/schema.ts';

/** One row of designation_grant, dates as YYYY-MM-DD. */
export interface GrantRow {
  id: string;
  grantorOrgId: string;
  grantorName: string;
  granteeOrgId: string;
  granteeName: string;
  level: StateSecretLevel;
  scope: string;
  validFrom: string;
  validTo: string;
  reasons: string;
  letterNumber: string;
  filedWithBureauAt: string | null;
  filedWithOrgId: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  createdAt: Date;
}

const COLS = `g.id, g.grantor_org_id AS "grantorOrgId", gr.name AS "grantorName",
  g.grantee_org_id AS "granteeOrgId", ge.name AS "granteeName", g.level, g.scope,
  g.valid_from::text AS "validFrom", g.valid_to::text AS "validTo", g.reasons,
  g.letter_number AS "letterNumber", g.filed_with_bureau_at::text AS "filedWithBureauAt",
  g.filed_with_org_id AS "filedWithOrgId", g.revoked_at AS "revokedAt", g.revoke_reason AS "revokeReason",
  g.created_at AS "createdAt"`;
const FROM =
  'designation_grant g JOIN org gr ON gr.id = g.grantor_org_id JOIN org ge ON ge.id = g.grantee_org_id';

export const getGrant = async (sql: Sql, id: string, lock = false) =>
  (
    await sql.query<GrantRow>(
      `SELECT ${COLS} FROM ${FROM} WHERE g.id = $1${lock ? ' FOR UPDATE OF g' : ''}`,
      [id],
    )
  ).rows[0] ?? null;

/** Grants made or received by any of `orgIds`, newest first. */
export const listGrantsTouching = async (sql: Sql, orgIds: readonly string[]) =>
  (
    await sql.query<GrantRow>(
      `SELECT ${COLS} FROM ${FROM}
        WHERE g.grantor_org_id = ANY($1::uuid[]) OR g.grantee_org_id = ANY($1::uuid[])
        ORDER BY g.created_at DESC, g.id`,
      [orgIds],
    )
  ).rows;

/** Grants to one organisation that were not revoked: what its effective authority is built from. */
export const unrevokedGrantsTo = async (sql: Sql, orgId: string) =>
  (
    await sql.query<GrantRow>(
      `SELECT ${COLS} FROM ${FROM} WHERE g.grantee_org_id = $1 AND g.revoked_at IS NULL ORDER BY g.valid_from, g.id`,
      [orgId],
    )
  ).rows;

/**
 * The domain's view of a stored grant. `grantorWasGranted` is false: checkGrant refused, when it was
 * recorded, any grantor whose own authority was granted (不得再授权).
 */
export function toDomainGrant(g: GrantRow): Grant {
  return {
    id: g.id,
    grantorOrgId: g.grantorOrgId,
    granteeOrgId: g.granteeOrgId,
    level: g.level,
    scope: g.scope,
    from: g.validFrom,
    to: g.validTo,
    reasons: g.reasons,
    ...(g.filedWithBureauAt === null ? {} : { filedWithBureauAt: g.filedWithBureauAt }),
    grantorWasGranted: false,
  };
}

export async function insertGrant(sql: Sql, g: Insertable<DB['designation_grant']>): Promise<string> {
  const row = await kdb(sql)
    .insertInto('designation_grant')
    .values(g)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGrant(
  sql: Sql,
  id: string,
  set: Updateable<DB['designation_grant']>,
): Promise<void> {
  await kdb(sql).updateTable('designation_grant').set(set).where('id', '=', id).execute();
}

export async function revokeGrantRow(sql: Sql, id: string, by: string | null, reason: string): Promise<void> {
  await kdb(sql)
    .updateTable('designation_grant')
    .set({ revoked_at: k<Date>`now()`, revoked_by: by, revoke_reason: reason })
    .where('id', '=', id)
    .execute();
}
