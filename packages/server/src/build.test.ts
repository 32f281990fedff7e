// The server built ahead (build.mjs → dist/cli.js) and how bin/baomi.mjs chooses it over the sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { build, isFresh } from '../build.mjs';

const SERVER = new URL('..', import.meta.url).pathname;
const ROOT_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

describe('server build', () => {
  test('dist is used only when it exists and no source is newer (test files do not count)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-fresh-'));
    try {
      const src = join(dir, 'src');
      mkdirSync(join(src, 'sub'), { recursive: true });
      const entry = join(dir, 'cli.js');
      const a = join(src, 'a.ts');
      const b = join(src, 'sub', 'b.ts');
      for (const f of [a, b]) writeFileSync(f, '');
      assert.equal(isFresh(entry, [src]), false, 'missing');
      writeFileSync(entry, '');
      const t = Date.now() / 1000;
      for (const p of [a, b, join(src, 'sub'), src]) utimesSync(p, t - 60, t - 60);
      utimesSync(entry, t, t);
      assert.equal(isFresh(entry, [src]), true, 'built after every source');
      writeFileSync(join(src, 'sub', 'b.test.ts'), '');
      utimesSync(join(src, 'sub', 'b.test.ts'), t + 60, t + 60);
      utimesSync(join(src, 'sub'), t - 60, t - 60);
      assert.equal(isFresh(entry, [src]), true, 'a test file changed');
      utimesSync(b, t + 60, t + 60);
      assert.equal(isFresh(entry, [src]), false, 'a source changed since');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the bundle runs: version, migrations and node_modules resolve as from the sources', async () => {
    // Built inside packages/server so its external packages resolve from node_modules as dist's do.
    mkdirSync(join(SERVER, '.tmp'), { recursive: true });
    const out = mkdtempSync(join(SERVER, '.tmp', 'build-'));
    const data = mkdtempSync(join(tmpdir(), 'baomi-built-'));
    try {
      const outfile = join(out, 'cli.js');
      await build(outfile);
      const code = readFileSync(outfile, 'utf8');
      assert.doesNotMatch(code, /from "@baomi\//, 'workspace packages are bundled');
      assert.match(code, /from "fastify"/, 'node_modules packages stay external');
      const env: NodeJS.ProcessEnv = { ...process.env, BAOMI_DATA_DIR: data };
      delete env.DATABASE_URL;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [outfile, ...args], { env, encoding: 'utf8', timeout: 60_000 });
      const help = run('--help');
      assert.equal(help.status, 0, help.stderr);
      assert.ok(help.stdout.startsWith(`baomi ${ROOT_VERSION} `), help.stdout.slice(0, 40));
      const m = run('migrate');
      assert.equal(m.status, 0, m.stderr);
      assert.match(m.stdout, /Migrations applied/);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(data, { recursive: true, force: true });
    }
  });
});
