// R-LVL-03: the state-secret marking (国家秘密标志) `密级★保密期限`, `密级★解密时间`,
// `密级★解密条件`, or the level alone (R-LVL-02's default period).
//
// Canonical (printed) forms, one per period kind:
//   years       秘密★1年                 (Arabic digits, no leading zeros, no spaces)
//   months      机密★6个月
//   days        秘密★90天                (天, not 日: 日 is kept for dates)
//   date        机密★2030年12月31日       (month and day without leading zeros)
//   condition   机密★项目验收后            (see condition.ts for how a condition is recognised)
//   indefinite  绝密★长期
//   default     机密                     (level only)
//   released    机密★5年（解密）           (the old mark kept, full-width brackets, no space)
//
// Parsing is tolerant: ★ ☆ * ＊ as the star; ASCII, full-width and other spaces anywhere around
// the parts; full-width digits; leading zeros; 月 for 个月; 日 for 天; a 级 after the level
// (机密级); traditional 絕密/機密/長期/個月; dates also as 2030-12-31, 2030/12/31 or 2030.12.31;
// a trailing （解密） or (解密) marks a released item. Anything else is refused with a bilingual
// RuleViolation (rule R-LVL-03, field 'marking'). Parsing never throws.
import { invalid, type RuleViolation } from '../errors.ts';
import { isValidDateParts, parsePlainDate } from './calendar.ts';
import {
  asciiDigits,
  isConditionText,
  isIndefiniteLike,
  normalizeConditionText,
  RELEASED_SUFFIX,
} from './condition.ts';
import {
  isStateSecret,
  LEVEL_LABELS,
  type Level,
  levelFromLabel,
  STATE_SECRET_LEVELS,
  type StateSecretLevel,
} from './level.ts';
import type { Period } from './period.ts';

/** A state-secret marking: a state-secret level and its period (`default` = level only). */
export interface Marking {
  level: StateSecretLevel;
  period: Period;
}

export type ParseMarkingResult =
  | { ok: true; marking: Marking; released: boolean }
  | { ok: false; violation: RuleViolation };

export interface FormatMarkingOptions {
  /** A released (解密) item keeps its old mark with 解密 beside it: `机密★5年（解密）`. */
  released?: boolean;
}

export const STAR = '★';
/** What a released item's marking carries after the old mark (R-LVL-03). */
export const RELEASED_MARK = '（解密）';

const RULE = 'R-LVL-03';
const FORMS_ZH =
  '“秘密★1年”“机密★6个月”“秘密★90天”“绝密★长期”“机密★2030年12月31日”“机密★项目验收后”或仅“机密”';
const FORMS_EN =
  '"秘密★1年", "机密★6个月", "秘密★90天", "绝密★长期", "机密★2030年12月31日", "机密★<release condition>" or the level alone, "机密"';

function bad(code: string, zh: string, en: string): { ok: false; violation: RuleViolation } {
  return { ok: false, violation: { code, zh, en, field: 'marking', rule: RULE } };
}

const TRADITIONAL: Record<string, string> = { 絕: '绝', 機: '机', 長: '长', 個: '个', 級: '级' };
const simplify = (s: string) => s.replace(/[絕機長個級]/gu, (c) => TRADITIONAL[c] ?? c);
const CHINESE_NUMERALS = /[〇零一二三四五六七八九十百千万两兩半]/u;
const DURATION = /^(\d+)(年|个月|月|天|日)$/u;
const DATE_ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
const DATE_SEP = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/u;
const UNIT_KIND = { 年: 'years', 个月: 'months', 月: 'months', 天: 'days', 日: 'days' } as const;

