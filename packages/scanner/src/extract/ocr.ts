// OCR (off by default): images met during extraction (image files, Office media parts, image-only PDF
// pages rendered to PNG) are queued, then read by Tesseract (tesseract.js, its wasm core from
// node_modules, the language data from a local directory such as Debian's tesseract-ocr-chi-sim: nothing
// is downloaded, nothing cached to disk). One Tesseract worker per thread, made on the first image and
// reused. What cannot be read is reported as not read with the reason — never passed silently.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Ctx, OcrOptions, PendingImage } from './types.ts';

export const DEFAULT_OCR_LANGS = 'chi_sim+eng';
/** Where Debian's tesseract-ocr-chi-sim / -eng install their data (Tesseract 5, then 4). */
export const DEBIAN_TESSDATA = [
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
];

/** The first Debian tessdata directory holding every language, or undefined. */
export function findTessdata(langs = DEFAULT_OCR_LANGS): string | undefined {
  return DEBIAN_TESSDATA.find((d) => missingLangFiles(d, langs).length === 0);
}

export function missingLangFiles(langPath: string, langs = DEFAULT_OCR_LANGS): string[] {
  return langs
    .split('+')
    .map((l) => join(langPath, `${l}.traineddata`))
    .filter((f) => !existsSync(f));
}

interface OcrWorker {
  recognize(image: Buffer): Promise<{ data: { text: string } }>;
  terminate(): Promise<unknown>;
}

const require = createRequire(import.meta.url);
let current: { key: string; worker: Promise<OcrWorker> } | null = null;

function workerFor(opts: OcrOptions, langs: string): Promise<OcrWorker> {
  const key = `${opts.langPath}\u0000${langs}`;
  if (current?.key === key) return current.worker;
  const previous = current;
  const tesseract = require('tesseract.js') as {
    createWorker(langs: string, oem: number, options: Record<string, unknown>): Promise<OcrWorker>;
  };
  const worker = tesseract.createWorker(langs, 1, {
    langPath: opts.langPath,
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    cacheMethod: 'none',
    gzip: false,
    // A failed job rejects its promise (reported per image); without a handler tesseract.js also throws
    // from its message listener, which would crash the thread.
    errorHandler: () => undefined,
  });
  current = { key, worker };
  worker.catch(() => {
    if (current?.key === key) current = null;
  });
  if (previous) void previous.worker.then((w) => w.terminate()).catch(() => undefined);
  return worker;
}

/** Ends this thread's Tesseract worker (tests, the CLI's exit). */
export async function closeOcr(): Promise<void> {
  const c = current;
  current = null;
  if (c) await c.worker.then((w) => w.terminate()).catch(() => undefined);
}

/** Width × height from the image header (PNG, JPEG, BMP, GIF); undefined when not known (TIFF, WebP). */
export function imageSize(b: Uint8Array): { width: number; height: number } | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50)
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d)
    return { width: Math.abs(dv.getInt32(18, true)), height: Math.abs(dv.getInt32(22, true)) };
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49)
    return { width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return undefined;
      const m = b[i + 1]!;
      if (m === 0xff) {
        i++;
        continue;
      }
      const len = dv.getUint16(i + 2);
      if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc)
        return { width: dv.getUint16(i + 7), height: dv.getUint16(i + 5) };
      i += 2 + len;
    }
  }
  return undefined;
}

/** The image format by its extension (OCR reads PNG, JPEG, BMP, TIFF, GIF, WebP; not EMF/WMF/SVG). */
export function imageFormat(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg' || ext === 'jfif') return 'JPEG';
  if (ext === 'tif' || ext === 'tiff') return 'TIFF';
  if (ext === 'webp') return 'WebP';
  return ext.toUpperCase();
}

/** Formats Tesseract's image reader (leptonica) decodes. */
const OCR_FORMATS = new Set(['PNG', 'JPEG', 'BMP', 'TIFF', 'GIF', 'WebP']);

/**
 * OCR text: Tesseract's Chinese model has no ★ and reads it as a look-alike character (女, 友, 太…).
 * In `机密X5年` (a marking word, one odd character, a period) that character is put back as ★ — one
 * character for one, so offsets do not move; the hit says `via: 'ocr'` so the reviewer checks the image.
 */
export function repairOcrText(text: string): string {
  return text.replace(
    /(绝\s?密|机\s?密|秘\s?密)(\s?)([^\s\d★*＊0-9０-９\p{P}])(?=\s?[\d０-９]{1,2}\s?年|\s?长期)/gu,
    (_m, word: string, sp: string) => `${word}${sp}★`,
  );
}

function unreadImage(ctx: Ctx, img: PendingImage, reason: string): void {
  ctx.unread.push({ where: img.where, code: 'image', reason });
}

/** Reads the queued images (ctx.images) with Tesseract. Never throws. */
export async function ocrImages(ctx: Ctx, opts: OcrOptions): Promise<void> {
  const images = ctx.images?.splice(0) ?? [];
  if (images.length === 0) return;
  const langs = opts.langs ?? DEFAULT_OCR_LANGS;
  if (!/^[A-Za-z_]+(\+[A-Za-z_]+)*$/u.test(langs)) {
    for (const img of images)
      unreadImage(
        ctx,
        img,
        `${img.format} 图片未识别：OCR 语言设置无效 image not read: invalid OCR languages "${langs}"`,
      );
    return;
  }
  const missing = missingLangFiles(opts.langPath, langs);
  if (missing.length > 0) {
    for (const img of images)
      unreadImage(
        ctx,
        img,
        `${img.format} 图片未识别：OCR 语言数据缺失 ${missing.join('、')} image not read: OCR language data missing (${missing.join(', ')}; install tesseract-ocr-chi-sim)`,
      );
    return;
  }
  let done = 0;
  for (const img of images) {
    if (!OCR_FORMATS.has(img.format)) {
      unreadImage(
        ctx,
        img,
        `${img.format} 图片格式不支持 OCR ${img.format} image not read (format not supported by OCR)`,
      );
      continue;
    }
    if (done >= ctx.limits.maxOcrImages) {
      unreadImage(
        ctx,
        img,
        `图片过多：每个文件最多识别 ${ctx.limits.maxOcrImages} 张 image not read: OCR limit of ${ctx.limits.maxOcrImages} images per file reached`,
      );
      continue;
    }
    const size = imageSize(img.bytes);
    const pixels = size ? size.width * size.height : img.bytes.length;
    if (pixels > ctx.limits.maxOcrPixels) {
      unreadImage(
        ctx,
        img,
        `图片过大（${size ? `${size.width}×${size.height}` : `${img.bytes.length} 字节`}）未识别 image not read: larger than ${ctx.limits.maxOcrPixels} pixels`,
      );
      continue;
    }
    done++;
    try {
      const worker = await workerFor(opts, langs);
      const { data } = await worker.recognize(Buffer.from(img.bytes));
      const text = repairOcrText(data.text ?? '');
      if (text.trim() === '') continue;
      ctx.fragments.push({ text, where: { ...img.where, kind: 'body', via: 'ocr' } });
    } catch (e) {
      unreadImage(
        ctx,
        img,
        `${img.format} 图片 OCR 失败 image could not be read by OCR: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}
