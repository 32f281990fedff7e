// The carrier tables' text limits are declared once, in the contract (LIMITS): the request schemas and
// the web forms use them, and this test holds the migration's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LIMITS } from '@baomi/api/carriers.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');
const TABLES: Record<string, keyof typeof LIMITS> = {
  carrier: 'carrier',
  carrier_step: 'step',
  carrier_destruction: 'destruction',
  carrier_copy_request: 'copyRequest',
  carrier_take_out: 'takeOut',
};
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

test('LIMITS of the carriers contract equal the CHECK length limits of the migrations', () => {
  const all = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(join(MIGRATIONS, f), 'utf8'))
    .join('\n');
  for (const [table, name] of Object.entries(TABLES)) {
    const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(all);
    assert.ok(m, `the migrations create ${table}`);
    const cols: Record<string, number> = {};
    for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g)) {
      cols[camel(c[1]!)] = Number(c[2] ?? c[3]);
    }
    assert.deepEqual(cols, { ...LIMITS[name] }, `${table}: CHECK limits = LIMITS.${name}`);
  }
});
