// OCR (issue 12): images drawn here with @napi-rs/canvas (pdfjs-dist's optional dependency) in the
// Noto Sans SC font — a PNG file, the same PNG in a docx's word/media, a PDF whose only page is that
// image — are read by Tesseract when OCR is enabled, the marking and the term found with the file/part
// and page named and `via: 'ocr'`; with OCR off they stay "not read"; with the language data missing
// every image is reported unread naming the missing file. Needs Debian's tesseract-ocr-chi-sim (and
// -eng): skipped with a message when absent, failed when CI=true (.ci/run installs it).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import PDFDocument from 'pdfkit';
import { scanCli } from './cli.ts';
import { Detector } from './detect.ts';
import { docx, ofd } from './extract/fixtures.ts';
import { closeOcr, findTessdata, imageSize, repairOcrText } from './extract/ocr.ts';
import { chinesePng } from './extract/ocr-fixtures.ts';
import type { OcrOptions } from './extract/types.ts';
import { ScanPool } from './pool.ts';
import { type Hit, scanFileAsync } from './scan.ts';

const tessdata = findTessdata();
const ci = process.env.CI === 'true';
const skip =
  tessdata === undefined && !ci
    ? 'OCR 语言数据缺失 tesseract-ocr-chi-sim not installed (apt-get install tesseract-ocr-chi-sim): OCR tests skipped'
    : false;
if (skip) console.log(`# SKIP ${skip}`);

const detector = new Detector([{ term: '导弹发射阵地', category: '军工', severity: 'high' }]);

/** A PDF of two pages: text on page 1, only the image on page 2 (a scanned page). */
function scannedPdf(png: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Title: 'scan' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text('page one');
    doc.addPage();
    // 220 pt wide: the text is about 16 pt, as on a printed page (rendered at 200 dpi for OCR).
    doc.image(Buffer.from(png), 72, 72, { width: 220 });
    doc.end();
  });
}

const brief = (hits: Hit[]) =>
  hits
    .map((h) => {
      const w = h.where;
      return `${h.kind} ${h.normalized} ${w.file}${w.part ? ` ${w.part}` : ''}${w.page ? ` p${w.page}` : ''} ${w.via ?? 'text'}`;
    })
    .sort();

