// PDF test fixtures, generated in memory with pdfkit (a dev dependency) and the CJK font the server
// ships for its PDF forms (Noto Sans SC), plus a hand-built PDF whose Chinese text uses a
// non-embedded CID font through a predefined CMap (the case that needs pdfjs's cmaps). No binary
// blobs in the repository.
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

export interface PdfParts {
  /** Each page's lines. */
  pages: string[][];
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** A text annotation (a comment) on a page (1-based). */
  annotation?: { page: number; text: string; author?: string; hidden?: boolean };
  /** Embedded files (the document's EmbeddedFiles). */
  attachments?: { name: string; bytes: Uint8Array }[];
  /** Outline (bookmark) titles. */
  outline?: string[];
  /** A text form field on the last page. */
  field?: { name: string; value: string };
  /** Adds a last page holding only an image (a scanned page). */
  imagePage?: boolean;
  userPassword?: string;
  ownerPassword?: string;
  compress?: boolean;
  /** From 1.4 on, pdfkit also writes XMP metadata (dc:title, dc:creator, pdf:Keywords…). */
  pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7';
}

/** A PDF made with pdfkit, its text in Noto Sans SC (an embedded subset with a ToUnicode map). */
export function pdf(p: PdfParts): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const info: Record<string, string> = {};
    if (p.title) info.Title = p.title;
    if (p.author) info.Author = p.author;
    if (p.subject) info.Subject = p.subject;
    if (p.keywords) info.Keywords = p.keywords;
    const doc = new PDFDocument({
      autoFirstPage: false,
      info,
      compress: p.compress ?? true,
      ...(p.pdfVersion ? { pdfVersion: p.pdfVersion } : {}),
      ...(p.userPassword ? { userPassword: p.userPassword } : {}),
      ...(p.ownerPassword
        ? { ownerPassword: p.ownerPassword, permissions: { printing: 'highResolution' } }
        : {}),
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    p.pages.forEach((lines, i) => {
      doc.addPage({ size: 'A4' });
      doc.font(FONT).fontSize(12);
      for (const line of lines) doc.text(line);
      if (p.annotation?.page === i + 1)
        doc.note(72, 600, 20, 20, p.annotation.text, {
          ...authorOption(p.annotation.author),
          ...(p.annotation.hidden ? { F: 2 } : {}), // the Hidden flag: not shown, not printed
        } as PDFKit.Mixins.AnnotationOption);
    });
    if (p.field) {
      doc.initForm();
      doc.formText(p.field.name, 72, 500, 200, 20, { value: p.field.value });
    }
    if (p.imagePage) {
      doc.addPage({ size: 'A4' });
      doc.image(Buffer.from(png(16, 16)), 72, 72, { width: 200 });
    }
    for (const title of p.outline ?? []) doc.outline.addItem(title);
    for (const a of p.attachments ?? []) doc.file(Buffer.from(a.bytes), { name: a.name });
    doc.end();
  });
}

/** The annotation's author (`/T`): pdfkit writes a String object as a PDF string, a plain string as a
 *  name; @types/pdfkit does not list the key. */
function authorOption(author: string | undefined): PDFKit.Mixins.AnnotationOption {
  return (author ? { T: new String(author) } : {}) as PDFKit.Mixins.AnnotationOption;
}

/** A grey RGB PNG of w × h pixels. */
export function png(w: number, h: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    b.set(data, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
    return b;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + w * 3), 0x80);
  for (let y = 0; y < h; y++) raw[y * (1 + w * 3)] = 0;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/**
 * One page whose text is shown in STSong-Light, not embedded, through the predefined CMap
 * UniGB-UCS2-H (Adobe-GB1): how many Chinese PDFs from older tools are made. The text layer comes out
 * right only when the reader has the CMaps (UniGB-UCS2-H and Adobe-GB1-UCS2).
 */
export function cidFontPdf(text: string): Uint8Array {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 14 Tf 72 720 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
