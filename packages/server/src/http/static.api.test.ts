// The web app's files: pre-compressed variants when the client accepts them, hashed assets cached for
// a year, index.html (and the client routes answered with it) revalidated at each load.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { buildApp } from './app.ts';
import { IMMUTABLE } from './static.ts';

const HTML = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;
const JS = `console.log(${JSON.stringify('保密'.repeat(2000))});\n`;
const CSS = 'body { margin: 0 }\n';
const SECRET = 'not-for-the-browser-7f3a';
const SECRET_NAME = `baomi-secret-${process.pid}`;

describe('web app files', () => {
  let dist: string;
  let database: TestDatabase;
  let app: FastifyInstance;
  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  before(async () => {
    // A tiny stand-in for packages/web/dist, as the build writes it (with .br/.gz next to text files).
    dist = mkdtempSync(join(tmpdir(), 'baomi-web-'));
    mkdirSync(join(dist, 'assets'));
    const files: Record<string, string> = {
      'index.html': HTML,
      'assets/index-Ab12Cd34.js': JS,
      'assets/small-Ef56Gh78.css': CSS, // below the compression threshold: no .br/.gz
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dist, name), text);
      if (text.length < 1024) continue;
      writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
    }
    database = await createTestDatabase();
    await migrate(database.db);
    app = await buildApp({
      db: database.db,
      demo: false,
      version: 'test',
      loginRate: { max: 10_000, windowSeconds: 60 },
      backupDir: null,
      webDist: dist,
    });
  });
  after(async () => {
    await app.close();
    await database.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  test('index.html is never cached without asking, and sent compressed', async () => {
    for (const url of ['/', '/index.html']) {
      const r = await get(url, 'gzip, deflate, br');
      assert.equal(r.statusCode, 200, url);
      assert.equal(r.headers['cache-control'], 'no-cache', url);
      assert.match(String(r.headers['content-type']), /^text\/html/, url);
      assert.equal(r.headers['content-encoding'], 'br', url);
      assert.equal(brotliDecompressSync(r.rawPayload).toString(), HTML, url);
    }
  });

  test('client routes of the single-page app get index.html, not cached either', async () => {
    const r = await get('/designation/items/123', 'gzip');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(r.rawPayload).toString(), HTML);
  });

  test('hashed assets are immutable for a year, in the encoding the client accepts', async () => {
    const url = '/assets/index-Ab12Cd34.js';
    const br = await get(url, 'gzip, deflate, br');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['cache-control'], IMMUTABLE);
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), JS);

    const gz = await get(url, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['cache-control'], IMMUTABLE);
    assert.equal(gunzipSync(gz.rawPayload).toString(), JS);

    const plain = await get(url);
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['cache-control'], IMMUTABLE);
    assert.equal(plain.payload, JS);
  });

  test('an asset without a compressed copy is sent as it is', async () => {
    const r = await get('/assets/small-Ef56Gh78.css', 'gzip, br');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(r.headers['cache-control'], IMMUTABLE);
    assert.equal(r.payload, CSS);
  });

  test('one route serves the files (D175): no path outside the web app, no dotfile, no traversal', async () => {
    // A secret beside the web app's directory, and a dotfile inside it.
    writeFileSync(join(dist, '..', `${SECRET_NAME}.txt`), SECRET);
    writeFileSync(join(dist, '.env'), SECRET);
    try {
      for (const url of [
        `/../${SECRET_NAME}.txt`,
        `/%2e%2e/${SECRET_NAME}.txt`,
        `/assets/..%2f..%2f${SECRET_NAME}.txt`,
        `/assets/%2e%2e/%2e%2e/${SECRET_NAME}.txt`,
        '/.env',
        '/assets/../.env',
      ]) {
        const r = await get(url);
        assert.ok(!r.payload.includes(SECRET), `${url} must not reach the secret`);
      }
      // A HEAD of an asset answers like its GET, without a body.
      const head = await app.inject({ method: 'HEAD', url: '/assets/index-Ab12Cd34.js' });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers['cache-control'], IMMUTABLE);
      assert.equal(head.payload, '');
    } finally {
      rmSync(join(dist, '..', `${SECRET_NAME}.txt`), { force: true });
      rmSync(join(dist, '.env'), { force: true });
    }
  });

  test('unknown API paths still get the bilingual JSON 404', async () => {
    const r = await get('/api/no-such-thing', 'gzip, br');
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().error.code, 'no_route');
    assert.notEqual(r.headers['cache-control'], IMMUTABLE);
    // Also for a path that looks like a file, and for a method the files' route does not answer.
    const file = await get('/api/index.html');
    assert.equal(file.statusCode, 404);
    assert.equal(file.json().error.code, 'no_route');
    const post = await app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} });
    assert.equal(post.statusCode, 404);
  });
});
