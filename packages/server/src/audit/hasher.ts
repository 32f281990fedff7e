// R-SYS-03: the hash half of chain verification. A page of the chain arrives as one text (chain.ts:
// per event its stored hash, then the bytes that hash covers, events separated by U+001E); this finds
// the first event whose SM3 differs from its stored hash. Verification runs it in a worker thread on
// the chains long enough to pay for one, so the next page is read while this one is hashed (D67).
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The index in the page of the first event whose hash of the covered bytes differs from its stored
 * hash, or -1. Self-contained on purpose (only its parameters and string methods): the worker runs
 * its source text, so one implementation serves both threads.
 */
export function firstBadHash(chunk: string, count: number, sm3: (s: string) => string): number {
  let at = 0;
  for (let i = 0; i < count; i++) {
    let end = chunk.indexOf('\u001e', at);
    if (end < 0 || i === count - 1) end = chunk.length;
    if (sm3(chunk.slice(at + 64, end)) !== chunk.slice(at, at + 64)) return i;
    at = end + 1;
  }
  return -1;
}

export const sm3Hex = (s: string): string => createHash('sm3').update(s).digest('hex');

export interface PageHasher {
  /** The first event of the page whose hash is wrong (its index in the page), or -1. */
  firstBad(chunk: string, count: number): Promise<number>;
  close(): Promise<void>;
}

/** Hashes in the calling thread (short chains, and where worker threads are unavailable). */
export function inThreadHasher(): PageHasher {
  return {
    firstBad: async (chunk, count) => firstBadHash(chunk, count, sm3Hex),
    close: async () => {},
  };
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const firstBadHash = (${firstBadHash.toString()});
const sm3 = (s) => createHash('sm3').update(s).digest('hex');
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, bad: firstBadHash(m.chunk, m.count, sm3) }));
`;

/** Hashes pages in one worker thread, in order; the caller reads the next page meanwhile. */
export function workerHasher(): PageHasher {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  let nextId = 0;
  const waiting = new Map<number, { resolve: (bad: number) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; bad: number }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    w?.resolve(m.bad);
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the audit hashing worker stopped')));
  return {
    firstBad(chunk, count) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, chunk, count });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
