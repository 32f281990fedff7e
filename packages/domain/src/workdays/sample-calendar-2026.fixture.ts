// SAMPLE DATA FOR TESTS — not an official calendar and not exported from the package.
// The 2026 public holidays and 调休 working weekends as we understand the State Council's
// arrangement for 2026 (国务院办公厅关于2026年部分节假日安排的通知). In Baomi the secrecy office
// enters the official calendar itself; nothing in the code ships or assumes these dates.
import type { WorkCalendarInput } from './workdays.ts';

const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  const [y, m, d0] = from.split('-').map(Number) as [number, number, number];
  const last = Number(to.slice(8));
  for (let d = d0; d <= last; d += 1)
    out.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  return out;
};

/** SAMPLE: 2026 holidays (放假) and 调休 working weekends (上班), for tests only. */
export const SAMPLE_CALENDAR_2026: WorkCalendarInput = {
  holidays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦: Thu 1 – Sat 3 Jan
    ...span('2026-02-15', '2026-02-23'), // 春节: Sun 15 – Mon 23 Feb (9 days)
    ...span('2026-04-04', '2026-04-06'), // 清明节: Sat 4 – Mon 6 Apr
    ...span('2026-05-01', '2026-05-05'), // 劳动节: Fri 1 – Tue 5 May
    ...span('2026-06-19', '2026-06-21'), // 端午节: Fri 19 – Sun 21 Jun
    ...span('2026-09-25', '2026-09-27'), // 中秋节: Fri 25 – Sun 27 Sep
    ...span('2026-10-01', '2026-10-07'), // 国庆节: Thu 1 – Wed 7 Oct
  ],
  workingWeekends: [
    '2026-01-04', // Sun, after 元旦
    '2026-02-14', // Sat, before 春节
    '2026-02-28', // Sat, after 春节
    '2026-05-09', // Sat, after 劳动节
    '2026-09-20', // Sun, before 国庆节
    '2026-10-10', // Sat, after 国庆节
  ],
};
