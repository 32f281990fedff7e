// Validators and serialisers are compiled on a route's first use (http/validation.ts); this test
// compiles every one of them, so a schema that cannot compile fails here, not on a user's request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../testing/harness.ts';
import { compileAllSchemas } from './validation.ts';

test('every request and response schema of every module compiles', async () => {
  const t = await createTestApp();
  try {
    await t.app.ready();
    const n = compileAllSchemas(t.app);
    assert.ok(n > 100, `compiled ${n} schemas`);
    // A refused request still gets the bilingual validation answer through a lazily compiled validator.
    const sys = await t.admin('sysadmin');
    const r = await sys.post('/api/orgs', { name: '', parentId: null, level: 'city', kind: 'party_gov' });
    assert.equal(r.status, 400);
    assert.equal((r.body as { error: { field?: string } }).error.field, 'name');
  } finally {
    await t.close();
  }
});
