// Today's calendar day in China, for every module: terms, deadlines, certificates and absences are
// China days (Asia/Shanghai), whatever the server's own time zone.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlainDate } from '@baomi/domain';

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in China (YYYY-MM-DD): terms, certificates and absences are China days. */
const asOf = new AsyncLocalStorage<PlainDate>();

/**
 * The demo seeder only: runs `fn` as if today were `day`, so that a year of records is drafted,
 * checked and approved on the days the demo then moves them back to (a 6-month item issued last
 * spring was valid when it was designated). Nothing else sets it.
 */
export const asOfDay = <T>(day: PlainDate, fn: () => Promise<T>): Promise<T> => asOf.run(day, fn);

export function todayInChina(now?: Date): PlainDate {
  if (now === undefined) {
    const day = asOf.getStore();
    if (day) return day;
  }
  return CHINA_DAY.format(now ?? new Date());
}
