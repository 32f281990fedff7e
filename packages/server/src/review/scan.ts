// Scanning uploaded files with the engine (@baomi/scanner) in worker threads (D126): one ScanPool per
// organisation and term-list version, built from the organisation's current list and cached; a new
// version builds a new pool and the old one is closed once idle. A file runs at most the configured
// time (then it is reported as not read), so a request is never blocked for long, and a corrupt,
// encrypted, nested or huge file gives a per-file entry in the report, never an error.
import { createHash } from 'node:crypto';
import type { FoundLevel } from '@baomi/domain';
import { highestFoundLevel } from '@baomi/domain';
import {
  DEBIAN_TESSDATA,
  findTessdata,
  type OcrOptions,
  type ScanResult,
  type TermEntry,
} from '@baomi/scanner';
import { ScanPool } from '@baomi/scanner/pool.ts';
import type { Sql } from '../db/db.ts';
import { allTermRows, type StoredHit, type StoredReport, termVersion } from './queries.ts';

/** Limits of the review, from the environment (docs/review.md); tests set them with `setReviewConfig`. */
export const reviewConfig = {
  /** One uploaded file (413 above, naming the limit). */
  maxFileBytes: envInt('BAOMI_REVIEW_MAX_FILE_MB', 50) * 1024 * 1024,
  /** One file's scan; past it the file is reported as not read (`timeout`). */
  scanTimeoutMs: envInt('BAOMI_REVIEW_SCAN_TIMEOUT_S', 60) * 1000,
  /** Worker threads per organisation's pool. */
  threads: envInt('BAOMI_REVIEW_SCAN_THREADS', 1),
  /**
   * OCR of images and scanned pages (off unless the installation enables it, D157): BAOMI_REVIEW_OCR=1
   * reads Debian's tessdata (tesseract-ocr-chi-sim), BAOMI_REVIEW_OCR_TESSDATA=DIR another directory.
   * Enabled without the language data, every image is reported not read, naming the missing file.
   */
  ocr: envOcr(),
};

function envOcr(): OcrOptions | undefined {
  const dir = process.env.BAOMI_REVIEW_OCR_TESSDATA?.trim();
  if (dir) return { langPath: dir };
  if (process.env.BAOMI_REVIEW_OCR !== '1') return undefined;
  return { langPath: findTessdata() ?? DEBIAN_TESSDATA[0]! };
}

function envInt(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : dflt;
}

export function setReviewConfig(c: Partial<typeof reviewConfig>): void {
  Object.assign(reviewConfig, c);
  for (const [k, p] of pools) retire(k, p);
}

/** The hits kept per file (a file with more says how many more there were). */
export const MAX_HITS = 2000;

interface CachedPool {
  version: number;
  pool: ScanPool;
  busy: number;
  retired: boolean;
}
const pools = new Map<string, CachedPool>();
const MAX_POOLS = 4;

function retire(orgId: string, p: CachedPool) {
  if (pools.get(orgId) === p) pools.delete(orgId);
  p.retired = true;
  if (p.busy === 0) void p.pool.close();
}

async function poolFor(sql: Sql, orgId: string): Promise<{ pool: CachedPool; version: number }> {
  const version = await termVersion(sql, orgId);
  const have = pools.get(orgId);
  if (have && have.version === version) return { pool: have, version };
  if (have) retire(orgId, have);
  const terms: TermEntry[] = (await allTermRows(sql, orgId)).map((t) => ({
    term: t.term,
    category: t.category,
    severity: t.severity,
    ...(t.pattern ? { pattern: true } : {}),
  }));
  const fresh: CachedPool = {
    version,
    pool: new ScanPool(terms, {
      size: reviewConfig.threads,
      timeoutMs: reviewConfig.scanTimeoutMs,
      ...(reviewConfig.ocr ? { ocr: reviewConfig.ocr } : {}),
    }),
    busy: 0,
    retired: false,
  };
  // A term list changed meanwhile by another request may have built one already: keep the newer.
  const now = pools.get(orgId);
  if (now && now.version >= version) {
    void fresh.pool.close();
    return { pool: now, version: now.version };
  }
  pools.set(orgId, fresh);
  while (pools.size > MAX_POOLS) {
    const [k, p] = pools.entries().next().value as [string, CachedPool];
    retire(k, p);
  }
  return { pool: fresh, version };
}

export const sm3Of = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');

export interface ScannedFile {
  sm3: string;
  report: StoredReport;
  hitsCount: number;
  highestLevel: FoundLevel | null;
  unread: boolean;
  termVersion: number;
}

/** Scans one file with the organisation's current list. Never throws for the file's content. */
export async function scanUpload(
  sql: Sql,
  orgId: string,
  name: string,
  bytes: Uint8Array,
): Promise<ScannedFile> {
  const sm3 = sm3Of(bytes);
  const { pool, version } = await poolFor(sql, orgId);
  pool.busy++;
  let r: ScanResult;
  try {
    r = await pool.pool.scan(name, bytes);
  } finally {
    pool.busy--;
    if (pool.retired && pool.busy === 0) void pool.pool.close();
  }
  return { sm3, termVersion: version, ...reportOf(r) };
}

/** The engine's result as kept: the hit split around its context, the first MAX_HITS hits. */
export function reportOf(r: ScanResult): Omit<ScannedFile, 'sm3' | 'termVersion'> {
  const hits: StoredHit[] = r.hits.slice(0, MAX_HITS).map((h) => {
    const at = h.context.indexOf(h.text);
    const before = at >= 0 ? h.context.slice(0, at) : h.context;
    const after = at >= 0 ? h.context.slice(at + h.text.length) : '';
    const where: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(h.where))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') where[k] = v;
    return {
      kind: h.kind,
      text: h.text,
      normalized: h.normalized,
      category: h.category,
      severity: h.severity,
      level: h.level ?? null,
      stateSecret: h.stateSecret === true,
      where,
      before,
      after,
    };
  });
  const highest = highestFoundLevel(
    r.hits.filter((h) => h.kind === 'marking' && h.stateSecret).map((h) => h.level),
  );
  return {
    report: {
      fragmentsRead: r.fragmentsRead,
      hits,
      unread: r.unread.map((u) => ({ where: { ...u.where }, code: u.code, reason: u.reason })),
      ...(r.hits.length > MAX_HITS ? { truncated: r.hits.length - MAX_HITS } : {}),
    },
    hitsCount: r.hits.length,
    highestLevel: highest,
    // A file nothing was read of is unread too (an empty text file reads as one empty fragment).
    unread: r.unread.length > 0,
  };
}

/** Closes every pool (the server's shutdown, tests). */
export async function closeReviewPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.pool.close()));
}
