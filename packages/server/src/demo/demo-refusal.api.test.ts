// Demo mode never touches a real database: pointed at a database that was not created as a demo, it
// refuses to start, writes no demo data and resets no administrator password.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDb } from '../db/db.ts';
import { type StartOptions, start } from '../main.ts';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../testing/harness.ts';

describe('demo mode refuses a database not created as a demo (R-SYS-01: no published password on a real system)', () => {
  let dir: string;
  let database: TestDatabase | null = null;
  let where: Pick<StartOptions, 'dataDir' | 'databaseUrl' | 'allowOwnerRole'>;

  const state = async () => {
    const db = await openDb(
      where.databaseUrl ? { databaseUrl: where.databaseUrl } : { dataDir: join(dir, 'pg') },
    );
    try {
      const hashes = await db.query<{ username: string; password_hash: string; must: boolean }>(
        `SELECT username, password_hash, must_change_password AS must FROM account
          WHERE admin_role IS NOT NULL ORDER BY username`,
      );
      const flags = await db.query<{ key: string }>(
        "SELECT key FROM setting WHERE key IN ('demo', 'demo_designation') ORDER BY key",
      );
      const orgs = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org');
      return { admins: hashes.rows, flags: flags.rows, orgs: orgs.rows[0]!.n };
    } finally {
      await db.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baomi-demo-refusal-'));
    if (TEST_DB === 'postgres') {
      database = await createTestDatabase();
      where = { databaseUrl: database.url!, allowOwnerRole: true }; // the test server's superuser
    } else where = { dataDir: dir };
    // A real installation: first start without --demo.
    const real = await start({ ...where, port: 0, jobs: false, webDist: null });
    assert.ok(real.bootstrap, 'the administrators were created');
    await real.close();
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (database) await database.drop();
  });

  test('npm run demo on a real database refuses with a bilingual reason, and nothing changes', async () => {
    const before = await state();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();
    await assert.rejects(
      () => start({ ...where, demo: true, port: 0, jobs: false, webDist: null }),
      (e: Error) => {
        assert.match(e.message, /演示模式只能用于以演示模式创建的数据库/);
        assert.match(e.message, /Demo mode runs only on a database created as a demo database/);
        return true;
      },
    );
    // start() holds the event loop open with a timer until it listens (D175): a refused start drops it.
    assert.equal(timers(), timersBefore, 'a refused start leaves no timer keeping the process alive');
    const after = await state();
    assert.deepEqual(after, before, 'no demo data, no password reset');
    assert.ok(
      after.admins.every((a) => a.must),
      'the one-time passwords still must be changed',
    );
    assert.equal(after.flags.length, 0);
  });

  test('the real database still starts normally afterwards', async () => {
    const again = await start({ ...where, port: 0, jobs: false, webDist: null });
    try {
      const r = await fetch(`${again.url}/api/system/info`);
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { demo: boolean }).demo, false);
    } finally {
      await again.close();
    }
  });
});
