// Working days (工作日) on the calendar the secrecy office maintains: public holidays (法定节假日)
// and 调休 working weekends on top of Monday–Friday. First needed by R-DES-07 (不明确事项: reported
// within 10 working days, decided within 10 working days); every working-day deadline in Baomi uses
// these functions and the same calendar. Plain dates only (levels/calendar.ts): no Date, no zone.
import { type Check, DomainError, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, type DateParts, type PlainDate, parsePlainDate, toDayNumber } from '../levels/calendar.ts';

const RULE = 'R-DES-07';

/**
 * The working-day calendar of one organisation (or of the country), as the secrecy office enters
 * it. `holidays`: days off that would otherwise be working days (a holiday that falls on a weekend
 * may be listed too, it changes nothing). `workingWeekends`: Saturdays or Sundays that are working
 * days (调休上班). Every date not listed follows the week: Monday–Friday work, Saturday–Sunday off.
 */
export interface WorkCalendar {
  readonly holidays: ReadonlySet<PlainDate>;
  readonly workingWeekends: ReadonlySet<PlainDate>;
}

/** The calendar as it is entered or stored: two lists of 'YYYY-MM-DD'. */
export interface WorkCalendarInput {
  holidays: readonly string[];
  workingWeekends: readonly string[];
}

/** The default calendar: weekends alone, no holidays, no 调休. */
export const WEEKENDS_ONLY: WorkCalendar = Object.freeze({
  holidays: new Set<PlainDate>(),
  workingWeekends: new Set<PlainDate>(),
});

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. Day 0, 1970-01-01, was a Thursday. */
const weekdayOf = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/** ISO day of the week: 1 = Monday … 7 = Sunday. Throws a DomainError on a malformed date. */
export function isoWeekday(date: PlainDate): number {
  return weekdayOf(toDayNumber(partsOf(date, 'date')));
}

export function isWeekend(date: PlainDate): boolean {
  return isoWeekday(date) >= 6;
}

const WEEKDAY_ZH = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * R-DES-07 (working-day calendar): checks a calendar before it is stored; reports every violation.
 * Each entry must be a real 'YYYY-MM-DD' date; no date may be both a holiday and a working weekend;
 * a working weekend (调休上班日) must be a Saturday or a Sunday. Duplicates are harmless.
 */
export function checkWorkCalendar(input: WorkCalendarInput): Check {
  const out: RuleViolation[] = [];
  const lists = [
    ['holidays', input.holidays, '节假日', 'holiday'],
    ['workingWeekends', input.workingWeekends, '调休上班日', 'working weekend'],
  ] as const;
  for (const [field, list, zh, en] of lists) {
    list.forEach((d, i) => {
      if (!parsePlainDate(d)) {
        out.push({
          code: 'calendar_date_invalid',
          zh: `${zh}“${d}”不是有效日期（应为YYYY-MM-DD）`,
          en: `${en} "${d}" is not a valid date (expected YYYY-MM-DD)`,
          field: `${field}[${i}]`,
          rule: RULE,
        });
      }
    });
  }
  const holidays = new Set(input.holidays);
  const reported = new Set<string>();
  input.workingWeekends.forEach((d, i) => {
    if (!parsePlainDate(d)) return;
    if (holidays.has(d) && !reported.has(d)) {
      reported.add(d);
      out.push({
        code: 'calendar_date_conflict',
        zh: `${d}不能既是节假日又是调休上班日`,
        en: `${d} cannot be both a holiday and a working weekend day`,
        field: `workingWeekends[${i}]`,
        rule: RULE,
      });
    }
    if (!isWeekend(d)) {
      const wd = isoWeekday(d);
      out.push({
        code: 'working_weekend_not_weekend',
        zh: `调休上班日${d}是${WEEKDAY_ZH[wd]}，本来就是工作日：只需登记调休上班的星期六、星期日`,
        en: `Working weekend day ${d} is a ${WEEKDAY_EN[wd]}, already a working day: list only Saturdays and Sundays worked under 调休`,
        field: `workingWeekends[${i}]`,
        rule: RULE,
      });
    }
  });
  return out.length === 0 ? ok : fail(...out);
}

/**
 * R-DES-07: builds a WorkCalendar from its stored form. Throws a DomainError ('invalid', with every
 * violation in `details`) when checkWorkCalendar refuses it.
 */
