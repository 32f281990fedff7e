// Times are shown in China Standard Time whatever the browser's zone.
import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

export function formatTime(iso: string | null | undefined, withSeconds = true): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return d.tz(TZ).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** A picker value read as wall-clock time in Beijing, turned into an ISO instant. */
export function wallClockToIso(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), TZ).toISOString();
}

/** An ISO instant shown as a picker value holding Beijing wall-clock time. */
export function isoToWallClock(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TZ).format('YYYY-MM-DDTHH:mm:ss'));
}

export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
