import type { StateSecretLevel } from '@baomi/domain';
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface CatalogueRow {
  id: string;
  /** null: shared by every organisation. */
  orgId: string | null;
  clause: string;
  title: string;
  maxLevel: StateSecretLevel;
  indefiniteAllowed: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `id, org_id AS "orgId", clause, title, max_level AS "maxLevel",
  indefinite_allowed AS "indefiniteAllowed", active, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The organisation's own entries and the shared ones; shared first, then by clause. */
export const listCatalogue = async (sql: Sql, orgId: string, includeInactive: boolean) =>
  (
    await sql.query<CatalogueRow>(
      `SELECT ${COLS} FROM secret_catalogue_entry
        WHERE (org_id IS NULL OR org_id = $1) AND (active OR $2)
        ORDER BY org_id IS NOT NULL, clause, id`,
      [orgId, includeInactive],
    )
  ).rows;

export const getCatalogueEntry = async (sql: Sql, id: string, lock = false) =>
  (
    await sql.query<CatalogueRow>(
      `SELECT ${COLS} FROM secret_catalogue_entry WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    )
  ).rows[0] ?? null;

export async function insertCatalogueEntry(
  sql: Sql,
  e: {
    orgId: string | null;
    clause: string;
    title: string;
    maxLevel: StateSecretLevel;
    indefiniteAllowed: boolean;
    createdBy: string;
  },
): Promise<string> {
  const row = await kdb(sql)
    .insertInto('secret_catalogue_entry')
    .values({
      org_id: e.orgId,
      clause: e.clause,
      title: e.title,
      max_level: e.maxLevel,
      indefinite_allowed: e.indefiniteAllowed,
      created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCatalogueEntry(
  sql: Sql,
  id: string,
  e: {
    clause: string;
    title: string;
    maxLevel: StateSecretLevel;
    indefiniteAllowed: boolean;
    active: boolean;
  },
): Promise<void> {
  await kdb(sql)
    .updateTable('secret_catalogue_entry')
    .set({
      clause: e.clause,
      title: e.title,
      max_level: e.maxLevel,
      indefinite_allowed: e.indefiniteAllowed,
      active: e.active,
      updated_at: k`now()`,
    })
    .where('id', '=', id)
    .execute();
}
