#!/usr/bin/env node
// Runs every Baomi test suite and prints one closing line: "N passed, N failed, N skipped".
// Suites: lint, typecheck, domain, scanner, server unit, API on PGlite, API on PostgreSQL, browser (Chromium).
// PostgreSQL and Chromium suites are skipped (with a message) when absent, unless CI=true: then they fail.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2); // e.g. `npm test -- domain api-pglite`
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
/** What went wrong without failing a test (a shared test process that died and was made good, D174). */
const notices = [];

function walk(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out.sort();
}

// Suites another runner covers: .ci/run runs the API suites under Node 22 and 24 (scripts/node-matrix.sh)
// and sets BAOMI_TEST_SKIP=api-postgres,api-pglite for this machine's Node, keeping CI within its 30
// minutes (D159, D171). Named suites (`npm test -- api-postgres`) always run.
const skipped = (process.env.BAOMI_TEST_SKIP ?? '').split(',').filter(Boolean);

function want(name) {
  if (only.length > 0) return only.includes(name);
  if (skipped.includes(name)) {
    console.log(`\n=== ${name}: run elsewhere (BAOMI_TEST_SKIP=${skipped.join(',')})`);
    return false;
  }
  return true;
}

function step(name, cmd, args, env = {}) {
  if (!want(name)) return;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ').slice(0, 200)}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(name);
  }
}

/**
 * Runs a command with its stdout and stderr kept in a file (a pipe would fill while this script waits
 * in spawnSync); settles when it has ended, with its status and output. A command that cannot start
 * settles with status 1 and the reason as its output.
 */
function spawnQuiet(cmd, args, env = process.env) {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-test-'));
  const file = join(dir, 'output.txt');
  const out = openSync(file, 'w');
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', out, out], env });
  return new Promise((resolve) => {
    let ended = false;
    const done = (status, signal, why = '') => {
      if (ended) return;
      ended = true;
      closeSync(out);
      const text = readFileSync(file, 'utf8') + why;
      rmSync(dir, { recursive: true, force: true });
      resolve({ status, signal, text });
    };
    child.on('error', (e) => done(1, null, `could not start ${cmd}: ${e.message}\n`));
    child.on('exit', (code, signal) => done(code ?? 1, signal));
  });
}

/** step(), started in the background: the promise settles when it has ended and its output is printed. */
async function background(name, cmd, args) {
  if (!want(name)) return;
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')} (in the background; its output follows when it ends)`);
  const { status, signal, text } = await spawnQuiet(cmd, args);
  const secs = Math.round((Date.now() - started) / 1000);
  console.log(
    `\n=== ${name}: ${status === 0 ? 'ok' : `FAILED${signal ? ` (signal ${signal})` : ''}`} in ${secs} s`,
  );
  if (text) process.stdout.write(text);
  if (status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(name);
  }
}

// Node 22.8+ can run test files in the process that lists them (--experimental-test-isolation=none; it
// is --test-isolation from Node 23.6, which keeps the old name as an alias). BAOMI_TEST_ISOLATION=process
// keeps one process per file (to rule out state shared between files when hunting a failure).
const [major, minor] = process.versions.node.split('.').map(Number);
const sharedProcesses =
  process.env.BAOMI_TEST_ISOLATION !== 'process' && (major > 22 || (major === 22 && minor >= 8));

const testEnv = (env) => ({
  // Node 22+ keeps V8's compiled code of every module here, so each test process loads the server's
  // modules faster (≈ 0.25 s of ≈ 1.5 s measured under Node 24); Node 20 ignores it.
  NODE_COMPILE_CACHE: join(tmpdir(), 'baomi-node-compile-cache'),
  ...process.env,
  ...env,
});

/**
 * Runs the test files and counts their results. By default each file is a process of its own, two at a
 * time. With `shared`, and where Node supports it, the files are dealt to two processes that each run
 * their half in one process, one file after the other: the API suites spent about two of their minutes
 * loading the server's modules and compiling PGlite again in each of their seventy-odd processes
 * (docs/decisions.md D172). A shared process that dies before its summary has its unfinished files run
 * again, each in a process of its own (D174).
 */
