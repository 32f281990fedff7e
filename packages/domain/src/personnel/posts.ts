// 涉密人员, the core record: a classified post as registered (R-PER-01) and who counts as a Chinese
// citizen for the key-site rule (R-SITE-04). Pure functions; the server calls them before it writes.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import type { PersonClass } from './enums.ts';

/** The earliest date a post, a vetting or a fact is taken as a real record (older input is a typo). */
export const PERSONNEL_EARLIEST_DATE = '1950-01-01';
/** A post's name: at most this many characters (migration 0021 CHECK). */
export const POST_NAME_MAX = 100;

/** A classified post (涉密岗位) about to be registered: its name, class and the day it was taken up. */
export interface PostInput {
  name: string;
  personClass: PersonClass;
  since: PlainDate;
}

const v = (code: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule: 'R-PER-01',
  field,
  zh,
  en,
});

/**
 * R-PER-01: a post about to be registered (every violation): a name (not blanks or invisible
 * characters), at most 100 characters; a real start date, not before 1950 and not after today.
 */
export function checkPost(p: PostInput, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  if (!visible(p.name))
    out.push(v('post_name_missing', 'name', '须填写岗位名称', 'The post’s name is required'));
  else if ([...p.name].length > POST_NAME_MAX)
    out.push(
      v(
        'post_name_too_long',
        'name',
        `岗位名称不超过${POST_NAME_MAX}字`,
        `At most ${POST_NAME_MAX} characters`,
      ),
    );
  if (!isPlainDate(p.since) || compareDates(p.since, PERSONNEL_EARLIEST_DATE) < 0)
    out.push(
      v(
        'post_since_invalid',
        'since',
        '上岗日期无效（应为1950年以后的有效日期）',
        'The start date is not a valid date after 1950',
      ),
    );
  else if (compareDates(p.since, today) > 0)
    out.push(
      v(
        'post_since_future',
        'since',
        `上岗日期不能晚于今天（${today}）`,
        `The start date cannot be after today (${today})`,
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** Text with at least one visible character (not only blanks, control or zero-width characters). */
export function visible(text: string): boolean {
  return /[^\s\p{Cc}\p{Cf}]/u.test(text);
}

const CHINESE = new Set([
  '中国',
  '中华人民共和国',
  '中国籍',
  'cn',
  'chn',
  'china',
  "people's republic of china",
  'prc',
]);

/**
 * R-SITE-04: whether a person's recorded nationality (人员管理's 国籍, free text, default 中国) is Chinese
 * citizenship. Anything else — another country, 无国籍, an unreadable entry — is not: the key site
 * admits only a Chinese citizen, so doubt keeps the person out until the record is corrected.
 */
export function isChineseCitizen(nationality: string): boolean {
  return (
    CHINESE.has(nationality.replace(/[\s\p{Cf}]/gu, '').toLowerCase()) ||
    CHINESE.has(nationality.trim().toLowerCase())
  );
}
