import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { daysInMonth } from './calendar.ts';
import { isConditionText, normalizeConditionText } from './condition.ts';
import { STATE_SECRET_LEVELS } from './level.ts';
import { formatMarking, formatPeriod, type Marking, parseMarking, RELEASED_MARK } from './marking.ts';
import type { Period } from './period.ts';

// ---- generators -------------------------------------------------------------------------------

const dateArb = fc
  .record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter((p) => p.day <= daysInMonth(p.year, p.month))
  .map(
    (p) =>
      `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
  );

const HAN_POOL = [
  ...'项目验收完成后公开发布条约生效会议结束时经批准对外宣布工程竣工任务试验成功正式布署撤销',
];
const conditionArb = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...HAN_POOL) },
      { weight: 1, arbitrary: fc.constantFrom(...'0123456789') },
      { weight: 1, arbitrary: fc.constantFrom(...'ABCxyz-（）、') },
      { weight: 1, arbitrary: fc.constant(' ') },
    ),
    { minLength: 2, maxLength: 24 },
  )
  .map((cs) => cs.join(''))
  .filter((t) => normalizeConditionText(t) === t && isConditionText(t));

const countArb = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 999_999_999 }));
const periodArb: fc.Arbitrary<Period> = fc.oneof(
  countArb.map((n) => ({ kind: 'years' as const, n })),
  countArb.map((n) => ({ kind: 'months' as const, n })),
  countArb.map((n) => ({ kind: 'days' as const, n })),
  dateArb.map((date) => ({ kind: 'date' as const, date })),
  conditionArb.map((text) => ({ kind: 'condition' as const, text })),
  fc.constant({ kind: 'indefinite' as const }),
  fc.constant({ kind: 'default' as const }),
);
const markingArb: fc.Arbitrary<Marking> = fc
  .record({
    level: fc.constantFrom(...STATE_SECRET_LEVELS),
    period: periodArb,
  })
  .map((m) => ({ ...m })); // plain prototype, for deepStrictEqual

const FULL_WIDTH = '０１２３４５６７８９';
const spaceArb = fc.constantFrom('', ' ', '  ', '\u3000', ' \u3000', '\t');

/** A tolerated but non-canonical spelling of the canonical string of `m`. */
function variantArb(m: Marking, released: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      star: fc.constantFrom('★', '☆', '*', '＊'),
      s: fc.array(spaceArb, { minLength: 6, maxLength: 6 }),
      fullWidth: fc.boolean(),
      shortUnit: fc.boolean(),
      ji: fc.boolean(),
      zeros: fc.constantFrom('', '0', '00'),
      isoDate: fc.boolean(),
      paren: fc.constantFrom('（解密）', '(解密)', '( 解密 )'),
    })
    .map((o) => {
      const canonical = formatMarking(m);
      const [level, period] = canonical.split('★') as [string, string | undefined];
      let p = period ?? '';
      if (m.period.kind === 'years' || m.period.kind === 'months' || m.period.kind === 'days') {
        const unit = { years: '年', months: o.shortUnit ? '月' : '个月', days: o.shortUnit ? '日' : '天' }[
          m.period.kind
        ];
        p = `${o.zeros}${m.period.n}${o.s[4]}${unit}`;
      } else if (m.period.kind === 'date' && o.isoDate) {
        p = m.period.date;
      }
      if (o.fullWidth) p = p.replace(/[0-9]/gu, (d) => FULL_WIDTH[Number(d)] ?? d);
      const head = `${o.s[0]}${level}${o.ji ? '级' : ''}`;
      const body = period === undefined ? head : `${head}${o.s[1]}${o.star}${o.s[2]}${p}`;
      return `${body}${o.s[3]}${released ? o.paren : ''}${o.s[5]}`;
    });
}

// ---- examples ---------------------------------------------------------------------------------

describe('marking (国家秘密标志)', () => {
  // [input, canonical output, released]
  const accepted: [string, string, boolean][] = [
    ['秘密★1年', '秘密★1年', false],
    ['机密★6个月', '机密★6个月', false],
    ['秘密★90天', '秘密★90天', false],
    ['绝密★长期', '绝密★长期', false],
    ['机密★2030年12月31日', '机密★2030年12月31日', false],
    ['机密★项目验收后', '机密★项目验收后', false],
    ['机密', '机密', false],
    ['秘密☆1年', '秘密★1年', false],
    ['秘密*1年', '秘密★1年', false],
    ['秘密＊1年', '秘密★1年', false],
    ['秘密 ★ 1 年', '秘密★1年', false],
    ['\u3000秘密\u3000★\u3000１年\u3000', '秘密★1年', false],
    ['机密★１０年', '机密★10年', false],
    ['机密★010年', '机密★10年', false],
    ['机密★6月', '机密★6个月', false],
    ['秘密★90日', '秘密★90天', false],
    ['机密级★5年', '机密★5年', false],
    ['機密★5年', '机密★5年', false],
    ['絕密★長期', '绝密★长期', false],
    ['机密★6個月', '机密★6个月', false],
    ['机密★2030年01月01日', '机密★2030年1月1日', false],
    ['机密★２０３０年１２月３１日', '机密★2030年12月31日', false],
    ['机密★2030-12-31', '机密★2030年12月31日', false],
    ['机密★2030/1/5', '机密★2030年1月5日', false],
    ['机密★2030.01.05', '机密★2030年1月5日', false],
    ['机密★ 条约生效后 ', '机密★条约生效后', false],
    ['机密★2026年项目验收后', '机密★2026年项目验收后', false],
    ['机密★第３次会议  召开后', '机密★第3次会议 召开后', false],
    ['机密★5年（解密）', '机密★5年（解密）', true],
    ['机密★5年(解密)', '机密★5年（解密）', true],
    ['机密 ★ 5年 （ 解密 ）', '机密★5年（解密）', true],
    ['机密（解密）', '机密（解密）', true],
    ['绝密☆长期(解密)', '绝密★长期（解密）', true],
  ];
  for (const [input, canonical, released] of accepted) {
    test(`R-LVL-03 parses ${JSON.stringify(input)} as ${canonical}`, () => {
      const r = parseMarking(input);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.released, released);
      assert.equal(formatMarking(r.marking, { released: r.released }), canonical);
    });
  }

  test('R-LVL-03 parses a full-width star into the structured marking', () => {
    assert.deepEqual(parseMarking('机密＊6个月'), {
      ok: true,
      marking: { level: 'secret', period: { kind: 'months', n: 6 } },
      released: false,
    });
  });

  test('R-LVL-03 a level-only marking means the default period (R-LVL-02)', () => {
    assert.deepEqual(parseMarking(' 绝密 '), {
      ok: true,
      marking: { level: 'top_secret', period: { kind: 'default' } },
      released: false,
    });
  });

  // [input, code]
  const refused: [string, string][] = [
    ['', 'marking_empty'],
    ['   ', 'marking_empty'],
    ['（解密）', 'marking_empty'],
    ['★1年', 'marking_missing_level'],
    ['保密★1年', 'marking_unknown_level'],
    ['TOP SECRET★1年', 'marking_unknown_level'],
    ['内部', 'marking_not_state_secret'],
    ['公开★1年', 'marking_not_state_secret'],
    ['工作秘密★6个月', 'marking_not_state_secret'],
    ['机密5年', 'marking_missing_star'],
    ['机密 5年', 'marking_missing_star'],
    ['机密★', 'marking_missing_period'],
    ['机密★  ', 'marking_missing_period'],
    ['机密★★5年', 'marking_multiple_stars'],
    ['机密★5年★', 'marking_multiple_stars'],
    ['机密★0年', 'marking_period_zero'],
    ['机密★000天', 'marking_period_zero'],
    ['机密★1234567890年', 'marking_period_too_large'],
    ['机密★2030年2月30日', 'marking_invalid_date'],
    ['机密★2030-13-01', 'marking_invalid_date'],
    ['机密★十年', 'marking_chinese_numerals'],
    ['机密★六个月', 'marking_chinese_numerals'],
    ['机密★永久', 'marking_indefinite_unclear'],
    ['机密★无限期', 'marking_indefinite_unclear'],
    ['机密★长期保密', 'marking_indefinite_unclear'],
    ['机密★5年后', 'marking_malformed_period'],
    ['机密★3年6个月', 'marking_malformed_period'],
    ['机密★5 years', 'marking_malformed_period'],
    ['机密★abc', 'marking_malformed_period'],
    ['机密★2周', 'marking_malformed_period'],
    ['机密★2030年12月', 'marking_malformed_period'],
    ['机密★-5年', 'marking_malformed_period'],
    ['机密★5.5年', 'marking_malformed_period'],
    ['机密★后', 'marking_malformed_period'],
  ];
  for (const [input, code] of refused) {
    test(`R-LVL-03 refuses ${JSON.stringify(input)} (${code})`, () => {
      const r = parseMarking(input);
      assert.equal(r.ok, false, JSON.stringify(r));
      if (r.ok) return;
      assert.equal(r.violation.code, code);
      assert.equal(r.violation.rule, 'R-LVL-03');
      assert.equal(r.violation.field, 'marking');
      assert.ok(r.violation.zh.length > 0 && /\p{Script=Han}/u.test(r.violation.zh), 'zh message');
      assert.ok(r.violation.en.length > 0 && /[A-Za-z]{3}/u.test(r.violation.en), 'en message');
    });
  }

  test('R-LVL-03 the refusal names the offending text in both languages', () => {
    const r = parseMarking('机密★十年');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.violation.zh, /机密★十年/);
    assert.match(r.violation.en, /机密★十年/);
    assert.match(r.violation.en, /Arabic digits/);
  });

  test('R-LVL-03 missing star: the hint shows where the star goes', () => {
    const r = parseMarking('秘密3年');
    assert.ok(!r.ok);
    assert.match(r.violation.zh, /秘密★3年/);
  });

  // ---- formatting -----------------------------------------------------------------------------

  const formatted: [Marking, string][] = [
    [{ level: 'confidential', period: { kind: 'years', n: 1 } }, '秘密★1年'],
    [{ level: 'secret', period: { kind: 'months', n: 6 } }, '机密★6个月'],
    [{ level: 'confidential', period: { kind: 'days', n: 90 } }, '秘密★90天'],
    [{ level: 'top_secret', period: { kind: 'indefinite' } }, '绝密★长期'],
    [{ level: 'secret', period: { kind: 'date', date: '2030-12-31' } }, '机密★2030年12月31日'],
    [{ level: 'secret', period: { kind: 'date', date: '2030-01-05' } }, '机密★2030年1月5日'],
    [{ level: 'secret', period: { kind: 'condition', text: ' 项目验收后 ' } }, '机密★项目验收后'],
    [{ level: 'secret', period: { kind: 'default' } }, '机密'],
  ];
  for (const [m, text] of formatted) {
    test(`R-LVL-03 formats ${JSON.stringify(m.period)} (${m.level}) as ${text}`, () => {
      assert.equal(formatMarking(m), text);
    });
  }

  test('R-LVL-03 a released item keeps its old mark with （解密） beside it', () => {
    assert.equal(RELEASED_MARK, '（解密）');
    assert.equal(
      formatMarking({ level: 'secret', period: { kind: 'years', n: 5 } }, { released: true }),
      '机密★5年（解密）',
    );
    assert.equal(
      formatMarking({ level: 'top_secret', period: { kind: 'default' } }, { released: true }),
      '绝密（解密）',
    );
    assert.equal(
      formatMarking({ level: 'secret', period: { kind: 'years', n: 5 } }, { released: false }),
      '机密★5年',
    );
  });

  const unprintable: Period[] = [
    { kind: 'years', n: 0 },
    { kind: 'months', n: -1 },
    { kind: 'days', n: 1.5 },
    { kind: 'date', date: '2030-02-30' },
    { kind: 'condition', text: '' },
    { kind: 'condition', text: '5年' },
    { kind: 'condition', text: '永久' },
  ];
  for (const period of unprintable) {
    test(`R-LVL-03 formatMarking refuses to print ${JSON.stringify(period)}`, () => {
      assert.throws(
        () => formatMarking({ level: 'secret', period }),
        (e: unknown) => e instanceof DomainError && e.rule === 'R-LVL-03' && e.kind === 'invalid',
      );
    });
  }

  test('R-LVL-03 formatMarking refuses a level that is not a state secret', () => {
    const m = { level: 'internal', period: { kind: 'default' } } as unknown as Marking;
    assert.throws(
      () => formatMarking(m),
      (e: unknown) => e instanceof DomainError && e.code === 'marking_not_state_secret',
    );
  });

  test('R-LVL-03 formatPeriod of the default period is empty', () => {
    assert.equal(formatPeriod({ kind: 'default' }), '');
  });

  // ---- properties -----------------------------------------------------------------------------

  test('R-LVL-03 property: parse(format(m)) == m for generated markings', () => {
    fc.assert(
      fc.property(markingArb, fc.boolean(), (m, released) => {
        assert.deepEqual(parseMarking(formatMarking(m, { released })), { ok: true, marking: m, released });
      }),
      { numRuns: 2000 },
    );
  });

  test('R-LVL-03 property: format ∘ parse is the identity on canonical strings', () => {
    fc.assert(
      fc.property(markingArb, fc.boolean(), (m, released) => {
        const canonical = formatMarking(m, { released });
        const r = parseMarking(canonical);
        assert.ok(r.ok);
        assert.equal(formatMarking(r.marking, { released: r.released }), canonical);
      }),
      { numRuns: 2000 },
    );
  });

  test('R-LVL-03 property: tolerated spellings (stars, spaces, full-width digits, 月/日, 级) parse to the same marking', () => {
    fc.assert(
      fc.property(
        markingArb.chain((m) =>
          fc.boolean().chain((released) => variantArb(m, released).map((s) => ({ m, released, s }))),
        ),
        ({ m, released, s }) => {
          assert.deepEqual(parseMarking(s), { ok: true, marking: m, released }, JSON.stringify(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('R-LVL-03 property: parse never throws on arbitrary strings and always answers ok or a bilingual violation', () => {
    const near = fc.string({
      unit: fc.constantFrom(
        ...'★☆*＊机密绝秘内部公开工作级長絕機年个個月天日周长期十五0123456789０１９ \u3000（）()解-/.后项目验收',
      ),
      maxLength: 24,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), near), (s) => {
        const r = parseMarking(s);
        if (r.ok) {
          // whatever parses is printable and stable
          const text = formatMarking(r.marking, { released: r.released });
          assert.deepEqual(parseMarking(text), r);
        } else {
          assert.equal(r.violation.rule, 'R-LVL-03');
          assert.ok(r.violation.zh !== '' && r.violation.en !== '');
        }
      }),
      { numRuns: 5000 },
    );
  });
});
