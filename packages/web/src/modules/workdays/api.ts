// The work calendar's endpoints (server: packages/server/src/workdays). The types come from the
// contract (@baomi/api/workdays.ts), the one place they are written.
import type { CalendarDay, CalendarYear, DayInput, Deadline } from '@baomi/api/workdays.ts';
import { http, queryString } from '../../app/api.ts';

export type { CalendarDay, DayKind, Deadline } from '@baomi/api/workdays.ts';

const day = (date: string) => `/workdays/${encodeURIComponent(date)}`;

export const workdaysApi = {
  year: (year: number) => http.get<CalendarYear>('/workdays', { year }),
  set: (date: string, b: DayInput) => http.put<CalendarDay>(day(date), b),
  clear: (date: string) => http.del<unknown>(day(date)),
  deadline: (from: string, n: number) => http.get<Deadline>('/workdays/add', { from, n }),
  printUrl: (year: number) => `/api/workdays/print${queryString({ year })}`,
};