/** Parses a marking tolerantly (see the file comment). Never throws. */
export function parseMarking(text: string): ParseMarkingResult {
  if (typeof text !== 'string') {
    return bad('marking_empty', '国家秘密标志为空', 'The marking is empty');
  }
  let s = asciiDigits(text).replace(/[☆*＊]/gu, STAR);
  let released = false;
  const suffix = RELEASED_SUFFIX.exec(s);
  if (suffix) {
    released = true;
    s = s.slice(0, suffix.index);
  }
  s = s.trim();
  if (s === '') {
    return bad(
      'marking_empty',
      `国家秘密标志为空：应写作${FORMS_ZH}`,
      `The marking is empty: write it as ${FORMS_EN}`,
    );
  }
  const parts = s.split(STAR);
  if (parts.length > 2) {
    return bad(
      'marking_multiple_stars',
      `国家秘密标志“${text}”中有多个“★”：密级与保密期限之间只能有一个“★”`,
      `The marking "${text}" has more than one star: only one ★ separates the level from the period`,
    );
  }
  const levelText = simplify((parts[0] ?? '').replace(/\s+/gu, '')).replace(/级$/u, '');
  const level = STATE_SECRET_LEVELS.find((l) => LEVEL_LABELS[l].zh === levelText);
  if (level === undefined) return badLevel(levelText, parts.length, text);
  if (parts.length === 1) return { ok: true, marking: { level, period: { kind: 'default' } }, released };

  const period = parsePeriodText(parts[1] ?? '', text);
  if (!period.ok) return period;
  return { ok: true, marking: { level, period: period.period }, released };
}

function badLevel(
  levelText: string,
  partCount: number,
  text: string,
): { ok: false; violation: RuleViolation } {
  if (levelText === '') {
    return bad(
      'marking_missing_level',
      `国家秘密标志“${text}”缺少密级：“★”前应为绝密、机密或秘密`,
      `The marking "${text}" has no level: 绝密, 机密 or 秘密 must come before the star`,
    );
  }
  const other = levelFromLabel(levelText);
  if (other !== null && !isStateSecret(other)) {
    return bad(
      'marking_not_state_secret',
      `“${LEVEL_LABELS[other].zh}”不是国家秘密密级，不加国家秘密标志（密级应为绝密、机密或秘密）`,
      `"${LEVEL_LABELS[other].zh}" (${LEVEL_LABELS[other].en}) is not a state-secret level and takes no state-secret marking (use 绝密, 机密 or 秘密)`,
    );
  }
  const prefix = STATE_SECRET_LEVELS.find((l) => levelText.startsWith(LEVEL_LABELS[l].zh));
  if (partCount === 1 && prefix !== undefined) {
    const zh = LEVEL_LABELS[prefix].zh;
    const hint = `${zh}${STAR}${levelText.slice(zh.length).replace(/^级/u, '')}`;
    return bad(
      'marking_missing_star',
      `国家秘密标志“${text}”缺少“★”：密级与保密期限之间应以“★”分隔，例如“${hint}”`,
      `The marking "${text}" lacks the star: separate the level and the period with ★, e.g. "${hint}"`,
    );
  }
  return bad(
    'marking_unknown_level',
    `无法识别国家秘密标志“${text}”的密级“${levelText}”：密级应为绝密、机密或秘密`,
    `Unknown level "${levelText}" in the marking "${text}": the level must be 绝密, 机密 or 秘密`,
  );
}

