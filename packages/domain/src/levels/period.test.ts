import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { addDays } from './calendar.ts';
import type { Level, StateSecretLevel } from './level.ts';
import {
  checkPeriod,
  defaultPeriod,
  isPeriod,
  isReleasedOn,
  MAX_PERIOD_YEARS,
  type Period,
  periodEnd,
  releaseDate,
  resolvePeriod,
} from './period.ts';

const codes = (level: Level, period: Period, issue: string, opts = {}) => {
  const r = checkPeriod(level, period, issue, opts);
  return r.ok ? [] : r.violations.map((v) => v.code);
};

describe('periods', () => {
  test('R-LVL-02 maxima are 绝密 30, 机密 20, 秘密 10 years', () => {
    assert.deepEqual(MAX_PERIOD_YEARS, { top_secret: 30, secret: 20, confidential: 10 });
  });

  const defaults: [Level, Period | null][] = [
    ['top_secret', { kind: 'years', n: 30 }],
    ['secret', { kind: 'years', n: 20 }],
    ['confidential', { kind: 'years', n: 10 }],
    ['internal', null],
    ['work_secret', null],
    ['public', null],
  ];
  for (const [level, expected] of defaults) {
    test(`R-LVL-02 defaultPeriod(${level}) is ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(defaultPeriod(level), expected);
    });
  }

  test('R-LVL-02 resolvePeriod replaces a level-only default by the maximum', () => {
    assert.deepEqual(resolvePeriod('secret', { kind: 'default' }), { kind: 'years', n: 20 });
    assert.deepEqual(resolvePeriod('secret', { kind: 'months', n: 6 }), { kind: 'months', n: 6 });
    assert.deepEqual(resolvePeriod('internal', { kind: 'default' }), { kind: 'default' });
  });

  // [issue, period, level, periodEnd, releaseDate]
  const dates: [string, Period, Level | undefined, string | null, string | null][] = [
    ['2024-03-15', { kind: 'years', n: 1 }, undefined, '2025-03-15', '2025-03-16'],
    ['2024-01-31', { kind: 'months', n: 1 }, undefined, '2024-02-29', '2024-03-01'],
    ['2023-01-31', { kind: 'months', n: 1 }, undefined, '2023-02-28', '2023-03-01'],
    ['2024-02-29', { kind: 'years', n: 1 }, undefined, '2025-02-28', '2025-03-01'],
    ['2024-02-29', { kind: 'years', n: 4 }, undefined, '2028-02-29', '2028-03-01'],
    ['2024-08-31', { kind: 'months', n: 6 }, undefined, '2025-02-28', '2025-03-01'],
    ['2024-12-31', { kind: 'months', n: 2 }, undefined, '2025-02-28', '2025-03-01'],
    ['2024-01-01', { kind: 'days', n: 90 }, undefined, '2024-03-31', '2024-04-01'],
    ['2024-02-28', { kind: 'days', n: 1 }, undefined, '2024-02-29', '2024-03-01'],
    ['2024-12-31', { kind: 'days', n: 1 }, undefined, '2025-01-01', '2025-01-02'],
    ['2024-01-01', { kind: 'date', date: '2030-12-31' }, undefined, '2030-12-30', '2030-12-31'],
    ['2024-01-01', { kind: 'date', date: '2028-03-01' }, undefined, '2028-02-29', '2028-03-01'],
    ['2024-03-15', { kind: 'default' }, 'secret', '2044-03-15', '2044-03-16'],
    ['2024-02-29', { kind: 'default' }, 'top_secret', '2054-02-28', '2054-03-01'],
    ['2024-03-15', { kind: 'default' }, 'confidential', '2034-03-15', '2034-03-16'],
    ['2024-03-15', { kind: 'default' }, undefined, null, null],
    ['2024-03-15', { kind: 'default' }, 'internal', null, null],
    ['2024-03-15', { kind: 'condition', text: '项目验收后' }, 'secret', null, null],
    ['2024-03-15', { kind: 'indefinite' }, 'top_secret', null, null],
  ];
  for (const [issue, period, level, end, release] of dates) {
    test(`R-LVL-02 issued ${issue} with ${JSON.stringify(period)}${level ? ` (${level})` : ''}: last day ${end}, released ${release}`, () => {
      assert.equal(periodEnd(issue, period, level), end);
      assert.equal(releaseDate(issue, period, level), release);
    });
  }

  test('R-LVL-02 isReleasedOn: released from the release date on, never for a condition', () => {
    const p: Period = { kind: 'years', n: 1 };
    assert.equal(isReleasedOn('2024-03-15', p, '2025-03-15'), false);
    assert.equal(isReleasedOn('2024-03-15', p, '2025-03-16'), true);
    assert.equal(isReleasedOn('2024-03-15', { kind: 'condition', text: '项目验收后' }, '2099-01-01'), false);
    assert.equal(isReleasedOn('2024-03-15', { kind: 'indefinite' }, '2099-01-01'), false);
  });

  test('R-LVL-02 releaseDate throws a DomainError on a malformed issue date or period', () => {
    const bad: [string, Period][] = [
      ['2024-02-30', { kind: 'years', n: 1 }],
      ['2024-01-01', { kind: 'years', n: 0 }],
      ['2024-01-01', { kind: 'months', n: 1.5 }],
      ['2024-01-01', { kind: 'date', date: '2030/12/31' }],
      ['9999-01-01', { kind: 'years', n: 1 }],
    ];
    for (const [issue, period] of bad) {
      assert.throws(
        () => releaseDate(issue, period),
        (e: unknown) => e instanceof DomainError && e.rule === 'R-LVL-02' && e.kind === 'invalid',
      );
    }
  });

  // [level, period, issue, opts, expected codes]
  const checks: [Level, Period, string, { indefiniteAllowed?: boolean }, string[]][] = [
    ['top_secret', { kind: 'years', n: 30 }, '2024-01-01', {}, []],
    ['top_secret', { kind: 'years', n: 31 }, '2024-01-01', {}, ['period_exceeds_maximum']],
    ['secret', { kind: 'years', n: 20 }, '2024-01-01', {}, []],
    ['secret', { kind: 'years', n: 21 }, '2024-01-01', {}, ['period_exceeds_maximum']],
    ['confidential', { kind: 'years', n: 10 }, '2024-01-01', {}, []],
    ['confidential', { kind: 'years', n: 11 }, '2024-01-01', {}, ['period_exceeds_maximum']],
    ['confidential', { kind: 'months', n: 120 }, '2024-01-01', {}, []],
    ['confidential', { kind: 'months', n: 121 }, '2024-01-01', {}, ['period_exceeds_maximum']],
    ['confidential', { kind: 'days', n: 3653 }, '2024-01-01', {}, []],
    ['confidential', { kind: 'days', n: 3654 }, '2024-01-01', {}, ['period_exceeds_maximum']],
    ['confidential', { kind: 'days', n: 3652 }, '2025-01-01', {}, []],
    ['confidential', { kind: 'days', n: 3653 }, '2025-01-01', {}, ['period_exceeds_maximum']],
    ['secret', { kind: 'years', n: 0 }, '2024-01-01', {}, ['period_not_positive']],
    ['secret', { kind: 'months', n: -3 }, '2024-01-01', {}, ['period_not_positive']],
    ['secret', { kind: 'days', n: Number.NaN }, '2024-01-01', {}, ['period_not_positive']],
    ['secret', { kind: 'years', n: 1.5 }, '2024-01-01', {}, ['period_not_integer']],
    ['secret', { kind: 'date', date: '2030-12-31' }, '2024-01-01', {}, []],
    ['secret', { kind: 'date', date: '2023-12-31' }, '2024-01-01', {}, ['release_date_not_after_issue']],
    ['secret', { kind: 'date', date: '2024-01-01' }, '2024-01-01', {}, ['release_date_not_after_issue']],
    ['secret', { kind: 'date', date: '2044-01-02' }, '2024-01-01', {}, []],
    ['secret', { kind: 'date', date: '2044-01-03' }, '2024-01-01', {}, ['release_date_beyond_maximum']],
    ['confidential', { kind: 'date', date: '2034-03-01' }, '2024-02-29', {}, []],
    ['confidential', { kind: 'date', date: '2034-03-02' }, '2024-02-29', {}, ['release_date_beyond_maximum']],
    ['secret', { kind: 'date', date: '2030-02-30' }, '2024-01-01', {}, ['release_date_invalid']],
    ['secret', { kind: 'condition', text: '项目验收后' }, '2024-01-01', {}, []],
    ['secret', { kind: 'condition', text: '   ' }, '2024-01-01', {}, ['release_condition_empty']],
    ['secret', { kind: 'condition', text: '' }, '2024-01-01', {}, ['release_condition_empty']],
    ['secret', { kind: 'condition', text: '5年' }, '2024-01-01', {}, ['release_condition_unclear']],
    ['top_secret', { kind: 'indefinite' }, '2024-01-01', {}, ['indefinite_not_allowed']],
    [
      'top_secret',
      { kind: 'indefinite' },
      '2024-01-01',
      { indefiniteAllowed: false },
      ['indefinite_not_allowed'],
    ],
    ['top_secret', { kind: 'indefinite' }, '2024-01-01', { indefiniteAllowed: true }, []],
    ['secret', { kind: 'default' }, '2024-01-01', {}, []],
    ['secret', { kind: 'years', n: 5 }, '2024-13-01', {}, ['issue_date_invalid']],
    ['secret', { kind: 'years', n: 50 }, 'yesterday', {}, ['issue_date_invalid', 'period_exceeds_maximum']],
    ['internal', { kind: 'years', n: 50 }, '2024-01-01', {}, []],
    ['work_secret', { kind: 'indefinite' }, '2024-01-01', {}, []],
    ['internal', { kind: 'years', n: 0 }, '2024-01-01', {}, ['period_not_positive']],
    ['public', { kind: 'default' }, '2024-01-01', {}, []],
  ];
  for (const [level, period, issue, opts, expected] of checks) {
    const what = expected.length === 0 ? 'accepts' : `refuses (${expected.join(', ')})`;
    test(`R-LVL-02 checkPeriod ${what}: ${level} ${JSON.stringify(period)} issued ${issue} ${JSON.stringify(opts)}`, () => {
      assert.deepEqual(codes(level, period, issue, opts), expected);
    });
  }

  test('R-LVL-02 every checkPeriod violation is bilingual and names its rule and field', () => {
    const r = checkPeriod('secret', { kind: 'years', n: 21 }, '2024-01-01');
    assert.equal(r.ok, false);
    if (r.ok) return;
    const [v] = r.violations;
    assert.equal(v?.rule, 'R-LVL-02');
    assert.equal(v?.field, 'period');
    assert.match(v?.zh ?? '', /机密级事项的保密期限最长为20年/);
    assert.match(v?.en ?? '', /secret item may be kept secret for at most 20 years/);
  });

  test('R-LVL-02 property: a period within the maximum passes, one above fails', () => {
    const levels: StateSecretLevel[] = ['confidential', 'secret', 'top_secret'];
    fc.assert(
      fc.property(fc.constantFrom(...levels), fc.integer({ min: 1, max: 400 }), (level, months) => {
        const okay = months <= 12 * MAX_PERIOD_YEARS[level];
        assert.equal(checkPeriod(level, { kind: 'months', n: months }, '2024-02-29').ok, okay);
      }),
    );
  });

  test('R-LVL-02 property: a date period passes iff issue < date ≤ release of the maximum', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StateSecretLevel>('confidential', 'secret', 'top_secret'),
        fc.integer({ min: -5, max: 12_000 }),
        (level, offset) => {
          const issue = '2024-02-29';
          const date = addDays(issue, offset);
          const max = releaseDate(issue, { kind: 'default' }, level) ?? '';
          const expected = offset > 0 && date <= max;
          fc.pre(offset !== 0);
          assert.equal(checkPeriod(level, { kind: 'date', date }, issue).ok, expected);
        },
      ),
    );
  });

  test('R-LVL-02 isPeriod recognises the seven kinds and nothing else', () => {
    const good: unknown[] = [
      { kind: 'years', n: 1 },
      { kind: 'months', n: 1 },
      { kind: 'days', n: 1 },
      { kind: 'date', date: '2030-01-01' },
      { kind: 'condition', text: '项目验收后' },
      { kind: 'indefinite' },
      { kind: 'default' },
    ];
    for (const p of good) assert.ok(isPeriod(p), JSON.stringify(p));
    for (const p of [null, 'years', { kind: 'weeks', n: 1 }, { kind: 'years', n: '1' }, { kind: 'date' }]) {
      assert.equal(isPeriod(p), false, JSON.stringify(p));
    }
  });
});
