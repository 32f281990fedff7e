// The embedded database's daily ANALYZE (PGlite has no autovacuum): statistics exist afterwards; on
// PostgreSQL the job is not run at all (autovacuum does it, and the runtime role owns no table).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, TEST_DB, type TestApp } from '../testing/harness.ts';
import { analyzeJob, cleanupJob, EMBEDDED_STATISTICS_TARGET, jobsForTick, runJobOnce } from './runner.ts';

describe('daily ANALYZE of the embedded database', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  test('waits for the second tick: the first, as the server starts, runs the light jobs only', () => {
    const jobs = [cleanupJob, analyzeJob];
    assert.deepEqual(
      jobsForTick(jobs, true).map((j) => j.name),
      ['cleanup'],
    );
    assert.deepEqual(
      jobsForTick(jobs, false).map((j) => j.name),
      ['cleanup', 'analyze'],
    );
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
    // ANALYZE wrote the planner's statistics; the VACUUM after the commit set the visibility map.
    const stats = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_statistic WHERE starelid = 'account'::regclass",
    );
    assert.ok(stats.rows[0]!.n > 0, 'statistics gathered');
    const visible = await t.db.query<{ n: number }>(
      "SELECT relallvisible::int AS n FROM pg_class WHERE relname = 'account'",
    );
    assert.ok(visible.rows[0]!.n > 0, 'vacuumed: pages marked all-visible');
    assert.equal(await runJobOnce(t.db, analyzeJob, now), null, 'once per day');
    assert.notEqual(
      await runJobOnce(t.db, analyzeJob, new Date('2026-11-28T02:00:00Z')),
      null,
      'the next day again',
    );
  });

  test("samples 300 × 30 rows a table, not PostgreSQL's 100 (its memory stays resident in PGlite, D178)", {
    skip: TEST_DB === 'postgres' ? 'the job runs on the embedded database only' : false,
  }, async () => {
    assert.equal(EMBEDDED_STATISTICS_TARGET, 30);
    const table = `zz_stats_${Date.now()}`;
    await t.db.exec(`CREATE TABLE ${table} AS SELECT g FROM generate_series(1, 20000) g`);
    try {
      await runJobOnce(t.db, analyzeJob, new Date('2027-03-01T02:00:00Z'));
      const { rows } = await t.db.query<{ bounds: number }>(
        'SELECT cardinality(histogram_bounds::text::int[]) AS bounds FROM pg_stats WHERE tablename = $1',
        [table],
      );
      assert.equal(rows[0]?.bounds, EMBEDDED_STATISTICS_TARGET + 1);
      // The target is the transaction's only: the session keeps PostgreSQL's default.
      const { rows: now } = await t.db.query<{ v: string }>(
        "SELECT current_setting('default_statistics_target') AS v",
      );
      assert.equal(now[0]!.v, '100');
    } finally {
      await t.db.exec(`DROP TABLE ${table}`);
    }
  });
});
