// Issue 6 §3: SQL lives in queries files (`queries.ts`, `*.queries.ts`, a `queries/` folder) or in the
// named raw-SQL places, each of which says why at its top ("// raw SQL: …"). A new file calling
// `.query(` elsewhere fails this test; PENDING lists what has not been moved yet and must only shrink.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = new URL('..', import.meta.url).pathname;

/** Raw SQL is the clearer tool here (each file says why in its first line). */
const RAW_SQL = [
  'audit/chain.ts',
  'audit/prune.ts',
  'auth/sessions.ts',
  'cli.ts',
  'db/db.ts',
  'db/kysely.ts',
  'db/migrate.ts',
  'db/roles.ts',
  'db/sortkey.ts',
  'demo/seed.ts',
  'designation/demo.ts',
  'carriers/demo.ts',
  'designation/stats.queries.ts',
  'jobs/runner.ts',
];

/** Not moved into a queries file yet. Remove an entry when its file stops calling `.query(`. */
const PENDING: string[] = [];

const isTestCode = (f: string) =>
  /\.test\.ts$/.test(f) || f.startsWith('testing/') || f === 'designation/fixtures.ts';
const isQueriesFile = (f: string) => /(^|\/)queries\.ts$|\.queries\.ts$|(^|\/)queries\//.test(f);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith('.ts')) out.push(relative(SRC, p));
  }
  return out.sort();
}

const callsQuery = (f: string) => /\.query(<[^(]*>)?\(/.test(readFileSync(join(SRC, f), 'utf8'));

test('SQL only in queries files and the named raw-SQL places', () => {
  const calling = sources(SRC).filter((f) => !isTestCode(f) && callsQuery(f));
  const outside = calling.filter((f) => !isQueriesFile(f) && !RAW_SQL.includes(f) && !PENDING.includes(f));
  assert.deepEqual(
    outside,
    [],
    'move these queries into the module’s queries file (or name the file in RAW_SQL)',
  );
  const done = PENDING.filter((f) => !calling.includes(f));
  assert.deepEqual(done, [], 'these no longer call .query(: remove them from PENDING');
});

test('every raw-SQL place says why at its top', () => {
  for (const f of RAW_SQL) {
    assert.match(readFileSync(join(SRC, f), 'utf8'), /^\/\/ raw SQL: /, f);
  }
});
