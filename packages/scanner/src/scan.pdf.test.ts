// PDFs generated with pdfkit in the server's CJK font, with markings and terms planted in every place
// the scanner reads a PDF: the text layer of page 2, an annotation, the Info dictionary, the outline, a
// form field, attached files (a docx and a PDF in the PDF). Clean, encrypted, truncated and
// image-only PDFs are reported as such.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { Detector } from './detect.ts';
import { docx, zip } from './extract/fixtures.ts';
import { extractAsync } from './extract/index.ts';
import { cidFontPdf, pdf } from './extract/pdf-fixtures.ts';
import type { Fragment } from './extract/types.ts';
import { type Hit, type ScanResult, scanFile, scanFileAsync } from './scan.ts';

const detector = new Detector([
  { term: '导弹型号', category: '军工', severity: 'high' },
  { term: '核潜艇', category: '军工', severity: 'high' },
]);
const scan = (name: string, bytes: Uint8Array, limits = {}) =>
  scanFileAsync(name, bytes, { detector, limits });
/** [kind, normalized, where.kind, page or field, file] per hit. */
const brief = (hits: Hit[]) =>
  hits.map((h) => {
    const w = h.where;
    const loc = [w.page ? `page ${w.page}` : '', w.field ?? '', w.part ?? ''].filter(Boolean).join(' ');
    return `${h.kind} ${h.normalized} @${w.kind} ${loc} in ${w.file}`;
  });

describe('R-REV-01 PDF: every place', () => {
  let r: ScanResult;
  let got: string[];
  let names: Fragment[];
  before(async () => {
    const inner = await pdf({ pages: [['附件正文提到核潜艇']] });
    const bytes = await pdf({
      pages: [
        ['第一页', '会议通知：请准时参加。'],
        ['第二页', '秘 密 ★ 10年', '正文提到导弹型号。'],
        ['第三页', '审阅后定稿'],
      ],
      title: '机密★5年 关于某事项的报告',
      author: '张三',
      keywords: '核潜艇',
      annotation: { page: 3, text: '批注：请删去 机密＊５年，核潜艇', author: '李四' },
      outline: ['第二章 导弹型号'],
      field: { name: '密级', value: '绝密★长期' },
      imagePage: true,
      attachments: [
        { name: '附表.docx', bytes: docx({ body: ['附件 秘密★1年'] }) },
        { name: '内层.pdf', bytes: inner },
      ],
    });
    r = await scan('报告.pdf', bytes);
    got = brief(r.hits);
    names = (await extractAsync('报告.pdf', bytes)).fragments.filter((f) => f.where.kind === 'embedded-name');
  });
  const rows: [string, string][] = [
    ['R-REV-01 R-LVL-03 text layer on page 2, spaced marking', 'marking 秘密★10年 @body page 2 in 报告.pdf'],
    ['R-REV-01 text layer on page 2, term', 'term 导弹型号 @body page 2 in 报告.pdf'],
    [
      'R-REV-01 R-LVL-03 annotation (comment) with its page and author, full-width star and digits',
      'marking 机密★5年 @comment page 3 李四 in 报告.pdf',
    ],
    ['R-REV-01 annotation term', 'term 核潜艇 @comment page 3 李四 in 报告.pdf'],
    ['R-REV-01 Info Title', 'marking 机密★5年 @properties Title in 报告.pdf'],
    ['R-REV-01 Info Keywords', 'term 核潜艇 @properties Keywords in 报告.pdf'],
    ['R-REV-01 outline (bookmark) title', 'term 导弹型号 @other outline in 报告.pdf'],
    ['R-REV-01 form field value', 'marking 绝密★长期 @body page 3 密级 in 报告.pdf'],
    ['R-REV-01 attached docx read in turn', 'marking 秘密★1年 @body word/document.xml in 报告.pdf/附表.docx'],
    ['R-REV-01 attached PDF read in turn', 'term 核潜艇 @body page 1 in 报告.pdf/内层.pdf'],
  ];
  for (const [name, want] of rows)
    test(name, () => assert.equal(got.filter((g) => g === want).length, 1, `${want} in\n${got.join('\n')}`));
  test('R-REV-01 nothing else: page 1 is clean, the attachments are named', () => {
    assert.equal(got.length, rows.length, got.join('\n'));
    assert.deepEqual(names.map((f) => [f.text, f.where.file]).sort(), [
      ['内层.pdf', '报告.pdf'],
      ['附表.docx', '报告.pdf'],
    ]);
    assert.equal(r.stateSecretMarking, true);
  });
  test('R-REV-01 an image-only page is reported as not read, with its page', () =>
    assert.deepEqual(
      r.unread.map((u) => [u.code, u.where.page]),
      [['image_only_page', 4]],
    ));
  test('R-REV-01 the context is the page text around the hit', () => {
    const h = r.hits.find((x) => x.where.kind === 'body' && x.kind === 'term' && x.where.page === 2);
    assert.match(h?.context ?? '', /正文提到导弹型号/u);
  });
});

