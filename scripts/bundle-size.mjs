#!/usr/bin/env node
// What a first visit to the login page downloads: the entry script of packages/web/dist/index.html,
// the login page's chunk, and every chunk they import statically, gzipped (what the server sends
// pre-compressed). Run after `npm run build`. Usage: node scripts/bundle-size.mjs [PageName]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../packages/web/dist/', import.meta.url).pathname;
const page = process.argv[2] ?? 'LoginPage';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in dist/index.html (run npm run build first)');
const chunk = readdirSync(join(dist, 'assets')).find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
if (!chunk) throw new Error(`no chunk for ${page}`);

const seen = new Set();
function visit(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  // static imports only: `import … from "./x.js"` and `import "./x.js"` (not import("./x.js"))
  for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    visit(join('assets', m[1].slice(2)));
  }
}
visit(entry);
visit(join('assets', chunk));
let raw = 0;
let gz = 0;
const rows = [...seen].map((f) => {
  const b = readFileSync(join(dist, f));
  const z = gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += z;
  return [f, b.length, z];
});
rows.sort((a, b) => b[2] - a[2]);
for (const [f, r, z] of rows)
  console.log(`${(z / 1024).toFixed(1).padStart(8)} KB gz ${(r / 1024).toFixed(1).padStart(8)} KB  ${f}`);
console.log(
  `${(gz / 1024).toFixed(1).padStart(8)} KB gz ${(raw / 1024).toFixed(1).padStart(8)} KB  total for ${page} (${seen.size} files)`,
);
