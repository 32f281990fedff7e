// The working-day calendar's use cases: the secrecy officer sets and clears days (checked by the
// domain's checkWorkCalendar, audited in the same transaction), and deadlines are counted on it.

import type { DayInput, DayKind } from '@baomi/api/workdays.ts';
import {
  addDays,
  addWorkingDays,
  checkWorkCalendar,
  compareDates,
  forbidden,
  invalid,
  notFound,
  type PlainDate,
  parsePlainDate,
  type RuleViolation,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getOrg, hasRootSecrecyBureau } from '../orgs/queries.ts';
import { type CalendarDay, deleteDay, enteredYears, getDay, loadWorkCalendar, upsertDay } from './queries.ts';

const DAY = { zh: '工作日历中的该日期', en: 'Calendar day' };
const RULE = 'R-DES-07';

/** A real 'YYYY-MM-DD' date, or a bilingual 400 naming `field`. */
export function requireDate(date: string, field: string): PlainDate {
  if (!parsePlainDate(date)) {
    throw invalid({
      code: 'calendar_date_invalid',
      zh: `“${date}”不是有效日期（应为YYYY-MM-DD）`,
      en: `"${date}" is not a valid date (expected YYYY-MM-DD)`,
      field,
      rule: RULE,
    });
  }
  return date;
}

/**
 * R-DES-07: the day as the secrecy office enters it, checked by checkWorkCalendar (a real date; a
 * 调休 working day must be a Saturday or a Sunday; a holiday on a weekend is fine). The violations
 * name the request's fields: `date`, and `kind` for a working weekend on a weekday.
 */
function checkDay(date: string, kind: DayKind): void {
  const check = checkWorkCalendar({
    holidays: kind === 'holiday' ? [date] : [],
    workingWeekends: kind === 'working_weekend' ? [date] : [],
  });
  if (check.ok) return;
  const violations: RuleViolation[] = check.violations.map((v) => ({
    ...v,
    field: v.code === 'working_weekend_not_weekend' ? 'kind' : 'date',
  }));
  throw invalid(violations[0]!, violations);
}

/**
 * R-DES-07: holidays and 调休 days are national, so the calendar is one for the deployment and belongs
 * to the secrecy bureau at the top of the tree: only its secrecy officers change it (a unit's officer
 * moved every unit's deadlines). Where no secrecy bureau heads a tree (a single enterprise), the
 * secrecy officers of the top organisation keep it. Units read it. (docs/decisions.md: no unit-level
 * extra working days.)
 */
export async function mayKeepCalendar(sql: Sql, orgId: string | null): Promise<boolean> {
  const org = orgId ? await getOrg(sql, orgId) : null;
  if (!org || org.parentId !== null) return false;
  return org.kind === 'secrecy_bureau' || !(await hasRootSecrecyBureau(sql));
}

const NOT_KEEPER = {
  code: 'calendar_not_keeper',
  rule: 'R-DES-07',
  zh: '工作日历由最上级保密行政管理部门的保密员统一维护，本单位只能查看',
  en: 'The work calendar is kept by the secrecy officers of the secrecy bureau at the top; units read it',
};

async function requireKeeper(sql: Sql, actor: Actor): Promise<void> {
  if (!(await mayKeepCalendar(sql, actor.orgId))) throw forbidden(NOT_KEEPER);
}

export async function setDay(sql: Sql, actor: Actor, date: string, input: DayInput): Promise<CalendarDay> {
  await requireKeeper(sql, actor);
  checkDay(date, input.kind);
  const name = input.name.trim();
  const before = await getDay(sql, date, true);
  if (before && before.kind === input.kind && before.name === name) return before; // nothing changes
  await upsertDay(sql, date, { kind: input.kind, name }, actor.id);
  await appendAudit(sql, actor, {
    action: 'work_calendar.set',
    objectType: 'work_calendar_day',
    objectId: date,
    summary: { date, kind: input.kind, name, from: before ? { kind: before.kind, name: before.name } : null },
  });
  return (await getDay(sql, date))!;
}

export async function clearDay(sql: Sql, actor: Actor, date: string): Promise<void> {
  await requireKeeper(sql, actor);
  requireDate(date, 'date');
  const before = await getDay(sql, date, true);
  if (!before) throw notFound(DAY, 'date');
  await deleteDay(sql, date);
  await appendAudit(sql, actor, {
    action: 'work_calendar.clear',
    objectType: 'work_calendar_day',
    objectId: date,
    summary: { date, kind: before.kind, name: before.name },
  });
}

export interface Deadline {
  from: PlainDate;
  n: number;
  /** The n-th working day after `from` (the start day not counted): "within n working days" ends on it. */
  deadline: PlainDate;
  /** Years the count ran through that have no entered day: counted with weekends alone. */
  unenteredYears: number[];
  warning: { zh: string; en: string } | null;
}

const yearOf = (d: PlainDate) => Number(d.slice(0, 4));

/**
 * R-DES-07: the deadline n working days after `from` on the stored calendar. The calendar is
 * loaded for a span long enough for the count, widened if holidays push the deadline past it.
 */
export async function workingDeadline(sql: Sql, from: string, n: number): Promise<Deadline> {
  requireDate(from, 'from');
  const step = n * 2 + 31;
  let to = addDays(from, step);
  let deadline: PlainDate;
  for (;;) {
    deadline = addWorkingDays(from, n, await loadWorkCalendar(sql, from, to));
    if (compareDates(deadline, to) <= 0) break;
    to = addDays(to, step);
  }
  const unenteredYears: number[] = [];
  if (n > 0) {
    const first = yearOf(addDays(from, 1));
    const last = yearOf(deadline);
    const entered = new Set(await enteredYears(sql, first, last));
    for (let y = first; y <= last; y++) if (!entered.has(y)) unenteredYears.push(y);
  }
  const warning = unenteredYears.length
    ? {
        zh: `${unenteredYears.join('、')}年的工作日历尚未录入，期限按仅周六、周日休息计算，请保密员核对`,
        en: `The work calendar of ${unenteredYears.join(', ')} has not been entered: the deadline counts weekends alone; ask the secrecy officer to check`,
      }
    : null;
  return { from, n, deadline, unenteredYears, warning };
}
