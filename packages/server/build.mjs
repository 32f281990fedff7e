#!/usr/bin/env node
// Builds the server ahead of time: src/cli.ts with the workspace packages it imports as TypeScript
// (@baomi/domain, @baomi/api) bundled into dist/cli.js; everything in node_modules stays external.
// `bin/baomi.mjs` runs dist/cli.js when `isFresh()`, else the sources through tsx. The API tests import
// the sources; the CLI tests spawn the bin, which `npm test` builds first.
//   node packages/server/build.mjs            build (always)
//   node packages/server/build.mjs --if-stale build only when dist is missing or older than the sources
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const packages = join(here, '..');
export const DIST_ENTRY = join(here, 'dist', 'cli.js');
/** What dist/cli.js is built from: a change in any of these makes it stale. */
export const SOURCES = [
  join(here, 'src'),
  join(packages, 'domain', 'src'),
  join(packages, 'api', 'src'),
  join(packages, 'scanner', 'src'),
  fileURLToPath(import.meta.url),
];

function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs; // a deleted file changes its directory's mtime
  for (const name of readdirSync(path)) {
    if (name.endsWith('.test.ts')) continue;
    t = Math.max(t, newest(join(path, name)));
  }
  return t;
}

/** dist/cli.js exists and is not older than any source it is built from. */
export function isFresh(entry = DIST_ENTRY, sources = SOURCES) {
  const built = statSync(entry, { throwIfNoEntry: false });
  return Boolean(built) && sources.every((s) => newest(s) <= built.mtimeMs);
}

/**
 * In a bundle every module shares the bundle's `import.meta.url`; the server resolves files next to
 * its sources with it (migrations, the web app's dist, package.json, fonts through createRequire).
 * Give each module back its own URL, relative to the bundle so the tree can still be moved.
 */
const ownImportMetaUrl = (outDir) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outDir, args.path).split(sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
});

/**
 * Packages bundled into dist/cli.js although they come from node_modules: plain JavaScript without
 * data files, published as hundreds of small ES modules each. Loading them file by file was ≈ 1,500 of
 * the server's file opens and ≈ 0.2 s of its warm start (docs/decisions.md D175).
 */
export const BUNDLED_PACKAGES = ['kysely', '@sinclair/typebox'];

const bundled = (path) => BUNDLED_PACKAGES.some((p) => path === p || path.startsWith(`${p}/`));

/** Other node_modules packages stay external (native modules, data files, PGlite's wasm); workspace TS is bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@baomi/') || bundled(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles src/cli.ts into `outfile` (and its .map); esbuild is a devDependency, loaded only here. */
export async function build(outfile = DIST_ENTRY) {
  const esbuild = await import('esbuild');
  const r = await esbuild.build({
    entryPoints: [join(here, 'src', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    plugins: [externalPackages, ownImportMetaUrl(dirname(outfile))],
    banner: { js: '// Built by packages/server/build.mjs from src/ — do not edit.' },
  });
  await mkdir(dirname(outfile), { recursive: true });
  // Write then rename: a `baomi` started meanwhile sees the old file or the new one, never half of one.
  for (const f of r.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

export const TEMPLATE_DIR = join(here, 'dist', 'pglite-template');

/**
 * The embedded database template (src/db/template.ts) is current: made by the installed PGlite with
 * exactly the migrations in packages/server/migrations. Checked here in plain JavaScript so that
 * `npm start` pays nothing when it is.
 */
export function templateIsFresh(dir = TEMPLATE_DIR) {
  const path = join(dir, 'template.json');
  if (!existsSync(path) || !existsSync(join(dir, 'pg', 'PG_VERSION'))) return false;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8'));
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    let pkgDir = dirname(entry);
    while (!existsSync(join(pkgDir, 'package.json'))) pkgDir = dirname(pkgDir);
    if (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version !== m.pglite) return false;
    const migrations = join(here, 'migrations');
    const files = readdirSync(migrations).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
    if (files.length !== Object.keys(m.migrations).length) return false;
    return files.every(
      (f) =>
        m.migrations[String(Number(f.slice(0, 4)))] ===
        createHash('sha256')
          .update(readFileSync(join(migrations, f), 'utf8'))
          .digest('hex'),
    );
  } catch {
    return false;
  }
}

/** Prepares the template (initdb + migrations, a few seconds) through the TypeScript sources. */
export function buildTemplate(out = TEMPLATE_DIR) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'src', 'db', 'template.ts'), '--out', out],
    { cwd: here, stdio: 'inherit', env: { ...process.env, BAOMI_PGLITE_FSYNC: 'off' } },
  );
  if (r.status !== 0) throw new Error('could not prepare the embedded database template');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') || !isFresh()) {
    const t = performance.now();
    await build();
    console.log(`Built ${relative(process.cwd(), DIST_ENTRY)} in ${Math.round(performance.now() - t)} ms`);
  }
  if (!process.argv.includes('--if-stale') || !templateIsFresh()) buildTemplate();
}
