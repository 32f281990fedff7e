// `baomi scan PATH... [--terms LIST.tsv] [--json] [--threads N] [--ocr [--tessdata DIR]]`: scans files
// (directories recursively; N worker threads at once, default one per core), prints the
// hits as a table (or JSON lines) and what could not be read; exits 1 when a 秘密-or-above marking is
// found (R-REV-02: such a file is never released), 0 otherwise, 2 on a usage error. Usable in scripts.
// Also runnable alone: node --import tsx packages/scanner/src/cli.ts PATH...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Detector } from './detect.ts';
import { closeOcr, DEBIAN_TESSDATA, DEFAULT_OCR_LANGS, findTessdata } from './extract/ocr.ts';
import type { OcrOptions, Where } from './extract/types.ts';
import { ScanPool } from './pool.ts';
import { type Hit, type ScanResult, scanFileAsync } from './scan.ts';
import { parseTermList } from './terms.ts';

const USAGE = `用法 Usage: baomi scan PATH... [--terms 词表.tsv] [--json] [--threads N] [--ocr [--tessdata 目录]]
  --threads 同时扫描的线程数（默认每核一个；1 = 不用工作线程）threads scanning at once (default one per core;
    1 = in this thread); 结果仍按文件顺序输出 results are printed in file order
  --ocr 识别图片中的文字（Tesseract，慢）OCR images; --tessdata 语言数据目录 language data directory
    (默认 default: ${DEBIAN_TESSDATA[0]}，需安装 needs apt-get install tesseract-ocr-chi-sim)
  词表每行：词条<TAB>类别<TAB>严重程度(high|medium|low)[<TAB>pattern]
  退出码 exit code: 1 = 发现秘密及以上标志 a 秘密-or-above marking was found; 0 = none; 2 = usage`;

const MAX_FILE_BYTES = 1024 * 1024 * 1024;

function* walk(path: string): Generator<string> {
  const s = statSync(path);
  if (!s.isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) yield* walk(join(path, name));
}

export function whereText(w: Where): string {
  const parts: string[] = [w.kind];
  if (w.page) parts.push(`第${w.page}页`);
  if (w.sheet) parts.push(`工作表 ${w.sheet}${w.cell ? `!${w.cell}` : ''}`);
  if (w.slide) parts.push(`幻灯片 ${w.slide}`);
  if (w.paragraph) parts.push(`段 ${w.paragraph}`);
  if (w.line) parts.push(`行 ${w.line}`);
  if (w.field) parts.push(w.field);
  if (w.hidden) parts.push('hidden');
  if (w.via === 'ocr') parts.push('OCR 识别 machine-read');
  if (w.part) parts.push(w.part);
  return parts.join(' · ');
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/gu, ' ');
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffef]/u.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export async function scanCli(args: string[], out: (line: string) => void = console.log): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    out(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    out(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  let terms: ReturnType<typeof parseTermList>['entries'] = [];
  if (values.terms) {
    const list = parseTermList(readFileSync(values.terms, 'utf8'));
    for (const p of list.problems) out(`词表第 ${p.line} 行 term list line ${p.line}: ${p.zh} / ${p.en}`);
    terms = list.entries;
  }
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    out(
      `--threads 应为 1–${MAX_THREADS} 的整数 --threads must be a whole number from 1 to ${MAX_THREADS}\n${USAGE}`,
    );
    return 2;
  }
  if (values.tessdata && !values.ocr) {
    out(`--tessdata 需与 --ocr 同用 --tessdata needs --ocr\n${USAGE}`);
    return 2;
  }
  // A missing language file is reported per image (never a silent pass), so the default stays the
  // Debian path even when absent.
  const ocr: OcrOptions | undefined = values.ocr
    ? {
        langPath: values.tessdata ?? findTessdata() ?? DEBIAN_TESSDATA[0]!,
        langs: DEFAULT_OCR_LANGS,
      }
    : undefined;
  // One thread: scanned here, one file after another. More: a pool of worker threads (each with the
  // detector built once, a file past its time limit reported as not read), the next files read ahead.
  const pool = threads > 1 ? new ScanPool(terms, { size: threads, ...(ocr ? { ocr } : {}) }) : null;
  const detector = pool ? null : new Detector(terms);
  const scan = (file: string, bytes: Uint8Array): Promise<ScanResult> =>
    pool
      ? pool.scan(file, bytes)
      : scanFileAsync(file, bytes, { detector: detector!, ...(ocr ? { ocr } : {}) });
  try {
    // Twice what the threads scan at once is read ahead, so a thread finding its file done has the
    // next one waiting while an earlier, slower file holds up the printing.
    return await scanAll(positionals, scan, 2 * (pool?.capacity ?? 1), values.json === true, out);
  } finally {
    await pool?.close();
    await closeOcr();
  }
}

const MAX_THREADS = 64;

async function scanAll(
  positionals: string[],
  scan: (file: string, bytes: Uint8Array) => Promise<ScanResult>,
  inFlight: number,
  json: boolean,
  out: (line: string) => void,
): Promise<number> {
  let marked = false;
  for (const root of positionals) {
    let files: string[];
    try {
      files = [...walk(root)];
    } catch (e) {
      out(`无法打开 cannot open ${root}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    // Up to `inFlight` files read and scanning at once; printed in order as each one's turn comes.
    const ahead: Promise<ScanResult | string>[] = [];
    const start = (file: string): Promise<ScanResult | string> => {
      const size = statSync(file).size;
      if (size > MAX_FILE_BYTES)
        return Promise.resolve(
          `\n${file}: 未读 NOT READ: 文件过大 too large (${size} bytes > ${MAX_FILE_BYTES})`,
        );
      return scan(file, readFileSync(file));
    };
    let next = 0;
    while (next < files.length || ahead.length > 0) {
      while (next < files.length && ahead.length < inFlight) ahead.push(start(files[next++]!));
      const r = await ahead.shift()!;
      if (typeof r === 'string') {
        out(r);
        continue;
      }
      marked ||= r.stateSecretMarking;
      if (json) {
        out(JSON.stringify(r));
        continue;
      }
      out(
        `\n${r.file}: ${r.hits.length} 处命中 hits, ${r.fragmentsRead} 段文字 fragments, ${r.unread.length} 项未读 not read${r.stateSecretMarking ? '  ⚠ 含秘密及以上标志 STATE-SECRET MARKING' : ''}`,
      );
      printTable(r.hits, out);
      for (const u of r.unread)
        out(
          `  未读 NOT READ  ${u.where.file}${u.where.part ? ` · ${u.where.part}` : ''}${u.where.page ? ` · 第${u.where.page}页` : ''}: ${u.reason}`,
        );
    }
  }
  return marked ? 1 : 0;
}

function printTable(hits: Hit[], out: (line: string) => void): void {
  if (hits.length === 0) return;
  const rows = hits.map((h) => [
    h.kind,
    h.severity,
    oneLine(h.normalized),
    h.category,
    oneLine(whereText(h.where)),
    oneLine(h.context),
  ]);
  const header = ['kind', 'severity', 'found', 'category', 'where', 'context'];
  const widths = header.map((t, i) => Math.min(60, Math.max(width(t), ...rows.map((r) => width(r[i]!)))));
  out(`  ${header.map((t, i) => pad(t, widths[i]!)).join(' | ')}`);
  for (const r of rows) out(`  ${r.map((c, i) => pad(c, widths[i]!)).join(' | ')}`);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      terms: { type: 'string' },
      json: { type: 'boolean' },
      ocr: { type: 'boolean' },
      tessdata: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  scanCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
