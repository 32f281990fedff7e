// 涉密人员 leaving a classified post (R-PER-06, R-CAR-08): the checklist the server enforces, and the
// off-post period (脱密期) with its calendar arithmetic. Pure functions, plain dates.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addMonths, compareDates, daysBetween, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { PERSON_CLASS_LABELS, PERSON_CLASSES, type PersonClass } from './enums.ts';

const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

// ---------------------------------------------------------------------------------------------
// R-PER-06, R-CAR-08: the leaving checklist
// ---------------------------------------------------------------------------------------------

/** What the record says about a person about to leave a post. */
export interface LeavingState {
  /** The day of the reminder talk (离岗保密提醒谈话), or null. */
  reminderTalkOn: PlainDate | null;
  /** The day the exit commitment (离岗离职保密承诺书) was registered as signed, or null. */
  exitCommitmentSignedOn: PlainDate | null;
  /** Carriers still in the person's custody (the carriers module counts them). */
  carriersInCustody: number;
  /** Some of those carriers, as a person would name them (名称、份号), for the message. */
  carrierNames?: readonly string[];
  /** Classified devices (computers, media) not yet returned. */
  devicesNotReturned: number;
  /** Whether the person's system access has been revoked. */
  accessRevoked: boolean;
}

const listed = (names: readonly string[] | undefined, sepZh: string): [string, string] => {
  if (!names?.length) return ['', ''];
  const shown = names.slice(0, 3);
  const more = names.length > 3 ? `等${names.length}件` : '';
  const moreEn = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return [`：${shown.join(sepZh)}${more}`, `: ${shown.join(', ')}${moreEn}`];
};

/**
 * R-PER-06, R-CAR-08: every item still missing before leaving a classified post is approved — the
 * reminder talk, the signed exit commitment, every carrier handed over (naming some of them), every
 * device returned, system access revoked. The server refuses the approval while any is missing.
 */
export function checkLeaving(s: LeavingState): Check {
  const out: RuleViolation[] = [];
  if (!s.reminderTalkOn)
    out.push(
      v(
        'leaving_reminder_talk_missing',
        'R-PER-06',
        'reminderTalkOn',
        '尚未进行离岗保密提醒谈话',
        'The reminder talk has not been held',
      ),
    );
  if (!s.exitCommitmentSignedOn)
    out.push(
      v(
        'leaving_exit_commitment_missing',
        'R-PER-06',
        'exitCommitmentSignedOn',
        '尚未签订离岗离职保密承诺书',
        'The exit commitment has not been signed',
      ),
    );
  if (s.carriersInCustody > 0) {
    const [zh, en] = listed(s.carrierNames, '、');
    out.push(
      v(
        'leaving_carriers_in_custody',
        'R-CAR-08',
        'carriersInCustody',
        `仍保管${s.carriersInCustody}件涉密载体，须全部清退移交${zh}`,
        `${s.carriersInCustody} carrier(s) still in custody must be handed over${en}`,
      ),
    );
  }
  if (s.devicesNotReturned > 0)
    out.push(
      v(
        'leaving_devices_not_returned',
        'R-PER-06',
        'devicesNotReturned',
        `尚有${s.devicesNotReturned}台（件）涉密设备未交还`,
        `${s.devicesNotReturned} device(s) not returned`,
      ),
    );
  if (!s.accessRevoked)
    out.push(
      v(
        'leaving_access_not_revoked',
        'R-PER-06',
        'accessRevoked',
        '信息系统权限尚未撤销',
        'System access has not been revoked',
      ),
    );
  return out.length ? fail(...out) : ok;
}

// ---------------------------------------------------------------------------------------------
// R-PER-06: the off-post period (脱密期)
// ---------------------------------------------------------------------------------------------

/** The length a unit may set for a class: 6 months to 5 years (R-PER-06). */
export const COOLING_OFF_MONTHS_MIN = 6;
export const COOLING_OFF_MONTHS_MAX = 60;

/** R-PER-06: the off-post period per class, in months. Defaults 核心 3 years, 重要 2, 一般 1. */
export type CoolingOffPolicy = Record<PersonClass, number>;
export const DEFAULT_COOLING_OFF_POLICY: CoolingOffPolicy = Object.freeze({
  core: 36,
  important: 24,
  general: 12,
});

/** R-PER-06: one length is a whole number of months from 6 to 60. */
export function checkCoolingOffMonths(months: number, field = 'months'): Check {
  return Number.isInteger(months) && months >= COOLING_OFF_MONTHS_MIN && months <= COOLING_OFF_MONTHS_MAX
    ? ok
    : fail(
        v(
          'cooling_off_out_of_range',
          'R-PER-06',
          field,
          `脱密期应为${COOLING_OFF_MONTHS_MIN}个月至5年（${COOLING_OFF_MONTHS_MAX}个月）之间的整月数`,
          `An off-post period is a whole number of months from ${COOLING_OFF_MONTHS_MIN} to 5 years (${COOLING_OFF_MONTHS_MAX})`,
        ),
      );
}

