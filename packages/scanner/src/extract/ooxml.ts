// Office Open XML (docx, xlsx, pptx), walked part by part: what off-the-shelf extractors drop is what
// leaks — deleted tracked changes (w:del), comments, footnotes, text boxes, hidden text, headers and
// footers, hidden and very hidden sheets, cell notes, speaker notes, document properties, embedded
// files (their names, and their contents read in turn). Every XML part with text that no handler
// below claims is read too (kind `other`: SmartArt, charts, slide masters, …), so nothing is passed
// silently.
import { localName, parseXml } from '../xml.ts';
import { imageFormat } from './ocr.ts';
import { type Package, relsOf } from './package.ts';
import type { Ctx, FragmentKind, Segment, Where } from './types.ts';

export type Recurse = (file: string, bytes: Uint8Array) => void;
export type OoxmlKind = 'docx' | 'xlsx' | 'pptx';

/** Parts without text worth reading (formatting, relationships, themes). */
const NOISE =
  /(^|\/)(_rels\/|\[Content_Types\]\.xml$|theme\/|styles\.xml$|stylesWithEffects\.xml$|settings\.xml$|fontTable\.xml$|webSettings\.xml$|numbering\.xml$|calcChain\.xml$|presProps\.xml$|viewProps\.xml$|tableStyles\.xml$|commentsIds\.xml$|commentsExtended\.xml$|commentsExtensible\.xml$|customXml\/itemProps\d*\.xml$|printerSettings\/)/u;
const IMAGE = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|wdp|jfif)$/iu;

export function ooxmlKind(pkg: Package): OoxmlKind | null {
  if (pkg.byName.has('word/document.xml')) return 'docx';
  if (pkg.byName.has('xl/workbook.xml')) return 'xlsx';
  if (pkg.byName.has('ppt/presentation.xml')) return 'pptx';
  return null;
}

export function extractOoxml(ctx: Ctx, pkg: Package, kind: OoxmlKind, recurse: Recurse): void {
  const done = new Set<string>();
  const emit: Emit = (text, where, segments) => {
    if (text.trim() !== '') ctx.fragments.push({ text, where, ...(segments ? { segments } : {}) });
  };
  const file = pkg.file;
  if (kind === 'docx') docx(pkg, emit, done);
  else if (kind === 'xlsx') xlsx(pkg, emit, done);
  else pptx(pkg, emit, done);
  for (const e of pkg.entries) {
    const name = e.name;
    if (e.directory || done.has(name)) continue;
    if (name.startsWith('docProps/') && /\.xml$/iu.test(name)) {
      const xml = pkg.text(name);
      if (xml) properties(xml, { file, part: name, kind: 'properties' }, emit);
      continue;
    }
    if (/(^|\/)embeddings\//u.test(name)) {
      const base = name.slice(name.lastIndexOf('/') + 1);
      emit(base, { file, part: name, kind: 'embedded-name' });
      const b = pkg.bytes(name);
      if (b) recurse(`${file}/${name}`, b);
      continue;
    }
    if (IMAGE.test(name)) {
      if (ctx.images) {
        // OCR enabled: read later; bytes that cannot be taken (too large, a bomb) are already reported.
        const b = pkg.bytes(name);
        if (b) ctx.images.push({ where: { file, part: name }, format: imageFormat(name), bytes: b });
        continue;
      }
      ctx.unread.push({
        where: { file, part: name },
        code: 'image',
        reason: '图片未识别（未启用 OCR）image not read (no OCR)',
      });
      continue;
    }
    if (NOISE.test(name) || /\.(odttf|ttf|fntdata|sigs|psdsor|psdsxs)$/iu.test(name)) continue;
    if (/vbaProject\.bin$/iu.test(name)) {
      ctx.unread.push({
        where: { file, part: name },
        code: 'unsupported',
        reason: '宏代码未读取 VBA macro project not read',
      });
      continue;
    }
    if (!/\.(xml|vml|rels)$/iu.test(name)) {
      // Any other part (an altChunk's HTML or MHT, an attached file): read as a file of its own, or reported.
      const b = pkg.bytes(name);
      if (b) recurse(`${file}/${name}`, b);
      continue;
    }
    if (/^xl\/drawings\/drawing\d+\.xml$/u.test(name)) {
      const dx = pkg.text(name);
      if (dx) drawingParagraphs(dx, { file, part: name, kind: 'textbox' }, emit);
      continue;
    }
    const xml = pkg.text(name);
    if (xml) generic(xml, { file, part: name, kind: 'other' }, emit);
  }
}