export function workCalendar(input: WorkCalendarInput): WorkCalendar {
  const check = checkWorkCalendar(input);
  if (!check.ok) {
    const first = check.violations[0]!;
    throw new DomainError('invalid', first, check.violations);
  }
  return { holidays: new Set(input.holidays), workingWeekends: new Set(input.workingWeekends) };
}

function partsOf(date: PlainDate, field: string): DateParts {
  const p = parsePlainDate(date);
  if (!p) {
    throw new DomainError('invalid', {
      code: 'date_invalid',
      zh: `“${date}”不是有效日期（应为YYYY-MM-DD）`,
      en: `"${date}" is not a valid date (expected YYYY-MM-DD)`,
      field,
      rule: RULE,
    });
  }
  return p;
}

function workingByNumber(dayNumber: number, date: PlainDate, cal: WorkCalendar): boolean {
  if (cal.holidays.has(date)) return false; // a holiday wins over everything
  if (cal.workingWeekends.has(date)) return true;
  return weekdayOf(dayNumber) <= 5;
}

/**
 * R-DES-07: whether `date` is a working day on `cal`: a listed holiday is not; a listed working
 * weekend is; otherwise Monday–Friday are and Saturday–Sunday are not. Throws a DomainError on a
 * malformed date.
 */
export function isWorkingDay(date: PlainDate, cal: WorkCalendar = WEEKENDS_ONLY): boolean {
  return workingByNumber(toDayNumber(partsOf(date, 'date')), date, cal);
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError('invalid', {
      code: 'working_days_invalid',
      zh: `工作日数必须是非负整数，不能是${n}`,
      en: `A number of working days must be a whole number ≥ 0, not ${n}`,
      field: 'n',
      rule: RULE,
    });
  }
}

/**
 * R-DES-07: the n-th working day AFTER `date` (the start day itself is never counted, 民法典 第201条).
 * "Within 10 working days of D" means "on or before addWorkingDays(D, 10)", the whole of that day
 * included. If the start day is a holiday or weekend nothing changes: counting starts the next day.
 * n = 0 gives `date` itself (even on a day off). Throws a DomainError for n < 0, a fraction, or a
 * malformed date.
 *   weekends only: Thu 2026-02-12 + 10 → Thu 2026-02-26;
 *   2026 Spring Festival (15–23 Feb off, Sat 14 and Sat 28 Feb worked): Thu 2026-02-12 + 10 → 2026-03-04.
 */
export function addWorkingDays(date: PlainDate, n: number, cal: WorkCalendar = WEEKENDS_ONLY): PlainDate {
  checkCount(n);
  partsOf(date, 'date');
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/** Monday–Friday days with day number in (a, b], a ≤ b. */
function weekdaysInRange(a: number, b: number): number {
  // weekdays in [epochMonday, x] for any x, counted from a Monday anchor: 1970-01-05 = day 4.
  const upTo = (x: number) => {
    const rel = x - 4; // days since the anchor Monday (may be negative)
    const weeks = Math.floor(rel / 7);
    const rest = rel - weeks * 7; // 0 = Monday … 6 = Sunday
    return weeks * 5 + Math.min(rest + 1, 5);
  };
  return upTo(b) - upTo(a);
}

/**
 * R-DES-07: the number of working days in (from, to]: `from` is not counted, `to` is. So
 * workingDaysBetween(d, addWorkingDays(d, n)) === n, workingDaysBetween(today, deadline) is the
 * number of working days left (0 on the deadline itself), and it is negative (−count of (to, from])
 * when `to` is before `from`, e.g. for an overdue deadline. Throws a DomainError on a malformed date.
 */
export function workingDaysBetween(
  from: PlainDate,
  to: PlainDate,
  cal: WorkCalendar = WEEKENDS_ONLY,
): number {
  const a = toDayNumber(partsOf(from, 'from'));
  const b = toDayNumber(partsOf(to, 'to'));
  if (b < a) return 0 - workingDaysBetween(to, from, cal); // 0 - x: never -0
  let count = weekdaysInRange(a, b);
  const inRange = (d: string) => {
    const p = parsePlainDate(d);
    if (!p) return null;
    const n = toDayNumber(p);
    return n > a && n <= b ? n : null;
  };
  for (const h of cal.holidays) {
    const n = inRange(h);
    if (n !== null && weekdayOf(n) <= 5) count -= 1; // a weekday taken off
  }
  for (const w of cal.workingWeekends) {
    const n = inRange(w);
    if (n !== null && !cal.holidays.has(w) && weekdayOf(n) >= 6) count += 1;
  }
  return count;
}
