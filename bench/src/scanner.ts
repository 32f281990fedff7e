// The 保密审查 engine's text stage: N MB of mixed Chinese/English text scanned for 5,000 terms plus the
// marking patterns, single-threaded, against ripgrep (`rg -F -f terms.txt` on the same text, when rg is
// installed) or else a naive loop of String.prototype.indexOf per term (the fallback baseline).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Detector, type TermEntry } from '@baomi/scanner';

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
export function scannerCorpus(mb: number, termCount = 5000): ScannerCorpus {
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
