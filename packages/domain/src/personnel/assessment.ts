// 涉密人员 yearly assessment (R-PER-07; seed 003 第三篇第十七条: keeping secrecy discipline, fulfilling
// secrecy duties and responsibility, receiving secrecy training): who is due, and the result a rating
// of the aspects allows.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import {
  ASPECT_RATING_LABELS,
  ASSESSMENT_ASPECT_LABELS,
  ASSESSMENT_ASPECTS,
  ASSESSMENT_RESULT_LABELS,
  ASSESSMENT_RESULTS,
  type AspectRating,
  type AssessmentAspect,
  type AssessmentResult,
} from './enums.ts';

/** R-PER-07: the day of the following year (MM-DD) by which a year's assessment is done. */
export interface AssessmentPolicy {
  dueBy: string;
}
export const DEFAULT_ASSESSMENT_POLICY: AssessmentPolicy = Object.freeze({ dueBy: '01-31' });

/** R-PER-07: the best overall result the aspects allow: a failed aspect fails, a partial one is 基本合格. */
export function bestAssessmentResult(ratings: Record<AssessmentAspect, AspectRating>): AssessmentResult {
  const rs = ASSESSMENT_ASPECTS.map((a) => ratings[a]);
  if (rs.includes('fails')) return 'fail';
  if (rs.includes('partly')) return 'basic';
  return 'excellent';
}

export interface AssessmentInput {
  year: number;
  ratings: Record<AssessmentAspect, AspectRating>;
  result: AssessmentResult;
  /** The person's training shortfall in that year (training.ts), in class hours. */
  trainingShortfall: number;
  /** The first year the person held a classified post. */
  firstYear: number;
}

/**
 * R-PER-07, R-PER-04: an assessment about to be recorded (every violation): a year that is over or
 * under way and not before the person's first year in post; the overall result no better than the
 * aspects allow; the training aspect not rated `meets` while the year shows a training shortfall.
 */
export function checkAssessment(a: AssessmentInput, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  const v = (code: string, rule: string, field: string, zh: string, en: string) =>
    out.push({ code, rule, field, zh, en });
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(a.year) || a.year > thisYear || a.year < a.firstYear)
    v(
      'assessment_year_invalid',
      'R-PER-07',
      'year',
      `考核年度应在${a.firstYear}至${thisYear}年之间`,
      `The year is from ${a.firstYear} to ${thisYear}`,
    );
  const best = bestAssessmentResult(a.ratings);
  if (ASSESSMENT_RESULTS.indexOf(a.result) < ASSESSMENT_RESULTS.indexOf(best)) {
    const weak = ASSESSMENT_ASPECTS.filter((x) => a.ratings[x] !== 'meets');
    v(
      'assessment_result_too_high',
      'R-PER-07',
      'result',
      `${weak.map((x) => `${ASSESSMENT_ASPECT_LABELS[x].zh}${ASPECT_RATING_LABELS[a.ratings[x]].zh}`).join('、')}，考核结果最高为${ASSESSMENT_RESULT_LABELS[best].zh}`,
      `${weak.map((x) => `${ASSESSMENT_ASPECT_LABELS[x].en}: ${ASPECT_RATING_LABELS[a.ratings[x]].en}`).join('; ')}: the result is at best ${ASSESSMENT_RESULT_LABELS[best].en}`,
    );
  }
  if (a.trainingShortfall > 0 && a.ratings.training === 'meets')
    v(
      'assessment_training_shortfall',
      'R-PER-04',
      'ratings.training',
      `${a.year}年度培训学时尚差${a.trainingShortfall}学时，“接受保密教育培训”不能评为符合要求`,
      `${a.year}: ${a.trainingShortfall} class hour(s) short, so training cannot be rated as meeting`,
    );
  return out.length ? fail(...out) : ok;
}

export interface AssessmentDue {
  year: number;
  dueOn: PlainDate;
  overdue: boolean;
}

/**
 * R-PER-07: the assessments a person is due on `today`: every year he held a classified post in
 * (`inPostYears`), that is over, and has no assessment; each due by `dueBy` of the following year.
 */
export function assessmentsDue(
  inPostYears: readonly number[],
  assessedYears: readonly number[],
  today: PlainDate,
  policy: AssessmentPolicy = DEFAULT_ASSESSMENT_POLICY,
): AssessmentDue[] {
  const thisYear = Number(today.slice(0, 4));
  const out: AssessmentDue[] = [];
  for (const y of [...new Set(inPostYears)].sort((a, b) => a - b)) {
    if (y >= thisYear || assessedYears.includes(y)) continue;
    const d = `${String(y + 1).padStart(4, '0')}-${policy.dueBy}`;
    const dueOn = isPlainDate(d) ? d : `${String(y + 1).padStart(4, '0')}-02-28`;
    out.push({ year: y, dueOn, overdue: compareDates(today, dueOn) > 0 });
  }
  return out;
}

/** R-PER-07: the calendar years a post held from `since` to `until` (null: still held) touches, up to today's. */
export function yearsInPost(since: PlainDate, until: PlainDate | null, today: PlainDate): number[] {
  const first = Number(since.slice(0, 4));
  const end = until && compareDates(until, today) < 0 ? until : today;
  const last = Number(end.slice(0, 4));
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