describe('R-REV-01 PDF: clean, encrypted, truncated, CJK CMaps, limits', () => {
  test('R-REV-01 a clean PDF has no hit and nothing unread', async () => {
    const r = await scan(
      'clean.pdf',
      await pdf({ pages: [['会议通知', '请准时参加。'], ['第二页']], title: '通知', author: '办公室' }),
    );
    assert.deepEqual(r.hits, []);
    assert.deepEqual(r.unread, []);
    assert.ok(r.fragmentsRead >= 4);
  });
  test('R-REV-01 XMP metadata is read as well as the Info dictionary', async () => {
    const r = await scan(
      'xmp.pdf',
      await pdf({ pages: [['正文']], title: '机密★5年', author: '核潜艇项目组', pdfVersion: '1.7' }),
    );
    assert.deepEqual(brief(r.hits).sort(), [
      'marking 机密★5年 @properties Title in xmp.pdf',
      'marking 机密★5年 @properties dc:title XMP in xmp.pdf',
      'term 核潜艇 @properties Author in xmp.pdf',
      'term 核潜艇 @properties dc:creator XMP in xmp.pdf',
    ]);
  });
  test('R-REV-01 a hidden annotation is read too', async () => {
    const r = await scan(
      'h.pdf',
      await pdf({ pages: [['正文']], annotation: { page: 1, text: '核潜艇', hidden: true } }),
    );
    assert.deepEqual(brief(r.hits), ['term 核潜艇 @comment page 1 in h.pdf']);
  });
  test('R-REV-01 a Node Buffer (what readFile gives) is read like a Uint8Array', async () => {
    const r = await scan('buf.pdf', Buffer.from(await pdf({ pages: [['机密★5年']] })));
    assert.equal(r.stateSecretMarking, true);
  });
  test('R-REV-01 a PDF with an open password is reported as encrypted, not read', async () => {
    const r = await scan('enc.pdf', await pdf({ pages: [['机密★5年']], userPassword: 'secret' }));
    assert.deepEqual(
      r.unread.map((u) => u.code),
      ['encrypted'],
    );
    assert.equal(r.fragmentsRead, 0);
    assert.match(r.unread[0]!.reason, /password/u);
  });
  test('R-REV-01 a PDF with only an owner password (permissions) opens and is read', async () => {
    const r = await scan('perm.pdf', await pdf({ pages: [['机密★5年']], ownerPassword: 'owner' }));
    assert.deepEqual(r.unread, []);
    assert.equal(r.stateSecretMarking, true);
  });
  test('R-REV-01 a truncated PDF is a per-file error, never a crash', async () => {
    const full = await pdf({ pages: [['机密★5年'], ['第二页']] });
    const r = await scan('cut.pdf', full.subarray(0, Math.floor(full.length / 2)));
    assert.deepEqual(
      r.unread.map((u) => u.code),
      ['corrupt'],
    );
    assert.equal(r.fragmentsRead, 0);
  });
  test('R-REV-01 a PDF whose pages give no text and no image is reported (a damaged page tree read as one empty page)', async () => {
    const good = await pdf({ pages: [['正文 机密★10年'], ['核潜艇']], title: 't', compress: false });
    // The counterexample fast-check found: the header damaged, the file cut short.
    const b = good.slice(0, Math.min(5658, good.length));
    b[14] = 0;
    const r = await scan('damaged.pdf', b);
    assert.ok(r.unread.length > 0 || r.hits.length > 0, JSON.stringify(r.unread));
    const blank = await scan('blank.pdf', await pdf({ pages: [[]] }));
    assert.deepEqual(
      blank.unread.map((u) => u.code),
      ['no_text'],
    );
    assert.match(blank.unread[0]!.reason, /人工查看/u);
  });
  test('R-REV-01 corrupted PDFs never throw and never pass silently', async () => {
    const good = await pdf({ pages: [['正文 机密★10年'], ['核潜艇']], title: 't', compress: false });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.integer({ min: 5, max: good.length }),
        async (flips, cut) => {
          const b = good.slice(0, cut);
          for (const [at, v] of flips) if (at >= 4 && at < b.length) b[at] = v;
          const r = await scan('fuzz.pdf', b);
          assert.ok(r.fragmentsRead > 0 || r.unread.length > 0, 'either read or reported');
        },
      ),
      { numRuns: 40 },
    );
  });
  test('R-REV-01 Chinese text in a non-embedded CID font (UniGB-UCS2-H) comes out right: the CMaps are found', async () => {
    const r = await scan('cid.pdf', cidFontPdf('机密★5年 关于导弹型号'));
    assert.deepEqual(brief(r.hits), [
      'marking 机密★5年 @body page 1 in cid.pdf',
      'term 导弹型号 @body page 1 in cid.pdf',
    ]);
  });
  test('R-REV-01 a PDF inside a zip is read; the synchronous scan reports it as not read', async () => {
    const z = zip({ '材料/报告.pdf': await pdf({ pages: [['第一页'], ['机密★5年']] }) });
    assert.deepEqual(brief((await scan('外发.zip', z)).hits), [
      'marking 机密★5年 @body page 2 in 外发.zip/材料/报告.pdf',
    ]);
    assert.deepEqual(
      scanFile('外发.zip', z, { detector }).unread.map((u) => [u.code, u.where.file]),
      [['pdf', '外发.zip/材料/报告.pdf']],
    );
  });
  test('R-REV-01 attachments count against the depth limit', async () => {
    let b = await pdf({ pages: [['核潜艇']] });
    for (let i = 0; i < 3; i++)
      b = await pdf({ pages: [['外层']], attachments: [{ name: `l${i}.pdf`, bytes: b }] });
    const r = await scan('deep.pdf', b, { maxDepth: 2 });
    assert.equal(r.hits.length, 0);
    assert.deepEqual(
      r.unread.map((u) => [u.code, u.where.file]),
      [['too_deep', 'deep.pdf/l2.pdf/l1.pdf/l0.pdf']],
    );
  });
  test('R-REV-01 a stream that inflates past the entry limit is read as empty and reported, the page text still read (D162)', async () => {
    // A one-page PDF whose font program (FontFile2) is 4 MiB of zeros, deflated to a few KB.
    const zeros = deflateSync(Buffer.alloc(4 * 1024 * 1024), { level: 9 });
    const content = Buffer.from('BT /F1 14 Tf 72 720 Td (page text here) Tj ET');
    const objs: (string | Buffer[])[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>',
      [Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')],
      '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>',
      [
        Buffer.from(
          `<< /Length ${zeros.length} /Length1 ${4 * 1024 * 1024} /Filter /FlateDecode >>\nstream\n`,
        ),
        zeros,
        Buffer.from('\nendstream'),
      ],
    ];
    const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
    const offsets: number[] = [];
    const length = () => parts.reduce((n, b) => n + b.length, 0);
    objs.forEach((o, i) => {
      offsets.push(length());
      parts.push(
        Buffer.from(`${i + 1} 0 obj\n`),
        ...(typeof o === 'string' ? [Buffer.from(o)] : o),
        Buffer.from('\nendobj\n'),
      );
    });
    const xref = length();
    parts.push(
      Buffer.from(
        `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      ),
    );
    const bomb = Buffer.concat(parts);
    const small = await scan('bomb.pdf', bomb, { maxEntryBytes: 1024 * 1024 });
    assert.deepEqual(
      small.unread.map((u) => u.code),
      ['too_large'],
    );
    const whole = await extractAsync('bomb.pdf', bomb, { maxEntryBytes: 1024 * 1024 });
    assert.ok(whole.fragments.some((f) => f.text.includes('page text here')));
    // Within the limit the same file is read with nothing reported.
    assert.deepEqual((await scan('bomb.pdf', bomb, { maxEntryBytes: 8 * 1024 * 1024 })).unread, []);
  });
  test('R-REV-01 the page limit and the time limit report the pages left unread', async () => {
    const b = await pdf({ pages: [['第一页'], ['第二页'], ['机密★5年']] });
    const pages = await scan('long.pdf', b, { maxPdfPages: 2 });
    assert.deepEqual(
      pages.unread.map((u) => [u.code, u.where.page]),
      [['too_large', 3]],
    );
    assert.equal(pages.stateSecretMarking, false);
    const slow = await scan('slow.pdf', b, { maxPdfMillis: -1 });
    assert.deepEqual(
      slow.unread.map((u) => [u.code, u.where.page]),
      [['timeout', 1]],
    );
  });
  test('loading pdfjs leaves the thread its native push and JSON, and inflates whole with zlib (D162)', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const probe = `
      const { deflateSync } = await import('node:zlib');
      const natives = [Array.prototype.push, JSON.parse, JSON.stringify];
      const { scanFileAsync } = await import('./scan.ts');
      const { pdf } = await import('./extract/pdf-fixtures.ts');
      const r = await scanFileAsync('a.pdf', await pdf({ pages: [['正文一页']] }));
      const same = [Array.prototype.push, JSON.parse, JSON.stringify].map((f, i) => f === natives[i]);
      // As pdfjs uses it: write the whole stream, close, read every chunk.
      const inflate = async (format, bytes) => {
        const { readable, writable } = new DecompressionStream(format);
        const w = writable.getWriter();
        await w.ready;
        w.write(bytes).then(async () => { await w.ready; await w.close(); }).catch(() => {});
        const out = [];
        for await (const c of readable) out.push(...c);
        return new TextDecoder().decode(new Uint8Array(out));
      };
      const ok = await inflate('deflate', deflateSync(new TextEncoder().encode('秘密★1年')));
      const bad = await inflate('deflate', new Uint8Array([1, 2, 3])).then(() => 'read', (e) => e.code);
      let other;
      try { new DecompressionStream('zstd-unknown'); other = 'made'; } catch (e) { other = e.name; }
      console.log(JSON.stringify([r.fragmentsRead > 0, same, DecompressionStream.name, ok, bad, other]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: here,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)!), [
      true,
      [true, true, true],
      'WholeDecompressionStream',
      '秘密★1年',
      'Z_DATA_ERROR',
      'TypeError',
    ]);
  });
  test('pdfjs is loaded only when a PDF is scanned', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const probe = `
      const { scanFileAsync } = await import('./scan.ts');
      const { docx } = await import('./extract/fixtures.ts');
      await scanFileAsync('a.docx', docx({ body: ['x'] }));
      const before = 'pdfjsLib' in globalThis;
      const { pdf } = await import('./extract/pdf-fixtures.ts');
      await scanFileAsync('a.pdf', await pdf({ pages: [['x']] }));
      console.log(JSON.stringify([before, 'pdfjsLib' in globalThis]));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: here,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)!), [false, true]);
  });
});
