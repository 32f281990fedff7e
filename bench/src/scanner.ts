// The 保密审查 engine's text stage: N MB of mixed Chinese/English text scanned for 10,000 terms plus the
// marking patterns, single-threaded, against ripgrep (`rg -F -f terms.txt` on the same text, when rg is
// installed) or else a naive loop of String.prototype.indexOf per term (the fallback baseline).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Detector, type ScanResult, scanFileAsync, type TermEntry } from '@baomi/scanner';
import { docx, xlsx } from '@baomi/scanner/extract/fixtures.ts';
import { pdf } from '@baomi/scanner/extract/pdf-fixtures.ts';
import { ScanPool } from '@baomi/scanner/pool.ts';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENGLISH = 'the of and to in is for on with as by at from project report system data plan test'.split(
  ' ',
);

export interface ScannerCorpus {
  text: string;
  terms: TermEntry[];
  bytes: number;
}

/** `mb` MB (UTF-8) of text: Chinese runs from a 3,000-character pool, English words, line breaks; terms planted. */
export function scannerCorpus(mb: number, termCount = 10_000): ScannerCorpus {
  const r = rng(12);
  const pool: string[] = [];
  for (let i = 0; i < 3000; i++) pool.push(String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000)));
  const terms: TermEntry[] = [];
  const seen = new Set<string>();
  while (terms.length < termCount) {
    const len = 2 + Math.floor(r() * 5);
    let t = '';
    for (let i = 0; i < len; i++) t += pool[Math.floor(r() * pool.length)];
    if (seen.has(t)) continue;
    seen.add(t);
    terms.push({ term: t, category: 'bench', severity: 'medium' });
  }
  const target = mb * 1024 * 1024;
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const x = r();
    let piece: string;
    if (x < 0.002) piece = terms[Math.floor(r() * terms.length)]!.term;
    else if (x < 0.0025) piece = '\n机密★10年\n';
    else if (x < 0.25) piece = `${ENGLISH[Math.floor(r() * ENGLISH.length)]} `;
    else if (x < 0.27) piece = '\n';
    else piece = pool[Math.floor(r() * pool.length)]!;
    parts.push(piece);
    bytes += Buffer.byteLength(piece);
  }
  return { text: parts.join(''), terms, bytes };
}

export interface ScannerSample {
  baomi: number; // MB/s
  base: number; // MB/s
  hits: number;
}

export function hasRipgrep(): boolean {
  return spawnSync('rg', ['--version']).status === 0;
}

/** One run: the scanner (automaton built outside the timing, as the server builds it once) vs the baseline. */
export function scannerRun(c: ScannerCorpus): ScannerSample {
  const mb = c.bytes / (1024 * 1024);
  const d = new Detector(c.terms);
  const t0 = performance.now();
  const hits = d.detect(c.text).length;
  const t1 = performance.now();
  let baseSeconds: number;
  if (hasRipgrep()) {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-bench-scan-'));
    try {
      writeFileSync(join(dir, 'text.txt'), c.text);
      writeFileSync(join(dir, 'terms.txt'), `${c.terms.map((t) => t.term).join('\n')}\n`);
      const s = performance.now();
      spawnSync('rg', ['-F', '-c', '-j1', '-f', join(dir, 'terms.txt'), join(dir, 'text.txt')]);
      baseSeconds = (performance.now() - s) / 1000;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const s = performance.now();
    let n = 0;
    for (const t of c.terms)
      for (let i = c.text.indexOf(t.term); i >= 0; i = c.text.indexOf(t.term, i + 1)) n++;
    baseSeconds = (performance.now() - s) / 1000;
    if (n < 0) console.error(n);
  }
  return { baomi: mb / ((t1 - t0) / 1000), base: mb / baseSeconds, hits };
}

// ---------------------------------------------------------------------------------------------------
// Whole job: a corpus of generated docx/xlsx/pdf files (a third each), scanned file by file on one
// thread (read, unzip or parse the PDF, walk the parts, detect) vs a pipeline of standard tools on the
// same files: `unzip -p` of every docx/xlsx and `pdftotext` of every PDF into one `rg -F -c -f
// terms.txt` (grep -F when ripgrep is absent). The pipeline neither strips the XML, nor reads comments,
// annotations, metadata or attachments, nor says where a hit is. Without pdftotext the PDFs are left
// out of the baseline, and the row says so.

export interface JobSample extends ScannerSample {
  files: number;
  /** Compressed input bytes per second through the scanner. */
  mbPerSecond: number;
}

export interface JobTools {
  unzip: boolean;
  grep: boolean;
  rg: boolean;
  pdftotext: boolean;
}

const has = (cmd: string, arg: string) => spawnSync(cmd, [arg]).status === 0;

export function jobTools(): JobTools {
  return {
    unzip: has('unzip', '-v'),
    grep: has('grep', '--version'),
    rg: hasRipgrep(),
    pdftotext: has('pdftotext', '-v'),
  };
}

export function hasUnzipAndGrep(): boolean {
  const t = jobTools();
  return t.unzip && (t.grep || t.rg);
}

/** The baseline pipeline, in words, for the row. */
export function jobBaseline(t: JobTools = jobTools()): string {
  const search = t.rg ? 'rg -F -f' : 'grep -F -f';
  return t.pdftotext
    ? `unzip -p + pdftotext + ${search}`
    : `unzip -p + ${search} (no pdftotext here: PDFs left out of the baseline)`;
}

export interface JobCorpus {
  dir: string;
  bytes: number;
  kinds: Record<'docx' | 'xlsx' | 'pdf', number>;
}

export async function scannerJobCorpus(files: number, c: ScannerCorpus, seed = 7): Promise<JobCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'baomi-bench-job-'));
  const r = rng(seed);
  let bytes = 0;
  const kinds = { docx: 0, xlsx: 0, pdf: 0 };
  const slice = () => {
    const at = Math.floor(r() * (c.text.length - 400));
    return c.text.slice(at, at + 100 + Math.floor(r() * 300));
  };
  for (let i = 0; i < files; i++) {
    const paras = Array.from({ length: 20 }, slice);
    const kind = (['docx', 'xlsx', 'pdf'] as const)[i % 3]!;
    let b: Uint8Array;
    if (kind === 'docx')
      b = docx({
        body: paras,
        header: i % 10 === 0 ? '秘密★1年' : '某单位',
        comment: slice(),
        title: `文件${i}`,
      });
    else if (kind === 'xlsx')
      b = xlsx({
        sheets: [{ name: '表1', cells: paras.map((p, k) => [`A${k + 1}`, p] as [string, string]) }],
      });
    else
      b = await pdf({
        pages: [paras.slice(0, 7), paras.slice(7, 14), paras.slice(14)],
        title: `文件${i}`,
        ...(i % 10 === 2 ? { annotation: { page: 2, text: '秘密★1年' } } : {}),
      });
    kinds[kind]++;
    writeFileSync(join(dir, `f${String(i).padStart(4, '0')}.${kind}`), b);
    bytes += b.length;
  }
  writeFileSync(
    join(dir, '..', `${dir.split('/').pop()}.terms.txt`),
    `${c.terms.map((t) => t.term).join('\n')}\n`,
  );
  return { dir, bytes, kinds };
}

