// scanFile: extraction, then detection over every fragment; each hit carries where its fragment came
// from and its [start, end) within that fragment's text.
import { Detector, type TextHit } from './detect.ts';
import { type Extraction, extract, extractAsync } from './extract/index.ts';
import type { Limits, OcrOptions, Unread, Where } from './extract/types.ts';
import type { TermEntry } from './terms.ts';

export interface Hit extends TextHit {
  where: Where;
}

export interface ScanResult {
  file: string;
  fragmentsRead: number;
  unread: Unread[];
  hits: Hit[];
  /** A 秘密-or-above marking was found: the file can never be approved for release (R-REV-02). */
  stateSecretMarking: boolean;
}

export interface ScanOptions {
  /** The term list; or `detector`, built once and reused across files. */
  terms?: readonly TermEntry[];
  detector?: Detector;
  limits?: Partial<Limits>;
  /** OCR of images (asynchronous scan only; off by default: images are reported as not read). */
  ocr?: OcrOptions;
}

/**
 * Scans one file, synchronously. Never throws: what cannot be read is in `unread`. A PDF (the file, or
 * one inside an archive or an attachment) needs pdfjs, which is asynchronous: here it is reported as
 * not read (code `pdf`). `scanFileAsync` reads it.
 */
export function scanFile(name: string, bytes: Uint8Array, opts: ScanOptions = {}): ScanResult {
  const detector = opts.detector ?? new Detector(opts.terms ?? []);
  return detectAll(name, extract(name, bytes, opts.limits), detector);
}

/** Scans one file, PDFs included (pdfjs is loaded on the first PDF). Never rejects. */
export async function scanFileAsync(
  name: string,
  bytes: Uint8Array,
  opts: ScanOptions = {},
): Promise<ScanResult> {
  const detector = opts.detector ?? new Detector(opts.terms ?? []);
  return detectAll(name, await extractAsync(name, bytes, opts.limits, opts.ocr), detector);
}

function detectAll(name: string, { fragments, unread }: Extraction, detector: Detector): ScanResult {
  const hits: Hit[] = [];
  for (const f of fragments) {
    const found = detector.detect(f.text);
    if (found.length === 0) continue;
    const lines = f.where.part === undefined ? lineStarts(f.text) : null;
    const segs = f.segments;
    const segStarts = segs?.map((s) => s.offset) ?? null;
    for (const h of found) {
      let where: Where = f.where;
      if (lines) where = { ...f.where, line: lineOf(lines, h.start) };
      else if (segs && segStarts && segs.length > 0)
        where = { ...f.where, paragraph: segs[lineOf(segStarts, h.start) - 1]!.paragraph };
      hits.push({ ...h, where });
    }
  }
  return {
    file: name,
    fragmentsRead: fragments.length,
    unread,
    hits,
    stateSecretMarking: hits.some((h) => h.kind === 'marking' && h.stateSecret === true),
  };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
