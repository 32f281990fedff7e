// The working-day calendar in SQL. Dates travel as 'YYYY-MM-DD' text (to_char), never as JS Date:
// a date has no time zone, and the drivers would give it one.
import type { DayKind } from '@baomi/api/workdays.ts';
import { type PlainDate, type WorkCalendar, workCalendar } from '@baomi/domain';
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

export interface CalendarDay {
  date: PlainDate;
  kind: DayKind;
  name: string;
  updatedAt: Date;
  updatedByName: string | null;
}

const COLS = `to_char(d.day, 'YYYY-MM-DD') AS date, d.kind, d.name, d.updated_at AS "updatedAt",
  a.display_name AS "updatedByName"`;
const FROM = 'work_calendar_day d LEFT JOIN account a ON a.id = d.updated_by';

/** The entered days in [from, to], in date order. */
export const listDays = async (sql: Sql, from: PlainDate, to: PlainDate) =>
  (
    await sql.query<CalendarDay>(
      `SELECT ${COLS} FROM ${FROM} WHERE d.day BETWEEN $1::date AND $2::date ORDER BY d.day`,
      [from, to],
    )
  ).rows;

export const getDay = async (sql: Sql, date: PlainDate, lock = false) =>
  (
    await sql.query<CalendarDay>(
      `SELECT ${COLS} FROM ${FROM} WHERE d.day = $1::date${lock ? ' FOR UPDATE OF d' : ''}`,
      [date],
    )
  ).rows[0] ?? null;

/**
 * R-DES-07: the calendar between two dates (inclusive), for counting working days. Every module
 * that computes a working-day deadline loads its calendar here, so all count on the same days.
 * A stretch the secrecy office has not entered follows the week alone (WEEKENDS_ONLY).
 */
export async function loadWorkCalendar(sql: Sql, from: PlainDate, to: PlainDate): Promise<WorkCalendar> {
  const { rows } = await sql.query<{ date: PlainDate; kind: DayKind }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind FROM work_calendar_day
      WHERE day BETWEEN $1::date AND $2::date`,
    [from, to],
  );
  return workCalendar({
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    workingWeekends: rows.filter((r) => r.kind === 'working_weekend').map((r) => r.date),
  });
}

/** The years in [fromYear, toYear] that have at least one entered day. */
export async function enteredYears(sql: Sql, fromYear: number, toYear: number): Promise<number[]> {
  const { rows } = await sql.query<{ year: number }>(
    `SELECT DISTINCT extract(year FROM day)::int AS year FROM work_calendar_day
      WHERE day BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31) ORDER BY 1`,
    [fromYear, toYear],
  );
  return rows.map((r) => r.year);
}

/** Sets a day of the calendar (a holiday or a working weekend day), replacing what it was. */
export async function upsertDay(
  sql: Sql,
  date: PlainDate,
  d: { kind: DayKind; name: string },
  by: string | null,
): Promise<void> {
  await kdb(sql)
    .insertInto('work_calendar_day')
    .values({ day: date, kind: d.kind, name: d.name, updated_by: by, updated_at: k`now()` })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({
        kind: (eb) => eb.ref('excluded.kind'),
        name: (eb) => eb.ref('excluded.name'),
        updated_by: (eb) => eb.ref('excluded.updated_by'),
        updated_at: k`now()`,
      }),
    )
    .execute();
}

export async function deleteDay(sql: Sql, date: PlainDate): Promise<void> {
  await kdb(sql).deleteFrom('work_calendar_day').where('day', '=', date).execute();
}
