// Plain text, Markdown and HTML: the encoding detected (UTF-8 with or without BOM, UTF-16 LE/BE by BOM
// or by the pattern of zero bytes, else GB18030 — a superset of GBK and GB2312 — through Node's ICU
// TextDecoder). HTML: the visible text as body, <title> and <meta> contents as properties, <!-- -->
// comments as comments (they are sent with the page); script and style left out.
import { parseXml } from '../xml.ts';
import type { Ctx, Where } from './types.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

export function detectEncoding(b: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // UTF-16 without a BOM: GB18030 and UTF-8 text has no zero byte, while UTF-16 has one in every ASCII
  // character (a line break, a space, a digit): the side the zeros fall on gives the byte order.
  const n = Math.min(b.length, 65536) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const zeros = evenZero + oddZero;
  if (zeros >= 2 && oddZero >= evenZero * 2) return { encoding: 'utf-16le', bom: 0 };
  if (zeros >= 2 && evenZero >= oddZero * 2) return { encoding: 'utf-16be', bom: 0 };
  try {
    fatalUtf8.decode(b);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

export function decodeText(b: Uint8Array): { text: string; encoding: TextEncoding } {
  const { encoding, bom } = detectEncoding(b);
  return { text: new TextDecoder(encoding).decode(b.subarray(bom)), encoding };
}

/** Whether bytes look like text rather than an unknown binary format. */
export function looksLikeText(b: Uint8Array): boolean {
  const { encoding, bom } = detectEncoding(b);
  if (bom > 0 || encoding === 'utf-8' || b.length === 0) return true;
  if (encoding !== 'gb18030') {
    // UTF-16 without a BOM: few control characters once decoded.
    const t = new TextDecoder(encoding).decode(b.subarray(0, 8192));
    let bad = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0xfffd) bad++;
    }
    return bad <= t.length / 100;
  }
  // Not UTF-8: GB18030 text has no NUL and few control bytes.
  const n = Math.min(b.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) return false;
    if (c < 0x09 || (c > 0x0d && c < 0x20)) bad++;
  }
  return bad <= n / 100;
}

export function isHtml(name: string, text: string): boolean {
  return /\.(html?|xhtml|htm)$/iu.test(name) || /^\s*(<!doctype html|<html)/iu.test(text.slice(0, 1024));
}

export function extractText(ctx: Ctx, file: string, bytes: Uint8Array, name: string): void {
  const { text } = decodeText(bytes);
  if (isHtml(name, text)) {
    html(text, { file, kind: 'body' }, ctx);
    return;
  }
  if (text.trim() !== '') ctx.fragments.push({ text, where: { file, kind: 'body' } });
}

function html(text: string, where: Where, ctx: Ctx): void {
  const body: string[] = [];
  const props: string[] = [];
  let skip = 0;
  let inTitle = false;
  const BLOCK = /^(p|div|br|li|tr|td|th|h[1-6]|section|article|header|footer|table|ul|ol|pre|blockquote)$/iu;
  parseXml(text, {
    open: (name, attrs, sc) => {
      const l = name.toLowerCase();
      if ((l === 'script' || l === 'style') && !sc) skip++;
      else if (l === 'title' && !sc) inTitle = true;
      else if (l === 'meta' && attrs.content) props.push(attrs.content);
      else if (l === 'img' && (attrs.alt || attrs.title))
        body.push(`\n${attrs.alt ?? ''} ${attrs.title ?? ''}\n`);
      if (BLOCK.test(l)) body.push('\n');
    },
    close: (name) => {
      const l = name.toLowerCase();
      if (l === 'script' || l === 'style') skip = Math.max(0, skip - 1);
      else if (l === 'title') inTitle = false;
      if (BLOCK.test(l)) body.push('\n');
    },
    text: (t) => {
      if (inTitle) props.push(t);
      else if (skip === 0) body.push(t);
    },
    comment: (c) => {
      if (c.trim() !== '') ctx.fragments.push({ text: c, where: { ...where, kind: 'comment' } });
    },
  });
  const b = body.join('');
  if (b.trim() !== '') ctx.fragments.push({ text: b, where });
  const p = props.join('\n');
  if (p.trim() !== '') ctx.fragments.push({ text: p, where: { ...where, kind: 'properties' } });
}
