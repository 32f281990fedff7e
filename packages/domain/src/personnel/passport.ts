// 涉密人员 passports (R-PER-06a): held by the organisation, lent for an approved trip, returned. A
// small ledger: the state follows from the steps, and each step is checked before it is written.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';

const L = (zh: string, en: string) => ({ zh, en });

export const PASSPORT_STEP_KINDS = ['deposit', 'lend', 'return', 'withdraw'] as const;
export type PassportStepKind = (typeof PASSPORT_STEP_KINDS)[number];
export const PASSPORT_STEP_LABELS: Record<PassportStepKind, { zh: string; en: string }> = {
  deposit: L('交存保管', 'Deposited'),
  lend: L('因出境借出', 'Lent for a trip'),
  return: L('归还', 'Returned'),
  withdraw: L('退还本人（不再集中保管）', 'Given back for good'),
};

/** Where a passport is: with the organisation, lent for a trip, or no longer held. */
export type PassportState =
  | { status: 'held' }
  | { status: 'lent'; tripId: string; lentOn: PlainDate; dueBack: PlainDate }
  | { status: 'not_held' };

/** R-PER-06a: a lent passport comes back within this many days after the trip's return (default 7). */
export const DEFAULT_PASSPORT_RETURN_DAYS = 7;

export interface PassportStep {
  kind: PassportStepKind;
  on: PlainDate;
  tripId?: string;
  dueBack?: PlainDate;
}

/** R-PER-06a: the state after the recorded steps, in order (a passport never deposited is `not_held`). */
export function passportState(steps: readonly PassportStep[]): PassportState {
  let s: PassportState = { status: 'not_held' };
  for (const x of steps) {
    if (x.kind === 'deposit' || x.kind === 'return') s = { status: 'held' };
    else if (x.kind === 'withdraw') s = { status: 'not_held' };
    else s = { status: 'lent', tripId: x.tripId ?? '', lentOn: x.on, dueBack: x.dueBack ?? x.on };
  }
  return s;
}

/** The trip a passport is lent for, as the exit module knows it. */
export interface TripForPassport {
  id: string;
  approved: boolean;
  departOn: PlainDate;
  returnOn: PlainDate;
}

/**
 * R-PER-06a: may the passport be lent on `today` for `trip`? Only while the organisation holds it, only
 * for an approved trip that has not ended; the due-back day is `returnDays` after the trip's return.
 */
export function checkPassportLoan(
  state: PassportState,
  trip: TripForPassport,
  today: PlainDate,
  returnDays = DEFAULT_PASSPORT_RETURN_DAYS,
): { ok: true; dueBack: PlainDate } | { ok: false; violations: RuleViolation[] } {
  const out: RuleViolation[] = [];
  const v = (code: string, field: string, zh: string, en: string) =>
    out.push({ code, rule: 'R-PER-06a', field, zh, en });
  if (state.status === 'lent')
    v(
      'passport_already_lent',
      'status',
      `证件已于${state.lentOn}借出，尚未归还`,
      `The passport was lent on ${state.lentOn} and has not come back`,
    );
  else if (state.status === 'not_held')
    v('passport_not_held', 'status', '证件不在本单位保管中', 'The organisation does not hold the passport');
  if (!trip.approved)
    v(
      'passport_trip_not_approved',
      'tripId',
      '出国（境）申请尚未批准',
      'The exit application is not approved',
    );
  if (!isPlainDate(trip.returnOn) || compareDates(trip.returnOn, today) < 0)
    v('passport_trip_over', 'tripId', `行程已于${trip.returnOn}结束`, `The trip ended on ${trip.returnOn}`);
  if (out.length) return { ok: false, violations: out };
  return { ok: true, dueBack: addDays(trip.returnOn, returnDays) };
}

/** R-PER-06a: a return (or deposit) can only follow a loan (or a passport not held). */
export function checkPassportReturn(state: PassportState, on: PlainDate, today: PlainDate): Check {
  if (state.status !== 'lent')
    return fail({
      code: 'passport_not_lent',
      rule: 'R-PER-06a',
      field: 'status',
      zh: '证件未借出，无需归还',
      en: 'The passport is not lent',
    });
  if (!isPlainDate(on) || compareDates(on, state.lentOn) < 0 || compareDates(on, today) > 0)
    return fail({
      code: 'passport_return_date_invalid',
      rule: 'R-PER-06a',
      field: 'on',
      zh: `归还日期应在借出日期（${state.lentOn}）与今天（${today}）之间`,
      en: `The return date lies between the loan (${state.lentOn}) and today (${today})`,
    });
  return ok;
}

/** R-PER-06a: a lent passport not back after its due day (a todo of the secrecy office). */
export function isPassportOverdue(state: PassportState, today: PlainDate): boolean {
  return state.status === 'lent' && compareDates(today, state.dueBack) > 0;
}
