import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { appendAudit, chainPending, SYSTEM_ACTOR, verifyChain } from './chain.ts';
import { pruneAudit } from './prune.ts';

describe('audit retention (R-SYS-03)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await migrate(t.db);
  });
  after(() => t.drop());

  test('R-SYS-03 events older than the retention period are pruned behind an anchor; the chain still verifies', async () => {
    const old = new Date(Date.now() - 240 * 86_400_000); // about 8 months ago
    mock.timers.enable({ apis: ['Date'], now: old });
    try {
      for (let i = 0; i < 5; i++)
        await t.db.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.old' }));
    } finally {
      mock.timers.reset();
    }
    await t.db.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.recent' }));
    await chainPending(t.db);
    const before = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_event')).rows[0]!.n;
    // A plain DELETE of an old event is refused: only a prune that anchors the chain may remove it.
    const oldSeq = (
      await t.db.query<{ seq: number }>("SELECT seq FROM audit_event WHERE action = 'test.old' LIMIT 1")
    ).rows[0]!.seq;
    await assert.rejects(t.db.query('DELETE FROM audit_event WHERE seq = $1', [oldSeq]), /anchor/);

    const r = await pruneAudit(t.db, SYSTEM_ACTOR);
    assert.ok(r.removed >= 5, `removed ${r.removed}`);
    assert.ok(r.anchor);
    await chainPending(t.db);
    const left = await t.db.query<{ action: string }>('SELECT action FROM audit_event ORDER BY seq');
    assert.equal(left.rows.length, before - r.removed + 1);
    assert.ok(!left.rows.some((e) => e.action === 'test.old'));
    assert.deepEqual(
      left.rows.slice(-2).map((e) => e.action),
      ['test.recent', 'audit.prune'],
    );
    const v = await verifyChain(t.db);
    assert.equal(v.ok, true, JSON.stringify(v.reason));
  });

  test('R-SYS-03 nothing younger than the retention period is pruned', async () => {
    const r = await pruneAudit(t.db, SYSTEM_ACTOR);
    assert.equal(r.removed, 0);
    assert.equal(r.anchor, null);
  });
});
