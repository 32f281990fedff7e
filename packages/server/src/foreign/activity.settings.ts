// The unit's settings of the activities part (the settings mechanism: one key per organisation):
// R-FOR-02 threshold of foreign participants, R-FOR-04 briefing validity (once a year), the todos' horizons.
import { DEFAULT_BRIEFING_VALID_MONTHS, DEFAULT_MAJOR_FOREIGN_COUNT } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { readSetting } from '../settings/queries.ts';

export interface ForeignSettings {
  majorForeignCount: number;
  briefingValidMonths: number;
  /** Todo: an activity starting within this many working days with participants unbriefed. */
  startWarningDays: number;
  /** Todo: an activity ended this many days ago and not closed. */
  closingDays: number;
}

export const DEFAULT_FOREIGN_SETTINGS: ForeignSettings = {
  majorForeignCount: DEFAULT_MAJOR_FOREIGN_COUNT,
  briefingValidMonths: DEFAULT_BRIEFING_VALID_MONTHS,
  startWarningDays: 5,
  closingDays: 15,
};

export const settingsKey = (orgId: string) => `foreign.activity_settings:${orgId}`;

const intIn = (v: unknown, lo: number, hi: number, d: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : d;

export async function foreignSettingsOf(sql: Sql, orgId: string): Promise<ForeignSettings> {
  const raw = (await readSetting(sql, settingsKey(orgId))) as Partial<
    Record<keyof ForeignSettings, unknown>
  > | null;
  const d = DEFAULT_FOREIGN_SETTINGS;
  return {
    majorForeignCount: intIn(raw?.majorForeignCount, 1, 10000, d.majorForeignCount),
    briefingValidMonths: intIn(raw?.briefingValidMonths, 1, 60, d.briefingValidMonths),
    startWarningDays: intIn(raw?.startWarningDays, 1, 60, d.startWarningDays),
    closingDays: intIn(raw?.closingDays, 1, 365, d.closingDays),
  };
}
