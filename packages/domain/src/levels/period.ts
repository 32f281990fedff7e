// R-LVL-02: secrecy periods (保密期限), their maxima, defaults and the release date they give.
import { type Check, DomainError, fail, ok, type RuleViolation } from '../errors.ts';
import {
  addDaysToParts,
  addMonthsToParts,
  compareDateParts,
  type DateParts,
  formatPlainDate,
  isValidDateParts,
  type PlainDate,
  parsePlainDate,
} from './calendar.ts';
import { isConditionText } from './condition.ts';
import { isStateSecret, LEVEL_LABELS, type Level, type StateSecretLevel } from './level.ts';

/**
 * A secrecy period. `default` is an item marked with its level alone (R-LVL-02: taken as the
 * level's maximum); `indefinite` is 长期; `date` is a 解密时间; `condition` is a 解密条件.
 */
export type Period =
  | { kind: 'years'; n: number }
  | { kind: 'months'; n: number }
  | { kind: 'days'; n: number }
  | { kind: 'date'; date: PlainDate }
  | { kind: 'condition'; text: string }
  | { kind: 'indefinite' }
  | { kind: 'default' };
export type PeriodKind = Period['kind'];
export type YearsPeriod = Extract<Period, { kind: 'years' }>;

export const PERIOD_KINDS = [
  'years',
  'months',
  'days',
  'date',
  'condition',
  'indefinite',
  'default',
] as const;
export const PERIOD_KIND_LABELS: Record<PeriodKind, { zh: string; en: string }> = {
  years: { zh: '年', en: 'Years' },
  months: { zh: '个月', en: 'Months' },
  days: { zh: '天', en: 'Days' },
  date: { zh: '解密时间', en: 'Release date' },
  condition: { zh: '解密条件', en: 'Release condition' },
  indefinite: { zh: '长期', en: 'Indefinite' },
  default: { zh: '默认期限（仅标密级）', en: 'Default period (level only)' },
};

/** R-LVL-02: maximum periods in years, unless the law says otherwise (保密法 2024 第20条). */
export const MAX_PERIOD_YEARS: Record<StateSecretLevel, number> = {
  top_secret: 30,
  secret: 20,
  confidential: 10,
};

const RULE = 'R-LVL-02';
const v = (code: string, zh: string, en: string, field = 'period'): RuleViolation => ({
  code,
  zh,
  en,
  field,
  rule: RULE,
});

/** Structural type guard for a Period received from outside (e.g. JSON). Does not check limits. */
export function isPeriod(value: unknown): value is Period {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  switch (p.kind) {
    case 'years':
    case 'months':
    case 'days':
      return typeof p.n === 'number';
    case 'date':
      return typeof p.date === 'string';
    case 'condition':
      return typeof p.text === 'string';
    case 'indefinite':
    case 'default':
      return true;
    default:
      return false;
  }
}

/**
 * R-LVL-02 (定密管理规定 Art 24): an item marked with its level alone is taken as 绝密 30 /
 * 机密 20 / 秘密 10 years. Null for levels that are not state secrets.
 */
export function defaultPeriod(level: StateSecretLevel): YearsPeriod;
export function defaultPeriod(level: Level): YearsPeriod | null;
export function defaultPeriod(level: Level): YearsPeriod | null {
  return isStateSecret(level) ? { kind: 'years', n: MAX_PERIOD_YEARS[level] } : null;
}

