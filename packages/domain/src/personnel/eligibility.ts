// 涉密人员: vetting (R-PER-01) and who may work in a key department or location (R-PER-02,
// R-SITE-04). Pure functions; the server records the facts and calls these, never re-derives them.
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, addMonths, compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { CLEARANCE_RANK, LEVEL_LABELS, LEVEL_RANK, type StateSecretLevel } from '../levels/level.ts';
import { CLEARANCE_LABELS, type Clearance } from '../orgs/enums.ts';
import {
  ELIGIBILITY_CONDITION_LABELS,
  type EligibilityCondition,
  KEY_SITE_KIND_LABELS,
  type KeySiteKind,
  PERMANENT_ELIGIBILITY_CONDITIONS,
  PERSON_CLASS_LABELS,
  PERSON_CLASS_RANK,
  PERSON_CLASSES,
  type PersonClass,
  type VettingResult,
} from './enums.ts';

const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

// ---------------------------------------------------------------------------------------------
// R-PER-01: classes and the class a person holds across posts
// ---------------------------------------------------------------------------------------------

/** R-PER-01: the higher of two classes (核心 > 重要 > 一般). */
export function higherClass(a: PersonClass, b: PersonClass): PersonClass {
  return PERSON_CLASS_RANK[a] >= PERSON_CLASS_RANK[b] ? a : b;
}

/**
 * R-PER-01: a person with two (or more) classified posts is managed at the highest class among them;
 * null when he holds none (he is no longer a classified person).
 */
export function effectiveClass(posts: readonly { personClass: PersonClass }[]): PersonClass | null {
  let out: PersonClass | null = null;
  for (const p of posts) out = out ? higherClass(out, p.personClass) : p.personClass;
  return out;
}

// ---------------------------------------------------------------------------------------------
// R-PER-01: vetting (涉密资格审查) and its validity
// ---------------------------------------------------------------------------------------------

/** One vetting as recorded: date, result, reviewer, and the class and clearance it was for. */
export interface Vetting {
  vettedOn: PlainDate;
  result: VettingResult;
  reviewer: string;
  personClass: PersonClass;
  clearance: Clearance;
}

/**
 * R-PER-01 (D80): how long a passed vetting stands before re-vetting (复审), in months per class,
 * and how many days before that date it shows as due. Defaults: 36 months for every class, 60 days.
 */
export interface VettingPolicy {
  validityMonths: Record<PersonClass, number>;
  dueSoonDays: number;
}
export const DEFAULT_VETTING_POLICY: VettingPolicy = Object.freeze({
  validityMonths: Object.freeze({ core: 36, important: 36, general: 36 }),
  dueSoonDays: 60,
});
/** The re-vetting interval a unit may set: 6 months to 5 years. */
export const VETTING_MONTHS_MIN = 6;
export const VETTING_MONTHS_MAX = 60;

/** R-PER-01 (D80): a unit's vetting policy is within bounds (every violation). */
export function checkVettingPolicy(p: VettingPolicy): Check {
  const out: RuleViolation[] = [];
  for (const c of PERSON_CLASSES) {
    const m = p.validityMonths[c];
    if (!Number.isInteger(m) || m < VETTING_MONTHS_MIN || m > VETTING_MONTHS_MAX)
      out.push(
        v(
          'vetting_interval_out_of_range',
          'R-PER-01',
          `validityMonths.${c}`,
          `${PERSON_CLASS_LABELS[c].zh}的复审间隔应为${VETTING_MONTHS_MIN}至${VETTING_MONTHS_MAX}个月的整数`,
          `The re-vetting interval of a ${PERSON_CLASS_LABELS[c].en.toLowerCase()} is a whole number of months from ${VETTING_MONTHS_MIN} to ${VETTING_MONTHS_MAX}`,
        ),
      );
  }
  if (!Number.isInteger(p.dueSoonDays) || p.dueSoonDays < 0 || p.dueSoonDays > 365)
    out.push(
      v(
        'vetting_window_out_of_range',
        'R-PER-01',
        'dueSoonDays',
        '复审提前提醒天数应为0至365的整数',
        'The re-vetting reminder is a whole number of days from 0 to 365',
      ),
    );
  return out.length ? fail(...out) : ok;
}

