// pgcrypto on the embedded database, linked on its first use (D181): the audit chain's SM3 still
// comes from the database, on a migrated database and on a new one (CREATE EXTENSION, migration 0009).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createTar } from 'nanotar';
import { createTestApp, TEST_DB, type TestApp } from '../testing/harness.ts';
import { openDb } from './db.ts';
import { installBundle } from './pgcrypto.ts';

const SM3_ABC = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
const skip = TEST_DB === 'postgres' ? 'the embedded database only' : false;

describe('pgcrypto on the embedded database, linked on first use (R-SYS-03)', { skip }, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t?.close();
  });

  test('R-SYS-03 a migrated embedded database computes SM3 with pgcrypto (the GB/T 32905 vector)', async () => {
    const { rows } = await t.db.query<{ h: string }>("SELECT encode(digest('abc', 'sm3'), 'hex') AS h");
    assert.equal(rows[0]!.h, SM3_ABC);
  });

  test('R-SYS-03 a new embedded database creates the pgcrypto extension from the files written at start', async () => {
    const db = await openDb({ dataDir: 'memory://' });
    try {
      await db.exec('CREATE EXTENSION pgcrypto');
      const { rows } = await db.query<{ h: string; v: string }>(
        "SELECT encode(digest('abc', 'sm3'), 'hex') AS h, extversion AS v FROM pg_extension WHERE extname = 'pgcrypto'",
      );
      assert.equal(rows[0]!.h, SM3_ABC);
      assert.match(rows[0]!.v, /^\d+\.\d+$/);
    } finally {
      await db.close();
    }
  });
});

describe('installing an extension bundle into the embedded file system', () => {
  test('files land under the install prefix; hidden names are skipped', () => {
    // A small archive: its gunzipped bytes sit inside Node's shared buffer pool, at an offset.
    const tarGz = gzipSync(
      createTar([
        { name: 'lib/postgresql/x.so', data: new Uint8Array([0, 97, 115, 109]) },
        { name: 'share/postgresql/extension/x.control', data: 'comment = x' },
        { name: '.hidden', data: 'no' },
      ]),
    );
    const written = new Map<string, Uint8Array>();
    const dirs = new Set<string>(['/pglite']);
    const mod = {
      WASM_PREFIX: '/pglite',
      FS: {
        analyzePath: (p: string) => ({ exists: dirs.has(p) }),
        mkdirTree: (p: string) => {
          dirs.add(p);
        },
        writeFile: (p: string, d: Uint8Array) => {
          written.set(p, d);
        },
      },
    };
    assert.equal(installBundle(mod, tarGz), 2);
    assert.deepEqual([...written.keys()].sort(), [
      '/pglite/lib/postgresql/x.so',
      '/pglite/share/postgresql/extension/x.control',
    ]);
    assert.ok(dirs.has('/pglite/lib/postgresql'));
    assert.equal(
      new TextDecoder().decode(written.get('/pglite/share/postgresql/extension/x.control')),
      'comment = x',
    );
  });
});
