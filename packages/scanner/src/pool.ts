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
  /** Per file (default 120 s). */
  timeoutMs?: number;
  limits?: Partial<Limits>;
  /** OCR of images, in the worker threads (one Tesseract worker each); off by default. */
  ocr?: OcrOptions;
}

interface Pending {
  job: WorkerJob;
  resolve: (r: ScanResult) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
}

// The worker is TypeScript: worker.mjs loads worker.ts through tsx inside the thread.
const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly limits: Partial<Limits> | undefined;
  private readonly ocr: OcrOptions | undefined;

  constructor(
    private readonly terms: readonly TermEntry[],
    opts: PoolOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.limits = opts.limits;
    this.ocr = opts.ocr;
    const size = Math.max(1, opts.size ?? availableParallelism() - 1);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: { terms: this.terms } });
    const slot: Slot = { worker, busy: null, timer: null };
    worker.on('message', (m: { id: number; result: ScanResult }) => {
      if (slot.busy?.job.id !== m.id) return;
      this.finish(slot, m.result);
    });
    worker.on('error', (e) => {
      const p = slot.busy;
      if (p) this.finish(slot, failed(p.job.name, 'corrupt', `扫描失败 scan failed: ${e.message}`), true);
    });
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, result: ScanResult, replace = false): void {
    const p = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = null;
    slot.timer = null;
    if (replace) {
      void slot.worker.terminate();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    }
    p?.resolve(result);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      slot.busy = p;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        this.finish(
          slot,
          failed(p.job.name, 'timeout', `扫描超时 scan took longer than ${this.timeoutMs} ms: stopped`),
          true,
        );
      }, this.timeoutMs);
      slot.worker.postMessage(p.job);
    }
    for (const slot of this.slots) if (!slot.busy) slot.worker.unref();
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
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve(failed(p.job.name, 'unsupported', 'scan pool closed'));
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