export type VettingState = 'missing' | 'failed' | 'insufficient' | 'valid' | 'due_soon' | 'expired';

export interface VettingStatus {
  state: VettingState;
  /** The vetting the state is about (the latest one on or before the day), if any. */
  vetting: Vetting | null;
  /** The last day the vetting stands (null when there is none that passed). */
  validUntil: PlainDate | null;
  /** Whether the person may work as a classified person on the day (valid or due soon). */
  valid: boolean;
}

/**
 * R-PER-01: the vetting status on `today` for a person of `personClass` cleared `clearance`. The latest
 * vetting on or before today decides (a later failed vetting withdraws an earlier pass). It stands
 * when it passed, was for this class or a higher one and for this clearance or a higher one, and
 * `today` is on or before `validUntil` = vettedOn + the class's interval (month ends clamped,
 * levels/calendar.ts). `due_soon` within `dueSoonDays` of that day; `insufficient`: it passed for a
 * lower class or clearance than the person now has, so he is vetted again before the change.
 */
export function vettingStatus(
  vettings: readonly Vetting[],
  personClass: PersonClass,
  clearance: Clearance,
  today: PlainDate,
  policy: VettingPolicy = DEFAULT_VETTING_POLICY,
): VettingStatus {
  let latest: Vetting | null = null;
  for (const x of vettings) {
    if (compareDates(x.vettedOn, today) > 0) continue;
    if (!latest || compareDates(x.vettedOn, latest.vettedOn) >= 0) latest = x;
  }
  if (!latest) return { state: 'missing', vetting: null, validUntil: null, valid: false };
  if (latest.result !== 'passed') return { state: 'failed', vetting: latest, validUntil: null, valid: false };
  const validUntil = addMonths(latest.vettedOn, policy.validityMonths[personClass]);
  if (
    PERSON_CLASS_RANK[latest.personClass] < PERSON_CLASS_RANK[personClass] ||
    CLEARANCE_RANK[latest.clearance] < CLEARANCE_RANK[clearance]
  )
    return { state: 'insufficient', vetting: latest, validUntil, valid: false };
  if (compareDates(today, validUntil) > 0)
    return { state: 'expired', vetting: latest, validUntil, valid: false };
  const soon = compareDates(addDays(today, policy.dueSoonDays), validUntil) >= 0;
  return { state: soon ? 'due_soon' : 'valid', vetting: latest, validUntil, valid: true };
}

const VETTING_STATE_TEXT: Record<Exclude<VettingState, 'valid' | 'due_soon'>, [string, string]> = {
  missing: ['未经涉密资格审查', 'has not been vetted'],
  failed: ['涉密资格审查未通过', 'did not pass the vetting'],
  insufficient: [
    '涉密资格审查所针对的类别或涉密等级低于现任，须重新审查',
    'was vetted for a lower class or clearance than he now holds and is vetted again',
  ],
  expired: ['涉密资格审查已过复审期限', 'is past the re-vetting date'],
};

