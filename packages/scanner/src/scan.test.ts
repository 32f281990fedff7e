import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { Detector } from './detect.ts';
import { docx, ofd, pptx, xlsx, zip } from './extract/fixtures.ts';
import { type Hit, scanFile } from './scan.ts';

const detector = new Detector([
  { term: '导弹型号', category: '军工', severity: 'high' },
  { term: '核潜艇', category: '军工', severity: 'high' },
]);
const scan = (name: string, bytes: Uint8Array, limits = {}) => scanFile(name, bytes, { detector, limits });
/** [kind, normalized, where.kind, extra location] per hit. */
const brief = (hits: Hit[]) =>
  hits.map((h) => {
    const w = h.where;
    const loc = w.sheet
      ? `${w.sheet}${w.cell ? `!${w.cell}` : ''}`
      : w.slide
        ? `slide ${w.slide}`
        : w.page
          ? `page ${w.page}`
          : (w.part ?? w.file);
    return `${h.kind} ${h.normalized} @${w.kind} ${loc}`;
  });

describe('R-REV-01 docx: every location', () => {
  const inner = xlsx({ sheets: [{ name: '附表', cells: [['A1', '核潜艇 参数']] }] });
  const bytes = docx({
    body: ['关于项目的说明', '正文提到导弹型号。'],
    deleted: '绝密★长期',
    hidden: '隐藏的核潜艇',
    textbox: '文本框里的 机 密 ★ 5 年',
    header: '秘密★1年',
    footer: '内部',
    comment: '批注：导弹型号',
    footnote: '脚注：核潜艇',
    title: '机密★20年 标题',
    company: '某核潜艇研究所',
    embedded: { name: 'Microsoft_Excel_Worksheet.xlsx', bytes: inner },
    image: true,
    altChunk: '导入的网页：核潜艇',
  });
  const r = scan('报告.docx', bytes);
  const got = brief(r.hits);
  const rows: [string, string][] = [
    ['R-REV-01 body term', 'term 导弹型号 @body word/document.xml'],
    ['R-REV-01 deleted tracked change (w:del)', 'marking 绝密★长期 @deleted word/document.xml'],
    ['R-REV-01 hidden text (w:vanish)', 'term 核潜艇 @hidden word/document.xml'],
    [
      'R-REV-01 text box, once (the VML fallback is not counted twice)',
      'marking 机密★5年 @textbox word/document.xml',
    ],
    ['R-REV-01 header', 'marking 秘密★1年 @header word/header1.xml'],
    ['R-REV-01 footer', 'marking 内部 @footer word/footer1.xml'],
    ['R-REV-01 comment', 'term 导弹型号 @comment word/comments.xml'],
    ['R-REV-01 footnote', 'term 核潜艇 @footnote word/footnotes.xml'],
    ['R-REV-01 document properties (core)', 'marking 机密★20年 @properties docProps/core.xml'],
    ['R-REV-01 document properties (app)', 'term 核潜艇 @properties docProps/app.xml'],
    ['R-REV-01 embedded workbook read in turn', 'term 核潜艇 @body 附表!A1'],
    [
      'R-REV-01 altChunk (imported HTML) read as a file of its own',
      'term 核潜艇 @body 报告.docx/word/afchunk.htm',
    ],
  ];
  for (const [name, want] of rows)
    test(name, () => assert.equal(got.filter((g) => g === want).length, 1, `${want} in ${got.join('\n')}`));
  test('R-REV-01 the embedded file is named, the image reported as not read, styles not read', () => {
    assert.ok(r.fragmentsRead > 10);
    assert.deepEqual(
      r.unread.map((u) => [u.code, u.where.part]),
      [['image', 'word/media/image1.png']],
    );
    assert.equal(got.length, rows.length, got.join('\n'));
    assert.equal(r.stateSecretMarking, true);
  });
  test('R-REV-01 hits carry the paragraph, the comment author, the embedded chain', () => {
    const body = r.hits.find((h) => h.where.kind === 'body' && h.where.part === 'word/document.xml')!;
    assert.equal(body.where.paragraph, 2);
    assert.equal(body.context, '关于项目的说明\n正文提到导弹型号。\n保留的文字');
    assert.equal(r.hits.find((h) => h.where.kind === 'comment')?.where.field, '李四');
    assert.equal(
      r.hits.find((h) => h.where.sheet === '附表')?.where.file,
      '报告.docx/word/embeddings/Microsoft_Excel_Worksheet.xlsx',
    );
  });
  test('R-LVL-04 R-LVL-03 GB/T 9704 layout: the copy number paragraph above the marking paragraph', () => {
    const r = scan('公文.docx', docx({ body: ['000123', '机密★1年', '关于某事项的通知'] }));
    assert.deepEqual(
      r.hits.map((h) => [h.kind, h.normalized, h.where.paragraph]),
      [
        ['copy_number', '000123', 1],
        ['marking', '机密★1年', 2],
      ],
    );
  });
  test('R-REV-01 a clean docx has no hit', () => {
    const clean = scan(
      'clean.docx',
      docx({ body: ['会议通知', '请准时参加。'], header: '某某单位', title: '通知' }),
    );
    assert.deepEqual(clean.hits, []);
    assert.deepEqual(clean.unread, []);
    assert.equal(clean.stateSecretMarking, false);
  });
});

