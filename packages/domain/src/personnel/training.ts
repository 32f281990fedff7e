// 涉密人员 training (R-PER-04): class hours per person per year from the sessions he attended, the
// thresholds (configurable), the shortfall, and when the shortfall becomes a todo before year end.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';

const v = (code: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule: 'R-PER-04',
  field,
  zh,
  en,
});

/**
 * R-PER-04 (D81): the yearly minimum in class hours (学时) for every classified person, in working
 * days (工作日) for key-department and key-location staff, how a working day converts to class hours
 * (one full day of training = 6 class hours by default), and from which day of the year (MM-DD) a
 * shortfall becomes a todo.
 */
export interface TrainingPolicy {
  minHours: number;
  keySiteMinDays: number;
  hoursPerDay: number;
  remindFrom: string;
}
export const DEFAULT_TRAINING_POLICY: TrainingPolicy = Object.freeze({
  minHours: 4,
  keySiteMinDays: 3,
  hoursPerDay: 6,
  remindFrom: '10-01',
});

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** R-PER-04: a unit's training policy is within bounds (every violation). */
export function checkTrainingPolicy(p: TrainingPolicy): Check {
  const out: RuleViolation[] = [];
  const num = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;
  if (!num(p.minHours, 1, 200))
    out.push(
      v('training_min_hours_out_of_range', 'minHours', '每年最少学时应为1至200', 'Minimum hours: 1 to 200'),
    );
  if (!num(p.keySiteMinDays, 1, 30))
    out.push(
      v(
        'training_min_days_out_of_range',
        'keySiteMinDays',
        '要害部门部位人员每年最少工作日应为1至30',
        'Minimum working days of key-site staff: 1 to 30',
      ),
    );
  if (!num(p.hoursPerDay, 1, 8))
    out.push(
      v(
        'training_hours_per_day_out_of_range',
        'hoursPerDay',
        '每个工作日折算学时应为1至8',
        'Hours per working day: 1 to 8',
      ),
    );
  if (!MONTH_DAY.test(p.remindFrom) || !isPlainDate(`2023-${p.remindFrom}`))
    out.push(
      v(
        'training_remind_from_invalid',
        'remindFrom',
        '提醒起始日应为MM-DD（不可为2月29日）',
        'The reminder day is MM-DD (not 29 February)',
      ),
    );
  return out.length ? fail(...out) : ok;
}

/** One training session as recorded (topic, trainer and materials are the server's). */
export interface TrainingSession {
  heldOn: PlainDate;
  /** Class hours (学时), in half hours. */
  hours: number;
  attendeeIds: readonly string[];
}

/** R-PER-04: a session about to be recorded (every violation). */
export function checkTrainingSession(s: TrainingSession, today: PlainDate): Check {
  const out: RuleViolation[] = [];
  if (!isPlainDate(s.heldOn) || compareDates(s.heldOn, '1950-01-01') < 0)
    out.push(v('training_date_invalid', 'heldOn', '培训日期无效', 'The session date is not valid'));
  else if (compareDates(s.heldOn, today) > 0)
    out.push(
      v(
        'training_date_future',
        'heldOn',
        `培训日期不能晚于今天（${today}）：登记的是已举行的培训`,
        `The session date cannot be after today (${today}): only sessions held are recorded`,
      ),
    );
  if (!Number.isFinite(s.hours) || s.hours <= 0 || s.hours > 200 || !Number.isInteger(s.hours * 2))
    out.push(
      v(
        'training_hours_invalid',
        'hours',
        '学时应为大于0、不超过200的半小时整数倍',
        'Hours: more than 0, at most 200, in half hours',
      ),
    );
  if (s.attendeeIds.length === 0)
    out.push(v('training_attendees_missing', 'attendeeIds', '须登记参训人员', 'Attendees are required'));
  if (new Set(s.attendeeIds).size !== s.attendeeIds.length)
    out.push(v('training_attendee_duplicate', 'attendeeIds', '参训人员重复', 'An attendee is listed twice'));
  return out.length ? fail(...out) : ok;
}

/** R-PER-04: class hours a person attended in calendar year `year`, on or before `today`. */
export function trainingHours(
  personId: string,
  sessions: readonly TrainingSession[],
  year: number,
  today: PlainDate,
): number {
  let total = 0;
  for (const s of sessions) {
    if (Number(s.heldOn.slice(0, 4)) !== year || compareDates(s.heldOn, today) > 0) continue;
    if (s.attendeeIds.includes(personId)) total += s.hours;
  }
  return total;
}

/** R-PER-04: the class hours a person needs in a year: key-site staff the larger of the two minimums. */
export function requiredTrainingHours(
  keySiteStaff: boolean,
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): number {
  const base = policy.minHours;
  return keySiteStaff ? Math.max(base, policy.keySiteMinDays * policy.hoursPerDay) : base;
}

export interface TrainingStatus {
  year: number;
  required: number;
  attended: number;
  shortfall: number;
  /** A shortfall in the current year from the reminder day on, or in a past year: a todo. */
  todo: boolean;
}

/**
 * R-PER-04: a person's training in `year` as of `today`: hours required, attended, the shortfall (≥ 0),
 * and whether it is a todo (a shortfall in a year already over, or from `remindFrom` of the current
 * year). A later year than today's has nothing attended and is not a todo yet.
 */
export function trainingStatus(
  personId: string,
  keySiteStaff: boolean,
  sessions: readonly TrainingSession[],
  year: number,
  today: PlainDate,
  policy: TrainingPolicy = DEFAULT_TRAINING_POLICY,
): TrainingStatus {
  const required = requiredTrainingHours(keySiteStaff, policy);
  const attended = trainingHours(personId, sessions, year, today);
  const shortfall = Math.max(0, required - attended);
  const thisYear = Number(today.slice(0, 4));
  const todo =
    shortfall > 0 &&
    (year < thisYear || (year === thisYear && compareDates(today, `${year}-${policy.remindFrom}`) >= 0));
  return { year, required, attended, shortfall, todo };
}
