#!/usr/bin/env node
// `npm start` / `npm run demo`: build the web app and the server if missing or older than their sources,
// then serve (the server from packages/server/dist: no TypeScript compiled at start).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build as buildServer, isFresh as serverIsFresh } from '../packages/server/build.mjs';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'packages/web');
const built = join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const sources = [join(web, 'src'), join(root, 'packages/domain/src'), join(root, 'packages/api/src')];
if (!existsSync(built) || sources.some((d) => newest(d) > statSync(built).mtimeMs)) {
  console.log('Building the web app … / 正在构建前端 …');
  const r = spawnSync('npm', ['run', 'build', '-w', '@baomi/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!serverIsFresh()) {
  console.log('Building the server … / 正在构建服务端 …');
  await buildServer();
}
const args = ['serve', ...process.argv.slice(2)];
const r = spawnSync(process.execPath, [join(root, 'packages/server/bin/baomi.mjs'), ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
