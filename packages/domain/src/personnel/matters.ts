// 涉密人员 major-matter reports (R-PER-05): the kinds (enums.ts) and the check of a report before it
// is recorded, by the person himself or by the secrecy officer for a matter known but not reported.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import type { MajorMatterKind, MajorMatterSource } from './enums.ts';

export interface MajorMatterReport {
  kind: MajorMatterKind;
  source: MajorMatterSource;
  /** When the matter happened or became known. */
  occurredOn: PlainDate;
  description: string;
}

/**
 * R-PER-05: a report about to be recorded (every violation): a real date not after today, a
 * description (always for `other`, and for a matter the officer records, so the person learns what
 * is held about him).
 */
export function checkMajorMatterReport(r: MajorMatterReport, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  const v = (code: string, field: string, zh: string, en: string) =>
    out.push({ code, rule: 'R-PER-05', field, zh, en });
  if (!isPlainDate(r.occurredOn) || compareDates(r.occurredOn, '1950-01-01') < 0)
    v('matter_date_invalid', 'occurredOn', '发生日期无效', 'The date is not valid');
  else if (compareDates(r.occurredOn, today) > 0)
    v(
      'matter_date_future',
      'occurredOn',
      `发生日期不能晚于今天（${today}）`,
      `The date cannot be after today (${today})`,
    );
  if ((r.kind === 'other' || r.source === 'officer') && !r.description.trim())
    v(
      'matter_description_missing',
      'description',
      r.kind === 'other' ? '“其他重大事项”须写明具体情况' : '保密工作机构登记的事项须写明具体情况',
      r.kind === 'other'
        ? 'An "other" matter needs a description'
        : 'A matter recorded by the office needs a description',
    );
  if (r.description.length > 2000)
    v('matter_description_too_long', 'description', '情况说明不超过2000字', 'At most 2000 characters');
  return out.length ? fail(...out) : ok;
}

/**
 * R-PER-05, R-PER-06a: the matters an approved private trip abroad implies: the trip itself is a
 * reported matter (因私出国（境）), so the approval registers it without a second report.
 */
export function impliedMajorMatter(exitKind: 'private' | 'official'): MajorMatterKind | null {
  return exitKind === 'private' ? 'private_travel_abroad' : null;
}
