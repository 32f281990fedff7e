// A small SAX-style XML tokenizer for the parts of Office Open XML and OFD packages. It never expands a
// DOCTYPE (no external entities, no entity bombs: the DOCTYPE is skipped whole), decodes the five
// predefined entities and character references, and tolerates malformed input (it reads what it can
// and never throws).

export interface XmlHandler {
  open?(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
  comment?(text: string): void;
}

// The XML five, and the HTML ones that hide or change a term or a marking (spaces, zero-width, stars).
const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
  star: '☆',
  starf: '★',
  bigstar: '★',
  ast: '*',
};

/** Decodes entity and character references; unknown ones are kept as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/gu, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** Tokenizes `xml`, calling the handler for each start tag, end tag, text run and comment. */
export function parseXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (h.text) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text) h.text(decodeEntities(xml.slice(i, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end;
      if (h.comment) h.comment(xml.slice(lt + 4, stop));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      const stop = end < 0 ? n : end;
      if (h.text) h.text(xml.slice(lt + 9, stop));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) {
      // DOCTYPE (with an internal subset in brackets) or another declaration: skipped, never expanded.
      let depth = 0;
      let j = lt + 2;
      for (; j < n; j++) {
        const c = xml[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      i = j + 1;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = xml[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= n) return; // truncated tag
    const body = xml.slice(lt + 1, j);
    i = j + 1;
    if (body[0] === '/') {
      if (h.close) h.close(body.slice(1).trim());
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const sp = inner.search(/[\s]/u);
    const name = sp < 0 ? inner : inner.slice(0, sp);
    if (name === '') continue;
    const attrs: Record<string, string> = {};
    if (sp >= 0) {
      ATTR.lastIndex = 0;
      const rest = inner.slice(sp);
      for (let m = ATTR.exec(rest); m; m = ATTR.exec(rest)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
    }
    if (h.open) h.open(name, attrs, selfClosing);
    if (selfClosing && h.close) h.close(name);
  }
}

/** The local name of a possibly prefixed XML name (`w:t` → `t`). */
export const localName = (name: string): string => {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
};