async function nodeTests(name, files, env = {}, { shared = false } = {}) {
  if (!want(name)) return;
  if (files.length === 0) {
    console.log(`\n=== ${name}: no test files`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'baomi-test-'));
  const common = ['--import', 'tsx', '--test'];
  const rel = files.map((f) => relative(root, f));
  let runs;
  if (shared && sharedProcesses) {
    console.log(`\n=== ${name}: ${files.length} files in two processes (their output follows when both end)`);
    runs = await Promise.all(
      [1, 2].map((k) => {
        const tap = join(dir, `result-${k}.tap`);
        const spec = join(dir, `spec-${k}.txt`);
        const started = join(dir, `files-${k}.txt`);
        const args = [
          ...common,
          '--experimental-test-isolation=none',
          `--test-shard=${k}/2`,
          '--test-reporter=spec',
          `--test-reporter-destination=${spec}`,
          `--test-reporter=${join(root, 'scripts/test-files-reporter.mjs')}`,
          `--test-reporter-destination=${tap}`,
          ...rel,
        ];
        const envK = testEnv({ ...env, BAOMI_TEST_FILES_LOG: started });
        return spawnQuiet(process.execPath, args, envK).then(({ status, signal, text }) => {
          if (existsSync(spec)) process.stdout.write(readFileSync(spec, 'utf8'));
          if (text) process.stdout.write(text);
          // Node deals the files (sorted, as here) to shard k by index modulo 2.
          const mine = rel.filter((_, i) => i % 2 === k - 1);
          return { k, status, signal, text, tap, started, files: mine };
        });
      }),
    );
  } else {
    const tap = join(dir, 'result.tap');
    console.log(`\n=== ${name}: ${files.length} files`);
    const r = spawnSync(
      process.execPath,
      [
        ...common,
        '--test-concurrency=2',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...rel,
      ],
      { cwd: root, stdio: 'inherit', env: testEnv(env) },
    );
    runs = [{ status: r.status, signal: r.signal, tap }];
  }
  let pass = 0;
  let fail = 0;
  let skip = 0;
  const names = [];
  const exits = [];
  for (const run of runs) {
    const text = existsSync(run.tap) ? readFileSync(run.tap, 'utf8') : '';
    const died = run.started && run.status !== 0 && !/^# tests \d+$/m.test(text);
    if (died) {
      // A shared process that died before its summary (stop 23: Node 24 ended one with SIGTRAP midway,
      // the V8 fatal error's text cut from CI's tail): say where, with its last lines, and run the
      // files it had not finished again, each in a process of its own. Every test still has to pass.
      const r = await rerunUnfinished(name, run, env, dir);
      pass += r.pass;
      fail += r.fail;
      skip += r.skip;
      names.push(...r.names);
      continue;
    }
    const c = tapCounts(text);
    pass += c.pass;
    fail += c.fail;
    skip += c.skip;
    if (c.fail > 0) names.push(...failedNames(text));
    else if (run.status !== 0) exits.push(`exit ${run.status}${run.signal ? `, signal ${run.signal}` : ''}`);
  }
  rmSync(dir, { recursive: true, force: true });
  totals.passed += pass;
  totals.failed += fail;
  totals.skipped += skip;
  if (fail > 0) problems.push(`${name} (${fail} failed: ${names.slice(0, 20).join(' | ')})`);
  else if (exits.length > 0) {
    totals.failed += 1;
    problems.push(`${name} (${exits.join('; ')})`);
  }
  console.log(`--- ${name}: ${pass} passed, ${fail} failed, ${skip} skipped`);
}

/** The counts in a TAP file's closing summary (cancelled tests count as failed, todo as skipped). */
function tapCounts(tap) {
  const num = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  return { pass: num('pass'), fail: num('fail') + num('cancelled'), skip: num('skipped') + num('todo') };
}