/** The period that actually applies: `default` becomes the level's maximum in years. */
export function resolvePeriod(level: Level, period: Period): Period {
  if (period.kind !== 'default') return period;
  return defaultPeriod(level) ?? period;
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 1;

function invalidPeriod(what: string): DomainError {
  return new DomainError(
    'invalid',
    v('period_invalid', `保密期限无效：${what}`, `Invalid secrecy period: ${what}`),
  );
}

/** Last day the item is still secret, as parts; null when no date follows from the period. */
function endParts(issue: DateParts, period: Period, level?: Level): DateParts | null {
  switch (period.kind) {
    case 'years':
    case 'months':
    case 'days':
      if (!isCount(period.n)) throw invalidPeriod(`n = ${period.n}`);
      if (period.kind === 'days') return addDaysToParts(issue, period.n);
      return addMonthsToParts(issue, period.kind === 'years' ? 12 * period.n : period.n);
    case 'date': {
      const d = parsePlainDate(period.date);
      if (!d) throw invalidPeriod(`date = ${JSON.stringify(period.date)}`);
      return addDaysToParts(d, -1);
    }
    case 'default': {
      const p = level === undefined ? null : defaultPeriod(level);
      return p ? addMonthsToParts(issue, 12 * p.n) : null;
    }
    case 'condition':
    case 'indefinite':
      return null;
  }
}

function issueParts(issueDate: PlainDate): DateParts {
  const p = parsePlainDate(issueDate);
  if (!p) {
    throw new DomainError(
      'invalid',
      v(
        'issue_date_invalid',
        `制发日期“${issueDate}”不是有效日期（YYYY-MM-DD）`,
        `Issue date "${issueDate}" is not a valid YYYY-MM-DD date`,
        'issueDate',
      ),
    );
  }
  return p;
}

function toPlain(p: DateParts | null): PlainDate | null {
  if (p === null) return null;
  if (!isValidDateParts(p)) throw invalidPeriod('the date falls outside 0001–9999');
  return formatPlainDate(p);
}

/**
 * R-LVL-02: the last day on which the item is still secret. A period of years or months ends on
 * the corresponding day (对应日) of the issue date, clamped to the month end when there is none
 * (2024-01-31 + 1 month → 2024-02-29; 2024-02-29 + 1 year → 2025-02-28); a period of n days ends
 * n days after the issue date (the issue day itself is not counted: 民法典 第201、202条). For a
 * release date (解密时间) it is the day before that date. `default` needs the level. Null for a
 * condition, 长期, or `default` without a state-secret level.
 * Throws a DomainError when the issue date or the period is malformed (run checkPeriod first).
 */
export function periodEnd(issueDate: PlainDate, period: Period, level?: Level): PlainDate | null {
  return toPlain(endParts(issueParts(issueDate), period, level));
}

/**
 * R-LVL-02: the first day on which the item is no longer secret (it is released at 00:00 of that
 * day). Convention: the anniversary (对应日) is still inside the period, so a duration is released
 * the day AFTER periodEnd: issued 2024-03-15 with 1年 → released 2025-03-16; issued 2024-01-31
 * with 1个月 → last day 2024-02-29, released 2024-03-01. A 解密时间 is the release date itself:
 * `机密★2030年12月31日` is released on 2030-12-31. Holidays do not move the date.
 * Null for a condition and for 长期 (released only by a decision), and for `default` without a
 * state-secret level. Throws a DomainError on a malformed issue date or period.
 */
export function releaseDate(issueDate: PlainDate, period: Period, level?: Level): PlainDate | null {
  return toPlain(releaseParts(issueParts(issueDate), period, level));
}

function releaseParts(issue: DateParts, period: Period, level?: Level): DateParts | null {
  if (period.kind === 'date') {
    const d = parsePlainDate(period.date);
    if (!d) throw invalidPeriod(`date = ${JSON.stringify(period.date)}`);
    return d;
  }
  const end = endParts(issue, period, level);
  return end && addDaysToParts(end, 1);
}

/**
 * Whether the period has run out on `today` (today ≥ releaseDate). False when no date follows
 * from the period (condition, 长期): those are released by a decision (R-DES-08).
 */
export function isReleasedOn(issueDate: PlainDate, period: Period, today: PlainDate, level?: Level): boolean {
  if (!parsePlainDate(today)) throw invalidPeriod(`today = ${JSON.stringify(today)} is not YYYY-MM-DD`);
  const r = releaseDate(issueDate, period, level);
  return r !== null && r <= today; // valid YYYY-MM-DD strings order like the dates they name
}

export interface CheckPeriodOptions {
  /** Whether the applicable 保密事项范围 allows 长期 for this matter (R-LVL-02). Default false. */
  indefiniteAllowed?: boolean;
}

const unitZh = { years: '年', months: '个月', days: '天' } as const;
const unitEn = { years: 'years', months: 'months', days: 'days' } as const;
const lower = (level: Level) => LEVEL_LABELS[level].en.toLowerCase();

/**
 * R-LVL-02: checks a period set for an item of `level` issued on `issueDate`; reports every
 * violation. For state-secret levels: a concrete period must be a whole number ≥ 1 and not exceed
 * the level's maximum (绝密 30 / 机密 20 / 秘密 10 years; months and days are measured by the
 * release date they give), a 解密时间 must be after the issue date and no later than the release
 * date of the maximum, a condition must be written out, and 长期 needs `indefiniteAllowed`.
 * For 公开/内部/工作秘密 the maximum and 长期 rules do not apply, only the form.
 */
export function checkPeriod(
  level: Level,
  period: Period,
  issueDate: PlainDate,
  opts: CheckPeriodOptions = {},
): Check {
  const out: RuleViolation[] = [];
  const issue = parsePlainDate(issueDate);
  if (!issue) {
    out.push(
      v(
        'issue_date_invalid',
        `制发日期“${issueDate}”不是有效日期（应为YYYY-MM-DD）`,
        `Issue date "${issueDate}" is not a valid date (expected YYYY-MM-DD)`,
        'issueDate',
      ),
    );
  }
  const state = isStateSecret(level);
  const max = state ? MAX_PERIOD_YEARS[level] : null;
  const lz = LEVEL_LABELS[level].zh;
  const le = lower(level);
  const maxRelease = issue && max !== null ? addDaysToParts(addMonthsToParts(issue, 12 * max), 1) : null;

  switch (period.kind) {
    case 'years':
    case 'months':
    case 'days': {
      const { n } = period;
      const uz = unitZh[period.kind];
      const ue = unitEn[period.kind];
      if (!Number.isFinite(n) || n <= 0) {
        out.push(
          v(
            'period_not_positive',
            `保密期限必须大于零，不能是${n}${uz}`,
            `The secrecy period must be greater than zero, not ${n} ${ue}`,
          ),
        );
      } else if (!Number.isSafeInteger(n)) {
        out.push(
          v(
            'period_not_integer',
            `保密期限应为整数${uz}，不能是${n}${uz}`,
            `The secrecy period must be a whole number of ${ue}, not ${n}`,
          ),
        );
      } else if (max !== null) {
        const tooLong =
          period.kind === 'years'
            ? n > max
            : period.kind === 'months'
              ? n > 12 * max
              : issue !== null &&
                maxRelease !== null &&
                compareDateParts(addDaysToParts(issue, n + 1), maxRelease) > 0;
        if (tooLong) {
          out.push(
            v(
              'period_exceeds_maximum',
              `${lz}级事项的保密期限最长为${max}年，${n}${uz}超过了上限`,
              `A ${le} item may be kept secret for at most ${max} years; ${n} ${ue} exceeds that`,
            ),
          );
        }
      }
      break;
    }
    case 'date': {
      const d = parsePlainDate(period.date);
      if (!d) {
        out.push(
          v(
            'release_date_invalid',
            `解密时间“${period.date}”不是有效日期（应为YYYY-MM-DD）`,
            `Release date "${period.date}" is not a valid date (expected YYYY-MM-DD)`,
            'period.date',
          ),
        );
      } else if (issue) {
        if (compareDateParts(d, issue) <= 0) {
          out.push(
            v(
              'release_date_not_after_issue',
              `解密时间${period.date}应晚于制发日期${issueDate}`,
              `Release date ${period.date} must be after the issue date ${issueDate}`,
              'period.date',
            ),
          );
        } else if (maxRelease && compareDateParts(d, maxRelease) > 0) {
          out.push(
            v(
              'release_date_beyond_maximum',
              `${lz}级事项的保密期限最长为${max}年：解密时间不能晚于${formatPlainDate(maxRelease)}，而不是${period.date}`,
              `A ${le} item may be kept secret for at most ${max} years: the release date cannot be later than ${formatPlainDate(maxRelease)}, not ${period.date}`,
              'period.date',
            ),
          );
        }
      }
      break;
    }
    case 'condition': {
      if (period.text.trim() === '') {
        out.push(
          v(
            'release_condition_empty',
            '解密条件不能为空，请写明在什么条件下解密',
            'The release condition is empty: state the condition under which the item is released',
            'period.text',
          ),
        );
      } else if (!isConditionText(period.text)) {
        out.push({
          ...v(
            'release_condition_unclear',
            `解密条件“${period.text}”无法与保密期限区分：请写明具体条件（至少两个汉字），或改用年、个月、天、解密时间或长期`,
            `Release condition "${period.text}" cannot be told from a period: write the condition out (at least two Chinese characters), or use years, months, days, a release date or indefinite`,
            'period.text',
          ),
          rule: 'R-LVL-03',
        });
      }
      break;
    }
    case 'indefinite':
      if (state && !opts.indefiniteAllowed) {
        out.push(
          v(
            'indefinite_not_allowed',
            '只有保密事项范围允许时才能将保密期限定为“长期”',
            'An indefinite period (长期) is allowed only where the applicable catalogue of secret matters allows it',
          ),
        );
      }
      break;
    case 'default':
      break;
  }
  return out.length === 0 ? ok : fail(...out);
}
