// A scanning worker thread (pool.ts): builds the detector once from its workerData, then scans the
// files it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { Detector } from './detect.ts';
import type { Limits } from './extract/types.ts';
import { scanFile } from './scan.ts';
import type { TermEntry } from './terms.ts';

export interface WorkerJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  limits?: Partial<Limits>;
}

const data = workerData as { terms: TermEntry[] };
const detector = new Detector(data.terms);
parentPort?.on('message', (job: WorkerJob) => {
  const result = scanFile(job.name, job.bytes, { detector, ...(job.limits ? { limits: job.limits } : {}) });
  parentPort?.postMessage({ id: job.id, result });
});