describe('R-REV-01 xlsx: hidden sheets, notes, headers', () => {
  const bytes = xlsx({
    sheets: [
      {
        name: '公开',
        cells: [
          ['A1', '项目预算'],
          ['B1', '导弹型号'],
        ],
        header: '秘密★10年',
        hiddenRow: '隐藏行里的核潜艇',
        hiddenColumn: '隐藏列里的导弹型号',
      },
      { name: '隐藏', state: 'hidden', cells: [['A1', '核潜艇']] },
      { name: '深藏', state: 'veryHidden', cells: [['C3', '机密★长期']], note: ['C3', '批注里的导弹型号'] },
    ],
    title: '核潜艇预算',
  });
  const got = brief(scan('预算.xlsx', bytes).hits);
  const rows: [string, string][] = [
    ['R-REV-01 inline string cell', 'term 导弹型号 @body 公开!B1'],
    ['R-REV-01 sheet header (&C codes removed)', 'marking 秘密★10年 @header 公开'],
    ['R-REV-01 hidden sheet', 'term 核潜艇 @hidden-sheet 隐藏!A1'],
    ['R-REV-01 very hidden sheet', 'marking 机密★长期 @hidden-sheet 深藏!C3'],
    ['R-REV-01 cell note', 'term 导弹型号 @note 深藏!C3'],
    ['R-REV-01 workbook properties', 'term 核潜艇 @properties docProps/core.xml'],
    ['R-REV-01 hidden row', 'term 核潜艇 @hidden 公开!A2'],
    ['R-REV-01 hidden column', 'term 导弹型号 @hidden 公开!D1'],
  ];
  for (const [name, want] of rows)
    test(name, () => assert.ok(got.includes(want), `${want} in ${got.join('\n')}`));
  test('R-REV-01 nothing else (phonetic runs and numbers are not text)', () =>
    assert.equal(got.length, rows.length));
});

describe('R-REV-01 pptx: slides in presentation order, notes, comments', () => {
  const bytes = pptx({
    slides: [
      { texts: ['封面', '某单位'], notes: '讲稿：核潜艇' },
      { texts: ['第二页 导弹型号'], comment: '请删去 机密★5年', hidden: true },
    ],
  });
  const r = scan('汇报.pptx', bytes);
  const got = brief(r.hits);
  test('R-REV-01 speaker notes with their slide', () =>
    assert.ok(got.includes('term 核潜艇 @speaker-notes slide 1'), got.join('\n')));
  test('R-REV-01 slide text, hidden slide flagged', () => {
    assert.ok(got.includes('term 导弹型号 @body slide 2'), got.join('\n'));
    assert.equal(r.hits.find((h) => h.where.slide === 2 && h.where.kind === 'body')?.where.hidden, true);
  });
  test('R-REV-01 slide comment', () =>
    assert.ok(got.includes('marking 机密★5年 @comment slide 2'), got.join('\n')));
});

