// The campaign and incident tables' text limits are declared once, in the contracts (CAMPAIGN_LIMITS,
// incidents LIMITS): this test holds migration 0016's CHECK constraints to them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CAMPAIGN_LIMITS } from '@baomi/api/carriers/campaigns.ts';
import { LIMITS as INCIDENT_LIMITS } from '@baomi/api/incidents.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');
const TABLES: Record<string, Record<string, number>> = {
  carrier_campaign: CAMPAIGN_LIMITS.campaign,
  carrier_campaign_item: CAMPAIGN_LIMITS.item,
  incident: INCIDENT_LIMITS.incident,
};
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

test('LIMITS of the campaign and incident contracts equal the CHECK length limits of the migrations', () => {
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
