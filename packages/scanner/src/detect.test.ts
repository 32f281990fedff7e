import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { COPY_NUMBER_FORMS_ANYWHERE, Detector } from './detect.ts';
import { TermMatcher } from './matcher.ts';
import { FOLD, normalize, normalizeTerm, SPACE } from './normalize.ts';
import { parseTermList, type TermEntry } from './terms.ts';

/** Every occurrence of every pattern in the normalised text, as `pattern:start:end` in original offsets. */
function naiveMatches(patterns: readonly string[], text: string): string[] {
  const n = normalize(text);
  const want: string[] = [];
  patterns.forEach((p, i) => {
    if (p === '') return;
    for (let at = n.text.indexOf(p); at >= 0; at = n.text.indexOf(p, at + 1))
      want.push(`${i}:${n.map[at]}:${n.map[at + p.length - 1]! + 1}`);
  });
  return want;
}

const TERMS: TermEntry[] = [
  { term: '导弹型号', category: '军工', severity: 'high' },
  { term: '核潜艇', category: '军工', severity: 'high' },
  { term: 'top secret', category: '英文', severity: 'low' },
  { term: '歼-20战机', category: '型号', severity: 'high' },
  { term: '东风-##', category: '型号', severity: 'high', pattern: true },
  { term: '试验基地*号', category: '场所', severity: 'medium', pattern: true },
];
const detector = new Detector(TERMS);
const markings = (text: string) =>
  detector
    .detect(text)
    .filter((h) => h.kind === 'marking')
    .map((h) => h.normalized);

describe('R-LVL-03 markings in any form', () => {
  const rows: [string, string, string[]][] = [
    ['R-LVL-03 level★years', '机密★10年', ['机密★10年']],
    ['R-LVL-03 level★date', '秘密★2030年12月31日', ['秘密★2030年12月31日']],
    ['R-LVL-03 level★date with dashes', '秘密★2030-12-31', ['秘密★2030年12月31日']],
    ['R-LVL-03 level★months', '机密★6个月', ['机密★6个月']],
    ['R-LVL-03 level★indefinite', '绝密★长期', ['绝密★长期']],
    ['R-LVL-03 level★condition', '绝密★项目验收后', ['绝密★项目验收后']],
    ['R-LVL-03 odd spacing', '机 密 ★ 1 0 年', ['机密★10年']],
    ['R-LVL-03 full-width digits and star ＊', '机密＊１０年', ['机密★10年']],
    ['R-LVL-03 white star ☆', '秘密☆1年', ['秘密★1年']],
    ['R-LVL-03 ASCII star *', '绝密*30年', ['绝密★30年']],
    ['R-LVL-03 zero-width inside the level', '秘\u200b密★5年', ['秘密★5年']],
    ['R-LVL-03 ideographic space and NBSP', '机\u3000密\u00a0★\u00a020年', ['机密★20年']],
    ['R-LVL-03 traditional characters', '絕密★長期', ['绝密★长期']],
    ['R-LVL-03 level with 级', '机密级★5年', ['机密★5年']],
    ['R-LVL-03 period in Chinese numerals, kept as written', '秘密★十年', ['秘密★十年']],
    ['R-LVL-03 date in Chinese numerals', '机密★二〇三〇年十二月三十一日', ['机密★二〇三〇年十二月三十一日']],
    ['R-LVL-03 a star with no period', '秘密★', ['秘密★']],
    ['R-LVL-03 released mark', '机密★5年（解密）', ['机密★5年（解密）']],
    ['R-LVL-03 level alone on its line', '机密\n关于某事项的通知', ['机密']],
    ['R-LVL-03 level after 密级：', '密级：秘密\n', ['秘密']],
    ['R-LVL-03 level in brackets', '【绝密】', ['绝密']],
    ['R-LVL-03 内部 alone', '内部\n会议纪要', ['内部']],
    ['R-LVL-03 工作秘密 alone, not 秘密', '工作秘密', ['工作秘密']],
    ['R-LVL-03 in a sentence: not a marking', '本文不涉及国家秘密，也不涉及内部管理。', []],
    ['R-LVL-03 机密 inside prose without star', '这是机密文件吗', []],
    ['R-LVL-03 a marking in prose with a star', '正文提到机密★10年的材料', ['机密★10年']],
    ['R-LVL-03 two markings', '秘密★1年\n绝密★长期', ['秘密★1年', '绝密★长期']],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => assert.deepEqual(markings(text), expected));
  }

  test('R-LVL-03 R-REV-02 a 秘密-or-above marking is flagged stateSecret; 内部 is not', () => {
    const hits = detector.detect('秘密★1年\n').concat(detector.detect('内部\n'));
    assert.deepEqual(
      hits.map((h) => [h.level, h.stateSecret]),
      [
        ['confidential', true],
        ['internal', false],
      ],
    );
  });

  test('R-LVL-03 a text of 200,000 markings gives every one, without overflowing the call stack', () => {
    const hits = new Detector([]).detect('秘密★1年\n'.repeat(200_000));
    assert.equal(hits.filter((h) => h.kind === 'marking').length, 200_000);
  });
  test('R-LVL-03 the hit points at the original characters', () => {
    const text = '前言。机 密 ＊ １０ 年。';
    const [h] = detector.detect(text);
    assert.equal(h?.text, '机 密 ＊ １０ 年');
    assert.equal(text.slice(h!.start, h!.end), h!.text);
    assert.equal(h!.context, text);
  });
});