describe('R-REV-01 OFD', () => {
  const bytes = ofd({
    pages: [['机密★10年', '正文'], ['第二页提到导弹型号']],
    title: '核潜艇报告',
    imageOnlyPage: true,
    annotation: '审阅意见：核潜艇',
  });
  const r = scan('公文.ofd', bytes);
  const got = brief(r.hits);
  test('R-REV-01 page text from TextCode, split runs joined', () => {
    assert.ok(got.includes('marking 机密★10年 @body page 1'), got.join('\n'));
    assert.ok(got.includes('term 导弹型号 @body page 2'), got.join('\n'));
  });
  test('R-REV-01 document info and annotations', () => {
    assert.ok(got.includes('term 核潜艇 @properties OFD.xml'), got.join('\n'));
    assert.ok(
      got.some((g) => g.startsWith('term 核潜艇 @comment')),
      got.join('\n'),
    );
  });
  test('R-REV-01 an image-only page is reported as not read', () => {
    assert.deepEqual(
      r.unread.map((u) => [u.code, u.where.page]),
      [['image_only_page', 3]],
    );
  });
});

describe('R-REV-01 text files: encodings', () => {
  const text = '第一行\n秘密★1年\n导弹型号';
  const gbk = new Uint8Array([0xc3, 0xd8, 0xc3, 0xdc, 0xa1, 0xef, 0x31, 0xc4, 0xea]); // 秘密★1年 in GBK
  const rows: [string, Uint8Array][] = [
    ['UTF-8', strToU8(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])],
    ['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16 LE without BOM', new Uint8Array(Buffer.from(text, 'utf16le'))],
  ];
  for (const [name, bytes] of rows)
    test(`R-REV-01 ${name}`, () => {
      const r = scan('a.txt', bytes);
      assert.deepEqual(brief(r.hits), ['marking 秘密★1年 @body a.txt', 'term 导弹型号 @body a.txt']);
      assert.deepEqual(
        r.hits.map((h) => h.where.line),
        [2, 3],
      );
    });
  test('R-REV-01 GB18030/GBK', () =>
    assert.deepEqual(brief(scan('b.txt', gbk).hits), ['marking 秘密★1年 @body b.txt']));
  test('R-REV-01 HTML: body, comment, title; script left out; &nbsp; inside a term', () => {
    const html =
      '<!DOCTYPE html><html><head><title>核潜艇</title><script>var x="导弹型号";</script></head><body><p>导弹&nbsp;型号</p><!-- 秘密★1年 --></body></html>';
    assert.deepEqual(brief(scan('p.html', strToU8(html)).hits).sort(), [
      'marking 秘密★1年 @comment p.html',
      'term 导弹型号 @body p.html',
      'term 核潜艇 @properties p.html',
    ]);
  });
});

