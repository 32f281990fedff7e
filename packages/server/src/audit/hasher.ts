// R-SYS-03: the hash half of chain verification. A page of the chain arrives as one text (chain.ts:
// per event its stored hash, then its payload, events separated by U+001E); this finds the first
// event whose hash is not SM3(the previous event's hash ‖ "\n" ‖ its payload). Verification runs it
// in a worker thread on the chains long enough to pay for one, so the next page is read while this
// one is hashed (D67).
import { hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The index in the page of the first event whose stored hash is not SM3(the hash before it ‖ "\n" ‖
 * its payload), or -1; `prevHash` is the hash before the page's first event. The stored prev_hash is
 * not read: hashing over the previous stored hash checks the link and the content at once (a wrong
 * prev_hash cannot give the same hash), and the caller asks the database which of the two broke.
 * Self-contained on purpose (only its parameters and string methods): the worker runs its source
 * text, so one implementation serves both threads.
 */
export function firstBadHash(
  chunk: string,
  count: number,
  prevHash: string,
  sm3: (s: string) => string,
): number {
  let at = 0;
  let prev = prevHash;
  for (let i = 0; i < count; i++) {
    let end = chunk.indexOf('\u001e', at);
    if (end < 0 || i === count - 1) end = chunk.length;
    const stored = chunk.slice(at, at + 64);
    if (sm3(`${prev}\n${chunk.slice(at + 64, end)}`) !== stored) return i;
    prev = stored;
    at = end + 1;
  }
  return -1;
}

/** Node's one-shot SM3 (crypto.hash, Node ≥ 20.12): no Hash object per event, ≈ 1.4× as fast as createHash (D180). */
export const sm3Hex = (s: string): string => hash('sm3', s, 'hex');

export interface PageHasher {
  /** The first event of the page whose hash is wrong (its index in the page), or -1. */
  firstBad(chunk: string, count: number, prevHash: string): Promise<number>;
  /** Settles when the pages go to a worker thread (a worker hasher only). */
  ready?: Promise<void>;
  close(): Promise<void>;
}

/** Hashes in the calling thread (short chains, and where worker threads are unavailable). */
export function inThreadHasher(): PageHasher {
  return {
    firstBad: async (chunk, count, prevHash) => firstBadHash(chunk, count, prevHash, sm3Hex),
    close: async () => {},
  };
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const firstBadHash = (${firstBadHash.toString()});
const sm3 = (s) => hash('sm3', s, 'hex');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, bad: firstBadHash(m.chunk, m.count, m.prevHash, sm3) }));
parentPort.postMessage({ ready: true });
`;

/**
 * Hashes pages in one worker thread, in order; the caller reads the next page meanwhile. A worker
 * takes about a tenth of a second to start on a 2-core machine, a third of a 50,000-event
 * verification: with `meanwhileInThread`, the pages that arrive before it is ready are hashed in the
 * calling thread (D180), so its start overlaps with work instead of delaying it.
 */
export function workerHasher(opts: { meanwhileInThread?: boolean } = {}): PageHasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  let ready = false;
  let started: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (bad: number) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; bad: number } | { ready: true }) => {
    if ('ready' in m) {
      ready = true;
      started();
      return;
    }
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    w?.resolve(m.bad);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the audit hashing worker stopped')));
  return {
    firstBad(chunk, count, prevHash) {
      if (opts.meanwhileInThread && !ready)
        return Promise.resolve(firstBadHash(chunk, count, prevHash, sm3Hex));
      // The worker queues what is posted before it is ready.
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, chunk, count, prevHash });
      });
    },
    ready: readyPromise,
    async close() {
      await worker.terminate();
    },
  };
}
