// R-LVL-03: telling a release condition (解密条件) from a malformed period in a marking.
//
// Rule: the text after the star is a release condition when it is not a valid period form
// (N年 / N个月 / N天 / 长期 / a date) and contains at least TWO Chinese characters that are not
// number or period words (〇零一…十百千万两半, 年月日天个周). So `项目验收后`, `条约生效后`,
// `2026年项目验收后` are conditions, while `十年`, `5年后`, `3年6个月`, `5 years`, `abc` are
// malformed periods. Words that mean "forever" (永久, 无限期, …) or start with 长期 are refused as
// unclear: write 长期.

/** Characters a star may be written with: ★ ☆ * ＊ (printed as ★). */
export const STAR_CHARS = ['★', '☆', '*', '＊'] as const;
/** Matches any star variant. */
export const STAR_PATTERN = /[★☆*＊]/u;

/** Chinese characters that belong to numbers or period units, not to a condition. */
const PERIOD_HAN = new Set([...'〇零一二三四五六七八九十百千万两兩半年月日天个個周']);
const HAN = /\p{Script=Han}/u;

/** Words that try to say "forever" without using 长期. */
export const INDEFINITE_SYNONYMS = [
  '永久',
  '永久保密',
  '无限期',
  '無限期',
  '长久',
  '無期限',
  '无期限',
  '终身',
  '不限期',
];

/** Full-width digits ０-９ → ASCII 0-9. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

/** Canonical form of a condition text: ASCII digits, whitespace runs → one space, trimmed. */
export function normalizeConditionText(text: string): string {
  return asciiDigits(text).replace(/\s+/gu, ' ').trim();
}

export function countConditionHan(text: string): number {
  let n = 0;
  for (const c of text) if (HAN.test(c) && !PERIOD_HAN.has(c)) n += 1;
  return n;
}

/** `（解密）` or `(解密)` at the end of a marking. */
export const RELEASED_SUFFIX = /[（(]\s*解密\s*[）)]\s*$/u;

/** Whether the text (after normalisation) reads as a 'forever' word rather than a condition. */
export function isIndefiniteLike(text: string): boolean {
  const compact = text.replace(/\s+/gu, '').replace('長', '长');
  return compact.startsWith('长期') || INDEFINITE_SYNONYMS.includes(compact);
}

/**
 * Whether `text` can stand after the star as a release condition and be read back as one:
 * non-empty, no star, no trailing （解密）, not a 'forever' word, and at least two Chinese
 * characters that are not number or period words.
 */
export function isConditionText(text: string): boolean {
  const t = normalizeConditionText(text);
  if (t === '' || STAR_PATTERN.test(t)) return false;
  if (RELEASED_SUFFIX.test(t) || isIndefiniteLike(t)) return false;
  return countConditionHan(t) >= 2;
}