describe('R-REV-01 archives and files not read', () => {
  test('R-REV-01 zip recursed into: entry names and contents', () => {
    const inner = zip({ '内层/说明.txt': '核潜艇' });
    const outer = zip({
      '导弹型号清单.txt': '无',
      'inner.zip': inner,
      'd.docx': docx({ header: '绝密★30年' }),
    });
    const got = brief(scan('外发.zip', outer).hits);
    assert.ok(got.includes('term 导弹型号 @embedded-name 导弹型号清单.txt'), got.join('\n'));
    assert.ok(got.includes('term 核潜艇 @body 外发.zip/inner.zip/内层/说明.txt'), got.join('\n'));
    assert.ok(got.includes('marking 绝密★30年 @header word/header1.xml'), got.join('\n'));
  });
  test('R-REV-01 depth limit: deeper archives are reported, not read', () => {
    let z = zip({ 'x.txt': '核潜艇' });
    for (let i = 0; i < 4; i++) z = zip({ [`level${i}.zip`]: z });
    const r = scan('deep.zip', z);
    assert.equal(r.hits.filter((h) => h.kind === 'term' && h.where.kind === 'body').length, 0);
    assert.ok(r.unread.some((u) => u.code === 'too_deep'));
  });
  test('R-REV-01 a zip bomb is reported, never expanded', () => {
    const big = new Uint8Array(50 * 1024 * 1024); // 50 MB of zeros deflates to ~50 kB
    const bomb = zipSync({ 'zeros.txt': big }, { level: 9 });
    const r = scan('bomb.zip', bomb);
    assert.ok(
      r.unread.some((u) => u.code === 'zip_bomb'),
      JSON.stringify(r.unread),
    );
  });
  test('R-REV-01 a zip whose declared sizes lie stops at the limit', () => {
    const data = zipSync({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    // Rewrite the central directory's uncompressed size to 1 kB.
    const b = Buffer.from(data);
    const cd = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    b.writeUInt32LE(1024, cd + 24);
    const r = scan('liar.zip', new Uint8Array(b), {
      maxEntryBytes: 1024 * 1024,
      maxTotalBytes: 2 * 1024 * 1024,
    });
    assert.ok(
      r.unread.some((u) => u.code === 'zip_bomb'),
      JSON.stringify(r.unread),
    );
  });
  test('R-REV-01 total size and entry count limits', () => {
    const many = zip(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x'])));
    assert.deepEqual(
      scan('many.zip', many, { maxEntries: 10 }).unread.map((u) => u.code),
      ['too_many_entries'],
    );
    const two = zip({ 'a.txt': 'a'.repeat(1000), 'b.txt': 'b'.repeat(1000) });
    assert.ok(scan('two.zip', two, { maxTotalBytes: 1500 }).unread.some((u) => u.code === 'too_large'));
  });
  const notRead: [string, string, Uint8Array, string][] = [
    [
      'PDF (synchronous scan; scanFileAsync reads it)',
      'a.pdf',
      strToU8('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>'),
      'pdf',
    ],
    [
      'encrypted PDF (synchronous scan)',
      'b.pdf',
      strToU8('%PDF-1.7\ntrailer<</Encrypt 5 0 R>>'),
      'encrypted',
    ],
    ['PNG', 'scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image'],
    ['JPEG', 'scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image'],
    [
      'legacy .doc',
      'old.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]),
      'legacy_format',
    ],
    [
      'password-protected docx',
      'secret.docx',
      new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      'encrypted',
    ],
    ['truncated docx', 'cut.docx', docx({ body: ['正文'] }).subarray(0, 100), 'corrupt'],
    ['unknown binary', 'x.bin', new Uint8Array([0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0x10]), 'unsupported'],
  ];
  for (const [name, file, bytes, code] of notRead)
    test(`R-REV-01 ${name} is reported as not read (${code}), never passed`, () => {
      const r = scan(file, bytes);
      assert.deepEqual(
        r.unread.map((u) => u.code),
        [code],
      );
      assert.ok(r.unread[0]!.reason.length > 0);
    });
  test('R-REV-01 random bytes never throw', () => {
    for (let i = 0; i < 200; i++) {
      const b = new Uint8Array(1 + ((i * 37) % 300));
      for (let k = 0; k < b.length; k++) b[k] = (i * 131 + k * 17) & 0xff;
      if (i % 3 === 0 && b.length >= 4) b.set([0x50, 0x4b, 3, 4]);
      scan(`r${i}`, b);
    }
  });
});

describe('bad input', () => {
  const good = docx({ body: ['正文 机密★10年'], header: '导弹型号', comment: '核潜艇', title: 't' });
  test('R-REV-01 corrupted or truncated packages never throw and never pass silently', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.integer({ min: 1, max: good.length }),
        (flips, cut) => {
          const b = good.slice(0, cut);
          for (const [at, v] of flips) if (at < b.length) b[at] = v;
          const r = scan('fuzz.docx', b);
          assert.ok(r.fragmentsRead > 0 || r.unread.length > 0, 'either read or reported');
        },
      ),
      { numRuns: 300 },
    );
  });
});
