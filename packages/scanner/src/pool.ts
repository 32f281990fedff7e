// Scanning off the main thread, so the server stays responsive: a pool of worker threads, each with the
// detector built once. A file that takes longer than `timeoutMs` is reported as not read (its worker is
// ended and replaced); it never blocks the other files.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Limits, OcrOptions } from './extract/types.ts';
import type { ScanResult } from './scan.ts';
import type { TermEntry } from './terms.ts';
import type { WorkerJob } from './worker.ts';

export interface PoolOptions {
  /** Worker threads (default: available cores − 1, at least 1). */
  size?: number;
  /**
   * Files in flight in one worker thread at once (default 2; 1 with OCR). A PDF's scan waits on its
   * streams being inflated off the thread; a second file fills that wait (D162).
   */
  perWorker?: number;
  /** Per file (default 120 s). */
  timeoutMs?: number;
  limits?: Partial<Limits>;
  /** OCR of images, in the worker threads (one Tesseract worker each); off by default. */
  ocr?: OcrOptions;
}

interface Pending {
  job: WorkerJob;
  resolve: (r: ScanResult) => void;
  /** Set once the file was in a worker that crashed: from then on it is scanned alone. */
  alone: boolean;
}

interface Running extends Pending {
  timer: ReturnType<typeof setTimeout>;
  /** Another file was in the thread with it at some point: its clock did not run for it alone. */
  shared: boolean;
}

interface Slot {
  worker: Worker;
  running: Map<number, Running>;
}

// The worker is TypeScript: worker.mjs loads worker.ts through tsx inside the thread.
const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly perWorker: number;
  private readonly limits: Partial<Limits> | undefined;
  private readonly ocr: OcrOptions | undefined;

  constructor(
    private readonly terms: readonly TermEntry[],
    opts: PoolOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.limits = opts.limits;
    this.ocr = opts.ocr;
    this.perWorker = Math.max(1, Math.floor(opts.perWorker ?? (opts.ocr ? 1 : 2)));
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: { terms: this.terms } });
    const slot: Slot = { worker, running: new Map() };
    worker.on('message', (m: { id: number; result: ScanResult }) => {
      const r = slot.running.get(m.id);
      if (!r) return;
      clearTimeout(r.timer);
      slot.running.delete(m.id);
      r.resolve(m.result);
      this.pump();
    });
    worker.on('error', (e) => {
      // Which of the files in flight ended the thread is not known. One scanned alone is reported;
      // the others are scanned again, each alone, so only the culprit is reported.
      const alone = slot.running.size === 1;
      this.replace(slot, (r) => {
        if (alone || r.alone) r.resolve(failed(r.job.name, 'corrupt', `扫描失败 scan failed: ${e.message}`));
        else this.queue.unshift({ job: r.job, resolve: r.resolve, alone: true });
      });
    });
    worker.unref();
    return slot;
  }

  /** Ends the slot's thread, hands each file in flight to `orphan`, and starts a fresh thread. */
  private replace(slot: Slot, orphan: (r: Running) => void): void {
    const running = [...slot.running.values()];
    slot.running.clear();
    for (const r of running) clearTimeout(r.timer);
    void slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    for (const r of running.reverse()) orphan(r);
    this.pump();
  }

  private timedOut(slot: Slot, id: number): void {
    // The thread is stuck in this file: end it. The other files in flight with it are scanned again.
    // A file whose clock ran while another held the thread is not blamed: it and the
    // others that shared are scanned again alone; one that runs out of time alone is reported.
    const blame = slot.running.get(id)?.shared === false;
    this.replace(slot, (r) => {
      if (r.job.id === id && blame)
        r.resolve(
          failed(r.job.name, 'timeout', `扫描超时 scan took longer than ${this.timeoutMs} ms: stopped`),
        );
      else this.queue.unshift({ job: r.job, resolve: r.resolve, alone: r.alone || r.shared });
    });
  }

  /** Fills the threads, the least busy first, so that two files go to two threads before sharing one. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const next = this.queue[0]!;
      let best: Slot | null = null;
      for (const slot of this.slots) {
        const n = slot.running.size;
        if (n >= this.perWorker) continue;
        if (n > 0 && (next.alone || [...slot.running.values()].some((r) => r.alone))) continue;
        if (!best || n < best.running.size) best = slot;
      }
      if (!best) break;
      this.queue.shift();
      const slot = best;
      const id = next.job.id;
      const shared = slot.running.size > 0;
      if (shared) for (const r of slot.running.values()) r.shared = true;
      slot.running.set(id, {
        ...next,
        shared,
        timer: setTimeout(() => this.timedOut(slot, id), this.timeoutMs),
      });
      slot.worker.ref();
      slot.worker.postMessage(next.job);
    }
    for (const slot of this.slots) if (slot.running.size === 0) slot.worker.unref();
  }

  /** Files scanned at once when the pool is full: threads × files per thread. */
  get capacity(): number {
    return this.slots.length * this.perWorker;
  }

  /** Scans one file in a worker. Never rejects: failures are in `unread`. */
  scan(name: string, bytes: Uint8Array): Promise<ScanResult> {
    if (this.closed) return Promise.resolve(failed(name, 'unsupported', 'scan pool closed'));
    return new Promise((resolve) => {
      const job: WorkerJob = {
        id: this.nextId++,
        name,
        bytes,
        ...(this.limits ? { limits: this.limits } : {}),
        ...(this.ocr ? { ocr: this.ocr } : {}),
      };
      this.queue.push({ job, resolve, alone: false });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve(failed(p.job.name, 'unsupported', 'scan pool closed'));
    for (const slot of this.slots) {
      for (const r of slot.running.values()) {
        clearTimeout(r.timer);
        r.resolve(failed(r.job.name, 'unsupported', 'scan pool closed'));
      }
      slot.running.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function failed(file: string, code: 'corrupt' | 'timeout' | 'unsupported', reason: string): ScanResult {
  return {
    file,
    fragmentsRead: 0,
    unread: [{ where: { file }, code, reason }],
    hits: [],
    stateSecretMarking: false,
  };
}
