// The V8 flags of the long-running `baomi serve` (D168), and how the server gets them whichever way it
// is started (`npm start`, `node bin/baomi.mjs serve`, a systemd unit, the bin link): bin/baomi.mjs
// replaces its own process with one that has them (process.execve, Node ≥ 22.15: the same PID, no
// wrapper process left behind).
//
// Measured on the 2-core machine, an idle server on PGlite (issue 8, goal ≤ 300 MB everything included):
// - --max-semi-space-size=2: V8's young generation at most 2 MB a half instead of 16 MB; the heap's
//   resident size 74 → 54 MB. Short-lived request garbage is collected more often, which costs little
//   next to a database round trip (the bench's HTTP rows run the server with the same flags).
// - --wasm-num-compilation-tasks=1: PGlite's PostgreSQL (WebAssembly) is optimised in the background
//   by one compiler thread instead of one per core; each thread kept its own malloc arena of compiler
//   memory, 40–95 MB resident in all, ≈ 30–50 MB with one (measured by /proc smaps).
// BAOMI_NODE_FLAGS=off starts without them (and without re-executing).
import v8 from 'node:v8';

export const SERVE_V8_FLAGS = ['--max-semi-space-size=2', '--wasm-num-compilation-tasks=1'];

const flagName = (f) => f.split('=')[0].replaceAll('_', '-');

/** The serve flags not already on the node command line or in NODE_OPTIONS (a user's own value wins). */
export function missingServeFlags(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS) {
  const given = new Set([...execArgv, ...(nodeOptions ?? '').split(/\s+/)].map(flagName));
  return SERVE_V8_FLAGS.filter((f) => !given.has(flagName(f)));
}

/**
 * Gives this process the serve flags: returns when it has them, or when it cannot be replaced (Node
 * before 22.15, or BAOMI_NODE_FLAGS=off); otherwise it does not return (the process is replaced).
 * Call it first, before anything is loaded or printed. On an older Node the WebAssembly flag still
 * applies when set here, before PGlite compiles; the young generation's size cannot change after start.
 */
export function applyServeFlags() {
  if (process.env.BAOMI_NODE_FLAGS === 'off') return;
  const missing = missingServeFlags();
  if (missing.length === 0) return;
  if (typeof process.execve === 'function') {
    try {
      process.execve(
        process.execPath,
        [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)],
        process.env,
      );
    } catch {
      // refused (a worker thread, an unusual platform): go on in this process
    }
  }
  for (const f of missing) if (f.startsWith('--wasm-')) v8.setFlagsFromString(f);
}
