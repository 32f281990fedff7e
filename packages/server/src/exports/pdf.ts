// The one PDF form mechanism: every printable form in Baomi (审批表, 登记表, 台账打印 …) is a PdfSpec
// built from a record and rendered here, with a CJK font shipped with the project (no system fonts).
// R-LVL-03/04/05: a classified record's print carries its copy number (份号, line 1) and marking
// (密级★期限, line 2) top-left on every page, so no page can be separated from its marking.
// Page geometry follows GB/T 9704-2012 §5.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; the page
// number sits 7 mm under the 版心.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { documentHeaderLines, type MarkedItem } from '@baomi/domain';
import type { FastifyReply } from 'fastify';
import { appendAudit } from '../audit/chain.ts';
import type { ExportAudit } from './ledger.ts';

// ---- the spec ----

export type PdfValue = string | number | Date | null | undefined;

/** One label/value pair of a grid. Two share a row; a `wide` one takes the whole row. */
export interface PdfField {
  label: string;
  value: PdfValue;
  wide?: boolean;
}

export interface PdfColumn {
  header: string;
  /** Relative width (default 1). */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** An opinion box of an approval form: the label on the left, the opinion, then who signed and when. */
export interface PdfDecision {
  label: string;
  opinion?: PdfValue;
  /** Empty: a blank line is left for a hand signature. */
  signer?: PdfValue;
  /** Empty: "年 月 日" is left to fill in by hand. */
  date?: PdfValue;
  /** Height of the box without the signature line, in points (default 60). */
  minHeight?: number;
}

export type PdfBlock =
  | { kind: 'section'; title: string }
  | { kind: 'fields'; fields: PdfField[] }
  | { kind: 'text'; text: string }
  | { kind: 'table'; columns: PdfColumn[]; rows: PdfValue[][]; empty?: string }
  | { kind: 'decisions'; items: PdfDecision[]; signLabel?: string; dateLabel?: string }
  | { kind: 'labels'; items: PdfLabel[] };

/**
 * One cut-out label of a label sheet (R-CAR-09): a QR code of `qr` (drawn as vector squares) and a
 * few lines beside it; the first line bold.
 */
export interface PdfLabel {
  qr: string;
  lines: string[];
}

/** The part of the `qrcode` package used here: the module matrix of a symbol. */
interface QrLib {
  create(
    text: string,
    o: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): {
    modules: { size: number; get(row: number, col: number): number | boolean };
  };
}

export interface PdfSpec {
  /** Centred title, e.g. 国家秘密事项定密审核审批表. Also the PDF's document title. */
  title: string;
  /** Under the title, e.g. 填报单位 / 编号. */
  subtitle?: string;
  /**
   * R-LVL-03/04/05: the record's level and period (and copy number). Printed top-left on every
   * page through the domain's documentHeaderLines, so every surface prints the same mark.
   */
  marking?: (MarkedItem & { copyNumber?: number | null }) | null;
  blocks: PdfBlock[];
  /** Printed in the footer (Asia/Shanghai); default: now. */
  printedAt?: Date;
  /** Printed in the footer beside the time, e.g. the person who printed. */
  printedBy?: string;
}

// ---- fonts: Noto Sans SC (OFL-1.1) from the @expo-google-fonts/noto-sans-sc package ----

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
/** The PostScript names embedded in the PDF (as a subset: `ABCDEF+NotoSansSC-Regular`). */
export const PDF_FONT_NAMES = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' } as const;

type FontKey = keyof typeof FONT_FILES;
let fontData: Record<FontKey, Buffer> | null = null;

function fonts(): Record<FontKey, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    fontData = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return fontData;
}

// ---- geometry (points) ----

const MM = 72 / 25.4;
/** The 版心 (type area) on A4 (210 × 297 mm). */
const BODY = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
const BODY_BOTTOM = BODY.top + BODY.height;
const FOOTER_Y = BODY_BOTTOM + 5 * MM;

const SIZE = { header: 16, title: 20, subtitle: 11, section: 13, body: 11, table: 10, footer: 9 };
const LINE_GAP = 3;
const PAD = { x: 5, y: 5 };
const MIN_ROW = 24;
const LABEL_SHARE = 0.18;
const TZ = 'Asia/Shanghai';

