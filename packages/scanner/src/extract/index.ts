// One file's extraction: its kind sniffed from its bytes (the name only breaks ties), then read, or
// reported as not read with the reason — never passed silently. Archives are recursed into up to the
// depth limit; the file's total uncompressed size is capped across every level.
import { looksLikeZip } from '../zip.ts';
import { ocrImages } from './ocr.ts';
import { extractOfd, isOfd } from './ofd.ts';
import { extractOoxml, ooxmlKind } from './ooxml.ts';
import { openPackage } from './package.ts';
import { extractPdf } from './pdf.ts';
import { extractText, looksLikeText } from './text.ts';
import {
  type Ctx,
  DEFAULT_LIMITS,
  type Fragment,
  type Limits,
  type OcrOptions,
  type Unread,
} from './types.ts';

export interface Extraction {
  fragments: Fragment[];
  unread: Unread[];
}

/**
 * Synchronous: everything but PDF (pdfjs is asynchronous), which is reported as not read with code
 * `pdf` — use `extractAsync` (or `scanFileAsync`, `ScanPool`) to read PDFs too.
 */
export function extract(name: string, bytes: Uint8Array, limits: Partial<Limits> = {}): Extraction {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const ctx: Ctx = { limits: l, budget: l.maxTotalBytes, fragments: [], unread: [] };
  guarded(ctx, name, () => extractInto(ctx, name, bytes, 0));
  return { fragments: ctx.fragments, unread: ctx.unread };
}

/**
 * Everything, PDF included: the synchronous pass queues the PDFs it meets (at any depth), then each
 * is read with pdfjs (loaded on the first PDF), its attachments going through the same pass in turn.
 * With `ocr`, the images met (image files, Office media, image-only PDF pages) are read last by
 * Tesseract; without it they are reported as not read.
 */
