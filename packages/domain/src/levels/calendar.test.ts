import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  isPlainDate,
  parsePlainDate,
  toDayNumber,
} from './calendar.ts';

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

describe('calendar (plain proleptic Gregorian dates)', () => {
  test('R-LVL-02 leap years: divisible by 4, not by 100 unless by 400', () => {
    assert.deepEqual([1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear), [
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  const valid: [string, boolean][] = [
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['0000-01-01', false],
    ['9999-12-31', true],
    ['2024-06-15T00:00', false],
  ];
  for (const [text, expected] of valid) {
    test(`R-LVL-02 isPlainDate(${text}) is ${expected}`, () => {
      assert.equal(isPlainDate(text), expected);
    });
  }

  const months: [string, number, string][] = [
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-01', 0, '2024-01-01'],
  ];
  for (const [from, n, to] of months) {
    test(`R-LVL-02 addMonths(${from}, ${n}) = ${to} (clamped to month end)`, () => {
      assert.equal(addMonths(from, n), to);
    });
  }

  const years: [string, number, string][] = [
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 100, '2124-02-29'],
    ['2096-02-29', 4, '2100-02-28'],
    ['2024-03-15', 20, '2044-03-15'],
  ];
  for (const [from, n, to] of years) {
    test(`R-LVL-02 addYears(${from}, ${n}) = ${to}`, () => {
      assert.equal(addYears(from, n), to);
    });
  }

  const days: [string, number, string][] = [
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-01-01', 90, '2024-03-31'],
    ['2023-01-01', 90, '2023-04-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['1970-01-01', 0, '1970-01-01'],
  ];
  for (const [from, n, to] of days) {
    test(`R-LVL-02 addDays(${from}, ${n}) = ${to}`, () => {
      assert.equal(addDays(from, n), to);
    });
  }

  test('R-LVL-02 day numbers: 1970-01-01 is 0, 2000-03-01 is 11017', () => {
    assert.equal(toDayNumber({ year: 1970, month: 1, day: 1 }), 0);
    assert.equal(toDayNumber({ year: 2000, month: 3, day: 1 }), 11017);
    assert.deepEqual(fromDayNumber(-1), { year: 1969, month: 12, day: 31 });
  });

  test('R-LVL-02 property: day numbers agree with Date.UTC and round-trip', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const p = parsePlainDate(d)!;
        const n = toDayNumber(p);
        const utc = new Date(0);
        utc.setUTCFullYear(p.year, p.month - 1, p.day);
        assert.equal(n, Math.floor(utc.getTime() / 86_400_000));
        assert.deepEqual(fromDayNumber(n), p);
      }),
    );
  });

  test('R-LVL-02 property: adding 12n months equals adding n years; months never overflow', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 50 }), (d, n) => {
        const p = parsePlainDate(d)!;
        fc.pre(p.year + n <= 9999);
        assert.equal(addYears(d, n), addMonths(d, 12 * n));
        const r = parsePlainDate(addMonths(d, n))!;
        assert.ok(r.day <= p.day);
      }),
    );
  });

  test('R-LVL-02 property: addDays and daysBetween are inverse; compareDates orders', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const p = parsePlainDate(d)!;
        fc.pre(p.year > 300 && p.year < 9700);
        const e = addDays(d, n);
        assert.equal(daysBetween(d, e), n);
        assert.equal(compareDates(d, e), Math.sign(-n) || 0);
      }),
    );
  });

  test('R-LVL-02 malformed dates throw RangeError in arithmetic', () => {
    assert.throws(() => addDays('2024-02-30', 1), RangeError);
    assert.throws(() => addYears('9999-12-31', 1), RangeError);
  });
});