/** 2026-03-01 09:05 in Beijing time, whatever the server's zone. */
export function beijingTime(d: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function text(v: PdfValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return beijingTime(v);
  return String(v);
}

interface Cell {
  x: number;
  w: number;
  text: string;
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  /** Labels are centred vertically; values start at the top. */
  middle?: boolean;
  /** A label: shown again beside each piece of a value continued over pages. */
  keep?: boolean;
  fill?: string;
  /** Points kept free at the bottom of the cell's last piece, for `bottom` to draw in. */
  reserve?: number;
  bottom?: (x: number, y: number, w: number, h: number) => void;
}

/** The rendered document and what was drawn on each page (for the audit and for tests). */
export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** The pieces of text drawn on each page, in drawing order (header and footer last). */
  pageText: string[][];
}

class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly header: string[];
  private readonly contentTop: number;
  private y: number;
  /** Height of the table header drawn again on each page a table continues on. */
  private repeatHeight: number | null = null;
  private page = 0;
  readonly drawn: string[][] = [[]];
  /** Drawn again at the top of a page a table continues on. */
  private repeat: (() => void) | null = null;
  /** The last thing drawn was a row of boxes: boxes stack flush (one form), text keeps a gap. */
  private boxed = false;

  constructor(
    private readonly spec: PdfSpec,
    PDFDocument: typeof import('pdfkit'),
    private readonly qr: QrLib | null = null,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0, // all placement is explicit: pdfkit never breaks a page on its own
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: spec.title,
        Creator: 'Baomi 保密',
        Producer: 'Baomi 保密',
        CreationDate: spec.printedAt ?? new Date(),
      },
    });
    const f = fonts();
    this.doc.registerFont('regular', f.regular);
    this.doc.registerFont('bold', f.bold);
    this.header = spec.marking ? documentHeaderLines(spec.marking) : [];
    this.contentTop = BODY.top + (this.header.length ? this.header.length * SIZE.header * 1.5 + 6 : 0);
    this.y = this.contentTop;
  }

  private use(bold: boolean | undefined, size: number): void {
    this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  private put(s: string, x: number, y: number, o: { width?: number; align?: Cell['align'] } = {}): void {
    if (s === '') return;
    this.doc.text(s, x, y, { ...o, lineGap: LINE_GAP });
    this.drawn[this.page]!.push(s);
  }

  private measure(s: string, w: number, bold?: boolean, size = SIZE.body): number {
    this.use(bold, size);
    return s === '' ? size : this.doc.heightOfString(s, { width: w, lineGap: LINE_GAP });
  }

  private left(): number {
    return BODY_BOTTOM - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.page += 1;
    this.drawn.push([]);
    this.y = this.contentTop;
    this.boxed = false;
    this.repeat?.();
  }

  /** Starts a new page unless `h` points are left on this one. */
  private need(h: number): void {
    if (this.left() < h) this.newPage();
  }

  private gap(h: number): void {
    this.y += h;
    this.boxed = false;
  }

  title(): void {
    const h = this.measure(this.spec.title, BODY.width, true, SIZE.title);
    this.put(this.spec.title, BODY.left, this.y, { width: BODY.width, align: 'center' });
    this.y += h + 4;
    if (this.spec.subtitle) {
      const hs = this.measure(this.spec.subtitle, BODY.width, false, SIZE.subtitle);
      this.use(false, SIZE.subtitle);
      this.put(this.spec.subtitle, BODY.left, this.y, { width: BODY.width, align: 'center' });
      this.y += hs;
    }
    this.gap(10);
  }

  section(title: string): void {
    const h = this.measure(title, BODY.width, true, SIZE.section);
    if (this.y > this.contentTop) this.gap(8);
    this.need(h + 6 + MIN_ROW * 2); // keep a heading with what follows it
    this.use(true, SIZE.section);
    this.put(title, BODY.left, this.y, { width: BODY.width });
    this.y += h + 4;
    this.boxed = false;
  }

  paragraph(s: string): void {
    let rest = s;
    const size = SIZE.body;
    if (this.boxed) this.gap(6);
    while (rest !== '') {
      this.need(size * 2 + LINE_GAP * 2);
      const [piece, more] = this.split(rest, BODY.width, this.left(), false, size);
      const h = this.measure(piece, BODY.width, false, size);
      this.use(false, size);
      this.put(piece, BODY.left, this.y, { width: BODY.width });
      this.y += h;
      rest = more;
      if (rest !== '') this.newPage();
    }
    this.gap(6);
  }

  /**
   * The longest start of `s` that fits in `maxH` at width `w`, and the rest. Breaks after a
   * newline or a space when one is near, else anywhere (Chinese text breaks between any two
   * characters); never inside a surrogate pair.
   */
  private split(s: string, w: number, maxH: number, bold?: boolean, size = SIZE.body): [string, string] {
    if (this.measure(s, w, bold, size) <= maxH) return [s, ''];
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.measure(s.slice(0, mid), w, bold, size) <= maxH) lo = mid;
      else hi = mid - 1;
    }
    let k = lo;
    const soft = Math.max(s.lastIndexOf('\n', k - 1), s.lastIndexOf(' ', k - 1));
    if (soft > 0 && k - soft < 24) k = soft + 1;
    const code = s.charCodeAt(k - 1);
    if (k > 1 && code >= 0xd800 && code <= 0xdbff) k -= 1;
    if (k <= 0) k = Math.min(1, s.length);
    return [s.slice(0, k).replace(/\s+$/u, ''), s.slice(k).replace(/^\n/u, '')];
  }

  private cellHeight(c: Cell): number {
    return this.measure(c.text, c.w - 2 * PAD.x, c.bold, c.size ?? SIZE.body) + 2 * PAD.y + (c.reserve ?? 0);
  }

  private drawCells(cells: Cell[], h: number, last: boolean): void {
    const doc = this.doc;
    for (const c of cells) {
      if (c.fill) doc.rect(c.x, this.y, c.w, h).fill(c.fill);
      doc.lineWidth(0.7).strokeColor('#000000').rect(c.x, this.y, c.w, h).stroke();
      doc.fillColor('#000000');
      const size = c.size ?? SIZE.body;
      const th = this.measure(c.text, c.w - 2 * PAD.x, c.bold, size);
      const ty = c.middle ? this.y + Math.max(PAD.y, (h - th) / 2) : this.y + PAD.y;
      this.use(c.bold, size);
      this.put(c.text, c.x + PAD.x, ty, { width: c.w - 2 * PAD.x, align: c.align ?? 'left' });
      if (last && c.bottom) c.bottom(c.x, this.y, c.w, h);
    }
  }

  /**
   * One row of boxes; moves to a new page (repeating a table's header) when it does not fit, and
   * splits its text over pages when it is taller than a whole page.
   */
  row(cells: Cell[], minH = MIN_ROW): void {
    const h = Math.max(minH, ...cells.map((c) => this.cellHeight(c)));
    if (h <= this.left()) {
      this.drawCells(cells, h, true);
      this.y += h;
      this.boxed = true;
      return;
    }
    const fresh = BODY_BOTTOM - this.contentTop - (this.repeatHeight ?? 0);
    if (h <= fresh || this.left() < SIZE.body * 3 + 2 * PAD.y) {
      this.newPage();
      if (h <= this.left()) {
        this.row(cells, minH);
        return;
      }
    }
    // Taller than what is left: fill this page with the start of every cell, continue on the next.
    const room = this.left();
    const parts = cells.map((c) => {
      const [piece, rest] = this.split(c.text, c.w - 2 * PAD.x, room - 2 * PAD.y, c.bold, c.size);
      return c.keep && rest === '' ? { piece, rest: piece } : { piece, rest };
    });
    this.drawCells(
      cells.map((c, i) => ({ ...c, text: parts[i]!.piece, reserve: 0 })),
      room,
      false,
    );
    this.y += room;
    this.newPage();
    this.row(
      cells.map((c, i) => ({ ...c, text: parts[i]!.rest })),
      0,
    );
  }

  fields(list: PdfField[]): void {
    const W = BODY.width;
    const lw = W * LABEL_SHARE;
    const vw = W / 2 - lw;
    const label = (x: number, s: string, w = lw): Cell => ({
      x,
      w,
      text: s,
      bold: true,
      align: 'center',
      middle: true,
      keep: true,
    });
    const value = (x: number, v: PdfValue, w: number): Cell => ({ x, w, text: text(v) });
    const x0 = BODY.left;
    let i = 0;
    while (i < list.length) {
      const a = list[i]!;
      if (a.wide) {
        this.row([label(x0, a.label), value(x0 + lw, a.value, W - lw)]);
        i += 1;
        continue;
      }
      const b = list[i + 1] && !list[i + 1]!.wide ? list[i + 1] : undefined;
      this.row([
        label(x0, a.label),
        value(x0 + lw, a.value, vw),
        label(x0 + W / 2, b?.label ?? ''),
        value(x0 + W / 2 + lw, b?.value, vw),
      ]);
      i += b ? 2 : 1;
    }
  }

  table(columns: PdfColumn[], rows: PdfValue[][], empty?: string): void {
    const total = columns.reduce((s, c) => s + (c.width ?? 1), 0);
    let x = BODY.left;
    const geometry = columns.map((c) => {
      const w = (BODY.width * (c.width ?? 1)) / total;
      const g = { x, w, align: c.align ?? 'left' };
      x += w;
      return g;
    });
    const headerCells: Cell[] = columns.map((c, i) => ({
      ...geometry[i]!,
      text: c.header,
      bold: true,
      size: SIZE.table,
      align: 'center',
      middle: true,
      fill: '#eeeeee',
    }));
    const headerH = Math.max(MIN_ROW, ...headerCells.map((c) => this.cellHeight(c)));
    const drawHeader = () => {
      this.drawCells(headerCells, headerH, true);
      this.y += headerH;
    };
    this.need(headerH + MIN_ROW); // never a header alone at the foot of a page
    drawHeader();
    this.repeat = drawHeader;
    this.repeatHeight = headerH;
    try {
      if (rows.length === 0) {
        this.row([{ x: BODY.left, w: BODY.width, text: empty ?? '无', size: SIZE.table, align: 'center' }]);
      }
      for (const r of rows) {
        this.row(
          geometry.map((g, i) => ({ ...g, text: text(r[i]), size: SIZE.table, middle: true })),
          MIN_ROW - 2,
        );
      }
    } finally {
      this.repeat = null;
      this.repeatHeight = null;
    }
    this.boxed = true;
  }

  decisions(items: PdfDecision[], signLabel = '签字', dateLabel = '日期'): void {
    const lw = BODY.width * LABEL_SHARE;
    const sigH = SIZE.body + LINE_GAP + PAD.y * 2;
    for (const d of items) {
      const signer = text(d.signer);
      const date = text(d.date);
      const sig = `${signLabel}：${signer || '　　　　　　'}　　${dateLabel}：${date || '　　　年　　月　　日'}`;
      this.row(
        [
          { x: BODY.left, w: lw, text: d.label, bold: true, align: 'center', middle: true, keep: true },
          {
            x: BODY.left + lw,
            w: BODY.width - lw,
            text: text(d.opinion),
            reserve: sigH,
            bottom: (x, y, w, h) => {
              this.use(false, SIZE.body);
              this.put(sig, x + PAD.x, y + h - sigH + PAD.y / 2, {
                width: w - 2 * PAD.x - 6,
                align: 'right',
              });
            },
          },
        ],
        (d.minHeight ?? 60) + sigH,
      );
    }
  }

  /**
   * A sheet of labels, two a row (78 × 26 mm each, dashed cut lines), eight rows to a page: the QR
   * code on the left, the lines on the right (the first bold and larger).
   */
  labels(items: PdfLabel[]): void {
    const doc = this.doc;
    const w = BODY.width / 2;
    const h = 26 * MM;
    const pad = 2 * MM;
    const qrSize = h - 2 * pad;
    if (this.y > this.contentTop) this.gap(4);
    for (let i = 0; i < items.length; i += 2) {
      this.need(h);
      for (let j = 0; j < 2 && i + j < items.length; j++) {
        const item = items[i + j]!;
        const x = BODY.left + j * w;
        doc.save().lineWidth(0.5).dash(3, { space: 2 }).strokeColor('#888888').rect(x, this.y, w, h).stroke();
        doc.undash().restore();
        doc.fillColor('#000000');
        if (this.qr) {
          const m = this.qr.create(item.qr, { errorCorrectionLevel: 'M' }).modules;
          const cell = qrSize / (m.size + 2); // a quiet zone of one module each side
          const ox = x + pad + cell;
          const oy = this.y + pad + cell;
          for (let r = 0; r < m.size; r++) {
            let c = 0;
            while (c < m.size) {
              if (!m.get(r, c)) {
                c++;
                continue;
              }
              let e = c;
              while (e < m.size && m.get(r, e)) e++;
              doc.rect(ox + c * cell, oy + r * cell, (e - c) * cell + 0.05, cell + 0.05);
              c = e;
            }
          }
          doc.fill('#000000');
        }
        const tx = x + pad + qrSize + pad;
        const tw = w - (tx - x) - pad;
        let ty = this.y + pad;
        const bottom = this.y + h - pad / 2;
        item.lines.forEach((line, k) => {
          const size = k === 0 ? 12 : 8.5;
          this.use(k === 0, size);
          const one = this.doc.heightOfString('国', { width: tw, lineGap: 1 });
          // What does not fit is cut with an ellipsis (the last line, a long title, gets what is left).
          const lh = Math.min(this.doc.heightOfString(line || ' ', { width: tw, lineGap: 1 }), bottom - ty);
          if (lh < one) return;
          if (line !== '') {
            doc.text(line, tx, ty, { width: tw, height: lh, lineGap: 1, ellipsis: true });
            this.drawn[this.page]!.push(line);
          }
          ty += lh + 1;
        });
      }
      this.y += h;
    }
  }

  /** Copy number and marking top-left, and the footer, on every page (after the page count is known). */
  finish(): void {
    const { start, count } = this.doc.bufferedPageRange();
    const printed = `打印时间：${beijingTime(this.spec.printedAt ?? new Date())}（北京时间）${
      this.spec.printedBy ? `　打印人：${this.spec.printedBy}` : ''
    }`;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.page = i - start;
      let y = BODY.top;
      for (const line of this.header) {
        this.use(true, SIZE.header);
        this.put(line, BODY.left, y, { width: BODY.width });
        y += SIZE.header * 1.5;
      }
      this.use(false, SIZE.footer);
      this.put(printed, BODY.left, FOOTER_Y, { width: BODY.width, align: 'left' });
      this.put(`第 ${i - start + 1} 页 / 共 ${count} 页`, BODY.left, FOOTER_Y, {
        width: BODY.width,
        align: 'right',
      });
    }
  }

  run(): void {
    this.title();
    for (const b of this.spec.blocks) {
      switch (b.kind) {
        case 'section':
          this.section(b.title);
          break;
        case 'fields':
          this.fields(b.fields);
          break;
        case 'text':
          this.paragraph(b.text);
          break;
        case 'table':
          this.table(b.columns, b.rows, b.empty);
          break;
        case 'labels':
          this.labels(b.items);
          break;
        case 'decisions':
          this.decisions(b.items, b.signLabel, b.dateLabel);
          break;
      }
    }
    this.finish();
  }
}

