// R-DES-08: the 即将到期 list — items whose period ends within a window, so an extension can be
// decided before expiry.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import type { Period } from '../levels/period.ts';
import { type DesignatedItem, EXPIRY_WINDOW_DEFAULT, EXPIRY_WINDOWS, expiringWithin } from './matter.ts';

type Row = DesignatedItem & { id: string };
const it = (id: string, issueDate: string, period: Period, extra: Partial<DesignatedItem> = {}): Row => ({
  id,
  level: 'secret',
  issueDate,
  period,
  ...extra,
});

describe('R-DES-08 expiringWithin', () => {
  const T = '2026-11-27';
  // [case, item, window, expected "endsOn/daysLeft" or null when left out]
  const cases: [string, Row, number, string | null][] = [
    ['ends today (last secret day)', it('a', '2025-11-27', { kind: 'years', n: 1 }), 30, '2026-11-27/0'],
    ['ends tomorrow', it('b', '2025-11-28', { kind: 'years', n: 1 }), 30, '2026-11-28/1'],
    ['already ended (released today)', it('c', '2025-11-26', { kind: 'years', n: 1 }), 30, null],
    ['ended long ago', it('d', '2020-01-01', { kind: 'years', n: 1 }), 90, null],
    [
      'month end: 31 Aug + 3 months ends 30 Nov',
      it('e', '2026-08-31', { kind: 'months', n: 3 }),
      30,
      '2026-11-30/3',
    ],
    ['6 months (the demo 2026-0048)', it('f', '2026-07-19', { kind: 'months', n: 6 }), 90, '2027-01-19/53'],
    ['6 months is outside a 30-day window', it('f2', '2026-07-19', { kind: 'months', n: 6 }), 30, null],
    [
      'a release date: the day before is the last',
      it('g', '2026-01-01', { kind: 'date', date: '2027-01-01' }),
      90,
      '2026-12-31/34',
    ],
    ['window end is inclusive', it('h', '2025-12-27', { kind: 'years', n: 1 }), 30, '2026-12-27/30'],
    ['one day past the window', it('i', '2025-12-28', { kind: 'years', n: 1 }), 30, null],
    ['长期 never expires', it('j', '2000-01-01', { kind: 'indefinite' }), 90, null],
    ['a condition has no date', it('k', '2026-01-01', { kind: 'condition', text: '项目验收后' }), 90, null],
    [
      'already released by decision',
      it('l', '2025-11-28', { kind: 'years', n: 1 }, { released: true }),
      30,
      null,
    ],
    [
      'an extension approved in time moves the end',
      it(
        'm',
        '2025-11-28',
        { kind: 'years', n: 1 },
        {
          periodChanges: [{ decidedOn: '2026-10-01', period: { kind: 'years', n: 2 }, approved: true }],
        },
      ),
      90,
      null,
    ],
    [
      'a refused extension does not',
      it(
        'n',
        '2025-11-28',
        { kind: 'years', n: 1 },
        {
          periodChanges: [{ decidedOn: '2026-10-01', period: { kind: 'years', n: 2 }, approved: false }],
        },
      ),
      90,
      '2026-11-28/1',
    ],
    [
      'default period of 秘密 (10 years)',
      it('o', '2016-12-01', { kind: 'default' }, { level: 'confidential' }),
      30,
      '2026-12-01/4',
    ],
  ];
  for (const [name, item, w, exp] of cases)
    test(name, () => {
      const got = expiringWithin([item], T, w).map((e) => `${e.endsOn}/${e.daysLeft}`);
      assert.deepEqual(got, exp === null ? [] : [exp]);
    });

  test('leap day 2028-02-29: 4 years from 2024-02-29, and one month from 2028-01-31', () => {
    const items = [
      it('p', '2024-02-29', { kind: 'years', n: 4 }),
      it('q', '2028-01-31', { kind: 'months', n: 1 }),
      it('r', '2027-02-28', { kind: 'years', n: 1 }),
    ];
    const got = expiringWithin(items, '2028-02-01', 30).map(
      (e) => `${e.item.id}:${e.endsOn}/${e.releaseDate}/${e.daysLeft}`,
    );
    assert.deepEqual(got, [
      'r:2028-02-28/2028-02-29/27',
      'p:2028-02-29/2028-03-01/28',
      'q:2028-02-29/2028-03-01/28',
    ]);
  });

  test('soonest first', () => {
    const items = [
      it('late', '2026-01-10', { kind: 'years', n: 1 }),
      it('soon', '2025-12-01', { kind: 'years', n: 1 }),
    ];
    assert.deepEqual(
      expiringWithin(items, T, 90).map((e) => e.item.id),
      ['soon', 'late'],
    );
  });

  test('the default window is one the list offers', () => {
    assert.ok((EXPIRY_WINDOWS as readonly number[]).includes(EXPIRY_WINDOW_DEFAULT));
  });

  for (const bad of [-1, 1.5, 367, Number.NaN])
    test(`window ${bad} is refused`, () => {
      assert.throws(
        () => expiringWithin([], T, bad),
        (e: unknown) => e instanceof DomainError && e.kind === 'invalid',
      );
    });
  test('a malformed today is refused', () => {
    assert.throws(() => expiringWithin([], '2026-13-01', 30), DomainError);
  });
});
