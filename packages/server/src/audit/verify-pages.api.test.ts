// Verification over many pages (R-SYS-03): each page is bounded on both sides (from ≤ seq < from +
// page), so a gap, a removed page or an altered event is named exactly at and across page edges.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { appendAudit, chainPending, SYSTEM_ACTOR, verifyChain } from './chain.ts';

type Row = { seq: number; payload: string; prev_hash: string; hash: string };
const PAGE = 5;

describe('audit verification across pages (R-SYS-03)', () => {
  let t: TestApp;
  let head = 0;

  before(async () => {
    t = await createTestApp();
    await t.db.tx(async (sql) => {
      for (let i = 0; i < 40; i++) {
        await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.page', objectType: 'test', objectId: `p${i}` });
      }
    });
    await chainPending(t.db);
    head = (await t.db.query<{ seq: number }>('SELECT seq FROM audit_head WHERE id = 1')).rows[0]!.seq;
    assert.ok(head >= 40);
  });

  after(async () => {
    await t.close();
  });

  /** Removes (or alters) events with the guard off, verifies, and puts them back. */
  async function broken(seqs: number[], alter = false) {
    await t.db.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    const rows = (
      await t.db.query<Row>(
        'SELECT seq, payload, prev_hash, hash FROM audit_event WHERE seq = ANY($1::int[])',
        [seqs],
      )
    ).rows;
    try {
      if (alter) {
        await t.db.query(
          `UPDATE audit_event SET payload = replace(payload, 'test.page', 'test.pagf') WHERE seq = ANY($1::int[])`,
          [seqs],
        );
      } else {
        await t.db.query('DELETE FROM audit_event WHERE seq = ANY($1::int[])', [seqs]);
      }
      return await verifyChain(t.db, undefined, { pageSize: PAGE });
    } finally {
      await t.db.query('DELETE FROM audit_event WHERE seq = ANY($1::int[])', [seqs]);
      for (const r of rows) {
        await t.db.query('INSERT INTO audit_event (seq, payload, prev_hash, hash) VALUES ($1, $2, $3, $4)', [
          r.seq,
          r.payload,
          r.prev_hash,
          r.hash,
        ]);
      }
      await t.db.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    }
  }

  test('R-SYS-03 a chain of many pages verifies whole, every event counted once', async () => {
    const r = await verifyChain(t.db, undefined, { pageSize: PAGE });
    assert.deepEqual([r.ok, r.checked, r.firstBroken], [true, head, null]);
    const other = await verifyChain(t.db, undefined, { pageSize: 7 });
    assert.deepEqual([other.ok, other.checked], [true, head]);
  });

  test('R-SYS-03 the last event of a page removed: named as broken at its sequence', async () => {
    const r = await broken([2 * PAGE]);
    assert.equal(r.ok, false);
    assert.equal(r.firstBroken, 2 * PAGE);
    assert.match(r.reason!.en, /missing/);
  });

  test('R-SYS-03 a whole page removed: the first missing event is named', async () => {
    const r = await broken([11, 12, 13, 14, 15]);
    assert.equal(r.ok, false);
    assert.equal(r.firstBroken, 11);
    assert.match(r.reason!.en, /Audit event 11 is missing/);
  });

  test('R-SYS-03 an event altered on a later page is named', async () => {
    const r = await broken([27], true);
    assert.equal(r.ok, false);
    assert.equal(r.firstBroken, 27);
    assert.match(r.reason!.en, /altered/);
  });

  test('R-SYS-03 the tail removed: named at the first removed event', async () => {
    const r = await broken([head - 1, head]);
    assert.equal(r.ok, false);
    assert.equal(r.firstBroken, head - 1);
  });

  test('R-SYS-03 after each repair the chain verifies again', async () => {
    assert.equal((await verifyChain(t.db, undefined, { pageSize: PAGE })).ok, true);
  });
});
