#!/usr/bin/env node
// The `baomi` command. Runs the server built ahead (dist/cli.js, from `npm run build` or `npm start`)
// when it is up to date with the sources; otherwise the TypeScript sources through tsx, which is
// correct but compiles at every start (BAOMI_FROM_SOURCE=1 forces this).
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { applyServeFlags } from '../node-flags.mjs';

// The server's memory flags first, before anything is loaded: this may replace the process (D168).
if (process.argv[2] === 'serve') applyServeFlags();

const { DIST_ENTRY, isFresh } = await import('../build.mjs');

module.enableCompileCache?.(); // Node 22+: reuse V8's compiled code for node_modules across starts

if (process.env.BAOMI_FROM_SOURCE !== '1' && isFresh()) {
  await import(pathToFileURL(DIST_ENTRY).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