function parsePeriodText(
  raw: string,
  text: string,
): { ok: true; period: Period } | { ok: false; violation: RuleViolation } {
  const compact = simplify(raw.replace(/\s+/gu, ''));
  if (compact === '') {
    return bad(
      'marking_missing_period',
      `国家秘密标志“${text}”的“★”后缺少保密期限；只标密级时不写“★”`,
      `The marking "${text}" has nothing after the star; for the default period write the level alone, without ★`,
    );
  }
  if (compact === '长期') return { ok: true, period: { kind: 'indefinite' } };

  const dur = DURATION.exec(compact);
  if (dur) {
    const digits = (dur[1] ?? '').replace(/^0+/u, '');
    const unit = (dur[2] ?? '年') as keyof typeof UNIT_KIND;
    if (digits === '') {
      return bad(
        'marking_period_zero',
        `国家秘密标志“${text}”的保密期限为零`,
        `The marking "${text}" has a period of zero`,
      );
    }
    if (digits.length > 9) {
      return bad(
        'marking_period_too_large',
        `国家秘密标志“${text}”的保密期限数值过大`,
        `The period in the marking "${text}" is too large`,
      );
    }
    return { ok: true, period: { kind: UNIT_KIND[unit], n: Number(digits) } };
  }

  const date = DATE_ZH.exec(compact) ?? DATE_SEP.exec(compact);
  if (date) {
    const nums = date.slice(1).filter((x) => /^\d+$/u.test(x));
    const p = { year: Number(nums[0]), month: Number(nums[1]), day: Number(nums[2]) };
    if (!isValidDateParts(p)) {
      return bad(
        'marking_invalid_date',
        `国家秘密标志“${text}”中的解密时间不是有效日期`,
        `The release date in the marking "${text}" is not a real date`,
      );
    }
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    return {
      ok: true,
      period: { kind: 'date', date: `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}` },
    };
  }

  if (isIndefiniteLike(raw)) {
    return bad(
      'marking_indefinite_unclear',
      `国家秘密标志“${text}”中的“${raw.trim()}”含义不明：长期保密应写作“长期”`,
      `"${raw.trim()}" in the marking "${text}" is unclear: an indefinite period is written 长期`,
    );
  }
  if (isConditionText(raw))
    return { ok: true, period: { kind: 'condition', text: normalizeConditionText(raw) } };

  if (CHINESE_NUMERALS.test(compact)) {
    return bad(
      'marking_chinese_numerals',
      `国家秘密标志“${text}”的保密期限应使用阿拉伯数字，例如“10年”而不是“十年”`,
      `The period in the marking "${text}" must use Arabic digits, e.g. "10年" rather than "十年"`,
    );
  }
  return bad(
    'marking_malformed_period',
    `无法识别国家秘密标志“${text}”中的保密期限“${raw.trim()}”：应写作${FORMS_ZH}`,
    `Cannot read the period "${raw.trim()}" in the marking "${text}": write it as ${FORMS_EN}`,
  );
}

/** Canonical text of a period as it follows the star; '' for `default`. Throws on a malformed period. */
export function formatPeriod(period: Period): string {
  const count = (n: number, unit: string) => {
    if (!Number.isSafeInteger(n) || n < 1) throw malformed(`${n}${unit}`);
    return `${n}${unit}`;
  };
  switch (period.kind) {
    case 'years':
      return count(period.n, '年');
    case 'months':
      return count(period.n, '个月');
    case 'days':
      return count(period.n, '天');
    case 'date': {
      const p = parsePlainDate(period.date);
      if (!p) throw malformed(period.date);
      return `${String(p.year).padStart(4, '0')}年${p.month}月${p.day}日`;
    }
    case 'condition':
      if (!isConditionText(period.text)) throw malformed(period.text);
      return normalizeConditionText(period.text);
    case 'indefinite':
      return '长期';
    case 'default':
      return '';
  }
}

function malformed(what: string) {
  return invalid({
    code: 'marking_malformed_period',
    zh: `无法生成国家秘密标志：保密期限“${what}”无效`,
    en: `Cannot print a marking: the period "${what}" is not valid`,
    field: 'marking',
    rule: RULE,
  });
}

/**
 * Prints a marking canonically (see the file comment); with `released` the old mark is kept and
 * `（解密）` follows it. Throws a DomainError (R-LVL-03) when the marking could not be read back:
 * a level that is not a state secret, a count that is not a whole number ≥ 1, an invalid date, or
 * a condition that would read as a period.
 */
export function formatMarking(marking: Marking, opts: FormatMarkingOptions = {}): string {
  const level = marking.level as Level; // widened: a caller may pass an unchecked value
  if (!isStateSecret(level)) {
    throw invalid({
      code: 'marking_not_state_secret',
      zh: `“${LEVEL_LABELS[level].zh}”不是国家秘密密级，不加国家秘密标志`,
      en: `"${LEVEL_LABELS[level].en}" is not a state-secret level and takes no state-secret marking`,
      field: 'marking',
      rule: RULE,
    });
  }
  const period = formatPeriod(marking.period);
  const mark =
    period === '' ? LEVEL_LABELS[marking.level].zh : `${LEVEL_LABELS[marking.level].zh}${STAR}${period}`;
  return opts.released ? `${mark}${RELEASED_MARK}` : mark;
}
