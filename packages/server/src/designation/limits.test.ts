// The designation tables' text limits are declared once, in the contract (LIMITS): the request
// schemas and the web forms use them, and this test holds the migrations' CHECK constraints to them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LIMITS } from '@baomi/api/designation.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');

/** The contract's name for each designation table. */
const TABLES: Record<string, keyof typeof LIMITS> = {
  designation_grant: 'grant',
  designator: 'designator',
  designator_absence: 'absence',
  secret_catalogue_entry: 'catalogue',
  designation_item: 'item',
  designation_change: 'change',
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** table → column → the largest length its CHECK allows (`length(c) BETWEEN 1 AND n` or `<= n`). */
function checkedLengths(sqlText: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const m of sqlText.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
    const cols: Record<string, number> = {};
    for (const c of m[2]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g)) {
      cols[c[1]!] = Number(c[2] ?? c[3]);
    }
    out[m[1]!] = cols;
  }
  return out;
}

test('LIMITS of the designation contract equal the CHECK length limits of the migrations', () => {
  const all = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(join(MIGRATIONS, f), 'utf8'))
    .join('\n');
  const found = checkedLengths(all);
  for (const [table, name] of Object.entries(TABLES)) {
    assert.ok(found[table], `the migrations create ${table}`);
    const fromSql = Object.fromEntries(Object.entries(found[table]!).map(([c, n]) => [camel(c), n]));
    assert.deepEqual(fromSql, { ...LIMITS[name] }, `${table}: CHECK limits = LIMITS.${name}`);
  }
});
