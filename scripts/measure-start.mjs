#!/usr/bin/env node
// Time from launching `baomi serve` to the first HTTP 200 of GET /api/system/info, on a fresh data
// directory (first start) and then again on the same directory (warm starts). Nothing is built here:
// run `npm run build` first to measure the built server, or set BAOMI_FROM_SOURCE=1 to measure tsx.
// With --npm, starts through `npm start` (as a user does: checks both builds, then serves).
//   node scripts/measure-start.mjs [--runs 3] [--port 18080] [--npm]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, port: { type: 'string' }, npm: { type: 'boolean' } },
});
const runs = Number(values.runs ?? 3);
const port = Number(values.port ?? 18080);
const root = new URL('..', import.meta.url).pathname;
const bin = new URL('../packages/server/bin/baomi.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'baomi-start-'));

/** CPU seconds (user + system) the process has used so far: unlike wall time, not inflated by a busy machine. Linux only. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

async function once() {
  const env = { ...process.env, BAOMI_DATA_DIR: dir };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  // Own process group: `npm start` runs the server as a grandchild, stopped with the group.
  const child = values.npm
    ? spawn('npm', ['start', '--', '--port', String(port)], {
        cwd: root,
        env,
        stdio: 'ignore',
        detached: true,
      })
    : spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
        env,
        stdio: 'ignore',
        detached: true,
      });
  const exited = new Promise((res) => child.once('exit', res));
  let ms = Number.NaN;
  let cpu = Number.NaN;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/system/info`);
      if (r.status === 200) {
        ms = performance.now() - t0;
        cpu = values.npm ? Number.NaN : cpuSeconds(child.pid);
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((res) => setTimeout(res, 20));
  }
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  // `npm start` may exit before the server it started has closed its port: wait for that too.
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/system/info`);
      await new Promise((res) => setTimeout(res, 50));
    } catch {
      break;
    }
  }
  return { ms, cpu };
}

const show = (r) =>
  `${(r.ms / 1000).toFixed(2)} s${Number.isNaN(r.cpu) ? '' : ` (CPU ${r.cpu.toFixed(2)} s)`}`;
try {
  console.log(`first start: ${show(await once())}`);
  const warm = [];
  for (let i = 0; i < runs; i++) {
    warm.push(await once());
    console.log(`warm start ${i + 1}: ${show(warm[i])}`);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `warm median: ${show({ ms: median(warm.map((r) => r.ms)), cpu: median(warm.map((r) => r.cpu)) })}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
