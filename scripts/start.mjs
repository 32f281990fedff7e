#!/usr/bin/env node
// `npm start` / `npm run demo`: build the web app and the server if missing or older than their sources,
// then serve (the server from packages/server/dist: no TypeScript compiled at start).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  build as buildServer,
  buildTemplate,
  isFresh as serverIsFresh,
  templateIsFresh,
} from '../packages/server/build.mjs';

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
if (!templateIsFresh()) {
  console.log('Preparing the embedded database template … / 正在准备嵌入式数据库模板 …');
  buildTemplate();
}
// Serve in this very process (no second Node process holding a second copy of everything).
const bin = join(root, 'packages/server/bin/baomi.mjs');
process.chdir(root);
process.argv = [process.argv[0], bin, 'serve', ...process.argv.slice(2)];
await import(pathToFileURL(bin).href);
