// The CLI tests' runner: `baomi` from its bundle (bin/baomi.mjs, built by `npm test` before the server's
// unit tests), on a data directory of the test's own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapAdministrators } from '../accounts/service.ts';
import { openAndMigrate } from '../main.ts';

const BIN = new URL('../../bin/baomi.mjs', import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `baomi ARGS` on the data directory, without DATABASE_URL and, unless `extra` names it, without a
 * backup passphrase from the caller's environment.
 */
export function runCli(dataDir: string, extra: NodeJS.ProcessEnv, ...args: string[]): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, BAOMI_DATA_DIR: dataDir, ...extra };
  delete env.DATABASE_URL;
  if (!('BAOMI_BACKUP_PASSPHRASE' in extra)) delete env.BAOMI_BACKUP_PASSPHRASE;
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A new embedded data directory, migrated, with the three administrators made. */
export async function cliDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-cli-'));
  const db = await openAndMigrate({ dataDir: dir });
  await db.tx((sql) => bootstrapAdministrators(sql));
  await db.close();
  return dir;
}
