// The visitors & materials part's text limits are declared once, in the domain (VISITOR_LIMITS,
// MATERIAL_LIMITS, which the contract re-exports): this test holds migration 0028's CHECK constraints
// to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MATERIAL_LIMITS } from '@baomi/api/foreign/material.ts';
import { VISITOR_LIMITS } from '@baomi/api/foreign/visitor.ts';

const SQL = readFileSync(
  join(import.meta.dirname, '..', '..', 'migrations', '0028_foreign_visitors.sql'),
  'utf8',
);
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function checks(table: string): Record<string, number> {
  const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(SQL);
  assert.ok(m, `0028 creates ${table}`);
  const cols: Record<string, number> = {};
  for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g))
    cols[camel(c[1]!)] = Number(c[2] ?? c[3]);
  return cols;
}

test('VISITOR_LIMITS and MATERIAL_LIMITS equal the CHECK length limits of migration 0028', () => {
  const v = VISITOR_LIMITS;
  assert.deepEqual(checks('foreign_visitor'), {
    name: v.name,
    nationality: v.nationality,
    organisation: v.organisation,
    docNumber: v.docNumber,
    contact: v.contact,
    note: v.note,
  });
  assert.deepEqual(checks('foreign_visit'), { purpose: v.purpose, scope: v.scope, route: v.route });
  const m = MATERIAL_LIMITS;
  assert.deepEqual(checks('foreign_material'), {
    title: m.title,
    recoveryTerms: m.terms,
    nationalNo: m.nationalNo,
    nationalAuthority: m.authority,
    obligationRef: m.obligation,
    closeNote: m.note,
  });
  assert.match(SQL, new RegExp(`copies BETWEEN 1 AND ${m.copies}`));
});
