import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { addDays, compareDates } from '../levels/calendar.ts';
import { SAMPLE_CALENDAR_2026 } from './sample-calendar-2026.fixture.ts';
import {
  addWorkingDays,
  checkWorkCalendar,
  isoWeekday,
  isWeekend,
  isWorkingDay,
  WEEKENDS_ONLY,
  type WorkCalendar,
  type WorkCalendarInput,
  workCalendar,
  workingDaysBetween,
} from './workdays.ts';

const CAL_2026 = workCalendar(SAMPLE_CALENDAR_2026);
const codes = (input: WorkCalendarInput) => {
  const r = checkWorkCalendar(input);
  return r.ok ? [] : r.violations.map((v) => v.code);
};

describe('R-DES-07 working-day calendar', () => {
  // [date, ISO weekday] written from a printed calendar.
  const weekdays: [string, number][] = [
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2024-02-29', 4],
    ['2026-01-01', 4],
    ['2026-02-14', 6],
    ['2026-02-17', 2],
    ['2026-10-01', 4],
    ['1969-12-31', 3],
    ['0001-01-01', 1],
  ];
  for (const [date, wd] of weekdays) {
    test(`R-DES-07 isoWeekday(${date}) = ${wd}`, () => assert.equal(isoWeekday(date), wd));
  }

  test('R-DES-07 the 2026 sample calendar (test fixture, sample data) is itself valid', () => {
    assert.deepEqual(checkWorkCalendar(SAMPLE_CALENDAR_2026), { ok: true });
  });

  const badCalendars: [string, WorkCalendarInput, string[]][] = [
    ['empty calendar is fine', { holidays: [], workingWeekends: [] }, []],
    ['holiday on a weekend is allowed', { holidays: ['2026-10-03'], workingWeekends: [] }, []],
    ['duplicates are harmless', { holidays: ['2026-10-01', '2026-10-01'], workingWeekends: [] }, []],
    [
      'date both holiday and working weekend',
      { holidays: ['2026-02-14'], workingWeekends: ['2026-02-14'] },
      ['calendar_date_conflict'],
    ],
    [
      'working weekend on a Wednesday',
      { holidays: [], workingWeekends: ['2026-02-18'] },
      ['working_weekend_not_weekend'],
    ],
    [
      'malformed dates in both lists',
      { holidays: ['2026-2-1', '2025-02-29'], workingWeekends: ['tomorrow'] },
      ['calendar_date_invalid', 'calendar_date_invalid', 'calendar_date_invalid'],
    ],
    [
      'every problem at once',
      { holidays: ['2026-02-28', 'x'], workingWeekends: ['2026-02-28', '2026-03-02'] },
      ['calendar_date_invalid', 'calendar_date_conflict', 'working_weekend_not_weekend'],
    ],
  ];
  for (const [name, input, expected] of badCalendars) {
    test(`R-DES-07 checkWorkCalendar: ${name}`, () => {
      assert.deepEqual(codes(input), expected);
      const r = checkWorkCalendar(input);
      if (!r.ok) for (const v of r.violations) assert.ok(v.zh && v.en && v.field && v.rule === 'R-DES-07');
    });
  }

  test('R-DES-07 workCalendar throws a DomainError with every violation', () => {
    assert.throws(
      () => workCalendar({ holidays: ['2026-02-14', 'x'], workingWeekends: ['2026-02-14'] }),
      (e: unknown) => e instanceof DomainError && e.kind === 'invalid' && e.details?.length === 2,
    );
  });

  // [date, working on WEEKENDS_ONLY, working on the 2026 sample]
  const working: [string, boolean, boolean][] = [
    ['2026-01-01', true, false], // 元旦 Thursday
    ['2026-01-04', false, true], // Sunday worked
    ['2026-02-13', true, true], // Friday before 春节
    ['2026-02-14', false, true], // Saturday worked (调休)
    ['2026-02-15', false, false], // Sunday, holiday anyway
    ['2026-02-17', true, false], // 初一, Tuesday
    ['2026-02-23', true, false], // last day off, Monday
    ['2026-02-24', true, true],
    ['2026-02-28', false, true], // Saturday worked
    ['2026-03-01', false, false], // Sunday
    ['2026-09-20', false, true], // Sunday worked before 国庆
    ['2026-10-01', true, false],
    ['2026-10-07', true, false],
    ['2026-10-08', true, true],
    ['2026-10-10', false, true],
    ['2026-10-11', false, false],
    ['2027-01-01', true, true], // outside the sample: weekdays only
  ];
  for (const [date, plain, sample] of working) {
    test(`R-DES-07 isWorkingDay(${date}): weekends-only ${plain}, 2026 sample ${sample}`, () => {
      assert.equal(isWorkingDay(date), plain);
      assert.equal(isWorkingDay(date, WEEKENDS_ONLY), plain);
      assert.equal(isWorkingDay(date, CAL_2026), sample);
    });
  }

  // [name, start, n, calendar, expected deadline]; worked by hand from a printed calendar.
  const adds: [string, string, number, WorkCalendar, string][] = [
    ['n = 0 is the date itself', '2026-02-15', 0, CAL_2026, '2026-02-15'],
    ['Friday + 1 = Monday', '2026-03-06', 1, WEEKENDS_ONLY, '2026-03-09'],
    ['Saturday + 1 = Monday (start day never counted)', '2026-03-07', 1, WEEKENDS_ONLY, '2026-03-09'],
    ['10 working days, weekends only', '2026-02-12', 10, WEEKENDS_ONLY, '2026-02-26'],
    // 13 F(1) 14 Sa调休(2) | 15–23 off | 24(3) 25(4) 26(5) 27(6) 28 Sa调休(7) | 2 Mar(8) 3(9) 4(10)
    ['10 working days across 春节 with 调休', '2026-02-12', 10, CAL_2026, '2026-03-04'],
    ['start inside 春节', '2026-02-17', 1, CAL_2026, '2026-02-24'],
    ['start on the last holiday', '2026-02-23', 10, CAL_2026, '2026-03-06'],
    // 29(1) 30(2) | 1–7 Oct off | 8(3) 9(4) 10 Sa调休(5) | 12(6) 13(7) 14(8) 15(9) 16(10)
    ['10 working days across 国庆', '2026-09-28', 10, CAL_2026, '2026-10-16'],
    // 20 Su调休(1) 21(2) 22(3) 23(4) 24(5) | 25–27 中秋 | 28(6) 29(7) 30(8) | 8 Oct(9) 9(10)
    ['10 working days across 中秋 and 国庆', '2026-09-18', 10, CAL_2026, '2026-10-09'],
    ['into the next year, 元旦 2026', '2025-12-30', 2, CAL_2026, '2026-01-04'],
    ['leap day is a working day (Thu)', '2024-02-28', 1, WEEKENDS_ONLY, '2024-02-29'],
    ['over the leap day', '2024-02-28', 2, WEEKENDS_ONLY, '2024-03-01'],
    ['no leap day in 2023', '2023-02-28', 1, WEEKENDS_ONLY, '2023-03-01'],
    ['2100 is not a leap year', '2100-02-26', 1, WEEKENDS_ONLY, '2100-03-01'],
    ['month end of a 30-day month', '2026-04-30', 1, WEEKENDS_ONLY, '2026-05-01'],
    ['month end into 劳动节', '2026-04-30', 1, CAL_2026, '2026-05-06'],
    ['year end, weekends only', '2024-12-31', 3, WEEKENDS_ONLY, '2025-01-03'],
    ['a long span: 250 working days', '2026-01-01', 250, WEEKENDS_ONLY, '2026-12-17'],
  ];
  for (const [name, start, n, cal, expected] of adds) {
    test(`R-DES-07 addWorkingDays(${start}, ${n}): ${name} → ${expected}`, () => {
      assert.equal(addWorkingDays(start, n, cal), expected);
      assert.equal(workingDaysBetween(start, expected, cal), n);
    });
  }

  // [from, to, calendar, working days in (from, to]]
  const between: [string, string, WorkCalendar, number][] = [
    ['2026-03-02', '2026-03-02', WEEKENDS_ONLY, 0],
    ['2026-03-02', '2026-03-03', WEEKENDS_ONLY, 1],
    ['2026-03-03', '2026-03-02', WEEKENDS_ONLY, -1],
    ['2026-03-06', '2026-03-08', WEEKENDS_ONLY, 0],
    ['2026-03-08', '2026-03-07', WEEKENDS_ONLY, 0], // backwards over a weekend: 0, not -0
    ['2026-02-01', '2026-02-28', WEEKENDS_ONLY, 20],
    ['2026-02-01', '2026-02-28', CAL_2026, 16], // 20 weekdays − 6 weekdays off (16–20, 23) + Sat 14 and 28 worked
    ['2026-01-01', '2026-12-31', WEEKENDS_ONLY, 260],
    ['2024-01-01', '2024-12-31', WEEKENDS_ONLY, 261], // leap year: 262 weekdays, Mon 1 Jan not counted
    ['2026-09-30', '2026-10-08', CAL_2026, 1],
    ['2026-10-08', '2026-09-30', CAL_2026, -1],
  ];
  for (const [from, to, cal, expected] of between) {
    test(`R-DES-07 workingDaysBetween(${from}, ${to}) = ${expected}`, () => {
      assert.equal(workingDaysBetween(from, to, cal), expected);
    });
  }

  const badArgs: [string, () => unknown][] = [
    ['negative n', () => addWorkingDays('2026-03-02', -1)],
    ['fractional n', () => addWorkingDays('2026-03-02', 1.5)],
    ['NaN', () => addWorkingDays('2026-03-02', Number.NaN)],
    ['malformed start', () => addWorkingDays('2026-3-2', 1)],
    ['malformed date', () => isWorkingDay('2026-02-30')],
    ['malformed from', () => workingDaysBetween('x', '2026-03-02')],
    ['malformed weekday', () => isWeekend('')],
  ];
  for (const [name, fn] of badArgs) {
    test(`R-DES-07 refuses ${name} with a bilingual DomainError`, () => {
      assert.throws(fn, (e: unknown) => e instanceof DomainError && e.kind === 'invalid' && e.zh !== '');
    });
  }
});