/** R-PER-01: a vetting about to be recorded (every violation). */
export function checkVetting(x: Vetting, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  if (!isPlainDate(x.vettedOn))
    out.push(
      v(
        'vetting_date_invalid',
        'R-PER-01',
        'vettedOn',
        '审查日期无效',
        'The vetting date is not a valid date',
      ),
    );
  else if (compareDates(x.vettedOn, today) > 0)
    out.push(
      v(
        'vetting_date_future',
        'R-PER-01',
        'vettedOn',
        `审查日期不能晚于今天（${today}）`,
        `The vetting date cannot be after today (${today})`,
      ),
    );
  else if (compareDates(x.vettedOn, '1950-01-01') < 0)
    out.push(
      v(
        'vetting_date_invalid',
        'R-PER-01',
        'vettedOn',
        '审查日期早于1950年，不是有效的审查记录',
        'A vetting before 1950 is not a valid record',
      ),
    );
  if (!x.reviewer.trim())
    out.push(
      v('vetting_reviewer_missing', 'R-PER-01', 'reviewer', '须填写审查人', 'The reviewer is required'),
    );
  if (x.clearance === 'none')
    out.push(
      v(
        'vetting_clearance_none',
        'R-PER-01',
        'clearance',
        '涉密人员须有涉密等级（秘密、机密或绝密）',
        'A classified person holds a clearance (confidential, secret or top secret)',
      ),
    );
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-PER-02: eligibility conditions recorded as facts
// ---------------------------------------------------------------------------------------------

/** One recorded condition: since when, until when (only for conditions that can end), a note. */
export interface EligibilityFact {
  condition: EligibilityCondition;
  since: PlainDate;
  /** The first day the condition no longer holds (null: it still holds). */
  until: PlainDate | null;
  note: string;
}

/** R-PER-02: a fact about to be recorded (every violation). */
export function checkEligibilityFact(f: EligibilityFact, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  const label = ELIGIBILITY_CONDITION_LABELS[f.condition];
  // Not before 1950, as every other date of the record (posts, vettings, commitments): D131.
  if (!isPlainDate(f.since) || compareDates(f.since, '1950-01-01') < 0)
    out.push(
      v(
        'fact_date_invalid',
        'R-PER-02',
        'since',
        '起始日期无效（应为1950年以后的有效日期）',
        'The start date is not a valid date after 1950',
      ),
    );
  else if (compareDates(f.since, today) > 0)
    out.push(
      v(
        'fact_date_future',
        'R-PER-02',
        'since',
        `起始日期不能晚于今天（${today}）`,
        `The start date cannot be after today (${today})`,
      ),
    );
  if (f.until !== null) {
    if (PERMANENT_ELIGIBILITY_CONDITIONS.includes(f.condition))
      out.push(
        v(
          'fact_permanent',
          'R-PER-02',
          'until',
          `“${label.zh}”是已发生的事实，不因时间经过而解除`,
          `"${label.en}" is something that happened; it does not end with time`,
        ),
      );
    else if (!isPlainDate(f.until) || (isPlainDate(f.since) && compareDates(f.until, f.since) <= 0))
      out.push(
        v(
          'fact_until_invalid',
          'R-PER-02',
          'until',
          '解除日期须是起始日期之后的有效日期',
          'The end date must be a valid date after the start date',
        ),
      );
  }
  if (f.condition === 'other_unsuitable' && !f.note.trim())
    out.push(
      v(
        'fact_note_missing',
        'R-PER-02',
        'note',
        '“其他不适宜”须写明保密工作部门认定的理由',
        '"Found unsuitable" needs the secrecy office\'s reason',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** R-PER-02: whether a recorded fact holds on `day` (since ≤ day < until). */
export function factHolds(f: EligibilityFact, day: PlainDate): boolean {
  return compareDates(f.since, day) <= 0 && (f.until === null || compareDates(day, f.until) < 0);
}

// ---------------------------------------------------------------------------------------------
// R-PER-02, R-SITE-04, R-PER-01: placement in a key department or location
// ---------------------------------------------------------------------------------------------

/**
 * The minimal register of key sites (保密要害部门部位), the first piece of the key-sites module
 * (R-SITE-01…04 will add criteria, determination and annual review): name, department or location,
 * the department it belongs to, and the highest level it handles.
 */
export interface KeySite {
  name: string;
  kind: KeySiteKind;
  departmentId: string;
  level: StateSecretLevel;
}

/** R-SITE-01: a key site about to be registered (every violation). */
export function checkKeySite(s: KeySite): Check {
  const out: RuleViolation[] = [];
  if (!s.name.trim())
    out.push(v('key_site_name_missing', 'R-SITE-01', 'name', '须填写名称', 'The name is required'));
  if (s.name.length > 100)
    out.push(v('key_site_name_too_long', 'R-SITE-01', 'name', '名称不超过100字', 'At most 100 characters'));
  if (!s.departmentId)
    out.push(
      v(
        'key_site_department_missing',
        'R-SITE-01',
        'departmentId',
        '须指明所属部门（最小化确定到最小行政单位）',
        'The department it belongs to is required (determined at the smallest unit)',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** What placement looks at: the recorded facts, vetting, clearance, class, citizenship. */
export interface PlacementCandidate {
  facts: readonly EligibilityFact[];
  vettings: readonly Vetting[];
  personClass: PersonClass;
  clearance: Clearance;
  /** R-SITE-04: no foreigner works in (or enters) a key site. */
  chineseCitizen: boolean;
}

/**
 * R-PER-02, R-SITE-04, R-PER-01: may `person` be placed in `site` on `day`? Every blocking condition,
 * each naming the rule and the fact (with its date): a recorded condition holding on the day
 * (R-PER-02), no standing vetting (R-PER-02 未通过涉密资格审查, through R-PER-01), a clearance below the
 * level the site handles (R-PER-01), not a Chinese citizen (R-SITE-04).
 */
export function checkPlacement(person: PlacementCandidate, site: KeySite, day: PlainDate): Check {
  const out: RuleViolation[] = [];
  const where = KEY_SITE_KIND_LABELS[site.kind];
  const at = { zh: `${where.zh}“${site.name}”`, en: `${where.en.toLowerCase()} "${site.name}"` };
  for (const f of person.facts) {
    if (!factHolds(f, day)) continue;
    const label = ELIGIBILITY_CONDITION_LABELS[f.condition];
    const note = f.note.trim() ? `（${f.note.trim()}）` : '';
    const noteEn = f.note.trim() ? ` (${f.note.trim()})` : '';
    out.push(
      v(
        `ineligible_${f.condition}`,
        'R-PER-02',
        'facts',
        `${label.zh}（自${f.since}起登记）${note}，不得在${at.zh}工作`,
        `${label.en} (recorded since ${f.since})${noteEn}: may not work in the ${at.en}`,
      ),
    );
  }
  const vs = vettingStatus(person.vettings, person.personClass, person.clearance, day);
  if (vs.state !== 'valid' && vs.state !== 'due_soon') {
    const [zh, en] = VETTING_STATE_TEXT[vs.state];
    const when = vs.vetting ? `（${vs.vetting.vettedOn}）` : '';
    const whenEn = vs.vetting ? ` (${vs.vetting.vettedOn})` : '';
    out.push(
      v(
        `ineligible_vetting_${vs.state}`,
        'R-PER-02',
        'vettings',
        `${zh}${when}，不得在${at.zh}工作`,
        `The person ${en}${whenEn}: may not work in the ${at.en}`,
      ),
    );
  }
  if (CLEARANCE_RANK[person.clearance] < LEVEL_RANK[site.level])
    out.push(
      v(
        'ineligible_clearance',
        'R-PER-01',
        'clearance',
        `涉密等级（${CLEARANCE_LABELS[person.clearance].zh}）低于${at.zh}处理的密级（${LEVEL_LABELS[site.level].zh}）`,
        `Clearance ${CLEARANCE_LABELS[person.clearance].en} is below the level the ${at.en} handles (${LEVEL_LABELS[site.level].en})`,
      ),
    );
  if (!person.chineseCitizen)
    out.push(
      v(
        'ineligible_foreigner',
        'R-SITE-04',
        'chineseCitizen',
        `非中国公民不得进入或在${at.zh}工作`,
        `A person who is not a Chinese citizen may not enter or work in the ${at.en}`,
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** R-PER-02: the placement as the server enforces it: 409 with the first reason and every one in details. */
export function placementVerdict(person: PlacementCandidate, site: KeySite, day: PlainDate): Verdict {
  const c = checkPlacement(person, site, day);
  if (c.ok) return allowed;
  const [first] = c.violations;
  return refused('conflict', first as RuleViolation, c.violations);
}
