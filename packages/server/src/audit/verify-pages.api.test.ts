// Verification over many pages (R-SYS-03): each page is bounded on both sides (from ≤ seq < from +
// page), so a gap, a removed page or an altered event is named exactly at and across page edges.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { appendAudit, chainHash, chainPending, SYSTEM_ACTOR, verifyChain } from './chain.ts';

type Row = { seq: number; payload: string; prev_hash: string; hash: string };
const PAGE = 5;

const where = { thread: 'the calling thread', worker: 'a worker thread', both: 'both threads' } as const;
for (const hasher of ['thread', 'worker', 'both'] as const)
  describe(`audit verification across pages, hashed in ${where[hasher]} (R-SYS-03)`, () => {
    let t: TestApp;
    let head = 0;

    before(async () => {
      t = await createTestApp();
      await t.db.tx(async (sql) => {
        for (let i = 0; i < 40; i++) {
          await appendAudit(sql, SYSTEM_ACTOR, {
            action: 'test.page',
            objectType: 'test',
            objectId: `p${i}`,
          });
        }
      });
      await chainPending(t.db);
      head = (await t.db.query<{ seq: number }>('SELECT seq FROM audit_head WHERE id = 1')).rows[0]!.seq;
      assert.ok(head >= 40);
    });

    after(async () => {
      await t.close();
    });

    /** Damages events `seqs` with the guard off, verifies, and puts the saved rows back. */
    async function tampered(seqs: number[], damage: (rows: Row[]) => Promise<void>) {
      const rows = (
        await t.db.query<Row>(
          'SELECT seq, payload, prev_hash, hash FROM audit_event WHERE seq = ANY($1::int[])',
          [seqs],
        )
      ).rows;
      await t.db.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
      try {
        await damage(rows);
        return await verifyChain(t.db, undefined, { pageSize: PAGE, hasher });
      } finally {
        await t.db.query('DELETE FROM audit_event WHERE seq = ANY($1::int[])', [seqs]);
        for (const r of rows) {
          await t.db.query(
            'INSERT INTO audit_event (seq, payload, prev_hash, hash) VALUES ($1, $2, $3, $4)',
            [r.seq, r.payload, r.prev_hash, r.hash],
          );
        }
        await t.db.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
      }
    }

    const alterPayloads = (seqs: number[]) =>
      t.db.query(
        `UPDATE audit_event SET payload = replace(payload, 'test.page', 'test.pagf') WHERE seq = ANY($1::int[])`,
        [seqs],
      );
    const remove = (seqs: number[]) =>
      t.db.query('DELETE FROM audit_event WHERE seq = ANY($1::int[])', [seqs]);

    /** Removes (or alters) events, verifies, and puts them back. */
    const broken = (seqs: number[], alter = false) =>
      tampered(seqs, async () => {
        await (alter ? alterPayloads(seqs) : remove(seqs));
      });

    test('R-SYS-03 a chain of many pages verifies whole, every event counted once', async () => {
      const r = await verifyChain(t.db, undefined, { pageSize: PAGE, hasher });
      assert.deepEqual([r.ok, r.checked, r.firstBroken], [true, head, null]);
      const other = await verifyChain(t.db, undefined, { pageSize: 7, hasher });
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

    test('R-SYS-03 two events altered on one page: the first is named, and only those before it counted', async () => {
      const r = await broken([23, 21], true);
      assert.deepEqual([r.ok, r.firstBroken, r.checked], [false, 21, 20]);
      assert.match(r.reason!.en, /Audit event 21 was altered \(hash mismatch\)/);
    });

    test('R-SYS-03 a checkpoint naming a later event of a page with an altered event: the altered one is named', async () => {
      const cp = (
        await t.db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_event WHERE seq = 24')
      ).rows[0]!;
      await t.db.exec('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
      try {
        await t.db.query(
          `UPDATE audit_event SET payload = replace(payload, 'test.page', 'test.pagf') WHERE seq = 22`,
        );
        const r = await verifyChain(t.db, { seq: cp.seq, hash: 'f'.repeat(64) }, { pageSize: 10, hasher });
        assert.deepEqual([r.ok, r.firstBroken], [false, 22]);
        assert.match(r.reason!.en, /hash mismatch/);
        await t.db.query(
          `UPDATE audit_event SET payload = replace(payload, 'test.pagf', 'test.page') WHERE seq = 22`,
        );
        const c = await verifyChain(t.db, { seq: cp.seq, hash: 'f'.repeat(64) }, { pageSize: 10, hasher });
        assert.deepEqual([c.ok, c.firstBroken], [false, 24]);
        assert.match(c.reason!.en, /checkpoint/);
      } finally {
        await t.db.exec('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
      }
    });

    /** Alters one event's payload and removes another, verifies, and puts both back. */
    const alteredAndRemoved = (altered: number, removed: number) =>
      tampered([altered, removed], async () => {
        await alterPayloads([altered]);
        await remove([removed]);
      });

    test('R-SYS-03 faults on two pages in a row: the earlier is named, whichever kind each is', async () => {
      // The next page is already being read while a page is hashed: a fault on it must not come first.
      const a = await alteredAndRemoved(2 * PAGE + 2, 3 * PAGE + 2);
      assert.deepEqual([a.ok, a.firstBroken, a.checked], [false, 2 * PAGE + 2, 2 * PAGE + 1]);
      assert.match(a.reason!.en, /hash mismatch/);
      const b = await alteredAndRemoved(3 * PAGE + 2, 2 * PAGE + 2);
      assert.deepEqual([b.ok, b.firstBroken, b.checked], [false, 2 * PAGE + 2, 2 * PAGE + 1]);
      assert.match(b.reason!.en, /missing/);
      const c = await alteredAndRemoved(3 * PAGE, 3 * PAGE + 1);
      assert.deepEqual([c.ok, c.firstBroken], [false, 3 * PAGE]);
      assert.match(c.reason!.en, /hash mismatch/);
    });

    /** Rewrites one event's payload and hash, or its prev_hash and hash, consistently; verifies; puts it back. */
    const rewritten = (seq: number, change: { prevHash?: string; payload?: (p: string) => string }) =>
      tampered([seq], async ([row]) => {
        const prev = change.prevHash ?? row!.prev_hash;
        const payload = change.payload ? change.payload(row!.payload) : row!.payload;
        await t.db.query('UPDATE audit_event SET prev_hash = $2, payload = $3, hash = $4 WHERE seq = $1', [
          seq,
          prev,
          payload,
          chainHash(prev, payload),
        ]);
      });

    test('R-SYS-03 an event re-linked to a forged previous hash, its own hash recomputed: named as not linking', async () => {
      for (const seq of [18, 2 * PAGE + 1]) {
        // 18 lies inside a page; 2 × PAGE + 1 is the first event of its page, linked to the page before.
        const r = await rewritten(seq, { prevHash: 'a'.repeat(64) });
        assert.deepEqual([r.ok, r.firstBroken, r.checked], [false, seq, seq - 1]);
        assert.match(r.reason!.en, new RegExp(`Audit event ${seq} does not link to the previous event`));
        assert.match(r.reason!.zh, new RegExp(`第 ${seq} 条审计记录的前序哈希与上一条不符`));
      }
    });

    test('R-SYS-03 an event altered with its hash recomputed: the event after it no longer links', async () => {
      const r = await rewritten(3 * PAGE, { payload: (p) => p.replace('test.page', 'test.pagf') });
      assert.deepEqual([r.ok, r.firstBroken], [false, 3 * PAGE + 1]);
      assert.match(r.reason!.en, /does not link/);
    });

    test('R-SYS-03 the tail removed: named at the first removed event', async () => {
      const r = await broken([head - 1, head]);
      assert.equal(r.ok, false);
      assert.equal(r.firstBroken, head - 1);
    });

    test('R-SYS-03 after each repair the chain verifies again', async () => {
      assert.equal((await verifyChain(t.db, undefined, { pageSize: PAGE, hasher })).ok, true);
    });
  });