/** Renders a form and reports its page count and the text drawn on each page. */
export async function renderPdfDetailed(spec: PdfSpec): Promise<RenderedPdf> {
  // Loaded on first use: pdfkit takes a noticeable share of the server's start-up otherwise.
  const { default: PDFDocument } = await import('pdfkit');
  // The QR encoder, on first use too: only label sheets draw QR codes.
  let qr: QrLib | null = null;
  if (spec.blocks.some((b) => b.kind === 'labels')) {
    const mod = (await import('qrcode')) as unknown as QrLib & { default?: QrLib };
    qr = mod.default ?? mod;
  }
  const w = new FormWriter(spec, PDFDocument, qr);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    w.doc.on('data', (c: Buffer) => chunks.push(c));
    w.doc.on('end', () => resolve());
    w.doc.on('error', reject);
  });
  w.run();
  w.doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: w.drawn.length, pageText: w.drawn };
}

/** A4 PDF of the form described by `spec`. */
export async function renderPdf(spec: PdfSpec): Promise<Buffer> {
  return (await renderPdfDetailed(spec)).pdf;
}

/**
 * Renders the form, records the print in the audit trail (`<objectType>.print`, with the marking
 * and page count) and sends it as a download. Every printed form goes through here.
 */
export async function sendPdf(reply: FastifyReply, filename: string, spec: PdfSpec, audit: ExportAudit) {
  const out = await renderPdfDetailed(spec);
  const marking = spec.marking ? documentHeaderLines({ ...spec.marking, copyNumber: null }).join('') : null;
  await audit.db.tx((sql) =>
    appendAudit(sql, audit.actor, {
      action: `${audit.objectType}.print`,
      objectType: audit.objectType,
      objectId: audit.objectId ?? null,
      summary: {
        title: spec.title,
        pages: out.pages,
        marking: marking || null,
        copyNumber: spec.marking?.copyNumber ?? null,
        filter: audit.filter,
      },
    }),
  );
  const ascii = filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}.pdf"; filename*=UTF-8''${encodeURIComponent(`${filename}.pdf`)}`,
  );
  reply.type('application/pdf');
  return reply.send(out.pdf);
}
