// The core tables' text limits are declared once, in the contract (CORE_LIMITS): the request schemas
// and the web forms use them, and this test holds migration 0021's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CORE_LIMITS } from '@baomi/api/personnel/core.ts';
import { POST_NAME_MAX } from '@baomi/domain';

const SQL = readFileSync(join(import.meta.dirname, '..', '..', 'migrations', '0021_personnel.sql'), 'utf8');
const TABLES: Record<string, Exclude<keyof typeof CORE_LIMITS, 'search'>> = {
  key_site: 'keySite',
  personnel_post: 'post',
  personnel_vetting: 'vetting',
  personnel_fact: 'fact',
};

test('CORE_LIMITS of the personnel contract equal the CHECK length limits of migration 0021', () => {
  for (const [table, name] of Object.entries(TABLES)) {
    const m = new RegExp(`CREATE TABLE ${table} \\(([\\s\\S]*?)\\n\\);`).exec(SQL);
    assert.ok(m, `0021 creates ${table}`);
    const cols: Record<string, number> = {};
    for (const c of m[1]!.matchAll(/length\((\w+)\) (?:BETWEEN \d+ AND (\d+)|<= (\d+))/g))
      cols[c[1]!] = Number(c[2] ?? c[3]);
    assert.deepEqual(cols, { ...CORE_LIMITS[name] }, `${table}: CHECK limits = CORE_LIMITS.${name}`);
  }
  assert.equal(POST_NAME_MAX, CORE_LIMITS.post.name);
});
