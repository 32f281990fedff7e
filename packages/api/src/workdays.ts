// The work calendar (工作日历, R-DES-07): the contract of /api/workdays. The worked example of a
// module contract: request schemas, response schemas and the types the web app imports.
import {
  Abilities,
  Bilingual,
  Enum,
  Int,
  Nullable,
  PlainDate,
  Req,
  type Static,
  Str,
  Timestamp,
  Type,
} from './common.ts';

import { DAY_KIND_LABELS, DAY_KINDS, LIMITS } from './workdays/labels.ts';

export { DAY_KIND_LABELS, DAY_KINDS, LIMITS };
export const DayKind = Enum(DAY_KINDS);
export type DayKind = Static<typeof DayKind>;

export const YearQuery = Req({ year: Type.Optional(Int(1900, 2200)) });
/** Any text: the service checks it with the domain and answers with its bilingual message. */
export const DateParams = Req({ date: Type.String({ minLength: 1, maxLength: 40 }) });
export const DeadlineQuery = Req({ from: Str(40), n: Int(0, 1000) });
export const DayInput = Req({ kind: DayKind, name: Str(LIMITS.name) });
export type DayInput = Static<typeof DayInput>;

export const CalendarDay = Type.Object({
  date: PlainDate,
  kind: DayKind,
  name: Type.String(),
  updatedAt: Timestamp,
  updatedByName: Nullable(Type.String()),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  items: Type.Array(CalendarDay),
  /** edit: the caller keeps the calendar (a secrecy officer of the secrecy bureau at the top, R-DES-07). */
  abilities: Abilities,
});
export type CalendarYear = Static<typeof CalendarYear>;

export const Deadline = Type.Object({
  from: PlainDate,
  n: Type.Integer(),
  /** The n-th working day after `from` (the start day not counted). */
  deadline: PlainDate,
  /** Years the count ran through that have no entered day: counted with weekends alone. */
  unenteredYears: Type.Array(Type.Integer()),
  warning: Nullable(Bilingual),
});
export type Deadline = Static<typeof Deadline>;
