// PDF through one pdfjs-dist (the legacy build, the one meant for Node), loaded lazily: the module is
// imported the first time a PDF is scanned, so a process that never scans one never loads it. No
// worker download and no network: pdfjs runs its "fake worker" in this thread, fonts are not rendered,
// and the predefined CJK CMaps (UniGB-UCS2-H, Adobe-GB1-UCS2…) come from the package's own `cmaps/`
// folder, which Chinese PDFs with non-embedded CID fonts need for their text.
//
// Read: every page's text layer (kind body, the page named), annotations' text (comments, pop-ups,
// free text; kind comment, the author as `field`), form field values (kind body, the field's name),
// the Info dictionary and XMP metadata (kind properties), outline titles (kind other, field
// `outline`), embedded files (their names, then their contents scanned in turn within the depth and
// size limits). Not read, and reported: a password-protected PDF, a page with images and no text,
// pages past the page limit or the time limit, a corrupt file or page.
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { parseXml } from '../xml.ts';
import { type Ctx, DEFAULT_LIMITS, type PendingPdf, type Where } from './types.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;
/** The pdfjs module, imported on first use. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importKeepingNatives();
  return loading;
}

/**
 * The legacy build bundles core-js, which on Node 20 replaces `Array.prototype.push`, `JSON.parse` and
 * `JSON.stringify` for the whole thread with JavaScript versions (for edge cases pdfjs never meets: a
 * non-writable array length, JSON.rawJSON): a tenth of a PDF's scan went to the slow `push`, and every
 * other push in the thread paid too. Both modules (the API and its in-thread worker, which carries its
 * own copy of core-js) are imported here, the worker handed to pdfjs through `globalThis.pdfjsWorker`
 * so it is not imported again later, and the three natives put back. What core-js only adds
 * (`Promise.withResolvers`, `Uint8Array.prototype.toHex`…) pdfjs needs on Node 20 and stays. D162.
 */
async function importKeepingNatives(): Promise<Pdfjs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  // A name in a variable: the worker module has no type declarations, and only its presence matters.
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  try {
    const [pdfjs, pdfjsWorker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import(workerModule) as Promise<unknown>,
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
    installWholeInflate();
    return pdfjs;
  } finally {
    Array.prototype.push = natives.push;
    JSON.parse = natives.parse;
    JSON.stringify = natives.stringify;
  }
}

type Inflate = (b: Uint8Array, o: { maxOutputLength: number }) => Uint8Array;
const WHOLE: Record<string, Inflate> = {
  deflate: inflateSync,
  'deflate-raw': inflateRawSync,
  gzip: gunzipSync,
};

/**
 * A stream inflates to at most this many bytes (the limits' `maxEntryBytes`, as for a zip entry): past
 * it, it is read as empty and counted, and the PDF being read reports that it was not read whole. A
 * bomb (a font program of a gigabyte of zeros in a 1 MB file) took gigabytes before. pdfjs's own
 * decoder, which it falls back to on an error, has no limit: hence an empty stream, not an error.
 */
const inflated = { cap: DEFAULT_LIMITS.maxEntryBytes, overflows: 0 };

/**
 * pdfjs inflates every Flate stream (page content, fonts, CMaps) through `DecompressionStream`: Node's
 * runs zlib on its thread pool behind a web-stream adapter, and for the small streams of a PDF the
 * hand-offs cost more than the inflating (a tenth of a PDF's scan, and waits in the thread). pdfjs only
 * writes the whole stream, closes it and reads the result, inside a try whose catch falls back to its
 * own decoder; so in a thread that reads PDFs, `DecompressionStream` for the zlib formats inflates the
 * whole stream at once on close, with Node's own zlib. Other formats go to the native class. A corrupt
 * stream ends the read with zlib's error, as the native one does, and pdfjs falls back the same way.
 * The threads that load pdfjs are the scan pool's workers and the `baomi scan` process. It is not a
 * whole web stream (no `pipeThrough`, no `getReader`): nothing else in those threads uses one. D162.
 */
