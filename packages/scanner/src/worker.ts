// A scanning worker thread (pool.ts): builds the detector once from its workerData, then scans the
// files it is sent: up to the pool's `perWorker` at once, interleaved where a scan waits.
import { parentPort, workerData } from 'node:worker_threads';
import { Detector } from './detect.ts';
import type { Limits, OcrOptions } from './extract/types.ts';
import { scanFileAsync } from './scan.ts';
import type { TermEntry } from './terms.ts';

export interface WorkerJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  limits?: Partial<Limits>;
  ocr?: OcrOptions;
}

const data = workerData as { terms: TermEntry[] };
const detector = new Detector(data.terms);
// Each job answers on its own; scanFileAsync never rejects.
parentPort?.on('message', (job: WorkerJob) => {
  void scanFileAsync(job.name, job.bytes, {
    detector,
    ...(job.limits ? { limits: job.limits } : {}),
    ...(job.ocr ? { ocr: job.ocr } : {}),
  }).then((result) => parentPort?.postMessage({ id: job.id, result }));
});
