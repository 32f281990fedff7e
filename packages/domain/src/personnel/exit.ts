// 涉密人员 going abroad (R-PER-06a, R-FOR-04): the exit-application check (refuse or flag, by the
// unit's policy), the briefing it needs, and the return report's due date. The approval chain itself
// (HR → secrecy office → leader) is EXIT_FLOW in approvals/flows.ts: one approval mechanism for all.
import { EXIT_FLOW } from '../approvals/flows.ts';
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import {
  addDays,
  addYears,
  compareDates,
  daysBetween,
  isPlainDate,
  type PlainDate,
} from '../levels/calendar.ts';
import {
  BRIEFING_TOPIC_LABELS,
  BRIEFING_TOPICS,
  type BriefingTopic,
  EXIT_POLICY_ACTIONS,
  type ExitKind,
  type ExitPolicyAction,
} from './enums.ts';

const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

/** R-PER-06a: the approval chain of an exit application, as data: HR → secrecy office → leader. */
export const EXIT_APPROVAL_FLOW = EXIT_FLOW;
export const EXIT_APPROVAL_CHAIN: readonly string[] = EXIT_FLOW.steps.map((s) => s.key);

/**
 * R-PER-06a (D83): how a unit handles the three linked conditions (refuse, or let the application
 * go to the approvers with a flag they see), the bounds on dates, and the return report.
 */
export interface ExitPolicy {
  coolingOff: ExitPolicyAction;
  carriers: ExitPolicyAction;
  briefing: ExitPolicyAction;
  /** How far ahead a departure may be applied for (days). */
  maxDaysAhead: number;
  /** The longest trip (days, departure to return inclusive). */
  maxTripDays: number;
  /** The return report is due this many days after the return date. */
  returnReportDays: number;
}
export const DEFAULT_EXIT_POLICY: ExitPolicy = Object.freeze({
  coolingOff: 'refuse',
  carriers: 'refuse',
  briefing: 'refuse',
  maxDaysAhead: 730,
  maxTripDays: 366,
  returnReportDays: 7,
});

/** R-PER-06a: a unit's exit policy is within bounds (every violation). */
export function checkExitPolicy(p: ExitPolicy): Check {
  const out: RuleViolation[] = [];
  for (const k of ['coolingOff', 'carriers', 'briefing'] as const) {
    if (!EXIT_POLICY_ACTIONS.includes(p[k]))
      out.push(
        v(
          'exit_policy_action_invalid',
          'R-PER-06a',
          k,
          '处理方式应为“拒绝”或“标注”',
          'The action is refuse or flag',
        ),
      );
  }
  const bounds: [keyof ExitPolicy, number, number, string, string][] = [
    ['maxDaysAhead', 1, 1830, '最远可提前申请天数', 'Days ahead'],
    ['maxTripDays', 1, 1830, '最长行程天数', 'Longest trip'],
    ['returnReportDays', 1, 90, '回国（境）后报告期限天数', 'Return report days'],
  ];
  for (const [k, lo, hi, zh, en] of bounds) {
    const x = p[k];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
      out.push(
        v(
          'exit_policy_out_of_range',
          'R-PER-06a',
          k,
          `${zh}应为${lo}至${hi}的整数`,
          `${en}: a whole number from ${lo} to ${hi}`,
        ),
      );
  }
  return out.length ? fail(...out) : ok;
}

/** R-FOR-04: a secrecy briefing (保密提醒) given to the person, with his signature. */
export interface Briefing {
  heldOn: PlainDate;
  topics: readonly BriefingTopic[];
  signedByPerson: boolean;
}

/** An already approved trip of the same person (the application under review is not among them). */
export interface ApprovedTrip {
  id: string;
  departOn: PlainDate;
  returnOn: PlainDate;
}

export interface ExitApplicationInput {
  kind: ExitKind;
  departOn: PlainDate;
  returnOn: PlainDate;
  today: PlainDate;
  /** The person's off-post periods (one per post left). */
  coolingOff: readonly { start: PlainDate; end: PlainDate }[];
  carriersInCustody: number;
  carrierNames?: readonly string[];
  briefings: readonly Briefing[];
  approvedTrips: readonly ApprovedTrip[];
}

/** Refusals stop the application (nothing is written); flags go with it to the approvers. */
export interface ExitCheck {
  ok: boolean;
  refusals: RuleViolation[];
  flags: RuleViolation[];
}

const overlaps = (a1: PlainDate, a2: PlainDate, b1: PlainDate, b2: PlainDate) =>
  compareDates(a1, b2) <= 0 && compareDates(b1, a2) <= 0;

/**
 * R-FOR-04: whether a briefing covers a trip departing on `departOn`: held on or before the departure,
 * less than a year before it (one briefing a year is enough for a person who travels often), signed by
 * the person, and covering every topic. Returns the missing topics of the best candidate (empty when
 * one covers the trip), or null when no briefing falls in the window at all.
 */
export function briefingCovers(briefings: readonly Briefing[], departOn: PlainDate): BriefingTopic[] | null {
  let best: BriefingTopic[] | null = null;
  for (const b of briefings) {
    if (!isPlainDate(b.heldOn) || compareDates(b.heldOn, departOn) > 0) continue;
    if (compareDates(addYears(b.heldOn, 1), departOn) <= 0) continue;
    if (!b.signedByPerson) continue;
    const missing = BRIEFING_TOPICS.filter((t) => !b.topics.includes(t));
    if (best === null || missing.length < best.length) best = missing;
  }
  return best;
}

