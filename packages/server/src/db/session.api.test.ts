// The embedded database's one session (D177): Baomi sends BEGIN and COMMIT itself and runs callers one
// at a time, so no caller may inherit another's transaction state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_DB } from '../testing/harness.ts';
import { type Db, openDb } from './db.ts';

describe('the embedded database runs every statement on one session (D177)', {
  skip: TEST_DB === 'postgres' ? 'the embedded database only (this file opens its own)' : false,
}, () => {
  let db: Db;
  before(async () => {
    db = await openDb({ dataDir: 'memory://' });
  });
  after(async () => {
    await db.close();
  });

  /** 1 when a statement runs (it would fail inside an aborted transaction block). */
  const works = async () => (await db.query('SELECT 1')).rowCount;

  test('a statement outside a transaction that fails half-way through a BEGIN leaves no block open', async () => {
    await assert.rejects(db.exec('BEGIN; SELECT 1 / 0'), /division by zero/);
    // Not "current transaction is aborted": the block was rolled back.
    assert.equal(await works(), 1);
    await db.exec('CREATE TEMP TABLE zz_after (x int); DROP TABLE zz_after');
  });

  test('a statement outside a transaction that opens one is refused and rolled back', async () => {
    await assert.rejects(db.exec('BEGIN; CREATE TEMP TABLE zz_left (x int)'), /left one open/);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'zz_left'",
    );
    assert.equal(rows[0]!.n, 0, 'the table of the rolled-back block does not exist');
  });

  test('transactions one after another, and at once, each commit or roll back on their own', async () => {
    await db.exec('CREATE TABLE zz_tx (n int PRIMARY KEY)');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.tx(async (sql) => {
          await sql.query('INSERT INTO zz_tx (n) VALUES ($1)', [i]);
          await new Promise((r) => setTimeout(r, 1));
          if (i % 3 === 0) throw new Error(`refused ${i}`);
          await sql.query('INSERT INTO zz_tx (n) VALUES ($1)', [100 + i]);
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'rejected').length, 7);
    const { rows } = await db.query<{ n: number }>('SELECT n FROM zz_tx ORDER BY n');
    const want = Array.from({ length: 20 }, (_, i) => i)
      .filter((i) => i % 3 !== 0)
      .flatMap((i) => [i, 100 + i])
      .sort((a, b) => a - b);
    assert.deepEqual(
      rows.map((r) => r.n),
      want,
    );
    await db.exec('DROP TABLE zz_tx');
  });

  test('a closed database refuses statements; closing waits for a transaction under way', async () => {
    const other = await openDb({ dataDir: 'memory://' });
    let committed = false;
    const running = other.tx(async (sql) => {
      await new Promise((r) => setTimeout(r, 30));
      await sql.query('SELECT 1');
      committed = true;
    });
    await other.close();
    await running;
    assert.equal(committed, true);
    await assert.rejects(other.query('SELECT 1'));
  });
});
