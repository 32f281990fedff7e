// 涉密人员 going abroad, the records around the check of exit.ts (R-PER-06a, R-FOR-04): the statuses of
// an application, the kinds of passports and permits the organisation holds, the unit's stored policy
// read safely, the briefing as the secrecy office registers it, the briefing condition at the leader's
// approval (D113), and the return report.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addYears, compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import {
  BRIEFING_TOPICS,
  type BriefingTopic,
  EXIT_POLICY_ACTIONS,
  type ExitKind,
  type MajorMatterKind,
} from './enums.ts';
import {
  type Briefing,
  briefingCovers,
  checkExitApplication,
  checkExitPolicy,
  DEFAULT_EXIT_POLICY,
  type ExitApplicationInput,
  type ExitCheck,
  type ExitPolicy,
} from './exit.ts';
import { impliedMajorMatter } from './matters.ts';

const L = (zh: string, en: string) => ({ zh, en });
type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** R-PER-06a: where an application stands (its approval's outcome). */
export const EXIT_STATUSES = ['pending', 'approved', 'returned', 'rejected', 'withdrawn'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];
export const EXIT_STATUS_LABELS: Labels<ExitStatus> = {
  pending: L('审批中', 'Under review'),
  approved: L('已批准', 'Approved'),
  returned: L('已退回', 'Returned'),
  rejected: L('未批准', 'Rejected'),
  withdrawn: L('已撤回', 'Withdrawn'),
};

/** R-PER-06a: the travel documents a unit keeps for its classified persons (证照). */
export const PASSPORT_KINDS = ['passport', 'official_passport', 'hk_macao', 'taiwan'] as const;
export type PassportKind = (typeof PASSPORT_KINDS)[number];
export const PASSPORT_KIND_LABELS: Labels<PassportKind> = {
  passport: L('普通护照', 'Passport'),
  official_passport: L('公务护照', 'Official passport'),
  hk_macao: L('往来港澳通行证', 'Mainland-HK/Macao permit'),
  taiwan: L('往来台湾通行证', 'Mainland-Taiwan permit'),
};
export const PASSPORT_STATUSES = ['held', 'lent', 'not_held'] as const;
export type PassportStatus = (typeof PASSPORT_STATUSES)[number];
export const PASSPORT_STATUS_LABELS: Labels<PassportStatus> = {
  held: L('单位保管', 'Held'),
  lent: L('已借出', 'Lent'),
  not_held: L('未保管', 'Not held'),
};

/**
 * R-PER-06a: a unit's stored exit policy, read safely: every key the stored value gets right is kept,
 * every other one takes the default (a policy is only ever written after checkExitPolicy).
 */
export function exitPolicyFrom(stored: unknown): ExitPolicy {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<
    Record<keyof ExitPolicy, unknown>
  >;
  const out: ExitPolicy = { ...DEFAULT_EXIT_POLICY };
  for (const k of ['coolingOff', 'carriers', 'briefing'] as const) {
    const v = s[k];
    if (typeof v === 'string' && (EXIT_POLICY_ACTIONS as readonly string[]).includes(v))
      out[k] = v as ExitPolicy[typeof k];
  }
  for (const k of ['maxDaysAhead', 'maxTripDays', 'returnReportDays'] as const) {
    const v = s[k];
    if (typeof v === 'number') {
      const next = { ...out, [k]: v };
      if (checkExitPolicy(next).ok) out[k] = v;
    }
  }
  return out;
}

/**
 * R-PER-06a, R-FOR-04 (D113): the check when the application is made or changed. The briefing is
 * usually given after the application and before departure, so at this point a missing or incomplete
 * briefing is always a flag (the approvers see it); the unit's briefing policy is applied when the
 * leader approves (checkBriefingAtApproval). Every other condition as the policy says.
 */
export function checkExitAtApply(
  a: ExitApplicationInput,
  policy: ExitPolicy = DEFAULT_EXIT_POLICY,
): ExitCheck {
  return checkExitApplication(a, { ...policy, briefing: 'flag' });
}

/**
 * R-FOR-04 (D113): at the leader's approval, the briefing condition under the unit's policy:
 * `refusal` when the policy refuses a trip without a signed full briefing in the year before departure,
 * `flag` when it lets it through, neither when a briefing covers the trip.
 */
export function checkBriefingAtApproval(
  briefings: readonly Briefing[],
  departOn: PlainDate,
  policy: Pick<ExitPolicy, 'briefing'> = DEFAULT_EXIT_POLICY,
): { refusal: RuleViolation | null; flag: RuleViolation | null } {
  const r = checkExitApplication(
    {
      kind: 'private',
      departOn,
      returnOn: departOn,
      today: departOn,
      coolingOff: [],
      carriersInCustody: 0,
      briefings,
      approvedTrips: [],
    },
    { ...DEFAULT_EXIT_POLICY, briefing: policy.briefing },
  );
  const pick = (xs: RuleViolation[]) => xs.find((x) => x.rule === 'R-FOR-04') ?? null;
  return { refusal: pick(r.refusals), flag: pick(r.flags) };
}

/** R-FOR-04: whether a briefing covers the trip (no missing topic). */
export const briefingCoversTrip = (briefings: readonly Briefing[], departOn: PlainDate): boolean =>
  briefingCovers(briefings, departOn)?.length === 0;

export interface BriefingInput {
  heldOn: PlainDate;
  topics: readonly string[];
  today: PlainDate;
}

/**
 * R-FOR-04: a briefing as registered: a real day, not in the future and not more than a year ago (an
 * older one covers no trip from today on; so 1900 and 9999 are refused), at least one topic, each one
 * of BRIEFING_TOPICS, none twice.
 */
export function checkBriefingInput(b: BriefingInput): Check {
  const out: RuleViolation[] = [];
  const v = (code: string, field: string, zh: string, en: string) =>
    out.push({ code, rule: 'R-FOR-04', field, zh, en });
  if (!isPlainDate(b.heldOn))
    v('briefing_date_invalid', 'heldOn', '保密提醒日期无效', 'The briefing date is not valid');
  else if (compareDates(b.heldOn, b.today) > 0)
    v(
      'briefing_in_future',
      'heldOn',
      `保密提醒日期（${b.heldOn}）晚于今天（${b.today}）`,
      `The briefing date (${b.heldOn}) is after today (${b.today})`,
    );
  else if (compareDates(addYears(b.heldOn, 1), b.today) < 0)
    v(
      'briefing_too_old',
      'heldOn',
      `保密提醒日期（${b.heldOn}）早于一年前，已不能覆盖今后的出国（境）`,
      `The briefing date (${b.heldOn}) is more than a year ago and covers no coming trip`,
    );
  if (b.topics.length === 0)
    v('briefing_no_topics', 'topics', '保密提醒至少应包含一项内容', 'A briefing covers at least one topic');
  const seen = new Set<string>();
  for (const t of b.topics) {
    if (!(BRIEFING_TOPICS as readonly string[]).includes(t))
      v('briefing_topic_unknown', 'topics', `未知的保密提醒内容：${t}`, `Unknown briefing topic: ${t}`);
    else if (seen.has(t)) v('briefing_topic_twice', 'topics', '保密提醒内容重复', 'A topic is listed twice');
    seen.add(t);
  }
  return out.length ? fail(...out) : ok;
}

export const asBriefingTopics = (xs: readonly string[]): BriefingTopic[] =>
  xs.filter((x): x is BriefingTopic => (BRIEFING_TOPICS as readonly string[]).includes(x));

/**
 * R-PER-06a: may the return report (回国（境）报告) be filed on `today`? Only for an approved trip, once,
 * and not before the departure (the report tells what happened abroad).
 */
export function checkReturnReport(
  trip: { status: string; departOn: PlainDate; reportedOn: PlainDate | null },
  today: PlainDate,
): { ok: true } | { ok: false; conflict: boolean; violation: RuleViolation } {
  const v = (conflict: boolean, code: string, zh: string, en: string) => ({
    ok: false as const,
    conflict,
    violation: { code, rule: 'R-PER-06a', field: 'report', zh, en },
  });
  if (trip.status !== 'approved')
    return v(
      true,
      'exit_not_approved',
      '出国（境）申请未获批准，无需回国报告',
      'The trip was not approved; no report is due',
    );
  if (trip.reportedOn !== null)
    return v(
      true,
      'return_report_filed',
      `回国（境）报告已于${trip.reportedOn}提交`,
      `The return report was filed on ${trip.reportedOn}`,
    );
  if (compareDates(today, trip.departOn) < 0)
    return v(
      false,
      'return_report_before_trip',
      `行程尚未开始（${trip.departOn}出境），不能提交回国（境）报告`,
      `The trip has not begun (departure ${trip.departOn}); no return report yet`,
    );
  return { ok: true };
}

/** R-PER-05, R-PER-06a: the major matter an approved trip implies (因私出国（境）), or null. */
export const impliedMatterOfTrip = (kind: ExitKind): MajorMatterKind | null => impliedMajorMatter(kind);

/**
 * R-PER-06a: a passport or permit registered into the unit's custody: its expiry a real day, not
 * already passed (an expired document is not kept for travel) and at most 20 years ahead (so 9999 is
 * refused; the longest Chinese passport is valid 10 years).
 */
export function checkPassportInput(p: { expiresOn: string; today: PlainDate }): Check {
  const v = (code: string, zh: string, en: string): Check =>
    fail({ code, rule: 'R-PER-06a', field: 'expiresOn', zh, en });
  if (!isPlainDate(p.expiresOn))
    return v('passport_expiry_invalid', '有效期至日期无效', 'The expiry date is not valid');
  if (compareDates(p.expiresOn, p.today) < 0)
    return v('passport_expired', `证件已于${p.expiresOn}过期`, `The document expired on ${p.expiresOn}`);
  if (compareDates(p.expiresOn, addYears(p.today, 20)) > 0)
    return v(
      'passport_expiry_too_far',
      `有效期至（${p.expiresOn}）超过20年，请核对`,
      `The expiry (${p.expiresOn}) is more than 20 years ahead`,
    );
  return ok;
}

/**
 * R-PER-06a: at the leader's approval, the trip must still not overlap a trip approved since it was
 * applied for (two applications may be pending at once); the refusal names the approved trip.
 */
export function checkOverlapAtApproval(
  trip: { departOn: PlainDate; returnOn: PlainDate },
  approvedTrips: readonly { id: string; departOn: PlainDate; returnOn: PlainDate }[],
): RuleViolation | null {
  const r = checkExitApplication(
    {
      kind: 'private',
      departOn: trip.departOn,
      returnOn: trip.returnOn,
      today: trip.departOn,
      coolingOff: [],
      carriersInCustody: 0,
      briefings: [],
      approvedTrips,
    },
    { ...DEFAULT_EXIT_POLICY, briefing: 'flag', maxTripDays: 1830 },
  );
  return r.refusals.find((x) => x.code === 'exit_overlaps_approved_trip') ?? null;
}
