// R-SYS-03 with the outbox (D51, D68): a writing transaction puts its events in audit_outbox
// and commits; the chainer moves them into the chain moments later. The guarantees stay: an event
// exists iff its change committed, the chain never forks (several nodes), waiting events cannot be
// changed, and verification and checkpoints cover what still waits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Db, openDb, type Sql, sendWithCommit } from '../db/db.ts';
import { createTestApp, TEST_DB, type TestApp } from '../testing/harness.ts';
import { appendAudit, chainPending, SYSTEM_ACTOR, unchained, verifyChain } from './chain.ts';

const skip = TEST_DB !== 'postgres' ? 'PostgreSQL only: a second process on the same database' : false;

const outboxCount = async (db: Db) =>
  (await db.query<{ n: number }>('SELECT count(*) AS n FROM audit_outbox')).rows[0]!.n;
const headSeq = async (db: Db) =>
  (await db.query<{ seq: number }>('SELECT seq FROM audit_head WHERE id = 1')).rows[0]!.seq;

/** Waits (polling, generous bound) until the outbox is empty; returns false if it never is. */
async function drained(db: Db, ms = 20_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await outboxCount(db)) === 0) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

describe('audit outbox (R-SYS-03, D51, D68)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  test('R-SYS-03 a rolled-back change leaves nothing in the outbox or the chain', async () => {
    await chainPending(t.db);
    const head = await headSeq(t.db);
    await assert.rejects(
      t.db.tx(async (sql) => {
        await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.rolledback' });
        throw new Error('change refused');
      }),
      /change refused/,
    );
    assert.equal(await outboxCount(t.db), 0);
    await chainPending(t.db);
    assert.equal(await headSeq(t.db), head);
  });

  test('R-SYS-03 a committed event reaches the chain by itself, without any reader', async () => {
    const head = await headSeq(t.db);
    await t.db.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.committed' }));
    assert.ok(await drained(t.db), 'the chainer emptied the outbox');
    assert.equal(await headSeq(t.db), head + 1);
    const last = await t.db.query<{ action: string }>('SELECT action FROM audit_event WHERE seq = $1', [
      head + 1,
    ]);
    assert.equal(last.rows[0]?.action, 'test.committed');
  });

  test('R-SYS-03 events waiting in the outbox cannot be changed or removed, even with full rights', async () => {
    // Insert directly (no chainer woken), then try to tamper before anything chains it.
    await t.db.query('INSERT INTO audit_outbox (bodies) VALUES (ARRAY[$1])', [
      '[0,null,"system","system",null,null,"test.waiting",null,null,{},null]',
    ]);
    const w = await unchained(t.db);
    assert.ok(w.count >= 1);
    assert.ok(w.oldestAt instanceof Date);
    await assert.rejects(t.db.query("UPDATE audit_outbox SET bodies = ARRAY['[]']"), /cannot be changed/);
    await assert.rejects(t.db.query('DELETE FROM audit_outbox'), /cannot be changed or removed/);
    await assert.rejects(t.db.query('TRUNCATE audit_outbox'), /cannot be changed or removed/);
    assert.ok((await chainPending(t.db)) >= 1);
    assert.equal((await unchained(t.db)).count, 0);
  });

  test('R-SYS-03 a DELETE or UPDATE of the outbox is refused as a statement, even one that matches no row (D176)', async () => {
    await assert.rejects(t.db.query('DELETE FROM audit_outbox WHERE false'), /cannot be changed or removed/);
    await assert.rejects(
      t.db.query("UPDATE audit_outbox SET bodies = ARRAY['[]'] WHERE false"),
      /cannot be changed/,
    );
  });

  test('R-SYS-03 the chainer takes committed rows in outbox order, a batch at a time, past the dead rows of earlier batches (D176)', async () => {
    await chainPending(t.db);
    // earlier batches leave dead rows at the front of the outbox (a queue: inserted once, deleted once)
    for (let i = 0; i < 3; i++) {
      await t.db.query('INSERT INTO audit_outbox (bodies) SELECT ARRAY[$1] FROM generate_series(1, 200)', [
        '[0,null,"system","system",null,null,"test.dead",null,null,{},null]',
      ]);
      await chainPending(t.db);
    }
    const head = await headSeq(t.db);
    // in one transaction, so that this node's chainer (its sweep) cannot take the rows first
    await t.db.tx(async (sql) => {
      for (const name of ['first', 'second', 'third']) {
        await sql.query('INSERT INTO audit_outbox (bodies) VALUES (ARRAY[$1, $2])', [
          `[0,null,"system","system",null,null,"test.${name}.a",null,null,{},null]`,
          `[0,null,"system","system",null,null,"test.${name}.b",null,null,{},null]`,
        ]);
      }
      const taken = await sql.query<{ n: number }>('SELECT audit_chain_outbox(2) AS n');
      assert.equal(Number(taken.rows[0]!.n), 4, 'two rows of two events each');
      assert.equal((await unchained(sql)).count, 2, 'the third row still waits');
    });
    await chainPending(t.db);
    const { rows } = await t.db.query<{ action: string }>(
      'SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq',
      [head],
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['test.first.a', 'test.first.b', 'test.second.a', 'test.second.b', 'test.third.a', 'test.third.b'],
    );
    assert.equal(
      Number((await t.db.query<{ n: number }>('SELECT audit_chain_outbox(10) AS n')).rows[0]!.n),
      0,
    );
    assert.ok((await verifyChain(t.db)).ok);
  });

  test('R-SYS-03 verification and the checkpoint cover events still waiting in the outbox', async () => {
    const auditor = await t.admin('auditor');
    await chainPending(t.db);
    const head = await headSeq(t.db);
    // The waiting events and the verification in one transaction: this process's chainer sweeps the
    // outbox every second (CHAIN_SWEEP_MS) and, between separate statements, chained the events itself
    // now and then (a CI run on Node 22 and PostgreSQL saw waiting = 0).
    const v = await t.db.tx(async (sql) => {
      for (let i = 0; i < 3; i++) {
        await sql.query('INSERT INTO audit_outbox (bodies) VALUES (ARRAY[$1])', [
          `[${Date.now()},null,"system","system",null,null,"test.pending",null,"p${i}",{},null]`,
        ]);
      }
      return verifyChain(sql);
    });
    assert.equal(v.ok, true, JSON.stringify(v.reason));
    assert.ok(v.head.seq >= head + 3, 'the waiting events were chained and verified');
    assert.ok(v.waiting >= 3, `verification reports the waiting events it chained (${v.waiting})`);
    const cp = await auditor.get<{ seq: number }>('/api/audit/checkpoint');
    assert.equal(cp.status, 200);
    assert.ok(cp.body.seq >= head + 3);
  });

  test('R-SYS-03 a process that closes its database right after writing (a CLI command) chains its events first', {
    skip,
  }, async () => {
    await chainPending(t.db);
    const head = await headSeq(t.db);
    const cli = await openDb({ databaseUrl: t.database.url!, poolSize: 2 });
    await cli.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.cli' }));
    await cli.close();
    assert.equal(await outboxCount(t.db), 0);
    assert.equal(await headSeq(t.db), head + 1);
  });

  test('R-SYS-03 two nodes writing at once on one database never fork the chain', { skip }, async () => {
    const other = await openDb({ databaseUrl: t.database.url!, poolSize: 5 });
    try {
      const head = await headSeq(t.db);
      const write = (db: Db, node: string, i: number) =>
        db.tx(async (sql) => {
          await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.node', objectId: `${node}-${i}` });
          await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.node.second', objectId: `${node}-${i}` });
        });
      await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => write(t.db, 'a', i)),
        ...Array.from({ length: 30 }, (_, i) => write(other, 'b', i)),
      ]);
      assert.ok(await drained(t.db), 'both nodes chained their events');
      assert.equal(await headSeq(t.db), head + 120);
      const v = await verifyChain(t.db);
      assert.equal(v.ok, true, JSON.stringify(v.reason));
      // A transaction's events stay together and in order.
      const rows = await t.db.query<{ action: string; object_id: string }>(
        "SELECT action, object_id FROM audit_event WHERE seq > $1 AND action LIKE 'test.node%' ORDER BY seq",
        [head],
      );
      for (let i = 0; i < rows.rows.length; i += 2) {
        assert.equal(rows.rows[i]!.action, 'test.node');
        assert.equal(rows.rows[i + 1]!.action, 'test.node.second');
        assert.equal(rows.rows[i]!.object_id, rows.rows[i + 1]!.object_id);
      }
    } finally {
      await other.close();
    }
  });

  test('R-SYS-03 an event whose text looks like SQL goes with the COMMIT as text, byte for byte (D163)', async () => {
    const nasty = [
      "'); DELETE FROM audit_event; --",
      "back\\slash \\' quote",
      '$$ dollar $tag$ ;COMMIT; ROLLBACK;',
      '秘\u200b密 ｛全角｝ \u{1F600} \t tab',
    ].join(' | ');
    await chainPending(t.db);
    const head = await headSeq(t.db);
    await t.db.tx(async (sql) => {
      await appendAudit(sql, SYSTEM_ACTOR, {
        action: 'test.quoted',
        objectId: nasty,
        summary: { note: nasty },
      });
      await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.quoted.second', summary: { n: 2 } });
    });
    await chainPending(t.db);
    const { rows } = await t.db.query<{ action: string; object_id: string | null; payload: string }>(
      'SELECT action, object_id, payload FROM audit_event WHERE seq > $1 ORDER BY seq',
      [head],
    );
    assert.deepEqual(
      rows.map((r) => [r.action, r.object_id]),
      [
        ['test.quoted', nasty],
        ['test.quoted.second', null],
      ],
    );
    const summary = (JSON.parse(rows[0]!.payload) as [...unknown[]])[10] as { note: string };
    assert.equal(summary.note, nasty);
    assert.equal((await verifyChain(t.db)).ok, true);
  });

  test('R-SYS-03 a statement sent with the COMMIT that fails rolls the whole transaction back (D163, D177)', async () => {
    await chainPending(t.db);
    const head = await headSeq(t.db);
    const before = await outboxCount(t.db);
    await assert.rejects(
      t.db.tx(async (sql) => {
        await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.commit.refused' });
        assert.equal(sendWithCommit(sql, 'SELECT 1 / 0'), true);
      }),
      /division by zero/,
    );
    assert.equal(await outboxCount(t.db), before);
    await chainPending(t.db);
    assert.equal(await headSeq(t.db), head);
    // The connection was handed back out of its failed transaction: the next one works.
    await t.db.tx((sql) => appendAudit(sql, SYSTEM_ACTOR, { action: 'test.commit.after' }));
    await chainPending(t.db);
    assert.equal(await headSeq(t.db), head + 1);
  });

  test('sendWithCommit registers nothing outside a transaction, and in one on both databases (D177)', async () => {
    assert.equal(sendWithCommit(t.db, 'SELECT 1'), false);
    const inTx = await t.db.tx(async (sql) => sendWithCommit(sql, 'SELECT 1'));
    assert.equal(inTx, true);
  });

  test('R-SYS-03 a COMMIT that answers ROLLBACK (an error caught inside) is an error, and nothing is written', async () => {
    await chainPending(t.db);
    const head = await headSeq(t.db);
    const before = await outboxCount(t.db);
    await assert.rejects(
      t.db.tx(async (sql) => {
        await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.commit.swallowed' });
        await sql.query('SELECT 1 / 0').catch(() => {});
      }),
      /COMMIT rolled back|current transaction is aborted/,
    );
    assert.equal(await outboxCount(t.db), before);
    await chainPending(t.db);
    assert.equal(await headSeq(t.db), head);
  });

  test('a COMMIT that answers ROLLBACK with nothing sent along is an error too, never a success', async () => {
    const table = `zz_commit_${Date.now()}`;
    await t.db.exec(`CREATE TABLE ${table} (n int)`);
    try {
      await assert.rejects(
        t.db.tx(async (sql) => {
          await sql.query(`INSERT INTO ${table} VALUES (1)`);
          await sql.query('SELECT 1 / 0').catch(() => {});
        }),
        /COMMIT rolled back/,
      );
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      assert.equal(rows[0]!.n, 0);
    } finally {
      await t.db.exec(`DROP TABLE ${table}`);
    }
  });

  test('a transaction holds the embedded database: a statement of another caller waits for its COMMIT', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const name = `tx-hold-${Date.now()}`;
    const writer = t.db.tx(async (sql) => {
      await appendAudit(sql, SYSTEM_ACTOR, { action: 'test.tx.hold', objectId: name });
      await gate;
    });
    const order: string[] = [];
    void writer.then(() => order.push('commit'));
    // On PostgreSQL this reads on another connection at once; on PGlite it waits for the COMMIT above.
    const reader = t.db.query('SELECT 1').then(() => order.push('read'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([writer, reader]);
    assert.deepEqual(order, TEST_DB === 'postgres' ? ['read', 'commit'] : ['commit', 'read']);
    await chainPending(t.db);
    const { rows: ev } = await t.db.query('SELECT 1 FROM audit_event WHERE object_id = $1', [name]);
    assert.equal(ev.length, 1);
  });

  test("a transaction's Sql used after its COMMIT is refused, not run outside it", {
    skip: TEST_DB === 'postgres' ? 'pg hands the connection back to its pool' : false,
  }, async () => {
    let kept: Sql | undefined;
    await t.db.tx(async (sql) => {
      kept = sql;
    });
    await assert.rejects(kept!.query('SELECT 1'), /Transaction is closed/);
  });
});
