// R-LVL-04: copy number (份号), six Arabic digits, e.g. `000123` (GB/T 9704-2012 7.2.1).
import { invalid, type RuleViolation } from '../errors.ts';
import { asciiDigits } from './condition.ts';

export const MIN_COPY_NUMBER = 1;
export const MAX_COPY_NUMBER = 999_999;

export type ParseCopyNumberResult = { ok: true; value: number } | { ok: false; violation: RuleViolation };

const RULE = 'R-LVL-04';

export function isCopyNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_COPY_NUMBER && n <= MAX_COPY_NUMBER;
}

/** 123 → '000123'. Throws a DomainError (R-LVL-04) outside 1..999999 or for a non-integer. */
export function formatCopyNumber(n: number): string {
  if (!isCopyNumber(n)) {
    throw invalid({
      code: 'copy_number_out_of_range',
      zh: `份号必须是1至999999之间的整数，不能是${n}`,
      en: `A copy number must be a whole number from 1 to 999999, not ${n}`,
      field: 'copyNumber',
      rule: RULE,
    });
  }
  return String(n).padStart(6, '0');
}

/**
 * Reads a copy number as printed: exactly six digits (ASCII or full-width), surrounding spaces
 * ignored; '000000' is refused. Shorter forms such as '123' are refused too, because the printed
 * copy number always has six digits. Never throws.
 */
export function parseCopyNumber(text: string): ParseCopyNumberResult {
  const t = typeof text === 'string' ? asciiDigits(text).trim() : '';
  if (!/^\d{6}$/u.test(t)) {
    return {
      ok: false,
      violation: {
        code: 'copy_number_malformed',
        zh: `份号“${text}”格式不正确：应为6位阿拉伯数字，例如“000123”`,
        en: `Copy number "${text}" is malformed: it must be six Arabic digits, e.g. "000123"`,
        field: 'copyNumber',
        rule: RULE,
      },
    };
  }
  const value = Number(t);
  if (value < MIN_COPY_NUMBER) {
    return {
      ok: false,
      violation: {
        code: 'copy_number_out_of_range',
        zh: '份号不能是000000，应从000001开始',
        en: 'A copy number cannot be 000000; numbering starts at 000001',
        field: 'copyNumber',
        rule: RULE,
      },
    };
  }
  return { ok: true, value };
}
