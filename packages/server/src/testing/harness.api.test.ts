// The test harness's migrated copies (D170): a test app's database is what migrating a fresh one gives,
// each app gets its own, and createTestDatabase still gives an empty one for tests of migrations.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { createMigratedTestDatabase, createTestApp, createTestDatabase } from './harness.ts';

describe('test harness databases (D170)', () => {
  test('a migrated copy has every migration, nothing left to apply, and an empty audit chain', async () => {
    const t = await createMigratedTestDatabase();
    try {
      const versions = (
        await t.db.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version')
      ).rows.map((r) => r.version);
      assert.deepEqual(
        versions,
        loadMigrations().map((m) => m.version),
      );
      assert.deepEqual(await migrate(t.db), []);
      const events = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
      assert.equal(events.rows[0]!.n, 0);
    } finally {
      await t.drop();
    }
  });

  test('two test apps do not share a database', async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    try {
      const sys = await a.admin('sysadmin');
      const made = await sys.post<{ id: string }>('/api/orgs', {
        name: '只在甲库',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      });
      assert.equal(made.status, 201);
      const inB = await b.db.query("SELECT 1 FROM org WHERE name = '只在甲库'");
      assert.equal(inB.rowCount, 0);
      assert.notEqual(a.bootstrap[0]!.password, b.bootstrap[0]!.password);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('createTestDatabase is empty: the migrations are left to the test', async () => {
    const t = await createTestDatabase();
    try {
      const r = await t.db.query<{ t: string | null }>("SELECT to_regclass('schema_migration')::text AS t");
      assert.equal(r.rows[0]!.t, null);
    } finally {
      await t.drop();
    }
  });
});
