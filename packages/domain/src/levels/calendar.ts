// Plain dates ('YYYY-MM-DD') on the proleptic Gregorian calendar, computed with integer
// arithmetic only: no Date object, so no time zone or daylight-saving surprises. Used by
// R-LVL-02 (periods run from the issue date shown on the carrier).

/** A calendar date without time or zone, written 'YYYY-MM-DD' (years 0001–9999). */
export type PlainDate = string;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year/month/day name a real day (year 1..9999). */
export function isValidDateParts(p: DateParts): boolean {
  return (
    Number.isInteger(p.year) &&
    Number.isInteger(p.month) &&
    Number.isInteger(p.day) &&
    p.year >= 1 &&
    p.year <= 9999 &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month)
  );
}

/** Parses 'YYYY-MM-DD' strictly (zero-padded, real day); null otherwise. */
export function parsePlainDate(text: string): DateParts | null {
  const m = PLAIN_DATE.exec(text);
  if (!m) return null;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDateParts(p) ? p : null;
}

export function isPlainDate(text: unknown): text is PlainDate {
  return typeof text === 'string' && parsePlainDate(text) !== null;
}

/** Formats parts as 'YYYY-MM-DD'; throws RangeError when they are not a real day in 0001..9999. */
export function formatPlainDate(p: DateParts): PlainDate {
  if (!isValidDateParts(p)) throw new RangeError(`not a date in 0001..9999: ${p.year}-${p.month}-${p.day}`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

/** Days since 1970-01-01 (negative before). Any integer year (H. Hinnant's days_from_civil). */
export function toDayNumber(p: DateParts): number {
  const y = p.month <= 2 ? p.year - 1 : p.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = p.month > 2 ? p.month - 3 : p.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + p.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(days: number): DateParts {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Adds n months; a day past the end of the target month is clamped to its last day. */
export function addMonthsToParts(p: DateParts, n: number): DateParts {
  const total = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(p.day, daysInMonth(year, month)) };
}

export function addDaysToParts(p: DateParts, n: number): DateParts {
  return fromDayNumber(toDayNumber(p) + n);
}

export function compareDateParts(a: DateParts, b: DateParts): number {
  return toDayNumber(a) - toDayNumber(b);
}

function parts(date: PlainDate): DateParts {
  const p = parsePlainDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return p;
}

/** 2024-01-31 + 1 month = 2024-02-29 (clamped to month end). Throws RangeError on a bad date. */
export function addMonths(date: PlainDate, n: number): PlainDate {
  return formatPlainDate(addMonthsToParts(parts(date), n));
}

/** 2024-02-29 + 1 year = 2025-02-28 (clamped to month end). Throws RangeError on a bad date. */
export function addYears(date: PlainDate, n: number): PlainDate {
  return addMonths(date, 12 * n);
}

export function addDays(date: PlainDate, n: number): PlainDate {
  return formatPlainDate(addDaysToParts(parts(date), n));
}

/** Negative, 0 or positive like a comparator. Throws RangeError on a bad date. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return Math.sign(compareDateParts(parts(a), parts(b)));
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toDayNumber(parts(b)) - toDayNumber(parts(a));
}