/** R-PER-06: a unit's policy: every class within bounds, and a higher class never shorter. */
export function checkCoolingOffPolicy(p: CoolingOffPolicy): Check {
  const out: RuleViolation[] = [];
  for (const c of PERSON_CLASSES) {
    const r = checkCoolingOffMonths(p[c], c);
    if (!r.ok) out.push(...r.violations);
  }
  if (out.length === 0 && (p.core < p.important || p.important < p.general))
    out.push(
      v(
        'cooling_off_order',
        'R-PER-06',
        'core',
        `脱密期应随涉密程度递增：${PERSON_CLASS_LABELS.core.zh} ≥ ${PERSON_CLASS_LABELS.important.zh} ≥ ${PERSON_CLASS_LABELS.general.zh}`,
        'Off-post periods grow with the class: core ≥ important ≥ general',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/**
 * R-PER-06 (D82): the last day of an off-post period of `months` from `approvedOn`. As 民法典
 * 第201、202条 count periods in months and years: the start day is not counted, the period ends on the
 * day of the last month that corresponds to the start day, and on that month's last day when it has no
 * such day. So 2028-02-29 + 2 years ends 2030-02-28, 2026-08-31 + 6 months ends 2027-02-28, and
 * 2026-03-15 + 1 year ends 2027-03-15. The person is in the period from `approvedOn` through this day
 * inclusive, and free on the next. Throws RangeError on a bad date.
 */
export function coolingOffEnd(approvedOn: PlainDate, months: number): PlainDate {
  return addMonths(approvedOn, months);
}

/** A change of the person's class during the period (a major matter showed he knew more, or less). */
export interface ClassChange {
  on: PlainDate;
  personClass: PersonClass;
}

/** The off-post period of one person: when it started, when it ends, and the class that set it. */
export interface CoolingOffPeriod {
  start: PlainDate;
  end: PlainDate;
  months: number;
  personClass: PersonClass;
}

/**
 * R-PER-06: the off-post period from the approval of leaving, for the class held on leaving, with
 * class changes decided during the period: the longer period stands. Every length counts from
 * `approvedOn`; a change after the period has ended does not reopen it; a lower class never shortens
 * it. `overrideMonths` (a length the unit set for this person, 6..60) replaces the class's length for
 * the class held on leaving.
 */
export function coolingOffPeriod(
  approvedOn: PlainDate,
  personClass: PersonClass,
  policy: CoolingOffPolicy = DEFAULT_COOLING_OFF_POLICY,
  changes: readonly ClassChange[] = [],
  overrideMonths?: number,
): CoolingOffPeriod {
  const months0 = overrideMonths ?? policy[personClass];
  let best: CoolingOffPeriod = {
    start: approvedOn,
    end: coolingOffEnd(approvedOn, months0),
    months: months0,
    personClass,
  };
  const ordered = [...changes].sort((a, b) => compareDates(a.on, b.on));
  for (const c of ordered) {
    if (compareDates(c.on, approvedOn) < 0 || compareDates(c.on, best.end) > 0) continue;
    const months = policy[c.personClass];
    const end = coolingOffEnd(approvedOn, months);
    if (compareDates(end, best.end) > 0)
      best = { start: approvedOn, end, months, personClass: c.personClass };
  }
  return best;
}

/** R-PER-06: whether `day` lies in the period (start and end days included). */
export function inCoolingOff(period: { start: PlainDate; end: PlainDate }, day: PlainDate): boolean {
  return compareDates(period.start, day) <= 0 && compareDates(day, period.end) <= 0;
}

/** R-PER-06: whether `day` lies in any of a person's off-post periods (one per post left). */
export function inAnyCoolingOff(
  periods: readonly { start: PlainDate; end: PlainDate }[],
  day: PlainDate,
): boolean {
  return periods.some((p) => inCoolingOff(p, day));
}

/** R-PER-06: the date leaving is approved: a real date, not after today. */
export function checkLeavingApprovalDate(approvedOn: PlainDate, today: PlainDate): Check {
  if (!isPlainDate(approvedOn) || compareDates(approvedOn, '1950-01-01') < 0)
    return fail(
      v(
        'leaving_date_invalid',
        'R-PER-06',
        'approvedOn',
        '批准离岗日期无效',
        'The approval date is not a valid date',
      ),
    );
  if (compareDates(approvedOn, today) > 0)
    return fail(
      v(
        'leaving_date_future',
        'R-PER-06',
        'approvedOn',
        `批准离岗日期不能晚于今天（${today}）：脱密期自批准之日起算`,
        `The approval date cannot be after today (${today}): the off-post period runs from it`,
      ),
    );
  return ok;
}

/** One line of the 脱密期 watch list. */
export interface CoolingOffWatchEntry {
  personId: string;
  start: PlainDate;
  end: PlainDate;
  /** Days from today to the last day (0 on the last day). */
  daysLeft: number;
}

/**
 * R-PER-06: the watch list on `today`: every person with an off-post period that includes today, with
 * the period that ends last (a person who left two posts appears once), soonest end first.
 */
export function coolingOffWatch(
  people: readonly { personId: string; periods: readonly { start: PlainDate; end: PlainDate }[] }[],
  today: PlainDate,
): CoolingOffWatchEntry[] {
  const out: CoolingOffWatchEntry[] = [];
  for (const p of people) {
    let best: { start: PlainDate; end: PlainDate } | null = null;
    for (const x of p.periods) {
      if (inCoolingOff(x, today) && (!best || compareDates(x.end, best.end) > 0)) best = x;
    }
    if (best)
      out.push({
        personId: p.personId,
        start: best.start,
        end: best.end,
        daysLeft: daysBetween(today, best.end),
      });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.personId.localeCompare(b.personId));
}
