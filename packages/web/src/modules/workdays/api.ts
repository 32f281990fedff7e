// The work calendar's endpoints (server: packages/server/src/workdays).
import { type Bilingual, http, queryString } from '../../app/api.ts';

export type DayKind = 'holiday' | 'working_weekend';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  updatedAt: string;
  updatedByName: string | null;
}

export interface Deadline {
  from: string;
  n: number;
  deadline: string;
  unenteredYears: number[];
  warning: Bilingual | null;
}

const day = (date: string) => `/workdays/${encodeURIComponent(date)}`;

export const workdaysApi = {
  year: (year: number) => http.get<{ year: number; items: CalendarDay[] }>('/workdays', { year }),
  set: (date: string, b: { kind: DayKind; name: string }) => http.put<CalendarDay>(day(date), b),
  clear: (date: string) => http.del<unknown>(day(date)),
  deadline: (from: string, n: number) => http.get<Deadline>('/workdays/add', { from, n }),
  printUrl: (year: number) => `/api/workdays/print${queryString({ year })}`,
};