/**
 * For a shared test process that died before its summary: prints where it died and its last lines of
 * output (kept in the closing lines of CI's tail), counts the files it finished from its reporter's
 * lines (test-files-reporter.mjs), and runs the file it died in and those it never reached again, each
 * in a process of its own. Returns the counts of both, and the failing tests' names.
 */
async function rerunUnfinished(name, run, env, dir) {
  const lines = existsSync(run.started) ? readFileSync(run.started, 'utf8').split('\n') : [];
  const started = lines.filter((l) => l.startsWith('start ')).map((l) => relative(root, l.slice(6)));
  const diedIn = started.at(-1) ?? null;
  const finished = new Set(started.slice(0, -1));
  const again = run.files.filter((f) => !finished.has(f));
  const counts = { pass: 0, fail: 0, skip: 0, names: [] };
  for (const l of lines) {
    const m = l.match(/^(pass|fail|skip) (.*)$/);
    if (m && finished.has(relative(root, m[2]))) counts[m[1]] += 1;
  }
  if (counts.fail > 0) {
    const tap = existsSync(run.tap) ? readFileSync(run.tap, 'utf8') : '';
    counts.names.push(...failedNames(tap));
  }
  const how = `exit ${run.status}${run.signal ? `, signal ${run.signal}` : ''}`;
  const tail = run.text.trimEnd().split('\n').slice(-25).join('\n');
  const notice = `${name}: shared process ${run.k}/2 died (${how}) in ${diedIn ?? 'its first file'}; ${again.length} file(s) run again, one process each`;
  notices.push(notice);
  console.log(`\n--- ${notice}. Its last lines of output:\n${tail || '(none)'}\n`);
  if (again.length === 0) return counts;
  const tap = join(dir, `again-${run.k}.tap`);
  const { status, signal, text } = await spawnQuiet(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...again,
    ],
    testEnv(env),
  );
  process.stdout.write(text);
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const c = tapCounts(out);
  counts.pass += c.pass;
  counts.skip += c.skip;
  counts.fail += c.fail;
  if (c.fail > 0) counts.names.push(...failedNames(out));
  else if (status !== 0) {
    counts.fail += 1;
    counts.names.push(`the files run again: exit ${status}${signal ? `, signal ${signal}` : ''}`);
  }
  return counts;
}

