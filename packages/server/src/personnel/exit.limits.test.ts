// The exit part's text limits are declared once, in the contract (EXIT_LIMITS): this test holds
// migration 0024's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXIT_LIMITS } from '@baomi/api/personnel/exit.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');
const TABLES: Record<string, Record<string, number>> = {
  personnel_exit: EXIT_LIMITS.exit,
  personnel_briefing: EXIT_LIMITS.briefing,
  personnel_passport: EXIT_LIMITS.passport,
};
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

test('EXIT_LIMITS of the contract equal the CHECK length limits of migration 0024', () => {
  const all = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(join(MIGRATIONS, f), 'utf8'))
    .join('\n');
  for (const [table, limits] of Object.entries(TABLES)) {
    const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(all);
    assert.ok(m, `the migrations create ${table}`);
    const cols: Record<string, number> = {};
    for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g)) {
      cols[camel(c[1]!)] = Number(c[2] ?? c[3]);
    }
    assert.deepEqual(cols, { ...limits }, `${table}: CHECK limits = LIMITS`);
  }
});