function installWholeInflate(): void {
  const Native = globalThis.DecompressionStream;
  // Called with `new` by pdfjs: a plain function that returns an object is what `new` then gives.
  const WholeDecompressionStream = function WholeDecompressionStream(format: string) {
    const inflate = WHOLE[format];
    return inflate ? wholeStream(inflate) : new Native(format as CompressionFormat);
  };
  (globalThis as { DecompressionStream: unknown }).DecompressionStream = WholeDecompressionStream;
}

/** The writable side collects what is written; on close the whole is inflated and read once. */
function wholeStream(inflate: Inflate): {
  readable: AsyncIterable<Uint8Array>;
  writable: { getWriter(): WholeWriter };
} {
  const parts: Uint8Array[] = [];
  let done: (out: Uint8Array) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const result = new Promise<Uint8Array>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  result.catch(() => {}); // its error is seen by the reader; never an unhandled rejection
  const writer: WholeWriter = {
    ready: Promise.resolve(),
    write: async (chunk) => {
      parts.push(chunk);
    },
    close: async () => {
      try {
        done(
          inflate(parts.length === 1 ? parts[0]! : Buffer.concat(parts), { maxOutputLength: inflated.cap }),
        );
      } catch (e) {
        if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') fail(e);
        else {
          inflated.overflows++;
          done(new Uint8Array(0));
        }
      }
    },
    abort: async (e) => fail(e),
    releaseLock: () => {},
  };
  return {
    writable: { getWriter: () => writer },
    readable: {
      async *[Symbol.asyncIterator]() {
        yield await result;
      },
    },
  };
}

interface WholeWriter {
  ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(e?: unknown): Promise<void>;
  releaseLock(): void;
}

type PdfWorker = InstanceType<Pdfjs['PDFWorker']>;
let worker: PdfWorker | null = null;
/** One pdfjs "worker" (in this thread) for every document: setting one up per document costs ~15%. */
function sharedWorker(pdfjs: Pdfjs): PdfWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
  return worker;
}