export async function extractAsync(
  name: string,
  bytes: Uint8Array,
  limits: Partial<Limits> = {},
  ocr?: OcrOptions,
): Promise<Extraction> {
  const l = { ...DEFAULT_LIMITS, ...limits };
  const ctx: Ctx = {
    limits: l,
    budget: l.maxTotalBytes,
    fragments: [],
    unread: [],
    pdfs: [],
    ...(ocr ? { images: [] } : {}),
  };
  guarded(ctx, name, () => extractInto(ctx, name, bytes, 0));
  const recurse = (inner: string, b: Uint8Array, depth: number) => {
    if (depth > ctx.limits.maxDepth) {
      ctx.unread.push({
        where: { file: inner },
        code: 'too_deep',
        reason: `嵌套过深 nested deeper than ${ctx.limits.maxDepth}`,
      });
      return;
    }
    guarded(ctx, inner, () => extractInto(ctx, inner, b, depth));
  };
  for (let pdf = ctx.pdfs?.shift(); pdf; pdf = ctx.pdfs?.shift()) {
    try {
      await extractPdf(ctx, pdf, recurse);
    } catch (e) {
      ctx.unread.push({
        where: { file: pdf.file },
        code: 'corrupt',
        reason: `PDF 读取失败 PDF could not be read: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  if (ocr) await ocrImages(ctx, ocr);
  return { fragments: ctx.fragments, unread: ctx.unread };
}

function guarded(ctx: Ctx, name: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    // A bug or an input no reader foresaw: reported for this file, never thrown to the caller.
    ctx.unread.push({
      where: { file: name },
      code: 'corrupt',
      reason: `读取失败 could not be read: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, s: string, at = 0) =>
  startsWith(
    b,
    [...s].map((c) => c.charCodeAt(0)),
    at,
  );

/** An image by its magic bytes. */
function imageKind(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'PNG';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (ascii(b, 'GIF8')) return 'GIF';
  if (ascii(b, 'BM') && b.length > 14) return 'BMP';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) return 'WebP';
  return null;
}

/** An OLE compound file holding an encrypted OOXML package, or a legacy .doc/.xls/.ppt/.wps. */
function cfbKind(b: Uint8Array): 'encrypted' | 'legacy' {
  const needle = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  const n = Math.min(b.length, 4 * 1024 * 1024);
  for (let i = 0; i + needle.length <= n; i++) {
    if (b[i] === 0x45 && startsWith(b, needle, i)) return 'encrypted';
  }
  return 'legacy';
}

/** `%PDF` at the start (not further in: a text file quoting `%PDF` must stay a text file). */
const isPdf = (b: Uint8Array): boolean => ascii(b, '%PDF');

export function extractInto(ctx: Ctx, file: string, bytes: Uint8Array, depth: number): void {
  const where = { file };
  const before = ctx.fragments.length;
  if (looksLikeZip(bytes)) {
    const pkg = openPackage(ctx, file, bytes);
    if (!pkg) return;
    const recurse = (inner: string, b: Uint8Array) => {
      if (depth + 1 > ctx.limits.maxDepth) {
        ctx.unread.push({
          where: { file: inner },
          code: 'too_deep',
          reason: `嵌套过深 nested deeper than ${ctx.limits.maxDepth}`,
        });
        return;
      }
      extractInto(ctx, inner, b, depth + 1);
    };
    const office = ooxmlKind(pkg);
    if (office) {
      extractOoxml(ctx, pkg, office, recurse);
      return;
    }
    if (isOfd(pkg)) {
      extractOfd(ctx, pkg, recurse);
      return;
    }
    if (pkg.byName.has('mimetype') && pkg.byName.has('content.xml')) {
      ctx.unread.push({
        where,
        code: 'unsupported',
        reason: 'OpenDocument 文件暂不支持 OpenDocument (odt/ods/odp) not read',
      });
      return;
    }
    // A plain archive: every entry's name is text too (a file name can leak), then its contents.
    for (const e of pkg.entries) {
      ctx.fragments.push({ text: e.name, where: { file, part: e.name, kind: 'embedded-name' } });
      if (e.directory) continue;
      const b = pkg.bytes(e.name);
      if (b) recurse(`${file}/${e.name}`, b);
    }
    return;
  }
  if (isPdf(bytes)) {
    if (ctx.pdfs) {
      ctx.pdfs.push({ file, bytes, depth });
      return;
    }
    const encrypted = /\/Encrypt\b/u.test(
      new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 4096))),
    );
    ctx.unread.push({
      where,
      code: encrypted ? 'encrypted' : 'pdf',
      reason: encrypted
        ? 'PDF 已加密 encrypted PDF not read'
        : 'PDF 仅在异步扫描中读取 PDF is read only by the asynchronous scan (scanFileAsync, ScanPool, baomi scan)',
    });
    return;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (/\/embeddings\/[^/]*\.bin$/iu.test(file))
      ctx.unread.push({
        where,
        code: 'legacy_format',
        reason: 'OLE 嵌入对象未读取 embedded OLE object not read',
      });
    else if (cfbKind(bytes) === 'encrypted')
      ctx.unread.push({
        where,
        code: 'encrypted',
        reason: '文件有密码保护 password-protected Office document not read',
      });
    else
      ctx.unread.push({
        where,
        code: 'legacy_format',
        reason:
          '旧版 Office/WPS 二进制格式（.doc/.xls/.ppt/.wps）未读取 legacy binary format not read: save as docx/xlsx/pptx',
      });
    return;
  }
  const image = imageKind(bytes);
  if (image) {
    if (ctx.images) {
      ctx.images.push({ where, format: image, bytes });
      return;
    }
    ctx.unread.push({
      where,
      code: 'image',
      reason: `${image} 图片未识别（未启用 OCR）${image} image not read (no OCR)`,
    });
    return;
  }
  if (
    ascii(bytes, 'Rar!') ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) ||
    startsWith(bytes, [0x1f, 0x8b])
  ) {
    ctx.unread.push({
      where,
      code: 'unsupported',
      reason: '压缩格式不支持（rar/7z/gz）archive format not read',
    });
    return;
  }
  if (ascii(bytes, '{\\rtf')) {
    ctx.unread.push({ where, code: 'unsupported', reason: 'RTF 未读取 RTF not read' });
    return;
  }
  if (looksLikeText(bytes)) {
    extractText(ctx, file, bytes, file);
    return;
  }
  if (ctx.fragments.length === before)
    ctx.unread.push({
      where,
      code: 'unsupported',
      reason: '未知的二进制格式 unknown binary format not read',
    });
}
