// Starting Baomi: open the database, migrate, create the three administrators on first start, serve.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AdminRole } from '@baomi/domain';
import { bootstrapAdministrators } from './accounts/service.ts';
import { type Db, openDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { startScheduler } from './jobs/runner.ts';
import { jobsOf } from './kit/install.ts';
import { MODULES } from './modules.ts';
import { getFlag } from './settings/service.ts';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface StartOptions {
  port?: number;
  host?: string;
  /** Embedded database directory (default ./data); ignored when databaseUrl is set. */
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  log?: boolean;
  trustProxy?: boolean;
  loginRate?: { max: number; windowSeconds: number };
  /** Run background jobs (default true). */
  jobs?: boolean;
  webDist?: string | null;
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

export function resolveDataDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.BAOMI_DATA_DIR ?? 'data');
}

export async function openAndMigrate(opts: { dataDir?: string; databaseUrl?: string }): Promise<Db> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const db = await openDb(
    databaseUrl ? { databaseUrl } : { dataDir: join(resolveDataDir(opts.dataDir), 'pg') },
  );
  await migrate(db);
  return db;
}

export async function start(opts: StartOptions = {}): Promise<Started> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = resolveDataDir(opts.dataDir);
  const db = await openAndMigrate({ dataDir, databaseUrl });
  const bootstrap = await db.tx((sql) => bootstrapAdministrators(sql));
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