/**
 * One run of the whole job. Without a pool: file after file in this thread. With one: through the pool's
 * worker threads, as `baomi scan` and the server run it, with up to twice the pool's capacity in flight.
 */
export async function scannerJobRun(
  dir: string,
  c: ScannerCorpus,
  t: JobTools = jobTools(),
  pool: ScanPool | null = null,
): Promise<JobSample> {
  const names = readdirSync(dir).sort();
  const detector = pool ? null : new Detector(c.terms);
  // As `baomi scan` reads ahead: twice what is scanned at once.
  const inFlight = 2 * (pool?.capacity ?? 1);
  let bytes = 0;
  let hits = 0;
  const t0 = performance.now();
  const ahead: Promise<ScanResult>[] = [];
  const start = (n: string) => {
    const b = readFileSync(join(dir, n));
    bytes += b.length;
    return pool ? pool.scan(n, b) : scanFileAsync(n, b, { detector: detector! });
  };
  let next = 0;
  while (next < names.length || ahead.length > 0) {
    while (next < names.length && ahead.length < inFlight) ahead.push(start(names[next++]!));
    hits += (await ahead.shift()!).hits.length;
  }
  const baomiS = (performance.now() - t0) / 1000;
  const terms = join(dir, '..', `${dir.split('/').pop()}.terms.txt`);
  const pdfStep = t.pdftotext ? 'pdftotext -q "$f" -' : 'true';
  const search = t.rg ? 'rg -F -c -j1 -f "$1"' : 'grep -F -c -f "$1"';
  const s = performance.now();
  spawnSync('bash', [
    '-c',
    `for f in "$0"/*; do case "$f" in *.pdf) ${pdfStep};; *) unzip -p "$f";; esac; done | ${search}`,
    dir,
    terms,
  ]);
  const baseS = (performance.now() - s) / 1000;
  const mb = bytes / (1024 * 1024);
  return {
    baomi: names.length / baomiS,
    base: names.length / baseS,
    hits,
    files: names.length,
    mbPerSecond: mb / baomiS,
  };
}

/**
 * A started pool of `threads` worker threads for the whole job, warmed on a small corpus of its own (other
 * files than the measured ones) as a server's long-lived pool is: each worker thread compiles pdfjs
 * and the readers on its first files.
 */
export async function jobPool(c: ScannerCorpus, threads: number): Promise<ScanPool> {
  const pool = new ScanPool(c.terms, { size: threads });
  const warm = await scannerJobCorpus(6 * threads, scannerCorpus(1, 100), 99);
  try {
    await Promise.all(readdirSync(warm.dir).map((n) => pool.scan(n, readFileSync(join(warm.dir, n)))));
  } finally {
    dropJobCorpus(warm.dir);
  }
  return pool;
}

export function dropJobCorpus(dir: string): void {
  rmSync(join(dir, '..', `${dir.split('/').pop()}.terms.txt`), { force: true });
  rmSync(dir, { recursive: true, force: true });
}