/** `node_modules/pdfjs-dist/`, resolved from this package (one pdfjs for the whole process). */
let assets: { cMapUrl: string; standardFontDataUrl: string } | null = null;
function pdfjsAssets() {
  if (!assets) {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    // A path, not a file: URL: pdfjs's Node reader hands it to fs.readFile as it is.
    const base = `${dirname(pkg)}${sep}`;
    assets = { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` };
  }
  return assets;
}

// The shapes of pdfjs's loosely typed results that are read here.
interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}
interface StrObj {
  str?: string;
}
interface AnnotationLike {
  subtype?: string;
  contentsObj?: StrObj;
  titleObj?: StrObj;
  richText?: { str?: string } | null;
  fieldName?: string;
  fieldValue?: unknown;
  alternativeText?: string;
  parentRect?: unknown;
  parentType?: string | null;
  file?: { filename?: string; content?: Uint8Array } | null;
  url?: string;
}
interface OutlineLike {
  title?: string;
  items?: OutlineLike[];
}
interface AttachmentLike {
  filename?: string;
  rawFilename?: string;
  content?: Uint8Array;
  description?: string;
}

const INFO_FIELDS = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;

/** Reads one PDF into the context. Throws only on a bug: the caller reports that as corrupt. */
export async function extractPdf(
  ctx: Ctx,
  pdf: PendingPdf,
  recurse: (file: string, bytes: Uint8Array, depth: number) => void,
): Promise<void> {
  const { file, bytes, depth } = pdf;
  const started = Date.now();
  // Counted for the whole thread: a PDF read at the same time in this thread may be named as well.
  const overflowsBefore = inflated.overflows;
  inflated.cap = ctx.limits.maxEntryBytes;
  const pdfjs = await loadPdfjs();
  const { cMapUrl, standardFontDataUrl } = pdfjsAssets();
  const task = pdfjs.getDocument({
    // pdfjs takes the buffer over (it is detached), and refuses a Node Buffer: give it a plain copy.
    data: new Uint8Array(bytes),
    worker: sharedWorker(pdfjs),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  task.onPassword = () => {
    // Asked for a password: there is none to give. Ending the task rejects it with a PasswordException.
    void task.destroy();
  };
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException' || /password/iu.test(String(e)))
      ctx.unread.push({
        where: { file },
        code: 'encrypted',
        reason: 'PDF 有打开密码，未读取 password-protected PDF not read',
      });
    else
      ctx.unread.push({
        where: { file },
        code: 'corrupt',
        reason: `PDF 无法打开（损坏或截断）PDF could not be opened (corrupt or truncated): ${message(e)}`,
      });
    await task.destroy().catch(() => undefined);
    return;
  }
  const emit = (text: string, where: Where) => {
    if (text.trim() !== '') ctx.fragments.push({ text, where });
  };
  try {
    // Metadata first: it is small and often says the most (a title with a marking).
    try {
      const md = (await doc.getMetadata()) as unknown as {
        info?: Record<string, unknown>;
        metadata?: { getRaw(): unknown } | null;
      };
      const info = md.info ?? {};
      for (const k of INFO_FIELDS) {
        const v = info[k];
        if (typeof v === 'string') emit(v, { file, kind: 'properties', field: k });
      }
      const custom = info.Custom;
      if (custom && typeof custom === 'object')
        for (const [k, v] of Object.entries(custom as Record<string, unknown>))
          if (typeof v === 'string') emit(v, { file, kind: 'properties', field: k });
      if (info.IsXFAPresent === true)
        ctx.unread.push({
          where: { file },
          code: 'unsupported',
          reason: 'XFA 表单数据未读取（只读了页面文字）XFA form data not read (the pages were)',
        });
      const raw = md.metadata?.getRaw();
      if (typeof raw === 'string')
        readXmp(raw, (text, field) => emit(text, { file, part: 'XMP', kind: 'properties', field }));
    } catch (e) {
      ctx.unread.push({
        where: { file },
        code: 'corrupt',
        reason: `PDF 元数据无法读取 metadata: ${message(e)}`,
      });
    }
    try {
      const walk = (items: OutlineLike[] | null | undefined, level: number) => {
        if (!items || level > 64) return;
        for (const it of items) {
          if (typeof it.title === 'string') emit(it.title, { file, kind: 'other', field: 'outline' });
          walk(it.items, level + 1);
        }
      };
      walk((await doc.getOutline()) as OutlineLike[] | null, 0);
    } catch (e) {
      ctx.unread.push({
        where: { file },
        code: 'corrupt',
        reason: `PDF 书签无法读取 outline: ${message(e)}`,
      });
    }
    const attachments: { name: string; content: Uint8Array | undefined; page?: number }[] = [];
    try {
      const att = ((await doc.getAttachments()) ?? {}) as Record<string, AttachmentLike>;
      for (const [key, a] of Object.entries(att)) {
        const name = a.filename || a.rawFilename || key;
        attachments.push({ name, content: a.content });
        if (a.description)
          emit(a.description, { file, part: name, kind: 'embedded-name', field: 'description' });
      }
    } catch (e) {
      ctx.unread.push({
        where: { file },
        code: 'corrupt',
        reason: `PDF 附件无法读取 attachments: ${message(e)}`,
      });
    }

    const total = doc.numPages;
    const pages = Math.min(total, ctx.limits.maxPdfPages);
    // What the pages gave: a PDF whose pages give no text, no image and no refusal is reported too
    // (a damaged page tree that pdfjs opens as one empty page looks exactly like that — never passed).
    const fragmentsBefore = ctx.fragments.length;
    const unreadBefore = ctx.unread.length;
    let imagePages = 0;
    for (let n = 1; n <= pages; n++) {
      if (Date.now() - started > ctx.limits.maxPdfMillis) {
        ctx.unread.push({
          where: { file, page: n },
          code: 'timeout',
          reason: `PDF 读取超时：第 ${n}–${total} 页未读取 time limit (${ctx.limits.maxPdfMillis} ms) reached: pages ${n}–${total} not read`,
        });
        break;
      }
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false });
        let text = '';
        for (const it of content.items as TextItemLike[]) {
          text += it.str ?? '';
          if (it.hasEOL) text += '\n';
        }
        if (text.trim() !== '') emit(text, { file, kind: 'body', page: n });
        else if (await hasImages(pdfjs, page)) {
          imagePages++;
          if (ctx.images) await queuePage(ctx, doc, page, file, n);
          else
            ctx.unread.push({
              where: { file, page: n },
              code: 'image_only_page',
              reason: `第 ${n} 页只有图像、没有文字层（扫描件？未启用 OCR）image-only page ${n}: no text layer (a scan? no OCR)`,
            });
        }
        // Every annotation, hidden ones too (intent `any`): a hidden note is text that leaves with the file.
        const annots = (await page.getAnnotations({ intent: 'any' })) as AnnotationLike[];
        for (const a of annots) readAnnotation(a, n, file, emit, attachments);
        page.cleanup();
      } catch (e) {
        ctx.unread.push({
          where: { file, page: n },
          code: 'corrupt',
          reason: `第 ${n} 页无法读取（损坏或截断）page ${n} could not be read (corrupt or truncated): ${message(e)}`,
        });
      }
    }
    if (ctx.fragments.length === fragmentsBefore && ctx.unread.length === unreadBefore && imagePages === 0)
      ctx.unread.push({
        where: { file },
        code: 'no_text',
        reason:
          'PDF 中未读出任何文字（空白、仅有矢量图形或已损坏），请人工查看 no text could be read from the PDF (blank, vector drawings only, or damaged): look at it yourself',
      });
    if (inflated.overflows > overflowsBefore)
      ctx.unread.push({
        where: { file },
        code: 'too_large',
        reason: `PDF 中有数据流解压后超过 ${ctx.limits.maxEntryBytes} 字节，该部分未读取 a stream inflates past ${ctx.limits.maxEntryBytes} bytes: that part not read`,
      });
    if (total > pages)
      ctx.unread.push({
        where: { file, page: pages + 1 },
        code: 'too_large',
        reason: `页数超过上限：第 ${pages + 1}–${total} 页未读取 more than ${pages} pages: pages ${pages + 1}–${total} not read`,
      });

    for (const a of attachments) {
      const where = {
        file,
        part: a.name,
        kind: 'embedded-name' as const,
        ...(a.page ? { page: a.page } : {}),
      };
      ctx.fragments.push({ text: a.name, where });
      if (!a.content) continue;
      const inner = `${file}/${a.name}`;
      if (a.content.length > ctx.limits.maxEntryBytes || a.content.length > ctx.budget) {
        ctx.unread.push({
          where: { file: inner },
          code: 'too_large',
          reason: `附件过大 attachment of ${a.content.length} bytes is above the limit`,
        });
        continue;
      }
      ctx.budget -= a.content.length;
      recurse(inner, a.content, depth + 1);
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function readAnnotation(
  a: AnnotationLike,
  page: number,
  file: string,
  emit: (text: string, where: Where) => void,
  attachments: { name: string; content: Uint8Array | undefined; page?: number }[],
): void {
  // A pop-up repeats its parent's text: the parent is read.
  if (a.subtype === 'Popup' && a.parentType) return;
  const author = a.titleObj?.str?.trim();
  const where: Where = { file, kind: 'comment', page, ...(author ? { field: author } : {}) };
  if (a.subtype === 'Widget') {
    const v = a.fieldValue;
    const text =
      typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '';
    if (text) emit(text, { file, kind: 'body', page, ...(a.fieldName ? { field: a.fieldName } : {}) });
    if (a.alternativeText) emit(a.alternativeText, { file, kind: 'other', page, field: 'tooltip' });
    return;
  }
  const contents = a.contentsObj?.str ?? '';
  emit(contents, where);
  const rich = a.richText?.str;
  if (rich && rich !== contents) emit(rich, where);
  if (a.subtype === 'FileAttachment' && a.file?.filename)
    attachments.push({ name: a.file.filename, content: a.file.content, page });
  if (a.subtype === 'Link' && a.url) emit(a.url, { file, kind: 'other', page, field: 'link' });
}

/**
 * XMP (an RDF/XML packet): every element's text, named by its nearest element outside the rdf:
 * namespace (`dc:title` for `<dc:title><rdf:Alt><rdf:li>…`), and properties written as attributes of
 * `rdf:Description`. Read whole with the scanner's own tokenizer: custom schemas are read too.
 */
function readXmp(xml: string, emit: (text: string, field: string) => void): void {
  const stack: string[] = [];
  let buf = '';
  parseXml(xml, {
    open: (name, attrs) => {
      buf = '';
      for (const [k, v] of Object.entries(attrs))
        if (k.includes(':') && !/^(xmlns|rdf|xml|x):/u.test(k) && v.trim() !== '') emit(v, k);
      stack.push(name); // a self-closing element is closed too (close is called for it)
    },
    text: (t) => {
      buf += t;
    },
    close: () => {
      if (buf.trim() !== '') {
        const field = [...stack].reverse().find((n) => !n.startsWith('rdf:') && !n.startsWith('x:'));
        if (field) emit(buf, field);
      }
      buf = '';
      stack.pop();
    },
  });
}

interface RenderCanvas {
  toBuffer(type: 'image/png'): Buffer;
}
interface CanvasFactoryLike {
  create(width: number, height: number): { canvas: RenderCanvas; context: unknown };
}
interface RenderablePage {
  getViewport(p: { scale: number }): { width: number; height: number };
  render(p: { canvasContext: never; canvas: never; viewport: never; background: string }): {
    promise: Promise<void>;
  };
}

/** Scanned pages are rendered at 200 dpi for OCR (Tesseract reads 150–300 dpi best). */
const OCR_DPI = 200;

/**
 * OCR enabled: an image-only page is rendered to PNG (pdfjs on @napi-rs/canvas, pdfjs-dist's optional
 * dependency) and queued for Tesseract, the page named; within the image count and pixel limits.
 */
async function queuePage(ctx: Ctx, doc: unknown, page: unknown, file: string, n: number): Promise<void> {
  const where = { file, page: n };
  const images = ctx.images!;
  const fail = (why: string) =>
    ctx.unread.push({
      where,
      code: 'image_only_page',
      reason: `第 ${n} 页只有图像、没有文字层，未识别：${why} image-only page ${n} not read by OCR: ${why}`,
    });
  if (images.length >= ctx.limits.maxOcrImages) {
    fail(
      `每个文件最多识别 ${ctx.limits.maxOcrImages} 张图 OCR limit of ${ctx.limits.maxOcrImages} images per file`,
    );
    return;
  }
  const p = page as RenderablePage;
  let scale = OCR_DPI / 72;
  const base = p.getViewport({ scale: 1 });
  const px = base.width * base.height * scale * scale;
  if (px > ctx.limits.maxOcrPixels) scale *= Math.sqrt(ctx.limits.maxOcrPixels / px);
  try {
    const viewport = p.getViewport({ scale });
    const factory = (doc as { canvasFactory: CanvasFactoryLike }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // White, not transparent: Tesseract reads a transparent background as black.
    await p.render({
      canvasContext: context as never,
      canvas: canvas as never,
      viewport: viewport as never,
      background: '#ffffff',
    }).promise;
    images.push({ where, format: 'PNG', bytes: canvas.toBuffer('image/png') });
  } catch (e) {
    fail(`页面无法渲染 page could not be rendered: ${message(e)}`);
  }
}

/** Whether the page paints an image (read only for a page without text: a scanned page). */
async function hasImages(pdfjs: Pdfjs, page: { getOperatorList(): Promise<{ fnArray: number[] }> }) {
  const ops = pdfjs.OPS;
  const image = new Set<number>([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintImageMaskXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
    ops.paintImageMaskXObjectGroup,
    ops.paintSolidColorImageMask,
  ]);
  const list = await page.getOperatorList();
  return list.fnArray.some((f) => image.has(f));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