type Emit = (text: string, where: Where, segments?: Segment[]) => void;

/**
 * Paragraphs of one kind joined with line breaks into one fragment, so that what spans paragraphs is
 * still found (a copy number on the line above the marking, GB/T 9704) and the context crosses them.
 */
class Groups {
  private readonly map = new Map<FragmentKind, { text: string; segments: Segment[] }>();
  put(kind: FragmentKind, text: string, paragraph: number): void {
    if (text.trim() === '') return;
    let g = this.map.get(kind);
    if (!g) {
      g = { text: '', segments: [] };
      this.map.set(kind, g);
    }
    if (g.segments.length > 0) g.text += '\n';
    g.segments.push({ offset: g.text.length, paragraph });
    g.text += text;
  }
  flush(where: Where, emit: Emit): void {
    for (const [kind, g] of this.map) emit(g.text, { ...where, kind }, g.segments);
    this.map.clear();
  }
}

/** Every text node of a part, one per line. */
function generic(xml: string, where: Where, emit: Emit): void {
  const parts: string[] = [];
  parseXml(xml, {
    text: (t) => {
      if (t.trim() !== '') parts.push(t);
    },
  });
  emit(parts.join('\n'), where);
}

/** docProps/core.xml, app.xml, custom.xml: each property with its name. */
function properties(xml: string, where: Where, emit: Emit): void {
  let field = '';
  let customName = '';
  let buf = '';
  parseXml(xml, {
    open: (name, attrs) => {
      if (localName(name) === 'property' && attrs.name) customName = attrs.name;
      field = name;
      buf = '';
    },
    text: (t) => {
      buf += t;
    },
    close: (name) => {
      if (name === field && buf.trim() !== '')
        emit(buf, { ...where, field: customName ? `${customName}` : name });
      if (localName(name) === 'property') customName = '';
      buf = '';
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// docx

function docx(pkg: Package, emit: Emit, done: Set<string>): void {
  const file = pkg.file;
  for (const e of pkg.entries) {
    const m = /^word\/(document|header\d*|footer\d*|comments|footnotes|endnotes)\.xml$/u.exec(e.name);
    if (!m) continue;
    done.add(e.name);
    const part = m[1]!;
    const kind: FragmentKind = part.startsWith('header')
      ? 'header'
      : part.startsWith('footer')
        ? 'footer'
        : part === 'comments'
          ? 'comment'
          : part === 'document'
            ? 'body'
            : 'footnote';
    const xml = pkg.text(e.name);
    if (xml) wordPart(xml, { file, part: e.name, kind }, emit);
  }
}

interface Para {
  kind: FragmentKind;
  body: string;
  deleted: string;
  hidden: string;
}

/** A WordprocessingML part: paragraphs, with deleted, hidden and text-box text apart. */
export function wordPart(xml: string, where: Where, emit: Emit): void {
  const stack: Para[] = [];
  let paragraph = 0;
  let delDepth = 0;
  let txbxDepth = 0;
  let fallbackDepth = 0;
  let inRun = false;
  let inRunProps = false;
  let runHidden = false;
  let textTarget: 'body' | 'deleted' | null = null;
  let author = '';
  let skipNote = false;
  const cur = () => stack[stack.length - 1];
  const groups = new Groups();
  const flush = () => groups.flush(author ? { ...where, field: author } : where, emit);
  parseXml(xml, {
    open: (name, attrs, selfClosing) => {
      switch (name) {
        case 'mc:Fallback':
          if (!selfClosing) fallbackDepth++;
          return;
        case 'w:p':
          if (!selfClosing)
            stack.push({ kind: txbxDepth > 0 ? 'textbox' : where.kind, body: '', deleted: '', hidden: '' });
          return;
        case 'w:txbxContent':
          if (!selfClosing) txbxDepth++;
          return;
        case 'w:del':
        case 'w:moveFrom':
          if (!selfClosing) delDepth++;
          return;
        case 'w:r':
          inRun = true;
          runHidden = false;
          return;
        case 'w:rPr':
          inRunProps = inRun;
          return;
        case 'w:vanish':
          if (inRunProps && attrs['w:val'] !== '0' && attrs['w:val'] !== 'false') runHidden = true;
          return;
        case 'w:t':
          if (!selfClosing) textTarget = delDepth > 0 ? 'deleted' : 'body';
          return;
        case 'w:delText':
          if (!selfClosing) textTarget = 'deleted';
          return;
        case 'w:tab':
          add('\t');
          return;
        case 'w:br':
        case 'w:cr':
          add('\n');
          return;
        case 'w:comment':
          author = attrs['w:author'] ?? '';
          return;
        case 'w:footnote':
        case 'w:endnote':
          skipNote = attrs['w:type'] === 'separator' || attrs['w:type'] === 'continuationSeparator';
          return;
      }
    },
    close: (name) => {
      switch (name) {
        case 'mc:Fallback':
          fallbackDepth = Math.max(0, fallbackDepth - 1);
          return;
        case 'w:txbxContent':
          txbxDepth = Math.max(0, txbxDepth - 1);
          return;
        case 'w:del':
        case 'w:moveFrom':
          delDepth = Math.max(0, delDepth - 1);
          return;
        case 'w:r':
          inRun = false;
          runHidden = false;
          return;
        case 'w:rPr':
          inRunProps = false;
          return;
        case 'w:t':
        case 'w:delText':
          textTarget = null;
          return;
        case 'w:p': {
          const p = stack.pop();
          if (!p) return;
          paragraph++;
          if (fallbackDepth > 0 || skipNote) return;
          groups.put(p.kind, p.body, paragraph);
          groups.put('deleted', p.deleted, paragraph);
          groups.put('hidden', p.hidden, paragraph);
          return;
        }
        case 'w:comment':
          flush();
          author = '';
          return;
        case 'w:footnote':
        case 'w:endnote':
          flush();
          return;
      }
    },
    text: (t) => {
      if (textTarget) add(t);
    },
  });
  flush();
  function add(t: string) {
    const p = cur();
    if (!p) return;
    if (textTarget === 'deleted' || delDepth > 0) p.deleted += t;
    else if (runHidden) p.hidden += t;
    else p.body += t;
  }
}

// ---------------------------------------------------------------------------------------------------
// xlsx

function xlsx(pkg: Package, emit: Emit, done: Set<string>): void {
  const file = pkg.file;
  done.add('xl/workbook.xml');
  const wbXml = pkg.text('xl/workbook.xml') ?? '';
  const rels = relsOf(pkg, 'xl/workbook.xml');
  const sheets: { name: string; state: string; part: string }[] = [];
  parseXml(wbXml, {
    open: (name, attrs) => {
      if (localName(name) === 'sheet') {
        const rel = rels.get(attrs['r:id'] ?? '');
        if (rel) sheets.push({ name: attrs.name ?? '', state: attrs.state ?? 'visible', part: rel.target });
      }
    },
  });
  // Shared strings: one string per <si>, phonetic runs (rPh) left out.
  const shared: string[] = [];
  const ssPart =
    [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  done.add(ssPart);
  const ssXml = pkg.byName.has(ssPart) ? pkg.text(ssPart) : null;
  if (ssXml) {
    let buf = '';
    let inT = false;
    let inPh = false;
    parseXml(ssXml, {
      open: (name, _a, sc) => {
        const l = localName(name);
        if (l === 'si') buf = '';
        else if (l === 'rPh' && !sc) inPh = true;
        else if (l === 't' && !sc) inT = true;
      },
      close: (name) => {
        const l = localName(name);
        if (l === 'si') shared.push(buf);
        else if (l === 'rPh') inPh = false;
        else if (l === 't') inT = false;
      },
      text: (t) => {
        if (inT && !inPh) buf += t;
      },
    });
  }
  for (const s of sheets) {
    if (!pkg.byName.has(s.part)) continue;
    done.add(s.part);
    const hidden = s.state === 'hidden' || s.state === 'veryHidden';
    const base: Where = {
      file,
      part: s.part,
      sheet: s.name,
      kind: hidden ? 'hidden-sheet' : 'body',
      ...(hidden ? { hidden: true, field: s.state } : {}),
    };
    const xml = pkg.text(s.part);
    if (xml) sheetPart(xml, base, shared, emit);
    // Notes and threaded comments of this sheet.
    for (const r of relsOf(pkg, s.part).values()) {
      if (!pkg.byName.has(r.target)) continue;
      const isNotes = r.type.endsWith('/comments');
      const isThreaded = r.type.endsWith('/threadedComment');
      if (!isNotes && !isThreaded) continue;
      done.add(r.target);
      const cx = pkg.text(r.target);
      if (cx)
        cellComments(cx, { file, part: r.target, sheet: s.name, kind: isNotes ? 'note' : 'comment' }, emit);
    }
  }
}

const HEADER_CODES = /&(?:"[^"]*"|\d+|[A-Za-z])/gu;

/** Column letters → 1-based number (`AB` → 28). */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function sheetPart(xml: string, base: Where, shared: string[], emit: Emit): void {
  let cell = '';
  let type = '';
  let v = '';
  let inline = '';
  let inV = false;
  let inT = false;
  let hf = '';
  let hfBuf = '';
  let rowHidden = false;
  // Hidden columns (<col min max hidden="1">): a cell there is hidden text on a visible sheet.
  const hiddenCols: [number, number][] = [];
  parseXml(xml, {
    open: (name, attrs, sc) => {
      const l = localName(name);
      if (l === 'c') {
        cell = attrs.r ?? '';
        type = attrs.t ?? 'n';
        v = '';
        inline = '';
      } else if (l === 'row') rowHidden = attrs.hidden === '1' || attrs.hidden === 'true';
      else if (l === 'col' && (attrs.hidden === '1' || attrs.hidden === 'true'))
        hiddenCols.push([Number(attrs.min ?? 0), Number(attrs.max ?? 0)]);
      else if (l === 'v' && !sc) inV = true;
      else if (l === 't' && !sc) inT = true;
      else if (/^(odd|even|first)(Header|Footer)$/u.test(l) && !sc) {
        hf = l;
        hfBuf = '';
      }
    },
    close: (name) => {
      const l = localName(name);
      if (l === 'v') inV = false;
      else if (l === 't') inT = false;
      else if (l === 'row') rowHidden = false;
      else if (l === 'c') {
        let text = '';
        if (type === 's') text = shared[Number(v)] ?? '';
        else if (type === 'inlineStr') text = inline;
        else if (type === 'str') text = v;
        if (!text) return;
        const col = columnNumber(cell);
        const hidden = rowHidden || hiddenCols.some(([a, b]) => col >= a && col <= b);
        emit(text, {
          ...base,
          ...(cell ? { cell } : {}),
          ...(hidden && base.kind === 'body' ? { kind: 'hidden' as const, hidden: true } : {}),
        });
      } else if (l === hf) {
        const text = hfBuf
          .split('&&')
          .map((piece) => piece.replace(HEADER_CODES, '\n'))
          .join('&');
        emit(text, { ...base, kind: hf.endsWith('Header') ? 'header' : 'footer', field: hf });
        hf = '';
      }
    },
    text: (t) => {
      if (hf) hfBuf += t;
      else if (inV) v += t;
      else if (inT) inline += t;
    },
  });
}

function cellComments(xml: string, base: Where, emit: Emit): void {
  let ref = '';
  let buf = '';
  let depth = 0;
  parseXml(xml, {
    open: (name, attrs, sc) => {
      const l = localName(name);
      if ((l === 'comment' || l === 'threadedComment') && !sc) {
        ref = attrs.ref ?? '';
        buf = '';
        depth++;
      }
    },
    close: (name) => {
      const l = localName(name);
      if (l === 'comment' || l === 'threadedComment') {
        emit(buf, { ...base, ...(ref ? { cell: ref } : {}) });
        depth = Math.max(0, depth - 1);
      }
    },
    text: (t) => {
      if (depth > 0) buf += t;
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// pptx

function pptx(pkg: Package, emit: Emit, done: Set<string>): void {
  const file = pkg.file;
  done.add('ppt/presentation.xml');
  const rels = relsOf(pkg, 'ppt/presentation.xml');
  const order: string[] = [];
  parseXml(pkg.text('ppt/presentation.xml') ?? '', {
    open: (name, attrs) => {
      if (localName(name) === 'sldId') {
        const r = rels.get(attrs['r:id'] ?? '');
        if (r) order.push(r.target);
      }
    },
  });
  // Slides not listed (orphans) still count, after the listed ones.
  for (const e of pkg.entries)
    if (/^ppt\/slides\/slide\d+\.xml$/u.test(e.name) && !order.includes(e.name)) order.push(e.name);
  order.forEach((part, i) => {
    if (!pkg.byName.has(part)) return;
    done.add(part);
    const slide = i + 1;
    const xml = pkg.text(part);
    if (!xml) return;
    const hidden = /<p:sld\b[^>]*\bshow="(0|false)"/u.test(xml);
    drawingParagraphs(xml, { file, part, slide, kind: 'body', ...(hidden ? { hidden: true } : {}) }, emit);
    for (const r of relsOf(pkg, part).values()) {
      if (!pkg.byName.has(r.target)) continue;
      if (r.type.endsWith('/notesSlide')) {
        done.add(r.target);
        const nx = pkg.text(r.target);
        if (nx) drawingParagraphs(nx, { file, part: r.target, slide, kind: 'speaker-notes' }, emit);
      } else if (
        /\/comments$|\/comments\/?$|modernComment|\/comment$/iu.test(r.type) ||
        r.target.includes('/comments/')
      ) {
        done.add(r.target);
        const cx = pkg.text(r.target);
        if (cx) generic(cx, { file, part: r.target, slide, kind: 'comment' }, emit);
      }
    }
  });
}

/** DrawingML text: one fragment per a:p (a:t runs, a:fld fields, a:br line breaks). */
function drawingParagraphs(xml: string, base: Where, emit: Emit): void {
  let paragraph = 0;
  let buf = '';
  let inText = false;
  let inPara = false;
  let fallbackDepth = 0;
  const groups = new Groups();
  parseXml(xml, {
    open: (name, _a, sc) => {
      if (name === 'mc:Fallback' && !sc) fallbackDepth++;
      else if (name === 'a:p' && !sc) {
        inPara = true;
        buf = '';
      } else if (name === 'a:t' && !sc) inText = true;
      else if (name === 'a:br' && inPara) buf += '\n';
    },
    close: (name) => {
      if (name === 'mc:Fallback') fallbackDepth = Math.max(0, fallbackDepth - 1);
      else if (name === 'a:t') inText = false;
      else if (name === 'a:p') {
        inPara = false;
        paragraph++;
        if (fallbackDepth === 0) groups.put(base.kind, buf, paragraph);
      }
    },
    text: (t) => {
      if (inText) buf += t;
    },
  });
  groups.flush(base, emit);
}
