// raw SQL: migrations and their advisory lock.
// Versioned SQL migrations (packages/server/migrations/NNNN_name.sql), applied at start, once,
// even when several nodes start together (transaction-scoped advisory lock).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';
import { fillSortKeys } from './sortkey.ts';

export const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;
const MIGRATION_LOCK = 7_202_611; // arbitrary constant shared by every node

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return {
        version: Number(f.slice(0, 4)),
        name: f.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Applies pending migrations; refuses to start when an applied migration's file was edited. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  await db.tx(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // The server's runtime role may not create tables (db/roles.ts): only ask for it when needed.
    const { rows } = await sql.query<{ t: string | null }>(
      "SELECT to_regclass('schema_migration')::text AS t",
    );
    if (rows[0]?.t) return;
    await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: number[] = [];
  for (const m of migrations) {
    await db.tx(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await sql.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migration WHERE version = $1',
        [m.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.version}_${m.name} was changed after it was applied (checksum differs); add a new migration instead.`,
          );
        }
        return;
      }
      try {
        await sql.exec(m.sql);
      } catch (e) {
        if ((e as { code?: string }).code === '42501') {
          throw new Error(
            `迁移 ${m.version}_${m.name} 需要数据库所有者角色：请设置 BAOMI_MIGRATE_URL 或运行 baomi migrate --owner-url。 / ` +
              `Migration ${m.version}_${m.name} needs the database owner role: set BAOMI_MIGRATE_URL or run ` +
              '`baomi migrate --owner-url URL` (the server connects as a role that may not change the schema).',
          );
        }
        throw e;
      }
      await sql.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      applied.push(m.version);
    });
  }
  // Post-step: sort keys computed in JavaScript (pinyin) for rows that have none yet (0006).
  await fillSortKeys(db);
  return applied;
}

let bundled: number[] | null = null;

/**
 * Readiness (GET /api/ready): how many of this build's migrations the database has not applied
 * (0: the schema is current). One read of schema_migration; the files are read once per process.
 */
export async function pendingMigrationCount(db: Db): Promise<number> {
  bundled ??= loadMigrations().map((m) => m.version);
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM schema_migration WHERE version = ANY($1::int[])',
    [bundled],
  );
  return bundled.length - (rows[0]?.n ?? 0);
}
