// The embedded database's first start from a prepared template. PGlite's initdb takes most of a first
// start (4–10 s on two cores); copying an already initialised and migrated data directory takes a few
// hundred milliseconds. `npm run build` (and `npm start`) prepare the template in
// packages/server/dist/pglite-template; a first start on an empty data directory copies it when it was
// made by the same PGlite and with migrations the sources still have, and otherwise runs initdb as
// before. Nothing installation-specific is in it: administrators, their passwords and the database's
// origin (production or demo) are created at the first start, as without a template.
//   node --import tsx packages/server/src/db/template.ts [--out DIR]   (re)build the template
import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from './db.ts';
import { loadMigrations, type Migration, migrate } from './migrate.ts';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../dist/pglite-template', import.meta.url));
const MANIFEST = 'template.json';

interface Manifest {
  pglite: string;
  migrations: Record<string, string>;
}

/** The installed PGlite's version: a data directory is only as portable as the engine that wrote it. */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const p = join(dir, 'package.json');
    if (!existsSync(p)) continue;
    const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
  }
  return 'unknown';
}

const manifestOf = (migrations: Migration[]): Manifest => ({
  pglite: pgliteVersion(),
  migrations: Object.fromEntries(migrations.map((m) => [String(m.version), m.checksum])),
});

/** Why the template cannot be used for these sources, or null when it can. */
export function templateMismatch(dir = TEMPLATE_DIR, migrations = loadMigrations()): string | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path) || !existsSync(join(dir, 'pg', 'PG_VERSION'))) return 'no template';
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return 'unreadable manifest';
  }
  if (m.pglite !== pgliteVersion()) return `made by PGlite ${m.pglite}`;
  const current = new Map(migrations.map((x) => [String(x.version), x.checksum]));
  // Migrations added since are applied at start as usual; a changed or removed one would be refused.
  for (const [version, checksum] of Object.entries(m.migrations)) {
    if (current.get(version) !== checksum) return `migration ${version} differs`;
  }
  return null;
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function fsyncTree(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) fsyncTree(p);
    else {
      const fd = openSync(p, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Fills an empty (or missing) data directory from the template, on disk before it is used (a power
 * loss right after the first start must not leave a half-copied database). Returns whether it did.
 * BAOMI_PGLITE_TEMPLATE=off always runs initdb instead.
 */
export function seedFromTemplate(pgDir: string, template = TEMPLATE_DIR): boolean {
  if (process.env.BAOMI_PGLITE_TEMPLATE === 'off' || !isEmptyDir(pgDir)) return false;
  if (templateMismatch(template) !== null) return false;
  const tmp = `${pgDir}.template-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(join(template, 'pg'), tmp, { recursive: true });
  fsyncTree(tmp);
  rmSync(pgDir, { recursive: true, force: true });
  renameSync(tmp, pgDir);
  const parent = openSync(dirname(pgDir), 'r');
  try {
    fsyncSync(parent);
  } finally {
    closeSync(parent);
  }
  return true;
}

/** Builds the template: initdb and every migration on a scratch directory, then moved into place. */
export async function buildTemplate(out = TEMPLATE_DIR): Promise<void> {
  const migrations = loadMigrations();
  mkdirSync(dirname(out), { recursive: true });
  const scratch = mkdtempSync(join(dirname(out), '.pglite-template-'));
  try {
    const db = await openDb({ dataDir: join(scratch, 'pg') });
    await migrate(db, migrations);
    await db.exec('CHECKPOINT');
    await db.close();
    writeFileSync(join(scratch, MANIFEST), `${JSON.stringify(manifestOf(migrations), null, 2)}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(scratch, out);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1]! : TEMPLATE_DIR;
  const t = performance.now();
  await buildTemplate(out);
  console.log(`Prepared the embedded database template in ${Math.round(performance.now() - t)} ms`);
}
