// The activities part's text limits are declared once, in the contract (ACTIVITY_LIMITS): this test holds
// migration 0027's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACTIVITY_LIMITS as L } from '@baomi/api/foreign/activity.ts';

const SQL = readFileSync(join(import.meta.dirname, '..', '..', 'migrations', '0027_foreign.sql'), 'utf8');
const TABLES: Record<string, Record<string, number>> = {
  foreign_activity: { title: L.title, place: L.place, summary: L.summary },
  foreign_activity_participant: { duty: L.duty },
  // a step's kind is the server's own code (at most 40); its note is any of the contract's notes
  foreign_activity_step: { kind: 40, note: L.note },
};

test('ACTIVITY_LIMITS of the contract equal the CHECK length limits of migration 0027', () => {
  for (const [table, limits] of Object.entries(TABLES)) {
    const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(SQL);
    assert.ok(m, `0027 creates ${table}`);
    const cols: Record<string, number> = {};
    for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g))
      cols[c[1]!] = Number(c[2] ?? c[3]);
    assert.deepEqual(cols, limits, `${table}: CHECK limits = ACTIVITY_LIMITS`);
  }
});