describe('R-LVL-04 copy numbers', () => {
  const copies = (text: string) =>
    detector
      .detect(text)
      .filter((h) => h.kind === 'copy_number')
      .map((h) => h.normalized);
  const rows: [string, string, string[]][] = [
    ['R-LVL-04 份号：000123', '份号：000123\n机密★10年', ['000123']],
    ['R-LVL-04 份号 with spaces and full-width digits', '份 号 ０００１２３', ['000123']],
    ['R-LVL-04 第000003份', '本件为第000003份', ['000003']],
    ['R-LVL-04 第3份 in prose is no copy number', '这是第3份材料', []],
    ['R-LVL-04 No. near a marking', 'No.000001\n绝密★长期', ['000001']],
    ['R-LVL-04 No. with no marking is ignored', 'Invoice No.000001', []],
    ['R-LVL-04 six digits on the line above a marking', '000123\n机密★5年', ['000123']],
    ['R-LVL-04 six digits with no marking are ignored', '000123\n正文', []],
  ];
  for (const [name, text, expected] of rows) test(name, () => assert.deepEqual(copies(text), expected));
});

describe('R-REV-01 sensitive terms', () => {
  const terms = (text: string) =>
    detector
      .detect(text)
      .filter((h) => h.kind === 'term')
      .map((h) => [h.text, h.normalized, h.category, h.severity]);
  const rows: [string, string, (string | undefined)[][]][] = [
    ['R-REV-01 exact term', '关于导弹型号的说明', [['导弹型号', '导弹型号', '军工', 'high']]],
    ['R-REV-01 term with spaces inside', '导 弹 型 号', [['导 弹 型 号', '导弹型号', '军工', 'high']]],
    [
      'R-REV-01 term with zero-width inside',
      '核\u200b潜\u2060艇',
      [['核\u200b潜\u2060艇', '核潜艇', '军工', 'high']],
    ],
    ['R-REV-01 traditional term', '導彈型號', [['導彈型號', '导弹型号', '军工', 'high']]],
    [
      'R-REV-01 English term, any case and spacing',
      'TOP   Secret',
      [['TOP   Secret', 'top secret', '英文', 'low']],
    ],
    ['R-REV-01 English term not across words', 'stop secretary', []],
    [
      'R-REV-01 mixed term, a space before the Chinese part',
      '歼-20 战机',
      [['歼-20 战机', '歼-20战机', '型号', 'high']],
    ],
    [
      'R-REV-01 mixed term, full-width and spaced',
      '歼 －２０\u3000战 机',
      [['歼 －２０\u3000战 机', '歼-20战机', '型号', 'high']],
    ],
    ['R-REV-01 pattern with digits', '東風-41改', [['東風-41', '东风-##', '型号', 'high']]],
    ['R-REV-01 pattern with a gap', '试验基地第五号', [['试验基地第五号', '试验基地*号', '场所', 'medium']]],
    [
      'R-REV-01 overlapping occurrences all found',
      '核潜艇核潜艇',
      [
        ['核潜艇', '核潜艇', '军工', 'high'],
        ['核潜艇', '核潜艇', '军工', 'high'],
      ],
    ],
  ];
  for (const [name, text, expected] of rows) test(name, () => assert.deepEqual(terms(text), expected));

  test('R-REV-01 a term list is read from TSV, bad lines reported', () => {
    const { entries, problems } = parseTermList(
      '\uFEFF# 注释\n导弹\t军工\t高\n东风-##\t型号\thigh\tpattern\nx\ty\t很高\n\n',
    );
    assert.deepEqual(entries, [
      { term: '导弹', category: '军工', severity: 'high' },
      { term: '东风-##', category: '型号', severity: 'high', pattern: true },
    ]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 4);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

const cjkChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const cjkTerm = fc.array(cjkChar, { minLength: 2, maxLength: 6 }).map((a) => a.join(''));
const SEPARATORS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', ' ', '\u00a0', '\u3000', '\t', '\n'];
const separator = fc.constantFrom(...SEPARATORS);
const anyText = fc.string({ unit: 'binary', maxLength: 200 });

describe('properties', () => {
  test('R-REV-01 inserting zero-width or space characters inside a term never hides it', () => {
    fc.assert(
      fc.property(
        cjkTerm,
        fc.array(fc.array(separator, { maxLength: 3 }), { minLength: 6, maxLength: 6 }),
        anyText,
        anyText,
        (term, seps, before, after) => {
          const d = new Detector([{ term, category: 'c', severity: 'high' }]);
          const chars = [...term];
          const spread = chars.map((c, i) => (i < chars.length - 1 ? c + seps[i]!.join('') : c)).join('');
          const text = before + spread + after;
          const hits = d.detect(text).filter((h) => h.kind === 'term');
          const at = before.length;
          assert.ok(
            hits.some((h) => h.start === at && h.end === at + spread.length),
            `term ${term} not found in ${JSON.stringify(text)}`,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('R-LVL-03 inserting zero-width or space characters inside a marking never hides it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('绝密★30年', '机密★10年', '秘密★2030年12月31日', '机密★长期'),
        fc.array(
          fc.array(
            separator.filter((s) => s !== '\n'),
            { maxLength: 2 },
          ),
          {
            minLength: 20,
            maxLength: 20,
          },
        ),
        (marking, seps) => {
          const chars = [...marking];
          const text = chars.map((c, i) => (i < chars.length - 1 ? c + seps[i]!.join('') : c)).join('');
          assert.deepEqual(markings(`正文\n${text}\n正文`), [marking]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the offset map always points at the original characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const n = normalize(text);
        assert.equal(n.map.length, n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const o = n.map[i]!;
          if (i > 0) assert.ok(o > n.map[i - 1]!, 'map increases');
          const f = FOLD[text.charCodeAt(o)]!;
          if (f === SPACE) assert.equal(n.text[i], ' ');
          else assert.equal(n.text.charCodeAt(i), f);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('every hit leads back to original characters that normalise to what was found', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '机',
            '密',
            '★',
            '导',
            '弹',
            '型',
            '号',
            ' ',
            '\u200b',
            'A',
            '1',
            '\n',
            '核',
            '潜',
            '艇',
          ),
          {
            maxLength: 120,
          },
        ),
        (units) => {
          const text = units.join('');
          for (const h of detector.detect(text)) {
            assert.ok(0 <= h.start && h.start < h.end && h.end <= text.length);
            assert.equal(text.slice(h.start, h.end), h.text);
            if (h.kind === 'term' && !TERMS.find((t) => t.term === h.normalized)?.pattern)
              assert.equal(normalizeTerm(h.text), normalizeTerm(h.normalized));
            assert.ok(h.context.includes(h.text));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('pathological inputs stay fast (many markings, copy numbers, unclosed patterns)', () => {
    const t0 = performance.now();
    const text = 'No.000001 秘密★1年\n份号：000002\n'.repeat(20_000) + '试验基地'.repeat(20_000);
    const hits = detector.detect(text);
    assert.equal(hits.filter((h) => h.kind === 'marking').length, 20_000);
    assert.equal(hits.filter((h) => h.kind === 'copy_number').length, 40_000);
    assert.ok(performance.now() - t0 < 5000, `${performance.now() - t0} ms`);
  });

  test('random text never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        const hits = detector.detect(text);
        for (const h of hits) assert.ok(h.start >= 0 && h.end <= text.length && h.start < h.end);
      }),
      { numRuns: 1000 },
    );
  });

  test('the matcher finds exactly what a naive search of the normalised text finds', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '机', '密', ' ');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.array(unit, { minLength: 1, maxLength: 4 }).map((a) => normalizeTerm(a.join(''))),
          {
            maxLength: 8,
          },
        ),
        fc.array(fc.constantFrom('a', 'b', 'c', '机', '密', ' ', '\u200b', 'A'), { maxLength: 60 }),
        (patterns, units) => {
          const text = units.join('');
          const a = new TermMatcher(patterns);
          const got: string[] = [];
          a.scan(text, (p, s, e) => got.push(`${p}:${s}:${e}`));
          const want = naiveMatches(patterns, text);
          assert.deepEqual(got.sort(), want.sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the matcher agrees with the naive search across its blocks, with patterns listed twice and long ones', () => {
    // Blocks of the scan loop of 1 to 7 code units, and texts past two blocks of the default size: the
    // state carried between blocks (a kept space, the unit before, the ring of positions) must lose no
    // match across a boundary.
    const unit = fc.constantFrom('a', 'b', '机', '密', '秘', ' ', '\n', '\u200b', 'Ｂ');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(unit, { minLength: 1, maxLength: 12 }).map((a) => normalizeTerm(a.join(''))),
          { minLength: 1, maxLength: 10 },
        ),
        fc.array(unit, { minLength: 1, maxLength: 97 }),
        fc.integer({ min: 0, max: 96 }),
        fc.option(fc.integer({ min: 1, max: 7 })),
        (patterns, units, shift, blockSize) => {
          const piece = units.join('');
          const text = blockSize
            ? `${'x'.repeat(shift % 7)}${piece.repeat(3)}`
            : `${'x'.repeat(shift)}${piece.repeat(Math.ceil(70_000 / piece.length))}`;
          const got: string[] = [];
          const m = new TermMatcher(patterns, blockSize ? { blockSize } : {});
          m.scan(text, (p, s, e) => got.push(`${p}:${s}:${e}`));
          const want = naiveMatches(patterns, text);
          assert.equal(got.length, want.length);
          assert.deepEqual(got.sort(), want.sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the copy-number forms found anywhere are found as a whole-text search finds them', () => {
    // 份号 and 第…份 are tried only where the matcher saw 份 or 第: the same hits as each form's own
    // search over the whole text, with spaces, zero-width characters, full-width digits, traditional
    // characters and runs of the anchors themselves around them.
    const unit = fc.constantFrom(
      '份',
      '号',
      '第',
      '0',
      '３',
      '1',
      ' ',
      '\u200b',
      '：',
      '份號',
      '机密★',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), (units) => {
        const text = units.join('');
        const got = new Detector([])
          .detect(text)
          .filter((h) => h.kind === 'copy_number' && (text[h.start] === '份' || text[h.start] === '第'))
          .map((h) => h.start);
        const want = COPY_NUMBER_FORMS_ANYWHERE.flatMap((re) =>
          [...text.matchAll(new RegExp(re.source, 'gu'))].map((m) => m.index),
        );
        assert.deepEqual(got.sort(), [...new Set(want)].sort());
      }),
      { numRuns: 1000 },
    );
  });
});
