// The report as kept and shown: each hit split around its context (the hit highlighted), the highest
// state-secret marking, unread parts, the hit cap; where a hit is, in words.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Detector, scanFile } from '@baomi/scanner';
import { docx } from '@baomi/scanner/extract/fixtures.ts';
import { MAX_HITS, reportOf } from './scan.ts';
import { locationText } from './service.ts';

describe('review report', () => {
  const detector = new Detector([{ term: '天穹工程', category: '项目代号', severity: 'high' }]);

  test('R-REV-01 hits split around their context; R-REV-02 the highest marking', () => {
    const r = reportOf(
      scanFile('a.docx', docx({ body: ['说明', '秘密★1年', '关于天穹工程的说明'], header: '机密★5年' }), {
        detector,
      }),
    );
    const term = r.report.hits.find((h) => h.normalized === '天穹工程')!;
    assert.equal(`${term.before}${term.text}${term.after}`.includes('关于天穹工程的说明'), true);
    assert.equal(term.text, '天穹工程');
    assert.equal(r.highestLevel, 'secret');
    assert.equal(r.unread, false);
  });

  test('R-REV-01 a file not read is unread, with its reason', () => {
    const r = reportOf(
      scanFile('x.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { detector }),
    );
    assert.equal(r.unread, true);
    assert.ok(r.report.unread.length > 0);
    assert.equal(r.highestLevel, null);
  });

  test('at most MAX_HITS kept, the rest counted', () => {
    const text = '天穹工程 '.repeat(MAX_HITS + 5);
    const r = reportOf(scanFile('many.txt', new TextEncoder().encode(text), { detector }));
    assert.equal(r.report.hits.length, MAX_HITS);
    assert.equal(r.report.truncated, 5);
    assert.equal(r.hitsCount, MAX_HITS + 5);
  });

  const rows: [string, Record<string, string | number | boolean>, string][] = [
    ['a paragraph of the body', { kind: 'body', paragraph: 3, file: 'a.docx' }, '第3段（正文）'],
    [
      'a cell of a hidden sheet',
      { kind: 'hidden-sheet', sheet: '预算', cell: 'B7', hidden: true },
      '工作表“预算” B7（隐藏工作表，隐藏）',
    ],
    ['speaker notes of a slide', { kind: 'speaker-notes', slide: 2 }, '第2张幻灯片（演讲者备注）'],
    ['a line of a text file', { kind: 'body', line: 12 }, '第12行（正文）'],
    ['a document property', { kind: 'properties', field: 'dc:title' }, '“dc:title”（文档属性）'],
    ['a deleted tracked change', { kind: 'deleted', paragraph: 1 }, '第1段（已删除的修订）'],
    ['a page', { kind: 'body', page: 4 }, '第4页（正文）'],
    ['nothing known', {}, '全文'],
  ];
  for (const [name, where, want] of rows)
    test(`where, in words: ${name}`, () => {
      assert.equal(locationText(where), want);
    });
});
