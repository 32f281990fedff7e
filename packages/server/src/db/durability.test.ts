// The embedded database is durable on a data directory: fsync on, WAL synced with fsync, and PGlite's
// file system really calls fsync(2) — so an acknowledged COMMIT survives a power loss.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDb } from './db.ts';

const settings = async (dataDir: string) => {
  const db = await openDb({ dataDir });
  try {
    const { rows } = await db.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method') ORDER BY name",
    );
    await db.exec('CREATE TABLE IF NOT EXISTS t (x int)');
    await db.tx((sql) => sql.query('INSERT INTO t VALUES (1)'));
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await db.close();
  }
};

describe('embedded database durability (R-SYS-03: acknowledged audit events are not lost)', () => {
  test('a data directory runs with fsync on and WAL synced by fsync, and commits survive a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-durable-'));
    try {
      assert.deepEqual(await settings(dir), { fsync: 'on', wal_sync_method: 'fsync' });
      const db = await openDb({ dataDir: dir });
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
      await db.close();
      assert.equal(rows[0]!.n, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('BAOMI_PGLITE_FSYNC=off restores PGlite’s default (fsync off), for throw-away directories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-volatile-'));
    process.env.BAOMI_PGLITE_FSYNC = 'off';
    try {
      assert.equal((await settings(dir)).fsync, 'off');
    } finally {
      delete process.env.BAOMI_PGLITE_FSYNC;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
