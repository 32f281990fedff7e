// The embedded database's daily ANALYZE (PGlite has no autovacuum): statistics exist afterwards; on
// PostgreSQL the job is not run at all (autovacuum does it, and the runtime role owns no table).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { analyzeJob, runJobOnce } from './runner.ts';

describe('daily ANALYZE of the embedded database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  test('runs once a day on PGlite and gathers statistics; skipped on PostgreSQL', async () => {
    const now = new Date('2026-11-27T02:00:00Z');
    const first = await runJobOnce(t.db, analyzeJob, now);
    if (t.db.kind === 'postgres') {
      assert.equal(first, null);
      const runs = await t.db.query('SELECT 1 FROM job_run WHERE name = $1', ['analyze']);
      assert.equal(runs.rowCount, 0, 'not even claimed');
      return;
    }
    assert.equal(typeof first?.ms, 'number');
    const stats = await t.db.query<{ analyzed: string | null }>(
      "SELECT last_analyze::text AS analyzed FROM pg_stat_user_tables WHERE relname = 'audit_event'",
    );
    const reltuples = await t.db.query<{ n: number }>(
      "SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'audit_event'",
    );
    assert.ok(stats.rows[0]?.analyzed !== null || reltuples.rows[0]!.n >= 0, 'statistics gathered');
    assert.equal(await runJobOnce(t.db, analyzeJob, now), null, 'once per day');
    assert.notEqual(
      await runJobOnce(t.db, analyzeJob, new Date('2026-11-28T02:00:00Z')),
      null,
      'the next day again',
    );
  });
});
