// Starting Baomi: open the database, migrate, create the three administrators on first start, serve.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdminRole } from '@baomi/domain';
import { bootstrapAdministrators } from './accounts/service.ts';
import { fileSecretKey } from './auth/secret-key.ts';
import { type Db, openDb, type Sql } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { checkRuntimeRole, grantRuntimeRole, roleProblem } from './db/roles.ts';
import { seedFromTemplate } from './db/template.ts';
import { seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { startScheduler } from './jobs/runner.ts';
import { installModules, jobsOf } from './kit/install.ts';
import { MODULES } from './modules.ts';
import { getFlag, setFlag } from './settings/service.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface StartOptions {
  port?: number;
  host?: string;
  /** Embedded database directory (default ./data); ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL: the owner role's URL for migrations (BAOMI_MIGRATE_URL); see db/roles.ts. */
  migrateUrl?: string;
  /** PostgreSQL: start even when the server's role is a superuser or owns the audit tables (development only). */
  allowOwnerRole?: boolean;
  demo?: boolean;
  log?: boolean;
  trustProxy?: false | string[];
  loginRate?: { max: number; windowSeconds: number };
  /** Run background jobs (default true). */
  jobs?: boolean;
  webDist?: string | null;
  /** WebAuthn relying party origin (default BAOMI_ORIGIN; else the origin each request came to). */
  origin?: string;
  /** The TOTP clock, for in-process tests only (never from env or CLI); default Date.now. */
  totpClock?: () => number;
}

export interface Bootstrap {
  username: string;
  password: string;
  role: AdminRole;
}

export interface Started {
  url: string;
  db: Db;
  close(): Promise<void>;
  bootstrap: Bootstrap[] | null;
  demoAccounts: { username: string; password: string; role: string }[] | null;
}

/**
 * Demo mode seeds sample records and gives the three administrators the published demo password,
 * so it runs only on a database created as a demo database (by a first start with --demo); pointed at
 * any other database it refuses, and a real installation can never acquire the published password.
 * Databases seeded as demos before the origin was recorded carry the `demo` flag and are accepted.
 */
export async function requireDemoDatabase(sql: Sql): Promise<void> {
  const origin = await getFlag(sql, 'database_origin');
  if (origin === 'demo' || (origin === null && (await getFlag(sql, 'demo')) === true)) return;
  throw new Error(
    '演示模式只能用于以演示模式创建的数据库：该数据库不是演示数据库，已拒绝启动（不会写入演示数据或重置管理员密码）。' +
      '请使用单独的数据目录（默认 ./data-demo，或 BAOMI_DATA_DIR）或单独的数据库。\n' +
      'Demo mode runs only on a database created as a demo database: this one is not, so Baomi refused to ' +
      'start (no demo data was written and no administrator password was reset). Use a separate data ' +
      'directory (./data-demo by default, or BAOMI_DATA_DIR) or a separate database.',
  );
}

export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.BAOMI_DATA_DIR ?? 'data');
}

/**
 * Opens the database and applies pending migrations. On PostgreSQL with an owner URL
 * (BAOMI_MIGRATE_URL or `migrateUrl`), the migrations run as the owner, which then grants the runtime
 * role (the user of DATABASE_URL) its least privileges (db/roles.ts); the returned database is the
 * runtime connection.
 */
export async function openAndMigrate(opts: {
  dataDir?: string;
  databaseUrl?: string;
  migrateUrl?: string;
}): Promise<Db> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const migrateUrl = opts.migrateUrl ?? process.env.BAOMI_MIGRATE_URL;
  const pgDir = join(resolveDataDir(opts.dataDir), 'pg');
  // A first start on an empty data directory copies the prepared template instead of running initdb.
  if (!databaseUrl) seedFromTemplate(pgDir);
  const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir: pgDir });
  try {
    if (databaseUrl && migrateUrl && migrateUrl !== databaseUrl) {
      const { role } = await checkRuntimeRole(db);
      const owner = await openDb({ databaseUrl: migrateUrl, poolSize: 2 });
      try {
        await migrate(owner);
        await grantRuntimeRole(owner, role);
      } finally {
        await owner.close();
      }
    } else await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/**
 * Opens the database, builds the app and listens. A timer holds the event loop open until the server
 * listens: while PGlite compiled its WebAssembly nothing else did, so Node's loop ran dry and Node
 * waited for every background task of V8 before it turned again — the whole start ran inside that
 * wait, which then held the first requests until V8 had finished optimising PGlite's code in the
 * background (0.3–0.8 s after listening, on two cores; docs/decisions.md D175).
 */
export async function start(opts: StartOptions = {}): Promise<Started> {
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    return await startServing(opts);
  } finally {
    clearInterval(keepAlive);
  }
}

async function startServing(opts: StartOptions): Promise<Started> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = resolveDataDir(opts.dataDir);
  const db = await openAndMigrate({ dataDir, databaseUrl, migrateUrl: opts.migrateUrl });
  if (db.kind === 'postgres') {
    const problem = roleProblem(await checkRuntimeRole(db));
    if (problem && !(opts.allowOwnerRole ?? process.env.BAOMI_ALLOW_OWNER_ROLE === '1')) {
      await db.close();
      throw new Error(problem);
    }
    if (problem) console.warn(`WARNING / 警告\n${problem}`);
  }
  let bootstrap: Bootstrap[] | null;
  try {
    bootstrap = await db.tx(async (sql) => {
      const created = await bootstrapAdministrators(sql);
      // A database remembers what it was created as, in the transaction that creates its administrators.
      if (created) await setFlag(sql, 'database_origin', opts.demo ? 'demo' : 'production');
      if (opts.demo) await requireDemoDatabase(sql);
      return created;
    });
  } catch (e) {
    await db.close();
    throw e;
  }
  // The modules' hooks (approval outcomes, todo providers …) are in place before anything runs,
  // the demo seeder included: it takes records through the real approvals.
  installModules(MODULES);
  const demoAccounts = opts.demo ? await seedDemo(db, MODULES) : null;
  const app = await buildApp({
    db,
    demo: Boolean(opts.demo) || (await getFlag(db, 'demo')) === true,
    version: VERSION,
    loginRate: opts.loginRate ?? { max: 30, windowSeconds: 60 },
    backupDir: databaseUrl ? null : join(dataDir, 'backups'),
    logger: opts.log ?? false,
    trustProxy: opts.trustProxy,
    webDist: opts.webDist,
    secretKey: fileSecretKey(dataDir),
    origin: opts.origin ?? process.env.BAOMI_ORIGIN ?? null,
    ...(opts.totpClock ? { totpClock: opts.totpClock } : {}),
  });
  const address = await app.listen({ port: opts.port ?? 8080, host: opts.host ?? '127.0.0.1' });
  const stopJobs = opts.jobs === false ? () => {} : startScheduler(db, jobsOf(MODULES));
  return {
    url: address.replace('[::1]', 'localhost'),
    db,
    bootstrap,
    demoAccounts,
    async close() {
      stopJobs();
      await app.close();
      await db.close();
    },
  };
}
