// OFD (GB/T 33190, the Chinese fixed-layout format): a zip of XML. OFD.xml names the document root and
// holds the document information (title, author, keywords, custom data); Document.xml lists the pages
// in order (BaseLoc), the annotations and the attachments; each page's Content.xml holds TextObject
// elements whose TextCode children carry the text. A page with images and no text is reported as not
// read (a scanned page). Templates and other XML parts are read as kind `other`.
import { localName, parseXml } from '../xml.ts';
import { imageFormat } from './ocr.ts';
import type { Recurse } from './ooxml.ts';
import { type Package, resolvePart } from './package.ts';
import type { Ctx, Where } from './types.ts';

export const isOfd = (pkg: Package): boolean => pkg.byName.has('OFD.xml');

const IMAGE = /\.(png|jpe?g|gif|bmp|tiff?|jb2|jbig2?|svg|webp)$/iu;

export function extractOfd(ctx: Ctx, pkg: Package, recurse: Recurse): void {
  const file = pkg.file;
  const done = new Set<string>(['OFD.xml']);
  const emit = (text: string, where: Where) => {
    if (text.trim() !== '') ctx.fragments.push({ text, where });
  };
  const roots: string[] = [];
  let field = '';
  let buf = '';
  let inInfo = false;
  parseXml(pkg.text('OFD.xml') ?? '', {
    open: (name, attrs) => {
      const l = localName(name);
      if (l === 'DocInfo') inInfo = true;
      field = l === 'CustomData' ? (attrs.Name ?? l) : l;
      buf = '';
    },
    text: (t) => {
      buf += t;
    },
    close: (name) => {
      const l = localName(name);
      if (l === 'DocRoot') roots.push(resolvePart('OFD.xml', buf.trim()));
      else if (l === 'DocInfo') inInfo = false;
      else if (inInfo && buf.trim() !== '' && l !== 'DocID')
        emit(buf, { file, part: 'OFD.xml', kind: 'properties', field });
      buf = '';
    },
  });
  for (const root of roots) {
    done.add(root);
    const pages: string[] = [];
    const annots: string[] = [];
    const attachs: string[] = [];
    parseXml(pkg.text(root) ?? '', {
      open: (name, attrs) => {
        const l = localName(name);
        if (l === 'Page' && attrs.BaseLoc) pages.push(resolvePart(root, attrs.BaseLoc));
      },
      text: (t) => {
        buf += t;
      },
      close: (name) => {
        const l = localName(name);
        if (l === 'Annotations' && buf.trim()) annots.push(resolvePart(root, buf.trim()));
        if (l === 'Attachments' && buf.trim()) attachs.push(resolvePart(root, buf.trim()));
        buf = '';
      },
    });
    pages.forEach((part, i) => {
      done.add(part);
      const page = i + 1;
      const xml = pkg.text(part);
      if (!xml) return;
      const { text, images } = pageText(xml);
      if (text.trim() !== '') emit(text, { file, part, page, kind: 'body' });
      else if (images > 0)
        ctx.unread.push({
          where: { file, part, page },
          code: 'image_only_page',
          reason: ctx.images
            ? '本页只有图像、没有文字（扫描件？）；其图像资源已由 OCR 识别，按资源文件定位 page has images and no text (a scan?): its image resources are read by OCR, named by their part, not by this page'
            : '本页只有图像、没有文字（扫描件？）page has images and no text (a scan?)',
        });
    });
    for (const a of annots) {
      done.add(a);
      const pageAnnots: { page: string; loc: string }[] = [];
      parseXml(pkg.text(a) ?? '', {
        open: (name, attrs) => {
          if (localName(name) === 'Page') pageAnnots.push({ page: attrs.PageID ?? '', loc: '' });
        },
        text: (t) => {
          buf += t;
        },
        close: (name) => {
          if (localName(name) === 'FileLoc' && pageAnnots.length)
            pageAnnots[pageAnnots.length - 1]!.loc = buf.trim();
          buf = '';
        },
      });
      for (const pa of pageAnnots) {
        const part = resolvePart(a, pa.loc);
        done.add(part);
        const xml = pkg.text(part);
        if (!xml) continue;
        const remarks: string[] = [];
        parseXml(xml, {
          text: (t) => {
            buf += t;
          },
          close: (name) => {
            const l = localName(name);
            if ((l === 'Remark' || l === 'TextCode' || l === 'Value') && buf.trim()) remarks.push(buf);
            buf = '';
          },
        });
        emit(remarks.join('\n'), { file, part, kind: 'comment' });
      }
    }
    for (const a of attachs) {
      done.add(a);
      parseXml(pkg.text(a) ?? '', {
        open: (name, attrs) => {
          if (localName(name) === 'Attachment' && attrs.Name)
            emit(attrs.Name, { file, part: a, kind: 'embedded-name' });
        },
        text: (t) => {
          buf += t;
        },
        close: (name) => {
          if (localName(name) === 'FileLoc' && buf.trim()) {
            const part = resolvePart(a, buf.trim());
            done.add(part);
            const b = pkg.bytes(part);
            if (b) recurse(`${file}/${part}`, b);
          }
          buf = '';
        },
      });
    }
  }
  for (const e of pkg.entries) {
    if (e.directory || done.has(e.name)) continue;
    if (IMAGE.test(e.name)) {
      if (ctx.images) {
        // OCR enabled: the image resource is read, named by its part (not linked to its page).
        const b = pkg.bytes(e.name);
        if (b) ctx.images.push({ where: { file, part: e.name }, format: imageFormat(e.name), bytes: b });
        continue;
      }
      ctx.unread.push({
        where: { file, part: e.name },
        code: 'image',
        reason: '图片未识别（未启用 OCR）image not read (no OCR)',
      });
      continue;
    }
    if (/(^|\/)Signs?\//u.test(e.name) || !/\.xml$/iu.test(e.name) || /PublicRes|DocumentRes/u.test(e.name))
      continue;
    const xml = pkg.text(e.name);
    if (!xml) continue;
    const { text } = pageText(xml);
    emit(text, { file, part: e.name, kind: 'other' });
  }
}

/** A page's text: TextCode runs joined within a TextObject, one TextObject a line. */
function pageText(xml: string): { text: string; images: number } {
  const lines: string[] = [];
  let line = '';
  let inCode = false;
  let images = 0;
  parseXml(xml, {
    open: (name, _a, sc) => {
      const l = localName(name);
      if (l === 'TextCode' && !sc) inCode = true;
      else if (l === 'ImageObject') images++;
    },
    close: (name) => {
      const l = localName(name);
      if (l === 'TextCode') inCode = false;
      else if (l === 'TextObject') {
        lines.push(line);
        line = '';
      }
    },
    text: (t) => {
      if (inCode) line += t;
    },
  });
  if (line) lines.push(line);
  return { text: lines.join('\n'), images };
}