/**
 * R-PER-06a, R-PER-06, R-CAR-08, R-FOR-04: checks an exit application. Always refused (bad input):
 * invalid dates, a return before the departure, a departure before today or more than `maxDaysAhead`
 * ahead (so 1900 and 9999 are refused), a trip longer than `maxTripDays`, an overlap with an already
 * approved trip (naming it). Refused or flagged by `policy`: a trip touching an off-post period
 * (naming its end), carriers still in custody (naming some), no signed full briefing in the year before
 * departure (naming the missing topics). Every reason is returned.
 */
export function checkExitApplication(
  a: ExitApplicationInput,
  policy: ExitPolicy = DEFAULT_EXIT_POLICY,
): ExitCheck {
  const refusals: RuleViolation[] = [];
  const flags: RuleViolation[] = [];
  const put = (action: ExitPolicyAction, x: RuleViolation) =>
    (action === 'refuse' ? refusals : flags).push(x);
  const R = 'R-PER-06a';
  const dOk = isPlainDate(a.departOn);
  const rOk = isPlainDate(a.returnOn);
  if (!dOk)
    refusals.push(v('exit_depart_invalid', R, 'departOn', '出境日期无效', 'The departure date is not valid'));
  if (!rOk)
    refusals.push(v('exit_return_invalid', R, 'returnOn', '返回日期无效', 'The return date is not valid'));
  if (!dOk || !rOk) return { ok: false, refusals, flags };
  if (compareDates(a.returnOn, a.departOn) < 0)
    refusals.push(
      v(
        'exit_return_before_depart',
        R,
        'returnOn',
        `返回日期（${a.returnOn}）早于出境日期（${a.departOn}）`,
        `The return date (${a.returnOn}) is before the departure (${a.departOn})`,
      ),
    );
  if (compareDates(a.departOn, a.today) < 0)
    refusals.push(
      v(
        'exit_depart_past',
        R,
        'departOn',
        `出境日期（${a.departOn}）早于今天（${a.today}）：出国（境）须事先审批`,
        `The departure (${a.departOn}) is before today (${a.today}): travel is approved beforehand`,
      ),
    );
  else if (daysBetween(a.today, a.departOn) > policy.maxDaysAhead)
    refusals.push(
      v(
        'exit_depart_too_far',
        R,
        'departOn',
        `出境日期（${a.departOn}）距今超过${policy.maxDaysAhead}天`,
        `The departure (${a.departOn}) is more than ${policy.maxDaysAhead} days ahead`,
      ),
    );
  else if (
    compareDates(a.returnOn, a.departOn) >= 0 &&
    daysBetween(a.departOn, a.returnOn) + 1 > policy.maxTripDays
  )
    refusals.push(
      v(
        'exit_trip_too_long',
        R,
        'returnOn',
        `行程超过${policy.maxTripDays}天`,
        `The trip is longer than ${policy.maxTripDays} days`,
      ),
    );
  const dateRefused = refusals.length > 0;
  if (!dateRefused) {
    for (const t of a.approvedTrips) {
      if (overlaps(a.departOn, a.returnOn, t.departOn, t.returnOn))
        refusals.push(
          v(
            'exit_overlaps_approved_trip',
            R,
            'departOn',
            `与已批准的出国（境）行程（${t.departOn}至${t.returnOn}）重叠`,
            `Overlaps an approved trip (${t.departOn} to ${t.returnOn})`,
          ),
        );
    }
    for (const p of a.coolingOff) {
      if (overlaps(a.departOn, a.returnOn, p.start, p.end))
        put(
          policy.coolingOff,
          v(
            'exit_in_cooling_off',
            'R-PER-06',
            'departOn',
            `行程处于脱密期内（${p.start}至${p.end}）`,
            `The trip falls in the off-post period (${p.start} to ${p.end})`,
          ),
        );
    }
    const covered = briefingCovers(a.briefings, a.departOn);
    if (covered === null)
      put(
        policy.briefing,
        v(
          'exit_briefing_missing',
          'R-FOR-04',
          'briefing',
          '出境前一年内无本人签字的保密提醒记录',
          'No secrecy briefing signed by the person in the year before departure',
        ),
      );
    else if (covered.length > 0)
      put(
        policy.briefing,
        v(
          'exit_briefing_incomplete',
          'R-FOR-04',
          'briefing',
          `保密提醒未涵盖：${covered.map((t) => BRIEFING_TOPIC_LABELS[t].zh).join('、')}`,
          `The briefing did not cover: ${covered.map((t) => BRIEFING_TOPIC_LABELS[t].en).join(', ')}`,
        ),
      );
  }
  if (a.carriersInCustody > 0) {
    const names = a.carrierNames ?? [];
    const shown = names.slice(0, 3);
    put(
      policy.carriers,
      v(
        'exit_carriers_in_custody',
        'R-CAR-08',
        'carriersInCustody',
        `仍保管${a.carriersInCustody}件涉密载体，须先清退${shown.length ? `：${shown.join('、')}` : ''}`,
        `${a.carriersInCustody} carrier(s) still in custody must be handed back first${shown.length ? `: ${shown.join(', ')}` : ''}`,
      ),
    );
  }
  return { ok: refusals.length === 0, refusals, flags };
}

/** R-PER-06a: the day the post-trip report is due: `returnReportDays` after the return date. */
export function returnReportDue(
  returnOn: PlainDate,
  policy: Pick<ExitPolicy, 'returnReportDays'> = DEFAULT_EXIT_POLICY,
): PlainDate {
  return addDays(returnOn, policy.returnReportDays);
}

/** R-PER-06a: whether the return report is overdue on `today` (none filed, due date passed). */
export function isReturnReportOverdue(
  returnOn: PlainDate,
  reportedOn: PlainDate | null,
  today: PlainDate,
  policy: Pick<ExitPolicy, 'returnReportDays'> = DEFAULT_EXIT_POLICY,
): boolean {
  return reportedOn === null && compareDates(today, returnReportDue(returnOn, policy)) > 0;
}
