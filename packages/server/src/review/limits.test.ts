// The review tables' text limits are declared once, in the contract (LIMITS): the request schemas and the
// web forms use them, and this test holds the migration's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LIMITS } from '@baomi/api/review/contract.ts';

const SQL = readFileSync(join(import.meta.dirname, '..', '..', 'migrations', '0026_review.sql'), 'utf8');
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

const checks = (table: string) => {
  const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(SQL);
  assert.ok(m, `0026 creates ${table}`);
  const cols: Record<string, number> = {};
  for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g))
    cols[camel(c[1]!)] = Number(c[2] ?? c[3]);
  return cols;
};

test('LIMITS of the review contract equal the CHECK length limits of 0026_review.sql', () => {
  const req = checks('review_request');
  assert.deepEqual(req, {
    no: 40,
    title: LIMITS.title,
    purposeNote: LIMITS.purposeNote,
    comments: LIMITS.comments,
  });
  assert.deepEqual(checks('review_term'), { term: LIMITS.term, category: LIMITS.category });
  assert.deepEqual(checks('review_file'), { name: LIMITS.fileName });
});
