import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateSchema, SCHEMA_FILE } from './codegen.ts';

test('the checked-in database interface (src/db/schema.ts) matches the migrations', async () => {
  const fresh = await generateSchema();
  const current = readFileSync(SCHEMA_FILE, 'utf8');
  assert.ok(current === fresh, 'src/db/schema.ts is stale: run npm run db:types');
});
