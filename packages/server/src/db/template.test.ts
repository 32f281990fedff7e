// The embedded database's first start from the prepared template (db/template.ts): used only on an
// empty directory, only when made by this PGlite with migrations the sources still have; the database
// it gives is the same as after initdb + migrations.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../audit/chain.ts';
import { openAndMigrate } from '../main.ts';
import { loadMigrations } from './migrate.ts';
import { buildTemplate, seedFromTemplate, templateMismatch } from './template.ts';

describe('embedded database template', () => {
  const root = mkdtempSync(join(tmpdir(), 'baomi-template-'));
  const tpl = join(root, 'tpl');
  const manifest = () => JSON.parse(readFileSync(join(tpl, 'template.json'), 'utf8'));

  before(async () => {
    process.env.BAOMI_PGLITE_FSYNC = 'off';
    await buildTemplate(tpl);
  });
  after(() => {
    delete process.env.BAOMI_PGLITE_FSYNC;
    rmSync(root, { recursive: true, force: true });
  });

  test('a template made from the current sources matches them', () => {
    assert.equal(templateMismatch(tpl), null);
    assert.deepEqual(
      Object.keys(manifest().migrations).map(Number),
      loadMigrations().map((m) => m.version),
    );
  });

  test('an empty data directory starts from the template: migrated, an empty valid audit chain', async () => {
    const dataDir = join(root, 'data1');
    assert.equal(seedFromTemplate(join(dataDir, 'pg'), tpl), true);
    const db = await openAndMigrate({ dataDir });
    try {
      const applied = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migration');
      assert.equal(applied.rows[0]!.n, loadMigrations().length);
      const head = await db.query<{ seq: number }>('SELECT seq FROM audit_head');
      assert.equal(head.rows[0]!.seq, 0);
      assert.equal((await verifyChain(db)).ok, true);
      const accounts = await db.query('SELECT 1 FROM account');
      assert.equal(accounts.rowCount, 0, 'no administrator comes with the template');
    } finally {
      await db.close();
    }
  });

  test('a directory that holds anything is never overwritten', () => {
    const pg = join(root, 'data2', 'pg');
    mkdirSync(pg, { recursive: true });
    writeFileSync(join(pg, 'PG_VERSION'), '17\n');
    assert.equal(seedFromTemplate(pg, tpl), false);
    assert.equal(readFileSync(join(pg, 'PG_VERSION'), 'utf8'), '17\n');
  });

  test('a template of another PGlite, or with a migration since changed, is not used', () => {
    const good = readFileSync(join(tpl, 'template.json'), 'utf8');
    try {
      writeFileSync(join(tpl, 'template.json'), JSON.stringify({ ...manifest(), pglite: '0.0.1' }));
      assert.match(templateMismatch(tpl) ?? '', /PGlite 0\.0\.1/);
      assert.equal(seedFromTemplate(join(root, 'data3', 'pg'), tpl), false);
      const m = JSON.parse(good);
      m.migrations['1'] = 'f'.repeat(64);
      writeFileSync(join(tpl, 'template.json'), JSON.stringify(m));
      assert.match(templateMismatch(tpl) ?? '', /migration 1 differs/);
      // A template older than the sources (a migration added since) is still used: start applies the rest.
      const older = JSON.parse(good);
      delete older.migrations[String(loadMigrations().at(-1)!.version)];
      writeFileSync(join(tpl, 'template.json'), JSON.stringify(older));
      assert.equal(templateMismatch(tpl), null);
    } finally {
      writeFileSync(join(tpl, 'template.json'), good);
    }
  });

  test('BAOMI_PGLITE_TEMPLATE=off always runs initdb', () => {
    process.env.BAOMI_PGLITE_TEMPLATE = 'off';
    try {
      assert.equal(seedFromTemplate(join(root, 'data4', 'pg'), tpl), false);
    } finally {
      delete process.env.BAOMI_PGLITE_TEMPLATE;
    }
  });
});