describe('R-DES-07 working days: properties', () => {
  const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addDays('2025-01-01', n));
  const weekdayDates = fc.uniqueArray(day, { maxLength: 40 });
  const calendar = fc.tuple(weekdayDates, weekdayDates).map(([h, w]): WorkCalendar => {
    const holidays = new Set(h.filter((d) => !isWeekend(d)));
    return {
      holidays,
      workingWeekends: new Set(w.filter((d) => isWeekend(d) && !holidays.has(d))),
    };
  });
  const anyCal = fc.oneof(fc.constant(WEEKENDS_ONLY), fc.constant(CAL_2026), calendar);
  const n = fc.integer({ min: 1, max: 60 });

  test('R-DES-07 addWorkingDays(d, n) is a working day for n ≥ 1', () => {
    fc.assert(fc.property(day, n, anyCal, (d, k, cal) => isWorkingDay(addWorkingDays(d, k, cal), cal)));
  });

  test('R-DES-07 addWorkingDays is strictly monotonic in n and later than d for n ≥ 1', () => {
    fc.assert(
      fc.property(day, n, n, anyCal, (d, a, b, cal) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addWorkingDays(d, lo, cal);
        const y = addWorkingDays(d, hi, cal);
        return compareDates(d, x) < 0 && (lo === hi ? x === y : compareDates(x, y) < 0);
      }),
    );
  });

  test('R-DES-07 workingDaysBetween inverts addWorkingDays and is additive', () => {
    fc.assert(
      fc.property(day, day, day, n, anyCal, (a, b, c, k, cal) => {
        assert.equal(workingDaysBetween(a, addWorkingDays(a, k, cal), cal), k);
        assert.equal(workingDaysBetween(a, b, cal), 0 - workingDaysBetween(b, a, cal));
        assert.equal(
          workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal),
          workingDaysBetween(a, c, cal),
        );
      }),
    );
  });

  test('R-DES-07 workingDaysBetween agrees with counting day by day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), anyCal, (a, len, cal) => {
        let count = 0;
        for (let i = 1; i <= len; i += 1) if (isWorkingDay(addDays(a, i), cal)) count += 1;
        return workingDaysBetween(a, addDays(a, len), cal) === count;
      }),
    );
  });
});
