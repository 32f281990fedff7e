// 涉密人员 commitments and letters (R-PER-03): which are due for a person given what is registered.
// Each missing one becomes a todo; the server generates the printable form and registers the signature.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { COMMITMENT_KIND_LABELS, type CommitmentKind } from './enums.ts';

/** One classified post a person holds or held (a person may hold two). */
export interface PersonPost {
  id: string;
  name: string;
  since: PlainDate;
  /** In a key department or location (R-PER-03: responsibility letter). */
  keySite: boolean;
  /** Leaving this post has been started (the checklist is under way) or approved. */
  leaving: boolean;
  /** The day leaving was approved (null: still in post). */
  leftOn: PlainDate | null;
}

/** A commitment or letter registered as signed. `postId` for per-post kinds, `year` for `yearly`. */
export interface SignedCommitment {
  kind: CommitmentKind;
  postId: string | null;
  year: number | null;
  signedOn: PlainDate;
}

/** R-PER-03 (D81): the day of the year (MM-DD) by which the yearly commitment is signed. */
export interface CommitmentPolicy {
  yearlyDueBy: string;
}
export const DEFAULT_COMMITMENT_POLICY: CommitmentPolicy = Object.freeze({ yearlyDueBy: '03-31' });

export interface DueCommitment {
  kind: CommitmentKind;
  postId: string | null;
  year: number | null;
  /** By when it should have been signed (null: before leaving is approved). */
  dueOn: PlainDate | null;
  overdue: boolean;
  rule: 'R-PER-03' | 'R-PER-06';
  zh: string;
  en: string;
}

/** A day of the year as MM-DD in `year`, clamped to 02-28 in a common year. */
const dayOfYear = (year: number, md: string): PlainDate => {
  const d = `${String(year).padStart(4, '0')}-${md}`;
  return isPlainDate(d) ? d : `${String(year).padStart(4, '0')}-02-28`;
};

/**
 * R-PER-03, R-PER-06: what a person still has to sign on `today`:
 * - `on_post` for each post he holds, due on the day he took it;
 * - `responsibility_letter` for each post in a key site, due on the day he took it;
 * - `yearly` for the current year when he has held a post since before 1 January, due by
 *   `yearlyDueBy` (an on-post commitment signed this year counts as this year's);
 * - `exit` for each post he is leaving or has left without one (overdue once leaving is approved).
 * Posts left are not asked for on-post or yearly commitments any more.
 */
export function commitmentsDue(
  posts: readonly PersonPost[],
  signed: readonly SignedCommitment[],
  today: PlainDate,
  policy: CommitmentPolicy = DEFAULT_COMMITMENT_POLICY,
): DueCommitment[] {
  const out: DueCommitment[] = [];
  const has = (kind: CommitmentKind, postId: string) =>
    signed.some((s) => s.kind === kind && s.postId === postId && compareDates(s.signedOn, today) <= 0);
  const current = posts.filter((p) => p.leftOn === null && compareDates(p.since, today) <= 0);
  for (const p of current) {
    for (const kind of ['on_post', 'responsibility_letter'] as const) {
      if (kind === 'responsibility_letter' && !p.keySite) continue;
      if (has(kind, p.id)) continue;
      const label = COMMITMENT_KIND_LABELS[kind];
      out.push({
        kind,
        postId: p.id,
        year: null,
        dueOn: p.since,
        overdue: compareDates(today, p.since) > 0,
        rule: 'R-PER-03',
        zh: `岗位“${p.name}”（${p.since}上岗）未签订${label.zh}`,
        en: `Post "${p.name}" (since ${p.since}): ${label.en.toLowerCase()} not signed`,
      });
    }
  }
  const year = Number(today.slice(0, 4));
  const jan1 = `${today.slice(0, 4)}-01-01`;
  if (current.some((p) => compareDates(p.since, jan1) < 0)) {
    const thisYears = signed.some(
      (s) =>
        compareDates(s.signedOn, today) <= 0 &&
        ((s.kind === 'yearly' && s.year === year) ||
          (s.kind === 'on_post' && Number(s.signedOn.slice(0, 4)) === year)),
    );
    if (!thisYears) {
      const dueOn = dayOfYear(year, policy.yearlyDueBy);
      out.push({
        kind: 'yearly',
        postId: null,
        year,
        dueOn,
        overdue: compareDates(today, dueOn) > 0,
        rule: 'R-PER-03',
        zh: `${year}年度${COMMITMENT_KIND_LABELS.yearly.zh}未签订（应于${dueOn}前）`,
        en: `Yearly commitment for ${year} not signed (due by ${dueOn})`,
      });
    }
  }
  for (const p of posts) {
    if (!(p.leaving || p.leftOn !== null) || has('exit', p.id)) continue;
    out.push({
      kind: 'exit',
      postId: p.id,
      year: null,
      dueOn: p.leftOn,
      overdue: p.leftOn !== null,
      rule: 'R-PER-06',
      zh: `离开岗位“${p.name}”未签订${COMMITMENT_KIND_LABELS.exit.zh}`,
      en: `Leaving post "${p.name}": exit commitment not signed`,
    });
  }
  return out;
}

/** R-PER-03: a signature about to be registered (every violation). */
export function checkSignedCommitment(
  s: SignedCommitment,
  today: PlainDate,
  postIds: readonly string[],
): Check {
  const out: RuleViolation[] = [];
  const v = (code: string, field: string, zh: string, en: string) =>
    out.push({ code, rule: 'R-PER-03', field, zh, en });
  if (!isPlainDate(s.signedOn) || compareDates(s.signedOn, '1950-01-01') < 0)
    v('commitment_date_invalid', 'signedOn', '签订日期无效', 'The signing date is not valid');
  else if (compareDates(s.signedOn, today) > 0)
    v(
      'commitment_date_future',
      'signedOn',
      `签订日期不能晚于今天（${today}）`,
      `The signing date cannot be after today (${today})`,
    );
  if (s.kind === 'yearly') {
    if (s.year === null || !Number.isInteger(s.year))
      v('commitment_year_missing', 'year', '年度承诺须写明年度', 'A yearly commitment names its year');
    else if (isPlainDate(s.signedOn) && Math.abs(Number(s.signedOn.slice(0, 4)) - s.year) > 1)
      v(
        'commitment_year_mismatch',
        'year',
        `年度（${s.year}）与签订日期（${s.signedOn}）不符`,
        `The year (${s.year}) does not match the signing date (${s.signedOn})`,
      );
  } else if (s.postId === null || !postIds.includes(s.postId)) {
    v('commitment_post_missing', 'postId', '须指明所针对的涉密岗位', 'The post it is for is required');
  }
  return out.length ? fail(...out) : ok;
}
