// The training part's text limits are declared once, in its contract (TRAINING_LIMITS): this test holds
// migration 0023's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TRAINING_LIMITS as L } from '@baomi/api/personnel/training.ts';

const SQL = readFileSync(
  join(import.meta.dirname, '..', '..', 'migrations', '0023_personnel_training.sql'),
  'utf8',
);
const TABLES: Record<string, Record<string, number>> = {
  personnel_training_session: { topic: L.topic, trainer: L.trainer },
  personnel_matter: { description: L.description, opinion: L.opinion, measures: L.measures },
  personnel_assessment: { comment: L.comment },
};

test('R-PER-04 R-PER-05 R-PER-07 TRAINING_LIMITS equal the CHECK length limits of migration 0023', () => {
  for (const [table, limits] of Object.entries(TABLES)) {
    const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(SQL);
    assert.ok(m, `0023 creates ${table}`);
    const cols: Record<string, number> = {};
    for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g))
      cols[c[1]!] = Number(c[2] ?? c[3]);
    assert.deepEqual(cols, limits, `${table}: CHECK limits = TRAINING_LIMITS`);
  }
});