// The failing tests' names, innermost last ("suite › test"), each with the first line of its error, from
// the TAP file: CI shows only the tail of its output, so the closing lines must say which tests failed
// and why, not only how many.
function failedNames(tap) {
  const stack = [];
  const failed = [];
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = line.match(/^(\s*)(not ok|ok) \d+ - (.*?)(?: # .*)?$/);
    if (m) {
      const depth = m[1].length / 4;
      stack.length = depth;
      if (m[2] === 'not ok')
        failed.push({
          name: [...stack, m[3]].join(' › '),
          why: errorLine(lines, i + 1),
          hook: /^\s*failureType: 'hookFailed'$/m.test(yamlBlock(lines, i + 1)),
        });
      continue;
    }
    const s = line.match(/^(\s*)# Subtest: (.*)$/);
    if (s) {
      const depth = s[1].length / 4;
      stack.length = depth;
      stack[depth] = s[2];
    }
  }
  // A failing suite also reports each failing test inside it: keep the innermost names. A suite whose
  // before hook failed is kept too, first: its tests only say they were cancelled, the hook's error
  // says why.
  return failed
    .filter((f) => f.hook || !failed.some((o) => o !== f && o.name.startsWith(`${f.name} › `)))
    .sort((a, b) => Number(b.hook) - Number(a.hook))
    .slice(0, 20)
    .map((f) => (f.why ? `${f.name} — ${f.why}` : f.name));
}

// The YAML block after a "not ok" line, up to its closing "...".
function yamlBlock(lines, from) {
  const out = [];
  for (let i = from; i < lines.length && i < from + 40 && lines[i].trim() !== '...'; i++) out.push(lines[i]);
  return out.join('\n');
}

// The error in the YAML block after a "not ok" line (`error: 'text'`, or `error: |-` and its first four
// lines joined), cut to 300 characters.
function errorLine(lines, from) {
  for (let i = from; i < lines.length && i < from + 40; i++) {
    const l = lines[i].trim();
    if (l === '...') break;
    const m = l.match(/^error: (.*)$/);
    if (!m) continue;
    let text = m[1];
    if (text === '|-' || text === '|' || text === '>-') {
      const indent = lines[i].indexOf('error:');
      const body = [];
      for (let j = i + 1; j < lines.length && body.length < 4; j++) {
        if (lines[j].trim() && lines[j].search(/\S/) <= indent) break;
        if (lines[j].trim()) body.push(lines[j].trim());
      }
      text = body.join(' / ');
    }
    text = text.replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  }
  return '';
}

function missing(name, why) {
  if (!want(name)) return;
  if (ci) {
    console.log(`\n=== ${name}: FAILED — ${why} (CI=true requires it)`);
    totals.failed += 1;
    problems.push(`${name}: ${why}`);
  } else {
    console.log(`\n=== ${name}: SKIPPED — ${why}`);
    totals.skipped += 1;
  }
}

const bin = (n) => join(root, 'node_modules', '.bin', n);
step('lint', bin('biome'), ['check', '.']);
// The type check runs on one core for about a minute: it runs beside the domain, scanner and web unit
// suites (its output kept in a file and printed when it ends), not before them.
const typecheck = background('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);

const isTest = (p) => p.endsWith('.test.ts') || p.endsWith('.test.tsx');
const isApi = (p) => p.endsWith('.api.test.ts');
await nodeTests('domain', walk(join(root, 'packages/domain/src'), isTest), {}, { shared: true });
await nodeTests('scanner', walk(join(root, 'packages/scanner/src'), isTest), {}, { shared: true });
await nodeTests('web-unit', walk(join(root, 'packages/web/src'), isTest));
await typecheck;
// The build (server bundle and web app) comes before the server's unit tests: the CLI tests then run
// `baomi` from its bundle, as an installation does, instead of compiling the sources at each of their
// twenty-odd starts (≈ 2 s each on two cores), and the browser tests need it anyway.
let built = null;
function build() {
  if (built !== null) return built;
  console.log('\n=== build: npm run build');
  built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status === 0;
  if (!built) {
    totals.failed += 1;
    problems.push('build');
  }
  return built;
}
if (want('server-unit')) build();
await nodeTests(
  'server-unit',
  walk(join(root, 'packages/server/src'), (p) => isTest(p) && !isApi(p)),
);
const apiFiles = walk(join(root, 'packages/server/src'), isApi);
await nodeTests('api-pglite', apiFiles, { BAOMI_TEST_DB: 'pglite' }, { shared: true });
const pgUrl = process.env.BAOMI_TEST_PG_URL;
if (pgUrl) await nodeTests('api-postgres', apiFiles, { BAOMI_TEST_DB: 'postgres' }, { shared: true });
else
  missing(
    'api-postgres',
    'no PostgreSQL server: set BAOMI_TEST_PG_URL=postgres://user@host:port/db (see README)',
  );

const chromium = process.env.BAOMI_CHROMIUM ?? '/usr/bin/chromium';
const e2eFiles = walk(join(root, 'e2e/tests'), isTest);
if (existsSync(chromium)) {
  if (want('e2e') && build()) await nodeTests('e2e', e2eFiles, { BAOMI_CHROMIUM: chromium });
} else missing('e2e', `no Chromium at ${chromium}: apt-get install chromium, or set BAOMI_CHROMIUM`);

if (notices.length) console.log(`\nNotices: ${notices.join('; ')}`);
if (problems.length) console.log(`\nProblems: ${problems.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
// Not process.exit(): a suite's output printed from its file may still be on its way into a pipe (CI
// tees it), and exiting now would cut it and the closing lines.
process.exitCode = totals.failed > 0 ? 1 : 0;
