// `baomi serve`'s V8 flags (D168): which are missing, and how the process gets them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { missingServeFlags, SERVE_V8_FLAGS } from '../node-flags.mjs';

const MODULE = new URL('../node-flags.mjs', import.meta.url).href;

describe('serve flags: which are missing', () => {
  const cases: { name: string; execArgv: string[]; nodeOptions?: string; missing: string[] }[] = [
    { name: 'none given', execArgv: [], missing: SERVE_V8_FLAGS },
    {
      name: "the user's own young-generation size wins",
      execArgv: ['--max-semi-space-size=8'],
      missing: ['--wasm-num-compilation-tasks=1'],
    },
    {
      name: 'a flag in NODE_OPTIONS counts, with underscores as V8 also accepts',
      execArgv: ['--import', 'tsx'],
      nodeOptions: '--max_semi_space_size=4 --wasm_num_compilation_tasks=2',
      missing: [],
    },
    { name: 'both on the command line', execArgv: [...SERVE_V8_FLAGS], missing: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(missingServeFlags(c.execArgv, c.nodeOptions), c.missing);
    });
  }
});

/** Runs a child Node that applies the flags and reports what it then has. */
function child(env: NodeJS.ProcessEnv = {}) {
  const script = `
    const { applyServeFlags } = await import(${JSON.stringify(MODULE)});
    applyServeFlags();
    const v8 = await import('node:v8');
    const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(JSON.stringify({ execArgv: process.execArgv, ppid: process.ppid, newSpace: newSpace.space_size }));
  `;
  const { NODE_OPTIONS: _, ...base } = process.env;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...base, ...env },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
    execArgv: string[];
    ppid: number;
    newSpace: number;
  };
}

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
const canReplace = major > 22 || (major === 22 && minor >= 15);

describe('serve flags: the process gets them', () => {
  it(
    canReplace
      ? 'the process is replaced by one with the flags: same parent, no wrapper process left behind'
      : 'on this Node (< 22.15) the process cannot be replaced and goes on without the heap flag',
    () => {
      const got = child();
      assert.equal(got.ppid, process.pid, 'still the direct child of the process that started it');
      if (canReplace) {
        for (const f of SERVE_V8_FLAGS) assert.ok(got.execArgv.includes(f), `${f} in ${got.execArgv}`);
      } else assert.ok(!got.execArgv.includes('--max-semi-space-size=2'));
    },
  );

  it('BAOMI_NODE_FLAGS=off starts without them', () => {
    const got = child({ BAOMI_NODE_FLAGS: 'off' });
    assert.ok(!got.execArgv.some((a) => SERVE_V8_FLAGS.includes(a)), got.execArgv.join(' '));
  });
});