describe('OCR', { skip }, () => {
  const ocr: OcrOptions = { langPath: tessdata ?? '/usr/share/tesseract-ocr/5/tessdata' };
  const png = chinesePng();
  after(closeOcr);

  test('off by default: an image file and a docx image stay not read', async () => {
    const r = await scanFileAsync('scan.png', png, { detector });
    assert.deepEqual(r.hits, []);
    assert.deepEqual(
      r.unread.map((u) => u.code),
      ['image'],
    );
    const d = await scanFileAsync('a.docx', docx({ body: ['正文'], image: true, imageBytes: png }), {
      detector,
    });
    assert.deepEqual(
      d.unread.map((u) => [u.code, u.where.part]),
      [['image', 'word/media/image1.png']],
    );
  });

  test('a PNG file: the marking and the term, machine-read', async () => {
    const t0 = Date.now();
    const r = await scanFileAsync('scan.png', png, { detector, ocr });
    console.log(`# OCR of one 640×200 PNG (worker start included): ${Date.now() - t0} ms`);
    assert.deepEqual(r.unread, []);
    assert.deepEqual(brief(r.hits), ['marking 机密★5年 scan.png ocr', 'term 导弹发射阵地 scan.png ocr']);
    assert.equal(r.stateSecretMarking, true);
    assert.equal(r.hits[0]!.where.line !== undefined, true, 'a line is named in an image file');
  });

  test('a docx image (word/media) and an image-only PDF page, the part and the page named', async () => {
    const d = await scanFileAsync('a.docx', docx({ body: ['正文'], image: true, imageBytes: png }), {
      detector,
      ocr,
    });
    assert.deepEqual(brief(d.hits), [
      'marking 机密★5年 a.docx word/media/image1.png ocr',
      'term 导弹发射阵地 a.docx word/media/image1.png ocr',
    ]);
    const p = await scanFileAsync('scan.pdf', await scannedPdf(png), { detector, ocr });
    assert.deepEqual(p.unread, []);
    assert.deepEqual(brief(p.hits), [
      'marking 机密★5年 scan.pdf p2 ocr',
      'term 导弹发射阵地 scan.pdf p2 ocr',
    ]);
  });

  test('an OFD scanned page: its image resource is read, named by its part; the page stays reported', async () => {
    const r = await scanFileAsync(
      'scan.ofd',
      ofd({ pages: [['正文']], imageOnlyPage: true, imageBytes: png }),
      {
        detector,
        ocr,
      },
    );
    assert.deepEqual(brief(r.hits), [
      'marking 机密★5年 scan.ofd Doc_0/Res/image_5.png ocr',
      'term 导弹发射阵地 scan.ofd Doc_0/Res/image_5.png ocr',
    ]);
    assert.deepEqual(
      r.unread.map((u) => [u.code, u.where.page]),
      [['image_only_page', 2]],
    );
  });

  test('an image Tesseract cannot decode is reported, and the next image is still read', async () => {
    const stub = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const bad = await scanFileAsync('bad.png', stub, { detector, ocr });
    assert.deepEqual(
      bad.unread.map((u) => u.code),
      ['image'],
    );
    assert.match(bad.unread[0]!.reason, /could not be read by OCR/u);
    const ok = await scanFileAsync('scan.png', png, { detector, ocr });
    assert.equal(ok.hits.length, 2);
  });

  test('limits: too many pixels, too many images — reported, not passed', async () => {
    const big = await scanFileAsync('scan.png', png, { detector, ocr, limits: { maxOcrPixels: 1000 } });
    assert.deepEqual(big.hits, []);
    assert.match(big.unread[0]!.reason, /640×200/u);
    const none = await scanFileAsync('scan.png', png, { detector, ocr, limits: { maxOcrImages: 0 } });
    assert.match(none.unread[0]!.reason, /OCR limit of 0 images/u);
  });

  test('baomi scan --ocr: exits 1 on the machine-read marking, and says it is machine-read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baomi-ocr-cli-'));
    try {
      writeFileSync(join(dir, 'scan.png'), png);
      const lines: string[] = [];
      const code = await scanCli([join(dir, 'scan.png'), '--ocr', '--tessdata', ocr.langPath], (l) =>
        lines.push(l),
      );
      assert.equal(code, 1);
      assert.match(lines.join('\n'), /marking .*机密★5年 .*OCR 识别 machine-read/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('in the pool (worker threads): read by OCR', async () => {
    const pool = new ScanPool([{ term: '导弹发射阵地', category: '军工', severity: 'high' }], {
      size: 1,
      ocr,
    });
    try {
      const r = await pool.scan('scan.png', png);
      assert.deepEqual(brief(r.hits), ['marking 机密★5年 scan.png ocr', 'term 导弹发射阵地 scan.png ocr']);
    } finally {
      await pool.close();
    }
  });
});

describe('OCR without language data', () => {
  test('every image is reported unread, naming the missing file', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'baomi-tessdata-'));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const r = await scanFileAsync('scan.png', png, { detector, ocr: { langPath: empty } });
    assert.deepEqual(
      r.unread.map((u) => u.code),
      ['image'],
    );
    assert.match(r.unread[0]!.reason, /chi_sim\.traineddata/u);
    assert.match(r.unread[0]!.reason, /eng\.traineddata/u);
    const bad = await scanFileAsync('scan.png', png, { detector, ocr: { langPath: empty, langs: '../x' } });
    assert.match(bad.unread[0]!.reason, /invalid OCR languages/u);
  });
});

describe('OCR helpers', () => {
  test('a misread ★ between a marking word and its period is put back, nothing else', () => {
    for (const [from, to] of [
      ['机密女5年', '机密★5年'],
      ['绝密友 10年', '绝密★ 10年'],
      ['秘密 太长期', '秘密 ★长期'],
      ['机密文件5年', '机密文件5年'],
      ['机密5年', '机密5年'],
      ['保密女5年', '保密女5年'],
    ] as const)
      assert.equal(repairOcrText(from), to, from);
  });

  test('image sizes from headers', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 200);
    assert.deepEqual(imageSize(png), { width: 640, height: 200 });
    assert.equal(imageSize(new Uint8Array([1, 2, 3])), undefined);
  });
});
