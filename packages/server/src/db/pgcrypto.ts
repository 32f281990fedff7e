// pgcrypto on the embedded database, linked on its first use instead of at every start (D181).
//
// The audit chainer computes SM3 in the database (pgcrypto's digest, migrations 0009 and 0019), so
// the embedded database needs pgcrypto. PGlite's own pgcrypto extension unpacks its bundle and links
// its library (3.2 MB of WebAssembly with OpenSSL) while the database starts: about 0.1–0.25 s of
// every start on the 2-core machine, a tenth of the warm start, whether or not anything is hashed.
// This extension writes the same files where PGlite's would, without preloading the library:
// PostgreSQL loads it (Emscripten's dlopen, from the file) the first time a pgcrypto function is
// called, usually the first chaining after a start. Nothing else changes: the same files, paths and
// functions, and CREATE EXTENSION works as before (migration 0009 on a new database).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { parseTar } from 'nanotar';

/** The file system calls this needs from PGlite's Emscripten module (PostgresMod). */
interface ModFs {
  WASM_PREFIX: string;
  FS: {
    analyzePath(path: string): { exists: boolean };
    mkdirTree(path: string): void;
    writeFile(path: string, data: Uint8Array): void;
  };
}

/** Writes the bundle's files under PGlite's install prefix, as PGlite does for a library it could not preload. */
export function installBundle(mod: ModFs, tarGz: Uint8Array): number {
  let files = 0;
  const tar = gunzipSync(tarGz);
  // nanotar 0.3 reads `data.buffer` from its start: a small result may sit inside Node's shared pool
  // of buffers at an offset, so it gets an ArrayBuffer of its own.
  const exact =
    tar.byteOffset === 0 && tar.byteLength === tar.buffer.byteLength
      ? tar.buffer
      : tar.buffer.slice(tar.byteOffset, tar.byteOffset + tar.byteLength);
  for (const item of parseTar(exact)) {
    if (item.name.startsWith('.') || item.name.includes('..')) continue;
    const path = `${mod.WASM_PREFIX}/${item.name.replace(/\/$/, '')}`;
    if (item.type === 'directory') {
      if (!mod.FS.analyzePath(path).exists) mod.FS.mkdirTree(path);
      continue;
    }
    if (item.type !== 'file' || !item.data) continue;
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!mod.FS.analyzePath(dir).exists) mod.FS.mkdirTree(dir);
    mod.FS.writeFile(path, item.data);
    files += 1;
  }
  return files;
}

/** pgcrypto for PGlite.create's `extensions`, linked when first called (see above). */
export const pgcryptoOnFirstUse: Extension = {
  name: 'pgcrypto (linked on first use)',
  async setup(pg, emscriptenOpts) {
    const { bundlePath } = await pgcrypto.setup(pg, emscriptenOpts);
    if (!bundlePath) throw new Error('PGlite pgcrypto: no bundle');
    const tarGz = readFileSync(bundlePath);
    const preRun = [...(emscriptenOpts.preRun ?? [])];
    preRun.push((mod: ModFs) => {
      if (installBundle(mod, tarGz) === 0) throw new Error('PGlite pgcrypto: the bundle holds no file');
    });
    return { emscriptenOpts: { ...emscriptenOpts, preRun } };
  },
};
